//! Performance marks and measures the end-to-end benchmark reads
//! (`scripts/bench-browser.mjs`): `analysis` (the wasm call, as the worker
//! timed it), `analysis-roundtrip` (request posted to reply received) and
//! `annotate→painted` (the Annotate action to the first frame painted with
//! the marks in the DOM) and `annotate→complete` (to the first frame
//! painted with the side list and the strip too, drawn a frame later).
//! Timing never changes what the page does.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const PAINTED: &str = "annotate→painted";
pub const COMPLETE: &str = "annotate→complete";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Milliseconds on the page's performance clock (0 without one).
pub fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// The mark set when the reader asks for analysis `request`. One name per
/// request: the page may still be drawing the parts of the analysis on show
/// when the next is asked for, and its frames must not end the new one's
/// measures.
pub fn annotate(request: u64) -> String {
    format!("annotate#{request}")
}

/// Marks the start of analysis `request`, dropping every earlier request's
/// mark (a request superseded before it was drawn is never measured).
pub fn begin(request: u64) {
    if let Some(performance) = performance() {
        performance.clear_marks();
        let _ = performance.mark(&annotate(request));
    }
}

/// Records a measure `name` from `start` to `end` (milliseconds of [`now`]).
pub fn measure(name: &str, start: f64, end: f64) {
    let Some(performance) = performance() else {
        return;
    };
    // `measure(name, { start, end })`: web-sys has no binding for the
    // options form without an extra feature, so it is called by name.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &end.into());
    if let Ok(method) = js_sys::Reflect::get(&performance, &"measure".into()) {
        if let Some(method) = method.dyn_ref::<js_sys::Function>() {
            let _ = method.call2(&performance, &name.into(), &options);
        }
    }
}

/// Records `name` from the mark `since` to now, keeping the mark.
pub fn measure_from(name: &str, since: &str) {
    let Some(performance) = performance() else {
        return;
    };
    if performance.get_entries_by_name(since).length() > 0 {
        let _ = performance.measure_with_start_mark(name, since);
    }
}

/// Records `name` from the mark `since` to now, then drops the mark, so
/// the same action is measured once however often the page re-renders.
pub fn measure_since(name: &str, since: &str) {
    let Some(performance) = performance() else {
        return;
    };
    if performance.get_entries_by_name(since).length() == 0 {
        return;
    }
    let _ = performance.measure_with_start_mark(name, since);
    performance.clear_marks_with_mark_name(since);
}

/// Runs `then` when the page is next idle (`requestIdleCallback`), at the
/// latest after `within_ms`; in a task of its own where there is no such
/// call. Work that can wait (saving) so stays out of the frames that draw.
pub fn when_idle(within_ms: u32, then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(then);
    // Called by name: web-sys binds it only behind an extra feature.
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let scheduled = idle.is_some_and(|idle| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &within_ms.into());
        idle.call2(&window, &callback, &options).is_ok()
    });
    if !scheduled {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Runs `then` once the next frame has been painted: a frame callback runs
/// just before painting, and a task queued from it runs just after.
pub fn after_paint(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, then).forget();
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}
