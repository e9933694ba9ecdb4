//! The fact-checker's workflow where it needs a browser, in headless
//! Chromium by wasm-bindgen-test: the page analysing on its own thread when
//! it has no worker, and the open annotation's card as the reader sees it.
//! The reducer, the shortcut table and the edits are tested natively
//! (`app::state`, `app::shortcuts`, `analysis::editing`).
#![cfg(target_arch = "wasm32")]

use article_annotator::app::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const STORY: &str = "Bay town budget\nThe council approved 4.2 million euros on Tuesday, officials said.\n\"We will cut the fare by 30 percent next year,\" said Ana Berg, the mayor.\nSubscribe to our newsletter for more local news.";

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn sleep(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

/// Waits (up to two seconds) for `selector` to match inside `root`.
async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        sleep(20).await;
    }
    panic!("nothing matched {selector}");
}

fn click(element: &web_sys::Element) {
    element.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
}

/// Renders the app, pastes STORY and presses Annotate: with no worker
/// offered, the page analyses on its own thread and the reply arrives as
/// the worker's would.
async fn annotated_app() -> web_sys::Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    let area: web_sys::HtmlTextAreaElement =
        wait_for(&root, "#article-text").await.dyn_into().unwrap();
    area.set_value(STORY);
    click(&wait_for(&root, "button.primary").await);
    wait_for(&root, "article mark[data-kind=claim]").await;
    root
}

#[wasm_bindgen_test]
async fn without_a_worker_the_page_analyses_on_its_own_thread() {
    let root = annotated_app().await;
    assert!(root
        .query_selector(".main-column[aria-busy]")
        .unwrap()
        .is_none());
    let status = root.query_selector("#status").unwrap().unwrap();
    assert!(
        status.text_content().unwrap().starts_with("Found "),
        "{:?}",
        status.text_content()
    );
    let article = root.query_selector("article.article").unwrap().unwrap();
    assert_eq!(article.text_content().unwrap(), STORY);
}

#[wasm_bindgen_test]
async fn focusing_a_claim_opens_its_card_with_a_verdict_and_the_author_from_its_quote() {
    let root = annotated_app().await;
    let claim = wait_for(
        &root,
        "article mark[data-kind=claim][data-first] mark[data-kind=quote]",
    )
    .await
    .parent_element()
    .unwrap();
    claim
        .dyn_ref::<web_sys::HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    let card = wait_for(&root, "section.card").await;
    assert!(card.text_content().unwrap().contains("Open claim"));
    let author: web_sys::HtmlInputElement = wait_for(&card, "#judgement-author")
        .await
        .dyn_into()
        .unwrap();
    assert_eq!(author.value(), "Ana Berg");
    assert!(card.query_selector("#verdict").unwrap().is_some());
}
