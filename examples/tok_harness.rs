//! Tokenizer harness for callgrind and token dumps (not part of the package).
//!
//! `cargo run --release --example tok_harness -- FILE [N]` tokenizes FILE (or, for
//! `--bench-text`, the input of `benches/tokenize.rs`) N times (default 1)
//! inside `measured` (each token's kind and span read; with a third argument `count`, in
//! `measured_count`, counted as the bench does), for
//! `valgrind --tool=callgrind --toggle-collect='*measured*'`;
//! `cargo run --release --example tok_harness -- --dump FILE` prints kind and span of each token.

use std::hint::black_box;

#[path = "../benches/common/mod.rs"]
mod common;

/// One pass that reads every token's kind and span.
#[inline(never)]
fn measured(text: &str) -> usize {
    vntext::tokenize(black_box(text)).map(|t| t.kind() as usize + t.span().end).fold(0, usize::wrapping_add)
}

/// One pass that counts the tokens, as `benches/tokenize.rs` does.
#[inline(never)]
fn measured_count(text: &str) -> usize {
    vntext::tokenize(black_box(text)).count()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--dump") {
        use std::io::Write;
        let text = std::fs::read_to_string(&args[1]).expect("input");
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for t in vntext::tokenize(&text) {
            writeln!(out, "{} {} {}", t.kind().as_str(), t.span().start, t.span().end).unwrap();
        }
        return;
    }
    // `--bench-text`: the text `cargo bench --bench tokenize` reads.
    let text = if args[0] == "--bench-text" {
        common::real_text(3_000_000).0
    } else {
        std::fs::read_to_string(&args[0]).expect("input")
    };
    let n: usize = args.get(1).map_or(1, |s| s.parse().expect("N"));
    let pass = if args.get(2).map(String::as_str) == Some("count") { measured_count } else { measured };
    // The syllable set is built on first use: build it before the measured calls.
    black_box(vntext::tokenize("một").count());
    let mut sum = 0usize;
    for _ in 0..n {
        sum = sum.wrapping_add(pass(&text));
    }
    println!("{} bytes x{n}: {sum}", text.len());
}
