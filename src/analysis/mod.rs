//! The annotator's core: pure Rust, no browser APIs, tested natively.
//!
//! Data flows one way: text → boilerplate blocks → quotes → sentences →
//! claim scores → [`Analysis`]. The page, the JS API and the CLI are three
//! doors onto [`annotate`]; none of them re-implements a detector.
//!
//! ```
//! use article_annotator::analysis::{annotate, Kind};
//! let analysis = annotate("\"We won,\" she said.\nSign up for our newsletter.");
//! let shown = analysis.annotations(0.5);
//! assert!(shown.iter().any(|a| a.kind == Kind::Boilerplate));
//! assert!(analysis.annotations(0.5).iter().any(|a| a.kind == Kind::Quote));
//! ```

pub mod anchor;
pub mod annotation;
pub(crate) mod bits;
pub mod boilerplate;
pub mod changes;
pub mod claim_parts;
pub mod claims;
pub mod document;
pub mod editing;
pub mod eval;
pub mod eval_gate;
pub mod evidence;
pub mod explain;
pub mod export;
pub(crate) mod fnv;
pub mod html;
pub mod learn;
pub mod library;
pub mod line_chars;
#[cfg(test)]
pub(crate) mod linear_time;
pub mod normalise;
pub mod offsets;
pub mod quote_training;
pub mod quotes;
pub mod reading;
pub mod reason;
pub mod sample_article;
pub mod scan;
pub mod segment;
pub mod visible;

pub use annotation::{
    Analysis, Annotation, Finding, Kind, MarkupHint, Speaker, SpeakerFinding, QUOTE_MIN_SCORE,
};

use offsets::OffsetMap;
use std::ops::Range;

/// The claim threshold used when the user has not chosen one. The claim
/// model's bias is shifted at training time so that 0.5 is its best-F1
/// operating point under cross-validation (see `train-claims`).
pub const DEFAULT_CLAIM_THRESHOLD: f32 = 0.5;

/// The longest text the analysis reads, in bytes (2 GiB): its readings
/// keep offsets in 31 bits so that its memory stays a few times the
/// text's. The CLI refuses a longer text with a message; a page's wasm
/// memory cannot hold one with its analysis.
pub const MAX_TEXT_BYTES: usize = i32::MAX as usize;

/// A byte offset as the per-word and per-token structures store it,
/// saturating at [`MAX_TEXT_BYTES`] (which no entry point exceeds), so that
/// it always leaves the top bit free.
pub(crate) fn stored_offset(at: usize) -> u32 {
    at.min(MAX_TEXT_BYTES) as u32
}

/// Analyses `text`: finds boilerplate blocks, quotes with their speakers,
/// and scores every sentence outside boilerplate for check-worthiness.
pub fn annotate(text: &str) -> Analysis {
    annotate_with_markup(text, &[])
}

/// Like [`annotate`], for text rendered from pasted HTML ([`html::render`]):
/// `markup` carries what the page's elements said about stretches of
/// `text`, weighed as evidence by the boilerplate detector.
///
/// The detectors read the text as a reader sees it ([`visible`]: no
/// invisible marks, every line break a line feed); what they find is mapped
/// back, so offsets count the code points of `original` as given.
pub fn annotate_with_markup(original: &str, markup: &[MarkupHint]) -> Analysis {
    annotate_with(original, markup, &quotes::QuoteModel::committed())
}

/// Like [`annotate_with_markup`], without the claims' evidence
/// ([`Analysis::claim_evidence`] is empty), for a caller that never rescores
/// the claims with the language model (the CLI's `--fast`, the JS API's
/// `annotate`): on a long text the evidence is a third of the result's
/// memory.
pub fn annotate_lexically(original: &str, markup: &[MarkupHint]) -> Analysis {
    analyse(
        original,
        markup,
        &quotes::QuoteModel::committed(),
        Evidence::Drop,
    )
}

/// Like [`annotate_with_markup`], with quotes scored by `quote_model`
/// rather than the committed one (cross-validation trains one per fold).
pub fn annotate_with(
    original: &str,
    markup: &[MarkupHint],
    quote_model: &quotes::QuoteModel,
) -> Analysis {
    analyse(original, markup, quote_model, Evidence::Keep)
}

/// Whether [`analyse`] keeps each claim's evidence for rescoring.
#[derive(Clone, Copy, PartialEq)]
enum Evidence {
    Keep,
    Drop,
}

fn analyse(
    original: &str,
    markup: &[MarkupHint],
    quote_model: &quotes::QuoteModel,
    keep: Evidence,
) -> Analysis {
    let view = visible::VisibleText::of(original);
    let markup = view.hints_in_view(original, markup);
    let text = view.text();
    let mut boilerplate = boilerplate::detect_with_markup(text, &markup);
    boilerplate.sort_by_key(|b| (b.range.start, b.range.end));

    let mut in_boilerplate = Sweep::new(&boilerplate);
    let mut quotes: Vec<Finding> = quotes::detect_with(text, quote_model);
    quotes.sort_by_key(|q| (q.range.start, q.range.end));
    quotes.retain(|quote| !in_boilerplate.mostly_covers(&quote.range));
    quotes.shrink_to_fit();

    // Read once (lines, words, sentences) for every detector; the claims
    // read it now, boilerplate and quotes are to follow (ARCHITECTURE.md).
    // Read after the quotes, whose own token list is then gone: the two
    // are the analysis's largest structures, and never held at once.
    let reading = reading::Reading::new(text);

    let mut in_boilerplate = Sweep::new(&boilerplate);
    let mut in_quote = Sweep::new(&quotes);
    let questioners = claims::questioners::Questioners::of(text);
    let spoken = claims::stage_directions::has_stage_directions(text);
    let mut claim_evidence = Vec::new();
    let sentences: Vec<Finding> = reading
        .sentences()
        .iter()
        .filter(|sentence| !in_boilerplate.mostly_covers(&sentence.range))
        .map(|sentence| {
            let mut evidence = claims::evidence_read(&reading, sentence, spoken);
            let mut claim = Finding::new(Kind::Claim, sentence.range.clone(), 0.0);
            evidence.moderator = questioners
                .speaking_at(claim.range.start)
                .map(str::to_string);
            // A quotation not shown as a quote (a title, a scare quote, a
            // stray mark running to the paragraph's end) lends its speaker
            // to nobody: quotations never overlap, so no other holds it.
            if let Some(quote) = in_quote
                .mostly_inside(&claim.range)
                .filter(|quote| quote.score >= QUOTE_MIN_SCORE)
            {
                attribute_to_quote_speaker(&mut claim, &mut evidence, quote, text);
            }
            claims::combine::score_lexically(&evidence, &mut claim.score, &mut claim.reasons);
            if keep == Evidence::Keep {
                claim_evidence.push(evidence);
            }
            claim
        })
        .collect();
    // Done with: what is left is made public.
    drop(reading);

    let map = OffsetMap::new(original);
    let public = |findings| to_public(view.findings_in_original(findings), original, &map);
    Analysis {
        length: map.len_chars(),
        sentences: public(sentences),
        quotes: public(quotes),
        boilerplate: public(boilerplate),
        claim_evidence,
    }
}

/// A claim lying inside a quotation shown as a quote is the quote speaker's
/// claim.
fn attribute_to_quote_speaker(
    claim: &mut Finding,
    evidence: &mut claims::ClaimEvidence,
    quote: &Finding,
    text: &str,
) {
    if let Some(speaker) = &quote.speaker {
        let name = speaker
            .resolved
            .clone()
            .or_else(|| text.get(speaker.range.clone()).map(str::to_string))
            .unwrap_or_default();
        evidence.said_by = Some(name);
        claim.speaker = Some(speaker.clone());
    }
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Walks findings sorted by start, and not overlapping one another, alongside
/// ranges asked about in increasing order, so the pipeline stays linear
/// however many quotes and blocks a text has.
struct Sweep<'a> {
    findings: &'a [Finding],
    next: usize,
}

impl<'a> Sweep<'a> {
    fn new(findings: &'a [Finding]) -> Self {
        Sweep { findings, next: 0 }
    }

    fn overlapping(&mut self, range: &Range<usize>) -> impl Iterator<Item = &'a Finding> + use<'a> {
        while self
            .findings
            .get(self.next)
            .is_some_and(|f| f.range.end <= range.start)
        {
            self.next += 1;
        }
        let end = range.end;
        self.findings[self.next..]
            .iter()
            .take_while(move |f| f.range.start < end)
    }

    /// True when findings cover more than half of `range`.
    fn mostly_covers(&mut self, range: &Range<usize>) -> bool {
        let covered: usize = self
            .overlapping(range)
            .map(|f| overlap(&f.range, range))
            .sum();
        covered * 2 > range.len()
    }

    /// The finding that holds more than half of `range`, if any.
    fn mostly_inside(&mut self, range: &Range<usize>) -> Option<&'a Finding> {
        let r = range.clone();
        self.overlapping(range)
            .find(|f| overlap(&f.range, &r) * 2 > r.len())
    }
}

/// Converts detector findings (bytes) to public annotations (code points),
/// moving their reasons and names rather than copying them.
fn to_public(findings: Vec<Finding>, text: &str, map: &OffsetMap) -> Vec<Annotation> {
    findings
        .into_iter()
        .map(|f| Annotation {
            kind: f.kind,
            start: map.char_of_byte(f.range.start),
            end: map.char_of_byte(f.range.end),
            score: f.score,
            reasons: f.reasons,
            speaker: f.speaker.map(|s| Speaker {
                start: map.char_of_byte(s.range.start),
                end: map.char_of_byte(s.range.end),
                text: text.get(s.range.clone()).unwrap_or_default().to_string(),
                resolved: s.resolved,
            }),
            part_of: f.part_of.map(|byte| map.char_of_byte(byte)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lexical_analysis_differs_only_in_keeping_no_evidence() {
        let text = sample_article::sample_article(14);
        let full = annotate(&text);
        let lexical = annotate_lexically(&text, &[]);
        assert!(lexical.claim_evidence.is_empty());
        assert_eq!(full.claim_evidence.len(), full.sentences.len());
        assert!(!full.sentences.is_empty());
        assert_eq!(lexical.sentences, full.sentences);
        assert_eq!(lexical.quotes, full.quotes);
        assert_eq!(lexical.boilerplate, full.boilerplate);
    }

    #[test]
    fn a_claim_takes_the_speaker_only_of_a_quote_that_is_shown() {
        // "isn ‘t": a stray single mark opens a quotation that runs to the
        // paragraph's end and scores below the quote floor.
        let text = "The Aurora van is not expected until next year, but the maker isn ‘t slowing down. The van is the seventh model to use the platform, and its price rose 12% in 2024.\n\nThe end.";
        let analysis = annotate(text);
        let hidden = analysis
            .quotes
            .iter()
            .find(|q| q.score < QUOTE_MIN_SCORE)
            .expect("a hidden quotation");
        // Its speaker, the governing subject, is what the claim took before.
        assert!(hidden.speaker.is_some(), "{hidden:?}");
        let inside: Vec<&Annotation> = analysis
            .sentences
            .iter()
            .filter(|c| c.start >= hidden.start && c.end <= hidden.end)
            .collect();
        assert!(!inside.is_empty());
        for claim in inside {
            assert_eq!(claim.speaker, None, "{claim:?}");
            assert!(!claim.reasons.iter().any(|r| r.starts_with("said by")));
        }
        // A quote that is shown still lends its claims its speaker.
        let text = "“Prices rose 12% in 2024 across 40 countries,” the minister said.";
        let analysis = annotate(text);
        let claim = &analysis.sentences[0];
        assert_eq!(
            claim.speaker.as_ref().map(|s| s.text.as_str()),
            Some("the minister")
        );
        assert!(claim.reasons.iter().any(|r| r == "said by the minister"));
    }
}
