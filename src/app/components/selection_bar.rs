//! The bar that appears when article text is selected: label the selection
//! as a claim, a quote or boilerplate (also the keys c, q and b).

use crate::analysis::Kind;
use crate::app::components::legend::badge;
use crate::app::state::{kind_name, kind_title, Action};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectionBarProps {
    /// The selected words, for the reader to check.
    pub excerpt: String,
    pub on_action: Callback<Action>,
}

#[function_component(SelectionBar)]
pub fn selection_bar(props: &SelectionBarProps) -> Html {
    let buttons = Kind::ALL.iter().map(|&kind| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::Label(kind)));
        let key = kind_name(kind)[..1].to_string();
        html! {
            <button type="button" class="kind-button" data-kind={kind.as_str()} aria-keyshortcuts={key.clone()} {onclick}>
                <span class="swatch" data-kind={kind.as_str()} aria-hidden="true">{ badge(kind) }</span>
                { kind_title(kind) }<kbd>{ key }</kbd>
            </button>
        }
    });
    html! {
        <div class="selection-bar" role="region" aria-label="Selected text">
            <span class="selection-label">{ "Mark " }<q class="selection-excerpt">{ props.excerpt.clone() }</q>{ " as" }</span>
            { for buttons }
        </div>
    }
}
