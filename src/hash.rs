//! The crate's hashers, in one place: an Fx-style multiply-rotate hasher for the in-memory
//! maps and sets of dictionary keys and id pairs, a pass-through hasher for keys that are
//! already hashes, and FNV-1a for hashes that are stored (model checksums, and the first step
//! of the hashes of token texts in the models' features).
//!
//! The FNV-1a values are part of every trained model and never change; the Fx values only
//! place keys in hash tables and are not stored anywhere.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiplier of rustc's `FxHasher`.
const FX_SEED: u64 = 0x517c_c1b7_2722_0a95;

/// A small, fast multiply-rotate hasher (rustc's `FxHasher` step) over 64-bit words, for short
/// keys and id pairs; the keys come from the crate's own data, not from an adversary.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: keys are short syllables, hashed once per token.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(FX_SEED);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// The [`std::hash::BuildHasher`] of [`FxHasher`].
pub(crate) type FxBuildHasher = BuildHasherDefault<FxHasher>;
/// A map hashed with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuildHasher>;
/// A set hashed with [`FxHasher`].
pub(crate) type FxSet<T> = HashSet<T, FxBuildHasher>;

/// A hasher for keys that are already good hashes (a `u64` key is taken as it is).
#[derive(Default, Clone, Copy)]
pub(crate) struct PassThrough(u64);

/// The multiplier of [`PassThrough`] for keys that are not a single `u64`.
const PASS_MIX: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(PASS_MIX);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes.
pub(crate) type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// FNV-1a offset basis.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a prime.
pub(crate) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// One FNV-1a step: folds `unit` (a byte, or a whole `char` for the hashes of characters)
/// into `h`.
#[inline]
pub(crate) fn fnv1a_step(h: u64, unit: u64) -> u64 {
    (h ^ unit).wrapping_mul(FNV_PRIME)
}

/// FNV-1a over bytes: model checksums, and the start of the hashes of token texts.
#[inline]
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| fnv1a_step(h, u64::from(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    /// Models store FNV-1a hashes (checksums, features of token texts): a change here silently
    /// breaks every model.
    #[test]
    fn fnv1a_is_the_standard_one() {
        assert_eq!(fnv1a(b""), FNV_OFFSET);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        // Hashes of characters step once a character, by its scalar value.
        let chars = |s: &str| s.chars().fold(FNV_OFFSET, |h, c| fnv1a_step(h, u64::from(u32::from(c))));
        assert_eq!(chars("foobar"), fnv1a(b"foobar"));
        assert_ne!(chars("đ"), fnv1a("đ".as_bytes()));
    }

    #[test]
    fn fx_hashes_tell_keys_apart() {
        let b = FxBuildHasher::default();
        let h = |s: &str| b.hash_one(s);
        assert_eq!(h("nhà"), h("nhà"));
        assert_ne!(h("nhà"), h("nha"));
        assert_ne!(h("ab"), h("ab\0"));
        assert_ne!(b.hash_one((1u32, 2u32)), b.hash_one((2u32, 1u32)));
        let mut one = FxHasher::default();
        0xfeed_u64.hash(&mut one);
        let mut pass = PassThrough::default();
        0xfeed_u64.hash(&mut pass);
        assert_eq!(pass.finish(), 0xfeed);
        assert_ne!(one.finish(), 0xfeed);
    }
}
