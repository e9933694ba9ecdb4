//! FNV-1a hashing for the detector's small lookups (lexicon first words,
//! reader-address words, repeated lines): keys are short words and lines
//! from the paste itself, so the standard library's DoS-resistant SipHash
//! buys nothing here and costs a large share of the detector's time.

use std::hash::{BuildHasherDefault, Hasher};

/// 64-bit FNV-1a.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` / `HashSet` hasher builder using [`Fnv`].
pub type BuildFnv = BuildHasherDefault<Fnv>;
pub type FnvMap<K, V> = std::collections::HashMap<K, V, BuildFnv>;
pub type FnvSet<K> = std::collections::HashSet<K, BuildFnv>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_keys_hash_equal_and_maps_work() {
        let build = BuildFnv::default();
        assert_eq!(build.hash_one("share"), build.hash_one("share"));
        assert_ne!(build.hash_one("share"), build.hash_one("shard"));
        let mut map: FnvMap<&str, usize> = FnvMap::default();
        *map.entry("we").or_default() += 2;
        assert_eq!(map.get("we"), Some(&2));
        assert_eq!(map.get("you"), None);
    }
}
