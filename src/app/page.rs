//! The page itself: the `App` component wires the state, its reducer and the
//! components together, and runs the effects (the analysis worker, storage,
//! the shortcuts' key listener).
//!
//! Data flows one way: the editor's text → [`crate::analysis::annotate`] (in a
//! worker when there is one: [`super::analysis_worker`]) →
//! [`crate::analysis::Analysis`] → [`super::state::State`] → the views. The
//! components only report what the reader did, as [`super::state::Action`]s.

use super::messages::{scoring_line, status_line, too_long_message};
use super::state::{Action, Notice, Opening, State};
use super::{
    analysis_worker, clock, components, marks, recovery, shortcuts, state, storage, warm_up,
};
use crate::analysis::document::{Article, SavedAnnotation, Verdict};
use crate::analysis::library::Session;
use crate::analysis::library::Summary;
use crate::analysis::{Kind, MarkupHint};
use components::annotation_card::AnnotationCard;
use components::article_view::ArticleView;
use components::details::DetailsForm;
use components::editor::Editor;
use components::exchange::Exchange;
use components::help::Help;
use components::legend::Legend;
use components::library::Library;
use components::mark_tooltip::MarkTooltip;
use components::minimap::Minimap;
use components::reports::Reports;
use components::selection_bar::SelectionBar;
use components::side_panel::SidePanel;
use components::threshold::Threshold;
use components::undo_bar::UndoBar;
use components::verdict_counts::VerdictCounts;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A callback that turns what a component reports into an action: the
/// same callback on every render, so that a child whose other props did
/// not change is not rendered again (a new callback is never equal).
#[hook]
fn use_dispatcher<T: 'static>(
    state: &UseReducerHandle<State>,
    make: fn(T) -> Action,
) -> Callback<T> {
    let dispatch = state.dispatcher();
    use_callback((), move |value, _| dispatch.dispatch(make(value)))
}

/// How many of an article's later parts are drawn: none in the frame where
/// an analysis first appears, then one more after each frame is painted,
/// up to `parts`; so that the first frame with the marks is not held up by
/// the side list and the strip, nor the list by the strip. `on_show`: the
/// request whose analysis is on show (`None`: no analysis; `Some(None)`: one
/// that came without a request, such as an imported project). Keyed by the
/// request, so a new analysis replacing one on show starts again from its
/// marks, and `annotate→complete` ends for the request that began it.
#[hook]
fn use_parts_drawn(on_show: Option<Option<u64>>, parts: u8) -> u8 {
    let drawn = use_state_eq(|| (None::<Option<u64>>, 0u8));
    // Parts drawn for another analysis count for nothing here.
    let now = if drawn.0 == on_show { drawn.1 } else { 0 };
    {
        let drawn = drawn.clone();
        use_effect_with((on_show, now), move |&(on_show, now)| {
            if on_show.is_none() {
                drawn.set((None, 0));
            } else if now < parts {
                marks::after_paint(move || drawn.set((on_show, now + 1)));
            } else if let Some(Some(request)) = on_show {
                // The frame after the last part ends `annotate→complete`.
                let since = marks::annotate(request);
                marks::after_paint(move || marks::measure_since(marks::COMPLETE, &since));
            }
        });
    }
    now
}

/// Moves the keyboard focus to the mark of entry `index` (which scrolls it
/// into view).
fn focus_mark(index: usize) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("ann-{index}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// True when a key press belongs to a text field, not to the shortcuts.
fn typing_in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(
        element.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || element
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|e| e.is_content_editable())
}

/// Listens for the shortcuts on the whole document while the app is mounted.
#[hook]
fn use_shortcuts(state: &UseReducerHandle<State>) {
    let help = state.help;
    let dispatch = state.dispatcher();
    use_effect_with(help, move |&help| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(
                    &document,
                    "keydown",
                    options,
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if typing_in_a_field(event) {
                            return;
                        }
                        let command = event.ctrl_key() || event.meta_key();
                        if command
                            && !event.shift_key()
                            && !event.alt_key()
                            && event.key().eq_ignore_ascii_case("z")
                        {
                            // Outside text fields, which keep their own undo.
                            event.prevent_default();
                            if let Some(undo) = shortcuts::action_for("Ctrl+Z", help) {
                                dispatch.dispatch(undo);
                            }
                            return;
                        }
                        if command || event.alt_key() {
                            return;
                        }
                        if let Some(action) = shortcuts::action_for(&event.key(), help) {
                            event.prevent_default();
                            // A key that acted on selected text used it up.
                            let on_selection = matches!(
                                action,
                                Action::Label(_)
                                    | Action::Accept
                                    | Action::Reject
                                    | Action::SetVerdict(_)
                            );
                            dispatch.dispatch(action);
                            if on_selection {
                                clear_text_selection();
                            }
                        }
                    },
                )
            });
        move || drop(listener)
    });
}

fn clear_text_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}

/// What the page last rendered and what storage last received, so that a
/// change not yet saved when the page goes away is saved on the way out.
#[derive(Default)]
struct Pending {
    revision: u64,
    saved: u64,
    article: Option<Rc<Article>>,
    entries: Rc<Vec<SavedAnnotation>>,
}

impl Pending {
    fn save(&mut self) -> Option<Result<Vec<Summary>, String>> {
        let article = self.article.as_ref()?;
        self.saved = self.revision;
        Some(storage::save(article, Summary::of(article, &self.entries)))
    }
}

/// Keeps the session entry (the open article, its open annotation, the
/// scroll) up to date, so a reload reopens the article as it was. Nothing is
/// written while a request is in flight (the reload's own reopening among
/// them), so the session being restored is not overwritten by the empty page.
#[hook]
fn use_session(open: Option<String>, selected: Option<String>, threshold: f32, busy: bool) {
    let current = use_mut_ref(|| None::<Session>);
    let started = use_mut_ref(|| false);
    {
        let current = current.clone();
        let started = started.clone();
        // The threshold as text: f32 has no Eq for the effect's key.
        let key = (open, selected, threshold.to_string(), busy);
        use_effect_with(key, move |(open, selected, _, busy)| {
            if *busy || (!*started.borrow() && open.is_none()) {
                return;
            }
            *started.borrow_mut() = true;
            let session = open.as_ref().map(|article| Session {
                article: article.clone(),
                selected: selected.clone(),
                scroll: scroll_y(),
                threshold: Some(threshold),
            });
            storage::save_session(session.as_ref());
            *current.borrow_mut() = session;
        });
    }
    use_effect_with((), move |_| {
        // Scrolling is saved a quarter of a second after it stops, and on
        // the way out.
        let waiting: Rc<RefCell<Option<gloo::timers::callback::Timeout>>> = Rc::default();
        let save = {
            let current = current.clone();
            move || {
                if let Some(session) = current.borrow_mut().as_mut() {
                    session.scroll = scroll_y();
                    storage::save_session(Some(session));
                }
            }
        };
        let window = web_sys::window();
        let on_scroll = window.as_ref().map(|window| {
            let save = save.clone();
            gloo::events::EventListener::new(window, "scroll", move |_| {
                let save = save.clone();
                *waiting.borrow_mut() = Some(gloo::timers::callback::Timeout::new(250, save));
            })
        });
        let on_hide = window
            .as_ref()
            .map(|window| gloo::events::EventListener::new(window, "pagehide", move |_| save()));
        move || drop((on_scroll, on_hide))
    });
}

fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

/// Reads the library once, then saves the open article whenever it changes
/// (and when the page is hidden or left with a change not yet saved).
#[hook]
fn use_library(state: &UseReducerHandle<State>, analyser: &Rc<analysis_worker::Analyser>) {
    {
        let dispatch = state.dispatcher();
        let analyser = analyser.clone();
        use_effect_with((), move |_| {
            let loaded = storage::load();
            dispatch.dispatch(Action::Library(loaded.summaries));
            dispatch.dispatch(Action::StorageProblem(loaded.problem));
            dispatch.dispatch(Action::Reviewer(storage::load_reviewer()));
            // The article open when the page was left (or when it crashed)
            // comes back as it was: its open annotation, its scroll.
            let crashed = recovery::take_reopen().map(|article| Session {
                article,
                ..Session::default()
            });
            let left = storage::load_session();
            let session = match (crashed, left) {
                (Some(crashed), Some(left)) if left.article == crashed.article => Some(left),
                (crashed, left) => crashed.or(left),
            };
            if let Some(session) = session {
                match storage::open_if_present(&session.article) {
                    Ok(Some(article)) => analyser.open(
                        article,
                        Opening::Reload {
                            selected: session.selected,
                            scroll: session.scroll,
                            threshold: session.threshold,
                        },
                    ),
                    Ok(None) => {}
                    Err(problem) => dispatch.dispatch(Action::StorageProblem(Some(problem))),
                }
            }
        });
    }
    // The panic hook reads this to know what to reopen.
    let open_id = state.article.as_ref().map(|a| a.id.clone());
    use_effect_with(open_id.clone(), |id| recovery::note_open(id.as_deref()));
    use_session(
        open_id,
        state.selected.clone(),
        state.threshold,
        state.pending.is_some(),
    );
    {
        let reviewer = state.reviewer.clone();
        use_effect_with(reviewer, |reviewer| {
            if !reviewer.is_empty() {
                storage::save_reviewer(reviewer);
            }
        });
    }
    let pending = use_mut_ref(Pending::default);
    {
        let mut pending = pending.borrow_mut();
        pending.revision = state.revision;
        pending.article = state.article.clone();
        pending.entries = state.entries.clone();
    }
    {
        // A change not yet saved (saving waits for an idle moment) is saved
        // when the page is hidden (another tab, the phone's home screen:
        // it may never come back) or left.
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let flush = move || {
                let mut pending = pending.borrow_mut();
                if pending.saved < pending.revision {
                    let _ = pending.save();
                }
            };
            let window = web_sys::window();
            let on_hide = window.as_ref().map(|window| {
                let flush = flush.clone();
                gloo::events::EventListener::new(window, "pagehide", move |_| flush())
            });
            let on_hidden = window.and_then(|w| w.document()).map(|document| {
                let watched = document.clone();
                gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
                    // By name: web-sys binds `visibilityState` only behind a feature.
                    let state = js_sys::Reflect::get(&watched, &"visibilityState".into());
                    if state.ok().and_then(|s| s.as_string()).as_deref() == Some("hidden") {
                        flush();
                    }
                })
            });
            move || drop((on_hide, on_hidden))
        });
    }
    let dispatch = state.dispatcher();
    use_effect_with(state.revision, move |&revision| {
        if revision == 0 {
            return;
        }
        // When the page is idle (within a second): writing a long article
        // (tens of milliseconds for a book) is kept out of the frames that
        // draw it and the list and strip that follow.
        marks::when_idle(1_000, move || {
            let result = {
                let mut pending = pending.borrow_mut();
                if pending.saved >= pending.revision {
                    return;
                }
                pending.save()
            };
            match result {
                Some(Ok(summaries)) => dispatch.dispatch(Action::Library(summaries)),
                Some(Err(problem)) => dispatch.dispatch(Action::StorageProblem(Some(problem))),
                None => {}
            }
        });
    });
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let analyser = use_state(|| analysis_worker::Analyser::new(state.dispatcher()));
    // A plain request on the open article's own text keeps the hints its
    // rich paste left (the worker must weigh them as before).
    let kept_markup = {
        let article = state.article.clone();
        move |text: &str| {
            article
                .as_deref()
                .filter(|a| a.text == text)
                .map(|a| a.markup.clone())
                .unwrap_or_default()
        }
    };
    let on_analyse = {
        let analyser = (*analyser).clone();
        let kept_markup = kept_markup.clone();
        Callback::from(move |text: String| analyser.request(text, None, &kept_markup))
    };
    let on_analyse_marked = {
        let analyser = (*analyser).clone();
        Callback::from(move |(text, hints): (String, Vec<MarkupHint>)| {
            analyser.request(text, Some(hints), &kept_markup)
        })
    };
    // The frame after an analysis' marks reach the DOM ends the
    // `annotate→painted` measure its request began (once: the language
    // model's rescoring later replaces the analysis, not the request).
    use_effect_with(
        state.analysis.as_ref().and(state.analysed_request),
        |request| {
            if let Some(request) = *request {
                let since = marks::annotate(request);
                marks::after_paint(move || marks::measure_from(marks::PAINTED, &since));
            }
        },
    );
    // While the reader has not pasted yet, warm the code that draws a reply.
    use_effect_with((), |_| warm_up::start());
    let busy = state.pending.is_some();
    let on_threshold = use_dispatcher(&state, Action::SetThreshold);
    let on_toggle = use_dispatcher(&state, Action::ToggleKind);
    let on_sort = use_dispatcher(&state, Action::SetSort);
    let on_inspect = use_dispatcher(&state, Action::Inspect);
    let on_select_text = use_dispatcher(&state, Action::SelectText);
    let on_verdict_filter = use_dispatcher(&state, Action::FilterVerdict);
    let on_type_filter = use_dispatcher(&state, Action::FilterType);
    let on_jump = use_dispatcher(&state, Action::Jump);
    let on_action: Callback<Action> = {
        let dispatch = state.dispatcher();
        use_callback((), move |action: Action, _| {
            let labels = matches!(action, Action::Label(_));
            dispatch.dispatch(action);
            if labels {
                clear_text_selection();
            }
        })
    };
    // Opening analyses the article's text: in the worker, like a paste.
    // A project file opens like a saved article; one whose id is already in
    // the library gets a new id, so the saved one is never overwritten.
    let on_open_project = {
        let analyser = (*analyser).clone();
        let library = state.library.clone();
        use_callback(library, move |mut article: Article, library| {
            if library.iter().any(|s| s.id == article.id) {
                article.id = state::Clock::new_id(&clock::BrowserClock);
            }
            analyser.open(article, Opening::Project)
        })
    };
    let on_open = {
        let analyser = (*analyser).clone();
        use_callback((), move |article: Article, _| {
            analyser.open(article, Opening::Saved)
        })
    };
    let on_select = {
        // Made anew only when the entries change (compared by address:
        // comparing thousands of entries on every render would cost more).
        let dispatch = state.dispatcher();
        let entries = state.entries.clone();
        use_callback(
            Rc::as_ptr(&state.entries) as usize,
            move |index: usize, _| {
                let id = entries.get(index).map(|e| e.id.clone());
                dispatch.dispatch(Action::Select(id));
            },
        )
    };
    // First the article, then the side list, then the strip beside it.
    let parts = use_parts_drawn(state.analysis.as_ref().map(|_| state.analysed_request), 2);
    let (list_drawn, strip_drawn) = (parts >= 1, parts >= 2);
    use_shortcuts(&state);
    use_library(&state, &analyser);
    {
        // The keyboard moved to another annotation: move the focus there too.
        let target = state.selected.as_deref().and_then(|id| state.index_of(id));
        use_effect_with(state.focus_moves, move |&moves| {
            if moves > 0 {
                if let Some(index) = target {
                    focus_mark(index);
                }
            }
        });
    }
    let selected_index = state.selected.as_deref().and_then(|id| state.index_of(id));
    let names = {
        let text = state.text.clone();
        let entries = state.entries.clone();
        use_memo(
            Rc::as_ptr(&state.entries) as *const () as usize,
            move |_| {
                // Speakers found in the article first, then other names in it.
                let mut names: Vec<String> = entries
                    .iter()
                    .filter(|e| e.kind == Kind::Quote)
                    .filter_map(|e| e.speaker_name())
                    .collect();
                let head: String = text.chars().take(50_000).collect();
                names.extend(crate::analysis::claim_parts::names(&head, 60));
                let mut seen = std::collections::HashSet::new();
                names.retain(|n| seen.insert(n.clone()));
                names
            },
        )
    };
    let article_url = state
        .article
        .as_ref()
        .map(|a| a.details.url.trim().to_string())
        .filter(|u| !u.is_empty());
    let card = state.selected_entry().cloned().map(|entry| {
        let suggested_author = crate::analysis::editing::suggested_author(&state.entries, &entry);
        let key = entry.id.clone();
        html! {
            <AnnotationCard
                {key}
                {entry}
                {suggested_author}
                names={Rc::new((*names).clone())}
                article_url={article_url.clone()}
                on_action={on_action.clone()}
            />
        }
    });
    {
        // After a reload, scroll back to where the reader was once the
        // article is drawn.
        let scroll_to = state.scroll_to;
        use_effect_with(state.loads, move |_| {
            if let Some(y) = scroll_to {
                marks::after_paint(move || {
                    if let Some(window) = web_sys::window() {
                        window.scroll_to_with_x_and_y(0.0, y);
                    }
                });
            }
        });
    }
    let verdict_counts = Verdict::ALL.map(|v| state.verdict_count(v));
    let selection_excerpt = state.selection.map(|(start, end)| {
        let words = crate::analysis::document::slice_chars(&state.text, start, end);
        let words: String = words.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.chars().count() > 80 {
            format!("{}…", words.chars().take(80).collect::<String>())
        } else {
            words
        }
    });

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
                <div class="main-column" aria-busy={busy.then_some("true")}>
                    <Editor
                        {on_analyse}
                        {on_analyse_marked}
                        empty_notice={state.notice == Some(Notice::EmptyInput)}
                        loaded={Some(state.text.clone())}
                        loads={state.loads}
                        keep_typed={state.scroll_to.is_some()}
                    />
                    if let Some(Notice::TooLong(chars)) = state.notice {
                        <p id="input-problem" class="notice" role="alert">{ too_long_message(chars) }</p>
                    }
                    <p id="status" class="status" role="status" aria-live="polite">{ status_line(&state) }</p>
                    if busy {
                        // Shown after one frame (style.css), so quick work does not flicker.
                        <p id="busy" class="busy" role="status">
                            <span class="spinner" aria-hidden="true"></span>{ "Analysing…" }
                        </p>
                    }
                    if let (Some(line), Some(scoring)) = (scoring_line(&state), state.scoring) {
                        // Not a live region: it moves every second; #announce says when it ends.
                        <p id="scoring" class="scoring">
                            { line }
                            <progress max={scoring.total.to_string()} value={scoring.done.to_string()} aria-hidden="true"></progress>
                        </p>
                    }
                    if let Some(problem) = &state.model_problem {
                        <p id="model-problem" class="notice" role="note">{ problem.clone() }</p>
                    }
                    <p id="announce" class="announce" aria-live="polite">{ state.announcement.clone() }</p>
                    // Always there, so that the bar coming and going never moves its
                    // siblings (yew mis-places a node inserted before a component that
                    // renders nothing, as Reports does, when a later sibling goes in
                    // the same render).
                    <div class="undo-slot">
                        if let Some(step) = state.undo.last() {
                            <UndoBar said={step.said.clone()} on_action={on_action.clone()} />
                        }
                    </div>
                    if let Some(problem) = &state.storage_problem {
                        <p id="storage-problem" class="notice" role="alert">{ problem.clone() }</p>
                    }
                    <Reports
                        version={state.version_report.clone()}
                        import={state.import_outcome.clone()}
                        import_error={state.import_error.clone()}
                        on_action={on_action.clone()}
                    />
                    if let Some(excerpt) = selection_excerpt {
                        <SelectionBar {excerpt} on_action={on_action.clone()} />
                    }
                    if state.analysis.is_some() {
                        if let Some(article) = &state.article {
                            <h2 class="article-title">{ article.title.clone() }</h2>
                        }
                        <div class="article-wrap">
                            <ArticleView
                                text={state.text.clone()}
                                annotations={state.shown.clone()}
                                filter={state.filter}
                                inspected={state.inspected.map(|i| i.id)}
                                {on_inspect}
                                entries={state.entries.clone()}
                                analysis={state.analysis.clone()}
                                selected={selected_index}
                                {on_select}
                                {on_select_text}
                            />
                            if strip_drawn {
                                <Minimap
                                    entries={state.entries.clone()}
                                    length={state.analysis.as_ref().map_or(0, |a| a.length)}
                                    filter={state.filter}
                                    on_jump={on_jump.clone()}
                                />
                            }
                        </div>
                    } else {
                        <div class="placeholder">
                            <p>{ "Your annotated article will appear here." }</p>
                            <p class="muted">{ "Claims worth checking, quotations with their speakers, and boilerplate such as donation appeals or newsletter prompts are marked in the text." }</p>
                        </div>
                    }
                </div>
                <aside class="side" aria-label="Annotation tools">
                    { for card }
                    <Legend {counts} filter={state.filter} {on_toggle} />
                    if state.analysis.is_some() {
                        <VerdictCounts counts={verdict_counts} />
                    }
                    <Threshold value={state.threshold} on_change={on_threshold} />
                    if list_drawn {
                        <SidePanel
                            text={state.text.clone()}
                            annotations={state.shown.clone()}
                            filter={state.filter}
                            sort={state.sort}
                            {on_sort}
                            entries={state.entries.clone()}
                            verdict_filter={state.verdict_filter}
                            {on_verdict_filter}
                            type_filter={state.type_filter}
                            {on_type_filter}
                            selected={selected_index}
                            {on_jump}
                        />
                    }
                    if let Some(article) = state.article.clone() {
                        <DetailsForm details={article.details.clone()} on_action={on_action.clone()} />
                    }
                    <Exchange
                        article={state.article.clone()}
                        entries={state.entries.clone()}
                        reviewer={state.reviewer.clone()}
                        on_action={on_action.clone()}
                        {on_open_project}
                    />
                    <Library
                        summaries={state.library.clone()}
                        open={state.article.as_ref().map(|a| a.id.clone())}
                        on_action={on_action.clone()}
                        {on_open}
                    />
                    <button type="button" class="link-button help-button" onclick={
                        let on_action = on_action.clone();
                        Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowHelp(true)))
                    }>{ "Keyboard shortcuts (?)" }</button>
                </aside>
                // Inside <main> with the marks it describes, so that a reader
                // moving by landmarks finds it there; no ancestor is
                // positioned, so its page coordinates stay the same.
                if let Some((inspected, annotation)) = tooltip {
                    <MarkTooltip {annotation} left={inspected.left} top={inspected.top} />
                }
            </main>
            if state.help {
                <Help on_action={on_action.clone()} />
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
