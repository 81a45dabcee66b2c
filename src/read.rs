//! The reading pipeline for one file: bytes → text → normalized report(s).

use std::io::Read;
use std::path::Path;

use encoding_rs::Encoding;

use crate::decode::{self, non_ideographs, DecodeError};
use crate::key::is_key_char;
use crate::model::{Document, Report};
use crate::normalize::Normalizer;
use crate::structure;

/// Largest input rdiff reads (a compilation of some 300 reports); larger files are refused
/// before reading rather than risking memory and time. Streams and devices (a pipe,
/// `/dev/zero`), whose size is unknown, are read up to one byte past it and then refused.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Most key characters one report may hold (a long report has 30,000–60,000). Comparison
/// time and memory grow with the key, and sentence matching more than linearly on repetitive
/// text, so longer reports are refused before any of it is done.
pub const MAX_REPORT_KEY_CHARS: usize = 2_000_000;

/// How to read input files.
#[derive(Debug, Default)]
pub struct ReadOptions {
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
}

/// Why a file could not be read as a report.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: is a directory, not a report file")]
    IsDirectory { path: String },
    #[error("{path}: file is {size} bytes, larger than the {max}-byte limit")]
    TooLarge { path: String, size: u64, max: u64 },
    #[error(
        "{path}: more than {max} bytes to read (a stream or device?), the limit for one input"
    )]
    TooLargeStream { path: String, max: u64 },
    #[error("{path}: no report text found")]
    NoText { path: String },
    #[error(
        "{path}: {report}holds {chars} key characters, more than the limit of {max} for one report"
    )]
    TooLong {
        path: String,
        /// "report k (title) " inside a compilation, else "the report ".
        report: String,
        chars: usize,
        max: usize,
    },
    #[error("{path}: {source}")]
    Decode { path: String, source: DecodeError },
}

/// The path that means standard input, as for cat, diff and ripgrep.
pub const STDIN: &str = "-";

/// Read one file into its report(s); `-` is standard input, which can be read once.
pub fn read_path(
    path: &Path,
    options: &ReadOptions,
    normalizer: &Normalizer,
) -> Result<Document, ReadError> {
    if path == Path::new(STDIN) {
        let label = "standard input".to_string();
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| ReadError::Io {
                path: label.clone(),
                source,
            })?;
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(ReadError::TooLargeStream {
                path: label,
                max: MAX_INPUT_BYTES,
            });
        }
        return read_bytes(&label, &bytes, options, normalizer);
    }
    let label = path.display().to_string();
    let io = |source| ReadError::Io {
        path: label.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory { path: label });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            path: label,
            size: meta.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    let bytes = read_limited(path, MAX_INPUT_BYTES).map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLargeStream {
            path: label,
            max: MAX_INPUT_BYTES,
        });
    }
    read_bytes(&label, &bytes, options, normalizer)
}

/// The bytes of `path`, at most `max + 1` of them: a pipe or device reports size 0, so only
/// reading tells how much it holds (one byte past `max` says "too much").
pub fn read_limited(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    // A regular file says its size, so the buffer is made once to hold it (and the byte that
    // would say "too much") instead of growing from a few bytes, a read call each time.
    let size = file.metadata().map_or(0, |meta| meta.len()).min(max);
    let mut bytes = Vec::with_capacity(usize::try_from(size).map_or(0, |n| n + 1));
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Read bytes (already loaded) into their report(s); `label` names them in messages.
pub fn read_bytes(
    label: &str,
    bytes: &[u8],
    options: &ReadOptions,
    normalizer: &Normalizer,
) -> Result<Document, ReadError> {
    let decoded = decode::decode(bytes, options.encoding).map_err(|source| ReadError::Decode {
        path: label.to_string(),
        source,
    })?;
    let document = structure::read_document(label, &decoded, normalizer);
    check_reports(&document)?;
    Ok(document)
}

/// Refuse a document with no report text at all, or with a report over
/// [`MAX_REPORT_KEY_CHARS`].
fn check_reports(document: &Document) -> Result<(), ReadError> {
    let path = || document.path.clone();
    let compilation = document.reports.len() > 1;
    let mut any_text = false;
    for (i, report) in document.reports.iter().enumerate() {
        let chars = key_chars(report);
        any_text |= chars > 0;
        if chars > MAX_REPORT_KEY_CHARS {
            let report = match (&report.title, compilation) {
                (_, false) => "the report ".to_string(),
                (Some(title), true) => format!("report {} ({}) ", i + 1, title.text),
                (None, true) => format!("report {} ", i + 1),
            };
            return Err(ReadError::TooLong {
                path: path(),
                report,
                chars,
                max: MAX_REPORT_KEY_CHARS,
            });
        }
    }
    if !any_text {
        return Err(ReadError::NoText { path: path() });
    }
    Ok(())
}

/// Key characters of a report's sentences (what comparison works on; headings excluded).
fn key_chars(report: &Report) -> usize {
    report.iter_sentences().map(|s| key_len(&s.text.text)).sum()
}

/// Key characters in `text`. Every ideograph is one, so only the other characters are asked.
fn key_len(text: &str) -> usize {
    let not_key = non_ideographs(text).filter(|&(_, c)| !is_key_char(c));
    text.chars().count() - not_key.count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_length_counts_as_the_key_does() {
        assert!(('\u{4000}'..='\u{9FFF}').all(is_key_char));
        for text in [
            "",
            "各位代表:现在,我代表“市政府”。",
            "增长6.5%, GDP 1.2万亿元",
            "䶵﹏〇",
        ] {
            let expected = text.chars().filter(|&c| is_key_char(c)).count();
            assert_eq!(key_len(text), expected, "{text}");
        }
    }
}
