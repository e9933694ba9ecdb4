//! Sentence segmentation for news text and transcripts.
//!
//! A newline always ends a sentence: news paragraphs and transcript turns are
//! lines. Inside a line, one pass proposes a cut after every run of sentence
//! terminators (". ", "?\" ", "!) ", "… ") followed by white space, and a
//! few honest rules veto the ones that real news text gets wrong:
//! abbreviations and initials ("Mr.", "U.S.", "Jan. 5"), ellipses inside a
//! sentence ("to... Russia"), and a question or exclamation mark followed by
//! a lower-case word (`"Why?" he asked`). Transcripts add cuts no full stop
//! marks: a word broken off by a dash before a capital ("wind-- Will you")
//! and a stage direction in capitals ("(APPLAUSE) We are"). A speaker tag at
//! the start of a transcript line ("TAPPER:") is not part of the first
//! sentence. The pass allocates nothing but the output: segmentation runs
//! on every pasted text before any scoring.

use super::scan;
use std::ops::Range;

/// Sentences of `text` as byte ranges, trimmed of surrounding white space.
/// The analysis reads them from [`super::reading::Reading`], which cuts
/// them once with [`sentences_of_line_at`].
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        sentences_of_line_at(text, line_start..line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

/// Appends the sentences of the line `text[line]` (its newline, if any,
/// included) to `out`, leaving out a speaker tag at its start.
pub(crate) fn sentences_of_line_at(text: &str, line: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(raw) = text.get(line.clone()) else {
        return;
    };
    let body_start = line.start + speaker_tag_len(raw);
    sentences_of_line(&text[body_start..line.end], body_start, out);
}

/// Length in bytes of a transcript speaker tag ("TAPPER: ", "SEN. WARREN: ")
/// at the start of `line`, or 0.
pub fn speaker_tag_len(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    // A tag is at most 40 bytes, so only the line's start is searched: a
    // long line without a colon costs nothing more than a short one.
    let Some(colon) = rest.bytes().take(41).position(|b| b == b':') else {
        return 0;
    };
    let name = &rest[..colon];
    let capitals = name.chars().filter(|c| c.is_uppercase()).count();
    let looks_like_name = (1..=40).contains(&name.len())
        && capitals >= 2
        && name.starts_with(|c: char| c.is_uppercase())
        && name
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    let after = &rest[colon + 1..];
    if looks_like_name && (after.is_empty() || after.starts_with(char::is_whitespace)) {
        lead + colon + 1
    } else {
        0
    }
}

/// Ends a sentence (the full stop may also end an abbreviation).
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '。' | '！' | '？')
}

/// Ends a sentence even with no space after it, as in Chinese and Japanese.
fn is_ideographic_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–')
}

/// Splits one line (no newline inside except a trailing one) into sentences.
/// Each word followed by white space may end a sentence; what it ends with
/// decides whether it does.
fn sentences_of_line(line: &str, offset: usize, out: &mut Vec<Range<usize>>) {
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (at, c) in line.char_indices() {
        let cut = match previous {
            // Only a word ending in one of these can end a sentence (see
            // `ends_sentence`): most words are let through on one test.
            Some(p) if c.is_whitespace() && may_end_sentence(p) => {
                let (before, after) = (&line[start..at], &line[at..]);
                ends_sentence(before, after)
            }
            Some(p) if is_ideographic_terminator(p) && !c.is_whitespace() => {
                !is_ideographic_terminator(c)
            }
            _ => false,
        };
        if cut {
            push_trimmed(line, start..at, offset, out);
            start = at;
        }
        previous = Some(c);
    }
    push_trimmed(line, start..line.len(), offset, out);
}

/// Whether a word ending in `c` may end a sentence: [`ends_sentence`] is
/// false for any other last character.
fn may_end_sentence(c: char) -> bool {
    is_terminator(c) || is_quote_or_bracket(c) || is_dash(c)
}

/// Whether the sentence so far, `before` (ending in a word), ends where
/// white space and `after` follow.
fn ends_sentence(before: &str, after: &str) -> bool {
    let body = before.trim_end_matches(is_quote_or_bracket);
    let ends_in_terminator = body.ends_with(is_terminator);
    if ends_in_terminator {
        if body.ends_with('.') && full_stop_before_list_number(body, after) {
            return false;
        }
        return is_real_boundary(before, after);
    }
    let after = after.trim_start();
    if before.ends_with(is_dash) {
        // "plan-- Do you": an interruption; "I-- I mean" is a false start
        // inside one sentence; "well - and" joins.
        let word = before.trim_end_matches(is_dash);
        let next = scan::words(after).next().unwrap_or("");
        let pronoun_i = next == "I" || next.starts_with("I'") || next.starts_with("I’");
        return word.ends_with(scan::is_alphanumeric) && starts_capitalised(after) && !pronoun_i;
    }
    if before.ends_with(')') {
        return is_stage_direction_end(before) && starts_capitalised(after);
    }
    false
}

/// "step 1. 2": a one-digit list number before a full stop and a figure
/// after it is a numbered list, not two sentences.
fn full_stop_before_list_number(body: &str, after: &str) -> bool {
    let stem = body[..body.len() - 1]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    stem.len() == 1
        && stem.starts_with(|d: char| d.is_ascii_digit())
        && after.trim_start().starts_with(|d: char| d.is_ascii_digit())
}

/// Whether `before` ends with a stage direction in capitals, "(APPLAUSE)".
fn is_stage_direction_end(before: &str) -> bool {
    // Stage directions are short; looking back a bounded stretch keeps a
    // text full of ')' linear.
    let mut window_start = before.len().saturating_sub(48);
    while !before.is_char_boundary(window_start) {
        window_start -= 1;
    }
    let inner = before[window_start..]
        .rsplit_once('(')
        .map(|(_, inner)| inner);
    inner.is_some_and(|inner| {
        let inner = inner.trim_end_matches(')');
        inner.chars().filter(|&c| scan::is_alphabetic(c)).count() >= 3
            && !inner.chars().any(char::is_lowercase)
    })
}

fn starts_capitalised(text: &str) -> bool {
    text.trim_start_matches(is_quote_or_bracket)
        .starts_with(char::is_uppercase)
}

fn push_trimmed(line: &str, range: Range<usize>, offset: usize, out: &mut Vec<Range<usize>>) {
    let piece = &line[range.clone()];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let start = offset + range.start + lead;
    out.push(start..start + trimmed.len());
}

/// Whether the UAX #29 cut between `before` and `after` ends a sentence.
fn is_real_boundary(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    // The next word with a letter or digit in it: dashes and quotes before
    // it ("period. - it was") do not start a sentence by themselves.
    let next_word = scan::words(after)
        .take(4)
        .find(|w| w.contains(scan::is_alphanumeric))
        .unwrap_or("");
    let Some(next_first) = next_word.chars().find(|&c| scan::is_alphanumeric(c)) else {
        return true;
    };
    if next_first.is_lowercase() {
        // `"Why?" he asked.` and "Mr. smith" alike: a sentence does not
        // start in lower case in edited text.
        return false;
    }
    if before.ends_with("...") || before.ends_with('…') {
        // An ellipsis inside a sentence marks omitted words ("to... Russia");
        // one that trails off is followed by a word that starts sentences.
        return starts_sentence(next_word);
    }
    let Some(last_word) = before.split_whitespace().next_back() else {
        return true;
    };
    let last_word = last_word.trim_start_matches(|c: char| is_quote_or_bracket(c));
    let Some(stem) = last_word.strip_suffix('.') else {
        return true;
    };
    !is_abbreviation(stem, next_word)
}

fn is_quote_or_bracket(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '(' | '[' | ')' | ']'
    )
}

/// Titles that are always followed by a name.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "rev", "fr", "pres", "supt", "insp", "hon", "messrs", "mt", "ft",
    "vs", "v", "jr", "sr",
];

/// Abbreviations that are followed by a number ("Jan. 5", "No. 10").
const BEFORE_NUMBERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "art", "sec", "vol", "p", "pp", "fig", "ch", "para", "approx", "est", "ca",
];

/// Words that begin sentences, so that "... in the U.S. The next day" is cut.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "so",
    "in",
    "on",
    "at",
    "for",
    "as",
    "if",
    "when",
    "while",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "what",
    "why",
    "how",
    "who",
    "after",
    "before",
    "since",
    "meanwhile",
    "however",
    "yet",
    "still",
    "now",
    "then",
    "last",
    "one",
    "sure",
    "well",
    "yes",
    "no",
    "okay",
    "ok",
    "look",
    "let",
    "let's",
    "because",
    "is",
    "are",
    "do",
    "does",
    "will",
    "can",
    "thank",
    "thanks",
    "i'm",
    "it's",
    "that's",
    "we're",
    "they're",
    "you're",
    "he's",
    "she's",
    "there's",
    "here's",
    "what's",
    "not",
    "where",
    "which",
];

fn is_abbreviation(stem: &str, next_word: &str) -> bool {
    let listed = |list: &[&str]| list.iter().any(|entry| entry.eq_ignore_ascii_case(stem));
    if listed(TITLES) {
        return true;
    }
    if listed(BEFORE_NUMBERS) {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    // Initials and dotted acronyms: "J. Smith", "U.S. officials", "U.N.".
    let letters = stem.chars().filter(|c| *c != '.');
    let all_capitals = letters.clone().all(char::is_uppercase);
    let count = letters.count();
    let dotted_acronym = stem.contains('.')
        && count <= 4
        && all_capitals
        && stem.split('.').all(|part| part.chars().count() == 1);
    let initial = count == 1 && all_capitals;
    if dotted_acronym || initial {
        return !starts_sentence(next_word);
    }
    false
}

/// Whether `word` is one of [`SENTENCE_STARTERS`], ignoring case, the
/// punctuation around it and the kind of apostrophe.
fn starts_sentence(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !scan::is_alphanumeric(c));
    SENTENCE_STARTERS.iter().any(|starter| {
        let mut given = word.chars().map(|c| match c {
            '’' => '\'',
            c => c.to_ascii_lowercase(),
        });
        starter.chars().all(|s| given.next() == Some(s)) && given.next().is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_the_prefilter_skips_never_end_a_sentence() {
        let text = "Mr. Smith said \"no.\" Then (APPLAUSE) We left-- Will you? \
                    It rose 5. 6 more came… and U.S. officials — she said — agreed. Done";
        for (at, c) in text.char_indices().skip(1) {
            let p = text[..at].chars().next_back().unwrap();
            if c.is_whitespace() && !p.is_whitespace() && !may_end_sentence(p) {
                assert!(!ends_sentence(&text[..at], &text[at..]), "{at}");
            }
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_plain_sentences_and_trims_them() {
        assert_eq!(
            texts("  The sky is blue.  Grass is green! Is it?  "),
            vec!["The sky is blue.", "Grass is green!", "Is it?"]
        );
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            texts("Mr. Brown met Dr. Gray and Sen. Ortiz. They talked."),
            vec!["Mr. Brown met Dr. Gray and Sen. Ortiz.", "They talked."]
        );
    }

    #[test]
    fn dotted_acronyms_and_initials_do_not_end_sentences() {
        assert_eq!(
            texts("U.S. Army units and J. R. Tolkien fans left the U.S. The talks ended."),
            vec![
                "U.S. Army units and J. R. Tolkien fans left the U.S.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn months_and_numbers_keep_their_abbreviations() {
        assert_eq!(
            texts("It began on Jan. 5 with Resolution No. 12 passing. Then it stopped."),
            vec![
                "It began on Jan. 5 with Resolution No. 12 passing.",
                "Then it stopped."
            ]
        );
    }

    #[test]
    fn decimals_and_thousands_are_not_boundaries() {
        assert_eq!(
            texts("Prices rose 3.1% to $1,500.25 a tonne. Sales fell."),
            vec!["Prices rose 3.1% to $1,500.25 a tonne.", "Sales fell."]
        );
    }

    #[test]
    fn an_ellipsis_inside_a_sentence_is_not_a_boundary() {
        assert_eq!(
            texts("We will go from the border to... Paris if asked. Fine… Rome too."),
            vec![
                "We will go from the border to... Paris if asked.",
                "Fine… Rome too."
            ]
        );
    }

    #[test]
    fn an_ellipsis_that_trails_off_before_a_new_sentence_is_a_boundary() {
        assert_eq!(
            texts("He was going to say... I stopped him. And then ... We left."),
            vec![
                "He was going to say...",
                "I stopped him.",
                "And then ...",
                "We left."
            ]
        );
    }

    #[test]
    fn a_number_after_a_full_stop_starts_a_sentence() {
        assert_eq!(
            texts("The report was wrong. 12,000 people came, see No. 4 and p. 7."),
            vec![
                "The report was wrong.",
                "12,000 people came, see No. 4 and p. 7."
            ]
        );
    }

    #[test]
    fn interruptions_and_stage_directions_end_sentences() {
        assert_eq!(
            texts("We funded the plan-- Do you agree? (APPLAUSE) (LAUGHTER) Thank you. I-- I know. A well-known - and old - idea."),
            vec![
                "We funded the plan--",
                "Do you agree?",
                "(APPLAUSE)",
                "(LAUGHTER)",
                "Thank you.",
                "I-- I know.",
                "A well-known - and old - idea."
            ]
        );
    }

    #[test]
    fn closing_quotes_belong_to_their_sentence() {
        assert_eq!(
            texts("She said, \"We are ready.\" He left. “Really?” he asked. 'No.' Done."),
            vec![
                "She said, \"We are ready.\"",
                "He left.",
                "“Really?” he asked.",
                "'No.'",
                "Done."
            ]
        );
    }

    #[test]
    fn a_newline_always_ends_a_sentence() {
        assert_eq!(
            texts("A headline without a stop\nBody text, still going\n\nNext line."),
            vec![
                "A headline without a stop",
                "Body text, still going",
                "Next line."
            ]
        );
    }

    #[test]
    fn speaker_tags_at_line_start_are_left_out() {
        let text =
            "HOST: Welcome back. Our guest is here.\nSEN. O'NEIL: Thanks.\nNote: small print.";
        assert_eq!(
            texts(text),
            vec![
                "Welcome back.",
                "Our guest is here.",
                "Thanks.",
                "Note: small print."
            ]
        );
    }

    #[test]
    fn a_dash_or_quote_before_a_lower_case_word_does_not_start_a_sentence() {
        assert_eq!(
            texts("Care is a right - period. - it is, he said. \"And then?\" - we left. -- But Ann came."),
            vec![
                "Care is a right - period. - it is, he said.",
                "\"And then?\" - we left.",
                "-- But Ann came."
            ]
        );
    }

    #[test]
    fn a_list_number_before_a_figure_is_not_a_boundary() {
        assert_eq!(
            texts("See step 1. 2 cups of flour go in. It rose 9%. 12 people ate."),
            vec![
                "See step 1. 2 cups of flour go in.",
                "It rose 9%.",
                "12 people ate."
            ]
        );
    }

    #[test]
    fn a_transcript_turn_drops_its_tag_and_splits_at_its_stage_directions() {
        let text = "TAPPER: Welcome back (APPLAUSE) Let's begin.\nSYSTEM: (APPLAUSE)\nMR. RUBIO: I-- I agree. Thanks--\nSo?";
        assert_eq!(
            texts(text),
            vec![
                "Welcome back (APPLAUSE)",
                "Let's begin.",
                "(APPLAUSE)",
                "I-- I agree.",
                "Thanks--",
                "So?"
            ]
        );
    }

    #[test]
    fn ideographic_stops_end_sentences_without_a_space() {
        assert_eq!(
            texts("東京は大きい。大阪も。"),
            vec!["東京は大きい。", "大阪も。"]
        );
    }

    #[test]
    fn every_word_lands_in_exactly_one_sentence() {
        let text = "Mr. A. B. Smith (R-Texas) said... no. \"Yes!\" Then U.S. troops left Jan. 3, 2020.\n\n(LAUGHTER)";
        let ranges = sentences(text);
        for pair in ranges.windows(2) {
            assert!(pair[0].end < pair[1].start);
        }
        let kept: String = ranges.iter().map(|r| &text[r.clone()]).collect();
        let all: String = text.split_whitespace().collect();
        assert_eq!(kept.split_whitespace().collect::<String>(), all);
    }

    #[test]
    fn ranges_are_byte_ranges_on_char_boundaries() {
        let text = "Ça va. Él dijo «sí». 東京は大きい。";
        for range in sentences(text) {
            assert!(text.get(range).is_some());
        }
        assert_eq!(
            texts("Ça va. Él dijo «sí»."),
            vec!["Ça va.", "Él dijo «sí»."]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "\n\n",
            ". . .",
            "...",
            "A:",
            "A.",
            "?!\"'",
            "X: \u{0}\u{FFFD}",
        ] {
            for range in sentences(text) {
                assert!(text.get(range.clone()).is_some_and(|s| !s.is_empty()));
            }
        }
    }
}
