//! The crate's one error type.

use std::fmt;
use std::path::{Path, PathBuf};

/// What can go wrong in vntext: reading files, parsing user data, loading models.
///
/// Built-in data never fails (tests check it), so only the `from_*` constructors that take
/// the caller's data or files return this.
///
/// The error is opaque: ask it what kind of failure it is ([`kind`](Error::kind)), which file
/// ([`path`](Error::path)) and which line ([`line`](Error::line)) it is about, and, for text that
/// is not UTF-8, where the first bad byte is ([`offset`](Error::offset)). An I/O error keeps the
/// underlying [`std::io::Error`] as its [`source`](std::error::Error::source). Its
/// [`Display`](std::fmt::Display) form names the file and line of a bad row.
///
/// ```
/// # #[cfg(feature = "abbrev")] {
/// use std::path::Path;
/// use vntext::{Abbreviations, ErrorKind};
///
/// // A dictionary whose third line has no expansion.
/// let tsv = "abbreviation\texpansion\tdomain\tcues\nUBND\tỦy ban nhân dân\nHĐND\n";
/// let err = Abbreviations::from_tsv("my.tsv", tsv).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Data);
/// assert_eq!((err.path(), err.line()), (Some(Path::new("my.tsv")), Some(3)));
/// assert!(err.to_string().starts_with("my.tsv:3: "), "{err}");
/// # }
/// # #[cfg(feature = "segment")] {
///
/// let err = vntext::WordSegmenter::from_model_bytes(b"not a model").unwrap_err();
/// assert_eq!(err.kind(), vntext::ErrorKind::Model);
/// assert_eq!((err.path(), err.line()), (None, None));
/// # }
/// ```
pub struct Error {
    // Boxed: errors are rare, and a `Result` of a small value stays small.
    repr: Box<Repr>,
}

#[derive(Debug)]
enum Repr {
    Io { path: Option<PathBuf>, source: std::io::Error },
    // `line` 0: the file as a whole is wrong.
    Data { file: String, line: usize, message: String },
    Model { message: String },
    NotUtf8 { offset: usize },
}

/// The kind of an [`Error`], from [`Error::kind`].
///
/// The enum is `#[non_exhaustive]`: match the kinds you handle and keep a `_` arm.
///
/// ```
/// # #[cfg(feature = "segment")] {
/// use vntext::ErrorKind;
///
/// let err = vntext::WordSegmenter::from_model_bytes(b"not a model").unwrap_err();
/// let advice = match err.kind() {
///     ErrorKind::Io => "check the file",
///     ErrorKind::Data | ErrorKind::Model => "check what is in the file",
///     _ => "check the input",
/// };
/// assert_eq!(advice, "check what is in the file");
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a file or stream failed; [`Error::path`] names the file when there is one, and
    /// the [`std::io::Error`] is the error's [`source`](std::error::Error::source).
    Io,
    /// A row of a data file (TSV dictionary, gazetteer) is wrong; [`Error::path`] is the file's
    /// name as the caller gave it and [`Error::line`] the row's line.
    Data,
    /// A binary model is corrupt, truncated or of another version, or training data cannot make
    /// one.
    Model,
    /// Input that is not UTF-8 text; [`Error::offset`] is where the first invalid byte is.
    NotUtf8,
}

/// `Result` with [`Error`].
///
/// ```
/// # #[cfg(feature = "abbrev")] {
/// fn load(tsv: &str) -> vntext::Result<usize> {
///     let dictionary = vntext::Abbreviations::from_tsv("inline", tsv)?;
///     Ok(dictionary.len())
/// }
/// let tsv = "abbreviation\texpansion\tdomain\tcues\nUBND\tỦy ban nhân dân\n";
/// assert_eq!(load(tsv).unwrap(), 1);
/// assert!(load("no header").is_err());
/// # }
/// ```
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[allow(dead_code)] // used by the data-loading stages
impl Error {
    fn new(repr: Repr) -> Error {
        Error { repr: Box::new(repr) }
    }

    /// A bad row of `file` (`line` 1-based; 0 when the file as a whole is wrong).
    pub(crate) fn data(file: &str, line: usize, message: impl Into<String>) -> Error {
        Error::new(Repr::Data { file: file.to_owned(), line, message: message.into() })
    }

    pub(crate) fn model(message: impl Into<String>) -> Error {
        Error::new(Repr::Model { message: message.into() })
    }

    /// Reading `path` failed: every file the crate reads goes through here, so that the error
    /// names it.
    pub(crate) fn io(path: impl AsRef<Path>, source: std::io::Error) -> Error {
        Error::new(Repr::Io { path: Some(path.as_ref().to_owned()), source })
    }

    /// What kind of failure this is.
    ///
    /// ```
    /// # #[cfg(feature = "abbrev")] {
    /// let err = vntext::Abbreviations::from_tsv("my.tsv", "no header").unwrap_err();
    /// assert_eq!(err.kind(), vntext::ErrorKind::Data);
    /// # }
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match *self.repr {
            Repr::Io { .. } => ErrorKind::Io,
            Repr::Data { .. } => ErrorKind::Data,
            Repr::Model { .. } => ErrorKind::Model,
            Repr::NotUtf8 { .. } => ErrorKind::NotUtf8,
        }
    }

    /// The file the error is about: the file that could not be read, or the data file with the
    /// bad row (its name as the caller gave it). `None` for models given as bytes and for
    /// text.
    ///
    /// ```
    /// # #[cfg(feature = "abbrev")] {
    /// use std::path::Path;
    ///
    /// let err = vntext::Abbreviations::from_tsv("data/my.tsv", "no header").unwrap_err();
    /// assert_eq!(err.path(), Some(Path::new("data/my.tsv")));
    /// # }
    /// ```
    pub fn path(&self) -> Option<&Path> {
        match &*self.repr {
            Repr::Io { path, .. } => path.as_deref(),
            Repr::Data { file, .. } => Some(Path::new(file)),
            Repr::Model { .. } | Repr::NotUtf8 { .. } => None,
        }
    }

    /// The 1-based line of the bad row of a data file; `None` when the error is not about one
    /// line (an empty file, without even a header row, is wrong as a whole).
    ///
    /// ```
    /// # #[cfg(feature = "abbrev")] {
    /// // The second row (line 3) has no expansion.
    /// let tsv = "abbreviation\texpansion\tdomain\tcues\nUBND\tỦy ban nhân dân\nHĐND\n";
    /// let err = vntext::Abbreviations::from_tsv("my.tsv", tsv).unwrap_err();
    /// assert_eq!(err.line(), Some(3));
    /// # }
    /// ```
    pub fn line(&self) -> Option<usize> {
        match *self.repr {
            Repr::Data { line, .. } if line > 0 => Some(line),
            _ => None,
        }
    }

    /// For input that is not UTF-8 ([`ErrorKind::NotUtf8`]), the byte offset of the first
    /// invalid byte; `None` for the other kinds.
    ///
    /// ```
    /// let bytes = b"H\xe0 N\xe1\xbb\x99i".to_vec(); // `à` written in Latin-1
    /// let err: vntext::Error = std::str::from_utf8(&bytes).unwrap_err().into();
    /// assert_eq!((err.kind(), err.offset()), (vntext::ErrorKind::NotUtf8, Some(1)));
    /// ```
    pub fn offset(&self) -> Option<usize> {
        match *self.repr {
            Repr::NotUtf8 { offset } => Some(offset),
            _ => None,
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.repr, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.repr {
            Repr::Io { path: Some(path), source } => write!(f, "I/O error: {}: {source}", path.display()),
            Repr::Io { path: None, source } => write!(f, "I/O error: {source}"),
            Repr::Data { file, line: 0, message } => write!(f, "{file}: {message}"),
            Repr::Data { file, line, message } => write!(f, "{file}:{line}: {message}"),
            Repr::Model { message } => write!(f, "bad model: {message}"),
            Repr::NotUtf8 { offset } => write!(f, "input is not UTF-8 (invalid byte at offset {offset})"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.repr {
            Repr::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// An I/O error not tied to a file (a stream); the crate's own file reads name the file.
impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(Repr::Io { path: None, source: e })
    }
}

impl From<std::str::Utf8Error> for Error {
    fn from(e: std::str::Utf8Error) -> Error {
        Error::new(Repr::NotUtf8 { offset: e.valid_up_to() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn a_missing_file_is_named() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-dir/missing.tsv");
        let err = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert_eq!(err.path(), Some(path.as_path()));
        assert_eq!((err.line(), err.offset()), (None, None));
        let source = err.source().and_then(|s| s.downcast_ref::<std::io::Error>()).expect("io source");
        assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        let shown = err.to_string();
        assert!(shown.starts_with("I/O error: ") && shown.contains("no-such-dir/missing.tsv"), "{shown}");
    }

    #[test]
    fn a_stream_error_has_no_path() {
        let err = Error::from(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "cut short"));
        assert_eq!((err.kind(), err.path()), (ErrorKind::Io, None));
        assert_eq!(err.to_string(), "I/O error: cut short");
        assert!(err.source().is_some());
    }

    #[test]
    fn a_whole_file_data_error_has_a_path_and_no_line() {
        let err = Error::data("my.tsv", 0, "no header");
        assert_eq!((err.kind(), err.path(), err.line()), (ErrorKind::Data, Some(Path::new("my.tsv")), None));
        assert_eq!(err.to_string(), "my.tsv: no header");
        assert!(err.source().is_none());
    }

    #[test]
    fn not_utf8_gives_the_offset() {
        let bytes = b"ab\xffcd".to_vec();
        let err = Error::from(std::str::from_utf8(&bytes).unwrap_err());
        assert_eq!(
            (err.kind(), err.offset(), err.path(), err.line()),
            (ErrorKind::NotUtf8, Some(2), None, None)
        );
        assert_eq!(err.to_string(), "input is not UTF-8 (invalid byte at offset 2)");
    }

    #[test]
    fn the_error_is_small_and_can_cross_threads() {
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<Error>();
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }
}
