use super::*;
use crate::corpus::{analyze, Entry, MatrixOptions, Silent};
use crate::key::key_of;
use crate::testing::report_from_outline;

/// Sentences of the UTF-8 samples.
fn pool() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let texts: Vec<String> = [
        "compilation-2024.txt",
        "shijiazhuang-2021.txt",
        "langfang-2024-excerpt.txt",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(dir.join(f)).expect("sample is readable"))
    .collect();
    sentence_pool(&texts)
}

fn small() -> SynthOptions {
    SynthOptions {
        reports: 24,
        report_chars: 2_500,
        family_size: 8,
        family_units: 20,
        boilerplate_units: 12,
        ..SynthOptions::default()
    }
}

#[test]
fn the_pool_holds_real_sentences() {
    let pool = pool();
    assert!(pool.len() > 1000, "{}", pool.len());
    assert!(pool.iter().all(|s| key_of(s).chars().count() >= 16));
}

#[test]
fn generation_is_reproducible_and_plants_what_it_says() {
    let pool = pool();
    let a = SynthCorpus::generate(&pool, &small());
    assert_eq!(a, SynthCorpus::generate(&pool, &small()));
    assert_eq!(a.reports.len(), 24);
    for (unit, holders) in &a.boilerplate {
        for (r, report) in a.reports.iter().enumerate() {
            assert_eq!(report.units.contains(unit), holders.contains(&r));
        }
    }
    assert_eq!(a.planted_share(3, 3), 1.0);
    let other = SynthCorpus::generate(&pool, &SynthOptions { seed: 7, ..small() });
    assert_ne!(a, other);
}

#[test]
fn measured_cells_match_planted_shares_and_boilerplate_counts_are_exact() {
    let corpus = SynthCorpus::generate(&pool(), &small());
    let entries: Vec<Entry> = corpus
        .reports
        .iter()
        .enumerate()
        .map(|(r, report)| {
            Entry::new(
                &report_from_outline(&report.name, &corpus.outline(r)),
                report.name.clone(),
                None,
            )
        })
        .collect();
    let options = MatrixOptions {
        phrases: 1000,
        ..MatrixOptions::default()
    };
    let analysis = analyze(&entries, &options, &Silent);
    let m = analysis.matrix.as_ref().expect("dense");
    let mut worst: f64 = 0.0;
    for (a, row) in m.iter().enumerate() {
        for (b, &cell) in row.iter().enumerate() {
            let planted = corpus.planted_share(a, b);
            worst = worst.max((cell - planted).abs());
            assert!(
                (cell - planted).abs() <= 0.02,
                "cell ({a}, {b}): measured {cell} planted {planted}"
            );
        }
    }
    // Planted reuse is not trivially zero or one everywhere.
    assert!(m.iter().flatten().any(|&c| c > 0.1 && c < 0.9));
    for (unit, holders) in corpus.boilerplate.iter().filter(|(_, h)| h.len() >= 2) {
        let key = key_of(&corpus.units[*unit]);
        let names: Vec<String> = holders
            .iter()
            .map(|&r| corpus.reports[r].name.clone())
            .collect();
        let phrase = analysis
            .boilerplate
            .iter()
            .find(|p| key_of(&p.text).contains(&key) && p.reports == names);
        assert!(
            phrase.is_some(),
            "unit {unit} in {} reports not listed",
            holders.len()
        );
        let sentence = analysis.sentences.iter().find(|s| key_of(&s.text) == key);
        assert_eq!(sentence.map(|s| s.report_count), Some(holders.len()));
    }
    eprintln!("largest cell error: {worst:.4}");
}

/// A long report holding every phrase of a regional template (each phrase in about a quarter
/// of the reports) covers more of each report than its true neighbours do, so ranking by
/// reuse makes it everyone's closest source; ranking by attribution does not.
#[test]
fn a_long_report_holding_the_regional_template_is_not_everyones_closest_source() {
    let pool = pool();
    let mut corpus = SynthCorpus::generate(
        &pool,
        &SynthOptions {
            reports: 24,
            report_chars: 3_000,
            family_size: 4,
            family_units: 30,
            family_take: 0.5,
            boilerplate_units: 60,
            boilerplate_reach: vec![0.25],
            seed: 11,
        },
    );
    let template: Vec<usize> = corpus.boilerplate.iter().map(|(u, _)| *u).collect();
    let hub = corpus.add_report(&pool, "hub", template, 12_000, 12);
    let entries: Vec<Entry> = (0..corpus.reports.len())
        .map(|r| {
            let name = corpus.reports[r].name.clone();
            Entry::new(&report_from_outline(&name, &corpus.outline(r)), name, None)
        })
        .collect();
    let analysis = analyze(&entries, &MatrixOptions::default(), &Silent);
    let m = analysis.matrix.as_ref().expect("dense");
    let others = 0..hub;
    let by_reuse = others
        .clone()
        .filter(|&a| {
            (0..entries.len())
                .filter(|&b| b != a)
                .all(|b| m[a][hub] >= m[a][b])
        })
        .count();
    let by_attribution = others
        .clone()
        .filter(|&a| analysis.reports[a].sources.first().map(|s| s.index) == Some(hub))
        .count();
    // The test has teeth: by reuse, the hub is the closest source of most reports.
    assert!(
        by_reuse >= hub / 2,
        "the hub leads by reuse for only {by_reuse} of {hub}"
    );
    assert!(
        by_attribution <= hub / 10,
        "the hub is the closest source of {by_attribution} of {hub} reports"
    );
    // Each report's closest source is one of its family.
    for a in others {
        let first = analysis.reports[a].sources.first().map(|s| s.index);
        if first != Some(hub) {
            assert_eq!(first.map(|b| b / 4), Some(a / 4), "report {a}: {first:?}");
        }
    }
}
