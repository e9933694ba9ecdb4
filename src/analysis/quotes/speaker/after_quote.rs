//! The speaker named after a quotation in its own sentence: "…," said
//! Smith / "…," Smith said / "…," Smith, an aide, said / "…" — Smith, or a
//! reporting verb later in the sentence ("…" and more, Smith said). The
//! most common attribution in news, with its own word order (the verb may
//! precede its subject), so it is read on its own.

use super::super::tokens::{TokenKind, Tokens};
use super::super::word_lists::{self, is_participle};
use super::phrases::{phrase_starting_at, with_appositive_name};
use super::sources::{according_source, source_phrase};
use super::subjects::{inverted_subject, inverted_subject_after_quote, subject_of};
use super::verbs::{
    is_reporting_verb, needs_governing_subject, reporting_verb_at, skip_forward_between,
};
use super::{Attribution, SpeakerCue, WINDOW};

/// The speaker named right after the quotation at token `q`: "…," said
/// Smith / "…," Smith said / "…," Smith, an aide, said / "…" — Smith.
pub(super) fn after(t: &Tokens, q: usize) -> Option<Attribution> {
    if t.quote_terminal(q) == Some('.') && t.is_capitalised(q + 1) {
        // `"We won." Smith said more.` starts a new sentence about Smith.
        return None;
    }
    let mut i = q + 1;
    while t.is_punct(i, ',') || t.is_dash(i) {
        i += 1;
    }
    if t.kind(i) == Some(TokenKind::Break) && t.is_dash(i + 1) {
        // A credit line under the quotation: "— Smith."
        let phrase = phrase_starting_at(t, i + 2)?;
        let closes = t.ends_sentence(phrase.end) || phrase.end >= t.len();
        return closes.then_some(Attribution {
            tokens: phrase,
            verb: None,
            cue: SpeakerCue::After,
        });
    }
    let mut word = t.word(i)?;
    if word_lists::is_contrast_word(word) {
        // "…“unfair,” while others call it …": a new clause with its own
        // subject, not an attribution.
        return None;
    }
    if word_lists::is_auxiliary(word) && t.word(i + 1).is_some_and(is_reporting_verb) {
        i += 1;
        word = t.word(i)?;
    }
    if let Some(source) = according_source(t, i) {
        let phrase = source_phrase(t, source)?;
        return Some(Attribution {
            tokens: phrase,
            verb: Some("according to".into()),
            cue: SpeakerCue::According,
        });
    }
    // Right after a quotation any reporting verb may precede its subject.
    if is_reporting_verb(word) && !is_participle(word) && !t.is_capitalised(i) {
        let phrase = inverted_subject_after_quote(t, i)?;
        return Some(Attribution {
            tokens: phrase,
            verb: Some(word.to_string()),
            cue: SpeakerCue::After,
        });
    }
    let mut phrase = phrase_starting_at(t, i)?;
    // "…," the paper states: right after a quotation and its subject,
    // "state" can only be the verb, not the end of the noun phrase.
    let last = phrase.end - 1;
    let verb_state = |k: usize| {
        !t.is_capitalised(k) && t.word(k).is_some_and(|w| matches!(w, "state" | "states"))
    };
    if last > phrase.start && verb_state(last) {
        phrase.end = last;
    }
    let mut v = skip_forward_between(t, phrase.end);
    let preposition = t.word(v).is_some_and(word_lists::is_preposition);
    if preposition {
        // "a voice-over in the ad states"
        if let Some(mut complement) = phrase_starting_at(t, v + 1) {
            let last = complement.end - 1;
            if last > complement.start && verb_state(last) {
                complement.end = last;
            }
            v = skip_forward_between(t, complement.end);
        }
    }
    if t.is_punct(v, '(') {
        // "Sen. Smith (D-N.Y.) said"
        let close = (v..t.len().min(v + 12)).find(|&k| t.is_punct(k, ')'))?;
        v = skip_forward_between(t, close + 1);
    }
    // Appositives ("Smith, 45, of Ohio, said"): up to three comma-separated
    // segments before the verb.
    let mut segments = 0;
    while t.is_punct(v, ',') && reporting_verb_at(t, v).is_none() && segments < 3 {
        let mut k = v + 1;
        while k < t.len() && k - v < 24 {
            // A quoted name inside an appositive ("wearing “Vote Lee”
            // pins") is part of it; a quotation ending a sentence is not.
            if t.ends_sentence(k) {
                return None;
            }
            if t.is_punct(k, ',') {
                break;
            }
            k += 1;
        }
        segments += 1;
        let next = skip_forward_between(t, k + 1);
        // At a verb, or at the comma opening the next segment.
        v = if reporting_verb_at(t, next).is_some() {
            next
        } else {
            k
        };
        if v == k && segments == 3 {
            return None;
        }
    }
    let verb = reporting_verb_at(t, v).or_else(|| verb_state(v).then(|| "states".to_string()))?;
    // `"Why?" Her critics cited it as evidence` is a new sentence; `"Why?"
    // Smith asked (at the rally).` is not: after a question or exclamation
    // the verb takes no object.
    if matches!(t.quote_terminal(q), Some('?' | '!')) && t.is_capitalised(q + 1) {
        let clause_ends = match t.kind(v + 1) {
            None | Some(TokenKind::Break) | Some(TokenKind::Quote) => true,
            Some(TokenKind::Punct(_)) => true,
            // "asked at the rally", "said as she left": an adjunct, not
            // an object, follows the verb.
            Some(TokenKind::Word) => {
                t.is_capitalised(v + 1)
                    || t.word(v + 1).is_some_and(|w| {
                        word_lists::is_preposition(w)
                            || matches!(
                                w,
                                "to" | "during" | "after" | "before" | "while" | "as" | "when"
                            )
                    })
            }
        };
        // "Asked" and its kind take the person asked as their object.
        let asks = matches!(verb.as_str(), "asked" | "asks" | "pressed" | "presses");
        if !clause_ends && !asks {
            return None;
        }
    }
    Some(Attribution {
        tokens: with_appositive_name(t, phrase),
        verb: Some(verb),
        cue: SpeakerCue::After,
    })
}

/// A reporting verb later in the quotation's own sentence: "…" and more,
/// Smith said.
pub(super) fn later_in_sentence(t: &Tokens, q: usize) -> Option<Attribution> {
    if t.quote_ends_sentence(q) {
        return None;
    }
    let mut k = q + 1;
    while k < t.len() && k - q < WINDOW && !t.ends_sentence(k) {
        // "“…” and “…,” Smith said": quotations listed together share the
        // verb; a clause of its own ("while critics say …") does not.
        let joined = matches!(t.kind(k), Some(TokenKind::Quote))
            && (t.word(k - 1) == Some("and") || t.is_punct(k - 1, ','));
        if matches!(t.kind(k), Some(TokenKind::Quote)) && !joined {
            return None;
        }
        if t.word(k).is_some_and(word_lists::is_contrast_word) {
            return None;
        }
        if let Some(verb) = reporting_verb_at(t, k) {
            if needs_governing_subject(t, k, &verb) {
                return None;
            }
            let phrase = subject_of(t, k, q + 1).or_else(|| {
                t.is_punct(k - 1, ',')
                    .then(|| inverted_subject(t, k))
                    .flatten()
            })?;
            return Some(Attribution {
                tokens: phrase,
                verb: Some(verb),
                cue: SpeakerCue::After,
            });
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_support::speakers;

    #[test]
    fn a_question_followed_by_a_new_sentence_is_not_attributed_to_it() {
        assert_eq!(
            speakers("“Why now?” Her critics cited the remark as proof."),
            [None]
        );
        assert_eq!(speakers("“Why now?” Jones asked."), [Some("Jones")]);
    }

    #[test]
    fn a_speaker_of_somewhere_told_and_a_voice_in_an_ad_states() {
        assert_eq!(
            speakers("“I think it is close,” Trump running mate Gov. Mike Pence of Indiana told Fox News Sunday."),
            [Some("Trump running mate Gov. Mike Pence of Indiana")]
        );
        assert_eq!(
            speakers("“Prices will fall,” a narrator in the new ad states."),
            [Some("a narrator")]
        );
    }

    #[test]
    fn a_period_inside_the_quote_ends_its_sentence() {
        assert_eq!(speakers("“We are done.” He noted the hour."), [None]);
    }

    #[test]
    fn every_contrast_word_opens_a_clause_that_names_nobody_for_the_quotation() {
        for word in ["while", "whereas", "but", "although", "though"] {
            let text = format!("“The fee is unfair,” {word} the council says it is fair.");
            assert_eq!(speakers(&text), [None], "{text}");
            let text = format!("Lee spoke first, {word} Kim said the plan was “a mess.”");
            assert_eq!(speakers(&text), [Some("Kim")], "{text}");
        }
        assert_eq!(
            speakers("“The fee is unfair,” the council says."),
            [Some("the council")]
        );
    }

    #[test]
    fn a_speaker_with_a_place_after_a_preposition() {
        for (text, speaker) in [
            ("“We stay,” a man by the gate said.", "a man"),
            ("“We stay,” a woman in the crowd said.", "a woman"),
            (
                "“We stay,” a guard at the gate said.",
                "a guard at the gate",
            ),
        ] {
            assert_eq!(speakers(text), [Some(speaker)], "{text}");
        }
    }

    #[test]
    fn any_dash_after_a_quotation_leads_to_its_speaker() {
        for dash in ['—', '–', '-'] {
            let text = format!("“We stay” {dash} said Lee Park.");
            assert_eq!(speakers(&text), [Some("Lee Park")], "{text}");
            let text = format!("“We stay.”\n{dash} Lee Park");
            assert_eq!(speakers(&text), [Some("Lee Park")], "{text:?}");
        }
    }
}
