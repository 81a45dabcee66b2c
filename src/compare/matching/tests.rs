use super::super::sketches;
use super::*;
use crate::align::align_sections;
use crate::testing::report_from_outline;

type Sides = (
    Vec<Option<(usize, PairKind)>>,
    Vec<Option<(usize, PairKind)>>,
);

fn run(a: &str, b: &str) -> Sides {
    let (ra, rb) = (report_from_outline("a", a), report_from_outline("b", b));
    let (ka, kb) = (KeyedReport::new(&ra, &[]), KeyedReport::new(&rb, &[]));
    let alignment = align_sections(&sketches(&ka), &sketches(&kb), 12);
    let masked = MutualWindows::new(&ka.masked, &kb.masked, 12);
    let m = match_sentences(&ka, &kb, &alignment, &masked, &CompareOptions::default());
    (m.a_to, m.b_to)
}

#[test]
fn in_order_equal_sentences_pair_in_order() {
    let (a_to, b_to) = run(
        "# 一、甲\n一句。二句。三句。",
        "# 一、甲\n一句。新句。三句。",
    );
    assert_eq!(a_to[0], Some((0, PairKind::Equal)));
    assert_eq!(a_to[1], None);
    assert_eq!(a_to[2], Some((2, PairKind::Equal)));
    assert_eq!(b_to[1], None);
}

#[test]
fn duplicates_pair_one_to_one() {
    let (a_to, b_to) = run("# 一、甲\n同一句。同一句。同一句。", "# 一、甲\n同一句。");
    assert_eq!(a_to.iter().filter(|t| t.is_some()).count(), 1);
    assert_eq!(b_to[0].map(|(_, k)| k), Some(PairKind::Equal));
}

#[test]
fn reordered_sentences_within_a_section_are_equal() {
    let (a_to, _) = run("# 一、甲\n甲句子。乙句子。", "# 一、甲\n乙句子。甲句子。");
    assert_eq!(a_to[0], Some((1, PairKind::Equal)));
    assert_eq!(a_to[1], Some((0, PairKind::Equal)));
}

#[test]
fn figures_changed_is_template_not_similar() {
    let (a_to, _) = run(
        "# 一、甲\n全年地区生产总值增长6.5%，城镇居民收入增长7%。",
        "# 一、甲\n全年地区生产总值增长5.2%，城镇居民收入增长6.8%。",
    );
    assert_eq!(a_to[0], Some((0, PairKind::Template)));
}

#[test]
fn similar_needs_most_of_both_sentences() {
    let long = "大力实施创新驱动发展战略，加快建设区域科技创新中心，培育壮大战略性新兴产业。";
    let extended = format!("{}，同时，我们还要加快推进数字政府建设，全面提升政务服务效能和水平，让群众办事更加便捷高效舒心。", long.trim_end_matches('。'));
    let (a_to, _) = run(
        &format!("# 一、甲\n{long}"),
        &format!("# 一、甲\n{extended}"),
    );
    assert_eq!(a_to[0], None, "A is covered, but B only in part");
    let edited = long.replace("加快建设", "全力建设");
    let (a_to, _) = run(&format!("# 一、甲\n{long}"), &format!("# 一、甲\n{edited}"));
    assert_eq!(a_to[0], Some((0, PairKind::Similar)));
}

#[test]
fn similar_takes_the_best_counterpart() {
    let s = "大力实施创新驱动发展战略，加快建设区域科技创新中心，培育壮大战略性新兴产业。";
    let close = s.replace("培育壮大", "培育发展");
    let far = s
        .replace("加快建设区域", "全面建设中部")
        .replace("培育壮大", "培育发展");
    let (a_to, _) = run(
        &format!("# 一、甲\n{s}"),
        &format!("# 一、甲\n{far}{close}"),
    );
    assert_eq!(a_to[0], Some((1, PairKind::Similar)));
}

#[test]
fn a_sentence_moved_to_an_unaligned_section_still_pairs() {
    let (a_to, _) = run(
        "# 一、工作回顾\n这是一句被移动到别处的很长的句子。留下来的句子。",
        "# 一、工作回顾\n留下来的句子。\n# 二、其他\n这是一句被移动到别处的很长的句子。",
    );
    assert_eq!(a_to[0], Some((1, PairKind::Equal)));
}

#[test]
fn boilerplate_windows_do_not_blow_up_candidates() {
    // 200 copies of one sentence on each side, plus one edited sentence: the shared windows
    // of the copies are in too many sentences and propose nothing.
    let base = "坚持以人民为中心的发展思想，不断增强人民群众获得感幸福感安全感。";
    let a = format!("# 一、甲\n{}", base.repeat(200));
    let b = format!("# 一、甲\n{}", base.replace("不断", "持续").repeat(200));
    let (a_to, _) = run(&a, &b);
    assert_eq!(a_to.len(), 200);
    assert!(a_to.iter().all(|t| t.is_none()));
}

#[test]
fn similarity_is_symmetric_and_bounded() {
    let x: Vec<char> = "abcdefghijklmnop".chars().collect();
    let y: Vec<char> = "abcdefghXXXXXXXX".chars().collect();
    assert_eq!(similarity(&x, &y, 4), similarity(&y, &x, 4));
    assert_eq!(similarity(&x, &y, 4), 0.5);
    assert_eq!(similarity(&x, &x, 4), 1.0);
    assert_eq!(similarity(&x, &y[..3], 4), 0.0);
}
