//! Boilerplate: blocks of the paste that are not the article.

use super::Finding;

/// Returns boilerplate blocks as byte ranges of `text`, merged and ordered.
pub fn detect(_text: &str) -> Vec<Finding> {
    Vec::new() // TODO(#5 helper): the real detector replaces this stub.
}
