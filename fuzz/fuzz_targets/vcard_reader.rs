//! A vCard file from any phone or mail client: read it, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(contacts) = kring_interop::read_vcards(data) {
        // What the reader accepted, the writer can write.
        let _ = kring_interop::write_vcards(&contacts);
    }
});
