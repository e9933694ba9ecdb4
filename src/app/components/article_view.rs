//! The analysed article, with each annotation as a focusable `<mark>`.
//!
//! The text only ever becomes DOM text nodes; overlapping annotations are
//! nested (or split into fragments) by [`crate::app::layout`].
//!
//! The text is drawn as blocks of whole paragraphs ([`crate::app::chunks`]),
//! each a `<div class="block" data-block>` holding exactly its text.
//! A long text ([`WINDOWED_FROM`] code points and more) only gets marks in
//! the blocks near the screen (an `IntersectionObserver` reports them) and
//! in the block of the open annotation; the others hold their plain text,
//! laid out only when on screen (`content-visibility: auto`). So a 1 MB
//! text costs a few hundred marks, not tens of thousands, and the DOM text
//! is always the whole text (selection offsets and find-in-page hold).
//!
//! With boilerplate hidden (the legend's toggle), each boilerplate block is
//! folded to one line, "Boilerplate: 92 lines, show", a button that unfolds
//! that block; the folded words stay in the DOM, hidden, so offsets hold.
//! The selection is reported whenever it changes (`selectionchange`), however
//! it was made, so a key pressed next acts on it.

use crate::analysis::claims::ScoredBy;
use crate::analysis::document::{Origin, Review, SavedAnnotation, Verdict};
use crate::analysis::offsets::OffsetMap;
use crate::analysis::{Analysis, Annotation, Kind};
use crate::app::chunks::{self, Block, BLOCK_CHARS};
use crate::app::layout::{self, Node};
use crate::app::state::{Inspected, KindFilter};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Texts this long (code points; about 8,000 words) get marks only near the
/// screen; shorter ones are drawn whole, which is fast enough.
pub const WINDOWED_FROM: usize = 50_000;

/// How far beyond the screen, above and below, blocks get their marks, so
/// that scrolling finds them already drawn.
const NEAR_MARGIN: &str = "1500px 0px";

#[derive(Properties)]
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
    /// The analysis behind the detected claims: which model scored each
    /// (a claim mark's `data-model`).
    #[prop_or_default]
    pub analysis: Option<Rc<Analysis>>,
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

// Shared lists compare by address, not element by element: the reducer
// makes a new one whenever one changes, and comparing thousands of
// annotations on every render of the page cost more than drawing again
// would on the rare equal copy.
impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
            && Rc::ptr_eq(&self.annotations, &other.annotations)
            && self.filter == other.filter
            && self.inspected == other.inspected
            && self.on_inspect == other.on_inspect
            && Rc::ptr_eq(&self.entries, &other.entries)
            && match (&self.analysis, &other.analysis) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.selected == other.selected
            && self.on_select == other.on_select
            && self.on_select_text == other.on_select_text
    }
}

/// The selection inside `article`, as code-point offsets of the text.
/// Each end is counted in UTF-16 units (as DOM ranges count) from the start
/// of its block, whose text content is exactly that block of the text; the
/// block's [`OffsetMap`] turns that into code points.
fn selected_span(article: &web_sys::Element, blocks: &Blocks) -> Option<(usize, usize)> {
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
    let char_at = |node: &web_sys::Node, offset: u32| -> Option<usize> {
        let element = block_around(article, node)?;
        let index = block_index(&element)?;
        let before = document.create_range().ok()?;
        before.set_start(&element, 0).ok()?;
        before.set_end(node, offset).ok()?;
        let units = before.to_string().length() as usize;
        Some(blocks.blocks.get(index)?.start + blocks.map(index).char_of_utf16(units))
    };
    let start = char_at(&start_node, range.start_offset().ok()?)?;
    let end = char_at(&end_node, range.end_offset().ok()?)?;
    Some((start, end))
}

/// The block holding `node`; a node between blocks (the article itself)
/// counts as the start of the block at its offset's side.
fn block_around(article: &web_sys::Element, node: &web_sys::Node) -> Option<web_sys::Element> {
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    match element.closest(".block").ok()? {
        Some(block) => Some(block),
        // The selection ends on the article element itself: its first block.
        None => article.query_selector(".block").ok()?,
    }
}

/// Whether the element reports a block's index, and which.
fn block_index(element: &web_sys::Element) -> Option<usize> {
    element.get_attribute("data-block")?.parse().ok()
}

/// Reports which blocks are within [`NEAR_MARGIN`] of the screen into
/// `near` while the article is mounted and windowed.
#[hook]
fn use_near_blocks(
    article: NodeRef,
    windowed: bool,
    text: Rc<str>,
) -> UseStateHandle<Rc<BTreeSet<usize>>> {
    let near = use_state(|| Rc::new(BTreeSet::new()));
    {
        let near = near.clone();
        use_effect_with((text, windowed), move |(_, windowed)| {
            let mut observer = None;
            if *windowed {
                let seen = Rc::new(RefCell::new(BTreeSet::new()));
                near.set(Rc::new(BTreeSet::new()));
                let callback =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let mut now = seen.borrow_mut();
                        for entry in entries.iter() {
                            let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>()
                            else {
                                continue;
                            };
                            if let Some(i) = block_index(&entry.target()) {
                                if entry.is_intersecting() {
                                    now.insert(i);
                                } else {
                                    now.remove(&i);
                                }
                            }
                        }
                        near.set(Rc::new(now.clone()));
                    });
                let options = web_sys::IntersectionObserverInit::new();
                options.set_root_margin(NEAR_MARGIN);
                let made = web_sys::IntersectionObserver::new_with_options(
                    callback.as_ref().unchecked_ref(),
                    &options,
                );
                if let (Ok(made), Some(article)) = (made, article.cast::<web_sys::Element>()) {
                    if let Ok(blocks) = article.query_selector_all(".block") {
                        for i in 0..blocks.length() {
                            if let Some(block) = blocks.get(i).and_then(|n| n.dyn_into().ok()) {
                                made.observe(&block);
                            }
                        }
                    }
                    observer = Some((made, callback));
                }
            }
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    near
}

/// The blocks of a text and, for each, its own text (shared, so that an
/// unchanged block is not compared character by character) and, once
/// needed, its [`OffsetMap`]: no map of a whole long text is built.
struct Blocks {
    length: usize,
    blocks: Vec<Block>,
    texts: Vec<Rc<str>>,
    maps: RefCell<HashMap<usize, Rc<OffsetMap>>>,
}

impl Blocks {
    fn of(text: &str) -> Blocks {
        let blocks = chunks::split(text, BLOCK_CHARS);
        let texts = blocks
            .iter()
            .map(|b| Rc::from(text.get(b.bytes.clone()).unwrap_or_default()))
            .collect();
        Blocks {
            length: blocks.last().map_or(0, |b| b.end),
            blocks,
            texts,
            maps: RefCell::default(),
        }
    }

    /// The offset map of block `index`'s text (empty for no such block).
    fn map(&self, index: usize) -> Rc<OffsetMap> {
        self.maps
            .borrow_mut()
            .entry(index)
            .or_insert_with(|| Rc::new(OffsetMap::new(self.texts.get(index).map_or("", |t| t))))
            .clone()
    }
}

/// A shared value compared by address. It holds the value, so that the
/// address cannot be reused by another while it is compared against.
struct ByAddress<T>(Rc<T>);

impl<T> PartialEq for ByAddress<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let blocks = use_memo(props.text.clone(), |text| Blocks::of(text));
    let windowed = blocks.length >= WINDOWED_FROM;
    // Which annotations meet each block, and each block's mark tree once
    // it has been drawn (built lazily: most blocks of a long text never are).
    // Keyed by the annotations' address (see `PartialEq` above).
    let by_block = use_memo(
        (
            props.text.clone(),
            ByAddress(props.annotations.clone()),
            props.filter,
        ),
        |(_, annotations, filter)| {
            // Hidden boilerplate is still laid out: it is drawn folded.
            let by_block = chunks::annotations_by_block(&blocks.blocks, &annotations.0, |a| {
                filter.shows(a.kind) || a.kind == Kind::Boilerplate
            });
            (
                by_block,
                RefCell::new(HashMap::<usize, Rc<Vec<Node>>>::new()),
            )
        },
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
    let near = use_near_blocks(article_ref.clone(), windowed, props.text.clone());
    let report_selection = {
        let article_ref = article_ref.clone();
        let on_select_text = props.on_select_text.clone();
        let blocks = blocks.clone();
        move || {
            if let Some(article) = article_ref.cast::<web_sys::Element>() {
                on_select_text.emit(selected_span(&article, &blocks));
            }
        }
    };
    let onmouseup = {
        let report = report_selection.clone();
        Callback::from(move |_: MouseEvent| report())
    };
    {
        // However the selection was made (mouse, keyboard, a drag that ended
        // outside the article, a double click), its change is reported.
        let report = report_selection.clone();
        use_effect_with(ByAddress(blocks.clone()), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    gloo::events::EventListener::new(&document, "selectionchange", move |_| {
                        report()
                    })
                });
            move || drop(listener)
        });
    }
    let onkeyup = Callback::from(move |event: KeyboardEvent| {
        if event.shift_key() {
            report_selection();
        }
    });
    let unfolded = use_state(|| Rc::new(HashSet::<(usize, usize)>::new()));
    let fold = Fold {
        unfolded: (*unfolded).clone(),
        toggle: {
            let unfolded = unfolded.clone();
            Callback::from(move |span: (usize, usize)| {
                let mut now = (**unfolded).clone();
                if !now.remove(&span) {
                    now.insert(span);
                }
                unfolded.set(Rc::new(now));
            })
        },
    };

    // The open annotation's block is always drawn, so that jumping to it
    // (keys, minimap, list) finds its mark; while no block is reported near
    // (before the observer first reports), the first blocks are: a new
    // article is shown from its top.
    let open_block = props
        .selected
        .and_then(|i| props.annotations.get(i))
        .filter(|_| !blocks.blocks.is_empty())
        .map(|a| chunks::block_of(&blocks.blocks, a.start));
    let drawn = |i: usize| {
        !windowed || near.contains(&i) || open_block == Some(i) || (near.is_empty() && i < 2)
    };
    let rendered = blocks.blocks.iter().enumerate().map(|(i, block)| {
        let marked = drawn(i);
        let content = if marked {
            let (by_block, cache) = &*by_block;
            let nodes = cache
                .borrow_mut()
                .entry(i)
                .or_insert_with(|| {
                    Rc::new(layout::build_window(
                        &blocks.texts[i],
                        &blocks.map(i),
                        &props.annotations,
                        &by_block[i],
                        block.start,
                    ))
                })
                .clone();
            render(&nodes, props, &fold)
        } else {
            html! { <PlainText text={blocks.texts[i].clone()} /> }
        };
        html! {
            <div key={i} class={classes!("block", (!marked).then_some("plain"))} data-block={i.to_string()}>
                { content }
            </div>
        }
    });
    html! {
        <article
            class={classes!("article", windowed.then_some("windowed"))}
            aria-label="Annotated article"
            ref={article_ref}
            {onmouseleave} {onkeydown} {onmouseup} {onkeyup}
        >
            { for rendered }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct PlainTextProps {
    text: Rc<str>,
}

/// A block drawn without marks: re-rendered only when its text changes.
/// One text node (its line breaks shown by `white-space: pre-line` on
/// `.block.plain`), not a node and a gap per line: a long text's hundreds
/// of blocks far from the screen cost hundreds of nodes, not tens of
/// thousands, and such a block is given its marks and paragraph gaps
/// before it scrolls into view.
#[function_component(PlainText)]
fn plain_text(props: &PlainTextProps) -> Html {
    yew::virtual_dom::VText::new(props.text.clone()).into()
}

/// Which folded boilerplate blocks the reader opened (by span), and how to
/// open or close one.
struct Fold {
    unfolded: Rc<HashSet<(usize, usize)>>,
    toggle: Callback<(usize, usize)>,
}

/// How many lines with words a span of the article holds.
pub fn lines_in(words: &str) -> usize {
    words
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .count()
        .max(1)
}

fn render(nodes: &[Node], props: &ArticleViewProps, fold: &Fold) -> Html {
    nodes
        .iter()
        .map(|node| render_node(node, props, fold))
        .collect()
}

/// A boilerplate block while boilerplate is hidden: one line that says how
/// long it is and unfolds it (its words stay in the DOM, hidden).
fn render_fold(
    id: usize,
    first: bool,
    children: &[Node],
    props: &ArticleViewProps,
    fold: &Fold,
) -> Html {
    let annotation = &props.annotations[id];
    let span = (annotation.start, annotation.end);
    let open = fold.unfolded.contains(&span);
    let lines = match props.entries.get(id) {
        Some(entry) => lines_in(&entry.exact),
        None => lines_in(&crate::analysis::document::slice_chars(
            &props.text,
            span.0,
            span.1,
        )),
    };
    let label = format!(
        "Boilerplate: {lines} line{}, {}",
        if lines == 1 { "" } else { "s" },
        if open { "hide" } else { "show" }
    );
    let onclick = {
        let toggle = fold.toggle.clone();
        Callback::from(move |_: MouseEvent| toggle.emit(span))
    };
    html! {
        <span class={classes!("fold", open.then_some("open"))} data-ann={id.to_string()}>
            if first {
                // The label is drawn by the stylesheet from data-label, so
                // the button adds no text to the article's DOM text.
                <button
                    type="button"
                    class="fold-toggle"
                    data-label={label.clone()}
                    aria-label={label}
                    aria-expanded={open.to_string()}
                    {onclick}
                />
            }
            <span class="folded" hidden={!open}>{ render(children, props, fold) }</span>
        </span>
    }
}

fn render_node(node: &Node, props: &ArticleViewProps, fold: &Fold) -> Html {
    match node {
        Node::Text(text) => render_text(text),
        Node::Mark {
            id,
            kind,
            first,
            children,
        } if *kind == Kind::Boilerplate && !props.filter.boilerplate => {
            render_fold(*id, *first, children, props, fold)
        }
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
            // Only an undecided detection shows the analysis' score; a
            // decision keeps the score it was made with.
            let undecided =
                entry.is_none_or(|e| e.origin == Origin::Detected && e.review == Review::Pending);
            let model = (*kind == Kind::Claim && undecided)
                .then(|| scored_by(props.analysis.as_deref()?, annotation))
                .flatten()
                .map(|model| match model {
                    ScoredBy::Lexical => "lexical",
                    ScoredBy::Encoder => "encoder",
                });
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
                    data-model={model}
                    tabindex={if *first { "0" } else { "-1" }}
                    aria-describedby={active.then_some("mark-tooltip")}
                    {onmouseover}
                    {onfocus}
                    {onblur}
                >
                    { render(children, props, fold) }
                </mark>
            }
        }
    }
}

/// Which model scored the claim sentence `claim` is, if it is one of
/// `analysis`' sentences (they are in text order).
fn scored_by(analysis: &Analysis, claim: &Annotation) -> Option<ScoredBy> {
    let at = analysis
        .sentences
        .binary_search_by_key(&(claim.start, claim.end), |s| (s.start, s.end))
        .ok()?;
    Some(analysis.claim_evidence.get(at)?.scored_by)
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
