//! The engine's part of a sweep (`protection::purge`): reading every record of a kind, deleted
//! ones too, and removing the superseded values of the local history a sweep drops. The records
//! a sweep changes are committed through the one write path, [`Store::commit_swept`].
//!
//! History is removed a few thousand keys at a time. A crash between chunks leaves part of it
//! swept; the sweep is idempotent, and the caller records that it is done only after the last
//! chunk (see `protection::erasure::apply_pending`), so the next open sweeps again.

use super::{Store, StoreResult};
use crate::crdt::RecordState;
use crate::model::RecordId;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// Records per transaction.
const CHUNK: usize = 4_096;

impl Store {
    /// Calls `visit` with every record of one kind, deleted ones too.
    pub(crate) fn for_each_of_kind(
        &self,
        kind: crate::model::RecordKind,
        mut visit: impl FnMut(RecordState) -> StoreResult<()>,
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
    ///
    /// The verdicts are made on records read without the writer's lock; each chunk is removed
    /// under it, and a value whose record changed since its verdict is judged again on the
    /// record as it is then (an edit that moved a date out of a retention rule keeps its history).
    pub(crate) fn remove_history_where(
        &self,
        dry_run: bool,
        mut drops: impl FnMut(Option<&RecordState>, &str, &[u8]) -> bool,
    ) -> StoreResult<u64> {
        let mut gone: Vec<(sled::IVec, RecordId)> = Vec::new();
        // The record each verdict was made on, for the records with values to remove.
        let mut judged: HashMap<RecordId, Option<RecordState>> = HashMap::new();
        let mut record: Option<(RecordId, Option<RecordState>)> = None;
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
                judged.entry(id).or_insert_with(|| state.cloned());
                gone.push((key, id));
            }
        }
        if dry_run || gone.is_empty() {
            return Ok(gone.len() as u64);
        }
        #[cfg(test)]
        if let Some(hook) = tests::AFTER_VERDICTS.with(|hook| hook.borrow_mut().take()) {
            hook(self);
        }
        let mut count = 0;
        for chunk in gone.chunks(CHUNK) {
            let _no_commits = self.writer();
            let mut now: HashMap<RecordId, Option<RecordState>> = HashMap::new();
            let mut batch = sled::Batch::default();
            for (key, id) in chunk {
                let state = match now.entry(*id) {
                    Entry::Occupied(held) => held.into_mut(),
                    Entry::Vacant(slot) => slot.insert(self.state(*id)?),
                };
                // Gone already (another sweep got there first): not counted again.
                let Some(value) = self.history.get(key)? else {
                    continue;
                };
                if judged.get(id) != Some(state) {
                    let field = String::from_utf8_lossy(key.get(36..).unwrap_or_default());
                    if !drops(state.as_ref(), &field, &value) {
                        continue;
                    }
                }
                batch.remove(key.clone());
                count += 1;
            }
            self.history.apply_batch(batch)?;
        }
        self.db.flush()?;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Person, Role};
    use crate::store::test_support::{now, store_of};
    use crate::store::Store;

    type Hook = Box<dyn FnOnce(&Store)>;

    thread_local! {
        /// Run once by the next history removal on this thread, after its verdicts and before
        /// it removes anything.
        pub(super) static AFTER_VERDICTS: std::cell::RefCell<Option<Hook>> =
            const { std::cell::RefCell::new(None) };
    }

    fn named(name: &str) -> Person {
        Person {
            display_name: name.into(),
            ..Person::default()
        }
    }

    #[test]
    fn history_is_removed_by_a_verdict_on_the_record_as_it_is_when_removed() {
        let (_dir, store) = store_of(Role::Networker);
        let id = store.create(&named("Jan Peeters"), None, now()).unwrap();
        let later = now() + chrono::Duration::minutes(1);
        store.update(id, &named("Archief"), later).unwrap();
        let all = |store: &Store| store.remove_history_where(true, |_, _, _| true).unwrap();
        assert_eq!(all(&store), 1, "the old name is in the history");

        // A rule drops the history of records named "Archief"; the record is renamed between the
        // verdicts and the removal.
        AFTER_VERDICTS.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(move |store: &Store| {
                store.update(id, &named("Jan Peeters-Maes"), later).unwrap();
            }))
        });
        let archived = |state: Option<&crate::crdt::RecordState>, _: &str, _: &[u8]| {
            state.and_then(|s| s.current("display_name"))
                == Some(serde_json::Value::String("Archief".into()))
        };
        assert_eq!(store.remove_history_where(false, archived).unwrap(), 0);
        assert!(
            AFTER_VERDICTS.with(|hook| hook.borrow().is_none()),
            "the hook ran"
        );
        assert_eq!(
            all(&store),
            2,
            "the history of a record no longer archived was removed"
        );

        // Judged on the record as it is, the same rule still removes.
        store.update(id, &named("Archief"), later).unwrap();
        assert_eq!(store.remove_history_where(false, archived).unwrap(), 3);
    }

    #[test]
    fn history_another_sweep_removed_meanwhile_is_not_counted_again() {
        let (_dir, store) = store_of(Role::Networker);
        let id = store.create(&named("Jan Peeters"), None, now()).unwrap();
        let later = now() + chrono::Duration::minutes(1);
        store.update(id, &named("Archief"), later).unwrap();
        AFTER_VERDICTS.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(|store: &Store| {
                store.remove_history_where(false, |_, _, _| true).unwrap();
            }))
        });
        assert_eq!(
            store.remove_history_where(false, |_, _, _| true).unwrap(),
            0
        );
    }
}
