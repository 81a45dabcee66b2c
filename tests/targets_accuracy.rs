//! Targets accuracy on real reports (tests/fixtures/targets/, labelled by reading the texts;
//! the format is in its FORMAT.md): the main expected targets and the review's results that
//! rdiff reads, against the labels, field by field. The table printed with `--nocapture` is
//! the one the README quotes; the floors asserted are the figures reached, so a change that
//! reads worse fails.

use std::collections::BTreeMap;
use std::path::Path;

use rdiff::normalize::Normalizer;
use rdiff::plan::{self, Change, Figure, Indicator, Qualifier, Target, Verdict};
use rdiff::read::{read_path, ReadOptions};
use serde::Deserialize;

mod common;
use common::{json_files, ratio};

const ROOT: &str = "tests/fixtures/targets";

#[derive(Debug, Deserialize)]
struct Label {
    file: String,
    report: usize,
    place: String,
    year: u16,
    targets: Vec<Labelled>,
    achieved: Vec<Labelled>,
}

#[derive(Debug, Clone, Deserialize)]
struct Labelled {
    indicator: String,
    change: Option<String>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    #[serde(default)]
    qualifiers: Vec<String>,
    clause: String,
}

/// A target reduced to what is compared.
#[derive(Debug, Clone, PartialEq)]
struct Facts {
    indicator: String,
    change: Option<String>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    qualifiers: Vec<String>,
}

fn qualifier_name(written: &str) -> String {
    match written {
        "左右" => "about",
        "以上" => "at_least",
        "以内" | "以下" => "at_most",
        "力争" => "strive",
        "同步" => "in_step",
        "下达" => "assigned",
        "平衡" | "稳定" => "stable",
        other => other,
    }
    .to_string()
}

fn json_name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn from_label(l: &Labelled, with_qualifiers: bool) -> Facts {
    let mut qualifiers: Vec<String> = if with_qualifiers {
        l.qualifiers.iter().map(|q| qualifier_name(q)).collect()
    } else {
        Vec::new()
    };
    qualifiers.sort();
    qualifiers.dedup();
    Facts {
        indicator: l.indicator.clone(),
        change: l.change.clone(),
        low: l.low,
        high: l.high,
        unit: l.unit.clone().map(|u| u.replace('％', "%")),
        qualifiers,
    }
}

fn from_target(t: &Target, with_qualifiers: bool) -> Facts {
    let mut qualifiers: Vec<String> = if with_qualifiers {
        t.qualifiers
            .iter()
            .map(|q: &Qualifier| json_name(q))
            .collect()
    } else {
        Vec::new()
    };
    qualifiers.sort();
    qualifiers.dedup();
    Facts {
        indicator: t.indicator.name().to_string(),
        change: t.change.map(|c: Change| json_name(c)),
        low: t.figure.as_ref().map(|f| f.low),
        high: t.figure.as_ref().map(|f| f.high),
        unit: t.figure.as_ref().map(|f| f.unit.clone()),
        qualifiers,
    }
}

/// Counts for one list (targets or achieved) over every label.
#[derive(Debug, Default)]
struct Tally {
    labelled: usize,
    found: usize,
    /// Labelled items found exactly (every field).
    exact: usize,
    /// Labelled items whose indicator and figure (value, range, unit) were found.
    figure: usize,
    /// Of those, how many also have the change and qualifiers right.
    change_right: usize,
    qualifiers_right: usize,
    misses: Vec<String>,
    extras: Vec<String>,
}

impl Tally {
    /// `clauses` are the labelled items' clauses, for the list of misses.
    fn add(&mut self, name: &str, labelled: &[Facts], clauses: &[&str], found: &[Facts]) {
        self.labelled += labelled.len();
        self.found += found.len();
        let mut unused: Vec<&Facts> = found.iter().collect();
        for (l, clause) in labelled.iter().zip(clauses) {
            let same_figure = |f: &&Facts| {
                f.indicator == l.indicator && f.low == l.low && f.high == l.high && f.unit == l.unit
            };
            if let Some(i) = unused.iter().position(|f| *f == l) {
                unused.remove(i);
                self.exact += 1;
                self.figure += 1;
                self.change_right += 1;
                self.qualifiers_right += 1;
            } else if let Some(i) = unused.iter().position(same_figure) {
                let f = unused.remove(i);
                self.figure += 1;
                self.change_right += usize::from(f.change == l.change);
                self.qualifiers_right += usize::from(f.qualifiers == l.qualifiers);
                self.misses
                    .push(format!("{name}: {clause}: {l:?} read as {f:?}"));
            } else {
                self.misses.push(format!("{name}: {clause}: missed {l:?}"));
            }
        }
        self.extras
            .extend(unused.iter().map(|f| format!("{name}: extra {f:?}")));
    }

    fn precision(&self) -> f64 {
        ratio(self.exact, self.found)
    }

    fn recall(&self) -> f64 {
        ratio(self.exact, self.labelled)
    }
}

/// Targets and results read against the labels in `dir`, with the table printed.
fn measure(dir: &str) -> (Tally, Tally) {
    let normalizer = Normalizer::new();
    let labels = json_files(dir);
    let mut targets = Tally::default();
    let mut achieved = Tally::default();
    let mut by_indicator: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for path in &labels {
        let label: Label = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let document = read_path(Path::new(&label.file), &ReadOptions::default(), &normalizer)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = document
            .reports
            .get(label.report)
            .unwrap_or_else(|| panic!("{name}: no report {}", label.report));
        let plan = plan::read(report);
        let labelled: Vec<Facts> = label.targets.iter().map(|l| from_label(l, true)).collect();
        let found: Vec<Facts> = plan.targets.iter().map(|t| from_target(t, true)).collect();
        for l in &labelled {
            let entry = by_indicator.entry(l.indicator.clone()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(found.contains(l));
        }
        let clauses: Vec<&str> = label.targets.iter().map(|l| l.clause.as_str()).collect();
        targets.add(&name, &labelled, &clauses, &found);
        let labelled: Vec<Facts> = label
            .achieved
            .iter()
            .map(|l| from_label(l, false))
            .collect();
        let found: Vec<Facts> = plan
            .achieved
            .iter()
            .map(|t| from_target(t, false))
            .collect();
        let clauses: Vec<&str> = label.achieved.iter().map(|l| l.clause.as_str()).collect();
        achieved.add(&name, &labelled, &clauses, &found);
    }
    println!("\nTargets on {} labelled reports of {dir}:", labels.len());
    println!("| list | labelled | read | exactly right | precision | recall | figure right | change right | qualifiers right |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (what, t) in [("targets", &targets), ("achieved", &achieved)] {
        println!(
            "| {what} | {} | {} | {} | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {:.1}% |",
            t.labelled,
            t.found,
            t.exact,
            100.0 * t.precision(),
            100.0 * t.recall(),
            100.0 * ratio(t.figure, t.labelled),
            100.0 * ratio(t.change_right, t.figure),
            100.0 * ratio(t.qualifiers_right, t.figure),
        );
    }
    println!("\nTargets recall by indicator:");
    for (indicator, (asked, right)) in &by_indicator {
        println!("  {indicator:<24} {right}/{asked}");
    }
    for line in targets.misses.iter().chain(&targets.extras) {
        println!("  targets {line}");
    }
    for line in achieved.misses.iter().chain(&achieved.extras) {
        println!("  achieved {line}");
    }
    (targets, achieved)
}

/// The 30 reports the reader was developed on (at least 20, as the issue asks).
#[test]
fn targets_and_results_against_the_labels() {
    let (targets, achieved) = measure(ROOT);
    assert!(targets.labelled >= 200, "labels of at least 20 reports");
    // Floors: the figures reached (README, "Targets"); a change that reads worse fails.
    assert!(
        targets.precision() >= TARGETS_PRECISION,
        "targets precision {:.3}",
        targets.precision()
    );
    assert!(
        targets.recall() >= TARGETS_RECALL,
        "targets recall {:.3}",
        targets.recall()
    );
    assert!(
        achieved.precision() >= ACHIEVED_PRECISION,
        "achieved precision {:.3}",
        achieved.precision()
    );
    assert!(
        achieved.recall() >= ACHIEVED_RECALL,
        "achieved recall {:.3}",
        achieved.recall()
    );
}

/// Reports found and labelled apart (tests/fixtures/targets/holdout/README.md), measured once
/// the reader was written: the figures on first sight.
#[test]
fn targets_on_held_out_reports() {
    let (targets, achieved) = measure(&format!("{ROOT}/holdout"));
    assert!(targets.labelled >= 60);
    assert!(
        targets.precision() >= HOLDOUT_TARGETS_PRECISION,
        "precision {:.3}",
        targets.precision()
    );
    assert!(
        targets.recall() >= HOLDOUT_TARGETS_RECALL,
        "recall {:.3}",
        targets.recall()
    );
    assert!(
        achieved.recall() >= HOLDOUT_ACHIEVED_RECALL,
        "achieved recall {:.3}",
        achieved.recall()
    );
}

const HOLDOUT_TARGETS_PRECISION: f64 = 0.81;
const HOLDOUT_TARGETS_RECALL: f64 = 0.72;
const HOLDOUT_ACHIEVED_RECALL: f64 = 0.80;

const TARGETS_PRECISION: f64 = 0.97;
const TARGETS_RECALL: f64 = 0.91;
const ACHIEVED_PRECISION: f64 = 0.86;
const ACHIEVED_RECALL: f64 = 0.91;

/// A labelled item as rdiff's type, to judge labelled targets against labelled results.
fn to_target(l: &Labelled) -> Target {
    let indicator = Indicator::ALL
        .into_iter()
        .find(|i| i.name() == l.indicator)
        .unwrap_or(Indicator::Other);
    let change = match l.change.as_deref() {
        Some("increase") => Some(Change::Increase),
        Some("decrease") => Some(Change::Decrease),
        _ => None,
    };
    let qualifiers = l
        .qualifiers
        .iter()
        .filter_map(|q| match qualifier_name(q).as_str() {
            "about" => Some(Qualifier::About),
            "at_least" => Some(Qualifier::AtLeast),
            "at_most" => Some(Qualifier::AtMost),
            "strive" => Some(Qualifier::Strive),
            "in_step" => Some(Qualifier::InStep),
            "assigned" => Some(Qualifier::Assigned),
            "stable" => Some(Qualifier::Stable),
            _ => None,
        })
        .collect();
    let figure = match (l.low, l.high) {
        (Some(low), Some(high)) => Some(Figure {
            low,
            high,
            unit: l.unit.clone().unwrap_or_default().replace('％', "%"),
        }),
        _ => None,
    };
    Target {
        indicator,
        name: String::new(),
        change,
        figure,
        qualifiers,
        clause: l.clause.clone(),
        sentence: 0,
    }
}

/// Year over year on the labelled places: for each labelled target with a figure, the verdict
/// rdiff gives (from what it read) against the verdict the labels give (labelled target
/// against labelled result).
#[test]
fn year_over_year_verdicts_agree_with_the_labels() {
    let normalizer = Normalizer::new();
    let mut labelled: Vec<(Label, plan::Plan)> = Vec::new();
    for path in json_files(ROOT) {
        let label: Label = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let document =
            read_path(Path::new(&label.file), &ReadOptions::default(), &normalizer).unwrap();
        let plan = plan::read(&document.reports[label.report]);
        labelled.push((label, plan));
    }
    labelled.sort_by(|a, b| (&a.0.place, a.0.year).cmp(&(&b.0.place, b.0.year)));
    let (mut asked, mut agree, mut pairs) = (0, 0, 0);
    println!("\nYear over year, labelled verdict against rdiff's:");
    for (earlier, plan_e) in &labelled {
        let Some((later, plan_l)) = labelled
            .iter()
            .find(|(l, _)| l.place == earlier.place && l.year == earlier.year + 1)
        else {
            continue;
        };
        pairs += 1;
        let goals: Vec<Target> = earlier.targets.iter().map(to_target).collect();
        let results: Vec<Target> = later.achieved.iter().map(to_target).collect();
        let truth = plan::year_over_year(&goals, &results);
        let read = plan::year_over_year(&plan_e.targets, &plan_l.achieved);
        for t in truth.iter().filter(|o| o.verdict != Verdict::NoFigure) {
            asked += 1;
            let mine = read.iter().find(|o| {
                o.target.indicator == t.target.indicator && o.target.figure == t.target.figure
            });
            let ok = mine.is_some_and(|o| o.verdict == t.verdict);
            agree += usize::from(ok);
            if !ok {
                println!(
                    "  {} {}: {:?} {:?}: labels say {:?}, rdiff {:?}",
                    earlier.place,
                    earlier.year,
                    t.target.indicator,
                    t.target.figure,
                    t.verdict,
                    mine.map(|o| o.verdict)
                );
            }
        }
    }
    let rate = ratio(agree, asked);
    println!(
        "  {agree} of {asked} verdicts agree ({:.1}%) over {pairs} consecutive pairs",
        100.0 * rate
    );
    assert!(pairs >= 7, "the Hailar years");
    assert!(rate >= VERDICTS_AGREE, "verdicts agree {rate:.3}");
}

const VERDICTS_AGREE: f64 = 0.94;
