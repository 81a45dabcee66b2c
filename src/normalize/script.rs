//! Which script a text is in, and Traditional → Simplified conversion.
//!
//! Conversion uses OpenCC's `t2s` dictionaries (character and phrase tables, greedy longest
//! match), looked up by rdiff's own table (`opencc.rs`). Never `tw2s`/`tw2sp`: those also rewrite
//! Taiwan vocabulary into mainland vocabulary and change mainland words that happen to look
//! Taiwanese (入选 → 入菜, 智慧 → 智能), which would invent differences between reports.
//!
//! The dictionaries are loaded once, on the first conversion, so reading Simplified reports
//! never pays for them.
//!
//! Detection does not load them either: `traditional_chars.txt` lists every character that
//! `t2s` maps to a different character (the keys of OpenCC's `TSCharacters.txt` whose first
//! value differs from the key; 4105 characters). It was generated from the vendored
//! `opencc/TSCharacters.txt`; a unit test checks every listed character is still changed
//! by the converter, and the conformance test checks the list covers every character `t2s`
//! changed in the Traditional sample.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::opencc::T2s;

/// Characters `t2s` changes, 64 to a line (see the module doc for how it was generated).
const TRADITIONAL_CHARS: &str = include_str!("traditional_chars.txt");

/// Share of Han characters that must be Traditional-only for a text to count as Traditional.
///
/// Real Traditional reports score 25–40 % (the sample: 34 %), real Simplified reports 0 %.
/// A Simplified report quoting a Traditional name or title stays far below 5 %; a Traditional
/// report cannot fall that low because its commonest words (會 國 發 經 區 們 為 這) all change.
/// Erring towards "Traditional" is cheap: `t2s` leaves Simplified text as it is.
const TRADITIONAL_SHARE: f64 = 0.05;

/// The characters of [`TRADITIONAL_CHARS`] as a bitmap over the Basic Multilingual Plane and a
/// sorted list of the few (354) outside it, so lookup is one shift and mask for nearly all text.
struct TraditionalSet {
    bmp: Vec<u64>,
    astral: Vec<char>,
}

impl TraditionalSet {
    fn build() -> TraditionalSet {
        let mut bmp = vec![0u64; 0x10000 / 64];
        let mut astral = Vec::new();
        for c in TRADITIONAL_CHARS.chars().filter(|c| !c.is_whitespace()) {
            let code = c as usize;
            match bmp.get_mut(code / 64) {
                Some(word) => *word |= 1 << (code % 64),
                None => astral.push(c),
            }
        }
        astral.sort_unstable();
        TraditionalSet { bmp, astral }
    }

    fn contains(&self, c: char) -> bool {
        let code = c as usize;
        match self.bmp.get(code / 64) {
            Some(word) => word & (1 << (code % 64)) != 0,
            None => self.astral.binary_search(&c).is_ok(),
        }
    }
}

fn traditional_set() -> &'static TraditionalSet {
    static SET: OnceLock<TraditionalSet> = OnceLock::new();
    SET.get_or_init(TraditionalSet::build)
}

/// True for characters `t2s` would replace by a different character.
pub fn is_traditional_char(c: char) -> bool {
    traditional_set().contains(c)
}

/// True for Han ideographs (unified, extension A, compatibility, and the astral extensions).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// True when a meaningful share of the Han characters in `text` are Traditional-only.
pub fn is_traditional(text: &str) -> bool {
    let set = traditional_set();
    let (mut han, mut traditional) = (0usize, 0usize);
    for c in text.chars().filter(|&c| is_han(c)) {
        han += 1;
        if set.contains(c) {
            traditional += 1;
        }
    }
    han > 0 && traditional as f64 >= han as f64 * TRADITIONAL_SHARE
}

/// The `t2s` tables, parsed on first use.
fn converter() -> &'static T2s {
    static T2S: OnceLock<T2s> = OnceLock::new();
    T2S.get_or_init(T2s::load)
}

/// Load the `t2s` dictionaries now rather than on the first conversion (for timing them).
pub fn preload() {
    converter();
}

/// Convert Traditional script to Simplified with OpenCC `t2s`, exactly as OpenCC does;
/// borrowed when there is nothing to convert.
pub fn t2s(text: &str) -> Cow<'_, str> {
    converter().convert(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_character_is_changed_by_t2s() {
        let listed: Vec<char> = TRADITIONAL_CHARS
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(listed.len() > 4000, "table truncated: {}", listed.len());
        let unchanged: String = listed
            .iter()
            .filter(|c| t2s(&c.to_string()) == c.to_string())
            .collect();
        assert_eq!(unchanged, "", "listed but not changed by t2s");
    }

    #[test]
    fn set_lookup_agrees_with_the_table() {
        assert!(is_traditional_char('國'));
        assert!(is_traditional_char('們'));
        assert!(is_traditional_char('\u{2005E}')); // 𠁞, outside the BMP
        assert!(!is_traditional_char('国'));
        assert!(!is_traditional_char('著'));
        assert!(!is_traditional_char('a'));
    }

    #[test]
    fn detects_traditional_text() {
        assert!(is_traditional("現在,我代表叢臺區人民政府向大會報告工作"));
        assert!(is_traditional("國務院"));
        assert!(!is_traditional("现在,我代表丛台区人民政府向大会报告工作"));
        assert!(!is_traditional(""));
        assert!(!is_traditional("GDP 6.5%"));
    }

    #[test]
    fn one_quoted_traditional_word_does_not_make_a_report_traditional() {
        let simplified = "坚持稳中求进工作总基调,完整准确全面贯彻新发展理念。".repeat(20);
        let quoting = format!("{simplified}台湾同胞称之为「國語」。");
        assert!(!is_traditional(&quoting));
    }

    #[test]
    fn t2s_converts_phrases_and_characters() {
        assert_eq!(t2s("瞭解情況,乾隆年間,頭髮"), "了解情况,乾隆年间,头发");
        assert_eq!(t2s("plain ASCII"), "plain ASCII");
    }
}
