//! 著 or 着: the one common character `t2s` leaves in the Traditional form.
//!
//! Traditional script writes 著 for three words that mainland Simplified writes two ways:
//!
//! - zhe, the aspect suffix (随着, 意味着, 代表着, 围绕着) and zhuó/zháo (着力, 着眼, 着手,
//!   着重, 执着, 穿着, 着急): mainland 着;
//! - zhù, "to write; prominent" (显著, 著名, 著作, 著称, 名著, 卓著, 土著): mainland 著.
//!
//! OpenCC `t2s` has no entry for 著, so a Traditional 隨著 becomes 随著 while its Simplified
//! twin reads 随着, and every such sentence would show as changed. The zhù words are a small
//! closed set of literary compounds; the zhe/zhuó uses are open-ended (any verb takes 着). So
//! the rule is: **after `t2s`, 著 becomes 着 unless it is part of a zhù word** from [`WORDS`].
//!
//! Words overlap (随著名气: 随着 + 名气, not 随 + 著名; 发挥著作用: 着 + 作用, not 著作 + 用),
//! so [`WORDS`] also lists the zhe readings that must win over a zhù word, and of all words
//! around a 著 the one reaching furthest left wins, then the one reaching furthest right.
//! Reading left first mirrors how these words form: 显著 is a word ending in 著; 著作 only
//! begins one, and yields to whatever the left context already made of the 著.
//!
//! Zhù words that collide with common zhe phrases are left out on purpose, because a missed
//! zhù word costs one rare false difference while a wrong one would break common phrases:
//! 新著 (重新着手), 大著 (扩大着), 合著 (结合着), 力著 (努力着), 所著 (所着力), 著文
//! (随着文化), 著书 (随着书记) — only 著书立说 is kept. Known misses: 代表著作 "representative
//! works" reads as 代表着作 (代表着 is far commoner in reports).

use std::borrow::Cow;

/// Which reading a listed word gives its 著.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// zhù: stays 著.
    Zhu,
    /// zhe/zhuó: becomes 着.
    Zhe,
}

/// Words containing 著 (in Simplified script, as `t2s` leaves them) and their reading.
const WORDS: &[(&str, Reading)] = &[
    // zhù words ending in 著.
    ("显著", Reading::Zhu),
    ("卓著", Reading::Zhu),
    ("昭著", Reading::Zhu),
    ("名著", Reading::Zhu),
    ("原著", Reading::Zhu),
    ("专著", Reading::Zhu),
    ("编著", Reading::Zhu),
    ("论著", Reading::Zhu),
    ("巨著", Reading::Zhu),
    ("遗著", Reading::Zhu),
    ("译著", Reading::Zhu),
    ("拙著", Reading::Zhu),
    ("土著", Reading::Zhu),
    ("撰著", Reading::Zhu),
    ("宏著", Reading::Zhu),
    // zhù words beginning with 著.
    ("著名", Reading::Zhu),
    ("著作", Reading::Zhu),
    ("著称", Reading::Zhu),
    ("著述", Reading::Zhu),
    ("著录", Reading::Zhu),
    ("著者", Reading::Zhu),
    ("著书立说", Reading::Zhu),
    // zhe verbs whose 著 would otherwise be read into a zhù word on either side.
    ("讨论著", Reading::Zhe),
    ("议论著", Reading::Zhe),
    ("谈论著", Reading::Zhe),
    ("争论著", Reading::Zhe),
    ("辩论著", Reading::Zhe),
    ("随著", Reading::Zhe),
    ("意味著", Reading::Zhe),
    ("代表著", Reading::Zhe),
    ("标志著", Reading::Zhe),
    ("预示著", Reading::Zhe),
    ("象征著", Reading::Zhe),
    ("承载著", Reading::Zhe),
    ("肩负著", Reading::Zhe),
    // 着 followed by a word that begins like the rest of a zhù word.
    ("著作为", Reading::Zhe),
    ("著作用", Reading::Zhe),
    ("著作出", Reading::Zhe),
    ("著作风", Reading::Zhe),
    ("著名义", Reading::Zhe),
    ("著名气", Reading::Zhe),
    ("著名额", Reading::Zhe),
    ("著名单", Reading::Zhe),
    ("著称号", Reading::Zhe),
];

const ZHU: char = '著';
const ZHE: char = '着';

/// Replace every 著 that is not part of a zhù word by 着 (see the module doc).
pub fn fix_zhe(text: &str) -> Cow<'_, str> {
    if !text.contains(ZHU) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == ZHU {
            let (left, right) = text.split_at(i);
            let right = right.get(ZHU.len_utf8()..).unwrap_or("");
            out.push(match reading(left, right) {
                Reading::Zhu => ZHU,
                Reading::Zhe => ZHE,
            });
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The reading of a 著 between `left` and `right`: the listed word around it that reaches
/// furthest left, then furthest right, decides; none means zhe.
fn reading(left: &str, right: &str) -> Reading {
    WORDS
        .iter()
        .filter_map(|&(word, reading)| {
            let (before, after) = word.split_once(ZHU)?;
            (left.ends_with(before) && right.starts_with(after))
                .then_some(((before.len(), after.len()), reading))
        })
        .max_by_key(|&(reach, _)| reach)
        .map_or(Reading::Zhe, |(_, reading)| reading)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Traditional-script words as `t2s` leaves them, and how mainland text writes them.
    const CASES: &[(&str, &str)] = &[
        // zhe, the aspect suffix.
        ("随著经济发展", "随着经济发展"),
        ("意味著要将", "意味着要将"),
        ("代表著新兴产业", "代表着新兴产业"),
        ("围绕著目标", "围绕着目标"),
        ("伴随著", "伴随着"),
        ("朝著目标前进", "朝着目标前进"),
        ("沿著黄河", "沿着黄河"),
        ("肩负著使命", "肩负着使命"),
        ("存在著短板", "存在着短板"),
        ("面临著挑战", "面临着挑战"),
        ("发挥著重要作用", "发挥着重要作用"),
        ("有著重要意义", "有着重要意义"),
        ("本著节约原则", "本着节约原则"),
        ("接著", "接着"),
        // zhuó / zháo.
        ("著力提升", "着力提升"),
        ("著眼长远", "着眼长远"),
        ("著手解决", "着手解决"),
        ("著重抓好", "着重抓好"),
        ("著想", "着想"),
        ("著落", "着落"),
        ("著陆", "着陆"),
        ("执著", "执着"),
        ("穿著", "穿着"),
        ("衣著", "衣着"),
        ("沉著应对", "沉着应对"),
        ("附著", "附着"),
        ("著急", "着急"),
        ("睡著了", "睡着了"),
        ("重新著手", "重新着手"),
        ("扩大著", "扩大着"),
        ("结合著实际", "结合着实际"),
        ("努力著", "努力着"),
        // zhù stays.
        ("成效显著", "成效显著"),
        ("显著提高", "显著提高"),
        ("显著作用", "显著作用"),
        ("著名品牌", "著名品牌"),
        ("向著名企业学习", "向著名企业学习"),
        ("著作权", "著作权"),
        ("著称", "著称"),
        ("名著", "名著"),
        ("原著作者", "原著作者"),
        ("成绩卓著", "成绩卓著"),
        ("臭名昭著", "臭名昭著"),
        ("土著居民", "土著居民"),
        ("学术专著", "学术专著"),
        ("理论著作", "理论著作"),
        ("著述", "著述"),
        ("著书立说", "著书立说"),
        // overlaps: the zhe reading wins where it reaches further.
        ("随著名气提升", "随着名气提升"),
        ("意味著作为", "意味着作为"),
        ("发挥著作用", "发挥着作用"),
        ("起著作用", "起着作用"),
        ("讨论著", "讨论着"),
        ("保持著作风", "保持着作风"),
        // 著 at the edges of a piece.
        ("著", "着"),
        ("显著", "显著"),
        ("著名", "著名"),
    ];

    #[test]
    fn zhe_and_zhu_words_come_out_as_mainland_text_writes_them() {
        let wrong: Vec<String> = CASES
            .iter()
            .filter_map(|&(input, expected)| {
                let got = fix_zhe(input);
                (got != expected).then(|| format!("{input} -> {got}, expected {expected}"))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn text_without_zhu_is_untouched() {
        assert_eq!(fix_zhe("随着发展,着力推进"), "随着发展,着力推进");
        assert_eq!(fix_zhe(""), "");
    }

    #[test]
    fn every_listed_word_contains_zhu_once() {
        for (word, _) in WORDS {
            assert_eq!(word.matches(ZHU).count(), 1, "{word}");
        }
    }
}
