//! Orderings of the corpus for display: similar reports next to each other, the most similar
//! pairs first. Computed here so that printers only read.

use super::model::{SimilarPair, Source};

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

/// The `limit` most similar unordered pairs of a dense matrix, by the larger of their two
/// cells, then the smaller, then input order.
pub fn top_pairs(matrix: &[Vec<f64>], names: &[String], limit: usize) -> Vec<SimilarPair> {
    let cell = |a: usize, b: usize| matrix.get(a).and_then(|r| r.get(b)).copied();
    let mut pairs: Vec<(usize, usize, f64, f64)> = Vec::new();
    for a in 0..matrix.len() {
        for b in a + 1..matrix.len() {
            let (x, y) = (cell(a, b).unwrap_or(0.0), cell(b, a).unwrap_or(0.0));
            if x > 0.0 || y > 0.0 {
                pairs.push((a, b, x, y));
            }
        }
    }
    let key = |&(_, _, x, y): &(usize, usize, f64, f64)| (x.max(y), x.min(y));
    pairs.sort_by(|p, q| {
        let (kp, kq) = (key(p), key(q));
        kq.0.total_cmp(&kp.0)
            .then(kq.1.total_cmp(&kp.1))
            .then((p.0, p.1).cmp(&(q.0, q.1)))
    });
    pairs.truncate(limit);
    pairs
        .into_iter()
        .map(|(a, b, x, y)| pair(names, a, b, Some(x), Some(y)))
        .collect()
}

/// The `limit` most similar pairs known from each report's closest sources (`--top`): a pair
/// is ranked by the larger of its known cells; a cell not among the sources is unknown.
pub fn top_pairs_from_sources(
    sources: &[Vec<Source>],
    names: &[String],
    limit: usize,
) -> Vec<SimilarPair> {
    let known = |a: usize, b: usize| {
        sources
            .get(a)
            .and_then(|s| s.iter().find(|s| s.index == b))
            .map(|s| s.reuse)
    };
    let mut seen = std::collections::HashSet::new();
    let mut pairs: Vec<(usize, usize, Option<f64>, Option<f64>)> = Vec::new();
    for (a, list) in sources.iter().enumerate() {
        for s in list {
            let (x, y) = (a.min(s.index), a.max(s.index));
            if x != y && seen.insert((x, y)) {
                pairs.push((x, y, known(x, y), known(y, x)));
            }
        }
    }
    let best =
        |p: &(usize, usize, Option<f64>, Option<f64>)| p.2.unwrap_or(0.0).max(p.3.unwrap_or(0.0));
    pairs.sort_by(|p, q| {
        best(q)
            .total_cmp(&best(p))
            .then((p.0, p.1).cmp(&(q.0, q.1)))
    });
    pairs.truncate(limit);
    pairs
        .into_iter()
        .map(|(a, b, x, y)| pair(names, a, b, x, y))
        .collect()
}

fn pair(names: &[String], a: usize, b: usize, x: Option<f64>, y: Option<f64>) -> SimilarPair {
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    SimilarPair {
        a: name(a),
        b: name(b),
        a_index: a,
        b_index: b,
        a_reuse: x,
        b_reuse: y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn pairs_rank_by_their_larger_cell() {
        let names: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let m = vec![
            vec![1.0, 0.2, 0.0],
            vec![0.5, 1.0, 0.9],
            vec![0.0, 0.1, 1.0],
        ];
        let pairs = top_pairs(&m, &names, 5);
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[0].a.as_str(), pairs[0].b.as_str()), ("b", "c"));
        assert_eq!(pairs[0].a_reuse, Some(0.9));
        assert_eq!(pairs[0].b_reuse, Some(0.1));
        assert_eq!(pairs[1].a_reuse, Some(0.2));
    }
}
