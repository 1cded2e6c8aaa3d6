//! Training a [`TagModel`]: averaged structured perceptrons over hashed features, several
//! visiting orders averaged again, quantised to 16-bit weights. Deterministic: the same
//! examples in the same order give the same model.

use super::decode::{Trellis, ViterbiBuffers, viterbi};
use super::hash::{HashKeyed, row};
use super::model::{MAX_TAGS, TagModel};
use crate::error::{Error, Result};

/// One training sequence: per position its gold tag, its allowed tags and its features.
#[derive(Clone, Debug, Default)]
pub(crate) struct Example {
    gold: Vec<u8>,
    allowed: Vec<u32>,
    features: Vec<u64>,
    /// End of each position's features in `features`.
    ends: Vec<u32>,
}

impl Example {
    /// Adds a position. A position with one allowed tag needs no features.
    pub(crate) fn push(&mut self, gold: u8, allowed: u32, features: &[u64]) {
        self.gold.push(gold);
        self.allowed.push(allowed);
        self.features.extend_from_slice(features);
        self.ends.push(self.features.len() as u32);
    }

    /// Number of positions.
    pub(crate) fn len(&self) -> usize {
        self.gold.len()
    }

    fn features_at(&self, k: usize) -> core::ops::Range<usize> {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        start..self.ends[k] as usize
    }
}

/// Trains a [`TagModel`] from [`Example`]s.
#[derive(Clone, Debug)]
pub(crate) struct Trainer {
    task: String,
    tags: Vec<String>,
    bits: u32,
    epochs: usize,
    runs: usize,
    seed: u64,
    min_feature_examples: u32,
    margin: f64,
    examples: Vec<Example>,
}

/// An example with its features as weight-table rows.
struct Rows<'a> {
    example: &'a Example,
    rows: Vec<u32>,
}

impl Trainer {
    /// A trainer for `task` over `tags` (2 to 32; the first is the reference tag, e.g. `O`
    /// or "starts a word"), with 2^20 rows, 12 epochs, 10 runs.
    pub(crate) fn new(task: &str, tags: &[&str]) -> Trainer {
        Trainer {
            task: task.to_owned(),
            tags: tags.iter().map(|&t| t.to_owned()).collect(),
            bits: 20,
            epochs: 12,
            runs: 10,
            seed: 0x5e9_2024,
            min_feature_examples: 2,
            margin: 0.0,
            examples: Vec::new(),
        }
    }

    /// The weight table has `1 << bits` rows (clamped to 8..=24).
    pub(crate) fn hash_bits(&mut self, bits: u32) -> &mut Self {
        self.bits = bits.clamp(8, 24);
        self
    }

    /// Passes over the examples.
    pub(crate) fn epochs(&mut self, epochs: usize) -> &mut Self {
        self.epochs = epochs;
        self
    }

    /// Perceptrons trained, each visiting the examples in its own order, then averaged.
    pub(crate) fn runs(&mut self, runs: usize) -> &mut Self {
        self.runs = runs.max(1);
        self
    }

    /// Seed of the visiting orders.
    pub(crate) fn seed(&mut self, seed: u64) -> &mut Self {
        self.seed = seed;
        self
    }

    /// A feature is learned only when at least this many examples have it: in an example
    /// of its own it is what an unseen feature is at run time, and learning it there
    /// memorizes the example instead of learning the features that generalize.
    pub(crate) fn min_feature_examples(&mut self, count: u32) -> &mut Self {
        self.min_feature_examples = count.max(1);
        self
    }

    /// Margin of the updates (default 0, the plain perceptron): while training, every wrong
    /// tag of a position scores `margin` more than its weights give (cost-augmented
    /// decoding), so an example also updates the weights when the gold path wins by less.
    pub(crate) fn margin(&mut self, margin: f64) -> &mut Self {
        self.margin = margin.max(0.0);
        self
    }

    /// Adds an example.
    pub(crate) fn add(&mut self, example: Example) {
        self.examples.push(example);
    }

    /// Trains the model.
    ///
    /// # Errors
    /// [`ErrorKind::Model`](crate::ErrorKind::Model) when there is no example, the tag set is not 2 to 32 distinct
    /// labels, or a gold tag is not one of them.
    pub(crate) fn train(&self) -> Result<TagModel> {
        let n = self.tags.len();
        if !(2..=MAX_TAGS).contains(&n) {
            return Err(Error::model(format!("{n} tags, a model has 2 to {MAX_TAGS}")));
        }
        if self.examples.is_empty() {
            return Err(Error::model("no labelled sentences to train on"));
        }
        if let Some(&g) = self.examples.iter().flat_map(|e| &e.gold).find(|&&g| usize::from(g) >= n) {
            return Err(Error::model(format!("gold tag {g} out of range for {n} tags")));
        }
        let bits = self.bits;
        let size = 1usize << bits;
        let mut seen: HashKeyed<u32> = HashKeyed::default();
        let mut own = Vec::new();
        for e in &self.examples {
            own.clear();
            own.extend_from_slice(&e.features);
            own.sort_unstable();
            own.dedup();
            for &h in &own {
                *seen.entry(h).or_insert(0) += 1;
            }
        }
        let unseen = size as u32;
        let examples: Vec<Rows> = self
            .examples
            .iter()
            .map(|e| Rows {
                example: e,
                rows: e
                    .features
                    .iter()
                    .map(|h| {
                        if seen.get(h).copied().unwrap_or(0) >= self.min_feature_examples {
                            row(*h, bits) as u32
                        } else {
                            unseen
                        }
                    })
                    .collect(),
            })
            .collect();
        drop(seen);

        let w = n - 1;
        let mut avg = vec![0f32; size * w];
        let mut start_avg = vec![0f64; n];
        let mut trans_avg = vec![0f64; n * n];
        for run in 0..self.runs {
            let seed = self.seed.wrapping_add((run as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let p = self.perceptron(&examples, unseen, seed);
            for (a, x) in avg.iter_mut().zip(&p.weights) {
                *a += x / self.runs as f32;
            }
            for (a, x) in start_avg.iter_mut().zip(&p.start).chain(trans_avg.iter_mut().zip(&p.transitions)) {
                *a += x / self.runs as f64;
            }
        }
        let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-6);
        let scale = 32000.0 / f64::from(max);
        let quantise = |v: f64| (v * scale).round().clamp(-1e9, 1e9) as i32;
        let tags: Vec<&str> = self.tags.iter().map(String::as_str).collect();
        let mut model = TagModel::zeroed(&self.task, &tags, bits);
        model.weights = avg.iter().map(|&x| (f64::from(x) * scale).round() as i16).collect();
        model.start = start_avg.iter().map(|&v| quantise(v)).collect();
        model.transitions = trans_avg.iter().map(|&v| quantise(v)).collect();
        Ok(model)
    }

    /// One averaged perceptron, visiting the examples in the order `seed` draws.
    fn perceptron(&self, examples: &[Rows], unseen: u32, seed: u64) -> Averaged {
        let n = self.tags.len();
        let w = n - 1;
        let size = 1usize << self.bits;
        // One more row, for the unseen features, that stays 0.
        let mut weights = vec![0f32; (size + 1) * w];
        let mut acc = vec![0f32; (size + 1) * w];
        let (mut start, mut start_acc) = (vec![0f64; n], vec![0f64; n]);
        let (mut trans, mut trans_acc) = (vec![0f64; n * n], vec![0f64; n * n]);
        let mut c: f64 = 1.0;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed | 1;
        let mut emission = Vec::new();
        let mut buffers = ViterbiBuffers::default();
        let mut path = Vec::new();
        for _ in 0..self.epochs {
            for k in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(k, (rng % (k as u64 + 1)) as usize);
            }
            for &ei in &order {
                let Rows { example: e, rows } = &examples[ei];
                emission.clear();
                emission.resize(e.len() * w, 0f64);
                for k in 0..e.len() {
                    let fs = &rows[e.features_at(k)];
                    if fs.is_empty() {
                        continue;
                    }
                    // Cost augmentation: relative to tag 0, tag `t + 1` gains the margin
                    // when it is wrong and tag 0 gains it when tag 0 is wrong.
                    let g = usize::from(e.gold[k]);
                    let base = if g == 0 { 0.0 } else { self.margin };
                    for t in 0..w {
                        let cost = if t + 1 == g { 0.0 } else { self.margin };
                        emission[k * w + t] =
                            fs.iter().map(|&r| f64::from(weights[r as usize * w + t])).sum::<f64>() + cost
                                - base;
                    }
                }
                let trellis = Trellis {
                    tags: n,
                    emission: &emission,
                    allowed: &e.allowed,
                    start: &start,
                    transitions: &trans,
                    neg: -1e30,
                };
                viterbi(&trellis, &mut buffers, &mut path);
                if path != e.gold {
                    let cf = c as f32;
                    for k in 0..e.len() {
                        let (g, p) = (usize::from(e.gold[k]), usize::from(path[k]));
                        if g == p {
                            continue;
                        }
                        for &r in rows[e.features_at(k)].iter().filter(|&&r| r != unseen) {
                            let r = r as usize * w;
                            if g > 0 {
                                weights[r + g - 1] += 1.0;
                                acc[r + g - 1] += cf;
                            }
                            if p > 0 {
                                weights[r + p - 1] -= 1.0;
                                acc[r + p - 1] -= cf;
                            }
                        }
                    }
                    let (g, p) = (usize::from(e.gold[0]), usize::from(path[0]));
                    start[g] += 1.0;
                    start_acc[g] += c;
                    start[p] -= 1.0;
                    start_acc[p] -= c;
                    for k in 1..e.len() {
                        let g = usize::from(e.gold[k - 1]) * n + usize::from(e.gold[k]);
                        let p = usize::from(path[k - 1]) * n + usize::from(path[k]);
                        trans[g] += 1.0;
                        trans_acc[g] += c;
                        trans[p] -= 1.0;
                        trans_acc[p] -= c;
                    }
                }
                c += 1.0;
            }
        }
        let cf = c as f32;
        let avg = |w: &[f64], a: &[f64]| w.iter().zip(a).map(|(&w, &a)| w - a / c).collect();
        Averaged {
            weights: weights[..size * w].iter().zip(&acc).map(|(&w, &a)| w - a / cf).collect(),
            start: avg(&start, &start_acc),
            transitions: avg(&trans, &trans_acc),
        }
    }
}

/// The averaged weights of one perceptron.
struct Averaged {
    weights: Vec<f32>,
    start: Vec<f64>,
    transitions: Vec<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagging::Lattice;

    /// Tags a toy task: `x` words are tag 1 after a `y` word, tag 2 otherwise. The word
    /// alone does not tell, so the model needs the previous word as a feature.
    fn example(words: &str) -> (Example, Vec<Vec<u64>>) {
        let mut e = Example::default();
        let mut all = Vec::new();
        let mut prev = "^";
        for w in words.split(' ') {
            let gold = match (prev, w) {
                ("y", "x") => 1,
                (_, "x") => 2,
                _ => 0,
            };
            let feats = vec![
                crate::tagging::feature(1, w.len() as u64 * 31 + u64::from(w.as_bytes()[0])),
                crate::tagging::feature(2, u64::from(prev.as_bytes()[0])),
            ];
            e.push(gold, 0b111, &feats);
            all.push(feats);
            prev = w;
        }
        (e, all)
    }

    fn trained(runs: usize) -> TagModel {
        let mut t = Trainer::new("toy", &["O", "X1", "X2"]);
        t.hash_bits(10).epochs(5).runs(runs);
        for s in ["y x z x", "x y x", "z z x y x", "y x x", "x z y x"] {
            t.add(example(s).0);
        }
        t.train().unwrap()
    }

    /// The model decodes the gold tags of three toy sentences.
    fn assert_decodes_gold(m: &TagModel) {
        let mut lattice = Lattice::default();
        for s in ["y x", "z x y x", "x x y x z"] {
            let (e, feats) = example(s);
            lattice.reset(m, e.len());
            for (k, f) in feats.iter().enumerate() {
                lattice.add_features(m, k, f);
            }
            assert_eq!(lattice.decode(), e.gold, "{s}");
        }
    }

    #[test]
    fn learns_a_three_tag_task_and_is_deterministic() {
        let m = trained(3);
        assert_eq!(m, trained(3));
        assert_ne!(m, trained(1));
        assert_decodes_gold(&m);
    }

    #[test]
    fn a_margin_changes_the_updates_and_still_learns() {
        let train = |margin: f64| {
            let mut t = Trainer::new("toy", &["O", "X1", "X2"]);
            t.hash_bits(10).epochs(5).runs(2).margin(margin);
            for s in ["y x z x", "x y x", "z z x y x", "y x x", "x z y x"] {
                t.add(example(s).0);
            }
            t.train().unwrap()
        };
        let m = train(3.0);
        assert_ne!(m, train(0.0));
        assert_eq!(train(0.0), trained(2), "margin 0 is the plain perceptron");
        assert_decodes_gold(&m);
    }

    #[test]
    fn bad_training_input_is_an_error() {
        assert!(Trainer::new("toy", &["O", "X"]).train().is_err());
        assert!(Trainer::new("toy", &["O"]).train().is_err());
        let mut t = Trainer::new("toy", &["O", "X"]);
        let mut e = Example::default();
        e.push(5, 0b11, &[1]);
        t.add(e);
        assert!(t.train().unwrap_err().to_string().contains("gold tag 5"));
    }
}
