//! The key: the part of a text that comparison looks at.
//!
//! Reports that say the same thing differ in punctuation (full-width or ASCII, a comma moved),
//! spacing, and line breaks a PDF conversion left behind. None of these change what a sentence
//! says, so rdiff compares **keys**: the normalized text with every character of the Unicode
//! general categories P* (punctuation), Z* (separators: spaces, line and paragraph separators)
//! and C* (control, format, private use, surrogates, unassigned) dropped. Letters, digits and
//! symbols (Han characters, Latin letters, "℃", "㎡", "+") stay. Note that "%" and "‰" are
//! punctuation (Po) in Unicode and are dropped: "增长6%" keys as "增长6". A "character" in
//! every figure rdiff reports is a key character.
//!
//! Template comparison additionally **masks digits**: every maximal run of decimal digits
//! (general category Nd) becomes one placeholder, so "增长6%左右" and "增长5.5%左右" have the
//! same masked key ("." is punctuation, so "5.5" is the digit run "55" in the key). Masking is
//! applied to keys, never to raw text, so that a decimal point does not split a figure in two.
//! Chinese numerals (一、二、十、百) are letters, not digits, and are not masked.
//!
//! The many-report `matrix` command reuses exactly these functions, so pairwise and corpus
//! figures mean the same thing.

use unicode_general_category::{get_general_category, GeneralCategory};

/// What a run of digits becomes in a masked key: a private-use character, which can never occur
/// in a key (private use is category Co and is dropped), so it matches only another placeholder.
pub const DIGIT_PLACEHOLDER: char = '\u{E000}';

/// True when `c` belongs in a key: not punctuation, separator or control/format/unassigned.
pub fn is_key_char(c: char) -> bool {
    // Nearly every character of a report is a hanzi or ASCII (normalized punctuation is ASCII): answer those
    // without the table lookup, which dominated reading and comparing long reports.
    if c.is_ascii() {
        // The ASCII symbols (Sm, Sc, Sk); the rest of ASCII punctuation, space and controls go.
        return c.is_ascii_alphanumeric()
            || matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    is_common_ideograph(c) || is_key_category(c)
}

/// [`is_key_char`] by the Unicode table alone.
fn is_key_category(c: char) -> bool {
    use GeneralCategory as G;
    !matches!(
        get_general_category(c),
        G::ConnectorPunctuation
            | G::DashPunctuation
            | G::OpenPunctuation
            | G::ClosePunctuation
            | G::InitialPunctuation
            | G::FinalPunctuation
            | G::OtherPunctuation
            | G::SpaceSeparator
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
    )
}

/// True for decimal digits (general category Nd), the characters digit masking folds.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() || is_common_ideograph(c) {
        return c.is_ascii_digit();
    }
    get_general_category(c) == GeneralCategory::DecimalNumber
}

/// The CJK Unified Ideographs block, every code point of it a letter (Lo); a unit test checks
/// it against the table.
fn is_common_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The key of a text, as a string.
pub fn key_of(text: &str) -> String {
    text.chars().filter(|&c| is_key_char(c)).collect()
}

/// The key of a text, as characters (what span matching works on).
pub fn key_chars(text: &str) -> Vec<char> {
    // Sized for Chinese text (three bytes a character) at once: collecting a filter starts
    // from nothing and regrows the vector several times for every sentence.
    let mut key = Vec::with_capacity(text.len() / 3 + 1);
    key.extend(text.chars().filter(|&c| is_key_char(c)));
    key
}

/// `text.starts_with(word)` for keys, compared character by character: the words looked for
/// in keys are a few characters long and most differ at the first, where a slice comparison
/// would call memcmp.
pub fn starts_with(text: &[char], word: &[char]) -> bool {
    text.len() >= word.len() && word.iter().zip(text).all(|(w, t)| w == t)
}

/// `text` with every maximal run of decimal digits replaced by one [`DIGIT_PLACEHOLDER`].
///
/// Apply it to a key (`mask_digits(&key_of(t))`): on raw text "5.5" would be two runs.
pub fn mask_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    mask_digit_chars(&chars).0.into_iter().collect()
}

/// Masks digit runs in `key` and says where each masked character came from: `starts[m]` is the
/// index in `key` of the first character that masked character `m` stands for (a placeholder
/// stands for its whole run, up to the next start or the end of `key`).
pub fn mask_digit_chars(key: &[char]) -> (Vec<char>, Vec<usize>) {
    let mut masked = Vec::with_capacity(key.len());
    let mut starts = Vec::with_capacity(key.len());
    let mut in_run = false;
    for (i, &c) in key.iter().enumerate() {
        if is_digit(c) {
            if !in_run {
                masked.push(DIGIT_PLACEHOLDER);
                starts.push(i);
            }
            in_run = true;
        } else {
            masked.push(c);
            starts.push(i);
            in_run = false;
        }
    }
    (masked, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_the_table() {
        for c in ('\0'..='\u{7F}').chain('\u{4E00}'..='\u{9FFF}') {
            assert_eq!(is_key_char(c), is_key_category(c), "{c:?}");
            let nd = get_general_category(c) == GeneralCategory::DecimalNumber;
            assert_eq!(is_digit(c), nd, "{c:?}");
        }
    }

    #[test]
    fn punctuation_space_and_controls_are_dropped() {
        assert_eq!(key_of("我们，要 坚持。"), "我们要坚持");
        assert_eq!(key_of("“放管服”改革(试点)!"), "放管服改革试点");
        assert_eq!(key_of("a\tb\r\nc\u{3000}d\u{200B}e"), "abcde");
        assert_eq!(key_of("——《政府工作报告》……"), "政府工作报告");
    }

    #[test]
    fn letters_digits_and_symbols_stay() {
        assert_eq!(key_of("增长5.5%,达到10℃"), "增长55达到10℃");
        assert_eq!(key_of("GDP+5G"), "GDP+5G");
    }

    #[test]
    fn full_width_and_ascii_punctuation_give_the_same_key() {
        assert_eq!(key_of("增长６％，好！"), key_of("增长６％,好!"));
    }

    #[test]
    fn digit_runs_become_one_placeholder() {
        let a = mask_digits(&key_of("增长6%左右"));
        let b = mask_digits(&key_of("增长5.5%左右"));
        assert_eq!(a, b);
        assert_eq!(a, format!("增长{DIGIT_PLACEHOLDER}左右"));
        assert_ne!(mask_digits("增长6%"), mask_digits("下降6%"));
    }

    #[test]
    fn chinese_numerals_are_not_masked() {
        assert_eq!(mask_digits("三大攻坚战"), "三大攻坚战");
    }

    #[test]
    fn placeholder_never_occurs_in_a_key() {
        assert_eq!(key_of(&DIGIT_PLACEHOLDER.to_string()), "");
    }

    #[test]
    fn starts_with_is_the_slice_test() {
        let text: Vec<char> = "年底前".chars().collect();
        for word in ["", "年", "年底", "年底前", "年底前完成", "底"] {
            let word: Vec<char> = word.chars().collect();
            assert_eq!(
                starts_with(&text, &word),
                text.starts_with(&word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn masked_positions_point_back_to_the_key() {
        let key: Vec<char> = "a12b3".chars().collect();
        let (masked, starts) = mask_digit_chars(&key);
        assert_eq!(masked.len(), 4);
        assert_eq!(starts, vec![0, 1, 3, 4]);
        assert_eq!(masked[1], DIGIT_PLACEHOLDER);
    }
}
