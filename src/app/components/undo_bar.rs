//! The visible Undo after every change to the article (also Ctrl+Z).

use crate::app::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UndoBarProps {
    /// The change Undo takes back, as it was announced.
    pub said: String,
    pub on_action: Callback<Action>,
}

#[function_component(UndoBar)]
pub fn undo_bar(props: &UndoBarProps) -> Html {
    let onclick = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Undo))
    };
    html! {
        <div id="undo-bar" class="undo-bar">
            <span class="undo-said">{ props.said.clone() }</span>
            <button type="button" class="link-button" aria-keyshortcuts="Control+Z" {onclick}>
                { "Undo" }
            </button>
            <kbd class="kbd-hint">{ "Ctrl+Z" }</kbd>
        </div>
    }
}
