//! Speaker noun phrases: reading the phrase that ends or starts at a token
//! ("the office of President Ana Silva", "Sen. Joe Park (D-N.Y.)"), and
//! widening it by a name in apposition ("the mayor, Ana Berg") or a phrase
//! joined by "and". Every cue that finds a speaker ends by reading one of
//! these phrases, so what may belong to a speaker's name is decided here
//! once.

use super::super::tokens::{TokenKind, Tokens};
use super::super::word_lists::{self, SPEAKER_PRONOUNS};
use super::roles::nickname_in_name;
use super::verbs::is_reporting_verb;
use std::ops::Range;

/// The longest speaker noun phrase, in tokens.
const MAX_PHRASE: usize = 14;

fn is_pronoun(word: &str) -> bool {
    SPEAKER_PRONOUNS.iter().any(|(p, _)| *p == word)
}

/// Whether token `i` may be part of a speaker noun phrase.
fn phrase_word(t: &Tokens, i: usize) -> bool {
    let Some(word) = t.word(i) else {
        return false;
    };
    if t.is_capitalised(i) {
        return !word_lists::is_not_a_name(word) || word_lists::is_determiner(word);
    }
    // "the report stated": after a determiner a reporting word is a noun.
    let noun = i > 0 && is_determiner(t, i - 1);
    !word_lists::is_not_in_speaker(word)
        && (!is_reporting_verb(word) || noun)
        && !word.ends_with("ly")
        && !word.ends_with("n't")
}

pub(super) fn is_determiner(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(word_lists::is_determiner)
}

/// A word or mark joining two parts of one noun phrase: "of", "&", or the
/// apostrophe of a plural possessive ("the players’ union").
fn is_link(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(word_lists::is_noun_phrase_link)
        || t.is_punct(i, '&')
        || t.is_possessive_apostrophe(i)
}

pub(super) fn pronoun_at(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(is_pronoun)
}

/// The noun phrase ending at token `end` (inclusive), read backwards.
pub(super) fn phrase_ending_at(t: &Tokens, end: usize) -> Option<Range<usize>> {
    if pronoun_at(t, end) || t.word(end).is_some_and(word_lists::is_lone_quantifier) {
        return Some(end..end + 1);
    }
    if !phrase_word(t, end) || is_determiner(t, end) {
        return None;
    }
    let mut start = end;
    let mut i = end;
    while i > 0 && end - i < MAX_PHRASE {
        let j = i - 1;
        if is_determiner(t, j) {
            start = j;
            // "the office of the president": a determiner after a link
            // does not end the phrase.
            if j > 0 && is_link(t, j - 1) && j >= 2 && phrase_word(t, j - 2) {
                i = j - 1;
                start = j - 1;
                continue;
            }
            break;
        }
        if t.is_abbreviation_period(j) || is_link(t, j) {
            i = j;
            continue;
        }
        // Maria “Mimi” Torres: a nickname is part of the name.
        if nickname_in_name(t, j) {
            start = j;
            i = j;
            continue;
        }
        // "Voters backed Ana Ruiz": a past form before a name, with no
        // determiner before it, is the verb, not a modifier.
        let verb_before_name = t.word(j).is_some_and(|w| w.ends_with("ed"))
            && !t.is_capitalised(j)
            && t.is_capitalised(j + 1)
            && !(j > 0 && is_determiner(t, j - 1));
        if phrase_word(t, j) && !pronoun_at(t, j) && !verb_before_name {
            start = j;
            i = j;
            continue;
        }
        break;
    }
    while start < end && (is_link(t, start) || t.kind(start) != Some(TokenKind::Word)) {
        start += 1;
    }
    // "said that Kim …": before a name "that" joins a clause, it does not
    // point at anything.
    if start < end && t.word(start) == Some("that") && t.is_capitalised(start + 1) {
        start += 1;
    }
    Some(start..end + 1)
}

/// The noun phrase starting at token `start`, read forwards.
pub(super) fn phrase_starting_at(t: &Tokens, start: usize) -> Option<Range<usize>> {
    if pronoun_at(t, start) {
        return Some(start..start + 1);
    }
    // "… for even asking": a link word joins a phrase, it never opens one.
    if !phrase_word(t, start) || is_link(t, start) {
        return None;
    }
    let mut end = start;
    let mut i = start + 1;
    while i < t.len() && i - start < MAX_PHRASE {
        if t.is_abbreviation_period(i) {
            i += 1;
            continue;
        }
        if nickname_in_name(t, i) {
            end = i;
            i += 1;
            continue;
        }
        // "Park struck a note": a lowercase word between a name and a
        // determiner is a verb, and the phrase ends before it.
        let verb_then_determiner = is_determiner(t, i)
            && i > start + 1
            && !is_link(t, i - 1)
            && !t.is_capitalised(i - 1)
            && t.is_capitalised(i - 2);
        if verb_then_determiner {
            end = end.min(i - 2);
            break;
        }
        if is_link(t, i) || is_determiner(t, i) {
            if phrase_word(t, i + 1) || is_determiner(t, i + 1) {
                i += 1;
                continue;
            }
            break;
        }
        // "Politifact seized on …": a past form after a noun is a verb.
        let past_after_noun = t.word(i).is_some_and(|w| w.ends_with("ed"))
            && !t.is_capitalised(i)
            && !is_determiner(t, i - 1)
            && !is_link(t, i - 1);
        // "This follows …": a present form after a lone demonstrative.
        let verb_after_demonstrative = i == start + 1
            && t.word(start).is_some_and(|w| matches!(w, "this" | "that"))
            && t.word(i)
                .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"));
        if phrase_word(t, i)
            && !pronoun_at(t, i)
            && !is_determiner(t, i)
            && !past_after_noun
            && !verb_after_demonstrative
        {
            end = i;
            i += 1;
            continue;
        }
        break;
    }
    let has_content = (start..=end).any(|k| {
        phrase_word(t, k) && !is_determiner(t, k) && t.str(k).chars().any(char::is_alphabetic)
    });
    has_content.then_some(start..end + 1)
}

/// Steps back over a parenthesis ending at `i` ("Smith (D-N.Y.)").
pub(super) fn skip_back_parenthesis(t: &Tokens, i: usize, floor: usize) -> usize {
    if !t.is_punct(i, ')') {
        return i;
    }
    let mut k = i;
    while k > floor && i - k < 12 {
        k -= 1;
        if t.is_punct(k, '(') {
            return k.saturating_sub(1).max(floor);
        }
    }
    i
}

/// "the mayor, Ana Berg, said": a speaker named by role, with the person's
/// name in apposition right after, is widened to take the name in; the
/// name is who a fact-checker records as the claim's author. A name first
/// ("Ana Berg, the mayor") already is the speaker and stays as it is.
pub(super) fn with_appositive_name(t: &Tokens, phrase: Range<usize>) -> Range<usize> {
    let by_role = phrase.end > phrase.start
        && !t.is_capitalised(phrase.end - 1)
        && !pronoun_at(t, phrase.start);
    if !by_role || !t.is_punct(phrase.end, ',') {
        return phrase;
    }
    let Some(name) = phrase_starting_at(t, phrase.end + 1) else {
        return phrase;
    };
    let calendar = |k: usize| {
        t.word(k).is_some_and(|w| {
            matches!(
                w,
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "january"
                    | "february"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
            )
        })
    };
    let proper = name.len() <= 4
        && name
            .clone()
            .all(|k| (t.is_capitalised(k) && !calendar(k)) || t.is_abbreviation_period(k));
    let closed = name.end >= t.len() || t.is_punct(name.end, ',') || t.ends_sentence(name.end);
    if proper && closed {
        phrase.start..name.end
    } else {
        phrase
    }
}

/// `phrase` widened to the phrase joined to it by "and" ("many marchers
/// and spectators"), when there is one after `floor`.
pub(super) fn coordinated(t: &Tokens, phrase: Range<usize>, floor: usize) -> Range<usize> {
    if phrase.start < floor + 2 || t.word(phrase.start - 1) != Some("and") {
        return phrase;
    }
    match phrase_ending_at(t, phrase.start - 2) {
        Some(first) if first.start >= floor => first.start..phrase.end,
        _ => phrase,
    }
}

/// The noun phrase a relative pronoun at `who` stands for: the one right
/// before it, past a comma ("Lee Park, who …", "a surrogate who …").
pub(crate) fn relative_head(t: &Tokens, who: usize, floor: usize) -> Option<Range<usize>> {
    let mut end = who.checked_sub(1)?;
    if t.is_punct(end, ',') {
        end = end.checked_sub(1)?;
    }
    let end = skip_back_parenthesis(t, end, floor);
    phrase_ending_at(t, end).filter(|p| p.start >= floor && !pronoun_at(t, p.start))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::speakers;

    #[test]
    fn a_long_speaker_phrase_with_links_and_titles() {
        assert_eq!(
            speakers("“Ready,” the office of President Ana Silva said on Monday."),
            [Some("the office of President Ana Silva")]
        );
        assert_eq!(
            speakers("Sen. Joe Park (D-Ore.) said the bill was “a mess.”"),
            [Some("Sen. Joe Park")]
        );
    }

    #[test]
    fn a_role_with_the_name_in_apposition_takes_the_name_in() {
        assert_eq!(
            speakers("“Fares fall,” the mayor, Ana Berg, told reporters."),
            [Some("the mayor, Ana Berg")]
        );
        assert_eq!(
            speakers("“Fares fall,” said the mayor, Ana Berg."),
            [Some("the mayor, Ana Berg")]
        );
        assert_eq!(
            speakers("« Les tarifs baissent », a déclaré le maire, Anne Berg."),
            [Some("le maire, Anne Berg")]
        );
        // A name first is the speaker already; a day is no name.
        assert_eq!(
            speakers("“Fares fall,” Ana Berg, the mayor, said."),
            [Some("Ana Berg")]
        );
        assert_eq!(
            speakers("“Fares fall,” said the mayor, Tuesday."),
            [Some("the mayor")]
        );
    }

    #[test]
    fn coordinated_subjects_of_a_participle_after_with() {
        assert_eq!(
            speakers("The square was full, with many nurses and teachers chanting “Fair pay now.”"),
            [Some("many nurses and teachers")]
        );
    }

    #[test]
    fn a_link_word_never_opens_a_speaker() {
        assert_eq!(
            speakers("Critics say the rivals are “laughing at us” for even asking the question."),
            [Some("Critics")]
        );
        let found = speakers("Most protests were either called “minor” or ignored.");
        assert_ne!(found, [Some("either")]);
    }

    #[test]
    fn a_plural_possessive_stays_inside_the_speaker_phrase() {
        for text in [
            "“We will strike,” the players' union said.",
            "“We will strike,” the players’ union said.",
            "The players' union said it would “strike at once.”",
            "The players’ union said it would “strike at once.”",
        ] {
            let found = speakers(text);
            let found = found[0].unwrap_or_default();
            assert!(
                found.starts_with("the players") || found.starts_with("The players"),
                "{text}: {found}"
            );
            assert!(found.ends_with("union"), "{text}: {found}");
        }
    }
}
