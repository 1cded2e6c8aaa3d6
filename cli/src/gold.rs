//! Reading gold word segmentations: CoNLL-U (multi-syllable words are FORMs with spaces
//! inside) or the VLSP convention (syllables joined by `_`, words separated by spaces).
//! Used by `vntext segment --eval` and `vntext train-segmenter`, and by the library's
//! segmentation tests through `#[path]`.

#![allow(dead_code)]

use vntext::Span;

/// One gold sentence: its raw text and its words' spans in that text.
pub struct GoldSentence {
    pub text: String,
    pub words: Vec<Span>,
}

/// Reads gold sentences from a CoNLL-U file's text or from text in the `_` convention (one
/// sentence per line), telling them apart by the CoNLL-U comment and tab lines.
pub fn read_gold(src: &str) -> Vec<GoldSentence> {
    let conllu = src
        .lines()
        .any(|l| l.starts_with("# sent_id") || l.starts_with("# text") || l.split('\t').count() == 10);
    if conllu { read_conllu(src) } else { read_underscored(src) }
}

/// Sentences of a CoNLL-U file: the words are the FORMs of the integer-id lines (ranges
/// `1-2` and empty nodes `1.1` skipped), placed in the `# text =` line when they can be
/// found there in order, or else joined by single spaces.
pub fn read_conllu(src: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut text: Option<&str> = None;
    let mut forms: Vec<&str> = Vec::new();
    let mut flush = |text: &mut Option<&str>, forms: &mut Vec<&str>| {
        if !forms.is_empty() {
            out.push(place_forms(text.unwrap_or(""), forms));
        }
        forms.clear();
        *text = None;
    };
    for line in src.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut text, &mut forms);
        } else if let Some(t) = line.strip_prefix("# text =") {
            text = Some(t.trim());
        } else if line.starts_with('#') {
            continue;
        } else {
            let mut cols = line.split('\t');
            let (Some(id), Some(form)) = (cols.next(), cols.next()) else { continue };
            if id.bytes().all(|b| b.is_ascii_digit()) && !form.is_empty() {
                forms.push(form);
            }
        }
    }
    flush(&mut text, &mut forms);
    out
}

fn place_forms(text: &str, forms: &[&str]) -> GoldSentence {
    let mut words = Vec::with_capacity(forms.len());
    let mut pos = 0;
    for form in forms {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        if rest[skipped..].starts_with(form) {
            let start = pos + skipped;
            words.push(Span::new(start, start + form.len()));
            pos = start + form.len();
        } else {
            return joined(forms.iter().copied());
        }
    }
    GoldSentence { text: text.to_owned(), words }
}

fn joined<'a>(words: impl Iterator<Item = &'a str>) -> GoldSentence {
    let mut text = String::new();
    let mut spans = Vec::new();
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(w);
        spans.push(Span::new(start, text.len()));
    }
    GoldSentence { text, words: spans }
}

/// Sentences in the `_` convention: `Bộ Quốc_phòng họp_báo .`, one per non-empty line. Files
/// tagged with parts of speech (`Bộ/N Quốc_phòng/Np họp_báo/V ./CH`, the VLSP 2013 POS
/// format) are read too: when every word of the file ends in such a tag, the tags go.
pub fn read_underscored(src: &str) -> Vec<GoldSentence> {
    let tagged = src.split_whitespace().all(|w| strip_tag(w).is_some()) && !src.trim().is_empty();
    src.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let words: Vec<String> = line
                .split_whitespace()
                .map(|w| underscores_to_spaces(if tagged { strip_tag(w).unwrap_or(w) } else { w }))
                .collect();
            joined(words.iter().map(String::as_str))
        })
        .collect()
}

/// `họp_báo/V` → `họp_báo`: the word before a final `/TAG` of one to four ASCII letters, the
/// first a capital (`N`, `Np`, `CH`). `None` when the word has no such tag.
fn strip_tag(w: &str) -> Option<&str> {
    let (word, tag) = w.rsplit_once('/')?;
    let ok = !word.is_empty()
        && (1..=4).contains(&tag.len())
        && tag.bytes().all(|b| b.is_ascii_alphabetic())
        && tag.as_bytes()[0].is_ascii_uppercase();
    ok.then_some(word)
}

/// `quốc_phòng` → `quốc phòng`; a lone `_` stays.
fn underscores_to_spaces(w: &str) -> String {
    if w.chars().all(|c| c == '_') { w.to_owned() } else { w.replace('_', " ") }
}

/// Word precision, recall and F1 counts: words match when their spans are equal.
#[derive(Default, Clone, Copy, Debug)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

/// `words N predicted N matched N  P x  R x  F1 x`, as `vntext segment --eval` prints it.
impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "words {} predicted {} matched {}  P {:.2}  R {:.2}  F1 {:.2}",
            self.gold,
            self.predicted,
            self.matched,
            self.precision(),
            self.recall(),
            self.f1()
        )
    }
}

impl Score {
    pub fn add(&mut self, gold: &[Span], predicted: &[Span]) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        let (mut i, mut j) = (0, 0);
        while i < gold.len() && j < predicted.len() {
            let (g, p) = (gold[i], predicted[j]);
            if g == p {
                self.matched += 1;
                i += 1;
                j += 1;
            } else if g.end <= p.end {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    pub fn precision(&self) -> f64 {
        100.0 * self.matched as f64 / self.predicted.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        100.0 * self.matched as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Scores a segmenter on gold sentences.
pub fn evaluate(segmenter: &vntext::WordSegmenter, gold: &[GoldSentence]) -> Score {
    let mut score = Score::default();
    let mut worker = segmenter.worker();
    let mut predicted = Vec::new();
    for s in gold {
        predicted.clear();
        predicted.extend(worker.segment(&s.text).map(|w| w.span()));
        score.add(&s.words, &predicted);
    }
    score
}
