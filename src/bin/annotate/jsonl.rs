//! `annotate --jsonl`: JSON lines in, one line out per input, in order.
//!
//! Lines are read in bounded batches and each batch is annotated on every
//! core, so memory stays flat on a multi-gigabyte corpus while the output
//! order is the input order. A bad line is reported with its number and
//! skipped; the exit code then says so.
//!
//! Each line's "id" comes back byte for byte as it was sent (kept as raw
//! JSON, never read as a number: `12345678901234567890123` and `1e2` stay
//! what they are), and a byte-order mark before a line is skipped.

use crate::scorer::Scorer;
use article_annotator::analysis::{self, Annotation};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::io::{self, BufRead, Write};
use std::num::NonZeroUsize;

/// Lines held in memory at once; enough to keep every core busy.
const BATCH_LINES: usize = 512;

#[derive(Deserialize)]
struct InputLine<'a> {
    #[serde(borrow)]
    id: &'a RawValue,
    text: String,
}

#[derive(Serialize)]
struct OutputLine<'a> {
    id: &'a RawValue,
    /// With `--html`: the text rendered from the line's HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    annotations: Vec<Annotation>,
}

/// What became of one input line.
enum Outcome {
    Blank,
    Json(String),
    Bad(String),
}

/// Streams `input` to `output`; returns the number of bad lines. With
/// `html`, each line's "text" is HTML, rendered before it is annotated.
/// `threads`: how many documents are annotated at once (None: one per core).
/// `scorer`: how claims are scored (the encoder runs one thread per document).
pub fn run(
    input: impl BufRead,
    mut output: impl Write,
    threshold: f32,
    html: bool,
    threads: Option<NonZeroUsize>,
    scorer: Scorer,
) -> io::Result<usize> {
    let workers = threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let mut bad_lines = 0;
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(BATCH_LINES);
    let mut first_line_number = 1;
    let mut lines = input.split(b'\n');
    loop {
        batch.clear();
        for line in lines.by_ref().take(BATCH_LINES) {
            batch.push(line?);
        }
        if batch.is_empty() {
            break;
        }
        let outcomes = annotate_batch(&batch, workers, threshold, html, scorer);
        for (offset, outcome) in outcomes.into_iter().enumerate() {
            match outcome {
                Outcome::Blank => {}
                Outcome::Json(json) => writeln!(output, "{json}")?,
                Outcome::Bad(message) => {
                    bad_lines += 1;
                    eprintln!("annotate: line {}: {message}", first_line_number + offset);
                }
            }
        }
        // A batch's answers go out before the next batch is read.
        output.flush()?;
        first_line_number += batch.len();
    }
    output.flush()?;
    Ok(bad_lines)
}

/// Annotates a batch on `workers` threads, keeping the batch's order.
fn annotate_batch(
    batch: &[Vec<u8>],
    workers: usize,
    threshold: f32,
    html: bool,
    scorer: Scorer,
) -> Vec<Outcome> {
    let chunk = batch.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|lines| {
                scope.spawn(move || {
                    lines
                        .iter()
                        .map(|l| annotate_line(l, threshold, html, scorer))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Outcome::Bad("the annotator failed on this batch".into())]
                })
            })
            .collect()
    })
}

fn annotate_line(line: &[u8], threshold: f32, html: bool, scorer: Scorer) -> Outcome {
    let line = match std::str::from_utf8(line) {
        Ok(line) => line,
        Err(e) => {
            return Outcome::Bad(format!(
                "not valid UTF-8 (first bad byte at column {})",
                e.valid_up_to() + 1
            ))
        }
    };
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    if line.trim().is_empty() {
        return Outcome::Blank;
    }
    let input: InputLine = match serde_json::from_str(line) {
        Ok(input) => input,
        Err(e) => return Outcome::Bad(format!("not a JSON object with \"id\" and \"text\": {e}")),
    };
    let output = if html {
        let rendered = analysis::html::render(&input.text);
        let analysed = match scorer.analyse(&rendered.text, &rendered.hints) {
            Ok(analysed) => analysed,
            Err(e) => return Outcome::Bad(e),
        };
        OutputLine {
            id: input.id,
            annotations: analysed.into_annotations(threshold),
            text: Some(rendered.text),
        }
    } else {
        let analysed = match scorer.analyse(&input.text, &[]) {
            Ok(analysed) => analysed,
            Err(e) => return Outcome::Bad(e),
        };
        OutputLine {
            id: input.id,
            text: None,
            annotations: analysed.into_annotations(threshold),
        }
    };
    match serde_json::to_string(&output) {
        Ok(json) => Outcome::Json(json),
        Err(e) => Outcome::Bad(format!("cannot write the result: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_keeps_input_order_and_reports_bad_lines_by_number() {
        let mut input = String::new();
        for i in 0..1200 {
            input.push_str(&format!(
                "{{\"id\": {i}, \"text\": \"Line {i} said 5%.\", \"extra\": true}}\n"
            ));
            if i == 700 {
                input.push_str("{not json\n\n");
            }
        }
        let mut outputs = Vec::new();
        // Every core, one thread, and an odd number: the same lines out.
        for threads in [None, NonZeroUsize::new(1), NonZeroUsize::new(3)] {
            let mut out = Vec::new();
            let bad = run(
                input.as_bytes(),
                &mut out,
                0.5,
                false,
                threads,
                Scorer::Fast,
            )
            .unwrap();
            assert_eq!(bad, 1);
            outputs.push(String::from_utf8(out).unwrap());
        }
        let ids: Vec<u64> = outputs[0]
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        assert_eq!(ids, (0..1200).collect::<Vec<_>>());
        assert_eq!(outputs[1], outputs[0]);
        assert_eq!(outputs[2], outputs[0]);
    }

    #[test]
    fn ids_come_back_byte_for_byte_and_a_bom_is_skipped() {
        let ids = [
            "12345678901234567890123",
            "12345678901234567890124",
            "18446744073709551616",
            "1e2",
            "-0.0",
            "1.50",
            r#""tab\there \u00e9 \ud83d\ude00""#,
            r#"{"doc": [1, 2.0], "n": null}"#,
            "null",
        ];
        let mut input = String::new();
        for id in ids {
            input.push_str(&format!(
                "\u{feff}{{\"id\": {id}, \"text\": \"He said 5%.\"}}\n"
            ));
        }
        let mut out = Vec::new();
        assert_eq!(
            run(input.as_bytes(), &mut out, 0.5, false, None, Scorer::Fast).unwrap(),
            0
        );
        let out = String::from_utf8(out).unwrap();
        let sent: Vec<String> = out
            .lines()
            .map(|l| {
                let rest = l.strip_prefix("{\"id\":").unwrap();
                rest[..rest.find(",\"annotations\"").unwrap()].to_string()
            })
            .collect();
        assert_eq!(sent, ids);
    }

    #[test]
    fn invalid_utf8_is_a_bad_line_not_a_panic() {
        let mut out = Vec::new();
        let bad = run(
            &b"{\"id\":1,\"text\":\"\xff\"}\n"[..],
            &mut out,
            0.5,
            false,
            None,
            Scorer::Fast,
        )
        .unwrap();
        assert_eq!(bad, 1);
        assert!(out.is_empty());
    }
}
