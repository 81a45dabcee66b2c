//! Comparing two reports: the only stage that diffs.
//!
//! [`compare`] reads two [`Report`]s and fills a [`Comparison`]:
//!
//! 1. Every sentence is keyed ([`crate::key`]); a report's key is its sentences' keys in
//!    reading order, headings excluded (headings are labels, not text a city writes or copies;
//!    they count only for [`Comparison::identical_keys`]).
//! 2. Coverage ([`crate::spans`]): which key characters of each report lie in a span of at
//!    least `min_match` characters shared with the other, exactly and with figures masked.
//!    Report, section and sentence reuse are shares of this one coverage, so a section's reuse
//!    is its text shared with the WHOLE other report: text moved to another section counts.
//! 3. Top-level sections are aligned ([`crate::align`]).
//! 4. Sentences are matched one-to-one ([`matching`]): equal, template, similar; a pair whose
//!    sections are not aligned to each other is also `moved`.
//! 5. Items are laid out per section pair in reading order, template and similar pairs with a
//!    character diff; commitments ([`commitments`]) are picked from each side.
//!
//! Nothing here depends on hash-map iteration order, so the output is deterministic.

pub mod commitments;
mod items;
mod keyed;
mod matching;
pub mod view;
pub(crate) mod words;

pub use crate::comparison::CompareOptions;
pub use items::{char_diff, MAX_DIFF_CHARS};

use crate::align::{align_sections_by, section_affinity, SectionSketch};
use crate::comparison::{
    Commitments, Comparison, Counts, Here, ItemKind, ItemRef, PairTargets, ReportInfo, SectionPair,
    SharedPhrase, Summary, View, YearOverYear, MAX_SHARED_PHRASES,
};
use crate::key::key_of;
use crate::model::Report;
use crate::plan;
use crate::spans::{covered_in, share, unmask, MutualWindows};
use commitments::names;
use keyed::KeyedReport;
use matching::{match_sentences, Matching, PairKind};

/// Compare report `a` with report `b`.
pub fn compare(a: &Report, b: &Report, options: &CompareOptions) -> Comparison {
    let places: Vec<&str> = [&a.place, &b.place]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    let ka = KeyedReport::new(a, &places);
    let kb = KeyedReport::new(b, &places);
    let n = options.min_match.max(1);
    // Each pair of keys is indexed once: the exact windows give coverage and section
    // affinity, the masked ones template coverage and similar-sentence candidates. Each index
    // is dropped once used, before the next work allocates: peak memory.
    let exact = MutualWindows::new(&ka.chars, &kb.chars, n);
    let (a_cover, b_cover) = (exact.a_cover(ka.chars.len()), exact.b_cover(kb.chars.len()));
    let affinity = section_affinity(&exact, &section_ranges(&ka), &section_ranges(&kb));
    drop(exact);
    let masked = MutualWindows::new(&ka.masked, &kb.masked, n);
    let a_template = unmask(
        ka.chars.len(),
        &a_cover,
        &masked.a_cover(ka.masked.len()),
        &ka.masked_starts,
    );
    let b_template = unmask(
        kb.chars.len(),
        &b_cover,
        &masked.b_cover(kb.masked.len()),
        &kb.masked_starts,
    );
    let alignment = align_sections_by(&sketches(&ka), &sketches(&kb), &affinity);
    let m = match_sentences(&ka, &kb, &alignment, &masked, options);
    drop(masked);
    let built = items::build(
        &items::Context {
            a: &ka,
            b: &kb,
            m: &m,
            a_cover: &a_cover,
            b_cover: &b_cover,
        },
        &alignment,
    );
    let shared = |cover: &[bool]| covered_in(cover, 0..cover.len());
    let summary = Summary {
        a_reuse: share(shared(&a_cover), ka.chars.len()),
        b_reuse: share(shared(&b_cover), kb.chars.len()),
        a_template_reuse: share(shared(&a_template), ka.chars.len()),
        b_template_reuse: share(shared(&b_template), kb.chars.len()),
        a_shared_chars: shared(&a_cover),
        b_shared_chars: shared(&b_cover),
        counts: pair_counts(&m),
        identical: ka.full_key == kb.full_key,
    };
    let (plan_a, plan_b) = (plan::read(a), plan::read(b));
    let names_of = |r: &Report| names::name_tails(r.iter_sentences().map(|s| s.text.text.as_str()));
    let (a_names, b_names) = (names_of(a), names_of(b));
    let commitments = Commitments {
        a: commitments::commitments(&commitments::Side {
            k: &ka,
            to: &m.a_to,
            refs: &built.a_refs,
            only: ItemKind::AOnly,
            cover: &a_cover,
            forward: &plan_a.forward,
            other_names: &b_names,
        }),
        b: commitments::commitments(&commitments::Side {
            k: &kb,
            to: &m.b_to,
            refs: &built.b_refs,
            only: ItemKind::BOnly,
            cover: &b_cover,
            forward: &plan_b.forward,
            other_names: &a_names,
        }),
    };
    Comparison {
        a: report_info(&ka),
        b: report_info(&kb),
        options: CompareOptions {
            min_match: n,
            similar_min_match: options.similar_min_match.clamp(1, n),
            ..options.clone()
        },
        summary,
        shared_phrases: shared_phrases(&built.sections),
        sections: built.sections,
        commitments,
        view: View::default(),
        targets: pair_targets(a, b, plan_a, plan_b),
    }
}

/// Both sides' targets, and year over year when `a` and `b` are one place's reports of
/// consecutive years.
fn pair_targets(a: &Report, b: &Report, plan_a: plan::Plan, plan_b: plan::Plan) -> PairTargets {
    let same_place = match (&a.place, &b.place) {
        (Some(pa), Some(pb)) => plan::place_key(pa) == plan::place_key(pb),
        _ => false,
    };
    let year_over_year = match (a.year, b.year) {
        (Some(ya), Some(yb)) if same_place && ya + 1 == yb => Some(YearOverYear {
            earlier: "a".to_string(),
            year: ya,
            outcomes: plan::year_over_year(&plan_a.targets, &plan_b.achieved),
        }),
        (Some(ya), Some(yb)) if same_place && yb + 1 == ya => Some(YearOverYear {
            earlier: "b".to_string(),
            year: yb,
            outcomes: plan::year_over_year(&plan_b.targets, &plan_a.achieved),
        }),
        _ => None,
    };
    PairTargets {
        a: plan_a.targets,
        b: plan_b.targets,
        a_achieved: plan_a.achieved,
        b_achieved: plan_b.achieved,
        year_over_year,
    }
}

/// A's shared stretches, longest first, each text once: the phrases the reports have in common.
fn shared_phrases(sections: &[SectionPair]) -> Vec<SharedPhrase> {
    let mut seen = std::collections::HashSet::new();
    let mut phrases = Vec::new();
    for (si, section) in sections.iter().enumerate() {
        for (ii, item) in section.items.iter().enumerate() {
            let Some(a) = item.a.as_ref().filter(|_| item.here != Here::B) else {
                continue;
            };
            if a.shared.is_empty() {
                continue;
            }
            let chars: Vec<char> = a.text.chars().collect();
            for &[start, end] in &a.shared {
                let text: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
                let key = key_of(&text);
                if seen.insert(key.clone()) {
                    phrases.push(SharedPhrase {
                        text,
                        chars: key.chars().count(),
                        a_item: Some(ItemRef {
                            section: si,
                            item: ii,
                        }),
                    });
                }
            }
        }
    }
    // Longest first; among equals, reading order (stable sort keeps it).
    phrases.sort_by_key(|p| std::cmp::Reverse(p.chars));
    phrases.truncate(MAX_SHARED_PHRASES);
    phrases
}

/// What alignment needs of each top-level section.
pub(crate) fn sketches<'k>(k: &'k KeyedReport) -> Vec<SectionSketch<'k>> {
    k.sections
        .iter()
        .map(|s| SectionSketch {
            kind: s.section.kind,
            heading_key: s.heading_key.clone(),
            key: k.chars.get(s.chars.clone()).unwrap_or(&[]),
        })
        .collect()
}

/// Where each top-level section's characters are in the report's key.
fn section_ranges(k: &KeyedReport) -> Vec<std::ops::Range<usize>> {
    k.sections.iter().map(|s| s.chars.clone()).collect()
}

/// Report-wide counts: each pair once.
fn pair_counts(m: &Matching) -> Counts {
    let mut counts = Counts::default();
    for (s, to) in m.a_to.iter().enumerate() {
        match *to {
            None => counts.a_only += 1,
            Some((t, kind)) => {
                match kind {
                    PairKind::Equal => counts.equal += 1,
                    PairKind::Template => counts.template += 1,
                    PairKind::Similar => counts.similar += 1,
                }
                if m.a_line.get(s) != m.b_line.get(t) {
                    counts.moved += 1;
                }
            }
        }
    }
    counts.b_only = m.b_to.iter().filter(|t| t.is_none()).count();
    counts
}

fn report_info(k: &KeyedReport) -> ReportInfo {
    let info = k.report.info();
    debug_assert_eq!(info.chars, k.chars.len(), "one count of characters");
    info
}

#[cfg(test)]
mod tests;
