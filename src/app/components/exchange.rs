//! Export and import: each export is made by [`crate::analysis::export`] and
//! handed to the browser as a local download (a Blob, an object URL and an
//! `<a download>`); nothing is uploaded. The import reads a W3C Web
//! Annotation file chosen by the reader and hands its text to the reducer.

use crate::analysis::document::{Article, SavedAnnotation};
use crate::analysis::export::{claim_review, csv, markdown, web_annotation};
use crate::app::state::{export_view, Action};
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct ExchangeProps {
    /// The open article and what is shown of it: the export carries both
    /// the decisions and the pending detections.
    pub article: Rc<Article>,
    pub entries: Rc<Vec<SavedAnnotation>>,
    pub on_action: Callback<Action>,
}

// Shared lists compare by address, not element by element: the reducer
// makes a new one whenever one changes, and comparing thousands of
// annotations on every render of the page cost more than drawing again
// would on the rare equal copy.
impl PartialEq for ExchangeProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && Rc::ptr_eq(&self.entries, &other.entries)
            && self.on_action == other.on_action
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    WebAnnotation,
    ClaimReview,
    Markdown,
    Csv,
}

impl Format {
    const ALL: [Format; 4] = [
        Format::WebAnnotation,
        Format::ClaimReview,
        Format::Markdown,
        Format::Csv,
    ];

    fn label(self) -> &'static str {
        match self {
            Format::WebAnnotation => "W3C annotations (JSON-LD)",
            Format::ClaimReview => "ClaimReview (JSON-LD)",
            Format::Markdown => "Markdown report",
            Format::Csv => "CSV table",
        }
    }

    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::WebAnnotation => ("annotations.jsonld", "application/ld+json"),
            Format::ClaimReview => ("claim-reviews.jsonld", "application/ld+json"),
            Format::Markdown => ("report.md", "text/markdown"),
            Format::Csv => ("annotations.csv", "text/csv"),
        }
    }

    fn render(self, article: &Article) -> String {
        let pretty =
            |value: serde_json::Value| serde_json::to_string_pretty(&value).unwrap_or_default();
        match self {
            Format::WebAnnotation => pretty(web_annotation::to_web_annotations(article)),
            Format::ClaimReview => pretty(claim_review::to_claim_reviews(article)),
            Format::Markdown => markdown::to_markdown(article),
            Format::Csv => csv::to_csv(article),
        }
    }
}

/// A file name from the article's title: letters, digits and dashes.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "article".to_string()
    } else {
        stem.to_lowercase()
    }
}

/// Starts a download of `content` without leaving the page.
fn download(name: &str, mime: &str, content: &str) -> Option<()> {
    let blob = gloo::file::Blob::new_with_options(content, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoke the URL only after the browser has had time to start the download.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    Some(())
}

#[function_component(Exchange)]
pub fn exchange(props: &ExchangeProps) -> Html {
    // The reader of the chosen file must live until it calls back.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let buttons = Format::ALL.iter().map(|&format| {
        let (article, entries) = (props.article.clone(), props.entries.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            // Built on demand: the article can be large, renders are many.
            let article = export_view(&article, &entries);
            let (suffix, mime) = format.file();
            let name = format!("{}.{suffix}", file_stem(&article.title));
            let _ = download(&name, mime, &format.render(&article));
        });
        html! { <li><button type="button" class="export" {onclick}>{ format.label() }</button></li> }
    });
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let on_action = on_action.clone();
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
                    match result {
                        Ok(text) => on_action.emit(Action::Import(text)),
                        Err(error) => {
                            on_action.emit(Action::Import(format!("not readable: {error}")))
                        }
                    }
                });
            *reader.borrow_mut() = Some(task);
            // The same file can be chosen again.
            input.set_value("");
        })
    };
    html! {
        <section class="panel exchange" aria-labelledby="exchange-heading">
            <h2 id="exchange-heading">{ "Export and import" }</h2>
            <ul class="export-list">{ for buttons }</ul>
            <label class="field-label import-label" for="import-file">{ "Import W3C annotations" }</label>
            <input id="import-file" type="file" accept=".json,.jsonld,application/json,application/ld+json" {onchange} />
            <p class="hint">{ "Files are made and read in this browser; nothing is uploaded." }</p>
        </section>
    }
}
