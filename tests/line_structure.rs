//! The example article with its line structure or its words disguised as a
//! copy from another program, a bidirectional page or a chat would disguise
//! them: every variant must be analysed like the clean article, the same
//! claims (with the same scores), quotes (with the same speakers) and
//! boilerplate block, at offsets that still count the variant's own code
//! points (issues #17 and #19).

use article_annotator::analysis::visible::VisibleText;
use article_annotator::analysis::{annotate, Annotation};

const ARTICLE: &str = include_str!("fixtures/moscow-times-kursk.txt");

/// Each line of the article wrapped in `before` and `after`.
fn around_lines(before: &str, after: &str) -> String {
    ARTICLE
        .split('\n')
        .map(|line| format!("{before}{line}{after}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every word of the article followed by `mark`.
fn after_words(mark: &str) -> String {
    let mut out = String::new();
    let mut chars = ARTICLE.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if !c.is_whitespace() && chars.peek().is_none_or(|n| n.is_whitespace()) {
            out.push_str(mark);
        }
    }
    out
}

fn variants() -> Vec<(&'static str, String)> {
    vec![
        (
            "RTL marks around every line",
            around_lines("\u{200f}", "\u{200f}"),
        ),
        ("LRM after every line", around_lines("", "\u{200e}")),
        (
            "isolates around every line",
            around_lines("\u{2067}", "\u{2069}"),
        ),
        ("lone CR line ends", ARTICLE.replace('\n', "\r")),
        ("CR LF line ends", ARTICLE.replace('\n', "\r\n")),
        ("U+2028 line ends", ARTICLE.replace('\n', "\u{2028}")),
        ("U+2029 paragraph ends", ARTICLE.replace('\n', "\u{2029}")),
        ("NEL line ends", ARTICLE.replace('\n', "\u{85}")),
        ("an emoji after every word", after_words("🔥")),
        ("a flag after every word", after_words("🇺🇦")),
        (
            "an emoji between every two words",
            ARTICLE.replace(' ', " 👍🏽 "),
        ),
        (
            "a zero-width space after every word",
            after_words("\u{200b}"),
        ),
        (
            "soft hyphens inside words",
            ARTICLE.replace("ion", "i\u{ad}on"),
        ),
        ("a byte-order mark first", format!("\u{feff}{ARTICLE}")),
    ]
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// What must agree between the clean article's annotation and a variant's:
/// the kind, the score, the reasons, and the words (the variant's span read
/// as the detectors read it), the speaker's too.
fn reading(text: &str, a: &Annotation) -> (String, String, String, Vec<String>, Option<String>) {
    let seen = |start, end| VisibleText::of(&slice(text, start, end)).text().to_string();
    (
        format!("{:?}", a.kind),
        seen(a.start, a.end),
        format!("{:.6}", a.score),
        a.reasons.iter().map(ToString::to_string).collect(),
        a.speaker.as_ref().map(|s| seen(s.start, s.end)),
    )
}

#[test]
fn every_disguise_of_the_article_is_read_like_the_article() {
    let clean = annotate(ARTICLE);
    let expected: Vec<_> = clean
        .annotations(0.0)
        .iter()
        .map(|a| reading(ARTICLE, a))
        .collect();
    let kinds = |all: &[Annotation]| {
        ["claim", "quote", "boilerplate"]
            .map(|k| all.iter().filter(|a| a.kind.as_str() == k).count())
    };
    let clean_kinds = kinds(&clean.annotations(0.5));
    assert!(clean_kinds.iter().all(|&n| n > 0), "{clean_kinds:?}");
    for (name, text) in variants() {
        let analysis = annotate(&text);
        let length = text.chars().count();
        assert_eq!(analysis.length, length, "{name}");
        let found = analysis.annotations(0.0);
        let got: Vec<_> = found.iter().map(|a| reading(&text, a)).collect();
        assert_eq!(got, expected, "{name}");
        assert_eq!(kinds(&analysis.annotations(0.5)), clean_kinds, "{name}");
        // The spans neither start nor end on a mark the reader cannot see.
        for a in &found {
            let words = slice(&text, a.start, a.end);
            let edge = |c: Option<char>| {
                c.is_some_and(|c| VisibleText::of(&c.to_string()).text().is_empty())
            };
            assert!(
                !edge(words.chars().next()) && !edge(words.chars().last()),
                "{name}: {words:?}"
            );
        }
    }
}

#[test]
fn the_boilerplate_block_is_the_clean_articles_mapped() {
    // The fixture's donation block, by its words, in every variant.
    let clean = annotate(ARTICLE);
    let block = clean.boilerplate.first().expect("the donation block");
    let words = slice(ARTICLE, block.start, block.end);
    assert!(words.contains("Remind me later."), "{words}");
    for (name, text) in variants() {
        let analysis = annotate(&text);
        let [found] = analysis.boilerplate.as_slice() else {
            panic!("{name}: {:?}", analysis.boilerplate);
        };
        let seen = slice(&text, found.start, found.end);
        assert_eq!(VisibleText::of(&seen).text(), words, "{name}");
    }
}
