//! Rich paste: HTML (a clipboard's `text/html`, a saved page) rendered to
//! the text a browser shows, with [`crate::analysis::MarkupHint`]s saying what
//! the page's markup tells about each stretch of it (`<nav>`, a figure
//! caption, a class named "newsletter", a line made of links, `<article>`).
//!
//! Pure Rust with a small hand-written tokenizer, so the page stays small;
//! linear in the input and panic-free on any bytes.

mod entities;
mod refit;
mod render;
mod signals;
mod tokenizer;

pub use refit::{refit, shifted};
pub use render::{render, Rendered};
