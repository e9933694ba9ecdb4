//! The library of saved articles: open, rename, delete (with undo), and
//! start a new one. Storage is reached through [`crate::app::storage`];
//! what it returns goes to the reducer as actions.

use crate::analysis::document::Article;
use crate::analysis::library::Summary;
use crate::app::state::Action;
use crate::app::storage;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub summaries: Rc<Vec<Summary>>,
    /// The id of the open article.
    #[prop_or_default]
    pub open: Option<String>,
    pub on_action: Callback<Action>,
    /// A saved article, read from storage, to open (analysed first).
    pub on_open: Callback<Article>,
}

/// A deleted article, kept in memory until the next deletion for undo.
#[derive(Clone, PartialEq)]
struct Deleted {
    id: String,
    title: String,
    raw: String,
}

/// `2026-11-25T10:00:00.000Z` as `2026-11-25 10:00`.
fn short_date(iso: &str) -> String {
    let date = iso.get(..10).unwrap_or(iso);
    match iso.get(11..16) {
        Some(time) => format!("{date} {time}"),
        None => date.to_string(),
    }
}

fn report(on_action: &Callback<Action>, result: Result<Vec<Summary>, String>) {
    match result {
        Ok(summaries) => on_action.emit(Action::Library(summaries)),
        Err(problem) => on_action.emit(Action::StorageProblem(Some(problem))),
    }
}

#[function_component(Library)]
pub fn library(props: &LibraryProps) -> Html {
    let renaming = use_state(|| None::<String>);
    let deleted = use_state(|| None::<Deleted>);
    let rename_input = use_node_ref();
    {
        // The title field takes the focus as it opens.
        let rename_input = rename_input.clone();
        use_effect_with((*renaming).clone(), move |renaming| {
            if renaming.is_some() {
                if let Some(input) = rename_input.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let new = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::New))
    };
    let undo = {
        let deleted = deleted.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(gone) = (*deleted).clone() {
                report(&on_action, storage::restore(&gone.id, &gone.raw));
                deleted.set(None);
            }
        })
    };
    let items = props.summaries.iter().map(|s| {
        let id = s.id.clone();
        let is_open = props.open.as_deref() == Some(s.id.as_str());
        let open = {
            let on_action = props.on_action.clone();
            let on_open = props.on_open.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| match storage::open(&id) {
                Ok(article) => on_open.emit(article),
                Err(problem) => on_action.emit(Action::StorageProblem(Some(problem))),
            })
        };
        let start_rename = {
            let renaming = renaming.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
        };
        let delete = {
            let on_action = props.on_action.clone();
            let deleted = deleted.clone();
            let id = id.clone();
            let title = s.title.clone();
            Callback::from(move |_: MouseEvent| match storage::delete(&id) {
                Ok((raw, summaries)) => {
                    deleted.set(raw.map(|raw| Deleted {
                        id: id.clone(),
                        title: title.clone(),
                        raw,
                    }));
                    on_action.emit(Action::Deleted(id.clone()));
                    on_action.emit(Action::Library(summaries));
                }
                Err(problem) => on_action.emit(Action::StorageProblem(Some(problem))),
            })
        };
        let editing = renaming.as_deref() == Some(s.id.as_str());
        let commit = {
            let on_action = props.on_action.clone();
            let renaming = renaming.clone();
            let id = id.clone();
            move |title: String| {
                renaming.set(None);
                if is_open {
                    // The open article is saved by the app with the new title.
                    on_action.emit(Action::Rename(title));
                } else {
                    report(&on_action, storage::rename(&id, &title));
                }
            }
        };
        let onchange = {
            let commit = commit.clone();
            Callback::from(move |event: Event| {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                commit(input.value());
            })
        };
        let onkeydown = {
            let renaming = renaming.clone();
            Callback::from(move |event: KeyboardEvent| {
                if event.key() == "Escape" {
                    renaming.set(None);
                }
            })
        };
        let counts = format!(
            "{} claims ({} judged), {} quotes, {} boilerplate",
            s.claims, s.judged, s.quotes, s.boilerplate
        );
        html! {
            <li class={classes!("library-item", is_open.then_some("open"))} data-id={s.id.clone()}>
                if editing {
                    <label class="visually-hidden" for="rename-input">{ "New title" }</label>
                    <input id="rename-input" ref={rename_input.clone()} class="rename" type="text" value={s.title.clone()} {onchange} {onkeydown} />
                } else {
                    <button type="button" class="library-open" onclick={open} aria-current={is_open.then_some("true")}>
                        <span class="library-title">{ s.title.clone() }</span>
                        <span class="library-meta">{ format!("{} · {counts}", short_date(&s.modified)) }</span>
                    </button>
                }
                <div class="library-actions">
                    <button type="button" class="link-button" onclick={start_rename} aria-label={format!("Rename {}", s.title)}>{ "Rename" }</button>
                    <button type="button" class="link-button danger" onclick={delete} aria-label={format!("Delete {}", s.title)}>{ "Delete" }</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="panel library" aria-labelledby="library-heading">
            <div class="panel-head">
                <h2 id="library-heading">{ "Saved articles" }</h2>
                <button type="button" class="link-button" onclick={new}>{ "New article" }</button>
            </div>
            if let Some(gone) = &*deleted {
                <p class="undo" role="status">
                    { format!("Deleted “{}”. ", gone.title) }
                    <button type="button" class="link-button" onclick={undo}>{ "Undo" }</button>
                </p>
            }
            if props.summaries.is_empty() {
                <p class="hint">{ "Articles you annotate are kept here, in this browser only." }</p>
            } else {
                <ul class="library-list">{ for items }</ul>
            }
        </section>
    }
}
