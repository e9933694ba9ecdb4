//! The wasm-bindgen JS surface: `annotate(text, options)` and
//! `to_web_annotations(text, annotations)` for web developers (wrapped by
//! `js/annotator.js`), and `start_app()` for the page (only with the `app`
//! feature: the JS API's own wasm goes without the page).
//!
//! The page is mounted by an explicit call rather than `#[wasm_bindgen(start)]`
//! so the same wasm module also serves as a plain JS library.

use crate::core::document::Article;
use crate::core::export::web_annotation;
use crate::core::offsets::OffsetMap;
use crate::core::{self, Annotation, Kind, DEFAULT_CLAIM_THRESHOLD};
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
    reasons: Vec<String>,
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
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("annotate: bad options: {e}")))?
    };
    let threshold = options.threshold.unwrap_or(DEFAULT_CLAIM_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(JsError::new(
            "annotate: options.threshold must be a number in [0, 1]",
        ));
    }
    let map = OffsetMap::new(text);
    let annotations: Vec<JsAnnotation> = core::annotate(text)
        .annotations(threshold)
        .into_iter()
        .map(|a| to_js(a, &map))
        .collect();
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    annotations
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("annotate: {e}")))
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

/// Mounts the page into `#app`, after installing a panic hook that logs to
/// the console and shows a visible error banner: a panic must never leave a
/// silently blank page.
#[cfg(feature = "app")]
#[wasm_bindgen]
pub fn start_app() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
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
            "Something went wrong and the page stopped working. Reload to try again. ({message})"
        )));
        let _ = banner.remove_attribute("hidden");
    }
}
