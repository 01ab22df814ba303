//! What a crash can leave in a store folder that sled 0.34 itself trips over.
//!
//! sled writes its snapshot (the page table it recovers from) at every open that finds the log
//! advanced: to `snap.<lsn>.generating`, fsynced, then renamed to `snap.<lsn>`; only after the
//! rename does it delete the older snapshot. But when it looks for a snapshot to recover from, it
//! takes the last `snap.*` name in sort order, `.generating` files included. A process killed
//! while writing one (a `kill -9`, a laptop whose battery ran out, during the open that follows
//! an import) leaves a half file that refuses every later open with "Read corrupted data at file
//! offset None" (sled issue #1527; found by `scripts/crash-test.sh`).
//!
//! Such a file is by construction a snapshot that was never committed, and the snapshot it was to
//! replace is still in place, so removing it gives sled exactly the folder it had before the
//! interrupted open, which it recovers from as it would after any crash.

use std::path::{Path, PathBuf};

/// Removes the snapshots sled had not finished writing. Does nothing while another process holds
/// the store (sled's lock on `db`): that process may be writing one right now.
pub(crate) fn remove_unfinished_snapshots(folder: &Path) -> std::io::Result<usize> {
    let unfinished = unfinished_snapshots(folder)?;
    if unfinished.is_empty() {
        return Ok(0);
    }
    let lock = match std::fs::File::open(folder.join("db")) {
        Ok(db) => {
            if fs2::FileExt::try_lock_exclusive(&db).is_err() {
                return Ok(0);
            }
            Some(db)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    for path in &unfinished {
        std::fs::remove_file(path)?;
    }
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    if let Some(db) = lock {
        fs2::FileExt::unlock(&db)?;
    }
    Ok(unfinished.len())
}

fn unfinished_snapshots(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            found.push(entry.path());
        }
    }
    Ok(found)
}
