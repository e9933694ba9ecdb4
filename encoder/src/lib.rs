//! The claims encoder: all-MiniLM-L6-v2 fine-tuned on `claims.train.jsonl`
//! for check-worthiness (BERT, mean pooling over the real tokens, one linear
//! unit), with int8 weights, a hand-written WordPiece tokenizer and a BERT
//! forward pass on candle's layers ([`bert`]). One inference path for the CLI (natively) and the page's
//! worker (wasm, [`wasm`]).
//!
//! It returns the head's raw **logit** per sentence, uncalibrated: turning
//! logits into the claim score (calibration, the lexical model's logit, the
//! transcript adjustments, the reasons) is the analysis crate's job
//! (`article_annotator::analysis::claims::combine`), so the page can do it on
//! its main thread when a worker's logits arrive.
//!
//! The model files live in `model/`: `claims-encoder.safetensors` (the int8
//! weights), `tokenizer.json` and `config.json` (the base model's, Apache-2.0,
//! see `model/NOTICE`), and `claims-encoder.json` (calibration, threshold and
//! provenance, written with the weights by `scripts/train-claims-encoder`).
//! The tokenizer and the config are compiled in; the 22 MB of weights are not,
//! so the wasm stays small and the page fetches them after its first paint
//! ([`WEIGHTS_FILE`] names them for the CLI's `include_bytes!`).
//!
//! # What a sentence is
//! The text the lexical model scores: the sentence's characters as
//! `analysis::segment::sentences` cuts them, so without a transcript line's
//! speaker tag ("HOST: "), untrimmed otherwise. Only the first
//! [`MAX_LEN`]` - 2` word pieces count, as in training.

pub mod bert;
pub mod weights;
pub mod wordpiece;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use bert::{Bert, Config};
use candle_core::{DType, Device, Tensor, D};
use candle_nn::VarBuilder;
use wordpiece::WordPiece;

/// Word pieces per sentence with `[CLS]` and `[SEP]`, as in training.
pub const MAX_LEN: usize = 64;

/// Sentences run through the model together: padding to the longest of a
/// batch of sentences of similar length costs little, and larger batches
/// gained nothing measurable on one thread.
pub const BATCH: usize = 16;

/// The weights' path inside this crate, for `include_bytes!`.
pub const WEIGHTS_FILE: &str = "model/claims-encoder.safetensors";

const TOKENIZER_JSON: &str = include_str!("../model/tokenizer.json");
const CONFIG_JSON: &str = include_str!("../model/config.json");

/// Why the model could not load or run.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<candle_core::Error> for Error {
    fn from(e: candle_core::Error) -> Self {
        Error(format!("claims encoder: {e}"))
    }
}

/// The loaded model: tokenizer, BERT and head, ready to score.
pub struct Encoder {
    tokenizer: WordPiece,
    bert: Bert,
    /// `[1, hidden]`
    head_weight: Tensor,
    head_bias: Tensor,
}

impl Encoder {
    /// Loads the int8 weights file (`model/claims-encoder.safetensors`).
    pub fn load(weights: &[u8]) -> Result<Self, Error> {
        let tokenizer = WordPiece::from_tokenizer_json(TOKENIZER_JSON).map_err(Error)?;
        let config: Config =
            serde_json::from_str(CONFIG_JSON).map_err(|e| Error(format!("config.json: {e}")))?;
        let mut tensors = weights::dequantise(weights).map_err(Error)?;
        let take = |tensors: &mut std::collections::HashMap<String, Tensor>, name: &str| {
            tensors
                .remove(name)
                .ok_or_else(|| Error(format!("weights: {name} is missing")))
        };
        let head_weight = take(&mut tensors, "head.weight")?;
        let head_bias = take(&mut tensors, "head.bias")?;
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &Device::Cpu);
        let bert = Bert::load(vb, &config)?;
        Ok(Encoder {
            tokenizer,
            bert,
            head_weight,
            head_bias,
        })
    }

    /// The word-piece ids the model reads for `sentence`.
    pub fn token_ids(&self, sentence: &str) -> Vec<u32> {
        self.tokenizer.encode(sentence, MAX_LEN)
    }

    /// The claim logit of each sentence, in order. Sentences of similar
    /// length are batched together ([`BATCH`]); the result does not depend
    /// on the batching beyond float rounding (about 1e-6).
    pub fn logits<S: AsRef<str>>(&self, sentences: &[S]) -> Result<Vec<f32>, Error> {
        let ids: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| self.token_ids(s.as_ref()))
            .collect();
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by_key(|&i| ids[i].len());
        let mut out = vec![0.0; ids.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&[u32]> = chunk.iter().map(|&i| ids[i].as_slice()).collect();
            for (&i, logit) in chunk.iter().zip(self.batch_logits(&batch)?) {
                out[i] = logit;
            }
        }
        Ok(out)
    }

    fn batch_logits(&self, batch: &[&[u32]]) -> Result<Vec<f32>, Error> {
        let width = batch.iter().map(|ids| ids.len()).max().unwrap_or(0);
        let mut flat_ids = Vec::with_capacity(batch.len() * width);
        let mut flat_mask = Vec::with_capacity(batch.len() * width);
        for ids in batch {
            flat_ids.extend_from_slice(ids);
            flat_ids.resize(flat_ids.len() + width - ids.len(), 0);
            flat_mask.extend(std::iter::repeat_n(1u32, ids.len()));
            flat_mask.resize(flat_mask.len() + width - ids.len(), 0);
        }
        let shape = (batch.len(), width);
        let ids = Tensor::from_vec(flat_ids, shape, &Device::Cpu)?;
        let mask = Tensor::from_vec(flat_mask, shape, &Device::Cpu)?;
        let types = ids.zeros_like()?;
        let hidden = self.bert.forward(&ids, &types, &mask)?;
        // Mean over the real tokens (padding masked out), as in training.
        let weights = mask.to_dtype(DType::F32)?.unsqueeze(D::Minus1)?;
        let summed = hidden.broadcast_mul(&weights)?.sum(1)?;
        let counts = weights.sum(1)?;
        let pooled = summed.broadcast_div(&counts)?;
        let logits = pooled
            .matmul(&self.head_weight.t()?)?
            .broadcast_add(&self.head_bias)?
            .squeeze(D::Minus1)?;
        Ok(logits.to_vec1::<f32>()?)
    }
}

/// The logistic function, for callers that want a probability from a logit.
pub fn sigmoid(logit: f32) -> f32 {
    1.0 / (1.0 + (-logit).exp())
}
