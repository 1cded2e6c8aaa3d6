//! The segmentation model: a [`TagModel`] of the task `"segment"` over the tags `B` (starts a
//! word) and `I` (joins the previous token), with the segmenter's own data as its payload.
//!
//! Payload layout (little-endian), after the engine's sections (see `src/tagging/model.rs`):
//!
//! ```text
//! features     u32 FEATURE_SET: the feature templates the weights were trained with
//! pairs        u32 n, then n × u32 fingerprints (sorted), then n × u16 packed statistics
//! lexicon      u32 longest word (tokens), u32 n, then n × (u64 hash, u8 sources), sorted by hash
//! ```

use super::features::{Lexicon, PairStats, pair_hash};
use crate::error::{Error, Result};
use crate::tagging::{HashKeyed, ModelReader, TagModel};

/// The task name in the model header.
pub(crate) const TASK: &str = "segment";
/// Version of the segmenter's feature templates (`features.rs`): a model trained with other
/// templates would score every place wrongly, so it is refused. Version 1 models (30
/// templates) had no such field.
pub(crate) const FEATURE_SET: u32 = 2;
/// Tag 0 starts a word, tag 1 joins the previous token.
pub(crate) const TAGS: [&str; 2] = ["B", "I"];

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
    pub tagger: TagModel,
    pub pairs: PairTable,
    pub lexicon: LexTable,
}

impl Model {
    /// Reads and checks a model.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let (tagger, payload) = TagModel::read(bytes, Some(TASK))?;
        if tagger.tags().ne(TAGS) {
            return Err(Error::model(format!("segmentation tags {:?}, expected {TAGS:?}", tagger.tags)));
        }
        let mut r = ModelReader::new(payload);
        let features = r.u32("feature set")?;
        if features != FEATURE_SET {
            return Err(Error::model(
                "a segmentation model trained with other feature templates (an older vntext); train it again with this version",
            ));
        }
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
        r.finish("lexicon")?;
        Ok(Model { tagger, pairs, lexicon: LexTable { max_len, words } })
    }

    /// Writes the model in the format [`Model::from_bytes`] reads.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.pairs.values.len() * 6 + self.lexicon.words.len() * 9 + 20);
        out.extend_from_slice(&FEATURE_SET.to_le_bytes());
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
        self.tagger.to_bytes(&out)
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
        let mut tagger = TagModel::zeroed(TASK, &TAGS, 8);
        tagger.transitions = vec![1, -2, 3, -4];
        tagger.weights = (0..256).map(|i| i as i16 - 128).collect();
        Model { tagger, pairs: PairTable::new(fps, vals), lexicon: LexTable { max_len: 3, words } }
    }

    fn resum(mut b: Vec<u8>) -> Vec<u8> {
        let n = b.len() - 8;
        let sum = crate::tagging::checksum(&b[..n]);
        b[n..].copy_from_slice(&sum.to_le_bytes());
        b
    }

    #[test]
    fn bytes_round_trip() {
        let m = model();
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.tagger, m.tagger);
        assert_eq!(back.pairs.fingerprints, m.pairs.fingerprints);
        assert_eq!(back.pairs.values, m.pairs.values);
        assert_eq!(back.lexicon.words, m.lexicon.words);
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn checks_reject_bad_fields() {
        let bytes = model().to_bytes();
        // The payload starts after the header and the engine's sections.
        let header = 8 + 4 + 1 + TASK.len() + 1 + 2 * 2 + 4;
        let features_at = header + 4 * 2 + 4 * 4 + 2 * 256 + 4;
        let pairs_at = features_at + 4;
        assert_eq!(&bytes[pairs_at..pairs_at + 4], &3u32.to_le_bytes());
        // The pair count claims more entries than the file holds.
        let mut bad_count = bytes.clone();
        bad_count[pairs_at..pairs_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Model::from_bytes(&resum(bad_count)).is_err());
        // A model of other feature templates.
        let mut old = bytes.clone();
        old[features_at..features_at + 4].copy_from_slice(&1u32.to_le_bytes());
        assert!(Model::from_bytes(&resum(old)).unwrap_err().to_string().contains("feature templates"));
        // Unsorted fingerprints.
        let mut unsorted = bytes.clone();
        unsorted[pairs_at + 4..pairs_at + 8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Model::from_bytes(&resum(unsorted)).unwrap_err().to_string().contains("sorted"));
        // Another task's model, and a segmentation model with other tags.
        let mut ner = model();
        ner.tagger.task = "ner".into();
        assert!(Model::from_bytes(&ner.to_bytes()).unwrap_err().to_string().contains("`ner`"));
        let mut bies = model();
        bies.tagger = TagModel::zeroed(TASK, &["B", "I", "E", "S"], 8);
        assert!(Model::from_bytes(&bies.to_bytes()).unwrap_err().to_string().contains("tags"));
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
        assert_eq!(t.lookup(1, 2), 0);
    }
}
