//! A fixed set of short words, found in a text in one pass over its characters.
//!
//! Commitments look for some forty words (deadlines, programme suffixes, heading words) in
//! every candidate sentence. One `str::contains` per word built a substring searcher per word
//! and per sentence: ≈ 12 K instructions a sentence. An `aho-corasick` automaton costs ≈ 1 M
//! instructions to build (a DFA; an NFA builds faster and searches slower) and ≈ 1.7 K per
//! short Chinese sentence to search. Scanning the characters the caller has decoded anyway,
//! most ruled out by one look-up, costs a few hundred (measured with callgrind on the
//! sentences of the 40 KB pair).

use crate::key::starts_with;

/// Words, each with a tag saying what finding it means.
#[derive(Debug)]
pub(crate) struct Words<T> {
    /// The words as characters, sorted by their first character.
    words: Vec<(Vec<char>, T)>,
    /// Set at `c % 256` for the first character `c` of every word: most characters of a text
    /// are ruled out by one look-up.
    first: [bool; 256],
}

fn slot(c: char) -> usize {
    (u32::from(c) % 256) as usize
}

impl<T: Copy> Words<T> {
    /// The set of `words` (empty words are left out: they would be found everywhere).
    pub fn new<'w>(words: impl IntoIterator<Item = (&'w str, T)>) -> Words<T> {
        let mut words: Vec<(Vec<char>, T)> = words
            .into_iter()
            .map(|(w, tag)| (w.chars().collect::<Vec<char>>(), tag))
            .filter(|(w, _)| !w.is_empty())
            .collect();
        words.sort_by_key(|(w, _)| w[0]);
        let mut first = [false; 256];
        for (w, _) in &words {
            first[slot(w[0])] = true;
        }
        Words { words, first }
    }

    /// Every occurrence of every word in `text`, overlapping ones included: (start, tag), by
    /// start (words starting at the same character in the order given).
    pub fn find_in<'a>(&'a self, text: &'a [char]) -> impl Iterator<Item = (usize, T)> + 'a {
        (0..text.len())
            .filter(move |&i| self.first[slot(text[i])])
            .flat_map(move |i| {
                let c = text[i];
                let from = self.words.partition_point(|(w, _)| w[0] < c);
                self.words[from..]
                    .iter()
                    .take_while(move |(w, _)| w[0] == c)
                    .filter(move |(w, _)| starts_with(&text[i..], w))
                    .map(move |&(_, tag)| (i, tag))
            })
    }

    /// True when `text` ends with one of the words.
    pub fn end(&self, text: &[char]) -> bool {
        self.words.iter().any(|(w, _)| text.ends_with(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::chars;

    #[test]
    fn every_occurrence_is_found_overlapping_ones_too() {
        let words = Words::new([("年底", 1), ("年底前", 2), ("底前", 3), ("%", 4), ("", 5)]);
        let text = chars("年底前完成,增长5%,年底");
        let found: Vec<(usize, i32)> = words.find_in(&text).collect();
        assert_eq!(found, vec![(0, 1), (0, 2), (1, 3), (9, 4), (11, 1)]);
        assert_eq!(words.find_in(&chars("年")).count(), 0, "a word cut short");
        assert_eq!(words.find_in(&[]).count(), 0);
    }

    #[test]
    fn a_shared_slot_is_not_a_match() {
        // Characters 256 apart share their slot.
        let words = Words::new([("\u{4E00}", ())]);
        assert_eq!(words.find_in(&['\u{4F00}']).count(), 0);
        assert_eq!(words.find_in(&['\u{4E00}']).count(), 1);
    }

    #[test]
    fn ends() {
        let words = Words::new([("工程", ()), ("示范区", ())]);
        assert!(words.end(&chars("建设示范区")));
        assert!(!words.end(&chars("工程建设")));
        assert!(!words.end(&chars("示范")));
    }
}
