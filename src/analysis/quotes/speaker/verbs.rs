//! Reporting verbs: whether a token is a verb of speech used as a verb
//! ("said", "shot back") rather than a noun ("his claims", "a media call")
//! or a passive ("was declared"), the words that may stand between a
//! subject and its verb ("Smith on Tuesday said"), and the verbs that may
//! come before their subject ("…," said Smith). A speaker is the subject of
//! such a verb, so every cue starts from one.

use super::super::tokens::Tokens;
use super::super::word_lists::{self, is_participle};
use super::phrases::pronoun_at;

pub(super) fn is_reporting_verb(word: &str) -> bool {
    word_lists::is_reporting_verb(word)
}

/// Steps back over "-ly" adverbs ("was widely described").
fn skip_back_adverbs(t: &Tokens, mut i: usize) -> usize {
    while i > 0 && t.word(i).is_some_and(|w| w.ends_with("ly")) {
        i -= 1;
    }
    i
}

pub(super) fn is_between(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(|w| {
        word_lists::is_between_speaker_and_verb(w)
            || (w.ends_with("ly") && !t.is_capitalised(i) && !is_reporting_verb(w))
    })
}

/// Skips backwards over words that sit between a subject and its verb.
pub(super) fn skip_back_between(t: &Tokens, mut i: usize, floor: usize) -> usize {
    loop {
        if i > floor && is_between(t, i) {
            i -= 1;
            continue;
        }
        // "Smith on Tuesday said"
        let weekday = t
            .word(i)
            .is_some_and(|w| w.ends_with("day") && t.is_capitalised(i));
        if weekday && i > floor + 1 && t.word(i - 1) == Some("on") {
            i -= 2;
            continue;
        }
        return i;
    }
}

/// Skips forwards over words that sit between a subject and its verb.
pub(super) fn skip_forward_between(t: &Tokens, mut i: usize) -> usize {
    while is_between(t, i) && !t.word(i).is_some_and(is_reporting_verb) {
        i += 1;
    }
    i
}

/// Whether token `i` is a reporting verb used as a verb: not capitalised,
/// and not a noun after a determiner, a possessive or "of" ("his claims",
/// "Trump's call", "a media call").
pub(super) fn reporting_verb_at(t: &Tokens, i: usize) -> Option<String> {
    let word = t.word(i)?;
    // "went on", "shot back", "fired back": a verb and its particle.
    let particle = matches!(
        (word, t.word(i + 1)),
        ("went" | "goes", Some("on")) | ("shot" | "fired" | "hit" | "wrote", Some("back"))
    );
    if particle && !t.is_capitalised(i) {
        return Some(format!("{word} {}", t.word(i + 1).unwrap_or_default()));
    }
    if !is_reporting_verb(word) || t.is_capitalised(i) || word == "according" {
        return None;
    }
    // "the winner was declared": a passive reports nobody's words.
    // "what's called …": a contracted "'s" (no possessive) is "is" as often
    // as "has" before a past form; read it as a passive, as "is" is.
    let be = |k: usize| {
        t.word(k).is_some_and(|w| {
            word_lists::is_form_of_be(w) || (w.ends_with("'s") && !t.is_possessive(k))
        })
    };
    let passive = word.ends_with("ed") && i > 0 && be(skip_back_adverbs(t, i - 1));
    // "so called": an adjective of distance (= "so-called"), no verb.
    let so_called = word == "called" && i > 0 && t.word(i - 1) == Some("so");
    if passive || so_called {
        return None;
    }
    // "Lee's claims", "the voters’ call": after a possessive it is a noun.
    let possessive = t.possessive_before(i).is_some();
    if possessive {
        return None;
    }
    if i > 0 {
        if let Some(prev) = t.word(i - 1) {
            // Past forms are never nouns ("the governor of Ohio told").
            let past = word.ends_with("ed") || matches!(word, "said" | "told" | "wrote");
            // "Some chanted": a quantifier standing alone before a past form.
            let alone = past && word_lists::is_lone_quantifier(prev);
            // "the Union of Nurses calling it …", "the head of state
            // calling it …": a participle after "of" and a noun is that
            // noun's verb.
            let named_participle = word.ends_with("ing");
            let noun_before = (word_lists::is_determiner(prev) && !alone)
                || prev == "of"
                || (i > 1 && t.word(i - 2) == Some("of") && !past && !named_participle);
            if noun_before && !pronoun_at(t, i - 1) {
                return None;
            }
            // "articles from noted scholars": an adjective after a preposition.
            if word_lists::is_preposition(prev) {
                return None;
            }
            // "a short film called …", "a memo released Monday": a past
            // participle describing an indefinite noun.
            let indefinite = i > 1 && matches!(t.word(i - 2), Some("a" | "an"));
            let participle = word.ends_with("ed") || matches!(word, "told" | "written");
            if participle && indefinite && !t.is_capitalised(i - 1) {
                return None;
            }
            // "a rare note of …", "a fundraising call": after "a" and one
            // word, a bare form is a noun; a singular subject would take
            // "notes".
            let bare = !word.ends_with('s') && !word.ends_with("ed") && !is_participle(word);
            if bare && indefinite && !matches!(word, "told" | "said" | "read" | "wrote") {
                return None;
            }
        }
    }
    // "a memo released by …" describes the memo; nobody speaks. "continued
    // by saying" is the speaker's own verb.
    let by_gerund = t.word(i + 2).is_some_and(|w| w.ends_with("ing"));
    if t.word(i + 1) == Some("by") && !by_gerund {
        return None;
    }
    Some(word.to_string())
}

/// A verb whose subject must be found elsewhere: a present participle not
/// after "is"/"was", or an infinitive ("to say").
pub(super) fn needs_governing_subject(t: &Tokens, i: usize, word: &str) -> bool {
    let prev = i.checked_sub(1).and_then(|p| t.word(p));
    let after_be = prev.is_some_and(word_lists::is_form_of_be);
    (is_participle(word) && !after_be) || prev == Some("to")
}

/// Verbs that may come before their subject after a quotation ("…," said
/// Smith).
pub(super) fn inverts(word: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::super::tokens::Tokens;
    use super::super::test_support::speakers;
    use super::{needs_governing_subject, reporting_verb_at};

    #[test]
    fn a_reporting_word_used_as_a_noun_is_no_verb() {
        // "claims" after a possessive is a noun; the speaker is the subject
        // of "said".
        assert_eq!(
            speakers("The mayor said his rival's claims were “pure fiction.”"),
            [Some("The mayor")]
        );
    }

    #[test]
    fn a_bare_reporting_word_after_a_and_a_modifier_is_a_noun() {
        assert_eq!(
            speakers("Park struck a rare note of doubt, saying “I may be wrong.”"),
            [Some("Park")]
        );
    }

    #[test]
    fn particle_verbs_and_questions_put_to_someone() {
        assert_eq!(speakers("“We never quit,” Lee shot back."), [Some("Lee")]);
        assert_eq!(
            speakers("“Is that fair?” Kim asked the minister."),
            [Some("Kim")]
        );
        assert_eq!(
            speakers("“Vote early,” the mayor implored."),
            [Some("the mayor")]
        );
    }

    #[test]
    fn a_quantifier_alone_is_a_subject() {
        assert_eq!(
            speakers("The fans cheered. Some chanted “One more year!”"),
            [Some("Some")]
        );
    }

    #[test]
    fn another_alone_is_a_subject() {
        assert_eq!(
            speakers("One fan cheered. Another said he hoped for a “fair fight.”"),
            [Some("Another")]
        );
    }

    #[test]
    fn keeps_stands_between_a_subject_and_its_verb() {
        assert_eq!(
            speakers("The crowd clapped as she keeps talking about the “quiet majority.”"),
            [Some("she")]
        );
    }

    #[test]
    fn a_reporting_word_after_a_possessive_is_a_noun_with_either_apostrophe() {
        for text in [
            "The mayor said the union's claims were “pure fiction.”",
            "The mayor said the unions' claims were “pure fiction.”",
            "The mayor said the union’s claims were “pure fiction.”",
            "The mayor said the unions’ claims were “pure fiction.”",
        ] {
            assert_eq!(speakers(text), [Some("The mayor")], "{text}");
        }
    }

    #[test]
    fn every_lone_quantifier_speaks_before_and_after_the_quotation() {
        for word in [
            "One", "Another", "Some", "Others", "Many", "Several", "Both", "Few",
        ] {
            let before = format!("The fans cheered. {word} chanted “One more year!”");
            assert_eq!(speakers(&before), [Some(word)], "{before}");
            let lower = word.to_lowercase();
            let after = format!("The fans cheered. “One more year!” chanted {lower}.");
            assert_eq!(speakers(&after), [Some(lower.as_str())], "{after}");
        }
    }

    #[test]
    fn every_form_of_be_makes_a_passive_and_a_progressive() {
        for be in ["be", "is", "are", "was", "were", "been", "being"] {
            let text = format!("The winner {be} declared and Lee {be} saying no.");
            let t = Tokens::new(&text, &[]);
            let at = |w: &str| (0..t.len()).find(|&i| t.word(i) == Some(w)).unwrap();
            assert_eq!(reporting_verb_at(&t, at("declared")), None, "{text}");
            assert!(
                !needs_governing_subject(&t, at("saying"), "saying"),
                "{text}"
            );
        }
        let t = Tokens::new("The judge declared it, Lee saying no.", &[]);
        assert!(reporting_verb_at(&t, 2).is_some());
        assert!(needs_governing_subject(&t, 6, "saying"));
    }

    #[test]
    fn a_contracted_is_makes_a_passive_but_no_possessive() {
        // "what's called": a passive, as "what is called" is.
        for text in [
            "It is what is called a “soft launch.”",
            "It is what's called a “soft launch.”",
        ] {
            let t = Tokens::new(text, &[]);
            let called = (0..t.len()).find(|&i| t.word(i) == Some("called")).unwrap();
            assert_eq!(reporting_verb_at(&t, called), None, "{text}");
        }
        // "He’s predicting": the contraction is no possessive, so the
        // participle stays a verb, as after "He is".
        for text in [
            "He is predicting a “landslide.”",
            "He’s predicting a “landslide.”",
        ] {
            let t = Tokens::new(text, &[]);
            let verb = (0..t.len())
                .find(|&i| t.word(i) == Some("predicting"))
                .unwrap();
            assert!(reporting_verb_at(&t, verb).is_some(), "{text}");
        }
    }
}
