//! The corpus figures are the pair comparison's figures.

use proptest::prelude::*;

use super::*;
use crate::compare::compare;
use crate::comparison::CompareOptions;
use crate::corpus::coverage::Commonness;
use crate::key::key_chars;
use crate::model::Report;
use crate::spans::{covered_in, mutual_coverage, template_coverage};
use crate::testing::report_from_outline;

fn corpus(outlines: &[String]) -> (Vec<Report>, Vec<Entry>) {
    let reports: Vec<Report> = outlines
        .iter()
        .enumerate()
        .map(|(i, o)| report_from_outline(&format!("r{i}.txt"), o))
        .collect();
    let entries = reports
        .iter()
        .enumerate()
        .map(|(i, r)| Entry::new(r, format!("r{i}"), None))
        .collect();
    (reports, entries)
}

fn options(n: usize) -> MatrixOptions {
    MatrixOptions {
        min_match: n,
        ..MatrixOptions::default()
    }
}

/// Every cell equals the pair comparison's figure, bit for bit.
fn assert_cells_are_pair_figures(outlines: &[String], n: usize) {
    let (reports, entries) = corpus(outlines);
    let analysis = analyze(&entries, &options(n), &Silent);
    let (Some(m), Some(t)) = (&analysis.matrix, &analysis.template_matrix) else {
        panic!("dense matrices expected");
    };
    let pair_options = CompareOptions {
        min_match: n,
        ..CompareOptions::default()
    };
    for (a, ra) in reports.iter().enumerate() {
        for (b, rb) in reports.iter().enumerate() {
            let c = compare(ra, rb, &pair_options);
            assert_eq!(
                m[a][b].to_bits(),
                c.summary.a_reuse.to_bits(),
                "reuse {a} by {b}"
            );
            assert_eq!(
                t[a][b].to_bits(),
                c.summary.a_template_reuse.to_bits(),
                "template reuse {a} by {b}"
            );
        }
    }
}

/// Shares against all others equal the union of pairwise coverages.
fn assert_shares_are_unions(outlines: &[String], n: usize) {
    let (reports, entries) = corpus(outlines);
    let analysis = analyze(&entries, &options(n), &Silent);
    let keys: Vec<Vec<char>> = reports
        .iter()
        .map(|r| {
            r.iter_sentences()
                .flat_map(|s| key_chars(&s.text.text))
                .collect()
        })
        .collect();
    // Copies: each holds 90 % of the other; a copy of a copy is in the same group.
    let mut group: Vec<usize> = (0..keys.len()).collect();
    for a in 0..keys.len() {
        for b in a + 1..keys.len() {
            let (e, e_b) = mutual_coverage(&keys[a], &keys[b], n);
            let full = |c: &[bool]| share(covered_in(c, 0..c.len()), c.len()) >= COPY_SHARE;
            if full(&e) && full(&e_b) {
                let (ga, gb) = (group[a], group[b]);
                for g in group.iter_mut().filter(|g| **g == ga.max(gb)) {
                    *g = ga.min(gb);
                }
            }
        }
    }
    let distinct = group.iter().collect::<std::collections::HashSet<_>>().len();
    assert_eq!(
        analysis
            .reports
            .iter()
            .map(|r| r.copies.len())
            .sum::<usize>(),
        group
            .iter()
            .map(|g| group.iter().filter(|h| *h == g).count() - 1)
            .sum::<usize>()
    );
    let common_at = Commonness::new(options(n).common, distinct).common_at as usize;
    for (a, ka) in keys.iter().enumerate() {
        let mut exact = vec![false; ka.len()];
        let mut template = vec![false; ka.len()];
        // Per character: how many other groups of copies cover it; per other report: its
        // coverage.
        let mut holders = vec![std::collections::HashSet::new(); ka.len()];
        let mut by: Vec<Vec<bool>> = vec![Vec::new(); keys.len()];
        for (b, kb) in keys.iter().enumerate() {
            if a == b {
                continue;
            }
            let (e, e_b) = mutual_coverage(ka, kb, n);
            let (t, _) = template_coverage(ka, kb, n, &e, &e_b);
            for i in 0..ka.len() {
                exact[i] |= e[i];
                template[i] |= t[i];
                if e[i] {
                    holders[i].insert(group[b]);
                }
            }
            by[b] = e;
        }
        let depth: Vec<usize> = holders.iter().map(|h| h.len()).collect();
        let summary = &analysis.reports[a];
        let len = ka.len();
        let specific = |i: usize| depth[i] > 0 && depth[i] < common_at;
        let common = (0..len).filter(|&i| depth[i] >= common_at).count();
        assert_eq!(summary.common_share, share(common, len));
        assert_eq!(
            summary.specific_share,
            share((0..len).filter(|&i| specific(i)).count(), len)
        );
        let specific_matrix = analysis.specific_matrix.as_ref().expect("dense");
        for (b, cover) in by.iter().enumerate().filter(|&(b, _)| b != a) {
            let mine: Vec<usize> = (0..len).filter(|&i| cover[i] && specific(i)).collect();
            assert_eq!(
                specific_matrix[a][b],
                share(mine.len(), len),
                "specific {a} by {b}"
            );
            let attributed: f64 = mine.iter().map(|&i| 1.0 / depth[i] as f64).sum();
            if let Some(s) = summary.sources.iter().find(|s| s.index == b) {
                assert_eq!(s.specific_reuse, share(mine.len(), len));
                assert!((s.specific_reuse + s.common_reuse - s.reuse).abs() < 1e-12);
                assert!(
                    (s.attribution * len as f64 - attributed).abs() < 1e-3,
                    "{a} by {b}"
                );
            }
        }
        let total: f64 = summary.sources.iter().map(|s| s.attribution).sum();
        if summary.sources.len() == keys.len() - 1 && distinct == keys.len() {
            assert!((total - summary.specific_share).abs() < 1e-6);
        }
        assert_eq!(summary.reuse_share, share(covered_in(&exact, 0..len), len));
        assert_eq!(
            summary.template_share,
            share(covered_in(&template, 0..len), len)
        );
        if len > 0 {
            assert_eq!(summary.own_share, 1.0 - summary.template_share);
        }
    }
}

const SENTENCES: [&str; 8] = [
    "坚持以人民为中心的发展思想。",
    "地区生产总值增长6%左右。",
    "地区生产总值增长5.5%左右。",
    "全面推进乡村振兴战略实施。",
    "新建改造城市道路12条，新增停车位3000个。",
    "新建改造城市道路15条，新增停车位2500个。",
    "持续优化营商环境，激发市场主体活力。",
    "一年来我们主要做了以下工作。",
];

#[test]
fn cells_equal_pair_figures_on_a_small_corpus() {
    let outlines: Vec<String> = vec![
        format!(
            "# 一、回顾\n{}{}{}",
            SENTENCES[0], SENTENCES[1], SENTENCES[4]
        ),
        format!(
            "# 一、回顾\n{}{}{}",
            SENTENCES[2], SENTENCES[5], SENTENCES[6]
        ),
        format!("开场。{}{}", SENTENCES[7], SENTENCES[3]),
        String::new(),
        "短。".to_string(),
    ];
    assert_cells_are_pair_figures(&outlines, 8);
    assert_shares_are_unions(&outlines, 8);
}

#[test]
fn top_keeps_sources_and_drops_the_matrix() {
    let outlines: Vec<String> = (0..4)
        .map(|i| format!("{}{}", SENTENCES[i], SENTENCES[i + 1]))
        .collect();
    let (_, entries) = corpus(&outlines);
    let dense = analyze(&entries, &options(6), &Silent);
    let top = analyze(
        &entries,
        &MatrixOptions {
            top: Some(1),
            sources: 1,
            ..options(6)
        },
        &Silent,
    );
    assert!(top.matrix.is_none() && top.template_matrix.is_none());
    let m = dense.matrix.as_ref().unwrap();
    for (a, report) in top.reports.iter().enumerate() {
        assert!(report.sources.len() <= 1);
        for s in &report.sources {
            assert_eq!(s.reuse, m[a][s.index]);
            // The same first source as the dense run's: the most attributable.
            assert_eq!(Some(s), dense.reports[a].sources.first());
            let best = dense.reports[a]
                .sources
                .iter()
                .map(|s| s.attribution)
                .fold(0.0, f64::max);
            assert_eq!(s.attribution, best);
        }
    }
    assert_eq!(top.pairs, dense.pairs);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn cells_equal_pair_figures_on_random_corpora(
        picks in prop::collection::vec(prop::collection::vec(0usize..8, 0..6), 2..5),
        n in 3usize..10,
    ) {
        let outlines: Vec<String> = picks
            .iter()
            .map(|p| p.iter().map(|&i| SENTENCES[i]).collect::<String>())
            .collect();
        assert_cells_are_pair_figures(&outlines, n);
        assert_shares_are_unions(&outlines, n);
    }

    #[test]
    fn figures_heavy_text_matches_template_coverage(
        texts in prop::collection::vec("[ab12]{0,30}", 2..5),
        n in 2usize..7,
    ) {
        let outlines: Vec<String> = texts.iter().map(|t| format!("{t}。")).collect();
        assert_cells_are_pair_figures(&outlines, n);
        assert_shares_are_unions(&outlines, n);
    }
}

#[test]
fn labels_are_place_and_year_and_stay_unique() {
    let texts = ["甲乙丙丁。", "戊己庚辛。", "子丑寅卯。", "辰巳午未。"];
    let places = [
        (Some("沈阳市"), Some(2024)),
        (Some("本溪市"), Some(2024)),
        (Some("本溪市"), Some(2024)),
        (None, Some(2024)),
    ];
    let entries: Vec<Entry> = texts
        .iter()
        .zip(places)
        .enumerate()
        .map(|(i, (t, (place, year)))| {
            let mut r = report_from_outline("x", t);
            r.place = place.map(str::to_string);
            r.year = year;
            Entry::new(&r, format!("r{i}"), None)
        })
        .collect();
    let analysis = analyze(&entries, &options(3), &Silent);
    let labels: Vec<&str> = analysis.reports.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["沈阳市 2024", "本溪市 2024 (r1)", "本溪市 2024 (r2)", "r3"]
    );
}
