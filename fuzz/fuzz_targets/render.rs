//! Rendering: the input split at `@@B@@` into two outlines (`#` lines are headings), so
//! markup, escapes and odd characters skip reading and go straight into a comparison and a
//! two-report matrix, printed by every printer: JSON parses back, pages carry no markup from
//! the text, the terminal gets no raw control characters. The checks are
//! `rdiff::testing::exercise::render_input`'s.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| rdiff::testing::exercise::render_input(data));
