//! Sync: exporting what a networker shares, importing and merging bundles, and the digest that
//! shows two stores agree.
//!
//! A networker's export carries what is `shared`, the summary projection of what is `summary`,
//! and nothing `private`. By default it is a delta: only records with a stamp the recipient has
//! not acknowledged (the version vector in the last bundle it sent back). The Manager of the
//! Network's export is the merged master, carrying every networker's shared records with their
//! authors, so each networker sees who knows whom.
//!
//! An import verifies every file (signature, trust on first use of a node's key, body hash)
//! before it changes anything, takes a backup, merges every record with the CRDT join, and
//! commits all files in one transaction: all or nothing.

pub mod bundle;
pub mod causal;
pub mod conflicts;
pub mod folder;
pub mod journal;
mod merge;

use merge::Merge;

use crate::clock::{Hlc, NodeId, VersionVector};
use crate::crdt::{envelope, RecordState};
use crate::model::{RecordId, RecordKind, Role, Visibility};
use crate::store::{Store, StoreError};
use bundle::{BundleError, BundleHeader, BundleKind};
use chrono::{DateTime, Utc};
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Everything that can go wrong in sync.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error("{}: cannot be written: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
    /// The merge stopped after the import was journalled: the next open of the store finishes it.
    #[error("{0}; the import is kept in the store and finishes the next time the store is opened")]
    Unfinished(Box<SyncError>),
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Store(e) => e.code(),
            SyncError::Bundle(e) => e.code(),
            SyncError::Write { .. } => "write_failed",
            SyncError::Unfinished(e) => e.code(),
        }
    }

    /// A file that could not be written, with the reason in words that say what to do.
    pub(crate) fn write(path: &Path, error: &std::io::Error) -> SyncError {
        SyncError::Write {
            path: path.to_owned(),
            reason: crate::files::write_failure(error),
        }
    }
}

impl From<crate::model::ValidationError> for SyncError {
    fn from(error: crate::model::ValidationError) -> Self {
        SyncError::Store(StoreError::Invalid(error))
    }
}

pub type SyncResult<T> = Result<T, SyncError>;

mod meta_key {
    pub const SIGNING_KEY: &[u8] = b"signing_key";
    pub const ORGANISATION: &[u8] = b"organisation";
    pub const TRUSTED_PREFIX: &[u8] = b"trusted_key/";
    pub const PEER_PREFIX: &[u8] = b"peer/";
}

/// What this store knows of another store, from the last bundle it imported from it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Peer {
    pub node: NodeId,
    pub name: String,
    pub role: Role,
    pub version_vector: VersionVector,
    pub last_bundle_at_millis: i64,
    /// What the peer's store held when it wrote that bundle (see [`causal`]). Absent for peers
    /// last heard from before Kring kept coverage: nothing is assumed of them.
    #[serde(default)]
    pub coverage: Option<VersionVector>,
}

/// What an export wrote.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExportReport {
    pub path: PathBuf,
    pub kind: BundleKind,
    pub records: u64,
    pub bytes: u64,
    /// Private records that stayed behind.
    pub private_kept_back: u64,
    /// Records sent as their summary projection only.
    pub summarised: u64,
    /// Records left out because the recipient already has them (delta).
    pub unchanged_left_out: u64,
}

/// A backup file in the store's `backups/` folder. Its name starts with the time it was taken and
/// says why ("20261123T101500.000Z-before-import.kring-backup").
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupFile {
    pub path: PathBuf,
    pub name: String,
    pub bytes: u64,
}

/// What an import did, or would do in a dry run.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportReport {
    pub dry_run: bool,
    pub files: Vec<ImportedFile>,
    pub records_read: u64,
    pub added: u64,
    pub changed: u64,
    pub deleted: u64,
    pub unchanged: u64,
    /// Fields that now hold concurrent values (see `kring conflicts`).
    pub new_conflicts: u64,
    /// Nodes whose stamps lie more than a day ahead of this machine's clock.
    pub future_stamps: Vec<String>,
    pub backup: Option<PathBuf>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportedFile {
    pub path: PathBuf,
    pub author: String,
    pub node: String,
    pub role: Role,
    pub kind: BundleKind,
    pub records: u64,
    pub created_at: String,
    pub newly_trusted: bool,
}

/// The visibility of a record; records without one count as shared (they came from a store that
/// shared them).
pub fn visibility_of(state: &RecordState) -> Visibility {
    match state.current(envelope::VISIBILITY) {
        Some(serde_json::Value::String(text)) => text.parse().unwrap_or(Visibility::Private),
        _ => Visibility::Shared,
    }
}

/// What of a record may leave this machine: all of it, its summary projection, or nothing.
///
/// A record made private *after* it was summary or shared (its visibility version has seen an
/// earlier one) travels as a retraction: its id and its visibility, nothing else, so that the
/// organisation's copies stop showing and passing it on. A record private from the start never
/// leaves at all, not even its id.
pub fn shareable_projection(state: &RecordState) -> Option<RecordState> {
    match visibility_of(state) {
        Visibility::Private => {
            let register = state.fields.get(envelope::VISIBILITY)?;
            let was_visible_before = register.versions().iter().any(|v| !v.seen.0.is_empty());
            was_visible_before.then(|| state.project(&[envelope::VISIBILITY], &[]))
        }
        Visibility::Shared => Some(state.clone()),
        Visibility::Summary => {
            let kind: RecordKind = state.kind.parse().ok()?;
            let fields = kind.summary_fields();
            if fields.is_empty() {
                return None;
            }
            let mut keep: Vec<&str> = fields.to_vec();
            keep.extend([envelope::VISIBILITY, envelope::DELETED]);
            Some(state.project(&keep, fields))
        }
    }
}

fn millis(now: DateTime<Utc>) -> u64 {
    now.timestamp_millis().max(0) as u64
}

impl Store {
    /// This store's signing key, created on first use and renewed when the node id was (a copied
    /// store must not sign as the original).
    pub fn signing_key(&self) -> SyncResult<SigningKey> {
        let node = self.node_id();
        if let Some(bytes) = self.meta_get(meta_key::SIGNING_KEY)? {
            if bytes.len() == 40 && bytes[32..] == node.0.to_be_bytes() {
                let secret: [u8; 32] = bytes[..32].try_into().expect("32 bytes");
                return Ok(SigningKey::from_bytes(&secret));
            }
        }
        let key = bundle::new_signing_key();
        let mut stored = key.to_bytes().to_vec();
        stored.extend_from_slice(&node.0.to_be_bytes());
        self.meta_set(meta_key::SIGNING_KEY, &stored)?;
        Ok(key)
    }

    fn organisation_id(&self, role: Role) -> SyncResult<Option<uuid::Uuid>> {
        if let Some(bytes) = self.meta_get(meta_key::ORGANISATION)? {
            return Ok(uuid::Uuid::from_slice(&bytes).ok());
        }
        if role == Role::Manager {
            let id = uuid::Uuid::new_v4();
            self.meta_set(meta_key::ORGANISATION, id.as_bytes())?;
            return Ok(Some(id));
        }
        Ok(None)
    }

    /// The stores this one has imported bundles from.
    pub fn peers(&self) -> SyncResult<Vec<Peer>> {
        let mut peers = Vec::new();
        for (_, value) in self.meta_scan(meta_key::PEER_PREFIX)? {
            if let Ok(peer) = serde_json::from_slice::<Peer>(&value) {
                peers.push(peer);
            }
        }
        Ok(peers)
    }

    /// What every recipient of this store's exports provably holds (the meet of their
    /// coverages, see [`causal`]): for a networker, its managers; for a manager, its networkers
    /// and the other managers. `None` when there is no recipient yet (the export is full).
    pub fn acknowledged(&self) -> SyncResult<Option<VersionVector>> {
        let role = self.profile()?.map(|p| p.role).unwrap_or(Role::Networker);
        let me = self.node_id();
        let recipients: Vec<Peer> = self
            .peers()?
            .into_iter()
            .filter(|peer| peer.node != me)
            .filter(|peer| role == Role::Manager || peer.role == Role::Manager)
            .collect();
        if recipients.is_empty() {
            return Ok(None);
        }
        let empty = VersionVector::default();
        Ok(Some(VersionVector::meet(
            recipients
                .iter()
                .map(|peer| peer.coverage.as_ref().unwrap_or(&empty)),
        )))
    }

    /// Writes an export bundle. `full` ignores what recipients have acknowledged.
    pub fn export_bundle(
        &self,
        path: &Path,
        full: bool,
        now: DateTime<Utc>,
    ) -> SyncResult<ExportReport> {
        let profile = self.require_profile()?;
        let (mut report, base, ids) = self.plan_export(full)?;
        report.path = path.to_owned();
        let header = self.bundle_header(report.kind, base, &profile, now)?;
        let key = self.signing_key()?;
        // Records are read again as they are written: holding every one of them took 3.2 GB
        // for a full export of 100,000 cards, and would not fit at a million.
        let records = ids.into_iter().filter_map(|id| match self.state(id) {
            Ok(state) => state.and_then(|s| shareable_projection(&s)).map(Ok),
            Err(e) => Some(Err(std::io::Error::other(e))),
        });
        let written = bundle::write_bundle_streaming(path, header, records, &key)
            .map_err(|e| SyncError::write(path, &e))?;
        report.records = written.record_count;
        report.bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        Ok(report)
    }

    /// What an export would carry and keep back, without writing anything: the preview a
    /// networker sees before a file leaves the machine. `bytes` is zero and `path` empty.
    pub fn export_preview(&self, full: bool) -> SyncResult<ExportReport> {
        self.require_profile()?;
        let (mut report, _, ids) = self.plan_export(full)?;
        report.records = ids.len() as u64;
        Ok(report)
    }

    /// The ids of the records an export carries (sorted), the counts of what it leaves out, and
    /// the version vector a delta starts from.
    fn plan_export(
        &self,
        full: bool,
    ) -> SyncResult<(ExportReport, Option<VersionVector>, Vec<RecordId>)> {
        let base = if full { None } else { self.acknowledged()? };
        let mut records: Vec<RecordId> = Vec::new();
        let mut report = ExportReport {
            path: PathBuf::new(),
            kind: if base.is_some() {
                BundleKind::Delta
            } else {
                BundleKind::Full
            },
            records: 0,
            bytes: 0,
            private_kept_back: 0,
            summarised: 0,
            unchanged_left_out: 0,
        };
        let mut consider = |state: RecordState| -> Result<(), StoreError> {
            if let Some(base) = &base {
                if state.stamps().all(|stamp| base.covers(stamp)) {
                    report.unchanged_left_out += 1;
                    return Ok(());
                }
            }
            match visibility_of(&state) {
                Visibility::Private => report.private_kept_back += 1,
                Visibility::Summary => report.summarised += 1,
                Visibility::Shared => {}
            }
            if shareable_projection(&state).is_some() {
                records.push(RecordId(state.id));
            } else if visibility_of(&state) == Visibility::Summary {
                report.private_kept_back += 1;
                report.summarised -= 1;
            }
            Ok(())
        };
        match &base {
            Some(base) => {
                for id in self.ids_possibly_changed_since(base)? {
                    if let Some(state) = self.state(id)? {
                        consider(state)?;
                    }
                }
            }
            None => self.for_each_state(&mut consider)?,
        }
        records.sort_unstable();
        Ok((report, base, records))
    }

    fn bundle_header(
        &self,
        kind: BundleKind,
        base: Option<VersionVector>,
        profile: &crate::store::Profile,
        now: DateTime<Utc>,
    ) -> SyncResult<BundleHeader> {
        let version_vector = self.version_vector();
        Ok(BundleHeader {
            author_email: profile.email.clone(),
            coverage: self.coverage(),
            format_version: bundle::FORMAT_VERSION,
            schema_version: crate::store::SCHEMA_VERSION,
            kind,
            organisation: self.organisation_id(profile.role)?,
            author_node: self.node_id(),
            author_networker: Some(profile.networker),
            author_name: profile.name.clone(),
            author_role: profile.role,
            created_at_millis: now.timestamp_millis(),
            high_water_mark: version_vector.high_water_mark(),
            version_vector,
            base,
            record_count: 0,
            body_hash: [0; 32],
            public_key: [0; 32],
        })
    }

    /// The key this store trusts for a node, if it has seen one.
    pub(crate) fn trusted_key(&self, node: NodeId) -> SyncResult<Option<Vec<u8>>> {
        Ok(self.meta_get(&merge::trusted_key(node))?)
    }

    /// Checks a bundle's signer against the keys seen before (trust on first use).
    fn check_trust(&self, header: &BundleHeader, path: &Path) -> SyncResult<bool> {
        let mut key = meta_key::TRUSTED_PREFIX.to_vec();
        key.extend_from_slice(&header.author_node.0.to_be_bytes());
        match self.meta_get(&key)? {
            Some(known) if known == header.public_key => Ok(false),
            Some(_) => Err(BundleError::UntrustedKey {
                path: path.to_owned(),
                node: header.author_node,
            }
            .into()),
            None => Ok(true),
        }
    }

    /// Trusts the key that signed a bundle (after a networker's laptop was replaced, say).
    pub fn trust(&self, path: &Path) -> SyncResult<BundleHeader> {
        let reader = bundle::open_bundle(path)?;
        let header = reader.header.clone();
        let mut key = meta_key::TRUSTED_PREFIX.to_vec();
        key.extend_from_slice(&header.author_node.0.to_be_bytes());
        self.meta_set(&key, &header.public_key)?;
        Ok(header)
    }

    /// Imports bundles: verifies every file completely, then merges them (unless `dry_run`).
    /// Any bad file refuses the whole import and changes nothing. All or nothing holds across
    /// crashes too: see [`journal`].
    pub fn import_bundles(
        &self,
        paths: &[PathBuf],
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> SyncResult<ImportReport> {
        self.import_bundles_with_progress(paths, dry_run, now, &mut |_, _| {})
    }

    /// As [`Store::import_bundles`], calling `progress(records_done, records_total)` as it goes
    /// (verification counts as the first half of the work, merging as the second).
    pub fn import_bundles_with_progress(
        &self,
        paths: &[PathBuf],
        dry_run: bool,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> SyncResult<ImportReport> {
        // 1. Verify every file end to end before anything is written.
        let mut headers = Vec::with_capacity(paths.len());
        let mut total = 0u64;
        for path in paths {
            let reader = bundle::open_bundle(path)?;
            if reader.header.kind == BundleKind::Backup {
                return Err(BundleError::IsBackup { path: path.clone() }.into());
            }
            total += reader.header.record_count;
            headers.push(reader.header.clone());
        }
        let mut done = 0u64;
        for (path, header) in paths.iter().zip(&headers) {
            self.check_trust(header, path)?;
            let mut reader = bundle::open_bundle(path)?;
            while reader.next_record()?.is_some() {
                done += 1;
                if done % 8192 == 0 {
                    progress(done, total * 2);
                }
            }
        }
        if dry_run {
            let mut report = ImportReport {
                dry_run,
                ..ImportReport::default()
            };
            let mut merge = Merge::new(self, now, None);
            for (path, header) in paths.iter().zip(&headers) {
                merge.apply_file(path, header, &mut report, &mut |_| {})?;
            }
            return Ok(report);
        }
        // 2. A backup, then the journal, then the merge in bounded chunks.
        let backup = if self
            .for_each_state(|_| Err(StoreError::Io("non-empty".into())))
            .is_err()
        {
            Some(self.backup_before("import", now)?)
        } else {
            None
        };
        let copies = journal::begin(self, paths, now)?;
        let mut report = journal::apply(self, &copies, now, &mut |merged| {
            progress(total + merged, total * 2)
        })
        .map_err(|e| SyncError::Unfinished(Box::new(e)))?;
        report.backup = backup;
        Ok(report)
    }

    /// A canonical hash of what this store shares: two stores that imported the same bundles,
    /// in any order and grouping, give the same digest.
    pub fn digest(&self) -> SyncResult<String> {
        let mut hasher = blake3::Hasher::new();
        let mut count = 0u64;
        self.for_each_state(|state| {
            if visibility_of(&state) == Visibility::Private {
                return Ok(());
            }
            if let Some(projection) = shareable_projection(&state) {
                let bytes = postcard::to_stdvec(&projection).expect("records encode");
                hasher.update(&(bytes.len() as u64).to_le_bytes());
                hasher.update(&bytes);
                count += 1;
            }
            Ok(())
        })?;
        hasher.update(&count.to_le_bytes());
        Ok(hasher.finalize().to_hex().to_string())
    }

    /// Writes a backup of the whole store (private records included) to `path`.
    pub fn backup(&self, path: &Path, now: DateTime<Utc>) -> SyncResult<u64> {
        let profile = self.profile()?;
        // Ids only: every import takes a backup, and holding every record of a large store took
        // gigabytes. The records are read again as they are written.
        let mut ids = Vec::new();
        self.for_each_state(|state| {
            ids.push(RecordId(state.id));
            Ok(())
        })?;
        ids.sort_unstable();
        // Its id is the largest there is, so it comes last in id order.
        let meta = self.backup_meta_record()?;
        let placeholder = crate::store::Profile {
            networker: RecordId(uuid::Uuid::nil()),
            name: String::new(),
            email: String::new(),
            role: Role::Networker,
        };
        let header = self.bundle_header(
            BundleKind::Backup,
            None,
            profile.as_ref().unwrap_or(&placeholder),
            now,
        )?;
        let key = self.signing_key()?;
        let records = ids
            .into_iter()
            .filter_map(|id| self.state(id).map_err(std::io::Error::other).transpose())
            .chain(std::iter::once(Ok(meta)));
        let written = bundle::write_bundle_streaming(path, header, records, &key)
            .map_err(|e| SyncError::write(path, &e))?;
        Ok(written.record_count)
    }

    /// Takes a backup into the store's `backups/` folder (the ten newest are kept).
    pub fn backup_now(&self, now: DateTime<Utc>) -> SyncResult<PathBuf> {
        self.backup_before("manual", now)
    }

    /// The backups in the store's `backups/` folder, newest first.
    pub fn backups(&self) -> Vec<BackupFile> {
        let Ok(entries) = std::fs::read_dir(self.path().join("backups")) else {
            return Vec::new();
        };
        let mut files: Vec<BackupFile> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "kring-backup"))
            .map(|e| BackupFile {
                bytes: e.metadata().map(|m| m.len()).unwrap_or(0),
                name: e.file_name().to_string_lossy().into_owned(),
                path: e.path(),
            })
            .collect();
        files.sort_by(|a, b| b.name.cmp(&a.name));
        files
    }

    fn backup_before(&self, reason: &str, now: DateTime<Utc>) -> SyncResult<PathBuf> {
        let folder = self.path().join("backups");
        std::fs::create_dir_all(&folder).map_err(|e| SyncError::write(&folder, &e))?;
        let path = folder.join(format!(
            "{}-before-{reason}.kring-backup",
            now.format("%Y%m%dT%H%M%S%.3fZ")
        ));
        self.backup(&path, now)?;
        prune_backups(&folder, 10);
        Ok(path)
    }

    /// Replaces the store's contents with a backup. Takes a backup of the current state first and
    /// a new node id afterwards, so the restored store never writes under a node id it once had.
    pub fn restore(&self, path: &Path, now: DateTime<Utc>) -> SyncResult<(u64, PathBuf)> {
        let reader = bundle::open_bundle(path)?;
        if reader.header.kind != BundleKind::Backup {
            return Err(BundleError::Corrupt {
                path: path.to_owned(),
                reason: "an export, not a backup: use `kring import`".into(),
            }
            .into());
        }
        let (_, records) = reader.read_all()?;
        let safety = self.backup_before("restore", now)?;
        let mut extra_meta = Vec::new();
        let mut states = Vec::new();
        for record in records {
            if record.kind == BACKUP_META_KIND {
                for (name, register) in &record.fields {
                    if let Some(current) = register.current() {
                        extra_meta.push((name.as_bytes().to_vec(), current.value.clone()));
                    }
                }
            } else {
                states.push(record);
            }
        }
        let count = states.len() as u64;
        for state in &states {
            if let Some(stamp) = state.max_stamp() {
                self.observe_time(stamp.hlc);
            }
        }
        self.replace_all(states, extra_meta, now)?;
        self.renew_node_id()?;
        Ok((count, safety))
    }

    fn backup_meta_record(&self) -> SyncResult<RecordState> {
        let mut record = RecordState::new(uuid::Uuid::max(), BACKUP_META_KIND);
        let stamp = crate::clock::Stamp {
            hlc: Hlc::ZERO,
            node: self.node_id(),
        };
        for key in [
            b"profile".as_slice(),
            b"settings".as_slice(),
            meta_key::ORGANISATION,
        ] {
            if let Some(value) = self.meta_get(key)? {
                record.write(&String::from_utf8_lossy(key), value, stamp);
            }
        }
        Ok(record)
    }
}

const BACKUP_META_KIND: &str = "kring.backup_meta";

fn prune_backups(folder: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "kring-backup"))
        .collect();
    names.sort();
    if names.len() > keep {
        for old in &names[..names.len() - keep] {
            let _ = std::fs::remove_file(old);
        }
    }
}
