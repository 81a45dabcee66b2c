//! A report flattened for comparison: every sentence keyed once, with where it stands.

use std::ops::Range;

use crate::align::HeadingKeys;
use crate::key::{is_key_char, key_chars, mask_digit_chars};
use crate::model::{Heading, Report, Section, Sentence};

/// One sentence, keyed.
#[derive(Debug)]
pub(crate) struct KeyedSentence<'r> {
    pub sentence: &'r Sentence,
    /// Range of its key in the report's key.
    pub span: Range<usize>,
    /// Range of its key with digit runs masked in the report's masked key.
    pub masked_span: Range<usize>,
    /// Index of the top-level section it stands in.
    pub section: usize,
    /// Index of its element within that section's elements.
    pub element: usize,
    /// Headings above it, outermost (top-level) first.
    pub headings: Vec<&'r Heading>,
}

/// One line of a top-level section in reading order: a sentence or a sub-heading.
#[derive(Debug)]
pub(crate) enum Element<'r> {
    /// Index into [`KeyedReport::sentences`].
    Sentence(usize),
    /// A sub-heading, with its stripped key (as headings are aligned).
    Heading(&'r Heading, Vec<char>),
}

/// One top-level section.
#[derive(Debug)]
pub(crate) struct KeyedSection<'r> {
    pub section: &'r Section,
    /// The stripped heading key; `None` for a preamble.
    pub heading_key: Option<Vec<char>>,
    pub elements: Vec<Element<'r>>,
    /// Its characters in the report's key.
    pub chars: Range<usize>,
}

/// A report with every sentence keyed.
///
/// Sentences hold ranges into the report's key and masked key rather than keys of their own:
/// one buffer each for the whole report instead of two per sentence.
#[derive(Debug)]
pub(crate) struct KeyedReport<'r> {
    pub report: &'r Report,
    /// The report's key: its sentences' keys in reading order (headings excluded).
    pub chars: Vec<char>,
    /// The report's key with digit runs masked ([`mask_digit_chars`]).
    pub masked: Vec<char>,
    /// Where each masked character starts in [`KeyedReport::chars`].
    pub masked_starts: Vec<usize>,
    pub sentences: Vec<KeyedSentence<'r>>,
    pub sections: Vec<KeyedSection<'r>>,
    /// Headings and sentences keyed, in reading order, each heading's key between two
    /// [`HEADING_MARK`]s: the report's whole key, for the "identical" test. A heading change
    /// is a change, and so is the same words read as a heading on one side and as a sentence
    /// on the other (a layout difference can decide that), which the shares would count as
    /// text the other report lacks.
    pub full_key: Vec<char>,
}

/// Delimits a heading in [`KeyedReport::full_key`]; a control character, so never a key
/// character itself.
const HEADING_MARK: char = '\u{0}';

impl<'r> KeyedReport<'r> {
    /// Key `report`; `places` are stripped from headings (both reports' places).
    pub fn new(report: &'r Report, places: &[&str]) -> KeyedReport<'r> {
        let mut keyed = KeyedReport {
            report,
            chars: Vec::new(),
            masked: Vec::new(),
            masked_starts: Vec::new(),
            sentences: Vec::new(),
            sections: Vec::new(),
            full_key: Vec::new(),
        };
        let heading_keys = HeadingKeys::new(places);
        for (index, section) in report.sections.iter().enumerate() {
            let start = keyed.chars.len();
            let mut elements = Vec::new();
            let mut headings = Vec::new();
            keyed.walk(
                section,
                index,
                &mut elements,
                &mut headings,
                &heading_keys,
                true,
            );
            keyed.sections.push(KeyedSection {
                section,
                heading_key: section
                    .heading
                    .as_ref()
                    .map(|h| heading_keys.key(&h.text.text, h.numbering.as_deref())),
                elements,
                chars: start..keyed.chars.len(),
            });
        }
        (keyed.masked, keyed.masked_starts) = mask_digit_chars(&keyed.chars);
        for ks in &mut keyed.sentences {
            ks.masked_span = masked_range(&keyed.masked_starts, ks.span.clone());
        }
        keyed
    }

    /// The key of sentence `ks`.
    pub fn key(&self, ks: &KeyedSentence) -> &[char] {
        &self.chars[ks.span.clone()]
    }

    /// The masked key of sentence `ks`: its key with digit runs masked.
    pub fn masked(&self, ks: &KeyedSentence) -> &[char] {
        &self.masked[ks.masked_span.clone()]
    }

    /// Adds `section`'s sentences and sub-headings (depth first) to the report and `elements`.
    fn walk(
        &mut self,
        section: &'r Section,
        top: usize,
        elements: &mut Vec<Element<'r>>,
        headings: &mut Vec<&'r Heading>,
        heading_keys: &HeadingKeys,
        is_top: bool,
    ) {
        if let Some(h) = &section.heading {
            self.full_key.push(HEADING_MARK);
            self.full_key.extend(key_chars(&h.text.text));
            self.full_key.push(HEADING_MARK);
            if !is_top {
                let stripped = heading_keys.key(&h.text.text, h.numbering.as_deref());
                elements.push(Element::Heading(h, stripped));
            }
            headings.push(h);
        }
        for sentence in &section.sentences {
            let start = self.chars.len();
            let text = &sentence.text.text;
            self.chars.extend(text.chars().filter(|&c| is_key_char(c)));
            self.full_key.extend_from_slice(&self.chars[start..]);
            elements.push(Element::Sentence(self.sentences.len()));
            self.sentences.push(KeyedSentence {
                sentence,
                span: start..self.chars.len(),
                masked_span: 0..0, // set once the whole key is masked
                section: top,
                element: elements.len() - 1,
                headings: headings.clone(),
            });
        }
        for child in &section.children {
            self.walk(child, top, elements, headings, heading_keys, false);
        }
        if section.heading.is_some() {
            headings.pop();
        }
    }
}

/// The range of the masked key that stands for `key` (a range of the unmasked key), given
/// where each masked character starts (`starts`, ascending).
///
/// Masking a part of a key gives exactly this slice of the masked whole: a digit run cut by
/// the range's edge is still one placeholder on each side. So every sentence's masked key is
/// a slice of the report's, and one window index of the masked report serves them all.
fn masked_range(starts: &[usize], key: Range<usize>) -> Range<usize> {
    // The masked character standing for key position p: the last one starting at or before it.
    let first = starts.partition_point(|&s| s <= key.start);
    if key.is_empty() {
        return first..first;
    }
    let end = starts.partition_point(|&s| s < key.end);
    first.saturating_sub(1)..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::mask_digits;
    use crate::testing::report_from_outline;

    #[test]
    fn sentences_and_sub_headings_in_reading_order() {
        let r = report_from_outline(
            "t",
            "开场白。\n# 一、回顾\n甲乙。\n## (一)小节\n丙，丁。\n# 二、安排\n戊。",
        );
        let k = KeyedReport::new(&r, &[]);
        assert_eq!(k.chars.iter().collect::<String>(), "开场白甲乙丙丁戊");
        assert_eq!(k.sections.len(), 3);
        assert_eq!(k.sections[1].elements.len(), 3);
        assert!(matches!(k.sections[1].elements[1], Element::Heading(..)));
        assert_eq!(k.sentences[2].span, 5..7);
        assert_eq!(k.key(&k.sentences[2]), ['丙', '丁']);
        assert_eq!(k.sentences[2].section, 1);
        assert_eq!(k.sentences[2].element, 2);
        assert_eq!(k.sentences[2].headings.len(), 2);
        assert_eq!(k.sections[1].chars, 3..7);
        assert_eq!(
            k.full_key.iter().collect::<String>(),
            "开场白\0一回顾\0甲乙\0一小节\0丙丁\0二安排\0戊"
        );
    }

    #[test]
    fn masked_keys_are_each_sentences_key_masked() {
        // Digit runs running across sentence boundaries, a sentence of digits alone, a
        // sentence without key characters.
        let r = report_from_outline("t", "增长12。34项完成。5。6。……。甲7乙。8");
        let k = KeyedReport::new(&r, &[]);
        assert_eq!(k.sentences.len(), 7);
        for ks in &k.sentences {
            let own = mask_digits(&k.key(ks).iter().collect::<String>());
            assert_eq!(k.masked(ks).iter().collect::<String>(), own, "{ks:?}");
        }
    }
}
