//! A synthetic corpus with known reuse, for tests and the benchmark (`examples/gen_corpus.rs`).
//!
//! Reports are built from **units**: sentences taken from real reports (converted to
//! Simplified script) and made unique by replacing every [`MUTATE_EVERY`]-th key character (the
//! first included) with a random Han character of the sentences themselves (so a unit reads as
//! Simplified, as its report, whatever the script detection), so that no `min_match`-window of one unit occurs in another unless planted
//! (for `min_match` ≥ 2 × [`MUTATE_EVERY`], every window holds at least two random
//! characters). Each unit is then placed in chosen reports:
//!
//! - **boilerplate** units, each in a chosen share of all reports (from every report to a few);
//! - **family** units: reports come in families (a province's counties) and each report takes
//!   a chosen share of its family's template;
//! - **own** units, found in one report only, fill each report up to its size.
//!
//! The planted share of report A in report B is then known exactly: the key characters of the
//! units A and B both hold, over A's key characters ([`SynthCorpus::planted_share`]); the
//! reports holding each boilerplate unit are recorded too.

use std::collections::HashSet;

use crate::key::{is_key_char, key_chars};

/// Every this many key characters of a unit, one is replaced by a random Han character.
pub const MUTATE_EVERY: usize = 6;

/// How to build a synthetic corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthOptions {
    pub reports: usize,
    /// Key characters per report, about.
    pub report_chars: usize,
    /// Reports per family.
    pub family_size: usize,
    /// Units in a family's template.
    pub family_units: usize,
    /// Share of its family's template each report takes.
    pub family_take: f64,
    /// Boilerplate units, and the share of reports each is planted in (cycled).
    pub boilerplate_units: usize,
    pub boilerplate_reach: Vec<f64>,
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            reports: 20,
            report_chars: 9_000,
            family_size: 10,
            family_units: 60,
            family_take: 0.6,
            boilerplate_units: 40,
            boilerplate_reach: vec![1.0, 0.9, 0.75, 0.5, 0.3, 0.1],
            seed: 2024,
        }
    }
}

/// A built corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthCorpus {
    /// Every unit's text (normalized: full-width punctuation kept as in the source).
    pub units: Vec<String>,
    unit_chars: Vec<usize>,
    pub reports: Vec<SynthReport>,
    /// For each boilerplate unit (by unit index): the reports holding it, ascending.
    pub boilerplate: Vec<(usize, Vec<usize>)>,
}

/// One synthetic report: its units in reading order, half under each of two headings.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthReport {
    pub name: String,
    pub units: Vec<usize>,
}

impl SynthCorpus {
    /// Build a corpus from a pool of real sentences (see [`sentence_pool`]).
    pub fn generate(pool: &[String], options: &SynthOptions) -> SynthCorpus {
        let mut rng = Rng(options.seed);
        let alphabet = alphabet(pool);
        let mut corpus = SynthCorpus {
            units: Vec::new(),
            unit_chars: Vec::new(),
            reports: Vec::new(),
            boilerplate: Vec::new(),
        };
        if pool.is_empty() || alphabet.is_empty() {
            return corpus;
        }
        let pool = Pool {
            sentences: pool,
            alphabet: &alphabet,
        };
        let mut sets: Vec<Vec<usize>> = vec![Vec::new(); options.reports];
        for b in 0..options.boilerplate_units {
            let unit = corpus.new_unit(&pool, &mut rng);
            let reach = options
                .boilerplate_reach
                .get(b % options.boilerplate_reach.len().max(1))
                .copied()
                .unwrap_or(1.0);
            let holders: Vec<usize> = (0..options.reports).filter(|_| rng.chance(reach)).collect();
            for &r in &holders {
                sets[r].push(unit);
            }
            corpus.boilerplate.push((unit, holders));
        }
        let family_size = options.family_size.max(1);
        for first in (0..options.reports).step_by(family_size) {
            let template: Vec<usize> = (0..options.family_units)
                .map(|_| corpus.new_unit(&pool, &mut rng))
                .collect();
            for set in sets.iter_mut().skip(first).take(family_size) {
                set.extend(template.iter().filter(|_| rng.chance(options.family_take)));
            }
        }
        for (r, mut set) in sets.into_iter().enumerate() {
            let mut chars: usize = set.iter().map(|&u| corpus.unit_chars[u]).sum();
            while chars < options.report_chars {
                let unit = corpus.new_unit(&pool, &mut rng);
                chars += corpus.unit_chars[unit];
                set.push(unit);
            }
            rng.shuffle(&mut set);
            corpus.reports.push(SynthReport {
                name: format!("synth-{:05}", r + 1),
                units: set,
            });
        }
        corpus
    }

    /// Add a report holding `units` (in that order), then units of its own up to about
    /// `chars` key characters; returns its index.
    pub fn add_report(
        &mut self,
        pool: &[String],
        name: &str,
        units: Vec<usize>,
        chars: usize,
        seed: u64,
    ) -> usize {
        let mut rng = Rng(seed);
        let alphabet = alphabet(pool);
        let mut units = units;
        if !pool.is_empty() && !alphabet.is_empty() {
            let pool = Pool {
                sentences: pool,
                alphabet: &alphabet,
            };
            let mut total: usize = units.iter().filter_map(|&u| self.unit_chars.get(u)).sum();
            while total < chars {
                let unit = self.new_unit(&pool, &mut rng);
                total += self.unit_chars[unit];
                units.push(unit);
            }
        }
        self.reports.push(SynthReport {
            name: name.to_string(),
            units,
        });
        self.reports.len() - 1
    }

    fn new_unit(&mut self, pool: &Pool, rng: &mut Rng) -> usize {
        let source = &pool.sentences[rng.below(pool.sentences.len())];
        let text = mutate(source, pool.alphabet, rng);
        self.unit_chars.push(key_chars(&text).len());
        self.units.push(text);
        self.units.len() - 1
    }

    /// The share of report `a`'s key characters planted in report `b` too.
    pub fn planted_share(&self, a: usize, b: usize) -> f64 {
        let (Some(ra), Some(rb)) = (self.reports.get(a), self.reports.get(b)) else {
            return 0.0;
        };
        let in_b: HashSet<usize> = rb.units.iter().copied().collect();
        let total: usize = ra.units.iter().map(|&u| self.unit_chars[u]).sum();
        let shared: usize = ra
            .units
            .iter()
            .filter(|u| in_b.contains(u))
            .map(|&u| self.unit_chars[u])
            .sum();
        crate::spans::share(shared, total)
    }

    /// Report `r` as an outline ([`crate::testing::report_from_outline`]).
    pub fn outline(&self, r: usize) -> String {
        let (review, plan) = self.halves(r);
        format!("# 一、2023年工作回顾\n{review}\n# 二、2024年工作安排\n{plan}\n")
    }

    /// Report `r` as a report file: title, meeting line, headings, paragraphs of five
    /// sentences.
    pub fn file_text(&self, r: usize) -> String {
        let Some(report) = self.reports.get(r) else {
            return String::new();
        };
        let (review, plan) = report.units.split_at(report.units.len() / 2);
        let mut out = format!(
            "2024年{0}市政府工作报告\n——2024年1月10日在{0}市第十六届人民代表大会第四次会议上\n\n各位代表：\n\n",
            report.name
        );
        for (heading, units) in [("一、2023年工作回顾", review), ("二、2024年工作安排", plan)]
        {
            out.push_str(heading);
            out.push_str("\n\n");
            for paragraph in units.chunks(5) {
                for &u in paragraph {
                    out.push_str(&self.units[u]);
                }
                out.push_str("\n\n");
            }
        }
        out
    }

    fn halves(&self, r: usize) -> (String, String) {
        let Some(report) = self.reports.get(r) else {
            return Default::default();
        };
        let mid = report.units.len() / 2;
        let text = |units: &[usize]| units.iter().map(|&u| self.units[u].as_str()).collect();
        (text(&report.units[..mid]), text(&report.units[mid..]))
    }
}

/// The sentences units are made from, and the characters mutation draws from.
struct Pool<'p> {
    sentences: &'p [String],
    alphabet: &'p [char],
}

/// The Han characters of the pool, sorted (so that a seed gives the same corpus everywhere).
fn alphabet(pool: &[String]) -> Vec<char> {
    let chars: std::collections::BTreeSet<char> = pool
        .iter()
        .flat_map(|s| s.chars())
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect();
    chars.into_iter().collect()
}

/// Sentences of real report text fit for units: 16 to 150 key characters, each once; text in
/// Traditional script is converted to Simplified first.
pub fn sentence_pool(texts: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut pool = Vec::new();
    for text in texts {
        let simplified = if crate::normalize::Normalizer::new().is_traditional(text) {
            crate::normalize::to_simplified(text).into_owned()
        } else {
            text.clone()
        };
        for line in simplified.lines() {
            for sentence in crate::testing::split_sentences(line.trim()) {
                let len = key_chars(&sentence).len();
                let ends = sentence.ends_with(['。', '！', '？', '!', '?']);
                if (16..=150).contains(&len) && ends && seen.insert(sentence.clone()) {
                    pool.push(sentence);
                }
            }
        }
    }
    pool
}

/// `text` with every [`MUTATE_EVERY`]-th key character (the first included) replaced by a
/// random character of `alphabet`.
fn mutate(text: &str, alphabet: &[char], rng: &mut Rng) -> String {
    let mut k = 0;
    text.chars()
        .map(|c| {
            if !is_key_char(c) {
                return c;
            }
            k += 1;
            if (k - 1) % MUTATE_EVERY == 0 {
                alphabet
                    .get(rng.below(alphabet.len()))
                    .copied()
                    .unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// SplitMix64: small, seeded, reproducible on every platform.
#[derive(Debug, Clone)]
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 for n = 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests;
