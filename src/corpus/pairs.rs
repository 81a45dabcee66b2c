//! Every pair of a corpus compared in full (`rdiff matrix --html FILE --pairs-dir DIR`), so
//! that each cell of the heatmap can open the side-by-side reading behind its figure.
//!
//! One comparison serves both cells of a pair (A in B and B in A): the pair report shows both
//! directions. There are n(n−1)/2 comparisons, each a full sentence-wise diff, so this is for
//! corpora of tens of reports, not thousands.

use rayon::prelude::*;

use super::Progress;
use crate::compare::compare;
use crate::comparison::{CompareOptions, Comparison};
use crate::model::Report;

/// File name of the pair page of reports `a` and `b` (either order): 1-based, lower first.
pub fn pair_file_name(a: usize, b: usize) -> String {
    format!("pair-{:04}-{:04}.html", a.min(b) + 1, a.max(b) + 1)
}

/// Compare every unordered pair of `reports` (in parallel, the earlier report as A) and hand
/// each comparison to `write`; the first error stops the run.
pub fn for_each_pair<E, W>(
    reports: &[Report],
    options: &CompareOptions,
    progress: &dyn Progress,
    write: W,
) -> Result<(), E>
where
    E: Send,
    W: Fn(usize, usize, &Comparison) -> Result<(), E> + Sync,
{
    let n = reports.len();
    progress.stage("pairs", (n * n.saturating_sub(1) / 2) as u64);
    let pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .collect();
    pairs.into_par_iter().try_for_each(|(a, b)| {
        let (Some(ra), Some(rb)) = (reports.get(a), reports.get(b)) else {
            return Ok(());
        };
        let result = write(a, b, &compare(ra, rb, options));
        progress.advance(1);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Silent;
    use crate::testing::report_from_outline;
    use std::sync::Mutex;

    #[test]
    fn each_unordered_pair_once_with_a_stable_name() {
        let reports: Vec<Report> = ["甲乙丙丁。", "甲乙丙丁。戊。", "己。"]
            .iter()
            .map(|t| report_from_outline("x", t))
            .collect();
        let seen = Mutex::new(Vec::new());
        for_each_pair(&reports, &CompareOptions::default(), &Silent, |a, b, c| {
            seen.lock().unwrap().push((a, b, c.summary.a_reuse));
            Ok::<(), ()>(())
        })
        .unwrap();
        let mut seen = seen.into_inner().unwrap();
        seen.sort_by_key(|x| (x.0, x.1));
        let pairs: Vec<(usize, usize)> = seen.iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(pairs, vec![(0, 1), (0, 2), (1, 2)]);
        assert_eq!(pair_file_name(2, 0), "pair-0001-0003.html");
        assert_eq!(pair_file_name(0, 2), pair_file_name(2, 0));
    }
}
