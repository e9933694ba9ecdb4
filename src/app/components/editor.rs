//! The input box: "Article text", the Annotate button, and Ctrl+Enter.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// Receives the textarea's whole text when the reader asks for analysis.
    pub on_analyse: Callback<String>,
    /// True when the last request had nothing to analyse.
    #[prop_or_default]
    pub empty_notice: bool,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    // Uncontrolled textarea: typing does not re-render the page, and the
    // text stays exactly as the reader left it whatever the analysis says.
    let textarea = use_node_ref();

    let submit = {
        let textarea = textarea.clone();
        let on_analyse = props.on_analyse.clone();
        move || {
            if let Some(area) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
                on_analyse.emit(area.value());
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
            />
            <div class="editor-actions">
                <button type="button" class="primary" {onclick}>{ "Annotate" }</button>
                <span id="editor-hint" class="hint">
                    <kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Enter" }</kbd>{ " also annotates. Nothing leaves your browser." }
                </span>
            </div>
            if props.empty_notice {
                <p class="notice" role="alert">
                    { "There is no text to annotate yet: paste an article into the box, then press Annotate." }
                </p>
            }
        </section>
    }
}
