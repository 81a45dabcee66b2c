//! Commitments: what a report concretely promises for the coming year, as its own.
//!
//! A sentence is a commitment when all hold:
//!
//! 1. **It is part of the plan** ([`crate::plan::outlook`]): under a heading that looks
//!    forward, in a part after the plan began, after the targets passage, or worded like a
//!    plan (今年, 2024年…要/将/力争).
//! 2. **It is mostly the report's own**: at least [`MIN_OWN_SHARE`] of its key characters lie
//!    outside text shared with the other report (or, in the matrix, with any other report).
//! 3. **Its concrete part is its own** ([`marks`]): a figure, a deadline or a named programme
//!    that lies in its own text, not in shared text; a programme name that another report or
//!    the national reports name too ([`names`]) is template, not a mark.
//!
//! The listing shows the own marks highlighted (`highlights`, character ranges of `text`).

pub mod marks;
pub mod names;

pub use marks::{concrete_marks, mark_spans};

use crate::comparison::{Commitment, CommitmentMark, ItemKind, ItemRef};
use crate::model::Heading;

use super::items::shared_stretches;
use super::keyed::KeyedReport;
use super::matching::PairKind;

/// The least share of a sentence's key characters that must be its own for it to be listed.
pub const MIN_OWN_SHARE: f64 = 0.5;

/// What makes a sentence an own commitment.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnPart {
    /// The marks that lie in the sentence's own text, sorted, each once.
    pub marks: Vec<CommitmentMark>,
    /// Character ranges of the text holding them.
    pub highlights: Vec<[usize; 2]>,
    /// Share of the sentence's key characters not shared.
    pub own_share: f64,
}

/// The own part of sentence `text` whose key coverage is `cover` (true: shared), or `None`
/// when it is no own commitment; `named_elsewhere` says whether another report names a
/// programme (by name).
pub fn own_part(
    text: &str,
    cover: &[bool],
    named_elsewhere: impl Fn(&str) -> bool,
) -> Option<OwnPart> {
    if cover.is_empty() {
        return None;
    }
    let shared_keys = cover.iter().filter(|c| **c).count();
    let own_share = 1.0 - shared_keys as f64 / cover.len() as f64;
    if own_share < MIN_OWN_SHARE {
        return None;
    }
    let shared = shared_stretches(text, cover);
    let chars: Vec<char> = text.chars().collect();
    let mut marks = Vec::new();
    let mut highlights = Vec::new();
    for m in mark_spans(text) {
        let len = m.end - m.start;
        let covered: usize = shared
            .iter()
            .map(|&[s, e]| e.min(m.end).saturating_sub(s.max(m.start)))
            .sum();
        if covered * 2 > len {
            continue;
        }
        if m.mark == CommitmentMark::Named {
            let name: String = chars[m.start..m.end].iter().collect();
            if names::is_national(&name) || named_elsewhere(&name) {
                continue;
            }
        }
        marks.push(m.mark);
        highlights.push([m.start, m.end]);
    }
    if marks.is_empty() {
        return None;
    }
    marks.sort_unstable();
    marks.dedup();
    Some(OwnPart {
        marks,
        highlights,
        own_share,
    })
}

/// The commitments of one side: `to` is that side's matching, `refs` where its sentences are
/// listed, `only` the kind of an unmatched sentence on this side, `cover` its key coverage
/// by the other report, `forward` whether each sentence is part of the plan, `other_names`
/// the programme names of the other report.
pub(crate) struct Side<'s, 'r> {
    pub k: &'s KeyedReport<'r>,
    pub to: &'s [Option<(usize, PairKind)>],
    pub refs: &'s [Option<ItemRef>],
    pub only: ItemKind,
    pub cover: &'s [bool],
    pub forward: &'s [bool],
    pub other_names: &'s std::collections::HashSet<String>,
}

pub(crate) fn commitments(side: &Side) -> Vec<Commitment> {
    let k = side.k;
    let mut out = Vec::new();
    for (s, ks) in k.sentences.iter().enumerate() {
        let kind = match side.to.get(s).copied().flatten() {
            Some((_, PairKind::Equal)) => continue,
            Some((_, PairKind::Template)) => ItemKind::Template,
            Some((_, PairKind::Similar)) => ItemKind::Similar,
            None => side.only,
        };
        let Some(item) = side.refs.get(s).copied().flatten() else {
            continue;
        };
        if !side.forward.get(s).copied().unwrap_or(false) {
            continue;
        }
        let cover = side.cover.get(ks.span.clone()).unwrap_or(&[]);
        let Some(own) = own_part(&ks.sentence.text.text, cover, |name| {
            side.other_names.contains(&names::tail(name))
        }) else {
            continue;
        };
        let top = k
            .sections
            .get(ks.section)
            .and_then(|sec| sec.section.heading.as_ref());
        let inner = ks
            .headings
            .last()
            .filter(|h| top.is_none_or(|t| !std::ptr::eq::<Heading>(**h, t)));
        out.push(Commitment {
            section: top.map(|h| h.text.original.clone()),
            subsection: inner.map(|h| h.text.original.clone()),
            text: ks.sentence.text.text.clone(),
            original: ks.sentence.text.original.clone(),
            kind,
            marks: own.marks,
            highlights: own.highlights,
            own_share: own.own_share,
            item,
        });
    }
    out
}
