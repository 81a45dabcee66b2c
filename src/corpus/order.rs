//! Orderings of the corpus for display: similar reports next to each other, the most similar
//! pairs first. Computed here so that printers only read.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::coverage::RowCounts;
use super::model::SimilarPair;

/// A greedy chain through the reports: start from the most similar pair, then repeatedly take
/// the report most similar to either end of the chain and put it at that end. Similarity of a
/// pair is the mean of its two cells. Ties go to the earlier report, so the order is
/// deterministic. O(n²): fine for the corpora a heatmap can show.
pub fn cluster_order(matrix: &[Vec<f64>]) -> Vec<usize> {
    let n = matrix.len();
    let sim = |i: usize, j: usize| {
        let cell = |a: usize, b: usize| matrix.get(a).and_then(|r| r.get(b)).copied();
        (cell(i, j).unwrap_or(0.0) + cell(j, i).unwrap_or(0.0)) / 2.0
    };
    if n <= 1 {
        return (0..n).collect();
    }
    let mut best = (0, 1, f64::NEG_INFINITY);
    for i in 0..n {
        for j in i + 1..n {
            if sim(i, j) > best.2 {
                best = (i, j, sim(i, j));
            }
        }
    }
    let mut placed = vec![false; n];
    let mut chain = std::collections::VecDeque::from([best.0, best.1]);
    placed[best.0] = true;
    placed[best.1] = true;
    while chain.len() < n {
        let (Some(&head), Some(&tail)) = (chain.front(), chain.back()) else {
            break;
        };
        // (report, similarity, at the head?)
        let mut next: Option<(usize, f64, bool)> = None;
        for j in (0..n).filter(|&j| !placed[j]) {
            for (end, at_head) in [(head, true), (tail, false)] {
                let s = sim(end, j);
                if next.is_none_or(|(_, b, _)| s > b) {
                    next = Some((j, s, at_head));
                }
            }
        }
        let Some((j, _, at_head)) = next else { break };
        placed[j] = true;
        if at_head {
            chain.push_front(j);
        } else {
            chain.push_back(j);
        }
    }
    chain.into_iter().collect()
}

/// A pair as ranked: "less" is better (more similar, then more reuse, then input order), so
/// that a max-heap keeps the worst of the best on top.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    similarity: f64,
    reuse: f64,
    pair: (usize, usize),
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .similarity
            .total_cmp(&self.similarity)
            .then(other.reuse.total_cmp(&self.reuse))
            .then(self.pair.cmp(&other.pair))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

/// The `limit` most similar unordered pairs by [`SimilarPair::similarity`], then by the
/// reuse of both directions, then input order; pairs sharing nothing are left out. A pair is
/// read from its earlier report's row (shared windows are mutual, so both rows hold it). `rows[a]`
/// is what every other report covers of report a, `chars[a]` its length.
pub fn top_pairs(
    rows: &[&RowCounts],
    chars: &[usize],
    names: &[String],
    limit: usize,
) -> Vec<SimilarPair> {
    let share =
        |c: u32, a: usize| crate::spans::share(c as usize, chars.get(a).copied().unwrap_or(0));
    // The best `limit` so far, the worst on top: a corpus of thousands has millions of pairs.
    let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(limit + 1);
    // What each report shares specifically with anyone: an upper bound on what it shares with
    // one, so that most pairs are ranked out without looking their other direction up.
    let specific_any: Vec<u32> = rows.iter().map(|r| r.any - r.common).collect();
    for (a, row) in rows.iter().enumerate() {
        // Shared windows are mutual: every pair is in both rows, and is taken from the
        // earlier report's.
        for cover in row.by_report.iter().filter(|c| c.report as usize > a) {
            let b = cover.report as usize;
            let total = chars.get(a).copied().unwrap_or(0) + chars.get(b).copied().unwrap_or(0);
            let most = cover.specific + specific_any.get(b).copied().unwrap_or(0);
            let bound = crate::spans::share(most as usize, total);
            if best.len() >= limit && best.peek().is_none_or(|worst| bound < worst.similarity) {
                continue;
            }
            let back = rows
                .get(b)
                .and_then(|r| r.of(a as u32))
                .copied()
                .unwrap_or_default();
            let ranked = Ranked {
                similarity: crate::spans::share((cover.specific + back.specific) as usize, total),
                reuse: share(cover.chars, a) + share(back.chars, b),
                pair: (a, b),
            };
            if best.len() < limit {
                best.push(ranked);
            } else if best.peek().is_some_and(|worst| ranked < *worst) {
                best.pop();
                best.push(ranked);
            }
        }
    }
    let pairs: Vec<(f64, usize, usize)> = best
        .into_sorted_vec()
        .into_iter()
        .map(|r| (r.similarity, r.pair.0, r.pair.1))
        .collect();
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    pairs
        .into_iter()
        .map(|(similarity, a, b)| {
            let cover = |x: usize, y: usize| {
                rows.get(x)
                    .and_then(|r| r.of(y as u32))
                    .copied()
                    .unwrap_or_default()
            };
            let (ab, ba) = (cover(a, b), cover(b, a));
            SimilarPair {
                a: name(a),
                b: name(b),
                a_index: a,
                b_index: b,
                a_reuse: Some(share(ab.chars, a)),
                b_reuse: Some(share(ba.chars, b)),
                a_specific: share(ab.specific, a),
                b_specific: share(ba.specific, b),
                similarity,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::coverage::Cover;

    #[test]
    fn similar_reports_end_up_adjacent() {
        // 0 and 2 are alike, 1 and 3 are alike.
        let m = vec![
            vec![1.0, 0.0, 0.9, 0.1],
            vec![0.0, 1.0, 0.1, 0.8],
            vec![0.9, 0.1, 1.0, 0.0],
            vec![0.1, 0.8, 0.0, 1.0],
        ];
        let order = cluster_order(&m);
        assert_eq!(order.len(), 4);
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, vec![0, 1, 2, 3]);
        let at = |i: usize| order.iter().position(|&x| x == i).unwrap();
        assert_eq!(at(0).abs_diff(at(2)), 1);
        assert_eq!(at(1).abs_diff(at(3)), 1);
        assert!(cluster_order(&[]).is_empty());
        assert_eq!(cluster_order(&[vec![1.0]]), vec![0]);
    }

    #[test]
    fn a_series_is_laid_out_in_a_line() {
        // Each report is most like its neighbours: 0-1-2-3-4, whatever pair starts the chain.
        let m: Vec<Vec<f64>> = (0..5)
            .map(|i: i32| {
                (0..5)
                    .map(|j: i32| 1.0 / (1.0 + f64::from((i - j).abs())))
                    .collect()
            })
            .collect();
        let order = cluster_order(&m);
        assert!(
            order == vec![0, 1, 2, 3, 4] || order == vec![4, 3, 2, 1, 0],
            "{order:?}"
        );
    }

    fn covers(list: &[(u32, u32, u32)]) -> RowCounts {
        RowCounts {
            by_report: list
                .iter()
                .map(|&(report, chars, specific)| Cover {
                    report,
                    chars,
                    specific,
                    attributed: specific as f32,
                })
                .collect(),
            ..RowCounts::default()
        }
    }

    #[test]
    fn pairs_rank_by_specific_text_over_both_lengths() {
        let names: Vec<String> = ["short", "long", "c", "d"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // "short" (100) lies wholly in "long" (1000); c and d (500 each) share 150 each way.
        // "short" in "long" is the larger cell (100 %), but c and d share more text.
        let rows = [
            covers(&[(1, 100, 100)]),
            covers(&[(0, 100, 100)]),
            covers(&[(3, 150, 150)]),
            covers(&[(2, 150, 120)]),
        ];
        let refs: Vec<&RowCounts> = rows.iter().collect();
        let pairs = top_pairs(&refs, &[100, 1000, 500, 500], &names, 5);
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[0].a.as_str(), pairs[0].b.as_str()), ("c", "d"));
        assert_eq!(pairs[0].similarity, 270.0 / 1000.0);
        assert_eq!(pairs[0].a_specific, 0.3);
        assert_eq!(pairs[0].b_specific, 0.24);
        assert_eq!(
            (pairs[1].a.as_str(), pairs[1].b.as_str()),
            ("short", "long")
        );
        assert_eq!(pairs[1].a_reuse, Some(1.0));
        assert_eq!(pairs[1].b_reuse, Some(0.1));
        assert_eq!(pairs[1].similarity, 200.0 / 1100.0);
        // Each pair once; a limit keeps the first.
        assert_eq!(top_pairs(&refs, &[100, 1000, 500, 500], &names, 1).len(), 1);
    }
}
