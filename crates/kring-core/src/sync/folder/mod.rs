//! Sync through a shared folder: a network drive, or a OneDrive, SharePoint or Nextcloud folder
//! synced to every laptop. Nobody has to remember to export or import.
//!
//! ```text
//! DIR/                                  the folder the user chose (must exist: Kring never creates it)
//!   kring-sync/
//!     networkers/<node-id>/<time>.kring each networker's delta exports; only that networker writes here
//!     networkers/<node-id>/relay-….kring a colleague's hand-over that networker passes on, as the
//!                                       colleague signed it (see `sync::relay`)
//!     masters/<time>.kring              the manager's merged masters; only managers write here
//! ```
//!
//! One pass ([`SyncFolder::sync_once`]) does, for a **networker**: import every master it has not
//! imported yet that is not older than the last one it imported, then write its delta (what the
//! manager has not acknowledged) when its store changed, its last file is gone, or its last one is
//! a day old (a heartbeat, so the manager sees who syncs); for a
//! **manager**: import every networker bundle (and other managers' masters) it has not imported
//! yet, in one all-or-nothing import, then publish a master when its store changed or its last
//! master is gone. Then each prunes its own old bundles.
//!
//! Safety on real shared folders:
//! - only `*.kring` files are read (the bundle writer writes `.NAME.PID.partial` and renames);
//! - every file is verified end to end (signature, trust, body hash, record count) and its size and
//!   modification time must not change while it is read; a file that fails is skipped, reported,
//!   and tried again next pass — never an error that stops the sync;
//! - conflicted copies (`name (1).kring`, `name-conflict-….kring`) are ordinary `*.kring` files: they
//!   are imported too, and a byte-identical copy is recognised by its identity and skipped;
//! - a missing folder is an error ([`FolderError::Unavailable`]) that changes nothing; the next pass
//!   catches up (an export whose file vanished is written again);
//! - only files this store wrote (remembered by name, and signed by this node) are ever deleted.
//!
//! What this store has imported and when it last synced is kept in the store's own meta tree, never
//! in the shared folder. No function here reads the clock: every pass takes `now`.

mod watch;

pub use watch::{FolderFingerprint, FolderWatcher, WakeReason};

use super::bundle::{BundleError, BundleHeader, BundleKind};
use super::{ExportReport, ImportReport, SyncError};
use crate::clock::{NodeId, VersionVector};
use crate::model::Role;
use crate::store::{ProblemCode, Store, StoreError};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folder Kring keeps inside the chosen sync folder.
pub const KRING_DIR: &str = "kring-sync";
/// Networkers' exports, one subfolder per node.
pub const NETWORKERS_DIR: &str = "networkers";
/// The managers' masters.
pub const MASTERS_DIR: &str = "masters";
/// How many of its own bundles a store keeps at most, acknowledged or not. A newer delta carries
/// everything an older one did that the recipient has not acknowledged, so older ones are redundant.
pub const DEFAULT_KEEP_OWN: usize = 10;
/// After how many days without a bundle a networker is reported as not syncing.
pub const DEFAULT_STALE_DAYS: u32 = 14;
/// How often the app syncs when nothing else asks it to: once a day.
pub const DEFAULT_SCHEDULE_HOURS: u32 = crate::store::DEFAULT_SYNC_EVERY_HOURS;

const STATE_KEY: &[u8] = b"sync_folder/state";

/// Why a folder is not available, in Kring's own words (`FolderError::message` says them in the
/// person's language; a reason the system gave stays as it came).
const NOT_A_FOLDER: &str = "it is not a folder";
const DOES_NOT_EXIST: &str = "it does not exist";

/// Why a pass could not run. A bad bundle in the folder is not one of these: it is skipped and
/// listed in [`SyncReport::skipped`].
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error("sync folder {} is not available ({reason}); nothing was changed, and Kring catches up when it is back", .path.display())]
    Unavailable { path: PathBuf, reason: String },
    #[error("{}: cannot be written in the sync folder: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
    #[error(transparent)]
    Sync(#[from] SyncError),
}

impl FolderError {
    /// The error in `language` (its English is the `Display` text).
    pub fn message(&self, language: kring_i18n::Language) -> String {
        match self {
            FolderError::Unavailable { path, reason } | FolderError::Write { path, reason } => {
                // Kring's own reasons are said in the language; the system's stay as it wrote them.
                let reason = match reason.as_str() {
                    NOT_A_FOLDER => kring_i18n::t!(language, "sync-folder-not-a-folder"),
                    DOES_NOT_EXIST => kring_i18n::t!(language, "sync-folder-does-not-exist"),
                    other => other.to_owned(),
                };
                kring_i18n::error_text(
                    language,
                    self.code().as_str(),
                    &[
                        ("path", crate::error::shown(path)),
                        ("reason", reason.into()),
                    ],
                )
            }
            FolderError::Sync(error) => error.message(language),
        }
    }

    pub fn code(&self) -> crate::error::ProblemCode {
        match self {
            FolderError::Unavailable { .. } => crate::error::ProblemCode::SyncFolderUnavailable,
            FolderError::Write { .. } => crate::error::ProblemCode::SyncFolderWrite,
            FolderError::Sync(e) => e.code(),
        }
    }
}

impl From<StoreError> for FolderError {
    fn from(error: StoreError) -> Self {
        FolderError::Sync(SyncError::Store(error))
    }
}

pub type FolderResult<T> = Result<T, FolderError>;

/// How a store uses the folder. The defaults suit both roles.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FolderOptions {
    /// Own bundles kept at most (the newest is always kept).
    pub keep_own: usize,
    /// Networkers without a bundle for this many days are reported as stale.
    pub stale_after_days: u32,
    /// A networker with nothing new still writes a (nearly empty) delta when its last one is this
    /// old, so the manager sees that it syncs. Keep it well below `stale_after_days`.
    pub heartbeat_hours: u32,
    /// A pass backs the store up once a day; a pass that merges bundles of more than this many
    /// bytes (and more than a quarter of the newest backup) takes one even within the day.
    pub backup_import_bytes: u64,
}

/// How large the bundles of one pass must be to take a backup within the day: 1 MiB. A day's
/// deltas stay far below it; a colleague's first full export or a master after long silence
/// does not.
pub const DEFAULT_BACKUP_IMPORT_BYTES: u64 = 1 << 20;

impl Default for FolderOptions {
    fn default() -> Self {
        FolderOptions {
            keep_own: DEFAULT_KEEP_OWN,
            stale_after_days: DEFAULT_STALE_DAYS,
            heartbeat_hours: 24,
            backup_import_bytes: DEFAULT_BACKUP_IMPORT_BYTES,
        }
    }
}

/// A shared sync folder. Cheap to create; holds no handle open between passes.
#[derive(Clone, Debug)]
pub struct SyncFolder {
    root: PathBuf,
    options: FolderOptions,
    /// The language a pass words what it reports for people in: why a file was skipped, why the
    /// pass failed (English unless [`SyncFolder::speaking`] says otherwise).
    language: kring_i18n::Language,
}

/// A bundle in the folder that was not imported this pass, and why.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SkippedFile {
    pub path: PathBuf,
    /// `still_changing`, or why the bundle was not imported (`bundle_truncated`, …).
    pub code: ProblemCode,
    /// The same in words, in the language of the pass ([`SyncFolder::speaking`]).
    pub reason: String,
    /// Whether the next pass tries it again by itself (false when a person must act, as for a
    /// key to trust or a newer Kring to install).
    pub retried: bool,
}

/// What one pass did.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncReport {
    pub folder: PathBuf,
    pub role: Role,
    pub node: String,
    pub at: DateTime<Utc>,
    /// The bundles imported (in one all-or-nothing import), with what they changed.
    pub imported: Vec<PathBuf>,
    pub added: u64,
    pub changed: u64,
    pub deleted: u64,
    pub new_conflicts: u64,
    /// Bundles seen that were imported before (conflicted copies of them included).
    pub already_imported: u64,
    /// Masters older than the last one imported (a networker leaves them alone).
    pub older_masters_ignored: u64,
    pub skipped: Vec<SkippedFile>,
    /// The delta (networker) or master (manager) written, if any.
    pub exported: Option<ExportedFile>,
    /// Own old bundles deleted.
    pub pruned: Vec<PathBuf>,
    /// The store's backup taken before the import, if one was.
    pub backup: Option<PathBuf>,
    /// Bundles whose signer is not on the roster: held, waiting for approval (`kring members`).
    #[serde(default)]
    pub held: Vec<super::HeldBundle>,
    /// Writes the import dropped because their writers had no right to them.
    #[serde(default)]
    pub refused: Vec<crate::trust::rights::RefusedWrite>,
    #[serde(default)]
    pub refused_total: u64,
}

/// A bundle a pass wrote.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExportedFile {
    pub path: PathBuf,
    pub kind: BundleKind,
    pub records: u64,
    pub bytes: u64,
    pub private_kept_back: u64,
}

impl SyncReport {
    /// Whether the pass imported or wrote anything.
    pub fn did_something(&self) -> bool {
        !self.imported.is_empty() || self.exported.is_some() || !self.pruned.is_empty()
    }
}

/// The last error of a pass, as the app shows it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncProblem {
    pub at: DateTime<Utc>,
    pub code: ProblemCode,
    /// The error in words, in the language of the pass that failed ([`SyncFolder::speaking`]).
    pub message: String,
}

/// When a peer last sent a bundle that this store imported.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeerLastSeen {
    pub node: String,
    pub name: String,
    pub role: Role,
    /// When the peer wrote its last bundle that reached this store.
    pub last_bundle_at: Option<DateTime<Utc>>,
    pub days_since: Option<i64>,
    /// No bundle for longer than [`FolderOptions::stale_after_days`].
    pub stale: bool,
}

/// Sync status for the app's status line and the manager's report.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncStatus {
    /// The folder of the last pass.
    pub folder: Option<PathBuf>,
    /// The last pass, whether it worked or not.
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The last pass that worked.
    pub last_success_at: Option<DateTime<Utc>>,
    /// The error of the last pass, if it failed (cleared by the next pass that works).
    pub last_error: Option<SyncProblem>,
    /// What the last pass that worked did.
    pub last_report: Option<SyncReport>,
    /// The other stores this one has imported from: networkers for a manager, managers for a
    /// networker; stale ones first.
    pub peers: Vec<PeerLastSeen>,
}

impl SyncStatus {
    /// Whether a scheduled pass is due: none has worked yet, or the last one that did is `every`
    /// ago or longer.
    pub fn is_due(&self, every: Duration, now: DateTime<Utc>) -> bool {
        self.last_success_at.is_none_or(|last| now - last >= every)
    }

    /// The networkers (for a manager) that have not synced for too long.
    pub fn stale_peers(&self) -> impl Iterator<Item = &PeerLastSeen> {
        self.peers.iter().filter(|p| p.stale)
    }
}

/// What a store remembers of the folder, in its own meta tree.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct FolderState {
    folder: Option<PathBuf>,
    /// Identity of every bundle imported (and still in the folder) → when, in milliseconds.
    imported: BTreeMap<String, i64>,
    /// Bundles this store wrote, relative to `kring-sync/`, oldest first.
    written: Vec<String>,
    /// The version vector of the store when it last wrote a bundle, and when that was.
    last_written_vv: Option<VersionVector>,
    /// The store's coverage when it last wrote a bundle: a newcomer whose coverage grew tells
    /// its recipients so, even when no record changed.
    last_written_coverage: Option<VersionVector>,
    last_written_at: Option<DateTime<Utc>>,
    /// Colleagues' hand-overs this store put in its own folder to pass on (see `sync::relay`),
    /// relative to `kring-sync/`.
    #[serde(default)]
    relayed: Vec<String>,
    /// The creation time of the newest master imported (networker).
    last_master_at_millis: Option<i64>,
    last_attempt_at: Option<DateTime<Utc>>,
    last_success_at: Option<DateTime<Utc>>,
    last_error: Option<SyncProblem>,
    last_report: Option<SyncReport>,
}

fn load_state(store: &Store) -> Result<FolderState, StoreError> {
    Ok(store
        .meta_get(STATE_KEY)?
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default())
}

fn save_state(store: &Store, state: &FolderState) -> Result<(), StoreError> {
    store.meta_set(
        STATE_KEY,
        &serde_json::to_vec(state).expect("folder state serialises"),
    )
}

/// A bundle's identity: who wrote it, when, and the hash of its body. A conflicted copy of a file
/// has the identity of the original; two different exports never share one.
pub fn bundle_identity(header: &BundleHeader) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&header.author_node.0.to_be_bytes());
    hasher.update(&header.created_at_millis.to_le_bytes());
    hasher.update(&header.body_hash);
    hasher.finalize().to_hex()[..32].to_owned()
}

/// A `*.kring` file found in the folder, with its header (signature checked).
struct Found {
    path: PathBuf,
    header: BundleHeader,
    identity: String,
}

fn millis_to_time(millis: i64) -> Option<DateTime<Utc>> {
    DateTime::<Utc>::from_timestamp_millis(millis)
}

fn skipped(path: &Path, error: &BundleError, language: kring_i18n::Language) -> SkippedFile {
    let retried = !matches!(
        error,
        BundleError::FutureFormat { .. } | BundleError::IsBackup { .. }
    );
    SkippedFile {
        path: path.to_owned(),
        code: error.code(),
        reason: error.message(language),
        retried,
    }
}

/// A file's size and modification time, to see whether it changes while it is read.
fn file_signature(path: &Path) -> Option<(u64, Option<std::time::SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

fn is_bundle_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.') && path.extension().is_some_and(|e| e == "kring")
}

impl SyncFolder {
    /// The folder the user chose (Kring works in its `kring-sync/` subfolder).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        SyncFolder {
            root: root.into(),
            options: FolderOptions::default(),
            language: kring_i18n::Language::English,
        }
    }

    /// The same folder, its passes wording what they report for people (a skipped file's
    /// reason, the error kept for [`SyncFolder::status`]) in `language`. The codes beside the
    /// words are the same in every language.
    pub fn speaking(mut self, language: kring_i18n::Language) -> Self {
        self.language = language;
        self
    }

    pub fn with_options(mut self, options: FolderOptions) -> Self {
        self.options = options;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn options(&self) -> &FolderOptions {
        &self.options
    }

    /// `DIR/kring-sync`.
    pub fn kring_dir(&self) -> PathBuf {
        self.root.join(KRING_DIR)
    }

    /// The folder a networker node writes its exports into.
    pub fn networker_dir(&self, node: NodeId) -> PathBuf {
        self.kring_dir().join(NETWORKERS_DIR).join(node.to_string())
    }

    pub fn masters_dir(&self) -> PathBuf {
        self.kring_dir().join(MASTERS_DIR)
    }

    /// The folder must exist and be a folder; `kring-sync/` and its two subfolders are created in
    /// it when missing. A missing root usually means an unmounted drive or an offline laptop, so
    /// it is never created.
    fn check_available(&self) -> FolderResult<()> {
        let unavailable = |reason: String| FolderError::Unavailable {
            path: self.root.clone(),
            reason,
        };
        match std::fs::metadata(&self.root) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(unavailable(NOT_A_FOLDER.into())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(unavailable(DOES_NOT_EXIST.into()))
            }
            Err(e) => return Err(unavailable(e.to_string())),
        }
        for dir in [
            self.kring_dir(),
            self.kring_dir().join(NETWORKERS_DIR),
            self.masters_dir(),
        ] {
            std::fs::create_dir_all(&dir).map_err(|e| unavailable(e.to_string()))?;
        }
        Ok(())
    }

    /// `*.kring` files directly in `dir`, by name. An unreadable folder is unavailable. Only
    /// regular files count, judged from the directory entry without opening or following
    /// anything: a symbolic link (to a file anywhere on the machine) or a FIFO (whose opening
    /// would block the pass) with a bundle's name is ignored.
    fn bundle_files(&self, dir: &Path) -> FolderResult<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(FolderError::Unavailable {
                    path: dir.to_owned(),
                    reason: e.to_string(),
                })
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .filter(|p| is_bundle_name(p))
            .collect();
        files.sort();
        Ok(files)
    }

    /// Every `*.kring` in `networkers/` and its subfolders (one level), and in `masters/`.
    fn all_bundle_files(&self) -> FolderResult<(Vec<PathBuf>, Vec<PathBuf>)> {
        let networkers = self.kring_dir().join(NETWORKERS_DIR);
        let mut from_networkers = self.bundle_files(&networkers)?;
        let entries = std::fs::read_dir(&networkers).map_err(|e| FolderError::Unavailable {
            path: networkers.clone(),
            reason: e.to_string(),
        })?;
        let mut subfolders: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        subfolders.sort();
        for dir in subfolders {
            from_networkers.extend(self.bundle_files(&dir)?);
        }
        Ok((from_networkers, self.bundle_files(&self.masters_dir())?))
    }

    /// Opens the headers of `files`; a file whose header cannot be read is skipped.
    fn headers(&self, store: &Store, files: Vec<PathBuf>, report: &mut SyncReport) -> Vec<Found> {
        let mut found = Vec::new();
        for path in files {
            match store.open_bundle(&path) {
                Ok(reader) => {
                    let header = reader.header.clone();
                    if header.kind == BundleKind::Backup {
                        report.skipped.push(skipped(
                            &path,
                            &BundleError::IsBackup { path: path.clone() },
                            self.language,
                        ));
                        continue;
                    }
                    found.push(Found {
                        identity: bundle_identity(&header),
                        path,
                        header,
                    });
                }
                Err(SyncError::Bundle(error)) => {
                    report.skipped.push(skipped(&path, &error, self.language))
                }
                Err(other) => report.skipped.push(SkippedFile {
                    path: path.clone(),
                    code: other.code(),
                    reason: other.message(self.language),
                    retried: true,
                }),
            }
        }
        found
    }

    /// Reads a bundle to its end (hash, record count) and checks that the file did not change
    /// while it was read. (Who signed it is the import's business: an unknown signer's bundle is
    /// held for approval there.)
    fn verify(&self, store: &Store, found: &Found) -> Result<(), SkippedFile> {
        let before = file_signature(&found.path);
        let result = (|| -> Result<(), SyncError> {
            let mut reader = store.open_bundle(&found.path)?;
            if reader.header != found.header {
                return Err(BundleError::Corrupt {
                    path: found.path.clone(),
                    reason: "it changed while it was read".into(),
                }
                .into());
            }
            while reader.next_record()?.is_some() {}
            Ok(())
        })();
        match result {
            Ok(()) if before.is_some() && file_signature(&found.path) == before => Ok(()),
            Ok(()) => Err(SkippedFile {
                path: found.path.clone(),
                code: ProblemCode::StillChanging,
                reason: kring_i18n::error_text(
                    self.language,
                    ProblemCode::StillChanging.as_str(),
                    &[("path", crate::error::shown(&found.path))],
                ),
                retried: true,
            }),
            Err(SyncError::Bundle(error)) => Err(skipped(&found.path, &error, self.language)),
            Err(other) => Err(SkippedFile {
                path: found.path.clone(),
                code: other.code(),
                reason: other.message(self.language),
                retried: true,
            }),
        }
    }

    /// One pass: import what is new, write what changed, prune own old bundles. Blocking (file
    /// and store I/O): from async code, run it on the blocking pool. `now` names the files and
    /// stamps the status.
    ///
    /// On an error (the folder unavailable, the store full) nothing already done is lost, the
    /// error is kept for [`SyncFolder::status`], and the next pass picks up from there.
    pub fn sync_once(&self, store: &Store, now: DateTime<Utc>) -> FolderResult<SyncReport> {
        store.refuse_if_demo("synced")?;
        let mut state = load_state(store)?;
        let result = self.pass(store, &mut state, now);
        state.last_attempt_at = Some(now);
        state.folder = Some(self.root.clone());
        match &result {
            Ok(report) => {
                state.last_success_at = Some(now);
                state.last_error = None;
                state.last_report = Some(report.clone());
            }
            Err(error) => {
                state.last_error = Some(SyncProblem {
                    at: now,
                    code: error.code(),
                    message: error.message(self.language),
                });
            }
        }
        save_state(store, &state)?;
        // Passes log the records whose search terms changed; a long run of them (the app left
        // open for weeks, `kring sync --watch`) would fill the log until the next start rebuilt
        // the whole term file. Only housekeeping: the pass has landed whatever this does.
        let _ = store.settle_search_index();
        result
    }

    fn pass(
        &self,
        store: &Store,
        state: &mut FolderState,
        now: DateTime<Utc>,
    ) -> FolderResult<SyncReport> {
        let profile = store.require_profile()?;
        self.check_available()?;
        let me = store.node_id();
        let mut report = SyncReport {
            folder: self.root.clone(),
            role: profile.role,
            node: me.to_string(),
            at: now,
            imported: Vec::new(),
            added: 0,
            changed: 0,
            deleted: 0,
            new_conflicts: 0,
            already_imported: 0,
            older_masters_ignored: 0,
            skipped: Vec::new(),
            exported: None,
            pruned: Vec::new(),
            backup: None,
            held: Vec::new(),
            refused: Vec::new(),
            refused_total: 0,
        };

        // 1. What is in the folder that this store should import.
        let (networker_files, master_files) = self.all_bundle_files()?;
        let mut candidates = Vec::new();
        let mut present: BTreeSet<String> = BTreeSet::new();
        let sources = match profile.role {
            Role::Networker => master_files,
            Role::Manager => {
                let mut all = networker_files;
                all.extend(master_files);
                all
            }
        };
        for found in self.headers(store, sources, &mut report) {
            present.insert(found.identity.clone());
            if found.header.author_node == me {
                continue;
            }
            if profile.role == Role::Networker && found.header.author_role != Role::Manager {
                continue;
            }
            if state.imported.contains_key(&found.identity) {
                report.already_imported += 1;
                continue;
            }
            if profile.role == Role::Networker
                && state
                    .last_master_at_millis
                    .is_some_and(|last| found.header.created_at_millis < last)
            {
                report.older_masters_ignored += 1;
                continue;
            }
            candidates.push(found);
        }
        // A conflicted copy of a file not imported yet: one of the two is enough.
        let mut seen = BTreeSet::new();
        candidates.retain(|f| {
            if seen.insert(f.identity.clone()) {
                true
            } else {
                report.already_imported += 1;
                false
            }
        });
        let mut verified = Vec::new();
        for found in candidates {
            match self.verify(store, &found) {
                Ok(()) => verified.push(found),
                Err(skip) => report.skipped.push(skip),
            }
        }

        // 2. Import them all at once, oldest first (so each sender's newest is remembered last).
        if !verified.is_empty() {
            verified.sort_by_key(|f| (f.header.created_at_millis, f.path.clone()));
            let paths: Vec<PathBuf> = verified.iter().map(|f| f.path.clone()).collect();
            let imported = match store.import_bundles_backing_up(
                &paths,
                false,
                super::BackupPolicy::Daily {
                    or_import_over_bytes: self.options.backup_import_bytes,
                },
                now,
                &mut |_, _| {},
            ) {
                Ok(imported) => imported,
                // A file changed between the check and the copy: leave it all for the next pass.
                Err(SyncError::Bundle(error)) => {
                    let path = bundle_error_path(&error).unwrap_or_default();
                    report.skipped.push(skipped(&path, &error, self.language));
                    ImportReport::default()
                }
                Err(other) => return Err(other.into()),
            };
            let held: BTreeSet<&PathBuf> = imported.held.iter().map(|h| &h.path).collect();
            report.held = imported.held.clone();
            report.refused = imported.refused.clone();
            report.refused_total = imported.refused_total;
            if !imported.files.is_empty() {
                for found in verified.iter().filter(|f| !held.contains(&f.path)) {
                    state
                        .imported
                        .insert(found.identity.clone(), now.timestamp_millis());
                    if found.header.author_role == Role::Manager {
                        let last = state.last_master_at_millis.unwrap_or(i64::MIN);
                        state.last_master_at_millis =
                            Some(last.max(found.header.created_at_millis));
                    }
                }
                report.imported = paths.into_iter().filter(|p| !held.contains(p)).collect();
                report.added = imported.added;
                report.changed = imported.changed;
                report.deleted = imported.deleted;
                report.new_conflicts = imported.new_conflicts;
                report.backup = imported.backup;
                save_state(store, state)?;
            }
        }
        // Forget bundles no longer in the folder (their writers pruned them).
        state
            .imported
            .retain(|identity, _| present.contains(identity));

        // 3. Write this store's bundle when it has something new, or when its last one is gone.
        let own_dir = match profile.role {
            Role::Networker => self.networker_dir(me),
            Role::Manager => self.masters_dir(),
        };
        let last_written_exists = state
            .written
            .last()
            .is_some_and(|name| self.kring_dir().join(name).is_file());
        let vv = store.version_vector();
        let coverage = store.coverage();
        let heartbeat_due = profile.role == Role::Networker
            && state.last_written_at.is_none_or(|last| {
                now - last >= Duration::hours(i64::from(self.options.heartbeat_hours))
            });
        if state.last_written_vv.as_ref() != Some(&vv)
            || state.last_written_coverage.as_ref() != Some(&coverage)
            || !last_written_exists
            || heartbeat_due
        {
            std::fs::create_dir_all(&own_dir).map_err(|e| FolderError::Write {
                path: own_dir.clone(),
                reason: e.to_string(),
            })?;
            let path = unused_name(&own_dir, now);
            let written = store
                .export_bundle(&path, false, now)
                .map_err(|e| match e {
                    SyncError::Write { path, reason } => FolderError::Write { path, reason },
                    other => other.into(),
                })?;
            let relative = path
                .strip_prefix(self.kring_dir())
                .expect("inside the folder")
                .to_string_lossy()
                .replace('\\', "/");
            state.written.push(relative);
            state.last_written_vv = Some(vv);
            state.last_written_coverage = Some(coverage);
            state.last_written_at = Some(now);
            report.exported = Some(exported_file(written));
            save_state(store, state)?;
        }

        // 4. Prune own bundles the recipients have acknowledged, and any beyond the newest few.
        report.pruned = self.prune_own(store, state, &own_dir, profile.role)?;

        // 5. A networker passes colleagues' hand-overs on beside its own bundles, and takes
        //    them out once the managers have acknowledged them.
        if profile.role == Role::Networker {
            let gone = self.pass_relays_on(store, state, &own_dir)?;
            report.pruned.extend(gone);
            save_state(store, state)?;
        }
        Ok(report)
    }

    /// Puts each relay the store keeps into `own_dir` (once), and deletes the copies of relays
    /// the store no longer keeps (acknowledged by the managers, or dropped by a compaction).
    /// Only files this store put there, named in the state, are ever deleted. Returns them.
    fn pass_relays_on(
        &self,
        store: &Store,
        state: &mut FolderState,
        own_dir: &Path,
    ) -> FolderResult<Vec<PathBuf>> {
        store.drop_acknowledged_relays()?;
        let kring_dir = self.kring_dir();
        let relative = |path: &Path| {
            path.strip_prefix(&kring_dir)
                .expect("inside the folder")
                .to_string_lossy()
                .replace('\\', "/")
        };
        let mut keep = BTreeSet::new();
        for relay in store.relays()? {
            let copy = relay.copy_into(own_dir).map_err(|e| match e {
                SyncError::Write { path, reason } => FolderError::Write { path, reason },
                other => other.into(),
            })?;
            let name = relative(&copy.path);
            if !state.relayed.contains(&name) {
                state.relayed.push(name.clone());
            }
            keep.insert(name);
        }
        let mut gone = Vec::new();
        let mut still = Vec::new();
        for name in std::mem::take(&mut state.relayed) {
            if keep.contains(&name) {
                still.push(name);
                continue;
            }
            let path = kring_dir.join(&name);
            match std::fs::remove_file(&path) {
                Ok(()) => gone.push(path),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(_) => still.push(name),
            }
        }
        state.relayed = still;
        Ok(gone)
    }

    /// Deletes this store's own bundles that every recipient has acknowledged, keeping the newest
    /// always and at most `keep_own`. Only files named in the state, in this store's own folder,
    /// and signed by this node are ever deleted.
    fn prune_own(
        &self,
        store: &Store,
        state: &mut FolderState,
        own_dir: &Path,
        role: Role,
    ) -> FolderResult<Vec<PathBuf>> {
        let me = store.node_id();
        // What each recipient provably holds; one heard from before Kring kept coverage holds
        // nothing we can count on.
        let recipients: Vec<VersionVector> = store
            .peers()?
            .into_iter()
            .filter(|p| p.node != me)
            .filter(|p| role == Role::Manager || p.role == Role::Manager)
            .map(|p| p.coverage.unwrap_or_default())
            .collect();
        let kring_dir = self.kring_dir();
        // Files gone from the folder are forgotten (and so never deleted later).
        state.written.retain(|name| kring_dir.join(name).is_file());
        let count = state.written.len();
        let mut pruned = Vec::new();
        let mut kept = Vec::new();
        for (n, name) in state.written.iter().enumerate() {
            let path = kring_dir.join(name);
            let newest = n + 1 == count;
            let beyond_keep = count - n > self.options.keep_own.max(1);
            let ours_here = path.parent() == Some(own_dir);
            let header = store.open_bundle(&path).ok().map(|r| r.header);
            let signed_by_me = header.as_ref().is_some_and(|h| h.author_node == me);
            let acknowledged = header.as_ref().is_some_and(|h| {
                let conveys = match role {
                    Role::Manager => h.coverage.clone(),
                    Role::Networker => h.coverage.only(me),
                };
                !recipients.is_empty() && recipients.iter().all(|c| c.dominates(&conveys))
            });
            if !newest && ours_here && signed_by_me && (acknowledged || beyond_keep) {
                match std::fs::remove_file(&path) {
                    Ok(()) => {
                        pruned.push(path);
                        continue;
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    Err(_) => {}
                }
            }
            kept.push(name.clone());
        }
        state.written = kept;
        Ok(pruned)
    }

    /// The status the app shows: last pass, last error, and when each peer last sent a bundle.
    pub fn status(&self, store: &Store, now: DateTime<Utc>) -> Result<SyncStatus, StoreError> {
        status(store, now, self.options.stale_after_days)
    }
}

/// The sync status kept in a store (see [`SyncFolder::status`]); needs no folder.
pub fn status(
    store: &Store,
    now: DateTime<Utc>,
    stale_after_days: u32,
) -> Result<SyncStatus, StoreError> {
    let state = load_state(store)?;
    let role = store.profile()?.map(|p| p.role).unwrap_or(Role::Networker);
    let me = store.node_id();
    let peers = store.peers().map_err(|e| match e {
        SyncError::Store(e) => e,
        other => StoreError::Io(other.to_string()),
    })?;
    let mut seen: Vec<PeerLastSeen> = peers
        .into_iter()
        .filter(|p| p.node != me)
        .filter(|p| match role {
            Role::Manager => p.role == Role::Networker,
            Role::Networker => p.role == Role::Manager,
        })
        .map(|p| {
            let last = millis_to_time(p.last_bundle_at_millis);
            let days = last.map(|l| (now - l).num_days());
            PeerLastSeen {
                node: p.node.to_string(),
                name: p.name,
                role: p.role,
                last_bundle_at: last,
                days_since: days,
                stale: days.is_none_or(|d| d >= i64::from(stale_after_days)),
            }
        })
        .collect();
    seen.sort_by(|a, b| {
        b.stale
            .cmp(&a.stale)
            .then(a.last_bundle_at.cmp(&b.last_bundle_at))
            .then(a.name.cmp(&b.name))
    });
    Ok(SyncStatus {
        folder: state.folder,
        last_attempt_at: state.last_attempt_at,
        last_success_at: state.last_success_at,
        last_error: state.last_error,
        last_report: state.last_report,
        peers: seen,
    })
}

fn exported_file(report: ExportReport) -> ExportedFile {
    ExportedFile {
        path: report.path,
        kind: report.kind,
        records: report.records,
        bytes: report.bytes,
        private_kept_back: report.private_kept_back,
    }
}

/// `<dir>/<time>.kring`, with `-2`, `-3`, … when a file of that name exists.
fn unused_name(dir: &Path, now: DateTime<Utc>) -> PathBuf {
    let stem = now.format("%Y%m%dT%H%M%S%.3fZ").to_string();
    let mut path = dir.join(format!("{stem}.kring"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.kring"));
        n += 1;
    }
    path
}

fn bundle_error_path(error: &BundleError) -> Option<PathBuf> {
    error.path().map(Path::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_kring_files_count_as_bundles() {
        assert!(is_bundle_name(Path::new("x/20261123T100000.000Z.kring")));
        assert!(is_bundle_name(Path::new(
            "x/20261123T100000.000Z (1).kring"
        )));
        assert!(is_bundle_name(Path::new("x/a-conflict-20261123.kring")));
        assert!(!is_bundle_name(Path::new(
            "x/.20261123T100000.000Z.kring.4242.partial"
        )));
        assert!(!is_bundle_name(Path::new("x/.hidden.kring")));
        assert!(!is_bundle_name(Path::new("x/a.kring-backup")));
        assert!(!is_bundle_name(Path::new("x/a.kring.tmp")));
    }

    #[test]
    fn a_second_file_in_the_same_millisecond_gets_a_suffix() {
        let dir = tempfile::tempdir().unwrap();
        let now = DateTime::<Utc>::from_timestamp_millis(1_795_000_000_123).unwrap();
        let first = unused_name(dir.path(), now);
        std::fs::write(&first, b"x").unwrap();
        let second = unused_name(dir.path(), now);
        assert_ne!(first, second);
        assert!(second.to_string_lossy().ends_with("-2.kring"));
    }

    #[test]
    fn a_pass_is_due_when_none_worked_or_the_last_is_old_enough() {
        let now = DateTime::<Utc>::from_timestamp_millis(1_795_000_000_000).unwrap();
        let mut status = SyncStatus {
            folder: None,
            last_attempt_at: None,
            last_success_at: None,
            last_error: None,
            last_report: None,
            peers: vec![],
        };
        assert!(status.is_due(Duration::hours(24), now));
        status.last_success_at = Some(now - Duration::hours(3));
        assert!(!status.is_due(Duration::hours(24), now));
        assert!(status.is_due(Duration::hours(2), now));
    }
}
