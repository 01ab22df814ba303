//! A store written by an older Kring opens with this one, is migrated once (its old files kept
//! as a backup first) and reads the same afterwards.
//!
//! `tests/fixtures/store-v3/` is a manager's store written by the last Kring with schema 3 (the
//! layout before the compact one) by `tests/fixtures/make-store-v3.sh`: demo cards with
//! relationships, interactions and follow-ups, edited fields (history), a deleted card, a private
//! card and note, a goal, a team, a partnership with a review, an event, a colleague's enrolment
//! and a field in conflict between the two stores. `store-v3.expected.json` holds what that
//! Kring read from it: the digest (`kring digest`) and every live card's `card show --json`,
//! written by this test with `KRING_WRITE_FIXTURE_EXPECTED=1` on that commit.

use chrono::{TimeZone, Utc};
use kring_core::model::{RecordId, RecordKind};
use kring_core::store::{OpenOptions, Store};
use std::collections::BTreeMap;
use std::path::Path;

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-v3")
}

fn expected_file() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-v3.expected.json")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn open(path: &Path) -> Store {
    // sled releases its lock from a background thread shortly after a store is dropped.
    (0..50)
        .find_map(|_| {
            Store::open(path, &OpenOptions::default())
                .map_err(|e| {
                    assert_eq!(e.code(), "store_in_use", "the store opens: {e}");
                    std::thread::sleep(std::time::Duration::from_millis(20));
                })
                .ok()
        })
        .expect("the store opens")
}

/// What `kring digest` and `kring card show ID --json` print, for every live card.
fn reading(store: &Store) -> serde_json::Value {
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    let mut cards = BTreeMap::new();
    for kind in [
        RecordKind::Person,
        RecordKind::Organisation,
        RecordKind::Networker,
    ] {
        for state in store.all_of_kind(kind).unwrap() {
            if state.is_deleted() {
                continue;
            }
            let id = RecordId(state.id);
            let detail = store.card_detail(id, now).unwrap();
            cards.insert(id.to_string(), serde_json::to_value(detail).unwrap());
        }
    }
    serde_json::json!({ "digest": store.digest().unwrap(), "cards": cards })
}

fn backups_of(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder.join("backups"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_store_written_with_schema_3_is_migrated_once_after_a_backup_and_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("store");
    copy_dir(&fixture(), &folder);
    if std::env::var_os("KRING_WRITE_FIXTURE_EXPECTED").is_some() {
        let store = open(&folder);
        let text = serde_json::to_string_pretty(&reading(&store)).unwrap();
        std::fs::write(expected_file(), text + "\n").unwrap();
        return;
    }
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(expected_file()).unwrap()).unwrap();
    assert!(
        backups_of(&folder).is_empty(),
        "the fixture holds no backup"
    );

    let store = open(&folder);
    assert_eq!(
        store.schema_version().unwrap(),
        kring_core::store::SCHEMA_VERSION
    );
    let backups = backups_of(&folder);
    assert_eq!(
        backups.len(),
        1,
        "one backup taken before migrating: {backups:?}"
    );
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    let actual = reading(&store);
    assert_eq!(actual["digest"], expected["digest"], "the same digest");
    assert_eq!(
        actual["cards"].as_object().unwrap().len(),
        expected["cards"].as_object().unwrap().len()
    );
    for (id, card) in expected["cards"].as_object().unwrap() {
        assert_eq!(&actual["cards"][id], card, "card {id} reads the same");
    }
    let report = store.check(false, now).unwrap();
    assert!(report.is_clean(), "the migrated store is clean: {report:?}");
    drop(store);

    // Opened again, it is not migrated again (no second backup) and still reads the same.
    let store = open(&folder);
    assert_eq!(backups_of(&folder), backups, "no second migration");
    assert_eq!(reading(&store), actual);
}

#[test]
fn a_migration_a_crash_interrupted_leaves_the_old_store_which_migrates_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("store");
    copy_dir(&fixture(), &folder);
    if std::env::var_os("KRING_WRITE_FIXTURE_EXPECTED").is_some() {
        return;
    }
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(expected_file()).unwrap()).unwrap();
    // What a crash while the new layout was being written leaves: a half-written copy beside
    // the old files, and no marker saying it is complete.
    std::fs::create_dir_all(folder.join("compact.new")).unwrap();
    std::fs::write(folder.join("compact.new/db"), b"half a database").unwrap();

    let store = open(&folder);
    assert!(
        !folder.join("compact.new").exists(),
        "the half copy is gone"
    );
    assert_eq!(
        store.schema_version().unwrap(),
        kring_core::store::SCHEMA_VERSION
    );
    assert_eq!(reading(&store), expected);
}
