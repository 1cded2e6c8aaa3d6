//! Emoticons and arrows (`:))`, `:-(`, `=>`, `<3`).

use super::Tokens;

/// The bytes that can come second in an emoticon or arrow (see [`Tokens::emoticon`]): a
/// start such as `:` or `-` followed by anything else is read as before without a look.
static EMOTICON_SECOND: [bool; 256] = {
    let mut t = [false; 256];
    let second = b")(][DPpvV3Oo-'=>._/^<";
    let mut k = 0;
    while k < second.len() {
        t[second[k] as usize] = true;
        k += 1;
    }
    t
};

impl Tokens<'_, '_> {
    /// Whether an emoticon or arrow may start at `i`, where the byte `b` of class `EP` or `ES`
    /// is: the next byte may come second in one, and a shaft of two (`==`, `--`, wiki headings
    /// and rules) goes on or ends in `>`, as [`Self::emoticon`] reads it.
    #[inline(always)]
    pub(super) fn may_start_emoticon(&self, i: usize, b: u8) -> bool {
        let b1 = self.byte(i + 1);
        EMOTICON_SECOND[usize::from(b1)]
            && (b1 != b || !matches!(b, b'=' | b'-') || matches!(self.byte(i + 2), x if x == b || x == b'>'))
    }

    /// An emoticon or an arrow written in ASCII, starting at `i`:
    /// - eyes `:` `;` `=`, an optional nose `-` or tear `'`, then a mouth repeated any number
    ///   of times: a bracket (`:)`, `:((`, `=))`, `;-)`, `:'(`, `:]]`) anywhere, or a letter or
    ///   digit (`:D`, `:P`, `:v`, `:3`, `=D`, `:O`) after a space or the start and before
    ///   anything but a letter or digit, so that `16:3`, `A=D` and `Tên:Dung` stay apart;
    /// - a heart `<3`, `<333`, `</3`, not before a digit or a decimal part (`<30`, `<3,5`);
    /// - a face of two eyes around `_` or `.`, or `^^`: `^_^`, `^.^`, `-_-`, `-.-`, `>_<`,
    ///   `>.<`, `=.=`, `^^`;
    /// - an arrow: an optional `<`, a shaft of up to eight `-` or `=`, then `>`, or `<` and a
    ///   shaft alone: `->`, `-->`, `=>`, `==>`, `<-`, `<--`, `<==`, `<->`, `<=>`.
    #[inline(never)]
    pub(super) fn emoticon(&self, i: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[i..];
        // A shaft without a left head (`==`, `--`, the common case in wiki headings and rules):
        // an arrow only when `>` ends it, as the general `arrow` below reads it.
        if let [b0 @ (b'=' | b'-'), b1, ..] = *rest {
            if b1 == b0 {
                let end = rest.iter().take(8).take_while(|&&b| b == b0).count();
                return (rest.get(end) == Some(&b'>')).then_some(i + end + 1);
            }
        }
        let at = |k: usize| rest.get(k).copied().unwrap_or(0);
        let (b0, b1) = (at(0), at(1));
        let word_byte = |x: u8| x.is_ascii_alphanumeric() || x >= 0x80;
        // The length of the run of `b` from `k`, at most `max`.
        let run = |k: usize, b: u8, max: usize| {
            let mut n = 0;
            while n < max && rest.get(k + n) == Some(&b) {
                n += 1;
            }
            n
        };
        let face = |e2: u8| (matches!(b1, b'_' | b'.') && at(2) == e2).then_some(i + 3);
        let arrow = || {
            let left = b0 == b'<';
            let shaft_start = usize::from(left);
            let shaft = at(shaft_start);
            if !matches!(shaft, b'-' | b'=') {
                return None;
            }
            let end = shaft_start + run(shaft_start, shaft, 8);
            match at(end) {
                b'>' => Some(i + end + 1),
                // `<-5` is `<` and `-5`.
                x if left && x != shaft && !x.is_ascii_digit() => Some(i + end),
                _ => None,
            }
        };
        let eyes = || {
            let m = 1 + usize::from(matches!(b1, b'-' | b'\''));
            let mouth = at(m);
            let end = m + run(m, mouth, usize::MAX);
            match mouth {
                b')' | b'(' | b']' | b'[' => Some(i + end),
                b'D' | b'P' | b'p' | b'v' | b'V' | b'3' | b'O' | b'o' => {
                    let before_ok = i == 0 || self.text.as_bytes()[i - 1].is_ascii_whitespace();
                    (before_ok && !word_byte(at(end))).then_some(i + end)
                }
                _ => None,
            }
        };
        match b0 {
            b':' | b';' => eyes(),
            b'=' => match b1 {
                b'=' | b'>' => arrow(),
                b'.' => face(b'='),
                _ => eyes(),
            },
            b'-' => match b1 {
                b'-' | b'>' => arrow(),
                _ => face(b'-'),
            },
            b'<' => match b1 {
                b'3' | b'/' => {
                    if b1 == b'/' && at(2) != b'3' {
                        return None;
                    }
                    let heart = 1 + usize::from(b1 == b'/');
                    let end = heart + run(heart, b'3', usize::MAX);
                    let number_goes_on = at(end).is_ascii_digit()
                        || (matches!(at(end), b'.' | b',') && at(end + 1).is_ascii_digit());
                    (!number_goes_on && !word_byte(at(end))).then_some(i + end)
                }
                _ => arrow(),
            },
            b'^' if b1 == b'^' => Some(i + 2),
            b'^' => face(b'^'),
            b'>' => face(b'<'),
            _ => None,
        }
    }
}
