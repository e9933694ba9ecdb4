//! Character scans for the detectors' hot loops, with the same results as
//! std's but deciding ASCII bytes without decoding characters.
//!
//! `str::split_whitespace` and `char::is_alphanumeric` decode every
//! character and, for anything beyond ASCII, search Unicode tables. News
//! text is mostly ASCII with curly quotes and dashes in it, and the claims
//! scorer splits every sentence into words several times, so these two
//! scans were a tenth of the whole pipeline's time.

/// The words of `text` as [`str::split_whitespace`] gives them.
pub fn words(text: &str) -> Words<'_> {
    Words { rest: text }
}

/// Iterator of [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let start = skip(self.rest, 0, true);
        if start >= self.rest.len() {
            self.rest = "";
            return None;
        }
        let end = skip(self.rest, start, false);
        let word = self.rest.get(start..end);
        self.rest = self.rest.get(end..).unwrap_or("");
        word
    }
}

/// From byte `at` of `text` (a character boundary), the end of the run of
/// characters whose whitespace-ness is `space`. ASCII bytes are decided in
/// a tight loop; only other characters are decoded.
#[inline]
fn skip(text: &str, mut at: usize, space: bool) -> usize {
    let bytes = text.as_bytes();
    loop {
        while let Some(&byte) = bytes.get(at) {
            if byte >= 0x80 || is_ascii_space(byte) != space {
                break;
            }
            at += 1;
        }
        match bytes.get(at) {
            Some(&byte) if byte >= 0x80 => {
                let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                    return at;
                };
                if c.is_whitespace() != space {
                    return at;
                }
                at += c.len_utf8();
            }
            _ => return at,
        }
    }
}

/// `char::is_whitespace` on an ASCII byte (which, unlike
/// `u8::is_ascii_whitespace`, counts the vertical tab).
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t'..=b'\r')
}

/// `char::is_alphanumeric`, without a table search for ASCII or for the
/// General Punctuation block (curly quotes, dashes, ellipses, special
/// spaces), which holds no letter or digit.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// `char::is_alphabetic`, with the same shortcuts as [`is_alphanumeric`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphabetic()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_split_whitespace() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "tabs\tand\nlines\r\n and\u{b}vertical\u{c}feeds",
            "no\u{a0}break and\u{2003}em\u{3000}wide\u{85}next",
            "“Curly” — dashes… and é, ü, 日本語 text",
            "\u{1c}\u{1f} not spaces \u{200b}zero width",
        ] {
            let ours: Vec<&str> = words(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn is_alphanumeric_agrees_with_std() {
        let samples = (0..0x3000u32)
            .chain(0x1_0000..0x1_0400)
            .filter_map(char::from_u32);
        for c in samples {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
