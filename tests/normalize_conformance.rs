//! Normalization against independent references: the OpenCC command-line tool's output
//! (tests/fixtures/opencc/README.md says how it was made) and the real samples.

use std::path::Path;

use rdiff::normalize::{self, Normalizer, Rules};
use rdiff::sentences;

fn read(path: &str) -> String {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // The hailaer reports are GBK.
            let (text, _, malformed) = encoding_rs::GB18030.decode(e.as_bytes());
            assert!(!malformed, "{path}: neither UTF-8 nor GB18030");
            text.into_owned()
        }
    }
}

const TRADITIONAL_SAMPLE: &str = "samples/congtai-2024-traditional.txt";

const SIMPLIFIED_SAMPLES: &[&str] = &[
    "samples/compilation-2024.txt",
    "samples/shijiazhuang-2021.txt",
    "samples/langfang-2024-excerpt.txt",
    "samples/langfang-2020-news-article.txt",
    "samples/hailaer/hailaer-2012.txt",
    "samples/hailaer/hailaer-2013.txt",
    "samples/hailaer/hailaer-2014.txt",
    "samples/hailaer/hailaer-2015.txt",
    "samples/hailaer/hailaer-2016.txt",
    "samples/hailaer/hailaer-2017.txt",
    "samples/hailaer/hailaer-2018.txt",
    "samples/hailaer/hailaer-2019.txt",
];

/// Positions (in chars) where two equally long texts differ, with a little context.
fn char_differences(a: &str, b: &str) -> Vec<String> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    assert_eq!(a.len(), b.len(), "texts differ in length");
    let context = |text: &[char], i: usize| -> String {
        text[i.saturating_sub(4)..(i + 5).min(text.len())]
            .iter()
            .collect()
    };
    (0..a.len())
        .filter(|&i| a[i] != b[i])
        .map(|i| format!("{} / {}", context(&a, i), context(&b, i)))
        .collect()
}

#[test]
fn t2s_equals_the_opencc_tool() {
    let ours = normalize::t2s(&read(TRADITIONAL_SAMPLE)).into_owned();
    let reference = read("tests/fixtures/opencc/congtai-2024-t2s.txt");
    assert!(
        ours == reference,
        "{:#?}",
        char_differences(&ours, &reference)
    );
}

#[test]
fn conversion_equals_the_opencc_tool_with_zhe_fixed_by_hand() {
    let reference = read("tests/fixtures/opencc/congtai-2024-t2s.txt");
    let fixed_by_hand = read("tests/fixtures/opencc/congtai-2024-t2s-zhe.txt");
    let zhe_fixes = char_differences(&reference, &fixed_by_hand);
    println!("著 → 着 in the Traditional sample: {}", zhe_fixes.len());
    assert!(
        !zhe_fixes.is_empty(),
        "the hand-fixed reference fixes nothing"
    );

    let ours = normalize::to_simplified(&read(TRADITIONAL_SAMPLE)).into_owned();
    assert!(
        ours == fixed_by_hand,
        "{:#?}",
        char_differences(&ours, &fixed_by_hand)
    );
}

#[test]
fn traditional_twin_compares_equal_line_by_line() {
    let normalizer = Normalizer::new();
    let twin = read("tests/fixtures/opencc/langfang-2024-excerpt-s2t.txt");
    let original = read("samples/langfang-2024-excerpt.txt");
    assert!(normalizer.is_traditional(&twin));
    assert_eq!(twin.lines().count(), original.lines().count());
    let differing: Vec<String> = twin
        .lines()
        .zip(original.lines())
        .enumerate()
        .filter_map(|(i, (twin, original))| {
            let (a, b) = (
                normalizer.normalize(twin, true),
                normalizer.normalize(original, false),
            );
            (a != b).then(|| format!("line {}: {a} / {b}", i + 1))
        })
        .collect();
    assert!(differing.is_empty(), "{differing:#?}");
}

#[test]
fn only_the_traditional_sample_is_detected_as_traditional() {
    let normalizer = Normalizer::new();
    assert!(normalizer.is_traditional(&read(TRADITIONAL_SAMPLE)));
    for path in SIMPLIFIED_SAMPLES {
        assert!(!normalizer.is_traditional(&read(path)), "{path}");
    }
}

/// OpenCC's `t2s` returns every Simplified sample unchanged (tests/fixtures/opencc/README.md
/// has the commands), so that unchanged text is the reference output; the 著 fix must not
/// change it either.
#[test]
fn simplified_samples_stay_unchanged_as_the_opencc_tool_leaves_them() {
    for path in SIMPLIFIED_SAMPLES {
        let text = read(path);
        for converted in [normalize::t2s(&text), normalize::to_simplified(&text)] {
            assert!(
                converted == text,
                "{path}: {:#?}",
                char_differences(&converted, &text)
            );
        }
    }
}

#[test]
fn detection_set_covers_every_character_t2s_changed() {
    let text = read(TRADITIONAL_SAMPLE);
    let converted = normalize::t2s(&text);
    assert_eq!(text.chars().count(), converted.chars().count());
    let missed: String = text
        .chars()
        .zip(converted.chars())
        .filter(|&(before, after)| before != after && !normalize::is_traditional_char(before))
        .map(|(before, _)| before)
        .collect();
    assert_eq!(missed, "");
}

#[test]
fn sentences_of_the_twins_correspond() {
    let twin = read("tests/fixtures/opencc/langfang-2024-excerpt-s2t.txt");
    let original = read("samples/langfang-2024-excerpt.txt");
    for (twin, original) in twin.lines().zip(original.lines()) {
        let count = |line: &str| sentences::split(line).len();
        assert_eq!(count(twin), count(original), "{original}");
    }
}

/// An ASCII word of a text, and what surrounds it.
struct AsciiWord {
    word: String,
    touches_han: bool,
    /// The two characters after the word.
    next: String,
}

impl AsciiWord {
    /// A mask: only X and Z next to Han text (X的, ZZ建设, XXXX), or the name "A" before 同志.
    fn is_mask(&self) -> bool {
        let xz = self.word.chars().all(|c| c == 'X' || c == 'Z');
        (xz && self.touches_han) || (self.word == "A" && self.next == "同志")
    }
}

fn ascii_words(text: &str) -> Vec<AsciiWord> {
    let chars: Vec<char> = text.chars().collect();
    let han = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|&c| normalize::is_han(c))
    };
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_alphanumeric() {
            i += 1;
        }
        words.push(AsciiWord {
            word: chars[start..i].iter().collect(),
            touches_han: han(start.checked_sub(1)) || han(Some(i)),
            next: chars[i..(i + 2).min(chars.len())].iter().collect(),
        });
    }
    words
}

#[test]
fn unmask_rules_undo_every_mask_in_the_compilation_and_nothing_else() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/compilation-unmask.rules");
    let rules = Rules::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let plain = Normalizer::new();
    let unmasking = Normalizer::with_rules(rules);
    let (mut masks_before, mut masked_after) = (0, Vec::new());
    for line in read("samples/compilation-2024.txt").lines() {
        let (before, after) = (ascii_words(&plain.normalize(line, false)), {
            let text = unmasking.normalize(line, false);
            if ascii_words(&text).iter().any(AsciiWord::is_mask) {
                masked_after.push(text.clone());
            }
            ascii_words(&text)
        });
        masks_before += before.iter().filter(|w| w.is_mask()).count();
        let others = |words: &[AsciiWord]| -> Vec<String> {
            words
                .iter()
                .filter(|w| !w.is_mask())
                .map(|w| w.word.clone())
                .collect()
        };
        assert_eq!(
            others(&before),
            others(&after),
            "other ASCII changed in: {line}"
        );
    }
    assert!(
        masks_before > 100,
        "masks found before unmasking: {masks_before}"
    );
    assert!(
        masked_after.is_empty(),
        "masked forms left: {masked_after:#?}"
    );
}
