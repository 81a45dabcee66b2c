//! One report as the corpus sees it: its key, and where each sentence stands.
//!
//! A corpus holds thousands of reports, so each is kept compact: the key (exactly the pair
//! comparison's: sentence keys in reading order, headings excluded), each sentence's normalized
//! text and place in the key, the headings it stands under, and whether it is a commitment
//! candidate (forward-looking and concrete, by the pair comparison's classifier). The full
//! [`Report`] is dropped once its entry is built.

use std::ops::Range;

use std::collections::HashSet;

use crate::compare::commitments::{concrete_marks, names};
use crate::key::key_chars;
use crate::model::{Report, ReportInfo, Section};
use crate::plan::{self, Target};

/// One report of a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Unique name of the report in the corpus (see [`crate::corpus::inputs`]).
    pub name: String,
    /// What every output says about the report; its `path` is the file it came from.
    pub info: ReportInfo,
    /// 1-based position of the report in its file when the file is a compilation.
    pub part: Option<usize>,
    /// The report's key: its sentences' keys in reading order, headings excluded.
    pub key: Vec<char>,
    pub sentences: Vec<EntrySentence>,
    /// Headings as written, referred to by [`EntrySentence::section`] and `subsection`.
    pub headings: Vec<String>,
    /// The report's main expected targets ([`crate::plan`]).
    pub targets: Vec<Target>,
    /// What its review says the year before achieved.
    pub achieved: Vec<Target>,
    /// The programme names it mentions anywhere ([`names::name_tails`]).
    pub names: HashSet<String>,
}

/// One sentence of an [`Entry`].
#[derive(Debug, Clone, PartialEq)]
pub struct EntrySentence {
    /// Normalized text.
    pub text: String,
    /// Where its key stands in the report's key.
    pub key_start: usize,
    pub key_len: usize,
    /// Top-level heading it stands under (index into [`Entry::headings`]).
    pub section: Option<usize>,
    /// Innermost heading it stands under, when deeper than the top level.
    pub subsection: Option<usize>,
    /// For a sentence of the plan with a concrete mark: its text as written (whether the mark
    /// is its own is decided against the corpus). `None` for every other sentence.
    pub commitment: Option<CommitmentCandidate>,
}

/// What a commitment needs beyond the sentence's normalized text.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentCandidate {
    pub original: String,
}

impl EntrySentence {
    /// Range of its key in the report's key.
    pub fn key_range(&self) -> Range<usize> {
        self.key_start..self.key_start + self.key_len
    }
}

impl Entry {
    /// Flatten `report` under the unique `name`.
    pub fn new(report: &Report, name: String, part: Option<usize>) -> Entry {
        let mut entry = Entry {
            name,
            info: report.info(),
            part,
            key: Vec::new(),
            sentences: Vec::new(),
            headings: Vec::new(),
            targets: Vec::new(),
            achieved: Vec::new(),
            names: names::name_tails(report.iter_sentences().map(|s| s.text.text.as_str())),
        };
        let plan = plan::read(report);
        let forward = plan.forward;
        entry.targets = plan.targets;
        entry.achieved = plan.achieved;
        for section in &report.sections {
            let mut path = Vec::new();
            entry.walk(section, &mut path, &forward);
        }
        entry
    }

    /// Adds `section`'s sentences, then its sub-sections', depth first; `path` holds the
    /// headings above (index into `headings`, normalized text), outermost first.
    /// `forward` says, for each sentence of the report, whether it is part of the plan.
    fn walk(&mut self, section: &Section, path: &mut Vec<(usize, String)>, forward: &[bool]) {
        if let Some(h) = &section.heading {
            self.headings.push(h.text.original.clone());
            path.push((self.headings.len() - 1, h.text.text.clone()));
        }
        for sentence in &section.sentences {
            let text = &sentence.text.text;
            let key = key_chars(text);
            let candidate = forward
                .get(self.sentences.len())
                .copied()
                .unwrap_or(false)
                .then(|| concrete_marks(text))
                .filter(|marks| !marks.is_empty())
                .map(|_| CommitmentCandidate {
                    original: sentence.text.original.clone(),
                });
            self.sentences.push(EntrySentence {
                text: text.clone(),
                key_start: self.key.len(),
                key_len: key.len(),
                section: path.first().map(|(i, _)| *i),
                subsection: path.last().filter(|_| path.len() > 1).map(|(i, _)| *i),
                commitment: candidate,
            });
            self.key.extend(key);
        }
        for child in &section.children {
            self.walk(child, path, forward);
        }
        if section.heading.is_some() {
            path.pop();
        }
    }

    /// The sentence whose key holds key position `at`.
    pub fn sentence_at(&self, at: usize) -> Option<&EntrySentence> {
        let first = self
            .sentences
            .partition_point(|s| s.key_start + s.key_len <= at);
        self.sentences.get(first).filter(|s| s.key_start <= at)
    }

    /// The top-level heading (as written) standing above key position `at`.
    pub fn section_at(&self, at: usize) -> Option<&str> {
        let s = self.sentence_at(at)?;
        self.headings.get(s.section?).map(String::as_str)
    }

    /// Normalized text of key range `range`, punctuation and all: the sentences it touches,
    /// cut at the first and last key character of the range.
    pub fn text_of(&self, range: Range<usize>) -> String {
        let mut out = String::new();
        let first = self
            .sentences
            .partition_point(|s| s.key_start + s.key_len <= range.start);
        for s in self.sentences.iter().skip(first) {
            if s.key_start >= range.end {
                break;
            }
            let from = range.start.saturating_sub(s.key_start);
            // A range going on into the next sentence keeps this one's closing punctuation.
            let to = (range.end - s.key_start <= s.key_len).then_some(range.end - s.key_start);
            out.push_str(cut_by_key(&s.text, from, to));
        }
        out
    }
}

/// The part of `text` from its `from`-th key character to just after its `to - 1`-th
/// (punctuation inside kept, before dropped); with `to` = `None`, to the end of `text`.
fn cut_by_key(text: &str, from: usize, to: Option<usize>) -> &str {
    if to.is_some_and(|to| to <= from) {
        return "";
    }
    let mut seen = 0;
    let (mut start, mut end) = (None, text.len());
    for (at, c) in text.char_indices() {
        if !crate::key::is_key_char(c) {
            continue;
        }
        if seen == from {
            start = Some(at);
        }
        seen += 1;
        if Some(seen) == to {
            end = at + c.len_utf8();
            break;
        }
    }
    match start {
        Some(s) => text.get(s..end).unwrap_or("").trim_end(),
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::report_from_outline;

    fn entry(outline: &str) -> Entry {
        Entry::new(&report_from_outline("t.txt", outline), "t".into(), None)
    }

    #[test]
    fn key_is_the_pair_comparisons_key() {
        let r = report_from_outline("t", "开场白。\n# 一、回顾\n甲乙。\n## (一)小节\n丙，丁。");
        let e = Entry::new(&r, "t".into(), None);
        let pair_key: String = r
            .iter_sentences()
            .map(|s| crate::key::key_of(&s.text.text))
            .collect();
        assert_eq!(e.key.iter().collect::<String>(), pair_key);
        assert_eq!(e.sentences[2].key_range(), 5..7);
        assert_eq!(e.headings, vec!["一、回顾", "(一)小节"]);
        assert_eq!(e.sentences[2].section, Some(0));
        assert_eq!(e.sentences[2].subsection, Some(1));
        assert_eq!(e.sentences[1].subsection, None);
    }

    #[test]
    fn text_of_a_key_range_keeps_inner_punctuation() {
        let e = entry("# 一、回顾\n甲乙，丙。丁戊！");
        assert_eq!(e.text_of(1..4), "乙,丙。丁");
        assert_eq!(e.text_of(0..5), "甲乙,丙。丁戊");
        assert_eq!(e.text_of(0..3), "甲乙,丙");
        assert_eq!(e.text_of(3..3), "");
        assert_eq!(e.section_at(4), Some("一、回顾"));
    }

    #[test]
    fn forward_concrete_sentences_are_candidates() {
        let mut r = report_from_outline(
            "t",
            "# 一、2023年工作回顾\n新建学校3所。\n# 二、2024年工作安排\n新建学校5所。要努力。",
        );
        r.year = Some(2024);
        let e = Entry::new(&r, "t".into(), None);
        let marked: Vec<bool> = e.sentences.iter().map(|s| s.commitment.is_some()).collect();
        assert_eq!(marked, vec![false, true, false]);
    }
}
