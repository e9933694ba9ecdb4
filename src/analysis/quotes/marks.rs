//! Quotation-mark pairing: which marks open and close a quotation, in every
//! convention the annotator meets, and where the outermost quotations lie.
//!
//! The scan is one pass over the text, a line at a time, with a small stack
//! of open marks. Nested quotations are consumed silently: only the outermost
//! span is reported. A mark that cannot be paired is dropped at the end of its
//! paragraph, so one stray mark never swallows the rest of an article, except
//! in the news convention where the next paragraph re-opens the same quotation.

use crate::analysis::line_chars::LineChars;
use std::ops::Range;

/// An outermost quotation found by its marks.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedSpan {
    /// Opening mark to closing mark, both included (or to the paragraph end).
    pub range: Range<usize>,
    /// False when no closing mark was found and the span stops at the
    /// paragraph end.
    pub closed: bool,
    /// Number of paragraphs the quotation runs over (news convention).
    pub paragraphs: usize,
    /// True for a `>` block quote.
    pub block: bool,
}

/// Where a glyph sits among its neighbours, computed once per mark.
#[derive(Debug, Clone, Copy)]
struct Flanks {
    /// It may open: something follows it, and it follows a space, an
    /// opening bracket, a dash or another mark.
    left: bool,
    /// It may close: it follows text, and a space, punctuation or the end
    /// follows it.
    right: bool,
}

/// One open mark waiting for its partner.
#[derive(Debug, Clone, Copy)]
struct Open {
    glyph: char,
    start: usize,
    /// Non-space characters of the line seen before this mark.
    seen: usize,
}

/// Deeper nesting than this is noise; ignoring it keeps the scan linear.
const MAX_DEPTH: usize = 8;

/// The glyphs that may close a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '"' => &['"', '”', '“'],
        // English “…”, and the common “…“ typo; „…“ is German.
        '“' => &['”', '"', '“'],
        '„' => &['“', '”', '"'],
        // Swedish and Finnish ”…”.
        '”' => &['”'],
        '«' => &['»'],
        // Danish »…«, Swedish »…».
        '»' => &['«', '»'],
        '‹' => &['›'],
        '›' => &['‹', '›'],
        '「' => &['」'],
        '『' => &['』'],
        '\'' => &['\'', '’'],
        '‘' => &['’', '\'', '‘'],
        '‚' => &['‘', '’'],
        '’' => &['’'],
        _ => &[],
    }
}

#[inline]
pub fn is_mark(c: char) -> bool {
    if c.is_ascii() {
        return c == '"' || c == '\'';
    }
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '\''
            | '‘'
            | '’'
            | '‚'
    )
}

/// Single marks double as apostrophes; double marks never do.
pub(super) fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›')
}

/// Guillemets and corner brackets point the way they work and may stand
/// apart from the words they enclose (French « texte »).
fn is_directional(c: char) -> bool {
    matches!(c, '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』')
}

#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c == ' ' || ('\t'..='\r').contains(&c);
    }
    c.is_whitespace() || c == '\u{202F}' || c == '\u{00A0}'
}

fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            is_space(c) || is_mark(c) || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
        }
    }
}

fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            is_space(c)
                || is_mark(c)
                || (c.is_ascii_punctuation() && c != '\'')
                || "…—–".contains(c)
        }
    }
}

fn flanks(prev: Option<char>, c: char, next: Option<char>) -> Flanks {
    let directional = is_directional(c);
    // An English opening mark says what it is: it may follow a comma with
    // no space ("said,“Look…") and be followed by one ("reported, “ … if").
    let english_open = c == '“';
    let after = opens_after(prev) || (english_open && matches!(prev, Some(',' | ';')));
    let spaced_open = english_open && prev.is_some_and(is_space);
    Flanks {
        left: after && next.is_some_and(|n| directional || spaced_open || !is_space(n)),
        right: prev.is_some_and(|p| directional || !is_space(p)) && closes_before(next),
    }
}

/// True when a single mark at `i` of `line` is an apostrophe: inside a word
/// (don't, O'Brien), eliding a year or syllable ('90s, 'em, rock 'n' roll),
/// or after a plural possessive (the students' union) with no single
/// quotation open to close.
fn is_apostrophe(line: &LineChars, i: usize, single_open: bool) -> bool {
    let c = line.at(i).1;
    if !matches!(c, '\'' | '’' | '‘') {
        return false;
    }
    let at = |k: usize| line.get(k).map(|(_, ch)| ch);
    let prev = i.checked_sub(1).and_then(at);
    let next = at(i + 1);
    let alnum = |ch: Option<char>| ch.is_some_and(crate::analysis::scan::is_alphanumeric);
    if alnum(prev) && alnum(next) {
        return true;
    }
    let word_start = prev.is_none_or(|p| is_space(p) || p == '(');
    if word_start && next.is_some_and(|n| n.is_ascii_digit()) {
        // '90s, '16: digits, then an s or the end of the word.
        let mut k = i + 1;
        while at(k).is_some_and(|d| d.is_ascii_digit()) {
            k += 1;
        }
        return at(k).is_none_or(|e| e == 's' || !e.is_alphanumeric());
    }
    if word_start {
        let mut k = i + 1;
        let mut word = String::new();
        while let Some(ch) = at(k).filter(|ch| ch.is_alphabetic()) {
            word.extend(ch.to_lowercase());
            k += 1;
            if word.len() > 6 {
                break;
            }
        }
        let ends_word = at(k).is_none_or(|e| !e.is_alphanumeric());
        if ends_word && super::word_lists::is_elision(&word) {
            // 'n' of rock 'n' roll: its closing mark is an apostrophe too.
            return true;
        }
    }
    // The closing half of 'n'.
    if prev == Some('n') && i >= 2 && at(i - 2).is_some_and(|m| matches!(m, '\'' | '’' | '‘')) {
        return true;
    }
    // Plural possessive: students' union, with nothing to close.
    !single_open && prev == Some('s') && next.is_some_and(is_space)
}

/// Finds every outermost quotation in `text`.
pub fn find(text: &str) -> Vec<MarkedSpan> {
    let mut spans = Vec::new();
    let lines = lines_of(text);
    let mut stack: Vec<Open> = Vec::new();
    // The quotation carried over from earlier paragraphs, if any.
    let mut carried_paragraphs = 0usize;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].clone();
        let content = text.get(line.clone()).unwrap_or_default();
        let trimmed = content.trim_start();
        if trimmed.is_empty() {
            // Blank lines separate paragraphs; the next one decides.
            index += 1;
            continue;
        }
        if trimmed.starts_with('>') && stack.is_empty() {
            index = block_quote(text, &lines, index, &mut spans);
            continue;
        }
        // A line holding no byte that starts a mark changes nothing: skip
        // decoding it. Every mark is ASCII or starts with one of these.
        let may_hold_marks = content
            .bytes()
            .any(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3));
        if may_hold_marks {
            // Indexed, not copied: a 50 MB line cost 800 MB as a vector.
            let chars = LineChars::new(content, line.start);
            let reopening = carried_paragraphs > 0;
            scan_line(
                &chars,
                &mut stack,
                &mut spans,
                reopening,
                carried_paragraphs,
            );
        }
        if stack.is_empty() {
            carried_paragraphs = 0;
        } else {
            // Inner quotations never cross a paragraph; the outer one may.
            stack.truncate(1);
            let next = next_content_line(text, &lines, index + 1);
            let continues = next.is_some_and(|n| reopens(text, &lines[n], stack[0].glyph));
            if continues {
                carried_paragraphs = carried_paragraphs.max(1) + 1;
            } else {
                let end = line.start + content.trim_end().len();
                let start = stack[0].start;
                if end > start + 1 {
                    spans.push(MarkedSpan {
                        range: start..end,
                        closed: false,
                        paragraphs: carried_paragraphs.max(1),
                        block: false,
                    });
                }
                stack.clear();
                carried_paragraphs = 0;
            }
        }
        index += 1;
    }
    spans.sort_by_key(|s| s.range.start);
    spans
}

/// Line byte ranges, without their line breaks.
fn lines_of(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            lines.push(start..i);
            start = i + 1;
        }
    }
    lines.push(start..text.len());
    lines
}

fn next_content_line(text: &str, lines: &[Range<usize>], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| {
        text.get(lines[i].clone())
            .is_some_and(|l| !l.trim().is_empty())
    })
}

/// Whether a paragraph re-opens the quotation left open by the previous one:
/// it starts with an opening mark of the same kind.
fn reopens(text: &str, line: &Range<usize>, glyph: char) -> bool {
    let Some(first) = text
        .get(line.clone())
        .and_then(|l| l.trim_start().chars().next())
    else {
        return false;
    };
    let same_kind = |g: char| matches!(g, '"' | '“' | '„' | '”');
    first == glyph || (same_kind(first) && same_kind(glyph))
}

/// Consumes consecutive `>` lines from `index` as one block quote.
fn block_quote(
    text: &str,
    lines: &[Range<usize>],
    index: usize,
    spans: &mut Vec<MarkedSpan>,
) -> usize {
    let first = &lines[index];
    let leading = text
        .get(first.clone())
        .map_or(0, |l| l.len() - l.trim_start().len());
    let start = first.start + leading;
    let mut end = start;
    let mut next = index;
    let mut paragraphs = 0;
    while let Some(line) = lines.get(next) {
        let content = text.get(line.clone()).unwrap_or_default();
        if !content.trim_start().starts_with('>') {
            break;
        }
        end = line.start + content.trim_end().len();
        paragraphs += 1;
        next += 1;
    }
    let body = text.get(start..end).unwrap_or_default();
    if !body.trim_start_matches(['>', ' ', '\t']).trim().is_empty() {
        spans.push(MarkedSpan {
            range: start..end,
            closed: true,
            paragraphs,
            block: true,
        });
    }
    next
}

/// Pairs the marks of one line, pushing finished outer quotations.
fn scan_line(
    chars: &LineChars,
    stack: &mut Vec<Open>,
    spans: &mut Vec<MarkedSpan>,
    reopening: bool,
    carried: usize,
) {
    let mut skip_reopen = reopening;
    // Inside a stretch opened by a doubled apostrophe ('').
    let mut in_doubled = false;
    // Paragraphs of the quotation carried into this line, until it closes.
    let mut carried = carried;
    let mut seen = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars.at(i);
        if !is_space(c) {
            seen += 1;
        }
        if !is_mark(c) {
            if !is_space(c) {
                skip_reopen = false;
            }
            i += 1;
            continue;
        }
        if skip_reopen {
            // The mark re-opening a carried quotation is part of it.
            skip_reopen = false;
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|k| chars.at(k).1);
        let next = chars.get(i + 1).map(|(_, ch)| ch);
        // Markup attribute values (id="123") are not quotations.
        if c == '"' && prev == Some('=') && stack.is_empty() {
            i += 1;
            while i < chars.len() && chars.at(i).1 != '"' {
                i += 1;
            }
            i += 1;
            continue;
        }
        // A doubled apostrophe ('') is an ASCII stand-in for a double mark
        // in some archives; read as two single marks it would pair with
        // anything, so it is left alone.
        if c == '\'' && next == Some('\'') {
            // What such a pair encloses is quoted inside it: its single
            // marks are nested, never an outermost quotation.
            in_doubled = !in_doubled;
            i += 2;
            continue;
        }
        if c == '\'' && prev == Some('\'') {
            i += 1;
            continue;
        }
        if in_doubled && stack.is_empty() && is_single(c) {
            i += 1;
            continue;
        }
        let single_open = stack.last().is_some_and(|o| is_single(o.glyph));
        if is_single(c) && is_apostrophe(chars, i, single_open) {
            i += 1;
            continue;
        }
        let f = flanks(prev, c, next);
        let closable = stack.iter().rposition(|o| closers(o.glyph).contains(&c));
        let close = match closable {
            None => false,
            // A straight double mark toggles: nested quotations of the same
            // style are not a convention anyone uses.
            Some(_) if c == '"' => true,
            Some(depth) => {
                let top_match = depth + 1 == stack.len();
                f.right || (!f.left && top_match) || (top_match && !can_open(c, f))
            }
        };
        if close {
            let depth = closable.unwrap_or_default();
            let open = stack[depth];
            stack.truncate(depth);
            if stack.is_empty() {
                let end = at + c.len_utf8();
                // Marks with nothing between them quote nothing.
                if carried > 1 || seen > open.seen + 1 {
                    spans.push(MarkedSpan {
                        range: open.start..end,
                        closed: true,
                        paragraphs: carried.max(1),
                        block: false,
                    });
                }
                carried = 0;
            }
        } else if can_open(c, f) && stack.len() < MAX_DEPTH {
            stack.push(Open {
                glyph: c,
                start: at,
                seen,
            });
        }
        i += 1;
    }
}

/// Whether glyph `c` may open a quotation where it stands.
fn can_open(c: char, f: Flanks) -> bool {
    match c {
        '„' | '‚' | '«' | '‹' | '「' | '『' => f.left || !f.right,
        '"' => f.left || !f.right,
        '“' | '‘' | '\'' | '»' | '›' => f.left,
        // Swedish ”…” and ’…’ open only where nothing else could be meant.
        '”' | '’' => f.left && !f.right,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find(text)
            .iter()
            .map(|s| text.get(s.range.clone()).unwrap())
            .collect()
    }

    #[test]
    fn straight_and_typographic_double_quotes() {
        assert_eq!(
            quoted("He said \"we won\" and “they lost”."),
            ["\"we won\"", "“they lost”"]
        );
    }

    #[test]
    fn single_quotes_pair_outside_words() {
        assert_eq!(quoted("She called it 'a farce' twice."), ["'a farce'"]);
        assert_eq!(quoted("She called it ‘a farce’ twice."), ["‘a farce’"]);
    }

    #[test]
    fn french_guillemets_with_and_without_inner_spaces() {
        assert_eq!(
            quoted("Le ministre a déclaré : « Nous resterons. »"),
            ["« Nous resterons. »"]
        );
        assert_eq!(
            quoted("Il parle de «\u{202F}paix\u{202F}» et de «guerre»."),
            ["«\u{202F}paix\u{202F}»", "«guerre»"]
        );
        assert_eq!(quoted("Er sagte ‹ oui › leise."), ["‹ oui ›"]);
    }

    #[test]
    fn german_czech_and_polish_low_high_marks() {
        assert_eq!(
            quoted("Sie sagte: „Wir kommen morgen.“ Dann ging sie."),
            ["„Wir kommen morgen.“"]
        );
        assert_eq!(
            quoted("Řekl: „Nevím, ‚proč‘ ne.“ A odešel."),
            ["„Nevím, ‚proč‘ ne.“"]
        );
        assert_eq!(quoted("Powiedział „nie wiem” i wyszedł."), ["„nie wiem”"]);
    }

    #[test]
    fn danish_and_swedish_reversed_guillemets() {
        assert_eq!(
            quoted("Han sagde »det går fint« og gik."),
            ["»det går fint«"]
        );
        assert_eq!(
            quoted("Hon sa »vi ses i morgon» och log."),
            ["»vi ses i morgon»"]
        );
        assert_eq!(
            quoted("Hon sa ”vi ses i morgon” och log."),
            ["”vi ses i morgon”"]
        );
    }

    #[test]
    fn japanese_corner_brackets_nest() {
        assert_eq!(
            quoted("彼は「明日は『晴れ』だ」と言った。"),
            ["「明日は『晴れ』だ」"]
        );
    }

    #[test]
    fn nested_quotation_is_part_of_the_outer_one() {
        assert_eq!(
            quoted("“He told me ‘never again’ and left,” she said."),
            ["“He told me ‘never again’ and left,”"]
        );
        assert_eq!(
            quoted("« Il a crié “assez” hier », dit-elle."),
            ["« Il a crié “assez” hier »"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        for text in [
            "We don't know O'Brien's plans.",
            "Music of the '90s was loud.",
            "They played rock 'n' roll all night.",
            "The students' union met on Friday.",
            "It’s the students’ choice, isn’t it?",
            "Tell ’em we’re coming.",
        ] {
            assert!(quoted(text).is_empty(), "{text}: {:?}", quoted(text));
        }
    }

    #[test]
    fn apostrophes_inside_a_single_quoted_quotation() {
        assert_eq!(
            quoted("She wrote 'we don't care' and left."),
            ["'we don't care'"]
        );
    }

    #[test]
    fn news_convention_joins_paragraphs_into_one_quotation() {
        let text = "He spoke at length.\n\n\"We will build it. It will be big.\n\n\"And it will be paid for,\" he said.\n\nThen he left.";
        let spans = find(text);
        assert_eq!(spans.len(), 1);
        let quote = &text[spans[0].range.clone()];
        assert!(quote.starts_with("\"We will") && quote.ends_with("paid for,\""));
        assert_eq!(spans[0].paragraphs, 2);
        assert!(spans[0].closed);
    }

    #[test]
    fn an_unclosed_mark_stops_at_the_paragraph_end() {
        let text = "She said \"this never ends.\n\nThe next paragraph is plain. So \"is\" this.";
        let spans = find(text);
        assert_eq!(spans.len(), 2);
        assert_eq!(&text[spans[0].range.clone()], "\"this never ends.");
        assert!(!spans[0].closed);
        assert_eq!(&text[spans[1].range.clone()], "\"is\"");
    }

    #[test]
    fn block_quote_lines_form_one_quotation() {
        let text = "The letter read:\n> We regret the delay.\n> It will not happen again.\nEnd.";
        let spans = find(text);
        assert_eq!(spans.len(), 1);
        assert!(spans[0].block);
        assert_eq!(
            &text[spans[0].range.clone()],
            "> We regret the delay.\n> It will not happen again."
        );
    }

    #[test]
    fn markup_attribute_values_are_not_quotations() {
        assert!(quoted("<tweet id=\"12345\" author=\"x\">hello</tweet>").is_empty());
    }

    #[test]
    fn doubled_apostrophes_and_empty_marks_are_ignored() {
        assert!(quoted("He said ''maybe'' twice.").is_empty());
        assert!(quoted("An empty \"\" pair.").is_empty());
    }

    #[test]
    fn single_marks_inside_doubled_apostrophes_are_nested() {
        assert!(quoted("''When they say, 'We can't,' I doubt it,'' Lee said.").is_empty());
        assert_eq!(quoted("He said 'no' twice."), ["'no'"]);
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "\"",
            "“",
            "«««««««««««««",
            "'''",
            "„“‚‘",
            "»«»«",
            "「『",
            "> ",
            ">",
            "\"\n\"\n\"",
            "x\"y\"z'w'",
            "’90",
            "'n",
            "é\"é\"é",
            "\u{202F}«\u{202F}",
        ] {
            let _ = find(text);
        }
    }

    #[test]
    fn a_long_run_of_marks_is_linear() {
        crate::analysis::linear_time::assert_linear(
            "a run of quotation marks",
            2_000,
            |n| "«\"“‘'".repeat(n),
            |text| {
                std::hint::black_box(find(text));
            },
        );
    }
}
