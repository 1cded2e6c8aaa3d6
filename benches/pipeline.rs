//! Throughput of the whole pipeline through the library's API (normalization check, tokens,
//! sentences, abbreviation expansion, named entities and word segmentation), one call per
//! line of real text, the way a caller streaming a corpus would use it. (`vntext throughput`,
//! the command-line tool, measures the same stages as `vntext analyze` calls them, with
//! their output collected.)
//!
//! `cargo bench --bench pipeline`

use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vntext::{Abbreviations, Normalizer, Recognizer, TokenKind, WordSegmenter};

mod common;

fn benches(c: &mut Criterion) {
    let (text, label) = common::real_text(1_000_000);
    eprintln!("input: {label} ({} bytes)", text.len());
    let normalizer = Normalizer::new();
    let (abbreviations, recognizer, segmenter) =
        (Abbreviations::builtin(), Recognizer::builtin(), WordSegmenter::builtin());
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    g.bench_function("analyze_by_line", |b| {
        b.iter(|| {
            let mut n = 0;
            for l in &lines {
                let l = black_box(*l);
                n += usize::from(matches!(normalizer.normalize(l), Cow::Owned(_)))
                    + vntext::tokenize(l).filter(|t| t.kind() != TokenKind::Whitespace).count()
                    + vntext::sentences(l).count();
                n += abbreviations.expand(l).matches().len() + recognizer.recognize(l).len();
                n += segmenter.segment(l).len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
