//! Helpers shared by the terminal printers.

/// Replace control characters (ANSI escapes included) so report text never drives the terminal.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` cut into pieces at the character ranges `highlights` (sorted, `[start, end)`):
/// (piece, whether it is highlighted), in order, empty pieces left out.
pub fn split_marked(text: &str, highlights: &[[usize; 2]]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let piece = |s: usize, e: usize| chars.get(s..e).unwrap_or(&[]).iter().collect::<String>();
    let mut out = Vec::new();
    let mut at = 0;
    for &[start, end] in highlights {
        let (start, end) = (start.clamp(at, chars.len()), end.min(chars.len()));
        if start > at {
            out.push((piece(at, start), false));
        }
        if end > start {
            out.push((piece(start, end), true));
        }
        at = at.max(end);
    }
    if at < chars.len() {
        out.push((piece(at, chars.len()), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_are_neutralised() {
        let s = sanitize("a\u{1b}[31mred\u{7}\u{202E}b");
        assert!(!s.contains('\u{1b}'));
        assert!(!s.contains('\u{7}'));
        assert!(!s.contains('\u{202E}'));
        assert!(s.contains("[31mred"));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("各位代表"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
