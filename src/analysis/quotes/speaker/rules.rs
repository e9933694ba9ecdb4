//! The speaker rules by name, in the order they are tried: the cascade of
//! [`own_sentence`] (passive agent, after, last clause, before, later in
//! the sentence, colon, outer source, governing subject, then a source
//! relaying the sentence), then the sentences around the quotation. The
//! first rule that names somebody decides, and the later ones are not run.
//!
//! Each rule can be switched off ([`crate::analysis::quotes::QuoteModel::rules_off`],
//! a bit per rule, [`bit`]): it names nobody and the cascade goes on to the
//! next. `train-quotes --ablate` measures what each rule is worth so, by
//! grouped cross-validation.
//!
//! A learned ranking over every rule's proposal once chose among them
//! (commit 38f7aa3). Fitted on PolNeAR it learned to follow this order: on
//! `quotes.dev.jsonl` it chose another mention than the order for 3 of the
//! 4,246 quotations found, with the same speaker accuracy (3804 of 4046)
//! and one right speaker fewer by grouped cross-validation, while running
//! every rule for each quotation cost 11% more of the quote phase's
//! instructions. The order is the model; a rule earns its place by
//! `train-quotes --ablate`.
//!
//! [`own_sentence`]: super::own_sentence

/// A rule that may name a quotation's speaker.
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

/// The rules, in the order they are tried and of their bits ([`bit`]).
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

impl Rule {
    /// What the rule looks for, as `train-quotes --ablate` prints it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Rule::PassiveAgent => "agent of a passive",
            Rule::After => "named after the quote",
            Rule::LastClause => "last clause before it",
            Rule::Before => "reporting verb before it",
            Rule::LaterInSentence => "reporting verb later in the sentence",
            Rule::Colon => "colon",
            Rule::OuterSource => "'according to' later in the sentence",
            Rule::GoverningSubject => "governing subject",
            Rule::RelayingSource => "source relaying the sentence",
            Rule::SentenceAfterPrevious => "sentence after the previous quote",
            Rule::Continuation => "continues the previous quote",
            Rule::PreviousSentence => "sentence before",
            Rule::NextSentence => "sentence after",
        }
    }
}

/// The bit of `rule` in a set of rules switched off.
pub(crate) fn bit(rule: Rule) -> u32 {
    1 << RULES.iter().position(|r| *r == rule).unwrap_or(0)
}

/// Whether `rule` runs when the rules in `off` are switched off.
pub(crate) fn on(off: u32, rule: Rule) -> bool {
    off & bit(rule) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_its_own_bit() {
        let all = RULES.iter().fold(0u32, |seen, &rule| {
            assert_eq!(seen & bit(rule), 0, "{rule:?}");
            assert!(on(0, rule) && !on(bit(rule), rule));
            seen | bit(rule)
        });
        assert_eq!(all.count_ones() as usize, RULES.len());
        // The quote detector's own switch (RULING_OUT) is bit 31.
        assert!(all < 1 << 31);
    }
}
