//! The pair comparison in the terminal: a header with the figures, then section by section the
//! aligned headings and the sentences by kind, then each side's commitments.

use std::io::{self, Write};

use colored::Colorize;

use crate::comparison::{
    Commitment, Comparison, Counts, DiffSide, Here, Item, ItemKind, Only, ReportInfo, SectionPair,
    Side, View,
};
use crate::plan::Verdict;
use crate::render::targets::{figure_text, indicator_text, target_rows};
use crate::render::text::{sanitize, split_marked};
use crate::render::wrap::{wrap, wrap_words, Segments, Style};

/// How the terminal printer lays things out.
#[derive(Debug, Clone, Copy)]
pub struct TerminalOptions {
    /// Columns to wrap at.
    pub width: usize,
    /// Print equal sentences (dimmed) instead of folding each run into a count.
    pub show_equal: bool,
}

/// Write a comparison for a person at a terminal, as its [`View`] selects: the figures alone
/// (`summary`), or the sections' sentences and the lists the view keeps.
pub fn write(out: &mut impl Write, cmp: &Comparison, opts: &TerminalOptions) -> io::Result<()> {
    write_header(out, cmp, opts.width)?;
    let view = &cmp.view;
    if let Some(line) = view_line(view) {
        writeln!(out, "{}", line.dimmed())?;
    }
    if view.summary {
        return write_section_table(out, cmp);
    }
    let opts = &TerminalOptions {
        // Shared text is what was asked for: each sentence is shown, not a count of them.
        show_equal: opts.show_equal || view.only == Some(Only::Shared),
        ..*opts
    };
    if view.only != Some(Only::Commitments) {
        for section in &cmp.sections {
            write_section(out, section, cmp, opts)?;
        }
    }
    if matches!(view.only, None | Some(Only::Shared)) {
        write_shared_phrases(out, cmp, opts)?;
    }
    if matches!(view.only, None | Some(Only::Commitments)) {
        write_targets(out, cmp)?;
        write_commitments(out, "A", &cmp.a, &cmp.commitments.a, opts)?;
        write_commitments(out, "B", &cmp.b, &cmp.commitments.b, opts)?;
    }
    Ok(())
}

/// What the view leaves out, said once under the header; `None` for the whole comparison.
fn view_line(view: &View) -> Option<String> {
    let only = match view.only {
        Some(Only::Own) => Some("own text only (what one report says and the other does not)"),
        Some(Only::Shared) => Some("shared text only"),
        Some(Only::Commitments) => Some("targets and commitments only"),
        None => None,
    };
    let section = view
        .section
        .as_ref()
        .map(|s| format!("sections whose heading holds “{}”", sanitize(s)));
    let parts: Vec<String> = only
        .map(str::to_string)
        .into_iter()
        .chain(section)
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "showing: {}; the figures are the whole reports'",
            parts.join(", ")
        )
    })
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// The title line and, wrapped at `width`, the file line of one report.
fn describe(info: &ReportInfo, width: usize) -> String {
    let title = match &info.title_original {
        Some(t) if info.title_derived => format!("{t} (title derived)"),
        Some(t) => t.clone(),
        None => "(no title)".to_string(),
    };
    let script = if info.converted {
        "converted from Traditional"
    } else {
        "Simplified"
    };
    let file = format!(
        "{}  {}, {}, {} characters, {} sentences",
        sanitize(&info.path),
        info.encoding,
        script,
        info.chars,
        info.sentences
    );
    let indent = "     ";
    format!(
        "{}\n{}",
        sanitize(&title),
        wrap_words(&file, " ", width, indent, indent).join("\n")
    )
}

fn write_header(out: &mut impl Write, cmp: &Comparison, width: usize) -> io::Result<()> {
    let s = &cmp.summary;
    writeln!(out, "{} {}", "A".red().bold(), describe(&cmp.a, width))?;
    writeln!(out, "{} {}", "B".green().bold(), describe(&cmp.b, width))?;
    writeln!(
        out,
        "{}  A {} of its text shared with B, B {} shared with A",
        "reuse         ".bold(),
        percent(s.a_reuse).bold(),
        percent(s.b_reuse).bold()
    )?;
    writeln!(
        out,
        "{}  A {}, B {} (figures masked)",
        "template reuse".bold(),
        percent(s.a_template_reuse).bold(),
        percent(s.b_template_reuse).bold()
    )?;
    let indent = "               ";
    let values = "                ";
    let counts = wrap_words(&counts_line(&s.counts), " ", width, values, values);
    for (i, line) in counts.iter().enumerate() {
        match (i, line.strip_prefix(values)) {
            (0, Some(rest)) => writeln!(out, "{}  {rest}", "sentences     ".bold())?,
            _ => writeln!(out, "{line}")?,
        }
    }
    let legend = [
        format!(
            "shared text = runs of at least {} characters, punctuation and spaces not counted;",
            cmp.options.min_match
        ),
        "= equal  ~ same but figures  ≈ similar  - A only  + B only  (dimmed inside a sentence: shared)"
            .to_string(),
    ];
    let [first, second] = legend;
    for line in wrap_words(&first, " ", width, indent, indent) {
        writeln!(out, "{}", line.dimmed())?;
    }
    // The key's entries are parted by two spaces: lines break between entries.
    for line in wrap_words(&second, "  ", width, indent, indent) {
        writeln!(out, "{}", line.dimmed())?;
    }
    Ok(())
}

fn counts_line(c: &Counts) -> String {
    format!(
        "{} equal · {} template · {} similar · {} moved · {} A only · {} B only",
        c.equal, c.template, c.similar, c.moved, c.a_only, c.b_only
    )
}

fn section_title(section: &SectionPair) -> String {
    let a = section.a_heading.as_deref();
    let b = section.b_heading.as_deref();
    match (a, b) {
        (Some(a), Some(b)) if a == b => sanitize(a).into_owned(),
        (Some(a), Some(b)) => format!("{}  ⇄  {}", sanitize(a), sanitize(b)),
        (Some(a), None) => format!("{}  (A only)", sanitize(a)),
        (None, Some(b)) => format!("{}  (B only)", sanitize(b)),
        (None, None) => "(preamble)".to_string(),
    }
}

fn section_reuse(section: &SectionPair) -> String {
    let side = |x: Option<f64>| x.map(percent).unwrap_or_else(|| "—".to_string());
    format!(
        "A {} · B {} shared",
        side(section.a_reuse),
        side(section.b_reuse)
    )
}

fn write_section_table(out: &mut impl Write, cmp: &Comparison) -> io::Result<()> {
    writeln!(out)?;
    for section in &cmp.sections {
        writeln!(
            out,
            "  {}  {}",
            section_title(section),
            section_reuse(section).dimmed()
        )?;
    }
    Ok(())
}

fn write_section(
    out: &mut impl Write,
    section: &SectionPair,
    cmp: &Comparison,
    opts: &TerminalOptions,
) -> io::Result<()> {
    writeln!(out)?;
    let title = format!("── {}", section_title(section));
    for line in wrap(&[(title, Style::Heading)], opts.width, "", "   ") {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "   {}", section_reuse(section).dimmed())?;
    let mut equal_run = 0;
    for item in &section.items {
        if item.moved && item.here == Here::B {
            continue; // listed once, where its A side stands
        }
        if item.kind == ItemKind::Equal && !item.moved && !opts.show_equal {
            equal_run += 1;
            continue;
        }
        flush_equal_run(out, &mut equal_run)?;
        write_item(out, item, cmp, opts)?;
    }
    flush_equal_run(out, &mut equal_run)
}

fn flush_equal_run(out: &mut impl Write, run: &mut usize) -> io::Result<()> {
    if *run > 0 {
        let noun = if *run == 1 { "sentence" } else { "sentences" };
        writeln!(out, "  {}", format!("… {run} shared {noun}").dimmed())?;
        *run = 0;
    }
    Ok(())
}

fn write_item(
    out: &mut impl Write,
    item: &Item,
    cmp: &Comparison,
    opts: &TerminalOptions,
) -> io::Result<()> {
    let moved = item
        .twin
        .filter(|_| item.moved)
        .and_then(|t| cmp.sections.get(t.section))
        .map(|s| format!(" (moved: in B under {})", section_title(s)));
    let a_text = item.a.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    let b_text = item.b.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    let lines: Vec<(String, Segments)> = match item.kind {
        ItemKind::Heading => vec![("  # ".into(), styled(&a_text_or_b(item), Style::Heading))],
        ItemKind::Equal => vec![("  = ".into(), styled(&a_text, Style::Dim))],
        ItemKind::AOnly => vec![("  - ".into(), with_shared(item.a.as_ref(), Style::Removed))],
        ItemKind::BOnly => vec![("  + ".into(), with_shared(item.b.as_ref(), Style::Added))],
        ItemKind::Template | ItemKind::Similar => {
            let (mark, base) = if item.kind == ItemKind::Template {
                ("~", Style::Template)
            } else {
                ("≈", Style::Similar)
            };
            let (a, b) = match &item.diff {
                Some(diff) => split_diff(diff, base),
                None => (styled(&a_text, base), styled(&b_text, base)),
            };
            vec![(format!("  {mark}A "), a), (format!("  {mark}B "), b)]
        }
    };
    for (prefix, mut segments) in lines {
        if let Some(note) = &moved {
            segments.push((note.clone(), Style::Dim));
        }
        for line in wrap(&segments, opts.width, &prefix, "    ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn a_text_or_b(item: &Item) -> String {
    item.a
        .as_ref()
        .or(item.b.as_ref())
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// A sentence in its own style, with the stretches it shares with the other report dimmed: the
/// boilerplate inside a sentence that is otherwise its report's own.
fn with_shared(side: Option<&Side>, own: Style) -> Segments {
    let Some(side) = side else {
        return Segments::new();
    };
    let chars: Vec<char> = side.text.chars().collect();
    let mut segments = Segments::new();
    let mut at = 0;
    for &[start, end] in &side.shared {
        let (start, end) = (start.min(chars.len()), end.min(chars.len()));
        if start < at || start >= end {
            continue;
        }
        segments.push((chars[at..start].iter().collect(), own));
        segments.push((chars[start..end].iter().collect(), Style::Dim));
        at = end;
    }
    segments.push((chars[at..].iter().collect(), own));
    segments.retain(|(text, _)| !text.is_empty());
    segments
}

fn styled(text: &str, style: Style) -> Segments {
    vec![(text.to_string(), style)]
}

/// Each side of a character diff, with the changed stretches highlighted.
fn split_diff(diff: &[crate::comparison::DiffSpan], base: Style) -> (Segments, Segments) {
    let mut a = Vec::new();
    let mut b = Vec::new();
    for span in diff {
        match span.op {
            DiffSide::Equal => {
                a.push((span.text.clone(), base));
                b.push((span.text.clone(), base));
            }
            DiffSide::A => a.push((span.text.clone(), Style::ChangedA)),
            DiffSide::B => b.push((span.text.clone(), Style::ChangedB)),
        }
    }
    (a, b)
}

/// How many shared phrases the terminal lists (the JSON has more).
const SHARED_PHRASES_SHOWN: usize = 15;

fn write_shared_phrases(
    out: &mut impl Write,
    cmp: &Comparison,
    opts: &TerminalOptions,
) -> io::Result<()> {
    writeln!(out)?;
    let title = format!(
        "── Longest shared text ({} stretches of {} or more characters; {} shown)",
        cmp.shared_phrases.len(),
        cmp.options.min_match,
        cmp.shared_phrases.len().min(SHARED_PHRASES_SHOWN)
    );
    writeln!(out, "{}", title.bold())?;
    for phrase in cmp.shared_phrases.iter().take(SHARED_PHRASES_SHOWN) {
        let segments = vec![
            (phrase.text.clone(), Style::Plain),
            (format!("  ({} characters)", phrase.chars), Style::Dim),
        ];
        for line in wrap(&segments, opts.width, "  • ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn write_commitments(
    out: &mut impl Write,
    side: &str,
    info: &ReportInfo,
    commitments: &[Commitment],
    opts: &TerminalOptions,
) -> io::Result<()> {
    writeln!(out)?;
    let name = info
        .place
        .clone()
        .or_else(|| info.title_original.clone())
        .unwrap_or_default();
    writeln!(
        out,
        "{}",
        format!(
            "── {side}'s own commitments ({}): {}",
            sanitize(&name),
            commitments.len()
        )
        .bold()
    )?;
    for c in commitments {
        let mut segments = own_segments(c);
        if let Some(section) = &c.section {
            segments.push((format!("  [{section}]"), Style::Dim));
        }
        for line in wrap(&segments, opts.width, "  • ", "    ") {
            writeln!(out, "{line}")?;
        }
        // The own part in words too, for output without colour.
        let chars: Vec<char> = c.text.chars().collect();
        let parts: Vec<String> = c
            .highlights
            .iter()
            .map(|&[s, e]| chars.get(s..e).unwrap_or(&[]).iter().collect())
            .collect();
        if !parts.is_empty() {
            let own = vec![(format!("own: {}", parts.join(" · ")), Style::Dim)];
            for line in wrap(&own, opts.width, "    ", "    ") {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// A commitment's text, its own marks highlighted.
fn own_segments(c: &Commitment) -> Segments {
    split_marked(&c.text, &c.highlights)
        .into_iter()
        .map(|(piece, own)| (piece, if own { Style::Own } else { Style::Plain }))
        .collect()
}

/// Both sides' targets, indicator by indicator, then year over year when there is one.
fn write_targets(out: &mut impl Write, cmp: &Comparison) -> io::Result<()> {
    let t = &cmp.targets;
    if t.a.is_empty() && t.b.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        format!(
            "── Main expected targets (A: {}, B: {})",
            t.a.len(),
            t.b.len()
        )
        .bold()
    )?;
    for row in target_rows(&t.a, &t.b) {
        writeln!(out, "  {:<24} {:<18} {}", row.label, row.a, row.b)?;
    }
    if let Some(yoy) = &t.year_over_year {
        writeln!(out)?;
        let (earlier, later) = if yoy.earlier == "a" {
            ("A", "B")
        } else {
            ("B", "A")
        };
        writeln!(
            out,
            "{}",
            format!(
                "── {earlier}'s targets for {} against {later}'s review of {}",
                yoy.year, yoy.year
            )
            .bold()
        )?;
        for o in &yoy.outcomes {
            let achieved = o
                .achieved
                .as_ref()
                .map_or_else(|| "—".to_string(), figure_text);
            let verdict = match o.verdict {
                Verdict::Met => o.verdict.label().green(),
                Verdict::Missed => o.verdict.label().red(),
                _ => o.verdict.label().dimmed(),
            };
            writeln!(
                out,
                "  {:<24} {:<18} {:<18} {verdict}",
                indicator_text(&o.target),
                figure_text(&o.target),
                achieved
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::comparison::CompareOptions;
    use crate::testing::report_from_outline;

    fn render(a: &str, b: &str, opts: TerminalOptions) -> String {
        colored::control::set_override(false);
        let a = report_from_outline("a.txt", a);
        let b = report_from_outline("b.txt", b);
        let cmp = compare(&a, &b, &CompareOptions::default());
        let mut out = Vec::new();
        write(&mut out, &cmp, &opts).unwrap();
        String::from_utf8(out).unwrap()
    }

    const OPTS: TerminalOptions = TerminalOptions {
        width: 200,
        show_equal: false,
    };

    /// A comparison of A with B, printed as `view` shows it.
    fn render_as(view: View) -> String {
        colored::control::set_override(false);
        let cmp = compare(
            &report_from_outline("a.txt", A),
            &report_from_outline("b.txt", B),
            &CompareOptions::default(),
        );
        let cmp = crate::compare::view::apply(cmp, &view).unwrap();
        let mut out = Vec::new();
        write(&mut out, &cmp, &OPTS).unwrap();
        String::from_utf8(out).unwrap()
    }

    const A: &str = "# 一、2023年工作回顾\n坚持以习近平新时代中国特色社会主义思想为指导深入学习贯彻。全面贯彻落实党的二十大精神推动高质量发展。在省委省政府和市委的坚强领导下奋力前行。\n# 二、2024年工作安排\n地区生产总值增长6%左右一般公共预算收入增长5%左右。建设城市公园十处。";
    const B: &str = "# 一、2023年工作回顾\n坚持以习近平新时代中国特色社会主义思想为指导深入学习贯彻。全面贯彻落实党的二十大精神推动高质量发展。在省委省政府和市委的坚强领导下奋力前行。\n# 二、2024年工作安排\n地区生产总值增长5.5%左右一般公共预算收入增长4%左右。新建学校三所。";

    #[test]
    fn equal_runs_fold_and_own_text_is_marked() {
        let text = render(A, B, OPTS);
        assert!(text.contains("… 3 shared sentences"), "{text}");
        assert!(text.contains("- 建设城市公园十处。"), "{text}");
        assert!(text.contains("+ 新建学校三所。"), "{text}");
        assert!(text.contains("~A 地区生产总值增长6%左右"), "{text}");
        assert!(text.contains("~B 地区生产总值增长5.5%左右"), "{text}");
    }

    #[test]
    fn show_equal_prints_each_shared_sentence() {
        let text = render(
            A,
            B,
            TerminalOptions {
                show_equal: true,
                ..OPTS
            },
        );
        assert!(!text.contains("shared sentences"), "{text}");
        assert!(
            text.contains("= 全面贯彻落实党的二十大精神推动高质量发展。"),
            "{text}"
        );
    }

    #[test]
    fn summary_has_header_and_section_table_only() {
        let text = render_as(View {
            summary: true,
            ..View::default()
        });
        assert!(text.contains("reuse"), "{text}");
        assert!(text.contains("二、2024年工作安排"), "{text}");
        assert!(!text.contains("建设城市公园十处"), "{text}");
    }

    #[test]
    fn each_view_prints_what_it_keeps_and_says_so() {
        let whole = render_as(View::default());
        assert!(!whole.contains("showing:"), "{whole}");
        let own = render_as(View::only(Only::Own));
        assert!(own.contains("showing: own text only"), "{own}");
        assert!(
            own.contains("- 建设城市公园十处。") && own.contains("+ 新建学校三所。"),
            "{own}"
        );
        assert!(
            !own.contains("shared sentences") && !own.contains("~A"),
            "{own}"
        );
        assert!(!own.contains("commitments ("), "{own}");
        let shared = render_as(View::only(Only::Shared));
        assert!(
            shared.contains("= 全面贯彻落实党的二十大精神推动高质量发展。"),
            "{shared}"
        );
        assert!(shared.contains("~A 地区生产总值增长6%左右"), "{shared}");
        assert!(!shared.contains("建设城市公园十处"), "{shared}");
        let commitments = render_as(View::only(Only::Commitments));
        assert!(commitments.contains("own commitments"), "{commitments}");
        assert!(
            !commitments.contains("── 一、2023年工作回顾"),
            "{commitments}"
        );
        let section = render_as(View {
            section: Some("工作安排".into()),
            ..View::default()
        });
        assert!(section.contains("“工作安排”"), "{section}");
        assert!(section.contains("── 二、2024年工作安排"), "{section}");
        assert!(!section.contains("── 一、2023年工作回顾"), "{section}");
    }

    #[test]
    fn header_figures_match_the_model() {
        colored::control::set_override(false);
        let a = report_from_outline("a.txt", A);
        let b = report_from_outline("b.txt", B);
        let cmp = compare(&a, &b, &CompareOptions::default());
        let mut out = Vec::new();
        write(&mut out, &cmp, &OPTS).unwrap();
        let text = String::from_utf8(out).unwrap();
        let expected = format!(
            "A {} of its text shared with B",
            percent(cmp.summary.a_reuse)
        );
        assert!(text.contains(&expected), "{text}");
    }
}

#[cfg(test)]
mod shared_tests {
    use super::*;

    #[test]
    fn shared_stretches_are_dimmed_and_own_text_keeps_its_style() {
        let side = Side {
            text: "我们坚持以人民为中心,建设公园".to_string(),
            original: String::new(),
            coverage: None,
            sentence: None,
            shared: vec![[2, 11]],
        };
        let segments = with_shared(Some(&side), Style::Removed);
        assert_eq!(
            segments,
            vec![
                ("我们".to_string(), Style::Removed),
                ("坚持以人民为中心,".to_string(), Style::Dim),
                ("建设公园".to_string(), Style::Removed),
            ]
        );
    }

    #[test]
    fn out_of_range_stretches_are_ignored() {
        let side = Side {
            text: "短句".to_string(),
            original: String::new(),
            coverage: None,
            sentence: None,
            shared: vec![[5, 9], [1, 1]],
        };
        let text: String = with_shared(Some(&side), Style::Added)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(text, "短句");
    }
}
