//! The text as the detectors read it: what a reader sees, without the
//! invisible characters that carry no words and with every line break a
//! line feed.
//!
//! A text can look like an ordinary article and still be a different string:
//! right-to-left marks around every line (copied from a bidirectional page),
//! soft hyphens and zero-width spaces inside words, a byte-order mark, lines
//! ended by a lone CR, U+2028 or NEL, emoji stuck to the end of every word.
//! The detectors reason about line starts, sentence ends, capitals and
//! words; each such character hides one of them, so the annotations of 30
//! real articles fell from 878 to 92 with RTL marks around their lines. The
//! analysis therefore runs on a cleaned copy, and every finding's byte range
//! is mapped back onto the caller's own text, so offsets still count the code
//! points the caller sent. A text with nothing to clean is borrowed as it is:
//! no copy, no edits.
//!
//! What is removed is invisible and says nothing: bidirectional marks,
//! embeddings and isolates, zero-width spaces and joiners, the word joiner,
//! soft hyphens, byte-order marks, variation selectors and tag characters;
//! and an emoji (with its modifiers) inside a line of words, as in
//! "said🔥 Thursday", "army.🔥" or "a 🔥 b" (with one of the two spaces around
//! it): decoration there, it splits words and sentences. An emoji before the
//! first word of its line stays: it is a bullet or an icon ("📧 Sign up"),
//! which the boilerplate detector may weigh. Letters, digits, punctuation,
//! spaces and quotation marks are never touched.
//!
//! Edits are kept as a sorted list, one per run of adjacent removed or
//! replaced characters, so mapping a finding back is a binary search and the
//! whole view is linear in the text.

use super::offsets::OffsetMap;
use super::{Finding, MarkupHint};
use std::borrow::Cow;
use std::ops::Range;

/// The cleaned text and how it maps back onto the original.
#[derive(Debug, Clone)]
pub struct VisibleText<'a> {
    text: Cow<'a, str>,
    /// Sorted by both `clean` and `original`; between two edits at least one
    /// byte is copied unchanged.
    edits: Vec<Edit>,
}

/// One run of removed or replaced characters: `original_len` bytes of the
/// original at `original` became `clean_len` bytes (0, or 1 for a line feed
/// or a space) at `clean`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Edit {
    clean: usize,
    original: usize,
    original_len: usize,
    clean_len: usize,
}

impl Edit {
    fn clean_end(&self) -> usize {
        self.clean + self.clean_len
    }
    fn original_end(&self) -> usize {
        self.original + self.original_len
    }
}

/// What becomes of one character of the original.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fate {
    Keep,
    Remove,
    Replace(u8),
}

impl<'a> VisibleText<'a> {
    /// The view of `original`: borrowed unchanged when there is nothing to clean.
    pub fn of(original: &'a str) -> Self {
        let mut cleaner = Cleaner {
            original,
            out: None,
            copied_from: 0,
            edits: Vec::new(),
        };
        cleaner.run();
        let Cleaner { out, edits, .. } = cleaner;
        VisibleText {
            text: out.map_or(Cow::Borrowed(original), |mut out| {
                out.shrink_to_fit();
                Cow::Owned(out)
            }),
            edits,
        }
    }

    /// The cleaned text the detectors read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the cleaned text is the original itself.
    pub fn is_unchanged(&self) -> bool {
        self.edits.is_empty()
    }

    /// The original byte range of a finding at `range` of the cleaned text:
    /// the start after any removed characters before it, the end before any
    /// removed after it, so a span never begins or ends on an invisible mark.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        if self.edits.is_empty() {
            return range;
        }
        let start = self.original_start(range.start);
        start..self.original_end(range.end).max(start)
    }

    /// The original byte where a span starting at cleaned byte `at` starts.
    pub fn original_start(&self, at: usize) -> usize {
        // The last edit starting at or before `at`.
        let next = self.edits.partition_point(|e| e.clean <= at);
        let Some(edit) = next.checked_sub(1).map(|i| self.edits[i]) else {
            return at;
        };
        if at < edit.clean_end() || (at == edit.clean && edit.clean_len > 0) {
            // At (or inside) a replacement: the replaced characters' start.
            edit.original
        } else {
            // Copied bytes after the edit (a removal is skipped).
            edit.original_end() + (at - edit.clean_end())
        }
    }

    /// The original byte where a span ending at cleaned byte `at` ends.
    pub fn original_end(&self, at: usize) -> usize {
        // The last edit ending at or before `at`, bytes copied since.
        let next = self.edits.partition_point(|e| e.clean < at);
        let Some(edit) = next.checked_sub(1).map(|i| self.edits[i]) else {
            return at;
        };
        if at <= edit.clean_end() {
            if edit.clean_len > 0 && at > edit.clean {
                edit.original_end()
            } else {
                // Only a removal ends here: the span stops before it.
                edit.original
            }
        } else {
            edit.original_end() + (at - edit.clean_end())
        }
    }

    /// Findings of the cleaned text moved onto the original: their ranges,
    /// their speakers' and the start of the finding they are a part of.
    pub fn findings_in_original(&self, mut findings: Vec<Finding>) -> Vec<Finding> {
        if self.edits.is_empty() {
            return findings;
        }
        for f in &mut findings {
            f.range = self.original_range(f.range.clone());
            if let Some(speaker) = &mut f.speaker {
                speaker.range = self.original_range(speaker.range.clone());
            }
            if let Some(first) = &mut f.part_of {
                *first = self.original_start(*first);
            }
        }
        findings
    }

    /// The cleaned byte of original byte `at`, rounding into an edit to the
    /// cleaned text's position there (its start for a start, its end for an end).
    fn clean_of_original(&self, at: usize, is_end: bool) -> usize {
        let next = self.edits.partition_point(|e| e.original <= at);
        let Some(edit) = next.checked_sub(1).map(|i| self.edits[i]) else {
            return at;
        };
        if at >= edit.original_end() {
            edit.clean_end() + (at - edit.original_end())
        } else if is_end && at > edit.original {
            edit.clean_end()
        } else {
            edit.clean
        }
    }

    /// Markup hints (code points of the original) in code points of the
    /// cleaned text, for the boilerplate detector.
    pub fn hints_in_view<'h>(
        &self,
        original: &str,
        hints: &'h [MarkupHint],
    ) -> Cow<'h, [MarkupHint]> {
        if self.edits.is_empty() || hints.is_empty() {
            return Cow::Borrowed(hints);
        }
        let from = OffsetMap::new(original);
        let to = OffsetMap::new(&self.text);
        let convert = |ch: usize, is_end: bool| {
            to.char_of_byte(self.clean_of_original(from.byte_of_char(ch), is_end))
        };
        Cow::Owned(
            hints
                .iter()
                .map(|h| MarkupHint {
                    start: convert(h.start, false),
                    end: convert(h.end, true),
                    ..h.clone()
                })
                .collect(),
        )
    }
}

/// Builds the cleaned text and its edits in one pass; the copy is made at
/// the first edit.
struct Cleaner<'a> {
    original: &'a str,
    out: Option<String>,
    /// Where the bytes not yet copied into `out` start.
    copied_from: usize,
    edits: Vec<Edit>,
}

impl Cleaner<'_> {
    fn run(&mut self) {
        let original = self.original;
        let bytes = original.as_bytes();
        let mut at = 0;
        // Whether the line so far has a word (a visible character that is
        // neither white space nor an emoji): an emoji after one is
        // decoration, one before any is a bullet or an icon.
        let mut line_has_words = false;
        // Whether the last visible character kept was a space or a tab.
        let mut after_space = false;
        while at < bytes.len() {
            let b = bytes[at];
            // ASCII other than CR, VT and FF is kept: skip it fast.
            if b.is_ascii() && !matches!(b, b'\r' | b'\x0b' | b'\x0c') {
                match b {
                    b'\n' => (line_has_words, after_space) = (false, false),
                    b' ' | b'\t' => after_space = true,
                    _ => (line_has_words, after_space) = (true, false),
                }
                at += 1;
                continue;
            }
            let rest = &original[at..];
            let c = rest.chars().next().unwrap_or('\u{fffd}');
            let (fate, len) = if c == '\r' && rest.as_bytes().get(1) == Some(&b'\n') {
                (Fate::Replace(b'\n'), 2)
            } else if is_line_break(c) {
                (Fate::Replace(b'\n'), c.len_utf8())
            } else if is_invisible(c) {
                (Fate::Remove, c.len_utf8())
            } else if is_emoji(c) && line_has_words {
                let mut len = emoji_cluster_len(rest);
                // Between two spaces, one goes with it: "a 🔥 b" reads "a b".
                if after_space && matches!(bytes.get(at + len), Some(b' ' | b'\t')) {
                    len += 1;
                }
                (Fate::Remove, len)
            } else {
                let len = if is_emoji(c) {
                    emoji_cluster_len(rest)
                } else {
                    c.len_utf8()
                };
                (Fate::Keep, len)
            };
            match fate {
                Fate::Replace(_) => (line_has_words, after_space) = (false, false),
                Fate::Remove => {}
                Fate::Keep if c.is_whitespace() => after_space = true,
                Fate::Keep if is_emoji(c) => after_space = false,
                Fate::Keep => (line_has_words, after_space) = (true, false),
            }
            if fate != Fate::Keep {
                self.record(at, len, fate);
            }
            at += len;
        }
        if let Some(out) = &mut self.out {
            out.push_str(&original[self.copied_from..]);
        }
    }

    /// Records `len` bytes of the original at `at` as removed or replaced,
    /// merging with an edit that ends right there.
    fn record(&mut self, at: usize, len: usize, fate: Fate) {
        let original = self.original;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(original.len()));
        out.push_str(&original[self.copied_from..at]);
        self.copied_from = at + len;
        let clean_len = match fate {
            Fate::Replace(byte) => {
                out.push(char::from(byte));
                1
            }
            _ => 0,
        };
        let clean = out.len() - clean_len;
        if let Some(last) = self.edits.last_mut() {
            // Two replacements in a row stay two ("\r\r" is two lines).
            if last.original_end() == at && (clean_len == 0 || last.clean_len == 0) {
                last.original_len += len;
                last.clean_len += clean_len;
                return;
            }
        }
        self.edits.push(Edit {
            clean,
            original: at,
            original_len: len,
            clean_len,
        });
    }
}

/// Line ends other than the line feed: CR (alone or before LF), vertical
/// tab, form feed, NEL, and the line and paragraph separators.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters with no glyph and no word in them. Bidirectional controls
/// (LRM, RLM, ALM, embeddings, overrides, isolates) only steer display
/// order; zero-width space, non-joiner and joiner, the word joiner and the
/// invisible operators, soft hyphens and BOMs only steer line breaking and
/// shaping; variation selectors and tags only pick a glyph's look.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{e0000}'..='\u{e007f}'
            | '\u{e0100}'..='\u{e01ef}'
    )
}

/// Pictographs drawn as emoji: the emoji planes and the older symbol
/// blocks (weather, hands, hearts, check marks). Dingbat quotation marks,
/// brackets and numbers (U+2758–U+2793) are not: they are punctuation.
fn is_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{1f000}'..='\u{1faff}'
            | '\u{2600}'..='\u{2757}'
            | '\u{2794}'..='\u{27bf}'
            | '\u{2b50}'
            | '\u{2b55}'
            | '\u{2b1b}'..='\u{2b1c}'
    )
}

/// Bytes of the emoji at the start of `rest` with what modifies it: skin
/// tones, variation selectors, tags, keycaps and joined (ZWJ) pictographs.
fn emoji_cluster_len(rest: &str) -> usize {
    let mut len = 0;
    let mut after_joiner = true;
    for c in rest.chars() {
        let part = if after_joiner {
            is_emoji(c)
        } else {
            matches!(
                c,
                '\u{1f3fb}'..='\u{1f3ff}'
                    | '\u{1f1e6}'..='\u{1f1ff}'
                    | '\u{20e3}'
                    | '\u{200d}'
                    | '\u{fe0e}'..='\u{fe0f}'
                    | '\u{e0020}'..='\u{e007f}'
            )
        };
        if !part {
            break;
        }
        after_joiner = c == '\u{200d}';
        len += c.len_utf8();
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The original slices of every cleaned range must read, once cleaned,
    /// as the cleaned slice (emoji aside: whether one ends a word depends on
    /// what follows it, which a slice may cut off): checked at every pair of
    /// char boundaries.
    fn assert_maps_back(original: &str) {
        let no_emoji = |s: &str| -> String {
            s.chars()
                .filter(|&c| !is_emoji(c) && emoji_cluster_len(&format!("😀{c}")) == 4)
                .collect()
        };
        let view = VisibleText::of(original);
        let clean = view.text();
        let bounds: Vec<usize> = clean
            .char_indices()
            .map(|(i, _)| i)
            .chain([clean.len()])
            .collect();
        for (k, &s) in bounds.iter().enumerate() {
            for &e in &bounds[k + 1..] {
                let r = view.original_range(s..e);
                assert!(
                    original.is_char_boundary(r.start) && original.is_char_boundary(r.end),
                    "{original:?} {s}..{e} -> {r:?}"
                );
                assert!(r.start < r.end, "{original:?} {s}..{e} -> {r:?}");
                let back = VisibleText::of(&original[r.clone()]);
                assert_eq!(
                    no_emoji(back.text()),
                    no_emoji(&clean[s..e]),
                    "{original:?} {s}..{e} -> {r:?}"
                );
            }
        }
    }

    #[test]
    fn clean_text_is_borrowed_with_no_edits() {
        let text = "“Quoted” — with a\u{a0}no-break space and é.\n😀 A bullet.\n\tIndented.";
        let view = VisibleText::of(text);
        assert!(matches!(view.text, Cow::Borrowed(t) if std::ptr::eq(t, text)));
        assert!(view.is_unchanged());
        assert_eq!(view.original_range(3..9), 3..9);
    }

    #[test]
    fn every_line_break_becomes_a_line_feed() {
        let view = VisibleText::of("a\r\nb\rc\u{2028}d\u{2029}e\u{85}f\u{b}g\u{c}h\r\r\ni");
        assert_eq!(view.text(), "a\nb\nc\nd\ne\nf\ng\nh\n\ni");
    }

    #[test]
    fn invisible_marks_are_removed_and_spans_skip_them() {
        let original =
            "\u{200f}Ukraine said.\u{200f}\n\u{200e}Moscow\u{ad}ite\u{200b} replied.\u{feff}";
        let view = VisibleText::of(original);
        assert_eq!(view.text(), "Ukraine said.\nMoscowite replied.");
        let said = view.text().find("Ukraine said.").unwrap();
        let r = view.original_range(said..said + "Ukraine said.".len());
        assert_eq!(&original[r], "Ukraine said.");
        let r = view.original_range(14..view.text().len());
        assert_eq!(&original[r], "Moscow\u{ad}ite\u{200b} replied.");
        assert_maps_back(original);
    }

    #[test]
    fn emoji_inside_lines_are_removed_leading_ones_kept() {
        let view = VisibleText::of(
            "📧 Sign up\nUkraine🔥 said👍🏽 it was ready.🇺🇦 Yes \u{1f468}\u{200d}\u{1f467} no 😀\n",
        );
        assert_eq!(
            view.text(),
            "📧 Sign up\nUkraine said it was ready. Yes no \n"
        );
        assert_maps_back("Ukraine🔥 said👍🏽 it was ready.🇺🇦\u{200f} Yes");
    }

    #[test]
    fn ranges_map_back_through_every_kind_of_edit() {
        for text in [
            "a\r\nb",
            "\r\r\n\u{200e}\r",
            "\u{200f}\u{200f}x\u{200f}",
            "x\u{2028}\u{200e}\u{2029}y",
            "é😀\u{ad}ж\r\n",
            "said🔥\r\n🔥",
        ] {
            assert_maps_back(text);
        }
    }

    #[test]
    fn hints_move_with_the_text() {
        let original = "\u{200f}Menu\u{200f}\nBody text.";
        let view = VisibleText::of(original);
        let hints = [MarkupHint {
            start: 0,
            end: 6,
            boilerplate: 1.0,
            reason: "nav".into(),
        }];
        let moved = view.hints_in_view(original, &hints);
        assert_eq!((moved[0].start, moved[0].end), (0, 4));
        assert_eq!(&view.text()[..4], "Menu");
    }
}
