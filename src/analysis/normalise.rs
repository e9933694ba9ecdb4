//! What the page does to a paste before analysing it, so that what is shown,
//! saved, exported and annotated is one and the same text.
//!
//! Only invisible damage is repaired: Windows and old Mac line ends, Unicode
//! line and paragraph separators, a byte-order mark, and control characters
//! a clipboard can carry (NUL, form feeds, escape codes) that no article
//! means to contain. Letters, quotes, dashes and spaces are left exactly as
//! pasted: they are evidence a fact-checker may need to cite.
//!
//! The CLI and the JS API do not normalise: their offsets must refer to the
//! caller's own text.

use std::borrow::Cow;

/// The pasted text, repaired; borrowed unchanged when nothing needed repair.
pub fn pasted(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_repair) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // "\r\n" and a lone "\r" are both one line end.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{feff}' => {}
            c if is_stray_control(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_repair(c: char) -> bool {
    matches!(c, '\r' | '\u{2028}' | '\u{2029}' | '\u{feff}') || is_stray_control(c)
}

/// C0 and C1 controls other than tab and line feed.
fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_untouched() {
        let text = "“Quoted” — with a\u{a0}no-break space and é.\n\tIndented.";
        assert!(matches!(pasted(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn line_ends_become_line_feeds() {
        assert_eq!(pasted("a\r\nb\rc\u{2028}d\u{2029}e"), "a\nb\nc\nd\ne");
    }

    #[test]
    fn byte_order_marks_and_stray_controls_are_removed() {
        assert_eq!(
            pasted("\u{feff}Title\u{0}\u{7}\u{1b}[0m\u{85}\u{c}"),
            "Title[0m"
        );
    }
}
