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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::chunks::{self, long_text};

    fn annotation(kind: Kind, start: usize, end: usize, score: f32) -> Annotation {
        Annotation {
            kind,
            start,
            end,
            score,
            reasons: vec![format!("test {}", kind.as_str())],
            speaker: None,
            part_of: None,
        }
    }

    fn chars(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    // "Zoë" and the emoji make code points, UTF-16 units and bytes all differ.
    const TEXT: &str = "Zoë's town grew 5% 😀 in May. \"We will cut taxes by half,\" the minister said. Subscribe to our newsletter!";

    fn sample() -> Vec<Annotation> {
        let find = |needle: &str| TEXT[..TEXT.find(needle).unwrap()].chars().count();
        let span = |needle: &str| (find(needle), find(needle) + needle.chars().count());
        let (c1s, c1e) = span("Zoë's town grew 5% 😀 in May.");
        let (qs, qe) = span("\"We will cut taxes by half,\"");
        let (c2s, c2e) = span("\"We will cut taxes by half,\" the minister said.");
        let (bs, be) = span("Subscribe to our newsletter!");
        vec![
            annotation(Kind::Claim, c1s, c1e, 0.81),
            annotation(Kind::Claim, c2s, c2e, 0.66),
            annotation(Kind::Quote, qs, qe, 0.9),
            annotation(Kind::Boilerplate, bs, be, 0.95),
        ]
    }

    #[test]
    fn layout_nests_contained_annotations_and_keeps_every_character() {
        let nodes = build(TEXT, &sample(), |_| true);
        fn text_of(nodes: &[Node]) -> String {
            nodes
                .iter()
                .map(|n| match n {
                    Node::Text(t) => t.clone(),
                    Node::Mark { children, .. } => text_of(children),
                })
                .collect()
        }
        assert_eq!(text_of(&nodes), TEXT);
        let marks = nodes
            .iter()
            .filter(|n| matches!(n, Node::Mark { .. }))
            .count();
        assert_eq!(marks, 3, "two claims and the boilerplate at the top level");
        // Out-of-range and empty annotations are skipped, not a panic.
        let odd = vec![
            annotation(Kind::Claim, 5, 5, 0.9),
            annotation(Kind::Quote, 3, 10_000, 0.9),
            annotation(Kind::Boilerplate, 9_000, 10_000, 0.9),
        ];
        assert_eq!(text_of(&build("short", &odd, |_| true)), "short");
    }

    #[test]
    fn marks_drawn_block_by_block_add_up_to_the_whole_annotation() {
        let text = long_text(40);
        let length = text.chars().count();
        // Spans that cross block boundaries, one nested in another.
        let annotations = vec![
            annotation(Kind::Boilerplate, 10, length - 10, 0.9),
            annotation(Kind::Claim, 300, 1_400, 0.8),
            annotation(Kind::Quote, 700, 720, 0.9),
        ];
        let blocks = chunks::split(&text, 300);
        let by_block = chunks::annotations_by_block(&blocks, &annotations, |_| true);
        let mut texts = vec![String::new(); annotations.len()];
        let mut firsts = vec![0; annotations.len()];
        let mut whole = String::new();
        fn walk(
            nodes: &[Node],
            texts: &mut [String],
            firsts: &mut [usize],
            open: &mut Vec<usize>,
            whole: &mut String,
        ) {
            for node in nodes {
                match node {
                    Node::Text(t) => {
                        whole.push_str(t);
                        for &id in open.iter() {
                            texts[id].push_str(t);
                        }
                    }
                    Node::Mark {
                        id,
                        first,
                        children,
                        ..
                    } => {
                        firsts[*id] += usize::from(*first);
                        open.push(*id);
                        walk(children, texts, firsts, open, whole);
                        open.pop();
                    }
                }
            }
        }
        for (i, block) in blocks.iter().enumerate() {
            let slice = &text[block.bytes.clone()];
            let nodes = build_window(
                slice,
                &OffsetMap::new(slice),
                &annotations,
                &by_block[i],
                block.start,
            );
            walk(&nodes, &mut texts, &mut firsts, &mut Vec::new(), &mut whole);
        }
        assert_eq!(whole, text, "every character once, in order");
        for (id, a) in annotations.iter().enumerate() {
            assert_eq!(texts[id], chars(&text, a.start, a.end), "annotation {id}");
            assert_eq!(firsts[id], 1, "one first fragment for annotation {id}");
        }
    }
}
