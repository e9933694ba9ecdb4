//! Why a quotation scored as it did and how its speaker was found: the
//! quote detector's typed reasons. The detector pushes and removes
//! variants, never labels; each is reported as a shared
//! [`Reason`](crate::analysis::reason::Reason) with the label the user
//! reads and the way it moved the quote's score (the sign of the learned
//! weights of the evidence it stands for, `weights.rs`).

use super::speaker::SpeakerCue;
use crate::analysis::reason::{DetectorReason, Direction};
use std::borrow::Cow;

/// One reason the quote detector gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteReason {
    /// Opening and closing marks on one paragraph.
    Marks,
    /// A `>` block quote.
    BlockQuote,
    /// No closing mark: the quotation ends at its paragraph's end.
    Unclosed,
    /// Marks re-opened at each paragraph (the news convention).
    SeveralParagraphs,
    /// The reporting verb that ties the speaker to it ("said").
    ReportingVerb(String),
    /// Where its speaker was found.
    Speaker(SpeakerCue),
    /// A pronoun speaker (the mention, lower-cased) stands for a name.
    RefersTo {
        mention: String,
        name: String,
    },
    /// It carries on the previous quotation, and takes its speaker.
    ContinuesPrevious,
    /// An unattributed paragraph right before an attributed quotation
    /// takes that quotation's speaker.
    SpeakerOfFollowing,
    NoSpeaker,
    /// A short quotation with no speaker: the writer's scare quote.
    ScareQuote,
    /// A nickname inside a person's name.
    Nickname,
    /// "so-called": the writer's label.
    SoCalled,
    /// A headline's quotation in single marks, given in full below.
    HeadlineInSingleMarks,
    /// Single marks in a text whose own quotations use double ones.
    SingleInDoubleMarkText,
    /// Single marks with no reporting cue.
    SingleMarksUnreported,
    /// A title or a name in quotation marks.
    Title,
    /// One part of a quotation over several paragraphs (1-based).
    Part {
        number: usize,
        of: usize,
    },
}

impl DetectorReason for QuoteReason {
    fn label(&self) -> Cow<'static, str> {
        match self {
            QuoteReason::Marks => "quotation marks".into(),
            QuoteReason::BlockQuote => "block quote".into(),
            QuoteReason::Unclosed => "unclosed quotation mark: ends at paragraph end".into(),
            QuoteReason::SeveralParagraphs => "quotation marks over several paragraphs".into(),
            QuoteReason::ReportingVerb(verb) => format!("reporting verb '{verb}'").into(),
            QuoteReason::Speaker(cue) => cue.describe().into(),
            QuoteReason::RefersTo { mention, name } => {
                format!("'{mention}' refers to {name}").into()
            }
            QuoteReason::ContinuesPrevious => "continues the previous quote".into(),
            QuoteReason::SpeakerOfFollowing => "speaker of the quotation that follows".into(),
            QuoteReason::NoSpeaker => "no speaker found".into(),
            QuoteReason::ScareQuote => "scare quote: no speaker nearby".into(),
            QuoteReason::Nickname => "nickname inside a person's name".into(),
            QuoteReason::SoCalled => "'so-called': the writer's label, nobody's words".into(),
            QuoteReason::HeadlineInSingleMarks => {
                "headline quotation in single marks: the story quotes it in full".into()
            }
            QuoteReason::SingleInDoubleMarkText => {
                "single quotation marks in a text that quotes in double marks: a nested or scare quotation".into()
            }
            QuoteReason::SingleMarksUnreported => {
                "single quotation marks with no reporting cue".into()
            }
            QuoteReason::Title => "title or name in quotation marks".into(),
            QuoteReason::Part { number, of } => {
                format!("multi-paragraph quotation, part {number} of {of}").into()
            }
        }
    }

    /// Which way it moves the score: a speaker found raises it (its class
    /// weighs most, whatever the cue); evidence of a title, a label or
    /// stray marks lowers it; the marks themselves, a pronoun's antecedent
    /// and a part's number only describe.
    fn direction(&self) -> Direction {
        match self {
            QuoteReason::Marks
            | QuoteReason::BlockQuote
            | QuoteReason::RefersTo { .. }
            | QuoteReason::Part { .. } => Direction::Neutral,
            QuoteReason::ReportingVerb(_)
            | QuoteReason::Speaker(_)
            | QuoteReason::ContinuesPrevious
            | QuoteReason::SpeakerOfFollowing => Direction::Raised,
            QuoteReason::Unclosed
            | QuoteReason::SeveralParagraphs
            | QuoteReason::NoSpeaker
            | QuoteReason::ScareQuote
            | QuoteReason::Nickname
            | QuoteReason::SoCalled
            | QuoteReason::HeadlineInSingleMarks
            | QuoteReason::SingleInDoubleMarkText
            | QuoteReason::SingleMarksUnreported
            | QuoteReason::Title => Direction::Lowered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::detect;
    use super::*;

    #[test]
    fn a_quote_reports_its_reasons_with_their_directions() {
        let text = "“We will win,” the mayor said.\n\nThe channel showed “Evening Talk” later.";
        let found = detect(text);
        let said: Vec<(&str, Direction)> = found[0]
            .reasons
            .iter()
            .map(|r| (r.label(), r.direction))
            .collect();
        assert_eq!(
            said,
            [
                ("quotation marks", Direction::Neutral),
                ("reporting verb 'said'", Direction::Raised),
                ("speaker after quote", Direction::Raised),
            ]
        );
        let title = &found[1].reasons;
        assert!(title
            .iter()
            .any(|r| r == "title or name in quotation marks" && r.direction == Direction::Lowered));
    }
}
