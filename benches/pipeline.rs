//! Throughput of the whole pipeline that `vntext analyze` (the CLI) runs (normalization check,
//! tokens, sentences, and expansion, entities and segmentation when the build has them),
//! one call per line of real text, the way a caller streaming a corpus would use it.
//!
//! `cargo bench --bench pipeline`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;
#[path = "../cli/src/stages.rs"]
mod stages;

fn benches(c: &mut Criterion) {
    let (text, label) = common::real_text(1_000_000);
    eprintln!("input: {label} ({} bytes); not in this build: {:?}", text.len(), missing());
    let p = stages::Pipeline::new();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    g.bench_function("analyze_by_line", |b| {
        b.iter(|| {
            let mut n = 0;
            for l in &lines {
                let l = black_box(*l);
                n += usize::from(p.needs_normalization(l))
                    + p.count_tokens(l, |_, _| {}).tokens
                    + p.sentences(l).len();
                n += p.expand(l).map_or(0, |v| v.len()) + p.entities(l).map_or(0, |v| v.len());
                n += p.segment(l).map_or(0, |v| v.len());
            }
            n
        })
    });
    g.finish();
}

/// The optional stages this build does not have.
fn missing() -> Vec<&'static str> {
    let p = stages::Pipeline::new();
    let probe = "UBND tỉnh Đắk Nông.";
    let have = [p.expand(probe).is_some(), p.entities(probe).is_some(), p.segment(probe).is_some()];
    stages::OPTIONAL.iter().zip(have).filter(|(_, h)| !h).map(|(s, _)| *s).collect()
}

criterion_group!(group, benches);
criterion_main!(group);
