//! Exports of a saved article in the formats fact-checkers and annotation
//! tools read, and the import of the W3C one back. Every exporter is a pure
//! function of the [`Article`]; the page turns the string into a local Blob
//! download, the CLI prints it. Nothing is uploaded anywhere.
//!
//! - [`web_annotation`]: W3C Web Annotation JSON-LD (an AnnotationCollection
//!   with TextQuote and TextPosition selectors), and its import.
//! - [`claim_review`]: schema.org ClaimReview drafts for judged claims.
//! - [`markdown`]: a readable report.
//! - [`csv`]: one row per annotation, for spreadsheets.
//! - [`project`]: the whole article (text, details, every decision) as one
//!   versioned file that opens on an empty page.

pub mod claim_review;
pub mod csv;
pub mod markdown;
pub mod project;
pub mod w3c_reading;
pub mod web_annotation;

use super::document::{Article, Review, SavedAnnotation};
use sha2::{Digest, Sha256};

/// The source's identity: a SHA-256 of its text, so that an export names
/// exactly the text it annotates without needing a URL.
pub fn text_urn(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("urn:sha256:{hex}")
}

/// The annotations an export carries: everything but rejected detections,
/// in text order.
pub(crate) fn exported(article: &Article) -> Vec<&SavedAnnotation> {
    let mut kept: Vec<&SavedAnnotation> = article
        .annotations
        .iter()
        .filter(|a| a.review != Review::Rejected)
        .collect();
    kept.sort_by_key(|a| (a.start, a.kind, a.end));
    kept
}

#[cfg(test)]
pub(crate) mod fixtures {
    use crate::analysis::annotation::{Kind, Speaker};
    use crate::analysis::document::{Article, Judgement, Origin, Review, SavedAnnotation, Verdict};

    /// A small judged article used by the exporters' tests.
    pub fn judged_article() -> Article {
        let text = "Officials said 1,500 people live there. \"We are ready,\" the office said.\nDonate now, it's quick.";
        let mut article = Article::new("art-1", text, "2026-11-25T10:00:00Z");
        article.annotations = vec![
            SavedAnnotation {
                id: "claim-0-39".into(),
                kind: Kind::Claim,
                start: 0,
                end: 39,
                exact: "Officials said 1,500 people live there.".into(),
                origin: Origin::Detected,
                review: Review::Accepted,
                score: Some(0.91),
                reasons: vec!["number".into(), "reporting verb 'said'".into()],
                speaker: None,
                judgement: Judgement {
                    verdict: Verdict::MostlyTrue,
                    note: "Local census says 1,480; \"about\" would be fair.".into(),
                    sources: vec!["https://example.org/census".into()],
                    author: Some("Officials".into()),
                    date: Some("2024-08-29".into()),
                },
                relabelled_from: None,
                speaker_correction: None,
            },
            SavedAnnotation {
                id: "quote-40-55".into(),
                kind: Kind::Quote,
                start: 40,
                end: 55,
                exact: "\"We are ready,\"".into(),
                origin: Origin::Detected,
                review: Review::Pending,
                score: Some(0.95),
                reasons: vec!["quotation marks".into()],
                speaker: Some(Speaker {
                    start: 56,
                    end: 66,
                    text: "the office".into(),
                    resolved: None,
                }),
                judgement: Judgement::default(),
                relabelled_from: None,
                speaker_correction: None,
            },
            SavedAnnotation {
                id: "m1".into(),
                kind: Kind::Boilerplate,
                start: 73,
                end: 96,
                exact: "Donate now, it's quick.".into(),
                origin: Origin::Manual,
                review: Review::Accepted,
                score: None,
                reasons: vec![],
                speaker: None,
                judgement: Judgement::default(),
                relabelled_from: None,
                speaker_correction: None,
            },
            SavedAnnotation {
                id: "claim-73-96".into(),
                kind: Kind::Claim,
                start: 73,
                end: 96,
                exact: "Donate now, it's quick.".into(),
                origin: Origin::Detected,
                review: Review::Rejected,
                score: Some(0.6),
                reasons: vec![],
                speaker: None,
                judgement: Judgement::default(),
                relabelled_from: None,
                speaker_correction: None,
            },
        ];
        article
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_urn_is_a_sha256_of_the_text() {
        assert_eq!(
            text_urn("abc"),
            "urn:sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn rejected_detections_are_not_exported() {
        let article = fixtures::judged_article();
        let ids: Vec<&str> = exported(&article).iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["claim-0-39", "quote-40-55", "m1"]);
    }

    #[test]
    fn fixture_offsets_match_its_text() {
        let article = fixtures::judged_article();
        for a in &article.annotations {
            let slice = crate::analysis::document::slice_chars(&article.text, a.start, a.end);
            assert_eq!(slice, a.exact, "{}", a.id);
        }
    }
}
