//! The boilerplate phrase lexicon: phrases that mark a line as page furniture
//! ("Subscribe", "Tous droits réservés", "Читайте также"), in several
//! languages, loaded from `lexicon.txt` so that adding a phrase is a data edit.
//!
//! Matching works on whole lowercase words, so "share" matches "Share this"
//! but not "shareholders", and a lookup costs a hash probe per word.

use super::reason::Reason;
use crate::analysis::fnv::FnvMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("lexicon.txt");

/// One phrase of the lexicon as a word sequence.
#[derive(Debug)]
struct Phrase {
    words: Vec<String>,
    /// The last word matches any word starting with it.
    last_is_prefix: bool,
    /// Index into [`Lexicon::sections`].
    section: usize,
}

/// The parsed lexicon: phrases indexed by their first word.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// (reason, weight of a line that is only one of the section's phrases).
    sections: Vec<(Reason, f32)>,
    by_first_word: FnvMap<String, Vec<Phrase>>,
    /// Single-word phrases ending in `*`: matched by prefix.
    prefixes: Vec<Phrase>,
}

/// A phrase found in a line: which reason, and which words it covered.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub reason: Reason,
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

/// The lowercase words of a line as [`words`] finds them, in one buffer
/// parted by single spaces, with where each ends: one allocation per line
/// instead of one per word, and four bytes a word rather than a slice's
/// sixteen (a book pasted as one line has millions). Each word is
/// lowercased on its own, exactly as [`words`] does (so context-dependent
/// mappings such as a final sigma agree).
#[derive(Debug, Clone, Default)]
pub struct LineWords {
    lower: String,
    ends: Vec<u32>,
}

impl LineWords {
    pub fn of(line: &str) -> LineWords {
        let mut words = LineWords {
            lower: String::with_capacity(line.len()),
            ends: Vec::new(),
        };
        for w in raw_words(line) {
            if !words.lower.is_empty() {
                words.lower.push(' ');
            }
            if w.is_ascii() {
                // Copy, then lowercase the bytes in place: no per-char pushes.
                let start = words.lower.len();
                words.lower.push_str(w);
                words.lower[start..].make_ascii_lowercase();
            } else {
                words.lower.push_str(&w.to_lowercase());
            }
            words
                .ends
                .push(u32::try_from(words.lower.len()).unwrap_or(u32::MAX));
        }
        words
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Word `i`, lower-cased.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        // Each word but the first follows a space.
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)? as usize + 1,
            None => 0,
        };
        self.lower.get(start..end)
    }

    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    pub fn contains(&self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }
}

/// How many words [`words`] finds in `line`, without building them.
pub fn count_words(line: &str) -> usize {
    raw_words(line).count()
}

impl Lexicon {
    /// The lexicon compiled into the crate, parsed once.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        // The lexicon is compiled in and `the_shipped_lexicon_loads` parses
        // it, so this cannot fail in a build that passed its tests.
        LEXICON.get_or_init(|| Lexicon::parse(DATA).expect("lexicon.txt loads"))
    }

    /// Parses the `@section|weight` / phrase-per-line format. A section no
    /// [`Reason`] names is an error (a renamed section would otherwise
    /// silently stop counting), and so is a weight that is not a number.
    pub fn parse(data: &str) -> Result<Lexicon, String> {
        let mut lexicon = Lexicon::default();
        for (number, raw) in data.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('@') {
                let (name, weight) = header.split_once('|').unwrap_or((header, "1"));
                let reason = Reason::of_section(name.trim()).ok_or_else(|| {
                    format!("line {}: unknown section '@{}'", number + 1, name.trim())
                })?;
                let weight = weight.trim().parse::<f32>().map_err(|_| {
                    format!("line {}: weight '{}' is not a number", number + 1, weight)
                })?;
                lexicon.sections.push((reason, weight));
                continue;
            }
            let Some(section) = lexicon.sections.len().checked_sub(1) else {
                return Err(format!("line {}: a phrase before any section", number + 1));
            };
            let last_is_prefix = line.ends_with('*');
            let words = words(line);
            let Some(first) = words.first().cloned() else {
                continue;
            };
            let phrase = Phrase {
                words,
                last_is_prefix,
                section,
            };
            if last_is_prefix && phrase.words.len() == 1 {
                lexicon.prefixes.push(phrase);
            } else {
                lexicon.by_first_word.entry(first).or_default().push(phrase);
            }
        }
        Ok(lexicon)
    }

    /// Every phrase occurrence among `words` (as [`words`] returns them).
    pub fn hits(&'static self, words: &LineWords) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (i, word) in words.iter().enumerate() {
            if let Some(phrases) = self.by_first_word.get(word) {
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

    fn matches_at(&self, phrase: &Phrase, words: &LineWords, at: usize) -> bool {
        if at + phrase.words.len() > words.len() {
            return false;
        }
        let last = phrase.words.len() - 1;
        phrase.words.iter().enumerate().all(|(k, p)| {
            let w = words.get(at + k).unwrap_or_default();
            if k == last && phrase.last_is_prefix {
                w.starts_with(p.as_str())
            } else {
                p == w
            }
        })
    }

    fn hit(&'static self, phrase: &Phrase, at: usize) -> Hit {
        let (reason, weight) = self.sections[phrase.section];
        Hit {
            reason,
            weight,
            first_word: at,
            words: phrase.words.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(line: &str) -> Vec<Reason> {
        Lexicon::get()
            .hits(&LineWords::of(line))
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
    fn line_words_agree_with_words() {
        for line in [
            "Read MORE: ça va!",
            "  —  ",
            "",
            "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑΣ, İSTANBUL’DA — Straße 12b",
            "Читайте также: «Новости» 2031",
        ] {
            let lower = LineWords::of(line);
            let read: Vec<&str> = lower.iter().collect();
            assert_eq!(read, words(line), "{line:?}");
            assert_eq!(lower.len(), count_words(line), "{line:?}");
            assert_eq!(lower.first(), read.first().copied(), "{line:?}");
            assert_eq!(lower.get(read.len()), None, "{line:?}");
        }
    }

    #[test]
    fn finds_phrases_in_several_languages() {
        assert!(reasons("Sign up for our daily briefing").contains(&Reason::NewsletterPrompt));
        assert!(reasons("Tous droits réservés").contains(&Reason::CopyrightPhrase));
        assert!(reasons("Alle Rechte vorbehalten 2031").contains(&Reason::CopyrightPhrase));
        assert!(reasons("Lee también: otra noticia").contains(&Reason::ReadMore));
        assert!(reasons("Leggi anche").contains(&Reason::ReadMore));
        assert!(reasons("Leia também").contains(&Reason::ReadMore));
        assert!(reasons("Lees ook dit verhaal").contains(&Reason::ReadMore));
        assert!(reasons("Czytaj także").contains(&Reason::ReadMore));
        assert!(reasons("Читайте также").contains(&Reason::ReadMore));
        assert!(reasons("Faites un don").contains(&Reason::DonationAppeal));
    }

    #[test]
    fn matches_whole_words_only_except_marked_prefixes() {
        assert!(reasons("Shareholders approved the merger").is_empty());
        assert!(reasons("Subscribers get early access").contains(&Reason::NewsletterPrompt));
    }

    #[test]
    fn the_shipped_lexicon_loads() {
        let lexicon = Lexicon::parse(DATA).expect("lexicon.txt loads");
        assert!(lexicon.sections.len() >= 17);
    }

    #[test]
    fn unknown_sections_and_bad_weights_are_load_errors() {
        let lexicon = Lexicon::parse("@share line\nfoo bar\n\n@caption|2\n*\n").unwrap();
        assert_eq!(lexicon.sections.len(), 2);
        assert_eq!(lexicon.sections[0], (Reason::ShareLine, 1.0));
        assert!(lexicon.by_first_word.contains_key("foo"));
        for (bad, says) in [
            ("@captions|3\nphoto", "unknown section '@captions'"),
            ("@caption|heavy\nphoto", "not a number"),
            ("orphan\n@caption\nphoto", "before any section"),
        ] {
            let error = Lexicon::parse(bad).unwrap_err();
            assert!(error.contains(says), "{bad:?}: {error}");
        }
    }
}
