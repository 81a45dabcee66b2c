//! From matched sentences to the side-by-side reading: section pairs and their items.

use similar::{Algorithm, ChangeTag, TextDiff};

use super::keyed::{Element, KeyedReport, KeyedSentence};
use super::matching::{Matching, PairKind};
use crate::align::{merge_order, AlignedPair};
use crate::comparison::{
    Counts, DiffSide, DiffSpan, Here, Item, ItemKind, ItemRef, SectionPair, Side,
};
use crate::key::is_key_char;
use crate::spans::{covered_in, share};

/// Texts longer than this together (in characters) get a whole-text diff (all of A, then all
/// of B) instead of a character diff: Myers' time grows with length × differences, and such
/// "sentences" are unsplit paragraphs, where character highlighting helps nobody.
pub const MAX_DIFF_CHARS: usize = 20_000;

/// The two reports, their matching and their coverage, as items need them.
pub(crate) struct Context<'c, 'r> {
    pub a: &'c KeyedReport<'r>,
    pub b: &'c KeyedReport<'r>,
    pub m: &'c Matching,
    pub a_cover: &'c [bool],
    pub b_cover: &'c [bool],
}

/// Section pairs with their items, and where each sentence is listed.
pub(crate) struct Built {
    pub sections: Vec<SectionPair>,
    /// Where each A sentence is listed (its own end, for a moved pair).
    pub a_refs: Vec<Option<ItemRef>>,
    /// Where each B sentence is listed.
    pub b_refs: Vec<Option<ItemRef>>,
}

/// Build the section pairs of `alignment`, items in reading order.
pub(crate) fn build(cx: &Context, alignment: &[AlignedPair]) -> Built {
    let mut built = Built {
        sections: Vec::with_capacity(alignment.len()),
        a_refs: vec![None; cx.a.sentences.len()],
        b_refs: vec![None; cx.b.sentences.len()],
    };
    for (line, pair) in alignment.iter().enumerate() {
        let section = section_pair(cx, line, pair, &mut built);
        built.sections.push(section);
    }
    link_twins(cx, &mut built);
    built
}

/// One section pair: its items in reading order, its counts and reuse.
fn section_pair(cx: &Context, line: usize, pair: &AlignedPair, built: &mut Built) -> SectionPair {
    let a_section = pair.a.and_then(|i| cx.a.sections.get(i));
    let b_section = pair.b.and_then(|j| cx.b.sections.get(j));
    let a_elements = a_section.map_or(&[][..], |s| s.elements.as_slice());
    let b_elements = b_section.map_or(&[][..], |s| s.elements.as_slice());
    let mut here: Vec<(usize, usize)> = cx.m.heading_pairs.get(line).cloned().unwrap_or_default();
    for e in a_elements {
        if let Element::Sentence(s) = e {
            if let Some((t, _)) = cx.m.a_to[*s].filter(|(t, _)| cx.m.b_line[*t] == line) {
                here.push((cx.a.sentences[*s].element, cx.b.sentences[t].element));
            }
        }
    }
    let mut items = Vec::new();
    let mut counts = Counts::default();
    for (ea, eb) in merge_order(a_elements.len(), b_elements.len(), &here) {
        let item = item(
            cx,
            ea.and_then(|e| a_elements.get(e)),
            eb.and_then(|e| b_elements.get(e)),
        );
        let at = ItemRef {
            section: line,
            item: items.len(),
        };
        if let Some(Some(s)) = ea.map(|e| sentence_of(a_elements.get(e))) {
            built.a_refs[s] = Some(at);
        }
        if let Some(Some(t)) = eb.map(|e| sentence_of(b_elements.get(e))) {
            built.b_refs[t] = Some(at);
        }
        count(&mut counts, &item);
        items.push(item);
    }
    let reuse = |k: &KeyedReport, cover: &[bool], range: std::ops::Range<usize>| {
        let _ = k;
        share(covered_in(cover, range.clone()), range.len())
    };
    SectionPair {
        a_heading: a_section
            .and_then(|s| s.section.heading.as_ref().map(|h| h.text.original.clone())),
        b_heading: b_section
            .and_then(|s| s.section.heading.as_ref().map(|h| h.text.original.clone())),
        a_index: pair.a,
        b_index: pair.b,
        kind: a_section
            .or(b_section)
            .map_or(crate::model::SectionKind::Body, |s| s.section.kind),
        aligned_by: pair.by,
        a_reuse: a_section.map(|s| reuse(cx.a, cx.a_cover, s.chars.clone())),
        b_reuse: b_section.map(|s| reuse(cx.b, cx.b_cover, s.chars.clone())),
        a_chars: a_section.map_or(0, |s| s.chars.len()),
        b_chars: b_section.map_or(0, |s| s.chars.len()),
        counts,
        items,
    }
}

fn sentence_of(e: Option<&Element>) -> Option<usize> {
    match e {
        Some(Element::Sentence(s)) => Some(*s),
        _ => None,
    }
}

/// The item for one line of a section pair.
fn item(cx: &Context, a: Option<&Element>, b: Option<&Element>) -> Item {
    match (a, b) {
        (Some(Element::Sentence(s)), Some(Element::Sentence(t))) => {
            let kind = cx.m.a_to[*s].map_or(PairKind::Equal, |(_, k)| k);
            pair_item(cx, *s, *t, kind, Here::Both)
        }
        (Some(Element::Sentence(s)), None) => match cx.m.a_to[*s] {
            Some((t, kind)) => pair_item(cx, *s, t, kind, Here::A),
            None => one_sided(
                ItemKind::AOnly,
                Here::A,
                Some(sentence_side(cx.a, cx.a_cover, *s)),
                None,
            ),
        },
        (None, Some(Element::Sentence(t))) => match cx.m.b_to[*t] {
            Some((s, kind)) => pair_item(cx, s, *t, kind, Here::B),
            None => one_sided(
                ItemKind::BOnly,
                Here::B,
                None,
                Some(sentence_side(cx.b, cx.b_cover, *t)),
            ),
        },
        (a, b) => {
            let a = heading_side(a);
            let b = heading_side(b);
            let here = match (&a, &b) {
                (Some(_), None) => Here::A,
                (None, Some(_)) => Here::B,
                _ => Here::Both,
            };
            one_sided(ItemKind::Heading, here, a, b)
        }
    }
}

fn one_sided(kind: ItemKind, here: Here, a: Option<Side>, b: Option<Side>) -> Item {
    Item {
        kind,
        moved: false,
        here,
        a,
        b,
        diff: None,
        twin: None,
    }
}

/// An item for the pair (A sentence `s`, B sentence `t`), listed where `here` stands.
fn pair_item(cx: &Context, s: usize, t: usize, kind: PairKind, here: Here) -> Item {
    let (Some(ks), Some(kt)) = (cx.a.sentences.get(s), cx.b.sentences.get(t)) else {
        return one_sided(ItemKind::Heading, here, None, None);
    };
    let kind = match kind {
        PairKind::Equal => ItemKind::Equal,
        PairKind::Template => ItemKind::Template,
        PairKind::Similar => ItemKind::Similar,
    };
    let diff = matches!(kind, ItemKind::Template | ItemKind::Similar)
        .then(|| char_diff(&ks.sentence.text.text, &kt.sentence.text.text));
    Item {
        kind,
        moved: cx.m.a_line[s] != cx.m.b_line[t],
        here,
        a: Some(sentence_side(cx.a, cx.a_cover, s)),
        b: Some(sentence_side(cx.b, cx.b_cover, t)),
        diff,
        twin: None,
    }
}

fn sentence_side(k: &KeyedReport, cover: &[bool], s: usize) -> Side {
    let (text, original, coverage, shared) = match k.sentences.get(s) {
        Some(ks) => (
            ks.sentence.text.text.clone(),
            ks.sentence.text.original.clone(),
            sentence_coverage(ks, cover),
            shared_stretches(
                &ks.sentence.text.text,
                cover.get(ks.span.clone()).unwrap_or(&[]),
            ),
        ),
        None => (String::new(), String::new(), 0.0, Vec::new()),
    };
    Side {
        text,
        original,
        coverage: Some(coverage),
        sentence: Some(s),
        shared,
    }
}

/// Character ranges of `text` whose key characters are covered (`cover` is the coverage of
/// the text's key). Punctuation between two covered characters joins their stretch.
pub(crate) fn shared_stretches(text: &str, cover: &[bool]) -> Vec<[usize; 2]> {
    let mut stretches = Vec::new();
    // Most sentences share nothing: no need to walk their text.
    if !cover.contains(&true) {
        return stretches;
    }
    let mut open: Option<usize> = None;
    let mut end = 0;
    let mut k = 0;
    for (i, c) in text.chars().enumerate() {
        if !is_key_char(c) {
            continue;
        }
        let covered = cover.get(k).copied().unwrap_or(false);
        k += 1;
        match (covered, open) {
            (true, None) => open = Some(i),
            (false, Some(start)) => {
                stretches.push([start, end]);
                open = None;
            }
            _ => {}
        }
        if covered {
            end = i + 1;
        }
    }
    if let Some(start) = open {
        stretches.push([start, end]);
    }
    stretches
}

fn sentence_coverage(ks: &KeyedSentence, cover: &[bool]) -> f64 {
    share(covered_in(cover, ks.span.clone()), ks.span.len())
}

fn heading_side(e: Option<&Element>) -> Option<Side> {
    match e {
        Some(Element::Heading(h, _)) => Some(Side {
            text: h.text.text.clone(),
            original: h.text.original.clone(),
            coverage: None,
            sentence: None,
            shared: Vec::new(),
        }),
        _ => None,
    }
}

fn count(counts: &mut Counts, item: &Item) {
    match item.kind {
        ItemKind::Equal => counts.equal += 1,
        ItemKind::Template => counts.template += 1,
        ItemKind::Similar => counts.similar += 1,
        ItemKind::AOnly => counts.a_only += 1,
        ItemKind::BOnly => counts.b_only += 1,
        ItemKind::Heading => {}
    }
    if item.moved {
        counts.moved += 1;
    }
}

/// Point the two ends of every moved pair at each other.
fn link_twins(cx: &Context, built: &mut Built) {
    for (s, to) in cx.m.a_to.iter().enumerate() {
        let Some((t, _)) = *to else { continue };
        if cx.m.a_line[s] == cx.m.b_line[t] {
            continue;
        }
        let (Some(Some(ra)), Some(Some(rb))) =
            (built.a_refs.get(s).copied(), built.b_refs.get(t).copied())
        else {
            continue;
        };
        for (at, other) in [(ra, rb), (rb, ra)] {
            if let Some(item) = built
                .sections
                .get_mut(at.section)
                .and_then(|sp| sp.items.get_mut(at.item))
            {
                item.twin = Some(other);
            }
        }
    }
}

/// A character diff of two normalized texts (Myers, no deadline), stretches merged.
pub fn char_diff(a: &str, b: &str) -> Vec<DiffSpan> {
    if a.chars().count() + b.chars().count() > MAX_DIFF_CHARS {
        let mut whole = Vec::new();
        for (op, text) in [(DiffSide::A, a), (DiffSide::B, b)] {
            if !text.is_empty() {
                whole.push(DiffSpan {
                    op,
                    text: text.to_string(),
                });
            }
        }
        return whole;
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_chars(a, b);
    let mut spans: Vec<DiffSpan> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffSide::Equal,
            ChangeTag::Delete => DiffSide::A,
            ChangeTag::Insert => DiffSide::B,
        };
        match spans.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => spans.push(DiffSpan {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_diff_marks_changed_figures() {
        let d = char_diff("增长6%左右", "增长5.5%左右");
        let a: String = d
            .iter()
            .filter(|s| s.op != DiffSide::B)
            .map(|s| s.text.as_str())
            .collect();
        let b: String = d
            .iter()
            .filter(|s| s.op != DiffSide::A)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(a, "增长6%左右");
        assert_eq!(b, "增长5.5%左右");
        assert_eq!(
            d.first().map(|s| (s.op, s.text.as_str())),
            Some((DiffSide::Equal, "增长"))
        );
        assert!(d.iter().any(|s| s.op == DiffSide::A && s.text == "6"));
    }

    #[test]
    fn char_diff_of_huge_texts_is_whole() {
        let a = "甲".repeat(MAX_DIFF_CHARS);
        let d = char_diff(&a, "乙");
        assert_eq!(d.len(), 2);
        assert_eq!(d[1].op, DiffSide::B);
    }
}

#[cfg(test)]
mod shared_tests {
    use super::shared_stretches;

    #[test]
    fn stretches_map_key_coverage_back_to_text_characters() {
        // Key: 甲乙丙丁戊 (the comma is not a key character).
        let cover = [false, true, true, false, true];
        assert_eq!(
            shared_stretches("甲乙,丙丁戊", &cover),
            vec![[1, 4], [5, 6]]
        );
    }

    #[test]
    fn punctuation_inside_a_covered_run_joins_it() {
        let cover = [true, true, true, true];
        assert_eq!(shared_stretches("甲乙,丙丁。", &cover), vec![[0, 5]]);
    }
}
