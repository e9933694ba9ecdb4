//! Sentence segmentation for news text and transcripts.

use std::ops::Range;

/// Sentences of `text` as byte ranges, trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    // TODO(#3 helper): abbreviations, decimals, quotes, speaker tags.
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let _ = i;
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(start + lead..start + lead + trimmed.len());
        }
        start += line.len();
    }
    out
}
