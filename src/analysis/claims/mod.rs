//! Check-worthiness of one sentence: how likely a fact-checker would want to
//! check it, in [0, 1], with the cues that decided it.
//!
//! The score is a small logistic regression (see [`lexical_model`]) over hashed
//! n-grams of the wording ([`features`]) and hand-written cues ([`cues`]),
//! trained by `train-claims` on labelled debate sentences. Its bias is
//! calibrated so that 0.5 is the best-F1 operating point under
//! cross-validation, which is why [`super::DEFAULT_CLAIM_THRESHOLD`] is 0.5.

pub mod combine;
pub mod cues;
pub mod evidence;
pub mod features;
pub mod lexical_model;
pub mod questioners;
pub mod stage_directions;

use super::reading::{Reading, Sentence};
use super::segment::speaker_tag_len;
use super::{Finding, Kind};
pub use evidence::{ClaimEvidence, Effect, ScoredBy};
use lexical_model::Model;
use std::ops::Range;
use std::sync::OnceLock;

/// The committed weights, written by
/// `cargo run --release --bin train-claims -- claims.train.jsonl`.
const WEIGHTS: &[u8] = include_bytes!("model.bin");

/// Smallest contribution to the logit that is worth naming as a reason.
pub(crate) const NOTABLE: f32 = 0.1;

/// Effect on the logit of lying in a transcript turn that ends by asking a
/// question: such a turn is an interviewer's or a moderator's, and its
/// statements set up the question rather than claim something. The training
/// sentences come without their turns, so this weight cannot be learned and
/// is set by hand, strong enough to outweigh one or two factual cues.
const QUESTION_TURN: f32 = -2.5;

/// Effect on the logit of lying in a transcript turn (a line opening with a
/// speaker tag). The model learned from debate sentences sampled so that
/// about one in four (5,651 of 23,532) is check-worthy; in whole live
/// transcripts (CheckThat! 2019 reports 433 of 16,421 training sentences,
/// 2.6%; the CheckThat! 2019 transcripts in ../shared/eval, 86 of 3,354,
/// agree) most sentences are talk. Bayes' rule moves the log-odds by the
/// difference of the two priors' log-odds: ln(0.026/0.974) - ln(0.24/0.76).
const TRANSCRIPT_PRIOR: f32 = -2.47;

/// How far to look for the ends of a sentence's line, so that scoring every
/// sentence of a huge text without line breaks stays linear.
const LINE_WINDOW: usize = 4096;

/// The committed model, or one that knows nothing if the file does not fit
/// this build (then every score is 0.5 and the tests say so).
pub fn committed_model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(WEIGHTS).unwrap_or_else(Model::empty))
}

/// Scores the sentence `text[sentence]`, with the cues that decided it.
/// Only a line opening with a speaker tag counts as transcript here; see
/// [`score_in`] for a text known to be a transcript throughout.
pub fn score(text: &str, sentence: Range<usize>) -> Finding {
    score_in(text, sentence, false)
}

/// Like [`score`], where `spoken` says the whole text is a transcript of
/// live talk ([`stage_directions::has_stage_directions`]), so that the
/// transcript prior applies to lines without speaker tags too.
pub fn score_in(text: &str, sentence: Range<usize>, spoken: bool) -> Finding {
    let evidence = evidence_in(text, &sentence, spoken);
    let mut finding = Finding::new(Kind::Claim, sentence, 0.0);
    combine::score_lexically(&evidence, &mut finding.score, &mut finding.reasons);
    finding
}

/// [`score_in`] for a sentence of the text's [`Reading`] (the pipeline
/// reads evidence with [`evidence_read`]; the bench times this).
pub fn score_read(reading: &Reading<'_>, sentence: &Sentence, spoken: bool) -> Finding {
    let evidence = evidence_read(reading, sentence, spoken);
    let mut finding = Finding::new(Kind::Claim, sentence.range.clone(), 0.0);
    combine::score_lexically(&evidence, &mut finding.score, &mut finding.reasons);
    finding
}

/// The lexical evidence of the sentence `text[sentence]`: the lexical
/// model's logit and its named parts, and the effects of the sentence's
/// place in a transcript. [`combine`] turns it into a score and reasons.
pub fn evidence_in(text: &str, sentence: &Range<usize>, spoken: bool) -> ClaimEvidence {
    let words = text.get(sentence.clone()).unwrap_or_default();
    let hits = cues::detect(words);
    let buckets = features::hashed(words);
    evidence_of(text, sentence, spoken, &hits, &buckets)
}

/// [`evidence_in`] for a sentence of the text's [`Reading`]: its cues and
/// n-grams come from the words the reading already split and lower-cased.
pub fn evidence_read(reading: &Reading<'_>, sentence: &Sentence, spoken: bool) -> ClaimEvidence {
    let hits = cues::detect_read(reading, sentence);
    let buckets = features::hashed_read(reading, sentence);
    evidence_of(reading.text(), &sentence.range, spoken, &hits, &buckets)
}

/// The evidence of a sentence from its cues and n-gram buckets.
fn evidence_of(
    text: &str,
    sentence: &Range<usize>,
    spoken: bool,
    hits: &[cues::CueHit],
    buckets: &[u32],
) -> ClaimEvidence {
    let logit = committed_model().logit(buckets, hits);
    let turn = transcript_turn(text, sentence);

    let mut parts: Vec<Effect> = hits
        .iter()
        .zip(&logit.cues)
        .filter(|(_, effect)| effect.abs() >= NOTABLE)
        .map(|(hit, &effect)| Effect::new(hit.reason(), effect))
        .collect();
    if logit.wording >= 4.0 * NOTABLE {
        parts.push(Effect::new("wording of checkable claims", logit.wording));
    } else if logit.wording <= -4.0 * NOTABLE {
        parts.push(Effect::new("wording of talk or opinion", logit.wording));
    }
    let mut context = Vec::new();
    if turn.is_some_and(ends_in_question) {
        context.push(Effect::new("question turn", QUESTION_TURN));
    }
    if spoken || turn.is_some() {
        context.push(Effect::new(
            "transcript, where most sentences are talk",
            TRANSCRIPT_PRIOR,
        ));
    }
    ClaimEvidence {
        lexical: logit.total(),
        cues: parts,
        context,
        ..ClaimEvidence::default()
    }
}

/// The transcript turn holding the sentence: its line, when that line opens
/// with a speaker tag such as "HOST:".
fn transcript_turn<'a>(text: &'a str, sentence: &Range<usize>) -> Option<&'a str> {
    line_around(text, sentence).filter(|line| speaker_tag_len(line) > 0)
}

/// Whether a turn's last sentence is a question.
fn ends_in_question(turn: &str) -> bool {
    turn.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with('?')
}

/// The line holding `sentence`, if its ends lie within [`LINE_WINDOW`].
fn line_around<'a>(text: &'a str, sentence: &Range<usize>) -> Option<&'a str> {
    let mut window_start = sentence.start.saturating_sub(LINE_WINDOW);
    while !text.is_char_boundary(window_start) {
        window_start -= 1;
    }
    let start = match text.get(window_start..sentence.start)?.rfind('\n') {
        Some(newline) => window_start + newline + 1,
        None if window_start == 0 => 0,
        None => return None,
    };
    let after = text.get(sentence.end..)?;
    let mut window_end = LINE_WINDOW.min(after.len());
    while !after.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let end = match after[..window_end].find('\n') {
        Some(newline) => sentence.end + newline,
        None if window_end == after.len() => text.len(),
        None => return None,
    };
    text.get(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(sentence: &str) -> Finding {
        score(sentence, 0..sentence.len())
    }

    /// Whether a reason names `label`, whichever way it moved the score.
    fn names(reasons: &[crate::analysis::reason::Reason], label: &str) -> bool {
        reasons.iter().any(|r| {
            r.strip_prefix("raised: ")
                .or_else(|| r.strip_prefix("lowered: "))
                .is_some_and(|rest| {
                    rest.starts_with(label) && rest[label.len()..].starts_with(" (")
                })
        })
    }

    #[test]
    fn the_committed_weights_fit_this_build() {
        assert!(Model::from_bytes(WEIGHTS).is_some());
        assert!(WEIGHTS.len() <= 200 * 1024);
    }

    #[test]
    fn factual_statements_with_figures_outscore_talk() {
        let fact = scored("Unemployment rose to 7.4% in March, the highest rate since 1992.");
        assert!(fact.score >= 0.5, "{fact:?}");
        for talk in [
            "Thank you all for being here tonight.",
            "What do you think about that?",
            "I think that's a wonderful thing.",
            "(APPLAUSE)",
        ] {
            let finding = scored(talk);
            assert!(finding.score < 0.5, "{finding:?}");
            assert!(finding.score < fact.score);
        }
    }

    #[test]
    fn reasons_name_the_cues() {
        let fact = scored("Officials said 1,200 homes were destroyed by the floods in 2019.");
        assert!(
            names(&fact.reasons, "reporting verb 'said'"),
            "{:?}",
            fact.reasons
        );
        assert!(names(&fact.reasons, "number") || names(&fact.reasons, "date"));
        let question = scored("Why would anyone vote for that?");
        assert!(question
            .reasons
            .iter()
            .any(|r| r.starts_with("lowered: question (−")));
    }

    #[test]
    fn statements_in_an_interviewers_question_turn_are_lowered() {
        let statement = "Unemployment rose to 7.4% in March, the highest rate since 1992.";
        let asked = format!("HOST: {statement} What will you do about it?\nGUEST: Plenty.");
        let answered = format!("HOST: Go ahead.\nGUEST: {statement} We will act.");
        let at = |text: &str| {
            let start = text.find(statement).unwrap();
            score(text, start..start + statement.len())
        };
        let (in_question, in_answer) = (at(&asked), at(&answered));
        assert!(in_question.score < in_answer.score);
        assert!(names(&in_question.reasons, "question turn"));
        assert!(!names(&in_answer.reasons, "question turn"));
        // Without speaker tags it is not a transcript, and nothing changes.
        let plain = format!("{statement} What will you do about it?");
        assert!(!names(&at(&plain).reasons, "question turn"));
    }

    #[test]
    fn transcript_turns_carry_the_lower_prior_of_live_talk() {
        let statement = "Unemployment rose to 7.4% in March, the highest rate since 1992.";
        let tagged = format!("HOST: Go ahead.\nGUEST: {statement} We will act.");
        let plain = format!("Go ahead.\n{statement} We will act.");
        let at = |text: &str| {
            let start = text.find(statement).unwrap();
            score(text, start..start + statement.len())
        };
        let (in_turn, in_prose) = (at(&tagged), at(&plain));
        assert!(in_turn.score < in_prose.score);
        let prior = "transcript, where most sentences are talk";
        assert!(names(&in_turn.reasons, prior));
        assert!(!names(&in_prose.reasons, prior));
    }

    #[test]
    fn a_transcript_without_speaker_tags_carries_the_prior_when_told() {
        let statement = "Unemployment rose to 7.4% in March, the highest rate since 1992.";
        let text = format!("Go ahead.\n{statement} We will act.");
        let start = text.find(statement).unwrap();
        let range = start..start + statement.len();
        let (spoken, written) = (
            score_in(&text, range.clone(), true),
            score_in(&text, range.clone(), false),
        );
        assert!(spoken.score < written.score);
        assert_eq!(written, score(&text, range));
        let prior = "transcript, where most sentences are talk";
        assert!(names(&spoken.reasons, prior));
        assert!(!names(&spoken.reasons, "question turn"));
    }

    #[test]
    fn scores_lie_in_the_unit_interval_and_ranges_are_kept() {
        let text = "Intro. The dam, built in 1961, holds 2 billion cubic metres.";
        let finding = score(text, 7..text.len());
        assert_eq!(finding.range, 7..text.len());
        assert_eq!(finding.kind, Kind::Claim);
        assert!((0.0..=1.0).contains(&finding.score));
        assert!(!finding.reasons.is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        let text = "é\u{0}\u{FFFD}";
        let (five, two) = (5, 2);
        for range in [0..0, 0..1, 0..text.len(), five..two, 0..999] {
            let finding = score(text, range);
            assert!((0.0..=1.0).contains(&finding.score));
        }
    }
}
