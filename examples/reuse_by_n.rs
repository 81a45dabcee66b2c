//! Measures reuse as a function of `min_match` (N) on the samples, to choose N's default.
//!
//! Run: `cargo run --release --example reuse_by_n` (from the repository root). Pairs: reports
//! of different cities in the same year (the 2024 compilation), year-over-year reports of one
//! district (hailaer), and different cities in different years.

use std::fs;

use rdiff::key::key_chars;
use rdiff::normalize::fold_width;
use rdiff::spans::{coverage, share};

fn read_utf8(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

fn read_gbk(path: &str) -> String {
    let bytes = fs::read(path).unwrap_or_default();
    encoding_rs::GBK.decode(&bytes).0.into_owned()
}

/// The compilation's reports: a title line "2024年X市政府工作报告" starts each (after the
/// contents list, whose lines carry page numbers).
fn compilation(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("2024年") && t.ends_with("政府工作报告") {
            out.push((t.to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out
}

fn reuse(a: &[char], b: &[char], n: usize) -> (f64, f64) {
    let ca = coverage(a, b, n).iter().filter(|&&c| c).count();
    let cb = coverage(b, a, n).iter().filter(|&&c| c).count();
    (share(ca, a.len()), share(cb, b.len()))
}

fn stats(values: &[f64]) -> String {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let min = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = values.iter().cloned().fold(0.0, f64::max);
    format!(
        "{:5.1} [{:4.1}–{:4.1}]",
        mean * 100.0,
        min * 100.0,
        max * 100.0
    )
}

fn main() {
    let comp: Vec<Vec<char>> = compilation(&read_utf8("samples/compilation-2024.txt"))
        .into_iter()
        .map(|(_, t)| key_chars(&fold_width(&t)))
        .collect();
    let hailaer: Vec<Vec<char>> = (2012..=2019)
        .map(|y| {
            key_chars(&fold_width(&read_gbk(&format!(
                "samples/hailaer/hailaer-{y}.txt"
            ))))
        })
        .collect();
    let sjz = key_chars(&fold_width(&read_utf8("samples/shijiazhuang-2021.txt")));
    let lf = key_chars(&fold_width(&read_utf8("samples/langfang-2024-excerpt.txt")));
    println!(
        "reports: compilation {}, hailaer {}; shares in % of key chars: mean [min–max]",
        comp.len(),
        hailaer.len()
    );
    println!(" N | cities, same year (2024) | hailaer year-over-year | other city+year");
    for n in [6, 8, 10, 12, 14, 16, 20, 30] {
        let mut same_year = Vec::new();
        for i in 0..comp.len() {
            for j in i + 1..comp.len() {
                let (x, y) = reuse(&comp[i], &comp[j], n);
                same_year.extend([x, y]);
            }
        }
        let mut yoy = Vec::new();
        for w in hailaer.windows(2) {
            let (x, y) = reuse(&w[0], &w[1], n);
            yoy.extend([x, y]);
        }
        let mut other = Vec::new();
        for h in &hailaer {
            for c in comp.iter().chain([&sjz, &lf]) {
                let (x, y) = reuse(h, c, n);
                other.extend([x, y]);
            }
        }
        for c in &comp {
            let (x, y) = reuse(&sjz, c, n);
            other.extend([x, y]);
        }
        println!(
            "{n:2} | {} | {} | {}",
            stats(&same_year),
            stats(&yoy),
            stats(&other)
        );
    }
}
