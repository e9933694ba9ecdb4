//! One reading of the text that every detector reads: its lines, its words
//! (each lower-cased once), its sentences and its paragraphs, computed in
//! one pass by [`Reading::new`] in [`super::annotate_with_markup`] and
//! handed to the detectors, so that none of them re-splits or re-lower-cases
//! what another already did.
//!
//! Everything is a byte range of the original text (the detectors' unit;
//! [`super::offsets`] converts at the public boundary), in text order:
//!
//! - a **line** runs between newlines (the newline excluded); a blank line
//!   has no words;
//! - a **word** is a run of non-white-space characters, as
//!   [`str::split_whitespace`] gives them (never across a line), with its
//!   lower-cased form ([`lower_case`]: `char::to_lowercase` character by
//!   character, the curly apostrophe made straight) kept in one buffer;
//! - a **sentence** is what [`super::segment`] cuts (a newline always ends
//!   one; a transcript's speaker tag is left out), with the words inside it;
//! - a **paragraph** is a run of non-blank lines.
//!
//! Who reads it today: the sentence splitter cuts its lines
//! ([`segment::sentences_of_line_at`]) and the claims' cues and n-grams read
//! each sentence's words ([`super::claims::score_read`]). Moving a detector
//! onto it: take `&Reading` where it took `&str`, read [`Reading::lines`]
//! instead of splitting on '\n', [`Reading::words_in_line`] or
//! [`Reading::words_of`] instead of `split_whitespace`, and
//! [`Reading::lower`] instead of lower-casing; then check that its outputs
//! are byte-identical on every dev document (or measure the change and
//! update the eval baseline). What the reading does not hold yet (a
//! line's trimmed range and speaker tag, word classes such as capitalised
//! or numeric, one lexicon look-up per word for every detector's lists) is
//! added here, once, when a detector needs it, never in the detector.
//!
//! ```
//! use article_annotator::analysis::reading::Reading;
//! let reading = Reading::new("HOST: Prices ROSE. Did they?\n\nYes.");
//! assert_eq!(reading.lines().len(), 3);
//! let first = &reading.sentences()[0];
//! assert_eq!(&reading.text()[first.range.clone()], "Prices ROSE.");
//! let lower: Vec<&str> = reading.words_of(first).unwrap().iter().map(|w| reading.lower(w)).collect();
//! assert_eq!(lower, ["prices", "rose."]);
//! assert_eq!(reading.paragraphs(), [0..1, 2..3]);
//! ```

use super::stored_offset as offset;
use super::{scan, segment};
use std::ops::Range;

/// The text read once: see the module.
#[derive(Debug, Clone)]
pub struct Reading<'t> {
    text: &'t str,
    lines: Vec<Line>,
    words: Vec<Word>,
    /// The lower-cased forms of the words that differ from it, back to back.
    lower: String,
    /// For each of those words, in order: its start in the text and where
    /// its form starts in `lower` (it ends where the next one starts).
    lowered: Vec<(u32, u32)>,
    sentences: Vec<Sentence>,
    paragraphs: Vec<Range<usize>>,
}

/// A line: its byte range without the newline, and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub range: Range<usize>,
    /// Indices into [`Reading::words`]; empty for a blank line.
    pub words: Range<usize>,
}

/// The bit of [`Word`]'s start that says its lower-cased form differs
/// from it (offsets are below 2 GiB: [`super::MAX_TEXT_BYTES`]).
const DIFFERS: u32 = 1 << 31;

/// A word: its byte range in the text, and whether its lower-cased form
/// differs from it (then [`Reading::lower`] finds it by the word's start).
/// Eight bytes, since a text has about one word for every six of its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    start: u32,
    end: u32,
}

impl Word {
    /// Its byte range in the text.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end as usize
    }

    fn start(&self) -> usize {
        (self.start & !DIFFERS) as usize
    }
}

/// A sentence: its byte range (trimmed of white space) and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// Indices into [`Reading::words`]. None when a cut fell inside a word
    /// (an ideographic full stop needs no space after it: "大きい。大阪"),
    /// so the sentence's words are not whole words of the text; a reader
    /// then splits the sentence's own text.
    pub words: Option<Range<usize>>,
}

impl<'t> Reading<'t> {
    /// Reads `text`: lines and words in one pass, then sentences over the
    /// lines.
    pub fn new(text: &'t str) -> Reading<'t> {
        let mut lines = Vec::new();
        let mut words = Vec::with_capacity(text.len() / 5);
        let mut lower = String::new();
        let mut lowered = Vec::new();
        let mut start = 0;
        for raw in text.split('\n') {
            let first = words.len();
            for word in scan::words(raw) {
                let at = start + (word.as_ptr() as usize - raw.as_ptr() as usize);
                // Most words are lower-case ASCII already: they are their
                // own lower-cased form, and are not copied.
                let own_lower = word
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
                let mut start = offset(at);
                if !own_lower {
                    lowered.push((start, offset(lower.len())));
                    push_lower(word, &mut lower);
                    start |= DIFFERS;
                }
                words.push(Word {
                    start,
                    end: offset(at + word.len()),
                });
            }
            lines.push(Line {
                range: start..start + raw.len(),
                words: first..words.len(),
            });
            start += raw.len() + 1;
        }
        let sentences = sentences_of(text, &lines, &words);
        let paragraphs = paragraphs_of(&lines);
        Reading {
            text,
            lines,
            words,
            lower,
            lowered,
            sentences,
            paragraphs,
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Every line, blank ones included; a text has at least one.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// Every word of the text, in order.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// Every sentence, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Paragraphs as ranges of line indices: runs of non-blank lines.
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    /// The word as written.
    pub fn word(&self, word: &Word) -> &'t str {
        self.text.get(word.range()).unwrap_or_default()
    }

    /// The word lower-cased ([`lower_case`]).
    pub fn lower(&self, word: &Word) -> &str {
        if word.start & DIFFERS == 0 {
            return self.word(word);
        }
        let start = word.start & !DIFFERS;
        let Ok(k) = self.lowered.binary_search_by_key(&start, |&(at, _)| at) else {
            return self.word(word);
        };
        let from = self.lowered[k].1 as usize;
        let to = self
            .lowered
            .get(k + 1)
            .map_or(self.lower.len(), |&(_, next)| next as usize);
        self.lower.get(from..to).unwrap_or_default()
    }

    /// The words of `line`.
    pub fn words_in_line(&self, line: &Line) -> &[Word] {
        &self.words[line.words.clone()]
    }

    /// The words of `sentence`, or None when its ends cut words (see
    /// [`Sentence::words`]).
    pub fn words_of(&self, sentence: &Sentence) -> Option<&[Word]> {
        sentence.words.clone().map(|w| &self.words[w])
    }
}

/// `text` lower-cased as the detectors compare words: `char::to_lowercase`
/// on each character (so the result does not depend on where the text is
/// cut), the curly apostrophe (U+2019) made straight.
pub fn lower_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_lower(text, &mut out);
    out
}

pub(crate) fn push_lower(text: &str, out: &mut String) {
    if text.is_ascii() {
        let from = out.len();
        out.push_str(text);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c == '\u{2019}' {
            out.push('\'');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The sentences of every line ([`segment::sentences_of_line_at`]), each
/// with the words it holds: a two-pointer walk, since both are in order.
fn sentences_of(text: &str, lines: &[Line], words: &[Word]) -> Vec<Sentence> {
    let mut ranges = Vec::new();
    for line in lines {
        // With its newline, as the splitter has always seen a line.
        let end = (line.range.end + 1).min(text.len());
        segment::sentences_of_line_at(text, line.range.start..end, &mut ranges);
    }
    let mut next = 0;
    ranges
        .into_iter()
        .map(|range| {
            while words
                .get(next)
                .is_some_and(|w| (w.end as usize) <= range.start)
            {
                next += 1;
            }
            let first = next;
            let mut last = next;
            while words.get(last).is_some_and(|w| w.start() < range.end) {
                last += 1;
            }
            let whole = words.get(first).is_none_or(|w| w.start() >= range.start)
                && (last == first || words[last - 1].end as usize <= range.end);
            Sentence {
                words: whole.then_some(first..last),
                range,
            }
        })
        .collect()
}

fn paragraphs_of(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.words.is_empty(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: [&str; 8] = [
        "",
        "\n\n",
        "One. Two three.\n\n  Four   five\tsix.  \nHOST: Seven?",
        "Mr. Smith said \"no.\" Then (APPLAUSE) We left-- Will you? It rose 5. 6 more came…",
        "東京は大きい。大阪も。 Ça va. ÉTÉ İstanbul’s ΣΟΦΟΣ\u{a0}x\u{2003}y",
        "  lead\r\ncrlf line\r\n\u{85}next\u{b}tab",
        "(((( )) U.S. -- ... word [a](",
        "TAPPER: Welcome back (APPLAUSE) Let's begin.\nSYSTEM: (APPLAUSE)\nSo?",
    ];

    #[test]
    fn a_word_takes_eight_bytes() {
        // A text has a word for about every six bytes: see Word.
        assert_eq!(std::mem::size_of::<Word>(), 8);
    }

    #[test]
    fn sentences_are_the_splitters_own() {
        for text in SAMPLES {
            let reading = Reading::new(text);
            let ranges: Vec<Range<usize>> = reading
                .sentences()
                .iter()
                .map(|s| s.range.clone())
                .collect();
            assert_eq!(ranges, segment::sentences(text), "{text:?}");
        }
    }

    #[test]
    fn words_are_split_whitespace_and_lower_cased_one_by_one() {
        for text in SAMPLES {
            let reading = Reading::new(text);
            let words: Vec<&str> = reading.words().iter().map(|w| reading.word(w)).collect();
            assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
            for w in reading.words() {
                assert_eq!(reading.lower(w), lower_case(reading.word(w)));
            }
        }
        let reading = Reading::new("The Court’s RULING");
        let lower: Vec<&str> = reading.words().iter().map(|w| reading.lower(w)).collect();
        assert_eq!(lower, ["the", "court's", "ruling"]);
    }

    #[test]
    fn a_sentences_words_are_those_inside_it() {
        for text in SAMPLES {
            let reading = Reading::new(text);
            for sentence in reading.sentences() {
                let own: Vec<&str> = scan::words(&text[sentence.range.clone()]).collect();
                match reading.words_of(sentence) {
                    Some(words) => {
                        let read: Vec<&str> = words.iter().map(|w| reading.word(w)).collect();
                        assert_eq!(read, own, "{text:?}");
                    }
                    // Only an ideographic stop cuts inside a word.
                    None => assert!(text[sentence.range.clone()].contains('。')),
                }
            }
        }
    }

    #[test]
    fn lines_and_paragraphs() {
        let reading = Reading::new("a b\n \nc\nd\n");
        let lines: Vec<&str> = reading
            .lines()
            .iter()
            .map(|l| &reading.text()[l.range.clone()])
            .collect();
        assert_eq!(lines, ["a b", " ", "c", "d", ""]);
        assert_eq!(reading.words_in_line(&reading.lines()[0]).len(), 2);
        assert_eq!(reading.paragraphs(), [0..1, 2..4]);
    }
}
