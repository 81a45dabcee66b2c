//! What must hold of every comparison, every matrix and every printed page, whatever the
//! input: the checks the fuzz targets, the property tests and the random-corruption test share.
//!
//! Each function returns the broken invariants as sentences (empty when all hold), so that a
//! failing input says what is wrong rather than where a check panicked.

use std::collections::HashSet;

use crate::comparison::{Comparison, DiffSide, Here, Item, ItemKind, ItemRef, Side, Summary};
use crate::corpus::Analysis;
use crate::model::{Document, Section};

/// Broken invariants of a pair comparison.
pub fn comparison_problems(cmp: &Comparison) -> Vec<String> {
    let mut problems = Vec::new();
    summary_problems(cmp, &mut problems);
    for (si, section) in cmp.sections.iter().enumerate() {
        for (name, share) in [("a_reuse", section.a_reuse), ("b_reuse", section.b_reuse)] {
            if let Some(share) = share {
                check_share(&format!("sections[{si}].{name}"), share, &mut problems);
            }
        }
        for (ii, item) in section.items.iter().enumerate() {
            item_problems(
                cmp,
                &format!("sections[{si}].items[{ii}]"),
                item,
                &mut problems,
            );
        }
    }
    listing_problems(cmp, &mut problems);
    for (i, phrase) in cmp.shared_phrases.iter().enumerate() {
        // Shorter than min_match is fine: a shared run may cross into the next sentence.
        if phrase.chars == 0 || phrase.chars > phrase.text.chars().count() {
            problems.push(format!("shared_phrases[{i}] counts {} chars", phrase.chars));
        }
        check_ref(
            cmp,
            &format!("shared_phrases[{i}]"),
            phrase.a_item,
            &mut problems,
        );
    }
    for (side, list) in [("a", &cmp.commitments.a), ("b", &cmp.commitments.b)] {
        for (i, c) in list.iter().enumerate() {
            check_ref(
                cmp,
                &format!("commitments.{side}[{i}]"),
                c.item,
                &mut problems,
            );
        }
    }
    problems
}

/// Every sentence of each side is listed exactly once where it stands (a moved pair is listed
/// at both ends, each end standing on one side).
fn listing_problems(cmp: &Comparison, problems: &mut Vec<String>) {
    let mut listed = [vec![0usize; cmp.a.sentences], vec![0usize; cmp.b.sentences]];
    for item in cmp.sections.iter().flat_map(|s| &s.items) {
        let stands = [
            (0, &item.a, matches!(item.here, Here::Both | Here::A)),
            (1, &item.b, matches!(item.here, Here::Both | Here::B)),
        ];
        for (side, text, here) in stands {
            if let (Some(i), true) = (text.as_ref().and_then(|s| s.sentence), here) {
                if let Some(count) = listed[side].get_mut(i) {
                    *count += 1;
                }
            }
        }
    }
    for (name, counts) in ["a", "b"].iter().zip(&listed) {
        if let Some(i) = counts.iter().position(|&n| n != 1) {
            problems.push(format!("{name} sentence {i} is listed {} times", counts[i]));
        }
    }
}

fn summary_problems(cmp: &Comparison, problems: &mut Vec<String>) {
    let s: &Summary = &cmp.summary;
    for (name, share) in [
        ("a_reuse", s.a_reuse),
        ("b_reuse", s.b_reuse),
        ("a_template_reuse", s.a_template_reuse),
        ("b_template_reuse", s.b_template_reuse),
    ] {
        check_share(&format!("summary.{name}"), share, problems);
    }
    // Template coverage is exact coverage plus the figure-masked matches.
    if s.a_template_reuse < s.a_reuse || s.b_template_reuse < s.b_reuse {
        problems.push(format!("template reuse below exact reuse: {s:?}"));
    }
    for (side, shared, chars, reuse) in [
        ("a", s.a_shared_chars, cmp.a.chars, s.a_reuse),
        ("b", s.b_shared_chars, cmp.b.chars, s.b_reuse),
    ] {
        let expected = if chars == 0 {
            0.0
        } else {
            shared as f64 / chars as f64
        };
        if shared > chars || (reuse - expected).abs() > 1e-9 {
            problems.push(format!(
                "{side}: reuse {reuse} is not {shared} shared of {chars} chars"
            ));
        }
    }
    let c = s.counts;
    let paired = c.equal + c.template + c.similar;
    if paired + c.a_only != cmp.a.sentences || paired + c.b_only != cmp.b.sentences {
        problems.push(format!(
            "counts {c:?} do not partition {} and {} sentences",
            cmp.a.sentences, cmp.b.sentences
        ));
    }
    if c.moved > paired {
        problems.push(format!("more moved pairs than pairs: {c:?}"));
    }
    if s.identical && (s.a_shared_chars != cmp.a.chars || s.b_shared_chars != cmp.b.chars) {
        let short = cmp.a.chars < cmp.options.min_match;
        if !short {
            problems.push(format!("identical keys but not all shared: {s:?}"));
        }
    }
}

fn item_problems(cmp: &Comparison, at: &str, item: &Item, problems: &mut Vec<String>) {
    let sides_ok = match item.kind {
        ItemKind::Equal | ItemKind::Template | ItemKind::Similar => {
            item.a.is_some() && item.b.is_some()
        }
        ItemKind::AOnly => item.a.is_some() && item.b.is_none() && item.here == Here::A,
        ItemKind::BOnly => item.b.is_some() && item.a.is_none() && item.here == Here::B,
        ItemKind::Heading => item.a.is_some() || item.b.is_some(),
    };
    if !sides_ok {
        problems.push(format!("{at}: sides do not fit its kind {:?}", item.kind));
    }
    if item.moved != item.twin.is_some() {
        problems.push(format!("{at}: moved without twin, or twin without move"));
    }
    check_ref(cmp, &format!("{at}.twin"), item.twin, problems);
    for (name, side, count) in [
        ("a", &item.a, cmp.a.sentences),
        ("b", &item.b, cmp.b.sentences),
    ] {
        if let Some(side) = side {
            side_problems(&format!("{at}.{name}"), side, count, item.kind, problems);
        }
    }
    if let (Some(diff), Some(a), Some(b)) = (&item.diff, &item.a, &item.b) {
        // The diff is an edit of A's text into B's: each side reads back from it.
        let side = |keep: DiffSide| -> String {
            diff.iter()
                .filter(|span| span.op == DiffSide::Equal || span.op == keep)
                .map(|span| span.text.as_str())
                .collect()
        };
        if diff.iter().any(|span| span.text.is_empty()) || side(DiffSide::A) != a.text {
            problems.push(format!("{at}: diff does not spell A's text"));
        }
        if side(DiffSide::B) != b.text {
            problems.push(format!("{at}: diff does not spell B's text"));
        }
    }
}

fn side_problems(at: &str, side: &Side, sentences: usize, kind: ItemKind, out: &mut Vec<String>) {
    if let Some(coverage) = side.coverage {
        check_share(&format!("{at}.coverage"), coverage, out);
    }
    match side.sentence {
        Some(i) if i >= sentences => out.push(format!("{at}: sentence {i} of {sentences}")),
        None if kind != ItemKind::Heading => out.push(format!("{at}: sentence without index")),
        _ => {}
    }
    let len = side.text.chars().count();
    let mut end_before = 0;
    for &[start, end] in &side.shared {
        if start >= end || end > len || start < end_before {
            out.push(format!(
                "{at}: shared stretch [{start}, {end}) out of order or outside its {len} chars"
            ));
        }
        end_before = end;
    }
}

fn check_ref(cmp: &Comparison, at: &str, r: Option<ItemRef>, problems: &mut Vec<String>) {
    let Some(r) = r else { return };
    let exists = cmp
        .sections
        .get(r.section)
        .is_some_and(|s| r.item < s.items.len());
    if !exists {
        problems.push(format!("{at}: points to a missing item {r:?}"));
    }
}

fn check_share(at: &str, share: f64, problems: &mut Vec<String>) {
    if !(0.0..=1.0).contains(&share) {
        problems.push(format!("{at} = {share}, outside [0, 1]"));
    }
}

/// Broken invariants of a corpus analysis (`rdiff matrix`).
pub fn analysis_problems(analysis: &Analysis) -> Vec<String> {
    let mut problems = Vec::new();
    let n = analysis.reports.len();
    for (name, matrix) in [
        ("matrix", &analysis.matrix),
        ("template_matrix", &analysis.template_matrix),
    ] {
        let Some(rows) = matrix else { continue };
        if rows.len() != n || rows.iter().any(|row| row.len() != n) {
            problems.push(format!("{name} is not {n} × {n}"));
        }
        for (a, row) in rows.iter().enumerate() {
            for (b, &share) in row.iter().enumerate() {
                check_share(&format!("{name}[{a}][{b}]"), share, &mut problems);
            }
        }
    }
    if let (Some(exact), Some(template)) = (&analysis.matrix, &analysis.template_matrix) {
        let below = exact
            .iter()
            .flatten()
            .zip(template.iter().flatten())
            .any(|(e, t)| t < e);
        if below {
            problems.push("template_matrix below matrix".to_string());
        }
    }
    let mut order = analysis.order.clone();
    order.sort_unstable();
    if order != (0..n).collect::<Vec<_>>() {
        problems.push(format!(
            "order {:?} is not a permutation of 0..{n}",
            analysis.order
        ));
    }
    problems
}

/// Tags rdiff's pages are made of; any other tag in a page came from report text.
const TAGS: &[&str] = &[
    "a", "abbr", "b", "body", "code", "dd", "del", "details", "div", "dl", "dt", "em", "footer",
    "h1", "h2", "h3", "head", "header", "html", "i", "input", "ins", "label", "li", "link", "main",
    "mark", "meta", "meter", "nav", "ol", "p", "rect", "script", "section", "small", "span",
    "style", "summary", "svg", "table", "tbody", "td", "text", "th", "thead", "title", "tr", "ul",
];

/// Broken invariants of an HTML page (pair or matrix): one stylesheet and one script, both
/// rdiff's, and outside them every `<` opens or closes one of rdiff's own tags, none with an
/// event handler, so no report text became markup.
pub fn page_problems(page: &str) -> Vec<String> {
    let lower = page.to_ascii_lowercase();
    let mut problems = Vec::new();
    for tag in ["<script", "<style"] {
        let count = lower.matches(tag).count();
        if count != 1 {
            problems.push(format!("{count} times {tag}, not once"));
        }
    }
    let outside = lower
        .split_once("<style>")
        .and_then(|(head, rest)| {
            let (_, rest) = rest.split_once("</style>")?;
            let (body, _) = rest.rsplit_once("<script>")?;
            Some([head, body])
        })
        .unwrap_or_default();
    for markup in outside {
        for tag in markup.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let handler = attribute_names(tag).any(|attr| attr.starts_with("on"));
            if handler || !tag.starts_with("!doctype") && !TAGS.contains(&name.as_str()) {
                let start: String = tag.chars().take(40).collect();
                problems.push(format!("markup from report text: <{start}"));
            }
        }
    }
    problems
}

/// The attribute names of the tag `tag` starts with (its text after `<`, up to the first `>`
/// outside quotes), quoted values skipped: report text inside a value is no attribute.
fn attribute_names(tag: &str) -> impl Iterator<Item = String> + '_ {
    let mut quote = None;
    let mut names = Vec::new();
    let mut name = String::new();
    // Reading the tag's own name, an attribute name, or something else (a value, `=`).
    let (mut in_tag_name, mut in_name) = (true, false);
    for c in tag.chars() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '>') => break,
            (None, '"' | '\'') if !in_tag_name => quote = Some(c),
            (None, '=') => in_name = false,
            (None, c) if c.is_whitespace() => (in_tag_name, in_name) = (false, true),
            (None, c) if in_name => name.push(c),
            _ => {}
        }
        if !in_name && !name.is_empty() {
            names.push(std::mem::take(&mut name));
        }
    }
    names.push(name);
    names.into_iter().filter(|n| !n.is_empty())
}

/// Broken invariants of text printed for a terminal: valid UTF-8 without control characters
/// other than line break and tab (report text never drives the terminal).
pub fn terminal_problems(printed: &[u8]) -> Vec<String> {
    match std::str::from_utf8(printed) {
        Err(e) => vec![format!("not UTF-8: {e}")],
        Ok(text) => text
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
            .take(1)
            .map(|c| format!("raw control character {c:?} printed"))
            .collect(),
    }
}

/// Broken invariants of reading `decoded` (the decoded input) into `document`: every
/// character of the input, whitespace aside, is read as a heading or sentence or listed as
/// dropped, once and in order. Nothing is lost silently, nothing invented.
pub fn reading_problems(decoded: &str, document: &Document) -> Vec<String> {
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    for report in &document.reports {
        report
            .sections
            .iter()
            .for_each(|s| kept_texts(s, &mut kept));
        dropped.extend(report.dropped.iter().map(|d| (d.line, d.text.as_str())));
    }
    dropped.sort_by_key(|&(line, _)| line);
    let kept = pieces(kept.into_iter());
    let dropped = pieces(dropped.into_iter().map(|(_, text)| text));
    let all = without_whitespace(decoded);
    match interleave(&all, &kept, &dropped) {
        Ok(()) => Vec::new(),
        Err((at, k, d)) => {
            let piece = |p: Option<&Vec<char>>| p.map(|p| p.iter().collect::<String>());
            vec![format!(
                "read up to character {at} of {}: …{}…; next kept: {:?}; next dropped: {:?}",
                all.len(),
                all[at.saturating_sub(20)..(at + 40).min(all.len())]
                    .iter()
                    .collect::<String>(),
                piece(kept.get(k)),
                piece(dropped.get(d)),
            )]
        }
    }
}

/// A section's headings and sentences, as written, in reading order.
fn kept_texts<'r>(section: &'r Section, out: &mut Vec<&'r str>) {
    if let Some(heading) = &section.heading {
        out.push(&heading.text.original);
    }
    out.extend(section.sentences.iter().map(|s| s.text.original.as_str()));
    for child in &section.children {
        kept_texts(child, out);
    }
}

fn pieces<'t>(texts: impl Iterator<Item = &'t str>) -> Vec<Vec<char>> {
    texts
        .map(without_whitespace)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The text without whitespace; the reader trims U+FEFF (zero-width no-break space) as such.
fn without_whitespace(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| !c.is_whitespace() && c != '\u{FEFF}')
        .collect()
}

/// Whether `text` is exactly `kept` (in order) interleaved with `dropped` (in order). A
/// dropped piece may stand inside a kept one (an ad pasted into a sentence is cut out of it).
/// On failure, the furthest state reached: (position, kept pieces used, dropped pieces used).
fn interleave(
    text: &[char],
    kept: &[Vec<char>],
    dropped: &[Vec<char>],
) -> Result<(), (usize, usize, usize)> {
    // Depth-first over (position, kept piece, offset in it, dropped used); each state once.
    let mut seen = HashSet::new();
    let mut stack = vec![(0, 0, 0, 0)];
    let mut furthest = (0, 0, 0);
    while let Some((at, k, off, d)) = stack.pop() {
        if at == text.len() && k == kept.len() && d == dropped.len() {
            return Ok(());
        }
        if !seen.insert((k, off, d)) {
            continue;
        }
        furthest = furthest.max((at, k, d));
        let rest = &text[at..];
        if let Some(piece) = dropped.get(d).filter(|p| rest.starts_with(p)) {
            stack.push((at + piece.len(), k, off, d + 1));
        }
        if let Some(piece) = kept.get(k).filter(|p| rest.first() == p.get(off)) {
            let (k, off) = if off + 1 == piece.len() {
                (k + 1, 0)
            } else {
                (k, off + 1)
            };
            stack.push((at + 1, k, off, d));
        }
    }
    Err(furthest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::chars;

    #[test]
    fn pages_with_markup_from_text_and_printed_escapes_are_caught() {
        let page = "<!DOCTYPE html><html><head><style>a<b</style></head><body><p>x</p>\
                    <script>if (a<b) {}</script></body></html>";
        assert_eq!(page_problems(page), Vec::<String>::new());
        let injected = page.replace("<p>x</p>", "<p><img src=x onerror=alert(1)></p>");
        assert_eq!(page_problems(&injected).len(), 1);
        let handler = page.replace("<p>x</p>", "<p title=\"\" onmouseover=alert(1)>x</p>");
        assert_eq!(page_problems(&handler).len(), 1);
        let quoted = page.replace("<p>x</p>", "<p title=\"a onload=b\" class=x>x</p>");
        assert_eq!(page_problems(&quoted), Vec::<String>::new());
        let after = page.replace(
            "<p>x</p>",
            "<p>x</p>\"&gt;&lt;img src=x onerror=alert(1)&gt;",
        );
        assert_eq!(page_problems(&after), Vec::<String>::new());
        let second_script = page.replace("<p>x</p>", "<SCRIPT>alert(1)</SCRIPT>");
        assert!(!page_problems(&second_script).is_empty());
        assert_eq!(
            terminal_problems("甲\t乙\n".as_bytes()),
            Vec::<String>::new()
        );
        assert_eq!(terminal_problems("甲\u{1b}[2J".as_bytes()).len(), 1);
    }

    #[test]
    fn interleave_accepts_drops_between_and_inside_kept_pieces_only_in_order() {
        let text = chars("页1甲乙广告丙。丁。");
        let kept = [chars("甲乙丙。"), chars("丁。")];
        let dropped = [chars("页1"), chars("广告")];
        assert_eq!(interleave(&text, &kept, &dropped), Ok(()));
        let reversed = [chars("广告"), chars("页1")];
        assert!(interleave(&text, &kept, &reversed).is_err());
        assert!(
            interleave(&text, &kept[..1], &dropped).is_err(),
            "丁。 lost"
        );
    }
}
