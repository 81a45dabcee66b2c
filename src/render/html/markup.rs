//! The one place report text enters the page: every string from a report goes through
//! [`Html::text`] or [`Html::attr`], which drop what could break out of its context.
//!
//! Escaping is html-escape's (text: `& < >`; double-quoted attributes: `& < > "`); every
//! attribute we write is double-quoted, so those two contexts are the only ones. Before
//! escaping, characters that have no business in a reading page are replaced with U+FFFD:
//! C0/C1 controls other than tab and newline (HTML forbids most of them), bidirectional
//! overrides (they can reorder what a reader sees, as they could in a terminal) and
//! Unicode noncharacters.

use std::borrow::Cow;
use std::fmt;

/// A page being written: markup is pushed raw, report text only through the escaping methods.
#[derive(Debug, Default)]
pub struct Html {
    buf: String,
}

impl Html {
    /// An empty page with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Html {
        Html {
            buf: String::with_capacity(capacity),
        }
    }

    /// Markup written by this renderer (never report text).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.buf.push_str(markup);
        self
    }

    /// Report text in element content.
    pub fn text(&mut self, text: &str) -> &mut Self {
        html_escape::encode_text_to_string(clean(text), &mut self.buf);
        self
    }

    /// Report text inside a double-quoted attribute value.
    pub fn attr(&mut self, text: &str) -> &mut Self {
        html_escape::encode_double_quoted_attribute_to_string(clean(text), &mut self.buf);
        self
    }

    /// Formatted markup: numbers, ids, classes. Never pass report text through here.
    pub fn fmt(&mut self, args: fmt::Arguments<'_>) -> &mut Self {
        // Writing to a String cannot fail.
        let _ = fmt::Write::write_fmt(&mut self.buf, args);
        self
    }

    /// The page written so far.
    pub fn into_string(self) -> String {
        self.buf
    }
}

/// `text` with characters unfit for a page replaced by U+FFFD (borrowed when it has none).
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unfit) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unfit(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

fn is_unfit(c: char) -> bool {
    let noncharacter = matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32) & 0xFFFE == 0xFFFE;
    (c.is_control() && c != '\t' && c != '\n')
        || noncharacter
        || matches!(c, '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A share (0..1) as a percentage with one decimal, for people; the exact value goes in a
/// `data-value` attribute beside it.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A share clamped to 0..1 for a `<meter>` (which ignores values outside its range).
pub fn meter_value(share: f64) -> f64 {
    if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_markup() {
        let mut page = Html::default();
        page.text("<script>alert(1)</script> & &amp;");
        let s = page.into_string();
        assert_eq!(s, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp;");
    }

    #[test]
    fn attr_escapes_quotes() {
        let mut page = Html::default();
        page.attr("\"><img src=x onerror=alert(1)>");
        let s = page.into_string();
        assert!(!s.contains('"'));
        assert!(!s.contains('<'));
        assert!(s.starts_with("&quot;&gt;&lt;img"));
    }

    #[test]
    fn controls_are_replaced_but_tab_and_newline_kept() {
        let s = clean("a\u{0}b\u{1b}[31m\u{7f}\u{85}\u{202E}c\td\ne\u{FFFF}\u{FDD0}");
        assert_eq!(
            s,
            "a\u{FFFD}b\u{FFFD}[31m\u{FFFD}\u{FFFD}\u{FFFD}c\td\ne\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("各位代表，"), Cow::Borrowed(_)));
    }

    #[test]
    fn meter_values_stay_in_range() {
        assert_eq!(meter_value(1.5), 1.0);
        assert_eq!(meter_value(-0.1), 0.0);
        assert_eq!(meter_value(f64::NAN), 0.0);
        assert_eq!(meter_value(0.25), 0.25);
    }
}
