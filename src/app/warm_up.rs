//! Warms the page's own code while the page is idle, before the reader's
//! first paste.
//!
//! A browser runs new wasm through a quick baseline compiler and optimises a
//! function only once it has run a while (see `analysis::sample_article`). The worker
//! warms the analysis; what follows a reply on the page — reading it, the
//! reducer, drawing the marks, the list and the strip — was as cold, and on
//! the first paste of a page's life it took several times as long as on the
//! next. So, when idle, the page reads a made-up article's analysis as it
//! reads the worker's, reduces it as it would, and draws the article view,
//! the list and the strip into an element that is never attached to the
//! document (nothing is laid out or shown), then drops them.

use crate::analysis::{self, Analysis};
use crate::app::components::article_view::ArticleView;
use crate::app::components::minimap::Minimap;
use crate::app::components::side_panel::SidePanel;
use crate::app::marks;
use crate::app::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;
use yew::Reducible;

/// Paragraphs of the made-up article: about 7 KB, a few milliseconds a
/// round once warm, and short of the length at which the view windows.
const PARAGRAPHS: usize = 60;

/// Rounds, each in its own idle moment: a function is optimised only after
/// running for a while, and one round is too short for most of them.
const ROUNDS: u32 = 4;

/// Starts the warm-up: `ROUNDS` rounds, each when the page is idle.
pub fn start() {
    round(ROUNDS);
}

fn round(left: u32) {
    if left == 0 {
        return;
    }
    marks::when_idle(2_000, move || {
        let detached = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("div").ok());
        if let Some(drawn) = detached.and_then(draw_sample) {
            // Yew draws on its own schedule; drop the copy once it has.
            gloo::timers::callback::Timeout::new(0, move || {
                drawn.destroy();
                round(left - 1);
            })
            .forget();
        }
    });
}

/// The sample analysed, read back as a worker's reply is, reduced as the
/// page reduces a reply, and drawn into `root` (the warm-up gives one that
/// is not in the document).
pub fn draw_sample(root: web_sys::Element) -> Option<yew::AppHandle<Sample>> {
    let text = analysis::sample_article::sample_article(PARAGRAPHS);
    let reply = serde_json::to_vec(&analysis::annotate(&text)).ok()?;
    let analysis: Analysis = serde_json::from_slice(&reply).ok()?;
    let state = Rc::new(State::default())
        .reduce(Action::Analysing(1))
        .reduce(Action::Analysed {
            request: 1,
            text,
            analysis: Rc::new(analysis),
            markup: None,
        });
    Some(yew::Renderer::<Sample>::with_root_and_props(root, SampleProps { state }).render())
}

#[derive(Properties)]
pub struct SampleProps {
    state: Rc<State>,
}

impl PartialEq for SampleProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
    }
}

/// The article view, the list and the strip of `state`, as the app draws
/// them (without their handlers: nothing here is ever clicked).
#[function_component(Sample)]
pub fn sample(props: &SampleProps) -> Html {
    let state = &props.state;
    html! {
        <>
            <ArticleView
                text={state.text.clone()}
                annotations={state.shown.clone()}
                filter={state.filter}
                entries={state.entries.clone()}
            />
            <Minimap
                entries={state.entries.clone()}
                length={state.analysis.as_ref().map_or(0, |a| a.length)}
                filter={state.filter}
                on_jump={Callback::noop()}
            />
            <SidePanel
                text={state.text.clone()}
                annotations={state.shown.clone()}
                filter={state.filter}
                sort={state.sort}
                on_sort={Callback::noop()}
                entries={state.entries.clone()}
                on_jump={Callback::noop()}
            />
        </>
    }
}
