//! From pieces (lines, or parts of long lines) to blocks: headings and paragraphs.
//!
//! Line ends in copied reports are not paragraph ends: PDFs break sentences at page breaks
//! ("…18件民生实事" / "全部完成,财政民生支出…"). A line that does not end a sentence goes on
//! into the next line, unless a blank line (in a blank-line layout), a heading or a cut inside
//! a line says otherwise. A numbered line is a heading when its number continues a sequence
//! (see [`Sequences`]); its first sentence is the heading and the rest is body. A short
//! numbered line with no sentence stop is a heading alone; if the next line is a short
//! fragment with no stop either, the heading was wrapped and the fragment is its end.

use super::chars::{char_count, ends_sentence, first_sentence_end, has_sentence_stop, longer_than};
use super::headings::{is_unnumbered_candidate, Marker, Sequences, Style, MAX_HEADING_CHARS};
use super::lines::Piece;
use super::runs::{run_forms, Form};
use super::title;
use crate::model::SectionKind;

/// A heading, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingBlock {
    pub original: String,
    pub line: usize,
    /// Numbering style; `None` for a glossary or appendix heading.
    pub style: Option<Style>,
    pub numbering: Option<String>,
    pub kind: SectionKind,
}

/// A paragraph, as written (lines rejoined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphBlock {
    pub original: String,
    pub line: usize,
    /// Short, unterminated and standing between blank lines: may be a newspaper's unnumbered
    /// heading (decided once the whole report is seen, by [`promote_unnumbered`]).
    pub candidate: bool,
    /// One short line without a stop, right before a top-level numbered heading: may head a
    /// part above the numbered sections (decided by [`promote_parts`]).
    pub part_candidate: bool,
}

/// A heading or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(HeadingBlock),
    Paragraph(ParagraphBlock),
}

/// The blocks of one report, and how many line breaks were read as mere wraps.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Assembly {
    pub blocks: Vec<Block>,
    /// Lines joined to the line before them (sentences rejoined across line breaks).
    pub joins: usize,
    /// Of those, wrapped headings rejoined.
    pub heading_joins: usize,
}

/// Longest wrapped heading (both lines together) rejoined, in characters.
const MAX_WRAPPED_HEADING_CHARS: usize = 50;
/// Longest end of a wrapped heading, in characters. A longer unterminated line after a
/// heading is more likely the start of its first paragraph, broken at a page break
/// ("二、2024年工作安排" / "今年是中华人民共和国成立75周年,是实现…的关" / "键之年。…").
const MAX_HEADING_FRAGMENT_CHARS: usize = 12;

/// A paragraph being read.
#[derive(Debug)]
struct Open {
    original: String,
    line: usize,
    marker: Option<Marker>,
    pieces: usize,
    standalone: bool,
    /// The last line read does not end a sentence.
    unterminated: bool,
    /// …and does not end with a colon either: the sentence is broken, not introducing a list.
    mid_sentence: bool,
}

#[derive(Debug)]
struct Assembler {
    assembly: Assembly,
    /// How each numbered piece's run of siblings is written.
    forms: Vec<Option<Form>>,
    open: Option<Open>,
    sequences: Sequences,
    in_appendix: bool,
    blank_layout: bool,
}

/// Read pieces into blocks. `blank_layout`: the document separates paragraphs by blank lines.
pub fn assemble(pieces: &[Piece], blank_layout: bool) -> Assembly {
    let mut a = Assembler {
        assembly: Assembly::default(),
        forms: run_forms(pieces),
        open: None,
        sequences: Sequences::default(),
        in_appendix: false,
        blank_layout,
    };
    let mut i = 0;
    while i < pieces.len() {
        i = a.take(pieces, i);
    }
    a.flush();
    a.assembly
}

/// The largest number a heading standing alone may carry out of sequence.
const MAX_STANDALONE_ORDINAL: u32 = 30;

/// Marks that open a list item without a number.
const BULLETS: [char; 6] = ['●', '■', '•', '◆', '▪', '★'];

impl Assembler {
    /// Read piece `i`; returns the index of the next piece to read.
    fn take(&mut self, pieces: &[Piece], i: usize) -> usize {
        let piece = &pieces[i];
        let unterminated = self.open.as_ref().is_some_and(|o| o.unterminated);
        let mid_sentence = self.open.as_ref().is_some_and(|o| o.mid_sentence);
        // In a blank-line layout a blank line ends a paragraph; elsewhere blank lines are rare
        // and one inside a broken sentence is a page break.
        // A short line without a stop, then a top-level numbered heading: the line heads a
        // part ("“十四五”时期工作回顾" / "一、…"); it does not run on into the heading.
        // The heading must stand alone as top-level headings do ("全省排名位居第" / "一、全国
        // 前列。" is a sentence going on).
        let part_above = piece.starts_line
            && piece
                .marker
                .as_ref()
                .is_some_and(|m| matches!(m.style, Style::CnComma | Style::Part))
            && !longer_than(piece.text, MAX_HEADING_CHARS)
            && !has_sentence_stop(piece.text)
            && self
                .open
                .as_ref()
                .is_some_and(|o| o.pieces == 1 && o.marker.is_none() && is_part_line(&o.original));
        let unterminated = unterminated && !part_above;
        let mid_sentence = mid_sentence && !part_above;
        // A bulleted line is an item of its own (a newspaper's list of targets, ●…).
        let bullet = piece.starts_line && piece.text.trim_start().starts_with(BULLETS);
        let hard = part_above
            || bullet
            || !piece.starts_line
            || (piece.blank_before && (self.blank_layout || !unterminated));
        let wrapped = !hard && unterminated;
        if hard {
            self.flush();
        }
        if let Some(kind) = piece.appendix.filter(|_| !(wrapped && mid_sentence)) {
            self.flush();
            self.push_appendix(piece, kind);
            return i + 1;
        }
        if let Some(marker) = piece.marker.clone().filter(|_| !self.in_appendix) {
            // Unterminated and short: a heading alone, unless its siblings are written as
            // first sentences (then a page break cut this one).
            let alone = !has_sentence_stop(piece.text)
                && char_count(piece.text) <= MAX_HEADING_CHARS
                && self.forms.get(i).copied().flatten() != Some(Form::Sentence);
            // A numbered line standing alone after a finished sentence is a heading even out of
            // sequence: sections get moved, dropped or merged when reports are copied and
            // excerpted, and prose does not put "二、" on a line of its own.
            let standalone = alone && !wrapped && marker.ordinal <= MAX_STANDALONE_ORDINAL;
            if standalone || self.sequences.accepts(&marker, wrapped && mid_sentence) {
                self.flush();
                self.sequences.record(marker.style, marker.ordinal);
                if alone {
                    return self.push_heading_alone(pieces, i, marker);
                }
                self.open = Some(Open::new(pieces, i, Some(marker)));
                return i + 1;
            }
        }
        match self.open.as_mut().filter(|_| wrapped) {
            Some(open) => {
                open.extend(piece.text);
                self.assembly.joins += 1;
            }
            None => {
                self.flush();
                self.open = Some(Open::new(pieces, i, None));
            }
        }
        i + 1
    }

    /// A numbered heading on a line of its own; a short unterminated fragment after it is the
    /// rest of a wrapped heading.
    fn push_heading_alone(&mut self, pieces: &[Piece], i: usize, marker: Marker) -> usize {
        let piece = &pieces[i];
        let mut original = piece.text.to_string();
        let mut next = i + 1;
        if let Some(fragment) = pieces.get(next).filter(|n| {
            n.starts_line
                && !n.blank_before
                && !has_sentence_stop(n.text)
                && !n.text.ends_with([':', '：', ',', '，', '、'])
                && n.marker.is_none()
                && n.appendix.is_none()
                && char_count(n.text) <= MAX_HEADING_FRAGMENT_CHARS
                && char_count(&original) + char_count(n.text) <= MAX_WRAPPED_HEADING_CHARS
        }) {
            join_line(&mut original, fragment.text);
            self.assembly.joins += 1;
            self.assembly.heading_joins += 1;
            next += 1;
        }
        self.assembly.blocks.push(Block::Heading(HeadingBlock {
            original,
            line: piece.line,
            style: Some(marker.style),
            numbering: Some(marker.numbering),
            kind: SectionKind::Body,
        }));
        next
    }

    /// A glossary or appendix heading; two in a row ("附件" / "名词解释") are one heading.
    fn push_appendix(&mut self, piece: &Piece, kind: SectionKind) {
        self.in_appendix = true;
        if let Some(Block::Heading(last)) = self.assembly.blocks.last_mut() {
            if last.style.is_none() {
                last.original.push(' ');
                last.original.push_str(piece.text);
                if kind == SectionKind::Glossary {
                    last.kind = kind;
                }
                return;
            }
        }
        self.assembly.blocks.push(Block::Heading(HeadingBlock {
            original: piece.text.to_string(),
            line: piece.line,
            style: None,
            numbering: None,
            kind,
        }));
    }

    /// Close the paragraph being read: a numbered one becomes its heading (first sentence)
    /// and the rest.
    fn flush(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let blocks = &mut self.assembly.blocks;
        match open.marker {
            Some(marker) => {
                let text = open.original.as_str();
                let end = first_sentence_end(text, marker.len).unwrap_or(text.len());
                let (heading, body) = text.split_at(end);
                blocks.push(Block::Heading(HeadingBlock {
                    original: heading.trim().to_string(),
                    line: open.line,
                    style: Some(marker.style),
                    numbering: Some(marker.numbering),
                    kind: SectionKind::Body,
                }));
                let body = body.trim();
                if !body.is_empty() {
                    blocks.push(Block::Paragraph(ParagraphBlock {
                        original: body.to_string(),
                        line: open.line,
                        candidate: false,
                        part_candidate: false,
                    }));
                }
            }
            None => {
                let candidate = open.pieces == 1
                    && open.standalone
                    && self.blank_layout
                    && !self.in_appendix
                    && is_unnumbered_candidate(&open.original);
                let part_candidate =
                    open.pieces == 1 && !self.in_appendix && is_part_line(&open.original);
                blocks.push(Block::Paragraph(ParagraphBlock {
                    original: open.original,
                    line: open.line,
                    candidate,
                    part_candidate,
                }));
            }
        }
    }
}

impl Open {
    fn new(pieces: &[Piece], i: usize, marker: Option<Marker>) -> Open {
        let piece = &pieces[i];
        let blank_after = pieces.get(i + 1).is_none_or(|n| n.blank_before);
        let mut open = Open {
            original: String::new(),
            line: piece.line,
            marker,
            pieces: 0,
            standalone: piece.blank_before && blank_after,
            unterminated: false,
            mid_sentence: false,
        };
        open.extend(piece.text);
        open
    }

    fn extend(&mut self, text: &str) {
        join_line(&mut self.original, text);
        self.pieces += 1;
        // "各位代表:" stands alone: it addresses, it does not introduce the next line.
        self.unterminated = !ends_sentence(text) && !title::is_salutation_line(text);
        self.mid_sentence = self.unterminated && !text.trim_end().ends_with([':', '：']);
    }
}

/// Append a wrapped line: Chinese needs no space at a line break, Latin words do.
fn join_line(buf: &mut String, next: &str) {
    let latin_end = buf.chars().last().is_some_and(|c| c.is_ascii_alphabetic());
    let latin_start = next.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if latin_end && latin_start {
        buf.push(' ');
    }
    buf.push_str(next);
}

/// Longest part heading, in characters.
const MAX_PART_CHARS: usize = 40;

/// A line that could head a part: short, no stop, not ending like a clause, no number.
fn is_part_line(original: &str) -> bool {
    let text = original.trim();
    let last = text.chars().last().map(super::chars::fold_char);
    // Cheapest first: a paragraph (nearly every one) ends in a stop or is long.
    text.len() <= 4 * MAX_PART_CHARS
        && !ends_sentence(text)
        && !longer_than(text, MAX_PART_CHARS)
        && longer_than(text, 3)
        && !has_sentence_stop(text)
        && !last.is_some_and(|c| ":,、;—-".contains(c))
        && !title::starts_with_salutation(text)
        && super::headings::parse_marker(text).is_none()
}

/// Make part candidates headings above the numbered sections when there are at least two of
/// them (parts come in twos and threes: review, plan, this year's work); a lone one stays text.
pub fn promote_parts(blocks: &mut [Block]) {
    let is_top = |b: Option<&Block>| matches!(b, Some(Block::Heading(h)) if matches!(h.style, Some(Style::CnComma | Style::Part)));
    let parts: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            matches!(&blocks[i], Block::Paragraph(p) if p.part_candidate)
                && is_top(blocks.get(i + 1))
        })
        .collect();
    if parts.len() < 2 {
        return;
    }
    for i in parts {
        if let Block::Paragraph(p) = &blocks[i] {
            blocks[i] = Block::Heading(HeadingBlock {
                original: p.original.clone(),
                line: p.line,
                style: Some(Style::Unnumbered),
                numbering: None,
                kind: SectionKind::Body,
            });
        }
    }
}

/// Make candidate paragraphs unnumbered headings when the report has no 一、-style headings
/// and each is followed by text; consecutive candidates ("在推进…中迈出新时代" /
/// "——…调研报告") are one heading.
pub fn promote_unnumbered(blocks: &mut Vec<Block>) {
    let numbered_top = blocks.iter().any(
        |b| matches!(b, Block::Heading(h) if matches!(h.style, Some(Style::CnComma | Style::Part))),
    );
    if numbered_top {
        return;
    }
    let old = std::mem::take(blocks);
    let mut group: Vec<ParagraphBlock> = Vec::new();
    for block in old {
        match block {
            Block::Paragraph(p) if p.candidate => group.push(p),
            other => {
                let followed_by_text = matches!(&other, Block::Paragraph(_))
                    || matches!(&other, Block::Heading(h) if h.style.is_some());
                flush_group(blocks, &mut group, followed_by_text);
                blocks.push(other);
            }
        }
    }
    flush_group(blocks, &mut group, false);
}

fn flush_group(blocks: &mut Vec<Block>, group: &mut Vec<ParagraphBlock>, promote: bool) {
    if group.is_empty() {
        return;
    }
    if !promote {
        blocks.extend(group.drain(..).map(Block::Paragraph));
        return;
    }
    let line = group.first().map_or(0, |p| p.line);
    let original = group
        .drain(..)
        .map(|p| p.original)
        .collect::<Vec<_>>()
        .join(" ");
    blocks.push(Block::Heading(HeadingBlock {
        original,
        line,
        style: Some(Style::Unnumbered),
        numbering: None,
        kind: SectionKind::Body,
    }));
}
