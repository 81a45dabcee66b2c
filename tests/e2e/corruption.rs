//! A handful of damaged samples through the real binary (tests/corruption.rs runs hundreds
//! in-process): every command ends with a result or a one-line error, never a panic, and what
//! it writes is well-formed.

use std::path::{Path, PathBuf};
use std::process::Output;

use rdiff::testing::corrupt::corrupt;
use rdiff::testing::invariants::{page_problems, terminal_problems};

use crate::{rdiff, sample};

const SAMPLES: [&str; 4] = [
    "shijiazhuang-2021.txt",
    "congtai-2024-traditional.txt",
    "hailaer/hailaer-2016.txt",
    "langfang-2024-excerpt.txt",
];

/// Damaged copies of the samples in a temporary folder, two per sample.
fn damaged_files() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut files = Vec::new();
    for (n, name) in SAMPLES.iter().enumerate() {
        let bytes = std::fs::read(sample(name)).expect("a sample");
        for seed in [n as u64, 100 + n as u64] {
            let (damaged, _) = corrupt(&bytes, seed);
            let path = dir.path().join(format!("{seed}.txt"));
            std::fs::write(&path, damaged).expect("write a damaged file");
            files.push(path);
        }
    }
    (dir, files)
}

/// Exit 0 or 1 with a result, or 2 with `rdiff: ` lines on stderr; never a panic.
fn assert_ended_cleanly(what: &str, out: &Output) -> bool {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(
        stderr.lines().all(|l| l.starts_with("rdiff: ")),
        "{what}: {stderr}"
    );
    let code = out.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit {code:?}: {stderr}"
    );
    if code == Some(2) {
        assert!(!stderr.is_empty(), "{what}: exit 2 without a message");
    }
    code != Some(2)
}

fn assert_json(what: &str, out: &Output) {
    if assert_ended_cleanly(what, out) {
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap_or_else(|e| panic!("{what}: stdout is not JSON: {e}"));
    }
}

fn assert_page(what: &str, path: &Path) {
    if let Ok(page) = std::fs::read_to_string(path) {
        let problems = page_problems(&page);
        assert!(problems.is_empty(), "{what}: {problems:#?}");
    }
}

#[test]
fn damaged_files_through_every_command() {
    let (dir, files) = damaged_files();
    let original = sample("shijiazhuang-2021.txt");
    for file in &files {
        let what = file.display().to_string();
        let out = rdiff()
            .args(["outline", "--json"])
            .arg(file)
            .output()
            .unwrap();
        assert_json(&what, &out);
        let out = rdiff().arg("normalize").arg(file).output().unwrap();
        if assert_ended_cleanly(&what, &out) {
            assert_eq!(
                terminal_problems(&out.stdout),
                Vec::<String>::new(),
                "{what}"
            );
        }
        let html = dir.path().join("pair.html");
        let out = rdiff()
            .arg(file)
            .arg(&original)
            .arg("--html")
            .arg(&html)
            .output()
            .unwrap();
        if assert_ended_cleanly(&what, &out) {
            assert_eq!(
                terminal_problems(&out.stdout),
                Vec::<String>::new(),
                "{what}"
            );
            assert_page(&what, &html);
        }
        let out = rdiff()
            .arg(&original)
            .arg(file)
            .arg("--json")
            .output()
            .unwrap();
        assert_json(&what, &out);
    }
    let (csv, html) = (dir.path().join("m.csv"), dir.path().join("m.html"));
    let out = rdiff()
        .args(["matrix", "--quiet", "--json", "--csv"])
        .arg(&csv)
        .arg("--html")
        .arg(&html)
        .args(&files)
        .output()
        .unwrap();
    assert_json("matrix", &out);
    assert_page("matrix", &html);
    let csv = std::fs::read_to_string(&csv).expect("the CSV is written");
    assert!(csv.lines().count() > files.len() / 2, "{csv}");
}
