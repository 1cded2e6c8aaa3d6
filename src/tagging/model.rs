//! The tagging model and its binary format, shared by every task.
//!
//! Layout (little-endian):
//!
//! ```text
//! magic        8 bytes  "VNTAGMDL"
//! version      u32      FORMAT_VERSION
//! task         u8 length, then the task's name in ASCII ("segment", "ner"...)
//! tags         u8 count (2..=32), then per tag a u8 length and its UTF-8 label
//! hash bits    u32      the weight table has 1 << bits rows (8..=24)
//! start        i32 × tags              score of each tag at the first position
//! transitions  i32 × tags × tags       from-major: [from * tags + to]
//! weights      i16 × (1 << bits) × (tags - 1)   rows of feature scores of tags 1.. (tag 0 scores 0)
//! payload      u32 length, then the task's own data (lexicons, statistics)
//! checksum     u64      FNV-1a of every byte before it
//! ```
//!
//! Tag 0 is the reference tag: adding the same amount to every tag's score at a position
//! changes no decision, so its feature scores are fixed at 0 and not stored.

use crate::error::{Error, Result};

pub(crate) const MAGIC: &[u8; 8] = b"VNTAGMDL";
pub(crate) const FORMAT_VERSION: u32 = 1;
/// The segmentation models of vntext before the tagging engine.
const OLD_SEGMENTER_MAGIC: &[u8; 8] = b"VNSEGMDL";
/// Tags are sets in a `u32` bit mask.
pub(crate) const MAX_TAGS: usize = 32;
const MAX_TASK_LEN: usize = 32;

/// FNV-1a over bytes: the model's checksum.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    super::hash::fnv1a(bytes)
}

/// A trained tagging model: feature weights and tag transitions, for one task.
///
/// Immutable once read; [`crate::WordSegmenter`] holds one, and so will the named-entity
/// and part-of-speech taggers. Read one with [`TagModel::from_bytes`] to see what a model
/// file is for.
///
/// ```
/// use vntext::{SegmenterTrainer, Span, tagging::TagModel};
///
/// let mut trainer = SegmenterTrainer::new();
/// trainer.hash_bits(8);
/// let text = "bộ quốc phòng";
/// trainer.add_sentence(text, &[Span::new(0, 4), Span::new(5, text.len())]);
/// let bytes = trainer.train()?;
/// let model = TagModel::from_bytes(&bytes)?;
/// assert_eq!(model.task(), "segment");
/// assert_eq!(model.tags().collect::<Vec<_>>(), ["B", "I"]);
/// # Ok::<(), vntext::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagModel {
    pub(crate) task: String,
    pub(crate) tags: Vec<String>,
    pub(crate) bits: u32,
    pub(crate) start: Vec<i32>,
    /// `[from * tags + to]`.
    pub(crate) transitions: Vec<i32>,
    /// `(1 << bits) × (tags - 1)`, row-major.
    pub(crate) weights: Vec<i16>,
}

/// Reads values from model bytes; every read past the end is a typed error.
pub(crate) struct ModelReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ModelReader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> ModelReader<'a> {
        ModelReader { bytes, pos: 0 }
    }

    pub(crate) fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(Error::model(format!("truncated in {what} (offset {})", self.pos)));
        };
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    pub(crate) fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let s = self.take(N, what)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    pub(crate) fn u8(&mut self, what: &str) -> Result<u8> {
        Ok(self.array::<1>(what)?[0])
    }

    pub(crate) fn u32(&mut self, what: &str) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    pub(crate) fn i32(&mut self, what: &str) -> Result<i32> {
        Ok(i32::from_le_bytes(self.array(what)?))
    }

    /// A `u32` count of items of `item_size` bytes that must fit in what is left.
    pub(crate) fn count(&mut self, what: &str, item_size: usize) -> Result<usize> {
        let n = self.u32(what)? as usize;
        if n.saturating_mul(item_size) > self.bytes.len() - self.pos {
            return Err(Error::model(format!("{what}: {n} entries do not fit in the file")));
        }
        Ok(n)
    }

    /// A `u8`-length-prefixed UTF-8 string.
    fn short_str(&mut self, what: &str) -> Result<&'a str> {
        let n = usize::from(self.u8(what)?);
        core::str::from_utf8(self.take(n, what)?).map_err(|_| Error::model(format!("{what} is not UTF-8")))
    }

    /// Fails unless every byte was read.
    pub(crate) fn finish(&self, what: &str) -> Result<()> {
        if self.pos != self.bytes.len() {
            return Err(Error::model(format!(
                "{} unexpected bytes after the {what}",
                self.bytes.len() - self.pos
            )));
        }
        Ok(())
    }
}

impl TagModel {
    /// A model of `tags` (at most 32; the first is the reference tag) with all weights 0.
    pub(crate) fn zeroed(task: &str, tags: &[&str], bits: u32) -> TagModel {
        let n = tags.len();
        TagModel {
            task: task.to_owned(),
            tags: tags.iter().map(|&t| t.to_owned()).collect(),
            bits,
            start: vec![0; n],
            transitions: vec![0; n * n],
            weights: vec![0; (1usize << bits) * (n - 1)],
        }
    }

    /// Reads a model of any task and checks it (magic, version, checksum, every field).
    ///
    /// ```
    /// use vntext::tagging::TagModel;
    ///
    /// let err = TagModel::from_bytes(b"VNTAGMDL\x01\0\0\0").unwrap_err();
    /// assert_eq!(err.kind(), vntext::ErrorKind::Model);
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Model`](crate::ErrorKind::Model) when the bytes are not such a model, are of another format version,
    /// or are corrupt or truncated.
    pub fn from_bytes(bytes: &[u8]) -> Result<TagModel> {
        TagModel::read(bytes, None).map(|(m, _)| m)
    }

    /// Reads a model and its task's payload, failing unless the model is for `task` (when
    /// given).
    pub(crate) fn read<'a>(bytes: &'a [u8], task: Option<&str>) -> Result<(TagModel, &'a [u8])> {
        if bytes.len() >= MAGIC.len() && &bytes[..MAGIC.len()] == OLD_SEGMENTER_MAGIC {
            return Err(Error::model(
                "a segmentation model of an older vntext (magic VNSEGMDL); train it again with this version",
            ));
        }
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(Error::model("not a vntext tagging model (wrong magic)"));
        }
        let Some(body_len) = bytes.len().checked_sub(8).filter(|&n| n >= MAGIC.len()) else {
            return Err(Error::model("truncated: no checksum"));
        };
        let mut r = ModelReader { bytes: &bytes[..body_len], pos: MAGIC.len() };
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
        let name = r.short_str("task")?;
        if name.is_empty() || name.len() > MAX_TASK_LEN || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::model(format!("task name {name:?} is not a short ASCII word")));
        }
        if let Some(want) = task {
            if name != want {
                return Err(Error::model(format!("a model for the task `{name}`, not `{want}`")));
            }
        }
        let n = usize::from(r.u8("tag count")?);
        if !(2..=MAX_TAGS).contains(&n) {
            return Err(Error::model(format!("{n} tags, a model has 2 to {MAX_TAGS}")));
        }
        let mut tags: Vec<String> = Vec::with_capacity(n);
        for _ in 0..n {
            let tag = r.short_str("tag")?;
            if tag.is_empty() || tags.iter().any(|t| t == tag) {
                return Err(Error::model(format!("tag {tag:?} is empty or repeated")));
            }
            tags.push(tag.to_owned());
        }
        let bits = r.u32("hash bits")?;
        if !(8..=24).contains(&bits) {
            return Err(Error::model(format!("hash bits {bits} out of range 8..=24")));
        }
        let mut start = vec![0i32; n];
        for s in &mut start {
            *s = r.i32("start scores")?;
        }
        let mut transitions = vec![0i32; n * n];
        for t in &mut transitions {
            *t = r.i32("transitions")?;
        }
        let raw = r.take((2usize << bits) * (n - 1), "weights")?;
        let weights = raw.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        let len = r.count("payload", 1)?;
        let payload = r.take(len, "payload")?;
        r.finish("payload")?;
        Ok((TagModel { task: name.to_owned(), tags, bits, start, transitions, weights }, payload))
    }

    /// Writes the model with `payload`, in the format [`TagModel::read`] reads.
    pub(crate) fn to_bytes(&self, payload: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() * 2 + payload.len() + 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let short = |out: &mut Vec<u8>, s: &str| {
            out.push(s.len() as u8);
            out.extend_from_slice(s.as_bytes());
        };
        short(&mut out, &self.task);
        out.push(self.tags.len() as u8);
        for t in &self.tags {
            short(&mut out, t);
        }
        out.extend_from_slice(&self.bits.to_le_bytes());
        for s in self.start.iter().chain(&self.transitions) {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        out.extend_from_slice(payload);
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// The task the model was trained for (`"segment"`, `"ner"`...).
    ///
    /// ```
    /// # use vntext::{SegmenterTrainer, Span, tagging::TagModel};
    /// # let mut trainer = SegmenterTrainer::new();
    /// # trainer.hash_bits(8);
    /// # trainer.add_sentence("quốc phòng", &[Span::new(0, 13)]);
    /// let model = TagModel::from_bytes(&trainer.train()?)?;
    /// assert_eq!(model.task(), "segment");
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn task(&self) -> &str {
        &self.task
    }

    /// The tags, in the model's order.
    ///
    /// ```
    /// # use vntext::{SegmenterTrainer, Span, tagging::TagModel};
    /// # let mut trainer = SegmenterTrainer::new();
    /// # trainer.hash_bits(8);
    /// # trainer.add_sentence("quốc phòng", &[Span::new(0, 13)]);
    /// let model = TagModel::from_bytes(&trainer.train()?)?;
    /// assert_eq!(model.tags().count(), 2);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn tags(&self) -> impl ExactSizeIterator<Item = &str> {
        self.tags.iter().map(String::as_str)
    }

    /// The weight table has `1 << hash_bits()` rows.
    ///
    /// ```
    /// # use vntext::{SegmenterTrainer, Span, tagging::TagModel};
    /// # let mut trainer = SegmenterTrainer::new();
    /// # trainer.hash_bits(8);
    /// # trainer.add_sentence("quốc phòng", &[Span::new(0, 13)]);
    /// let model = TagModel::from_bytes(&trainer.train()?)?;
    /// assert_eq!(model.hash_bits(), 8);
    /// # Ok::<(), vntext::Error>(())
    /// ```
    pub fn hash_bits(&self) -> u32 {
        self.bits
    }

    /// Number of tags.
    #[inline]
    pub(crate) fn tag_count(&self) -> usize {
        self.tags.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> TagModel {
        let mut m = TagModel::zeroed("ner", &["O", "B-PER", "I-PER"], 8);
        m.start = vec![1, -2, 3];
        m.transitions = (0..9).map(|i| i * 7 - 30).collect();
        m.weights = (0..512).map(|i| (i * 37 % 600) as i16 - 300).collect();
        m
    }

    fn resum(mut b: Vec<u8>) -> Vec<u8> {
        let n = b.len() - 8;
        let sum = checksum(&b[..n]);
        b[n..].copy_from_slice(&sum.to_le_bytes());
        b
    }

    fn message(bytes: &[u8], task: Option<&str>) -> String {
        match TagModel::read(bytes, task) {
            Err(e) if e.kind() == crate::ErrorKind::Model => {
                e.to_string().strip_prefix("bad model: ").expect("a model error's message").to_owned()
            }
            other => panic!("expected a model error, got {other:?}"),
        }
    }

    #[test]
    fn bytes_round_trip_with_payload() {
        let m = model();
        let bytes = m.to_bytes(b"payload!");
        let (back, payload) = TagModel::read(&bytes, Some("ner")).unwrap();
        assert_eq!(back, m);
        assert_eq!(payload, b"payload!");
        assert_eq!(back.to_bytes(payload), bytes);
        assert_eq!(TagModel::from_bytes(&bytes).unwrap().task(), "ner");
    }

    #[test]
    fn wrong_task_is_an_error() {
        let bytes = model().to_bytes(b"");
        assert!(message(&bytes, Some("segment")).contains("task `ner`, not `segment`"));
    }

    #[test]
    fn wrong_version_and_magic_are_errors() {
        let mut bytes = model().to_bytes(b"");
        bytes[8] = 2;
        assert!(message(&bytes, None).contains("version 2"));
        let mut bytes = model().to_bytes(b"");
        bytes[..8].copy_from_slice(b"VNSEGMDL");
        assert!(message(&bytes, None).contains("older vntext"));
        bytes[0] = b'X';
        assert!(message(&bytes, None).contains("magic"));
    }

    #[test]
    fn every_truncation_and_bit_flip_is_an_error() {
        let bytes = model().to_bytes(b"abc");
        for len in 0..bytes.len() {
            message(&bytes[..len], None);
        }
        for i in 12..bytes.len() - 8 {
            let mut b = bytes.clone();
            b[i] ^= 0x40;
            assert!(message(&b, None).contains("checksum"), "byte {i}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        message(&longer, None);
    }

    #[test]
    fn checked_fields_with_valid_checksums() {
        let bytes = model().to_bytes(b"abc");
        // Offsets: magic 8, version 4, task 1 + 3, tag count at 16.
        let mut b = bytes.clone();
        b[12] = 0;
        assert!(message(&resum(b), None).contains("task"));
        let mut b = bytes.clone();
        b[13] = 0xff;
        assert!(message(&resum(b), None).contains("UTF-8"));
        for count in [0u8, 1, 33, 255] {
            let mut b = bytes.clone();
            b[16] = count;
            message(&resum(b), None);
        }
        // Tags "O", "B-PER", "I-PER": make the third a copy of the second.
        let mut b = bytes.clone();
        let third = 17 + 2 + 6;
        b[third + 1] = b'B';
        assert!(message(&resum(b), None).contains("repeated"));
        let bits_at = 17 + 2 + 6 + 6;
        for bits in [0u32, 7, 25, u32::MAX] {
            let mut b = bytes.clone();
            b[bits_at..bits_at + 4].copy_from_slice(&bits.to_le_bytes());
            assert!(message(&resum(b), None).contains("hash bits"));
        }
        // The payload length claims more than the file holds.
        let payload_at = bits_at + 4 + 4 * 3 + 4 * 9 + 2 * 512;
        assert_eq!(&bytes[payload_at..payload_at + 4], &3u32.to_le_bytes());
        let mut b = bytes.clone();
        b[payload_at..payload_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(message(&resum(b), None).contains("do not fit"));
        let mut b = bytes.clone();
        b[payload_at..payload_at + 4].copy_from_slice(&2u32.to_le_bytes());
        assert!(message(&resum(b), None).contains("unexpected bytes"));
    }
}
