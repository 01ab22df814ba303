//! Opening a store: the storage engine's own open (`store`), then what the features above it
//! finish before anyone reads the store. The engine knows none of them, so this sits above them
//! all; `Store::open` is the one every caller uses.
//!
//! In order: every local write from then on is held to the store's rights (`trust`), the
//! features' part of a schema migration (schema 3 brought the roster, and what
//! colleagues narrowed to summary or private is withdrawn as an import now withdraws it), then a
//! restore and an import a crash interrupted are rolled forward from their journals
//! (`sync::restore`, `sync::journal`), then a forget
//! whose sweep a crash interrupted, or that arrived in that import, is carried out
//! (`protection::erasure`).

use crate::store::{OpenOptions, Store, StoreError, StoreResult};
use std::path::Path;

impl Store {
    /// Opens (or creates) the store in `path`.
    pub fn open(path: &Path, options: &OpenOptions) -> StoreResult<Store> {
        let store = Store::open_engine_with(path, options, &backup_before_layout_change)?;
        let rewrite = store
            .migrating_from()
            .is_some_and(|found| found < crate::store::NO_KIND_INDEX);
        // A full disk or a read-only folder met while opening is named with the store's folder.
        finish_opening(&store).map_err(|e| e.at_store(path))?;
        if !rewrite {
            return Ok(store);
        }
        // The records were rewritten in place in the new layout (schema 4), or a quarter of the
        // entries dropped (schema 5), or a fifth (schema 6), or a quarter again (schema 7): a
        // fresh copy leaves the old bytes behind (sled keeps
        // overwritten and dropped pages in its log) and packs what is left into fewer pages,
        // which every later open pays for (at 100,000 cards: 1.74 GB → 0.82 GB, and 0.26–0.31 s
        // → 0.10–0.12 s of CPU to open). A crash during it leaves the migrated store as it is
        // (see `store::compact`); the next open just opens it.
        let renewed = store.node_renewed_from;
        let (mut store, _) = store
            .rewrite(options, &mut |_, _| {}, &|| false)
            .map_err(|e| e.at_store(path))?;
        store.node_renewed_from = renewed;
        finish_opening(&store).map_err(|e| e.at_store(path))?;
        Ok(store)
    }
}

/// The backup taken before a store's records are rewritten in a new layout (schema 4), in
/// `STORE/backups/` where `kring restore` finds it.
fn backup_before_layout_change(store: &Store) -> StoreResult<()> {
    let version = crate::store::SCHEMA_VERSION;
    store
        .backup_before(&format!("schema-{version}"), chrono::Utc::now())
        .map(|_| ())
        .map_err(|e| match e {
            crate::sync::SyncError::Store(inner) => inner,
            other => StoreError::Io(format!(
                "the backup before migrating to schema {version} failed: {other}"
            )),
        })
}

/// What the features finish on a store the engine has opened: also run on the store a
/// compaction reopens (`crate::compaction`), where each step finds nothing left to do.
pub(crate) fn finish_opening(store: &Store) -> StoreResult<()> {
    // Every local write is held to the store's rights (`trust`), from the first one on.
    store.check_writes_with(Box::new(|store, me, changes| {
        store.check_local_writes(me, changes)
    }));
    if let Some(found) = store.migrating_from() {
        let now = chrono::Utc::now();
        if found < 3 {
            let peers = store
                .peers()
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.node, (p.name, p.role)))
                .collect();
            crate::trust::adopt_roster(store, &peers, now)?;
            crate::sync::withdraw_narrowed(store, now)?;
        }
        if found < crate::store::NO_KIND_INDEX {
            // Done by `apply_pending` below (and again at the next open should a crash stop it).
            crate::protection::erasure::sweep_every_forget_again(store)?;
        }
        store.finish_migration()?;
    }
    // A restore, then an import, that a crash interrupted is finished (a restore is undone if
    // what it staged cannot be read) before anyone reads the store.
    crate::sync::restore::roll_forward(store).map_err(journal_error("restore journal"))?;
    crate::sync::journal::roll_forward(store).map_err(journal_error("import journal"))?;
    // A forget whose sweep a crash interrupted (or that arrived in the import just rolled
    // forward) is finished before anyone reads the store.
    let at = crate::protection::erasure::store_time(store);
    crate::protection::erasure::apply_pending(store, at)?;
    Ok(())
}

/// A journal that cannot be finished is named as what cannot be read, unless the store itself
/// failed (a full disk, say), which says so in its own words.
fn journal_error(journal: &'static str) -> impl Fn(crate::sync::SyncError) -> StoreError {
    move |error| match error {
        crate::sync::SyncError::Store(inner) => inner,
        other => StoreError::Corrupt {
            id: journal.into(),
            reason: other.to_string(),
        },
    }
}
