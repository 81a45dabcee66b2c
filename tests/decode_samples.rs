//! Every real sample decodes, and decodes to the same text again after re-encoding it in each
//! encoding rdiff supports: the encoding is a property of the file, never of the report.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_8};
use rdiff::decode::{decode, Decoded, Detection, DETECTION_PREFIX};

/// All sample files under samples/, recursively, sorted.
fn samples() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "txt") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .as_path(),
        &mut found,
    );
    found.sort();
    assert!(found.len() >= 13, "samples missing: {found:?}");
    found
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn decoded(what: &str, bytes: &[u8]) -> Decoded {
    decode(bytes, None).unwrap_or_else(|e| panic!("{what}: {e}"))
}

fn is_hailaer(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == "hailaer")
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    if big_endian {
        units.flat_map(u16::to_be_bytes).collect()
    } else {
        units.flat_map(u16::to_le_bytes).collect()
    }
}

/// The distinct characters of `text` (encoders are slow in debug builds; texts repeat).
fn distinct(text: &str) -> BTreeSet<char> {
    text.chars().collect()
}

/// The name a GB18030 encoding of `text` must be reported under: "GBK" when GBK can encode
/// every character (no four-byte sequence needed), else "gb18030".
fn gb_name(text: &str) -> &'static str {
    let chars: String = distinct(text).into_iter().collect();
    let (_, _, unmappable) = GBK.encode(&chars);
    if unmappable {
        "gb18030"
    } else {
        "GBK"
    }
}

/// `text` without the characters Big5 cannot encode, and how many were dropped.
fn big5_encodable(text: &str) -> (String, usize) {
    let mut buffer = [0u8; 4];
    let unmappable: BTreeSet<char> = distinct(text)
        .into_iter()
        .filter(|c| BIG5.encode(c.encode_utf8(&mut buffer)).2)
        .collect();
    let (dropped, kept): (Vec<char>, Vec<char>) =
        text.chars().partition(|c| unmappable.contains(c));
    (kept.into_iter().collect(), dropped.len())
}

/// Decode `bytes` and check the text and the encoding reported.
fn assert_round_trip(what: &str, bytes: &[u8], text: &str, name: &str) {
    let d = decoded(what, bytes);
    assert_eq!(d.encoding.name(), name, "{what}: encoding");
    assert_eq!(d.malformed, 0, "{what}: malformed");
    assert!(d.text == text, "{what}: text differs after the round trip");
}

#[test]
fn samples_decode_in_their_own_encoding_without_errors() {
    for path in samples() {
        let what = path.display().to_string();
        let d = decoded(&what, &read(&path));
        let expected = if is_hailaer(&path) { "GBK" } else { "UTF-8" };
        assert_eq!(d.encoding.name(), expected, "{what}");
        assert_eq!((d.malformed, d.nuls_removed), (0, 0), "{what}");
        assert!(
            d.text.chars().filter(|&c| c >= '\u{4E00}').count() > 1000,
            "{what}"
        );
        assert!(d.warnings().is_empty(), "{what}: {:?}", d.warnings());
    }
}

#[test]
fn samples_reencoded_decode_to_the_same_text() {
    for path in samples() {
        let what = path.display().to_string();
        let text = decoded(&what, &read(&path)).text;
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let (gb, _, _) = GB18030.encode(&text);
        let variants: [(&str, Vec<u8>, &str); 6] = [
            ("UTF-8 with BOM", with_bom, "UTF-8"),
            ("GB18030", gb.into_owned(), gb_name(&text)),
            ("UTF-16LE with BOM", utf16(&text, false, true), "UTF-16LE"),
            ("UTF-16BE with BOM", utf16(&text, true, true), "UTF-16BE"),
            (
                "UTF-16LE without BOM",
                utf16(&text, false, false),
                "UTF-16LE",
            ),
            (
                "UTF-16BE without BOM",
                utf16(&text, true, false),
                "UTF-16BE",
            ),
        ];
        for (variant, bytes, name) in variants {
            assert_round_trip(&format!("{what} as {variant}"), &bytes, &text, name);
        }
    }
}

/// Big5 cannot encode Simplified characters, nor the few mojibake characters of the
/// Traditional sample: those are dropped before encoding, and only texts that lose at most
/// 1% of their characters that way are tried. The Traditional sample must be one of them.
#[test]
fn traditional_samples_reencoded_in_big5_decode_to_the_same_text() {
    let mut tried = Vec::new();
    for path in samples() {
        let what = path.display().to_string();
        let text = decoded(&what, &read(&path)).text;
        let (kept, dropped) = big5_encodable(&text);
        if dropped * 100 > text.chars().count() {
            continue;
        }
        let (bytes, _, unmappable) = BIG5.encode(&kept);
        assert!(!unmappable, "{what}");
        assert_round_trip(&format!("{what} as Big5"), &bytes, &kept, "Big5");
        tried.push(what);
    }
    assert!(
        tried
            .iter()
            .any(|p| p.ends_with("congtai-2024-traditional.txt")),
        "Big5 round trip did not run on the Traditional sample: {tried:?}"
    );
}

/// Hailar reports concatenated past the detection prefix, shifted so that the prefix ends
/// once between and once inside a two-byte character: detection must not trip over the cut.
#[test]
fn gbk_longer_than_the_detection_prefix_decodes_whatever_the_cut() {
    let gbk: Vec<u8> = samples()
        .iter()
        .filter(|p| is_hailaer(p))
        .flat_map(|p| read(p))
        .collect();
    assert!(gbk.len() > DETECTION_PREFIX * 2);
    for shift in 0..2 {
        let bytes = [b" ".repeat(shift), gbk.clone()].concat();
        let d = decoded(&format!("shift {shift}"), &bytes);
        assert_eq!((d.encoding, d.malformed), (GBK, 0), "shift {shift}");
    }
}

/// A UTF-8 report with a GBK paragraph pasted in: each line read in its own encoding, the
/// UTF-8 text around the paragraph intact and the paragraph itself recovered.
#[test]
fn utf8_with_a_gbk_paragraph_reads_each_line_in_its_encoding() {
    let all = samples();
    let (Some(utf8), Some(gbk)) = (
        all.iter().find(|p| !is_hailaer(p)),
        all.iter().find(|p| is_hailaer(p)),
    ) else {
        panic!("need a UTF-8 and a GBK sample");
    };
    // A paragraph pasted on lines of its own (a line mixing both keeps U+FFFD: see README).
    let head = format!("{}\n", decoded("head", &read(utf8)).text.trim_end());
    let gbk_bytes = read(gbk);
    // The GBK sample's first lines, whole.
    let cut = gbk_bytes
        .iter()
        .take(400)
        .rposition(|&b| b == b'\n')
        .expect("a line break")
        + 1;
    let paragraph = &gbk_bytes[..cut];
    let bytes = [head.as_bytes(), paragraph, head.as_bytes()].concat();
    let d = decoded("mixed", &bytes);
    assert_eq!((d.encoding, d.detection), (UTF_8, Detection::Mixed));
    let (expected, _, _) = encoding_rs::GBK.decode(paragraph);
    let expected = format!("{head}{expected}{head}");
    let at = d
        .text
        .chars()
        .zip(expected.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let near = |t: &str| {
        t.chars()
            .skip(at.saturating_sub(20))
            .take(40)
            .collect::<String>()
    };
    assert!(
        d.text == expected,
        "from character {at}: {:?} vs {:?}",
        near(&d.text),
        near(&expected)
    );
    assert_eq!(d.malformed, 0);
    assert!(d.warnings().iter().any(|w| w.contains("mixed encodings")));
}

/// The user's label overrides detection; one that makes nonsense of the bytes is refused.
#[test]
fn forced_encoding_overrides_detection_on_a_sample() {
    let all = samples();
    let Some(gbk) = all.iter().find(|p| is_hailaer(p)) else {
        panic!("need a GBK sample");
    };
    let bytes = read(gbk);
    let forced = rdiff::decode::encoding_for_label("gb18030");
    let d = decode(&bytes, forced).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((d.encoding, d.detection), (GB18030, Detection::Forced));
    assert_eq!(d.text, decoded("detected", &bytes).text);
    // A wrong label decodes without errors into nonsense: refused, naming the label.
    let wrong: Option<&'static Encoding> = Some(UTF_16BE);
    let misread = decode(&bytes, wrong).map_err(|e| e.to_string());
    assert!(misread.is_err_and(|m| m.contains("UTF-16BE")));
}
