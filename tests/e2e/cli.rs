//! Command-line conventions: `-` reads standard input, and completions and the man page come
//! from the same definitions as `--help`.

use crate::{rdiff, sample};

#[test]
fn a_dash_reads_one_report_from_standard_input() {
    let a = sample("langfang-2024-excerpt.txt");
    let b = sample("hailaer/hailaer-2019.txt");
    let from_file = rdiff()
        .arg(&a)
        .arg(&b)
        .arg("--json")
        .output()
        .expect("rdiff runs");
    let from_stdin = rdiff()
        .arg("-")
        .arg(&b)
        .arg("--json")
        .write_stdin(std::fs::read(&a).expect("sample"))
        .output()
        .expect("rdiff runs");
    assert_eq!(from_stdin.status.code(), from_file.status.code());
    let json = |out: &[u8]| -> serde_json::Value { serde_json::from_slice(out).expect("JSON") };
    let (file, stdin) = (json(&from_file.stdout), json(&from_stdin.stdout));
    assert_eq!(stdin["summary"], file["summary"]);
    assert_eq!(stdin["a"]["title"], file["a"]["title"]);
    // Standard input can be read once: not both reports.
    let both = rdiff()
        .args(["-", "-"])
        .write_stdin("")
        .output()
        .expect("rdiff runs");
    assert_eq!(both.status.code(), Some(2));
    let err = String::from_utf8_lossy(&both.stderr);
    assert!(err.contains("standard input"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn completions_and_the_man_page_name_every_subcommand() {
    let text = |args: &[&str]| {
        let out = rdiff().args(args).output().expect("rdiff runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let bash = text(&["generate", "bash"]);
    let zsh = text(&["generate", "zsh"]);
    let fish = text(&["generate", "fish"]);
    let man = text(&["generate", "man"]);
    assert!(
        zsh.starts_with("#compdef rdiff"),
        "{}",
        &zsh[..40.min(zsh.len())]
    );
    assert!(man.contains(".TH rdiff 1"));
    for sub in ["outline", "normalize", "matrix", "split"] {
        for (shell, script) in [
            ("bash", &bash),
            ("zsh", &zsh),
            ("fish", &fish),
            ("man", &man),
        ] {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
    }
    // Flags too: completing `rdiff matrix --` offers --common.
    assert!(bash.contains("--common") && fish.contains("common"));
}

#[test]
fn a_warning_is_printed_once() {
    let article = sample("langfang-2020-news-article.txt");
    let pair = rdiff()
        .arg(&article)
        .arg(&article)
        .arg("--summary")
        .output()
        .expect("rdiff runs");
    let compilation = sample("compilation-2024.txt");
    let matrix = rdiff()
        .args(["matrix"])
        .arg(&compilation)
        .arg(&compilation)
        .output()
        .expect("rdiff runs");
    for (what, out) in [("pair", pair), ("matrix", matrix)] {
        let err = String::from_utf8_lossy(&out.stderr);
        let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning:")).collect();
        assert_eq!(warnings.len(), 1, "{what}: {err}");
    }
}
