//! Furniture seen only across lines: a block of related links, a running page header, text a
//! page repeats after the report.
//!
//! One line alone does not show these: "代表热议政府工作报告" is a headline only because it
//! follows "相关报道:", "政府工作报告" is a page header only because it stands at the top of
//! every page, and the opening paragraph after the report's last "!" is a page repeating its
//! summary only because the report already said it.

use std::collections::HashMap;

use super::chars::{char_count, despace, ends_sentence, fold_char, has_sentence_stop, longer_than};
use super::chrome::is_link_block_label;
use super::headings::{appendix_kind, parse_marker};
use super::title;
use crate::model::DropReason;

/// Longest label of a block of links ("【相关报道】:"), in characters.
const MAX_LABEL_CHARS: usize = 12;
/// Longest headline in a block of links, in characters.
const MAX_LINK_CHARS: usize = 40;
/// Longest running header or footer, in characters.
const MAX_RUNNING_CHARS: usize = 30;
/// A short line standing this often in a file is a running header or footer.
const MIN_RUNNING_REPEATS: usize = 3;
/// Shortest paragraph that counts as repeated text (short ones, "各位代表!", recur in reports).
const MIN_REPEATED_CHARS: usize = 20;

/// Furniture found across lines: `norms` are the normalized lines (empty for blank ones),
/// `dropped` says which are already furniture. Returns line indices and reasons, in order.
pub fn find(norms: &[&str], dropped: &[bool]) -> Vec<(usize, DropReason)> {
    let mut found: Vec<(usize, DropReason)> = Vec::new();
    found.extend(
        link_blocks(norms)
            .into_iter()
            .map(|i| (i, DropReason::SiteChrome)),
    );
    found.extend(
        running_lines(norms, dropped)
            .into_iter()
            .map(|i| (i, DropReason::PageNumber)),
    );
    let repeated = repeated_after_end(norms, dropped);
    // A repeat of the opening is long prose: left in, it would read as the report going on
    // after its end, and keep the page's tail.
    let mut without_repeats = dropped.to_vec();
    for &i in &repeated {
        without_repeats[i] = true;
    }
    found.extend(repeated.into_iter().map(|i| (i, DropReason::Repeated)));
    found.extend(
        after_end(norms, &without_repeats)
            .into_iter()
            .map(|i| (i, DropReason::AfterReport)),
    );
    found.sort_unstable_by_key(|(i, _)| *i);
    found.dedup_by_key(|(i, _)| *i);
    found.retain(|(i, _)| !dropped[*i]);
    found
}

/// The headlines under each link-block label ("相关报道:" and the short lines after it, up to
/// the first line that is prose).
fn link_blocks(norms: &[&str]) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut i = 0;
    while i < norms.len() {
        // Labels are short: longer lines are not squeezed to be asked.
        if ends_sentence(norms[i])
            || longer_than(norms[i], MAX_LABEL_CHARS)
            || !is_link_block_label(&despace(norms[i]))
        {
            i += 1;
            continue;
        }
        i += 1;
        while i < norms.len() {
            let line = norms[i].trim();
            if line.is_empty() {
                i += 1;
                continue;
            }
            // A headline may exclaim or ask ("沈阳今年这样干!"); prose states, with "。".
            if char_count(line) > MAX_LINK_CHARS || line.contains('。') {
                break;
            }
            lines.push(i);
            i += 1;
        }
    }
    lines
}

/// Short lines that recur through the file (a page header, a running title): every copy but
/// a first one that is the title itself. Numbered lines are headings, which a compilation
/// repeats report after report ("一、2023年工作回顾").
fn running_lines(norms: &[&str], dropped: &[bool]) -> Vec<usize> {
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, norm) in norms.iter().enumerate() {
        let line = norm.trim();
        if dropped[i]
            || line.is_empty()
            || ends_sentence(line)
            || longer_than(line, MAX_RUNNING_CHARS)
            || has_sentence_stop(line)
            || title::starts_with_salutation(line)
            || parse_marker(line).is_some()
        {
            continue;
        }
        seen.entry(without_page_suffix(&despace(line)).to_string())
            .or_default()
            .push(i);
    }
    let mut lines = Vec::new();
    for (text, at) in seen {
        if at.len() < MIN_RUNNING_REPEATS || !text.chars().any(|c| !fold_char(c).is_ascii_digit()) {
            continue;
        }
        let keep_first = title::is_title_line(&text);
        lines.extend(at.into_iter().skip(usize::from(keep_first)));
    }
    lines.sort_unstable();
    lines
}

/// Paragraphs after the report's last exclamation ("…而努力奋斗!") that repeat text said
/// before it: a page repeating the report's opening or summary. Numbered lines are left alone:
/// an appendix's items (民生实事) may well repeat the body, and are the report's own.
fn repeated_after_end(norms: &[&str], dropped: &[bool]) -> Vec<usize> {
    let Some(end) = (0..norms.len()).rev().find(|&i| {
        !dropped[i] && ends_with_exclamation(norms[i]) && char_count(norms[i]) >= MIN_REPEATED_CHARS
    }) else {
        return Vec::new();
    };
    // A page's tail is short: only its last lines are asked, so that a file whose last
    // exclamation stands early is not searched line by line against all that precedes it.
    let candidates: Vec<usize> = (end + 1..norms.len())
        .rev()
        .take(MAX_TAIL_LINES)
        .filter(|&i| {
            !dropped[i]
                && longer_than(norms[i], MIN_REPEATED_CHARS - 1)
                && parse_marker(norms[i].trim()).is_none()
        })
        .collect();
    let mut candidates = candidates;
    candidates.reverse();
    if candidates.is_empty() {
        return Vec::new();
    }
    // The report's opening, as one string (a repeat may run across its paragraphs): what a
    // page repeats is its opening or summary, and the search stays bounded.
    let mut earlier = String::new();
    for (norm, _) in norms[..end]
        .iter()
        .zip(dropped)
        .filter(|(n, d)| !n.trim().is_empty() && !**d)
    {
        if earlier.len() >= MAX_OPENING_BYTES {
            break;
        }
        earlier.push_str(&despace(norm.trim()));
    }
    candidates
        .into_iter()
        .filter(|&i| {
            let line = despace(norms[i].trim());
            // A summary cut short ("…认真学习贯彻习……") repeats text up to its cut; it may
            // run across a heading, so each of its sentences is looked for on its own.
            let cut = line.trim_end_matches(['…', '.']);
            char_count(cut) >= MIN_REPEATED_CHARS
                && cut
                    .split_inclusive('。')
                    .filter(|s| char_count(s) > 1)
                    .all(|s| earlier.contains(s))
        })
        .collect()
}

/// Lines at the end of a file asked whether they repeat the report.
const MAX_TAIL_LINES: usize = 60;
/// How much of the report's start (in bytes, about 20,000 characters) a repeat is looked for in.
const MAX_OPENING_BYTES: usize = 60_000;

/// Longest line read as page matter after the report's end, in characters.
const MAX_AFTER_END_CHARS: usize = 80;
/// A line this long after the last exclamation means the report goes on: nothing is dropped.
const MIN_PROSE_AFTER_END_CHARS: usize = 200;
/// So many full stops after the last exclamation mean the report goes on, wrapped into short
/// lines (a PDF's text): nothing is dropped.
const MAX_STOPS_AFTER_END: usize = 4;
/// The end must stand in the last part of the text (this fraction of its characters).
const END_WITHIN_LAST: f64 = 0.2;

/// Short lines after the report's end that are not an appendix: what a page puts under an
/// article (comments, replies, recommended links, disclaimers, footers), whatever its words.
/// The end is the last exclamation ("…而努力奋斗!") in the last part of the text; an appendix
/// or glossary after it (附件, 名词解释) is the report's own, and so are numbered lines. If
/// long prose follows the exclamation, it was not the end, and nothing is dropped.
fn after_end(norms: &[&str], dropped: &[bool]) -> Vec<usize> {
    let content: Vec<usize> = (0..norms.len())
        .filter(|&i| !dropped[i] && !norms[i].trim().is_empty())
        .collect();
    // The report's closing line is long; a reader's comment after it ("学习了,期待家乡越来越
    // 好!") is short. In a wrapped layout, though, the last line may hold only "…不懈奋斗!":
    // the long line is tried first, then any.
    let last_exclamation = |min_chars: usize| {
        content
            .iter()
            .rposition(|&i| ends_with_exclamation(norms[i]) && longer_than(norms[i], min_chars))
    };
    [
        last_exclamation(MIN_REPEATED_CHARS - 1),
        last_exclamation(3),
    ]
    .into_iter()
    .flatten()
    .find_map(|end_at| tail_after(norms, &content, end_at))
    .unwrap_or_default()
}

/// The page matter after the line at `content[end_at]`, or `None` when that line cannot be
/// the report's end (too early, or prose follows it).
fn tail_after(norms: &[&str], content: &[usize], end_at: usize) -> Option<Vec<usize>> {
    // By characters, not lines: a copy may hold a whole section on one line.
    let after = &content[end_at + 1..];
    let size = |lines: &[usize]| lines.iter().map(|&i| norms[i].len()).sum::<usize>();
    if (size(after) as f64) > (size(content) as f64) * END_WITHIN_LAST {
        return None;
    }
    let stops: usize = after.iter().map(|&i| norms[i].matches('。').count()).sum();
    // A later exclamation that closes a wrapped paragraph (the line before it as wide as a
    // page and ending no sentence) is the report's end, not this line.
    let closes_wrapped = after.windows(2).any(|w| {
        ends_with_exclamation(norms[w[1]])
            && longer_than(norms[w[0]], MIN_REPEATED_CHARS - 1)
            && !ends_sentence(norms[w[0]])
    });
    if stops > MAX_STOPS_AFTER_END || closes_wrapped {
        return None;
    }
    let mut lines = Vec::new();
    for (k, &i) in after.iter().enumerate() {
        let line = norms[i].trim();
        // A title with an opening after it starts the next report of a compilation; one
        // without is a link ("图解:一图读懂政府工作报告").
        let next_opens = after.get(k + 1).is_some_and(|&j| {
            title::is_meeting_line(norms[j]) || title::starts_with_salutation(norms[j])
        });
        if appendix_kind(line).is_some() || (title::is_title_line(line) && next_opens) {
            break; // the report's appendix, or the next report of a compilation
        }
        if longer_than(line, MIN_PROSE_AFTER_END_CHARS - 1) {
            return None;
        }
        if !longer_than(line, MAX_AFTER_END_CHARS) && parse_marker(line).is_none() {
            lines.push(i);
        }
    }
    Some(lines)
}

/// A line without the page number a paged article adds to its repeated headline:
/// "…全文发布(2)" → "…全文发布" (also "(2/4)").
fn without_page_suffix(squeezed: &str) -> &str {
    let Some(open) = squeezed.strip_suffix(')').and_then(|s| s.rfind('(')) else {
        return squeezed;
    };
    let inner = &squeezed[open + 1..squeezed.len() - 1];
    let page = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit() || c == '/');
    if page && open > 0 {
        &squeezed[..open]
    } else {
        squeezed
    }
}

fn ends_with_exclamation(norm: &str) -> bool {
    ends_sentence(norm)
        && norm
            .trim_end_matches(|c: char| super::chars::is_closer(c) || super::chars::is_space(c))
            .ends_with(['!', '！'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(lines: &[&str]) -> Vec<(usize, DropReason)> {
        find(lines, &vec![false; lines.len()])
    }

    #[test]
    fn headlines_under_a_link_label_are_furniture_up_to_prose() {
        let lines = [
            "为建设经济强省而努力奋斗。",
            "相关报道:",
            "省十四届人大四次会议开幕",
            "",
            "代表热议政府工作报告",
            "速看!沈阳今年这样干",
            "这是一段正文,不是链接。",
        ];
        assert_eq!(
            found(&lines),
            vec![
                (2, DropReason::SiteChrome),
                (4, DropReason::SiteChrome),
                (5, DropReason::SiteChrome)
            ]
        );
    }

    #[test]
    fn short_lines_after_the_end_are_page_matter_but_an_appendix_is_not() {
        let mut lines = vec!["一段正文,足够长的一段正文,讲了很多事情。"; 30];
        lines.extend([
            "让我们团结奋斗,为建设现代化强省而努力奋斗!",
            "期待家乡越来越好",
            "本文仅代表作者观点,不代表本网立场。",
            "附件",
            "2024年十件民生实事",
            "1.新建幼儿园10所。",
        ]);
        assert_eq!(
            found(&lines),
            vec![(31, DropReason::AfterReport), (32, DropReason::AfterReport)]
        );
        // Long prose after an exclamation: the report went on.
        let long = "这是一段很长的正文。".repeat(25);
        let mut lines = vec!["一段正文,足够长的一段正文,讲了很多事情。"; 20];
        lines.extend([
            "同志们,我们的目标一定能够实现,一定要实现!",
            "短评",
            long.as_str(),
        ]);
        assert_eq!(found(&lines), vec![]);
    }

    #[test]
    fn a_comment_ending_in_an_exclamation_is_not_the_end_but_a_wrapped_last_line_is() {
        let filler = "一段正文,足够长的一段正文,讲了很多事情。";
        let mut lines = vec![filler; 30];
        lines.extend([
            "让我们团结奋斗,为建设现代化强省而努力奋斗!",
            "沙发",
            "学习了,期待家乡越来越好!",
        ]);
        assert_eq!(
            found(&lines),
            vec![(31, DropReason::AfterReport), (32, DropReason::AfterReport)]
        );
        // A PDF's text, wrapped: the paragraph after an exclamation goes on to the end.
        let mut lines = vec![filler; 30];
        lines.extend([
            "各位代表!让我们更加紧密地团结在以习近平同志为核心的党中央周围!",
            "我们要更加紧密地团结在以习近平同志为核心的党中央周围,",
            "迎难而上,砥砺前行,为全面建设社会主义现代化国家而不懈",
            "奋斗!",
            "- 12 -",
        ]);
        assert_eq!(found(&lines), vec![]);
    }

    #[test]
    fn a_running_header_goes_but_the_title_stays() {
        let lines = [
            "政府工作报告",
            "一段正文。",
            "政府工作报告",
            "又一段正文。",
            "政府工作报告",
            "各位代表:",
            "各位代表:",
            "各位代表:",
        ];
        assert_eq!(
            found(&lines),
            vec![(2, DropReason::PageNumber), (4, DropReason::PageNumber)]
        );
    }

    #[test]
    fn the_opening_repeated_after_the_end_is_furniture() {
        let opening = "现在,我代表省人民政府,向大会报告政府工作,请予审议。";
        let lines = [
            opening,
            "今年要做好以下工作,这一句话足够长了。",
            "让我们团结奋斗,为建设现代化强省而努力奋斗!",
            opening,
        ];
        assert_eq!(found(&lines), vec![(3, DropReason::Repeated)]);
        let cut = "现在,我代表省人民政府,向大会报告政府工作……";
        let lines = [opening, "让我们团结奋斗,为建设现代化强省而努力奋斗!", cut];
        assert_eq!(found(&lines), vec![(2, DropReason::Repeated)]);
        // Before the end, a repeated paragraph is the report's own.
        let lines = [
            opening,
            opening,
            "让我们团结奋斗,为建设现代化强省而努力奋斗!",
        ];
        assert_eq!(found(&lines), vec![]);
    }

    #[test]
    fn a_long_repeat_of_the_opening_does_not_keep_the_tail_after_the_end() {
        let opening = "现在,我代表市人民政府,向大会报告政府工作,请予审议。一、2023年工作回顾。\
                       2023年是全面贯彻党的二十大精神的开局之年。一年来的主要工作和成效是:产业发展。";
        let mut lines = vec![opening];
        lines.extend(["这一年我们做了许多工作,这一句话足够长了。"; 30]);
        lines.extend([
            "让我们团结奋斗,为建设现代化国际城市而努力奋斗!",
            opening,
            "数说2023:福州经济社会发展成绩单",
            "点赞榕城!期待更多好项目落地",
        ]);
        let n = lines.len();
        assert_eq!(
            found(&lines),
            vec![
                (n - 3, DropReason::Repeated),
                (n - 2, DropReason::AfterReport),
                (n - 1, DropReason::AfterReport)
            ]
        );
    }

    #[test]
    fn a_paged_article_repeats_its_headline_with_the_page_number() {
        let lines = [
            "沈阳市2024年政府工作报告全文发布",
            "各位代表:",
            "正文第一页,这一句话足够长了。",
            "沈阳市2024年政府工作报告全文发布(2)",
            "正文第二页,这一句话足够长了。",
            "沈阳市2024年政府工作报告全文发布(3)",
            "正文第三页,这一句话足够长了。",
        ];
        assert_eq!(
            found(&lines),
            vec![(3, DropReason::PageNumber), (5, DropReason::PageNumber)]
        );
        assert_eq!(without_page_suffix("全文(2/4)"), "全文");
        assert_eq!(without_page_suffix("(2)"), "(2)");
        assert_eq!(without_page_suffix("措施(一)"), "措施(一)");
    }
}
