//! Throughput of every stage over one text file, measured the way
//! `../shared/peers/bench_peers.py` measures the Python peers, so the two compare like
//! with like: the first whole lines totalling at least `--max-bytes`, blank lines skipped,
//! one call per line, a warm-up on the first 200 lines, then whole timed passes repeated
//! until `--min-seconds`; MB/s = UTF-8 bytes of the lines (newline included) / 1e6 / s per
//! pass, the median of `--runs` measurements. `byte_scan` counts the spaces of the same
//! text in one pass (the memory-bandwidth floor). Construction of the engines (built-ins
//! included) is timed apart, before any pass.
//!
//! `vntext throughput FILE [--max-bytes N] [--min-seconds S]
//! [--runs R] [--json]`

/// `vntext throughput --help`.
pub const HELP: &str =
    "Throughput of every stage over one text file: the first whole lines totalling at least
--max-bytes (0, the default: all), blank lines skipped, one call per line, a warm-up on the
first 200 lines, then whole timed passes repeated until --min-seconds (default 1); MB/s = UTF-8
bytes of the lines (newline included) / 1e6 / s per pass, the median of --runs (default 3)
measurements. `byte_scan` counts the spaces of the same text in one pass (the memory-bandwidth
floor). Construction of the engines is timed apart, before any pass.

usage: vntext throughput FILE [--max-bytes N] [--min-seconds S] [--runs R] [--json]
";

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use crate::stages::{self, Pipeline};
use serde_json::json;

struct Options {
    file: String,
    max_bytes: usize,
    min_seconds: f64,
    runs: usize,
    json: bool,
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut o = Options { file: String::new(), max_bytes: 0, min_seconds: 1.0, runs: 3, json: false };
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--max-bytes" => o.max_bytes = value(&a)?.parse().map_err(|_| "--max-bytes needs a number")?,
            "--min-seconds" => {
                o.min_seconds = value(&a)?.parse().map_err(|_| "--min-seconds needs a number")?
            }
            "--runs" => o.runs = value(&a)?.parse::<usize>().map_err(|_| "--runs needs a number")?.max(1),
            "--json" => o.json = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => o.file = a,
        }
    }
    if o.file.is_empty() {
        return Err(
            "usage: vntext throughput FILE [--max-bytes N] [--min-seconds S] [--runs R] [--json]".into()
        );
    }
    Ok(o)
}

/// The first whole lines totalling at least `max_bytes` (0: all), blank ones dropped.
fn lines_of(text: &str, max_bytes: usize) -> Vec<&str> {
    let mut total = 0;
    let mut out = Vec::new();
    for raw in text.split_inclusive('\n') {
        if max_bytes > 0 && total >= max_bytes {
            break;
        }
        total += raw.len();
        let line = raw.trim_end_matches(['\r', '\n']);
        if !line.trim().is_empty() {
            out.push(line);
        }
    }
    out
}

/// Seconds per pass of `f` over `lines`: whole passes until `min_seconds` have passed.
fn seconds_per_pass(lines: &[&str], min_seconds: f64, f: &dyn Fn(&str) -> usize) -> f64 {
    for l in lines.iter().take(200) {
        black_box(f(l));
    }
    let start = Instant::now();
    let mut passes = 0u32;
    loop {
        for l in lines {
            black_box(f(black_box(l)));
        }
        passes += 1;
        let secs = start.elapsed().as_secs_f64();
        if secs >= min_seconds {
            return secs / f64::from(passes);
        }
    }
}

/// Peak resident memory of this process in MB (Linux), if known.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

type Stage<'p> = (&'static str, Box<dyn Fn(&str) -> usize + 'p>);

pub fn run(args: Vec<String>) -> ExitCode {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("throughput: {msg}");
            return ExitCode::FAILURE;
        }
    };
    let text = match crate::input::read_text(Some(&opts.file)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("throughput: {}: {e}", opts.file);
            return ExitCode::FAILURE;
        }
    };
    let lines = lines_of(&text, opts.max_bytes);
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    let joined: String = lines.iter().flat_map(|l| [*l, "\n"]).collect();

    let t = Instant::now();
    let p = Pipeline::new();
    let construct_ms = t.elapsed().as_secs_f64() * 1e3;

    let mut stages: Vec<Stage> = vec![
        ("key", Box::new(|l: &str| vntext::key(l).len())),
        ("normalize", Box::new(|l: &str| p.normalize(l).len())),
        ("tokenize", Box::new(|l: &str| p.count_tokens(l, |_, _| {}).tokens)),
        ("sentences", Box::new(|l: &str| vntext::sentences(l).count())),
    ];
    let probe = "UBND tỉnh Đắk Nông.";
    if p.expand(probe).is_some() {
        stages.push(("expand", Box::new(|l: &str| p.expand(l).map_or(0, |v| v.len()))));
    }
    if p.entities(probe).is_some() {
        stages.push(("ner", Box::new(|l: &str| p.entities(l).map_or(0, |v| v.len()))));
    }
    if p.segment(probe).is_some() {
        stages.push(("segment", Box::new(|l: &str| p.segment(l).map_or(0, |v| v.len()))));
    }
    stages.push((
        "pipeline",
        Box::new(|l: &str| {
            let n = usize::from(p.needs_normalization(l))
                + p.count_tokens(l, |_, _| {}).tokens
                + p.sentences(l).len();
            n + p.expand(l).map_or(0, |v| v.len())
                + p.entities(l).map_or(0, |v| v.len())
                + p.segment(l).map_or(0, |v| v.len())
        }),
    ));

    let mb = bytes as f64 / 1e6;
    let mut results = Vec::new();
    let whole = [joined.as_str()];
    let scan: Stage = ("byte_scan", Box::new(|t: &str| t.bytes().filter(|&b| b == b' ').count()));
    for (name, f) in std::iter::once(&scan).chain(stages.iter()) {
        let input: &[&str] = if *name == "byte_scan" { &whole } else { &lines };
        let mut rates: Vec<f64> =
            (0..opts.runs).map(|_| mb / seconds_per_pass(input, opts.min_seconds, f.as_ref())).collect();
        rates.sort_by(f64::total_cmp);
        let median = rates[rates.len() / 2];
        if !opts.json {
            println!("{name:<10} {median:>10.2} MB/s  (runs {:.2}-{:.2})", rates[0], rates[rates.len() - 1]);
        }
        results.push(json!({"stage": name, "mb_per_s": median, "mb_per_s_min": rates[0], "mb_per_s_max": rates[rates.len() - 1]}));
    }
    let missing: Vec<&str> =
        stages::OPTIONAL.iter().copied().filter(|s| !results.iter().any(|r| r["stage"] == *s)).collect();
    let report = json!({
        "file": opts.file, "lines": lines.len(), "bytes": bytes, "runs": opts.runs,
        "construct_ms": construct_ms, "peak_rss_mb": peak_rss_mb(), "stages": results, "not_in_this_build": missing,
    });
    if opts.json {
        println!("{report}");
    } else {
        println!(
            "{} lines, {bytes} bytes; construction {construct_ms:.1} ms; peak RSS {:.1} MB; not in this build: {missing:?}",
            lines.len(),
            peak_rss_mb().unwrap_or(f64::NAN)
        );
    }
    ExitCode::SUCCESS
}
