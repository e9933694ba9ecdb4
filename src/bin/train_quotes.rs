//! `train-quotes`: learns the quote detector's weights and writes them.
//!
//! ```text
//! train-quotes QUOTES.jsonl [OUT.rs] [--ablate]
//! ```
//!
//! QUOTES.jsonl holds labelled documents as `shared/eval/quotes.dev.jsonl`
//! does. The quote score is a logistic regression over each quotation's
//! evidence (`analysis::quotes::evidence`), fitted on every document, its
//! bias placed at the best span-F1 threshold of a cross-validation grouped
//! by document. `--ablate` prints, for each feature, the grouped-CV figures
//! without it (how the features kept were judged). Deterministic: no
//! randomness, folds by a hash of each document's id.
//!
//! `annotate eval quotes QUOTES.jsonl` prints the committed model's figures
//! and the grouped-CV ones.

use article_annotator::analysis::eval::{self, Document};
use article_annotator::analysis::quote_training::{
    cross_validate, examples_of, train, DocumentExamples, Grouping, QUOTE_L2,
};
use article_annotator::analysis::quotes::evidence::FEATURES;
use article_annotator::analysis::quotes::speaker_features::{self, SPEAKER_FEATURES};
use article_annotator::analysis::quotes::RULING_OUT;
use std::fmt::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ablate = args.iter().any(|a| a == "--ablate");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(input) = paths.first() else {
        eprintln!("usage: train-quotes QUOTES.jsonl [OUT.rs] [--ablate]");
        return ExitCode::from(2);
    };
    let default_out = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/analysis/quotes/weights.rs"
    );
    let output = paths.get(1).map_or(default_out, |p| p.as_str());
    match run(input, output, ablate) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train-quotes: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, output: &str, ablate: bool) -> Result<(), String> {
    let docs = eval::read_documents(input)?;
    let examples: Vec<DocumentExamples> = docs.iter().map(|d| examples_of(d, 0)).collect();
    let quotes: usize = examples.iter().map(|e| e.quotes.len()).sum();
    eprintln!("{} documents, {quotes} quotations found", docs.len());
    let groups: Vec<_> = examples.iter().flat_map(|e| &e.speakers).collect();
    let reachable = groups.iter().filter(|g| g.iter().any(|(_, y)| *y)).count();
    let picked = groups
        .iter()
        .filter(|g| g.iter().any(|(x, y)| *y && x[0] == 1.0))
        .count();
    eprintln!(
        "speakers: {} matched quotations with a gold speaker; the rules' pick is right for {picked}, some proposal for {reachable}",
        groups.len()
    );
    if ablate {
        print_ablations(&docs, &examples);
    }
    let all: Vec<&DocumentExamples> = examples.iter().collect();
    let model = train(&all, QUOTE_L2);
    let mut out = String::from(
        "//! Learned weights of the quote detector, written by `train-quotes`; do not edit.\n\
         //! Features: `speaker::candidates::SPEAKER_FEATURES` and `evidence::FEATURES`, in order.\n\n",
    );
    let mut array = |name: &str, weights: &[f32], names: &[&str]| {
        let _ = writeln!(out, "pub(super) const {name}: [f32; {}] = [", weights.len());
        for (w, feature) in weights.iter().zip(names) {
            let _ = writeln!(out, "    {w:?}, // {feature}");
        }
        let _ = writeln!(out, "];");
    };
    array("SPEAKER", &model.speaker.weights, &SPEAKER_FEATURES);
    array("QUOTE", &model.quote.weights, &FEATURES);
    let _ = writeln!(
        out,
        "pub(super) const QUOTE_BIAS: f32 = {:?};",
        model.quote.bias
    );
    std::fs::write(output, out).map_err(|e| format!("cannot write {output}: {e}"))?;
    eprintln!("wrote {output}");
    for (w, name) in model.speaker.weights.iter().zip(SPEAKER_FEATURES) {
        eprintln!("{w:>8.3}  speaker: {name}");
    }
    for (w, name) in model.quote.weights.iter().zip(FEATURES) {
        eprintln!("{w:>8.3}  {name}");
    }
    eprintln!("{:>8.3}  bias", model.quote.bias);
    Ok(())
}

/// Grouped-CV figures with every rule and feature, then without each rule
/// (it proposes nothing, and the rules' order skips it) and without each
/// feature (zeroed in training, so its weight is zero) in turn.
fn print_ablations(docs: &[Document], examples: &[DocumentExamples]) {
    let line = |name: &str, examples: &[DocumentExamples], rules_off: u32| {
        let s = cross_validate(docs, examples, Grouping::Document { folds: 5 }, rules_off);
        println!(
            "{name:<60} span F1 {:.4} (fp {}, fn {})  speaker acc {:.4} ({}/{})",
            s.spans.f1(),
            s.spans.fp,
            s.spans.fn_,
            s.speaker_right as f64 / s.matched.max(1) as f64,
            s.speaker_right,
            s.matched
        );
    };
    line("all features and rules", examples, 0);
    let mut switches = speaker_features::rules();
    switches.push(("categorical rules ruling a quotation out", RULING_OUT));
    for (name, bit) in switches {
        let without: Vec<DocumentExamples> = docs.iter().map(|d| examples_of(d, bit)).collect();
        line(&format!("without {name}"), &without, bit);
    }
    for (j, name) in SPEAKER_FEATURES.iter().enumerate() {
        let without: Vec<DocumentExamples> = examples
            .iter()
            .map(|e| {
                let mut e = e.clone();
                for (x, _) in e.speakers.iter_mut().flatten() {
                    x[j] = 0.0;
                }
                e
            })
            .collect();
        line(&format!("speaker, without {name}"), &without, 0);
    }
    for (j, name) in FEATURES.iter().enumerate() {
        let without: Vec<DocumentExamples> = examples
            .iter()
            .map(|e| {
                let mut e = e.clone();
                for (x, _) in &mut e.quotes {
                    x[j] = 0.0;
                }
                e
            })
            .collect();
        line(&format!("quote, without {name}"), &without, 0);
    }
}
