//! `annotate export FORMAT [FILE]` and `annotate import EXPORT.json [FILE]`:
//! the exporters and the W3C importer of the core, for scripts and pipelines.

use crate::scorer::Scorer;
use article_annotator::analysis::anchor::Fit;
use article_annotator::analysis::document::Article;
use article_annotator::analysis::export::{claim_review, csv, markdown, web_annotation};
use serde_json::json;

pub const FORMATS: &str = "w3c, claimreview, markdown or csv";

/// The article as the page would first show it: every detection, unreviewed.
pub fn detected_article(text: &str, threshold: f32, scorer: Scorer) -> Result<Article, String> {
    let analysis = scorer.analyse(text, &[])?;
    Ok(Article::with_detections(
        "cli",
        text,
        "",
        &analysis.annotations(threshold),
    ))
}

pub fn export(format: &str, text: &str, threshold: f32, scorer: Scorer) -> Result<String, String> {
    let article = detected_article(text, threshold, scorer)?;
    let pretty = |v: serde_json::Value| serde_json::to_string_pretty(&v).map_err(|e| e.to_string());
    match format {
        "w3c" => pretty(web_annotation::to_web_annotations(&article)),
        "claimreview" => {
            pretty(claim_review::to_claim_reviews(&article).map_err(|e| e.to_string())?)
        }
        "markdown" | "md" => Ok(markdown::to_markdown(&article)),
        "csv" => Ok(csv::to_csv(&article)),
        other => Err(format!("unknown export format '{other}' ({FORMATS})")),
    }
}

/// Re-anchors a W3C export, read as it streams, onto `text`; prints placed
/// annotations and orphans.
pub fn import(export_json: impl std::io::Read, text: &str) -> Result<String, String> {
    let report = web_annotation::from_web_annotations_reader(export_json, text)
        .map_err(|e| e.to_string())?;
    let placed: Vec<_> = report
        .placed
        .iter()
        .map(|p| {
            let fit = match p.fit {
                Fit::Exact => json!("exact"),
                Fit::Moved => json!("moved"),
                Fit::Fuzzy { similarity } => {
                    json!({ "fuzzy": (similarity * 1000.0).round() / 1000.0 })
                }
            };
            json!({ "fit": fit, "annotation": p.annotation })
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "same_text": report.same_text,
        "placed": placed,
        "orphans": report.orphans,
    }))
    .map_err(|e| e.to_string())
}
