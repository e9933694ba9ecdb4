//! The wasm-bindgen JS surface (filled in by the front-end work).
