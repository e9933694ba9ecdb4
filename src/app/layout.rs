//! Turns a text and its (possibly overlapping) annotations into a tree of
//! properly nested marks, ready to render as DOM text nodes.
//!
//! Annotations overlap in two ways: one inside another (a claim inside a
//! quote, a quote inside a sentence) and crossing (a quote that runs past the
//! end of a sentence). The text is split at every annotation boundary; each
//! piece is covered by a set of annotations, opened outermost first. Walking
//! the pieces with a stack keeps nesting where it exists and splits a crossing
//! annotation into fragments, so every kind stays visible and clickable.
//!
//! Offsets arrive as code points; the only conversion to the byte offsets
//! needed to slice Rust strings goes through [`OffsetMap`].

use crate::core::offsets::OffsetMap;
use crate::core::{Annotation, Kind};

/// One node of the rendered article.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Plain text, inserted as a DOM text node (never as HTML).
    Text(String),
    /// A mark for annotation `id` (its index in the list given to [`build`]).
    Mark {
        id: usize,
        kind: Kind,
        /// False on the second and later fragments of a split annotation.
        first: bool,
        children: Vec<Node>,
    },
}

/// Nesting order of kinds with identical spans: a boilerplate block wraps
/// everything, a sentence (claim) wraps the quotes it contains.
fn rank(kind: Kind) -> u8 {
    match kind {
        Kind::Boilerplate => 0,
        Kind::Claim => 1,
        Kind::Quote => 2,
    }
}

/// Builds the mark tree for `text`, showing the annotations for which
/// `visible` is true. Annotations outside the text or empty are skipped.
pub fn build(text: &str, annotations: &[Annotation], visible: impl Fn(Kind) -> bool) -> Vec<Node> {
    let map = OffsetMap::new(text);
    let length = map.len_chars();
    let mut order: Vec<usize> = (0..annotations.len())
        .filter(|&i| {
            let a = &annotations[i];
            visible(a.kind) && a.start < a.end.min(length)
        })
        .collect();
    // Outer before inner: earlier start, then longer, then by kind rank.
    order.sort_by_key(|&i| {
        let a = &annotations[i];
        (
            a.start,
            std::cmp::Reverse(a.end.min(length)),
            rank(a.kind),
            i,
        )
    });
    let opening_rank: Vec<usize> = {
        let mut r = vec![usize::MAX; annotations.len()];
        for (pos, &i) in order.iter().enumerate() {
            r[i] = pos;
        }
        r
    };

    let mut boundaries: Vec<usize> = vec![0, length];
    for &i in &order {
        boundaries.push(annotations[i].start);
        boundaries.push(annotations[i].end.min(length));
    }
    boundaries.sort_unstable();
    boundaries.dedup();

    let mut builder = Builder {
        root: Vec::new(),
        open: Vec::new(),
        started: vec![false; annotations.len()],
        annotations,
    };
    // Annotations covering the current piece; starts are sorted, so a moving
    // cursor adds them, and ended ones are dropped as the walk passes them.
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for piece in boundaries.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        active.retain(|&i| annotations[i].end.min(length) > start);
        while next < order.len() && annotations[order[next]].start <= start {
            active.push(order[next]);
            next += 1;
        }
        active.sort_by_key(|&i| opening_rank[i]);
        builder.sync(&active);
        let slice = text
            .get(map.byte_of_char(start)..map.byte_of_char(end))
            .unwrap_or_default();
        if !slice.is_empty() {
            builder.push_text(slice);
        }
    }
    builder.sync(&[]);
    builder.root
}

struct Builder<'a> {
    root: Vec<Node>,
    /// Open marks, outermost first: (annotation id, children so far).
    open: Vec<(usize, Vec<Node>)>,
    started: Vec<bool>,
    annotations: &'a [Annotation],
}

impl Builder<'_> {
    /// Closes and opens marks so that exactly `wanted` (outermost first) are open.
    fn sync(&mut self, wanted: &[usize]) {
        let common = self
            .open
            .iter()
            .zip(wanted)
            .take_while(|((open, _), want)| open == *want)
            .count();
        while self.open.len() > common {
            let (id, children) = self.open.pop().expect("len > common >= 0");
            let node = Node::Mark {
                id,
                kind: self.annotations[id].kind,
                first: !std::mem::replace(&mut self.started[id], true),
                children,
            };
            self.children().push(node);
        }
        for &id in &wanted[common..] {
            self.open.push((id, Vec::new()));
        }
    }

    fn children(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some((_, children)) => children,
            None => &mut self.root,
        }
    }

    fn push_text(&mut self, slice: &str) {
        let children = self.children();
        if let Some(Node::Text(last)) = children.last_mut() {
            last.push_str(slice);
        } else {
            children.push(Node::Text(slice.to_string()));
        }
    }
}

/// The text between two code-point offsets, shortened to about `max` chars
/// with an ellipsis and white space collapsed; for lists and tooltips.
/// `map` must be the [`OffsetMap`] of `text` (built once by the caller).
pub fn excerpt(text: &str, map: &OffsetMap, start: usize, end: usize, max: usize) -> String {
    let cut = end.min(start.saturating_add(max));
    let slice = text
        .get(map.byte_of_char(start)..map.byte_of_char(cut))
        .unwrap_or_default();
    let mut out: String = slice.split_whitespace().collect::<Vec<_>>().join(" ");
    if cut < end {
        out.push('…');
    }
    out
}
