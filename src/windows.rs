//! The N-character windows of keys, indexed for "where else does this window occur?".
//!
//! Shared spans, section affinity and similar-sentence candidates all look up every
//! `min_match`-window of one key among the windows of another, tens of thousands per report.
//! A general hash map of `&[char]` hashes each window's N characters afresh and grows by
//! rehashing; [`WindowIndex`] hashes each window in O(1) with a rolling (Rabin–Karp) hash,
//! sizes its table once, and gives each distinct window a dense id, so callers keep what they
//! need per window in plain vectors. Lookups compare the characters, never trust the hash, so
//! a collision cannot make two different windows count as one.

use std::cell::Cell;

/// Multiplier of the rolling hash (odd, so no information is lost modulo 2⁶⁴).
const BASE: u64 = 0x100_0000_01b3;
/// Final mix, so that the table's index bits depend on every character.
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// The rolling hashes of the `n`-character windows of `key`, in order.
pub fn window_hashes(key: &[char], n: usize) -> impl Iterator<Item = u64> + '_ {
    let n = n.max(1);
    // A window's hash is the one before it without its first character (times BASE^(n-1)),
    // shifted, plus its last character.
    let first = (1..n).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut rest = key[..(n - 1).min(key.len())].iter().fold(0u64, |h, &c| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(c))
    });
    key.windows(n).map(move |w| {
        let hash = rest.wrapping_mul(BASE).wrapping_add(u64::from(w[n - 1]));
        rest = hash.wrapping_sub(first.wrapping_mul(u64::from(w[0])));
        hash
    })
}

/// Distinct windows of one or more keys, each with a dense id (0, 1, 2… in first-seen order).
#[derive(Debug)]
pub struct WindowIndex<'k> {
    n: usize,
    /// Open-addressing table (linear probing): id + 1 in the low 32 bits (0 is an empty slot),
    /// the hash's low 32 bits above it, so a probe rarely has to read the window itself.
    slots: Vec<u64>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
    /// The keys inserted, in order.
    keys: Vec<&'k [char]>,
    /// Per id: where its window first occurred.
    windows: Vec<Place>,
}

/// Where a window occurs: (key number, start).
type Place = (u32, u32);

thread_local! {
    /// The tables of the last index dropped on this thread, reused by the next one. A
    /// comparison builds two indexes of up to 512 KB (exact and masked keys) and a small one
    /// per similar-sentence candidate; fresh memory of that size comes from the kernel a page
    /// fault at a time, which cost more than the indexing itself.
    static SPARE_TABLES: Cell<(Vec<u64>, Vec<Place>)> = const { Cell::new((Vec::new(), Vec::new())) };
}

impl<'k> WindowIndex<'k> {
    /// An empty index of `n`-character windows with room for about `windows` distinct ones.
    pub fn with_capacity(n: usize, windows: usize) -> WindowIndex<'k> {
        // Load at most 3/4: short probes, and a table small enough to stay in cache.
        let size = (windows.max(8) * 4 / 3 + 1).next_power_of_two();
        let (mut slots, mut ids) = SPARE_TABLES.with(Cell::take);
        slots.clear();
        slots.resize(size, 0);
        ids.clear();
        ids.reserve(windows);
        WindowIndex {
            n: n.max(1),
            slots,
            shift: 64 - size.trailing_zeros(),
            keys: Vec::new(),
            windows: ids,
        }
    }

    /// Window length.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Number of distinct windows.
    pub fn len(&self) -> usize {
        self.windows.len()
    }

    /// True when no window has been inserted.
    pub fn is_empty(&self) -> bool {
        self.windows.is_empty()
    }

    /// Insert every window of `key`; returns each window's id, in order.
    pub fn insert_key(&mut self, key: &'k [char]) -> Vec<u32> {
        let n = self.n;
        let count = key.len().saturating_sub(n - 1);
        // Room for every window being new, made once: the loop below never checks the load.
        while (self.windows.len() + count) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        self.windows.reserve(count);
        let number = self.keys.len() as u32;
        self.keys.push(key);
        let mut ids = Vec::with_capacity(count);
        let windows = key.windows(n).zip(window_hashes(key, n));
        for (start, (window, hash)) in windows.enumerate() {
            ids.push(self.insert(window, (number, start as u32), hash));
        }
        ids
    }

    /// The window with id `id`.
    fn window(&self, id: u32) -> &'k [char] {
        let (key, start) = self.windows[id as usize];
        let start = start as usize;
        &self.keys[key as usize][start..start + self.n]
    }

    /// The id of each window of `key`, `None` for windows not in the index.
    pub fn ids_in<'q>(&'q self, key: &'q [char]) -> impl Iterator<Item = Option<u32>> + 'q {
        let n = self.n;
        window_hashes(key, n)
            .enumerate()
            .map(move |(start, hash)| self.get(&key[start..start + n], hash))
    }

    fn slot_of(&self, hash: u64) -> usize {
        ((hash ^ (hash >> 31)).wrapping_mul(MIX) >> self.shift) as usize
    }

    /// The id in a slot whose tag matches `hash`, if its window is `window`; `Err` on an empty
    /// slot (the end of the probe).
    fn held(&self, slot: u64, window: &[char], hash: u64) -> Result<Option<u32>, ()> {
        let id = (slot as u32).checked_sub(1).ok_or(())?;
        if slot >> 32 != hash & 0xffff_ffff {
            return Ok(None);
        }
        Ok((self.window(id) == window).then_some(id))
    }

    fn get(&self, window: &[char], hash: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(hash);
        loop {
            if let Some(id) = self.held(self.slots[slot], window, hash).ok()? {
                return Some(id);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The id of `window`, found at `at` (key number, start), inserted if new. The table must
    /// have room for one more window.
    fn insert(&mut self, window: &[char], at: Place, hash: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(hash);
        loop {
            match self.held(self.slots[slot], window, hash) {
                Err(()) => {
                    let id = self.windows.len() as u32;
                    self.windows.push(at);
                    self.slots[slot] = tagged(id, hash);
                    return id;
                }
                Ok(Some(id)) => return id,
                Ok(None) => {}
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Double the table (only when more windows arrive than the capacity promised).
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        self.slots.clear();
        self.slots.resize(size, 0);
        self.shift = 64 - size.trailing_zeros();
        let mask = size - 1;
        for id in 0..self.windows.len() as u32 {
            let hash = window_hashes(self.window(id), self.n).next().unwrap_or(0);
            let mut slot = self.slot_of(hash);
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = tagged(id, hash);
        }
    }
}

impl Drop for WindowIndex<'_> {
    /// Hand the tables to the next index (the larger ones, if another was handed back first).
    fn drop(&mut self) {
        let slots = std::mem::take(&mut self.slots);
        let windows = std::mem::take(&mut self.windows);
        SPARE_TABLES.with(|spare| {
            let (kept_slots, kept_windows) = spare.take();
            spare.set((larger(slots, kept_slots), larger(windows, kept_windows)));
        });
    }
}

/// Whichever of two buffers has room for more.
fn larger<T>(a: Vec<T>, b: Vec<T>) -> Vec<T> {
    if a.capacity() >= b.capacity() {
        a
    } else {
        b
    }
}

/// A slot holding `id`, tagged with the low half of `hash`.
fn tagged(id: u32, hash: u64) -> u64 {
    (hash << 32) | u64::from(id + 1)
}

/// For each distinct window of an index, the keys holding it: the ids' holder lists, stored
/// flat (one allocation for all).
#[derive(Debug)]
pub struct Holders {
    starts: Vec<u32>,
    holders: Vec<u32>,
}

impl Holders {
    /// From (id, holder) pairs, one per window occurrence, holders ascending within an id.
    /// A holder is listed once per id however often it holds the window.
    pub fn new(ids: usize, occurrences: &[(u32, u32)]) -> Holders {
        // Counted, then placed from the back: no copy of the occurrences and no second cursor
        // array, which on a long report were fresh memory the size of the index.
        let mut ends = vec![0u32; ids + 1];
        let mut last = vec![u32::MAX; ids];
        for &(id, holder) in occurrences {
            if last[id as usize] != holder {
                last[id as usize] = holder;
                ends[id as usize] += 1;
            }
        }
        for i in 1..=ids {
            ends[i] += ends[i - 1];
        }
        let mut holders = vec![0u32; ends[ids] as usize];
        // Backwards, holders descend within an id: a repeat still follows its twin.
        last.fill(u32::MAX);
        for &(id, holder) in occurrences.iter().rev() {
            if last[id as usize] != holder {
                last[id as usize] = holder;
                ends[id as usize] -= 1;
                holders[ends[id as usize] as usize] = holder;
            }
        }
        // Each id's end has moved to its start; the last entry still ends the list.
        Holders {
            starts: ends,
            holders,
        }
    }

    /// The holders of window `id`, ascending.
    pub fn of(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&s), Some(&e)) => &self.holders[s as usize..e as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::chars;

    #[test]
    fn rolling_hashes_equal_the_hashes_of_each_window_alone() {
        let key = chars("坚持稳中求进工作总基调坚持稳中求进");
        let rolled: Vec<u64> = window_hashes(&key, 4).collect();
        let direct: Vec<u64> = key
            .windows(4)
            .map(|w| window_hashes(w, 4).next().expect("one window"))
            .collect();
        assert_eq!(rolled, direct);
        assert_eq!(rolled[0], rolled[11], "equal windows hash alike");
        assert_eq!(window_hashes(&key[..3], 4).count(), 0);
    }

    #[test]
    fn equal_windows_share_an_id_and_lookups_compare_characters() {
        let key = chars("abcabcxyz");
        let mut index = WindowIndex::with_capacity(3, 1); // grows past its capacity
        let ids = index.insert_key(&key);
        assert_eq!(ids, vec![0, 1, 2, 0, 3, 4, 5]);
        assert_eq!(index.len(), 6);
        let found: Vec<Option<u32>> = index.ids_in(&chars("zabcq")).collect();
        assert_eq!(found, vec![None, Some(0), None]);
    }

    #[test]
    fn a_hash_collision_is_not_a_match() {
        let ab = chars("ab");
        let cd = chars("cd");
        let mut index = WindowIndex::with_capacity(2, 4);
        // Same hash forced for two different windows: both kept, each found only as itself.
        index.keys.extend([&ab[..], &cd[..]]);
        assert_eq!(index.insert(&ab, (0, 0), 7), 0);
        assert_eq!(index.insert(&cd, (1, 0), 7), 1);
        assert_eq!(index.get(&cd, 7), Some(1));
        assert_eq!(index.get(&chars("ef"), 7), None);
    }

    #[test]
    fn an_index_reusing_a_dropped_ones_tables_starts_empty() {
        let key = chars("坚持稳中求进工作总基调");
        let other = chars("稳中求稳中求");
        let mut first = WindowIndex::with_capacity(3, 100);
        first.insert_key(&key);
        assert!(first.ids_in(&key).all(|id| id.is_some()));
        drop(first);
        let mut second = WindowIndex::with_capacity(3, 100);
        assert!(second.is_empty());
        assert!(second.ids_in(&key).all(|id| id.is_none()));
        assert_eq!(second.insert_key(&other), vec![0, 1, 2, 0]);
    }

    #[test]
    fn holders_are_listed_once_per_window() {
        let holders = Holders::new(3, &[(0, 0), (0, 0), (1, 0), (0, 2), (2, 1), (0, 2)]);
        assert_eq!(holders.of(0), &[0, 2]);
        assert_eq!(holders.of(1), &[0]);
        assert_eq!(holders.of(2), &[1]);
        assert_eq!(holders.of(9), &[] as &[u32]);
    }
}
