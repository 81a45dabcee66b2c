//! Both reports' main expected targets side by side, and year over year when the two are one
//! place's consecutive reports.

use crate::comparison::Comparison;
use crate::plan::Verdict;
use crate::render::html::markup::Html;
use crate::render::targets::{figure_text, indicator_text, target_rows};

/// `<section id="targets">`: a row per indicator; then each earlier target and its result.
pub fn write(page: &mut Html, cmp: &Comparison) {
    let t = &cmp.targets;
    page.fmt(format_args!(
        "<section id=\"targets\" data-a=\"{}\" data-b=\"{}\"><h2>Main expected targets</h2>",
        t.a.len(),
        t.b.len()
    ));
    if t.a.is_empty() && t.b.is_empty() {
        page.raw("<p class=\"note\">Neither report states a targets passage that rdiff could read.</p></section>");
        return;
    }
    page.raw(
        "<p class=\"note\">Read from each report's targets passage (主要预期目标): + is a growth, \
         − a fall, a bare figure a level.</p><table class=\"targets\"><thead><tr><th>Indicator\
         </th><th><span class=\"tag\">A</span></th><th><span class=\"tag\">B</span></th></tr>\
         </thead><tbody lang=\"zh-Hans\">",
    );
    for row in target_rows(&t.a, &t.b) {
        page.raw("<tr><th lang=\"en\">").text(&row.label);
        page.raw("</th><td>").text(&row.a);
        page.raw("</td><td>").text(&row.b).raw("</td></tr>");
    }
    page.raw("</tbody></table>");
    if let Some(yoy) = &t.year_over_year {
        let (earlier, later) = if yoy.earlier == "a" {
            ("A", "B")
        } else {
            ("B", "A")
        };
        page.fmt(format_args!(
            "<h3 id=\"year-over-year\">{earlier}'s targets for {y} against {later}'s review of {y}</h3>\
             <table class=\"targets\"><thead><tr><th>Indicator</th><th>Target</th><th>Achieved</th>\
             <th>Verdict</th></tr></thead><tbody lang=\"zh-Hans\">",
            y = yoy.year
        ));
        for o in &yoy.outcomes {
            let achieved = o
                .achieved
                .as_ref()
                .map_or_else(|| "—".to_string(), figure_text);
            let class = match o.verdict {
                Verdict::Met => "met",
                Verdict::Missed => "missed",
                _ => "none",
            };
            page.raw("<tr><th>").text(&indicator_text(&o.target));
            page.raw("</th><td>").text(&figure_text(&o.target));
            page.raw("</td><td>").text(&achieved);
            page.fmt(format_args!(
                "</td><td class=\"{class}\" lang=\"en\">{}</td></tr>",
                o.verdict.label()
            ));
        }
        page.raw("</tbody></table>");
    }
    page.raw("</section>");
}
