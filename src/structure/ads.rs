//! Advertisements that document-sharing sites paste into report text.
//!
//! Copies passed around by such sites carry lines like "…全部完成。更多资料+【公众号:哒哒君】",
//! sometimes mid-sentence ("…一批优质更多资料+AAA:xx" / "产业园…") or mid-line ("…项目20个,
//! 更多资料uk:xx整理,开工…"). They are cut out and listed as site chrome; the text on either
//! side is read as if the ad were a line break, so a sentence it split is rejoined.

use super::chars::{contains_any, fold_char, is_space};

/// How such an ad starts ("更多资料" = "more material").
const LEADS: &[&str] = &["更多资料", "更多資料", "更多材料"];
/// What every lead starts with, looked for once a line rather than once a lead.
const LEAD_START: &str = "更多";
/// Words that make a bracket at the end of a line an ad ("【公众号:哒哒君】").
const BRACKET_WORDS: &[&str] = &["公众号", "公眾號", "微信号", "微信號", "关注", "關注"];
/// Longest bracketed ad, in characters.
const MAX_BRACKET_CHARS: usize = 30;

/// A line with its ads cut out.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cut<'a> {
    /// The text between the ads, in order, trimmed, empty parts left out.
    pub parts: Vec<&'a str>,
    /// The ads, as written.
    pub ads: Vec<&'a str>,
}

/// Cut the ads out of one line.
pub fn cut_ads(line: &str) -> Cut<'_> {
    // Nearly every line holds no lead: `contains` says so at a fraction of the cost of the
    // searcher `match_indices` builds.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    if line.contains(LEAD_START) {
        let ads = line.match_indices(LEAD_START);
        spans.extend(ads.filter_map(|(at, _)| ad_from(line, at)));
    }
    spans.extend(trailing_bracket(line));
    if line.contains('>') {
        spans.extend(markup(line));
    }
    if line.contains('版') {
        spans.extend(jump_lines(line));
    }
    spans.sort_unstable();
    let mut cut = Cut::default();
    let mut from = 0;
    for (start, end) in spans {
        if start < from {
            continue;
        }
        cut.parts.push(&line[from..start]);
        cut.ads.push(&line[start..end]);
        from = end;
    }
    cut.parts.push(&line[from..]);
    cut.parts = cut
        .parts
        .into_iter()
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
        .collect();
    cut
}

/// The ad starting with a lead at byte `at`, if what follows the lead is an ad's: a bracket,
/// a Latin handle ("+AAA:xx", "uk:xx整理"), or a colon alone at the line end ("更多材料:").
fn ad_from(line: &str, at: usize) -> Option<(usize, usize)> {
    let lead = LEADS.iter().find(|l| line[at..].starts_with(**l))?;
    let rest = &line[at + lead.len()..];
    let rest_start = at + lead.len();
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| fold_char(c) == '+' || is_space(c))
            .len();
    let after = &rest[skip..];
    let end = if after.starts_with(['【', '[']) {
        let close = after
            .char_indices()
            .take(MAX_BRACKET_CHARS)
            .find(|(_, c)| matches!(c, '】' | ']'))?;
        rest_start + skip + close.0 + close.1.len_utf8()
    } else {
        let handle: usize = after
            .chars()
            .take_while(|c| {
                let c = fold_char(*c);
                c.is_ascii_alphanumeric() || ":_-.@+ ".contains(c)
            })
            .map(char::len_utf8)
            .sum();
        let has_handle = after[..handle]
            .chars()
            .any(|c| fold_char(c).is_ascii_alphanumeric());
        let bare = after
            .trim_end_matches(is_space)
            .chars()
            .map(fold_char)
            .eq([':']);
        if bare {
            line.len()
        } else if has_handle {
            let end = rest_start + skip + handle;
            end + line[end..].strip_prefix("整理").map_or(0, |_| "整理".len())
        } else {
            return None;
        }
    };
    // "…20个,更多资料uk:xx整理,开工…": the comma the ad brought goes with it.
    let before_comma = line[..at].ends_with([',', '，']);
    let comma = line[end..]
        .chars()
        .next()
        .filter(|c| before_comma && matches!(c, ',' | '，'));
    Some((at, end + comma.map_or(0, char::len_utf8)))
}

/// A newspaper's jump line inside the text it interrupts: "…经济(下转第2版)", "(上接第1版)…".
fn jump_lines(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for word in ["下转第", "上接第", "转第", "接第"] {
        for (at, _) in line.match_indices(word) {
            let rest = &line[at + word.len()..];
            let digits: usize = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
                .map(char::len_utf8)
                .sum();
            if digits == 0 || !rest[digits..].starts_with('版') {
                continue;
            }
            let mut start = at;
            let mut end = at + word.len() + digits + '版'.len_utf8();
            if let Some(open) = line[..start]
                .chars()
                .next_back()
                .filter(|c| matches!(c, '(' | '（' | '【' | '['))
            {
                start -= open.len_utf8();
                if let Some(close) = line[end..]
                    .chars()
                    .next()
                    .filter(|c| matches!(c, ')' | '）' | '】' | ']'))
                {
                    end += close.len_utf8();
                }
            }
            if !spans.iter().any(|&(s, e)| s <= start && end <= e) {
                spans.push((start, end));
            }
        }
    }
    spans
}

/// Tags that format a page's text, which copies leave behind. Other markup ("<script>",
/// "<img …>") is not a formatting leftover: it stays text, to be shown escaped.
const FORMATTING_TAGS: &[&str] = &[
    "font",
    "span",
    "p",
    "br",
    "div",
    "b",
    "strong",
    "em",
    "i",
    "u",
    "sup",
    "sub",
    "td",
    "tr",
    "th",
    "table",
    "tbody",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "center",
    "blockquote",
    "nobr",
    "o:p",
];

/// HTML tags left in copied text ("</font>", "<br/>", "<p class=\"x\">"), and a closing tag
/// whose "<" was lost with the bytes before it ("…高地?!?/font> 11.…").
fn markup(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut spans = Vec::new();
    for (close, _) in line.match_indices('>') {
        let before = &bytes[close.saturating_sub(130)..close];
        let offset = close.saturating_sub(130);
        let open = before.iter().rposition(|&b| b == b'<').map(|i| offset + i);
        let slash = before.iter().rposition(|&b| b == b'/').map(|i| offset + i);
        let (start, inner) = match (open, slash) {
            (Some(open), _) if line.is_char_boundary(open) => (open, &line[open + 1..close]),
            // "/font>": the tag's "<" was lost; its name follows the slash directly, after
            // something that is not a word ("a/b>1" is arithmetic).
            (_, Some(slash))
                if !line[..slash]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric()) =>
            {
                (slash, &line[slash + 1..close])
            }
            _ => continue,
        };
        let inner = inner.trim_start_matches('/').trim_end_matches('/');
        let name_len = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name_ok = FORMATTING_TAGS.contains(&inner[..name_len].to_ascii_lowercase().as_str());
        let rest = &inner[name_len..];
        let attributes_ok = rest.is_empty() || (rest.starts_with(' ') && rest.len() <= 120);
        if name_ok && attributes_ok && rest.is_ascii() {
            spans.push((start, close + 1));
        }
    }
    spans
}

/// A bracket at the end of a line naming an account to follow: "…。【关注公众号xx】".
fn trailing_bracket(line: &str) -> Option<(usize, usize)> {
    let trimmed = line.trim_end_matches(is_space);
    if !trimmed.ends_with(['】', ']']) {
        return None;
    }
    let open = trimmed.rfind(['【', '['])?;
    let tail = &trimmed[open..];
    let short = tail.chars().count() <= MAX_BRACKET_CHARS;
    (short && contains_any(tail, BRACKET_WORDS)).then_some((open, trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(line: &str) -> (Vec<&str>, Vec<&str>) {
        let c = cut_ads(line);
        (c.parts, c.ads)
    }

    #[test]
    fn every_lead_starts_alike() {
        assert!(LEADS.iter().all(|lead| lead.starts_with(LEAD_START)));
    }

    #[test]
    fn ads_at_the_end_of_a_line() {
        assert_eq!(
            cut("一批优质更多资料+【公众号:哒哒君】"),
            (vec!["一批优质"], vec!["更多资料+【公众号:哒哒君】"])
        );
        assert_eq!(
            cut("积极争创全国更多资料+AAA:xx"),
            (vec!["积极争创全国"], vec!["更多资料+AAA:xx"])
        );
        assert_eq!(
            cut("示范社区。更多材料:"),
            (vec!["示范社区。"], vec!["更多材料:"])
        );
        assert_eq!(
            cut("完成。【关注公众号】"),
            (vec!["完成。"], vec!["【关注公众号】"])
        );
    }

    #[test]
    fn an_ad_inside_a_line_takes_its_comma_with_it() {
        assert_eq!(
            cut("改造项目20个,更多资料uk:xx整理,开工老旧小区"),
            (
                vec!["改造项目20个,", "开工老旧小区"],
                vec!["更多资料uk:xx整理,"]
            )
        );
    }

    #[test]
    fn markup_left_in_text_is_cut_out() {
        assert_eq!(
            cut("聚集高地?!?/font> 11.著力打造"),
            (vec!["聚集高地?!?", "11.著力打造"], vec!["/font>"])
        );
        assert_eq!(
            cut("一段话。<br/>下一段。</p>"),
            (vec!["一段话。", "下一段。"], vec!["<br/>", "</p>"])
        );
        assert_eq!(cut("增长率>5%,a/b>1"), (vec!["增长率>5%,a/b>1"], vec![]));
        assert_eq!(
            cut("推进<script>alert(1)</script>工程"),
            (vec!["推进<script>alert(1)</script>工程"], vec![])
        );
    }

    #[test]
    fn a_newspapers_jump_line_is_cut_out_of_the_text() {
        assert_eq!(
            cut("推动经济高质量发展(下转第2版)"),
            (vec!["推动经济高质量发展"], vec!["(下转第2版)"])
        );
        assert_eq!(
            cut("（上接第1版）全面深化改革。"),
            (vec!["全面深化改革。"], vec!["（上接第1版）"])
        );
        assert_eq!(cut("在第2版面上"), (vec!["在第2版面上"], vec![]));
        assert_eq!(cut("(下转第三版)"), (vec![], vec!["(下转第三版)"]));
    }

    #[test]
    fn prose_is_not_an_ad() {
        for line in [
            "更多资料表明,增长较快。",
            "建设【重点项目】",
            "查阅更多资料",
        ] {
            let (parts, ads) = cut(line);
            assert!(ads.is_empty(), "{line}: {ads:?}");
            assert_eq!(parts, vec![line]);
        }
    }
}
