//! Every input a fuzz target (fuzz/) or a property test ever failed on, replayed through the
//! same checks: tests/fixtures/regressions/TARGET/ holds the inputs of target TARGET (`read`,
//! `compare`, `render`; see tests/fixtures/regressions/README.md).

use std::path::Path;

use rdiff::testing::exercise::{compare_input, read_input, render_input};

/// The check each target's inputs go through.
fn check_of(target: &str) -> fn(&[u8]) {
    match target {
        "read" => read_input,
        "compare" => compare_input,
        "render" => render_input,
        other => panic!("tests/fixtures/regressions/{other}: no fuzz target of that name"),
    }
}

/// Every kept input, as (target, path), sorted. A target's folder appears with its first input.
fn kept_inputs() -> Vec<(String, std::path::PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regressions");
    let mut inputs = Vec::new();
    for folder in std::fs::read_dir(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display())) {
        let folder = folder.expect("a directory entry").path();
        if !folder.is_dir() {
            continue;
        }
        let target = folder
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a target name")
            .to_string();
        for entry in std::fs::read_dir(&folder).expect("a regression folder") {
            let path = entry.expect("a directory entry").path();
            if path.is_file() {
                inputs.push((target.clone(), path));
            }
        }
    }
    inputs.sort();
    inputs
}

#[test]
fn every_kept_input_passes_its_checks_again() {
    let inputs = kept_inputs();
    assert!(
        inputs.iter().any(|(t, _)| t == "compare") && inputs.iter().any(|(t, _)| t == "render"),
        "the kept inputs are found"
    );
    for (target, path) in &inputs {
        let run = check_of(target);
        let bytes = std::fs::read(path).expect("a regression input");
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} fails again", path.display());
    }
}
