//! Commitments: what a report concretely promises for the coming year and the other does not.
//!
//! A sentence is a commitment when all three hold:
//!
//! 1. **It looks forward.** Its innermost classified heading is forward-looking
//!    ([`classify_heading`]: 安排, 目标, 任务, 计划, 重点工作, 今年, 展望, 总体要求, 今后…, or a
//!    year not before the report's), none backward (回顾, 过去, 成绩, 成就, 执行情况…, or an
//!    earlier year). Sub-sections inherit from their parents; a heading with both kinds of words
//!    ("2023年工作回顾和2024年工作安排") decides nothing. Where no heading decides, the sentence
//!    itself must start like a plan: 今年, 明年, 下一步, 新的一年, or "2024年" (not before the
//!    report's year) followed soon by 要/将/力争/确保/争取/计划/预计.
//! 2. **It is not said verbatim by the other report** (its kind is not `equal`). A `template`
//!    sentence is kept: same words, but the figures are this report's own.
//! 3. **It is concrete** ([`concrete_marks`]): a figure or percentage (years and dates aside), a
//!    deadline (年底前, 9月底前, 年内, 上半年…), or a named project or programme (《…》, a
//!    “quoted” programme name such as “菜篮子”工程, or a name before 工程/项目/行动/计划/专项/
//!    示范区/园区/基地/攻坚战 that is not a generic word such as 重点, 重大, 一批, 推进). A
//!    quoted slogan alone (“四个意识”) does not count: reports quote slogans everywhere.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::comparison::{Commitment, CommitmentMark, ItemKind, ItemRef};
use crate::key::is_digit;
use crate::model::Heading;

use super::keyed::KeyedReport;
use super::matching::PairKind;
use super::words::Words;

/// Which way a heading looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outlook {
    /// The plan: this year's tasks, targets.
    Forward,
    /// The review: last year's results.
    Backward,
    /// Neither, or both.
    Unknown,
}

const FORWARD_WORDS: [&str; 17] = [
    "安排",
    "目标",
    "任务",
    "计划",
    "重点工作",
    "今年",
    "明年",
    "展望",
    "思路",
    "总体要求",
    "部署",
    "未来",
    "今后",
    "举措",
    "打算",
    "下一步",
    "主要工作",
];

const BACKWARD_WORDS: [&str; 10] = [
    "回顾",
    "过去",
    "去年",
    "成绩",
    "成就",
    "总结",
    "执行情况",
    "完成情况",
    "取得",
    "上年",
];

/// The forward and backward words, tagged forward (true) or backward.
static OUTLOOK_WORDS: LazyLock<Words<bool>> = LazyLock::new(|| {
    let forward = FORWARD_WORDS.iter().map(|w| (*w, true));
    Words::new(forward.chain(BACKWARD_WORDS.iter().map(|w| (*w, false))))
});

/// Classify a heading (normalized text) of a report of `year`.
pub fn classify_heading(text: &str, year: Option<u16>) -> Outlook {
    let chars = chars_of(text);
    let (mut forward, mut backward) = (false, false);
    for (_, is_forward) in OUTLOOK_WORDS.find_in(&chars) {
        forward |= is_forward;
        backward |= !is_forward;
    }
    if let Some(report_year) = year {
        for y in years_in(text) {
            if y >= report_year {
                forward = true;
            } else {
                backward = true;
            }
        }
    }
    match (forward, backward) {
        (true, false) => Outlook::Forward,
        (false, true) => Outlook::Backward,
        _ => Outlook::Unknown,
    }
}

/// The characters of `text`, in a vector sized for them at once (a text has at most as many
/// characters as bytes): collecting grows it a push at a time.
fn chars_of(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    chars
}

/// Four-digit years written as "2024年".
fn years_in(text: &str) -> Vec<u16> {
    let chars = chars_of(text);
    let mut years = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4 && chars.get(i) == Some(&'年') {
            let digits: String = chars[start..i].iter().collect();
            if let Ok(y) = digits.parse() {
                years.push(y);
            }
        }
        if i == start {
            i += 1;
        }
    }
    years
}

/// True when a sentence (outside any classified section) starts like a plan.
pub fn starts_like_plan(text: &str, year: Option<u16>) -> bool {
    let t = text.trim_start();
    if ["今年", "明年", "下一步", "新的一年"]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return true;
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let Some(rest) = t.get(digits.len()..).and_then(|r| r.strip_prefix('年')) else {
        return false;
    };
    let Ok(y) = digits.parse::<u16>() else {
        return false;
    };
    if digits.len() != 4 || year.is_some_and(|ry| y < ry) {
        return false;
    }
    let head: String = rest.chars().take(12).collect();
    ["要", "将", "力争", "确保", "争取", "计划", "预计"]
        .iter()
        .any(|w| head.contains(w))
}

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

/// Named-programme suffixes.
const PROGRAMMES: [&str; 9] = [
    "工程",
    "项目",
    "行动",
    "计划",
    "专项",
    "示范区",
    "园区",
    "基地",
    "攻坚战",
];

/// Two characters before a programme suffix that make it generic, not a name.
const GENERIC_BEFORE: [&str; 26] = [
    "重点", "重大", "一批", "各类", "各项", "相关", "民生", "建设", "推进", "加快", "实施", "开展",
    "启动", "谋划", "储备", "招商", "引进", "落地", "签约", "新建", "续建", "在建", "产业", "这些",
    "工程", "项目",
];

/// Words that make a figure whatever the digits.
const FIGURE_WORDS: [&str; 3] = ["%", "百分之", "个百分点"];

/// The words that make a mark (a programme suffix only may: see [`names_a_programme`]).
static MARK_WORDS: LazyLock<Words<CommitmentMark>> = LazyLock::new(|| {
    let tagged = |words: &'static [&'static str], mark| words.iter().map(move |w| (*w, mark));
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
    // Every test reads characters by position: the text is split into them once.
    let chars = chars_of(text);
    let (mut figure, mut deadline, mut named) = (false, false, false);
    for (at, mark) in MARK_WORDS.find_in(&chars) {
        match mark {
            CommitmentMark::Figure => figure = true,
            CommitmentMark::Deadline => deadline = true,
            CommitmentMark::Named => named = named || names_a_programme(&chars, at),
        }
    }
    let marks = [
        (CommitmentMark::Figure, figure || has_figure(&chars)),
        (
            CommitmentMark::Deadline,
            deadline || has_dated_deadline(&chars),
        ),
        (
            CommitmentMark::Named,
            named || has_title(&chars) || quoted_programme(&chars),
        ),
    ];
    marks
        .into_iter()
        .filter(|(_, has)| *has)
        .map(|(m, _)| m)
        .collect()
}

/// A figure besides the figure words: a digit run that is not a year ("2024年") or a date
/// ("9月", "15日"); a Han-numeral quantity with a unit ("三万", "两所").
fn has_figure(chars: &[char]) -> bool {
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
        let len = i - start;
        let year = len == 4 && chars.get(i) == Some(&'年');
        let date = matches!(chars.get(i), Some('月' | '日'));
        let enumeration = matches!(chars.get(i), Some('、' | ')' | '）'));
        // "改革开放40周年", "第5位": an anniversary or a rank, not a target.
        let anniversary = chars.get(i..i + 2) == Some(&['周', '年'][..]);
        let ordinal = start > 0 && chars.get(start - 1) == Some(&'第');
        if !year && !date && !enumeration && !anniversary && !ordinal {
            return true;
        }
    }
    han_quantity(chars)
}

fn han_quantity(chars: &[char]) -> bool {
    let numeral = |c: char| {
        matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '两'
        )
    };
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
    chars.windows(2).enumerate().any(|(i, w)| {
        numeral(w[0]) && {
            let rest = &chars[i + 1..];
            UNITS.iter().any(|u| {
                u.chars().count() <= rest.len() && u.chars().zip(rest).all(|(x, &y)| x == y)
            })
        }
    })
}

/// A deadline besides the deadline words: "2025年前", "6月前".
fn has_dated_deadline(chars: &[char]) -> bool {
    chars
        .windows(3)
        .any(|w| is_digit(w[0]) && matches!(w[1], '年' | '月') && w[2] == '前')
}

/// A 《title》.
fn has_title(chars: &[char]) -> bool {
    chars
        .iter()
        .position(|&c| c == '《')
        .is_some_and(|open| chars[open..].contains(&'》'))
}

/// Whether the programme suffix at `at` ends a name: two Han characters before it that are not
/// a generic word (重点工程, 一批项目).
fn names_a_programme(chars: &[char], at: usize) -> bool {
    let (Some(&c1), Some(&c2)) = (
        at.checked_sub(1).map(|i| &chars[i]),
        at.checked_sub(2).map(|i| &chars[i]),
    ) else {
        return false;
    };
    let is_han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    is_han(c1)
        && is_han(c2)
        && !"的等个批项类各些好大".contains(c1)
        && !GENERIC_BEFORE.iter().any(|g| g.chars().eq([c2, c1]))
}

/// A quoted name that is a programme: “菜篮子”工程, “千万工程”, “乐购沈阳”行动. A quoted
/// slogan alone (“四个意识”, “一网通办”) is not a commitment.
fn quoted_programme(chars: &[char]) -> bool {
    for (open, close) in [('“', '”'), ('"', '"'), ('「', '」')] {
        let mut rest = chars;
        while let Some(at) = rest.iter().position(|&c| c == open) {
            let after = &rest[at + 1..];
            let Some(end) = after.iter().position(|&c| c == close) else {
                break;
            };
            let (inside, following) = (&after[..end], &after[end + 1..]);
            let programme = |t: &[char]| PROGRAMME_WORDS.start(t) || PROGRAMME_WORDS.end(t);
            if (2..=15).contains(&inside.len())
                && (PROGRAMME_WORDS.end(inside) || programme(following))
            {
                return true;
            }
            rest = following;
        }
    }
    false
}

/// The outlook of sentence `s` of `k`: its innermost heading that decides, else its wording.
/// `outlooks` remembers each heading's class: every sentence under a heading asks again.
fn looks_forward(
    k: &KeyedReport,
    s: usize,
    outlooks: &mut HashMap<*const Heading, Outlook>,
) -> bool {
    let Some(ks) = k.sentences.get(s) else {
        return false;
    };
    let year = k.report.year;
    let innermost_first = ks.headings.iter().rev().map(|h| {
        *outlooks
            .entry(std::ptr::from_ref::<Heading>(h))
            .or_insert_with(|| classify_heading(&h.text.text, year))
    });
    deciding(innermost_first).unwrap_or_else(|| starts_like_plan(&ks.sentence.text.text, year))
}

/// The first outlook that decides (forward: true), innermost heading first.
fn deciding(mut innermost_first: impl Iterator<Item = Outlook>) -> Option<bool> {
    innermost_first.find_map(|outlook| match outlook {
        Outlook::Forward => Some(true),
        Outlook::Backward => Some(false),
        Outlook::Unknown => None,
    })
}

/// Whether a sentence (normalized `text`) standing under `headings` (normalized, outermost
/// first) of a report of `year` looks forward: its innermost heading that decides, else its
/// wording. Shared with the corpus matrix, so both commands classify alike.
pub fn looks_forward_under(headings: &[&str], text: &str, year: Option<u16>) -> bool {
    deciding(headings.iter().rev().map(|h| classify_heading(h, year)))
        .unwrap_or_else(|| starts_like_plan(text, year))
}

/// The commitments of one side: `to` is that side's matching, `refs` where its sentences are
/// listed, `only` the kind of an unmatched sentence on this side.
pub(crate) fn commitments(
    k: &KeyedReport,
    to: &[Option<(usize, PairKind)>],
    refs: &[Option<ItemRef>],
    only: ItemKind,
) -> Vec<Commitment> {
    let mut out = Vec::new();
    let mut outlooks = HashMap::new();
    for (s, ks) in k.sentences.iter().enumerate() {
        let kind = match to.get(s).copied().flatten() {
            Some((_, PairKind::Equal)) => continue,
            Some((_, PairKind::Template)) => ItemKind::Template,
            Some((_, PairKind::Similar)) => ItemKind::Similar,
            None => only,
        };
        let Some(item) = refs.get(s).copied().flatten() else {
            continue;
        };
        if !looks_forward(k, s, &mut outlooks) {
            continue;
        }
        let marks = concrete_marks(&ks.sentence.text.text);
        if marks.is_empty() {
            continue;
        }
        let top = k
            .sections
            .get(ks.section)
            .and_then(|sec| sec.section.heading.as_ref());
        let inner = ks
            .headings
            .last()
            .filter(|h| top.is_none_or(|t| !std::ptr::eq::<Heading>(**h, t)));
        out.push(Commitment {
            section: top.map(|h| h.text.original.clone()),
            subsection: inner.map(|h| h.text.original.clone()),
            text: ks.sentence.text.text.clone(),
            original: ks.sentence.text.original.clone(),
            kind,
            marks,
            item,
        });
    }
    out
}

#[cfg(test)]
mod tests;
