//! The learned part of the quote detector: a logistic regression over a
//! quotation's [`evidence`](super::evidence) gives its score (the speaker
//! is the first the rules' order names, `speaker/rules.rs`). Weights are
//! fitted by `train-quotes` (cross-validated by document on the PolNeAR
//! dev file, `src/bin/train_quotes.rs`) and committed in `weights.rs`;
//! the bias is shifted at training time so that 0.5 ([`QUOTE_MIN_SCORE`])
//! is the cross-validated best span-F1 operating point.
//!
//! [`QUOTE_MIN_SCORE`]: crate::analysis::QUOTE_MIN_SCORE

use super::evidence::FEATURE_COUNT;
use super::weights;

/// A linear model: a weight per feature and a bias.
#[derive(Debug, Clone, PartialEq)]
pub struct Linear {
    pub weights: Vec<f32>,
    pub bias: f32,
}

impl Linear {
    /// The weighted sum of `features` plus the bias.
    pub fn logit(&self, features: &[f32]) -> f32 {
        self.weights
            .iter()
            .zip(features)
            .map(|(w, x)| w * x)
            .sum::<f32>()
            + self.bias
    }

    /// The logistic of [`Linear::logit`]: a probability in (0, 1).
    pub fn probability(&self, features: &[f32]) -> f32 {
        1.0 / (1.0 + (-self.logit(features)).exp())
    }
}

/// Everything the quote detector learned.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteModel {
    /// The quote score over [`super::evidence::FEATURES`].
    pub quote: Linear,
    /// Rules switched off, to measure what each is worth (0 in use): the
    /// bits of [`super::speaker_rules`] and [`super::RULING_OUT`].
    pub rules_off: u32,
}

impl QuoteModel {
    /// The model committed in `weights.rs`.
    pub fn committed() -> QuoteModel {
        QuoteModel {
            quote: Linear {
                weights: weights::QUOTE.to_vec(),
                bias: weights::QUOTE_BIAS,
            },
            rules_off: 0,
        }
    }
}

impl Default for QuoteModel {
    fn default() -> QuoteModel {
        QuoteModel::committed()
    }
}

// The committed weights follow the feature order; a change to one without
// the other fails to build.
const _: () = assert!(weights::QUOTE.len() == FEATURE_COUNT);
