//! `rdiff matrix --csv FILE`: the reuse matrix as CSV, for pandas, R or a spreadsheet.
//!
//! A header row `report,<name 1>,<name 2>,…`, then one row per report: its name, then cell
//! (row, column) = share of the row's report found in the column's report. Names are always
//! quoted (RFC 4180: inner quotes doubled), so commas, quotes and line breaks in titles are
//! safe; numbers are written in full precision (Rust's shortest round-trip form), so the CSV
//! holds the same f64 as the JSON. `pandas.read_csv(f, index_col=0)` and
//! `read.csv(f, row.names = 1, check.names = FALSE)` read it as is. A name a spreadsheet would
//! run as a formula (`=…`, `+…`, `-…`, `@…`) is written with a `'` before it ([`field`]).
//!
//! The file is written whole or not at all ([`crate::output`]).

use std::io::{self, Write};
use std::path::Path;

use crate::corpus::Analysis;
use crate::output::{write_atomically, WriteError};

/// Why the CSV could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("--csv needs the dense matrix: it cannot be written with --top")]
    NoMatrix,
}

/// Write the CSV of `analysis` to `out`.
pub fn write<W: Write>(out: &mut W, analysis: &Analysis) -> Result<(), OutputError> {
    let matrix = analysis.matrix.as_ref().ok_or(OutputError::NoMatrix)?;
    write_rows(out, analysis, matrix).map_err(|source| {
        OutputError::Write(WriteError::Io {
            path: "CSV".into(),
            source,
        })
    })
}

fn write_rows<W: Write>(out: &mut W, analysis: &Analysis, matrix: &[Vec<f64>]) -> io::Result<()> {
    write!(out, "report")?;
    for report in &analysis.reports {
        write!(out, ",{}", field(&report.name))?;
    }
    write!(out, "\r\n")?;
    for (report, row) in analysis.reports.iter().zip(matrix) {
        write!(out, "{}", field(&report.name))?;
        for cell in row {
            write!(out, ",{cell}")?;
        }
        write!(out, "\r\n")?;
    }
    Ok(())
}

/// Write the CSV of `analysis` to `path`, whole or not at all.
pub fn write_file(path: &Path, analysis: &Analysis) -> Result<(), OutputError> {
    let matrix = analysis.matrix.as_ref().ok_or(OutputError::NoMatrix)?;
    write_atomically(path, |out| write_rows(out, analysis, matrix))?;
    Ok(())
}

/// A report name as a CSV field: quoted, and defused if a spreadsheet would take it for a
/// formula (OWASP's advice for CSV injection: a leading `=`, `+`, `-`, `@`, tab or carriage
/// return gets a `'` before it, which spreadsheets show as text and pandas keeps).
pub fn field(name: &str) -> String {
    let formula = name.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula {
        quote(&format!("'{name}"))
    } else {
        quote(name)
    }
}

/// A field in double quotes, inner quotes doubled.
pub fn quote(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{analyze, Entry, MatrixOptions, Silent};
    use crate::testing::report_from_outline;

    fn analysis(names: &[&str], top: Option<usize>) -> Analysis {
        let texts = [
            "坚持以人民为中心的发展思想。甲。",
            "坚持以人民为中心的发展思想。乙。",
            "丙丁。",
        ];
        let entries: Vec<Entry> = names
            .iter()
            .zip(texts)
            .map(|(n, t)| Entry::new(&report_from_outline("x", t), n.to_string(), None))
            .collect();
        let options = MatrixOptions {
            min_match: 6,
            top,
            ..MatrixOptions::default()
        };
        analyze(&entries, &options, &Silent)
    }

    #[test]
    fn names_are_quoted_and_cells_round_trip() {
        let a = analysis(&["a,1", "say \"b\"", "c"], None);
        let mut out = Vec::new();
        write(&mut out, &a).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "report,\"a,1\",\"say \"\"b\"\"\",\"c\"");
        let m = a.matrix.as_ref().unwrap();
        let cells: Vec<f64> = lines[1]
            .rsplitn(4, ',')
            .take(3)
            .map(|c| c.parse().unwrap())
            .collect();
        assert_eq!(cells, vec![m[0][2], m[0][1], m[0][0]]);
        assert!(m[0][1] > 0.0 && m[0][1] < 1.0);
        assert_eq!(
            lines.len(),
            5,
            "header, three rows, and the final empty split"
        );
    }

    #[test]
    fn no_matrix_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.csv");
        let a = analysis(&["a", "b", "c"], Some(1));
        assert!(matches!(write_file(&path, &a), Err(OutputError::NoMatrix)));
        assert!(!path.exists());
    }

    #[test]
    fn names_that_look_like_formulas_are_defused() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for name in ["+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(field(name).starts_with("\"'"), "{name}");
        }
        assert_eq!(field("2024年-廊坊"), "\"2024年-廊坊\"");
    }
}
