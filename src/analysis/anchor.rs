//! Re-anchoring: finding where a saved annotation's words are in a text that
//! may have been edited since, as Hypothesis does with a W3C
//! `TextQuoteSelector` (exact + prefix + suffix) and a `TextPositionSelector`.
//!
//! The order of trust: the recorded position if the words are still there;
//! else the exact words where the surrounding context fits best; else an
//! approximate match (bounded edit distance) near where they used to be.
//! What none of these finds is an orphan, for the caller to list.
//!
//! All offsets here count code points.

use super::offsets::OffsetMap;

/// What is known of an annotation's target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Selector<'a> {
    pub exact: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
    /// The recorded `[start, end)`, if any.
    pub position: Option<(usize, usize)>,
}

/// How an annotation was found again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// The same words at the recorded position.
    Exact,
    /// The same words, elsewhere.
    Moved,
    /// Similar words; `similarity` is 1 − edit distance / length.
    Fuzzy { similarity: f32 },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub fit: Fit,
}

/// How much of the words may differ and still count as the same annotation.
const MAX_ERROR_RATE: f32 = 0.3;
/// Characters of context kept (in a `TextQuoteSelector`) and compared on
/// each side of an annotation.
pub const CONTEXT_CHARS: usize = 32;
/// Above this many DP cells, the whole-text fuzzy search is not attempted,
/// so a huge text cannot stall the page; the local search still runs.
const MAX_FUZZY_CELLS: usize = 40_000_000;

/// The [`CONTEXT_CHARS`] characters before and after `start..end` of
/// `chars` (the prefix and suffix of a `TextQuoteSelector`), the range
/// clamped to the text so saved offsets from anywhere cannot panic.
pub fn context_around(chars: &[char], start: usize, end: usize) -> (String, String) {
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    let prefix = chars[start.saturating_sub(CONTEXT_CHARS)..start]
        .iter()
        .collect();
    let suffix = chars[end..end.saturating_add(CONTEXT_CHARS).min(chars.len())]
        .iter()
        .collect();
    (prefix, suffix)
}

/// Finds `selector` in `text`, or `None` if it is an orphan.
pub fn anchor(text: &str, selector: &Selector<'_>) -> Option<Anchor> {
    let exact: Vec<char> = selector.exact.chars().collect();
    if exact.is_empty() || selector.exact.trim().is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();

    if let Some((start, end)) = selector.position {
        if end <= chars.len() && start < end && chars[start..end] == exact[..] {
            return Some(Anchor {
                start,
                end,
                fit: Fit::Exact,
            });
        }
    }

    let map = OffsetMap::new(text);
    let occurrences: Vec<usize> = text
        .match_indices(selector.exact)
        .map(|(byte, _)| map.char_of_byte(byte))
        .collect();
    if let Some(start) = best_by_context(&chars, &occurrences, exact.len(), selector) {
        return Some(Anchor {
            start,
            end: start + exact.len(),
            fit: Fit::Moved,
        });
    }

    fuzzy(&chars, &exact, selector)
}

/// Of several candidate starts, the one whose surroundings look most like
/// the recorded prefix and suffix, then the nearest to the recorded position.
fn best_by_context(
    chars: &[char],
    starts: &[usize],
    len: usize,
    selector: &Selector<'_>,
) -> Option<usize> {
    let prefix: Vec<char> = selector.prefix.chars().rev().take(CONTEXT_CHARS).collect();
    let suffix: Vec<char> = selector.suffix.chars().take(CONTEXT_CHARS).collect();
    let hint = selector.position.map_or(0, |(s, _)| s);
    starts.iter().copied().max_by(|&a, &b| {
        let key = |start: usize| {
            let before = chars[..start].iter().rev();
            let after = chars[(start + len).min(chars.len())..].iter();
            let context = common_run(before, &prefix) + common_run(after, &suffix);
            (context, std::cmp::Reverse(start.abs_diff(hint)))
        };
        key(a).cmp(&key(b))
    })
}

/// Length of the common leading run of `text` and `wanted`.
fn common_run<'a>(text: impl Iterator<Item = &'a char>, wanted: &[char]) -> usize {
    text.zip(wanted).take_while(|(a, b)| a == b).count()
}

/// Approximate search: first near the recorded position, then (if small
/// enough) the whole text.
fn fuzzy(chars: &[char], exact: &[char], selector: &Selector<'_>) -> Option<Anchor> {
    let max_errors = ((exact.len() as f32) * MAX_ERROR_RATE).floor() as usize;
    if max_errors == 0 {
        return None;
    }
    let slack = exact.len() + max_errors + 1000;
    let mut windows = Vec::new();
    if let Some((start, end)) = selector.position {
        // A recorded position may be anything an import hands us: clamp it.
        let from = start.saturating_sub(slack).min(chars.len());
        let to = end.saturating_add(slack).min(chars.len());
        if from < to {
            windows.push((from, to));
        }
    }
    if chars.len().saturating_mul(exact.len()) <= MAX_FUZZY_CELLS {
        windows.push((0, chars.len()));
    }
    windows.into_iter().find_map(|(from, to)| {
        let (start, end, errors) =
            best_approximate(&chars[from..to], exact, max_errors, selector, from)?;
        let similarity = 1.0 - errors as f32 / exact.len() as f32;
        let (start, end) = snap_to_words(chars, from + start, from + end, exact);
        Some(Anchor {
            start,
            end,
            fit: Fit::Fuzzy { similarity },
        })
    })
}

/// Widens an approximate match that starts or ends inside a word to the
/// whole word, and takes the closing punctuation the saved words ended with:
/// the fewest edits can stop at "a quar" where the text says "a quarter.".
fn snap_to_words(
    chars: &[char],
    mut start: usize,
    mut end: usize,
    exact: &[char],
) -> (usize, usize) {
    let word = |c: &char| c.is_alphanumeric();
    let inside_word = |at: usize| {
        at > 0 && chars.get(at - 1).is_some_and(word) && chars.get(at).is_some_and(word)
    };
    while inside_word(start) {
        start -= 1;
    }
    while inside_word(end) {
        end += 1;
    }
    if let Some(&closing) = exact.last().filter(|c| !word(c) && !c.is_whitespace()) {
        if chars.get(end) == Some(&closing) && end > 0 && chars.get(end - 1) != Some(&closing) {
            end += 1;
        }
    }
    (start, end)
}

/// Sellers' algorithm: the substring of `text` with the fewest edits from
/// `pattern`, at most `max_errors`; ties go to the better context, then the
/// nearer position. Returns `(start, end, errors)` within `text`.
fn best_approximate(
    text: &[char],
    pattern: &[char],
    max_errors: usize,
    selector: &Selector<'_>,
    offset: usize,
) -> Option<(usize, usize, usize)> {
    let m = pattern.len();
    // column[i]: edits to match pattern[..i] ending at the current text char.
    let mut column: Vec<usize> = (0..=m).collect();
    let mut ends: Vec<(usize, usize)> = Vec::new(); // (errors, end)
    for (j, &c) in text.iter().enumerate() {
        let mut diagonal = column[0]; // free start: column[0] stays 0
        for i in 1..=m {
            let above = column[i];
            let cost = usize::from(pattern[i - 1] != c);
            column[i] = (diagonal + cost).min(column[i - 1] + 1).min(above + 1);
            diagonal = above;
        }
        if column[m] <= max_errors {
            ends.push((column[m], j + 1));
        }
    }
    let fewest = ends.iter().map(|&(e, _)| e).min()?;
    let candidates: Vec<(usize, usize, usize)> = ends
        .into_iter()
        .filter(|&(e, _)| e == fewest)
        .map(|(errors, end)| (start_of_match(text, end, pattern), end, errors))
        .collect();
    let starts: Vec<usize> = candidates.iter().map(|c| c.0).collect();
    let local = Selector {
        position: selector
            .position
            .map(|(s, e)| (s.saturating_sub(offset), e.saturating_sub(offset))),
        ..*selector
    };
    let chosen = best_by_context(text, &starts, m, &local)?;
    candidates.into_iter().find(|c| c.0 == chosen)
}

/// Where the best match of `pattern` ending at `end` starts: an edit-distance
/// alignment of the reversed pattern against the text read backwards.
fn start_of_match(text: &[char], end: usize, pattern: &[char]) -> usize {
    let m = pattern.len();
    let reach = (2 * m).min(end);
    // row[j]: edits to match all of the reversed pattern read so far against
    // the j text chars before `end`.
    let mut row: Vec<usize> = (0..=reach).collect();
    for i in 1..=m {
        let p = pattern[m - i];
        let mut diagonal = row[0];
        row[0] = i;
        for j in 1..=reach {
            let above = row[j];
            let cost = usize::from(text[end - j] != p);
            row[j] = (diagonal + cost).min(row[j - 1] + 1).min(above + 1);
            diagonal = above;
        }
    }
    // Fewest edits; among equals, the span closest to the pattern's length.
    let best = (0..=reach)
        .min_by_key(|&j| (row[j], j.abs_diff(m)))
        .unwrap_or(m.min(end));
    end - best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel<'a>(
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
        position: Option<(usize, usize)>,
    ) -> Selector<'a> {
        Selector {
            exact,
            prefix,
            suffix,
            position,
        }
    }

    #[test]
    fn the_recorded_position_wins_when_the_words_are_still_there() {
        let text = "Cats purr. Cats purr.";
        let a = anchor(text, &sel("Cats purr.", "", "", Some((11, 21)))).unwrap();
        assert_eq!((a.start, a.end, a.fit), (11, 21, Fit::Exact));
    }

    #[test]
    fn moved_words_are_found_by_their_context() {
        let text = "New intro. One two. Alpha one two. Beta one two.";
        // "one two." was after "Beta " when saved; the position is stale.
        let a = anchor(text, &sel("one two.", "Beta ", "", Some((3, 11)))).unwrap();
        assert_eq!(a.fit, Fit::Moved);
        assert_eq!(&text[a.start..a.end], "one two.");
        assert_eq!(a.start, 40);
    }

    #[test]
    fn edited_words_anchor_approximately() {
        let saved = "More than 1,500 civilians are estimated to be still living there.";
        let text =
            "Intro line.\nMore than 2,000 civilians are thought to be still living there.\nEnd.";
        let a = anchor(text, &sel(saved, "Intro line.\n", "\nEnd.", Some((12, 78)))).unwrap();
        let found: String = text.chars().skip(a.start).take(a.end - a.start).collect();
        assert_eq!(
            found,
            "More than 2,000 civilians are thought to be still living there."
        );
        match a.fit {
            Fit::Fuzzy { similarity } => assert!(similarity > 0.8, "{similarity}"),
            other => panic!("expected a fuzzy fit, got {other:?}"),
        }
    }

    #[test]
    fn vanished_words_are_orphans() {
        let text = "A completely different article about gardening and tomatoes.";
        assert_eq!(
            anchor(
                text,
                &sel("Ukraine said Thursday it was ready", "", "", Some((0, 34)))
            ),
            None
        );
        assert_eq!(anchor(text, &sel("", "", "", None)), None);
        assert_eq!(anchor(text, &sel("x", "", "", Some((999, 9999)))), None);
    }

    #[test]
    fn context_is_32_chars_each_side_clamped_to_the_text() {
        let chars: Vec<char> = format!("{}abc{}", "x".repeat(40), "😀".repeat(40))
            .chars()
            .collect();
        let (prefix, suffix) = context_around(&chars, 40, 43);
        assert_eq!((prefix, suffix), ("x".repeat(32), "😀".repeat(32)));
        let (prefix, suffix) = context_around(&chars, 2, usize::MAX);
        assert_eq!((prefix.as_str(), suffix.as_str()), ("xx", ""));
        assert_eq!(
            context_around(&chars, usize::MAX, usize::MAX),
            ("😀".repeat(32), String::new())
        );
    }

    #[test]
    fn regression_a_position_far_past_the_end_does_not_panic() {
        // Found by tests/properties.rs: the local window started past the text.
        let far = Some((usize::MAX / 3 * 2, usize::MAX));
        assert_eq!(
            anchor("short text", &sel("something long enough", "", "", far)),
            None
        );
        let a = anchor("short text here", &sel("short text hare", "", "", far)).unwrap();
        assert_eq!((a.start, a.end), (0, 15));
    }

    #[test]
    fn offsets_count_code_points_with_astral_text() {
        let text = "😀😀 Привет, мир. Hello.";
        let a = anchor(text, &sel("Hello.", "мир. ", "", None)).unwrap();
        assert_eq!((a.start, a.end), (16, 22));
    }
}
