//! The thin browser half of the library: moves the strings that
//! [`crate::analysis::library`] encodes into and out of `localStorage`.
//!
//! Every call is fallible and says what went wrong in words a reader can act
//! on. A write touches only its own article's key and the index, so a full
//! or failing store never costs the other articles; the open work stays in
//! memory whatever happens here. The handle comes from web-sys directly
//! (the one gloo wraps), because gloo's `LocalStorage::raw` throws when the
//! browser refuses storage altogether, and that must be a message, not a crash.

use crate::analysis::document::{Article, Details};
use crate::analysis::library::{
    self, article_key, decode_article, decode_index, decode_reviewer, decode_session,
    encode_article, encode_index, encode_reviewer, encode_session, id_of_key, upsert_summary,
    EntryError, Session, Summary, INDEX_KEY, REVIEWER_KEY, SESSION_KEY,
};
use wasm_bindgen::{JsCast, JsValue};

/// What the library found on load: the articles, and entries it could not read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub summaries: Vec<Summary>,
    pub problem: Option<String>,
}

fn store() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or(())
        .and_then(|w| w.local_storage().map_err(drop))
        .ok()
        .flatten()
        .ok_or_else(|| {
            "This browser does not let the page keep anything: your work is not saved. Export it before you leave.".to_string()
        })
}

/// The DOM exception's name (`QuotaExceededError`, `SecurityError`...).
fn error_name(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .or_else(|| {
            js_sys::Reflect::get(error, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string())
        })
        .unwrap_or_default()
}

fn write(store: &web_sys::Storage, key: &str, value: &str) -> Result<(), String> {
    store.set_item(key, value).map_err(|error| {
        if error_name(&error).starts_with("QuotaExceeded") {
            "Not saved: the browser's storage for this page is full. Your work is still open here; export it, or delete old articles from the library.".to_string()
        } else {
            "Not saved: the browser refused to store the article. Your work is still open here; export it to keep it.".to_string()
        }
    })
}

fn read(store: &web_sys::Storage, key: &str) -> Option<String> {
    store.get_item(key).ok().flatten()
}

/// The index, rebuilt from the entries when it is missing or damaged, and
/// completed with entries it does not list (saved by another tab, say).
/// `known`: the summary of an entry just written, taken as it is rather
/// than read back and decoded (a long article costs tens of milliseconds).
fn index(
    store: &web_sys::Storage,
    known: Option<Summary>,
) -> (Vec<Summary>, Vec<(String, EntryError)>) {
    let mut summaries = read(store, INDEX_KEY)
        .and_then(|raw| decode_index(&raw).ok())
        .unwrap_or_default();
    if let Some(summary) = known {
        upsert_summary(&mut summaries, summary);
    }
    let mut damaged = Vec::new();
    let length = store.length().unwrap_or(0);
    let keys: Vec<String> = (0..length)
        .filter_map(|i| store.key(i).ok().flatten())
        .collect();
    for key in &keys {
        let Some(id) = id_of_key(key) else { continue };
        if summaries.iter().any(|s| s.id == id) {
            continue;
        }
        match read(store, key).map(|raw| decode_article(id, &raw)) {
            Some(Ok(article)) => {
                let shown = article.merged_with(&[]);
                upsert_summary(&mut summaries, Summary::of(&article, &shown));
            }
            Some(Err(error)) => damaged.push((id.to_string(), error)),
            None => {}
        }
    }
    // Entries the index lists but that are gone are dropped from the list.
    summaries.retain(|s| keys.contains(&article_key(&s.id)));
    library::sort_newest_first(&mut summaries);
    (summaries, damaged)
}

fn damage_message(damaged: &[(String, EntryError)]) -> Option<String> {
    let (id, error) = damaged.first()?;
    let more = match damaged.len() {
        1 => String::new(),
        n => format!(" ({} more damaged entries)", n - 1),
    };
    Some(format!(
        "A saved article ({id}) could not be read: {error}{more}. Your other articles are fine."
    ))
}

/// Reads the library.
pub fn load() -> Loaded {
    match store() {
        Ok(store) => {
            let (summaries, damaged) = index(&store, None);
            Loaded {
                summaries,
                problem: damage_message(&damaged),
            }
        }
        Err(problem) => Loaded {
            summaries: Vec::new(),
            problem: Some(problem),
        },
    }
}

/// Saves `article` and its summary; returns the library as it now is.
pub fn save(article: &Article, summary: Summary) -> Result<Vec<Summary>, String> {
    let store = store()?;
    write(&store, &article_key(&article.id), &encode_article(article))?;
    let (summaries, _) = index(&store, Some(summary));
    write(&store, INDEX_KEY, &encode_index(&summaries))?;
    Ok(summaries)
}

/// Reads one article.
pub fn open(id: &str) -> Result<Article, String> {
    let store = store()?;
    let raw = read(&store, &article_key(id))
        .ok_or_else(|| "That article is no longer in this browser's storage.".to_string())?;
    decode_article(id, &raw).map_err(|error| {
        format!("This saved article could not be opened: {error}. Your other articles are fine; you can delete this one.")
    })
}

/// Reads one article if it is still stored (None: it is not, which is no
/// problem to report: a session may name an article never saved).
pub fn open_if_present(id: &str) -> Result<Option<Article>, String> {
    let store = store()?;
    if read(&store, &article_key(id)).is_none() {
        return Ok(None);
    }
    open(id).map(Some)
}

/// Deletes one article; returns its stored form (for undo) and the library.
pub fn delete(id: &str) -> Result<(Option<String>, Vec<Summary>), String> {
    let store = store()?;
    let key = article_key(id);
    let raw = read(&store, &key);
    store
        .remove_item(&key)
        .map_err(|_| "The article could not be deleted.".to_string())?;
    let (summaries, _) = index(&store, None);
    // A failed index write is harmless: the index is rebuilt from the entries.
    let _ = write(&store, INDEX_KEY, &encode_index(&summaries));
    Ok((raw, summaries))
}

/// Puts back an entry removed by [`delete`].
pub fn restore(id: &str, raw: &str) -> Result<Vec<Summary>, String> {
    let store = store()?;
    write(&store, &article_key(id), raw)?;
    let (summaries, _) = index(&store, None);
    let _ = write(&store, INDEX_KEY, &encode_index(&summaries));
    Ok(summaries)
}

/// Renames a saved article that is not open.
pub fn rename(id: &str, title: &str) -> Result<Vec<Summary>, String> {
    let mut article = open(id)?;
    let Some(title) = library::clean_title(title) else {
        return Err("A title needs at least one letter.".to_string());
    };
    article.title = title;
    let store = store()?;
    write(&store, &article_key(id), &encode_article(&article))?;
    let (mut summaries, _) = index(&store, None);
    if let Some(summary) = summaries.iter_mut().find(|s| s.id == id) {
        summary.title = article.title.clone();
    }
    write(&store, INDEX_KEY, &encode_index(&summaries))?;
    Ok(summaries)
}

/// Records where the reader is (the open article, its open annotation, the
/// scroll), or that nothing is open. Failing to is harmless: a reload then
/// shows the empty page, and every article is still in the library.
pub fn save_session(session: Option<&Session>) {
    let Ok(store) = store() else {
        return;
    };
    let _ = match session {
        Some(session) => store.set_item(SESSION_KEY, &encode_session(session)),
        None => store.remove_item(SESSION_KEY),
    };
}

/// Where the reader was when the page was last left, if an article was open.
pub fn load_session() -> Option<Session> {
    let store = store().ok()?;
    decode_session(&read(&store, SESSION_KEY)?).ok()
}

/// Remembers the reviewer's organisation and name for the next articles.
pub fn save_reviewer(reviewer: &Details) {
    if let Ok(store) = store() {
        let _ = store.set_item(REVIEWER_KEY, &encode_reviewer(reviewer));
    }
}

/// The reviewer remembered in this browser (empty if none).
pub fn load_reviewer() -> Details {
    store()
        .ok()
        .and_then(|store| read(&store, REVIEWER_KEY))
        .and_then(|raw| decode_reviewer(&raw).ok())
        .unwrap_or_default()
}
