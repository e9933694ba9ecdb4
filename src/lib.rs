//! In-browser article annotator: claims, quotes and boilerplate, offline.
//!
//! [`core`] is pure Rust and does all the analysis; the Yew page (`app`), the
//! JS API (`api`) and the `annotate` CLI are thin doors onto it.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
