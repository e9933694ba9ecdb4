//! Where a quotation's sentence and its last clause begin, and the subject
//! that opens a sentence past datelines, opening adverbials and
//! participle clauses ("On Monday, …", "WASHINGTON (AP) — …"). The cues
//! look for a speaker only inside these bounds, and fall back on the
//! sentence's subject when no reporting verb names one.

use super::super::tokens::{TokenKind, Tokens};
use super::super::word_lists;
use super::phrases::{is_determiner, phrase_starting_at, pronoun_at};
use super::WINDOW;
use std::ops::Range;

/// Index of the first token of the sentence holding token `i`.
pub(super) fn sentence_start(t: &Tokens, i: usize) -> usize {
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
pub(super) fn sentence_subject(t: &Tokens, from: usize, limit: usize) -> Option<Range<usize>> {
    // Past an opening bracket or dash, and a leading "And" or "But".
    let mut from = from;
    while from < limit
        && (matches!(t.kind(from), Some(TokenKind::Punct(_)))
            || t.word(from).is_some_and(word_lists::is_coordinator))
    {
        from += 1;
    }
    let first = t.word(from)?;
    // "WASHINGTON (AP) — Smith said": a dateline is no subject.
    let shouted = t.str(from).chars().count() > 1 && t.str(from).chars().all(|c| !c.is_lowercase());
    if shouted {
        let dash = (from..limit.min(from + 12)).find(|&i| t.is_dash(i));
        if let Some(dash) = dash {
            return sentence_subject(t, dash + 1, limit);
        }
    }
    // "Asked by …", "Preceded at …", but not the name "Ted".
    let participle_opening = (first.ends_with("ing") || first.ends_with("ed"))
        && first.chars().count() > 4
        && !t.is_capitalised(from + 1);
    // "First, she …", "Moreover, the …": a sentence adverb set off by a comma.
    let sentence_adverb = t.is_punct(from + 1, ',')
        && matches!(
            first,
            "first"
                | "second"
                | "third"
                | "finally"
                | "moreover"
                | "indeed"
                | "instead"
                | "yet"
                | "later"
                | "earlier"
                | "yesterday"
                | "already"
                | "ironically"
                | "separately"
                | "besides"
                | "nonetheless"
                | "nevertheless"
                | "thus"
                | "overall"
                | "again"
                | "afterward"
                | "afterwards"
                | "otherwise"
                | "regardless"
                | "well"
                | "perhaps"
                | "maybe"
                | "therefore"
                | "hence"
                | "consequently"
                | "still"
                | "now"
                | "oh"
                | "look"
                | "listen"
                | "sure"
                | "granted"
                | "admittedly"
                | "anyway"
                | "today"
                | "tomorrow"
        );
    let adverbial =
        (word_lists::is_not_a_name(first) && !pronoun_at(t, from) && !is_determiner(t, from))
            || participle_opening
            || sentence_adverb
            || first.ends_with("ly");
    if !adverbial {
        let phrase = phrase_starting_at(t, from).filter(|p| p.end <= limit);
        // "A few days later, …", "That same month, …": a time, not a subject.
        let timed = phrase
            .as_ref()
            .and_then(|p| t.word(p.end - 1))
            .is_some_and(is_time_word);
        if !timed {
            return phrase;
        }
    }
    // Past the opening adverbial: a lone word ("Then he …"), or after its
    // first, second or third comma ("On Monday, he …").
    if !t.is_punct(from + 1, ',') && pronoun_at(t, from + 1) {
        return Some(from + 1..from + 2).filter(|p| p.end <= limit);
    }
    // "Speaking in Salem, New Hampshire, Lee said …": the first phrase
    // after a comma that a verb, not another comma, follows.
    let after_commas = || {
        (from..limit)
            .filter(|&i| t.is_punct(i, ','))
            .take(3)
            .filter_map(|comma| phrase_starting_at(t, comma + 1).filter(|p| p.end <= limit))
            // "…, 100 times, …", "…, last week, …": a count or a time
            // between commas is no subject.
            .filter(|p| {
                !t.word(p.end - 1)
                    .is_some_and(|w| is_time_word(w) || w == "times")
            })
    };
    // A phrase that "and" continues ("the sheriff and hard-liner, Trump
    // said") is still inside the opening appositive.
    after_commas()
        .find(|p| {
            !t.is_punct(p.end, ',') && !t.word(p.end).is_some_and(|w| matches!(w, "and" | "or"))
        })
        .or_else(|| after_commas().next())
}

fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "hour"
            | "hours"
            | "minutes"
            | "time"
            | "night"
            | "morning"
            | "evening"
            | "afternoon"
    )
}

/// The start of the last clause before token `q` in the sentence from
/// `from`: after "but", "while", a semicolon or ", and" ("Smith spoke, but
/// she said …").
pub(super) fn clause_start(t: &Tokens, from: usize, q: usize) -> usize {
    let Some(k) = (from..q).rev().find(|&k| {
        let word = t.word(k).unwrap_or_default();
        word_lists::is_contrast_word(word) || (word == "and" && k > from && t.is_punct(k - 1, ','))
    }) else {
        return from;
    };
    // "Although he thanked them, he sounded …": a subordinate clause
    // opening the sentence ends at its comma, and the main clause after it
    // holds the quotation.
    let opens = (from..k).all(|i| {
        matches!(t.kind(i), Some(TokenKind::Punct(_)))
            || t.word(i).is_some_and(word_lists::is_coordinator)
    });
    // Every contrast word but "but" subordinates its clause.
    let subordinate = t
        .word(k)
        .is_some_and(|w| word_lists::is_contrast_word(w) && w != "but");
    if opens && subordinate {
        if let Some(comma) = (k + 1..q).find(|&i| t.is_punct(i, ',')) {
            return comma + 1;
        }
    }
    k + 1
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::Tokens;
    use super::super::test_support::speakers;
    use super::clause_start;

    #[test]
    fn an_opening_place_list_is_no_subject() {
        assert_eq!(
            speakers("Speaking in Salem, Oregon, Lee went after Kim, calling him “a quitter.”"),
            [Some("Lee")]
        );
        assert_eq!(
            speakers("Already, Lee has denounced the deal and said, “It will fail.”"),
            [Some("Lee")]
        );
    }

    #[test]
    fn a_long_dateline_is_no_subject() {
        assert_eq!(
            speakers("LISBON, March 3 (Reuters) — The minister's chief aide rallied the staff, saying: “We stay the course.”"),
            [Some("The minister's chief aide")]
        );
    }

    #[test]
    fn an_appositive_continued_by_and_is_no_subject() {
        assert_eq!(
            speakers("Preceded on stage by the mayor, a lawyer and former judge, Lee Park launched into a defence of the “green corridor” plan."),
            [Some("Lee Park")]
        );
    }

    #[test]
    fn any_coordinator_may_open_a_sentence_before_a_subordinate_clause() {
        for word in ["And", "But", "Or", "So", "Yet"] {
            let text = format!("{word} although Lee thanked them, Kim left.");
            let t = Tokens::new(&text, &[]);
            let kim = (0..t.len()).find(|&i| t.word(i) == Some("kim")).unwrap();
            // The main clause, after the subordinate one's comma, holds
            // what comes last in the sentence.
            assert_eq!(clause_start(&t, 0, t.len() - 1), kim, "{text}");
        }
    }
}
