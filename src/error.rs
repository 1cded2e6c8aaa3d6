//! The crate's one error type.

use std::fmt;

/// What can go wrong in vntext: reading files, parsing user data, loading models.
///
/// Built-in data never fails (tests check it), so only the `from_*` constructors that take
/// the caller's data or files return this.
///
/// The enum is `#[non_exhaustive]`: match the variants you handle and keep a `_` arm. Its
/// [`Display`](std::fmt::Display) form names the file and line of a bad row.
///
/// ```
/// # #[cfg(feature = "abbrev")] {
/// use vntext::{Abbreviations, Error};
///
/// // A dictionary whose third line has no expansion.
/// let tsv = "abbreviation\texpansion\tdomain\tcues\nUBND\tỦy ban nhân dân\nHĐND\n";
/// let err = Abbreviations::from_tsv("my.tsv", tsv).unwrap_err();
/// match &err {
///     Error::Data { file, line, .. } => assert_eq!((file.as_str(), *line), ("my.tsv", 3)),
///     other => panic!("expected a data error, got {other:?}"),
/// }
/// assert!(err.to_string().starts_with("my.tsv:3: "), "{err}");
/// # }
/// # #[cfg(feature = "segment")] {
///
/// let err = vntext::WordSegmenter::from_model_bytes(b"not a model").unwrap_err();
/// assert!(matches!(err, vntext::Error::Model { .. }));
/// # }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Reading a file or stream failed.
    Io(std::io::Error),
    /// A row of a data file (TSV dictionary, gazetteer) is wrong.
    Data {
        /// The file's name as the caller gave it.
        file: String,
        /// 1-based line number of the bad row (0 when the file as a whole is wrong).
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A binary model is corrupt, truncated or of another version.
    Model {
        /// What is wrong with it.
        message: String,
    },
    /// Input that is not UTF-8 text.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
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
    pub(crate) fn data(file: &str, line: usize, message: impl Into<String>) -> Error {
        Error::Data { file: file.to_owned(), line, message: message.into() }
    }

    pub(crate) fn model(message: impl Into<String>) -> Error {
        Error::Model { message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "I/O error: {e}"),
            Error::Data { file, line: 0, message } => write!(f, "{file}: {message}"),
            Error::Data { file, line, message } => write!(f, "{file}:{line}: {message}"),
            Error::Model { message } => write!(f, "bad model: {message}"),
            Error::NotUtf8 { offset } => write!(f, "input is not UTF-8 (invalid byte at offset {offset})"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}

impl From<std::str::Utf8Error> for Error {
    fn from(e: std::str::Utf8Error) -> Error {
        Error::NotUtf8 { offset: e.valid_up_to() }
    }
}
