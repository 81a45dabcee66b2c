//! Timing sanity for `compare` (not a benchmark): two ~300 KB reports, and a report made of
//! one boilerplate sentence repeated 10,000 times (the quadratic trap).
//!
//! Run: `cargo run --release --example compare_timing` (from the repository root).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use rdiff::compare::{compare, CompareOptions};
use rdiff::model::Report;
use rdiff::testing::report_from_outline;

fn timed(label: &str, a: &Report, b: &Report) {
    let start = Instant::now();
    let c = compare(a, b, &CompareOptions::default());
    let json = serde_json::to_string(&c).map(|j| j.len()).unwrap_or(0);
    println!(
        "{label}: {:.3}s  (A {} chars/{} sentences, B {} chars/{} sentences; reuse {:.3}/{:.3}; \
         equal {} template {} similar {} moved {}; JSON {} KB)",
        start.elapsed().as_secs_f64(),
        c.a.chars,
        c.a.sentences,
        c.b.chars,
        c.b.sentences,
        c.summary.a_reuse,
        c.summary.b_reuse,
        c.summary.counts.equal,
        c.summary.counts.template,
        c.summary.counts.similar,
        c.summary.counts.moved,
        json / 1024
    );
}

/// A variant of `outline`: figures changed in every 5th line, every 7th line dropped, a few
/// words changed in every 3rd, and the top-level sections rotated.
fn perturbed(outline: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (i, line) in outline.lines().enumerate() {
        if i % 7 == 3 && !line.starts_with('#') {
            continue;
        }
        let mut l = line.to_string();
        if i % 5 == 0 {
            l = l.replace('1', "7").replace('2', "9");
        }
        if i % 3 == 0 {
            l = l.replacen("发展", "进步", 1);
        }
        lines.push(l);
    }
    let text = lines.join("\n");
    let mut parts: Vec<&str> = text.split("\n# ").collect();
    if parts.len() > 2 {
        parts[1..].rotate_left(1);
    }
    parts.join("\n# ")
}

fn main() {
    let compilation = common::outline_of(&common::sample_text("compilation-2024.txt"));
    let hailaer = common::outline_of(&common::sample_text("hailaer/hailaer-2016.txt"));
    let a = report_from_outline("compilation", &compilation);
    let b = report_from_outline(
        "perturbed",
        &format!("{}\n{hailaer}", perturbed(&compilation)),
    );
    timed("two ~300 KB reports", &a, &b);
    timed("~300 KB report with itself", &a, &a);

    let sentence = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。";
    let boiler = report_from_outline(
        "boiler",
        &format!("# 一、工作\n{}", sentence.repeat(10_000)),
    );
    let boiler_changed = report_from_outline(
        "boiler2",
        &format!(
            "# 一、工作\n{}",
            sentence.replace("全面", "深入").repeat(10_000)
        ),
    );
    timed("boilerplate x10,000 with itself", &boiler, &boiler);
    timed(
        "boilerplate x10,000 with reworded x10,000",
        &boiler,
        &boiler_changed,
    );
    timed("boilerplate x10,000 with ~300 KB report", &boiler, &a);
}
