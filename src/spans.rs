//! Shared spans and coverage: how much of one key is found in another.
//!
//! A **shared span** is a maximal run of at least `min_match` (N) consecutive key characters of
//! A that also occurs contiguously in B's key. Coverage marks every key character of A that
//! lies in a shared span. Because every run of length ≥ N is the union of its N-character
//! windows, the characters covered by shared spans are exactly the characters covered by A's
//! N-character windows that occur somewhere in B: that is how coverage is computed here, in
//! time linear in the lengths (each window is hashed once, by a rolling hash; a lookup
//! compares the characters, so a hash collision can never count as a match; see
//! [`crate::windows`]).
//!
//! A report's key runs across its sentences in reading order (headings excluded), so a span
//! may cross a sentence boundary: a different sentence splitting on the two sides does not
//! change coverage.
//!
//! # Why N = 12 by default
//!
//! Reuse (% of key characters, mean [min–max] over both directions of every pair) measured on
//! the samples with `cargo run --release --example reuse_by_n`:
//!
//! | N  | 7 cities, same year (2024) | hailaer, year over year | other city and year |
//! |----|----------------------------|-------------------------|---------------------|
//! |  6 | 11.3 [4.0–18.4]            | 21.5 [12.9–40.2]        | 5.2 [1.8–11.8]      |
//! |  8 |  7.0 [2.0–12.4]            | 13.8 [7.9–30.5]         | 2.3 [0.6–6.6]       |
//! | 10 |  5.1 [1.4–10.2]            |  9.9 [4.7–24.8]         | 1.1 [0.0–4.0]       |
//! | 12 |  3.7 [1.0–8.0]             |  7.5 [3.5–20.9]         | 0.7 [0.0–2.8]       |
//! | 14 |  3.2 [0.8–6.9]             |  5.8 [1.9–18.2]         | 0.5 [0.0–2.1]       |
//! | 16 |  2.7 [0.4–6.1]             |  4.8 [1.5–16.3]         | 0.4 [0.0–1.8]       |
//! | 20 |  2.2 [0.3–5.2]             |  3.6 [0.8–14.1]         | 0.2 [0.0–1.0]       |
//!
//! What is shared at each N (hailaer 2016 against Shijiazhuang 2021): at N = 8 mostly
//! statistical and administrative terms — 居民人均可支配收入, 社会消费品零售总额, 社区卫生服务
//! 中心 (8–9 characters) — which say nothing about copying; at N = 10 set phrases of the
//! national line (安全生产形势总体平稳, 坚持稳中求进工作总基调); from N = 12 on, whole clauses
//! (成绩的同时我们也清醒地认识到, 经济社会发展主要预期目标是地区生产总值增长). 12 is the
//! smallest N past the common terms: the unrelated-pair floor falls to 0.7% while the ratio of
//! year-over-year to unrelated reuse (10.7×) is near its plateau (11.6× at 14, 12× at 16), and
//! larger N would start missing short copied clauses.

use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::key::mask_digit_chars;
use crate::windows::WindowIndex;

/// A fast, deterministic hasher for key windows (FxHash's multiply-rotate). Used only for
/// lookups: nothing rdiff outputs depends on hash-set iteration order.
#[derive(Debug, Default, Clone, Copy)]
pub struct WindowHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WindowHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WindowHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(u64::from(b));
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Build-hasher for maps and sets keyed by key windows.
pub type BuildWindowHasher = BuildHasherDefault<WindowHasher>;

/// The windows of two keys indexed together, so that one index answers both directions:
/// which windows of `a` occur in `b`, and which of `b` occur in `a`.
#[derive(Debug)]
pub struct MutualWindows {
    n: usize,
    /// Window ids of `a` and of `b`, in order.
    a_ids: Vec<u32>,
    b_ids: Vec<u32>,
    /// `b` was indexed first: ids below this are windows of `b`.
    b_distinct: u32,
    /// Per window of `b` (id below `b_distinct`): its number among the windows both keys hold
    /// (0, 1, 2… in order of first occurrence in `a`), [`NOT_SHARED`] if `a` does not hold it.
    /// Callers that follow shared windows only keep tables of that size, not one per id.
    shared: Vec<u32>,
    /// Number of windows both keys hold.
    shared_count: u32,
}

/// A window of one key only.
const NOT_SHARED: u32 = u32::MAX;

impl MutualWindows {
    /// Index the `min_match`-windows (at least 1) of `a` and `b`.
    pub fn new(a: &[char], b: &[char], min_match: usize) -> MutualWindows {
        let n = min_match.max(1);
        let mut index = WindowIndex::with_capacity(n, a.len() + b.len());
        let b_ids = index.insert_key(b);
        let b_distinct = index.len() as u32;
        let a_ids = index.insert_key(a);
        let mut shared = vec![NOT_SHARED; b_distinct as usize];
        let mut shared_count = 0;
        for &id in &a_ids {
            // A window of `b` seen in `a` for the first time.
            if shared.get(id as usize) == Some(&NOT_SHARED) {
                shared[id as usize] = shared_count;
                shared_count += 1;
            }
        }
        MutualWindows {
            n,
            a_ids,
            b_ids,
            b_distinct,
            shared,
            shared_count,
        }
    }

    /// Window length.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The id of each window of `a`, in order (window `i` starts at character `i`).
    pub fn a_ids(&self) -> &[u32] {
        &self.a_ids
    }

    /// The id of each window of `b`, in order.
    pub fn b_ids(&self) -> &[u32] {
        &self.b_ids
    }

    /// The number of window `id` among the windows both keys hold, `None` if one key alone
    /// holds it.
    pub fn shared_number(&self, id: u32) -> Option<u32> {
        self.shared
            .get(id as usize)
            .copied()
            .filter(|&number| number != NOT_SHARED)
    }

    /// Number of windows both keys hold: shared numbers are below it.
    pub fn shared_count(&self) -> usize {
        self.shared_count as usize
    }

    /// Coverage of `a` (of length `len`) by windows found in `b`.
    pub fn a_cover(&self, len: usize) -> Vec<bool> {
        cover(&self.a_ids, len, self.n, |id| id < self.b_distinct)
    }

    /// Coverage of `b` (of length `len`) by windows found in `a`.
    pub fn b_cover(&self, len: usize) -> Vec<bool> {
        cover(&self.b_ids, len, self.n, |id| {
            self.shared[id as usize] != NOT_SHARED
        })
    }

    /// Number of characters of `a` covered by windows found in `b`.
    pub fn a_covered(&self) -> usize {
        covered_stretches(&self.a_ids, self.n, |id| id < self.b_distinct)
            .map(|r| r.len())
            .sum()
    }

    /// Number of characters of `b` covered by windows found in `a`.
    pub fn b_covered(&self) -> usize {
        covered_stretches(&self.b_ids, self.n, |id| {
            self.shared[id as usize] != NOT_SHARED
        })
        .map(|r| r.len())
        .sum()
    }
}

/// The stretches covered by the `shared` windows of a key (window ids in order), as disjoint
/// ranges in increasing order: each shared window covers its `n` characters, and windows are
/// visited left to right, so a stretch only needs its end.
fn covered_stretches<'i>(
    ids: &'i [u32],
    n: usize,
    shared: impl Fn(u32) -> bool + 'i,
) -> impl Iterator<Item = Range<usize>> + 'i {
    let mut covered_until = 0;
    ids.iter().enumerate().filter_map(move |(start, &id)| {
        if !shared(id) {
            return None;
        }
        let (from, end) = (covered_until.max(start), start + n);
        covered_until = end;
        Some(from..end)
    })
}

fn cover(ids: &[u32], len: usize, n: usize, shared: impl Fn(u32) -> bool) -> Vec<bool> {
    let mut covered = vec![false; len];
    for stretch in covered_stretches(ids, n, shared) {
        if let Some(flags) = covered.get_mut(stretch) {
            flags.fill(true);
        }
    }
    covered
}

/// Which characters of key `a` lie in a span of at least `min_match` characters shared with `b`.
pub fn coverage(a: &[char], b: &[char], min_match: usize) -> Vec<bool> {
    MutualWindows::new(a, b, min_match).a_cover(a.len())
}

/// Coverage of both keys at once: `(coverage(a, b, n), coverage(b, a, n))`.
pub fn mutual_coverage(a: &[char], b: &[char], min_match: usize) -> (Vec<bool>, Vec<bool>) {
    let windows = MutualWindows::new(a, b, min_match);
    (windows.a_cover(a.len()), windows.b_cover(b.len()))
}

/// Template coverage of both keys: the characters of each shared with the other when digit
/// runs on both sides are masked (runs of `min_match` masked characters), united with the
/// exact coverage (`a_exact`, `b_exact`).
///
/// The union keeps template reuse ≥ reuse: masking shortens a run of figures to one
/// character, which could otherwise push an exactly shared span under `min_match`.
pub fn template_coverage(
    a: &[char],
    b: &[char],
    min_match: usize,
    a_exact: &[bool],
    b_exact: &[bool],
) -> (Vec<bool>, Vec<bool>) {
    let (a_masked, a_starts) = mask_digit_chars(a);
    let (b_masked, b_starts) = mask_digit_chars(b);
    let (a_masked_cover, b_masked_cover) = mutual_coverage(&a_masked, &b_masked, min_match);
    (
        unmask(a.len(), a_exact, &a_masked_cover, &a_starts),
        unmask(b.len(), b_exact, &b_masked_cover, &b_starts),
    )
}

/// `exact` united with a masked coverage carried back to the unmasked key (`starts`: where
/// each masked character starts in it, as [`mask_digit_chars`] gives them).
pub fn unmask(len: usize, exact: &[bool], masked_cover: &[bool], starts: &[usize]) -> Vec<bool> {
    let mut covered = exact.to_vec();
    covered.resize(len, false);
    for (m, _) in masked_cover.iter().enumerate().filter(|(_, &c)| c) {
        let start = starts.get(m).copied().unwrap_or(len);
        let end = starts.get(m + 1).copied().unwrap_or(len);
        for flag in covered.iter_mut().take(end).skip(start) {
            *flag = true;
        }
    }
    covered
}

/// Number of covered characters in `range` (clamped to the coverage).
pub fn covered_in(covered: &[bool], range: Range<usize>) -> usize {
    let end = range.end.min(covered.len());
    let start = range.start.min(end);
    covered[start..end].iter().filter(|&&c| c).count()
}

/// `part / whole`, 0.0 for an empty whole (an empty text shares nothing).
pub fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The covered stretches of a coverage, as ranges (for highlighting shared text).
pub fn covered_runs(covered: &[bool]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, &c) in covered.iter().enumerate() {
        match (c, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..covered.len());
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::chars;

    #[test]
    fn a_run_of_n_is_covered_a_run_of_n_minus_1_is_not() {
        let a = chars("xxabcdeyy");
        assert_eq!(covered_runs(&coverage(&a, &chars("abcde"), 5)), vec![2..7]);
        assert!(coverage(&a, &chars("abcd"), 5).iter().all(|&c| !c));
    }

    #[test]
    fn overlapping_windows_merge_into_one_span() {
        let a = chars("0123456789");
        let b = chars("--01234567--3456789");
        let cov = coverage(&a, &b, 4);
        assert_eq!(covered_runs(&cov), vec![0..10]);
    }

    #[test]
    fn coverage_is_exact_not_by_hash_only() {
        // Same length, same multiset of characters: must not match.
        let a = chars("abcdef");
        let b = chars("fedcba");
        assert!(coverage(&a, &b, 3).iter().all(|&c| !c));
    }

    #[test]
    fn short_texts_share_nothing() {
        assert!(coverage(&chars("ab"), &chars("ab"), 3).iter().all(|&c| !c));
        assert!(coverage(&[], &chars("abc"), 3).is_empty());
    }

    #[test]
    fn template_coverage_matches_different_figures() {
        let a = chars("地区生产总值增长6%左右");
        let b = chars("地区生产总值增长55%左右");
        let (exact, b_exact) = mutual_coverage(&a, &b, 8);
        assert_eq!(covered_in(&exact, 0..a.len()), 8);
        let (t, b_t) = template_coverage(&a, &b, 8, &exact, &b_exact);
        assert_eq!(covered_in(&t, 0..a.len()), a.len());
        assert_eq!(covered_in(&b_t, 0..b.len()), b.len());
    }

    #[test]
    fn template_coverage_contains_exact_coverage() {
        // A figure-heavy span: exact match of 6 chars; masked it is only 3 long.
        let a = chars("x1a2b3y");
        let b = chars("q1a2b3r");
        let (exact, b_exact) = mutual_coverage(&a, &b, 5);
        let (t, _) = template_coverage(&a, &b, 5, &exact, &b_exact);
        assert!(exact.iter().zip(&t).all(|(&e, &t)| !e || t));
        assert_eq!(covered_in(&t, 0..a.len()), 5);
    }

    #[test]
    fn shared_windows_are_numbered_densely_in_order_of_a() {
        let a = chars("xyzabcxyz");
        let b = chars("abc-xyz");
        let w = MutualWindows::new(&a, &b, 3);
        let numbers = |ids: &[u32]| -> Vec<Option<u32>> {
            ids.iter().map(|&id| w.shared_number(id)).collect()
        };
        // a: xyz yza zab abc bcx cxy xyz
        let (x, y) = (Some(0), Some(1));
        assert_eq!(numbers(w.a_ids()), vec![x, None, None, y, None, None, x]);
        // b: abc bc- c-x -xy xyz
        assert_eq!(numbers(w.b_ids()), vec![y, None, None, None, x]);
        assert_eq!(w.shared_count(), 2);
    }

    #[test]
    fn shares_of_empty_texts_are_zero() {
        assert_eq!(share(0, 0), 0.0);
        assert_eq!(share(1, 4), 0.25);
        assert_eq!(covered_in(&[true, false, true], 1..9), 1);
    }
}
