//! `annotate`: the command-line door onto the annotator's core.
//!
//! ```text
//! annotate [--threshold T] [FILE]                 {"annotations": [...]} for one text
//! annotate --html [--threshold T] [FILE]          {"text", "annotations"} for an HTML page
//! annotate --jsonl [--html] [--threshold T] < docs.jsonl    {"id", "annotations"} per input line
//! annotate eval claims|quotes|boilerplate FILE.jsonl
//! annotate export w3c|claimreview|markdown|csv [FILE]
//! annotate import EXPORT.json [FILE]
//! ```
//! Offsets count Unicode code points, end exclusive. FILE defaults to stdin.
//! Claims are scored by the fine-tuned encoder unless `--fast` asks for the
//! lexical model alone ([`scorer`]).

mod exchange;
mod jsonl;
mod scorer;

use article_annotator::analysis::{self, eval, Annotation, DEFAULT_CLAIM_THRESHOLD};
use scorer::Scorer;
use serde::Serialize;
use std::io::{self, Read};
use std::num::NonZeroUsize;
use std::process::ExitCode;

const USAGE: &str = "\
usage: annotate [--fast] [--html] [--threshold T] [FILE]
       annotate --jsonl [--fast] [--html] [--threshold T] [--threads N]  < docs.jsonl
       annotate eval claims|quotes|boilerplate FILE.jsonl [--fast] [--threshold T]
       annotate export w3c|claimreview|markdown|csv [--fast] [--threshold T] [FILE]
       annotate import EXPORT.json [FILE]

Annotates a text (FILE, or standard input) with its claims, quotes and
boilerplate. Offsets count Unicode code points, end exclusive.
Claims are scored by a fine-tuned language model (all-MiniLM-L6-v2, built
in): a transformer pass over every sentence, loaded once per run (its wasm
build took 114 ms a sentence and 1.6 s to load on a busy 2-core machine;
the native speed is not measured yet).
--fast          score claims with the lexical model alone (hashed n-grams
                and cues, no transformer: for large corpora)
--threshold T   show claims scoring at least T (0 to 1)
--html          the input is HTML (a saved page, a clipboard's text/html):
                it is rendered as a browser shows it, its markup (<nav>,
                captions, class names such as 'newsletter', link-dense
                lines) is weighed as boilerplate evidence, and the output
                adds \"text\": the rendered text the offsets count in.
                With --jsonl, each line's \"text\" holds HTML and its
                output line adds the rendered \"text\" too.
--threads N     with --jsonl: annotate on N threads (default: every core;
                1 when an engine already runs one copy per core)";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Annotate,
    Jsonl,
    Eval(String),
    Export(String),
    Import(String),
}

#[derive(Debug)]
struct Options {
    command: Command,
    threshold: f32,
    file: Option<String>,
    /// The input is HTML, rendered before it is annotated.
    html: bool,
    /// `--jsonl`'s worker threads (None: one per core).
    threads: Option<NonZeroUsize>,
    /// How claims are scored: the encoder, or `--fast` the lexical model.
    scorer: Scorer,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut args = args.peekable();
    let mut command = match args.peek().map(String::as_str) {
        Some(word @ ("eval" | "export" | "import")) => {
            let word = word.to_string();
            args.next();
            let what = args
                .next()
                .ok_or_else(|| format!("{word} needs an argument\n{USAGE}"))?;
            match word.as_str() {
                "eval" => Command::Eval(what),
                "export" => Command::Export(what),
                _ => Command::Import(what),
            }
        }
        _ => Command::Annotate,
    };
    let mut options = Options {
        command: Command::Annotate,
        threshold: DEFAULT_CLAIM_THRESHOLD,
        file: None,
        html: false,
        threads: None,
        scorer: Scorer::Encoder,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--jsonl" if command == Command::Annotate => command = Command::Jsonl,
            "--fast" if !matches!(command, Command::Import(_)) => options.scorer = Scorer::Fast,
            "--html" if matches!(command, Command::Annotate | Command::Jsonl) => {
                options.html = true
            }
            "--threshold" => {
                let value = args.next().ok_or("--threshold needs a number in [0, 1]")?;
                options.threshold = value
                    .parse::<f32>()
                    .ok()
                    .filter(|t| (0.0..=1.0).contains(t))
                    .ok_or_else(|| format!("--threshold: '{value}' is not a number in [0, 1]"))?;
            }
            "--threads" => {
                let value = args.next().ok_or("--threads needs a number of threads")?;
                options.threads = Some(value.parse().map_err(|_| {
                    format!("--threads: '{value}' is not a number of threads (1 or more)")
                })?);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            file if options.file.is_none() => options.file = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'\n{USAGE}")),
        }
    }
    if options.threads.is_some() && command != Command::Jsonl {
        return Err(format!("--threads goes with --jsonl\n{USAGE}"));
    }
    options.command = command;
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("annotate: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> Result<ExitCode, String> {
    let threshold = options.threshold;
    match &options.command {
        Command::Annotate => {
            #[derive(Serialize)]
            struct Output {
                /// The rendered text, when the input was HTML.
                #[serde(skip_serializing_if = "Option::is_none")]
                text: Option<String>,
                annotations: Vec<Annotation>,
            }
            let input = read_text(options.file.as_deref())?;
            let output = if options.html {
                let rendered = analysis::html::render(&input);
                Output {
                    annotations: options
                        .scorer
                        .analyse(&rendered.text, &rendered.hints)?
                        .annotations(threshold),
                    text: Some(rendered.text),
                }
            } else {
                Output {
                    text: None,
                    annotations: options.scorer.analyse(&input, &[])?.annotations(threshold),
                }
            };
            print_out(&serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?)
        }
        Command::Jsonl => {
            let bad = jsonl::run(
                io::stdin().lock(),
                io::stdout().lock(),
                threshold,
                options.html,
                options.threads,
                options.scorer,
            )
            .map_err(|e| format!("cannot read or write: {e}"))?;
            if bad > 0 {
                eprintln!("annotate: {bad} input line(s) skipped");
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(kind) => {
            let path = options.file.as_deref().ok_or("eval needs a FILE.jsonl")?;
            // Only claims need the encoder's scores; quotes and boilerplate
            // do not pay for it.
            let scorer = if kind == "claims" {
                options.scorer
            } else {
                Scorer::Fast
            };
            let failed = std::sync::Mutex::new(None);
            let rescore = |text: &str, analysis: &mut analysis::Analysis| {
                if let Err(e) = scorer.rescore(text, analysis) {
                    if let Ok(mut first) = failed.lock() {
                        first.get_or_insert(e);
                    }
                }
            };
            let report = eval::evaluate_file_with(kind, path, threshold, &rescore)?;
            if let Some(e) = failed.into_inner().ok().flatten() {
                return Err(e);
            }
            print_out(&report)
        }
        Command::Export(format) => {
            let text = read_text(options.file.as_deref())?;
            print_out(&exchange::export(format, &text, threshold, options.scorer)?)
        }
        Command::Import(export_path) => {
            let export = read_text(Some(export_path))?;
            let text = read_text(options.file.as_deref())?;
            print_out(&exchange::import(&export, &text)?)
        }
    }
}

fn print_out(text: &str) -> Result<ExitCode, String> {
    use std::io::Write;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", text.trim_end_matches('\n')).map_err(|e| format!("cannot write: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Reads FILE (or stdin) as UTF-8, naming the first bad byte if it is not.
fn read_text(path: Option<&str>) -> Result<String, String> {
    let (name, bytes) = match path {
        Some(path) => (
            path.to_string(),
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
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn commands_and_options_parse() {
        let o = parse(&["--threshold", "0.7", "a.txt"]).unwrap();
        assert_eq!(
            (o.command, o.threshold, o.file.as_deref()),
            (Command::Annotate, 0.7, Some("a.txt"))
        );
        assert_eq!(parse(&["--jsonl"]).unwrap().command, Command::Jsonl);
        assert_eq!(parse(&["a.txt"]).unwrap().scorer, Scorer::Encoder);
        assert_eq!(parse(&["--fast", "a.txt"]).unwrap().scorer, Scorer::Fast);
        let o = parse(&["eval", "claims", "f", "--fast"]).unwrap();
        assert_eq!(
            (o.command, o.scorer),
            (Command::Eval("claims".into()), Scorer::Fast)
        );
        let o = parse(&["--jsonl", "--html"]).unwrap();
        assert_eq!((o.command, o.html), (Command::Jsonl, true));
        assert!(parse(&["--html", "page.html"]).unwrap().html);
        assert!(parse(&["export", "csv", "--html"]).is_err());
        let o = parse(&["--jsonl", "--threads", "3"]).unwrap();
        assert_eq!(o.threads.map(NonZeroUsize::get), Some(3));
        assert!(parse(&["--jsonl", "--threads", "0"])
            .unwrap_err()
            .contains("not a number of threads"));
        assert!(parse(&["--threads", "2", "a.txt"])
            .unwrap_err()
            .contains("--threads goes with --jsonl"));
        assert_eq!(
            parse(&["export", "csv", "f"]).unwrap().command,
            Command::Export("csv".into())
        );
        assert_eq!(
            parse(&["eval", "quotes", "f"]).unwrap().file.as_deref(),
            Some("f")
        );
    }

    #[test]
    fn bad_arguments_are_explained() {
        assert!(parse(&["--threshold", "2"])
            .unwrap_err()
            .contains("not a number in [0, 1]"));
        assert!(parse(&["--nope"])
            .unwrap_err()
            .contains("unknown option --nope"));
        assert!(parse(&["a", "b"])
            .unwrap_err()
            .contains("unexpected argument 'b'"));
        assert!(parse(&["export"])
            .unwrap_err()
            .contains("export needs an argument"));
    }
}
