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

use serde::Serialize;

pub use figures::{Change, Figure, Qualifier};
pub use indicator::Indicator;
pub use verdict::{year_over_year, Outcome, Verdict};

use crate::model::Report;

/// One figure or commitment of a report's targets, or one result its review states.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// Read the plan of `report`.
pub fn read(report: &Report) -> Plan {
    let outlooks = outlook::sentence_outlooks(report);
    let sentences: Vec<&str> = report
        .iter_sentences()
        .map(|s| s.text.text.as_str())
        .collect();
    let found = passage::targets(&sentences, &outlooks);
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
