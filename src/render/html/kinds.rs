//! How each kind of item looks: its name in the markup (the JSON's), a glyph that carries
//! the meaning without colour, and the words of the legend. One table, so the legend, the
//! rows and the section table cannot disagree.

use crate::comparison::{Counts, ItemKind};

/// How one kind of sentence is shown.
pub struct KindInfo {
    pub kind: ItemKind,
    /// Value of `data-kind`: the kind's name in the JSON.
    pub name: &'static str,
    /// Suffix of the count's element id (`count-a-only`).
    pub id: &'static str,
    /// Marker shown in every row, so kinds can be told apart without colour.
    pub glyph: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    /// The kind's field of [`Counts`].
    pub count: fn(&Counts) -> usize,
}

/// The sentence kinds, in legend order.
pub const KINDS: [KindInfo; 5] = [
    KindInfo {
        kind: ItemKind::Equal,
        name: "equal",
        id: "equal",
        glyph: "=",
        label: "equal",
        description: "the same sentence in both (punctuation and spacing aside)",
        count: |c| c.equal,
    },
    KindInfo {
        kind: ItemKind::Template,
        name: "template",
        id: "template",
        glyph: "~",
        label: "template",
        description: "the same words with different figures; changes highlighted",
        count: |c| c.template,
    },
    KindInfo {
        kind: ItemKind::Similar,
        name: "similar",
        id: "similar",
        glyph: "≈",
        label: "similar",
        description: "most of the text shared; changes highlighted",
        count: |c| c.similar,
    },
    KindInfo {
        kind: ItemKind::AOnly,
        name: "a_only",
        id: "a-only",
        glyph: "−",
        label: "only in A",
        description: "A's own sentences, with no counterpart in B",
        count: |c| c.a_only,
    },
    KindInfo {
        kind: ItemKind::BOnly,
        name: "b_only",
        id: "b-only",
        glyph: "+",
        label: "only in B",
        description: "B's own sentences, with no counterpart in A",
        count: |c| c.b_only,
    },
];

/// Glyph of a sub-heading row.
pub const HEADING_GLYPH: &str = "§";

/// Glyph marking a moved pair.
pub const MOVED_GLYPH: &str = "↷";

/// The `data-kind` name, glyph and label of an item kind.
pub fn describe(kind: ItemKind) -> (&'static str, &'static str, &'static str) {
    match KINDS.iter().find(|k| k.kind == kind) {
        Some(k) => (k.name, k.glyph, k.label),
        None => ("heading", HEADING_GLYPH, "heading"),
    }
}

/// What stands in place of a missing heading: a side's opening text has none; a side with
/// no section here has no counterpart.
pub fn missing_heading(present: bool) -> &'static str {
    if present {
        "<i>(opening, before the first heading)</i>"
    } else {
        "<i>(no counterpart)</i>"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_and_names_are_distinct() {
        for (i, a) in KINDS.iter().enumerate() {
            for b in KINDS.iter().skip(i + 1) {
                assert_ne!(a.glyph, b.glyph);
                assert_ne!(a.name, b.name);
            }
            assert_ne!(a.glyph, HEADING_GLYPH);
        }
    }

    #[test]
    fn names_are_the_json_names() {
        for k in &KINDS {
            let json = serde_json::to_string(&k.kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", k.name));
        }
        let heading = serde_json::to_string(&ItemKind::Heading).unwrap_or_default();
        assert_eq!(heading, format!("\"{}\"", describe(ItemKind::Heading).0));
    }
}
