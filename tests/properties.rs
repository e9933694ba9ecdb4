//! Invariants of the whole pipeline on arbitrary and article-like text:
//! every span inside the text and ordered, no two annotations of one kind
//! overlapping, speakers inside the text, scores in [0, 1], and the W3C
//! import never panicking on what an export or a stranger hands it.
//!
//! `PROPTEST_CASES` sets the number of cases (CI keeps the default short run;
//! raise it locally for a longer search).

use article_annotator::analysis::export::web_annotation::{
    from_web_annotations, to_web_annotations,
};
use article_annotator::analysis::{annotate, annotate_with_markup, document, Kind, MarkupHint};
use proptest::prelude::*;

/// The fuzz targets' checks (panicking, which proptest catches and shrinks).
#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

/// Pieces that exercise every detector: quote marks of many conventions,
/// apostrophes, abbreviations, numbers, boilerplate phrases, markdown, line
/// breaks, and multi-byte and astral characters.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("«".to_string()),
        Just(" »".to_string()),
        Just("„".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("「".to_string()),
        Just("」".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(" said ".to_string()),
        Just("he said.".to_string()),
        Just("according to the ministry".to_string()),
        Just("Mr. Smith".to_string()),
        Just("U.S.".to_string()),
        Just("1,500".to_string()),
        Just("3.1%".to_string()),
        Just("$2".to_string()),
        Just("...".to_string()),
        Just("TAPPER:".to_string()),
        Just("Subscribe to our newsletter".to_string()),
        Just("Remind me later.".to_string()),
        Just("![img](https://x.test/a.png)".to_string()),
        Just("> ".to_string()),
        Just("don't".to_string()),
        Just("😀".to_string()),
        Just("Привет".to_string()),
        Just("\u{200b}".to_string()),
        "[a-zA-Z ,.?!]{0,40}",
        any::<String>(),
    ]
}

fn article_like() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..60).prop_map(|parts| parts.concat())
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let analysis = annotate(text);
    let length = text.chars().count();
    prop_assert_eq!(analysis.length, length);
    let all = analysis.annotations(0.0);
    for pair in all.windows(2) {
        prop_assert!(
            (pair[0].start, pair[0].kind, pair[0].end)
                <= (pair[1].start, pair[1].kind, pair[1].end),
            "annotations are ordered"
        );
    }
    for a in &all {
        prop_assert!(a.start < a.end, "empty or reversed span {:?}", a);
        prop_assert!(a.end <= length, "span past the end {:?}", a);
        prop_assert!((0.0..=1.0).contains(&a.score), "score {:?}", a);
        if let Some(s) = &a.speaker {
            prop_assert!(
                s.start < s.end && s.end <= length,
                "speaker outside {:?}",
                a
            );
            prop_assert_eq!(document::slice_chars(text, s.start, s.end), s.text.clone());
        }
    }
    for kind in Kind::ALL {
        let mut spans: Vec<(usize, usize)> = all
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| (a.start, a.end))
            .collect();
        spans.sort_unstable();
        for pair in spans.windows(2) {
            prop_assert!(
                pair[0].1 <= pair[1].0,
                "{:?} annotations overlap: {:?}",
                kind,
                pair
            );
        }
    }
    Ok(())
}

/// 256 cases, or `PROPTEST_CASES` when it is set (proptest's default reads
/// it; a literal `cases` here would silently override it).
fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        default.cases
    } else {
        256
    };
    ProptestConfig { cases, ..default }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn spans_hold_on_article_like_text(text in article_like()) {
        check_invariants(&text)?;
    }

    #[test]
    fn spans_hold_on_arbitrary_text(text in any::<String>()) {
        check_invariants(&text)?;
    }

    #[test]
    fn detectors_cut_only_at_character_boundaries(text in article_like()) {
        checks::assert_detectors_on_boundaries(&text);
    }

    #[test]
    fn markup_hints_of_any_shape_keep_the_spans_valid(
        text in article_like(),
        hints in prop::collection::vec((any::<usize>(), 0usize..400, any::<f32>()), 0..8),
    ) {
        // Offsets anywhere (far past the end too), reversed spans, and
        // priors that are NaN, infinite or outside [-1, 1].
        let hints: Vec<MarkupHint> = hints
            .into_iter()
            .map(|(start, len, boilerplate)| {
                let start = start % (text.chars().count() + 50).max(1);
                MarkupHint { start, end: start.wrapping_add(len).wrapping_sub(40), boilerplate, reason: "a hint".into() }
            })
            .collect();
        checks::assert_spans_hold(&text, &annotate_with_markup(&text, &hints));
    }

    #[test]
    fn export_then_import_places_everything_on_the_same_text(text in article_like()) {
        let article = document::Article::with_detections("p", text.clone(), "", &annotate(&text).annotations(0.0));
        let json = to_web_annotations(&article).to_string();
        let report = from_web_annotations(&json, &text).expect("our own export imports");
        prop_assert!(report.orphans.is_empty(), "orphans on the same text: {:?}", report.orphans);
    }

    #[test]
    fn import_of_hostile_annotations_places_or_orphans_each(
        items in prop::collection::vec(
            (any::<u64>(), any::<u64>(), ".{0,20}", ".{0,8}", prop::sample::select(vec!["claim", "quote", "boilerplate", "x"])),
            0..20,
        ),
        text in article_like(),
    ) {
        let annotations: Vec<serde_json::Value> = items
            .iter()
            .map(|(start, end, exact, prefix, kind)| serde_json::json!({
                "type": "Annotation",
                "body": [{"type": "TextualBody", "purpose": "classifying", "value": kind}],
                "target": {"selector": [
                    {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix},
                    {"type": "TextPositionSelector", "start": start, "end": end},
                ]},
            }))
            .collect();
        let json = serde_json::json!({"type": "AnnotationCollection", "first": {"items": annotations}});
        let report = from_web_annotations(&json.to_string(), &text).expect("well-formed W3C JSON imports");
        prop_assert_eq!(report.placed.len() + report.orphans.len(), items.len(), "nothing dropped");
        let length = text.chars().count();
        for placed in &report.placed {
            let a = &placed.annotation;
            prop_assert!(a.start <= a.end && a.end <= length);
            prop_assert_eq!(document::slice_chars(&text, a.start, a.end), a.exact.clone());
        }
    }

    #[test]
    fn import_never_panics_on_arbitrary_input(json in any::<String>(), text in article_like()) {
        let _ = from_web_annotations(&json, &text);
    }
}

proptest! {
    // Each case places up to 400 annotations and checks every moved one
    // against all occurrences of its words: fewer cases than the rest.
    #![proptest_config(ProptestConfig { cases: config().cases / 4, ..config() })]

    #[test]
    fn many_annotations_reanchor_onto_an_edited_text(
        count in any::<u8>(),
        steer in any::<[u8; 8]>(),
        text in article_like(),
    ) {
        checks::import_scale(&[&[count][..], &steer, text.as_bytes()].concat());
    }
}
