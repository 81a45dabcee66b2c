use proptest::prelude::*;

use super::*;
use crate::spans::coverage;
use crate::testing::chars;

/// Which characters of text `a` the runs mark as shared with report `b`.
fn covered_by(shared: &SharedRuns, a: usize, b: u32, len: usize) -> Vec<bool> {
    let mut covered = vec![false; len];
    for run in &shared.runs[a] {
        if shared.postings.get(run.postings).contains(&b) {
            for flag in &mut covered[run.start as usize..run.end as usize] {
                *flag = true;
            }
        }
    }
    covered
}

/// Runs must mark exactly the pairwise coverage of every ordered pair.
fn assert_pairwise(texts: &[Vec<char>], n: usize, shared: &SharedRuns) {
    for (a, ta) in texts.iter().enumerate() {
        for (b, tb) in texts.iter().enumerate() {
            if a == b {
                continue;
            }
            let expected = coverage(ta, tb, n);
            assert_eq!(
                covered_by(shared, a, b as u32, ta.len()),
                expected,
                "texts {a} by {b}"
            );
        }
    }
}

#[test]
fn rolling_hash_equals_hash_from_scratch() {
    let text = chars("政府工作报告坚持以人民为中心的发展思想");
    let rolled: Vec<u64> = WindowHashes::new(&text, 5).collect();
    let direct: Vec<u64> = text
        .windows(5)
        .map(|w| {
            w.iter()
                .fold(0, |h, &c| add_mod(mul_mod(h, BASE), char_value(c)))
        })
        .collect();
    assert_eq!(rolled, direct);
    assert_eq!(rolled.len(), text.len() - 4);
    assert_eq!(WindowHashes::new(&text[..3], 5).count(), 0);
}

#[test]
fn a_phrase_in_every_report_is_one_run_each() {
    let texts: Vec<Vec<char>> = [
        "甲乙丙丁戊己庚辛",
        "子丑甲乙丙丁戊己庚辛寅",
        "甲乙丙丁戊己庚辛卯辰",
    ]
    .iter()
    .map(|s| chars(s))
    .collect();
    let refs: Vec<&[char]> = texts.iter().map(Vec::as_slice).collect();
    let shared = shared_runs(&refs, 4);
    assert_eq!(
        shared.runs[1],
        vec![Run {
            start: 2,
            end: 10,
            postings: 0
        }]
    );
    assert_eq!(shared.postings.get(0), &[0, 1, 2]);
    assert_eq!(shared.postings.len(), 1);
    assert_pairwise(&texts, 4, &shared);
}

#[test]
fn text_found_once_makes_no_run() {
    let texts = [chars("甲乙丙丁甲乙丙丁"), chars("子丑寅卯")];
    let refs: Vec<&[char]> = texts.iter().map(Vec::as_slice).collect();
    let shared = shared_runs(&refs, 3);
    assert!(shared.runs.iter().all(Vec::is_empty));
    assert!(shared.postings.is_empty());
}

#[test]
fn colliding_hashes_never_make_different_windows_equal() {
    // Every window gets the same hash: only content can tell them apart.
    let texts = [chars("abcdxyz"), chars("xyzabce"), chars("bcdq")];
    let refs: Vec<&[char]> = texts.iter().map(Vec::as_slice).collect();
    let shared = shared_runs_with(&refs, 3, |t| vec![7; t.len().saturating_sub(2)]);
    assert_pairwise(&texts, 3, &shared);
    assert_eq!(
        covered_by(&shared, 0, 2, 7),
        coverage(&texts[0], &texts[2], 3)
    );
}

proptest! {
    #[test]
    fn runs_reproduce_pairwise_coverage(
        texts in prop::collection::vec("[abc]{0,40}", 2..6),
        n in 1usize..6,
        weak in any::<bool>(),
    ) {
        let texts: Vec<Vec<char>> = texts.iter().map(|s| chars(s)).collect();
        let refs: Vec<&[char]> = texts.iter().map(Vec::as_slice).collect();
        let shared = if weak {
            // A hash with many collisions: the first character only.
            shared_runs_with(&refs, n, |t| t.windows(n).map(|w| u64::from(w[0])).collect())
        } else {
            shared_runs(&refs, n)
        };
        assert_pairwise(&texts, n, &shared);
        for runs in &shared.runs {
            prop_assert!(runs.windows(2).all(|w| w[0].start < w[1].start));
        }
    }
}
