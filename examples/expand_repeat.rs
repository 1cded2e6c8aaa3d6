//! Expands a file N times with the built-in dictionary and prints the bytes processed and
//! the matches found: a driver for profilers and instruction counters.
//!
//! `cargo run --release --example expand_repeat -- FILE [N]` (N defaults to 20), e.g.
//! `valgrind --tool=cachegrind --cache-sim=no target/release/examples/expand_repeat FILE`.
//! With `--tokenize` it only tokenizes, for comparison.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let tokenize_only = args.iter().any(|a| a == "--tokenize");
    args.retain(|a| a != "--tokenize");
    if args.len() > 2 || args.iter().any(|a| a.starts_with('-') && a != "-") {
        eprintln!("expand_repeat: usage: expand_repeat [--tokenize] FILE [N]");
        return ExitCode::FAILURE;
    }
    let path = args.first().map(String::as_str);
    let text = match path {
        None | Some("-") => std::io::read_to_string(std::io::stdin()),
        Some(p) => std::fs::read_to_string(p),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("expand_repeat: {}: {e}", path.unwrap_or("-"));
            return ExitCode::FAILURE;
        }
    };
    let Ok(times) = args.get(1).map_or(Ok(20), |n| n.parse::<usize>()) else {
        eprintln!("expand_repeat: usage: expand_repeat [--tokenize] FILE [N]");
        return ExitCode::FAILURE;
    };
    let dict = vntext::Abbreviations::builtin();
    let mut found = 0;
    for _ in 0..times {
        found +=
            if tokenize_only { vntext::tokenize(&text).count() } else { dict.expand(&text).matches().len() };
    }
    println!("{} bytes, {found} {}", text.len() * times, if tokenize_only { "tokens" } else { "matches" });
    ExitCode::SUCCESS
}
