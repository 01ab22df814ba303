//! A `.kring` bundle from anywhere (a mail attachment, a USB stick, a shared drive) is opened and
//! read to the end: whatever its bytes, plain or sealed (age-encrypted), the reader returns records
//! or an error, never panics, and never allocates more than its limits allow.
#![no_main]

use kring_core::sync::bundle::open_bundle_with;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One file per fuzzing process, rewritten for every input (the reader takes a path).
fn bundle_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("kring-fuzz-{}.kring", std::process::id()))
    })
}

/// The key a sealed input is opened with (one per process, like a store's own).
fn identity() -> &'static age::x25519::Identity {
    static IDENTITY: OnceLock<age::x25519::Identity> = OnceLock::new();
    IDENTITY.get_or_init(age::x25519::Identity::generate)
}

fuzz_target!(|data: &[u8]| {
    let path = bundle_path();
    std::fs::write(path, data).expect("the fuzz input can be written to a temporary file");
    let Ok(mut reader) = open_bundle_with(path, Some(identity())) else {
        return;
    };
    // Bounded: a record is at least a few bytes of decompressed body, and the body's expansion is
    // capped, so this loop ends; the cap makes a regression show up as a failure, not a hang.
    for _ in 0..1_000_000 {
        match reader.next_record() {
            Ok(Some(record)) => {
                // What an import does with each record before the hash is checked.
                let _ = record.stamps().count();
                let _ = record.is_deleted();
            }
            Ok(None) | Err(_) => return,
        }
    }
    panic!("next_record never ended");
});
