//! What is known about a quotation when it is scored: its marks, its words,
//! the sentence around it and how its speaker was found, each a feature of
//! the learned quote score ([`super::model`]). The cues themselves are
//! read by the rules in the parent module and in `speaker/`; this file only
//! turns them into numbers, in one fixed order that the committed weights
//! follow ([`FEATURES`]).

use super::speaker::SpeakerCue;

/// How the speaker of a quotation was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FoundBy {
    /// No speaker.
    Nobody,
    /// A cue in or around the quotation's sentence.
    Cue(SpeakerCue),
    /// The quotation carries on the one before it.
    Continuation,
    /// An unattributed paragraph took the speaker of the quotation that
    /// opens the next one.
    FollowingQuote,
}

impl FoundBy {
    /// Whether a reporting verb or colon next to the quotation names its
    /// speaker.
    pub(crate) fn directly_reported(self) -> bool {
        matches!(
            self,
            FoundBy::Cue(SpeakerCue::After | SpeakerCue::Before | SpeakerCue::Colon)
        )
    }

    /// Whether a reporting cue ties the words to a speaker: anything but the
    /// governing clause's subject or the owner of a speech noun, which only
    /// hold a view the words may be the writer's name for.
    fn attributed(self) -> bool {
        match self {
            FoundBy::Nobody => false,
            FoundBy::Cue(cue) => {
                !matches!(cue, SpeakerCue::GoverningClause | SpeakerCue::SpeechNoun)
            }
            FoundBy::Continuation | FoundBy::FollowingQuote => true,
        }
    }
}

/// Quotations of fewer words than this are partial: a label, a phrase, a
/// scare quote, rather than a sentence somebody said. Used by the speaker
/// rules (a short label after a quotation does not carry on its speaker)
/// and as a feature of the score.
pub(crate) const PARTIAL_WORDS: usize = 4;

/// Everything the score weighs about one quotation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuoteEvidence {
    /// No closing mark: the span stops at the paragraph's end.
    pub(crate) unclosed: bool,
    /// A `>` block quote.
    pub(crate) block: bool,
    /// Re-opened over several paragraphs (news convention).
    pub(crate) paragraphs: bool,
    /// Opens with a single mark, which headlines and scare quotes use.
    pub(crate) single: bool,
    /// A single mark in a text whose quotations use double marks.
    pub(crate) single_in_double_text: bool,
    /// In a headline whose quotations use single marks.
    pub(crate) headline_single: bool,
    /// Words inside the marks.
    pub(crate) words: usize,
    /// The words hold a verb or a subject pronoun of their own.
    pub(crate) clause: bool,
    /// The words end in an exclamation mark.
    pub(crate) exclaimed: bool,
    /// The words read as a title or a name and nothing names them as
    /// somebody's.
    pub(crate) title: bool,
    /// The quotation stands where titles do (after "on", a possessive…).
    pub(crate) title_position: bool,
    /// Words said or printed stand before it ("the slogan", "chants of").
    pub(crate) uttered: bool,
    /// Its sentence reports speech, belief or stance.
    pub(crate) reported: bool,
    /// A nickname between a given name and a surname.
    pub(crate) nickname: bool,
    /// "so-called" before it, no reporting verb next to it.
    pub(crate) so_called: bool,
    /// How its speaker was found.
    pub(crate) found_by: FoundBy,
}

/// The names of the features, in the order of [`QuoteEvidence::features`]
/// and of the committed weights. The first eight are the classes the old
/// hand-set score gave a value each (exactly one holds); the rest refine
/// them.
pub const FEATURES: [&str; 29] = [
    "class: title or name",
    "class: partial, unreported, only a governing subject",
    "class: governing subject or owner of the words",
    "class: speaker in the sentence before or after",
    "class: speaker named by a cue in its sentence",
    "class: continues a quote, or leads into one",
    "class: partial, no speaker, no clause",
    "class: no speaker",
    "single marks, no reporting cue",
    "single marks in a text quoting in double marks",
    "unclosed",
    "block quote",
    "over several paragraphs",
    "one word",
    "two or three words",
    "ln(1 + words)",
    "a clause",
    "exclaimed",
    "where titles stand",
    "after a noun for words",
    "sentence reports speech or stance",
    "speaker after quote",
    "speaker before quote",
    "'according to' source",
    "speaker introduces it with a colon",
    "speaker in previous sentence",
    "speaker in next sentence",
    "owner of the words quoted",
    "speaker of the quotation that follows",
];

/// How many features a quotation has.
pub const FEATURE_COUNT: usize = FEATURES.len();

impl QuoteEvidence {
    /// Whether the words are partial (fewer than [`PARTIAL_WORDS`]).
    pub(crate) fn partial(&self) -> bool {
        self.words < PARTIAL_WORDS
    }

    /// Whether a categorical rule rules the quotation out, whatever the
    /// weights say: a nickname inside a name, a "so-called" label, or a
    /// headline's clipped echo in single marks.
    pub(crate) fn ruled_out(&self) -> bool {
        self.nickname || self.so_called || self.headline_single
    }

    /// The old hand-set score's class of the quotation (one of the first
    /// eight features).
    fn class(&self) -> usize {
        use SpeakerCue::*;
        let partial = self.partial();
        match self.found_by {
            _ if self.title => 0,
            FoundBy::Cue(GoverningClause) if partial && !self.reported && !self.clause => 1,
            FoundBy::Cue(GoverningClause | SpeechNoun) => 2,
            FoundBy::Cue(PreviousSentence | NextSentence) => 3,
            FoundBy::Cue(_) => 4,
            FoundBy::Continuation | FoundBy::FollowingQuote => 5,
            FoundBy::Nobody if partial && !self.clause => 6,
            FoundBy::Nobody => 7,
        }
    }

    /// The features, in the order of [`FEATURES`].
    pub(crate) fn features(&self) -> [f32; FEATURE_COUNT] {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let cue = |c: SpeakerCue| flag(self.found_by == FoundBy::Cue(c));
        let words = self.words as f32;
        let mut features = [0.0; FEATURE_COUNT];
        features[self.class()] = 1.0;
        let rest = [
            flag(self.single && !self.found_by.attributed()),
            flag(self.single_in_double_text),
            flag(self.unclosed),
            flag(self.block),
            flag(self.paragraphs),
            flag(self.words <= 1),
            flag((2..PARTIAL_WORDS).contains(&self.words)),
            (1.0 + words).ln(),
            flag(self.clause),
            flag(self.exclaimed),
            flag(self.title_position),
            flag(self.uttered),
            flag(self.reported),
            cue(SpeakerCue::After),
            cue(SpeakerCue::Before),
            cue(SpeakerCue::According),
            cue(SpeakerCue::Colon),
            cue(SpeakerCue::PreviousSentence),
            cue(SpeakerCue::NextSentence),
            cue(SpeakerCue::SpeechNoun),
            flag(self.found_by == FoundBy::FollowingQuote),
        ];
        features[8..].copy_from_slice(&rest);
        features
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> QuoteEvidence {
        QuoteEvidence {
            unclosed: false,
            block: false,
            paragraphs: false,
            single: false,
            single_in_double_text: false,
            headline_single: false,
            words: 6,
            clause: true,
            exclaimed: false,
            title: false,
            title_position: false,
            uttered: false,
            reported: true,
            nickname: false,
            so_called: false,
            found_by: FoundBy::Cue(SpeakerCue::After),
        }
    }

    #[test]
    fn every_feature_has_a_name_and_each_cue_sets_its_own() {
        assert_eq!(FEATURES.len(), plain().features().len());
        let at = |name: &str| FEATURES.iter().position(|f| *f == name).unwrap();
        let f = plain().features();
        assert_eq!(f[at("speaker after quote")], 1.0);
        assert_eq!(f[at("speaker before quote")], 0.0);
        let mut e = plain();
        e.found_by = FoundBy::FollowingQuote;
        assert_eq!(
            e.features()[at("speaker of the quotation that follows")],
            1.0
        );
        assert_eq!(e.features()[at("speaker after quote")], 0.0);
    }

    #[test]
    fn exactly_one_class_holds() {
        let class_of = |e: &QuoteEvidence| {
            let f = e.features();
            assert_eq!(f[..8].iter().sum::<f32>(), 1.0);
            FEATURES[f[..8].iter().position(|&v| v == 1.0).unwrap()]
        };
        let mut e = plain();
        assert_eq!(
            class_of(&e),
            "class: speaker named by a cue in its sentence"
        );
        e.title = true;
        assert_eq!(class_of(&e), "class: title or name");
        e.title = false;
        e.words = 2;
        e.clause = false;
        e.reported = false;
        e.found_by = FoundBy::Cue(SpeakerCue::GoverningClause);
        assert_eq!(
            class_of(&e),
            "class: partial, unreported, only a governing subject"
        );
        e.found_by = FoundBy::Nobody;
        assert_eq!(class_of(&e), "class: partial, no speaker, no clause");
    }
}
