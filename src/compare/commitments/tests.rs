use super::*;

#[test]
fn headings_are_classified_by_their_words() {
    assert_eq!(
        classify_heading("二、2024年重点工作", None),
        Outlook::Forward
    );
    assert_eq!(classify_heading("(三)工作安排", None), Outlook::Forward);
    assert_eq!(classify_heading("主要目标", None), Outlook::Forward);
    assert_eq!(
        classify_heading("\"十四五\"时期的主要目标和任务", None),
        Outlook::Forward
    );
    assert_eq!(
        classify_heading("一、2023年工作回顾", None),
        Outlook::Backward
    );
    assert_eq!(
        classify_heading("过去五年的主要成就", None),
        Outlook::Backward
    );
    assert_eq!(classify_heading("(二)坚持创新驱动", None), Outlook::Unknown);
    assert_eq!(
        classify_heading("一、2023年工作回顾和2024年工作安排", None),
        Outlook::Unknown
    );
}

#[test]
fn years_decide_against_the_report_year() {
    assert_eq!(classify_heading("一、2024年", Some(2024)), Outlook::Forward);
    assert_eq!(
        classify_heading("一、2023年", Some(2024)),
        Outlook::Backward
    );
    assert_eq!(classify_heading("一、2023年", None), Outlook::Unknown);
}

#[test]
fn sentences_that_start_like_a_plan() {
    assert!(starts_like_plan("今年,我们将重点抓好以下工作", None));
    assert!(starts_like_plan("2024年,我们要全力以赴", Some(2024)));
    assert!(!starts_like_plan("2023年,我们要全力以赴", Some(2024)));
    assert!(!starts_like_plan("2024年,全市生产总值增长5%", None));
    assert!(!starts_like_plan("我们坚持稳中求进", None));
}

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
