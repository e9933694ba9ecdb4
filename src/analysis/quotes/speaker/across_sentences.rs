//! Attribution across sentences: a quotation that is a sentence of its own
//! takes its speaker from the sentence that leads into it ("Smith made the
//! following comment:") or the one right after it ("Smith said so
//! twice."). Used only when the quotation's own sentence names nobody.

use super::super::tokens::{TokenKind, Tokens};
use super::before_quote::{before, colon};
use super::clauses::sentence_start;
use super::phrases::phrase_starting_at;
use super::verbs::{reporting_verb_at, skip_forward_between};
use super::{Attribution, SpeakerCue};

/// Finds the speaker of the quotation at token `q` in the sentence before
/// it, when the quotation opens its sentence and that sentence leads into
/// it ("Smith made the following comment:" or "Smith said so on Monday.").
pub(crate) fn attribute_from_previous_sentence(t: &Tokens, q: usize) -> Option<Attribution> {
    previous_sentence(t, q, None)
}

/// The speaker named in the sentence before the quotation at token `q`,
/// as [`attribute_from_previous_sentence`] finds it, when that whole
/// sentence lies after the quotation at token `earlier` and its speaker
/// (ending at byte `named_until`) and says that somebody speaks: "“…,” Lee
/// said. Kim says the count is wrong. “…”" hands the last quotation to
/// Kim, whoever spoke before; "Lee did not say when." reports nobody's
/// words.
pub(crate) fn attribute_from_sentence_after(
    t: &Tokens,
    earlier: usize,
    named_until: usize,
    q: usize,
) -> Option<Attribution> {
    previous_sentence(t, q, Some((earlier, named_until)))
}

fn previous_sentence(t: &Tokens, q: usize, earlier: Option<(usize, usize)>) -> Option<Attribution> {
    let from = sentence_start(t, q);
    if from != q || from == 0 {
        return None;
    }
    let mut end = from - 1;
    let paragraph_break = t.kind(end) == Some(TokenKind::Break);
    if paragraph_break {
        end = end.checked_sub(1)?;
    }
    let prev_from = sentence_start(t, end);
    let after_earlier = |(at, named_until): (usize, usize)| {
        prev_from > at && prev_from < t.len() && t.range(prev_from).start >= named_until
    };
    if earlier.is_some_and(|e| !after_earlier(e)) {
        return None;
    }
    let mut found = before(t, end, prev_from, true).or_else(|| colon(t, end + 1, prev_from))?;
    if earlier.is_some() && negated_verb(t, found.tokens.end, end) {
        return None;
    }
    found.cue = SpeakerCue::PreviousSentence;
    Some(found)
}

/// Whether a negation stands between the subject ending before token
/// `from` and its reporting verb ("Lee did not say", "Kim never told").
fn negated_verb(t: &Tokens, from: usize, end: usize) -> bool {
    for k in from..end.min(from + 5) {
        // Words are read with a straight apostrophe: "didn’t" is "didn't".
        let negation = t
            .word(k)
            .is_some_and(|w| matches!(w, "not" | "never" | "no") || w.ends_with("n't"));
        if negation {
            return true;
        }
        if reporting_verb_at(t, k).is_some() {
            return false;
        }
    }
    false
}

/// Finds the speaker of the quotation at token `q` in the sentence right
/// after it, when the quotation is a sentence of its own: `"We won." Smith
/// said so twice.`
pub(crate) fn attribute_from_next_sentence(t: &Tokens, q: usize) -> Option<Attribution> {
    if !t.quote_ends_sentence(q) || t.kind(q + 1) != Some(TokenKind::Word) {
        return None;
    }
    let phrase = phrase_starting_at(t, q + 1)?;
    let verb = reporting_verb_at(t, skip_forward_between(t, phrase.end))?;
    Some(Attribution {
        tokens: phrase,
        verb: Some(verb),
        cue: SpeakerCue::NextSentence,
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::Tokens;
    use super::negated_verb;

    #[test]
    fn a_negation_is_read_alike_with_either_apostrophe() {
        for text in [
            "Kim didn't say when.",
            "Kim didn’t say when.",
            "Kim never said when.",
        ] {
            let t = Tokens::new(text, &[]);
            assert!(negated_verb(&t, 1, t.len()), "{text}");
        }
        let t = Tokens::new("Kim said when.", &[]);
        assert!(!negated_verb(&t, 1, t.len()));
    }
}
