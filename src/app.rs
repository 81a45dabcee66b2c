//! What each command does, from validated options to printed output. `main` only calls
//! [`run`].

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, NormalizeArgs, OutlineArgs};
use crate::config::{self, Reading};
use crate::exit;
use crate::model::Document;
use crate::read;
use crate::render;

/// Run the command line; returns the exit status.
pub fn run(cli: Cli) -> Result<u8> {
    colored::control::set_override(config::use_color(&cli.output));
    let reading = Reading::from_args(&cli.read)?;
    match &cli.command {
        Some(Command::Outline(args)) => outline(args, &reading),
        Some(Command::Normalize(args)) => normalize(args, &reading),
        None => anyhow::bail!("comparing two reports is not built yet"),
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
