//! Whether a whole text is the transcript of live talk even where its lines
//! carry no speaker tags: a speech or an address transcribed with the
//! audience's reactions, "(APPLAUSE)", "[Laughter.]". Such a text is talk
//! like a tagged debate, and its sentences get the same transcript prior.
//!
//! One linear pass: each opening bracket is looked at once, with at most a
//! few dozen bytes after it.

/// Words a transcriber puts in brackets for what was heard besides the
/// speaker's words. Only the whole bracket counts, so "(applause lines)" or
/// a parenthetical remark in an article does not.
const DIRECTIONS: [&str; 15] = [
    "applause",
    "laughter",
    "laughs",
    "crosstalk",
    "inaudible",
    "unintelligible",
    "cheers",
    "cheering",
    "booing",
    "boos",
    "silence",
    "moment of silence",
    "commercial break",
    "begin video clip",
    "end video clip",
];

/// An article may quote one transcribed reaction; a transcript has them
/// throughout.
const MIN_DIRECTIONS: usize = 2;

/// Longest bracket looked at, in bytes, so that a stray "(" costs little.
const MAX_BRACKET: usize = 32;

/// Whether `text` holds at least [`MIN_DIRECTIONS`] transcribed reactions.
pub fn has_stage_directions(text: &str) -> bool {
    let mut found = 0;
    for (at, open) in text.match_indices(['(', '[']) {
        let close = if open == "(" { ')' } else { ']' };
        let rest = &text[at + 1..];
        let window = &rest[..floor_boundary(rest, MAX_BRACKET)];
        let Some(end) = window.find(close) else {
            continue;
        };
        if is_direction(&window[..end]) {
            found += 1;
            if found >= MIN_DIRECTIONS {
                return true;
            }
        }
    }
    false
}

/// "APPLAUSE", "Applause.", " laughter ": one of [`DIRECTIONS`], in any case,
/// with an optional full stop.
fn is_direction(inside: &str) -> bool {
    let words = inside.trim().trim_end_matches('.').trim();
    DIRECTIONS.iter().any(|d| d.eq_ignore_ascii_case(words))
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speech_with_the_audiences_reactions_is_a_transcript() {
        let speech = "Thank you. Our schools are the best they have been.\n\n(APPLAUSE)\n\n\
                      We built twelve of them.\n\n(Laughter.)\n\nAnd more to come. [CHEERS]";
        assert!(has_stage_directions(speech));
    }

    #[test]
    fn one_reaction_or_ordinary_brackets_do_not_make_a_transcript() {
        assert!(!has_stage_directions(
            "The mayor was met with (applause) at the opening, officials said."
        ));
        assert!(!has_stage_directions(
            "The agency (FEMA) said [sic] that costs (in dollars) rose (applause lines aside)."
        ));
        assert!(!has_stage_directions(""));
    }

    #[test]
    fn unclosed_brackets_and_wide_characters_do_not_panic() {
        let text = "(((((( [[[ (é".repeat(50) + "(applause";
        assert!(!has_stage_directions(&text));
        assert!(has_stage_directions(
            "(ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ (Applause) (boos)"
        ));
    }
}
