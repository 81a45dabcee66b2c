//! Boilerplate: the phrases shared verbatim by the most reports, with exact counts.
//!
//! Every run of the index ([`super::index::Run`]) is a candidate phrase: a stretch of one
//! report whose every window is found in the same set of reports. That set is only an upper
//! bound on the reports holding the *whole* stretch: a report may hold its first half in one
//! place and its second half in another. So candidates are taken most-promising first and
//! verified before being ranked (a lazy priority queue: a candidate whose verified count fell
//! goes back in the queue with its true count, so the ranking is exact):
//!
//! - A report B holds candidate T exactly when T lies inside one of B's runs with the same
//!   postings (every window of T has those postings, in B as anywhere), so verification reads
//!   only those runs.
//! - A verified phrase is then extended, character by character on both sides, as long as every
//!   report holding it has the same neighbouring character: the maximal span those reports
//!   share (at the occurrence first found in each).
//!
//! Phrases come in families: 团结在以习近平同志为核心的党中央周围, 更加紧密地团结在…,
//! 让我们更加紧密地团结在…, each held by fewer reports than the last. A phrase that is
//! [`kin`] to one already listed (most of the shorter lies in the longer) is not listed again
//! but recorded as a variant of it, so the list shows one line per family: its form held by
//! the most reports, with its variants. A longer phrase held by exactly the same reports
//! replaces the listed one, since it says more.

use std::collections::{BinaryHeap, HashMap, HashSet};

use super::entry::Entry;
use super::index::{Run, SharedRuns};
use super::model::{Phrase, PhrasePlace, PhraseVariant};

/// The `limit` phrases found in the most reports (then the longest), exact counts.
pub fn rank_phrases(entries: &[Entry], shared: &SharedRuns, limit: usize) -> Vec<Phrase> {
    let by_postings = RunsByPostings::new(shared);
    let candidates = candidates(entries, shared);
    let mut queue: BinaryHeap<Queued> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| Queued {
            count: shared.postings.get(c.run.postings).len(),
            len: c.run.end - c.run.start,
            order: std::cmp::Reverse(i),
            found: None,
        })
        .collect();
    let mut listed: Vec<Family> = Vec::new();
    let mut texts: HashSet<Vec<char>> = HashSet::new();
    while listed.len() < limit {
        let Some(next) = queue.pop() else { break };
        let candidate = &candidates[next.order.0];
        match next.found {
            None => {
                let found = verify(entries, shared, &by_postings, candidate);
                if found.holders.len() >= 2 {
                    queue.push(Queued {
                        count: found.holders.len(),
                        found: Some(found),
                        ..next
                    });
                }
            }
            Some(mut found) => {
                extend(entries, &mut found);
                let text = found.key(entries).to_vec();
                if !texts.insert(text.clone()) {
                    continue;
                }
                let family = listed.iter_mut().find(|f| kin(f.head.key(entries), &text));
                match family {
                    None => listed.push(Family {
                        head: found,
                        variants: Vec::new(),
                    }),
                    Some(f) if f.head.holders.len() == found.holders.len() => {
                        // The same reports: a form holding the listed one says more.
                        if contains(&text, f.head.key(entries)) {
                            f.head = found;
                        }
                    }
                    Some(f) => {
                        let count = found.holders.len();
                        let same = f.variants.iter().position(|v| {
                            v.holders.len() == count
                                && (contains(v.key(entries), &text)
                                    || contains(&text, v.key(entries)))
                        });
                        let room = f.variants.len() < MAX_VARIANTS;
                        match same.and_then(|i| f.variants.get_mut(i)) {
                            Some(v) if found.len > v.len => *v = found,
                            Some(_) => {}
                            None if room => f.variants.push(found),
                            None => {}
                        }
                    }
                }
            }
        }
    }
    listed.sort_by(|x, y| {
        y.head
            .holders
            .len()
            .cmp(&x.head.holders.len())
            .then(y.head.len.cmp(&x.head.len))
    });
    listed
        .iter()
        .map(|f| {
            let mut p = phrase(entries, &f.head);
            p.variants = f
                .variants
                .iter()
                .map(|v| {
                    let v = phrase(entries, v);
                    PhraseVariant {
                        text: v.text,
                        chars: v.chars,
                        report_count: v.report_count,
                    }
                })
                .collect();
            p
        })
        .collect()
}

/// Variants recorded per listed phrase.
const MAX_VARIANTS: usize = 5;

/// A listed phrase and the variants found after it.
struct Family {
    head: Found,
    variants: Vec<Found>,
}

/// Two phrases are kin when their longest common stretch is at least two thirds of the
/// shorter: one nests in the other, or they overlap by most of their length
/// (以习近平新时代…为指导 and 习近平新时代…为指导,全面).
fn kin(a: &[char], b: &[char]) -> bool {
    let shorter = a.len().min(b.len());
    shorter > 0 && 3 * longest_common_stretch(a, b) >= 2 * shorter
}

/// Length of the longest stretch found in both (dynamic programming, one row kept).
fn longest_common_stretch(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { 0 };
            best = best.max(row[j + 1]);
            diagonal = above;
        }
    }
    best
}

/// A candidate: a run of one report.
struct Candidate {
    report: usize,
    run: Run,
}

/// Every run of every report whose text has not been seen before, in report order.
fn candidates(entries: &[Entry], shared: &SharedRuns) -> Vec<Candidate> {
    let mut seen: HashMap<&[char], ()> = HashMap::new();
    let mut out = Vec::new();
    for (report, (entry, runs)) in entries.iter().zip(&shared.runs).enumerate() {
        for run in runs {
            let text = entry
                .key
                .get(run.start as usize..run.end as usize)
                .unwrap_or(&[]);
            if seen.insert(text, ()).is_none() {
                out.push(Candidate { report, run: *run });
            }
        }
    }
    out
}

/// An entry of the queue: the upper bound (or, once verified, the count) first.
#[derive(PartialEq, Eq)]
struct Queued {
    count: usize,
    len: u32,
    order: std::cmp::Reverse<usize>,
    found: Option<Found>,
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.count, self.len, self.order).cmp(&(other.count, other.len, other.order))
    }
}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A verified phrase: the reports holding it and where (key position), ascending by report.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    holders: Vec<(usize, usize)>,
    /// Where it stands in the report it was found in first (`holders[0]`), and its length.
    len: u32,
}

impl Found {
    /// The phrase's key, read from its first holder.
    fn key<'e>(&self, entries: &'e [Entry]) -> &'e [char] {
        let Some(&(r, at)) = self.holders.first() else {
            return &[];
        };
        entries
            .get(r)
            .and_then(|e| e.key.get(at..at + self.len as usize))
            .unwrap_or(&[])
    }
}

/// Runs of every report listed by postings, for verification.
struct RunsByPostings {
    /// (postings, report, run index), sorted.
    list: Vec<(u32, u32, u32)>,
}

impl RunsByPostings {
    fn new(shared: &SharedRuns) -> RunsByPostings {
        let mut list: Vec<(u32, u32, u32)> = shared
            .runs
            .iter()
            .enumerate()
            .flat_map(|(r, runs)| {
                runs.iter()
                    .enumerate()
                    .map(move |(i, run)| (run.postings, r as u32, i as u32))
            })
            .collect();
        list.sort_unstable();
        RunsByPostings { list }
    }

    /// Indices of report `r`'s runs with postings `id`.
    fn runs(&self, id: u32, r: u32) -> impl Iterator<Item = usize> + '_ {
        let from = self.list.partition_point(|&(p, q, _)| (p, q) < (id, r));
        self.list
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |&&(p, q, _)| (p, q) == (id, r))
            .map(|&(_, _, i)| i as usize)
    }
}

/// The reports holding the candidate's whole text, and where (first occurrence found).
fn verify(
    entries: &[Entry],
    shared: &SharedRuns,
    by_postings: &RunsByPostings,
    candidate: &Candidate,
) -> Found {
    let run = candidate.run;
    let text = entries
        .get(candidate.report)
        .and_then(|e| e.key.get(run.start as usize..run.end as usize))
        .unwrap_or(&[]);
    let mut holders = Vec::new();
    for &b in shared.postings.get(run.postings) {
        let (Some(entry), Some(runs)) = (entries.get(b as usize), shared.runs.get(b as usize))
        else {
            continue;
        };
        let at = by_postings.runs(run.postings, b).find_map(|i| {
            let r = runs.get(i)?;
            let hay = entry.key.get(r.start as usize..r.end as usize)?;
            find(hay, text).map(|offset| r.start as usize + offset)
        });
        if let Some(at) = at {
            holders.push((b as usize, at));
        }
    }
    Found {
        holders,
        len: run.end - run.start,
    }
}

/// Grow the phrase on both sides while every holder has the same neighbouring character.
fn extend(entries: &[Entry], found: &mut Found) {
    let char_at = |r: usize, at: usize| entries.get(r).and_then(|e| e.key.get(at)).copied();
    loop {
        let len = found.len as usize;
        let mut next = found.holders.iter().map(|&(r, at)| char_at(r, at + len));
        let first = next.next().flatten();
        if first.is_none() || !next.all(|c| c == first) {
            break;
        }
        found.len += 1;
    }
    loop {
        let mut before = found
            .holders
            .iter()
            .map(|&(r, at)| at.checked_sub(1).and_then(|p| char_at(r, p)));
        let first = before.next().flatten();
        if first.is_none() || !before.all(|c| c == first) {
            break;
        }
        for holder in &mut found.holders {
            holder.1 -= 1;
        }
        found.len += 1;
    }
}

fn phrase(entries: &[Entry], found: &Found) -> Phrase {
    let len = found.len as usize;
    let text = found
        .holders
        .first()
        .and_then(|&(r, at)| entries.get(r).map(|e| e.text_of(at..at + len)))
        .unwrap_or_default();
    let mut reports = Vec::new();
    let mut places = Vec::new();
    for &(r, at) in &found.holders {
        let Some(entry) = entries.get(r) else {
            continue;
        };
        reports.push(entry.name.clone());
        places.push(PhrasePlace {
            report: entry.name.clone(),
            section: entry.section_at(at).map(str::to_string),
        });
    }
    Phrase {
        text,
        chars: len,
        report_count: reports.len(),
        reports,
        places,
        variants: Vec::new(),
    }
}

/// Position of `needle` in `hay`.
fn find(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains(hay: &[char], needle: &[char]) -> bool {
    find(hay, needle).is_some()
}

#[cfg(test)]
mod tests;
