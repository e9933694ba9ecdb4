//! Where to look a claim up: a search for its words in Google's Fact Check
//! Explorer (what fact-checkers have already published), a web search, and
//! the Internet Archive (the article's archived copies when its address is
//! known, else a search of the archive). These are links the person follows
//! in a new tab; the page itself requests nothing from them.
//!
//! ```
//! use article_annotator::analysis::evidence::evidence_links;
//! let links = evidence_links("Prices rose 5% in May.", None);
//! assert_eq!(links[0].label, "Google Fact Check Explorer");
//! assert!(links[0].url.contains("Prices%20rose%205%25%20in%20May"));
//! ```

/// One place to check a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceLink {
    pub label: &'static str,
    pub url: String,
}

/// Search engines read the first words; a whole paragraph finds nothing.
const QUERY_WORDS: usize = 32;

/// The search words for a claim: its words, white space collapsed, outer
/// quotation marks dropped, at most [`QUERY_WORDS`].
pub fn query_of(claim: &str) -> String {
    let words: Vec<&str> = claim.split_whitespace().take(QUERY_WORDS).collect();
    words
        .join(" ")
        .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '\'' | '‘' | '’'))
        .to_string()
}

/// The links for `claim`; `article_url` is the article's address, if known.
pub fn evidence_links(claim: &str, article_url: Option<&str>) -> Vec<EvidenceLink> {
    let query = encode(&query_of(claim));
    let archive = match article_url.map(str::trim).filter(|u| is_web_address(u)) {
        Some(url) => format!("https://web.archive.org/web/*/{url}"),
        None => format!("https://archive.org/search?query={query}"),
    };
    vec![
        EvidenceLink {
            label: "Google Fact Check Explorer",
            url: format!("https://toolbox.google.com/factcheck/explorer/search/{query};hl=en"),
        },
        EvidenceLink {
            label: "Web search",
            url: format!("https://duckduckgo.com/?q={query}"),
        },
        EvidenceLink {
            label: "Internet Archive",
            url: archive,
        },
    ]
}

/// Only http(s) addresses become links: user text never becomes a
/// `javascript:` URL.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !text.trim().contains(char::is_whitespace)
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_link_searches_for_the_claims_words() {
        let links = evidence_links("  \"Exports fell by 12%\n in 2023;\"  ", None);
        let labels: Vec<&str> = links.iter().map(|l| l.label).collect();
        assert_eq!(
            labels,
            [
                "Google Fact Check Explorer",
                "Web search",
                "Internet Archive"
            ]
        );
        let q = "Exports%20fell%20by%2012%25%20in%202023%3B";
        assert_eq!(
            links[0].url,
            format!("https://toolbox.google.com/factcheck/explorer/search/{q};hl=en")
        );
        assert_eq!(links[1].url, format!("https://duckduckgo.com/?q={q}"));
        assert_eq!(
            links[2].url,
            format!("https://archive.org/search?query={q}")
        );
    }

    #[test]
    fn the_archive_shows_the_articles_copies_when_its_address_is_known() {
        let links = evidence_links("A claim.", Some(" https://example.org/news/1 "));
        assert_eq!(
            links[2].url,
            "https://web.archive.org/web/*/https://example.org/news/1"
        );
        let links = evidence_links("A claim.", Some("javascript:alert(1)"));
        assert!(links[2]
            .url
            .starts_with("https://archive.org/search?query="));
    }

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("Zoë & co/50%"), "Zo%C3%AB%20%26%20co%2F50%25");
        assert_eq!(
            query_of(&"word ".repeat(100)).split(' ').count(),
            QUERY_WORDS
        );
    }
}
