//! The one place where byte offsets become code points, and code points
//! become UTF-16 units for the DOM and JavaScript.
//!
//! Rust slices strings by UTF-8 byte; the W3C `TextPositionSelector` (and our
//! JSON) counts code points; JavaScript strings count UTF-16 units. Keeping
//! every conversion here means a text full of emoji or Cyrillic cannot drift.

/// Maps byte offsets of one text to code-point and UTF-16 offsets.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset at which each char starts, plus the text length at the end.
    char_starts: Vec<usize>,
    /// UTF-16 offset of each char start, same indexing as `char_starts`.
    utf16_starts: Vec<usize>,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        let mut char_starts = Vec::with_capacity(text.len() + 1);
        let mut utf16_starts = Vec::with_capacity(text.len() + 1);
        let mut utf16 = 0;
        for (byte, ch) in text.char_indices() {
            char_starts.push(byte);
            utf16_starts.push(utf16);
            utf16 += ch.len_utf16();
        }
        char_starts.push(text.len());
        utf16_starts.push(utf16);
        OffsetMap {
            char_starts,
            utf16_starts,
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.char_starts.len() - 1
    }

    /// Code-point offset of a byte offset. A byte inside a char rounds down
    /// to that char's start, so a sloppy range still lands on a boundary.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        match self.char_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a code-point offset, clamped to the text's end.
    pub fn byte_of_char(&self, ch: usize) -> usize {
        self.char_starts[ch.min(self.len_chars())]
    }

    /// UTF-16 offset of a code-point offset, clamped to the text's end.
    pub fn utf16_of_char(&self, ch: usize) -> usize {
        self.utf16_starts[ch.min(self.len_chars())]
    }

    /// Code-point offset of a UTF-16 offset; one inside a surrogate pair
    /// rounds down to the pair's start.
    pub fn char_of_utf16(&self, unit: usize) -> usize {
        match self.utf16_starts.binary_search(&unit) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
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
}
