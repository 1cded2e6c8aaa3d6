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

#[cfg(test)]
mod tests {
    use super::*;
    use vntext::{SegmenterTrainer, WordSegmenter};

    fn words(segmenter: &WordSegmenter, text: &str) -> Vec<String> {
        segmenter.segment(text).iter().map(|w| w.as_str().to_owned()).collect()
    }

    /// A file of `../shared` (beside the repository); the tests that call it are ignored
    /// unless asked for (`cargo test -p vntext-cli -- --ignored`, as `.ci/run` does).
    fn shared(rel: &str) -> String {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared").join(rel);
        std::fs::read_to_string(&p)
            .unwrap_or_else(|e| panic!("{}: {e} (this test needs ../shared)", p.display()))
    }

    /// The training file formats `vntext train-segmenter --train` and `vntext segment --eval` read: CoNLL-U
    /// (words with spaces inside), `_`-joined words and VLSP 2013 `w_w/TAG`, here the same
    /// four sentences written in each.
    fn training_file(name: &str) -> Vec<GoldSentence> {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        read_gold(&std::fs::read_to_string(&path).unwrap())
    }

    fn gold_words(sentences: &[GoldSentence]) -> Vec<Vec<String>> {
        sentences.iter().map(|s| s.words.iter().map(|w| s.text[w.range()].to_owned()).collect()).collect()
    }

    fn train_on(sentences: &[GoldSentence]) -> Vec<u8> {
        let mut trainer = SegmenterTrainer::new();
        trainer.hash_bits(12).epochs(10).runs(2).min_pair_count(1);
        for s in sentences {
            assert_eq!(trainer.add_sentence(&s.text, &s.words), 0, "{}", s.text);
            trainer.add_raw_text(&s.text);
        }
        trainer.train().unwrap()
    }

    #[test]
    fn the_three_training_formats_read_alike_and_train_one_model() {
        let underscored = training_file("segment_train.txt");
        let tagged = training_file("segment_train_tagged.txt");
        let conllu = training_file("segment_train.conllu");
        let expected: Vec<Vec<&str>> = vec![
            vec!["Bộ", "Quốc phòng", "họp", "báo", "."],
            vec!["Ông", "Hồ Văn Mười", "làm việc", "tại", "Hà Nội", "."],
            vec!["Chủ tịch", "UBND", "tỉnh", "tổ chức", "hội nghị", "tổng kết", "."],
            vec!["Năm", "2023", ",", "10", "triệu", "người", "được", "tiêm", "vắc xin", "."],
        ];
        for sentences in [&underscored, &tagged, &conllu] {
            assert_eq!(gold_words(sentences), expected);
        }
        // The CoNLL-U words are placed in the `# text` line, with its spacing.
        assert_eq!(conllu[0].text, "Bộ Quốc phòng họp báo.");
        assert_eq!(underscored[0].text, "Bộ Quốc phòng họp báo .");
        assert_eq!(tagged[0].text, underscored[0].text);
        // Spacing before punctuation changes no feature: one model from the three files.
        let model = train_on(&underscored);
        assert_eq!(train_on(&tagged), model);
        assert_eq!(train_on(&conllu), model);
        // A model in this tiny convention splits `họp báo` and keeps the names whole, and scores
        // the same on each format of its training sentences.
        let s = WordSegmenter::from_model_bytes(&model).unwrap();
        assert_eq!(words(&s, "Bộ Quốc phòng họp báo."), ["Bộ", "Quốc phòng", "họp", "báo", "."]);
        let f1 = |g: &[GoldSentence]| evaluate(&s, g).f1();
        assert_eq!(f1(&underscored), f1(&conllu));
        assert_eq!(f1(&tagged), f1(&conllu));
    }

    #[test]
    fn a_tag_is_stripped_only_when_every_word_has_one() {
        // `km/h` alone is a word with a slash, not a word tagged `h`.
        let plain = read_gold("xe chạy 60 km/h .\n");
        assert_eq!(gold_words(&plain), [["xe", "chạy", "60", "km/h", "."]]);
        let tagged = read_gold("xe/N chạy/V 60/M km/h/Nu ./CH\n");
        assert_eq!(gold_words(&tagged), [["xe", "chạy", "60", "km/h", "."]]);
    }

    /// Gold files in the `_` convention, with or without VLSP 2013 part-of-speech tags.
    #[test]
    fn gold_files_with_and_without_tags() {
        let plain = read_gold("Bộ Quốc_phòng họp_báo .\nNgày 24/7 , 1/2 số xã .\n");
        let tagged =
            read_gold("Bộ/N Quốc_phòng/Np họp_báo/V ./CH\nNgày/N 24/7/M ,/CH 1/2/M số/N xã/N ./CH\n");
        for file in [&plain, &tagged] {
            let words: Vec<Vec<&str>> =
                file.iter().map(|s| s.words.iter().map(|w| &s.text[w.range()]).collect()).collect();
            assert_eq!(
                words,
                [vec!["Bộ", "Quốc phòng", "họp báo", "."], vec!["Ngày", "24/7", ",", "1/2", "số", "xã", "."]]
            );
        }
    }

    /// Word F1 of the built-in model on one UD Vietnamese-VTB file.
    fn ud_vtb_f1(file: &str, sentences: usize) -> f64 {
        let src = shared(&format!("data/ud-vtb/{file}"));
        let gold = read_gold(&src);
        assert_eq!(gold.len(), sentences);
        let score = evaluate(WordSegmenter::builtin(), &gold);
        println!("{file}: P {:.2} R {:.2} F1 {:.2}", score.precision(), score.recall(), score.f1());
        score.f1()
    }

    /// Word F1 on the UD Vietnamese-VTB test set, which the built-in model never saw: 96.84
    /// (P 97.01, R 96.68) when this floor was set, measured with
    /// `vntext segment --eval ../shared/data/ud-vtb/vi_vtb-ud-test.conllu`.
    /// The floor sits under the figure by a tenth of a point, so a retrained model that
    /// loses more fails here.
    #[test]
    #[ignore = "needs ../shared"]
    fn f1_on_ud_vtb_test() {
        let f1 = ud_vtb_f1("vi_vtb-ud-test.conllu", 800);
        assert!(f1 >= 96.7, "F1 {f1:.2} below the floor 96.7 (the model reached 96.84)");
    }

    /// Word F1 on the UD Vietnamese-VTB dev set. The built-in model is trained on it (train +
    /// dev), so this is no accuracy figure: it catches a model that no longer fits its own
    /// training data (a broken feature or loader). 99.68 (P 99.68, R 99.69) when set, measured
    /// with `vntext segment --eval ../shared/data/ud-vtb/vi_vtb-ud-dev.conllu`.
    #[test]
    #[ignore = "needs ../shared"]
    fn f1_on_ud_vtb_dev_the_training_data() {
        let f1 = ud_vtb_f1("vi_vtb-ud-dev.conllu", 1123);
        assert!(f1 >= 99.6, "F1 {f1:.2} below the floor 99.6 (the model reached 99.68)");
    }
}
