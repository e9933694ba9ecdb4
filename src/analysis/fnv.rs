//! FNV-1a hashing for the detectors' small lookups (boilerplate lexicon first
//! words, reader-address words, repeated lines; the claim cues' word-list
//! lexicon): keys are short words and lines from the paste or from our own
//! word lists, so the standard library's DoS-resistant SipHash buys nothing
//! here and costs a large share of the detectors' time. One hasher for all
//! of them, so that a speed-up or a fix lands everywhere at once.
//!
//! The claims model's features (`claims/features.rs`) keep their own inline
//! FNV steps: those run fused with the n-gram scan, and their buckets are
//! the model's weights, so they must never change with this file.

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

    #[test]
    fn it_is_fnv_1a_64() {
        // The published FNV-1a test vectors: a changed constant or step
        // order would silently become a different (and untested) hash.
        let hash = |bytes: &[u8]| {
            let mut hasher = Fnv::default();
            hasher.write(bytes);
            hasher.finish()
        };
        assert_eq!(hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
