//! Targets as text: one way of writing a target's figure for every renderer.

use crate::plan::{Change, Indicator, Target};
use crate::render::text::sanitize;

/// A number without a needless ".0" (6, 5.5, 1.3).
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// A target's figure as a reader writes it: "+6%左右", "−2.5%左右" (a reduction), "5.5%左右"
/// (a level), "5%—5.5%", "1200万人以上", or its qualifiers alone ("同步") when it has no
/// figure.
pub fn figure_text(t: &Target) -> String {
    let sign = match t.change {
        Some(Change::Increase) => "+",
        Some(Change::Decrease) => "−",
        None => "",
    };
    let qualifiers: String = t
        .qualifiers
        .iter()
        .filter(|q| !matches!(q, crate::plan::Qualifier::Strive))
        .map(|q| q.written())
        .collect();
    let strive = if t.qualifiers.contains(&crate::plan::Qualifier::Strive) {
        "力争"
    } else {
        ""
    };
    match &t.figure {
        Some(f) if f.low == f.high => {
            format!("{strive}{sign}{}{}{qualifiers}", number(f.low), f.unit)
        }
        Some(f) => format!(
            "{strive}{sign}{}{unit}—{}{unit}{qualifiers}",
            number(f.low),
            number(f.high),
            unit = f.unit
        ),
        None if qualifiers.is_empty() && strive.is_empty() => "(no figure)".to_string(),
        None => format!("{strive}{qualifiers}"),
    }
}

/// The indicator's label, or for `other` its name as written (made safe for a terminal).
pub fn indicator_text(t: &Target) -> String {
    if t.indicator == Indicator::Other {
        format!("({})", sanitize(&t.name))
    } else {
        t.indicator.label().to_string()
    }
}

/// One indicator's row of a side-by-side table: its label and each side's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub a: String,
    pub b: String,
}

/// The rows of `a`'s and `b`'s targets side by side: one per indicator in the canonical
/// order (several figures of one indicator joined by "; "), then each side's other targets.
pub fn target_rows(a: &[Target], b: &[Target]) -> Vec<Row> {
    let figures = |list: &[Target], indicator: Indicator| {
        list.iter()
            .filter(|t| t.indicator == indicator)
            .map(figure_text)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut rows: Vec<Row> = Indicator::ALL
        .iter()
        .map(|&i| Row {
            label: i.label().to_string(),
            a: figures(a, i),
            b: figures(b, i),
        })
        .filter(|r| !r.a.is_empty() || !r.b.is_empty())
        .collect();
    for (list, of_a) in [(a, true), (b, false)] {
        for t in list.iter().filter(|t| t.indicator == Indicator::Other) {
            let (label, figure) = (indicator_text(t), figure_text(t));
            let figure = if t.figure.is_none() && t.qualifiers.is_empty() {
                "✓".to_string()
            } else {
                figure
            };
            rows.push(Row {
                label,
                a: if of_a { figure.clone() } else { String::new() },
                b: if of_a { String::new() } else { figure },
            });
        }
    }
    rows
}

/// The indicators most reports of a corpus set targets for, most reports first (ties in the
/// canonical order), at most `limit`: the columns of a table across reports.
pub fn common_indicators<'t>(
    lists: impl IntoIterator<Item = &'t [Target]>,
    limit: usize,
) -> Vec<Indicator> {
    let mut counts = vec![0usize; Indicator::ALL.len()];
    for list in lists {
        for (n, &i) in Indicator::ALL.iter().enumerate() {
            counts[n] += usize::from(list.iter().any(|t| t.indicator == i && t.figure.is_some()));
        }
    }
    let mut ranked: Vec<(usize, Indicator)> = counts
        .into_iter()
        .zip(Indicator::ALL)
        .filter(|(c, _)| *c > 0)
        .collect();
    ranked.sort_by_key(|&(c, _)| std::cmp::Reverse(c));
    ranked.into_iter().take(limit).map(|(_, i)| i).collect()
}

/// A report's figures for `indicator`, the growth first ("+6%左右"), or "" when none.
pub fn cell(list: &[Target], indicator: Indicator) -> String {
    let mut of: Vec<&Target> = list.iter().filter(|t| t.indicator == indicator).collect();
    of.sort_by_key(|t| t.change.is_none());
    of.iter()
        .map(|t| figure_text(t))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Qualifier;

    fn target(change: Option<Change>, figure: Option<(f64, f64, &str)>, q: &[Qualifier]) -> Target {
        Target::with_figure(Indicator::Gdp, change, figure, q)
    }

    #[test]
    fn figures_read_as_written() {
        let up = Some(Change::Increase);
        assert_eq!(
            figure_text(&target(up, Some((6.0, 6.0, "%")), &[Qualifier::About])),
            "+6%左右"
        );
        assert_eq!(
            figure_text(&target(up, Some((5.0, 5.5, "%")), &[])),
            "+5%—5.5%"
        );
        assert_eq!(
            figure_text(&target(Some(Change::Decrease), Some((2.5, 2.5, "%")), &[])),
            "−2.5%"
        );
        assert_eq!(
            figure_text(&target(None, None, &[Qualifier::InStep])),
            "同步"
        );
        assert_eq!(
            figure_text(&target(up, Some((7.0, 7.0, "%")), &[Qualifier::Strive])),
            "力争+7%"
        );
    }
}
