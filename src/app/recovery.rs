//! Reopening the open article after a crash: the app tells this module
//! which article is open; the panic hook (in `api.rs`) writes that id to
//! `sessionStorage`, which outlives a reload of the tab; the next start
//! reads it once and reopens the article from the library, where every
//! change is saved as it is made.
//!
//! A plain reload reopens the article too, as it was, from the session entry
//! the page keeps in `localStorage` (`app::page`'s `use_session`); this
//! module covers the crash that happens before that entry is written.

use std::cell::RefCell;

/// The `sessionStorage` key holding the id of the article open at a crash.
pub const REOPEN_KEY: &str = "article-annotator/reopen-after-crash";

thread_local! {
    static OPEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records the id of the open article (None: no article is open).
pub fn note_open(id: Option<&str>) {
    OPEN.with(|open| {
        if let Ok(mut open) = open.try_borrow_mut() {
            *open = id.map(str::to_string);
        }
    });
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Called by the panic hook: asks the next start to reopen the open article.
/// It touches nothing but `sessionStorage`, so it works whatever state the
/// crash left the app in.
pub fn mark_for_reopen() {
    let id = OPEN.with(|open| open.try_borrow().ok().and_then(|o| o.clone()));
    if let (Some(id), Some(session)) = (id, session()) {
        let _ = session.set_item(REOPEN_KEY, &id);
    }
}

/// The article to reopen after a crash, if the last run crashed with one
/// open; read once, so a second reload starts afresh.
pub fn take_reopen() -> Option<String> {
    let session = session()?;
    let id = session.get_item(REOPEN_KEY).ok().flatten()?;
    let _ = session.remove_item(REOPEN_KEY);
    Some(id)
}
