//! Throughput of tokenization, sentence splitting, normalization and folding over real
//! Vietnamese text, next to `unicode-segmentation`'s word bounds and a plain byte scan on
//! the same text in the same run.
//!
//! `cargo bench --bench tokenize`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;
use vntext::{Normalizer, TonePlacement};

mod common;

fn benches(c: &mut Criterion) {
    let (text, label) = common::real_text(3_000_000);
    eprintln!("input: {label} ({} bytes)", text.len());
    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    g.bench_function("byte_scan_spaces", |b| {
        b.iter(|| black_box(&text).bytes().filter(|&b| b == b' ').count())
    });
    g.bench_function("vntext_tokenize", |b| b.iter(|| vntext::tokenize(black_box(&text)).count()));
    g.bench_function("unicode_segmentation_word_bounds", |b| {
        b.iter(|| black_box(&text).split_word_bound_indices().count())
    });
    g.bench_function("vntext_sentences", |b| b.iter(|| vntext::sentences(black_box(&text)).count()));
    let old = Normalizer::new();
    g.bench_function("normalize_old_tone", |b| b.iter(|| old.normalize(black_box(&text)).len()));
    let new = Normalizer::builder().tone(TonePlacement::New).build();
    g.bench_function("normalize_new_tone", |b| b.iter(|| new.normalize(black_box(&text)).len()));
    g.bench_function("fold_diacritics", |b| b.iter(|| vntext::fold_diacritics(black_box(&text)).len()));
    g.bench_function("key", |b| b.iter(|| vntext::key(black_box(&text)).len()));
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
