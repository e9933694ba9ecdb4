//! What capital letters tell about a sentence: capitalised words inside it
//! are names (people, places, laws), and a short line all in capitals is a
//! transcript's stage direction ("(APPLAUSE)"). Both read the sentence as
//! written, before lower-casing.

use crate::analysis::scan;

/// "(APPLAUSE)", "LAUGHTER": a short line all in capitals.
pub(super) fn is_stage_direction(sentence: &str) -> bool {
    let inner = sentence.trim_matches(|c: char| !c.is_alphanumeric());
    inner.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && inner.starts_with(char::is_uppercase)
        && inner
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '\'' | '-'))
}

/// Capitalised words that do not start the sentence or a quotation: names of
/// people, places, organisations, laws. "I" and its contractions are not.
pub(super) fn named_entities(words: &[&str]) -> usize {
    let mut count = 0;
    let mut previous: Option<&str> = None;
    for &word in words {
        let bare = word.trim_start_matches(|c: char| !scan::is_alphanumeric(c));
        let quoted = bare.len() != word.len();
        let starts_clause = previous.is_none_or(|p| p.ends_with(['.', '!', '?', ':', '—']));
        let capitalised = bare.starts_with(char::is_uppercase);
        let pronoun_i = bare == "I" || bare.starts_with("I'") || bare.starts_with("I’");
        if capitalised && !pronoun_i && !starts_clause && !quoted {
            count += 1;
        }
        previous = Some(word);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_entities_skip_the_first_word_and_i() {
        let names = |text: &str| named_entities(&scan::words(text).collect::<Vec<_>>());
        assert_eq!(names("Then I met Anna Berg in Oslo."), 3);
        assert_eq!(names("Yesterday I left. Then I came back."), 0);
        assert_eq!(names("She said \"Yes\" to it."), 0);
    }
}
