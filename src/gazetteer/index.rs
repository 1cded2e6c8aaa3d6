//! What the recognizer matches against: the cue kinds, the flags of single syllable keys,
//! the function words and the trie over syllable-key ids.

use super::Record;
use crate::hash::FxMap;

/// Cue words around entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    /// A title before a person's name (`Đại tá`, `Chủ tịch`).
    Title,
    /// A form of address before a person's name (`ông`, `bà`, `anh`).
    Address,
    /// A byline before an author's name (`Tin, ảnh:`).
    Byline,
    /// A provincial-level word (`tỉnh`, `thành phố`, `TP`).
    AdminProvince,
    /// A lower administrative level (`huyện`, `xã`, `phường`).
    Admin,
    /// A geographic feature (`sông`, `núi`, `đảo`).
    Geo,
    /// A word after which a military region is a place (`địa bàn`, `tại`).
    PlaceContext,
    /// A capitalized word that is never part of a name (`Nhà nước`, `Nhân dân`).
    NotName,
    /// A road word before a number (`Quốc lộ 18`).
    Road,
    /// A word that starts the full name of a state (`Vương quốc`, `Cộng hòa`).
    State,
}

/// What a key sequence in the matching trie stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Record(Record),
    Cue(Cue),
}

/// One entry of a trie node: what it is and which of its tokens start with a capital in
/// the gazetteer's spelling (bit i for token i).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub target: Target,
    pub caps: u32,
}

/// Flags of a single syllable key.
pub(crate) mod sym {
    pub const SURNAME: u16 = 1;
    pub const MIDDLE: u16 = 2;
    pub const GIVEN: u16 = 4;
    pub const NOT_NAME: u16 = 8;
    pub const ORG_HEAD: u16 = 16;
    pub const COMMON_SURNAME: u16 = 32;
}

/// Words the recognizer's date, time and name rules compare by id.
pub(crate) const FUNCTION_WORDS: [&str; 22] = [
    "ngày", "mồng", "tháng", "năm", "giờ", "phút", "và", "-", "–", "số", "/", "(", "từ", "đến", "tới",
    "sinh", ",", "sáng", "chiều", "tối", "trưa", "đêm",
];

/// Sentinel for a token whose key is not in the vocabulary.
pub(crate) const NO_SYM: u32 = u32::MAX;

/// A trie over syllable-key ids: the gazetteer's multi-token names and cues.
#[derive(Clone, Debug, Default)]
pub(crate) struct Trie {
    edges: FxMap<(u32, u32), u32>,
    /// Per node, the range of its hits in `hits`.
    nodes: Vec<(u32, u32)>,
    hits: Vec<Hit>,
    pending: Vec<Vec<Hit>>,
}

impl Trie {
    pub(super) fn new() -> Trie {
        Trie { nodes: vec![(0, 0)], pending: vec![Vec::new()], ..Trie::default() }
    }

    pub(super) fn insert(&mut self, syms: &[u32], hit: Hit) {
        let mut node = 0u32;
        for &s in syms {
            node = match self.edges.get(&(node, s)) {
                Some(&n) => n,
                None => {
                    let n = self.pending.len() as u32;
                    self.pending.push(Vec::new());
                    self.edges.insert((node, s), n);
                    n
                }
            };
        }
        let hits = &mut self.pending[node as usize];
        if !hits.contains(&hit) {
            hits.push(hit);
        }
    }

    pub(super) fn finish(&mut self) {
        self.nodes.clear();
        for hits in self.pending.drain(..) {
            let start = self.hits.len() as u32;
            self.hits.extend(hits);
            self.nodes.push((start, self.hits.len() as u32));
        }
    }

    /// The child of `node` by `sym`.
    pub(crate) fn step(&self, node: u32, sym: u32) -> Option<u32> {
        self.edges.get(&(node, sym)).copied()
    }

    /// The hits ending at `node`.
    pub(crate) fn hits(&self, node: u32) -> &[Hit] {
        let (a, b) = self.nodes.get(node as usize).copied().unwrap_or((0, 0));
        &self.hits[a as usize..b as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trie_keeps_hits_per_node() {
        let mut t = Trie::new();
        let hit = |n| Hit { target: Target::Cue(Cue::Title), caps: n };
        t.insert(&[1, 2], hit(1));
        t.insert(&[1], hit(2));
        t.insert(&[1, 2], hit(1));
        t.finish();
        let a = t.step(0, 1).unwrap();
        let b = t.step(a, 2).unwrap();
        assert_eq!(t.hits(a), [hit(2)]);
        assert_eq!(t.hits(b), [hit(1)]);
        assert!(t.step(b, 3).is_none());
    }
}
