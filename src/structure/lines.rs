//! Lines of the decoded text, and the paragraphs hidden inside long ones.
//!
//! Reports arrive one paragraph a line, wrapped at page breaks, blank-line separated, or with
//! the whole report on one line (copied from a web page that used spaces for paragraph breaks).
//! Chinese prose puts no spaces between words, so inside a line a space is a paragraph break
//! only where something on either side says so: a sentence ended before it, a heading mark
//! follows it, or (in a very long line) a title, a meeting line or a short heading precedes
//! it. Anything else ("第十一届 人民代表大会", "“中秋国庆 乐购双节”") is left alone.

use super::chars::{char_count, ends_sentence, has_sentence_stop, has_space, is_space, is_stop};
use super::headings::{appendix_kind, parse_marker, Marker};
use super::title;
use crate::decode::non_ideographs;
use crate::model::SectionKind;

/// One line of the input, trimmed; empty for a blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    pub text: &'a str,
    /// The text holds a space (most lines hold none, and then nothing is looked for between
    /// words).
    pub has_space: bool,
}

/// A paragraph candidate: a whole line, or a part cut from a long one, with its normalized
/// form (on which everything is recognised).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    /// 1-based line number of the line it comes from.
    pub line: usize,
    /// As written, trimmed.
    pub text: &'a str,
    /// Normalized.
    pub norm: String,
    /// A blank line stands between this piece and the previous one.
    pub blank_before: bool,
    /// The piece starts its line, so the break before it may be a mere wrap (a page break in
    /// the middle of a sentence); a piece cut from the middle of a line is always a new paragraph.
    pub starts_line: bool,
    /// The numbering mark `text` opens with, if any.
    pub marker: Option<Marker>,
    /// The kind of section `norm` heads, if it is a glossary or appendix heading.
    pub appendix: Option<SectionKind>,
}

impl<'a> Piece<'a> {
    /// A piece, with what the later stages ask of it (its mark, whether it heads an appendix)
    /// read once.
    pub fn new(
        line: usize,
        text: &'a str,
        norm: String,
        blank_before: bool,
        starts_line: bool,
    ) -> Piece<'a> {
        Piece {
            line,
            marker: parse_marker(text),
            appendix: appendix_kind(&norm),
            text,
            norm,
            blank_before,
            starts_line,
        }
    }
}

/// Pieces for tests: one whole line each, normalized by width only, no blank lines between.
#[cfg(test)]
pub fn pieces(lines: &[&'static str]) -> Vec<Piece<'static>> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| Piece::new(i + 1, l, crate::normalize::fold_width(l), false, true))
        .collect()
}

/// Split text into lines at LF, CRLF, CR and the Unicode line and paragraph separators.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (at, c) in non_ideographs(text) {
        if at < start || !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            continue; // not a line end, or the LF of a CRLF
        }
        lines.push(&text[start..at]);
        start = at + c.len_utf8();
        if c == '\r' && text[start..].starts_with('\n') {
            start += 1;
        }
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let text = l.trim_matches(is_space);
            Line {
                number: i + 1,
                text,
                has_space: has_space(text),
            }
        })
        .collect()
}

/// Whether a document separates paragraphs by spaces inside lines (a report pasted as one
/// line): several sentence ends are followed by a space and more text on the same line.
pub fn spaces_separate_paragraphs(lines: &[Line]) -> bool {
    let inline_breaks: usize = lines
        .iter()
        .filter(|l| l.has_space)
        .map(|l| inline_sentence_breaks(l.text))
        .sum();
    inline_breaks >= MIN_INLINE_BREAKS
}

/// Sentence stops followed by a space and more text, in one line.
fn inline_sentence_breaks(line: &str) -> usize {
    let mut breaks = 0;
    // The two characters before the current one.
    let (mut first, mut second) = (None, None);
    for c in line.chars() {
        let stop_then_space = first.is_some_and(is_stop) && second.is_some_and(is_space);
        breaks += usize::from(stop_then_space && !is_space(c));
        (first, second) = (second, Some(c));
    }
    breaks
}

/// Inline sentence breaks that make a space-separated layout (a few are typing accidents).
const MIN_INLINE_BREAKS: usize = 5;

/// Cut a line into paragraphs at the spaces that are paragraph breaks. Returns slices of
/// `line`, trimmed, in order; a line without such a space comes back whole. `spaced`: the
/// document separates paragraphs by spaces, so a short heading also ends at a space.
pub fn split_paragraphs<'a>(
    line: &'a str,
    spaced: bool,
    normalize: &dyn Fn(&str) -> String,
) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (gap_start, gap_end) in space_runs(line) {
        if gap_start == 0 || gap_end >= line.len() {
            continue;
        }
        let gap = Gap {
            before: &line[start..gap_start],
            after: &line[gap_end..],
            // A wide gap (two spaces, an ideographic one) sets a heading off its body even
            // where spaces do not separate the document's paragraphs.
            body_follows: (spaced || is_wide_gap(&line[gap_start..gap_end]))
                && line.len() - gap_end > SHORT_REST_BYTES,
        };
        if gap.breaks(normalize) {
            pieces.push(gap.before);
            start = gap_end;
        }
    }
    pieces.push(&line[start..]);
    pieces
        .into_iter()
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Two spaces or more, or an ideographic space.
fn is_wide_gap(gap: &str) -> bool {
    gap.chars().count() >= 2 || gap.contains('\u{3000}')
}

/// Byte ranges of the runs of spaces in `line`.
fn space_runs(line: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    if !has_space(line) {
        return runs;
    }
    let mut open: Option<usize> = None;
    for (i, c) in line.char_indices() {
        match (is_space(c), open) {
            (true, None) => open = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        runs.push((s, line.len()));
    }
    runs
}

/// A space inside a line, with what stands on either side of it.
struct Gap<'a> {
    /// The paragraph so far.
    before: &'a str,
    /// The rest of the line.
    after: &'a str,
    /// In a space-separated document, text follows on this line.
    body_follows: bool,
}

impl Gap<'_> {
    /// Whether this space breaks a paragraph.
    fn breaks(&self, normalize: &dyn Fn(&str) -> String) -> bool {
        let (before, after) = (self.before, self.after);
        if ends_sentence(before) || parse_marker(after).is_some() {
            return true;
        }
        // Titles, meeting lines and headings are short: longer text is not normalized again
        // at every space (that would be quadratic on a long line).
        let short = |s: &str| s.len() <= SHORT_BYTES;
        let before_norm = short(before).then(|| normalize(before));
        let next_word = after.split(is_space).next().unwrap_or("");
        let next_norm = short(next_word).then(|| normalize(next_word));
        if let Some(next) = next_norm.as_deref() {
            if appendix_kind(next).is_some() {
                // "附件 《政府工作报告》名词解释" is one heading.
                return before_norm
                    .as_deref()
                    .is_none_or(|b| appendix_kind(b).is_none());
            }
            if title::is_salutation_line(next) {
                return true;
            }
        }
        let Some(before_norm) = before_norm else {
            return false;
        };
        // The title, the meeting line and the salutation end at the space after them when
        // text follows ("…工作报告 2024年1月24日在…会议上 各位代表: 现在…"); a short
        // remainder ("(摘要)") stays with them.
        let text_follows = after.len() > SHORT_REST_BYTES;
        text_follows
            && (title::is_title_line(&before_norm)
                || title::is_meeting_line(&before_norm)
                || title::is_salutation_line(&before_norm)
                || appendix_kind(&before_norm).is_some())
            || self.body_follows && is_heading_alone(before)
    }
}

/// A remainder of a line this long or shorter (in bytes, about 10 Chinese characters) is a
/// note to what stands before it, not text of its own.
const SHORT_REST_BYTES: usize = 30;

/// Longest text (in bytes, about 80 Chinese characters) tested for being a title or heading.
const SHORT_BYTES: usize = 240;

/// A numbered heading with no sentence stop, short enough to stand alone ("一、2023年工作回顾").
fn is_heading_alone(text: &str) -> bool {
    parse_marker(text).is_some() && !has_sentence_stop(text) && char_count(text) <= 40
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        crate::normalize::fold_width(s)
    }

    #[test]
    fn lines_split_at_every_line_end_and_are_trimmed() {
        let lines = split_lines("\u{3000}\u{3000}甲\r\n\r\n乙 \r丙\n");
        let texts: Vec<_> = lines.iter().map(|l| (l.number, l.text)).collect();
        assert_eq!(texts, vec![(1, "甲"), (2, ""), (3, "乙"), (4, "丙")]);
        let lines = split_lines("甲\u{2028}乙\u{2029}\r\n丙—…\u{2027}丁\r");
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, vec!["甲", "乙", "", "丙—…\u{2027}丁"]);
    }

    #[test]
    fn spaces_inside_prose_do_not_break() {
        for line in [
            "在丛台区第十一届 人民代表大会第四次会议上",
            "“中秋国庆 乐购双节”等",
            "2023年 工作回顾",
        ] {
            assert_eq!(split_paragraphs(line, false, &fold), vec![line]);
        }
    }

    #[test]
    fn a_heading_ends_at_a_space_only_where_spaces_separate_paragraphs() {
        let line = "(一)着力弘扬抗洪精神 扎实推进大建大治,为高质量发展打赢重建硬仗。";
        assert_eq!(split_paragraphs(line, false, &fold), vec![line]);
        assert_eq!(
            split_paragraphs(line, true, &fold),
            vec![
                "(一)着力弘扬抗洪精神",
                "扎实推进大建大治,为高质量发展打赢重建硬仗。"
            ]
        );
        let one_line = "甲。 乙。 丙。 丁。 戊。 己。";
        let lines = split_lines(one_line);
        assert!(spaces_separate_paragraphs(&lines));
        assert!(!spaces_separate_paragraphs(&split_lines(
            "甲。\n乙。 \n丙。"
        )));
    }

    #[test]
    fn spaces_after_sentences_and_before_marks_break() {
        let line =
            "提出意见。 一、2023年工作回顾 2023年是开局之年。 具体做好以下工作: (一)聚焦项目引领。";
        assert_eq!(
            split_paragraphs(line, false, &fold),
            vec![
                "提出意见。",
                "一、2023年工作回顾 2023年是开局之年。",
                "具体做好以下工作:",
                "(一)聚焦项目引领。"
            ]
        );
    }

    #[test]
    fn a_one_line_report_breaks_after_its_title_meeting_line_and_short_headings() {
        let body = "是全面贯彻的开局之年。".repeat(30);
        let line = format!(
            "2024年邯郸市丛台区政府工作报告 2024年1月24日在丛台区第十一届 人民代表大会第四次会议上 各位代表: 现在,我代表区政府报告工作。 一、2023年工作回顾 2023年{body} 附件 《政府工作报告》名词解释 1.全省项目库:指项目。"
        );
        let pieces = split_paragraphs(&line, true, &fold);
        assert_eq!(pieces[0], "2024年邯郸市丛台区政府工作报告");
        assert_eq!(
            pieces[1],
            "2024年1月24日在丛台区第十一届 人民代表大会第四次会议上"
        );
        assert_eq!(pieces[2], "各位代表:");
        assert_eq!(pieces[4], "一、2023年工作回顾");
        assert_eq!(pieces[6], "附件 《政府工作报告》名词解释");
        assert_eq!(pieces[7], "1.全省项目库:指项目。");
        assert_eq!(pieces.len(), 8);
    }
}
