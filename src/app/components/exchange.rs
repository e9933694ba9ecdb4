//! Export and import: each export is made by [`crate::analysis::export`] and
//! handed to the browser as a local download (a Blob, an object URL and an
//! `<a download>`); nothing is uploaded. The import reads a file chosen by
//! the reader: a project file opens as an article (on an empty page too),
//! anything else is read as W3C annotations onto the open article.

use crate::analysis::document::{Article, Details, SavedAnnotation};
use crate::analysis::export::{claim_review, csv, markdown, project, web_annotation};
use crate::app::request::{route_import, ImportRoute};
use crate::app::state::{export_view, Action};
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct ExchangeProps {
    /// The open article (None: nothing to export, but a file can be imported).
    pub article: Option<Rc<Article>>,
    /// What is shown of it: the export carries both the decisions and the
    /// pending detections.
    pub entries: Rc<Vec<SavedAnnotation>>,
    /// The remembered reviewer, for details the article leaves empty.
    pub reviewer: Details,
    pub on_action: Callback<Action>,
    /// A project file read and checked, to open (analysed first).
    pub on_open_project: Callback<Article>,
}

// Shared lists compare by address, not element by element: the reducer
// makes a new one whenever one changes, and comparing thousands of
// annotations on every render of the page cost more than drawing again
// would on the rare equal copy.
impl PartialEq for ExchangeProps {
    fn eq(&self, other: &Self) -> bool {
        let same_article = match (&self.article, &other.article) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_article
            && Rc::ptr_eq(&self.entries, &other.entries)
            && self.reviewer == other.reviewer
            && self.on_action == other.on_action
            && self.on_open_project == other.on_open_project
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Project,
    WebAnnotation,
    ClaimReview,
    Markdown,
    Csv,
}

impl Format {
    const ALL: [Format; 5] = [
        Format::Project,
        Format::WebAnnotation,
        Format::ClaimReview,
        Format::Markdown,
        Format::Csv,
    ];

    fn label(self) -> &'static str {
        match self {
            Format::Project => "Project file (text and every decision)",
            Format::WebAnnotation => "W3C annotations (JSON-LD)",
            Format::ClaimReview => "ClaimReview (JSON-LD)",
            Format::Markdown => "Markdown report",
            Format::Csv => "CSV table",
        }
    }

    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Project => (project::PROJECT_SUFFIX, "application/json"),
            Format::WebAnnotation => ("annotations.jsonld", "application/ld+json"),
            Format::ClaimReview => ("claim-reviews.jsonld", "application/ld+json"),
            Format::Markdown => ("report.md", "text/markdown"),
            Format::Csv => ("annotations.csv", "text/csv"),
        }
    }

    /// The file's content, or why there is none to download.
    fn render(self, article: &Article) -> Result<String, String> {
        let pretty =
            |value: serde_json::Value| serde_json::to_string_pretty(&value).unwrap_or_default();
        match self {
            Format::Project => Ok(project::to_project(article)),
            Format::WebAnnotation => Ok(pretty(web_annotation::to_web_annotations(article))),
            Format::ClaimReview => claim_review::to_claim_reviews(article)
                .map(pretty)
                .map_err(|e| format!("Nothing to export as ClaimReview: {e}.")),
            Format::Markdown => Ok(markdown::to_markdown(article)),
            Format::Csv => Ok(csv::to_csv(article)),
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
    let refused = use_state(|| None::<String>);
    let buttons = props.article.as_ref().map(|article| {
        Format::ALL
            .iter()
            .map(|&format| {
                let (article, entries) = (article.clone(), props.entries.clone());
                let reviewer = props.reviewer.clone();
                let refused = refused.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    // Built on demand: the article can be large, renders are many.
                    let article = export_view(&article, &entries, &reviewer);
                    match format.render(&article) {
                        Ok(content) => {
                            refused.set(None);
                            let (suffix, mime) = format.file();
                            let name = format!("{}.{suffix}", file_stem(&article.title));
                            let _ = download(&name, mime, &content);
                        }
                        Err(why) => refused.set(Some(why)),
                    }
                });
                html! { <li><button type="button" class="export" {onclick}>{ format.label() }</button></li> }
            })
            .collect::<Html>()
    });
    let missing = props.article.as_ref().map(|article| {
        let details = Article {
            details: article.details.with_reviewer(&props.reviewer),
            ..Article::default()
        };
        claim_review::missing(&details)
    });
    let onchange = {
        let on_action = props.on_action.clone();
        let on_open_project = props.on_open_project.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let on_action = on_action.clone();
            let on_open_project = on_open_project.clone();
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
                    match result.map(route_import) {
                        Ok(ImportRoute::Project(article)) => on_open_project.emit(*article),
                        Ok(ImportRoute::Annotations(text)) => on_action.emit(Action::Import(text)),
                        Ok(ImportRoute::Failed(why)) => on_action.emit(Action::ImportFailed(why)),
                        Err(error) => on_action.emit(Action::ImportFailed(format!(
                            "the file could not be read ({error})"
                        ))),
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
            if let Some(buttons) = buttons {
                <ul class="export-list">{ buttons }</ul>
            }
            if let Some(why) = &*refused {
                <p id="export-problem" class="notice" role="alert">{ why.clone() }</p>
            }
            if let Some(missing) = missing.filter(|m| !m.is_empty()) {
                <p class="hint claim-review-missing">
                    { format!("For publishing ClaimReview, fill in under Article details: {}.", missing.join(", ")) }
                </p>
            }
            <label class="field-label import-label" for="import-file">{ "Import a project file or W3C annotations" }</label>
            <input id="import-file" type="file" accept=".json,.jsonld,application/json,application/ld+json" {onchange} />
            <p class="hint">{ "A project file opens on its own; W3C annotations are placed on the open article. Files are made and read in this browser; nothing is uploaded." }</p>
        </section>
    }
}
