//! Quotations and their speakers.
//!
//! [`marks`] pairs quotation marks into outermost quotations; [`tokens`]
//! folds each quotation into one token; [`speaker`] reads the attribution
//! around it and [`antecedent`] resolves a pronoun speaker. This module
//! ties them together and scores each quotation by how sure it is that
//! somebody is being quoted.

mod antecedent;
mod lexicon;
mod marks;
mod speaker;
mod tokens;

use super::{Finding, Kind, SpeakerFinding};
use antecedent::Mention;
use marks::MarkedSpan;
use speaker::Attribution;
use std::ops::Range;
use tokens::{TokenKind, Tokens};

/// Quotations of fewer words than this, with no speaker, read as scare
/// quotes, titles or nicknames rather than as someone's words.
const SCARE_QUOTE_WORDS: usize = 4;

/// Returns quotes (marks included) as byte ranges of `text`, in order.
pub fn detect(text: &str) -> Vec<Finding> {
    let spans = marks::find(text);
    let ranges: Vec<Range<usize>> = spans.iter().map(|s| s.range.clone()).collect();
    let t = Tokens::new(text, &ranges);
    let quote_tokens: Vec<usize> = (0..t.len())
        .filter(|&i| matches!(t.kind(i), Some(TokenKind::Quote(_))))
        .collect();

    let mut findings = Vec::with_capacity(spans.len());
    let mut speakers: Vec<Mention> = Vec::new();
    let mut previous: Option<(usize, SpeakerFinding)> = None;
    for (n, span) in spans.iter().enumerate() {
        let Some(&q) = quote_tokens.get(n) else { break };
        let mut finding = Finding::new(Kind::Quote, span.range.clone(), 0.0);
        finding.reasons.push(describe_marks(span).into());
        let mut evidence = Evidence::None;
        let mut speaker = None;
        if let Some(found) = speaker::attribute(&t, q) {
            evidence = Evidence::Cue(found.cue);
            speaker = Some(speaker_finding(&t, &found, &speakers, &mut finding));
        } else if let Some((_, earlier)) = previous.as_ref().filter(|(at, _)| continues(&t, *at, q))
        {
            finding.reasons.push("continues the previous quote".into());
            evidence = Evidence::Continuation;
            speaker = Some(earlier.clone());
        } else if let Some(found) = speaker::attribute_from_previous_sentence(&t, q)
            .or_else(|| speaker::attribute_from_next_sentence(&t, q))
        {
            evidence = Evidence::Cue(found.cue);
            speaker = Some(speaker_finding(&t, &found, &speakers, &mut finding));
        }
        let words = words_in(text, &span.range);
        let title = looks_like_title(text, &span.range);
        finding.score = score(span, evidence, words, title);
        if title {
            finding
                .reasons
                .push("title or name in quotation marks".into());
        }
        match &speaker {
            Some(found) => {
                if found.resolved.is_none() {
                    speakers.push(Mention {
                        range: found.range.clone(),
                        text: text.get(found.range.clone()).unwrap_or_default().into(),
                    });
                }
                previous = Some((q, found.clone()));
            }
            None if words < SCARE_QUOTE_WORDS => {
                finding
                    .reasons
                    .push("scare quote: no speaker nearby".into());
            }
            None => finding.reasons.push("no speaker found".into()),
        }
        finding.speaker = speaker;
        findings.push(finding);
    }
    findings
}

/// How the speaker of a quotation was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    None,
    Cue(speaker::Cue),
    Continuation,
}

fn describe_marks(span: &MarkedSpan) -> &'static str {
    match (span.block, span.closed, span.paragraphs > 1) {
        (true, _, _) => "block quote",
        (false, false, _) => "unclosed quotation mark: ends at paragraph end",
        (false, true, true) => "quotation marks over several paragraphs",
        (false, true, false) => "quotation marks",
    }
}

/// Turns an attribution into the public speaker, resolving pronouns, and
/// records the cues that found it.
fn speaker_finding(
    t: &Tokens,
    attribution: &Attribution,
    speakers: &[Mention],
    finding: &mut Finding,
) -> SpeakerFinding {
    let first = &t.list[attribution.tokens.start];
    let last = &t.list[attribution.tokens.end - 1];
    let range = first.range.start..last.range.end;
    if let Some(verb) = &attribution.verb {
        finding.reasons.push(format!("reporting verb '{verb}'"));
    }
    finding.reasons.push(attribution.cue.describe().into());
    let mention = t.text.get(range.clone()).unwrap_or_default().to_lowercase();
    let resolved = antecedent::antecedent_kind(&mention)
        .filter(|_| attribution.tokens.len() == 1)
        .and_then(|kind| antecedent::resolve(t, attribution.tokens.start, kind, speakers));
    if let Some(name) = &resolved {
        finding
            .reasons
            .push(format!("'{mention}' refers to {name}"));
    }
    SpeakerFinding { range, resolved }
}

/// Whether the quotation at token `q` carries on the one at `earlier`: the
/// same paragraph, or the next one with at most a few words between them.
fn continues(t: &Tokens, earlier: usize, q: usize) -> bool {
    let between = earlier + 1..q;
    let breaks = between
        .clone()
        .filter(|&i| t.kind(i) == Some(TokenKind::Break))
        .count();
    (breaks == 0 && between.len() <= 80) || (breaks == 1 && between.len() <= 12)
}

fn words_in(text: &str, range: &Range<usize>) -> usize {
    text.get(range.clone())
        .unwrap_or_default()
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether the quoted words read as a title or a name ("Meet the Press",
/// "Game of Thrones"): every word capitalised but the small ones.
fn looks_like_title(text: &str, range: &Range<usize>) -> bool {
    let inner = text.get(range.clone()).unwrap_or_default();
    let words: Vec<&str> = inner
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "by"
                | "from"
                | "de"
                | "la"
                | "le"
                | "der"
                | "die"
                | "das"
                | "is"
        )
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    capitalised(words[0]) && words.iter().all(|w| capitalised(w) || small(w))
}

/// How sure we are that the quotation is somebody's words.
fn score(span: &MarkedSpan, evidence: Evidence, words: usize, title: bool) -> f32 {
    use speaker::Cue;
    let partial = words < SCARE_QUOTE_WORDS;
    let base = match evidence {
        _ if title => 0.3,
        Evidence::Cue(Cue::GoverningClause | Cue::SpeechNoun) if partial => 0.45,
        Evidence::Cue(Cue::GoverningClause | Cue::SpeechNoun) => 0.6,
        Evidence::Cue(Cue::PreviousSentence | Cue::NextSentence) => 0.75,
        Evidence::Cue(_) => 0.9,
        Evidence::Continuation => 0.8,
        Evidence::None if partial => 0.3,
        Evidence::None => 0.55,
    };
    if span.closed {
        base
    } else {
        base - 0.2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (quoted text, speaker mention, resolved name) of every quote.
    fn quotes(text: &str) -> Vec<(&str, Option<&str>, Option<String>)> {
        detect(text)
            .into_iter()
            .map(|f| {
                let speaker = f.speaker.as_ref();
                (
                    &text[f.range.clone()],
                    speaker.map(|s| &text[s.range.clone()]),
                    speaker.and_then(|s| s.resolved.clone()),
                )
            })
            .collect()
    }

    fn speaker_of<'a>(text: &'a str, quote: &str) -> Option<&'a str> {
        let found = detect(text);
        let finding = found
            .iter()
            .find(|f| &text[f.range.clone()] == quote)
            .unwrap_or_else(|| panic!("no quote {quote} in {:?}", quotes(text)));
        finding.speaker.as_ref().map(|s| &text[s.range.clone()])
    }

    #[test]
    fn speaker_after_quote() {
        let text = "\"We are ready to talk,\" the foreign ministry said in a statement.";
        assert_eq!(
            speaker_of(text, "\"We are ready to talk,\""),
            Some("the foreign ministry")
        );
    }

    #[test]
    fn inverted_speaker_after_quote() {
        let text = "“It is over,” said Maria Lopez, a council member.";
        assert_eq!(speaker_of(text, "“It is over,”"), Some("Maria Lopez"));
    }

    #[test]
    fn speaker_before_quote_with_told() {
        let text = "Minister Anna Berg told AFP: “The talks failed.”";
        assert_eq!(
            speaker_of(text, "“The talks failed.”"),
            Some("Minister Anna Berg")
        );
    }

    #[test]
    fn according_to_names_the_speaker() {
        let text = "“Prices will rise,” according to the central bank.";
        assert_eq!(
            speaker_of(text, "“Prices will rise,”"),
            Some("the central bank")
        );
    }

    #[test]
    fn name_and_colon_introduce_a_quote() {
        let text = "Berg: « Nous partons demain. »";
        assert_eq!(speaker_of(text, "« Nous partons demain. »"), Some("Berg"));
    }

    #[test]
    fn added_attributes_a_partial_quote() {
        let text = "The mayor added that the plan was “a good start.”";
        assert_eq!(speaker_of(text, "“a good start.”"), Some("The mayor"));
    }

    #[test]
    fn pronoun_speaker_is_resolved_to_the_nearest_person() {
        let text = "Chancellor Olaf Weber opened the session. “We start now,” he said.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Some("he"));
        assert_eq!(found[0].2.as_deref(), Some("Chancellor Olaf Weber"));
    }

    #[test]
    fn it_is_resolved_to_an_organisation() {
        let text = "The Transport Ministry met Bob Stone. “Fares stay,” it said.";
        let found = quotes(text);
        assert_eq!(found[0].1, Some("it"));
        assert_eq!(found[0].2.as_deref(), Some("Transport Ministry"));
    }

    #[test]
    fn partial_quote_belongs_to_the_governing_clause() {
        let text = "The ministry said talks had stalled, accusing its rival of “bad faith” in the process.";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        let speaker = found[0].speaker.as_ref().expect("a speaker");
        assert_eq!(&text[speaker.range.clone()], "The ministry");
        assert!(found[0].score >= 0.5);
    }

    #[test]
    fn scare_quote_without_speaker_scores_low_and_says_why() {
        let text = "The so-called “reform” package passed on Tuesday.";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].speaker.is_none());
        assert!(found[0].score < 0.5);
        assert!(found[0]
            .reasons
            .iter()
            .any(|r| r == "scare quote: no speaker nearby"));
    }

    #[test]
    fn quoted_title_scores_low() {
        let text = "She appeared on “Meet the Nation” last week.";
        let found = detect(text);
        assert!(found[0].score < 0.5);
        assert!(found[0].reasons.iter().any(|r| r.contains("title")));
    }

    #[test]
    fn attribution_in_the_previous_sentence() {
        let text = "The senator made a brief statement:\n\n“We will appeal.”";
        assert_eq!(speaker_of(text, "“We will appeal.”"), Some("The senator"));
    }

    #[test]
    fn attribution_in_the_next_sentence() {
        let text = "“Nothing has changed.” The spokeswoman said so twice.";
        assert_eq!(
            speaker_of(text, "“Nothing has changed.”"),
            Some("The spokeswoman")
        );
    }

    #[test]
    fn a_second_quote_continues_the_first_speaker() {
        let text = "“The first part,” Lee said. “The second part.”";
        assert_eq!(speaker_of(text, "“The second part.”"), Some("Lee"));
    }

    #[test]
    fn multi_paragraph_quote_is_one_annotation_with_its_speaker() {
        let text = "“We will rebuild the bridge.\n\n“It will take two years,” the engineer said.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.starts_with("“We will") && found[0].0.ends_with("years,”"));
        assert_eq!(found[0].1, Some("the engineer"));
    }

    #[test]
    fn french_speaker_after_guillemets() {
        let text = "« Nous sommes prêts », a déclaré le ministre.";
        assert_eq!(
            speaker_of(text, "« Nous sommes prêts »"),
            Some("le ministre")
        );
    }

    #[test]
    fn german_speaker_before_low_high_marks() {
        let text = "Die Ministerin sagte: „Wir bleiben hier.“";
        assert_eq!(
            speaker_of(text, "„Wir bleiben hier.“"),
            Some("Die Ministerin")
        );
    }

    #[test]
    fn polish_and_czech_speakers() {
        let text = "Premier powiedział: „Nie zgadzamy się.”";
        assert_eq!(speaker_of(text, "„Nie zgadzamy się.”"), Some("Premier"));
        let text = "Ministr řekl: „Souhlasíme.“";
        assert_eq!(speaker_of(text, "„Souhlasíme.“"), Some("Ministr"));
    }

    #[test]
    fn swedish_and_danish_speakers() {
        let text = "»Vi är redo», sa statsministern.";
        assert_eq!(speaker_of(text, "»Vi är redo»"), Some("statsministern"));
        let text = "Borgmesteren sagde: »Vi bygger.«";
        assert_eq!(speaker_of(text, "»Vi bygger.«"), Some("Borgmesteren"));
    }

    #[test]
    fn japanese_quote_is_found() {
        let found = quotes("首相は「準備はできている」と述べた。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "「準備はできている」");
    }

    #[test]
    fn block_quote_is_a_quote_with_its_introducer() {
        let text = "The council wrote:\n> Our decision is final.\n> No appeal is possible.";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].reasons.iter().any(|r| r == "block quote"));
        let speaker = found[0].speaker.as_ref().expect("a speaker");
        assert_eq!(&text[speaker.range.clone()], "The council");
    }

    #[test]
    fn unbalanced_mark_does_not_swallow_the_article() {
        let text = "He said “this is it.\n\nLater the vote passed. Everyone went home.";
        let found = detect(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].range.end <= text.find("\n\n").unwrap());
        assert!(found[0].reasons[0].contains("unclosed"));
    }

    #[test]
    fn every_finding_is_a_quote_with_reasons_inside_the_text() {
        let text = "“A,” she said. 'b' \"c d e f\" » x « „y“ 「z」 > q";
        for f in detect(text) {
            assert_eq!(f.kind, Kind::Quote);
            assert!(!f.reasons.is_empty());
            assert!(text.get(f.range.clone()).is_some());
            if let Some(s) = &f.speaker {
                assert!(text.get(s.range.clone()).is_some());
            }
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "\"",
            "“”",
            "«",
            "„",
            "\n\n\"\n\n\"",
            "said \"",
            "\" said",
            "'",
            "''",
            "\u{0}\"\u{0}\"",
            "“x” he",
            "“x” — ",
            "“x”\n— ",
            "according to",
            ":\"x\"",
            "x: \"",
        ] {
            let _ = detect(text);
        }
    }

    #[test]
    fn a_megabyte_of_quotes_is_fast_enough() {
        let paragraph =
            "“We will win,” Senator Jane Doe said, calling it “a turning point.” He said so.\n\n";
        let text = paragraph.repeat(1_000_000 / paragraph.len());
        assert!(detect(&text).len() > 10_000);
    }
}
