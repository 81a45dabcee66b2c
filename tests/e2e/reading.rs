//! Metamorphic tests of reading: the same report in another encoding, re-broken at random
//! points, or with the other punctuation width must read identically. The comparator is
//! `rdiff normalize` (every heading and sentence as compared) plus the outline's section tree.

use std::path::Path;

use crate::{rdiff, sample};

/// What rdiff read: the normalized text, a heading or sentence a line.
fn normalized(path: &Path) -> String {
    let out = rdiff().arg("normalize").arg(path).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("normalize prints UTF-8")
}

/// The outline's section tree (headings, levels, kinds, counts), without file-specific fields.
fn section_tree(path: &Path) -> serde_json::Value {
    let out = rdiff()
        .args(["outline", "--json"])
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = json["reports"].as_array().expect("reports");
    serde_json::Value::Array(
        reports
            .iter()
            .map(|r| serde_json::json!([r["title"], r["sections"], r["sentences"], r["chars"]]))
            .collect(),
    )
}

fn write_temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for unit in units {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode the text", encoding.name());
    bytes.into_owned()
}

/// Text of a UTF-8 sample, with any character the target encoding lacks removed, so the
/// comparison is between the same characters.
fn encodable_text(name: &str, encoding: &'static encoding_rs::Encoding) -> String {
    let text = std::fs::read_to_string(sample(name)).unwrap();
    text.chars()
        .filter(|c| {
            let mut buf = [0u8; 4];
            !encoding.encode(c.encode_utf8(&mut buf)).2
        })
        .collect()
}

#[test]
fn every_encoding_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    for (name, legacy) in [
        ("shijiazhuang-2021.txt", encoding_rs::GB18030),
        ("congtai-2024-traditional.txt", encoding_rs::BIG5),
    ] {
        let text = encodable_text(name, legacy);
        let reference = normalized(&write_temp(&dir, "utf8.txt", text.as_bytes()));
        let tree = section_tree(&dir.path().join("utf8.txt"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let variants = [
            ("bom.txt", bom),
            ("legacy.txt", encode(&text, legacy)),
            ("utf16le.txt", utf16(&text, false, true)),
            ("utf16be.txt", utf16(&text, true, true)),
            ("utf16le-nobom.txt", utf16(&text, false, false)),
        ];
        for (variant, bytes) in variants {
            let path = write_temp(&dir, variant, &bytes);
            assert_eq!(normalized(&path), reference, "{name} as {variant}");
            assert_eq!(section_tree(&path), tree, "{name} as {variant}");
        }
    }
}

/// A small deterministic PRNG (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Break lines between two Han characters at random, as page breaks in real files do. The
/// first 40 characters of a line are left alone: a heading broken across lines cannot be told
/// from a heading followed by its text (a documented limitation, see README).
pub fn rebreak(text: &str, rng: &mut Rng, one_in: u64) -> String {
    let is_han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev = '\n';
    let mut column = 0;
    for c in text.chars() {
        if column > 40 && is_han(prev) && is_han(c) && rng.next() % one_in == 0 {
            out.push('\n');
            column = 0;
        }
        out.push(c);
        column = if c == '\n' { 0 } else { column + 1 };
        prev = c;
    }
    out
}

/// ASCII punctuation to its full-width form (not '.', which is a decimal point in figures).
pub fn widen(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ',' | ';' | ':' | '(' | ')' | '!' | '?' => {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

#[test]
fn rebroken_lines_and_full_width_punctuation_change_no_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for name in ["shijiazhuang-2021.txt", "langfang-2024-excerpt.txt"] {
        let text = std::fs::read_to_string(sample(name)).unwrap();
        let reference = normalized(&sample(name));
        for round in 0..3 {
            let variant = widen(&rebreak(&text, &mut rng, 40));
            let path = write_temp(&dir, &format!("{round}-{name}"), variant.as_bytes());
            let got = normalized(&path);
            if got != reference {
                let diff: Vec<_> = reference
                    .lines()
                    .zip(got.lines())
                    .filter(|(a, b)| a != b)
                    .take(3)
                    .collect();
                panic!("{name} round {round}: sentences changed, first differences: {diff:#?}");
            }
        }
    }
}
