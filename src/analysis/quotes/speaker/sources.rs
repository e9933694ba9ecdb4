//! Sources that relay a quotation rather than speak it, or that a passive
//! names: "according to the paper" opening or closing the sentence, "…,
//! the Tribune reported" closing it, and the agent of a passive verb of
//! speech ("described by the inspector as"). A relaying source outranks
//! the speaker it relays, so these are checked around every other cue.

use super::super::tokens::{TokenKind, Tokens};
use super::super::word_lists;
use super::phrases::{phrase_starting_at, pronoun_at};
use super::verbs::{is_between, skip_forward_between};
use super::{Attribution, SpeakerCue};
use std::ops::Range;

/// Where the source begins when token `k` opens an attribution by
/// "according to" or a word meaning it ("selon", "laut"): every cue that
/// reads such a source asks this one question.
pub(super) fn according_source(t: &Tokens, k: usize) -> Option<usize> {
    let word = t.word(k)?;
    if word == "according" && t.word(k + 1) == Some("to") {
        Some(k + 2)
    } else {
        word_lists::means_according_to(word).then_some(k + 1)
    }
}

/// The source named after "according to" at token `start`, with the
/// agent that made it when one is named: "a court filing by the state
/// attorney", "audio obtained by the station", "a memo released by the
/// office". The document and its author are one source; naming the whole
/// phrase keeps both.
pub(super) fn source_phrase(t: &Tokens, start: usize) -> Option<Range<usize>> {
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

/// "According to the paper, Smith said “…”": a source opening the
/// sentence relays everything reported in it, up to token `limit`.
pub(super) fn opening_source(t: &Tokens, from: usize, limit: usize) -> Option<Attribution> {
    let source = according_source(t, from)?;
    let phrase = source_phrase(t, source).filter(|p| p.end < limit)?;
    t.is_punct(phrase.end, ',').then_some(Attribution {
        tokens: phrase,
        verb: Some("according to".into()),
        cue: SpeakerCue::According,
    })
}

/// "…," Smith said, according to the paper: the outer source that relays
/// the words, named by "according to" later in the sentence, from token
/// `from` on.
pub(super) fn outer_source(t: &Tokens, from: usize) -> Option<Attribution> {
    // `“… without delay.” Lee flies in, according to an aide.`: a
    // quotation closing its sentence leaves the next one's source alone.
    if from > 0 && t.ends_sentence(from - 1) {
        return None;
    }
    let mut k = from;
    while k + 2 < t.len() && k - from < 24 {
        if t.ends_sentence(k) || matches!(t.kind(k), Some(TokenKind::Quote)) {
            return None;
        }
        if let Some(source) = according_source(t, k) {
            let phrase = source_phrase(t, source)?;
            return Some(Attribution {
                tokens: phrase,
                verb: Some("according to".into()),
                cue: SpeakerCue::According,
            });
        }
        k += 1;
    }
    None
}

/// "Fans chanted “…” at the game, the Tribune reported.": a source and
/// its reporting verb closing the sentence after a comma relay everything
/// the sentence reports, from token `from` on, as "according to" does.
pub(super) fn closing_source(t: &Tokens, from: usize) -> Option<Attribution> {
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
                cue: SpeakerCue::After,
            });
        }
    }
    None
}

/// "as described by the inspector", "was dubbed “…” by critics", "known by
/// fans as “…”": the agent of a passive verb of speech or naming right
/// next to the quotation said the words.
pub(super) fn passive_agent(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    // The past participle of a naming word ("dubbed", "deemed") or of a
    // verb of describing.
    let speech = |w: &str| {
        (word_lists::is_naming_word(w) && w.ends_with("ed"))
            || matches!(
                w,
                "described" | "characterized" | "characterised" | "known" | "derided"
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
            cue: SpeakerCue::After,
        });
    }
    let found = |k: usize, agent: Range<usize>| Attribution {
        tokens: agent,
        verb: t.word(k).map(str::to_string),
        cue: SpeakerCue::After,
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
        if matches!(t.kind(k), Some(TokenKind::Quote)) {
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

#[cfg(test)]
mod tests {
    use super::super::test_support::speakers;

    #[test]
    fn an_opening_according_to_relays_the_sentence() {
        assert_eq!(
            speakers("According to the Daily Courier, the mayor said “we will rebuild.”"),
            [Some("the Daily Courier")]
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
    fn according_to_and_its_translations_relay_alike_wherever_they_stand() {
        for (text, source) in [
            ("“We stay,” Lee said, according to the paper.", "the paper"),
            (
                "« Nous restons », a dit Lee, selon le journal.",
                "le journal",
            ),
            ("„Wir bleiben“, sagte Lee, laut der Zeitung.", "der Zeitung"),
            ("According to the paper, Lee said “we stay.”", "the paper"),
            (
                "Selon le journal, Lee a dit « nous restons ».",
                "le journal",
            ),
            ("“We stay,” according to the paper.", "the paper"),
            ("« Nous restons », selon le journal.", "le journal"),
        ] {
            assert_eq!(speakers(text), [Some(source)], "{text}");
        }
    }

    #[test]
    fn every_naming_participle_names_its_agent() {
        for verb in [
            "called", "dubbed", "labelled", "termed", "branded", "hailed", "deemed",
        ] {
            let text = format!("The bridge was {verb} “unsafe” by inspectors.");
            assert_eq!(speakers(&text), [Some("inspectors")], "{text}");
        }
    }
}
