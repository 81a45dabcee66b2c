//! The result of a corpus comparison: the one value the matrix printers read.
//!
//! [`super::analyze`] fills an [`Analysis`]; the terminal, CSV and HTML printers only read it.
//! Serialized with serde it *is* `rdiff matrix --json`, so field names are interface: fields
//! may be added, never renamed. Shares are fractions in 0..=1 of key characters (see
//! [`crate::key`]), with exactly the pair comparison's definitions: cell (A, B) of `matrix` is
//! the `a_reuse` that `rdiff A B --json` reports.

use schemars::JsonSchema;
use serde::Serialize;

use crate::comparison::CommitmentMark;
use crate::model::ReportInfo;
use crate::plan::{Outcome, Target};

/// How the corpus was compared, echoed so figures can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MatrixOptions {
    /// Shortest run of consecutive key characters that counts as shared text (N).
    pub min_match: usize,
    /// `Some(K)`: only each report's K closest sources were kept, no dense matrix.
    pub top: Option<usize>,
    /// How many closest sources each report lists.
    pub sources: usize,
    /// How many shared phrases and recurring sentences are listed.
    pub phrases: usize,
    /// How many most similar pairs are listed (and, with `--pairs-dir`, get a page).
    pub pairs: usize,
    /// Shared text found in at least this share of the other reports (and at least two) is
    /// common template; text shared by fewer is specific reuse.
    pub common: f64,
}

impl Default for MatrixOptions {
    fn default() -> Self {
        MatrixOptions {
            min_match: crate::comparison::DEFAULT_MIN_MATCH,
            top: None,
            sources: DEFAULT_SOURCES,
            phrases: DEFAULT_PHRASES,
            pairs: DEFAULT_PAIRS,
            common: DEFAULT_COMMON,
        }
    }
}

/// Closest sources listed per report without `--top`.
pub const DEFAULT_SOURCES: usize = 5;
/// Shared phrases and recurring sentences listed by default.
pub const DEFAULT_PHRASES: usize = 20;
/// Most similar pairs listed by default.
pub const DEFAULT_PAIRS: usize = 20;
/// Text in at least half of the other reports is common template.
pub const DEFAULT_COMMON: f64 = 0.5;
/// A closest source is clearly ahead when its attribution is at least this many times the
/// next one's…
pub const CLEAR_LEAD: f64 = 1.5;
/// …and at least this share of the report.
pub const CLEAR_ATTRIBUTION: f64 = 0.01;

/// Template reuse across a corpus of reports.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Analysis {
    pub options: MatrixOptions,
    /// The reports, in input order (the order of every matrix row and column).
    pub reports: Vec<ReportSummary>,
    /// `matrix[a][b]`: share of report a's key characters in text shared with report b (the
    /// pair comparison's `a_reuse` of a by b). `null` with `--top`.
    pub matrix: Option<Vec<Vec<f64>>>,
    /// As `matrix`, figures masked (the pair comparison's `a_template_reuse`).
    pub template_matrix: Option<Vec<Vec<f64>>>,
    /// As `matrix`, counting only specific text: shared text that fewer than the common
    /// threshold of other reports hold (see [`MatrixOptions::common`]).
    pub specific_matrix: Option<Vec<Vec<f64>>>,
    /// Report indices in an order that puts similar reports next to each other (input order
    /// with `--top`).
    pub order: Vec<usize>,
    /// The most similar pairs, by [`SimilarPair::similarity`], most similar first.
    pub pairs: Vec<SimilarPair>,
    /// Shared phrases, found in the most reports first.
    pub boilerplate: Vec<Phrase>,
    /// Sentences that recur (same key, or same key once figures are masked), in the most
    /// reports first.
    pub sentences: Vec<RecurringSentence>,
    /// Inputs that could not be read, with why; the run went on without them.
    pub failed: Vec<FailedInput>,
    /// For each place with reports of consecutive years: the earlier targets and their
    /// results, by place, then year.
    pub year_over_year: Vec<PlaceYear>,
}

/// What the corpus says about one report.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ReportSummary {
    /// Unique name in this corpus: the file name, or the title for a compilation's report.
    pub name: String,
    /// What every output says about a report (path, title, year, place, counts…).
    #[serde(flatten)]
    pub info: ReportInfo,
    /// 1-based position in its file when the file is a compilation, else `null`.
    pub part: Option<usize>,
    /// Short unique label for tables and the heatmap: place and year when both were read
    /// ("沈阳市 2024"), else the name; a label two reports would share takes the name too.
    pub label: String,
    /// Share of its key characters found in at least one other report, figures masked.
    pub template_share: f64,
    /// Share found in no other report even with figures masked: 1 − `template_share` (0 for
    /// an empty report).
    pub own_share: f64,
    /// Share of its key characters found verbatim in at least one other report.
    pub reuse_share: f64,
    /// Of `reuse_share`, the part found in at least the common threshold of other reports
    /// (the line every report carries)…
    pub common_share: f64,
    /// …and the part found in fewer: reuse from particular reports. The two add up to
    /// `reuse_share`.
    pub specific_share: f64,
    /// The reports its specific reuse is most attributable to, most first (then by specific
    /// reuse, reuse, input order).
    pub sources: Vec<Source>,
    /// The first source, and whether it is clearly ahead of the next; `null` when no report
    /// shares specific text with it.
    pub closest: Option<Closest>,
    /// Reports it is a copy of: each holds at least 90 % of the other. Copies count as one
    /// holder when text is weighed by how common it is.
    pub copies: Vec<String>,
    /// Sentences of its plan mostly in words no other report shares, with a figure, a
    /// deadline or a named programme of its own ([`crate::compare::commitments`]).
    pub commitments: Vec<CorpusCommitment>,
    /// Its main expected targets ([`crate::plan`]).
    pub targets: Vec<Target>,
    /// What its review says the year before achieved.
    pub achieved: Vec<Target>,
}

/// One place's targets for a year beside what its next year's report says was achieved.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PlaceYear {
    pub place: String,
    /// The year the targets were set for.
    pub year: u16,
    /// The report that set them and the one that reviews them (names in `reports`).
    pub earlier: String,
    pub later: String,
    pub outcomes: Vec<Outcome>,
}

/// A report that covers part of another.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Source {
    pub name: String,
    /// Its index in `reports`.
    pub index: usize,
    /// Share of the covered report found in this source (the matrix cell).
    pub reuse: f64,
    /// The same, figures masked.
    pub template_reuse: f64,
    /// Of `reuse`, the part in text at least the common threshold of reports hold…
    pub common_reuse: f64,
    /// …and the rest: text this source shares with few others (the `specific_matrix` cell).
    pub specific_reuse: f64,
    /// The share of the covered report attributable to this source: each character of
    /// specific text counts 1/k for each of the k other reports holding it (copies of one
    /// report counting once), so without copies the attributions of all sources add up to
    /// the report's `specific_share`.
    pub attribution: f64,
}

/// A report's closest source, and how far ahead of the next it is.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Closest {
    pub name: String,
    pub index: usize,
    pub attribution: f64,
    /// Its attribution over that of the next source that is not a copy of it; `null` when
    /// no such source shares specific text.
    pub lead: Option<f64>,
    /// Clearly ahead: a lead of at least [`CLEAR_LEAD`] (or no runner-up) and an attribution
    /// of at least [`CLEAR_ATTRIBUTION`]. When false, no one source stands out.
    pub clear: bool,
}

/// Two reports, with how much of each the other covers.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SimilarPair {
    pub a: String,
    pub b: String,
    pub a_index: usize,
    pub b_index: usize,
    /// Share of a found in b.
    pub a_reuse: Option<f64>,
    /// Share of b found in a.
    pub b_reuse: Option<f64>,
    /// Share of a found in b in specific text (held by fewer than the common threshold).
    pub a_specific: f64,
    /// Share of b found in a in specific text.
    pub b_specific: f64,
    /// What the pairs rank by: the specific text each holds of the other, over both lengths,
    /// `(a_specific·|a| + b_specific·|b|) / (|a| + |b|)` (the Dice coefficient of their
    /// specific shared text). A short report wholly inside a long one does not outrank two
    /// reports sharing as much text; text everyone holds does not count.
    pub similarity: f64,
}

/// A phrase several reports share verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Phrase {
    /// Normalized text, punctuation included, as it stands in the first report holding it.
    pub text: String,
    /// Length in key characters.
    pub chars: usize,
    /// Number of reports holding the whole phrase (its key) verbatim.
    pub report_count: usize,
    /// Their names, in input order.
    pub reports: Vec<String>,
    /// Where it stands in each of them, in the same order.
    #[serde(rename = "where")]
    pub places: Vec<PhrasePlace>,
    /// Longer, shorter or overlapping forms of it held by other sets of reports (fewer, since
    /// the form held by the most is listed), found while ranking; at most five.
    pub variants: Vec<PhraseVariant>,
}

/// Another form of a listed phrase.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PhraseVariant {
    pub text: String,
    pub chars: usize,
    pub report_count: usize,
}

/// Where a phrase stands in one report.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PhrasePlace {
    pub report: String,
    /// Top-level heading as written; `null` in a preamble.
    pub section: Option<String>,
}

/// A sentence found in several reports.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RecurringSentence {
    /// Normalized text of its first occurrence.
    pub text: String,
    /// Length in key characters.
    pub chars: usize,
    /// Reports holding it with the same key once figures are masked.
    pub report_count: usize,
    /// Reports holding exactly its first occurrence's key (figures included).
    pub equal_count: usize,
    /// "equal" when every occurrence has the same key, "template" when figures differ.
    pub kind: RecurrenceKind,
    pub reports: Vec<String>,
}

/// Whether a recurring sentence recurs verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecurrenceKind {
    Equal,
    Template,
}

/// A concrete forward-looking sentence that no other report of the corpus says verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CorpusCommitment {
    /// Top-level heading as written; `null` in a preamble.
    pub section: Option<String>,
    /// Innermost heading, as written, when deeper than the top level.
    pub subsection: Option<String>,
    pub text: String,
    pub original: String,
    /// "own": said nowhere else; "template": other reports say it with other figures.
    pub kind: CommitmentKind,
    /// The marks that lie in its own text.
    pub marks: Vec<CommitmentMark>,
    /// Character ranges `[start, end)` of `text` holding them: the part to highlight.
    pub highlights: Vec<[usize; 2]>,
    /// Share of its key characters that no other report shares.
    pub own_share: f64,
}

/// Whether a commitment's words are the report's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    Own,
    Template,
}

/// An input left out of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FailedInput {
    pub path: String,
    pub error: String,
}
