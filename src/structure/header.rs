//! The head of a report: title, meeting line, speaker, and what they tell (year, place,
//! genre).
//!
//! The head ends where the report starts speaking: at the address to the delegates, at the
//! first numbered heading, or at the first sentence. Lines in it are taken for what they are
//! (title, byline) and dropped from the text; a short line before the title is a newspaper
//! kicker ("“两会”进行时"). When there is no title, the meeting line names the report.

use super::chars::{char_count, ends_sentence, has_sentence_stop, is_cjk, is_space};
use super::lines::Piece;
use super::title;
use crate::model::{DropReason, Genre, Text};

/// The head is looked for in this many pieces at most.
const MAX_HEAD_PIECES: usize = 12;
/// Longest line taken for a kicker or headline, in characters.
const MAX_KICKER_CHARS: usize = 60;

/// What the head of a report holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Head {
    /// Pieces (by index, in order) that are not report text, and why.
    pub dropped: Vec<(usize, DropReason)>,
    /// The written title.
    pub title: Option<HeadLine>,
    pub meeting: Option<HeadLine>,
    /// The report addresses the delegates ("各位代表:").
    pub salutation: bool,
}

/// A line of the head, possibly wrapped over two lines of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadLine {
    pub norm: String,
    /// As written, a wrapped line rejoined.
    pub original: String,
    /// How many pieces it spans (1, or 2 when wrapped).
    pub pieces: usize,
}

/// Read the head of the report whose pieces are given.
pub fn scan(pieces: &[Piece]) -> Head {
    let mut head = Head::default();
    let mut kickers = Vec::new();
    let mut i = 0;
    while i < pieces.len().min(MAX_HEAD_PIECES) {
        let piece = &pieces[i];
        let norm = piece.norm.as_str();
        if title::starts_with_salutation(norm) {
            head.salutation = true;
            break;
        }
        if piece.marker.is_some() {
            break;
        }
        if head.title.is_none() {
            if let Some(line) = head_line(pieces, i, title::is_title_line) {
                i = head.take(i, &line, DropReason::Title);
                head.title = Some(line);
                continue;
            }
        }
        if head.meeting.is_none() {
            if let Some(line) = head_line(pieces, i, title::is_meeting_line) {
                i = head.take(i, &line, DropReason::Byline);
                head.meeting = Some(line);
                continue;
            }
        }
        let byline = title::is_speaker_line(norm)
            || title::is_reporter_line(norm)
            || (title::is_date_line(norm) && (head.title.is_some() || head.meeting.is_some()));
        if byline {
            head.dropped.push((i, DropReason::Byline));
        } else if has_sentence_stop(piece.text) || char_count(piece.text) > MAX_KICKER_CHARS {
            break;
        } else if continues_into_next(pieces, i) {
            break; // a body line broken at a page break, not a kicker
        } else if head.title.is_none() && head.meeting.is_none() {
            kickers.push(i);
        }
        i += 1;
    }
    head.drop_kickers(kickers);
    head
}

impl Head {
    /// Short lines before the title are kickers. With no title, the last of them is an
    /// article's headline: recorded as such, never taken for a report title.
    fn drop_kickers(&mut self, mut kickers: Vec<usize>) {
        let headline = if self.title.is_none() {
            kickers.pop()
        } else {
            None
        };
        self.dropped
            .extend(headline.map(|i| (i, DropReason::Title)));
        self.dropped
            .extend(kickers.into_iter().map(|i| (i, DropReason::SiteChrome)));
        self.dropped.sort_unstable_by_key(|(i, _)| *i);
    }

    /// Drop the piece(s) of `line`, which starts at piece `i`; returns the next piece's index.
    fn take(&mut self, i: usize, line: &HeadLine, reason: DropReason) -> usize {
        self.dropped
            .extend((i..i + line.pieces).map(|j| (j, reason)));
        i + line.pieces
    }
}

/// True when piece `i` does not end a sentence and the next line goes on with text that is
/// not part of a head (title, meeting line, byline, salutation, heading).
fn continues_into_next(pieces: &[Piece], i: usize) -> bool {
    let Some(next) = pieces.get(i + 1) else {
        return false;
    };
    let head_like = title::is_title_line(&next.norm)
        || title::is_meeting_line(&next.norm)
        || title::is_speaker_line(&next.norm)
        || title::is_reporter_line(&next.norm)
        || title::starts_with_salutation(&next.norm)
        || next.marker.is_some();
    next.starts_line && !next.blank_before && !head_like
}

/// The head line starting at piece `i` if `is` recognises it, alone or wrapped onto the next
/// line ("…第十八届人民代表大会第三次会" / "议上"). A wrap is only taken when neither half is
/// such a line by itself, so a kicker is not glued to the title after it.
fn head_line(pieces: &[Piece], i: usize, is: fn(&str) -> bool) -> Option<HeadLine> {
    let piece = pieces.get(i)?;
    if is(&piece.norm) {
        return Some(HeadLine {
            norm: piece.norm.clone(),
            original: piece.text.to_string(),
            pieces: 1,
        });
    }
    let next = pieces
        .get(i + 1)
        .filter(|n| n.starts_line && !n.blank_before && !ends_sentence(piece.text))?;
    let norm = format!("{}{}", piece.norm, next.norm);
    (!is(&next.norm) && is(&norm)).then(|| HeadLine {
        norm,
        original: format!("{}{}", piece.text, next.text),
        pieces: 2,
    })
}

/// Who and what a report is, as its head says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub title: Option<Text>,
    pub title_derived: bool,
    pub year: Option<u16>,
    pub place: Option<String>,
    pub genre: Genre,
}

/// Title, year, place and genre from the head. A title that names no place ("政府工作报告")
/// gives way to one made from the meeting line, marked derived.
pub fn identify(head: &Head) -> Identity {
    let written = head.title.as_ref();
    let meeting = head.meeting.as_ref().map(|m| m.norm.as_str());
    let genre = match written {
        Some(t) if title::is_excerpt_title(&t.norm) => Genre::Excerpt,
        Some(_) => Genre::Report,
        None if meeting.is_some() || head.salutation => Genre::Report,
        None => Genre::Other,
    };
    let title_norm = written.map(|t| squeeze_cjk_spaces(&t.norm));
    let place = title_norm
        .as_deref()
        .and_then(title::place_from_title)
        .or_else(|| meeting.and_then(title::place_from_meeting));
    let year = title_norm
        .as_deref()
        .and_then(title::year_of)
        .or_else(|| meeting.and_then(title::year_of));
    let generic = title_norm.as_deref().is_none_or(title::is_generic_title);
    let derived = meeting
        .filter(|_| generic)
        .and_then(|_| title::derived_title(year, place.as_deref()));
    let (title, title_derived) = match (derived, written, title_norm) {
        (Some(d), _, _) => (Some(Text::plain(&d)), true),
        (None, Some(w), Some(norm)) => (
            Some(Text {
                text: norm,
                original: w.original.clone(),
            }),
            false,
        ),
        _ => (None, false),
    };
    Identity {
        title,
        title_derived,
        year,
        place,
        genre,
    }
}

/// Remove spaces that stand between Chinese characters ("政 府 工 作 报 告" → "政府工作报告"),
/// keeping those between Latin words.
pub fn squeeze_cjk_spaces(text: &str) -> String {
    let chars: Vec<char> = text.trim_matches(is_space).chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        if is_space(*c) {
            let prev = chars[..i].iter().rev().find(|c| !is_space(**c));
            let next = chars[i + 1..].iter().find(|c| !is_space(**c));
            let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if !(prev.is_some_and(|c| is_cjk(*c)) || next.is_some_and(|c| is_cjk(*c)))
                && (latin(prev) && latin(next))
                && !out.ends_with(' ')
            {
                out.push(' ');
            }
            continue;
        }
        out.push(*c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::structure::lines::pieces;

    #[test]
    fn a_report_head_with_every_part() {
        let p = pieces(&[
            "“两会”进行时",
            "2024年济南市政府工作报告",
            "——2024年1月10日在济南市第十八届人民代表大会第三次会议上",
            "济南市人民政府市长 于海田",
            "各位代表:",
            "现在,我代表市人民政府向大会报告工作。",
        ]);
        let head = scan(&p);
        let reasons: Vec<_> = head.dropped.clone();
        assert_eq!(
            reasons,
            vec![
                (0, DropReason::SiteChrome),
                (1, DropReason::Title),
                (2, DropReason::Byline),
                (3, DropReason::Byline)
            ]
        );
        let id = identify(&head);
        assert_eq!(id.title.unwrap().text, "2024年济南市政府工作报告");
        assert!(!id.title_derived);
        assert_eq!(
            (id.year, id.place.as_deref(), id.genre),
            (Some(2024), Some("济南市"), Genre::Report)
        );
    }

    #[test]
    fn a_missing_or_generic_title_is_derived_from_the_meeting_line() {
        for first in ["政 府 工 作 报 告", "点击查看"] {
            let p = pieces(&[
                first,
                "—2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上",
                "各位代表:",
            ]);
            let id = identify(&scan(&p));
            assert_eq!(
                id.title.unwrap().text,
                "2017年海拉尔区政府工作报告",
                "{first}"
            );
            assert!(id.title_derived);
            assert_eq!(id.genre, Genre::Report);
        }
    }

    #[test]
    fn an_excerpt_and_an_article() {
        let p = pieces(&[
            "刘媛在廊坊市八届人大六次会议上的政府工作报告(摘登)",
            "2023年 工作回顾",
            "刚刚过去的一年,极不平凡。",
        ]);
        let id = identify(&scan(&p));
        assert_eq!(
            (id.genre, id.place.as_deref()),
            (Genre::Excerpt, Some("廊坊市"))
        );

        let p = pieces(&[
            "河北廊坊:加速“腾飞”",
            "长城网记者 祝雪娟",
            "一个个小游园升级改造。",
        ]);
        let head = scan(&p);
        assert_eq!(
            head.dropped,
            vec![(0, DropReason::Title), (1, DropReason::Byline)]
        );
        let id = identify(&head);
        assert_eq!((id.genre, id.title), (Genre::Other, None));
    }

    #[test]
    fn spaces_between_chinese_characters_are_squeezed() {
        assert_eq!(squeeze_cjk_spaces("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(squeeze_cjk_spaces("2024年 GDP report"), "2024年GDP report");
    }
}
