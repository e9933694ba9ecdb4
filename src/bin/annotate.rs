//! `annotate`: the command-line door onto the annotator's core.
//!
//! ```text
//! annotate [--threshold T] [FILE]      one text (stdin without FILE) → {"annotations": [...]}
//! annotate --jsonl [--threshold T]     JSON lines {"id","text"} on stdin → {"id","annotations"} per line
//! annotate eval claims|quotes|boilerplate FILE.jsonl   precision / recall / F1 per source
//! ```

use article_annotator::core::{self, eval, Annotation, DEFAULT_CLAIM_THRESHOLD};
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: annotate [--threshold T] [FILE]
       annotate --jsonl [--threshold T]  < docs.jsonl
       annotate eval claims|quotes|boilerplate FILE.jsonl [--threshold T]

Prints annotations as JSON. Offsets count Unicode code points, end exclusive.";

#[derive(Debug)]
struct Options {
    threshold: f32,
    jsonl: bool,
    eval: Option<String>,
    file: Option<String>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        threshold: DEFAULT_CLAIM_THRESHOLD,
        jsonl: false,
        eval: None,
        file: None,
    };
    let mut args = args.peekable();
    if args.peek().map(String::as_str) == Some("eval") {
        args.next();
        options.eval = Some(
            args.next()
                .ok_or("eval needs a kind: claims, quotes or boilerplate")?,
        );
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--jsonl" => options.jsonl = true,
            "--threshold" => {
                let value = args.next().ok_or("--threshold needs a number in [0, 1]")?;
                options.threshold = value
                    .parse::<f32>()
                    .ok()
                    .filter(|t| (0.0..=1.0).contains(t))
                    .ok_or_else(|| format!("--threshold: '{value}' is not a number in [0, 1]"))?;
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            file if options.file.is_none() => options.file = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'\n{USAGE}")),
        }
    }
    Ok(options)
}

#[derive(Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    annotations: Vec<Annotation>,
}

#[derive(Deserialize)]
struct InputLine {
    id: serde_json::Value,
    text: String,
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let result = match (&options.eval, options.jsonl) {
        (Some(kind), _) => run_eval(kind, &options),
        (None, true) => run_jsonl(&options),
        (None, false) => run_single(&options),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("annotate: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_single(options: &Options) -> Result<ExitCode, String> {
    let (name, bytes) = match &options.file {
        Some(path) => (
            path.clone(),
            std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
        ),
        None => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            ("standard input".to_string(), bytes)
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let output = Output {
        id: None,
        annotations: core::annotate(&text).annotations(options.threshold),
    };
    let json = serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}

/// One output line per input line, in order. A bad line is reported on
/// stderr with its number and skipped; the exit code then says so.
fn run_jsonl(options: &Options) -> Result<ExitCode, String> {
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bad_lines = 0usize;
    for (index, line) in stdin.split(b'\n').enumerate() {
        let number = index + 1;
        let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
        match parse_jsonl_line(&line) {
            Ok(None) => {}
            Ok(Some(input)) => {
                let output = Output {
                    id: Some(&input.id),
                    annotations: core::annotate(&input.text).annotations(options.threshold),
                };
                let json = serde_json::to_string(&output).map_err(|e| e.to_string())?;
                writeln!(out, "{json}").map_err(|e| format!("cannot write: {e}"))?;
            }
            Err(message) => {
                bad_lines += 1;
                eprintln!("annotate: line {number}: {message}");
            }
        }
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    if bad_lines > 0 {
        eprintln!("annotate: {bad_lines} input line(s) skipped");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_jsonl_line(line: &[u8]) -> Result<Option<InputLine>, String> {
    let line = std::str::from_utf8(line).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at column {})",
            e.valid_up_to() + 1
        )
    })?;
    if line.trim().is_empty() {
        return Ok(None);
    }
    serde_json::from_str::<InputLine>(line)
        .map(Some)
        .map_err(|e| format!("not a JSON object with \"id\" and \"text\": {e}"))
}

fn run_eval(kind: &str, options: &Options) -> Result<ExitCode, String> {
    let path = options.file.as_deref().ok_or("eval needs a FILE.jsonl")?;
    let report = eval::evaluate_file(kind, path, options.threshold)?;
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
