//! Python bindings of vntext (`import vntext`).
//!
//! Every function releases the GIL while Rust works; the `_batch` forms also spread a list over
//! the machine's cores. Offsets given to Python are string indices (code points), as `text[start:end]`
//! expects; the byte offsets of the Rust API are kept as `byte_start` and `byte_end`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use vntext::{Abbreviations, Recognizer, WordSegmenter};

/// A token: a syllable, a word in another language, a number, a date, punctuation...
#[pyclass(frozen, module = "vntext", get_all)]
#[derive(Clone)]
struct Token {
    /// The token's text.
    text: String,
    /// Its kind (`"syllable"`, `"number"`, `"date"`, `"punctuation"`...).
    kind: &'static str,
    /// Where it starts, as a string index.
    start: usize,
    /// Where it ends, as a string index.
    end: usize,
    /// Where it starts, in UTF-8 bytes.
    byte_start: usize,
    /// Where it ends, in UTF-8 bytes.
    byte_end: usize,
}

#[pymethods]
impl Token {
    fn __repr__(&self) -> String {
        format!("Token({:?}, {:?}, {}, {})", self.text, self.kind, self.start, self.end)
    }

    fn __eq__(&self, other: &Token) -> bool {
        (&self.text, self.kind, self.start, self.end) == (&other.text, other.kind, other.start, other.end)
    }
}

/// A named entity: a person, a place, a province, a military region, an organisation, a date or a time.
#[pyclass(frozen, module = "vntext", get_all)]
#[derive(Clone)]
struct Entity {
    /// The entity's text.
    text: String,
    /// Its kind (`"person"`, `"province"`, `"military_region"`, `"organization"`, `"location"`,
    /// `"date"`, `"time"`).
    kind: &'static str,
    /// Where it starts, as a string index.
    start: usize,
    /// Where it ends, as a string index.
    end: usize,
    /// Where it starts, in UTF-8 bytes.
    byte_start: usize,
    /// Where it ends, in UTF-8 bytes.
    byte_end: usize,
    /// The gazetteer record it refers to, described on one line, or None.
    record: Option<String>,
    /// True when it lies inside the entity before it.
    nested: bool,
}

#[pymethods]
impl Entity {
    fn __repr__(&self) -> String {
        let record = self.record.as_ref().map_or("None".to_owned(), |r| format!("{r:?}"));
        format!("Entity({:?}, {:?}, {}, {}, record={record})", self.text, self.kind, self.start, self.end)
    }

    /// The entity as a dict (`text`, `kind`, `start`, `end`, `byte_start`, `byte_end`, `record`,
    /// `nested`), e.g. for a pandas DataFrame.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let d = pyo3::types::PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("kind", self.kind)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("byte_start", self.byte_start)?;
        d.set_item("byte_end", self.byte_end)?;
        d.set_item("record", &self.record)?;
        d.set_item("nested", self.nested)?;
        Ok(d)
    }

    fn __eq__(&self, other: &Entity) -> bool {
        (&self.text, self.kind, self.start, self.end, &self.record, self.nested)
            == (&other.text, other.kind, other.start, other.end, &other.record, other.nested)
    }
}

/// Byte offsets to string indices: all the offsets a result needs, converted in one pass.
struct CharOffsets<'t> {
    text: &'t str,
    ascii: bool,
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str, mut bytes: Vec<usize>) -> CharOffsets<'t> {
        if text.is_ascii() {
            return CharOffsets { text, ascii: true, bytes: Vec::new(), chars: Vec::new() };
        }
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let (mut byte, mut count) = (0, 0);
        for &b in &bytes {
            count += text[byte..b].chars().count();
            byte = b;
            chars.push(count);
        }
        CharOffsets { text, ascii: false, bytes, chars }
    }

    fn get(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            // Not registered: count from the start (never happens for the offsets passed to `new`).
            Err(_) => self.text[..byte].chars().count(),
        }
    }
}

fn tokens_of(text: &str) -> Vec<Token> {
    let tokens: Vec<_> = vntext::tokenize(text).collect();
    let offsets =
        CharOffsets::new(text, tokens.iter().flat_map(|t| [t.span().start, t.span().end]).collect());
    tokens
        .iter()
        .map(|t| Token {
            text: t.as_str().to_owned(),
            kind: t.kind().as_str(),
            start: offsets.get(t.span().start),
            end: offsets.get(t.span().end),
            byte_start: t.span().start,
            byte_end: t.span().end,
        })
        .collect()
}

fn token_texts(text: &str) -> Vec<String> {
    vntext::tokenize(text).map(|t| t.as_str().to_owned()).collect()
}

fn sentence_texts(text: &str) -> Vec<String> {
    vntext::sentences(text).map(|s| s.text.to_owned()).collect()
}

/// How `word_tokenize` returns its words.
#[derive(Clone, Copy)]
enum WordFormat {
    /// A list of words, each with its syllables separated as in the input.
    List,
    /// One string: words separated by spaces, the syllables of a word joined by `_` (a `_` of
    /// the input written `\_`, a `\` written `\\`, as the CLI does: `vntext::write_joined`).
    Text,
}

impl WordFormat {
    fn parse(format: Option<&str>) -> PyResult<WordFormat> {
        match format {
            None => Ok(WordFormat::List),
            Some("text") => Ok(WordFormat::Text),
            Some(other) => {
                Err(PyValueError::new_err(format!("format must be None or \"text\", not {other:?}")))
            }
        }
    }
}

enum Words {
    List(Vec<String>),
    Text(String),
}

impl<'py> IntoPyObject<'py> for Words {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Words::List(words) => Ok(words.into_pyobject(py)?.into_any()),
            Words::Text(text) => Ok(text.into_pyobject(py)?.into_any()),
        }
    }
}

fn words_of(text: &str, format: WordFormat) -> Words {
    let words = WordSegmenter::builtin().segment(text);
    match format {
        WordFormat::List => Words::List(words.iter().map(|w| w.as_str().to_owned()).collect()),
        WordFormat::Text => {
            let mut out = String::with_capacity(text.len() + 8);
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                vntext::write_joined(w.as_str(), &mut out);
            }
            Words::Text(out)
        }
    }
}

fn entities_of(text: &str) -> Vec<Entity> {
    let recognizer = Recognizer::builtin();
    let found = recognizer.recognize(text);
    let offsets = CharOffsets::new(text, found.iter().flat_map(|e| [e.span.start, e.span.end]).collect());
    found
        .iter()
        .map(|e| {
            let record = recognizer.describe(e);
            Entity {
                text: e.text.to_owned(),
                kind: e.kind.as_str(),
                start: offsets.get(e.span.start),
                end: offsets.get(e.span.end),
                byte_start: e.span.start,
                byte_end: e.span.end,
                record: (!record.is_empty()).then_some(record),
                nested: e.nested,
            }
        })
        .collect()
}

fn expanded(text: &str) -> String {
    Abbreviations::builtin().expand(text).into_string()
}

fn normalized(text: &str) -> String {
    vntext::normalize(text).into_owned()
}

/// `f` over every text, on all cores: contiguous chunks, one thread each, results in order.
fn parallel_map<T: Send>(texts: &[String], f: impl Fn(&str) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(texts.len().max(1));
    if threads <= 1 || texts.len() < 64 {
        return texts.iter().map(|t| f(t)).collect();
    }
    let chunk = texts.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(|t| f(t)).collect::<Vec<T>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// The tokens of `text` as strings (`format=None`), or one string with the tokens separated by
/// spaces (`format="text"`), as underthesea's `tokenize`.
#[pyfunction]
#[pyo3(signature = (text, format=None))]
fn tokenize(py: Python<'_>, text: &str, format: Option<&str>) -> PyResult<Words> {
    let format = WordFormat::parse(format)?;
    let tokens = py.detach(|| token_texts(text));
    Ok(match format {
        WordFormat::List => Words::List(tokens),
        WordFormat::Text => Words::Text(tokens.join(" ")),
    })
}

/// The tokens of `text` with their kinds and offsets.
#[pyfunction]
fn tokens(py: Python<'_>, text: &str) -> Vec<Token> {
    py.detach(|| tokens_of(text))
}

/// The sentences of `text`, as underthesea's `sent_tokenize`.
#[pyfunction]
fn sent_tokenize(py: Python<'_>, text: &str) -> Vec<String> {
    py.detach(|| sentence_texts(text))
}

/// The words of `sentence`, as underthesea's `word_tokenize`: a list of words (`format=None`),
/// or one string with the syllables of each word joined by `_` (`format="text"`).
#[pyfunction]
#[pyo3(signature = (sentence, format=None))]
fn word_tokenize(py: Python<'_>, sentence: &str, format: Option<&str>) -> PyResult<Words> {
    let format = WordFormat::parse(format)?;
    Ok(py.detach(|| words_of(sentence, format)))
}

/// `text` normalized: NFC, look-alike letters, odd spaces, tone marks placed the old way (`hòa`).
#[pyfunction]
fn text_normalize(py: Python<'_>, text: &str) -> String {
    py.detach(|| normalized(text))
}

/// The named entities of `text`, sorted by start.
#[pyfunction]
fn ner(py: Python<'_>, text: &str) -> Vec<Entity> {
    py.detach(|| entities_of(text))
}

/// `text` with its abbreviations expanded (`UBND` → `Ủy ban nhân dân`).
#[pyfunction]
fn expand(py: Python<'_>, text: &str) -> String {
    py.detach(|| expanded(text))
}

/// `tokenize` over a list of texts, on all cores.
#[pyfunction]
#[pyo3(signature = (texts, format=None))]
fn tokenize_batch(py: Python<'_>, texts: Vec<String>, format: Option<&str>) -> PyResult<Vec<Words>> {
    let format = WordFormat::parse(format)?;
    let all = py.detach(|| parallel_map(&texts, token_texts));
    Ok(all
        .into_iter()
        .map(|tokens| match format {
            WordFormat::List => Words::List(tokens),
            WordFormat::Text => Words::Text(tokens.join(" ")),
        })
        .collect())
}

/// `sent_tokenize` over a list of texts, on all cores.
#[pyfunction]
fn sent_tokenize_batch(py: Python<'_>, texts: Vec<String>) -> Vec<Vec<String>> {
    py.detach(|| parallel_map(&texts, sentence_texts))
}

/// `word_tokenize` over a list of sentences, on all cores.
#[pyfunction]
#[pyo3(signature = (sentences, format=None))]
fn word_tokenize_batch(py: Python<'_>, sentences: Vec<String>, format: Option<&str>) -> PyResult<Vec<Words>> {
    let format = WordFormat::parse(format)?;
    Ok(py.detach(|| parallel_map(&sentences, |s| words_of(s, format))))
}

/// `text_normalize` over a list of texts, on all cores.
#[pyfunction]
fn text_normalize_batch(py: Python<'_>, texts: Vec<String>) -> Vec<String> {
    py.detach(|| parallel_map(&texts, normalized))
}

/// `ner` over a list of texts, on all cores.
#[pyfunction]
fn ner_batch(py: Python<'_>, texts: Vec<String>) -> Vec<Vec<Entity>> {
    py.detach(|| parallel_map(&texts, entities_of))
}

/// `expand` over a list of texts, on all cores.
#[pyfunction]
fn expand_batch(py: Python<'_>, texts: Vec<String>) -> Vec<String> {
    py.detach(|| parallel_map(&texts, expanded))
}

#[pymodule]
fn _vntext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Token>()?;
    m.add_class::<Entity>()?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokens, m)?)?;
    m.add_function(wrap_pyfunction!(sent_tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(word_tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(text_normalize, m)?)?;
    m.add_function(wrap_pyfunction!(ner, m)?)?;
    m.add_function(wrap_pyfunction!(expand, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(sent_tokenize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(word_tokenize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(text_normalize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(ner_batch, m)?)?;
    m.add_function(wrap_pyfunction!(expand_batch, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
