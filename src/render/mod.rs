//! Printers: each reads the model and writes text; none computes anything of its own.

pub mod html;
pub mod json;
pub mod matrix_csv;
pub mod matrix_html;
pub mod matrix_progress;
pub mod matrix_terminal;
pub mod normalized;
pub mod outline;
pub mod targets;
pub mod targets_csv;
pub mod terminal;
pub mod text;
pub mod wrap;
