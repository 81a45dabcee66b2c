//! Programme names, and whether another report names the same programme.
//!
//! A programme every report names (城市更新行动, “人工智能+”行动) is template, not a mark of
//! what a report does on its own. Two wordings name the same programme when their last
//! [`TAIL`] key characters agree (深入实施城市更新行动 and 城市更新行动; not 乐购沈阳行动
//! and 乐购本溪行动). The names of the national reports rdiff was validated on are built in
//! (`national_names.txt`, made by `cargo run --example national_names`), so that a pair of
//! two cities does not credit either with a national programme; a corpus adds its own.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::comparison::CommitmentMark;
use crate::key::key_of;

use super::marks::mark_spans;

/// Key characters of a name compared: enough to tell two local names apart, few enough that a
/// programme's name matches whatever verb or place precedes it.
pub const TAIL: usize = 6;

/// The comparable tail of a name (its key's last [`TAIL`] characters).
pub fn tail(name: &str) -> String {
    let key: Vec<char> = key_of(name).chars().collect();
    key[key.len().saturating_sub(TAIL)..].iter().collect()
}

/// The tails of the programme names of a text's sentences, each once.
pub fn name_tails<'t>(sentences: impl IntoIterator<Item = &'t str>) -> HashSet<String> {
    let mut out = HashSet::new();
    for text in sentences {
        let chars: Vec<char> = text.chars().collect();
        for m in mark_spans(text) {
            if m.mark == CommitmentMark::Named {
                let name: String = chars[m.start..m.end].iter().collect();
                out.insert(tail(&name));
            }
        }
    }
    out
}

/// The names of the national reports, one a line.
const NATIONAL: &str = include_str!("national_names.txt");

static NATIONAL_TAILS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    NATIONAL
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(tail)
        .collect()
});

/// Whether the national reports name this programme.
pub fn is_national(name: &str) -> bool {
    NATIONAL_TAILS.contains(&tail(name))
}

/// How many reports of a corpus name each programme.
#[derive(Debug, Default)]
pub struct NameCounts {
    reports: HashMap<String, u32>,
}

impl NameCounts {
    /// Count one report's names (each tail once per report).
    pub fn add(&mut self, tails: &HashSet<String>) {
        for t in tails {
            *self.reports.entry(t.clone()).or_insert(0) += 1;
        }
    }

    /// How many reports name `name`.
    pub fn reports_naming(&self, name: &str) -> u32 {
        self.reports.get(&tail(name)).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_programme_whatever_precedes_it() {
        let other = name_tails(["深入实施城市更新行动。"]);
        assert!(other.contains(&tail("城市更新行动")));
        assert!(!other.contains(&tail("老旧小区改造行动")));
    }

    #[test]
    fn local_names_stay_apart() {
        assert_ne!(tail("“乐购沈阳”行动"), tail("“乐购本溪”行动"));
    }

    #[test]
    fn counts_are_per_report() {
        let mut counts = NameCounts::default();
        counts.add(&name_tails(["实施城市更新行动。", "城市更新行动要加快。"]));
        counts.add(&name_tails(["推进城市更新行动。"]));
        assert_eq!(counts.reports_naming("城市更新行动"), 2);
        assert_eq!(counts.reports_naming("乐购沈阳行动"), 0);
    }
}
