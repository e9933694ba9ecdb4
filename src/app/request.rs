//! What the page sends for analysis when the reader presses Annotate: the
//! text repaired as pasted, and the markup hints the analysis weighs. Pure,
//! so that the effect that sends it (`app::analysis_worker`) only posts.

use crate::analysis::{normalise, MarkupHint};
use crate::app::state::{input_problem, Notice};
use std::borrow::Cow;

/// A request ready to post.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The text as analysed ([`normalise::pasted`]).
    pub text: String,
    /// The hints the analysis weighs.
    pub markup: Vec<MarkupHint>,
    /// A rich paste's own hints, for the article (None: a plain request,
    /// which keeps the open article's own hints).
    pub pasted_markup: Option<Vec<MarkupHint>>,
}

/// Prepares `text` (as pasted) for analysis; `pasted_markup`: a rich paste's
/// hints; `kept`: the hints to weigh for a plain request on the repaired
/// text (the open article's own, when it is that text). Refused with the
/// notice to show when there is nothing to analyse or too much.
pub fn prepare(
    text: &str,
    pasted_markup: Option<Vec<MarkupHint>>,
    kept: &dyn Fn(&str) -> Vec<MarkupHint>,
) -> Result<Prepared, Notice> {
    if let Some(problem) = input_problem(text) {
        return Err(problem);
    }
    let repaired = normalise::pasted(text);
    // Hints count code points of the text as given: if repair changed it,
    // they no longer fit, and misapplied hints are worse than none.
    let pasted_markup = pasted_markup.filter(|_| matches!(repaired, Cow::Borrowed(_)));
    let text = repaired.into_owned();
    let markup = pasted_markup.clone().unwrap_or_else(|| kept(&text));
    Ok(Prepared {
        text,
        markup,
        pasted_markup,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint() -> MarkupHint {
        MarkupHint {
            start: 0,
            end: 4,
            boilerplate: 1.0,
            reason: "navigation (<nav>)".into(),
        }
    }

    #[test]
    fn empty_or_too_long_texts_are_refused_with_their_notice() {
        let none = |_: &str| Vec::new();
        assert_eq!(prepare(" \n\t", None, &none), Err(Notice::EmptyInput));
        let long = "a".repeat(crate::app::state::MAX_TEXT_CHARS + 1);
        assert!(matches!(
            prepare(&long, None, &none),
            Err(Notice::TooLong(n)) if n == crate::app::state::MAX_TEXT_CHARS + 1
        ));
    }

    #[test]
    fn a_pasted_carriage_return_is_normalised_and_drops_hints_that_no_longer_fit() {
        let none = |_: &str| Vec::new();
        let prepared = prepare("Menu\r\nTwo.", Some(vec![hint()]), &none).unwrap();
        assert_eq!(prepared.text, "Menu\nTwo.");
        assert_eq!(prepared.pasted_markup, None);
        let fine = prepare("Menu\nTwo.", Some(vec![hint()]), &none).unwrap();
        assert_eq!(fine.markup, vec![hint()]);
        assert_eq!(fine.pasted_markup, Some(vec![hint()]));
    }

    #[test]
    fn a_plain_request_weighs_the_hints_kept_for_its_text() {
        let kept = |text: &str| {
            if text == "Menu\nTwo." {
                vec![hint()]
            } else {
                Vec::new()
            }
        };
        let prepared = prepare("Menu\nTwo.", None, &kept).unwrap();
        assert_eq!(prepared.markup, vec![hint()]);
        assert_eq!(prepared.pasted_markup, None);
    }
}

/// Where an imported file goes: a project file opens as an article of its
/// own (it brings its text); anything else is read as W3C annotations onto
/// the open article, by the reducer ([`crate::app::state::Action::Import`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportRoute {
    Project(Box<crate::analysis::document::Article>),
    Annotations(String),
    /// A project file that cannot be opened, and why.
    Failed(String),
}

/// Routes an imported file's text.
pub fn route_import(json: String) -> ImportRoute {
    use crate::analysis::export::project::{is_project, read_project};
    if !is_project(&json) {
        return ImportRoute::Annotations(json);
    }
    match read_project(&json) {
        Ok(article) => ImportRoute::Project(Box::new(article)),
        Err(error) => ImportRoute::Failed(format!("this project file cannot be opened: {error}")),
    }
}

#[cfg(test)]
mod routes {
    use super::*;
    use crate::analysis::document::Article;
    use crate::analysis::export::project::to_project;

    #[test]
    fn a_project_opens_and_anything_else_is_read_as_annotations() {
        let article = Article::new("a1", "Prices rose 5% in May.", "2026-01-01T00:00:00Z");
        let file = to_project(&article);
        assert_eq!(
            route_import(file.clone()),
            ImportRoute::Project(Box::new(article))
        );
        let w3c = r#"{"type": "AnnotationCollection"}"#.to_string();
        assert_eq!(route_import(w3c.clone()), ImportRoute::Annotations(w3c));
        let newer = file.replace("\"version\": 1", "\"version\": 2");
        assert!(matches!(
            route_import(newer),
            ImportRoute::Failed(why) if why.contains("newer version")
        ));
    }
}
