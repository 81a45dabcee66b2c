//! Reading the real samples: titles, sections, furniture and compilations as a person reading
//! the files would find them; and the same headings and text when a file's lines are re-broken.

use std::path::{Path, PathBuf};

use rdiff::model::{Document, DropReason, Genre, Report, Section, SectionKind};
use rdiff::normalize::Normalizer;
use rdiff::read::{self, ReadOptions};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn read_sample(name: &str) -> Document {
    read_with(name, ReadOptions::default())
}

fn read_with(name: &str, options: ReadOptions) -> Document {
    read::read_path(&sample(name), &options, &Normalizer::new()).expect("sample is readable")
}

/// The Hailar files are GBK; forced until encoding detection lands.
fn read_hailaer(year: u16) -> Document {
    let options = ReadOptions {
        encoding: Some(encoding_rs::GBK),
    };
    read_with(&format!("hailaer/hailaer-{year}.txt"), options)
}

fn only_report(doc: &Document) -> &Report {
    assert_eq!(doc.reports.len(), 1, "{}", doc.path);
    &doc.reports[0]
}

/// Numbering of the top-level body sections ("一、", "二、"…).
fn top_numbering(report: &Report) -> Vec<&str> {
    report
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Body)
        .map(|s| {
            s.heading
                .as_ref()
                .and_then(|h| h.numbering.as_deref())
                .unwrap_or("-")
        })
        .collect()
}

fn top_headings(report: &Report) -> Vec<&str> {
    report
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref().map(|h| h.text.text.as_str()))
        .collect()
}

fn dropped_with(report: &Report, reason: DropReason) -> Vec<&str> {
    report
        .dropped
        .iter()
        .filter(|d| d.reason == reason)
        .map(|d| d.text.as_str())
        .collect()
}

#[test]
fn compilation_holds_seven_reports_and_says_the_contents_list_promised_more() {
    let doc = read_sample("compilation-2024.txt");
    let places: Vec<_> = doc
        .reports
        .iter()
        .map(|r| r.place.as_deref().unwrap_or("?"))
        .collect();
    assert_eq!(
        places,
        [
            "济南市",
            "沈阳市",
            "福州市",
            "本溪市",
            "盘锦市",
            "商丘市",
            "内江市"
        ]
    );
    for report in &doc.reports {
        let title = report.title.as_ref().expect("every report has its title");
        assert_eq!(
            title.text,
            format!(
                "2024年{}政府工作报告",
                report.place.as_deref().unwrap_or("")
            )
        );
        assert!(!report.title_derived);
        assert_eq!(report.genre, Genre::Report);
        assert_eq!(
            top_numbering(report).first(),
            Some(&"一、"),
            "{}",
            title.text
        );
        assert_eq!(
            report.sections[0].kind,
            SectionKind::Preamble,
            "{}",
            title.text
        );
    }
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    let warning = &doc.warnings[0];
    assert!(
        warning.contains("names 23 reports but the file holds 7"),
        "{warning}"
    );
    for missing in ["三明市", "江阴市", "无锡市锡山区"] {
        assert!(warning.contains(missing), "{warning}");
    }
    assert!(!warning.contains("济南市"), "{warning}");
    let contents = dropped_with(&doc.reports[0], DropReason::ContentsList);
    assert_eq!(contents.len(), 27, "目录, three group labels, 23 entries");
}

#[test]
fn compilation_headings_keep_to_their_numbering() {
    let doc = read_sample("compilation-2024.txt");
    let jinan = &doc.reports[0];
    assert_eq!(top_numbering(jinan), ["一、", "二、", "三、"]);
    let plans = &jinan.sections[2];
    let numbers: Vec<_> = plans
        .children
        .iter()
        .map(|s| {
            s.heading
                .as_ref()
                .and_then(|h| h.numbering.clone())
                .unwrap_or_default()
        })
        .collect();
    let expected: Vec<String> = "一二三四五六七八九"
        .chars()
        .map(String::from)
        .chain(["十", "十一", "十二"].map(String::from))
        .map(|n| format!("({n})"))
        .collect();
    assert_eq!(numbers, expected);
    for report in &doc.reports {
        for heading in all_headings(&report.sections) {
            assert!(
                heading.chars().count() <= 70,
                "heading swallowed text: {heading}"
            );
        }
    }
}

fn all_headings(sections: &[Section]) -> Vec<String> {
    sections
        .iter()
        .flat_map(|s| {
            let own = s
                .heading
                .as_ref()
                .map(|h| format!("{} {}", s.level, h.text.text));
            own.into_iter().chain(all_headings(&s.children))
        })
        .collect()
}

#[test]
fn compilation_sentences_broken_at_page_breaks_are_rejoined() {
    let doc = read_sample("compilation-2024.txt");
    let jinan: String = doc.reports[0]
        .iter_sentences()
        .map(|s| s.text.text.as_str())
        .collect();
    assert!(jinan.contains("18件民生实事全部完成,财政民生支出1093.6亿元"));
    assert!(!jinan.contains("公众号"), "advertisements are dropped");
}

#[test]
fn congtai_one_line_traditional_report_has_inline_headings_and_a_glossary() {
    let doc = read_sample("congtai-2024-traditional.txt");
    let report = only_report(&doc);
    assert_eq!(report.genre, Genre::Report);
    assert_eq!(report.year, Some(2024));
    assert_eq!(top_numbering(report), ["一、", "二、", "三、"]);
    assert_eq!(report.sections[0].kind, SectionKind::Preamble);
    let glossary = report.sections.last().expect("sections");
    assert_eq!(glossary.kind, SectionKind::Glossary);
    assert!(
        glossary.children.is_empty(),
        "glossary entries are not sections"
    );
    assert!(glossary.sentence_count() >= 19, "19 entries at least");
    let plans = &report.sections[2];
    assert_eq!(plans.children.len(), 6, "(一) to (六)");
    assert_eq!(dropped_with(report, DropReason::Noise), ["|"]);
    assert_eq!(dropped_with(report, DropReason::Title).len(), 1);
}

#[test]
fn shijiazhuang_title_is_derived_from_its_meeting_line() {
    let doc = read_sample("shijiazhuang-2021.txt");
    let report = only_report(&doc);
    assert_eq!(report.sections[0].kind, SectionKind::Preamble);
    assert_eq!(top_numbering(report), ["一、", "二、", "三、", "四、"]);
    assert_eq!(
        report.title.as_ref().map(|t| t.text.as_str()),
        Some("2021年石家庄市政府工作报告")
    );
    assert!(report.title_derived);
    assert_eq!(
        (report.year, report.place.as_deref()),
        (Some(2021), Some("石家庄市"))
    );
    let chrome = dropped_with(report, DropReason::SiteChrome);
    assert!(
        chrome.iter().any(|t| t.starts_with("点击查阅更多")),
        "{chrome:?}"
    );
    assert_eq!(
        dropped_with(report, DropReason::Byline).len(),
        2,
        "meeting line and speaker"
    );
}

#[test]
fn langfang_excerpt_has_its_newspaper_headings_as_sections() {
    let doc = read_sample("langfang-2024-excerpt.txt");
    let report = only_report(&doc);
    assert_eq!(report.genre, Genre::Excerpt);
    assert_eq!(report.place.as_deref(), Some("廊坊市"));
    assert_eq!(
        top_headings(report),
        [
            "2023年 工作回顾",
            "2024年 经济社会发展总体要求和主要目标",
            "2024年 重点工作任务"
        ]
    );
    assert_eq!(report.sections[2].children.len(), 8, "(一) to (八)");
    assert_eq!(
        dropped_with(report, DropReason::SiteChrome).len(),
        2,
        "kicker and source line"
    );
}

#[test]
fn every_hailaer_year_has_its_title_and_parts() {
    for year in 2012..=2019u16 {
        let doc = read_hailaer(year);
        let report = only_report(&doc);
        let title = report.title.as_ref().expect("a title");
        assert!(
            title.text.starts_with(&format!("{year}年")),
            "{}",
            title.text
        );
        assert!(
            title.text.ends_with("海拉尔区政府工作报告"),
            "{}",
            title.text
        );
        assert_eq!(report.year, Some(year));
        let written = dropped_with(report, DropReason::Title);
        if year == 2017 {
            assert!(written.is_empty() && report.title_derived);
        } else {
            assert_eq!(written.len(), 1, "{year}");
            assert_eq!(
                written[0].split_whitespace().collect::<String>(),
                "政府工作报告"
            );
        }
        let numbering = top_numbering(report);
        let expected = ["一、", "二、", "三、"];
        assert!(numbering.len() >= 2, "{year}: {numbering:?}");
        assert_eq!(numbering, expected[..numbering.len()], "{year}");
        assert!(report.sections[1].children.len() <= 8, "{year}");
    }
}

#[test]
fn news_article_is_outlined_but_not_called_a_report() {
    let doc = read_sample("langfang-2020-news-article.txt");
    let report = only_report(&doc);
    assert_eq!(report.genre, Genre::Other);
    assert!(report.title.is_none());
    assert!(report
        .warnings
        .iter()
        .any(|w| w.contains("does not look like a government work report")));
    assert_eq!(dropped_with(report, DropReason::Caption).len(), 8);
    let chrome = dropped_with(report, DropReason::SiteChrome);
    assert!(
        chrome.iter().any(|t| t.starts_with("网站简介")),
        "{chrome:?}"
    );
    assert!(
        chrome.iter().any(|t| t.starts_with("您当前的位置")),
        "{chrome:?}"
    );
    assert_eq!(
        dropped_with(report, DropReason::Title),
        ["百城千县万村调研行丨河北廊坊:加速“腾飞”"]
    );
    let text: String = report
        .iter_sentences()
        .map(|s| s.text.text.as_str())
        .collect();
    assert!(!text.contains(" 摄") && !text.contains("责任编辑"));
}

/// A small deterministic generator (xorshift), so that the re-breaking is the same every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Break some lines in two at a random point inside a sentence, as a page break would: after
/// the line's first sentence (a heading on its own line is never broken), not beside a space,
/// a sentence stop or a number, and not between two Latin letters.
fn rebreak(text: &str, rng: &mut Rng) -> (String, usize) {
    let mut out = String::with_capacity(text.len() + 1024);
    let mut breaks = 0;
    for line in text.split_inclusive('\n') {
        let chars: Vec<char> = line.chars().collect();
        let first_stop = chars.iter().position(|c| "。！？；!?;".contains(*c));
        let ok = |i: usize| {
            let (a, b) = (chars[i - 1], chars[i]);
            let calm = |c: char| {
                !c.is_whitespace()
                    && !c.is_ascii_alphanumeric()
                    && !"。！？；!?;(（一二三四五六七八九十".contains(c)
            };
            calm(a) && calm(b)
        };
        match first_stop {
            Some(stop) if chars.len() > stop + 40 && rng.below(3) == 0 => {
                let candidates: Vec<usize> =
                    (stop + 2..chars.len() - 2).filter(|&i| ok(i)).collect();
                let at = candidates[rng.below(candidates.len())];
                out.extend(&chars[..at]);
                out.push('\n');
                out.extend(&chars[at..]);
                breaks += 1;
            }
            _ => out.push_str(line),
        }
    }
    (out, breaks)
}

/// Headings (level and text) and the concatenated sentence text of every report.
fn reading_of(doc: &Document) -> Vec<(Vec<String>, String)> {
    doc.reports
        .iter()
        .map(|r| {
            let text = r.iter_sentences().map(|s| s.text.text.as_str()).collect();
            (all_headings(&r.sections), text)
        })
        .collect()
}

#[test]
fn re_breaking_lines_changes_neither_headings_nor_text() {
    let normalizer = Normalizer::new();
    let files = [
        ("compilation-2024.txt", None),
        ("shijiazhuang-2021.txt", None),
        ("langfang-2024-excerpt.txt", None),
        ("hailaer/hailaer-2014.txt", Some(encoding_rs::GBK)),
        ("hailaer/hailaer-2018.txt", Some(encoding_rs::GBK)),
    ];
    for (seed, (name, encoding)) in files.into_iter().enumerate() {
        let options = ReadOptions { encoding };
        let bytes = std::fs::read(sample(name)).expect("sample");
        let original = read::read_bytes(name, &bytes, &options, &normalizer).expect("readable");
        let decoded = rdiff::decode::decode(&bytes, encoding)
            .expect("decodes")
            .text;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed as u64);
        let (rebroken, breaks) = rebreak(&decoded, &mut rng);
        assert!(breaks >= 5, "{name}: only {breaks} breaks made");
        let options = ReadOptions {
            encoding: Some(encoding_rs::UTF_8),
        };
        let reread =
            read::read_bytes(name, rebroken.as_bytes(), &options, &normalizer).expect("readable");
        let (before, after) = (reading_of(&original), reading_of(&reread));
        assert_eq!(before.len(), after.len(), "{name}: number of reports");
        for ((headings, text), (headings_after, text_after)) in before.iter().zip(&after) {
            assert_eq!(
                headings, headings_after,
                "{name} with {breaks} lines re-broken"
            );
            let same = text
                .chars()
                .zip(text_after.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let context: String = text
                .chars()
                .skip(same.saturating_sub(20))
                .take(60)
                .collect();
            assert!(
                text == text_after,
                "{name}: text differs after char {same}, near {context}"
            );
        }
    }
}

/// Prints what reading each sample involved (run with --nocapture to see it): lines joined,
/// headings found, lines dropped. Asserts only what holds by construction of the files.
#[test]
fn measurements() {
    let normalizer = Normalizer::new();
    let mut names: Vec<(String, Option<&'static encoding_rs::Encoding>)> = [
        "compilation-2024.txt",
        "congtai-2024-traditional.txt",
        "shijiazhuang-2021.txt",
        "langfang-2024-excerpt.txt",
        "langfang-2020-news-article.txt",
    ]
    .iter()
    .map(|n| (n.to_string(), None))
    .collect();
    names.extend(
        (2012..=2019).map(|y| (format!("hailaer/hailaer-{y}.txt"), Some(encoding_rs::GBK))),
    );
    for (name, encoding) in names {
        let bytes = std::fs::read(sample(&name)).expect("sample");
        let decoded = rdiff::decode::decode(&bytes, encoding).expect("decodes");
        let (doc, stats) = rdiff::structure::read_document_with_stats(&name, &decoded, &normalizer);
        let joined: usize = stats.iter().map(|s| s.lines_joined).sum();
        let rejoined_headings: usize = stats.iter().map(|s| s.headings_rejoined).sum();
        let headings: usize = doc
            .reports
            .iter()
            .map(|r| all_headings(&r.sections).len())
            .sum();
        let dropped: usize = doc.reports.iter().map(|r| r.dropped.len()).sum();
        let sentences: usize = doc.reports.iter().map(Report::sentence_count).sum();
        eprintln!(
            "{name}: {} report(s), {joined} lines joined ({rejoined_headings} headings), {headings} headings, {dropped} lines dropped, {sentences} sentences",
            doc.reports.len()
        );
        assert_eq!(stats.len(), doc.reports.len());
    }
}
