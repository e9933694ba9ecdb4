//! The annotation model every door (page, JS API, CLI) shares.
//!
//! Public offsets count Unicode code points, end exclusive, as the W3C
//! `TextPositionSelector` does. Detectors work in UTF-8 byte ranges on the
//! original text; [`crate::analysis::offsets`] is the one place that converts.

use super::reason::{Direction, Reason};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Quotes scoring below this are quoted words with no one saying them
/// (titles, nicknames, scare quotes): kept in the analysis with their
/// reason, but not shown by default.
pub const QUOTE_MIN_SCORE: f32 = 0.5;

/// What an annotation says about its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A check-worthy factual statement.
    Claim,
    /// A direct or partial quotation, marks included.
    Quote,
    /// Text that is not the article: appeals, navigation, captions, credits.
    Boilerplate,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Claim, Kind::Quote, Kind::Boilerplate];

    /// The lowercase name used in JSON, CSS (`data-kind`) and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Quote => "quote",
            Kind::Boilerplate => "boilerplate",
        }
    }
}

/// Who said a quote (or, on a claim inside a quote, who made the claim).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Code-point offset of the mention in the text.
    pub start: usize,
    /// Code-point offset just past the mention.
    pub end: usize,
    /// The mention as written ("the presidency", "he").
    pub text: String,
    /// The name a pronoun mention was resolved to, when it was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
}

/// One highlighted span, at the public boundary (code-point offsets).
///
/// In JSON, `reasons` is the array of their labels and `directions` beside
/// it each one's direction, present only when one is not neutral
/// ([`super::reason`]).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "AnnotationWire")]
pub struct Annotation {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Confidence in [0, 1]; for claims, the check-worthiness score.
    pub score: f32,
    /// The cues that decided it, strongest first where a detector orders
    /// them: each a short label and the way it moved the score.
    pub reasons: Vec<Reason>,
    pub speaker: Option<Speaker>,
    /// For one part of an annotation split over several paragraphs (a quote
    /// whose paragraphs each open with a mark): the start of its first part.
    /// Every part, the first included, carries it, so parts group by it.
    pub part_of: Option<usize>,
}

/// [`Annotation`] as its JSON is read: labels and their directions apart.
#[derive(Deserialize)]
struct AnnotationWire {
    kind: Kind,
    start: usize,
    end: usize,
    score: f32,
    reasons: Vec<String>,
    #[serde(default)]
    directions: Vec<Direction>,
    #[serde(default)]
    speaker: Option<Speaker>,
    #[serde(default)]
    part_of: Option<usize>,
}

impl From<AnnotationWire> for Annotation {
    fn from(wire: AnnotationWire) -> Annotation {
        Annotation {
            kind: wire.kind,
            start: wire.start,
            end: wire.end,
            score: wire.score,
            reasons: super::reason::from_wire(wire.reasons, &wire.directions),
            speaker: wire.speaker,
            part_of: wire.part_of,
        }
    }
}

/// [`Annotation`] as its JSON is written, borrowed: no copy per annotation.
#[derive(Serialize)]
struct AnnotationOut<'a> {
    kind: Kind,
    start: usize,
    end: usize,
    score: f32,
    /// Serialised as their labels.
    reasons: &'a [Reason],
    #[serde(skip_serializing_if = "Directions::all_neutral")]
    directions: Directions<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a Speaker>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<usize>,
}

/// The directions of a list of reasons, in order.
struct Directions<'a>(&'a [Reason]);

impl Directions<'_> {
    fn all_neutral(&self) -> bool {
        self.0.iter().all(|r| r.direction == Direction::Neutral)
    }
}

impl Serialize for Directions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| r.direction))
    }
}

impl Serialize for Annotation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        AnnotationOut {
            kind: self.kind,
            start: self.start,
            end: self.end,
            score: self.score,
            reasons: &self.reasons,
            directions: Directions(&self.reasons),
            speaker: self.speaker.as_ref(),
            part_of: self.part_of,
        }
        .serialize(serializer)
    }
}

/// A speaker as a detector finds it: a byte range of the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerFinding {
    pub range: Range<usize>,
    /// The antecedent's text when `range` is a pronoun that was resolved.
    pub resolved: Option<String>,
}

/// What a detector reports, in byte offsets of the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub range: Range<usize>,
    pub score: f32,
    pub reasons: Vec<Reason>,
    pub speaker: Option<SpeakerFinding>,
    /// Byte offset of the first part's start, for a part of a multi-part finding.
    pub part_of: Option<usize>,
}

impl Finding {
    pub fn new(kind: Kind, range: Range<usize>, score: f32) -> Self {
        Finding {
            kind,
            range,
            score: score.clamp(0.0, 1.0),
            reasons: Vec::new(),
            speaker: None,
            part_of: None,
        }
    }

    pub fn because(mut self, reason: impl Into<Reason>) -> Self {
        self.reasons.push(reason.into());
        self
    }
}

/// What the pasted page's markup says about a stretch of the shown text
/// (rich paste): `start..end` in code points of the text that is analysed,
/// `boilerplate` a prior in [-1, 1] (negative: article body, such as
/// `<article><p>`; positive: page furniture, such as `<nav>` or a class
/// named "newsletter"), and the reason shown to the user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MarkupHint {
    pub start: usize,
    pub end: usize,
    pub boilerplate: f32,
    pub reason: String,
}

/// The whole result of analysing one text.
///
/// Every sentence outside boilerplate is kept with its claim score, so that
/// the user's threshold can move without analysing again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Length of the analysed text in code points.
    pub length: usize,
    /// Every scored sentence, whatever its score, in text order.
    pub sentences: Vec<Annotation>,
    /// Quotes, in text order.
    pub quotes: Vec<Annotation>,
    /// Boilerplate blocks, in text order.
    pub boilerplate: Vec<Annotation>,
    /// What the lexical analysis knows about each of `sentences` (same
    /// order), so `claims::combine::rescore` can score them again with the
    /// encoder's logits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claim_evidence: Vec<crate::analysis::claims::ClaimEvidence>,
}

impl Analysis {
    /// The annotations shown by default: claims scoring at least
    /// `threshold`, quotes scoring at least [`QUOTE_MIN_SCORE`] (titles and
    /// scare quotes with no speaker score lower and are left out), and every
    /// boilerplate block; ordered by start, then kind.
    pub fn annotations(&self, threshold: f32) -> Vec<Annotation> {
        self.annotations_with(threshold, QUOTE_MIN_SCORE)
    }

    /// Like [`Analysis::annotations`], with the quote floor chosen too
    /// (0 shows every quoted span, titles and scare quotes included).
    pub fn annotations_with(&self, claim_threshold: f32, quote_threshold: f32) -> Vec<Annotation> {
        let claims = self.sentences.iter().filter(|s| s.score >= claim_threshold);
        let quotes = self.quotes.iter().filter(|q| q.score >= quote_threshold);
        in_order(claims.chain(quotes).chain(&self.boilerplate).cloned())
    }

    /// [`Analysis::annotations`], moved out of the analysis rather than
    /// copied: for a caller that is done with it (the CLI on a book), the
    /// shown annotations and the analysis are never held twice.
    pub fn into_annotations(self, threshold: f32) -> Vec<Annotation> {
        let Analysis {
            sentences,
            quotes,
            boilerplate,
            ..
        } = self;
        let claims = sentences.into_iter().filter(|s| s.score >= threshold);
        let quotes = quotes.into_iter().filter(|q| q.score >= QUOTE_MIN_SCORE);
        in_order(claims.chain(quotes).chain(boilerplate))
    }
}

/// Ordered by start, then kind.
fn in_order(annotations: impl Iterator<Item = Annotation>) -> Vec<Annotation> {
    let mut all: Vec<Annotation> = annotations.collect();
    all.sort_by_key(|a| (a.start, a.kind, a.end));
    all
}
