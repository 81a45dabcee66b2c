//! `rdiff matrix` and `rdiff split` on the real samples: every cell is the pair comparison's
//! figure, outputs agree with each other, thread count changes nothing, bad inputs are
//! reported and the run goes on.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{json_of, rdiff, sample};

/// `rdiff matrix --json --quiet ARGS…`, expecting exit status `status`.
fn matrix_json(args: &[&OsStr], status: i32) -> Value {
    let mut all: Vec<&OsStr> = vec!["matrix".as_ref(), "--json".as_ref(), "--quiet".as_ref()];
    all.extend_from_slice(args);
    json_of(&all, status)
}

/// The compilation split into one file per report; returns the folder and the files.
fn split_compilation() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = rdiff()
        .arg("split")
        .arg(sample("compilation-2024.txt"))
        .arg("-o")
        .arg(dir.path())
        .output()
        .expect("rdiff runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<PathBuf> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(PathBuf::from)
        .collect();
    (dir, files)
}

fn names(json: &Value) -> Vec<String> {
    json["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| r["name"].as_str().unwrap_or("").to_string())
        .collect()
}

fn cell(json: &Value, key: &str, a: usize, b: usize) -> f64 {
    json[key][a][b].as_f64().expect("a number")
}

/// The pair comparison of two files: (a_reuse, b_reuse, a_template_reuse, b_template_reuse).
fn pair(a: &Path, b: &Path) -> [f64; 4] {
    let out = rdiff()
        .arg(a)
        .arg(b)
        .arg("--json")
        .output()
        .expect("rdiff runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let s = &json["summary"];
    ["a_reuse", "b_reuse", "a_template_reuse", "b_template_reuse"]
        .map(|k| s[k].as_f64().expect("a share"))
}

#[test]
fn split_writes_each_report_of_the_compilation_under_its_title() {
    let (_dir, files) = split_compilation();
    assert_eq!(files.len(), 7);
    let first = files[0].file_name().and_then(|n| n.to_str()).unwrap_or("");
    assert_eq!(first, "2024年济南市政府工作报告.txt");
    for file in &files {
        let text = std::fs::read_to_string(file).expect("UTF-8");
        assert!(
            !text.contains("目录"),
            "no contents list in {}",
            file.display()
        );
        let outline = json_of(
            &["outline".as_ref(), "--json".as_ref(), file.as_os_str()],
            0,
        );
        assert_eq!(
            outline["reports"].as_array().map(Vec::len),
            Some(1),
            "{}",
            file.display()
        );
    }
}

#[test]
fn compilation_cells_equal_the_pair_figures() {
    let json = matrix_json(&[sample("compilation-2024.txt").as_os_str()], 0);
    let (_dir, files) = split_compilation();
    let names = names(&json);
    assert_eq!(names.len(), files.len());
    for (a, file_a) in files.iter().enumerate() {
        let stem = file_a.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        assert_eq!(
            names[a], stem,
            "reports in compilation order, named by title"
        );
        for (b, file_b) in files.iter().enumerate().skip(a + 1) {
            let [ab, ba, tab, tba] = pair(file_a, file_b);
            assert_eq!(cell(&json, "matrix", a, b), ab, "{a} in {b}");
            assert_eq!(cell(&json, "matrix", b, a), ba, "{b} in {a}");
            assert_eq!(
                cell(&json, "template_matrix", a, b),
                tab,
                "{a} in {b}, template"
            );
            assert_eq!(
                cell(&json, "template_matrix", b, a),
                tba,
                "{b} in {a}, template"
            );
        }
    }
    // The split files give the same matrix as the compilation they came from.
    let folder = matrix_json(&[files[0].parent().expect("folder").as_os_str()], 0);
    let by_name: Vec<usize> = names
        .iter()
        .map(|n| {
            self::names(&folder)
                .iter()
                .position(|m| m == n)
                .expect("same names")
        })
        .collect();
    for a in 0..names.len() {
        for b in 0..names.len() {
            assert_eq!(
                cell(&json, "matrix", a, b),
                cell(&folder, "matrix", by_name[a], by_name[b])
            );
        }
    }
}

#[test]
fn hailar_year_over_year_cells_equal_the_pair_figures() {
    let json = matrix_json(&[sample("hailaer").as_os_str()], 0);
    let names = names(&json);
    assert_eq!(names.first().map(String::as_str), Some("hailaer-2012"));
    assert_eq!(names.len(), 8);
    for year in 1..names.len() {
        let old = sample(&format!("hailaer/{}.txt", names[year - 1]));
        let new = sample(&format!("hailaer/{}.txt", names[year]));
        let [old_in_new, new_in_old, ..] = pair(&old, &new);
        assert_eq!(
            cell(&json, "matrix", year, year - 1),
            new_in_old,
            "{}",
            names[year]
        );
        assert_eq!(cell(&json, "matrix", year - 1, year), old_in_new);
        assert!(
            new_in_old > 0.0,
            "{}: consecutive years share text",
            names[year]
        );
    }
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let run = |threads: &str| {
        rdiff()
            .env("RAYON_NUM_THREADS", threads)
            .args(["matrix", "--json", "--quiet"])
            .arg(sample("compilation-2024.txt"))
            .arg(sample("hailaer"))
            .output()
            .expect("rdiff runs")
    };
    let (one, two) = (run("1"), run("2"));
    assert_eq!(one.status.code(), Some(0));
    assert!(one.stdout.len() > 1000);
    assert!(one.stdout == two.stdout, "1 and 2 threads differ");
}

#[test]
fn csv_html_and_json_agree() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("m.csv");
    let html = dir.path().join("m.html");
    let json = matrix_json(
        &[
            sample("hailaer").as_os_str(),
            "--csv".as_ref(),
            csv.as_os_str(),
            "--html".as_ref(),
            html.as_os_str(),
        ],
        0,
    );
    let text = std::fs::read_to_string(&csv).expect("CSV written");
    let rows: Vec<Vec<&str>> = text
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').collect())
        .collect();
    let names = names(&json);
    assert_eq!(rows.len(), names.len() + 1);
    assert_eq!(rows[0][0], "report");
    for (a, row) in rows.iter().skip(1).enumerate() {
        assert_eq!(row[0], format!("\"{}\"", names[a]));
        assert_eq!(rows[0][a + 1], format!("\"{}\"", names[a]));
        for (b, value) in row.iter().skip(1).enumerate() {
            // serde_json reads floats to within an ulp; the CSV holds the shortest exact form.
            let csv_value = value.parse::<f64>().expect("a number");
            assert!((csv_value - cell(&json, "matrix", a, b)).abs() < 1e-12);
        }
    }
    let page = std::fs::read_to_string(&html).expect("HTML written");
    assert!(page.contains("<svg"));
    assert_eq!(page.matches("<rect x=").count(), names.len() * names.len());
    for name in &names {
        assert!(page.contains(name.as_str()));
    }
}

#[test]
fn pair_pages_are_written_and_linked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("m.html");
    let pairs = dir.path().join("pairs");
    let out = rdiff()
        .args(["matrix", "--quiet", "--html"])
        .arg(&html)
        .arg("--pairs-dir")
        .arg(&pairs)
        .arg(sample("hailaer/hailaer-2018.txt"))
        .arg(sample("hailaer/hailaer-2019.txt"))
        .arg(sample("langfang-2024-excerpt.txt"))
        .output()
        .expect("rdiff runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_dir(&pairs).expect("pairs written").count();
    assert_eq!(written, 3);
    let page = std::fs::read_to_string(&html).expect("page");
    assert_eq!(page.matches("<a href=\"pairs/pair-").count(), 6);
    assert!(pairs.join("pair-0001-0002.html").is_file());
}

#[test]
fn top_keeps_the_closest_sources_and_no_matrix() {
    let dense = matrix_json(&[sample("hailaer").as_os_str()], 0);
    let top = matrix_json(
        &[
            sample("hailaer").as_os_str(),
            "--top".as_ref(),
            "2".as_ref(),
        ],
        0,
    );
    assert!(top["matrix"].is_null() && top["template_matrix"].is_null());
    for (a, report) in top["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .enumerate()
    {
        let sources = report["sources"].as_array().expect("sources");
        assert_eq!(sources.len(), 2);
        // The dense run's first two sources, by attribution, with the matrix's cells.
        let dense_sources = dense["reports"][a]["sources"].as_array().expect("sources");
        assert_eq!(sources[..], dense_sources[..2]);
        for s in sources {
            let b = s["index"].as_u64().expect("index") as usize;
            assert_eq!(s["reuse"].as_f64(), Some(cell(&dense, "matrix", a, b)));
        }
    }
    assert_eq!(top["pairs"], dense["pairs"]);
}

#[test]
fn only_the_listed_pairs_get_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("m.html");
    let pages = dir.path().join("pairs");
    let json = matrix_json(
        &[
            sample("hailaer").as_os_str(),
            "--pairs".as_ref(),
            "3".as_ref(),
            "--html".as_ref(),
            html.as_os_str(),
            "--pairs-dir".as_ref(),
            pages.as_os_str(),
        ],
        0,
    );
    let listed = json["pairs"].as_array().expect("pairs");
    assert_eq!(listed.len(), 3, "8 reports have 28 pairs; 3 asked for");
    let mut written: Vec<String> = std::fs::read_dir(&pages)
        .expect("pages written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    let mut expected: Vec<String> = listed
        .iter()
        .map(|p| {
            let (a, b) = (
                p["a_index"].as_u64().unwrap(),
                p["b_index"].as_u64().unwrap(),
            );
            format!("pair-{:04}-{:04}.html", a + 1, b + 1)
        })
        .collect();
    expected.sort();
    assert_eq!(written, expected);
    let page = std::fs::read_to_string(&html).expect("page");
    assert_eq!(page.matches("<a href=\"pairs/pair-").count(), 6);
    assert_eq!(page.matches("no page (not a listed pair)").count(), 56 - 6);
}

#[test]
fn unreadable_inputs_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("empty.txt"), b"").expect("write");
    std::fs::write(
        dir.path().join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 0],
    )
    .expect("write");
    for year in ["2018", "2019"] {
        let from = sample(&format!("hailaer/hailaer-{year}.txt"));
        std::fs::copy(from, dir.path().join(format!("hailaer-{year}.txt"))).expect("copy");
    }
    let out = rdiff()
        .args(["matrix", "--json"])
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .output()
        .expect("rdiff runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| !l.contains("warning")).collect();
    assert_eq!(errors.len(), 3, "{stderr}");
    for (line, file) in errors
        .iter()
        .zip(["binary.txt", "empty.txt", "missing.txt"])
    {
        assert!(line.starts_with("rdiff: ") && line.contains(file), "{line}");
    }
    assert!(!stderr.contains("panicked"));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(names(&json), vec!["hailaer-2018", "hailaer-2019"]);
    assert_eq!(json["failed"].as_array().map(Vec::len), Some(3));
}

#[test]
fn terminal_output_lists_pairs_phrases_and_shares() {
    let out = rdiff()
        .args(["matrix", "--color", "never"])
        .arg(sample("compilation-2024.txt"))
        .output()
        .expect("rdiff runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for heading in ["Most similar pairs", "Most shared phrases", "Per report"] {
        assert!(text.contains(heading), "{text}");
    }
    assert!(text.contains("2024年内江市政府工作报告"));
    assert!(!text.contains('\u{1b}'), "no colour when asked for none");
}

#[test]
fn synthetic_report_files_show_the_planted_shares() {
    use rdiff::corpus::synth::{sentence_pool, SynthCorpus, SynthOptions};
    let texts: Vec<String> = [
        "compilation-2024.txt",
        "shijiazhuang-2021.txt",
        "congtai-2024-traditional.txt",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(sample(f)).expect("sample"))
    .collect();
    let options = SynthOptions {
        reports: 16,
        report_chars: 3_000,
        family_size: 8,
        family_units: 24,
        boilerplate_units: 12,
        ..SynthOptions::default()
    };
    let corpus = SynthCorpus::generate(&sentence_pool(&texts), &options);
    let dir = tempfile::tempdir().expect("temp dir");
    for (r, report) in corpus.reports.iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("{}.txt", report.name)),
            corpus.file_text(r),
        )
        .expect("write");
    }
    let json = matrix_json(
        &[dir.path().as_os_str(), "--phrases".as_ref(), "200".as_ref()],
        0,
    );
    assert_eq!(names(&json).len(), 16);
    for a in 0..16 {
        for b in 0..16 {
            let (measured, planted) = (cell(&json, "matrix", a, b), corpus.planted_share(a, b));
            assert!(
                (measured - planted).abs() <= 0.02,
                "({a}, {b}): {measured} vs {planted}"
            );
        }
    }
    let phrases = json["boilerplate"].as_array().expect("boilerplate");
    for (unit, holders) in corpus.boilerplate.iter().filter(|(_, h)| h.len() >= 2) {
        let key = rdiff::key::key_of(&corpus.units[*unit]);
        let wanted: Vec<String> = holders
            .iter()
            .map(|&r| corpus.reports[r].name.clone())
            .collect();
        let found = phrases
            .iter()
            .find(|p| rdiff::key::key_of(p["text"].as_str().unwrap_or("")).contains(&key));
        let found = found.unwrap_or_else(|| panic!("unit {unit} not listed"));
        assert_eq!(found["report_count"].as_u64(), Some(holders.len() as u64));
        let reports: Vec<String> = found["reports"]
            .as_array()
            .expect("reports")
            .iter()
            .map(|r| r.as_str().unwrap_or("").to_string())
            .collect();
        assert_eq!(reports, wanted);
    }
}
