//! Checks that every stage runs in linear time: times each stage on an input of size N and
//! of size 2N and prints time(2N)/time(N), which should stay well below 2.5.
//!
//! `cargo run --release --example linearity [-- SIZE_MB]` (default 4 MB). The inputs are
//! the sample text and adversarial patterns (no spaces, combining marks, periods, digits
//! and slashes...), repeated.

use std::time::Instant;

fn time(f: &dyn Fn(&str) -> usize, text: &str) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(f(text));
        best = best.min(t.elapsed().as_secs_f64());
    }
    best
}

type Stage = (&'static str, Box<dyn Fn(&str) -> usize>);

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(4);
    let n = mb << 20;
    let sample = include_str!("data/sample.txt");
    let patterns: [(&str, &str); 7] = [
        ("news text", sample),
        ("no spaces", "Đắknông"),
        ("combining marks", "a\u{301}\u{323}"),
        ("periods", "."),
        ("digits and slashes", "1/2/3/"),
        ("dotted letters", "a."),
        ("hyphenated capitals", "AB-"),
    ];
    let stages: Vec<Stage> = vec![
        ("tokenize", Box::new(|t: &str| vntext::tokenize(t).count())),
        ("sentences", Box::new(|t: &str| vntext::sentences(t).count())),
        ("normalize", Box::new(|t: &str| vntext::Normalizer::new().normalize_mapped(t).as_str().len())),
        ("fold", Box::new(|t: &str| vntext::fold_diacritics(t).len())),
        ("key", Box::new(|t: &str| vntext::key(t).len())),
        ("expand", Box::new(|t: &str| vntext::Abbreviations::builtin().expand(t).as_str().len())),
        ("ner", Box::new(|t: &str| vntext::Recognizer::builtin().recognize(t).len())),
        ("segment", Box::new(|t: &str| vntext::WordSegmenter::builtin().segment(t).len())),
    ];
    println!("input\tstage\tN bytes\ttime(N) s\ttime(2N)/time(N)");
    let mut worst: f64 = 0.0;
    for (name, pat) in patterns {
        let one = pat.repeat(n / pat.len() + 1);
        let two = pat.repeat(2 * (n / pat.len() + 1));
        for (stage, f) in &stages {
            let (t1, t2) = (time(f.as_ref(), &one), time(f.as_ref(), &two));
            let ratio = t2 / t1.max(1e-9);
            worst = worst.max(ratio);
            println!("{name}\t{stage}\t{}\t{t1:.4}\t{ratio:.2}", one.len());
        }
    }
    println!("worst ratio: {worst:.2}");
}
