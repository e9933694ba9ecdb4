//! The speaker named before a quotation in its own sentence: the subject of
//! the nearest reporting verb before it (the minister said "…"), of a
//! participle ("with many students chanting"), of the outermost reporting
//! clause ("officials say he said"), or the phrase before a colon ("Smith:
//! «…»"). Nearest cue first, because a sentence may report several people.

use super::super::tokens::{TokenKind, Tokens};
use super::super::word_lists::{self, is_participle};
use super::clauses::sentence_subject;
use super::phrases::{coordinated, is_determiner, phrase_ending_at, pronoun_at};
use super::sources::{according_source, source_phrase};
use super::subjects::{inverted_subject, speech_owner, subject_of};
use super::verbs::{inverts, needs_governing_subject, reporting_verb_at, skip_back_between};
use super::{Attribution, SpeakerCue};

/// "…, Lee saying it was “a start” and Kim calling it …": a name right
/// before a participle in the quotation's own stretch of the sentence (no
/// comma, dash or quotation between) is its speaker, whatever the main verb.
fn absolute_participle(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
    let floor = q.saturating_sub(12).max(from + 1);
    let mut k = q;
    while k > floor {
        k -= 1;
        if matches!(t.kind(k), Some(TokenKind::Punct(_) | TokenKind::Quote)) {
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
            cue: SpeakerCue::Before,
        });
    }
    None
}

/// The speaker named before the quotation at token `q`, in the stretch
/// `from..q` of its sentence: the subject of its main reporting verb.
pub(super) fn before(t: &Tokens, q: usize, from: usize, fallback: bool) -> Option<Attribution> {
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
            && !t.word(o).is_some_and(word_lists::is_possessive_pronoun)
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
                cue: SpeakerCue::SpeechNoun,
            });
        }
        if let Some(source) = according_source(t, k) {
            if let Some(phrase) = source_phrase(t, source).filter(|p| p.end <= q) {
                return Some(Attribution {
                    tokens: phrase,
                    verb: Some("according to".into()),
                    cue: SpeakerCue::According,
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
                        cue: SpeakerCue::Before,
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
                cue: SpeakerCue::Before,
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
                    cue: SpeakerCue::Before,
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
                cue: SpeakerCue::Before,
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
            cue: SpeakerCue::Before,
        };
    }
    found
}

/// "Smith: «…»": a name and a colon just before the quotation, or a
/// sentence ending in a colon whose subject introduces it.
pub(super) fn colon(t: &Tokens, q: usize, from: usize) -> Option<Attribution> {
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
        cue: SpeakerCue::Colon,
    })
}

/// The speaker in the last clause of the sentence, from token `clause`
/// on: a reporting verb's subject there, or else the subject opening the
/// clause ("…, and she has fought the plan, at one point calling it “…”":
/// the participle hangs on "she"). A clause opening with its verb ("…, but
/// called it “…”") shares the sentence's subject instead.
pub(super) fn last_clause(t: &Tokens, q: usize, clause: usize) -> Option<Attribution> {
    before(t, q, clause, false).or_else(|| {
        let opening = (clause..q).find(|&k| t.kind(k) == Some(TokenKind::Word))?;
        before(t, q, clause, true).filter(|found| found.tokens.start == opening)
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::speakers;

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
}
