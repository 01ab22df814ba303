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
        outcome.history_removed = self.remove_history_where(dry_run, |state, field, value| {
            sweep.drops_history(state, field, value)
        })?;
        Ok(outcome)
    }
}
