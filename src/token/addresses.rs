//! Addresses: URLs with or without a scheme, e-mail addresses and domain names.

use super::scanner::{ASCII_CLASS, SP};
use super::{TokenKind, Tokens, is_punctuation};
use crate::chars;

/// A byte that lets an e-mail address or a domain go on after a `.`, `_`, `-`, `+` or `%`
/// that follows a first run of letters or digits: a letter, a digit, another of those or `@`.
/// After any other byte, [`Tokens::address`] finds nothing there: its local part stops before
/// it without an `@`, and its domain has one label.
pub(super) fn address_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+' | b'%' | b'@')
}

impl<'h> Tokens<'_, 'h> {
    /// A web address with any scheme (`ftp://…`, `sftp://…`, `git+ssh://…`): an ASCII letter,
    /// then letters, digits, `+`, `-` or `.` (at most 32 bytes), `://` and a body.
    pub(super) fn scheme_url(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = start + 1;
        while i < bytes.len()
            && i - start <= 32
            && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'+' | b'-' | b'.'))
        {
            i += 1;
        }
        if !bytes[start].is_ascii_alphabetic() || bytes.get(i..i + 3) != Some(b"://".as_slice()) {
            return None;
        }
        let body = i + 3;
        let end = self.url_end(body);
        (end > body).then_some(end)
    }

    fn starts_with_ci(&self, i: usize, prefix: &str) -> bool {
        self.text
            .as_bytes()
            .get(i..i + prefix.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix.as_bytes()))
    }

    pub(super) fn url(&self, start: usize) -> Option<(usize, TokenKind)> {
        let prefix = ["https://", "http://", "www."].into_iter().find(|p| self.starts_with_ci(start, p))?;
        let body = start + prefix.len();
        let end = self.url_end(body);
        (end > body).then_some((end, TokenKind::Url))
    }

    /// End of a URL body: up to whitespace, without trailing punctuation.
    fn url_end(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut end = from;
        let mut i = from;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_CLASS[usize::from(b)] == SP || matches!(b, b'"' | b'<' | b'>') {
                    break;
                }
                i += 1;
                if !matches!(b, b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\'') {
                    end = i;
                }
            } else {
                match self.text[i..].chars().next() {
                    Some(c) if chars::is_space(c) || is_punctuation(c) => break,
                    Some(c) => {
                        i += c.len_utf8();
                        end = i;
                    }
                    None => break,
                }
            }
        }
        end
    }

    /// An e-mail address or a bare domain name (`baodaknong.vn`, with an optional path)
    /// starting at `start`.
    pub(super) fn address(&mut self, start: usize) -> Option<(usize, TokenKind)> {
        if start < self.no_address_before {
            return None;
        }
        let bytes = self.text.as_bytes();
        let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut q = start;
        while q < bytes.len() && local(bytes[q]) {
            q += 1;
        }
        if bytes.get(q) == Some(&b'@') && q > start {
            if let Some(end) = self.domain_end(q + 1) {
                return Some((end, TokenKind::Email));
            }
        } else if let Some(end) = self.domain_end(start) {
            let label_follows = bytes.get(end + 1).is_some_and(|b| b.is_ascii_alphanumeric());
            if end == q || bytes.get(end) != Some(&b'.') || !label_follows {
                let end = if bytes.get(end) == Some(&b'/') { self.url_end(end) } else { end };
                return Some((end, TokenKind::Url));
            }
        }
        self.no_address_before = q;
        None
    }

    /// End of `label(.label)+` whose last label is a known top-level domain.
    fn domain_end(&self, start: usize) -> Option<usize> {
        const TLDS: [&str; 12] =
            ["vn", "com", "net", "org", "edu", "gov", "info", "io", "biz", "int", "asia", "me"];
        let bytes = self.text.as_bytes();
        let label = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
        let mut i = start;
        let mut best = None;
        let mut labels = 0;
        loop {
            let l_start = i;
            while i < bytes.len() && label(bytes[i]) {
                i += 1;
            }
            if i == l_start {
                break;
            }
            labels += 1;
            let tld = &self.text[l_start..i];
            if labels >= 2 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
                best = Some(i);
            }
            if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).copied().is_some_and(label) {
                i += 1;
            } else {
                break;
            }
        }
        best
    }
}
