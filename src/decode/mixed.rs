//! Files of two encodings: UTF-8 lines and lines in GBK or Big5 (a paragraph pasted from an
//! older file, a site that re-encoded half a page).
//!
//! Read whole in either encoding, the other part becomes mojibake: UTF-8 read as GBK is a
//! stream of plausible-looking, rare hanzi that would be compared as if written (and can tip
//! the Traditional-script detection); GBK read as UTF-8 is replacement characters. Here each
//! line is decoded in the encoding it is written in.
//!
//! A line is **legacy** when it is mostly invalid as UTF-8: at least two invalid sequences,
//! and more of them than valid multi-byte characters (GBK read as UTF-8 gives about one a
//! character). Any other line is **UTF-8**, perhaps damaged. A file is mixed when it has both kinds, with at least
//! [`MIN_UTF8_CHARS`] multi-byte characters in its UTF-8 lines, so that a few GBK lines that
//! happen to be valid UTF-8 do not make a GBK file mixed.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

use super::decode_counting;
use super::sniff::{guess_legacy, has_gb18030_four_byte};
use super::DETECTION_PREFIX;

/// Fewest multi-byte UTF-8 characters the UTF-8 lines must hold for a file to be mixed.
pub(super) const MIN_UTF8_CHARS: usize = 8;

/// How a mixed file's lines were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MixedLines {
    /// The legacy encoding of the other lines (GBK, gb18030 or Big5).
    pub legacy: &'static Encoding,
    /// Lines holding non-ASCII text read as UTF-8.
    pub utf8_lines: usize,
    /// Lines read in the legacy encoding.
    pub legacy_lines: usize,
}

/// The legacy encoding of a mixed file's other lines, when `bytes` is one.
pub(super) fn detect(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.contains(&0) {
        // NULs mean UTF-16 or binary: not for this reading.
        return None;
    }
    let mut utf8_chars = 0usize;
    let mut legacy = Vec::new();
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        match classify(line) {
            Line::Ascii => {}
            Line::Utf8 { chars } => utf8_chars += chars,
            Line::Legacy => {
                if legacy.len() < DETECTION_PREFIX {
                    legacy.extend_from_slice(line);
                }
            }
        }
    }
    if utf8_chars < MIN_UTF8_CHARS || legacy.is_empty() {
        return None;
    }
    let start = legacy.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let encoding = guess_legacy(legacy.get(start..).unwrap_or_default()).encoding;
    if encoding == GBK && has_gb18030_four_byte(bytes) {
        return Some(GB18030);
    }
    Some(encoding)
}

/// Decode `bytes` line by line, each line in its own encoding; returns the text, the number of
/// malformed sequences, and how the lines were read.
pub(super) fn decode_lines(bytes: &[u8], legacy: &'static Encoding) -> (String, usize, MixedLines) {
    let mut text = String::with_capacity(bytes.len() * 3 / 2);
    let mut malformed = 0;
    let mut lines = MixedLines {
        legacy,
        utf8_lines: 0,
        legacy_lines: 0,
    };
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let encoding = match classify(line) {
            Line::Ascii => UTF_8,
            Line::Utf8 { .. } => {
                lines.utf8_lines += 1;
                UTF_8
            }
            Line::Legacy => {
                lines.legacy_lines += 1;
                legacy
            }
        };
        let (decoded, bad) = decode_counting(encoding, line, true);
        text.push_str(&decoded);
        malformed += bad;
    }
    (text, malformed, lines)
}

enum Line {
    Ascii,
    /// Valid or damaged UTF-8 with `chars` multi-byte characters.
    Utf8 {
        chars: usize,
    },
    Legacy,
}

fn classify(line: &[u8]) -> Line {
    if line.is_ascii() {
        return Line::Ascii;
    }
    let (mut chars, mut invalid) = (0usize, 0usize);
    for chunk in line.utf8_chunks() {
        chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if invalid >= 2 && invalid > chars {
        Line::Legacy
    } else {
        Line::Utf8 { chars }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::BIG5;

    const UTF8_PART: &str = "政府工作报告\n各位代表:现在,我代表市人民政府向大会报告工作。\n";
    const GBK_PART: &str = "一、去年工作回顾\n全市地区生产总值增长百分之五点二。\n";
    const BIG5_PART: &str = "一、去年工作回顧\n全市地區生產總值增長百分之五點二。\n";

    fn mixed(legacy: &'static Encoding, part: &str) -> Vec<u8> {
        let (other, _, unmappable) = legacy.encode(part);
        assert!(!unmappable);
        [UTF8_PART.as_bytes(), &other, UTF8_PART.as_bytes()].concat()
    }

    #[test]
    fn each_line_is_read_in_its_own_encoding() {
        for (legacy, part) in [(GBK, GBK_PART), (BIG5, BIG5_PART)] {
            let bytes = mixed(legacy, part);
            let found = detect(&bytes);
            assert_eq!(found, Some(legacy), "{}", legacy.name());
            let (text, malformed, lines) = decode_lines(&bytes, legacy);
            assert_eq!(text, format!("{UTF8_PART}{part}{UTF8_PART}"));
            assert_eq!((malformed, lines.utf8_lines, lines.legacy_lines), (0, 4, 2));
        }
    }

    #[test]
    fn a_single_encoding_is_not_mixed() {
        let text = format!("{UTF8_PART}{GBK_PART}");
        let (gbk, _, _) = GBK.encode(&text);
        assert_eq!(detect(&gbk), None);
        assert_eq!(detect(UTF8_PART.as_bytes()), None);
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = UTF8_PART.repeat(3).into_bytes();
        bytes.insert(5, 0xFF);
        assert_eq!(detect(&bytes), None);
    }
}
