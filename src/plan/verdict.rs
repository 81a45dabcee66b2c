//! Year over year: each target of one year's report beside what the next year's review says
//! was achieved.
//!
//! A target and a result meet when they name the same indicator in the same unit (a growth
//! in %, a level in 亿元). The verdict is literal, so a reader can redo it: a target to raise
//! an indicator (增长6%左右, 以上) is met when the result is at least its lower end; a ceiling
//! (以内, or an indicator where lower is better: unemployment, prices, the deficit) when the
//! result is at most its upper end; a reduction (能耗降低3%) when the result falls at least as
//! much. "About" (左右) gets no tolerance: 5.9% against 6%左右 is missed, and the figures are
//! shown so the reader can judge.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Change, Qualifier, Target};

/// How a target fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    Missed,
    /// The later review states no figure for the indicator in the target's unit.
    NotReported,
    /// The target has no figure to measure (同步, 基本平衡).
    NoFigure,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::NotReported => "not reported",
            Verdict::NoFigure => "no figure",
        }
    }
}

/// One target of the earlier report and its result in the later one.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Outcome {
    pub target: Target,
    pub achieved: Option<Target>,
    pub verdict: Verdict,
}

/// The figure of `t` with its sign: a decrease is negative.
fn signed(t: &Target, value: f64) -> f64 {
    if t.change == Some(Change::Decrease) {
        -value
    } else {
        value
    }
}

fn judge(target: &Target, result: &Target) -> Verdict {
    let (Some(goal), Some(got)) = (&target.figure, &result.figure) else {
        return Verdict::NoFigure;
    };
    let (low, high) = (signed(target, goal.low), signed(target, goal.high));
    let got_low = signed(result, got.low);
    let got_high = signed(result, got.high);
    let met = if target.change == Some(Change::Decrease) {
        // A reduction: at least as large a fall (signed: at most the target's smaller fall).
        got_high <= low.max(high)
    } else if target.qualifiers.contains(&Qualifier::AtMost) || target.indicator.lower_is_better() {
        got_high <= high.max(low)
    } else {
        got_low >= low.min(high)
    };
    if met {
        Verdict::Met
    } else {
        Verdict::Missed
    }
}

/// Each target of `earlier` (a report's targets) beside the `later` report's achieved figures.
pub fn year_over_year(earlier: &[Target], later: &[Target]) -> Vec<Outcome> {
    earlier
        .iter()
        .map(|target| {
            let Some(goal) = &target.figure else {
                return Outcome {
                    target: target.clone(),
                    achieved: None,
                    verdict: Verdict::NoFigure,
                };
            };
            let same_unit = |r: &&Target| {
                r.indicator == target.indicator
                    && r.figure.as_ref().is_some_and(|f| f.unit == goal.unit)
            };
            // Prefer a result that moves the same way (a growth for a growth target).
            let result = later
                .iter()
                .filter(same_unit)
                .find(|r| r.change.is_some() == target.change.is_some())
                .or_else(|| later.iter().find(same_unit));
            match result {
                Some(r) => Outcome {
                    target: target.clone(),
                    achieved: Some(r.clone()),
                    verdict: judge(target, r),
                },
                None => Outcome {
                    target: target.clone(),
                    achieved: None,
                    verdict: Verdict::NotReported,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Indicator;

    fn target(
        indicator: Indicator,
        change: Option<Change>,
        low: f64,
        high: f64,
        unit: &str,
        q: &[Qualifier],
    ) -> Target {
        Target::with_figure(indicator, change, Some((low, high, unit)), q)
    }

    fn verdict(goal: Target, got: Target) -> Verdict {
        year_over_year(&[goal], &[got])[0].verdict
    }

    const UP: Option<Change> = Some(Change::Increase);
    const DOWN: Option<Change> = Some(Change::Decrease);

    #[test]
    fn a_floor_is_met_at_or_above_its_lower_end() {
        let goal = || target(Indicator::Gdp, UP, 5.0, 5.5, "%", &[]);
        assert_eq!(
            verdict(goal(), target(Indicator::Gdp, UP, 5.0, 5.0, "%", &[])),
            Verdict::Met
        );
        assert_eq!(
            verdict(goal(), target(Indicator::Gdp, UP, 4.9, 4.9, "%", &[])),
            Verdict::Missed
        );
        assert_eq!(
            verdict(goal(), target(Indicator::Gdp, DOWN, 1.0, 1.0, "%", &[])),
            Verdict::Missed,
            "a fall misses a growth target"
        );
    }

    #[test]
    fn a_ceiling_is_met_at_or_below_its_upper_end() {
        let goal = target(Indicator::Cpi, None, 3.0, 3.0, "%", &[Qualifier::About]);
        assert_eq!(
            verdict(goal.clone(), target(Indicator::Cpi, UP, 0.2, 0.2, "%", &[])),
            Verdict::Met
        );
        assert_eq!(
            verdict(goal, target(Indicator::Cpi, UP, 3.5, 3.5, "%", &[])),
            Verdict::Missed
        );
        let goal = target(
            Indicator::RegisteredUnemployment,
            None,
            4.6,
            4.6,
            "%",
            &[Qualifier::AtMost],
        );
        assert_eq!(
            verdict(
                goal,
                target(Indicator::RegisteredUnemployment, None, 4.1, 4.1, "%", &[])
            ),
            Verdict::Met
        );
    }

    #[test]
    fn a_reduction_is_met_by_a_fall_as_large() {
        let goal = || target(Indicator::EnergyIntensity, DOWN, 2.5, 2.5, "%", &[]);
        assert_eq!(
            verdict(
                goal(),
                target(Indicator::EnergyIntensity, DOWN, 3.0, 3.0, "%", &[])
            ),
            Verdict::Met
        );
        assert_eq!(
            verdict(
                goal(),
                target(Indicator::EnergyIntensity, DOWN, 2.0, 2.0, "%", &[])
            ),
            Verdict::Missed
        );
    }

    #[test]
    fn another_unit_or_indicator_is_not_reported() {
        let goal = target(Indicator::Gdp, UP, 6.0, 6.0, "%", &[]);
        let level = target(Indicator::Gdp, None, 300.0, 300.0, "亿元", &[]);
        let other = target(Indicator::RetailSales, UP, 7.0, 7.0, "%", &[]);
        let out = year_over_year(&[goal], &[level, other]);
        assert_eq!(out[0].verdict, Verdict::NotReported);
    }
}
