//! One small component per file; each gets its data as props and reports
//! what the reader did through callbacks, never touching the state itself.

pub mod annotation_card;
pub mod article_view;
pub mod details;
pub mod editor;
pub mod exchange;
pub mod help;
pub mod legend;
pub mod library;
pub mod mark_tooltip;
pub mod minimap;
pub mod reports;
pub mod selection_bar;
pub mod side_panel;
pub mod threshold;
pub mod undo_bar;
pub mod verdict_counts;
