//! Reading filters on a real pair: `--own`, `--shared`, `--commitments`, `--section` and
//! `--summary`, the same selection in the terminal and the JSON, the figures always whole.

use serde_json::Value;

use crate::{rdiff, sample};

const PAIR: [&str; 2] = ["hailaer/hailaer-2018.txt", "hailaer/hailaer-2019.txt"];

fn run(flags: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = rdiff()
        .arg(sample(PAIR[0]))
        .arg(sample(PAIR[1]))
        .args(flags)
        .output()
        .expect("rdiff runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code(), out.stdout, err)
}

fn json(flags: &[&str]) -> Value {
    let mut flags = flags.to_vec();
    flags.push("--json");
    let (code, stdout, err) = run(&flags);
    assert_eq!(code, Some(1), "{err}");
    crate::schema::assert_valid("compare", &stdout);
    serde_json::from_slice(&stdout).expect("JSON")
}

fn kinds(cmp: &Value) -> Vec<String> {
    cmp["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["items"].as_array().expect("items").iter())
        .map(|i| i["kind"].as_str().expect("kind").to_string())
        .collect()
}

fn count(kinds: &[String], kind: &str) -> usize {
    kinds.iter().filter(|k| *k == kind).count()
}

#[test]
fn own_and_shared_text_split_the_sentences_and_keep_the_figures() {
    let whole = json(&[]);
    let own = json(&["--own"]);
    let shared = json(&["--shared"]);
    assert_eq!(own["summary"], whole["summary"]);
    assert_eq!(shared["summary"], whole["summary"]);
    assert_eq!(own["view"]["only"], "own");
    let (all, own_kinds, shared_kinds) = (kinds(&whole), kinds(&own), kinds(&shared));
    assert!(own_kinds
        .iter()
        .all(|k| ["a_only", "b_only", "heading"].contains(&k.as_str())));
    assert!(shared_kinds
        .iter()
        .all(|k| ["equal", "template", "similar", "heading"].contains(&k.as_str())));
    for kind in ["a_only", "b_only"] {
        assert!(count(&all, kind) > 0, "{kind}");
        assert_eq!(count(&own_kinds, kind), count(&all, kind), "{kind}");
    }
    for kind in ["equal", "template", "similar"] {
        assert_eq!(count(&shared_kinds, kind), count(&all, kind), "{kind}");
    }
    assert!(own["shared_phrases"].as_array().expect("list").is_empty());
    assert!(!shared["shared_phrases"]
        .as_array()
        .expect("list")
        .is_empty());
    assert!(own["commitments"]["a"].as_array().expect("list").is_empty());
}

#[test]
fn commitments_only_keep_every_commitment_and_the_targets() {
    let whole = json(&[]);
    let only = json(&["--commitments"]);
    assert!(kinds(&only).is_empty());
    for side in ["a", "b"] {
        let texts = |v: &Value| -> Vec<Value> {
            v["commitments"][side]
                .as_array()
                .expect("list")
                .iter()
                .map(|c| c["text"].clone())
                .collect()
        };
        assert!(!texts(&whole).is_empty(), "{side}");
        assert_eq!(texts(&only), texts(&whole), "{side}");
    }
    assert_eq!(only["targets"], whole["targets"]);
}

#[test]
fn one_section_is_chosen_by_part_of_its_heading() {
    let whole = json(&[]);
    let one = json(&["--section", "工作安排"]);
    let headings: Vec<String> = one["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| format!("{} {}", s["a_heading"], s["b_heading"]))
        .collect();
    assert!(!headings.is_empty());
    assert!(
        headings.iter().all(|h| h.contains("工作安排")),
        "{headings:?}"
    );
    assert!(headings.len() < whole["sections"].as_array().expect("sections").len());
    for c in one["commitments"]["a"].as_array().expect("list") {
        assert!(
            c["section"].as_str().unwrap_or("").contains("工作安排"),
            "{c}"
        );
    }
    let (code, _, err) = run(&["--section", "没有这样的标题"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--section") && err.trim().lines().count() == 1,
        "{err}"
    );
}

#[test]
fn the_summary_applies_to_json() {
    let whole = json(&[]);
    let summary = json(&["--summary"]);
    assert_eq!(summary["summary"], whole["summary"]);
    assert_eq!(
        summary["sections"].as_array().expect("sections").len(),
        whole["sections"].as_array().expect("sections").len()
    );
    assert!(kinds(&summary).is_empty());
    assert_eq!(summary["view"]["summary"], true);
}

#[test]
fn the_terminal_shows_the_same_selection() {
    let lines = |flags: &[&str]| {
        let (code, stdout, err) = run(flags);
        assert_eq!(code, Some(1), "{err}");
        String::from_utf8(stdout).expect("UTF-8")
    };
    let whole = lines(&[]);
    let own = lines(&["--own"]);
    assert!(own.contains("showing: own text only"), "{own}");
    assert!(own.lines().count() < whole.lines().count());
    assert!(!own
        .lines()
        .any(|l| l.starts_with("  = ") || l.starts_with("  ~A ")));
    assert!(
        own.lines().any(|l| l.starts_with("  - ")) && own.lines().any(|l| l.starts_with("  + "))
    );
    let shared = lines(&["--shared"]);
    assert!(!shared
        .lines()
        .any(|l| l.starts_with("  - ") || l.starts_with("  + ")));
    // Flags that choose a kind of text exclude each other.
    let (code, _, err) = run(&["--own", "--shared"]);
    assert_eq!(code, Some(2), "{err}");
}
