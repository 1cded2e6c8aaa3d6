//! The crate's one integration-test binary: one module per stage.

mod abbrev;
mod abbrev_context;
mod adversarial;
mod corpus;
mod errors;
mod invariants;
mod ner;
mod ner_tagger;
mod normalize;
mod regressions;
mod segment;
mod sentences;
mod serialize;
mod stages;
mod syllables;
mod tagging;
mod threads;
mod tokenize;
mod units;

/// The text of a file under `../shared` beside the crate root.
///
/// Tests that call this are `#[ignore = "needs ../shared"]`: `cargo test` lists them as
/// ignored, and `cargo test -- --ignored` (which `.ci/run` runs when `../shared` exists) runs
/// them. Run that way without the file, they fail: a test never passes without checking.
pub fn shared(rel: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e} (this test needs ../shared)", p.display()))
}
