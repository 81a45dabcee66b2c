//! Whole-pipeline checks on one input, as the fuzz targets (fuzz/) run them: read, compare
//! both ways and print with every printer, panicking on the first broken invariant. The fuzz
//! targets are one call each; tests/regressions.rs replays every input they ever failed on,
//! and the random-corruption test runs the same checks on damaged samples.

use std::sync::OnceLock;

use crate::compare::compare;
use crate::comparison::{CompareOptions, Comparison, Only, View};
use crate::corpus::{self, Entry, MatrixOptions};
use crate::model::{Document, Report};
use crate::normalize::Normalizer;
use crate::read::{read_bytes, ReadOptions};
use crate::render;
use crate::testing::invariants::{
    analysis_problems, comparison_problems, page_problems, reading_problems, terminal_problems,
};
use crate::testing::mirror::{first_difference, mirrored, order_free};
use crate::testing::report_from_outline;

/// Separates the two reports of a comparing input.
pub const SPLIT: &[u8] = b"\n@@B@@\n";

/// Input bytes as A and B: before and after the first [`SPLIT`] (B is empty without one).
pub fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.windows(SPLIT.len()).position(|w| w == SPLIT) {
        Some(at) => (&data[..at], &data[at + SPLIT.len()..]),
        None => (data, &[]),
    }
}

/// The fuzz target `read`: any bytes, read and printed as `rdiff outline` and
/// `rdiff normalize` would.
pub fn read_input(data: &[u8]) {
    read_checked("input", data);
}

/// The fuzz target `compare`: the input split at [`SPLIT`], each side read as a report file,
/// compared both ways.
pub fn compare_input(data: &[u8]) {
    let (a, b) = split(data);
    let first = |label, bytes| read_checked(label, bytes)?.reports.into_iter().next();
    if let (Some(a), Some(b)) = (first("a", a), first("b", b)) {
        compare_checked(&a, &b);
    }
}

/// The fuzz target `render`: the input split at [`SPLIT`], each side taken as an outline
/// (see [`crate::testing`]) so that any text reaches the printers unfiltered by reading;
/// compared, then printed by every printer of a pair and of a two-report matrix.
pub fn render_input(data: &[u8]) {
    let (a, b) = split(data);
    let a = report_from_outline("a", &String::from_utf8_lossy(a));
    let b = report_from_outline("b", &String::from_utf8_lossy(b));
    let cmp = compare_checked(&a, &b);
    print_checked(&cmp, &a, &b);
}

fn normalizer() -> &'static Normalizer {
    static NORMALIZER: OnceLock<Normalizer> = OnceLock::new();
    NORMALIZER.get_or_init(Normalizer::new)
}

fn assert_none(what: &str, problems: Vec<String>) {
    assert!(problems.is_empty(), "{what}: {problems:#?}");
}

/// Read `bytes` as the CLI reads a file and check the reading: refused with a one-line
/// message naming `label`, or read losing no text, its outline JSON parsing back and its
/// printed forms free of control characters.
pub fn read_checked(label: &str, bytes: &[u8]) -> Option<Document> {
    let document = match read_bytes(label, bytes, &ReadOptions::default(), normalizer()) {
        Ok(document) => document,
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.starts_with(label) && !message.contains('\n'),
                "{message}"
            );
            return None;
        }
    };
    let decoded = crate::decode::decode(bytes, None).expect("read, so decodable");
    assert_none(label, reading_problems(&decoded.text, &document));
    let documents = std::slice::from_ref(&document);
    let json = serde_json::to_string(&render::outline::to_json(documents)).expect("serializes");
    serde_json::from_str::<serde_json::Value>(&json).expect("outline JSON parses back");
    let mut printed = Vec::new();
    render::outline::write_text(&mut printed, documents).expect("writes to memory");
    render::normalized::write(&mut printed, &document, true).expect("writes to memory");
    assert_none(label, terminal_problems(&printed));
    Some(document)
}

/// Compare `a` with `b`, check every invariant, and check that `compare(b, a)` is the same
/// comparison with the sides swapped.
pub fn compare_checked(a: &Report, b: &Report) -> Comparison {
    let options = CompareOptions::default();
    let ab = compare(a, b, &options);
    assert_none("comparison", comparison_problems(&ab));
    let ba = compare(b, a, &options);
    let json = |c: &Comparison| serde_json::to_value(c).expect("a comparison serializes");
    let difference = first_difference(&mirrored(&json(&ab)), &order_free(&json(&ba)));
    assert!(
        difference.is_none(),
        "compare(b, a) is not compare(a, b) with the sides swapped: {difference:?}"
    );
    ab
}

/// Print `cmp` (of `a` with `b`) and the matrix of `a` and `b` with every printer: JSON
/// parses back, pages carry no markup from report text, terminal output no
/// control characters.
pub fn print_checked(cmp: &Comparison, a: &Report, b: &Report) {
    colored::control::set_override(false);
    // Parsed, not compared: serde_json's default parser may be one ulp off on floats.
    let json = serde_json::to_string_pretty(cmp).expect("serializes");
    serde_json::from_str::<serde_json::Value>(&json).expect("JSON parses back");
    assert_none("pair page", page_problems(&render::html::render(cmp)));
    let views = [
        View::default(),
        View {
            summary: true,
            ..View::default()
        },
        View {
            only: Some(Only::Own),
            ..View::default()
        },
        View {
            only: Some(Only::Shared),
            ..View::default()
        },
        View {
            only: Some(Only::Commitments),
            ..View::default()
        },
    ];
    for (view, show_equal) in views.into_iter().zip([true, false, false, false, true]) {
        let shown = crate::compare::view::apply(cmp.clone(), &view).expect("no section asked");
        let mut printed = Vec::new();
        let options = render::terminal::TerminalOptions {
            width: 60,
            show_equal,
        };
        render::terminal::write(&mut printed, &shown, &options).expect("writes to memory");
        assert_none("pair terminal", terminal_problems(&printed));
        let json = serde_json::to_string(&shown).expect("serializes");
        serde_json::from_str::<serde_json::Value>(&json).expect("a view's JSON parses back");
    }

    let entries = [
        Entry::new(a, "a".to_string(), None),
        Entry::new(b, "b".to_string(), None),
    ];
    let analysis = corpus::analyze(&entries, &MatrixOptions::default(), &corpus::Silent);
    assert_none("matrix", analysis_problems(&analysis));
    let json = serde_json::to_string(&analysis).expect("serializes");
    serde_json::from_str::<serde_json::Value>(&json).expect("matrix JSON parses back");
    let page = render::matrix_html::page(&analysis, None);
    assert_none("matrix page", page_problems(&page));
    let mut printed = Vec::new();
    render::matrix_terminal::write(&mut printed, &analysis, 60).expect("writes to memory");
    assert_none("matrix terminal", terminal_problems(&printed));
    let mut csv = Vec::new();
    render::matrix_csv::write(&mut csv, &analysis).expect("writes to memory");
}
