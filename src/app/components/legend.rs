//! The legend: one toggle per kind with its count and its visual cue.

use crate::analysis::Kind;
use crate::app::state::KindFilter;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Shown annotations per kind, in [`Kind::ALL`] order.
    pub counts: [usize; 3],
    pub filter: KindFilter,
    pub on_toggle: Callback<Kind>,
}

/// The letter in each mark's badge: a cue that is not colour alone.
pub fn badge(kind: Kind) -> &'static str {
    match kind {
        Kind::Claim => "C",
        Kind::Quote => "Q",
        Kind::Boilerplate => "B",
    }
}

pub fn plural_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Claim => "Claims",
        Kind::Quote => "Quotes",
        Kind::Boilerplate => "Boilerplate",
    }
}

#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let items = Kind::ALL.iter().zip(props.counts).map(|(&kind, count)| {
        let shown = props.filter.shows(kind);
        let onclick = {
            let on_toggle = props.on_toggle.clone();
            Callback::from(move |_: MouseEvent| on_toggle.emit(kind))
        };
        let title = if shown {
            format!("Hide {}", plural_label(kind).to_lowercase())
        } else {
            format!("Show {}", plural_label(kind).to_lowercase())
        };
        html! {
            <li>
                <button
                    type="button"
                    class={classes!("legend-toggle", (!shown).then_some("off"))}
                    data-kind={kind.as_str()}
                    aria-pressed={shown.to_string()}
                    {title}
                    {onclick}
                >
                    <span class="swatch" data-kind={kind.as_str()} aria-hidden="true">{ badge(kind) }</span>
                    <span class="legend-name">{ plural_label(kind) }</span>
                    <span class="legend-count" data-count={count.to_string()}>{ count }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="panel legend" aria-labelledby="legend-heading">
            <h2 id="legend-heading">{ "Legend" }</h2>
            <ul>{ for items }</ul>
        </section>
    }
}
