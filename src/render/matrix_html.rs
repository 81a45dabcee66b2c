//! `rdiff matrix --html FILE`: one self-contained page for a corpus.
//!
//! - a heatmap of the reuse matrix (inline SVG), rows and columns in the analysis' cluster
//!   order so similar reports stand together; each cell says its figure on hover and, with
//!   `--pairs-dir`, links to that pair's report;
//! - a per-report table (template share, own share, commitments, closest source), sortable by
//!   a click on a column heading (a few lines of inline JavaScript; without it the table is
//!   all there, in input order);
//! - the most shared phrases, the recurring sentences, each report's new commitments.
//!
//! No external file, font or script: the page opens anywhere, offline. As in the pair report,
//! a Content-Security-Policy lets only the page's own stylesheet and script run. Every text from a
//! report is escaped with html-escape, as in the pair report, after dropping controls and
//! bidirectional overrides ([`super::text::sanitize`]): text with [`text`], attributes
//! (always double-quoted) with [`attr`].

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use super::targets::{cell, common_indicators, figure_text, indicator_text};
use super::text::split_marked;
use crate::corpus::{Analysis, ReportSummary};
use crate::output::{write_atomically, WriteError};
use crate::plan::{Indicator, Verdict};

/// Report text for element content.
pub fn text(s: &str) -> String {
    html_escape::encode_text(&super::text::sanitize(s)).into_owned()
}

/// Report text for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(&super::text::sanitize(s)).into_owned()
}

/// Largest corpus drawn as a heatmap; larger ones get the tables only (the CSV has the cells).
pub const HEATMAP_MAX: usize = 400;

/// Where cell (a, b) links to, when pair reports were written.
pub type PairLinks<'a> = &'a dyn Fn(usize, usize) -> Option<String>;

/// Write the page for `analysis` to `path`, whole or not at all.
pub fn write_file(
    path: &Path,
    analysis: &Analysis,
    links: Option<PairLinks>,
) -> Result<(), WriteError> {
    let page = page(analysis, links);
    write_atomically(path, |out| out.write_all(page.as_bytes()))
}

/// Write the page for `analysis` to `out`.
pub fn write<W: Write>(
    out: &mut W,
    analysis: &Analysis,
    links: Option<PairLinks>,
) -> io::Result<()> {
    out.write_all(page(analysis, links).as_bytes())
}

/// The whole page.
pub fn page(analysis: &Analysis, links: Option<PairLinks>) -> String {
    let mut html = String::new();
    let n = analysis.reports.len();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src '{STYLE_HASH}'; script-src '{SCRIPT_HASH}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>rdiff matrix: {n} reports</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Template reuse across {n} reports</h1>\n\
         <p class=\"note\">Shared text: runs of at least {} characters (punctuation and spaces \
         not counted) found verbatim in another report; <em>template</em>: the same with every \
         run of digits counted as one placeholder, so text differing only in its figures \
         counts as shared.</p>\n",
        analysis.options.min_match
    );
    heatmap(&mut html, analysis, links);
    report_table(&mut html, analysis);
    phrases(&mut html, analysis);
    sentences(&mut html, analysis);
    targets(&mut html, analysis);
    commitments(&mut html, analysis);
    failed(&mut html, analysis);
    let _ = write!(html, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    html
}

/// The href prefix leading from the page at `page` to files in folder `dir` ("pairs/",
/// "../out/pairs/"); both must exist. Falls back to `dir` as given.
pub fn href_prefix(page: &Path, dir: &Path) -> String {
    let base = match page.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (Ok(base), Ok(target)) = (std::fs::canonicalize(base), std::fs::canonicalize(dir)) else {
        return format!("{}/", url_path(&dir.to_string_lossy()));
    };
    let base: Vec<_> = base.components().collect();
    let target: Vec<_> = target.components().collect();
    let common = base.iter().zip(&target).take_while(|(x, y)| x == y).count();
    let mut href = "../".repeat(base.len() - common);
    for part in target.iter().skip(common) {
        href.push_str(&url_path(&part.as_os_str().to_string_lossy()));
        href.push('/');
    }
    href
}

/// A path percent-encoded where a URL would misread it (space, #, ?, %, quotes).
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' | '#' | '?' | '%' | '"' | '\'' => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn pct(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

fn heatmap(html: &mut String, analysis: &Analysis, links: Option<PairLinks>) {
    let n = analysis.reports.len();
    let Some(matrix) = &analysis.matrix else {
        html.push_str("<p class=\"note\">No heatmap: only each report's closest sources were kept (<code>--top</code>).</p>\n");
        return;
    };
    if n > HEATMAP_MAX {
        let _ = writeln!(html, "<p class=\"note\">No heatmap for more than {HEATMAP_MAX} reports: see <code>--csv</code>.</p>");
        return;
    }
    let grid = Grid {
        cell: (640 / n.max(1)).clamp(4, 28),
        label: 260,
        darkest: darkest_off_diagonal(matrix),
    };
    let size = grid.label + grid.cell * n;
    let _ = write!(
        html,
        "<h2>Reuse matrix</h2>\n<p class=\"note\">Row A, column B: share of A found in B; \
         hover a cell for its figure, the part of it only a few reports share (specific) and \
         the part most reports carry (common). Similar reports are placed next to each other. \
         {}</p>\n",
        if links.is_some() {
            "A cell of the pairs ranked most similar links to that pair's side-by-side reading."
        } else {
            ""
        }
    );
    legend(html, grid.darkest);
    let _ = writeln!(
        html,
        "<svg class=\"heatmap\" width=\"{size}\" height=\"{}\" viewBox=\"0 0 {size} {}\" \
         role=\"img\" aria-label=\"reuse matrix\">",
        size + 4,
        size + 4
    );
    for (row, &a) in analysis.order.iter().enumerate() {
        heatmap_row(html, analysis, matrix, &grid, (row, a), links);
    }
    html.push_str("</svg>\n");
}

/// The heatmap's geometry and colour scale.
struct Grid {
    /// Side of a cell, in pixels.
    cell: usize,
    /// Room left for the names, in pixels.
    label: usize,
    /// The figure drawn darkest.
    darkest: f64,
}

/// The largest cell off the diagonal. The diagonal (a report in itself) is drawn grey and the
/// scale spans the other cells, so that 5 % and 20 % look different.
fn darkest_off_diagonal(matrix: &[Vec<f64>]) -> f64 {
    matrix
        .iter()
        .enumerate()
        .flat_map(|(a, row)| row.iter().enumerate().filter(move |(b, _)| *b != a))
        .map(|(_, &v)| v)
        .fold(0.0, f64::max)
}

/// The colour scale: swatches from white (0) to the darkest figure, and the diagonal's grey.
fn legend(html: &mut String, darkest: f64) {
    const STEPS: usize = 5;
    let swatch = 44;
    let width = swatch * (STEPS + 2) + 40;
    let _ = writeln!(
        html,
        "<svg class=\"legend\" width=\"{width}\" height=\"34\" role=\"img\" \
         aria-label=\"colour scale\">"
    );
    for i in 0..STEPS {
        let v = i as f64 / (STEPS - 1) as f64;
        let _ = writeln!(
            html,
            "<rect class=\"swatch\" x=\"{}\" y=\"0\" width=\"{swatch}\" height=\"14\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"28\" font-size=\"11\">{}</text>",
            i * swatch,
            colour(v),
            i * swatch,
            pct(v * darkest)
        );
    }
    let x = (STEPS + 1) * swatch;
    let _ = writeln!(
        html,
        "<rect class=\"swatch\" x=\"{x}\" y=\"0\" width=\"{swatch}\" height=\"14\" fill=\"#d0d0d0\"/>\
         <text x=\"{x}\" y=\"28\" font-size=\"11\">itself</text>\n</svg>"
    );
}

/// Row `row` of the heatmap (report `a`): its name, its column label, its cells.
fn heatmap_row(
    html: &mut String,
    analysis: &Analysis,
    matrix: &[Vec<f64>],
    grid: &Grid,
    (row, a): (usize, usize),
    links: Option<PairLinks>,
) {
    let (cell, label) = (grid.cell, grid.label);
    let y = label + row * cell;
    let name = analysis.reports.get(a).map_or("", |r| r.label.as_str());
    let font = cell.clamp(6, 12);
    let _ = writeln!(
        html,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{font}\">{}</text>\n\
         <text transform=\"translate({},{}) rotate(-60)\" font-size=\"{font}\">{}</text>",
        label - 4,
        y + cell * 3 / 4,
        text(&short(name, 24)),
        y + cell * 3 / 4,
        label - 4,
        text(&short(name, 24))
    );
    let specific = analysis.specific_matrix.as_deref().unwrap_or(&[]);
    for (col, &b) in analysis.order.iter().enumerate() {
        let value = matrix.get(a).and_then(|r| r.get(b)).copied().unwrap_or(0.0);
        let other = analysis.reports.get(b).map_or("", |r| r.label.as_str());
        let own = specific
            .get(a)
            .and_then(|r| r.get(b))
            .copied()
            .unwrap_or(0.0);
        let figure = if a == b {
            pct(value)
        } else {
            format!(
                "{} (specific {}, common {})",
                pct(value),
                pct(own),
                pct((value - own).max(0.0))
            )
        };
        let fill = if a == b {
            "#d0d0d0".to_string()
        } else {
            colour(value / grid.darkest.max(f64::MIN_POSITIVE))
        };
        let rect = format!(
            "<rect x=\"{}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{fill}\"><title>{} in {}: {}</title></rect>",
            label + col * cell,
            text(name),
            text(other),
            figure
        );
        match links.map(|f| if a == b { None } else { f(a, b) }) {
            Some(Some(href)) => {
                let _ = writeln!(html, "<a href=\"{}\">{rect}</a>", attr(&href));
            }
            Some(None) if a != b => {
                // Pages were written, but not for this pair: say how to get its reading.
                let rect = rect.replace(
                    "</title>",
                    " · no page (not a listed pair): rdiff A B --html out.html</title>",
                );
                let _ = writeln!(html, "{rect}");
            }
            _ => {
                let _ = writeln!(html, "{rect}");
            }
        }
    }
}

/// White for 0, deep blue for 1.
fn colour(value: f64) -> String {
    let v = value.clamp(0.0, 1.0);
    format!("hsl(215,70%,{:.0}%)", 97.0 - 62.0 * v)
}

/// At most `max` characters of `name`, "…" when cut.
fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let mut s: String = name.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn report_table(html: &mut String, analysis: &Analysis) {
    html.push_str(
        "<h2>Reports</h2>\n<p class=\"note\">Click a column heading to sort. Template share: \
         found in at least one other report (figures masked); own share: found in none. \
         Verbatim reuse splits into common (text most other reports carry) and specific (text \
         only a few share). Closest sources rank by attribution: each specific character \
         shared by k other reports counts 1/k for each of them; <em>no clear source</em> when \
         the first is not at least 1.5 times the next and 1 % of the report.</p>\n\
         <table class=\"sortable\">\n<thead><tr><th data-type=\"n\">#</th><th>report</th>\
         <th data-type=\"n\">chars</th><th data-type=\"n\">template share</th>\
         <th data-type=\"n\">own share</th><th data-type=\"n\">common</th>\
         <th data-type=\"n\">specific</th>\
         <th data-type=\"n\">new commitments</th><th>closest sources (attributed)</th></tr></thead>\n<tbody>\n",
    );
    for (i, r) in analysis.reports.iter().enumerate() {
        let label = |index: usize, name: &str| {
            analysis
                .reports
                .get(index)
                .map_or_else(|| name.to_string(), |s| s.label.clone())
        };
        let sources: Vec<String> = r
            .sources
            .iter()
            .take(3)
            .map(|s| {
                format!(
                    "<span class=\"src\" title=\"{} · reuse {}, specific {}\">{} {}</span>",
                    attr(&s.name),
                    pct(s.reuse),
                    pct(s.specific_reuse),
                    text(&label(s.index, &s.name)),
                    pct(s.attribution)
                )
            })
            .collect();
        let unclear = match &r.closest {
            Some(c) if !c.clear => "<span class=\"note\">no clear source:</span> ",
            _ => "",
        };
        let _ = writeln!(
            html,
            "<tr><td data-v=\"{i}\">{}</td><td title=\"{} · {}\">{}</td><td data-v=\"{}\">{}</td>{}{}{}{}\
             <td data-v=\"{}\">{}</td><td>{unclear}{}</td></tr>",
            i + 1,
            attr(&r.name),
            attr(&r.info.path),
            text(&r.label),
            r.info.chars,
            r.info.chars,
            share_cell(r.template_share),
            share_cell(r.own_share),
            share_cell(r.common_share),
            share_cell(r.specific_share),
            r.commitments.len(),
            r.commitments.len(),
            sources.join(" ")
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

/// A share with its bar: an SVG rectangle, since the page's policy allows no style attribute.
fn share_cell(share: f64) -> String {
    let w = share * 60.0;
    format!(
        "<td data-v=\"{share}\"><svg class=\"bar\" width=\"{w:.0}\" height=\"10\">\
         <rect width=\"{w:.0}\" height=\"10\"/></svg>{}</td>",
        pct(share)
    )
}

fn phrases(html: &mut String, analysis: &Analysis) {
    if analysis.boilerplate.is_empty() {
        return;
    }
    html.push_str(
        "<h2>Most shared phrases</h2>\n<p class=\"note\">One line per phrase and its \
         variants (longer, shorter or overlapping forms held by fewer reports).</p>\n\
         <table>\n<thead><tr><th>reports</th><th>chars</th>\
         <th>phrase</th><th>variants</th><th>where (first report)</th></tr></thead>\n<tbody>\n",
    );
    for p in &analysis.boilerplate {
        let place = p.places.first().map(|w| {
            format!(
                "{}{}",
                text(&w.report),
                w.section
                    .as_deref()
                    .map(|s| format!(" · {}", text(s)))
                    .unwrap_or_default()
            )
        });
        let variants: Vec<String> = p
            .variants
            .iter()
            .map(|v| {
                format!(
                    "<li>{} <span class=\"note\">({})</span></li>",
                    text(&v.text),
                    v.report_count
                )
            })
            .collect();
        let variants = if variants.is_empty() {
            String::new()
        } else {
            format!("<ul class=\"variants\">{}</ul>", variants.concat())
        };
        let _ = writeln!(
            html,
            "<tr><td title=\"{}\">{}</td><td>{}</td><td class=\"text\">{}</td><td class=\"text\">{variants}</td><td>{}</td></tr>",
            attr(&p.reports.join(", ")),
            p.report_count,
            p.chars,
            text(&p.text),
            place.unwrap_or_default()
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

fn sentences(html: &mut String, analysis: &Analysis) {
    if analysis.sentences.is_empty() {
        return;
    }
    html.push_str(
        "<h2>Recurring sentences</h2>\n<table>\n<thead><tr><th>reports</th><th>verbatim</th>\
         <th>sentence (first occurrence)</th></tr></thead>\n<tbody>\n",
    );
    for s in &analysis.sentences {
        let _ = writeln!(
            html,
            "<tr><td title=\"{}\">{}</td><td>{}</td><td class=\"text\">{}</td></tr>",
            attr(&s.reports.join(", ")),
            s.report_count,
            s.equal_count,
            text(&s.text)
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

/// The main expected targets across reports, then year over year for each place.
fn targets(html: &mut String, analysis: &Analysis) {
    let columns = common_indicators(
        analysis.reports.iter().map(|r| r.targets.as_slice()),
        Indicator::ALL.len(),
    );
    if columns.is_empty() {
        return;
    }
    html.push_str(
        "<h2 id=\"targets\">Main expected targets</h2>\n<p class=\"note\">Read from each \
         report's targets passage (主要预期目标): + is a growth, − a fall, a bare figure a \
         level. Every figure with its clause: <code>--targets-csv</code>.</p>\n\
         <table class=\"targets\">\n<thead><tr><th>Report</th>",
    );
    for i in &columns {
        let _ = write!(html, "<th>{}</th>", text(i.label()));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for r in &analysis.reports {
        let _ = write!(
            html,
            "<tr><th class=\"text\" title=\"{}\">{}</th>",
            attr(&r.name),
            text(&r.label)
        );
        for &i in &columns {
            let _ = write!(
                html,
                "<td class=\"text\">{}</td>",
                text(&cell(&r.targets, i))
            );
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    for py in &analysis.year_over_year {
        let _ = write!(
            html,
            "<h3>{} {}: targets of {} against the review in {}</h3>\n<table class=\"targets\">\n\
             <thead><tr><th>Indicator</th><th>Target</th><th>Achieved</th><th>Verdict</th></tr>\
             </thead>\n<tbody>\n",
            text(&py.place),
            py.year,
            text(&py.earlier),
            text(&py.later)
        );
        for o in &py.outcomes {
            let achieved = o
                .achieved
                .as_ref()
                .map_or_else(|| "—".to_string(), figure_text);
            let _ = writeln!(
                html,
                "<tr><th class=\"text\">{}</th><td class=\"text\">{}</td><td class=\"text\">{}</td>\
                 <td class=\"{}\">{}</td></tr>",
                text(&indicator_text(&o.target)),
                text(&figure_text(&o.target)),
                text(&achieved),
                match o.verdict {
                    Verdict::Met => "met",
                    Verdict::Missed => "missed",
                    _ => "none",
                },
                o.verdict.label()
            );
        }
        html.push_str("</tbody>\n</table>\n");
    }
}

fn commitments(html: &mut String, analysis: &Analysis) {
    if analysis.reports.iter().all(|r| r.commitments.is_empty()) {
        return;
    }
    html.push_str(
        "<h2>New commitments</h2>\n<p class=\"note\">Sentences of each plan mostly in words \
         no other report shares, with a figure, a deadline or a named project in those words \
         (<mark>marked</mark>); a programme another report names is not counted.</p>\n",
    );
    for r in analysis
        .reports
        .iter()
        .filter(|r| !r.commitments.is_empty())
    {
        commitment_list(html, r);
    }
}

fn commitment_list(html: &mut String, r: &ReportSummary) {
    let _ = writeln!(
        html,
        "<details><summary>{} — {}</summary>\n<ul>",
        text(&r.label),
        r.commitments.len()
    );
    for c in &r.commitments {
        let _ = writeln!(
            html,
            "<li class=\"text\">{}{}</li>",
            marked(&c.text, &c.highlights),
            c.section
                .as_deref()
                .map(|s| format!(" <span class=\"note\">({})</span>", text(s)))
                .unwrap_or_default()
        );
    }
    html.push_str("</ul></details>\n");
}

/// `t` escaped, its character ranges `highlights` in `<mark>`.
fn marked(t: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::new();
    for (piece, own) in split_marked(t, highlights) {
        if own {
            let _ = write!(out, "<mark>{}</mark>", text(&piece));
        } else {
            out.push_str(&text(&piece));
        }
    }
    out
}

fn failed(html: &mut String, analysis: &Analysis) {
    if analysis.failed.is_empty() {
        return;
    }
    html.push_str("<h2>Inputs left out</h2>\n<ul>\n");
    for f in &analysis.failed {
        let _ = writeln!(html, "<li>{}</li>", text(&f.error));
    }
    html.push_str("</ul>\n");
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}\
.note{color:#666;font-size:.9em}table{border-collapse:collapse;margin:1em 0}\
th,td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}\
th{background:#f4f6f8;position:sticky;top:0}table.sortable th{cursor:pointer}\
td.text{max-width:50em}.bar{vertical-align:middle;margin-right:.4em}.bar rect{fill:#5b8bd0}\
.src{white-space:nowrap;display:inline-block;margin-right:.8em}\
svg.heatmap{font-family:inherit;overflow:visible}svg rect:hover{stroke:#000}\
mark{background:#fff3b0;font-weight:600}svg.legend{display:block;margin:.5em 0 1em}\
ul.variants{margin:0;padding-left:1.2em;font-size:.9em}td.met{color:#1a7f37}td.missed{color:#b42318}td.none{color:#777}";

/// `sha256-` + base64 of [`STYLE`] and of [`SCRIPT`], for the Content-Security-Policy that,
/// as in the pair report, lets only the page's own stylesheet and script run. After editing
/// either, `cargo test --lib render::matrix_html` fails and prints the new value.
const STYLE_HASH: &str = "sha256-CXjIM4UL7ynsRC+lJa1wI4VnxEx5gevyRZh3m60EynM=";
const SCRIPT_HASH: &str = "sha256-8HMYe59ur0kiHrai2xQIJ4UDen21g6PTse0rL81pfmc=";

const SCRIPT: &str = "document.querySelectorAll('table.sortable th').forEach(function(th,col){\
th.addEventListener('click',function(){var body=th.closest('table').tBodies[0];\
var rows=Array.from(body.rows);var num=th.dataset.type==='n';var dir=th.dataset.dir==='d'?1:-1;\
th.dataset.dir=dir===1?'a':'d';rows.sort(function(x,y){var a=x.cells[col],b=y.cells[col];\
if(num){return dir*((parseFloat(a.dataset.v)||0)-(parseFloat(b.dataset.v)||0));}\
return dir*a.textContent.localeCompare(b.textContent);});rows.forEach(function(r){body.appendChild(r);});});});";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{analyze, Entry, MatrixOptions, Silent};
    use crate::render::html::testkit::csp_hash;
    use crate::testing::report_from_outline;

    #[test]
    fn policy_hashes_match_the_inlined_stylesheet_and_script() {
        assert_eq!(STYLE_HASH, csp_hash(STYLE), "update STYLE_HASH");
        assert_eq!(SCRIPT_HASH, csp_hash(SCRIPT), "update SCRIPT_HASH");
        let page = page(&analysis(None), None);
        assert!(page.contains(&format!(
            "style-src '{STYLE_HASH}'; script-src '{SCRIPT_HASH}'"
        )));
        assert!(
            !page.contains(" style=\""),
            "no style attribute: the policy blocks them"
        );
        assert_eq!(page.matches("<style>").count(), 1);
    }

    fn analysis(top: Option<usize>) -> Analysis {
        let texts = [
            "坚持以人民为中心的发展思想。<script>alert(1)</script>。",
            "坚持以人民为中心的发展思想。乙丙。",
            "丁戊。",
        ];
        let names = ["a<b>", "b&c", "c\"d"];
        let entries: Vec<Entry> = texts
            .iter()
            .zip(names)
            .map(|(t, n)| Entry::new(&report_from_outline("x", t), n.to_string(), None))
            .collect();
        let options = MatrixOptions {
            min_match: 6,
            top,
            ..MatrixOptions::default()
        };
        analyze(&entries, &options, &Silent)
    }

    #[test]
    fn text_is_escaped() {
        let page = page(&analysis(None), None);
        assert!(!page.contains("<script>alert"));
        assert!(!page.contains("a<b>"));
        assert!(page.contains("a&lt;b&gt;"));
        assert!(page.contains("b&amp;c"));
        assert_eq!(
            page.matches("<script>").count(),
            1,
            "only the page's own script"
        );
    }

    #[test]
    fn heatmap_has_a_cell_per_pair_and_links_when_asked() {
        let a = analysis(None);
        let plain = page(&a, None);
        assert_eq!(plain.matches("<rect x=").count(), 9);
        // The legend: five steps of the scale and the diagonal's grey.
        assert_eq!(plain.matches("<rect class=\"swatch\"").count(), 6);
        assert!(plain.contains(">itself</text>"));
        assert!(!plain.contains("<a href"));
        let link = |x: usize, y: usize| Some(format!("pairs/{x}-{y}.html"));
        let linked = page(&a, Some(&link));
        assert_eq!(
            linked.matches("<a href=\"pairs/").count(),
            6,
            "no link on the diagonal"
        );
        assert!(linked.contains("pairs/0-1.html"));
        // Only some pairs have pages: the others say so.
        let some = |x: usize, y: usize| (x + y == 1).then(|| format!("pairs/{x}-{y}.html"));
        let partial = page(&a, Some(&some));
        assert_eq!(partial.matches("<a href=\"pairs/").count(), 2);
        assert_eq!(partial.matches("no page (not a listed pair)").count(), 4);
    }

    #[test]
    fn pair_links_are_relative_to_the_page() {
        let dir = tempfile::tempdir().unwrap();
        let pairs = dir.path().join("out dir/pairs");
        std::fs::create_dir_all(&pairs).unwrap();
        std::fs::create_dir_all(dir.path().join("site")).unwrap();
        let page = dir.path().join("site/m.html");
        assert_eq!(href_prefix(&page, &pairs), "../out%20dir/pairs/");
        assert_eq!(
            href_prefix(&dir.path().join("out dir/m.html"), &pairs),
            "pairs/"
        );
    }

    #[test]
    fn every_report_is_in_the_table_without_script() {
        let page = page(&analysis(Some(1)), None);
        assert!(page.contains("No heatmap"));
        let table = &page[page.find("<tbody>").unwrap()..];
        assert!(table.matches("<tr>").count() >= 3);
        for name in ["a&lt;b&gt;", "b&amp;c"] {
            assert!(table.contains(name));
        }
    }
}
