//! Word segmentation throughput (MB/s of input text).
//!
//! Reads ~1.5 MB of Vietnamese Wikipedia from `../shared/data/viwiki/` when it exists, or
//! else the news sample, or else a short text written for this bench, repeated.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vntext::WordSegmenter;

const TARGET_BYTES: usize = 1_500_000;

/// A fallback text written for this bench (no corpus at hand).
static SAMPLE: &str = "Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác quốc phòng \
địa phương năm 2022 và triển khai nhiệm vụ năm 2023. Tham dự có đại diện các sở, ban, ngành và \
lãnh đạo các huyện, thành phố. Báo cáo cho biết trong năm qua, lực lượng vũ trang tỉnh đã hoàn \
thành tốt các chỉ tiêu huấn luyện, diễn tập và tuyển quân; công tác giáo dục quốc phòng và an ninh \
được thực hiện đúng kế hoạch.\nPhát biểu tại hội nghị, đồng chí Chủ tịch tỉnh đề nghị các cơ quan \
tiếp tục phối hợp chặt chẽ, nâng cao chất lượng tham mưu và xây dựng nền quốc phòng toàn dân \
vững mạnh.\n";

fn corpus() -> (String, &'static str) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");
    for (path, name) in
        [("viwiki/viwiki-2017-part2.txt", "viwiki"), ("news-sample/demo-full.txt", "news-sample")]
    {
        if let Ok(text) = std::fs::read_to_string(format!("{root}/{path}")) {
            let mut cut = TARGET_BYTES.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            // End on a line break so no sentence is cut.
            let end = text[..cut].rfind('\n').map_or(cut, |i| i + 1);
            return (text[..end].to_owned(), name);
        }
    }
    println!("../shared not found: benchmarking the built-in sample text");
    (SAMPLE.repeat(TARGET_BYTES / SAMPLE.len() + 1), "sample")
}

fn bench(c: &mut Criterion) {
    let (text, name) = corpus();
    let segmenter = WordSegmenter::builtin();
    let mut worker = segmenter.worker();
    // Warm up the lazies and the buffers.
    black_box(worker.segment(&text).count());

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("worker_by_line/{name}"), |b| {
        b.iter(|| {
            let mut n = 0;
            for line in text.lines() {
                n += worker.segment(black_box(line)).count();
            }
            n
        })
    });
    group.bench_function(format!("worker_whole_text/{name}"), |b| {
        b.iter(|| worker.segment(black_box(&text)).count())
    });
    group.finish();

    c.bench_function("segment/load_model", |b| {
        let bytes =
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/segmenter.bin")).unwrap_or_default();
        b.iter(|| WordSegmenter::from_model_bytes(black_box(&bytes)).is_ok())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
