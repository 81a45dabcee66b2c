use super::*;

#[test]
fn figures_but_not_years_or_dates_or_list_numbers() {
    assert_eq!(
        concrete_marks("地区生产总值增长6%左右"),
        vec![CommitmentMark::Figure]
    );
    assert_eq!(concrete_marks("新建学校12所"), vec![CommitmentMark::Figure]);
    assert_eq!(
        concrete_marks("新增城镇就业三万人"),
        vec![CommitmentMark::Figure]
    );
    assert!(concrete_marks("2024年我们坚持稳中求进").is_empty());
    assert!(concrete_marks("1、坚持稳中求进").is_empty());
    assert!(concrete_marks("2018年是改革开放40周年").is_empty());
    assert!(concrete_marks("位列全国城市第5位").is_empty());
    assert_eq!(
        concrete_marks("第5年新建学校12所"),
        vec![CommitmentMark::Figure]
    );
}

#[test]
fn deadlines() {
    assert_eq!(
        concrete_marks("9月底前全部完工"),
        vec![CommitmentMark::Deadline]
    );
    assert_eq!(
        concrete_marks("年底前实现全覆盖"),
        vec![CommitmentMark::Deadline]
    );
    assert_eq!(
        concrete_marks("确保2025年前完成"),
        vec![CommitmentMark::Deadline]
    );
    assert!(concrete_marks("持续优化营商环境").is_empty());
}

#[test]
fn named_programmes_not_generic_ones() {
    assert_eq!(
        concrete_marks("全力推进城市更新行动"),
        vec![CommitmentMark::Named]
    );
    assert_eq!(
        concrete_marks("贯彻《条例》要求"),
        vec![CommitmentMark::Named]
    );
    assert_eq!(
        concrete_marks("抓好“菜篮子”工程"),
        vec![CommitmentMark::Named]
    );
    assert_eq!(
        concrete_marks("实施“乐购沈阳”行动"),
        vec![CommitmentMark::Named]
    );
    assert!(concrete_marks("深化“一网通办”改革").is_empty());
    assert!(concrete_marks("坚持以重大工程项目为支撑").is_empty());
    assert!(concrete_marks("加快推进重点项目建设").is_empty());
    assert!(concrete_marks("谋划实施一批重大工程").is_empty());
    assert!(concrete_marks("抓好招商项目落地").is_empty());
}

#[test]
fn generic_words_around_a_suffix_are_no_name() {
    for text in [
        "全力以赴攻坚项目建设。",
        "全力抓项目、拼经济。",
        "加强项目管理。",
        "全力以赴建强产业园区。",
    ] {
        assert!(
            !concrete_marks(text).contains(&CommitmentMark::Named),
            "{text}"
        );
    }
}

#[test]
fn places_and_bodies_a_plan_supports_are_names() {
    for text in [
        "支持盘锦高新区争创国家高新区。",
        "加快浑南科技城建设。",
        "推进金发生物基一体化、东科电解液溶剂等项目建设。",
    ] {
        assert!(
            concrete_marks(text).contains(&CommitmentMark::Named),
            "{text}"
        );
    }
}

#[test]
fn one_of_something_is_no_figure() {
    assert!(concrete_marks("“一户一案”做好菜单式扶贫").is_empty());
    assert_eq!(concrete_marks("新建学校两所"), vec![CommitmentMark::Figure]);
}

fn spans(text: &str) -> Vec<(CommitmentMark, String)> {
    let chars = chars_of(text);
    mark_spans(text)
        .iter()
        .map(|m| (m.mark, chars[m.start..m.end].iter().collect()))
        .collect()
}

#[test]
fn a_figure_with_its_unit() {
    assert_eq!(
        spans("改造老旧小区500个"),
        vec![(CommitmentMark::Figure, "500个".to_string())]
    );
    assert_eq!(spans("增长6%左右")[0].1, "6%");
}

#[test]
fn a_name_without_its_opening_verb() {
    assert_eq!(
        spans("深入实施城市更新行动"),
        vec![(CommitmentMark::Named, "城市更新行动".to_string())]
    );
    assert_eq!(
        spans("开展“乐购沈阳”行动"),
        vec![(CommitmentMark::Named, "“乐购沈阳”行动".to_string())]
    );
}

#[test]
fn deadlines_where_they_stand() {
    assert_eq!(
        spans("6月底前完成"),
        vec![(CommitmentMark::Deadline, "6月底前完成".to_string())],
        "overlapping deadline words are one mark"
    );
    assert!(spans("2025年前建成")
        .iter()
        .any(|(m, t)| *m == CommitmentMark::Deadline && t.starts_with("2025年前")));
}
