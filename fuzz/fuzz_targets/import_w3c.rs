//! Any bytes as a W3C annotation file (onto a text) and as stored library
//! entries: each read returns Ok or Err, never panics, and what it places
//! fits the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    article_annotator_fuzz::checks::import_w3c(data);
});
