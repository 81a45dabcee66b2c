//! Page furniture: lines that came with the page, not with the report.
//!
//! Web copies bring breadcrumbs, source and editor lines, share links and menus; newspaper
//! pages bring photo captions; PDFs bring page numbers and contents lists. None of it is
//! report text, and counting it would make two reports from the same site look alike. Each
//! test is on one normalized line and errs towards keeping text: a line is only dropped when
//! it is short and matches a known shape.

use std::borrow::Cow;

use super::chars::{
    char_count, contains_any, despace, fold_char, has_sentence_stop, is_cjk, is_space, longer_than,
    starts_with_any,
};
use super::chrome;
use super::headings::parse_marker;
use crate::model::DropReason;

/// Furniture lines are short; longer lines are never dropped as furniture.
const MAX_FURNITURE_CHARS: usize = 100;

/// Line openings of web-site chrome (Traditional forms included).
const CHROME_STARTS: &[&str] = &[
    "您当前的位置",
    "您當前的位置",
    "当前位置",
    "當前位置",
    "您的位置",
    "您现在的位置",
    "来源:",
    "來源:",
    "作者:",
    "责任编辑",
    "責任編輯",
    "编辑:",
    "編輯:",
    "关键词",
    "關鍵詞",
    "关键字",
    "推荐阅读",
    "推薦閱讀",
    "相关阅读",
    "相关新闻",
    "相關新聞",
    "点击查阅",
    "點擊查閱",
    "点击查看",
    "点击阅读",
    "正文复制",
    "分享到",
    "打印本页",
    "【打印",
    "【关闭",
    "[打印",
    "[关闭",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "免责声明",
    "特别声明",
    "版权声明",
    "声明:",
    "返回顶部",
    "扫一扫",
    "版权所有",
    "Copyright",
    "©",
    "【字体",
    "字号:",
];
/// Words that make a short line a source or editor line, unless it is a sentence.
const SOURCE_WORDS: &[&str] = &["来源:", "來源:", "责任编辑:", "責任編輯:"];
/// Words that open a comment count ("评论(0)").
const COMMENT_WORDS: &[&str] = &["评论(", "評論("];
/// Words of site menus and footers.
const MENU_WORDS: &[&str] = &[
    "网站简介",
    "联系我们",
    "广告服务",
    "网站地图",
    "关于我们",
    "免责声明",
    "举报平台",
];
/// Ends of photo captions other than a photographer's credit.
const CAPTION_ENDS: &[&str] = &[
    "资料图",
    "资料图片",
    "资料照片",
    "(资料图)",
    "(资料图片)",
    "資料圖",
    "資料圖片",
];
/// Openings of photo captions.
const CAPTION_STARTS: &[&str] = &[
    "图片来源",
    "(图片来源",
    "圖片來源",
    "图源",
    "圖源",
    "图为",
    "圖為",
];
/// Credits a caption ends with, in brackets: "…会议开幕。(图源:内江日报)".
const CAPTION_CREDITS: &[&str] = &["(图源:", "(图片来源:", "(图片:", "(摄影:", "(图/"];

/// Why a whole line is furniture, judged on its normalized form; `None` for report text.
pub fn classify_line(norm: &str) -> Option<DropReason> {
    let text = norm.trim_matches(is_space);
    if text.is_empty() || char_count(text) > MAX_FURNITURE_CHARS {
        return None;
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Some(DropReason::Noise);
    }
    // Without spaces, read by two of the tests (a line is squeezed once, not once a test).
    let squeezed = despace(text);
    if is_page_number(&squeezed) {
        return Some(DropReason::PageNumber);
    }
    if is_caption(text, matches!(squeezed, Cow::Owned(_))) {
        return Some(DropReason::Caption);
    }
    if is_site_chrome(text, &squeezed) || chrome::is_chrome(text, &squeezed) {
        return Some(DropReason::SiteChrome);
    }
    None
}

/// "12", "- 12 -", "—12—", "第3页", "第3页 共10页", "3/10".
/// `squeezed`: the line without spaces.
fn is_page_number(squeezed: &str) -> bool {
    let core = squeezed.trim_matches(|c: char| {
        matches!(
            fold_char(c),
            '-' | '—' | '–' | '·' | '•' | '(' | ')' | '[' | ']'
        )
    });
    let digits =
        |s: &str| (1..=4).contains(&s.len()) && s.chars().all(|c| fold_char(c).is_ascii_digit());
    if digits(core) {
        return true;
    }
    // What is left ("3/10", "第3页 共10页") is at most 9 bytes or opens with 第: other lines
    // (nearly all) are not searched for its marks.
    if core.len() > 9 && !core.starts_with(['第', '下', '上', '转', '接']) {
        return false;
    }
    if let Some((a, b)) = core.split_once('/') {
        if digits(a) && digits(b) {
            return true;
        }
    }
    // "第3页/共14页", "(下转第3版)", "上接第2版": a page counter, a newspaper's jump line.
    let core = core.replace('/', "");
    let jump = ["下转", "上接", "转第", "接第"]
        .iter()
        .find_map(|w| core.strip_prefix(w))
        .map(|rest| rest.trim_start_matches('第'));
    if let Some(rest) = jump {
        let numeral = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        };
        return rest.strip_suffix('版').is_some_and(numeral);
    }
    let core = core.as_str();
    let paged = |s: &str| {
        s.strip_prefix('第')
            .and_then(|s| s.strip_suffix('页').or_else(|| s.strip_suffix('頁')))
            .is_some_and(digits)
    };
    match core.find('共') {
        Some(at) => {
            paged(&core[..at]) && core[at..].trim_start_matches('共').ends_with(['页', '頁'])
        }
        None => paged(core),
    }
}

/// `squeezed`: `text` without spaces.
fn is_site_chrome(text: &str, squeezed: &str) -> bool {
    let bars = text.matches('|').count() + text.matches('丨').count();
    // Every source word holds a colon and every comment word a parenthesis: the word lists
    // are only searched in lines that have one.
    starts_with_any(squeezed, CHROME_STARTS)
        || squeezed.contains(':')
            && contains_any(squeezed, SOURCE_WORDS)
            && !has_sentence_stop(text)
        || squeezed.contains('(') && has_comment_count(squeezed)
        || bars >= 1 && contains_any(squeezed, MENU_WORDS)
        || bars >= 3
        || is_timestamp(squeezed)
}

/// "评论(0)", "評論(12)".
fn has_comment_count(text: &str) -> bool {
    COMMENT_WORDS.iter().any(|w| {
        text.find(w).is_some_and(|at| {
            let rest = &text[at + w.len()..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(')')
        })
    })
}

/// A publication time alone: "2020-10-01 10:13:00".
fn is_timestamp(text: &str) -> bool {
    // The character test first: prose fails it at its first character.
    text.chars()
        .all(|c| c.is_ascii_digit() || "-/:.年月日".contains(c))
        && text.chars().any(|c| c.is_ascii_digit())
        && text.contains(':')
}

/// `spaced`: `text` holds a space (else it needs no squeezing).
fn is_caption(text: &str, spaced: bool) -> bool {
    let text = text.trim_start_matches('(').trim_end_matches(')');
    let squeezed = if spaced {
        despace(text)
    } else {
        Cow::Borrowed(text)
    };
    starts_with_any(&squeezed, CAPTION_STARTS) && char_count(&squeezed) <= 60
        || CAPTION_ENDS.iter().any(|e| squeezed.ends_with(e)) && char_count(&squeezed) <= 60
        || is_photo_credit(text)
        || char_count(&squeezed) <= 80 && ends_with_credit(&squeezed)
}

/// A line ending in a bracketed picture credit, its closing bracket already trimmed:
/// "▲1月13日,市八届人大四次会议开幕。(图源:内江日报".
fn ends_with_credit(squeezed: &str) -> bool {
    CAPTION_CREDITS.iter().any(|credit| {
        squeezed
            .rfind(credit)
            .is_some_and(|at| !squeezed[at + credit.len()..].contains([')', '。']))
    })
}

/// A caption ending in a photographer's credit: "…工作。陈童 摄", "记者 祝雪娟 摄". The name must
/// stand apart (a space, or "记者" before it) so that prose ending in "拍摄" is not taken.
fn is_photo_credit(text: &str) -> bool {
    let Some(rest) = text.strip_suffix('摄').or_else(|| text.strip_suffix('攝')) else {
        return false;
    };
    let spaced = rest.ends_with(is_space);
    let rest = rest.trim_end_matches(is_space);
    let name_chars = rest.chars().rev().take_while(|c| is_cjk(*c)).count();
    let name_start = rest
        .char_indices()
        .rev()
        .nth(name_chars.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    let before = rest[..name_start].trim_end_matches(is_space);
    let by_reporter = ["记者", "記者", "通讯员", "摄影"]
        .iter()
        .any(|w| before.ends_with(w));
    let name_ok = (2..=4).contains(&name_chars) || by_reporter && (2..=8).contains(&name_chars);
    name_ok && (spaced || by_reporter)
}

/// A table of contents found in the text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Contents {
    /// Indices (into the lines given) of the heading and entry lines, in order.
    pub lines: Vec<usize>,
    /// Each entry's text, normalized, without its numbering and page number.
    pub entries: Vec<String>,
}

/// Find contents lists: a "目录" line and the entry lines after it (each ending in a page
/// number; short group labels between entries count too).
pub fn find_contents(norms: &[&str]) -> Contents {
    let mut contents = Contents::default();
    let mut i = 0;
    while i < norms.len() {
        if longer_than(norms[i], 2) || !matches!(&*despace(norms[i]), "目录" | "目錄" | "目次")
        {
            i += 1;
            continue;
        }
        contents.lines.push(i);
        i += 1;
        while i < norms.len() {
            let next_entry = (i + 1..norms.len())
                .find(|&j| !norms[j].trim().is_empty())
                .is_some_and(|j| contents_entry(norms[j]).is_some());
            if norms[i].trim().is_empty() {
                i += 1;
            } else if let Some(entry) = contents_entry(norms[i]) {
                contents.lines.push(i);
                contents.entries.push(entry);
                i += 1;
            } else if char_count(norms[i].trim()) <= 15
                && !has_sentence_stop(norms[i])
                && next_entry
            {
                contents.lines.push(i);
                i += 1;
            } else if repeated_below(norms, i) || classify_line(norms[i]).is_some() {
                // A contents list without page numbers (a repost's): its entries are the
                // headings the text below repeats; a page's button in it ("收起") is kept in.
                contents.lines.push(i);
                i += 1;
            } else {
                break;
            }
        }
    }
    contents
}

/// Longest entry of a contents list without page numbers, in characters.
const MAX_UNPAGED_ENTRY_CHARS: usize = 40;

/// Line `i` is short, ends no sentence, and stands again further down (as the heading it lists).
fn repeated_below(norms: &[&str], i: usize) -> bool {
    let line = norms[i].trim();
    if longer_than(line, MAX_UNPAGED_ENTRY_CHARS) || has_sentence_stop(line) {
        return false;
    }
    let entry = despace(line);
    norms[i + 1..]
        .iter()
        .any(|n| n.len() >= line.len() && despace(n.trim()) == entry)
}

/// A contents entry: text, then leader dots or spaces, then a page number.
pub fn contents_entry(norm: &str) -> Option<String> {
    let text = norm.trim_matches(is_space);
    let digits = text.chars().rev().take_while(char::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let body = &text[..text.len() - digits];
    let is_leader = |c: char| is_space(c) || ".…·-_─—".contains(c);
    if !body.ends_with(is_leader) {
        return None;
    }
    let body = body.trim_end_matches(is_leader);
    let body = match parse_marker(body) {
        Some(m) => &body[m.len..],
        None => body,
    };
    let ok = !body.is_empty() && char_count(body) <= 60 && !has_sentence_stop(body);
    ok.then(|| body.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_words_pass_the_quick_tests() {
        assert!(SOURCE_WORDS.iter().all(|w| w.contains(':')));
        assert!(COMMENT_WORDS.iter().all(|w| w.contains('(')));
    }

    #[test]
    fn site_chrome_is_dropped() {
        for line in [
            "您当前的位置 : 长城网 >> 廊坊频道 >> 廊坊新闻",
            "来源: 长城网 作者: 2020-10-01 10:13:00",
            "2024年01月29日 评论(0) 来源: 《廊坊日报》 作者:",
            "关键词:廊坊,小康",
            "责任编辑:姜薇",
            "推荐阅读",
            "网站简介 | 联系我们 | 广告服务 | 监督我们 | 举报平台 | 建站",
            "点击查阅更多2021年地方政府工作报告",
            "正文复制",
            "2020-10-01 10:13:00",
        ] {
            assert_eq!(classify_line(line), Some(DropReason::SiteChrome), "{line}");
        }
    }

    #[test]
    fn captions_page_numbers_and_noise() {
        for line in [
            "记者 祝雪娟 摄",
            "廊坊科森电器有限公司车间内,工人在数字化电枢生产线工作。陈童\u{a0}摄",
            "交警在路口执勤。记者\u{a0}祝雪娟\u{a0}摄",
            "廊坊市京津冀大数据感知体验中心。资料图",
            "(图片来源:长城网)",
            "▲1月13日,市八届人大四次会议开幕。(图源:内江日报)",
            "图源:内江日报",
        ] {
            assert_eq!(classify_line(line), Some(DropReason::Caption), "{line}");
        }
        for line in [
            "- 12 -",
            "12",
            "第3页",
            "第 3 页 共 10 页",
            "3/10",
            "1234/5678",
            "—12—",
        ] {
            assert_eq!(classify_line(line), Some(DropReason::PageNumber), "{line}");
        }
        for line in [
            "第3页/共10页",
            "第 3 页 / 共 14 页",
            "(下转第3版)",
            "上接第2版",
        ] {
            assert_eq!(classify_line(line), Some(DropReason::PageNumber), "{line}");
        }
        for line in ["12345/1", "3页 共10页", "下转移支付"] {
            assert_eq!(classify_line(line), None, "{line}");
        }
        assert_eq!(classify_line("|"), Some(DropReason::Noise));
        assert_eq!(classify_line("***"), Some(DropReason::Noise));
    }

    #[test]
    fn report_text_is_kept() {
        for line in [
            "各位代表:",
            "一、2023年工作回顾",
            "全部完成,财政民生支出1093.6亿元,占比达到80.1%。",
            "资金来源:财政拨款和社会资本各占一半。",
            "组织力量完成全部影像拍摄",
            "2023年 工作回顾",
            "2024年济南市政府工作报告",
        ] {
            assert_eq!(classify_line(line), None, "{line}");
        }
    }

    #[test]
    fn contents_lists_end_where_entries_end() {
        let lines = [
            "正文复制",
            "目 录",
            "一、地级市",
            "1.2024年济南市政府工作报告 1",
            "2.2024年沈阳市政府工作报告 23",
            "二、县级市",
            "13.2024年度江阴市政府工作报告……193",
            "2024年济南市政府工作报告",
            "各位代表:",
        ];
        let contents = find_contents(&lines);
        assert_eq!(contents.lines, vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(
            contents.entries,
            vec![
                "2024年济南市政府工作报告",
                "2024年沈阳市政府工作报告",
                "2024年度江阴市政府工作报告"
            ]
        );
    }

    #[test]
    fn a_contents_list_without_page_numbers_is_the_headings_repeated_below() {
        let lines = [
            "目录",
            "一、2023年工作回顾",
            "二、2024年工作安排",
            "编者按:以下为报告全文。",
            "2024年商丘市政府工作报告",
            "一、2023年工作回顾",
            "过去一年,我们做了很多工作。",
            "二、2024年工作安排",
        ];
        assert_eq!(find_contents(&lines).lines, vec![0, 1, 2]);
        // A list the text does not repeat is not a contents list's.
        let lines = ["目录", "一、甲", "二、乙", "正文。"];
        assert_eq!(find_contents(&lines).lines, vec![0]);
    }
}
