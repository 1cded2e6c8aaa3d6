//! Definitions in the document: `Ủy ban nhân dân (UBND)`, `UBND (Ủy ban nhân dân)` and
//! `UBND là viết tắt của Ủy ban nhân dân`, checked against the abbreviation's initials.

use std::borrow::Cow;

use super::scan::{Scan, Tok, abbreviation_like, is_dash};
use super::style::Style;
use super::{Decision, Match, Source};
use crate::normalize;

/// Small words a long form may contain that have no letter in the abbreviation
/// (`Bộ Giáo dục và Đào tạo` = `BGDĐT`).
const SKIPPABLE: [&str; 6] = ["va", "cua", "cac", "ve", "o", "tai"];

impl<'a, 'h> Scan<'a, 'h> {
    /// Learns a definition at token `i` (`Ủy ban nhân dân (UBND)`, `UBND (Ủy ban nhân
    /// dân)` or `UBND là viết tắt của Ủy ban nhân dân`); returns the next token index when
    /// token `i` was the defining mention.
    pub(super) fn definition(&mut self, i: usize) -> Option<usize> {
        let t = self.tokens[i];
        if !abbreviation_like(&t) {
            return None;
        }
        let paren_before = i >= 1 && self.tokens[i - 1].as_str() == "(";
        let paren_after = self.tokens.get(i + 1).is_some_and(|n| n.as_str() == ")");
        let opens_after = self.tokens.get(i + 1).is_some_and(|n| n.as_str() == "(");
        let defining_shape = (paren_before && paren_after) || opens_after;
        // `là` in any case or normalization form; only short words starting with `l` are keyed.
        let is_la = |w: &str| {
            w.len() <= 8
                && w.as_bytes().first().is_some_and(|b| b | 0x20 == b'l')
                && normalize::key(w) == "là"
        };
        let stated = !defining_shape && self.tokens.get(i + 1).is_some_and(|n| is_la(n.as_str()));
        if !defining_shape && !stated {
            return None;
        }
        let letters = initials_of(t.as_str())?;
        if stated {
            return self.stated_definition(i, &letters);
        }
        let max_words = letters.len() + SKIPPABLE.len();
        // Every word and dash of the long form is at least one chunk.
        let (toks, k) = self.tokens_around(t.span(), 2 * max_words + 2, 2 * max_words + 2);
        // Long form first: `... (ABBR)`.
        if paren_before && paren_after && k >= 1 {
            let words = self.long_form_before(&toks, k - 1, max_words);
            for n in 1..=words.len() {
                let form = &words[words.len() - n..];
                if initials_match(&letters, form.iter().map(|&j| toks[j].as_str())) {
                    let long = self.long_form_text(&toks, form);
                    self.learn(i, long);
                    return Some(i + 1);
                }
            }
        }
        // Abbreviation first: `ABBR (long form)`.
        if opens_after && !self.line_break(t.span().end, toks.get(k + 1)?.span().start) {
            let mut words = Vec::new();
            let mut j = k + 2;
            while let Some(n) = toks.get(j) {
                if n.as_str() == ")" {
                    break;
                }
                if !(n.kind().is_word() || is_dash(n)) || words.len() > max_words {
                    return None;
                }
                if n.kind().is_word() {
                    words.push(j);
                }
                j += 1;
            }
            toks.get(j)?;
            if !words.is_empty() && initials_match(&letters, words.iter().map(|&w| toks[w].as_str())) {
                let long = self.long_form_text(&toks, &words);
                self.learn(i, long);
                return Some(i + 1);
            }
        }
        None
    }

    /// A definition in words: `ABBR là (ký hiệu | chữ | từ) viết tắt (của | cho) (cụm từ |
    /// từ) (tiếng Anh) LONG FORM`, the long form optionally in quotes, on one line, its
    /// initials matching. When they do not (`GT là ký hiệu viết tắt của tổng dung tích`, from
    /// English), the document's abbreviation is learned as itself and left as written.
    fn stated_definition(&mut self, i: usize, letters: &[char]) -> Option<usize> {
        let t = self.tokens[i];
        let max_words = letters.len() + SKIPPABLE.len();
        let (toks, k) = self.tokens_around(t.span(), 0, max_words + 12);
        let key_at = |j: usize| toks.get(j).map(|t| normalize::key(t.as_str()));
        let is = |j: usize, words: &[&str]| key_at(j).is_some_and(|k| words.contains(&k.as_ref()));
        let mut j = k + 2; // after `là`
        if is(j, &["ký", "kí"]) && is(j + 1, &["hiệu"]) {
            j += 2;
        } else if is(j, &["chữ", "từ"]) {
            j += 1;
        }
        if !(is(j, &["viết"]) && is(j + 1, &["tắt"]) && is(j + 2, &["của", "cho"])) {
            return None;
        }
        j += 3;
        if is(j, &["cụm"]) && is(j + 1, &["từ"]) {
            j += 2;
        } else if is(j, &["từ"]) {
            j += 1;
        }
        if is(j, &["tiếng"]) && toks.get(j + 1).is_some_and(|n| n.kind().is_word()) {
            j += 2;
        }
        if toks.get(j).is_some_and(|n| matches!(n.as_str(), "\"" | "“" | "«")) {
            j += 1;
        }
        let mut words = Vec::new();
        while let Some(n) = toks.get(j) {
            if words.len() >= max_words || self.line_break(t.span().end, n.span().start) {
                break;
            }
            if n.kind().is_word() {
                words.push(j);
            } else if !is_dash(n) {
                break;
            }
            j += 1;
        }
        let n = (1..=words.len())
            .find(|&n| initials_match(letters, words[..n].iter().map(|&w| toks[w].as_str())));
        // Without matching initials the long form cannot be delimited; the abbreviation
        // is still the document's own and stays as written (`50 GT` is no `giao thông`).
        match n {
            Some(n) => {
                let long = self.long_form_text(&toks, &words[..n]);
                self.learn(i, long);
            }
            None => self.keep_as_written(i),
        }
        Some(i + 1)
    }

    /// The word tokens right before `toks[end]` (a `(`), at most `max`, on the same line,
    /// across dashes; in text order.
    fn long_form_before(&self, toks: &[Tok<'h>], end: usize, max: usize) -> Vec<usize> {
        let mut words = Vec::new();
        let mut j = end;
        let mut right = toks[end].span().start;
        while j > 0 && words.len() < max {
            j -= 1;
            let t = toks[j];
            if self.line_break(t.span().end, right) || !(t.kind().is_word() || is_dash(&t)) {
                break;
            }
            if t.kind().is_word() {
                words.push(j);
            }
            right = t.span().start;
        }
        words.reverse();
        words
    }

    /// The long form made of the word tokens `words` of `toks` (dashes between them kept as
    /// ` - `).
    fn long_form_text(&self, toks: &[Tok<'h>], words: &[usize]) -> String {
        let mut out = String::new();
        for (n, &j) in words.iter().enumerate() {
            if n > 0 {
                let between = &toks[words[n - 1] + 1..j];
                out.push_str(if between.iter().any(is_dash) { " - " } else { " " });
            }
            out.push_str(toks[j].as_str());
        }
        // A long form that opens a sentence is capitalised only for that reason when the
        // rest of it is in lower case.
        if let Some(&first) = words.first() {
            let rest_lower = words[1..].iter().all(|&j| !toks[j].as_str().chars().any(char::is_uppercase));
            if words.len() > 1 && rest_lower && self.sentence_start(toks, first) {
                let mut chars = out.chars();
                if let Some(c) = chars.next() {
                    out = c.to_lowercase().chain(chars).collect();
                }
            }
        }
        out
    }

    /// Records that the document defines token `i`'s abbreviation without a long form we
    /// can delimit: it stays as written from here on, and no match is reported.
    fn keep_as_written(&mut self, i: usize) {
        let key = self.lookup_key(self.tokens[i].as_str());
        self.learned_runs.insert_runs(&key);
        self.learned.insert(key, None);
    }

    /// Records the definition of token `i`'s abbreviation and its defining match.
    fn learn(&mut self, i: usize, long: String) {
        let t = self.tokens[i];
        let key = self.lookup_key(t.as_str());
        let long_key = normalize::key(&long).into_owned();
        // Prefer the dictionary's spelling when it has this very expansion.
        let dict = self.dict;
        let entry = dict.index.get(key.as_str()).and_then(|ids| {
            ids.iter().map(|&id| dict.entry(id)).find(|e| normalize::key(&e.expansion) == long_key)
        });
        let expansion: Cow<'a, str> = match entry {
            Some(e) => Cow::Borrowed(&e.expansion),
            None => Cow::Owned(long),
        };
        let alternatives = dict
            .index
            .get(key.as_str())
            .map(|ids| {
                ids.iter()
                    .map(|&id| &*dict.entry(id).expansion)
                    .filter(|x| normalize::key(x) != long_key)
                    .collect()
            })
            .unwrap_or_default();
        self.learned_runs.insert_runs(&key);
        self.learned.insert(key, Some(expansion.clone()));
        let m = Match {
            span: t.span(),
            surface: t.as_str(),
            expansion,
            alternatives,
            source: Source::Document,
            decision: Decision::Definition,
            ambiguous: false,
            defining: true,
            entry,
        };
        self.matches.push((m, Style::AS_IS));
    }
}

/// The letters of an abbreviation, folded to ASCII lower case (`QP-QSĐP` → `qpqsdp`), with
/// `&` kept; `None` when it has other characters.
fn initials_of(abbreviation: &str) -> Option<Vec<char>> {
    let mut out = Vec::new();
    for c in abbreviation.chars() {
        match c {
            '-' | '/' | '.' => {}
            '&' => out.push('&'),
            c if c.is_alphabetic() => out.push(fold_lower(c)),
            _ => return None,
        }
    }
    (out.len() >= 2).then_some(out)
}

pub(super) fn fold_lower(c: char) -> char {
    let folded = crate::chars::fold_char(c);
    folded.to_lowercase().next().unwrap_or(folded)
}

/// Onsets that an abbreviation may spell out (`ThS` = `thạc sĩ`).
const ONSETS: [&str; 11] = ["ngh", "ng", "nh", "ch", "tr", "th", "kh", "ph", "gh", "gi", "qu"];

/// True when `letters` are the initials of `words` (see the docs of [`Abbreviations`]).
fn initials_match<'w>(letters: &[char], words: impl Iterator<Item = &'w str>) -> bool {
    let words: Vec<String> = words.map(|w| w.chars().map(fold_lower).collect()).collect();
    if words.len() > 32 || letters.len() > 32 {
        return false;
    }
    // Memoized search over (letter, word) positions.
    let mut failed = vec![false; (letters.len() + 1) * (words.len() + 1)];
    fn go(letters: &[char], words: &[String], i: usize, j: usize, failed: &mut [bool]) -> bool {
        let slot = i * (words.len() + 1) + j;
        if failed[slot] {
            return false;
        }
        let ok = step(letters, words, i, j, failed);
        if !ok {
            failed[slot] = true;
        }
        ok
    }
    fn step(letters: &[char], words: &[String], i: usize, j: usize, failed: &mut [bool]) -> bool {
        let Some(w) = words.get(j) else { return i == letters.len() };
        // `&` reads `và`, or stands for nothing.
        if letters.get(i) == Some(&'&') {
            if w == "va" && go(letters, words, i + 1, j + 1, failed) {
                return true;
            }
            return go(letters, words, i + 1, j, failed);
        }
        if j > 0 && SKIPPABLE.contains(&w.as_str()) && go(letters, words, i, j + 1, failed) {
            return true;
        }
        let Some(&l) = letters.get(i) else { return false };
        let first = w.chars().next().unwrap_or(' ');
        if (l == first || (l == 'w' && first == 'u')) && go(letters, words, i + 1, j + 1, failed) {
            return true;
        }
        for onset in ONSETS {
            let n = onset.len();
            if w.starts_with(onset)
                && letters.len() >= i + n
                && letters[i..i + n].iter().copied().eq(onset.chars())
                && go(letters, words, i + n, j + 1, failed)
            {
                return true;
            }
        }
        false
    }
    !words.is_empty() && go(letters, &words, 0, 0, &mut failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(s: &str) -> Vec<char> {
        initials_of(s).unwrap()
    }

    #[test]
    fn initials() {
        assert!(initials_match(&letters("UBND"), "Ủy ban nhân dân".split(' ')));
        assert!(initials_match(&letters("QP-QSĐP"), "quốc phòng quân sự địa phương".split(' ')));
        assert!(initials_match(&letters("ThS"), "thạc sĩ".split(' ')));
        assert!(initials_match(&letters("TW"), "Trung ương".split(' ')));
        assert!(initials_match(&letters("GD&ĐT"), "Giáo dục và Đào tạo".split(' ')));
        assert!(initials_match(&letters("BGDĐT"), "Bộ Giáo dục và Đào tạo".split(' ')));
        assert!(initials_match(&letters("ƯBKT"), "ưu bình khá tốt".split(' ')));
        assert!(!initials_match(&letters("UBND"), "Ủy ban nhân".split(' ')));
        assert!(!initials_match(&letters("UBND"), "và Ủy ban nhân dân".split(' ')));
        assert!(!initials_match(&letters("QP"), "quốc phòng an ninh".split(' ')));
    }
}
