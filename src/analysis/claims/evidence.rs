//! What the lexical analysis knows about one claim sentence, kept beside its
//! annotation ([`crate::analysis::Analysis::claim_evidence`]) so that the
//! score can be computed again when the encoder's logit arrives
//! ([`super::combine`]) without reading the text again, and so that every
//! reason can say how much it raised or lowered the score.

use crate::analysis::reason::{Direction, Reason};
use serde::{Deserialize, Serialize};

/// One named contribution to a claim's logit (log-odds): positive raises the
/// score, negative lowers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Effect {
    /// What it is, as the UI names it ("number", "question turn").
    pub label: String,
    /// Its contribution to the logit.
    pub logit: f32,
}

impl Effect {
    pub fn new(label: impl Into<String>, logit: f32) -> Self {
        Effect {
            label: label.into(),
            logit,
        }
    }

    /// The reason as the UI shows it, its direction in the words too (the
    /// label is what exports and the page's card print): "raised: number
    /// (+0.8)", "lowered: question turn (−2.5)".
    pub fn reason(&self) -> Reason {
        let sign = if self.logit >= 0.0 { '+' } else { '−' };
        let direction = if self.logit >= 0.0 {
            Direction::Raised
        } else {
            Direction::Lowered
        };
        let label = format!(
            "{}: {} ({sign}{:.1})",
            direction.as_str(),
            self.label,
            self.logit.abs()
        );
        Reason::new(label, direction)
    }
}

/// Which model's score an annotation carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoredBy {
    /// The hashed n-gram and cue regression alone (instant, everywhere).
    #[default]
    Lexical,
    /// The fine-tuned encoder combined with the lexical evidence.
    Encoder,
}

/// The lexical evidence of one claim sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimEvidence {
    /// The lexical model's whole logit (bias, cues and wording).
    pub lexical: f32,
    /// Its named parts: each cue that fired and the wording's n-grams.
    pub cues: Vec<Effect>,
    /// Hand-set effects of where the sentence stands, which the training
    /// sentences (without their context) cannot teach: a question turn, the
    /// low prior of live transcripts.
    pub context: Vec<Effect>,
    /// The moderator whose turn holds the sentence: the score is halved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderator: Option<String>,
    /// Who makes the claim, when it lies inside their quote (no effect).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<String>,
    /// Which model the annotation's score and reasons come from now.
    #[serde(default)]
    pub scored_by: ScoredBy,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_say_their_direction_and_size() {
        let raised = Effect::new("number", 0.84).reason();
        assert_eq!(
            (raised.label(), raised.direction),
            ("raised: number (+0.8)", Direction::Raised)
        );
        let lowered = Effect::new("question turn", -2.5).reason();
        assert_eq!(
            (lowered.label(), lowered.direction),
            ("lowered: question turn (−2.5)", Direction::Lowered)
        );
    }
}
