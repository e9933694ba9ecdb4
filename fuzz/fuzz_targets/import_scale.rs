//! Many annotations re-anchored onto an edited text through one index (see
//! `checks::import_scale`): every placement quotes the text, exact and moved
//! fits are the right occurrences.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    article_annotator_fuzz::checks::import_scale(data);
});
