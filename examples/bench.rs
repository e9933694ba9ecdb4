//! Native throughput of each phase of the pipeline, in MB/s, over every
//! document of the labelled data (`../shared/eval/*.dev.jsonl` by default).
//!
//! ```text
//! cargo run --release --example bench [-- [--tsv] [--only PHASE] DIR_OR_FILES...]
//! ```
//! Prints a markdown table; it asserts nothing. Each phase runs over the
//! whole corpus several times and the best round is kept. Times are the
//! thread's CPU time where Linux reports it (`/proc/thread-self/schedstat`),
//! so other work sharing the machine's cores does not count against us; wall
//! time elsewhere. `--tsv` prints `phase, documents, bytes, seconds` lines
//! instead (what `scripts/bench --peers` reads), `--only` runs some phases
//! (names separated by commas; `--only html` reads the documents' `"html"`
//! field, such as boilerplate-html.dev.jsonl's, and runs only when named).

use article_annotator::analysis::claims::questioners::Questioners;
use article_annotator::analysis::offsets::OffsetMap;
use article_annotator::analysis::reading::Reading;
use article_annotator::analysis::{
    annotate, annotate_with_markup, boilerplate, claims, html, quotes, segment,
};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ROUNDS: usize = 5;

/// One timed phase: its name and the work it does on the corpus (returning
/// a count so the optimiser cannot drop the work).
type Phase = (&'static str, fn(&[String]) -> usize);

const PHASES: &[Phase] = &[
    ("segmentation", |texts| {
        texts.iter().map(|t| segment::sentences(t).len()).sum()
    }),
    ("boilerplate", |texts| {
        texts.iter().map(|t| boilerplate::detect(t).len()).sum()
    }),
    ("quotes", |texts| {
        texts.iter().map(|t| quotes::detect(t).len()).sum()
    }),
    ("reading", |texts| {
        texts.iter().map(|t| Reading::new(t).words().len()).sum()
    }),
    ("claims", |texts| {
        texts
            .iter()
            .map(|t| {
                let reading = Reading::new(t);
                reading
                    .sentences()
                    .iter()
                    .map(|s| claims::score_read(&reading, s, false).reasons.len())
                    .sum::<usize>()
            })
            .sum()
    }),
    ("claims-cues", |texts| {
        texts
            .iter()
            .map(|t| {
                let reading = Reading::new(t);
                reading
                    .sentences()
                    .iter()
                    .map(|s| claims::cues::detect_read(&reading, s).len())
                    .sum::<usize>()
            })
            .sum()
    }),
    ("claims-ngrams", |texts| {
        texts
            .iter()
            .map(|t| {
                let reading = Reading::new(t);
                reading
                    .sentences()
                    .iter()
                    .map(|s| claims::features::hashed_read(&reading, s).len())
                    .sum::<usize>()
            })
            .sum()
    }),
    ("questioners", |texts| {
        texts
            .iter()
            .map(|t| usize::from(Questioners::of(t).speaking_at(0).is_some()))
            .sum()
    }),
    ("offsets", |texts| {
        texts.iter().map(|t| OffsetMap::new(t).len_chars()).sum()
    }),
    ("whole", |texts| {
        texts.iter().map(|t| annotate(t).sentences.len()).sum()
    }),
    // Pages as HTML (documents with an "html" field, such as
    // boilerplate-html.dev.jsonl): rendered, then the whole pipeline with
    // the markup's hints. Only with `--only html`.
    ("html", |pages| {
        pages
            .iter()
            .map(|page| {
                let rendered = html::render(page);
                annotate_with_markup(&rendered.text, &rendered.hints)
                    .sentences
                    .len()
            })
            .sum()
    }),
    ("html-render", |pages| {
        pages
            .iter()
            .map(|page| html::render(page).hints.len())
            .sum()
    }),
];

/// Phases run only when `--only` names them (over HTML pages).
const ON_REQUEST: &[&str] = &["html", "html-render"];

/// What each phase's row says it measures.
fn describe(phase: &str) -> &'static str {
    match phase {
        "segmentation" => "segmentation (sentences)",
        "reading" => "the reading (lines, words lower-cased, sentences)",
        "boilerplate" => "boilerplate",
        "quotes" => "quotes (with speakers)",
        "claims" => "claims (reading or segmentation + scoring every sentence)",
        "claims-cues" => "claims: reading or segmentation + cues only",
        "claims-ngrams" => "claims: reading or segmentation + hashed n-grams only",
        "questioners" => "questioners (transcript moderators)",
        "offsets" => "offset map (bytes → code points)",
        "whole" => "**whole pipeline** (`annotate`)",
        "html" => "HTML pages: rendered, then the whole pipeline with their markup",
        "html-render" => "HTML pages: rendering only (text and markup hints)",
        _ => "",
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let tsv = take_flag(&mut args, "--tsv");
    let only = take_value(&mut args, "--only");
    let inputs = if args.is_empty() {
        vec!["../shared/eval".to_string()]
    } else {
        args
    };
    // Pages as HTML for the html phase, texts for every other.
    let field = if only
        .as_deref()
        .is_some_and(|o| o.split(',').all(|o| o.starts_with("html")))
    {
        "html"
    } else {
        "text"
    };
    let texts = load_texts(&inputs, field);
    if texts.is_empty() {
        eprintln!("bench: no documents found in {inputs:?}");
        std::process::exit(1);
    }
    let phases: Vec<&Phase> = PHASES
        .iter()
        .filter(|(name, _)| match only.as_deref() {
            Some(only) => only.split(',').any(|o| o == *name),
            None => !ON_REQUEST.contains(name),
        })
        .collect();
    if phases.is_empty() {
        eprintln!("bench: no phase named {only:?}");
        std::process::exit(2);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs = texts.len();
    let mut times: Vec<(&str, Duration)> = Vec::new();
    for (name, work) in phases {
        let time = best(|| work(&texts));
        if tsv {
            println!("{name}\t{docs}\t{bytes}\t{:.6}", time.as_secs_f64());
        }
        times.push((name, time));
    }
    if tsv {
        return;
    }
    println!(
        "Native core: {docs} documents, {:.2} MB, one thread, best of {ROUNDS} rounds ({}).\n",
        bytes as f64 / 1e6,
        if cpu_time().is_some() {
            "thread CPU time"
        } else {
            "wall time"
        }
    );
    println!("| phase | ms | MB/s | docs/s |");
    println!("| --- | ---: | ---: | ---: |");
    let row = |label: &str, secs: f64| {
        println!(
            "| {label} | {:.1} | {:.1} | {:.0} |",
            secs * 1e3,
            bytes as f64 / 1e6 / secs,
            docs as f64 / secs
        );
    };
    for (name, time) in &times {
        row(describe(name), time.as_secs_f64());
    }
    // What the pipeline spends beyond its detectors: masking, attribution,
    // offset conversion and building the annotations.
    let of = |phase: &str| {
        times
            .iter()
            .find(|(name, _)| *name == phase)
            .map(|(_, t)| t.as_secs_f64())
    };
    if let (Some(whole), Some(b), Some(q), Some(c), Some(m)) = (
        of("whole"),
        of("boilerplate"),
        of("quotes"),
        of("claims"),
        of("questioners"),
    ) {
        let glue = whole - (b + q + c + m);
        println!(
            "| glue (whole − boilerplate − quotes − claims − questioners) | {:.1} | | |",
            glue * 1e3
        );
    }
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

fn take_value(args: &mut Vec<String>, flag: &str) -> Option<String> {
    let at = args.iter().position(|a| a == flag)?;
    args.remove(at);
    (at < args.len()).then(|| args.remove(at))
}

/// This thread's time on a CPU so far, where Linux reports it.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Runs `work` ROUNDS times and returns the fastest round.
fn best(work: impl Fn() -> usize) -> Duration {
    (0..ROUNDS)
        .map(|_| {
            let (wall, cpu) = (Instant::now(), cpu_time());
            std::hint::black_box(work());
            match (cpu, cpu_time()) {
                (Some(start), Some(end)) => end.saturating_sub(start),
                _ => wall.elapsed(),
            }
        })
        .min()
        .unwrap_or_default()
}

fn load_texts(inputs: &[String], field: &str) -> Vec<String> {
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
                .filter_map(|doc| doc[field].as_str().map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect()
}
