//! Seeded, reproducible damage to a file's bytes, the way files get damaged on their way to
//! rdiff: bits flipped, a download cut short, stray NUL, escape and invalid bytes, lines broken
//! anew, chunks pasted twice or lost. The random-corruption tests feed samples damaged so to
//! every stage and printer; whatever comes out must be an error message or a well-formed result.

use crate::corpus::synth::Rng;

/// One kind of damage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    FlippedBytes,
    Truncated,
    StrayBytes,
    Rebroken,
    DuplicatedChunk,
    DeletedChunk,
}

const DAMAGES: [Damage; 6] = [
    Damage::FlippedBytes,
    Damage::Truncated,
    Damage::StrayBytes,
    Damage::Rebroken,
    Damage::DuplicatedChunk,
    Damage::DeletedChunk,
];

/// Bytes no clean report holds: NUL, escape sequences, invalid UTF-8, lone surrogates' lead.
const STRAY: [&[u8]; 8] = [
    b"\0",
    b"\0\0\0\0",
    b"\x1b[31m",
    b"\x1b]0;title\x07",
    b"\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xfe\xff",
];

/// `bytes` with one to three kinds of damage chosen by `seed`; also says which.
pub fn corrupt(bytes: &[u8], seed: u64) -> (Vec<u8>, Vec<Damage>) {
    let mut rng = Rng(seed);
    let mut out = bytes.to_vec();
    let mut applied = Vec::new();
    for _ in 0..=rng.below(3) {
        let damage = DAMAGES[rng.below(DAMAGES.len())];
        apply(&mut out, damage, &mut rng);
        applied.push(damage);
    }
    (out, applied)
}

fn apply(bytes: &mut Vec<u8>, damage: Damage, rng: &mut Rng) {
    let len = bytes.len();
    match damage {
        Damage::FlippedBytes => {
            for _ in 0..=rng.below(16) {
                if let Some(b) = bytes.get_mut(rng.below(len)) {
                    *b ^= 1 << rng.below(8);
                }
            }
        }
        Damage::Truncated => bytes.truncate(rng.below(len + 1)),
        Damage::StrayBytes => {
            for _ in 0..=rng.below(8) {
                let at = rng.below(bytes.len() + 1);
                let stray = STRAY[rng.below(STRAY.len())];
                bytes.splice(at..at, stray.iter().copied());
            }
        }
        Damage::Rebroken => rebreak(bytes, rng),
        Damage::DuplicatedChunk => {
            let (start, end) = chunk(len, rng);
            let copy = bytes[start..end].to_vec();
            let at = rng.below(len + 1);
            bytes.splice(at..at, copy);
        }
        Damage::DeletedChunk => {
            let (start, end) = chunk(len, rng);
            bytes.drain(start..end);
        }
    }
}

/// Line breaks added at random bytes (inside characters too) and some existing ones removed.
fn rebreak(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 32);
    for &b in bytes.iter() {
        if b == b'\n' && rng.below(3) == 0 {
            continue;
        }
        out.push(b);
        match rng.below(64) {
            0 => out.push(b'\n'),
            1 => out.extend_from_slice(b"\r\n"),
            _ => {}
        }
    }
    *bytes = out;
}

/// A random range of at most a quarter of `len` bytes.
fn chunk(len: usize, rng: &mut Rng) -> (usize, usize) {
    let start = rng.below(len + 1);
    let end = (start + rng.below(len / 4 + 1)).min(len);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damage_is_reproducible_and_changes_the_bytes() {
        let text = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n".repeat(20);
        let mut changed = 0;
        for seed in 0..50 {
            let (a, damages) = corrupt(text.as_bytes(), seed);
            assert_eq!((a.clone(), damages.clone()), corrupt(text.as_bytes(), seed));
            assert!(!damages.is_empty() && damages.len() <= 3);
            changed += usize::from(a != text.as_bytes());
        }
        assert!(changed >= 45, "{changed} of 50 damaged");
    }
}
