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

/// Words of a sentence that states the guiding line (以习近平新时代中国特色社会主义思想为指导,
/// 今年政府工作的总体要求是…): the template of every report by definition, whatever figures or
/// names it carries, never a commitment of one government.
const THE_LINE: [&str; 4] = ["总体要求", "指导思想", "为指导", "重要思想"];

fn states_the_line(text: &str) -> bool {
    THE_LINE.iter().any(|w| text.contains(w))
}

/// The own part of sentence `text` whose key coverage is `cover` (true: shared), or `None`
/// when it is no own commitment; `named_elsewhere` says whether another report names a
/// programme (by name).
pub fn own_part(
    text: &str,
    cover: &[bool],
    named_elsewhere: impl Fn(&str) -> bool,
) -> Option<OwnPart> {
    if cover.is_empty() || states_the_line(text) {
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
            item: Some(item),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::comparison::CompareOptions;
    use crate::testing::report_from_outline;

    const PLAN: &str = "# 二、2024年工作安排\n";
    /// A long stretch both reports say (the template of a plan's opening).
    const SHARED: &str =
        "坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局着力推动高质量发展";

    fn listed(a: &str, b: &str) -> Vec<Commitment> {
        let a = report_from_outline("a.txt", &format!("{PLAN}{a}"));
        let b = report_from_outline("b.txt", &format!("{PLAN}{b}"));
        compare(&a, &b, &CompareOptions::default()).commitments.a
    }

    #[test]
    fn an_own_figure_is_listed_and_highlighted() {
        let c = listed("新建城市公园12个。", "推进城市绿化。");
        assert_eq!(c.len(), 1);
        let chars: Vec<char> = c[0].text.chars().collect();
        let own: Vec<String> = c[0]
            .highlights
            .iter()
            .map(|&[s, e]| chars[s..e].iter().collect())
            .collect();
        assert_eq!(own, vec!["12个"]);
        assert_eq!(c[0].own_share, 1.0);
    }

    #[test]
    fn mostly_shared_text_is_never_own_even_with_a_figure() {
        let a = format!("{SHARED},地区生产总值增长6%。");
        let b = format!("{SHARED},地区生产总值增长5%。");
        assert!(
            listed(&a, &b).is_empty(),
            "shared boilerplate with a figure"
        );
        // The same sentence against a report that does not share it is own.
        assert_eq!(listed(&a, "推进城市绿化。").len(), 1);
    }

    #[test]
    fn a_figure_inside_shared_text_is_no_mark() {
        // The figure stands in the shared stretch; the own words have no mark.
        let shared = "全年新增城镇就业12000人以上城镇调查失业率控制在5.5%以内";
        let own = "大力推进城市绿化美化和城乡环境整治,持续改善人居环境质量和群众生活品质";
        let a = format!("{shared},{own}。");
        assert!(
            own.chars().count() > shared.chars().count(),
            "mostly own words"
        );
        assert!(listed(&a, &format!("{shared}。")).is_empty());
        assert_eq!(
            listed(&a, "推进城市绿化。").len(),
            1,
            "unshared, the figures count"
        );
    }

    #[test]
    fn a_programme_the_other_report_names_is_no_mark() {
        let a = "深入实施乐购城市焕新行动。";
        assert_eq!(
            listed(a, "推进城市绿化。").len(),
            1,
            "named by A alone: own"
        );
        assert!(
            listed(a, "全面开展乐购城市焕新行动,提振消费。").is_empty(),
            "named by B too: template"
        );
    }

    #[test]
    fn a_national_programme_is_no_mark() {
        // 城市更新行动 is named by the State Council's reports.
        assert!(names::is_national("城市更新行动"));
        assert!(listed("深入实施城市更新行动。", "推进城市绿化。").is_empty());
    }

    #[test]
    fn the_guiding_line_is_no_ones_own() {
        let line = "今年政府工作的总体要求是:以习近平新时代中国特色社会主义思想为指导,继续推进“全员抓招商、全力强实体”行动,确保完成50个重点项目。";
        assert!(listed(line, "推进城市绿化。").is_empty());
    }

    #[test]
    fn the_review_is_not_the_plan() {
        let a = report_from_outline("a.txt", "# 一、2023年工作回顾\n新建城市公园12个。");
        let b = report_from_outline("b.txt", "# 一、2023年工作回顾\n推进城市绿化。");
        assert!(compare(&a, &b, &CompareOptions::default())
            .commitments
            .a
            .is_empty());
    }
}
