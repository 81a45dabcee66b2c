//! Views of a comparison: only own text, only shared text, only the commitments, one
//! section, only the figures. A view is applied once, to the comparison, so the terminal and
//! the JSON show the same selection; the figures are left as they are (they describe the
//! whole of both reports), and every reference into the sections (a moved pair's twin, a
//! phrase's or commitment's item) is renumbered, or set to null when its item was left out.

use std::collections::HashMap;

use crate::comparison::{Comparison, Item, ItemKind, ItemRef, Only, SectionPair, View};
use crate::key::key_chars;
use crate::normalize::{fold_width, to_simplified};

/// Why a view cannot be shown.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ViewError {
    #[error("--section {0:?}: no section heading of A or B holds it")]
    NoSuchSection(String),
    #[error("--section: give some text of a heading")]
    EmptySection,
}

/// `cmp` as `view` shows it.
pub fn apply(mut cmp: Comparison, view: &View) -> Result<Comparison, ViewError> {
    let keep_section = match &view.section {
        Some(query) => {
            let query = heading_key(query);
            if query.is_empty() {
                return Err(ViewError::EmptySection);
            }
            let kept: Vec<bool> = cmp
                .sections
                .iter()
                .map(|s| heading_holds(s, &query))
                .collect();
            if !kept.contains(&true) {
                return Err(ViewError::NoSuchSection(
                    view.section.clone().unwrap_or_default(),
                ));
            }
            kept
        }
        None => vec![true; cmp.sections.len()],
    };
    let lists_sentences = !view.summary && view.only != Some(Only::Commitments);
    let mut moves: HashMap<ItemRef, ItemRef> = HashMap::new();
    let mut sections = Vec::new();
    for (s, mut section) in std::mem::take(&mut cmp.sections).into_iter().enumerate() {
        if !keep_section[s] {
            continue;
        }
        let at = sections.len();
        if view.summary || !lists_sentences {
            section.items.clear();
            sections.push(section);
            continue;
        }
        let kept = kept_items(&section.items, view.only);
        if view.only.is_some() && kept.is_empty() {
            continue;
        }
        let items = std::mem::take(&mut section.items);
        for (new, &old) in kept.iter().enumerate() {
            moves.insert(
                ItemRef {
                    section: s,
                    item: old,
                },
                ItemRef {
                    section: at,
                    item: new,
                },
            );
        }
        section.items = kept.into_iter().map(|i| items[i].clone()).collect();
        sections.push(section);
    }
    let moved = |at: Option<ItemRef>| at.and_then(|at| moves.get(&at).copied());
    for item in sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        item.twin = moved(item.twin);
    }
    cmp.sections = sections;
    let narrowed = view.section.is_some();
    if view.summary || matches!(view.only, Some(Only::Own | Only::Commitments)) {
        cmp.shared_phrases.clear();
    } else {
        // A phrase belongs to the section its first sentence stands in.
        cmp.shared_phrases
            .retain(|p| !narrowed || p.a_item.is_some_and(|at| keep_section[at.section]));
        for phrase in &mut cmp.shared_phrases {
            phrase.a_item = moved(phrase.a_item);
        }
    }
    if view.summary || matches!(view.only, Some(Only::Own | Only::Shared)) {
        cmp.commitments.a.clear();
        cmp.commitments.b.clear();
    } else {
        for side in [&mut cmp.commitments.a, &mut cmp.commitments.b] {
            side.retain(|c| !narrowed || c.item.is_some_and(|at| keep_section[at.section]));
            for c in side.iter_mut() {
                c.item = moved(c.item);
            }
        }
    }
    // The targets are the whole report's: shown with the commitments, for the whole report.
    if view.summary || narrowed || matches!(view.only, Some(Only::Own | Only::Shared)) {
        cmp.targets = Default::default();
    }
    cmp.view = view.clone();
    Ok(cmp)
}

/// The key a heading is matched by: Simplified, widths folded, punctuation and spaces gone,
/// so that "三、2026年" finds "三、 2026 年…" and a Traditional heading.
fn heading_key(text: &str) -> Vec<char> {
    key_chars(&to_simplified(&fold_width(text)))
}

fn heading_holds(section: &SectionPair, query: &[char]) -> bool {
    [&section.a_heading, &section.b_heading]
        .into_iter()
        .flatten()
        .any(|h| heading_key(h).windows(query.len()).any(|w| w == query))
}

/// Indices of the items `only` keeps, with the sub-heading each kept run stands under.
fn kept_items(items: &[Item], only: Option<Only>) -> Vec<usize> {
    let wanted = |item: &Item| match only {
        None => true,
        Some(Only::Own) => matches!(item.kind, ItemKind::AOnly | ItemKind::BOnly),
        Some(Only::Shared) => matches!(
            item.kind,
            ItemKind::Equal | ItemKind::Template | ItemKind::Similar
        ),
        Some(Only::Commitments) => false,
    };
    let mut kept = Vec::new();
    let mut heading: Option<usize> = None;
    for (i, item) in items.iter().enumerate() {
        if item.kind == ItemKind::Heading {
            heading = Some(i);
            if only.is_none() {
                kept.push(i);
            }
            continue;
        }
        if wanted(item) {
            if only.is_some() {
                kept.extend(heading.take());
            }
            kept.push(i);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::html::testkit::sample;

    fn kinds(cmp: &Comparison) -> Vec<ItemKind> {
        cmp.sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.kind))
            .collect()
    }

    /// Every reference points at an item that is there, and a twin at its twin.
    fn assert_references_hold(cmp: &Comparison) {
        let get = |at: ItemRef| {
            cmp.sections
                .get(at.section)
                .and_then(|s| s.items.get(at.item))
        };
        for (s, section) in cmp.sections.iter().enumerate() {
            for (i, item) in section.items.iter().enumerate() {
                if let Some(twin) = item.twin {
                    let other = get(twin).expect("a twin is listed");
                    assert_eq!(
                        other.twin,
                        Some(ItemRef {
                            section: s,
                            item: i
                        })
                    );
                }
            }
        }
        for c in cmp.commitments.a.iter().chain(&cmp.commitments.b) {
            if let Some(at) = c.item {
                assert_eq!(
                    get(at)
                        .and_then(|i| i.a.as_ref().or(i.b.as_ref()))
                        .map(|s| &s.text),
                    Some(&c.text)
                );
            }
        }
        for p in &cmp.shared_phrases {
            if let Some(at) = p.a_item {
                assert!(get(at).is_some());
            }
        }
    }

    #[test]
    fn the_default_view_changes_nothing() {
        let cmp = sample();
        assert_eq!(apply(cmp.clone(), &View::default()).unwrap(), cmp);
    }

    #[test]
    fn own_text_keeps_only_one_sided_sentences_and_their_headings() {
        let cmp = sample();
        let own = apply(cmp.clone(), &View::only(Only::Own)).unwrap();
        let kinds = kinds(&own);
        assert!(kinds.contains(&ItemKind::AOnly));
        assert!(kinds
            .iter()
            .all(|k| matches!(k, ItemKind::AOnly | ItemKind::BOnly | ItemKind::Heading)));
        let all = |c: &Comparison, k: ItemKind| {
            c.sections
                .iter()
                .flat_map(|s| &s.items)
                .filter(|i| i.kind == k)
                .count()
        };
        assert_eq!(all(&own, ItemKind::AOnly), all(&cmp, ItemKind::AOnly));
        assert_eq!(all(&own, ItemKind::BOnly), all(&cmp, ItemKind::BOnly));
        assert!(own.shared_phrases.is_empty() && own.commitments.a.is_empty());
        assert_eq!(
            own.summary, cmp.summary,
            "the figures are the whole report's"
        );
        assert_references_hold(&own);
    }

    #[test]
    fn shared_text_keeps_pairs_and_moved_twins_point_at_each_other() {
        let cmp = sample();
        let shared = apply(cmp.clone(), &View::only(Only::Shared)).unwrap();
        let kinds = kinds(&shared);
        assert!(kinds.contains(&ItemKind::Equal) && kinds.contains(&ItemKind::Template));
        assert!(!kinds.contains(&ItemKind::AOnly) && !kinds.contains(&ItemKind::BOnly));
        assert!(shared
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .any(|i| i.twin.is_some()));
        assert_references_hold(&shared);
    }

    #[test]
    fn commitments_keep_no_sentences_and_every_commitment() {
        let cmp = sample();
        let view = View::only(Only::Commitments);
        let only = apply(cmp.clone(), &view).unwrap();
        assert!(kinds(&only).is_empty());
        assert_eq!(only.commitments.a.len(), cmp.commitments.a.len());
        assert!(only.commitments.a.iter().all(|c| c.item.is_none()));
        assert_eq!(only.view, view);
    }

    #[test]
    fn one_section_is_found_by_any_part_of_its_heading_in_either_script() {
        let cmp = sample();
        let heading = cmp.sections[1].a_heading.clone().expect("a heading");
        let part: String = heading.chars().skip(2).take(4).collect();
        let view = View {
            section: Some(part.clone()),
            ..View::default()
        };
        let one = apply(cmp.clone(), &view).unwrap();
        assert_eq!(one.sections.len(), 1, "{part}");
        assert_eq!(one.sections[0].a_heading, Some(heading));
        assert_references_hold(&one);
        let missing = View {
            section: Some("没有这一节".into()),
            ..View::default()
        };
        assert_eq!(
            apply(cmp, &missing),
            Err(ViewError::NoSuchSection("没有这一节".into()))
        );
    }

    #[test]
    fn the_summary_keeps_sections_without_sentences_or_lists() {
        let cmp = sample();
        let summary = apply(
            cmp.clone(),
            &View {
                summary: true,
                ..View::default()
            },
        )
        .unwrap();
        assert_eq!(summary.sections.len(), cmp.sections.len());
        assert!(kinds(&summary).is_empty());
        assert!(summary.shared_phrases.is_empty() && summary.commitments.b.is_empty());
    }
}
