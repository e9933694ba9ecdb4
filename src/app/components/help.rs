//! The `?` overlay: every keyboard shortcut, read from the one table the key
//! handler uses.

use crate::app::shortcuts::SHORTCUTS;
use crate::app::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_action: Callback<Action>,
}

#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowHelp(false)))
    };
    let dialog = use_node_ref();
    {
        // Focus moves into the dialog so a screen reader reads it out.
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(element) = dialog.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let rows = SHORTCUTS.iter().map(|s| {
        html! {
            <tr>
                <td class="keys">{ for s.keys.iter().map(|k| html! { <kbd>{ *k }</kbd> }) }</td>
                <td>{ s.does }</td>
            </tr>
        }
    });
    html! {
        <div class="overlay">
            <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-heading" tabindex="-1" ref={dialog}>
                <div class="panel-head">
                    <h2 id="help-heading">{ "Keyboard shortcuts" }</h2>
                    <button type="button" class="link-button" onclick={close}>{ "Close" }</button>
                </div>
                <p class="hint">{ "They work anywhere outside a text field. Select words in the article, then press c, q or b to mark them." }</p>
                <table class="shortcuts">
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </div>
    }
}
