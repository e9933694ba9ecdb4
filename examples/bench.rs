//! Native throughput of each phase of the pipeline, in MB/s, over every
//! document of the labelled data (`../shared/eval/*.dev.jsonl` by default).
//!
//! ```text
//! cargo run --release --example bench [-- DIR_OR_FILES...]
//! ```
//! Prints a table; it asserts nothing. Each phase runs over the whole corpus
//! several times and the best round is kept, to damp noise from other work
//! on the machine.

use article_annotator::core::{annotate, boilerplate, claims, quotes, segment};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ROUNDS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs = if args.is_empty() {
        vec!["../shared/eval".to_string()]
    } else {
        args
    };
    let texts = load_texts(&inputs);
    if texts.is_empty() {
        eprintln!("bench: no documents found in {inputs:?}");
        std::process::exit(1);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "native core, {} documents, {:.2} MB, best of {ROUNDS} rounds, {} cores available",
        texts.len(),
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("{:<28} {:>10} {:>10}", "phase", "ms", "MB/s");
    let row = |name: &str, time: Duration| {
        let secs = time.as_secs_f64();
        println!(
            "{name:<28} {:>10.1} {:>10.1}",
            secs * 1e3,
            bytes as f64 / 1e6 / secs
        );
    };
    row(
        "segmentation",
        best(|| texts.iter().map(|t| segment::sentences(t).len()).sum()),
    );
    row(
        "boilerplate",
        best(|| texts.iter().map(|t| boilerplate::detect(t).len()).sum()),
    );
    row(
        "quotes",
        best(|| texts.iter().map(|t| quotes::detect(t).len()).sum()),
    );
    row(
        "claims (scoring sentences)",
        best(|| {
            texts
                .iter()
                .map(|t| {
                    segment::sentences(t)
                        .into_iter()
                        .map(|s| claims::score(t, s).reasons.len())
                        .sum::<usize>()
                })
                .sum()
        }),
    );
    row(
        "whole pipeline",
        best(|| texts.iter().map(|t| annotate(t).sentences.len()).sum()),
    );
}

/// Runs `work` ROUNDS times and returns the fastest round.
fn best(work: impl Fn() -> usize) -> Duration {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(work());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn load_texts(inputs: &[String]) -> Vec<String> {
    let mut files: Vec<PathBuf> = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            found.retain(|p| p.to_string_lossy().ends_with(".dev.jsonl"));
            found.sort();
            files.extend(found);
        } else {
            files.push(path.to_path_buf());
        }
    }
    files
        .iter()
        .flat_map(|file| {
            let content = std::fs::read_to_string(file).unwrap_or_else(|e| {
                eprintln!("bench: cannot read {}: {e}", file.display());
                String::new()
            });
            content
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|doc| doc["text"].as_str().map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect()
}
