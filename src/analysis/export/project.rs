//! The project file: one self-contained, versioned JSON document holding the
//! article's text, its details and every annotation and decision (kept,
//! made, rejected, relabelled, judged, speakers corrected), and the markup
//! hints of a rich paste. It opens on an empty page: unlike the W3C export,
//! which annotates a text the reader must already have open, it brings the
//! text along.
//!
//! ```
//! use article_annotator::analysis::document::Article;
//! use article_annotator::analysis::export::project::{read_project, to_project};
//! let article = Article::new("a1", "Prices rose 5% in May.", "2026-11-25T10:00:00Z");
//! let file = to_project(&article);
//! assert_eq!(read_project(&file).unwrap(), article);
//! assert!(read_project("{\"type\": \"AnnotationCollection\"}").is_err());
//! ```

use crate::analysis::document::Article;
use crate::analysis::library::{validate, EntryError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The format name written into every project file.
pub const PROJECT_FORMAT: &str = "article-annotator-project";
/// The version this build writes; older ones it can still read.
pub const PROJECT_VERSION: u32 = 1;
/// The file name's ending, so a reader knows what the file is.
pub const PROJECT_SUFFIX: &str = "annotator.json";

#[derive(Serialize, Deserialize)]
struct ProjectFile {
    format: String,
    version: u32,
    article: Article,
}

/// Why a file is not a project that opens.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProjectError {
    /// Not JSON at all.
    #[error("it is not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    /// JSON, but not a project file (it may be a W3C export: see [`is_project`]).
    #[error("it is not an article-annotator project file")]
    NotAProject,
    /// Written by a newer version of the annotator.
    #[error("it was written by a newer version of the annotator (project format {0})")]
    NewerVersion(u32),
    /// A project file whose content does not hold together.
    #[error("it is damaged: {0}")]
    Damaged(String),
}

/// The project file of `article` (pretty-printed: people open these).
pub fn to_project(article: &Article) -> String {
    let file = ProjectFile {
        format: PROJECT_FORMAT.to_string(),
        version: PROJECT_VERSION,
        article: article.clone(),
    };
    // Serialising plain strings, numbers and enums cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Whether `json` says it is a project file (whatever else is wrong with
/// it), so that an import can tell it from a W3C export.
pub fn is_project(json: &str) -> bool {
    serde_json::from_str::<Value>(json)
        .ok()
        .and_then(|v| v.get("format")?.as_str().map(|f| f == PROJECT_FORMAT))
        .unwrap_or(false)
}

/// Reads a project file, checking that every annotation fits its text.
pub fn read_project(json: &str) -> Result<Article, ProjectError> {
    let value: Value = serde_json::from_str(json).map_err(|e| ProjectError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(PROJECT_FORMAT) {
        return Err(ProjectError::NotAProject);
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| ProjectError::Damaged("it has no version".into()))?;
    if version > u64::from(PROJECT_VERSION) {
        return Err(ProjectError::NewerVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let file: ProjectFile =
        serde_json::from_value(value).map_err(|e| ProjectError::Damaged(e.to_string()))?;
    validate(&file.article).map_err(|e| match e {
        EntryError::Damaged(why) => ProjectError::Damaged(why),
        other => ProjectError::Damaged(other.to_string()),
    })?;
    Ok(file.article)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::annotation::{Kind, MarkupHint};
    use crate::analysis::document::Details;
    use crate::analysis::export::fixtures::judged_article;

    fn full_article() -> Article {
        let mut article = judged_article();
        article.details = Details {
            url: "https://example.org/a".into(),
            organisation: "Example Checks".into(),
            ..Details::default()
        };
        article.annotations[1].speaker_correction = Some("Olga Petrova".into());
        article.annotations[2].relabelled_from = Some(Kind::Claim);
        article.markup = vec![MarkupHint {
            start: 73,
            end: 96,
            boilerplate: 1.0,
            reason: "donation appeal (class \"donate\")".into(),
        }];
        article
    }

    #[test]
    fn a_project_keeps_the_text_details_and_every_decision() {
        let article = full_article();
        let file = to_project(&article);
        assert!(file.contains("\"format\": \"article-annotator-project\""));
        assert!(file.contains("\"version\": 1"));
        assert!(is_project(&file));
        assert_eq!(read_project(&file), Ok(article));
    }

    #[test]
    fn other_files_and_damage_are_named() {
        let w3c =
            r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}"#;
        assert!(!is_project(w3c));
        assert_eq!(read_project(w3c), Err(ProjectError::NotAProject));
        assert!(matches!(
            read_project("{oops"),
            Err(ProjectError::NotJson { line: 1, .. })
        ));
        let file = to_project(&full_article());
        let newer = file.replace("\"version\": 1", "\"version\": 3");
        assert_eq!(read_project(&newer), Err(ProjectError::NewerVersion(3)));
        let edited = file.replace(
            "\"text\": \"Officials said 1,500",
            "\"text\": \"Officials said 2,500",
        );
        assert!(matches!(
            read_project(&edited),
            Err(ProjectError::Damaged(why)) if why.contains("no longer matches")
        ));
        let no_text = file.replace("\"text\"", "\"txet\"");
        assert!(matches!(
            read_project(&no_text),
            Err(ProjectError::Damaged(_))
        ));
    }
}
