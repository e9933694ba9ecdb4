//! Boilerplate: blocks of the paste that are not the article.
//!
//! Each non-blank line gets evidence from its words ([`lexicon`]: "Subscribe",
//! "Tous droits réservés"...), its shape ([`shape`]: image markdown, bylines,
//! timestamps, how much it reads like prose) and its neighbourhood (lines
//! that repeat, runs of menu-like items). [`sequence`] then labels all lines
//! at once, and contiguous boilerplate lines become one finding.

mod address;
mod lexicon;
mod sequence;
mod shape;

use super::{Finding, Kind};
use lexicon::{words, Lexicon};
use sequence::LineScore;
use std::collections::HashMap;
use std::ops::Range;

/// Returns boilerplate blocks as byte ranges of `text`, merged and ordered.
pub fn detect(text: &str) -> Vec<Finding> {
    let lines = lines(text);
    let evidence: Vec<Evidence> = lines.iter().map(|l| Evidence::of(l.text)).collect();
    let evidence = with_context(&lines, evidence);
    let scores: Vec<LineScore> = evidence.iter().map(|e| e.score).collect();
    let labels = sequence::decode(&scores);
    merge(&lines, &evidence, &labels)
}

/// The verdict on one line, with the evidence behind it: for tuning the
/// detector and for showing why a line was (or was not) cut.
#[derive(Debug, Clone, PartialEq)]
pub struct LineVerdict {
    /// Byte range of the line, trimmed of white space.
    pub range: Range<usize>,
    pub boilerplate: bool,
    /// How much the line reads like prose.
    pub prose: f32,
    /// Boilerplate evidence from words, shape and neighbours.
    pub cue: f32,
    pub reasons: Vec<&'static str>,
}

/// Every non-blank line of `text` with its label and evidence.
pub fn explain(text: &str) -> Vec<LineVerdict> {
    let lines = lines(text);
    let evidence: Vec<Evidence> = lines.iter().map(|l| Evidence::of(l.text)).collect();
    let evidence = with_context(&lines, evidence);
    let scores: Vec<LineScore> = evidence.iter().map(|e| e.score).collect();
    let labels = sequence::decode(&scores);
    lines
        .iter()
        .zip(&evidence)
        .zip(labels)
        .map(|((line, e), boilerplate)| LineVerdict {
            range: line.range.clone(),
            boilerplate,
            prose: e.score.prose,
            cue: e.score.cue,
            reasons: e.reasons.iter().map(|r| r.0).collect(),
        })
        .collect()
}

/// A non-blank line: its byte range (trimmed of white space) and text.
#[derive(Debug, Clone)]
struct Line<'a> {
    range: Range<usize>,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let from = start + lead;
            out.push(Line {
                range: from..from + trimmed.len(),
                text: trimmed,
            });
        }
        start += raw.len() + 1;
    }
    out
}

/// Everything known about one line: its score and the reasons behind it.
#[derive(Debug, Clone, Default)]
struct Evidence {
    score: LineScore,
    words: usize,
    /// Evidence from the line's own words (lexicon, reader address).
    own_cue: f32,
    /// (reason, evidence), strongest first.
    reasons: Vec<(&'static str, f32)>,
}

/// Caps a line's summed cue evidence: several weak cues are not certainty.
const MAX_CUE: f32 = 6.0;

impl Evidence {
    fn of(line: &str) -> Evidence {
        let words = words(line);
        let n = shape::word_count(line, &words).max(1);
        let mut reasons = shape::cues(line, &words);
        let lexical = lexicon_evidence(&words, n);
        let own_cue = lexical.iter().map(|r| r.1).sum::<f32>();
        reasons.extend(lexical);
        reasons.sort_by(|a, b| b.1.total_cmp(&a.1));
        let cue = reasons.iter().map(|r| r.1).sum::<f32>().min(MAX_CUE);
        Evidence {
            score: LineScore {
                prose: shape::prose_score(line, &words),
                cue,
            },
            words: n,
            own_cue,
            reasons,
        }
    }

    fn add(&mut self, reason: &'static str, weight: f32) {
        self.reasons.push((reason, weight));
        self.score.cue = (self.score.cue + weight).min(MAX_CUE);
    }
}

/// Lexicon evidence per reason: full weight when the phrases make up the
/// line, shrinking with the share of the line they cover, so that "Share"
/// alone is a share line but a paragraph mentioning a share is not.
fn lexicon_evidence(words: &[String], n: usize) -> Vec<(&'static str, f32)> {
    let mut by_reason: Vec<(&'static str, f32, usize, usize)> = Vec::new();
    let mut leading: Vec<(&'static str, f32)> = Vec::new();
    for hit in Lexicon::get().hits(words) {
        if hit.first_word == 0 {
            // A phrase opening the line labels it ("Read more: ...",
            // "Image caption ..."), whatever follows.
            let floor = if hit.words >= 2 { 0.6 } else { 0.35 };
            leading.push((hit.reason, hit.weight * floor));
        }
        match by_reason.iter_mut().find(|r| r.0 == hit.reason) {
            Some(r) => {
                r.1 = r.1.max(hit.weight);
                r.2 += hit.words;
                r.3 = r.3.max(hit.words);
            }
            None => by_reason.push((hit.reason, hit.weight, hit.words, hit.words)),
        }
    }
    by_reason
        .into_iter()
        .map(|(reason, weight, covered, longest)| {
            let factor = if n <= 4 {
                1.0
            } else {
                let floor = if longest >= 2 { 0.25 } else { 0.08 };
                (covered as f32 / n as f32 * 1.5).clamp(floor, 1.0)
            };
            let lead = leading
                .iter()
                .filter(|l| l.0 == reason)
                .map(|l| l.1)
                .fold(0.0, f32::max);
            (reason, (weight * factor).max(lead))
        })
        .collect()
}

/// Lines occurring this many times are furniture (repeated captions, "Advertisement").
const REPEATS: usize = 2;
/// A run of at least this many short unpunctuated lines is a menu.
const MENU_RUN: usize = 5;

/// Lines with at least this much evidence anchor a block around them.
const ANCHOR: f32 = 2.5;
/// Lines with at least this much evidence can belong to an anchored block.
const BELONGS: f32 = 0.5;
/// The most lines an anchored block may span between its anchors.
const BLOCK_SPAN: usize = 10;

/// Adds the cues that depend on other lines: repetition, menu runs and
/// blocks sandwiched between strong boilerplate lines.
fn with_context(lines: &[Line<'_>], mut evidence: Vec<Evidence>) -> Vec<Evidence> {
    for (line, e) in lines.iter().zip(evidence.iter_mut()) {
        let address = address::reader_address_words(line.text);
        if address >= 2 {
            let weight = (0.4 * address as f32).min(1.6);
            e.own_cue += weight;
            e.add("reader address", weight);
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in lines {
        *counts.entry(line.text.to_lowercase()).or_default() += 1;
    }
    for (line, e) in lines.iter().zip(evidence.iter_mut()) {
        let repeated = counts.get(&line.text.to_lowercase()).copied().unwrap_or(0) >= REPEATS;
        if repeated && !looks_like_code(line.text) {
            // Repeated captions and labels are furniture; a repeated
            // sentence (an interview's recurring question) much less so.
            let weight = if shape::ends_like_a_sentence(line.text) {
                0.8
            } else {
                1.8
            };
            e.add("repeated line", weight);
        }
    }
    let menu_like = |e: &Evidence, line: &Line<'_>| {
        e.words <= 4
            && !shape::ends_like_a_sentence(line.text)
            && line.text.chars().any(char::is_alphabetic)
            && !looks_like_code(line.text)
    };
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && menu_like(&evidence[j], &lines[j]) {
            j += 1;
        }
        if j - i >= MENU_RUN {
            for e in &mut evidence[i..j] {
                e.add("navigation line", 1.0);
            }
        }
        i = j.max(i + 1);
    }
    mark_sandwiched(&mut evidence);
    evidence
}

/// Code and data repeat lines ("FROM", "});") and come in short runs
/// without being menus.
fn looks_like_code(line: &str) -> bool {
    line.contains(['{', '}', ';', '=', '<', '>'])
}

/// A run of lines that each carry some evidence (an appeal's paragraphs
/// saying "we" and "your support"), lying between two strong boilerplate
/// lines (its heading and its "Remind me later"), is one block: its lines
/// get enough evidence to outweigh their prose.
fn mark_sandwiched(evidence: &mut [Evidence]) {
    let anchors: Vec<usize> = (0..evidence.len())
        .filter(|&i| evidence[i].score.cue >= ANCHOR)
        .collect();
    for pair in anchors.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b - a < 2 || b - a > BLOCK_SPAN {
            continue;
        }
        let inner = a + 1..b;
        if evidence[inner.clone()].iter().all(|e| e.own_cue >= BELONGS) {
            for e in &mut evidence[inner] {
                let needed = e.score.prose.max(0.0) + 0.5;
                e.add("between boilerplate lines", needed);
            }
        }
    }
}

/// Turns line labels into findings: contiguous boilerplate lines are one block.
fn merge(lines: &[Line<'_>], evidence: &[Evidence], labels: &[bool]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !labels[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < lines.len() && labels[j + 1] {
            j += 1;
        }
        out.push(block(&lines[i..=j], &evidence[i..=j]));
        i = j + 1;
    }
    out
}

/// One finding for a run of boilerplate lines, with its most telling reasons.
fn block(lines: &[Line<'_>], evidence: &[Evidence]) -> Finding {
    let start = lines.first().map_or(0, |l| l.range.start);
    let end = lines.last().map_or(start, |l| l.range.end);
    let mut totals: Vec<(&'static str, f32)> = Vec::new();
    for (reason, weight) in evidence.iter().flat_map(|e| e.reasons.iter()) {
        match totals.iter_mut().find(|t| t.0 == *reason) {
            Some(t) => t.1 += weight,
            None => totals.push((reason, *weight)),
        }
    }
    totals.sort_by(|a, b| b.1.total_cmp(&a.1));
    let margin =
        evidence.iter().map(|e| e.score.margin()).sum::<f32>() / evidence.len().max(1) as f32;
    let mut finding = Finding::new(
        Kind::Boilerplate,
        start..end,
        0.5 + 0.5 * (margin / 3.0).tanh().max(0.0),
    );
    for (reason, _) in totals.into_iter().take(4) {
        finding = finding.because(reason);
    }
    if finding.reasons.is_empty() {
        finding = finding.because("short line outside the article prose");
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_text_has_no_boilerplate() {
        assert!(detect("").is_empty());
        assert!(detect("\n \n\t\n").is_empty());
    }
}
