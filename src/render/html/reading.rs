//! The side-by-side reading: section pairs in order, each sentence in a row with its kind,
//! changed characters marked, moved sentences linked to their other end, and long runs of
//! equal sentences folded into `<details>` so the page reads without JavaScript.
//!
//! Every row carries `id="s{section}-i{item}"` (the indices of `Comparison::sections` and
//! `SectionPair::items`), so commitments and moved pairs can link to it and a test can find
//! each item of the JSON on the page.

use crate::comparison::{
    AlignedBy, Comparison, DiffSide, DiffSpan, Here, Item, ItemKind, ItemRef, SectionPair, Side,
};
use crate::model::SectionKind;
use crate::render::html::kinds::{describe, missing_heading, KINDS, MOVED_GLYPH};
use crate::render::html::markup::{percent, Html};
use crate::render::html::summary::aligned_by_label;

/// Runs of at least this many unmoved equal pairs are folded; shorter runs read inline.
pub const FOLD_MIN: usize = 3;

/// `<main id="pairs">`: every section pair with its rows.
pub fn write(page: &mut Html, cmp: &Comparison) {
    page.raw("<main id=\"pairs\" lang=\"zh-Hans\">");
    for (index, pair) in cmp.sections.iter().enumerate() {
        section(page, cmp, index, pair);
    }
    page.raw("</main>");
}

fn section(page: &mut Html, cmp: &Comparison, index: usize, pair: &SectionPair) {
    let unmatched = if pair.aligned_by == AlignedBy::Unmatched {
        " unmatched"
    } else {
        ""
    };
    page.fmt(format_args!(
        "<section class=\"pair{unmatched}\" id=\"s{index}\" data-section=\"{index}\" \
         data-kind=\"{}\" data-aligned-by=\"{}\"><h2 class=\"pair-head\">\
         <a class=\"g\" href=\"#s{index}\" title=\"section {n}\">§{n}</a>",
        section_kind_name(pair.kind),
        aligned_by_name(pair.aligned_by),
        n = index + 1,
    ));
    let sides = [
        ("a", &pair.a_heading, pair.a_index.is_some()),
        ("b", &pair.b_heading, pair.b_index.is_some()),
    ];
    for (class, heading, present) in sides {
        page.fmt(format_args!("<span class=\"{class}\">"));
        match heading {
            Some(h) => page.text(h),
            None => page.raw(missing_heading(present)),
        };
        page.raw("</span>");
    }
    page.raw("</h2>");
    section_meta(page, pair);
    let mut item_index = 0;
    for run in pair.items.chunk_by(|x, y| foldable(x) == foldable(y)) {
        if run.len() >= FOLD_MIN && run.iter().all(foldable) {
            fold(page, cmp, index, item_index, run);
        } else {
            for (offset, item) in run.iter().enumerate() {
                row(page, cmp, index, item_index + offset, item);
            }
        }
        item_index += run.len();
    }
    page.raw("</section>");
}

/// One line under the headings: how the pair came about, its reuse and counts.
fn section_meta(page: &mut Html, pair: &SectionPair) {
    page.fmt(format_args!(
        "<p class=\"pair-meta\" lang=\"en\"><span class=\"by\">{}</span>",
        aligned_by_label(pair)
    ));
    let sides = [
        ("a", "A", "B", pair.a_reuse, pair.a_chars),
        ("b", "B", "A", pair.b_reuse, pair.b_chars),
    ];
    for (class, name, other, reuse, chars) in sides {
        if let Some(v) = reuse {
            page.fmt(format_args!(
                " · {name}: {chars} characters, <span class=\"{class}-reuse\" \
                 data-value=\"{v}\">{}</span> found in {other}",
                percent(v)
            ));
        }
    }
    page.raw(" ·");
    for kind in KINDS {
        let n = (kind.count)(&pair.counts);
        if n > 0 {
            page.fmt(format_args!(
                " <abbr title=\"{}\">{}</abbr>{n}",
                kind.label, kind.glyph
            ));
        }
    }
    page.raw("</p>");
}

/// Unmoved equal pairs: the shared text a reader usually skips.
fn foldable(item: &Item) -> bool {
    item.kind == ItemKind::Equal && !item.moved && item.here == Here::Both
}

fn fold(page: &mut Html, cmp: &Comparison, section: usize, first: usize, run: &[Item]) {
    page.fmt(format_args!(
        "<details class=\"fold\" data-kind=\"equal\" data-count=\"{n}\"><summary lang=\"en\">{n} \
         shared sentences</summary>",
        n = run.len()
    ));
    for (offset, item) in run.iter().enumerate() {
        row(page, cmp, section, first + offset, item);
    }
    page.raw("</details>");
}

fn row(page: &mut Html, cmp: &Comparison, section: usize, index: usize, item: &Item) {
    let (name, glyph, label) = describe(item.kind);
    let (class, tag) = match item.kind {
        ItemKind::Heading => ("row sub", "h3"),
        _ if item.moved => ("row moved", "p"),
        _ => ("row", "p"),
    };
    // Pieces rather than `format_args!`: a page has a row a sentence, and formatting them was
    // about a third of the cost of writing the page.
    page.raw("<div class=\"").raw(class);
    let id = ItemRef {
        section,
        item: index,
    };
    page.raw("\" id=\"").item_id(id);
    page.raw("\" data-kind=\"").raw(name);
    page.raw("\" data-here=\"").raw(here_name(item.here));
    page.raw("\"><abbr class=\"g\" title=\"").raw(label);
    page.raw("\">").raw(glyph).raw("</abbr>");
    // A moved pair shows, at each end, its own sentence and a link to where the other stands.
    let moved_end = item.moved && item.here != Here::Both;
    let show_a = !moved_end || item.here == Here::A;
    let show_b = !moved_end || item.here == Here::B;
    match (&item.a, show_a) {
        (Some(side), true) => cell(page, tag, "a", side, item, DiffSide::A),
        (Some(_), false) => twin_cell(page, cmp, "a", item.twin),
        (None, _) => {}
    }
    match (&item.b, show_b) {
        (Some(side), true) => cell(page, tag, "b", side, item, DiffSide::B),
        (Some(_), false) => twin_cell(page, cmp, "b", item.twin),
        (None, _) => {}
    }
    page.raw("</div>");
}

/// One side's sentence, its changes marked when the item carries a diff, its original
/// text in the title when normalization changed it.
fn cell(page: &mut Html, tag: &str, class: &str, side: &Side, item: &Item, which: DiffSide) {
    let converted = side.original != side.text;
    page.raw("<").raw(tag).raw(" class=\"").raw(class);
    if converted {
        page.raw(" o\" title=\"As written: ").attr(&side.original);
    }
    page.raw("\">");
    match item.diff.as_deref() {
        Some(spans) if spans_spell(spans, which, &side.text) => marked(page, spans, which),
        _ if item.kind == ItemKind::Equal => {
            page.text(&side.text);
        }
        _ => shared_marked(page, side),
    }
    page.raw("</").raw(tag).raw(">");
}

/// A sentence with the stretches it shares with the other report in `<span class="sh">`: the
/// boilerplate inside a sentence that is otherwise its report's own.
fn shared_marked(page: &mut Html, side: &Side) {
    // The spans count characters: each bound becomes a byte offset, and the text is written
    // in slices of itself (a sentence holds few spans).
    let text = side.text.as_str();
    let chars = text.chars().count();
    let byte_of = |at: usize| text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
    let mut at = 0;
    for &[start, end] in &side.shared {
        let (start, end) = (start.min(chars), end.min(chars));
        if start < at || start >= end {
            continue;
        }
        let (start_byte, end_byte) = (byte_of(start), byte_of(end));
        page.text(&text[byte_of(at)..start_byte]);
        page.raw("<span class=\"sh\" title=\"shared with the other report\">")
            .text(&text[start_byte..end_byte])
            .raw("</span>");
        at = end;
    }
    page.text(&text[byte_of(at)..]);
}

/// True when the spans of one side (shared stretches and that side's own) spell its text:
/// only then are they used, so a highlight can never show text other than the sentence's.
fn spans_spell(spans: &[DiffSpan], which: DiffSide, text: &str) -> bool {
    let mut rest = text;
    for span in spans
        .iter()
        .filter(|s| s.op == DiffSide::Equal || s.op == which)
    {
        match rest.strip_prefix(span.text.as_str()) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

fn marked(page: &mut Html, spans: &[DiffSpan], which: DiffSide) {
    let tag = if which == DiffSide::A { "del" } else { "ins" };
    for span in spans.iter().filter(|s| !s.text.is_empty()) {
        if span.op == DiffSide::Equal {
            page.text(&span.text);
        } else if span.op == which {
            page.fmt(format_args!("<{tag}>"))
                .text(&span.text)
                .fmt(format_args!("</{tag}>"));
        }
    }
}

/// In the column of the side that stands elsewhere: a link to where it stands.
fn twin_cell(page: &mut Html, cmp: &Comparison, class: &str, twin: Option<ItemRef>) {
    let side = class.to_uppercase();
    page.fmt(format_args!("<p class=\"{class} twin\" lang=\"en\">"));
    let target = twin.and_then(|t| {
        let pair = cmp.sections.get(t.section)?;
        pair.items.get(t.item).map(|_| (t, pair))
    });
    match target {
        Some((t, pair)) => {
            page.raw("<a href=\"#").item_id(t).fmt(format_args!(
                "\">{MOVED_GLYPH} moved: {side} has it in §{} ",
                t.section + 1
            ));
            let heading = if class == "a" {
                pair.a_heading.as_ref().or(pair.b_heading.as_ref())
            } else {
                pair.b_heading.as_ref().or(pair.a_heading.as_ref())
            };
            if let Some(h) = heading {
                page.raw("<span lang=\"zh-Hans\">").text(h).raw("</span>");
            }
            page.raw("</a>");
        }
        None => {
            page.fmt(format_args!("{MOVED_GLYPH} moved: {side} has it elsewhere"));
        }
    }
    page.raw("</p>");
}

fn here_name(here: Here) -> &'static str {
    match here {
        Here::Both => "both",
        Here::A => "a",
        Here::B => "b",
    }
}

fn section_kind_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Preamble => "preamble",
        SectionKind::Body => "body",
        SectionKind::Glossary => "glossary",
        SectionKind::Appendix => "appendix",
    }
}

fn aligned_by_name(by: AlignedBy) -> &'static str {
    match by {
        AlignedBy::Heading => "heading",
        AlignedBy::Preamble => "preamble",
        AlignedBy::Content => "content",
        AlignedBy::Position => "position",
        AlignedBy::Unmatched => "unmatched",
    }
}
