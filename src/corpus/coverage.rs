//! Coverage rows: for one report A, how many of its key characters each other report covers.
//!
//! A's runs ([`super::index::Run`]) are visited in order of their start. For every report B in
//! a run's postings, the characters of the run not yet counted for B are added to B's count:
//! since runs come in order of their start, "not yet counted" is simply "past the furthest end
//! counted so far for B", so each run costs one step per report of its postings, and overlaps
//! between runs are never counted twice. The result equals the size of the union of A's
//! windows found in B: exactly the pair comparison's covered characters.
//!
//! Weighing by commonness ([`Commonness`]) takes a second sweep: the first one also counts,
//! for every character of A, how many other reports cover it (each B's newly counted stretch
//! is disjoint from its earlier ones, so a difference array gives the exact number); the second
//! credits each B with the characters it covers that few reports hold (specific reuse), and
//! with its attribution: each such character split equally among the reports holding it.
//! Copies of one report (a corpus may hold the same report from two sources) count once among
//! the holders, so that each copy gets the credit one report would.

use super::index::{Postings, Run};

/// How much of report A one other report covers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cover {
    /// The other report.
    pub report: u32,
    /// A's key characters it covers.
    pub chars: u32,
    /// Of those, the ones that fewer than [`Commonness::common_at`] other reports cover
    /// (0 when the row was not weighed).
    pub specific: u32,
    /// Its attribution: each specific character it covers counts 1/k, k the number of other
    /// reports covering that character, so that the attributions of all reports add up to A's
    /// specific characters.
    pub attributed: f32,
}

/// The characters of one report covered by each other report, and by any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowCounts {
    /// One per other report covering anything, ascending by report.
    pub by_report: Vec<Cover>,
    /// Characters covered by at least one other report.
    pub any: u32,
    /// Characters covered by at least [`Commonness::common_at`] other reports (0 when the row
    /// was not weighed).
    pub common: u32,
}

impl RowCounts {
    /// What report `b` covers, if anything.
    pub fn of(&self, b: u32) -> Option<&Cover> {
        let i = self.by_report.binary_search_by_key(&b, |c| c.report).ok()?;
        self.by_report.get(i)
    }
}

/// From how many other reports on shared text counts as common template rather than specific
/// reuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commonness {
    pub common_at: u32,
}

/// How a row is weighed: the threshold of common text, and which reports are copies of one
/// another (`group[b]`: the same number for copies), so that a report held twice in the
/// corpus counts once among the holders of a character.
#[derive(Debug, Clone, Copy)]
pub struct Weighing<'g> {
    pub commonness: Commonness,
    pub group: &'g [u32],
}

impl<'g> Weighing<'g> {
    /// Common from `share` of the other groups of copies.
    pub fn new(share: f64, group: &'g [u32]) -> Weighing<'g> {
        let distinct = group.iter().collect::<std::collections::HashSet<_>>().len();
        Weighing {
            commonness: Commonness::new(share, distinct),
            group,
        }
    }
}

impl Commonness {
    /// Text covered by at least `share` of the other `reports − 1` reports is common; never
    /// fewer than two others, so that in a corpus of two every shared character is specific.
    pub fn new(share: f64, reports: usize) -> Commonness {
        let others = reports.saturating_sub(1) as f64;
        let at = (share * others).ceil().max(2.0);
        Commonness {
            common_at: at.min(f64::from(u32::MAX)) as u32,
        }
    }
}

/// Working space for computing rows, reused from one report to the next by one thread.
#[derive(Debug, Clone)]
pub struct Scratch {
    /// Per report: one past the furthest character counted so far (0 = not met yet).
    until: Vec<u32>,
    count: Vec<u32>,
    specific: Vec<u32>,
    attributed: Vec<f64>,
    touched: Vec<u32>,
    /// Per group of copies: one past the furthest character counted so far.
    group_until: Vec<u32>,
    /// Per character of the report: change in the number of groups covering it.
    depth: Vec<i32>,
    /// Prefix sums over the report's characters: specific characters, their attribution.
    specific_before: Vec<u32>,
    attributed_before: Vec<f64>,
}

impl Scratch {
    /// Working space for a corpus of `reports` reports.
    pub fn new(reports: usize) -> Scratch {
        Scratch {
            until: vec![0; reports],
            count: vec![0; reports],
            specific: vec![0; reports],
            attributed: vec![0.0; reports],
            touched: Vec::new(),
            group_until: vec![0; reports],
            depth: Vec::new(),
            specific_before: Vec::new(),
            attributed_before: Vec::new(),
        }
    }
}

/// The row of report `a`, from its runs sorted by start; weighed when `weighing` is given.
pub fn row(
    a: u32,
    runs: &[Run],
    postings: &Postings,
    scratch: &mut Scratch,
    weighing: Option<Weighing>,
) -> RowCounts {
    let len = runs.iter().map(|r| r.end).max().unwrap_or(0) as usize;
    let weigh = weighing.is_some();
    let group: &[u32] = weighing.map_or(&[], |w| w.group);
    if weigh {
        scratch.depth.clear();
        scratch.depth.resize(len + 1, 0);
    }
    let any = {
        let (count, depth) = (&mut scratch.count, &mut scratch.depth);
        let group_until = &mut scratch.group_until;
        sweep(
            a,
            runs,
            postings,
            (&mut scratch.until, &mut scratch.touched),
            |b, from, end| {
                if let Some(c) = count.get_mut(b as usize) {
                    *c += end - from;
                }
                if weigh {
                    // The group's new stretch: its members' stretches may overlap.
                    let g = group.get(b as usize).copied().unwrap_or(b) as usize;
                    let Some(until) = group_until.get_mut(g) else {
                        return;
                    };
                    let from = from.max(*until);
                    if end > from {
                        *until = end;
                        if let Some(d) = depth.get_mut(from as usize) {
                            *d += 1;
                        }
                        if let Some(d) = depth.get_mut(end as usize) {
                            *d -= 1;
                        }
                    }
                }
            },
        )
    };
    let mut common = 0;
    if let Some(weighing) = weighing {
        common = prefix_sums(scratch, weighing.commonness);
        reset_until(scratch, weighing.group);
        let (specific, attributed) = (&mut scratch.specific, &mut scratch.attributed);
        let (s_before, w_before) = (&scratch.specific_before, &scratch.attributed_before);
        let at = |v: &[u32], i: u32| v.get(i as usize).copied().unwrap_or(0);
        let at_w = |v: &[f64], i: u32| v.get(i as usize).copied().unwrap_or(0.0);
        sweep(
            a,
            runs,
            postings,
            (&mut scratch.until, &mut Vec::new()),
            |b, from, end| {
                if let Some(s) = specific.get_mut(b as usize) {
                    *s += at(s_before, end) - at(s_before, from);
                }
                if let Some(w) = attributed.get_mut(b as usize) {
                    *w += at_w(w_before, end) - at_w(w_before, from);
                }
            },
        );
    }
    scratch.touched.sort_unstable();
    let mut by_report = Vec::with_capacity(scratch.touched.len());
    for &b in &scratch.touched {
        let i = b as usize;
        let (Some(until), Some(count), Some(specific), Some(attributed)) = (
            scratch.until.get_mut(i),
            scratch.count.get_mut(i),
            scratch.specific.get_mut(i),
            scratch.attributed.get_mut(i),
        ) else {
            continue;
        };
        by_report.push(Cover {
            report: b,
            chars: *count,
            specific: *specific,
            attributed: *attributed as f32,
        });
        *until = 0;
        *count = 0;
        *specific = 0;
        *attributed = 0.0;
    }
    scratch.touched.clear();
    RowCounts {
        by_report,
        any,
        common,
    }
}

/// One sweep over `a`'s runs: hands every other report's newly covered stretch
/// `[from, end)` to `segment` (a report's stretches are disjoint and ascending) and returns
/// the characters covered by any. Reports met for the first time are pushed on `touched`.
fn sweep(
    a: u32,
    runs: &[Run],
    postings: &Postings,
    (until, touched): (&mut [u32], &mut Vec<u32>),
    mut segment: impl FnMut(u32, u32, u32),
) -> u32 {
    let mut any_until = 0;
    let mut any = 0;
    for run in runs {
        let mut shared = false;
        for &b in postings.get(run.postings) {
            if b == a {
                continue;
            }
            shared = true;
            let Some(until) = until.get_mut(b as usize) else {
                continue;
            };
            if *until == 0 {
                touched.push(b);
            }
            let from = run.start.max(*until);
            if run.end > from {
                segment(b, from, run.end);
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
    any
}

/// Forget how far each report and group was counted, before a second sweep.
fn reset_until(scratch: &mut Scratch, group: &[u32]) {
    for &b in &scratch.touched {
        if let Some(u) = scratch.until.get_mut(b as usize) {
            *u = 0;
        }
        let g = group.get(b as usize).copied().unwrap_or(b);
        if let Some(u) = scratch.group_until.get_mut(g as usize) {
            *u = 0;
        }
    }
}

/// From the coverage depths, the prefix sums of specific characters and of their
/// attribution; returns the number of common characters.
fn prefix_sums(scratch: &mut Scratch, commonness: Commonness) -> u32 {
    let len = scratch.depth.len();
    scratch.specific_before.clear();
    scratch.attributed_before.clear();
    scratch.specific_before.reserve(len);
    scratch.attributed_before.reserve(len);
    let (mut depth, mut specific, mut attributed, mut common) = (0i64, 0u32, 0f64, 0u32);
    for &d in &scratch.depth {
        scratch.specific_before.push(specific);
        scratch.attributed_before.push(attributed);
        depth += i64::from(d);
        if depth >= i64::from(commonness.common_at) {
            common += 1;
        } else if depth > 0 {
            specific += 1;
            attributed += 1.0 / depth as f64;
        }
    }
    common
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

    /// Report 0 and two others: 1 holds 甲乙丙丁, 2 holds 丙丁戊己 and 庚辛壬癸, so 丙丁 is
    /// covered twice.
    fn three() -> (Vec<Vec<char>>, crate::corpus::index::SharedRuns) {
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
        (texts, shared)
    }

    /// Report 0's row of [`three`], weighed: common from `common_at`, copies as `group` says.
    fn weighed_row(
        shared: &crate::corpus::index::SharedRuns,
        scratch: &mut Scratch,
        common_at: u32,
        group: &[u32],
    ) -> RowCounts {
        let weighing = Weighing {
            commonness: Commonness { common_at },
            group,
        };
        row(
            0,
            &shared.runs[0],
            &shared.postings,
            scratch,
            Some(weighing),
        )
    }

    fn chars_by_report(row: &RowCounts) -> Vec<(u32, u32)> {
        row.by_report.iter().map(|c| (c.report, c.chars)).collect()
    }

    #[test]
    fn rows_count_pairwise_coverage_and_the_union() {
        let (texts, shared) = three();
        let mut scratch = Scratch::new(3);
        let row0 = row(0, &shared.runs[0], &shared.postings, &mut scratch, None);
        let expect = |b: usize| {
            coverage(&texts[0], &texts[b], 3)
                .iter()
                .filter(|&&c| c)
                .count()
        };
        assert_eq!(
            chars_by_report(&row0),
            vec![(1, expect(1) as u32), (2, expect(2) as u32)]
        );
        // 甲乙丙丁 from report 1; 丙丁戊己 and 庚辛壬癸 from report 2: all ten characters.
        assert_eq!(row0.any, 10);
        // The scratch is clean for the next report.
        let row1 = row(1, &shared.runs[1], &shared.postings, &mut scratch, None);
        assert_eq!(chars_by_report(&row1), vec![(0, 4)]);
        assert_eq!(row1.any, 4);
    }

    #[test]
    fn text_covered_by_enough_others_is_common_and_the_rest_is_attributed() {
        let (_, shared) = three();
        let mut scratch = Scratch::new(3);
        // 丙丁 is held by both others: common from two.
        let weighed = weighed_row(&shared, &mut scratch, 2, &[0, 1, 2]);
        assert_eq!(weighed.common, 2);
        let got: Vec<(u32, u32, u32, f32)> = weighed
            .by_report
            .iter()
            .map(|c| (c.report, c.chars, c.specific, c.attributed))
            .collect();
        assert_eq!(got, vec![(1, 4, 2, 2.0), (2, 8, 6, 6.0)]);
        // Nothing is common from three: 丙丁 is split between the two, half each.
        let weighed = weighed_row(&shared, &mut scratch, 3, &[0, 1, 2]);
        assert_eq!(weighed.common, 0);
        let got: Vec<(u32, u32, f32)> = weighed
            .by_report
            .iter()
            .map(|c| (c.report, c.specific, c.attributed))
            .collect();
        assert_eq!(got, vec![(1, 4, 3.0), (2, 8, 7.0)]);
        let total: f32 = weighed.by_report.iter().map(|c| c.attributed).sum();
        assert_eq!(total, weighed.any as f32);
        // Weighing leaves the plain counts as they were, and the scratch clean.
        let plain = row(0, &shared.runs[0], &shared.postings, &mut scratch, None);
        assert_eq!(chars_by_report(&plain), chars_by_report(&weighed));
        assert!(plain.by_report.iter().all(|c| c.specific == 0));
    }

    #[test]
    fn copies_count_once_among_the_holders() {
        let (_, shared) = three();
        let mut scratch = Scratch::new(3);
        // Reports 1 and 2 as copies of one: 丙丁 has one holder, each gets it whole.
        let weighed = weighed_row(&shared, &mut scratch, 3, &[0, 1, 1]);
        let got: Vec<(u32, f32)> = weighed
            .by_report
            .iter()
            .map(|c| (c.report, c.attributed))
            .collect();
        assert_eq!(got, vec![(1, 4.0), (2, 8.0)]);
    }

    #[test]
    fn common_starts_at_the_share_of_the_others_but_never_below_two() {
        assert_eq!(Commonness::new(0.5, 31).common_at, 15);
        assert_eq!(Commonness::new(0.5, 32).common_at, 16);
        assert_eq!(Commonness::new(0.5, 2).common_at, 2);
        assert_eq!(Commonness::new(1.0, 5).common_at, 4);
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
