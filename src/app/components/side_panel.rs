//! The side panel's list of annotations, in text order, claims by score or
//! claims by type, filtered by verdict or by claim type; choosing one moves
//! the keyboard focus to its mark. Each claim says its type.

use crate::analysis::claim_parts::{claim_type, ClaimType};
use crate::analysis::document::{SavedAnnotation, Verdict};
use crate::analysis::offsets::OffsetMap;
use crate::analysis::{Annotation, Kind};
use crate::app::components::legend::badge;
use crate::app::layout::excerpt;
use crate::app::state::{KindFilter, SortOrder};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct SidePanelProps {
    pub text: Rc<str>,
    pub annotations: Rc<Vec<Annotation>>,
    pub filter: KindFilter,
    pub sort: SortOrder,
    pub on_sort: Callback<SortOrder>,
    /// The decisions behind `annotations`, index for index; may be empty.
    #[prop_or_default]
    pub entries: Rc<Vec<SavedAnnotation>>,
    /// List only claims with this verdict.
    #[prop_or_default]
    pub verdict_filter: Option<Verdict>,
    #[prop_or_default]
    pub on_verdict_filter: Callback<Option<Verdict>>,
    /// List only claims of this type.
    #[prop_or_default]
    pub type_filter: Option<ClaimType>,
    #[prop_or_default]
    pub on_type_filter: Callback<Option<ClaimType>>,
    /// The open annotation's index.
    #[prop_or_default]
    pub selected: Option<usize>,
    /// An item was chosen: open that annotation and focus its mark.
    #[prop_or_default]
    pub on_jump: Callback<usize>,
}

// Shared lists compare by address, not element by element: the reducer
// makes a new one whenever one changes, and comparing thousands of
// annotations on every render of the page cost more than drawing again
// would on the rare equal copy.
impl PartialEq for SidePanelProps {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
            && Rc::ptr_eq(&self.annotations, &other.annotations)
            && self.filter == other.filter
            && self.sort == other.sort
            && self.on_sort == other.on_sort
            && Rc::ptr_eq(&self.entries, &other.entries)
            && self.verdict_filter == other.verdict_filter
            && self.type_filter == other.type_filter
            && self.on_type_filter == other.on_type_filter
            && self.on_verdict_filter == other.on_verdict_filter
            && self.selected == other.selected
            && self.on_jump == other.on_jump
    }
}

/// How many items the list shows at first, and adds per "Show more": a
/// long text's thousands of annotations would cost a long render (a
/// hundred items are several screens of the panel).
pub const LIST_PAGE: usize = 100;

/// Indices of the annotations to list, in the chosen order; `type_of`
/// gives a claim's type (asked only when sorting by type).
pub fn listed(
    annotations: &[Annotation],
    filter: KindFilter,
    sort: SortOrder,
    type_of: impl Fn(usize) -> ClaimType,
) -> Vec<usize> {
    let mut ids: Vec<usize> = (0..annotations.len())
        .filter(|&i| filter.shows(annotations[i].kind))
        .collect();
    if sort == SortOrder::ClaimType {
        // Stable: within a type the text order is kept.
        ids.sort_by_key(|&i| match annotations[i].kind {
            Kind::Claim => (0, type_of(i) as usize),
            _ => (1, 0),
        });
    }
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

#[function_component(SidePanel)]
pub fn side_panel(props: &SidePanelProps) -> Html {
    let map = use_memo(
        (props.text.clone(), props.entries.is_empty()),
        |(text, no_entries)| OffsetMap::new(if *no_entries { text } else { "" }),
    );
    let limit = use_state(|| LIST_PAGE);
    // An entry holds its words; only without entries is the text sliced.
    let item_text = |id: usize| match props.entries.get(id) {
        Some(entry) => excerpt(
            &entry.exact,
            &OffsetMap::new(&entry.exact),
            0,
            entry.end.saturating_sub(entry.start),
            110,
        ),
        None => excerpt(
            &props.text,
            &map,
            props.annotations[id].start,
            props.annotations[id].end,
            110,
        ),
    };
    let verdict_of = |id: usize| props.entries.get(id).map(|e| e.judgement.verdict);
    // A claim's type, from its words (computed when first needed).
    let types = std::cell::RefCell::new(std::collections::HashMap::<usize, ClaimType>::new());
    let type_of = |id: usize| {
        *types.borrow_mut().entry(id).or_insert_with(|| {
            let words = match props.entries.get(id) {
                Some(entry) => entry.exact.clone(),
                None => crate::analysis::document::slice_chars(
                    &props.text,
                    props.annotations[id].start,
                    props.annotations[id].end,
                ),
            };
            claim_type(&words).kind
        })
    };
    let ids: Vec<usize> = listed(&props.annotations, props.filter, props.sort, type_of)
        .into_iter()
        .filter(|&id| {
            props.verdict_filter.is_none_or(|v| {
                props.annotations[id].kind == Kind::Claim && verdict_of(id) == Some(v)
            })
        })
        .filter(|&id| {
            props
                .type_filter
                .is_none_or(|t| props.annotations[id].kind == Kind::Claim && type_of(id) == t)
        })
        .collect();
    let on_type_change = {
        let on_type_filter = props.on_type_filter.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            on_type_filter.emit(ClaimType::from_name(&select.value()));
        })
    };
    let on_verdict_change = {
        let on_verdict_filter = props.on_verdict_filter.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            on_verdict_filter.emit(Verdict::from_label(&select.value()));
        })
    };
    let onchange = {
        let on_sort = props.on_sort.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            on_sort.emit(match select.value().as_str() {
                "score" => SortOrder::ClaimScore,
                "type" => SortOrder::ClaimType,
                _ => SortOrder::InText,
            });
        })
    };
    let total = ids.len();
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + LIST_PAGE))
    };
    let items = ids.into_iter().take(*limit).map(|id| {
        let a = &props.annotations[id];
        let on_jump = props.on_jump.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_jump.emit(id));
        let verdict = verdict_of(id).filter(|&v| a.kind == Kind::Claim && v != Verdict::Unchecked);
        let kind_of_claim = (a.kind == Kind::Claim).then(|| type_of(id));
        let speaker = props
            .entries
            .get(id)
            .and_then(SavedAnnotation::speaker_name)
            .or_else(|| a.speaker.as_ref().map(|s| s.text.clone()));
        let detail = match (a.kind, speaker) {
            (Kind::Claim, _) => {
                let kind = kind_of_claim.map_or("", ClaimType::label);
                match verdict {
                    Some(v) => format!("{kind} · {} · score {:.2}", v.label(), a.score),
                    None => format!("{kind} · score {:.2}", a.score),
                }
            }
            (Kind::Quote, Some(speaker)) => format!("— {speaker}"),
            _ => String::new(),
        };
        html! {
            <li>
                <button
                    type="button"
                    class={classes!("item", (props.selected == Some(id)).then_some("selected"))}
                    data-kind={a.kind.as_str()}
                    data-ann={id.to_string()}
                    data-verdict={verdict.map(|v| v.label())}
                    data-type={kind_of_claim.map(ClaimType::as_str)}
                    {onclick}
                >
                    <span class="swatch" data-kind={a.kind.as_str()} aria-hidden="true">{ badge(a.kind) }</span>
                    <span class="item-text">{ item_text(id) }</span>
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
                        <option value="type" selected={props.sort == SortOrder::ClaimType}>{ "Claims by type" }</option>
                    </select>
                </label>
            </div>
            <label class="verdict-filter">
                <span class="field-label">{ "Verdict" }</span>
                <select onchange={on_verdict_change} aria-label="Filter by verdict">
                    <option value="" selected={props.verdict_filter.is_none()}>{ "Every annotation" }</option>
                    { for Verdict::ALL.iter().map(|&v| html! {
                        <option value={v.label()} selected={props.verdict_filter == Some(v)}>{ format!("Claims: {}", v.label()) }</option>
                    }) }
                </select>
            </label>
            <label class="verdict-filter">
                <span class="field-label">{ "Claim type" }</span>
                <select onchange={on_type_change} aria-label="Filter by claim type">
                    <option value="" selected={props.type_filter.is_none()}>{ "Every type" }</option>
                    { for ClaimType::ALL.iter().map(|&t| html! {
                        <option value={t.as_str()} selected={props.type_filter == Some(t)}>{ t.label() }</option>
                    }) }
                </select>
            </label>
            <ol class="annotation-list">{ for items }</ol>
            if total > *limit {
                <button type="button" class="link-button show-more" onclick={more}>
                    { format!("Show more ({} of {total} listed)", *limit) }
                </button>
            }
        </section>
    }
}
