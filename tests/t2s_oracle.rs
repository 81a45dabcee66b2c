//! rdiff's own `t2s` table against `ferrous-opencc`, a separate implementation of OpenCC over
//! the same dictionaries: on every sample, and on text generated from every dictionary key
//! (keys back to back, overlapping, cut short, and between Simplified and ASCII filler), so
//! that each phrase, each character and each longest-match decision is exercised.

use std::path::Path;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use rdiff::normalize;

fn repo_file(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn oracle() -> OpenCC {
    OpenCC::from_config(BuiltinConfig::T2s).expect("ferrous-opencc t2s loads")
}

/// Lines (or pieces) where the two converters differ, at most a few.
fn disagreements<'t>(oracle: &OpenCC, pieces: impl Iterator<Item = &'t str>) -> Vec<String> {
    pieces
        .filter_map(|piece| {
            let ours = normalize::t2s(piece);
            let theirs = oracle.convert(piece);
            (ours != theirs).then(|| format!("{piece} → ours {ours} / ferrous-opencc {theirs}"))
        })
        .take(5)
        .collect()
}

#[test]
fn equals_ferrous_opencc_on_every_sample() {
    let oracle = oracle();
    let samples = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"))
        .expect("samples/")
        .chain(
            std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/hailaer"))
                .expect("samples/hailaer/"),
        )
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"));
    let mut checked = 0;
    for path in samples {
        let bytes = std::fs::read(&path).expect("sample");
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => encoding_rs::GB18030.decode(e.as_bytes()).0.into_owned(),
        };
        let wrong = disagreements(&oracle, text.lines());
        assert!(wrong.is_empty(), "{}: {wrong:#?}", path.display());
        assert_eq!(normalize::t2s(&text), oracle.convert(&text));
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} samples found");
}

/// The keys of an OpenCC dictionary file.
fn keys(path: &str) -> Vec<String> {
    String::from_utf8(repo_file(path))
        .expect("UTF-8 dictionary")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(k, _)| k.to_string()))
        .collect()
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn equals_ferrous_opencc_on_text_built_from_every_key() {
    let oracle = oracle();
    let phrases = keys("src/normalize/opencc/TSPhrases.txt");
    let characters = keys("src/normalize/opencc/TSCharacters.txt");
    assert!(phrases.len() > 250 && characters.len() > 4000);
    let filler = [
        "", "", "的", "发展", "GDP 6.5%", ",", "。", "著", "乾", "了",
    ];
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let mut pieces = Vec::new();
    for (i, key) in phrases.iter().chain(&characters).enumerate() {
        let mut piece = String::new();
        for _ in 0..4 {
            piece.push_str(filler[dice.below(filler.len())]);
            let other = match dice.below(3) {
                0 => &phrases[dice.below(phrases.len())],
                _ => &characters[dice.below(characters.len())],
            };
            // A key cut short, or whole.
            let cut: String = match dice.below(4) {
                0 => other
                    .chars()
                    .take(other.chars().count().max(2) - 1)
                    .collect(),
                _ => other.clone(),
            };
            piece.push_str(&cut);
        }
        piece.push_str(key);
        // A phrase followed by the start of another: where longest match decides.
        piece.push_str(&phrases[i % phrases.len()]);
        pieces.push(piece);
    }
    let wrong = disagreements(&oracle, pieces.iter().map(String::as_str));
    assert!(wrong.is_empty(), "{wrong:#?}");
    let all = pieces.concat();
    assert_eq!(normalize::t2s(&all), oracle.convert(&all));
}
