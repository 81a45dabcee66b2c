//! From decoded text to reports: page furniture dropped, compilations split, each report's
//! head read, lines rejoined into paragraphs, headings found, the section tree built and
//! paragraphs split into sentences.
//!
//! Every number rdiff reports rests on this reading, so it is conservative: text is only
//! dropped when it matches a known shape of furniture (and every drop is listed with its line),
//! and a numbered line is only a heading when its number continues a plausible sequence.
//!
//! The stages, one submodule each:
//! - `lines`: lines, and paragraphs hidden in long lines;
//! - `furniture` and `ads`: site chrome, captions, page numbers, contents lists, pasted ads;
//! - `compilation`: where each report of a compilation starts;
//! - `header` and `title`: title, meeting line, speaker; year, place and genre;
//! - `headings`, `runs` and `blocks`: heading numbering, lines rejoined into paragraphs;
//! - `tree`: sections and sentences.
//!
//! Recognition runs on the normalized text (one script, one width) so that （一） and (一),
//! 名詞解釋 and 名词解释 are the same; cutting runs on the original, so every heading and
//! sentence keeps the text exactly as written beside its normalized form. (A sentence
//! rejoined across a line break keeps its lines' text without the break.)
//!
//! Known limits: a numbered line cut by a page break is rejoined with the next line only when
//! its siblings are written as first sentences, or when the cut-off end is short and has no
//! stop; captions and ads broken across lines are not recognised; running page headers
//! (a title repeated on every page) are kept as text; unnumbered newspaper headings are only
//! found in blank-line layouts.

mod ads;
mod blocks;
mod chars;
mod chrome;
mod compilation;
mod furniture;
mod header;
mod headings;
mod lines;
mod page;
mod runs;
mod title;
mod tree;

use std::ops::Range;

use crate::decode::Decoded;
use crate::model::{Document, DropReason, Dropped, Genre, Report, Text};
use crate::normalize::Normalizer;
use lines::{Line, Piece};

/// What reading one report involved, for measuring the reader on real input.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReportStats {
    /// Lines joined to the line before them (sentences and headings rejoined across breaks).
    pub lines_joined: usize,
    /// Of those, wrapped headings rejoined.
    pub headings_rejoined: usize,
}

/// Read a decoded file into its report(s).
pub fn read_document(path: &str, decoded: &Decoded, normalizer: &Normalizer) -> Document {
    read_document_with_stats(path, decoded, normalizer).0
}

/// [`read_document`], also returning per-report statistics (in the order of the reports).
pub fn read_document_with_stats(
    path: &str,
    decoded: &Decoded,
    normalizer: &Normalizer,
) -> (Document, Vec<ReportStats>) {
    let convert = normalizer.is_traditional(&decoded.text);
    let normalize = |s: &str| normalizer.normalize(s, convert);
    let encoding = decoded.encoding_name();
    let reading = Reading {
        path,
        encoding: &encoding,
        converted: convert,
        normalize: &normalize,
    };
    let all_lines = lines::split_lines(&decoded.text);
    let prepared = prepare(&all_lines, &normalize);
    let ranges = compilation::split(&prepared.pieces);
    let (mut reports, stats): (Vec<Report>, Vec<ReportStats>) = ranges
        .iter()
        .map(|r| reading.report(&prepared.pieces[r.clone()], prepared.blank_layout))
        .unzip();
    distribute_dropped(&mut reports, &prepared, &ranges);
    let mut warnings = decoded.warnings();
    warnings.extend(compilation::contents_warning(
        &prepared.contents_entries,
        &reports,
    ));
    let document = Document {
        path: path.to_string(),
        encoding: reading.encoding.to_string(),
        reports,
        warnings,
    };
    (document, stats)
}

/// The whole file, furniture removed and cut into pieces.
struct Prepared<'a> {
    pieces: Vec<Piece<'a>>,
    /// Furniture found line by line (the head of each report is read later).
    dropped: Vec<Dropped>,
    contents_entries: Vec<String>,
    /// Paragraphs are separated by blank lines.
    blank_layout: bool,
    /// Paragraphs are separated by spaces inside lines (a report pasted as one line).
    spaced: bool,
}

/// Drop furniture lines and pasted ads, and cut the rest into pieces.
fn prepare<'a>(all_lines: &[Line<'a>], normalize: &dyn Fn(&str) -> String) -> Prepared<'a> {
    let mut norms: Vec<String> = all_lines.iter().map(|l| normalize(l.text)).collect();
    let furniture = line_furniture(&norms);
    let mut prepared = Prepared {
        pieces: Vec::new(),
        dropped: Vec::new(),
        contents_entries: furniture.contents_entries,
        blank_layout: false,
        spaced: lines::spaces_separate_paragraphs(all_lines),
    };
    let mut blank_pending = false;
    let mut layout = Layout::default();
    for (i, line) in all_lines.iter().enumerate() {
        if line.text.is_empty() {
            blank_pending = true;
            continue;
        }
        if let Some(reason) = furniture.reasons[i] {
            prepared.record_drop(line, reason, line.text);
            continue;
        }
        layout.line(line.text, blank_pending);
        // The line's normalized text serves again when the line is one piece (most lines).
        let norm = std::mem::take(&mut norms[i]);
        prepared.push_line(line, norm, blank_pending, normalize);
        blank_pending = false;
    }
    prepared.blank_layout = layout.is_blank_separated();
    prepared
}

/// Which lines are furniture, and why: each line on its own, then what only shows across
/// lines (contents lists, link blocks, running headers, repeated text).
struct LineFurniture {
    reasons: Vec<Option<DropReason>>,
    contents_entries: Vec<String>,
}

fn line_furniture(norms: &[String]) -> LineFurniture {
    let norm_refs: Vec<&str> = norms.iter().map(String::as_str).collect();
    let contents = furniture::find_contents(&norm_refs);
    let mut reasons: Vec<Option<DropReason>> = norm_refs
        .iter()
        .enumerate()
        .map(|(i, norm)| {
            if norm.is_empty() {
                None
            } else if contents.lines.binary_search(&i).is_ok() {
                Some(DropReason::ContentsList)
            } else if title::is_editor_note(norm) {
                Some(DropReason::EditorNote)
            } else {
                furniture::classify_line(norm)
            }
        })
        .collect();
    let dropped: Vec<bool> = reasons.iter().map(Option::is_some).collect();
    for (i, reason) in page::find(&norm_refs, &dropped) {
        reasons[i] = Some(reason);
    }
    LineFurniture {
        reasons,
        contents_entries: contents.entries,
    }
}

/// Whether paragraphs are separated by blank lines, judged where paragraphs certainly end:
/// after lines that end a sentence. Lines broken inside sentences (page breaks, re-wrapping)
/// do not count either way, so re-breaking a file does not change its layout.
#[derive(Debug, Default)]
struct Layout {
    /// The previous content line ended a sentence.
    previous_ended: bool,
    sentence_ends: usize,
    followed_by_blank: usize,
}

impl Layout {
    fn line(&mut self, text: &str, blank_before: bool) {
        if self.previous_ended {
            self.sentence_ends += 1;
            self.followed_by_blank += usize::from(blank_before);
        }
        self.previous_ended = chars::ends_sentence(text);
    }

    fn is_blank_separated(&self) -> bool {
        self.sentence_ends >= 1 && self.followed_by_blank * 2 >= self.sentence_ends
    }
}

impl<'a> Prepared<'a> {
    fn record_drop(&mut self, line: &Line, reason: DropReason, text: &str) {
        self.dropped.push(Dropped {
            line: line.number,
            reason,
            text: text.to_string(),
        });
    }

    /// Cut one line of text into pieces, ads dropped. The text on either side of an ad is
    /// read as if the ad were a line break.
    fn push_line(
        &mut self,
        line: &Line<'a>,
        line_norm: String,
        blank_before: bool,
        normalize: &dyn Fn(&str) -> String,
    ) {
        let cut = ads::cut_ads(line.text);
        for ad in &cut.ads {
            self.record_drop(line, DropReason::SiteChrome, ad);
        }
        let mut blank_before = blank_before;
        let mut line_norm = Some(line_norm);
        for part in cut.parts {
            // Only a space can cut a line into paragraphs.
            let segments = if line.has_space {
                lines::split_paragraphs(part, self.spaced, normalize)
            } else {
                vec![part]
            };
            for (k, segment) in segments.into_iter().enumerate() {
                let norm = match line_norm.take() {
                    Some(norm) if segment == line.text => norm,
                    _ => normalize(segment),
                };
                self.pieces
                    .push(Piece::new(line.number, segment, norm, blank_before, k == 0));
                blank_before = false;
            }
        }
    }
}

/// What every report of one file shares.
struct Reading<'a> {
    path: &'a str,
    encoding: &'a str,
    converted: bool,
    normalize: &'a dyn Fn(&str) -> String,
}

impl Reading<'_> {
    fn to_text(&self, original: &str) -> Text {
        Text {
            text: (self.normalize)(original),
            original: original.to_string(),
        }
    }

    /// Read one report from its pieces.
    fn report(&self, pieces: &[Piece], blank_layout: bool) -> (Report, ReportStats) {
        let head = header::scan(pieces);
        let body = without(pieces, &head.dropped);
        let mut assembly = blocks::assemble(&body, blank_layout);
        blocks::promote_parts(&mut assembly.blocks);
        blocks::promote_unnumbered(&mut assembly.blocks);
        let sections = tree::build(&assembly.blocks, &|s| self.to_text(s));
        let identity = header::identify(&head, &header::BodyEvidence::of(&sections));
        let dropped = head
            .dropped
            .iter()
            .filter_map(|(i, reason)| pieces.get(*i).map(|p| (p, *reason)))
            .map(|(p, reason)| Dropped {
                line: p.line,
                reason,
                text: p.text.to_string(),
            })
            .collect();
        let mut warnings = Vec::new();
        if identity.genre == Genre::Other {
            warnings.push("does not look like a government work report".to_string());
        }
        let report = Report {
            path: self.path.to_string(),
            title: identity.title,
            title_derived: identity.title_derived,
            year: identity.year,
            year_from: identity.year_from,
            place: identity.place,
            place_from: identity.place_from,
            genre: identity.genre,
            encoding: self.encoding.to_string(),
            converted: self.converted,
            sections,
            dropped,
            warnings,
        };
        let stats = ReportStats {
            lines_joined: assembly.joins,
            headings_rejoined: assembly.heading_joins,
        };
        (report, stats)
    }
}

/// `pieces` without the dropped ones (`dropped` in order of index); a blank line before a
/// dropped piece still separates.
fn without<'a>(pieces: &[Piece<'a>], dropped: &[(usize, DropReason)]) -> Vec<Piece<'a>> {
    let mut kept: Vec<Piece<'a>> = Vec::with_capacity(pieces.len());
    let mut blank = false;
    for (i, piece) in pieces.iter().enumerate() {
        blank |= piece.blank_before;
        if dropped.binary_search_by_key(&i, |(j, _)| *j).is_ok() {
            continue;
        }
        let mut piece = piece.clone();
        piece.blank_before = blank;
        blank = false;
        kept.push(piece);
    }
    kept
}

/// Give each furniture line to the report it stands in (before the first report: the first).
fn distribute_dropped(reports: &mut [Report], prepared: &Prepared, ranges: &[Range<usize>]) {
    let first_lines: Vec<usize> = ranges
        .iter()
        .map(|r| prepared.pieces.get(r.start).map_or(usize::MAX, |p| p.line))
        .collect();
    for dropped in &prepared.dropped {
        let index = first_lines
            .iter()
            .rposition(|&first| first <= dropped.line)
            .unwrap_or(0);
        if let Some(report) = reports.get_mut(index) {
            report.dropped.push(dropped.clone());
        }
    }
    for report in reports.iter_mut() {
        report.dropped.sort_by_key(|d| d.line);
    }
}

#[cfg(test)]
mod tests;
