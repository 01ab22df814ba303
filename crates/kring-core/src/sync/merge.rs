//! Merging bundle records into the store in bounded chunks.
//!
//! Records stream from each bundle; each is joined with the store's state (or with the state
//! already merged in the current chunk) and every few thousand changed records are committed in
//! one transaction. Memory is bounded by the chunk, not by the bundles: a sled transaction of a
//! million records keeps every intermediate page alive until it ends.

use super::bundle::{self, BundleHeader};
use super::{meta_key, millis, ImportReport, ImportedFile, Peer, SyncResult};
use crate::clock::{Hlc, NodeId, FUTURE_TOLERANCE_MILLIS};
use crate::crdt::RecordState;
use crate::model::RecordId;
use crate::store::{RecordChange, Store};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Changed records per transaction.
const CHUNK_RECORDS: usize = 4_096;

pub(crate) struct Merge<'s> {
    store: &'s Store,
    now: DateTime<Utc>,
    /// Records merged but not yet committed (or, in a dry run, never committed).
    pending: HashMap<RecordId, RecordChange>,
    order: Vec<RecordId>,
    /// Where to commit; `None` for a dry run.
    commit: Option<()>,
    largest_seen: Hlc,
    future: BTreeMap<NodeId, Hlc>,
    pub merged: u64,
}

impl<'s> Merge<'s> {
    pub(crate) fn new(store: &'s Store, now: DateTime<Utc>, commit: Option<()>) -> Self {
        Merge {
            store,
            now,
            pending: HashMap::new(),
            order: Vec::new(),
            commit,
            largest_seen: Hlc::ZERO,
            future: BTreeMap::new(),
            merged: 0,
        }
    }

    /// Merges every record of one (already verified) bundle.
    pub(crate) fn apply_file(
        &mut self,
        path: &Path,
        header: &BundleHeader,
        report: &mut ImportReport,
        progress: &mut dyn FnMut(u64),
    ) -> SyncResult<()> {
        let mut reader = bundle::open_bundle(path)?;
        while let Some(incoming) = reader.next_record()? {
            self.merge_record(incoming, report)?;
            self.merged += 1;
            if self.merged % 8192 == 0 {
                progress(self.merged);
            }
            if self.commit.is_some() && self.pending.len() >= CHUNK_RECORDS {
                self.flush(Vec::new())?;
            }
        }
        report.records_read += header.record_count;
        let own = self.store.node_id();
        report.files.push(ImportedFile {
            path: path.to_owned(),
            author: header.author_name.clone(),
            node: header.author_node.to_string(),
            role: header.author_role,
            kind: header.kind,
            records: header.record_count,
            created_at: DateTime::<Utc>::from_timestamp_millis(header.created_at_millis)
                .map(|t| t.to_rfc3339())
                .unwrap_or_default(),
            newly_trusted: header.author_node != own
                && self.store.trusted_key(header.author_node)?.is_none(),
        });
        Ok(())
    }

    fn merge_record(&mut self, incoming: RecordState, report: &mut ImportReport) -> SyncResult<()> {
        for stamp in incoming.stamps() {
            if stamp.hlc > self.largest_seen {
                self.largest_seen = stamp.hlc;
            }
            if stamp.hlc.millis > millis(self.now) + FUTURE_TOLERANCE_MILLIS {
                let entry = self.future.entry(stamp.node).or_insert(stamp.hlc);
                *entry = (*entry).max(stamp.hlc);
            }
        }
        let id = RecordId(incoming.id);
        if let Some(change) = self.pending.get_mut(&id) {
            let before = change.after.clone();
            let effect = change.after.merge(&incoming);
            change.superseded.extend(effect.superseded);
            count(report, Some(&before), &change.after);
            return Ok(());
        }
        let before = self.store.state(id)?;
        let mut after = match &before {
            Some(existing) => existing.clone(),
            None => RecordState::new(incoming.id, incoming.kind.clone()),
        };
        let effect = after.merge(&incoming);
        count(report, before.as_ref(), &after);
        if before.as_ref() != Some(&after) {
            self.order.push(id);
            self.pending.insert(
                id,
                RecordChange {
                    before,
                    after,
                    superseded: effect.superseded,
                },
            );
        }
        Ok(())
    }

    /// Commits what is pending, with extra meta keys, in one transaction.
    pub(crate) fn flush(&mut self, extra_meta: Vec<(Vec<u8>, Vec<u8>)>) -> SyncResult<()> {
        self.store.observe_time(self.largest_seen);
        let changes = self.take_pending();
        if changes.is_empty() && extra_meta.is_empty() {
            return Ok(());
        }
        self.store.commit(changes, extra_meta, self.now)?;
        Ok(())
    }

    /// The last commit of an import: what is pending, the meta keys, and the coverage the
    /// imported bundles proved (see [`super::causal`]), in one transaction.
    pub(crate) fn finish(
        &mut self,
        extra_meta: Vec<(Vec<u8>, Vec<u8>)>,
        coverage_advance: &crate::clock::VersionVector,
    ) -> SyncResult<()> {
        self.store.observe_time(self.largest_seen);
        let changes = self.take_pending();
        self.store
            .commit_advancing(changes, extra_meta, self.now, coverage_advance)?;
        Ok(())
    }

    fn take_pending(&mut self) -> Vec<RecordChange> {
        self.order
            .drain(..)
            .filter_map(|id| self.pending.remove(&id))
            .collect()
    }

    pub(crate) fn future_warnings(&self) -> Vec<String> {
        self.future
            .iter()
            .map(|(node, hlc)| {
                let days = (hlc.millis.saturating_sub(millis(self.now))) as f64 / 86_400_000.0;
                format!(
                    "node {node} wrote stamps {days:.1} days in the future (its clock is wrong)"
                )
            })
            .collect()
    }
}

/// Counts one record's merge in the report: added, changed (and deleted), or unchanged, and the
/// conflicts it brought.
fn count(report: &mut ImportReport, before: Option<&RecordState>, after: &RecordState) {
    match before {
        None => report.added += 1,
        Some(before) if before == after => report.unchanged += 1,
        Some(before) => {
            report.changed += 1;
            if !before.is_deleted() && after.is_deleted() {
                report.deleted += 1;
            }
            let conflicts = |s: &RecordState| {
                s.fields
                    .values()
                    .map(|r| r.conflicts().len())
                    .sum::<usize>()
            };
            report.new_conflicts += conflicts(after).saturating_sub(conflicts(before)) as u64;
        }
    }
    if before.is_none() {
        report.new_conflicts += after
            .fields
            .values()
            .map(|r| r.conflicts().len())
            .sum::<usize>() as u64;
    }
}

/// The meta keys an import records for one file: the signer's key (trusted on first use), what
/// the sender had seen (for delta exports back to it), and the organisation's id.
pub(crate) fn file_meta(
    store: &Store,
    header: &BundleHeader,
) -> SyncResult<Vec<(Vec<u8>, Vec<u8>)>> {
    let mut meta = Vec::new();
    if header.author_node == store.node_id() {
        return Ok(meta);
    }
    if store.trusted_key(header.author_node)?.is_none() {
        meta.push((trusted_key(header.author_node), header.public_key.to_vec()));
    }
    let peer = Peer {
        node: header.author_node,
        name: header.author_name.clone(),
        role: header.author_role,
        version_vector: header.version_vector.clone(),
        last_bundle_at_millis: header.created_at_millis,
        coverage: Some(header.coverage.clone()),
    };
    let mut key = meta_key::PEER_PREFIX.to_vec();
    key.extend_from_slice(&header.author_node.0.to_be_bytes());
    meta.push((key, serde_json::to_vec(&peer).expect("peers serialise")));
    if let (Some(organisation), None) =
        (header.organisation, store.meta_get(meta_key::ORGANISATION)?)
    {
        meta.push((
            meta_key::ORGANISATION.to_vec(),
            organisation.as_bytes().to_vec(),
        ));
    }
    Ok(meta)
}

pub(crate) fn trusted_key(node: NodeId) -> Vec<u8> {
    let mut key = meta_key::TRUSTED_PREFIX.to_vec();
    key.extend_from_slice(&node.0.to_be_bytes());
    key
}
