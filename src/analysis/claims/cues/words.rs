//! A sentence as the cues read it: lower-case words with their end
//! punctuation stripped, each tagged with the [`List`]s it belongs to, and
//! the questions the cues ask of them (is word `i` in a list, which entry of
//! a list comes first, does a phrase occur). One view, built once per
//! sentence, so that no cue lower-cases, splits or looks up words again.

use super::lists::{lexicon, List};
use crate::analysis::scan;

/// The sentence as lower-case words, punctuation stripped from their ends
/// (so that "Court," is "court"), curly apostrophes made straight, each with
/// the lists whose entries it starts and those it is a whole entry of. The
/// words are slices of one lower-cased copy of the sentence.
pub(super) struct Words<'a> {
    words: Vec<&'a str>,
    lists: Vec<(u64, u64)>,
    /// The union of `lists`: a list no word touches needs no scan.
    any: (u64, u64),
}

/// The sentence lower-cased, with curly apostrophes made straight: the
/// reading's lower-casing, so that words read from it are the same.
pub(super) use crate::analysis::reading::lower_case;

impl<'a> Words<'a> {
    pub(super) fn new(lower: &'a str) -> Words<'a> {
        Words::of_lowered(scan::words(lower))
    }

    /// From the sentence's words, each already lower-cased by [`lower_case`]
    /// (the text's [`crate::analysis::reading::Reading`] holds them).
    pub(super) fn of_lowered(lowered: impl Iterator<Item = &'a str>) -> Words<'a> {
        let words: Vec<&str> = lowered
            .map(|w| w.trim_matches(|c: char| !scan::is_alphanumeric(c)))
            .filter(|w| !w.is_empty())
            .collect();
        let lexicon = lexicon();
        let lists: Vec<(u64, u64)> = words
            .iter()
            .map(|w| lexicon.get(w).copied().unwrap_or_default())
            .collect();
        let any = lists
            .iter()
            .fold((0, 0), |any, bits| (any.0 | bits.0, any.1 | bits.1));
        Words { words, lists, any }
    }

    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    pub(super) fn get(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Whether word `i` is a one-word entry of `list` (or starts one).
    pub(super) fn is(&self, i: usize, list: List) -> bool {
        self.lists
            .get(i)
            .is_some_and(|bits| bits.0 & list.bit() != 0)
    }

    /// Whether word `i` is exactly a one-word entry of `list`.
    pub(super) fn first_of_at(&self, i: usize, list: List) -> bool {
        self.lists
            .get(i)
            .is_some_and(|bits| bits.1 & list.bit() != 0)
    }

    /// The first word that is in `list`.
    pub(super) fn first_of(&self, list: List) -> Option<&str> {
        if self.any.1 & list.bit() == 0 {
            return None;
        }
        (0..self.len())
            .find(|&i| self.first_of_at(i, list))
            .map(|i| self.get(i))
    }

    /// The first entry of `list` (words separated by single spaces) that
    /// the sentence contains, in the sentence's order.
    pub(super) fn first_phrase(&self, list: List) -> Option<&'static str> {
        if self.any.0 & list.bit() == 0 {
            return None;
        }
        (0..self.len()).filter(|&i| self.is(i, list)).find_map(|i| {
            list.entries()
                .iter()
                .find(|phrase| self.phrase_at(i, phrase))
                .copied()
        })
    }

    /// Whether the sentence holds `phrase`, an entry of [`List::Phrases`]
    /// (so that a sentence without any of their first words is not
    /// scanned).
    pub(super) fn has_phrase(&self, phrase: &str) -> bool {
        debug_assert!(List::Phrases.entries().contains(&phrase));
        if self.any.0 & List::Phrases.bit() == 0 {
            return false;
        }
        (0..self.len()).any(|i| self.phrase_at(i, phrase))
    }

    /// Whether the words from `i` on spell `phrase`, compared byte-wise
    /// without splitting the phrase: this runs for every word and entry.
    pub(super) fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        let mut rest = phrase.as_bytes();
        for k in i.. {
            let Some(after) = rest.strip_prefix(self.get(k).as_bytes()) else {
                return false;
            };
            match after.split_first() {
                None => return k < self.len(),
                Some((b' ', tail)) => rest = tail,
                Some(_) => return false,
            }
        }
        false
    }

    pub(super) fn starts_with_any(&self, list: List) -> bool {
        self.is(0, list)
            && list
                .entries()
                .iter()
                .any(|phrase| self.phrase_at(0, phrase))
    }

    /// Whether some word satisfies `first` and the next one `second`.
    pub(super) fn pair(
        &self,
        first: impl Fn(usize) -> bool,
        second: impl Fn(usize) -> bool,
    ) -> bool {
        (1..self.len()).any(|i| first(i - 1) && second(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_cased_and_stripped_of_end_punctuation() {
        let lower = lower_case("The Court’s ruling, (finally) came.");
        let words = Words::new(&lower);
        let all: Vec<&str> = (0..words.len()).map(|i| words.get(i)).collect();
        assert_eq!(all, ["the", "court's", "ruling", "finally", "came"]);
        assert_eq!(words.get(99), "");
    }

    #[test]
    fn lists_and_phrases_are_found_in_order() {
        let lower = lower_case("According to the data, prices rose, experts said.");
        let words = Words::new(&lower);
        assert_eq!(words.first_phrase(List::Attributions), Some("according to"));
        assert_eq!(words.first_of(List::Reporting), Some("said"));
        assert!(words.phrase_at(0, "according to"));
        assert!(!words.phrase_at(1, "according to"));
        assert!(words.first_of(List::Greetings).is_none());
        assert!(words.pair(|i| words.get(i) == "prices", |i| words.get(i) == "rose"));
    }
}
