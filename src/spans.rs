//! Shared spans and coverage: how much of one key is found in another.
//!
//! A **shared span** is a maximal run of at least `min_match` (N) consecutive key characters of
//! A that also occurs contiguously in B's key. Coverage marks every key character of A that
//! lies in a shared span. Because every run of length ≥ N is the union of its N-character
//! windows, the characters covered by shared spans are exactly the characters covered by A's
//! N-character windows that occur somewhere in B: that is how coverage is computed here, in
//! time linear in the lengths (each window is hashed once; a hash-set lookup compares the
//! characters, so a hash collision can never count as a match).
//!
//! A report's key runs across its sentences in reading order (headings excluded), so a span
//! may cross a sentence boundary: a different sentence splitting on the two sides does not
//! change coverage.
//!
//! # Why N = 12 by default
//!
//! Measured on the samples (see the README for the table): below about 10 characters, common
//! phrases of official prose ("坚持以人民为中心的发展思想" aside, pairs such as "全面贯彻落实"
//! plus a neighbour) make unrelated cities' reports look 30–40% shared; from 12 on, reuse
//! between reports of different cities falls to the share of genuinely repeated formulas, while
//! year-over-year pairs of one city keep nearly all of their carried-over text. 12 Han
//! characters is about one clause: copying a clause is reuse, sharing a phrase is not.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::key::mask_digit_chars;

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

/// The N-character windows of one key, for "does this window occur there?" lookups.
#[derive(Debug)]
pub struct WindowSet<'k> {
    windows: HashSet<&'k [char], BuildWindowHasher>,
    n: usize,
}

impl<'k> WindowSet<'k> {
    /// All windows of `key` of length `min_match` (at least 1).
    pub fn new(key: &'k [char], min_match: usize) -> WindowSet<'k> {
        let n = min_match.max(1);
        let windows = key.windows(n).collect();
        WindowSet { windows, n }
    }

    /// Marks the characters of `a` covered by windows that occur in this set.
    pub fn cover(&self, a: &[char]) -> Vec<bool> {
        let mut covered = vec![false; a.len()];
        // Windows are visited left to right, so the covered stretch only needs its end.
        let mut covered_until = 0;
        for (start, window) in a.windows(self.n).enumerate() {
            if self.windows.contains(window) {
                let end = start + self.n;
                for flag in covered.iter_mut().take(end).skip(covered_until.max(start)) {
                    *flag = true;
                }
                covered_until = covered_until.max(end);
            }
        }
        covered
    }
}

/// Which characters of key `a` lie in a span of at least `min_match` characters shared with `b`.
pub fn coverage(a: &[char], b: &[char], min_match: usize) -> Vec<bool> {
    WindowSet::new(b, min_match).cover(a)
}

/// Template coverage: characters of `a` shared with `b` when digit runs on both sides are
/// masked (runs of `min_match` masked characters), united with the exact coverage `exact`.
///
/// The union keeps template reuse ≥ reuse: masking shortens a run of figures to one
/// character, which could otherwise push an exactly shared span under `min_match`.
pub fn template_coverage(a: &[char], b: &[char], min_match: usize, exact: &[bool]) -> Vec<bool> {
    let (a_masked, a_starts) = mask_digit_chars(a);
    let (b_masked, _) = mask_digit_chars(b);
    let masked_cover = coverage(&a_masked, &b_masked, min_match);
    let mut covered = exact.to_vec();
    covered.resize(a.len(), false);
    for (m, _) in masked_cover.iter().enumerate().filter(|(_, &c)| c) {
        let start = a_starts.get(m).copied().unwrap_or(a.len());
        let end = a_starts.get(m + 1).copied().unwrap_or(a.len());
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

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

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
        let exact = coverage(&a, &b, 8);
        assert_eq!(covered_in(&exact, 0..a.len()), 8);
        let t = template_coverage(&a, &b, 8, &exact);
        assert_eq!(covered_in(&t, 0..a.len()), a.len());
    }

    #[test]
    fn template_coverage_contains_exact_coverage() {
        // A figure-heavy span: exact match of 6 chars; masked it is only 3 long.
        let a = chars("x1a2b3y");
        let b = chars("q1a2b3r");
        let exact = coverage(&a, &b, 5);
        let t = template_coverage(&a, &b, 5, &exact);
        assert!(exact.iter().zip(&t).all(|(&e, &t)| !e || t));
        assert_eq!(covered_in(&t, 0..a.len()), 5);
    }

    #[test]
    fn shares_of_empty_texts_are_zero() {
        assert_eq!(share(0, 0), 0.0);
        assert_eq!(share(1, 4), 0.25);
        assert_eq!(covered_in(&[true, false, true], 1..9), 1);
    }
}
