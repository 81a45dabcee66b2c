//! Whole-reader tests on small inline inputs: what a user sees of a report's structure.

use super::{read_document, read_document_with_stats, ReportStats};
use crate::decode;
use crate::model::{Document, DropReason, Genre, Report, Section, SectionKind};
use crate::normalize::Normalizer;

fn read(text: &str) -> Document {
    read_with_stats(text).0
}

/// Text as if decoded from UTF-8, bypassing the decoder's refusals (empty, binary), which
/// the reader must survive on its own.
fn decoded(text: &str, malformed: usize) -> decode::Decoded {
    decode::Decoded {
        text: text.to_string(),
        encoding: encoding_rs::UTF_8,
        malformed,
        detection: decode::Detection::Forced,
        nuls_removed: 0,
        mixed: None,
    }
}

fn read_with_stats(text: &str) -> (Document, Vec<ReportStats>) {
    read_document_with_stats("test.txt", &decoded(text, 0), &Normalizer::new())
}

/// "level heading" lines, indented by depth, for every section.
fn outline(sections: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sections {
        let name = s
            .heading
            .as_ref()
            .map_or("(preamble)", |h| h.text.text.as_str());
        out.push(format!("{} {}", s.level, name));
        out.extend(outline(&s.children).into_iter().map(|l| format!("  {l}")));
    }
    out
}

fn all_text(report: &Report) -> String {
    report
        .iter_sentences()
        .map(|s| s.text.text.as_str())
        .collect()
}

const REPORT: &str = "2024年济南市政府工作报告
——2024年1月10日在济南市第十八届人民代表大会第三次会议上
各位代表:
现在,我代表市人民政府向大会报告工作。
一、2023年工作回顾
刚刚过去的2023年,极不平凡。
(一)抓住用好重大战略机遇,省会发展势能加快集聚。深入实施黄河战略,成效显著。
(二)用情用力保障和改善民生,群众幸福指数加快提高。18件民生实事
全部完成,财政民生支出1093.6亿元。
二、2024年政府工作安排
重点抓好以下工作:
(一)大力深化项目建设,全面塑强省会发展引擎
2024年是项目深化年。一是抓谋划,二是抓落实。
(二)大力扩内需稳外需
1.5万亿元的投资拉动增长。
";

#[test]
fn a_report_is_read_into_its_head_and_section_tree() {
    let doc = read(REPORT);
    assert_eq!(doc.reports.len(), 1);
    let report = &doc.reports[0];
    assert_eq!(
        report.title.as_ref().map(|t| t.text.as_str()),
        Some("2024年济南市政府工作报告")
    );
    assert_eq!(
        (report.year, report.place.as_deref()),
        (Some(2024), Some("济南市"))
    );
    assert_eq!(report.genre, Genre::Report);
    assert_eq!(
        outline(&report.sections),
        vec![
            "1 (preamble)",
            "1 一、2023年工作回顾",
            "  2 (一)抓住用好重大战略机遇,省会发展势能加快集聚。",
            "  2 (二)用情用力保障和改善民生,群众幸福指数加快提高。",
            "1 二、2024年政府工作安排",
            "  2 (一)大力深化项目建设,全面塑强省会发展引擎",
            "  2 (二)大力扩内需稳外需",
        ]
    );
    let reasons: Vec<DropReason> = report.dropped.iter().map(|d| d.reason).collect();
    assert_eq!(reasons, vec![DropReason::Title, DropReason::Byline]);
}

#[test]
fn a_sentence_broken_at_a_page_break_is_rejoined() {
    let (doc, stats) = read_with_stats(REPORT);
    let text = all_text(&doc.reports[0]);
    assert!(
        text.contains("18件民生实事全部完成,财政民生支出1093.6亿元。"),
        "{text}"
    );
    assert_eq!(stats[0].lines_joined, 1);
}

#[test]
fn full_width_and_ascii_punctuation_read_alike() {
    let full_width: String = REPORT
        .chars()
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            c => c,
        })
        .collect();
    let ascii = read(REPORT);
    let wide = read(&full_width);
    assert_eq!(
        outline(&ascii.reports[0].sections),
        outline(&wide.reports[0].sections)
    );
    assert_eq!(all_text(&ascii.reports[0]), all_text(&wide.reports[0]));
    let first = &wide.reports[0].sections[1].children[0];
    let heading = first.heading.as_ref().unwrap();
    assert!(
        heading.text.original.starts_with("（一）"),
        "the original is kept as written"
    );
    assert_eq!(heading.numbering.as_deref(), Some("(一)"));
}

#[test]
fn a_wrapped_heading_is_rejoined_but_a_broken_first_line_is_not_taken_into_it() {
    let doc = read("一、回顾\n(一)大力加强生态环境保护,全面推动经济社会发展绿\n色转型\n坚定不移走生态优先道路。\n二、安排\n今年是中华人民共和国成立75周年,是实现规划目标任务的关\n键之年。\n");
    assert_eq!(
        outline(&doc.reports[0].sections),
        vec![
            "1 一、回顾",
            "  2 (一)大力加强生态环境保护,全面推动经济社会发展绿色转型",
            "1 二、安排",
        ]
    );
}

#[test]
fn implausible_numbers_are_text() {
    let doc = read("一、回顾\n(一)甲方面。甲文。\n(七)这一行跳了号,是正文。\n全省排名位居第\n一、全国前列。\n一是抓落实,二是抓成效。\n(二)乙方面。乙文。\n");
    assert_eq!(
        outline(&doc.reports[0].sections),
        vec!["1 一、回顾", "  2 (一)甲方面。", "  2 (二)乙方面。"]
    );
    let text = all_text(&doc.reports[0]);
    assert!(text.contains("位居第一、全国前列。"), "{text}");
    assert!(text.contains("(七)这一行跳了号"), "{text}");
}

#[test]
fn moved_sections_keep_their_headings_out_of_sequence() {
    let doc = read(
        "一、回顾\n正文。\n三、任务\n(一)甲\n正文。\n二、安排\n(一)乙\n正文。\n四、建设\n正文。\n",
    );
    assert_eq!(
        outline(&doc.reports[0].sections),
        vec![
            "1 一、回顾",
            "1 三、任务",
            "  2 (一)甲",
            "1 二、安排",
            "  2 (一)乙",
            "1 四、建设"
        ]
    );
}

#[test]
fn a_glossary_is_a_top_level_section_whose_entries_are_text() {
    let doc = read("一、回顾\n正文。\n二、安排\n正文。\n附件\n《政府工作报告》名詞解釋\n1.“二品一标”:指绿色食品。\n2.“双减”:指减轻负担。\n");
    let report = &doc.reports[0];
    assert_eq!(outline(&report.sections)[..2], ["1 一、回顾", "1 二、安排"]);
    let glossary = &report.sections[2];
    let heading = glossary.heading.as_ref().map(|h| h.text.original.as_str());
    assert_eq!(
        heading,
        Some("附件 《政府工作报告》名詞解釋"),
        "two heading lines, one heading"
    );
    assert_eq!(glossary.kind, SectionKind::Glossary);
    assert!(glossary.children.is_empty());
    assert_eq!(glossary.sentence_count(), 2);
}

#[test]
fn a_one_line_report_is_cut_at_its_inline_headings() {
    let body = "是全面贯彻党的二十大精神的开局之年,极具挑战、极不平凡。".repeat(12);
    let text = format!(
        "2024年邯郸市丛台区政府工作报告 2024年1月24日在丛台区第十一届 人民代表大会第四次会议上 各位代表: 现在,我代表区政府报告工作。 一、2023年工作回顾 2023年{body} 一年来,我们凝心铸魂。 一年来,我们招大引强。 一年来,我们创优环境。 二、2024年主要目标任务 具体做好以下工作: (一)聚焦项目引领,打造强大引擎。围绕产业。 (二)聚焦改革开放,积蓄强劲动能。始终坚持。\n附件 《政府工作报告》名词解释 1.全省项目库:指项目。 2.“双减”:指减负。\n|\n"
    );
    let doc = read(&text);
    let report = &doc.reports[0];
    assert_eq!(report.place.as_deref(), Some("邯郸市丛台区"));
    assert_eq!(
        outline(&report.sections),
        vec![
            "1 (preamble)",
            "1 一、2023年工作回顾",
            "1 二、2024年主要目标任务",
            "  2 (一)聚焦项目引领,打造强大引擎。",
            "  2 (二)聚焦改革开放,积蓄强劲动能。",
            "1 附件 《政府工作报告》名词解释",
        ]
    );
    assert_eq!(report.sections[3].kind, SectionKind::Glossary);
    assert!(report
        .dropped
        .iter()
        .any(|d| d.reason == DropReason::Noise && d.text == "|"));
}

#[test]
fn newspaper_headings_are_sections_only_without_numbered_ones() {
    let excerpt = "刘媛在廊坊市八届人大六次会议上的政府工作报告(摘登)\n\n2023年 工作回顾\n\n刚刚过去的一年,极不平凡。\n\n这一年,我们众志成城。\n\n2024年 重点工作任务\n\n今年重点抓好八方面工作。\n\n(一)着力弘扬抗洪精神。\n\n加快推进修缮加固重建。\n";
    let doc = read(excerpt);
    let report = &doc.reports[0];
    assert_eq!(report.genre, Genre::Excerpt);
    assert_eq!(
        outline(&report.sections),
        vec![
            "1 2023年 工作回顾",
            "1 2024年 重点工作任务",
            "  2 (一)着力弘扬抗洪精神。"
        ]
    );
    let numbered = excerpt.replace("2023年 工作回顾", "一、工作回顾");
    let doc = read(&numbered);
    assert_eq!(
        outline(&doc.reports[0].sections),
        vec!["1 一、工作回顾", "  2 (一)着力弘扬抗洪精神。"]
    );
}

#[test]
fn a_compilation_is_split_at_titles_followed_by_an_opening() {
    let text = "目 录\n1.2024年济南市政府工作报告 1\n2.2024年沈阳市政府工作报告 23\n3.2024年三明市政府工作报告 37\n\
        2024年济南市政府工作报告\n2024年1月10日在济南市第十八届人民代表大会第三次会议上\n各位代表:\n一、回顾\n正文。会议期间审议了\n2024年沈阳市政府工作报告\n等文件。\n\
        2024年沈阳市政府工作报告\n各位代表:\n一、回顾\n正文。\n";
    let doc = read(text);
    let titles: Vec<_> = doc
        .reports
        .iter()
        .map(|r| r.title.as_ref().unwrap().text.as_str())
        .collect();
    assert_eq!(
        titles,
        vec!["2024年济南市政府工作报告", "2024年沈阳市政府工作报告"]
    );
    assert_eq!(
        doc.warnings,
        vec!["the contents list names 3 reports but the file holds 2; missing: 三明市"]
    );
    let contents = doc.reports[0]
        .dropped
        .iter()
        .filter(|d| d.reason == DropReason::ContentsList);
    assert_eq!(contents.count(), 4);
    assert!(all_text(&doc.reports[0]).contains("审议了2024年沈阳市政府工作报告等文件。"));
}

#[test]
fn an_article_is_outlined_without_inventing_a_title() {
    let doc = read("您当前的位置 : 长城网 >> 廊坊新闻\n\n河北廊坊:加速“腾飞”\n\n长城网记者 祝雪娟\n\n一个个小游园升级改造。\n\n工人在生产线工作。陈童 摄\n\n贯彻新发展理念 构建现代产业体系\n\n近日,记者走进车间。\n\n责任编辑:姜薇\n");
    let report = &doc.reports[0];
    assert_eq!((report.genre, report.title.as_ref()), (Genre::Other, None));
    assert_eq!(
        report.warnings,
        vec!["does not look like a government work report"]
    );
    assert_eq!(
        outline(&report.sections),
        vec!["1 (preamble)", "1 贯彻新发展理念 构建现代产业体系"]
    );
    let reasons: Vec<DropReason> = report.dropped.iter().map(|d| d.reason).collect();
    assert_eq!(
        reasons,
        vec![
            DropReason::SiteChrome,
            DropReason::Title,
            DropReason::Byline,
            DropReason::Caption,
            DropReason::SiteChrome
        ]
    );
}

#[test]
fn undecodable_bytes_are_reported() {
    let decoded = decoded("\u{FFFD}\u{FFFD}一、回\n", 2);
    let doc = read_document("x.txt", &decoded, &Normalizer::new());
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(doc.warnings[0].starts_with("2 undecodable byte sequence"));
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        " ",
        "\n\n\n",
        "(",
        "第",
        "一、",
        "（一）",
        "附件",
        "目录\n1",
        "各位代表:",
        "🙂 \u{3000}\u{feff}",
        "\r\r\n\u{2028}x",
        "政 府 工 作 报 告\n——在会议上",
    ] {
        let _ = read(text);
    }
    let long = "甲".repeat(20_000) + " 乙" + &" 丙".repeat(2_000);
    assert_eq!(read(&long).reports.len(), 1);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Any mix of the characters the reader looks at (marks, stops, spaces, line ends, keywords)
    /// reads without panicking.
    #[test]
    fn any_text_reads_without_panic(
        text in "([一二三十、()（）。!?;:,，：\n\r \u{3000}\u{a0}第部分章0-9.%年摄|【】+A-Za-z甲乙]|政府工作报告|会议上|人民代表大会|各位代表|名词解释|附件|目录|更多资料|公众号){0,80}"
    ) {
        let doc = read_document("p.txt", &decoded(&text, 0), &Normalizer::new());
        proptest::prop_assert!(!doc.reports.is_empty());
    }
}

#[test]
fn a_heading_cut_by_a_page_break_goes_on_when_its_siblings_are_first_sentences() {
    let doc = read("一、回顾\n(一)产业发展步伐坚实,全年增长。正文。\n(二)项目建设提速\n增效,成效明显。正文。\n(三)创新动能有力释放。正文。\n");
    assert_eq!(
        outline(&doc.reports[0].sections),
        vec![
            "1 一、回顾",
            "  2 (一)产业发展步伐坚实,全年增长。",
            "  2 (二)项目建设提速增效,成效明显。",
            "  2 (三)创新动能有力释放。",
        ]
    );
}

#[test]
fn a_wrapped_meeting_line_is_still_the_meeting_line() {
    let doc = read("政府工作报告\n——2024年1月10日在济南市第十八届人民代表大会第三次会\n议上\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n");
    let report = &doc.reports[0];
    assert_eq!(
        report.title.as_ref().map(|t| t.text.as_str()),
        Some("2024年济南市政府工作报告")
    );
    assert!(report.title_derived);
    let bylines = report
        .dropped
        .iter()
        .filter(|d| d.reason == DropReason::Byline)
        .count();
    assert_eq!(bylines, 2, "both halves of the meeting line");
}

#[test]
fn a_date_line_under_the_title_is_a_byline() {
    let doc = read("2024年济南市政府工作报告\n(2024年1月10日)\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n");
    let report = &doc.reports[0];
    let bylines: Vec<_> = report
        .dropped
        .iter()
        .filter(|d| d.reason == DropReason::Byline)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(bylines, ["(2024年1月10日)"]);
    assert_eq!(report.sections[0].sentence_count(), 2);
}

#[test]
fn a_broken_first_body_line_is_not_a_headline() {
    let doc = read("河北廊坊:加速“腾飞”\n\n一个个小游园升级改造,一条条背街小巷干净整洁,一个个服务窗口高效\n文明,一条条道路秩序井然。\n\n今年以来,廊坊市将文明新风融入城市血脉。\n");
    let report = &doc.reports[0];
    let titles: Vec<_> = report
        .dropped
        .iter()
        .filter(|d| d.reason == DropReason::Title)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(titles, ["河北廊坊:加速“腾飞”"]);
    assert!(all_text(report).contains("服务窗口高效文明,一条条道路秩序井然。"));
}
