//! Values derived from records that reads would otherwise build again on every call (the
//! networkers' names and who has left, the identity groups: read for every card opened), kept
//! between calls and exact.
//!
//! The engine does not know the values: their types belong to the features that build them
//! (`cards::standings`, `identity_groups`). It knows only what each was read from — every field
//! of the records of some kinds, or only which records of some kinds exist — and counts, per kind,
//! the commits that wrote a record of that kind and the commits that made one appear or go
//! (created, deleted, revived, removed). A value is kept with the counts of its sources and
//! served while they are unchanged; otherwise it is built again.
//!
//! Two orderings make it exact. A commit is counted only after its transaction went through, so
//! a failed commit, which wrote nothing, leaves every value as valid as it was. And the counts a
//! value is kept with are read *before* it is built, so a commit that lands while it is being
//! built leaves it tagged as older than that commit: the next call builds it again instead of
//! keeping what may have missed the commit.

use super::{Store, StoreResult};
use crate::crdt::RecordState;
use crate::model::RecordKind;
use std::any::{Any, TypeId};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

/// What a derived value was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// Records of this kind, any field of them.
    Records(RecordKind),
    /// Only which records of this kind exist (present and not deleted), and under which kind.
    Existence(RecordKind),
}

/// Commits counted by what they changed, and the values kept with the counts they were built at.
#[derive(Default)]
pub(crate) struct Derived {
    counts: Mutex<Counts>,
    values: Mutex<HashMap<TypeId, Kept>>,
}

struct Kept {
    counts: Vec<u64>,
    value: Arc<dyn Any + Send + Sync>,
}

#[derive(Default)]
struct Counts {
    /// Commits that may have changed every record (a restore, a repair of the indexes).
    everything: u64,
    /// By kind: commits that wrote or removed a record of it.
    written: HashMap<String, u64>,
    /// By kind: commits after which a record of it exists that did not, or no longer exists.
    existence: HashMap<String, u64>,
}

impl Counts {
    fn of(&self, sources: &[Source]) -> Vec<u64> {
        let mut counts = Vec::with_capacity(sources.len() + 1);
        counts.push(self.everything);
        for source in sources {
            let (by_kind, kind) = match source {
                Source::Records(kind) => (&self.written, kind),
                Source::Existence(kind) => (&self.existence, kind),
            };
            counts.push(by_kind.get(kind.as_str()).copied().unwrap_or(0));
        }
        counts
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // What is behind these locks is only ever replaced whole, so a poisoned one is still sound.
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

impl Derived {
    /// Counts a commit that went through: `changes` as (before, after), `removed` records taken
    /// out of the store altogether.
    pub(super) fn committed<'a>(
        &self,
        changes: impl IntoIterator<Item = (Option<&'a RecordState>, &'a RecordState)>,
        removed: impl IntoIterator<Item = &'a RecordState>,
    ) {
        let mut written: HashSet<&str> = HashSet::new();
        let mut existence: HashSet<&str> = HashSet::new();
        for (before, after) in changes {
            written.insert(&after.kind);
            let existed = before.is_some_and(|b| !b.is_deleted());
            let exists = !after.is_deleted();
            if existed != exists {
                existence.insert(&after.kind);
            }
            if let Some(before) = before.filter(|b| b.kind != after.kind) {
                // A record sent again under another kind: both kinds count as changed.
                for kind in [&before.kind, &after.kind] {
                    written.insert(kind);
                    existence.insert(kind);
                }
            }
        }
        for state in removed {
            written.insert(&state.kind);
            existence.insert(&state.kind);
        }
        if written.is_empty() && existence.is_empty() {
            return;
        }
        let mut counts = lock(&self.counts);
        for kind in written {
            *counts.written.entry(kind.to_owned()).or_default() += 1;
        }
        for kind in existence {
            *counts.existence.entry(kind.to_owned()).or_default() += 1;
        }
    }

    /// Counts a write that may have changed any record (a restore, a repair).
    pub(super) fn everything_changed(&self) {
        lock(&self.counts).everything += 1;
        lock(&self.values).clear();
    }
}

impl Store {
    /// The value of type `T` that `build` makes from `sources`: the one kept from an earlier call
    /// while no commit changed its sources since and it `fits` (what it depends on beyond the
    /// records, such as whose store this is), else built now and kept. One value per type.
    pub(crate) fn derived<T: Any + Send + Sync>(
        &self,
        sources: &[Source],
        fits: impl Fn(&T) -> bool,
        build: impl FnOnce() -> StoreResult<T>,
    ) -> StoreResult<Arc<T>> {
        let key = TypeId::of::<T>();
        // Read before building (see the module's comment).
        let counts = lock(&self.derived.counts).of(sources);
        if let Some(kept) = lock(&self.derived.values).get(&key) {
            if kept.counts == counts {
                if let Ok(value) = Arc::clone(&kept.value).downcast::<T>() {
                    if fits(&value) {
                        return Ok(value);
                    }
                }
            }
        }
        // Built without holding the lock: building may read other derived values.
        let value = Arc::new(build()?);
        lock(&self.derived.values).insert(
            key,
            Kept {
                counts,
                value: Arc::clone(&value) as Arc<dyn Any + Send + Sync>,
            },
        );
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Networker, Person, Role};
    use crate::store::StoreError;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use crate::store::test_support::now;

    fn store() -> (tempfile::TempDir, Store) {
        crate::store::test_support::store_of(Role::Manager)
    }

    fn networker(store: &Store, name: &str) -> crate::model::RecordId {
        let body = Networker {
            name: name.into(),
            ..Networker::default()
        };
        store.create(&body, None, now()).unwrap()
    }

    /// The networkers' names, sorted: a value derived from every networker record.
    struct Names(Vec<String>);

    fn read_names(store: &Store) -> StoreResult<Names> {
        let mut names = Vec::new();
        store.for_each_live_of_kind(RecordKind::Networker, |state| {
            names.push(crate::store::body_of::<Networker>(&state)?.name);
            Ok(())
        })?;
        names.sort();
        Ok(Names(names))
    }

    /// The names as `derived` serves them, counting how often they are built.
    fn names(store: &Store, builds: &AtomicUsize) -> Vec<String> {
        store
            .derived(
                &[Source::Records(RecordKind::Networker)],
                |_: &Names| true,
                || {
                    builds.fetch_add(1, Ordering::SeqCst);
                    read_names(store)
                },
            )
            .unwrap()
            .0
            .clone()
    }

    #[test]
    fn a_value_is_kept_while_commits_write_other_kinds_and_built_again_after_one_writes_its_own() {
        let (_dir, store) = store();
        let builds = AtomicUsize::new(0);
        let first = names(&store, &builds);
        assert_eq!(names(&store, &builds), first);
        let person = Person {
            display_name: "Jan Peeters".into(),
            ..Person::default()
        };
        store.create(&person, None, now()).unwrap();
        assert_eq!(names(&store, &builds), first);
        assert_eq!(builds.load(Ordering::SeqCst), 1);

        networker(&store, "Bart");
        let after = names(&store, &builds);
        assert_eq!(builds.load(Ordering::SeqCst), 2);
        assert_eq!(after, read_names(&store).unwrap().0);
        assert!(after.contains(&"Bart".to_owned()));
    }

    #[test]
    fn a_commit_that_lands_while_a_value_is_built_makes_the_next_call_build_it_again() {
        let (_dir, store) = store();
        let builds = AtomicUsize::new(0);
        // The build reads the names, then a commit adds a networker before the value is kept.
        let raced = store
            .derived(
                &[Source::Records(RecordKind::Networker)],
                |_: &Names| true,
                || {
                    builds.fetch_add(1, Ordering::SeqCst);
                    let names = read_names(&store);
                    networker(&store, "Bart");
                    names
                },
            )
            .unwrap();
        assert!(!raced.0.contains(&"Bart".to_owned()));
        assert!(names(&store, &builds).contains(&"Bart".to_owned()));
        assert_eq!(builds.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_refused_commit_keeps_the_value_and_a_removal_or_a_restore_builds_it_again() {
        let (_dir, store) = store();
        let bart = networker(&store, "Bart");
        let builds = AtomicUsize::new(0);
        assert!(names(&store, &builds).contains(&"Bart".to_owned()));

        // A commit refused before its transaction writes nothing: the value kept is still exact.
        store.check_writes_with(Box::new(|_, _, _| Err(StoreError::NotInitialised)));
        let renamed = Networker {
            name: "Bart Janssens".into(),
            ..Networker::default()
        };
        assert!(store.update(bart, &renamed, now()).is_err());
        assert_eq!(names(&store, &builds), read_names(&store).unwrap().0);
        assert_eq!(builds.load(Ordering::SeqCst), 1);

        // A record taken out altogether (a sweep) counts as a write of its kind.
        let state = store.state(bart).unwrap().unwrap();
        store
            .commit_swept(Vec::new(), vec![state], Vec::new(), now())
            .unwrap();
        assert!(!names(&store, &builds).contains(&"Bart".to_owned()));
        assert_eq!(builds.load(Ordering::SeqCst), 2);

        // A restore replaces every record.
        let mut states = Vec::new();
        for kind in store.stored_kinds() {
            let Ok(kind) = kind.parse::<RecordKind>() else {
                continue;
            };
            store
                .for_each_live_of_kind(kind, |state| {
                    states.push(state);
                    Ok(())
                })
                .unwrap();
        }
        let mut carla = crate::crdt::RecordState::new(
            crate::model::RecordId::new_v7(now().timestamp_millis() as u64).0,
            "networker",
        );
        carla.write(
            "name",
            b"\"Carla\"".to_vec(),
            store.next_stamp(now() + chrono::Duration::seconds(1)),
        );
        states.push(carla);
        store.replace_all(states, Vec::new(), now()).unwrap();
        assert!(names(&store, &builds).contains(&"Carla".to_owned()));
        assert_eq!(builds.load(Ordering::SeqCst), 3);
    }
}
