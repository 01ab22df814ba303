//! A meeting invitation or calendar export from any calendar app: read it, never panic.
#![no_main]

use chrono::TimeZone;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let now = chrono::Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap();
    let options = kring_interop::ReadOptions::at(now).in_zone("Europe/Brussels");
    // The name says .ics, so content that is not plainly an e-mail goes to the calendar reader.
    let _ = kring_interop::read_interactions("fuzz.ics", data, &options);
});
