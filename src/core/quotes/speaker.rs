//! Who said a quotation: the noun phrase attached to the nearest reporting
//! verb, looked for after the quotation ("…," the minister said), before it
//! (the minister said: "…"), through "according to", a colon, or the
//! sentence before.

use super::lexicon::{
    is_participle, ACCORDING_TO, AUXILIARIES, BETWEEN_SPEAKER_AND_VERB, DETERMINERS, NOT_A_NAME,
    NOT_IN_SPEAKER, NOUN_PHRASE_LINKS, REPORTING_VERBS, SPEAKER_PRONOUNS,
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
    GoverningClause,
    NextSentence,
}

impl Cue {
    pub fn describe(self) -> &'static str {
        match self {
            Cue::After => "speaker after quote",
            Cue::Before => "speaker before quote",
            Cue::According => "'according to' attribution",
            Cue::Colon => "speaker introduces quote with a colon",
            Cue::PreviousSentence => "speaker in previous sentence",
            Cue::GoverningClause => "subject of the governing clause",
            Cue::NextSentence => "speaker in next sentence",
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
    !NOT_IN_SPEAKER.contains(&word.as_str())
        && !is_reporting_verb(&word)
        && !word.ends_with("ly")
        && !word.ends_with("n't")
}

fn is_determiner(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(|w| DETERMINERS.contains(&w.as_str()))
}

fn is_link(t: &Tokens, i: usize) -> bool {
    t.word(i)
        .is_some_and(|w| NOUN_PHRASE_LINKS.contains(&w.as_str()))
        || t.is_punct(i, '&')
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
    let has_content = (start..=end).any(|k| {
        phrase_word(t, k) && !is_determiner(t, k) && t.str(k).chars().any(char::is_alphabetic)
    });
    has_content.then_some(start..end + 1)
}

fn is_between(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(|w| {
        BETWEEN_SPEAKER_AND_VERB.contains(&w.as_str())
            || (w.ends_with("ly") && !t.is_capitalised(i) && !is_reporting_verb(&w))
    })
}

/// Skips backwards over words that sit between a subject and its verb.
fn skip_back_between(t: &Tokens, mut i: usize, floor: usize) -> usize {
    loop {
        if i > floor && is_between(t, i) {
            i -= 1;
            continue;
        }
        // "Smith on Tuesday said"
        let weekday = t
            .word(i)
            .is_some_and(|w| w.ends_with("day") && t.is_capitalised(i));
        if weekday && i > floor + 1 && t.word(i - 1).as_deref() == Some("on") {
            i -= 2;
            continue;
        }
        return i;
    }
}

/// Skips forwards over words that sit between a subject and its verb.
fn skip_forward_between(t: &Tokens, mut i: usize) -> usize {
    while is_between(t, i) && !t.word(i).is_some_and(|w| is_reporting_verb(&w)) {
        i += 1;
    }
    i
}

/// Whether token `i` is a reporting verb used as a verb: not capitalised,
/// and not a noun after a determiner, a possessive or "of" ("his claims",
/// "Trump's call", "a media call").
fn reporting_verb_at(t: &Tokens, i: usize) -> Option<String> {
    let word = t.word(i)?;
    if !is_reporting_verb(&word) || t.is_capitalised(i) || word == "according" {
        return None;
    }
    if i > 0 {
        if let Some(prev) = t.word(i - 1) {
            let possessive = prev.ends_with("'s") || prev.ends_with("’s") || prev.ends_with("s'");
            let noun_before = DETERMINERS.contains(&prev.as_str())
                || possessive
                || prev == "of"
                || (i > 1 && t.word(i - 2).as_deref() == Some("of"));
            if noun_before && !pronoun_at(t, i - 1) {
                return None;
            }
        }
    }
    // "a memo released by …" describes the memo; nobody speaks.
    if t.word(i + 1).as_deref() == Some("by") {
        return None;
    }
    Some(word)
}

/// A verb whose subject must be found elsewhere: a present participle not
/// after "is"/"was", or an infinitive ("to say").
fn needs_governing_subject(t: &Tokens, i: usize, word: &str) -> bool {
    let prev = i.checked_sub(1).and_then(|p| t.word(p));
    let after_be = prev
        .as_deref()
        .is_some_and(|p| matches!(p, "is" | "was" | "are" | "were" | "been" | "be"));
    (is_participle(word) && !after_be) || prev.as_deref() == Some("to")
}

/// The subject of the verb at `verb`: the phrase just before it, or the one
/// before an appositive ("Smith, a former aide, said").
fn subject_of(t: &Tokens, verb: usize, floor: usize) -> Option<Range<usize>> {
    if verb == 0 || verb <= floor {
        return None;
    }
    let before = skip_back_between(t, verb - 1, floor);
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
                let phrase = phrase_ending_at(t, k - 1).filter(|p| p.start >= floor)?;
                // "X, who …, said" or "X, a …, said", never "…, and said".
                let opener = t.word(k + 1).unwrap_or_default();
                let apposition = DETERMINERS.contains(&opener.as_str())
                    || matches!(opener.as_str(), "who" | "which")
                    || t.is_capitalised(k + 1);
                return apposition.then_some(phrase);
            }
            if t.ends_sentence(k) || matches!(t.kind(k), Some(TokenKind::Quote(_))) {
                break;
            }
        }
    }
    None
}

/// Verbs that may come before their subject after a quotation ("…," said
/// Smith).
fn inverts(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "continued"
            | "continues"
            | "explained"
            | "explains"
            | "noted"
            | "notes"
            | "replied"
            | "recalled"
            | "recalls"
            | "tweeted"
            | "argued"
            | "argues"
            | "declared"
            | "insisted"
            | "responded"
            | "countered"
            | "concluded"
            | "concludes"
            | "warned"
            | "cautioned"
            | "quipped"
            | "joked"
            | "observed"
            | "remarked"
            | "answered"
            | "told"
            | "tells"
            | "read"
            | "reads"
            | "agrees"
            | "agreed"
            | "beamed"
            | "snapped"
    )
}

/// The inverted speaker after `verb` ("said Smith"), a name or a
/// determiner phrase, never a pronoun ("said it was").
fn inverted_subject(t: &Tokens, verb: usize) -> Option<Range<usize>> {
    let start = verb + 1;
    if pronoun_at(t, start) || !(t.is_capitalised(start) || is_determiner(t, start)) {
        return None;
    }
    phrase_starting_at(t, start)
}

/// Right after a quotation the inverted speaker may also start with a
/// title in lowercase ("…," said spokesman Josh Smith), as long as a name
/// follows.
fn inverted_subject_after_quote(t: &Tokens, verb: usize) -> Option<Range<usize>> {
    inverted_subject(t, verb).or_else(|| {
        let phrase = phrase_starting_at(t, verb + 1)?;
        // A lowercase phrase is a speaker when it is short and ends the
        // clause ("…», sa statsministern.").
        let named = phrase.clone().any(|k| t.is_capitalised(k));
        let short_and_final =
            phrase.len() <= 3 && (t.ends_sentence(phrase.end) || t.is_punct(phrase.end, ','));
        (named || short_and_final).then_some(phrase)
    })
}

/// The speaker named right after the quotation at token `q`: "…," said
/// Smith / "…," Smith said / "…," Smith, an aide, said / "…" — Smith.
fn after(t: &Tokens, q: usize) -> Option<Attribution> {
    if t.quote_terminal(q) == Some('.') && t.is_capitalised(q + 1) {
        // `"We won." Smith said more.` starts a new sentence about Smith.
        return None;
    }
    let mut i = q + 1;
    while t.is_punct(i, ',') || t.is_punct(i, '—') || t.is_punct(i, '–') {
        i += 1;
    }
    if t.kind(i) == Some(TokenKind::Break) && ['-', '—', '–'].iter().any(|&d| t.is_punct(i + 1, d))
    {
        // A credit line under the quotation: "— Smith."
        let phrase = phrase_starting_at(t, i + 2)?;
        let closes = t.ends_sentence(phrase.end) || phrase.end >= t.len();
        return closes.then_some(Attribution {
            tokens: phrase,
            verb: None,
            cue: Cue::After,
        });
    }
    let mut word = t.word(i)?;
    if AUXILIARIES.contains(&word.as_str()) && t.word(i + 1).is_some_and(|w| is_reporting_verb(&w))
    {
        i += 1;
        word = t.word(i)?;
    }
    let according = ACCORDING_TO.contains(&word.as_str()).then_some(i + 1);
    let according = according.or_else(|| {
        (word == "according" && t.word(i + 1).as_deref() == Some("to")).then_some(i + 2)
    });
    if let Some(source) = according {
        let phrase = phrase_starting_at(t, source)?;
        return Some(Attribution {
            tokens: phrase,
            verb: Some("according to".into()),
            cue: Cue::According,
        });
    }
    // Right after a quotation any reporting verb may precede its subject.
    if is_reporting_verb(&word) && !is_participle(&word) && !t.is_capitalised(i) {
        let phrase = inverted_subject_after_quote(t, i)?;
        return Some(Attribution {
            tokens: phrase,
            verb: Some(word),
            cue: Cue::After,
        });
    }
    let phrase = phrase_starting_at(t, i)?;
    let mut v = skip_forward_between(t, phrase.end);
    if t.is_punct(v, '(') {
        // "Sen. Smith (D-N.Y.) said"
        let close = (v..t.len().min(v + 12)).find(|&k| t.is_punct(k, ')'))?;
        v = skip_forward_between(t, close + 1);
    }
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
    let verb = reporting_verb_at(t, v)?;
    Some(Attribution {
        tokens: phrase,
        verb: Some(verb),
        cue: Cue::After,
    })
}

/// A reporting verb later in the quotation's own sentence: "…" and more,
/// Smith said.
fn later_in_sentence(t: &Tokens, q: usize) -> Option<Attribution> {
    let mut k = q + 1;
    while k < t.len() && k - q < WINDOW && !t.ends_sentence(k) {
        if matches!(t.kind(k), Some(TokenKind::Quote(_))) {
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
                cue: Cue::After,
            });
        }
        k += 1;
    }
    None
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

/// The subject of the sentence starting at `from`: its first noun phrase,
/// past an opening adverbial or participle clause ("On Monday, …",
/// "Holding signs, the protesters …").
fn sentence_subject(t: &Tokens, from: usize, limit: usize) -> Option<Range<usize>> {
    let first = t.word(from)?;
    // "WASHINGTON (AP) — Smith said": a dateline is no subject.
    let shouted = t.str(from).chars().count() > 1 && t.str(from).chars().all(|c| !c.is_lowercase());
    if shouted {
        let dash = (from..limit.min(from + 8))
            .find(|&i| matches!(t.kind(i), Some(TokenKind::Punct('—' | '–' | '-'))));
        if let Some(dash) = dash {
            return sentence_subject(t, dash + 1, limit);
        }
    }
    let adverbial =
        (NOT_A_NAME.contains(&first.as_str()) && !pronoun_at(t, from) && !is_determiner(t, from))
            || first.ends_with("ing")
            || first.ends_with("ed")
            || first.ends_with("ly");
    if !adverbial {
        return phrase_starting_at(t, from).filter(|p| p.end <= limit);
    }
    // Past the opening adverbial: after its first, second or third comma.
    (from..limit)
        .filter(|&i| t.is_punct(i, ','))
        .take(3)
        .find_map(|comma| phrase_starting_at(t, comma + 1).filter(|p| p.end <= limit))
}

/// The speaker named before the quotation at token `q`, in the stretch
/// `from..q` of its sentence: the subject of its main reporting verb.
fn before(t: &Tokens, q: usize, from: usize, fallback: bool) -> Option<Attribution> {
    let mut governed: Option<String> = None;
    let mut relative: Option<Attribution> = None;
    for k in from..q {
        let word = t.word(k).unwrap_or_default();
        let source = if word == "according" && t.word(k + 1).as_deref() == Some("to") {
            Some(k + 2)
        } else {
            ACCORDING_TO.contains(&word.as_str()).then_some(k + 1)
        };
        if let Some(source) = source {
            if let Some(phrase) = phrase_starting_at(t, source).filter(|p| p.end <= q) {
                return Some(Attribution {
                    tokens: phrase,
                    verb: Some("according to".into()),
                    cue: Cue::According,
                });
            }
            continue;
        }
        let Some(word) = reporting_verb_at(t, k) else {
            continue;
        };
        if needs_governing_subject(t, k, &word) {
            // "with Sen. Smith calling it …": a name right before the
            // participle is its subject.
            if k > from + 1 && t.is_capitalised(k - 1) {
                if let Some(subject) = phrase_ending_at(t, k - 1).filter(|p| p.start > from) {
                    return Some(Attribution {
                        tokens: subject,
                        verb: Some(word),
                        cue: Cue::Before,
                    });
                }
            }
            governed.get_or_insert(word);
            continue;
        }
        if let Some(subject) = subject_of(t, k, from) {
            let found = Attribution {
                tokens: subject.clone(),
                verb: Some(word),
                cue: Cue::Before,
            };
            // "X, who said …, told …": the relative clause yields to the
            // main one, if there is one.
            if subject.len() == 1 && t.word(subject.start).as_deref() == Some("who") {
                relative.get_or_insert(found);
                continue;
            }
            return Some(found);
        }
        // "…, said Smith: «…»"
        if let Some(phrase) = inverted_subject(t, k).filter(|p| p.end <= q) {
            if inverts(&word) && (k == from || t.is_punct(k - 1, ',')) {
                return Some(Attribution {
                    tokens: phrase,
                    verb: Some(word),
                    cue: Cue::Before,
                });
            }
        }
        governed.get_or_insert(word);
    }
    if !fallback {
        return None;
    }
    if let Some(verb) = governed {
        if let Some(subject) = sentence_subject(t, from, q) {
            return Some(Attribution {
                tokens: subject,
                verb: Some(verb),
                cue: Cue::Before,
            });
        }
    }
    relative
}

/// "Smith: «…»": a name and a colon just before the quotation, or a
/// sentence ending in a colon whose subject introduces it.
fn colon(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    let c = q.checked_sub(1)?;
    if !t.is_punct(c, ':') || c == 0 {
        return None;
    }
    let phrase = phrase_ending_at(t, c - 1)
        .filter(|p| p.start == from)
        .or_else(|| sentence_subject(t, from, c))?;
    Some(Attribution {
        tokens: phrase,
        verb: None,
        cue: Cue::Colon,
    })
}

/// Finds the speaker of the quotation folded into token `q` in its own
/// sentence.
pub fn attribute(t: &Tokens, q: usize) -> Option<Attribution> {
    let from = sentence_start(t, q);
    let clause = clause_start(t, from, q);
    after(t, q)
        .or_else(|| {
            (clause > from)
                .then(|| before(t, q, clause, false))
                .flatten()
        })
        .or_else(|| before(t, q, from, true))
        .or_else(|| later_in_sentence(t, q))
        .or_else(|| colon(t, q, from))
        .or_else(|| governing_subject(t, q, from))
}

/// The start of the last clause before token `q` in the sentence from
/// `from`: after "but", "while", a semicolon or ", and" ("Smith spoke, but
/// she said …").
fn clause_start(t: &Tokens, from: usize, q: usize) -> usize {
    (from..q)
        .rev()
        .find(|&k| {
            let word = t.word(k).unwrap_or_default();
            matches!(
                word.as_str(),
                "but" | "while" | "whereas" | "although" | "though"
            ) || (word == "and" && k > from && t.is_punct(k - 1, ','))
        })
        .map_or(from, |k| k + 1)
}

/// A partial quotation inside a sentence with no reporting verb belongs to
/// the subject of the clause that governs it ("Smith welcomed "the news"").
fn governing_subject(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    if q <= from + 1 {
        return None;
    }
    let subject = sentence_subject(t, from, q)?;
    // The subject must be followed by a verb-like word, not be the object
    // the quotation modifies.
    (subject.end < q).then_some(Attribution {
        tokens: subject,
        verb: None,
        cue: Cue::GoverningClause,
    })
}

/// Finds the speaker of the quotation at token `q` in the sentence before
/// it, when the quotation opens its sentence and that sentence leads into
/// it ("Smith made the following comment:" or "Smith said so on Monday.").
pub fn attribute_from_previous_sentence(t: &Tokens, q: usize) -> Option<Attribution> {
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
    let mut found = before(t, end, prev_from, true).or_else(|| colon(t, end + 1, prev_from))?;
    found.cue = Cue::PreviousSentence;
    Some(found)
}

/// Finds the speaker of the quotation at token `q` in the sentence right
/// after it, when the quotation is a sentence of its own: `"We won." Smith
/// said so twice.`
pub fn attribute_from_next_sentence(t: &Tokens, q: usize) -> Option<Attribution> {
    if !t.quote_ends_sentence(q) || t.kind(q + 1) != Some(TokenKind::Word) {
        return None;
    }
    let phrase = phrase_starting_at(t, q + 1)?;
    let verb = reporting_verb_at(t, skip_forward_between(t, phrase.end))?;
    Some(Attribution {
        tokens: phrase,
        verb: Some(verb),
        cue: Cue::NextSentence,
    })
}
