//! Where the article ends, and what follows it. The paste's main run of
//! paragraphs (see [`main_run`]) marks the article; once that run has ended
//! and a line of furniture has followed it, the rest is the page around the
//! article, and readers' comments (see [`comments`]) are cut from their
//! first header on. These rules read a line's place in the whole paste,
//! not its neighbours, so they run last.

use super::reason::Reason;
use super::transcript_lines::TranscriptLine;
use super::{comments, is_table_row, main_run, sections, Evidence, Line, ANCHOR};

/// How each line counts towards the article's main run. A listicle's
/// section numbers (see [`sections`]) count as prose: between them there
/// may be more headings and photo credits than paragraphs, yet the count
/// says the article goes on.
fn run_lines(lines: &[Line<'_>], evidence: &[Evidence]) -> Vec<main_run::RunLine> {
    use main_run::RunLine;
    let mut kinds: Vec<RunLine> = lines
        .iter()
        .zip(evidence)
        .map(|(line, e)| {
            if is_table_row(line.text) {
                RunLine::Neutral
            } else {
                run_line(e)
            }
        })
        .collect();
    let numbers: Vec<Option<u32>> = lines
        .iter()
        .map(|l| sections::marker_number(l.text))
        .collect();
    if numbers.iter().any(Option::is_some) {
        let prose: Vec<bool> = kinds.iter().map(|k| *k == RunLine::Prose).collect();
        for (kind, marker) in kinds.iter_mut().zip(sections::markers(&numbers, &prose)) {
            if marker {
                *kind = RunLine::Prose;
            }
        }
    }
    kinds
}

/// How a line counts towards the article's main run (see [`main_run`]).
fn run_line(e: &Evidence) -> main_run::RunLine {
    use main_run::RunLine;
    if e.code {
        RunLine::Neutral
    } else if e.score.prose >= 2.0 && e.score.cue < ANCHOR {
        RunLine::Prose
    } else if e.score.cue >= ANCHOR {
        RunLine::Furniture
    } else if e.score.prose >= 1.0 && e.score.cue < 1.5 {
        RunLine::HalfProse
    } else {
        RunLine::Short
    }
}

/// Evidence beyond its own prose for a short line after the article's main run.
const AFTER_ARTICLE: f32 = 2.5;
/// Lines reading at least this much like prose get only a hint after the
/// main run: a sentence there may be a late part of the article.
const SHORT_PROSE: f32 = 0.5;
/// Evidence for a paragraph after the main run: a hint, not enough alone.
const PROSE_AFTER_ARTICLE: f32 = 1.0;

/// Paragraphs the main run needs before its end is taken for the end of
/// the article: one or two paragraphs may be a brief, or the opening of an
/// article whose body then runs on between widgets.
const MIN_MAIN_RUN: usize = 3;

/// Once the article's main run has ended and a line of page furniture has
/// followed it (share buttons, tags, "More stories"), what comes after
/// (teaser lists, comment sections, footers) is the page around the
/// article. A list right after the last paragraph, before any furniture,
/// may still be the article's own (tour dates, sources) and is left alone.
pub(super) fn mark_after_article(lines: &[Line<'_>], evidence: &mut [Evidence]) {
    let kinds = run_lines(lines, evidence);
    let Some(run) = main_run::main_run(&kinds) else {
        return;
    };
    mark_comment_section(lines, evidence, run.start);
    let paragraphs = kinds[run.clone()]
        .iter()
        .filter(|k| **k == main_run::RunLine::Prose)
        .count();
    if paragraphs < MIN_MAIN_RUN {
        return;
    }
    // A photo and its caption sit in an article as often as after it, so
    // they do not close it; share bars, tags and teaser headings do.
    let closes = |e: &Evidence| {
        e.score.cue >= ANCHOR
            && !e
                .reasons
                .first()
                .is_some_and(|r| r.0.is_caption() || r.0 == Reason::ImageMarkdown)
    };
    let Some(furniture) = (run.end..evidence.len()).find(|&i| closes(&evidence[i])) else {
        return;
    };
    for e in &mut evidence[furniture + 1..] {
        if e.transcript == TranscriptLine::None && !e.code && !e.reference {
            let weight = if e.score.prose >= SHORT_PROSE {
                PROSE_AFTER_ARTICLE
            } else {
                e.score.prose.max(0.0) + AFTER_ARTICLE
            };
            e.add(Reason::AfterArticle, weight);
        }
    }
}

/// Evidence beyond its own prose for a line of a comment section.
const IN_COMMENTS: f32 = 1.0;

/// Readers' comments after the article (see [`comments`]) are cut from
/// their first header on, paragraphs included.
fn mark_comment_section(lines: &[Line<'_>], evidence: &mut [Evidence], article_start: usize) {
    let headers: Vec<bool> = lines
        .iter()
        .zip(evidence.iter())
        .map(|(line, e)| comments::is_comment_header(line.text, e.words))
        .collect();
    let Some(start) = comments::section_start(&headers, article_start + 1) else {
        return;
    };
    for e in &mut evidence[start..] {
        if e.transcript == TranscriptLine::None {
            let weight = e.score.prose.max(0.0) + IN_COMMENTS;
            e.add(Reason::CommentSection, weight);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::boilerplate::tests::{texts, with_body, BODY_EN};
    use crate::analysis::boilerplate::{detect, explain};

    #[test]
    fn headlines_after_the_article_and_its_share_line_are_cut() {
        let text = with_body(
            &[],
            &[
                "Share this article",
                "Ferry fares to rise in spring",
                "New school opens on the east bank",
                "Mayor praises flood volunteers",
            ],
        );
        let got = texts(&text, &detect(&text));
        assert_eq!(
            got,
            ["Share this article\nFerry fares to rise in spring\nNew school opens on the east bank\nMayor praises flood volunteers"]
        );
        let reasons = explain(&text);
        assert!(reasons[reasons.len() - 1]
            .reasons
            .contains(&"after the end of the article"));
    }

    #[test]
    fn a_photo_after_the_last_paragraph_does_not_end_the_article() {
        let text = with_body(
            &[],
            &[
                "![The old bridge at dusk](https://example.org/bridge.jpg)",
                "Riverside Hall",
                "Tuesday to Sunday",
                "Free entry for children",
            ],
        );
        let verdicts = explain(&text);
        assert!(
            verdicts
                .iter()
                .all(|v| !v.reasons.contains(&"after the end of the article")),
            "{verdicts:?}"
        );
        // A share line in the same place does end it.
        let text = text.replacen(
            "![The old bridge at dusk](https://example.org/bridge.jpg)",
            "Share this article",
            1,
        );
        assert!(explain(&text)
            .last()
            .is_some_and(|v| v.reasons.contains(&"after the end of the article")));
    }

    #[test]
    fn a_main_run_of_two_paragraphs_does_not_end_the_article() {
        let after = [
            "Share this article",
            "Ferry timetable for the spring",
            "Weekday crossings every twenty minutes",
            "Bicycles carried free of charge",
        ];
        let cut_after = |paragraphs: &[&str]| {
            let text = [paragraphs, &after[..]].concat().join("\n");
            explain(&text)
                .iter()
                .any(|v| v.reasons.contains(&"after the end of the article"))
        };
        assert!(!cut_after(&[BODY_EN[0], BODY_EN[1]]));
        // With a third paragraph the run is long enough to trust.
        assert!(cut_after(&[BODY_EN[0], BODY_EN[1], BODY_EN[3]]));
    }

    #[test]
    fn a_list_closing_the_article_before_any_furniture_stays_body() {
        let text = with_body(
            &[],
            &[
                "Upcoming council hearings",
                "March 3 at the East Bank Library",
                "March 10 at the Town Hall",
                "March 17 at the River School",
            ],
        );
        let found = detect(&text);
        assert!(found.is_empty(), "{:?}", texts(&text, &found));
    }

    #[test]
    fn a_comment_section_is_cut_with_its_paragraphs() {
        let comments = [
            "2 comments",
            "Sam Reader on March 3, 2031 at 9:12 pm said:",
            "I drive across that bridge every day, and the detour through the old town adds half an hour each way.",
            "Reply",
            "Lee Roe on March 4, 2031 at 8:01 am said:",
            "The ferry would help, but only if it runs early enough for the morning shift at the hospital.",
            "Reply",
        ];
        let text = with_body(&[], &comments);
        let got = texts(&text, &detect(&text));
        assert_eq!(got, [comments.join("\n")]);
        // Without the headers, the same paragraphs would stay body.
        let text = with_body(&[], &[comments[2], comments[5]]);
        assert!(detect(&text).is_empty());
    }
}
