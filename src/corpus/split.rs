//! `rdiff split`: each report of a compilation written to its own UTF-8 file.
//!
//! The reading model keeps each report's text as written, line by line: title and meeting line
//! (set aside as [`DropReason::Title`] and [`DropReason::Byline`]), headings, and sentences. A
//! report is written back from it: head lines, then every heading on its own line and every
//! section's own sentences as one paragraph, paragraphs separated by blank lines. Page
//! furniture and contents lists stay out. Reading a written file gives the same sentences,
//! hence the same key and the same figures, as the report had in the compilation (an
//! end-to-end test checks it on the compilation sample).
//!
//! Files are named after the report's title, made safe for file systems (no path separators or
//! characters Windows refuses, no reserved device names, at most [`MAX_NAME_CHARS`]
//! characters), and numbered " (2)", " (3)"… when two would clash (case-insensitively, as on
//! macOS and Windows). Existing files of the same name are replaced.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::{Document, DropReason, Report, Section};
use crate::output::{write_atomically, WriteError};

/// Longest file name stem written, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Why reports could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SplitError {
    #[error("{path}: no report text found")]
    NoReports { path: String },
    #[error("cannot create folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Write every report of `document` into `dir` (created if missing); returns the files written.
pub fn write_reports(document: &Document, dir: &Path) -> Result<Vec<PathBuf>, SplitError> {
    let reports: Vec<&Report> = document
        .reports
        .iter()
        .filter(|r| r.sentence_count() > 0)
        .collect();
    if reports.is_empty() {
        return Err(SplitError::NoReports {
            path: document.path.clone(),
        });
    }
    std::fs::create_dir_all(dir).map_err(|source| SplitError::Folder {
        path: dir.display().to_string(),
        source,
    })?;
    let names = file_names(&reports);
    let mut written = Vec::with_capacity(reports.len());
    for (report, name) in reports.iter().zip(names) {
        let path = dir.join(name);
        let text = report_text(report);
        write_atomically(&path, |out| out.write_all(text.as_bytes()))?;
        written.push(path);
    }
    Ok(written)
}

/// One file name per report: its sanitized title (or "report-k"), numbered on clashes.
pub fn file_names(reports: &[&Report]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut names = Vec::with_capacity(reports.len());
    for (i, report) in reports.iter().enumerate() {
        let stem = report
            .title
            .as_ref()
            .map(|t| sanitize(&t.original))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("report-{}", i + 1));
        let mut name = format!("{stem}.txt");
        let mut k = 1;
        while taken.contains(&name.to_lowercase()) {
            k += 1;
            name = format!("{stem} ({k}).txt");
        }
        taken.insert(name.to_lowercase());
        names.push(name);
    }
    names
}

/// A title made safe as a file name stem.
pub fn sanitize(title: &str) -> String {
    let replaced: String = title
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .take(MAX_NAME_CHARS)
        .collect();
    let trimmed = replaced.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let reserved = ["CON", "PRN", "AUX", "NUL"]
        .iter()
        .any(|r| trimmed.eq_ignore_ascii_case(r))
        || (trimmed.len() == 4
            && (trimmed.to_ascii_uppercase().starts_with("COM")
                || trimmed.to_ascii_uppercase().starts_with("LPT"))
            && trimmed.ends_with(|c: char| c.is_ascii_digit()));
    if reserved {
        format!("{trimmed}_")
    } else {
        trimmed.to_string()
    }
}

/// A report's text as written: head lines, then headings and paragraphs.
pub fn report_text(report: &Report) -> String {
    let mut out = String::new();
    let mut head: Vec<_> = report
        .dropped
        .iter()
        .filter(|d| matches!(d.reason, DropReason::Title | DropReason::Byline))
        .collect();
    head.sort_by_key(|d| d.line);
    if head.is_empty() && !report.title_derived {
        if let Some(title) = &report.title {
            out.push_str(&title.original);
            out.push_str("\n\n");
        }
    }
    for d in &head {
        out.push_str(d.text.trim());
        out.push('\n');
    }
    if !head.is_empty() {
        out.push('\n');
    }
    for section in &report.sections {
        write_section(&mut out, section);
    }
    out
}

fn write_section(out: &mut String, section: &Section) {
    if let Some(h) = &section.heading {
        out.push_str(h.text.original.trim());
        out.push_str("\n\n");
    }
    if !section.sentences.is_empty() {
        for s in &section.sentences {
            out.push_str(s.text.original.trim());
        }
        out.push_str("\n\n");
    }
    for child in &section.children {
        write_section(out, child);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;
    use crate::testing::report_from_outline;

    fn titled(title: &str) -> Report {
        let mut r = report_from_outline("c.txt", "甲。");
        r.title = Some(Text::plain(title));
        r
    }

    #[test]
    fn names_are_safe_and_numbered_on_clashes() {
        let reports = [
            titled("2024年A市政府工作报告"),
            titled("2024年a市政府工作报告"),
            titled("a/b:c?"),
            titled(" .. "),
            titled("con"),
        ];
        let refs: Vec<&Report> = reports.iter().collect();
        assert_eq!(
            file_names(&refs),
            vec![
                "2024年A市政府工作报告.txt",
                "2024年a市政府工作报告 (2).txt",
                "a_b_c_.txt",
                "report-4.txt",
                "con_.txt",
            ]
        );
    }

    #[test]
    fn long_titles_are_cut() {
        let long = "很".repeat(300);
        assert_eq!(sanitize(&long).chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn text_has_headings_on_their_own_lines() {
        let mut r = report_from_outline("c.txt", "开场。\n# 一、回顾\n甲。乙。\n## (一)小节\n丙。");
        r.title = Some(Text::plain("2024年某市政府工作报告"));
        assert_eq!(
            report_text(&r),
            "2024年某市政府工作报告\n\n开场。\n\n一、回顾\n\n甲。乙。\n\n(一)小节\n\n丙。\n\n"
        );
    }

    #[test]
    fn reports_are_written_to_files() {
        let dir = tempfile::tempdir().unwrap();
        let document = Document {
            path: "c.txt".into(),
            encoding: "UTF-8".into(),
            reports: vec![
                titled("甲报告"),
                titled("乙报告"),
                report_from_outline("c", ""),
            ],
            warnings: Vec::new(),
        };
        let out = dir.path().join("out");
        let written = write_reports(&document, &out).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(
            std::fs::read_to_string(&written[1]).unwrap(),
            "乙报告\n\n甲。\n\n"
        );
        let empty = Document {
            reports: Vec::new(),
            ..document
        };
        assert!(matches!(
            write_reports(&empty, &out),
            Err(SplitError::NoReports { .. })
        ));
    }
}
