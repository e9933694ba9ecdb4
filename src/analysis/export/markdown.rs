//! A Markdown report: the article's claims with verdicts, notes and sources,
//! then quotes with speakers, for pasting into a newsroom's notes.

use super::exported;
use crate::analysis::annotation::Kind;
use crate::analysis::document::{Article, Verdict};
use std::fmt::Write as _;

/// Renders the report. User text is escaped so it cannot break the layout.
pub fn to_markdown(article: &Article) -> String {
    let kept = exported(article);
    let count = |kind: Kind| kept.iter().filter(|a| a.kind == kind).count();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", heading(&article.title));
    let d = &article.details;
    let about: Vec<String> = [
        ("Headline", &d.headline),
        ("Publisher", &d.publisher),
        ("Author", &d.author),
        ("Published", &d.published),
        ("Reviewed by", &d.reviewer),
        ("Organisation", &d.organisation),
    ]
    .iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(label, value)| format!("{label}: {}", escape(value)))
    .chain(
        [("Article", &d.url), ("Review", &d.review_url)]
            .iter()
            .filter(|(_, url)| !url.trim().is_empty())
            .map(|(label, url)| format!("{label}: <{}>", url.replace(['<', '>', ' '], ""))),
    )
    .collect();
    if !about.is_empty() {
        let _ = writeln!(out, "{}\n", about.join(" · "));
    }
    let _ = writeln!(
        out,
        "{} claims, {} quotes, {} boilerplate blocks. Exported {}.\n",
        count(Kind::Claim),
        count(Kind::Quote),
        count(Kind::Boilerplate),
        if article.modified.is_empty() {
            "undated"
        } else {
            &article.modified
        }
    );

    let _ = writeln!(out, "## Claims\n");
    for (n, claim) in kept.iter().filter(|a| a.kind == Kind::Claim).enumerate() {
        let j = &claim.judgement;
        let _ = writeln!(
            out,
            "{}. **{}** — {}",
            n + 1,
            j.verdict.label(),
            quote_block(&claim.exact)
        );
        if let Some(author) = &j.author {
            let _ = writeln!(out, "   - Claimed by: {}", escape(author));
        }
        if let Some(date) = &j.date {
            let _ = writeln!(out, "   - Claimed on: {}", escape(date));
        }
        if let Some(score) = claim.score {
            let _ = writeln!(
                out,
                "   - Check-worthiness: {score:.2} ({})",
                escape(&claim.reasons.join(", "))
            );
        }
        if !j.note.is_empty() {
            let _ = writeln!(out, "   - Note: {}", escape(&j.note));
        }
        for source in &j.sources {
            let _ = writeln!(
                out,
                "   - Source: <{}>",
                source.replace(['<', '>', ' '], "")
            );
        }
    }
    let judged = kept
        .iter()
        .filter(|a| a.kind == Kind::Claim && a.judgement.verdict != Verdict::Unchecked)
        .count();
    let _ = writeln!(out, "\n{judged} of {} claims judged.\n", count(Kind::Claim));

    let _ = writeln!(out, "## Quotes\n");
    for quote in kept.iter().filter(|a| a.kind == Kind::Quote) {
        let speaker = quote
            .speaker_name()
            .map_or("unattributed".to_string(), |name| escape(&name));
        let _ = writeln!(out, "- {} — {speaker}", quote_block(&quote.exact));
    }
    out
}

/// One line of user text, escaped, in italics.
fn quote_block(text: &str) -> String {
    format!(
        "*{}*",
        escape_between(
            &text.split_whitespace().collect::<Vec<_>>().join(" "),
            false
        )
    )
}

/// Escapes what Markdown (CommonMark with GitHub's extensions) would read
/// as markup in one line of user text, and nothing else, so that a report
/// reads "cross-border", "2025-02-06" and "~2,000" as written. Line breaks
/// become spaces (the text is always put inside a line, never at its start).
fn escape(text: &str) -> String {
    escape_between(text, true)
}

/// [`escape`] for text between two characters that are spaces
/// (`edges_are_space`) or markup (false: the stars of *italics*).
fn escape_between(text: &str, edges_are_space: bool) -> String {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        if misread(c, before, after, &chars[i + 1..], edges_are_space) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `c`, between `before` and `after` (`rest` is everything after
/// it), would be read as markup rather than as itself.
fn misread(
    c: char,
    before: Option<char>,
    after: Option<char>,
    rest: &[char],
    edges_are_space: bool,
) -> bool {
    let space = |c: Option<char>| c.map_or(edges_are_space, char::is_whitespace);
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match c {
        // A backslash escapes only the punctuation after it.
        '\\' => after.is_some_and(|a| a.is_ascii_punctuation()),
        // Code spans: any backtick may pair with a later one.
        '`' => true,
        // Emphasis opens or closes only beside a non-space; "5 * 3" stays.
        // The report puts claims in *italics*, so an opener could pair with
        // the closing star: both sides count.
        '*' => !(space(before) && space(after)),
        // An underscore inside a word (snake_case) never opens or closes.
        '_' => !(space(before) && space(after) || word(before) && word(after)),
        // Strikethrough needs a tilde that can close, one after a non-space;
        // "~2,000" after a space can only open, and alone it does nothing.
        '~' => !space(before),
        // A link or image needs "](" or "][" (the text has no definitions).
        ']' => matches!(after, Some('(' | '[')),
        // An HTML tag or an autolink: "<b>", "</i>", "<!--", "<https:".
        '<' => after.is_some_and(|a| a.is_ascii_alphabetic() || matches!(a, '/' | '!' | '?')),
        // An entity or character reference: "&amp;", "&#169;".
        '&' => is_reference(rest),
        _ => false,
    }
}

/// Whether `rest` (what follows an "&") makes it an entity or a numeric
/// character reference: letters or "#" and digits, then ";".
fn is_reference(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// A heading's text: escaped, and a closing run of "#" (which a heading
/// would drop) kept as text.
fn heading(text: &str) -> String {
    let escaped = escape(text);
    let trimmed = escaped.trim_end_matches('#');
    if trimmed.len() == escaped.len()
        || !trimmed.ends_with(char::is_whitespace) && !trimmed.is_empty()
    {
        return escaped;
    }
    format!("{trimmed}\\{}", &escaped[trimmed.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::fixtures::judged_article;

    #[test]
    fn the_report_lists_judged_claims_and_attributed_quotes() {
        let md = to_markdown(&judged_article());
        assert!(
            md.starts_with("# Officials said 1,500 people live there."),
            "{md}"
        );
        assert!(
            md.contains("1 claims, 1 quotes, 1 boilerplate blocks"),
            "{md}"
        );
        assert!(
            md.contains("1. **Mostly true** — *Officials said 1,500 people live there.*"),
            "{md}"
        );
        assert!(
            md.contains("   - Source: <https://example.org/census>"),
            "{md}"
        );
        assert!(md.contains("1 of 1 claims judged."), "{md}");
        assert!(md.contains("— the office"), "{md}");
        let mut corrected = judged_article();
        corrected.annotations[1].speaker_correction = Some("Olga Petrova".into());
        corrected.details.publisher = "The Moscow Times".into();
        corrected.details.url = "https://example.org/kursk".into();
        let md = to_markdown(&corrected);
        assert!(md.contains("— Olga Petrova"), "{md}");
        assert!(
            md.contains("Publisher: The Moscow Times · Article: <https://example.org/kursk>"),
            "{md}"
        );
        assert!(
            !md.contains("Donate now"),
            "boilerplate is counted, not listed: {md}"
        );
    }

    /// The text of a Markdown document as a reader sees it, and whether
    /// anything in it became markup other than the paragraph (or heading)
    /// around it.
    fn rendered(markdown: &str) -> (String, Vec<String>) {
        use pulldown_cmark::{Event, Options, Parser, Tag};
        let mut text = String::new();
        let mut markup = Vec::new();
        let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::Start(Tag::Paragraph | Tag::Heading { .. }) | Event::End(_) => {}
                Event::SoftBreak => text.push(' '),
                other => markup.push(format!("{other:?}")),
            }
        }
        (text, markup)
    }

    #[test]
    fn only_what_markdown_would_misread_is_escaped() {
        for plain in [
            "cross-border",
            "2025-02-06",
            "~2,000 people",
            "5 * 3 = 15",
            "snake_case names",
            "AT&T",
            "costs (about) $5 + tax!",
            "[sic]",
            "#1 in the charts | top",
            "a < b > c",
        ] {
            assert_eq!(escape(plain), plain, "{plain}");
        }
        assert_eq!(
            escape("[x](javascript:alert(1)) <b>"),
            "[x\\](javascript:alert(1)) \\<b>"
        );
        assert_eq!(
            escape("*bold* and ~~gone~~"),
            "\\*bold\\* and ~\\~gone\\~\\~"
        );
        assert_eq!(escape("&amp; `code`"), "\\&amp; \\`code\\`");
        assert_eq!(heading("Vote on issue #"), "Vote on issue \\#");
        assert_eq!(heading("C#"), "C#");
    }

    #[test]
    fn escaped_user_text_reads_as_written_in_a_markdown_renderer() {
        let samples = [
            "cross-border talks on 2025-02-06 drew ~2,000 people",
            "[x](javascript:alert(1)) <b>bold</b> <https://example.org>",
            "*stars* _under_ ~~strike~~ `code` a~b~c ~x~",
            "&amp; &#169; &copy; AT&T 5 & 6",
            "back\\slash \\* and \\q",
            "**",
            "*",
            "_a_",
            "a * b * c",
            "x_y_z",
            "~",
            "a~",
            "]( [a][b] ![i](j)",
        ];
        for sample in samples {
            // Inside a line (the report never starts one with user text),
            // plain and in the italics claims are shown in.
            for (wrap, escaped) in [
                (("", ""), escape(sample)),
                (("*", "*"), escape_between(sample, false)),
            ] {
                let markdown = format!("x {}{escaped}{}", wrap.0, wrap.1);
                let (text, markup) = rendered(&markdown);
                let expected = usize::from(!wrap.0.is_empty());
                assert_eq!(text, format!("x {sample}"), "{markdown}");
                assert_eq!(markup.len(), expected, "{markdown}: {markup:?}");
            }
        }
        let (text, markup) = rendered(&format!("# {}", heading("Vote on issue #")));
        assert_eq!((text.as_str(), markup.len()), ("Vote on issue #", 0));
    }

    proptest::proptest! {
        #[test]
        fn any_text_survives_escaping(sample in "[a-c *_~`\\[\\]()<>&#;!1-]{0,24}") {
            // Inside a line, as the report puts it.
            let (text, markup) = rendered(&format!("x {}", escape(&sample)));
            proptest::prop_assert_eq!(text, format!("x {sample}").trim_end().to_string());
            proptest::prop_assert!(markup.is_empty(), "{:?}", markup);
        }
    }
}
