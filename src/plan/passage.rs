//! Where a report states its targets, and where its review states the results.
//!
//! The targets passage opens with its announcement (…主要预期目标是: / 预期目标为 /
//! 主要目标是), outside the review and not about a five-year plan, and runs on while its
//! sentences end in ";" or ":" (reports list targets as one sentence cut by semicolons) or
//! the next sentence starts with an indicator (a list, one target a line). A report without
//! such an announcement gets the first sentence of its plan that states two or more targets.

use super::figures::{figures, read_clause};
use super::indicator::{mentions, starts_with_indicator, Indicator};
use super::outlook::{chars_of, Outlook};
use super::Target;

/// Words announcing the targets.
const ANNOUNCEMENTS: [&str; 5] = ["预期目标", "主要目标", "发展目标", "奋斗目标", "目标任务"];

/// Words that, before the announcement in its sentence, make it a longer plan's.
const LONGER_PLANS: [&str; 10] = [
    "十一五",
    "十二五",
    "十三五",
    "十四五",
    "十五五",
    "五年",
    "2035",
    "远景",
    "今后",
    "中长期",
];

/// Four-digit years written as "2024年" in `text`.
fn years_before(text: &str) -> Vec<u16> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let digits: String = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let starts = i == 0 || !chars[i - 1].is_ascii_digit();
        if starts && digits.len() == 4 && chars.get(i + 4) == Some(&'年') {
            out.extend(digits.parse::<u16>().ok());
        }
    }
    out
}

/// Words of a sentence that explains the targets rather than stating one.
const EXPLANATIONS: [&str; 6] = ["目标", "考虑", "提出", "上述", "说明", "体现"];

/// Longest line that announces the targets by naming them alone.
const MAX_ANNOUNCEMENT_LINE: usize = 30;

/// At most this many sentences in a targets passage.
const MAX_PASSAGE: usize = 16;

/// Where, in `sentence`, the announced targets begin (after "是:"), if it announces them.
fn announcement(sentence: &[char]) -> Option<usize> {
    for at in 0..sentence.len() {
        for word in ANNOUNCEMENTS {
            let len = word.chars().count();
            if !sentence[at..].starts_with(&word.chars().collect::<Vec<char>>()) {
                continue;
            }
            let before: String = sentence[..at].iter().collect();
            if LONGER_PLANS.iter().any(|p| before.contains(p)) {
                return None;
            }
            let mut end = at + len;
            let mut announced = false;
            for joint in ["确定为", "主要是", "是", "为", ":"] {
                let joint: Vec<char> = joint.chars().collect();
                if sentence[end..].starts_with(&joint) {
                    end += joint.len();
                    announced = true;
                }
            }
            // A line naming the targets and nothing else ("■ 2025年…主要预期目标"), the list
            // below it.
            let alone = end == sentence.len() && sentence.len() <= MAX_ANNOUNCEMENT_LINE;
            if announced || alone {
                return Some(end);
            }
        }
    }
    None
}

/// The clauses of a sentence: cut at commas, semicolons, colons and stops.
fn clauses(chars: &[char]) -> impl Iterator<Item = &[char]> {
    chars
        .split(|c| matches!(c, ',' | ';' | ':' | '。' | '!' | '?' | '，' | '；'))
        .filter(|c| !c.is_empty())
}

/// The targets the sentences `passage` state; `first` is the index of the first of them,
/// `skip` the characters of the first to leave out (the announcement).
fn read_passage(passage: &[&str], first: usize, skip: usize) -> Vec<Target> {
    let mut out = Vec::new();
    for (n, sentence) in passage.iter().enumerate() {
        let chars = chars_of(sentence);
        let body = if n == 0 {
            &chars[skip.min(chars.len())..]
        } else {
            &chars[..]
        };
        let mut inherited: Vec<Indicator> = Vec::new();
        let mut carried: Vec<char> = Vec::new();
        for clause in clauses(body) {
            // A clause that only names indicators (城镇新增就业人数,城镇登记失业率…完成…)
            // belongs with the next one.
            if names_only(clause) {
                carried.extend_from_slice(clause);
                carried.push('、');
                continue;
            }
            let joined: Vec<char>;
            let clause = if carried.is_empty() {
                clause
            } else {
                carried.extend_from_slice(clause);
                joined = std::mem::take(&mut carried);
                &joined[..]
            };
            let (stated, next) = read_clause(clause, &inherited, true);
            let text: String = clause.iter().collect();
            // A figure given to the indicator of the clause before takes its wording.
            let wording = |s: &super::figures::Stated, out: &[Target]| {
                if s.name.is_empty() {
                    out.iter()
                        .rev()
                        .find(|t| t.indicator == s.indicator)
                        .map(|t| t.name.clone())
                        .unwrap_or_default()
                } else {
                    s.name.clone()
                }
            };
            let named: Vec<String> = stated.iter().map(|s| wording(s, &out)).collect();
            out.extend(stated.into_iter().zip(named).map(|(s, name)| Target {
                indicator: s.indicator,
                name,
                change: s.change,
                figure: s.figure,
                qualifiers: s.qualifiers,
                clause: text.clone(),
                sentence: first + n,
            }));
            inherited = next;
        }
    }
    out
}

/// Whether a clause is nothing but indicators' names (and the words joining them).
fn names_only(clause: &[char]) -> bool {
    let named = mentions(clause);
    if named.is_empty() {
        return false;
    }
    let mut rest: Vec<char> = Vec::new();
    let mut at = 0;
    for m in &named {
        rest.extend_from_slice(&clause[at.min(m.start)..m.start]);
        at = at.max(m.end);
    }
    rest.extend_from_slice(&clause[at.min(clause.len())..]);
    let rest: String = rest.into_iter().collect();
    rest.replace(['、', '和', '及', ' '], "")
        .replace("人数", "")
        .is_empty()
}

/// How many canonical indicators with a figure `sentence` states.
fn stated_figures(sentence: &str) -> usize {
    let chars = chars_of(sentence);
    clauses(&chars)
        .flat_map(|c| read_clause(c, &[], false).0)
        .filter(|s| s.figure.is_some() && s.indicator != Indicator::Other)
        .count()
}

/// The sentences of the passage opening at `anchor`: while a sentence ends in ";" or ":", or
/// the next one starts with an indicator.
/// `list` when the announcement ends its sentence (targets listed one a line after it).
fn passage_end(sentences: &[&str], anchor: usize, list: bool) -> usize {
    let mut end = anchor + 1;
    while end < sentences.len() && end - anchor < MAX_PASSAGE {
        let previous = sentences[end - 1].trim_end();
        let open = previous.ends_with(';') || previous.ends_with(':') || previous.ends_with('；');
        let next = chars_of(sentences[end].trim_start());
        let item = next
            .iter()
            .position(|c| {
                !(c.is_ascii_digit()
                    || matches!(
                        c,
                        '.' | '、'
                            | '('
                            | ')'
                            | ' '
                            | '●'
                            | '■'
                            | '•'
                            | '·'
                            | '○'
                            | '◆'
                            | '★'
                            | '-'
                    ))
            })
            .is_some_and(|at| starts_with_indicator(&next[at..]));
        // After a full stop, only a sentence that states another target, not one that
        // explains the targets (经济增长预期目标6.5%-7%,考虑了…).
        let explains = EXPLANATIONS.iter().any(|w| sentences[end].contains(w));
        if !(open || (item && (list || !explains))) {
            break;
        }
        end += 1;
    }
    end
}

/// The targets passage of a report: (index of its first sentence, its targets). `outlooks` is
/// each sentence's outlook.
/// The announcement may stand under a heading read as the review's: a heading rdiff did not
/// recognise (■ 2025年主要预期目标) leaves the plan inside the review part. It is refused
/// only when it announces an earlier year's targets (2023年主要预期目标是… in a 2024 report).
pub(crate) fn targets(
    sentences: &[&str],
    outlooks: &[Outlook],
    year: Option<u16>,
) -> Option<(usize, Vec<Target>)> {
    let mut fallback = None;
    for (i, sentence) in sentences.iter().enumerate() {
        let chars = chars_of(sentence);
        if let Some(skip) = announcement(&chars) {
            let before: String = chars[..skip.min(chars.len())].iter().collect();
            let past = year.is_some_and(|y| years_before(&before).iter().any(|&b| b < y));
            if past {
                continue;
            }
            let list = figures(&chars[skip.min(chars.len())..]).is_empty();
            let end = passage_end(sentences, i, list);
            let found = read_passage(&sentences[i..end], i, skip);
            if found
                .iter()
                .any(|t| t.figure.is_some() && t.indicator != Indicator::Other)
            {
                return Some((i, found));
            }
            fallback = fallback.or(Some((i, found)));
        }
    }
    if fallback.as_ref().is_some_and(|(_, t)| !t.is_empty()) {
        return fallback;
    }
    // No announcement: the first sentence of the plan stating two targets or more.
    let i = (0..sentences.len()).find(|&i| {
        outlooks.get(i) == Some(&Outlook::Forward) && stated_figures(sentences[i]) >= 2
    })?;
    let end = passage_end(sentences, i, false);
    Some((i, read_passage(&sentences[i..end], i, 0)))
}

/// Words that make a clause of the review something else than the whole year's result.
const NOT_THE_YEAR: [&str; 20] = [
    "年均",
    "累计",
    "五年",
    "季度",
    "上半年",
    "个月",
    "十二五",
    "十三五",
    "十四五",
    "翻一番",
    "比上年提高",
    "目标",
    "高于",
    "低于",
    "快于",
    "慢于",
    "排名",
    "位居",
    "累积",
    "时期",
];

/// The results the review states: in sentences that look back, or, where no heading decides,
/// before the targets passage; the first figure for each indicator and unit.
pub(crate) fn achieved(
    sentences: &[&str],
    outlooks: &[Outlook],
    anchor: Option<usize>,
) -> Vec<Target> {
    let first_plan = anchor
        .or_else(|| outlooks.iter().position(|o| *o == Outlook::Forward))
        .unwrap_or(sentences.len());
    let mut out: Vec<Target> = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        let review = match outlooks.get(i) {
            Some(Outlook::Backward) => true,
            Some(Outlook::Unknown) => i < first_plan,
            _ => false,
        };
        if !review {
            continue;
        }
        let chars = chars_of(sentence);
        let mut inherited: Vec<Indicator> = Vec::new();
        for clause in clauses(&chars) {
            let text: String = clause.iter().collect();
            if NOT_THE_YEAR.iter().any(|w| text.contains(w))
                || mentions(clause).is_empty() && inherited.is_empty()
            {
                inherited.clear();
                continue;
            }
            let (stated, next) = read_clause(clause, &inherited, false);
            inherited = next;
            for s in stated {
                let Some(figure) = s.figure else { continue };
                let duplicate = out.iter().any(|t| {
                    t.indicator == s.indicator
                        && t.figure.as_ref().is_some_and(|f| f.unit == figure.unit)
                });
                if duplicate || s.indicator == Indicator::Other {
                    continue;
                }
                out.push(Target {
                    indicator: s.indicator,
                    name: s.name,
                    change: s.change,
                    figure: Some(figure),
                    qualifiers: Vec::new(),
                    clause: text.clone(),
                    sentence: i,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentences: &[&str]) -> Option<(usize, Vec<Target>)> {
        targets(sentences, &vec![Outlook::Unknown; sentences.len()], None)
    }

    #[test]
    fn a_passage_cut_by_semicolons() {
        let sentences = [
            "各位代表!",
            "今年发展主要预期目标是:国内生产总值增长5%左右;",
            "城镇新增就业1200万人以上,城镇调查失业率5.5%左右;",
            "居民消费价格涨幅3%左右;",
            "粮食产量1.3万亿斤以上。",
            "提出上述预期目标,综合考虑了国内外形势,国内生产总值增长5%左右。",
        ];
        let (anchor, found) = read(&sentences).unwrap();
        assert_eq!(anchor, 1);
        let names: Vec<Indicator> = found.iter().map(|t| t.indicator).collect();
        assert_eq!(
            names,
            vec![
                Indicator::Gdp,
                Indicator::NewUrbanJobs,
                Indicator::SurveyedUnemployment,
                Indicator::Cpi,
                Indicator::GrainOutput
            ],
            "the explanation after the passage is not a second GDP target"
        );
    }

    #[test]
    fn a_list_one_target_a_line() {
        let sentences = [
            "今年全市经济社会发展的主要预期目标是:",
            "1.地区生产总值增长6%左右。",
            "2.一般公共预算收入增长5%。",
            "实现上述目标,要做好以下工作。",
        ];
        let (_, found) = read(&sentences).unwrap();
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn a_five_year_plans_targets_are_not_the_years() {
        let sentences = [
            "\"十四五\"时期经济社会发展主要目标是:地区生产总值年均增长6%。",
            "今年主要预期目标是:地区生产总值增长6.5%左右。",
        ];
        let (anchor, found) = read(&sentences).unwrap();
        assert_eq!(anchor, 1);
        assert_eq!(found[0].figure.as_ref().map(|f| f.low), Some(6.5));
    }

    #[test]
    fn no_announcement_takes_the_plans_first_list_of_targets() {
        let sentences = [
            "过去一年,地区生产总值增长5%。",
            "今年,地区生产总值增长6%左右,固定资产投资增长8%。",
        ];
        let outlooks = [Outlook::Backward, Outlook::Forward];
        let (anchor, found) = targets(&sentences, &outlooks, None).unwrap();
        assert_eq!((anchor, found.len()), (1, 2));
    }

    #[test]
    fn the_review_gives_the_years_results_not_averages() {
        let sentences = [
            "五年来,地区生产总值年均增长7%。",
            "全年地区生产总值完成285亿元,增长8.1%;",
            "一季度地区生产总值增长3%。",
            "今年主要预期目标是:地区生产总值增长6%。",
        ];
        let outlooks = [
            Outlook::Backward,
            Outlook::Backward,
            Outlook::Backward,
            Outlook::Unknown,
        ];
        let found = achieved(&sentences, &outlooks, Some(3));
        let figures: Vec<(f64, &str)> = found
            .iter()
            .map(|t| {
                let f = t.figure.as_ref().unwrap();
                (f.low, f.unit.as_str())
            })
            .collect();
        assert_eq!(figures, vec![(285.0, "亿元"), (8.1, "%")]);
    }
}
