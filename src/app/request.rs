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
