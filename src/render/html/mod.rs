//! `rdiff A B --html FILE`: the comparison as one self-contained HTML page, the file a
//! newsroom attaches to a story or a researcher mails to a colleague.
//!
//! The page reads the [`Comparison`] and nothing else; it computes no figure of its own. It
//! must open offline, years later, in any browser, so everything is inline: one stylesheet,
//! one small script, system fonts, no network. A Content-Security-Policy (`default-src
//! 'none'`, the stylesheet and script allowed by hash) makes that a guarantee rather than a
//! habit, and would stop injected markup even if escaping ever failed. All content is in the
//! markup: filters are radio buttons and CSS, folds are `<details>`; the script only adds
//! "expand all"/"collapse all" and unfolds before printing.
//!
//! # What a test (or a scraper) can rely on
//!
//! - Figures: `#a-reuse`, `#b-reuse`, `#a-template-reuse`, `#b-template-reuse`,
//!   `#a-shared-chars`, `#b-shared-chars`, `#count-{equal,template,similar,moved,a-only,b-only}`,
//!   `#{a,b}-{chars,sentences,converted,year}`, each with the exact value in `data-value`.
//!   Texts: `#{a,b}-{title,path,encoding,place}`.
//! - `#section-table tr[data-section=N]`: per-section reuse (`td.a-reuse`, `td.b-reuse`).
//! - `section.pair#sN[data-section=N][data-kind][data-aligned-by]`: the N-th section pair;
//!   `.pair-head .a` / `.b`: its headings.
//! - `.row#sN-iM[data-kind][data-here]`: item M of section N; `.a` / `.b` children hold each
//!   side's text (`del` / `ins` mark changes), `.twin a` links a moved end to the other.
//!   `details.fold[data-count]` wraps runs of equal pairs.
//! - `span.sh` inside a sentence: a stretch shared with the other report;
//!   `#shared-phrases li[data-chars]`: the longest shared stretches.
//! - `#commitments-a li`, `#commitments-b li`: commitments, `a[data-item]` linking to rows.
//! - `footer#options`: the comparison options in `data-min-match` and its siblings.

mod commitments;
mod file;
mod kinds;
mod markup;
mod reading;
mod summary;
mod targets;
#[cfg(test)]
pub(crate) mod testkit;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

pub use file::write_file;

use crate::comparison::Comparison;
use markup::Html;
use summary::report_name;

/// The stylesheet, inlined into every page.
const STYLE: &str = include_str!("page.css");
/// The script, inlined into every page: only conveniences; the page works without it.
const SCRIPT: &str = include_str!("page.js");
/// `sha256-` + base64 of [`STYLE`] for the Content-Security-Policy. After editing page.css or
/// page.js, `cargo test --lib render::html` fails and prints the new value (or:
/// `openssl dgst -sha256 -binary page.css | base64`).
const STYLE_HASH: &str = "sha256-ZBUMvZfR6dj1GRR/u+GdselzAsDBpP7ipCUglgkgSck=";
/// `sha256-` + base64 of [`SCRIPT`] for the Content-Security-Policy (see [`STYLE_HASH`]).
const SCRIPT_HASH: &str = "sha256-+O+9iQzNuOqfuewu3zZgAHru1L0Ebqcm79ZP7PNGgrw=";

/// The page for `cmp`, whole.
pub fn render(cmp: &Comparison) -> String {
    let mut page = Html::with_capacity(estimated_size(cmp));
    head(&mut page, cmp);
    page.raw("<body>");
    page.raw(
        "<p class=\"jump\"><a href=\"#sections\">Sections</a> · <a href=\"#pairs\">Reading</a> \
         · <a href=\"#shared-phrases\">Shared text</a> · <a href=\"#targets\">Targets</a> \
         · <a href=\"#commitments\">Commitments</a></p>",
    );
    summary::write(&mut page, cmp);
    filters(&mut page);
    reading::write(&mut page, cmp);
    commitments::write_shared_phrases(&mut page, cmp);
    targets::write(&mut page, cmp);
    commitments::write(&mut page, cmp);
    footer(&mut page, cmp);
    page.raw("<script>")
        .raw(SCRIPT)
        .raw("</script></body></html>\n");
    page.into_string()
}

/// Write the page for `cmp` to `out`.
pub fn write_to(out: &mut impl Write, cmp: &Comparison) -> io::Result<()> {
    out.write_all(render(cmp).as_bytes())
}

/// Room for both sides' text (CJK is three bytes a character) and the markup around it.
fn estimated_size(cmp: &Comparison) -> usize {
    (cmp.a.chars + cmp.b.chars) * 8 + 64 * 1024
}

fn head(page: &mut Html, cmp: &Comparison) {
    page.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    page.fmt(format_args!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src '{STYLE_HASH}'; script-src '{SCRIPT_HASH}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">"
    ));
    page.raw(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light\">",
    );
    page.fmt(format_args!(
        "<meta name=\"generator\" content=\"rdiff {}\">\
         <link rel=\"icon\" href=\"data:,\"><title>",
        env!("CARGO_PKG_VERSION")
    ));
    page.text(report_name(&cmp.a))
        .raw(" ↔ ")
        .text(report_name(&cmp.b))
        .raw(" · rdiff</title><style>")
        .raw(STYLE)
        .raw("</style></head>");
}

/// Radio buttons before `<main>` and their labels: CSS sibling selectors hide rows by kind,
/// so filtering works with scripts off.
fn filters(page: &mut Html) {
    const VIEWS: [(&str, &str); 5] = [
        ("all", "everything"),
        ("shared", "shared text (= ~ ≈)"),
        ("own", "own text (− +)"),
        ("a", "A's own (−)"),
        ("b", "B's own (+)"),
    ];
    for (i, (id, _)) in VIEWS.iter().enumerate() {
        let checked = if i == 0 { " checked" } else { "" };
        page.fmt(format_args!(
            "<input type=\"radio\" name=\"view\" class=\"view\" id=\"view-{id}\"{checked}>"
        ));
    }
    page.raw("<div class=\"filters\" role=\"group\" aria-label=\"Show\"><span>Show:</span>");
    for (id, label) in VIEWS {
        page.fmt(format_args!("<label for=\"view-{id}\">{label}</label>"));
    }
    page.raw("</div>");
}

fn footer(page: &mut Html, cmp: &Comparison) {
    let o = &cmp.options;
    page.fmt(format_args!(
        "<footer id=\"options\" data-min-match=\"{min}\" data-similar-threshold=\"{t}\" \
         data-similar-min-match=\"{smin}\" data-max-gram-sentences=\"{}\">Made by rdiff {} \
         with shared runs of at least {min} characters; sentences are similar when runs of at \
         least {smin} characters cover {t} of both. The reports' text is shown normalized (one \
         script, one width); hover a sentence with a dotted margin to see it as written.\
         </footer>",
        o.max_gram_sentences,
        env!("CARGO_PKG_VERSION"),
        min = o.min_match,
        smin = o.similar_min_match,
        t = o.similar_threshold,
    ));
}
