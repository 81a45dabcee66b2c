//! The fingerprint index: which `min_match`-windows of each report occur in which other reports.
//!
//! Pairwise coverage ([`crate::spans`]) marks a character of A when some N-character window of
//! A containing it occurs in B. Across a corpus the same question is answered for every B at
//! once from one index:
//!
//! 1. Every window of every text is hashed (a rolling polynomial hash modulo 2^61−1) and listed
//!    as (hash, report, position); the list is sorted, so equal windows stand together.
//! 2. Within a group of equal hashes the windows' characters are compared: a hash collision
//!    splits the group by content, so two different windows are never taken as one. What
//!    follows is exact whatever the hash does; the hash only decides speed.
//! 3. A window found in at least two reports gets its **postings**: the sorted set of reports
//!    holding it. Postings are interned (stored once, named by a number), because boilerplate
//!    makes thousands of windows share the same set.
//! 4. In each report, consecutive windows with the same postings form one [`Run`]: the text
//!    they cover, shared with exactly the reports of the postings. A phrase found in every
//!    report is then one run per report, not one window at a time: coverage work grows with
//!    the number of runs times their postings, not with windows times reports.
//!
//! Windows found in one report only are dropped at step 3: they cover nothing.

use std::collections::HashMap;

use rayon::prelude::*;

/// A stretch of one text whose every window is shared with the same reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First character covered (position of the first window).
    pub start: u32,
    /// One past the last character covered (last window's position + N).
    pub end: u32,
    /// The reports holding these windows (see [`Postings::get`]), the run's own included.
    pub postings: u32,
}

/// Sets of reports, each stored once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Postings {
    offsets: Vec<usize>,
    reports: Vec<u32>,
}

impl Postings {
    /// The reports (ascending) of postings `id`; empty for an unknown id.
    pub fn get(&self, id: u32) -> &[u32] {
        let i = id as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&s), Some(&e)) => self.reports.get(s..e).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Add `other`'s postings after these; returns what to add to `other`'s ids.
    pub fn append(&mut self, other: &Postings) -> u32 {
        let shift = self.len() as u32;
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        for id in 0..other.len() {
            self.reports.extend_from_slice(other.get(id as u32));
            self.offsets.push(self.reports.len());
        }
        shift
    }

    /// Number of distinct postings.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when no window is shared at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// For every text, its runs of shared windows, sorted by start.
#[derive(Debug, Clone, Default)]
pub struct SharedRuns {
    pub runs: Vec<Vec<Run>>,
    pub postings: Postings,
}

/// Index the `n`-windows of `texts` (one text per report) and return each text's shared runs.
pub fn shared_runs(texts: &[&[char]], n: usize) -> SharedRuns {
    let n = n.max(1);
    shared_runs_with(texts, n, |text| WindowHashes::new(text, n).collect())
}

/// [`shared_runs`] with the window hashes of a text given by `hashes` (tests force collisions).
fn shared_runs_with<H>(texts: &[&[char]], n: usize, hashes: H) -> SharedRuns
where
    H: Fn(&[char]) -> Vec<u64> + Sync,
{
    let mut listed: Vec<(u64, u64)> = texts
        .par_iter()
        .enumerate()
        .flat_map_iter(|(r, text)| {
            hashes(text)
                .into_iter()
                .enumerate()
                .map(move |(pos, hash)| (hash, location(r, pos)))
        })
        .collect();
    listed.par_sort_unstable();
    let chunks = split_at_groups(&mut listed, rayon::current_num_threads() * 8);
    let classes: Vec<Classes> = chunks
        .into_par_iter()
        .map(|(offset, chunk)| classes_in(chunk, offset, texts, n))
        .collect();
    let (postings, ids) = intern(&classes);
    let mut hits: Vec<Vec<(u32, u32)>> = vec![Vec::new(); texts.len()];
    for (chunk, chunk_ids) in classes.iter().zip(&ids) {
        for (class, &id) in chunk.classes.iter().zip(chunk_ids) {
            for &(_, loc) in listed.get(class.locations.clone()).unwrap_or(&[]) {
                let (r, pos) = split_location(loc);
                if let Some(list) = hits.get_mut(r) {
                    list.push((pos, id));
                }
            }
        }
    }
    drop(listed);
    let runs = hits.into_par_iter().map(|h| runs_of(h, n)).collect();
    SharedRuns { runs, postings }
}

fn location(report: usize, pos: usize) -> u64 {
    ((report as u64) << 32) | (pos as u64 & 0xFFFF_FFFF)
}

fn split_location(loc: u64) -> (usize, u32) {
    ((loc >> 32) as usize, loc as u32)
}

/// Rolling polynomial hashes of the `n`-windows of a text, modulo the Mersenne prime 2^61−1.
struct WindowHashes<'t> {
    text: &'t [char],
    n: usize,
    next: usize,
    hash: u64,
    /// BASE^(n−1), to take the outgoing character off.
    top: u64,
}

const MODULUS: u64 = (1 << 61) - 1;
const BASE: u64 = 0x1F2E_3D4C_5B6A_7988 % MODULUS;

fn mul_mod(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    let folded = (p & u128::from(MODULUS)) + (p >> 61);
    let r = (folded & u128::from(MODULUS)) + (folded >> 61);
    (r as u64) % MODULUS
}

fn add_mod(a: u64, b: u64) -> u64 {
    (a + b) % MODULUS
}

fn char_value(c: char) -> u64 {
    u64::from(c) + 1
}

impl<'t> WindowHashes<'t> {
    fn new(text: &'t [char], n: usize) -> WindowHashes<'t> {
        let mut top = 1;
        for _ in 1..n {
            top = mul_mod(top, BASE);
        }
        let mut hash = 0;
        for &c in text.iter().take(n.saturating_sub(1)) {
            hash = add_mod(mul_mod(hash, BASE), char_value(c));
        }
        WindowHashes {
            text,
            n,
            next: 0,
            hash,
            top,
        }
    }
}

impl Iterator for WindowHashes<'_> {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        let incoming = *self.text.get(self.next + self.n - 1)?;
        if self.next > 0 {
            let outgoing = self.text.get(self.next - 1).copied().map_or(0, char_value);
            let off = mul_mod(outgoing, self.top);
            self.hash = add_mod(self.hash, MODULUS - off);
        }
        self.hash = add_mod(mul_mod(self.hash, BASE), char_value(incoming));
        self.next += 1;
        Some(self.hash)
    }
}

/// Cut the sorted list into about `pieces` chunks, never inside a group of equal hashes.
fn split_at_groups(mut list: &mut [(u64, u64)], pieces: usize) -> Vec<(usize, &mut [(u64, u64)])> {
    let size = (list.len() / pieces.max(1)).max(1024);
    let mut chunks = Vec::new();
    let mut offset = 0;
    while !list.is_empty() {
        let mut cut = size.min(list.len());
        while cut < list.len() && list[cut].0 == list[cut - 1].0 {
            cut += 1;
        }
        let (head, tail) = std::mem::take(&mut list).split_at_mut(cut);
        chunks.push((offset, head));
        offset += cut;
        list = tail;
    }
    chunks
}

/// Windows of equal content found in at least two reports.
#[derive(Debug, Default)]
struct Classes {
    classes: Vec<Class>,
    /// The classes' postings, one after another.
    arena: Vec<u32>,
}

#[derive(Debug)]
struct Class {
    /// Where its windows are listed in the sorted list.
    locations: std::ops::Range<usize>,
    /// Its postings in the arena.
    postings: std::ops::Range<usize>,
}

/// The classes of one chunk (starting at `offset` in the sorted list).
fn classes_in(chunk: &mut [(u64, u64)], offset: usize, texts: &[&[char]], n: usize) -> Classes {
    let window = |loc: u64| -> &[char] {
        let (r, pos) = split_location(loc);
        let pos = pos as usize;
        texts
            .get(r)
            .and_then(|t| t.get(pos..pos + n))
            .unwrap_or(&[])
    };
    let mut out = Classes::default();
    let mut i = 0;
    while i < chunk.len() {
        let hash = chunk[i].0;
        let mut j = i + 1;
        while j < chunk.len() && chunk[j].0 == hash {
            j += 1;
        }
        let group = &mut chunk[i..j];
        let first_report = group[0].1 >> 32;
        if group.iter().any(|&(_, loc)| loc >> 32 != first_report) {
            let first = window(group[0].1);
            if group.iter().any(|&(_, loc)| window(loc) != first) {
                // A hash collision: order the group by content so that each class is contiguous.
                group.sort_by(|a, b| window(a.1).cmp(window(b.1)).then(a.1.cmp(&b.1)));
            }
            let mut k = 0;
            while k < group.len() {
                let content = window(group[k].1);
                let mut l = k + 1;
                while l < group.len() && window(group[l].1) == content {
                    l += 1;
                }
                out.push(&group[k..l], offset + i + k);
                k = l;
            }
        }
        i = j;
    }
    out
}

impl Classes {
    /// Record a class listed at `at..at + class.len()` when it spans two reports or more.
    fn push(&mut self, class: &[(u64, u64)], at: usize) {
        let start = self.arena.len();
        for &(_, loc) in class {
            let r = (loc >> 32) as u32;
            if self.arena.len() == start || self.arena.last() != Some(&r) {
                self.arena.push(r);
            }
        }
        if self.arena.len() - start < 2 {
            self.arena.truncate(start);
            return;
        }
        self.classes.push(Class {
            locations: at..at + class.len(),
            postings: start..self.arena.len(),
        });
    }
}

/// Store each distinct postings once; returns them and, per chunk, each class's postings id.
fn intern(chunks: &[Classes]) -> (Postings, Vec<Vec<u32>>) {
    let mut postings = Postings {
        offsets: vec![0],
        reports: Vec::new(),
    };
    let mut seen: HashMap<&[u32], u32> = HashMap::new();
    let mut ids = Vec::with_capacity(chunks.len());
    for chunk in chunks {
        let mut chunk_ids = Vec::with_capacity(chunk.classes.len());
        for class in &chunk.classes {
            let list = chunk.arena.get(class.postings.clone()).unwrap_or(&[]);
            let id = *seen.entry(list).or_insert_with(|| {
                postings.reports.extend_from_slice(list);
                postings.offsets.push(postings.reports.len());
                (postings.offsets.len() - 2) as u32
            });
            chunk_ids.push(id);
        }
        ids.push(chunk_ids);
    }
    (postings, ids)
}

/// Merge a text's shared windows (position, postings) into runs.
fn runs_of(mut hits: Vec<(u32, u32)>, n: usize) -> Vec<Run> {
    hits.sort_unstable();
    let n = n as u32;
    let mut runs: Vec<Run> = Vec::new();
    for (pos, id) in hits {
        match runs.last_mut() {
            Some(run) if run.postings == id && run.end == pos + n - 1 => run.end = pos + n,
            _ => runs.push(Run {
                start: pos,
                end: pos + n,
                postings: id,
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests;
