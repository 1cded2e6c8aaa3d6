//! The `_` convention of word-segmented Vietnamese (VLSP, pyvi, VnCoreNLP): the syllables of
//! a word joined by `_`, words separated by spaces (`Hà_Nội là thủ_đô`).
//!
//! A `_` written in the text (`000_753`, `user_name`) would read as a joiner, so it is
//! escaped as `\_`, and a `\` as `\\`; [`read_joined`] undoes both. The `segment` example
//! writes words with [`write_joined`]. (The Python package's `format="text"` does not escape
//! yet: it joins with a bare `_`, as underthesea does.)
//!
//! ```
//! let mut out = String::new();
//! vntext::write_joined("thủ đô", &mut out);
//! out.push(' ');
//! vntext::write_joined("000_753", &mut out);
//! assert_eq!(out, r"thủ_đô 000\_753");
//! let words: Vec<String> = out.split(' ').map(vntext::read_joined).collect();
//! assert_eq!(words, ["thủ đô", "000_753"]);
//! ```

/// Appends `word` to `out` in the `_` convention of word-segmented Vietnamese (VLSP, pyvi,
/// VnCoreNLP): the syllables of a word joined by `_`, words separated by spaces
/// (`Hà_Nội là thủ_đô`).
///
/// Runs of whitespace inside the word become one `_`. A `_` written in the text
/// (`000_753`, `user_name`) would read as a joiner, so it becomes `\_`, and a `\` becomes
/// `\\`; [`read_joined`] undoes both. Leading and trailing whitespace is dropped. The
/// `segment` example writes its words with this function.
///
/// ```
/// let mut out = String::new();
/// vntext::write_joined("Ủy  ban\tnhân dân", &mut out);
/// assert_eq!(out, "Ủy_ban_nhân_dân");
/// ```
///
/// A line of segmented text, read back word by word:
///
/// ```
/// let words = ["Mã số", "000_753", "của", "Bộ", "Quốc phòng"];
/// let mut line = String::new();
/// for word in words {
///     if !line.is_empty() {
///         line.push(' ');
///     }
///     vntext::write_joined(word, &mut line);
/// }
/// assert_eq!(line, r"Mã_số 000\_753 của Bộ Quốc_phòng");
/// let read: Vec<String> = line.split(' ').map(vntext::read_joined).collect();
/// assert_eq!(read, words);
/// ```
pub fn write_joined(word: &str, out: &mut String) {
    for (i, part) in word.split_whitespace().enumerate() {
        if i > 0 {
            out.push('_');
        }
        if !part.contains(['_', '\\']) {
            out.push_str(part);
            continue;
        }
        for c in part.chars() {
            if matches!(c, '_' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
    }
}

/// The text of a word written by [`write_joined`] (one word of a line in the `_`
/// convention, `thủ_đô`): joiners become spaces and the escapes `\_` and `\\` are
/// undone. A `\` before any other character, or at the end, is kept as it is.
///
/// ```
/// assert_eq!(vntext::read_joined("thủ_đô"), "thủ đô");
/// assert_eq!(vntext::read_joined(r"000\_753"), "000_753");
/// assert_eq!(vntext::read_joined(r"a\\_b"), r"a\ b");
/// ```
pub fn read_joined(joined: &str) -> String {
    let mut out = String::with_capacity(joined.len());
    let mut chars = joined.chars();
    while let Some(c) = chars.next() {
        match c {
            '_' => out.push(' '),
            '\\' => match chars.clone().next() {
                Some(e @ ('_' | '\\')) => {
                    out.push(e);
                    chars.next();
                }
                _ => out.push('\\'),
            },
            c => out.push(c),
        }
    }
    out
}
