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

mod admit;
pub mod bundle;
pub mod causal;
pub mod conflicts;
pub mod folder;
pub mod journal;
mod merge;
pub mod relay;
pub(crate) mod restore;

use kring_i18n::{error_text, FluentValue, Language};
use merge::Merge;

use crate::clock::{Hlc, NodeId, VersionVector};
use crate::crdt::RecordState;
use crate::model::{RecordId, Role, Visibility};
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
    #[error(transparent)]
    Trust(Box<crate::trust::TrustError>),
    #[error("{}: signed by this very store (node {node}); a store does not import its own bundles", .path.display())]
    OwnBundle { path: PathBuf, node: NodeId },
    #[error("{}: from another organisation ({theirs}); this store belongs to {ours}", .path.display())]
    OtherOrganisation {
        path: PathBuf,
        theirs: uuid::Uuid,
        ours: uuid::Uuid,
    },
    /// An approval enrolled a store, and a bundle held for it can never be merged (`error`
    /// says why): it was set aside, the others held for it were merged.
    #[error("{}", held_set_aside_english(.name, *.merged, .error))]
    HeldSetAside {
        name: String,
        merged: u64,
        error: Box<SyncError>,
    },
    /// A bundle carries changes dated more than a day after this computer's clock. Merging them
    /// would drag every clock of the organisation forward, so the bundle is refused.
    #[error("{}: {author}'s changes are dated up to {days} days after this computer's clock (which says {local}). Either {author}'s clock or this computer's clock is wrong: check the date on both; nothing was imported", .path.display())]
    ClockAhead {
        path: PathBuf,
        author: String,
        days: u64,
        local: String,
    },
}

impl SyncError {
    pub fn code(&self) -> crate::error::ProblemCode {
        match self {
            SyncError::Store(e) => e.code(),
            SyncError::Bundle(e) => e.code(),
            SyncError::Write { .. } => crate::error::ProblemCode::WriteFailed,
            SyncError::Unfinished(e) => e.code(),
            SyncError::ClockAhead { .. } => crate::error::ProblemCode::ClockAhead,
            SyncError::Trust(e) => e.code(),
            SyncError::OwnBundle { .. } => crate::error::ProblemCode::OwnBundle,
            SyncError::OtherOrganisation { .. } => crate::error::ProblemCode::OtherOrganisation,
            SyncError::HeldSetAside { error, .. } => error.code(),
        }
    }

    /// The error in `language` (its English is the `Display` text).
    pub fn message(&self, language: Language) -> String {
        use crate::error::shown;
        let say = |arguments: &[(&str, FluentValue<'_>)]| {
            error_text(language, self.code().as_str(), arguments)
        };
        match self {
            SyncError::Store(error) => error.message(language),
            SyncError::Bundle(error) => error.message(language),
            SyncError::Write { path, reason } => {
                say(&[("path", shown(path)), ("reason", reason.as_str().into())])
            }
            SyncError::Unfinished(error) => error_text(
                language,
                "import_unfinished",
                &[("error", error.message(language).into())],
            ),
            SyncError::Trust(error) => error.message(language),
            SyncError::HeldSetAside {
                name,
                merged,
                error,
            } => error_text(
                language,
                "held_set_aside",
                &[
                    ("error", error.message(language).into()),
                    ("name", name.as_str().into()),
                    ("merged", (*merged).into()),
                ],
            ),
            SyncError::OwnBundle { path, node } => {
                say(&[("path", shown(path)), ("node", node.to_string().into())])
            }
            SyncError::OtherOrganisation { path, theirs, ours } => say(&[
                ("path", shown(path)),
                ("theirs", theirs.to_string().into()),
                ("ours", ours.to_string().into()),
            ]),
            SyncError::ClockAhead {
                path,
                author,
                days,
                local,
            } => say(&[
                ("path", shown(path)),
                ("author", author.as_str().into()),
                ("days", (*days).into()),
                ("local", local.as_str().into()),
            ]),
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
    pub const ORGANISATION: &[u8] = b"organisation";
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
    /// How many members' keys the file is encrypted to (0: a plain file).
    pub sealed_for: u64,
    /// Colleagues' hand-overs written beside the export to go with it, as their authors signed
    /// them (see [`relay`]); filled by [`Store::copy_relays_beside`], which the command line and
    /// the app call for an export to the managers.
    #[serde(default)]
    pub relayed: Vec<PathBuf>,
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
    /// Senders whose clocks seem wrong (a bundle dated well before changes it already held).
    pub clock_warnings: Vec<String>,
    /// The same warnings for programs: whose clock seems behind, and by how many days.
    pub clocks_behind: Vec<ClockBehind>,
    pub backup: Option<PathBuf>,
    /// Writes dropped because their writers had no right to them (the first 200; see
    /// `refused_total`).
    pub refused: Vec<crate::trust::rights::RefusedWrite>,
    pub refused_total: u64,
    /// Bundles not merged because their signer is not on the roster: waiting for approval.
    pub held: Vec<HeldBundle>,
    /// Incoming records (or some of their values) dropped because they are about a forgotten
    /// person (`kring forget`): an old bundle brings none of them back.
    #[cfg_attr(feature = "specta", specta(skip))]
    pub forgotten_dropped: u64,
    /// Records this store held and swept out because a forget arrived in this import.
    #[cfg_attr(feature = "specta", specta(skip))]
    pub forgotten_purged: u64,
    /// Incoming records removed or cleared because a retention rule's period had passed.
    #[cfg_attr(feature = "specta", specta(skip))]
    pub expired_dropped: u64,
}

impl ImportReport {
    /// Adds what a second import did to this one's report (an approval merging in two rounds).
    fn absorb(&mut self, other: ImportReport) {
        self.files.extend(other.files);
        self.records_read += other.records_read;
        self.added += other.added;
        self.changed += other.changed;
        self.deleted += other.deleted;
        self.unchanged += other.unchanged;
        self.new_conflicts += other.new_conflicts;
        self.clock_warnings.extend(other.clock_warnings);
        self.clocks_behind.extend(other.clocks_behind);
        self.backup = self.backup.take().or(other.backup);
        self.refused.extend(other.refused);
        self.refused_total += other.refused_total;
        self.held.extend(other.held);
        self.forgotten_dropped += other.forgotten_dropped;
        self.forgotten_purged += other.forgotten_purged;
        self.expired_dropped += other.expired_dropped;
    }
}

/// One import that refused writes, as remembered in the store's refusal log (the last
/// [`REFUSAL_LOG_ENTRIES`] such imports): what a security officer asks to see after the fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Refusals {
    /// When the import ran.
    pub at: DateTime<Utc>,
    /// The authors of the files it merged.
    pub from: Vec<String>,
    /// The refused writes (at most 200 of them; see `total`).
    pub writes: Vec<crate::trust::rights::RefusedWrite>,
    pub total: u64,
}

/// How many imports with refusals the log keeps.
pub const REFUSAL_LOG_ENTRIES: usize = 20;
/// The whole log in one value, as Kring kept it before 2026-12: read, and dropped once the
/// newer entries fill the log.
const REFUSAL_LOG_KEY: &[u8] = b"refusals";
/// One entry per import, keyed by its time and content: two imports at once (the sync pass and
/// an import by hand) each add their own, where a list read and written back kept one of them.
const REFUSAL_LOG_PREFIX: &[u8] = b"refusals/";

impl Store {
    /// The imports that refused writes, newest first.
    pub fn refusal_log(&self) -> SyncResult<Vec<Refusals>> {
        let mut log: Vec<Refusals> = self
            .meta_scan(REFUSAL_LOG_PREFIX)?
            .into_iter()
            .rev()
            // An entry this version cannot read is not worth failing an import over.
            .filter_map(|(_, bytes)| serde_json::from_slice(&bytes).ok())
            .collect();
        if let Some(bytes) = self.meta_get(REFUSAL_LOG_KEY)? {
            log.extend(serde_json::from_slice::<Vec<Refusals>>(&bytes).unwrap_or_default());
        }
        log.sort_by_key(|entry| std::cmp::Reverse(entry.at));
        log.truncate(REFUSAL_LOG_ENTRIES);
        Ok(log)
    }

    /// The meta entry that adds `report`'s refusals to the log, written in the import's last
    /// transaction so that the log and the merge cannot disagree.
    pub(crate) fn refusal_log_entry(
        &self,
        report: &ImportReport,
        now: DateTime<Utc>,
    ) -> SyncResult<Option<(Vec<u8>, Vec<u8>)>> {
        if report.refused_total == 0 {
            return Ok(None);
        }
        let entry = Refusals {
            at: now,
            from: report.files.iter().map(|f| f.author.clone()).collect(),
            writes: report.refused.clone(),
            total: report.refused_total,
        };
        let bytes = serde_json::to_vec(&entry).map_err(|e| StoreError::Io(e.to_string()))?;
        let mut key = REFUSAL_LOG_PREFIX.to_vec();
        key.extend_from_slice(&millis(now).to_be_bytes());
        key.extend_from_slice(&blake3::hash(&bytes).as_bytes()[..8]);
        Ok(Some((key, bytes)))
    }

    /// Drops the entries beyond the newest [`REFUSAL_LOG_ENTRIES`] (housekeeping after an
    /// import: two at once drop the same ones).
    pub(crate) fn prune_refusal_log(&self) -> SyncResult<()> {
        let entries = self.meta_scan(REFUSAL_LOG_PREFIX)?;
        let beyond = entries.len().saturating_sub(REFUSAL_LOG_ENTRIES);
        for (key, _) in &entries[..beyond] {
            self.meta_remove(key)?;
        }
        if entries.len() >= REFUSAL_LOG_ENTRIES {
            self.meta_remove(REFUSAL_LOG_KEY)?;
        }
        Ok(())
    }
}

/// A sender whose clock seems to run behind (their bundle is dated before changes it held).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClockBehind {
    pub author: String,
    pub days: i64,
}

/// A bundle held for approval instead of merged.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HeldBundle {
    pub path: PathBuf,
    pub author: String,
    pub email: String,
    pub node: String,
    pub fingerprint: String,
    /// Why, in English words.
    pub reason: String,
    /// Why, for programs; none in a sync report a store kept from before held bundles had a
    /// code (or with one a newer Kring wrote): its `reason` still says why in words.
    #[serde(
        default,
        deserialize_with = "crate::model::known_word",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<HeldCode>))]
    pub code: Option<HeldCode>,
}

/// Why a bundle is held: the trust model decides it (`crate::trust::Signer`).
pub use crate::trust::HeldCode;

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

pub use crate::model::visibility_of;

/// The identity a bundle header claims for its author.
fn identity_of_header(header: &bundle::BundleHeader) -> crate::trust::Identity {
    crate::trust::Identity {
        node: header.author_node.to_string(),
        name: header.author_name.clone(),
        email: header.author_email.clone(),
        networker: header.author_networker,
        role: header.author_role,
        signing_key: crate::trust::keys::hex(&header.public_key),
        encryption_key: header.encryption_key.clone().unwrap_or_default(),
        fingerprint: crate::trust::keys::fingerprint(&header.public_key),
        // Kring names at most this many; a header naming more is cut to its latest ones rather
        // than make the approval fail on the member record's limit.
        earlier_nodes: header
            .author_earlier_nodes
            .iter()
            .rev()
            .take(crate::model::roster::EARLIER_NODES_NAMED)
            .rev()
            .map(NodeId::to_string)
            .collect(),
    }
}

pub use crate::model::shareable_projection;

/// What a bundle's header says its author holds, read before its records are chosen.
struct Claimed {
    version_vector: VersionVector,
    coverage: VersionVector,
}

/// What of each record an export carries: its shareable projection, without the references to
/// records that stay on this machine (a private participant of a shared meeting, the private card
/// a note is about), so that neither their ids nor, through a UUIDv7, their creation times leave.
/// A record that cannot stand without such a reference (a note about a private card) stays home
/// whole. When the record referred to is shared later, the records referring to it are sent again
/// (see the store's `resend` tree), this time with the reference.
pub(crate) struct ExportFilter<'s> {
    store: &'s Store,
    stays_home: std::collections::HashMap<RecordId, bool>,
}

impl<'s> ExportFilter<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        ExportFilter {
            store,
            stays_home: std::collections::HashMap::new(),
        }
    }

    fn stays_home(&mut self, id: RecordId) -> Result<bool, StoreError> {
        if let Some(known) = self.stays_home.get(&id) {
            return Ok(*known);
        }
        let home = self
            .store
            .state(id)?
            .is_some_and(|s| visibility_of(&s) == Visibility::Private);
        self.stays_home.insert(id, home);
        Ok(home)
    }

    /// The record as it leaves this machine, or `None` when none of it does.
    pub(crate) fn project(
        &mut self,
        state: &RecordState,
    ) -> Result<Option<RecordState>, StoreError> {
        let Some(mut projection) = shareable_projection(state) else {
            return Ok(None);
        };
        if visibility_of(&projection) == Visibility::Private {
            return Ok(Some(projection));
        }
        let Some(table) = crate::model::schema::kind_table(&projection.kind) else {
            return Ok(Some(projection));
        };
        for field in table.fields {
            if !matches!(field.ty, crate::model::schema::FieldType::Id(_)) {
                continue;
            }
            if field.set {
                let Some(set) = projection.sets.get(field.name) else {
                    continue;
                };
                let mut dropped = std::collections::HashSet::new();
                for (element, _) in set.elements() {
                    let id = serde_json::from_slice::<String>(element)
                        .ok()
                        .and_then(|text| text.parse::<RecordId>().ok());
                    if let Some(id) = id {
                        if self.stays_home(id)? {
                            dropped.insert(element.clone());
                        }
                    }
                }
                if !dropped.is_empty() {
                    let kept = set.filtered(|element, _| !dropped.contains(element));
                    projection.sets.insert(field.name.to_owned(), kept);
                }
            } else {
                let id = match projection.current(field.name) {
                    Some(serde_json::Value::String(text)) => text.parse::<RecordId>().ok(),
                    _ => None,
                };
                if let Some(id) = id {
                    if self.stays_home(id)? {
                        if field.presence == crate::model::schema::Presence::Required {
                            return Ok(None);
                        }
                        projection.fields.remove(field.name);
                    }
                }
            }
        }
        Ok(Some(projection))
    }
}

/// [`SyncError::HeldSetAside`] in English, word for word its catalogue text.
fn held_set_aside_english(name: &str, merged: u64, error: &SyncError) -> String {
    let others = match merged {
        0 => String::new(),
        1 => "; 1 other held bundle was merged".to_owned(),
        n => format!("; {n} other held bundles were merged"),
    };
    format!(
        "{error}. {name} is approved; this bundle held for {name} cannot be merged and was set \
         aside: {name}'s next export brings what it held{others}"
    )
}

/// The file an import error is about when it is that file's own bytes that refuse it, for
/// good: not a disk that failed, a format a newer Kring reads, or a clock (this computer's may
/// be the one that is wrong).
fn never_merges(error: &SyncError) -> Option<&PathBuf> {
    match error {
        SyncError::Bundle(
            BundleError::WrongMagic { path }
            | BundleError::Truncated { path }
            | BundleError::Corrupt { path, .. }
            | BundleError::BadSignature { path }
            | BundleError::HashMismatch { path }
            | BundleError::IsBackup { path }
            | BundleError::IsExport { path }
            | BundleError::NotARecipient { path },
        )
        | SyncError::OwnBundle { path, .. }
        | SyncError::OtherOrganisation { path, .. } => Some(path),
        _ => None,
    }
}

fn millis(now: DateTime<Utc>) -> u64 {
    now.timestamp_millis().max(0) as u64
}

impl Store {
    /// This store's signing key (kept in a file beside the database, see `trust::keys`),
    /// renewed with the node id (a copied store must not sign as the original).
    pub fn signing_key(&self) -> SyncResult<SigningKey> {
        Ok(self.keys()?.signing.clone())
    }

    /// Approves a store waiting for approval (see [`Store::approve`]) and merges the bundles held
    /// for it. Returns who was approved and what the merge did (`None` when nothing was held).
    /// A merge that fails leaves the held bundles on the list, for the next approval; a held
    /// copy that can never merge (cut short, altered) is set aside (see [`Store::merge_held`]).
    pub fn approve_and_import(
        &self,
        who: &str,
        role: Option<Role>,
        now: DateTime<Utc>,
    ) -> SyncResult<(crate::trust::PendingMember, Option<ImportReport>)> {
        let (approved, listed) = self
            .approve(who, role, now)
            .map_err(|e| SyncError::Trust(Box::new(e)))?;
        let merged = self.merge_held(&approved.identity, listed, now)?;
        Ok((approved, merged))
    }

    /// Merges the bundles held for an approved store, and takes what was merged off its list
    /// (the store off the list once nothing is left). A file held again (the approval did not
    /// make its signer trusted) stays listed. A file held after the approval read the list (an
    /// import that checked the signer before) is merged in a further round.
    ///
    /// A held copy whose own bytes refuse the import (cut short, altered, sealed to another
    /// store) is taken off the list and deleted, the others are merged without it, and
    /// [`SyncError::HeldSetAside`] says so: otherwise no approval could ever merge them.
    /// Nothing of it counted as received, so its sender's next export carries its writes again.
    /// Any other error (a full disk) leaves the list as it is, for the next approval.
    fn merge_held(
        &self,
        approved: &crate::trust::Identity,
        mut listed: Vec<PathBuf>,
        now: DateTime<Utc>,
    ) -> SyncResult<Option<ImportReport>> {
        let fingerprint = approved.fingerprint.as_str();
        let mut merged: Option<ImportReport> = None;
        let mut set_aside: Option<SyncError> = None;
        // Every import from now on finds the signer on the roster, and every failed round sets
        // one copy aside: a bounded number of rounds.
        for _ in 0..listed.len() + 3 {
            let (files, gone): (Vec<PathBuf>, Vec<PathBuf>) =
                listed.iter().cloned().partition(|p| p.is_file());
            let mut done = gone;
            let mut held_again = false;
            if !files.is_empty() {
                match self.import_bundles(&files, false, now) {
                    Ok(report) => {
                        let again: Vec<&Path> =
                            report.held.iter().map(|h| h.path.as_path()).collect();
                        held_again = !again.is_empty();
                        done.extend(
                            files
                                .iter()
                                .filter(|f| !again.contains(&f.as_path()))
                                .cloned(),
                        );
                        match &mut merged {
                            Some(all) => all.absorb(report),
                            None => merged = Some(report),
                        }
                    }
                    Err(error) => match never_merges(&error).filter(|bad| files.contains(bad)) {
                        Some(bad) => {
                            done.push(bad.clone());
                            set_aside.get_or_insert(error);
                        }
                        None => return Err(error),
                    },
                }
            }
            let left = self.settle_approved(fingerprint, &done)?;
            for file in &done {
                let _ = std::fs::remove_file(file);
            }
            match left {
                Some(left) if !held_again => listed = left.held_files,
                _ => break,
            }
        }
        match set_aside {
            Some(error) => Err(SyncError::HeldSetAside {
                name: approved.name.clone(),
                merged: merged.as_ref().map_or(0, |m| m.files.len() as u64),
                error: Box::new(error),
            }),
            None => Ok(merged),
        }
    }

    /// Opens a bundle, plain or sealed to this store (see [`bundle::Sealing`]).
    pub fn open_bundle(&self, path: &Path) -> Result<bundle::BundleReader, SyncError> {
        let keys = self.keys()?;
        Ok(bundle::open_bundle_with(path, Some(&keys.encryption))?)
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
        self.export_bundle_with(path, full, false, now)
    }

    /// Writes an export bundle, sealed (encrypted, see [`bundle::Sealing`]) to its recipients
    /// unless `plain`: a networker's to the organisation's managers and itself, a manager's
    /// master to every enrolled member. A store with no recipient but itself (not yet in an
    /// organisation) writes a plain file.
    pub fn export_bundle_with(
        &self,
        path: &Path,
        full: bool,
        plain: bool,
        now: DateTime<Utc>,
    ) -> SyncResult<ExportReport> {
        self.refuse_if_demo("exported")?;
        let profile = self.require_profile()?;
        let sealing = if plain {
            bundle::Sealing::default()
        } else {
            self.sealing_for_export(profile.role)?
        };
        // What the header claims to hold is read before the records are chosen: an edit that
        // lands in between is then either carried or left for the next export, never claimed
        // (the recipient's coverage would then skip it in every later delta) and left out.
        let claimed = Claimed {
            version_vector: self.version_vector(),
            coverage: self.coverage(),
        };
        let (mut report, base, ids) = self.plan_export(full)?;
        #[cfg(test)]
        tests::AFTER_PLAN.with(|hook| hook.borrow_mut().take().map(|hook| hook()));
        report.path = path.to_owned();
        let header = self.bundle_header(report.kind, base, &profile, claimed, now)?;
        let key = self.signing_key()?;
        // Records are read again as they are written: holding every one of them took 3.2 GB
        // for a full export of 100,000 cards, and would not fit at a million.
        let mut filter = ExportFilter::new(self);
        let records = ids.into_iter().filter_map(|id| {
            let projected = self
                .state(id)
                .and_then(|state| match state {
                    Some(state) => filter.project(&state),
                    None => Ok(None),
                })
                .map_err(std::io::Error::other);
            projected.transpose()
        });
        let written = bundle::write_bundle_sealed(path, header, records, &key, &sealing)
            .map_err(|e| SyncError::write(path, &e))?;
        report.records = written.record_count;
        report.bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        report.sealed_for = sealing.recipients.len() as u64;
        Ok(report)
    }

    /// Whom this store's exports are encrypted to (see [`Store::export_bundle_with`]).
    fn sealing_for_export(&self, role: Role) -> SyncResult<bundle::Sealing> {
        let roster = self.roster()?;
        let me = self.node_id();
        let mut keys: Vec<String> = roster
            .entries
            .values()
            .filter(|e| e.node != me && e.removed_at.is_none())
            .filter(|e| role == Role::Manager || e.role == Role::Manager)
            .filter_map(|e| e.encryption_key.clone())
            .collect();
        if keys.is_empty() {
            return Ok(bundle::Sealing::default());
        }
        keys.push(self.keys()?.encryption_recipient());
        keys.sort();
        keys.dedup();
        let recipients = keys.iter().filter_map(|k| k.parse().ok()).collect();
        Ok(bundle::Sealing {
            recipients,
            private_file: false,
        })
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
            sealed_for: 0,
            relayed: Vec::new(),
        };
        let mut consider = |state: RecordState, again: bool| -> Result<(), StoreError> {
            if let (Some(base), false) = (&base, again) {
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
                let (changed, again) = self.ids_possibly_changed_since(base)?;
                for id in &changed {
                    if let Some(state) = self.state(*id)? {
                        consider(state, again.binary_search(id).is_ok())?;
                    }
                }
                for id in again.iter().filter(|id| changed.binary_search(id).is_err()) {
                    if let Some(state) = self.state(*id)? {
                        consider(state, true)?;
                    }
                }
            }
            None => self.for_each_state(|state| consider(state, false))?,
        }
        records.sort_unstable();
        Ok((report, base, records))
    }

    fn bundle_header(
        &self,
        kind: BundleKind,
        base: Option<VersionVector>,
        profile: &crate::store::Profile,
        claimed: Claimed,
        now: DateTime<Utc>,
    ) -> SyncResult<BundleHeader> {
        let Claimed {
            version_vector,
            coverage,
        } = claimed;
        Ok(BundleHeader {
            author_email: profile.email.clone(),
            encryption_key: Some(self.keys()?.encryption_recipient()),
            coverage,
            format_version: bundle::FORMAT_VERSION,
            schema_version: crate::store::SCHEMA_VERSION,
            kind,
            organisation: self.organisation()?,
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
            author_earlier_nodes: self.earlier_nodes()?,
        })
    }

    /// Trusts the key that signed a bundle: a manager enrols its signer (as the role it claims),
    /// a networker pins it as a manager's. The way to accept a colleague's replaced laptop,
    /// after comparing the fingerprint this returns with theirs.
    /// The second value is what kept bundles held earlier from merging, if anything did: the key
    /// is trusted all the same.
    pub fn trust(
        &self,
        path: &Path,
        now: DateTime<Utc>,
    ) -> SyncResult<(crate::trust::Identity, Option<SyncError>)> {
        let reader = self.open_bundle(path)?;
        let identity = identity_of_header(&reader.header);
        self.hold_pending(identity.clone(), "trusted by hand", None, now)?;
        let (_, listed) = self
            .approve(&identity.fingerprint, None, now)
            .map_err(|e| SyncError::Trust(Box::new(e)))?;
        // Bundles of this signer held before (the sync pass met the new key first) are merged
        // as an approval merges them.
        let held = self.merge_held(&identity, listed, now).err();
        Ok((identity, held))
    }

    /// Imports bundles: verifies every file completely, then merges them (unless `dry_run`).
    /// Any bad file refuses the whole import and changes nothing. All or nothing holds across
    /// crashes too: see [`journal`]. A bundle whose signer is not on the roster is held for
    /// approval (see [`crate::trust`]), the others are merged.
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
        self.import_bundles_backing_up(paths, dry_run, BackupPolicy::Always, now, progress)
    }

    /// As [`Store::import_bundles_with_progress`], taking the backup before the merge as
    /// `backups` says (a sync pass takes one a day: the import journal already makes a crashed
    /// import roll forward).
    pub fn import_bundles_backing_up(
        &self,
        paths: &[PathBuf],
        dry_run: bool,
        backups: BackupPolicy,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> SyncResult<ImportReport> {
        let mut report = ImportReport {
            dry_run,
            ..ImportReport::default()
        };
        // 1. Who signed each file: a member's file goes on, an unknown signer's is held. The
        //    roster counts the members a master in this very import enrols.
        let ours = self.organisation()?;
        let mut files: Vec<(PathBuf, BundleHeader)> = Vec::with_capacity(paths.len());
        for path in paths {
            let header = self.open_bundle(path)?.header;
            if header.kind == BundleKind::Backup {
                return Err(BundleError::IsBackup { path: path.clone() }.into());
            }
            if header.author_node == self.node_id() {
                return Err(SyncError::OwnBundle {
                    path: path.clone(),
                    node: header.author_node,
                });
            }
            if let (Some(ours), Some(theirs)) = (ours, header.organisation) {
                if ours != theirs {
                    return Err(SyncError::OtherOrganisation {
                        path: path.clone(),
                        theirs,
                        ours,
                    });
                }
            }
            files.push((path.clone(), header));
        }
        // Oldest first, whatever order they were named in: a colleague's hand-over a networker
        // passes on is then taken from its author before the networker's own later bundle
        // brings the same writes again (which a manager would otherwise report as not the
        // networker's own).
        files.sort_by_key(|(_, header)| header.created_at_millis);
        let (gate, signers) = journal::gate_for(self, &files, now)?;
        let mut accepted: Vec<PathBuf> = Vec::with_capacity(paths.len());
        for ((path, header), signer) in files.iter().zip(&signers) {
            if signer.is_some() {
                accepted.push(path.clone());
                continue;
            }
            let (code, reason) =
                match self.signer(&gate.roster, header.author_node, &header.public_key) {
                    crate::trust::Signer::Unknown { code, reason } => (code, reason),
                    _ => (HeldCode::NotAccepted, "not accepted".to_owned()),
                };
            let identity = identity_of_header(header);
            if !dry_run {
                self.hold_pending(identity.clone(), &reason, Some(path), now)?;
            }
            report.held.push(HeldBundle {
                path: path.clone(),
                author: identity.name,
                email: identity.email,
                node: identity.node,
                fingerprint: identity.fingerprint,
                reason,
                code: Some(code),
            });
        }
        if accepted.is_empty() {
            return Ok(report);
        }
        // 2. The bytes that will be merged are verified end to end: for a real import, the
        //    copies in the store's inbox, so a file that changes after the check is never merged.
        let to_verify = if dry_run {
            accepted.clone()
        } else {
            journal::stage(self, &accepted)?
        };
        let verified = self.verify_files(&to_verify, now, progress);
        let (headers, total) = match verified {
            Ok(found) => found,
            Err(error) => {
                if !dry_run {
                    journal::discard(self);
                }
                // Name the file the user gave, not its copy in the inbox.
                return Err(match error {
                    SyncError::Bundle(e) => {
                        let original = e
                            .path()
                            .and_then(|p| to_verify.iter().position(|c| c == p))
                            .map(|n| accepted[n].clone());
                        match original {
                            Some(path) => SyncError::Bundle(e.with_path(path)),
                            None => SyncError::Bundle(e),
                        }
                    }
                    SyncError::ClockAhead {
                        path,
                        author,
                        days,
                        local,
                    } => SyncError::ClockAhead {
                        path: to_verify
                            .iter()
                            .position(|c| *c == path)
                            .map_or(path, |n| accepted[n].clone()),
                        author,
                        days,
                        local,
                    },
                    other => other,
                });
            }
        };
        if dry_run {
            let files: Vec<(PathBuf, BundleHeader)> =
                to_verify.iter().cloned().zip(headers).collect();
            let began = self.commit_point();
            let (gate, signers) = journal::gate_for(self, &files, now)?;
            let mut merge = Merge::new(self, now, gate, false, began);
            for ((path, header), signer) in files.iter().zip(&signers) {
                if let Some(signer) = signer {
                    merge.apply_file(path, header, *signer, &mut report, &mut |_| {})?;
                }
            }
            return Ok(report);
        }
        // 3. A backup, then the journal, then the merge in bounded chunks.
        let empty = self
            .for_each_state(|_| Err(StoreError::Io("non-empty".into())))
            .is_ok();
        let recent = |hours: i64| {
            self.backups().first().is_some_and(|newest| {
                backup_time(&newest.name)
                    .is_some_and(|at| now - at < chrono::Duration::hours(hours))
            })
        };
        let incoming: u64 = to_verify
            .iter()
            .filter_map(|path| std::fs::metadata(path).ok())
            .map(|meta| meta.len())
            .sum();
        let large = |floor: u64| {
            let newest = self.backups().first().map_or(0, |b| b.bytes);
            incoming > floor && incoming > newest / 4
        };
        let backup = match backups {
            _ if empty => None,
            BackupPolicy::Daily {
                or_import_over_bytes,
            } if recent(24) && !large(or_import_over_bytes) => None,
            _ => Some(self.backup_before("import", now)?),
        };
        // A colleague's file is kept to pass on to the managers before it is merged: kept and
        // then not merged (a crash) passes on only what its author signed, which is harmless.
        for (path, header) in to_verify.iter().zip(&headers) {
            self.keep_for_relay(path, header)?;
        }
        journal::open(self, &to_verify, &accepted, now)?;
        let merged = journal::apply(self, &to_verify, now, &mut |merged| {
            progress(total + merged, total * 2)
        })
        .map_err(|e| SyncError::Unfinished(Box::new(e)))?;
        let held = std::mem::take(&mut report.held);
        report = merged;
        report.held = held;
        report.backup = backup;
        // Only advice for Settings › Disk space: the import has landed, so a failure to count
        // it must not report the import as failed.
        let _ = self.note_imported(report.added + report.changed + report.deleted);
        Ok(report)
    }

    /// Reads every file to its end (signature, body hash, every record decoded) and refuses one
    /// whose changes are dated more than a day after `now`. Returns the headers and the records
    /// counted.
    fn verify_files(
        &self,
        paths: &[PathBuf],
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> SyncResult<(Vec<BundleHeader>, u64)> {
        let mut headers = Vec::with_capacity(paths.len());
        let mut total = 0u64;
        for path in paths {
            let header = self.open_bundle(path)?.header;
            total += header.record_count;
            headers.push(header);
        }
        let mut done = 0u64;
        let ahead_limit = millis(now).saturating_add(crate::clock::FUTURE_TOLERANCE_MILLIS);
        for (path, header) in paths.iter().zip(&headers) {
            let mut reader = self.open_bundle(path)?;
            let mut latest = header.created_at_millis.max(0) as u64;
            while let Some(record) = reader.next_record()? {
                if let Some(stamp) = record.max_stamp() {
                    latest = latest.max(stamp.hlc.millis);
                }
                done += 1;
                if done.is_multiple_of(8192) {
                    progress(done, total * 2);
                }
            }
            if latest > ahead_limit {
                return Err(SyncError::ClockAhead {
                    path: path.clone(),
                    author: header.author_name.clone(),
                    days: (latest - millis(now)).div_ceil(86_400_000),
                    local: now.format("%Y-%m-%d %H:%M UTC").to_string(),
                });
            }
        }
        Ok((headers, total))
    }

    /// A canonical hash of what this store shares: two stores that imported the same bundles,
    /// in any order and grouping, give the same digest.
    pub fn digest(&self) -> SyncResult<String> {
        let mut hasher = blake3::Hasher::new();
        let mut count = 0u64;
        let mut filter = ExportFilter::new(self);
        self.for_each_state(|state| {
            if visibility_of(&state) == Visibility::Private {
                return Ok(());
            }
            if let Some(projection) = filter.project(&state)? {
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
        // The header (and the coverage in it) before the records: an import that commits in
        // between then makes the backup hold more than its coverage says, never less. A restore
        // takes that coverage as what it holds.
        let header = self.backup_header(now)?;
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
        let records = ids
            .into_iter()
            .filter_map(|id| self.state(id).map_err(std::io::Error::other).transpose())
            .chain(std::iter::once(Ok(meta)));
        self.write_backup_file_with(path, header, records)
    }

    /// Writes `records` (sorted by id) as a backup file of this store, signed with its key.
    pub(crate) fn write_backup_file(
        &self,
        path: &Path,
        records: impl IntoIterator<Item = std::io::Result<RecordState>>,
        now: DateTime<Utc>,
    ) -> SyncResult<u64> {
        let header = self.backup_header(now)?;
        self.write_backup_file_with(path, header, records)
    }

    /// The header of a backup of this store, with its coverage as of now.
    fn backup_header(&self, now: DateTime<Utc>) -> SyncResult<bundle::BundleHeader> {
        let profile = self.profile()?;
        let placeholder = crate::store::Profile {
            networker: RecordId(uuid::Uuid::nil()),
            name: String::new(),
            email: String::new(),
            role: Role::Networker,
        };
        let claimed = Claimed {
            version_vector: self.version_vector(),
            coverage: self.coverage(),
        };
        self.bundle_header(
            BundleKind::Backup,
            None,
            profile.as_ref().unwrap_or(&placeholder),
            claimed,
            now,
        )
    }

    fn write_backup_file_with(
        &self,
        path: &Path,
        header: bundle::BundleHeader,
        records: impl IntoIterator<Item = std::io::Result<RecordState>>,
    ) -> SyncResult<u64> {
        let key = self.signing_key()?;
        // A backup holds private records: readable by its owner only. It is not encrypted, so
        // it still restores when the laptop (and its key file) is gone.
        let private = bundle::Sealing {
            recipients: Vec::new(),
            private_file: true,
        };
        let written = bundle::write_bundle_sealed(path, header, records, &key, &private)
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

    pub(crate) fn backup_before(&self, reason: &str, now: DateTime<Utc>) -> SyncResult<PathBuf> {
        let folder = self.path().join("backups");
        crate::trust::keys::create_private_dir(&folder)
            .map_err(|e| SyncError::write(&folder, &e))?;
        let path = folder.join(format!(
            "{}-before-{reason}.kring-backup",
            now.format("%Y%m%dT%H%M%S%.3fZ")
        ));
        self.backup(&path, now)?;
        prune_backups(&folder, 10);
        Ok(path)
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

/// When an import takes a backup of the store before it merges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupPolicy {
    /// Before every import (an import by hand).
    Always,
    /// A sync pass, which may run every minute: only when the newest backup is a day old or
    /// older, or when the bundles to merge are large — more than `or_import_over_bytes` and more
    /// than a quarter of the newest backup. A crashed import needs no backup (its journal rolls
    /// it forward at the next open); a backup is there to go back to a day, or to before a large
    /// merge someone may want undone.
    Daily { or_import_over_bytes: u64 },
}

/// The time a backup's file name starts with (`20261123T101500.000Z-…`).
fn backup_time(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.get(..20)?;
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%.3fZ")
        .ok()
        .map(|t| t.and_utc())
}

pub(crate) const BACKUP_META_KIND: &str = "kring.backup_meta";
/// The meta keys a backup carries and a restore writes back.
pub(crate) const RESTORED_META_KEYS: &[&str] = &["profile", "settings", "organisation"];

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

/// Applies the owners' narrowing to what this store holds of others' records: a record its owner
/// made summary keeps only its summary fields here, one made private only its retraction (run once
/// when a store from before schema 3 opens; imports do it as they merge).
pub(crate) fn withdraw_narrowed(store: &Store, now: DateTime<Utc>) -> Result<(), StoreError> {
    let me = store.profile()?.map(|p| p.networker);
    let mut changes = Vec::new();
    store.for_each_state(|state| {
        if crate::trust::rights::owner_of(&state).is_none_or(|owner| Some(owner) == me)
            || visibility_of(&state) == Visibility::Shared
        {
            return Ok(());
        }
        let mut after = state.clone();
        admit::after_merge(&mut after, me, |_| false, || store.next_stamp(now));
        if after != state {
            changes.push(crate::store::RecordChange {
                before: Some(state),
                after,
                superseded: Vec::new(),
            });
        }
        Ok(())
    })?;
    while !changes.is_empty() {
        let rest = changes.split_off(changes.len().min(4096));
        store.commit_merged(changes, Vec::new(), Vec::new(), now, None, None)?;
        changes = rest;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{HeldBundle, HeldCode, ImportReport, Refusals, REFUSAL_LOG_ENTRIES};
    use crate::model::Role;
    use crate::store::test_support::{now, store_of};
    use chrono::Duration;

    thread_local! {
        /// Run once between an export choosing its records and writing its header.
        pub(super) static AFTER_PLAN: std::cell::RefCell<Option<Box<dyn FnOnce()>>> =
            std::cell::RefCell::new(None);
    }

    #[test]
    fn an_edit_that_lands_after_an_export_chose_its_records_is_not_claimed_by_its_header() {
        use crate::model::{Person, RecordId};
        let (dir, store) = store_of(Role::Networker);
        let store = std::sync::Arc::new(store);
        let later = store.clone();
        let late_id = std::sync::Arc::new(std::sync::Mutex::new(None));
        let late = late_id.clone();
        AFTER_PLAN.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(move || {
                let body = Person {
                    display_name: "Laat Gemaakt".into(),
                    ..Person::default()
                };
                let id = later
                    .create(&body, None, now() + Duration::seconds(30))
                    .unwrap();
                *late.lock().unwrap() = Some(id);
            }));
        });
        let path = dir.path().join("out.kring");
        store.export_bundle_with(&path, true, true, now()).unwrap();
        let late: RecordId = late_id.lock().unwrap().expect("the hook ran");
        let stamp = store
            .state(late)
            .unwrap()
            .unwrap()
            .stamps()
            .map(|s| s.hlc)
            .max()
            .unwrap();

        let mut reader = store.open_bundle(&path).unwrap();
        let mut carried = false;
        while let Some(record) = reader.next_record().unwrap() {
            carried |= RecordId(record.id) == late;
        }
        assert!(
            !carried,
            "the record was made after the export chose its records"
        );
        let claimed = reader.header.coverage.get(store.node_id());
        assert!(
            claimed < stamp,
            "the header claims {claimed:?}, which covers the record it left out ({stamp:?})"
        );
    }

    fn refused_from(author: &str) -> ImportReport {
        ImportReport {
            files: vec![super::ImportedFile {
                path: "/sync/a.kring".into(),
                author: author.into(),
                node: "0011223344556677".into(),
                role: Role::Networker,
                kind: super::bundle::BundleKind::Delta,
                records: 1,
                created_at: now().to_rfc3339(),
                newly_trusted: false,
            }],
            refused_total: 1,
            ..Default::default()
        }
    }

    #[test]
    fn two_imports_that_refuse_writes_at_the_same_moment_are_both_in_the_refusal_log() {
        let (_dir, store) = store_of(Role::Manager);
        // Both imports read the log before either commits (the sync pass and an import by hand).
        let first = store
            .refusal_log_entry(&refused_from("Mia"), now())
            .unwrap()
            .unwrap();
        let second = store
            .refusal_log_entry(&refused_from("Koen"), now())
            .unwrap()
            .unwrap();
        store.meta_set(&first.0, &first.1).unwrap();
        store.meta_set(&second.0, &second.1).unwrap();
        let mut from: Vec<String> = store
            .refusal_log()
            .unwrap()
            .into_iter()
            .flat_map(|entry| entry.from)
            .collect();
        from.sort();
        assert_eq!(from, vec!["Koen", "Mia"]);
    }

    #[test]
    fn the_refusal_log_keeps_the_newest_imports_and_reads_the_list_an_earlier_kring_kept() {
        let (_dir, store) = store_of(Role::Manager);
        let earlier = Refusals {
            at: now() - Duration::days(30),
            from: vec!["Lieve".into()],
            writes: Vec::new(),
            total: 3,
        };
        store
            .meta_set(
                super::REFUSAL_LOG_KEY,
                &serde_json::to_vec(&vec![earlier.clone()]).unwrap(),
            )
            .unwrap();
        let add = |n: i64| {
            let (key, value) = store
                .refusal_log_entry(
                    &refused_from(&format!("import {n}")),
                    now() + Duration::minutes(n),
                )
                .unwrap()
                .unwrap();
            store.meta_set(&key, &value).unwrap();
            store.prune_refusal_log().unwrap();
        };
        add(0);
        let log = store.refusal_log().unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].from, vec!["import 0"]);
        assert_eq!(
            log[1], earlier,
            "the earlier list is read after the newer entries"
        );
        for n in 1..30 {
            add(n);
        }
        let log = store.refusal_log().unwrap();
        assert_eq!(log.len(), REFUSAL_LOG_ENTRIES);
        assert_eq!(log[0].from, vec!["import 29"], "newest first");
        assert_eq!(log[REFUSAL_LOG_ENTRIES - 1].from, vec!["import 10"]);
        assert_eq!(
            store.meta_scan(super::REFUSAL_LOG_PREFIX).unwrap().len(),
            REFUSAL_LOG_ENTRIES,
            "older entries are pruned"
        );
        assert_eq!(store.meta_get(super::REFUSAL_LOG_KEY).unwrap(), None);
    }

    #[test]
    fn a_held_bundle_kept_without_a_code_or_with_an_unknown_one_reads_back_without_one() {
        let kept = |code: &str| {
            let mut held = serde_json::json!({
                "path": "/sync/a.kring", "author": "An", "email": "an@stad.be",
                "node": "0011223344556677", "fingerprint": "AB12", "reason": "not accepted",
            });
            if !code.is_empty() {
                held["code"] = code.into();
            }
            serde_json::from_value::<HeldBundle>(held).unwrap().code
        };
        assert_eq!(kept(""), None);
        assert_eq!(kept("signed_on_mars"), None);
        assert_eq!(kept("key_replaced"), Some(HeldCode::KeyReplaced));
        let unstated = HeldBundle {
            code: None,
            ..serde_json::from_value(serde_json::json!({
                "path": "/sync/a.kring", "author": "An", "email": "an@stad.be",
                "node": "0011223344556677", "fingerprint": "AB12", "reason": "not accepted",
            }))
            .unwrap()
        };
        assert!(serde_json::to_value(unstated)
            .unwrap()
            .get("code")
            .is_none());
    }
}
