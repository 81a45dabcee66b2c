//! Targets through every command: `outline`, a pair (JSON, terminal, HTML), and the matrix
//! (JSON, `--targets-csv`), on the Hailar series, where one district's consecutive reports
//! let each year's targets meet the next year's review.

use serde_json::Value;

use crate::{json_of, rdiff, sample};

fn hailaer(year: u16) -> std::path::PathBuf {
    sample(&format!("hailaer/hailaer-{year}.txt"))
}

/// The (indicator, change, low) of a JSON list of targets.
fn facts(list: &Value) -> Vec<(String, Option<String>, Option<f64>)> {
    list.as_array()
        .expect("a list of targets")
        .iter()
        .map(|t| {
            (
                t["indicator"].as_str().unwrap_or_default().to_string(),
                t["change"].as_str().map(str::to_string),
                t["figure"]["low"].as_f64(),
            )
        })
        .collect()
}

#[test]
fn outline_lists_the_targets_passage() {
    let outline = json_of(
        &[
            "outline".as_ref(),
            hailaer(2015).as_os_str(),
            "--json".as_ref(),
        ],
        0,
    );
    let json = &outline["reports"];
    let targets = facts(&json[0]["targets"]);
    // 地区生产总值增长8%,达到296亿元 (the labelled reading, tests/fixtures/targets).
    assert_eq!(
        targets[0],
        ("gdp".into(), Some("increase".into()), Some(8.0))
    );
    assert_eq!(targets[1], ("gdp".into(), None, Some(296.0)));
    assert!(!facts(&json[0]["achieved"]).is_empty());
    let out = rdiff().arg("outline").arg(hailaer(2015)).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("targets (9):"), "{text}");
    assert!(text.contains("+11.5%"));
}

#[test]
fn consecutive_years_of_one_place_meet_in_the_pair() {
    let json = json_of(
        &[
            hailaer(2015).as_os_str(),
            hailaer(2016).as_os_str(),
            "--json".as_ref(),
        ],
        1,
    );
    let yoy = &json["targets"]["year_over_year"];
    assert_eq!(yoy["earlier"], "a");
    assert_eq!(yoy["year"], 2015);
    let outcomes = yoy["outcomes"].as_array().unwrap();
    let gdp = outcomes
        .iter()
        .find(|o| o["target"]["indicator"] == "gdp" && o["target"]["change"] == "increase")
        .expect("the GDP growth target");
    // Target 8%, achieved 8.9% (同比增长8.9%).
    assert_eq!(gdp["achieved"]["figure"]["low"], 8.9);
    assert_eq!(gdp["verdict"], "met");
    // Swapped, the later report is A: the same verdicts, from B's side.
    let swapped = json_of(
        &[
            hailaer(2016).as_os_str(),
            hailaer(2015).as_os_str(),
            "--json".as_ref(),
        ],
        1,
    );
    assert_eq!(swapped["targets"]["year_over_year"]["earlier"], "b");
    assert_eq!(
        swapped["targets"]["year_over_year"]["outcomes"], yoy["outcomes"],
        "the same judgement either way"
    );
    // Years apart are not year over year.
    let apart = json_of(
        &[
            hailaer(2015).as_os_str(),
            hailaer(2017).as_os_str(),
            "--json".as_ref(),
        ],
        1,
    );
    assert!(apart["targets"]["year_over_year"].is_null());
}

#[test]
fn the_pair_shows_targets_side_by_side_in_text_and_html() {
    let out = rdiff()
        .arg(hailaer(2015))
        .arg(hailaer(2016))
        .args(["--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let table = text
        .split("── Main expected targets")
        .nth(1)
        .expect("a targets table");
    let gdp = table
        .lines()
        .find(|l| l.trim_start().starts_with("GDP"))
        .unwrap();
    assert!(gdp.contains("+8%") && gdp.contains("+7.5%"), "{gdp}");
    assert!(text.contains("── A's targets for 2015 against B's review of 2015"));
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pair.html");
    rdiff()
        .arg(hailaer(2015))
        .arg(hailaer(2016))
        .arg("--html")
        .arg(&page)
        .output()
        .unwrap();
    let html = std::fs::read_to_string(&page).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("section#targets table.targets tbody tr").unwrap();
    assert!(doc.select(&rows).count() >= 6, "a row per indicator");
    let verdicts = scraper::Selector::parse("#targets td.met").unwrap();
    assert!(doc.select(&verdicts).count() >= 1);
}

#[test]
fn matrix_targets_csv_holds_what_the_json_says() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("targets.csv");
    let folder = sample("hailaer");
    let json = json_of(
        &[
            "matrix".as_ref(),
            folder.as_os_str(),
            "--json".as_ref(),
            "-q".as_ref(),
            "--targets-csv".as_ref(),
            csv.as_os_str(),
        ],
        0,
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("report,place,year,list,indicator,name,change,low,high,unit,qualifiers,clause")
    );
    let rows: Vec<&str> = lines.collect();
    let reports = json["reports"].as_array().unwrap();
    let expected: usize = reports
        .iter()
        .map(|r| r["targets"].as_array().unwrap().len() + r["achieved"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), expected);
    let first = &reports[0]["targets"][0];
    let low = first["figure"]["low"].as_f64().unwrap();
    assert!(
        rows[0].contains(&format!(
            ",target,{},",
            first["indicator"].as_str().unwrap()
        )) && rows[0].contains(&format!(",{low},")),
        "{}",
        rows[0]
    );
    // Seven consecutive pairs of years, each with its outcomes.
    let yoy = json["year_over_year"].as_array().unwrap();
    assert_eq!(yoy.len(), 7);
    assert!(yoy
        .iter()
        .all(|p| !p["outcomes"].as_array().unwrap().is_empty()));
}
