//! `kring compact`: the bytes gone, not only hidden.
//!
//! A sweep removes a forgotten person from every tree of the store, but sled keeps old values in
//! its log until it reuses the space, and copies of the person live in files beside the store.
//! [`Store::compact`] takes them all out in one step:
//!
//! - **backups** in `STORE/backups/` that hold something the sweep would drop are rewritten
//!   without it (same name, signed again, written to a temporary file and renamed over the old
//!   one); a backup Kring cannot read is listed, not touched;
//! - the **inbox** (`STORE/inbox/`, copies of bundles being imported) is emptied when no import is
//!   under way;
//! - **held files** (`STORE/pending/`, bundles of stores waiting for approval) and **relayed
//!   files** (`STORE/relay/`, colleagues' hand-overs kept to pass on) that hold the person are
//!   dropped: they are someone else's, signed by them, so they cannot be rewritten; the sender's
//!   next bundle brings what the approval needs, and the next sync pass takes a dropped relay's
//!   copy out of the sync folder;
//! - this store's **own files in the sync folder** that hold the person are dropped: the next
//!   sync pass writes a fresh one (the recipients' coverage says what they still lack);
//! - then the **store itself** is rewritten into a fresh database and swapped in
//!   (`store::compact`).
//!
//! Other stores' files in the sync folder, and copies made outside Kring (a backup copied to a
//! USB stick), are theirs: each store compacts its own once it has the forget.
//!
//! It sits above both data protection (what a sweep drops) and sync (the files it reads and
//! drops), so neither of them needs the other's error type.

use crate::model::Role;
use crate::protection::processing_log::Activity;
use crate::protection::sweep::{Sweep, Swept};
use crate::protection::ProtectionError;
use crate::store::compact::{Rewrite, WORTHWHILE_DATABASE_BYTES, WORTHWHILE_IMPORTED_RECORDS};
use crate::store::StoreError;
use crate::store::{OpenOptions, Store};
use crate::sync::bundle::{self, BundleError};
use crate::sync::SyncError;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What can stop a compaction.
#[derive(Debug, thiserror::Error)]
pub enum CompactError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Protection(#[from] ProtectionError),
    #[error(transparent)]
    Sync(#[from] SyncError),
}

impl CompactError {
    pub fn code(&self) -> &'static str {
        match self {
            CompactError::Store(e) => e.code().as_str(),
            CompactError::Protection(e) => e.code(),
            CompactError::Sync(e) => e.code().as_str(),
        }
    }

    /// The error in `language` (its English is the `Display` text).
    pub fn message(&self, language: kring_i18n::Language) -> String {
        match self {
            CompactError::Store(e) => e.message(language),
            CompactError::Protection(e) => e.message(language),
            CompactError::Sync(e) => e.message(language),
        }
    }
}

pub type CompactResult<T> = Result<T, CompactError>;

/// What a compaction did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CompactReport {
    pub rewrite: Rewrite,
    pub backups_rewritten: Vec<PathBuf>,
    pub backups_unreadable: Vec<PathBuf>,
    pub inbox_emptied: bool,
    /// Colleagues' files kept in the store that held the person: bundles held for approval
    /// (`STORE/pending/`) and hand-overs kept to pass on to the managers (`STORE/relay/`).
    pub held_dropped: Vec<PathBuf>,
    pub held_unreadable: Vec<PathBuf>,
    pub sync_files_dropped: Vec<PathBuf>,
}

/// What the store folder takes on disk, by what it holds, and whether compacting is due.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DiskUsage {
    /// sled's files: the records and their indexes. What a compaction shrinks.
    pub database_bytes: u64,
    /// The backups in `backups/`.
    pub backups_bytes: u64,
    /// Everything else in the folder: the search term file, keys, bundles being imported or
    /// held for approval.
    pub other_bytes: u64,
    /// A forget or a retention run removed data whose bytes stay in the files until the store is
    /// compacted.
    pub compaction_due: bool,
    /// Records imports added, changed or deleted since the last compaction.
    pub imported_since_compaction: u64,
    /// Imports wrote enough into a database large enough for a compaction to give back room
    /// worth the minute it takes (see [`imports_left_room`]).
    pub imports_left_room: bool,
    /// Compacting would give back room: something was forgotten, or imports wrote at least
    /// 10,000 records into a database of at least 64 MiB (a rewrite then frees a quarter to a
    /// half of it).
    pub compaction_suggested: bool,
}

/// Whether imports left enough behind to advise compacting: at least 10,000 records written into
/// a database of at least 64 MiB, of which a rewrite then gives back a quarter to a half
/// (`docs/performance.md`). Smaller gains are not worth a minute of a busy store.
pub fn imports_left_room(imported_records: u64, database_bytes: u64) -> bool {
    imported_records >= WORTHWHILE_IMPORTED_RECORDS && database_bytes >= WORTHWHILE_DATABASE_BYTES
}

/// Whether Settings › Disk space advises compacting: always after a forget or a retention run
/// (their bytes are still in the files), and when imports left room ([`imports_left_room`]).
pub fn compaction_suggested(
    compaction_due: bool,
    imported_records: u64,
    database_bytes: u64,
) -> bool {
    compaction_due || imports_left_room(imported_records, database_bytes)
}

/// Whether a bundle file holds anything the sweep drops. `Err` when it cannot be read.
fn holds_swept(store: &Store, path: &Path, sweep: &Sweep) -> Result<bool, BundleError> {
    let mut reader = store.open_bundle(path).map_err(|e| match e {
        SyncError::Bundle(inner) => inner,
        other => BundleError::Corrupt {
            path: path.to_owned(),
            reason: other.to_string(),
        },
    })?;
    while let Some(record) = reader.next_record()? {
        if sweep.apply(&record) != Swept::Unchanged {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Store {
    /// What the store folder takes on disk (it walks the folder: milliseconds).
    pub fn disk_usage(&self) -> crate::store::StoreResult<DiskUsage> {
        let folder = self.path();
        let database_bytes = crate::store::compact::sled_bytes(folder);
        let backups_bytes = crate::store::compact::bytes_of(&folder.join("backups"));
        let total = crate::store::compact::bytes_of(folder);
        let compaction_due = self.compaction_due()?;
        let imported_since_compaction = self.imported_since_rewrite()?;
        Ok(DiskUsage {
            database_bytes,
            backups_bytes,
            other_bytes: total.saturating_sub(database_bytes + backups_bytes),
            compaction_due,
            imported_since_compaction,
            imports_left_room: imports_left_room(imported_since_compaction, database_bytes),
            compaction_suggested: compaction_suggested(
                compaction_due,
                imported_since_compaction,
                database_bytes,
            ),
        })
    }

    /// Rewrites the store and the files beside it without what forgets and retention rules
    /// removed (see the module's documentation), and opens the store again.
    pub fn compact(
        self,
        options: &OpenOptions,
        now: DateTime<Utc>,
    ) -> CompactResult<(Store, CompactReport)> {
        self.compact_with_progress(options, now, &mut |_, _| {})
    }

    /// As [`Store::compact`], calling `progress(entries_copied, entries_in_all)` while the
    /// database is rewritten (the backups and files before it are quick beside it).
    pub fn compact_with_progress(
        self,
        options: &OpenOptions,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CompactResult<(Store, CompactReport)> {
        self.compact_stoppable(options, now, progress, &|| false)
    }

    /// As [`Store::compact_with_progress`], asking `stop()` while the database is copied: when
    /// it answers yes, the copy is given up and the same store handed back, its database as it
    /// was and a forget's compaction still due (`CompactReport::rewrite.stopped`). What was done
    /// before the copy (a forgotten person taken out of backups and files) stays done.
    pub fn compact_stoppable(
        self,
        options: &OpenOptions,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(u64, u64),
        stop: &dyn Fn() -> bool,
    ) -> CompactResult<(Store, CompactReport)> {
        crate::protection::erasure::apply_pending(&self, now)?;
        let sweep = self.sweep_at(now)?;
        let mut report = CompactReport::default();
        if !sweep.is_empty() {
            self.rewrite_backups(&sweep, &mut report)?;
            self.drop_held_files(&sweep, &mut report)?;
            self.drop_own_sync_files(&sweep, now, &mut report)?;
        }
        if self.meta_get(b"import_journal")?.is_none() {
            let inbox = self.path().join("inbox");
            if inbox.exists() {
                std::fs::remove_dir_all(&inbox).map_err(|e| ProtectionError::Write {
                    path: inbox.clone(),
                    reason: crate::files::write_failure(&e),
                })?;
                report.inbox_emptied = true;
            }
        }
        let due = self.compaction_due()?;
        self.clear_compaction_due()?;
        let (store, rewrite) = self.rewrite(options, progress, stop)?;
        if rewrite.stopped {
            if due {
                store.mark_compaction_due()?;
            }
            report.rewrite = rewrite;
            // What was taken out of backups and files before the copy stays done: it is logged.
            if !sweep.is_empty() {
                store.log_processing(
                    Activity::Compaction,
                    crate::protection::processing_log::ProcessingWhat::Compaction {
                        entries: 0,
                        backups: report.backups_rewritten.len() as u64,
                        held: report.held_dropped.len() as u64,
                        sync_files: report.sync_files_dropped.len() as u64,
                    },
                    0,
                    now,
                )?;
            }
            return Ok((store, report));
        }
        crate::open::finish_opening(&store)?;
        report.rewrite = rewrite;
        store.log_processing(
            Activity::Compaction,
            crate::protection::processing_log::ProcessingWhat::Compaction {
                entries: report.rewrite.entries,
                backups: report.backups_rewritten.len() as u64,
                held: report.held_dropped.len() as u64,
                sync_files: report.sync_files_dropped.len() as u64,
            },
            report.rewrite.entries,
            now,
        )?;
        Ok((store, report))
    }

    fn rewrite_backups(&self, sweep: &Sweep, report: &mut CompactReport) -> CompactResult<()> {
        let key = self.signing_key()?;
        for backup in self.backups() {
            match holds_swept(self, &backup.path, sweep) {
                Ok(false) => continue,
                Err(_) => {
                    report.backups_unreadable.push(backup.path);
                    continue;
                }
                Ok(true) => {}
            }
            let mut reader = self.open_bundle(&backup.path)?;
            let header = reader.header.clone();
            let records = std::iter::from_fn(|| loop {
                match reader.next_record() {
                    Ok(None) => return None,
                    Err(e) => return Some(Err(std::io::Error::other(e))),
                    Ok(Some(record)) => match sweep.apply(&record) {
                        Swept::Unchanged => return Some(Ok(record)),
                        Swept::Changed { state, .. } => return Some(Ok(state)),
                        Swept::Removed(_) => continue,
                    },
                }
            });
            let private = bundle::Sealing {
                recipients: Vec::new(),
                private_file: true,
            };
            bundle::write_bundle_sealed(&backup.path, header, records, &key, &private).map_err(
                |e| ProtectionError::Write {
                    path: backup.path.clone(),
                    reason: crate::files::write_failure(&e),
                },
            )?;
            report.backups_rewritten.push(backup.path);
        }
        Ok(())
    }

    fn drop_held_files(&self, sweep: &Sweep, report: &mut CompactReport) -> CompactResult<()> {
        for pending in self.pending_members()? {
            for file in &pending.held_files {
                if !file.exists() {
                    continue;
                }
                match holds_swept(self, file, sweep) {
                    Ok(false) => {}
                    Ok(true) => {
                        std::fs::remove_file(file).map_err(|e| ProtectionError::Write {
                            path: file.clone(),
                            reason: crate::files::write_failure(&e),
                        })?;
                        self.forget_held_file(&pending.identity.fingerprint, file)?;
                        report.held_dropped.push(file.clone());
                    }
                    Err(_) => report.held_unreadable.push(file.clone()),
                }
            }
        }
        for relay in self.relays()? {
            match holds_swept(self, &relay.path, sweep) {
                Ok(false) => {}
                Ok(true) => {
                    self.drop_relay(&relay.path)?;
                    report.held_dropped.push(relay.path);
                }
                Err(_) => report.held_unreadable.push(relay.path),
            }
        }
        Ok(())
    }

    fn drop_own_sync_files(
        &self,
        sweep: &Sweep,
        now: DateTime<Utc>,
        report: &mut CompactReport,
    ) -> CompactResult<()> {
        let status =
            crate::sync::folder::status(self, now, crate::sync::folder::DEFAULT_STALE_DAYS)?;
        let Some(root) = status.folder.or_else(|| {
            self.settings()
                .ok()
                .and_then(|s| s.sync_folder)
                .map(PathBuf::from)
        }) else {
            return Ok(());
        };
        let folder = crate::sync::folder::SyncFolder::new(root);
        let me = self.node_id();
        let own_dir = match self.require_profile()?.role {
            Role::Networker => folder.networker_dir(me),
            Role::Manager => folder.masters_dir(),
        };
        let Ok(entries) = std::fs::read_dir(&own_dir) else {
            return Ok(());
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let is_bundle = entry.file_type().is_ok_and(|t| t.is_file())
                && path.extension().is_some_and(|e| e == "kring");
            if !is_bundle {
                continue;
            }
            // Only this store's own files: another manager's masters are theirs.
            let ours = self
                .open_bundle(&path)
                .is_ok_and(|reader| reader.header.author_node == me);
            if ours && holds_swept(self, &path, sweep).unwrap_or(false) {
                std::fs::remove_file(&path).map_err(|e| ProtectionError::Write {
                    path: path.clone(),
                    reason: crate::files::write_failure(&e),
                })?;
                report.sync_files_dropped.push(path);
            }
        }
        Ok(())
    }
}
