//! Entities the caller knows: names that must be recognised as a person, organisation or
//! place whatever the rules say (`Công ty Cổ phần Sữa Việt Nam`, a local unit, a new ward).
//! See [`RecognizerBuilder`](crate::RecognizerBuilder).

use std::collections::HashMap;

use super::{Entity, EntityKind, MatchKind};
use crate::error::{Error, Result};
use crate::span::Span;
use crate::token::tokenize;
use crate::tsv;

/// Names with their kinds, looked up by the comparison keys of their tokens joined by
/// single spaces, so that case, NFC/NFD, tone placement and spacing do not matter.
#[derive(Clone, Debug, Default)]
pub(crate) struct UserEntities {
    /// Kind, line (0 when added in code) and the name as written.
    by_key: HashMap<String, (EntityKind, usize, String)>,
    /// The most tokens a name has.
    longest: usize,
    /// Patterns of the caller's own (case numbers, ID numbers, plates), in the order added.
    patterns: Vec<(EntityKind, regex::Regex)>,
}

/// The key of a run of tokens: their keys joined by single spaces.
fn tokens_key<'a>(tokens: impl Iterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for t in tokens {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&crate::normalize::key(t));
    }
    key
}

impl UserEntities {
    pub(crate) fn is_empty(&self) -> bool {
        self.by_key.is_empty() && self.patterns.is_empty()
    }

    /// Adds a pattern (the `regex` crate's syntax).
    pub(crate) fn add_pattern(&mut self, kind: EntityKind, pattern: &str) -> Result<()> {
        let regex = regex::Regex::new(pattern)
            .map_err(|e| Error::data(&format!("pattern `{pattern}`"), 0, e.to_string()))?;
        self.patterns.push((kind, regex));
        Ok(())
    }

    /// Adds a name; `Err` with the existing entry's line when the name is already there.
    pub(crate) fn add(
        &mut self,
        name: &str,
        kind: EntityKind,
        line: usize,
    ) -> std::result::Result<(), usize> {
        let tokens: Vec<&str> = tokenize(name).map(|t| t.as_str()).collect();
        if tokens.is_empty() {
            return Ok(());
        }
        let key = tokens_key(tokens.iter().copied());
        if let Some((_, earlier, _)) = self.by_key.get(&key) {
            return Err(*earlier);
        }
        self.longest = self.longest.max(tokens.len());
        self.by_key.insert(key, (kind, line, name.to_owned()));
        Ok(())
    }

    pub(crate) fn parse_into(&mut self, file: &str, src: &str) -> Result<()> {
        for row in tsv::parse(file, src, &["name", "kind"], 2)? {
            let kind = match row.get(1).trim() {
                "person" => EntityKind::Person,
                "organization" => EntityKind::Organization,
                "location" => EntityKind::Location,
                other => {
                    return Err(Error::data(
                        file,
                        row.line,
                        format!("unknown kind `{other}` (person, organization or location)"),
                    ));
                }
            };
            let name = row.get(0).trim();
            if tokenize(name).next().is_none() {
                return Err(Error::data(file, row.line, "the name has no words"));
            }
            if let Err(earlier) = self.add(name, kind, row.line) {
                return Err(Error::data(file, row.line, format!("`{name}` is already on line {earlier}")));
            }
        }
        Ok(())
    }

    /// Finds the names in `text`, leftmost-longest, never across a line break. Each token's
    /// key is computed once; candidate names are built in one reused buffer.
    pub(crate) fn find<'h>(&self, text: &'h str) -> Vec<Entity<'h>> {
        let tokens: Vec<_> = tokenize(text).collect();
        let keys: Vec<_> = tokens.iter().map(|t| crate::normalize::key(t.as_str())).collect();
        let mut out = Vec::new();
        let mut candidate = String::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut found = None;
            candidate.clear();
            for len in 1..=self.longest.min(tokens.len() - i) {
                let last = i + len - 1;
                if len > 1 {
                    if text[tokens[last - 1].span().end..tokens[last].span().start].contains('\n') {
                        break;
                    }
                    candidate.push(' ');
                }
                candidate.push_str(&keys[last]);
                if let Some((kind, _, name)) = self.by_key.get(candidate.as_str()) {
                    let span = Span::new(tokens[i].span().start, tokens[last].span().end);
                    let matched = if &text[span.range()] == name {
                        MatchKind::Exact
                    } else {
                        MatchKind::CaseInsensitive
                    };
                    found = Some((len, *kind, span, matched));
                }
            }
            match found {
                Some((len, kind, span, matched)) => {
                    out.push(Entity {
                        kind,
                        span,
                        mention: span,
                        text: &text[span.range()],
                        record: None,
                        nested: false,
                        matched,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        // The patterns' matches, where no name or earlier pattern's match is. `out` stays
        // sorted and disjoint, and each pattern's matches come in order, so one sweep per
        // pattern finds the overlaps.
        for (kind, regex) in &self.patterns {
            let mut next = 0;
            let mut added = Vec::new();
            for m in regex.find_iter(text).filter(|m| !m.is_empty()) {
                while next < out.len() && out[next].span.end <= m.start() {
                    next += 1;
                }
                if out.get(next).is_some_and(|e| e.span.start < m.end()) {
                    continue;
                }
                let span = Span::new(m.start(), m.end());
                added.push(Entity {
                    kind: *kind,
                    span,
                    mention: span,
                    text: m.as_str(),
                    record: None,
                    nested: false,
                    matched: MatchKind::Exact,
                });
            }
            if !added.is_empty() {
                out.extend(added);
                out.sort_by_key(|e| e.span.start);
            }
        }
        out
    }
}

/// Puts the caller's entities into the recognizer's: a user entity replaces every built-in
/// one it overlaps (with the entities nested in those).
pub(crate) fn merge<'h>(builtin: Vec<Entity<'h>>, user: Vec<Entity<'h>>) -> Vec<Entity<'h>> {
    if user.is_empty() {
        return builtin;
    }
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let mut out: Vec<Entity<'h>> = Vec::with_capacity(builtin.len() + user.len());
    let mut dropped_outer: Option<Span> = None;
    for e in builtin {
        if e.nested && dropped_outer.is_some_and(|o| o.contains(e.span)) {
            continue;
        }
        if user.iter().any(|u| overlaps(u.span, e.span)) {
            if !e.nested {
                dropped_outer = Some(e.span);
            }
            continue;
        }
        out.push(e);
    }
    out.extend(user);
    out.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end), e.nested));
    out
}
