//! The analysed article, with each annotation as a focusable `<mark>`.
//!
//! The text only ever becomes DOM text nodes; overlapping annotations are
//! nested (or split into fragments) by [`crate::app::layout`].

use crate::app::layout::{self, Node};
use crate::app::state::{Inspected, KindFilter};
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
    html! {
        <article class="article" aria-label="Annotated article" {onmouseleave} {onkeydown}>
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
            let score = (*kind == Kind::Claim).then(|| format!("{:.2}", annotation.score));
            let active = props.inspected == Some(id);
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
                Callback::from(move |event: FocusEvent| {
                    event.stop_propagation();
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
                    class={classes!(active.then_some("active"))}
                    data-kind={kind.as_str()}
                    data-ann={id.to_string()}
                    data-start={annotation.start.to_string()}
                    data-end={annotation.end.to_string()}
                    data-first={first.then_some("true")}
                    data-score={score}
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
