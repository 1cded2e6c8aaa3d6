//! A small reader for the crate's TSV data files and for user dictionaries in the same
//! format: UTF-8, one header row, TAB-separated columns, `#` comment lines, blank lines
//! ignored. Errors name the file and the 1-based line.

// The dictionary and gazetteer stages are its users.
#![allow(dead_code)]

use crate::error::{Error, Result};

/// One data row: its 1-based line number and its fields (trailing optional columns may be
/// missing; they read as `""`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    pub line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// How many fields the row has.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Field `i`, or `""` when the row is shorter.
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }
}

/// Parses `src` (named `file` in errors). The header is `header`, or its first columns down
/// to the `required` ones (optional trailing columns may be left out of the file); every row
/// needs at least `required` non-empty leading fields and at most as many fields as the
/// header has.
pub(crate) fn parse<'a>(file: &str, src: &'a str, header: &[&str], required: usize) -> Result<Vec<Row<'a>>> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    let mut columns = header.len();
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let text = if line == 1 { text.strip_prefix('\u{FEFF}').unwrap_or(text) } else { text };
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = text.split('\t').collect();
        if !seen_header {
            if fields.len() < required.max(1)
                || fields.len() > header.len()
                || fields != header[..fields.len()]
            {
                return Err(Error::data(
                    file,
                    line,
                    format!(
                        "expected the header `{}`, found `{}`",
                        header.join("<TAB>"),
                        fields.join("<TAB>")
                    ),
                ));
            }
            seen_header = true;
            columns = fields.len();
            continue;
        }
        if fields.len() > columns {
            return Err(Error::data(
                file,
                line,
                format!(
                    "{} columns, at most {} expected ({})",
                    fields.len(),
                    columns,
                    header[..columns].join(", ")
                ),
            ));
        }
        for (k, name) in header.iter().enumerate().take(required) {
            if fields.get(k).is_none_or(|f| f.trim().is_empty()) {
                return Err(Error::data(file, line, format!("empty `{name}`")));
            }
        }
        rows.push(Row { line, fields });
    }
    if !seen_header {
        return Err(Error::data(file, 0, format!("no header row `{}`", header.join("<TAB>"))));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_lines() {
        let src = "# comment\na\tb\tc\nx\ty\n\nz\t\t\n";
        let rows = parse("t.tsv", src, &["a", "b", "c"], 1).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].get(0), rows[0].get(1), rows[0].get(2)), (3, "x", "y", ""));
        let err = parse("t.tsv", "a\tb\nx\ty\tz\n", &["a", "b"], 1).unwrap_err().to_string();
        assert_eq!(err, "t.tsv:2: 3 columns, at most 2 expected (a, b)");
        let err = parse("t.tsv", "a\tb\n\tq\n", &["a", "b"], 1).unwrap_err().to_string();
        assert_eq!(err, "t.tsv:2: empty `a`");
        assert!(parse("t.tsv", "b\ta\n", &["a", "b"], 1).is_err());
        assert!(parse("t.tsv", "", &["a"], 1).is_err());
    }

    #[test]
    fn optional_trailing_columns_may_be_left_out_of_the_header() {
        let rows = parse("t.tsv", "a\tb\nx\ty\n", &["a", "b", "c", "d"], 2).unwrap();
        assert_eq!((rows[0].get(0), rows[0].get(1), rows[0].get(2)), ("x", "y", ""));
        // A row may not be longer than the header the file chose.
        let err = parse("t.tsv", "a\tb\nx\ty\tz\n", &["a", "b", "c"], 2).unwrap_err().to_string();
        assert_eq!(err, "t.tsv:2: 3 columns, at most 2 expected (a, b)");
        // Required columns cannot be left out, nor can the order change.
        assert!(parse("t.tsv", "a\nx\n", &["a", "b", "c"], 2).is_err());
        assert!(parse("t.tsv", "a\tc\nx\ty\n", &["a", "b", "c"], 2).is_err());
    }
}
