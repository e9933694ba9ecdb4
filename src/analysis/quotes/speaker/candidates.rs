//! Every rule's proposal for the speaker of a quotation, not only the first
//! one's: the learned ranking ([`crate::analysis::quotes::model`]) chooses
//! among them. Each proposal says which rules named the same mention and
//! whether it is the one the rules' own order ([`own_sentence`]'s cascade,
//! then the sentences around) would pick, and its features describe it:
//! the rules, where it stands, what it looks like.
//!
//! [`own_sentence`]: super::own_sentence

use super::super::tokens::Tokens;
use super::clauses::sentence_start;
use super::phrases::pronoun_at;
use super::Attribution;
use std::ops::Range;

/// A rule that may propose a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    PassiveAgent,
    After,
    LastClause,
    Before,
    LaterInSentence,
    Colon,
    OuterSource,
    GoverningSubject,
    RelayingSource,
    SentenceAfterPrevious,
    Continuation,
    PreviousSentence,
    NextSentence,
}

/// The rules, in the order of their features and of [`bit`].
pub(crate) const RULES: [Rule; 13] = [
    Rule::PassiveAgent,
    Rule::After,
    Rule::LastClause,
    Rule::Before,
    Rule::LaterInSentence,
    Rule::Colon,
    Rule::OuterSource,
    Rule::GoverningSubject,
    Rule::RelayingSource,
    Rule::SentenceAfterPrevious,
    Rule::Continuation,
    Rule::PreviousSentence,
    Rule::NextSentence,
];

/// The names of a candidate's features, in the order of
/// [`Candidate::features`] and of the committed weights.
pub const SPEAKER_FEATURES: [&str; 21] = [
    "the rules' own pick",
    "rule: agent of a passive",
    "rule: named after the quote",
    "rule: last clause before it",
    "rule: reporting verb before it",
    "rule: reporting verb later in the sentence",
    "rule: colon",
    "rule: 'according to' later in the sentence",
    "rule: governing subject",
    "rule: source relaying the sentence",
    "rule: sentence after the previous quote",
    "rule: continues the previous quote",
    "rule: sentence before",
    "rule: sentence after",
    "ln(1 + tokens between it and the quote)",
    "after the quote",
    "in another sentence",
    "a pronoun",
    "a relative 'who'",
    "capitalised",
    "ln(tokens)",
];

/// How many features a candidate has.
pub const SPEAKER_FEATURE_COUNT: usize = SPEAKER_FEATURES.len();

/// One proposed speaker mention.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// The attribution of the first rule (in the rules' order) that named
    /// the mention.
    pub(crate) attribution: Attribution,
    /// The first rule (in the rules' order) that named it.
    pub(crate) first: Rule,
    /// Which rules named it, a bit per [`RULES`] entry.
    rules: u16,
    /// The rules' own order picks it.
    pub(crate) pick: bool,
}

/// The proposals for one quotation, in the rules' order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Candidates {
    pub(crate) list: Vec<Candidate>,
    /// Rules switched off (a bit per [`RULES`] entry), to measure what each
    /// one is worth: they propose nothing and the rules' order skips them.
    off: u32,
}

/// The bit of `rule` in a set of rules.
pub(crate) fn bit(rule: Rule) -> u32 {
    1 << RULES.iter().position(|r| *r == rule).unwrap_or(0)
}

impl Candidates {
    /// No proposals yet, the rules in `off` (bits of [`bit`]) switched off.
    pub(crate) fn without(off: u32) -> Candidates {
        Candidates {
            list: Vec::new(),
            off,
        }
    }

    /// Whether `rule` may propose.
    pub(crate) fn allows(&self, rule: Rule) -> bool {
        self.off & bit(rule) == 0
    }

    /// Adds `rule`'s proposal, merged with an earlier one naming the same
    /// tokens.
    pub(crate) fn propose(&mut self, rule: Rule, attribution: Option<&Attribution>) {
        let Some(attribution) = attribution.filter(|_| self.allows(rule)) else {
            return;
        };
        let bit = bit(rule) as u16;
        if let Some(same) = self
            .list
            .iter_mut()
            .find(|c| c.attribution.tokens == attribution.tokens)
        {
            same.rules |= bit;
            return;
        }
        self.list.push(Candidate {
            attribution: attribution.clone(),
            first: rule,
            rules: bit,
            pick: false,
        });
    }

    /// Marks the rules' own pick, proposed by `rule` when no rule named it
    /// yet (a source relaying the sentence).
    pub(crate) fn mark_pick(&mut self, rule: Rule, pick: Option<&Attribution>) {
        let Some(pick) = pick else { return };
        if self.find(&pick.tokens).is_none() && self.allows(rule) {
            self.propose(rule, Some(pick));
        }
        for c in &mut self.list {
            c.pick = c.attribution.tokens == pick.tokens;
        }
    }

    /// The candidate whose mention covers token range `tokens`, if any.
    pub(crate) fn find(&self, tokens: &Range<usize>) -> Option<&Candidate> {
        self.list.iter().find(|c| c.attribution.tokens == *tokens)
    }
}

impl Candidates {
    /// The features of every candidate for the quotation at token `q`.
    pub(crate) fn features(&self, t: &Tokens, q: usize) -> Vec<[f32; SPEAKER_FEATURE_COUNT]> {
        let sentence = sentence_start(t, q);
        self.list
            .iter()
            .map(|c| c.features(t, q, sentence))
            .collect()
    }
}

impl Candidate {
    /// The features of the candidate for the quotation at token `q`, whose
    /// sentence starts at token `sentence`.
    fn features(&self, t: &Tokens, q: usize, sentence: usize) -> [f32; SPEAKER_FEATURE_COUNT] {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let tokens = &self.attribution.tokens;
        let mut f = [0.0; SPEAKER_FEATURE_COUNT];
        f[0] = flag(self.pick);
        for (i, _) in RULES.iter().enumerate() {
            f[1 + i] = flag(self.rules & (1 << i) != 0);
        }
        let after = tokens.start > q;
        let gap = if after {
            tokens.start - q - 1
        } else {
            q.saturating_sub(tokens.end)
        };
        let at = 1 + RULES.len();
        f[at] = (1.0 + gap as f32).ln();
        f[at + 1] = flag(after);
        f[at + 2] = flag(sentence_start(t, tokens.start) != sentence);
        let single = tokens.len() == 1;
        f[at + 3] = flag(single && pronoun_at(t, tokens.start));
        f[at + 4] = flag(single && t.word(tokens.start) == Some("who"));
        f[at + 5] = flag(tokens.clone().any(|k| t.is_capitalised(k)));
        f[at + 6] = (tokens.len() as f32).ln();
        f
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::marks;
    use super::super::super::tokens::{TokenKind, Tokens};
    use super::super::propose;
    use super::*;

    /// The mentions proposed for the first quotation of `text`, each with
    /// whether it is the rules' pick, and the candidates themselves.
    fn proposals(text: &str) -> Vec<(String, bool, [f32; SPEAKER_FEATURE_COUNT])> {
        let ranges: Vec<Range<usize>> = marks::find(text).into_iter().map(|s| s.range).collect();
        let t = Tokens::new(text, &ranges);
        let q = (0..t.len())
            .find(|&i| matches!(t.kind(i), Some(TokenKind::Quote(_))))
            .expect("a quotation");
        let mut candidates = Candidates::default();
        propose(&t, q, &mut candidates);
        candidates
            .list
            .iter()
            .zip(candidates.features(&t, q))
            .map(|(c, features)| {
                let start = t.list[c.attribution.tokens.start].range.start;
                let end = t.list[c.attribution.tokens.end - 1].range.end;
                (text[start..end].to_string(), c.pick, features)
            })
            .collect()
    }

    fn feature(name: &str) -> usize {
        SPEAKER_FEATURES.iter().position(|f| *f == name).unwrap()
    }

    #[test]
    fn a_relaying_source_is_the_pick_and_the_relayed_speaker_a_candidate() {
        for (text, speaker, source) in [
            (
                "“We stay,” Lee said, according to the paper.",
                "Lee",
                "the paper",
            ),
            (
                "« Nous restons », a dit Lee, selon le journal.",
                "Lee",
                "le journal",
            ),
            (
                "„Wir bleiben“, sagte Lee, laut der Zeitung.",
                "Lee",
                "der Zeitung",
            ),
        ] {
            let found = proposals(text);
            let named = |m: &str| found.iter().find(|(s, _, _)| s == m);
            let (_, pick, features) = named(source).unwrap_or_else(|| panic!("{text}: {found:?}"));
            assert!(*pick, "{text}");
            assert_eq!(features[feature("after the quote")], 1.0);
            let (_, pick, features) = named(speaker).unwrap_or_else(|| panic!("{text}: {found:?}"));
            assert!(!*pick, "{text}");
            assert_eq!(features[feature("rule: named after the quote")], 1.0);
            assert_eq!(features[feature("capitalised")], 1.0);
        }
    }

    #[test]
    fn a_mention_two_rules_name_is_one_candidate_with_both_rules() {
        let found = proposals("The minister said: “We are ready.”");
        let minister: Vec<_> = found
            .iter()
            .filter(|(s, _, _)| s == "The minister")
            .collect();
        assert_eq!(minister.len(), 1, "{found:?}");
        let features = minister[0].2;
        assert_eq!(features[feature("rule: reporting verb before it")], 1.0);
        assert_eq!(features[feature("rule: colon")], 1.0);
        assert_eq!(features[feature("after the quote")], 0.0);
        assert_eq!(features[feature("in another sentence")], 0.0);
    }

    #[test]
    fn a_pronoun_is_marked_as_one() {
        let found = proposals("“It is late,” she said.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "she");
        assert_eq!(found[0].2[feature("a pronoun")], 1.0);
        assert_eq!(found[0].2[feature("capitalised")], 0.0);
    }
}
