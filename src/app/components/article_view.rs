//! The analysed article, with each annotation as a focusable `<mark>`.
//!
//! The text only ever becomes DOM text nodes; overlapping annotations are
//! nested (or split into fragments) by [`crate::app::layout`].

use crate::app::layout::{self, Node};
use crate::app::state::{Inspected, KindFilter};
use crate::core::document::{Origin, SavedAnnotation, Verdict};
use crate::core::offsets::OffsetMap;
use crate::core::{Annotation, Kind};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub text: Rc<str>,
    /// The annotations on show; a mark's `data-ann` is its index here.
    pub annotations: Rc<Vec<Annotation>>,
    #[prop_or_default]
    pub filter: KindFilter,
    /// The annotation whose details are open, if any.
    #[prop_or_default]
    pub inspected: Option<usize>,
    #[prop_or_default]
    pub on_inspect: Callback<Option<Inspected>>,
    /// The decisions behind `annotations`, index for index (verdict badges,
    /// manual marks); may be empty.
    #[prop_or_default]
    pub entries: Rc<Vec<SavedAnnotation>>,
    /// The open annotation's index.
    #[prop_or_default]
    pub selected: Option<usize>,
    /// A mark was focused or clicked.
    #[prop_or_default]
    pub on_select: Callback<usize>,
    /// The reader selected text (code points), or cleared the selection.
    #[prop_or_default]
    pub on_select_text: Callback<Option<(usize, usize)>>,
}

/// The selection inside `article`, as code-point offsets of `text`.
/// DOM ranges count UTF-16 units from the article's start; the article's
/// text content is exactly `text`, so the count maps through [`OffsetMap`].
fn selected_span(article: &web_sys::Element, map: &OffsetMap) -> Option<(usize, usize)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
    if !article.contains(Some(&start_node)) || !article.contains(Some(&end_node)) {
        return None;
    }
    let document = web_sys::window()?.document()?;
    let units_to = |node: &web_sys::Node, offset: u32| -> Option<usize> {
        let before = document.create_range().ok()?;
        before.set_start(article, 0).ok()?;
        before.set_end(node, offset).ok()?;
        Some(before.to_string().length() as usize)
    };
    let start = units_to(&start_node, range.start_offset().ok()?)?;
    let end = units_to(&end_node, range.end_offset().ok()?)?;
    Some((map.char_of_utf16(start), map.char_of_utf16(end)))
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let nodes = use_memo(
        (props.text.clone(), props.annotations.clone(), props.filter),
        |(text, annotations, filter)| layout::build(text, annotations, |kind| filter.shows(kind)),
    );
    let onmouseleave = {
        let on_inspect = props.on_inspect.clone();
        Callback::from(move |_: MouseEvent| on_inspect.emit(None))
    };
    let onkeydown = {
        let on_inspect = props.on_inspect.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                on_inspect.emit(None);
            }
        })
    };
    let article_ref = use_node_ref();
    let map = use_memo(props.text.clone(), |text| OffsetMap::new(text));
    let report_selection = {
        let article_ref = article_ref.clone();
        let on_select_text = props.on_select_text.clone();
        move || {
            if let Some(article) = article_ref.cast::<web_sys::Element>() {
                on_select_text.emit(selected_span(&article, &map));
            }
        }
    };
    let onmouseup = {
        let report = report_selection.clone();
        Callback::from(move |_: MouseEvent| report())
    };
    let onkeyup = Callback::from(move |event: KeyboardEvent| {
        if event.shift_key() {
            report_selection();
        }
    });
    html! {
        <article class="article" aria-label="Annotated article" ref={article_ref} {onmouseleave} {onkeydown} {onmouseup} {onkeyup}>
            { render(&nodes, props) }
        </article>
    }
}

fn render(nodes: &[Node], props: &ArticleViewProps) -> Html {
    nodes.iter().map(|node| render_node(node, props)).collect()
}

fn render_node(node: &Node, props: &ArticleViewProps) -> Html {
    match node {
        Node::Text(text) => render_text(text),
        Node::Mark {
            id,
            kind,
            first,
            children,
        } => {
            let id = *id;
            let annotation = &props.annotations[id];
            let active = props.inspected == Some(id);
            let entry = props.entries.get(id);
            // A manual claim has no detector score to show.
            let scored = entry.is_none_or(|e| e.score.is_some());
            let score =
                (*kind == Kind::Claim && scored).then(|| format!("{:.2}", annotation.score));
            let verdict = entry
                .map(|e| e.judgement.verdict)
                .filter(|&v| *kind == Kind::Claim && *first && v != Verdict::Unchecked);
            let manual = entry.is_some_and(|e| e.origin == Origin::Manual);
            let selected = props.selected == Some(id);
            let onmouseover = {
                let on_inspect = props.on_inspect.clone();
                Callback::from(move |event: MouseEvent| {
                    // The innermost mark under the pointer wins.
                    event.stop_propagation();
                    let scroll = scroll_offset();
                    on_inspect.emit(Some(Inspected {
                        id,
                        left: f64::from(event.client_x()) + scroll.0,
                        top: f64::from(event.client_y()) + scroll.1 + 18.0,
                    }));
                })
            };
            let onfocus = {
                let on_inspect = props.on_inspect.clone();
                let on_select = props.on_select.clone();
                Callback::from(move |event: FocusEvent| {
                    event.stop_propagation();
                    on_select.emit(id);
                    let Some(element) = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    else {
                        return;
                    };
                    let rect = element.get_bounding_client_rect();
                    let scroll = scroll_offset();
                    on_inspect.emit(Some(Inspected {
                        id,
                        left: rect.left() + scroll.0,
                        top: rect.bottom() + scroll.1 + 6.0,
                    }));
                })
            };
            let onblur = {
                let on_inspect = props.on_inspect.clone();
                Callback::from(move |_: FocusEvent| on_inspect.emit(None))
            };
            html! {
                <mark
                    id={first.then(|| format!("ann-{id}"))}
                    class={classes!(active.then_some("active"), selected.then_some("selected"))}
                    data-kind={kind.as_str()}
                    data-ann={id.to_string()}
                    data-start={annotation.start.to_string()}
                    data-end={annotation.end.to_string()}
                    data-first={first.then_some("true")}
                    data-score={score}
                    data-verdict={verdict.map(|v| v.label().to_lowercase().replace(' ', "-"))}
                    data-verdict-label={verdict.map(|v| v.label())}
                    data-origin={manual.then_some("manual")}
                    tabindex={if *first { "0" } else { "-1" }}
                    aria-describedby={active.then_some("mark-tooltip")}
                    {onmouseover}
                    {onfocus}
                    {onblur}
                >
                    { render(children, props) }
                </mark>
            }
        }
    }
}

/// Text with each line break followed by a paragraph gap; the break itself
/// stays in the text node so the DOM text equals the original text.
fn render_text(text: &str) -> Html {
    let mut out = Vec::new();
    for part in text.split_inclusive('\n') {
        match part.strip_suffix('\n') {
            Some(line) => {
                out.push(Html::from(line.to_string()));
                out.push(html! { <span class="nl">{ "\n" }</span> });
            }
            None => out.push(Html::from(part.to_string())),
        }
    }
    out.into_iter().collect()
}

fn scroll_offset() -> (f64, f64) {
    web_sys::window()
        .map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
        .unwrap_or((0.0, 0.0))
}
