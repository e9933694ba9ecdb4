//! Importing annotations is near-linear: four times the annotations onto a
//! four times longer text costs at most five times the CPU time (it was
//! quadratic: 1,000 annotations that could not be placed took 108 s on a
//! 660 KB text). Small sizes, so a debug build answers in seconds and a
//! regression fails rather than hangs; `examples/import_scale.rs` measures
//! 50,000 annotations onto 1 MB.

use article_annotator::analysis::export::web_annotation::from_web_annotations;
use std::time::{Duration, Instant};

#[path = "support/import_case.rs"]
mod import_case;

/// The thread's CPU time (Linux), else wall time: other work on the machine
/// counts less against the ratio.
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_else(|| Instant::now().duration_since(*START.get_or_init(Instant::now)))
}

static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// The fastest of three imports of `count` annotations onto a `bytes` article.
fn import_time(bytes: usize, count: usize) -> Duration {
    let original = import_case::article(bytes, false);
    let file = import_case::annotations(&original, count);
    let edited = import_case::article(bytes, true);
    (0..3)
        .map(|_| {
            let start = cpu_time();
            let report = from_web_annotations(&file, &edited).unwrap();
            let spent = cpu_time() - start;
            assert_eq!(report.placed.len() + report.orphans.len(), count);
            let fuzzy = report
                .placed
                .iter()
                .filter(|p| {
                    matches!(
                        p.fit,
                        article_annotator::analysis::anchor::Fit::Fuzzy { .. }
                    )
                })
                .count();
            assert!(
                fuzzy * 20 > count,
                "reworded sentences placed approximately: {fuzzy}"
            );
            assert!(
                report.orphans.len() * 100 > count,
                "vanished sentences orphaned: {}",
                report.orphans.len()
            );
            spent
        })
        .min()
        .unwrap()
}

/// Sizes at which the whole-text searches' budget (64 passes over the text)
/// is spent at both: below that, the smaller import searches the whole text
/// for all its orphans and the larger only for some, which skews the ratio.
#[test]
fn four_times_the_annotations_on_four_times_the_text_cost_at_most_five_times_as_much() {
    let small = import_time(40_000, 2_000);
    let large = import_time(160_000, 8_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    println!("import: {small:?} for 2,000 on 40 KB, {large:?} for 8,000 on 160 KB: {ratio:.2}x");
    assert!(ratio <= 5.0, "{ratio:.2}x ({small:?} -> {large:?})");
}
