//! The top of the page: what was compared, the reuse figures a story quotes, the counts by
//! kind (which double as the colour legend) and a per-section table that is also the
//! navigation.
//!
//! Every figure sits in an element with a stable id and its exact value in `data-value`
//! (Rust's shortest round-trip form of the f64), so a test can compare the page with the JSON.

use crate::comparison::{Comparison, Counts, ReportInfo, SectionPair};
use crate::render::html::kinds::{missing_heading, KINDS, MOVED_GLYPH};
use crate::render::html::markup::{meter_value, percent, Html};

/// `<header id="summary">`: both reports, the figures, the legend and the section table.
pub fn write(page: &mut Html, cmp: &Comparison) {
    page.raw("<header id=\"summary\"><h1>Comparison of two reports</h1>");
    if cmp.summary.identical {
        page.raw(
            "<p id=\"identical\" class=\"note\">The two reports say the same: \
             identical once punctuation and spacing are set aside.</p>",
        );
    }
    page.raw("<div class=\"reports\">");
    report(page, "a", &cmp.a);
    report(page, "b", &cmp.b);
    page.raw("</div>");
    figures(page, cmp);
    legend(page, &cmp.summary.counts);
    page.raw("</header>");
    section_table(page, cmp);
}

/// The name a report goes by on the page: its title, else its file.
pub fn report_name(info: &ReportInfo) -> &str {
    info.title_original.as_deref().unwrap_or(&info.path)
}

fn report(page: &mut Html, side: &str, info: &ReportInfo) {
    let upper = side.to_uppercase();
    page.fmt(format_args!(
        "<section class=\"report\" id=\"report-{side}\"><h2><span class=\"tag\">{upper}</span> \
         <span id=\"{side}-title\" lang=\"zh-Hans\">"
    ));
    match &info.title_original {
        Some(title) => page.text(title),
        None => page.raw("<i>(no title)</i>"),
    };
    page.raw("</span>");
    if info.title_derived {
        page.raw(" <small class=\"note\">(title derived, not written in the file)</small>");
    }
    page.raw("</h2><dl>");
    page.fmt(format_args!("<dt>File</dt><dd id=\"{side}-path\"><code>"));
    page.text(&info.path).raw("</code></dd>");
    if let Some(year) = info.year {
        page.fmt(format_args!(
            "<dt>Year</dt><dd id=\"{side}-year\" data-value=\"{year}\">{year}</dd>"
        ));
    }
    if let Some(place) = &info.place {
        page.fmt(format_args!(
            "<dt>Place</dt><dd id=\"{side}-place\" lang=\"zh-Hans\">"
        ));
        page.text(place).raw("</dd>");
    }
    page.fmt(format_args!("<dt>Encoding</dt><dd id=\"{side}-encoding\">"));
    page.text(&info.encoding).raw("</dd>");
    let script = if info.converted {
        "converted from Traditional"
    } else {
        "as written"
    };
    page.fmt(format_args!(
        "<dt>Script</dt><dd id=\"{side}-converted\" data-value=\"{}\">{script}</dd>\
         <dt>Characters</dt><dd id=\"{side}-chars\" data-value=\"{chars}\">{chars}</dd>\
         <dt>Sentences</dt><dd id=\"{side}-sentences\" data-value=\"{sentences}\">{sentences}</dd>\
         </dl></section>",
        info.converted,
        chars = info.chars,
        sentences = info.sentences,
    ));
}

fn figures(page: &mut Html, cmp: &Comparison) {
    let s = &cmp.summary;
    page.raw("<div class=\"figures\">");
    let shared_a = format!("{} of {} characters of A", s.a_shared_chars, cmp.a.chars);
    let shared_b = format!("{} of {} characters of B", s.b_shared_chars, cmp.b.chars);
    figure(page, "a-reuse", "A's text found in B", s.a_reuse, &shared_a);
    figure(page, "b-reuse", "B's text found in A", s.b_reuse, &shared_b);
    let masked = "figures set aside";
    figure(
        page,
        "a-template-reuse",
        "A's template reuse",
        s.a_template_reuse,
        masked,
    );
    figure(
        page,
        "b-template-reuse",
        "B's template reuse",
        s.b_template_reuse,
        masked,
    );
    page.raw("</div>");
    page.fmt(format_args!(
        "<p class=\"note\">Shared text: runs of at least {} characters (punctuation and spaces \
         not counted) found in the other report. Characters in shared text: \
         <span id=\"a-shared-chars\" data-value=\"{a}\">{a}</span> of A, \
         <span id=\"b-shared-chars\" data-value=\"{b}\">{b}</span> of B. Template reuse counts \
         text that differs only in its figures as shared.</p>",
        cmp.options.min_match,
        a = s.a_shared_chars,
        b = s.b_shared_chars,
    ));
}

fn figure(page: &mut Html, id: &str, label: &str, share: f64, note: &str) {
    page.fmt(format_args!(
        "<div class=\"figure\"><div class=\"fig-label\">{label}</div>\
         <div class=\"fig-value\" id=\"{id}\" data-value=\"{share}\">{}</div>\
         <meter min=\"0\" max=\"1\" value=\"{}\"></meter>\
         <div class=\"fig-note\">{note}</div></div>",
        percent(share),
        meter_value(share),
    ));
}

/// Counts by kind, each with its glyph and colour: the legend of the side-by-side reading.
fn legend(page: &mut Html, counts: &Counts) {
    page.raw("<h2>Sentences by kind</h2><ul class=\"legend\" id=\"counts\">");
    for kind in KINDS {
        let n = (kind.count)(counts);
        page.fmt(format_args!(
            "<li data-kind=\"{}\"><abbr class=\"g\" title=\"{}\">{}</abbr> <b>{}</b> \
             <span id=\"count-{}\" data-value=\"{n}\">{n}</span> \
             <span class=\"desc\">{}</span></li>",
            kind.name, kind.label, kind.glyph, kind.label, kind.id, kind.description,
        ));
    }
    page.fmt(format_args!(
        "<li class=\"moved-key\"><span class=\"g\">{MOVED_GLYPH}</span> <b>moved</b> \
         <span id=\"count-moved\" data-value=\"{m}\">{m}</span> \
         <span class=\"desc\">pairs whose sentences stand in sections not paired with each \
         other (also counted above); each end links to the other</span></li>",
        m = counts.moved,
    ));
    page.raw(
        "<li class=\"orig-key\"><span class=\"g\">◌</span> <span class=\"desc\">a dotted \
         margin marks text that reads differently as written (converted script, folded \
         widths): hover it to see the original</span></li></ul>",
    );
}

/// Per-section reuse, one row a section pair, each linking to its place in the reading.
fn section_table(page: &mut Html, cmp: &Comparison) {
    page.raw(
        "<nav id=\"sections\" aria-label=\"Sections\"><h2>Sections</h2>\
         <div class=\"scroll\"><table id=\"section-table\"><thead><tr><th>§</th>\
         <th>A</th><th>B</th><th>Paired by</th><th>A in B</th><th>B in A</th>",
    );
    for kind in KINDS {
        page.fmt(format_args!(
            "<th><abbr title=\"{}\">{}</abbr></th>",
            kind.label, kind.glyph
        ));
    }
    page.raw("</tr></thead><tbody>");
    for (index, pair) in cmp.sections.iter().enumerate() {
        section_row(page, index, pair);
    }
    page.raw("</tbody></table></div></nav>");
}

fn section_row(page: &mut Html, index: usize, pair: &SectionPair) {
    page.fmt(format_args!(
        "<tr data-section=\"{index}\"><td><a href=\"#s{index}\">{}</a></td>",
        index + 1
    ));
    let sides = [
        (&pair.a_heading, pair.a_index.is_some()),
        (&pair.b_heading, pair.b_index.is_some()),
    ];
    for (heading, present) in sides {
        page.fmt(format_args!("<td lang=\"zh-Hans\"><a href=\"#s{index}\">"));
        match heading {
            Some(h) => page.text(h),
            None => page.raw(missing_heading(present)),
        };
        page.raw("</a></td>");
    }
    page.fmt(format_args!("<td>{}</td>", aligned_by_label(pair)));
    for (class, share) in [("a-reuse", pair.a_reuse), ("b-reuse", pair.b_reuse)] {
        match share {
            Some(v) => page.fmt(format_args!(
                "<td class=\"{class}\" data-value=\"{v}\">{} <meter min=\"0\" max=\"1\" \
                 value=\"{}\"></meter></td>",
                percent(v),
                meter_value(v)
            )),
            None => page.fmt(format_args!("<td class=\"{class}\">–</td>")),
        };
    }
    for kind in KINDS {
        page.fmt(format_args!("<td>{}</td>", (kind.count)(&pair.counts)));
    }
    page.raw("</tr>");
}

/// How a section pair came about, in words.
pub fn aligned_by_label(pair: &SectionPair) -> &'static str {
    use crate::comparison::AlignedBy;
    match pair.aligned_by {
        AlignedBy::Heading => "heading",
        AlignedBy::Preamble => "preamble",
        AlignedBy::Content => "content",
        AlignedBy::Position => "position",
        AlignedBy::Unmatched if pair.a_heading.is_some() || pair.a_index.is_some() => "only in A",
        AlignedBy::Unmatched => "only in B",
    }
}
