//! How many shown claims carry each verdict.

use crate::analysis::document::Verdict;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictCountsProps {
    /// Claims per verdict, in [`Verdict::ALL`] order.
    pub counts: [usize; 7],
}

#[function_component(VerdictCounts)]
pub fn verdict_counts(props: &VerdictCountsProps) -> Html {
    let rows = Verdict::ALL.iter().zip(props.counts).map(|(v, count)| {
        html! {
            <li data-verdict={v.label()} class={classes!((count == 0).then_some("none"))}>
                <span class="verdict-dot" data-verdict={v.label().to_lowercase().replace(' ', "-")} aria-hidden="true" />
                <span class="verdict-name">{ v.label() }</span>
                <span class="verdict-count">{ count }</span>
            </li>
        }
    });
    html! {
        <section class="panel verdicts" aria-labelledby="verdicts-heading">
            <h2 id="verdicts-heading">{ "Verdicts" }</h2>
            <ul class="verdict-list">{ for rows }</ul>
        </section>
    }
}
