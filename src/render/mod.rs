//! Printers: each reads the model and writes text; none computes anything of its own.

pub mod normalized;
pub mod outline;
pub mod terminal;
pub mod text;
pub mod wrap;
