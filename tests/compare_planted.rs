//! Planting: B receives a known share of A's sentences; reuse must move by that share.
//!
//! A is one district's report (hailaer 2016), B another city's (the compilation's third
//! report). Planted sentences are A's sentences of at least `min_match` key characters (shorter
//! ones cannot hold a shared span by definition), inserted at pseudo-random places in B.

mod common;

use common::{compilation_reports, sample_report, Lcg};
use rdiff::compare::{compare, CompareOptions};
use rdiff::key::key_of;
use rdiff::model::{Report, SectionKind, Sentence};

fn key_len(s: &Sentence) -> usize {
    key_of(&s.text.text).chars().count()
}

/// B with `share` of A's plantable sentences inserted; returns B and the planted key chars.
fn plant(a: &Report, b: &Report, share: f64, seed: u64) -> (Report, usize, usize) {
    let n = CompareOptions::default().min_match;
    let plantable: Vec<&Sentence> = a.iter_sentences().filter(|s| key_len(s) >= n).collect();
    let mut rng = Lcg(seed);
    let want = (plantable.len() as f64 * share).round() as usize;
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < want {
        let i = rng.below(plantable.len());
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    let mut planted = b.clone();
    let bodies: Vec<usize> = (0..planted.sections.len())
        .filter(|&i| planted.sections[i].kind == SectionKind::Body)
        .collect();
    let mut chars = 0;
    for &i in &chosen {
        let sentence = plantable[i].clone();
        chars += key_len(&sentence);
        let section = &mut planted.sections[bodies[rng.below(bodies.len())]];
        let at = rng.below(section.sentences.len() + 1);
        section.sentences.insert(at, sentence);
    }
    (planted, chars, chosen.len())
}

#[test]
fn b_reuse_moves_by_the_planted_share() {
    let a = sample_report("hailaer/hailaer-2016.txt");
    let b = compilation_reports().swap_remove(2);
    let options = CompareOptions::default();
    let before = compare(&a, &b, &options);
    let base_chars = before.b.chars;
    for (share, seed) in [(0.05, 1), (0.2, 2), (0.5, 3)] {
        let (planted, chars, count) = plant(&a, &b, share, seed);
        let after = compare(&a, &planted, &options);
        assert_eq!(after.b.chars, base_chars + chars);
        let planted_share = chars as f64 / after.b.chars as f64;
        let moved_by = after.summary.b_reuse - before.summary.b_reuse;
        assert!(
            (moved_by - planted_share).abs() <= 0.02,
            "share {share}: b_reuse moved by {moved_by:.4}, planted {planted_share:.4}"
        );
        // More precisely: B's old text keeps its coverage, the planted text is all covered.
        let expected = (before.summary.b_shared_chars + chars) as f64 / after.b.chars as f64;
        assert!((after.summary.b_reuse - expected).abs() <= 0.01);
        // Every planted sentence is found again as an equal sentence.
        assert!(after.summary.counts.equal >= before.summary.counts.equal + count);
        // And A's reuse rises by the planted sentences' share of A.
        let a_share = chars as f64 / after.a.chars as f64;
        let a_moved = after.summary.a_reuse - before.summary.a_reuse;
        assert!(
            (a_moved - a_share).abs() <= 0.02,
            "a moved {a_moved:.4}, planted {a_share:.4}"
        );
    }
}
