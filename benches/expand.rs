//! Abbreviation expansion throughput (MB/s of input) over real text, and the cost of
//! building the dictionary.
//!
//! `cargo bench --bench expand`. Uses the first 2 MB of the news sample and of a law from
//! `../shared/data` when present, else `benches/texts/sample.txt` repeated to about 1 MB.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vntext::Abbreviations;

const LIMIT: usize = 2 << 20;

/// The first `LIMIT` bytes of a file under `../shared/data`, cut at a line end.
fn shared_text(path: &str) -> Option<String> {
    let full = format!("{}/../shared/data/{path}", env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(full).ok()?;
    if text.len() > LIMIT {
        let cut = text[..LIMIT].rfind('\n').unwrap_or(0);
        text.truncate(cut);
    }
    Some(text)
}

fn texts() -> Vec<(&'static str, String)> {
    let mut texts = Vec::new();
    if let Some(t) = shared_text("news-sample/demo-full.txt") {
        texts.push(("news", t));
    }
    if let Some(t) = shared_text("laws/corpus/bo-luat-hinh-su.txt") {
        texts.push(("law", t));
    }
    if texts.is_empty() {
        eprintln!("../shared/data is absent: benchmarking benches/texts/sample.txt");
        let sample = include_str!("texts/sample.txt");
        texts.push(("sample", sample.repeat((1 << 20) / sample.len() + 1)));
    }
    texts
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("abbreviations");
    g.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3)).sample_size(20);

    let src = include_str!("../data/abbreviations.tsv");
    g.throughput(Throughput::Bytes(src.len() as u64));
    g.bench_function("build/builtin-tsv", |b| {
        b.iter(|| Abbreviations::from_tsv("abbreviations.tsv", black_box(src)).expect("built-in data"))
    });

    let dict = Abbreviations::builtin();
    for (name, text) in texts() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("expand/{name}"), |b| b.iter(|| dict.expand(black_box(&text))));
        // The tokenizer alone, for comparison: expansion cannot be faster than this.
        g.bench_function(format!("tokenize-only/{name}"), |b| {
            b.iter(|| vntext::tokenize(black_box(&text)).count())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
