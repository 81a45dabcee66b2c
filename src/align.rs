//! Section alignment: which top-level section of A corresponds to which of B.
//!
//! Reports reorder, rename and renumber their parts ("一、2023年工作回顾" becomes "二、过去一年
//! 工作回顾"), so sections are paired by what they say, not by position alone:
//!
//! 1. **Preamble with preamble** (text before the first heading).
//! 2. **By heading**: headings compared on their [`heading_key`], with numbering, years and
//!    other figures, relative years (今年, 去年), the reports' place names and the forms
//!    全市/全区/我县… stripped. Equal stripped headings pair first.
//! 3. **By content**: otherwise sections pair when their headings are close (character-bigram
//!    Dice ≥ [`HEADING_CLOSE`], or one stripped heading of at least [`CONTAINED_MIN`]
//!    characters inside the other) or their texts share enough `min_match`-windows (content
//!    affinity ≥ [`CONTENT_CLOSE`]): the share of both sections' windows found in the other.
//!    Candidates are taken greedily, best score first, so a section moved elsewhere still
//!    pairs with its twin.
//! 4. **By position**: body sections still unpaired that stand between the same two pairs, as
//!    many on each side, pair in order (what a reader would compare).
//!
//! Glossaries pair with glossaries and appendices with appendices whatever their headings.
//! Sections of different kinds never pair. Everything left stands alone (unmatched).

use std::ops::Range;

use crate::comparison::AlignedBy;
use crate::key::{is_digit, key_chars, starts_with};
use crate::model::SectionKind;
use crate::spans::MutualWindows;
use crate::windows::Holders;

/// Headings closer than this (character-bigram Dice of stripped headings) may pair.
pub const HEADING_CLOSE: f64 = 0.5;

/// Sections whose content affinity reaches this may pair whatever their headings.
///
/// Measured on the samples (N = 12): of 400 pairs of body sections of different cities'
/// reports, all that do not correspond stay below 0.02; corresponding ones (two cities'
/// "政府自身建设" sections) reach 0.05–0.07, and a district's year-over-year counterparts
/// 0.012–0.083. Reports are rewritten each year, so content alone is weak evidence; headings
/// carry most pairs, and this threshold only has to stay above unrelated text.
pub const CONTENT_CLOSE: f64 = 0.03;

/// What alignment needs to know about one top-level section.
#[derive(Debug, Clone)]
pub struct SectionSketch<'k> {
    pub kind: SectionKind,
    /// The stripped heading ([`heading_key`]); `None` for a preamble.
    pub heading_key: Option<Vec<char>>,
    /// The section's key (its sentences, sub-sections included).
    pub key: &'k [char],
}

/// One line of the alignment: two sections paired, or one alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlignedPair {
    pub a: Option<usize>,
    pub b: Option<usize>,
    pub by: AlignedBy,
}

/// Pair the sections of A with those of B; the result lists every section once, in reading
/// order (A's order, B's unpaired sections after their predecessor in B).
pub fn align_sections(
    a: &[SectionSketch],
    b: &[SectionSketch],
    min_match: usize,
) -> Vec<AlignedPair> {
    let a_keys: Vec<&[char]> = a.iter().map(|s| s.key).collect();
    let b_keys: Vec<&[char]> = b.iter().map(|s| s.key).collect();
    align_sections_by(a, b, &content_affinity(&a_keys, &b_keys, min_match))
}

/// [`align_sections`] given the sections' content affinity (as [`section_affinity`] measures
/// it), for a caller that has the reports' windows indexed already.
pub fn align_sections_by(
    a: &[SectionSketch],
    b: &[SectionSketch],
    affinity: &[Vec<f64>],
) -> Vec<AlignedPair> {
    let mut candidates = Vec::new();
    for (i, sa) in a.iter().enumerate() {
        for (j, sb) in b.iter().enumerate() {
            let c = affinity
                .get(i)
                .and_then(|row| row.get(j))
                .copied()
                .unwrap_or(0.0);
            if let Some((score, by)) = pair_score(sa, sb, c) {
                candidates.push((score, i, j, by));
            }
        }
    }
    // Best first; ties by position sum, which differs for any two candidates sharing a section,
    // so the choice does not depend on which report is A.
    candidates.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1 + x.2).cmp(&(y.1 + y.2)))
            .then(x.1.cmp(&y.1))
    });
    let mut a_to: Vec<Option<(usize, AlignedBy)>> = vec![None; a.len()];
    let mut b_taken = vec![false; b.len()];
    for (_, i, j, by) in candidates {
        if a_to[i].is_none() && !b_taken[j] {
            a_to[i] = Some((j, by));
            b_taken[j] = true;
        }
    }
    pair_by_position(a, b, affinity, &mut a_to, &mut b_taken);
    let pairs: Vec<(usize, usize)> = a_to
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.map(|(j, _)| (i, j)))
        .collect();
    merge_order(a.len(), b.len(), &pairs)
        .into_iter()
        .map(|(ia, ib)| {
            let by = match ia.and_then(|i| a_to[i]) {
                Some((_, by)) => by,
                None => AlignedBy::Unmatched,
            };
            AlignedPair { a: ia, b: ib, by }
        })
        .collect()
}

/// The score of pairing two sections, and why; `None` when they must not pair.
fn pair_score(a: &SectionSketch, b: &SectionSketch, content: f64) -> Option<(f64, AlignedBy)> {
    if a.kind != b.kind {
        return None;
    }
    if a.kind == SectionKind::Preamble {
        return Some((3.0 + content, AlignedBy::Preamble));
    }
    let (same, close) = match (&a.heading_key, &b.heading_key) {
        (Some(x), Some(y)) => (!x.is_empty() && x == y, heading_closeness(x, y)),
        _ => (false, 0.0),
    };
    if same {
        return Some((2.0 + content, AlignedBy::Heading));
    }
    let always = matches!(a.kind, SectionKind::Glossary | SectionKind::Appendix);
    if always || close >= HEADING_CLOSE || content >= CONTENT_CLOSE {
        Some((close + content, AlignedBy::Content))
    } else {
        None
    }
}

/// Sections left over between the same two pairs pair in order, as many on each side, when
/// there is at least weak evidence they correspond: some shared run, or headings half as close
/// as [`HEADING_CLOSE`] asks. Without any, two sections that merely stand in the same place
/// (a plan section and a "政府自身建设" section) would be shown as counterparts.
fn pair_by_position(
    a: &[SectionSketch],
    b: &[SectionSketch],
    affinity: &[Vec<f64>],
    a_to: &mut [Option<(usize, AlignedBy)>],
    b_taken: &mut [bool],
) {
    let pairs: Vec<(usize, usize)> = a_to
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.map(|(j, _)| (i, j)))
        .collect();
    // Anchors: pairs crossing no other pair (a symmetric choice), plus both ends.
    let mut anchors: Vec<(isize, isize)> = vec![(-1, -1)];
    for &(i, j) in &pairs {
        let crosses = pairs
            .iter()
            .any(|&(k, l)| (k as isize - i as isize) * (l as isize - j as isize) < 0);
        if !crosses {
            anchors.push((i as isize, j as isize));
        }
    }
    anchors.push((a.len() as isize, b.len() as isize));
    for w in anchors.windows(2) {
        let (lo, hi) = (w[0], w[1]);
        // Only body sections: a glossary or preamble on one side must not block the rest.
        let free_a: Vec<usize> = ((lo.0 + 1).max(0) as usize..hi.0.max(0) as usize)
            .filter(|&i| a_to[i].is_none() && a[i].kind == SectionKind::Body)
            .collect();
        let free_b: Vec<usize> = ((lo.1 + 1).max(0) as usize..hi.1.max(0) as usize)
            .filter(|&j| !b_taken[j] && b[j].kind == SectionKind::Body)
            .collect();
        if free_a.is_empty() || free_a.len() != free_b.len() {
            continue;
        }
        for (&i, &j) in free_a.iter().zip(&free_b) {
            let content = affinity
                .get(i)
                .and_then(|r| r.get(j))
                .copied()
                .unwrap_or(0.0);
            let close = match (&a[i].heading_key, &b[j].heading_key) {
                (Some(x), Some(y)) => heading_closeness(x, y),
                _ => 0.0,
            };
            if content > 0.0 || close >= HEADING_CLOSE / 2.0 {
                a_to[i] = Some((j, AlignedBy::Position));
                b_taken[j] = true;
            }
        }
    }
}

/// Content affinity of every section pair: (A windows of `i` found in `j` + B windows of `j`
/// found in `i`) / (windows of `i` + windows of `j`), windows of `min_match` characters.
pub fn content_affinity(a: &[&[char]], b: &[&[char]], min_match: usize) -> Vec<Vec<f64>> {
    let (a_key, a_sections) = concatenated(a);
    let (b_key, b_sections) = concatenated(b);
    let windows = MutualWindows::new(&a_key, &b_key, min_match);
    section_affinity(&windows, &a_sections, &b_sections)
}

/// The keys one after another, and the range of each in the whole.
fn concatenated(keys: &[&[char]]) -> (Vec<char>, Vec<Range<usize>>) {
    let mut whole = Vec::with_capacity(keys.iter().map(|k| k.len()).sum());
    let ranges = keys
        .iter()
        .map(|k| {
            let start = whole.len();
            whole.extend_from_slice(k);
            start..whole.len()
        })
        .collect();
    (whole, ranges)
}

/// [`content_affinity`] of the sections of two keys indexed together (`windows`), each section
/// a range of its key: the comparison indexes the reports' keys once for coverage, and their
/// sections' windows are slices of it (windows across a section boundary are left out).
pub fn section_affinity(
    windows: &MutualWindows,
    a: &[Range<usize>],
    b: &[Range<usize>],
) -> Vec<Vec<f64>> {
    let n = windows.n();
    let count = |r: &Range<usize>| r.len().saturating_sub(n - 1);
    // Each occurrence of a window both keys hold, as (its shared number, section): a window of
    // one key alone is in no section of the other.
    let occurrences = |ids: &[u32], sections: &[Range<usize>]| {
        let mut found = Vec::new();
        for (number, r) in sections.iter().enumerate() {
            let held = ids.get(r.start..r.start + count(r)).unwrap_or(&[]);
            let shared = held.iter().filter_map(|&id| windows.shared_number(id));
            found.extend(shared.map(|w| (w, number as u32)));
        }
        found
    };
    let in_a = occurrences(windows.a_ids(), a);
    let in_b = occurrences(windows.b_ids(), b);
    let a_holders = Holders::new(windows.shared_count(), &in_a);
    let b_holders = Holders::new(windows.shared_count(), &in_b);
    // found[i][j]: windows of A's section i found in B's section j, plus the converse.
    let mut found = vec![vec![0usize; b.len()]; a.len()];
    for &(id, i) in &in_a {
        for &j in telling(b_holders.of(id)) {
            found[i as usize][j as usize] += 1;
        }
    }
    for &(id, j) in &in_b {
        for &i in telling(a_holders.of(id)) {
            found[i as usize][j as usize] += 1;
        }
    }
    a.iter()
        .zip(&found)
        .map(|(ra, row)| {
            b.iter()
                .zip(row)
                .map(|(rb, &found)| {
                    let total = count(ra) + count(rb);
                    if total == 0 {
                        0.0
                    } else {
                        found as f64 / total as f64
                    }
                })
                .collect()
        })
        .collect()
}

/// A window held by more sections than this says nothing about which section pairs with which
/// (a report has a dozen top-level sections at most) and is not counted: without the cap, a
/// text repeated in every section of a long file made alignment quadratic.
const MAX_WINDOW_HOLDERS: usize = 64;

/// The holders of a window, or none when too many sections hold it to tell them apart.
fn telling(holders: &[u32]) -> &[u32] {
    if holders.len() > MAX_WINDOW_HOLDERS {
        &[]
    } else {
        holders
    }
}

/// Reading order of a one-to-one pairing of two sequences: A's order, each pair at its A
/// position, each unpaired B element right after the element that precedes it in B.
pub fn merge_order(
    a_len: usize,
    b_len: usize,
    pairs: &[(usize, usize)],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut a_to = vec![None; a_len];
    let mut b_paired = vec![false; b_len];
    for &(i, j) in pairs {
        if i < a_len && j < b_len {
            a_to[i] = Some(j);
            b_paired[j] = true;
        }
    }
    let mut out = Vec::with_capacity(a_len + b_len);
    let mut b_next = 0;
    for (i, to) in a_to.iter().enumerate() {
        if let Some(j) = *to {
            if j >= b_next {
                out.extend(
                    (b_next..j)
                        .filter(|&k| !b_paired[k])
                        .map(|k| (None, Some(k))),
                );
                b_next = j + 1;
            }
            out.push((Some(i), Some(j)));
        } else {
            out.push((Some(i), None));
        }
    }
    out.extend(
        (b_next..b_len)
            .filter(|&k| !b_paired[k])
            .map(|k| (None, Some(k))),
    );
    out
}

/// Han numerals used in heading numbering.
const NUMERALS: &str = "一二三四五六七八九十百零〇两";

/// Administrative suffixes stripped from place names, longest first.
const ADMIN_SUFFIXES: [&str; 13] = [
    "自治县",
    "自治旗",
    "自治州",
    "新区",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "州",
    "省",
    "镇",
    "乡",
];

/// The heading as compared: numbering, figures, years, relative years, place names and the
/// "全市/我区/本县" forms stripped, then keyed. `numbering` is the marker the reader recognised.
pub fn heading_key(text: &str, numbering: Option<&str>, places: &[&str]) -> Vec<char> {
    HeadingKeys::new(places).key(text, numbering)
}

/// [`heading_key`] for many headings of the same places: what it strips besides numbering and
/// figures is worked out once, as (what, replaced by) in the order it is replaced.
#[derive(Debug)]
pub struct HeadingKeys {
    replacements: Vec<(Vec<char>, Vec<char>)>,
}

impl HeadingKeys {
    /// Heading keys with `places` stripped.
    pub fn new(places: &[&str]) -> HeadingKeys {
        let mut replacements = Vec::new();
        for place in places {
            replacements.extend(place_forms(place).into_iter().map(|f| (f, Vec::new())));
        }
        for unit in ['全', '我', '本'] {
            for suffix in ['市', '区', '县', '旗', '州', '省'] {
                replacements.push((vec![unit, suffix], vec![unit]));
            }
        }
        for relative in ["今年", "去年", "明年", "上年", "本年"] {
            replacements.push((relative.chars().collect(), Vec::new()));
        }
        HeadingKeys { replacements }
    }

    /// The key of a heading: see [`heading_key`].
    pub fn key(&self, text: &str, numbering: Option<&str>) -> Vec<char> {
        let mut rest = text.trim();
        if let Some(n) = numbering.filter(|n| !n.is_empty()) {
            rest = rest.strip_prefix(n).unwrap_or(rest).trim_start();
        }
        let mut key = key_chars(strip_numbering(rest));
        for (from, to) in &self.replacements {
            replace_chars(&mut key, from, to);
        }
        strip_figures(&key)
    }
}

/// Replaces every occurrence of `from` in `key` by `to`, left to right and not overlapping, as
/// `str::replace` does (`from` is never empty here).
fn replace_chars(key: &mut Vec<char>, from: &[char], to: &[char]) {
    let at = |key: &[char], i: usize| starts_with(&key[i..], from);
    if from.is_empty() || !(0..key.len()).any(|i| at(key, i)) {
        return;
    }
    let mut replaced = Vec::with_capacity(key.len());
    let mut i = 0;
    while i < key.len() {
        if at(key, i) {
            replaced.extend_from_slice(to);
            i += from.len();
        } else {
            replaced.push(key[i]);
            i += 1;
        }
    }
    *key = replaced;
}

/// A place name and its base without an administrative suffix ("海拉尔区" → "海拉尔"), keyed.
fn place_forms(place: &str) -> Vec<Vec<char>> {
    let full: String = key_chars(place).into_iter().collect();
    let mut forms = Vec::new();
    if let Some(base) = ADMIN_SUFFIXES.iter().find_map(|s| full.strip_suffix(s)) {
        if base.chars().count() >= 2 {
            forms.push(full.chars().collect());
            forms.push(base.chars().collect());
            return forms;
        }
    }
    if full.chars().count() >= 2 {
        forms.push(full.chars().collect());
    }
    forms
}

/// Drops digit runs, with a 年/年度 that follows them (years).
fn strip_figures(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if is_digit(chars[i]) {
            while i < chars.len() && is_digit(chars[i]) {
                i += 1;
            }
            if chars.get(i) == Some(&'年') {
                i += 1;
                if chars.get(i) == Some(&'度') {
                    i += 1;
                }
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Strips a leading numbering marker: "一、", "(一)", "1.", "第一部分", "第三章".
fn strip_numbering(text: &str) -> &str {
    let is_numeral = |c: char| NUMERALS.contains(c) || c.is_ascii_digit();
    let is_delimiter = |c: char| "、.,．，:：".contains(c) || c.is_whitespace();
    let mut chars = text.char_indices().peekable();
    let mut opened = false;
    let mut ordinal = false;
    match chars.peek() {
        Some(&(_, c)) if "(（[【〔".contains(c) => {
            opened = true;
            chars.next();
        }
        Some(&(_, '第')) => {
            ordinal = true;
            chars.next();
        }
        _ => {}
    }
    let mut digits = 0;
    while chars.peek().is_some_and(|&(_, c)| is_numeral(c)) {
        chars.next();
        digits += 1;
    }
    let Some(&(at, next)) = chars.peek() else {
        return text;
    };
    if digits == 0 {
        return text;
    }
    let after = if opened {
        ")）]】〕".contains(next).then(|| at + next.len_utf8())
    } else if ordinal {
        ["部分", "章", "节", "篇"]
            .iter()
            .find(|u| text[at..].starts_with(*u))
            .map(|u| at + u.len())
    } else {
        is_delimiter(next).then(|| at + next.len_utf8())
    };
    match after {
        Some(end) => text[end..].trim_start_matches(is_delimiter),
        None => text,
    }
}

/// Shortest stripped heading that counts when found inside a longer one.
pub const CONTAINED_MIN: usize = 4;

/// How close two stripped headings are: their bigram Dice, or [`HEADING_CLOSE`] when the
/// shorter (at least [`CONTAINED_MIN`] characters) stands inside the longer ("工作回顾" in
/// "十三五时期发展成就和工作回顾").
pub fn heading_closeness(x: &[char], y: &[char]) -> f64 {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let contained = short.len() >= CONTAINED_MIN && long.windows(short.len()).any(|w| w == short);
    let dice = bigram_dice(x, y);
    if contained {
        dice.max(HEADING_CLOSE)
    } else {
        dice
    }
}

/// Dice coefficient of the character bigrams of two texts (1.0 for two equal one-char texts).
pub fn bigram_dice(x: &[char], y: &[char]) -> f64 {
    if x.len() < 2 || y.len() < 2 {
        return if x == y && !x.is_empty() { 1.0 } else { 0.0 };
    }
    let mut bx: Vec<(char, char)> = x.windows(2).map(|w| (w[0], w[1])).collect();
    let mut by: Vec<(char, char)> = y.windows(2).map(|w| (w[0], w[1])).collect();
    bx.sort_unstable();
    by.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < bx.len() && j < by.len() {
        match bx[i].cmp(&by[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (bx.len() + by.len()) as f64
}

#[cfg(test)]
mod tests;
