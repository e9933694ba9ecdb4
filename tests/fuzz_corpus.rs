//! The fuzz targets' checks, replayed as plain tests: every hand-written
//! seed text in `fuzz/seeds/text/` (as text, as text with markup hints, and
//! as a W3C export of itself) and every input a fuzz run once crashed on
//! (`fuzz/regressions/<target>/`). CI runs this instead of cargo-fuzz,
//! whose instrumented build costs more than the CI budget allows; the
//! longer search is `scripts/fuzz` (see README, "Reliability").

#[path = "../fuzz/src/checks.rs"]
mod checks;

use article_annotator::analysis::annotate;
use article_annotator::analysis::document::Article;
use article_annotator::analysis::export::web_annotation::to_web_annotations;
use std::fs;
use std::path::{Path, PathBuf};

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn seed_texts() -> Vec<Vec<u8>> {
    let seeds = files_in(&fuzz_dir().join("seeds/text"));
    assert!(seeds.len() >= 5, "the seed texts are there");
    seeds.iter().map(|p| fs::read(p).unwrap()).collect()
}

#[test]
fn seed_texts_hold_the_span_invariants() {
    for text in seed_texts() {
        checks::annotate_text(&text);
    }
}

#[test]
fn seed_texts_with_hostile_markup_hints_hold_the_span_invariants() {
    for text in seed_texts() {
        let mut plain = vec![0];
        plain.extend_from_slice(&text);
        checks::annotate_markup(&plain);
        // As scripts/fuzz seeds it: a hint over the start, one reaching far
        // past the end with a NaN prior.
        let mut hinted = vec![2, 0, 0, 0, 0, 0x28, 0, 0, 0, 0x50];
        hinted.extend_from_slice(&[0x10, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0x80]);
        hinted.extend_from_slice(&text);
        let (decoded, hints) = checks::markup_case(&hinted);
        assert_eq!(
            decoded.as_bytes(),
            String::from_utf8_lossy(&text).as_bytes()
        );
        assert_eq!(hints.len(), 2);
        assert!(hints[1].boilerplate.is_nan());
        checks::annotate_markup(&hinted);
    }
}

#[test]
fn seed_exports_import_back_and_survive_storage() {
    for text in seed_texts() {
        let text = String::from_utf8_lossy(&text).into_owned();
        let article =
            Article::with_detections("seed", text.clone(), "", &annotate(&text).annotations(0.0));
        let mut input = to_web_annotations(&article).to_string().into_bytes();
        input.push(0xFF);
        input.extend_from_slice(text.as_bytes());
        checks::import_w3c(&input);
    }
}

#[test]
fn many_annotations_over_each_seed_text_reanchor_onto_its_edited_copy() {
    // As scripts/fuzz seeds import_scale, and with other counts and edits.
    let steers: [[u8; 9]; 3] = [
        [0x80, 0x40, 0x11, 0xa0, 0x20, 0, 0, 0, 0],
        [0xff, 0x00, 0x27, 0x10, 0xff, 1, 2, 3, 4],
        [0x10, 0xf0, 0x00, 0x80, 0x00, 9, 9, 9, 9],
    ];
    for text in seed_texts() {
        for steer in steers {
            checks::import_scale(&[steer.as_slice(), &text].concat());
        }
    }
}

#[test]
fn past_fuzz_finds_stay_fixed() {
    type Check = fn(&[u8]);
    let targets: [(&str, Check); 4] = [
        ("annotate_text", checks::annotate_text),
        ("annotate_markup", checks::annotate_markup),
        ("import_w3c", checks::import_w3c),
        ("import_scale", checks::import_scale),
    ];
    for (target, check) in targets {
        for input in files_in(&fuzz_dir().join("regressions").join(target)) {
            println!("replaying {}", input.display());
            check(&fs::read(&input).unwrap());
        }
    }
}
