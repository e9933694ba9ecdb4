//! The example article's claim rows (`tests/fixtures/moscow-times-kursk.*`)
//! with claims scored as the CLI scores them by default: the lexical
//! analysis, then every claim sentence rescored by the fine-tuned encoder
//! (`claims::combine`). `tests/example_article.rs` checks the lexical scores.
#![cfg(all(feature = "encoder", not(target_arch = "wasm32")))]

use article_annotator::analysis::claims::{combine, ScoredBy};
use article_annotator::analysis::{annotate, Analysis, Kind, DEFAULT_CLAIM_THRESHOLD};
use claims_encoder::Encoder;
use serde_json::Value;

const TEXT: &str = include_str!("fixtures/moscow-times-kursk.txt");
const EXPECTED: &str = include_str!("fixtures/moscow-times-kursk.expected.json");
const WEIGHTS: &[u8] = include_bytes!("../encoder/model/claims-encoder.safetensors");

fn encoder_scored() -> Analysis {
    let encoder = Encoder::load(WEIGHTS).expect("the committed weights load");
    analysis_with(&encoder, TEXT)
}

/// The analysis of `text` with its claims rescored by `encoder`, as the CLI does.
fn analysis_with(encoder: &Encoder, text: &str) -> Analysis {
    let mut analysis = annotate(text);
    let logits = encoder
        .logits(&combine::claim_sentences(text, &analysis))
        .expect("scores");
    combine::rescore(&mut analysis, &logits).expect("one logit per sentence");
    analysis
}

fn span(v: &Value) -> (usize, usize) {
    let s = v.as_array().expect("a span is [start, end]");
    (
        s[0].as_u64().unwrap() as usize,
        s[1].as_u64().unwrap() as usize,
    )
}

#[test]
fn must_and_must_not_claims_hold_with_the_encoder() {
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    let analysis = encoder_scored();
    assert!(analysis
        .claim_evidence
        .iter()
        .all(|e| e.scored_by == ScoredBy::Encoder));
    let claims: Vec<_> = analysis
        .annotations(DEFAULT_CLAIM_THRESHOLD)
        .into_iter()
        .filter(|a| a.kind == Kind::Claim)
        .collect();
    let text = |start: usize, end: usize| -> String {
        TEXT.chars().skip(start).take(end - start).collect()
    };
    for must in expected["claims"]["must"].as_array().unwrap() {
        let (start, end) = span(&must["span"]);
        assert!(
            claims.iter().any(|c| c.start == start && c.end == end),
            "claim {start}..{end} not shown: {}\nscored: {:?}",
            text(start, end),
            analysis
                .sentences
                .iter()
                .map(|c| (c.start, c.end, c.score))
                .collect::<Vec<_>>()
        );
    }
    for must_not in expected["claims"]["must_not"].as_array().unwrap() {
        let (start, end) = span(&must_not["span"]);
        let bad: Vec<_> = claims
            .iter()
            .filter(|c| c.start < end && start < c.end)
            .collect();
        assert!(bad.is_empty(), "claims inside {start}..{end}: {bad:?}");
    }
}

#[test]
fn every_claim_reason_says_which_way_it_moved_the_score() {
    for sentence in encoder_scored().sentences {
        assert!(
            sentence
                .reasons
                .iter()
                .any(|r| r.contains("language model")),
            "{sentence:?}"
        );
        for reason in &sentence.reasons {
            assert!(
                reason.starts_with("raised: ")
                    || reason.starts_with("lowered: ")
                    || reason.starts_with(combine::UNWEIGHED_PREFIX)
                    || reason.starts_with("said by "),
                "{reason:?}"
            );
        }
    }
}

/// The claims of `text` with the encoder's scores, in order.
fn encoder_claim_scores(encoder: &Encoder, text: &str) -> Vec<f32> {
    analysis_with(encoder, text)
        .annotations(DEFAULT_CLAIM_THRESHOLD)
        .into_iter()
        .filter(|a| a.kind == Kind::Claim)
        .map(|a| a.score)
        .collect()
}

#[test]
fn an_emoji_after_every_word_changes_no_claim() {
    // The encoder reads what the detectors read: before, every word with an
    // emoji stuck to it was unknown to its vocabulary, and seven claims fell to one.
    let mut decorated = String::new();
    let mut chars = TEXT.chars().peekable();
    while let Some(c) = chars.next() {
        decorated.push(c);
        if !c.is_whitespace() && chars.peek().is_none_or(|n| n.is_whitespace()) {
            decorated.push('\u{1F525}');
        }
    }
    let encoder = Encoder::load(WEIGHTS).expect("the committed weights load");
    let clean = encoder_claim_scores(&encoder, TEXT);
    assert!(clean.len() >= 5, "{clean:?}");
    assert_eq!(encoder_claim_scores(&encoder, &decorated), clean);
}
