//! Sentence segmentation for news text and transcripts.
//!
//! A newline always ends a sentence: news paragraphs and transcript turns are
//! lines. Inside a line, Unicode's sentence boundaries (UAX #29, through
//! `unicode-segmentation`) propose the cuts, and a few honest rules veto the
//! ones that real news text gets wrong: abbreviations and initials ("Mr.",
//! "U.S.", "Jan. 5"), ellipses inside a sentence ("to... Russia"), and a
//! question or exclamation mark followed by a lower-case word (`"Why?" he
//! asked`). A speaker tag at the start of a transcript line ("TAPPER:") is
//! not part of the first sentence.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Sentences of `text` as byte ranges, trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body_start = line_start + speaker_tag_len(line);
        let body = &text[body_start..line_start + line.len()];
        sentences_of_line(body, body_start, &mut out);
        line_start += line.len();
    }
    out
}

/// Length in bytes of a transcript speaker tag ("TAPPER: ", "SEN. WARREN: ")
/// at the start of `line`, or 0.
pub fn speaker_tag_len(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let Some(colon) = rest.find(':') else {
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

/// Splits one line (no newline inside except a trailing one) into sentences.
fn sentences_of_line(line: &str, offset: usize, out: &mut Vec<Range<usize>>) {
    let mut current: Option<Range<usize>> = None;
    for (start, end, forced) in pieces(line) {
        current = match current {
            Some(open) if !forced && !is_real_boundary(&line[open.clone()], &line[start..]) => {
                Some(open.start..end)
            }
            Some(done) => {
                push_trimmed(line, done, offset, out);
                Some(start..end)
            }
            None => Some(start..end),
        };
    }
    if let Some(last) = current {
        push_trimmed(line, last, offset, out);
    }
}

/// UAX #29 sentence pieces of `line`, each further cut where transcripts end
/// a sentence that UAX #29 does not see. The flag says the cut before the
/// piece is certain and must not be vetoed.
fn pieces(line: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for (start, piece) in line.split_sentence_bound_indices() {
        let mut from = 0;
        for cut in extra_cuts(piece) {
            out.push((start + from, start + cut, from > 0));
            from = cut;
        }
        out.push((start + from, start + piece.len(), from > 0));
    }
    out
}

/// Cuts inside one UAX #29 piece, as byte offsets into it, ascending:
/// - after a full stop followed by a number ("...a disaster. 14,000 died"),
///   which UAX #29 keeps together, unless the word is an abbreviation;
/// - after a word broken off by a dash and followed by a capital ("wind--
///   Will you"): an interruption in a transcript, unless "I" follows;
/// - after a stage direction in capitals ("(APPLAUSE) We are").
fn extra_cuts(piece: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|&(_, n)| n);
        if !next.is_some_and(char::is_whitespace) {
            continue;
        }
        let before = &piece[..at + c.len_utf8()];
        let after = piece[at + c.len_utf8()..].trim_start();
        let cut = match c {
            '.' => {
                let stem = before[..at]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .to_lowercase();
                after.starts_with(|d: char| d.is_ascii_digit())
                    // "to... 5" is an ellipsis; "step 1. 2" a list.
                    && !stem.ends_with('.')
                    && (stem.len() != 1 || !stem.ends_with(|d: char| d.is_ascii_digit()))
                    && !TITLES.contains(&stem.as_str())
                    && !BEFORE_NUMBERS.contains(&stem.as_str())
            }
            '-' | '—' | '–' => {
                let word = before.trim_end_matches(['-', '—', '–']);
                // "I-- I mean" is a false start inside one sentence.
                let next = after.split_whitespace().next().unwrap_or("");
                let pronoun_i = next == "I" || next.starts_with("I'") || next.starts_with("I’");
                word.ends_with(char::is_alphanumeric) && starts_capitalised(after) && !pronoun_i
            }
            ')' => {
                // Stage directions are short; looking back a bounded stretch
                // keeps a text full of ')' linear.
                let mut window_start = before.len().saturating_sub(48);
                while !before.is_char_boundary(window_start) {
                    window_start -= 1;
                }
                let inner = before[window_start..]
                    .rsplit_once('(')
                    .map(|(_, inner)| inner);
                inner.is_some_and(|inner| {
                    let inner = inner.trim_end_matches(')');
                    inner.chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && !inner.chars().any(char::is_lowercase)
                }) && starts_capitalised(after)
            }
            _ => false,
        };
        if cut {
            cuts.push(at + c.len_utf8());
        }
    }
    cuts
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
    let next_word = after.split_whitespace().next().unwrap_or("");
    let next_first = next_word
        .trim_start_matches(|c: char| is_quote_or_bracket(c))
        .chars()
        .next();
    let Some(next_first) = next_first else {
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
    let lower = stem.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    let next_is_number = next_word.starts_with(|c: char| c.is_ascii_digit());
    if BEFORE_NUMBERS.contains(&lower.as_str()) {
        return next_is_number;
    }
    // Initials and dotted acronyms: "J. Smith", "U.S. officials", "U.N.".
    let letters: Vec<char> = stem.chars().filter(|c| *c != '.').collect();
    let dotted_acronym = stem.contains('.')
        && letters.len() <= 4
        && letters.iter().all(|c| c.is_uppercase())
        && stem.split('.').all(|part| part.chars().count() == 1);
    let initial = letters.len() == 1 && letters[0].is_uppercase();
    if dotted_acronym || initial {
        return !starts_sentence(next_word);
    }
    false
}

fn starts_sentence(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .replace('’', "'")
        .to_lowercase();
    SENTENCE_STARTERS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

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
