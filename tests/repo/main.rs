//! Tests over files that are in the repository but not in the published package
//! (`tests/data/`, `corpus/`, `data/segmenter/`; see `include` in Cargo.toml). This test target lives
//! outside `tests/it/`, so the package leaves it out along with the files, and in the
//! repository every one of these tests runs and fails when its file is missing.

mod ner_corpus;
mod ner_eval;
mod ner_eval_data;
mod ner_trainer;
mod segmenter_dictionary;

/// The text of a file in the repository, relative to the crate root.
pub fn repo_file(rel: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}
