//! Details of the mark under the pointer or focus: kind, score, reasons,
//! and for quotes (and claims inside quotes) who said it.

use crate::analysis::{Annotation, Kind};
use crate::app::components::legend::badge;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MarkTooltipProps {
    pub annotation: Annotation,
    /// Page coordinates where the tooltip's top-left corner goes.
    pub left: f64,
    pub top: f64,
}

fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Claim => "Claim",
        Kind::Quote => "Quote",
        Kind::Boilerplate => "Boilerplate",
    }
}

#[function_component(MarkTooltip)]
pub fn mark_tooltip(props: &MarkTooltipProps) -> Html {
    let a = &props.annotation;
    // Keep the card on screen: it is at most 22rem wide.
    let max_left = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .map(|w| (w - 360.0).max(8.0))
        .unwrap_or(props.left);
    let left = format!("{:.0}px", props.left.min(max_left).max(8.0));
    let top = format!("{:.0}px", props.top);
    // The page's CSP forbids inline style attributes; the CSSOM is allowed.
    let card = use_node_ref();
    {
        let card = card.clone();
        use_effect_with((left, top), move |(left, top)| {
            if let Some(element) = card.cast::<web_sys::HtmlElement>() {
                let style = element.style();
                let _ = style.set_property("left", left);
                let _ = style.set_property("top", top);
            }
        });
    }
    let score_label = if a.kind == Kind::Claim {
        "Check-worthiness"
    } else {
        "Confidence"
    };
    let speaker = a.speaker.as_ref().map(|s| match &s.resolved {
        Some(name) if name != &s.text => format!("{} ({})", s.text, name),
        _ => s.text.clone(),
    });
    html! {
        <div id="mark-tooltip" class="tooltip" role="tooltip" data-kind={a.kind.as_str()} ref={card}>
            <div class="tooltip-head">
                <span class="swatch" data-kind={a.kind.as_str()} aria-hidden="true">{ badge(a.kind) }</span>
                <strong>{ kind_label(a.kind) }</strong>
                <span class="tooltip-score">{ format!("{score_label} {:.2}", a.score) }</span>
            </div>
            if let Some(speaker) = speaker {
                <p class="tooltip-speaker">{ "Speaker: " }<span class="speaker-name">{ speaker }</span></p>
            } else if a.kind == Kind::Quote {
                <p class="tooltip-speaker muted">{ "Speaker: not found" }</p>
            }
            if a.reasons.is_empty() {
                <p class="muted">{ "No reasons given." }</p>
            } else {
                <ul class="reasons">
                    { for a.reasons.iter().map(|r| html! { <li>{ r.to_string() }</li> }) }
                </ul>
            }
        </div>
    }
}
