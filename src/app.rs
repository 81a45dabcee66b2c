//! What each command does, from validated options to printed output. `main` only calls
//! [`run`].

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, NormalizeArgs, OutlineArgs};
use crate::compare;
use crate::comparison::CompareOptions;
use crate::config::{self, Reading};
use crate::exit;
use crate::model::{Document, Report};
use crate::read;
use crate::render;

/// Run the command line; returns the exit status.
pub fn run(cli: Cli) -> Result<u8> {
    colored::control::set_override(config::use_color(&cli.output));
    let reading = Reading::from_args(&cli.read)?;
    match &cli.command {
        Some(Command::Outline(args)) => outline(args, &reading),
        Some(Command::Normalize(args)) => normalize(args, &reading),
        None => compare_pair(&cli, &reading),
    }
}

fn read_all(files: &[PathBuf], reading: &Reading) -> Result<Vec<Document>> {
    files
        .iter()
        .map(|path| {
            read::read_path(path, &reading.options, &reading.normalizer).map_err(Into::into)
        })
        .collect()
}

fn outline(args: &OutlineArgs, reading: &Reading) -> Result<u8> {
    let documents = read_all(&args.files, reading)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &render::outline::to_json(&documents))
            .context("writing JSON")?;
        writeln!(out)?;
    } else {
        render::outline::write_text(&mut out, &documents)?;
    }
    out.flush()?;
    Ok(exit::SAME)
}

fn normalize(args: &NormalizeArgs, reading: &Reading) -> Result<u8> {
    let documents = read_all(std::slice::from_ref(&args.file), reading)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for document in &documents {
        for warning in &document.warnings {
            eprintln!("rdiff: warning: {}: {}", document.path, warning);
        }
        render::normalized::write(&mut out, document, args.original)?;
    }
    out.flush()?;
    Ok(exit::SAME)
}

/// Read a file that must hold exactly one report (a compilation is refused with advice).
fn read_one(path: &Path, reading: &Reading) -> Result<Report> {
    let document = read::read_path(path, &reading.options, &reading.normalizer)?;
    warn(&document);
    let count = document.reports.len();
    let mut reports = document.reports.into_iter();
    match (reports.next(), count) {
        (Some(report), 1) => Ok(report),
        (_, 0) => anyhow::bail!("{}: no report text found", path.display()),
        _ => anyhow::bail!(
            "{}: holds {count} reports (a compilation); compare them with `rdiff matrix`, or write each to its own file with `rdiff split`",
            path.display()
        ),
    }
}

fn warn(document: &Document) {
    for warning in &document.warnings {
        eprintln!("rdiff: warning: {}: {warning}", document.path);
    }
    for report in &document.reports {
        for warning in &report.warnings {
            eprintln!("rdiff: warning: {}: {warning}", report.path);
        }
    }
}

fn compare_pair(cli: &Cli, reading: &Reading) -> Result<u8> {
    let [a, b] = cli.reports.as_slice() else {
        anyhow::bail!("give two reports to compare");
    };
    let a = read_one(a, reading)?;
    let b = read_one(b, reading)?;
    let mut options = CompareOptions::default();
    if let Some(n) = cli.compare.min_match {
        anyhow::ensure!(n >= 2, "--min-match {n}: must be at least 2");
        options.min_match = n;
    }
    let comparison = compare::compare(&a, &b, &options);
    let mut out = BufWriter::new(io::stdout().lock());
    if cli.compare.json {
        serde_json::to_writer_pretty(&mut out, &comparison).context("writing JSON")?;
        writeln!(out)?;
    } else {
        let opts = render::terminal::TerminalOptions {
            width: config::terminal_width(),
            summary: cli.compare.summary,
            show_equal: cli.compare.show_equal,
        };
        render::terminal::write(&mut out, &comparison, &opts)?;
    }
    out.flush()?;
    Ok(if comparison.identical_keys() {
        exit::SAME
    } else {
        exit::DIFFERENT
    })
}
