//! Sentence splitting for Chinese report prose.
//!
//! rdiff diffs reports sentence by sentence, so a sentence must be the unit a reader would
//! quote: cut at 。！？； (either width) and at an ellipsis (`……`, `…`, `...`), with closing
//! quotes and brackets kept on the sentence they close (`……。”`), and an opening quote after a
//! terminator starting the next one. Clauses of a report are joined by `；`, so `；` cuts too;
//! `：` does not.
//!
//! Text is split as written (Traditional or Simplified, full-width or ASCII punctuation), so
//! that every range points into the original paragraph. Things that look like terminators but
//! are not:
//!
//! - `.` never cuts: 6.5%, list numbers `1.`, `2.“…”`; only a run of three or more dots does.
//! - No cut inside a book title `《…》` (titles quote whole sentences), nor inside a short
//!   parenthesis `（…；…）`, when the closing mark follows within a bounded distance; an
//!   unclosed `《` or `（` (mojibake, a line broken mid-title) is an ordinary character. A
//!   terminator right before the closing mark still cuts after it: `（详见附件。）`.
//! - ASCII `!?;` between two ASCII letters or digits (`?id=3` in a URL), or ending an HTML
//!   entity (`&nbsp;`), is not punctuation.
//!
//! Unicode's sentence segmentation (UAX #29, `unicode-segmentation`) was tried and does not fit:
//! it attaches an opening `“` after `。` to the previous sentence, ignores `；`, breaks at every
//! newline and makes `2.“` a sentence of its own. The splitter below is one pass over the text
//! with a few flags; closing marks of `《` and `（` are found by forward cursors that never move
//! back, so the whole split is linear in the length of the paragraph.

use std::ops::Range;

use crate::decode::non_ideographs;

/// Longest book title, in bytes, within which terminators do not cut (about 130 Han).
const MAX_TITLE_BYTES: usize = 400;
/// Longest parenthesis, in bytes, within which terminators do not cut (about 80 Han).
const MAX_PAREN_BYTES: usize = 240;

/// Byte ranges of the sentences of one paragraph, in order, trimmed of surrounding whitespace.
///
/// Whitespace-only pieces are not sentences; text after the last terminator is one.
pub fn split(paragraph: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut titles = Closer::new(|c| matches!(c, '》' | '〉'));
    let mut parens = Closer::new(|c| matches!(c, '）' | ')'));
    let mut quiet_until = 0; // no cut before this offset: inside a title or parenthesis
    let mut double_quote_open = false;
    let mut start = 0;
    // Ideographs neither cut nor enclose, so only the other characters are looked at.
    for (pos, c) in non_ideographs(paragraph) {
        if pos < start {
            continue; // taken by the sentence just cut (its closing marks)
        }
        let enclosure = match c {
            '《' | '〈' => Some((&mut titles, MAX_TITLE_BYTES)),
            '（' | '(' => Some((&mut parens, MAX_PAREN_BYTES)),
            _ => None,
        };
        if let Some((closer, max_bytes)) = enclosure {
            if let Some(close) = closer.next_after(paragraph, pos) {
                if close - pos <= max_bytes {
                    quiet_until = quiet_until.max(close);
                }
            }
        }
        if c == '"' {
            double_quote_open = !double_quote_open;
        }
        let cut = terminator_len(paragraph, pos, c).and_then(|len| {
            let mut quote_open = double_quote_open;
            let end = tail_end(paragraph, pos + len, &mut quote_open);
            // Inside a title or parenthesis, only a terminator that ends it cuts: `（详见附件。）`.
            (pos >= quiet_until || end > quiet_until).then_some((end, quote_open))
        });
        if let Some((end, quote_open)) = cut {
            push_trimmed(&mut sentences, paragraph, start..end);
            double_quote_open = quote_open;
            start = end;
        }
    }
    push_trimmed(&mut sentences, paragraph, start..paragraph.len());
    sentences
}

/// Byte length of the terminator starting at `pos` with the character `c`, if one does.
fn terminator_len(text: &str, pos: usize, c: char) -> Option<usize> {
    match c {
        '。' | '！' | '？' | '；' | '｡' | '…' => Some(c.len_utf8()),
        '!' | '?' | ';' if !is_ascii_inline(text, pos, c) => Some(1),
        '.' => {
            let rest = text.get(pos..).unwrap_or_default();
            let dots = rest.bytes().take_while(|&b| b == b'.').count();
            (dots >= 3).then_some(dots)
        }
        _ => None,
    }
}

/// True when an ASCII `!?;` at `pos` is part of ASCII text rather than punctuation: between two
/// ASCII letters or digits (`?id=3`, `a;b`), or a `;` ending an HTML entity (`&nbsp;`).
fn is_ascii_inline(text: &str, pos: usize, c: char) -> bool {
    let before = text.get(..pos).unwrap_or("");
    let after = text.get(pos + 1..).unwrap_or("");
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if word(before.chars().next_back()) && word(after.chars().next()) {
        return true;
    }
    c == ';' && ends_with_entity_name(before)
}

/// True when `before` ends with `&name` or `&#123` (at most 10 name characters).
fn ends_with_entity_name(before: &str) -> bool {
    let name_len = before
        .bytes()
        .rev()
        .take(11)
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'#')
        .count();
    (1..=10).contains(&name_len) && before.as_bytes().iter().rev().nth(name_len) == Some(&b'&')
}

/// Where a sentence whose terminator ends at `pos` really ends: further terminators (`？！`,
/// `。……`) and closing quotes and brackets (`。”）`) belong to it.
fn tail_end(text: &str, mut pos: usize, double_quote_open: &mut bool) -> usize {
    while let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) {
        if let Some(len) = terminator_len(text, pos, c) {
            pos += len;
        } else if is_closing_mark(c) {
            pos += c.len_utf8();
        } else if c == '"' && *double_quote_open {
            *double_quote_open = false;
            pos += 1;
        } else {
            break;
        }
    }
    pos
}

/// Closing quotes and brackets, which stay with the sentence they close.
fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '」'
            | '』'
            | '）'
            | ')'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '］'
            | ']'
            | '｝'
            | '}'
            | '〗'
            | '〙'
            | '﹂'
            | '﹄'
            | '»'
    )
}

/// Push `range` of `text` with surrounding whitespace trimmed, unless nothing is left.
fn push_trimmed(sentences: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let Some(piece) = text.get(range.clone()) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = range.start + lead;
        sentences.push(start..start + trimmed.len());
    }
}

/// Finds the next closing mark of an enclosure; its cursor only moves forward, so finding the
/// closers of all openers of a paragraph costs one pass.
struct Closer {
    is_close: fn(char) -> bool,
    /// The first closing mark at or after the last position asked about.
    next: Option<usize>,
    /// No closing mark at or after the last position asked about.
    exhausted: bool,
}

impl Closer {
    fn new(is_close: fn(char) -> bool) -> Closer {
        Closer {
            is_close,
            next: None,
            exhausted: false,
        }
    }

    /// Offset of the first closing mark after `from`; `from` must not decrease between calls.
    fn next_after(&mut self, text: &str, from: usize) -> Option<usize> {
        if self.next.is_some_and(|next| next > from) || self.exhausted {
            return self.next.filter(|&next| next > from);
        }
        let found = text
            .get(from..)
            .and_then(|rest| rest.char_indices().find(|&(_, c)| (self.is_close)(c)))
            .map(|(i, _)| from + i);
        self.exhausted = found.is_none();
        self.next = found;
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sentences(paragraph: &str) -> Vec<&str> {
        split(paragraph)
            .into_iter()
            .map(|range| &paragraph[range])
            .collect()
    }

    #[test]
    fn cuts_at_terminators_of_either_width() {
        assert_eq!(
            sentences("稳中求进。提质增效!行不行?行;好！对？是；"),
            [
                "稳中求进。",
                "提质增效!",
                "行不行?",
                "行;",
                "好！",
                "对？",
                "是；"
            ]
        );
    }

    #[test]
    fn colon_and_comma_do_not_cut() {
        assert_eq!(
            sentences("各位代表:现在,我代表市政府。"),
            ["各位代表:现在,我代表市政府。"]
        );
    }

    #[test]
    fn closing_quotes_stay_and_opening_quotes_start_the_next_sentence() {
        assert_eq!(
            sentences("提出“两个确保。”“三个提升”成效明显。"),
            ["提出“两个确保。”", "“三个提升”成效明显。"]
        );
        assert_eq!(
            sentences("（详见附件。）下一句。"),
            ["（详见附件。）", "下一句。"]
        );
        assert_eq!(
            sentences("「雙碳」目標。「其次」"),
            ["「雙碳」目標。", "「其次」"]
        );
        assert_eq!(
            sentences("他说:\"好。\"然后。"),
            ["他说:\"好。\"", "然后。"]
        );
    }

    #[test]
    fn decimals_and_list_numbers_do_not_cut() {
        assert_eq!(
            sentences("增长6.5%,居第1.5位。2.“三农”工作扎实推进。"),
            ["增长6.5%,居第1.5位。", "2.“三农”工作扎实推进。"]
        );
    }

    #[test]
    fn ellipses_cut_and_keep_what_follows_them() {
        assert_eq!(sentences("等等……下面。"), ["等等……", "下面。"]);
        assert_eq!(sentences("等等......下面"), ["等等......", "下面"]);
        assert_eq!(sentences("好……。”再见"), ["好……。”", "再见"]);
        assert_eq!(sentences("v1..2"), ["v1..2"]);
    }

    #[test]
    fn book_titles_and_short_parentheses_do_not_cut() {
        assert_eq!(
            sentences("落实《关于加强监管;促进发展的意见》。再议。"),
            ["落实《关于加强监管;促进发展的意见》。", "再议。"]
        );
        assert_eq!(
            sentences("完成投资(其中:A增长5%;B增长6%)。再议。"),
            ["完成投资(其中:A增长5%;B增长6%)。", "再议。"]
        );
    }

    #[test]
    fn unclosed_or_overlong_titles_are_ordinary_text() {
        assert_eq!(sentences("《标题。正文。"), ["《标题。", "正文。"]);
        let long = format!("《{}》", "甲。".repeat(200));
        assert_eq!(split(&long).len(), 200);
    }

    #[test]
    fn ascii_inside_urls_and_entities_does_not_cut() {
        assert_eq!(
            sentences("见index.php?id=3&amp;x=1页面。下一句。"),
            ["见index.php?id=3&amp;x=1页面。", "下一句。"]
        );
        assert_eq!(sentences("这是&nbsp;空格。"), ["这是&nbsp;空格。"]);
        assert_eq!(sentences("怎么办?2023年。"), ["怎么办?", "2023年。"]);
    }

    #[test]
    fn text_without_terminator_is_one_sentence_and_whitespace_is_trimmed() {
        assert_eq!(sentences("  一、工作回顾  "), ["一、工作回顾"]);
        assert_eq!(
            sentences("\u{3000}\u{3000}第一句。\u{3000} 第二句"),
            ["第一句。", "第二句"]
        );
        assert!(split("").is_empty());
        assert!(split(" \u{3000}\n").is_empty());
        assert_eq!(sentences("。"), ["。"]);
    }

    #[test]
    fn a_two_megabyte_line_splits() {
        let line = "《没有闭合的标题,也没有句号".repeat(150_000);
        assert_eq!(split(&line).first(), Some(&(0..line.len())));
        let many = "甲。".repeat(300_000);
        assert_eq!(split(&many).len(), 300_000);
    }

    /// Text made of report-like pieces, so that terminators, quotes and titles meet.
    fn paragraph() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "。", "！", "?", ";", "；", "…", "...", ".", "“", "”", "\"", "《", "》", "（", ")",
            "6.5%", "2.", " ", "\u{3000}", "\n", "发展", "a", "&nbsp;", "?id", "國",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn sentences_and_whitespace_rebuild_the_paragraph(text in paragraph()) {
            let ranges = split(&text);
            let mut end = 0;
            for range in &ranges {
                prop_assert!(range.start >= end && range.start < range.end);
                prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                prop_assert!(text[end..range.start].trim().is_empty());
                let sentence = &text[range.clone()];
                prop_assert_eq!(sentence.trim(), sentence);
                end = range.end;
            }
            prop_assert!(text[end..].trim().is_empty());
        }

        #[test]
        fn any_string_splits_without_panic(text in ".*") {
            let ranges = split(&text);
            prop_assert!(ranges.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }
}
