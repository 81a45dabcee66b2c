//! Attribution on a corpus of real reports: a planted report that copies 15 % of its text from
//! one report and 5 % from another, plus the corpus' most common phrases, gets the first as
//! its closest source and the second next, whatever their lengths and whatever else the
//! corpus holds (the Hailar series, where years copy from each other; two identical national
//! reports; the Liaoning cities, which share a provincial template).

use std::path::{Path, PathBuf};

use rdiff::corpus::synth::{sentence_pool, SynthCorpus, SynthOptions};
use rdiff::key::key_chars;
use serde_json::Value;

use crate::{json_of, rdiff, sample};

/// Every report the repository holds, one a file, in `dir`: the samples (the compilation
/// split) and the national reports of the reading fixtures.
fn real_corpus(dir: &Path) -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = rdiff()
        .arg("split")
        .arg(sample("compilation-2024.txt"))
        .arg("-o")
        .arg(dir)
        .output()
        .expect("rdiff runs");
    assert_eq!(out.status.code(), Some(0));
    let mut files: Vec<PathBuf> = crate::all_samples()
        .into_iter()
        .filter(|p| !p.ends_with("compilation-2024.txt"))
        .collect();
    let national = root.join("tests/fixtures/reading/real");
    for entry in std::fs::read_dir(&national).expect("fixtures are readable") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    for file in &files {
        let name = file.file_name().expect("a file name");
        std::fs::copy(file, dir.join(name)).expect("copy");
    }
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .collect();
    all.sort();
    all
}

/// The sentences of a report as rdiff reads them, headings left out.
fn sentences_of(path: &Path) -> Vec<String> {
    let out = rdiff()
        .arg("normalize")
        .arg(path)
        .output()
        .expect("rdiff runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.ends_with(['。', ';', '!', '?']) && key_chars(l).len() >= 16)
        .map(str::to_string)
        .collect()
}

/// Sentences of `from` spread through it (every 7th, from `start`, wrapping round), until
/// `chars` key characters.
fn take(from: &[String], chars: usize, start: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut total = 0;
    for k in 0..from.len() * 7 {
        if total >= chars {
            break;
        }
        let s = &from[(start + k * 7) % from.len()];
        if !out.contains(s) {
            total += key_chars(s).len();
            out.push(s.clone());
        }
    }
    out
}

/// A planted report of about `size` key characters: 15 % from `first`, 5 % from `second`,
/// the `common` phrases, the rest its own (real sentences made unique).
fn planted(
    first: &[String],
    second: &[String],
    common: &[String],
    own: &[String],
    size: usize,
) -> String {
    let mut parts = take(first, size * 15 / 100, 3);
    parts.extend(take(second, size * 5 / 100, 5));
    parts.extend(common.iter().map(|p| format!("{p}。")));
    let mut total: usize = parts.iter().map(|p| key_chars(p).len()).sum();
    for s in own {
        if total >= size {
            break;
        }
        total += key_chars(s).len();
        parts.push(s.clone());
    }
    // Interleave so that copied text is spread through the report, not one block.
    let mut mixed = vec![String::new(); parts.len()];
    let n = parts.len();
    for (i, p) in parts.into_iter().enumerate() {
        mixed[(i * 7919) % n] = p;
    }
    format!(
        "2024年某某县政府工作报告\n\n一、2023年工作回顾\n\n{}\n\n二、2024年工作安排\n\n{}\n",
        mixed[..n / 2].join(""),
        mixed[n / 2..].join("")
    )
}

fn report<'j>(json: &'j Value, name: &str) -> &'j Value {
    json["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in the corpus"))
}

#[test]
fn a_planted_report_is_attributed_to_the_reports_it_copies_from() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = real_corpus(dir.path());
    let path = |name: &str| {
        files
            .iter()
            .find(|p| p.file_stem().is_some_and(|s| s == name))
            .unwrap_or_else(|| panic!("{name} missing"))
            .clone()
    };
    let base = json_of(
        &[
            "matrix".as_ref(),
            "--json".as_ref(),
            "-q".as_ref(),
            dir.path().as_os_str(),
        ],
        0,
    );
    let n = base["reports"].as_array().expect("reports").len();
    // The national line of this corpus: the phrases most of its reports hold.
    let common: Vec<String> = base["boilerplate"]
        .as_array()
        .expect("phrases")
        .iter()
        .filter(|p| p["report_count"].as_u64().unwrap_or(0) as usize * 2 >= n)
        .map(|p| p["text"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(!common.is_empty(), "the corpus shares phrases");
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let pool = sentence_pool(&texts);
    // (first source, second source, size of the planted report): long and short reports as
    // either, a year of a series whose neighbours share its text, a city of a province whose
    // cities share a template.
    let cases = [
        ("national-2008-tmx", "2024年内江市政府工作报告", 12_000),
        ("langfang-2024-excerpt", "national-2016-tmx", 9_000),
        ("hailaer-2015", "shijiazhuang-2021", 10_000),
        (
            "2024年沈阳市政府工作报告",
            "2024年福州市政府工作报告",
            8_000,
        ),
        // A report the corpus holds twice: its copy shares the credit, not halves it.
        ("national-2022-tmx", "hailaer-2012", 10_000),
    ];
    for (i, (first, second, size)) in cases.iter().enumerate() {
        let own = SynthCorpus::generate(
            &pool,
            &SynthOptions {
                reports: 1,
                report_chars: *size,
                family_units: 0,
                boilerplate_units: 0,
                seed: 100 + i as u64,
                ..SynthOptions::default()
            },
        );
        let own: Vec<String> = own.units;
        let text = planted(
            &sentences_of(&path(first)),
            &sentences_of(&path(second)),
            &common,
            &own,
            *size,
        );
        std::fs::write(dir.path().join(format!("planted-{i}.txt")), text).expect("write");
    }
    let json = json_of(
        &[
            "matrix".as_ref(),
            "--json".as_ref(),
            "-q".as_ref(),
            dir.path().as_os_str(),
        ],
        0,
    );
    for (i, (first, second, _)) in cases.iter().enumerate() {
        let r = report(&json, &format!("planted-{i}"));
        // Copies of the first source stand beside it; the others rank after.
        let copies: Vec<&str> = report(&json, first)["copies"]
            .as_array()
            .expect("copies")
            .iter()
            .map(|c| c.as_str().unwrap_or(""))
            .collect();
        let all: Vec<&str> = r["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| s["name"].as_str().unwrap_or(""))
            .collect();
        assert!(
            all[..copies.len()]
                .iter()
                .all(|s| copies.contains(s) || s == first),
            "planted-{i}: sources {all:?}"
        );
        let sources: Vec<&str> = all
            .iter()
            .copied()
            .filter(|s| !copies.contains(s))
            .collect();
        assert_eq!(
            sources.get(..2),
            Some(&[*first, *second][..]),
            "planted-{i}: sources {all:?}"
        );
        let closest = r["closest"]["name"].as_str().unwrap_or("");
        assert!(closest == *first || copies.contains(&closest), "{closest}");
        assert_eq!(r["closest"]["clear"], true, "planted-{i}: {}", r["closest"]);
        let attribution = r["closest"]["attribution"].as_f64().unwrap_or(0.0);
        assert!(
            (0.08..=0.16).contains(&attribution),
            "planted-{i}: {first} attributed {attribution}"
        );
    }
}
