//! The `vntext` binary as a user runs it: help, bad arguments, bad input files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const COMMANDS: [&str; 11] = [
    "analyze",
    "tokenize",
    "sentences",
    "normalize",
    "segment",
    "ner",
    "ner-conll",
    "expand",
    "throughput",
    "train-segmenter",
    "train-ner",
];

fn vntext(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vntext"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the vntext binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh directory under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("vntext-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Exit non-zero with one line on stderr, nothing on stdout and no panic.
fn assert_clean_error(out: &Output, what: &str) {
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{what}: exit 0");
    assert!(out.stdout.is_empty(), "{what}: printed {:?}", text(&out.stdout));
    assert_eq!(err.lines().count(), 1, "{what}: stderr {err:?}");
    assert!(!err.contains("panicked"), "{what}: {err}");
}

#[test]
fn every_command_has_help_that_exits_0_and_shows_its_usage() {
    for name in COMMANDS {
        for flag in ["--help", "-h"] {
            let out = vntext(&[name, flag]);
            assert!(out.status.success(), "{name} {flag}: {:?}", out.status);
            let help = text(&out.stdout);
            assert!(help.contains(&format!("usage: vntext {name}")), "{name} {flag}: {help}");
        }
    }
    // `--help` wins over other arguments, even ones that would be errors.
    let out = vntext(&["segment", "--frobnicate", "--help"]);
    assert!(out.status.success());
}

#[test]
fn the_top_level_help_lists_every_command() {
    let out = vntext(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for name in COMMANDS {
        assert!(help.lines().any(|l| l.trim_start().starts_with(&format!("{name} "))), "{name} in {help}");
    }
    assert!(text(&vntext(&["--version"]).stdout).starts_with("vntext "));
}

#[test]
fn an_unknown_or_missing_command_is_a_usage_error() {
    let out = vntext(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert_clean_error(&out, "frobnicate");
    // The old example names point to the new ones.
    let out = vntext(&["ner_conll"]);
    assert!(text(&out.stderr).contains("did you mean `ner-conll`?"), "{}", text(&out.stderr));
    let out = vntext(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("usage: vntext COMMAND"));
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let dir = TempDir::new("bad-arguments");
    let sample = dir.write("sample.txt", "Chiều 8/12, UBND tỉnh Đắk Nông họp.\n".as_bytes());
    let sample = sample.to_str().unwrap();
    let cases: &[&[&str]] = &[
        &["tokenize", "--frobnicate", sample],
        &["sentences", sample, sample],
        &["ner", "--json", sample],
        &["normalize", "--tone", "sideways", sample],
        &["normalize", "--tone"],
        &["analyze", "--jobs", "0", sample],
        &["analyze", "--top"],
        &["analyze", "--frobnicate", sample],
        &["segment", "--eval"],
        &["segment", "--frobnicate", sample],
        &["expand", "--dict"],
        &["expand", "--dict", "/nonexistent/dict.tsv", sample],
        &["throughput"],
        &["throughput", sample, "--runs", "many"],
        &["train-ner", "--out", "/nonexistent/model.bin"],
        &["train-ner", "--train", "x-test.conll", "--out", "m.bin"],
        &["train-segmenter", "--bits", "lots"],
        &["ner-conll", "--model"],
        &["ner-conll", "--frobnicate", sample],
    ];
    for args in cases {
        assert_clean_error(&vntext(args), &args.join(" "));
    }
    assert_eq!(vntext(&["normalize", "--tone", "sideways", sample]).status.code(), Some(2));
}

#[test]
fn a_missing_or_non_utf8_file_is_an_error_with_the_byte_offset_and_a_hint() {
    let dir = TempDir::new("bad-input");
    // `Việt Nam` in Windows-1258: `ệ` is `e` + 0xF2 (the dot below) there.
    let bad = dir.write("bad.txt", b"Vi\x65\xf2t Nam\n");
    let bad = bad.to_str().unwrap();
    for name in ["tokenize", "sentences", "normalize", "ner", "expand", "segment", "analyze", "ner-conll"] {
        let out = vntext(&[name, bad]);
        assert_clean_error(&out, name);
        let err = text(&out.stderr);
        assert!(err.contains("byte offset 3") && err.contains("Windows-1258"), "{name}: {err}");
        assert_clean_error(&vntext(&[name, "/nonexistent/vntext.txt"]), name);
    }
}

#[test]
fn analyze_reports_a_bad_file_in_a_directory_and_goes_on_with_the_others() {
    let dir = TempDir::new("analyze-dir");
    dir.write("a.txt", "Bộ Quốc phòng họp báo.\n".as_bytes());
    // TCVN3 (ABC) bytes for `Đắk Nông`: not UTF-8 from its first letter.
    dir.write("b/legacy.txt", b"\xa7\xb5k N\xab ng\n");
    dir.write("c.txt", "Tổng thống Mỹ Donald Trump gặp Thủ tướng Nhật Bản.\n".as_bytes());
    let dir_arg = dir.path().to_str().unwrap();

    let out = vntext(&["analyze", "--jobs", "2", dir_arg]);
    assert_eq!(out.status.code(), Some(1), "some source failed");
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("legacy.txt") && err.contains("byte offset 0") && err.contains("TCVN3"), "{err}");
    let summary = text(&out.stdout);
    assert!(summary.starts_with("sources: 3, documents: 2,"), "{summary}");
    assert!(summary.contains("Donald Trump"), "{summary}");

    let out = vntext(&["analyze", "--json", "--jobs", "1", dir_arg]);
    assert_eq!(out.status.code(), Some(1));
    let docs = text(&out.stdout);
    let sources: Vec<&str> =
        docs.lines().map(|l| l.split("\"source\":\"").nth(1).unwrap().split('"').next().unwrap()).collect();
    assert_eq!(sources.len(), 2, "{docs}");
    assert!(sources[0].ends_with("a.txt") && sources[1].ends_with("c.txt"), "{sources:?}");

    // Good files only: exit 0 and nothing on stderr.
    std::fs::remove_dir_all(dir.path().join("b")).unwrap();
    let out = vntext(&["analyze", dir_arg]);
    assert!(out.status.success() && out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn a_bad_byte_deep_in_a_file_is_found_at_its_offset() {
    let dir = TempDir::new("deep");
    let mut bytes = "Hà Nội là thủ đô.\n".repeat(10_000).into_bytes();
    let at = bytes.len();
    bytes.extend_from_slice(b"cu\xf4i\n");
    let path = dir.write("deep.txt", &bytes);
    let out = vntext(&["analyze", path.to_str().unwrap()]);
    assert_clean_error(&out, "analyze deep.txt");
    let err = text(&out.stderr);
    assert!(err.contains(&format!("byte offset {}", at + 2)), "{err}");
}
