//! Finding a record by its id: the records trees, one per kind, tried in turn.
//!
//! Until schema 6 an index (`index.kind_by_id`) named every record's kind, so that a lookup by
//! id read that entry and then the record. It held an entry per record: 879,445 of a
//! 100,000-card store's 3.56 million, and sled pays for every entry at every open (its page
//! table, `docs/performance.md`): the index cost a one-command open 114 → 94 MB of memory.
//! Schema 7 drops it. A lookup tries the records trees themselves, the kinds that hold most
//! records first, so a lookup of a card or an interaction mostly stops at the first or second
//! tree; a miss in a tree is a walk down sled's tree in memory. Only an id the store does not
//! hold (a new record in an import) tries every tree, about twenty.
//!
//! A record never changes kind (a commit that would is refused, `Store::commit_inner`), so no id
//! is in two trees unless the store is damaged; `kring check` reports such copies.
//!
//! The list of trees is read at open and grows before a commit writes the first record of a kind
//! (`include`), under the writer's lock, so a record is found as soon as its commit is on disk.

use super::{record_tree_name, StoreResult};
use std::sync::{Arc, RwLock};

/// The kinds in the order a lookup tries them: those a network holds most of first (at 100,000
/// cards: 434,304 interactions, 159,676 relationships, 85,000 people, 44,158 follow-ups).
/// Kinds not listed (a newer Kring's) come after, by name.
const LOOKUP_ORDER: &[&str] = &[
    "interaction",
    "relationship",
    "person",
    "follow_up",
    "link",
    "organisation",
    "note",
    "affiliation",
    "same_as",
    "networker",
    "member",
    "stakeholder_rating",
    "event",
    "team",
    "goal",
    "partnership",
    "partnership_review",
    "purpose",
    "restriction",
    "forget",
    "access_request",
    "retention_rule",
];

/// The records trees of a store, each with its kind, in lookup order.
pub(crate) struct RecordsTrees {
    trees: RwLock<Arc<Vec<(String, sled::Tree)>>>,
}

/// Where a kind stands in the lookup order.
fn rank(kind: &str) -> (usize, &str) {
    let place = LOOKUP_ORDER
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(LOOKUP_ORDER.len());
    (place, kind)
}

/// The kinds that have a records tree in `db`, including kinds from newer versions.
pub(crate) fn kinds_stored_in(db: &sled::Db) -> Vec<String> {
    db.tree_names()
        .into_iter()
        .filter_map(|name| {
            std::str::from_utf8(&name)
                .ok()?
                .strip_prefix("records.")
                .map(str::to_owned)
        })
        .collect()
}

impl RecordsTrees {
    /// The records trees the store holds now.
    pub(crate) fn read(db: &sled::Db) -> StoreResult<RecordsTrees> {
        let mut kinds = kinds_stored_in(db);
        kinds.sort_by(|a, b| rank(a).cmp(&rank(b)));
        let mut trees = Vec::with_capacity(kinds.len());
        for kind in kinds {
            let tree = db.open_tree(record_tree_name(&kind))?;
            trees.push((kind, tree));
        }
        Ok(RecordsTrees {
            trees: RwLock::new(Arc::new(trees)),
        })
    }

    /// The trees, in lookup order.
    pub(crate) fn all(&self) -> Arc<Vec<(String, sled::Tree)>> {
        self.trees
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Opens the tree of each kind in `kinds` that has none yet (sled creates it) and adds it to
    /// the list: called before a commit writes records of those kinds.
    pub(crate) fn include<'a>(
        &self,
        db: &sled::Db,
        kinds: impl IntoIterator<Item = &'a str>,
    ) -> StoreResult<()> {
        let known = self.all();
        let mut added: Vec<(String, sled::Tree)> = Vec::new();
        for kind in kinds {
            if known.iter().any(|(k, _)| k == kind) || added.iter().any(|(k, _)| k == kind) {
                continue;
            }
            added.push((kind.to_owned(), db.open_tree(record_tree_name(kind))?));
        }
        if added.is_empty() {
            return Ok(());
        }
        let mut trees = self
            .trees
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut grown: Vec<(String, sled::Tree)> = trees.as_ref().clone();
        for (kind, tree) in added {
            if !grown.iter().any(|(k, _)| *k == kind) {
                grown.push((kind, tree));
            }
        }
        grown.sort_by(|(a, _), (b, _)| rank(a).cmp(&rank(b)));
        *trees = Arc::new(grown);
        Ok(())
    }

    /// A record's kind and stored bytes: from the tree of `likely` first when the caller knows
    /// the kind it expects, then from every tree in lookup order.
    pub(crate) fn find(
        &self,
        id: &[u8],
        likely: Option<&str>,
    ) -> StoreResult<Option<(String, sled::IVec)>> {
        let trees = self.all();
        if let Some(likely) = likely {
            if let Some((kind, tree)) = trees.iter().find(|(kind, _)| kind == likely) {
                if let Some(bytes) = tree.get(id)? {
                    return Ok(Some((kind.clone(), bytes)));
                }
            }
        }
        for (kind, tree) in trees.iter() {
            if Some(kind.as_str()) == likely {
                continue;
            }
            if let Some(bytes) = tree.get(id)? {
                return Ok(Some((kind.clone(), bytes)));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kinds_a_network_holds_most_of_are_tried_first_and_unknown_kinds_last() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::open(dir.path()).unwrap();
        for kind in ["spaceship", "goal", "person", "interaction"] {
            db.open_tree(record_tree_name(kind)).unwrap();
        }
        db.open_tree("index.conflicts").unwrap();
        let trees = RecordsTrees::read(&db).unwrap();
        let order: Vec<String> = trees.all().iter().map(|(k, _)| k.clone()).collect();
        assert_eq!(order, ["interaction", "person", "goal", "spaceship"]);
    }

    #[test]
    fn a_kind_included_later_is_found_and_takes_its_place_in_the_order() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::open(dir.path()).unwrap();
        db.open_tree(record_tree_name("note")).unwrap();
        let trees = RecordsTrees::read(&db).unwrap();
        assert_eq!(trees.find(b"0123456789abcdef", None).unwrap(), None);
        trees.include(&db, ["person", "note", "person"]).unwrap();
        db.open_tree(record_tree_name("person"))
            .unwrap()
            .insert(b"0123456789abcdef", &b"bytes"[..])
            .unwrap();
        let order: Vec<String> = trees.all().iter().map(|(k, _)| k.clone()).collect();
        assert_eq!(order, ["person", "note"]);
        let (kind, bytes) = trees.find(b"0123456789abcdef", None).unwrap().unwrap();
        assert_eq!((kind.as_str(), &*bytes), ("person", &b"bytes"[..]));
        let (kind, _) = trees
            .find(b"0123456789abcdef", Some("note"))
            .unwrap()
            .unwrap();
        assert_eq!(kind, "person", "a wrong guess still finds the record");
    }
}
