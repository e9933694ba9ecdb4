//! What a speaker pronoun stands for: the nearest earlier mention of a
//! compatible person or organisation.

use super::tokens::{TokenKind, Tokens};
use super::word_lists::{self, Antecedent, SPEAKER_PRONOUNS};
use std::ops::Range;

/// How far back (in tokens) a pronoun's antecedent is looked for.
const LOOKBACK: usize = 400;
/// How many earlier speakers a pronoun may refer back to.
const RECENT_SPEAKERS: usize = 20;

/// What a pronoun token may refer to, if it is a speaker pronoun.
pub fn antecedent_kind(word: &str) -> Option<Antecedent> {
    SPEAKER_PRONOUNS
        .iter()
        .find(|(p, _)| *p == word)
        .map(|&(_, kind)| kind)
}

/// A mention the resolver may pick: a speaker found earlier or a name.
#[derive(Debug, Clone)]
pub struct Mention {
    pub range: Range<usize>,
    pub text: String,
}

fn is_organisation(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| word_lists::is_organisation_word(w.to_lowercase()))
}

fn compatible(kind: Antecedent, text: &str) -> bool {
    match kind {
        Antecedent::Person => !is_organisation(text),
        Antecedent::Organisation => is_organisation(text),
        Antecedent::Group => true,
    }
}

/// Resolves the pronoun at token `at` to the nearest compatible mention
/// before it: one of `speakers` (earlier attributed, non-pronoun speakers,
/// in text order) or a run of capitalised words. Returns the mention.
pub fn resolve(t: &Tokens, at: usize, kind: Antecedent, speakers: &[Mention]) -> Option<Mention> {
    if at >= t.len() {
        return None;
    }
    let pronoun_start = t.range(at).start;
    // Only recent speakers compete with names nearby; older ones are too
    // far back to be meant, and the bound keeps long texts linear.
    let speaker = speakers
        .iter()
        .rev()
        .take(RECENT_SPEAKERS)
        .find(|m| m.range.end <= pronoun_start && compatible(kind, &m.text));
    let floor = at.saturating_sub(LOOKBACK);
    let mut k = at;
    let mut name: Option<(Range<usize>, String)> = None;
    while k > floor {
        k -= 1;
        if !is_name_word(t, k) {
            continue;
        }
        let end = k;
        let mut start = k;
        while start > floor && is_name_word(t, start - 1) {
            start -= 1;
        }
        let first = t.range(start).start;
        let last = t.range(end).end;
        let text = t.text.get(first..last).unwrap_or_default();
        let text = text
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string();
        if compatible(kind, &text) && !(kind == Antecedent::Person && is_place(t, start)) {
            name = Some((first..last, text));
            break;
        }
        k = start;
    }
    let name = name.map(|(range, text)| Mention { range, text });
    match (speaker, name) {
        (Some(s), Some(name)) => Some(if s.range.start >= name.range.start {
            s.clone()
        } else {
            name
        }),
        (Some(s), None) => Some(s.clone()),
        (None, name) => name,
    }
}

/// A name after "of", "in", "from" … ("the Patriarchate of Jerusalem",
/// "a senator from Vermont") reads as a place, not a person.
fn is_place(t: &Tokens, start: usize) -> bool {
    let preposition = |i: usize| {
        t.word(i).is_some_and(|w| {
            matches!(
                w,
                "of" | "in" | "at" | "from" | "to" | "for" | "on" | "across" | "near" | "into"
            )
        })
    };
    let before = start.checked_sub(1);
    let determiner_then_preposition = start >= 2
        && t.word(start - 1)
            .is_some_and(|w| matches!(w, "the" | "a" | "an"))
        && preposition(start - 2);
    before.is_some_and(preposition) || determiner_then_preposition
}

fn is_name_word(t: &Tokens, i: usize) -> bool {
    // "Recently, he …", "Nor did she …": a sentence's first word is
    // capitalised whatever it is; an adverb or a conjunction there is no
    // name.
    let opens = i == 0 || t.ends_sentence(i - 1);
    let adverb_or_conjunction = |w: &str| {
        w.ends_with("ly") || matches!(w, "nor" | "yet" | "so" | "still" | "instead" | "meanwhile")
    };
    t.kind(i) == Some(TokenKind::Word)
        && t.is_capitalised(i)
        && t.word(i).is_some_and(|w| {
            !word_lists::is_not_a_name(w)
                && antecedent_kind(w).is_none()
                && !(opens && adverb_or_conjunction(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve_last_pronoun(text: &str, speakers: &[Mention]) -> Option<String> {
        let t = Tokens::new(text, &[]);
        let at = (0..t.len())
            .rev()
            .find(|&i| t.word(i).and_then(antecedent_kind).is_some())?;
        let kind = antecedent_kind(t.word(at)?)?;
        resolve(&t, at, kind, speakers).map(|m| m.text)
    }

    #[test]
    fn a_person_pronoun_skips_organisations() {
        let text = "Maria Keller joined the Finance Ministry in May. Then she spoke.";
        assert_eq!(
            resolve_last_pronoun(text, &[]).as_deref(),
            Some("Maria Keller")
        );
    }

    #[test]
    fn it_takes_the_nearest_organisation() {
        let text = "The Central Bank met Tom Reed. Later it spoke.";
        assert_eq!(
            resolve_last_pronoun(text, &[]).as_deref(),
            Some("Central Bank")
        );
    }

    #[test]
    fn an_earlier_speaker_nearer_than_any_name_wins() {
        let text = "Anna Lind met the press. Then the chief inspector spoke, and he left.";
        let start = text.find("the chief").unwrap();
        let speakers = [Mention {
            range: start..start + "the chief inspector".len(),
            text: "the chief inspector".into(),
        }];
        assert_eq!(
            resolve_last_pronoun(text, &speakers).as_deref(),
            Some("the chief inspector")
        );
    }

    #[test]
    fn places_are_not_people() {
        let text = "Bishop Paul Amar of the Church of Lyon spoke. Then he left.";
        assert_eq!(
            resolve_last_pronoun(text, &[]).as_deref(),
            Some("Bishop Paul Amar")
        );
    }

    #[test]
    fn an_opening_adverb_is_no_name() {
        let text = "Omar Haddad took the stage. Typically, he spoke first.";
        assert_eq!(
            resolve_last_pronoun(text, &[]).as_deref(),
            Some("Omar Haddad")
        );
        let text = "Ines Berg left early. Nor did she return.";
        assert_eq!(
            resolve_last_pronoun(text, &[]).as_deref(),
            Some("Ines Berg")
        );
    }

    #[test]
    fn nothing_to_refer_to() {
        assert_eq!(resolve_last_pronoun("he said so.", &[]), None);
    }
}
