//! Applying a sweep (forgets and retention rules, `crate::protection::sweep`) to everything the
//! store holds: its records, their indexes and search terms (through the one write path,
//! [`Store::commit_swept`]), and the superseded values in the local history.
//!
//! Records are read by id and committed a few thousand at a time, so a sweep of a large store
//! holds one chunk in memory. A crash between chunks leaves part of the store swept; the sweep is
//! idempotent, and the caller records that it is done only after the last chunk (see
//! `protection::erasure::apply_pending`), so the next open sweeps again.

use super::{RecordChange, Store, StoreResult};
use crate::model::RecordId;
use crate::protection::sweep::{Sweep, SweepOutcome, Swept};
use chrono::{DateTime, Utc};

/// Records per transaction.
const CHUNK: usize = 4_096;

impl Store {
    /// Calls `visit` with every record of one kind, deleted ones too.
    pub(crate) fn for_each_of_kind(
        &self,
        kind: crate::model::RecordKind,
        mut visit: impl FnMut(crate::crdt::RecordState) -> StoreResult<()>,
    ) -> StoreResult<()> {
        let Some(tree) = self.existing_records_tree(kind.as_str())? else {
            return Ok(());
        };
        for item in tree.iter() {
            let (key, value) = item?;
            visit(super::decode_state(&key, &value)?)?;
        }
        Ok(())
    }

    /// Sweeps every record and the history. With `dry_run`, counts what would go and changes
    /// nothing.
    pub(crate) fn sweep_store(
        &self,
        sweep: &Sweep,
        now: DateTime<Utc>,
        dry_run: bool,
    ) -> StoreResult<SweepOutcome> {
        let mut outcome = SweepOutcome::default();
        if sweep.is_empty() {
            return Ok(outcome);
        }
        let mut ids = Vec::new();
        self.for_each_state(|state| {
            ids.push(RecordId(state.id));
            Ok(())
        })?;
        let mut changes = Vec::new();
        let mut removals = Vec::new();
        for id in ids {
            let Some(state) = self.state(id)? else {
                continue;
            };
            let swept = sweep.apply(&state);
            outcome.count(&state, &swept);
            match swept {
                Swept::Unchanged => {}
                Swept::Removed(_) => removals.push(state),
                Swept::Changed { state: after, .. } => changes.push(RecordChange {
                    before: Some(state),
                    after,
                    superseded: Vec::new(),
                }),
            }
            if !dry_run && changes.len() + removals.len() >= CHUNK {
                self.commit_swept(
                    std::mem::take(&mut changes),
                    std::mem::take(&mut removals),
                    Vec::new(),
                    now,
                )?;
            }
        }
        let pending = !changes.is_empty() || !removals.is_empty();
        if !dry_run && pending {
            self.commit_swept(changes, removals, Vec::new(), now)?;
        }
        outcome.history_removed = self.sweep_history(sweep, dry_run)?;
        Ok(outcome)
    }

    /// Removes the superseded values the sweep drops from the local history (a kept record's
    /// old value that names a forgotten person, an old text a rule cleared). Returns how many.
    fn sweep_history(&self, sweep: &Sweep, dry_run: bool) -> StoreResult<u64> {
        let mut gone = Vec::new();
        let mut record: Option<(RecordId, Option<crate::crdt::RecordState>)> = None;
        for item in self.history.iter() {
            let (key, value) = item?;
            // id ‖ hlc (12) ‖ node (8) ‖ field
            let Some(id) = RecordId::from_slice(&key) else {
                continue;
            };
            let field = String::from_utf8_lossy(key.get(36..).unwrap_or_default());
            if record.as_ref().is_none_or(|(held, _)| *held != id) {
                record = Some((id, self.state(id)?));
            }
            let state = record.as_ref().and_then(|(_, s)| s.as_ref());
            if sweep.drops_history(state, &field, &value) {
                gone.push(key);
            }
        }
        let count = gone.len() as u64;
        if !dry_run && !gone.is_empty() {
            for chunk in gone.chunks(CHUNK) {
                let mut batch = sled::Batch::default();
                for key in chunk {
                    batch.remove(key.clone());
                }
                self.history.apply_batch(batch)?;
            }
            self.db.flush()?;
        }
        Ok(count)
    }
}
