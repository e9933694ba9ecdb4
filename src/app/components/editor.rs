//! The input box: "Article text", the Annotate button, Ctrl+Enter, and rich
//! paste: when the clipboard carries `text/html`, the page's markup is
//! rendered to text here and what it says about each stretch (menus,
//! captions, share bars, the article) goes with the text to the analysis.
//!
//! The pasted HTML never enters the DOM: it is only ever a string handed to
//! `analysis::html::render`, whose plain-text result becomes the textarea's
//! value, so nothing in it (a `<script>`, an `onerror`) can run.

use crate::analysis::{html, offsets::OffsetMap, MarkupHint};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// Receives the textarea's whole text when the reader asks for analysis.
    pub on_analyse: Callback<String>,
    /// Receives the text with the markup hints of a rich paste that still
    /// fit it, when there are any.
    #[prop_or_default]
    pub on_analyse_marked: Callback<(String, Vec<MarkupHint>)>,
    /// True when the last request had nothing to analyse.
    #[prop_or_default]
    pub empty_notice: bool,
    /// Text to put in the box when `loads` moves (an article was opened).
    #[prop_or_default]
    pub loaded: Option<std::rc::Rc<str>>,
    #[prop_or_default]
    pub loads: u64,
    /// The load is a reload's reopening, which must not replace what the
    /// reader already typed or pasted while it was under way.
    #[prop_or_default]
    pub keep_typed: bool,
}

/// The textarea's value right after the last rich paste, and the hints
/// that fit it.
#[derive(Default)]
struct Pasted {
    text: String,
    hints: Vec<MarkupHint>,
}

impl Pasted {
    /// The hints still true of `now` (the box may have been edited since).
    fn hints_for(&self, now: &str) -> Vec<MarkupHint> {
        html::refit(&self.hints, &self.text, now)
    }
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    // Uncontrolled textarea: typing does not re-render the page, and the
    // text stays exactly as the reader left it whatever the analysis says.
    let textarea = use_node_ref();
    let pasted: Rc<RefCell<Pasted>> = use_mut_ref(Pasted::default);
    let rich_note = use_state(|| false);
    {
        let textarea = textarea.clone();
        let loaded = props.loaded.clone();
        let pasted = pasted.clone();
        let rich_note = rich_note.clone();
        let keep_typed = props.keep_typed;
        use_effect_with(props.loads, move |_| {
            if let Some(area) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
                if keep_typed && !area.value().trim().is_empty() {
                    return;
                }
                area.set_value(loaded.as_deref().unwrap_or(""));
            }
            // Another article's text: the last paste's hints are not about it.
            *pasted.borrow_mut() = Pasted::default();
            rich_note.set(false);
        });
    }

    let submit = {
        let textarea = textarea.clone();
        let on_analyse = props.on_analyse.clone();
        let on_analyse_marked = props.on_analyse_marked.clone();
        let pasted = pasted.clone();
        move || {
            if let Some(area) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
                let text = area.value();
                let hints = pasted.borrow().hints_for(&text);
                if hints.is_empty() {
                    on_analyse.emit(text);
                } else {
                    on_analyse_marked.emit((text, hints));
                }
            }
        }
    };
    let onclick = {
        let submit = submit.clone();
        Callback::from(move |_: MouseEvent| submit())
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
            event.prevent_default();
            submit();
        }
    });
    let onpaste = {
        let textarea = textarea.clone();
        let rich_note = rich_note.clone();
        Callback::from(move |event: Event| {
            let Some(area) = textarea.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            if paste_rich(&event, &area, &mut pasted.borrow_mut()) {
                rich_note.set(true);
            }
        })
    };

    html! {
        <section class="editor" aria-labelledby="editor-heading">
            <h2 id="editor-heading" class="visually-hidden">{ "Input" }</h2>
            <label for="article-text" class="field-label">{ "Article text" }</label>
            <textarea
                id="article-text"
                ref={textarea}
                rows="8"
                spellcheck="false"
                placeholder="Paste a news article here…"
                aria-describedby="editor-hint"
                {onkeydown}
                {onpaste}
            />
            <div class="editor-actions">
                <button type="button" class="primary" {onclick}>{ "Annotate" }</button>
                <span id="editor-hint" class="hint">
                    // Touch screens have no Ctrl key: the stylesheet hides this there.
                    <span class="kbd-hint">
                        <kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Enter" }</kbd>{ " also annotates. " }
                    </span>
                    { "Nothing leaves your browser." }
                </span>
            </div>
            if *rich_note {
                <p id="rich-paste-note" class="hint" role="status">
                    { "Pasted as formatted text: the page's layout (menus, captions, share bars) was used to spot boilerplate. Paste with " }
                    <kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Shift" }</kbd>{ "+" }<kbd>{ "V" }</kbd>{ " for plain text." }
                </p>
            }
            if props.empty_notice {
                <p class="notice" role="alert">
                    { "There is no text to annotate yet: paste an article into the box, then press Annotate." }
                </p>
            }
        </section>
    }
}

/// Handles a paste carrying `text/html` whose markup says something about
/// boilerplate: puts the rendered text in place of the selection and keeps
/// its hints. Returns false (the browser pastes as usual) otherwise, as for
/// HTML that only wraps plain text in styled spans.
fn paste_rich(event: &Event, area: &web_sys::HtmlTextAreaElement, pasted: &mut Pasted) -> bool {
    let Some(data) = event
        .dyn_ref::<web_sys::ClipboardEvent>()
        .and_then(web_sys::ClipboardEvent::clipboard_data)
    else {
        return false;
    };
    let markup = data.get_data("text/html").unwrap_or_default();
    if markup.trim().is_empty() {
        return false;
    }
    let rendered = html::render(&markup);
    if rendered.hints.is_empty() || rendered.text.trim().is_empty() {
        return false;
    }
    event.prevent_default();

    let before = area.value();
    let map = OffsetMap::new(&before);
    let utf16 = |at: Result<Option<u32>, _>| at.ok().flatten().map(|u| u as usize);
    let from16 = utf16(area.selection_start()).unwrap_or(map.utf16_of_char(map.len_chars()));
    let to16 = utf16(area.selection_end()).unwrap_or(from16).max(from16);
    let (from, to) = (map.char_of_utf16(from16), map.char_of_utf16(to16));
    let (from_byte, to_byte) = (map.byte_of_char(from), map.byte_of_char(to));
    let after = format!(
        "{}{}{}",
        &before[..from_byte],
        rendered.text,
        &before[to_byte..]
    );
    // Hints of an earlier paste outside the replaced selection still hold;
    // built in text order (those before, the new ones, those after).
    let earlier = pasted.hints_for(&before);
    let inserted = rendered.text.chars().count();
    let moved_after = |h: &MarkupHint| MarkupHint {
        start: h.start - to + from + inserted,
        end: h.end - to + from + inserted,
        ..h.clone()
    };
    let hints: Vec<MarkupHint> = earlier
        .iter()
        .filter(|h| h.end <= from)
        .cloned()
        .chain(html::shifted(&rendered.hints, from))
        .chain(
            earlier
                .iter()
                .filter(|h| h.start >= to && h.end > from)
                .map(moved_after),
        )
        .collect();

    area.set_value(&after);
    let caret = (map.utf16_of_char(from) + rendered.text.encode_utf16().count()) as u32;
    let _ = area.set_selection_range(caret, caret);
    *pasted = Pasted { text: after, hints };
    true
}
