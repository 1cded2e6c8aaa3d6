//! Hashed features: a feature is a template number and a few values, hashed to 64 bits and
//! then to a row of the weight table. The hashes are part of every model trained with them,
//! so they never change between versions.
//!
//! The FNV-1a hash of token texts and the crate's other hashers are in [`crate::hash`].

const M1: u64 = 0x9E37_79B9_7F4A_7C15;
const M2: u64 = 0xBF58_476D_1CE4_E5B9;

/// Combines two hashes (order matters).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a.rotate_left(5) ^ b).wrapping_mul(M1);
    x ^ (x >> 29)
}

/// A feature of one value under template `template`.
#[inline]
pub(crate) fn feature(template: u64, a: u64) -> u64 {
    mix(mix(template.wrapping_mul(M2), a), 0x7e11)
}

/// A feature of two values under template `template`.
#[inline]
pub(crate) fn feature2(template: u64, a: u64, b: u64) -> u64 {
    mix(mix(mix(template.wrapping_mul(M2), a), b), 0x7e12)
}

/// A feature of three values under template `template`.
#[inline]
pub(crate) fn feature3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(mix(template.wrapping_mul(M2), a), b), c), 0x7e13)
}

/// The row of a feature in a table of `1 << bits` rows.
#[inline]
pub(crate) fn row(h: u64, bits: u32) -> usize {
    (h.wrapping_mul(M1) >> (64 - bits)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Models store weights by these hashes: a change here silently breaks every model.
    #[test]
    fn feature_hashes_are_stable() {
        assert_eq!(mix(1, 2), 0x035e_2aa2_fd15_2fdd);
        assert_eq!(feature(3, 7), 0x30f1_a709_8a1f_892c);
        assert_eq!(feature2(3, 7, 8), 0xed6b_d783_0a05_4787);
        assert_eq!(feature3(3, 1, 2, 3), 0x4265_8b92_fe28_646b);
        assert_eq!(row(feature(3, 7), 20), 450_925);
        for bits in 8..=24 {
            assert!(row(u64::MAX, bits) < 1 << bits);
        }
    }
}
