//! Time of each pipeline stage on the ~40 KB pair of bench/peers.sh (沈阳 and 福州 2024, from
//! samples/compilation-2024.txt) and on the Traditional sample, so that a regression shows
//! where it is: decode, convert (and loading the t2s dictionaries), structure, sentences,
//! align, spans, matching and the whole comparison, render.
//!
//! Run: `cargo bench --bench stages` (one stage: `cargo bench --bench stages -- spans`).
//! Whole-process timings against other tools are bench/peers.sh's job.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use rdiff::align::{align_sections, heading_key, SectionSketch};
use rdiff::compare::compare;
use rdiff::comparison::CompareOptions;
use rdiff::decode::{decode, Decoded};
use rdiff::key::key_chars;
use rdiff::model::Report;
use rdiff::normalize::{self, Normalizer, T2s};
use rdiff::spans::{mutual_coverage, template_coverage};
use rdiff::{render, sentences, structure};

fn sample(path: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn decoded(bytes: &[u8]) -> Decoded {
    decode(bytes, None).expect("the samples decode")
}

/// The 沈阳 and 福州 reports of the compilation sample.
fn pair() -> (Report, Report) {
    let decoded = decoded(&sample("samples/compilation-2024.txt"));
    let document = structure::read_document("compilation", &decoded, &Normalizer::new());
    let city = |name: &str| {
        document
            .reports
            .iter()
            .find(|r| r.place.as_deref().is_some_and(|p| p.contains(name)))
            .cloned()
            .unwrap_or_else(|| panic!("{name} is in the compilation"))
    };
    (city("沈阳"), city("福州"))
}

/// Each top-level section's key, as the comparison keys it (sentences in reading order).
fn section_keys(report: &Report) -> Vec<Vec<char>> {
    report
        .sections
        .iter()
        .map(|s| {
            s.iter_sentences()
                .flat_map(|t| key_chars(&t.text.text))
                .collect()
        })
        .collect()
}

fn sketches<'k>(report: &Report, keys: &'k [Vec<char>], places: &[&str]) -> Vec<SectionSketch<'k>> {
    report
        .sections
        .iter()
        .zip(keys)
        .map(|(s, key)| SectionSketch {
            kind: s.kind,
            heading_key: s
                .heading
                .as_ref()
                .map(|h| heading_key(&h.text.text, h.numbering.as_deref(), places)),
            key,
        })
        .collect()
}

fn reading(c: &mut Criterion) {
    let compilation = sample("samples/compilation-2024.txt");
    let traditional = sample("samples/congtai-2024-traditional.txt");
    let mut group = c.benchmark_group("reading");
    group.throughput(Throughput::Bytes(compilation.len() as u64));
    group.bench_function("decode", |b| b.iter(|| decoded(black_box(&compilation))));
    let text = decoded(&compilation);
    group.bench_function("structure", |b| {
        b.iter(|| structure::read_document("c", black_box(&text), &Normalizer::new()))
    });
    group.bench_function("sentences", |b| {
        b.iter(|| {
            text.text
                .lines()
                .map(|line| sentences::split(black_box(line)).len())
                .sum::<usize>()
        })
    });
    let simplified = text.text.clone();
    group.bench_function("convert Simplified (nothing to do)", |b| {
        b.iter(|| normalize::t2s(black_box(&simplified)).len())
    });
    let traditional = decoded(&traditional).text;
    group.throughput(Throughput::Bytes(traditional.len() as u64));
    group.bench_function("convert Traditional", |b| {
        b.iter(|| normalize::to_simplified(black_box(&traditional)).len())
    });
    group.finish();
    c.bench_function("convert: load the t2s dictionaries", |b| b.iter(T2s::load));
}

fn comparing(c: &mut Criterion) {
    let (a, b) = pair();
    let places: Vec<&str> = [&a.place, &b.place]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    let (a_keys, b_keys) = (section_keys(&a), section_keys(&b));
    let (a_sketches, b_sketches) = (
        sketches(&a, &a_keys, &places),
        sketches(&b, &b_keys, &places),
    );
    let n = CompareOptions::default().min_match;
    c.bench_function("align", |bench| {
        bench.iter(|| align_sections(black_box(&a_sketches), black_box(&b_sketches), n))
    });
    let (a_key, b_key) = (a_keys.concat(), b_keys.concat());
    c.bench_function("spans", |bench| {
        bench.iter(|| {
            let (a_cover, b_cover) = mutual_coverage(black_box(&a_key), black_box(&b_key), n);
            template_coverage(&a_key, &b_key, n, &a_cover, &b_cover)
        })
    });
    let options = CompareOptions::default();
    c.bench_function(
        "compare (keys, spans, align, matching, commitments)",
        |bench| bench.iter(|| compare(black_box(&a), black_box(&b), &options)),
    );
    let comparison = compare(&a, &b, &options);
    c.bench_function("render HTML", |bench| {
        bench.iter(|| render::html::render(black_box(&comparison)).len())
    });
}

criterion_group!(stages, reading, comparing);
criterion_main!(stages);
