//! The undo image of the commit under way: what makes a commit all or nothing on disk.
//!
//! Every commit is one sled transaction over many trees (records, indexes, history, meta), and
//! sled 0.34 does not always recover such a transaction whole: when the disk fills while its log
//! is flushed, or the machine stops, recovery can keep the entries written first and lose the
//! rest (spacejam/sled#382 lists "no transaction may be half-recovered" as work still to do). The
//! fault test met it: index entries of a demo batch whose records did not survive.
//!
//! What sled does recover is a prefix of its log, and a single key's value whole. So before the
//! transaction, one value in `meta` records every key it will write with the value that key
//! holds now (or that it is absent); after the transaction that value is removed, and the commit
//! then flushes. A store opened with the value still present was stopped somewhere in between:
//! its keys are put back as the image says, which leaves the store exactly as before the commit.
//! That commit never returned (its flush comes after the removal), so nobody was told it was
//! saved. Putting values back is idempotent, so a stop during the undo is undone again at the
//! next open.
//!
//! Undoing rather than redoing keeps a refused commit refused: a commit the full disk stopped
//! told its user nothing was saved, and it must not appear at the next open. And the image is
//! small where commits are large: an import into a fresh store replaces mostly absent keys.

use super::{StoreError, StoreResult};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `meta` key the image is kept under while a commit is under way.
pub(crate) const KEY: &[u8] = b"commit_undo";

/// The writes of one commit, per tree: a value to insert, or `None` to remove the key. Later
/// writes to a key replace earlier ones, as in a `sled::Batch`.
#[derive(Default)]
pub(crate) struct Staged {
    trees: BTreeMap<String, TreeWrites>,
}

/// The writes of one commit to one tree.
#[derive(Default)]
pub(crate) struct TreeWrites {
    writes: BTreeMap<sled::IVec, Option<sled::IVec>>,
}

impl TreeWrites {
    pub(crate) fn insert(&mut self, key: impl Into<sled::IVec>, value: impl Into<sled::IVec>) {
        self.writes.insert(key.into(), Some(value.into()));
    }

    pub(crate) fn remove(&mut self, key: impl Into<sled::IVec>) {
        self.writes.insert(key.into(), None);
    }
}

/// What each key a commit writes held before it, tree by tree.
#[derive(Serialize, Deserialize)]
struct Image {
    trees: Vec<(String, Vec<KeyBefore>)>,
}

/// A key and the value it held before the commit: `None` when it was absent.
type KeyBefore = (Vec<u8>, Option<Vec<u8>>);

impl Staged {
    /// The writes to `tree`, begun if there are none yet.
    pub(crate) fn tree(&mut self, tree: &str) -> &mut TreeWrites {
        if !self.trees.contains_key(tree) {
            self.trees.insert(tree.to_owned(), TreeWrites::default());
        }
        self.trees.get_mut(tree).expect("just inserted")
    }

    /// Every key written, as the undo image: the value each holds in `db` now.
    fn image(&self, db: &sled::Db) -> StoreResult<Image> {
        let mut trees = Vec::with_capacity(self.trees.len());
        for (name, writes) in &self.trees {
            let tree = db.open_tree(name)?;
            let mut before = Vec::with_capacity(writes.writes.len());
            for key in writes.writes.keys() {
                let value = tree.get(key)?.map(|v| v.to_vec());
                before.push((key.to_vec(), value));
            }
            trees.push((name.clone(), before));
        }
        Ok(Image { trees })
    }

    /// Writes the undo image, applies every write in one transaction and removes the image. The
    /// caller flushes afterwards. If the transaction fails, the keys are put back here at once
    /// (and if that fails too, at the next open); the transaction's error is returned.
    pub(crate) fn commit(self, db: &sled::Db, meta: &sled::Tree) -> StoreResult<()> {
        // A commit that failed earlier in this process left its image behind: what it may have
        // written goes first (this commit's flush makes that durable too).
        put_back(db, meta)?;
        let image = self.image(db)?;
        meta.insert(KEY, postcard::to_stdvec(&image).expect("images encode"))?;
        #[cfg(test)]
        let result = match tear::next() {
            Some(tear::Stop::Crash { trees }) => return self.apply_torn(db, trees),
            Some(tear::Stop::Fail { trees }) => self.apply_torn(db, trees),
            None => self.apply(db),
        };
        #[cfg(not(test))]
        let result = self.apply(db);
        if let Err(error) = result {
            // Best effort, and without a flush (after a write failed on a full disk, sled's flush
            // waits for ever: the fault test's burst of edits hung here). On a real full disk
            // sled refuses this write too, and keeps in memory what the transaction wrote before
            // it failed; the caller stops taking writes, and the next open undoes the commit
            // from the image on disk. A failure that leaves sled working is put back here.
            let _ = put_back(db, meta);
            return Err(error);
        }
        meta.remove(KEY)?;
        Ok(())
    }

    /// Applies every write in one transaction with no undo image (see the caller for why).
    pub(crate) fn commit_without_image(self, db: &sled::Db) -> StoreResult<()> {
        #[cfg(test)]
        if let Some(tear::Stop::Crash { trees } | tear::Stop::Fail { trees }) = tear::next() {
            return self.apply_torn(db, trees);
        }
        self.apply(db)
    }

    fn apply(&self, db: &sled::Db) -> StoreResult<()> {
        let mut trees = Vec::with_capacity(self.trees.len());
        let mut batches = Vec::with_capacity(self.trees.len());
        for (name, writes) in &self.trees {
            trees.push(db.open_tree(name)?);
            let mut batch = sled::Batch::default();
            for (key, value) in &writes.writes {
                match value {
                    Some(value) => batch.insert(key.clone(), value.clone()),
                    None => batch.remove(key.clone()),
                }
            }
            batches.push(batch);
        }
        use sled::Transactional;
        trees.as_slice().transaction(|views| {
            for (view, batch) in views.iter().zip(&batches) {
                view.apply_batch(batch)?;
            }
            Ok::<(), sled::transaction::ConflictableTransactionError<StoreError>>(())
        })?;
        Ok(())
    }

    /// What a stop in the middle of the transaction can leave: the first `trees` trees written
    /// (in the order the transaction writes them), the rest not, and the image still in place.
    #[cfg(test)]
    fn apply_torn(&self, db: &sled::Db, trees: usize) -> StoreResult<()> {
        for (name, writes) in self.trees.iter().take(trees) {
            let tree = db.open_tree(name)?;
            for (key, value) in &writes.writes {
                match value {
                    Some(value) => tree.insert(key.clone(), value.clone())?,
                    None => tree.remove(key.clone())?,
                };
            }
        }
        db.flush()?;
        Err(StoreError::Io("the commit was torn (a test's stop)".into()))
    }
}

/// Puts back what a commit that did not finish had written, from its undo image, if one is in
/// `meta`. Returns whether there was one.
pub(crate) fn undo_if_interrupted(db: &sled::Db, meta: &sled::Tree) -> StoreResult<bool> {
    let undone = put_back(db, meta)?;
    if undone {
        db.flush()?;
    }
    Ok(undone)
}

/// [`undo_if_interrupted`] without the flush.
fn put_back(db: &sled::Db, meta: &sled::Tree) -> StoreResult<bool> {
    // sled keeps a large value (a big import's image) in a blob file of its own; a power cut can
    // leave that file torn. An image that cannot be read cannot be undone: it is dropped, which
    // leaves the store as it would have been without images (what reached the disk of that
    // commit stays, and `kring check` finds any index it left behind), rather than a store that
    // no longer opens.
    let image = match meta.get(KEY) {
        Ok(None) => return Ok(false),
        Ok(Some(bytes)) => postcard::from_bytes::<Image>(&bytes).ok(),
        Err(_) => None,
    };
    let Some(image) = image else {
        meta.remove(KEY)?;
        return Ok(false);
    };
    let restore = Staged {
        trees: image
            .trees
            .into_iter()
            .map(|(name, keys)| {
                let writes = keys
                    .into_iter()
                    .map(|(key, value)| (key.into(), value.map(Into::into)))
                    .collect();
                (name, TreeWrites { writes })
            })
            .collect(),
    };
    restore.apply(db)?;
    // Removed only once the keys are back: a stop before this undoes again, to the same values.
    meta.remove(KEY)?;
    Ok(true)
}

/// A test's stop in the middle of a commit's transaction (see `Staged::apply_torn`).
#[cfg(test)]
pub(crate) mod tear {
    use std::cell::Cell;

    /// How the next commit stops after writing its first `trees` trees.
    #[derive(Clone, Copy)]
    pub(crate) enum Stop {
        /// As a crash: nothing more runs (the test drops the store and opens it again).
        Crash { trees: usize },
        /// As a failed write: the commit goes on to its error path.
        Fail { trees: usize },
    }

    thread_local! {
        static NEXT: Cell<Option<Stop>> = const { Cell::new(None) };
    }

    /// The next commit on this thread writes only its first `trees` trees and stops.
    pub(crate) fn next_commit_after(trees: usize) {
        NEXT.with(|cell| cell.set(Some(Stop::Crash { trees })));
    }

    /// The next commit on this thread writes its first `trees` trees, then its write fails.
    pub(crate) fn next_commit_fails_after(trees: usize) {
        NEXT.with(|cell| cell.set(Some(Stop::Fail { trees })));
    }

    pub(super) fn next() -> Option<Stop> {
        NEXT.with(|cell| cell.take())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Affiliation, Organisation, Person, RecordId, Role};
    use crate::store::{NewRecord, OpenOptions, Store};
    use chrono::{DateTime, TimeZone, Utc};
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap()
    }

    fn open(path: &std::path::Path) -> Store {
        Store::open_engine(path, &OpenOptions::default()).expect("the store opens")
    }

    /// Every key of every tree that holds any (sled opens a tree by creating it, so an empty tree
    /// is no difference anyone can see).
    fn contents(store: &Store) -> BTreeMap<String, BTreeMap<Vec<u8>, Vec<u8>>> {
        let mut all = BTreeMap::new();
        for name in store.db.tree_names() {
            let tree = store.db.open_tree(&name).unwrap();
            let entries: BTreeMap<Vec<u8>, Vec<u8>> = tree
                .iter()
                .map(|item| {
                    let (key, value) = item.unwrap();
                    (key.to_vec(), value.to_vec())
                })
                .collect();
            if !entries.is_empty() {
                all.insert(String::from_utf8_lossy(&name).into_owned(), entries);
            }
        }
        all
    }

    fn person(name: &str) -> Person {
        Person {
            display_name: name.into(),
            ..Person::default()
        }
    }

    /// A store with an organisation and four people, two of them affiliated with it.
    fn seeded(path: &std::path::Path) -> (Store, RecordId, Vec<RecordId>) {
        let store = open(path);
        store
            .init("An Peeters", "an@antwerpen.be", Role::Manager, now())
            .unwrap();
        let organisation = RecordId::new_v7(1);
        let people: Vec<RecordId> = (2..6).map(RecordId::new_v7).collect();
        let mut creates = vec![NewRecord::new(
            organisation,
            &Organisation {
                name: "Stad Gent".into(),
                sector: None,
                level: None,
                parent: None,
                website: None,
                tags: vec!["haven".into()],
            },
        )];
        for (n, id) in people.iter().enumerate() {
            creates.push(NewRecord::new(*id, &person(&format!("Persoon {n}"))));
        }
        for id in &people[..2] {
            let day = now().date_naive();
            creates.push(NewRecord::new(
                RecordId::new_v7(100 + creates.len() as u64),
                &Affiliation::starting(*id, organisation, Some("Schepen"), day),
            ));
        }
        store.write_batch(creates, Vec::new(), now()).unwrap();
        (store, organisation, people)
    }

    /// The commit the tests stop: new people, some renamed, one affiliated, the organisation
    /// renamed (which changes its affiliations' search terms too).
    fn a_commit(
        store: &Store,
        organisation: RecordId,
        people: &[RecordId],
        new_people: usize,
        renamed: &[usize],
    ) -> StoreResult<()> {
        let mut creates = Vec::new();
        for n in 0..new_people {
            let id = RecordId::new_v7(1_000 + n as u64);
            creates.push(NewRecord::new(id, &person(&format!("Nieuw {n}"))));
            if n == 0 {
                creates.push(NewRecord::new(
                    RecordId::new_v7(2_000),
                    &Affiliation::starting(id, organisation, None, now().date_naive()),
                ));
            }
        }
        let mut updates = vec![(
            organisation,
            serde_json::json!({ "name": "Stad Gent (haven)", "tags": ["haven"] }),
        )];
        let mut seen = std::collections::BTreeSet::new();
        for n in renamed {
            if seen.insert(*n) {
                let body = serde_json::to_value(person(&format!("Hernoemd {n}"))).unwrap();
                updates.push((people[*n], body));
            }
        }
        store.write_batch(creates, updates, now())
    }

    #[test]
    fn a_commit_leaves_no_undo_image_behind() {
        let dir = tempfile::tempdir().unwrap();
        let (store, organisation, people) = seeded(&dir.path().join("store"));
        a_commit(&store, organisation, &people, 2, &[0]).unwrap();
        assert!(store.meta.get(KEY).unwrap().is_none());
    }

    #[test]
    fn a_commit_stopped_half_way_is_seen_torn_until_the_next_open_undoes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let (store, organisation, people) = seeded(&path);
        let before = contents(&store);
        tear::next_commit_after(3);
        assert!(a_commit(&store, organisation, &people, 2, &[0, 1]).is_err());
        // What sled can recover after a full disk: some trees written, others not.
        let torn = contents(&store);
        assert_ne!(torn, before, "the stop wrote part of the commit");
        assert!(torn["meta"].contains_key(KEY));
        drop(store);

        let store = open(&path);
        assert_eq!(contents(&store), before);
        assert!(store.check(false, now()).unwrap().is_clean());
        // And the same commit, made again, goes through whole.
        a_commit(&store, organisation, &people, 2, &[0, 1]).unwrap();
        assert!(store.check(false, now()).unwrap().is_clean());
        assert_eq!(store.counts().unwrap()["person"], 6);
    }

    #[test]
    fn a_commit_whose_write_failed_is_put_back_at_once_and_later_writes_wait_for_a_new_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let (store, organisation, people) = seeded(&path);
        let before = contents(&store);
        tear::next_commit_fails_after(3);
        assert!(a_commit(&store, organisation, &people, 2, &[0, 1]).is_err());
        // The same process reads the store as before, with no image left to undo.
        assert_eq!(contents(&store), before);
        // sled takes no write after a failed one: the next says to open the store again rather
        // than repeat "the disk is full, try again".
        let refused = a_commit(&store, organisation, &people, 1, &[2]).unwrap_err();
        assert_eq!(refused.code().as_str(), "writes_stopped", "{refused}");
        assert_eq!(contents(&store), before);
        drop(store);

        let store = open(&path);
        assert_eq!(contents(&store), before);
        a_commit(&store, organisation, &people, 1, &[2]).unwrap();
        assert!(store.meta.get(KEY).unwrap().is_none());
        assert!(store.check(false, now()).unwrap().is_clean());
        assert_eq!(store.counts().unwrap()["person"], 5);
    }

    #[test]
    fn an_undo_image_that_cannot_be_read_is_dropped_and_the_store_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let (store, organisation, people) = seeded(&path);
        let before = contents(&store);
        // What a torn blob file reads as.
        store.meta.insert(KEY, &b"\xff\xff\xff torn"[..]).unwrap();
        drop(store);

        let store = open(&path);
        assert_eq!(contents(&store), before);
        a_commit(&store, organisation, &people, 1, &[0]).unwrap();
        assert!(store.check(false, now()).unwrap().is_clean());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

        /// Whichever trees of a commit's transaction reached the disk (none, some, all of them
        /// with the undo image not yet removed), the next open finds the store as before.
        #[test]
        fn a_commit_stopped_after_any_of_its_trees_leaves_the_store_as_before(
            new_people in 0..4usize,
            renamed in proptest::collection::vec(0..4usize, 0..4),
            trees_written in 0..16usize,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("store");
            let (store, organisation, people) = seeded(&path);
            let before = contents(&store);
            tear::next_commit_after(trees_written);
            prop_assert!(a_commit(&store, organisation, &people, new_people, &renamed).is_err());
            drop(store);

            let store = open(&path);
            prop_assert_eq!(contents(&store), before);
            let report = store.check(false, now()).unwrap();
            prop_assert!(report.is_clean(), "{:?}", report);
        }
    }
}
