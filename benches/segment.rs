//! Word segmentation throughput (MB/s of input text) over ~1.5 MB of real Vietnamese text
//! (news sample, Wikipedia, laws from `../shared/data`, or the shipped sample), with the
//! tokenizer alone on the same text for comparison, and the cost of loading the model.
//!
//! `cargo bench --bench segment`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vntext::WordSegmenter;

mod common;

fn bench(c: &mut Criterion) {
    let (text, label) = common::real_text(1_500_000);
    eprintln!("input: {label} ({} bytes)", text.len());
    let segmenter = WordSegmenter::builtin();
    let mut worker = segmenter.worker();
    // Warm up the built-in model and the worker's buffers.
    black_box(worker.segment(&text).count());

    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    g.bench_function("tokenize_only", |b| b.iter(|| vntext::tokenize(black_box(&text)).count()));
    g.bench_function("worker_by_line", |b| {
        b.iter(|| black_box(&text).lines().map(|line| worker.segment(line).count()).sum::<usize>())
    });
    g.bench_function("worker_whole_text", |b| b.iter(|| worker.segment(black_box(&text)).count()));
    g.finish();

    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/segmenter.bin")).unwrap_or_default();
    c.bench_function("segment/load_model", |b| {
        b.iter(|| WordSegmenter::from_model_bytes(black_box(&bytes)).is_ok())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
