//! Exit statuses, as diff(1) has them.

/// The reports say the same (same key), or a command succeeded.
pub const SAME: u8 = 0;
/// The reports differ.
pub const DIFFERENT: u8 = 1;
/// Trouble: bad input, an unwritable output, a bad flag.
pub const TROUBLE: u8 = 2;
