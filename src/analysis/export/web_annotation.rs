//! W3C Web Annotation JSON-LD: export as an `AnnotationCollection`, and import
//! back with re-anchoring onto the (possibly edited) text.
//!
//! Each annotation targets the text by its SHA-256 URN with two selectors: a
//! `TextQuoteSelector` (exact words, 32 characters of prefix and suffix) and a
//! `TextPositionSelector` (code points). Bodies carry the kind (`classifying`),
//! the verdict (`assessing`), the note (`commenting`), the speaker or claim
//! author (`identifying`) and the sources (`linking`). What the W3C vocabulary
//! has no term for (score, reasons, review state, claim date, speaker span,
//! the kind a relabelled annotation had, a corrected speaker) lives under
//! our own `annotator:` prefix, so other tools ignore it and we lose nothing
//! on the way back.
//!
//! Every decision travels, so that importing an export onto the same text
//! shows exactly what was exported: a rejected detection is exported too, as
//! a `moderating` annotation whose body says "rejected" (other tools can
//! tell it from a live one), and the import keeps it rejected, so the
//! detector cannot bring it back.

use super::w3c_reading::{read_annotations, ReadError};
use super::{exported, text_urn};
use crate::analysis::anchor::{context_around, Fit, Selector, TextIndex};
use crate::analysis::annotation::{Kind, Speaker};
use crate::analysis::document::{Article, Judgement, Origin, Review, SavedAnnotation, Verdict};
use serde_json::{json, Value};

const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const OUR_PREFIX: &str = "urn:article-annotator:vocab#";
/// Beyond this many annotations an import is refused as hostile or mistaken.
pub const MAX_IMPORTED: usize = 50_000;

fn context() -> Value {
    json!([W3C_CONTEXT, { "annotator": OUR_PREFIX }])
}

/// The article's annotations and decisions as W3C JSON-LD: every annotation
/// on show, then each rejected detection as a `moderating` one.
pub fn to_web_annotations(article: &Article) -> Value {
    let source = text_urn(&article.text);
    let chars: Vec<char> = article.text.chars().collect();
    let rejected = article
        .annotations
        .iter()
        .filter(|a| a.review == Review::Rejected);
    let items: Vec<Value> = exported(article)
        .into_iter()
        .chain(rejected)
        .map(|a| annotation_json(a, &source, &chars, &article.modified))
        .collect();
    json!({
        "@context": context(),
        "id": format!("{source}#collection"),
        "type": "AnnotationCollection",
        "label": article.title,
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

fn annotation_json(a: &SavedAnnotation, source: &str, chars: &[char], modified: &str) -> Value {
    let start = a.start.min(chars.len());
    let end = a.end.clamp(start, chars.len());
    let (prefix, suffix) = context_around(chars, start, end);
    let exact: String = chars[start..end].iter().collect();

    let mut body = vec![text_body("classifying", a.kind.as_str())];
    let j = &a.judgement;
    if a.kind == Kind::Claim {
        body.push(text_body("assessing", j.verdict.label()));
    }
    if !j.note.is_empty() {
        body.push(text_body("commenting", &j.note));
    }
    let who = j.author.clone().or_else(|| a.speaker_name());
    if let Some(who) = who {
        body.push(text_body("identifying", &who));
    }
    for link in &j.sources {
        body.push(json!({ "type": "SpecificResource", "purpose": "linking", "source": link }));
    }
    let rejected = a.review == Review::Rejected;
    if rejected {
        body.push(text_body("moderating", "rejected"));
    }

    let motivation = if rejected {
        "moderating"
    } else if a.kind == Kind::Claim && j.verdict != Verdict::Unchecked {
        "assessing"
    } else {
        "classifying"
    };
    let mut out = json!({
        "@context": context(),
        "id": format!("{source}#{}", a.id),
        "type": "Annotation",
        "motivation": motivation,
        "body": body,
        "target": {
            "source": source,
            "selector": [
                { "type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix },
                { "type": "TextPositionSelector", "start": start, "end": end },
            ],
        },
        "annotator:origin": format!("{:?}", a.origin).to_lowercase(),
        "annotator:review": format!("{:?}", a.review).to_lowercase(),
    });
    if !modified.is_empty() {
        out["modified"] = json!(modified);
    }
    if let Some(score) = a.score {
        // Rounded as f64: an f32 rounded first widens to 0.911000013….
        out["annotator:score"] = json!((f64::from(score) * 1000.0).round() / 1000.0);
    }
    if !a.reasons.is_empty() {
        out["annotator:reasons"] = json!(a.reasons);
    }
    if let Some(s) = &a.speaker {
        out["annotator:speaker"] =
            json!({ "start": s.start, "end": s.end, "text": s.text, "resolved": s.resolved });
    }
    if let Some(date) = &j.date {
        out["annotator:claimDate"] = json!(date);
    }
    if let Some(kind) = a.relabelled_from {
        out["annotator:relabelledFrom"] = json!(kind.as_str());
    }
    if let Some(name) = &a.speaker_correction {
        out["annotator:speakerCorrection"] = json!(name);
    }
    out
}

fn text_body(purpose: &str, value: &str) -> Value {
    json!({ "type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain" })
}

/// Why an import could not be read at all. Annotations that merely fail to
/// anchor are not errors: they come back as [`Orphan`]s.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    /// The file is not JSON; `line` and `column` point at the problem.
    #[error("not JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but no W3C annotations in it.
    #[error("no W3C annotations found: expected an AnnotationCollection, an AnnotationPage, an Annotation or a list of them")]
    NoAnnotations,
    /// More annotations than any real article has: reading stopped at the
    /// first one past the limit, so the count is a lower bound.
    #[error("at least {0} annotations: more than the {MAX_IMPORTED} an import accepts")]
    TooMany(usize),
}

/// An imported annotation that could not be placed in the text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Orphan {
    pub id: String,
    pub kind: Option<Kind>,
    pub exact: String,
    pub why: String,
}

/// An imported annotation, placed, with how well it fits.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub annotation: SavedAnnotation,
    pub fit: Fit,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    pub placed: Vec<Placed>,
    pub orphans: Vec<Orphan>,
    /// True when the export was made from exactly this text.
    pub same_text: bool,
}

/// Reads W3C annotations from `json` and anchors each in `text`. A
/// byte-order mark before the JSON is skipped.
pub fn from_web_annotations(json: &str, text: &str) -> Result<ImportReport, ImportError> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let file = read_annotations(&mut serde_json::Deserializer::from_str(json))?;
    Ok(place_all(file, text))
}

/// [`from_web_annotations`] reading the file as it streams (a command line's
/// file): refused at the first annotation past [`MAX_IMPORTED`], so memory
/// stays bounded by the limit, not by the file.
pub fn from_web_annotations_reader(
    json: impl std::io::Read,
    text: &str,
) -> Result<ImportReport, ImportError> {
    let mut json = std::io::BufReader::new(json);
    skip_byte_order_mark(&mut json).map_err(|e| ImportError::NotJson {
        line: 1,
        column: 1,
        message: e.to_string(),
    })?;
    let file = read_annotations(&mut serde_json::Deserializer::from_reader(json))?;
    Ok(place_all(file, text))
}

/// Consumes a UTF-8 byte-order mark at the start of `input`, if there is one.
fn skip_byte_order_mark(input: &mut impl std::io::BufRead) -> std::io::Result<()> {
    const BOM: &[u8] = b"\xef\xbb\xbf";
    let mut seen = 0;
    while seen < BOM.len() {
        let buffer = input.fill_buf()?;
        let Some(&byte) = buffer.first() else {
            return Ok(());
        };
        if byte != BOM[seen] {
            // A file starting with part of a BOM is not JSON anyway.
            return Ok(());
        }
        input.consume(1);
        seen += 1;
    }
    Ok(())
}

impl From<ReadError> for ImportError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Json(e) => ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            },
            ReadError::NoAnnotations => ImportError::NoAnnotations,
            ReadError::TooMany(count) => ImportError::TooMany(count),
        }
    }
}

/// Anchors every annotation read in `text`, the text indexed once.
fn place_all(file: super::w3c_reading::W3cFile, text: &str) -> ImportReport {
    let source = text_urn(text);
    let items = file.annotations;
    let mut report = ImportReport {
        same_text: file.id.is_some_and(|id| id.starts_with(&source))
            || items
                .iter()
                .any(|i| target(i).and_then(|t| t.get("source")) == Some(&json!(source))),
        ..ImportReport::default()
    };
    let index = TextIndex::new(text);
    for (n, item) in items.iter().enumerate() {
        match place(item, n, &index) {
            Ok(placed) => report.placed.push(placed),
            Err(orphan) => report.orphans.push(orphan),
        }
    }
    report
}

fn target(item: &Value) -> Option<&Value> {
    match item.get("target")? {
        Value::Array(targets) => targets.first(),
        t => Some(t),
    }
}

fn selectors(item: &Value) -> Vec<&Value> {
    match target(item).and_then(|t| t.get("selector")) {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => vec![],
    }
}

fn str_field<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// Reads one annotation and anchors it, or says why it is an orphan.
fn place(item: &Value, n: usize, index: &TextIndex<'_>) -> Result<Placed, Orphan> {
    let id = str_field(item, "id")
        .map(|id| id.rsplit('#').next().unwrap_or(id).to_string())
        .unwrap_or_else(|| format!("imported-{n}"));
    let bodies: Vec<&Value> = match item.get("body") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => vec![],
    };
    let body_value = |purpose: &str| {
        bodies
            .iter()
            .find(|b| str_field(b, "purpose") == Some(purpose))
            .and_then(|b| str_field(b, "value"))
    };
    let kind = body_value("classifying")
        .or(body_value("tagging"))
        .and_then(|k| {
            Kind::ALL
                .into_iter()
                .find(|kind| kind.as_str() == k.trim().to_lowercase())
        });

    let selectors = selectors(item);
    let quote = selectors
        .iter()
        .find(|s| str_field(s, "type") == Some("TextQuoteSelector"));
    let position = selectors
        .iter()
        .find(|s| str_field(s, "type") == Some("TextPositionSelector"))
        .and_then(|s| Some((s.get("start")?.as_u64()?, s.get("end")?.as_u64()?)))
        .and_then(|(s, e)| Some((usize::try_from(s).ok()?, usize::try_from(e).ok()?)))
        .filter(|(s, e)| s < e);
    let exact = quote
        .and_then(|q| str_field(q, "exact"))
        .map(str::to_string)
        .or_else(|| {
            // A position alone is trusted only if it fits inside this text.
            position
                .filter(|&(_, e)| e <= index.len_chars())
                .map(|(s, e)| index.slice(s, e).to_string())
        });
    let orphan = |exact: &str, why: &str| Orphan {
        id: id.clone(),
        kind,
        exact: exact.to_string(),
        why: why.to_string(),
    };

    let Some(kind) = kind else {
        return Err(orphan(
            exact.as_deref().unwrap_or(""),
            "no kind (claim, quote or boilerplate) in its body",
        ));
    };
    let Some(exact) = exact else {
        return Err(orphan(
            "",
            "no TextQuoteSelector or usable TextPositionSelector",
        ));
    };
    let selector = Selector {
        exact: &exact,
        prefix: quote.and_then(|q| str_field(q, "prefix")).unwrap_or(""),
        suffix: quote.and_then(|q| str_field(q, "suffix")).unwrap_or(""),
        position,
    };
    let Some(found) = index.anchor(&selector) else {
        let why = if index.was_cut_short() {
            "its words are not near their old place (too many annotations to search the whole text for each)"
        } else {
            "its words are no longer in the text"
        };
        return Err(orphan(&exact, why));
    };

    let verdict = body_value("assessing")
        .and_then(Verdict::from_label)
        .unwrap_or_default();
    let sources = bodies
        .iter()
        .filter(|b| str_field(b, "purpose") == Some("linking"))
        .filter_map(|b| str_field(b, "source").or(str_field(b, "id")))
        .map(str::to_string)
        .collect();
    let who = body_value("identifying").map(str::to_string);
    let speaker = item.get("annotator:speaker").and_then(|s| {
        let text_of = str_field(s, "text")?.to_string();
        let found_at = index.anchor(&Selector {
            exact: &text_of,
            prefix: "",
            suffix: "",
            position: Some((
                s.get("start")?.as_u64()? as usize,
                s.get("end")?.as_u64()? as usize,
            )),
        })?;
        Some(Speaker {
            start: found_at.start,
            end: found_at.end,
            text: text_of,
            resolved: str_field(s, "resolved").map(str::to_string),
        })
    });
    let rejected_in_body = body_value("moderating") == Some("rejected");
    let review = match str_field(item, "annotator:review") {
        Some("accepted") => Review::Accepted,
        Some("rejected") => Review::Rejected,
        _ if rejected_in_body => Review::Rejected,
        _ => Review::Pending,
    };
    let kind_named = |key: &str| {
        str_field(item, key).and_then(|k| Kind::ALL.into_iter().find(|kind| kind.as_str() == k))
    };
    let origin = match str_field(item, "annotator:origin") {
        Some("detected") => Origin::Detected,
        _ => Origin::Manual,
    };
    let annotation = SavedAnnotation {
        id,
        kind,
        start: found.start,
        end: found.end,
        exact: index.slice(found.start, found.end).to_string(),
        origin,
        review,
        score: item
            .get("annotator:score")
            .and_then(Value::as_f64)
            .map(|s| s.clamp(0.0, 1.0) as f32),
        reasons: item
            .get("annotator:reasons")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        speaker: speaker.clone(),
        judgement: Judgement {
            verdict,
            note: body_value("commenting").unwrap_or("").to_string(),
            sources,
            author: if kind == Kind::Claim { who } else { None },
            date: str_field(item, "annotator:claimDate").map(str::to_string),
        },
        relabelled_from: kind_named("annotator:relabelledFrom"),
        speaker_correction: str_field(item, "annotator:speakerCorrection")
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty()),
    };
    Ok(Placed {
        annotation,
        fit: found.fit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::fixtures::judged_article;

    #[test]
    fn the_export_has_context_ids_types_and_both_selectors() {
        let article = judged_article();
        let doc = to_web_annotations(&article);
        assert_eq!(doc["type"], "AnnotationCollection");
        assert_eq!(doc["@context"][0], W3C_CONTEXT);
        assert!(doc["id"].as_str().unwrap().starts_with("urn:sha256:"));
        let items = doc["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 4, "three on show and one rejection");
        assert_eq!(doc["total"], 4);
        for item in items {
            assert_eq!(item["type"], "Annotation");
            assert!(item["id"].as_str().unwrap().contains('#'));
            let selectors = item["target"]["selector"].as_array().unwrap();
            assert_eq!(selectors[0]["type"], "TextQuoteSelector");
            assert_eq!(selectors[1]["type"], "TextPositionSelector");
        }
        let claim = &items[0];
        assert_eq!(
            claim["target"]["selector"][0]["exact"],
            "Officials said 1,500 people live there."
        );
        assert_eq!(
            claim["target"]["selector"][0]["suffix"],
            " \"We are ready,\" the office said"
        );
        assert_eq!(claim["motivation"], "assessing");
        assert_eq!(
            claim["annotator:score"], 0.91,
            "scores are rounded, not 0.9100000262…"
        );
        let purposes: Vec<&str> = claim["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["purpose"].as_str().unwrap())
            .collect();
        assert_eq!(
            purposes,
            [
                "classifying",
                "assessing",
                "commenting",
                "identifying",
                "linking"
            ]
        );
    }

    #[test]
    fn export_then_import_on_the_same_text_round_trips() {
        let article = judged_article();
        let json = to_web_annotations(&article).to_string();
        let report = from_web_annotations(&json, &article.text).unwrap();
        assert!(report.same_text);
        assert!(report.orphans.is_empty(), "{:?}", report.orphans);
        let back: Vec<SavedAnnotation> =
            report.placed.iter().map(|p| p.annotation.clone()).collect();
        let mut expected: Vec<SavedAnnotation> = exported(&article).into_iter().cloned().collect();
        expected.push(article.annotations[3].clone());
        assert_eq!(back, expected, "the rejection travels too");
        assert!(report.placed.iter().all(|p| p.fit == Fit::Exact));
    }

    #[test]
    fn import_onto_an_edited_text_reanchors_or_lists_orphans() {
        let article = judged_article();
        let json = to_web_annotations(&article).to_string();
        let edited = "Breaking: update.\nOfficials said 1,600 people live there. The rest was rewritten.\nDonate now, it's quick.";
        let report = from_web_annotations(&json, edited).unwrap();
        assert!(!report.same_text);
        let claim = report
            .placed
            .iter()
            .find(|p| p.annotation.kind == Kind::Claim)
            .unwrap();
        assert_eq!(
            claim.annotation.exact,
            "Officials said 1,600 people live there."
        );
        assert!(matches!(claim.fit, Fit::Fuzzy { .. }));
        assert_eq!(
            claim.annotation.judgement.verdict,
            Verdict::MostlyTrue,
            "judgement survives"
        );
        let boiler = report
            .placed
            .iter()
            .find(|p| p.annotation.kind == Kind::Boilerplate)
            .unwrap();
        assert_eq!(boiler.fit, Fit::Moved);
        assert_eq!(report.orphans.len(), 1, "the quote is gone");
        assert_eq!(report.orphans[0].exact, "\"We are ready,\"");
        assert_eq!(
            report.placed.len() + report.orphans.len(),
            4,
            "nothing dropped silently"
        );
    }

    #[test]
    fn rejections_relabels_and_corrected_speakers_travel_and_other_tools_can_tell_them() {
        let mut article = judged_article();
        article.annotations[1].speaker_correction = Some("Olga Petrova".into());
        article.annotations[2].relabelled_from = Some(Kind::Claim);
        let doc = to_web_annotations(&article);
        let items = doc["first"]["items"].as_array().unwrap();
        let rejected = &items[3];
        assert_eq!(rejected["motivation"], "moderating");
        assert_eq!(rejected["annotator:review"], "rejected");
        assert!(rejected["body"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["purpose"] == "moderating" && b["value"] == "rejected"));
        assert_eq!(items[1]["annotator:speakerCorrection"], "Olga Petrova");
        let identifying = items[1]["body"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["purpose"] == "identifying")
            .unwrap();
        assert_eq!(
            identifying["value"], "Olga Petrova",
            "other tools see the fix"
        );
        assert_eq!(items[2]["annotator:relabelledFrom"], "claim");

        let report = from_web_annotations(&doc.to_string(), &article.text).unwrap();
        let back: Vec<SavedAnnotation> = report.placed.into_iter().map(|p| p.annotation).collect();
        let mut expected = article.annotations.clone();
        expected.sort_by_key(|a| a.review == Review::Rejected);
        assert_eq!(back, expected);
        // A tool that keeps only the W3C terms still marks the rejection.
        let bare = doc
            .to_string()
            .replace("\"annotator:review\":\"rejected\"", "\"x\":0");
        let report = from_web_annotations(&bare, &article.text).unwrap();
        assert_eq!(report.placed[3].annotation.review, Review::Rejected);
    }

    #[test]
    fn bad_imports_say_what_is_wrong() {
        assert!(matches!(
            from_web_annotations("{oops", "t"),
            Err(ImportError::NotJson { line: 1, .. })
        ));
        assert_eq!(
            from_web_annotations("{\"type\": \"Thing\"}", "t"),
            Err(ImportError::NoAnnotations)
        );
        assert_eq!(
            from_web_annotations("[]", "t"),
            Err(ImportError::NoAnnotations)
        );
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(
            from_web_annotations(&deep, "t"),
            Err(ImportError::NotJson { .. })
        ));
    }

    #[test]
    fn hostile_offsets_and_missing_fields_become_orphans_not_panics() {
        let json = r#"[
          {"type": "Annotation", "body": {"purpose": "classifying", "value": "claim"},
           "target": {"selector": {"type": "TextPositionSelector", "start": 18446744073709551615, "end": 5}}},
          {"type": "Annotation", "body": {"purpose": "classifying", "value": "claim"},
           "target": {"selector": {"type": "TextPositionSelector", "start": 2, "end": 99999999}}},
          {"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "text"}}},
          {"type": "Annotation", "body": {"purpose": "classifying", "value": "quote"},
           "target": {"selector": {"type": "TextPositionSelector", "start": 0, "end": 4}}}
        ]"#;
        let report = from_web_annotations(json, "text here").unwrap();
        assert_eq!(report.orphans.len(), 3, "{:?}", report.orphans);
        assert_eq!(report.placed.len(), 1);
        assert_eq!(report.placed[0].annotation.exact, "text");
        assert!(report.orphans.iter().any(|o| o.why.contains("no kind")));
    }
}
