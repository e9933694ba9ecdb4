//! A long article cut into blocks of whole paragraphs, so that the article
//! view builds marks only for the blocks near the screen (see
//! `components::article_view`). Offsets are code points of the text.

use crate::analysis::Annotation;
use std::ops::Range;

/// About how many code points a block holds (a few screens of text).
pub const BLOCK_CHARS: usize = 3_000;

/// The code points `start..end` of the text, which are its bytes
/// `bytes`; blocks tile the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub bytes: Range<usize>,
}

/// Cuts `text` into blocks of about `target` code points, each ending just
/// after a line break; a paragraph four times that long is cut after a
/// space, and a run with no space at all after eight times that, so no
/// block grows without bound. Empty text has no blocks.
pub fn split(text: &str, target: usize) -> Vec<Block> {
    let target = target.max(1);
    let mut blocks = Vec::new();
    let (mut start, mut start_byte) = (0, 0);
    let mut at = 0;
    for (byte, ch) in text.char_indices() {
        at += 1;
        let length = at - start;
        let cut = (length >= target && ch == '\n')
            || (length >= 4 * target && ch.is_whitespace())
            || length >= 8 * target;
        if cut {
            let end_byte = byte + ch.len_utf8();
            blocks.push(Block {
                start,
                end: at,
                bytes: start_byte..end_byte,
            });
            (start, start_byte) = (at, end_byte);
        }
    }
    if at > start {
        blocks.push(Block {
            start,
            end: at,
            bytes: start_byte..text.len(),
        });
    }
    blocks
}

/// The index of the block holding code point `at` (the last block for an
/// offset at or past the end). `blocks` must not be empty.
pub fn block_of(blocks: &[Block], at: usize) -> usize {
    blocks
        .partition_point(|b| b.start <= at)
        .saturating_sub(1)
        .min(blocks.len().saturating_sub(1))
}

/// For each block, the indices of the annotations meeting it (in the
/// order given), keeping only those `keep` accepts. Linear in the number
/// of (annotation, block) pairs, plus a binary search per annotation.
pub fn annotations_by_block(
    blocks: &[Block],
    annotations: &[Annotation],
    keep: impl Fn(&Annotation) -> bool,
) -> Vec<Vec<usize>> {
    let mut by_block = vec![Vec::new(); blocks.len()];
    let Some(last) = blocks.last() else {
        return by_block;
    };
    for (i, a) in annotations.iter().enumerate() {
        let end = a.end.min(last.end);
        if a.start >= end || !keep(a) {
            continue;
        }
        for list in &mut by_block[block_of(blocks, a.start)..=block_of(blocks, end - 1)] {
            list.push(i);
        }
    }
    by_block
}

/// A long text of numbered paragraphs with a multi-byte word and an emoji
/// in each, so code points, bytes and UTF-16 units differ throughout.
#[cfg(test)]
pub(crate) fn long_text(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| {
            format!("Paragraph {i}: Zoë saw 😀 the council spend {i} million on the new bridge.\n")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_tile_the_text_at_line_breaks_with_matching_byte_ranges() {
        let text = long_text(200);
        let blocks = split(&text, 500);
        assert!(blocks.len() > 10, "a long text gets many blocks");
        assert_eq!(blocks[0].start, 0);
        assert_eq!(blocks.last().unwrap().end, text.chars().count());
        for pair in blocks.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "blocks are contiguous");
            assert_eq!(pair[0].bytes.end, pair[1].bytes.start);
        }
        for block in &blocks {
            let slice = &text[block.bytes.clone()];
            assert_eq!(slice.chars().count(), block.end - block.start);
            assert!(slice.ends_with('\n'), "a block ends at a line break");
            assert_eq!(
                block_of(&blocks, block.start),
                block_of(&blocks, block.end - 1)
            );
        }
        // One paragraph with no line break is still cut, after a space.
        let run = "word ".repeat(2_000);
        let blocks = split(&run, 500);
        assert!(blocks.len() > 1);
        assert!(blocks.iter().all(|b| b.end - b.start <= 8 * 500));
        assert!(split("", 500).is_empty());
    }
}
