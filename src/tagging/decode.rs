//! Scoring positions and finding the best tag sequence (Viterbi over N tags with
//! first-order transitions and a set of allowed tags per position).

use super::hash::row;
use super::model::TagModel;

/// Scores that Viterbi adds and compares: `i64` when tagging, `f64` when training.
pub(crate) trait Score: Copy + PartialOrd + core::ops::Add<Output = Self> + Default {}
impl Score for i64 {}
impl Score for f64 {}

/// What Viterbi decodes: scores of a sequence of `allowed.len()` positions over `tags` tags.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Trellis<'a, T> {
    pub tags: usize,
    /// `emission[k * (tags - 1) + t - 1]` scores tag `t >= 1` at position `k` (tag 0 scores 0).
    pub emission: &'a [T],
    /// Bit `t` of `allowed[k]` is set when tag `t` may be at position `k`.
    pub allowed: &'a [u32],
    pub start: &'a [T],
    /// `[from * tags + to]`.
    pub transitions: &'a [T],
    /// The score of a forbidden tag, low enough that no path through one wins where another
    /// exists.
    pub neg: T,
}

/// The best tags of the trellis, one per position, written to `path`; ties go to the lower
/// tag. `buffers` are reused across calls.
pub(crate) fn viterbi<T: Score>(trellis: &Trellis<T>, buffers: &mut ViterbiBuffers<T>, path: &mut Vec<u8>) {
    path.clear();
    path.resize(trellis.allowed.len(), 0);
    if path.is_empty() {
        return;
    }
    match trellis.tags {
        2 => viterbi_two(trellis, buffers, path),
        9 => viterbi_fixed::<T, 9, true>(trellis, buffers, path),
        _ => viterbi_any(trellis, buffers, path),
    }
}

/// The best score reaching tag `t` from the previous position's `score`, and the tag it
/// comes from (ties to the lower tag).
#[inline(always)]
fn best_before<T: Score>(score: &[T], transitions: &[T], tags: usize, t: usize) -> (T, u8) {
    let mut best = score[0] + transitions[t];
    let mut arg = 0u8;
    for p in 1..tags {
        let v = score[p] + transitions[p * tags + t];
        if v > best {
            best = v;
            arg = p as u8;
        }
    }
    (best, arg)
}

/// [`viterbi_any`] for `N` tags known at compile time (9: the NER tagger's `O` and four
/// types in BIO), so that the inner loops unroll; the tests check it against
/// [`viterbi_any`].
/// `SHORTCUT` (always on but in the tests, which compare both) steps through stretches
/// of tag 0 alone without comparing.
fn viterbi_fixed<T: Score, const N: usize, const SHORTCUT: bool>(
    trellis: &Trellis<T>,
    buffers: &mut ViterbiBuffers<T>,
    path: &mut [u8],
) {
    let Trellis { emission, allowed, start, transitions, neg, .. } = *trellis;
    let (Ok(start), Some(transitions)) = (<&[T; N]>::try_from(start), transitions.get(..N * N)) else {
        return viterbi_any(trellis, buffers, path);
    };
    let len = allowed.len();
    let w = N - 1;
    let back = &mut buffers.back;
    back.clear();
    back.resize(len * N, 0);
    let emit = |k: usize, t: usize, s: T| if t == 0 { s } else { s + emission[k * w + t - 1] };
    let mut score = [neg; N];
    for t in 0..N {
        if allowed[0] >> t & 1 != 0 {
            score[t] = emit(0, t, start[t]);
        }
    }
    // Stretches where only tag 0 is allowed (the tagger's positions outside any name, most
    // of a text): once the scores are `[s, neg, neg, …]`, the step into tag 0 compares
    // `s + t00` with `neg + tp0` for every other tag `p`, the same sums at every position.
    // When none of those is above `s + t00` (ties go to the lower tag, 0), the step adds
    // `t00` and leaves the back pointer 0, exactly what the general step computes. `other`
    // is the largest `neg + tp0` that compares (no NaN, which never wins a comparison).
    let other = (1..N).map(|p| neg + transitions[p * N]).fold(None, |m: Option<T>, v| match m {
        _ if v.partial_cmp(&v).is_none() => m,
        Some(m) if v.partial_cmp(&m) != Some(core::cmp::Ordering::Greater) => Some(m),
        _ => Some(v),
    });
    let mut only_zero = allowed[0] == 1;
    for k in 1..len {
        let a = allowed[k];
        if a == 1 {
            let stay = score[0] + transitions[0];
            if SHORTCUT
                && only_zero
                && other.is_none_or(|m| m.partial_cmp(&stay) != Some(core::cmp::Ordering::Greater))
            {
                score[0] = stay; // back[k * N] is already 0
                continue;
            }
            let (best, arg) = best_before(&score, transitions, N, 0);
            back[k * N] = arg;
            score = [neg; N];
            score[0] = best;
            only_zero = true;
            continue;
        }
        only_zero = false;
        if a == all_tags(N) {
            // Every tag allowed (the tagger's positions near a capital): one step without
            // the mask, on a row of back pointers and a row of scores.
            score =
                step_all(&score, transitions, &emission[k * w..(k + 1) * w], &mut back[k * N..(k + 1) * N]);
            continue;
        }
        let mut next = [neg; N];
        for t in 0..N {
            if a >> t & 1 == 0 {
                continue;
            }
            let (best, arg) = best_before(&score, transitions, N, t);
            back[k * N + t] = arg;
            next[t] = emit(k, t, best);
        }
        score = next;
    }
    backtrack(&score, back, N, path);
}

/// The step of [`viterbi_fixed`] into a position where every tag is allowed: the scores
/// from the previous position's `score`, with `emission` (tags 1..) of the position, and
/// the back pointers written to `back`. The same sums and comparisons as the masked step.
#[inline(always)]
fn step_all<T: Score, const N: usize>(
    score: &[T; N],
    transitions: &[T],
    emission: &[T],
    back: &mut [u8],
) -> [T; N] {
    let mut next = *score;
    for t in 0..N {
        let (best, arg) = best_before(score, transitions, N, t);
        back[t] = arg;
        next[t] = if t == 0 { best } else { best + emission[t - 1] };
    }
    next
}

/// Writes the best path ending in the best of the last position's `score`, following `back`.
fn backtrack<T: Score>(score: &[T], back: &[u8], tags: usize, path: &mut [u8]) {
    let mut state = 0;
    for t in 1..tags {
        if score[t] > score[state] {
            state = t;
        }
    }
    for k in (0..path.len()).rev() {
        path[k] = state as u8;
        if k > 0 {
            state = usize::from(back[k * tags + state]);
        }
    }
}

/// [`viterbi`] for any number of tags, on a non-empty sequence.
fn viterbi_any<T: Score>(trellis: &Trellis<T>, buffers: &mut ViterbiBuffers<T>, path: &mut [u8]) {
    let Trellis { tags, emission, allowed, start, transitions, neg } = *trellis;
    let len = allowed.len();
    let w = tags - 1;
    let ViterbiBuffers { score, next, back } = buffers;
    back.clear();
    back.resize(len * tags, 0);
    score.clear();
    next.clear();
    next.resize(tags, T::default());
    let emit = |k: usize, t: usize, s: T| if t == 0 { s } else { s + emission[k * w + t - 1] };
    score.extend(
        start.iter().enumerate().map(|(t, &s)| if allowed[0] >> t & 1 != 0 { emit(0, t, s) } else { neg }),
    );
    for k in 1..len {
        // Only tag 0 allowed here (a task's "outside" positions): one column, not `tags`.
        if allowed[k] == 1 {
            let (best, arg) = best_before(score, transitions, tags, 0);
            back[k * tags] = arg;
            next.fill(neg);
            next[0] = best;
            core::mem::swap(score, next);
            continue;
        }
        for t in 0..tags {
            let (best, arg) = best_before(score, transitions, tags, t);
            back[k * tags + t] = arg;
            next[t] = if allowed[k] >> t & 1 != 0 { emit(k, t, best) } else { neg };
        }
        core::mem::swap(score, next);
    }
    backtrack(score, back, tags, path);
}

/// [`viterbi`] for two tags (the segmenter's), on a non-empty sequence, with the loops
/// unrolled; the tests check it against [`viterbi_any`].
fn viterbi_two<T: Score>(trellis: &Trellis<T>, buffers: &mut ViterbiBuffers<T>, path: &mut [u8]) {
    let Trellis { emission, allowed, start, transitions, neg, .. } = *trellis;
    let len = allowed.len();
    let back = &mut buffers.back;
    back.clear();
    back.resize(len * 2, 0);
    let (t00, t01, t10, t11) = (transitions[0], transitions[1], transitions[2], transitions[3]);
    let mut s0 = if allowed[0] & 1 != 0 { start[0] } else { neg };
    let mut s1 = if allowed[0] & 2 != 0 { start[1] + emission[0] } else { neg };
    for k in 1..len {
        let (a, b) = (s0 + t00, s1 + t10);
        let (best0, arg0) = if b > a { (b, 1) } else { (a, 0) };
        let (a, b) = (s0 + t01, s1 + t11);
        let (best1, arg1) = if b > a { (b, 1) } else { (a, 0) };
        back[2 * k] = arg0;
        back[2 * k + 1] = arg1;
        s0 = if allowed[k] & 1 != 0 { best0 } else { neg };
        s1 = if allowed[k] & 2 != 0 { best1 + emission[k] } else { neg };
    }
    let mut state = usize::from(s1 > s0);
    for k in (0..len).rev() {
        path[k] = state as u8;
        if k > 0 {
            state = usize::from(back[2 * k + state]);
        }
    }
}

/// Buffers of [`viterbi`], reused across sequences.
#[derive(Clone, Debug, Default)]
pub(crate) struct ViterbiBuffers<T> {
    score: Vec<T>,
    next: Vec<T>,
    back: Vec<u8>,
}

/// A reusable worker that tags sequences with a [`TagModel`]: the caller sets the allowed
/// tags of each position and adds its features, then decodes. Allocates nothing once its
/// buffers have grown to the longest sequence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lattice {
    tags: usize,
    emission: Vec<i64>,
    allowed: Vec<u32>,
    start: Vec<i64>,
    transitions: Vec<i64>,
    buffers: ViterbiBuffers<i64>,
    path: Vec<u8>,
}

impl Lattice {
    /// Starts a sequence of `len` positions for `model`, every tag allowed everywhere.
    pub(crate) fn reset(&mut self, model: &TagModel, len: usize) {
        self.start(model, len);
        self.emission.clear();
        self.emission.resize(len * (self.tags - 1), 0);
    }

    /// [`reset`](Self::reset) without clearing the scores of the positions: for a caller
    /// that gives every position where a tag besides 0 stays allowed its scores with
    /// [`set_features`](Self::set_features) before decoding. Viterbi reads the scores of a
    /// position only for its allowed tags besides 0, so the others' (left from an earlier
    /// sequence) are never read.
    #[cfg(feature = "ner")]
    pub(crate) fn reset_unscored(&mut self, model: &TagModel, len: usize) {
        self.start(model, len);
        let size = len * (self.tags - 1);
        if self.emission.len() < size {
            self.emission.resize(size, 0);
        }
    }

    /// The model's tags, start and transition scores, and every tag allowed at `len`
    /// positions.
    fn start(&mut self, model: &TagModel, len: usize) {
        let n = model.tag_count();
        self.tags = n;
        // Copied per sequence (a few integers) so that one lattice serves any model.
        self.start.clear();
        self.start.extend(model.start.iter().map(|&s| i64::from(s)));
        self.transitions.clear();
        self.transitions.extend(model.transitions.iter().map(|&s| i64::from(s)));
        self.allowed.clear();
        self.allowed.resize(len, all_tags(n));
    }

    /// The allowed tags of each position, as bit masks (bit `t` for tag `t`).
    pub(crate) fn allowed_mut(&mut self) -> &mut [u32] {
        &mut self.allowed
    }

    /// The allowed tags of each position.
    pub(crate) fn allowed(&self) -> &[u32] {
        &self.allowed
    }

    /// Adds the scores of `features` (hashes) to position `k`.
    #[inline]
    pub(crate) fn add_features(&mut self, model: &TagModel, k: usize, features: &[u64]) {
        let w = self.tags - 1;
        if w == 1 {
            let sum: i64 = features.iter().map(|&h| i64::from(model.weights[row(h, model.bits)])).sum();
            self.emission[k] += sum;
            return;
        }
        if w == 8 {
            let sum = row_sums8(&model.weights, model.bits, features);
            for (s, x) in self.emission[k * 8..(k + 1) * 8].iter_mut().zip(sum) {
                *s += i64::from(x);
            }
            return;
        }
        let scores = &mut self.emission[k * w..(k + 1) * w];
        for &h in features {
            let r = row(h, model.bits) * w;
            for (s, &x) in scores.iter_mut().zip(&model.weights[r..r + w]) {
                *s += i64::from(x);
            }
        }
    }

    /// Sets the scores of position `k` to those of `features` (hashes), whatever they were:
    /// [`add_features`](Self::add_features) on a position scored 0 (see
    /// [`reset_unscored`](Self::reset_unscored)).
    #[cfg(feature = "ner")]
    #[inline]
    pub(crate) fn set_features(&mut self, model: &TagModel, k: usize, features: &[u64]) {
        let w = self.tags - 1;
        if w == 8 {
            let sum = row_sums8(&model.weights, model.bits, features);
            for (s, x) in self.emission[k * 8..(k + 1) * 8].iter_mut().zip(sum) {
                *s = i64::from(x);
            }
            return;
        }
        self.emission[k * w..(k + 1) * w].fill(0);
        self.add_features(model, k, features);
    }

    /// The best tags of the sequence, one per position.
    pub(crate) fn decode(&mut self) -> &[u8] {
        let trellis = Trellis {
            tags: self.tags,
            emission: &self.emission,
            allowed: &self.allowed,
            start: &self.start,
            transitions: &self.transitions,
            neg: i64::MIN / 4,
        };
        viterbi(&trellis, &mut self.buffers, &mut self.path);
        &self.path
    }
}

/// The sums of the rows of `features` in a table of eight weights per row (a model of nine
/// tags: the NER tagger's `O` and four types in BIO), in `i32` (a few dozen `i16` weights
/// cannot overflow it). Kept out of line: inlined into its callers, the eight lanes were
/// summed two at a time; alone, a row is two loads, two widenings and two vector adds.
/// Two features a turn, so that the loop's own work is shared.
#[inline(never)]
fn row_sums8(weights: &[i16], bits: u32, features: &[u64]) -> [i32; 8] {
    let add = |sum: &mut [i32; 8], h: u64| {
        let r = row(h, bits) * 8;
        if let Some(Ok(ws)) = weights.get(r..r + 8).map(<&[i16; 8]>::try_from) {
            for (s, &x) in sum.iter_mut().zip(ws) {
                *s += i32::from(x);
            }
        }
    };
    let mut sum = [0i32; 8];
    let mut pairs = features.chunks_exact(2);
    for pair in &mut pairs {
        add(&mut sum, pair[0]);
        add(&mut sum, pair[1]);
    }
    for &h in pairs.remainder() {
        add(&mut sum, h);
    }
    sum
}

/// The mask of every tag of a model of `n` tags.
#[inline]
pub(crate) fn all_tags(n: usize) -> u32 {
    if n >= 32 { u32::MAX } else { (1u32 << n) - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tag sequence allowed by `allowed`, scored by brute force.
    fn brute_force(tags: usize, em: &[i64], allowed: &[u32], start: &[i64], trans: &[i64]) -> (i64, Vec<u8>) {
        let len = allowed.len();
        let mut best: Option<(i64, Vec<u8>)> = None;
        let total = tags.pow(len as u32);
        for code in 0..total {
            let mut seq = Vec::with_capacity(len);
            let mut c = code;
            for _ in 0..len {
                seq.push((c % tags) as u8);
                c /= tags;
            }
            if seq.iter().zip(allowed).any(|(&t, &a)| a >> t & 1 == 0) {
                continue;
            }
            let e = |k: usize, t: u8| if t == 0 { 0 } else { em[k * (tags - 1) + usize::from(t) - 1] };
            let mut s = start[usize::from(seq[0])] + e(0, seq[0]);
            for k in 1..len {
                s += trans[usize::from(seq[k - 1]) * tags + usize::from(seq[k])] + e(k, seq[k]);
            }
            if best.as_ref().is_none_or(|b| s > b.0) {
                best = Some((s, seq));
            }
        }
        best.unwrap()
    }

    #[test]
    fn viterbi_finds_the_best_allowed_path() {
        let mut rng = 0x1234_5678_9abc_def1u64;
        let mut next = |m: i64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % (2 * m as u64 + 1)) as i64 - m
        };
        let mut buffers = ViterbiBuffers::default();
        let mut path = Vec::new();
        for round in 0..300 {
            let tags = 2 + round % 3;
            let len = 1 + round % 6;
            let em: Vec<i64> = (0..len * (tags - 1)).map(|_| next(50)).collect();
            let start: Vec<i64> = (0..tags).map(|_| next(20)).collect();
            let trans: Vec<i64> = (0..tags * tags).map(|_| next(30)).collect();
            let allowed: Vec<u32> =
                (0..len).map(|_| (next(1000).unsigned_abs() as u32 % all_tags(tags)) + 1).collect();
            let trellis = Trellis {
                tags,
                emission: &em,
                allowed: &allowed,
                start: &start,
                transitions: &trans,
                neg: i64::MIN / 4,
            };
            viterbi(&trellis, &mut buffers, &mut path);
            let (best, _) = brute_force(tags, &em, &allowed, &start, &trans);
            let e = |k: usize, t: u8| if t == 0 { 0 } else { em[k * (tags - 1) + usize::from(t) - 1] };
            let mut s = start[usize::from(path[0])] + e(0, path[0]);
            for k in 1..len {
                s += trans[usize::from(path[k - 1]) * tags + usize::from(path[k])] + e(k, path[k]);
            }
            assert!(path.iter().zip(&allowed).all(|(&t, &a)| a >> t & 1 != 0), "round {round}");
            assert_eq!(s, best, "round {round}");
        }
    }

    #[test]
    fn fast_paths_equal_the_general_path() {
        let mut rng = 0x9876_5432_1fed_cba1u64;
        let mut next = |m: i64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % (2 * m as u64 + 1)) as i64 - m
        };
        let (mut b1, mut b2) = (ViterbiBuffers::default(), ViterbiBuffers::default());
        let (mut p1, mut p2) = (Vec::new(), Vec::new());
        // Two tags (the segmenter's) and nine (the NER tagger's, unrolled); forbidden tags
        // scored far below any path, or close enough to tie with or beat the paths (the
        // stretches of tag 0 alone take their shortcut only when it is exact).
        for (tags, neg) in [(2usize, i64::MIN / 4), (9, i64::MIN / 4), (9, -4), (9, 0), (9, 3)] {
            let full = (1u32 << tags) - 1;
            for round in 0..2000 {
                let len = round % 40;
                // Small ranges, so that ties are common.
                let em: Vec<i64> = (0..len * (tags - 1)).map(|_| next(3)).collect();
                let start: Vec<i64> = (0..tags).map(|_| next(2)).collect();
                let trans: Vec<i64> = (0..tags * tags).map(|_| next(2)).collect();
                // Any masks, every tag, and stretches of tag 0 alone (the tagger's outside
                // positions).
                let alone = round % 3;
                let allowed: Vec<u32> = (0..len)
                    .map(|_| {
                        if next(2) < alone as i64 {
                            1
                        } else if next(2) == 2 {
                            full // every tag (the tagger's positions near a capital)
                        } else {
                            (next(1000).unsigned_abs() as u32 & full) | 1 << (round % tags)
                        }
                    })
                    .collect();
                let trellis = Trellis {
                    tags,
                    emission: &em,
                    allowed: &allowed,
                    start: &start,
                    transitions: &trans,
                    neg,
                };
                viterbi(&trellis, &mut b1, &mut p1);
                p2.clear();
                p2.resize(len, 0);
                if len > 0 {
                    if neg == i64::MIN / 4 {
                        viterbi_any(&trellis, &mut b2, &mut p2);
                    } else {
                        // Forbidden tags may then end the best path, where the general path
                        // and the unrolled one keep different back pointers: the shortcut
                        // is compared with the unrolled steps.
                        viterbi_fixed::<i64, 9, false>(&trellis, &mut b2, &mut p2);
                    }
                }
                assert_eq!(p1, p2, "{tags} tags, forbidden {neg}, round {round}");
            }
        }
    }

    /// Numbers below `m`, from a xorshift generator seeded with `seed`.
    fn xorshift(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |m| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        }
    }

    #[test]
    fn fast_paths_equal_the_general_path_in_training_scores() {
        let mut next = xorshift(0x0bad_cafe_1234_5677);
        let (mut b1, mut b2) = (ViterbiBuffers::<f64>::default(), ViterbiBuffers::default());
        let (mut p1, mut p2) = (Vec::new(), Vec::new());
        let tags = 9;
        for round in 0..2000 {
            let len = 1 + round % 30;
            // Halves and NaN now and then (a NaN sum never wins a comparison).
            let mut value = |m: u64| match next(50) {
                0 => f64::NAN,
                _ => next(m) as f64 * 0.5 - (m / 4) as f64,
            };
            let em: Vec<f64> = (0..len * (tags - 1)).map(|_| value(12)).collect();
            let start: Vec<f64> = (0..tags).map(|_| value(8)).collect();
            let trans: Vec<f64> = (0..tags * tags).map(|_| value(8)).collect();
            let allowed: Vec<u32> =
                (0..len).map(|_| if next(3) > 0 { 1 } else { next(511) as u32 | 1 }).collect();
            let neg = [-1e18, -2.0, 0.0][round % 3];
            let trellis =
                Trellis { tags, emission: &em, allowed: &allowed, start: &start, transitions: &trans, neg };
            viterbi(&trellis, &mut b1, &mut p1);
            p2.clear();
            p2.resize(len, 0);
            viterbi_fixed::<f64, 9, false>(&trellis, &mut b2, &mut p2);
            assert_eq!(p1, p2, "round {round}");
        }
    }

    #[test]
    fn scores_set_on_a_used_lattice_equal_scores_added_to_a_cleared_one() {
        let mut next = xorshift(0x5eed_1234_abcd_0001);
        // Nine tags (the NER tagger's, summed eight weights at a time) and three (the
        // general path), weights over the whole `i16` range.
        for tags in [9usize, 3] {
            let names: Vec<String> = (0..tags).map(|t| format!("T{t}")).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let mut model = TagModel::zeroed("test", &names, 6);
            for w in &mut model.weights {
                *w = match next(10) {
                    0 => i16::MIN,
                    1 => i16::MAX,
                    _ => (next(65536) as i64 - 32768) as i16,
                };
            }
            for t in model.transitions.iter_mut().chain(model.start.iter_mut()) {
                *t = next(2000) as i32 - 1000;
            }
            let (mut cleared, mut used) = (Lattice::default(), Lattice::default());
            // Leave scores in `used` from a longer sequence.
            used.reset(&model, 60);
            for k in 0..60 {
                let f: Vec<u64> = (0..50).map(|_| next(u64::MAX)).collect();
                used.add_features(&model, k, &f);
            }
            for round in 0..200 {
                let len = 1 + round % 40;
                cleared.reset(&model, len);
                used.reset_unscored(&model, len);
                for k in 0..len {
                    if next(3) == 0 {
                        cleared.allowed_mut()[k] = 1;
                        used.allowed_mut()[k] = 1;
                        continue;
                    }
                    // Up to 300 features, past the counts any model uses.
                    let f: Vec<u64> = (0..next(300)).map(|_| next(u64::MAX)).collect();
                    cleared.add_features(&model, k, &f);
                    used.set_features(&model, k, &f);
                }
                assert_eq!(cleared.decode(), used.decode(), "{tags} tags, round {round}");
            }
        }
    }

    #[test]
    fn eight_weight_rows_sum_as_integers() {
        let weights: Vec<i16> =
            (0..(8 << 4)).map(|i| if i % 3 == 0 { i16::MIN } else { i16::MAX - i }).collect();
        for n in (0..10).chain([99, 100]) {
            let features: Vec<u64> = (0..n).map(|i| i * 0x9E37_79B9).collect();
            let mut want = [0i32; 8];
            for &h in &features {
                let r = row(h, 4) * 8;
                for (s, &w) in want.iter_mut().zip(&weights[r..r + 8]) {
                    *s += i32::from(w);
                }
            }
            assert_eq!(row_sums8(&weights, 4, &features), want, "{n} features");
        }
    }

    #[test]
    fn empty_sequence_and_lattice_scores() {
        let mut buffers = ViterbiBuffers::<i64>::default();
        let mut path = vec![1];
        let trellis =
            Trellis { tags: 3, emission: &[], allowed: &[], start: &[0; 3], transitions: &[0; 9], neg: 0 };
        viterbi(&trellis, &mut buffers, &mut path);
        assert!(path.is_empty());

        let mut model = TagModel::zeroed("test", &["O", "X", "Y"], 8);
        let h = 0xfeed_u64;
        let r = row(h, 8);
        model.weights[r * 2] = 5; // X
        model.weights[r * 2 + 1] = 7; // Y
        model.transitions[2 * 3 + 2] = -100; // Y → Y
        let mut lattice = Lattice::default();
        lattice.reset(&model, 3);
        for k in 0..3 {
            lattice.add_features(&model, k, &[h]);
        }
        assert_eq!(lattice.decode(), [2, 1, 2]);
        lattice.reset(&model, 2);
        lattice.allowed_mut()[1] = 0b001;
        lattice.add_features(&model, 0, &[h]);
        assert_eq!(lattice.decode(), [2, 0]);
    }
}
