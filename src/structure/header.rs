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
use crate::model::{DropReason, Evidence, Genre, Section, Text};

/// The head is looked for in this many pieces at most (a web page can stack a dozen lines of
/// chrome and metadata above the title).
const MAX_HEAD_PIECES: usize = 40;
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
    /// The last title line above the report's own, when it names more than the report's own
    /// (a page headline "2024年商丘市政府工作报告" over a running "政府工作报告").
    pub headline: Option<HeadLine>,
    /// An article's lead about the session, normalized ("十三届全国人大三次会议…开幕,听取…").
    pub lead: Option<String>,
    /// The speaker line ("河北省人民政府省长 王正谱"), normalized.
    pub speaker: Option<String>,
    /// The year of a date line standing in the head ("2010年3月5日").
    pub date_year: Option<u16>,
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
    let limit = pieces.len().min(MAX_HEAD_PIECES);
    // Where the report's own head starts: its title line (the last one, as a page's headline
    // or a repost's banner often names the report before the report's own title does) or, with
    // no title, its meeting line. Everything above it came with the page (chrome, a kicker, an
    // article's lead), whatever its shape, save the meeting, date and speaker lines.
    let before_opening = (0..limit)
        .take_while(|&j| {
            !title::starts_with_salutation(&pieces[j].norm) && pieces[j].marker.is_none()
        })
        .last()
        .map_or(0, |j| j + 1);
    let last_title = (0..before_opening)
        .rev()
        .find(|&j| head_line(pieces, j, title::is_title_line).is_some());
    let anchor = last_title.or_else(|| {
        (0..before_opening).find(|&j| head_line(pieces, j, title::is_meeting_line).is_some())
    });
    let mut i = 0;
    while i < limit {
        let piece = &pieces[i];
        let norm = piece.norm.as_str();
        if anchor.is_some_and(|a| i < a) {
            if head.meeting.is_none() {
                if let Some(line) = head_line(pieces, i, title::is_meeting_line) {
                    i = head.take(i, &line, DropReason::Byline);
                    head.meeting = Some(line);
                    continue;
                }
            }
            if let Some(line) = head_line(pieces, i, title::is_title_line) {
                if !title::is_generic_title(&line.norm) {
                    head.headline = Some(line);
                }
            }
            let reason = if title::is_speaker_line(norm) {
                head.speaker.get_or_insert_with(|| norm.to_string());
                DropReason::Byline
            } else if i == head.dropped.len() && title::is_news_lead(norm) {
                head.lead.get_or_insert_with(|| norm.to_string());
                DropReason::BeforeReport
            } else if has_sentence_stop(piece.text) || char_count(piece.text) > MAX_KICKER_CHARS {
                DropReason::BeforeReport
            } else {
                DropReason::SiteChrome
            };
            head.dropped.push((i, reason));
            i += 1;
            continue;
        }
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
        let found = head.title.is_some() || head.meeting.is_some();
        if title::is_editor_note(norm) {
            head.dropped.push((i, DropReason::BeforeReport));
            i += 1;
            continue;
        }
        if title::is_speaker_line(norm) {
            head.speaker.get_or_insert_with(|| norm.to_string());
            head.dropped.push((i, DropReason::Byline));
        } else if title::is_reporter_line(norm) {
            head.dropped.push((i, DropReason::Byline));
        } else if title::is_date_line(norm) && found {
            head.date_year = head.date_year.or_else(|| title::year_of(norm));
            head.dropped.push((i, DropReason::Byline));
        } else if !found && i == head.dropped.len() && title::is_news_lead(norm) {
            head.lead.get_or_insert_with(|| norm.to_string());
            head.dropped.push((i, DropReason::BeforeReport));
        } else if has_sentence_stop(piece.text) || char_count(piece.text) > MAX_KICKER_CHARS {
            break;
        } else if continues_into_next(pieces, i) {
            break; // a body line broken at a page break, not a kicker
        } else if !found {
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
    // The halves may stand apart by a blank line (a page that puts one after every line).
    let next = pieces
        .get(i + 1)
        .filter(|n| n.starts_line && !ends_sentence(piece.text))?;
    let norm = format!("{}{}", piece.norm, next.norm);
    (!is(&next.norm) && is(&norm)).then(|| HeadLine {
        norm,
        original: format!("{}{}", piece.text, next.text),
        pieces: 2,
    })
}

/// Who and what a report is, as its head (and, failing that, its body) says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub title: Option<Text>,
    pub title_derived: bool,
    pub year: Option<u16>,
    pub year_from: Option<Evidence>,
    pub place: Option<String>,
    pub place_from: Option<Evidence>,
    pub genre: Genre,
}

/// Title, year, place and genre from the head. A title that names no place or year
/// ("政府工作报告") gives way to one made from the meeting line and the speaker's office,
/// marked derived; `body` (the year the headings name, whether the text addresses the
/// delegates) fills what the head leaves open.
pub fn identify(head: &Head, body: &BodyEvidence) -> Identity {
    // A generic title with nothing in the head to name the place gives way to a headline
    // above it that names the report.
    let place_known = head.meeting.is_some() || head.speaker.is_some();
    let written = match (&head.title, &head.headline) {
        (Some(t), Some(h)) if title::is_generic_title(&t.norm) && !place_known => Some(h),
        (t, _) => t.as_ref(),
    };
    let fused = written.and_then(|t| title::split_fused(&t.norm));
    let meeting_norm = head
        .meeting
        .as_ref()
        .map(|m| m.norm.clone())
        .or_else(|| fused.as_ref().map(|(_, m)| m.clone()));
    let meeting = meeting_norm.as_deref();
    let genre = match written {
        Some(t) if title::is_excerpt_title(&t.norm) => Genre::Excerpt,
        Some(_) => Genre::Report,
        None if meeting.is_some() || head.salutation || body.addresses_delegates => Genre::Report,
        None => Genre::Other,
    };
    let title_norm = written.map(|t| match &fused {
        Some((title, _)) => squeeze_cjk_spaces(title::strip_decorations(title)),
        None => squeeze_cjk_spaces(title::strip_decorations(&t.norm)),
    });
    let speaker = head.speaker.as_deref();
    let (place, place_from) = first_found([
        (
            title_norm.as_deref().and_then(title::place_from_title),
            Evidence::Title,
        ),
        (
            meeting.and_then(title::place_from_meeting),
            Evidence::Meeting,
        ),
        (
            speaker.and_then(title::place_from_speaker),
            Evidence::Speaker,
        ),
        (
            body.place.clone().filter(|_| genre != Genre::Other),
            Evidence::Body,
        ),
        (
            head.lead.as_deref().and_then(title::place_from_meeting),
            Evidence::Lead,
        ),
    ]);
    let (year, year_from) = first_found([
        (
            title_norm.as_deref().and_then(title::year_of),
            Evidence::Title,
        ),
        (
            meeting.and_then(title::year_of).or(head.date_year),
            Evidence::Meeting,
        ),
        (body.year.filter(|_| genre != Genre::Other), Evidence::Body),
        (
            head.lead.as_deref().and_then(title::year_of),
            Evidence::Lead,
        ),
    ]);
    // A written title that names its place is kept as written, year or not
    // ("刘媛在廊坊市八届人大六次会议上的政府工作报告(摘登)").
    let generic = title_norm.as_deref().is_none_or(title::is_generic_title);
    let derived = (generic && genre != Genre::Other && (place.is_some() || title_norm.is_none()))
        .then(|| title::derived_title(year, place.as_deref()))
        .flatten();
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
        year_from: year.and(year_from),
        place_from: place.as_ref().and(place_from),
        place,
        genre,
    }
}

/// The first value found, and where it was found.
fn first_found<T, const N: usize>(
    candidates: [(Option<T>, Evidence); N],
) -> (Option<T>, Option<Evidence>) {
    candidates
        .into_iter()
        .find_map(|(value, from)| value.map(|v| (Some(v), Some(from))))
        .unwrap_or((None, None))
}

/// What the body of a report says about what it is, for reports whose head says little.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BodyEvidence {
    /// The year the report plans for, as its top-level headings name it ("一、2023年工作回顾"
    /// → 2024; "三、2024年重点工作" → 2024).
    pub year: Option<u16>,
    /// The place the report speaks for: "我代表盘锦市人民政府向大会报告工作" → "盘锦市";
    /// "我代表国务院" → the national report.
    pub place: Option<String>,
    /// The text addresses the delegates as a work report does ("各位代表" more than once, or
    /// once with "请予审议").
    pub addresses_delegates: bool,
}

impl BodyEvidence {
    /// Read the evidence from a report's sections.
    pub fn of(sections: &[Section]) -> BodyEvidence {
        let year = sections
            .iter()
            .filter_map(|s| s.heading.as_ref())
            .find_map(|h| plan_year_of_heading(&h.text.text));
        // The text searched at once: a word's search builds a searcher, which asked of every
        // sentence would cost more than the search.
        let text: String = sections
            .iter()
            .flat_map(Section::iter_sentences)
            .map(|s| s.text.text.as_str())
            .collect();
        let addresses = text.matches("各位代表").count();
        let asks_review = text.contains("请予审议");
        let place = text
            .match_indices("我代表")
            .map(|(at, _)| &text[at..])
            .find_map(|from| {
                let sentence = from
                    .split_inclusive(['。', '!', '?', ';'])
                    .next()
                    .unwrap_or(from);
                sentence
                    .contains("向大会")
                    .then(|| title::place_from_delivery(sentence))
                    .flatten()
            });
        BodyEvidence {
            year,
            place,
            addresses_delegates: addresses >= 2 || (addresses == 1 && asks_review),
        }
    }
}

/// The year a top-level heading plans for: "2023年工作回顾" reviews the year before the
/// report's; "2024年重点工作" and "二○○八年的主要任务" name the report's own.
fn plan_year_of_heading(heading: &str) -> Option<u16> {
    let year = title::year_of(heading).or_else(|| chinese_year(heading))?;
    if heading.contains("回顾") || heading.contains("总结") {
        return year.checked_add(1);
    }
    ["任务", "目标", "工作", "安排", "重点", "要求", "计划"]
        .iter()
        .any(|w| heading.contains(w))
        .then_some(year)
}

/// A year written in Chinese numerals: "二○○八年", "二〇二四年".
fn chinese_year(text: &str) -> Option<u16> {
    let digit = |c: char| match c {
        '〇' | '○' | '零' | 'O' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u16 + 1),
    };
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).find_map(|w| {
        if w[4] != '年' {
            return None;
        }
        let year = w[..4]
            .iter()
            .try_fold(0u16, |acc, &c| digit(c).map(|d| acc * 10 + d))?;
        (1949..=2100).contains(&year).then_some(year)
    })
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
        let id = identify(&head, &BodyEvidence::default());
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
            let id = identify(&scan(&p), &BodyEvidence::default());
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
        let id = identify(&scan(&p), &BodyEvidence::default());
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
        let id = identify(&head, &BodyEvidence::default());
        assert_eq!((id.genre, id.title), (Genre::Other, None));
    }

    #[test]
    fn spaces_between_chinese_characters_are_squeezed() {
        assert_eq!(squeeze_cjk_spaces("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(squeeze_cjk_spaces("2024年 GDP report"), "2024年GDP report");
    }
}
