//! Reading the commands' input: whole files or standard input as UTF-8 text, with an error
//! that says where the first invalid byte is and what such bytes usually mean.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// Why an input could not be read as text.
#[derive(Debug)]
pub enum InputError {
    /// The file or standard input could not be read (missing, a directory, no permission).
    Io(io::Error),
    /// The bytes are not UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: u64,
        /// That byte.
        byte: u8,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "{e}"),
            InputError::NotUtf8 { offset, byte } => write!(
                f,
                "not UTF-8: invalid byte 0x{byte:02X} at byte offset {offset}; text in a legacy Vietnamese \
                 encoding (TCVN3/ABC, VNI, Windows-1258) must be converted to UTF-8 first \
                 (e.g. `iconv -f WINDOWS-1258 -t UTF-8`)"
            ),
        }
    }
}

impl From<io::Error> for InputError {
    fn from(e: io::Error) -> InputError {
        InputError::Io(e)
    }
}

/// The error for `bytes`, which start at byte `base` of their source, if they are not UTF-8.
/// An incomplete character at the very end counts only when `at_end`.
pub fn utf8_error(bytes: &[u8], base: u64, at_end: bool) -> Option<InputError> {
    let e = std::str::from_utf8(bytes).err()?;
    if e.error_len().is_none() && !at_end {
        return None;
    }
    let offset = e.valid_up_to();
    Some(InputError::NotUtf8 { offset: base + offset as u64, byte: bytes[offset] })
}

/// Reads a whole file, or standard input for `None` or `-`, as UTF-8 text.
pub fn read_text(path: Option<&str>) -> Result<String, InputError> {
    match path {
        None | Some("-") => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes)?;
            text_of(bytes)
        }
        Some(p) => read_file(Path::new(p)),
    }
}

/// Reads a whole file (never standard input, whatever its name) as UTF-8 text.
pub fn read_file(path: &Path) -> Result<String, InputError> {
    text_of(std::fs::read(path)?)
}

fn text_of(bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(e) = utf8_error(&bytes, 0, true) {
        return Err(e);
    }
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// Checks that a whole stream is UTF-8, reading it in bounded pieces (for sources too large
/// to hold, checked before their analysis starts).
pub fn check_utf8(mut reader: impl Read) -> Result<(), InputError> {
    let mut buf = vec![0u8; 1 << 16];
    let mut carry = 0;
    let mut base = 0u64;
    loop {
        let n = reader.read(&mut buf[carry..])?;
        let filled = carry + n;
        let at_end = n == 0;
        if let Some(e) = utf8_error(&buf[..filled], base, at_end) {
            return Err(e);
        }
        if at_end {
            return Ok(());
        }
        // Keep an incomplete trailing character (at most 3 bytes) for the next piece.
        let valid = std::str::from_utf8(&buf[..filled]).map_or_else(|e| e.valid_up_to(), str::len);
        buf.copy_within(valid..filled, 0);
        carry = filled - valid;
        base += valid as u64;
    }
}

/// The one optional FILE argument of the commands that take nothing else (`-` or none:
/// standard input); an option or a second file is an error.
pub fn single_path(args: Vec<String>) -> Result<Option<String>, String> {
    let mut path = None;
    for a in args {
        if a.starts_with('-') && a != "-" {
            return Err(format!("unknown option {a}"));
        }
        if path.replace(a).is_some() {
            return Err("more than one FILE".to_owned());
        }
    }
    Ok(path)
}

/// The text of a command that takes only an optional FILE: on a bad argument or an unreadable
/// input, prints one line on standard error (`COMMAND: ...`) and gives the exit code.
pub fn single_text(command: &str, args: Vec<String>) -> Result<String, std::process::ExitCode> {
    let path = single_path(args).map_err(|e| {
        eprintln!("{command}: {e} (usage: vntext {command} [FILE])");
        std::process::ExitCode::from(2)
    })?;
    read_text(path.as_deref()).map_err(|e| {
        eprintln!("{command}: {}: {e}", path.as_deref().unwrap_or("-"));
        std::process::ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!("vntext-cli-{name}-{}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_utf8_file_is_read_whole() {
        let path = temp("good", "Đắk Nông\n".as_bytes());
        let text = read_text(path.to_str()).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(text, "Đắk Nông\n");
    }

    #[test]
    fn latin1_bytes_are_reported_with_their_offset_and_a_hint() {
        let path = temp("latin1", b"Da\xefk N\xf4ng");
        let err = read_text(path.to_str()).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(err, InputError::NotUtf8 { offset: 2, byte: 0xEF }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains("byte offset 2") && msg.contains("TCVN3") && msg.contains("Windows-1258"),
            "{msg}"
        );
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let err = read_text(Some("/nonexistent/vntext-cli-test.txt")).unwrap_err();
        assert!(matches!(err, InputError::Io(ref e) if e.kind() == io::ErrorKind::NotFound), "{err:?}");
    }

    #[test]
    fn the_streaming_check_finds_the_offset_across_pieces_and_a_truncated_end() {
        // A long valid prefix so that the bad byte lies beyond the first 64 KiB piece, with a
        // multi-byte character cut at the piece boundary.
        let mut bytes = "ắ".repeat(30_000).into_bytes();
        bytes.extend_from_slice(b" ok ");
        let bad_at = bytes.len() as u64;
        bytes.push(0xFF);
        let err = check_utf8(bytes.as_slice()).unwrap_err();
        assert!(matches!(err, InputError::NotUtf8 { offset, byte: 0xFF } if offset == bad_at), "{err:?}");
        assert!(check_utf8("ắ".repeat(30_000).as_bytes()).is_ok());
        let truncated = &"Việt".as_bytes()[..4];
        assert!(matches!(check_utf8(truncated), Err(InputError::NotUtf8 { offset: 2, byte: 0xE1 })));
    }
}
