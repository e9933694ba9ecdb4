//! The boilerplate phrase lexicon: phrases that mark a line as page furniture
//! ("Subscribe", "Tous droits réservés", "Читайте также"), in several
//! languages, loaded from `lexicon.txt` so that adding a phrase is a data edit.
//!
//! Matching works on whole lowercase words, so "share" matches "Share this"
//! but not "shareholders", and a lookup costs a hash probe per word.

use crate::analysis::fnv::FnvMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("lexicon.txt");

/// One phrase of the lexicon as a word sequence.
#[derive(Debug)]
struct Phrase {
    words: Vec<String>,
    /// The last word matches any word starting with it.
    last_is_prefix: bool,
    reason: usize,
}

/// The parsed lexicon: phrases indexed by their first word.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// (reason shown to the user, weight of a line that is only this phrase).
    reasons: Vec<(String, f32)>,
    by_first_word: FnvMap<String, Vec<Phrase>>,
    /// Single-word phrases ending in `*`: matched by prefix.
    prefixes: Vec<Phrase>,
}

/// A phrase found in a line: which reason, and which words it covered.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub reason: &'static str,
    pub weight: f32,
    pub first_word: usize,
    pub words: usize,
}

/// The maximal runs of letters and digits in `line`, as written: the words
/// that [`words`], [`lowercase_words`] and [`count_words`] all see.
fn raw_words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !crate::analysis::scan::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
}

/// Lowercase words of `line`: maximal runs of letters and digits.
pub fn words(line: &str) -> Vec<String> {
    raw_words(line)
        .map(|w| {
            // Most words are ASCII, whose lowercasing needs no tables.
            if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                w.to_lowercase()
            }
        })
        .collect()
}

/// The lowercase words of `line` as [`words`] finds them, in one buffer
/// parted by single spaces: one allocation per line instead of one per word.
/// Each word is lowercased on its own, exactly as [`words`] does (so
/// context-dependent mappings such as a final sigma agree); lowercasing
/// never yields a space, so [`word_slices`] recovers the words.
pub fn lowercase_words(line: &str) -> String {
    let mut lower = String::with_capacity(line.len());
    for w in raw_words(line) {
        if !lower.is_empty() {
            lower.push(' ');
        }
        if w.is_ascii() {
            // Copy, then lowercase the bytes in place: no per-char pushes.
            let start = lower.len();
            lower.push_str(w);
            lower[start..].make_ascii_lowercase();
        } else {
            lower.push_str(&w.to_lowercase());
        }
    }
    lower
}

/// The words of a [`lowercase_words`] buffer, borrowed from it.
pub fn word_slices(lower: &str) -> Vec<&str> {
    lower.split(' ').filter(|w| !w.is_empty()).collect()
}

/// How many words [`words`] finds in `line`, without building them.
pub fn count_words(line: &str) -> usize {
    raw_words(line).count()
}

impl Lexicon {
    /// The lexicon compiled into the crate, parsed once.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(DATA))
    }

    /// Parses the `@reason|weight` / phrase-per-line format; malformed
    /// headers fall back to weight 1 rather than failing.
    pub fn parse(data: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for raw in data.lines() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('@') {
                let (name, weight) = header.split_once('|').unwrap_or((header, "1"));
                let weight = weight.trim().parse::<f32>().unwrap_or(1.0);
                lexicon.reasons.push((name.trim().to_string(), weight));
                continue;
            }
            let Some(reason) = lexicon.reasons.len().checked_sub(1) else {
                continue; // a phrase before any header has no reason to give
            };
            let last_is_prefix = line.ends_with('*');
            let words = words(line);
            let Some(first) = words.first().cloned() else {
                continue;
            };
            let phrase = Phrase {
                words,
                last_is_prefix,
                reason,
            };
            if last_is_prefix && phrase.words.len() == 1 {
                lexicon.prefixes.push(phrase);
            } else {
                lexicon.by_first_word.entry(first).or_default().push(phrase);
            }
        }
        lexicon
    }

    /// Every phrase occurrence among `words` (as [`words`] returns them).
    pub fn hits(&'static self, words: &[&str]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (i, word) in words.iter().enumerate() {
            if let Some(phrases) = self.by_first_word.get(*word) {
                for phrase in phrases {
                    if self.matches_at(phrase, words, i) {
                        hits.push(self.hit(phrase, i));
                    }
                }
            }
            for phrase in &self.prefixes {
                if word.starts_with(phrase.words[0].as_str()) {
                    hits.push(self.hit(phrase, i));
                }
            }
        }
        hits
    }

    fn matches_at(&self, phrase: &Phrase, words: &[&str], at: usize) -> bool {
        let Some(window) = words.get(at..at + phrase.words.len()) else {
            return false;
        };
        let last = phrase.words.len() - 1;
        phrase
            .words
            .iter()
            .zip(window)
            .enumerate()
            .all(|(k, (p, w))| {
                if k == last && phrase.last_is_prefix {
                    w.starts_with(p.as_str())
                } else {
                    p == *w
                }
            })
    }

    fn hit(&'static self, phrase: &Phrase, at: usize) -> Hit {
        let (reason, weight) = &self.reasons[phrase.reason];
        Hit {
            reason: reason.as_str(),
            weight: *weight,
            first_word: at,
            words: phrase.words.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(line: &str) -> Vec<&'static str> {
        let lower = lowercase_words(line);
        Lexicon::get()
            .hits(&word_slices(&lower))
            .into_iter()
            .map(|h| h.reason)
            .collect()
    }

    #[test]
    fn words_are_lowercase_alphanumeric_runs() {
        assert_eq!(words("Read MORE: ça va!"), vec!["read", "more", "ça", "va"]);
        assert!(words("  —  ").is_empty());
    }

    #[test]
    fn word_slices_agree_with_words() {
        for line in [
            "Read MORE: ça va!",
            "  —  ",
            "",
            "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑΣ, İSTANBUL’DA — Straße 12b",
            "Читайте также: «Новости» 2031",
        ] {
            let lower = lowercase_words(line);
            assert_eq!(word_slices(&lower), words(line), "{line:?}");
        }
    }

    #[test]
    fn finds_phrases_in_several_languages() {
        assert!(reasons("Sign up for our daily briefing").contains(&"newsletter prompt"));
        assert!(reasons("Tous droits réservés").contains(&"copyright"));
        assert!(reasons("Alle Rechte vorbehalten 2031").contains(&"copyright"));
        assert!(reasons("Lee también: otra noticia").contains(&"read more link"));
        assert!(reasons("Leggi anche").contains(&"read more link"));
        assert!(reasons("Leia também").contains(&"read more link"));
        assert!(reasons("Lees ook dit verhaal").contains(&"read more link"));
        assert!(reasons("Czytaj także").contains(&"read more link"));
        assert!(reasons("Читайте также").contains(&"read more link"));
        assert!(reasons("Faites un don").contains(&"donation appeal"));
    }

    #[test]
    fn matches_whole_words_only_except_marked_prefixes() {
        assert!(reasons("Shareholders approved the merger").is_empty());
        assert!(reasons("Subscribers get early access").contains(&"newsletter prompt"));
    }

    #[test]
    fn parse_tolerates_odd_input() {
        let lexicon = Lexicon::parse("orphan\n@x\nfoo bar\n@y|oops\n\n*\n");
        assert_eq!(lexicon.reasons.len(), 2);
        assert_eq!(lexicon.reasons[1].1, 1.0);
        assert!(lexicon.by_first_word.contains_key("foo"));
    }
}
