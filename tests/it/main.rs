//! The crate's one integration-test binary: one module per stage.

mod abbrev;
mod abbrev_context;
mod adversarial;
mod corpus;
mod invariants;
mod ner;
mod ner_eval_data;
mod normalize;
mod regressions;
mod segment;
mod sentences;
mod stages;
mod syllables;
mod threads;
mod tokenize;
mod units;

/// Path to `../shared` beside the crate root, when it exists.
pub fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} not found (../shared is absent on a fresh clone)", p.display());
        None
    }
}
