//! Building reports from a compact outline, for tests and examples; the invariants every
//! comparison keeps ([`invariants`], [`mirror`]), checked on whole inputs by [`exercise`] for
//! the tests and the fuzz targets; and seeded damage to input files ([`corrupt`]).
//!
//! Comparison is tested on reports whose structure is known exactly, independently of the
//! reading pipeline. An outline is plain text:
//!
//! ```text
//! Preamble sentence before any heading。
//! # 一、2023年工作回顾
//! First sentence。Second sentence。
//! ## (一)sub-heading
//! A sentence of the sub-section。
//! # 名词解释
//! ...
//! ```
//!
//! Lines starting with `#` are headings, the number of `#` giving the level; a heading starting
//! with 名词解释/注释 makes a glossary section, 附件/附录 an appendix. Other lines are split
//! into sentences after 。！？!? (the mark stays with its sentence). Text is normalized with
//! [`crate::normalize::fold_width`] only.

pub mod corrupt;
pub mod exercise;
pub mod invariants;
pub mod mirror;

use std::path::Path;

use crate::model::{Genre, Heading, Report, Section, SectionKind, Sentence, Text};

/// The characters of `s`, for tests that work on keys (`&[char]`).
pub fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}
use crate::normalize::fold_width;

/// A report read from an outline (see the module docs); `path` names it.
pub fn report_from_outline(path: &str, outline: &str) -> Report {
    let mut top: Vec<Section> = Vec::new();
    // The chain of open sections, outermost first; closed into their parents as levels drop.
    let mut open: Vec<Section> = Vec::new();
    for line in outline.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if hashes > 0 {
            let level = u8::try_from(hashes).unwrap_or(u8::MAX);
            close_to(&mut open, &mut top, level);
            let title = trimmed.trim_start_matches('#').trim();
            let kind = match open.first() {
                Some(parent) => parent.kind,
                None => kind_of_heading(title),
            };
            open.push(Section {
                heading: Some(Heading {
                    text: text(title),
                    numbering: None,
                }),
                level,
                kind,
                sentences: Vec::new(),
                children: Vec::new(),
            });
            continue;
        }
        if open.is_empty() {
            open.push(Section {
                heading: None,
                level: 1,
                kind: SectionKind::Preamble,
                sentences: Vec::new(),
                children: Vec::new(),
            });
        }
        if let Some(section) = open.last_mut() {
            section.sentences.extend(
                split_sentences(trimmed)
                    .into_iter()
                    .map(|s| Sentence { text: text(&s) }),
            );
        }
    }
    close_to(&mut open, &mut top, 1);
    Report {
        path: path.to_string(),
        title: None,
        title_derived: false,
        year_from: None,
        place_from: None,
        year: None,
        place: None,
        genre: Genre::Report,
        encoding: "UTF-8".to_string(),
        converted: false,
        sections: top,
        dropped: Vec::new(),
        warnings: Vec::new(),
    }
}

/// Split a paragraph into sentences after 。！？!? (and their full-width forms).
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in paragraph.chars() {
        current.push(c);
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            push_sentence(&mut out, &mut current);
        }
    }
    push_sentence(&mut out, &mut current);
    out
}

fn push_sentence(out: &mut Vec<String>, current: &mut String) {
    let s = current.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
    current.clear();
}

fn text(s: &str) -> Text {
    Text {
        text: fold_width(s),
        original: s.to_string(),
    }
}

fn kind_of_heading(title: &str) -> SectionKind {
    if title.starts_with("名词解释") || title.starts_with("注释") {
        SectionKind::Glossary
    } else if title.starts_with("附件") || title.starts_with("附录") {
        SectionKind::Appendix
    } else {
        SectionKind::Body
    }
}

/// Close open sections deeper than or at `level` into their parents (or the top level).
fn close_to(open: &mut Vec<Section>, top: &mut Vec<Section>, level: u8) {
    while let Some(last) = open.last() {
        if last.level < level {
            break;
        }
        let Some(done) = open.pop() else { break };
        match open.last_mut() {
            Some(parent) => parent.children.push(done),
            None => top.push(done),
        }
    }
}

/// The names of the entries of `dir`, sorted: what a writer left behind.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_builds_the_tree() {
        let r = report_from_outline(
            "t",
            "开场。\n# 一、回顾\n甲。乙!\n## (一)小节\n丙。\n# 二、安排\n丁。\n# 名词解释\n戊。",
        );
        assert_eq!(r.sections.len(), 4);
        assert_eq!(r.sections[0].kind, SectionKind::Preamble);
        assert_eq!(r.sections[1].sentences.len(), 2);
        assert_eq!(r.sections[1].children.len(), 1);
        assert_eq!(r.sections[1].children[0].level, 2);
        assert_eq!(r.sections[3].kind, SectionKind::Glossary);
        assert_eq!(r.sentence_count(), 6);
    }

    #[test]
    fn sentences_keep_their_mark() {
        assert_eq!(split_sentences("甲。乙？丙"), vec!["甲。", "乙？", "丙"]);
    }
}
