//! How the headings of a run of siblings are written: on a line of their own ("(一)大力深化
//! 项目建设,全面塑强省会发展引擎"), or as the first sentence of their paragraph ("(一)抓住用好
//! 重大战略机遇,省会发展势能加快集聚。深入实施…").
//!
//! A numbered line without a sentence stop is ambiguous: a heading alone, or a heading whose
//! sentence a page break cut. Its siblings decide: in a run written as first sentences, it was
//! cut and goes on into the next line. A run is the numbered lines of one style between two
//! headings of a higher style (or until a restart at 1), judged by the majority of its lines;
//! a tie is read as headings alone, the reading that joins nothing.

use super::chars::{char_count, first_sentence_end};
use super::headings::{Style, MAX_HEADING_CHARS};
use super::lines::Piece;

/// How a run of sibling headings is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// On a line of its own, without a sentence stop.
    Alone,
    /// As the first sentence of its paragraph.
    Sentence,
}

/// For each piece, the form of the run its numbered line belongs to; `None` for pieces that
/// do not start with a numbering mark.
pub fn run_forms(pieces: &[Piece]) -> Vec<Option<Form>> {
    let mut run_of: Vec<Option<usize>> = vec![None; pieces.len()];
    // Per run: lines written alone, lines written as first sentences.
    let mut votes: Vec<(usize, usize)> = Vec::new();
    // The open run of each style, outermost first.
    let mut open: Vec<(Style, usize)> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if piece.appendix.is_some() {
            open.clear();
            continue;
        }
        let Some(marker) = &piece.marker else {
            continue;
        };
        open.retain(|(style, _)| *style <= marker.style);
        let same = open.iter().position(|(style, _)| *style == marker.style);
        let run = match same.map(|p| open.remove(p).1) {
            Some(run) if marker.ordinal != 1 => run,
            _ => {
                votes.push((0, 0));
                votes.len() - 1
            }
        };
        open.push((marker.style, run));
        run_of[i] = Some(run);
        match form_of(piece.text, marker.len) {
            Some(Form::Alone) => votes[run].0 += 1,
            Some(Form::Sentence) => votes[run].1 += 1,
            None => {}
        }
    }
    run_of
        .into_iter()
        .map(|run| {
            let (alone, sentence) = *votes.get(run?)?;
            Some(if sentence > alone {
                Form::Sentence
            } else {
                Form::Alone
            })
        })
        .collect()
}

/// How one numbered line is written, if it is heading-like at all.
fn form_of(text: &str, mark_len: usize) -> Option<Form> {
    match first_sentence_end(text, mark_len) {
        Some(end) if char_count(&text[..end]) <= MAX_HEADING_CHARS => Some(Form::Sentence),
        Some(_) => None,
        None if char_count(text) <= MAX_HEADING_CHARS => Some(Form::Alone),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::structure::lines::pieces;

    #[test]
    fn siblings_decide_how_a_run_is_written() {
        use Form::*;
        let p = pieces(&[
            "一、回顾",
            "(一)产业发展步伐坚实。全年增长。",
            "(二)项目建设提速",
            "增效。全年开工。",
            "(三)创新动能有力释放。正文。",
            "二、安排",
            "(一)致力科技创新引领,加快推进新型工业化",
            "正文。",
            "(二)致力挖掘内需潜能,充分激发市场活力",
            "正文。",
        ]);
        let forms = run_forms(&p);
        assert_eq!(
            forms,
            vec![
                Some(Alone),
                Some(Sentence),
                Some(Sentence),
                None,
                Some(Sentence),
                Some(Alone),
                Some(Alone),
                None,
                Some(Alone),
                None
            ]
        );
    }
}
