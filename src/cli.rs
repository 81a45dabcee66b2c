//! Command-line definitions, and nothing else: the doc comments are the help text.
//!
//! Flags are parsed here raw; [`crate::config`] turns them once into validated options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare Chinese government work reports (政府工作报告): what is template, what is each
/// city's own.
///
/// `rdiff A B` reads both reports (UTF-8, GB18030/GBK, Big5 or UTF-16; Traditional or
/// Simplified), aligns their sections, diffs them sentence by sentence and measures the text
/// they share. Exit status: 0 when the reports say the same, 1 when they differ, 2 on trouble.
#[derive(Debug, Parser)]
#[command(
    name = "rdiff",
    version,
    args_conflicts_with_subcommands = true,
    override_usage = "rdiff [OPTIONS] <A> <B>\n       rdiff <COMMAND>",
    subcommand_negates_reqs = true,
    after_help = "Examples:\n  rdiff a.txt b.txt\n  rdiff a.txt b.txt --html report.html\n  rdiff outline report.txt\n  rdiff normalize report.txt | less\n  rdiff matrix reports/ --html matrix.html\n  rdiff split compilation.txt -o reports/"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The two reports to compare, A then B (old and new, or city A and city B); `-` reads
    /// one of them from standard input.
    #[arg(value_names = ["A", "B"], num_args = 2, required = true)]
    pub reports: Vec<PathBuf>,

    #[command(flatten)]
    pub compare: CompareArgs,

    #[command(flatten)]
    pub read: ReadArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// The subcommands; without one, rdiff compares two reports.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what rdiff read: title, encoding, script, sections, sentences, dropped lines.
    Outline(OutlineArgs),
    /// Print a report as rdiff compares it: one script, folded widths, furniture removed,
    /// one heading or sentence per line.
    Normalize(NormalizeArgs),
    /// Measure template reuse across many reports: a reuse matrix, each report's template
    /// and own share and closest sources, the most shared phrases and sentences. Exit status:
    /// 0, or 2 when an input could not be read (the others are still compared).
    Matrix(MatrixArgs),
    /// Write each report of a compilation to its own UTF-8 file, named after its title.
    Split(SplitArgs),
    /// Print a shell completion script, the man page or a JSON output's schema on stdout, e.g.
    /// `rdiff generate bash > /etc/bash_completion.d/rdiff`, `rdiff generate man > rdiff.1`,
    /// `rdiff generate compare-schema`.
    Generate(GenerateArgs),
}

/// Arguments of `rdiff generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// What to print.
    #[arg(value_enum)]
    pub what: Generated,
}

/// A completion script for a shell, the man page, or the JSON Schema of a JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generated {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
    /// The man page (roff), for `man -l`.
    Man,
    /// The JSON Schema of `rdiff A B --json`.
    CompareSchema,
    /// The JSON Schema of `rdiff outline --json`.
    OutlineSchema,
    /// The JSON Schema of `rdiff matrix --json`.
    MatrixSchema,
}

/// Arguments of `rdiff matrix`.
#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// Report files, folders (searched recursively for *.txt) and compilations (each of
    /// their reports counts on its own).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Print the result as JSON (the format is documented in docs/matrix.md).
    #[arg(long)]
    pub json: bool,

    /// Also write the reuse matrix to FILE as CSV: a row per report, a header of report names.
    #[arg(long, value_name = "FILE", conflicts_with = "top")]
    pub csv: Option<PathBuf>,

    /// Also write every report's main expected targets and reviewed results to FILE as CSV:
    /// a row a figure (report, place, year, indicator, value or range, unit, qualifiers…).
    #[arg(long, value_name = "FILE")]
    pub targets_csv: Option<PathBuf>,

    /// Also write a self-contained HTML page to FILE: heatmap, sortable report table,
    /// shared phrases.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// With --html: write the comparison of each listed most similar pair (see --pairs) as
    /// HTML into DIR and link their heatmap cells to them.
    #[arg(long, value_name = "DIR", requires = "html", conflicts_with = "top")]
    pub pairs_dir: Option<PathBuf>,

    /// Keep only each report's K closest sources instead of the dense matrix (for large
    /// corpora; the JSON "matrix" is then null).
    #[arg(long, value_name = "K")]
    pub top: Option<usize>,

    /// Shortest run of shared characters (punctuation and spaces not counted) that counts as
    /// shared text; the same as for a pair.
    #[arg(long, value_name = "N", default_value_t = crate::comparison::DEFAULT_MIN_MATCH)]
    pub min_match: usize,

    /// Shared text found in at least this share of the other reports (and at least two)
    /// counts as common template, not as reuse from any one report: closest sources and
    /// similar pairs rank by the rest.
    #[arg(long, value_name = "SHARE", default_value_t = crate::corpus::DEFAULT_COMMON)]
    pub common: f64,

    /// How many most similar pairs to list (and, with --pairs-dir, to write pages for).
    #[arg(long, value_name = "N", default_value_t = crate::corpus::DEFAULT_PAIRS)]
    pub pairs: usize,

    /// How many shared phrases and recurring sentences to list.
    #[arg(long, value_name = "N", default_value_t = crate::corpus::DEFAULT_PHRASES)]
    pub phrases: usize,

    /// No progress bar and no reading warnings (unreadable inputs are still reported).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Arguments of `rdiff split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The compilation (a file holding several reports) to split.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Folder to write the reports into (created if missing; files of the same name are
    /// replaced).
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,
}

/// Arguments of `rdiff outline`.
#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// Report files to outline (a compilation yields each of its reports).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `rdiff normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// The report file to print as rdiff reads it.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Print the original text of each line (as written) instead of the normalized text.
    #[arg(long)]
    pub original: bool,
}

/// How reports are read.
#[derive(Debug, Args, Clone, Default)]
pub struct ReadArgs {
    /// Decode input with this encoding instead of detecting it (e.g. gbk, gb18030, big5,
    /// utf-8, utf-16le).
    #[arg(long, value_name = "LABEL", global = true)]
    pub encoding: Option<String>,

    /// Apply the replacement rules in FILE to the normalized text (e.g. to undo masking
    /// such as "X的二十大"); see samples/compilation-unmask.rules.
    #[arg(long, value_name = "FILE", global = true)]
    pub rules: Option<PathBuf>,
}

/// How the pair comparison is done and shown.
#[derive(Debug, Args, Clone, Default)]
pub struct CompareArgs {
    /// Print the comparison as JSON (the format is documented in the README).
    #[arg(long)]
    pub json: bool,

    /// Write the comparison as a self-contained HTML page to FILE (the terminal then shows
    /// only the summary).
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// Print only the header and per-section reuse (with --json: the figures, sections
    /// without their sentences).
    #[arg(long)]
    pub summary: bool,

    /// Show only what one report says and the other does not (terminal and JSON).
    #[arg(long, group = "only")]
    pub own: bool,

    /// Show only what both reports say, in the same words or nearly, and the longest shared
    /// phrases (terminal and JSON).
    #[arg(long, group = "only")]
    pub shared: bool,

    /// Show only the main targets and each report's own commitments (terminal and JSON).
    #[arg(long, group = "only")]
    pub commitments: bool,

    /// Show only the sections whose heading, in A or B, holds TEXT (punctuation, spaces and
    /// script do not matter: "重点工作" finds "三、2026年重点工作").
    #[arg(long, value_name = "TEXT")]
    pub section: Option<String>,

    /// Print equal sentences (dimmed) instead of folding each run into a count.
    #[arg(long)]
    pub show_equal: bool,

    /// Shortest run of shared characters (punctuation and spaces not counted) that counts as
    /// shared text.
    #[arg(long, value_name = "N", default_value_t = crate::comparison::DEFAULT_MIN_MATCH)]
    pub min_match: usize,
}

/// How output looks.
#[derive(Debug, Args, Clone, Default)]
pub struct OutputArgs {
    /// When to use colour: auto uses it only on a terminal and honours NO_COLOR.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_argument_has_help() {
        fn check(cmd: &clap::Command) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(
                    arg.get_help().is_some(),
                    "argument --{id} of `{}` has no help text",
                    cmd.get_name()
                );
            }
            for sub in cmd.get_subcommands() {
                assert!(
                    sub.get_about().is_some(),
                    "subcommand {} has no help",
                    sub.get_name()
                );
                check(sub);
            }
        }
        check(&Cli::command());
    }

    #[test]
    fn two_reports_or_a_subcommand() {
        assert!(Cli::try_parse_from(["rdiff", "a.txt"]).is_err());
        assert!(Cli::try_parse_from(["rdiff", "a.txt", "b.txt", "c.txt"]).is_err());
        let cli = Cli::try_parse_from(["rdiff", "a.txt", "b.txt"]).unwrap();
        assert_eq!(cli.reports.len(), 2);
        let usage = Cli::command().render_usage().to_string();
        assert!(
            usage.contains("<A> <B>") && !usage.contains("<B>..."),
            "{usage}"
        );
        let cli = Cli::try_parse_from(["rdiff", "outline", "a.txt", "--json"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Outline(ref o)) if o.json));
    }

    #[test]
    fn matrix_and_split_arguments() {
        let cli = Cli::try_parse_from(["rdiff", "matrix", "a.txt", "dir", "--top", "3"]).unwrap();
        assert!(
            matches!(cli.command, Some(Command::Matrix(ref m)) if m.paths.len() == 2 && m.top == Some(3))
        );
        assert!(
            Cli::try_parse_from(["rdiff", "matrix", "d", "--top", "3", "--csv", "m.csv"]).is_err()
        );
        assert!(Cli::try_parse_from(["rdiff", "matrix", "d", "--pairs-dir", "p"]).is_err());
        assert!(Cli::try_parse_from(["rdiff", "matrix"]).is_err());
        let cli = Cli::try_parse_from(["rdiff", "split", "c.txt", "-o", "out"]).unwrap();
        assert!(
            matches!(cli.command, Some(Command::Split(ref s)) if s.output.as_os_str() == "out")
        );
        assert!(Cli::try_parse_from(["rdiff", "split", "c.txt"]).is_err());
    }
}
