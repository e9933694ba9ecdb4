//! The side panel's list of annotations, in text order or claims by score;
//! choosing one moves the keyboard focus to its mark.

use crate::app::components::legend::badge;
use crate::app::layout::excerpt;
use crate::app::state::{KindFilter, SortOrder};
use crate::core::offsets::OffsetMap;
use crate::core::{Annotation, Kind};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    pub text: Rc<str>,
    pub annotations: Rc<Vec<Annotation>>,
    pub filter: KindFilter,
    pub sort: SortOrder,
    pub on_sort: Callback<SortOrder>,
}

/// Indices of the annotations to list, in the chosen order.
pub fn listed(annotations: &[Annotation], filter: KindFilter, sort: SortOrder) -> Vec<usize> {
    let mut ids: Vec<usize> = (0..annotations.len())
        .filter(|&i| filter.shows(annotations[i].kind))
        .collect();
    if sort == SortOrder::ClaimScore {
        // Stable sort: within a group the text order is kept.
        ids.sort_by(|&a, &b| {
            let (a, b) = (&annotations[a], &annotations[b]);
            let group = |x: &Annotation| x.kind != Kind::Claim;
            group(a)
                .cmp(&group(b))
                .then_with(|| match (a.kind, b.kind) {
                    (Kind::Claim, Kind::Claim) => b.score.total_cmp(&a.score),
                    _ => std::cmp::Ordering::Equal,
                })
        });
    }
    ids
}

fn focus_mark(id: usize) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("ann-{id}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

#[function_component(SidePanel)]
pub fn side_panel(props: &SidePanelProps) -> Html {
    let map = use_memo(props.text.clone(), |text| OffsetMap::new(text));
    let ids = listed(&props.annotations, props.filter, props.sort);
    let onchange = {
        let on_sort = props.on_sort.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            on_sort.emit(if select.value() == "score" {
                SortOrder::ClaimScore
            } else {
                SortOrder::InText
            });
        })
    };
    let items = ids.into_iter().map(|id| {
        let a = &props.annotations[id];
        let onclick = Callback::from(move |_: MouseEvent| focus_mark(id));
        let detail = match (a.kind, &a.speaker) {
            (Kind::Claim, _) => format!("score {:.2}", a.score),
            (Kind::Quote, Some(speaker)) => format!("— {}", speaker.text),
            _ => String::new(),
        };
        html! {
            <li>
                <button type="button" class="item" data-kind={a.kind.as_str()} data-ann={id.to_string()} {onclick}>
                    <span class="swatch" data-kind={a.kind.as_str()} aria-hidden="true">{ badge(a.kind) }</span>
                    <span class="item-text">{ excerpt(&props.text, &map, a.start, a.end, 110) }</span>
                    if !detail.is_empty() {
                        <span class="item-detail">{ detail }</span>
                    }
                </button>
            </li>
        }
    });
    html! {
        <section class="panel annotations" aria-labelledby="list-heading">
            <div class="panel-head">
                <h2 id="list-heading">{ "Annotations" }</h2>
                <label class="sort">
                    <span class="visually-hidden">{ "Sort annotations" }</span>
                    <select {onchange}>
                        <option value="text" selected={props.sort == SortOrder::InText}>{ "In text order" }</option>
                        <option value="score" selected={props.sort == SortOrder::ClaimScore}>{ "Claims by score" }</option>
                    </select>
                </label>
            </div>
            <ol class="annotation-list">{ for items }</ol>
        </section>
    }
}
