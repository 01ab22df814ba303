//! Rewriting the store into a fresh sled database, so that erased values leave the disk files.
//!
//! sled appends: an overwritten or removed value stays in its log (`STORE/db`) until the segment
//! holding it is reused, which may be never. A sweep (`crate::protection`) removes a forgotten
//! person from every tree, but their bytes are still in the file. [`Store::rewrite`] copies the
//! live contents of every tree into a new database beside the old one and swaps it in:
//!
//! 1. the new database is written to `STORE/compact.new/` and flushed, and both are closed;
//! 2. the marker `STORE/compact.ready` is written and synced: from here on the swap is finished
//!    by whoever comes next, this call or the next [`Store::open`];
//! 3. the old sled files (`db`, `conf`, `blobs/`, `snap.*`) are removed, then the new ones moved
//!    in (`db` first), then the marker removed.
//!
//! A crash before step 2 leaves the old store (the half-written copy is removed at the next
//! open); a crash after it leaves the new one. Step 3 is idempotent: old files are removed only
//! while `compact.new/db` is still there, that is before the first new file moved.
//! Everything else in the store folder (keys, backups, held files) stays where it is.
//!
//! The changes log is folded on the way ([`super::changes_log`]): its keys carry numbers from
//! the database's own counter, which the fresh database starts again, so its entries are
//! written afresh with numbers from the fresh counter rather than copied.

use super::{changes_log, OpenOptions, Store, StoreError, StoreResult};
use std::path::{Path, PathBuf};

const NEW_DIR: &str = "compact.new";
const READY: &str = "compact.ready";
/// Entries copied per batch.
const BATCH: usize = 10_000;
/// Records imports wrote since the store was last rewritten (`Store::imported_since_rewrite`).
const IMPORTED_KEY: &[u8] = b"storage/imported_since_rewrite";
/// Below this many records written by imports, what a rewrite would free is not worth the
/// minute it takes: a 2,000-card master (18,122 records) leaves 36 MB that a rewrite makes 19.
pub const WORTHWHILE_IMPORTED_RECORDS: u64 = 10_000;
/// Below this size, a rewrite frees too little to mention.
pub const WORTHWHILE_DATABASE_BYTES: u64 = 64 << 20;

/// Whether a file in the store folder is one of sled's own.
fn is_sled_file(name: &str) -> bool {
    matches!(name, "db" | "conf" | "blobs") || name.starts_with("snap.")
}

fn io(path: &Path, error: std::io::Error) -> StoreError {
    StoreError::from_io(&error).at_store(path)
}

fn sync_dir(path: &Path) {
    if let Ok(dir) = std::fs::File::open(path) {
        let _ = dir.sync_all();
    }
}

fn remove_any(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Finishes a rewrite a crash interrupted, or removes a copy that was never complete. Called
/// when a store opens, before sled does.
pub(crate) fn finish_or_discard(folder: &Path) -> std::io::Result<()> {
    let new_dir = folder.join(NEW_DIR);
    let ready = folder.join(READY);
    if !ready.exists() {
        if new_dir.exists() {
            std::fs::remove_dir_all(&new_dir)?;
        }
        return Ok(());
    }
    if new_dir.join("db").exists() {
        for entry in std::fs::read_dir(folder)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_sled_file(&name) {
                remove_any(&entry.path())?;
            }
        }
        sync_dir(folder);
    }
    if new_dir.exists() {
        let mut names: Vec<String> = std::fs::read_dir(&new_dir)?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        // `db` first: once it has moved, the old files are all gone and must not be looked for
        // again (the files moved after it are new ones).
        names.sort_by_key(|name| name != "db");
        for name in names {
            std::fs::rename(new_dir.join(&name), folder.join(&name))?;
        }
        sync_dir(folder);
        std::fs::remove_dir_all(&new_dir)?;
    }
    std::fs::remove_file(&ready)?;
    sync_dir(folder);
    Ok(())
}

/// What a rewrite did.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Rewrite {
    pub trees: usize,
    pub entries: u64,
    /// The store's sled files before and after, in bytes.
    pub bytes_before: u64,
    pub bytes_after: u64,
    /// Stopped at the caller's request before the copy was complete: the store is as it was
    /// (the same open store is handed back) and the partial copy is removed.
    pub stopped: bool,
}

/// The bytes a file or a folder (all it holds) takes; 0 for one that cannot be read.
pub(crate) fn bytes_of(path: &Path) -> u64 {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => std::fs::read_dir(path)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| bytes_of(&e.path()))
                    .sum()
            })
            .unwrap_or(0),
        Ok(meta) => meta.len(),
        Err(_) => 0,
    }
}

/// The bytes of sled's own files in the store folder: the records and their indexes.
pub(crate) fn sled_bytes(folder: &Path) -> u64 {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| is_sled_file(&e.file_name().to_string_lossy()))
                .map(|e| bytes_of(&e.path()))
                .sum()
        })
        .unwrap_or(0)
}

impl Store {
    /// Records that imports added, changed or deleted since the store was last rewritten: each
    /// leaves pages in sled's log that only a rewrite gives back (measured: 10 merged exports,
    /// 186,644 records, 218 → 157 MB; a 100,000-card store, 1,330 → 810 MB).
    pub fn imported_since_rewrite(&self) -> StoreResult<u64> {
        Ok(self
            .meta_get(IMPORTED_KEY)?
            .and_then(|bytes| bytes.try_into().ok())
            .map_or(0, u64::from_be_bytes))
    }

    /// Counts records an import wrote (see [`Store::imported_since_rewrite`]).
    pub(crate) fn note_imported(&self, records: u64) -> StoreResult<()> {
        if records == 0 {
            return Ok(());
        }
        self.meta_update(IMPORTED_KEY, |old| {
            let counted = old
                .and_then(|bytes| bytes.try_into().ok())
                .map_or(0, u64::from_be_bytes);
            Some(counted.saturating_add(records).to_be_bytes().to_vec())
        })?;
        Ok(())
    }

    /// Rewrites the store into a fresh database with only its live contents, swaps it in and
    /// opens the engine again (see the module's documentation for what a crash leaves);
    /// `crate::compaction` finishes the open as `Store::open` does. `progress(done, total)` is
    /// called after every batch with the entries copied so far and the entries in all; `stop()`
    /// is asked after every batch and tree (and every tree counted), and when it answers yes the copy is
    /// given up and this store handed back unchanged (`Rewrite::stopped`).
    pub(crate) fn rewrite(
        self,
        options: &OpenOptions,
        progress: &mut dyn FnMut(u64, u64),
        stop: &dyn Fn() -> bool,
    ) -> StoreResult<(Store, Rewrite)> {
        let folder = self.path.clone();
        let new_dir = folder.join(NEW_DIR);
        remove_any(&new_dir).map_err(|e| io(&new_dir, e))?;
        let mut report = Rewrite {
            bytes_before: sled_bytes(&folder),
            ..Rewrite::default()
        };
        // The copy leaves out what imports wrote since the last rewrite (it is all compacted);
        // a stopped copy puts the count back.
        let imported = self.meta_get(IMPORTED_KEY)?;
        self.meta_remove(IMPORTED_KEY)?;
        self.db.flush()?;
        // Counting first costs a read of every entry, but a progress bar that knows its end is
        // worth it when a rewrite takes minutes (a million cards).
        let names = self.db.tree_names();
        let mut total = 0u64;
        for name in &names {
            if stop() {
                return self.stop_rewrite(&new_dir, imported, report);
            }
            total += self.db.open_tree(name)?.len() as u64;
        }
        progress(0, total);
        {
            let fresh = sled::Config::new()
                .path(&new_dir)
                .cache_capacity(options.cache_bytes)
                .mode(sled::Mode::LowSpace)
                .open()
                .map_err(|e| StoreError::Open {
                    path: new_dir.clone(),
                    reason: e.to_string(),
                })?;
            for name in &names {
                let from = self.db.open_tree(name)?;
                let to = fresh.open_tree(name)?;
                if &**name == changes_log::TREE.as_bytes() {
                    let listed = changes_log::read_folded(&from)?;
                    let counts = changes_log::Counts::folded(listed.len());
                    let mut sequence = || fresh.generate_id();
                    to.apply_batch(changes_log::fold_batch(&to, listed, &mut sequence)?)?;
                    fresh
                        .open_tree("meta")?
                        .insert(changes_log::COUNTS_KEY, &counts.to_bytes())?;
                    report.entries += from.len() as u64;
                    report.trees += 1;
                    progress(report.entries, total.max(report.entries));
                    continue;
                }
                let mut batch = sled::Batch::default();
                let mut in_batch = 0;
                for item in from.iter() {
                    let (key, value) = item?;
                    // The log's counts are the fold's, written with it (counted here all the
                    // same: the bar's end is the entries counted before the copy).
                    if &**name == b"meta" && &*key == changes_log::COUNTS_KEY {
                        report.entries += 1;
                        continue;
                    }
                    batch.insert(key, value);
                    in_batch += 1;
                    report.entries += 1;
                    if in_batch == BATCH {
                        to.apply_batch(std::mem::take(&mut batch))?;
                        in_batch = 0;
                        progress(report.entries, total.max(report.entries));
                        if stop() {
                            drop(to);
                            drop(fresh);
                            return self.stop_rewrite(&new_dir, imported, report);
                        }
                    }
                }
                to.apply_batch(batch)?;
                report.trees += 1;
                progress(report.entries, total.max(report.entries));
                if stop() {
                    drop(to);
                    drop(fresh);
                    return self.stop_rewrite(&new_dir, imported, report);
                }
            }
            fresh.flush()?;
        }
        drop(self);
        let ready = folder.join(READY);
        std::fs::File::create(&ready)
            .and_then(|f| f.sync_all())
            .map_err(|e| io(&ready, e))?;
        sync_dir(&folder);
        // sled lets go of its lock on the old `db` from a background thread.
        wait_until_unlocked(&folder.join("db"));
        finish_or_discard(&folder).map_err(|e| io(&folder, e))?;
        let store = Store::open_engine(&folder, options)?;
        report.bytes_after = sled_bytes(&folder);
        Ok((store, report))
    }
}

impl Store {
    /// Gives up a rewrite before its marker: the partial copy goes (or, if it cannot be removed
    /// now, at the next open, which removes a copy without a marker), the import count comes
    /// back, and this store, never closed, is handed back as it was.
    fn stop_rewrite(
        self,
        new_dir: &Path,
        imported: Option<Vec<u8>>,
        mut report: Rewrite,
    ) -> StoreResult<(Store, Rewrite)> {
        let _ = remove_any(new_dir);
        if let Some(count) = imported {
            self.meta_set(IMPORTED_KEY, &count)?;
            self.db.flush()?;
        }
        report.stopped = true;
        report.bytes_after = report.bytes_before;
        Ok((self, report))
    }
}

fn wait_until_unlocked(db: &PathBuf) {
    for _ in 0..80 {
        let Ok(file) = std::fs::File::open(db) else {
            return;
        };
        if fs2::FileExt::try_lock_exclusive(&file).is_ok() {
            let _ = fs2::FileExt::unlock(&file);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_interrupted_after_its_marker_is_finished_at_open_and_one_before_it_is_undone() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("store");
        std::fs::create_dir_all(folder.join("blobs")).unwrap();
        std::fs::write(folder.join("db"), b"old").unwrap();
        std::fs::write(folder.join("conf"), b"old conf").unwrap();
        std::fs::write(folder.join("snap.0000000000000001"), b"old snap").unwrap();
        std::fs::create_dir_all(folder.join("keys")).unwrap();
        // Before the marker: the copy goes, the old store stays.
        std::fs::create_dir_all(folder.join(NEW_DIR)).unwrap();
        std::fs::write(folder.join(NEW_DIR).join("db"), b"new").unwrap();
        finish_or_discard(&folder).unwrap();
        assert_eq!(std::fs::read(folder.join("db")).unwrap(), b"old");
        assert!(!folder.join(NEW_DIR).exists());
        // After the marker, with one new file already moved: the new store, whole.
        std::fs::create_dir_all(folder.join(NEW_DIR).join("blobs")).unwrap();
        std::fs::write(folder.join(NEW_DIR).join("db"), b"new").unwrap();
        std::fs::write(folder.join(NEW_DIR).join("conf"), b"new conf").unwrap();
        std::fs::write(folder.join(READY), b"").unwrap();
        finish_or_discard(&folder).unwrap();
        assert_eq!(std::fs::read(folder.join("db")).unwrap(), b"new");
        assert_eq!(std::fs::read(folder.join("conf")).unwrap(), b"new conf");
        assert!(!folder.join("snap.0000000000000001").exists());
        assert!(folder.join("keys").exists(), "the keys stay");
        assert!(!folder.join(READY).exists() && !folder.join(NEW_DIR).exists());
        // A crash while removing the old files: some are left, the copy is whole.
        std::fs::create_dir_all(folder.join(NEW_DIR)).unwrap();
        std::fs::write(folder.join(NEW_DIR).join("db"), b"newer").unwrap();
        std::fs::write(folder.join(NEW_DIR).join("conf"), b"newer conf").unwrap();
        std::fs::write(folder.join("snap.0000000000000002"), b"old snap").unwrap();
        std::fs::write(folder.join(READY), b"").unwrap();
        finish_or_discard(&folder).unwrap();
        assert!(!folder.join("snap.0000000000000002").exists());
        // A crash after `db` moved: the rest moves, nothing new is removed.
        std::fs::create_dir_all(folder.join(NEW_DIR)).unwrap();
        std::fs::write(folder.join(NEW_DIR).join("conf"), b"newest conf").unwrap();
        std::fs::write(folder.join(READY), b"").unwrap();
        finish_or_discard(&folder).unwrap();
        assert_eq!(std::fs::read(folder.join("conf")).unwrap(), b"newest conf");
        assert_eq!(std::fs::read(folder.join("db")).unwrap(), b"newer");
    }

    #[test]
    fn imports_counted_from_two_threads_at_once_are_all_counted() {
        let (_dir, store) = super::super::test_support::store_of(crate::model::Role::Manager);
        std::thread::scope(|scope| {
            for _ in 0..2 {
                scope.spawn(|| {
                    for _ in 0..300 {
                        store.note_imported(1).unwrap();
                    }
                });
            }
        });
        assert_eq!(store.imported_since_rewrite().unwrap(), 600);
    }
}
