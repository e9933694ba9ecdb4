//! A tolerant HTML tokenizer: tags, text and comments, from any input.
//!
//! It does what a browser's tokenizer does for the markup a clipboard or a
//! saved page carries (attributes quoted or not, raw-text elements such as
//! `<script>`, comments, doctypes), and never fails: whatever cannot be a
//! tag is text. Tree building (implied end tags, misnesting) is the
//! renderer's job. One pass, no backtracking beyond the current tag.

/// One piece of markup. Names are lowercased; attribute values are raw
/// (character references not yet decoded).
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    Text(&'a str),
    Start {
        name: String,
        attributes: Vec<(String, &'a str)>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Comment(&'a str),
}

/// Elements whose content is text up to their own end tag, never markup.
const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Tokens of `html`, in order.
pub struct Tokenizer<'a> {
    html: &'a str,
    at: usize,
    /// Inside a raw-text element: the name whose end tag ends it.
    raw_until: Option<String>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(html: &'a str) -> Self {
        Tokenizer {
            html,
            at: 0,
            raw_until: None,
        }
    }

    fn rest(&self) -> &'a str {
        &self.html[self.at..]
    }

    /// The raw text of a `<script>`-like element, up to its end tag.
    fn raw_text(&mut self, name: &str) -> Token<'a> {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        let mut search = 0;
        let end = loop {
            let Some(lt) = rest[search..].find("</") else {
                break rest.len();
            };
            let from = search + lt + 2;
            let candidate = bytes.get(from..from + name.len());
            let follows = bytes.get(from + name.len()).copied();
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
                && matches!(
                    follows,
                    None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
                )
            {
                break search + lt;
            }
            search = from;
        };
        self.at += end;
        Token::Text(&rest[..end])
    }

    /// A tag starting at `self.at` (which holds `<`), or None when what
    /// follows cannot be a tag (then the `<` is text).
    fn tag(&mut self) -> Option<Token<'a>> {
        let rest = self.rest();
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            let (body, used) = match comment.find("-->") {
                Some(end) => (&comment[..end], 4 + end + 3),
                None => (comment, rest.len()),
            };
            self.at += used;
            return Some(Token::Comment(body));
        }
        if after.starts_with(['!', '?']) {
            // A doctype, CDATA or processing instruction: skipped whole.
            let used = after.find('>').map_or(rest.len(), |end| end + 2);
            self.at += used;
            return Some(Token::Comment(""));
        }
        let (closing, name_from) = match after.strip_prefix('/') {
            Some(_) => (true, 2),
            None => (false, 1),
        };
        if !rest[name_from..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let bytes = rest.as_bytes();
        let mut i = name_from;
        while i < bytes.len() && !is_tag_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
            i += 1;
        }
        let name = rest[name_from..i].to_ascii_lowercase();
        let mut attributes = Vec::new();
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (is_tag_space(bytes[i]) || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let name_start = i;
            while i < bytes.len()
                && !is_tag_space(bytes[i])
                && !matches!(bytes[i], b'>' | b'/' | b'=')
                || i == name_start && i < bytes.len() && bytes[i] == b'='
            {
                i += 1;
            }
            let attribute = rest[name_start..i].to_ascii_lowercase();
            while i < bytes.len() && is_tag_space(bytes[i]) {
                i += 1;
            }
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && is_tag_space(bytes[i]) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let from = i + 1;
                        let len = rest[from..]
                            .find(quote as char)
                            .unwrap_or(rest.len() - from);
                        value = &rest[from..from + len];
                        i = (from + len + 1).min(rest.len());
                    }
                    _ => {
                        let from = i;
                        while i < bytes.len() && !is_tag_space(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                        value = &rest[from..i];
                    }
                }
            }
            // Duplicates are kept: lookups take the first, as HTML does,
            // and checking here would be quadratic in a hostile tag.
            if !closing {
                attributes.push((attribute, value));
            }
        }
        self.at += i;
        if closing {
            return Some(Token::End { name });
        }
        if RAW_TEXT.contains(&name.as_str()) && !self_closing {
            self.raw_until = Some(name.clone());
        }
        Some(Token::Start {
            name,
            attributes,
            self_closing,
        })
    }
}

fn is_tag_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if self.at >= self.html.len() {
            return None;
        }
        if let Some(name) = self.raw_until.take() {
            let text = self.raw_text(&name);
            if text != Token::Text("") {
                return Some(text);
            }
        }
        let rest = self.rest();
        if rest.starts_with('<') {
            if let Some(tag) = self.tag() {
                return Some(tag);
            }
        }
        // Text up to the next `<` (past a first `<` that opened no tag).
        let skip = usize::from(rest.starts_with('<'));
        let end = rest[skip..].find('<').map_or(rest.len(), |i| i + skip);
        self.at += end;
        Some(Token::Text(&rest[..end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(html: &str) -> Vec<Token<'_>> {
        Tokenizer::new(html).collect()
    }

    #[test]
    fn tags_attributes_and_text() {
        let found = tokens("<P Class=\"lead x\" id=a data-x='1>2' hidden>Hi</p>");
        assert_eq!(
            found,
            vec![
                Token::Start {
                    name: "p".into(),
                    attributes: vec![
                        ("class".into(), "lead x"),
                        ("id".into(), "a"),
                        ("data-x".into(), "1>2"),
                        ("hidden".into(), ""),
                    ],
                    self_closing: false,
                },
                Token::Text("Hi"),
                Token::End { name: "p".into() },
            ]
        );
    }

    #[test]
    fn script_content_is_raw_text_up_to_its_end_tag() {
        let found = tokens("<script>if (a < b) { x = '</p>'; }</SCRIPT >after");
        assert_eq!(found[1], Token::Text("if (a < b) { x = '</p>'; }"));
        assert_eq!(
            found[2],
            Token::End {
                name: "script".into()
            }
        );
        assert_eq!(found[3], Token::Text("after"));
    }

    #[test]
    fn stray_angle_brackets_and_unclosed_tags_are_tolerated() {
        assert_eq!(
            tokens("1 < 2 <3"),
            vec![Token::Text("1 "), Token::Text("< 2 "), Token::Text("<3")]
        );
        let found = tokens("<a href=\"x");
        assert!(matches!(&found[0], Token::Start { name, .. } if name == "a"));
        assert_eq!(
            tokens("<!-- open comment"),
            vec![Token::Comment(" open comment")]
        );
        assert_eq!(tokens("<!DOCTYPE html><br/>").len(), 2);
    }

    #[test]
    fn any_bytes_tokenize_without_panicking() {
        for html in [
            "<",
            "</",
            "<a",
            "<a b",
            "<a b=",
            "<a b='",
            "<é>",
            "<a\u{e9}=\u{e9}>",
            "</é",
            "<script>",
        ] {
            let _ = tokens(html);
        }
    }
}
