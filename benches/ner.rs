//! Named-entity recognition throughput (MB/s) on news text: the first 1 MB of
//! `../shared/data/news-sample/demo-full.txt` when present (repeated up to 1 MB if shorter),
//! else the shipped `benches/texts/ner_sample.txt` repeated to 1 MB. Construction of the
//! built-in recognizer is measured separately.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vntext::Recognizer;

const SIZE: usize = 1 << 20;

fn corpus() -> (String, &'static str) {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/news-sample/demo-full.txt");
    let (base, name) = match std::fs::read_to_string(shared) {
        Ok(t) if !t.is_empty() => (t, "news-sample"),
        _ => (include_str!("texts/ner_sample.txt").to_owned(), "shipped-sample"),
    };
    let mut text = String::with_capacity(SIZE + base.len());
    while text.len() < SIZE {
        text.push_str(&base);
        text.push('\n');
    }
    let mut cut = SIZE;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    (text, name)
}

fn bench(c: &mut Criterion) {
    let (text, name) = corpus();
    let recognizer = Recognizer::builtin();
    black_box(recognizer.recognize("khởi động"));
    let mut group = c.benchmark_group("ner");
    group.sample_size(20).measurement_time(std::time::Duration::from_secs(8));
    group.throughput(Throughput::Bytes(text.len() as u64));
    // Baseline: the tokenizer alone, which the recognizer runs first.
    group.bench_function(format!("tokenize-only/{name}"), |b| {
        b.iter(|| black_box(vntext::tokenize(black_box(&text)).count()))
    });
    group.bench_function(format!("recognize/{name}"), |b| {
        b.iter(|| black_box(recognizer.recognize(black_box(&text))))
    });
    group.finish();
    let mut group = c.benchmark_group("ner-construct");
    group.sample_size(10);
    group.bench_function("Recognizer::new (gazetteer already parsed)", |b| {
        b.iter(|| black_box(Recognizer::new()))
    });
    // Reading the built-in tagger model (4 MB: header, checksum, weights), as the first
    // `Recognizer::builtin()` does once.
    let model = include_bytes!("../data/ner/tagger.bin");
    group.bench_function("NerTagger::from_model_bytes (built-in model)", |b| {
        b.iter(|| black_box(vntext::NerTagger::from_model_bytes(black_box(model)).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
