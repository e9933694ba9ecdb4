//! The lexical claims model's logit for each sentence of a JSON-lines file
//! (`{"text"}` a line), one number a line, with the weights given:
//!
//! ```text
//! cargo run --release --no-default-features --example lexical_logits -- MODEL.bin SENTENCES.jsonl
//! ```
//!
//! `scripts/train-claims-encoder` uses it to learn how the encoder's logit
//! and the lexical model's combine, from a lexical model trained without the
//! held-aside sentences (so their lexical logits are as honest as the
//! encoder's).

use article_annotator::analysis::claims::{cues, features, lexical_model::Model};
use std::io::{BufRead, Write};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, sentences] = args.as_slice() else {
        return Err("usage: lexical_logits MODEL.bin SENTENCES.jsonl".into());
    };
    let bytes = std::fs::read(model).map_err(|e| format!("{model}: {e}"))?;
    let model = Model::from_bytes(&bytes).ok_or(format!("{model}: not a claims model"))?;
    let file = std::fs::File::open(sentences).map_err(|e| format!("{sentences}: {e}"))?;
    let mut out = std::io::stdout().lock();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.map_err(|e| e.to_string())?;
        let row: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let text = row["text"].as_str().unwrap_or_default();
        let logit = model.logit(&features::hashed(text), &cues::detect(text));
        writeln!(out, "{}", logit.total()).map_err(|e| e.to_string())?;
    }
    Ok(())
}
