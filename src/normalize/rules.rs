//! User replacement rules: literal rewrites applied to normalized text.
//!
//! Some published texts are masked (党 printed as "X", 政治 as "ZZ") or carry a site's
//! recurring junk; rules let a user undo that before comparing, without rdiff guessing.
//!
//! # The rules file
//!
//! ```text
//! # Undo the masking of 党 in this compilation.
//! X的二十大 => 党的二十大
//! X中央     => 党中央
//! 更多资料+AAA:xx =>
//! ```
//!
//! - One rule a line: `pattern => replacement`, split at the `=>`; spaces around either side
//!   are ignored. A line with no `=>` or with two is an error, as is an empty pattern. An empty
//!   replacement deletes the pattern.
//! - Lines that are blank or whose first non-space character is `#` are ignored. There are no
//!   trailing comments (a pattern may contain `#`).
//! - Patterns and replacements are literal strings, matched against *normalized* text: write
//!   them in Simplified script. Full-width forms and spaces in the file are folded the way
//!   report text is (`，` is `,`), so either width may be written.
//! - Rules apply in file order, each to the output of the one before, after `t2s` and width
//!   folding; each rule replaces all its non-overlapping matches, left to right.
//! - A pattern that begins (ends) with an ASCII letter or digit only matches where the text
//!   does not continue with another ASCII letter or digit before (after) it, so `X中央` does not
//!   rewrite `AX中央` and `ZZ建设` leaves `XZZ建设` alone: ASCII words are never cut.

use std::path::Path;

use super::fold_width;

/// An ordered list of literal replacements (see the module doc for the file format).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    rules: Vec<Rule>,
}

/// One `pattern => replacement` line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    pattern: String,
    replacement: String,
}

/// Why a rules file was refused; lines are numbered from 1.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("line {line}: expected `pattern => replacement`, found no `=>`")]
    MissingArrow { line: usize },
    #[error("line {line}: more than one `=>`; a rule is `pattern => replacement`")]
    ExtraArrow { line: usize },
    #[error("line {line}: the pattern before `=>` is empty")]
    EmptyPattern { line: usize },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: larger than the {max}-byte limit for a rules file")]
    TooLarge { path: String, max: u64 },
    #[error("{path}: not UTF-8 text")]
    NotUtf8 { path: String },
}

/// Largest rules file read: rules are a few lines; anything bigger is not a rules file.
pub const MAX_RULES_BYTES: u64 = 1024 * 1024;

const ARROW: &str = "=>";

impl Rules {
    /// Parse rules from the text of a rules file.
    pub fn parse(source: &str) -> Result<Rules, RulesError> {
        let mut rules = Vec::new();
        for (index, raw) in source.lines().enumerate() {
            let line = index + 1;
            let text = raw.trim();
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            let (pattern, replacement) = text
                .split_once(ARROW)
                .ok_or(RulesError::MissingArrow { line })?;
            if replacement.contains(ARROW) {
                return Err(RulesError::ExtraArrow { line });
            }
            let pattern = fold_width(pattern);
            if pattern.is_empty() {
                return Err(RulesError::EmptyPattern { line });
            }
            rules.push(Rule {
                pattern,
                replacement: fold_width(replacement),
            });
        }
        Ok(Rules { rules })
    }

    /// Read and parse a rules file (UTF-8, at most [`MAX_RULES_BYTES`]).
    pub fn load(path: &Path) -> Result<Rules, RulesError> {
        let label = || path.display().to_string();
        let bytes =
            crate::read::read_limited(path, MAX_RULES_BYTES).map_err(|source| RulesError::Io {
                path: label(),
                source,
            })?;
        if bytes.len() as u64 > MAX_RULES_BYTES {
            return Err(RulesError::TooLarge {
                path: label(),
                max: MAX_RULES_BYTES,
            });
        }
        let source = String::from_utf8(bytes).map_err(|_| RulesError::NotUtf8 { path: label() })?;
        Rules::parse(&source)
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Apply every rule, in order, to normalized text.
    pub fn apply(&self, text: String) -> String {
        self.rules
            .iter()
            .fold(text, |text, rule| rule.apply_to(text))
    }
}

impl Rule {
    fn apply_to(&self, text: String) -> String {
        if !text.contains(&self.pattern) {
            return text;
        }
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for (start, matched) in text.match_indices(&self.pattern) {
            let end = start + matched.len();
            if !self.at_word_edges(&text, start, end) {
                continue;
            }
            out.push_str(text.get(copied..start).unwrap_or(""));
            out.push_str(&self.replacement);
            copied = end;
        }
        out.push_str(text.get(copied..).unwrap_or(""));
        out
    }

    /// False when the match would cut an ASCII word: its first (last) character is an ASCII
    /// letter or digit and so is the character before (after) it.
    fn at_word_edges(&self, text: &str, start: usize, end: usize) -> bool {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        let after = text.get(end..).and_then(|s| s.chars().next());
        let cuts_left = word(self.pattern.chars().next()) && word(before);
        let cuts_right = word(self.pattern.chars().next_back()) && word(after);
        !cuts_left && !cuts_right
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rules_comments_and_blank_lines() {
        let rules = Rules::parse("# masked\n\nX中央 => 党中央\n  ZZ建设=>政治建设  \n").unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules.apply("X中央强化ZZ建设".into()), "党中央强化政治建设");
    }

    #[test]
    fn errors_name_the_line() {
        let err = Rules::parse("# ok\nX中央 党中央\n").unwrap_err();
        assert!(matches!(err, RulesError::MissingArrow { line: 2 }), "{err}");
        assert_eq!(
            err.to_string(),
            "line 2: expected `pattern => replacement`, found no `=>`"
        );
        let err = Rules::parse("a => b\n => 党\n").unwrap_err();
        assert!(matches!(err, RulesError::EmptyPattern { line: 2 }), "{err}");
        let err = Rules::parse("a => b => c").unwrap_err();
        assert!(matches!(err, RulesError::ExtraArrow { line: 1 }), "{err}");
    }

    #[test]
    fn empty_replacement_deletes() {
        let rules = Rules::parse("更多资料+AAA:xx =>").unwrap();
        assert_eq!(rules.apply("正文更多资料+AAA:xx".into()), "正文");
    }

    #[test]
    fn rules_apply_in_order_to_each_others_output() {
        let rules = Rules::parse("治XZZ => 治X政治\nX => 党").unwrap();
        assert_eq!(rules.apply("从严治XZZ责任".into()), "从严治党政治责任");
    }

    #[test]
    fn ascii_words_are_never_cut() {
        let rules = Rules::parse("X => 党\nZZ建设 => 政治建设").unwrap();
        assert_eq!(rules.apply("X射线".into()), "党射线"); // X alone is a word here
        assert_eq!(rules.apply("543X新赛道".into()), "543X新赛道");
        assert_eq!(rules.apply("XX的".into()), "XX的");
        assert_eq!(rules.apply("XZZ建设".into()), "XZZ建设");
        assert_eq!(rules.apply("的ZZ建设".into()), "的政治建设");
    }

    #[test]
    fn full_width_rules_match_folded_text() {
        let rules = Rules::parse("（X中央） => (党中央)").unwrap();
        assert_eq!(rules.apply("(X中央)".into()), "(党中央)");
    }

    #[test]
    fn no_rules_change_nothing() {
        assert!(Rules::default().is_empty());
        assert_eq!(Rules::default().apply("X中央".into()), "X中央");
    }
}
