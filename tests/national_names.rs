//! The built-in list of national programme names (src/compare/commitments/national_names.txt)
//! is what `cargo run --example national_names` makes from the national reports today: a
//! change to how names are read must regenerate it.

#[path = "../examples/national_names.rs"]
#[allow(dead_code)]
mod generator;

use std::path::Path;

#[test]
fn the_national_names_list_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        generator::national_reports(root).len() >= 10,
        "the national reports are in the repository"
    );
    let made = generator::national_names_file(root);
    let shipped =
        std::fs::read_to_string(root.join("src/compare/commitments/national_names.txt")).unwrap();
    assert!(
        made == shipped,
        "national_names.txt is stale: run `cargo run --release --example national_names > src/compare/commitments/national_names.txt`"
    );
}
