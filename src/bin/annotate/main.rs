//! `annotate`: the command-line door onto the annotator's core.
//!
//! ```text
//! annotate [--threshold T] [FILE]                 {"annotations": [...]} for one text
//! annotate --html [--threshold T] [FILE]          {"text", "annotations"} for an HTML page
//! annotate --jsonl [--html] [--threshold T] < docs.jsonl    {"id", "annotations"} per input line
//! annotate eval claims|quotes|boilerplate|boilerplate-html FILE.jsonl
//! annotate eval figures EVAL_DIR | eval gate EVAL_DIR --baseline FILE
//! annotate export w3c|claimreview|markdown|csv [FILE]
//! annotate import EXPORT.json [FILE]
//! annotate explain [--html] --line N | --at OFFSET [FILE]
//! ```
//! Offsets count Unicode code points, end exclusive. FILE defaults to stdin.
//! Claims are scored by the fine-tuned encoder unless `--fast` asks for the
//! lexical model alone ([`scorer`]).

mod exchange;
mod jsonl;
mod scorer;

use article_annotator::analysis::explain::Target;
use article_annotator::analysis::{self, eval, eval_gate, Annotation, DEFAULT_CLAIM_THRESHOLD};
use scorer::Scorer;
use serde::Serialize;
use std::io::{self, BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;

const USAGE: &str = "\
usage: annotate [--fast] [--html] [--threshold T] [FILE]
       annotate --jsonl [--fast] [--html] [--threshold T] [--threads N]  < docs.jsonl
       annotate eval claims|quotes|boilerplate|boilerplate-html FILE.jsonl [--fast] [--threshold T]
       annotate eval figures EVAL_DIR            the evals' figures as a gate baseline (claims also
                                                 with the language model, unless --fast)
       annotate eval gate EVAL_DIR --baseline FILE   fails on a drop beyond noise
       annotate export w3c|claimreview|markdown|csv [--fast] [--threshold T] [FILE]
       annotate import EXPORT.json [FILE]
       annotate explain [--html] --line N | --at OFFSET [FILE]

Annotates a text (FILE, or standard input) with its claims, quotes and
boilerplate. Offsets count Unicode code points, end exclusive.
Claims are scored by a fine-tuned language model (all-MiniLM-L6-v2, built
in): a transformer pass over every sentence, about 25-30 ms of CPU a
sentence natively and 0.4 s for a 400-word article, weights loaded included
(measured on a busy 2-core machine; --jsonl spreads it over every core).
--fast          score claims with the lexical model alone (hashed n-grams
                and cues, no transformer: about a thousand times faster,
                for large corpora)
--threshold T   show claims scoring at least T (0 to 1)
--html          the input is HTML (a saved page, a clipboard's text/html):
                it is rendered as a browser shows it, its markup (<nav>,
                captions, class names such as 'newsletter', link-dense
                lines) is weighed as boilerplate evidence, and the output
                adds \"text\": the rendered text the offsets count in.
                With --jsonl, each line's \"text\" holds HTML and its
                output line adds the rendered \"text\" too.
--threads N     with --jsonl: annotate on N threads (default: every core;
                1 when an engine already runs one copy per core)
explain         the evidence behind one line (--line N, counted from 1) or
                the sentence at a code-point offset (--at OFFSET): the
                boilerplate verdict and its reasons, each sentence's claim
                score with every cue's effect (raises or lowers), quotes
                and their speakers";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Annotate,
    Jsonl,
    Eval(String),
    Export(String),
    Import(String),
    Explain(Target),
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
    /// `eval gate`'s committed figures.
    baseline: Option<String>,
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
        Some("explain") => {
            args.next();
            Command::Explain(Target::Line(0))
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
        baseline: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--jsonl" if command == Command::Annotate => command = Command::Jsonl,
            "--fast" if !matches!(command, Command::Import(_)) => options.scorer = Scorer::Fast,
            "--line" | "--at" if matches!(command, Command::Explain(_)) => {
                let value = args.next().unwrap_or_default();
                let n: usize = value
                    .parse()
                    .map_err(|_| format!("{arg}: '{value}' is not a number"))?;
                command = Command::Explain(if arg == "--line" {
                    Target::Line(n)
                } else {
                    Target::At(n)
                });
            }
            "--html"
                if matches!(
                    command,
                    Command::Annotate | Command::Jsonl | Command::Explain(_)
                ) =>
            {
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
            "--baseline" if command == Command::Eval("gate".into()) => {
                options.baseline = Some(args.next().ok_or("--baseline needs a FILE")?);
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
    if command == Command::Explain(Target::Line(0)) {
        return Err(format!(
            "explain needs --line N (from 1) or --at OFFSET\n{USAGE}"
        ));
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
    // Taken before any file is opened: with standard output closed, the
    // first file opened would get its descriptor.
    let result = standard_output().and_then(|out| {
        let mut out = BufWriter::new(out);
        let code = run(&options, &mut out)?;
        out.flush()
            .map_err(|e| format!("cannot write the output: {e}"))?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("annotate: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Standard output as a file of its own, so that every write error (a full
/// disk, a closed pipe) is reported: Rust's `io::stdout()` swallows some.
/// A standard output closed when the program started (`annotate t.txt >&-`)
/// is an error at once: Rust's start-up code reopens a closed one on
/// /dev/null, where the output would vanish with a success.
#[cfg(unix)]
fn standard_output() -> Result<Box<dyn Write>, String> {
    use std::os::fd::AsFd;
    if closed_at_start::standard_output_was_closed() {
        return Err("cannot write the output: standard output is closed".into());
    }
    let fd = io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| format!("cannot write the output: standard output is not open ({e})"))?;
    Ok(Box::new(std::fs::File::from(fd)))
}

/// Whether descriptor 1 was closed when the process started, seen by a
/// constructor that runs before Rust's runtime reopens it.
#[cfg(unix)]
mod closed_at_start {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    pub fn standard_output_was_closed() -> bool {
        CLOSED.load(Ordering::Relaxed)
    }

    extern "C" fn check() {
        use std::os::fd::BorrowedFd;
        // SAFETY: the descriptor is only duplicated (fcntl F_DUPFD_CLOEXEC),
        // which on a closed descriptor fails with EBADF and touches nothing.
        let open = unsafe { BorrowedFd::borrow_raw(1) }
            .try_clone_to_owned()
            .is_ok();
        CLOSED.store(!open, Ordering::Relaxed);
    }

    #[used]
    #[cfg_attr(
        any(target_os = "linux", target_os = "android", target_os = "freebsd"),
        link_section = ".init_array"
    )]
    #[cfg_attr(target_vendor = "apple", link_section = "__DATA,__mod_init_func")]
    static CHECK: extern "C" fn() = check;
}

#[cfg(not(unix))]
fn standard_output() -> Result<Box<dyn Write>, String> {
    Ok(Box::new(io::stdout()))
}

fn run(options: &Options, out: &mut impl Write) -> Result<ExitCode, String> {
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
                        .into_annotations(threshold),
                    text: Some(rendered.text),
                }
            } else {
                Output {
                    text: None,
                    annotations: options
                        .scorer
                        .analyse(&input, &[])?
                        .into_annotations(threshold),
                }
            };
            serde_json::to_writer_pretty(&mut *out, &output)
                .map_err(|e| format!("cannot write the output: {e}"))?;
            print_out(out, "")
        }
        Command::Jsonl => {
            let bad = jsonl::run(
                io::stdin().lock(),
                &mut *out,
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
        Command::Eval(kind) if kind == "figures" || kind == "gate" => {
            let dir = options
                .file
                .as_deref()
                .ok_or("eval figures needs an EVAL_DIR")?;
            // The claims figures with the encoder too, unless --fast.
            let scorer = options.scorer;
            let failed = std::sync::Mutex::new(None);
            let rescore = |text: &str, analysis: &mut analysis::Analysis| {
                if let Err(e) = scorer.rescore(text, analysis) {
                    if let Ok(mut first) = failed.lock() {
                        first.get_or_insert(e);
                    }
                }
            };
            let with_model = (scorer != Scorer::Fast).then_some(&rescore as eval_gate::Rescore);
            let figures = eval_gate::figures(std::path::Path::new(dir), threshold, with_model)?;
            if let Some(e) = failed.into_inner().ok().flatten() {
                return Err(e);
            }
            if kind == "figures" {
                return print_out(out, &eval_gate::to_tsv(&figures));
            }
            let path = options
                .baseline
                .as_deref()
                .ok_or("eval gate needs --baseline FILE")?;
            let baseline = eval_gate::from_tsv(&read_text(Some(path))?)?;
            let verdict = eval_gate::compare(&baseline, &figures);
            print_out(out, &verdict.table)?;
            Ok(if verdict.passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
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
            print_out(out, &report)
        }
        Command::Export(format) => {
            let text = read_text(options.file.as_deref())?;
            print_out(
                out,
                &exchange::export(format, &text, threshold, options.scorer)?,
            )
        }
        Command::Explain(target) => {
            let input = read_text(options.file.as_deref())?;
            let (text, hints) = if options.html {
                let rendered = analysis::html::render(&input);
                (rendered.text, rendered.hints)
            } else {
                (input, Vec::new())
            };
            print_out(
                out,
                &analysis::explain::explain(&text, &hints, *target)?.to_string(),
            )
        }
        Command::Import(export_path) => {
            // Streamed: a huge file is refused as soon as it has too many
            // annotations, not after it has all been read.
            let export = std::fs::File::open(export_path)
                .map_err(|e| format!("cannot read {export_path}: {e}"))?;
            let text = read_text(options.file.as_deref())?;
            print_out(out, &exchange::import(export, &text)?)
        }
    }
}

/// Writes `text` and a final line break (flushed by the caller).
fn print_out(out: &mut impl Write, text: &str) -> Result<ExitCode, String> {
    writeln!(out, "{}", text.trim_end_matches('\n'))
        .map_err(|e| format!("cannot write the output: {e}"))?;
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
    if bytes.len() > analysis::MAX_TEXT_BYTES {
        return Err(format!(
            "{name} is {} bytes: texts of up to {} bytes (2 GiB) can be annotated",
            bytes.len(),
            analysis::MAX_TEXT_BYTES
        ));
    }
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
        let o = parse(&["eval", "gate", "dir", "--baseline", "b.tsv"]).unwrap();
        assert_eq!(
            (o.file.as_deref(), o.baseline.as_deref()),
            (Some("dir"), Some("b.tsv"))
        );
        assert!(parse(&["eval", "quotes", "f", "--baseline", "b"]).is_err());
        assert_eq!(
            parse(&["explain", "--line", "3", "a.txt"]).unwrap().command,
            Command::Explain(Target::Line(3))
        );
        let o = parse(&["explain", "--html", "--at", "40"]).unwrap();
        assert_eq!(
            (o.command, o.html),
            (Command::Explain(Target::At(40)), true)
        );
        assert!(parse(&["explain", "a.txt"])
            .unwrap_err()
            .contains("--line N"));
        assert!(parse(&["--line", "3"]).is_err());
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
