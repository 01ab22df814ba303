//! A CSV export from LinkedIn, Outlook, Google or anything else, in any encoding: read it, never
//! panic. Read once with the preset detected, and once more with the preset the first byte
//! picks, so every explicit preset is fuzzed too.
#![no_main]

use kring_interop::CsvPreset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kring_interop::read_csv(data, None, None);
    if let Some((&choice, rest)) = data.split_first() {
        let preset = match choice % 4 {
            0 => CsvPreset::LinkedIn,
            1 => CsvPreset::Outlook,
            2 => CsvPreset::Google,
            _ => CsvPreset::Generic,
        };
        let _ = kring_interop::read_csv(rest, Some(preset), None);
    }
});
