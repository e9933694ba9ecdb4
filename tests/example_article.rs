//! The example article (`tests/fixtures/moscow-times-kursk.*`): every `must`
//! and `must_not` entry a careful fact-checker wrote down must hold.

use article_annotator::analysis::{annotate, Annotation, Kind, DEFAULT_CLAIM_THRESHOLD};
use serde_json::Value;

const TEXT: &str = include_str!("fixtures/moscow-times-kursk.txt");
const EXPECTED: &str = include_str!("fixtures/moscow-times-kursk.expected.json");

fn expected() -> Value {
    serde_json::from_str(EXPECTED).expect("the fixture's JSON is valid")
}

fn span(v: &Value) -> (usize, usize) {
    let s = v.as_array().expect("a span is [start, end]");
    (
        s[0].as_u64().unwrap() as usize,
        s[1].as_u64().unwrap() as usize,
    )
}

fn shown(kind: Kind) -> Vec<Annotation> {
    annotate(TEXT)
        .annotations(DEFAULT_CLAIM_THRESHOLD)
        .into_iter()
        .filter(|a| a.kind == kind)
        .collect()
}

fn slice(start: usize, end: usize) -> String {
    TEXT.chars().skip(start).take(end - start).collect()
}

fn overlaps(a: &Annotation, (start, end): (usize, usize)) -> bool {
    a.start < end && start < a.end
}

#[test]
fn boilerplate_block_is_exactly_the_donation_appeal() {
    let expected = expected();
    let blocks = shown(Kind::Boilerplate);
    for must in expected["boilerplate"]["must"].as_array().unwrap() {
        let (start, end) = span(&must["span"]);
        assert!(
            blocks.iter().any(|b| b.start == start && b.end == end),
            "no boilerplate block {start}..{end} ({:?}); got {:?}",
            slice(start, end).get(..40),
            blocks.iter().map(|b| (b.start, b.end)).collect::<Vec<_>>()
        );
    }
    for must_not in expected["boilerplate"]["must_not_overlap"]
        .as_array()
        .unwrap()
    {
        let body = span(&must_not["span"]);
        let bad: Vec<_> = blocks.iter().filter(|b| overlaps(b, body)).collect();
        assert!(
            bad.is_empty(),
            "boilerplate inside the article body: {bad:?}"
        );
    }
    assert!(
        blocks.iter().all(|b| !b.reasons.is_empty()),
        "every block says why"
    );
}

#[test]
fn the_three_quotes_are_found_with_their_speakers() {
    let expected = expected();
    let quotes = shown(Kind::Quote);
    for must in expected["quotes"]["must"].as_array().unwrap() {
        let (start, end) = span(&must["span"]);
        let quote = quotes
            .iter()
            .find(|q| q.start == start && q.end == end)
            .unwrap_or_else(|| panic!("no quote {start}..{end}: {}", slice(start, end)));
        let speaker = quote.speaker.as_ref().expect("the quote has a speaker");
        assert_eq!(speaker.text, must["speaker"].as_str().unwrap());
        assert_eq!((speaker.start, speaker.end), span(&must["speaker_span"]));
    }
}

#[test]
fn the_four_must_claims_are_shown_and_nothing_in_boilerplate() {
    let expected = expected();
    let claims = shown(Kind::Claim);
    for must in expected["claims"]["must"].as_array().unwrap() {
        let (start, end) = span(&must["span"]);
        assert!(
            claims.iter().any(|c| c.start == start && c.end == end),
            "claim {start}..{end} not shown: {}\nshown: {:?}",
            slice(start, end),
            claims
                .iter()
                .map(|c| (c.start, c.end, c.score))
                .collect::<Vec<_>>()
        );
    }
    for must_not in expected["claims"]["must_not"].as_array().unwrap() {
        let region = span(&must_not["span"]);
        let bad: Vec<_> = claims.iter().filter(|c| overlaps(c, region)).collect();
        assert!(bad.is_empty(), "claims inside {region:?}: {bad:?}");
    }
    assert!(
        claims.iter().all(|c| !c.reasons.is_empty()),
        "every claim says why"
    );
}

#[test]
fn every_annotation_lies_within_the_text_on_char_boundaries() {
    let analysis = annotate(TEXT);
    let length = TEXT.chars().count();
    assert_eq!(analysis.length, length);
    for a in analysis.annotations(0.0) {
        assert!(a.start < a.end && a.end <= length, "{a:?}");
        assert!((0.0..=1.0).contains(&a.score), "{a:?}");
    }
}
