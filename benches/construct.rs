//! Construction costs, timed apart from the per-byte benches: what a caller pays once when
//! building an engine instead of using a shared built-in.
//!
//! `cargo bench --bench construct`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use vntext::{Normalizer, Tokenizer, TonePlacement};

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("construct");
    g.sample_size(20).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    g.bench_function("tokenizer", |b| {
        b.iter(|| black_box(Tokenizer::builder().keep_whitespace(true).build()))
    });
    g.bench_function("normalizer", |b| {
        b.iter(|| black_box(Normalizer::builder().tone(TonePlacement::New).build()))
    });
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
