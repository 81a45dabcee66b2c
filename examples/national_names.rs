//! Writes the programme names of the national reports in tests/fixtures/reading/real/, one a
//! line: the list of programmes rdiff treats as national template in a pair comparison
//! (src/compare/commitments/national_names.txt; tests/national_names.rs checks it is current).
//!
//! Run from the repository root:
//! `cargo run --release --example national_names > src/compare/commitments/national_names.txt`

use std::path::{Path, PathBuf};

use rdiff::compare::commitments::names::{national_file, programme_names};
use rdiff::normalize::Normalizer;
use rdiff::read::{read_path, ReadOptions};

/// The national reports: tests/fixtures/reading/real/national-*.txt.
pub fn national_reports(root: &Path) -> Vec<PathBuf> {
    let dir = root.join("tests/fixtures/reading/real");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("run from the repository root")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("national-"))
        })
        .collect();
    files.sort();
    files
}

/// The file `national_names.txt` as the national reports under `root` make it today.
pub fn national_names_file(root: &Path) -> String {
    let files = national_reports(root);
    let normalizer = Normalizer::new();
    let documents: Vec<_> = files
        .iter()
        .map(|f| read_path(f, &ReadOptions::default(), &normalizer).expect("readable"))
        .collect();
    let sentences = documents
        .iter()
        .flat_map(|d| d.reports.iter())
        .flat_map(|r| r.iter_sentences())
        .map(|s| s.text.text.as_str());
    national_file(files.len(), &programme_names(sentences))
}

fn main() {
    print!("{}", national_names_file(Path::new(".")));
}
