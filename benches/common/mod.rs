//! Bench inputs shared by every bench: real Vietnamese text from `../shared/data` when it
//! is there, otherwise the sample shipped in `examples/data/`.

use std::path::Path;

/// About `limit` bytes of real text and a label saying where it came from.
pub fn real_text(limit: usize) -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = [
        "../shared/data/news-sample/demo-full.txt",
        "../shared/data/viwiki/viwiki-2017-part1.txt",
        "../shared/data/laws/corpus",
    ];
    let mut text = String::new();
    let mut used = Vec::new();
    let per_source = limit / sources.len();
    for rel in sources {
        let path = root.join(rel);
        let Some(chunk) = read_some(&path, per_source) else { continue };
        text.push_str(&chunk);
        text.push('\n');
        used.push(rel);
    }
    if text.is_empty() {
        let sample = std::fs::read_to_string(root.join("examples/data/sample.txt")).expect("shipped sample");
        while text.len() < limit.min(1 << 20) {
            text.push_str(&sample);
        }
        return (text, "examples/data/sample.txt repeated (../shared absent)".to_owned());
    }
    let label = format!("{} MB from {}", text.len() / 1_000_000, used.join(", "));
    (text, label)
}

/// Up to `limit` bytes of a file (or of the files of a directory, in name order), cut at a
/// line end.
fn read_some(path: &Path, limit: usize) -> Option<String> {
    let mut out = String::new();
    let files: Vec<_> = if path.is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(path).ok()?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        for line in text.lines() {
            if out.len() >= limit {
                return Some(out);
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    (!out.is_empty()).then_some(out)
}
