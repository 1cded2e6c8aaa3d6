//! The expansion scan: tokens around candidates, look-ups, the context rules (numbers
//! before units, the period after `TP`, head words, sentence starts) and the choice among
//! several expansions.

use std::borrow::Cow;

use super::definitions::fold_lower;
use super::dictionary::{Shape, fill_key};
use super::prefilter::{
    Chunks, RunSet, back_chunks, back_token_chunks, forward_chunks, forward_token_chunks,
};
use super::style::Style;
use super::{Abbreviations, CUE_WINDOW, Decision, Entry, Match, Source};
use crate::hash::FxMap;
use crate::normalize;
use crate::span::Span;
use crate::syllable::is_syllable;
use crate::token::{Token, TokenKind, tokenize};

/// Abbreviations that take a number written right after them (`QK5` = `Quân khu 5`,
/// `QL14` = `quốc lộ 14`); other letters-and-digits tokens (`SS501`, `VH1`) are names.
const NUMBERED: [&str; 6] = ["qk", "ql", "tl", "đt", "qh", "kv"];

/// A resolved token: the rows it may stand for and the chosen one.
struct Resolved<'a> {
    expansion: Cow<'a, str>,
    alternatives: Vec<&'a str>,
    decision: Decision,
    entry: Option<&'a Entry>,
}

/// A token with its span in the whole document (regions are tokenized separately).
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok<'h> {
    text: &'h str,
    span: Span,
    kind: TokenKind,
}

impl<'h> Tok<'h> {
    fn new(t: Token<'h>, offset: usize) -> Tok<'h> {
        let s = t.span();
        Tok { text: t.as_str(), span: Span::new(s.start + offset, s.end + offset), kind: t.kind() }
    }

    pub(super) fn as_str(&self) -> &'h str {
        self.text
    }

    pub(super) fn span(&self) -> Span {
        self.span
    }

    pub(super) fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// Chunks (runs of non-whitespace) of context kept on each side of a candidate word; enough
/// for the neighbours the rules look at (a number before a unit, the period after `TP`, the
/// words around a headline, the start of a sentence).
const MARGIN: usize = 1;

/// State of one expansion run over a document.
pub(super) struct Scan<'a, 'h> {
    pub(super) dict: &'a Abbreviations,
    text: &'h str,
    /// The tokens of the region being scanned, with document spans.
    pub(super) tokens: Vec<Tok<'h>>,
    /// Definitions the document gave: abbreviation key → long form.
    /// `None` for an abbreviation the document defines in a way we cannot read: it is
    /// left as written.
    pub(super) learned: FxMap<String, Option<Cow<'a, str>>>,
    /// The letter runs of the learned abbreviations, for the candidate test.
    pub(super) learned_runs: RunSet,
    /// Rows chosen by cue words: abbreviation key → row.
    resolved: FxMap<String, u32>,
    domain_counts: Vec<u32>,
    pub(super) matches: Vec<(Match<'a, 'h>, Style)>,
    key_buf: String,
    /// Reused by [`Scan::in_name`].
    compound_buf: String,
}

impl<'a, 'h> Scan<'a, 'h> {
    pub(super) fn new(dict: &'a Abbreviations, text: &'h str) -> Self {
        Scan {
            dict,
            text,
            tokens: Vec::new(),
            learned: FxMap::default(),
            learned_runs: RunSet::default(),
            resolved: FxMap::default(),
            domain_counts: vec![0; dict.domains.len()],
            matches: Vec::new(),
            key_buf: String::new(),
            compound_buf: String::new(),
        }
    }

    /// Scans the document. With `prefilter`, only regions around candidate words (see
    /// [`Abbreviations::is_candidate`]) are tokenized; the rest cannot hold a match.
    pub(super) fn run_document(&mut self, prefilter: bool) {
        let text = self.text;
        if !prefilter {
            self.run_region(0, text.len(), 0);
            return;
        }
        let mut chunks = Chunks::new(text);
        let mut done = 0;
        while let Some(first) = chunks.next_candidate(self.dict, &self.learned_runs, usize::MAX) {
            let start = back_token_chunks(text, first.start, MARGIN);
            let mut end = forward_token_chunks(text, first.end, MARGIN);
            while let Some(next) = chunks.next_candidate(self.dict, &self.learned_runs, end) {
                end = forward_token_chunks(text, next.end, MARGIN);
            }
            self.run_region(start, end, done);
            done = end;
            chunks.pos = chunks.pos.max(end);
        }
    }

    /// Tokenizes `start..end` and scans its tokens from byte `from` on (the tokens before
    /// are context only).
    fn run_region(&mut self, start: usize, end: usize, from: usize) {
        self.tokens.clear();
        self.tokens.extend(tokenize(&self.text[start..end]).map(|t| Tok::new(t, start)));
        let mut i = self.tokens.partition_point(|t| t.span.start < from);
        while i < self.tokens.len() {
            i = self.token(i);
        }
    }

    /// The tokens from `back` chunks before `span` to `forward` chunks after it, and the
    /// index of the token that starts at `span.start`.
    pub(super) fn tokens_around(&self, span: Span, back: usize, forward: usize) -> (Vec<Tok<'h>>, usize) {
        let bytes = self.text.as_bytes();
        let start = back_chunks(bytes, span.start, back + 1);
        let end = forward_chunks(bytes, span.end, forward);
        let toks: Vec<Tok<'h>> = tokenize(&self.text[start..end]).map(|t| Tok::new(t, start)).collect();
        let at = toks.partition_point(|t| t.span.start < span.start);
        (toks, at)
    }

    /// Handles token `i`; returns the index of the next token to look at.
    fn token(&mut self, i: usize) -> usize {
        let mut key = std::mem::take(&mut self.key_buf);
        let next = self.token_with(i, &mut key);
        self.key_buf = key;
        next
    }

    fn token_with(&mut self, i: usize, key: &mut String) -> usize {
        let t = self.tokens[i];
        let kind = t.kind();
        if !kind.is_word() {
            return i + 1;
        }
        let s = t.as_str();
        let after_number = self.after_number(i);
        // Fast path: ordinary lower-case or title-case syllables are never abbreviations
        // unless the dictionary has lower-case syllable forms or a unit follows a number.
        let plain_syllable = kind == TokenKind::Syllable && !all_caps(s);
        if plain_syllable && !after_number && !self.dict.lower_syllable_forms {
            return i + 1;
        }
        if let Some(next) = self.definition(i) {
            return next;
        }
        fill_key(s, key);
        let key = key.as_str();
        if let Some(learned) = self.learned.get(key) {
            let Some(long) = learned else { return i + 1 };
            if !plain_syllable {
                let m = Match {
                    span: t.span(),
                    surface: s,
                    expansion: long.clone(),
                    alternatives: Vec::new(),
                    source: Source::Document,
                    decision: Decision::Definition,
                    ambiguous: false,
                    defining: false,
                    entry: None,
                };
                let style = self.style(i, i);
                self.matches.push((m, style));
                return i + 1;
            }
        }
        // Forms with a final period: `TP. Hồ Chí Minh`, `Q. 1`.
        if let Some(dot_end) = self.abbreviation_dot(i) {
            let mut dotted = String::with_capacity(key.len() + 1);
            dotted.push_str(key);
            dotted.push('.');
            let surface = &self.text[t.span().start..dot_end];
            if let Some(r) = self.resolve_key(&dotted, surface, i, after_number) {
                self.push(i, Span::new(t.span().start, dot_end), r, Source::Dictionary);
                return i + 2;
            }
        }
        let resolved = self.resolve_key(key, s, i, after_number);
        if kind == TokenKind::Abbreviation {
            // A name the dictionary knows whole decides when it reads otherwise.
            if let Some(named) = self.in_pair(i, key).or_else(|| self.in_name(i, key)) {
                if resolved.as_ref().is_none_or(|r| r.expansion != named.expansion) {
                    self.push(i, t.span(), named, Source::Dictionary);
                    return i + 1;
                }
            }
        }
        if let Some(r) = resolved {
            self.push(i, t.span(), r, Source::Dictionary);
            return i + 1;
        }
        if kind != TokenKind::Syllable {
            if let Some(expansion) = self.parts(i, s) {
                let r = Resolved {
                    expansion: Cow::Owned(expansion),
                    alternatives: Vec::new(),
                    decision: Decision::Only,
                    entry: None,
                };
                self.push(i, t.span(), r, Source::Parts);
            }
        }
        i + 1
    }

    /// The part of a whole name in the dictionary that the abbreviation at token `i` (with
    /// comparison key `key`) stands for, when the words written around it complete the
    /// name: one or two words before it whose initials and the abbreviation are an
    /// abbreviation of the dictionary whose expansion starts with those words (`Bộ` +
    /// `CHQS`, `Tổng cục` + `CT`, `Ban` + `CHQS`), or one or two capitalised words after it
    /// that end such an expansion (`ĐH` + `Quốc gia`, `QĐND` + `Việt Nam`). See
    /// [`Decision::Name`].
    #[inline(never)]
    fn in_name(&mut self, i: usize, key: &str) -> Option<Resolved<'a>> {
        let span = self.tokens[i].span();
        // Most abbreviations stand among lower-case words: ask the tokens first.
        let capital = |k: Option<usize>| {
            k.and_then(|k| self.tokens.get(k)).is_some_and(|t| t.as_str().starts_with(char::is_uppercase))
        };
        let tail_capital =
            self.text[span.end..].strip_prefix(' ').is_some_and(|a| a.starts_with(char::is_uppercase));
        if !tail_capital && i >= 2 && !capital(Some(i - 1)) && !capital(Some(i - 2)) {
            return None;
        }
        let (before, nb) = self.text[..span.start].strip_suffix(' ').map_or(([""; 2], 0), words_back);
        let (after, na) = self.text[span.end..].strip_prefix(' ').map_or(([""; 2], 0), words_forward);
        let (before, after) = (&before[..nb], &after[..na]);
        let head_ok = before.iter().any(|w| w.starts_with(char::is_uppercase));
        let tail_ok = after.first().is_some_and(|w| w.starts_with(char::is_uppercase));
        if !head_ok && !tail_ok {
            return None;
        }
        let mut compound = std::mem::take(&mut self.compound_buf);
        let found = self.in_name_with(key, before, after, tail_ok, &mut compound);
        self.compound_buf = compound;
        found
    }

    /// The part of a whole name that the abbreviation at token `i` (with comparison key
    /// `key`) stands for when it is one of two abbreviations joined by `và` after a
    /// capitalised head word, which the dictionary knows as one abbreviation: with the head
    /// word's initials (`Bộ GD và ĐT` is `BGDĐT`, `Bộ Giáo dục và Đào tạo`), else without
    /// (`Bộ KH và ĐT` is `KH&ĐT`, `Kế hoạch và Đầu tư`). The first abbreviation stands for
    /// the part of the name before its `và`, the second for the part after. See
    /// [`Decision::Name`].
    #[inline(never)]
    fn in_pair(&self, i: usize, key: &str) -> Option<Resolved<'a>> {
        let text = self.text;
        let span = self.tokens[i].span();
        let (first, second, first_start, is_second) = if let Some(other) = pair_after(&text[span.end..]) {
            (&text[span.start..span.end], other, span.start, false)
        } else {
            let other = pair_before(&text[..span.start])?;
            let other_start = other.as_ptr() as usize - text.as_ptr() as usize;
            (other, &text[span.start..span.end], other_start, true)
        };
        let (heads, n) = text[..first_start].strip_suffix(' ').map_or(([""; 2], 0), words_back);
        let heads = &heads[..n];
        if !heads.last().is_some_and(|w| w.starts_with(char::is_uppercase)) {
            return None;
        }
        let mut other_key = String::new();
        fill_key(if is_second { first } else { second }, &mut other_key);
        let (a, b) = if is_second { (other_key.as_str(), key) } else { (key, other_key.as_str()) };
        let mut compound = String::new();
        // The head word's initials with both (`b` + `gd` + `đt`), longer heads first; then the
        // two joined as the dictionary writes such pairs (`kh&đt`, `khđt`).
        for n in (1..=heads.len()).rev() {
            let words = &heads[heads.len() - n..];
            if !words[0].starts_with(char::is_uppercase) {
                continue;
            }
            compound.clear();
            for w in words {
                match w.chars().next() {
                    Some('Đ' | 'đ') => compound.push('đ'),
                    Some(c) => compound.push(fold_lower(c)),
                    None => {}
                }
            }
            compound.push_str(a);
            compound.push_str(b);
            if let Some(r) = self.pair_part(&compound, words, is_second) {
                return Some(r);
            }
        }
        for joiner in ["&", ""] {
            compound.clear();
            compound.push_str(a);
            compound.push_str(joiner);
            compound.push_str(b);
            if let Some(r) = self.pair_part(&compound, &[], is_second) {
                return Some(r);
            }
        }
        None
    }

    /// For [`Self::in_pair`]: the part before (or, `second`, after) the one `và` of the
    /// expansion of a row of the abbreviation `compound` that starts with the words `heads`
    /// (left out).
    fn pair_part(&self, compound: &str, heads: &[&str], second: bool) -> Option<Resolved<'a>> {
        let dict = self.dict;
        let ids = dict.index.get(compound)?;
        let n = heads.iter().map(|w| w.split(' ').count()).sum::<usize>();
        ids.iter().find_map(|&id| {
            let e = dict.entry(id);
            if e.domain() == "admin" {
                return None;
            }
            let expansion: &'a str = &e.expansion;
            // The byte where the name goes on after its first `n` words.
            let rest_at = match n {
                0 => 0,
                _ => expansion.match_indices(' ').nth(n - 1)?.0 + 1,
            };
            if n > 0 && normalize::key(&expansion[..rest_at - 1]) != normalize::key(&heads.join(" ")) {
                return None;
            }
            let rest = &expansion[rest_at..];
            let mut halves = rest.split(" và ");
            let (before, after) = (halves.next()?, halves.next()?);
            if halves.next().is_some() || before.is_empty() || after.is_empty() {
                return None;
            }
            Some(Resolved {
                expansion: Cow::Borrowed(if second { after } else { before }),
                alternatives: Vec::new(),
                decision: Decision::Name,
                entry: None,
            })
        })
    }

    fn in_name_with(
        &self,
        key: &str,
        before: &[&str],
        after: &[&str],
        tail_ok: bool,
        compound: &mut String,
    ) -> Option<Resolved<'a>> {
        let initials = |words: &[&str], out: &mut String| {
            for w in words {
                // Initials drop tone and vowel marks but keep `đ` (`Ủy ban` → `ub`, `Đại
                // học` → `đh`), as abbreviations are written.
                match w.chars().next() {
                    Some('Đ' | 'đ') => out.push('đ'),
                    Some(c) => out.push(fold_lower(c)),
                    None => {}
                }
            }
        };
        // The rest of a name after it first (`Sinh viên ĐH Quốc gia` is the university),
        // then a head word before it; longer contexts first (`Tổng cục CT` before `cục CT`).
        if tail_ok {
            for n in (1..=after.len()).rev() {
                let words = &after[..n];
                compound.clear();
                compound.push_str(key);
                initials(words, compound);
                if let Some(r) = self.name_part(compound, words, false) {
                    return Some(r);
                }
            }
        }
        for n in (1..=before.len()).rev() {
            let words = &before[before.len() - n..];
            if !words[0].starts_with(char::is_uppercase) {
                continue;
            }
            compound.clear();
            initials(words, compound);
            compound.push_str(key);
            if let Some(r) = self.name_part(compound, words, true) {
                return Some(r);
            }
        }
        None
    }

    /// For [`Self::in_name`]: the rows of the abbreviation `compound` whose expansion starts
    /// (`head`) or ends with `words`, and the rest of the first one's expansion.
    fn name_part(&self, compound: &str, words: &[&str], head: bool) -> Option<Resolved<'a>> {
        let dict = self.dict;
        let ids = dict.index.get(compound)?;
        let mut parts = ids.iter().filter_map(|&id| {
            let e = dict.entry(id);
            // Administrative units are no body's name and keep the abbreviation's own case
            // (`TP Hà Nội` is `thành phố Hà Nội`).
            if e.domain() == "admin" {
                return None;
            }
            let syllables: Vec<&'a str> = e.expansion.split(' ').collect();
            let n = words.iter().map(|w| w.split(' ').count()).sum::<usize>();
            if syllables.len() <= n {
                return None;
            }
            let (outer, inner) = if head {
                syllables.split_at(n)
            } else {
                (&syllables[syllables.len() - n..], &syllables[..])
            };
            let inner = if head { inner } else { &inner[..inner.len() - n] };
            let same = normalize::key(&outer.join(" ")) == normalize::key(&words.join(" "));
            same.then(|| {
                // The part is a slice of the dictionary's own text, so it keeps its capitals.
                let first = inner[0].as_ptr() as usize - e.expansion.as_ptr() as usize;
                let last = inner[inner.len() - 1];
                let end = last.as_ptr() as usize - e.expansion.as_ptr() as usize + last.len();
                &e.expansion[first..end]
            })
        });
        let part = parts.next()?;
        let alternatives = parts.collect();
        Some(Resolved { expansion: Cow::Borrowed(part), alternatives, decision: Decision::Name, entry: None })
    }

    pub(super) fn lookup_key(&self, s: &str) -> String {
        let mut key = String::new();
        fill_key(s, &mut key);
        key
    }

    /// The previous token is a number right before this one (`15 km`, `10km`).
    fn after_number(&self, i: usize) -> bool {
        i > 0
            && matches!(self.tokens[i - 1].kind(), TokenKind::Number | TokenKind::Range)
            && self.text[self.tokens[i - 1].span().end..self.tokens[i].span().start]
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}')
    }

    /// For `TP. Hồ`, `Q. 1`: the end of the period after token `i` when a word or number
    /// follows on the same line.
    fn abbreviation_dot(&self, i: usize) -> Option<usize> {
        let t = self.tokens[i];
        let dot = self.tokens.get(i + 1)?;
        if dot.as_str() != "." || dot.span().start != t.span().end {
            return None;
        }
        let next = self.tokens.get(i + 2)?;
        let gap = &self.text[dot.span().end..next.span().start];
        let follows = next.kind().is_word() || matches!(next.kind(), TokenKind::Number);
        if !follows || gap.contains(['\n', '\r']) {
            return None;
        }
        // A single capital and a period is an initial in `George H. Bush` and part of a
        // standard's name in `H.264`, `X.400`: not `huyện`, `xã`.
        if t.as_str().chars().nth(1).is_none() {
            let after_name = i > 0
                && self.tokens[i - 1].kind().is_word()
                && self.tokens[i - 1].as_str().starts_with(char::is_uppercase);
            let standard = gap.is_empty() && next.kind() == TokenKind::Number && next.as_str().len() > 2;
            // `H. P. Lovecraft`, `J. P. Morgan`: a run of initials.
            let single = |t: &Tok<'_>| t.kind().is_word() && t.as_str().chars().nth(1).is_none();
            let initials =
                single(next) || (i >= 2 && self.tokens[i - 1].as_str() == "." && single(&self.tokens[i - 2]));
            if after_name || standard || initials {
                return None;
            }
        }
        Some(dot.span().end)
    }

    /// Looks `key` up and applies the case policy and context rules, then chooses among the
    /// rows left.
    fn resolve_key(
        &mut self,
        key: &str,
        surface: &str,
        i: usize,
        after_number: bool,
    ) -> Option<Resolved<'a>> {
        let dict = self.dict;
        let ids = dict.index.get(key)?;
        let t = self.tokens[i];
        let syllable = t.kind() == TokenKind::Syllable
            || (t.kind() != TokenKind::Abbreviation && is_syllable(surface.trim_end_matches('.')));
        let shape = Shape::of(surface, syllable, self.caps_run(i));
        let candidates = dict.accepted(ids, surface, shape, after_number);
        if candidates.is_empty() {
            return None;
        }
        Some(self.choose(key, &candidates, i))
    }

    /// Chooses among the rows `ids` for the abbreviation `key` at token `i`.
    fn choose(&mut self, key: &str, ids: &[u32], i: usize) -> Resolved<'a> {
        let dict = self.dict;
        let alternatives = |chosen: u32| -> Vec<&'a str> {
            ids.iter().filter(|&&id| id != chosen).map(|&id| &*dict.entry(id).expansion).collect()
        };
        if let [only] = ids {
            let e = dict.entry(*only);
            self.domain_counts[usize::from(e.domain_id)] += 1;
            return Resolved {
                expansion: Cow::Borrowed(&e.expansion),
                alternatives: Vec::new(),
                decision: Decision::Only,
                entry: Some(e),
            };
        }
        let (chosen, decision) = if let Some(id) = self.by_cues(ids, i) {
            self.resolved.insert(key.to_owned(), id);
            (id, Decision::Cue)
        } else if let Some(&id) = self.resolved.get(key).filter(|id| ids.contains(id)) {
            (id, Decision::Earlier)
        } else if let Some(id) = self.by_domain(ids) {
            (id, Decision::Domain)
        } else {
            (ids[0], Decision::MostFrequent)
        };
        let e = dict.entry(chosen);
        Resolved {
            expansion: Cow::Borrowed(&e.expansion),
            alternatives: alternatives(chosen),
            decision,
            entry: Some(e),
        }
    }

    /// The row whose cue words score best near token `i`, if one leads. A cue found `d`
    /// tokens away scores `CUE_WINDOW + 1 - d`, so that near cues outweigh far ones
    /// (`BCHQS tỉnh và BCHQS huyện`).
    fn by_cues(&self, ids: &[u32], i: usize) -> Option<u32> {
        if ids.iter().all(|&id| self.dict.entry(id).cues.is_empty()) {
            return None;
        }
        let window = self.window(i);
        let mut best = None;
        let mut best_score = 0;
        let mut tie = false;
        for &id in ids {
            let score: usize = self.dict.entry(id).cues.iter().map(|c| cue_score(&window, c)).sum();
            if score > best_score {
                best = Some(id);
                best_score = score;
                tie = false;
            } else if score == best_score && score > 0 {
                tie = true;
            }
        }
        if tie { None } else { best }
    }

    /// The words around token `i` in its sentence, at most [`CUE_WINDOW`] on each side, as
    /// comparison keys with their distance to it in words (the token itself is an empty
    /// entry). Words are runs of letters read straight from the text, which is much cheaper
    /// than tokenizing the neighbourhood.
    fn window(&self, i: usize) -> Vec<(Cow<'h, str>, usize)> {
        let span = self.tokens[i].span();
        let bytes = self.text.as_bytes();
        let start = back_chunks(bytes, span.start, CUE_WINDOW + 1);
        let end = forward_chunks(bytes, span.end, CUE_WINDOW);
        let before = &self.text[start..span.start];
        let before = &before[sentence_cut_before(before)..];
        let after = &self.text[span.end..end];
        let after = &after[..sentence_cut_after(after)];
        let words = |s: &'h str| s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty());
        let mut window: Vec<(Cow<'h, str>, usize)> = Vec::with_capacity(2 * CUE_WINDOW + 1);
        let left: Vec<&'h str> = words(before).collect();
        let n = left.len();
        for (k, w) in left.into_iter().enumerate().skip(n.saturating_sub(CUE_WINDOW)) {
            window.push((normalize::key(w), n - k));
        }
        window.push((Cow::Borrowed(""), 0));
        for (k, w) in words(after).take(CUE_WINDOW).enumerate() {
            window.push((normalize::key(w), k + 1));
        }
        window
    }

    /// The row whose domain is the document's majority domain, if exactly one has it.
    fn by_domain(&self, ids: &[u32]) -> Option<u32> {
        let max = *self.domain_counts.iter().max()?;
        if max == 0 {
            return None;
        }
        let mut leaders = self.domain_counts.iter().enumerate().filter(|&(_, &c)| c == max);
        let (domain, _) = leaders.next()?;
        if leaders.next().is_some() {
            return None;
        }
        let mut with = ids.iter().filter(|&&id| usize::from(self.dict.entry(id).domain_id) == domain);
        let id = *with.next()?;
        with.next().is_none().then_some(id)
    }

    /// Records a match for token `i` covering `span`.
    fn push(&mut self, i: usize, span: Span, r: Resolved<'a>, source: Source) {
        let ambiguous = r.decision == Decision::MostFrequent;
        let m = Match {
            span,
            surface: &self.text[span.range()],
            expansion: r.expansion,
            alternatives: r.alternatives,
            source,
            decision: r.decision,
            ambiguous,
            defining: false,
            entry: r.entry,
        };
        let last = if span.end > self.tokens[i].span().end { i + 1 } else { i };
        let style = self.style(i, last);
        self.matches.push((m, style));
    }

    /// Expands a compound token part by part (`QP-AN`, `HĐND-UBND`, `QK5`).
    fn parts(&mut self, i: usize, s: &str) -> Option<String> {
        let separated = s.contains(['-', '/', '&', '.']);
        if !separated {
            // Letters then digits: `QK5` → `Quân khu 5`.
            let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits == s.len() {
                return None;
            }
            let (letters, number) = s.split_at(s.len() - digits);
            let key = self.lookup_key(letters);
            if !NUMBERED.contains(&key.as_str()) || !all_caps(letters) {
                return None;
            }
            let r = self.resolve_key(&key, letters, i, false)?;
            let mut out = r.expansion.into_owned();
            out.push(' ');
            out.push_str(number);
            return Some(out);
        }
        let mut out = String::new();
        let mut rest = s;
        loop {
            let cut = rest.find(['-', '/', '&', '.']).unwrap_or(rest.len());
            let part = &rest[..cut];
            if part.is_empty() {
                return None;
            }
            // Every part must be a known abbreviation: `HQ-182`, `SL-1`, `COVID-19` are
            // names and model numbers.
            let key = self.lookup_key(part);
            let r = self.resolve_key(&key, part, i, false)?;
            out.push_str(&r.expansion);
            let Some(sep) = rest[cut..].chars().next() else { break };
            out.push_str(match sep {
                '-' => " - ",
                '/' => "/",
                '&' => " và ",
                _ => " ",
            });
            rest = &rest[cut + 1..];
        }
        Some(out)
    }

    /// Token `i` is a Vietnamese syllable in capitals next to another one (a headline).
    fn caps_run(&self, i: usize) -> bool {
        self.caps_word(i.checked_sub(1)) || self.caps_word(Some(i + 1))
    }

    pub(super) fn caps_word(&self, i: Option<usize>) -> bool {
        let Some(t) = i.and_then(|i| self.tokens.get(i)) else { return false };
        // Two letters or more, whatever the form: `Ê` written decomposed (`E` + U+0302) is one.
        t.kind() == TokenKind::Syllable
            && t.as_str().chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && all_caps(t.as_str())
    }

    /// `toks[i]` starts a sentence: the first token of the text, after a line break, or
    /// after `.`, `!`, `?`, `…` (opening quotes and brackets in between).
    pub(super) fn sentence_start(&self, toks: &[Tok<'h>], i: usize) -> bool {
        let mut right = toks[i].span().start;
        let mut j = i;
        while j > 0 {
            j -= 1;
            let p = toks[j];
            if self.line_break(p.span().end, right) {
                return true;
            }
            let s = p.as_str();
            if p.kind() == TokenKind::Punctuation
                && matches!(s, "(" | "[" | "\"" | "“" | "'" | "‘" | "«" | "-" | "–" | "—")
            {
                right = p.span().start;
                continue;
            }
            return p.kind() == TokenKind::Punctuation
                && s.starts_with(['.', '!', '?', '…'])
                && !self.is_abbreviation_dot(p.span());
        }
        // Before the tokens at hand: the raw text.
        let before = &self.text[..right];
        let kept = before.trim_end();
        kept.is_empty() || before[kept.len()..].contains(['\n', '\r']) || kept.ends_with(['.', '!', '?', '…'])
    }

    /// The period `dot` belongs to an abbreviation matched with it (`TP.`).
    fn is_abbreviation_dot(&self, dot: Span) -> bool {
        self.matches.last().is_some_and(|(m, _)| m.span.end == dot.end && m.span.start < dot.start)
    }

    pub(super) fn line_break(&self, a: usize, b: usize) -> bool {
        a < b && self.text.as_bytes()[a..b].iter().any(|&c| c == b'\n' || c == b'\r')
    }
}

/// A letter of a word (combining marks included).
/// Up to two words that end `text` (nearest last) and how many, read back over single
/// spaces; a word is a run of letters, and the reading stops at anything else.
fn words_back(text: &str) -> ([&str; 2], usize) {
    let mut out = [""; 2];
    let mut n = 0;
    let mut rest = text;
    while n < 2 {
        let start = rest
            .rfind(|c: char| !is_alphabetic(c))
            .map_or(0, |k| k + rest[k..].chars().next().map_or(1, char::len_utf8));
        let word = &rest[start..];
        if word.is_empty() {
            break;
        }
        out[n] = word;
        n += 1;
        match rest[..start].strip_suffix(' ') {
            Some(r) if !r.ends_with(' ') => rest = r,
            _ => break,
        }
    }
    out[..n].reverse();
    (out, n)
}

/// The abbreviation after ` và ` at the start of `text` (`ĐT` in ` và ĐT`, ` VÀ ĐT`): a word
/// of two or more capitals that ends at a space, punctuation or the end.
fn pair_after(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(" và ").or_else(|| text.strip_prefix(" VÀ "))?;
    let end = rest.find(|c: char| !is_alphabetic(c)).unwrap_or(rest.len());
    let word = &rest[..end];
    (rest[end..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '&')
        && is_capitals(word))
    .then_some(word)
}

/// The abbreviation before ` và ` at the end of `text` (`GD` in `Bộ GD và `): a word of two
/// or more capitals after a space or the start.
fn pair_before(text: &str) -> Option<&str> {
    let rest = text.strip_suffix(" và ").or_else(|| text.strip_suffix(" VÀ "))?;
    let word = &rest[rest.rfind(' ').map_or(0, |k| k + 1)..];
    is_capitals(word).then_some(word)
}

/// Two or more letters, all capitals (`GD`, `ĐT`).
fn is_capitals(word: &str) -> bool {
    word.chars().nth(1).is_some() && word.chars().all(|c| is_alphabetic(c) && c.is_uppercase())
}

/// `char::is_alphabetic`, answered without a table search for ASCII and the Latin blocks
/// that Vietnamese is written in (every character of U+00C0–U+024F but `×` and `÷`, and of
/// U+1E00–U+1EFF, is a letter; `is_alphabetic_fast_path_is_exact` checks them all).
fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        c => c.is_alphabetic(),
    }
}

/// Up to two words that start `text` and how many, read over single spaces; a word is a
/// run of letters.
fn words_forward(text: &str) -> ([&str; 2], usize) {
    let mut out = [""; 2];
    let mut n = 0;
    let mut rest = text;
    while n < 2 {
        let end = rest.find(|c: char| !is_alphabetic(c)).unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        out[n] = &rest[..end];
        n += 1;
        match rest[end..].strip_prefix(' ') {
            Some(r) if !r.starts_with(' ') => rest = r,
            _ => break,
        }
    }
    (out, n)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// A sentence ends at byte `at` of `s`: a line break, or `.`, `!`, `?`, `;`, `…` followed by
/// a space or the end.
fn ends_sentence(s: &str, at: usize, c: char) -> bool {
    c == '\n'
        || c == '\r'
        || (matches!(c, '.' | '!' | '?' | ';' | '…')
            && s[at + c.len_utf8()..].chars().next().is_none_or(char::is_whitespace))
}

/// Where the sentence that `s` ends in starts (just after its last sentence end).
fn sentence_cut_before(s: &str) -> usize {
    s.char_indices().rfind(|&(at, c)| ends_sentence(s, at, c)).map_or(0, |(at, c)| at + c.len_utf8())
}

/// Where the sentence that `s` starts in ends (at its first sentence end).
fn sentence_cut_after(s: &str) -> usize {
    s.char_indices().find(|&(at, c)| ends_sentence(s, at, c)).map_or(s.len(), |(at, _)| at)
}

pub(super) fn all_caps(s: &str) -> bool {
    let mut upper = false;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        upper |= c.is_uppercase();
    }
    upper
}

pub(super) fn is_dash(t: &Tok<'_>) -> bool {
    t.kind() == TokenKind::Punctuation && matches!(t.as_str(), "-" | "–")
}

/// A token that may be an abbreviation being defined: two capitals or more, no digits.
pub(super) fn abbreviation_like(t: &Tok<'_>) -> bool {
    t.kind().is_word()
        && t.as_str().chars().filter(|c| c.is_uppercase()).count() >= 2
        && !t.as_str().bytes().any(|b| b.is_ascii_digit())
}

/// The score of `cue` (one or more words) in `window`: `CUE_WINDOW + 1 - d` for its nearest
/// occurrence `d` tokens away, 0 when absent.
fn cue_score(window: &[(Cow<'_, str>, usize)], cue: &str) -> usize {
    let words: Vec<&str> = cue.split(' ').collect();
    let n = words.len();
    let nearest = (0..window.len().saturating_sub(n - 1))
        .filter(|&p| window[p..p + n].iter().zip(&words).all(|((k, _), w)| k == w))
        .map(|p| window[p..p + n].iter().map(|&(_, d)| d).min().unwrap_or(usize::MAX))
        .min();
    nearest.map_or(0, |d| (CUE_WINDOW + 1).saturating_sub(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_scores_favour_near_whole_words() {
        let window: Vec<(Cow<'_, str>, usize)> = ["công", "ty", "", "x", "nhà", "đầu", "tư", "tyx"]
            .iter()
            .enumerate()
            .map(|(p, w)| (Cow::Borrowed(*w), p.abs_diff(2)))
            .collect();
        assert_eq!(cue_score(&window, "công ty"), CUE_WINDOW);
        assert_eq!(cue_score(&window, "nhà đầu tư"), CUE_WINDOW - 1);
        assert_eq!(cue_score(&window, "ty x"), 0);
        assert_eq!(cue_score(&window, "tyx"), CUE_WINDOW + 1 - 5);
        assert_eq!(cue_score(&window, "cổ phần"), 0);
    }

    #[test]
    fn is_alphabetic_fast_path_is_exact() {
        for c in '\0'..=char::MAX {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
