//! From decoded text to reports: compilations split, furniture dropped, headings found,
//! the section tree built, paragraphs split into sentences.

use crate::decode::Decoded;
use crate::model::{Document, Report};
use crate::normalize::Normalizer;

/// Read a decoded file into its report(s).
pub fn read_document(path: &str, decoded: &Decoded, normalizer: &Normalizer) -> Document {
    let _ = normalizer;
    Document {
        path: path.to_string(),
        encoding: decoded.encoding.name().to_string(),
        reports: vec![Report {
            path: path.to_string(),
            title: None,
            title_derived: false,
            year: None,
            place: None,
            genre: crate::model::Genre::Other,
            encoding: decoded.encoding.name().to_string(),
            converted: false,
            sections: Vec::new(),
            dropped: Vec::new(),
            warnings: Vec::new(),
        }],
        warnings: Vec::new(),
    }
}
