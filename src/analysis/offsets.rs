//! The one place where byte offsets become code points, and code points
//! become UTF-16 units for the DOM and JavaScript.
//!
//! Rust slices strings by UTF-8 byte; the W3C `TextPositionSelector` (and our
//! JSON) counts code points; JavaScript strings count UTF-16 units. Keeping
//! every conversion here means a text full of emoji or Cyrillic cannot drift.

/// Maps byte offsets of one text to code-point and UTF-16 offsets.
///
/// Between two non-ASCII characters every character is one byte and one
/// UTF-16 unit, so the map keeps one [`Anchor`] after each non-ASCII
/// character instead of an entry per character: news text, mostly ASCII
/// with curly quotes and dashes, maps in a few kilobytes where a table of
/// every character took eight bytes per character (16 MB for a 1 MB paste,
/// built on every analysis), and a lookup is a binary search over anchors.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Where the run of ASCII after each non-ASCII character starts; the
    /// first anchor is the text's start. Sorted by every field at once.
    anchors: Vec<Anchor>,
    len_chars: usize,
}

/// One position in all three units.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    char: usize,
    byte: usize,
    utf16: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        let mut anchors = vec![Anchor {
            char: 0,
            byte: 0,
            utf16: 0,
        }];
        let mut chars = 0;
        let mut utf16 = 0;
        // Only non-ASCII characters move the units apart; between them the
        // counts advance together, so the scan looks at bytes.
        let bytes = text.as_bytes();
        let mut byte = 0;
        while byte < bytes.len() {
            if bytes[byte].is_ascii() {
                byte += 1;
                chars += 1;
                utf16 += 1;
                continue;
            }
            let ch = text[byte..].chars().next().unwrap_or('\u{fffd}');
            byte += ch.len_utf8();
            chars += 1;
            utf16 += ch.len_utf16();
            anchors.push(Anchor {
                char: chars,
                byte,
                utf16,
            });
        }
        OffsetMap {
            anchors,
            len_chars: chars,
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// The last anchor for which `at_or_before` holds, and the one after it.
    fn around(&self, at_or_before: impl Fn(&Anchor) -> bool) -> (Anchor, Option<Anchor>) {
        // The first anchor (the text's start) is at or before everything.
        let next = self.anchors.partition_point(at_or_before).max(1);
        (self.anchors[next - 1], self.anchors.get(next).copied())
    }

    /// Code-point offset of a byte offset. A byte inside a char rounds down
    /// to that char's start, so a sloppy range still lands on a boundary.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        let (anchor, next) = self.around(|a| a.byte <= byte);
        // Past the anchor, ASCII up to the non-ASCII char just before `next`,
        // whose bytes all round down to its start.
        let char = anchor.char + (byte - anchor.byte);
        let last = next.map_or(self.len_chars, |n| n.char - 1);
        char.min(last)
    }

    /// Byte offset of a code-point offset, clamped to the text's end.
    pub fn byte_of_char(&self, ch: usize) -> usize {
        let ch = ch.min(self.len_chars);
        let (anchor, _) = self.around(|a| a.char <= ch);
        anchor.byte + (ch - anchor.char)
    }

    /// UTF-16 offset of a code-point offset, clamped to the text's end.
    pub fn utf16_of_char(&self, ch: usize) -> usize {
        let ch = ch.min(self.len_chars);
        let (anchor, _) = self.around(|a| a.char <= ch);
        anchor.utf16 + (ch - anchor.char)
    }

    /// Code-point offset of a UTF-16 offset; one inside a surrogate pair
    /// rounds down to the pair's start.
    pub fn char_of_utf16(&self, unit: usize) -> usize {
        let (anchor, next) = self.around(|a| a.utf16 <= unit);
        let char = anchor.char + (unit - anchor.utf16);
        let last = next.map_or(self.len_chars, |n| n.char - 1);
        char.min(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_identity() {
        let map = OffsetMap::new("abc");
        assert_eq!(map.len_chars(), 3);
        assert_eq!(map.char_of_byte(2), 2);
        assert_eq!(map.byte_of_char(3), 3);
        assert_eq!(map.utf16_of_char(3), 3);
    }

    #[test]
    fn multibyte_and_astral_chars_convert_both_ways() {
        // 'é' is 2 bytes / 1 unit; '😀' is 4 bytes / 2 units; 'ж' 2 bytes / 1 unit.
        let text = "é😀ж!";
        let map = OffsetMap::new(text);
        assert_eq!(map.len_chars(), 4);
        assert_eq!(map.char_of_byte(2), 1);
        assert_eq!(map.char_of_byte(6), 2);
        assert_eq!(map.char_of_byte(8), 3);
        assert_eq!(map.byte_of_char(3), 8);
        assert_eq!(map.utf16_of_char(2), 3);
        assert_eq!(map.utf16_of_char(4), 5);
        assert_eq!(map.char_of_utf16(3), 2);
        assert_eq!(
            map.char_of_utf16(2),
            1,
            "inside a surrogate pair rounds down"
        );
    }

    #[test]
    fn out_of_range_offsets_clamp_to_the_end() {
        let map = OffsetMap::new("ab");
        assert_eq!(map.byte_of_char(99), 2);
        assert_eq!(map.utf16_of_char(99), 2);
        assert_eq!(map.char_of_byte(99), 2);
    }

    /// The map against a per-character table built the obvious way, at
    /// every offset of texts mixing ASCII, two-, three- and four-byte
    /// characters in runs of every length.
    #[test]
    fn agrees_with_a_table_of_every_character() {
        let pieces = ["a", "bc ", "é", "“", "😀", "ж", "\n", "—", "𝐀𝐁", "x"];
        let mut seed = 7u32;
        for _ in 0..200 {
            let mut text = String::new();
            for _ in 0..(seed % 23) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let map = OffsetMap::new(&text);
            let mut char_of_byte = vec![0; text.len() + 1];
            let mut units = vec![0];
            let mut byte_of_char = vec![];
            for (i, (byte, ch)) in text.char_indices().enumerate() {
                byte_of_char.push(byte);
                char_of_byte[byte..byte + ch.len_utf8()].fill(i);
                units.push(units[i] + ch.len_utf16());
            }
            let n = byte_of_char.len();
            byte_of_char.push(text.len());
            char_of_byte[text.len()] = n;
            assert_eq!(map.len_chars(), n, "{text:?}");
            for (byte, &ch) in char_of_byte.iter().enumerate() {
                assert_eq!(map.char_of_byte(byte), ch, "{text:?} byte {byte}");
            }
            for ch in 0..=n {
                assert_eq!(map.byte_of_char(ch), byte_of_char[ch], "{text:?} char {ch}");
                assert_eq!(map.utf16_of_char(ch), units[ch], "{text:?} char {ch}");
            }
            for unit in 0..=units[n] {
                let expected = units.partition_point(|&u| u <= unit) - 1;
                assert_eq!(map.char_of_utf16(unit), expected, "{text:?} unit {unit}");
            }
            assert_eq!(map.char_of_byte(text.len() + 5), n);
            assert_eq!(map.char_of_utf16(units[n] + 5), n);
        }
    }
}
