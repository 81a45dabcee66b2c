//! Throughput of normalization and sentence splitting on ~10 MB of real report text.
//!
//! Run: `cargo bench --bench normalize` (prints MB/s; no statistics, one pass each after a
//! warm-up, enough to compare against the OpenCC command-line tool).

use std::hint::black_box;
use std::time::{Duration, Instant};

use rdiff::normalize::{self, Normalizer};
use rdiff::sentences;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn sample(path: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `text` repeated, line by line, to about 10 MB.
fn ten_megabytes(text: &str) -> String {
    let text = if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    text.repeat(TARGET_BYTES / text.len() + 1)
}

fn report(what: &str, bytes: usize, elapsed: Duration) {
    let mb_per_s = bytes as f64 / 1e6 / elapsed.as_secs_f64();
    println!(
        "{what:<58} {:>8.1} MB/s  ({:.1} MB in {elapsed:.2?})",
        mb_per_s,
        bytes as f64 / 1e6
    );
}

fn time<T>(what: &str, bytes: usize, run: impl Fn() -> T) {
    black_box(run()); // warm-up
    let start = Instant::now();
    black_box(run());
    report(what, bytes, start.elapsed());
}

fn main() {
    let start = Instant::now();
    normalize::preload();
    println!("t2s dictionaries loaded in {:.2?}", start.elapsed());

    let normalizer = Normalizer::new();
    let traditional = ten_megabytes(&sample("samples/congtai-2024-traditional.txt"));
    let simplified = ten_megabytes(&sample("samples/compilation-2024.txt"));
    let trad_sentences: Vec<&str> = traditional
        .lines()
        .flat_map(|line| sentences::split(line).into_iter().map(move |r| &line[r]))
        .collect();
    let simp_lines: Vec<&str> = simplified.lines().collect();

    time("is_traditional, Traditional", traditional.len(), || {
        normalizer.is_traditional(&traditional)
    });
    time("is_traditional, Simplified", simplified.len(), || {
        normalizer.is_traditional(&simplified)
    });
    time(
        "t2s (ferrous-opencc), Traditional, whole text",
        traditional.len(),
        || normalize::t2s(&traditional).len(),
    );
    time(
        "normalize(convert=true), Traditional, per sentence",
        traditional.len(),
        || {
            trad_sentences
                .iter()
                .map(|s| normalizer.normalize(s, true).len())
                .sum::<usize>()
        },
    );
    time(
        "normalize(convert=false), Simplified, per line",
        simplified.len(),
        || {
            simp_lines
                .iter()
                .map(|s| normalizer.normalize(s, false).len())
                .sum::<usize>()
        },
    );
    time(
        "fold_width, Simplified, whole text",
        simplified.len(),
        || normalize::fold_width(&simplified).len(),
    );
    time(
        "t2s (ferrous-opencc), Simplified, whole text",
        simplified.len(),
        || normalize::t2s(&simplified).len(),
    );
    let one_line = traditional.replace('\n', " ");
    time(
        "sentences::split, Traditional as one 10 MB line",
        one_line.len(),
        || sentences::split(&one_line).len(),
    );
}
