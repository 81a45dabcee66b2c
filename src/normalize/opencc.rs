//! OpenCC's `t2s` conversion as a table lookup over OpenCC's own dictionaries.
//!
//! `t2s` is OpenCC's phrase table (`TSPhrases.txt`) and character table (`TSCharacters.txt`)
//! applied as one group: at each position the longest key of either table that starts there
//! is replaced by its first value (on equal length the phrase table wins), and the text after
//! it is matched next; a character no key starts with is copied. Both tables are vendored
//! unchanged in `opencc/` (Apache-2.0, from the OpenCC project; `opencc/README.md` says which
//! release) and parsed on first use, in well under a millisecond.
//!
//! Why not the `ferrous-opencc` crate, which does the same: its dictionary lookups allocate a
//! vector of strings per matched character and ran at 3–4 MB/s on report text here, slower
//! than the OpenCC tool itself; this table reads each character once and copies runs that need
//! no conversion (all Simplified text, ASCII) without looking anything up, at hundreds of MB/s
//! (`cargo bench --bench stages -- convert`). `tests/t2s_oracle.rs` checks the two agree on
//! every sample and on generated text built from every dictionary key.

use std::borrow::Cow;
use std::collections::HashMap;

/// OpenCC's phrase table for `t2s` (key, tab, space-separated values).
const PHRASES: &str = include_str!("opencc/TSPhrases.txt");
/// OpenCC's character table for `t2s`.
const CHARACTERS: &str = include_str!("opencc/TSCharacters.txt");

/// Every key starting with one character: the one-character key's value, and the longer
/// keys (without their first character), longest first.
#[derive(Debug, Default)]
struct Entry {
    single: Option<&'static str>,
    longer: Vec<(&'static str, &'static str)>,
}

/// The `t2s` tables, indexed by a key's first character.
#[derive(Debug)]
pub struct T2s {
    /// Per Basic Multilingual Plane character: 1 + the number of its entry, or 0 when no key
    /// starts with it (one array read per character, no hashing).
    bmp: Vec<u16>,
    /// Characters outside the BMP (a few hundred rare ones) and their entries.
    astral: HashMap<char, u16>,
    entries: Vec<Entry>,
}

impl T2s {
    /// Parse the vendored tables.
    pub fn load() -> T2s {
        let mut t2s = T2s {
            bmp: vec![0; 0x10000],
            astral: HashMap::new(),
            entries: Vec::with_capacity(4200),
        };
        // Later tables override earlier ones on equal keys: the phrase table wins.
        for table in [CHARACTERS, PHRASES] {
            for (key, value) in entries_of(table) {
                let Some(first) = key.chars().next() else {
                    continue;
                };
                let entry = t2s.entry_mut(first);
                match &key[first.len_utf8()..] {
                    "" => entry.single = Some(value),
                    rest => match entry.longer.iter_mut().find(|(tail, _)| *tail == rest) {
                        Some(held) => held.1 = value,
                        None => entry.longer.push((rest, value)),
                    },
                }
            }
        }
        for entry in &mut t2s.entries {
            // Longest first; among equals by text.
            entry
                .longer
                .sort_unstable_by(|x, y| y.0.len().cmp(&x.0.len()).then(x.0.cmp(y.0)));
        }
        t2s
    }

    /// The entry of the keys starting with `c`, created empty if there is none yet.
    fn entry_mut(&mut self, c: char) -> &mut Entry {
        let held = match self.bmp.get(c as usize) {
            Some(&number) => number,
            None => self.astral.get(&c).copied().unwrap_or(0),
        };
        let number = if held == 0 {
            self.entries.push(Entry::default());
            let number = u16::try_from(self.entries.len()).expect("fewer than 65536 entries");
            match self.bmp.get_mut(c as usize) {
                Some(slot) => *slot = number,
                None => {
                    self.astral.insert(c, number);
                }
            }
            number
        } else {
            held
        };
        &mut self.entries[usize::from(number) - 1]
    }

    /// The entry of the keys starting with `c`, if any.
    fn entry(&self, c: char) -> Option<&Entry> {
        let number = match self.bmp.get(c as usize) {
            Some(&number) => number,
            None => self.astral.get(&c).copied().unwrap_or(0),
        };
        self.entries.get(usize::from(number).checked_sub(1)?)
    }

    /// Convert `text`; borrowed when nothing in it starts a key (Simplified text, ASCII).
    pub fn convert<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let Some(first) = self.next_key_start(text, 0) else {
            return Cow::Borrowed(text);
        };
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..first]);
        let mut at = first;
        while at < text.len() {
            let rest = &text[at..];
            let Some(c) = rest.chars().next() else { break };
            let after = at + c.len_utf8();
            match self.longest_match(c, &text[after..]) {
                Some((len, value)) => {
                    out.push_str(value);
                    at = after + len;
                }
                None => {
                    out.push(c);
                    at = after;
                }
            }
            // Copy the run that needs no lookup in one go.
            let next = self.next_key_start(text, at).unwrap_or(text.len());
            out.push_str(&text[at..next]);
            at = next;
        }
        Cow::Owned(out)
    }

    /// Byte offset of the first character at or after `from` that starts a key.
    fn next_key_start(&self, text: &str, from: usize) -> Option<usize> {
        let rest = text.get(from..)?;
        let bytes = rest.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // No key starts with an ASCII character.
                i += 1;
                continue;
            }
            let c = rest[i..].chars().next()?;
            if self.entry(c).is_some() {
                return Some(from + i);
            }
            i += c.len_utf8();
        }
        None
    }

    /// The longest key starting with `c` and continuing with a prefix of `rest`: the byte
    /// length of that continuation and the key's value.
    fn longest_match(&self, c: char, rest: &str) -> Option<(usize, &'static str)> {
        let entry = self.entry(c)?;
        entry
            .longer
            .iter()
            .find(|(tail, _)| rest.starts_with(tail))
            .map(|&(tail, value)| (tail.len(), value))
            .or(entry.single.map(|value| (0, value)))
    }
}

/// The (key, first value) lines of an OpenCC dictionary file; `#` lines are comments.
fn entries_of(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            return None;
        }
        let (key, values) = line.split_once('\t')?;
        let value = values.split(' ').next().filter(|v| !v.is_empty())?;
        (!key.is_empty()).then_some((key, value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_whole() {
        let t2s = T2s::load();
        let singles = t2s.entries.iter().filter(|e| e.single.is_some()).count();
        let longer: usize = t2s.entries.iter().map(|e| e.longer.len()).sum();
        assert!(singles > 4000, "character table truncated: {singles}");
        assert!(longer > 250, "phrase table truncated: {longer}");
    }

    #[test]
    fn longest_key_wins_and_matching_resumes_after_it() {
        let t2s = T2s::load();
        // 瞭解 is a phrase (了解); 瞭 alone is a character entry (瞭).
        assert_eq!(t2s.convert("瞭解情況"), "了解情况");
        assert_eq!(t2s.convert("頭髮乾了"), "头发干了");
        assert_eq!(t2s.convert("乾隆"), "乾隆");
    }

    #[test]
    fn text_needing_no_work_is_borrowed() {
        let t2s = T2s::load();
        assert!(matches!(t2s.convert("GDP 6.5%"), Cow::Borrowed(_)));
        assert!(matches!(
            t2s.convert("现在,我代表人民政府"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(t2s.convert(""), Cow::Borrowed(_)));
        assert_eq!(t2s.convert("abc國x"), "abc国x");
    }
}
