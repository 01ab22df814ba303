//! The engine's part of a sweep (`protection::purge`): reading every record of a kind, deleted
//! ones too, and removing the superseded values of the local history a sweep drops. The records
//! a sweep changes are committed through the one write path, [`Store::commit_swept`].
//!
//! History is removed a few thousand keys at a time. A crash between chunks leaves part of it
//! swept; the sweep is idempotent, and the caller records that it is done only after the last
//! chunk (see `protection::erasure::apply_pending`), so the next open sweeps again.

use super::{Store, StoreResult};
use crate::model::RecordId;

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

    /// Removes the superseded values of the local history that `drops` picks (given the
    /// record's current state, the field and the old value); with `dry_run` only counts them.
    /// Returns how many. A sweep (`protection::purge`) uses it for the old values it drops.
    pub(crate) fn remove_history_where(
        &self,
        dry_run: bool,
        mut drops: impl FnMut(Option<&crate::crdt::RecordState>, &str, &[u8]) -> bool,
    ) -> StoreResult<u64> {
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
            if drops(state, &field, &value) {
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
