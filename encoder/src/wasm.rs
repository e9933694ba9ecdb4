//! The encoder's wasm exports, for the page's analysis worker (and any page
//! embedding the annotator). `scripts/build` writes them to `dist/encoder/`
//! (`claims_encoder.js`, `claims_encoder_bg.wasm`, `--target web`), apart from
//! the page's own wasm, whose download size matters; the weights are
//! `dist/encoder/claims-encoder.safetensors`.
//!
//! ```js
//! import init, { Encoder } from './encoder/claims_encoder.js';
//! await init();                     // or initSync({ module: bytes }) in Node
//! const weights = new Uint8Array(await (await fetch('./encoder/claims-encoder.safetensors')).arrayBuffer());
//! const encoder = Encoder.load(weights);       // throws an Error with a message on a bad file
//! const logits = encoder.logits(['Unemployment rose to 7.4% in March.', 'Thank you.']);
//! // Float32Array, one raw logit per sentence, in order
//! encoder.free();                   // releases the wasm memory
//! ```
//!
//! - **Inputs** are sentence texts exactly as the lexical model reads them:
//!   `text[start..end]` of each claim sentence of the analysis (speaker tag
//!   already outside the range). Nothing is trimmed or joined.
//! - **Outputs** are the head's raw logits, not probabilities: the analysis
//!   crate's `claims::combine` turns them into claim scores and reasons with
//!   the calibration and the lexical evidence, on the main thread.
//! - **Batching**: one call takes any number of sentences and batches them by
//!   length internally; a worker should send about 8–32 sentences a call so
//!   progress can be shown and a new article can pre-empt the old one.
//!   Calls are synchronous and single-threaded: one `Encoder` per worker.
//! - **Memory**: `load` dequantises the 22 MB int8 file to f32, about 92 MB
//!   of wasm memory per worker, kept while the `Encoder` lives; the weights
//!   array passed in can be dropped after `load`.

use crate::Encoder as Model;
use wasm_bindgen::prelude::*;

/// The claims encoder loaded from its weights.
#[wasm_bindgen]
pub struct Encoder {
    model: Model,
}

#[wasm_bindgen]
impl Encoder {
    /// Loads `claims-encoder.safetensors`; throws an `Error` saying what is
    /// wrong with a file that is not it.
    pub fn load(weights: &[u8]) -> Result<Encoder, JsError> {
        Model::load(weights)
            .map(|model| Encoder { model })
            .map_err(|e| JsError::new(&e.0))
    }

    /// One raw claim logit per sentence, in order.
    pub fn logits(&self, sentences: Vec<String>) -> Result<Vec<f32>, JsError> {
        self.model
            .logits(&sentences)
            .map_err(|e| JsError::new(&e.0))
    }

    /// How many word pieces (with `[CLS]` and `[SEP]`) the model reads of a
    /// sentence: its cost, to size batches by.
    #[wasm_bindgen(js_name = tokenCount)]
    pub fn token_count(&self, sentence: &str) -> usize {
        self.model.token_ids(sentence).len()
    }
}
