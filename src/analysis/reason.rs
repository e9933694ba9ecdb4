//! Why the analysis found what it found, as the user reads it: every
//! finding carries [`Reason`]s, each a label (what the page's card, the
//! CLI's JSON and the JS API show) and a [`Direction`] (whether that
//! evidence raised the finding's score, lowered it, or only describes it).
//!
//! A detector decides with its own typed reasons, an enum whose variants
//! its rules match on (never on labels, so a label can be reworded without
//! moving a figure), and turns them into `Reason`s only when it reports a
//! [`Finding`](super::Finding), through [`DetectorReason`]:
//!
//! - **quotes**: [`super::quotes::QuoteReason`] (marks, reporting verb,
//!   how the speaker was found, title, scare quote, …);
//! - **the pipeline**: [`PipelineReason`] (a moderator's question halves a
//!   claim's score: lowered; a claim inside a quote is "said by" its
//!   speaker: neutral).
//!
//! Adopting it elsewhere (not done yet; each owner does it when its work
//! lands):
//!
//! - **boilerplate** already has a typed `boilerplate::Reason` with a
//!   `label()`; it implements [`DetectorReason`] with `direction()`
//!   [`Direction::Raised`] for its evidence of page furniture (and
//!   [`Direction::Lowered`] for evidence of article body, such as a markup
//!   hint with a negative prior, `inside <article>`), and `because(reason)`
//!   then takes the variant itself instead of its label;
//! - **claims** already knows each cue's effect on the logit
//!   (`claims::score_read`'s `effects`): `Reason::new(label,
//!   Direction::of_effect(effect))` instead of the bare label, and a typed
//!   claim reason enum in place of the `String` labels when it has one.
//!
//! Until then their labels arrive through `From<&str>` / `From<String>` as
//! [`Direction::Neutral`] reasons, unchanged for every reader.
//!
//! On the wire ([`super::Annotation`]'s JSON: the CLI, the JS API, saved
//! analyses) `reasons` stays an array of labels, as every reader already
//! expects, and `directions` beside it holds each one's direction
//! (`"raised"`, `"lowered"` or `"neutral"`, same order), present only when
//! one is not neutral: older readers see what they always saw, and a
//! missing `directions` reads as all neutral.
//!
//! ```
//! use article_annotator::analysis::reason::{Direction, Reason};
//! let reason = Reason::lowered("no speaker found");
//! assert_eq!(reason.label(), "no speaker found");
//! assert_eq!(reason.direction, Direction::Lowered);
//! assert_eq!(Reason::from("quotation marks").direction, Direction::Neutral);
//! ```

use serde::{Deserialize, Serialize};
use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

/// Which way a piece of evidence moved a finding's score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// It made the finding more likely (a reporting verb, a figure).
    Raised,
    /// It made the finding less likely (no speaker, a moderator's turn).
    Lowered,
    /// It describes the finding without moving its score (the marks, who
    /// said it, which part of a multi-paragraph quote).
    #[default]
    Neutral,
}

impl Direction {
    /// The direction of an additive effect on a score or a logit: raised
    /// above zero, lowered below, neutral at zero.
    pub fn of_effect(effect: f32) -> Direction {
        if effect > 0.0 {
            Direction::Raised
        } else if effect < 0.0 {
            Direction::Lowered
        } else {
            Direction::Neutral
        }
    }

    /// Its name on the wire and in the UI: "raised", "lowered", "neutral".
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Raised => "raised",
            Direction::Lowered => "lowered",
            Direction::Neutral => "neutral",
        }
    }
}

/// One reason a finding gives: the label the user reads and the way it
/// moved the score.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reason {
    label: Cow<'static, str>,
    pub direction: Direction,
}

impl Reason {
    pub fn new(label: impl Into<Cow<'static, str>>, direction: Direction) -> Reason {
        Reason {
            label: label.into(),
            direction,
        }
    }

    pub fn raised(label: impl Into<Cow<'static, str>>) -> Reason {
        Reason::new(label, Direction::Raised)
    }

    pub fn lowered(label: impl Into<Cow<'static, str>>) -> Reason {
        Reason::new(label, Direction::Lowered)
    }

    pub fn neutral(label: impl Into<Cow<'static, str>>) -> Reason {
        Reason::new(label, Direction::Neutral)
    }

    /// The label the user reads.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The label, owned.
    pub fn into_label(self) -> String {
        self.label.into_owned()
    }
}

/// A label alone: a neutral reason (how detectors that have not typed
/// their reasons yet report them).
impl From<&'static str> for Reason {
    fn from(label: &'static str) -> Reason {
        Reason::neutral(label)
    }
}

impl From<String> for Reason {
    fn from(label: String) -> Reason {
        Reason::neutral(label)
    }
}

/// A reason reads as its label: `r.contains("title")`, `r.starts_with(…)`.
impl Deref for Reason {
    type Target = str;

    fn deref(&self) -> &str {
        &self.label
    }
}

/// Reasons join and compare as their labels (`reasons.join("; ")`).
impl Borrow<str> for Reason {
    fn borrow(&self) -> &str {
        &self.label
    }
}

impl PartialEq<str> for Reason {
    fn eq(&self, other: &str) -> bool {
        self.label == other
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, other: &&str) -> bool {
        self.label == *other
    }
}

impl PartialEq<String> for Reason {
    fn eq(&self, other: &String) -> bool {
        self.label == other.as_str()
    }
}

/// A reason serialises as its label, so that a list of reasons is the
/// list of labels every reader knows; its direction travels beside it
/// ([`super::Annotation`]'s `directions`).
impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.label)
    }
}

/// A label read back is a neutral reason.
impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Reason, D::Error> {
        String::deserialize(deserializer).map(Reason::from)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// A detector's own typed reason: what its rules match on, with the label
/// and direction it is reported with (see the module).
pub trait DetectorReason {
    /// The label the user reads.
    fn label(&self) -> Cow<'static, str>;
    /// Which way this evidence moves the detector's score.
    fn direction(&self) -> Direction;
    /// As the shared shape a [`super::Finding`] carries.
    fn reason(&self) -> Reason {
        Reason::new(self.label(), self.direction())
    }
}

/// The reasons the pipeline itself adds to a claim, beside the claims
/// scorer's own ([`super::annotate_with`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PipelineReason {
    /// The claim lies in the turn of a transcript's moderator (named),
    /// who mostly asks questions: its score is halved.
    Questioner(String),
    /// The claim lies inside a quote shown as one: it is its speaker's
    /// claim (the name, resolved when the mention was a pronoun).
    SaidBy(String),
}

impl DetectorReason for PipelineReason {
    fn label(&self) -> Cow<'static, str> {
        match self {
            PipelineReason::Questioner(name) => format!(
                "lowered: {name} mostly asks questions here, a moderator's turn (score halved)"
            )
            .into(),
            PipelineReason::SaidBy(name) => format!("said by {name}").into(),
        }
    }

    fn direction(&self) -> Direction {
        match self {
            PipelineReason::Questioner(_) => Direction::Lowered,
            PipelineReason::SaidBy(_) => Direction::Neutral,
        }
    }
}

/// The directions of `reasons` in order, as the wire carries them beside
/// the labels: none at all when every one is neutral.
pub fn directions(reasons: &[Reason]) -> Vec<Direction> {
    if reasons.iter().all(|r| r.direction == Direction::Neutral) {
        Vec::new()
    } else {
        reasons.iter().map(|r| r.direction).collect()
    }
}

/// Reasons back from their wire form: a direction missing (an older file,
/// or every reason neutral) reads as neutral.
pub(crate) fn from_wire(labels: Vec<String>, directions: &[Direction]) -> Vec<Reason> {
    labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| Reason::new(label, directions.get(i).copied().unwrap_or_default()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_directions() {
        assert_eq!(Direction::of_effect(0.4), Direction::Raised);
        assert_eq!(Direction::of_effect(-0.1), Direction::Lowered);
        assert_eq!(Direction::of_effect(0.0), Direction::Neutral);
        let said = PipelineReason::SaidBy("Lee".into()).reason();
        assert_eq!(
            (said.label(), said.direction),
            ("said by Lee", Direction::Neutral)
        );
        let asks = PipelineReason::Questioner("HOLT".into()).reason();
        assert_eq!(asks.direction, Direction::Lowered);
        assert!(asks
            .label()
            .starts_with("lowered: HOLT mostly asks questions"));
        let reasons = [Reason::raised("a"), Reason::from("b")];
        assert_eq!(reasons.join("; "), "a; b");
        assert_eq!(reasons[1], "b");
        assert_eq!(reasons[0].to_string(), "a");
    }

    #[test]
    fn the_wire_keeps_labels_and_adds_directions_only_when_one_is_not_neutral() {
        use crate::analysis::{Annotation, Kind};
        let annotation = |reasons: Vec<Reason>| Annotation {
            kind: Kind::Quote,
            start: 0,
            end: 4,
            score: 0.5,
            reasons,
            speaker: None,
            part_of: None,
        };
        let neutral = annotation(vec![Reason::from("a"), Reason::from("b".to_string())]);
        let json = serde_json::to_string(&neutral).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"quote","start":0,"end":4,"score":0.5,"reasons":["a","b"]}"#
        );
        assert_eq!(serde_json::from_str::<Annotation>(&json).unwrap(), neutral);
        let mixed = annotation(vec![
            Reason::raised("a"),
            Reason::neutral("b"),
            Reason::lowered("c"),
        ]);
        let json = serde_json::to_string(&mixed).unwrap();
        assert!(
            json.contains(r#""reasons":["a","b","c"],"directions":["raised","neutral","lowered"]"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Annotation>(&json).unwrap(), mixed);
        // Directions cut short (a hand-edited file) read as neutral.
        let short = json.replace(r#","neutral","lowered""#, "");
        let read: Annotation = serde_json::from_str(&short).unwrap();
        assert_eq!(read.reasons[2].direction, Direction::Neutral);
    }
}
