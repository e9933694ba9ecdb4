//! The subject of a verb: the phrase before a reporting verb, past
//! appositives, parentheses and adjuncts ("Smith, 45, of Dayton, said",
//! "Lee in his speech called"), the inverted one after it ("said spokesman
//! Josh Smith"), the holder of a view before a verb of belief or stance,
//! and the owner of a speech noun ("Kim's claim that"). Kept apart from the
//! cues that use them because several cues, on either side of a quotation,
//! need the same subject rules.

use super::super::tokens::{TokenKind, Tokens};
use super::super::word_lists::{self, is_participle};
use super::phrases::{
    is_determiner, phrase_ending_at, phrase_starting_at, pronoun_at, relative_head,
    skip_back_parenthesis, with_appositive_name,
};
use super::verbs::skip_back_between;
use std::ops::Range;

/// How far (in tokens) before a quotation a verb of belief or stance may
/// govern it.
const STANCE_REACH: usize = 16;

/// The subject of the verb at `verb`: the phrase just before it, or the one
/// before an appositive ("Smith, a former aide, said").
pub(super) fn subject_of(t: &Tokens, verb: usize, floor: usize) -> Option<Range<usize>> {
    if verb == 0 || verb <= floor {
        return None;
    }
    let before = skip_back_between(t, verb - 1, floor);
    let before = skip_back_parenthesis(t, before, floor);
    if let Some(phrase) = phrase_ending_at(t, before) {
        if phrase.start >= floor {
            // "Trump in his speech called …": the phrase after a
            // preposition is an adjunct; the subject comes before it.
            let preposition = if phrase.start > floor + 1 {
                t.word(phrase.start - 1)
            } else {
                None
            };
            // "Marchers walking through the town chanted": the place of a
            // participle before the verb belongs to the participle.
            let participle_place = preposition.is_some_and(|w| {
                matches!(
                    w,
                    "through" | "across" | "along" | "around" | "into" | "outside"
                )
            }) && phrase.start > floor + 2
                && t.word(phrase.start - 2).is_some_and(is_participle);
            if participle_place {
                if let Some(subject) =
                    phrase_ending_at(t, phrase.start - 3).filter(|s| s.start >= floor)
                {
                    return Some(subject);
                }
            }
            // "Six in 10 voters say": a proportion, not a place or a time.
            let proportion = preposition == Some("in")
                && phrase.start > floor + 1
                && t.word(phrase.start - 2).is_some_and(is_number_word);
            if proportion {
                return Some(phrase.start - 2..phrase.end);
            }
            let adjunct = preposition.is_some_and(|w| matches!(w, "in" | "on" | "at" | "during"));
            // "a source speaking to the paper said": the object of a
            // participle's preposition never speaks; its subject does.
            let object = preposition.is_some_and(|w| matches!(w, "to" | "with" | "about"));
            if adjunct || object {
                let subject = phrase_ending_at(t, phrase.start - 2).filter(|s| {
                    s.start >= floor
                        && (object || t.is_capitalised(s.end - 1) || pronoun_at(t, s.start))
                });
                if subject.is_some() {
                    return subject;
                }
                // "…, in a low voice said": an adjunct with nothing before
                // it is no subject; the sentence's own subject is meant.
                if adjunct {
                    return None;
                }
            }
            return Some(phrase);
        }
    }
    if t.is_punct(before, ',') {
        // "Sen. Lee (R-Ohio), said": a parenthesis before the comma.
        if before > floor + 1 && t.is_punct(before - 1, ')') {
            let end = skip_back_parenthesis(t, before - 1, floor);
            if let Some(phrase) = phrase_ending_at(t, end).filter(|p| p.start >= floor) {
                return Some(phrase);
            }
        }
        return subject_before_appositives(t, before, floor);
    }
    None
}

/// The subject before the appositives that end at the comma `before`:
/// "X, who …, said", "X, a …, said", "X, 45, of Dayton, Ohio, said", but
/// never "…, and said".
fn subject_before_appositives(t: &Tokens, before: usize, floor: usize) -> Option<Range<usize>> {
    let mut k = before;
    let mut hops = 0;
    // The last phrase found, should the search further back fail.
    let mut found: Option<Range<usize>> = None;
    while k > floor + 1 && before - k < 40 {
        k -= 1;
        if t.is_punct(k, ',') {
            let end = skip_back_parenthesis(t, k - 1, floor);
            let Some(phrase) = phrase_ending_at(t, end).filter(|p| p.start >= floor) else {
                return found;
            };
            let opener = t.word(k + 1).unwrap_or_default();
            let apposition = word_lists::is_determiner(opener)
                || matches!(opener, "who" | "which")
                || origin_preposition(opener)
                || opener.chars().next().is_some_and(|c| c.is_ascii_digit())
                || t.is_capitalised(k + 1);
            if !apposition {
                return found;
            }
            // ", 45," or ", of Dayton,": a segment of the appositive
            // itself, opening right after a comma; the subject lies further
            // back.
            let after_comma = |i: usize| i > floor && t.is_punct(i - 1, ',');
            let preposition = |i: usize| i > floor && t.word(i - 1).is_some_and(origin_preposition);
            let digits = phrase
                .clone()
                .all(|i| t.str(i).chars().all(|c| c.is_ascii_digit()));
            // "Flint, Mich.": a short place name after a name and a comma.
            let state = phrase.len() == 1
                && after_comma(phrase.start)
                && phrase.start >= 2
                && t.is_capitalised(phrase.start - 2)
                && t.str(phrase.start).chars().count() <= 5;
            let segment =
                digits || state || (preposition(phrase.start) && after_comma(phrase.start - 1));
            hops += 1;
            if segment && hops < 4 {
                found = Some(phrase);
                continue;
            }
            return Some(with_appositive_name(t, phrase));
        }
        if t.ends_sentence(k) || matches!(t.kind(k), Some(TokenKind::Quote)) {
            break;
        }
    }
    found
}

/// Prepositions of origin or place that open a segment of an appositive
/// (", of Dayton,", ", from the union,", ", at Yale,", ", in Ohio,").
fn origin_preposition(word: &str) -> bool {
    matches!(word, "of" | "from" | "at" | "in")
}

/// The inverted speaker after `verb` ("said Smith"), a name or a
/// determiner phrase, never a pronoun ("said it was").
pub(super) fn inverted_subject(t: &Tokens, verb: usize) -> Option<Range<usize>> {
    let start = verb + 1;
    if pronoun_at(t, start) || !(t.is_capitalised(start) || is_determiner(t, start)) {
        return None;
    }
    phrase_starting_at(t, start).map(|phrase| with_appositive_name(t, phrase))
}

/// Right after a quotation the inverted speaker may also start with a
/// title in lowercase ("…," said spokesman Josh Smith), as long as a name
/// follows.
pub(super) fn inverted_subject_after_quote(t: &Tokens, verb: usize) -> Option<Range<usize>> {
    // "…,” said one. “…,” tweeted another.": a lone quantifier closing the
    // clause stands for one of the people just mentioned.
    let lone = t.word(verb + 1).is_some_and(word_lists::is_lone_quantifier)
        && (t.ends_sentence(verb + 2) || t.is_punct(verb + 2, ','));
    if lone {
        return Some(verb + 1..verb + 2);
    }
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

/// Digits or a small number's name ("four in 10", "one in five").
fn is_number_word(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty()
        || matches!(
            word,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        )
}

/// "Critics, who say little, feel the vote was “rigged”", "a study that
/// found “significant” harm": the subject of the nearest verb of belief or
/// stance before the quotation holds the view it quotes, rather than the
/// sentence's first noun phrase.
pub(super) fn stance_subject(t: &Tokens, q: usize, from: usize) -> Option<Range<usize>> {
    let floor = q.saturating_sub(STANCE_REACH).max(from);
    let verb = (floor..q).rev().find(|&k| {
        !t.is_capitalised(k)
            && t.word(k)
                .is_some_and(|w| word_lists::is_belief_verb(w) || word_lists::is_attitude_verb(w))
            // "the feel of it", "with pep talks": after a determiner, or a
            // preposition and a word, it is a noun.
            && !(k > 0 && is_determiner(t, k - 1) && !relative_pronoun(t, k - 1))
            && !(k > 1 && preposition_at(t, k - 2) && !pronoun_at(t, k - 1))
    })?;
    if verb <= from {
        return None;
    }
    // "a study that found …": a relative pronoun stands for the phrase
    // before it.
    if relative_pronoun(t, verb - 1) {
        return relative_head(t, verb - 1, from);
    }
    subject_of(t, verb, from).filter(|s| s.end <= verb)
}

fn preposition_at(t: &Tokens, i: usize) -> bool {
    t.word(i).is_some_and(word_lists::is_preposition)
}

fn relative_pronoun(t: &Tokens, i: usize) -> bool {
    t.word(i)
        .is_some_and(|w| matches!(w, "that" | "which" | "who"))
}

/// "his call for “…”", "Trump's claim that “…”": the owner of a speech
/// noun just before the quotation is its speaker.
pub(super) fn speech_owner(t: &Tokens, q: usize, from: usize) -> Option<usize> {
    let floor = q.saturating_sub(8).max(from);
    let noun = (floor..q)
        .rev()
        .find(|&k| t.word(k).is_some_and(word_lists::is_speech_noun))?;
    let owner = (noun.saturating_sub(3).max(floor)..noun).rev().find(|&k| {
        t.word(k).is_some_and(|w| {
            word_lists::is_possessive_pronoun(w) || (t.is_capitalised(k) && t.is_possessive(k))
        })
    })?;
    Some(owner)
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::Tokens;
    use super::super::test_support::speakers;
    use super::subject_of;

    #[test]
    fn inverted_speaker_with_a_lowercase_title() {
        assert_eq!(
            speakers("“It is done,” said spokesman Josh Smith."),
            [Some("spokesman Josh Smith")]
        );
    }

    #[test]
    fn appositive_between_speaker_and_verb() {
        assert_eq!(
            speakers("“We lost,” Tom Hale, a party organiser, said."),
            [Some("Tom Hale")]
        );
        assert_eq!(
            speakers("“We lost,” Tom Hale, 45, of Dayton, said."),
            [Some("Tom Hale")]
        );
        assert_eq!(
            speakers("Lena Ward, who chairs the board, told reporters: “We stay.”"),
            [Some("Lena Ward")]
        );
    }

    #[test]
    fn appositive_segments_and_parentheses_before_the_verb() {
        assert_eq!(
            speakers("Ana Ruiz, 31, of Salem, Ore., said the vote was “a wake-up call.”"),
            [Some("Ana Ruiz")]
        );
        assert_eq!(
            speakers("After the count, Sen. Tom Hale (R-Ohio), said, “We are not done.”"),
            [Some("Sen. Tom Hale")]
        );
        assert_eq!(
            speakers("At the depot, Kim Lee, 70, said “the trains are late.”"),
            [Some("Kim Lee")]
        );
    }

    #[test]
    fn an_adjunct_with_nothing_before_it_is_no_subject() {
        assert_eq!(
            speakers("Lee took her arm and, in a low voice said, “Stay calm.”"),
            [Some("Lee")]
        );
        assert_eq!(
            speakers("Park, who in 2010 said the plan was “doomed,” left."),
            [Some("who")]
        );
    }

    #[test]
    fn the_subject_of_a_belief_verb_holds_the_quoted_view() {
        assert_eq!(
            speakers("The rally ended early, and the organisers feel the count was “rigged.”"),
            [Some("the organisers")]
        );
        assert_eq!(
            speakers("One exception was a 2014 study that found “lasting” harm to wages."),
            [Some("a 2014 study")]
        );
        // A noun after a determiner is no verb: "pep talks" names nobody.
        assert_ne!(
            speakers(
                "The coach, a former sprinter, won them over with pep talks like “Run for it.”"
            ),
            [Some("pep")]
        );
    }

    #[test]
    fn the_place_of_a_participle_is_no_subject() {
        assert_eq!(
            speakers("Students marching through the campus chanted “No cuts!”"),
            [Some("Students")]
        );
    }

    #[test]
    fn a_proportion_is_a_subject_not_an_adjunct() {
        assert_eq!(
            speakers("About six in 10 voters say the mayor “keeps her word.”"),
            [Some("six in 10 voters")]
        );
        assert_eq!(
            speakers("Lee in his speech called the plan “a mess.”"),
            [Some("Lee")]
        );
    }

    #[test]
    fn an_appositive_may_open_with_any_preposition_of_place() {
        for word in ["of", "from", "at", "in"] {
            let text = format!("Tom Hale, {word} the union, said no.");
            let t = Tokens::new(&text, &[]);
            let said = (0..t.len()).find(|&i| t.word(i) == Some("said")).unwrap();
            let subject = subject_of(&t, said, 0)
                .map(|s| &text[t.range(s.start).start..t.range(s.end - 1).end]);
            assert_eq!(subject, Some("Tom Hale"), "{text}");
        }
    }
}
