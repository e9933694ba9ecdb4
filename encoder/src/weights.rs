//! The int8 weights file: safetensors whose large matrices are `I8` with one
//! f32 scale per row (per output channel of a linear layer, per token of the
//! embeddings) in `NAME.qscale`, and whose small tensors (biases, layer norms,
//! the head) stay f32. Dequantised once at load: `w = q as f32 * scale`, the
//! same product in f32 that `scripts/claims_encoder/train.py` computes for its
//! reference scores, so both run the same weights to the bit.

use candle_core::{Device, Tensor};
use safetensors::{Dtype, SafeTensors};
use std::collections::HashMap;

/// The suffix of a quantised matrix's per-row scales.
pub const SCALE_SUFFIX: &str = ".qscale";

/// Every tensor of the file as f32, named as in the file (scales folded in).
pub fn dequantise(bytes: &[u8]) -> Result<HashMap<String, Tensor>, String> {
    let file = SafeTensors::deserialize(bytes).map_err(|e| format!("weights: {e}"))?;
    let mut tensors = HashMap::new();
    for (name, view) in file.tensors() {
        if name.ends_with(SCALE_SUFFIX) {
            continue;
        }
        let shape = view.shape().to_vec();
        let values = match view.dtype() {
            Dtype::F32 => f32s(view.data()),
            Dtype::I8 => {
                let scales_name = format!("{name}{SCALE_SUFFIX}");
                let scales = file
                    .tensor(&scales_name)
                    .map_err(|_| format!("weights: {name} is int8 without {scales_name}"))?;
                let scales = f32s(scales.data());
                let rows = shape.first().copied().unwrap_or(0);
                if shape.len() != 2 || scales.len() != rows {
                    return Err(format!("weights: {name} needs one scale per row"));
                }
                let width = shape[1];
                view.data()
                    .iter()
                    .enumerate()
                    .map(|(i, &q)| f32::from(q as i8) * scales[i / width.max(1)])
                    .collect()
            }
            other => return Err(format!("weights: {name} is {other:?}, not F32 or I8")),
        };
        let tensor = Tensor::from_vec(values, shape, &Device::Cpu)
            .map_err(|e| format!("weights: {name}: {e}"))?;
        tensors.insert(name, tensor);
    }
    Ok(tensors)
}

/// Little-endian f32s (safetensors' byte order), whatever the alignment.
fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}
