//! The overview strip beside the article: one tick per annotation on show,
//! placed by where it sits in the text, judged claims filled in. Clicking a
//! tick moves the focus (and the view) to its mark.
//!
//! A long text's thousands of annotations would be thousands of ticks on a
//! strip a few hundred pixels high: past [`ALL_TICKS_UP_TO`], one tick per
//! kind per [`ROWS`]th of the strip stands for its neighbours (judged claims
//! always keep theirs).
//!
//! Positions go through the CSSOM after each render (the page's CSP allows
//! no style attributes): each tick carries its place as data attributes.

use crate::analysis::document::{SavedAnnotation, Verdict};
use crate::app::state::KindFilter;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct MinimapProps {
    pub entries: Rc<Vec<SavedAnnotation>>,
    /// The text's length in code points.
    pub length: usize,
    pub filter: KindFilter,
    /// Called with an entry's index when its tick is chosen.
    pub on_jump: Callback<usize>,
}

// Shared lists compare by address, not element by element: the reducer
// makes a new one whenever one changes, and comparing thousands of
// annotations on every render of the page cost more than drawing again
// would on the rare equal copy.
impl PartialEq for MinimapProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entries, &other.entries)
            && self.length == other.length
            && self.filter == other.filter
            && self.on_jump == other.on_jump
    }
}

/// Up to this many annotations, each has its own tick.
pub const ALL_TICKS_UP_TO: usize = 600;
/// Rows of the strip when ticks stand for their neighbours.
pub const ROWS: f64 = 400.0;

/// The least height of a tick, in percent of the strip: the stylesheet's
/// own height for `.tick`, so a tick this high needs no style of its own.
pub const SLIVER: f64 = 0.6;

/// How many characters of an annotation a tick's label quotes.
const LABEL_CHARS: usize = 100;

/// Top and height of a span as percentages of the strip (at least a sliver).
pub fn placement(start: usize, end: usize, length: usize) -> (f64, f64) {
    if length == 0 {
        return (0.0, 0.0);
    }
    let top = start as f64 / length as f64 * 100.0;
    let height = (end.saturating_sub(start) as f64 / length as f64 * 100.0).max(SLIVER);
    let top = top.min(100.0 - SLIVER);
    (top, height.min(100.0 - top))
}

#[function_component(Minimap)]
pub fn minimap(props: &MinimapProps) -> Html {
    let strip = use_node_ref();
    {
        let strip = strip.clone();
        use_effect(move || {
            let Some(element) = strip.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(ticks) = element.query_selector_all(".tick") else {
                return;
            };
            for i in 0..ticks.length() {
                let Some(tick) = ticks
                    .get(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    continue;
                };
                let style = tick.style();
                for (attribute, property) in [("data-top", "top"), ("data-height", "height")] {
                    // Yew reuses tick elements from one article to the next:
                    // a sliver drawn where a tall tick was must lose the
                    // height it was given then.
                    let _ = match tick.get_attribute(attribute) {
                        Some(value) => style.set_property(property, &format!("{value}%")),
                        None => style.remove_property(property).map(drop),
                    };
                }
            }
        });
    }
    let thin = props.entries.len() > ALL_TICKS_UP_TO;
    let mut rows_taken = std::collections::HashSet::new();
    let ticks = props
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| props.filter.shows(e.kind))
        .filter(|(_, e)| {
            let (top, _) = placement(e.start, e.end, props.length);
            let row = (top / 100.0 * ROWS) as u32;
            !thin || e.judgement.verdict != Verdict::Unchecked || rows_taken.insert((e.kind, row))
        })
        .map(|(i, e)| {
            let (top, height) = placement(e.start, e.end, props.length);
            let judged = e.judgement.verdict != Verdict::Unchecked;
            let on_jump = props.on_jump.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_jump.emit(i));
            // The start of the words is enough to tell ticks apart, and a
            // long text has hundreds of ticks.
            let words = match e.exact.char_indices().nth(LABEL_CHARS) {
                Some((cut, _)) => format!("{}…", &e.exact[..cut]),
                None => e.exact.clone(),
            };
            let label = if judged {
                format!(
                    "{} ({}): {words}",
                    e.kind.as_str(),
                    e.judgement.verdict.label(),
                )
            } else {
                format!("{}: {words}", e.kind.as_str())
            };
            // Most ticks are slivers, whose height the stylesheet gives:
            // one style property set per tick after rendering, not two.
            let tall = height > SLIVER;
            html! {
                <button
                    type="button"
                    class={classes!("tick", judged.then_some("judged"))}
                    data-kind={e.kind.as_str()}
                    data-top={format!("{top:.2}")}
                    data-height={tall.then(|| format!("{height:.2}"))}
                    data-ann={i.to_string()}
                    title={label}
                    tabindex="-1"
                    {onclick}
                />
            }
        });
    html! {
        <nav class="minimap" aria-label="Overview of the article" ref={strip}>
            <div class="minimap-strip">{ for ticks }</div>
        </nav>
    }
}
