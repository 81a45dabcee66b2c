//! Each side's concrete commitments, listed apart so a reader can scan what one government
//! promises that the other does not, each linked to where it stands in the reading.

use crate::comparison::{Commitment, CommitmentMark, Comparison, ItemRef};
use crate::render::html::kinds::describe;
use crate::render::html::markup::Html;
use crate::render::text::split_marked;

/// `<section id="shared-phrases">`: the longest stretches of text both reports contain.
pub fn write_shared_phrases(page: &mut Html, cmp: &Comparison) {
    page.fmt(format_args!(
        "<section id=\"shared-phrases\" data-count=\"{}\"><h2>Longest shared text</h2>\
         <p class=\"note\">Stretches of at least {} characters (punctuation not counted) that \
         stand in both reports, longest first. Inside the reading they are shown \
         <span class=\"sh\">like this</span>.</p><ol lang=\"zh-Hans\">",
        cmp.shared_phrases.len(),
        cmp.options.min_match
    ));
    for phrase in &cmp.shared_phrases {
        page.fmt(format_args!("<li data-chars=\"{}\">", phrase.chars));
        match phrase.a_item.filter(|&t| exists(cmp, t)) {
            Some(t) => {
                page.raw("<a href=\"#")
                    .item_id(t)
                    .raw("\">")
                    .text(&phrase.text)
                    .raw("</a>");
            }
            None => {
                page.text(&phrase.text);
            }
        }
        page.fmt(format_args!(
            " <span class=\"note\" lang=\"en\">({} characters)</span></li>",
            phrase.chars
        ));
    }
    page.raw("</ol></section>");
}

/// `<section id="commitments">` with one list per side.
pub fn write(page: &mut Html, cmp: &Comparison) {
    page.raw(
        "<section id=\"commitments\"><h2>Commitments</h2><p class=\"note\">Sentences of each \
         plan mostly in words of their own, with a figure, a deadline or a named project in \
         those words (<mark class=\"own\">marked</mark>); a programme the other report or the \
         national reports name is not counted.</p><div class=\"commit-sides\">",
    );
    side(page, cmp, "a", &cmp.commitments.a);
    side(page, cmp, "b", &cmp.commitments.b);
    page.raw("</div></section>");
}

fn side(page: &mut Html, cmp: &Comparison, name: &str, list: &[Commitment]) {
    let upper = name.to_uppercase();
    page.fmt(format_args!(
        "<div class=\"commit-side\" id=\"commitments-{name}\" data-count=\"{n}\">\
         <h3><span class=\"tag\">{upper}</span> {n} commitment{}</h3>",
        if list.len() == 1 { "" } else { "s" },
        n = list.len()
    ));
    if list.is_empty() {
        page.raw("<p class=\"note\">None found.</p></div>");
        return;
    }
    page.raw("<ol lang=\"zh-Hans\">");
    for commitment in list {
        item(page, cmp, commitment);
    }
    page.raw("</ol></div>");
}

fn item(page: &mut Html, cmp: &Comparison, c: &Commitment) {
    let (kind, glyph, label) = describe(c.kind);
    // Pieces rather than `format_args!`, as in the reading's rows.
    page.raw("<li data-kind=\"").raw(kind);
    page.raw("\"><abbr class=\"g\" title=\"").raw(label);
    page.raw("\">").raw(glyph).raw("</abbr> ");
    // Link only to an item that is on the page: a dangling anchor would mislead.
    let target = c.item.filter(|&at| exists(cmp, at));
    if let Some(t) = target {
        page.raw("<a href=\"#").item_id(t);
        page.raw("\" data-item=\"").item_id(t).raw("\"");
    } else {
        page.raw("<span");
    }
    if c.original != c.text {
        page.raw(" class=\"o\" title=\"As written: ")
            .attr(&c.original)
            .raw("\"");
    }
    page.raw(">");
    own_text(page, c);
    page.raw(if target.is_some() { "</a>" } else { "</span>" });
    page.raw(" <span class=\"marks\" lang=\"en\">");
    for mark in &c.marks {
        page.raw("<span class=\"mk\">")
            .raw(mark_name(*mark))
            .raw("</span>");
    }
    page.raw("</span>");
    if c.section.is_some() || c.subsection.is_some() {
        page.raw(" <span class=\"where\">");
        let parts = [c.section.as_deref(), c.subsection.as_deref()];
        for (i, part) in parts.into_iter().flatten().enumerate() {
            if i > 0 {
                page.raw(" › ");
            }
            page.text(part);
        }
        page.raw("</span>");
    }
    page.raw("</li>");
}

/// The commitment's text, its own part in `<mark>`.
fn own_text(page: &mut Html, c: &Commitment) {
    for (piece, own) in split_marked(&c.text, &c.highlights) {
        if own {
            page.raw("<mark class=\"own\">").text(&piece).raw("</mark>");
        } else {
            page.text(&piece);
        }
    }
}

fn exists(cmp: &Comparison, at: ItemRef) -> bool {
    cmp.sections
        .get(at.section)
        .is_some_and(|pair| at.item < pair.items.len())
}

fn mark_name(mark: CommitmentMark) -> &'static str {
    match mark {
        CommitmentMark::Figure => "figure",
        CommitmentMark::Deadline => "deadline",
        CommitmentMark::Named => "named project",
    }
}
