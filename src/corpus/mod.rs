//! Many reports: template reuse across a corpus (`rdiff matrix`).
//!
//! Users compare not two reports but dozens to thousands: the counties of a province, one
//! district over ten years. Comparing every pair would be quadratic in text; instead one
//! fingerprint index of every report's `min_match`-windows ([`index`]) answers, for each report
//! A, which of its characters every other report covers ([`coverage`]). The figures are the pair
//! comparison's, exactly: the same key ([`crate::key`]), the same `min_match`, the same digit
//! masking, so cell (A, B) of the matrix equals `a_reuse` of `rdiff A B --json`.
//!
//! The steps of [`analyze`]:
//!
//! 1. Index the keys: runs of windows shared with the same reports ([`index::shared_runs`]).
//! 2. Index the masked keys the same way; their runs, mapped back to key positions and merged
//!    with the exact runs, give template coverage (exact ∪ masked, as the pair comparison's
//!    [`crate::spans::template_coverage`]).
//! 3. For every report, in parallel, one sweep over its runs counts its characters covered by
//!    each other report ([`coverage::row`]): a matrix row, or only its closest sources.
//! 4. Boilerplate ([`phrases`]), recurring sentences and commitments ([`sentences`]).
//!
//! Everything is computed in input order and merged in input order: the result does not
//! depend on the number of threads.

pub mod coverage;
pub mod entry;
pub mod index;
pub mod inputs;
pub mod model;
mod order;
pub mod pairs;
mod phrases;
mod sentences;
pub mod split;
pub mod synth;

use rayon::prelude::*;

pub use entry::Entry;
pub use model::*;

use crate::compare::commitments::names::NameCounts;
use crate::key::mask_digit_chars;
use crate::spans::share;
use coverage::{merge_runs, row, Cover, RowCounts, Scratch, Weighing};
use index::{shared_runs, Postings, Run, SharedRuns};

/// Reports progress of a long corpus run (a progress bar, or nothing).
pub trait Progress: Sync {
    /// A new stage of `total` steps begins.
    fn stage(&self, label: &str, total: u64);
    /// `steps` more steps are done.
    fn advance(&self, steps: u64);
}

/// Progress reported nowhere.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _: &str, _: u64) {}
    fn advance(&self, _: u64) {}
}

/// Compare every report of `entries` with every other.
pub fn analyze(entries: &[Entry], options: &MatrixOptions, progress: &dyn Progress) -> Analysis {
    let n = options.min_match.max(1);
    progress.stage("indexing", 2);
    let keys: Vec<&[char]> = entries.iter().map(|e| e.key.as_slice()).collect();
    let exact = shared_runs(&keys, n);
    progress.advance(1);
    let (template_runs, template_postings) = template_runs(entries, &exact, n);
    progress.advance(1);
    progress.stage("comparing", entries.len() as u64);
    let no_runs: &[Run] = &[];
    let exact_runs = |a: usize| exact.runs.get(a).map_or(no_runs, Vec::as_slice);
    // Weighed first as if no report were a copy of another; copies are found from these
    // rows, and only if there are any are the rows weighed again.
    let alone: Vec<u32> = (0..entries.len() as u32).collect();
    let first = Weighing::new(options.common, &alone);
    let mut rows: Vec<Row> = (0..entries.len())
        .into_par_iter()
        .map_init(
            || (Scratch::new(entries.len()), Scratch::new(entries.len())),
            |(s1, s2), a| {
                let tpl_runs = template_runs.get(a).map_or(no_runs, Vec::as_slice);
                let row = Row {
                    exact: row(a as u32, exact_runs(a), &exact.postings, s1, Some(first)),
                    template: row(a as u32, tpl_runs, &template_postings, s2, None),
                };
                progress.advance(1);
                row
            },
        )
        .collect();
    let exact_rows: Vec<&RowCounts> = rows.iter().map(|r| &r.exact).collect();
    let group = copy_groups(&exact_rows, entries);
    if group != alone {
        let again = Weighing::new(options.common, &group);
        let weighed: Vec<RowCounts> = (0..entries.len())
            .into_par_iter()
            .map_init(
                || Scratch::new(entries.len()),
                |scratch, a| {
                    row(
                        a as u32,
                        exact_runs(a),
                        &exact.postings,
                        scratch,
                        Some(again),
                    )
                },
            )
            .collect();
        for (row, exact) in rows.iter_mut().zip(weighed) {
            row.exact = exact;
        }
    }
    drop(template_runs);
    progress.stage("boilerplate", 1);
    let analysis = assemble(entries, options, &rows, &exact, &group);
    progress.advance(1);
    analysis
}

/// One report's coverage by every other report, exact and figures masked.
struct Row {
    exact: RowCounts,
    template: RowCounts,
}

/// Runs for template coverage, in key positions: the exact runs merged with the runs of the
/// masked keys, over one postings table (the masked postings after the exact ones).
fn template_runs(entries: &[Entry], exact: &SharedRuns, n: usize) -> (Vec<Vec<Run>>, Postings) {
    let masked: Vec<(Vec<char>, Vec<usize>)> = entries
        .par_iter()
        .map(|e| mask_digit_chars(&e.key))
        .collect();
    let texts: Vec<&[char]> = masked.iter().map(|(m, _)| m.as_slice()).collect();
    let masked_runs = shared_runs(&texts, n);
    let mut postings = exact.postings.clone();
    let shift = postings.append(&masked_runs.postings);
    let runs = masked_runs
        .runs
        .par_iter()
        .zip(&masked)
        .zip(entries)
        .zip(&exact.runs)
        .map(|(((runs, (_, starts)), entry), exact_runs)| {
            let key_pos = |m: u32| starts.get(m as usize).copied().unwrap_or(entry.key.len());
            let mapped: Vec<Run> = runs
                .iter()
                .map(|r| Run {
                    start: key_pos(r.start) as u32,
                    end: key_pos(r.end) as u32,
                    postings: r.postings + shift,
                })
                .collect();
            merge_runs(exact_runs, &mapped)
        })
        .collect();
    (runs, postings)
}

/// Build the result from the rows.
fn assemble(
    entries: &[Entry],
    options: &MatrixOptions,
    rows: &[Row],
    exact: &SharedRuns,
    group: &[u32],
) -> Analysis {
    let n = options.min_match.max(1);
    let names: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
    let sentence_index = sentences::SentenceIndex::new(entries);
    let mut programmes = NameCounts::default();
    for entry in entries {
        programmes.add(&entry.names);
    }
    let own = OwnContext {
        sentences: &sentence_index,
        names: &programmes,
        runs: &exact.runs,
    };
    let labels = labels(entries);
    let reports: Vec<ReportSummary> = entries
        .iter()
        .enumerate()
        .zip(rows)
        .zip(labels)
        .map(|(((i, entry), row), label)| {
            let mut summary = summary(i, entry, row, entries, options, &own);
            summary.label = label;
            summary.closest = closest(&summary.sources, group);
            summary.copies = (0..entries.len())
                .filter(|&b| b != i && group.get(b) == group.get(i))
                .filter_map(|b| Some(entries.get(b)?.name.clone()))
                .collect();
            summary
        })
        .collect();
    let dense = options.top.is_none();
    let matrix = dense.then(|| dense_matrix(entries, rows, n, |r| &r.exact, |c| c.chars));
    let template_matrix =
        dense.then(|| dense_matrix(entries, rows, n, |r| &r.template, |c| c.chars));
    let specific_matrix =
        dense.then(|| dense_matrix(entries, rows, n, |r| &r.exact, |c| c.specific));
    let order = match &matrix {
        Some(m) => order::cluster_order(m),
        None => (0..entries.len()).collect(),
    };
    let exact_rows: Vec<&RowCounts> = rows.iter().map(|r| &r.exact).collect();
    let chars: Vec<usize> = entries.iter().map(|e| e.key.len()).collect();
    let pairs = order::top_pairs(&exact_rows, &chars, &names, options.pairs);
    Analysis {
        options: options.clone(),
        reports,
        matrix,
        template_matrix,
        specific_matrix,
        order,
        pairs,
        boilerplate: phrases::rank_phrases(entries, exact, options.phrases),
        sentences: sentence_index.recurring(entries, n, options.phrases),
        failed: Vec::new(),
        year_over_year: year_over_year(entries),
    }
}

/// For every place with reports of consecutive years, each earlier target beside the later
/// review's result; by place, then year (a place and year given twice uses the first).
fn year_over_year(entries: &[Entry]) -> Vec<PlaceYear> {
    let mut by_place: std::collections::BTreeMap<(&str, u16), &Entry> = Default::default();
    for e in entries {
        if let (Some(place), Some(year)) = (e.info.place.as_deref(), e.info.year) {
            by_place
                .entry((crate::plan::place_key(place), year))
                .or_insert(e);
        }
    }
    by_place
        .iter()
        .filter_map(|(&(place, year), earlier)| {
            let later = by_place.get(&(place, year.checked_add(1)?))?;
            Some(PlaceYear {
                place: place.to_string(),
                year,
                earlier: earlier.name.clone(),
                later: later.name.clone(),
                outcomes: crate::plan::year_over_year(&earlier.targets, &later.achieved),
            })
        })
        .collect()
}

/// What deciding a report's own commitments needs from the whole corpus.
struct OwnContext<'c> {
    sentences: &'c sentences::SentenceIndex<'c>,
    names: &'c NameCounts,
    /// Each report's runs of text shared with others.
    runs: &'c [Vec<Run>],
}

impl OwnContext<'_> {
    /// The commitments of report `i`.
    fn commitments(&self, i: usize, entry: &Entry) -> Vec<CorpusCommitment> {
        let mut cover = vec![false; entry.key.len()];
        for run in self.runs.get(i).map_or(&[][..], Vec::as_slice) {
            let end = (run.end as usize).min(cover.len());
            for c in cover.iter_mut().take(end).skip(run.start as usize) {
                *c = true;
            }
        }
        self.sentences.commitments(entry, &cover, self.names)
    }
}

fn summary(
    i: usize,
    entry: &Entry,
    row: &Row,
    entries: &[Entry],
    options: &MatrixOptions,
    own: &OwnContext,
) -> ReportSummary {
    let len = entry.key.len();
    let template_share = share(row.template.any as usize, len);
    let sources = sources(row, len, entries, options.sources);
    ReportSummary {
        name: entry.name.clone(),
        info: entry.info.clone(),
        part: entry.part,
        label: entry.name.clone(),
        template_share,
        own_share: if len == 0 { 0.0 } else { 1.0 - template_share },
        reuse_share: share(row.exact.any as usize, len),
        common_share: share(row.exact.common as usize, len),
        specific_share: share((row.exact.any - row.exact.common) as usize, len),
        closest: None,
        copies: Vec::new(),
        sources,
        commitments: own.commitments(i, entry),
        targets: entry.targets.clone(),
        achieved: entry.achieved.clone(),
    }
}

/// The `limit` reports most of a report's specific reuse is attributable to: by attribution,
/// then specific reuse, reuse, template reuse, input order. Reports sharing text only once
/// figures are masked come last.
fn sources(row: &Row, len: usize, entries: &[Entry], limit: usize) -> Vec<Source> {
    let template = |b: u32| row.template.of(b).map_or(0, |c| c.chars);
    let mut found: Vec<(Cover, u32)> = row
        .exact
        .by_report
        .iter()
        .map(|c| (*c, template(c.report)))
        .collect();
    for c in &row.template.by_report {
        if row.exact.of(c.report).is_none() {
            let only_masked = Cover {
                report: c.report,
                ..Cover::default()
            };
            found.push((only_masked, c.chars));
        }
    }
    found.sort_by(|(x, xt), (y, yt)| {
        y.attributed
            .total_cmp(&x.attributed)
            .then(y.specific.cmp(&x.specific))
            .then(y.chars.cmp(&x.chars))
            .then(yt.cmp(xt))
            .then(x.report.cmp(&y.report))
    });
    found
        .into_iter()
        .take(limit)
        .filter_map(|(c, t)| {
            Some(Source {
                name: entries.get(c.report as usize)?.name.clone(),
                index: c.report as usize,
                reuse: share(c.chars as usize, len),
                template_reuse: share(t as usize, len),
                common_reuse: share((c.chars - c.specific) as usize, len),
                specific_reuse: share(c.specific as usize, len),
                attribution: if len == 0 {
                    0.0
                } else {
                    f64::from(c.attributed) / len as f64
                },
            })
        })
        .collect()
}

/// The first source and its lead over the next one that is not a copy of it, when it has any
/// specific text.
fn closest(sources: &[Source], group: &[u32]) -> Option<Closest> {
    let first = sources.first().filter(|s| s.attribution > 0.0)?;
    let lead = sources
        .iter()
        .skip(1)
        .find(|s| group.get(s.index) != group.get(first.index))
        .filter(|s| s.attribution > 0.0)
        .map(|s| first.attribution / s.attribution);
    Some(Closest {
        name: first.name.clone(),
        index: first.index,
        attribution: first.attribution,
        lead,
        clear: first.attribution >= CLEAR_ATTRIBUTION && lead.is_none_or(|l| l >= CLEAR_LEAD),
    })
}

/// Reports this much of which is in another, both ways, are copies of one another.
pub const COPY_SHARE: f64 = 0.9;

/// For each report, the lowest index of the reports it is a copy of (itself when none):
/// copies of copies are one group.
fn copy_groups(rows: &[&RowCounts], entries: &[Entry]) -> Vec<u32> {
    let len = |i: usize| entries.get(i).map_or(0, |e| e.key.len());
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (a, row) in rows.iter().enumerate() {
        // Most of a in b first: cheap, and rare; only then b's row is looked up.
        let most = row
            .by_report
            .iter()
            .filter(|c| c.report as usize > a && share(c.chars as usize, len(a)) >= COPY_SHARE);
        for c in most {
            let b = c.report as usize;
            let back = rows
                .get(b)
                .and_then(|r| r.of(a as u32))
                .map_or(0, |c| c.chars);
            if share(back as usize, len(b)) >= COPY_SHARE {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    (0..rows.len())
        .map(|i| root(&mut parent, i) as u32)
        .collect()
}

/// Each report's label: place and year when both were read, else its name; a label that two
/// reports would share takes the name after it.
fn labels(entries: &[Entry]) -> Vec<String> {
    let base: Vec<Option<String>> = entries
        .iter()
        .map(|e| Some(format!("{} {}", e.info.place.as_deref()?, e.info.year?)))
        .collect();
    let mut count: std::collections::HashMap<&str, usize> = Default::default();
    for label in base.iter().flatten() {
        *count.entry(label.as_str()).or_default() += 1;
    }
    base.iter()
        .zip(entries)
        .map(|(label, e)| match label {
            Some(l) if count.get(l.as_str()) == Some(&1) => l.clone(),
            Some(l) => format!("{l} ({})", e.name),
            None => e.name.clone(),
        })
        .collect()
}

/// The dense matrix of one kind of coverage; the diagonal is a report compared with itself.
fn dense_matrix(
    entries: &[Entry],
    rows: &[Row],
    n: usize,
    counts: impl Fn(&Row) -> &RowCounts,
    chars: impl Fn(&Cover) -> u32,
) -> Vec<Vec<f64>> {
    entries
        .iter()
        .zip(rows)
        .enumerate()
        .map(|(a, (entry, row))| {
            let len = entry.key.len();
            let mut cells = vec![0.0; entries.len()];
            for c in &counts(row).by_report {
                if let Some(cell) = cells.get_mut(c.report as usize) {
                    *cell = share(chars(c) as usize, len);
                }
            }
            if let Some(cell) = cells.get_mut(a) {
                *cell = share(if len >= n { len } else { 0 }, len);
            }
            cells
        })
        .collect()
}

#[cfg(test)]
mod tests;
