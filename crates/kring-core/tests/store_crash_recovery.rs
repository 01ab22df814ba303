//! What a crash leaves in the store folder must never keep the store from opening. Each test is
//! named after what `scripts/crash-test.sh` found.

use chrono::{TimeZone, Utc};
use kring_core::model::{Person, Role};
use kring_core::store::{OpenOptions, Store};
use std::path::Path;

fn open(path: &Path) -> Store {
    // sled releases its lock from a background thread shortly after a store is dropped.
    (0..50)
        .find_map(|_| {
            Store::open(
                path,
                &OpenOptions {
                    cache_bytes: 1 << 20,
                },
            )
            .map_err(|e| {
                assert_eq!(e.code(), "store_in_use", "the store opens: {e}");
                std::thread::sleep(std::time::Duration::from_millis(20));
            })
            .ok()
        })
        .expect("the store opens")
}

fn snapshots(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("snap."))
        .collect();
    names.sort();
    names
}

/// sled 0.34 writes a snapshot at open to `snap.<lsn>.generating` and renames it when done; a
/// process killed in between left a half file that sled then read as the newest snapshot, and
/// every later open failed with "Read corrupted data at file offset None".
#[test]
fn a_snapshot_sled_was_writing_when_the_process_died_does_not_keep_the_store_from_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let digest = {
        let store = open(&path);
        store
            .init(
                "An Peeters",
                "an.peeters@antwerpen.be",
                Role::Networker,
                now,
            )
            .unwrap();
        for n in 0..50 {
            let person = Person {
                display_name: format!("Persoon {n}"),
                ..Person::default()
            };
            store.create(&person, None, now).unwrap();
        }
        store.digest().unwrap()
    };
    // The open after those writes leaves a finished snapshot; plant the half-written next one,
    // as a kill during the following open's snapshot would.
    drop(open(&path));
    let finished = snapshots(&path);
    let last = finished.last().expect("sled wrote a snapshot");
    let bytes = std::fs::read(path.join(last)).unwrap();
    let unfinished = path.join("snap.FFFFFFFFFFFFFFFF.generating");
    std::fs::write(&unfinished, &bytes[..bytes.len() / 2]).unwrap();

    let store = open(&path);
    assert!(
        !unfinished.exists(),
        "the unfinished snapshot is removed before sled reads it"
    );
    assert_eq!(
        store.digest().unwrap(),
        digest,
        "every record is still there"
    );
    assert!(store.check(false, now).unwrap().is_clean());
}
