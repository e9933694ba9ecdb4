//! Who said a quotation: the noun phrase attached to the nearest reporting
//! verb, looked for after the quotation ("…," the minister said), before it
//! (the minister said: "…"), through "according to", a colon, or the
//! sentence before.

use super::lexicon::{
    is_participle, BETWEEN_SPEAKER_AND_VERB, DETERMINERS, NOT_A_NAME, NOT_IN_SPEAKER,
    NOUN_PHRASE_LINKS, REPORTING_VERBS, SPEAKER_PRONOUNS,
};
use super::tokens::{TokenKind, Tokens};
use std::ops::Range;

/// How far (in tokens) a speaker may lie from its quotation.
const WINDOW: usize = 60;
/// The longest speaker noun phrase, in tokens.
const MAX_PHRASE: usize = 14;

/// Where the attribution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    After,
    Before,
    According,
    Colon,
    PreviousSentence,
}

impl Cue {
    pub fn describe(self) -> &'static str {
        match self {
            Cue::After => "speaker after quote",
            Cue::Before => "speaker before quote",
            Cue::According => "'according to' attribution",
            Cue::Colon => "speaker introduces quote with a colon",
            Cue::PreviousSentence => "speaker in previous sentence",
        }
    }
}

/// A speaker mention (token indexes, end exclusive) and what tied it to
/// the quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub tokens: Range<usize>,
    pub verb: Option<String>,
    pub cue: Cue,
}

fn is_reporting_verb(word: &str) -> bool {
    REPORTING_VERBS.contains(&word)
}

pub fn is_pronoun(word: &str) -> bool {
    SPEAKER_PRONOUNS.iter().any(|(p, _)| *p == word)
}

/// Whether token `i` may be part of a speaker noun phrase.
fn phrase_word(t: &Tokens, i: usize) -> bool {
    let Some(word) = t.word(i) else {
        return false;
    };
    if t.is_capitalised(i) {
        return !NOT_A_NAME.contains(&word.as_str()) || DETERMINERS.contains(&word.as_str());
    }
    !NOT_IN_SPEAKER.contains(&word.as_str()) && !is_reporting_verb(&word) && !word.ends_with("ly")
}

fn is_determiner(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(|w| DETERMINERS.contains(&w.as_str()))
}

fn is_link(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(|w| NOUN_PHRASE_LINKS.contains(&w.as_str())) || t.is_punct(i, '&')
}

fn pronoun_at(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(|w| is_pronoun(&w))
}

/// The noun phrase ending at token `end` (inclusive), read backwards.
pub fn phrase_ending_at(t: &Tokens, end: usize) -> Option<Range<usize>> {
    if pronoun_at(t, end) {
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
        if phrase_word(t, j) && !pronoun_at(t, j) {
            start = j;
            i = j;
            continue;
        }
        break;
    }
    while start < end && (is_link(t, start) || t.kind(start) != Some(TokenKind::Word)) {
        start += 1;
    }
    Some(start..end + 1)
}

/// The noun phrase starting at token `start`, read forwards.
pub fn phrase_starting_at(t: &Tokens, start: usize) -> Option<Range<usize>> {
    if pronoun_at(t, start) {
        return Some(start..start + 1);
    }
    if !phrase_word(t, start) {
        return None;
    }
    let mut end = start;
    let mut i = start + 1;
    while i < t.len() && i - start < MAX_PHRASE {
        if t.is_abbreviation_period(i) {
            i += 1;
            continue;
        }
        if is_link(t, i) || is_determiner(t, i) {
            if phrase_word(t, i + 1) || is_determiner(t, i + 1) {
                i += 1;
                continue;
            }
            break;
        }
        if phrase_word(t, i) && !pronoun_at(t, i) && !is_determiner(t, i) {
            end = i;
            i += 1;
            continue;
        }
        break;
    }
    let has_content = (start..=end).any(|k| phrase_word(t, k) && !is_determiner(t, k));
    has_content.then_some(start..end + 1)
}

/// Skips backwards over words that sit between a subject and its verb.
fn skip_back_between(t: &Tokens, mut i: usize) -> Option<usize> {
    loop {
        let word = t.word(i)?;
        let between = BETWEEN_SPEAKER_AND_VERB.contains(&word.as_str())
            || (word.ends_with("ly") && !t.is_capitalised(i));
        if !between || i == 0 {
            return Some(i);
        }
        i -= 1;
    }
}

/// Skips forwards over words that sit between a subject and its verb.
fn skip_forward_between(t: &Tokens, mut i: usize) -> usize {
    while let Some(word) = t.word(i) {
        let between = BETWEEN_SPEAKER_AND_VERB.contains(&word.as_str())
            || (word.ends_with("ly") && !t.is_capitalised(i));
        if !between || is_reporting_verb(&word) {
            break;
        }
        i += 1;
    }
    i
}

/// The subject of the verb at `verb`: the phrase just before it, or the one
/// before an appositive ("Smith, a former aide, said").
fn subject_of(t: &Tokens, verb: usize, floor: usize) -> Option<Range<usize>> {
    if verb == 0 || verb <= floor {
        return None;
    }
    let before = skip_back_between(t, verb - 1).unwrap_or(verb - 1);
    if before < floor {
        return None;
    }
    if let Some(phrase) = phrase_ending_at(t, before) {
        if phrase.start >= floor {
            return Some(phrase);
        }
    }
    if t.is_punct(before, ',') {
        // One hop back over an appositive or relative clause.
        let mut k = before;
        while k > floor + 1 && before - k < 24 {
            k -= 1;
            if t.is_punct(k, ',') {
                return phrase_ending_at(t, k - 1).filter(|p| p.start >= floor);
            }
            if t.ends_sentence(k) || matches!(t.kind(k), Some(TokenKind::Quote(_))) {
                break;
            }
        }
    }
    None
}

/// The speaker named after the quotation at token `q`: "…," said Smith /
/// "…," Smith said / "…," Smith, an aide, said / "…" — Smith.
fn after(t: &Tokens, q: usize) -> Option<Attribution> {
    let mut i = q + 1;
    while t.is_punct(i, ',') || t.is_punct(i, '—') || t.is_punct(i, '–') {
        i += 1;
    }
    let word = t.word(i)?;
    if is_reporting_verb(&word) && !is_participle(&word) && word != "according" {
        let phrase = phrase_starting_at(t, skip_forward_between(t, i + 1))?;
        return Some(Attribution {
            tokens: phrase,
            verb: Some(word),
            cue: Cue::After,
        });
    }
    let phrase = phrase_starting_at(t, i)?;
    let mut v = skip_forward_between(t, phrase.end);
    if t.is_punct(v, ',') {
        // An appositive: skip to the comma that closes it.
        let mut k = v + 1;
        while k < t.len() && k - v < 24 {
            if t.ends_sentence(k) || matches!(t.kind(k), Some(TokenKind::Quote(_))) {
                return None;
            }
            if t.is_punct(k, ',') {
                break;
            }
            k += 1;
        }
        v = skip_forward_between(t, k + 1);
    }
    let verb = t.word(v)?;
    (is_reporting_verb(&verb) && verb != "according").then_some(Attribution {
        tokens: phrase,
        verb: Some(verb),
        cue: Cue::After,
    })
}

/// Index of the first token of the sentence holding token `i`.
fn sentence_start(t: &Tokens, i: usize) -> usize {
    let mut k = i;
    while k > 0 && i - k < WINDOW {
        if t.ends_sentence(k - 1) {
            return k;
        }
        k -= 1;
    }
    k
}

/// The speaker named before the quotation at token `q`, in the stretch
/// `from..q` of its sentence.
fn before(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    let mut participle_seen: Option<String> = None;
    let mut k = q;
    while k > from {
        k -= 1;
        let Some(word) = t.word(k) else { continue };
        if word == "according" && t.word(k + 1).as_deref() == Some("to") {
            if let Some(phrase) = phrase_starting_at(t, k + 2).filter(|p| p.end <= q) {
                return Some(Attribution {
                    tokens: phrase,
                    verb: Some("according to".into()),
                    cue: Cue::According,
                });
            }
            continue;
        }
        if !is_reporting_verb(&word) || t.is_capitalised(k) && k != from {
            continue;
        }
        if is_participle(&word) {
            participle_seen.get_or_insert(word);
            continue;
        }
        if let Some(subject) = subject_of(t, k, from) {
            return Some(Attribution {
                tokens: subject,
                verb: Some(participle_seen.unwrap_or(word)),
                cue: Cue::Before,
            });
        }
        // "…, said Smith: «…»"
        if let Some(phrase) =
            phrase_starting_at(t, skip_forward_between(t, k + 1)).filter(|p| p.end <= q)
        {
            return Some(Attribution {
                tokens: phrase,
                verb: Some(word),
                cue: Cue::Before,
            });
        }
    }
    if let Some(verb) = participle_seen {
        // A participle hangs on its clause's subject: the sentence's first
        // noun phrase, past an opening adverbial ("On Monday, …").
        let mut start = from;
        if let Some(comma) = (from..q).find(|&i| t.is_punct(i, ','))
            .filter(|&c| t.word(from).is_some_and(|w| NOT_A_NAME.contains(&w.as_str())) && !pronoun_at(t, from) && c + 1 < q)
        {
            start = comma + 1;
        }
        let phrase = phrase_starting_at(t, start).filter(|p| p.end <= q)?;
        return Some(Attribution {
            tokens: phrase,
            verb: Some(verb),
            cue: Cue::Before,
        });
    }
    None
}

/// "Smith: «…»": a short phrase and a colon just before the quotation.
fn colon(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    let mut c = q.checked_sub(1)?;
    if t.kind(c) == Some(TokenKind::Break) {
        c = c.checked_sub(1)?;
    }
    if !t.is_punct(c, ':') || c == 0 {
        return None;
    }
    let phrase = phrase_ending_at(t, c - 1)?;
    (phrase.start >= from.min(phrase.start) && phrase.start + 6 >= c).then_some(Attribution {
        tokens: phrase,
        verb: None,
        cue: Cue::Colon,
    })
}

/// Finds the speaker of the quotation folded into token `q`.
pub fn attribute(t: &Tokens, q: usize) -> Option<Attribution> {
    let from = sentence_start(t, q);
    let starts_sentence = from == q;
    if starts_sentence {
        if let Some(found) = after(t, q) {
            return Some(found);
        }
    }
    if let Some(found) = before(t, q, from) {
        return Some(found);
    }
    if let Some(found) = after(t, q) {
        return Some(found);
    }
    if let Some(found) = colon(t, q, from) {
        return Some(found);
    }
    // The sentence before, when it leads into this one ("Smith made the
    // following comment:" or "Smith said so on Monday.").
    if starts_sentence && from > 0 {
        let prev_end = from - 1;
        let prev_from = sentence_start(t, prev_end);
        let led_in = t.is_punct(prev_end, ':')
            || (t.kind(prev_end) == Some(TokenKind::Break)
                && prev_end > 0
                && t.is_punct(prev_end - 1, ':'));
        if led_in {
            let stop = if t.kind(prev_end) == Some(TokenKind::Break) {
                prev_end - 1
            } else {
                prev_end
            };
            let from = sentence_start(t, stop);
            if let Some(mut found) = before(t, stop, from).or_else(|| colon(t, stop + 1, from)) {
                found.cue = Cue::PreviousSentence;
                return Some(found);
            }
        }
        if t.kind(prev_end) != Some(TokenKind::Break) {
            if let Some(mut found) = before(t, prev_end, prev_from) {
                found.cue = Cue::PreviousSentence;
                return Some(found);
            }
        }
    }
    None
}
