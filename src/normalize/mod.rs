//! One script, one width: the form in which report text is compared.
//!
//! The same sentence reaches rdiff in Traditional or Simplified script, with full-width or
//! ASCII punctuation, with ideographic or ordinary spaces. Users quote rdiff's "shared text"
//! numbers, so such accidents of publishing must not count as differences. [`Normalizer`]
//! turns one piece of text (a line, heading or sentence) into its compared form:
//!
//! 1. Traditional → Simplified, only when asked (`convert`): OpenCC `t2s` (`script.rs`),
//!    then 著 → 着 where mainland text writes 着 (`zhe.rs`). Simplified text never loads the
//!    dictionaries. [`Normalizer::is_traditional`] decides, once per document, whether to ask.
//! 2. Widths and spaces folded ([`fold_width`]).
//! 3. The user's replacement rules, if any ([`Rules`]; file format in [`rules`]).
//!
//! Normalization is a pure function of the piece, so callers may cut text as they please;
//! it is mostly one character for one, but spaces collapse and a few invisible characters
//! drop, so offsets into the result are not offsets into the original.

mod opencc;
pub mod rules;
mod script;
mod zhe;

use std::borrow::Cow;

use crate::decode::non_ideographs;

pub use opencc::T2s;
pub use rules::{Rules, RulesError};
pub use script::{is_han, is_traditional_char, preload, t2s};
pub use zhe::fix_zhe;

/// Turns report text into the form rdiff compares.
#[derive(Debug, Default, Clone)]
pub struct Normalizer {
    rules: Rules,
}

impl Normalizer {
    /// A normalizer without replacement rules.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// A normalizer that also applies `rules` (after script conversion and width folding).
    pub fn with_rules(rules: Rules) -> Normalizer {
        Normalizer { rules }
    }

    /// The replacement rules this normalizer applies.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// True when `text` is written in Traditional script and must be converted: at least 5 % of
    /// its Han characters are ones `t2s` changes. Cheap: no dictionaries are loaded.
    pub fn is_traditional(&self, text: &str) -> bool {
        script::is_traditional(text)
    }

    /// Normalize one piece of text; `convert` says whether to apply `t2s` (and the 著 fix).
    pub fn normalize(&self, text: &str, convert: bool) -> String {
        let folded = if convert {
            fold_width(&to_simplified(text))
        } else {
            fold_width(text)
        };
        self.rules.apply(folded)
    }
}

/// Traditional → Simplified as rdiff compares it: OpenCC `t2s`, then the 著/着 fix.
pub fn to_simplified(text: &str) -> Cow<'_, str> {
    match t2s(text) {
        Cow::Borrowed(same) => fix_zhe(same),
        Cow::Owned(converted) => match fix_zhe(&converted) {
            Cow::Borrowed(_) => Cow::Owned(converted),
            Cow::Owned(fixed) => Cow::Owned(fixed),
        },
    }
}

/// Fold widths and spaces so that typographic variants compare equal.
///
/// - Full-width ASCII forms (U+FF01–FF5E: `，；：（）！？％`, digits, letters) become ASCII.
///   `、` and `。` stay: they have no ASCII form, and `.` is never turned into `。` because it
///   is the decimal point in 6.5%.
/// - Corner quotes, which Traditional texts use, become the curly quotes Simplified texts use:
///   `「」` → `“”`, `『』` → `‘’`. Curly quotes stay; straight `"` stays (its direction is
///   unknown).
/// - Half-width CJK forms (`｡｢｣､･`) and full-width signs (`￥￡`…) take their usual form;
///   `∶` (ratio) becomes `:`, `○` in years (二○二一) becomes `〇`, `―` becomes `—`, and the
///   name dots `・‧` become `·`.
/// - Every Unicode space (U+3000, NBSP, tabs, line breaks…) becomes one ASCII space; runs
///   collapse to one and the ends are trimmed. Zero-width spaces, word joiners, BOMs and soft
///   hyphens are dropped.
pub fn fold_width(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space_pending = false;
    // Characters that fold to themselves are copied a run at a time; ideographs always do, so
    // only the other characters are looked at.
    let mut run_start = 0;
    for (at, c) in non_ideographs(text) {
        if space_pending && run_start < at {
            // Ideographs follow the spaces: the space goes before them.
            out.push(' ');
            space_pending = false;
        }
        // ASCII letters and signs fold to themselves without a look at the table below.
        if !space_pending && c.is_ascii_graphic() {
            continue;
        }
        let folded = fold_char(c);
        if !space_pending && matches!(folded, Folded::Char(f) if f == c) {
            continue;
        }
        out.push_str(&text[run_start..at]);
        run_start = at + c.len_utf8();
        match folded {
            Folded::Space => space_pending = !out.is_empty(),
            Folded::Dropped => {}
            Folded::Char(f) => {
                if space_pending {
                    out.push(' ');
                    space_pending = false;
                }
                out.push(f);
            }
        }
    }
    if space_pending && run_start < text.len() {
        out.push(' ');
    }
    out.push_str(&text[run_start..]);
    out
}

/// What one character folds to.
enum Folded {
    Char(char),
    Space,
    Dropped,
}

fn fold_char(c: char) -> Folded {
    let folded = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '「' | '｢' => '“',
        '」' | '｣' => '”',
        '『' => '‘',
        '』' => '’',
        '｡' => '。',
        '､' => '、',
        '･' | '・' | '‧' => '·',
        '￠' => '¢',
        '￡' => '£',
        '￢' => '¬',
        '￣' => '¯',
        '￤' => '¦',
        '￥' => '¥',
        '￦' => '₩',
        '∶' => ':',
        '○' => '〇',
        '―' => '—',
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return Folded::Dropped,
        c if c.is_whitespace() => return Folded::Space,
        c => c,
    };
    Folded::Char(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_ascii_punctuation_compare_equal() {
        assert_eq!(
            fold_width("增长６．５％（全省第一）；ＧＤＰ：１２３！？"),
            "增长6.5%(全省第一);GDP:123!?"
        );
        assert_eq!(fold_width("一、总体要求。"), "一、总体要求。");
        assert_eq!(fold_width("6.5%"), "6.5%");
    }

    #[test]
    fn spaces_of_every_kind_fold_collapse_and_trim() {
        assert_eq!(fold_width("\u{3000}\u{3000}各位代表:"), "各位代表:");
        assert_eq!(
            fold_width("政 府\u{3000}\u{3000}工\u{A0}作\t\r\n报告  "),
            "政 府 工 作 报告"
        );
        assert_eq!(fold_width("a\u{2003}\u{202F}b"), "a b");
        assert_eq!(fold_width("\u{FEFF}报\u{200B}告"), "报告");
        assert_eq!(fold_width(" \u{3000} "), "");
    }

    #[test]
    fn runs_between_folded_characters_are_kept_whole() {
        assert_eq!(fold_width("a b"), "a b");
        assert_eq!(fold_width("ab  cd\u{3000}ef"), "ab cd ef");
        assert_eq!(fold_width("  首 页 "), "首 页");
        assert_eq!(fold_width("x\u{200B}y（z）"), "xy(z)");
    }

    #[test]
    fn quotes_and_variant_marks_fold() {
        assert_eq!(fold_width("「雙碳」『目標』"), "“雙碳”‘目標’");
        assert_eq!(fold_width("“双碳”"), "“双碳”");
        assert_eq!(fold_width("二○三五年,9.0∶35.7"), "二〇三五年,9.0:35.7");
        assert_eq!(fold_width("馬克思・韋伯‧x"), "馬克思·韋伯·x");
    }

    #[test]
    fn simplified_is_only_folded() {
        let normalizer = Normalizer::new();
        assert_eq!(
            normalizer.normalize("隨著经济发展，", false),
            "隨著经济发展,"
        );
    }

    #[test]
    fn traditional_is_converted_and_folded() {
        let normalizer = Normalizer::new();
        assert_eq!(
            normalizer.normalize("隨著經濟發展，成效顯著「雙碳」", true),
            "随着经济发展,成效显著“双碳”"
        );
    }

    #[test]
    fn traditional_and_simplified_twins_compare_equal() {
        let normalizer = Normalizer::new();
        let traditional = "著力推進「放管服」改革,意味著營商環境顯著改善。";
        let simplified = "着力推进“放管服”改革，意味着营商环境显著改善。";
        assert!(normalizer.is_traditional(traditional));
        assert!(!normalizer.is_traditional(simplified));
        assert_eq!(
            normalizer.normalize(traditional, true),
            normalizer.normalize(simplified, false)
        );
    }

    /// fold_width one character at a time: the definition the run-copying version must equal.
    fn fold_width_char_by_char(text: &str) -> String {
        let mut out = String::new();
        let mut space_pending = false;
        for c in text.chars() {
            match fold_char(c) {
                Folded::Space => space_pending = !out.is_empty(),
                Folded::Dropped => {}
                Folded::Char(c) => {
                    if space_pending {
                        out.push(' ');
                        space_pending = false;
                    }
                    out.push(c);
                }
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn run_copying_equals_folding_char_by_char(text in "[ \u{3000}\u{A0}\u{200B}\t,，(（a１一國国著「」○䶵]{0,40}") {
            proptest::prop_assert_eq!(fold_width(&text), fold_width_char_by_char(&text));
        }

        #[test]
        fn folded_text_is_trimmed_single_spaced_and_stable(text in "[ \u{3000}\u{A0}\t\n,，(（a１國国著]{0,30}") {
            let folded = fold_width(&text);
            proptest::prop_assert_eq!(folded.trim(), folded.as_str());
            proptest::prop_assert!(!folded.contains("  "));
            proptest::prop_assert!(folded.chars().all(|c| c == ' ' || !c.is_whitespace()));
            proptest::prop_assert_eq!(fold_width(&folded), folded.clone());
            let normalizer = Normalizer::new();
            proptest::prop_assert_eq!(normalizer.normalize(&text, false), folded);
        }

        #[test]
        fn any_text_normalizes_without_panic(text in "\\PC{0,40}") {
            let normalizer = Normalizer::new();
            let converted = normalizer.normalize(&text, true);
            proptest::prop_assert_eq!(fold_width(&converted), converted);
        }
    }

    #[test]
    fn rules_apply_after_conversion_and_folding() {
        let rules = Rules::parse("X的二十大 => 党的二十大").unwrap();
        let normalizer = Normalizer::with_rules(rules);
        assert_eq!(
            normalizer.normalize("貫徹Ｘ的二十大精神", true),
            "贯彻党的二十大精神"
        );
    }
}
