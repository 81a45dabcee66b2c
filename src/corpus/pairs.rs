//! The most similar pairs of a corpus compared in full (`rdiff matrix --html FILE --pairs-dir
//! DIR`), so that their cells of the heatmap open the side-by-side reading behind the figure.
//!
//! One comparison serves both cells of a pair (A in B and B in A): the pair report shows both
//! directions. Only the listed pairs get a page (20 by default, `--pairs N`): a page holds both
//! reports in full (about 0.5 MB for two 15,000-character reports), so pages for all
//! n(n−1)/2 pairs would fill a disk for a corpus of thousands.

use rayon::prelude::*;

use super::Progress;
use crate::compare::compare;
use crate::comparison::{CompareOptions, Comparison};
use crate::model::Report;

/// File name of the pair page of reports `a` and `b` (either order): 1-based, lower first.
pub fn pair_file_name(a: usize, b: usize) -> String {
    format!("pair-{:04}-{:04}.html", a.min(b) + 1, a.max(b) + 1)
}

/// Compare each pair `(a, b)` of `pairs` (indices into `reports`, in parallel, a as A) and
/// hand each comparison to `write`; the first error stops the run.
pub fn for_each_pair<E, W>(
    reports: &[Report],
    pairs: &[(usize, usize)],
    options: &CompareOptions,
    progress: &dyn Progress,
    write: W,
) -> Result<(), E>
where
    E: Send,
    W: Fn(usize, usize, &Comparison) -> Result<(), E> + Sync,
{
    progress.stage("pairs", pairs.len() as u64);
    pairs.par_iter().try_for_each(|&(a, b)| {
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
    fn each_pair_asked_for_once_with_a_stable_name() {
        let reports: Vec<Report> = ["甲乙丙丁。", "甲乙丙丁。戊。", "己。"]
            .iter()
            .map(|t| report_from_outline("x", t))
            .collect();
        let seen = Mutex::new(Vec::new());
        let asked = [(0, 1), (0, 2), (1, 2)];
        for_each_pair(
            &reports,
            &asked,
            &CompareOptions::default(),
            &Silent,
            |a, b, c| {
                seen.lock().unwrap().push((a, b, c.summary.a_reuse));
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        let mut seen = seen.into_inner().unwrap();
        seen.sort_by_key(|x| (x.0, x.1));
        let pairs: Vec<(usize, usize)> = seen.iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(pairs, vec![(0, 1), (0, 2), (1, 2)]);
        assert_eq!(pair_file_name(2, 0), "pair-0001-0003.html");
        assert_eq!(pair_file_name(0, 2), pair_file_name(2, 0));
    }
}
