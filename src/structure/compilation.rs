//! Files holding several reports: where each starts, and what the contents list promised.
//!
//! A report starts at its title line when its opening follows within a few lines (the meeting
//! line, the speaker, or the address to the delegates). That rules out a title merely cited in
//! the text ("…审议通过《2024年济南市政府工作报告》…" is a sentence, and a title-like line in
//! quotation marks or without an opening after it is not a start).

use std::ops::Range;

use super::chars::{despace, has_sentence_stop};
use super::lines::Piece;
use super::title;
use crate::model::Report;

/// How many pieces after a title its opening may come.
const OPENING_WITHIN: usize = 4;

/// Where reports start: indices of their title pieces.
pub fn report_starts(pieces: &[Piece]) -> Vec<usize> {
    (0..pieces.len())
        .filter(|&i| {
            let piece = &pieces[i];
            piece.starts_line
                && title::is_title_line(&piece.norm)
                && opening_follows(&pieces[i + 1..])
        })
        .collect()
}

/// The report's opening comes within a few lines, before any sentence or other title.
fn opening_follows(after: &[Piece]) -> bool {
    for piece in after.iter().take(OPENING_WITHIN) {
        if opens_report(piece) {
            return true;
        }
        if has_sentence_stop(piece.text) || title::is_title_line(&piece.norm) {
            return false;
        }
    }
    false
}

fn opens_report(piece: &Piece) -> bool {
    title::is_meeting_line(&piece.norm)
        || title::starts_with_salutation(&piece.norm)
        || title::is_speaker_line(&piece.norm)
}

/// The pieces of each report: one range for an ordinary file; for a compilation, one per
/// report, the first taking whatever came before its title (cover, contents list).
pub fn split(pieces: &[Piece]) -> Vec<Range<usize>> {
    let mut bounds = report_starts(pieces);
    // A cover ("政府工作报告" / "国务院总理 李克强" / a date) has a title and a speaker but no
    // text: the report is the one whose title follows.
    let has_text = |range: std::ops::Range<usize>| {
        pieces[range]
            .iter()
            .any(|p| has_sentence_stop(p.text) && p.marker.is_none())
    };
    let ends: Vec<usize> = bounds
        .iter()
        .skip(1)
        .copied()
        .chain([pieces.len()])
        .collect();
    let starts = bounds.clone();
    bounds = starts
        .iter()
        .zip(&ends)
        .filter(|(&start, &end)| has_text(start..end))
        .map(|(&start, _)| start)
        .collect();
    if bounds.len() < 2 {
        bounds.clear();
    }
    // The first report starts at the top of the file, whatever its title comes after.
    match bounds.first_mut() {
        Some(first) => *first = 0,
        None => bounds.push(0),
    }
    bounds.push(pieces.len());
    bounds.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Longest list of missing reports named in full in the warning.
const MAX_NAMED: usize = 20;

/// A warning when the contents list names reports the file does not hold.
pub fn contents_warning(entries: &[String], reports: &[Report]) -> Option<String> {
    let named: Vec<&String> = entries.iter().filter(|e| title::is_title_line(e)).collect();
    if named.len() <= 1 {
        return None;
    }
    let found = |entry: &str| {
        let key = despace(entry);
        let place = title::place_from_title(&key);
        let year = title::year_of(&key);
        reports.iter().any(|r| {
            let same_title = r.title.as_ref().is_some_and(|t| despace(&t.text) == key);
            same_title || (place.is_some() && r.place == place && r.year == year)
        })
    };
    let missing: Vec<String> = named
        .iter()
        .filter(|e| !found(e))
        .map(|e| title::place_from_title(e).unwrap_or_else(|| despace(e).into_owned()))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut names = missing
        .iter()
        .take(MAX_NAMED)
        .cloned()
        .collect::<Vec<_>>()
        .join("、");
    if missing.len() > MAX_NAMED {
        names.push_str(&format!(" and {} more", missing.len() - MAX_NAMED));
    }
    Some(format!(
        "the contents list names {} reports but the file holds {}; missing: {names}",
        named.len(),
        reports.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Genre;

    use crate::structure::lines::pieces;

    #[test]
    fn reports_start_at_titles_followed_by_their_opening() {
        let p = pieces(&[
            "合集",
            "2024年济南市政府工作报告",
            "2024年1月10日在济南市第十八届人民代表大会第三次会议上",
            "各位代表:",
            "会议审议了2024年沈阳市政府工作报告。",
            "《2024年沈阳市政府工作报告》",
            "各位代表:",
            "2024年商丘市政府工作报告",
            "各位代表:",
            "现在,我代表市人民政府报告工作。",
        ]);
        assert_eq!(report_starts(&p), vec![1, 7]);
        assert_eq!(split(&p), vec![0..7, 7..10]);
    }

    #[test]
    fn one_title_is_one_report() {
        let p = pieces(&["2024年济南市政府工作报告", "各位代表:", "正文。"]);
        assert_eq!(split(&p), vec![0..3]);
    }

    fn report(title: &str, place: &str) -> Report {
        Report {
            path: String::new(),
            title: Some(crate::model::Text::plain(title)),
            title_derived: false,
            year: Some(2024),
            year_from: None,
            place: Some(place.to_string()),
            place_from: None,
            genre: Genre::Report,
            encoding: "UTF-8".into(),
            converted: false,
            sections: Vec::new(),
            dropped: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn a_contents_list_promising_more_is_reported() {
        let entries: Vec<String> = [
            "2024年济南市政府工作报告",
            "2024年沈阳市政府工作报告",
            "2024年度江阴市政府工作报告",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let reports = [
            report("2024年济南市政府工作报告", "济南市"),
            report("2024年沈阳市政府工作报告", "沈阳市"),
        ];
        assert_eq!(
            contents_warning(&entries, &reports).as_deref(),
            Some("the contents list names 3 reports but the file holds 2; missing: 江阴市")
        );
        assert_eq!(contents_warning(&entries[..2], &reports), None);
    }
}
