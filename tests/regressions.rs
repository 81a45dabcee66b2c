//! Every input a fuzz target (fuzz/) or a property test ever failed on, replayed through the
//! same checks: tests/fixtures/regressions/TARGET/ holds the inputs of target TARGET (`read`,
//! `compare`, `render`; see tests/fixtures/regressions/README.md).

use std::path::Path;

use rdiff::testing::exercise::{compare_input, read_input, render_input};

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/regressions")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    inputs.sort();
    for path in &inputs {
        let bytes = std::fs::read(path).expect("a regression input");
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} fails again", path.display());
    }
    inputs.len()
}

#[test]
fn read_regressions() {
    replay("read", read_input);
}

#[test]
fn compare_regressions() {
    assert!(replay("compare", compare_input) > 0, "the inputs are found");
}

#[test]
fn render_regressions() {
    replay("render", render_input);
}
