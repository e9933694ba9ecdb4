//! Any bytes, read as (lossy) UTF-8 text, through `analysis::annotate`; the
//! analysis must hold every span invariant.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    article_annotator_fuzz::checks::annotate_text(data);
});
