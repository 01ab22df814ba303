// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

// The allocator of the `kring` binary: sled's many small allocations cost a third of a merge's
// time with glibc's (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    kring_core::store::prefer_small_pages();
    kring_app::run();
}
