//! Comparing: one input split into two byte strings (at `@@B@@` on a line of its own), each
//! read as a report file, compared both ways: every invariant holds and swapping the inputs
//! swaps the sides. The checks are `rdiff::testing::exercise::compare_input`'s.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| rdiff::testing::exercise::compare_input(data));
