//! Reading input incrementally and cutting it into documents, never holding more than a
//! bounded window: lines are read at most `max_bytes` at a time (a file without newlines is
//! cut at a `char` boundary) and a document longer than `max_bytes` is emitted in parts.
//!
//! Layout, decided by the first non-blank line of each source:
//! - **titles**: the source starts with a `### title` line (the Wikipedia dumps); each such
//!   line starts a new document named by its title, and the title line is not part of the
//!   document's text. Blank lines stay inside documents.
//! - **paragraphs**: otherwise a blank line ends a document; blank lines belong to none.

use std::io::{self, BufRead, Read};
use std::sync::Arc;

/// One line (or, for a line longer than the window, one piece of it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The text, with its line ending when it has one.
    pub text: String,
    /// Byte offset of `text` in the source.
    pub offset: u64,
    /// 1-based line number.
    pub number: usize,
    /// False for the second and later pieces of a line longer than the window.
    pub line_start: bool,
}

/// Reads lines of at most `max_bytes` bytes, whole UTF-8 characters only.
pub struct Lines<R> {
    reader: R,
    max_bytes: usize,
    carry: Vec<u8>,
    offset: u64,
    number: usize,
    line_start: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`, each at most `max_bytes` (at least 4) bytes long.
    pub fn new(reader: R, max_bytes: usize) -> Lines<R> {
        Lines {
            reader,
            max_bytes: max_bytes.max(4),
            carry: Vec::new(),
            offset: 0,
            number: 1,
            line_start: true,
        }
    }

    /// The next line or piece of a line; an `InvalidData` error gives the byte offset of the
    /// first invalid byte (and the line it is on).
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut buf = std::mem::take(&mut self.carry);
        let limit = (self.max_bytes - buf.len()) as u64;
        let read = (&mut self.reader).take(limit).read_until(b'\n', &mut buf)?;
        if buf.is_empty() {
            return Ok(None);
        }
        let ended = buf.last() == Some(&b'\n') || read < limit as usize;
        if !ended {
            // Cut inside a long line: keep an incomplete trailing character for the next piece.
            if let Err(e) = std::str::from_utf8(&buf)
                && e.error_len().is_none()
                && e.valid_up_to() > 0
            {
                self.carry = buf.split_off(e.valid_up_to());
            }
        }
        let number = self.number;
        if let Some(e) = crate::input::utf8_error(&buf, self.offset, true) {
            return Err(io::Error::new(io::ErrorKind::InvalidData, format!("line {number}: {e}")));
        }
        let text = String::from_utf8(buf).unwrap_or_default();
        let line = Line { offset: self.offset, number, line_start: self.line_start, text };
        self.offset += line.text.len() as u64;
        if ended {
            self.number += 1;
        }
        self.line_start = ended;
        Ok(Some(line))
    }
}

/// A document: a bounded piece of one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// The file it came from (`-` for standard input).
    pub source: Arc<str>,
    /// Its title, or `line N` for a paragraph; `#2`, `#3`... for further parts of a
    /// document cut at the size bound.
    pub id: String,
    /// 1-based line number of its first line.
    pub line: usize,
    /// Byte offset of `text` in the source (spans in the output are relative to `text`).
    pub offset: u64,
    /// The text.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    Unknown,
    Titles,
    Paragraphs,
}

/// Cuts a stream of lines into documents.
pub struct Splitter {
    source: Arc<str>,
    max_bytes: usize,
    layout: Layout,
    name: Option<String>,
    part: usize,
    current: Option<Doc>,
}

fn title_of(line: &Line) -> Option<&str> {
    line.text.strip_prefix("### ").filter(|_| line.line_start).map(str::trim)
}

impl Splitter {
    /// A splitter for lines of `source`; documents are at most `max_bytes` long (lines
    /// must be too: read them with [`Lines`] and the same bound).
    pub fn new(source: Arc<str>, max_bytes: usize) -> Splitter {
        Splitter { source, max_bytes, layout: Layout::Unknown, name: None, part: 1, current: None }
    }

    /// Adds a line; returns the document it completes, if any.
    pub fn push(&mut self, line: Line) -> Option<Doc> {
        let blank = line.text.trim().is_empty();
        if self.layout == Layout::Unknown {
            if blank {
                return None;
            }
            self.layout = if title_of(&line).is_some() { Layout::Titles } else { Layout::Paragraphs };
        }
        if self.layout == Layout::Titles
            && let Some(title) = title_of(&line)
        {
            let done = self.take();
            self.name = Some(title.to_owned());
            self.part = 1;
            return done;
        }
        if self.layout == Layout::Paragraphs && blank {
            let done = self.take();
            self.name = None;
            self.part = 1;
            return done;
        }
        let mut done = None;
        if self.current.as_ref().is_some_and(|d| d.text.len() + line.text.len() > self.max_bytes) {
            done = self.take();
            self.part += 1;
        }
        match &mut self.current {
            Some(doc) => doc.text.push_str(&line.text),
            None => {
                let name = self.name.get_or_insert_with(|| format!("line {}", line.number));
                let id = if self.part > 1 { format!("{name} #{}", self.part) } else { name.clone() };
                self.current = Some(Doc {
                    source: self.source.clone(),
                    id,
                    line: line.number,
                    offset: line.offset,
                    text: line.text,
                });
            }
        }
        done
    }

    /// The last document, at the end of the source.
    pub fn finish(&mut self) -> Option<Doc> {
        self.take()
    }

    fn take(&mut self) -> Option<Doc> {
        let doc = self.current.take()?;
        (!doc.text.trim().is_empty()).then_some(doc)
    }
}

/// Every document of one source, in order (for tests and small inputs).
#[cfg(test)]
pub fn split_all(src: &str, max_bytes: usize) -> io::Result<Vec<Doc>> {
    let mut lines = Lines::new(src.as_bytes(), max_bytes);
    let mut splitter = Splitter::new(Arc::from("t"), max_bytes);
    let mut docs = Vec::new();
    while let Some(line) = lines.next_line()? {
        docs.extend(splitter.push(line));
    }
    docs.extend(splitter.finish());
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids_and_texts(docs: &[Doc]) -> Vec<(&str, &str)> {
        docs.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect()
    }

    #[test]
    fn titles_start_documents_and_blank_lines_stay_inside() {
        let src = "### Hà Nội\nThủ đô.\n\n== Tham khảo ==\n### Huế\nCố đô.\n";
        let docs = split_all(src, 1 << 20).unwrap();
        assert_eq!(ids_and_texts(&docs), [("Hà Nội", "Thủ đô.\n\n== Tham khảo ==\n"), ("Huế", "Cố đô.\n")]);
        assert_eq!((docs[1].line, docs[1].offset), (6, src.find("Cố").unwrap() as u64));
    }

    #[test]
    fn blank_lines_separate_paragraphs_when_there_are_no_titles() {
        let src = "\n\nMột.\nHai.\n \nBa.";
        let docs = split_all(src, 1 << 20).unwrap();
        assert_eq!(ids_and_texts(&docs), [("line 3", "Một.\nHai.\n"), ("line 6", "Ba.")]);
        assert_eq!(&src[docs[1].offset as usize..], "Ba.");
    }

    #[test]
    fn a_hash_line_later_in_a_paragraph_file_is_text() {
        let docs = split_all("Một.\n### Không phải tiêu đề\n", 1 << 20).unwrap();
        assert_eq!(ids_and_texts(&docs), [("line 1", "Một.\n### Không phải tiêu đề\n")]);
    }

    #[test]
    fn long_documents_are_cut_into_bounded_parts_at_line_ends() {
        let src = "### T\naaaa\nbbbb\ncccc\n";
        let docs = split_all(src, 10).unwrap();
        assert_eq!(ids_and_texts(&docs), [("T", "aaaa\nbbbb\n"), ("T #2", "cccc\n")]);
        assert!(docs.iter().all(|d| d.text.len() <= 10));
    }

    #[test]
    fn a_line_longer_than_the_window_is_cut_on_char_boundaries_and_nothing_is_lost() {
        let src = "Đắk Nông đẹp lắm ".repeat(50);
        let docs = split_all(&src, 16).unwrap();
        assert!(docs.len() > 10);
        assert!(docs.iter().all(|d| d.text.len() <= 16));
        assert_eq!((docs[0].id.as_str(), docs[2].id.as_str()), ("line 1", "line 1 #3"));
        let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(joined, src);
        for d in &docs {
            assert_eq!(&src[d.offset as usize..d.offset as usize + d.text.len()], d.text);
        }
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_the_line() {
        let bytes: &[u8] = b"ok\nbad \xff here\n";
        let mut lines = Lines::new(bytes, 1 << 20);
        assert!(lines.next_line().unwrap().is_some());
        let err = lines.next_line().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        let msg = err.to_string();
        assert!(msg.starts_with("line 2: not UTF-8: invalid byte 0xFF at byte offset 7;"), "{msg}");
    }

    #[test]
    fn an_empty_or_blank_source_has_no_documents() {
        assert!(split_all("", 100).unwrap().is_empty());
        assert!(split_all("\n \n\t\n", 100).unwrap().is_empty());
    }
}
