//! The checks the fuzz targets apply, as a library so each target stays a
//! two-line wrapper. `checks.rs` depends only on the main crate and
//! serde_json, so the main crate's tests can include it by path too.

pub mod checks;
