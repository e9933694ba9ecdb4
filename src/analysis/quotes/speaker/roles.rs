//! What a quoted span is, rather than who said it: whether its sentence
//! reports speech, whether it stands where a title does ("on “Evening
//! Talk”"), a byline follows it, words are named before it ("the slogan
//! “…”"), or it is a nickname inside a name, a label after "so-called" or
//! "called", or one of a list. The scorer in the parent module weighs
//! these to tell somebody's words from titles, names and scare quotes.

use super::super::tokens::{TokenKind, Tokens};
use super::super::word_lists;
use super::clauses::sentence_start;
use super::phrases::pronoun_at;
use super::verbs::is_reporting_verb;
use super::WINDOW;

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
            || word_lists::is_account_noun(w)
            || ((word_lists::is_attitude_verb(w) || word_lists::is_belief_verb(w))
                && !noun_use(t, i))
    };
    (from..end).any(|i| t.word(i).is_some_and(|w| stance(i, w)) || made_clear(t, i))
        || labelled_as(t, q)
}

/// Whether the word at `i` stands as a noun, not a verb: after a
/// determiner, a possessive or a preposition ("for terms containing …",
/// "their frames", "a far cry from"). Stance verbs that double as nouns
/// ("terms", "cry", "frame", "references") say nothing about speech then.
fn noun_use(t: &Tokens, i: usize) -> bool {
    if t.possessive_before(i).is_some() {
        return true;
    }
    let Some(prev) = i.checked_sub(1).and_then(|p| t.word(p)) else {
        return false;
    };
    // "that" opens relative clauses too ("a paper that found …").
    (word_lists::is_determiner(prev) && prev != "that")
        || prev == "far"
        || word_lists::is_preposition(prev)
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
            && matches!(t.kind(k - 2), Some(TokenKind::Quote));
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
    t.quote_terminal(q) == Some(',')
        && t.word(q + 1) == Some("by")
        && (q + 2..q + 6).any(|k| t.is_possessive(k))
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
    if t.possessive_before(q).is_some() {
        return true;
    }
    // Not every preposition of `word_lists::is_preposition`: a quotation after
    // "by", "about", "under", "into" or "like" ("known by “Ace”", "talk
    // about “reform”") is as often a label or somebody's words as a title.
    q > 0
        && t.word(q - 1).is_some_and(|w| {
            work(w)
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
    if word_lists::is_utterance_noun(word) || word_lists::is_reading_verb(word) {
        return true;
    }
    // "chants of “…”", "cries of “…”".
    if word == "of"
        && before > 0
        && t.word(before - 1)
            .is_some_and(word_lists::is_utterance_noun)
    {
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
    if q == 0 || !matches!(t.kind(q), Some(TokenKind::Quote)) {
        return false;
    }
    let name_word =
        |k: usize| t.is_capitalised(k) && t.word(k).is_some_and(|w| !word_lists::is_not_a_name(w));
    let inner = t
        .str(q)
        .trim_matches(|c: char| c.is_whitespace() || super::super::marks::is_mark(c));
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
        .any(|(k, w)| word_lists::is_naming_word(w) && (w != "as" || q - k <= 2))
}

#[cfg(test)]
mod tests {
    use super::super::super::marks;
    use super::super::super::tokens::{TokenKind, Tokens};
    use super::*;
    use std::ops::Range;

    /// Whether `rule` holds at the first quotation of `text`.
    fn at_first_quote(text: &str, rule: fn(&Tokens, usize) -> bool) -> bool {
        let ranges: Vec<Range<usize>> = marks::find(text).into_iter().map(|s| s.range).collect();
        let t = Tokens::new(text, &ranges);
        let q = (0..t.len())
            .find(|&i| matches!(t.kind(i), Some(TokenKind::Quote)))
            .expect("a quotation");
        rule(&t, q)
    }

    /// Each sentence with a straight apostrophe, then with a typographic one.
    fn both_apostrophes(text: &str) -> [String; 2] {
        [text.to_string(), text.replace('\'', "’")]
    }

    #[test]
    fn a_stance_word_after_a_possessive_is_a_noun_with_either_apostrophe() {
        for text in [
            "The mayor's frames were “bold.”",
            "The voters' frames were “bold.”",
        ] {
            for text in both_apostrophes(text) {
                assert!(!at_first_quote(&text, sentence_reports), "{text}");
            }
        }
        // As a verb, the same word makes the sentence report a view.
        assert!(at_first_quote(
            "The mayor frames the plan as “bold.”",
            sentence_reports
        ));
    }

    #[test]
    fn a_title_after_a_possessive_with_either_apostrophe() {
        for text in [
            "She praised the network's “Evening Hour” at length.",
            "She praised the critics' “Top Ten” at length.",
        ] {
            for text in both_apostrophes(text) {
                assert!(at_first_quote(&text, title_position), "{text}");
            }
        }
        assert!(!at_first_quote(
            "She praised it: “Evening Hour” at length.",
            title_position
        ));
    }

    #[test]
    fn a_byline_with_either_apostrophe() {
        for text in [
            "She cited “Museum to close,” by Times' Ann Lee.",
            "She cited “Museum to close,” by the Post's Ann Lee.",
        ] {
            for text in both_apostrophes(text) {
                assert!(at_first_quote(&text, byline_follows), "{text}");
            }
        }
        assert!(!at_first_quote(
            "She cited “Museum to close,” by and large.",
            byline_follows
        ));
    }

    #[test]
    fn a_stance_word_after_any_preposition_is_a_noun() {
        for word in [
            "of", "for", "in", "on", "at", "with", "by", "from", "about", "under", "into", "like",
        ] {
            let text = format!("Nothing changed {word} talks about the “new deal.”");
            assert!(!at_first_quote(&text, sentence_reports), "{text}");
        }
        assert!(at_first_quote(
            "Nothing changed, and she talks about the “new deal.”",
            sentence_reports
        ));
    }
}
