//! A re-anchoring workload of any size, shared by `tests/import_scale.rs`
//! (time ratios in CI) and `examples/import_scale.rs` (the figures in the
//! README): an article of distinct numbered sentences, a W3C file of
//! annotations over them as the page exports them, and an edited copy of
//! the article to import onto, where every annotation has moved (a paragraph
//! added at the top), every tenth sentence is reworded (an approximate
//! match) and every fiftieth is gone (an orphan).

use serde_json::{json, Value};

const WHO: [&str; 7] = [
    "The council",
    "A spokeswoman for the port",
    "Local farmers",
    "The regional governor",
    "Hospital staff",
    "Two opposition deputies",
    "The weather office",
];
const VERB: [&str; 5] = ["reported", "denied", "estimated", "confirmed", "disputed"];
const WHAT: [&str; 11] = [
    "homes were flooded",
    "jobs would be lost",
    "tonnes of grain rotted",
    "patients waited overnight",
    "bridges needed repair",
    "families left the valley",
    "roads stayed closed",
    "schools lost power",
    "ferries were cancelled",
    "wells ran dry",
    "shops never reopened",
];
const WHEN: [&str; 3] = ["last week", "in March", "since the storm"];

/// The `i`th sentence of the article, as written and as edited: every
/// fiftieth is an odd one out, like no other, which the edit removes.
fn sentence(i: usize, edited: bool) -> String {
    if i % 50 == 7 && !edited {
        return format!("Quirky zebras juggled {i} ripe quinces beside a xylophone, jokingly.");
    }
    let verb = if edited && i % 10 == 3 {
        "had announced"
    } else {
        VERB[i % VERB.len()]
    };
    format!(
        "{} {verb} that {} {} {} in district {i}.",
        WHO[i % WHO.len()],
        i * 37 % 1000,
        WHAT[i % WHAT.len()],
        WHEN[i % WHEN.len()],
    )
}

/// The article of about `bytes` bytes, five sentences a paragraph; edited,
/// the same sentences (as many as the original has) with the edits.
pub fn article(bytes: usize, edited: bool) -> String {
    let mut text = String::new();
    if edited {
        text.push_str("Update: this story was revised after the council published its final figures on Monday.\n");
    }
    let mut original_length = 0;
    let mut i = 0;
    while original_length < bytes {
        let end = if i % 5 == 4 { "\n" } else { " " };
        original_length += sentence(i, false).len() + end.len();
        text.push_str(&sentence(i, edited));
        text.push_str(end);
        i += 1;
    }
    text
}

/// `count` annotations over the sentences of `article(bytes, false)` in
/// turn, each with its exact words, 32 characters of context either side and
/// its position, in an `AnnotationCollection`.
pub fn annotations(text: &str, count: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c == '.' {
            spans.push((start, i + 1));
            start = i + 2;
        }
    }
    let items: Vec<Value> = (0..count)
        .map(|n| {
            let (start, end) = spans[n % spans.len()];
            let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
            json!({
                "type": "Annotation",
                "id": format!("a{n}"),
                "body": [{ "type": "TextualBody", "purpose": "classifying", "value": "claim" }],
                "target": { "selector": [
                    { "type": "TextQuoteSelector", "exact": slice(start, end),
                      "prefix": slice(start.saturating_sub(32), start),
                      "suffix": slice(end, (end + 32).min(chars.len())) },
                    { "type": "TextPositionSelector", "start": start, "end": end },
                ]},
            })
        })
        .collect();
    json!({ "type": "AnnotationCollection", "first": { "items": items } }).to_string()
}
