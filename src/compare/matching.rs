//! Sentence matching: which sentence of A is which sentence of B.
//!
//! Matching is one-to-one and runs in four passes, each on what the previous ones left:
//!
//! 1. **In aligned sections**, a patience diff over sentence keys (sub-headings take part, as
//!    their stripped keys) finds the order-preserving `equal` pairs. Elements whose key does
//!    not occur on the other side are left out of the diff first, so a long run of changed
//!    text cannot make it slow. The diff runs both ways and keeps the pairs found both ways: a
//!    diff breaks ties between equally long matchings from its old side. No deadline: a timed-out diff would silently report near-equal
//!    sections as entirely replaced.
//! 2. **Equal elsewhere**: sentences with the same key, wherever they stand (a moved sentence,
//!    or one that changed place within its section).
//! 3. **Template**: sentences with the same masked key (the figures changed).
//! 4. **Similar**: candidates come from the index of `min_match`-windows of the masked
//!    reports (the one template coverage is measured with: each sentence's masked key is a
//!    slice of its report's), counting the windows of sentences still unmatched (windows found in more than `max_gram_sentences` sentences are boilerplate and skipped;
//!    at most [`CANDIDATES`] per sentence, from each side); a candidate pair is similar when
//!    the runs of at least `similar_min_match` characters each shares with the other cover at
//!    least `similar_threshold` of both its masked keys. Pairs are taken best first.
//!
//! In passes 2 and 3, sentences in aligned sections pair first, in reading order; the rest pair
//! in reading order. Every rule is symmetric, so swapping A and B swaps the result.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::keyed::{Element, KeyedReport, KeyedSentence};
use crate::align::AlignedPair;
use crate::comparison::CompareOptions;
use crate::spans::{BuildWindowHasher, MutualWindows};
use crate::windows::Holders;

/// How many similar candidates each sentence proposes (from its side).
pub const CANDIDATES: usize = 8;

/// What kind of pair two matched sentences form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PairKind {
    Equal,
    Template,
    Similar,
}

/// The result of matching.
#[derive(Debug)]
pub(crate) struct Matching {
    /// For each A sentence, its B counterpart.
    pub a_to: Vec<Option<(usize, PairKind)>>,
    /// For each B sentence, its A counterpart.
    pub b_to: Vec<Option<(usize, PairKind)>>,
    /// For each alignment pair, the sub-headings paired: (A element, B element).
    pub heading_pairs: Vec<Vec<(usize, usize)>>,
    /// For each A sentence, the alignment pair its section stands in.
    pub a_line: Vec<usize>,
    /// For each B sentence, the alignment pair its section stands in.
    pub b_line: Vec<usize>,
}

impl Matching {
    fn pair(&mut self, s: usize, t: usize, kind: PairKind) {
        if let (Some(x), Some(y)) = (self.a_to.get_mut(s), self.b_to.get_mut(t)) {
            *x = Some((t, kind));
            *y = Some((s, kind));
        }
    }
}

/// Match the sentences of `a` and `b`, given their section alignment and the windows of their
/// masked keys (`masked`: [`KeyedReport::masked`] of `a` and `b`, `min_match`-windows).
pub(crate) fn match_sentences(
    a: &KeyedReport,
    b: &KeyedReport,
    alignment: &[AlignedPair],
    masked: &MutualWindows,
    options: &CompareOptions,
) -> Matching {
    let line_of = |report: &KeyedReport, side: fn(&AlignedPair) -> Option<usize>| {
        let mut section_line = vec![0; report.sections.len()];
        for (line, pair) in alignment.iter().enumerate() {
            if let Some(s) = side(pair).and_then(|i| section_line.get_mut(i)) {
                *s = line;
            }
        }
        let lines: Vec<usize> = report
            .sentences
            .iter()
            .map(|s| section_line.get(s.section).copied().unwrap_or(0))
            .collect();
        lines
    };
    let mut m = Matching {
        a_to: vec![None; a.sentences.len()],
        b_to: vec![None; b.sentences.len()],
        heading_pairs: vec![Vec::new(); alignment.len()],
        a_line: line_of(a, |p| p.a),
        b_line: line_of(b, |p| p.b),
    };
    for (line, pair) in alignment.iter().enumerate() {
        if let (Some(i), Some(j)) = (pair.a, pair.b) {
            diff_aligned(a, b, i, j, line, &mut m);
        }
    }
    match_by_key(a, b, &mut m, KeyedReport::key, PairKind::Equal);
    match_by_key(a, b, &mut m, KeyedReport::masked, PairKind::Template);
    match_similar(a, b, &mut m, masked, options);
    m
}

/// Pass 1: patience diff of the elements of aligned sections `i` (A) and `j` (B).
fn diff_aligned<'k, 'r>(
    a: &'k KeyedReport<'r>,
    b: &'k KeyedReport<'r>,
    i: usize,
    j: usize,
    line: usize,
    m: &mut Matching,
) {
    let (Some(sa), Some(sb)) = (a.sections.get(i), b.sections.get(j)) else {
        return;
    };
    // Interned ids, so the diff compares integers; sub-headings never equal sentences.
    let mut ids: HashMap<(bool, &[char]), u32, BuildWindowHasher> = HashMap::default();
    let mut tokens = |report: &'k KeyedReport<'r>, elements: &'k [Element<'r>]| -> Vec<u32> {
        elements
            .iter()
            .map(|e| {
                let next = ids.len() as u32;
                *ids.entry(element_key(report, e)).or_insert(next)
            })
            .collect()
    };
    let a_tokens = tokens(a, &sa.elements);
    let b_tokens = tokens(b, &sb.elements);
    let in_a: HashSet<u32> = a_tokens.iter().copied().collect();
    let in_b: HashSet<u32> = b_tokens.iter().copied().collect();
    let a_kept: Vec<usize> = (0..a_tokens.len())
        .filter(|&e| in_b.contains(&a_tokens[e]))
        .collect();
    let b_kept: Vec<usize> = (0..b_tokens.len())
        .filter(|&e| in_a.contains(&b_tokens[e]))
        .collect();
    let a_seq: Vec<u32> = a_kept.iter().map(|&e| a_tokens[e]).collect();
    let b_seq: Vec<u32> = b_kept.iter().map(|&e| b_tokens[e]).collect();
    // A diff breaks ties (equally long matchings, as a repeated sentence makes) from its old
    // side; only the pairs found both ways are kept, so swapping A and B swaps the result.
    // Sentences a tie left out pair in pass 2.
    let backward: HashSet<(usize, usize)> = equal_pairs(&b_seq, &a_seq)
        .into_iter()
        .map(|(j, i)| (i, j))
        .collect();
    for (i, j) in equal_pairs(&a_seq, &b_seq) {
        if !backward.contains(&(i, j)) {
            continue;
        }
        let (Some(&ea), Some(&eb)) = (a_kept.get(i), b_kept.get(j)) else {
            continue;
        };
        match (sa.elements.get(ea), sb.elements.get(eb)) {
            (Some(Element::Sentence(s)), Some(Element::Sentence(t))) => {
                m.pair(*s, *t, PairKind::Equal)
            }
            (Some(Element::Heading(..)), Some(Element::Heading(..))) => {
                if let Some(pairs) = m.heading_pairs.get_mut(line) {
                    pairs.push((ea, eb));
                }
            }
            _ => {}
        }
    }
}

/// The (old, new) index pairs a patience diff of `old` and `new` finds equal, in order.
fn equal_pairs(old: &[u32], new: &[u32]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, old, new) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            pairs.extend((0..len).map(|k| (old_index + k, new_index + k)));
        }
    }
    pairs
}

/// What the in-section diff compares an element by.
fn element_key<'k>(report: &'k KeyedReport, e: &'k Element) -> (bool, &'k [char]) {
    match e {
        Element::Sentence(s) => (
            false,
            report.sentences.get(*s).map_or(&[][..], |s| report.key(s)),
        ),
        Element::Heading(_, key) => (true, key.as_slice()),
    }
}

/// Passes 2 and 3: pair unmatched sentences with the same `key`, those in aligned
/// sections first, then the rest, each in reading order.
fn match_by_key<'k, 'r>(
    a: &'k KeyedReport<'r>,
    b: &'k KeyedReport<'r>,
    m: &mut Matching,
    key: fn(&'k KeyedReport<'r>, &KeyedSentence) -> &'k [char],
    kind: PairKind,
) {
    type Group = (Vec<usize>, Vec<usize>);
    let mut groups: HashMap<&[char], Group, BuildWindowHasher> = HashMap::default();
    for (s, sentence) in a.sentences.iter().enumerate() {
        // Empty keys (a sentence of punctuation alone) pair too: pass 1 pairs them, and
        // skipping them here would make the result depend on which side is A.
        if m.a_to[s].is_none() {
            groups.entry(key(a, sentence)).or_default().0.push(s);
        }
    }
    for (t, sentence) in b.sentences.iter().enumerate() {
        if m.b_to[t].is_none() {
            if let Some(group) = groups.get_mut(key(b, sentence)) {
                group.1.push(t);
            }
        }
    }
    // Groups are disjoint, so the order they are visited in cannot change the result.
    for (xs, ys) in groups.into_values() {
        if ys.is_empty() {
            continue;
        }
        let mut by_line: BTreeMap<usize, Group> = BTreeMap::new();
        for &s in &xs {
            by_line.entry(m.a_line[s]).or_default().0.push(s);
        }
        for &t in &ys {
            by_line.entry(m.b_line[t]).or_default().1.push(t);
        }
        for (ls, lt) in by_line.values() {
            for (&s, &t) in ls.iter().zip(lt) {
                m.pair(s, t, kind);
            }
        }
        let rest_a: Vec<usize> = xs.into_iter().filter(|&s| m.a_to[s].is_none()).collect();
        let rest_b: Vec<usize> = ys.into_iter().filter(|&t| m.b_to[t].is_none()).collect();
        for (s, t) in rest_a.into_iter().zip(rest_b) {
            m.pair(s, t, kind);
        }
    }
}

/// Pass 4: similar pairs among the sentences still unmatched.
fn match_similar(
    a: &KeyedReport,
    b: &KeyedReport,
    m: &mut Matching,
    masked: &MutualWindows,
    options: &CompareOptions,
) {
    let n = options.min_match.max(1);
    let pair_n = options.similar_min_match.clamp(1, n);
    let free_a: Vec<usize> = (0..a.sentences.len())
        .filter(|&s| m.a_to[s].is_none())
        .collect();
    let free_b: Vec<usize> = (0..b.sentences.len())
        .filter(|&t| m.b_to[t].is_none())
        .collect();
    let a_windows = SentenceWindows {
        report: a,
        ids: masked.a_ids(),
        windows: masked,
    };
    let b_windows = SentenceWindows {
        report: b,
        ids: masked.b_ids(),
        windows: masked,
    };
    let holders = WindowHolders {
        a: a_windows.holders(&free_a),
        b: b_windows.holders(&free_b),
        max_sentences: options.max_gram_sentences,
    };
    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut tally = Tally::new(b.sentences.len());
    for &s in &free_a {
        for t in holders.best_candidates(a_windows.shared(s), |h| &h.b, &mut tally) {
            candidates.insert((s, t));
        }
    }
    let mut tally = Tally::new(a.sentences.len());
    for &t in &free_b {
        for s in holders.best_candidates(b_windows.shared(t), |h| &h.a, &mut tally) {
            candidates.insert((s, t));
        }
    }
    let mut scored: Vec<(f64, bool, usize, usize)> = candidates
        .into_iter()
        .filter_map(|(s, t)| {
            let (x, y) = (a.masked(&a.sentences[s]), b.masked(&b.sentences[t]));
            let score = similarity(x, y, pair_n);
            let same_line = m.a_line[s] == m.b_line[t];
            (score >= options.similar_threshold).then_some((score, same_line, s, t))
        })
        .collect();
    // Best first; then pairs within aligned sections; then by position sum, which differs for
    // any two candidates sharing a sentence (so the result does not depend on which side is A).
    scored.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then((x.2 + x.3).cmp(&(y.2 + y.3)))
            .then(x.2.cmp(&y.2))
    });
    for (_, _, s, t) in scored {
        if m.a_to[s].is_none() && m.b_to[t].is_none() {
            m.pair(s, t, PairKind::Similar);
        }
    }
}

/// The masked-key windows of each sentence of one report, as slices of the report's.
struct SentenceWindows<'k, 'r> {
    report: &'k KeyedReport<'r>,
    /// Window ids of the report's masked key.
    ids: &'k [u32],
    /// The index both reports' masked keys are in.
    windows: &'k MutualWindows,
}

impl<'k> SentenceWindows<'k, '_> {
    /// The windows of sentence `s`'s masked key that both reports hold, as their shared
    /// numbers, in order: a window of one report alone cannot propose a candidate.
    fn shared(&self, s: usize) -> impl Iterator<Item = u32> + 'k {
        let span = &self.report.sentences[s].masked_span;
        let count = span.len().saturating_sub(self.windows.n() - 1);
        let ids = self.ids.get(span.start..span.start + count).unwrap_or(&[]);
        let windows = self.windows;
        ids.iter().filter_map(move |&id| windows.shared_number(id))
    }

    /// The sentences among `sentences` (ascending) holding each shared window.
    fn holders(&self, sentences: &[usize]) -> Holders {
        let mut found = Vec::new();
        for &s in sentences {
            found.extend(self.shared(s).map(|w| (w, s as u32)));
        }
        Holders::new(self.windows.shared_count(), &found)
    }
}

/// Counts per sentence of one side, and which were counted, so that clearing costs only
/// what was counted.
struct Tally {
    counts: Vec<usize>,
    touched: Vec<usize>,
}

impl Tally {
    fn new(sentences: usize) -> Tally {
        Tally {
            counts: vec![0; sentences],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, x: usize) {
        if self.counts[x] == 0 {
            self.touched.push(x);
        }
        self.counts[x] += 1;
    }

    /// The counted sentences with their counts; the tally is empty again afterwards.
    fn drain(&mut self) -> Vec<(usize, usize)> {
        let counts = &mut self.counts;
        self.touched
            .drain(..)
            .map(|x| (x, std::mem::take(&mut counts[x])))
            .collect()
    }
}

/// The sentences of A and of B holding each window of the index.
struct WindowHolders {
    a: Holders,
    b: Holders,
    /// Windows held by more sentences than this are boilerplate and propose no candidates.
    max_sentences: usize,
}

impl WindowHolders {
    /// The sentences of the other side sharing most windows (`shared`: the shared numbers of
    /// one sentence's windows) with it (at most CANDIDATES); windows not on both sides, or
    /// boilerplate, count for nothing.
    fn best_candidates(
        &self,
        shared: impl Iterator<Item = u32>,
        other: fn(&WindowHolders) -> &Holders,
        tally: &mut Tally,
    ) -> Vec<usize> {
        for id in shared {
            let (in_a, in_b) = (self.a.of(id), self.b.of(id));
            if in_a.is_empty() || in_b.is_empty() || in_a.len() + in_b.len() > self.max_sentences {
                continue;
            }
            for &x in other(self).of(id) {
                tally.add(x as usize);
            }
        }
        let mut ranked = tally.drain();
        ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        ranked
            .into_iter()
            .take(CANDIDATES)
            .map(|(x, _)| x)
            .collect()
    }
}

/// The smaller of the two shares of each text covered by windows shared with the other.
pub(crate) fn similarity(x: &[char], y: &[char], n: usize) -> f64 {
    if x.len() < n || y.len() < n {
        return 0.0;
    }
    let windows = MutualWindows::new(x, y, n);
    let (cx, cy) = (windows.a_covered(), windows.b_covered());
    (cx as f64 / x.len() as f64).min(cy as f64 / y.len() as f64)
}

#[cfg(test)]
mod tests;
