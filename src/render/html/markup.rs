//! The one place report text enters the page: every string from a report goes through
//! [`Html::text`] or [`Html::attr`], which drop what could break out of its context.
//!
//! Escaping follows html-escape's rules (text: `& < >`; double-quoted attributes: `& < > "`);
//! every attribute we write is double-quoted, so those two contexts are the only ones.
//! Characters that have no business in a reading page are replaced with U+FFFD: C0/C1
//! controls other than tab and newline (HTML forbids most of them), bidirectional overrides
//! (they can reorder what a reader sees, as they could in a terminal) and Unicode
//! noncharacters.
//!
//! Both happen in one pass over the bytes, which copies runs of text that needs neither and
//! looks closer only at characters whose first byte says they may (see [`SAFE_LENGTH`]):
//! a report's text is written whole, some of it twice, and cleaning and escaping it in two
//! passes over its characters cost about 5 % of a comparison's instructions.

use std::fmt;

use crate::comparison::ItemRef;

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
        self.push_report_text(text, false);
        self
    }

    /// Report text inside a double-quoted attribute value.
    pub fn attr(&mut self, text: &str) -> &mut Self {
        self.push_report_text(text, true);
        self
    }

    /// `text` cleaned and escaped (`"` too when `in_attribute`), in one pass.
    fn push_report_text(&mut self, text: &str, in_attribute: bool) {
        let bytes = text.as_bytes();
        let mut copied = 0;
        let mut at = 0;
        // `at` moves a whole character at a time, so it is always a character boundary.
        while at < bytes.len() {
            let length = usize::from(SAFE_LENGTH[usize::from(bytes[at])]);
            if length > 0 {
                at += length;
                continue;
            }
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            let replacement = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' if in_attribute => "&quot;",
                c if is_unfit(c) => "\u{FFFD}",
                _ => {
                    at += c.len_utf8();
                    continue;
                }
            };
            self.buf.push_str(&text[copied..at]);
            self.buf.push_str(replacement);
            at += c.len_utf8();
            copied = at;
        }
        self.buf.push_str(&text[copied..]);
    }

    /// The id of an item's row, `s{section}-i{item}`, which links and tests rely on.
    pub fn item_id(&mut self, at: ItemRef) -> &mut Self {
        let mut number = itoa::Buffer::new();
        self.buf.push('s');
        self.buf.push_str(number.format(at.section));
        self.buf.push_str("-i");
        self.buf.push_str(number.format(at.item));
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

/// By a character's first byte: its length when it can need neither escaping nor replacing,
/// else 0 (a closer look). Zero for the ASCII characters to escape and for controls, and for
/// the first bytes of every character [`is_unfit`] refuses: C1 controls (`C2`), bidirectional
/// controls (`E2`), noncharacters (`EF` and four-byte characters). CJK text is skipped three
/// bytes at a time.
const SAFE_LENGTH: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'&' | b'<' | b'>' | b'"' | 0x7F => 0,
            0x20..=0x7E => 1,
            0xC2 | 0xE2 | 0xEF => 0,
            0xC3..=0xDF => 2,
            0xE0..=0xEE => 3,
            // Controls, continuation bytes (never first) and four-byte characters.
            _ => 0,
        };
        b += 1;
    }
    table
};

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

    fn text_of(text: &str) -> String {
        let mut page = Html::default();
        page.text(text);
        page.into_string()
    }

    #[test]
    fn controls_are_replaced_but_tab_and_newline_kept() {
        let s = text_of("a\u{0}b\u{1b}[31m\u{7f}\u{85}\u{202E}c\td\ne\u{FFFF}\u{FDD0}\u{10FFFE}");
        assert_eq!(
            s,
            "a\u{FFFD}b\u{FFFD}[31m\u{FFFD}\u{FFFD}\u{FFFD}c\td\ne\u{FFFD}\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn report_text_passes_unchanged() {
        let text = "各位代表：“十四五”——增长5.2%，…… · ¥ ，『』\u{2014}\u{FEFF}\u{1F600}";
        assert_eq!(text_of(text), text);
    }

    /// The old two-pass writer, one character at a time: the one-pass writer must agree.
    fn two_passes(text: &str, in_attribute: bool) -> String {
        let clean: String = text
            .chars()
            .map(|c| if is_unfit(c) { '\u{FFFD}' } else { c })
            .collect();
        if in_attribute {
            html_escape::encode_double_quoted_attribute(&clean).into_owned()
        } else {
            html_escape::encode_text(&clean).into_owned()
        }
    }

    #[test]
    fn only_characters_that_need_no_work_are_skipped_and_by_their_length() {
        let mut utf8 = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let encoded = c.encode_utf8(&mut utf8);
            let length = usize::from(SAFE_LENGTH[usize::from(encoded.as_bytes()[0])]);
            if is_unfit(c) || matches!(c, '&' | '<' | '>' | '"') {
                assert_eq!(length, 0, "{:X}", u32::from(c));
            } else {
                assert!(length == 0 || length == encoded.len(), "{:X}", u32::from(c));
            }
            let mut page = Html::default();
            page.attr(encoded);
            assert_eq!(page.into_string(), two_passes(encoded, true));
        }
    }

    proptest::proptest! {
        #[test]
        fn one_pass_writes_what_two_passes_wrote(text in "(\\PC|[\\x00-\\x20&<>\"\u{80}-\u{9F}\u{200E}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FDD0}\u{FFFE}\u{FFFF}\u{10FFFF}])*") {
            let mut page = Html::default();
            page.text(&text).attr(&text);
            let expected = two_passes(&text, false) + &two_passes(&text, true);
            proptest::prop_assert_eq!(page.into_string(), expected);
        }
    }

    #[test]
    fn item_ids_name_section_and_item() {
        let mut page = Html::default();
        page.item_id(ItemRef {
            section: 0,
            item: 7,
        })
        .raw(" ")
        .item_id(ItemRef {
            section: 12,
            item: 305,
        });
        assert_eq!(page.into_string(), "s0-i7 s12-i305");
    }

    #[test]
    fn meter_values_stay_in_range() {
        assert_eq!(meter_value(1.5), 1.0);
        assert_eq!(meter_value(-0.1), 0.0);
        assert_eq!(meter_value(f64::NAN), 0.0);
        assert_eq!(meter_value(0.25), 0.25);
    }
}
