//! BERT's encoder, forward pass only, on candle-nn's layers: the part of
//! candle-transformers' `bert` this model uses. candle-transformers holds a
//! hundred models, and compiling it cost CI minutes in each of the three
//! builds that link the encoder (native tests, lints, the worker's wasm);
//! this file is the few dozen lines the model needs.
//!
//! The arithmetic is BERT's (Devlin et al., as Hugging Face's `BertModel`
//! computes it in evaluation mode): embeddings of word, position and token
//! type summed and normalised; per layer, multi-head self-attention over the
//! unmasked tokens, a residual and a layer norm, then the feed-forward block
//! (exact GELU, with erf) with its residual and layer norm. No dropout, no
//! pooler. `tests/reference_logits.rs` holds its logits to PyTorch's.

use candle_core::{DType, Result, Tensor};
use candle_nn::{embedding, layer_norm, linear, Embedding, LayerNorm, Linear, Module, VarBuilder};
use serde::Deserialize;

/// The fields of the base model's `config.json` the forward pass reads.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
    /// Only "gelu" (the exact one) is implemented; anything else is a load
    /// error rather than a silently different model.
    pub hidden_act: String,
}

struct Embeddings {
    words: Embedding,
    positions: Embedding,
    token_types: Embedding,
    norm: LayerNorm,
}

impl Embeddings {
    fn load(vb: VarBuilder, c: &Config) -> Result<Self> {
        Ok(Embeddings {
            words: embedding(c.vocab_size, c.hidden_size, vb.pp("word_embeddings"))?,
            positions: embedding(
                c.max_position_embeddings,
                c.hidden_size,
                vb.pp("position_embeddings"),
            )?,
            token_types: embedding(
                c.type_vocab_size,
                c.hidden_size,
                vb.pp("token_type_embeddings"),
            )?,
            norm: layer_norm(c.hidden_size, c.layer_norm_eps, vb.pp("LayerNorm"))?,
        })
    }

    fn forward(&self, ids: &Tensor, types: &Tensor) -> Result<Tensor> {
        let width = ids.dim(1)?;
        let positions = Tensor::arange(0u32, width as u32, ids.device())?;
        let summed = self
            .words
            .forward(ids)?
            .add(&self.token_types.forward(types)?)?
            .broadcast_add(&self.positions.forward(&positions)?)?;
        self.norm.forward(&summed)
    }
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
    heads: usize,
    head_size: usize,
}

impl Layer {
    fn load(vb: VarBuilder, c: &Config) -> Result<Self> {
        let h = c.hidden_size;
        let attention = vb.pp("attention");
        let own = attention.pp("self");
        Ok(Layer {
            query: linear(h, h, own.pp("query"))?,
            key: linear(h, h, own.pp("key"))?,
            value: linear(h, h, own.pp("value"))?,
            attention_out: linear(h, h, attention.pp("output").pp("dense"))?,
            attention_norm: layer_norm(
                h,
                c.layer_norm_eps,
                attention.pp("output").pp("LayerNorm"),
            )?,
            intermediate: linear(h, c.intermediate_size, vb.pp("intermediate").pp("dense"))?,
            output: linear(c.intermediate_size, h, vb.pp("output").pp("dense"))?,
            output_norm: layer_norm(h, c.layer_norm_eps, vb.pp("output").pp("LayerNorm"))?,
            heads: c.num_attention_heads,
            head_size: h / c.num_attention_heads,
        })
    }

    /// `[batch, width, hidden]` to `[batch, heads, width, head_size]`.
    fn split_heads(&self, xs: &Tensor) -> Result<Tensor> {
        let (batch, width, _) = xs.dims3()?;
        xs.reshape((batch, width, self.heads, self.head_size))?
            .transpose(1, 2)?
            .contiguous()
    }

    /// `bias`: `[batch, 1, 1, width]`, 0 for a real token and a large
    /// negative number for padding, added to the attention scores.
    fn forward(&self, xs: &Tensor, bias: &Tensor) -> Result<Tensor> {
        let (batch, width, hidden) = xs.dims3()?;
        let q = self.split_heads(&self.query.forward(xs)?)?;
        let k = self.split_heads(&self.key.forward(xs)?)?;
        let v = self.split_heads(&self.value.forward(xs)?)?;
        let scale = 1.0 / (self.head_size as f64).sqrt();
        let scores = (q.matmul(&k.t()?)? * scale)?.broadcast_add(bias)?;
        let weights = candle_nn::ops::softmax_last_dim(&scores)?;
        let context = weights
            .matmul(&v)?
            .transpose(1, 2)?
            .contiguous()?
            .reshape((batch, width, hidden))?;
        let attended = self
            .attention_norm
            .forward(&self.attention_out.forward(&context)?.add(xs)?)?;
        let inner = self.intermediate.forward(&attended)?.gelu_erf()?;
        self.output_norm
            .forward(&self.output.forward(&inner)?.add(&attended)?)
    }
}

/// BERT's encoder: the last hidden states, `[batch, width, hidden]`.
pub struct Bert {
    embeddings: Embeddings,
    layers: Vec<Layer>,
}

impl Bert {
    /// Loads the weights named as Hugging Face's `BertModel` names them
    /// (`embeddings.…`, `encoder.layer.N.…`).
    pub fn load(vb: VarBuilder, c: &Config) -> Result<Self> {
        if c.hidden_act != "gelu" {
            candle_core::bail!(
                "hidden_act {:?} is not implemented (only gelu)",
                c.hidden_act
            );
        }
        if c.num_attention_heads == 0 || !c.hidden_size.is_multiple_of(c.num_attention_heads) {
            candle_core::bail!("hidden_size must be a multiple of num_attention_heads");
        }
        let layers = (0..c.num_hidden_layers)
            .map(|i| Layer::load(vb.pp(format!("encoder.layer.{i}")), c))
            .collect::<Result<_>>()?;
        Ok(Bert {
            embeddings: Embeddings::load(vb.pp("embeddings"), c)?,
            layers,
        })
    }

    /// `ids`, `types` and `mask` are `[batch, width]` (u32; mask 1 for a real
    /// token, 0 for padding).
    pub fn forward(&self, ids: &Tensor, types: &Tensor, mask: &Tensor) -> Result<Tensor> {
        // Padding gets f32::MIN added to its scores, as Hugging Face does,
        // so softmax gives it no weight.
        let min = f32::MIN as f64;
        let bias = mask
            .to_dtype(DType::F32)?
            .affine(-min, min)?
            .unsqueeze(1)?
            .unsqueeze(1)?;
        let mut xs = self.embeddings.forward(ids, types)?;
        for layer in &self.layers {
            xs = layer.forward(&xs, &bias)?;
        }
        Ok(xs)
    }
}
