//! Re-anchoring at scale: 50,000 annotations imported onto an edited 1 MB
//! article (every annotation moved, a tenth reworded, a fiftieth gone), and
//! the same at a quarter of both sizes, in one run: the CPU time of each and
//! their ratio (near-linear: 4x the input costs at most 5x the time).
//!
//! ```text
//! cargo run --release --example import_scale [-- ANNOTATIONS BYTES]
//! ```
//! Prints a markdown table (`scripts/bench-reliability` runs it).

use article_annotator::analysis::anchor::Fit;
use article_annotator::analysis::export::web_annotation::from_web_annotations;
use std::time::{Duration, Instant};

#[path = "../tests/support/import_case.rs"]
mod import_case;

fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        stat.split_whitespace().next()?.parse().ok()?,
    ))
}

/// One import: (CPU or wall seconds, exact, moved, fuzzy, orphans).
fn import(count: usize, bytes: usize) -> (f64, [usize; 4]) {
    let original = import_case::article(bytes, false);
    let file = import_case::annotations(&original, count);
    let edited = import_case::article(bytes, true);
    let (wall, cpu) = (Instant::now(), cpu_time());
    let report = from_web_annotations(&file, &edited).expect("the file imports");
    let spent = match (cpu, cpu_time()) {
        (Some(a), Some(b)) => b - a,
        _ => wall.elapsed(),
    };
    let fits = |wanted: fn(&Fit) -> bool| report.placed.iter().filter(|p| wanted(&p.fit)).count();
    (
        spent.as_secs_f64(),
        [
            fits(|f| *f == Fit::Exact),
            fits(|f| *f == Fit::Moved),
            fits(|f| matches!(f, Fit::Fuzzy { .. })),
            report.orphans.len(),
        ],
    )
}

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let count = args.next().and_then(Result::ok).unwrap_or(50_000);
    let bytes = args.next().and_then(Result::ok).unwrap_or(1_000_000);
    println!("| annotations | text | CPU s | exact | moved | approximate | orphans |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut times = Vec::new();
    for (count, bytes) in [(count / 4, bytes / 4), (count, bytes)] {
        let (seconds, [exact, moved, fuzzy, orphans]) = import(count, bytes);
        println!(
            "| {count} | {} KB | {seconds:.3} | {exact} | {moved} | {fuzzy} | {orphans} |",
            bytes / 1000
        );
        times.push(seconds);
    }
    println!();
    println!(
        "4x the annotations and the text: {:.2}x the time (at most 5x).",
        times[1] / times[0]
    );
}
