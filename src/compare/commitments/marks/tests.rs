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

/// Every sentence of the UTF-8 samples, and edge cases: a word at either end, a word cut short,
/// suffixes back to back.
fn sentences() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut lines: Vec<String> = ["compilation-2024.txt", "shijiazhuang-2021.txt"]
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(dir.join(f)).expect("sample is readable");
            text.split(['\n', '。'])
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let edges = [
        "工程",
        "x工程",
        "建设工程",
        "工程工程项目",
        "年底",
        "年底前",
        "百分",
        "%",
    ];
    lines.extend(edges.iter().map(|e| e.to_string()));
    lines
}

/// The word tests as they were written with `str` searches, one word at a time: (figure
/// word, deadline word, name).
fn searched_word_by_word(text: &str) -> (bool, bool, bool) {
    let figure = FIGURE_WORDS.iter().any(|w| text.contains(w));
    let deadline = DEADLINES.iter().any(|w| text.contains(w));
    let title = text
        .find('《')
        .is_some_and(|open| text[open..].contains('》'));
    let suffix = PROGRAMMES.iter().any(|suffix| {
        text.match_indices(suffix).any(|(at, _)| {
            let before: Vec<char> = text[..at].chars().rev().take(2).collect();
            let [c1, c2] = before[..] else { return false };
            let is_han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
            let pair: String = [c2, c1].iter().collect();
            is_han(c1)
                && is_han(c2)
                && !"的等个批项类各些好大".contains(c1)
                && !GENERIC_BEFORE.contains(&pair.as_str())
        })
    });
    let mut quoted = false;
    for (open, close) in [('“', '”'), ('"', '"'), ('「', '」')] {
        let mut rest = text;
        while let Some(at) = rest.find(open) {
            let after = &rest[at + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            let inside = &after[..end];
            let following = &after[end + close.len_utf8()..];
            // The suffix right after the quote ("乐购沈阳"行动), not anywhere after it.
            let programme = |t: &str| PROGRAMMES.iter().any(|p| t.starts_with(p));
            if (2..=15).contains(&inside.chars().count())
                && (PROGRAMMES.iter().any(|p| inside.ends_with(p)) || programme(following))
            {
                quoted = true;
            }
            rest = following;
        }
    }
    (figure, deadline, title || suffix || quoted)
}

#[test]
fn one_pass_over_the_characters_finds_what_a_search_word_by_word_finds() {
    let texts = sentences();
    assert!(texts.len() > 1000);
    let mut named = 0;
    for text in &texts {
        let marks = concrete_marks(text);
        let has = |mark| marks.contains(&mark);
        let name = has(CommitmentMark::Named);
        let at_once = (
            has(CommitmentMark::Figure),
            has(CommitmentMark::Deadline),
            name,
        );
        let (figure_word, deadline, named_word) = searched_word_by_word(text);
        // A figure word implies a figure; digits make one too, which the words do not see.
        assert!(!figure_word || at_once.0, "{text}");
        assert_eq!((at_once.1, at_once.2), (deadline, named_word), "{text}");
        named += usize::from(name);
    }
    assert!(named > 100, "{named}");
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
        vec![(CommitmentMark::Deadline, "月底前完成".to_string())],
        "overlapping deadline words are one mark"
    );
    assert!(spans("2025年前建成")
        .iter()
        .any(|(m, t)| *m == CommitmentMark::Deadline && t.starts_with("2025年前")));
}
