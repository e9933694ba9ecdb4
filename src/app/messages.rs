//! What the page says about the open work, in words: the status line read
//! out after each change, and why a text was not analysed.

use crate::analysis::Kind;
use crate::app::state::{self, State};

/// The sentence the aria-live status reads out after each change.
pub fn status_line(state: &State) -> String {
    if state.analysis.is_none() {
        return "Paste an article and press Annotate.".to_string();
    }
    let n = |kind| state.count(kind);
    let plural = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    format!(
        "Found {}, {} and {}.",
        plural(n(Kind::Claim), "claim", "claims"),
        plural(n(Kind::Quote), "quote", "quotes"),
        plural(
            n(Kind::Boilerplate),
            "boilerplate block",
            "boilerplate blocks"
        ),
    )
}

/// The encoder's progress while it rescores the claims ("Scoring claims
/// 120/480"), None when it is not scoring.
pub fn scoring_line(state: &State) -> Option<String> {
    state
        .scoring
        .map(|s| format!("Scoring claims {}/{}", s.done, s.total))
}

/// Why a text longer than [`state::MAX_TEXT_CHARS`] was not analysed, and
/// what to do instead.
pub fn too_long_message(chars: usize) -> String {
    let grouped = |n: usize| {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(digit);
        }
        out
    };
    format!(
        "Not annotated: this text has {} characters, and the page annotates up to {} at a time. \
         Paste a part of it, or use the command-line tool (annotate FILE), which reads any length. \
         What was open is still here.",
        grouped(chars),
        grouped(state::MAX_TEXT_CHARS)
    )
}
