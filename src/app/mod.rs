//! The page: a Yew front end over [`crate::analysis`].
//!
//! The pure half builds and is tested natively: the state and its reducer
//! ([`state`]), the shortcut table ([`shortcuts`]), the mark layout
//! ([`layout`]), the article's blocks ([`chunks`]) and the page's messages
//! ([`messages`]). The rest (components, storage, the worker, the clock)
//! needs a browser and is built for wasm32 only.

pub mod chunks;
pub mod layout;
pub mod messages;
pub mod request;
pub mod shortcuts;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod analysis_worker;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod encoder_worker;
#[cfg(target_arch = "wasm32")]
pub mod marks;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod recovery;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod warm_up;

#[cfg(target_arch = "wasm32")]
pub use page::{mount, App};
