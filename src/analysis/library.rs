//! The saved-articles library as it is kept in the browser's local storage:
//! one entry per article plus an index, each a small versioned JSON document.
//! This module is the pure half (keys, encoding, decoding, validation); the
//! page's `app::storage` only moves the strings in and out of the browser.
//!
//! A damaged entry (not JSON, another format, a newer version, offsets that
//! do not fit its text) is reported as an [`EntryError`] naming the problem;
//! it never takes the other entries down with it. The index is only a cache
//! of summaries: when it is damaged it is rebuilt from the entries.
//!
//! ```
//! use article_annotator::analysis::document::Article;
//! use article_annotator::analysis::library::{decode_article, encode_article};
//! let article = Article::new("a1", "Prices rose 5% in May.", "2026-11-25T10:00:00Z");
//! let stored = encode_article(&article);
//! assert_eq!(decode_article("a1", &stored).unwrap(), article);
//! assert!(decode_article("a1", "{\"truncated").is_err());
//! ```

use super::annotation::Kind;
use super::document::{slice_chars, Article, Details, Review, SavedAnnotation, Verdict};
use serde::{Deserialize, Serialize};

/// The key of the index entry.
pub const INDEX_KEY: &str = "article-annotator/index";
/// Every article entry's key starts with this.
pub const ARTICLE_KEY_PREFIX: &str = "article-annotator/article/";
/// The format name written into every entry.
pub const FORMAT: &str = "article-annotator";
/// The version this build writes; older ones it can still read.
pub const VERSION: u32 = 1;

/// The storage key of the article with id `id`.
pub fn article_key(id: &str) -> String {
    format!("{ARTICLE_KEY_PREFIX}{id}")
}

/// The article id of a storage key, if it is an article entry's key.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(ARTICLE_KEY_PREFIX)
        .filter(|id| !id.is_empty())
}

/// Why a stored entry could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EntryError {
    /// The entry is not JSON (cut short, or overwritten by something else).
    #[error("it is not valid JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    /// JSON, but not written by this annotator.
    #[error("it was not written by the article annotator")]
    WrongFormat,
    /// Written by a newer version of the annotator.
    #[error("it was written by a newer version of the annotator (format {0})")]
    NewerVersion(u32),
    /// The right format, but its content does not hold together.
    #[error("its content is damaged: {0}")]
    Damaged(String),
}

/// What every stored document looks like on the outside.
#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    format: String,
    version: u32,
    #[serde(flatten)]
    body: T,
}

#[derive(Serialize, Deserialize)]
struct ArticleBody {
    article: Article,
}

#[derive(Serialize, Deserialize)]
struct IndexBody {
    articles: Vec<Summary>,
}

/// One line of the library: enough to list an article without reading it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub modified: String,
    #[serde(default)]
    pub claims: usize,
    #[serde(default)]
    pub quotes: usize,
    #[serde(default)]
    pub boilerplate: usize,
    /// Claims with a verdict other than Unchecked.
    #[serde(default)]
    pub judged: usize,
}

impl Summary {
    /// The summary of `article` as shown with `shown` (its merged view).
    pub fn of(article: &Article, shown: &[SavedAnnotation]) -> Summary {
        let count = |kind| shown.iter().filter(|a| a.kind == kind).count();
        Summary {
            id: article.id.clone(),
            title: article.title.clone(),
            modified: article.modified.clone(),
            claims: count(Kind::Claim),
            quotes: count(Kind::Quote),
            boilerplate: count(Kind::Boilerplate),
            judged: shown
                .iter()
                .filter(|a| a.kind == Kind::Claim && a.judgement.verdict != Verdict::Unchecked)
                .count(),
        }
    }
}

/// The stored form of `article`.
pub fn encode_article(article: &Article) -> String {
    let envelope = Envelope {
        format: FORMAT.to_string(),
        version: VERSION,
        body: ArticleBody {
            article: article.clone(),
        },
    };
    // Serialising plain strings, numbers and enums cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads the entry stored under the id `id`, checking that it holds together.
pub fn decode_article(id: &str, raw: &str) -> Result<Article, EntryError> {
    let body: ArticleBody = open_envelope(raw)?;
    let article = body.article;
    if article.id != id {
        return Err(EntryError::Damaged(format!(
            "it is stored as {id:?} but names itself {:?}",
            article.id
        )));
    }
    validate(&article)?;
    Ok(article)
}

/// Checks the version and format, then reads the body.
fn open_envelope<T: for<'de> Deserialize<'de>>(raw: &str) -> Result<T, EntryError> {
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| EntryError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(EntryError::WrongFormat);
    }
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| EntryError::Damaged("it has no version".into()))?;
    if version > u64::from(VERSION) {
        return Err(EntryError::NewerVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    serde_json::from_value(value).map_err(|e| EntryError::Damaged(e.to_string()))
}

/// Every annotation must fit its text and quote it exactly.
pub(crate) fn validate(article: &Article) -> Result<(), EntryError> {
    let length = article.text.chars().count();
    for a in &article.annotations {
        if a.start >= a.end || a.end > length {
            return Err(EntryError::Damaged(format!(
                "annotation {} spans {}..{} in a text of {length} characters",
                a.id, a.start, a.end
            )));
        }
        // A rejected detection only needs its span; the rest quote the text.
        if a.review != Review::Rejected && slice_chars(&article.text, a.start, a.end) != a.exact {
            return Err(EntryError::Damaged(format!(
                "annotation {} no longer matches its text",
                a.id
            )));
        }
    }
    Ok(())
}

/// The key of the session entry: what was open when the page was left.
pub const SESSION_KEY: &str = "article-annotator/session";
/// The key of the reviewer remembered across articles.
pub const REVIEWER_KEY: &str = "article-annotator/reviewer";

/// Where the reader was: the open article, its open annotation and how far
/// the page was scrolled, so a reload reopens it as it was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    #[serde(default)]
    pub scroll: f64,
    /// The claim threshold the reader had set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f32>,
}

#[derive(Serialize, Deserialize)]
struct SessionBody {
    session: Session,
}

#[derive(Serialize, Deserialize)]
struct ReviewerBody {
    organisation: String,
    reviewer: String,
}

/// The stored form of `session`.
pub fn encode_session(session: &Session) -> String {
    let envelope = Envelope {
        format: FORMAT.to_string(),
        version: VERSION,
        body: SessionBody {
            session: Session {
                scroll: if session.scroll.is_finite() {
                    session.scroll.max(0.0)
                } else {
                    0.0
                },
                ..session.clone()
            },
        },
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads the session entry.
pub fn decode_session(raw: &str) -> Result<Session, EntryError> {
    let body: SessionBody = open_envelope(raw)?;
    Ok(body.session)
}

/// The stored form of the remembered reviewer (organisation and name).
pub fn encode_reviewer(details: &Details) -> String {
    let envelope = Envelope {
        format: FORMAT.to_string(),
        version: VERSION,
        body: ReviewerBody {
            organisation: details.organisation.clone(),
            reviewer: details.reviewer.clone(),
        },
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads the remembered reviewer.
pub fn decode_reviewer(raw: &str) -> Result<Details, EntryError> {
    let body: ReviewerBody = open_envelope(raw)?;
    Ok(Details {
        organisation: body.organisation,
        reviewer: body.reviewer,
        ..Details::default()
    })
}

/// The stored form of the index.
pub fn encode_index(summaries: &[Summary]) -> String {
    let envelope = Envelope {
        format: FORMAT.to_string(),
        version: VERSION,
        body: IndexBody {
            articles: summaries.to_vec(),
        },
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads the index entry.
pub fn decode_index(raw: &str) -> Result<Vec<Summary>, EntryError> {
    let body: IndexBody = open_envelope(raw)?;
    Ok(body.articles)
}

/// Puts `summary` into `index` in place of the one with its id, newest first.
pub fn upsert_summary(index: &mut Vec<Summary>, summary: Summary) {
    index.retain(|s| s.id != summary.id);
    index.push(summary);
    sort_newest_first(index);
}

/// Orders the library with the most recently modified article first
/// (ISO 8601 timestamps sort as text), then by title.
pub fn sort_newest_first(index: &mut [Summary]) {
    index.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| a.title.cmp(&b.title))
    });
}

/// A new title for an article: trimmed, one line, at most 200 characters;
/// `None` when nothing is left.
pub fn clean_title(title: &str) -> Option<String> {
    let one_line: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = one_line.chars().take(200).collect();
    (!cut.is_empty()).then_some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::document::{Judgement, Origin};

    fn article() -> Article {
        let mut article = Article::new(
            "a1",
            "Officials said 1,500 people live there.\nDonate now.",
            "2026-11-25T10:00:00Z",
        );
        article.annotations.push(SavedAnnotation {
            id: "claim-0-39".into(),
            kind: Kind::Claim,
            start: 0,
            end: 39,
            exact: "Officials said 1,500 people live there.".into(),
            origin: Origin::Detected,
            review: Review::Accepted,
            score: Some(0.9),
            reasons: vec![],
            speaker: None,
            judgement: Judgement {
                verdict: Verdict::Mixed,
                ..Judgement::default()
            },
            relabelled_from: None,
            speaker_correction: None,
        });
        article
    }

    #[test]
    fn an_article_round_trips_through_its_stored_form() {
        let article = article();
        let stored = encode_article(&article);
        assert!(stored.contains("\"format\":\"article-annotator\""));
        assert!(stored.contains("\"version\":1"));
        assert_eq!(decode_article("a1", &stored), Ok(article));
    }

    #[test]
    fn damaged_entries_say_what_is_wrong() {
        let stored = encode_article(&article());
        let cut = &stored[..stored.len() / 2];
        assert!(matches!(
            decode_article("a1", cut),
            Err(EntryError::NotJson { .. })
        ));
        assert_eq!(
            decode_article("a1", "{\"todo\": []}"),
            Err(EntryError::WrongFormat)
        );
        let newer = stored.replace("\"version\":1", "\"version\":9");
        assert_eq!(
            decode_article("a1", &newer),
            Err(EntryError::NewerVersion(9))
        );
        let no_text = stored.replace("\"text\"", "\"txet\"");
        assert!(matches!(
            decode_article("a1", &no_text),
            Err(EntryError::Damaged(_))
        ));
        assert!(matches!(
            decode_article("other", &stored),
            Err(EntryError::Damaged(m)) if m.contains("other")
        ));
        let message = decode_article("a1", cut).unwrap_err().to_string();
        assert!(message.starts_with("it is not valid JSON"), "{message}");
    }

    #[test]
    fn annotations_that_do_not_fit_their_text_are_damage() {
        let mut bad = article();
        bad.annotations[0].end = 500;
        let stored = encode_article(&bad);
        assert!(matches!(
            decode_article("a1", &stored),
            Err(EntryError::Damaged(m)) if m.contains("500")
        ));
        let mut edited = article();
        edited.text = edited.text.replace("1,500", "2,500");
        assert!(matches!(
            decode_article("a1", &encode_article(&edited)),
            Err(EntryError::Damaged(m)) if m.contains("no longer matches")
        ));
    }

    #[test]
    fn the_index_round_trips_and_keeps_the_newest_first() {
        let mut index = vec![];
        let older = Summary {
            id: "a".into(),
            title: "Older".into(),
            modified: "2026-01-01T00:00:00Z".into(),
            ..Summary::default()
        };
        let newer = Summary {
            id: "b".into(),
            title: "Newer".into(),
            modified: "2026-02-01T00:00:00Z".into(),
            ..Summary::default()
        };
        upsert_summary(&mut index, older.clone());
        upsert_summary(&mut index, newer.clone());
        assert_eq!(index, [newer.clone(), older.clone()]);
        let touched = Summary {
            modified: "2026-03-01T00:00:00Z".into(),
            ..older
        };
        upsert_summary(&mut index, touched.clone());
        assert_eq!(index, [touched, newer]);
        assert_eq!(decode_index(&encode_index(&index)), Ok(index));
        assert_eq!(decode_index("[]"), Err(EntryError::WrongFormat));
    }

    #[test]
    fn a_summary_counts_what_is_shown_and_what_is_judged() {
        let article = article();
        let shown = article.merged_with(&[crate::analysis::Annotation {
            kind: Kind::Boilerplate,
            start: 40,
            end: 51,
            score: 0.9,
            reasons: vec![],
            speaker: None,
            part_of: None,
        }]);
        let summary = Summary::of(&article, &shown);
        assert_eq!(
            (
                summary.claims,
                summary.quotes,
                summary.boilerplate,
                summary.judged
            ),
            (1, 0, 1, 1)
        );
        assert_eq!(summary.title, "Officials said 1,500 people live there.");
    }

    #[test]
    fn the_session_and_the_reviewer_round_trip() {
        let session = Session {
            article: "a1".into(),
            selected: Some("claim-0-39".into()),
            scroll: 812.5,
            threshold: Some(0.25),
        };
        assert_eq!(decode_session(&encode_session(&session)), Ok(session));
        let odd = Session {
            scroll: f64::NAN,
            ..Session::default()
        };
        assert_eq!(decode_session(&encode_session(&odd)).unwrap().scroll, 0.0);
        assert_eq!(decode_session("{}"), Err(EntryError::WrongFormat));
        let reviewer = Details {
            organisation: "Example Checks".into(),
            reviewer: "Sam Lee".into(),
            url: "not kept".into(),
            ..Details::default()
        };
        let back = decode_reviewer(&encode_reviewer(&reviewer)).unwrap();
        assert_eq!(
            (
                back.organisation.as_str(),
                back.reviewer.as_str(),
                back.url.as_str()
            ),
            ("Example Checks", "Sam Lee", "")
        );
    }

    #[test]
    fn keys_name_their_article_and_titles_are_cleaned() {
        assert_eq!(id_of_key(&article_key("x-1")), Some("x-1"));
        assert_eq!(id_of_key(INDEX_KEY), None);
        assert_eq!(id_of_key(ARTICLE_KEY_PREFIX), None);
        assert_eq!(
            clean_title("  A\n new   title "),
            Some("A new title".into())
        );
        assert_eq!(clean_title(" \n "), None);
        assert_eq!(clean_title(&"x".repeat(500)).unwrap().chars().count(), 200);
    }
}
