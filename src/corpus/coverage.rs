//! Coverage rows: for one report A, how many of its key characters each other report covers.
//!
//! A's runs ([`super::index::Run`]) are visited in order of their start. For every report B in
//! a run's postings, the characters of the run not yet counted for B are added to B's count:
//! since runs come in order of their start, "not yet counted" is simply "past the furthest end
//! counted so far for B", so each run costs one step per report of its postings, and overlaps
//! between runs are never counted twice. The result equals the size of the union of A's
//! windows found in B: exactly the pair comparison's covered characters.

use super::index::{Postings, Run};

/// The characters of one report covered by each other report, and by any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// (other report, covered characters), ascending by report; reports covering nothing left
    /// out.
    pub by_report: Vec<(u32, u32)>,
    /// Characters covered by at least one other report.
    pub any: u32,
}

/// Working space for computing rows, reused from one report to the next by one thread.
#[derive(Debug, Clone)]
pub struct Scratch {
    /// Per report: one past the furthest character counted so far (0 = not met yet).
    until: Vec<u32>,
    count: Vec<u32>,
    touched: Vec<u32>,
}

impl Scratch {
    /// Working space for a corpus of `reports` reports.
    pub fn new(reports: usize) -> Scratch {
        Scratch {
            until: vec![0; reports],
            count: vec![0; reports],
            touched: Vec::new(),
        }
    }
}

/// The row of report `a`, from its runs sorted by start.
pub fn row(a: u32, runs: &[Run], postings: &Postings, scratch: &mut Scratch) -> RowCounts {
    let mut any_until = 0;
    let mut any = 0;
    for run in runs {
        let mut shared = false;
        for &b in postings.get(run.postings) {
            if b == a {
                continue;
            }
            shared = true;
            let (Some(until), Some(count)) = (
                scratch.until.get_mut(b as usize),
                scratch.count.get_mut(b as usize),
            ) else {
                continue;
            };
            if *until == 0 {
                scratch.touched.push(b);
            }
            let from = run.start.max(*until);
            if run.end > from {
                *count += run.end - from;
                *until = run.end;
            }
        }
        if shared {
            let from = run.start.max(any_until);
            if run.end > from {
                any += run.end - from;
                any_until = run.end;
            }
        }
    }
    scratch.touched.sort_unstable();
    let mut by_report = Vec::with_capacity(scratch.touched.len());
    for &b in &scratch.touched {
        let i = b as usize;
        if let (Some(until), Some(count)) = (scratch.until.get_mut(i), scratch.count.get_mut(i)) {
            by_report.push((b, *count));
            *until = 0;
            *count = 0;
        }
    }
    scratch.touched.clear();
    RowCounts { by_report, any }
}

/// Merge two run lists sorted by start into one sorted by start.
pub fn merge_runs(a: &[Run], b: &[Run]) -> Vec<Run> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        if x.start <= y.start {
            out.push(*x);
            i += 1;
        } else {
            out.push(*y);
            j += 1;
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or(&[]));
    out.extend_from_slice(b.get(j..).unwrap_or(&[]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::index::shared_runs;
    use crate::spans::coverage;
    use crate::testing::chars;

    #[test]
    fn rows_count_pairwise_coverage_and_the_union() {
        let texts: Vec<Vec<char>> = [
            "甲乙丙丁戊己庚辛壬癸",
            "甲乙丙丁子丑",
            "庚辛壬癸寅卯丙丁戊己",
        ]
        .iter()
        .map(|s| chars(s))
        .collect();
        let refs: Vec<&[char]> = texts.iter().map(Vec::as_slice).collect();
        let shared = shared_runs(&refs, 3);
        let mut scratch = Scratch::new(3);
        let row0 = row(0, &shared.runs[0], &shared.postings, &mut scratch);
        let expect = |b: usize| {
            coverage(&texts[0], &texts[b], 3)
                .iter()
                .filter(|&&c| c)
                .count()
        };
        assert_eq!(
            row0.by_report,
            vec![(1, expect(1) as u32), (2, expect(2) as u32)]
        );
        // 甲乙丙丁 from report 1; 丙丁戊己 and 庚辛壬癸 from report 2: all ten characters.
        assert_eq!(row0.any, 10);
        // The scratch is clean for the next report.
        let row1 = row(1, &shared.runs[1], &shared.postings, &mut scratch);
        assert_eq!(row1.by_report, vec![(0, 4)]);
        assert_eq!(row1.any, 4);
    }

    #[test]
    fn merged_runs_stay_sorted() {
        let run = |start, end| Run {
            start,
            end,
            postings: 0,
        };
        let merged = merge_runs(&[run(0, 3), run(5, 9)], &[run(1, 4), run(7, 8), run(9, 12)]);
        let starts: Vec<u32> = merged.iter().map(|r| r.start).collect();
        assert_eq!(starts, vec![0, 1, 5, 7, 9]);
    }
}
