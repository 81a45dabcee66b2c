//! `rdiff matrix --targets-csv FILE`: every report's targets and reviewed results as CSV, one
//! row a figure (long format: `pandas.read_csv(f)` then pivot by indicator).
//!
//! Columns: `report,place,year,list,indicator,name,change,low,high,unit,qualifiers,clause`.
//! `list` is `target` (the report's main expected targets) or `achieved` (what its review
//! says the year before achieved); `low`/`high` are empty for a target without a figure;
//! `qualifiers` are the words as written, joined by a space (左右 以上 …). Text fields are
//! quoted and defused as in [`super::matrix_csv`]. Written whole or not at all.

use std::io::{self, Write};
use std::path::Path;

use super::matrix_csv::field;
use crate::corpus::Analysis;
use crate::output::{write_atomically, WriteError};
use crate::plan::Target;

/// The header row.
pub const HEADER: &str =
    "report,place,year,list,indicator,name,change,low,high,unit,qualifiers,clause";

/// Write the targets CSV of `analysis` to `out`.
pub fn write<W: Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    write!(out, "{HEADER}\r\n")?;
    for r in &analysis.reports {
        for (list, targets) in [("target", &r.targets), ("achieved", &r.achieved)] {
            for t in targets {
                row(out, &r.name, r.info.place.as_deref(), r.info.year, list, t)?;
            }
        }
    }
    Ok(())
}

fn row<W: Write>(
    out: &mut W,
    report: &str,
    place: Option<&str>,
    year: Option<u16>,
    list: &str,
    t: &Target,
) -> io::Result<()> {
    let change = match t.change {
        Some(crate::plan::Change::Increase) => "increase",
        Some(crate::plan::Change::Decrease) => "decrease",
        None => "",
    };
    let (low, high, unit) = match &t.figure {
        Some(f) => (f.low.to_string(), f.high.to_string(), f.unit.as_str()),
        None => (String::new(), String::new(), ""),
    };
    let qualifiers: Vec<&str> = t.qualifiers.iter().map(|q| q.written()).collect();
    write!(
        out,
        "{},{},{},{list},{},{},{change},{low},{high},{},{},{}\r\n",
        field(report),
        field(place.unwrap_or("")),
        year.map(|y| y.to_string()).unwrap_or_default(),
        t.indicator.name(),
        field(&t.name),
        field(unit),
        field(&qualifiers.join(" ")),
        field(&t.clause),
    )
}

/// Write the targets CSV of `analysis` to `path`, whole or not at all.
pub fn write_file(path: &Path, analysis: &Analysis) -> Result<(), WriteError> {
    write_atomically(path, |out| write(out, analysis))
}
