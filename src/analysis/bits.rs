//! A bit per item, written once in order, with rank: how many set bits
//! come before an item, in constant time. The quotation detector keeps one
//! per token of a text, so it costs a bit and a half an item rather than a
//! byte or an offset.

/// Bits pushed in order; see the module.
#[derive(Debug, Clone, Default)]
pub struct Bits {
    words: Vec<u64>,
    /// Set bits in the words before each word.
    before: Vec<u32>,
    len: usize,
    set: u32,
}

impl Bits {
    pub fn push(&mut self, bit: bool) {
        if self.len.is_multiple_of(64) {
            self.words.push(0);
            self.before.push(self.set);
        }
        if bit {
            if let Some(word) = self.words.last_mut() {
                *word |= 1 << (self.len % 64);
            }
            self.set = self.set.saturating_add(1);
        }
        self.len += 1;
    }

    /// Bit `i`; false past the end.
    pub fn get(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) != 0)
    }

    /// How many set bits come before bit `i`.
    pub fn rank(&self, i: usize) -> usize {
        let (Some(word), Some(before)) = (self.words.get(i / 64), self.before.get(i / 64)) else {
            return self.set as usize;
        };
        let below = (1u64 << (i % 64)) - 1;
        *before as usize + (word & below).count_ones() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_and_rank_agree_with_a_plain_list() {
        // Across word boundaries: 200 bits, every third and every 64th set.
        let plain: Vec<bool> = (0..200).map(|i| i % 3 == 0 || i % 64 == 63).collect();
        let mut bits = Bits::default();
        for &bit in &plain {
            bits.push(bit);
        }
        for i in 0..plain.len() {
            assert_eq!(bits.get(i), plain[i], "bit {i}");
            let rank = plain[..i].iter().filter(|&&b| b).count();
            assert_eq!(bits.rank(i), rank, "rank {i}");
        }
        assert!(!bits.get(200));
        assert_eq!(bits.rank(500), plain.iter().filter(|&&b| b).count());
        assert_eq!(Bits::default().rank(0), 0);
    }
}
