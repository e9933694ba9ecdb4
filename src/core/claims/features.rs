//! The learned model's view of a sentence: hashed word unigrams and
//! bigrams, and hashed character n-grams, all lower-cased with digits
//! folded to `0` so that "$250 billion" and "$310 billion" look alike.
//! Training and scoring share this one function, so they cannot drift apart.

/// Number of hash buckets (a power of two); one weight each.
pub const BUCKETS: usize = 1 << 17;

/// Character n-gram lengths, taken over the normalised sentence.
const CHAR_GRAMS: [usize; 2] = [3, 5];

/// Sorted, de-duplicated bucket indices of the sentence's features.
pub fn hashed(sentence: &str) -> Vec<u32> {
    let normalised = normalise(sentence);
    let words: Vec<&str> = normalised.split_whitespace().collect();
    let mut out = Vec::with_capacity(words.len() * 3 + normalised.len() * 2);

    let mut previous = "<s>";
    for word in words.iter().copied().chain(std::iter::once("</s>")) {
        out.push(bucket(&[b"w", word.as_bytes()]));
        out.push(bucket(&[b"b", previous.as_bytes(), b" ", word.as_bytes()]));
        previous = word;
    }

    // Shapes of the original words ("Xx", "0", "x") in pairs: a name after
    // a verb, a figure before a noun, whatever the particular words.
    let mut previous_shape = "<s>";
    for word in sentence.split_whitespace() {
        let shape = shape(word);
        out.push(bucket(&[
            b"s",
            previous_shape.as_bytes(),
            b" ",
            shape.as_bytes(),
        ]));
        previous_shape = shape;
    }

    // Character n-grams over " word word " see suffixes ("-est", "-ed")
    // and word pieces the vocabulary of 23k sentences has not seen whole.
    let padded = format!(" {} ", words.join(" "));
    let bounds: Vec<usize> = padded
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(padded.len()))
        .collect();
    for n in CHAR_GRAMS {
        for window in bounds.windows(n + 1) {
            let gram = &padded[window[0]..window[n]];
            out.push(bucket(&[b"c", gram.as_bytes()]));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn shape(word: &str) -> &'static str {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
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

/// Lower case, digits as `0`, punctuation other than `%$'?` as space.
fn normalise(sentence: &str) -> String {
    sentence
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0'..='9' => '0',
            '’' => '\'',
            c if c.is_alphanumeric() || matches!(c, '%' | '$' | '\'' | '?') => c,
            _ => ' ',
        })
        .collect()
}

/// FNV-1a over the parts, folded into [`BUCKETS`]: stable across
/// platforms and runs, unlike std's randomly seeded hasher.
fn bucket(parts: &[&[u8]]) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
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
        assert_ne!(
            hashed("It cost $250 billion."),
            hashed("It cost $250 million.")
        );
    }

    #[test]
    fn features_are_sorted_unique_and_in_range() {
        let f = hashed("The the THE the. Ça coûte 5 €!");
        assert!(f.windows(2).all(|w| w[0] < w[1]));
        assert!(f.iter().all(|&b| (b as usize) < BUCKETS));
    }

    #[test]
    fn empty_text_still_has_the_boundary_features() {
        assert!(!hashed("").is_empty());
    }

    #[test]
    fn the_hash_is_stable() {
        // A changed hash silently invalidates the committed weights.
        assert_eq!(bucket(&[b"w", b"said"]), 68349);
        assert_eq!(bucket(&[b"c", b" sa"]), 9363);
        assert_eq!(normalise("Rose 3.1%, O’Neil."), "rose 0 0%  o'neil ");
    }
}
