//! A saved e-mail (.eml) from any mail app: read it, never panic.
#![no_main]

use chrono::TimeZone;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: {
    // libfuzzer-sys aborts on every panic, caught or not. The reader catches panics inside
    // mail-parser (a debug assertion it reaches on broken nesting) and refuses the file; a panic
    // anywhere else is not caught and still aborts through libfuzzer-sys's own catch_unwind.
    std::panic::set_hook(Box::new(|_| {}));
}, |data: &[u8]| {
    let now = chrono::Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap();
    let options = kring_interop::ReadOptions::at(now).in_zone("Europe/Brussels");
    let _ = kring_interop::read_interactions("fuzz.eml", data, &options);
});
