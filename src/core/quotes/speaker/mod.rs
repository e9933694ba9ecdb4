//! Who said a quotation: the noun phrase attached to the nearest reporting
//! verb, looked for after the quotation ("…," the minister said), before it
//! (the minister said: "…"), through "according to", a colon, or the
//! sentence before.
//!
//! Each idea has its own file: [`phrases`] (speaker noun phrases), [`verbs`]
//! (reporting verbs), [`subjects`] (the subject of a verb), [`clauses`]
//! (sentence and clause bounds and the sentence subject). This module holds
//! what they share: the [`Cue`] and [`Attribution`] a speaker is reported with,
//! and the surface the parent module calls.

mod clauses;
mod phrases;
mod subjects;
mod verbs;

pub(crate) use phrases::relative_head;

use super::lexicon::{self, is_participle};
use super::tokens::{TokenKind, Tokens};
use clauses::{clause_start, sentence_start, sentence_subject};
use phrases::{
    coordinated, is_determiner, phrase_ending_at, phrase_starting_at, pronoun_at,
    with_appositive_name,
};
use std::ops::Range;
use subjects::{
    inverted_subject, inverted_subject_after_quote, speech_owner, stance_subject, subject_of,
};
use verbs::{
    inverts, is_between, is_reporting_verb, needs_governing_subject, reporting_verb_at,
    skip_back_between, skip_forward_between,
};

/// How far (in tokens) a speaker may lie from its quotation.
const WINDOW: usize = 90;

/// Where the attribution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    After,
    Before,
    According,
    Colon,
    PreviousSentence,
    GoverningClause,
    NextSentence,
    SpeechNoun,
}

impl Cue {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Cue::After => "speaker after quote",
            Cue::Before => "speaker before quote",
            Cue::According => "'according to' attribution",
            Cue::Colon => "speaker introduces quote with a colon",
            Cue::PreviousSentence => "speaker in previous sentence",
            Cue::GoverningClause => "subject of the governing clause",
            Cue::NextSentence => "speaker in next sentence",
            Cue::SpeechNoun => "owner of the words quoted",
        }
    }
}

/// A speaker mention (token indexes, end exclusive) and what tied it to
/// the quotation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attribution {
    pub(crate) tokens: Range<usize>,
    pub(crate) verb: Option<String>,
    pub(crate) cue: Cue,
}

/// The source named after "according to" at token `start`, with the
/// agent that made it when one is named: "a court filing by the state
/// attorney", "audio obtained by the station", "a memo released by the
/// office". The document and its author are one source; naming the whole
/// phrase keeps both.
fn source_phrase(t: &Tokens, start: usize) -> Option<Range<usize>> {
    let phrase = phrase_starting_at(t, start)?;
    let k = phrase.end;
    let participle = t.word(k).is_some_and(|w| {
        (w.ends_with("ed") || matches!(w, "written" | "given" | "made" | "taken" | "done"))
            && !t.is_capitalised(k)
    });
    let by = if t.word(k) == Some("by") {
        k
    } else if participle && t.word(k + 1) == Some("by") {
        k + 1
    } else {
        return Some(phrase);
    };
    match phrase_starting_at(t, by + 1) {
        Some(agent) if !pronoun_at(t, agent.start) => Some(phrase.start..agent.end),
        _ => Some(phrase),
    }
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
    if matches!(word, "while" | "whereas" | "but" | "although" | "though") {
        // "…“unfair,” while others call it …": a new clause with its own
        // subject, not an attribution.
        return None;
    }
    if lexicon::is_auxiliary(word) && t.word(i + 1).is_some_and(is_reporting_verb) {
        i += 1;
        word = t.word(i)?;
    }
    let according = lexicon::means_according_to(word).then_some(i + 1);
    let according =
        according.or_else(|| (word == "according" && t.word(i + 1) == Some("to")).then_some(i + 2));
    if let Some(source) = according {
        let phrase = source_phrase(t, source)?;
        return Some(Attribution {
            tokens: phrase,
            verb: Some("according to".into()),
            cue: Cue::According,
        });
    }
    // Right after a quotation any reporting verb may precede its subject.
    if is_reporting_verb(word) && !is_participle(word) && !t.is_capitalised(i) {
        let phrase = inverted_subject_after_quote(t, i)?;
        return Some(Attribution {
            tokens: phrase,
            verb: Some(word.to_string()),
            cue: Cue::After,
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
    let preposition = t
        .word(v)
        .is_some_and(|w| matches!(w, "in" | "at" | "on" | "with" | "from"));
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
            None | Some(TokenKind::Break) | Some(TokenKind::Quote(_)) => true,
            Some(TokenKind::Punct(_)) => true,
            Some(TokenKind::Word) => {
                t.is_capitalised(v + 1)
                    || t.word(v + 1).is_some_and(|w| {
                        matches!(
                            w,
                            "about"
                                | "in"
                                | "on"
                                | "at"
                                | "of"
                                | "to"
                                | "during"
                                | "after"
                                | "before"
                                | "while"
                                | "as"
                                | "with"
                                | "from"
                                | "when"
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
        cue: Cue::After,
    })
}

/// A reporting verb later in the quotation's own sentence: "…" and more,
/// Smith said.
fn later_in_sentence(t: &Tokens, q: usize) -> Option<Attribution> {
    if t.quote_ends_sentence(q) {
        return None;
    }
    let mut k = q + 1;
    while k < t.len() && k - q < WINDOW && !t.ends_sentence(k) {
        // "“…” and “…,” Smith said": quotations listed together share the
        // verb; a clause of its own ("while critics say …") does not.
        let joined = matches!(t.kind(k), Some(TokenKind::Quote(_)))
            && (t.word(k - 1) == Some("and") || t.is_punct(k - 1, ','));
        if matches!(t.kind(k), Some(TokenKind::Quote(_))) && !joined {
            return None;
        }
        if t.word(k)
            .is_some_and(|w| matches!(w, "while" | "whereas" | "but" | "although" | "though"))
        {
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

/// Whether the sentence holding the quotation at token `q` reports speech:
/// a reporting verb anywhere in it, before or after the quotation ("… his
/// rival, whom he described as a “menace”"). A partial quotation in such a
/// sentence is somebody's words even when no speaker phrase is found.
pub(crate) fn sentence_reports(t: &Tokens, q: usize) -> bool {
    let from = sentence_start(t, q);
    let mut end = q + 1;
    while end < t.len() && end - q < WINDOW && !t.ends_sentence(end - 1) {
        end += 1;
    }
    let stance = |i: usize, w: &str| {
        is_reporting_verb(w)
            || lexicon::is_account_noun(w)
            || ((lexicon::is_attitude_verb(w) || lexicon::is_belief_verb(w)) && !noun_use(t, i))
    };
    (from..end).any(|i| t.word(i).is_some_and(|w| stance(i, w)) || made_clear(t, i))
        || labelled_as(t, q)
}

/// Whether the word at `i` stands as a noun, not a verb: after a
/// determiner, a possessive or a preposition ("for terms containing …",
/// "their frames", "a far cry from"). Stance verbs that double as nouns
/// ("terms", "cry", "frame", "references") say nothing about speech then.
fn noun_use(t: &Tokens, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| t.word(p)) else {
        return false;
    };
    // "that" opens relative clauses too ("a paper that found …").
    (lexicon::is_determiner(prev) && prev != "that")
        || prev.ends_with("'s")
        || prev.ends_with("s'")
        || prev == "far"
        || matches!(
            prev,
            "of" | "for" | "in" | "on" | "at" | "with" | "by" | "from" | "about" | "under" | "into"
        )
}

/// "made it clear that …", "makes clear": a statement of position.
fn made_clear(t: &Tokens, i: usize) -> bool {
    let make = |k: usize| {
        t.word(k)
            .is_some_and(|w| matches!(w, "make" | "makes" | "made" | "making"))
    };
    t.word(i) == Some("clear")
        && i > 0
        && (make(i - 1) || (i > 1 && t.word(i - 1) == Some("it") && make(i - 2)))
}

/// "cast the deal as a “breakthrough”": a quotation right after "as" (or
/// "as a") is the label someone gives, not the writer's scare quote; "such
/// as", "so as" and "as well as" list things instead.
fn labelled_as(t: &Tokens, q: usize) -> bool {
    let mut q = q;
    // "as a “menace” and a “fraud”": labels listed after the first one.
    // The bound keeps a long list of quotations linear.
    for _ in 0..4 {
        let mut k = q;
        if k > 0 && t.word(k - 1).is_some_and(|w| matches!(w, "a" | "an")) {
            k -= 1;
        }
        if k >= 2
            && t.word(k - 1) == Some("as")
            && !t
                .word(k - 2)
                .is_some_and(|w| matches!(w, "such" | "so" | "well"))
        {
            return true;
        }
        let listed = k >= 2
            && t.word(k - 1).is_some_and(|w| matches!(w, "and" | "or"))
            && matches!(t.kind(k - 2), Some(TokenKind::Quote(_)));
        if !listed {
            return false;
        }
        q = k - 2;
    }
    false
}

/// Whether a byline follows the quotation at token `q`: `“Museum to
/// close,” by Times' Ann Lee` cites a headline, which nobody says.
pub(crate) fn byline_follows(t: &Tokens, q: usize) -> bool {
    let possessive = |k: usize| {
        t.word(k)
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("s'"))
            || t.is_punct(k + 1, '\'')
            || t.is_punct(k + 1, '’')
    };
    t.quote_terminal(q) == Some(',')
        && t.word(q + 1) == Some("by")
        && (q + 2..q + 6).any(possessive)
}

/// Whether the quotation at token `q` stands where a title does: after a
/// possessive ("the network's “Today”"), an article or a preposition ("on
/// “Evening Talk”"), so that even a reported sentence names a work there.
pub(crate) fn title_position(t: &Tokens, q: usize) -> bool {
    // "her memoir, “Tough Choices”": a work's noun and a comma.
    let work = |w: &str| {
        matches!(
            w,
            "book"
                | "memoir"
                | "show"
                | "program"
                | "film"
                | "song"
                | "podcast"
                | "album"
                | "novel"
                | "documentary"
                | "series"
                | "column"
                | "essay"
                | "editorial"
                | "website"
        )
    };
    if q > 1 && t.is_punct(q - 1, ',') && t.word(q - 2).is_some_and(work) {
        return true;
    }
    q > 0
        && t.word(q - 1).is_some_and(|w| {
            work(w)
                || w.ends_with("'s")
                || w.ends_with("s'")
                || matches!(
                    w,
                    "on" | "in"
                        | "the"
                        | "a"
                        | "an"
                        | "of"
                        | "at"
                        | "from"
                        | "for"
                        | "with"
                        | "including"
                )
        })
}

/// Whether the quotation at token `q` stands where somebody's words do,
/// not a title: right after a noun for words ("the slogan “Yes We Can”",
/// "chants of “Lock Him Up”", "a cape bearing the words, “Vote Now”"), a
/// verb of reading ("a banner that read “Welcome Home”"), or a reporting
/// verb and its comma ("she blurted out, “Oh, God,”").
pub(crate) fn words_stand_before(t: &Tokens, q: usize) -> bool {
    let mut k = q;
    let set_off = k > 0 && (t.is_punct(k - 1, ',') || t.is_punct(k - 1, ':'));
    if set_off {
        k -= 1;
    }
    let Some(before) = k.checked_sub(1) else {
        return false;
    };
    let Some(word) = t.word(before) else {
        return false;
    };
    if lexicon::is_utterance_noun(word) || lexicon::is_reading_verb(word) {
        return true;
    }
    // "chants of “…”", "cries of “…”".
    if word == "of" && before > 0 && t.word(before - 1).is_some_and(lexicon::is_utterance_noun) {
        return true;
    }
    // "blurted out, “…”": a reporting verb, an optional particle, a comma.
    let verb = if word == "out" {
        before.checked_sub(1)
    } else {
        Some(before)
    };
    set_off && verb.and_then(|v| t.word(v)).is_some_and(is_reporting_verb)
}

/// Whether the quotation at token `q` is a nickname inside a person's
/// name (Juan “Chico” Lopez): one or two capitalised words with no
/// punctuation of their own, right between a capitalised given name and
/// a capitalised surname.
pub(crate) fn nickname_in_name(t: &Tokens, q: usize) -> bool {
    if q == 0 || !matches!(t.kind(q), Some(TokenKind::Quote(_))) {
        return false;
    }
    let name_word =
        |k: usize| t.is_capitalised(k) && t.word(k).is_some_and(|w| !lexicon::is_not_a_name(w));
    let inner = t
        .str(q)
        .trim_matches(|c: char| c.is_whitespace() || super::marks::is_mark(c));
    let words = inner.split_whitespace().count();
    name_word(q - 1)
        && name_word(q + 1)
        && (1..=2).contains(&words)
        && inner
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '-')
}

/// Whether the quotation at token `q` is listed right after the one at
/// `earlier`: "“a” and “b”", "a “fraud” and a “liar”", "“x,” or “y”".
pub(crate) fn listed_after(t: &Tokens, earlier: usize, q: usize) -> bool {
    let mut k = q;
    if k > 0
        && t.word(k - 1)
            .is_some_and(|w| matches!(w, "a" | "an" | "the"))
    {
        k -= 1;
    }
    if k == 0 || !t.word(k - 1).is_some_and(|w| matches!(w, "and" | "or")) {
        return false;
    }
    k -= 1;
    if k > 0 && t.is_punct(k - 1, ',') {
        k -= 1;
    }
    k == earlier + 1
}

/// Whether "so-called" (German "sogenannt", French "soi-disant", Polish
/// "tzw.") stands right before the quotation at token `q`: the writer's
/// own distance from a label ("the so-called “rebels”"), nobody's words
/// being reported.
pub(crate) fn so_called_before(t: &Tokens, q: usize) -> bool {
    let Some(mut before) = q.checked_sub(1) else {
        return false;
    };
    // "tzw. „…”": the abbreviation's period.
    if t.is_punct(before, '.') && before > 0 && t.word(before - 1) == Some("tzw") {
        return true;
    }
    if t.word(before) == Some("called") && before > 0 && t.word(before - 1) == Some("so") {
        before -= 1;
    }
    t.word(before).is_some_and(|w| {
        matches!(
            w,
            "so-called" | "so" | "soi-disant" | "soi-disants" | "soi-disante"
        ) && (w != "so" || t.word(before + 1) == Some("called"))
            || w.starts_with("sogenannt")
    })
}

/// Whether a naming word stands just before the quotation at token `q`,
/// its object aside: "called him “The Boss”" quotes the caller, not a title.
pub(crate) fn named_just_before(t: &Tokens, q: usize) -> bool {
    // "a website called “…”": a thing's name, given by nobody in particular.
    let thing_named = q > 1
        && t.word(q - 1)
            .is_some_and(|w| matches!(w, "called" | "named" | "titled" | "entitled"))
        && t.word(q - 2).is_some_and(|w| {
            !pronoun_at(t, q - 2)
                && !matches!(w, "what" | "which" | "whom" | "that" | "also" | "once")
                && !w.ends_with("ly")
        })
        && !t.is_capitalised(q - 2);
    if thing_named {
        return false;
    }
    (q.saturating_sub(4)..q)
        .rev()
        .map_while(|k| t.word(k).map(|w| (k, w)))
        // "as" names only what follows it at once ("known as “Ace”", "as a
        // “fraud”"), not a phrase further on ("as part of the “…”").
        .any(|(k, w)| lexicon::is_naming_word(w) && (w != "as" || q - k <= 2))
}

/// "…, Lee saying it was “a start” and Kim calling it …": a name right
/// before a participle in the quotation's own stretch of the sentence (no
/// comma, dash or quotation between) is its speaker, whatever the main verb.
fn absolute_participle(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    let floor = q.saturating_sub(12).max(from + 1);
    let mut k = q;
    while k > floor {
        k -= 1;
        if matches!(t.kind(k), Some(TokenKind::Punct(_) | TokenKind::Quote(_))) {
            return None;
        }
        let Some(word) = reporting_verb_at(t, k) else {
            continue;
        };
        if !is_participle(&word) || !t.is_capitalised(k - 1) {
            return None;
        }
        let subject = phrase_ending_at(t, k - 1).filter(|p| p.start >= from)?;
        return Some(Attribution {
            tokens: subject,
            verb: Some(word),
            cue: Cue::Before,
        });
    }
    None
}

/// The speaker named before the quotation at token `q`, in the stretch
/// `from..q` of its sentence: the subject of its main reporting verb.
fn before(t: &Tokens, q: usize, from: usize, fallback: bool) -> Option<Attribution> {
    let mut governed: Option<String> = None;
    let mut relative: Option<Attribution> = None;
    if let Some(found) = absolute_participle(t, q, from) {
        return Some(found);
    }
    // "Lee mocked Kim's claim that …": a named owner of the words between
    // a reporting verb and the quotation said them; the verb's subject
    // only reports or judges them.
    let named_owner = speech_owner(t, q, from).filter(|&o| {
        t.is_capitalised(o)
            && !t
                .word(o)
                .is_some_and(|w| matches!(w, "his" | "her" | "their" | "its"))
            && (o + 2..q).any(|k| t.word(k) == Some("that"))
    });
    let named_owner = named_owner.map(|o| {
        phrase_ending_at(t, o)
            .filter(|p| p.start >= from)
            .map_or(o..o + 1, |p| p.start..o + 1)
    });
    // Nearest cue first: in "When Lee accused Kim of lying, she said “…”"
    // the quotation is what "she said", not what Lee accused anyone of.
    for k in (from..q).rev() {
        if let Some(owner) = named_owner.clone().filter(|o| k < o.start) {
            return Some(Attribution {
                tokens: owner,
                verb: None,
                cue: Cue::SpeechNoun,
            });
        }
        let word = t.word(k).unwrap_or_default();
        let source = if word == "according" && t.word(k + 1) == Some("to") {
            Some(k + 2)
        } else {
            lexicon::means_according_to(word).then_some(k + 1)
        };
        if let Some(source) = source {
            if let Some(phrase) = source_phrase(t, source).filter(|p| p.end <= q) {
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
            // "with Sen. Smith calling it …", "with many marchers chanting
            // …": a name, or a phrase after "with", right before the
            // participle is its subject.
            if k > from + 1 {
                let end = skip_back_between(t, k - 1, from);
                let subject = phrase_ending_at(t, end)
                    .map(|p| coordinated(t, p, from))
                    // "the former governor", "the two senators": a
                    // determiner word after the article.
                    .map(|p| {
                        if p.start > from + 1 && is_determiner(t, p.start - 1) {
                            p.start - 1..p.end
                        } else {
                            p
                        }
                    })
                    .filter(|p| {
                        let after_with = p.start > from && t.word(p.start - 1) == Some("with");
                        p.start > from && (t.is_capitalised(end) || after_with)
                    });
                if let Some(subject) = subject {
                    return Some(Attribution {
                        tokens: subject,
                        verb: Some(word),
                        cue: Cue::Before,
                    });
                }
            }
            // Otherwise the participle hangs on the clause before it: the
            // subject of an earlier verb, or of the sentence.
            governed.get_or_insert(word);
            continue;
        }
        if let Some(subject) = subject_of(t, k, from) {
            let found = Attribution {
                tokens: subject.clone(),
                verb: Some(word),
                cue: Cue::Before,
            };
            if subject.len() == 1 && t.word(subject.start) == Some("who") {
                // "Lee, who said …, told …" or "…, who said “…”": a
                // relative clause speaks only when the quotation is in it,
                // never for a participle after it ("an aide who quit,
                // saying …").
                if governed.is_none() {
                    return Some(found);
                }
                relative.get_or_insert(found);
                continue;
            }
            // "Lee condemned what he called …": the pronoun of a free
            // relative names what its sentence's subject says.
            let free_relative = subject.len() == 1
                && pronoun_at(t, subject.start)
                && subject.start > from
                && t.word(subject.start - 1) == Some("what");
            if free_relative {
                let main = sentence_subject(t, from, subject.start - 1)
                    .filter(|m| !pronoun_at(t, m.start) && t.is_capitalised(m.end - 1));
                if let Some(main) = main {
                    return Some(Attribution {
                        tokens: main,
                        ..found
                    });
                }
            }
            return Some(reporting_clause(t, found, from));
        }
        // "…, said Smith: «…»"
        if let Some(phrase) = inverted_subject(t, k).filter(|p| p.end <= q) {
            let named = t.is_capitalised(phrase.start);
            let closed = t.is_punct(phrase.end, ',')
                || t.is_punct(phrase.end, ':')
                || phrase.end == q
                || t.ends_sentence(phrase.end);
            if named && closed && inverts(&word) && (k == from || t.is_punct(k - 1, ',')) {
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

/// The outermost reporting clause around `found`: when its subject opens
/// the complement of an earlier reporting verb ("Lee said [that] Kim told
/// him “…”", "officials say he said “…”"), the earlier verb's subject
/// reports the words.
fn reporting_clause(t: &Tokens, mut found: Attribution, from: usize) -> Attribution {
    for _ in 0..3 {
        let Some(mut v) = found.tokens.start.checked_sub(1) else {
            break;
        };
        if t.word(v) == Some("that") && v > from {
            v -= 1;
        }
        let Some(word) = reporting_verb_at(t, v).filter(|w| !needs_governing_subject(t, v, w))
        else {
            break;
        };
        let Some(subject) = subject_of(t, v, from) else {
            break;
        };
        if t.word(subject.start) == Some("who") && subject.len() == 1 {
            break;
        }
        found = Attribution {
            tokens: subject,
            verb: Some(word),
            cue: Cue::Before,
        };
    }
    found
}

/// "Smith: «…»": a name and a colon just before the quotation, or a
/// sentence ending in a colon whose subject introduces it.
fn colon(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    let c = q.checked_sub(1)?;
    if !t.is_punct(c, ':') || c == 0 {
        return None;
    }
    // "Smith:", "More from the pollster Ann Lee:", "LABEL - Ann Lee:": the
    // phrase right before the colon when it opens the sentence or is a
    // name; otherwise the sentence's subject introduces the quotation.
    let phrase = phrase_ending_at(t, c - 1)
        .filter(|p| p.start == from || (p.start >= from && t.is_capitalised(p.end - 1)))
        .or_else(|| sentence_subject(t, from, c))?;
    Some(Attribution {
        tokens: phrase,
        verb: None,
        cue: Cue::Colon,
    })
}

/// Finds the speaker of the quotation folded into token `q` in its own
/// sentence.
pub(crate) fn attribute(t: &Tokens, q: usize) -> Option<Attribution> {
    let from = sentence_start(t, q);
    let clause = clause_start(t, from, q);
    let Some(found) = direct(t, q, from, clause) else {
        return closing_source(t, q + 1);
    };
    if matches!(found.cue, Cue::After | Cue::Before | Cue::Colon) {
        let rest = found.tokens.end.max(q + 1);
        if let Some(source) = outer_source(t, rest).or_else(|| closing_source(t, rest)) {
            return Some(source);
        }
    }
    if found.cue == Cue::Before {
        if let Some(source) = opening_source(t, from, found.tokens.start) {
            return Some(source);
        }
    }
    Some(found)
}

/// "According to the paper, Smith said “…”": a source opening the
/// sentence relays everything reported in it, up to token `limit`.
fn opening_source(t: &Tokens, from: usize, limit: usize) -> Option<Attribution> {
    let word = t.word(from)?;
    let source = if word == "according" && t.word(from + 1) == Some("to") {
        from + 2
    } else if lexicon::means_according_to(word) {
        from + 1
    } else {
        return None;
    };
    let phrase = source_phrase(t, source).filter(|p| p.end < limit)?;
    t.is_punct(phrase.end, ',').then_some(Attribution {
        tokens: phrase,
        verb: Some("according to".into()),
        cue: Cue::According,
    })
}

/// "…," Smith said, according to the paper: the outer source that relays
/// the words, named by "according to" later in the sentence, from token
/// `from` on.
fn outer_source(t: &Tokens, from: usize) -> Option<Attribution> {
    // `“… without delay.” Lee flies in, according to an aide.`: a
    // quotation closing its sentence leaves the next one's source alone.
    if from > 0 && t.ends_sentence(from - 1) {
        return None;
    }
    let mut k = from;
    while k + 2 < t.len() && k - from < 24 {
        if t.ends_sentence(k) || matches!(t.kind(k), Some(TokenKind::Quote(_))) {
            return None;
        }
        if t.word(k) == Some("according") && t.word(k + 1) == Some("to") {
            let phrase = source_phrase(t, k + 2)?;
            return Some(Attribution {
                tokens: phrase,
                verb: Some("according to".into()),
                cue: Cue::According,
            });
        }
        k += 1;
    }
    None
}

/// "Fans chanted “…” at the game, the Tribune reported.": a source and
/// its reporting verb closing the sentence after a comma relay everything
/// the sentence reports, from token `from` on, as "according to" does.
fn closing_source(t: &Tokens, from: usize) -> Option<Attribution> {
    if from > 0 && t.ends_sentence(from - 1) {
        return None;
    }
    let mut k = from;
    while k < t.len() && k - from < 60 && !t.ends_sentence(k) {
        let set_off = t.is_punct(k, ',') || t.quote_terminal(k) == Some(',');
        k += 1;
        if !set_off {
            continue;
        }
        let Some(mut source) = phrase_starting_at(t, k) else {
            continue;
        };
        // "the Post first reported": the adverb belongs to the verb.
        while source.end > source.start + 1 && is_between(t, source.end - 1) {
            source.end -= 1;
        }
        let v = skip_forward_between(t, source.end);
        let relays = !t.is_capitalised(v)
            && t.word(v).is_some_and(|w| {
                matches!(
                    w,
                    "reported" | "reports" | "said" | "says" | "wrote" | "writes" | "noted"
                )
            });
        if relays && t.is_punct(v + 1, '.') && t.ends_sentence(v + 1) {
            return Some(Attribution {
                tokens: source,
                verb: t.word(v).map(str::to_string),
                cue: Cue::After,
            });
        }
    }
    None
}

/// "as described by the inspector", "was dubbed “…” by critics", "known by
/// fans as “…”": the agent of a passive verb of speech or naming right
/// next to the quotation said the words.
fn passive_agent(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    let speech = |w: &str| {
        matches!(
            w,
            "described"
                | "called"
                | "dubbed"
                | "labeled"
                | "labelled"
                | "termed"
                | "branded"
                | "characterized"
                | "characterised"
                | "known"
                | "derided"
                | "hailed"
                | "nicknamed"
        )
    };
    let near = q.saturating_sub(3).max(from)..(q + 3).min(t.len());
    for k in near {
        if k == q || t.is_capitalised(k) || !t.word(k).is_some_and(speech) {
            continue;
        }
        // "called “…” by", "described by", "known by … as".
        let by = if k + 1 == q { q + 1 } else { k + 1 };
        if t.word(by) != Some("by") {
            continue;
        }
        // Nothing but the verb (and "as") between the quotation and "by":
        // `"…" – as described by X` or `described by X as "…"`.
        let between_ok = if k > q {
            (q + 1..k)
                .all(|i| matches!(t.kind(i), Some(TokenKind::Punct(_))) || t.word(i) == Some("as"))
        } else {
            true
        };
        if !between_ok {
            continue;
        }
        let agent = phrase_starting_at(t, by + 1)?;
        if agent.contains(&q) {
            return None;
        }
        return Some(Attribution {
            tokens: agent,
            verb: t.word(k).map(str::to_string),
            cue: Cue::After,
        });
    }
    let found = |k: usize, agent: Range<usize>| Attribution {
        tokens: agent,
        verb: t.word(k).map(str::to_string),
        cue: Cue::After,
    };
    // `“…” in the report – as described by X`: "as", the verb and "by"
    // later in the sentence.
    let mut k = q + 1;
    while k + 2 < t.len() && k - q < 14 && !t.ends_sentence(k) {
        let as_verb_by = t.word(k) == Some("as")
            && t.word(k + 1).is_some_and(speech)
            && t.word(k + 2) == Some("by");
        if as_verb_by {
            return phrase_starting_at(t, k + 3).map(|agent| found(k + 1, agent));
        }
        if matches!(t.kind(k), Some(TokenKind::Quote(_))) {
            break;
        }
        k += 1;
    }
    // `known by X as a “…”`: the verb, "by", the agent, then "as" right
    // before the quotation.
    let mut as_at = q.checked_sub(1)?;
    if t.word(as_at).is_some_and(|w| matches!(w, "a" | "an")) {
        as_at = as_at.checked_sub(1)?;
    }
    if t.word(as_at) != Some("as") {
        return None;
    }
    let floor = q.saturating_sub(12).max(from);
    (floor..as_at).rev().find_map(|k| {
        let verb_by = t.word(k).is_some_and(speech) && t.word(k + 1) == Some("by");
        let agent = phrase_starting_at(t, k + 2).filter(|a| a.end == as_at)?;
        verb_by.then(|| found(k, agent))
    })
}

/// The speaker named in the quotation's own sentence, by the first cue that
/// finds one.
fn direct(t: &Tokens, q: usize, from: usize, clause: usize) -> Option<Attribution> {
    passive_agent(t, q, from)
        .or_else(|| after(t, q))
        .or_else(|| (clause > from).then(|| last_clause(t, q, clause)).flatten())
        .or_else(|| before(t, q, from, true))
        .or_else(|| later_in_sentence(t, q))
        .or_else(|| colon(t, q, from))
        // "… a nationwide “walk-in”, according to the organisers": the
        // source the whole sentence is reported from.
        .or_else(|| outer_source(t, q + 1))
        .or_else(|| governing_subject(t, q, from))
}

/// The speaker in the last clause of the sentence, from token `clause`
/// on: a reporting verb's subject there, or else the subject opening the
/// clause ("…, and she has fought the plan, at one point calling it “…”":
/// the participle hangs on "she"). A clause opening with its verb ("…, but
/// called it “…”") shares the sentence's subject instead.
fn last_clause(t: &Tokens, q: usize, clause: usize) -> Option<Attribution> {
    before(t, q, clause, false).or_else(|| {
        let opening = (clause..q).find(|&k| t.kind(k) == Some(TokenKind::Word))?;
        before(t, q, clause, true).filter(|found| found.tokens.start == opening)
    })
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
        let possessive = t
            .word(owner)
            .is_some_and(|w| matches!(w, "his" | "her" | "their" | "its"));
        let named = possessive
            .then(|| sentence_subject(t, from, owner))
            .flatten()
            .filter(|p| p.end <= owner && t.is_capitalised(p.end - 1) && !pronoun_at(t, p.start));
        return Some(Attribution {
            tokens: named.unwrap_or(owner..owner + 1),
            verb: None,
            cue: Cue::SpeechNoun,
        });
    }
    if let Some(subject) = stance_subject(t, q, from) {
        return Some(Attribution {
            tokens: subject,
            verb: None,
            cue: Cue::GoverningClause,
        });
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
        prev_from > at
            && t.list
                .get(prev_from)
                .is_some_and(|k| k.range.start >= named_until)
    };
    if earlier.is_some_and(|e| !after_earlier(e)) {
        return None;
    }
    let mut found = before(t, end, prev_from, true).or_else(|| colon(t, end + 1, prev_from))?;
    if earlier.is_some() && negated_verb(t, found.tokens.end, end) {
        return None;
    }
    found.cue = Cue::PreviousSentence;
    Some(found)
}

/// Whether a negation stands between the subject ending before token
/// `from` and its reporting verb ("Lee did not say", "Kim never told").
fn negated_verb(t: &Tokens, from: usize, end: usize) -> bool {
    for k in from..end.min(from + 5) {
        let negation = t.word(k).is_some_and(|w| {
            matches!(w, "not" | "never" | "no") || w.ends_with("n't") || w.ends_with("n’t")
        });
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
        cue: Cue::NextSentence,
    })
}

#[cfg(test)]
mod test_support {
    use super::super::marks;
    use super::*;

    /// The speaker text of each quotation of `text`, by attribution in its
    /// own sentence only.
    pub(super) fn speakers(text: &str) -> Vec<Option<&str>> {
        let ranges: Vec<Range<usize>> = marks::find(text).into_iter().map(|s| s.range).collect();
        let t = Tokens::new(text, &ranges);
        (0..t.len())
            .filter(|&i| matches!(t.kind(i), Some(TokenKind::Quote(_))))
            .map(|q| {
                attribute(&t, q).map(|a| {
                    let start = t.list[a.tokens.start].range.start;
                    let end = t.list[a.tokens.end - 1].range.end;
                    &text[start..end]
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::speakers;

    #[test]
    fn participle_subjects() {
        assert_eq!(
            speakers("Crowds filled the square, with many students chanting “No more war.”"),
            [Some("many students")]
        );
        assert_eq!(
            speakers("Then she left the stage, calling the plan “a disgrace.”"),
            [Some("she")]
        );
    }

    #[test]
    fn a_question_followed_by_a_new_sentence_is_not_attributed_to_it() {
        assert_eq!(
            speakers("“Why now?” Her critics cited the remark as proof."),
            [None]
        );
        assert_eq!(speakers("“Why now?” Jones asked."), [Some("Jones")]);
    }

    #[test]
    fn the_owner_of_a_speech_noun_speaks() {
        assert_eq!(
            speakers("Few expected Mayor Kim's promise of “free buses for all.”"),
            [Some("Kim's")]
        );
    }

    #[test]
    fn the_clause_holding_the_quote_names_its_speaker() {
        assert_eq!(
            speakers("When Lee blamed the board, she said “we were misled.”"),
            [Some("she")]
        );
        assert_eq!(
            speakers("The mayor praised the plan and the governor says it is “a trap.”"),
            [Some("the governor")]
        );
    }

    #[test]
    fn a_reported_report_belongs_to_the_outer_speaker() {
        assert_eq!(
            speakers("Police officials said he told a guard “no more waiting.”"),
            [Some("Police officials")]
        );
        assert_eq!(
            speakers("The envoy noted that Kim said talks would go on “for years.”"),
            [Some("The envoy")]
        );
    }

    #[test]
    fn a_relative_pronoun_speaks_its_own_clause() {
        assert_eq!(
            speakers("Voters backed Ana Ruiz, who said the tax was “unfair.”"),
            [Some("who")]
        );
        assert_eq!(
            speakers("Ruiz thanked an aide who said he lost, saying “it is over.”"),
            [Some("Ruiz")]
        );
    }

    #[test]
    fn an_opening_according_to_relays_the_sentence() {
        assert_eq!(
            speakers("According to the Daily Courier, the mayor said “we will rebuild.”"),
            [Some("the Daily Courier")]
        );
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
    fn a_name_right_before_a_colon_introduces_the_quote() {
        assert_eq!(
            speakers("POLLS MISSED THE SURGE - Ann Lee: “Turnout was far higher.”"),
            [Some("Ann Lee")]
        );
        assert_eq!(
            speakers("The senator made a brief statement: “We will appeal.”"),
            [Some("The senator")]
        );
    }

    #[test]
    fn a_free_relative_names_for_the_sentence_subject() {
        assert_eq!(
            speakers("Mayor Ana Ruiz condemned what she called a “reckless stunt.”"),
            [Some("Mayor Ana Ruiz")]
        );
    }

    #[test]
    fn a_source_named_later_relays_a_partial_quote() {
        assert_eq!(
            speakers("Thousands joined a “school walk-in” on Monday, according to the organisers."),
            [Some("the organisers")]
        );
    }

    #[test]
    fn a_period_inside_the_quote_ends_its_sentence() {
        assert_eq!(speakers("“We are done.” He noted the hour."), [None]);
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
}
