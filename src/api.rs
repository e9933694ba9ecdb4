//! The wasm-bindgen JS surface: `annotate(text, options)`,
//! `annotate_html(html, options)`, `claim_sentences(text, options)` with
//! `annotate_scored(text, options, logits)` (the language model's scores,
//! which `js/annotator.js` gets from the encoder's worker) and
//! `to_web_annotations(text, annotations)` for web developers (wrapped by
//! `js/annotator.js`), `analyse_for_worker(text, markup)` for the page's
//! analysis worker, and `start_app()` for the page (only with the `app`
//! feature: the JS API's own wasm goes without the page).
//!
//! The page is mounted by an explicit call rather than `#[wasm_bindgen(start)]`
//! so the same wasm module also serves as a plain JS library.

use crate::analysis::claims::combine;
use crate::analysis::document::Article;
use crate::analysis::export::web_annotation;
use crate::analysis::offsets::OffsetMap;
use crate::analysis::reason::{self, Direction, Reason};
use crate::analysis::{self, Annotation, Kind, MarkupHint, DEFAULT_CLAIM_THRESHOLD};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// `options` of [`annotate`]; every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Options {
    threshold: Option<f32>,
}

/// A speaker as JavaScript sees it: code points and UTF-16 units.
#[derive(Debug, Serialize)]
struct JsSpeaker {
    start: usize,
    end: usize,
    start16: usize,
    end16: usize,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<String>,
}

/// An annotation as JavaScript sees it. `start/end` count code points (as
/// the W3C `TextPositionSelector` does); `start16/end16` count UTF-16 units,
/// ready for `String.prototype.slice` and DOM `Range` offsets.
#[derive(Debug, Serialize)]
struct JsAnnotation {
    kind: Kind,
    start: usize,
    end: usize,
    start16: usize,
    end16: usize,
    score: f32,
    /// The labels of its reasons.
    reasons: Vec<Reason>,
    /// Each reason's direction ("raised", "lowered", "neutral"), in the
    /// same order; absent when every one is neutral.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    directions: Vec<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<JsSpeaker>,
}

fn to_js(annotation: Annotation, map: &OffsetMap) -> JsAnnotation {
    JsAnnotation {
        kind: annotation.kind,
        start: annotation.start,
        end: annotation.end,
        start16: map.utf16_of_char(annotation.start),
        end16: map.utf16_of_char(annotation.end),
        score: annotation.score,
        directions: reason::directions(&annotation.reasons),
        reasons: annotation.reasons,
        speaker: annotation.speaker.map(|s| JsSpeaker {
            start: s.start,
            end: s.end,
            start16: map.utf16_of_char(s.start),
            end16: map.utf16_of_char(s.end),
            text: s.text,
            resolved: s.resolved,
        }),
    }
}

/// Annotates `text`; `options` is `undefined`, `null` or `{ threshold }`
/// (claims scoring below it are left out; default
/// [`DEFAULT_CLAIM_THRESHOLD`]). Returns an array of plain objects.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let threshold = threshold_of(options, "annotate")?;
    let annotations = js_annotations(text, &[], threshold);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    annotations
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("annotate: {e}")))
}

/// Renders `html` as a browser shows it, weighs its markup (`<nav>`,
/// captions, class names such as "newsletter") as boilerplate evidence, and
/// returns `{ text, annotations }`: the offsets count in `text`.
#[wasm_bindgen]
pub fn annotate_html(html: &str, options: JsValue) -> Result<JsValue, JsError> {
    let threshold = threshold_of(options, "annotateHtml")?;
    let rendered = analysis::html::render(html);
    #[derive(Serialize)]
    struct Output {
        text: String,
        annotations: Vec<JsAnnotation>,
    }
    let output = Output {
        annotations: js_annotations(&rendered.text, &rendered.hints, threshold),
        text: rendered.text,
    };
    output
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("annotateHtml: {e}")))
}

/// The claim sentences of `text` the language model reads, in order: the
/// texts [`annotate_scored`] takes one raw logit each for. `options` as for
/// [`annotate`], checked here so that bad options fail before the model loads.
#[wasm_bindgen]
pub fn claim_sentences(text: &str, options: JsValue) -> Result<Vec<String>, JsError> {
    threshold_of(options, "annotateWithModel")?;
    let analysis = analysis::annotate_with_markup(text, &[]);
    Ok(combine::claim_sentences(text, &analysis)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect())
}

/// [`annotate`] with each claim sentence rescored by the language model:
/// `logits` holds its raw logit for each of [`claim_sentences`], in order
/// (`claims::combine` makes the scores and reasons, as in the page and the
/// CLI). An error when the count is not theirs.
#[wasm_bindgen]
pub fn annotate_scored(text: &str, options: JsValue, logits: &[f32]) -> Result<JsValue, JsError> {
    let threshold = threshold_of(options, "annotateWithModel")?;
    let mut analysis = analysis::annotate_with_markup(text, &[]);
    combine::rescore(&mut analysis, logits)
        .map_err(|e| JsError::new(&format!("annotateWithModel: {e}")))?;
    let map = OffsetMap::new(text);
    let annotations: Vec<JsAnnotation> = analysis
        .into_annotations(threshold)
        .into_iter()
        .map(|a| to_js(a, &map))
        .collect();
    annotations
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("annotateWithModel: {e}")))
}

/// The claim threshold in `options` (`undefined`, `null` or `{ threshold }`).
fn threshold_of(options: JsValue, function: &str) -> Result<f32, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("{function}: bad options: {e}")))?
    };
    let threshold = options.threshold.unwrap_or(DEFAULT_CLAIM_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(JsError::new(&format!(
            "{function}: options.threshold must be a number in [0, 1]"
        )));
    }
    Ok(threshold)
}

fn js_annotations(text: &str, markup: &[MarkupHint], threshold: f32) -> Vec<JsAnnotation> {
    let map = OffsetMap::new(text);
    analysis::annotate_lexically(text, markup)
        .into_annotations(threshold)
        .into_iter()
        .map(|a| to_js(a, &map))
        .collect()
}

/// W3C Web Annotation JSON-LD (an `AnnotationCollection`) for `annotations`
/// of `text`, as [`annotate`] returned them (code-point `start/end` are used;
/// the UTF-16 fields are ignored).
#[wasm_bindgen]
pub fn to_web_annotations(text: &str, annotations: JsValue) -> Result<JsValue, JsError> {
    let annotations: Vec<Annotation> = serde_wasm_bindgen::from_value(annotations)
        .map_err(|e| JsError::new(&format!("toWebAnnotations: bad annotations: {e}")))?;
    let length = text.chars().count();
    if let Some(bad) = annotations
        .iter()
        .find(|a| a.start > a.end || a.end > length)
    {
        return Err(JsError::new(&format!(
            "toWebAnnotations: span {}..{} is not within the text ({length} code points)",
            bad.start, bad.end
        )));
    }
    let article = Article::with_detections("page", text, "", &annotations);
    web_annotation::to_web_annotations(&article)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("toWebAnnotations: {e}")))
}

/// The whole [`analysis::Analysis`] of `text`, as UTF-8 JSON bytes, for the
/// page's analysis worker (`www/worker.js`); the page reads it back with
/// serde. `markup` is a JSON array of [`analysis::MarkupHint`] (rich paste), or
/// empty for none. Bytes rather than a JS object or string: the worker
/// hands the buffer over without a copy, and the page reads it in one
/// serde pass with no UTF-16 conversion either way.
#[wasm_bindgen]
pub fn analyse_for_worker(text: &str, markup: &str) -> Result<Vec<u8>, JsError> {
    let hints: Vec<analysis::MarkupHint> = if markup.trim().is_empty() {
        Vec::new()
    } else {
        serde_json::from_str(markup)
            .map_err(|e| JsError::new(&format!("analyse_for_worker: bad markup: {e}")))?
    };
    serde_json::to_vec(&analysis::annotate_with_markup(text, &hints))
        .map_err(|e| JsError::new(&format!("analyse_for_worker: {e}")))
}

/// Analyses a made-up article of `paragraphs` paragraphs as the worker
/// analyses a request, and drops the result: the worker calls it while it
/// waits for the first request, so that the browser has recompiled the hot
/// code with its optimising compiler by then (see [`analysis::sample_article`]).
#[wasm_bindgen]
pub fn warm_up(paragraphs: usize) -> Result<(), JsError> {
    analyse_for_worker(&analysis::sample_article::sample_article(paragraphs), "").map(drop)
}

/// Mounts the page into `#app`, after installing a panic hook that logs to
/// the console and shows a visible error banner: a panic must never leave a
/// silently blank page.
#[cfg(feature = "app")]
#[wasm_bindgen]
pub fn start_app() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        crate::app::recovery::mark_for_reopen();
        show_fatal_error(&info.to_string());
    }));
    crate::app::mount();
}

/// Fills the `#fatal` banner of index.html (or adds one) with `message`.
#[cfg(feature = "app")]
fn show_fatal_error(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let banner = document.get_element_by_id("fatal").or_else(|| {
        let banner = document.create_element("div").ok()?;
        banner.set_id("fatal");
        banner.set_attribute("role", "alert").ok()?;
        document.body()?.prepend_with_node_1(&banner).ok()?;
        Some(banner)
    });
    if let Some(banner) = banner {
        banner.set_text_content(Some(&format!(
            "Something went wrong and the page stopped working. Every change you made is saved: \
             reload to carry on where you were. ({message}) "
        )));
        // A button, not an inline handler: the page's CSP forbids those.
        if let Ok(button) = document.create_element("button") {
            let _ = button.set_attribute("type", "button");
            button.set_text_content(Some("Reload"));
            gloo::events::EventListener::new(&button, "click", |_| reload_page()).forget();
            let _ = banner.append_child(&button);
        }
        let _ = banner.remove_attribute("hidden");
    }
}

/// `location.reload()`, through Reflect (web-sys's `Location` would be a
/// feature, and a download, for this one call).
#[cfg(feature = "app")]
fn reload_page() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = js_sys::Reflect::get(&window, &JsValue::from_str("location"));
    let reload = location
        .as_ref()
        .ok()
        .and_then(|l| js_sys::Reflect::get(l, &JsValue::from_str("reload")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Ok(location), Some(reload)) = (location, reload) {
        let _ = reload.call0(&location);
    }
}

/// Panics on purpose, so the end-to-end tests can check the banner and the
/// reload that restores the open work (`tests/e2e/faults.test.mjs`). It
/// touches no state: in the shipped page it only shows the banner.
#[cfg(feature = "app")]
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("a deliberate panic, for testing the recovery");
}
