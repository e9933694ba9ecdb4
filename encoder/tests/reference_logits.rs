//! The Rust forward pass against PyTorch's on the same int8 weights:
//! `tests/fixtures/reference_logits.jsonl` holds the logits that
//! `scripts/train-claims-encoder` computed with the quantised model on a few
//! hundred invented sentences (claims, talk, captions, credits, headlines,
//! odd text); every Rust logit must lie within 1e-3 of its reference, and so
//! must the probabilities.

use claims_encoder::{sigmoid, Encoder};

const WEIGHTS: &[u8] = include_bytes!("../model/claims-encoder.safetensors");
const FIXTURE: &str = include_str!("fixtures/reference_logits.jsonl");

fn fixture() -> (Vec<String>, Vec<f32>) {
    FIXTURE
        .lines()
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let text = row["text"].as_str().expect("text").to_string();
            (text, row["logit"].as_f64().expect("logit") as f32)
        })
        .unzip()
}

#[test]
fn rust_logits_match_the_python_reference_within_1e_3() {
    let encoder = Encoder::load(WEIGHTS).expect("the committed weights load");
    let (texts, expected) = fixture();
    assert!(texts.len() >= 200, "{} reference sentences", texts.len());
    let got = encoder.logits(&texts).expect("scores");
    let mut worst = (0.0f32, "");
    for ((text, &want), &have) in texts.iter().zip(&expected).zip(&got) {
        let gap = (want - have).abs();
        assert!(
            (sigmoid(want) - sigmoid(have)).abs() <= 1e-3 && gap <= 1e-3,
            "{text:?}: Rust {have}, Python {want}"
        );
        if gap > worst.0 {
            worst = (gap, text);
        }
    }
    eprintln!("largest logit gap {:.2e} on {:?}", worst.0, worst.1);
    // The model tells claims from talk: a sanity check on the fixture itself.
    let claims = expected.iter().take(80).filter(|&&z| z > 0.0).count();
    assert!(
        claims > 40,
        "{claims} of the 80 templated claims score above 0"
    );
}

#[test]
fn a_sentence_scores_the_same_alone_and_in_a_batch() {
    let encoder = Encoder::load(WEIGHTS).unwrap();
    let (texts, _) = fixture();
    let batch = encoder.logits(&texts[..40]).unwrap();
    for (text, &in_batch) in texts[..40].iter().zip(&batch) {
        let alone = encoder.logits(&[text]).unwrap()[0];
        assert!(
            (alone - in_batch).abs() < 1e-4,
            "{text:?}: {alone} vs {in_batch}"
        );
    }
    assert!(encoder.logits::<&str>(&[]).unwrap().is_empty());
}

#[test]
fn a_file_that_is_not_the_weights_is_an_error_not_a_panic() {
    for bad in [&b""[..], b"not safetensors", &WEIGHTS[..1000]] {
        let error = Encoder::load(bad).err().expect("an error");
        assert!(error.0.contains("weights"), "{error}");
    }
}
