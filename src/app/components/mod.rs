//! One small component per file; each gets its data as props and reports
//! what the reader did through callbacks, never touching the state itself.

pub mod article_view;
pub mod editor;
pub mod legend;
pub mod mark_tooltip;
pub mod side_panel;
pub mod threshold;
