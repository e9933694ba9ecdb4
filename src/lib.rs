//! In-browser article annotator: claims, quotes and boilerplate, offline.
//!
//! [`analysis`] is pure Rust and does all the analysis; the Yew page (`app`), the
//! JS API (`api`) and the `annotate` CLI are thin doors onto it. The page
//! is behind the default `app` feature, so `--no-default-features` builds a
//! wasm of the analysis and the JS API alone (the smaller `dist/api/` one).

pub mod analysis;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(feature = "app")]
pub mod app;
