//! Merging bundle records into the store in bounded chunks.
//!
//! Records stream from each bundle; each is let through the [`Gate`] (what its writers may
//! write, see [`super::admit`]), joined with the store's state (or with the state already merged
//! in the current chunk), and the owner's rules are applied to the result; every few thousand
//! changed records are committed in one transaction. Memory is bounded by the chunk, not by the
//! bundles: a sled transaction of a million records keeps every intermediate page alive until it
//! ends.

use super::admit::{self, Gate, Signer};
use super::bundle::BundleHeader;
use super::{meta_key, ImportReport, ImportedFile, Peer, SyncResult};
use crate::clock::{Hlc, FUTURE_TOLERANCE_MILLIS};
use crate::crdt::RecordState;
use crate::model::{RecordId, Role};
use crate::protection::sweep::{Cause, Swept};
use crate::store::{CommitPoint, ImportPoints, RecordChange, Store};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Changed records per transaction.
const CHUNK_RECORDS: usize = 4_096;
/// Refused writes listed one by one in a report; the rest are counted.
const REFUSALS_LISTED: usize = 200;

pub(crate) struct Merge<'s> {
    store: &'s Store,
    now: DateTime<Utc>,
    gate: Gate,
    /// Records merged but not yet committed (or, in a dry run, never committed).
    pending: HashMap<RecordId, RecordChange>,
    order: Vec<RecordId>,
    /// Stored records the gate's sweep takes out (a forgotten person's, a record past its
    /// retention period), not yet committed.
    removals: HashMap<RecordId, RecordState>,
    /// Whether to commit; false for a dry run.
    commit: bool,
    largest_seen: Hlc,
    /// Senders whose bundle is dated well before changes it already held (see `clock_warnings`).
    lagging: BTreeMap<String, u64>,
    pub merged: u64,
    /// Where the commits stood when the import began, and when it began reading the chunk it
    /// now holds: its commits apply what it merged to records changed meanwhile (an edit in the
    /// app beside the sync folder's pass), instead of undoing them.
    began: CommitPoint,
    read_from: CommitPoint,
}

impl<'s> Merge<'s> {
    /// A merge into `store` of an import that began at `began` (taken before the import read
    /// anything from the store, its gate's roster included).
    pub(crate) fn new(
        store: &'s Store,
        now: DateTime<Utc>,
        gate: Gate,
        commit: bool,
        began: CommitPoint,
    ) -> Self {
        Merge {
            store,
            now,
            gate,
            pending: HashMap::new(),
            order: Vec::new(),
            removals: HashMap::new(),
            commit,
            largest_seen: Hlc::ZERO,
            lagging: BTreeMap::new(),
            merged: 0,
            began,
            read_from: began,
        }
    }

    /// Merges every record of one (already verified) bundle, written by `signer`.
    pub(crate) fn apply_file(
        &mut self,
        path: &Path,
        header: &BundleHeader,
        signer: Signer,
        report: &mut ImportReport,
        progress: &mut dyn FnMut(u64),
    ) -> SyncResult<()> {
        let mut reader = self.store.open_bundle(path)?;
        while let Some(incoming) = reader.next_record()? {
            self.merge_record(incoming, signer, report)?;
            self.merged += 1;
            if self.merged.is_multiple_of(8192) {
                progress(self.merged);
            }
            if self.commit && self.pending.len() + self.removals.len() >= CHUNK_RECORDS {
                self.flush(Vec::new())?;
            }
        }
        // A store that already held changes dated well after its own bundle's date has a clock
        // that runs behind: its own changes lose to others' they came after.
        let seen = header.version_vector.high_water_mark().millis;
        let dated = header.created_at_millis.max(0) as u64;
        if seen > dated + FUTURE_TOLERANCE_MILLIS {
            let days = (seen - dated) / 86_400_000;
            let entry = self.lagging.entry(header.author_name.clone()).or_insert(0);
            *entry = (*entry).max(days);
        }
        report.records_read += header.record_count;
        report.files.push(ImportedFile {
            path: path.to_owned(),
            author: header.author_name.clone(),
            node: header.author_node.to_string(),
            role: signer.role,
            kind: header.kind,
            records: header.record_count,
            created_at: DateTime::<Utc>::from_timestamp_millis(header.created_at_millis)
                .map(|t| t.to_rfc3339())
                .unwrap_or_default(),
            newly_trusted: false,
        });
        Ok(())
    }

    fn merge_record(
        &mut self,
        incoming: RecordState,
        signer: Signer,
        report: &mut ImportReport,
    ) -> SyncResult<()> {
        let id = RecordId(incoming.id);
        let mut refused = Vec::new();
        let (before, current) = match self.pending.get(&id) {
            Some(change) => (None, Some(change.after.clone())),
            None if self.removals.contains_key(&id) => (None, None),
            None => {
                let stored = self.store.state(id)?;
                (stored.clone(), stored)
            }
        };
        let admitted = self
            .gate
            .admit(signer, &incoming, current.as_ref(), &mut refused);
        report.refused_total += refused.len() as u64;
        let room = REFUSALS_LISTED.saturating_sub(report.refused.len());
        report.refused.extend(refused.into_iter().take(room));
        let Some(admitted) = admitted else {
            return Ok(());
        };
        for stamp in admitted.stamps() {
            if stamp.hlc > self.largest_seen {
                self.largest_seen = stamp.hlc;
            }
        }
        let mut after = match &current {
            Some(existing) => existing.clone(),
            None => RecordState::new(admitted.id, admitted.kind.clone()),
        };
        let effect = after.merge(&admitted);
        let store = self.store;
        let now = self.now;
        let me = self.gate.me;
        let own = self.gate.own_node;
        let roster = &self.gate.roster;
        admit::after_merge(
            &mut after,
            me,
            |node| {
                node == own
                    || me.is_some_and(|me| {
                        roster
                            .writer_entry(node)
                            .is_some_and(|entry| entry.networker == Some(me))
                    })
            },
            || {
                // Moving the clock past what was merged first keeps the reassertion later than
                // the write it answers.
                store.observe_time(admitted.max_stamp().map(|s| s.hlc).unwrap_or_default());
                store.next_stamp(now)
            },
        );
        // What is about a forgotten person, or past a retention rule's period, goes: the same
        // sweep every store applies to what it holds, so merging an old bundle revives nothing.
        let mut removed = None;
        match self.gate.sweep.apply(&after) {
            Swept::Unchanged => {}
            Swept::Changed { state, causes, .. } => {
                tally(report, &causes);
                after = state;
            }
            Swept::Removed(cause) => {
                tally(report, &[cause]);
                removed = Some(());
            }
        }
        if removed.is_some() {
            let stored = match self.pending.remove(&id) {
                Some(change) => {
                    self.order.retain(|kept| *kept != id);
                    change.before
                }
                None => before,
            };
            if let Some(stored) = stored {
                self.removals.insert(id, stored);
            }
            return Ok(());
        }
        match self.pending.get_mut(&id) {
            Some(change) => {
                count(report, Some(&change.after), &after);
                change.after = after;
                change.superseded.extend(effect.superseded);
            }
            None => {
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
            }
        }
        Ok(())
    }

    /// Commits what is pending, with extra meta keys, in one transaction.
    pub(crate) fn flush(&mut self, extra_meta: Vec<(Vec<u8>, Vec<u8>)>) -> SyncResult<()> {
        self.store.observe_time(self.largest_seen);
        let changes = self.take_pending();
        let removals = self.take_removals();
        if changes.is_empty() && removals.is_empty() && extra_meta.is_empty() {
            return Ok(());
        }
        self.read_from = self.store.commit_merged(
            changes,
            removals,
            extra_meta,
            self.now,
            Some(self.read_from),
        )?;
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
        let removals = self.take_removals();
        let points = ImportPoints {
            began: self.began,
            read_from: self.read_from,
        };
        self.store.commit_advancing(
            changes,
            removals,
            extra_meta,
            self.now,
            coverage_advance,
            points,
        )?;
        Ok(())
    }

    fn take_removals(&mut self) -> Vec<RecordState> {
        let mut removals: Vec<RecordState> = self.removals.drain().map(|(_, s)| s).collect();
        removals.sort_by_key(|s| s.id);
        removals
    }

    fn take_pending(&mut self) -> Vec<RecordChange> {
        self.order
            .drain(..)
            .filter_map(|id| self.pending.remove(&id))
            .collect()
    }

    pub(crate) fn clocks_behind(&self) -> Vec<super::ClockBehind> {
        self.lagging
            .iter()
            .map(|(author, days)| super::ClockBehind {
                author: author.to_string(),
                days: *days as i64,
            })
            .collect()
    }

    pub(crate) fn clock_warnings(&self) -> Vec<String> {
        self.lagging
            .iter()
            .map(|(author, days)| {
                format!(
                    "{author}'s clock seems to run {days} days behind: their bundle is dated \
                     before changes it already held. Ask {author} to set their computer's date \
                     right, or their changes will lose to older ones"
                )
            })
            .collect()
    }
}

/// Counts what the gate's sweep dropped of one record.
fn tally(report: &mut ImportReport, causes: &[Cause]) {
    if causes.contains(&Cause::Forgotten) {
        report.forgotten_dropped += 1;
    }
    if causes.iter().any(|c| matches!(c, Cause::Rule(_))) {
        report.expired_dropped += 1;
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

/// The meta keys an import records for one file: what the sender holds (for delta exports back
/// to it), with its role on the roster.
pub(crate) fn file_meta(
    store: &Store,
    header: &BundleHeader,
    role: Role,
) -> SyncResult<Vec<(Vec<u8>, Vec<u8>)>> {
    let mut meta = Vec::new();
    if header.author_node == store.node_id() {
        return Ok(meta);
    }
    let peer = Peer {
        node: header.author_node,
        name: header.author_name.clone(),
        role,
        version_vector: header.version_vector.clone(),
        last_bundle_at_millis: header.created_at_millis,
        coverage: Some(header.coverage.clone()),
    };
    let mut key = meta_key::PEER_PREFIX.to_vec();
    key.extend_from_slice(&header.author_node.0.to_be_bytes());
    meta.push((key, serde_json::to_vec(&peer).expect("peers serialise")));
    Ok(meta)
}
