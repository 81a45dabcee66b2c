//! Whole sentences across the corpus: which recur in the most reports, and which commitments
//! are a report's own.
//!
//! Sentences are compared by key, as the pair comparison's `equal` and `template` pairs are:
//! the same key, or the same key once digit runs are masked. A report holding a sentence twice
//! counts once. Sentences shorter than `min_match` key characters are not ranked as recurring
//! ("谢谢！" recurs everywhere and means nothing), but still count when deciding whether a
//! commitment is said elsewhere.

use std::collections::HashMap;

use super::entry::Entry;
use super::model::{CommitmentKind, CorpusCommitment, RecurrenceKind, RecurringSentence};
use crate::compare::commitments::names::NameCounts;
use crate::compare::commitments::own_part;
use crate::key::mask_digit_chars;

/// Where sentences recur: built once, read for the ranking and for commitments.
pub struct SentenceIndex<'e> {
    /// Exact key → number of distinct reports holding it.
    exact: HashMap<&'e [char], Holders>,
    /// Masked key → reports holding it, and its first occurrence (report, sentence).
    masked: HashMap<Vec<char>, Recurrence>,
}

#[derive(Debug, Clone, Copy)]
struct Holders {
    count: usize,
    last: usize,
}

#[derive(Debug)]
struct Recurrence {
    first: (usize, usize),
    reports: Vec<usize>,
}

impl<'e> SentenceIndex<'e> {
    /// Index every sentence of `entries`, in input order.
    pub fn new(entries: &'e [Entry]) -> SentenceIndex<'e> {
        let mut index = SentenceIndex {
            exact: HashMap::new(),
            masked: HashMap::new(),
        };
        for (r, entry) in entries.iter().enumerate() {
            for (s, sentence) in entry.sentences.iter().enumerate() {
                let Some(key) = entry.key.get(sentence.key_range()) else {
                    continue;
                };
                if key.is_empty() {
                    continue;
                }
                let holders = index
                    .exact
                    .entry(key)
                    .or_insert(Holders { count: 0, last: r });
                if holders.count == 0 || holders.last != r {
                    holders.count += 1;
                    holders.last = r;
                }
                let recurrence =
                    index
                        .masked
                        .entry(mask_digit_chars(key).0)
                        .or_insert(Recurrence {
                            first: (r, s),
                            reports: Vec::new(),
                        });
                if recurrence.reports.last() != Some(&r) {
                    recurrence.reports.push(r);
                }
            }
        }
        index
    }

    /// Number of reports holding a sentence with key `key`.
    fn exact_count(&self, key: &[char]) -> usize {
        self.exact.get(key).map_or(0, |h| h.count)
    }

    /// Number of reports holding a sentence with the masked key of `key`.
    fn masked_count(&self, key: &[char]) -> usize {
        self.masked
            .get(&mask_digit_chars(key).0)
            .map_or(0, |r| r.reports.len())
    }

    /// The `limit` sentences (of at least `min_match` key characters) found in the most
    /// reports, then the longest, then the first found.
    pub fn recurring(
        &self,
        entries: &[Entry],
        min_match: usize,
        limit: usize,
    ) -> Vec<RecurringSentence> {
        let mut ranked: Vec<(&Recurrence, &[char])> = self
            .masked
            .values()
            .filter(|r| r.reports.len() >= 2)
            .filter_map(|r| Some((r, first_key(entries, r.first)?)))
            .filter(|(_, key)| key.len() >= min_match)
            .collect();
        ranked.sort_by(|(x, xk), (y, yk)| {
            y.reports
                .len()
                .cmp(&x.reports.len())
                .then(yk.len().cmp(&xk.len()))
                .then(x.first.cmp(&y.first))
        });
        ranked
            .into_iter()
            .take(limit)
            .map(|(r, key)| {
                let equal_count = self.exact_count(key);
                let (fr, fs) = r.first;
                RecurringSentence {
                    text: entries
                        .get(fr)
                        .and_then(|e| e.sentences.get(fs))
                        .map(|s| s.text.clone())
                        .unwrap_or_default(),
                    chars: key.len(),
                    report_count: r.reports.len(),
                    equal_count,
                    kind: if equal_count == r.reports.len() {
                        RecurrenceKind::Equal
                    } else {
                        RecurrenceKind::Template
                    },
                    reports: r
                        .reports
                        .iter()
                        .filter_map(|&i| entries.get(i).map(|e| e.name.clone()))
                        .collect(),
                }
            })
            .collect()
    }

    /// The commitments of `entry`: forward-looking, concrete in its own words (see
    /// [`own_part`]): `cover` says which of its key characters other reports share, `names`
    /// how many reports name each programme.
    pub fn commitments(
        &self,
        entry: &Entry,
        cover: &[bool],
        names: &NameCounts,
    ) -> Vec<CorpusCommitment> {
        let heading = |i: Option<usize>| i.and_then(|i| entry.headings.get(i)).cloned();
        entry
            .sentences
            .iter()
            .filter_map(|s| {
                let candidate = s.commitment.as_ref()?;
                let key = entry.key.get(s.key_range())?;
                // Held by this report only (an empty key can be nobody's own text).
                if key.is_empty() || self.exact_count(key) > 1 {
                    return None;
                }
                let own = own_part(&s.text, cover.get(s.key_range())?, |name| {
                    names.reports_naming(name) > 1
                })?;
                Some(CorpusCommitment {
                    section: heading(s.section),
                    subsection: heading(s.subsection),
                    text: s.text.clone(),
                    original: candidate.original.clone(),
                    kind: if self.masked_count(key) > 1 {
                        CommitmentKind::Template
                    } else {
                        CommitmentKind::Own
                    },
                    marks: own.marks,
                    highlights: own.highlights,
                    own_share: own.own_share,
                })
            })
            .collect()
    }
}

fn first_key(entries: &[Entry], (r, s): (usize, usize)) -> Option<&[char]> {
    let entry = entries.get(r)?;
    entry.key.get(entry.sentences.get(s)?.key_range())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::report_from_outline;

    fn entries(outlines: &[&str], year: Option<u16>) -> Vec<Entry> {
        outlines
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let mut r = report_from_outline("t", o);
                r.year = year;
                Entry::new(&r, format!("r{i}"), None)
            })
            .collect()
    }

    #[test]
    fn recurring_sentences_count_reports_not_occurrences() {
        let e = entries(
            &[
                "地区生产总值增长6%左右。地区生产总值增长6%左右。谢谢！",
                "地区生产总值增长5.5%左右。谢谢！",
                "地区生产总值增长6%左右。谢谢！",
            ],
            None,
        );
        let index = SentenceIndex::new(&e);
        let ranked = index.recurring(&e, 8, 10);
        assert_eq!(ranked.len(), 1, "谢谢 is too short to rank");
        assert_eq!(ranked[0].report_count, 3);
        assert_eq!(ranked[0].equal_count, 2);
        assert_eq!(ranked[0].kind, RecurrenceKind::Template);
        assert_eq!(ranked[0].reports, vec!["r0", "r1", "r2"]);
        assert_eq!(ranked[0].text, "地区生产总值增长6%左右。");
    }

    #[test]
    fn a_commitment_said_elsewhere_is_not_one() {
        let plan = "# 二、2024年工作安排\n";
        let e = entries(
            &[
                &format!("{plan}新建学校5所。实施城市更新行动。"),
                &format!("{plan}新建学校3所。实施城市更新行动。"),
                &format!("{plan}新建学校3所。"),
            ],
            Some(2024),
        );
        let index = SentenceIndex::new(&e);
        let mut names = NameCounts::default();
        for entry in &e {
            names.add(&entry.names);
        }
        let unshared = |entry: &Entry| vec![false; entry.key.len()];
        let c0 = index.commitments(&e[0], &unshared(&e[0]), &names);
        assert_eq!(c0.len(), 1, "城市更新行动 is named by r1 too: {c0:?}");
        assert_eq!(c0[0].text, "新建学校5所。");
        assert_eq!(c0[0].kind, CommitmentKind::Template);
        assert_eq!(c0[0].section.as_deref(), Some("二、2024年工作安排"));
        // 新建学校3所 is said by r1 and r2 alike: neither's own.
        assert!(index
            .commitments(&e[2], &unshared(&e[2]), &names)
            .is_empty());
    }
}
