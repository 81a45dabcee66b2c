//! What decoded text must be to count as text: NULs dealt with, not blank, not mostly
//! undecodable, not full of control characters. [`super::decode`] turns the problems found here
//! into [`super::DecodeError`]s.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::non_ideographs;

/// Why NUL characters make a text binary.
pub(super) enum NulProblem {
    OnlyNuls,
    Many,
}

/// Remove trailing NUL padding and a few isolated NULs; refuse more. Returns how many went.
pub(super) fn remove_nuls(text: &mut String) -> Result<usize, NulProblem> {
    if !text.contains('\0') {
        return Ok(0);
    }
    let kept = text.trim_end_matches('\0').len();
    if kept == 0 {
        return Err(NulProblem::OnlyNuls);
    }
    let trailing = text.len() - kept;
    text.truncate(kept);
    let inner = text.bytes().filter(|&b| b == 0).count();
    // Stray NULs happen in copied text; runs of them, or many, mean binary structure.
    let allowed = (text.len() / 4096).max(4);
    if inner > allowed || text.contains("\0\0") {
        return Err(NulProblem::Many);
    }
    text.retain(|c| c != '\0');
    Ok(trailing + inner)
}

/// Byte offset of the first NUL character in `body` as decoded with `encoding`.
pub(super) fn first_nul_offset(encoding: &'static Encoding, body: &[u8]) -> usize {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let units = body.chunks_exact(2).position(|unit| unit == [0, 0]);
        return units.map_or(0, |index| index * 2);
    }
    body.iter().position(|&b| b == 0).unwrap_or(0)
}

/// Why decoded text is not worth reading.
pub(super) enum TextProblem {
    Blank,
    Undecodable { chars: usize },
    Controls { percent: usize },
}

/// Refuse text that is blank, mostly undecodable, or full of control characters.
pub(super) fn check_text(text: &str, malformed: usize) -> Result<(), TextProblem> {
    let mut blanks = 0usize;
    let mut controls = 0usize;
    // Ideographs are neither blank nor control: only the other characters are looked at.
    for (_, c) in non_ideographs(text) {
        if is_blank(c) {
            blanks += 1;
        } else if c.is_control() && !matches!(c, '\x0b' | '\x0c') {
            // Vertical tab and form feed are layout (page breaks from PDF extraction).
            controls += 1;
        }
    }
    let chars = text.chars().count() - blanks;
    if chars == 0 {
        return Err(TextProblem::Blank);
    }
    if malformed.saturating_mul(4) > chars {
        return Err(TextProblem::Undecodable { chars });
    }
    if controls.saturating_mul(20) > chars {
        let percent = controls * 100 / chars;
        return Err(TextProblem::Controls { percent });
    }
    Ok(())
}

/// Whitespace, including the ideographic space and the invisible marks that carry no text.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}
