//! How a process that opens a store asks the kernel for memory.
//!
//! sled 0.34 rebuilds a table of every page of its trees at each open: hundreds of megabytes of
//! small allocations at 100,000 cards (`docs/performance.md`, *What sled's open costs*). mimalloc
//! asks Linux for transparent huge pages for its arenas, so each arena is backed in 2 MB pieces
//! whether or not it is full. Without them, `kring conflicts` on a 100,000-card store peaks at
//! 179–180 MB instead of 217–220 MB, and a merge of 50 exports at 392 MB instead of 454 MB, for
//! about the same CPU time (2 % more in that run).

/// Asks the kernel not to back this process's memory with transparent huge pages. Called once
/// at the start of the `kring` binary and the app, before the store is opened; a no-op on other
/// systems and where the kernel refuses (the process then keeps huge pages, as before).
pub fn prefer_small_pages() {
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn a_process_that_prefers_small_pages_has_huge_pages_turned_off() {
        super::prefer_small_pages();
        assert!(nix::sys::prctl::get_thp_disable().unwrap());
    }
}
