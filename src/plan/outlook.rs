//! Which parts of a report look forward (the plan) and which look back (the review).
//!
//! A report reviews the past year, then plans the coming one. Headings say which is which
//! ([`classify_heading`]), and the order of the parts says the rest: once a top-level part
//! looks forward, the parts after it that no heading decides (加强政府自身建设, an appendix of
//! 十件民生实事) belong to the plan too, and so does everything after the report's targets
//! passage. Only where neither decides does a sentence's own wording ([`starts_like_plan`]).

use std::sync::LazyLock;

use crate::compare::words::Words;
use crate::model::{Report, Section, SectionKind};

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

const FORWARD_WORDS: [&str; 18] = [
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
    "民生实事",
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
pub(crate) fn chars_of(text: &str) -> Vec<char> {
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

/// The outlook of each sentence of `report`, in reading order: that of its innermost heading
/// that decides, a top-level part no heading decides taking the plan's side once the plan has
/// begun. `Unknown` where nothing decides.
pub fn sentence_outlooks(report: &Report) -> Vec<Outlook> {
    let year = report.year;
    let mut out = Vec::with_capacity(report.sentence_count());
    let mut plan_begun = false;
    for section in &report.sections {
        let own = heading_outlook(section, year);
        // A glossary explains words: it neither plans nor reviews.
        let continues_plan = plan_begun && section.kind != SectionKind::Glossary;
        let top = if own == Outlook::Unknown && continues_plan {
            Outlook::Forward
        } else {
            own
        };
        plan_begun |= own == Outlook::Forward;
        let mut path = vec![top];
        out.extend(std::iter::repeat_n(
            deciding_outlook(&path),
            section.sentences.len(),
        ));
        for child in &section.children {
            walk(child, &mut path, year, &mut out);
        }
    }
    out
}

/// Whether each sentence belongs to the plan, given its outlook: where no heading decides,
/// what follows the targets passage's opening (`anchor`) does, and so does a sentence that
/// starts like a plan.
pub fn forward_sentences(
    report: &Report,
    outlooks: &[Outlook],
    anchor: Option<usize>,
) -> Vec<bool> {
    report
        .iter_sentences()
        .zip(outlooks)
        .enumerate()
        .map(|(i, (sentence, outlook))| match outlook {
            Outlook::Forward => true,
            Outlook::Backward => false,
            Outlook::Unknown => {
                anchor.is_some_and(|a| i >= a) || starts_like_plan(&sentence.text.text, report.year)
            }
        })
        .collect()
}

fn heading_outlook(section: &Section, year: Option<u16>) -> Outlook {
    section
        .heading
        .as_ref()
        .map_or(Outlook::Unknown, |h| classify_heading(&h.text.text, year))
}

/// The innermost outlook of `path` (outermost first) that decides.
fn deciding_outlook(path: &[Outlook]) -> Outlook {
    path.iter()
        .rev()
        .copied()
        .find(|o| *o != Outlook::Unknown)
        .unwrap_or(Outlook::Unknown)
}

/// Push the outlook of every sentence of the sub-section `section`, `path` holding the
/// outlooks of the headings above it.
fn walk(section: &Section, path: &mut Vec<Outlook>, year: Option<u16>, out: &mut Vec<Outlook>) {
    path.push(heading_outlook(section, year));
    let here = deciding_outlook(path);
    out.extend(std::iter::repeat_n(here, section.sentences.len()));
    for child in &section.children {
        walk(child, path, year, out);
    }
    path.pop();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_classified_by_their_words() {
        assert_eq!(
            classify_heading("二、2024年重点工作", None),
            Outlook::Forward
        );
        assert_eq!(classify_heading("(三)工作安排", None), Outlook::Forward);
        assert_eq!(classify_heading("主要目标", None), Outlook::Forward);
        assert_eq!(
            classify_heading("\"十四五\"时期的主要目标和任务", None),
            Outlook::Forward
        );
        assert_eq!(
            classify_heading("一、2023年工作回顾", None),
            Outlook::Backward
        );
        assert_eq!(
            classify_heading("过去五年的主要成就", None),
            Outlook::Backward
        );
        assert_eq!(classify_heading("(二)坚持创新驱动", None), Outlook::Unknown);
        assert_eq!(
            classify_heading("一、2023年工作回顾和2024年工作安排", None),
            Outlook::Unknown
        );
    }

    #[test]
    fn years_decide_against_the_report_year() {
        assert_eq!(classify_heading("一、2024年", Some(2024)), Outlook::Forward);
        assert_eq!(
            classify_heading("一、2023年", Some(2024)),
            Outlook::Backward
        );
        assert_eq!(classify_heading("一、2023年", None), Outlook::Unknown);
    }

    #[test]
    fn sentences_that_start_like_a_plan() {
        assert!(starts_like_plan("今年,我们将重点抓好以下工作", None));
        assert!(starts_like_plan("2024年,我们要全力以赴", Some(2024)));
        assert!(!starts_like_plan("2023年,我们要全力以赴", Some(2024)));
        assert!(!starts_like_plan("2024年,全市生产总值增长5%", None));
        assert!(!starts_like_plan("我们坚持稳中求进", None));
    }
}
