//! Comparison on real sample reports: a naive reference agrees, sides mirror, a report equals
//! itself, moved sections still pair, year-over-year sections align.

mod common;

use std::collections::HashSet;

use common::{compilation_reports, sample_report};
use rdiff::compare::{compare, CompareOptions};
use rdiff::comparison::Comparison;
use rdiff::key::{is_digit, key_of};
use rdiff::model::Report;

/// Pairs of real reports: same city year over year, different cities, different years.
fn pairs() -> Vec<(Report, Report)> {
    let comp = compilation_reports();
    assert!(comp.len() >= 4, "the compilation holds several reports");
    vec![
        (
            sample_report("hailaer/hailaer-2015.txt"),
            sample_report("hailaer/hailaer-2016.txt"),
        ),
        (
            sample_report("hailaer/hailaer-2018.txt"),
            sample_report("hailaer/hailaer-2019.txt"),
        ),
        (comp[0].clone(), comp[1].clone()),
        (
            sample_report("shijiazhuang-2021.txt"),
            sample_report("langfang-2024-excerpt.txt"),
        ),
        (sample_report("hailaer/hailaer-2018.txt"), comp[3].clone()),
    ]
}

/// The report key, built naively.
fn naive_key(r: &Report) -> Vec<char> {
    r.iter_sentences()
        .flat_map(|s| key_of(&s.text.text).chars().collect::<Vec<_>>())
        .collect()
}

/// Naive coverage: every k-window of `a`, as a String, looked up in a set of `b`'s windows.
fn naive_cover(a: &[char], b: &[char], k: usize) -> Vec<bool> {
    let mut cover = vec![false; a.len()];
    if a.len() < k || b.len() < k {
        return cover;
    }
    let set: HashSet<String> = (0..=b.len() - k)
        .map(|i| b[i..i + k].iter().collect())
        .collect();
    for i in 0..=a.len() - k {
        let w: String = a[i..i + k].iter().collect();
        if set.contains(&w) {
            for c in cover.iter_mut().skip(i).take(k) {
                *c = true;
            }
        }
    }
    cover
}

/// Naive masking: each digit run becomes NUL (never in a key), remembering which key
/// characters each masked character stands for.
fn naive_mask(a: &[char]) -> (Vec<char>, Vec<Vec<usize>>) {
    let (mut masked, mut owners): (Vec<char>, Vec<Vec<usize>>) = (Vec::new(), Vec::new());
    for (i, &c) in a.iter().enumerate() {
        if is_digit(c) {
            if masked.last() == Some(&'\0')
                && owners.last().is_some_and(|o| o.last() == Some(&(i - 1)))
            {
                if let Some(o) = owners.last_mut() {
                    o.push(i);
                }
                continue;
            }
            masked.push('\0');
        } else {
            masked.push(c);
        }
        owners.push(vec![i]);
    }
    (masked, owners)
}

fn naive_template_cover(a: &[char], b: &[char], k: usize) -> Vec<bool> {
    let mut cover = naive_cover(a, b, k);
    let (ma, owners) = naive_mask(a);
    let (mb, _) = naive_mask(b);
    for (m, covered) in naive_cover(&ma, &mb, k).into_iter().enumerate() {
        if covered {
            for &i in &owners[m] {
                cover[i] = true;
            }
        }
    }
    cover
}

fn count(cover: &[bool]) -> usize {
    cover.iter().filter(|&&c| c).count()
}

#[test]
fn naive_reference_agrees_exactly_on_real_pairs() {
    let options = CompareOptions::default();
    for (a, b) in pairs() {
        let c = compare(&a, &b, &options);
        let (ka, kb) = (naive_key(&a), naive_key(&b));
        let k = options.min_match;
        assert!(ka.len() > 1000 && kb.len() > 1000);
        assert_eq!(c.a.chars, ka.len());
        assert_eq!(
            c.summary.a_shared_chars,
            count(&naive_cover(&ka, &kb, k)),
            "{}",
            a.path
        );
        assert_eq!(
            c.summary.b_shared_chars,
            count(&naive_cover(&kb, &ka, k)),
            "{}",
            b.path
        );
        assert_eq!(
            c.summary.a_reuse,
            count(&naive_cover(&ka, &kb, k)) as f64 / ka.len() as f64
        );
        let ta = count(&naive_template_cover(&ka, &kb, k)) as f64 / ka.len() as f64;
        let tb = count(&naive_template_cover(&kb, &ka, k)) as f64 / kb.len() as f64;
        assert_eq!(
            (c.summary.a_template_reuse, c.summary.b_template_reuse),
            (ta, tb)
        );
    }
}

fn assert_mirror(ab: &Comparison, ba: &Comparison) {
    let (s, t) = (&ab.summary, &ba.summary);
    assert_eq!((s.a_reuse, s.b_reuse), (t.b_reuse, t.a_reuse));
    assert_eq!(
        (s.a_template_reuse, s.b_template_reuse),
        (t.b_template_reuse, t.a_template_reuse)
    );
    let (x, y) = (s.counts, t.counts);
    assert_eq!(
        (x.equal, x.template, x.similar, x.moved),
        (y.equal, y.template, y.similar, y.moved)
    );
    assert_eq!((x.a_only, x.b_only), (y.b_only, y.a_only));
    assert_eq!(ab.commitments.a.len(), ba.commitments.b.len());
    assert_eq!(ab.commitments.b.len(), ba.commitments.a.len());
    let sides = |c: &Comparison| {
        let mut v: Vec<(Option<usize>, Option<usize>)> =
            c.sections.iter().map(|s| (s.a_index, s.b_index)).collect();
        v.sort();
        v
    };
    let mut swapped: Vec<(Option<usize>, Option<usize>)> =
        sides(ba).into_iter().map(|(x, y)| (y, x)).collect();
    swapped.sort();
    assert_eq!(sides(ab), swapped, "section alignment mirrors");
}

#[test]
fn swapping_real_reports_swaps_every_figure() {
    for (a, b) in pairs() {
        let ab = compare(&a, &b, &CompareOptions::default());
        let ba = compare(&b, &a, &CompareOptions::default());
        assert_mirror(&ab, &ba);
    }
}

#[test]
fn real_reports_equal_themselves() {
    for (a, _) in pairs() {
        let c = compare(&a, &a, &CompareOptions::default());
        assert_eq!(c.summary.counts.equal, a.sentence_count(), "{}", a.path);
        assert_eq!(c.summary.counts.a_only + c.summary.counts.b_only, 0);
        assert_eq!((c.summary.a_reuse, c.summary.b_reuse), (1.0, 1.0));
        assert!(c.identical_keys());
    }
}

#[test]
fn a_moved_real_section_still_pairs() {
    let a = sample_report("hailaer/hailaer-2016.txt");
    assert!(
        a.sections.len() >= 4,
        "headings found: {}",
        a.sections.len()
    );
    let mut b = a.clone();
    let first_body = b.sections.remove(1);
    b.sections.push(first_body);
    let c = compare(&a, &b, &CompareOptions::default());
    assert!(c.summary.a_reuse >= 0.99 && c.summary.b_reuse >= 0.99);
    assert_eq!(c.summary.counts.a_only + c.summary.counts.b_only, 0);
    assert!(c
        .sections
        .iter()
        .all(|s| s.a_index.is_some() && s.b_index.is_some()));
    assert!(!c.identical_keys());
}

#[test]
fn year_over_year_sections_align_by_what_they_are() {
    let a = sample_report("hailaer/hailaer-2016.txt");
    let b = sample_report("hailaer/hailaer-2017.txt");
    let c = compare(&a, &b, &CompareOptions::default());
    let paired = |x: &str, y: &str| {
        c.sections.iter().any(|s| {
            s.a_heading.as_deref().is_some_and(|h| h.contains(x))
                && s.b_heading.as_deref().is_some_and(|h| h.contains(y))
        })
    };
    assert!(paired("2015年工作回顾", "2016年工作回顾"));
    assert!(paired("2016年工作安排", "2017年工作安排"));
    // The 十三五 plan section has no counterpart in 2017.
    assert!(c
        .sections
        .iter()
        .any(|s| s.b_heading.is_none()
            && s.a_heading.as_deref().is_some_and(|h| h.contains("十三五"))));
    assert!(c.summary.counts.equal + c.summary.counts.template + c.summary.counts.similar > 0);
}
