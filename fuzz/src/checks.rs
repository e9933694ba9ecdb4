//! What every fuzz input must satisfy, one function per fuzz target.
//!
//! Each function takes the raw fuzz bytes, runs one door of the core on
//! them and panics (which libFuzzer reports as a crash) when an invariant
//! breaks. The main crate's `tests/fuzz_corpus.rs` includes this file by
//! path and replays the committed seeds and past finds through the same
//! functions, so CI checks them without cargo-fuzz. Only the main crate and
//! serde_json are used here, for that reason.

use article_annotator::analysis::document::{slice_chars, Article};
use article_annotator::analysis::export::web_annotation::from_web_annotations;
use article_annotator::analysis::library::{decode_article, decode_index, encode_article};
use article_annotator::analysis::offsets::OffsetMap;
use article_annotator::analysis::{annotate, annotate_with_markup, Analysis, Annotation, Kind};
use article_annotator::analysis::{boilerplate, quotes, segment, MarkupHint};

/// `annotate_text`: any bytes, read as lossy UTF-8, through `annotate`.
pub fn annotate_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    assert_spans_hold(&text, &annotate(&text));
    assert_detectors_on_boundaries(&text);
}

/// The detectors work in UTF-8 bytes; the public spans round a byte inside
/// a character down to its start, which would hide a detector cutting a
/// character in two. So their own byte ranges are checked as well.
pub fn assert_detectors_on_boundaries(text: &str) {
    let on_boundaries = |what: &str, range: &std::ops::Range<usize>| {
        assert!(
            range.start <= range.end
                && text.is_char_boundary(range.start)
                && text.is_char_boundary(range.end),
            "{what} bytes {range:?} not on character boundaries"
        );
    };
    for finding in boilerplate::detect(text)
        .iter()
        .chain(&quotes::detect(text))
    {
        on_boundaries("finding", &finding.range);
        if let Some(speaker) = &finding.speaker {
            on_boundaries("speaker", &speaker.range);
        }
    }
    for sentence in segment::sentences(text) {
        on_boundaries("sentence", &sentence);
    }
}

/// `annotate_markup`: text plus markup hints (see [`markup_case`]) through
/// `annotate_with_markup`.
pub fn annotate_markup(data: &[u8]) {
    let (text, hints) = markup_case(data);
    assert_spans_hold(&text, &annotate_with_markup(&text, &hints));
}

/// `import_w3c`: the bytes before the first 0xFF (never in UTF-8) are a
/// W3C annotation file, the rest the open article's text. Reading the file
/// must return Ok or Err; what it places must quote the text exactly; and
/// the article with the placed annotations must survive storage, or the
/// page would save an entry it then calls damaged. The same bytes are also
/// read as a stored article and as the stored index.
pub fn import_w3c(data: &[u8]) {
    let (file, text) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (
            data,
            &b"The council said 1,500 homes were built. \"We are ready,\" she said."[..],
        ),
    };
    let file = String::from_utf8_lossy(file);
    let text = String::from_utf8_lossy(text);
    let _ = decode_article("fuzz", &file);
    let _ = decode_index(&file);
    let Ok(report) = from_web_annotations(&file, &text) else {
        return;
    };
    let length = text.chars().count();
    let mut article = Article::new("fuzz", text.to_string(), "2024-01-01T00:00:00Z");
    for placed in report.placed {
        let a = &placed.annotation;
        assert!(
            a.start < a.end && a.end <= length,
            "placed {}..{} in a text of {length} characters",
            a.start,
            a.end
        );
        assert_eq!(slice_chars(&text, a.start, a.end), a.exact, "placed text");
        if let Some(s) = &a.speaker {
            assert!(s.start < s.end && s.end <= length, "speaker {s:?}");
        }
        article.upsert(placed.annotation);
    }
    let stored = encode_article(&article);
    let read = decode_article("fuzz", &stored);
    assert_eq!(
        read.as_ref(),
        Ok(&article),
        "imported article round-trips storage"
    );
    if article.annotations.is_empty() {
        return;
    }
    // The page shows the saved annotations merged with fresh detections.
    let detected = annotate(&text).annotations(0.0);
    for shown in article.merged_with(&detected) {
        assert!(
            shown.start < shown.end && shown.end <= length,
            "shown {shown:?}"
        );
    }
}

/// Reads a fuzz input as markup hints then text: the first byte is the
/// number of hints (mod 16); each hint takes 9 bytes (start and end as
/// little-endian u32, so often far past the text, and a prior byte, of
/// which 0x80 is NaN, 0x81 +∞ and 0x82 −∞, else `b as i8 / 100`, so
/// often outside [-1, 1]); the rest is the text, lossy UTF-8.
pub fn markup_case(data: &[u8]) -> (String, Vec<MarkupHint>) {
    let count = data.first().map_or(0, |n| usize::from(n % 16));
    let mut rest = data.get(1..).unwrap_or_default();
    let mut hints = Vec::new();
    for n in 0..count {
        let Some((hint, tail)) = rest.split_first_chunk::<9>() else {
            break;
        };
        rest = tail;
        let word =
            |at: usize| u32::from_le_bytes([hint[at], hint[at + 1], hint[at + 2], hint[at + 3]]);
        let boilerplate = match hint[8] {
            0x80 => f32::NAN,
            0x81 => f32::INFINITY,
            0x82 => f32::NEG_INFINITY,
            b => f32::from(b as i8) / 100.0,
        };
        hints.push(MarkupHint {
            start: word(0) as usize,
            end: word(4) as usize,
            boilerplate,
            reason: format!("hint {n}"),
        });
    }
    (String::from_utf8_lossy(rest).into_owned(), hints)
}

/// The span invariants of an analysis of `text`: every span non-empty,
/// inside the text (so on code-point boundaries) and in text order; no two
/// spans of one kind overlapping; scores finite and in [0, 1]; speakers
/// inside the text and quoting it.
pub fn assert_spans_hold(text: &str, analysis: &Analysis) {
    let map = OffsetMap::new(text);
    let length = map.len_chars();
    assert_eq!(analysis.length, length, "length in code points");
    let lists = [
        (Kind::Claim, &analysis.sentences),
        (Kind::Quote, &analysis.quotes),
        (Kind::Boilerplate, &analysis.boilerplate),
    ];
    for (kind, list) in lists {
        for a in list.iter() {
            assert_eq!(a.kind, kind, "{a:?} listed with the {kind:?} findings");
            assert_span_fits(text, &map, a);
        }
        for pair in list.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "{kind:?} spans out of order or overlapping: {:?}..{:?} then {:?}..{:?}",
                pair[0].start,
                pair[0].end,
                pair[1].start,
                pair[1].end
            );
        }
    }
    let shown = analysis.annotations(0.0);
    for pair in shown.windows(2) {
        assert!(
            (pair[0].start, pair[0].kind, pair[0].end)
                <= (pair[1].start, pair[1].kind, pair[1].end),
            "shown annotations out of order"
        );
    }
}

fn assert_span_fits(text: &str, map: &OffsetMap, a: &Annotation) {
    let length = map.len_chars();
    assert!(
        a.start < a.end && a.end <= length,
        "span {}..{} of {length}",
        a.start,
        a.end
    );
    assert!(
        a.score.is_finite() && (0.0..=1.0).contains(&a.score),
        "score {}",
        a.score
    );
    // Code points to bytes lands on char boundaries by construction; slicing
    // checks the map agrees with the text.
    let bytes = map.byte_of_char(a.start)..map.byte_of_char(a.end);
    assert!(text.get(bytes).is_some_and(|s| !s.is_empty()), "span bytes");
    if let Some(part_of) = a.part_of {
        assert!(
            part_of <= a.start,
            "part_of {part_of} after its part at {}",
            a.start
        );
    }
    if let Some(s) = &a.speaker {
        assert!(
            s.start < s.end && s.end <= length,
            "speaker {}..{} of {length}",
            s.start,
            s.end
        );
        assert_eq!(slice_chars(text, s.start, s.end), s.text, "speaker text");
    }
}

/// `import_scale`: many annotations re-anchored onto an edited text through
/// one index. The first byte sets how many annotations (up to 400), the next
/// eight steer the edits, the rest is the text: annotations over spans of it
/// (exact words, 32 characters of context, position) are imported onto the
/// text with a stretch deleted and another inserted. Every placed annotation
/// must quote the edited text; one placed where it was recorded must be
/// there; one placed as moved must be an occurrence of its words whose
/// context is as long as any other occurrence's (checked against every
/// occurrence when there are few enough to compare them all).
pub fn import_scale(data: &[u8]) {
    use article_annotator::analysis::anchor::{context_around, Fit};
    use serde_json::json;
    let Some((&count, rest)) = data.split_first() else {
        return;
    };
    let Some((steer, text)) = rest.split_first_chunk::<8>() else {
        return;
    };
    let text = String::from_utf8_lossy(text);
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return;
    }
    let n = chars.len();
    // Spans spread over the text, of lengths steered by the input.
    let count = usize::from(count) * 400 / 255 + 1;
    let items: Vec<serde_json::Value> = (0..count)
        .map(|k| {
            let start = (k * 7919 + usize::from(steer[k % 8])) % n;
            let len = 1 + (k * 31 + usize::from(steer[(k + 3) % 8])) % 60;
            let end = (start + len).min(n);
            let (prefix, suffix) = context_around(&chars, start, end);
            let exact: String = chars[start..end].iter().collect();
            json!({
                "type": "Annotation",
                "id": format!("a{k}"),
                "body": { "purpose": "classifying", "value": "claim" },
                "target": { "selector": [
                    { "type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix },
                    { "type": "TextPositionSelector", "start": start, "end": end },
                ]},
            })
        })
        .collect();
    // The edit: a stretch deleted, another text's worth inserted elsewhere.
    let cut = usize::from(steer[0]) * n / 256;
    let cut_len = usize::from(steer[1]) % 40;
    let put = usize::from(steer[2]) * n / 256;
    let mut edited: Vec<char> = chars.clone();
    edited.drain(cut..(cut + cut_len).min(n));
    let put = put.min(edited.len());
    let inserted: Vec<char> = chars[..usize::from(steer[3]).min(n)].to_vec();
    edited.splice(put..put, inserted);
    let edited: String = edited.into_iter().collect();
    let file = json!({ "type": "AnnotationCollection", "first": { "items": items } }).to_string();
    let report = from_web_annotations(&file, &edited).expect("our own file imports");
    assert_eq!(
        report.placed.len() + report.orphans.len(),
        count,
        "none lost"
    );
    let edited_chars: Vec<char> = edited.chars().collect();
    for placed in &report.placed {
        let a = &placed.annotation;
        assert!(a.start < a.end && a.end <= edited_chars.len(), "{a:?}");
        assert_eq!(slice_chars(&edited, a.start, a.end), a.exact, "placed text");
        let k: usize = a.id[1..].parse().expect("our id");
        let selectors = &items[k]["target"]["selector"];
        let saved = selectors[0]["exact"].as_str().unwrap_or_default();
        match placed.fit {
            Fit::Exact => {
                assert_eq!(a.exact, saved, "exact fit, other words");
                assert_eq!(a.start as u64, selectors[1]["start"].as_u64().unwrap_or(0));
            }
            Fit::Moved => {
                assert_eq!(a.exact, saved, "moved, other words");
                let prefix = selectors[0]["prefix"].as_str().unwrap_or_default();
                let suffix = selectors[0]["suffix"].as_str().unwrap_or_default();
                let wanted: Vec<char> = saved.chars().collect();
                let context = |at: usize| {
                    let before = edited_chars[..at]
                        .iter()
                        .rev()
                        .zip(prefix.chars().rev())
                        .take_while(|(a, b)| **a == *b)
                        .count();
                    let after = edited_chars[(at + wanted.len()).min(edited_chars.len())..]
                        .iter()
                        .zip(suffix.chars())
                        .take_while(|(a, b)| **a == *b)
                        .count();
                    before + after
                };
                let occurrences: Vec<usize> = (0..edited_chars.len())
                    .filter(|&at| edited_chars[at..].starts_with(&wanted))
                    .collect();
                if occurrences.len() <= 256 {
                    let best = occurrences.iter().map(|&at| context(at)).max();
                    assert_eq!(Some(context(a.start)), best, "the best context wins");
                }
            }
            Fit::Fuzzy { similarity } => {
                assert!((0.0..=1.0).contains(&similarity), "{similarity}");
            }
        }
    }
}
