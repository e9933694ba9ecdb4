//! Issue 6's round trip on the example article: analyse it, judge a claim,
//! add an annotation of one's own, export W3C JSON-LD, edit the text, import
//! the export onto the edited copy: every annotation is re-anchored or listed
//! as an orphan, and the judgement survives.

use article_annotator::analysis::anchor::Fit;
use article_annotator::analysis::document::{Article, Origin, Review, SavedAnnotation, Verdict};
use article_annotator::analysis::export::web_annotation::{
    from_web_annotations, to_web_annotations,
};
use article_annotator::analysis::{annotate, Kind, DEFAULT_CLAIM_THRESHOLD};

const TEXT: &str = include_str!("fixtures/moscow-times-kursk.txt");

fn judged_example() -> Article {
    let detections = annotate(TEXT).annotations(DEFAULT_CLAIM_THRESHOLD);
    let mut article =
        Article::with_detections("example", TEXT, "2026-11-25T10:00:00Z", &detections);
    let claim = article
        .annotations
        .iter_mut()
        .find(|a| a.kind == Kind::Claim && a.exact.starts_with("More than 1,500 civilians"))
        .expect("the civilians claim is detected");
    claim.review = Review::Accepted;
    claim.judgement.verdict = Verdict::Unverifiable;
    claim.judgement.note = "No independent count of civilians in the occupied area.".into();
    claim.judgement.sources = vec!["https://example.org/kursk-estimate".into()];
    let sudzha = TEXT.find("Sudzha").unwrap();
    let start = TEXT[..sudzha].chars().count();
    article.annotations.push(SavedAnnotation {
        id: "mine-1".into(),
        kind: Kind::Claim,
        start,
        end: start + "Sudzha".chars().count(),
        exact: "Sudzha".into(),
        origin: Origin::Manual,
        review: Review::Accepted,
        score: None,
        reasons: vec![],
        speaker: None,
        judgement: Default::default(),
        relabelled_from: None,
        speaker_correction: None,
    });
    article
}

#[test]
fn the_judged_example_reimports_onto_an_edited_copy_with_nothing_lost() {
    let article = judged_example();
    let export = to_web_annotations(&article).to_string();
    let exported = article.annotations.len();

    // The edits a republished article gets: a new lead line, a changed
    // figure, a sentence removed.
    let edited = format!(
        "Updated at 14:00 with the latest figures.\n{}",
        TEXT.replace("More than 1,500 civilians", "More than 2,000 civilians").replace(
            "Russia has been clawing back territory, but Ukraine still occupies dozens of border settlements around the regional hub of Sudzha.\n",
            ""
        )
    );
    assert_ne!(edited, TEXT);

    let report = from_web_annotations(&export, &edited).expect("our export imports");
    assert!(!report.same_text);
    assert_eq!(
        report.placed.len() + report.orphans.len(),
        exported,
        "every annotation is placed or listed as an orphan"
    );

    let judged = report
        .placed
        .iter()
        .find(|p| p.annotation.judgement.verdict == Verdict::Unverifiable)
        .expect("the judged claim is re-anchored");
    assert!(judged
        .annotation
        .exact
        .starts_with("More than 2,000 civilians"));
    assert!(matches!(judged.fit, Fit::Fuzzy { .. }), "{:?}", judged.fit);
    assert_eq!(
        judged.annotation.judgement.sources,
        ["https://example.org/kursk-estimate"]
    );

    // The removed sentence's claim and the manual mark inside it are orphans.
    let orphaned: Vec<&str> = report.orphans.iter().map(|o| o.exact.as_str()).collect();
    assert!(
        orphaned
            .iter()
            .any(|o| o.starts_with("Russia has been clawing back")),
        "{orphaned:?}"
    );
    assert!(orphaned.contains(&"Sudzha"), "{orphaned:?}");

    // What stayed the same moved by the new lead line and is found again.
    let block = report
        .placed
        .iter()
        .find(|p| p.annotation.kind == Kind::Boilerplate)
        .expect("the donation appeal is re-anchored");
    assert_eq!(block.fit, Fit::Moved);
    let quotes = report
        .placed
        .iter()
        .filter(|p| p.annotation.kind == Kind::Quote)
        .count();
    assert_eq!(quotes, 3, "the three quotes are found again");
}
