//! What each command does, from validated options to printed output. `main` only calls
//! [`run`].

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, MatrixArgs, NormalizeArgs, OutlineArgs, SplitArgs};
use crate::compare;
use crate::comparison::{CompareOptions, Only, View};
use crate::config::{self, Reading};
use crate::corpus::{self, MatrixOptions};
use crate::exit;
use crate::model::{Document, Report};
use crate::output;
use crate::read;
use crate::render;
use crate::render::json;
use crate::render::text::sanitize;

/// Run the command line; returns the exit status.
pub fn run(cli: Cli) -> Result<u8> {
    colored::control::set_override(config::use_color(&cli.output));
    let reading = Reading::from_args(&cli.read)?;
    match &cli.command {
        Some(Command::Outline(args)) => outline(args, &reading),
        Some(Command::Normalize(args)) => normalize(args, &reading),
        Some(Command::Matrix(args)) => matrix(args, &reading),
        Some(Command::Split(args)) => split(args, &reading),
        Some(Command::Generate(args)) => generate(args.what),
        None => compare_pair(&cli, &reading),
    }
}

/// Read every file, its warnings on stderr (also when stdout goes to a file or a pipe).
fn read_all(files: &[PathBuf], reading: &Reading) -> Result<Vec<Document>> {
    files
        .iter()
        .map(|path| {
            let document = read::read_path(path, &reading.options, &reading.normalizer)?;
            warn(&document);
            Ok(document)
        })
        .collect()
}

fn outline(args: &OutlineArgs, reading: &Reading) -> Result<u8> {
    let documents = read_all(&args.files, reading)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        render::json::write(&mut out, &render::outline::to_json(&documents))
            .context("writing JSON")?;
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

/// A document's warnings and its reports', one line each on stderr.
fn warn(document: &Document) {
    for warning in &document.warnings {
        warn_once(sanitize(&format!("rdiff: warning: {}: {warning}", document.path)).into_owned());
    }
    for report in &document.reports {
        for warning in &report.warnings {
            warn_once(
                sanitize(&format!("rdiff: warning: {}: {warning}", report.path)).into_owned(),
            );
        }
    }
}

/// Print `line` on stderr unless it was printed before (the same file given twice warns once).
fn warn_once(line: String) {
    static PRINTED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut printed = PRINTED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !printed.contains(&line) {
        eprintln!("{line}");
        printed.push(line);
    }
}

fn compare_pair(cli: &Cli, reading: &Reading) -> Result<u8> {
    let [a, b] = cli.reports.as_slice() else {
        anyhow::bail!("give two reports to compare");
    };
    anyhow::ensure!(
        !(a == Path::new(read::STDIN) && b == Path::new(read::STDIN)),
        "-: standard input can be only one of the two reports"
    );
    if let Some(path) = &cli.compare.html {
        output::check_target(path)?;
    }
    let a = read_one(a, reading)?;
    let b = read_one(b, reading)?;
    let n = cli.compare.min_match;
    anyhow::ensure!(n >= 2, "--min-match {n}: must be at least 2");
    let options = CompareOptions {
        min_match: n,
        ..CompareOptions::default()
    };
    let comparison = compare::compare(&a, &b, &options);
    let identical = comparison.identical_keys();
    if let Some(path) = &cli.compare.html {
        render::html::write_file(path, &comparison)?;
        eprintln!("{}", sanitize(&format!("rdiff: wrote {}", path.display())));
    }
    let args = &cli.compare;
    // The page is the whole comparison; the terminal then shows its figures, unless a view
    // of its own was asked for.
    let narrowed = args.own || args.shared || args.commitments || args.section.is_some();
    let view = View {
        only: if args.own {
            Some(Only::Own)
        } else if args.shared {
            Some(Only::Shared)
        } else if args.commitments {
            Some(Only::Commitments)
        } else {
            None
        },
        section: args.section.clone(),
        summary: args.summary || (args.html.is_some() && !args.json && !narrowed),
    };
    let comparison = compare::view::apply(comparison, &view)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        render::json::write(&mut out, &comparison).context("writing JSON")?;
    } else {
        let opts = render::terminal::TerminalOptions {
            width: config::terminal_width(),
            show_equal: args.show_equal,
        };
        render::terminal::write(&mut out, &comparison, &opts)?;
    }
    out.flush()?;
    Ok(if identical {
        exit::SAME
    } else {
        exit::DIFFERENT
    })
}

/// `rdiff matrix`: read every input (one line on stderr for each that fails, and the run goes
/// on), compare them all, print and write what was asked. Exit 2 if any input failed.
fn matrix(args: &MatrixArgs, reading: &Reading) -> Result<u8> {
    let mut options = MatrixOptions {
        top: args.top,
        sources: args.top.unwrap_or(corpus::DEFAULT_SOURCES),
        phrases: args.phrases,
        pairs: args.pairs,
        ..MatrixOptions::default()
    };
    let n = args.min_match;
    anyhow::ensure!(n >= 2, "--min-match {n}: must be at least 2");
    options.min_match = n;
    anyhow::ensure!(args.top != Some(0), "--top 0: must be at least 1");
    anyhow::ensure!(
        args.common > 0.0 && args.common <= 1.0,
        "--common {}: must be a share above 0 and at most 1",
        args.common
    );
    options.common = args.common;
    for path in args.csv.iter().chain(&args.targets_csv).chain(&args.html) {
        output::check_target(path)?;
    }
    let bar = render::matrix_progress::Bar::new(!args.quiet);
    let loaded = load_corpus(args, reading, &bar)?;
    let mut analysis = corpus::analyze(&loaded.entries, &options, &bar);
    analysis.failed = loaded.failed;
    write_matrix_files(args, &analysis, &loaded.reports, &bar)?;
    bar.finish();
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        render::json::write(&mut out, &analysis).context("writing JSON")?;
    } else {
        render::matrix_terminal::write(&mut out, &analysis, config::terminal_width())?;
    }
    out.flush()?;
    Ok(if analysis.failed.is_empty() {
        exit::SAME
    } else {
        exit::TROUBLE
    })
}

/// Read the corpus, reporting inputs that fail (and warnings unless `--quiet`) on stderr.
fn load_corpus(
    args: &MatrixArgs,
    reading: &Reading,
    bar: &render::matrix_progress::Bar,
) -> Result<corpus::inputs::Loaded> {
    let inputs = corpus::inputs::expand(&args.paths);
    let keep_reports = args.pairs_dir.is_some();
    let loaded = corpus::inputs::load(
        &inputs,
        &reading.options,
        &reading.normalizer,
        keep_reports,
        bar,
    );
    for failed in &loaded.failed {
        bar.println(&format!("rdiff: {}", failed.error));
    }
    if !args.quiet {
        for warning in &loaded.warnings {
            bar.println(&format!("rdiff: warning: {warning}"));
        }
    }
    if loaded.entries.is_empty() {
        bar.finish();
        anyhow::bail!("no report to compare");
    }
    Ok(loaded)
}

/// `--csv`, `--targets-csv`, `--html` and `--pairs-dir`.
fn write_matrix_files(
    args: &MatrixArgs,
    analysis: &corpus::Analysis,
    reports: &[Report],
    bar: &render::matrix_progress::Bar,
) -> Result<()> {
    if let Some(path) = &args.csv {
        render::matrix_csv::write_file(path, analysis)?;
    }
    if let Some(path) = &args.targets_csv {
        render::targets_csv::write_file(path, analysis)?;
    }
    let Some(path) = &args.html else {
        return Ok(());
    };
    let pairs: Vec<(usize, usize)> = analysis
        .pairs
        .iter()
        .map(|p| (p.a_index, p.b_index))
        .collect();
    let prefix = match &args.pairs_dir {
        Some(dir) => Some(write_pair_pages(
            dir,
            path,
            reports,
            &pairs,
            &analysis.options,
            bar,
        )?),
        None => None,
    };
    let link = |a: usize, b: usize| {
        let prefix = prefix.as_ref()?;
        let listed = pairs.contains(&(a.min(b), a.max(b)));
        listed.then(|| format!("{prefix}{}", corpus::pairs::pair_file_name(a, b)))
    };
    let links: Option<render::matrix_html::PairLinks> = prefix.as_ref().map(|_| &link as _);
    render::matrix_html::write_file(path, analysis, links)?;
    Ok(())
}

/// `rdiff generate`: a completion script or the man page, from the same definitions as
/// `--help`, so they cannot drift from it.
fn generate(what: crate::cli::Generated) -> Result<u8> {
    use crate::cli::Generated;
    use clap::CommandFactory;
    use clap_complete::Shell;
    let mut command = Cli::command();
    let mut out = io::stdout().lock();
    let shell = match what {
        Generated::Bash => Shell::Bash,
        Generated::Zsh => Shell::Zsh,
        Generated::Fish => Shell::Fish,
        Generated::Elvish => Shell::Elvish,
        Generated::Powershell => Shell::PowerShell,
        Generated::Man => {
            clap_mangen::Man::new(command).render(&mut out)?;
            return Ok(exit::SAME);
        }
        Generated::CompareSchema => return print_schema(json::Output::Compare),
        Generated::OutlineSchema => return print_schema(json::Output::Outline),
        Generated::MatrixSchema => return print_schema(json::Output::Matrix),
    };
    // Into memory first: clap_complete panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rdiff", &mut script);
    out.write_all(&script)?;
    Ok(exit::SAME)
}

/// The JSON Schema of one JSON output.
fn print_schema(output: json::Output) -> Result<u8> {
    let mut out = BufWriter::new(io::stdout().lock());
    json::write_schema(&mut out, &output.schema())?;
    out.flush()?;
    Ok(exit::SAME)
}

/// `rdiff split`: each report of a compilation to its own file; prints the files written.
fn split(args: &SplitArgs, reading: &Reading) -> Result<u8> {
    let document = read::read_path(&args.file, &reading.options, &reading.normalizer)?;
    warn(&document);
    let written = corpus::split::write_reports(&document, &args.output)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for path in written {
        writeln!(out, "{}", path.display())?;
    }
    out.flush()?;
    Ok(exit::SAME)
}

/// Write the pair report of each of `pairs` into `dir`; returns the href prefix from the
/// matrix page at `page` to them.
fn write_pair_pages(
    dir: &Path,
    page: &Path,
    reports: &[Report],
    pairs: &[(usize, usize)],
    options: &MatrixOptions,
    bar: &render::matrix_progress::Bar,
) -> Result<String> {
    std::fs::create_dir_all(dir).with_context(|| format!("--pairs-dir {}", dir.display()))?;
    let compare_options = CompareOptions {
        min_match: options.min_match,
        ..CompareOptions::default()
    };
    corpus::pairs::for_each_pair(reports, pairs, &compare_options, bar, |a, b, comparison| {
        let path = dir.join(corpus::pairs::pair_file_name(a, b));
        render::html::write_file(&path, comparison)
    })?;
    Ok(render::matrix_html::href_prefix(page, dir))
}
