//! What happened to a saved article's claims when a new version of the text
//! is pasted: unchanged, moved, edited, or vanished. A fact-checker who
//! judged a claim needs to know when the article quietly changed it.

use super::anchor::{context_around, Fit, Selector, TextIndex};
use super::annotation::Kind;
use super::document::{Article, Review};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum ClaimChange {
    /// Same words at the same place.
    Unchanged { id: String },
    /// Same words, elsewhere in the new text.
    Moved {
        id: String,
        start: usize,
        end: usize,
    },
    /// Similar words: the claim was edited.
    Edited {
        id: String,
        before: String,
        after: String,
        start: usize,
        end: usize,
    },
    /// Not found in the new text.
    Vanished { id: String, before: String },
}

/// Compares every kept claim of `saved` with `new_text`.
pub fn compare_claims(saved: &Article, new_text: &str) -> Vec<ClaimChange> {
    let chars: Vec<char> = saved.text.chars().collect();
    let index = TextIndex::new(new_text);
    saved
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Claim && a.review != Review::Rejected)
        .map(|claim| {
            let id = claim.id.clone();
            let (prefix, suffix) = context_around(&chars, claim.start, claim.end);
            let selector = Selector {
                exact: &claim.exact,
                prefix: &prefix,
                suffix: &suffix,
                position: Some((claim.start, claim.end)),
            };
            match index.anchor(&selector) {
                Some(found) => match found.fit {
                    Fit::Exact => ClaimChange::Unchanged { id },
                    Fit::Moved => ClaimChange::Moved {
                        id,
                        start: found.start,
                        end: found.end,
                    },
                    Fit::Fuzzy { .. } => ClaimChange::Edited {
                        id,
                        before: claim.exact.clone(),
                        after: index.slice(found.start, found.end).to_string(),
                        start: found.start,
                        end: found.end,
                    },
                },
                None => ClaimChange::Vanished {
                    id,
                    before: claim.exact.clone(),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::document::SavedAnnotation;

    fn saved(text: &str, claims: &[&str]) -> Article {
        let mut article = Article::new("a", text, "t");
        for (n, claim) in claims.iter().enumerate() {
            let byte = text.find(claim).unwrap();
            let start = text[..byte].chars().count();
            let end = start + claim.chars().count();
            let detected = crate::analysis::Annotation {
                kind: Kind::Claim,
                start,
                end,
                score: 0.9,
                reasons: vec![],
                speaker: None,
                part_of: None,
            };
            let mut a = SavedAnnotation::from_detection(&detected, text);
            a.id = format!("c{n}");
            article.upsert(a);
        }
        article
    }

    #[test]
    fn each_claim_is_reported_unchanged_moved_edited_or_vanished() {
        let old = "Prices rose 5% in May. Exports fell by a third. The mayor resigned on Friday.";
        let article = saved(
            old,
            &[
                "Prices rose 5% in May.",
                "Exports fell by a third.",
                "The mayor resigned on Friday.",
            ],
        );
        let new = "Prices rose 5% in May. An update was added here. Exports fell by a quarter.";
        let changes = compare_claims(&article, new);
        assert_eq!(changes[0], ClaimChange::Unchanged { id: "c0".into() });
        match &changes[1] {
            ClaimChange::Edited { after, .. } => assert_eq!(after, "Exports fell by a quarter."),
            other => panic!("expected an edit, got {other:?}"),
        }
        assert_eq!(
            changes[2],
            ClaimChange::Vanished {
                id: "c2".into(),
                before: "The mayor resigned on Friday.".into()
            }
        );
        let moved = compare_claims(&article, &format!("New lead paragraph. {old}"));
        assert!(
            matches!(moved[0], ClaimChange::Moved { start: 20, .. }),
            "{moved:?}"
        );
    }
}
