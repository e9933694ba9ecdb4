//! The annotator's core: pure Rust, no browser APIs, tested natively.
//!
//! Data flows one way: text → boilerplate blocks → quotes → sentences →
//! claim scores → [`Analysis`]. The page, the JS API and the CLI are three
//! doors onto [`annotate`]; none of them re-implements a detector.
//!
//! ```
//! use article_annotator::core::{annotate, Kind};
//! let analysis = annotate("\"We won,\" she said.\nSign up for our newsletter.");
//! let shown = analysis.annotations(0.5);
//! assert!(shown.iter().any(|a| a.kind == Kind::Boilerplate));
//! assert!(analysis.annotations(0.5).iter().any(|a| a.kind == Kind::Quote));
//! ```

pub mod anchor;
pub mod boilerplate;
pub mod changes;
pub mod claims;
pub mod document;
pub mod editing;
pub mod eval;
pub mod export;
pub mod library;
pub mod model;
pub mod normalise;
pub mod offsets;
pub mod quotes;
pub mod segment;

pub use model::{Analysis, Annotation, Finding, Kind, Speaker, SpeakerFinding};

use offsets::OffsetMap;
use std::ops::Range;

/// The claim threshold used when the user has not chosen one.
pub const DEFAULT_CLAIM_THRESHOLD: f32 = 0.5;

/// Analyses `text`: finds boilerplate blocks, quotes with their speakers,
/// and scores every sentence outside boilerplate for check-worthiness.
pub fn annotate(text: &str) -> Analysis {
    let boilerplate = boilerplate::detect(text);
    let masked = |range: &Range<usize>| mostly_inside_any(range, &boilerplate);

    let quotes: Vec<Finding> = quotes::detect(text)
        .into_iter()
        .filter(|quote| !masked(&quote.range))
        .collect();

    let sentences: Vec<Finding> = segment::sentences(text)
        .into_iter()
        .filter(|sentence| !masked(sentence))
        .map(|sentence| {
            let mut claim = claims::score(text, sentence);
            attribute_to_quote_speaker(&mut claim, &quotes, text);
            claim
        })
        .collect();

    let map = OffsetMap::new(text);
    Analysis {
        length: map.len_chars(),
        sentences: to_public(&sentences, text, &map),
        quotes: to_public(&quotes, text, &map),
        boilerplate: to_public(&boilerplate, text, &map),
    }
}

/// A claim lying inside a quotation is the quote speaker's claim.
fn attribute_to_quote_speaker(claim: &mut Finding, quotes: &[Finding], text: &str) {
    let Some(quote) = quotes
        .iter()
        .find(|q| overlap(&q.range, &claim.range) * 2 > claim.range.len())
    else {
        return;
    };
    if let Some(speaker) = &quote.speaker {
        let name = speaker
            .resolved
            .clone()
            .unwrap_or_else(|| text[speaker.range.clone()].to_string());
        claim.reasons.push(format!("said by {name}"));
        claim.speaker = Some(speaker.clone());
    }
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn mostly_inside_any(range: &Range<usize>, blocks: &[Finding]) -> bool {
    let covered: usize = blocks.iter().map(|b| overlap(&b.range, range)).sum();
    covered * 2 > range.len()
}

/// Converts detector findings (bytes) to public annotations (code points).
fn to_public(findings: &[Finding], text: &str, map: &OffsetMap) -> Vec<Annotation> {
    findings
        .iter()
        .map(|f| Annotation {
            kind: f.kind,
            start: map.char_of_byte(f.range.start),
            end: map.char_of_byte(f.range.end),
            score: f.score,
            reasons: f.reasons.clone(),
            speaker: f.speaker.as_ref().map(|s| Speaker {
                start: map.char_of_byte(s.range.start),
                end: map.char_of_byte(s.range.end),
                text: text.get(s.range.clone()).unwrap_or_default().to_string(),
                resolved: s.resolved.clone(),
            }),
        })
        .collect()
}
