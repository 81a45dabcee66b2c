//! What makes a sentence concrete, and where in it: a figure, a deadline, a named programme.
//!
//! Each mark comes with its character range in the sentence (normalized text), so that the
//! listing can show the part that is the report's own, and so that a mark lying in text
//! shared with another report does not count.

use std::sync::LazyLock;

use crate::comparison::CommitmentMark;
use crate::key::is_digit;
use crate::plan::figures::unit_at;
use crate::plan::outlook::chars_of;

use super::super::words::Words;

/// Deadline words.
const DEADLINES: [&str; 10] = [
    "年底前",
    "月底前",
    "年内",
    "年底",
    "上半年",
    "下半年",
    "季度",
    "前完成",
    "前建成",
    "底前",
];

/// Named-programme suffixes, and the suffixes of named places and bodies a plan builds or
/// supports (浑南科技城, 盘锦高新区, 华锦集团).
const PROGRAMMES: [&str; 18] = [
    "工程",
    "项目",
    "行动",
    "计划",
    "示范区",
    "园区",
    "基地",
    "攻坚战",
    "高新区",
    "经开区",
    "开发区",
    "科技城",
    "综合体",
    "产业园",
    "试验区",
    "集团",
    "公司",
    "博览会",
];

/// Two characters before a programme suffix that make it generic, not a name.
const GENERIC_BEFORE: [&str; 48] = [
    "重点", "重大", "一批", "各类", "各项", "相关", "民生", "建设", "推进", "加快", "实施", "开展",
    "启动", "谋划", "储备", "招商", "引进", "落地", "签约", "新建", "续建", "在建", "产业", "这些",
    "工程", "项目", "加强", "规范", "优化", "企业", "平台", "政府", "投资", "工业", "特色", "国家",
    "中央", "省级", "市级", "县级", "上市", "攻坚", "上述", "年度", "保障", "服务", "发展", "管理",
];

/// Words right after 项目 or 工程 that make it the generic word (项目管理, 项目审批), not the
/// end of a name.
const GENERIC_AFTER: [&str; 14] = [
    "管理", "决策", "审批", "资金", "储备", "谋划", "招引", "前期", "落地", "用地", "服务", "包装",
    "申报", "推进",
];

/// Words that open a clause before a programme's name (实施城市更新行动): the name starts
/// after them.
const NAME_OPENERS: [&str; 30] = [
    "实施", "推进", "开展", "启动", "深化", "打造", "建设", "创建", "加快", "组织", "落实", "全面",
    "深入", "持续", "大力", "扎实", "继续", "推动", "争创", "完成", "抓好", "做好", "开工", "建成",
    "确保", "力争", "打好", "打赢", "做实", "坚决",
];

/// At most this many characters of a name before its programme suffix.
const MAX_NAME: usize = 12;

/// Words that make a figure whatever the digits.
const FIGURE_WORDS: [&str; 3] = ["%", "百分之", "个百分点"];

/// A mark and where it stands: characters `start..end` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkSpan {
    pub mark: CommitmentMark,
    pub start: usize,
    pub end: usize,
}

/// The words that make a mark (a programme suffix only may: see [`name_start`]), with their
/// length in characters.
static MARK_WORDS: LazyLock<Words<(CommitmentMark, usize)>> = LazyLock::new(|| {
    let tagged = |words: &'static [&'static str], mark| {
        words.iter().map(move |w| (*w, (mark, w.chars().count())))
    };
    Words::new(
        tagged(&FIGURE_WORDS, CommitmentMark::Figure)
            .chain(tagged(&DEADLINES, CommitmentMark::Deadline))
            .chain(tagged(&PROGRAMMES, CommitmentMark::Named)),
    )
});

static PROGRAMME_WORDS: LazyLock<Words<()>> =
    LazyLock::new(|| Words::new(PROGRAMMES.iter().map(|w| (*w, ()))));

/// What makes a sentence (normalized text) concrete, sorted, each mark once.
pub fn concrete_marks(text: &str) -> Vec<CommitmentMark> {
    let mut marks: Vec<CommitmentMark> = mark_spans(text).iter().map(|m| m.mark).collect();
    marks.sort_unstable();
    marks.dedup();
    marks
}

/// Every mark of a sentence with its range, in order of start.
pub fn mark_spans(text: &str) -> Vec<MarkSpan> {
    let chars = chars_of(text);
    spans_of(&chars)
}

pub(crate) fn spans_of(chars: &[char]) -> Vec<MarkSpan> {
    let mut out = Vec::new();
    let span = |mark, start, end| MarkSpan { mark, start, end };
    for (at, (mark, len)) in MARK_WORDS.find_in(chars) {
        match mark {
            CommitmentMark::Named => {
                if let Some(start) = name_start(chars, at) {
                    out.push(span(mark, start, at + len));
                }
            }
            // "%" belongs to the figure before it, found below.
            CommitmentMark::Figure if at > 0 && is_digit(chars[at - 1]) => {}
            // "9月底前": the month's digits belong to the deadline.
            CommitmentMark::Deadline => {
                let mut start = at;
                while start > 0 && is_digit(chars[start - 1]) {
                    start -= 1;
                }
                out.push(span(mark, start, at + len));
            }
            _ => out.push(span(mark, at, at + len)),
        }
    }
    out.extend(
        figure_spans(chars)
            .into_iter()
            .map(|(s, e)| span(CommitmentMark::Figure, s, e)),
    );
    out.extend(
        han_quantities(chars)
            .into_iter()
            .map(|(s, e)| span(CommitmentMark::Figure, s, e)),
    );
    out.extend(
        dated_deadlines(chars)
            .into_iter()
            .map(|(s, e)| span(CommitmentMark::Deadline, s, e)),
    );
    out.extend(
        titles(chars)
            .into_iter()
            .map(|(s, e)| span(CommitmentMark::Named, s, e)),
    );
    out.extend(
        quoted_programmes(chars)
            .into_iter()
            .map(|(s, e)| span(CommitmentMark::Named, s, e)),
    );
    out.sort_by_key(|m| (m.start, m.end));
    // A quoted programme and its suffix's name are one name: keep the wider.
    let mut kept: Vec<MarkSpan> = Vec::with_capacity(out.len());
    for m in out {
        match kept.last_mut() {
            Some(last) if last.mark == m.mark && m.start < last.end => {
                last.end = last.end.max(m.end)
            }
            _ => kept.push(m),
        }
    }
    kept
}

/// Figures besides the figure words: a digit run that is not a year ("2024年"), a date ("9月",
/// "15日"), a list number ("1、"), an anniversary or a rank; with its unit ("500个").
fn figure_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        // A decimal point inside a figure belongs to it.
        while i < chars.len() && (is_digit(chars[i]) || (chars[i] == '.' && i > start)) {
            i += 1;
        }
        // Digits inside a Latin word are no figure: "PM2.5", "5G".
        if start > 0 && chars[start - 1].is_ascii_alphabetic() {
            continue;
        }
        let len = i - start;
        let year = len == 4 && chars.get(i) == Some(&'年');
        let date = matches!(chars.get(i), Some('月' | '日'));
        let enumeration = matches!(chars.get(i), Some('、' | ')' | '）'));
        // "改革开放40周年", "第5位": an anniversary or a rank, not a target.
        let anniversary = chars.get(i..i + 2) == Some(&['周', '年'][..]);
        let ordinal = start > 0 && chars.get(start - 1) == Some(&'第');
        if !year && !date && !enumeration && !anniversary && !ordinal {
            let end = i + unit_at(chars, i).map_or(0, |u| u.chars().count());
            out.push((start, end));
        }
    }
    out
}

fn han_quantities(chars: &[char]) -> Vec<(usize, usize)> {
    let numeral = |c: char| "一二三四五六七八九十百千两".contains(c);
    const UNITS: [&str; 10] = [
        "万",
        "亿",
        "公里",
        "千米",
        "亩",
        "户",
        "所",
        "座",
        "吨",
        "平方米",
    ];
    let mut out = Vec::new();
    for i in 0..chars.len() {
        if !numeral(chars[i]) || (i > 0 && numeral(chars[i - 1])) {
            continue;
        }
        let mut end = i;
        while end < chars.len() && numeral(chars[end]) {
            end += 1;
        }
        // "一户一案", "一座城": one of something is a manner of speaking, not a figure.
        if end - i == 1 && chars[i] == '一' {
            continue;
        }
        let rest = &chars[end..];
        if let Some(u) = UNITS
            .iter()
            .find(|u| u.chars().count() <= rest.len() && u.chars().zip(rest).all(|(x, &y)| x == y))
        {
            out.push((i, end + u.chars().count()));
        }
    }
    out
}

/// A deadline besides the deadline words: "2025年前", "6月前".
fn dated_deadlines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(2) {
        if is_digit(chars[i]) && matches!(chars[i + 1], '年' | '月') && chars[i + 2] == '前' {
            let mut start = i;
            while start > 0 && is_digit(chars[start - 1]) {
                start -= 1;
            }
            out.push((start, i + 3));
        }
    }
    out
}

/// Each 《title》.
fn titles(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = chars[from..]
        .iter()
        .position(|&c| c == '《')
        .map(|p| p + from)
    {
        let Some(close) = chars[open..]
            .iter()
            .position(|&c| c == '》')
            .map(|p| p + open)
        else {
            break;
        };
        out.push((open, close + 1));
        from = close + 1;
    }
    out
}

/// Where the name ending in the programme suffix at `at` starts, if it is a name: at least two
/// Han characters before the suffix that are not a generic word (重点工程, 一批项目); it
/// starts after the clause's punctuation or opening verb, at most [`MAX_NAME`] back.
fn name_start(chars: &[char], at: usize) -> Option<usize> {
    let after: String = chars.iter().skip(at + 2).take(2).collect();
    let suffix: String = chars.iter().skip(at).take(2).collect();
    if matches!(suffix.as_str(), "项目" | "工程") && GENERIC_AFTER.contains(&after.as_str()) {
        return None;
    }
    // "金发生物基一体化、键凯医用药聚乙二醇等项目": the names listed before 等.
    if at > 0 && chars[at - 1] == '等' {
        let end = at - 1;
        let mut start = end;
        while start > 0 && end - start < 3 * MAX_NAME {
            let c = chars[start - 1];
            if !(is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '、' | '“' | '”' | '·'))
            {
                break;
            }
            start -= 1;
        }
        let start = after_opener(chars, start, end)?;
        return (end - start >= 4).then_some(start);
    }
    let (c1, c2) = (
        *chars.get(at.checked_sub(1)?)?,
        *chars.get(at.checked_sub(2)?)?,
    );
    let named = is_han(c1)
        && is_han(c2)
        // A verb or a measure word right before the suffix: 抓项目, 更多项目, 建强园区.
        && !"的等个批项类各些好大抓多强脱".contains(c1)
        && !GENERIC_BEFORE.iter().any(|g| g.chars().eq([c2, c1]));
    if !named {
        return None;
    }
    let mut start = at;
    while start > 0 && at - start < MAX_NAME {
        let c = chars[start - 1];
        if !(is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '+' | '“' | '”' | '"' | '·'))
        {
            break;
        }
        start -= 1;
    }
    let mut start = after_opener(chars, start, at)?;
    // "融资和项目": a name does not reach over a conjunction.
    if let Some(cut) = (start..at).rev().find(|&i| "和及与或的".contains(chars[i])) {
        start = cut + 1;
    }
    // A quote left open at the start is not part of the name.
    if matches!(chars.get(start), Some('”')) {
        start += 1;
    }
    (at - start >= 2).then_some(start)
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Where a name found to start at `start` and end before `end` starts once an opening verb is
/// left out: 实施城市更新行动 names 城市更新行动; `None` when too little is left (确保项目).
fn after_opener(chars: &[char], start: usize, end: usize) -> Option<usize> {
    let mut cut = start;
    for i in start..end {
        if let Some(opener) = NAME_OPENERS.iter().find(|o| {
            let o: Vec<char> = o.chars().collect();
            i + o.len() <= end && chars[i..].starts_with(&o)
        }) {
            cut = i + opener.chars().count();
        }
    }
    (end - cut >= 2).then_some(cut)
}

/// Quoted names that are programmes: “菜篮子”工程, “千万工程”, “乐购沈阳”行动. A quoted
/// slogan alone (“四个意识”, “一网通办”) is not a commitment.
fn quoted_programmes(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('"', '"'), ('「', '」')] {
        let mut from = 0;
        while let Some(at) = chars[from..]
            .iter()
            .position(|&c| c == open)
            .map(|p| p + from)
        {
            let Some(end) = chars[at + 1..]
                .iter()
                .position(|&c| c == close)
                .map(|p| p + at + 1)
            else {
                break;
            };
            let (inside, following) = (&chars[at + 1..end], &chars[end + 1..]);
            let suffix = PROGRAMMES.iter().find(|p| {
                let p: Vec<char> = p.chars().collect();
                following.starts_with(&p)
            });
            if (2..=15).contains(&inside.len()) && (PROGRAMME_WORDS.end(inside) || suffix.is_some())
            {
                out.push((at, end + 1 + suffix.map_or(0, |s| s.chars().count())));
            }
            from = end + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
