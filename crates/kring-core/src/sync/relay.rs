//! Hand-overs passed on: a colleague's bundle a networker imported travels on to the managers
//! exactly as its author signed it.
//!
//! A networker's own bundles carry only its own writes (`admit.rs`): a colleague's writes it
//! holds reach the managers from that colleague. That fails once the colleague can no longer
//! send them: a colleague who restored an older backup has lost every write made after it, and
//! a card handed over directly before the restore then lived on one laptop only, refused by the
//! managers from anyone but its writer. Re-signing those writes would let any networker forge a
//! colleague's; so the networker keeps the colleague's signed file itself in `STORE/relay/` and
//! passes it on unchanged (a sync pass puts it beside its own bundles in the sync folder), where
//! the manager checks it like any bundle from its author: signature, roster, rights.
//!
//! A relayed file is dropped once every manager has acknowledged what it conveys (the same test
//! that prunes a store's own bundles), and by `kring compact` when it holds a forgotten person.

use super::bundle::BundleHeader;
use super::{SyncError, SyncResult};
use crate::clock::VersionVector;
use crate::model::Role;
use crate::store::{Store, StoreError};
use std::path::{Path, PathBuf};

/// The folder in the store that keeps colleagues' bundles to pass on.
pub const RELAY_DIR: &str = "relay";

/// A colleague's bundle this store passes on to its managers.
#[derive(Clone, Debug)]
pub struct Relay {
    pub path: PathBuf,
    pub header: BundleHeader,
}

impl Relay {
    /// The name the relayed file has in the store and in the sync folder: its author's node
    /// and the start of its body hash, so two copies of one file are one relay.
    fn file_name(header: &BundleHeader) -> String {
        let hash: String = header.body_hash[..12]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        format!("relay-{}-{hash}.kring", header.author_node)
    }
}

impl Relay {
    /// Writes the file, byte for byte, into `folder` under its own name (atomically: a reader
    /// of a sync folder never sees half of it). Returns the copy.
    pub fn copy_into(&self, folder: &Path) -> SyncResult<Relay> {
        let copy = folder.join(Relay::file_name(&self.header));
        if copy != self.path && !copy.is_file() {
            let bytes = std::fs::read(&self.path).map_err(|e| StoreError::from_io(&e))?;
            crate::files::write_atomically(&copy, &bytes).map_err(|e| SyncError::Write {
                path: copy.clone(),
                reason: crate::files::write_failure(&e),
            })?;
        }
        Ok(Relay {
            path: copy,
            header: self.header.clone(),
        })
    }
}

impl Store {
    fn relay_dir(&self) -> PathBuf {
        self.path().join(RELAY_DIR)
    }

    /// Keeps a copy of a colleague's bundle this store has verified and is about to merge, to
    /// pass on. Only a networker keeps one, only of another networker's bundle (a manager's
    /// master reaches every member itself, and a manager relays through its masters).
    pub(crate) fn keep_for_relay(&self, verified: &Path, header: &BundleHeader) -> SyncResult<()> {
        let mine = self.profile()?.map(|profile| profile.role);
        if mine != Some(Role::Networker)
            || header.author_role != Role::Networker
            || header.author_node == self.node_id()
        {
            return Ok(());
        }
        let folder = self.relay_dir();
        crate::files::create_private_dir(&folder).map_err(|e| StoreError::from_io(&e))?;
        let target = folder.join(Relay::file_name(header));
        if target.is_file() {
            return Ok(());
        }
        let bytes = std::fs::read(verified).map_err(|e| StoreError::from_io(&e))?;
        crate::files::write_atomically(&target, &bytes).map_err(|e| SyncError::Write {
            path: target.clone(),
            reason: crate::files::write_failure(&e),
        })?;
        Ok(())
    }

    /// The colleagues' bundles this store passes on, oldest first. A file that no longer reads
    /// as a bundle is left out (and dropped by [`Store::drop_acknowledged_relays`]).
    pub fn relays(&self) -> SyncResult<Vec<Relay>> {
        let Ok(entries) = std::fs::read_dir(self.relay_dir()) else {
            return Ok(Vec::new());
        };
        let mut relays: Vec<Relay> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "kring"))
            .filter_map(|path| {
                let header = self.open_bundle(&path).ok()?.header;
                Some(Relay { path, header })
            })
            .collect();
        relays.sort_by_key(|relay| (relay.header.created_at_millis, relay.path.clone()));
        Ok(relays)
    }

    /// Drops the relayed files every manager has acknowledged (their coverage holds everything
    /// the author's own entry in the file conveys), and files that no longer read as bundles.
    /// Returns the names of the files dropped.
    pub fn drop_acknowledged_relays(&self) -> SyncResult<Vec<String>> {
        let me = self.node_id();
        let managers: Vec<VersionVector> = self
            .peers()?
            .into_iter()
            .filter(|peer| peer.node != me && peer.role == Role::Manager)
            .map(|peer| peer.coverage.unwrap_or_default())
            .collect();
        let Ok(entries) = std::fs::read_dir(self.relay_dir()) else {
            return Ok(Vec::new());
        };
        let mut dropped = Vec::new();
        for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
            if path.extension().is_none_or(|e| e != "kring") {
                continue;
            }
            let done = match self.open_bundle(&path) {
                Ok(reader) => {
                    let conveys = reader.header.coverage.only(reader.header.author_node);
                    !managers.is_empty() && managers.iter().all(|c| c.dominates(&conveys))
                }
                Err(_) => true,
            };
            if done {
                self.drop_relay(&path)?;
                if let Some(name) = path.file_name() {
                    dropped.push(name.to_string_lossy().into_owned());
                }
            }
        }
        dropped.sort();
        Ok(dropped)
    }

    /// Copies each relay into the folder of `export`, an export for the managers written by
    /// hand, as its author signed it, to be handed over with it. Returns the copies.
    pub fn copy_relays_beside(&self, export: &Path) -> SyncResult<Vec<Relay>> {
        let folder = export
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        self.relays()?
            .iter()
            .map(|relay| relay.copy_into(folder))
            .collect()
    }

    /// Drops one relayed file (a forgotten person in it: it is someone else's, signed by them,
    /// so it cannot be rewritten).
    pub(crate) fn drop_relay(&self, path: &Path) -> SyncResult<()> {
        match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(SyncError::Write {
                path: path.to_owned(),
                reason: crate::files::write_failure(&e),
            }),
        }
    }
}
