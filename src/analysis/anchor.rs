//! Re-anchoring: finding where a saved annotation's words are in a text that
//! may have been edited since, as Hypothesis does with a W3C
//! `TextQuoteSelector` (exact + prefix + suffix) and a `TextPositionSelector`.
//!
//! The order of trust: the recorded position if the words are still there;
//! else the exact words where the surrounding context fits best; else an
//! approximate match (bounded edit distance) near where they used to be, then
//! anywhere. What none of these finds is an orphan, for the caller to list.
//!
//! An import places up to 50,000 annotations in one text, so the text is
//! indexed once ([`TextIndex`]): a suffix array finds every occurrence of the
//! exact words in O(m log n); the approximate search runs bit-parallel
//! (Myers' algorithm, 64 pattern characters per machine word) in a window
//! around the recorded position, and over the whole text only while a budget
//! of a few dozen passes over the text lasts, so placing any number of
//! annotations costs time linear in their number plus the text's length.
//!
//! All offsets here count code points.

use super::offsets::OffsetMap;
use std::cell::{Cell, OnceCell};

/// What is known of an annotation's target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Selector<'a> {
    pub exact: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
    /// The recorded `[start, end)`, if any.
    pub position: Option<(usize, usize)>,
}

/// How an annotation was found again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// The same words at the recorded position.
    Exact,
    /// The same words, elsewhere.
    Moved,
    /// Similar words; `similarity` is 1 − edit distance / length.
    Fuzzy { similarity: f32 },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub fit: Fit,
}

/// How much of the words may differ and still count as the same annotation.
const MAX_ERROR_RATE: f32 = 0.3;
/// Characters of context kept (in a `TextQuoteSelector`) and compared on
/// each side of an annotation.
pub const CONTEXT_CHARS: usize = 32;
/// Characters searched approximately on each side of the recorded position,
/// beyond the words' own length.
const LOCAL_SLACK: usize = 1000;
/// One whole-text approximate search is not attempted above this many
/// pattern-by-text cells, so one huge text cannot stall the page.
const MAX_FUZZY_CELLS: usize = 40_000_000;
/// Whole-text approximate searches one index may make, counted in passes
/// over the text (of one machine word of pattern each: 64 characters): so
/// their cost grows with the text, not with the text times the annotations.
/// Annotations that would need more are searched near their old place only.
const WHOLE_TEXT_PASSES: usize = 64;
/// Occurrences of the exact words compared by context; beyond this many
/// (a word repeated all over a text), those whose context matches longest
/// on either side are compared, and those near the recorded position.
const MAX_CANDIDATES: usize = 256;
/// Best-scoring ends of an approximate match traced back to their starts.
const MAX_FUZZY_ENDS: usize = 32;

/// The [`CONTEXT_CHARS`] characters before and after `start..end` of
/// `chars` (the prefix and suffix of a `TextQuoteSelector`), the range
/// clamped to the text so saved offsets from anywhere cannot panic.
pub fn context_around(chars: &[char], start: usize, end: usize) -> (String, String) {
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    let prefix = chars[start.saturating_sub(CONTEXT_CHARS)..start]
        .iter()
        .collect();
    let suffix = chars[end..end.saturating_add(CONTEXT_CHARS).min(chars.len())]
        .iter()
        .collect();
    (prefix, suffix)
}

/// Finds `selector` in `text`, or `None` if it is an orphan. To place many
/// annotations in one text, build a [`TextIndex`] once instead.
pub fn anchor(text: &str, selector: &Selector<'_>) -> Option<Anchor> {
    TextIndex::new(text).anchor(selector)
}

/// A text prepared for placing many annotations in it.
pub struct TextIndex<'t> {
    text: &'t str,
    map: OffsetMap,
    /// Every suffix's start, in the suffixes' order: built at the first
    /// annotation that is not at its recorded position.
    suffixes: OnceCell<Vec<u32>>,
    /// The text's characters, for whole-text approximate searches.
    chars: OnceCell<Vec<char>>,
    whole_text_budget: Cell<usize>,
    cut_short: Cell<bool>,
    /// How far the last annotation placed with a recorded position had
    /// moved: neighbours in an edited text move together, so the next
    /// approximate search looks there first.
    last_shift: Cell<isize>,
}

impl<'t> TextIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        TextIndex {
            text,
            map: OffsetMap::new(text),
            suffixes: OnceCell::new(),
            chars: OnceCell::new(),
            whole_text_budget: Cell::new(WHOLE_TEXT_PASSES.saturating_mul(text.len().max(1024))),
            cut_short: Cell::new(false),
            last_shift: Cell::new(0),
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.map.len_chars()
    }

    /// The text between two code-point offsets, clamped to the text.
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        let from = self.map.byte_of_char(start);
        &self.text[from..self.map.byte_of_char(end).max(from)]
    }

    /// True once a whole-text approximate search was skipped for want of
    /// budget: an orphan since then may be somewhere far from its old place.
    pub fn was_cut_short(&self) -> bool {
        self.cut_short.get()
    }

    /// Finds `selector` in the text, or `None` if it is an orphan.
    pub fn anchor(&self, selector: &Selector<'_>) -> Option<Anchor> {
        let exact = selector.exact;
        if exact.trim().is_empty() {
            return None;
        }
        let len = exact.chars().count();
        if let Some((start, end)) = selector.position {
            let fits = end <= self.len_chars() && start < end && end - start == len;
            if fits && self.slice(start, end) == exact {
                return Some(Anchor {
                    start,
                    end,
                    fit: Fit::Exact,
                });
            }
        }
        let found = match self.best_occurrence(selector) {
            Some(byte) => {
                let start = self.map.char_of_byte(byte);
                Some(Anchor {
                    start,
                    end: start + len,
                    fit: Fit::Moved,
                })
            }
            None => self.fuzzy(selector),
        };
        if let (Some(found), Some((start, _))) = (found, selector.position) {
            self.last_shift
                .set((found.start as isize).wrapping_sub(start as isize));
        }
        found
    }

    fn suffixes(&self) -> &[u32] {
        self.suffixes
            .get_or_init(|| suffix_array(self.text.as_bytes()))
    }

    /// The suffixes (as a range of [`Self::suffixes`]) that start with `pattern`.
    fn starting_with(&self, pattern: &[u8]) -> std::ops::Range<usize> {
        let bytes = self.text.as_bytes();
        let suffixes = self.suffixes();
        let head = |&at: &u32| {
            let rest = &bytes[at as usize..];
            &rest[..rest.len().min(pattern.len())]
        };
        let from = suffixes.partition_point(|s| head(s) < pattern);
        let to = from + suffixes[from..].partition_point(|s| head(s) <= pattern);
        from..to
    }

    /// Byte starts of the exact words to compare by context: all of them,
    /// or for words found all over the text, those with the longest run of
    /// context on either side and those near the recorded position.
    fn candidates(&self, selector: &Selector<'_>) -> Vec<usize> {
        let exact = selector.exact.as_bytes();
        let all = self.starting_with(exact);
        let suffixes = self.suffixes();
        let starts = |range: std::ops::Range<usize>, skip: usize| {
            suffixes[range]
                .iter()
                .take(MAX_CANDIDATES)
                .map(move |&s| s as usize + skip)
        };
        if all.len() <= MAX_CANDIDATES {
            return starts(all, 0).collect();
        }
        // Those followed by the longest leading part of the suffix.
        let following = char_ends(selector.suffix);
        let (_, range) = longest_present(following.len(), |k| {
            let mut wanted = exact.to_vec();
            wanted.extend_from_slice(&selector.suffix.as_bytes()[..following[k]]);
            self.starting_with(&wanted)
        });
        let mut found: Vec<usize> = starts(range, 0).collect();
        // Those preceded by the longest trailing part of the prefix.
        let preceding = char_starts_from_end(selector.prefix);
        let (k, range) = longest_present(preceding.len(), |k| {
            let mut wanted = selector.prefix.as_bytes()[preceding[k]..].to_vec();
            wanted.extend_from_slice(exact);
            self.starting_with(&wanted)
        });
        found.extend(starts(range, selector.prefix.len() - preceding[k]));
        // And those near the recorded position.
        if let Some((start, _)) = selector.position {
            let at = self.map.byte_of_char(start);
            let from = floor_boundary(self.text, at.saturating_sub(NEAR_BYTES));
            let to = floor_boundary(self.text, at.saturating_add(NEAR_BYTES + exact.len()));
            found.extend(
                self.text[from..to]
                    .match_indices(selector.exact)
                    .map(|(i, _)| from + i),
            );
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Of the occurrences of the exact words, the one whose surroundings
    /// look most like the recorded prefix and suffix, then the nearest to
    /// the recorded position; as a byte offset.
    fn best_occurrence(&self, selector: &Selector<'_>) -> Option<usize> {
        if self.text.len() < selector.exact.len() {
            return None;
        }
        let prefix: Vec<char> = selector.prefix.chars().rev().take(CONTEXT_CHARS).collect();
        let suffix: Vec<char> = selector.suffix.chars().take(CONTEXT_CHARS).collect();
        let hint = selector.position.map_or(0, |(s, _)| s);
        let len = selector.exact.len();
        self.candidates(selector).into_iter().max_by_key(|&at| {
            let before = self.text[..at].chars().rev();
            let after = self.text[at + len..].chars();
            let context = common_run(before, &prefix) + common_run(after, &suffix);
            let distance = self.map.char_of_byte(at).abs_diff(hint);
            (context, std::cmp::Reverse(distance), std::cmp::Reverse(at))
        })
    }

    /// Approximate search: near the recorded position, then the whole text
    /// while the budget lasts.
    fn fuzzy(&self, selector: &Selector<'_>) -> Option<Anchor> {
        let exact: Vec<char> = selector.exact.chars().collect();
        let max_errors = ((exact.len() as f32) * MAX_ERROR_RATE).floor() as usize;
        if max_errors == 0 {
            return None;
        }
        let pattern = Pattern::new(&exact);
        let len = self.len_chars();
        // Near where its neighbour moved to, then near where it was.
        let shift = self.last_shift.get();
        let near = selector.position.into_iter().flat_map(|(start, end)| {
            let moved = (
                start.saturating_add_signed(shift),
                end.saturating_add_signed(shift),
            );
            (shift != 0)
                .then_some(moved)
                .into_iter()
                .chain([(start, end)])
        });
        for (start, end) in near {
            // A recorded position may be anything an import hands us: clamp it.
            let slack = exact.len() + max_errors + LOCAL_SLACK;
            let from = start.saturating_sub(slack).min(len);
            let to = end.saturating_add(slack).min(len);
            if from < to {
                let window: Vec<char> = self.slice(from, to).chars().collect();
                let here = Selector {
                    position: Some((start, end)),
                    ..*selector
                };
                if let Some(found) = self.fuzzy_in(&window, from, &pattern, max_errors, &here) {
                    return Some(found);
                }
            }
        }
        let cost = len.saturating_mul(pattern.blocks());
        if len.saturating_mul(exact.len()) > MAX_FUZZY_CELLS {
            return None;
        }
        let Some(left) = self.whole_text_budget.get().checked_sub(cost) else {
            self.cut_short.set(true);
            return None;
        };
        self.whole_text_budget.set(left);
        let chars = self.chars.get_or_init(|| self.text.chars().collect());
        self.fuzzy_in(chars, 0, &pattern, max_errors, selector)
    }

    /// The best approximate match in `window` (which starts at code point
    /// `offset` of the text), snapped to whole words.
    fn fuzzy_in(
        &self,
        window: &[char],
        offset: usize,
        pattern: &Pattern,
        max_errors: usize,
        selector: &Selector<'_>,
    ) -> Option<Anchor> {
        let (start, end, errors) = best_approximate(window, pattern, max_errors, selector, offset)?;
        let similarity = 1.0 - errors as f32 / pattern.len as f32;
        let (start, end) = self.snap_to_words(offset + start, offset + end, selector.exact);
        Some(Anchor {
            start,
            end,
            fit: Fit::Fuzzy { similarity },
        })
    }

    /// Widens an approximate match that starts or ends inside a word to the
    /// whole word, and takes the closing punctuation the saved words ended
    /// with: the fewest edits can stop at "a quar" where the text says "a
    /// quarter.".
    fn snap_to_words(&self, start: usize, end: usize, exact: &str) -> (usize, usize) {
        let word = |c: char| c.is_alphanumeric();
        let text = self.text;
        let mut from = self.map.byte_of_char(start);
        let mut to = self.map.byte_of_char(end);
        let before = |at: usize| text[..at].chars().next_back();
        let after = |at: usize| text[at..].chars().next();
        let inside_word = |at: usize| before(at).is_some_and(word) && after(at).is_some_and(word);
        while inside_word(from) {
            from -= before(from).map_or(1, char::len_utf8);
        }
        while inside_word(to) {
            to += after(to).map_or(1, char::len_utf8);
        }
        if let Some(closing) = exact
            .chars()
            .last()
            .filter(|&c| !word(c) && !c.is_whitespace())
        {
            if after(to) == Some(closing) && before(to) != Some(closing) {
                to += closing.len_utf8();
            }
        }
        (self.map.char_of_byte(from), self.map.char_of_byte(to))
    }
}

/// Bytes searched directly on each side of the recorded position when the
/// exact words occur too often to compare them all.
const NEAR_BYTES: usize = 4096;

/// The largest `k` below `count` for which `range_of(k)` is not empty, and
/// that range (`range_of` must shrink as `k` grows, and `range_of(0)` must
/// not be empty): a binary search.
fn longest_present(
    count: usize,
    range_of: impl Fn(usize) -> std::ops::Range<usize>,
) -> (usize, std::ops::Range<usize>) {
    let (mut good, mut bad) = (0, count);
    while good + 1 < bad {
        let mid = (good + bad) / 2;
        if range_of(mid).is_empty() {
            bad = mid;
        } else {
            good = mid;
        }
    }
    (good, range_of(good))
}

/// Byte lengths of the first 0, 1, …, [`CONTEXT_CHARS`] characters of `text`.
fn char_ends(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.char_indices().map(|(i, c)| i + c.len_utf8()))
        .take(CONTEXT_CHARS + 1)
        .collect()
}

/// Byte starts of the last 0, 1, …, [`CONTEXT_CHARS`] characters of `text`.
fn char_starts_from_end(text: &str) -> Vec<usize> {
    std::iter::once(text.len())
        .chain(text.char_indices().rev().map(|(i, _)| i))
        .take(CONTEXT_CHARS + 1)
        .collect()
}

/// The char boundary at or before `at`, clamped to the text.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Length of the common leading run of `text` and `wanted`.
fn common_run(text: impl Iterator<Item = char>, wanted: &[char]) -> usize {
    text.zip(wanted).take_while(|(a, b)| a == *b).count()
}

/// The suffix array of `bytes` by prefix doubling with radix sorts:
/// O(n log n) whatever the text (a text of one repeated letter included),
/// about 20 bytes a byte while it is built and 4 after.
fn suffix_array(bytes: &[u8]) -> Vec<u32> {
    let n = bytes.len();
    if n == 0 || u32::try_from(n).is_err() {
        // Past 4 GiB no index: callers fall back on finding no occurrence.
        return Vec::new();
    }
    // rank[i]: the class of suffix i's first k bytes, 1-based (0: past the end).
    let mut rank: Vec<u32> = bytes.iter().map(|&b| u32::from(b) + 1).collect();
    let mut classes = 257;
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut by_second: Vec<u32> = Vec::with_capacity(n);
    let mut counts: Vec<u32> = Vec::new();
    let mut k = 0;
    loop {
        // Suffixes ordered by the class of their second half (bytes k..2k):
        // those running past the end first, then the others in the current
        // order of their second half's start.
        by_second.clear();
        if k == 0 {
            by_second.extend(0..n as u32);
        } else {
            by_second.extend((n - k) as u32..n as u32);
            by_second.extend(
                order
                    .iter()
                    .filter(|&&s| s as usize >= k)
                    .map(|&s| s - k as u32),
            );
        }
        // A stable counting sort by the first half's class.
        counts.clear();
        counts.resize(classes + 1, 0);
        for &s in &by_second {
            counts[rank[s as usize] as usize] += 1;
        }
        let mut total = 0;
        for c in counts.iter_mut() {
            let here = *c;
            *c = total;
            total += here;
        }
        for &s in &by_second {
            let class = &mut counts[rank[s as usize] as usize];
            order[*class as usize] = s;
            *class += 1;
        }
        // New classes: equal first and second halves share one.
        let key = |s: u32| {
            let s = s as usize;
            let second = if k == 0 {
                0
            } else {
                rank.get(s + k).copied().unwrap_or(0)
            };
            (rank[s], second)
        };
        let mut fresh = vec![0u32; n];
        let mut class = 1;
        fresh[order[0] as usize] = 1;
        for pair in order.windows(2) {
            if key(pair[0]) != key(pair[1]) {
                class += 1;
            }
            fresh[pair[1] as usize] = class;
        }
        rank = fresh;
        classes = class as usize;
        if classes == n {
            return order;
        }
        k = if k == 0 { 1 } else { k * 2 };
    }
}

/// A pattern prepared for Myers' bit-parallel approximate search: for each
/// of its distinct characters, the rows (one bit each, 64 to a block) where
/// it stands.
struct Pattern {
    len: usize,
    chars: Vec<char>,
    /// `masks[i * blocks .. (i + 1) * blocks]`: the bits of `chars[i]`, sorted.
    masks: Vec<u64>,
}

impl Pattern {
    fn new(pattern: &[char]) -> Self {
        let mut chars: Vec<char> = pattern.to_vec();
        chars.sort_unstable();
        chars.dedup();
        let blocks = pattern.len().div_ceil(64);
        let mut masks = vec![0u64; chars.len() * blocks];
        for (row, c) in pattern.iter().enumerate() {
            let i = chars.binary_search(c).unwrap_or(0);
            masks[i * blocks + row / 64] |= 1 << (row % 64);
        }
        Pattern {
            len: pattern.len(),
            chars,
            masks,
        }
    }

    fn blocks(&self) -> usize {
        self.len.div_ceil(64)
    }

    /// The rows of block `block` where `c` stands.
    fn mask(&self, c: char, block: usize) -> u64 {
        match self.chars.binary_search(&c) {
            Ok(i) => self.masks[i * self.blocks() + block],
            Err(_) => 0,
        }
    }
}

/// Every end in `text` of a substring within `max_errors` edits of the
/// pattern, with its edits: Sellers' column-by-column search, the column
/// computed 64 rows at a time by Myers' bit-vector recurrence (as in Hyyrö's
/// block form, Edlib's `calculateBlock`). Returns `(errors, end)` pairs.
fn approximate_ends(text: &[char], pattern: &Pattern, max_errors: usize) -> Vec<(usize, usize)> {
    let blocks = pattern.blocks();
    let last_row = 1u64 << ((pattern.len - 1) % 64);
    // Vertical deltas, +1 everywhere: the first column is 0, 1, 2, …
    let mut positive = vec![!0u64; blocks];
    let mut negative = vec![0u64; blocks];
    let mut score = pattern.len;
    let mut ends = Vec::new();
    for (j, &c) in text.iter().enumerate() {
        // Row 0 is all zeros (a match may start anywhere): no carry in.
        let mut carry: i32 = 0;
        for b in 0..blocks {
            let high = if b + 1 == blocks { last_row } else { 1 << 63 };
            let eq = pattern.mask(c, b);
            let (pv, mv) = (positive[b], negative[b]);
            let carry_negative = u64::from(carry < 0);
            let xv = eq | mv;
            let eq = eq | carry_negative;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            let out = i32::from(ph & high != 0) - i32::from(mh & high != 0);
            ph <<= 1;
            mh <<= 1;
            mh |= carry_negative;
            ph |= u64::from(carry > 0);
            positive[b] = mh | !(xv | ph);
            negative[b] = ph & xv;
            carry = out;
        }
        score = score.saturating_add_signed(carry as isize);
        if score <= max_errors {
            ends.push((score, j + 1));
        }
    }
    ends
}

/// The substring of `text` with the fewest edits from the pattern, at most
/// `max_errors`; ties go to the better context, then the nearer position.
/// Returns `(start, end, errors)` within `text`, which starts at code point
/// `offset` of the whole text.
fn best_approximate(
    text: &[char],
    pattern: &Pattern,
    max_errors: usize,
    selector: &Selector<'_>,
    offset: usize,
) -> Option<(usize, usize, usize)> {
    let ends = approximate_ends(text, pattern, max_errors);
    let fewest = ends.iter().map(|&(e, _)| e).min()?;
    let hint = selector
        .position
        .map_or(0, |(s, _)| s.saturating_sub(offset));
    let mut best: Vec<usize> = ends
        .into_iter()
        .filter(|&(e, _)| e == fewest)
        .map(|(_, end)| end)
        .collect();
    // A pattern repeated all over the text: trace back those nearest the
    // recorded position only.
    if best.len() > MAX_FUZZY_ENDS {
        best.sort_by_key(|&end| end.abs_diff(hint));
        best.truncate(MAX_FUZZY_ENDS);
    }
    let exact: Vec<char> = selector.exact.chars().collect();
    let candidates: Vec<(usize, usize)> = best
        .into_iter()
        .map(|end| (start_of_match(text, end, &exact), end))
        .collect();
    let prefix: Vec<char> = selector.prefix.chars().rev().take(CONTEXT_CHARS).collect();
    let suffix: Vec<char> = selector.suffix.chars().take(CONTEXT_CHARS).collect();
    let len = exact.len();
    let (start, end) = candidates.into_iter().max_by_key(|&(start, _)| {
        let before = text[..start].iter().rev().copied();
        let after = text[(start + len).min(text.len())..].iter().copied();
        let context = common_run(before, &prefix) + common_run(after, &suffix);
        (
            context,
            std::cmp::Reverse(start.abs_diff(hint)),
            std::cmp::Reverse(start),
        )
    })?;
    Some((start, end, fewest))
}

/// Where the best match of `pattern` ending at `end` starts: an edit-distance
/// alignment of the reversed pattern against the text read backwards.
fn start_of_match(text: &[char], end: usize, pattern: &[char]) -> usize {
    let m = pattern.len();
    let reach = (2 * m).min(end);
    // row[j]: edits to match all of the reversed pattern read so far against
    // the j text chars before `end`.
    let mut row: Vec<usize> = (0..=reach).collect();
    for i in 1..=m {
        let p = pattern[m - i];
        let mut diagonal = row[0];
        row[0] = i;
        for j in 1..=reach {
            let above = row[j];
            let cost = usize::from(text[end - j] != p);
            row[j] = (diagonal + cost).min(row[j - 1] + 1).min(above + 1);
            diagonal = above;
        }
    }
    // Fewest edits; among equals, the span closest to the pattern's length.
    let best = (0..=reach)
        .min_by_key(|&j| (row[j], j.abs_diff(m)))
        .unwrap_or(m.min(end));
    end - best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel<'a>(
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
        position: Option<(usize, usize)>,
    ) -> Selector<'a> {
        Selector {
            exact,
            prefix,
            suffix,
            position,
        }
    }

    #[test]
    fn the_recorded_position_wins_when_the_words_are_still_there() {
        let text = "Cats purr. Cats purr.";
        let a = anchor(text, &sel("Cats purr.", "", "", Some((11, 21)))).unwrap();
        assert_eq!((a.start, a.end, a.fit), (11, 21, Fit::Exact));
    }

    #[test]
    fn moved_words_are_found_by_their_context() {
        let text = "New intro. One two. Alpha one two. Beta one two.";
        // "one two." was after "Beta " when saved; the position is stale.
        let a = anchor(text, &sel("one two.", "Beta ", "", Some((3, 11)))).unwrap();
        assert_eq!(a.fit, Fit::Moved);
        assert_eq!(&text[a.start..a.end], "one two.");
        assert_eq!(a.start, 40);
    }

    #[test]
    fn edited_words_anchor_approximately() {
        let saved = "More than 1,500 civilians are estimated to be still living there.";
        let text =
            "Intro line.\nMore than 2,000 civilians are thought to be still living there.\nEnd.";
        let a = anchor(text, &sel(saved, "Intro line.\n", "\nEnd.", Some((12, 78)))).unwrap();
        let found: String = text.chars().skip(a.start).take(a.end - a.start).collect();
        assert_eq!(
            found,
            "More than 2,000 civilians are thought to be still living there."
        );
        match a.fit {
            Fit::Fuzzy { similarity } => assert!(similarity > 0.8, "{similarity}"),
            other => panic!("expected a fuzzy fit, got {other:?}"),
        }
    }

    #[test]
    fn vanished_words_are_orphans() {
        let text = "A completely different article about gardening and tomatoes.";
        assert_eq!(
            anchor(
                text,
                &sel("Ukraine said Thursday it was ready", "", "", Some((0, 34)))
            ),
            None
        );
        assert_eq!(anchor(text, &sel("", "", "", None)), None);
        assert_eq!(anchor(text, &sel("x", "", "", Some((999, 9999)))), None);
    }

    #[test]
    fn context_is_32_chars_each_side_clamped_to_the_text() {
        let chars: Vec<char> = format!("{}abc{}", "x".repeat(40), "😀".repeat(40))
            .chars()
            .collect();
        let (prefix, suffix) = context_around(&chars, 40, 43);
        assert_eq!((prefix, suffix), ("x".repeat(32), "😀".repeat(32)));
        let (prefix, suffix) = context_around(&chars, 2, usize::MAX);
        assert_eq!((prefix.as_str(), suffix.as_str()), ("xx", ""));
        assert_eq!(
            context_around(&chars, usize::MAX, usize::MAX),
            ("😀".repeat(32), String::new())
        );
    }

    #[test]
    fn regression_a_position_far_past_the_end_does_not_panic() {
        // Found by tests/properties.rs: the local window started past the text.
        let far = Some((usize::MAX / 3 * 2, usize::MAX));
        assert_eq!(
            anchor("short text", &sel("something long enough", "", "", far)),
            None
        );
        let a = anchor("short text here", &sel("short text hare", "", "", far)).unwrap();
        assert_eq!((a.start, a.end), (0, 15));
    }

    #[test]
    fn offsets_count_code_points_with_astral_text() {
        let text = "😀😀 Привет, мир. Hello.";
        let a = anchor(text, &sel("Hello.", "мир. ", "", None)).unwrap();
        assert_eq!((a.start, a.end), (16, 22));
    }

    /// A small generator of texts over a few letters (so repeats abound).
    fn texts(alphabet: &[&str], count: usize, max_len: usize) -> Vec<String> {
        let mut seed = 12_345u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as usize
        };
        (0..count)
            .map(|_| {
                let len = next() % max_len;
                (0..len)
                    .map(|_| alphabet[next() % alphabet.len()])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_suffix_array_sorts_every_suffix() {
        let mut cases = texts(&["a", "b", "ab", "é", " "], 300, 60);
        cases.push("a".repeat(1000));
        cases.push("ab".repeat(333));
        cases.push(String::new());
        for text in cases {
            let bytes = text.as_bytes();
            let mut expected: Vec<u32> = (0..bytes.len() as u32).collect();
            expected.sort_by_key(|&i| &bytes[i as usize..]);
            assert_eq!(suffix_array(bytes), expected, "{text:?}");
        }
    }

    /// Sellers' search the plain way, one cell at a time: the oracle of the
    /// bit-parallel one.
    fn sellers_ends(text: &[char], pattern: &[char], max_errors: usize) -> Vec<(usize, usize)> {
        let m = pattern.len();
        let mut column: Vec<usize> = (0..=m).collect();
        let mut ends = Vec::new();
        for (j, &c) in text.iter().enumerate() {
            let mut diagonal = column[0];
            for i in 1..=m {
                let above = column[i];
                let cost = usize::from(pattern[i - 1] != c);
                column[i] = (diagonal + cost).min(column[i - 1] + 1).min(above + 1);
                diagonal = above;
            }
            if column[m] <= max_errors {
                ends.push((column[m], j + 1));
            }
        }
        ends
    }

    #[test]
    fn the_bit_parallel_search_agrees_with_the_plain_one() {
        let alphabet = ["a", "b", "c", "é", "😀"];
        let patterns = texts(&alphabet, 60, 200);
        let haystacks = texts(&alphabet, 60, 400);
        for (pattern, text) in patterns.iter().zip(&haystacks) {
            let pattern: Vec<char> = pattern.chars().collect();
            if pattern.is_empty() {
                continue;
            }
            let text: Vec<char> = text.chars().collect();
            for max_errors in [0, pattern.len() / 4, pattern.len() / 2, pattern.len()] {
                assert_eq!(
                    approximate_ends(&text, &Pattern::new(&pattern), max_errors),
                    sellers_ends(&text, &pattern, max_errors),
                    "pattern of {} chars, {max_errors} errors",
                    pattern.len()
                );
            }
        }
    }

    #[test]
    fn words_repeated_all_over_a_text_are_placed_by_context_and_position() {
        // 2,000 copies of one sentence; the saved one had a different word after it.
        let mut text = "The talks resumed. ".repeat(2_000);
        text.push_str("The talks resumed. Then they stopped.");
        let start = text.chars().count() - "The talks resumed. Then they stopped.".chars().count();
        let index = TextIndex::new(&text);
        let found = index
            .anchor(&sel("The talks resumed.", "", " Then they", Some((5, 23))))
            .unwrap();
        assert_eq!((found.start, found.fit), (start, Fit::Moved));
        // With no telling context, the copy nearest the recorded position.
        let found = index
            .anchor(&sel(
                "talks resumed.",
                "The ",
                " The",
                Some((19_004, 19_018)),
            ))
            .unwrap();
        assert_eq!(found.start, 19_004 - 19_004 % 19 + 4);
    }

    #[test]
    fn whole_text_searches_stop_when_the_budget_is_spent() {
        let text = "Some words about a harbour and its cranes. ".repeat(50);
        let index = TextIndex::new(&text);
        index.whole_text_budget.set(0);
        // Found approximately only by searching the whole text: orphaned now.
        let edited = sel("Some words abut a harbor and its crane.", "", "", None);
        assert_eq!(index.anchor(&edited), None);
        assert!(index.was_cut_short());
        // Near its recorded position it is still found.
        let near = sel(
            "Some words abut a harbor and its crane.",
            "",
            "",
            Some((86, 128)),
        );
        assert!(matches!(
            index.anchor(&near).unwrap().fit,
            Fit::Fuzzy { .. }
        ));
        assert!(anchor(&text, &edited).is_some(), "a fresh index searches");
    }
}
