//! The detectors behind [`super::decode`]: binary magic numbers, UTF-16 without a byte order
//! mark, mostly-UTF-8, and the Chinese legacy encodings. Each looks at bytes and says what they
//! are; none decides policy.

use std::cmp::Reverse;
use std::sync::LazyLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE};

use super::{decode_counting, DETECTION_PREFIX};

/// File signatures at offset 0 and what to call the file in an error.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx or .xlsx"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "OLE2 file, e.g. .doc or .xls",
    ),
    (b"\x7FELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"\xCF\xFA\xED\xFE", "Mach-O executable"),
    (b"\xCE\xFA\xED\xFE", "Mach-O executable"),
    (b"\xCA\xFE\xBA\xBE", "Java class or Mach-O universal binary"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1F\x8B", "gzip archive"),
    (b"\xFD7zXZ\x00", "xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
    (b"OggS", "Ogg media"),
    (b"RIFF", "RIFF media (WAV, AVI or WebP)"),
];

/// What a binary file looks like, when it starts with a known signature.
pub(super) fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    if bytes.get(4..8) == Some(b"ftyp") {
        return Some("MP4 or QuickTime media");
    }
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// The name of a UTF-32 byte order mark at the start, checked before UTF-16's (whose LE mark
/// is a prefix of UTF-32LE's).
pub(super) fn utf32_bom(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE\x00\x00") {
        Some("UTF-32LE")
    } else if bytes.starts_with(b"\x00\x00\xFE\xFF") {
        Some("UTF-32BE")
    } else {
        None
    }
}

/// UTF-16 without a byte order mark, recognised in `prefix`.
///
/// ASCII characters (digits, line breaks, Latin words) put a NUL in the high byte of their code
/// unit; the prefix must then decode as text a Chinese report plausibly holds.
///
/// A `Strict` look, for bytes that may be valid UTF-8, also wants those NULs to be at least 1%
/// of the code units and three times those on the other side: ASCII text with stray NULs reads
/// as hanzi in UTF-16 and would pass for it. (The other side gets NULs from 一 U+4E00, 开 U+5F00
/// and the ideographic space U+3000: a tenth to a third as many on real reports.) A `Relaxed`
/// look, for bytes known not to be UTF-8 (so not ASCII), takes any NULs and both byte orders.
pub(super) fn utf16_by_nul_pattern(prefix: &[u8], look: Utf16Look) -> Option<&'static Encoding> {
    if !prefix.contains(&0) {
        return None; // the common case, found without counting: no NULs, no UTF-16
    }
    let units = prefix.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for unit in prefix.chunks_exact(2) {
        if let [low, high] = unit {
            even += usize::from(*low == 0);
            odd += usize::from(*high == 0);
        }
    }
    let (side, other, majority) = if odd >= even {
        (odd, even, UTF_16LE)
    } else {
        (even, odd, UTF_16BE)
    };
    let candidates: &[&'static Encoding] = match look {
        Utf16Look::Strict if side * 100 < units || other * 3 > side => &[],
        Utf16Look::Strict => &[majority],
        Utf16Look::Relaxed => &[UTF_16LE, UTF_16BE],
    };
    if side < 2 {
        return None;
    }
    let readable = |encoding: &&'static Encoding| {
        let (text, malformed) = decode_counting(encoding, prefix, false);
        let (plausible, chars) = plausible_share(&text);
        malformed <= 1 + chars / 100 && plausible * 10 >= chars * 9
    };
    candidates.iter().copied().find(readable)
}

/// How many characters of `text` a Chinese report plausibly holds, and how many there are
/// (whitespace included in both).
pub(super) fn plausible_share(text: &str) -> (usize, usize) {
    text.chars().fold((0, 0), |(plausible, chars), c| {
        (
            plausible + usize::from(is_plausible_in_report(c)),
            chars + 1,
        )
    })
}

/// How sure the NUL pattern must be before UTF-16 without a byte order mark is assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Utf16Look {
    Strict,
    Relaxed,
}

/// Characters a Chinese report plausibly holds; judges a UTF-16 reading.
fn is_plausible_in_report(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | '\x0c' | ' '..='~'
        | '\u{A0}'..='\u{FF}'       // Latin-1: × · ° é
        | '\u{2000}'..='\u{206F}'   // general punctuation: — … “ ”
        | '\u{2100}'..='\u{22FF}'   // letterlike, number forms, arrows, maths: ℃ Ⅱ → ≤
        | '\u{2460}'..='\u{26FF}'   // enclosed numbers, boxes, shapes, symbols: ① ─ ■ ★
        | '\u{3000}'..='\u{303F}'   // CJK punctuation: 、 。 《 》 【 】
        | '\u{3100}'..='\u{312F}'   // bopomofo
        | '\u{3200}'..='\u{33FF}'   // enclosed CJK, CJK compatibility: ㈠ ㎡
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // CJK compatibility forms
        | '\u{FF00}'..='\u{FFEF}'   // full-width forms: ， ： （ ）
        | '\u{20000}'..='\u{3134F}' // CJK extensions B–G
    )
}

/// True when invalid UTF-8 is still mostly UTF-8: at least four valid multi-byte characters
/// per invalid sequence. GBK or Big5 text read as UTF-8 manages far fewer (a GBK pair forms a
/// valid two-byte UTF-8 character only about one time in eight).
///
/// Judged on the detection prefix and as many bytes from `first_error` (the first invalid
/// sequence) on, so that large files cost no more than small ones.
pub(super) fn mostly_utf8(bytes: &[u8], first_error: usize) -> bool {
    let prefix = bytes.get(..first_error.min(DETECTION_PREFIX));
    let window_end = first_error
        .saturating_add(DETECTION_PREFIX)
        .min(bytes.len());
    let window = bytes.get(first_error..window_end);
    let mut valid = 0usize;
    let mut invalid = 0usize;
    for chunk in [prefix, window]
        .into_iter()
        .flatten()
        .flat_map(<[u8]>::utf8_chunks)
    {
        valid += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > 0 && valid >= invalid.saturating_mul(4)
}

/// True when `bytes`, read as GB18030, hold a four-byte sequence (outside GBK).
pub(super) fn has_gb18030_four_byte(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if !(0x81..=0xFE).contains(&lead) {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(0x40..=0x7E | 0x80..=0xFE) => i += 2,
            Some(0x30..=0x39) => {
                let four = bytes.get(i..i + 4).unwrap_or_default();
                let valid = four.len() == 4
                    && GB18030
                        .decode_without_bom_handling_and_without_replacement(four)
                        .is_some();
                if valid {
                    return true;
                }
                i += 1;
            }
            // An invalid trail: the decoder rereads an ASCII byte, so move on by one.
            _ => i += 1,
        }
    }
    false
}

/// How one candidate encoding fares on the detection prefix.
struct Trial {
    encoding: &'static Encoding,
    malformed: usize,
    common: usize,
}

impl Trial {
    fn of(encoding: &'static Encoding, prefix: &[u8]) -> Trial {
        let (text, malformed) = decode_counting(encoding, prefix, false);
        let common = text.chars().filter(|&c| is_common_hanzi(c)).count();
        Trial {
            encoding,
            malformed,
            common,
        }
    }
}

/// The outcome of guessing a legacy encoding.
pub(super) struct LegacyGuess {
    /// GBK or Big5: what the file is decoded with.
    pub encoding: &'static Encoding,
    /// chardetng's own guess when it is neither (e.g. windows-1252), for the error message
    /// when the Chinese reading fails.
    pub other: Option<&'static Encoding>,
}

/// The Chinese legacy encoding of a prefix that is not UTF-8: GBK or Big5.
///
/// chardetng is fed with `last == false` because the prefix usually ends inside the file, and a
/// character cut there would otherwise disqualify the right encoding. Its choice between GBK
/// and Big5 stands unless the other decodes the prefix with fewer errors; any other guess is
/// overruled by whichever of the two decodes with fewer errors (then more common hanzi).
pub(super) fn guess_legacy(prefix: &[u8]) -> LegacyGuess {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(prefix, false);
    let guess = detector.guess(None, Utf8Detection::Deny);
    let trials = [Trial::of(GBK, prefix), Trial::of(BIG5, prefix)];
    let best = trials
        .iter()
        .min_by_key(|t| (t.malformed, t.encoding != guess, Reverse(t.common)))
        .map_or(GBK, |t| t.encoding);
    let other = (guess != GBK && guess != BIG5).then_some(guess);
    LegacyGuess {
        encoding: best,
        other,
    }
}

/// Very frequent characters of government reports, in both scripts: to tell a right Chinese
/// reading from a wrong one when both decode without errors.
const COMMON_HANZI: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会\
可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起\
小物现实加量都两体制机当使点从业本去把性好应开合还因由其些然前外天政四日那社义事平形相全表间样与\
关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通\
并提直题党程展五果员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别根\
论运农指区强放决西被干做必战先回则任取据处府务报告這個國來們時會發動過說產種後學經進電裡現實當從\
業開還與關間樣數問義無係軍結題黨員總設長資邊統級圖將計論運農區強決據處務報";

fn is_common_hanzi(c: char) -> bool {
    static SORTED: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut hanzi: Vec<char> = COMMON_HANZI.chars().collect();
        hanzi.sort_unstable();
        hanzi
    });
    !c.is_ascii() && SORTED.binary_search(&c).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    const REPORT: &str = "政府工作报告\n2023年，全市地区生产总值增长5.2%。\n";

    #[test]
    fn magic_numbers_name_the_format() {
        assert_eq!(binary_magic(b"\x89PNG\r\n\x1a\n\0\0"), Some("PNG image"));
        assert_eq!(binary_magic(b"\x7FELF\x02\x01"), Some("ELF executable"));
        assert_eq!(binary_magic(b"%PDF-1.7\n"), Some("PDF document"));
        assert_eq!(
            binary_magic(b"\0\0\0\x18ftypmp42"),
            Some("MP4 or QuickTime media")
        );
        assert_eq!(binary_magic(REPORT.as_bytes()), None);
        assert_eq!(binary_magic(b"MZ"), None);
    }

    #[test]
    fn utf16_is_recognised_by_its_nul_side() {
        let strict = Utf16Look::Strict;
        assert_eq!(
            utf16_by_nul_pattern(&utf16le(REPORT), strict),
            Some(UTF_16LE)
        );
        assert_eq!(
            utf16_by_nul_pattern(&utf16be(REPORT), strict),
            Some(UTF_16BE)
        );
    }

    #[test]
    fn few_line_breaks_need_a_relaxed_look() {
        for (bytes, encoding) in [
            (
                utf16le(&format!("{}\n", "政府工作报告".repeat(200)).repeat(3)),
                UTF_16LE,
            ),
            (
                utf16be(&format!("{}\n", "政府工作报告".repeat(200)).repeat(3)),
                UTF_16BE,
            ),
            // Indents in ideographic spaces put as many NULs on the other side as line breaks.
            (
                utf16le(&"\u{3000}\u{3000}一是发展。\r\n".repeat(20)),
                UTF_16LE,
            ),
        ] {
            assert_eq!(utf16_by_nul_pattern(&bytes, Utf16Look::Strict), None);
            let relaxed = utf16_by_nul_pattern(&bytes, Utf16Look::Relaxed);
            assert_eq!(relaxed, Some(encoding));
        }
    }

    #[test]
    fn stray_nuls_or_binary_are_not_utf16() {
        let mut text = REPORT.repeat(20).into_bytes();
        text.insert(10, 0);
        assert_eq!(utf16_by_nul_pattern(&text, Utf16Look::Relaxed), None);
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(utf16_by_nul_pattern(&binary, Utf16Look::Relaxed), None);
        // NULs on one side, but the other bytes make no text: control characters.
        let controls: Vec<u8> = (0..200u8).flat_map(|i| [i % 8 + 1, 0]).collect();
        assert_eq!(utf16_by_nul_pattern(&controls, Utf16Look::Relaxed), None);
    }

    #[test]
    fn utf8_with_a_gbk_paragraph_is_mostly_utf8() {
        let gbk = encode(GBK, "报告");
        let mut bytes = REPORT.repeat(5).into_bytes();
        bytes.extend_from_slice(&gbk);
        let first_error = REPORT.len() * 5;
        assert_eq!(
            std::str::from_utf8(&bytes).map_err(|e| e.valid_up_to()),
            Err(first_error)
        );
        assert!(mostly_utf8(&bytes, first_error));
    }

    #[test]
    fn gbk_text_is_not_mostly_utf8() {
        let gbk = encode(GBK, &REPORT.repeat(5));
        assert!(!mostly_utf8(&gbk, 0));
        let big5 = encode(BIG5, &"政府工作報告，經濟發展。".repeat(5));
        assert!(!mostly_utf8(&big5, 0));
    }

    #[test]
    fn four_byte_gb18030_sequences_are_found() {
        let gbk = encode(GB18030, REPORT);
        assert!(!has_gb18030_four_byte(&gbk));
        // U+20BB7 𠮷 lies outside GBK.
        let four = encode(GB18030, "报告𠮷");
        assert!(has_gb18030_four_byte(&four));
        // A digit after a lead byte is not a four-byte sequence by itself.
        assert!(!has_gb18030_four_byte(b"\xB1\x32abc"));
    }

    #[test]
    fn legacy_guess_is_gbk_or_big5() {
        let gbk = encode(GBK, &REPORT.repeat(3));
        assert_eq!(guess_legacy(&gbk).encoding, GBK);
        let big5 = encode(BIG5, &"政府工作報告\n經濟發展，社會穩定。\n".repeat(3));
        assert_eq!(guess_legacy(&big5).encoding, BIG5);
    }

    #[test]
    fn latin_text_is_read_as_chinese_but_its_guess_is_kept() {
        let latin = encode(
            encoding_rs::WINDOWS_1252,
            "Le café était très éloigné de la forêt. ",
        );
        let guess = guess_legacy(&latin);
        assert!(guess.encoding == GBK || guess.encoding == BIG5);
        assert_eq!(guess.other, Some(encoding_rs::WINDOWS_1252));
    }
}
