//! The Yew front end: wires the state, its reducer and the components.
//!
//! Data flows one way: the editor's text → [`crate::core::annotate`] (in the
//! reducer) → [`crate::core::Analysis`] → [`state::State`] → the views. The
//! components only report what the reader did, as [`state::Action`]s.

pub mod components;
pub mod layout;
pub mod state;

use crate::core::Kind;
use components::article_view::ArticleView;
use components::editor::Editor;
use components::legend::Legend;
use components::mark_tooltip::MarkTooltip;
use components::side_panel::SidePanel;
use components::threshold::Threshold;
use state::{Action, Notice, State};
use yew::prelude::*;

/// The sentence the aria-live status reads out after each change.
pub fn status_line(state: &State) -> String {
    if state.analysis.is_none() {
        return "Paste an article and press Annotate.".to_string();
    }
    let n = |kind| state.count(kind);
    let plural = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    format!(
        "Found {}, {} and {}.",
        plural(n(Kind::Claim), "claim", "claims"),
        plural(n(Kind::Quote), "quote", "quotes"),
        plural(
            n(Kind::Boilerplate),
            "boilerplate block",
            "boilerplate blocks"
        ),
    )
}

/// A callback that turns what a component reports into an action.
fn dispatcher<T: 'static>(state: &UseReducerHandle<State>, make: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value| state.dispatch(make(value)))
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let on_analyse = dispatcher(&state, Action::Analyse);
    let on_threshold = dispatcher(&state, Action::SetThreshold);
    let on_toggle = dispatcher(&state, Action::ToggleKind);
    let on_sort = dispatcher(&state, Action::SetSort);
    let on_inspect = dispatcher(&state, Action::Inspect);

    let counts = Kind::ALL.map(|kind| state.count(kind));
    let tooltip = state
        .inspected
        .and_then(|i| Some((i, state.shown.get(i.id)?.clone())));

    html! {
        <div class="app">
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "❝" }</span>
                    <h1>{ "Article annotator" }</h1>
                </div>
                <p class="tagline">{ "Claims, quotes and boilerplate, found offline in your browser." }</p>
            </header>
            <main class="layout">
                <div class="main-column">
                    <Editor {on_analyse} empty_notice={state.notice == Some(Notice::EmptyInput)} />
                    <p id="status" class="status" role="status" aria-live="polite">{ status_line(&state) }</p>
                    if state.analysis.is_some() {
                        <ArticleView
                            text={state.text.clone()}
                            annotations={state.shown.clone()}
                            filter={state.filter}
                            inspected={state.inspected.map(|i| i.id)}
                            {on_inspect}
                        />
                    } else {
                        <div class="placeholder">
                            <p>{ "Your annotated article will appear here." }</p>
                            <p class="muted">{ "Claims worth checking, quotations with their speakers, and boilerplate such as donation appeals or newsletter prompts are marked in the text." }</p>
                        </div>
                    }
                </div>
                <aside class="side" aria-label="Annotation tools">
                    <Legend {counts} filter={state.filter} {on_toggle} />
                    <Threshold value={state.threshold} on_change={on_threshold} />
                    if state.analysis.is_some() {
                        <SidePanel
                            text={state.text.clone()}
                            annotations={state.shown.clone()}
                            filter={state.filter}
                            sort={state.sort}
                            {on_sort}
                        />
                    }
                </aside>
            </main>
            if let Some((inspected, annotation)) = tooltip {
                <MarkTooltip {annotation} left={inspected.left} top={inspected.top} />
            }
        </div>
    }
}

/// Mounts the app into the element with id `app` (or the body).
pub fn mount() {
    let document = web_sys::window().and_then(|w| w.document());
    match document.and_then(|d| d.get_element_by_id("app")) {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
