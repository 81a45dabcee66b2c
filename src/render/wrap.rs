//! Wrapping styled text by display width, where a CJK character takes two columns.
//!
//! Written here rather than taken from `textwrap` because rdiff wraps *styled segments* (a
//! changed figure inside a sentence is highlighted) and must re-apply each segment's style on
//! every line it spans; Chinese prose has no spaces, so any character boundary is a break.

use colored::{ColoredString, Colorize};
use unicode_width::UnicodeWidthChar;

use crate::render::text::sanitize;

/// How a stretch of text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Dim,
    Removed,
    Added,
    Template,
    Similar,
    /// Changed characters inside a pair: A's side.
    ChangedA,
    /// Changed characters inside a pair: B's side.
    ChangedB,
    Heading,
    /// The part of a commitment that is the report's own.
    Own,
}

/// Text to print as stretches, each with its style.
pub type Segments = Vec<(String, Style)>;

/// Apply a style to some text.
pub fn paint(text: &str, style: Style) -> ColoredString {
    match style {
        Style::Plain => text.normal(),
        Style::Dim => text.dimmed(),
        Style::Removed => text.red(),
        Style::Added => text.green(),
        Style::Template => text.yellow(),
        Style::Similar => text.cyan(),
        Style::ChangedA => text.red().bold().underline(),
        Style::ChangedB => text.green().bold().underline(),
        Style::Heading => text.bold(),
        Style::Own => text.bold().underline(),
    }
}

/// Wrap `segments` into lines of at most `width` columns; the first line starts with
/// `first_prefix`, later ones with `next_prefix` (both count towards the width).
pub fn wrap(
    segments: &[(String, Style)],
    width: usize,
    first_prefix: &str,
    next_prefix: &str,
) -> Vec<String> {
    let prefix_width = |p: &str| p.chars().filter_map(|c| c.width()).sum::<usize>();
    let mut lines = Vec::new();
    let mut line = first_prefix.to_string();
    let mut used = prefix_width(first_prefix);
    let mut limit = width.max(used + 2);
    for (text, style) in segments {
        let text = sanitize(text);
        let mut run = String::new();
        let mut prev_alnum = false;
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            // Closing punctuation never starts a line (kinsoku): it may overhang by its width.
            // Nor does the tail of a figure or word in ASCII ("45" is not split as "4" / "5").
            let glued = is_closing(c) || (c.is_ascii_alphanumeric() && prev_alnum);
            let overhang = glued && used + w <= limit + 4;
            if used + w > limit && used > prefix_width(next_prefix) && !overhang {
                line.push_str(&paint(&run, *style).to_string());
                run.clear();
                lines.push(std::mem::take(&mut line));
                line = next_prefix.to_string();
                used = prefix_width(next_prefix);
                limit = width.max(used + 2);
            }
            run.push(c);
            used += w;
            prev_alnum = c.is_ascii_alphanumeric();
        }
        if !run.is_empty() {
            line.push_str(&paint(&run, *style).to_string());
        }
    }
    lines.push(line);
    lines
}

/// Punctuation that must not start a line.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | '.'
            | '%'
    )
}

/// Display width of some text.
pub fn display_width(text: &str) -> usize {
    text.chars().filter_map(|c| c.width()).sum()
}

/// Plain text (a header or a legend) wrapped at `sep` (a space, or the two spaces that part
/// a legend's entries) into lines of at most `width` columns, the first line starting with
/// `first` and the others with `indent`; a piece longer than a line stands alone on its line.
pub fn wrap_words(text: &str, sep: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut bare = true;
    for word in text.split(sep) {
        // An empty piece is a doubled separator: kept inside a line, dropped at its start.
        if word.is_empty() && bare {
            continue;
        }
        let room =
            display_width(&line) + display_width(sep) * usize::from(!bare) + display_width(word);
        if !bare && room > width {
            lines.push(std::mem::replace(&mut line, indent.to_string()));
            bare = true;
        }
        if !bare {
            line.push_str(sep);
        }
        line.push_str(word);
        bare = false;
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_spaces_within_the_width() {
        let lines = wrap_words(
            "shared text = runs of at least 12 characters",
            " ",
            20,
            "",
            "  ",
        );
        assert_eq!(
            lines,
            vec!["shared text = runs", "  of at least 12", "  characters"]
        );
        assert!(lines.iter().all(|l| display_width(l) <= 20));
        // A word longer than the width stands alone; nothing is lost.
        let long = wrap_words("a samples/very/long/path/name.txt b", " ", 10, "", "");
        assert_eq!(long, vec!["a", "samples/very/long/path/name.txt", "b"]);
        // Entries parted by two spaces stay whole and keep their spacing.
        let legend = wrap_words("= equal  ~ same but figures  - A only", "  ", 24, "", "");
        assert_eq!(legend, vec!["= equal", "~ same but figures", "- A only"]);
        let wide = wrap_words("= equal  ~ same but figures", "  ", 80, "", "");
        assert_eq!(wide, vec!["= equal  ~ same but figures"]);
        let spaced = wrap_words("file.txt  UTF-8, GBK", " ", 80, "", "");
        assert_eq!(spaced, vec!["file.txt  UTF-8, GBK"]);
    }

    fn plain(s: &str) -> Vec<(String, Style)> {
        vec![(s.to_string(), Style::Plain)]
    }

    #[test]
    fn cjk_counts_two_columns() {
        colored::control::set_override(false);
        let lines = wrap(&plain("一二三四五六七八九十"), 10, "", "");
        assert_eq!(lines, vec!["一二三四五", "六七八九十"]);
    }

    #[test]
    fn prefixes_count_and_continue() {
        colored::control::set_override(false);
        let lines = wrap(&plain("一二三四五六"), 8, "- ", "  ");
        assert_eq!(lines, vec!["- 一二三", "  四五六"]);
        assert!(lines.iter().all(|l| display_width(l) <= 8));
    }

    #[test]
    fn closing_punctuation_does_not_start_a_line() {
        colored::control::set_override(false);
        let lines = wrap(&plain("一二三四五。六"), 10, "", "");
        assert_eq!(lines, vec!["一二三四五。", "六"]);
    }

    #[test]
    fn narrow_width_still_progresses() {
        colored::control::set_override(false);
        let lines = wrap(&plain("一二三"), 1, "", "");
        assert_eq!(lines.concat(), "一二三");
    }

    #[test]
    fn control_characters_never_reach_output() {
        colored::control::set_override(false);
        let lines = wrap(&plain("a\u{1b}[2Jb"), 80, "", "");
        assert!(!lines[0].contains('\u{1b}'));
    }
}
