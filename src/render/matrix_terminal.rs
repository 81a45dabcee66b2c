//! `rdiff matrix` on the terminal: the most similar pairs, the most shared phrases, and each
//! report's template share, own share, commitments and closest source.
//!
//! Figures come first on every line and names last, so columns stay aligned whatever the
//! width of the names (Han characters take two columns).

use std::io::{self, Write};

use colored::Colorize;

use super::targets::{cell, common_indicators};
use super::text::sanitize;
use super::wrap::display_width;
use crate::corpus::Analysis;
use crate::plan::Verdict;

/// Print `analysis` for a reader, wrapping long phrases at `width` columns.
pub fn write<W: Write>(out: &mut W, analysis: &Analysis, width: usize) -> io::Result<()> {
    let n = analysis.reports.len();
    writeln!(
        out,
        "{} {n} reports, shared text = runs of at least {} characters{}",
        "rdiff matrix:".bold(),
        analysis.options.min_match,
        match analysis.options.top {
            Some(k) => format!(", {k} closest sources each"),
            None => String::new(),
        }
    )?;
    pairs(out, analysis)?;
    phrases(out, analysis, width)?;
    reports(out, analysis)?;
    targets(out, analysis)?;
    if !analysis.failed.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} {} input(s) could not be read (see above)",
            "!".red(),
            analysis.failed.len()
        )?;
    }
    Ok(())
}

fn percent(share: f64) -> String {
    format!("{:5.1}%", share * 100.0)
}

fn pairs<W: Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    if analysis.pairs.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        "Most similar pairs (specific text shared, over both lengths; share of A found in B, of B in A)"
            .bold()
    )?;
    for p in &analysis.pairs {
        let cell = |c: Option<f64>| c.map_or("     ?".to_string(), percent);
        writeln!(
            out,
            "  {}   {}  {}  {} ⇄ {}",
            percent(p.similarity),
            cell(p.a_reuse),
            cell(p.b_reuse),
            sanitize(&p.a),
            sanitize(&p.b)
        )?;
    }
    Ok(())
}

fn phrases<W: Write>(out: &mut W, analysis: &Analysis, width: usize) -> io::Result<()> {
    if analysis.boilerplate.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        "Most shared phrases (reports holding it, length in characters; +k: nested variants)"
            .bold()
    )?;
    for p in &analysis.boilerplate {
        let variants = match p.variants.len() {
            0 => String::new(),
            k => format!("  +{k}"),
        };
        let room = width.saturating_sub(20 + display_width(&variants)).max(20);
        writeln!(
            out,
            "  {:>5}  {:>4}  {}{}",
            p.report_count,
            p.chars,
            clip(&sanitize(&p.text), room),
            variants.dimmed()
        )?;
    }
    Ok(())
}

fn reports<W: Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        "Per report: template share (found elsewhere, figures masked), own share, verbatim reuse \
         common to most reports and specific to a few, new commitments"
            .bold()
    )?;
    writeln!(
        out,
        "  template     own  common  specific  commit    chars  report  (closest source: attributed share)"
    )?;
    for r in &analysis.reports {
        writeln!(
            out,
            "    {}  {}  {}    {}  {:>6}  {:>7}  {}{}",
            percent(r.template_share),
            percent(r.own_share),
            percent(r.common_share),
            percent(r.specific_share),
            r.commitments.len(),
            r.info.chars,
            sanitize(&r.name),
            closest(analysis, r).dimmed()
        )?;
    }
    Ok(())
}

/// "(X 14.4%, 3.0× the next)", or "(no clear source: X 2.9%, Y 2.0%)": Y the next source
/// that is not a copy of X; "copy of Z" first when the report is one.
fn closest(analysis: &Analysis, r: &crate::corpus::ReportSummary) -> String {
    let copies = if r.copies.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = r.copies.iter().map(|c| sanitize(c).into_owned()).collect();
        format!("  [copy of {}]", names.join(", "))
    };
    format!("{copies}{}", source_text(analysis, r))
}

fn source_text(analysis: &Analysis, r: &crate::corpus::ReportSummary) -> String {
    let Some(c) = &r.closest else {
        return String::new();
    };
    let copies_of_first = analysis
        .reports
        .get(c.index)
        .map_or(&[][..], |s| s.copies.as_slice());
    let first = format!("{} {}", sanitize(&c.name), percent(c.attribution).trim());
    if c.clear {
        return match c.lead {
            Some(lead) => format!("  ({first}, {lead:.1}× the next)"),
            None => format!("  ({first})"),
        };
    }
    let next = r
        .sources
        .iter()
        .skip(1)
        .find(|s| !copies_of_first.contains(&s.name))
        .map(|s| format!(", {} {}", sanitize(&s.name), percent(s.attribution).trim()))
        .unwrap_or_default();
    format!("  (no clear source: {first}{next})")
}

/// Columns of the targets table on a terminal.
const TARGET_COLUMNS: usize = 6;

/// The main expected targets across reports, a row a report, a column per indicator most
/// reports set; then, for one place's consecutive years, how the targets fared.
fn targets<W: Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    let columns = common_indicators(
        analysis.reports.iter().map(|r| r.targets.as_slice()),
        TARGET_COLUMNS,
    );
    if columns.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        "Main expected targets (all of them: --json, --html, --targets-csv)".bold()
    )?;
    let header: String = columns
        .iter()
        .map(|i| pad(&clip(i.label(), 16), 16))
        .collect();
    writeln!(out, "  {header}report")?;
    for r in &analysis.reports {
        let row: String = columns
            .iter()
            .map(|&i| pad(&clip(&cell(&r.targets, i), 16), 16))
            .collect();
        writeln!(out, "  {row}{}", sanitize(&r.name))?;
    }
    if analysis.year_over_year.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        "Year over year: each year's targets against the next report's review".bold()
    )?;
    for py in &analysis.year_over_year {
        let count = |v: Verdict| py.outcomes.iter().filter(|o| o.verdict == v).count();
        writeln!(
            out,
            "  {} {}: {} met, {} missed, {} not reported  ({} → {})",
            sanitize(&py.place),
            py.year,
            count(Verdict::Met),
            count(Verdict::Missed),
            count(Verdict::NotReported),
            sanitize(&py.earlier),
            sanitize(&py.later)
        )?;
    }
    Ok(())
}

/// `text` padded with spaces to `columns` display columns.
fn pad(text: &str, columns: usize) -> String {
    let width = display_width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width) + 1))
}

/// `text` cut to at most `columns` display columns, with "…" when cut.
fn clip(text: &str, columns: usize) -> String {
    if display_width(text) <= columns {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > columns {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{analyze, Entry, MatrixOptions, Silent};
    use crate::testing::report_from_outline;

    fn printed(top: Option<usize>) -> String {
        colored::control::set_override(false);
        let texts = [
            "# 二、2024年工作安排\n坚持以人民为中心的发展思想。新建学校5所。",
            "坚持以人民为中心的发展思想。乙丙丁。",
            "戊己。",
        ];
        let entries: Vec<Entry> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut r = report_from_outline("x", t);
                r.year = Some(2024);
                Entry::new(&r, format!("报告{i}"), None)
            })
            .collect();
        let options = MatrixOptions {
            min_match: 6,
            top,
            ..MatrixOptions::default()
        };
        let mut out = Vec::new();
        write(&mut out, &analyze(&entries, &options, &Silent), 80).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pairs_phrases_and_reports_are_listed() {
        let text = printed(None);
        assert!(text.contains("3 reports"), "{text}");
        assert!(text.contains("报告0 ⇄ 报告1"), "{text}");
        assert!(text.contains("坚持以人民为中心的发展思想"), "{text}");
        let line = text
            .lines()
            .filter(|l| l.starts_with("    "))
            .find(|l| l.contains("报告0  (报告1"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(line.contains("     1  "), "one commitment: {line}");
        let own = text.lines().find(|l| l.contains("报告2")).unwrap();
        assert!(own.contains("  0.0%  100.0%"), "{own}");
    }

    #[test]
    fn top_mode_says_so() {
        assert!(printed(Some(2)).contains("2 closest sources each"));
    }

    #[test]
    fn long_text_is_clipped_to_the_width() {
        let clipped = clip(&"很".repeat(50), 21);
        assert!(display_width(&clipped) <= 21);
        assert!(clipped.ends_with('…'));
        assert_eq!(clip("短", 10), "短");
    }
}
