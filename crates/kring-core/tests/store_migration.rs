//! A store written by an older Kring opens with this one, is migrated once and reads the same
//! afterwards.
//!
//! The fixtures are a manager's store written by `tests/fixtures/make-store.sh` with the last
//! Kring of a schema: demo cards with relationships, interactions and follow-ups, edited fields
//! (history), a deleted card, a private card and note, a goal, a team, a partnership with a
//! review, an event, a colleague's enrolment and a field in conflict between the two stores.
//! `store-vN.expected.json` holds what that Kring read from it: the digest (`kring digest`) and
//! every live card's `card show --json`, written by this test with
//! `KRING_WRITE_FIXTURE_EXPECTED=1` on that commit.
//!
//! - `store-v3`: the layout before the compact one; migrating rewrites every record, after a
//!   backup.
//! - `store-v4`: the compact layout with a sled entry per search term; migrating drops that
//!   index (search reads the term file, built from the terms of each record).
//! - `store-v5`: an entry per record and writing node in the changes index; migrating folds it
//!   into the changes log (`store::changes_log`), an entry per chunk of a commit's records.
//! - `store-v6`: an entry per record in the kind index; migrating drops it (a lookup by id finds
//!   the record in the records trees themselves).

use chrono::{TimeZone, Utc};
use kring_core::model::{RecordId, RecordKind};
use kring_core::store::Store;
use std::collections::BTreeMap;
use std::path::Path;

mod common;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}"))
}

fn expected_file(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}.expected.json"))
}

/// A fixture copied into a temporary folder (kept as long as the first value lives).
fn copy_of(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("store");
    common::copy_dir(&fixture(name), &folder);
    (dir, folder)
}

/// Whether this run writes a fixture's expected reading (on the old commit) instead of testing.
fn writing_expected() -> bool {
    std::env::var_os("KRING_WRITE_FIXTURE_EXPECTED").is_some()
}

fn expected(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(expected_file(name)).unwrap()).unwrap()
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

/// Whether `actual` says all that `expected` (what the Kring that wrote the fixture printed)
/// says, the same: a field a later Kring's view adds (a conflict's writer by name, say) may stand
/// beside them, but none may be missing or read otherwise. `Err` names the first difference.
fn reads_as(
    actual: &serde_json::Value,
    expected: &serde_json::Value,
    at: &str,
) -> Result<(), String> {
    use serde_json::Value;
    match (actual, expected) {
        (Value::Object(actual), Value::Object(expected)) => {
            for (key, value) in expected {
                let inner = format!("{at}.{key}");
                let Some(found) = actual.get(key) else {
                    return Err(format!("{inner} is missing"));
                };
                reads_as(found, value, &inner)?;
            }
            Ok(())
        }
        (Value::Array(actual), Value::Array(expected)) if actual.len() == expected.len() => actual
            .iter()
            .zip(expected)
            .enumerate()
            .try_for_each(|(n, (a, e))| reads_as(a, e, &format!("{at}[{n}]"))),
        _ if actual == expected => Ok(()),
        _ => Err(format!(
            "{at}: {actual} where the older Kring read {expected}"
        )),
    }
}

#[track_caller]
fn assert_reads_as(actual: &serde_json::Value, expected: &serde_json::Value, what: &str) {
    if let Err(difference) = reads_as(actual, expected, "") {
        panic!("{what} does not read the same: {difference}");
    }
}

#[test]
fn reading_as_an_older_kring_allows_new_fields_and_nothing_else() {
    let old = serde_json::json!({ "a": 1, "b": [{ "c": "x" }] });
    assert!(reads_as(
        &serde_json::json!({ "a": 1, "b": [{ "c": "x", "d": null }], "e": 2 }),
        &old,
        ""
    )
    .is_ok());
    assert!(reads_as(
        &serde_json::json!({ "a": 2, "b": [{ "c": "x" }] }),
        &old,
        ""
    )
    .is_err());
    assert!(reads_as(&serde_json::json!({ "b": [{ "c": "x" }] }), &old, "").is_err());
    assert!(reads_as(
        &serde_json::json!({ "a": 1, "b": [{ "c": "x" }, { "c": "y" }] }),
        &old,
        ""
    )
    .is_err());
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
    let (_dir, folder) = copy_of("store-v3");
    if writing_expected() {
        let store = common::open_when_free(&folder);
        let text = serde_json::to_string_pretty(&reading(&store)).unwrap();
        std::fs::write(expected_file("store-v3"), text + "\n").unwrap();
        return;
    }
    let expected = expected("store-v3");
    assert!(
        backups_of(&folder).is_empty(),
        "the fixture holds no backup"
    );

    let store = common::open_when_free(&folder);
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
        assert_reads_as(&actual["cards"][id], card, &format!("card {id}"));
    }
    let report = store.check(false, now).unwrap();
    assert!(report.is_clean(), "the migrated store is clean: {report:?}");
    drop(store);

    // Opened again, it is not migrated again (no second backup) and still reads the same.
    let store = common::open_when_free(&folder);
    assert_eq!(backups_of(&folder), backups, "no second migration");
    assert_eq!(reading(&store), actual);
}

#[test]
fn a_migration_a_crash_interrupted_leaves_the_old_store_which_migrates_at_the_next_open() {
    let (_dir, folder) = copy_of("store-v3");
    if writing_expected() {
        return;
    }
    let expected = expected("store-v3");
    // What a crash while the new layout was being written leaves: a half-written copy beside
    // the old files, and no marker saying it is complete.
    std::fs::create_dir_all(folder.join("compact.new")).unwrap();
    std::fs::write(folder.join("compact.new/db"), b"half a database").unwrap();

    let store = common::open_when_free(&folder);
    assert!(
        !folder.join("compact.new").exists(),
        "the half copy is gone"
    );
    assert_eq!(
        store.schema_version().unwrap(),
        kring_core::store::SCHEMA_VERSION
    );
    assert_reads_as(&reading(&store), &expected, "the migrated store");
}

/// The sled trees of a store folder, read with sled alone once Kring has let go of it.
fn tree_names(folder: &Path) -> Vec<String> {
    let db = (0..50)
        .find_map(|_| {
            sled::open(folder)
                .map_err(|_| std::thread::sleep(std::time::Duration::from_millis(20)))
                .ok()
        })
        .expect("sled opens the store");
    db.tree_names()
        .into_iter()
        .map(|name| String::from_utf8_lossy(&name).into_owned())
        .collect()
}

/// Every live person and organisation is found by its own name.
fn assert_every_card_is_found_by_its_name(store: &Store) {
    let mut searched = 0;
    for kind in [RecordKind::Person, RecordKind::Organisation] {
        for state in store.all_of_kind(kind).unwrap() {
            if state.is_deleted() {
                continue;
            }
            let (name, _) = kring_core::store::search::card_title(&state);
            let hits = store.search(&name, 100).unwrap();
            let group = store.identity_group(RecordId(state.id)).unwrap();
            assert!(
                hits.iter().any(|hit| group.contains(&hit.id)),
                "'{name}' finds its card: {hits:?}"
            );
            searched += 1;
        }
    }
    assert!(searched > 40, "the fixture has its cards ({searched})");
}

#[test]
fn a_store_written_with_schema_4_drops_its_per_term_index_without_a_backup_and_reads_and_searches_the_same(
) {
    let (_dir, folder) = copy_of("store-v4");
    if writing_expected() {
        return;
    }
    let expected = expected("store-v4");
    assert!(
        tree_names(&folder).contains(&"index.terms".to_owned()),
        "the fixture has the per-term index"
    );

    let store = common::open_when_free(&folder);
    assert_eq!(
        store.schema_version().unwrap(),
        kring_core::store::SCHEMA_VERSION
    );
    assert!(
        backups_of(&folder).is_empty(),
        "no record is rewritten, so no backup is taken"
    );
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    assert_reads_as(&reading(&store), &expected, "the migrated store");
    assert_every_card_is_found_by_its_name(&store);
    let report = store.check(false, now).unwrap();
    assert!(report.is_clean(), "the migrated store is clean: {report:?}");
    drop(store);

    assert!(
        !tree_names(&folder).contains(&"index.terms".to_owned()),
        "the per-term index is gone"
    );
    let store = common::open_when_free(&folder);
    assert_reads_as(&reading(&store), &expected, "the store opened again");
}

#[test]
fn a_schema_4_store_whose_migration_stopped_after_dropping_the_index_finishes_at_the_next_open() {
    let (_dir, folder) = copy_of("store-v4");
    if writing_expected() {
        return;
    }
    // What a crash between dropping the tree and writing the new schema version leaves.
    {
        let db = sled::open(&folder).unwrap();
        assert!(db.drop_tree("index.terms").unwrap());
        db.flush().unwrap();
    }
    let store = common::open_when_free(&folder);
    assert_eq!(
        store.schema_version().unwrap(),
        kring_core::store::SCHEMA_VERSION
    );
    assert_reads_as(
        &reading(&store),
        &expected("store-v4"),
        "the migrated store",
    );
    assert_every_card_is_found_by_its_name(&store);
}

/// Opens a copy of the fixture `name`, which holds the tree `retired`, with this Kring, and
/// asserts what every migration that rewrites no record holds to: migrated once, without a
/// backup, reading the same (and `also`), checked clean, the tree gone, and reading the same at
/// the next open. Returns the folder (kept as long as the first value lives); `None` when the
/// run writes the fixture's expected reading instead (on the old commit).
fn assert_migrates_without_a_backup(
    name: &str,
    retired: &str,
    also: &dyn Fn(&Store),
) -> Option<(tempfile::TempDir, std::path::PathBuf)> {
    let (dir, folder) = copy_of(name);
    if writing_expected() {
        let store = common::open_when_free(&folder);
        let text = serde_json::to_string_pretty(&reading(&store)).unwrap();
        std::fs::write(expected_file(name), text + "\n").unwrap();
        return None;
    }
    let expected = expected(name);
    assert!(
        tree_names(&folder).contains(&retired.to_owned()),
        "the fixture has {retired}"
    );

    let store = common::open_when_free(&folder);
    assert_eq!(
        store.schema_version().unwrap(),
        kring_core::store::SCHEMA_VERSION
    );
    assert!(
        backups_of(&folder).is_empty(),
        "no record is rewritten, so no backup is taken"
    );
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    assert_reads_as(&reading(&store), &expected, "the migrated store");
    also(&store);
    let report = store.check(false, now).unwrap();
    assert!(report.is_clean(), "the migrated store is clean: {report:?}");
    drop(store);

    let trees = tree_names(&folder);
    assert!(
        !trees.contains(&retired.to_owned()),
        "{retired} is gone: {trees:?}"
    );
    let store = common::open_when_free(&folder);
    assert_reads_as(&reading(&store), &expected, "the store opened again");
    drop(store);
    Some((dir, folder))
}

#[test]
fn a_store_written_with_schema_5_folds_its_changes_index_into_the_log_and_reads_and_checks_the_same(
) {
    let Some((_dir, folder)) =
        assert_migrates_without_a_backup("store-v5", "index.changes", &|_| {})
    else {
        return;
    };
    assert!(
        tree_names(&folder).contains(&"changes".to_owned()),
        "the log is there"
    );
}

#[test]
fn a_store_written_with_schema_6_drops_its_kind_index_and_reads_searches_and_checks_the_same() {
    assert_migrates_without_a_backup(
        "store-v6",
        "index.kind_by_id",
        &assert_every_card_is_found_by_its_name,
    );
}

#[test]
fn a_copy_the_kind_index_disowned_moves_to_quarantine_when_it_goes_and_the_store_reads_as_before() {
    let (_dir, folder) = copy_of("store-v6");
    let expected = expected("store-v6");
    let person;
    {
        let db = sled::open(&folder).expect("raw sled");
        let kind_index = db.open_tree("index.kind_by_id").unwrap();
        // What an import left before imports were checked: a person re-sent as an interaction,
        // merged (the kind that sorts first wins) and stored among the interactions, which a
        // lookup by id tries before the people, while the kind index still names the person.
        let people = db.open_tree("records.person").unwrap();
        let (key, stored) = people.iter().next().unwrap().unwrap();
        person = RecordId::from_slice(&key).unwrap();
        let mut as_interaction = kring_core::store::layout::decode(person.0, &stored).unwrap();
        as_interaction.kind = "interaction".into();
        db.open_tree("records.interaction")
            .unwrap()
            .insert(&key, kring_core::store::layout::encode(&as_interaction))
            .unwrap();
        assert_eq!(
            kind_index.get(&key).unwrap().as_deref(),
            Some(&b"person"[..])
        );
        db.flush().unwrap();
    }

    let store = common::open_when_free(&folder);
    assert_reads_as(&reading(&store), &expected, "the migrated store");
    assert_eq!(
        store.state(person).unwrap().unwrap().kind,
        "person",
        "the record is the copy the index named"
    );
    assert!(
        store
            .all_of_kind(RecordKind::Interaction)
            .unwrap()
            .iter()
            .all(|i| i.id != person.0),
        "the copy no longer reads as an interaction"
    );
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
    let report = store.check(false, now).unwrap();
    assert!(report.is_clean(), "{report:?}");
    drop(store);

    let quarantined = |folder: &Path| -> Vec<Vec<u8>> {
        let db = sled::open(folder).expect("raw sled");
        let tree = db.open_tree("quarantine").unwrap();
        tree.iter().keys().map(|k| k.unwrap().to_vec()).collect()
    };
    assert_eq!(
        quarantined(&folder),
        vec![[person.as_bytes().as_slice(), b"interaction"].concat()],
        "the copy kept aside under its id and the kind of the tree it was in"
    );
    // Migrated once: the next open finds a schema 7 store and reads it the same.
    let store = common::open_when_free(&folder);
    assert_eq!(
        store.schema_version().unwrap(),
        kring_core::store::SCHEMA_VERSION
    );
    assert_reads_as(&reading(&store), &expected, "the store opened again");
    assert!(store.check(false, now).unwrap().is_clean());
    drop(store);
    assert_eq!(quarantined(&folder).len(), 1);
}
