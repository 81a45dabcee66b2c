//! The reading pipeline for one file: bytes → text → normalized report(s).

use std::path::Path;

use encoding_rs::Encoding;

use crate::decode::{self, DecodeError};
use crate::model::Document;
use crate::normalize::Normalizer;
use crate::structure;

/// Largest input rdiff reads; larger files are refused rather than risking memory and time.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

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
    #[error("{path}: {source}")]
    Decode { path: String, source: DecodeError },
}

/// Read one file into its report(s).
pub fn read_path(
    path: &Path,
    options: &ReadOptions,
    normalizer: &Normalizer,
) -> Result<Document, ReadError> {
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
    let bytes = std::fs::read(path).map_err(io)?;
    read_bytes(&label, &bytes, options, normalizer)
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
    Ok(structure::read_document(label, &decoded, normalizer))
}
