//! The characters of one line by index, with their byte offsets, without a
//! table of every character.
//!
//! A scanner that looks a few characters behind and ahead wants
//! `line[i] -> (byte, char)`. A `Vec<(usize, char)>` of the line is 16 bytes
//! a character: a pasted article on a single 50 MB line cost 800 MB there,
//! 16 times the text. Here an ASCII line needs nothing (the index is the
//! byte), a line with a few non-ASCII characters keeps one entry after each
//! (8 bytes), a line mostly of them one offset per character (4 bytes),
//! whichever is smaller; the character itself is decoded from the text.

/// One line's characters (see the module).
#[derive(Debug, Clone)]
pub struct LineChars<'a> {
    line: &'a str,
    /// The line's byte offset in its text, added to every offset returned.
    start: usize,
    len: usize,
    index: Index,
}

#[derive(Debug, Clone)]
enum Index {
    /// Every character is one byte.
    Ascii,
    /// `(character, byte)` after each non-ASCII character; between them
    /// characters and bytes advance together.
    Sparse(Vec<(u32, u32)>),
    /// The byte of every character.
    Dense(Vec<u32>),
    /// A line past 4 GiB: every character with its byte.
    Wide(Vec<(usize, char)>),
}

impl<'a> LineChars<'a> {
    /// The characters of `line`, which starts at byte `start` of its text.
    pub fn new(line: &'a str, start: usize) -> Self {
        let len = line.chars().count();
        let non_ascii = len - line.bytes().filter(u8::is_ascii).count();
        let index = if non_ascii == 0 {
            Index::Ascii
        } else if u32::try_from(line.len()).is_err() {
            Index::Wide(line.char_indices().collect())
        } else if non_ascii * 2 < len {
            let mut anchors = Vec::with_capacity(non_ascii);
            for (n, (byte, c)) in line.char_indices().enumerate() {
                if !c.is_ascii() {
                    anchors.push(((n + 1) as u32, (byte + c.len_utf8()) as u32));
                }
            }
            Index::Sparse(anchors)
        } else {
            Index::Dense(line.char_indices().map(|(byte, _)| byte as u32).collect())
        };
        LineChars {
            line,
            start,
            len,
            index,
        }
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The byte offset (in the whole text) and the character at index `i`.
    pub fn get(&self, i: usize) -> Option<(usize, char)> {
        if i >= self.len {
            return None;
        }
        let byte = match &self.index {
            Index::Ascii => i,
            Index::Sparse(anchors) => {
                let after = anchors.partition_point(|&(n, _)| n as usize <= i);
                match after.checked_sub(1).map(|k| anchors[k]) {
                    Some((n, byte)) => byte as usize + (i - n as usize),
                    None => i,
                }
            }
            Index::Dense(bytes) => bytes[i] as usize,
            Index::Wide(chars) => chars[i].0,
        };
        let c = self.line[byte..].chars().next()?;
        Some((self.start + byte, c))
    }

    /// [`LineChars::get`] for an index known to be in the line.
    pub fn at(&self, i: usize) -> (usize, char) {
        self.get(i).unwrap_or((self.start + self.line.len(), '\0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_is_where_char_indices_says() {
        let lines = [
            "",
            "plain ascii line",
            "“Curly” quotes and an é in a mostly ASCII line",
            "Привет, мир — «цитата»",
            "😀😀 astral 𝐀 and CJK 引用",
            "mixed: a€b€c€d€e€",
        ];
        for line in lines {
            let chars = LineChars::new(line, 100);
            let expected: Vec<(usize, char)> =
                line.char_indices().map(|(b, c)| (100 + b, c)).collect();
            assert_eq!(chars.len(), expected.len(), "{line}");
            for (i, &want) in expected.iter().enumerate() {
                assert_eq!(chars.get(i), Some(want), "{line} [{i}]");
            }
            assert_eq!(chars.get(expected.len()), None);
        }
    }

    #[test]
    fn the_index_is_the_smaller_kind() {
        assert!(matches!(LineChars::new("abc", 0).index, Index::Ascii));
        assert!(matches!(
            LineChars::new("a “b” c d e", 0).index,
            Index::Sparse(_)
        ));
        assert!(matches!(
            LineChars::new("Привет мир", 0).index,
            Index::Dense(_)
        ));
    }
}
