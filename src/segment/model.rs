//! The segmentation model and its binary format.
//!
//! Layout (little-endian):
//!
//! ```text
//! magic        8 bytes  "VNSEGMDL"
//! version      u32      FORMAT_VERSION
//! hash bits    u32      the weight table has 1 << bits entries (8..=24)
//! transitions  4 × i32  [B→B, B→I, I→B, I→I]
//! weights      i16 × (1 << bits)   score of "joined to the previous token" per feature slot
//! pairs        u32 n, then n × u32 fingerprints (sorted), then n × u16 packed statistics
//! lexicon      u32 longest word (tokens), u32 n, then n × (u64 hash, u8 sources), sorted by hash
//! checksum     u64      FNV-1a of every byte before it
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{Lexicon, PairStats, pair_hash};
use crate::error::{Error, Result};

pub(crate) const MAGIC: &[u8; 8] = b"VNSEGMDL";
pub(crate) const FORMAT_VERSION: u32 = 1;

/// A hasher for keys that are already good hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes.
pub(crate) type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// FNV-1a over bytes: the model's checksum.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Pair statistics. Stored as sorted fingerprints and values; held in memory as an
/// open-addressing table of `u32` slots (16 more bits of the fingerprint, 16 bits of
/// value; 0 is empty), so that a look-up touches one cache line.
#[derive(Debug, Clone, Default)]
pub(crate) struct PairTable {
    fingerprints: Vec<u32>,
    values: Vec<u16>,
    slots: Vec<u32>,
    shift: u32,
}

impl PairTable {
    /// Builds the table from (fingerprint, value) entries sorted by fingerprint.
    pub(crate) fn new(fingerprints: Vec<u32>, values: Vec<u16>) -> PairTable {
        let bits = (fingerprints.len() * 2).max(16).next_power_of_two().trailing_zeros();
        let mut slots = vec![0u32; 1 << bits];
        let mask = slots.len() - 1;
        let shift = 32 - bits;
        for (&fp, &v) in fingerprints.iter().zip(&values) {
            if v == 0 {
                continue;
            }
            let mut i = (fp >> shift) as usize;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (fp & 0xffff) << 16 | u32::from(v);
        }
        PairTable { fingerprints, values, slots, shift }
    }

    pub(crate) fn fingerprint(left: u64, right: u64) -> u32 {
        (pair_hash(left, right) >> 32) as u32
    }
}

impl PairStats for PairTable {
    #[inline]
    fn lookup(&self, left: u64, right: u64) -> u16 {
        if self.fingerprints.is_empty() {
            return 0;
        }
        let fp = PairTable::fingerprint(left, right);
        let mask = self.slots.len() - 1;
        let mut i = (fp >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return 0;
            }
            if s >> 16 == fp & 0xffff {
                return s as u16;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The lexicon of a model.
#[derive(Debug, Clone, Default)]
pub(crate) struct LexTable {
    pub max_len: usize,
    pub words: HashKeyed<u8>,
}

impl Lexicon for LexTable {
    fn max_len(&self) -> usize {
        self.max_len
    }
    #[inline]
    fn lookup(&self, hash: u64) -> u8 {
        self.words.get(&hash).copied().unwrap_or(0)
    }
}

/// A trained model.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub bits: u32,
    /// `[B→B, B→I, I→B, I→I]`.
    pub transitions: [i32; 4],
    pub weights: Vec<i16>,
    pub pairs: PairTable,
    pub lexicon: LexTable,
}

/// Reads values from the model bytes, failing on a short read.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(Error::model(format!("truncated in {what} (offset {})", self.pos)));
        };
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let s = self.take(N, what)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    fn u32(&mut self, what: &str) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }
    fn i32(&mut self, what: &str) -> Result<i32> {
        Ok(i32::from_le_bytes(self.array(what)?))
    }
    fn count(&mut self, what: &str, item_size: usize) -> Result<usize> {
        let n = self.u32(what)? as usize;
        if n.saturating_mul(item_size) > self.bytes.len() - self.pos {
            return Err(Error::model(format!("{what}: {n} entries do not fit in the file")));
        }
        Ok(n)
    }
}

impl Model {
    /// Reads and checks a model.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(Error::model("not a vntext segmentation model (wrong magic)"));
        }
        let Some(body_len) = bytes.len().checked_sub(8).filter(|&n| n >= MAGIC.len()) else {
            return Err(Error::model("truncated: no checksum"));
        };
        let mut r = Reader { bytes: &bytes[..body_len], pos: MAGIC.len() };
        let version = r.u32("version")?;
        if version != FORMAT_VERSION {
            return Err(Error::model(format!(
                "format version {version}, this vntext reads version {FORMAT_VERSION}"
            )));
        }
        let mut sum = [0u8; 8];
        sum.copy_from_slice(&bytes[body_len..]);
        if u64::from_le_bytes(sum) != checksum(&bytes[..body_len]) {
            return Err(Error::model("checksum mismatch (corrupt or truncated file)"));
        }
        let bits = r.u32("hash bits")?;
        if !(8..=24).contains(&bits) {
            return Err(Error::model(format!("hash bits {bits} out of range 8..=24")));
        }
        let mut transitions = [0i32; 4];
        for t in &mut transitions {
            *t = r.i32("transitions")?;
        }
        let raw = r.take(2usize << bits, "weights")?;
        let weights = raw.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();

        let n = r.count("pair statistics", 6)?;
        let fingerprints: Vec<u32> = r
            .take(4 * n, "pair fingerprints")?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        if fingerprints.windows(2).any(|w| w[0] >= w[1]) {
            return Err(Error::model("pair fingerprints not sorted"));
        }
        let values =
            r.take(2 * n, "pair values")?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        let pairs = PairTable::new(fingerprints, values);

        let max_len = r.u32("lexicon word length")? as usize;
        if max_len > 32 {
            return Err(Error::model(format!("lexicon word length {max_len} out of range")));
        }
        let n = r.count("lexicon", 9)?;
        let mut words = HashKeyed::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let h = u64::from_le_bytes(r.array("lexicon")?);
            let [mask] = r.array("lexicon")?;
            words.insert(h, mask);
        }
        if r.pos != body_len {
            return Err(Error::model(format!("{} unexpected bytes after the lexicon", body_len - r.pos)));
        }
        Ok(Model { bits, transitions, weights, pairs, lexicon: LexTable { max_len, words } })
    }

    /// Writes the model in the format [`Model::from_bytes`] reads.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() * 2 + self.pairs.values.len() * 6 + 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        for t in self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&(self.pairs.fingerprints.len() as u32).to_le_bytes());
        for fp in &self.pairs.fingerprints {
            out.extend_from_slice(&fp.to_le_bytes());
        }
        for v in &self.pairs.values {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(self.lexicon.max_len as u32).to_le_bytes());
        let mut words: Vec<(u64, u8)> = self.lexicon.words.iter().map(|(&h, &m)| (h, m)).collect();
        words.sort_unstable();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (h, m) in words {
            out.extend_from_slice(&h.to_le_bytes());
            out.push(m);
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let fps = vec![3u32, 0x8000_0001, 0xffff_fff0];
        let vals = vec![0x1111u16, 0x2222, 0x3333];
        let mut words = HashKeyed::default();
        words.insert(42, 1);
        words.insert(7, 0x80);
        Model {
            bits: 8,
            transitions: [1, -2, 3, -4],
            weights: (0..256).map(|i| i as i16 - 128).collect(),
            pairs: PairTable::new(fps, vals),
            lexicon: LexTable { max_len: 3, words },
        }
    }

    #[test]
    fn bytes_round_trip() {
        let m = model();
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.bits, 8);
        assert_eq!(back.transitions, m.transitions);
        assert_eq!(back.weights, m.weights);
        assert_eq!(back.pairs.fingerprints, m.pairs.fingerprints);
        assert_eq!(back.pairs.values, m.pairs.values);
        assert_eq!(back.lexicon.words, m.lexicon.words);
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn checks_reject_bad_fields() {
        let bytes = model().to_bytes();
        let resum = |mut b: Vec<u8>| {
            let n = b.len() - 8;
            let sum = checksum(&b[..n]);
            b[n..].copy_from_slice(&sum.to_le_bytes());
            b
        };
        let mut bad_bits = bytes.clone();
        bad_bits[12] = 40;
        assert!(Model::from_bytes(&resum(bad_bits)).unwrap_err().to_string().contains("hash bits"));
        // The pair count claims more entries than the file holds.
        let pairs_at = 8 + 4 + 4 + 16 + 512;
        let mut bad_count = bytes.clone();
        bad_count[pairs_at..pairs_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Model::from_bytes(&resum(bad_count)).is_err());
        // Unsorted fingerprints.
        let mut unsorted = bytes.clone();
        unsorted[pairs_at + 4..pairs_at + 8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Model::from_bytes(&resum(unsorted)).unwrap_err().to_string().contains("sorted"));
    }

    #[test]
    fn pair_table_finds_what_it_holds() {
        let mut fps: Vec<u32> = (0..1000u32).map(|i| i.wrapping_mul(2_654_435_761)).collect();
        fps.sort_unstable();
        let vals: Vec<u16> = (1..=1000).collect();
        let t = PairTable::new(fps.clone(), vals.clone());
        for (fp, v) in fps.iter().zip(&vals) {
            let mut i = (fp >> t.shift) as usize;
            while t.slots[i] >> 16 != fp & 0xffff {
                i = (i + 1) & (t.slots.len() - 1);
            }
            assert_eq!(t.slots[i] as u16, *v);
        }
    }
}
