//! Heading numbering: which marks number a section, in which order they rank, and which
//! sequence of numbers is plausible.
//!
//! Work reports number their sections in a conventional hierarchy, outermost first: 第一部分,
//! 一、, (一), 1., (1). Body text also starts with things that look like numbers ("2023年是…",
//! "1.5万亿元", "一、二产业…", "一是…"), so a mark only counts when it is followed by text and
//! continues a sequence the report is already using (or starts one).

use super::chars::{
    char_count, contains_any, despace, ends_with_any, fold_char, is_space, longer_than,
};
use crate::model::SectionKind;

/// A numbering style, in conventional rank order (outermost first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// 第一部分, 第一章.
    Part,
    /// A newspaper's unnumbered heading ("2023年 工作回顾").
    Unnumbered,
    /// 一、
    CnComma,
    /// (一) and （一）.
    CnParen,
    /// 1. and 1、
    ArabicDot,
    /// (1) and （1）.
    ArabicParen,
}

impl Style {
    /// Index into per-style tables.
    fn index(self) -> usize {
        self as usize
    }
}

/// A numbering mark at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub style: Style,
    pub ordinal: u32,
    /// Length of the mark in the original text, in bytes (a following space included).
    pub len: usize,
    /// The mark as written, width-folded ("(一)", "一、", "1.", "第一部分").
    pub numbering: String,
}

/// Value of a Chinese numeral from 1 to 99 ("一", "十", "十二", "二十", "二十三").
fn chinese_number(s: &[char]) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    };
    match s {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(10 * digit(*a)?),
        [a, '十', b] => Some(10 * digit(*a)? + digit(*b)?),
        _ => None,
    }
}

fn is_chinese_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// How many characters of a line a mark is read from (the longest, "第十二部分", and its
/// space fit well within).
const MARK_SCAN_CHARS: usize = 12;

/// The mark at the start of `original`, if it is one (the text after it is not checked here
/// beyond what rules out look-alikes).
pub fn parse_marker(original: &str) -> Option<Marker> {
    // Every style opens with 第, a numeral or a parenthesis: most lines are ruled out by their
    // first character (this is asked of every line, more than once).
    let first = fold_char(original.chars().next()?);
    if !(first == '第' || first == '(' || first.is_ascii_digit() || is_chinese_digit(first)) {
        return None;
    }
    let mut folded = ['\0'; MARK_SCAN_CHARS];
    let mut starts = [0; MARK_SCAN_CHARS];
    let mut count = 0;
    for ((slot, start), (b, c)) in folded
        .iter_mut()
        .zip(starts.iter_mut())
        .zip(original.char_indices())
    {
        (*slot, *start) = (fold_char(c), b);
        count += 1;
    }
    let chars = &folded[..count];
    let (style, ordinal, mark_chars) = part(chars)
        .or_else(|| chinese_comma(chars))
        .or_else(|| parenthesised(chars))
        .or_else(|| arabic_dot(chars))?;
    let numbering: String = chars[..mark_chars].iter().collect();
    // The mark's own trailing space is part of it, so the heading text starts after it.
    let mut end = mark_chars;
    while end < chars.len() && chars[end] == ' ' {
        end += 1;
    }
    let len = starts[..count].get(end).copied().unwrap_or(original.len());
    if len >= original.len() && style != Style::Part {
        return None; // a bare "一、" is not a heading
    }
    Some(Marker {
        style,
        ordinal,
        len,
        numbering,
    })
}

type Parsed = (Style, u32, usize);

/// 第一部分 / 第一章 / 第1部分.
fn part(chars: &[char]) -> Option<Parsed> {
    if chars.first() != Some(&'第') {
        return None;
    }
    let digits = chars[1..]
        .iter()
        .take_while(|c| is_chinese_digit(**c) || c.is_ascii_digit())
        .count();
    let number = &chars[1..1 + digits];
    let ordinal =
        chinese_number(number).or_else(|| number.iter().collect::<String>().parse().ok())?;
    let rest = &chars[1 + digits..];
    let unit = if rest.starts_with(&['部', '分']) {
        2
    } else if rest.first() == Some(&'章') {
        1
    } else {
        return None;
    };
    Some((Style::Part, ordinal, 1 + digits + unit))
}

/// 一、 (also "一." as some reports write it).
fn chinese_comma(chars: &[char]) -> Option<Parsed> {
    let digits = chars.iter().take_while(|c| is_chinese_digit(**c)).count();
    let sep = *chars.get(digits)?;
    if digits == 0 || (sep != '、' && sep != '.') {
        return None;
    }
    let ordinal = chinese_number(&chars[..digits])?;
    // "一、二、三产业" and "二、三季度" enumerate consecutive numbers; they are not headings.
    // "一、一年接着一年干" and "二、一张蓝图绘到底" are headings whose text opens with a numeral
    // word, and "一、二○○八年工作回顾" one that opens with a year.
    let next = chars.get(digits + 1).copied();
    let next_value = next.filter(|c| is_chinese_digit(*c)).and_then(|c| {
        let year_digit = chars
            .get(digits + 2)
            .is_some_and(|c| matches!(c, '〇' | '○' | '零' | 'O'));
        (!year_digit).then(|| chinese_number(&[c])).flatten()
    });
    if next_value == Some(ordinal + 1) {
        return None;
    }
    Some((Style::CnComma, ordinal, digits + 1))
}

/// (一) and (1), either width of parenthesis.
fn parenthesised(chars: &[char]) -> Option<Parsed> {
    if chars.first() != Some(&'(') {
        return None;
    }
    let close = chars.iter().position(|c| *c == ')')?;
    let inner = &chars[1..close];
    let (style, ordinal) =
        if inner.iter().all(|c| c.is_ascii_digit()) && (1..=2).contains(&inner.len()) {
            (
                Style::ArabicParen,
                inner.iter().collect::<String>().parse().ok()?,
            )
        } else {
            (Style::CnParen, chinese_number(inner)?)
        };
    Some((style, ordinal, close + 1))
}

/// 1. and 1、 but not 1.5 or 2023.
fn arabic_dot(chars: &[char]) -> Option<Parsed> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let sep = *chars.get(digits)?;
    if !(1..=2).contains(&digits) || (sep != '.' && sep != '、') {
        return None;
    }
    let after = &chars[digits + 1..];
    // "1.5万亿元" is a number; "1.2024年工作回顾" is item 1 about a year.
    let year_follows =
        after.len() > 4 && after[..4].iter().all(char::is_ascii_digit) && after[4] == '年';
    if after
        .first()
        .is_some_and(|c| c.is_ascii_digit() || *c == '%')
        && !year_follows
    {
        return None;
    }
    let ordinal: u32 = chars[..digits].iter().collect::<String>().parse().ok()?;
    Some((Style::ArabicDot, ordinal, digits + 1))
}

/// Which numbers continue the sequences a report is using.
///
/// A mark is accepted when it starts a list (1) or follows the last number of its style by one
/// or two (one missing heading, lost in copying, must not throw out all that follow). Within a
/// broken sentence (the previous line did not end one) only a bracketed continuation of an
/// existing sequence, or the start of a list deeper than the current heading, is accepted:
/// "位居全省第" followed by a line "一、…" or "二、…" is the sentence going on.
#[derive(Debug, Default, Clone)]
pub struct Sequences {
    last: [u32; 6],
    innermost: Option<Style>,
}

impl Sequences {
    /// Whether `marker` plausibly numbers a heading here.
    pub fn accepts(&self, marker: &Marker, mid_sentence: bool) -> bool {
        let last = self.last[marker.style.index()];
        let continues = last > 0 && (last + 1..=last + 2).contains(&marker.ordinal);
        let starts = marker.ordinal == 1 || (last == 0 && marker.ordinal == 2);
        if mid_sentence {
            // "全球第" / "二、成为行业隐形冠军": a bare number continues prose too easily;
            // a bracketed one does not.
            let bracketed = matches!(marker.style, Style::CnParen | Style::ArabicParen);
            let deeper = self.innermost.is_some_and(|s| marker.style > s);
            (continues && bracketed) || (marker.ordinal == 1 && deeper)
        } else {
            continues || starts
        }
    }

    /// Record an accepted heading.
    pub fn record(&mut self, style: Style, ordinal: u32) {
        if let Some(last) = self.last.get_mut(style.index()) {
            *last = ordinal;
        }
        self.innermost = Some(style);
    }
}

/// Words that open an appendix ("附件", "附件1", "附录").
const APPENDIX_WORDS: &[&str] = &["附件", "附录", "附錄"];
/// Words that name a glossary, Traditional forms included so that the glossary is found even
/// when the script was not converted.
const GLOSSARY_WORDS: &[&str] = &[
    "名词解释",
    "名詞解釋",
    "名词注释",
    "名詞注釋",
    "注释",
    "注釋",
    "註釋",
    "词语解释",
    "詞語解釋",
];

/// Longest heading that stands alone on its line, in characters.
pub const MAX_HEADING_CHARS: usize = 60;

/// The kind of section a standalone line opens, if it is a glossary or appendix heading
/// ("附件", "《政府工作报告》名词解释", "注释:").
pub fn appendix_kind(norm: &str) -> Option<SectionKind> {
    // Every glossary word ends in 释 (釋) and every appendix word starts with 附: a line with
    // neither is ruled out before anything is counted (this is asked of every line, twice).
    let opens_with_appendix_word = norm.trim_start_matches(is_space).starts_with('附');
    if !opens_with_appendix_word && !norm.contains('释') && !norm.contains('釋') {
        return None;
    }
    if longer_than(norm, 30) && !norm.trim_end().ends_with([':', '：']) {
        return None;
    }
    let text = despace(norm);
    let text = text.trim_end_matches([':', '：']);
    if text.is_empty() || char_count(text) > 30 || super::chars::has_sentence_stop(text) {
        return None;
    }
    if ends_with_any(text, GLOSSARY_WORDS)
        || (contains_any(text, GLOSSARY_WORDS) && char_count(text) <= 12)
    {
        return Some(SectionKind::Glossary);
    }
    let after_word = APPENDIX_WORDS.iter().find_map(|w| text.strip_prefix(w))?;
    // "附件", "附件1", "附件一", "附件:…名单" are headings; "附件材料显示…" is prose.
    let label_like = after_word.is_empty()
        || after_word.starts_with(|c: char| c.is_ascii_digit() || is_chinese_digit(c))
        || char_count(after_word) <= 20;
    label_like.then_some(SectionKind::Appendix)
}

/// True when `original` may be a newspaper's unnumbered heading: short, and not ending like a
/// sentence or a clause ("2023年 工作回顾", "贯彻新发展理念 构建现代产业体系").
pub fn is_unnumbered_candidate(original: &str) -> bool {
    let count = char_count(original.trim());
    let last = original.trim_end().chars().last().map(fold_char);
    let clause_end = last.is_some_and(|c| "。!?;:,、…".contains(c) || is_space(c));
    (2..=30).contains(&count) && !clause_end && parse_marker(original).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(s: &str) -> Option<(Style, u32, String)> {
        parse_marker(s).map(|m| (m.style, m.ordinal, m.numbering))
    }

    #[test]
    fn every_conventional_style_is_recognised_in_both_widths() {
        assert_eq!(
            marker("第一部分 总结"),
            Some((Style::Part, 1, "第一部分".into()))
        );
        assert_eq!(
            marker("第十二章 展望"),
            Some((Style::Part, 12, "第十二章".into()))
        );
        assert_eq!(
            marker("一、2023年工作回顾"),
            Some((Style::CnComma, 1, "一、".into()))
        );
        assert_eq!(marker("(三)聚焦"), Some((Style::CnParen, 3, "(三)".into())));
        assert_eq!(
            marker("（十一）大力"),
            Some((Style::CnParen, 11, "(十一)".into()))
        );
        assert_eq!(
            marker("12.全省"),
            Some((Style::ArabicDot, 12, "12.".into()))
        );
        assert_eq!(marker("１．全省"), Some((Style::ArabicDot, 1, "1.".into())));
        assert_eq!(
            marker("1.2024年济南市"),
            Some((Style::ArabicDot, 1, "1.".into()))
        );
        assert_eq!(marker("2、强化"), Some((Style::ArabicDot, 2, "2、".into())));
        assert_eq!(
            marker("（2）提升"),
            Some((Style::ArabicParen, 2, "(2)".into()))
        );
    }

    #[test]
    fn numbers_in_prose_are_not_marks() {
        for prose in [
            "一是坚持",
            "1.5万亿元",
            "2023年是",
            "2024.1",
            "一、二产业融合",
            "二、三季度",
            "三、四线城市",
            "(济南)绿色",
            "(2019)",
            "3、4号线",
            "100%",
            "一、",
            "\u{3000}一、甲",
            "各位代表:",
        ] {
            assert_eq!(marker(prose), None, "{prose}");
        }
    }

    #[test]
    fn headings_may_open_with_a_numeral_word_or_an_old_style_year() {
        for (text, ordinal) in [
            ("一、一年接着一年干,奋力推进", 1),
            ("二、一张蓝图绘到底", 2),
            ("三、一以贯之抓落实", 3),
            ("一、二○○八年工作回顾", 1),
            ("二、二〇二六年主要任务", 2),
        ] {
            assert_eq!(
                marker(text),
                Some((Style::CnComma, ordinal, text.chars().take(2).collect())),
                "{text}"
            );
        }
    }

    #[test]
    fn mark_length_covers_its_own_space() {
        let m = parse_marker("（一）\u{3000}聚焦").unwrap();
        assert_eq!(&"（一）\u{3000}聚焦"[m.len..], "聚焦");
    }

    #[test]
    fn sequences_accept_starts_and_continuations_only() {
        let m = |s: &str| parse_marker(s).unwrap();
        let mut seq = Sequences::default();
        assert!(seq.accepts(&m("(一)甲"), false));
        seq.record(Style::CnParen, 1);
        assert!(seq.accepts(&m("(二)乙"), false));
        assert!(
            seq.accepts(&m("(三)丙"), false),
            "one missing heading is tolerated"
        );
        assert!(!seq.accepts(&m("(七)丁"), false), "a jump is suspicious");
        assert!(seq.accepts(&m("(一)戊"), false), "a new list may start");
        assert!(
            !seq.accepts(&m("一、己"), true),
            "mid-sentence, 一、 is the sentence going on"
        );
        assert!(
            seq.accepts(&m("(1)庚"), true),
            "mid-sentence, a deeper list may start"
        );
        assert!(
            seq.accepts(&m("(二)乙"), true),
            "mid-sentence, a sequence may continue"
        );
        seq.record(Style::CnComma, 1);
        assert!(seq.accepts(&m("二、乙"), false));
        assert!(
            !seq.accepts(&m("二、乙"), true),
            "“全球第” / “二、…” is prose"
        );
    }

    #[test]
    fn appendix_words_pass_the_quick_test() {
        assert!(APPENDIX_WORDS.iter().all(|w| w.starts_with('附')));
        assert!(GLOSSARY_WORDS
            .iter()
            .all(|w| w.ends_with('释') || w.ends_with('釋')));
    }

    #[test]
    fn glossary_and_appendix_headings() {
        assert_eq!(appendix_kind("附件"), Some(SectionKind::Appendix));
        assert_eq!(appendix_kind("附件1"), Some(SectionKind::Appendix));
        assert_eq!(
            appendix_kind("附件 《政府工作报告》名词解释"),
            Some(SectionKind::Glossary)
        );
        assert_eq!(
            appendix_kind("附件 《政府工作報告》名詞解釋"),
            Some(SectionKind::Glossary)
        );
        assert_eq!(appendix_kind("名词解释:"), Some(SectionKind::Glossary));
        assert_eq!(appendix_kind("注释"), Some(SectionKind::Glossary));
        assert_eq!(appendix_kind("附件材料显示,全年增长5%。"), None);
        assert_eq!(
            appendix_kind("下面对有关名词作简要解释,供参考和对照阅读使用的说明文字很长很长"),
            None
        );
    }

    #[test]
    fn unnumbered_candidates_are_short_and_open_ended() {
        assert!(is_unnumbered_candidate("2023年 工作回顾"));
        assert!(is_unnumbered_candidate(
            "贯彻新发展理念\u{a0}构建现代产业体系"
        ));
        assert!(!is_unnumbered_candidate("今年政府工作的总体要求是:"));
        assert!(!is_unnumbered_candidate("今年重点抓好八方面工作。"));
        assert!(!is_unnumbered_candidate("(一)着力弘扬抗洪精神"));
    }
}
