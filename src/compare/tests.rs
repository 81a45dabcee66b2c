use super::*;
use crate::comparison::{AlignedBy, Here, Item};
use crate::testing::report_from_outline;

const A: &str = "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。
# 一、2023年工作回顾
过去一年，全市地区生产总值增长6.2%，一般公共预算收入增长8.1%。
我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。
新建改造城市道路32条，打通断头路15条，城市交通更加顺畅。
## (一)产业发展
规模以上工业增加值增长7.5%，高新技术企业达到1200家。
# 二、2024年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
全力推进城市更新行动，年底前完成老旧小区改造120个。
持续深化放管服改革，优化营商环境，激发市场主体活力。
# 三、加强政府自身建设
我们要始终坚持人民至上，不断提高政府的执行力和公信力。";

fn report(path: &str, outline: &str) -> Report {
    report_from_outline(path, outline)
}

fn all_items(c: &Comparison) -> impl Iterator<Item = &Item> {
    c.sections.iter().flat_map(|s| s.items.iter())
}

#[test]
fn a_report_compared_with_itself_is_all_equal() {
    let a = report("a", A);
    let c = compare(&a, &a.clone(), &CompareOptions::default());
    assert_eq!(c.summary.a_reuse, 1.0);
    assert_eq!(c.summary.b_reuse, 1.0);
    assert_eq!(c.summary.a_template_reuse, 1.0);
    assert_eq!(c.summary.counts.equal, a.sentence_count());
    assert_eq!(c.summary.counts.a_only + c.summary.counts.b_only, 0);
    assert_eq!(c.summary.counts.moved, 0);
    assert!(c.identical_keys());
    assert!(c.commitments.a.is_empty() && c.commitments.b.is_empty());
    assert!(c.sections.iter().all(|s| s.a_index == s.b_index));
    assert!(all_items(&c).all(|i| i.here == Here::Both));
}

#[test]
fn punctuation_and_spacing_do_not_make_a_difference() {
    let b = A.replace('，', ",").replace('。', "。 ").replace('：', ":");
    let c = compare(
        &report("a", A),
        &report("b", &b),
        &CompareOptions::default(),
    );
    assert!(c.identical_keys());
    assert_eq!(c.summary.counts.equal, report("a", A).sentence_count());
}

#[test]
fn a_changed_heading_is_not_identical() {
    let b = A.replace("三、加强政府自身建设", "三、全面加强政府自身建设");
    let c = compare(
        &report("a", A),
        &report("b", &b),
        &CompareOptions::default(),
    );
    assert!(!c.identical_keys());
    assert_eq!(c.summary.a_reuse, 1.0);
}

#[test]
fn the_same_words_as_a_heading_and_as_a_sentence_are_not_identical() {
    // The words of a heading, read as a sentence on B's side (as a different layout can
    // make them): B holds text A's sentences lack, so "identical" would contradict B's share.
    let b = A.replace("# 三、加强政府自身建设\n", "三、加强政府自身建设。");
    let c = compare(
        &report("a", A),
        &report("b", &b),
        &CompareOptions::default(),
    );
    assert!(!c.identical_keys());
    assert!(c.summary.b_reuse < 1.0);
}

#[test]
fn swapping_a_and_b_swaps_the_sides() {
    let b = "各位代表：现在，我代表区人民政府向大会报告工作，请予审议。
# 一、2024年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。
持续深化放管服改革，优化营商环境，激发市场主体活力。
全力推进城市更新行动，九月底前完成老旧小区改造80个，新建口袋公园10个。
# 二、过去一年工作回顾
过去一年，全区地区生产总值增长5.1%，一般公共预算收入增长3.3%。
我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。
我们要始终坚持人民至上，不断提高政府的执行力和公信力。";
    let (ra, rb) = (report("a", A), report("b", b));
    let ab = compare(&ra, &rb, &CompareOptions::default());
    let ba = compare(&rb, &ra, &CompareOptions::default());
    assert_eq!(ab.summary.a_reuse, ba.summary.b_reuse);
    assert_eq!(ab.summary.b_reuse, ba.summary.a_reuse);
    assert_eq!(ab.summary.a_template_reuse, ba.summary.b_template_reuse);
    let (x, y) = (ab.summary.counts, ba.summary.counts);
    assert_eq!(
        (x.equal, x.template, x.similar, x.moved),
        (y.equal, y.template, y.similar, y.moved)
    );
    assert_eq!((x.a_only, x.b_only), (y.b_only, y.a_only));
    assert!(
        x.moved > 0,
        "the sentence moved to another section is found"
    );
    assert!(x.template > 0);
    assert_eq!(ab.commitments.a, {
        // Same commitments, though listed at other item positions in the swapped comparison.
        let mut v = ba.commitments.b.clone();
        for (c, o) in v.iter_mut().zip(&ab.commitments.a) {
            c.item = o.item;
            c.kind = c.kind.mirror();
        }
        v
    });
}

/// Found by the property tests: sentences of punctuation alone (empty key) paired in the
/// in-section diff but not in the pass that pairs equal sentences elsewhere, so which of them
/// paired depended on which report came first.
#[test]
fn sentences_without_key_pair_the_same_either_way() {
    let a = report("a", "。\n。\n一、¡。\n（二）");
    let b = report("b", "（二）。\n（二）。\n\u{2ee5e}\u{3000}。\na");
    let ab = compare(&a, &b, &CompareOptions::default());
    let ba = compare(&b, &a, &CompareOptions::default());
    let json = |c: &Comparison| serde_json::to_value(c).expect("serializes");
    assert_eq!(
        crate::testing::mirror::mirrored(&json(&ab)),
        crate::testing::mirror::order_free(&json(&ba))
    );
    assert_eq!(ab.summary.counts.equal, 2, "。 with 。, (二) with (二)。");
}

#[test]
fn a_moved_top_level_section_still_pairs() {
    let parts: Vec<&str> = A.split("\n# ").collect();
    // Preamble, 一, 二, 三 → preamble, 三, 一, 二.
    let moved = format!(
        "{}\n# {}\n# {}\n# {}",
        parts[0], parts[3], parts[1], parts[2]
    );
    let c = compare(
        &report("a", A),
        &report("b", &moved),
        &CompareOptions::default(),
    );
    assert!(c.summary.a_reuse >= 0.99 && c.summary.b_reuse >= 0.99);
    assert_eq!(c.summary.counts.a_only + c.summary.counts.b_only, 0);
    assert_eq!(
        c.summary.counts.moved, 0,
        "sections move, their sentences do not"
    );
    assert_eq!(c.sections.len(), 4);
    assert!(c
        .sections
        .iter()
        .all(|s| s.a_index.is_some() && s.b_index.is_some()));
    assert!(c
        .sections
        .iter()
        .skip(1)
        .all(|s| s.aligned_by == AlignedBy::Heading));
}

#[test]
fn moved_sentences_point_at_each_other() {
    let s = "新建改造城市道路32条，打通断头路15条，城市交通更加顺畅。\n";
    let b = A.replace(s, "").replace(
        "我们要始终坚持人民至上",
        &format!("{s}我们要始终坚持人民至上"),
    );
    let c = compare(
        &report("a", A),
        &report("b", &b),
        &CompareOptions::default(),
    );
    let moved: Vec<(usize, usize, &Item)> = c
        .sections
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.items.iter().enumerate().map(move |(ii, i)| (si, ii, i)))
        .filter(|(_, _, i)| i.moved)
        .collect();
    assert_eq!(moved.len(), 2, "one pair, listed at both ends");
    let (sa, ia, end_a) = moved[0];
    let (sb, ib, end_b) = moved[1];
    assert_eq!(end_a.here, Here::A);
    assert_eq!(end_b.here, Here::B);
    assert_eq!(end_a.twin.map(|t| (t.section, t.item)), Some((sb, ib)));
    assert_eq!(end_b.twin.map(|t| (t.section, t.item)), Some((sa, ia)));
    assert_eq!(c.summary.counts.moved, 1);
}

#[test]
fn changed_figures_make_a_template_pair_with_a_diff() {
    let b = A.replace("增长6%左右", "增长5.5%左右");
    let c = compare(
        &report("a", A),
        &report("b", &b),
        &CompareOptions::default(),
    );
    assert_eq!(c.summary.counts.template, 1);
    let item = all_items(&c).find(|i| i.kind == ItemKind::Template);
    let diff = item.and_then(|i| i.diff.clone()).unwrap_or_default();
    assert!(diff.iter().any(|d| d.text == "6"));
    assert!(c.summary.a_template_reuse > c.summary.a_reuse);
    assert_eq!(c.summary.a_template_reuse, 1.0);
    assert!(!c.identical_keys());
    // The changed target is mostly shared text (only its figure differs): no side's own
    // commitment. Its figures are read as each side's targets instead.
    assert!(c.commitments.a.is_empty(), "{:?}", c.commitments.a);
    assert!(c.commitments.b.is_empty());
}

#[test]
fn a_reworded_sentence_is_similar() {
    let b = A.replace(
        "持续深化放管服改革，优化营商环境，激发市场主体活力。",
        "持续深化放管服改革，全面优化营商环境，激发市场主体活力。",
    );
    let c = compare(
        &report("a", A),
        &report("b", &b),
        &CompareOptions::default(),
    );
    assert_eq!(c.summary.counts.similar, 1);
    assert_eq!(c.summary.counts.a_only + c.summary.counts.b_only, 0);
}

#[test]
fn unrelated_sentences_stay_one_sided() {
    let b = A.replace(
        "持续深化放管服改革，优化营商环境，激发市场主体活力。",
        "大力发展冰雪旅游，办好冬季那达慕。",
    );
    let c = compare(
        &report("a", A),
        &report("b", &b),
        &CompareOptions::default(),
    );
    assert_eq!((c.summary.counts.a_only, c.summary.counts.b_only), (1, 1));
    let sp = &c.sections[2];
    let kinds: Vec<ItemKind> = sp.items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ItemKind::Equal,
            ItemKind::Equal,
            ItemKind::AOnly,
            ItemKind::BOnly
        ]
    );
    assert_eq!(sp.counts.a_only, 1);
    assert!(sp.a_reuse.is_some_and(|r| r < 1.0));
}

#[test]
fn a_section_without_counterpart_stands_alone() {
    let b = format!("{A}\n# 名词解释\n1.放管服：简政放权、放管结合、优化服务。");
    let c = compare(
        &report("a", A),
        &report("b", &b),
        &CompareOptions::default(),
    );
    let last = c.sections.last();
    assert_eq!(
        last.map(|s| (s.a_heading.is_none(), s.aligned_by)),
        Some((true, AlignedBy::Unmatched))
    );
    assert_eq!(c.summary.counts.b_only, 1);
}

#[test]
fn output_is_deterministic() {
    let b = A.replace("6%", "5%").replace("120个", "90个");
    let (ra, rb) = (report("a", A), report("b", &b));
    let once = serde_json::to_string(&compare(&ra, &rb, &CompareOptions::default()));
    let twice = serde_json::to_string(&compare(&ra, &rb, &CompareOptions::default()));
    assert_eq!(once.ok(), twice.ok());
}

#[test]
fn json_has_the_documented_shape() {
    let c = compare(&report("a", A), &report("b", A), &CompareOptions::default());
    let v = serde_json::to_value(&c).unwrap_or_default();
    for path in [
        "/a/path",
        "/a/chars",
        "/a/sentences",
        "/a/encoding",
        "/a/title",
        "/options/min_match",
        "/summary/a_reuse",
        "/summary/b_template_reuse",
        "/summary/counts/equal",
        "/summary/counts/moved",
        "/summary/counts/a_only",
        "/sections/0/a_heading",
        "/sections/0/b_reuse",
        "/sections/1/items/0/kind",
        "/sections/1/items/0/moved",
        "/sections/1/items/0/a/text",
        "/sections/1/items/0/a/original",
        "/sections/1/items/0/b/coverage",
        "/commitments/a",
        "/commitments/b",
    ] {
        assert!(v.pointer(path).is_some(), "missing {path}");
    }
    assert_eq!(
        v.pointer("/sections/1/items/0/kind")
            .and_then(|k| k.as_str()),
        Some("equal")
    );
}

#[test]
fn empty_reports_compare_without_panic() {
    let e = report("e", "");
    let c = compare(&e, &report("a", A), &CompareOptions::default());
    assert_eq!(c.summary.a_reuse, 0.0);
    assert_eq!(c.summary.b_reuse, 0.0);
    assert!(compare(&e, &e, &CompareOptions::default()).identical_keys());
    let zero = CompareOptions {
        min_match: 0,
        ..CompareOptions::default()
    };
    assert_eq!(
        compare(&report("a", A), &report("a", A), &zero)
            .summary
            .a_reuse,
        1.0
    );
}
