//! The eval regression gate: the evals' headline figures, each with how much
//! one document moves it, and a comparison against a committed baseline
//! that fails on a drop beyond that noise.
//!
//! A figure is a statistic (F1, or a share such as speaker accuracy) of
//! counts pooled over the documents of one group, exactly as [`super::eval`]
//! reports it. Its **noise** is one document's worth: the most the figure
//! moves when any single document is left out (a leave-one-out jackknife
//! over the baseline's own documents). The outputs are deterministic, so a
//! drop is always real on these documents; the noise says whether it is
//! more than one document's luck. A change that costs a figure more than
//! that fails the gate, and one that raises a figure by more than that is
//! reported, so the baseline is updated and the gain kept.
//!
//! The baseline is a small TSV (`figure`, `value`, `noise`, `docs`) written
//! by [`to_tsv`] and read by [`from_tsv`]; `scripts/eval-gate` runs it.
//! A new eval joins by adding a [`Kind`] and its per-document counts.

use super::eval::{self, Counts, Document};
use super::{Analysis, Annotation};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// One headline figure of an eval.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// "claims F1, CheckThat2024-T1-en", "quotes speaker accuracy, all"...
    pub name: String,
    pub value: f64,
    /// The most one document moves `value` (see the module).
    pub noise: f64,
    pub docs: usize,
}

/// How the claims figures with the encoder's scores are named.
const MODEL_CLAIMS: &str = "claims F1 with the language model";

/// Which statistic of pooled counts a figure is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stat {
    F1,
    /// tp / (tp + fn): a share, such as speaker accuracy (right / matched).
    Share,
}

impl Stat {
    fn of(self, c: &Counts) -> f64 {
        match self {
            Stat::F1 => c.f1(),
            Stat::Share => c.recall(),
        }
    }
}

/// The evals the gate runs, each with its file in the eval directory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Claims,
    Quotes,
    Boilerplate,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Claims, Kind::Quotes, Kind::Boilerplate];

    pub fn file(self) -> &'static str {
        match self {
            Kind::Claims => "claims.dev.jsonl",
            Kind::Quotes => "quotes.dev.jsonl",
            Kind::Boilerplate => "boilerplate.dev.jsonl",
        }
    }

    /// Each document's counts for each figure: (figure name, statistic,
    /// counts), as [`eval`]'s reports group them.
    fn counts(self, doc: &Document, predicted: &[Annotation]) -> Vec<(String, Stat, Counts)> {
        match self {
            Kind::Claims => vec![(
                format!("claims F1, {}", eval::group_of(&doc.source)),
                Stat::F1,
                eval::score_claims(doc, predicted),
            )],
            Kind::Quotes => {
                let score = eval::score_quotes(doc, predicted);
                let speakers = Counts {
                    tp: score.speaker_right,
                    fp: 0,
                    fn_: score.matched - score.speaker_right,
                };
                vec![
                    ("quotes span F1, all".into(), Stat::F1, score.spans),
                    ("quotes speaker accuracy, all".into(), Stat::Share, speakers),
                ]
            }
            Kind::Boilerplate => {
                let (boiler, body) = eval::score_boilerplate(doc, predicted);
                let pages = eval::page_kind(&doc.source);
                vec![
                    (format!("boilerplate-line F1, {pages}"), Stat::F1, boiler),
                    (format!("body-line F1, {pages}"), Stat::F1, body),
                ]
            }
        }
    }
}

/// Rescores an analysis of a text: the CLI's claims encoder.
pub type Rescore<'a> = &'a (dyn Fn(&str, &mut Analysis) + Sync);

/// The figures of every eval whose file is in `dir`, in a stable order;
/// with `claims_rescore`, the claims figures once more with each analysis
/// rescored by it, named "claims F1 with the language model, …" (the
/// lexical ones stay: the page paints them first).
pub fn figures(
    dir: &Path,
    threshold: f32,
    claims_rescore: Option<Rescore>,
) -> Result<Vec<Figure>, String> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let path = dir.join(kind.file());
        if !path.exists() {
            continue;
        }
        let docs = eval::read_documents(&path.to_string_lossy())?;
        let predictions = eval::predict(&docs, threshold);
        out.extend(figures_of(kind, &docs, &predictions));
        if let (Kind::Claims, Some(rescore)) = (kind, claims_rescore) {
            let rescored = rescored_predictions(&docs, threshold, rescore);
            out.extend(
                figures_of(kind, &docs, &rescored)
                    .into_iter()
                    .map(|f| Figure {
                        name: f.name.replacen("claims F1", MODEL_CLAIMS, 1),
                        ..f
                    }),
            );
        }
    }
    if out.is_empty() {
        return Err(format!("no eval files in {}", dir.display()));
    }
    Ok(out)
}

/// Each document's annotations with its analysis rescored, the documents
/// shared among the machine's cores (the encoder runs a sentence on one
/// thread; this is what keeps the gate's time in CI down).
fn rescored_predictions(
    docs: &[Document],
    threshold: f32,
    rescore: Rescore,
) -> Vec<Vec<Annotation>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = docs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(per)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|d| {
                            let mut analysis = super::annotate(&d.text);
                            rescore(&d.text, &mut analysis);
                            analysis.annotations(threshold)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

fn figures_of(kind: Kind, docs: &[Document], predictions: &[Vec<Annotation>]) -> Vec<Figure> {
    let mut pooled: BTreeMap<String, (Stat, Vec<Counts>)> = BTreeMap::new();
    for (doc, predicted) in docs.iter().zip(predictions) {
        for (name, stat, counts) in kind.counts(doc, predicted) {
            pooled
                .entry(name)
                .or_insert((stat, Vec::new()))
                .1
                .push(counts);
        }
    }
    pooled
        .into_iter()
        .map(|(name, (stat, per_doc))| figure(name, stat, &per_doc))
        .collect()
}

/// The pooled figure and its leave-one-document-out noise.
fn figure(name: String, stat: Stat, per_doc: &[Counts]) -> Figure {
    let mut total = Counts::default();
    for c in per_doc {
        total += *c;
    }
    let value = stat.of(&total);
    let noise = per_doc
        .iter()
        .map(|c| {
            let without = Counts {
                tp: total.tp - c.tp,
                fp: total.fp - c.fp,
                fn_: total.fn_ - c.fn_,
            };
            (stat.of(&without) - value).abs()
        })
        .fold(0.0, f64::max);
    Figure {
        name,
        value,
        noise,
        docs: per_doc.len(),
    }
}

const HEADER: &str = "\
# The evals' figures on ../shared/eval/*.dev.jsonl that scripts/test holds the analysis to.
# Written by `scripts/eval-gate --update` (review the change it prints; commit it with the
# change that moved the figures and the reason). noise: the most one document moves the figure.
# figure\tvalue\tnoise\tdocs
";

/// The baseline file's text.
pub fn to_tsv(figures: &[Figure]) -> String {
    let mut out = String::from(HEADER);
    for f in figures {
        let _ = writeln!(
            out,
            "{}\t{:.4}\t{:.4}\t{}",
            f.name, f.value, f.noise, f.docs
        );
    }
    out
}

/// Reads a baseline written by [`to_tsv`] (comment and blank lines skipped).
pub fn from_tsv(text: &str) -> Result<Vec<Figure>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, line)| {
            let bad = || format!("baseline line {}: expected figure, value, noise, docs separated by tabs: {line:?}", i + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            let [name, value, noise, docs] = fields[..] else {
                return Err(bad());
            };
            Ok(Figure {
                name: name.to_string(),
                value: value.parse().map_err(|_| bad())?,
                noise: noise.parse().map_err(|_| bad())?,
                docs: docs.parse().map_err(|_| bad())?,
            })
        })
        .collect()
}

/// The smallest drop that fails, whatever the noise: the baseline keeps
/// four decimals.
const ROUNDING: f64 = 0.00015;

/// The gate's verdict: a table of old against new, and whether it passed.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub table: String,
    pub passed: bool,
}

/// Compares `current` with `baseline`: fails when a figure fell by more
/// than the baseline's noise for it, or vanished while its eval ran.
pub fn compare(baseline: &[Figure], current: &[Figure]) -> Verdict {
    let mut table = String::from(
        "| figure | baseline | now | change | noise (one document) | verdict |\n| --- | ---: | ---: | ---: | ---: | --- |\n",
    );
    let (mut passed, mut rose) = (true, false);
    for old in baseline {
        let Some(new) = current.iter().find(|f| f.name == old.name) else {
            // Its eval file is absent here (another checkout's data): only
            // a figure whose eval ran and lost it is a failure.
            let _ = writeln!(
                table,
                "| {} | {:.4} | — | | {:.4} | not measured (its eval file is absent) |",
                old.name, old.value, old.noise
            );
            continue;
        };
        // Rounded as printed, so that a tiny float difference is not "-0.0000".
        let change = ((new.value - old.value) * 1e4).round() / 1e4 + 0.0;
        let allowed = old.noise.max(ROUNDING);
        let verdict = if change < -allowed {
            passed = false;
            "**DROP beyond noise**"
        } else if change > allowed {
            rose = true;
            "rose beyond noise: update the baseline"
        } else {
            "ok"
        };
        let _ = writeln!(
            table,
            "| {} | {:.4} | {:.4} | {:+.4} | {:.4} | {verdict} |",
            old.name, old.value, new.value, change, old.noise
        );
    }
    for new in current {
        if !baseline.iter().any(|f| f.name == new.name) {
            let _ = writeln!(
                table,
                "| {} | — | {:.4} | | {:.4} | new: not in the baseline |",
                new.name, new.value, new.noise
            );
        }
    }
    if !passed {
        table.push_str(
            "\nA figure fell by more than one document's worth. If the change is intended and \
             measured, say why in the commit and run `scripts/eval-gate --update`.\n",
        );
    } else if rose {
        table.push_str(
            "\nA figure rose beyond noise: `scripts/eval-gate --update` keeps the gain.\n",
        );
    }
    Verdict { table, passed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    fn fig(name: &str, value: f64, noise: f64) -> Figure {
        Figure {
            name: name.into(),
            value,
            noise,
            docs: 10,
        }
    }

    #[test]
    fn noise_is_the_most_one_document_moves_the_figure() {
        let per_doc = [counts(8, 2, 0), counts(1, 0, 9), counts(5, 0, 0)];
        let f = figure("x".into(), Stat::F1, &per_doc);
        let total = counts(14, 2, 9);
        assert!((f.value - total.f1()).abs() < 1e-12);
        // Leaving out the document that missed nine is the biggest move.
        let without_second = counts(13, 2, 0).f1();
        assert!((f.noise - (without_second - f.value).abs()).abs() < 1e-12);
        assert_eq!(f.docs, 3);
    }

    #[test]
    fn a_share_is_right_over_all() {
        let f = figure("s".into(), Stat::Share, &[counts(3, 0, 1), counts(1, 0, 0)]);
        assert!((f.value - 0.8).abs() < 1e-12);
    }

    #[test]
    fn a_drop_beyond_noise_fails_and_one_within_passes() {
        let baseline = [fig("a", 0.80, 0.01), fig("b", 0.90, 0.002)];
        let within = compare(&baseline, &[fig("a", 0.795, 0.01), fig("b", 0.90, 0.0)]);
        assert!(within.passed, "{}", within.table);
        let beyond = compare(&baseline, &[fig("a", 0.80, 0.01), fig("b", 0.897, 0.0)]);
        assert!(!beyond.passed);
        assert!(
            beyond
                .table
                .contains("| b | 0.9000 | 0.8970 | -0.0030 | 0.0020 | **DROP beyond noise** |"),
            "{}",
            beyond.table
        );
        let rose = compare(&baseline, &[fig("a", 0.85, 0.01), fig("b", 0.90, 0.0)]);
        assert!(rose.passed && rose.table.contains("update the baseline"));
    }

    #[test]
    fn rescored_predictions_keep_the_documents_order_across_threads() {
        // Invented documents, each a different number of claim-like sentences.
        let docs: Vec<Document> = (1..=9)
            .map(|n| {
                let text = (0..n)
                    .map(|i| format!("The council spent {} million euros in 2024.", 10 + i))
                    .collect::<Vec<_>>()
                    .join(" ");
                serde_json::from_value(serde_json::json!({
                    "id": format!("d{n}"), "source": "test/x", "text": text,
                }))
                .unwrap()
            })
            .collect();
        // Every claim scored 1.0 by the "model": each document has all of
        // its sentences as claims, in its own place in the output.
        let all_claims = |_: &str, analysis: &mut Analysis| {
            for sentence in &mut analysis.sentences {
                sentence.score = 1.0;
            }
        };
        let out = rescored_predictions(&docs, 0.5, &all_claims);
        let claims: Vec<usize> = out
            .iter()
            .map(|a| {
                a.iter()
                    .filter(|a| a.kind == crate::analysis::Kind::Claim)
                    .count()
            })
            .collect();
        assert_eq!(claims, (1..=9).collect::<Vec<_>>());
        // Nothing claimed: none in any document.
        let none = |_: &str, analysis: &mut Analysis| {
            for sentence in &mut analysis.sentences {
                sentence.score = 0.0;
            }
        };
        let out = rescored_predictions(&docs, 0.5, &none);
        assert_eq!(out.len(), 9);
        assert!(out
            .iter()
            .flatten()
            .all(|a| a.kind != crate::analysis::Kind::Claim));
    }

    #[test]
    fn figures_absent_here_or_new_do_not_fail() {
        let verdict = compare(&[fig("a", 0.8, 0.01)], &[fig("c", 0.5, 0.0)]);
        assert!(verdict.passed);
        assert!(verdict.table.contains("not measured"));
        assert!(verdict.table.contains("new: not in the baseline"));
    }

    #[test]
    fn the_baseline_file_round_trips() {
        let figures = vec![fig("claims F1, CheckThat2024-T1-en", 0.7541, 0.0123)];
        assert_eq!(from_tsv(&to_tsv(&figures)).unwrap(), figures);
        assert!(from_tsv("a\t0.5\n").unwrap_err().contains("line 1"));
    }
}
