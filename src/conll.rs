//! Reading CoNLL-style NER files, tagging their tokens with the [`Recognizer`] and scoring
//! the result (exact span match, as conlleval does).
//!
//! ```
//! use vntext::{NerScores, Recognizer, read_conll};
//!
//! let gold = read_conll("Ông\tO\nHồ_Văn_Mười\tB-PER\nđến\tO\nĐắk\tB-LOC\nNông\tI-LOC\n");
//! let predicted = Recognizer::builtin().tag_tokens(&gold[0].tokens);
//! assert_eq!(predicted, ["O", "B-PER", "O", "B-LOC", "I-LOC"]);
//! let mut scores = NerScores::default();
//! scores.add(&gold[0].tags, &predicted);
//! assert_eq!(scores.total().f1(), 1.0);
//! ```

use std::collections::BTreeMap;

use crate::ner::{EntityKind, Recognizer};

/// The entity types [`Recognizer::tag_tokens`] writes, and the ones [`NerScores`] scores.
///
/// ```
/// use vntext::{CONLL_TYPES, Recognizer};
///
/// let tags = Recognizer::builtin().tag_tokens(&["Ông", "Hồ_Văn_Mười", "đến", "Đắk", "Nông"]);
/// for tag in tags.iter().filter(|t| *t != "O") {
///     assert!(CONLL_TYPES.contains(&&tag[2..]), "{tag}");
/// }
/// ```
pub const CONLL_TYPES: [&str; 6] = ["PER", "LOC", "ORG", "MISC", "DATE", "TIME"];

/// Words after which a military region is a place (`địa bàn Quân khu 5`), not a body.
const PLACE_WORDS: [&str; 10] = ["bàn", "tại", "ở", "trên", "khắp", "vùng", "về", "đến", "tới", "vào"];

/// One sentence of a CoNLL file, from [`read_conll`].
///
/// ```
/// let sentences = vntext::read_conll("Bộ_Quốc_phòng\tB-ORG\nhọp\tO\n");
/// let s = &sentences[0];
/// assert_eq!(s.tokens, ["Bộ_Quốc_phòng", "họp"]);
/// assert_eq!(s.tags, ["B-ORG", "O"]);
/// assert_eq!(s.document, 0);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllSentence {
    /// Its tokens (first column).
    pub tokens: Vec<String>,
    /// Their BIO tags (last column; `O` when there is only one column).
    pub tags: Vec<String>,
    /// The number of the document holding it: 0 until the first `-DOCSTART-` line, then
    /// one more at each.
    pub document: usize,
}

/// Reads a CoNLL-style file: one token per line (`TOKEN<TAB>TAG`, or more columns of
/// which the first is the token and the last the tag), a blank line between sentences,
/// `#` comment lines (`# id = …`; a `#` token, `#<TAB>O`, is a token) skipped,
/// `-DOCSTART-` lines starting a new document ([`ConllSentence::document`]). Columns are
/// separated by tabs, so a token may hold spaces (`Hà Nội`, as in VLSP 2016); lines without
/// a tab are split on spaces.
///
/// ```
/// let s = vntext::read_conll("# id = 1\n#\tO\nvà\tO\n\n-DOCSTART-\tdoc2\n\nHuế\tB-LOC\n");
/// assert_eq!(s[0].tokens, ["#", "và"]);
/// assert_eq!((s[0].document, s[1].document), (0, 1));
/// ```
pub fn read_conll(text: &str) -> Vec<ConllSentence> {
    let mut out = Vec::new();
    let mut cur = ConllSentence::default();
    let mut document = 0;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            document += 1;
            continue;
        }
        if line.starts_with('#') && !line.starts_with("#\t") {
            continue;
        }
        // Tab-separated lines keep the spaces inside a token (`Hà Nội\tNp\tB-NP\tB-LOC`, the
        // VLSP 2016 format); lines without a tab are split on spaces (CoNLL-2003).
        let separator: &[char] = if line.contains('\t') { &['\t'] } else { &[' '] };
        let mut cols = line.split(separator).filter(|c| !c.is_empty());
        let Some(token) = cols.next() else { continue };
        let tag = cols.next_back().unwrap_or("O");
        cur.document = document;
        cur.tokens.push(token.to_owned());
        cur.tags.push(tag.to_owned());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    out
}

/// The spans `(start, end, type)` of a BIO tag sequence, in tokens; an `I-` tag that does
/// not continue a span of its type starts one (conlleval's reading).
///
/// Use it to turn tags (gold or predicted) into entities, for scoring or for printing.
///
/// ```
/// let tags: Vec<String> = ["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-LOC"]
///     .iter()
///     .map(|t| t.to_string())
///     .collect();
/// assert_eq!(vntext::bio_spans(&tags), [
///     (0, 2, "PER".to_string()),
///     (3, 4, "LOC".to_string()),
///     (4, 6, "LOC".to_string()),
/// ]);
/// ```
pub fn bio_spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (bio, typ) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
        let continues = bio == "I" && cur.is_some_and(|(_, t)| t == typ);
        if !continues {
            if let Some((s, t)) = cur.take() {
                out.push((s, i, t.to_owned()));
            }
            if bio == "B" || bio == "I" {
                cur = Some((i, typ));
            }
        }
    }
    if let Some((s, t)) = cur {
        out.push((s, tags.len(), t.to_owned()));
    }
    out
}

impl Recognizer {
    /// BIO tags for pre-split tokens: they are joined with single spaces (`_` inside a token
    /// counts as a space, for word-segmented sets like `Hồ_Văn_Mười`), recognized, and a
    /// token is tagged when a (non-nested) entity's whole mention covers it (the VLSP
    /// convention: `tỉnh Đắk Nông` is one LOC). Types: PER (Person), LOC (Province,
    /// Location, MilitaryRegion after a place word such as `địa bàn`, `tại`), ORG
    /// (Organization, other MilitaryRegion mentions such as `thuộc Quân khu 5`), MISC, DATE,
    /// TIME.
    ///
    /// Use it to score the recognizer on an annotated corpus (`vntext ner-conll` does), or to
    /// feed it text that is already split into tokens.
    ///
    /// ```
    /// use vntext::Recognizer;
    ///
    /// let tags = Recognizer::builtin().tag_tokens(&["Ông", "Hồ_Văn_Mười", "đến", "Đắk", "Nông"]);
    /// assert_eq!(tags, ["O", "B-PER", "O", "B-LOC", "I-LOC"]);
    /// ```
    pub fn tag_tokens<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<String> {
        self.tag_document(&[tokens]).pop().unwrap_or_default()
    }

    /// [`tag_tokens`](Self::tag_tokens) for many sentences at once, recognized as one text
    /// with a line per sentence (so the sentences of one document share its memory).
    ///
    /// Group the sentences of a [`read_conll`] file by [`ConllSentence::document`] and tag each
    /// group with one call.
    ///
    /// ```
    /// use vntext::{Recognizer, read_conll};
    ///
    /// let doc = read_conll("Ông\tO\nHồ_Văn_Mười\tB-PER\nđến\tO\n\nĐắk\tB-LOC\nNông\tI-LOC\n");
    /// let sentences: Vec<&[String]> = doc.iter().map(|s| &s.tokens[..]).collect();
    /// let tags = Recognizer::builtin().tag_document(&sentences);
    /// assert_eq!(tags.len(), 2);
    /// assert_eq!(tags[0], ["O", "B-PER", "O"]);
    /// assert_eq!(tags[1].len(), 2);
    /// ```
    pub fn tag_document<T: AsRef<[S]>, S: AsRef<str>>(&self, sentences: &[T]) -> Vec<Vec<String>> {
        let mut text = String::new();
        let mut bounds: Vec<Vec<(usize, usize)>> = Vec::with_capacity(sentences.len());
        for sentence in sentences {
            if !text.is_empty() {
                text.push('\n');
            }
            let mut b = Vec::with_capacity(sentence.as_ref().len());
            for (k, t) in sentence.as_ref().iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.extend(t.as_ref().chars().map(|c| if matches!(c, '_' | '\n' | '\r') { ' ' } else { c }));
                b.push((start, text.len()));
            }
            bounds.push(b);
        }
        let mut tags: Vec<Vec<String>> = bounds.iter().map(|b| vec!["O".to_owned(); b.len()]).collect();
        for e in self.recognize_as(&text, true).iter().filter(|e| !e.nested) {
            let typ = match e.kind {
                EntityKind::Person => "PER",
                EntityKind::Province | EntityKind::Location => "LOC",
                EntityKind::Organization => "ORG",
                EntityKind::MilitaryRegion => {
                    let before =
                        text[..e.span.start].split_whitespace().next_back().unwrap_or("").to_lowercase();
                    if PLACE_WORDS.contains(&before.as_str()) { "LOC" } else { "ORG" }
                }
                EntityKind::Date => "DATE",
                EntityKind::Time => "TIME",
                _ => "MISC",
            };
            let span = e.mention;
            // The sentence holding the entity: the last one starting at or before it.
            let s = bounds.partition_point(|b| b.first().is_none_or(|&(start, _)| start <= span.start));
            let Some(s) = s.checked_sub(1) else { continue };
            let mut first = true;
            for (k, &(start, end)) in bounds[s].iter().enumerate() {
                if end > span.start && start < span.end && tags[s][k] == "O" {
                    tags[s][k] = format!("{}-{typ}", if first { "B" } else { "I" });
                    first = false;
                }
            }
        }
        tags
    }
}

/// Counts for one entity type (or a micro average over several), with precision, recall
/// and F1.
///
/// ```
/// let counts = vntext::NerCounts { correct: 3, predicted: 4, gold: 6 };
/// assert_eq!((counts.precision(), counts.recall()), (0.75, 0.5));
/// assert!((counts.f1() - 0.6).abs() < 1e-12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NerCounts {
    /// Predicted spans that match a gold span exactly (same tokens, same type).
    pub correct: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl NerCounts {
    /// Precision in 0..=1: correct / predicted (0 when nothing was predicted).
    ///
    /// ```
    /// use vntext::NerCounts;
    ///
    /// assert_eq!(NerCounts { correct: 1, predicted: 4, gold: 2 }.precision(), 0.25);
    /// assert_eq!(NerCounts::default().precision(), 0.0);
    /// ```
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 0.0 } else { self.correct as f64 / self.predicted as f64 }
    }

    /// Recall in 0..=1: correct / gold (0 when there is no gold span).
    ///
    /// ```
    /// use vntext::NerCounts;
    ///
    /// assert_eq!(NerCounts { correct: 1, predicted: 4, gold: 2 }.recall(), 0.5);
    /// assert_eq!(NerCounts::default().recall(), 0.0);
    /// ```
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.correct as f64 / self.gold as f64 }
    }

    /// F1 in 0..=1: the harmonic mean of precision and recall (0 when both are 0).
    ///
    /// ```
    /// use vntext::NerCounts;
    ///
    /// assert_eq!(NerCounts { correct: 2, predicted: 2, gold: 2 }.f1(), 1.0);
    /// assert_eq!(NerCounts { correct: 0, predicted: 3, gold: 2 }.f1(), 0.0);
    /// ```
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Per-type span counts over a test set, for [`CONLL_TYPES`]; gold spans of other types
/// (`EVENT`, `NUM`...) are counted apart and left out of the scores.
///
/// Scoring is by exact span (same tokens, same type), as conlleval does: add each
/// sentence's gold and predicted tags, then read the counts.
///
/// ```
/// use vntext::NerScores;
///
/// let tags = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
/// let mut scores = NerScores::default();
/// scores.add(&tags("B-PER I-PER O B-LOC B-EVENT"), &tags("B-PER I-PER O B-ORG O"));
/// assert_eq!(scores.by_type["PER"].correct, 1);
/// assert_eq!((scores.by_type["LOC"].gold, scores.by_type["ORG"].predicted), (1, 1));
/// assert_eq!(scores.ignored["EVENT"], 1);
/// // ORG is not in the gold data, so `total` leaves it out.
/// assert_eq!(scores.total(), vntext::NerCounts { correct: 1, predicted: 1, gold: 2 });
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NerScores {
    /// Counts per type.
    pub by_type: BTreeMap<String, NerCounts>,
    /// Gold spans of types the recognizer does not produce, per type.
    pub ignored: BTreeMap<String, usize>,
}

impl NerScores {
    /// Adds one sentence's gold and predicted tags (two sequences of the same length).
    ///
    /// ```
    /// use vntext::NerScores;
    ///
    /// let tags = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
    /// let mut scores = NerScores::default();
    /// scores.add(&tags("B-LOC I-LOC O"), &tags("B-LOC O O"));
    /// scores.add(&tags("O B-LOC"), &tags("O B-LOC"));
    /// assert_eq!(scores.by_type["LOC"], vntext::NerCounts { correct: 1, predicted: 2, gold: 2 });
    /// ```
    pub fn add(&mut self, gold: &[String], predicted: &[String]) {
        let gold = bio_spans(gold);
        let predicted = bio_spans(predicted);
        for g in &gold {
            if CONLL_TYPES.contains(&g.2.as_str()) {
                let c = self.by_type.entry(g.2.clone()).or_default();
                c.gold += 1;
                c.correct += usize::from(predicted.contains(g));
            } else {
                *self.ignored.entry(g.2.clone()).or_default() += 1;
            }
        }
        for p in &predicted {
            self.by_type.entry(p.2.clone()).or_default().predicted += 1;
        }
    }

    /// Counts over `types` (micro average), e.g. PER, LOC and ORG.
    ///
    /// ```
    /// use vntext::NerScores;
    ///
    /// let tags = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
    /// let mut scores = NerScores::default();
    /// scores.add(&tags("B-PER O B-ORG B-DATE"), &tags("B-PER O B-LOC B-DATE"));
    /// let pl = scores.micro(&["PER", "LOC", "ORG"]);
    /// assert_eq!((pl.correct, pl.predicted, pl.gold), (1, 2, 2));
    /// ```
    pub fn micro(&self, types: &[&str]) -> NerCounts {
        types.iter().filter_map(|t| self.by_type.get(*t)).fold(NerCounts::default(), |a, c| NerCounts {
            correct: a.correct + c.correct,
            predicted: a.predicted + c.predicted,
            gold: a.gold + c.gold,
        })
    }

    /// Counts over all scored types (micro average). Types the gold data never annotates
    /// are left out: a scheme without dates (VLSP 2016: PER, LOC, ORG, MISC) is not charged
    /// for the dates the recognizer finds. They stay in [`by_type`](Self::by_type).
    ///
    /// ```
    /// use vntext::NerScores;
    ///
    /// let tags = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
    /// let mut scores = NerScores::default();
    /// // The gold data has no DATE: the predicted date is not charged.
    /// scores.add(&tags("B-PER O O"), &tags("B-PER O B-DATE"));
    /// assert_eq!(scores.total().precision(), 1.0);
    /// assert_eq!(scores.by_type["DATE"].predicted, 1);
    /// ```
    pub fn total(&self) -> NerCounts {
        self.by_type.values().filter(|c| c.gold > 0).fold(NerCounts::default(), |a, c| NerCounts {
            correct: a.correct + c.correct,
            predicted: a.predicted + c.predicted,
            gold: a.gold + c.gold,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn spans_follow_conlleval() {
        assert_eq!(
            bio_spans(&tags("B-PER I-PER O I-LOC B-ORG B-ORG")),
            [
                (0, 2, "PER".to_owned()),
                (3, 4, "LOC".to_owned()),
                (4, 5, "ORG".to_owned()),
                (5, 6, "ORG".to_owned()),
            ]
        );
    }

    #[test]
    fn scores_count_exact_spans_and_ignore_other_types() {
        let mut s = NerScores::default();
        s.add(&tags("B-PER I-PER O B-NUM B-LOC"), &tags("B-PER O O O B-LOC"));
        let per = s.by_type["PER"];
        assert_eq!((per.correct, per.predicted, per.gold), (0, 1, 1));
        assert_eq!(s.total().correct, 1);
        assert_eq!(s.ignored["NUM"], 1);
        assert!((s.by_type["LOC"].f1() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn types_the_gold_never_annotates_are_left_out_of_the_total() {
        let mut s = NerScores::default();
        s.add(&tags("B-PER O B-LOC O"), &tags("B-PER O B-LOC B-DATE"));
        assert_eq!(s.by_type["DATE"].predicted, 1);
        assert_eq!((s.total().correct, s.total().predicted, s.total().gold), (2, 2, 2));
        s.add(&tags("B-DATE"), &tags("O"));
        assert_eq!((s.total().correct, s.total().predicted, s.total().gold), (2, 3, 3));
    }

    #[test]
    fn tab_separated_tokens_keep_their_spaces() {
        let s = read_conll(
            "Ông\tNc\tB-NP\tO\nHồ Văn Mười\tNp\tI-NP\tB-PER\nđến\tV\tB-VP\tO\nHà Nội\tNp\tB-NP\tB-LOC\n",
        );
        assert_eq!(s[0].tokens, ["Ông", "Hồ Văn Mười", "đến", "Hà Nội"]);
        assert_eq!(s[0].tags, ["O", "B-PER", "O", "B-LOC"]);
        let predicted = crate::Recognizer::builtin().tag_tokens(&s[0].tokens);
        assert_eq!(predicted, s[0].tags);
    }

    #[test]
    fn reads_columns_comments_and_docstart() {
        let s = read_conll("-DOCSTART- O\n\n# c\nHà\tNNP\tB-LOC\nNội\tNNP\tI-LOC\n\nx\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["Hà", "Nội"]);
        assert_eq!(s[0].tags, ["B-LOC", "I-LOC"]);
        assert_eq!(s[1].tags, ["O"]);
    }
}
