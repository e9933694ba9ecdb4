//! What a speaker pronoun stands for: the nearest earlier mention of a
//! compatible person or organisation.

use super::lexicon::{Antecedent, NOT_A_NAME, ORGANISATION_WORDS, SPEAKER_PRONOUNS};
use super::tokens::{TokenKind, Tokens};
use std::ops::Range;

/// How far back (in tokens) a pronoun's antecedent is looked for.
const LOOKBACK: usize = 400;

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
        .any(|w| ORGANISATION_WORDS.contains(&w.to_lowercase().as_str()))
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
/// in text order) or a run of capitalised words.
pub fn resolve(t: &Tokens, at: usize, kind: Antecedent, speakers: &[Mention]) -> Option<String> {
    let pronoun_start = t.list.get(at)?.range.start;
    let speaker = speakers
        .iter()
        .rev()
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
        let first = t.list[start].range.start;
        let last = t.list[end].range.end;
        let text = t.text.get(first..last).unwrap_or_default();
        let text = text
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string();
        if compatible(kind, &text) {
            name = Some((first..last, text));
            break;
        }
        k = start;
    }
    match (speaker, name) {
        (Some(s), Some((range, text))) => Some(if s.range.start >= range.start {
            s.text.clone()
        } else {
            text
        }),
        (Some(s), None) => Some(s.text.clone()),
        (None, Some((_, text))) => Some(text),
        (None, None) => None,
    }
}

fn is_name_word(t: &Tokens, i: usize) -> bool {
    t.kind(i) == Some(TokenKind::Word)
        && t.is_capitalised(i)
        && t.word(i)
            .is_some_and(|w| !NOT_A_NAME.contains(&w.as_str()) && antecedent_kind(&w).is_none())
}
