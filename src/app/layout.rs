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

use crate::analysis::offsets::OffsetMap;
use crate::analysis::{Annotation, Kind};

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
    let ids: Vec<usize> = (0..annotations.len())
        .filter(|&i| visible(annotations[i].kind))
        .collect();
    build_window(text, &map, annotations, &ids, 0)
}

/// The mark tree of one stretch of a text (one block of a long article):
/// `text` is the stretch, starting at code point `base` of the whole text,
/// and `map` its [`OffsetMap`]; `ids` are the annotations (indices into
/// `annotations`, offsets in the whole text) that may meet it. A mark that
/// began before the stretch is clipped to it and is not a first fragment.
/// Costs O(k log k) for the k annotations given, whatever the length of
/// the whole text.
pub fn build_window(
    text: &str,
    map: &OffsetMap,
    annotations: &[Annotation],
    ids: &[usize],
    base: usize,
) -> Vec<Node> {
    let (from, to) = (base, base + map.len_chars());
    // Each annotation met, clipped to the stretch: (global id, start, end),
    // offsets in the stretch.
    let mut spans: Vec<(usize, usize, usize)> = ids
        .iter()
        .filter_map(|&i| {
            let a = annotations.get(i)?;
            let (start, end) = (a.start.max(from), a.end.min(to));
            (start < end).then_some((i, start - base, end - base))
        })
        .collect();
    // Outer before inner: earlier start, then longer, then by kind rank
    // (the unclipped start first, so nesting matches the whole text's).
    spans.sort_by_key(|&(i, start, end)| {
        let a = &annotations[i];
        (start, std::cmp::Reverse(end), a.start, rank(a.kind), i)
    });

    let mut boundaries: Vec<usize> = vec![0, to - from];
    for &(_, start, end) in &spans {
        boundaries.push(start);
        boundaries.push(end);
    }
    boundaries.sort_unstable();
    boundaries.dedup();

    let mut builder = Builder {
        root: Vec::new(),
        open: Vec::new(),
        // A mark begun before the window has had its first fragment.
        started: spans
            .iter()
            .map(|&(i, _, _)| annotations[i].start < from)
            .collect(),
        spans: &spans,
        annotations,
    };
    // Spans (local indices, which are also their opening order) covering
    // the current piece; starts are sorted, so a moving cursor adds them,
    // and ended ones are dropped as the walk passes them.
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for piece in boundaries.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        active.retain(|&k| spans[k].2 > start);
        while next < spans.len() && spans[next].1 <= start {
            active.push(next);
            next += 1;
        }
        active.sort_unstable();
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
    /// Open marks, outermost first: (local span index, children so far).
    open: Vec<(usize, Vec<Node>)>,
    /// Per local span: whether its first fragment has been emitted.
    started: Vec<bool>,
    spans: &'a [(usize, usize, usize)],
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
            let (local, children) = self.open.pop().expect("len > common >= 0");
            let id = self.spans[local].0;
            let node = Node::Mark {
                id,
                kind: self.annotations[id].kind,
                first: !std::mem::replace(&mut self.started[local], true),
                children,
            };
            self.children().push(node);
        }
        for &local in &wanted[common..] {
            self.open.push((local, Vec::new()));
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
