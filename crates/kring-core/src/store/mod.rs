//! The embedded store: Kring's records and indexes in sled, behind domain operations.
//!
//! No sled type leaks out of this module, so another engine stays possible. Records live in one
//! tree per kind (`records.person`, …) as encoded [`RecordState`]s; secondary indexes live in trees
//! of their own (see [`indexes`]). Every commit writes in one sled transaction across all the
//! trees it touches, bracketed by an undo image (see [`undo`]: sled can recover a transaction in
//! part), and flushes before it returns, so a crash leaves the store as before or as after.
//!
//! Writes are serialised by a mutex around the hybrid logical clock; reads go straight to sled.
//! A writer reads before it takes the mutex, so a commit applies its writes to records another
//! commit changed in between instead of overwriting them (see [`Interleaving`]).

pub(crate) mod changes_log;
pub mod check;
mod check_finding;
pub mod compact;
pub(crate) mod derived;
mod identity;
pub mod indexes;
#[cfg(test)]
mod interleaving_tests;
pub mod layout;
mod pages;
pub(crate) mod private_contact;
mod purge;
mod records_trees;
mod recovery;
pub mod search;
mod term_file;
#[cfg(test)]
pub(crate) mod test_support;
pub(crate) mod undo;

use crate::clock::{Hlc, HybridClock, NodeId, Stamp, VersionVector};
use crate::crdt::{envelope, FieldVersion, RecordState};
pub use crate::error::{ProblemCode, StoreError, StoreResult};
use crate::model::{RecordBody, RecordId, RecordKind, Role, ValidationError, Visibility};
use chrono::{DateTime, Utc};
use indexes::{Index, TermContribution};
pub use pages::prefer_small_pages;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The schema this Kring writes. Older stores are migrated at open; newer ones are refused.
/// Schema 4 is the compact record layout ([`layout`]); schema 5 keeps search terms only per
/// record (`index.terms` retired, see [`indexes::RETIRED_TREES`]); schema 6 keeps the records a
/// delta export looks at in a log of commits instead of an index entry per record
/// ([`changes_log`]); schema 7 finds a record by its id in the records trees themselves, without
/// a kind index entry per record ([`records_trees`]).
pub const SCHEMA_VERSION: u32 = 7;

/// The first schema with the compact record layout.
pub(crate) const COMPACT_LAYOUT: u32 = 4;

/// The first schema without the per-term search index.
pub(crate) const TERMS_PER_RECORD_ONLY: u32 = 5;

/// The first schema with the changes log instead of the changes index.
pub(crate) const CHANGES_LOG: u32 = 6;

/// The first schema without the kind index (`index.kind_by_id`).
pub(crate) const NO_KIND_INDEX: u32 = 7;

/// The tree of the kind index, which schema 6 and before kept and the migration drops.
const RETIRED_KIND_INDEX: &str = "index.kind_by_id";

/// sled's page cache. Its default grew memory well past a gigabyte in the sync prototype.
pub const DEFAULT_CACHE_BYTES: u64 = 64 * 1024 * 1024;

pub(crate) mod meta_key {
    pub const SCHEMA_VERSION: &[u8] = b"schema_version";
    pub const NODE_ID: &[u8] = b"node_id";
    pub const CLOCK: &[u8] = b"clock";
    pub const VERSION_VECTOR: &[u8] = b"version_vector";
    pub const COVERAGE: &[u8] = b"coverage";
    pub const PROFILE: &[u8] = b"profile";
    pub const SETTINGS: &[u8] = b"settings";
    /// Renewed (at random) by every commit that changes a search term: which state of the term
    /// index the term file must describe (`search::term_file_stamp`).
    pub const TERMS_STAMP: &[u8] = b"terms_stamp";
}

/// Who owns this store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Profile {
    /// The owner's networker card.
    pub networker: RecordId,
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// How often the app syncs through its folder unless the settings say otherwise: once a day.
pub const DEFAULT_SYNC_EVERY_HOURS: u32 = 24;

/// Preferences kept in the store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Settings {
    /// The visibility a new record gets when none is given.
    pub default_visibility: Visibility,
    /// The shared folder the app syncs through (see `sync::folder`); none when syncing by hand.
    pub sync_folder: Option<String>,
    /// How often the app syncs through the folder, in hours (it also syncs on quit and on demand).
    pub sync_every_hours: u32,
    /// The app's language (`nl`, `fr`, `de` or `en`); none follows the operating system's.
    pub language: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            default_visibility: Visibility::Shared,
            sync_folder: None,
            sync_every_hours: DEFAULT_SYNC_EVERY_HOURS,
            language: None,
        }
    }
}

/// How to open a store.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    pub cache_bytes: u64,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            cache_bytes: DEFAULT_CACHE_BYTES,
        }
    }
}

impl OpenOptions {
    /// For a command that reads the whole store once (`kring check`): a small cache, since
    /// each page is read once. sled counts a cached page at a fraction of the memory it takes:
    /// at 100,000 cards a check with the default 64 MB cache peaked at 548 MB, with 16 MB at
    /// 388 MB and with 4 MB at 336 MB, in the same 13–16 s.
    pub fn reading_once_through() -> Self {
        OpenOptions {
            cache_bytes: 16 * 1024 * 1024,
        }
    }
}

/// An open Kring store.
pub struct Store {
    db: sled::Db,
    path: PathBuf,
    meta: sled::Tree,
    indexes: BTreeMap<Index, sled::Tree>,
    history: sled::Tree,
    /// Which records each commit wrote, for delta exports ([`changes_log`]).
    changes_log: sled::Tree,
    /// Records to send again in the next delta because a card they refer to was made visible:
    /// own node ‖ the widening's time ‖ record id (the layout of schema 5's changes index). A delta
    /// carries them when its base has not seen that time, with the reference it used to leave
    /// out (see `sync::ExportFilter`).
    resend: sled::Tree,
    /// The records trees, in the order a lookup by id tries them.
    records_trees: records_trees::RecordsTrees,
    writer: Mutex<WriterState>,
    /// The term index once loaded (the app at start-up, a command line at its first search): the
    /// term file, or a map in memory; kept in step with every commit.
    memory_index: std::sync::RwLock<Option<search::LoadedIndex>>,
    /// Values derived from records (networkers' names, identity groups) kept between reads and
    /// built again after a commit changes what they were read from (see [`derived`]).
    derived: derived::Derived,
    /// Set when the store noticed at open that its folder was copied and took a new node id.
    pub node_renewed_from: Option<NodeId>,
    /// The secret keys, read from their file on first use and kept here by `trust::keys`, whose
    /// type the engine does not know (see `key_slot`).
    keys: Mutex<Option<KeySlot>>,
    /// Told the ids of the records each commit wrote, once it is on disk (`observe_commits`).
    commit_observer: std::sync::RwLock<Option<CommitObserver>>,
    /// The schema version found at open, while a migration is not finished (`finish_migration`).
    migrating_from: Option<u32>,
    /// What every local commit is held to before it is written (the store's rights, installed
    /// by `crate::open`; the engine does not know the rules).
    write_check: std::sync::OnceLock<WriteCheck>,
    /// Set when a commit failed to write (a full disk): sled takes no write after that until the
    /// store is opened again, so later commits say so (`StoreError::WritesStopped`).
    writes_stopped: std::sync::atomic::AtomicBool,
}

/// A rule every local commit must pass (see `Store::check_writes_with`), given this store's node.
/// It runs under the writer's lock, on the changes as they will be written: it must not take
/// the lock itself (`Store::node_id` does; the node is handed to it).
pub(crate) type WriteCheck =
    Box<dyn Fn(&Store, NodeId, &[RecordChange]) -> StoreResult<()> + Send + Sync>;

/// What `trust::keys` keeps in an open store: its keys, of a type the engine does not name.
pub(crate) type KeySlot = std::sync::Arc<dyn std::any::Any + Send + Sync>;

/// What `Store::observe_commits` calls after every commit: the ids of the records it wrote.
/// Called on the writing thread, under the writer's lock: it should note them and return.
pub type CommitObserver = Box<dyn Fn(&[RecordId]) + Send + Sync>;

struct WriterState {
    clock: HybridClock,
    /// The largest stamp seen from each node (in records this store holds).
    version_vector: VersionVector,
    /// This store's exact causal context for other nodes: for each node, every write it made up
    /// to that time is merged here (or was refused here). Its own node is implied (see
    /// [`Store::coverage`]). Only imports advance it, by what a bundle provably conveys; see
    /// `sync::causal`.
    coverage: VersionVector,
    /// Where the commits stand: see [`CommitPoint`].
    point: CommitPoint,
}

/// How many commits and whole-store replacements (restores) this open store has made. A writer
/// that notes it before reading and hands it to its commit lets the commit skip looking for
/// records changed meanwhile when there was no commit in between (an import's chunk).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CommitPoint {
    pub commits: u64,
    pub replacements: u64,
}

/// Where an import stands: the point it began at and the one it read its chunk from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ImportPoints {
    pub began: CommitPoint,
    pub read_from: CommitPoint,
}

/// How a commit treats a record that another commit changed after this one read it: an import
/// on the sync folder's thread beside an edit in the app each read, merge and then commit, and
/// writing what was made of a stale read would undo the other's write for good (the import
/// counts its bundle as received, so no delta brings it again).
///
/// A change is rebased onto the record as stored now: what it added since its `before` (new
/// versions and set tags, `RecordState::written_since`) is merged in, and what it took away
/// without superseding (a narrowing's fields, a sweep's cleared value or dropped element,
/// `RecordState::taken_since`) is taken away again, so both writes stay and neither brings back
/// what the other withdrew. A record removed meanwhile (a forget) is not brought back, and a
/// removal takes out the record as stored now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Interleaving {
    /// Nothing read can be stale: the store is replaced whole (a restore).
    Replace,
    /// A local write: rebased, then held to the store's rights (`check_writes_with`) as it will
    /// be written.
    Local,
    /// What an import (or the store itself) merged: rebased. With `read_from`, nothing is looked
    /// at when no commit came between.
    Merged { read_from: Option<CommitPoint> },
    /// A sweep's change or removal of a record changed meanwhile is not written: the record's
    /// id is returned, and the sweep reads it again.
    Skip,
}

impl Interleaving {
    /// Whether what the commit read may have changed before it took the writer's lock.
    fn may_be_stale(self, point: &CommitPoint) -> bool {
        match self {
            Interleaving::Replace => false,
            Interleaving::Merged {
                read_from: Some(read_from),
            } => read_from != *point,
            _ => true,
        }
    }
}

/// What an import makes, under the writer's lock, of a record another commit changed after the
/// import read it. An import sweeps what it merges (`protection::sweep`: forgets, retention rules
/// judged by the record's own dates), so rebasing its change is not enough: its verdict was made
/// on the record as read, and an edit since (a corrected date) may have changed it.
pub(crate) enum Rejudged {
    /// Write this state, made from the record as stored now.
    Write {
        after: RecordState,
        superseded: Vec<(String, FieldVersion)>,
    },
    /// Take the record, as stored now, out of the store.
    Remove,
}

/// Asked with the record as stored now and the import's change as read (none for a removal);
/// `None` leaves the record to the plain rebase.
pub(crate) type Rejudge<'a> = &'a dyn Fn(&RecordState, Option<&RecordChange>) -> Option<Rejudged>;

/// What a commit did beyond writing.
#[derive(Debug, Default)]
pub(crate) struct Committed {
    /// Where the commits stand right after this one.
    pub point: CommitPoint,
    /// Records left unwritten because they changed meanwhile ([`Interleaving::Skip`]).
    pub skipped: Vec<RecordId>,
}

/// One record's state before and after a write.
pub(crate) struct RecordChange {
    pub before: Option<RecordState>,
    pub after: RecordState,
    pub superseded: Vec<(String, FieldVersion)>,
}

fn record_tree_name(kind: &str) -> String {
    format!("records.{kind}")
}

/// What a write that would change a record's kind is told (see `Store::commit_inner`).
fn kind_change_refused(before: &RecordState, after: &RecordState) -> StoreError {
    let id = RecordId(before.id);
    match after.kind.parse::<RecordKind>() {
        Ok(expected) => StoreError::WrongKind {
            id,
            actual: before.kind.clone(),
            expected,
        },
        // A kind this Kring does not know (a newer one's): said in the error's own words.
        Err(_) => StoreError::Io(format!(
            "{id} is a {}, and a write would have made it a {}: a record never changes kind",
            before.kind, after.kind
        )),
    }
}

/// A record's state as stored (see [`layout`]).
pub(crate) fn encode_state(state: &RecordState) -> Vec<u8> {
    layout::encode(state)
}

/// A record's state from what is stored under its id (either layout, see [`layout`]).
pub(crate) fn decode_state(id: &[u8], bytes: &[u8]) -> StoreResult<RecordState> {
    let corrupt = |reason: String| StoreError::Corrupt {
        id: RecordId::from_slice(id).map_or_else(|| format!("{id:?}"), |r| r.to_string()),
        reason,
    };
    let record = RecordId::from_slice(id).ok_or_else(|| corrupt("a key that is no id".into()))?;
    layout::decode(record.0, bytes).map_err(corrupt)
}

pub(crate) fn json_bytes(value: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON values always serialise")
}

impl Store {
    /// Opens (or creates) the storage engine in `path` alone: what the features above it finish
    /// at open (an import's roll-forward, a pending erasure, their part of a migration) is
    /// `Store::open`'s business (`crate::open`), which everyone but the engine itself calls.
    pub(crate) fn open_engine(path: &Path, options: &OpenOptions) -> StoreResult<Store> {
        Self::open_engine_with(path, options, &|_| Ok(()))
    }

    /// Opens the storage engine as `open_engine` does, running `before_layout_change` on a store
    /// whose records are about to be rewritten in a new layout (`crate::open` takes a backup).
    pub(crate) fn open_engine_with(
        path: &Path,
        options: &OpenOptions,
        before_layout_change: &dyn Fn(&Store) -> StoreResult<()>,
    ) -> StoreResult<Store> {
        // A full disk or a read-only folder met while opening is named with the store's folder.
        Self::open_folder(path, options, before_layout_change).map_err(|e| e.at_store(path))
    }

    fn open_folder(
        path: &Path,
        options: &OpenOptions,
        before_layout_change: &dyn Fn(&Store) -> StoreResult<()>,
    ) -> StoreResult<Store> {
        // The store holds private records and its keys: its folder is its owner's alone,
        // whatever the umask (and a store made before this is tightened when it opens).
        crate::files::create_private_dir(path).map_err(|e| match StoreError::from_io(&e) {
            StoreError::Io(reason) => StoreError::Open {
                path: path.to_owned(),
                reason,
            },
            other => other,
        })?;
        let config = sled::Config::new()
            .path(path)
            .cache_capacity(options.cache_bytes)
            .mode(sled::Mode::LowSpace);
        // sled releases its file lock from a background thread shortly after the last handle is
        // dropped, so a store closed a moment ago can still look busy: retry briefly before
        // telling the user it is in use.
        let mut attempts = 0;
        let db = loop {
            // A snapshot a crash interrupted would refuse the open (see `recovery`).
            recovery::remove_unfinished_snapshots(path).map_err(|e| StoreError::Open {
                path: path.to_owned(),
                reason: format!("a snapshot a crash left unfinished cannot be removed: {e}"),
            })?;
            // A rewrite (`kring compact`) a crash interrupted: finished, or undone.
            compact::finish_or_discard(path).map_err(|e| StoreError::Open {
                path: path.to_owned(),
                reason: format!("a compaction a crash interrupted cannot be finished: {e}"),
            })?;
            match config.open().map_err(|e| open_error(path, e)) {
                Err(StoreError::InUse { .. }) if attempts < 20 => {
                    attempts += 1;
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                other => break other?,
            }
        };
        match Self::open_trees(path, db.clone(), before_layout_change) {
            Ok(store) => Ok(store),
            Err(error) => {
                // sled 0.34 flushes when the last handle is dropped, and after a write failed
                // on a full disk that flush waits for ever: the caller would hang instead of
                // hearing what is wrong. The last handle goes to a thread of its own, which a
                // command line ends by exiting; what was committed before is on disk either way.
                std::thread::spawn(move || drop(db));
                Err(error)
            }
        }
    }

    /// The trees, the identity and the clock of an opened database, and the migration it needs.
    fn open_trees(
        path: &Path,
        db: sled::Db,
        before_layout_change: &dyn Fn(&Store) -> StoreResult<()>,
    ) -> StoreResult<Store> {
        let meta = db.open_tree("meta")?;
        let mut rebuild_indexes_from = None;
        let found_schema = meta
            .get(meta_key::SCHEMA_VERSION)?
            .and_then(|v| v.as_ref().try_into().ok().map(u32::from_be_bytes));
        match found_schema {
            Some(found) if found > SCHEMA_VERSION => {
                return Err(StoreError::SchemaTooNew {
                    path: path.to_owned(),
                    found,
                    supported: SCHEMA_VERSION,
                })
            }
            Some(found) if found < SCHEMA_VERSION => rebuild_indexes_from = Some(found),
            Some(_) => {}
            None => {
                meta.insert(meta_key::SCHEMA_VERSION, &SCHEMA_VERSION.to_be_bytes())?;
            }
        }
        // A commit a crash or a full disk stopped half-way is undone before anything is read
        // (after the schema check: a store a newer Kring wrote is not touched).
        undo::undo_if_interrupted(&db, &meta)?;
        let mut indexes = BTreeMap::new();
        for index in Index::ALL {
            indexes.insert(*index, db.open_tree(index.tree_name())?);
        }
        let history = db.open_tree("history")?;
        let resend = db.open_tree("resend")?;
        let changes_log = db.open_tree(changes_log::TREE)?;
        let records_trees = records_trees::RecordsTrees::read(&db)?;
        let identity = identity::establish(&meta, path)?;
        let last = meta
            .get(meta_key::CLOCK)?
            .and_then(|v| Hlc::from_key_bytes(&v))
            .unwrap_or(Hlc::ZERO);
        let version_vector = match meta.get(meta_key::VERSION_VECTOR)? {
            Some(bytes) => postcard::from_bytes(&bytes).map_err(|e| StoreError::Corrupt {
                id: "version vector".into(),
                reason: e.to_string(),
            })?,
            None => VersionVector::default(),
        };
        let coverage = match meta.get(meta_key::COVERAGE)? {
            Some(bytes) => postcard::from_bytes(&bytes).map_err(|e| StoreError::Corrupt {
                id: "coverage".into(),
                reason: e.to_string(),
            })?,
            None => VersionVector::default(),
        };
        let mut coverage = coverage;
        if let Some(old) = identity.renewed_from {
            // A copied folder holds every write of the node it was copied from, up to its clock.
            coverage.0.insert(old, last);
            meta.insert(
                meta_key::COVERAGE,
                postcard::to_stdvec(&coverage).expect("vectors encode"),
            )?;
        }
        db.flush()?;
        let store = Store {
            db,
            path: path.to_owned(),
            meta,
            indexes,
            history,
            changes_log,
            resend,
            records_trees,
            memory_index: std::sync::RwLock::new(None),
            derived: derived::Derived::default(),
            commit_observer: std::sync::RwLock::new(None),
            writer: Mutex::new(WriterState {
                clock: HybridClock::new(identity.node, last),
                version_vector,
                coverage,
                point: CommitPoint::default(),
            }),
            node_renewed_from: identity.renewed_from,
            keys: Mutex::new(None),
            migrating_from: rebuild_indexes_from,
            write_check: std::sync::OnceLock::new(),
            writes_stopped: std::sync::atomic::AtomicBool::new(false),
        };
        if let Some(found) = rebuild_indexes_from {
            store.forget_term_file()?;
            migrate(&store, found, before_layout_change)?;
        }
        Ok(store)
    }

    /// Whether a commit failed to write since the store was opened (a full disk): sled then
    /// answers no write, and possibly no read, until the store is opened again.
    pub fn writes_stopped(&self) -> bool {
        self.writes_stopped
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Stops writes as a failed commit does: for the tests of what the layers above say then
    /// (a full disk cannot be made on demand).
    #[doc(hidden)]
    pub fn stop_writes_as_after_a_failure(&self) {
        self.writes_stopped
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// Holds every local commit from now on to `check` (a refusal writes nothing). Set once, by
    /// `crate::open`; a second call is ignored.
    pub(crate) fn check_writes_with(&self, check: WriteCheck) {
        let _ = self.write_check.set(check);
    }

    /// The schema version this store was written with, while the features above the engine have
    /// their part of its migration to do (`crate::open`); `None` once it is done.
    pub(crate) fn migrating_from(&self) -> Option<u32> {
        self.migrating_from
    }

    /// Records that the migration is complete: written last, so a crash before it runs the
    /// migration again at the next open (every step of it may run twice).
    pub(crate) fn finish_migration(&self) -> StoreResult<()> {
        self.meta
            .insert(meta_key::SCHEMA_VERSION, &SCHEMA_VERSION.to_be_bytes())?;
        self.db.flush()?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema the store's files are written in (after the migration at open: this Kring's).
    pub fn schema_version(&self) -> StoreResult<u32> {
        Ok(self
            .meta
            .get(meta_key::SCHEMA_VERSION)?
            .and_then(|v| v.as_ref().try_into().ok().map(u32::from_be_bytes))
            .unwrap_or(0))
    }

    pub fn node_id(&self) -> NodeId {
        self.writer().clock.node()
    }

    pub fn version_vector(&self) -> VersionVector {
        self.writer().version_vector.clone()
    }

    /// What this store provably holds: for each node, the time up to which every one of its
    /// writes has been merged here (or refused here); for this store's own node, its latest
    /// write (it holds all of its own). A delta export to a store plans from that store's
    /// coverage, so it carries everything the recipient lacks, whatever route the writes took.
    pub fn coverage(&self) -> VersionVector {
        let writer = self.writer();
        let mut coverage = writer.coverage.clone();
        let node = writer.clock.node();
        let own = writer.version_vector.get(node);
        coverage.0.remove(&node);
        if own > Hlc::ZERO {
            coverage.0.insert(node, own);
        }
        coverage
    }

    fn writer(&self) -> std::sync::MutexGuard<'_, WriterState> {
        // A panic while holding the lock leaves nothing half-written in sled (writes are
        // transactional), so the state behind a poisoned lock is still sound.
        self.writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn index(&self, index: Index) -> &sled::Tree {
        &self.indexes[&index]
    }

    fn records_tree(&self, kind: &str) -> StoreResult<sled::Tree> {
        Ok(self.db.open_tree(record_tree_name(kind))?)
    }

    /// The records tree of a kind if the store has one: reading a kind must not create its tree
    /// (the kinds a store lists are those it holds records of).
    fn existing_records_tree(&self, kind: &str) -> StoreResult<Option<sled::Tree>> {
        let name = record_tree_name(kind);
        if self
            .db
            .tree_names()
            .iter()
            .any(|t| t.as_ref() == name.as_bytes())
        {
            Ok(Some(self.db.open_tree(name)?))
        } else {
            Ok(None)
        }
    }

    /// The kinds that have a records tree in this store, including kinds from newer versions.
    pub(crate) fn stored_kinds(&self) -> Vec<String> {
        records_trees::kinds_stored_in(&self.db)
    }

    // ----- profile and settings -------------------------------------------------------------

    pub fn profile(&self) -> StoreResult<Option<Profile>> {
        self.meta_json(meta_key::PROFILE)
    }

    pub fn require_profile(&self) -> StoreResult<Profile> {
        self.profile()?.ok_or(StoreError::NotInitialised)
    }

    pub fn settings(&self) -> StoreResult<Settings> {
        Ok(self.meta_json(meta_key::SETTINGS)?.unwrap_or_default())
    }

    pub fn set_settings(&self, settings: &Settings) -> StoreResult<()> {
        self.meta.insert(
            meta_key::SETTINGS,
            json_bytes(&serde_json::to_value(settings).expect("settings serialise")),
        )?;
        self.db.flush()?;
        Ok(())
    }

    fn meta_json<T: serde::de::DeserializeOwned>(&self, key: &[u8]) -> StoreResult<Option<T>> {
        match self.meta.get(key)? {
            None => Ok(None),
            Some(bytes) => {
                serde_json::from_slice(&bytes)
                    .map(Some)
                    .map_err(|e| StoreError::Corrupt {
                        id: String::from_utf8_lossy(key).into_owned(),
                        reason: e.to_string(),
                    })
            }
        }
    }

    /// Sets up the store for its owner: creates their networker card and records the role.
    pub fn init(
        &self,
        name: &str,
        email: &str,
        role: Role,
        now: DateTime<Utc>,
    ) -> StoreResult<Profile> {
        let id = RecordId::new_v7(now.timestamp_millis() as u64);
        self.init_as(id, name, email, role, now)
    }

    /// `init` with the id of the owner's networker card given, for stores that must come out the
    /// same on every run (the UI tests' golden answers).
    pub fn init_as(
        &self,
        id: RecordId,
        name: &str,
        email: &str,
        role: Role,
        now: DateTime<Utc>,
    ) -> StoreResult<Profile> {
        if let Some(existing) = self.profile()? {
            return Err(StoreError::AlreadyInitialised {
                name: existing.name,
            });
        }
        let networker = crate::model::Networker {
            name: name.trim().to_owned(),
            email: Some(email.trim().to_owned()),
            unit: None,
            job_title: None,
            status: Some(crate::model::NetworkerStatus::Active),
        };
        validate_json(RecordKind::Networker, &body_json(&networker))?;
        let profile = Profile {
            networker: id,
            name: networker.name.clone(),
            email: networker.email.clone().unwrap_or_default(),
            role,
        };
        let state = self.build_state(id, &networker, Visibility::Shared, Some(id), now)?;
        let profile_bytes = serde_json::to_vec(&profile).expect("profile serialises");
        self.commit(
            vec![RecordChange {
                before: None,
                after: state,
                superseded: Vec::new(),
            }],
            vec![(meta_key::PROFILE.to_vec(), profile_bytes)],
            now,
        )?;
        Ok(profile)
    }

    /// Where `trust::keys` keeps this store's keys once read (the engine holds them, nothing
    /// more).
    pub(crate) fn key_slot(&self) -> std::sync::MutexGuard<'_, Option<KeySlot>> {
        self.keys.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Schema 2 kept the signing key in the database: it is gone from there once the key file
    /// holds a new one, so the old bytes left in sled's log sign nothing.
    pub(crate) fn forget_database_signing_key(&self) -> StoreResult<()> {
        if self.meta.contains_key(b"signing_key")? {
            self.meta.remove(b"signing_key")?;
            self.db.flush()?;
        }
        Ok(())
    }

    // ----- reading -----------------------------------------------------------------------------

    /// The kind of a record, if it exists (deleted or not): the kind of the records tree that
    /// holds it.
    pub fn kind_of(&self, id: RecordId) -> StoreResult<Option<String>> {
        Ok(self
            .records_trees
            .find(id.as_bytes(), None)?
            .map(|(kind, _)| kind))
    }

    /// The replicated state of a record, deleted or not.
    pub fn state(&self, id: RecordId) -> StoreResult<Option<RecordState>> {
        self.state_expecting(id, None)
    }

    /// The replicated state of a record, deleted or not, looked for among the records of
    /// `likely` first: for a caller that knows which kind the record should be (it is found
    /// whatever its kind).
    pub(crate) fn state_expecting(
        &self,
        id: RecordId,
        likely: Option<&str>,
    ) -> StoreResult<Option<RecordState>> {
        // A record found among another kind's records (only damage puts it there, and `kring
        // check` reports it) is read as it is: refusing it would stop every sweep, and with a
        // forget pending, every open, `kring check --repair` included.
        match self.records_trees.find(id.as_bytes(), likely)? {
            Some((_, bytes)) => decode_state(id.as_bytes(), &bytes).map(Some),
            None => Ok(None),
        }
    }

    /// The state of a live (not deleted) record.
    pub fn live_state(&self, id: RecordId) -> StoreResult<Option<RecordState>> {
        Ok(self.state(id)?.filter(|s| !s.is_deleted()))
    }

    /// A typed record, if it exists, is live and is of kind `T`.
    pub fn get<T: RecordBody>(&self, id: RecordId) -> StoreResult<Option<T>> {
        let Some(state) = self
            .state_expecting(id, Some(T::KIND.as_str()))?
            .filter(|s| !s.is_deleted())
        else {
            return Ok(None);
        };
        if state.kind != T::KIND.as_str() {
            return Err(StoreError::WrongKind {
                id,
                actual: state.kind,
                expected: T::KIND,
            });
        }
        body_of(&state).map(Some)
    }

    /// Every live record of one kind.
    pub fn all_of_kind(&self, kind: RecordKind) -> StoreResult<Vec<RecordState>> {
        let mut out = Vec::new();
        for item in self.records_tree(kind.as_str())?.iter() {
            let (key, value) = item?;
            let state = decode_state(&key, &value)?;
            if !state.is_deleted() {
                out.push(state);
            }
        }
        Ok(out)
    }

    /// Ids in an index under a prefix, in key order (the id is the last 16 bytes of each key).
    pub(crate) fn ids_with_prefix(
        &self,
        index: Index,
        prefix: &[u8],
    ) -> StoreResult<Vec<RecordId>> {
        let mut ids = Vec::new();
        for item in self.index(index).scan_prefix(prefix) {
            let (key, _) = item?;
            if let Some(id) = key
                .len()
                .checked_sub(16)
                .and_then(|at| RecordId::from_slice(&key[at..]))
            {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    // ----- writing -----------------------------------------------------------------------------

    /// Builds the state of a new record from a typed body. Does not write it.
    fn build_state<T: RecordBody>(
        &self,
        id: RecordId,
        body: &T,
        visibility: Visibility,
        author: Option<RecordId>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordState> {
        let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
        let mut state = RecordState::new(id.0, T::KIND.as_str());
        let created = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        state.write(envelope::CREATED_AT, json_bytes(&created.into()), stamp);
        state.write(
            envelope::VISIBILITY,
            json_bytes(&visibility.as_str().into()),
            stamp,
        );
        if let Some(author) = author {
            state.write(
                envelope::AUTHOR,
                json_bytes(&author.to_string().into()),
                stamp,
            );
        }
        apply_body(&mut state, T::KIND, &body_json(body), None, stamp, true);
        Ok(state)
    }

    fn check_references<T: RecordBody>(&self, body: &T) -> StoreResult<()> {
        for (field, id, kinds) in body.references() {
            let kind = self.live_state(id)?.map(|s| s.kind);
            check_reference(field, id, kind.as_deref(), kinds)?;
        }
        Ok(())
    }

    /// Creates a record with a new id.
    pub fn create<T: RecordBody>(
        &self,
        body: &T,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        let id = RecordId::new_v7(now.timestamp_millis() as u64);
        self.create_with_id(id, body, visibility, now)?;
        Ok(id)
    }

    /// Creates a record with a given id (a natural identity), or updates it if it exists.
    pub fn create_with_id<T: RecordBody>(
        &self,
        id: RecordId,
        body: &T,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        validate_json(T::KIND, &body_json(body))?;
        self.check_references(body)?;
        let asked_visibility = visibility;
        let visibility = match visibility {
            Some(v) => v,
            None => self.settings()?.default_visibility,
        };
        let author = self.profile()?.map(|p| p.networker);
        let before = self.state(id)?;
        let change = match before {
            Some(existing) => {
                let mut after = existing.clone();
                let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
                let mut superseded =
                    apply_body(&mut after, T::KIND, &body_json(body), None, stamp, false);
                if let Some(visibility) = asked_visibility {
                    superseded.extend(write_field(
                        &mut after,
                        envelope::VISIBILITY,
                        visibility.as_str().into(),
                        stamp,
                    ));
                }
                if existing.is_deleted() {
                    superseded.extend(write_field(
                        &mut after,
                        envelope::DELETED,
                        false.into(),
                        stamp,
                    ));
                }
                RecordChange {
                    before: Some(existing),
                    after,
                    superseded,
                }
            }
            None => RecordChange {
                before: None,
                after: self.build_state(id, body, visibility, author, now)?,
                superseded: Vec::new(),
            },
        };
        self.commit(vec![change], Vec::new(), now)
    }

    /// Replaces a record's body; only the fields that differ get new stamps.
    /// Changes the owner's name and email, in the profile and on their networker card, in one
    /// commit.
    pub fn update_owner(
        &self,
        name: &str,
        email: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Profile> {
        let mut profile = self.require_profile()?;
        let mut networker: crate::model::Networker = self
            .get(profile.networker)?
            .ok_or(StoreError::NotFound(profile.networker))?;
        networker.name = name.trim().to_owned();
        networker.email = Some(email.trim().to_owned());
        validate_json(RecordKind::Networker, &body_json(&networker))?;
        let before = self
            .live_state(profile.networker)?
            .ok_or(StoreError::NotFound(profile.networker))?;
        let mut after = before.clone();
        let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
        let superseded = apply_body(
            &mut after,
            RecordKind::Networker,
            &body_json(&networker),
            None,
            stamp,
            false,
        );
        profile.name = networker.name.clone();
        profile.email = networker.email.clone().unwrap_or_default();
        let profile_bytes = serde_json::to_vec(&profile).expect("profile serialises");
        self.commit(
            vec![RecordChange {
                before: Some(before),
                after,
                superseded,
            }],
            vec![(meta_key::PROFILE.to_vec(), profile_bytes)],
            now,
        )?;
        Ok(profile)
    }

    /// Saves a form: writes only the fields where `edited` differs from `original`, the body
    /// the form was opened on, so a change that arrived by sync while the form was open, and a
    /// conflict on a field the person did not touch, are both kept.
    pub fn update_from<T: RecordBody>(
        &self,
        id: RecordId,
        original: &T,
        edited: &T,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.update_changed(id, Some(&body_json(original)), edited, now)
    }

    /// Replaces a record's body: writes only the fields whose value differs from the current one.
    pub fn update<T: RecordBody>(
        &self,
        id: RecordId,
        body: &T,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.update_changed(id, None, body, now)
    }

    fn update_changed<T: RecordBody>(
        &self,
        id: RecordId,
        original: Option<&serde_json::Value>,
        body: &T,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        validate_json(T::KIND, &body_json(body))?;
        self.check_references(body)?;
        let before = self.live_state(id)?.ok_or(StoreError::NotFound(id))?;
        if before.kind != T::KIND.as_str() {
            return Err(StoreError::WrongKind {
                id,
                actual: before.kind,
                expected: T::KIND,
            });
        }
        let mut after = before.clone();
        let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
        let superseded = apply_body(
            &mut after,
            T::KIND,
            &body_json(body),
            original,
            stamp,
            false,
        );
        self.commit(
            vec![RecordChange {
                before: Some(before),
                after,
                superseded,
            }],
            Vec::new(),
            now,
        )
    }

    /// Sets fields from text, as typed on the command line: `display_name=Jan Peeters`,
    /// `tags=port,eu`, `visibility=private`, `strength=4`. Validated as a whole before writing.
    pub fn set_fields(
        &self,
        id: RecordId,
        assignments: &[(String, String)],
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let before = self.live_state(id)?.ok_or(StoreError::NotFound(id))?;
        let kind: RecordKind = before.kind.parse().map_err(|_| {
            ValidationError::worded(
                "kind",
                "kind_not_editable",
                &[("kind", before.kind.as_str().into())],
            )
        })?;
        let mut json = current_json(&before, kind);
        let mut visibility = None;
        for (field, text) in assignments {
            if field == envelope::VISIBILITY {
                visibility = Some(text.parse::<Visibility>()?);
                continue;
            }
            let Some(existing) = json.get(field.as_str()) else {
                return Err(ValidationError::worded(
                    field.as_str(),
                    "no_such_field",
                    &[("kind", kind.as_str().into())],
                )
                .into());
            };
            let required_text = default_json(kind)
                .get(field.as_str())
                .is_some_and(serde_json::Value::is_string);
            let value = parse_field_text(kind, field, text, existing, required_text);
            json.insert(field.clone(), value);
        }
        let value = serde_json::Value::Object(json);
        validate_json(kind, &value)?;
        let mut after = before.clone();
        let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
        let mut superseded = apply_body(&mut after, kind, &value, None, stamp, false);
        if let Some(visibility) = visibility {
            superseded.extend(write_field(
                &mut after,
                envelope::VISIBILITY,
                visibility.as_str().into(),
                stamp,
            ));
        }
        self.commit(
            vec![RecordChange {
                before: Some(before),
                after,
                superseded,
            }],
            Vec::new(),
            now,
        )
    }

    /// Sets a record's visibility.
    pub fn set_visibility(
        &self,
        id: RecordId,
        visibility: Visibility,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let before = self.live_state(id)?.ok_or(StoreError::NotFound(id))?;
        let mut after = before.clone();
        let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
        let superseded = write_field(
            &mut after,
            envelope::VISIBILITY,
            visibility.as_str().into(),
            stamp,
        );
        self.commit(
            vec![RecordChange {
                before: Some(before),
                after,
                superseded,
            }],
            Vec::new(),
            now,
        )
    }

    /// Deletes a record: a tombstone that syncs, never a physical removal.
    pub fn delete(&self, id: RecordId, now: DateTime<Utc>) -> StoreResult<()> {
        let before = self.live_state(id)?.ok_or(StoreError::NotFound(id))?;
        let mut after = before.clone();
        let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
        // Always a fresh version, even if the register already says deleted: a record revived by
        // a later edit is deleted again only by a delete stamped after that edit.
        let register = after
            .fields
            .entry(envelope::DELETED.to_owned())
            .or_default();
        let superseded = register
            .write(json_bytes(&true.into()), stamp)
            .into_iter()
            .map(|v| (envelope::DELETED.to_owned(), v))
            .collect();
        self.commit(
            vec![RecordChange {
                before: Some(before),
                after,
                superseded,
            }],
            Vec::new(),
            now,
        )
    }

    /// Applies several typed creations in one transaction (demo data, imports). Validation of
    /// every body happens first; references may point at records earlier in the same batch.
    pub fn create_many(
        &self,
        batch: Vec<NewRecord>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<RecordId>> {
        let (changes, ids) = self.creation_changes(batch, now)?;
        self.commit(changes, Vec::new(), now)?;
        Ok(ids)
    }

    /// Creates new records and replaces the bodies of existing ones (only changed fields get new
    /// stamps), all validated first and written in one transaction: all of it or nothing.
    /// Updates may refer to records created in the same batch.
    pub fn write_batch(
        &self,
        creates: Vec<NewRecord>,
        updates: Vec<(RecordId, serde_json::Value)>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.write_batch_with_meta(creates, updates, Vec::new(), now)
    }

    /// [`Store::write_batch`], with local meta entries written in the same transaction.
    pub(crate) fn write_batch_with_meta(
        &self,
        creates: Vec<NewRecord>,
        updates: Vec<(RecordId, serde_json::Value)>,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let pending: HashMap<RecordId, String> = creates
            .iter()
            .map(|r| (r.id, r.kind.as_str().to_owned()))
            .collect();
        let mut changes = Vec::new();
        let mut seen = BTreeSet::new();
        for (id, body) in updates {
            if !seen.insert(id) {
                return Err(ValidationError::worded(
                    "id",
                    "updated_twice",
                    &[("id", id.to_string().into())],
                )
                .into());
            }
            let before = self.live_state(id)?.ok_or(StoreError::NotFound(id))?;
            let kind: RecordKind = before.kind.parse().map_err(|_| {
                ValidationError::worded(
                    "kind",
                    "kind_not_editable",
                    &[("kind", before.kind.as_str().into())],
                )
            })?;
            validate_json(kind, &body)?;
            for (field, target, kinds) in references_of(kind, &body)? {
                let found = match pending.get(&target) {
                    Some(kind) => Some(kind.clone()),
                    None => self.live_state(target)?.map(|s| s.kind),
                };
                check_reference(field, target, found.as_deref(), kinds)?;
            }
            let mut after = before.clone();
            let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
            let superseded = apply_body(&mut after, kind, &body, None, stamp, false);
            changes.push(RecordChange {
                before: Some(before),
                after,
                superseded,
            });
        }
        let (created, _) = self.creation_changes(creates, now)?;
        let mut all = created;
        all.extend(changes);
        self.commit(all, extra_meta, now)
    }

    fn creation_changes(
        &self,
        batch: Vec<NewRecord>,
        now: DateTime<Utc>,
    ) -> StoreResult<(Vec<RecordChange>, Vec<RecordId>)> {
        let author = self.profile()?.map(|p| p.networker);
        let default_visibility = self.settings()?.default_visibility;
        let mut pending: HashMap<RecordId, String> = HashMap::new();
        let mut changes = Vec::with_capacity(batch.len());
        let mut ids = Vec::with_capacity(batch.len());
        for record in batch {
            validate_json(record.kind, &record.body)?;
            for (field, id, kinds) in references_of(record.kind, &record.body)? {
                let kind = match pending.get(&id) {
                    Some(kind) => Some(kind.clone()),
                    None => self.live_state(id)?.map(|s| s.kind),
                };
                check_reference(field, id, kind.as_deref(), kinds)?;
            }
            let at = record.created_at.unwrap_or(now);
            let stamp = self.writer().clock.tick(now.timestamp_millis() as u64);
            let mut state = RecordState::new(record.id.0, record.kind.as_str());
            let created = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            state.write(envelope::CREATED_AT, json_bytes(&created.into()), stamp);
            let visibility = record.visibility.unwrap_or(default_visibility);
            state.write(
                envelope::VISIBILITY,
                json_bytes(&visibility.as_str().into()),
                stamp,
            );
            if let Some(author) = record.author.or(author) {
                state.write(
                    envelope::AUTHOR,
                    json_bytes(&author.to_string().into()),
                    stamp,
                );
            }
            apply_body(&mut state, record.kind, &record.body, None, stamp, true);
            let before = match pending.contains_key(&record.id) {
                true => None,
                false => self.state(record.id)?,
            };
            let after = match &before {
                Some(existing) => {
                    let mut merged = existing.clone();
                    merged.merge(&state);
                    merged
                }
                None => state,
            };
            pending.insert(record.id, record.kind.as_str().to_owned());
            ids.push(record.id);
            changes.push(RecordChange {
                before,
                after,
                superseded: Vec::new(),
            });
        }
        Ok((changes, ids))
    }

    /// Writes record changes, their index entries, the clock and extra meta keys in one
    /// transaction, then flushes. This is the only path by which records reach sled.
    pub(crate) fn commit(
        &self,
        changes: Vec<RecordChange>,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut writer = self.writer();
        self.commit_inner(
            &mut writer,
            changes,
            Vec::new(),
            extra_meta,
            now,
            Interleaving::Local,
            None,
            None,
        )?;
        Ok(())
    }

    /// Where the commits stand now: noted by a writer before it reads what it will commit.
    pub(crate) fn commit_point(&self) -> CommitPoint {
        self.writer().point
    }

    /// Commits what an import merged (its writes were admitted by `sync::admit`, not by the
    /// local-write rights check), read since `read_from` (see [`Interleaving::Rebase`]).
    /// `removals` are records the import gate's sweep took out (see `crate::protection`).
    pub(crate) fn commit_merged(
        &self,
        changes: Vec<RecordChange>,
        removals: Vec<RecordState>,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        now: DateTime<Utc>,
        read_from: Option<CommitPoint>,
        rejudge: Option<Rejudge<'_>>,
    ) -> StoreResult<CommitPoint> {
        let mut writer = self.writer();
        let committed = self.commit_inner(
            &mut writer,
            changes,
            removals,
            extra_meta,
            now,
            Interleaving::Merged { read_from },
            None,
            rejudge,
        )?;
        Ok(committed.point)
    }

    /// Commits what a sweep (`crate::protection`) changed and removed: no new stamps, no rights
    /// check (nothing is written, records lose what every store drops alike). Returns the
    /// records left unwritten because they changed after they were read: sweep them again.
    pub(crate) fn commit_swept(
        &self,
        changes: Vec<RecordChange>,
        removals: Vec<RecordState>,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<RecordId>> {
        let mut writer = self.writer();
        let committed = self.commit_inner(
            &mut writer,
            changes,
            removals,
            extra_meta,
            now,
            Interleaving::Skip,
            None,
            None,
        )?;
        Ok(committed.skipped)
    }

    /// This store's clock: the last time it issued or saw.
    pub(crate) fn clock_last(&self) -> Hlc {
        self.writer().clock.last()
    }

    /// [`Store::commit_merged`], advancing this store's coverage in the same transaction (the
    /// last transaction of an import that began at `began`). A store restored since the import
    /// began is not advanced: the bundles left out what the store held before the restore, and
    /// the restored store may lack it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn commit_advancing(
        &self,
        changes: Vec<RecordChange>,
        removals: Vec<RecordState>,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        now: DateTime<Utc>,
        coverage_advance: &VersionVector,
        points: ImportPoints,
        rejudge: Option<Rejudge<'_>>,
    ) -> StoreResult<()> {
        let mut writer = self.writer();
        let advance =
            (writer.point.replacements == points.began.replacements).then_some(coverage_advance);
        self.commit_inner(
            &mut writer,
            changes,
            removals,
            extra_meta,
            now,
            Interleaving::Merged {
                read_from: Some(points.read_from),
            },
            advance,
            rejudge,
        )?;
        Ok(())
    }

    /// The one write path. With [`Interleaving::Replace`], every record, index and history entry
    /// is removed in the same transaction before the changes are written. `removals` are records taken out
    /// of the store altogether (a forgotten person's, a record past its retention period): the
    /// record, its index entries, search terms, history, quarantined copies, resend entries and
    /// private contact note go in the same transaction.
    #[allow(clippy::too_many_arguments)]
    fn commit_inner(
        &self,
        writer: &mut WriterState,
        changes: Vec<RecordChange>,
        removals: Vec<RecordState>,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        now: DateTime<Utc>,
        interleaving: Interleaving,
        coverage_advance: Option<&VersionVector>,
        rejudge: Option<Rejudge<'_>>,
    ) -> StoreResult<Committed> {
        let clear_first = interleaving == Interleaving::Replace;
        let (mut removals, mut skipped, kept) =
            self.settle_removals(&writer.point, interleaving, removals, rejudge)?;
        if self
            .writes_stopped
            .load(std::sync::atomic::Ordering::SeqCst)
        {
            return Err(StoreError::WritesStopped);
        }
        // Merge several changes of one record in a batch into one before → after.
        let mut order: Vec<RecordId> = Vec::new();
        let mut merged: HashMap<RecordId, RecordChange> = HashMap::new();
        for change in kept.into_iter().chain(changes) {
            let id = RecordId(change.after.id);
            // A write that changed nothing is not written: the digest, the indexes and the
            // changes log stay exactly as they were.
            if change.before.as_ref() == Some(&change.after) && change.superseded.is_empty() {
                continue;
            }
            match merged.get_mut(&id) {
                Some(existing) => {
                    existing.after = change.after;
                    existing.superseded.extend(change.superseded);
                }
                None => {
                    order.push(id);
                    merged.insert(id, change);
                }
            }
        }
        skipped.extend(self.settle_interleaved(
            &writer.point,
            interleaving,
            rejudge,
            &mut order,
            &mut merged,
            &mut removals,
        )?);
        // A record never changes kind: its kind is the tree it is found in (see
        // [`records_trees`]), and a second copy under another kind would leave the store unable
        // to say which is the record. An import refuses such a record before it gets here
        // (`sync::admit`); this refuses it whatever the route.
        for change in merged.values() {
            if let Some(before) = change.before.as_ref() {
                if before.kind != change.after.kind {
                    return Err(kind_change_refused(before, &change.after));
                }
            }
        }
        let removed: HashMap<RecordId, &RecordState> = removals
            .iter()
            .map(|state| (RecordId(state.id), state))
            .collect();
        for id in removed.keys() {
            if merged.remove(id).is_some() {
                order.retain(|kept| kept != id);
            }
        }
        if interleaving == Interleaving::Local {
            if let Some(check) = self.write_check.get() {
                let changes: Vec<RecordChange> =
                    order.iter().filter_map(|id| merged.remove(id)).collect();
                let checked = check(self, writer.clock.node(), &changes);
                for change in changes {
                    merged.insert(RecordId(change.after.id), change);
                }
                checked?;
            }
        }
        let pending: HashMap<RecordId, &RecordState> =
            merged.iter().map(|(id, c)| (*id, &c.after)).collect();

        let mut batches = undo::Staged::default();
        if clear_first {
            let mut names: Vec<String> = self
                .stored_kinds()
                .into_iter()
                .map(|k| record_tree_name(&k))
                .collect();
            names.extend(Index::ALL.iter().map(|i| i.tree_name().to_owned()));
            names.push("history".to_owned());
            names.push(changes_log::TREE.to_owned());
            for name in names {
                for item in self.db.open_tree(&name)?.iter() {
                    let (key, _) = item?;
                    batches.tree(&name).remove(key);
                }
            }
        }
        let today = now.date_naive();

        // Records whose search contributions must be recomputed: every changed record, and the
        // affiliations of an organisation whose name changed.
        let mut term_sources: BTreeSet<RecordId> = order.iter().copied().collect();
        term_sources.extend(removed.keys().copied());
        self.stage_removals(&mut batches, &removed)?;
        for id in &order {
            let change = &merged[id];
            if change.after.kind == RecordKind::Organisation.as_str() {
                let name_before = change.before.as_ref().and_then(|b| b.current("name"));
                let deleted_changed = change
                    .before
                    .as_ref()
                    .is_some_and(|b| b.is_deleted() != change.after.is_deleted());
                if name_before != change.after.current("name") || deleted_changed {
                    let ids =
                        self.ids_with_prefix(Index::AffiliationsByOrganisation, id.as_bytes())?;
                    term_sources.extend(ids);
                }
            }
        }

        let mut listed = Vec::new();
        let mut counts = if clear_first {
            changes_log::Counts::default()
        } else {
            changes_log::Counts::read(self.meta.get(changes_log::COUNTS_KEY)?.as_deref())
        };
        for id in &order {
            let change = &merged[id];
            let after = &change.after;
            changes_log::list(change.before.as_ref(), after, &mut listed, &mut counts);
            let bytes = encode_state(after);
            batches
                .tree(&record_tree_name(&after.kind))
                .insert(id.as_bytes().to_vec(), bytes);
            let old: BTreeSet<(Index, Vec<u8>)> = change
                .before
                .as_ref()
                .map(indexes::simple_entries)
                .unwrap_or_default()
                .into_iter()
                .collect();
            let new: BTreeSet<(Index, Vec<u8>)> =
                indexes::simple_entries(after).into_iter().collect();
            for (index, key) in old.difference(&new) {
                batches.tree(index.tree_name()).remove(key.clone());
            }
            for (index, key) in new.difference(&old) {
                batches.tree(index.tree_name()).insert(key.clone(), &[][..]);
            }
            for (field, version) in &change.superseded {
                let mut key = id.as_bytes().to_vec();
                key.extend_from_slice(&version.stamp.hlc.to_key_bytes());
                key.extend_from_slice(&version.stamp.node.0.to_be_bytes());
                key.extend_from_slice(field.as_bytes());
                batches.tree("history").insert(key, version.value.clone());
            }
            for stamp in after.stamps() {
                writer.version_vector.observe(stamp);
            }
            // A record this store made visible again: what refers to it left the reference out
            // while it was private, so those records go again in the next delta.
            if let Some(widened_at) = widened_here(change, writer.clock.node()) {
                for index in RESEND_INDEXES {
                    for referring in self.ids_with_prefix(*index, id.as_bytes())? {
                        let mut key = widened_at.node.0.to_be_bytes().to_vec();
                        key.extend_from_slice(&widened_at.hlc.to_key_bytes());
                        key.extend_from_slice(referring.as_bytes());
                        batches.tree("resend").insert(key, &[][..]);
                    }
                }
            }
        }
        // A restore lists every record afresh: nothing to fold.
        let fold_after = !clear_first && counts.calls_for_a_fold();
        let mut sequence = || self.db.generate_id();
        for (key, value) in changes_log::entries(listed, &mut sequence)? {
            batches.tree(changes_log::TREE).insert(key, value);
        }
        batches
            .tree("meta")
            .insert(changes_log::COUNTS_KEY.to_vec(), counts.to_bytes().to_vec());

        let mut lookup = |id: RecordId| -> Option<RecordState> {
            if removed.contains_key(&id) {
                return None;
            }
            match pending.get(&id) {
                Some(state) => Some((*state).clone()),
                None => self.state(id).ok().flatten(),
            }
        };
        let mut term_changes: Vec<(TermContribution, RecordId, bool)> = Vec::new();
        for source in &term_sources {
            let new_terms = if removed.contains_key(source) {
                Vec::new()
            } else {
                let state = match pending.get(source) {
                    Some(state) => (*state).clone(),
                    None => match self.state(*source)? {
                        Some(state) => state,
                        None => continue,
                    },
                };
                indexes::term_contributions(&state, &mut lookup, today)
            };
            let old_terms: Vec<TermContribution> =
                match self.index(Index::RecordTerms).get(source.as_bytes())? {
                    Some(bytes) if !clear_first => postcard::from_bytes(&bytes).unwrap_or_default(),
                    _ => Vec::new(),
                };
            if old_terms == new_terms {
                continue;
            }
            let old_set: BTreeSet<&TermContribution> = old_terms.iter().collect();
            let new_set: BTreeSet<&TermContribution> = new_terms.iter().collect();
            for gone in old_set.difference(&new_set) {
                term_changes.push(((*gone).clone(), *source, false));
            }
            for added in new_set.difference(&old_set) {
                term_changes.push(((*added).clone(), *source, true));
            }
            if new_terms.is_empty() {
                batches
                    .tree(Index::RecordTerms.tree_name())
                    .remove(source.as_bytes().to_vec());
            } else {
                let encoded = postcard::to_stdvec(&new_terms).expect("terms encode");
                batches
                    .tree(Index::RecordTerms.tree_name())
                    .insert(source.as_bytes().to_vec(), encoded);
            }
        }

        let clock_bytes = writer.clock.last().to_key_bytes();
        let vector_bytes = postcard::to_stdvec(&writer.version_vector).expect("vectors encode");
        let renewed_terms_stamp =
            (!term_changes.is_empty() || clear_first).then(|| uuid::Uuid::new_v4().into_bytes());
        // The term log follows the stamp (see `search::term_log`); a store cleared and written
        // afresh is not caught up with, but rebuilt.
        let logged = if clear_first {
            vec![(
                "meta",
                search::term_log::SIZE_KEY.to_vec(),
                search::term_log::OVERFLOWED.to_le_bytes().to_vec(),
            )]
        } else {
            let mut changed: Vec<RecordId> = term_changes.iter().map(|(_, id, _)| *id).collect();
            changed.sort();
            changed.dedup();
            self.term_log_entries(
                &changed,
                renewed_terms_stamp.as_ref().map(|s| &s[..]),
                &clock_bytes,
                &vector_bytes,
            )?
        };
        for (tree, key, value) in logged {
            batches.tree(tree).insert(key, value);
        }
        let meta_batch = batches.tree("meta");
        meta_batch.insert(meta_key::CLOCK, &clock_bytes[..]);
        meta_batch.insert(meta_key::VERSION_VECTOR, vector_bytes);
        let mut coverage = writer.coverage.clone();
        if let Some(advance) = coverage_advance {
            coverage.join(advance);
            coverage.0.remove(&writer.clock.node());
        }
        if clear_first {
            coverage = VersionVector::default();
        }
        meta_batch.insert(
            meta_key::COVERAGE,
            postcard::to_stdvec(&coverage).expect("vectors encode"),
        );
        if let Some(renewed) = renewed_terms_stamp {
            meta_batch.insert(meta_key::TERMS_STAMP, &renewed[..]);
        }
        for (key, value) in extra_meta {
            meta_batch.insert(key, value);
        }

        // A lookup by id finds a record in the trees it knows of: a kind's first record has its
        // tree known before the commit puts it there.
        self.records_trees
            .include(&self.db, merged.values().map(|c| c.after.kind.as_str()))?;
        let written = if clear_first {
            // A restore replaces the whole store: its undo image would be a second copy of it.
            // The restore took a safety backup first (`Store::restore`), which is its way back.
            batches.commit_without_image(&self.db)
        } else {
            batches.commit(&self.db, &self.meta)
        };
        if let Err(error) = written {
            self.writes_stopped
                .store(true, std::sync::atomic::Ordering::SeqCst);
            return Err(error);
        }
        writer.coverage = coverage;
        writer.point.commits += 1;
        if clear_first {
            writer.point.replacements += 1;
        }
        // Only after the transaction committed do the derived values and the memory index
        // follow it: a failed commit wrote nothing, and what they hold is still exact.
        if clear_first {
            self.derived.everything_changed();
        } else {
            self.derived.committed(
                order.iter().map(|id| {
                    let change = &merged[id];
                    (change.before.as_ref(), &change.after)
                }),
                removed.values().copied(),
            );
        }
        if let Some(memory) = self
            .memory_index
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            memory.apply(&term_changes);
        }
        if let Err(error) = self.db.flush() {
            // Not on disk: sled takes no write after this, and the next open undoes the commit.
            self.writes_stopped
                .store(true, std::sync::atomic::Ordering::SeqCst);
            return Err(error.into());
        }
        if fold_after && self.fold_changes_log().is_err() {
            // The commit is on disk; a fold that failed (a full disk) leaves the log as it was
            // or holding both forms, and sled takes no write after it, as after a failed commit.
            self.writes_stopped
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
        if let Some(observe) = self
            .commit_observer
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            // Records removed (a sweep, a forget) are told too: a list that showed them must
            // let them go.
            let mut told = order;
            told.extend(removed.keys().copied());
            observe(&told);
        }
        Ok(Committed {
            point: writer.point,
            skipped,
        })
    }

    /// Looks, under the writer's lock, for records that another commit changed after this one
    /// read them (see [`Interleaving`]), and applies this commit's writes to them as they are
    /// now (or leaves them out). Returns the records left out by a sweep; an import's `rejudge`
    /// may turn a change into a removal (added to `removals`).
    fn settle_interleaved(
        &self,
        point: &CommitPoint,
        interleaving: Interleaving,
        rejudge: Option<Rejudge<'_>>,
        order: &mut Vec<RecordId>,
        merged: &mut HashMap<RecordId, RecordChange>,
        removals: &mut Vec<RecordState>,
    ) -> StoreResult<Vec<RecordId>> {
        if !interleaving.may_be_stale(point) {
            return Ok(Vec::new());
        }
        let mut left_out = Vec::new();
        let mut skipped = Vec::new();
        for id in order.iter() {
            let change = merged
                .get_mut(id)
                .expect("every ordered record has a change");
            let stored = self.state(*id)?;
            if stored == change.before {
                continue;
            }
            match stored {
                Some(stored) if interleaving != Interleaving::Skip => {
                    if let Some(verdict) =
                        rejudge.and_then(|rejudge| rejudge(&stored, Some(change)))
                    {
                        match verdict {
                            // The import adds nothing to the record as it is now.
                            Rejudged::Write { after, superseded }
                                if after == stored && superseded.is_empty() =>
                            {
                                left_out.push(*id);
                            }
                            Rejudged::Write { after, superseded } => {
                                *change = RecordChange {
                                    before: Some(stored),
                                    after,
                                    superseded,
                                };
                            }
                            Rejudged::Remove => {
                                left_out.push(*id);
                                removals.push(stored);
                            }
                        }
                        continue;
                    }
                    let written = change.after.written_since(change.before.as_ref());
                    let mut after = stored.clone();
                    let effect = after.merge(&written);
                    if let Some(before) = &change.before {
                        let taken = change.after.taken_since(before);
                        if !taken.is_empty() {
                            after.take_away(&taken);
                        }
                    }
                    *change = RecordChange {
                        before: Some(stored),
                        after,
                        superseded: effect.superseded,
                    };
                }
                // Removed meanwhile (a forget, a retention rule): not brought back.
                None if interleaving != Interleaving::Skip => left_out.push(*id),
                _ => {
                    left_out.push(*id);
                    skipped.push(*id);
                }
            }
        }
        for id in &left_out {
            merged.remove(id);
        }
        order.retain(|id| merged.contains_key(id));
        Ok(skipped)
    }

    /// Removals read before the lock: a record gone meanwhile is not removed twice, one changed
    /// meanwhile is removed as stored now (its index entries are those of that state), or, for
    /// a sweep, left for the sweep to read again (returned), or, for an import's `rejudge`,
    /// judged again and perhaps kept (the change returned third).
    fn settle_removals(
        &self,
        point: &CommitPoint,
        interleaving: Interleaving,
        removals: Vec<RecordState>,
        rejudge: Option<Rejudge<'_>>,
    ) -> StoreResult<(Vec<RecordState>, Vec<RecordId>, Vec<RecordChange>)> {
        if removals.is_empty() || !interleaving.may_be_stale(point) {
            return Ok((removals, Vec::new(), Vec::new()));
        }
        let mut settled = Vec::with_capacity(removals.len());
        let mut skipped = Vec::new();
        let mut kept = Vec::new();
        for removal in removals {
            let id = RecordId(removal.id);
            match self.state(id)? {
                None => {}
                Some(stored) if stored == removal => settled.push(removal),
                Some(_) if interleaving == Interleaving::Skip => skipped.push(id),
                Some(stored) => match rejudge.and_then(|rejudge| rejudge(&stored, None)) {
                    Some(Rejudged::Write { after, superseded }) => kept.push(RecordChange {
                        before: Some(stored),
                        after,
                        superseded,
                    }),
                    Some(Rejudged::Remove) | None => settled.push(stored),
                },
            }
        }
        Ok((settled, skipped, kept))
    }

    /// Stages the removal of records from every tree that holds something of them.
    fn stage_removals(
        &self,
        batches: &mut undo::Staged,
        removed: &HashMap<RecordId, &RecordState>,
    ) -> StoreResult<()> {
        if removed.is_empty() {
            return Ok(());
        }
        let quarantine = self.db.open_tree(check::QUARANTINE_TREE)?;
        for (id, state) in removed {
            batches
                .tree(&record_tree_name(&state.kind))
                .remove(id.as_bytes().to_vec());
            // A record that damage left among another kind's records is read from there (see
            // `state_expecting`), so it is removed from there.
            if let Some((stored_as, _)) =
                self.records_trees.find(id.as_bytes(), Some(&state.kind))?
            {
                if stored_as != state.kind {
                    batches
                        .tree(&record_tree_name(&stored_as))
                        .remove(id.as_bytes().to_vec());
                }
            }
            for (index, key) in indexes::simple_entries(state) {
                batches.tree(index.tree_name()).remove(key);
            }
            for item in self.history.scan_prefix(id.as_bytes()) {
                let (key, _) = item?;
                batches.tree("history").remove(key);
            }
            for item in quarantine.scan_prefix(id.as_bytes()) {
                let (key, _) = item?;
                batches.tree(check::QUARANTINE_TREE).remove(key);
            }
            batches.tree("meta").remove(private_contact::entry_key(*id));
        }
        // node ‖ time ‖ id: the id is the key's last 16 bytes.
        for item in self.resend.iter() {
            let (key, _) = item?;
            let named = key
                .len()
                .checked_sub(16)
                .and_then(|at| RecordId::from_slice(&key[at..]));
            if named.is_some_and(|id| removed.contains_key(&id)) {
                batches.tree("resend").remove(key);
            }
        }
        // The log's entries list the removed ids among others: each is written again without
        // them (or removed, once it lists nothing), so that no trace of a forgotten record's id
        // stays behind.
        for item in self.changes_log.iter() {
            let (key, value) = item?;
            let Some((_, _, ids)) = changes_log::decode(&key, &value) else {
                continue;
            };
            if !ids.iter().any(|id| removed.contains_key(id)) {
                continue;
            }
            let kept: Vec<u8> = ids
                .iter()
                .filter(|id| !removed.contains_key(id))
                .flat_map(|id| *id.as_bytes())
                .collect();
            if kept.is_empty() {
                batches.tree(changes_log::TREE).remove(key);
            } else {
                batches.tree(changes_log::TREE).insert(key, kept);
            }
        }
        Ok(())
    }

    /// Has `observer` told the ids of the records every later commit writes or removes (edits,
    /// imports, the demo, a restore, a forget), so that what is kept in memory about the store can
    /// follow it.
    pub fn observe_commits(&self, observer: CommitObserver) {
        *self
            .commit_observer
            .write()
            .unwrap_or_else(|p| p.into_inner()) = Some(observer);
    }

    /// Rewrites every record (and quarantined copy) still in schema 3's layout in the compact
    /// one, a chunk at a time: each chunk is one batch on one tree, and either layout reads, so
    /// no state in between is unreadable.
    fn convert_to_compact_layout(&self) -> StoreResult<()> {
        const CHUNK: usize = 4_096;
        let mut names: Vec<String> = self
            .stored_kinds()
            .into_iter()
            .map(|k| record_tree_name(&k))
            .collect();
        names.push(check::QUARANTINE_TREE.to_owned());
        for name in names {
            let tree = self.db.open_tree(&name)?;
            let mut batch = sled::Batch::default();
            let mut in_batch = 0;
            for item in tree.iter() {
                let (key, value) = item?;
                if !layout::is_schema_3(&value) {
                    continue;
                }
                let state = decode_state(&key, &value)?;
                batch.insert(key, layout::encode(&state));
                in_batch += 1;
                if in_batch == CHUNK {
                    tree.apply_batch(std::mem::take(&mut batch))?;
                    in_batch = 0;
                }
            }
            tree.apply_batch(batch)?;
        }
        self.db.flush()?;
        Ok(())
    }

    /// Flushes everything to disk. Called by every write already; for callers that batch.
    pub fn flush(&self) -> StoreResult<()> {
        self.db.flush()?;
        Ok(())
    }

    /// Superseded values of a record, newest first: (field, stamp, value).
    pub fn history(&self, id: RecordId) -> StoreResult<Vec<(String, Stamp, serde_json::Value)>> {
        let mut out = Vec::new();
        for item in self.history.scan_prefix(id.as_bytes()) {
            let (key, value) = item?;
            if key.len() < 16 + 20 {
                continue;
            }
            let hlc = Hlc::from_key_bytes(&key[16..28]).unwrap_or(Hlc::ZERO);
            let node = NodeId(u64::from_be_bytes(key[28..36].try_into().expect("8 bytes")));
            let field = String::from_utf8_lossy(&key[36..]).into_owned();
            let json = serde_json::from_slice(&value).unwrap_or(serde_json::Value::Null);
            out.push((field, Stamp { hlc, node }, json));
        }
        out.reverse();
        Ok(out)
    }

    /// The number of live records of each kind that has any. Kinds with none are left out: a
    /// read may open an empty records tree (sled opens a tree by creating it), which changes
    /// nothing anyone can see.
    pub fn counts(&self) -> StoreResult<BTreeMap<String, usize>> {
        let mut counts = BTreeMap::new();
        for kind in self.stored_kinds() {
            let mut n = 0;
            for item in self.records_tree(&kind)?.iter() {
                let (key, value) = item?;
                if !decode_state(&key, &value)?.is_deleted() {
                    n += 1;
                }
            }
            if n > 0 {
                counts.insert(kind, n);
            }
        }
        Ok(counts)
    }

    /// Size of the store's files on disk, in bytes.
    pub fn size_on_disk(&self) -> StoreResult<u64> {
        Ok(self.db.size_on_disk()?)
    }
}

/// A record to create in a batch.
#[derive(Clone, Debug)]
pub struct NewRecord {
    pub id: RecordId,
    pub kind: RecordKind,
    pub body: serde_json::Value,
    pub visibility: Option<Visibility>,
    pub author: Option<RecordId>,
    /// When the record was created, if not now (demo data spreads creation over two years).
    pub created_at: Option<DateTime<Utc>>,
}

impl NewRecord {
    pub fn new<T: RecordBody>(id: RecordId, body: &T) -> Self {
        NewRecord {
            id,
            kind: T::KIND,
            body: body_json(body),
            visibility: None,
            author: None,
            created_at: None,
        }
    }
}

/// Checks that a referenced record exists and is of an allowed kind.
fn check_reference(
    field: &str,
    id: RecordId,
    found: Option<&str>,
    allowed: &[RecordKind],
) -> Result<(), ValidationError> {
    let kind = found.ok_or_else(|| {
        ValidationError::worded(field, "no_card_with_id", &[("id", id.to_string().into())])
    })?;
    if allowed.iter().any(|k| k.as_str() == kind) {
        return Ok(());
    }
    let names: Vec<String> = allowed.iter().map(|k| k.as_str().to_owned()).collect();
    Err(ValidationError::worded(
        field,
        "wrong_kind_of_card",
        &[
            ("id", id.to_string().into()),
            ("kind", kind.into()),
            ("expected", crate::model::ReasonArgument::Either(names)),
        ],
    ))
}

/// The indexes that list, under a card, the records referring to it.
const RESEND_INDEXES: &[Index] = &[
    Index::InteractionsByCard,
    Index::FollowUpsByCard,
    Index::NotesByRecord,
    Index::RelationshipsByStakeholder,
    Index::AffiliationsByPerson,
    Index::AffiliationsByOrganisation,
    Index::LinksByCard,
    Index::SameAsByCard,
];

/// The stamp of this store's write that made a private record visible, if this change is one.
fn widened_here(change: &RecordChange, own: NodeId) -> Option<Stamp> {
    let before = change.before.as_ref()?;
    if crate::model::visibility_of(before) != Visibility::Private
        || crate::model::visibility_of(&change.after) == Visibility::Private
    {
        return None;
    }
    let stamp = change
        .after
        .fields
        .get(envelope::VISIBILITY)?
        .current()?
        .stamp;
    (stamp.node == own).then_some(stamp)
}

fn open_error(path: &Path, error: sled::Error) -> StoreError {
    if let sled::Error::Io(io) = &error {
        let text = io.to_string();
        if io.kind() == std::io::ErrorKind::WouldBlock || text.contains("lock") {
            return StoreError::InUse {
                path: path.to_owned(),
            };
        }
        if let mapped @ (StoreError::DiskFull { .. } | StoreError::ReadOnly { .. }) =
            StoreError::from_io(io)
        {
            return mapped;
        }
    }
    StoreError::Open {
        path: path.to_owned(),
        reason: error.to_string(),
    }
}

/// Migrates a store written with an older schema, before anything else reads it. Schema 2
/// changed the key of the changes index (per writer node), and schema 3 what counts as a conflict
/// (equal concurrent values do not), so the indexes are rebuilt from the records. What schema 3
/// asks of the features (the roster adopted, colleagues' narrowing withdrawn) is done by
/// `crate::open`, which then writes the new version (`Store::finish_migration`).
///
/// Schema 4 stores records in the compact layout ([`layout`]): `before_layout_change` (the
/// backup `crate::open` takes, in `STORE/backups/`, which `kring restore` reads) runs first, then
/// every record is rewritten, in chunks. Both layouts decode, so a crash part way leaves a
/// readable store whose schema is still the old one, and the next open takes a new backup and
/// converts what is left.
///
/// Schema 5 drops the per-term search index (a quarter of a store's entries, which sled pays
/// for at every open and every insert). No backup is taken for it: no record is rewritten, and
/// the dropped entries are a function of the records (`crate::open` then rewrites the store
/// fresh, as for schema 4, so that the dropped pages leave sled's files).
///
/// Schema 6 folds the changes index (an entry per record and writing node) into the changes log
/// ([`changes_log`], an entry per chunk of records) and drops it; no record is rewritten, so no
/// backup either, and `crate::open` rewrites the store fresh as for schema 5.
///
/// Schema 7 drops the kind index (an entry per record, naming its kind): a lookup by id tries
/// the records trees ([`records_trees`]). The index told a record from copies of it an
/// unchecked import left among another kind's records; such copies move to the quarantine tree
/// first, and the indexes are rebuilt if any moved (`crate::open` also has every forget swept
/// again, for a copy a forgotten card left behind). No record is rewritten and no backup is
/// taken; the store is rewritten fresh as for schema 5. This runs first: it moves stored bytes
/// as they are, so the backup of a schema 3 store sees the records as they will read.
fn migrate(
    store: &Store,
    found: u32,
    before_layout_change: &dyn Fn(&Store) -> StoreResult<()>,
) -> StoreResult<()> {
    let has_tree = |name: &str| {
        store
            .db
            .tree_names()
            .iter()
            .any(|tree| &**tree == name.as_bytes())
    };
    if found < NO_KIND_INDEX && has_tree(RETIRED_KIND_INDEX) {
        // Each step may run twice (a crash before the schema number is written): the copies
        // still out of place move again, the drop of a tree that is gone does nothing, and the
        // mark that the indexes need rebuilding stays until they are.
        let kind_index = store.db.open_tree(RETIRED_KIND_INDEX)?;
        store.quarantine_copies_the_kind_index_disowns(&kind_index)?;
        drop(kind_index);
        store.db.drop_tree(RETIRED_KIND_INDEX)?;
    }
    if found < COMPACT_LAYOUT {
        before_layout_change(store)?;
        store.convert_to_compact_layout()?;
    }
    if found < TERMS_PER_RECORD_ONLY {
        // Nothing is rewritten: the terms of each record stay in `index.record_terms`, which
        // the term file is built from. Dropping a tree that is gone already does nothing, so a
        // crash before the new version is written just drops nothing at the next open.
        for tree in indexes::RETIRED_TREES {
            store.db.drop_tree(tree)?;
        }
    }
    if found < CHANGES_LOG {
        // One batch on the log: a crash before the old index is dropped folds it again at the
        // next open, which lists nothing wrong (a record twice at most).
        if store
            .db
            .tree_names()
            .iter()
            .any(|name| &**name == changes_log::RETIRED_INDEX.as_bytes())
        {
            let old = store.db.open_tree(changes_log::RETIRED_INDEX)?;
            let mut listed = changes_log::read_retired_index(&old)?;
            listed.extend(changes_log::read_folded(&store.changes_log)?);
            drop(old);
            let mut sequence = || store.db.generate_id();
            let batch = changes_log::fold_batch(&store.changes_log, listed, &mut sequence)?;
            store.changes_log.apply_batch(batch)?;
            store.meta.insert(
                changes_log::COUNTS_KEY,
                &changes_log::Counts::folded(store.changes_log_listings()?).to_bytes(),
            )?;
            store.db.flush()?;
            store.db.drop_tree(changes_log::RETIRED_INDEX)?;
        }
    }
    // Copies moved aside above leave index entries behind them.
    let rebuild = store
        .meta
        .contains_key(check::REBUILD_AFTER_QUARANTINE_KEY)?;
    if found < 3 || rebuild {
        store.check(true, Utc::now())?;
        store.meta.remove(check::REBUILD_AFTER_QUARANTINE_KEY)?;
        store.db.flush()?;
    }
    Ok(())
}

pub(crate) fn body_json<T: Serialize>(body: &T) -> serde_json::Value {
    serde_json::to_value(body).expect("record bodies serialise to JSON")
}

fn write_field(
    state: &mut RecordState,
    field: &str,
    value: serde_json::Value,
    stamp: Stamp,
) -> Vec<(String, FieldVersion)> {
    state
        .write(field, json_bytes(&value), stamp)
        .into_iter()
        .map(|v| (field.to_owned(), v))
        .collect()
}

/// Writes a body's fields into a record state: registers for scalars, add-wins sets for the
/// kind's multi-valued fields. On creation, absent (null) fields and empty sets are not written
/// at all.
///
/// Only what the person changed is written. With `original` (the body the form was opened on),
/// a field is written only where `body` differs from it, and a set gains and loses only the
/// elements the person added or removed, so a value that arrived by sync while the form was
/// open is kept. Without it, a field is written only where `body` differs from the current
/// value. Either way an untouched field keeps its versions: a conflict on it is left for the
/// user to settle, equal concurrent values are not re-stamped, and a save that changes nothing
/// changes nothing.
fn apply_body(
    state: &mut RecordState,
    kind: RecordKind,
    body: &serde_json::Value,
    original: Option<&serde_json::Value>,
    stamp: Stamp,
    creating: bool,
) -> Vec<(String, FieldVersion)> {
    let mut superseded = Vec::new();
    let Some(object) = body.as_object() else {
        return superseded;
    };
    let original = original.and_then(serde_json::Value::as_object);
    let set_fields = kind.set_fields();
    let elements = |value: Option<&serde_json::Value>| -> BTreeSet<Vec<u8>> {
        value
            .and_then(serde_json::Value::as_array)
            .map(|items| items.iter().map(json_bytes).collect())
            .unwrap_or_default()
    };
    for (field, value) in object {
        if original.is_some_and(|o| o.get(field) == Some(value)) {
            continue;
        }
        if set_fields.contains(&field.as_str()) {
            let wanted = elements(Some(value));
            let present: BTreeSet<Vec<u8>> = state
                .sets
                .get(field)
                .map(|set| set.present().cloned().collect())
                .unwrap_or_default();
            let (add, remove): (Vec<Vec<u8>>, Vec<Vec<u8>>) = match original {
                Some(o) => {
                    let before = elements(o.get(field));
                    (
                        wanted.difference(&before).cloned().collect(),
                        before.difference(&wanted).cloned().collect(),
                    )
                }
                None => (
                    wanted.difference(&present).cloned().collect(),
                    present.difference(&wanted).cloned().collect(),
                ),
            };
            let add: Vec<Vec<u8>> = add.into_iter().filter(|e| !present.contains(e)).collect();
            let remove: Vec<Vec<u8>> = remove.into_iter().filter(|e| present.contains(e)).collect();
            if add.is_empty() && remove.is_empty() {
                continue;
            }
            let set = state.sets.entry(field.clone()).or_default();
            for gone in &remove {
                set.remove(gone, stamp);
            }
            for added in add {
                set.add(added, stamp);
            }
        } else {
            if value.is_null() && (creating || !state.fields.contains_key(field)) {
                continue;
            }
            superseded.extend(write_field(state, field, value.clone(), stamp));
        }
    }
    superseded
}

/// The current values of a record as a JSON object: registers' current values and sets as
/// arrays. Starts from the kind's defaults so every field is present.
pub(crate) fn current_json(
    state: &RecordState,
    kind: RecordKind,
) -> serde_json::Map<String, serde_json::Value> {
    let mut object = default_json(kind);
    for (name, register) in &state.fields {
        if [
            envelope::DELETED,
            envelope::VISIBILITY,
            envelope::CREATED_AT,
            envelope::AUTHOR,
        ]
        .contains(&name.as_str())
        {
            continue;
        }
        if let Some(current) = register.current() {
            object.insert(name.clone(), current.json());
        }
    }
    for (name, set) in &state.sets {
        let items = set
            .present()
            .filter_map(|bytes| serde_json::from_slice(bytes).ok())
            .collect();
        object.insert(name.clone(), serde_json::Value::Array(items));
    }
    object
}

/// The JSON of a kind's empty body: every field present with its default value.
fn default_json(kind: RecordKind) -> serde_json::Map<String, serde_json::Value> {
    match (crate::model::schema::table_of(kind).body.default_body)() {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}

/// Decodes a record into its typed body.
pub fn body_of<T: RecordBody>(state: &RecordState) -> StoreResult<T> {
    let object = current_json(state, T::KIND);
    serde_json::from_value(serde_json::Value::Object(object)).map_err(|e| StoreError::Corrupt {
        id: state.id.to_string(),
        reason: format!("its fields do not make a {}: {e}", T::KIND),
    })
}

/// Parses a field's new value from text as typed on the command line, by the field's type in the
/// kind's table: `strength=4` and `cadence_days=30` are numbers, `done=true` is true, a record id
/// is written as Kring writes ids. A field the table does not list (one a newer Kring wrote) is
/// read by the type of its current value.
fn parse_field_text(
    kind: RecordKind,
    field: &str,
    text: &str,
    existing: &serde_json::Value,
    required_text: bool,
) -> serde_json::Value {
    use serde_json::Value;
    let trimmed = text.trim();
    let spec = crate::model::schema::table_of(kind).field(field);
    if spec.map_or(existing.is_array(), |spec| spec.set) {
        if trimmed.is_empty() {
            return Value::Array(vec![]);
        }
        return Value::Array(
            trimmed
                .split(',')
                .map(str::trim)
                .filter(|element| !element.is_empty())
                .map(|element| match spec {
                    Some(spec) => typed_from_text(spec.ty, element),
                    None => Value::String(element.to_owned()),
                })
                .collect(),
        );
    }
    if trimmed.is_empty() {
        // Clearing an optional field removes it; a required text stays text so that validation
        // can say it must not be empty.
        return if required_text {
            Value::String(String::new())
        } else {
            Value::Null
        };
    }
    match spec {
        Some(spec) => typed_from_text(spec.ty, trimmed),
        None => match existing {
            Value::Number(_) | Value::Bool(_) => {
                serde_json::from_str(trimmed).unwrap_or_else(|_| Value::String(trimmed.to_owned()))
            }
            _ => Value::String(trimmed.to_owned()),
        },
    }
}

/// One value of a type from trimmed text. What does not read as the type stays text, so that
/// validation says what is wrong with it.
fn typed_from_text(ty: crate::model::schema::FieldType, text: &str) -> serde_json::Value {
    use crate::model::schema::FieldType;
    use serde_json::Value;
    let as_text = || Value::String(text.to_owned());
    match ty {
        FieldType::Score | FieldType::Days => match serde_json::from_str(text) {
            Ok(number @ Value::Number(_)) => number,
            _ => as_text(),
        },
        FieldType::Bool => match text.to_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => as_text(),
        },
        FieldType::Id(_) => match text.parse::<RecordId>() {
            Ok(id) => Value::String(id.to_string()),
            Err(_) => as_text(),
        },
        FieldType::Word(_) => Value::String(text.to_lowercase()),
        _ => as_text(),
    }
}

/// Validates a JSON body of a kind against the kind's table and its typed validation, with the
/// same messages as the typed validation.
fn validate_json(kind: RecordKind, value: &serde_json::Value) -> StoreResult<()> {
    Ok(crate::model::schema::check_body(kind, value)?)
}

fn references_of(
    kind: RecordKind,
    value: &serde_json::Value,
) -> StoreResult<Vec<crate::model::schema::Reference>> {
    Ok(crate::model::schema::references(kind, value)?)
}

impl Store {
    /// Finds a record by its full id or by a unique prefix of it (at least 4 hex digits), the
    /// way git finds commits, so people can type the start of an id.
    pub fn resolve_id(&self, text: &str) -> StoreResult<RecordId> {
        let text = text.trim();
        if let Ok(id) = text.parse::<RecordId>() {
            return Ok(id);
        }
        let hex: String = text.chars().filter(|c| *c != '-').collect();
        let bad = || ValidationError::worded("id", "not_an_id_start", &[("value", text.into())]);
        if hex.len() < 4 || hex.len() > 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(bad().into());
        }
        let whole_bytes: Vec<u8> = (0..hex.len() / 2)
            .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex digits"))
            .collect();
        let mut found: Vec<RecordId> = Vec::new();
        let candidates = self.records_trees.all();
        let keys = candidates
            .iter()
            .flat_map(|(_, tree)| tree.scan_prefix(&whole_bytes).keys());
        for key in keys {
            let key = key?;
            let Some(id) = RecordId::from_slice(&key) else {
                continue;
            };
            if found.contains(&id) {
                continue;
            }
            if id
                .0
                .simple()
                .to_string()
                .starts_with(&hex.to_ascii_lowercase())
            {
                found.push(id);
                if found.len() > 1 {
                    return Err(ValidationError::worded(
                        "id",
                        "ambiguous_id_start",
                        &[("value", text.into())],
                    )
                    .into());
                }
            }
        }
        found.pop().ok_or_else(|| {
            ValidationError::worded("id", "no_id_starts_with", &[("value", text.into())]).into()
        })
    }
}

/// Crate-internal access for sync: meta keys, the clock, and walking records.
impl Store {
    pub(crate) fn meta_get(&self, key: &[u8]) -> StoreResult<Option<Vec<u8>>> {
        Ok(self.meta.get(key)?.map(|v| v.to_vec()))
    }

    pub(crate) fn meta_set(&self, key: &[u8], value: &[u8]) -> StoreResult<()> {
        self.meta.insert(key, value)?;
        self.db.flush()?;
        Ok(())
    }

    /// Reads, changes and writes one meta value as one step (`None` from `change` removes
    /// it): two threads updating a count or a list at once both count. `change` may be called
    /// more than once, so it must do nothing but compute. Returns the value written.
    pub(crate) fn meta_update(
        &self,
        key: &[u8],
        change: impl Fn(Option<&[u8]>) -> Option<Vec<u8>>,
    ) -> StoreResult<Option<Vec<u8>>> {
        let written = self.meta.update_and_fetch(key, change)?;
        self.db.flush()?;
        Ok(written.map(|value| value.to_vec()))
    }

    pub(crate) fn meta_remove(&self, key: &[u8]) -> StoreResult<()> {
        self.meta.remove(key)?;
        self.db.flush()?;
        Ok(())
    }

    pub(crate) fn meta_scan(&self, prefix: &[u8]) -> StoreResult<Vec<(Vec<u8>, Vec<u8>)>> {
        let mut out = Vec::new();
        for item in self.meta.scan_prefix(prefix) {
            let (key, value) = item?;
            out.push((key.to_vec(), value.to_vec()));
        }
        Ok(out)
    }

    /// Moves the clock past a time seen in a bundle, so later local writes order after it.
    pub(crate) fn observe_time(&self, seen: Hlc) {
        self.writer().clock.observe(seen);
    }

    /// Calls `visit` with every live record of one kind, one at a time, so that a scan of a
    /// hundred thousand cards never holds them all in memory.
    pub fn for_each_live_of_kind(
        &self,
        kind: RecordKind,
        mut visit: impl FnMut(RecordState) -> StoreResult<()>,
    ) -> StoreResult<()> {
        let Some(tree) = self.existing_records_tree(kind.as_str())? else {
            return Ok(());
        };
        for item in tree.iter() {
            let (key, value) = item?;
            let state = decode_state(&key, &value)?;
            if !state.is_deleted() {
                visit(state)?;
            }
        }
        Ok(())
    }

    /// Calls `visit` with every record (deleted ones too) in id order: the records trees read
    /// side by side, the lowest id next. (A copy of a record in a second tree, which only a
    /// damaged store holds, is left out, as a lookup by id finds only one.)
    pub fn for_each_state(
        &self,
        mut visit: impl FnMut(RecordState) -> StoreResult<()>,
    ) -> StoreResult<()> {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let trees = self.records_trees.all();
        let mut readers: Vec<sled::Iter> = trees.iter().map(|(_, tree)| tree.iter()).collect();
        // The next record of each tree, keyed by its id (and, for equal ids, by the tree's
        // place in lookup order, which a lookup by id would find first).
        let mut next: BinaryHeap<Reverse<(sled::IVec, usize, sled::IVec)>> = BinaryHeap::new();
        for (place, reader) in readers.iter_mut().enumerate() {
            if let Some(item) = reader.next() {
                let (key, value) = item?;
                next.push(Reverse((key, place, value)));
            }
        }
        let mut last: Option<sled::IVec> = None;
        while let Some(Reverse((key, place, value))) = next.pop() {
            if let Some(item) = readers[place].next() {
                let (key, value) = item?;
                next.push(Reverse((key, place, value)));
            }
            if last.as_ref() == Some(&key) {
                continue;
            }
            visit(decode_state(&key, &value)?)?;
            last = Some(key);
        }
        Ok(())
    }

    /// Ids of records that hold a stamp `base` has not seen, via the changes log (and a few more,
    /// which the caller reads and leaves out: see [`changes_log`]); and,
    /// apart, of records to send again whatever their stamps, since a card they refer to was made
    /// visible after `base` (`resend`).
    pub(crate) fn ids_possibly_changed_since(
        &self,
        base: &VersionVector,
    ) -> StoreResult<(Vec<RecordId>, Vec<RecordId>)> {
        let mut ids = Vec::new();
        let mut again = Vec::new();
        // Held while the log is scanned: a fold (which a commit may do) moves listings to other
        // keys, possibly behind the scan.
        let writer = self.writer();
        for node in writer.version_vector.0.keys() {
            let seen = base.get(*node);
            // Strictly after what the base has seen.
            let next = match seen.counter.checked_add(1) {
                Some(counter) => Hlc {
                    millis: seen.millis,
                    counter,
                },
                None => Hlc {
                    millis: seen.millis + 1,
                    counter: 0,
                },
            };
            changes_log::listed_since(&self.changes_log, *node, next, &mut ids)?;
            let mut from = node.0.to_be_bytes().to_vec();
            from.extend_from_slice(&next.to_key_bytes());
            for item in self.resend.range(from..) {
                let (key, _) = item?;
                if key[..8] != node.0.to_be_bytes() {
                    break;
                }
                if let Some(id) = key.get(20..).and_then(RecordId::from_slice) {
                    again.push(id);
                }
            }
        }
        for list in [&mut ids, &mut again] {
            list.sort();
            list.dedup();
        }
        Ok((ids, again))
    }

    /// Writes the changes log afresh (see [`changes_log`]), under the writer's lock, after the
    /// commit that called for it: outside its transaction, so that its undo image does not hold
    /// the whole log. The folded entries are added first (under new numbers), the old ones
    /// removed after, and the counts written last: a crash in between leaves every listing
    /// (some twice), and the next commit folds again.
    fn fold_changes_log(&self) -> StoreResult<()> {
        let old: Vec<sled::IVec> = self.changes_log.iter().keys().collect::<Result<_, _>>()?;
        let listed = changes_log::read_folded(&self.changes_log)?;
        let counts = changes_log::Counts::folded(listed.len());
        let mut sequence = || self.db.generate_id();
        let mut added = sled::Batch::default();
        for (key, value) in changes_log::entries(listed, &mut sequence)? {
            added.insert(key, value);
        }
        self.changes_log.apply_batch(added)?;
        let mut removed = sled::Batch::default();
        for key in old {
            removed.remove(key);
        }
        self.changes_log.apply_batch(removed)?;
        self.meta
            .insert(changes_log::COUNTS_KEY, &counts.to_bytes())?;
        Ok(())
    }

    /// How many records the changes log lists, each once per entry that lists it.
    pub(crate) fn changes_log_listings(&self) -> StoreResult<usize> {
        let mut listings = 0;
        for item in self.changes_log.iter().values() {
            listings += item?.len() / 16;
        }
        Ok(listings)
    }

    /// Replaces every record and index with the given states, in one transaction (restore).
    pub(crate) fn replace_all(
        &self,
        states: Vec<RecordState>,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut writer = self.writer();
        writer.version_vector = VersionVector::default();
        let changes = states
            .into_iter()
            .map(|after| RecordChange {
                before: None,
                after,
                superseded: Vec::new(),
            })
            .collect();
        let result = self
            .commit_inner(
                &mut writer,
                changes,
                Vec::new(),
                extra_meta,
                now,
                Interleaving::Replace,
                None,
                None,
            )
            .map(drop);
        // The memory index described the old records; the next load rebuilds it.
        *self.memory_index.write().unwrap_or_else(|p| p.into_inner()) = None;
        result
    }

    /// Takes a new node id (after a restore, so the restored store never reuses the old one),
    /// naming the old one and `restored_from` as its earlier nodes, with `coverage` (what the
    /// restored records provably hold) as its coverage.
    pub(crate) fn renew_node_id(
        &self,
        restored_from: &[NodeId],
        coverage: VersionVector,
    ) -> StoreResult<NodeId> {
        let node = NodeId::random();
        let mut writer = self.writer();
        // What may still reach the managers under their stamps: the nodes that wrote the backup
        // (`restored_from`) and the one this store had until now.
        let mut earlier = restored_from.to_vec();
        earlier.push(writer.clock.node());
        identity::remember_earlier(&self.meta, &earlier)?;
        self.meta.insert(meta_key::NODE_ID, &node.0.to_be_bytes())?;
        let last = writer.clock.last();
        // The backup's coverage, not more: the restored store lacks whatever its old node wrote
        // after the backup, and must not claim it.
        let mut coverage = coverage;
        coverage.0.remove(&node);
        self.meta.insert(
            meta_key::COVERAGE,
            postcard::to_stdvec(&coverage).expect("vectors encode"),
        )?;
        writer.coverage = coverage;
        writer.clock = HybridClock::new(node, last);
        self.db.flush()?;
        Ok(node)
    }
}

impl Store {
    /// A fresh stamp from this store's clock, for writes built outside this module.
    pub(crate) fn next_stamp(&self, now: DateTime<Utc>) -> Stamp {
        self.writer().clock.tick(now.timestamp_millis() as u64)
    }
}
