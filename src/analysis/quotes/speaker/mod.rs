//! Who said a quotation: the noun phrase attached to the nearest reporting
//! verb, looked for after the quotation ("…," the minister said), before it
//! (the minister said: "…"), through "according to", a colon, or the
//! sentence before.
//!
//! One idea per file:
//! - [`phrases`]: the speaker noun phrase read at a token, and its widenings;
//! - [`verbs`]: whether a token is a reporting verb used as a verb;
//! - [`subjects`]: the subject of such a verb, or of a verb of stance;
//! - [`clauses`]: where the sentence and its last clause start, and the
//!   subject that opens a sentence;
//! - [`after_quote`], [`before_quote`], [`sources`]: the cues in the
//!   quotation's own sentence, and [`own_sentence`] the order they are
//!   tried in;
//! - [`across_sentences`]: the sentence before or after the quotation;
//! - [`rules`]: the rules by name, in the order they are tried, each of
//!   which can be switched off to measure it;
//! - [`roles`]: what a quoted span is (a title, a nickname, a label, words
//!   reported), rather than who said it.
//!
//! This module holds what they share, the [`SpeakerCue`] and [`Attribution`] a
//! speaker is reported with, and the surface the parent module calls.

mod across_sentences;
mod after_quote;
mod before_quote;
mod clauses;
mod own_sentence;
mod phrases;
mod roles;
pub(crate) mod rules;
mod sources;
mod subjects;
mod verbs;

pub(crate) use across_sentences::{
    attribute_from_next_sentence, attribute_from_previous_sentence, attribute_from_sentence_after,
};
pub(crate) use own_sentence::attribute;
pub(crate) use phrases::relative_head;
pub(crate) use roles::{
    byline_follows, listed_after, named_just_before, nickname_in_name, sentence_reports,
    so_called_before, title_position, words_stand_before,
};

use std::ops::Range;

/// How far (in tokens) a speaker may lie from its quotation.
const WINDOW: usize = 90;

/// Where the attribution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerCue {
    After,
    Before,
    According,
    Colon,
    PreviousSentence,
    GoverningClause,
    NextSentence,
    SpeechNoun,
}

impl SpeakerCue {
    pub fn describe(self) -> &'static str {
        match self {
            SpeakerCue::After => "speaker after quote",
            SpeakerCue::Before => "speaker before quote",
            SpeakerCue::According => "'according to' attribution",
            SpeakerCue::Colon => "speaker introduces quote with a colon",
            SpeakerCue::PreviousSentence => "speaker in previous sentence",
            SpeakerCue::GoverningClause => "subject of the governing clause",
            SpeakerCue::NextSentence => "speaker in next sentence",
            SpeakerCue::SpeechNoun => "owner of the words quoted",
        }
    }
}

/// A speaker mention (token indexes, end exclusive) and what tied it to
/// the quotation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attribution {
    pub(crate) tokens: Range<usize>,
    pub(crate) verb: Option<String>,
    pub(crate) cue: SpeakerCue,
}

/// What the unit tests of every part share: quotations found in a test
/// sentence and their speakers, read through [`attribute`].
#[cfg(test)]
mod test_support {
    use super::super::marks;
    use super::super::tokens::{TokenKind, Tokens};
    use super::attribute;
    use std::ops::Range;

    /// The speaker text of each quotation of `text`, by attribution in its
    /// own sentence only.
    pub(super) fn speakers(text: &str) -> Vec<Option<&str>> {
        speakers_without(text, 0)
    }

    /// Like [`speakers`], the rules in `off` switched off.
    pub(super) fn speakers_without(text: &str, off: u32) -> Vec<Option<&str>> {
        let ranges: Vec<Range<usize>> = marks::find(text).into_iter().map(|s| s.range).collect();
        let t = Tokens::new(text, &ranges);
        (0..t.len())
            .filter(|&i| matches!(t.kind(i), Some(TokenKind::Quote)))
            .map(|q| {
                attribute(&t, q, off).map(|a| {
                    let start = t.range(a.tokens.start).start;
                    let end = t.range(a.tokens.end - 1).end;
                    &text[start..end]
                })
            })
            .collect()
    }
}
