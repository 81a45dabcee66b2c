//! The page as a reader and a browser see it: all text present, in its place, marked with
//! its kind; links that land; nothing fetched; nothing from a report able to run.

use std::collections::HashSet;

use super::testkit::*;
use super::{render, SCRIPT, SCRIPT_HASH, STYLE, STYLE_HASH};
use crate::comparison::*;

/// The text between the first `open` and the following `close`.
fn between<'a>(page: &'a str, open: &str, close: &str) -> &'a str {
    let start = page
        .find(open)
        .map(|i| i + open.len())
        .unwrap_or(page.len());
    let rest = page.get(start..).unwrap_or("");
    rest.find(close)
        .and_then(|end| rest.get(..end))
        .unwrap_or("")
}

/// The markup of row `sN-iM`, up to its closing `</div>`.
fn row(page: &str, section: usize, item: usize) -> &str {
    between(page, &format!("id=\"s{section}-i{item}\""), "</div>")
}

/// Text content: tags removed (our attributes never hold a raw `>`).
fn strip_tags(markup: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Values of `name="…"` attributes in the page.
fn attr_values<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    page.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = page.get(i + needle.len()..)?;
            rest.find('"').and_then(|end| rest.get(..end))
        })
        .collect()
}

#[test]
fn every_section_heading_appears_in_its_section() {
    let cmp = sample();
    let page = render(&cmp);
    for (n, pair) in cmp.sections.iter().enumerate() {
        let head = between(&page, &format!("id=\"s{n}\" data-section=\"{n}\""), "</h2>");
        assert!(!head.is_empty(), "section {n} missing");
        for heading in [&pair.a_heading, &pair.b_heading].into_iter().flatten() {
            assert!(
                head.contains(heading.as_str()),
                "{heading} not in section {n}"
            );
        }
    }
}

#[test]
fn every_item_text_appears_once_per_place() {
    let cmp = sample();
    let page = render(&cmp);
    let reading = strip_tags(between(&page, "<main", "</main>"));
    let mut expected: Vec<&str> = Vec::new();
    for (s, pair) in cmp.sections.iter().enumerate() {
        for (i, item) in pair.items.iter().enumerate() {
            let shown = strip_tags(row(&page, s, i));
            for (side, here) in [(&item.a, Here::A), (&item.b, Here::B)] {
                let Some(side) = side else { continue };
                if item.moved && item.here != here {
                    assert!(
                        !shown.contains(&side.text),
                        "moved end shown twice: {}",
                        side.text
                    );
                    continue;
                }
                assert!(
                    shown.contains(&side.text),
                    "{} not in row s{s}-i{i}",
                    side.text
                );
                expected.push(&side.text);
            }
        }
    }
    for text in &expected {
        let places = expected.iter().filter(|t| *t == text).count();
        assert_eq!(reading.matches(text).count(), places, "{text}");
    }
}

#[test]
fn own_text_rows_carry_their_kind_and_glyph() {
    let page = render(&sample());
    let a = row(&page, 1, 7);
    assert!(a.contains("data-kind=\"a_only\""), "{a}");
    assert!(a.contains(">−</abbr>"), "{a}");
    assert!(a.contains("class=\"a\""), "{a}");
    assert!(!a.contains("class=\"b"), "{a}");
    let b = row(&page, 1, 8);
    assert!(b.contains("data-kind=\"b_only\""), "{b}");
    assert!(b.contains(">+</abbr>"), "{b}");
    assert!(!b.contains("class=\"a"), "{b}");
}

#[test]
fn diff_spans_are_highlighted_on_their_side() {
    let page = render(&sample());
    let template = row(&page, 1, 5);
    assert!(template.contains("data-kind=\"template\""));
    assert!(template.contains("增长<del>5.2</del>%。"), "{template}");
    assert!(template.contains("增长<ins>6.1</ins>%。"), "{template}");
    let similar = row(&page, 1, 6);
    assert!(similar.contains("<del>稳步</del>"), "{similar}");
    assert!(similar.contains("<ins>较快</ins>"), "{similar}");
    assert!(!similar.contains("<ins>稳步"), "{similar}");
}

#[test]
fn spans_that_do_not_spell_the_text_are_not_used() {
    let mut cmp = sample();
    if let Some(item) = cmp.sections.get_mut(1).and_then(|p| p.items.get_mut(5)) {
        item.diff = Some(vec![DiffSpan {
            op: DiffSide::A,
            text: "别的文字".to_string(),
        }]);
    }
    let page = render(&cmp);
    let template = row(&page, 1, 5);
    assert!(!template.contains("别的文字"));
    assert!(template.contains("地区生产总值增长5.2%。"), "{template}");
}

#[test]
fn every_link_lands_on_an_element_of_the_page() {
    let cmp = sample();
    let page = render(&cmp);
    let ids: HashSet<&str> = attr_values(&page, "id").into_iter().collect();
    assert_eq!(ids.len(), attr_values(&page, "id").len(), "duplicate ids");
    let hrefs = attr_values(&page, "href");
    assert!(hrefs.len() > 10);
    for href in hrefs {
        match href.strip_prefix('#') {
            Some(target) => assert!(ids.contains(target), "dangling {href}"),
            None => assert_eq!(href, "data:,", "not a local link"),
        }
    }
    for c in cmp.commitments.a.iter().chain(&cmp.commitments.b) {
        let link = {
            let at = c.item.expect("listed");
            format!("href=\"#s{}-i{}\" data-item", at.section, at.item)
        };
        assert!(page.contains(&link), "{link}");
    }
}

#[test]
fn references_outside_the_model_are_not_linked() {
    let mut cmp = sample();
    if let Some(c) = cmp.commitments.a.first_mut() {
        c.item = Some(at(40, 2));
    }
    if let Some(item) = cmp.sections.get_mut(1).and_then(|p| p.items.get_mut(9)) {
        item.twin = Some(at(3, 99));
    }
    let page = render(&cmp);
    assert!(!page.contains("#s40-i2"));
    assert!(!page.contains("#s3-i99"));
    assert!(page.contains("新建保障性住房三千套。</span>"));
    assert!(row(&page, 1, 9).contains("B has it elsewhere"));
}

#[test]
fn moved_ends_link_to_each_other() {
    let page = render(&sample());
    let a_end = row(&page, 1, 9);
    assert!(a_end.contains("data-here=\"a\""), "{a_end}");
    assert!(a_end.contains("href=\"#s3-i0\""), "{a_end}");
    assert!(a_end.contains("<del>，打好蓝天保卫战</del>"), "{a_end}");
    let b_end = row(&page, 3, 0);
    assert!(b_end.contains("data-here=\"b\""), "{b_end}");
    assert!(b_end.contains("href=\"#s1-i9\""), "{b_end}");
    assert!(b_end.contains("<ins>，持续改善空气质量</ins>"), "{b_end}");
}

#[test]
fn runs_of_equal_pairs_fold_and_short_runs_do_not() {
    let page = render(&sample());
    assert_eq!(page.matches("<details class=\"fold\"").count(), 1);
    let fold = between(&page, "<details class=\"fold\"", "</details>");
    assert!(fold.contains("data-count=\"4\""), "{fold}");
    for i in 0..4 {
        assert!(
            fold.contains(&format!("id=\"s1-i{i}\"")),
            "s1-i{i} not folded"
        );
    }
    assert!(!fold.contains("id=\"s1-i4\""));
}

#[test]
fn figures_hold_the_exact_values() {
    let cmp = sample();
    let page = render(&cmp);
    let value = |id: &str| -> f64 {
        between(&page, &format!("id=\"{id}\" data-value=\""), "\"")
            .parse()
            .unwrap_or(f64::NAN)
    };
    let s = &cmp.summary;
    assert_eq!(value("a-reuse"), s.a_reuse);
    assert_eq!(value("b-reuse"), s.b_reuse);
    assert_eq!(value("a-template-reuse"), s.a_template_reuse);
    assert_eq!(value("b-template-reuse"), s.b_template_reuse);
    assert_eq!(value("a-shared-chars"), s.a_shared_chars as f64);
    assert_eq!(value("count-a-only"), s.counts.a_only as f64);
    assert_eq!(value("count-moved"), s.counts.moved as f64);
    assert_eq!(value("b-chars"), cmp.b.chars as f64);
    assert!(!page.contains("id=\"identical\""));
}

#[test]
fn identical_reports_say_so() {
    let mut cmp = sample();
    cmp.summary.identical = true;
    assert!(render(&cmp).contains("id=\"identical\""));
}

#[test]
fn original_text_shows_where_normalization_changed_it() {
    let mut cmp = sample();
    if let Some(side) = cmp
        .sections
        .get_mut(1)
        .and_then(|p| p.items.get_mut(7))
        .and_then(|i| i.a.as_mut())
    {
        side.original = "新建保障性住房三千套．".to_string();
    }
    let page = render(&cmp);
    assert!(row(&page, 1, 7).contains("title=\"As written: 新建保障性住房三千套．\""));
    assert!(!row(&page, 1, 8).contains("title=\"As written"));
}

#[test]
fn nothing_is_fetched_from_anywhere() {
    let page = render(&sample());
    assert!(!page.contains("http://"));
    assert!(!page.contains("https://"));
    assert!(!page.contains("src="));
    assert!(!page.contains("url("));
    assert!(!page.contains("@import"));
    assert!(page.contains("default-src 'none'"));
}

#[test]
fn output_is_deterministic() {
    let cmp = sample();
    assert_eq!(render(&cmp), render(&cmp.clone()));
}

#[test]
fn policy_hashes_match_the_inlined_stylesheet_and_script() {
    let hash = super::testkit::csp_hash;
    assert_eq!(
        STYLE_HASH,
        hash(STYLE),
        "update STYLE_HASH after editing page.css"
    );
    assert_eq!(
        SCRIPT_HASH,
        hash(SCRIPT),
        "update SCRIPT_HASH after editing page.js"
    );
    let page = render(&sample());
    assert_eq!(between(&page, "<style>", "</style>"), STYLE);
    assert_eq!(between(&page, "<script>", "</script>"), SCRIPT);
    assert!(page.contains(&format!("'{STYLE_HASH}'")));
    assert!(page.contains(&format!("'{SCRIPT_HASH}'")));
}

#[test]
fn tags_are_balanced() {
    assert_balanced(&render(&sample()));
    assert_balanced(&render(&hostile()));
}

#[test]
fn an_empty_comparison_is_a_whole_page() {
    let mut cmp = Build::new(info("a.txt", None), info("b.txt", None)).done();
    cmp.summary.identical = true;
    let page = render(&cmp);
    assert_balanced(&page);
    assert!(page.contains("<main id=\"pairs\" lang=\"zh-Hans\"></main>"));
    assert_eq!(page.matches("None found.").count(), 2);
    assert!(page.contains("<title>a.txt ↔ b.txt · rdiff</title>"));
}

/// Every element opened is closed, in order (void elements and raw text aside).
fn assert_balanced(page: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        let after = rest.get(open + 1..).unwrap_or("");
        let end = after.find('>').expect("tag closes");
        let tag = after.get(..end).unwrap_or("");
        rest = after.get(end + 1..).unwrap_or("");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if tag.starts_with('!') || matches!(name.as_str(), "meta" | "link" | "input" | "br") {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "at </{name}>");
        } else if name == "style" || name == "script" {
            // Raw text: skip to the closing tag.
            let close = format!("</{name}>");
            let skip = rest.find(&close).expect("raw text closes");
            rest = rest.get(skip + close.len()..).unwrap_or("");
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

const HOSTILE: [&str; 3] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "&amp;\u{0}\u{1b}[31m\u{202E}",
];

/// `sample()` with hostile text in every field a report or a path can fill.
fn hostile() -> Comparison {
    let h = HOSTILE.concat();
    let mut cmp = sample();
    for info in [&mut cmp.a, &mut cmp.b] {
        info.title = Some(h.clone());
        info.title_original = Some(h.clone());
        info.path = h.clone();
        info.place = Some(h.clone());
        info.encoding = h.clone();
    }
    for pair in &mut cmp.sections {
        pair.a_heading = Some(h.clone());
        pair.b_heading = Some(h.clone());
        for item in &mut pair.items {
            for side in [&mut item.a, &mut item.b].into_iter().flatten() {
                side.text = format!("{h}{}", side.text);
                side.original = h.clone();
            }
            if let Some(spans) = &mut item.diff {
                spans.insert(
                    0,
                    DiffSpan {
                        op: DiffSide::Equal,
                        text: h.clone(),
                    },
                );
                spans.push(DiffSpan {
                    op: DiffSide::A,
                    text: h.clone(),
                });
            }
            if let (Some(a), Some(_)) = (&mut item.a, &item.diff) {
                a.text.push_str(&h);
            }
        }
    }
    for c in cmp.commitments.a.iter_mut().chain(&mut cmp.commitments.b) {
        c.text = h.clone();
        c.original = format!("{h}!");
        c.section = Some(h.clone());
        c.subsection = Some(h.clone());
    }
    cmp
}

#[test]
fn report_text_is_shown_as_text_never_run() {
    let page = render(&hostile());
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("<img"));
    assert_eq!(page.matches("<script>").count(), 1, "only our own script");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("&amp;amp;"));
    // A highlighted stretch is escaped like any other text.
    assert!(page.contains("<del>&lt;script&gt;alert(1)"));
    for c in ['\u{0}', '\u{1b}', '\u{202E}'] {
        assert!(!page.contains(c), "{c:?} left in the page");
    }
    let body = between(&page, "<body>", "<script>");
    assert!(!body.contains("onerror=alert(1)>"));
}

#[test]
fn hostile_text_keeps_the_page_well_formed() {
    let page = render(&hostile());
    let ids = attr_values(&page, "id");
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    for href in attr_values(&page, "href") {
        assert!(href.starts_with('#') || href == "data:,", "{href}");
    }
}

#[test]
fn section_attributes_use_the_json_names() {
    use crate::model::SectionKind;
    let mut cmp = sample();
    let bys = [
        AlignedBy::Heading,
        AlignedBy::Preamble,
        AlignedBy::Content,
        AlignedBy::Position,
        AlignedBy::Unmatched,
    ];
    let kinds = [
        SectionKind::Preamble,
        SectionKind::Body,
        SectionKind::Glossary,
        SectionKind::Appendix,
    ];
    for (n, (by, kind)) in bys.iter().zip(kinds.iter().cycle()).enumerate() {
        if let Some(pair) = cmp.sections.get_mut(n % 4) {
            pair.aligned_by = *by;
            pair.kind = *kind;
        }
        let page = render(&cmp);
        let json = |v: String| v.trim_matches('"').to_string();
        let by_name = json(serde_json::to_string(by).unwrap_or_default());
        let kind_name = json(serde_json::to_string(kind).unwrap_or_default());
        let expected = format!("data-kind=\"{kind_name}\" data-aligned-by=\"{by_name}\"");
        assert!(page.contains(&expected), "{expected}");
    }
}

#[test]
fn shared_stretches_and_phrases_are_marked() {
    use crate::comparison::{ItemRef, SharedPhrase};
    let mut cmp = crate::compare::compare(
        &crate::testing::report_from_outline(
            "a.txt",
            "# 一、工作\n我们坚持以习近平新时代中国特色社会主义思想为指导在城市东部建设三十座口袋公园和两条滨河绿道。",
        ),
        &crate::testing::report_from_outline(
            "b.txt",
            "# 一、工作\n他们坚持以习近平新时代中国特色社会主义思想为指导在全县范围修建乡村道路一百公里并改造桥梁。",
        ),
        &crate::comparison::CompareOptions::default(),
    );
    let page = super::render(&cmp);
    assert!(
        page.contains("<span class=\"sh\" title=\"shared with the other report\">们坚持以习近平新时代中国特色社会主义思想为指导在</span>"),
        "{page}"
    );
    assert!(
        page.contains("id=\"shared-phrases\" data-count=\"1\""),
        "{page}"
    );
    // A phrase pointing nowhere is listed without a dangling link.
    cmp.shared_phrases = vec![SharedPhrase {
        text: "<b>x</b>".into(),
        chars: 3,
        a_item: Some(ItemRef {
            section: 99,
            item: 0,
        }),
    }];
    let page = super::render(&cmp);
    assert!(page.contains("&lt;b&gt;x&lt;/b&gt;"));
    assert!(!page.contains("#s99-i0"));
}
