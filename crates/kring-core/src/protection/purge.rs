//! Applying a sweep (forgets and retention rules, [`super::sweep`]) to everything the store
//! holds: every record through the engine's commit of swept changes, and the superseded values
//! of the local history the sweep drops.

use super::sweep::{Sweep, SweepOutcome, Swept};
use crate::model::RecordId;
use crate::store::{RecordChange, Store, StoreResult};
use chrono::{DateTime, Utc};

/// Records per transaction.
const CHUNK: usize = 4_096;

impl Store {
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
        let mut again = self.sweep_records(sweep, ids, now, dry_run, &mut outcome)?;
        // Records an edit or an import changed after the sweep read them are swept as they are
        // now (and counted once, as first read).
        while !again.is_empty() {
            again = self.sweep_records(sweep, again, now, dry_run, &mut SweepOutcome::default())?;
        }
        outcome.history_removed = self.remove_history_where(dry_run, |state, field, value| {
            sweep.drops_history(state, field, value)
        })?;
        Ok(outcome)
    }

    /// Sweeps the given records in chunks, counting into `outcome`. Returns the records left
    /// unwritten because another commit changed them after they were read.
    fn sweep_records(
        &self,
        sweep: &Sweep,
        ids: Vec<RecordId>,
        now: DateTime<Utc>,
        dry_run: bool,
        outcome: &mut SweepOutcome,
    ) -> StoreResult<Vec<RecordId>> {
        let mut skipped = Vec::new();
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
                skipped.extend(self.commit_swept(
                    std::mem::take(&mut changes),
                    std::mem::take(&mut removals),
                    Vec::new(),
                    now,
                )?);
            }
        }
        let pending = !changes.is_empty() || !removals.is_empty();
        if !dry_run && pending {
            skipped.extend(self.commit_swept(changes, removals, Vec::new(), now)?);
        }
        Ok(skipped)
    }
}
