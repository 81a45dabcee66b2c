use super::*;
use crate::testing::chars;

fn hk(s: &str) -> String {
    heading_key(s, None, &["海拉尔区", "石家庄市"])
        .into_iter()
        .collect()
}

#[test]
fn numbering_years_and_places_are_stripped() {
    assert_eq!(hk("一、2023年工作回顾"), "工作回顾");
    assert_eq!(hk("(二)2024年主要目标"), "主要目标");
    assert_eq!(hk("第三部分 海拉尔区今年工作安排"), "工作安排");
    assert_eq!(hk("1. 石家庄全市经济"), "全经济");
    assert_eq!(hk("三、全区2019年度重点工作"), "全重点工作");
}

#[test]
fn words_that_start_with_a_numeral_are_kept() {
    assert_eq!(hk("一流营商环境"), "一流营商环境");
    assert_eq!(hk("十四五规划"), "十四五规划");
    assert_eq!(hk("第一时间"), "第一时间");
}

#[test]
fn given_numbering_is_stripped_first() {
    let k: String = heading_key("其一 加强建设", Some("其一"), &[])
        .into_iter()
        .collect();
    assert_eq!(k, "加强建设");
}

#[test]
fn dice_of_bigrams() {
    assert_eq!(bigram_dice(&chars("工作回顾"), &chars("工作回顾")), 1.0);
    assert!((bigram_dice(&chars("工作回顾"), &chars("过去一年工作回顾")) - 0.6).abs() < 1e-9);
    assert_eq!(bigram_dice(&chars("甲乙"), &chars("丙丁")), 0.0);
}

#[test]
fn merge_order_places_unpaired_b_after_its_predecessor() {
    // A: 0 1 2; B: 0 1 2 3; pairs 0-1, 2-3.
    let order = merge_order(3, 4, &[(0, 1), (2, 3)]);
    assert_eq!(
        order,
        vec![
            (None, Some(0)),
            (Some(0), Some(1)),
            (Some(1), None),
            (None, Some(2)),
            (Some(2), Some(3)),
        ]
    );
}

#[test]
fn merge_order_lists_crossed_pairs_once() {
    let order = merge_order(2, 2, &[(0, 1), (1, 0)]);
    assert_eq!(order, vec![(Some(0), Some(1)), (Some(1), Some(0))]);
}

fn sketch<'k>(kind: SectionKind, heading: Option<&str>, key: &'k [char]) -> SectionSketch<'k> {
    SectionSketch {
        kind,
        heading_key: heading.map(|h| heading_key(h, None, &[])),
        key,
    }
}

#[test]
fn sections_pair_by_heading_then_content_then_position() {
    let body_a1 = chars("今年全力推进高质量发展建设现代化产业体系加快培育新质生产力");
    let body_b1 = chars("今年全力推进高质量发展建设现代化产业体系加快培育新质生产力");
    let x = chars("完全不同的第一段文字内容在这里写着");
    let y = chars("另外一段毫无关系的句子也放在这里面");
    let empty: Vec<char> = Vec::new();
    let a = vec![
        sketch(SectionKind::Preamble, None, &empty),
        sketch(SectionKind::Body, Some("一、2023年工作回顾"), &x),
        sketch(SectionKind::Body, Some("二、总体要求"), &body_a1),
        sketch(SectionKind::Body, Some("三、甲乙丙丁"), &x),
        sketch(SectionKind::Glossary, Some("名词解释"), &x),
    ];
    let b = vec![
        sketch(SectionKind::Preamble, None, &empty),
        sketch(SectionKind::Body, Some("一、工作回顾"), &y),
        sketch(SectionKind::Body, Some("二、戊己庚辛"), &y),
        sketch(SectionKind::Body, Some("三、发展思路"), &body_b1),
        sketch(SectionKind::Glossary, Some("注释"), &y),
    ];
    let pairs = align_sections(&a, &b, 4);
    let find = |i: usize| pairs.iter().find(|p| p.a == Some(i)).copied();
    assert_eq!(
        find(0).map(|p| (p.b, p.by)),
        Some((Some(0), AlignedBy::Preamble))
    );
    assert_eq!(
        find(1).map(|p| (p.b, p.by)),
        Some((Some(1), AlignedBy::Heading))
    );
    assert_eq!(
        find(2).map(|p| (p.b, p.by)),
        Some((Some(3), AlignedBy::Content))
    );
    assert_eq!(
        find(4).map(|p| (p.b, p.by)),
        Some((Some(4), AlignedBy::Content))
    );
    // A3 and B2 are not between the same pairs (2-3 crosses nothing, so A3 lies after it and
    // B2 before it): they stay unmatched.
    assert_eq!(
        find(3).map(|p| (p.b, p.by)),
        Some((None, AlignedBy::Unmatched))
    );
    assert!(pairs.iter().any(|p| p.a.is_none() && p.b == Some(2)));
    assert_eq!(pairs.len(), 6);
}

#[test]
fn leftover_sections_between_the_same_pairs_pair_by_position() {
    // One shared run of 4 ("在这里写") in long texts: weak evidence, too little for content
    // pairing ([`CONTENT_CLOSE`]), enough for pairing by position.
    let x = chars("完全不同的第一段文字内容在这里写着春夏秋冬东南西北金木水火土甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥");
    let y = chars("另外一段毫无关系的句子也放在这里写天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨");
    let a = vec![
        sketch(SectionKind::Body, Some("一、工作回顾"), &x),
        sketch(SectionKind::Body, Some("二、甲乙丙丁"), &x),
        sketch(SectionKind::Body, Some("三、政府建设"), &x),
    ];
    let b = vec![
        sketch(SectionKind::Body, Some("一、工作回顾"), &y),
        sketch(SectionKind::Body, Some("二、戊己庚辛"), &y),
        sketch(SectionKind::Body, Some("三、政府建设"), &y),
    ];
    let pairs = align_sections(&a, &b, 4);
    assert_eq!(pairs.len(), 3);
    assert_eq!(pairs[1].by, AlignedBy::Position);
    assert_eq!((pairs[1].a, pairs[1].b), (Some(1), Some(1)));
}

#[test]
fn different_kinds_never_pair() {
    let x = chars("同样的内容同样的内容同样的内容");
    let a = vec![sketch(SectionKind::Body, Some("名词解释"), &x)];
    let b = vec![sketch(SectionKind::Glossary, Some("名词解释"), &x)];
    let pairs = align_sections(&a, &b, 4);
    assert_eq!(pairs.len(), 2);
    assert!(pairs.iter().all(|p| p.by == AlignedBy::Unmatched));
}

#[test]
fn content_affinity_counts_both_directions() {
    let a = chars("abcdefgh");
    let b = chars("xxabcdyy");
    let m = content_affinity(&[&a], &[&b], 4);
    // A windows: 5, one found (abcd); B windows: 5, one found.
    assert!((m[0][0] - 0.2).abs() < 1e-9);
}

#[test]
fn a_heading_inside_another_is_close() {
    let k = |s: &str| heading_key(s, None, &[]);
    let x = k("一、“十三五”时期发展成就和2020年工作回顾");
    let y = k("2023年 工作回顾");
    assert!(bigram_dice(&x, &y) < HEADING_CLOSE);
    assert_eq!(heading_closeness(&x, &y), HEADING_CLOSE);
    assert_eq!(
        heading_closeness(&k("工作"), &k("重点工作")),
        bigram_dice(&k("工作"), &k("重点工作"))
    );
}

#[test]
fn leftover_sections_with_nothing_in_common_stay_unmatched() {
    let x = chars("完全不同的第一段文字内容在这里写着");
    let y = chars("另外一段毫无关系的句子也放在这里面");
    let a = vec![
        sketch(SectionKind::Body, Some("一、工作回顾"), &x),
        sketch(SectionKind::Body, Some("二、甲乙丙丁"), &x),
    ];
    let b = vec![
        sketch(SectionKind::Body, Some("一、工作回顾"), &y),
        sketch(SectionKind::Body, Some("二、戊己庚辛"), &y),
    ];
    let pairs = align_sections(&a, &b, 4);
    assert_eq!(pairs.len(), 3, "{pairs:?}");
    assert!(pairs[1..].iter().all(|p| p.by == AlignedBy::Unmatched));
}

#[test]
fn a_glossary_on_one_side_does_not_block_pairing_by_position() {
    let x = chars("完全不同的第一段文字内容在这里写着春夏秋冬东南西北金木水火土甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥");
    let y = chars("另外一段毫无关系的句子也放在这里写天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨");
    let a = vec![
        sketch(SectionKind::Preamble, None, &x),
        sketch(SectionKind::Body, Some("一、甲乙丙丁"), &x),
        sketch(SectionKind::Glossary, Some("名词解释"), &x),
    ];
    let b = vec![sketch(SectionKind::Body, Some("一、戊己庚辛"), &y)];
    let pairs = align_sections(&a, &b, 4);
    let body = pairs.iter().find(|p| p.a == Some(1)).copied();
    assert_eq!(
        body.map(|p| (p.b, p.by)),
        Some((Some(0), AlignedBy::Position))
    );
}

#[test]
fn replacing_characters_is_str_replace() {
    let cases = [
        ("aaa", "aa", "b"),
        ("全市区全市", "全市", "全"),
        ("今年今年年", "今年", ""),
        ("abc", "abcd", ""),
        ("", "ab", "x"),
        ("xabyab", "ab", "abab"),
    ];
    for (text, from, to) in cases {
        let mut key = chars(text);
        replace_chars(&mut key, &chars(from), &chars(to));
        assert_eq!(key.iter().collect::<String>(), text.replace(from, to));
    }
}

#[test]
fn headings_strip_in_order() {
    // 全区 becomes 全 only after 全市 has been looked for: the order of the replacements shows.
    assert_eq!(hk("全区市建设"), "全市建设");
    assert_eq!(hk("海拉尔今年全区工作"), "全工作");
}
