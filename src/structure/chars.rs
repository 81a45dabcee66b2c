//! Character-level tests shared by the structure readers.
//!
//! Reports mix full-width and ASCII punctuation (real reports use full-width, copies pasted
//! through web pages often ASCII), so every test here folds a character first and treats both
//! alike. Cutting (a heading from its body, a paragraph from a one-line report) is done on the
//! original text, which is why these work on single characters rather than on normalized
//! strings: a position found here is a position in the original.

use std::borrow::Cow;

use crate::decode::non_ideographs;

/// Fold one character the way the normalizer folds widths: full-width ASCII forms to ASCII,
/// every kind of space to U+0020.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3002}' | '\u{FF61}' => '。',
        c if is_whitespace(c) => ' ',
        c => c,
    }
}

/// Space of any width, or the byte-order mark some editors leave at the start of a file.
pub fn is_space(c: char) -> bool {
    is_whitespace(c) || c == '\u{FEFF}'
}

/// [`char::is_whitespace`], answered without the Unicode table for the characters above
/// U+3000 (the ideographic space, the last whitespace character): the ideographs that make up
/// most of a report. The line readers ask this of every character, several times.
fn is_whitespace(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

/// Characters that end a sentence (after folding). '.' is handled apart: it is also a
/// decimal point and a numbering mark.
pub fn is_stop(c: char) -> bool {
    matches!(fold_char(c), '。' | '!' | '?' | ';' | '…')
}

/// Closing quotes and brackets that may follow a sentence's final stop (`。”`, `!)`).
pub fn is_closer(c: char) -> bool {
    matches!(
        fold_char(c),
        '”' | '’' | '"' | '\'' | ')' | ']' | '」' | '』' | '】' | '》' | '〉' | '}'
    )
}

/// `c`, between `before` and `after`, is an ASCII '.' that ends a sentence: it follows
/// something other than a digit and precedes no digit or letter ("增长5.5%" and "1.全省" are
/// not sentence ends).
fn ends_at_dot(before: Option<char>, c: char, after: Option<char>) -> bool {
    fold_char(c) == '.'
        && !before.is_some_and(|c| fold_char(c).is_ascii_digit())
        && !after.is_some_and(|c| fold_char(c).is_ascii_alphanumeric())
        && before.is_some()
}

/// True when `text` ends a sentence: its last character, closers and spaces aside, is a stop.
pub fn ends_sentence(text: &str) -> bool {
    let mut rev = text
        .chars()
        .rev()
        .skip_while(|c| is_closer(*c) || is_space(*c));
    match rev.next() {
        Some(c) if is_stop(c) => true,
        Some(c) if fold_char(c) == '.' => {
            rev.next().is_some_and(|b| !fold_char(b).is_ascii_digit())
        }
        _ => false,
    }
}

/// Byte offset just past the first sentence stop at or after byte `from` (closers included),
/// if `text` has one.
pub fn first_sentence_end(text: &str, from: usize) -> Option<usize> {
    let mut before = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let after = chars.peek().map(|&(_, next)| next);
        if at >= from && (is_stop(c) || ends_at_dot(before, c, after)) {
            // A run of stops ("!!", "……") and the closers after it belong to the sentence.
            let run = chars
                .take_while(|&(_, c)| is_stop(c) || is_closer(c))
                .last();
            return Some(run.map_or(at + c.len_utf8(), |(b, c)| b + c.len_utf8()));
        }
        before = Some(c);
    }
    None
}

/// True when `text` holds a sentence stop anywhere: [`first_sentence_end`]`(text, 0)` is
/// some, without looking past the stop.
pub fn has_sentence_stop(text: &str) -> bool {
    first_sentence_end(text, 0).is_some()
}

/// True when `text` holds a space ([`is_space`]); ideographs are stepped over undecoded
/// (this is asked of every line, several times).
pub fn has_space(text: &str) -> bool {
    non_ideographs(text).any(|(_, c)| is_space(c))
}

/// `text` without any spaces ("政 府 工 作 报 告" → "政府工作报告"); borrowed when it has none,
/// as nearly every line has (this runs on every line, several times).
pub fn despace(text: &str) -> Cow<'_, str> {
    if has_space(text) {
        Cow::Owned(text.chars().filter(|c| !is_space(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// True when `text` has more than `max` characters besides spaces: the length test of
/// `despace`d text without building it, stopping after `max + 1` characters (the
/// line classifiers only care about short lines).
pub fn longer_than(text: &str, max: usize) -> bool {
    // Every character takes a byte at least: a text of `max` bytes or fewer is not longer.
    if text.len() <= max {
        return false;
    }
    text.chars().filter(|&c| !is_space(c)).nth(max).is_some()
}

/// Number of characters (not bytes).
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// A CJK ideograph (the common blocks; enough to tell Chinese prose from Latin and digits).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// True when `text` contains any of `needles`.
pub fn contains_any(text: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| text.contains(n))
}

/// True when `text` starts with any of `needles`.
pub fn starts_with_any(text: &str, needles: &[&str]) -> bool {
    // Most needles differ from the text in their first byte: comparing it first spares a
    // string comparison for each of them (the furniture test asks 41 of every line).
    let first = text.as_bytes().first();
    needles
        .iter()
        .any(|n| n.as_bytes().first().is_none_or(|b| Some(b) == first) && text.starts_with(n))
}

/// True when `text` ends with any of `needles`.
pub fn ends_with_any(text: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| text.ends_with(n))
}

/// The first year ("2024年") in `text`, if it is a plausible report year.
pub fn first_year(text: &str) -> Option<u16> {
    let chars: Vec<char> = text.chars().map(fold_char).collect();
    let windows = chars.windows(5).enumerate();
    for (i, w) in windows {
        let preceded_by_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if preceded_by_digit || w[4] != '年' || !w[..4].iter().all(char::is_ascii_digit) {
            continue;
        }
        let year: String = w[..4].iter().collect();
        if let Ok(y) = year.parse::<u16>() {
            if (1949..=2100).contains(&y) {
                return Some(y);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_with_either_width_and_closers() {
        assert!(ends_sentence("提出意见。"));
        assert!(ends_sentence("奋斗!"));
        assert!(ends_sentence("奋斗！"));
        assert!(ends_sentence("“好日子”!”  "));
        assert!(ends_sentence("经济总量;"));
        assert!(ends_sentence("It ends."));
        assert!(!ends_sentence("18件民生实事"));
        assert!(!ends_sentence("总体要求是:"));
        assert!(!ends_sentence("增长1."));
        assert!(!ends_sentence(""));
    }

    #[test]
    fn first_sentence_is_cut_after_its_stop_and_closers() {
        let text = "(一)抓住机遇,“势能”集聚。”深入实施";
        let end = first_sentence_end(text, 0).unwrap();
        assert_eq!(&text[..end], "(一)抓住机遇,“势能”集聚。”");
        assert_eq!(first_sentence_end("增长5.5%,好", 0), None);
        assert_eq!(
            first_sentence_end("甲。乙。", "甲。".len()),
            Some("甲。乙。".len())
        );
    }

    #[test]
    fn whitespace_shortcut_agrees_with_unicode_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_whitespace(c), c.is_whitespace(), "{:04X}", c as u32);
        }
    }

    #[test]
    fn space_test_stepping_over_ideographs_finds_every_space() {
        let spaces = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_space(c));
        for space in spaces {
            for text in [
                format!("{space}"),
                format!("甲{space}乙"),
                format!("“甲”{space}"),
            ] {
                assert!(has_space(&text), "{:04X}", space as u32);
            }
        }
        for text in [
            "",
            "甲乙",
            "“甲”—…、。《》「」\u{2060}\u{200B}ａ１",
            "\u{1681}\u{3001}\u{FEFE}",
        ] {
            assert!(!has_space(text), "{text}");
        }
    }

    #[test]
    fn folding_treats_full_width_as_ascii() {
        assert_eq!(fold_char('（'), '(');
        assert_eq!(fold_char('\u{3000}'), ' ');
        assert_eq!(fold_char('１'), '1');
        assert_eq!(despace("政 府\u{3000}工作"), "政府工作");
        assert!(longer_than("政 府\u{3000}工作", 3));
        assert!(!longer_than("政 府\u{3000}工作", 4));
    }

    #[test]
    fn needles_are_found_at_either_end() {
        let needles = ["来源:", "©", ""];
        assert!(starts_with_any("来源:新华网", &needles[..2]));
        assert!(starts_with_any("©2024", &needles[..2]));
        assert!(!starts_with_any("本报来源:", &needles[..2]));
        assert!(!starts_with_any("", &needles[..2]));
        assert!(starts_with_any("", &needles));
        assert!(ends_with_any("2024©", &needles[..2]));
    }

    #[test]
    fn years_are_found_only_when_plausible() {
        assert_eq!(first_year("——2021年2月26日在石家庄市"), Some(2021));
        assert_eq!(first_year("２０１２年"), Some(2012));
        assert_eq!(first_year("12345年"), None);
        assert_eq!(first_year("1234年"), None);
    }

    /// `first_sentence_end` over collected characters: the definition the one-pass version
    /// must equal.
    fn first_sentence_end_collected(text: &str, from: usize) -> Option<usize> {
        let indexed: Vec<(usize, char)> = text.char_indices().collect();
        let chars: Vec<char> = indexed.iter().map(|(_, c)| *c).collect();
        let start = indexed.iter().position(|(b, _)| *b >= from)?;
        let stop = (start..chars.len()).find(|&i| {
            let before = i.checked_sub(1).map(|j| chars[j]);
            is_stop(chars[i]) || ends_at_dot(before, chars[i], chars.get(i + 1).copied())
        })?;
        let mut end = stop + 1;
        while end < chars.len() && (is_stop(chars[end]) || is_closer(chars[end])) {
            end += 1;
        }
        Some(indexed.get(end).map_or(text.len(), |(b, _)| *b))
    }

    proptest::proptest! {
        #[test]
        fn one_pass_sentence_end_agrees_with_the_collected_one(
            text in "[.。!！?;；…5a 甲”)]{0,12}",
            from in 0usize..40,
        ) {
            proptest::prop_assert_eq!(
                first_sentence_end(&text, from),
                first_sentence_end_collected(&text, from)
            );
        }
    }
}
