//! Hand-built comparisons for the page's tests: a small builder, and one sample that has a
//! bit of everything (folded runs, template and similar pairs, own text, sub-headings, a
//! moved pair, unmatched sections, commitments).

use crate::comparison::*;
use crate::model::SectionKind;

/// A report description with the given path and title.
pub fn info(path: &str, title: Option<&str>) -> ReportInfo {
    ReportInfo {
        path: path.to_string(),
        title: title.map(str::to_string),
        title_original: title.map(str::to_string),
        title_derived: false,
        year: Some(2024),
        place: Some("某市".to_string()),
        encoding: "UTF-8".to_string(),
        converted: false,
        chars: 1000,
        sentences: 40,
    }
}

/// One side of an item, written as normalized.
pub fn side(text: &str) -> Side {
    Side {
        text: text.to_string(),
        original: text.to_string(),
        coverage: Some(0.5),
        sentence: Some(0),
        shared: Vec::new(),
    }
}

fn item(kind: ItemKind, here: Here, a: Option<&str>, b: Option<&str>) -> Item {
    Item {
        kind,
        moved: false,
        here,
        a: a.map(side),
        b: b.map(side),
        diff: None,
        twin: None,
    }
}

/// An equal pair (the same text both sides).
pub fn equal(text: &str) -> Item {
    item(ItemKind::Equal, Here::Both, Some(text), Some(text))
}

/// A template or similar pair whose diff is `spans`; the sides are spelled from the spans.
pub fn changed(kind: ItemKind, spans: &[(DiffSide, &str)]) -> Item {
    let spell = |which: DiffSide| -> String {
        spans
            .iter()
            .filter(|(op, _)| *op == DiffSide::Equal || *op == which)
            .map(|(_, t)| *t)
            .collect()
    };
    let (a, b) = (spell(DiffSide::A), spell(DiffSide::B));
    let mut it = item(kind, Here::Both, Some(&a), Some(&b));
    it.diff = Some(
        spans
            .iter()
            .map(|(op, t)| DiffSpan {
                op: *op,
                text: t.to_string(),
            })
            .collect(),
    );
    it
}

/// A sentence of A alone.
pub fn a_only(text: &str) -> Item {
    item(ItemKind::AOnly, Here::A, Some(text), None)
}

/// A sentence of B alone.
pub fn b_only(text: &str) -> Item {
    item(ItemKind::BOnly, Here::B, None, Some(text))
}

/// A sub-heading on one side or both.
pub fn heading(a: Option<&str>, b: Option<&str>) -> Item {
    let here = match (a, b) {
        (Some(_), None) => Here::A,
        (None, Some(_)) => Here::B,
        _ => Here::Both,
    };
    item(ItemKind::Heading, here, a, b)
}

/// Builds a [`Comparison`] section by section.
pub struct Build {
    cmp: Comparison,
}

impl Build {
    /// Two reports, no sections yet, zero figures.
    pub fn new(a: ReportInfo, b: ReportInfo) -> Build {
        Build {
            cmp: Comparison {
                a,
                b,
                options: CompareOptions::default(),
                summary: Summary {
                    a_reuse: 0.4231,
                    b_reuse: 0.375,
                    a_template_reuse: 0.51,
                    b_template_reuse: 0.1 + 0.2,
                    a_shared_chars: 423,
                    b_shared_chars: 375,
                    counts: Counts {
                        equal: 7,
                        template: 1,
                        similar: 2,
                        moved: 1,
                        a_only: 2,
                        b_only: 2,
                    },
                    identical: false,
                },
                sections: Vec::new(),
                commitments: Commitments::default(),
                view: View::default(),
                targets: PairTargets::default(),
                shared_phrases: Vec::new(),
            },
        }
    }

    /// Start a section pair (an index is given to each side that has a heading).
    pub fn section(mut self, a: Option<&str>, b: Option<&str>, by: AlignedBy) -> Build {
        let n = self.cmp.sections.len();
        let preamble = by == AlignedBy::Preamble;
        self.cmp.sections.push(SectionPair {
            a_heading: a.map(str::to_string),
            b_heading: b.map(str::to_string),
            a_index: (a.is_some() || preamble).then_some(n),
            b_index: (b.is_some() || preamble).then_some(n),
            kind: if preamble {
                SectionKind::Preamble
            } else {
                SectionKind::Body
            },
            aligned_by: by,
            a_reuse: (a.is_some() || preamble).then_some(0.5),
            b_reuse: (b.is_some() || preamble).then_some(0.25),
            a_chars: 100,
            b_chars: 120,
            counts: Counts {
                equal: 1,
                ..Counts::default()
            },
            items: Vec::new(),
        });
        self
    }

    /// Add an item to the last section.
    pub fn item(mut self, item: Item) -> Build {
        if let Some(last) = self.cmp.sections.last_mut() {
            last.items.push(item);
        }
        self
    }

    /// The A end of a moved pair here, its B end at `twin`.
    pub fn moved_a(self, mut pair: Item, twin: ItemRef) -> Build {
        pair.moved = true;
        pair.here = Here::A;
        pair.twin = Some(twin);
        self.item(pair)
    }

    /// The B end of a moved pair here, its A end at `twin`.
    pub fn moved_b(self, mut pair: Item, twin: ItemRef) -> Build {
        pair.moved = true;
        pair.here = Here::B;
        pair.twin = Some(twin);
        self.item(pair)
    }

    /// A commitment of side A (`a`) or B, standing at `at`.
    pub fn commitment(mut self, of_a: bool, text: &str, at: ItemRef) -> Build {
        let c = Commitment {
            section: Some("一、工作回顾".to_string()),
            subsection: Some("（一）稳增长".to_string()),
            text: text.to_string(),
            original: text.to_string(),
            kind: if of_a {
                ItemKind::AOnly
            } else {
                ItemKind::BOnly
            },
            marks: vec![CommitmentMark::Figure, CommitmentMark::Deadline],
            highlights: Vec::new(),
            own_share: 1.0,
            item: Some(at),
        };
        if of_a {
            self.cmp.commitments.a.push(c);
        } else {
            self.cmp.commitments.b.push(c);
        }
        self
    }

    /// The comparison, for further changes by hand.
    pub fn done(self) -> Comparison {
        self.cmp
    }
}

/// Where item `item` of section `section` is listed.
pub fn at(section: usize, item: usize) -> ItemRef {
    ItemRef { section, item }
}

/// A comparison with a bit of everything; every sentence text is distinct.
pub fn sample() -> Comparison {
    let moved = changed(
        ItemKind::Similar,
        &[
            (DiffSide::Equal, "深入推进生态文明建设"),
            (DiffSide::A, "，打好蓝天保卫战"),
            (DiffSide::B, "，持续改善空气质量"),
        ],
    );
    Build::new(
        info("a/2023.txt", Some("2023年政府工作报告")),
        info("b/2024.txt", Some("2024年政府工作报告")),
    )
    .section(None, None, AlignedBy::Preamble)
    .item(equal("各位代表："))
    .item(equal("现在，我代表市人民政府向大会报告工作。"))
    .section(
        Some("一、过去一年工作回顾"),
        Some("一、2023年工作回顾"),
        AlignedBy::Heading,
    )
    .item(equal("过去一年，我们坚持稳中求进工作总基调。"))
    .item(equal("经济运行总体平稳。"))
    .item(equal("发展质量稳步提升。"))
    .item(equal("民生福祉持续增进。"))
    .item(heading(Some("（一）稳增长"), Some("（一）稳增长")))
    .item(changed(
        ItemKind::Template,
        &[
            (DiffSide::Equal, "地区生产总值增长"),
            (DiffSide::A, "5.2"),
            (DiffSide::B, "6.1"),
            (DiffSide::Equal, "%。"),
        ],
    ))
    .item(changed(
        ItemKind::Similar,
        &[
            (DiffSide::Equal, "固定资产投资"),
            (DiffSide::A, "稳步"),
            (DiffSide::B, "较快"),
            (DiffSide::Equal, "增长，项目建设成效明显。"),
        ],
    ))
    .item(a_only("新建保障性住房三千套。"))
    .item(b_only("启动城市更新行动十二项。"))
    .moved_a(moved.clone(), at(3, 0))
    .section(Some("二、今后五年目标"), None, AlignedBy::Unmatched)
    .item(a_only("到2027年基本实现现代化目标。"))
    .section(None, Some("三、2024年重点工作"), AlignedBy::Unmatched)
    .moved_b(moved, at(1, 9))
    .item(b_only("9月底前建成智慧城市平台。"))
    .item(equal("我们要坚定信心。"))
    .item(equal("真抓实干。"))
    .commitment(true, "新建保障性住房三千套。", at(1, 7))
    .commitment(false, "9月底前建成智慧城市平台。", at(3, 1))
    .done()
}

/// The Content-Security-Policy source for an inline stylesheet or script: `sha256-` + base64.
pub fn csp_hash(inline: &str) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(inline.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}
