//! Rich paste: what the pasted page's markup says about each line (a
//! `<nav>`, a figure caption, a class named "newsletter", `<article>`)
//! weighed as evidence alongside the line's words and shape, never as the
//! verdict: a long paragraph of prose in an `<aside>` can stay body, and
//! "Sign up for our newsletter" inside `<article>` is still cut.

use super::{labelled, merge, Evidence, Line, MAX_CUE};
use crate::analysis::offsets::OffsetMap;
use crate::analysis::{Finding, MarkupHint};
use std::ops::Range;

/// Cue evidence a line fully inside a furniture hint of prior 1 gets: above
/// an anchor's worth, so a `<nav>` list of neutral words ("World",
/// "Science") is cut, yet less than a long paragraph's prose plus the cost
/// of cutting it out of the article's middle.
const FURNITURE_WEIGHT: f32 = 5.0;
/// Prose a line fully inside a body hint of prior −1 is granted.
const BODY_WEIGHT: f32 = 2.0;
/// A hint must cover at least this share of a block for its reason to be
/// listed on the block.
const REASON_SHARE: f32 = 0.2;
/// Reasons a block lists at most.
const MAX_REASONS: usize = 5;

/// Like [`super::detect`], with the markup's hints (code points of `text`)
/// weighed into every line's evidence and their reasons on the blocks.
pub fn detect_with_markup(text: &str, hints: &[MarkupHint]) -> Vec<Finding> {
    let (lines, evidence, labels) = labelled(text, hints);
    let mut found = merge(&lines, &evidence, &labels);
    if !hints.is_empty() {
        give_reasons(&mut found, &in_bytes(text, hints));
    }
    found
}

/// A hint as a byte range of the text.
struct ByteHint<'a> {
    range: Range<usize>,
    prior: f32,
    reason: &'a str,
}

/// The hints in bytes, in any order: neither use of them needs an order.
fn in_bytes<'a>(text: &str, hints: &'a [MarkupHint]) -> Vec<ByteHint<'a>> {
    let map = OffsetMap::new(text);
    hints
        .iter()
        .filter(|h| h.start < h.end && h.boilerplate.is_finite())
        .map(|h| ByteHint {
            range: map.byte_of_char(h.start)..map.byte_of_char(h.end),
            prior: h.boilerplate.clamp(-1.0, 1.0),
            reason: &h.reason,
        })
        .collect()
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Adds each line's markup prior to its evidence: furniture as cue, body
/// as prose. A line takes the strongest furniture hint over it, weighted
/// by the share of the line it covers; failing that, the body hint.
pub(super) fn weigh(
    text: &str,
    lines: &[Line<'_>],
    evidence: &mut [Evidence],
    hints: &[MarkupHint],
) {
    if hints.is_empty() || lines.is_empty() {
        return;
    }
    let hints = in_bytes(text, hints);
    let mut furniture = vec![0.0f32; lines.len()];
    let mut body = vec![0.0f32; lines.len()];
    for hint in &hints {
        // Lines are in text order and do not overlap.
        let first = lines.partition_point(|l| l.range.end <= hint.range.start);
        for (i, line) in lines.iter().enumerate().skip(first) {
            if line.range.start >= hint.range.end {
                break;
            }
            let share = overlap(&line.range, &hint.range) as f32 / line.range.len().max(1) as f32;
            let prior = hint.prior * share;
            furniture[i] = furniture[i].max(prior);
            body[i] = body[i].min(prior);
        }
    }
    for ((e, furniture), body) in evidence.iter_mut().zip(furniture).zip(body) {
        // Furniture wins: a caption or a line of links inside <article> is
        // still furniture (measured: adding the two cut more body lines).
        let prior = if furniture > 0.0 { furniture } else { body };
        if prior > 0.0 {
            e.score.cue = (e.score.cue + FURNITURE_WEIGHT * prior).min(MAX_CUE);
        } else if prior < 0.0 {
            e.score.prose = e.score.prose.max(0.0) + BODY_WEIGHT * -prior;
        }
    }
}

/// Puts the reasons of the furniture hints over each block first among its
/// reasons ("navigation (<nav>)", "figure caption"), largest share first.
/// Blocks are in text order and apart, so each hint finds its blocks by a
/// binary search.
fn give_reasons(found: &mut [Finding], hints: &[ByteHint<'_>]) {
    // Per block: (reason, bytes covered).
    let mut shares: Vec<Vec<(&str, usize)>> = vec![Vec::new(); found.len()];
    for hint in hints.iter().filter(|h| h.prior > 0.0) {
        let first = found.partition_point(|f| f.range.end <= hint.range.start);
        for (i, finding) in found.iter().enumerate().skip(first) {
            if finding.range.start >= hint.range.end {
                break;
            }
            let covered = overlap(&hint.range, &finding.range);
            match shares[i].iter_mut().find(|s| s.0 == hint.reason) {
                Some(s) => s.1 += covered,
                None => shares[i].push((hint.reason, covered)),
            }
        }
    }
    for (finding, mut shares) in found.iter_mut().zip(shares) {
        let len = finding.range.len().max(1) as f32;
        shares.retain(|s| s.1 as f32 >= REASON_SHARE * len);
        let mut reasons: Vec<crate::analysis::reason::Reason> = Vec::new();
        // Largest share first; a block has a handful of hints at most.
        while let Some(best) = (0..shares.len()).max_by_key(|&i| shares[i].1) {
            reasons.push(shares.swap_remove(best).0.to_string().into());
        }
        let from_markup = reasons.len();
        for reason in finding.reasons.drain(..) {
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
        reasons.truncate(MAX_REASONS.max(from_markup));
        finding.reasons = reasons;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::html;

    const PARAGRAPHS: [&str; 3] = [
        "The harbour board voted on Tuesday to dredge the northern channel before the autumn storms, after two cargo ships ran aground there in August.",
        "Pilots had warned for years that silt was building up near the breakwater, the board's chair told reporters after the meeting.",
        "Work is expected to start next month and to last about six weeks, during which larger vessels will wait for high tide.",
    ];

    fn page(before: &str, after: &str) -> String {
        let body: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!("{before}<article>{body}</article>{after}")
    }

    fn blocks(html: &str) -> Vec<(String, Vec<String>)> {
        let rendered = html::render(html);
        detect_with_markup(&rendered.text, &rendered.hints)
            .into_iter()
            .map(|f| {
                let reasons = f.reasons.iter().map(|r| r.to_string()).collect();
                (rendered.text[f.range].to_string(), reasons)
            })
            .collect()
    }

    #[test]
    fn a_nav_list_of_neutral_words_is_cut_because_of_its_element() {
        let nav = "<nav><ul><li>Harbours</li><li>Weather</li><li>Shipping</li></ul></nav>";
        let html = page("", nav);
        // Without the markup the same words below the article are not cut.
        let plain = html::render(&html).text;
        assert!(super::super::detect(&plain).is_empty());
        let found = blocks(&html);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Harbours\nWeather\nShipping");
        assert_eq!(found[0].1[0], "navigation (<nav>)");
    }

    #[test]
    fn article_paragraphs_are_kept_and_class_names_give_reasons() {
        let html = page(
            "",
            "<div class=\"newsletter-signup\"><p>The morning briefing</p></div>\
             <figure><figcaption>Dredgers at work near the breakwater</figcaption></figure>",
        );
        let found = blocks(&html);
        for p in PARAGRAPHS {
            assert!(found.iter().all(|b| !b.0.contains(p)), "{found:?}");
        }
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].0,
            "The morning briefing\n\nDredgers at work near the breakwater"
        );
        assert!(
            found[0].1.contains(&"class 'newsletter'".to_string()),
            "{found:?}"
        );
        assert!(
            found[0].1.contains(&"figure caption".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn markup_is_evidence_not_the_verdict() {
        // A newsletter appeal inside <article> is still cut by its words.
        let html = page("", "").replace(
            "</article>",
            "<p>Sign up for our newsletter to get the latest news in your inbox.</p></article>",
        );
        let found = blocks(&html);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.starts_with("Sign up"));
    }

    #[test]
    fn hints_out_of_range_or_odd_do_not_panic() {
        let text = "Short line\nAnother line";
        let hints = [
            MarkupHint {
                start: 5,
                end: 999,
                boilerplate: 1.0,
                reason: "x".into(),
            },
            MarkupHint {
                start: 9,
                end: 2,
                boilerplate: f32::NAN,
                reason: "y".into(),
            },
            MarkupHint {
                start: 0,
                end: 3,
                boilerplate: -7.0,
                reason: "z".into(),
            },
        ];
        let _ = detect_with_markup(text, &hints);
        let _ = detect_with_markup("", &hints);
    }
}
