//! Text plus markup hints (any offsets, any prior, NaN included) through
//! `analysis::annotate_with_markup`; the analysis must hold every span invariant.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    article_annotator_fuzz::checks::annotate_markup(data);
});
