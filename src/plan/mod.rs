//! What a report plans: which of its text looks forward, its main expected targets, and what
//! its review says the year before achieved.
//!
//! Read from the reading model alone ([`crate::model::Report`]), so `outline`, a comparison
//! and the matrix show the same targets for the same report.

pub mod figures;
pub mod indicator;
pub mod outlook;
mod passage;
pub mod verdict;

use schemars::JsonSchema;
use serde::Serialize;

pub use figures::{Change, Figure, Qualifier};
pub use indicator::Indicator;
pub use verdict::{year_over_year, Outcome, Verdict};

use crate::model::Report;

/// One figure or commitment of a report's targets, or one result its review states.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Target {
    pub indicator: Indicator,
    /// The indicator's wording as written (normalized): 地区生产总值, 全省生产总值, or for
    /// `other` the words before the figure (森林覆盖率).
    pub name: String,
    /// Whether the figure is a growth (increase), a fall (decrease) or a level (null).
    pub change: Option<Change>,
    /// The value or range; null for a target without a figure (居民收入增长和经济增长同步).
    pub figure: Option<Figure>,
    /// 左右, 以上, 以内, 力争, 同步, 下达, 稳定 (as "about", "at_least", …).
    pub qualifiers: Vec<Qualifier>,
    /// The clause it was read from (normalized text).
    pub clause: String,
    /// Index of its sentence among the report's sentences, in reading order.
    pub sentence: usize,
}

/// What rdiff read of a report's plan.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Plan {
    /// The main expected targets (主要预期目标), in the order written; empty when the report
    /// has no targets passage.
    pub targets: Vec<Target>,
    /// The previous year's results its review states, the first for each indicator and unit.
    pub achieved: Vec<Target>,
    /// Index of the sentence that opens the targets passage, when there is one.
    #[serde(skip)]
    pub anchor: Option<usize>,
    /// Whether each sentence, in reading order, belongs to the plan.
    #[serde(skip)]
    pub forward: Vec<bool>,
}

/// The place's own name, without the larger units written before it: 呼伦贝尔市海拉尔区 and
/// 海拉尔区 are one place, so are 河北省石家庄市 and 石家庄市.
pub fn place_key(place: &str) -> &str {
    let chars: Vec<(usize, char)> = place.char_indices().collect();
    let last = chars.len().saturating_sub(1);
    let cut = chars
        .iter()
        .enumerate()
        .rev()
        .find(|&(n, &(_, c))| n > 0 && n + 2 < last + 1 && "省市州盟".contains(c))
        .map(|(_, &(at, c))| at + c.len_utf8());
    cut.map_or(place, |at| &place[at..])
}

/// Read the plan of `report`.
pub fn read(report: &Report) -> Plan {
    let outlooks = outlook::sentence_outlooks(report);
    let sentences: Vec<&str> = report
        .iter_sentences()
        .map(|s| s.text.text.as_str())
        .collect();
    let found = passage::targets(&sentences, &outlooks, report.year);
    let anchor = found.as_ref().map(|(anchor, _)| *anchor);
    let targets = found.map(|(_, targets)| targets).unwrap_or_default();
    let achieved = passage::achieved(&sentences, &outlooks, anchor);
    let forward = outlook::forward_sentences(report, &outlooks, anchor);
    Plan {
        targets,
        achieved,
        anchor,
        forward,
    }
}

impl Target {
    /// A target with a figure `(low, high, unit)` or none, for tests and examples.
    pub fn with_figure(
        indicator: Indicator,
        change: Option<Change>,
        figure: Option<(f64, f64, &str)>,
        qualifiers: &[Qualifier],
    ) -> Target {
        Target {
            indicator,
            name: String::new(),
            change,
            figure: figure.map(|(low, high, unit)| Figure {
                low,
                high,
                unit: unit.to_string(),
            }),
            qualifiers: qualifiers.to_vec(),
            clause: String::new(),
            sentence: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::place_key;

    #[test]
    fn a_place_is_its_own_name() {
        assert_eq!(place_key("呼伦贝尔市海拉尔区"), "海拉尔区");
        assert_eq!(place_key("海拉尔区"), "海拉尔区");
        assert_eq!(place_key("河北省石家庄市"), "石家庄市");
        assert_eq!(place_key("河北省"), "河北省");
        assert_eq!(place_key("全国"), "全国");
    }
}
