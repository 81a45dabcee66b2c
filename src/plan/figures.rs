//! Figures in a clause of normalized text, and the targets a clause states.
//!
//! A clause ("地区生产总值增长5%—5.5%", "城镇登记失业率控制在4.6%以内", "一般公共预算收入和
//! 固定资产投资分别增长8%和10%") names indicators and gives figures. Each figure is read
//! with its range, its unit, the verb before it (增长 → increase, 降低 → decrease, 达到 → a
//! level) and its qualifiers (左右, 以上, 以内, 力争); then each figure goes to the indicators
//! it speaks for.

use schemars::JsonSchema;
use serde::Serialize;

use super::indicator::{mentions, Indicator, Mention};

/// Which way a figure moves the indicator, when the verb before it says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// 增长, 提高, 增加, 上涨.
    Increase,
    /// 降低, 下降, 减少.
    Decrease,
}

/// What a target says of its figure besides the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 左右, 上下: about.
    About,
    /// 以上: at least.
    AtLeast,
    /// 以内, 以下, 控制在…以内: at most.
    AtMost,
    /// 力争: strive for.
    Strive,
    /// 同步: in step with another indicator.
    InStep,
    /// 下达, 按…安排: as assigned from above.
    Assigned,
    /// 基本平衡, 保持稳定: held stable, no figure.
    Stable,
}

impl Qualifier {
    /// The word a report writes for it.
    pub fn written(self) -> &'static str {
        match self {
            Qualifier::About => "左右",
            Qualifier::AtLeast => "以上",
            Qualifier::AtMost => "以内",
            Qualifier::Strive => "力争",
            Qualifier::InStep => "同步",
            Qualifier::Assigned => "下达",
            Qualifier::Stable => "稳定",
        }
    }
}

/// One figure: a value or a range, with its unit.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Figure {
    pub low: f64,
    pub high: f64,
    /// As written after the figure: "%", "个百分点", "万人", "亿元"; empty when none.
    pub unit: String,
}

/// A figure found in a clause, where it stands, and what is said of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub figure: Figure,
    pub start: usize,
    pub end: usize,
    pub change: Option<Change>,
    pub qualifiers: Vec<Qualifier>,
}

/// What one clause states of one indicator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stated {
    pub indicator: Indicator,
    /// The wording as written (for `Other`, the words before the figure).
    pub name: String,
    pub change: Option<Change>,
    pub figure: Option<Figure>,
    pub qualifiers: Vec<Qualifier>,
}

/// Units, longest first where one begins another.
const UNITS: [&str; 43] = [
    "个百分点",
    "%",
    "‰",
    "万亿斤",
    "亿斤",
    "万斤",
    "万亿元",
    "亿美元",
    "万美元",
    "美元",
    "亿元",
    "万元",
    "元",
    "万人次",
    "人次",
    "万人",
    "人",
    "万吨标准煤",
    "万吨",
    "吨",
    "万公顷",
    "万亩",
    "亩",
    "万千瓦",
    "千瓦",
    "万户",
    "户",
    "万套",
    "套",
    "万个",
    "个",
    "倍",
    "平方公里",
    "公里",
    "平方米",
    "万辆",
    "辆",
    "家",
    "条",
    "项",
    "所",
    "座",
    "处",
];

/// Words before a figure that say how it moves the indicator (`Some`) or that it is a level
/// (`None`): the last one before the figure decides.
const VERBS: [(&str, Option<Change>); 19] = [
    ("增长", Some(Change::Increase)),
    ("提高", Some(Change::Increase)),
    ("增加", Some(Change::Increase)),
    ("上涨", Some(Change::Increase)),
    ("提升", Some(Change::Increase)),
    ("降低", Some(Change::Decrease)),
    ("下降", Some(Change::Decrease)),
    ("减少", Some(Change::Decrease)),
    ("达到", None),
    ("完成", None),
    ("控制在", None),
    ("保持在", None),
    ("稳定在", None),
    ("实现", None),
    ("突破", None),
    ("超过", None),
    ("涨幅", None),
    ("增幅", None),
    ("总量", None),
];

/// Characters that separate a figure's two ends.
const RANGE_SEPARATORS: [char; 7] = ['-', '—', '–', '~', '～', '至', '到'];

fn is_ascii_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// A number at `at` (ASCII digits, one decimal point): its value and where it ends.
fn number_at(chars: &[char], at: usize) -> Option<(f64, usize)> {
    let mut end = at;
    let mut point = false;
    while end < chars.len() {
        let c = chars[end];
        if is_ascii_digit(c) {
            end += 1;
        } else if c == '.'
            && !point
            && end > at
            && chars.get(end + 1).is_some_and(|d| d.is_ascii_digit())
        {
            point = true;
            end += 1;
        } else {
            break;
        }
    }
    if end == at {
        return None;
    }
    let text: String = chars[at..end].iter().collect();
    text.parse().ok().map(|v| (v, end))
}

fn word_at(chars: &[char], at: usize, word: &str) -> bool {
    let mut rest = chars.get(at..).unwrap_or(&[]).iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

pub(crate) fn unit_at(chars: &[char], at: usize) -> Option<&'static str> {
    UNITS.iter().copied().find(|u| word_at(chars, at, u))
}

/// Every figure of `chars` (years, dates, durations and ordinals are not figures).
pub(crate) fn figures(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // A digit inside a Latin word or a number is no figure of its own ("PM2.5").
        let glued = i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.');
        if !is_ascii_digit(chars[i]) || glued {
            i += 1;
            continue;
        }
        let start = i;
        let Some((low, mut end)) = number_at(chars, i) else {
            i += 1;
            continue;
        };
        let mut unit = unit_at(chars, end);
        if let Some(u) = unit {
            end += u.chars().count();
        }
        let mut high = low;
        // A range: "5%—5.5%", "4.5-5%", "6%到6.5%".
        if let Some(&sep) = chars.get(end) {
            if RANGE_SEPARATORS.contains(&sep) {
                if let Some((value, after)) = number_at(chars, end + 1) {
                    let second = unit_at(chars, after);
                    if second.is_some() || unit.is_none() {
                        high = value;
                        end = after + second.map_or(0, |u| u.chars().count());
                        unit = second.or(unit);
                    }
                }
            }
        }
        i = end;
        let next = chars.get(end).copied();
        let ordinal = start > 0 && chars[start - 1] == '第';
        let calendar = unit.is_none()
            && matches!(
                next,
                Some('年' | '月' | '日' | '天' | '周' | '季' | '条' | '项' | '家' | '号' | '期')
            );
        // A list number: "1.", "2、", "(3)".
        let enumeration =
            unit.is_none() && high == low && matches!(next, Some('.' | '、' | ')' | '）'));
        if ordinal || calendar || enumeration {
            continue;
        }
        let mut qualifiers = Vec::new();
        let mut after = end;
        for (word, qualifier) in [
            ("左右", Qualifier::About),
            ("上下", Qualifier::About),
            ("以上", Qualifier::AtLeast),
            ("以内", Qualifier::AtMost),
            ("以下", Qualifier::AtMost),
        ] {
            if word_at(chars, after, word) {
                qualifiers.push(qualifier);
                after += 2;
            }
        }
        out.push(Found {
            figure: Figure {
                low: low.min(high),
                high: low.max(high),
                unit: unit.unwrap_or("").to_string(),
            },
            start,
            end: after,
            change: None,
            qualifiers,
        });
    }
    out
}

/// The verb and the 力争 in `segment` (the text between the previous indicator or figure and
/// this figure).
fn read_before(segment: &[char], found: &mut Found) {
    let mut last: Option<(usize, Option<Change>)> = None;
    for at in 0..segment.len() {
        for (word, change) in VERBS {
            if word_at(segment, at, word) {
                let end = at + word.chars().count();
                // 增加到, 降至: the level reached, not a change.
                let level = matches!(segment.get(end), Some('到' | '至'));
                if last.is_none_or(|(e, _)| end >= e) {
                    last = Some((end, if level { None } else { change }));
                }
            }
        }
    }
    found.change = last.and_then(|(_, change)| change);
    if (0..segment.len()).any(|at| word_at(segment, at, "力争")) {
        found.qualifiers.insert(0, Qualifier::Strive);
    }
}

/// Qualifiers of a clause without a figure.
fn clause_qualifiers(chars: &[char]) -> Vec<Qualifier> {
    let has = |w: &str| (0..chars.len()).any(|at| word_at(chars, at, w));
    let mut out = Vec::new();
    if has("同步") {
        out.push(Qualifier::InStep);
    }
    if ["下达", "确定的目标", "市定目标", "上级要求", "规定的目标"]
        .iter()
        .any(|w| has(w))
        || (has("按") && has("安排"))
    {
        out.push(Qualifier::Assigned);
    }
    if has("平衡") || has("稳定") {
        out.push(Qualifier::Stable);
    }
    out
}

/// Words a clause may start with that only introduce it, left out of an `Other` name.
const LEAD_WORDS: [&str; 13] = [
    "今年",
    "全年",
    "确保",
    "力争",
    "争取",
    "其中",
    "同比",
    "可比",
    "同口径",
    "实际",
    "继续",
    "进一步",
    "分别",
];

/// What `clause` states, given the indicators the previous clause of the sentence spoke of
/// (`inherited`: "地区生产总值增长8%,达到296亿元" gives the level to GDP too). Returns the
/// statements and the indicators this clause speaks of, for the next clause.
pub(crate) fn read_clause(
    clause: &[char],
    inherited: &[Indicator],
    other_allowed: bool,
) -> (Vec<Stated>, Vec<Indicator>) {
    let named = mentions(clause);
    let mut found = figures(clause);
    // "由2010年的162.4亿元增加到2015年的287.9亿元": the figure the clause arrives at.
    let to = (0..clause.len()).rev().find(|&at| clause[at] == '到');
    if let Some(to) = to.filter(|&to| clause[..to].contains(&'由')) {
        found.retain(|f| f.start > to);
    }
    let wording = |m: &Mention| clause[m.start..m.end].iter().collect::<String>();
    let mut out = Vec::new();
    if found.is_empty() {
        let qualifiers = clause_qualifiers(clause);
        let speaks: Vec<&Mention> = if qualifiers.contains(&Qualifier::InStep) {
            // 居民收入增长和经济增长同步: the first grows in step with the second.
            let first = named.first().map(|m| m.start);
            named.iter().filter(|m| Some(m.start) == first).collect()
        } else {
            named.iter().collect()
        };
        if speaks.is_empty() && other_allowed && clause.len() >= 4 {
            // A target outside the list, without a figure: 生态环境质量持续改善.
            out.push(Stated {
                indicator: Indicator::Other,
                name: clause.iter().collect(),
                change: None,
                figure: None,
                qualifiers: qualifiers.clone(),
            });
        }
        for m in speaks {
            out.push(Stated {
                indicator: m.indicator,
                name: wording(m),
                change: None,
                figure: None,
                qualifiers: qualifiers.clone(),
            });
        }
        let next = named.iter().map(|m| m.indicator).collect();
        return (out, next);
    }
    // Each figure's verb and 力争 come from the text since the last indicator or figure.
    let mut boundary = 0;
    let mut previous: Option<Option<Change>> = None;
    for f in &mut found {
        let after_indicator = named
            .iter()
            .filter(|m| m.end <= f.start)
            .map(|m| m.end)
            .max()
            .unwrap_or(0);
        let from = after_indicator.max(boundary);
        let segment = &clause[from..f.start];
        read_before(segment, f);
        // 分别增长5.5%左右和6.5%以上: the second figure grows as the first does.
        let verbless = !VERBS
            .iter()
            .any(|(w, _)| (0..segment.len()).any(|at| word_at(segment, at, w)));
        if verbless && after_indicator < boundary {
            if let Some(change) = previous {
                f.change = change;
            }
        }
        previous = Some(f.change);
        boundary = f.end;
    }
    let respectively = (0..clause.len()).any(|at| word_at(clause, at, "分别"));
    let mut pending: Vec<&Mention> = Vec::new();
    let mut last: Vec<(Indicator, String)> =
        inherited.iter().map(|i| (*i, String::new())).collect();
    let mut tokens: Vec<(usize, Option<&Mention>, Option<&Found>)> = named
        .iter()
        .map(|m| (m.start, Some(m), None))
        .chain(found.iter().map(|f| (f.start, None, Some(f))))
        .collect();
    tokens.sort_by_key(|t| t.0);
    let figures_total = found.len();
    let mut figures_seen = 0;
    for (_, mention, figure) in tokens {
        if let Some(m) = mention {
            pending.push(m);
            continue;
        }
        let Some(f) = figure else { continue };
        figures_seen += 1;
        // A figure with no indicator of its own continues the last one only when nothing
        // names another thing before it (增长8%,达到296亿元; not 服务业增加值增长13%).
        let own_words =
            !other_name(&clause[boundary_before(&named, &found, f)..f.start]).is_empty();
        let targets: Vec<(Indicator, String)> = if pending.is_empty() && own_words && other_allowed
        {
            Vec::new()
        } else if pending.is_empty() {
            last.clone()
        } else if respectively
            && pending.len() > 1
            && figures_total - figures_seen + 1 >= pending.len()
        {
            // 分别增长8%和10%: the figures go to the indicators in turn.
            let m = pending.remove(0);
            vec![(m.indicator, wording(m))]
        } else {
            pending
                .drain(..)
                .map(|m| (m.indicator, wording(m)))
                .collect()
        };
        let targets = if targets.is_empty() && other_allowed {
            vec![(Indicator::Other, other_name(&clause[..f.start]))]
        } else {
            targets
        };
        for (indicator, name) in &targets {
            out.push(Stated {
                indicator: *indicator,
                name: name.clone(),
                change: f.change,
                figure: Some(f.figure.clone()),
                qualifiers: f.qualifiers.clone(),
            });
        }
        if !targets.is_empty() {
            last = targets;
        }
    }
    let next = last
        .iter()
        .map(|(i, _)| *i)
        .filter(|i| *i != Indicator::Other)
        .collect();
    (out, next)
}

/// Where the words belonging to figure `f` begin: after the last indicator or figure before it.
fn boundary_before(named: &[Mention], found: &[Found], f: &Found) -> usize {
    named
        .iter()
        .map(|m| m.end)
        .chain(found.iter().map(|g| g.end))
        .filter(|&end| end <= f.start)
        .max()
        .unwrap_or(0)
}

/// The name of an indicator outside the list: the words before its verb and figure.
fn other_name(before: &[char]) -> String {
    let mut end = before.len();
    for (word, _) in VERBS {
        if let Some(at) = (0..before.len())
            .rev()
            .find(|&at| word_at(before, at, word))
        {
            end = end.min(at);
        }
    }
    let mut start = 0;
    for lead in LEAD_WORDS {
        if word_at(before, start, lead) {
            start += lead.chars().count();
        }
    }
    before[start.min(end)..end]
        .iter()
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::chars;

    fn one(text: &str) -> Vec<Stated> {
        read_clause(&chars(text), &[], true).0
    }

    fn figure(low: f64, high: f64, unit: &str) -> Option<Figure> {
        Some(Figure {
            low,
            high,
            unit: unit.to_string(),
        })
    }

    #[test]
    fn a_growth_target_with_its_qualifier() {
        let s = one("地区生产总值增长6%左右");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].indicator, Indicator::Gdp);
        assert_eq!(s[0].change, Some(Change::Increase));
        assert_eq!(s[0].figure, figure(6.0, 6.0, "%"));
        assert_eq!(s[0].qualifiers, vec![Qualifier::About]);
    }

    #[test]
    fn ranges_in_every_spelling() {
        for text in [
            "地区生产总值增长5%—5.5%",
            "地区生产总值增长5-5.5%",
            "地区生产总值增长5%到5.5%",
        ] {
            assert_eq!(one(text)[0].figure, figure(5.0, 5.5, "%"), "{text}");
        }
    }

    #[test]
    fn levels_ceilings_and_units() {
        let s = one("城镇登记失业率控制在4.6%以内");
        assert_eq!(
            (s[0].change, s[0].qualifiers.clone()),
            (None, vec![Qualifier::AtMost])
        );
        let s = one("城镇新增就业1200万人以上");
        assert_eq!(s[0].figure, figure(1200.0, 1200.0, "万人"));
        assert_eq!(s[0].qualifiers, vec![Qualifier::AtLeast]);
        let s = one("粮食产量1.3万亿斤以上");
        assert_eq!(s[0].figure, figure(1.3, 1.3, "万亿斤"));
        let s = one("居民消费价格涨幅3%左右");
        assert_eq!((s[0].indicator, s[0].change), (Indicator::Cpi, None));
        let s = one("单位国内生产总值能耗降低2.5%左右");
        assert_eq!(
            (s[0].indicator, s[0].change),
            (Indicator::EnergyIntensity, Some(Change::Decrease))
        );
    }

    #[test]
    fn respectively_and_jointly() {
        let s = one("一般公共预算收入和固定资产投资分别增长8%和10%");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].figure, figure(8.0, 8.0, "%"));
        assert_eq!(s[1].indicator, Indicator::FixedAssetInvestment);
        assert_eq!(s[1].figure, figure(10.0, 10.0, "%"));
        let s = one("城镇居民人均可支配收入、农民人均纯收入均增长10%");
        assert_eq!(s.len(), 2);
        assert!(s.iter().all(|t| t.figure == figure(10.0, 10.0, "%")));
    }

    #[test]
    fn a_level_after_the_growth_goes_to_the_same_indicator() {
        let (first, next) = read_clause(&chars("地区生产总值增长8%"), &[], true);
        assert_eq!(first.len(), 1);
        let (second, _) = read_clause(&chars("达到296亿元"), &next, true);
        assert_eq!(second[0].indicator, Indicator::Gdp);
        assert_eq!(
            (second[0].change, second[0].figure.clone()),
            (None, figure(296.0, 296.0, "亿元"))
        );
    }

    #[test]
    fn no_figure_but_a_qualifier() {
        let s = one("居民收入增长和经济增长同步");
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].indicator, s[0].qualifiers.clone()),
            (Indicator::DisposableIncome, vec![Qualifier::InStep])
        );
        let s = one("国际收支保持基本平衡");
        assert_eq!(s[0].qualifiers, vec![Qualifier::Stable]);
    }

    #[test]
    fn strive_and_other_indicators() {
        let s = one("力争增长7%");
        assert!(s[0].qualifiers.contains(&Qualifier::Strive));
        assert_eq!(s[0].indicator, Indicator::Other);
        let s = one("森林覆盖率达到45%");
        assert_eq!(
            (s[0].indicator, s[0].name.as_str()),
            (Indicator::Other, "森林覆盖率")
        );
    }

    #[test]
    fn from_one_level_to_another_is_the_second() {
        let s = one("地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].figure, figure(287.9, 287.9, "亿元"));
        assert_eq!(s[0].change, None, "增加到: the level reached");
    }

    #[test]
    fn years_dates_and_ordinals_are_not_figures() {
        assert!(figures(&chars("2024年3月5日第2次")).is_empty());
        assert_eq!(figures(&chars("到2025年增长5%")).len(), 1);
    }
}
