//! The fact-checker's edits to a saved [`Article`], as pure functions the
//! page's reducer calls: add a manual annotation over a selection, relabel,
//! accept, reject or remove one, judge a claim, and carry every decision over
//! to a new version of the text.
//!
//! Each edit takes the annotation as the page shows it (a detection merged
//! with the user's decisions by [`Article::merged_with`]) and records a
//! decision, so that it survives analysing the text again.
//!
//! ```
//! use article_annotator::analysis::document::{Article, Review};
//! use article_annotator::analysis::editing;
//! use article_annotator::analysis::Kind;
//! let mut article = Article::new("a", "Prices rose 5% in May. Sign up now.", "t");
//! let id = editing::add_manual(&mut article, Kind::Boilerplate, 22, 35).unwrap();
//! assert_eq!(article.annotations[0].exact, "Sign up now.");
//! let shown = article.merged_with(&[]);
//! editing::remove(&mut article, &shown[0]);
//! assert!(article.merged_with(&[]).is_empty());
//! # let _ = (id, Review::Pending);
//! ```

use super::anchor::{Selector, TextIndex};
use super::annotation::Kind;
use super::document::{slice_chars, Article, Judgement, Origin, Review, SavedAnnotation};

/// Characters of context kept on each side when re-anchoring.
const CONTEXT: usize = 32;

/// The selection `start..end` (code points) without the white space at its
/// ends; `None` when nothing but white space (or nothing) is selected.
pub fn trimmed_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let (mut start, mut end) = (start.min(chars.len()), end.min(chars.len()));
    if start > end {
        std::mem::swap(&mut start, &mut end);
    }
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start < end).then_some((start, end))
}

/// An id no annotation of `article` has yet, starting from `base`.
fn fresh_id(article: &Article, base: String) -> String {
    let taken = |id: &str| article.annotations.iter().any(|a| a.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// Adds a manual annotation of `kind` over the selection (trimmed of white
/// space) and returns its id. Selecting words already annotated as that kind
/// returns the existing annotation, accepted (a rejected one comes back).
pub fn add_manual(article: &mut Article, kind: Kind, start: usize, end: usize) -> Option<String> {
    let (start, end) = trimmed_span(&article.text, start, end)?;
    if let Some(existing) = article
        .annotations
        .iter_mut()
        .find(|a| a.same_target(kind, start, end))
    {
        existing.review = Review::Accepted;
        return Some(existing.id.clone());
    }
    let id = fresh_id(article, format!("manual-{}-{start}-{end}", kind.as_str()));
    article.annotations.push(SavedAnnotation {
        id: id.clone(),
        kind,
        start,
        end,
        exact: slice_chars(&article.text, start, end),
        origin: Origin::Manual,
        review: Review::Accepted,
        score: None,
        reasons: Vec::new(),
        speaker: None,
        judgement: Judgement::default(),
        relabelled_from: None,
        speaker_correction: None,
    });
    Some(id)
}

/// Records a decision on `shown`: it replaces the saved copy or is added.
fn decide(
    article: &mut Article,
    shown: &SavedAnnotation,
    change: impl FnOnce(&mut SavedAnnotation),
) {
    let mut decided = shown.clone();
    change(&mut decided);
    article.upsert(decided);
}

/// Accepts a detection (or a manual annotation, which already is).
pub fn accept(article: &mut Article, shown: &SavedAnnotation) {
    decide(article, shown, |a| a.review = Review::Accepted);
}

/// Rejects a detection: it stays hidden when the text is analysed again.
/// A manual annotation is simply removed.
pub fn reject(article: &mut Article, shown: &SavedAnnotation) {
    remove(article, shown);
}

/// Removes an annotation from view: a manual one is deleted, a detected one
/// is kept as rejected so the detector cannot bring it back.
pub fn remove(article: &mut Article, shown: &SavedAnnotation) {
    match shown.origin {
        Origin::Manual => article.annotations.retain(|a| a.id != shown.id),
        Origin::Detected => decide(article, shown, |a| a.review = Review::Rejected),
    }
}

/// Changes the kind of `shown` and returns the id it now has. A manual
/// annotation changes in place; a detection is rejected and replaced by a
/// manual annotation of the new kind over the same words, judgement kept.
pub fn relabel(article: &mut Article, shown: &SavedAnnotation, kind: Kind) -> String {
    if shown.kind == kind {
        return shown.id.clone();
    }
    if let Some(clash) = article
        .annotations
        .iter()
        .position(|a| a.id != shown.id && a.same_target(kind, shown.start, shown.end))
    {
        // The words already carry the new kind: keep that one, drop this one.
        article.annotations[clash].review = Review::Accepted;
        let id = article.annotations[clash].id.clone();
        remove(article, shown);
        return id;
    }
    match shown.origin {
        Origin::Manual => {
            let id = fresh_id(
                article,
                format!("manual-{}-{}-{}", kind.as_str(), shown.start, shown.end),
            );
            article.annotations.retain(|a| a.id != shown.id);
            article.annotations.push(SavedAnnotation {
                id: id.clone(),
                kind,
                ..shown.clone()
            });
            id
        }
        Origin::Detected => {
            remove(article, shown);
            let id = fresh_id(
                article,
                format!("manual-{}-{}-{}", kind.as_str(), shown.start, shown.end),
            );
            article.annotations.push(SavedAnnotation {
                id: id.clone(),
                kind,
                origin: Origin::Manual,
                review: Review::Accepted,
                score: None,
                reasons: Vec::new(),
                relabelled_from: Some(shown.kind),
                ..shown.clone()
            });
            id
        }
    }
}

/// Records what the fact-checker wrote about a claim; judging a detection
/// also accepts it.
pub fn judge(article: &mut Article, shown: &SavedAnnotation, judgement: Judgement) {
    decide(article, shown, |a| {
        a.judgement = judgement;
        a.review = Review::Accepted;
    });
}

/// Records who said a quote (the "Speaker" field): `name` trimmed, or the
/// detected speaker again when it is empty. A decision, so a detection is
/// accepted by it.
pub fn set_speaker(article: &mut Article, shown: &SavedAnnotation, name: &str) {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    decide(article, shown, |a| {
        a.speaker_correction = Some(name).filter(|n| !n.is_empty());
        a.review = Review::Accepted;
    });
}

/// Who a claim is attributed to when the user has not said: the speaker a
/// user gave a quote that contains it, else its own detected speaker (a
/// claim inside a quote), else the detected speaker of a quote around it.
pub fn suggested_author(shown: &[SavedAnnotation], claim: &SavedAnnotation) -> Option<String> {
    let around = || {
        shown
            .iter()
            .filter(|q| q.kind == Kind::Quote && mostly_inside(claim, q))
    };
    claim
        .judgement
        .author
        .clone()
        .or_else(|| around().find_map(|q| q.speaker_correction.clone()))
        .or_else(|| claim.speaker_name())
        .or_else(|| around().find_map(SavedAnnotation::speaker_name))
}

/// Whether more than half of `inner`'s words lie inside `outer` (a claim
/// in a quote, as the analysis attributes it).
pub fn mostly_inside(inner: &SavedAnnotation, outer: &SavedAnnotation) -> bool {
    let overlap = inner
        .end
        .min(outer.end)
        .saturating_sub(inner.start.max(outer.start));
    overlap * 2 > inner.end.saturating_sub(inner.start)
}

/// A saved article moved onto a new version of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Rebased {
    pub article: Article,
    /// Annotations whose words are no longer in the new text.
    pub lost: Vec<SavedAnnotation>,
}

/// Re-anchors every kept annotation of `saved` in `new_text` (exact place,
/// moved, or edited words), so that decisions follow the text. What cannot
/// be found is returned in [`Rebased::lost`] for the page to list.
pub fn rebase(saved: &Article, new_text: &str, now: &str) -> Rebased {
    let chars: Vec<char> = saved.text.chars().collect();
    let mut article = Article {
        text: new_text.to_string(),
        modified: now.to_string(),
        annotations: Vec::new(),
        ..saved.clone()
    };
    let mut lost = Vec::new();
    let index = TextIndex::new(new_text);
    for old in &saved.annotations {
        let start = old.start.min(chars.len());
        let end = old.end.clamp(start, chars.len());
        let prefix: String = chars[start.saturating_sub(CONTEXT)..start].iter().collect();
        let suffix: String = chars[end..(end + CONTEXT).min(chars.len())]
            .iter()
            .collect();
        let selector = Selector {
            exact: &old.exact,
            prefix: &prefix,
            suffix: &suffix,
            position: Some((old.start, old.end)),
        };
        match index.anchor(&selector) {
            Some(found) => article.annotations.push(SavedAnnotation {
                start: found.start,
                end: found.end,
                exact: index.slice(found.start, found.end).to_string(),
                ..old.clone()
            }),
            None => lost.push(old.clone()),
        }
    }
    Rebased { article, lost }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::annotation::{Annotation, Speaker};
    use crate::analysis::document::Verdict;

    const TEXT: &str =
        "Prices rose 5% in May. \"Taxes will fall by half,\" the minister said. Sign up now.";

    fn span(text: &str, needle: &str) -> (usize, usize) {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    fn detection(kind: Kind, needle: &str) -> Annotation {
        let (start, end) = span(TEXT, needle);
        Annotation {
            kind,
            start,
            end,
            score: 0.8,
            reasons: vec!["test".into()],
            speaker: None,
            part_of: None,
        }
    }

    fn article() -> Article {
        Article::new("a", TEXT, "2026-01-01T00:00:00Z")
    }

    #[test]
    fn a_selection_is_trimmed_and_whitespace_alone_adds_nothing() {
        assert_eq!(trimmed_span("  ab  ", 0, 6), Some((2, 4)));
        assert_eq!(trimmed_span("  ab  ", 6, 0), Some((2, 4)), "backwards");
        assert_eq!(trimmed_span("a   b", 1, 4), None);
        assert_eq!(trimmed_span("ab", 5, 9), None, "outside the text");
        let mut article = article();
        assert_eq!(add_manual(&mut article, Kind::Claim, 22, 23), None);
        assert!(article.annotations.is_empty());
    }

    #[test]
    fn a_manual_annotation_is_kept_across_analyses_and_removed_for_good() {
        let mut article = article();
        let (start, end) = span(TEXT, "Sign up now.");
        let id = add_manual(&mut article, Kind::Boilerplate, start - 1, end).unwrap();
        let shown = article.merged_with(&[detection(Kind::Claim, "Prices rose 5% in May.")]);
        assert_eq!(shown.len(), 2);
        let manual = shown.iter().find(|a| a.id == id).unwrap();
        assert_eq!(
            (manual.exact.as_str(), manual.origin),
            ("Sign up now.", Origin::Manual)
        );
        assert_eq!(
            add_manual(&mut article, Kind::Boilerplate, start, end),
            Some(id.clone()),
            "the same words and kind are not added twice"
        );
        remove(&mut article, manual);
        assert!(article.annotations.is_empty(), "a manual one is deleted");
    }

    #[test]
    fn a_rejected_detection_stays_rejected_when_analysed_again() {
        let mut article = article();
        let detected = [detection(Kind::Claim, "Prices rose 5% in May.")];
        let shown = article.merged_with(&detected);
        reject(&mut article, &shown[0]);
        assert!(article.merged_with(&detected).is_empty());
        assert_eq!(article.annotations[0].review, Review::Rejected);
        // Selecting the same words as a claim brings it back, accepted.
        let (start, end) = span(TEXT, "Prices rose 5% in May.");
        add_manual(&mut article, Kind::Claim, start, end).unwrap();
        let shown = article.merged_with(&detected);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].review, Review::Accepted);
    }

    #[test]
    fn relabelling_a_detection_hides_it_and_keeps_the_words_and_judgement() {
        let mut article = article();
        let detected = [detection(Kind::Claim, "Sign up now.")];
        let shown = article.merged_with(&detected);
        let mut judged = shown[0].clone();
        judged.judgement.note = "not a claim".into();
        let id = relabel(&mut article, &judged, Kind::Boilerplate);
        let shown = article.merged_with(&detected);
        assert_eq!(shown.len(), 1, "the claim detection does not come back");
        assert_eq!(shown[0].id, id);
        assert_eq!(shown[0].kind, Kind::Boilerplate);
        assert_eq!(shown[0].exact, "Sign up now.");
        assert_eq!(shown[0].judgement.note, "not a claim");
        // Relabelling a manual annotation changes it in place.
        let back = relabel(&mut article, &shown[0], Kind::Quote);
        let shown = article.merged_with(&detected);
        assert_eq!(shown.len(), 1);
        assert_eq!(
            (shown[0].id.as_str(), shown[0].kind),
            (back.as_str(), Kind::Quote)
        );
    }

    #[test]
    fn relabelling_onto_an_existing_annotation_of_that_kind_merges_them() {
        let mut article = article();
        let (start, end) = span(TEXT, "Sign up now.");
        let claim = add_manual(&mut article, Kind::Claim, start, end).unwrap();
        let boiler = add_manual(&mut article, Kind::Boilerplate, start, end).unwrap();
        let shown = article.merged_with(&[]);
        let claim = shown.iter().find(|a| a.id == claim).unwrap();
        assert_eq!(relabel(&mut article, claim, Kind::Boilerplate), boiler);
        assert_eq!(article.merged_with(&[]).len(), 1);
    }

    #[test]
    fn judging_a_detection_accepts_it_and_survives_reanalysis() {
        let mut article = article();
        let detected = [detection(Kind::Claim, "Prices rose 5% in May.")];
        let shown = article.merged_with(&detected);
        let judgement = Judgement {
            verdict: Verdict::MostlyFalse,
            note: "It rose 4%.".into(),
            sources: vec!["https://example.org/stats".into()],
            author: None,
            date: Some("2026-05-31".into()),
        };
        judge(&mut article, &shown[0], judgement.clone());
        let shown = article.merged_with(&detected);
        assert_eq!(shown[0].judgement, judgement);
        assert_eq!(shown[0].review, Review::Accepted);
    }

    #[test]
    fn the_author_is_suggested_from_the_quote_around_a_claim() {
        let mut quote = SavedAnnotation::from_detection(
            &detection(Kind::Quote, "\"Taxes will fall by half,\""),
            TEXT,
        );
        quote.speaker = Some(Speaker {
            start: 51,
            end: 63,
            text: "the minister".into(),
            resolved: Some("Ana Ruiz".into()),
        });
        let claim = SavedAnnotation::from_detection(
            &detection(Kind::Claim, "Taxes will fall by half"),
            TEXT,
        );
        let shown = vec![quote, claim.clone()];
        assert_eq!(
            suggested_author(&shown, &claim).as_deref(),
            Some("Ana Ruiz")
        );
        let mut written = claim.clone();
        written.judgement.author = Some("Someone else".into());
        assert_eq!(
            suggested_author(&shown, &written).as_deref(),
            Some("Someone else")
        );
        let outside = SavedAnnotation::from_detection(
            &detection(Kind::Claim, "Prices rose 5% in May."),
            TEXT,
        );
        assert_eq!(suggested_author(&shown, &outside), None);
    }

    #[test]
    fn rebasing_moves_decisions_onto_the_new_text_and_lists_what_is_gone() {
        let mut article = article();
        let detected = [
            detection(Kind::Claim, "Prices rose 5% in May."),
            detection(Kind::Boilerplate, "Sign up now."),
        ];
        let shown = article.merged_with(&detected);
        judge(&mut article, &shown[0], Judgement::default());
        reject(&mut article, &shown[1]);
        let new_text = "Update: a correction. Prices rose 5% in May. Nothing else.";
        let rebased = rebase(&article, new_text, "2026-01-02T00:00:00Z");
        assert_eq!(rebased.article.text, new_text);
        assert_eq!(rebased.article.modified, "2026-01-02T00:00:00Z");
        let claim = &rebased.article.annotations[0];
        assert_eq!(
            slice_chars(new_text, claim.start, claim.end),
            "Prices rose 5% in May."
        );
        assert_eq!(rebased.lost.len(), 1);
        assert_eq!(rebased.lost[0].exact, "Sign up now.");
    }
}
