//! The learned parts of the quote detector: a ranking over the speakers the
//! rules propose (`speaker/candidates.rs`) chooses a quotation's speaker, and a
//! logistic regression over its [`evidence`](super::evidence) gives its
//! score. Weights are
//! fitted by `train-quotes` (cross-validated by document on the PolNeAR
//! dev file, `src/bin/train_quotes.rs`) and committed in `weights.rs`;
//! the bias is shifted at training time so that 0.5 ([`QUOTE_MIN_SCORE`])
//! is the cross-validated best span-F1 operating point.
//!
//! [`QUOTE_MIN_SCORE`]: crate::analysis::QUOTE_MIN_SCORE

use super::evidence::FEATURE_COUNT;
use super::speaker::candidates::SPEAKER_FEATURE_COUNT;
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
    /// The speaker ranking over [`SPEAKER_FEATURES`](super::speaker_features::SPEAKER_FEATURES): the
    /// candidate with the highest logit is the speaker.
    pub speaker: Linear,
    /// The quote score over [`super::evidence::FEATURES`].
    pub quote: Linear,
    /// Rules switched off, to measure what each is worth (0 in use): the
    /// bits of [`super::speaker_features::rules`] and
    /// [`super::RULING_OUT`].
    pub rules_off: u32,
}

impl QuoteModel {
    /// The model committed in `weights.rs`.
    pub fn committed() -> QuoteModel {
        QuoteModel {
            speaker: Linear {
                weights: weights::SPEAKER.to_vec(),
                bias: 0.0,
            },
            quote: Linear {
                weights: weights::QUOTE.to_vec(),
                bias: weights::QUOTE_BIAS,
            },
            rules_off: 0,
        }
    }
}

impl QuoteModel {
    /// The committed model with a ranking that only follows the rules' own
    /// order: what `train-quotes` reads its examples with, so that what it
    /// learns never depends on the weights committed before.
    pub fn following_the_rules() -> QuoteModel {
        let mut speaker = vec![0.0; SPEAKER_FEATURE_COUNT];
        // "the rules' own pick" is the first feature.
        speaker[0] = 1.0;
        QuoteModel {
            speaker: Linear {
                weights: speaker,
                bias: 0.0,
            },
            ..QuoteModel::committed()
        }
    }

    /// Which of the candidates, given their features, the ranking chooses:
    /// the highest logit, the earliest proposed on a tie.
    pub(crate) fn choose_speaker(
        &self,
        features: &[[f32; SPEAKER_FEATURE_COUNT]],
    ) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (i, f) in features.iter().enumerate() {
            let logit = self.speaker.logit(f);
            if best.is_none_or(|(_, top)| logit > top) {
                best = Some((i, logit));
            }
        }
        best.map(|(i, _)| i)
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
const _: () = assert!(weights::SPEAKER.len() == SPEAKER_FEATURE_COUNT);
