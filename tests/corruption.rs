//! Random corruption: hundreds of damaged samples (seeded, so every run feeds the same bytes)
//! through reading, comparing and every printer, in-process. Each must be refused with a
//! message or read (no text lost silently), compared and printed well-formed; nothing may
//! panic. The binary gets a handful of the same in tests/e2e/corruption.rs.

use rayon::prelude::*;
use rdiff::testing::corrupt::corrupt;
use rdiff::testing::exercise::{compare_checked, print_checked, read_checked};

const SAMPLES: &[&str] = &[
    "compilation-2024.txt",
    "congtai-2024-traditional.txt",
    "langfang-2020-news-article.txt",
    "langfang-2024-excerpt.txt",
    "shijiazhuang-2021.txt",
    "hailaer/hailaer-2012.txt",
    "hailaer/hailaer-2015.txt",
    "hailaer/hailaer-2018.txt",
];

/// Damaged files per sample.
const CASES: u64 = 32;

/// Most of the work is in comparing, which grows with length: a window of a sample keeps
/// each case fast while still cutting through headings, paragraphs and characters.
const WINDOW: usize = 3000;

/// Damage `CASES` windows of sample number `n`; returns (read, refused).
fn damage_sample(n: usize, path: &str) -> (usize, usize) {
    let bytes = std::fs::read(format!("samples/{path}")).expect("a sample");
    let (mut read_ok, mut refused) = (0, 0);
    for case in 0..CASES {
        let seed = (n as u64) << 32 | case;
        let start = (seed as usize).wrapping_mul(7919) % bytes.len().saturating_sub(WINDOW).max(1);
        let window = &bytes[start..(start + WINDOW).min(bytes.len())];
        let original = read_checked(path, window).and_then(|d| d.reports.into_iter().next());
        let (damaged, damages) = corrupt(window, seed);
        let label = format!("{path} (seed {seed}, {damages:?})");
        let Some(document) = read_checked(&label, &damaged) else {
            refused += 1;
            continue;
        };
        read_ok += 1;
        let report = document.reports.first();
        if let (Some(report), Some(other)) = (report, original.as_ref().or(report)) {
            let cmp = compare_checked(report, other);
            print_checked(&cmp, report, other);
        }
    }
    (read_ok, refused)
}

#[test]
fn damaged_samples_are_refused_or_read_compared_and_printed_well_formed() {
    let counts: Vec<(usize, usize)> = SAMPLES
        .par_iter()
        .enumerate()
        .map(|(n, path)| damage_sample(n, path))
        .collect();
    let read_ok: usize = counts.iter().map(|c| c.0).sum();
    let refused: usize = counts.iter().map(|c| c.1).sum();
    println!("damaged files read: {read_ok}, refused: {refused}");
    assert_eq!(read_ok + refused, SAMPLES.len() * CASES as usize);
    assert!(read_ok > refused, "most damage leaves text readable");
}
