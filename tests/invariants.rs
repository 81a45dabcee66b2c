//! Properties that hold for every input, tested on generated reports (sentences and headings of
//! the real samples, shuffled into new reports) and on arbitrary strings.
//!
//! Case counts are kept small so the whole file runs in seconds in a debug build; the fuzz
//! targets (fuzz/) check the comparison properties on far more inputs outside CI.

mod common;

use std::sync::OnceLock;

use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

use rdiff::compare::compare;
use rdiff::comparison::CompareOptions;
use rdiff::corpus::{self, Entry, MatrixOptions};
use rdiff::decode::decode;
use rdiff::model::{Document, Report, Section};
use rdiff::normalize::Normalizer;
use rdiff::read::{read_bytes, ReadOptions};
use rdiff::render;
use rdiff::testing::exercise::{compare_checked, compare_input, SPLIT};
use rdiff::testing::invariants::{analysis_problems, reading_problems};

use common::sample_text;

const SIMPLIFIED: &[&str] = &[
    "shijiazhuang-2021.txt",
    "langfang-2024-excerpt.txt",
    "compilation-2024.txt",
    "hailaer/hailaer-2014.txt",
    "hailaer/hailaer-2016.txt",
    "hailaer/hailaer-2019.txt",
];
const TRADITIONAL: &str = "congtai-2024-traditional.txt";

/// Sentences and headings of some samples, to build reports from.
struct Pool {
    sentences: Vec<String>,
    headings: Vec<String>,
}

impl Pool {
    /// Harvested with rdiff's own reader: only the pieces are used, shuffled into new reports.
    fn of(paths: &[&str]) -> Pool {
        let mut pool = Pool {
            sentences: Vec::new(),
            headings: Vec::new(),
        };
        for path in paths {
            let bytes = std::fs::read(format!("samples/{path}")).expect("a sample");
            for report in read(&bytes).expect("a sample reads").reports {
                report.sections.iter().for_each(|s| pool.add(s));
            }
        }
        assert!(
            pool.sentences.len() > 200 && pool.headings.len() > 5,
            "{paths:?}"
        );
        pool
    }

    fn add(&mut self, section: &Section) {
        if let Some(heading) = &section.heading {
            // Without its numbering: reports number their own headings.
            if let Some((_, title)) = heading.text.original.split_once('、') {
                self.headings.push(title.trim().to_string());
            }
        }
        let sentences = section.sentences.iter().map(|s| s.text.original.trim());
        self.sentences.extend(
            sentences
                .filter(|s| (8..=120).contains(&s.chars().count()) && s.ends_with('。'))
                .map(str::to_string),
        );
        section.children.iter().for_each(|c| self.add(c));
    }
}

fn simplified() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| Pool::of(SIMPLIFIED))
}

fn traditional() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| Pool::of(&[TRADITIONAL]))
}

/// A report's shape: sections of paragraphs of sentences, as indices into a [`Pool`].
#[derive(Debug, Clone)]
struct Shape {
    preamble: Vec<Index>,
    sections: Vec<(Index, Vec<Vec<Index>>)>,
}

fn shape() -> impl Strategy<Value = Shape> {
    let paragraph = prop::collection::vec(any::<Index>(), 1..4);
    let section = (any::<Index>(), prop::collection::vec(paragraph, 1..4));
    (
        prop::collection::vec(any::<Index>(), 0..3),
        prop::collection::vec(section, 1..5),
    )
        .prop_map(|(preamble, sections)| Shape { preamble, sections })
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// The report text of `shape` drawn from `pool`, one paragraph a line.
fn report_text(shape: &Shape, pool: &Pool) -> String {
    let sentence = |i: &Index| i.get(&pool.sentences).as_str();
    let mut text = String::new();
    let preamble: Vec<&str> = shape.preamble.iter().map(sentence).collect();
    if !preamble.is_empty() {
        text.push_str(&preamble.concat());
        text.push('\n');
    }
    for (n, (heading, paragraphs)) in shape.sections.iter().enumerate() {
        text.push_str(&format!(
            "{}、{}\n",
            NUMERALS[n % 10],
            heading.get(&pool.headings)
        ));
        for paragraph in paragraphs {
            text.push_str(&paragraph.iter().map(sentence).collect::<String>());
            text.push('\n');
        }
    }
    text
}

fn normalizer() -> &'static Normalizer {
    static NORMALIZER: OnceLock<Normalizer> = OnceLock::new();
    NORMALIZER.get_or_init(Normalizer::new)
}

fn read(bytes: &[u8]) -> Option<Document> {
    read_bytes("report", bytes, &ReadOptions::default(), normalizer()).ok()
}

fn one_report(text: &str) -> Report {
    let document = read(text.as_bytes()).expect("a generated report reads");
    assert_eq!(document.reports.len(), 1, "{text}");
    document.reports.into_iter().next().expect("one report")
}

/// `cases` cases, or `PROPTEST_CASES` for a longer search.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text that looks nothing like a report: any characters, with line breaks and report
/// punctuation mixed in so that lines, sentences and headings occur.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            Just("\n".to_string()),
            Just("。".to_string()),
            Just("一、".to_string()),
            Just("（二）".to_string()),
            Just("　".to_string()),
        ],
        0..200,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn normalization_is_idempotent(text in arbitrary_text(), i in any::<Index>(), convert: bool) {
        for text in [text.as_str(), i.get(&traditional().sentences).as_str(), i.get(&simplified().sentences).as_str()] {
            let once = normalizer().normalize(text, convert);
            prop_assert_eq!(&normalizer().normalize(&once, convert), &once);
        }
    }
}

proptest! {
    #![proptest_config(config(12))]

    #[test]
    fn a_report_compared_with_itself_is_all_equal(shape in shape()) {
        let report = one_report(&report_text(&shape, simplified()));
        let c = compare(&report, &report, &CompareOptions::default());
        prop_assert!(c.identical_keys());
        prop_assert_eq!(c.summary.counts.equal, report.sentence_count());
        let c2 = c.summary.counts;
        prop_assert_eq!(c2.template + c2.similar + c2.moved + c2.a_only + c2.b_only, 0);
        // A report shorter than one shared run (min_match key characters) shares nothing,
        // not even with itself.
        let whole = if c.a.chars >= c.options.min_match { 1.0 } else { 0.0 };
        prop_assert_eq!((c.summary.a_reuse, c.summary.b_reuse), (whole, whole));
    }

    #[test]
    fn figures_lie_in_range_and_swapping_swaps_the_sides(a in shape(), b in shape()) {
        let a = one_report(&report_text(&a, simplified()));
        let b = one_report(&report_text(&b, simplified()));
        compare_checked(&a, &b);
    }

    #[test]
    fn arbitrary_text_compares_within_the_invariants(a in arbitrary_text(), b in arbitrary_text()) {
        compare_input(&[a.as_bytes(), SPLIT, b.as_bytes()].concat());
    }
}

fn assert_reads_back(label: &str, text: &str) {
    if let (Ok(decoded), Some(document)) = (decode(text.as_bytes(), None), read(text.as_bytes())) {
        let problems = reading_problems(&decoded.text, &document);
        assert!(problems.is_empty(), "{label}: {problems:#?}");
    }
}

#[test]
fn every_sample_reads_back_as_its_sentences_and_dropped_lines() {
    for path in SIMPLIFIED
        .iter()
        .chain([&TRADITIONAL, &"langfang-2020-news-article.txt"])
    {
        assert_reads_back(path, &sample_text(path));
    }
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn sentences_read_back_to_the_text_apart_from_what_was_dropped(shape in shape(), noise in arbitrary_text()) {
        assert_reads_back("generated", &report_text(&shape, simplified()));
        assert_reads_back("arbitrary", &noise);
    }
}

/// A document's outline as JSON, without the encoding (the one thing that may differ).
fn outline_without_encoding(document: &Document) -> Value {
    let mut json = serde_json::to_value(render::outline::to_json(std::slice::from_ref(document)))
        .expect("an outline serializes");
    if let Some(reports) = json["reports"].as_array_mut() {
        for report in reports {
            report.as_object_mut().map(|r| r.remove("encoding"));
        }
    }
    json
}

fn encoded(text: &str, encoding: &'static Encoding) -> Option<Vec<u8>> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let units = text.encode_utf16();
        let mut bytes: Vec<u8> = if encoding == UTF_16LE {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in units {
            let pair = if encoding == UTF_16LE {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend(pair);
        }
        return Some(bytes);
    }
    let (bytes, _, unmappable) = encoding.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

/// The same text in every encoding named, with and without BOM for UTF-8: the same reading.
fn assert_same_in_every_encoding(text: &str, encodings: &[&'static Encoding]) {
    let reference = read(text.as_bytes()).map(|d| outline_without_encoding(&d));
    let mut variants = vec![(
        "UTF-8 with BOM",
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    )];
    for &encoding in encodings {
        if let Some(bytes) = encoded(text, encoding) {
            variants.push((encoding.name(), bytes));
        }
    }
    for (name, bytes) in variants {
        let document = read(&bytes);
        if let Some(document) = &document {
            // GB18030 text without four-byte sequences is GBK, and named so (src/decode.rs).
            let expected = match name.trim_end_matches(" with BOM") {
                "gb18030" if !document.encoding.eq("gb18030") => "GBK",
                other => other,
            };
            assert_eq!(document.encoding, expected, "{text}");
        }
        assert_eq!(
            document.map(|d| outline_without_encoding(&d)),
            reference,
            "{name}: {text}"
        );
    }
}

proptest! {
    #![proptest_config(config(12))]

    #[test]
    fn simplified_text_reads_the_same_in_every_encoding(shape in shape()) {
        let text = report_text(&shape, simplified());
        assert_same_in_every_encoding(&text, &[UTF_16LE, UTF_16BE, GB18030, GBK]);
    }

    #[test]
    fn traditional_text_reads_the_same_in_every_encoding(shape in shape()) {
        let text = report_text(&shape, traditional());
        assert_same_in_every_encoding(&text, &[UTF_16LE, UTF_16BE, GB18030, BIG5]);
    }

    #[test]
    fn any_text_reads_the_same_with_or_without_a_byte_order_mark(text in arbitrary_text()) {
        // FF FE 00 00, UTF-16LE of a text starting with NUL, is the UTF-32LE mark: refused.
        prop_assume!(!text.starts_with('\0'));
        assert_same_in_every_encoding(&text, &[UTF_16LE, UTF_16BE]);
    }
}

/// Every output of a pair comparison and of a matrix, as bytes.
fn outputs(a: &Report, b: &Report, corpus: &[Report]) -> Vec<Vec<u8>> {
    let cmp = compare(a, b, &CompareOptions::default());
    let entries: Vec<Entry> = corpus
        .iter()
        .enumerate()
        .map(|(i, r)| Entry::new(r, format!("r{i}"), None))
        .collect();
    let analysis = corpus::analyze(&entries, &MatrixOptions::default(), &corpus::Silent);
    let problems = analysis_problems(&analysis);
    assert!(problems.is_empty(), "{problems:#?}");
    let mut csv = Vec::new();
    render::matrix_csv::write(&mut csv, &analysis).expect("writes to memory");
    vec![
        serde_json::to_vec_pretty(&cmp).expect("serializes"),
        render::html::render(&cmp).into_bytes(),
        serde_json::to_vec_pretty(&analysis).expect("serializes"),
        csv,
        render::matrix_html::page(&analysis, None).into_bytes(),
    ]
}

fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

proptest! {
    #![proptest_config(config(6))]

    #[test]
    fn outputs_are_the_same_bytes_across_runs_and_thread_counts(
        shapes in prop::collection::vec(shape(), 2..6)
    ) {
        let reports: Vec<Report> = shapes.iter().map(|s| one_report(&report_text(s, simplified()))).collect();
        let run = || outputs(&reports[0], &reports[1], &reports);
        let one = on_threads(1, run);
        prop_assert!(one == on_threads(1, run), "a second run differs");
        prop_assert!(one == on_threads(2, run), "two threads differ from one");
    }
}
