//! Learns word clusters from unlabelled text and writes them as `key<TAB>cluster` (the NER
//! tagger's cluster features read `data/ner/clusters.tsv`).
//!
//! ```text
//! cargo run --release --example word_clusters -- [--out data/ner/clusters.tsv]
//!     [--raw FILE_OR_DIR]... [--vocab N] [--clusters N] [--iterations N] [--max-bytes N]
//! ```
//!
//! Defaults: `--raw` the Wikipedia and law corpora of `../shared/data/`, the 20,000 most
//! frequent tokens (`--vocab`), 256 clusters, 8 iterations.
//!
//! The documents of the NER corpus's test split (`--exclude-split corpus/ner/raw/te`: the
//! Wikipedia articles and laws named by the `# doc` lines of `te*.txt`) are left out, so that
//! nothing learned from the test split's text reaches the tagger; the news sample, where the
//! test split's news comes from, is not read at all.
//!
//! Tokens are vntext tokens of the kinds that are words (syllables, foreign words,
//! abbreviations), compared by their key ([`vntext::key`]: lower case, NFC, one tone
//! placement). Lines are sequences; a line's ends are a boundary symbol. The clustering is the
//! exchange algorithm for a two-sided class bigram model: each word in turn moves to the cluster
//! that most raises `Σ N(c,d) ln N(c,d) − Σ N(c·) ln N(c·) − Σ N(·d) ln N(·d)` over the cluster
//! bigram counts `N`, the log-likelihood of the text under the class bigram model up to
//! constants. Words start in clusters by frequency rank; the result is deterministic.
//! Clusters are numbered by the frequency of their most frequent word, so that cluster 0 holds
//! the most frequent word.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use vntext::TokenKind;

struct Options {
    out: PathBuf,
    raw: Vec<PathBuf>,
    vocab: usize,
    clusters: usize,
    iterations: usize,
    max_bytes: usize,
    exclude_split: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        out: PathBuf::from("data/ner/clusters.tsv"),
        raw: Vec::new(),
        vocab: 20_000,
        clusters: 256,
        iterations: 8,
        max_bytes: usize::MAX,
        exclude_split: Some(PathBuf::from("corpus/ner/raw/te")),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--out" => o.out = PathBuf::from(value()?),
            "--raw" => o.raw.push(PathBuf::from(value()?)),
            "--vocab" => o.vocab = value()?.parse().map_err(|e| format!("--vocab: {e}"))?,
            "--clusters" => o.clusters = value()?.parse().map_err(|e| format!("--clusters: {e}"))?,
            "--iterations" => o.iterations = value()?.parse().map_err(|e| format!("--iterations: {e}"))?,
            "--max-bytes" => o.max_bytes = value()?.parse().map_err(|e| format!("--max-bytes: {e}"))?,
            "--exclude-split" => o.exclude_split = Some(PathBuf::from(value()?)),
            "--no-exclude" => o.exclude_split = None,
            "-h" | "--help" => {
                println!(
                    "usage: word_clusters [--out FILE] [--raw FILE_OR_DIR]... [--vocab N] [--clusters N] [--iterations N] [--max-bytes N] [--exclude-split PREFIX | --no-exclude]"
                );
                std::process::exit(0);
            }
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    if o.raw.is_empty() {
        let shared = Path::new("../shared/data");
        o.raw = vec![shared.join("viwiki"), shared.join("laws/corpus")];
    }
    if o.clusters < 2 || o.vocab < o.clusters {
        return Err("--clusters must be at least 2 and at most --vocab".into());
    }
    Ok(o)
}

fn text_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{}: {e}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter(|p| p.file_name().is_some_and(|n| n != "SOURCE.txt"))
                .collect();
            inside.sort();
            files.extend(inside);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    Ok(files)
}

/// The Wikipedia titles and law file names of a split's documents (`# doc viwiki:TITLE`,
/// `# doc laws:FILE:LINE` lines of the batch files whose names start with the prefix).
fn excluded_documents(prefix: &Path) -> Result<(Vec<String>, Vec<String>), String> {
    let dir = prefix.parent().unwrap_or(Path::new("."));
    let stem = prefix.file_name().and_then(|s| s.to_str()).unwrap_or("");
    let mut titles = Vec::new();
    let mut laws = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(stem) || !name.ends_with(".txt") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).map_err(|e| format!("{name}: {e}"))?;
        for line in text.lines() {
            if let Some(title) = line.strip_prefix("# doc viwiki:") {
                titles.push(format!("### {title}"));
            } else if let Some(law) = line.strip_prefix("# doc laws:") {
                laws.push(law.split(':').next().unwrap_or("").to_owned());
            }
        }
    }
    titles.sort();
    laws.sort();
    Ok((titles, laws))
}

/// The corpus as token ids per line (`0` is the line boundary, ids from 1 by first sight).
struct Corpus {
    words: Vec<String>,
    counts: Vec<u64>,
    lines: Vec<Vec<u32>>,
}

fn read_corpus(
    files: &[PathBuf],
    max_bytes: usize,
    exclude: &(Vec<String>, Vec<String>),
) -> Result<Corpus, String> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words = vec![String::new()];
    let mut counts = vec![0u64];
    let mut lines = Vec::new();
    let mut bytes = 0;
    for f in files {
        let file_name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if exclude.1.binary_search_by(|l| l.as_str().cmp(file_name)).is_ok() {
            continue;
        }
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut skipping = false;
        for line in text.lines() {
            if line.starts_with("### ") {
                skipping = exclude.0.binary_search_by(|t| t.as_str().cmp(line)).is_ok();
                continue;
            }
            if skipping || line.starts_with("==") {
                continue;
            }
            let mut seq = Vec::new();
            for t in vntext::tokenize(line) {
                if !matches!(t.kind(), TokenKind::Syllable | TokenKind::Foreign | TokenKind::Abbreviation) {
                    continue;
                }
                let key = vntext::key(t.as_str());
                let id = match ids.get(key.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = words.len() as u32;
                        ids.insert(key.clone().into_owned(), id);
                        words.push(key.into_owned());
                        counts.push(0);
                        id
                    }
                };
                counts[id as usize] += 1;
                seq.push(id);
            }
            if seq.len() > 1 {
                lines.push(seq);
            }
            bytes += line.len() + 1;
        }
        if bytes >= max_bytes {
            break;
        }
    }
    Ok(Corpus { words, counts, lines })
}

fn xlogx(x: i64) -> f64 {
    if x <= 0 { 0.0 } else { x as f64 * (x as f64).ln() }
}

/// Exchange clustering. `class[w]` for the clustered words `1..=vocab` (by frequency rank);
/// the boundary and the rarer words keep fixed classes of their own (`k` and `k + 1`).
struct Exchange {
    k: usize,
    classes: usize,
    class: Vec<usize>,
    /// Cluster bigram counts, `classes × classes`.
    pair: Vec<i64>,
    left: Vec<i64>,
    right: Vec<i64>,
    /// Per word: (next word, count) and (previous word, count), self-pairs apart.
    next: Vec<Vec<(u32, i64)>>,
    prev: Vec<Vec<(u32, i64)>>,
    selfpair: Vec<i64>,
    as_left: Vec<i64>,
    as_right: Vec<i64>,
}

impl Exchange {
    fn new(lines: &[Vec<u32>], rank: &[u32], vocab: usize, k: usize) -> Exchange {
        // Rank-mapped ids: 0 boundary, 1..=vocab clustered, vocab+1 everything else.
        let other = vocab as u32 + 1;
        let map = |id: u32| -> u32 {
            let r = rank[id as usize];
            if r as usize <= vocab { r } else { other }
        };
        let mut bigrams: HashMap<(u32, u32), i64> = HashMap::new();
        for line in lines {
            let mut prev = 0u32;
            for &id in line {
                let cur = map(id);
                *bigrams.entry((prev, cur)).or_default() += 1;
                prev = cur;
            }
            *bigrams.entry((prev, 0)).or_default() += 1;
        }
        let n = vocab + 2;
        let classes = k + 2;
        let mut class = vec![0usize; n];
        class[0] = k;
        class[n - 1] = k + 1;
        for (w, c) in class.iter_mut().enumerate().take(vocab + 1).skip(1) {
            *c = (w - 1) % k;
        }
        let mut ex = Exchange {
            k,
            classes,
            class,
            pair: vec![0; classes * classes],
            left: vec![0; classes],
            right: vec![0; classes],
            next: vec![Vec::new(); n],
            prev: vec![Vec::new(); n],
            selfpair: vec![0; n],
            as_left: vec![0; n],
            as_right: vec![0; n],
        };
        let mut sorted: Vec<_> = bigrams.into_iter().collect();
        sorted.sort_unstable();
        for ((a, b), c) in sorted {
            let (a, b) = (a as usize, b as usize);
            ex.as_left[a] += c;
            ex.as_right[b] += c;
            if a == b {
                ex.selfpair[a] += c;
            } else {
                ex.next[a].push((b as u32, c));
                ex.prev[b].push((a as u32, c));
            }
            ex.pair[ex.class[a] * classes + ex.class[b]] += c;
            ex.left[ex.class[a]] += c;
            ex.right[ex.class[b]] += c;
        }
        ex
    }

    fn objective(&self) -> f64 {
        let pairs: f64 = self.pair.iter().map(|&x| xlogx(x)).sum();
        let l: f64 = self.left.iter().map(|&x| xlogx(x)).sum();
        let r: f64 = self.right.iter().map(|&x| xlogx(x)).sum();
        pairs - l - r
    }

    /// One pass over the clustered words; returns how many moved.
    fn pass(&mut self, vocab: usize) -> usize {
        let cs = self.classes;
        let mut rc = vec![0i64; cs];
        let mut lc = vec![0i64; cs];
        let mut touched_r: Vec<usize> = Vec::new();
        let mut touched_l: Vec<usize> = Vec::new();
        let mut moved = 0;
        for w in 1..=vocab {
            touched_r.clear();
            touched_l.clear();
            for &(v, c) in &self.next[w] {
                let d = self.class[v as usize];
                if rc[d] == 0 {
                    touched_r.push(d);
                }
                rc[d] += c;
            }
            for &(u, c) in &self.prev[w] {
                let d = self.class[u as usize];
                if lc[d] == 0 {
                    touched_l.push(d);
                }
                lc[d] += c;
            }
            let a = self.class[w];
            let s = self.selfpair[w];
            // Take w out of a.
            self.shift(a, &touched_r, &rc, &touched_l, &lc, s, w, -1);
            let mut best = (f64::NEG_INFINITY, a);
            for b in 0..self.k {
                let gain = self.gain(b, &touched_r, &rc, &touched_l, &lc, s, w);
                if gain > best.0 + 1e-9 || (b == a && gain >= best.0 - 1e-9) {
                    best = (gain, b);
                }
            }
            let b = best.1;
            self.shift(b, &touched_r, &rc, &touched_l, &lc, s, w, 1);
            self.class[w] = b;
            if b != a {
                moved += 1;
            }
            for &d in &touched_r {
                rc[d] = 0;
            }
            for &d in &touched_l {
                lc[d] = 0;
            }
        }
        moved
    }

    /// The change of the objective if w (not in any class now) joins class b.
    #[allow(clippy::too_many_arguments)]
    fn gain(&self, b: usize, tr: &[usize], rc: &[i64], tl: &[usize], lc: &[i64], s: i64, w: usize) -> f64 {
        let cs = self.classes;
        let mut g = 0.0;
        for &d in tr {
            if d != b {
                let x = self.pair[b * cs + d];
                g += xlogx(x + rc[d]) - xlogx(x);
            }
        }
        for &c in tl {
            if c != b {
                let x = self.pair[c * cs + b];
                g += xlogx(x + lc[c]) - xlogx(x);
            }
        }
        let bb = self.pair[b * cs + b];
        g += xlogx(bb + rc[b] + lc[b] + s) - xlogx(bb);
        g -= xlogx(self.left[b] + self.as_left[w]) - xlogx(self.left[b]);
        g -= xlogx(self.right[b] + self.as_right[w]) - xlogx(self.right[b]);
        g
    }

    /// Adds (`sign` 1) or removes (`sign` -1) word w's counts to or from class b.
    #[allow(clippy::too_many_arguments)]
    fn shift(
        &mut self,
        b: usize,
        tr: &[usize],
        rc: &[i64],
        tl: &[usize],
        lc: &[i64],
        s: i64,
        w: usize,
        sign: i64,
    ) {
        let cs = self.classes;
        for &d in tr {
            if d != b {
                self.pair[b * cs + d] += sign * rc[d];
            }
        }
        for &c in tl {
            if c != b {
                self.pair[c * cs + b] += sign * lc[c];
            }
        }
        self.pair[b * cs + b] += sign * (rc[b] + lc[b] + s);
        self.left[b] += sign * self.as_left[w];
        self.right[b] += sign * self.as_right[w];
    }
}

fn run(o: &Options) -> Result<(), String> {
    let started = Instant::now();
    let files = text_files(&o.raw)?;
    let exclude = match &o.exclude_split {
        Some(prefix) => excluded_documents(prefix)?,
        None => (Vec::new(), Vec::new()),
    };
    eprintln!("left out: {} Wikipedia articles, {} laws of the test split", exclude.0.len(), exclude.1.len());
    let corpus = read_corpus(&files, o.max_bytes, &exclude)?;
    let tokens: u64 = corpus.counts.iter().sum();
    eprintln!(
        "{} files, {} lines, {tokens} tokens, {} distinct ({:.1} s)",
        files.len(),
        corpus.lines.len(),
        corpus.words.len() - 1,
        started.elapsed().as_secs_f64()
    );
    // Rank by frequency (ties by key, for determinism); rank 0 is the boundary.
    let mut order: Vec<u32> = (1..corpus.words.len() as u32).collect();
    order.sort_by(|&a, &b| {
        corpus.counts[b as usize]
            .cmp(&corpus.counts[a as usize])
            .then_with(|| corpus.words[a as usize].cmp(&corpus.words[b as usize]))
    });
    let vocab = o.vocab.min(order.len());
    let mut rank = vec![0u32; corpus.words.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32 + 1;
    }
    let mut ex = Exchange::new(&corpus.lines, &rank, vocab, o.clusters);
    eprintln!("start: objective {:.0} ({:.1} s)", ex.objective(), started.elapsed().as_secs_f64());
    for i in 1..=o.iterations {
        let moved = ex.pass(vocab);
        eprintln!(
            "iteration {i}: {moved} words moved, objective {:.0} ({:.1} s)",
            ex.objective(),
            started.elapsed().as_secs_f64()
        );
        if moved == 0 {
            break;
        }
    }
    // Renumber clusters by their most frequent word.
    let mut renumber = vec![usize::MAX; o.clusters];
    let mut next = 0;
    for r in 1..=vocab {
        let c = ex.class[r];
        if renumber[c] == usize::MAX {
            renumber[c] = next;
            next += 1;
        }
    }
    let mut rows: Vec<(&str, usize)> =
        (1..=vocab).map(|r| (corpus.words[order[r - 1] as usize].as_str(), renumber[ex.class[r]])).collect();
    rows.sort_unstable();
    let mut out = String::from(
        "# Word clusters learned by examples/word_clusters.rs; see data/SOURCES.md.\nkey\tcluster\n",
    );
    for (w, c) in rows {
        out.push_str(&format!("{w}\t{c}\n"));
    }
    if let Some(dir) = o.out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&o.out, out).map_err(|e| format!("{}: {e}", o.out.display()))?;
    eprintln!(
        "wrote {} ({vocab} words, {next} clusters, {:.1} s)",
        o.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> ExitCode {
    match options().and_then(|o| run(&o)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("word_clusters: {e}");
            ExitCode::FAILURE
        }
    }
}
