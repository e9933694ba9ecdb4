//! The claim threshold slider: re-filters the analysis, never re-runs it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThresholdProps {
    pub value: f32,
    pub on_change: Callback<f32>,
}

#[function_component(Threshold)]
pub fn threshold(props: &ThresholdProps) -> Html {
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Ok(value) = input.value().parse::<f32>() {
                on_change.emit(value);
            }
        })
    };
    let shown = format!("{:.2}", props.value);
    html! {
        <section class="panel threshold">
            <label for="claim-threshold" class="field-label">
                { "Claim threshold " }<output for="claim-threshold" class="threshold-value">{ shown.clone() }</output>
            </label>
            <input
                id="claim-threshold"
                type="range"
                min="0"
                max="1"
                step="0.05"
                value={shown}
                {oninput}
            />
            <p class="hint">{ "Sentences scoring at least this much are shown as claims." }</p>
        </section>
    }
}
