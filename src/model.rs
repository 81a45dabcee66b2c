//! The reading model: what rdiff understood of a report.
//!
//! This is the seam every stage shares. Reading (`decode` → `normalize` → `structure` →
//! `sentences`) fills it; comparing and rendering only read it. Every piece of report text is
//! kept twice: `original`, exactly as written (for display), and `text`, normalized (one script,
//! folded widths; for comparing).

use schemars::JsonSchema;
use serde::Serialize;

use crate::key;

/// A piece of report text as written and as compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Text {
    /// Normalized: Simplified script, ASCII punctuation and digits, single spaces.
    pub text: String,
    /// Exactly as it stood in the decoded input.
    pub original: String,
}

impl Text {
    /// A text that needed no normalization (tests, synthetic input).
    pub fn plain(s: &str) -> Text {
        Text {
            text: s.to_string(),
            original: s.to_string(),
        }
    }
}

/// One sentence of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Sentence {
    #[serde(flatten)]
    pub text: Text,
}

/// What a section is, so that a glossary is not taken for policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Text before the first heading: the address to the delegates, an article's lead.
    Preamble,
    /// The report proper.
    Body,
    /// 名词解释 / 注释: explanations appended to the report.
    Glossary,
    /// 附件 / 附录: appended material.
    Appendix,
}

/// A heading as written, with its numbering recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Heading {
    #[serde(flatten)]
    pub text: Text,
    /// The numbering marker as written, normalized ("一、", "(一)", "1.", "第一部分"), if any.
    pub numbering: Option<String>,
}

/// A section: a heading, its own sentences, then its sub-sections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Section {
    /// `None` for a preamble (text before any heading).
    pub heading: Option<Heading>,
    /// 1 for top-level sections; deeper levels follow the numbering styles the report uses.
    pub level: u8,
    pub kind: SectionKind,
    /// Sentences that stand directly under this heading, before any sub-section.
    pub sentences: Vec<Sentence>,
    pub children: Vec<Section>,
}

impl Section {
    /// All sentences of this section and its sub-sections, in reading order.
    pub fn iter_sentences(&self) -> Box<dyn Iterator<Item = &Sentence> + '_> {
        Box::new(
            self.sentences
                .iter()
                .chain(self.children.iter().flat_map(|c| c.iter_sentences())),
        )
    }

    /// Number of sentences in this section and its sub-sections.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
            + self
                .children
                .iter()
                .map(Section::sentence_count)
                .sum::<usize>()
    }
}

/// Why a line was not taken as report text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Web-site chrome: breadcrumbs, 来源/责任编辑/关键词, menus, "点击查阅更多…".
    SiteChrome,
    /// A photo caption ("记者 祝雪娟 摄", "资料图").
    Caption,
    /// A page number or page header/footer.
    PageNumber,
    /// A table of contents (目录) and its entries.
    ContentsList,
    /// The document title line (kept as the report's title, not as a sentence).
    Title,
    /// The meeting line ("——2024年1月10日在…人民代表大会…会议上") and the speaker's name.
    Byline,
    /// Text a page repeats after the report (its opening or summary, said again).
    Repeated,
    /// Text before the report's title: an article's lead, an editor's note.
    BeforeReport,
    /// Short lines after the report's end: comments, recommended links, disclaimers, footers.
    AfterReport,
    /// An editor's note or annotation put into the report ("编者按:…", "【律师注】…").
    EditorNote,
    /// A user-supplied rule removed it.
    Rule,
    /// Anything else that is not report text (stray symbols, empty markers).
    Noise,
}

/// A line (or part of one) that rdiff did not read as report text, listed so users can check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Dropped {
    /// 1-based line number in the decoded input.
    pub line: usize,
    pub reason: DropReason,
    /// The text as written.
    pub text: String,
}

/// Where rdiff found a report's year or place: written in its title, or derived from
/// another line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The title line names it.
    Title,
    /// The meeting line ("——2024年1月10日在济南市第十八届人民代表大会…") or the date under
    /// the title.
    Meeting,
    /// The speaker's office ("河北省人民政府省长").
    Speaker,
    /// The body: the year the top-level headings name ("一、2023年工作回顾" → 2024), the place
    /// its opening speaks for ("我代表盘锦市人民政府").
    Body,
    /// An article's lead about the session ("十三届全国人大三次会议在人民大会堂开幕").
    Lead,
}

impl Evidence {
    /// How a reader is told where a derived value came from.
    pub fn describe(self) -> &'static str {
        match self {
            Evidence::Title => "the title",
            Evidence::Meeting => "the meeting line",
            Evidence::Speaker => "the speaker's office",
            Evidence::Body => "the report's text",
            Evidence::Lead => "an article's lead",
        }
    }
}

/// What kind of document this looks like; rdiff compares anything but says what it saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// A full government work report.
    Report,
    /// A newspaper excerpt of a report (摘登, 摘要).
    Excerpt,
    /// Not a work report (a news article, a speech…): outlined as it is, nothing invented.
    Other,
}

/// One government work report, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Report {
    /// The file it came from (as given by the user).
    pub path: String,
    /// The report's title: as written, or derived from the meeting line when the file has none.
    pub title: Option<Text>,
    /// True when the title was not written in the file but derived (e.g. from the meeting line).
    pub title_derived: bool,
    /// Year of the report: the year it is given in and plans for.
    pub year: Option<u16>,
    /// Where the year was found (anything but the title is derived).
    pub year_from: Option<Evidence>,
    /// The place (province, city, county, district; "全国" for the State Council's report).
    pub place: Option<String>,
    /// Where the place was found (anything but the title is derived).
    pub place_from: Option<Evidence>,
    pub genre: Genre,
    /// Name of the encoding the bytes were decoded with (encoding_rs name: "UTF-8", "GBK"…).
    pub encoding: String,
    /// True when the text was converted from Traditional script.
    pub converted: bool,
    /// Top-level sections in reading order (a preamble first, if any).
    pub sections: Vec<Section>,
    /// What was not read as report text.
    pub dropped: Vec<Dropped>,
    /// Things the user should know (undecodable bytes, a contents list promising more…).
    pub warnings: Vec<String>,
}

impl Report {
    /// All sentences in reading order.
    pub fn iter_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sections.iter().flat_map(|s| s.iter_sentences())
    }

    /// Number of sentences in the report.
    pub fn sentence_count(&self) -> usize {
        self.sections.iter().map(Section::sentence_count).sum()
    }

    /// Key characters of its sentences (headings excluded, [`crate::key`]): what every
    /// "characters" figure counts and every share of the report divides by.
    pub fn key_char_count(&self) -> usize {
        self.iter_sentences()
            .map(|s| s.text.text.chars().filter(|&c| key::is_key_char(c)).count())
            .sum()
    }

    /// What every output says about the report.
    pub fn info(&self) -> ReportInfo {
        ReportInfo {
            path: self.path.clone(),
            title: self.title.as_ref().map(|t| t.text.clone()),
            title_original: self.title.as_ref().map(|t| t.original.clone()),
            title_derived: self.title_derived,
            year: self.year,
            place: self.place.clone(),
            encoding: self.encoding.clone(),
            converted: self.converted,
            chars: self.key_char_count(),
            sentences: self.sentence_count(),
        }
    }
}

/// What every output (`outline`, a comparison, the matrix) says about one report: defined
/// once, so that a field means the same wherever it appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReportInfo {
    /// The file it came from, as given (in the matrix: as found under the folder given).
    pub path: String,
    /// The title, normalized like all compared text (Simplified script, ASCII punctuation):
    /// as written, or derived from the meeting line when `title_derived`.
    pub title: Option<String>,
    /// The same title exactly as it stands in the file (for a derived title, as derived).
    pub title_original: Option<String>,
    /// True when the title was not written in the file but derived (e.g. from the meeting line).
    pub title_derived: bool,
    pub year: Option<u16>,
    pub place: Option<String>,
    /// The encoding the bytes were decoded with (encoding_rs name: "UTF-8", "GBK"…).
    pub encoding: String,
    /// True when the text was converted from Traditional script.
    pub converted: bool,
    /// Key characters of the report's sentences (headings excluded; punctuation and spaces
    /// are not key characters): the denominator of every share of the report.
    pub chars: usize,
    /// Number of sentences.
    pub sentences: usize,
}

/// One input file, read: usually one report, several for a compilation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Document {
    pub path: String,
    /// Name of the encoding the bytes were decoded with.
    pub encoding: String,
    pub reports: Vec<Report>,
    /// Document-level findings: undecodable bytes, a contents list naming reports the file lacks.
    pub warnings: Vec<String>,
}
