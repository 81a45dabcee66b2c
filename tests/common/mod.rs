//! Real sample reports as `Report`s with sections, built without the reading pipeline: lines
//! that look like top-level headings ("一、…") or short sub-headings ("(一)…") become outline
//! headings, everything else is split into sentences at 。！？.

#![allow(dead_code)]

use rdiff::model::Report;
use rdiff::normalize::fold_width;
use rdiff::testing::report_from_outline;

/// A sample's text, decoded (the hailaer series is GBK, the rest UTF-8).
pub fn sample_text(path: &str) -> String {
    let bytes = std::fs::read(format!("samples/{path}")).unwrap_or_default();
    if path.starts_with("hailaer/") {
        encoding_rs::GBK.decode(&bytes).0.into_owned()
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// Outline of a text: heading-looking lines marked with `#`/`##`.
pub fn outline_of(text: &str) -> String {
    let numerals = "一二三四五六七八九十";
    let mut out = String::new();
    for line in text.lines() {
        // Per line: folding turns line breaks into spaces.
        let folded = fold_width(line);
        let t = folded.trim();
        let short = t.chars().count() <= 40 && !t.trim_end_matches('。').contains('。');
        let numeral_run = t.chars().take_while(|c| numerals.contains(*c)).count();
        let second = t.chars().nth(1).unwrap_or(' ');
        if short && numeral_run > 0 && t.chars().nth(numeral_run) == Some('、') {
            out.push_str("# ");
        } else if short && t.starts_with('(') && numerals.contains(second) {
            out.push_str("## ");
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}

/// A sample file as one report.
pub fn sample_report(path: &str) -> Report {
    report_from_outline(path, &outline_of(&sample_text(path)))
}

/// The reports of the 2024 compilation: a title line "2024年…政府工作报告" starts each
/// (the contents list's lines carry page numbers and do not match).
pub fn compilation_reports() -> Vec<Report> {
    let text = sample_text("compilation-2024.txt");
    let mut parts: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("2024年") && t.ends_with("政府工作报告") {
            parts.push((t.to_string(), String::new()));
        } else if let Some(last) = parts.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    parts
        .into_iter()
        .map(|(title, body)| report_from_outline(&title, &outline_of(&body)))
        .collect()
}

/// A tiny deterministic pseudo-random sequence (tests must not depend on a seed source).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The label files (`*.json`) directly in `dir`, sorted by path.
pub fn json_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// `a / b`, 1 when there is nothing to measure.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}
