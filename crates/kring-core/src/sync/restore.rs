//! Restoring a backup: the store ends as before or as after, even across a crash.
//!
//! A restore replaces every record in one transaction that has no undo image (the image would be
//! a second copy of the store; see `store::undo`), then gives the store a new node id and
//! derives the private contact notes again. sled may recover that transaction in part, and a crash
//! between the steps would leave a store that writes under its old node id. So a restore runs
//! under a journal, as an import does (`sync::journal`):
//!
//! 1. the backup is read and checked, the safety backup of the current store is taken, and what
//!    the store has forgotten is swept out of the backup's records;
//! 2. the records to restore, exactly as they will be written, go to
//!    `STORE/restore-under-way.kring-backup`, synced to disk;
//! 3. one small write records the journal in `meta` (the safety backup and the time);
//! 4. the records replace the store's, the node id is renewed, the private contact notes derived;
//! 5. the journal is removed, then the staged file.
//!
//! A crash before step 3 leaves the store as it was; the staged file is removed at the next open
//! (it may hold a forgotten person's records from an old backup). A crash after it is finished
//! when the store next opens ([`roll_forward`]): step 4 is idempotent and reads only the staged
//! file, so the store ends as the restore would have left it, never half-restored. The sweep of
//! step 1 happens before staging because the forgets it reads are records that a half-done step 4
//! may already have removed. Should the staged file be unreadable, the open goes back to the
//! safety backup instead: the store as it was before the restore.

use super::bundle::BundleKind;
use super::{SyncError, SyncResult, BACKUP_META_KIND, RESTORED_META_KEYS};
use crate::clock::{NodeId, VersionVector};
use crate::crdt::RecordState;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const JOURNAL_KEY: &[u8] = b"restore_journal";
const STAGED_FILE: &str = "restore-under-way.kring-backup";

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    /// The backup of the store taken before the restore began.
    safety: PathBuf,
    started_at_millis: i64,
}

fn staged_path(store: &Store) -> PathBuf {
    store.path().join(STAGED_FILE)
}

/// What a backup file restores: its records, and the meta values it may carry.
struct Restored {
    states: Vec<RecordState>,
    meta: Vec<(Vec<u8>, Vec<u8>)>,
    /// The nodes that wrote what is restored: the backup's author, the nodes it names as its
    /// earlier ones, and (from a staged file) those of the backup it was staged from. The
    /// restored store names them as its own earlier nodes, so that its records still count as
    /// its own when the backup came from another computer's store.
    earlier: Vec<NodeId>,
    /// What the backup provably held (its header's coverage): the restored store holds exactly
    /// that, so its managers' deltas need not carry it again.
    coverage: VersionVector,
}

/// The staged file's meta fields that carry the original backup's nodes and coverage across
/// steps 2 to 4 (the staged file is written under the restoring store's own header).
const BACKUP_NODES_FIELD: &str = "backup_nodes";
const BACKUP_COVERAGE_FIELD: &str = "backup_coverage";

impl Store {
    /// Replaces the store's contents with a backup. Takes a backup of the current state first and
    /// a new node id afterwards, so the restored store never writes under a node id it once had.
    /// Returns the number of records restored and the path of the backup taken first.
    pub fn restore(&self, path: &Path, now: DateTime<Utc>) -> SyncResult<(u64, PathBuf)> {
        // A backup is of a real store: restored into the demo it would mix real cards with
        // fictional ones (and its settings would lift the demo's mark).
        self.refuse_if_demo("restored from a backup")?;
        let (count, safety) = stage(self, path, now)?;
        begin(self, &safety, now)?;
        finish(self, now)?;
        Ok((count, safety))
    }
}

/// Steps 1 and 2: the records to restore, swept and staged beside the store.
fn stage(store: &Store, path: &Path, now: DateTime<Utc>) -> SyncResult<(u64, PathBuf)> {
    let mut restored = read_backup(store, path, false)?;
    let safety = store.backup_before("restore", now)?;
    // A backup from before a forget (or a retention rule) brings nothing of it back.
    crate::protection::erasure::sweep_restored(store, &mut restored.states, now)?;
    let count = restored.states.len() as u64;
    let mut meta = RecordState::new(uuid::Uuid::max(), BACKUP_META_KIND);
    let stamp = crate::clock::Stamp {
        hlc: crate::clock::Hlc::ZERO,
        node: store.node_id(),
    };
    for (name, value) in restored.meta {
        meta.write(&String::from_utf8_lossy(&name), value, stamp);
    }
    meta.write(
        BACKUP_NODES_FIELD,
        serde_json::to_vec(&restored.earlier).expect("node ids encode"),
        stamp,
    );
    meta.write(
        BACKUP_COVERAGE_FIELD,
        serde_json::to_vec(&restored.coverage).expect("vectors encode"),
        stamp,
    );
    // Sorted by id, as a bundle is; the meta record's id is the largest there is.
    let records = restored
        .states
        .into_iter()
        .chain(std::iter::once(meta))
        .map(Ok);
    store.write_backup_file(&staged_path(store), records, now)?;
    Ok((count, safety))
}

/// Step 3: from here on the restore is finished by whoever comes next.
fn begin(store: &Store, safety: &Path, now: DateTime<Utc>) -> SyncResult<()> {
    let journal = Journal {
        safety: safety.to_owned(),
        started_at_millis: now.timestamp_millis(),
    };
    store.meta_set(
        JOURNAL_KEY,
        &serde_json::to_vec(&journal).expect("journals encode"),
    )?;
    Ok(())
}

/// Steps 4 and 5, from the staged file.
fn finish(store: &Store, now: DateTime<Utc>) -> SyncResult<()> {
    let staged = staged_path(store);
    replace_with(store, read_backup(store, &staged, true)?, now)?;
    close(store)
}

fn close(store: &Store) -> SyncResult<()> {
    store.meta_remove(JOURNAL_KEY)?;
    remove_staged(store)
}

/// Removes the staged file, if there is one.
fn remove_staged(store: &Store) -> SyncResult<()> {
    let staged = staged_path(store);
    match std::fs::remove_file(&staged) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(SyncError::write(&staged, &e)),
        _ => Ok(()),
    }
}

/// Reads a backup file whole: its records apart from the meta values it carries. A `staged` file
/// is written under the restoring store's header: the backup's nodes and coverage are in its
/// meta record (a file staged by a Kring before the coverage was carried claims none).
fn read_backup(store: &Store, path: &Path, staged: bool) -> SyncResult<Restored> {
    let reader = store.open_bundle(path)?;
    if reader.header.kind != BundleKind::Backup {
        return Err(super::bundle::BundleError::IsExport {
            path: path.to_owned(),
        }
        .into());
    }
    let earlier = std::iter::once(reader.header.author_node)
        .chain(reader.header.author_earlier_nodes.iter().copied())
        .collect();
    let reader_coverage = reader.header.coverage.clone();
    let (_, records) = reader.read_all()?;
    let mut restored = Restored {
        states: Vec::with_capacity(records.len()),
        meta: Vec::new(),
        earlier,
        coverage: if staged {
            VersionVector::default()
        } else {
            reader_coverage
        },
    };
    for record in records {
        if record.kind == BACKUP_META_KIND {
            let backup_nodes = record
                .fields
                .get(BACKUP_NODES_FIELD)
                .and_then(|register| register.current())
                .and_then(|current| serde_json::from_slice::<Vec<NodeId>>(&current.value).ok());
            for node in backup_nodes.unwrap_or_default() {
                if !restored.earlier.contains(&node) {
                    restored.earlier.push(node);
                }
            }
            if let Some(coverage) = record
                .fields
                .get(BACKUP_COVERAGE_FIELD)
                .and_then(|register| register.current())
                .and_then(|current| serde_json::from_slice::<VersionVector>(&current.value).ok())
            {
                restored.coverage = coverage;
            }
            // Only what a backup is meant to carry: a crafted backup must not plant trusted
            // keys, pending approvals, an import journal or a sync state in the store.
            for (name, register) in &record.fields {
                if !RESTORED_META_KEYS.contains(&name.as_str()) {
                    continue;
                }
                if let Some(current) = register.current() {
                    restored
                        .meta
                        .push((name.as_bytes().to_vec(), current.value.clone()));
                }
            }
        } else {
            restored.states.push(record);
        }
    }
    Ok(restored)
}

/// Step 4: idempotent, so a crash during it is finished by doing it again.
fn replace_with(store: &Store, restored: Restored, now: DateTime<Utc>) -> SyncResult<()> {
    let restored_earlier = restored.earlier.clone();
    let restored_coverage = restored.coverage.clone();
    for state in &restored.states {
        if let Some(stamp) = state.max_stamp() {
            store.observe_time(stamp.hlc);
        }
    }
    store.replace_all(restored.states, restored.meta, now)?;
    store.renew_node_id(&restored_earlier, restored_coverage)?;
    // The backup carries no private contact note: they follow from the private meetings.
    store.rebuild_private_contacts()?;
    Ok(())
}

/// Finishes a restore that a crash interrupted, or removes what one that never began left.
/// Called when a store opens, before anyone reads it. Returns whether a restore was finished.
pub(crate) fn roll_forward(store: &Store) -> SyncResult<bool> {
    let Some(bytes) = store.meta_get(JOURNAL_KEY)? else {
        remove_staged(store)?;
        return Ok(false);
    };
    let journal: Journal = serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
        id: "restore journal".into(),
        reason: e.to_string(),
    })?;
    let now = DateTime::<Utc>::from_timestamp_millis(journal.started_at_millis).unwrap_or_default();
    match read_backup(store, &staged_path(store), true) {
        Ok(restored) => replace_with(store, restored, now)?,
        // The staged copy was damaged after it was written (it was synced before the journal):
        // back to the store as it was, which its own forgets sweep as a restore does.
        Err(SyncError::Bundle(_)) => {
            let mut before = read_backup(store, &journal.safety, false)?;
            crate::protection::erasure::sweep_restored(store, &mut before.states, now)?;
            replace_with(store, before, now)?;
        }
        Err(other) => return Err(other),
    }
    close(store)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Role};
    use crate::store::{undo::tear, OpenOptions};
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap()
    }

    fn open(path: &Path) -> Store {
        // The store a test dropped may still be closing on another thread (sled's flusher).
        (0..100)
            .find_map(|_| {
                Store::open(path, &OpenOptions::default()).ok().or_else(|| {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    None
                })
            })
            .expect("the store opens")
    }

    fn person(name: &str) -> Person {
        Person {
            display_name: name.into(),
            ..Person::default()
        }
    }

    /// A networker's store with three cards and a backup of it, then a card added and one
    /// deleted after the backup. Returns the store, the backup and the digest the backup holds.
    fn store_with_a_backup(dir: &Path) -> (Store, PathBuf, String) {
        let store = open(&dir.join("store"));
        store
            .init("An", "an@antwerpen.be", Role::Networker, now())
            .unwrap();
        let mut ids = Vec::new();
        for name in ["Jan Peeters", "Els Maes", "Piet Claes"] {
            ids.push(store.create(&person(name), None, now()).unwrap());
        }
        let backup = dir.join("an.kring-backup");
        store.backup(&backup, now()).unwrap();
        let digest = store.digest().unwrap();
        let later = now() + chrono::Duration::minutes(5);
        store
            .create(&person("Added after the backup"), None, later)
            .unwrap();
        store.delete(ids[0], later).unwrap();
        (store, backup, digest)
    }

    fn assert_restored(store: &Store, backup_digest: &str) {
        assert_eq!(store.digest().unwrap(), backup_digest);
        assert!(store.search("added", 5).unwrap().is_empty());
        assert_eq!(store.search("peeters", 5).unwrap().len(), 1);
        assert!(store.meta_get(JOURNAL_KEY).unwrap().is_none());
        assert!(!staged_path(store).exists(), "the staged copy is gone");
        assert!(store.check(false, now()).unwrap().is_clean());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        #[test]
        fn a_restore_stopped_after_any_number_of_its_trees_is_finished_when_the_store_opens(
            trees in 0usize..40,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let (store, backup, digest) = store_with_a_backup(dir.path());
            let node_before = store.node_id();
            tear::next_commit_after(trees);
            prop_assert!(store.restore(&backup, now()).is_err(), "the test's stop");
            prop_assert!(store.meta_get(JOURNAL_KEY).unwrap().is_some());
            drop(store);
            let reopened = open(&dir.path().join("store"));
            assert_restored(&reopened, &digest);
            prop_assert_ne!(reopened.node_id(), node_before, "never the old node id again");
        }
    }

    #[test]
    fn a_restore_that_stopped_before_its_journal_leaves_the_store_as_it_was_and_no_staged_copy() {
        let dir = tempfile::tempdir().unwrap();
        let (store, backup, _) = store_with_a_backup(dir.path());
        let before = store.digest().unwrap();
        stage(&store, &backup, now()).unwrap();
        assert!(staged_path(&store).exists());
        drop(store);
        let reopened = open(&dir.path().join("store"));
        assert_eq!(reopened.digest().unwrap(), before);
        assert_eq!(reopened.search("added", 5).unwrap().len(), 1);
        assert!(
            !staged_path(&reopened).exists(),
            "a staged copy may hold what was forgotten since the backup"
        );
    }

    #[test]
    fn an_interrupted_restore_whose_staged_copy_is_damaged_goes_back_to_the_store_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let (store, backup, backup_digest) = store_with_a_backup(dir.path());
        let before = store.digest().unwrap();
        tear::next_commit_after(3);
        assert!(store.restore(&backup, now()).is_err());
        let staged = staged_path(&store);
        drop(store);
        let bytes = std::fs::read(&staged).unwrap();
        std::fs::write(&staged, &bytes[..bytes.len() / 2]).unwrap();
        let reopened = open(&dir.path().join("store"));
        assert_eq!(reopened.digest().unwrap(), before, "as before the restore");
        assert_ne!(reopened.digest().unwrap(), backup_digest);
        assert_eq!(reopened.search("added", 5).unwrap().len(), 1);
        assert!(reopened.meta_get(JOURNAL_KEY).unwrap().is_none());
        assert!(!staged.exists());
        assert!(reopened.check(false, now()).unwrap().is_clean());
    }

    #[test]
    fn a_restore_that_runs_through_leaves_no_journal_and_no_staged_copy() {
        let dir = tempfile::tempdir().unwrap();
        let (store, backup, digest) = store_with_a_backup(dir.path());
        let (count, safety) = store.restore(&backup, now()).unwrap();
        assert_eq!(count, 4, "three cards and the networker's own record");
        assert!(safety.exists());
        assert_restored(&store, &digest);
    }
}
