//! The C allocator's settings, made once when the program starts.
//!
//! A comparison allocates and frees in waves: each report's text and structure, then the
//! comparison's indexes, then the page. With glibc's defaults, free memory at the top of the
//! heap goes back to the kernel as soon as 128 KiB of it is free, and every allocation above
//! 128 KiB gets a mapping of its own that is unmapped when freed; the next wave then faults the
//! same pages in again (a fifth of the page faults of `rdiff A B --html`). A run is short and
//! what it costs is its peak, so freed memory is kept for reuse, and only allocations above
//! 4 MiB get their own mapping: `rdiff matrix`'s large tables still go back to the kernel when
//! freed, so its peak does not grow (measured: README, Speed).

/// Allocations above this size get their own mapping, returned to the kernel when freed.
pub const MMAP_THRESHOLD: usize = 4 << 20;
/// Free memory at the top of the heap is returned to the kernel only above this size.
pub const TRIM_THRESHOLD: usize = 16 << 20;

/// Apply [`MMAP_THRESHOLD`] and [`TRIM_THRESHOLD`]; true when the allocator took them (always
/// false where the allocator is not glibc's, which keeps its own defaults).
pub fn tune() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // Both values are far below `c_int::MAX` and below glibc's ceiling for the threshold.
        let set = |param, value: usize| {
            let value = libc::c_int::try_from(value).unwrap_or(libc::c_int::MAX);
            // SAFETY: mallopt only changes allocator parameters, under the allocator's own
            // lock; it touches no memory of ours and is sound at any time.
            unsafe { libc::mallopt(param, value) == 1 }
        };
        set(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD) & set(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn glibc_takes_both_settings() {
        assert!(super::tune());
    }
}
