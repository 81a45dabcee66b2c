//! The built-in list of national programme names (src/compare/commitments/national_names.txt)
//! is what `cargo run --example national_names` makes from the national reports today: a
//! change to how names are read must regenerate it.

#[path = "../examples/national_names.rs"]
#[allow(dead_code)]
mod generator;

use std::path::Path;

use rdiff::compare::commitments::names::{national_file, programme_names};
use rdiff::normalize::Normalizer;
use rdiff::read::{read_path, ReadOptions};

#[test]
fn the_national_names_list_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = generator::national_reports(root);
    assert!(
        files.len() >= 10,
        "the national reports are in the repository"
    );
    let normalizer = Normalizer::new();
    let documents: Vec<_> = files
        .iter()
        .map(|f| read_path(f, &ReadOptions::default(), &normalizer).unwrap())
        .collect();
    let sentences = documents
        .iter()
        .flat_map(|d| d.reports.iter())
        .flat_map(|r| r.iter_sentences())
        .map(|s| s.text.text.as_str());
    let made = national_file(files.len(), &programme_names(sentences));
    let shipped =
        std::fs::read_to_string(root.join("src/compare/commitments/national_names.txt")).unwrap();
    assert!(
        made == shipped,
        "national_names.txt is stale: run `cargo run --release --example national_names > src/compare/commitments/national_names.txt`"
    );
}
