//! Hand-written cues of check-worthiness: the things a fact-checker looks
//! for (numbers, dates, names, attributions, causal links...) and the things
//! that make a sentence uncheckable (questions, greetings, opinions, hedges,
//! orders). Each cue is a feature of the learned model, which weighs it, and
//! a human-readable reason when it fires.
//!
//! This file holds the cues themselves and [`detect`], which decides each
//! one; the evidence it reads lives beside it by kind: the word lists
//! ([`lists`]), the sentence's lower-cased words looked up in them
//! ([`words`]), figures, dates and currency signs ([`figures`]) and what
//! capital letters tell ([`capitals`]).

mod capitals;
mod figures;
mod lists;
mod words;

use crate::analysis::reading::{Reading, Sentence};
use crate::analysis::scan;
use capitals::{is_stage_direction, named_entities};
use figures::{has_currency_figure, is_figure, is_year, may_and_day};
use lists::List;
use words::{lower_case, Words};

/// One kind of cue. The order is the order of the model's cue weights, so a
/// new cue goes at the end and the model is retrained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClaimCue {
    Number,
    Percentage,
    Money,
    Quantity,
    Date,
    TimeSpan,
    Comparative,
    Superlative,
    NamedEntity,
    ReportingVerb,
    Attribution,
    CausalLink,
    LegalOrStatistical,
    Question,
    Greeting,
    FirstPersonOpinion,
    Hedge,
    Imperative,
    Promise,
    ShortSentence,
    StageDirection,
    PastEvent,
    Hypothetical,
    LongSentence,
}

impl ClaimCue {
    pub const ALL: [ClaimCue; 24] = [
        ClaimCue::Number,
        ClaimCue::Percentage,
        ClaimCue::Money,
        ClaimCue::Quantity,
        ClaimCue::Date,
        ClaimCue::TimeSpan,
        ClaimCue::Comparative,
        ClaimCue::Superlative,
        ClaimCue::NamedEntity,
        ClaimCue::ReportingVerb,
        ClaimCue::Attribution,
        ClaimCue::CausalLink,
        ClaimCue::LegalOrStatistical,
        ClaimCue::Question,
        ClaimCue::Greeting,
        ClaimCue::FirstPersonOpinion,
        ClaimCue::Hedge,
        ClaimCue::Imperative,
        ClaimCue::Promise,
        ClaimCue::ShortSentence,
        ClaimCue::StageDirection,
        ClaimCue::PastEvent,
        ClaimCue::Hypothetical,
        ClaimCue::LongSentence,
    ];

    /// Position of the cue's weight in the model.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The short name shown as a reason.
    pub fn name(self) -> &'static str {
        match self {
            ClaimCue::Number => "number",
            ClaimCue::Percentage => "percentage",
            ClaimCue::Money => "money",
            ClaimCue::Quantity => "quantity",
            ClaimCue::Date => "date",
            ClaimCue::TimeSpan => "time span",
            ClaimCue::Comparative => "comparative",
            ClaimCue::Superlative => "superlative",
            ClaimCue::NamedEntity => "named entity",
            ClaimCue::ReportingVerb => "reporting verb",
            ClaimCue::Attribution => "attribution",
            ClaimCue::CausalLink => "causal link",
            ClaimCue::LegalOrStatistical => "legal or statistical term",
            ClaimCue::Question => "question",
            ClaimCue::Greeting => "greeting",
            ClaimCue::FirstPersonOpinion => "first-person opinion",
            ClaimCue::Hedge => "hedge",
            ClaimCue::Imperative => "imperative",
            ClaimCue::Promise => "promise or plan",
            ClaimCue::ShortSentence => "very short sentence",
            ClaimCue::StageDirection => "stage direction",
            ClaimCue::PastEvent => "past event",
            ClaimCue::Hypothetical => "hypothetical",
            ClaimCue::LongSentence => "long sentence",
        }
    }
}

/// A cue found in a sentence: its strength in (0, 1] and the words that
/// triggered it, for the reason text.
#[derive(Debug, Clone, PartialEq)]
pub struct CueHit {
    pub cue: ClaimCue,
    pub value: f32,
    pub words: Option<String>,
}

impl CueHit {
    /// "reporting verb 'said'", "number", ...
    pub fn reason(&self) -> String {
        match &self.words {
            Some(words) => format!("{} '{}'", self.cue.name(), words),
            None => self.cue.name().to_string(),
        }
    }
}

/// Every cue of `sentence`.
pub fn detect(sentence: &str) -> Vec<CueHit> {
    let lower = lower_case(sentence);
    let raw: Vec<&str> = scan::words(sentence).collect();
    detect_with(sentence, &Words::new(&lower), &raw)
}

/// [`detect`] for a sentence of the text's [`Reading`], from the words it
/// already split and lower-cased: the same cues, without lower-casing or
/// splitting the sentence again.
pub fn detect_read(reading: &Reading<'_>, sentence: &Sentence) -> Vec<CueHit> {
    let text = &reading.text()[sentence.range.clone()];
    let Some(words) = reading.words_of(sentence) else {
        return detect(text);
    };
    let raw: Vec<&str> = words.iter().map(|w| reading.word(w)).collect();
    let lowered = Words::of_lowered(words.iter().map(|w| reading.lower(w)));
    detect_with(text, &lowered, &raw)
}

/// The cues of `sentence`, given its lower-cased words `w` and its words as
/// written, `raw`.
fn detect_with(sentence: &str, w: &Words<'_>, raw: &[&str]) -> Vec<CueHit> {
    let mut hits = Vec::new();
    let mut hit = |cue: ClaimCue, value: f32, words: Option<&str>| {
        if value > 0.0 {
            let words = words.map(str::to_string);
            hits.push(CueHit { cue, value, words });
        }
    };
    let figure = |i: usize| is_figure(w.get(i));
    let word_is = |word: &'static str| move |i: usize| w.get(i) == word;

    let has_number =
        sentence.bytes().any(|b| b.is_ascii_digit()) || w.first_of(List::NumberWords).is_some();
    let has_percentage = sentence.contains('%') || w.first_phrase(List::Percent).is_some();
    let has_money = has_currency_figure(sentence)
        || w.pair(figure, |i| w.is(i, List::Currencies))
        || w.pair(|i| w.is(i, List::Large), |i| w.is(i, List::Currencies))
        || w.first_of(List::MoneyWords).is_some()
        || w.has_phrase("taxpayer money");
    let has_date = w.first_of(List::Months).is_some()
        || w.first_of(List::Weekdays).is_some()
        || (0..w.len()).any(|i| is_year(w.get(i)))
        || may_and_day(raw)
        // The list test first: it is a bit test, the word test a compare.
        || (1..w.len()).any(|i| w.is(i, List::LastWhat) && w.get(i - 1) == "last");
    hit(ClaimCue::Number, flag(has_number), None);
    hit(ClaimCue::Percentage, flag(has_percentage), None);
    hit(ClaimCue::Money, flag(has_money), None);
    let quantity = w.pair(figure, |i| w.is(i, List::Units))
        || w.pair(|i| w.is(i, List::Multitudes), word_is("of"));
    hit(ClaimCue::Quantity, flag(quantity), None);
    hit(ClaimCue::Date, flag(has_date), None);
    let time_span = w.pair(
        |i| figure(i) || w.is(i, List::Counts),
        |i| w.is(i, List::Periods),
    ) || w.first_of(List::SpanWords).is_some()
        || w.first_phrase(List::SpanPhrases).is_some();
    hit(ClaimCue::TimeSpan, flag(time_span), None);
    let comparative = w.pair(
        |i| {
            let word = w.get(i);
            (word.len() > 3 && word.ends_with("er")) || w.is(i, List::Compared)
        },
        word_is("than"),
    ) || w.pair(
        |i| w.is(i, List::Changes),
        |i| matches!(w.get(i), "by" | "from" | "to") || figure(i),
    );
    hit(ClaimCue::Comparative, flag(comparative), None);
    let superlative = w.first_of(List::Superlatives).is_some()
        || w.has_phrase("ever recorded")
        || w.has_phrase("never before");
    hit(ClaimCue::Superlative, flag(superlative), None);
    let names = named_entities(raw);
    hit(ClaimCue::NamedEntity, (names.min(3) as f32) / 3.0, None);
    let reporting = w.first_of(List::Reporting);
    hit(
        ClaimCue::ReportingVerb,
        flag(reporting.is_some()),
        reporting,
    );
    let evidence = w.pair(|i| w.is(i, List::Evidence), |i| w.is(i, List::Shows));
    let attribution = w
        .first_phrase(List::Attributions)
        .or(evidence.then_some("data show"));
    hit(
        ClaimCue::Attribution,
        flag(attribution.is_some()),
        attribution,
    );
    let causal = w.first_phrase(List::Causal);
    hit(ClaimCue::CausalLink, flag(causal.is_some()), causal);
    let legal = w.first_of(List::Legal).is_some()
        || w.has_phrase("supreme court")
        || w.has_phrase("social security");
    hit(ClaimCue::LegalOrStatistical, flag(legal), None);
    hit(
        ClaimCue::Question,
        flag(sentence.trim_end_matches(is_closing).ends_with('?')),
        None,
    );
    hit(
        ClaimCue::Greeting,
        flag(w.starts_with_any(List::Greetings)),
        None,
    );
    // An opinion with a figure or a date in it still says something
    // checkable; only the bare opinion lowers the score.
    let checkable = has_number || has_percentage || has_money || has_date;
    hit(
        ClaimCue::FirstPersonOpinion,
        flag(!checkable && first_person_opinion(w)),
        None,
    );
    let hedge = w.first_phrase(List::Hedges);
    hit(ClaimCue::Hedge, flag(hedge.is_some()), hedge);
    let imperative = w.starts_with_any(List::Imperatives) || w.phrase_at(0, "do not");
    hit(ClaimCue::Imperative, flag(imperative), None);
    hit(
        ClaimCue::Promise,
        flag(w.first_phrase(List::Promises).is_some()),
        None,
    );
    let count = raw.len();
    hit(ClaimCue::ShortSentence, flag(count <= 4), None);
    // The n-gram part is length-normalised; length itself is evidence.
    hit(
        ClaimCue::LongSentence,
        ((count as f32 - 10.0) / 20.0).clamp(0.0, 1.0),
        None,
    );
    hit(
        ClaimCue::StageDirection,
        flag(count <= 4 && is_stage_direction(sentence)),
        None,
    );
    let past = (0..w.len()).any(|i| w.first_of_at(i, List::PastForms) || is_regular_past(w.get(i)));
    hit(ClaimCue::PastEvent, flag(past), None);
    let modal = |i: usize| w.is(i, List::Modals);
    let modal_verb = |i: usize| w.is(i, List::ModalVerbs);
    let hypothetical = w.starts_with_any(List::Conditionals)
        || w.pair(modal, modal_verb)
        || (2..w.len()).any(|i| modal(i - 2) && w.get(i - 1) == "not" && modal_verb(i));
    hit(ClaimCue::Hypothetical, flag(hypothetical), None);
    hits
}

/// "I think", "we really believe", "I'm proud", "in my view".
fn first_person_opinion(w: &Words) -> bool {
    let opinion_at = |i: usize| {
        let subject = w.get(i);
        // Every subject below starts so: one byte rules out most words
        // before any string comparison.
        if !matches!(subject.as_bytes().first(), Some(b'i' | b'w')) {
            return false;
        }
        let mut next = i + 1;
        if matches!(subject, "i" | "we") && matches!(w.get(next), "am" | "are") {
            next += 1;
        } else if !matches!(subject, "i" | "we" | "i'm" | "we're" | "i'd" | "we'd") {
            return false;
        }
        if matches!(
            w.get(next),
            "really" | "strongly" | "just" | "truly" | "not"
        ) {
            next += 1;
        }
        w.first_of_at(next, List::OpinionVerbs) || w.first_of_at(next, List::OpinionStates)
    };
    (0..w.len()).any(opinion_at) || w.has_phrase("in my view") || w.has_phrase("in my opinion")
}

/// "closed", "signed": six letters or more ending in "-ed" after a letter
/// other than "e" ("need", "indeed" and "speed" are not past forms).
fn is_regular_past(word: &str) -> bool {
    word.len() >= 6
        && word
            .strip_suffix("ed")
            .is_some_and(|stem| stem.ends_with(|c: char| c.is_ascii_alphabetic() && c != 'e'))
}

fn flag(on: bool) -> f32 {
    if on {
        1.0
    } else {
        0.0
    }
}

fn is_closing(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(sentence: &str) -> Vec<ClaimCue> {
        detect(sentence).into_iter().map(|h| h.cue).collect()
    }

    fn reasons(sentence: &str) -> Vec<String> {
        detect(sentence).iter().map(CueHit::reason).collect()
    }

    #[test]
    fn figures_are_found() {
        let c = cues("Unemployment fell 2.5% to its lowest rate, costing $40 million.");
        for cue in [
            ClaimCue::Number,
            ClaimCue::Percentage,
            ClaimCue::Money,
            ClaimCue::Superlative,
            ClaimCue::LegalOrStatistical,
        ] {
            assert!(c.contains(&cue), "{cue:?} missing from {c:?}");
        }
        assert!(cues("About twenty thousand people marched.").contains(&ClaimCue::Number));
        assert!(cues("It cost 3 million dollars.").contains(&ClaimCue::Money));
        assert!(cues("Over 1,500 civilians remain there.").contains(&ClaimCue::Quantity));
    }

    #[test]
    fn dates_and_time_spans_are_found() {
        assert!(cues("The bridge opened in March 1998.").contains(&ClaimCue::Date));
        assert!(cues("The plant has been closed for six months.").contains(&ClaimCue::TimeSpan));
        assert!(!cues("You may go now.").contains(&ClaimCue::Date));
        assert!(cues("It closed on May 3.").contains(&ClaimCue::Date));
    }

    #[test]
    fn comparisons_are_found() {
        assert!(cues("Crime is higher than it was.").contains(&ClaimCue::Comparative));
        assert!(cues("Exports rose by a third.").contains(&ClaimCue::Comparative));
        assert!(cues("It was the deadliest storm on record.").contains(&ClaimCue::Superlative));
    }

    #[test]
    fn attribution_is_named_with_its_words() {
        let r = reasons("The mayor said on Monday that, according to police, nobody was hurt.");
        assert!(r.contains(&"reporting verb 'said'".to_string()), "{r:?}");
        assert!(
            r.contains(&"attribution 'according to'".to_string()),
            "{r:?}"
        );
        assert!(
            reasons("Analysts estimated the loss at a fraction of that.")
                .contains(&"reporting verb 'estimated'".to_string())
        );
    }

    #[test]
    fn past_events_are_found() {
        assert!(cues("I sold the land and signed the deal.").contains(&ClaimCue::PastEvent));
        assert!(cues("They closed the plant.").contains(&ClaimCue::PastEvent));
        assert!(!cues("We need to close the plant.").contains(&ClaimCue::PastEvent));
    }

    #[test]
    fn causal_and_legal_terms_are_found() {
        let c = cues("The law was struck down by the court because it was vague.");
        assert!(c.contains(&ClaimCue::CausalLink) && c.contains(&ClaimCue::LegalOrStatistical));
    }

    #[test]
    fn uncheckable_talk_is_found() {
        assert!(cues("Why would anyone do that?").contains(&ClaimCue::Question));
        assert!(cues("Why would anyone do that?\"").contains(&ClaimCue::Question));
        assert!(cues("Thank you so much, everybody.").contains(&ClaimCue::Greeting));
        assert!(cues("I think this is a wonderful idea.").contains(&ClaimCue::FirstPersonOpinion));
        assert!(cues("Perhaps they will come around.").contains(&ClaimCue::Hedge));
        assert!(cues("Let's talk about the plan.").contains(&ClaimCue::Imperative));
        assert!(cues("We will build a new road.").contains(&ClaimCue::Promise));
        assert!(cues("(APPLAUSE)").contains(&ClaimCue::StageDirection));
        assert!(cues("Okay, sure.").contains(&ClaimCue::ShortSentence));
        assert!(!cues("Okay, sure.").contains(&ClaimCue::LongSentence));
        let long = "word ".repeat(40);
        assert!(detect(&long)
            .iter()
            .any(|h| h.cue == ClaimCue::LongSentence && h.value == 1.0));
        assert!(cues("If we won, we would be happy.").contains(&ClaimCue::Hypothetical));
        assert!(!cues("We won the vote.").contains(&ClaimCue::Hypothetical));
    }

    #[test]
    fn an_opinion_with_a_figure_is_not_a_bare_opinion() {
        assert!(!cues("I think 40 percent of them left.").contains(&ClaimCue::FirstPersonOpinion));
    }

    #[test]
    fn cues_read_from_the_reading_are_the_sentences_own() {
        for text in [
            "The mayor said on Monday that, according to police, 1,200 homes were hit.\nMay 3: I think it’s the deadliest storm ever recorded, costing $40 million.",
            "HOST: Why would anyone do that? (APPLAUSE) We will build a road-- Thank you.",
            "“ÉTÉ” O’Neil’s İstanbul… 東京は大きい。大阪も。 If we won, we would be happy.",
        ] {
            let reading = Reading::new(text);
            for sentence in reading.sentences() {
                let own = &text[sentence.range.clone()];
                assert_eq!(detect_read(&reading, sentence), detect(own), "{own:?}");
            }
        }
    }

    #[test]
    fn cue_indices_follow_the_list() {
        for (i, cue) in ClaimCue::ALL.iter().enumerate() {
            assert_eq!(cue.index(), i);
        }
    }
}
