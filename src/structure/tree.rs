//! From blocks to the section tree, and paragraphs to sentences.
//!
//! Levels follow the conventional rank of numbering styles, compressed to the styles a report
//! uses: a report whose only headings are (一) has them at level 1; one using 一、 and (一)
//! has them at 1 and 2. Glossaries and appendices are always top-level.

use std::collections::BTreeSet;

use super::blocks::{Block, HeadingBlock};
use super::headings::Style;
use crate::model::{Heading, Section, SectionKind, Sentence, Text};
use crate::sentences;

/// Build the sections of one report. `to_text` pairs an original with its normalized form.
pub fn build(blocks: &[Block], to_text: &dyn Fn(&str) -> Text) -> Vec<Section> {
    let styles: BTreeSet<Style> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => h.style,
            Block::Paragraph(_) => None,
        })
        .collect();
    let level_of = |h: &HeadingBlock| -> u8 {
        h.style
            .and_then(|s| styles.iter().position(|x| *x == s))
            .map_or(1, |p| u8::try_from(p + 1).unwrap_or(u8::MAX))
    };
    let mut roots: Vec<Section> = Vec::new();
    let mut open: Vec<Section> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading(h) => {
                let level = level_of(h);
                close_to(&mut open, &mut roots, level);
                open.push(Section {
                    heading: Some(Heading {
                        text: to_text(&h.original),
                        numbering: h.numbering.clone(),
                    }),
                    level,
                    kind: h.kind,
                    sentences: Vec::new(),
                    children: Vec::new(),
                });
            }
            Block::Paragraph(p) => {
                let sentences = split_sentences(&p.original, to_text);
                match open.last_mut() {
                    Some(section) => section.sentences.extend(sentences),
                    None => preamble(&mut roots).sentences.extend(sentences),
                }
            }
        }
    }
    close_to(&mut open, &mut roots, 0);
    roots
}

/// Close open sections at `level` or deeper, attaching each to its parent.
fn close_to(open: &mut Vec<Section>, roots: &mut Vec<Section>, level: u8) {
    while open.last().is_some_and(|s| s.level >= level) {
        let Some(section) = open.pop() else {
            break;
        };
        match open.last_mut() {
            Some(parent) => parent.children.push(section),
            None => roots.push(section),
        }
    }
}

/// The preamble (text before any heading), created on first use.
fn preamble(roots: &mut Vec<Section>) -> &mut Section {
    if !roots
        .last()
        .is_some_and(|s| s.kind == SectionKind::Preamble)
    {
        roots.push(Section {
            heading: None,
            level: 1,
            kind: SectionKind::Preamble,
            sentences: Vec::new(),
            children: Vec::new(),
        });
    }
    let last = roots.len() - 1;
    &mut roots[last]
}

/// The sentences of one paragraph, each kept as written and normalized (`sentences::split`
/// trims them and leaves out empty ones).
fn split_sentences(paragraph: &str, to_text: &dyn Fn(&str) -> Text) -> Vec<Sentence> {
    sentences::split(paragraph)
        .into_iter()
        .filter_map(|range| paragraph.get(range))
        .map(|s| Sentence { text: to_text(s) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::blocks::ParagraphBlock;

    fn heading(text: &str, style: Option<Style>, kind: SectionKind) -> Block {
        Block::Heading(HeadingBlock {
            original: text.to_string(),
            line: 1,
            style,
            numbering: None,
            kind,
        })
    }

    fn para(text: &str) -> Block {
        Block::Paragraph(ParagraphBlock {
            original: text.to_string(),
            line: 1,
            candidate: false,
            part_candidate: false,
        })
    }

    fn outline(sections: &[Section]) -> Vec<String> {
        let mut out = Vec::new();
        for s in sections {
            let name = s.heading.as_ref().map_or("-", |h| h.text.text.as_str());
            out.push(format!(
                "{} {} {:?} {}",
                s.level,
                name,
                s.kind,
                s.sentences.len()
            ));
            out.extend(outline(&s.children).into_iter().map(|l| format!("  {l}")));
        }
        out
    }

    #[test]
    fn levels_are_compressed_to_the_styles_used() {
        let blocks = [
            para("各位代表:"),
            heading("(一)甲", Some(Style::CnParen), SectionKind::Body),
            para("甲文。"),
            heading("(1)子", Some(Style::ArabicParen), SectionKind::Body),
            para("子文。"),
            heading("(二)乙", Some(Style::CnParen), SectionKind::Body),
            heading("名词解释", None, SectionKind::Glossary),
            para("1.词:释义。"),
        ];
        let sections = build(&blocks, &|s| Text::plain(s));
        assert_eq!(
            outline(&sections),
            vec![
                "1 - Preamble 1",
                "1 (一)甲 Body 1",
                "  2 (1)子 Body 1",
                "1 (二)乙 Body 0",
                "1 名词解释 Glossary 1",
            ]
        );
    }

    #[test]
    fn a_deeper_heading_nests_and_a_higher_one_closes() {
        let blocks = [
            heading("一、回顾", Some(Style::CnComma), SectionKind::Body),
            heading("(一)甲", Some(Style::CnParen), SectionKind::Body),
            para("甲文。"),
            heading("二、安排", Some(Style::CnComma), SectionKind::Body),
            para("安排文。"),
        ];
        let sections = build(&blocks, &|s| Text::plain(s));
        assert_eq!(
            outline(&sections),
            vec![
                "1 一、回顾 Body 0",
                "  2 (一)甲 Body 1",
                "1 二、安排 Body 1"
            ]
        );
        assert_eq!(sections[0].sentence_count(), 1);
    }
}
