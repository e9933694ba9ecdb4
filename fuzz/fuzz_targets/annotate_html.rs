//! Any bytes, read as (lossy) UTF-8 HTML, through rich paste's renderer
//! (`analysis::html::render`) and then `analysis::annotate_with_markup`: the
//! rendered hints must lie inside the rendered text, in order, with a
//! finite prior in [-1, 1], and the analysis must hold every span
//! invariant. (Kept out of `checks.rs` so the main crate's corpus replay
//! builds on branches without `analysis::html`.)
#![no_main]

use article_annotator::analysis::{annotate_with_markup, html};
use article_annotator_fuzz::checks::assert_spans_hold;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let rendered = html::render(&page);
    let length = rendered.text.chars().count();
    for hint in &rendered.hints {
        assert!(
            hint.start <= hint.end && hint.end <= length,
            "hint {}..{} in a text of {length}",
            hint.start,
            hint.end
        );
        assert!(
            hint.boilerplate.is_finite() && (-1.0..=1.0).contains(&hint.boilerplate),
            "prior {}",
            hint.boilerplate
        );
    }
    for pair in rendered.hints.windows(2) {
        assert!(
            (pair[0].start, pair[0].end) <= (pair[1].start, pair[1].end),
            "hints out of order"
        );
    }
    let analysis = annotate_with_markup(&rendered.text, &rendered.hints);
    assert_spans_hold(&rendered.text, &analysis);
});
