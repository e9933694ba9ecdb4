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
        } else if let Some((_, earlier)) = previous.as_ref().filter(|(at, _)| continues(&t, *at, q)) {
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
            finding.reasons.push("title or name in quotation marks".into());
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
                finding.reasons.push("scare quote: no speaker nearby".into());
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
        finding.reasons.push(format!("'{mention}' refers to {name}"));
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
            "a" | "an" | "the" | "of" | "and" | "or" | "in" | "on" | "at" | "to" | "for" | "with"
                | "by" | "from" | "de" | "la" | "le" | "der" | "die" | "das" | "is"
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
        Evidence::Cue(Cue::GoverningClause) if partial => 0.45,
        Evidence::Cue(Cue::GoverningClause) => 0.6,
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
