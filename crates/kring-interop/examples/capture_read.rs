//! Reads meeting and e-mail files and prints what the capture reader makes of each (drafts or
//! the refusal), one line a file: `cargo run -p kring-interop --example capture_read -- FILE...`.

use kring_interop::{read_interactions, ReadOptions};

fn main() {
    let options = ReadOptions::at(chrono::Utc::now()).in_zone("Europe/Brussels");
    for path in std::env::args().skip(1) {
        let name = std::path::Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => {
                println!("{name}: cannot be read: {error}");
                continue;
            }
        };
        match read_interactions(&name, &bytes, &options) {
            Ok(read) => {
                let warnings: Vec<&str> = read.warnings.iter().map(|w| w.code.as_str()).collect();
                println!(
                    "{name}: {} {}, warnings {warnings:?}",
                    read.drafts.len(),
                    read.format.as_str()
                );
                for draft in read.drafts.iter().take(3) {
                    println!(
                        "    {:?} {} '{}' with {} people{}",
                        draft.kind,
                        draft.start.to_rfc3339(),
                        draft.subject,
                        draft.participants.len(),
                        if draft.cancelled { " (cancelled)" } else { "" }
                    );
                }
            }
            Err(error) => println!("{name}: [{}] {error}", error.code()),
        }
    }
}
