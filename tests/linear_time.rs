//! Every path is linear in its input (the developers' guide): the whole
//! pipeline and the HTML renderer on texts built to make a careless scan
//! quadratic, each timed on 1× and 4× the input in the same run with the
//! ratio asserted (see `src/analysis/linear_time.rs`).

use article_annotator::analysis::{annotate, annotate_with_markup, html, segment};

#[path = "../src/analysis/linear_time.rs"]
mod linear_time;
use linear_time::assert_linear;

#[allow(clippy::ptr_arg)] // called with the `&String` the helper hands over
fn annotate_it(text: &String) {
    std::hint::black_box(annotate(text));
}

#[test]
fn one_long_line_of_prose_is_annotated_in_linear_time() {
    // No line break: the claims' look for a sentence's line, the sentence
    // splitter and the boilerplate's per-line evidence all see one line.
    let sentence = "Officials said on Monday that 1,200 homes (about 8%) were damaged. ";
    assert_linear(
        "one line of sentences",
        20,
        |n| sentence.repeat(n),
        annotate_it,
    );
}

#[test]
fn many_short_lines_are_annotated_in_linear_time() {
    let lines = "Share\nHome | News | Sport\n“We won,” she said.\nHOST: What now?\n";
    assert_linear("short lines", 20, |n| lines.repeat(n), annotate_it);
}

#[test]
fn a_transcript_is_annotated_in_linear_time() {
    let turns = "MODERATOR: What would you do about the deficit?\n\
                 SENATOR: We cut it by $200 billion in 2019. (APPLAUSE) And we will again.\n";
    assert_linear("transcript turns", 10, |n| turns.repeat(n), annotate_it);
}

#[test]
fn hostile_punctuation_is_annotated_in_linear_time() {
    for unit in [
        "«\"“‘'",
        "(((( ",
        ")) ",
        "U.S. ",
        "-- ",
        "... ",
        "word ",
        "[a](",
    ] {
        assert_linear(
            &format!("{unit:?} repeated"),
            50,
            |n| unit.repeat(n),
            annotate_it,
        );
    }
}

#[test]
fn sentences_are_split_in_linear_time() {
    for unit in ["Mr. ", "(APPLAUSE) ", "a) ", "plan-- ", "1. 2 "] {
        assert_linear(
            &format!("{unit:?} repeated"),
            200,
            |n| unit.repeat(n),
            |text| {
                std::hint::black_box(segment::sentences(text));
            },
        );
    }
}

#[test]
fn hostile_html_is_rendered_and_annotated_in_linear_time() {
    for (open, close) in [
        ("<div><span>", "</span></div>"),
        ("<b>", ""),
        ("<p class=\"share related\"><a href=x>", "</a></p>"),
        ("<!-- ", ""),
        ("<td>", ""),
    ] {
        assert_linear(
            &format!("{open:?} nested"),
            50,
            |n| format!("{}words{}", open.repeat(n), close.repeat(n)),
            |page| {
                let rendered = html::render(page);
                std::hint::black_box(annotate_with_markup(&rendered.text, &rendered.hints));
            },
        );
    }
}
