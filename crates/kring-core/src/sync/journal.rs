//! The import journal: all or nothing across crashes, with memory bounded by a chunk.
//!
//! A large import cannot be one sled transaction (sled keeps every page a transaction touches
//! alive until it ends; a million records took more than 20 GB). Instead:
//!
//! 1. the verified bundles are copied into the store's `inbox/` folder and fsynced;
//! 2. one small atomic write records the journal (which files, and when);
//! 3. the records are merged in chunks of a few thousand, each chunk one transaction;
//! 4. the last transaction records the senders and removes the journal; the copies are deleted.
//!
//! A crash before step 2 leaves the store exactly as before (stray inbox files are ignored and
//! cleared by the next import). A crash after it is rolled forward when the store is next opened:
//! merging is idempotent, so re-applying every file gives exactly the state after the import.

use super::merge::{file_meta, Merge};
use super::{ImportReport, SyncError, SyncResult};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const JOURNAL_KEY: &[u8] = b"import_journal";

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    files: Vec<PathBuf>,
    original_names: Vec<PathBuf>,
    started_at_millis: i64,
}

fn inbox(store: &Store) -> PathBuf {
    store.path().join("inbox")
}

fn write_error(path: &Path, error: std::io::Error) -> SyncError {
    match StoreError::from_io_error(&error) {
        StoreError::Io(reason) => SyncError::Write {
            path: path.to_owned(),
            reason,
        },
        other => other.into(),
    }
}

/// Copies the bundles into the inbox and writes the journal. Returns the copies.
pub(crate) fn begin(
    store: &Store,
    paths: &[PathBuf],
    now: DateTime<Utc>,
) -> SyncResult<Vec<PathBuf>> {
    let folder = inbox(store);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(|e| write_error(&folder, e))?;
    }
    std::fs::create_dir_all(&folder).map_err(|e| write_error(&folder, e))?;
    let mut copies = Vec::with_capacity(paths.len());
    for (n, path) in paths.iter().enumerate() {
        let copy = folder.join(format!("{n:04}.kring"));
        std::fs::copy(path, &copy).map_err(|e| write_error(&copy, e))?;
        std::fs::File::open(&copy)
            .and_then(|f| f.sync_all())
            .map_err(|e| write_error(&copy, e))?;
        copies.push(copy);
    }
    if let Ok(dir) = std::fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    // The copies must be the files that were verified: a shared folder may have changed them.
    for copy in &copies {
        let mut reader = super::bundle::open_bundle(copy)?;
        while reader.next_record()?.is_some() {}
    }
    let journal = Journal {
        files: copies.clone(),
        original_names: paths.to_vec(),
        started_at_millis: now.timestamp_millis(),
    };
    store.meta_set(
        JOURNAL_KEY,
        &serde_json::to_vec(&journal).expect("journals serialise"),
    )?;
    Ok(copies)
}

/// Merges the journalled copies chunk by chunk and closes the journal in the last transaction.
pub(crate) fn apply(
    store: &Store,
    copies: &[PathBuf],
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(u64),
) -> SyncResult<ImportReport> {
    let mut report = ImportReport::default();
    let mut merge = Merge::new(store, now, Some(()));
    let mut meta = Vec::new();
    let mut originals: Vec<PathBuf> = Vec::new();
    if let Some(bytes) = store.meta_get(JOURNAL_KEY)? {
        if let Ok(journal) = serde_json::from_slice::<Journal>(&bytes) {
            originals = journal.original_names;
        }
    }
    let mut conveyors = Vec::with_capacity(copies.len());
    for copy in copies {
        let reader = super::bundle::open_bundle(copy)?;
        let header = reader.header.clone();
        drop(reader);
        merge.apply_file(copy, &header, &mut report, progress)?;
        meta.extend(file_meta(store, &header)?);
        if header.author_node != store.node_id() {
            let role = header.author_role;
            conveyors.push((header, role));
        }
    }
    let coverage = super::causal::after_import(&store.coverage(), &conveyors);
    report.future_stamps = merge.future_warnings();
    // Report the files under the names the user gave.
    for (file, original) in report.files.iter_mut().zip(originals) {
        file.path = original;
    }
    meta.push((JOURNAL_KEY.to_vec(), Vec::new()));
    merge.finish(meta, &coverage)?;
    store.meta_remove(JOURNAL_KEY)?;
    let _ = std::fs::remove_dir_all(inbox(store));
    Ok(report)
}

/// Finishes an import that a crash interrupted. Called when a store opens.
pub fn roll_forward(store: &Store) -> SyncResult<Option<ImportReport>> {
    let Some(bytes) = store.meta_get(JOURNAL_KEY)? else {
        return Ok(None);
    };
    if bytes.is_empty() {
        store.meta_remove(JOURNAL_KEY)?;
        return Ok(None);
    }
    let journal: Journal = serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
        id: "import journal".into(),
        reason: e.to_string(),
    })?;
    let now = DateTime::<Utc>::from_timestamp_millis(journal.started_at_millis).unwrap_or_default();
    apply(store, &journal.files, now, &mut |_| {}).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Role};
    use crate::store::OpenOptions;
    use chrono::TimeZone;

    #[test]
    fn an_import_interrupted_after_the_journal_is_finished_when_the_store_opens() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let source = Store::open(&dir.path().join("source"), &OpenOptions::default()).unwrap();
        source
            .init("An", "an@antwerpen.be", Role::Networker, now)
            .unwrap();
        for n in 0..10 {
            source
                .create(
                    &Person {
                        display_name: format!("Persoon {n}"),
                        ..Person::default()
                    },
                    None,
                    now,
                )
                .unwrap();
        }
        let file = dir.path().join("an.kring");
        source.export_bundle(&file, true, now).unwrap();
        let expected = source.digest().unwrap();

        let target_path = dir.path().join("target");
        {
            let target = Store::open(&target_path, &OpenOptions::default()).unwrap();
            // The crash: the journal is written, nothing is merged yet.
            begin(&target, &[file], now).unwrap();
        }
        let reopened = (0..50)
            .find_map(|_| {
                Store::open(&target_path, &OpenOptions::default())
                    .ok()
                    .or_else(|| {
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        None
                    })
            })
            .expect("the store opens");
        assert_eq!(
            reopened.digest().unwrap(),
            expected,
            "the import was rolled forward at open"
        );
        assert!(
            reopened.meta_get(JOURNAL_KEY).unwrap().is_none(),
            "the journal is closed"
        );
        assert!(!inbox(&reopened).exists(), "the inbox copies are gone");
        assert!(reopened.check(false, now).unwrap().is_clean());
    }
}
