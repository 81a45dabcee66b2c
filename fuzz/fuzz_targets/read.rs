//! Reading: any bytes → document → outline (text and JSON) and normalized text. Refusing is
//! fine; panicking, losing text silently, or output that does not parse back, is not.
//! The checks are `rdiff::testing::exercise::read_input`'s.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| rdiff::testing::exercise::read_input(data));
