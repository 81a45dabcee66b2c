//! `rdiff matrix --csv FILE`: the reuse matrix as CSV, for pandas, R or a spreadsheet.
//!
//! A header row `report,<name 1>,<name 2>,…`, then one row per report: its name, then cell
//! (row, column) = share of the row's report found in the column's report. Names are always
//! quoted (RFC 4180: inner quotes doubled), so commas, quotes and line breaks in titles are
//! safe; numbers are written in full precision (Rust's shortest round-trip form), so the CSV
//! holds the same f64 as the JSON. `pandas.read_csv(f, index_col=0)` and
//! `read.csv(f, row.names = 1, check.names = FALSE)` read it as is.
//!
//! The file is written whole or not at all: into a temporary file beside it, then renamed.

use std::io::{self, Write};
use std::path::Path;

use crate::corpus::Analysis;

/// Why an output file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: cannot write: {source}")]
    Io { path: String, source: io::Error },
    #[error("--csv needs the dense matrix: it cannot be written with --top")]
    NoMatrix,
}

/// Write the CSV of `analysis` to `out`.
pub fn write<W: Write>(out: &mut W, analysis: &Analysis) -> Result<(), OutputError> {
    let matrix = analysis.matrix.as_ref().ok_or(OutputError::NoMatrix)?;
    let io = |source| OutputError::Io {
        path: "CSV".to_string(),
        source,
    };
    write!(out, "report").map_err(io)?;
    for report in &analysis.reports {
        write!(out, ",{}", quote(&report.name)).map_err(io)?;
    }
    write!(out, "\r\n").map_err(io)?;
    for (report, row) in analysis.reports.iter().zip(matrix) {
        write!(out, "{}", quote(&report.name)).map_err(io)?;
        for cell in row {
            write!(out, ",{cell}").map_err(io)?;
        }
        write!(out, "\r\n").map_err(io)?;
    }
    Ok(())
}

/// Write the CSV of `analysis` to `path`, whole or not at all.
pub fn write_file(path: &Path, analysis: &Analysis) -> Result<(), OutputError> {
    if analysis.matrix.is_none() {
        return Err(OutputError::NoMatrix);
    }
    write_atomically(path, |out| write(out, analysis))
}

/// A field in double quotes, inner quotes doubled.
pub fn quote(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

/// Write `path` through a temporary file in the same folder, renamed into place once complete:
/// a reader never sees half a file, and a failed run leaves an older file untouched.
pub fn write_atomically<F>(path: &Path, fill: F) -> Result<(), OutputError>
where
    F: FnOnce(&mut io::BufWriter<std::fs::File>) -> Result<(), OutputError>,
{
    let label = path.display().to_string();
    let fail = |source| OutputError::Io {
        path: label.clone(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.rdiff-{}.tmp", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&temp).map_err(fail)?;
        let mut out = io::BufWriter::new(file);
        fill(&mut out)?;
        let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
        file.sync_all().map_err(fail)?;
        std::fs::rename(&temp, path).map_err(fail)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
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
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.csv");
        std::fs::write(&path, "old").unwrap();
        let failed = write_atomically(&path, |out| {
            out.write_all(b"half").unwrap();
            Err(OutputError::NoMatrix)
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
        write_file(&path, &analysis(&["a", "b", "c"], None)).unwrap();
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("report,"));
    }
}
