//! `--html`: the page a real headless Chromium builds agrees with `--json`, and a screenshot is
//! kept as an artifact (target/html-report.png).
//!
//! Chromium comes from Debian's `chromium` package, which `.ci/run` installs. Where it is
//! missing outside CI the test says so on the terminal (past cargo's capture) and stops; under
//! CI (CI=true) a missing browser, or a missing CJK font, fails.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};
use serde_json::Value;

use crate::{json_of, rdiff, sample};

fn chromium() -> Option<PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed: .ci/run installs Debian's chromium package"
        );
        // Straight to the stream, not eprintln!: cargo captures the macros' output of a passing
        // test, and a skip nobody sees reads as a pass.
        let _ = writeln!(
            std::io::stderr(),
            "html: SKIPPED: chromium not installed (apt-get install chromium); browser test not run"
        );
    }
    if found.is_some() && std::env::var_os("CI").is_some() {
        assert!(
            has_cjk_font(),
            "no CJK font: the screenshot would show boxes; .ci/run installs fonts-noto-cjk"
        );
    }
    found
}

/// Whether fontconfig knows a font covering Chinese (fonts-noto-cjk on Debian).
fn has_cjk_font() -> bool {
    Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .is_ok_and(|out| out.status.success() && !out.stdout.is_empty())
}

/// Run headless Chromium on a local file with a fresh profile and no network chatter.
fn headless(browser: &Path, profile: &Path, extra: &[&str], page: &Path) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

fn select<'a>(dom: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    dom.select(&selector).collect()
}

fn value_of(dom: &Html, id: &str) -> f64 {
    let found = select(dom, &format!("#{id}"));
    let element = found
        .first()
        .unwrap_or_else(|| panic!("#{id} missing from the page"));
    let value = element.value().attr("data-value").expect("data-value");
    value
        .parse()
        .unwrap_or_else(|_| panic!("#{id} data-value {value:?}"))
}

fn text_of(element: &scraper::ElementRef) -> String {
    element.text().collect::<String>()
}

#[test]
fn chromium_renders_what_the_json_says() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let (a, b) = (
        sample("shijiazhuang-2021.txt"),
        sample("congtai-2024-traditional.txt"),
    );
    let out = rdiff()
        .arg(&a)
        .arg(&b)
        .arg("--html")
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the reports differ");
    let json = json_of(&[a.as_os_str(), b.as_os_str(), "--json".as_ref()], 1);

    let out = headless(
        &browser,
        &dir.path().join("profile"),
        &["--dump-dom"],
        &page,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = Html::parse_document(&String::from_utf8_lossy(&out.stdout));

    check_summary(&dom, &json);
    check_sections(&dom, &json);

    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-report.png");
    let arg = format!("--screenshot={}", shot.display());
    let out = headless(
        &browser,
        &dir.path().join("profile2"),
        &[&arg, "--window-size=1280,1600"],
        &page,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real screenshot"
    );
}

fn check_summary(dom: &Html, json: &Value) {
    let summary = &json["summary"];
    for (id, field) in [
        ("a-reuse", "a_reuse"),
        ("b-reuse", "b_reuse"),
        ("a-template-reuse", "a_template_reuse"),
        ("b-template-reuse", "b_template_reuse"),
    ] {
        assert_eq!(Some(value_of(dom, id)), summary[field].as_f64(), "{id}");
    }
    for kind in ["equal", "template", "similar", "moved", "a_only", "b_only"] {
        let id = format!("count-{}", kind.replace('_', "-"));
        assert_eq!(
            Some(value_of(dom, &id)),
            summary["counts"][kind].as_f64(),
            "{id}"
        );
    }
}

fn check_sections(dom: &Html, json: &Value) {
    let sections = json["sections"].as_array().expect("sections");
    assert!(sections.len() >= 3, "the reports have several sections");
    assert_eq!(select(dom, "section.pair").len(), sections.len());
    let mut own = 0;
    for (n, section) in sections.iter().enumerate() {
        let found = select(dom, &format!("section.pair#s{n} .pair-head"));
        let head = found
            .first()
            .map(text_of)
            .unwrap_or_else(|| panic!("section {n} missing"));
        for side in ["a_heading", "b_heading"] {
            if let Some(heading) = section[side].as_str() {
                assert!(
                    head.contains(heading),
                    "section {n}: {heading:?} not in {head:?}"
                );
            }
        }
        for (m, item) in section["items"]
            .as_array()
            .expect("items")
            .iter()
            .enumerate()
        {
            let kind = item["kind"].as_str().unwrap_or_default();
            let side = match kind {
                "a_only" => "a",
                "b_only" => "b",
                _ => continue,
            };
            let found = select(dom, &format!("#s{n}-i{m}[data-kind={kind}] .{side}"));
            let cell = found
                .first()
                .map(text_of)
                .unwrap_or_else(|| panic!("row s{n}-i{m} missing"));
            let text = item[side]["text"].as_str().expect("text");
            assert!(
                cell.contains(text),
                "row s{n}-i{m}: {text:?} not in {cell:?}"
            );
            own += 1;
        }
    }
    assert!(
        own > 50,
        "each side's own sentences are on the page ({own})"
    );
}
