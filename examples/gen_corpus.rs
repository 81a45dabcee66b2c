//! Generates a synthetic corpus of report files with planted shared content, for the matrix
//! benchmark (`bench/matrix.sh`) and for checking `rdiff matrix` by hand.
//!
//! Run: `cargo run --release --example gen_corpus -- OUT_DIR N [--chars C] [--seed S]`
//!
//! Writes N files `OUT_DIR/synth-00001.txt`… (UTF-8, about 3 × C bytes each; C = 9000 key
//! characters by default, about 30 KB) built from the sentences of the real samples (see
//! `rdiff::corpus::synth`): boilerplate sentences planted in a chosen share of all reports,
//! family templates shared by groups of 30 reports, and each report's own text. Also writes
//! `OUT_DIR/planted.json`: each boilerplate sentence with the reports holding it, and the
//! planted share of every report in its family's first report.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rdiff::corpus::synth::{sentence_pool, SynthCorpus, SynthOptions};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_corpus: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus OUT_DIR N [--chars C] [--seed S]";
    let (Some(dir), Some(n)) = (args.first(), args.get(1)) else {
        return Err(usage.to_string());
    };
    let mut options = SynthOptions {
        reports: n.parse().map_err(|_| format!("N: not a number: {n}"))?,
        family_size: 30,
        ..SynthOptions::default()
    };
    let mut rest = args.iter().skip(2);
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or(usage)?;
        let number = value
            .parse()
            .map_err(|_| format!("{flag}: not a number: {value}"))?;
        match flag.as_str() {
            "--chars" => options.report_chars = number as usize,
            "--seed" => options.seed = number,
            _ => return Err(usage.to_string()),
        }
    }
    let pool = sentence_pool(&sample_texts()?);
    let corpus = SynthCorpus::generate(&pool, &options);
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (r, report) in corpus.reports.iter().enumerate() {
        let path = dir.join(format!("{}.txt", report.name));
        std::fs::write(&path, corpus.file_text(r))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    write_planted(&dir, &corpus, &options)?;
    eprintln!(
        "gen_corpus: {} reports from {} sample sentences in {}",
        corpus.reports.len(),
        pool.len(),
        dir.display()
    );
    Ok(())
}

/// The samples' text: the UTF-8 files and the GBK Hailar series.
fn sample_texts() -> Result<Vec<String>, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut texts = Vec::new();
    for dir in [root.clone(), root.join("hailaer")] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let text = match String::from_utf8(bytes.clone()) {
                Ok(text) => text,
                Err(_) => encoding_rs::GBK.decode(&bytes).0.into_owned(),
            };
            texts.push(text);
        }
    }
    Ok(texts)
}

fn write_planted(dir: &Path, corpus: &SynthCorpus, options: &SynthOptions) -> Result<(), String> {
    let name = |r: usize| corpus.reports[r].name.clone();
    let boilerplate: Vec<serde_json::Value> = corpus
        .boilerplate
        .iter()
        .map(|(unit, holders)| {
            serde_json::json!({
                "text": corpus.units[*unit],
                "report_count": holders.len(),
                "reports": holders.iter().map(|&r| name(r)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let family: Vec<serde_json::Value> = (0..corpus.reports.len())
        .map(|r| {
            let first = r - r % options.family_size.max(1);
            serde_json::json!({"report": name(r), "source": name(first), "share": corpus.planted_share(r, first)})
        })
        .collect();
    let json = serde_json::json!({"boilerplate": boilerplate, "family": family});
    let path = dir.join("planted.json");
    let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}
