//! The one place where the `analyze` and `throughput` commands (and the `pipeline` bench) call the crate's
//! stages. Each optional stage (abbreviation expansion, named entities, word segmentation)
//! is one small function here; a stage that this build does not have returns `None`, and
//! the callers report it as "not available" instead of printing zeros.
//!
//! To wire a stage when its module lands: fill in its function below (return `Some`).
//! Nothing else in the tools names a stage's API.

// Shared by the `analyze` and `throughput` commands and, through `#[path]`, the library's
// `pipeline` bench; each uses a part.
#![allow(dead_code)]

use std::borrow::Cow;

use vntext::{Abbreviations, Normalizer, Recognizer, Span, TokenKind, WordSegmenter};

/// Every optional stage, wired or not, in pipeline order.
pub const OPTIONAL: &[&str] = &["expand", "ner", "segment"];

/// One abbreviation the expander replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion<'h> {
    /// Where the abbreviation is in the analysed text.
    pub span: Span,
    /// The abbreviation as written.
    pub surface: &'h str,
    /// What it was expanded to.
    pub expansion: String,
}

/// One named entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<'h> {
    /// Where the entity is in the analysed text.
    pub span: Span,
    /// Its kind in lower case (`person`, `province`, ...).
    pub kind: &'static str,
    /// The entity as written.
    pub text: &'h str,
    /// The gazetteer record it resolved to, described in one line, if any.
    pub record: Option<String>,
}

/// One word of the segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Where the word is in the analysed text.
    pub span: Span,
    /// How many word tokens (syllables, foreign words, abbreviations) it joins: `TP.` joins
    /// two tokens but one syllable.
    pub syllables: usize,
}

/// Counts of one document's tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenCounts {
    /// Tokens other than whitespace.
    pub tokens: usize,
    /// Word tokens (syllables, foreign words, abbreviations).
    pub words: usize,
    /// Abbreviation tokens.
    pub abbreviations: usize,
}

/// The engines, built once and shared by every worker thread through `&self`.
pub struct Pipeline {
    normalizer: Normalizer,
    abbreviations: &'static Abbreviations,
    recognizer: &'static Recognizer,
    segmenter: &'static WordSegmenter,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// Builds (or fetches the built-in) engines of every wired stage, so that first use
    /// inside a timed loop does not pay for construction.
    pub fn new() -> Pipeline {
        let pipeline = Pipeline {
            normalizer: Normalizer::new(),
            abbreviations: Abbreviations::builtin(),
            recognizer: Recognizer::builtin(),
            segmenter: WordSegmenter::builtin(),
        };
        // Touch every wired stage once: built-ins are lazily constructed.
        let warm = "UBND tỉnh Đắk Nông.";
        let _ = (pipeline.expand(warm), pipeline.entities(warm), pipeline.segment(warm));
        pipeline
    }

    /// True when normalization would change `text` (not NFC, old/new tone placement
    /// mixed, look-alike letters, odd spaces): the check dictionary keys rely on.
    pub fn needs_normalization(&self, text: &str) -> bool {
        matches!(self.normalizer.normalize(text), Cow::Owned(_))
    }

    /// Normalized text (the `normalize` stage).
    pub fn normalize<'h>(&self, text: &'h str) -> Cow<'h, str> {
        self.normalizer.normalize(text)
    }

    /// Counts the tokens of `text`, calling `each` on every abbreviation token.
    pub fn count_tokens<'h>(&self, text: &'h str, mut each: impl FnMut(&'h str, Span)) -> TokenCounts {
        let mut counts = TokenCounts::default();
        for t in vntext::tokenize(text) {
            match t.kind() {
                TokenKind::Whitespace => continue,
                TokenKind::Abbreviation => {
                    counts.abbreviations += 1;
                    each(t.as_str(), t.span());
                }
                _ => {}
            }
            counts.tokens += 1;
            counts.words += usize::from(t.kind().is_word());
        }
        counts
    }

    /// Sentence spans.
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        vntext::sentences(text).map(|s| s.span).collect()
    }

    /// Abbreviations expanded in `text`, or `None` when this build has no expander. The
    /// expanded text is built too (that is the stage's cost) though only the matches are
    /// kept; a defining mention (`(UBND)` after its long form) is left as written.
    pub fn expand<'h>(&self, text: &'h str) -> Option<Vec<Expansion<'h>>> {
        let expanded = self.abbreviations.expand(text);
        let found = expanded.into_matches().into_iter().filter(|m| !m.defining);
        Some(
            found
                .map(|m| Expansion { span: m.span, surface: m.surface, expansion: m.expansion.into_owned() })
                .collect(),
        )
    }

    /// Named entities of `text` (nested ones included), or `None` when this build has no
    /// recognizer.
    pub fn entities<'h>(&self, text: &'h str) -> Option<Vec<Entity<'h>>> {
        let r = self.recognizer;
        let found = r.recognize(text).into_iter().map(|e| Entity {
            span: e.span,
            kind: e.kind.as_str(),
            text: e.text,
            record: e.record.is_some().then(|| r.describe(&e)),
        });
        Some(found.collect())
    }

    /// The words of `text` (a multi-syllable word is one), or `None` when this build has
    /// no segmenter.
    pub fn segment(&self, text: &str) -> Option<Vec<Word>> {
        let words = self.segmenter.segment(text);
        let syllables = |w: &vntext::Word<'_>| match w.token_count() {
            1 => 1,
            _ => vntext::tokenize(w.as_str()).filter(|t| t.kind().is_word()).count(),
        };
        Some(words.iter().map(|w| Word { span: w.span(), syllables: syllables(w) }).collect())
    }
}
