//! The learned model's view of a sentence: hashed word unigrams and
//! bigrams, and hashed character n-grams, all lower-cased with digits
//! folded to `0` so that "$250 billion" and "$310 billion" look alike.
//! Training and scoring share this one function, so they cannot drift apart.

use crate::analysis::reading::{Reading, Sentence};
use std::sync::OnceLock;

/// Number of hash buckets (a power of two); one weight each.
pub const BUCKETS: usize = 1 << 17;

/// Character n-gram lengths, taken over the normalised sentence.
const CHAR_GRAMS: [usize; 2] = [3, 5];

/// De-duplicated bucket indices of the sentence's features, in the order
/// they were first seen.
///
/// Hashing runs over slices of one normalised copy of the sentence, so a
/// sentence costs a few allocations whatever its length, none per n-gram;
/// duplicates are dropped by a bit set rather than by sorting. The bit set
/// (16 KB) is kept between calls and only its set bits are cleared after
/// each sentence: allocating and zeroing it per sentence cost more than the
/// hashing of a short one.
pub fn hashed(sentence: &str) -> Vec<u32> {
    with_unique(|out| push_features(sentence, out))
}

/// Runs `push` on a [`Unique`] over the kept bit set and returns its
/// buckets.
fn with_unique(push: impl FnOnce(&mut Unique)) -> Vec<u32> {
    thread_local! {
        static SEEN: std::cell::Cell<Vec<u64>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut seen = SEEN.take();
    seen.resize(BUCKETS / 64, 0);
    let mut out = Unique {
        seen,
        buckets: Vec::new(),
        len: 0,
    };
    push(&mut out);
    out.buckets.truncate(out.len);
    for &bucket in &out.buckets {
        if let Some(bits) = out.seen.get_mut(bucket as usize / 64) {
            *bits = 0;
        }
    }
    SEEN.set(out.seen);
    out.buckets
}

/// [`hashed`] of a sentence of the text's [`Reading`], from the words it
/// already split and lower-cased: the same buckets, without lower-casing
/// or splitting the sentence again.
pub fn hashed_read(reading: &Reading<'_>, sentence: &Sentence) -> Vec<u32> {
    let Some(words) = reading.words_of(sentence) else {
        return hashed(&reading.text()[sentence.range.clone()]);
    };
    with_unique(|out| {
        let padded = normalise_lowered(words.iter().map(|w| reading.lower(w)));
        push_features_of(&padded, words.iter().map(|w| reading.word(w)), out);
    })
}

fn push_features(sentence: &str, out: &mut Unique) {
    push_features_of(
        &normalise(sentence),
        crate::analysis::scan::words(sentence),
        out,
    );
}

/// The features of a sentence given as its normalised text ([`normalise`])
/// and its words as written.
fn push_features_of<'w>(padded: &str, raw_words: impl Iterator<Item = &'w str>, out: &mut Unique) {
    // " word word ": the normalised words, single-spaced and padded.
    out.buckets.resize(padded.len() * 3 + 16, 0);

    // Unigrams ("w", word) and bigrams ("b", previous, " ", word), as
    // [`bucket`] hashes them, in one pass over each word's bytes: the
    // word's bytes advance the unigram, the bigram ending at the word and
    // the prefix of the bigram starting with it, three independent FNV
    // chains the processor runs side by side.
    let unigram_start = fnv_part(FNV_OFFSET, b"w");
    let bigram_start = fnv_part(FNV_OFFSET, b"b");
    let mut bigram_prefix = fnv_part(fnv_part(bigram_start, b"<s>"), b" ");
    let inner = padded.get(1..padded.len().saturating_sub(1)).unwrap_or("");
    for word in inner
        .split(' ')
        .filter(|w| !w.is_empty())
        .chain(std::iter::once("</s>"))
    {
        let (mut unigram, mut bigram, mut next) = (unigram_start, bigram_prefix, bigram_start);
        for &byte in word.as_bytes() {
            unigram = fnv_step(unigram, byte);
            bigram = fnv_step(bigram, byte);
            next = fnv_step(next, byte);
        }
        out.push(fold(fnv_step(unigram, 0xff)));
        out.push(fold(fnv_step(bigram, 0xff)));
        bigram_prefix = fnv_part(fnv_step(next, 0xff), b" ");
    }

    // Shapes of the original words ("Xx", "0", "x") in pairs: a name after
    // a verb, a figure before a noun, whatever the particular words. There
    // are six shapes, so the pairs' buckets come from a table.
    let pairs = shape_pair_buckets();
    let mut previous_shape = 0;
    for word in raw_words {
        let shape = shape_index(word);
        out.push(pairs[previous_shape][shape]);
        previous_shape = shape;
    }

    // Character n-grams over " word word " see suffixes ("-est", "-ed")
    // and word pieces the vocabulary of 23k sentences has not seen whole.
    if padded.is_ascii() {
        // Slide a register over the bytes: its low n bytes are the n-gram.
        let mut register = 0u64;
        for (i, &byte) in padded.as_bytes().iter().enumerate() {
            register = register << 8 | u64::from(byte);
            for n in CHAR_GRAMS {
                if i + 1 >= n {
                    out.push(gram_bucket(n, register & (u64::MAX >> (64 - 8 * n))));
                }
            }
        }
    } else {
        let bounds: Vec<usize> = padded
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(padded.len()))
            .collect();
        for n in CHAR_GRAMS {
            for window in bounds.windows(n + 1) {
                if let Some(gram) = padded.get(window[0]..window[n]) {
                    out.push(char_gram_bucket(gram.as_bytes()));
                }
            }
        }
    }
}

/// Bucket indices without repeats: `buckets[..len]`.
struct Unique {
    seen: Vec<u64>,
    buckets: Vec<u32>,
    len: usize,
}

impl Unique {
    /// Without a branch on whether the bucket is new: that branch goes
    /// either way at random for hashed grams, and its mispredictions cost
    /// more than the hashing. The bucket is written past the end in any
    /// case and kept by counting it only when new.
    #[inline]
    fn push(&mut self, bucket: u32) {
        let (word, bit) = (bucket as usize / 64, 1u64 << (bucket % 64));
        if self.len == self.buckets.len() {
            self.buckets.resize(self.len * 2 + 16, 0);
        }
        if let (Some(bits), Some(slot)) = (self.seen.get_mut(word), self.buckets.get_mut(self.len))
        {
            let new = *bits & bit == 0;
            *bits |= bit;
            *slot = bucket;
            self.len += usize::from(new);
        }
    }
}

/// The shapes a word can have; `<s>` stands before the first word.
const SHAPES: [&str; 6] = ["<s>", "p", "0", "XX", "Xx", "x"];

/// `bucket(&[b"s", previous, b" ", shape])` for every pair of [`SHAPES`].
fn shape_pair_buckets() -> &'static [[u32; SHAPES.len()]; SHAPES.len()] {
    static TABLE: OnceLock<[[u32; SHAPES.len()]; SHAPES.len()]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [[0; SHAPES.len()]; SHAPES.len()];
        for (previous, row) in SHAPES.iter().zip(&mut table) {
            for (shape, cell) in SHAPES.iter().zip(row.iter_mut()) {
                *cell = bucket(&[b"s", previous.as_bytes(), b" ", shape.as_bytes()]);
            }
        }
        table
    })
}

/// The position of [`shape`]'s answer in [`SHAPES`].
fn shape_index(word: &str) -> usize {
    match shape(word) {
        "p" => 1,
        "0" => 2,
        "XX" => 3,
        "Xx" => 4,
        _ => 5,
    }
}

fn shape(word: &str) -> &'static str {
    let word = word.trim_matches(|c: char| !crate::analysis::scan::is_alphanumeric(c));
    let mut chars = word.chars();
    match chars.next() {
        None => "p",
        Some(c) if c.is_numeric() => "0",
        Some(c) if c.is_uppercase() => {
            if word.len() > 1 && chars.all(|c| !c.is_lowercase()) {
                "XX"
            } else {
                "Xx"
            }
        }
        Some(_) => "x",
    }
}

/// Lower case, digits as `0`, punctuation other than `%$'?` as space; runs
/// of spaces collapsed to one, and one space at each end.
fn normalise(sentence: &str) -> String {
    if sentence.is_ascii() {
        normalise_ascii(sentence.as_bytes())
    } else {
        normalise_chars(sentence)
    }
}

/// How [`normalise`] maps one lower-cased character: digits to `0`, the
/// curly apostrophe to a straight one, letters, digits and `%$'?` kept,
/// anything else to a space.
fn normal_char(c: char) -> char {
    match c {
        '0'..='9' => '0',
        '\u{2019}' => '\'',
        c if crate::analysis::scan::is_alphanumeric(c) || matches!(c, '%' | '$' | '\'' | '?') => c,
        _ => ' ',
    }
}

/// [`normal_char`] of a lower-cased ASCII byte.
fn normal_byte(byte: u8) -> u8 {
    match byte {
        b'0'..=b'9' => b'0',
        c if c.is_ascii_alphanumeric() || matches!(c, b'%' | b'$' | b'\'' | b'?') => c,
        _ => b' ',
    }
}

/// [`normalise`] of a sentence given as its words already lower-cased by
/// [`crate::analysis::reading::lower_case`] (which [`normalise`] does
/// character by character too, so the two agree): white space between
/// words collapses to one space either way.
fn normalise_lowered<'w>(words: impl Iterator<Item = &'w str>) -> String {
    let mut out = String::with_capacity(64);
    out.push(' ');
    let mut last = b' ';
    for word in words {
        if word.is_ascii() {
            for &byte in word.as_bytes() {
                let c = normal_byte(byte);
                if c != b' ' || last != b' ' {
                    out.push(char::from(c));
                    last = c;
                }
            }
        } else {
            for c in word.chars() {
                let c = normal_char(c);
                if c != ' ' || last != b' ' {
                    out.push(c);
                    last = if c == ' ' { b' ' } else { b'x' };
                }
            }
        }
        if last != b' ' {
            out.push(' ');
            last = b' ';
        }
    }
    if out.len() == 1 {
        out.push(' ');
    }
    out
}

/// [`normalise`] character by character, for any text.
fn normalise_chars(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len() + 2);
    out.push(' ');
    let mut push = |c: char| {
        let c = normal_char(c);
        if c != ' ' || !out.ends_with(' ') {
            out.push(c);
        }
    };
    for c in sentence.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    if !out.ends_with(' ') || out.len() == 1 {
        out.push(' ');
    }
    out
}

/// [`normalise`] for ASCII text, byte by byte: the same rules without
/// decoding characters, for the common case.
fn normalise_ascii(sentence: &[u8]) -> String {
    let mut out = String::with_capacity(sentence.len() + 2);
    out.push(' ');
    let mut last = b' ';
    for &byte in sentence {
        let c = normal_byte(byte.to_ascii_lowercase());
        if c != b' ' || last != b' ' {
            out.push(char::from(c));
            last = c;
        }
    }
    if last != b' ' || out.len() == 1 {
        out.push(' ');
    }
    out
}

/// The bucket of a character n-gram: grams of up to 8 bytes (all of them
/// in ASCII text) are packed into one number and mixed with two multiplies,
/// several times cheaper than hashing byte by byte; longer ones go to FNV.
fn char_gram_bucket(gram: &[u8]) -> u32 {
    if gram.len() <= 8 {
        let packed = gram
            .iter()
            .fold(0u64, |packed, &byte| packed << 8 | u64::from(byte));
        gram_bucket(gram.len(), packed)
    } else {
        bucket(&[b"c", gram])
    }
}

/// SplitMix64's finaliser over the packed gram and its length in bytes
/// (so that grams with leading zero bytes stay apart).
#[inline]
fn gram_bucket(len: usize, packed: u64) -> u32 {
    let mut h = packed ^ ((len as u64) << 60) ^ 0x9e37_79b9_7f4a_7c15;
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    (h % BUCKETS as u64) as u32
}

/// FNV-1a over the parts, folded into [`BUCKETS`]: stable across
/// platforms and runs, unlike std's randomly seeded hasher.
fn bucket(parts: &[&[u8]]) -> u32 {
    fold(
        parts
            .iter()
            .fold(FNV_OFFSET, |hash, part| fnv_part(hash, part)),
    )
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// One part of a [`bucket`]'s key: its bytes, then 0xff to end it.
fn fnv_part(hash: u64, part: &[u8]) -> u64 {
    fnv_step(
        part.iter().fold(hash, |hash, &byte| fnv_step(hash, byte)),
        0xff,
    )
}

/// The hash folded into [`BUCKETS`].
fn fold(hash: u64) -> u32 {
    ((hash ^ (hash >> 32)) as usize % BUCKETS) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_folded_so_figures_share_features() {
        assert_eq!(
            hashed("It cost $250 billion."),
            hashed("It cost $310 billion.")
        );
        assert!(hashed("It cost $250 billion.").len() > 10);
        assert_ne!(
            hashed("It cost $250 billion."),
            hashed("It cost $250 million.")
        );
    }

    #[test]
    fn features_are_unique_and_in_range() {
        let f = hashed("The the THE the. Ça coûte 5 €!");
        let mut sorted = f.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), f.len());
        assert!(f.iter().all(|&b| (b as usize) < BUCKETS));
    }

    #[test]
    fn empty_text_still_has_the_boundary_features() {
        assert!(!hashed("").is_empty());
    }

    #[test]
    fn ascii_and_general_paths_agree() {
        // The same grams reached by the sliding register and by slicing.
        let ascii = hashed("Prices rose");
        let general = hashed("Prices rose é");
        assert!(ascii.iter().filter(|b| general.contains(b)).count() >= ascii.len() - 2);
    }

    #[test]
    fn the_hash_is_stable() {
        // A changed hash silently invalidates the committed weights.
        assert_eq!(bucket(&[b"w", b"said"]), 68349);
        assert_eq!(
            shape_pair_buckets()[0][4],
            bucket(&[b"s", b"<s>", b" ", b"Xx"])
        );
        for word in ["(Hello", "NASA,", "42", "--", "word", "Éclair"] {
            assert_eq!(SHAPES[shape_index(word)], shape(word), "{word}");
        }
        assert_eq!(char_gram_bucket(b" sa"), gram_bucket(3, 0x20_73_61));
        assert_eq!(gram_bucket(3, 0x20_73_61), 59751);
        assert_eq!(normalise("Rose 3.1%, O’Neil."), " rose 0 0% o'neil ");
        assert_eq!(normalise(""), "  ");
    }

    #[test]
    fn the_ascii_normaliser_matches_the_general_one() {
        for text in [
            "",
            " ",
            "Rose 3.1%, O'Neil.",
            "  Tabs\tand\nlines -- \"quoted\" ($5)?  ",
            "ALL CAPS, then: x",
            "!!!",
        ] {
            assert_eq!(normalise_ascii(text.as_bytes()), normalise_chars(text));
        }
    }

    #[test]
    fn word_features_are_the_buckets_of_their_keys() {
        let sentence = "Officials said the 2019 floods cost $3 billion.";
        let features = hashed(sentence);
        let padded = normalise(sentence);
        let mut previous = "<s>";
        let mut expected = Vec::new();
        for word in padded.split(' ').filter(|w| !w.is_empty()).chain(["</s>"]) {
            expected.push(bucket(&[b"w", word.as_bytes()]));
            expected.push(bucket(&[b"b", previous.as_bytes(), b" ", word.as_bytes()]));
            previous = word;
        }
        let mut unique = Vec::new();
        for bucket in expected {
            if !unique.contains(&bucket) {
                unique.push(bucket);
            }
        }
        assert_eq!(features[..unique.len()], unique[..]);
    }

    #[test]
    fn features_read_from_the_reading_are_the_sentences_own() {
        for text in [
            "Officials said the 2019 floods cost $3 billion. Did they?\n\nHOST: Yes -- 40%.",
            "“Curly” O’Neil’s ÉTÉ İstanbul ΣΟΦΟΣ 5€ — x\u{a0}y. 東京は大きい。大阪も。",
            "",
            "... !!! ---",
        ] {
            let reading = Reading::new(text);
            for sentence in reading.sentences() {
                let own = &text[sentence.range.clone()];
                assert_eq!(hashed_read(&reading, sentence), hashed(own), "{own:?}");
            }
        }
        for words in [
            &["rose", "3.1%,", "o'neil."][..],
            &[],
            &["--"],
            &["éé", "5"],
        ] {
            let sentence = words.join(" ");
            assert_eq!(
                normalise_lowered(words.iter().copied()),
                normalise(&sentence),
                "{sentence:?}"
            );
        }
    }

    #[test]
    fn repeated_calls_do_not_leak_seen_features() {
        let first = hashed("The committee approved 12 new wells in 2019.");
        let _ = hashed("Something else entirely, with other words.");
        assert_eq!(
            hashed("The committee approved 12 new wells in 2019."),
            first
        );
    }
}
