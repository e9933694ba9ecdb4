//! The learned check-worthiness model: a logistic regression over the hashed
//! n-grams of [`super::features`] and the cues of [`super::cues`], with the
//! n-gram weights quantised to one byte each.
//!
//! File layout (little-endian), written by `train-claims`:
//! `b"CLM1"`, u32 buckets, u32 cues, f32 bias, f32 scale,
//! f32 × cues (cue weights), i8 × buckets (n-gram weights / scale).

use super::cues::{ClaimCue, CueHit};
use super::features::BUCKETS;

const MAGIC: &[u8; 4] = b"CLM1";

/// Weights of the model. `bias` already includes the calibration shift that
/// puts the best-F1 operating point at probability 0.5.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bias: f32,
    pub cue_weights: Vec<f32>,
    pub scale: f32,
    pub ngram_weights: Vec<i8>,
}

/// How one sentence's logit splits into its parts, for the reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct Logit {
    pub bias: f32,
    /// Each cue hit's contribution, in the order of the hits.
    pub cues: Vec<f32>,
    pub wording: f32,
}

impl Logit {
    pub fn total(&self) -> f32 {
        self.bias + self.cues.iter().sum::<f32>() + self.wording
    }
}

impl Model {
    /// A model that knows nothing: every sentence scores 0.5.
    pub fn empty() -> Model {
        Model {
            bias: 0.0,
            cue_weights: vec![0.0; ClaimCue::ALL.len()],
            scale: 0.0,
            ngram_weights: vec![0; BUCKETS],
        }
    }

    /// Reads a model file; `None` when it does not fit this build's features.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (buckets, rest) = take_u32(rest)?;
        let (cues, rest) = take_u32(rest)?;
        if buckets as usize != BUCKETS || cues as usize != ClaimCue::ALL.len() {
            return None;
        }
        let (bias, rest) = take_f32(rest)?;
        let (scale, mut rest) = take_f32(rest)?;
        let mut cue_weights = Vec::with_capacity(ClaimCue::ALL.len());
        for _ in 0..cues {
            let (w, tail) = take_f32(rest)?;
            cue_weights.push(w);
            rest = tail;
        }
        if rest.len() != BUCKETS {
            return None;
        }
        let ngram_weights = rest.iter().map(|&b| b as i8).collect();
        Some(Model {
            bias,
            cue_weights,
            scale,
            ngram_weights,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(24 + 4 * self.cue_weights.len() + BUCKETS);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.ngram_weights.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.cue_weights.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for w in &self.cue_weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend(self.ngram_weights.iter().map(|&w| w as u8));
        out
    }

    /// The logit of a sentence with these n-gram buckets and cue hits.
    /// The n-gram vector has unit length (each present n-gram weighs
    /// 1/sqrt(count)), so long sentences do not win by length alone.
    pub fn logit(&self, buckets: &[u32], hits: &[CueHit]) -> Logit {
        let ngrams: i32 = buckets
            .iter()
            .filter_map(|&b| self.ngram_weights.get(b as usize))
            .map(|&w| i32::from(w))
            .sum();
        Logit {
            bias: self.bias,
            cues: hits
                .iter()
                .map(|h| self.cue_weights.get(h.cue.index()).copied().unwrap_or(0.0) * h.value)
                .collect(),
            wording: ngrams as f32 * self.scale * ngram_value(buckets.len()),
        }
    }
}

/// The value of each present n-gram in a sentence with `count` of them.
pub fn ngram_value(count: usize) -> f32 {
    1.0 / (count.max(1) as f32).sqrt()
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

fn take_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (head, rest) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*head), rest))
}

fn take_f32(bytes: &[u8]) -> Option<(f32, &[u8])> {
    let (head, rest) = bytes.split_first_chunk::<4>()?;
    Some((f32::from_le_bytes(*head), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_survives_the_round_trip() {
        let mut model = Model::empty();
        model.bias = -0.75;
        model.scale = 0.01;
        model.cue_weights[ClaimCue::Number.index()] = 1.5;
        model.ngram_weights[7] = -128;
        model.ngram_weights[BUCKETS - 1] = 127;
        assert_eq!(Model::from_bytes(&model.to_bytes()), Some(model));
    }

    #[test]
    fn truncated_or_foreign_files_are_refused() {
        let bytes = Model::empty().to_bytes();
        assert_eq!(Model::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Model::from_bytes(b"CLM1"), None);
        assert_eq!(Model::from_bytes(b"PNG\x89 not a model"), None);
    }

    #[test]
    fn the_logit_adds_bias_cues_and_wording() {
        let mut model = Model::empty();
        model.bias = -1.0;
        model.scale = 0.5;
        model.cue_weights[ClaimCue::Question.index()] = -2.0;
        model.ngram_weights[3] = 4;
        model.ngram_weights[9] = -1;
        let hit = CueHit {
            cue: ClaimCue::Question,
            value: 1.0,
            words: None,
        };
        let logit = model.logit(&[3, 9, 11, 12], &[hit]);
        assert_eq!(logit.cues, vec![-2.0]);
        // (4 - 1) × 0.5 scale × 1/sqrt(4 n-grams)
        assert_eq!(logit.wording, 0.75);
        assert_eq!(logit.total(), -2.25);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-6);
    }
}
