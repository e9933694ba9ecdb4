//! Code in an article: blog posts and tutorials paste program listings,
//! queries and terminal output between their paragraphs. Such lines are
//! short, unpunctuated, repeated ("FROM", "});") and come in runs, which is
//! exactly what menus and footers look like; recognising a listing keeps it
//! with the article instead of letting it pass for page furniture.

/// How one line reads for the purpose of finding listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeSignal {
    /// The line looks like a line of code.
    Code,
    /// A sentence of prose: it ends any listing.
    Prose,
    /// Anything else (a short label, a bare number, a separator): part of a
    /// listing when code surrounds it.
    Neutral,
}

/// Fewest code lines that make a listing.
const LISTING_CODE_LINES: usize = 2;

/// Endings that close or open a statement or block in most languages.
/// (Not a lone ")": "Sports (12)" is a menu entry with its count.)
const CODE_ENDINGS: &[&str] = &[";", "{", "}", "(", "[", "})", "));", "},", "=>", "*/"];
/// Beginnings of comments, blocks and directives.
const CODE_STARTS: &[&str] = &["}", "{", ")", "]", "//", "/*", "*/", "#!", "<?"];
/// Operators and call shapes that prose does not use (two bytes each).
const CODE_MARKS: &[&[u8; 2]] = &[
    b"()", b"=>", b"->", b"::", b"==", b"!=", b"&&", b"||", b"+=", b"</", b"/>",
];
/// Box-drawing characters of terminal tables ("│", "┼") share these bytes.
const BOX_DRAWING: [u8; 2] = [0xE2, 0x94];

/// Whether `line` holds an operator, a call, " = " or a table border: one
/// pass over its bytes, since this runs on every line.
fn has_code_mark(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.windows(2).enumerate().any(|(i, pair)| match pair[0] {
        b'(' | b'=' | b'-' | b':' | b'!' | b'&' | b'|' | b'+' | b'<' | b'/' => {
            CODE_MARKS.iter().any(|m| pair == *m)
        }
        b' ' => pair[1] == b'=' && bytes.get(i + 2) == Some(&b' '),
        0xE2 => pair == BOX_DRAWING,
        _ => false,
    })
}
/// Keywords that open a statement (matched with a space after them, or as
/// the whole line for the SQL clause words).
const KEYWORDS: &[&str] = &[
    "def", "fn", "function", "return", "import", "const", "let", "var", "class", "public",
    "private", "static", "#include", "#define", "pub", "impl", "elif", "async", "await",
];
const SQL_WORDS: &[&str] = &[
    "SELECT",
    "FROM",
    "WHERE",
    "GROUP BY",
    "ORDER BY",
    "INSERT",
    "UPDATE",
    "CREATE",
    "JOIN",
    "LEFT JOIN",
    "WITH",
    "HAVING",
    "LIMIT",
    "UNION",
    "VALUES",
    "SET",
];

/// Whether `line` (trimmed; `indent` is how far it was indented) looks like
/// a line of program code, a query or terminal output.
pub fn looks_like_code(line: &str, indent: usize) -> bool {
    if line.is_empty() {
        return false;
    }
    if CODE_ENDINGS.iter().any(|e| line.ends_with(e))
        || CODE_STARTS.iter().any(|s| line.starts_with(s))
        || has_code_mark(line)
    {
        return true;
    }
    let first = line.split_whitespace().next().unwrap_or("");
    if KEYWORDS.contains(&first) && line.len() > first.len() {
        return true;
    }
    if SQL_WORDS
        .iter()
        .any(|k| line == *k || line.strip_prefix(k).is_some_and(|r| r.starts_with(' ')))
    {
        return true;
    }
    if is_protocol_line(line, first) {
        return true;
    }
    // snake_case or a dotted call: identifiers, not words. The byte scan
    // spares most lines the token-by-token look.
    if has_joined_letters(line) && line.split_whitespace().any(is_identifier) {
        return true;
    }
    // Indented text is code unless it reads as a sentence.
    indent >= 4 && !line.ends_with(['.', '!', '?'])
}

/// Request methods that open an HTTP request line ("GET /docs HTTP/1.1").
const HTTP_METHODS: &[&str] = &[
    "GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH", "CONNECT", "TRACE",
];
/// One-word header fields of HTTP and e-mail messages; longer names are
/// recognised by their shape ("Content-Type", "X-Request-Id").
const HEADER_FIELDS: &[&str] = &[
    "Host",
    "Origin",
    "Authorization",
    "ETag",
    "Expires",
    "Accept",
    "Cookie",
    "Date",
    "Server",
    "Location",
    "Connection",
    "Vary",
    "Allow",
    "Pragma",
    "Referer",
];

/// A line of a protocol message as specifications and tutorials show it:
/// a request or status line ("PUT /a HTTP/1.1", "HTTP/1.1 200 OK") or a
/// header field ("Content-Type: text/plain", "Host: example.org").
fn is_protocol_line(line: &str, first: &str) -> bool {
    if first.starts_with("HTTP/")
        || HTTP_METHODS.contains(&first)
            && line
                .strip_prefix(first)
                .is_some_and(|rest| rest.trim_start().starts_with('/'))
    {
        return true;
    }
    let Some((name, value)) = line.split_once(':') else {
        return false;
    };
    if value.is_empty() || !value.starts_with(' ') || name.contains(' ') {
        return false;
    }
    let hyphenated = name.contains('-')
        && name.split('-').all(|part| {
            part.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
    hyphenated || HEADER_FIELDS.contains(&name)
}

/// Some '_' or '.' between two ASCII letters.
fn has_joined_letters(line: &str) -> bool {
    line.as_bytes().windows(3).any(|w| {
        (w[1] == b'_' || w[1] == b'.') && w[0].is_ascii_alphabetic() && w[2].is_ascii_alphabetic()
    })
}

/// `status_code`, `array.push(`, `os.path.join`: tokens with an underscore
/// or a dot between letters, which ordinary words never have ("e.g." and
/// domains aside).
fn is_identifier(raw: &str) -> bool {
    if raw.starts_with(['@', '#']) || raw.contains("://") || raw.starts_with("www.") {
        return false; // a handle, a hashtag or a web address
    }
    let token = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
    let bytes = token.as_bytes();
    if bytes.len() < 5 || token.contains("..") {
        return false;
    }
    let joined = bytes.windows(3).any(|w| {
        w[0].is_ascii_alphabetic()
            && w[2].is_ascii_alphabetic()
            && (w[1] == b'_' || (w[1] == b'.' && w[2].is_ascii_lowercase()))
    });
    joined && (token.contains('_') || raw.contains('(') || !looks_like_domain(token))
}

/// "example.com", "bbc.co.uk", "node.js": a dotted word whose last part is
/// a short lowercase ending reads as a name, not as code.
fn looks_like_domain(token: &str) -> bool {
    token.rsplit('.').next().is_some_and(|last| {
        (2..=3).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_lowercase())
    })
}

/// Marks the lines that belong to a listing: maximal runs without a prose
/// sentence, holding at least [`LISTING_CODE_LINES`] code lines, trimmed to
/// start and end on code, so that a heading above a listing is not taken in.
pub fn listings(signals: &[CodeSignal]) -> Vec<bool> {
    let mut out = vec![false; signals.len()];
    let mut start = 0;
    while start < signals.len() {
        if signals[start] == CodeSignal::Prose {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < signals.len() && signals[end] != CodeSignal::Prose {
            end += 1;
        }
        let run = &signals[start..end];
        let code: Vec<usize> = run
            .iter()
            .enumerate()
            .filter(|(_, s)| **s == CodeSignal::Code)
            .map(|(i, _)| i)
            .collect();
        if let (true, Some(&first), Some(&last)) =
            (code.len() >= LISTING_CODE_LINES, code.first(), code.last())
        {
            // A listing is mostly code: a menu with one stray brace is not.
            let span = last - first + 1;
            if code.len() * 2 >= span {
                for flag in &mut out[start + first..=start + last] {
                    *flag = true;
                }
            }
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::CodeSignal::{Code, Neutral, Prose};
    use super::*;

    #[test]
    fn program_lines_look_like_code() {
        for line in [
            "let total = prices.iter().sum();",
            "if (count > 3) {",
            "});",
            "def load_orders(path):",
            "SELECT name, city",
            "FROM customers",
            "GROUP BY city",
            "order_id,",
            "return result",
            "name │ city",
            "// the cache is warm by now",
            "path = os.path.join(root, name)",
            "items.append(item)",
        ] {
            assert!(looks_like_code(line, 0), "{line}");
        }
        assert!(looks_like_code("total orders", 4));
    }

    #[test]
    fn prose_and_menus_do_not_look_like_code() {
        for line in [
            "The council approved the plan on Monday.",
            "Sign up for our newsletter",
            "Sport",
            "Read more at example.com",
            "From the archive",
            "Selected stories",
            "Returning home after the floods",
            "Visit www.example.org for details.",
            "Rivers, e.g. the Rhine, flood in spring",
            "Sports (12)",
            "Follow @river_news on https://example.org/a_b",
            "News from bbc.co.uk and node.js fans",
        ] {
            assert!(!looks_like_code(line, 0), "{line}");
        }
        assert!(!looks_like_code("He said it was over.", 4));
    }

    #[test]
    fn protocol_messages_look_like_code() {
        for line in [
            "PUT /ferries/timetable HTTP/1.1",
            "HTTP/1.1 412 Precondition Failed",
            "Content-Type: text/plain; charset=UTF-8",
            "X-Ferry-Route: east",
            "Host: ferries.example.org",
            "ETag: \"4815162342\"",
        ] {
            assert!(looks_like_code(line, 0), "{line}");
        }
        for line in [
            "Update: the ferry runs again.",
            "Follow-up: what the council decided",
            "Get Ready for the river festival",
            "Date night on the river",
        ] {
            assert!(!looks_like_code(line, 0), "{line}");
        }
    }

    #[test]
    fn a_listing_spans_code_and_the_short_lines_between() {
        let got = listings(&[Prose, Neutral, Code, Neutral, Code, Code, Neutral, Prose]);
        assert_eq!(got, [false, false, true, true, true, true, false, false]);
    }

    #[test]
    fn one_code_line_or_scattered_code_is_no_listing() {
        assert_eq!(listings(&[Prose, Code, Prose]), [false; 3]);
        let menu = [Code, Neutral, Neutral, Neutral, Neutral, Code];
        assert_eq!(listings(&menu), [false; 6]);
        assert!(listings(&[]).is_empty());
    }
}
