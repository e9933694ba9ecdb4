//! Comment sections: readers' comments under an article are prose like the
//! article, so their words and shape do not give them away; their headers
//! do ("Sam on March 3, 2031 at 9:12 pm said:", "Reply"). Once headers
//! repeat after the article, everything from the first of them on is the
//! comment section.

/// Words a comment header has at most ("Jane Q. Reader (Editor) on 3
/// March 2031 at 10:15 am said:").
const HEADER_WORDS: usize = 16;
/// Headers that make a comment section.
const SECTION_HEADERS: usize = 2;

/// The verb closing a comment header, in several languages.
const SAID: &[&str] = &[
    "said:",
    "says:",
    "wrote:",
    "writes:",
    "replied:",
    "dit :",
    "dit:",
    "a écrit :",
    "schreibt:",
    "schrieb:",
    "dice:",
    "dijo:",
    "ha scritto:",
    "disse:",
    "zegt:",
    "napisał:",
    "пишет:",
];
/// Lines that only serve a comment thread.
const THREAD_LINES: &[&str] = &[
    "reply",
    "log in to reply",
    "répondre",
    "antworten",
    "responder",
];

/// Whether `line` (trimmed) heads or closes one reader comment: a short
/// line naming who "said:" when (a date or time: "The mayor said:" before
/// a quotation has none), or a "Reply" link.
pub fn is_comment_header(line: &str, words: usize) -> bool {
    if words > HEADER_WORDS {
        return false;
    }
    let lower = line.to_lowercase();
    let dated = line.chars().any(|c| c.is_ascii_digit());
    (dated && SAID.iter().any(|s| lower.ends_with(s))) || THREAD_LINES.contains(&lower.as_str())
}

/// The first line of the comment section: the first header, when at least
/// [`SECTION_HEADERS`] headers follow the line `after`.
pub fn section_start(headers: &[bool], after: usize) -> Option<usize> {
    let mut found = headers
        .iter()
        .enumerate()
        .skip(after)
        .filter(|(_, &h)| h)
        .map(|(i, _)| i);
    let first = found.next()?;
    (1 + found.count() >= SECTION_HEADERS).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_reader_comments() {
        assert!(is_comment_header(
            "Sam Reader on March 3, 2031 at 9:12 pm said:",
            10
        ));
        assert!(is_comment_header(
            "Marie, le 3 mars 2031 à 21 h 12, a écrit :",
            9
        ));
        assert!(is_comment_header("Reply", 1));
        // A quotation's introduction has no date: it is not a header.
        assert!(!is_comment_header("The mayor said:", 3));
        assert!(!is_comment_header(
            "Asked whether the bridge would reopen by spring, the engineer in charge of the works on the east pier said:",
            19
        ));
        assert!(!is_comment_header(
            "Replying to critics, the mayor spoke",
            6
        ));
    }

    #[test]
    fn a_section_needs_repeated_headers_after_the_article() {
        let headers = [false, true, false, false, true, false, true, false];
        assert_eq!(section_start(&headers, 2), Some(4));
        assert_eq!(section_start(&headers, 5), None);
        assert_eq!(section_start(&[], 0), None);
    }
}
