//! `rdiff outline`: what rdiff read, as text for people and as JSON for programs.
//!
//! The JSON shape is a documented interface (README, "outline --json"): its view types live
//! here, apart from the reading model, so the model can change without breaking users.

use std::io::{self, Write};

use colored::Colorize;
use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{
    Document, DropReason, Evidence, Genre, Report, ReportInfo, Section, SectionKind,
};
use crate::plan::{self, Plan, Target};
use crate::render::targets::{figure_text, indicator_text};
use crate::render::text::sanitize;

/// `{"reports":[…],"warnings":[…]}`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OutlineJson<'a> {
    pub reports: Vec<ReportJson<'a>>,
    /// Findings about whole files (e.g. a contents list naming reports the file lacks).
    pub warnings: Vec<String>,
}

/// One report in `outline --json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReportJson<'a> {
    /// What every output says about a report (path, title, year, place, counts…).
    #[serde(flatten)]
    pub info: ReportInfo,
    /// Where the year was found: "title", or derived from "meeting", "speaker", "body", "lead".
    pub year_from: Option<Evidence>,
    /// Where the place was found, as for `year_from`.
    pub place_from: Option<Evidence>,
    pub genre: Genre,
    pub sections: Vec<SectionJson<'a>>,
    /// The main expected targets (主要预期目标), in the order written.
    pub targets: Vec<Target>,
    /// The previous year's results the review states.
    pub achieved: Vec<Target>,
    pub dropped: Vec<DroppedJson<'a>>,
    pub warnings: &'a [String],
}

/// One section in `outline --json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionJson<'a> {
    /// The normalized heading as written, numbering included; null for a preamble.
    pub heading: Option<&'a str>,
    pub level: u8,
    pub kind: SectionKind,
    /// Sentences in this section and its sub-sections.
    pub sentences: usize,
    pub children: Vec<SectionJson<'a>>,
}

/// One dropped line in `outline --json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DroppedJson<'a> {
    pub line: usize,
    pub reason: DropReason,
    pub text: &'a str,
}

/// Build the JSON view of some documents.
pub fn to_json(documents: &[Document]) -> OutlineJson<'_> {
    OutlineJson {
        reports: documents
            .iter()
            .flat_map(|d| d.reports.iter())
            .map(report_json)
            .collect(),
        warnings: documents
            .iter()
            .flat_map(|d| d.warnings.iter().map(move |w| format!("{}: {w}", d.path)))
            .collect(),
    }
}

fn report_json(report: &Report) -> ReportJson<'_> {
    let plan = plan::read(report);
    ReportJson {
        info: report.info(),
        year_from: report.year_from,
        place_from: report.place_from,
        genre: report.genre,
        sections: report.sections.iter().map(section_json).collect(),
        targets: plan.targets,
        achieved: plan.achieved,
        dropped: report
            .dropped
            .iter()
            .map(|d| DroppedJson {
                line: d.line,
                reason: d.reason,
                text: &d.text,
            })
            .collect(),
        warnings: &report.warnings,
    }
}

fn section_json(section: &Section) -> SectionJson<'_> {
    SectionJson {
        heading: section.heading.as_ref().map(|h| h.text.text.as_str()),
        level: section.level,
        kind: section.kind,
        sentences: section.sentence_count(),
        children: section.children.iter().map(section_json).collect(),
    }
}

/// Write the outline of some documents as text.
pub fn write_text(out: &mut impl Write, documents: &[Document]) -> io::Result<()> {
    for document in documents {
        if document.reports.len() > 1 {
            writeln!(
                out,
                "{} {}",
                sanitize(&document.path).bold(),
                format!("(a compilation of {} reports)", document.reports.len()).dimmed()
            )?;
        }
        for warning in &document.warnings {
            writeln!(out, "{} {}", "warning:".yellow().bold(), sanitize(warning))?;
        }
        for report in &document.reports {
            write_report(out, report)?;
        }
    }
    Ok(())
}

/// "year 2024 from the meeting line, place 河北省 from the speaker's office": the values the
/// title does not give, and where they were found instead.
fn derived_line(report: &Report) -> Option<String> {
    let derived = |value: Option<String>, from: Option<Evidence>, what: &str| match (value, from) {
        (Some(v), Some(from)) if from != Evidence::Title => {
            Some(format!("{what} {v} from {}", from.describe()))
        }
        _ => None,
    };
    let parts: Vec<String> = [
        derived(report.year.map(|y| y.to_string()), report.year_from, "year"),
        derived(report.place.clone(), report.place_from, "place"),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| format!("derived: {}", parts.join(", ")))
}

fn write_report(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let title = match &report.title {
        Some(t) if report.title_derived => format!("{} (title derived)", t.text),
        Some(t) => t.text.clone(),
        None => "(no title)".to_string(),
    };
    writeln!(out, "{}", sanitize(&title).bold())?;
    let script = if report.converted {
        "converted from Traditional"
    } else {
        "Simplified"
    };
    writeln!(
        out,
        "  {}  {}, {}, {}",
        sanitize(&report.path),
        report.encoding,
        script,
        genre_name(report.genre)
    )?;
    if let Some(line) = derived_line(report) {
        writeln!(out, "  {}", sanitize(&line))?;
    }
    writeln!(
        out,
        "  {} characters, {} sections, {} sentences",
        report.key_char_count(),
        report
            .sections
            .iter()
            .filter(|s| s.heading.is_some())
            .count(),
        report.sentence_count()
    )?;
    for warning in &report.warnings {
        writeln!(
            out,
            "  {} {}",
            "warning:".yellow().bold(),
            sanitize(warning)
        )?;
    }
    for section in &report.sections {
        write_section(out, section, 1)?;
    }
    write_targets(out, &plan::read(report))?;
    write_dropped(out, report)
}

/// "targets (7):" and one line a target: indicator, figure, the clause it came from.
fn write_targets(out: &mut impl Write, plan: &Plan) -> io::Result<()> {
    for (what, list) in [
        ("targets", &plan.targets),
        ("achieved the year before", &plan.achieved),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "  {what} ({}):", list.len())?;
        for t in list {
            writeln!(
                out,
                "    {:<24} {:<14} {}",
                indicator_text(t),
                figure_text(t),
                sanitize(&t.clause).dimmed()
            )?;
        }
    }
    Ok(())
}

fn genre_name(genre: Genre) -> &'static str {
    match genre {
        Genre::Report => "work report",
        Genre::Excerpt => "excerpt of a work report",
        Genre::Other => "not a work report",
    }
}

fn write_section(out: &mut impl Write, section: &Section, depth: usize) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    let heading = match &section.heading {
        Some(h) => sanitize(&h.text.text).into_owned(),
        None => "(preamble)".to_string(),
    };
    let kind = match section.kind {
        SectionKind::Body | SectionKind::Preamble => String::new(),
        SectionKind::Glossary => format!(" {}", "[glossary]".cyan()),
        SectionKind::Appendix => format!(" {}", "[appendix]".cyan()),
    };
    let count = format!("({} sentences)", section.sentence_count());
    writeln!(out, "{indent}{heading}{kind} {}", count.dimmed())?;
    for child in &section.children {
        write_section(out, child, depth + 1)?;
    }
    Ok(())
}

fn write_dropped(out: &mut impl Write, report: &Report) -> io::Result<()> {
    if report.dropped.is_empty() {
        return Ok(());
    }
    writeln!(out, "  dropped {} lines:", report.dropped.len())?;
    for d in &report.dropped {
        let reason = serde_json::to_value(d.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let text: String = d.text.chars().take(60).collect();
        writeln!(
            out,
            "    {} {} {}",
            format!("line {}", d.line).dimmed(),
            format!("[{reason}]").yellow(),
            sanitize(&text)
        )?;
    }
    Ok(())
}
