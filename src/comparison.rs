//! The result of comparing two reports: the one value every renderer reads.
//!
//! [`crate::compare::compare`] fills a [`Comparison`]; the terminal, JSON and HTML renderers
//! only read it and never diff again (the seam difftastic keeps between diffing and display).
//! Serialized with `serde_json::to_string_pretty`, it *is* the JSON output, so field names are
//! part of rdiff's interface: fields may be added, never renamed.
//!
//! # Vocabulary
//!
//! - **key**: a text with punctuation, whitespace and control characters dropped (see
//!   [`crate::key`]). "Characters" everywhere below are key characters.
//! - **reuse** of A: the share of A's key characters that lie in a run of at least `min_match`
//!   consecutive key characters also found, contiguously, in B's key (see [`crate::spans`]).
//! - **template reuse**: the same, where runs of digits on both sides count as one placeholder,
//!   so that text differing only in its figures counts as shared.
//! - An **item** is one line of the side-by-side reading: a pair of sentences, one sentence
//!   present on one side only, or a sub-heading.
//!
//! Sides are always called `a` and `b` (the first and the second report given); swapping the
//! inputs swaps every `a`/`b` field and nothing else.

use schemars::JsonSchema;
use serde::Serialize;

use crate::plan::{Outcome, Target};

/// Options of one comparison, echoed in the output so numbers can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CompareOptions {
    /// Shortest run of consecutive key characters that counts as shared text (N).
    pub min_match: usize,
    /// A sentence pair is `similar` when the characters each shares with the other (in runs of
    /// at least `similar_min_match`, figures masked) cover at least this share of both.
    pub similar_threshold: f64,
    /// Shortest shared run counted when scoring one candidate sentence pair (at most
    /// `min_match`). Shorter than `min_match` because within one pair, found through a shared
    /// `min_match` run, a shorter common run is no longer a coincidence of the whole report:
    /// "持续深化放管服改革，全面优化营商环境" keeps its first 9 characters after an insertion.
    pub similar_min_match: usize,
    /// A k-gram found in more sentences than this is boilerplate: it is not used to find
    /// `similar` candidates (it still counts for reuse).
    pub max_gram_sentences: usize,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            min_match: DEFAULT_MIN_MATCH,
            similar_threshold: 0.6,
            similar_min_match: 6,
            max_gram_sentences: 64,
        }
    }
}

/// Default `min_match`: see [`crate::spans`] for the measurements behind it.
pub const DEFAULT_MIN_MATCH: usize = 12;

/// The comparison of report `a` with report `b`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparison {
    pub a: ReportInfo,
    pub b: ReportInfo,
    pub options: CompareOptions,
    pub summary: Summary,
    /// Section pairs in reading order (A's order, B-only sections placed after their
    /// predecessor in B).
    pub sections: Vec<SectionPair>,
    /// Concrete forward-looking statements of each report, mostly in words of its own.
    pub commitments: Commitments,
    /// What of the comparison is listed ([`View`]); the default lists everything.
    pub view: View,
    /// Each report's main expected targets, and, for one place's reports of consecutive
    /// years, the earlier one's targets beside what the later one's review says was achieved.
    pub targets: PairTargets,
    /// The longest stretches of text the two reports share, longest first (at most
    /// [`MAX_SHARED_PHRASES`]): the standard phrases, whole sentences or parts of them.
    pub shared_phrases: Vec<SharedPhrase>,
}

/// What of a comparison is shown: everything, or what a reader asked to see. The figures
/// (`summary`, and each section's reuse and counts) always describe the whole of both reports;
/// a view only leaves out sentences, sections and lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct View {
    /// Only one kind of text: `own` (what one side alone says), `shared` (what both say, in
    /// the same words or nearly), `commitments` (the targets and commitments); `null` for all.
    pub only: Option<Only>,
    /// Only the sections whose heading (in A or in B) holds this text, as given.
    pub section: Option<String>,
    /// Only the figures: sections without their sentences, and no lists.
    pub summary: bool,
}

impl View {
    /// The view that keeps to one kind of text, in every section.
    pub fn only(only: Only) -> View {
        View {
            only: Some(only),
            ..View::default()
        }
    }
}

/// The kinds of text a view can keep to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Only {
    /// Sentences one side says and the other does not (`a_only`, `b_only`).
    Own,
    /// Sentences both say: `equal`, `template` and `similar` pairs, and the shared phrases.
    Shared,
    /// The targets and the commitments, without the sections' sentences.
    Commitments,
}

/// How many shared phrases a comparison lists.
pub const MAX_SHARED_PHRASES: usize = 30;

/// A stretch of A's text that also stands, contiguously, in B.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SharedPhrase {
    /// A's normalized text of the stretch (punctuation included).
    pub text: String,
    /// Its length in key characters.
    pub chars: usize,
    /// Where it stands in A: `sections[section].items[item]` of the first sentence it covers.
    pub a_item: Option<ItemRef>,
}

impl Comparison {
    /// True when both reports have the same key: the same sentences and headings once
    /// punctuation, whitespace and control characters are dropped. The CLI exits 0 then.
    pub fn identical_keys(&self) -> bool {
        self.summary.identical
    }
}

pub use crate::model::ReportInfo;

/// Report-wide figures.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Summary {
    /// Share of A's key characters in text shared with B (0.0 when A has no characters).
    pub a_reuse: f64,
    /// Share of B's key characters in text shared with A.
    pub b_reuse: f64,
    /// As `a_reuse`, figures masked: text differing only in its numbers counts as shared.
    pub a_template_reuse: f64,
    /// As `b_reuse`, figures masked.
    pub b_template_reuse: f64,
    /// Key characters of A in shared text (numerator of `a_reuse`).
    pub a_shared_chars: usize,
    /// Key characters of B in shared text (numerator of `b_reuse`).
    pub b_shared_chars: usize,
    pub counts: Counts,
    /// Same key on both sides (see [`Comparison::identical_keys`]).
    pub identical: bool,
}

/// How many sentences fell into each kind. A pair counts once, not once per side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Counts {
    /// Pairs with the same key.
    pub equal: usize,
    /// Pairs with the same key once digits are masked (different figures, same words).
    pub template: usize,
    /// Pairs that share most of their text.
    pub similar: usize,
    /// Pairs (of any of the three kinds above) whose sentences stand in sections that are not
    /// aligned to each other. Also counted under their kind.
    pub moved: usize,
    /// Sentences of A with no counterpart in B.
    pub a_only: usize,
    /// Sentences of B with no counterpart in A.
    pub b_only: usize,
}

/// Two aligned top-level sections, or one section with no counterpart.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SectionPair {
    /// A's heading as written; `null` when A has no counterpart section (or for a preamble).
    pub a_heading: Option<String>,
    /// B's heading as written; `null` when B has no counterpart section (or for a preamble).
    pub b_heading: Option<String>,
    /// Index of A's top-level section in `Report::sections`, `null` when absent.
    pub a_index: Option<usize>,
    /// Index of B's top-level section in `Report::sections`, `null` when absent.
    pub b_index: Option<usize>,
    /// Kind of the section(s): "preamble", "body", "glossary", "appendix".
    pub kind: crate::model::SectionKind,
    /// Why the sections were paired: by heading, by content, or not at all.
    pub aligned_by: AlignedBy,
    /// Share of this A section's key characters shared with the WHOLE of B (so text moved to
    /// another section still counts); `null` when A has no section here.
    pub a_reuse: Option<f64>,
    /// Share of this B section's key characters shared with the whole of A.
    pub b_reuse: Option<f64>,
    /// Key characters of the A section (all its sentences, sub-sections included).
    pub a_chars: usize,
    /// Key characters of the B section.
    pub b_chars: usize,
    /// Kinds of the sentences standing here (moved pairs count in both sections where a side
    /// stands; this is per section, not a partition of the report's pairs).
    pub counts: Counts,
    /// Sub-headings and sentences, in reading order.
    pub items: Vec<Item>,
}

/// Why two sections were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AlignedBy {
    /// Same heading once numbering, years, figures and place names are stripped.
    Heading,
    /// Preambles (text before the first heading) pair with each other.
    Preamble,
    /// Headings differ but the sections share enough text (or heading and text both partly).
    Content,
    /// Nothing else paired them, but they stand between the same two pairs, in the same order.
    Position,
    /// One side only: no counterpart section.
    Unmatched,
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Same key.
    Equal,
    /// Same key once digit runs are masked: the figures changed.
    Template,
    /// Most of the text shared with one sentence of the other side.
    Similar,
    /// A sentence of A with no counterpart.
    AOnly,
    /// A sentence of B with no counterpart.
    BOnly,
    /// A sub-heading (one side or both); not counted in reuse or counts.
    Heading,
}

impl ItemKind {
    /// The same kind seen with A and B swapped.
    pub fn mirror(self) -> ItemKind {
        match self {
            ItemKind::AOnly => ItemKind::BOnly,
            ItemKind::BOnly => ItemKind::AOnly,
            other => other,
        }
    }
}

/// Which sides of an item stand in this section pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Here {
    /// Both sentences stand here.
    Both,
    /// Only A's sentence stands here (A-only, or the A end of a moved pair).
    A,
    /// Only B's sentence stands here (B-only, or the B end of a moved pair).
    B,
}

/// One line of the side-by-side reading.
///
/// A `moved` pair appears twice: in the section pair where its A sentence stands (`here: "a"`)
/// and where its B sentence stands (`here: "b"`); both items carry both sides (so the
/// counterpart can be shown) and point at each other through `twin`. Renderers that want each
/// pair once skip the `here: "b"` end of moved pairs.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Item {
    pub kind: ItemKind,
    /// The pair's sentences stand in sections that are not aligned to each other.
    pub moved: bool,
    pub here: Here,
    pub a: Option<Side>,
    pub b: Option<Side>,
    /// For template and similar pairs: a character diff of the normalized texts (`a.text` →
    /// `b.text`), for highlighting changed figures and words. `null` otherwise.
    pub diff: Option<Vec<DiffSpan>>,
    /// For moved pairs: where the other end of the pair is listed.
    pub twin: Option<ItemRef>,
}

/// One side of an item.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Side {
    /// Normalized text.
    pub text: String,
    /// Text as written.
    pub original: String,
    /// Share of this sentence's key characters shared with the whole other report (runs of at
    /// least `min_match`, which may cross sentence boundaries). `null` for headings, which are
    /// not measured.
    pub coverage: Option<f64>,
    /// Index of the sentence in its report's reading order (`Report::iter_sentences`); `null`
    /// for headings.
    pub sentence: Option<usize>,
    /// Stretches of `text` that lie in text shared with the other report, as `[start, end)`
    /// character offsets (not bytes): the boilerplate inside a sentence, even one that is
    /// otherwise its report's own. Punctuation inside a stretch belongs to it.
    pub shared: Vec<[usize; 2]>,
}

/// Where an item is listed: `sections[section].items[item]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct ItemRef {
    pub section: usize,
    pub item: usize,
}

/// One stretch of a character diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DiffSpan {
    pub op: DiffSide,
    pub text: String,
}

/// Which text a diff stretch belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiffSide {
    /// In both texts.
    Equal,
    /// Only in A's text.
    A,
    /// Only in B's text.
    B,
}

/// The targets of each side ([`crate::plan`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct PairTargets {
    pub a: Vec<Target>,
    pub b: Vec<Target>,
    /// What each side's review says the year before achieved.
    pub a_achieved: Vec<Target>,
    pub b_achieved: Vec<Target>,
    /// Set when both reports are of one place and their years are consecutive.
    pub year_over_year: Option<YearOverYear>,
}

/// The earlier report's targets beside the later report's results.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct YearOverYear {
    /// "a" or "b": the side whose targets are judged.
    pub earlier: String,
    /// The year those targets were set for.
    pub year: u16,
    pub outcomes: Vec<Outcome>,
}

/// Concrete forward-looking statements of each side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Commitments {
    pub a: Vec<Commitment>,
    pub b: Vec<Commitment>,
}

/// A sentence that commits the government to something concrete, mostly in words of its own
/// (see [`crate::compare::commitments`]).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Commitment {
    /// Top-level heading (as written) of the section it stands in; `null` in a preamble.
    pub section: Option<String>,
    /// Innermost heading it stands under, as written, when deeper than the top level.
    pub subsection: Option<String>,
    /// Normalized text.
    pub text: String,
    /// Text as written.
    pub original: String,
    /// Its item kind: "template" (same words, its own figures), "similar" or "a_only"/"b_only".
    pub kind: ItemKind,
    /// What makes it concrete: the marks that lie in its own text.
    pub marks: Vec<CommitmentMark>,
    /// Character ranges `[start, end)` of `text` holding those marks: the part to highlight.
    pub highlights: Vec<[usize; 2]>,
    /// Share of its key characters not shared with the other report.
    pub own_share: f64,
    /// Where the sentence is listed in `sections`; `null` when a view (`--section`, `--own`…)
    /// left its section or sentence out.
    pub item: Option<ItemRef>,
}

/// What makes a forward-looking sentence concrete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentMark {
    /// A figure or a percentage.
    Figure,
    /// A deadline: "9月底前", "年底前", "年内", "2025年前".
    Deadline,
    /// A named project, programme or document: 《…》, "…工程", "…项目", "…行动".
    Named,
}
