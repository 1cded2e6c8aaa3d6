//! Runs the whole pipeline over a corpus: normalization check, tokens, sentences and, when
//! this build has them, abbreviation expansion, named entities and word segmentation.
//!
//! ```text
//! vntext analyze [FILE|DIR|-]... [--jobs N] [--json] [--tokens]
//!                                          [--max-doc-bytes N] [--top N]
//! ```
//!
//! Input: files, directories (every `.txt` file below them, in path order) or standard
//! input (`-` or nothing). Each source is cut into documents at `### title` lines (the
//! Wikipedia dumps) or else at blank lines, and documents longer than `--max-doc-bytes`
//! (default 1 MB) are cut at line ends, so memory stays bounded whatever the input size.
//! Documents are analysed in parallel on `--jobs` threads (default: all cores); at most
//! four per thread are in flight, and output keeps input order.
//!
//! Output: a summary (counts, entities by kind, the most frequent people, provinces and
//! abbreviations), or with `--json` one JSON object per document: `source`, `id`, `line`,
//! `offset` (byte offset of the document in its source; all spans are relative to it),
//! `bytes`, `needs_normalization`, `tokens` (a count, or with `--tokens` a list of
//! `[start, end, kind]`), `sentences` (`[start, end]`), `expansions`, `entities` and
//! `words` (`null` when the stage is not in this build). A progress bar goes to standard
//! error when it is a terminal.

/// `vntext analyze --help`.
pub const HELP: &str =
    "Runs the whole pipeline over a corpus: normalization check, tokens, sentences and, when this
build has them, abbreviation expansion, named entities and word segmentation.

usage: vntext analyze [FILE|DIR|-]... [--jobs N] [--json] [--tokens] [--max-doc-bytes N] [--top N]

Input: files, directories (every `.txt` file below them, in path order) or standard input (`-`
or nothing). Each source is cut into documents at `### title` lines (the Wikipedia dumps) or
else at blank lines, and documents longer than --max-doc-bytes (default 1 MB) are cut at line
ends, so memory stays bounded whatever the input size. Documents are analysed in parallel on
--jobs threads (default: all cores), and output keeps input order.

Output: a summary (counts, entities by kind, the most frequent people, provinces and
abbreviations; --top N of each, default 10), or with --json one JSON object per document:
`source`, `id`, `line`, `offset` (byte offset of the document in its source; all spans are
relative to it), `bytes`, `needs_normalization`, `tokens` (a count, or with --tokens a list of
[start, end, kind]), `sentences` ([start, end]), `expansions`, `entities` and `words`.

A source that cannot be read or is not UTF-8 (a file in a legacy encoding such as TCVN3, VNI
or Windows-1258) is reported on standard error with the byte offset of its first invalid byte,
and the others are analysed; the exit status is then 1 (and nothing is printed on standard
output when no source could be read).
";

mod docs;

use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::stages::Pipeline;
use docs::{Doc, Lines, Splitter};
use serde_json::{Value, json};

const USAGE: &str =
    "usage: vntext analyze [FILE|DIR|-]... [--jobs N] [--json] [--tokens] [--max-doc-bytes N] [--top N]";

/// Command-line options.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Options {
    inputs: Vec<String>,
    jobs: usize,
    json: bool,
    tokens: bool,
    max_doc_bytes: usize,
    top: usize,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut o =
        Options { inputs: Vec::new(), jobs, json: false, tokens: false, max_doc_bytes: 1_000_000, top: 10 };
    let mut args = args.into_iter();
    let number = |flag: &str, value: Option<String>| -> Result<usize, String> {
        value
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("{flag} needs a positive number"))
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jobs" | "-j" => o.jobs = number("--jobs", args.next())?,
            "--max-doc-bytes" => o.max_doc_bytes = number("--max-doc-bytes", args.next())?,
            "--top" => o.top = number("--top", args.next())?,
            "--json" => o.json = true,
            "--tokens" => o.tokens = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s} ({USAGE})")),
            _ => o.inputs.push(a),
        }
    }
    if o.inputs.is_empty() {
        o.inputs.push("-".to_owned());
    }
    Ok(o)
}

/// The sources named on the command line: directories become their `.txt` files,
/// recursively, in path order.
fn collect_sources(inputs: &[String]) -> io::Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|e| e == "txt") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for i in inputs {
        let p = PathBuf::from(i);
        if p.is_dir() {
            walk(&p, &mut out).map_err(|e| io::Error::new(e.kind(), format!("{i}: {e}")))?;
        } else {
            out.push(p);
        }
    }
    Ok(out)
}

/// Counts by key, remembering the first spelling seen. Bounded: past `limit` keys, the
/// keys seen once are dropped (so counts of rare items are approximate, frequent ones
/// exact up to the dropped single sightings).
#[derive(Default)]
struct Counter {
    counts: HashMap<String, (String, u64)>,
}

impl Counter {
    const LIMIT: usize = 200_000;

    fn add(&mut self, key: &str, shown: &str) {
        match self.counts.get_mut(key) {
            Some(e) => e.1 += 1,
            None => {
                if self.counts.len() >= Self::LIMIT {
                    self.counts.retain(|_, e| e.1 > 1);
                }
                self.counts.insert(key.to_owned(), (shown.to_owned(), 1));
            }
        }
    }

    fn top(&self, n: usize) -> Vec<(&str, u64)> {
        let mut v: Vec<(&str, u64)> = self.counts.values().map(|(s, c)| (s.as_str(), *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// What one document contributes to the summary.
#[derive(Default)]
struct DocStats {
    bytes: u64,
    tokens: u64,
    word_tokens: u64,
    sentences: u64,
    needs_normalization: bool,
    expansions: Option<u64>,
    entities: Option<Vec<(&'static str, String, String)>>,
    words: Option<(u64, u64)>,
    abbreviations: Vec<(String, String)>,
}

struct DocResult {
    json: Option<String>,
    stats: DocStats,
    position: u64,
}

fn span_pair(s: vntext::Span) -> Value {
    json!([s.start, s.end])
}

fn analyze(pipeline: &Pipeline, doc: &Doc, opts: &Options) -> DocResult {
    let text = doc.text.as_str();
    let mut stats = DocStats { bytes: text.len() as u64, ..DocStats::default() };
    stats.needs_normalization = pipeline.needs_normalization(text);
    let mut abbreviation_tokens = Vec::new();
    let counts = pipeline.count_tokens(text, |s, _| abbreviation_tokens.push(s));
    stats.tokens = counts.tokens as u64;
    stats.word_tokens = counts.words as u64;
    let sentences = pipeline.sentences(text);
    stats.sentences = sentences.len() as u64;
    let expansions = pipeline.expand(text);
    let entities = pipeline.entities(text);
    let words = pipeline.segment(text);
    stats.abbreviations = match &expansions {
        Some(found) => {
            // One line per abbreviation and expansion: an ambiguous one may expand differently.
            found.iter().map(|e| format!("{} → {}", e.surface, e.expansion)).map(|s| (s.clone(), s)).collect()
        }
        None => abbreviation_tokens.iter().map(|s| (s.to_string(), s.to_string())).collect(),
    };
    stats.expansions = expansions.as_ref().map(|v| v.len() as u64);
    stats.entities = entities.as_ref().map(|v| {
        v.iter()
            // Group by the gazetteer record when there is one, so that spellings of one
            // place count together; otherwise by the comparison key of the text.
            .map(|e| match &e.record {
                Some(r) => (e.kind, r.clone(), format!("{} [{r}]", e.text)),
                None => (e.kind, vntext::key(e.text).into_owned(), e.text.to_owned()),
            })
            .collect()
    });
    stats.words = words.as_ref().map(|w| {
        let multi = w.iter().filter(|w| w.syllables > 1).count();
        (w.len() as u64, multi as u64)
    });
    let json = opts.json.then(|| {
        let tokens = if opts.tokens {
            Value::Array(
                vntext::tokenize(text)
                    .filter(|t| t.kind() != vntext::TokenKind::Whitespace)
                    .map(|t| json!([t.span().start, t.span().end, t.kind().as_str()]))
                    .collect(),
            )
        } else {
            json!(counts.tokens)
        };
        let expansions = expansions.map(|v| {
            v.iter()
                .map(|e| json!({"span": span_pair(e.span), "text": e.surface, "expansion": e.expansion}))
                .collect::<Vec<_>>()
        });
        let entities = entities.map(|v| {
            v.iter()
                .map(|e| json!({"span": span_pair(e.span), "kind": e.kind, "text": e.text, "record": e.record}))
                .collect::<Vec<_>>()
        });
        let words = words.map(|w| if opts.tokens { json!(w.iter().map(|w| span_pair(w.span)).collect::<Vec<_>>()) } else { json!(w.len()) });
        json!({
            "source": &*doc.source, "id": doc.id, "line": doc.line, "offset": doc.offset, "bytes": text.len(),
            "needs_normalization": stats.needs_normalization, "tokens": tokens, "word_tokens": counts.words,
            "sentences": sentences.iter().map(|s| span_pair(*s)).collect::<Vec<_>>(),
            "expansions": expansions, "entities": entities, "words": words,
        })
        .to_string()
    });
    DocResult { json, stats, position: 0 }
}

/// Everything the summary shows.
#[derive(Default)]
struct Totals {
    documents: u64,
    bytes: u64,
    tokens: u64,
    word_tokens: u64,
    sentences: u64,
    needing_normalization: u64,
    expansions: Option<u64>,
    entities: Option<BTreeMap<&'static str, u64>>,
    words: Option<(u64, u64)>,
    people: Counter,
    provinces: Counter,
    abbreviations: Counter,
}

impl Totals {
    fn add(&mut self, s: DocStats) {
        self.documents += 1;
        self.bytes += s.bytes;
        self.tokens += s.tokens;
        self.word_tokens += s.word_tokens;
        self.sentences += s.sentences;
        self.needing_normalization += u64::from(s.needs_normalization);
        if let Some(n) = s.expansions {
            *self.expansions.get_or_insert(0) += n;
        }
        if let Some((w, m)) = s.words {
            let t = self.words.get_or_insert((0, 0));
            t.0 += w;
            t.1 += m;
        }
        for (key, shown) in &s.abbreviations {
            self.abbreviations.add(key, shown);
        }
        if let Some(found) = s.entities {
            let by_kind = self.entities.get_or_insert_with(BTreeMap::new);
            for (kind, key, shown) in found {
                *by_kind.entry(kind).or_insert(0) += 1;
                match kind {
                    "person" => self.people.add(&key, &shown),
                    "province" => self.provinces.add(&key, &shown),
                    _ => {}
                }
            }
        }
    }

    fn print(&self, out: &mut impl Write, opts: &Options, files: usize, secs: f64) -> io::Result<()> {
        let mb = self.bytes as f64 / 1e6;
        writeln!(
            out,
            "sources: {files}, documents: {}, {mb:.1} MB in {secs:.1} s ({:.1} MB/s, {} jobs)",
            self.documents,
            mb / secs.max(1e-9),
            opts.jobs
        )?;
        writeln!(out, "tokens: {} ({} words), sentences: {}", self.tokens, self.word_tokens, self.sentences)?;
        writeln!(out, "documents that normalization changes: {}", self.needing_normalization)?;
        let missing = "not available in this build";
        match self.expansions {
            Some(n) => writeln!(out, "abbreviations expanded: {n}")?,
            None => {
                writeln!(out, "abbreviation expansion: {missing} (abbreviations below are tokenizer tokens)")?
            }
        }
        match &self.words {
            Some((w, m)) => writeln!(out, "segmented words: {w} ({m} of several syllables)")?,
            None => writeln!(out, "word segmentation: {missing}")?,
        }
        match &self.entities {
            Some(by_kind) => {
                let total: u64 = by_kind.values().sum();
                let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
                writeln!(out, "entities: {total} ({})", kinds.join(", "))?;
                top_list(out, "people", &self.people, opts.top)?;
                top_list(out, "provinces", &self.provinces, opts.top)?;
            }
            None => writeln!(out, "named entities: {missing}")?,
        }
        top_list(out, "abbreviations", &self.abbreviations, opts.top)
    }
}

fn top_list(out: &mut impl Write, title: &str, c: &Counter, n: usize) -> io::Result<()> {
    writeln!(out, "most frequent {title}:")?;
    for (shown, count) in c.top(n) {
        writeln!(out, "  {count:>8}  {shown}")?;
    }
    Ok(())
}

/// Draws a one-line progress bar on standard error.
struct Progress {
    total: Option<u64>,
    start: Instant,
    last: Instant,
}

impl Progress {
    fn show(&mut self, done: u64, force: bool) {
        if !force && self.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        self.last = Instant::now();
        let rate = done as f64 / 1e6 / self.start.elapsed().as_secs_f64().max(1e-9);
        let line = match self.total {
            Some(total) if total > 0 => {
                let frac = (done as f64 / total as f64).min(1.0);
                let filled = (frac * 30.0) as usize;
                format!(
                    "[{}{}] {:>3.0}% {:.1}/{:.1} MB {rate:.1} MB/s",
                    "=".repeat(filled),
                    " ".repeat(30 - filled),
                    frac * 100.0,
                    done as f64 / 1e6,
                    total as f64 / 1e6
                )
            }
            _ => format!("{:.1} MB {rate:.1} MB/s", done as f64 / 1e6),
        };
        eprint!("\r{line}\x1b[K");
    }
}

/// Writes results in input order and adds them up; returns a permit per document so the
/// reader never runs more than the permit count ahead.
fn write_results(
    results: Receiver<(u64, DocResult)>,
    permits: SyncSender<()>,
    mut progress: Option<Progress>,
) -> (Totals, io::Result<()>) {
    let mut totals = Totals::default();
    let mut pending: BTreeMap<u64, DocResult> = BTreeMap::new();
    let mut next = 0u64;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut status = Ok(());
    let mut position = 0;
    for (seq, result) in results {
        pending.insert(seq, result);
        while let Some(r) = pending.remove(&next) {
            next += 1;
            if let Some(line) = &r.json {
                status = writeln!(out, "{line}");
            }
            position = r.position;
            totals.add(r.stats);
            let _ = permits.send(());
            if let Some(p) = &mut progress {
                p.show(position, false);
            }
        }
        if status.is_err() {
            // Returning drops the channels, which stops the workers and the reader.
            return (totals, status);
        }
    }
    if let Some(p) = &mut progress {
        p.show(position, true);
        eprint!("\r\x1b[K");
    }
    if status.is_ok() {
        status = out.flush();
    }
    (totals, status)
}

fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    if path == Path::new("-") {
        Ok(Box::new(BufReader::new(io::stdin())))
    } else {
        Ok(Box::new(BufReader::with_capacity(1 << 16, std::fs::File::open(path)?)))
    }
}

/// Runs the analysis; `Ok` holds the number of sources that could not be read (each reported
/// on standard error as it was met).
fn analyze_all(opts: &Options) -> Result<usize, String> {
    let sources = collect_sources(&opts.inputs).map_err(|e| e.to_string())?;
    let total = sources
        .iter()
        .try_fold(0u64, |acc, p| std::fs::metadata(p).ok().filter(|m| m.is_file()).map(|m| acc + m.len()));
    let start = Instant::now();
    let progress = io::stderr().is_terminal().then_some(Progress { total, start, last: start });
    let pipeline = Arc::new(Pipeline::new());
    let in_flight = opts.jobs * 4;
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        permit_tx.send(()).map_err(|e| e.to_string())?;
    }
    let (job_tx, job_rx) = sync_channel::<(u64, Doc, u64)>(opts.jobs);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (result_tx, result_rx) = sync_channel::<(u64, DocResult)>(in_flight);
    let writer = std::thread::spawn(move || write_results(result_rx, permit_tx, progress));
    let workers: Vec<_> = (0..opts.jobs)
        .map(|_| {
            let (pipeline, job_rx, result_tx, opts) =
                (pipeline.clone(), job_rx.clone(), result_tx.clone(), opts.clone());
            std::thread::spawn(move || {
                loop {
                    let job = job_rx.lock().map_err(|_| ()).and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((seq, doc, base)) = job else { break };
                    let mut r = analyze(&pipeline, &doc, &opts);
                    r.position = base + doc.offset + doc.text.len() as u64;
                    if result_tx.send((seq, r)).is_err() {
                        break;
                    }
                }
            })
        })
        .collect();
    // Only the workers hold these now, so that the reader and the workers notice when
    // the other side stops.
    drop((result_tx, job_rx));
    let read = read_all(&sources, opts.max_doc_bytes, &job_tx, &permit_rx);
    drop(job_tx);
    for w in workers {
        w.join().map_err(|_| "a worker thread panicked".to_owned())?;
    }
    let (totals, written) = writer.join().map_err(|_| "the writer thread panicked".to_owned())?;
    match written {
        // The reader of our output stopped early (`| head`): not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(0),
        Err(e) => return Err(format!("writing output: {e}")),
        Ok(()) => {}
    }
    let failed = read?;
    // When no source could be read there is nothing to sum up: the messages say it all.
    if !opts.json && failed < sources.len() {
        let mut out = io::stdout().lock();
        match totals.print(&mut out, opts, sources.len(), start.elapsed().as_secs_f64()) {
            // `| head`: the reader has what it wanted.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            other => other.map_err(|e| format!("writing output: {e}"))?,
        }
    }
    Ok(failed)
}

/// Why a source was skipped.
enum SourceError {
    /// The source could not be read or is not UTF-8: reported, and the others go on.
    Bad(String),
    /// The output or the workers stopped: nothing more to do.
    Stopped(String),
}

/// Reads every source, cuts it into documents and hands them to the workers, waiting for
/// a permit before each so that memory stays bounded. A source that cannot be read or is
/// not UTF-8 is reported on standard error and skipped; returns how many were.
fn read_all(
    sources: &[PathBuf],
    max_bytes: usize,
    jobs: &SyncSender<(u64, Doc, u64)>,
    permits: &Receiver<()>,
) -> Result<usize, String> {
    let mut seq = 0u64;
    let mut base = 0u64;
    let mut failed = 0;
    for path in sources {
        match read_source(path, max_bytes, base, &mut seq, jobs, permits) {
            Ok(()) => {}
            Err(SourceError::Bad(msg)) => {
                eprintln!("analyze: {msg}");
                failed += 1;
            }
            Err(SourceError::Stopped(msg)) => return Err(msg),
        }
        base += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    }
    Ok(failed)
}

/// Sends the documents of one source. A file is checked to be UTF-8 first (a streaming pass,
/// far faster than the analysis), so that a bad file contributes nothing; standard input
/// cannot be read twice, so the documents before a bad byte in it are analysed.
fn read_source(
    path: &Path,
    max_bytes: usize,
    base: u64,
    seq: &mut u64,
    jobs: &SyncSender<(u64, Doc, u64)>,
    permits: &Receiver<()>,
) -> Result<(), SourceError> {
    let name: Arc<str> = Arc::from(path.to_string_lossy().as_ref());
    let bad = |e: &dyn std::fmt::Display| SourceError::Bad(format!("{name}: {e}"));
    if path != Path::new("-") {
        let file = std::fs::File::open(path).map_err(|e| bad(&e))?;
        crate::input::check_utf8(BufReader::with_capacity(1 << 16, file)).map_err(|e| bad(&e))?;
    }
    let mut lines = Lines::new(open(path).map_err(|e| bad(&e))?, max_bytes);
    let mut splitter = Splitter::new(name.clone(), max_bytes);
    let mut send = |doc: Doc| -> Result<(), SourceError> {
        permits.recv().map_err(|_| SourceError::Stopped("output closed".to_owned()))?;
        jobs.send((*seq, doc, base)).map_err(|_| SourceError::Stopped("workers stopped".to_owned()))?;
        *seq += 1;
        Ok(())
    };
    while let Some(line) = lines.next_line().map_err(|e| bad(&e))? {
        if let Some(doc) = splitter.push(line) {
            send(doc)?;
        }
    }
    if let Some(doc) = splitter.finish() {
        send(doc)?;
    }
    Ok(())
}

pub fn run(args: Vec<String>) -> ExitCode {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("analyze: {msg}");
            return ExitCode::FAILURE;
        }
    };
    match analyze_all(&opts) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(msg) => {
            eprintln!("analyze: {msg}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Result<Options, String> {
        parse_args(s.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn options_parse_and_default_to_stdin() {
        let o = args("a.txt dir --jobs 3 --json --top 5").unwrap();
        assert_eq!(
            (o.inputs, o.jobs, o.json, o.tokens, o.top),
            (vec!["a.txt".into(), "dir".into()], 3, true, false, 5)
        );
        assert_eq!(args("").unwrap().inputs, ["-"]);
        assert!(args("--jobs 0").is_err());
        assert!(args("--jobs").is_err());
        assert!(args("--frobnicate").is_err());
    }

    #[test]
    fn directories_become_their_txt_files_recursively_in_order() {
        let dir = std::env::temp_dir().join(format!("vntext-analyze-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("b/c")).unwrap();
        for f in ["b/c/z.txt", "a.txt", "b/y.txt", "b/skip.md"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let found = collect_sources(&[dir.to_string_lossy().into_owned()]).unwrap();
        let rel: Vec<_> =
            found.iter().map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned()).collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(rel, ["a.txt", "b/c/z.txt", "b/y.txt"]);
    }

    #[test]
    fn counter_keeps_first_spelling_and_orders_by_count() {
        let mut c = Counter::default();
        for (k, s) in [("hà nội", "Hà Nội"), ("huế", "Huế"), ("hà nội", "HÀ NỘI")] {
            c.add(k, s);
        }
        assert_eq!(c.top(5), [("Hà Nội", 2), ("Huế", 1)]);
    }

    #[test]
    fn a_document_json_line_has_spans_into_its_text() {
        let opts = args("--json --tokens").unwrap();
        let doc = Doc {
            source: Arc::from("s"),
            id: "x".into(),
            line: 1,
            offset: 0,
            text: "UBND tỉnh họp. Xong.".into(),
        };
        let r = analyze(&Pipeline::new(), &doc, &opts);
        let v: Value = serde_json::from_str(r.json.as_deref().unwrap()).unwrap();
        assert_eq!(v["sentences"], json!([[0, 18], [19, 24]]));
        assert_eq!(v["tokens"][0], json!([0, 4, "abbreviation"]));
        assert_eq!(
            v["expansions"],
            json!([{"span": [0, 4], "text": "UBND", "expansion": "Ủy ban nhân dân"}])
        );
        assert_eq!(r.stats.abbreviations.len(), 1);
    }

    #[test]
    fn entities_come_with_kinds_spans_and_records() {
        let opts = args("--json").unwrap();
        let text = "Chiều 8/12, UBND tỉnh Đắk Nông họp.";
        let doc = Doc { source: Arc::from("s"), id: "x".into(), line: 1, offset: 0, text: text.into() };
        let r = analyze(&Pipeline::new(), &doc, &opts);
        let v: Value = serde_json::from_str(r.json.as_deref().unwrap()).unwrap();
        let province = v["entities"].as_array().unwrap().iter().find(|e| e["kind"] == "province").unwrap();
        let start = text.find("Đắk").unwrap();
        assert_eq!(
            (&province["text"], &province["span"]),
            (&json!("Đắk Nông"), &json!([start, start + "Đắk Nông".len()]))
        );
        assert!(province["record"].as_str().is_some_and(|r| r.starts_with("province:")));
        let provinces = r.stats.entities.unwrap().into_iter().filter(|e| e.0 == "province").count();
        assert_eq!(provinces, 1);
    }

    #[test]
    fn words_of_several_syllables_are_counted_and_listed() {
        let opts = args("--json --tokens").unwrap();
        let text = "Chính phủ ban hành nghị định mới.";
        let doc = Doc { source: Arc::from("s"), id: "x".into(), line: 1, offset: 0, text: text.into() };
        let r = analyze(&Pipeline::new(), &doc, &opts);
        let v: Value = serde_json::from_str(r.json.as_deref().unwrap()).unwrap();
        let words: Vec<&str> = v["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| &text[w[0].as_u64().unwrap() as usize..w[1].as_u64().unwrap() as usize])
            .collect();
        assert_eq!(words, ["Chính phủ", "ban hành", "nghị định", "mới", "."]);
        let (total, multi) = r.stats.words.unwrap();
        assert_eq!(total as usize, words.len());
        assert_eq!(multi, 3);
        // `TP.` is one word of two tokens but one syllable.
        let text = "Ở TP. Hồ Chí Minh.";
        let doc = Doc { source: Arc::from("s"), id: "x".into(), line: 1, offset: 0, text: text.into() };
        let r = analyze(&Pipeline::new(), &doc, &opts);
        assert_eq!(r.stats.words.unwrap(), (4, 1));
    }
}
