//! `rdiff normalize`: the text as rdiff compares it, a heading or sentence a line.

use std::io::{self, Write};

use crate::model::{Document, Section, Text};
use crate::render::text::sanitize;

/// Write each report of `document`: its title, then headings and sentences, one per line.
/// With `original`, the text as written is printed instead of the normalized text.
pub fn write(out: &mut impl Write, document: &Document, original: bool) -> io::Result<()> {
    let pick = |t: &Text| -> String {
        let s = if original { &t.original } else { &t.text };
        sanitize(s).into_owned()
    };
    for (i, report) in document.reports.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        if let Some(title) = &report.title {
            writeln!(out, "{}", pick(title))?;
        }
        for section in &report.sections {
            write_section(out, section, &pick)?;
        }
    }
    Ok(())
}

fn write_section(
    out: &mut impl Write,
    section: &Section,
    pick: &dyn Fn(&Text) -> String,
) -> io::Result<()> {
    if let Some(heading) = &section.heading {
        writeln!(out, "{}", pick(&heading.text))?;
    }
    for sentence in &section.sentences {
        writeln!(out, "{}", pick(&sentence.text))?;
    }
    for child in &section.children {
        write_section(out, child, pick)?;
    }
    Ok(())
}
