//! The page's components and state, rendered in headless Chromium by
//! wasm-bindgen-test: what the reader sees is read back from the DOM.
#![cfg(target_arch = "wasm32")]

use article_annotator::analysis::{Annotation, Kind};
use article_annotator::api;
use article_annotator::app::components::article_view::{ArticleView, ArticleViewProps};
use article_annotator::app::components::legend::{Legend, LegendProps};
use article_annotator::app::state::KindFilter;
use article_annotator::app::App;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the body for one test to render into.
fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets Yew's scheduler run the pending renders.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn annotation(kind: Kind, start: usize, end: usize, score: f32) -> Annotation {
    Annotation {
        kind,
        start,
        end,
        score,
        reasons: vec![format!("test {}", kind.as_str()).into()],
        speaker: None,
        part_of: None,
    }
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Each annotation's marks, grouped by `data-ann`: (kind, concatenated text).
fn marks_by_annotation(root: &web_sys::Element) -> BTreeMap<usize, (String, String)> {
    let marks = root.query_selector_all("mark").unwrap();
    let mut out: BTreeMap<usize, (String, String)> = BTreeMap::new();
    for i in 0..marks.length() {
        let mark: web_sys::Element = marks.get(i).unwrap().dyn_into().unwrap();
        let id: usize = mark.get_attribute("data-ann").unwrap().parse().unwrap();
        let kind = mark.get_attribute("data-kind").unwrap();
        let entry = out.entry(id).or_insert((kind, String::new()));
        entry.1.push_str(&mark.text_content().unwrap());
    }
    out
}

fn render_article(
    text: &str,
    annotations: Vec<Annotation>,
    filter: KindFilter,
) -> web_sys::Element {
    let root = fresh_root();
    let props = ArticleViewProps {
        text: Rc::from(text),
        annotations: Rc::new(annotations),
        filter,
        inspected: None,
        on_inspect: Callback::noop(),
        entries: Rc::default(),
        analysis: None,
        selected: None,
        on_select: Callback::noop(),
        on_select_text: Callback::noop(),
    };
    yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).render();
    root
}

// "Zoë" and the emoji make code points, UTF-16 units and bytes all differ.
const TEXT: &str = "Zoë's town grew 5% 😀 in May. \"We will cut taxes by half,\" the minister said. Subscribe to our newsletter!";

fn sample() -> Vec<Annotation> {
    let find = |needle: &str| TEXT[..TEXT.find(needle).unwrap()].chars().count();
    let span = |needle: &str| (find(needle), find(needle) + needle.chars().count());
    let (c1s, c1e) = span("Zoë's town grew 5% 😀 in May.");
    let (qs, qe) = span("\"We will cut taxes by half,\"");
    let (c2s, c2e) = span("\"We will cut taxes by half,\" the minister said.");
    let (bs, be) = span("Subscribe to our newsletter!");
    vec![
        annotation(Kind::Claim, c1s, c1e, 0.81),
        annotation(Kind::Claim, c2s, c2e, 0.66),
        annotation(Kind::Quote, qs, qe, 0.9),
        annotation(Kind::Boilerplate, bs, be, 0.95),
    ]
}

#[wasm_bindgen_test]
async fn article_view_marks_every_annotation_with_its_kind_and_exact_text() {
    let annotations = sample();
    let root = render_article(TEXT, annotations.clone(), KindFilter::default());
    settle().await;

    let marks = marks_by_annotation(&root);
    assert_eq!(
        marks.len(),
        annotations.len(),
        "one mark group per annotation"
    );
    for (id, a) in annotations.iter().enumerate() {
        let (kind, text) = &marks[&id];
        assert_eq!(kind, a.kind.as_str());
        assert_eq!(text, &chars(TEXT, a.start, a.end), "annotation {id}");
    }
    // The quote sits inside its sentence's claim mark: both stay visible.
    let quote = root
        .query_selector("mark[data-kind=quote]")
        .unwrap()
        .unwrap();
    let parent = quote.parent_element().unwrap();
    assert_eq!(parent.get_attribute("data-kind").as_deref(), Some("claim"));
    // The whole article text survives rendering, character for character.
    assert_eq!(root.text_content().unwrap(), TEXT);
    // Marks are focusable, and claims carry their score.
    let claim = root
        .query_selector("mark[data-kind=claim]")
        .unwrap()
        .unwrap();
    assert_eq!(claim.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(claim.get_attribute("data-score").as_deref(), Some("0.81"));
}

#[wasm_bindgen_test]
async fn user_text_with_markup_is_shown_as_text_never_parsed() {
    let text = "<script>window.pwned = 1</script><b>bold</b> & <img src=x onerror=alert(1)>";
    let length = text.chars().count();
    let root = render_article(
        text,
        vec![annotation(Kind::Claim, 0, length, 0.9)],
        KindFilter::default(),
    );
    settle().await;
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("b").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    assert_eq!(root.text_content().unwrap(), text);
    let mark = root.query_selector("mark").unwrap().unwrap();
    assert_eq!(mark.text_content().unwrap(), text);
}

#[wasm_bindgen_test]
async fn crossing_annotations_are_split_but_each_stays_whole() {
    let text = "one two three four five";
    // "two three" and "three four" cross.
    let annotations = vec![
        annotation(Kind::Claim, 4, 13, 0.7),
        annotation(Kind::Quote, 8, 18, 0.9),
    ];
    let root = render_article(text, annotations.clone(), KindFilter::default());
    settle().await;
    let marks = marks_by_annotation(&root);
    assert_eq!(marks[&0].1, "two three");
    assert_eq!(marks[&1].1, "three four");
    assert_eq!(root.text_content().unwrap(), text);
    // Only the first fragment of a split annotation gets the id and badge.
    assert_eq!(
        root.query_selector_all("mark[data-first]")
            .unwrap()
            .length(),
        2
    );
}

#[wasm_bindgen_test]
async fn a_hidden_kind_has_no_marks_and_the_text_is_intact() {
    let filter = KindFilter::default().toggled(Kind::Quote);
    let root = render_article(TEXT, sample(), filter);
    settle().await;
    assert!(root
        .query_selector("mark[data-kind=quote]")
        .unwrap()
        .is_none());
    assert_eq!(
        root.query_selector_all("mark[data-kind=claim]")
            .unwrap()
            .length(),
        2
    );
    assert_eq!(root.text_content().unwrap(), TEXT);
}

#[wasm_bindgen_test]
async fn legend_shows_counts_and_reports_toggles() {
    let toggled = Rc::new(RefCell::new(Vec::new()));
    let on_toggle = {
        let toggled = toggled.clone();
        Callback::from(move |kind| toggled.borrow_mut().push(kind))
    };
    let root = fresh_root();
    let props = LegendProps {
        counts: [4, 3, 1],
        filter: KindFilter::default().toggled(Kind::Boilerplate),
        on_toggle,
    };
    yew::Renderer::<Legend>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let count = |kind: &str| {
        root.query_selector(&format!("button[data-kind={kind}] .legend-count"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(
        (
            count("claim").as_str(),
            count("quote").as_str(),
            count("boilerplate").as_str()
        ),
        ("4", "3", "1")
    );
    let pressed = |kind: &str| {
        root.query_selector(&format!("button[data-kind={kind}]"))
            .unwrap()
            .unwrap()
            .get_attribute("aria-pressed")
            .unwrap()
    };
    assert_eq!(pressed("claim"), "true");
    assert_eq!(pressed("boilerplate"), "false");

    let quote: web_sys::HtmlElement = root
        .query_selector("button[data-kind=quote]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    quote.click();
    settle().await;
    assert_eq!(*toggled.borrow(), vec![Kind::Quote]);
}

#[wasm_bindgen_test]
async fn the_app_says_so_when_there_is_nothing_to_annotate_and_keeps_the_input() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    let area: web_sys::HtmlTextAreaElement = root
        .query_selector("#article-text")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    area.set_value("   \n\t  ");
    let button: web_sys::HtmlElement = root
        .query_selector("button.primary")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    settle().await;
    let notice = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("a notice");
    assert!(notice
        .text_content()
        .unwrap()
        .contains("no text to annotate"));
    assert_eq!(area.value(), "   \n\t  ", "the input is left as it was");
    assert!(root.query_selector("article").unwrap().is_none());
}

#[wasm_bindgen_test]
fn js_api_gives_code_point_and_utf16_offsets() {
    // With threshold 0 every sentence is a claim, whatever the detectors say.
    let text = "😀 Prices rose by 5% in May.\nUnemployment fell to 3% in June.";
    let options = js_sys::JSON::parse(r#"{"threshold": 0}"#).unwrap();
    let value = api::annotate(text, options).unwrap();
    let json: String = js_sys::JSON::stringify(&value).unwrap().into();
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let second = parsed
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "claim" && a["start"].as_u64() > Some(5))
        .expect("the second sentence is listed at threshold 0");
    let start = second["start"].as_u64().unwrap() as usize;
    assert_eq!(chars(text, start, start + 12), "Unemployment");
    assert_eq!(
        second["start16"].as_u64().unwrap() as usize,
        start + 1,
        "the emoji is two UTF-16 units"
    );
    assert!(api::annotate(text, js_sys::JSON::parse(r#"{"threshold": 7}"#).unwrap()).is_err());
    assert!(api::annotate("", wasm_bindgen::JsValue::UNDEFINED).is_ok());

    // What annotate returned goes straight into the W3C export.
    let doc = api::to_web_annotations(text, value).unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&String::from(js_sys::JSON::stringify(&doc).unwrap())).unwrap();
    let exact: Vec<&str> = doc["first"]["items"]
        .as_array()
        .expect("an AnnotationCollection has items")
        .iter()
        .filter_map(|item| item["target"]["selector"].as_array())
        .flatten()
        .filter_map(|selector| selector["exact"].as_str())
        .collect();
    assert!(
        exact.iter().any(|e| e.starts_with("Unemployment")),
        "the second sentence is exported with its exact text: {exact:?}"
    );
    let outside =
        js_sys::JSON::parse(r#"[{"kind":"claim","start":0,"end":999,"score":1,"reasons":[]}]"#)
            .unwrap();
    assert!(api::to_web_annotations(text, outside).is_err());
}

/// A long text of numbered paragraphs with a multi-byte word and an emoji in
/// each, so code points, bytes and UTF-16 units differ throughout.
fn long_text(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| {
            format!("Paragraph {i}: Zoë saw 😀 the council spend {i} million on the new bridge.\n")
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_long_article_draws_marks_near_the_top_and_in_the_open_block_only() {
    use article_annotator::app::components::article_view::WINDOWED_FROM;
    let text = long_text(1_200);
    let length = text.chars().count();
    assert!(length >= WINDOWED_FROM);
    // One claim per paragraph.
    let mut annotations = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let n = line.chars().count();
        annotations.push(annotation(Kind::Claim, at, at + n - 1, 0.9));
        at += n;
    }
    let last = annotations.len() - 1;
    let root = fresh_root();
    let props = ArticleViewProps {
        text: Rc::from(text.as_str()),
        annotations: Rc::new(annotations.clone()),
        filter: KindFilter::default(),
        inspected: None,
        on_inspect: Callback::noop(),
        entries: Rc::default(),
        analysis: None,
        selected: Some(last),
        on_select: Callback::noop(),
        on_select_text: Callback::noop(),
    };
    yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(
        root.text_content().unwrap(),
        text,
        "the whole text is in the page"
    );
    let marks = marks_by_annotation(&root);
    assert!(
        !marks.is_empty() && marks.len() * 4 < annotations.len(),
        "{} of {} drawn",
        marks.len(),
        annotations.len()
    );
    assert!(marks.contains_key(&0), "the top is drawn");
    assert!(
        root.query_selector(&format!("#ann-{last}"))
            .unwrap()
            .is_some(),
        "the open annotation's block is drawn"
    );
    for (id, (_, words)) in marks {
        assert_eq!(
            words,
            chars(&text, annotations[id].start, annotations[id].end)
        );
    }
}

#[wasm_bindgen_test]
async fn the_warm_up_draws_a_made_up_article_with_every_kind_of_mark_off_the_document() {
    let document = web_sys::window().unwrap().document().unwrap();
    let marks_in_document = document.query_selector_all("mark").unwrap().length();
    let root = document.create_element("div").unwrap();
    let drawn = article_annotator::app::warm_up::draw_sample(root.clone()).expect("drawn");
    settle().await;
    let kinds: std::collections::BTreeSet<String> = marks_by_annotation(&root)
        .into_values()
        .map(|(kind, _)| kind)
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["boilerplate", "claim", "quote"],
        "the article view drew the sample's marks"
    );
    assert!(
        root.query_selector_all(".annotation-list li")
            .unwrap()
            .length()
            > 0,
        "and the list"
    );
    assert_eq!(
        document.query_selector_all("mark").unwrap().length(),
        marks_in_document,
        "nothing was added to the page"
    );
    drawn.destroy();
    settle().await;
    assert_eq!(root.child_element_count(), 0, "dropped after drawing");
}
