//! How the CLI scores claims: with the fine-tuned encoder (the default), or
//! with the lexical model alone (`--fast`). Everything else in the analysis is
//! the same either way.

use article_annotator::analysis::claims::combine;
use article_annotator::analysis::{self, Analysis, MarkupHint};
#[cfg(not(target_arch = "wasm32"))]
use claims_encoder::Encoder;
use std::borrow::Cow;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;

/// The encoder's int8 weights, inside the binary so it works from anywhere.
#[cfg(not(target_arch = "wasm32"))]
static WEIGHTS: &[u8] = include_bytes!("../../../encoder/model/claims-encoder.safetensors");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scorer {
    /// The lexical model alone (hashed n-grams and cues).
    Fast,
    /// The lexical analysis, then every claim sentence rescored by the
    /// encoder and combined with the lexical evidence.
    Encoder,
}

impl Scorer {
    /// Analyses `text` (with the markup hints of a rendered page, if any).
    pub fn analyse(self, text: &str, markup: &[MarkupHint]) -> Result<Analysis, String> {
        if self == Scorer::Fast {
            return Ok(analysis::annotate_lexically(text, markup));
        }
        let mut analysis = analysis::annotate_with_markup(text, markup);
        self.rescore(text, &mut analysis)?;
        Ok(analysis)
    }

    /// Rescores the claims of a lexical analysis of `text` with the encoder
    /// (nothing with [`Scorer::Fast`]).
    pub fn rescore(self, text: &str, analysis: &mut Analysis) -> Result<(), String> {
        if self == Scorer::Fast || analysis.sentences.is_empty() {
            return Ok(());
        }
        let sentences = combine::claim_sentences(text, analysis);
        let logits = encoder_logits(&sentences)?;
        combine::rescore(analysis, &logits)
    }
}

/// The encoder's raw logit of each sentence.
#[cfg(not(target_arch = "wasm32"))]
fn encoder_logits(sentences: &[Cow<str>]) -> Result<Vec<f32>, String> {
    encoder()?.logits(sentences).map_err(|e| e.to_string())
}

/// The CLI is a native program, but cargo builds every binary of the crate
/// for the browser tests too (`cargo test --target wasm32-unknown-unknown`);
/// that build has no encoder (the page runs its own wasm in a worker).
#[cfg(target_arch = "wasm32")]
fn encoder_logits(_: &[Cow<str>]) -> Result<Vec<f32>, String> {
    Err("the claims encoder runs natively only here: use --fast".into())
}

/// The encoder, loaded (dequantised) once per process, on first use.
#[cfg(not(target_arch = "wasm32"))]
fn encoder() -> Result<&'static Encoder, String> {
    static ENCODER: OnceLock<Result<Encoder, String>> = OnceLock::new();
    ENCODER
        .get_or_init(|| Encoder::load(WEIGHTS).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| format!("the claims encoder did not load: {e}"))
}
