//! rdiff compares Chinese government work reports (政府工作报告): how much of a report is
//! template shared with others, and what is its own.
//!
//! The pipeline, one module a stage:
//!
//! 1. [`decode`]: bytes → text (BOM, UTF-8, GB18030/GBK, Big5, UTF-16), encoding recorded.
//! 2. [`normalize`]: one script (OpenCC t2s) and one width, so that the same words compare equal.
//! 3. [`structure`]: page furniture dropped, compilations split, headings found, sections built.
//! 4. [`sentences`]: paragraphs split into sentences.
//!
//! [`read`] runs 1–4 for a file and yields a [`model::Document`]: the seam every later stage
//! reads. [`render`] prints what the stages produced; it computes nothing of its own;
//! [`output`] writes each output file whole or not at all.

pub mod align;
pub mod allocator;
pub mod app;
pub mod cli;
pub mod compare;
pub mod comparison;
pub mod config;
pub mod corpus;
pub mod decode;
pub mod exit;
pub mod key;
pub mod model;
pub mod normalize;
pub mod output;
pub mod plan;
pub mod read;
pub mod render;
pub mod sentences;
pub mod spans;
pub mod structure;
pub mod testing;
pub mod windows;
