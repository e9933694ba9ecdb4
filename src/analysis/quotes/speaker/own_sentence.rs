//! Attribution inside the quotation's own sentence: the order in which the
//! cues are tried (passive agent, after, last clause, before, later in the
//! sentence, colon, outer source), the sources that relay what they find,
//! and the fallback for a partial quotation with no reporting verb, whose
//! words belong to the owner of a speech noun or the governing subject.

use super::super::tokens::Tokens;
use super::super::word_lists;
use super::after_quote::{after, later_in_sentence};
use super::before_quote::{before, colon, last_clause};
use super::candidates::{Candidates, Rule};
use super::clauses::{clause_start, sentence_start, sentence_subject};
use super::phrases::pronoun_at;
use super::sources::{closing_source, opening_source, outer_source, passive_agent};
use super::subjects::{speech_owner, stance_subject};
use super::{Attribution, SpeakerCue};

/// Finds the speaker of the quotation folded into token `q` in its own
/// sentence: the rules' own pick among [`propose`]'s candidates.
#[cfg(test)]
pub(crate) fn attribute(t: &Tokens, q: usize) -> Option<Attribution> {
    propose(t, q, &mut Candidates::default())
}

/// Adds every own-sentence rule's speaker for the quotation at token `q`
/// to `candidates`, and returns the one the rules' order picks: the first
/// cue that finds one (passive agent, after, last clause, before, later in
/// the sentence, colon, "according to" later, governing subject), unless
/// a source relays the whole sentence.
pub(crate) fn propose(t: &Tokens, q: usize, candidates: &mut Candidates) -> Option<Attribution> {
    let from = sentence_start(t, q);
    let clause = clause_start(t, from, q);
    let found = [
        (Rule::PassiveAgent, passive_agent(t, q, from)),
        (Rule::After, after(t, q)),
        (
            Rule::LastClause,
            (clause > from).then(|| last_clause(t, q, clause)).flatten(),
        ),
        (Rule::Before, before(t, q, from, true)),
        (Rule::LaterInSentence, later_in_sentence(t, q)),
        (Rule::Colon, colon(t, q, from)),
        // "… a nationwide “walk-in”, according to the organisers": the
        // source the whole sentence is reported from.
        (Rule::OuterSource, outer_source(t, q + 1)),
        (Rule::GoverningSubject, governing_subject(t, q, from)),
    ];
    for (rule, attribution) in &found {
        candidates.propose(*rule, attribution.as_ref());
    }
    let direct = found
        .into_iter()
        .filter(|(rule, _)| candidates.allows(*rule))
        .find_map(|(_, a)| a);
    let pick = if candidates.allows(Rule::RelayingSource) {
        relayed(t, q, from, direct)
    } else {
        direct
    };
    candidates.mark_pick(Rule::RelayingSource, pick.as_ref());
    pick
}

/// The speaker of the sentence once sources are weighed: a source that
/// relays the sentence ("…," Smith said, according to the paper; "According
/// to the paper, Smith said …") outranks the speaker it relays.
fn relayed(t: &Tokens, q: usize, from: usize, direct: Option<Attribution>) -> Option<Attribution> {
    let Some(found) = direct else {
        return closing_source(t, q + 1);
    };
    if matches!(
        found.cue,
        SpeakerCue::After | SpeakerCue::Before | SpeakerCue::Colon
    ) {
        let rest = found.tokens.end.max(q + 1);
        if let Some(source) = outer_source(t, rest).or_else(|| closing_source(t, rest)) {
            return Some(source);
        }
    }
    if found.cue == SpeakerCue::Before {
        if let Some(source) = opening_source(t, from, found.tokens.start) {
            return Some(source);
        }
    }
    Some(found)
}

/// A partial quotation inside a sentence with no reporting verb belongs to
/// the subject of the clause that governs it ("Smith welcomed "the news"").
fn governing_subject(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    if q <= from + 1 {
        return None;
    }
    if let Some(owner) = speech_owner(t, q, from) {
        // "Lee repeated his claim that …": a possessive pronoun stands for
        // the name that is the sentence's subject.
        let possessive = t.word(owner).is_some_and(word_lists::is_possessive_pronoun);
        let named = possessive
            .then(|| sentence_subject(t, from, owner))
            .flatten()
            .filter(|p| p.end <= owner && t.is_capitalised(p.end - 1) && !pronoun_at(t, p.start));
        return Some(Attribution {
            tokens: named.unwrap_or(owner..owner + 1),
            verb: None,
            cue: SpeakerCue::SpeechNoun,
        });
    }
    if let Some(subject) = stance_subject(t, q, from) {
        return Some(Attribution {
            tokens: subject,
            verb: None,
            cue: SpeakerCue::GoverningClause,
        });
    }
    let subject = sentence_subject(t, from, q)?;
    // The subject must be followed by a verb-like word, not be the object
    // the quotation modifies.
    (subject.end < q).then_some(Attribution {
        tokens: subject,
        verb: None,
        cue: SpeakerCue::GoverningClause,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::speakers;

    #[test]
    fn the_owner_of_a_speech_noun_speaks() {
        assert_eq!(
            speakers("Few expected Mayor Kim's promise of “free buses for all.”"),
            [Some("Kim's")]
        );
    }

    #[test]
    fn the_owner_of_an_allegation_speaks() {
        assert_eq!(
            speakers("The report repeated Lee's allegations of a “secret deal” last year."),
            [Some("Lee's")]
        );
    }

    #[test]
    fn a_possessive_owner_stands_for_the_named_subject() {
        assert_eq!(
            speakers("Mayor Ana Ruiz repeated her claim that the bridge was “unsafe.”"),
            [Some("Mayor Ana Ruiz")]
        );
        // With no name to stand for, the possessive itself is the mention.
        assert_eq!(
            speakers("Then she repeated her claim that the bridge was “unsafe.”"),
            [Some("her")]
        );
    }

    #[test]
    fn the_owner_of_a_speech_noun_speaks_with_either_apostrophe() {
        for (text, owner) in [
            ("Few expected Mayor Kim's promise of “free buses.”", "Kim's"),
            ("Few expected Mayor Kim’s promise of “free buses.”", "Kim’s"),
            (
                "Few expected the Greens' promise of “free buses.”",
                "Greens",
            ),
            (
                "Few expected the Greens’ promise of “free buses.”",
                "Greens",
            ),
        ] {
            assert_eq!(speakers(text), [Some(owner)], "{text}");
        }
    }

    #[test]
    fn every_possessive_pronoun_stands_for_the_named_subject() {
        for pronoun in ["his", "her", "their", "its"] {
            let text =
                format!("The Green Party repeated {pronoun} claim that fares were “unfair.”");
            assert_eq!(speakers(&text), [Some("The Green Party")], "{text}");
        }
    }
}
