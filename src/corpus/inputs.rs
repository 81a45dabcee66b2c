//! From command-line paths to the corpus: files, folders searched recursively for `*.txt`,
//! compilations split into their reports; read in parallel, kept in input order.
//!
//! A file that cannot be read (missing, empty, binary, no report text) is reported and left out;
//! the run goes on. Input order is the arguments as given, each folder's files sorted by path,
//! each compilation's reports in their own order: rows and columns of the matrix follow it.
//!
//! Each report gets a unique **name**: a single report is named after its file (the file name
//! without `.txt`), a compilation's report after its title (or "file #k" without one). Names
//! that would clash are replaced by the path ("dir/file", "dir/file: title"); if that clashes
//! still (a file given twice), " (2)", " (3)"… are added in input order.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::entry::Entry;
use super::model::FailedInput;
use super::Progress;
use crate::model::{Document, Report};
use crate::normalize::Normalizer;
use crate::read::{read_path, ReadOptions};

/// The corpus read from the inputs.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every report read, in input order, uniquely named.
    pub entries: Vec<Entry>,
    /// Inputs left out, in input order.
    pub failed: Vec<FailedInput>,
    /// Warnings about what was read ("path: warning"), in input order.
    pub warnings: Vec<String>,
    /// The reports themselves, one per entry, when asked for (pair reports need them).
    pub reports: Vec<Report>,
}

/// One input: a file to read, or why an argument yields none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Failed(FailedInput),
}

/// The files the arguments name: files as given, folders' `*.txt` files (recursively, sorted
/// by path; symbolic links to folders are not followed, so a link loop cannot trap the walk).
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                walk(path, &mut files, &mut inputs);
                files.sort();
                inputs.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(e) => inputs.push(Input::Failed(FailedInput {
                path: path.display().to_string(),
                error: format!("{}: cannot read: {e}", path.display()),
            })),
        }
    }
    inputs
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, inputs: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            inputs.push(Input::Failed(FailedInput {
                path: dir.display().to_string(),
                error: format!("{}: cannot read folder: {e}", dir.display()),
            }));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, files, inputs);
        } else if is_txt(&path) && path.is_file() {
            files.push(path);
        }
    }
}

fn is_txt(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Read every input in parallel into named entries (and keep the reports if `keep_reports`).
pub fn load(
    inputs: &[Input],
    options: &ReadOptions,
    normalizer: &Normalizer,
    keep_reports: bool,
    progress: &dyn Progress,
) -> Loaded {
    progress.stage("reading", inputs.len() as u64);
    let read: Vec<Result<Read, FailedInput>> = inputs
        .par_iter()
        .map(|input| {
            let result = match input {
                Input::File(path) => read_file(path, options, normalizer, keep_reports),
                Input::Failed(failed) => Err(failed.clone()),
            };
            progress.advance(1);
            result
        })
        .collect();
    let mut loaded = Loaded::default();
    let mut bases = Vec::new();
    for result in read {
        match result {
            Ok(read) => {
                // A file given twice warns once.
                for warning in read.warnings {
                    if !loaded.warnings.contains(&warning) {
                        loaded.warnings.push(warning);
                    }
                }
                for (entry, base) in read.entries {
                    loaded.entries.push(entry);
                    bases.push(base);
                }
                loaded.reports.extend(read.reports);
            }
            Err(failed) => loaded.failed.push(failed),
        }
    }
    for (entry, name) in loaded.entries.iter_mut().zip(unique_names(&bases)) {
        entry.name = name;
    }
    loaded
}

/// One file read: its reports (with their name candidates) and warnings.
struct Read {
    entries: Vec<(Entry, Names)>,
    warnings: Vec<String>,
    /// The reports of `entries`, when kept.
    reports: Vec<Report>,
}

/// A report's name, and the longer name used when it clashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub short: String,
    pub long: String,
}

fn read_file(
    path: &Path,
    options: &ReadOptions,
    normalizer: &Normalizer,
    keep_reports: bool,
) -> Result<Read, FailedInput> {
    let label = path.display().to_string();
    let failed = |error: String| FailedInput {
        path: label.clone(),
        error,
    };
    let document = read_path(path, options, normalizer).map_err(|e| failed(e.to_string()))?;
    let read = entries_of(document, path, keep_reports);
    if read.entries.is_empty() {
        return Err(failed(format!("{label}: no report text found")));
    }
    Ok(read)
}

/// The reports of a document with text, as entries, and warnings about it.
fn entries_of(document: Document, path: &Path, keep_reports: bool) -> Read {
    let label = path.display().to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.clone());
    let mut warnings: Vec<String> = document
        .warnings
        .iter()
        .map(|w| format!("{label}: {w}"))
        .collect();
    let compilation = document.reports.len() > 1;
    let mut entries = Vec::new();
    let mut reports = Vec::new();
    for (i, report) in document.reports.into_iter().enumerate() {
        warnings.extend(report.warnings.iter().map(|w| format!("{label}: {w}")));
        let part = compilation.then_some(i + 1);
        let mut entry = Entry::new(&report, String::new(), part);
        entry.info.path = label.clone();
        if entry.key.is_empty() {
            if compilation {
                warnings.push(format!("{label}: report {} has no text; left out", i + 1));
            }
            continue;
        }
        let names = match (part, &entry.info.title_original) {
            (None, _) => Names {
                short: stem.clone(),
                long: without_txt(&label),
            },
            (Some(_), Some(title)) => Names {
                short: title.clone(),
                long: format!("{}: {title}", without_txt(&label)),
            },
            (Some(k), None) => Names {
                short: format!("{stem} #{k}"),
                long: format!("{} #{k}", without_txt(&label)),
            },
        };
        entries.push((entry, names));
        if keep_reports {
            reports.push(report);
        }
    }
    Read {
        entries,
        warnings,
        reports,
    }
}

fn without_txt(label: &str) -> String {
    let lower = label.to_ascii_lowercase();
    match lower.strip_suffix(".txt") {
        Some(rest) => label.get(..rest.len()).unwrap_or(label).to_string(),
        None => label.to_string(),
    }
}

/// Unique names: short where unique, else long, else long numbered in order.
pub fn unique_names(names: &[Names]) -> Vec<String> {
    let mut short_count: HashMap<&str, usize> = HashMap::new();
    for n in names {
        *short_count.entry(n.short.as_str()).or_default() += 1;
    }
    let chosen: Vec<&str> = names
        .iter()
        .map(|n| {
            if short_count.get(n.short.as_str()) == Some(&1) {
                n.short.as_str()
            } else {
                n.long.as_str()
            }
        })
        .collect();
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(names.len());
    for name in chosen {
        let mut candidate = name.to_string();
        let mut k = 1;
        while taken.contains(&candidate) {
            k += 1;
            candidate = format!("{name} ({k})");
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pairs: &[(&str, &str)]) -> Vec<Names> {
        pairs
            .iter()
            .map(|(s, l)| Names {
                short: s.to_string(),
                long: l.to_string(),
            })
            .collect()
    }

    #[test]
    fn clashing_names_take_their_path_then_a_number() {
        let n = names(&[
            ("2019", "a/2019"),
            ("2019", "b/2019"),
            ("2020", "a/2020"),
            ("x", "d/x"),
            ("x", "d/x"),
        ]);
        assert_eq!(
            unique_names(&n),
            vec!["a/2019", "b/2019", "2020", "d/x", "d/x (2)"]
        );
    }

    #[test]
    fn folders_are_walked_recursively_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        for f in ["b/c/z.txt", "b/a.TXT", "a.txt", "notes.md", "b/c.txt"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let inputs = expand(&[root.to_path_buf(), root.join("missing.txt")]);
        let files: Vec<String> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::File(p) => Some(p.strip_prefix(root).unwrap().display().to_string()),
                Input::Failed(_) => None,
            })
            .collect();
        assert_eq!(files, vec!["a.txt", "b/a.TXT", "b/c/z.txt", "b/c.txt"]);
        assert!(matches!(inputs.last(), Some(Input::Failed(f)) if f.error.contains("missing.txt")));
    }

    #[test]
    fn txt_suffix_is_dropped_from_long_names() {
        assert_eq!(without_txt("dir/a.TXT"), "dir/a");
        assert_eq!(without_txt("dir/a.md"), "dir/a.md");
    }
}
