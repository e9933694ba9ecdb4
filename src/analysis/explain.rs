//! The evidence behind one line or one sentence: what `annotate explain`
//! prints, for a fact-checker asking "why is this grey?" and for an
//! engineer tuning a detector.
//!
//! Thin on purpose: it reads what the detectors already expose (the
//! boilerplate's per-line verdict, [`boilerplate::explain`]; the claims
//! model's split of a sentence's logit into its cues and wording; the
//! analysis's own findings with their reasons) and adds no rule of its own.
//! A detector that exposes more evidence extends its part here.
//!
//! ```
//! use article_annotator::analysis::explain::{explain, Target};
//! let text = "Share on Facebook\nUnemployment rose to 7.4% in March, officials said.";
//! let why = explain(text, &[], Target::Line(2)).unwrap();
//! assert_eq!(why.line.number, 2);
//! assert!(why.sentences[0].score.is_some());
//! ```

use super::claims::{self, cues, features};
use super::offsets::OffsetMap;
use super::{annotate_with_markup, boilerplate, segment, Annotation, MarkupHint};
use std::fmt::{self, Write as _};
use std::ops::Range;

/// What to explain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// A line, counted from 1 as an editor counts them.
    Line(usize),
    /// The sentence (and line) holding this code-point offset.
    At(usize),
}

/// The evidence about one line and the sentences asked about.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub line: LineEvidence,
    pub sentences: Vec<SentenceEvidence>,
    /// Quotes overlapping what was asked about, with their reasons and
    /// speakers, whatever their score.
    pub quotes: Vec<Annotation>,
    /// The boilerplate block holding the line, if any (with markup, when
    /// the text came from HTML).
    pub block: Option<Annotation>,
    /// What the page's markup said about the line (HTML input only).
    pub markup: Vec<MarkupHint>,
}

/// A line: where it is, and the boilerplate detector's verdict on it.
#[derive(Debug, Clone, PartialEq)]
pub struct LineEvidence {
    pub number: usize,
    /// Code points, end exclusive, trimmed of white space.
    pub range: Range<usize>,
    pub text: String,
    /// The detector's per-line verdict from the text alone (None for a
    /// blank line).
    pub verdict: Option<boilerplate::LineVerdict>,
}

/// A sentence: its claim score as the analysis gives it, and how the
/// lexical model's logit splits into its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceEvidence {
    /// Code points, end exclusive.
    pub range: Range<usize>,
    pub text: String,
    /// The claim score, None when the sentence lies in boilerplate (it is
    /// not scored then).
    pub score: Option<f32>,
    /// The reasons the analysis gives, in its order.
    pub reasons: Vec<String>,
    /// Each cue's effect on the lexical model's logit (positive raises
    /// the score), then the wording's (hashed n-grams) and the bias.
    pub effects: Vec<(String, f32)>,
}

/// Explains `target` in `text` (with `markup` from [`super::html::render`],
/// or none). Err names a line or offset outside the text.
pub fn explain(text: &str, markup: &[MarkupHint], target: Target) -> Result<Explanation, String> {
    let map = OffsetMap::new(text);
    let lines = line_ranges(text);
    let (line_index, asked) = match target {
        Target::Line(n) => {
            let i = n
                .checked_sub(1)
                .filter(|&i| i < lines.len())
                .ok_or_else(|| format!("line {n} is not in the text ({} lines)", lines.len()))?;
            (i, lines[i].clone())
        }
        Target::At(at) => {
            if at > map.len_chars() {
                return Err(format!(
                    "offset {at} is past the end of the text ({} code points)",
                    map.len_chars()
                ));
            }
            let byte = map.byte_of_char(at);
            let i = lines
                .iter()
                .position(|l| byte <= l.end)
                .unwrap_or(lines.len() - 1);
            (i, byte..byte)
        }
    };
    let line_bytes = trimmed(text, lines[line_index].clone());
    let chars = |r: &Range<usize>| map.char_of_byte(r.start)..map.char_of_byte(r.end);

    let verdict = boilerplate::explain(text)
        .into_iter()
        .find(|v| v.range == line_bytes && !line_bytes.is_empty());
    let analysis = annotate_with_markup(text, markup);
    let touches = |a: &Annotation, r: &Range<usize>| {
        a.start < r.end.max(r.start + 1) && r.start < a.end.max(a.start + 1)
    };
    let asked_chars = if asked.is_empty() {
        chars(&asked)
    } else {
        chars(&line_bytes)
    };

    let sentences = segment::sentences(text)
        .into_iter()
        .filter(|s| {
            if asked.is_empty() {
                s.start <= asked.start && asked.start <= s.end
            } else {
                s.start < line_bytes.end && line_bytes.start < s.end
            }
        })
        .map(|s| {
            let range = chars(&s);
            let scored = analysis
                .sentences
                .iter()
                .find(|a| a.start == range.start && a.end == range.end);
            SentenceEvidence {
                text: text[s.clone()].to_string(),
                score: scored.map(|a| a.score),
                reasons: scored.map(|a| a.reasons.clone()).unwrap_or_default(),
                effects: lexical_effects(&text[s]),
                range,
            }
        })
        .collect();
    let line_chars = chars(&line_bytes);
    Ok(Explanation {
        line: LineEvidence {
            number: line_index + 1,
            text: text[line_bytes.clone()].to_string(),
            range: line_chars.clone(),
            verdict,
        },
        sentences,
        quotes: analysis
            .quotes
            .iter()
            .filter(|q| touches(q, &asked_chars))
            .cloned()
            .collect(),
        block: analysis
            .boilerplate
            .iter()
            .find(|b| touches(b, &line_chars))
            .cloned(),
        markup: markup
            .iter()
            .filter(|h| h.start < line_chars.end && line_chars.start < h.end)
            .cloned()
            .collect(),
    })
}

/// The lexical claims model's logit of one sentence, by part: each cue
/// that fired, the wording (hashed n-grams) and the bias.
fn lexical_effects(sentence: &str) -> Vec<(String, f32)> {
    let hits = cues::detect(sentence);
    let logit = claims::committed_model().logit(&features::hashed(sentence), &hits);
    let mut effects: Vec<(String, f32)> = hits
        .iter()
        .zip(&logit.cues)
        .map(|(hit, &effect)| (hit.reason(), effect))
        .collect();
    effects.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    effects.push((
        "wording (hashed word and character n-grams)".into(),
        logit.wording,
    ));
    effects.push(("bias".into(), logit.bias));
    effects
}

/// Every line's byte range, newline excluded; a text has at least one.
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push(start..start + line.len());
        start += line.len() + 1;
    }
    out
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let line = &text[range.clone()];
    let start = range.start + (line.len() - line.trim_start().len());
    start..start + line.trim().len()
}

fn direction(effect: f32) -> &'static str {
    if effect > 0.0 {
        "raises"
    } else if effect < 0.0 {
        "lowers"
    } else {
        "neutral"
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        let l = &self.line;
        let _ = writeln!(
            out,
            "line {} (code points {}..{}): {:?}",
            l.number, l.range.start, l.range.end, l.text
        );
        let _ = writeln!(out, "\nboilerplate");
        match &l.verdict {
            Some(v) => {
                let _ = writeln!(
                    out,
                    "  verdict from the text alone: {} (prose {:.2}, cue evidence {:.2})",
                    if v.boilerplate { "boilerplate" } else { "body" },
                    v.prose,
                    v.cue
                );
                for reason in &v.reasons {
                    let _ = writeln!(out, "  - {reason}");
                }
            }
            None => {
                let _ = writeln!(out, "  a blank line: no verdict");
            }
        }
        for hint in &self.markup {
            let _ = writeln!(
                out,
                "  markup: {} (boilerplate evidence {:+.2}, code points {}..{})",
                hint.reason, hint.boilerplate, hint.start, hint.end
            );
        }
        match &self.block {
            Some(b) => {
                let _ = writeln!(
                    out,
                    "  in the boilerplate block {}..{} (score {:.2}): {}",
                    b.start,
                    b.end,
                    b.score,
                    b.reasons.join("; ")
                );
            }
            None => {
                let _ = writeln!(out, "  in no boilerplate block");
            }
        }
        for s in &self.sentences {
            let _ = writeln!(
                out,
                "\nsentence {}..{}: {:?}",
                s.range.start, s.range.end, s.text
            );
            match s.score {
                Some(score) => {
                    let _ = writeln!(out, "  claim score {score:.3}: {}", s.reasons.join("; "));
                }
                None => {
                    let _ = writeln!(out, "  not scored: it lies in boilerplate");
                }
            }
            let _ = writeln!(out, "  lexical model, effect on the logit:");
            for (part, effect) in &s.effects {
                let _ = writeln!(out, "    {effect:+.3} {} {part}", direction(*effect));
            }
        }
        if self.quotes.is_empty() {
            let _ = writeln!(out, "\nquotes: none here");
        }
        for q in &self.quotes {
            let speaker = q.speaker.as_ref().map_or("no speaker".to_string(), |s| {
                let name = s.resolved.as_deref().unwrap_or(&s.text);
                format!("speaker {name:?} at {}..{}", s.start, s.end)
            });
            let _ = writeln!(
                out,
                "\nquote {}..{} (score {:.2}, {}): {}",
                q.start,
                q.end,
                q.score,
                speaker,
                q.reasons.join("; ")
            );
        }
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Share on Facebook\n\n“We rebuilt the pier in 2019,” Mayor Ana Ruiz said on Monday. It cost $3 million.\nThanks.";

    #[test]
    fn a_line_of_furniture_shows_its_verdict_and_block() {
        let why = explain(TEXT, &[], Target::Line(1)).unwrap();
        assert_eq!(why.line.text, "Share on Facebook");
        let verdict = why.line.verdict.as_ref().unwrap();
        assert!(verdict.reasons.contains(&"share line"), "{verdict:?}");
        assert!(why.block.is_some());
        assert!(why.sentences.iter().all(|s| s.score.is_none()));
    }

    #[test]
    fn a_line_of_prose_shows_each_sentence_with_its_effects() {
        let why = explain(TEXT, &[], Target::Line(3)).unwrap();
        assert_eq!(why.sentences.len(), 2);
        let money = &why.sentences[1];
        assert_eq!(money.text, "It cost $3 million.");
        assert!(money.score.is_some());
        assert!(money.effects.iter().any(|(part, _)| part == "money"));
        // The parts add up to the lexical logit.
        let logit: f32 = money.effects.iter().map(|e| e.1).sum();
        let expected = claims::score("It cost $3 million.", 0..19).score;
        assert!((claims::lexical_model::sigmoid(logit) - expected).abs() < 1e-4);
        let quote = &why.quotes[0];
        assert_eq!(quote.speaker.as_ref().unwrap().text, "Mayor Ana Ruiz");
        assert!(why.to_string().contains("speaker \"Mayor Ana Ruiz\""));
    }

    #[test]
    fn an_offset_picks_its_sentence() {
        let at = TEXT.chars().count() - "million.\nThanks.".chars().count();
        let why = explain(TEXT, &[], Target::At(at)).unwrap();
        assert_eq!(why.line.number, 3);
        assert_eq!(why.sentences.len(), 1);
        assert_eq!(why.sentences[0].text, "It cost $3 million.");
        assert!(why.quotes.is_empty());
    }

    #[test]
    fn out_of_range_targets_are_errors() {
        assert!(explain(TEXT, &[], Target::Line(0)).is_err());
        assert!(explain(TEXT, &[], Target::Line(5))
            .unwrap_err()
            .contains("4 lines"));
        assert!(explain(TEXT, &[], Target::At(10_000)).is_err());
        let blank = explain(TEXT, &[], Target::Line(2)).unwrap();
        assert!(blank.line.verdict.is_none() && blank.sentences.is_empty());
        assert!(explain("", &[], Target::At(0)).is_ok());
    }
}
