use super::*;
use crate::corpus::index::shared_runs;
use crate::testing::report_from_outline;

fn entries(outlines: &[&str]) -> Vec<Entry> {
    outlines
        .iter()
        .enumerate()
        .map(|(i, o)| Entry::new(&report_from_outline("t", o), format!("r{i}"), None))
        .collect()
}

fn rank(entries: &[Entry], n: usize, limit: usize) -> Vec<Phrase> {
    let keys: Vec<&[char]> = entries.iter().map(|e| e.key.as_slice()).collect();
    rank_phrases(entries, &shared_runs(&keys, n), limit)
}

const P: &str = "坚持以人民为中心的发展思想";

#[test]
fn a_phrase_in_every_report_comes_first_with_its_places() {
    let e = entries(&[
        &format!("# 一、回顾\n甲乙丙丁。{P}。"),
        &format!("# 一、总体要求\n{P}，戊己庚辛。"),
        &format!("子丑寅卯。{P}。"),
    ]);
    let phrases = rank(&e, 6, 5);
    let first = &phrases[0];
    assert_eq!(first.text, P);
    assert_eq!(first.report_count, 3);
    assert_eq!(first.reports, vec!["r0", "r1", "r2"]);
    assert_eq!(first.places[1].section.as_deref(), Some("一、总体要求"));
    assert_eq!(first.places[2].section, None);
}

#[test]
fn halves_found_apart_do_not_count_as_the_whole() {
    // r2 holds every 6-window of the long phrase, but never the whole of it.
    let long = "全面贯彻习近平新时代中国特色社会主义思想和党的二十大精神";
    let e = entries(&[
        &format!("{long}。甲乙丙丁。"),
        &format!("戊己庚辛。{long}。"),
        "全面贯彻习近平新时代中国特色社会主义思想。子丑寅卯。习近平新时代中国特色社会主义思想和党的二十大精神。",
    ]);
    let phrases = rank(&e, 6, 10);
    // The shared middle is found in all three, and the whole is its variant, in two.
    let middle = phrases
        .iter()
        .find(|p| p.report_count == 3 && p.text.contains("习近平新时代中国特色社会主义思想"))
        .expect("the middle is listed");
    assert!(middle
        .variants
        .iter()
        .any(|v| v.text == long && v.report_count == 2));
    assert!(phrases.iter().all(|p| p.text != long), "not listed twice");
}

#[test]
fn phrases_extend_to_the_longest_span_their_reports_share() {
    let e = entries(&["甲乙丙丁戊己庚辛壬癸子丑。", "甲乙丙丁戊己庚辛壬癸子丑。"]);
    let phrases = rank(&e, 4, 5);
    assert_eq!(phrases.len(), 1);
    assert_eq!(phrases[0].chars, 12);
}

#[test]
fn no_shared_text_no_phrase() {
    let e = entries(&["甲乙丙丁戊己。", "子丑寅卯辰巳。"]);
    assert!(rank(&e, 3, 5).is_empty());
    assert!(rank(&e, 3, 0).is_empty());
}

#[test]
fn a_phrase_inside_a_longer_one_with_the_same_reports_is_left_out() {
    // 学习贯彻…思想 stands alone and inside 学习贯彻…思想主题教育, in the same two reports.
    let short = "学习贯彻习近平新时代中国特色社会主义思想";
    // r2 holds every window of the short phrase, never the whole: the short one is queued
    // first (three reports at most) and verified to two.
    let e = entries(&[
        &format!("{short}主题教育。甲乙丙。{short}。"),
        &format!("丁戊己。{short}。庚辛。{short}主题教育。"),
        "学习贯彻习近平新时代中国特色。子丑。新时代中国特色社会主义思想。",
    ]);
    let phrases = rank(&e, 6, 10);
    // One family: what all three hold first, the two's longer form its variant, the shorter
    // form held by the same two left out.
    assert!(phrases.iter().all(|p| p.report_count == 3), "{phrases:?}");
    let variants: Vec<(&str, usize)> = phrases
        .iter()
        .flat_map(|p| &p.variants)
        .map(|v| (v.text.as_str(), v.report_count))
        .collect();
    assert!(
        variants.contains(&(&format!("{short}主题教育"), 2)),
        "{variants:?}"
    );
    assert!(!variants.iter().any(|v| v.0 == short), "{variants:?}");
}

#[test]
fn nested_variants_of_one_phrase_take_one_line() {
    let core = "团结在以习近平同志为核心的党中央周围";
    let e = entries(&[
        &format!("甲乙。让我们更加紧密地{core}。"),
        &format!("丙丁。让我们更加紧密地{core}。"),
        &format!("戊己。更加紧密地{core}。"),
        &format!("庚辛。{core}。"),
        "子丑寅卯辰巳午未申酉。",
        "子丑寅卯辰巳午未申酉。",
    ]);
    let phrases = rank(&e, 6, 10);
    let lines: Vec<(&str, usize)> = phrases
        .iter()
        .map(|p| (p.text.as_str(), p.report_count))
        .collect();
    assert_eq!(lines, vec![(core, 4), ("子丑寅卯辰巳午未申酉", 2)]);
    let variants: Vec<(&str, usize)> = phrases[0]
        .variants
        .iter()
        .map(|v| (v.text.as_str(), v.report_count))
        .collect();
    assert_eq!(
        variants,
        vec![
            (format!("更加紧密地{core}").as_str(), 3),
            (format!("让我们更加紧密地{core}").as_str(), 2)
        ]
    );
}
