//! The changes log: which records a delta export must look at for what a recipient has not seen.
//!
//! Until schema 5 this was an index with one sled entry per record and writing node (node ‖ that
//! node's latest time in the record ‖ id): 879,445 of the 4.4 million entries of a 100,000-card
//! store, each one sled pays for at every insert and at every open (`docs/performance.md`,
//! *sled's floor*). The log keeps one entry per chunk of a commit's records instead:
//!
//! - key: writing node ‖ the latest time of that node among the chunk's records ‖ a sequence
//!   number (`sled::Db::generate_id`, so two chunks never share a key);
//! - value: the ids of the chunk's records, 16 bytes each.
//!
//! A commit lists a record under a node only when the record's latest time of that node changed,
//! which is exactly when the old index moved the record's entry. So every record is listed, for
//! each node that wrote it, in an entry whose time is at least its own latest time of that node
//! (the *coverage* `kring check` verifies): a delta export scans each node's entries from what
//! the recipient has seen of it and finds every record holding a newer stamp. It finds a few more
//! besides (a chunk's other records, a record listed again since), which it reads and leaves out,
//! as it always read every candidate's stamps.
//!
//! Entries are never moved when a record changes again, so the log also holds ids a later entry
//! lists again. A fold writes it afresh: each record once per node, in time order, in chunks. The
//! migration, a repair and `kring compact` fold it, and so does a commit once the log lists more
//! records again than it lists once ([`Counts`]), right after it is on disk (`Store::
//! fold_changes_log`): the log then stays under about twice its folded size, and a fold's cost is
//! spread over the commits that called for it.
//!
//! A fold moves a record's listing to another key, possibly behind a scan in progress, so the
//! scan of a delta export holds the writer's lock, as every fold does (`Store::commit_inner`,
//! a repair); `kring compact` has the store to itself.

use crate::clock::{Hlc, NodeId};
use crate::crdt::RecordState;
use crate::model::RecordId;
use std::collections::BTreeMap;

/// The log's tree. Its name is part of the on-disk schema (since schema 6).
pub(crate) const TREE: &str = "changes";

/// The tree of the index the log replaced (schema 5 and before), folded into the log and dropped
/// by the migration.
pub(crate) const RETIRED_INDEX: &str = "index.changes";

/// Records per entry. Small enough that a delta whose base falls inside a chunk reads few
/// records it then leaves out; large enough that a folded log is a hundredth of the index's
/// entries.
pub(crate) const CHUNK: usize = 128;

/// The meta key of [`Counts`].
pub(crate) const COUNTS_KEY: &[u8] = b"changes_log_counts";

/// Listings again below which a commit never folds: folding a small log is cheap, but not
/// worth doing every few commits.
const FOLD_FLOOR: u64 = 50_000;

/// How many listings the log holds since its last fold: `live`, each record once per node (what
/// a fold keeps), and `again`, listings of a record and node listed before (what a fold drops).
/// Kept in `meta` beside the commits that change them; a guide for when to fold, not a
/// guarantee (a removal does not count down).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) live: u64,
    pub(crate) again: u64,
}

impl Counts {
    /// After a fold that kept `listings`.
    pub(crate) fn folded(listings: usize) -> Counts {
        Counts {
            live: listings as u64,
            again: 0,
        }
    }

    pub(crate) fn read(bytes: Option<&[u8]>) -> Counts {
        match bytes {
            Some(b) if b.len() == 16 => Counts {
                live: u64::from_be_bytes(b[..8].try_into().expect("8 bytes")),
                again: u64::from_be_bytes(b[8..].try_into().expect("8 bytes")),
            },
            _ => Counts::default(),
        }
    }

    pub(crate) fn to_bytes(self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.live.to_be_bytes());
        out[8..].copy_from_slice(&self.again.to_be_bytes());
        out
    }

    /// Whether the log lists more records again than once (and enough of them to be worth it).
    pub(crate) fn calls_for_a_fold(self) -> bool {
        self.again > self.live.max(FOLD_FLOOR)
    }
}

const ID: usize = 16;
const KEY: usize = 8 + 12 + 8;

/// Per node that wrote the record, the latest time among its stamps.
pub(crate) fn latest_by_node(state: &RecordState) -> BTreeMap<NodeId, Hlc> {
    let mut latest: BTreeMap<NodeId, Hlc> = BTreeMap::new();
    for stamp in state.stamps() {
        let entry = latest.entry(stamp.node).or_insert(stamp.hlc);
        if stamp.hlc > *entry {
            *entry = stamp.hlc;
        }
    }
    latest
}

/// What a commit that takes a record from `before` to `after` lists of it: each node whose latest
/// time in the record is new, appended to `out`; counted in `counts` as listed again when
/// `before` had a time of that node (listed then).
pub(crate) fn list(
    before: Option<&RecordState>,
    after: &RecordState,
    out: &mut Vec<(NodeId, Hlc, RecordId)>,
    counts: &mut Counts,
) {
    let old = before.map(latest_by_node).unwrap_or_default();
    let id = RecordId(after.id);
    for (node, hlc) in latest_by_node(after) {
        match old.get(&node) {
            Some(was) if *was == hlc => continue,
            Some(_) => counts.again += 1,
            None => counts.live += 1,
        }
        out.push((node, hlc, id));
    }
}

/// Each record once per node, at the latest time it is listed with: what a fold keeps.
pub(crate) fn latest_only(
    mut listings: Vec<(NodeId, Hlc, RecordId)>,
) -> Vec<(NodeId, Hlc, RecordId)> {
    listings.sort_unstable_by_key(|(node, hlc, id)| (*node, *id, *hlc));
    // `dedup_by` keeps the first of a run and is handed each later one: carry its time over.
    listings.dedup_by(|later, kept| {
        let same = later.0 == kept.0 && later.2 == kept.2;
        if same && later.1 > kept.1 {
            kept.1 = later.1;
        }
        same
    });
    listings
}

/// The entries that list `records` (node, latest time, id): per node in time order, in chunks,
/// each keyed by the latest time in it. `sequence` gives each entry's distinct number.
pub(crate) fn entries(
    mut records: Vec<(NodeId, Hlc, RecordId)>,
    sequence: &mut dyn FnMut() -> sled::Result<u64>,
) -> sled::Result<Vec<(Vec<u8>, Vec<u8>)>> {
    records.sort_unstable();
    records.dedup();
    let mut out = Vec::with_capacity(records.len() / CHUNK + 1);
    let mut start = 0;
    while start < records.len() {
        let node = records[start].0;
        let mut end = start;
        while end < records.len() && end - start < CHUNK && records[end].0 == node {
            end += 1;
        }
        let chunk = &records[start..end];
        let latest = chunk.last().expect("a chunk is never empty").1;
        let mut key = Vec::with_capacity(KEY);
        key.extend_from_slice(&node.0.to_be_bytes());
        key.extend_from_slice(&latest.to_key_bytes());
        key.extend_from_slice(&sequence()?.to_be_bytes());
        let mut value = Vec::with_capacity(chunk.len() * ID);
        for (_, _, id) in chunk {
            value.extend_from_slice(id.as_bytes());
        }
        out.push((key, value));
        start = end;
    }
    Ok(out)
}

/// An entry read back: its node, its time and the ids it lists; `None` for bytes the log never
/// writes (a damaged entry, which `kring check` reports and a repair folds away).
pub(crate) fn decode(key: &[u8], value: &[u8]) -> Option<(NodeId, Hlc, Vec<RecordId>)> {
    if key.len() != KEY || value.is_empty() || !value.len().is_multiple_of(ID) {
        return None;
    }
    let node = NodeId(u64::from_be_bytes(key[..8].try_into().ok()?));
    let hlc = Hlc::from_key_bytes(&key[8..20])?;
    let ids = value
        .chunks_exact(ID)
        .map(RecordId::from_slice)
        .collect::<Option<Vec<_>>>()?;
    Some((node, hlc, ids))
}

/// The ids the log lists under `node` with a time of `from` or later, appended to `out`.
pub(crate) fn listed_since(
    log: &sled::Tree,
    node: NodeId,
    from: Hlc,
    out: &mut Vec<RecordId>,
) -> sled::Result<()> {
    let mut start = node.0.to_be_bytes().to_vec();
    start.extend_from_slice(&from.to_key_bytes());
    for item in log.range(start..) {
        let (key, value) = item?;
        if key.get(..8) != Some(&node.0.to_be_bytes()[..]) {
            break;
        }
        // A damaged entry is skipped here and reported by `kring check`, whose repair writes
        // the log again from the records.
        if let Some((_, _, ids)) = decode(&key, &value) {
            out.extend(ids);
        }
    }
    Ok(())
}

/// Every (node, time, id) the log lists, each record once per node at the latest time it is
/// listed with: what a fold writes again.
pub(crate) fn read_folded(log: &sled::Tree) -> sled::Result<Vec<(NodeId, Hlc, RecordId)>> {
    let mut listings = Vec::new();
    for item in log.iter() {
        let (key, value) = item?;
        if let Some((node, hlc, ids)) = decode(&key, &value) {
            listings.extend(ids.into_iter().map(|id| (node, hlc, id)));
        }
    }
    Ok(latest_only(listings))
}

/// The schema-5 index's entries (node ‖ time ‖ id, empty values) as what the log lists.
pub(crate) fn read_retired_index(index: &sled::Tree) -> sled::Result<Vec<(NodeId, Hlc, RecordId)>> {
    let mut out = Vec::new();
    for item in index.iter().keys() {
        let key = item?;
        if key.len() != 8 + 12 + ID {
            continue;
        }
        let node = NodeId(u64::from_be_bytes(key[..8].try_into().expect("8 bytes")));
        if let (Some(hlc), Some(id)) = (
            Hlc::from_key_bytes(&key[8..20]),
            RecordId::from_slice(&key[20..]),
        ) {
            out.push((node, hlc, id));
        }
    }
    Ok(out)
}

/// A batch that writes the log afresh as `records` lists it, removing every entry `log` holds.
pub(crate) fn fold_batch(
    log: &sled::Tree,
    records: Vec<(NodeId, Hlc, RecordId)>,
    sequence: &mut dyn FnMut() -> sled::Result<u64>,
) -> sled::Result<sled::Batch> {
    let mut batch = sled::Batch::default();
    for key in log.iter().keys() {
        batch.remove(key?);
    }
    for (key, value) in entries(records, sequence)? {
        batch.insert(key, value);
    }
    Ok(batch)
}

/// What the log lists, per record and node the latest time, as `kring check` holds it: a sorted
/// list of 64-bit hashes of (node, id) with their time, 24 bytes per listing while it is read
/// (about 900,000 at 100,000 cards right after a fold, at most about twice that before the next),
/// and the keys of entries it cannot read.
pub(crate) struct Coverage {
    listed: Vec<(u64, Hlc)>,
    pub(crate) damaged: Vec<Vec<u8>>,
    pub(crate) entries: usize,
}

fn pair_hash(node: NodeId, id: RecordId) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    node.0.hash(&mut hasher);
    id.as_bytes().hash(&mut hasher);
    hasher.finish()
}

impl Coverage {
    pub(crate) fn read(log: &sled::Tree) -> sled::Result<Coverage> {
        let mut listed = Vec::new();
        let mut damaged = Vec::new();
        let mut entries = 0;
        for item in log.iter() {
            let (key, value) = item?;
            entries += 1;
            match decode(&key, &value) {
                Some((node, hlc, ids)) => {
                    listed.extend(ids.into_iter().map(|id| (pair_hash(node, id), hlc)));
                }
                None => damaged.push(key.to_vec()),
            }
        }
        // Sorted by hash, then time: the last of a run is the latest time listed.
        listed.sort_unstable();
        listed.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 = later.1;
            }
            same
        });
        listed.shrink_to_fit();
        Ok(Coverage {
            listed,
            damaged,
            entries,
        })
    }

    /// The keys of entries that list a record the store does not hold (a removal that left its
    /// id behind): stale, so that a repair folds them away, as no trace of a forgotten record
    /// may stay.
    pub(crate) fn orphans(
        log: &sled::Tree,
        holds: &dyn Fn(RecordId) -> bool,
    ) -> sled::Result<Vec<Vec<u8>>> {
        let mut out = Vec::new();
        for item in log.iter() {
            let (key, value) = item?;
            if let Some((_, _, ids)) = decode(&key, &value) {
                if ids.iter().any(|id| !holds(*id)) {
                    out.push(key.to_vec());
                }
            }
        }
        Ok(out)
    }

    /// What of `state` the log does not cover: per node, the record's latest time when no entry
    /// listing the record is that late. Each as the key the schema-5 index gave it (node ‖ time
    /// ‖ id), to name it.
    pub(crate) fn uncovered(&self, state: &RecordState) -> Vec<Vec<u8>> {
        let id = RecordId(state.id);
        latest_by_node(state)
            .into_iter()
            .filter(|(node, hlc)| {
                let hash = pair_hash(*node, id);
                let at = self.listed.partition_point(|(h, _)| *h < hash);
                !matches!(self.listed.get(at), Some((h, listed)) if *h == hash && listed >= hlc)
            })
            .map(|(node, hlc)| {
                let mut key = node.0.to_be_bytes().to_vec();
                key.extend_from_slice(&hlc.to_key_bytes());
                key.extend_from_slice(id.as_bytes());
                key
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hlc(millis: u64) -> Hlc {
        Hlc { millis, counter: 0 }
    }

    fn counter() -> impl FnMut() -> sled::Result<u64> {
        let mut next = 0;
        move || {
            next += 1;
            Ok(next)
        }
    }

    #[test]
    fn entries_group_each_node_in_time_order_and_are_keyed_by_the_latest_time_in_them() {
        let (a, b) = (NodeId(1), NodeId(2));
        let ids: Vec<RecordId> = (0..(CHUNK as u64 + 3)).map(RecordId::new_v7).collect();
        let mut records: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| (a, hlc(1_000 + n as u64), *id))
            .collect();
        records.push((b, hlc(5), ids[0]));
        records.reverse();
        let written = entries(records, &mut counter()).unwrap();
        let read: Vec<_> = written.iter().map(|(k, v)| decode(k, v).unwrap()).collect();
        assert_eq!(read.len(), 3, "two chunks of node a, one of node b");
        assert_eq!(read[0].0, a);
        assert_eq!(read[0].1, hlc(1_000 + CHUNK as u64 - 1));
        assert_eq!(read[0].2, ids[..CHUNK].to_vec());
        assert_eq!(read[1].1, hlc(1_000 + CHUNK as u64 + 2));
        assert_eq!(read[1].2, ids[CHUNK..].to_vec());
        assert_eq!(
            (read[2].0, read[2].1, read[2].2.clone()),
            (b, hlc(5), vec![ids[0]])
        );
    }

    #[test]
    fn a_scan_from_a_time_finds_every_record_listed_at_that_time_or_later_and_only_that_node() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::open(dir.path()).unwrap();
        let log = db.open_tree(TREE).unwrap();
        let (a, b) = (NodeId(7), NodeId(8));
        let ids: Vec<RecordId> = (0..400u64).map(RecordId::new_v7).collect();
        let records: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| (if n % 2 == 0 { a } else { b }, hlc(n as u64), *id))
            .collect();
        for (key, value) in entries(records, &mut counter()).unwrap() {
            log.insert(key, value).unwrap();
        }
        let mut found = Vec::new();
        listed_since(&log, a, hlc(301), &mut found).unwrap();
        for (n, id) in ids.iter().enumerate() {
            if n % 2 == 0 && n >= 301 {
                assert!(found.contains(id), "record {n} of node a is found");
            }
            if n % 2 == 1 {
                assert!(!found.contains(id), "no record of node b");
            }
        }
        assert!(
            found.len() <= 49 + CHUNK,
            "at most a chunk more: {}",
            found.len()
        );
    }

    #[test]
    fn a_damaged_entry_is_not_read_as_ids_and_is_named_by_the_coverage() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::open(dir.path()).unwrap();
        let log = db.open_tree(TREE).unwrap();
        let mut key = NodeId(1).0.to_be_bytes().to_vec();
        key.extend_from_slice(&hlc(9).to_key_bytes());
        key.extend_from_slice(&1u64.to_be_bytes());
        log.insert(key.clone(), &[1u8; 17][..]).unwrap();
        let mut found = Vec::new();
        listed_since(&log, NodeId(1), hlc(0), &mut found).unwrap();
        assert!(found.is_empty());
        let coverage = Coverage::read(&log).unwrap();
        assert_eq!(coverage.damaged, vec![key]);
    }

    mod in_a_store {
        use super::super::*;
        use crate::clock::VersionVector;
        use crate::model::{Person, Role};
        use crate::store::test_support::{now, store_of};
        use crate::store::{NewRecord, OpenOptions, Store};

        fn people(store: &Store, count: usize) -> Vec<RecordId> {
            let batch = (0..count)
                .map(|n| {
                    let body = Person {
                        display_name: format!("Persoon {n}"),
                        ..Person::default()
                    };
                    NewRecord::new(RecordId::new_v7(n as u64), &body)
                })
                .collect();
            store.create_many(batch, now()).unwrap()
        }

        fn changed_since(store: &Store, base: &VersionVector) -> Vec<RecordId> {
            store.ids_possibly_changed_since(base).unwrap().0
        }

        #[test]
        fn a_commit_of_a_thousand_records_writes_an_entry_per_chunk_and_a_delta_finds_them_all() {
            let (_dir, store) = store_of(Role::Manager);
            let before = store.changes_log.len();
            let ids = people(&store, 1_000);
            let written = store.changes_log.len() - before;
            assert_eq!(written, 1_000usize.div_ceil(CHUNK), "an entry per chunk");
            let found = changed_since(&store, &VersionVector::default());
            for id in &ids {
                assert!(found.binary_search(id).is_ok(), "{id:?} is found");
            }
        }

        #[test]
        fn a_delta_after_an_edit_looks_at_the_edited_record_alone() {
            let (_dir, store) = store_of(Role::Manager);
            let ids = people(&store, 300);
            let base = store.version_vector();
            let body = Person {
                display_name: "Jan Peeters".into(),
                ..Person::default()
            };
            store
                .update(ids[150], &body, now() + chrono::Duration::seconds(5))
                .unwrap();
            assert_eq!(changed_since(&store, &base), vec![ids[150]]);
            assert!(changed_since(&store, &store.version_vector()).is_empty());
        }

        #[test]
        fn a_log_that_lost_its_entries_is_reported_by_the_check_and_the_repair_lists_every_record_again(
        ) {
            let (_dir, store) = store_of(Role::Manager);
            let ids = people(&store, 200);
            assert!(store.check(false, now()).unwrap().is_clean());
            store.changes_log.clear().unwrap();
            assert!(changed_since(&store, &VersionVector::default()).is_empty());

            let report = store.check(false, now()).unwrap();
            let lacking = report
                .missing
                .iter()
                .filter(|f| matches!(f, crate::store::check::Finding::MissingEntry { index, .. } if *index == TREE))
                .count();
            assert!(lacking >= 200, "every record is named: {lacking}");

            let repaired = store.check(true, now()).unwrap();
            assert!(repaired.repaired);
            assert!(store.check(false, now()).unwrap().is_clean());
            let found = changed_since(&store, &VersionVector::default());
            for id in &ids {
                assert!(found.binary_search(id).is_ok(), "{id:?} is found again");
            }
        }

        #[test]
        fn a_damaged_log_entry_is_reported_stale_and_the_repair_folds_it_away() {
            let (_dir, store) = store_of(Role::Manager);
            people(&store, 10);
            let mut key = 9u64.to_be_bytes().to_vec();
            key.extend_from_slice(&[0u8; 20]);
            store.changes_log.insert(key, &b"not ids"[..]).unwrap();
            let report = store.check(false, now()).unwrap();
            assert!(
                report.stale.iter().any(|f| matches!(f, crate::store::check::Finding::StaleEntry { index, .. } if *index == TREE)),
                "{report:?}"
            );
            store.check(true, now()).unwrap();
            assert!(store.check(false, now()).unwrap().is_clean());
        }

        #[test]
        fn a_forgotten_record_leaves_no_id_in_the_log() {
            let (_dir, store) = store_of(Role::Manager);
            let ids = people(&store, 5);
            let gone = store.state(ids[2]).unwrap().unwrap();
            store
                .commit_swept(Vec::new(), vec![gone], Vec::new(), now())
                .unwrap();
            for item in store.changes_log.iter() {
                let (_, value) = item.unwrap();
                assert!(
                    !value.chunks(16).any(|c| c == ids[2].as_bytes()),
                    "the forgotten id is still listed"
                );
            }
            let found = changed_since(&store, &VersionVector::default());
            for id in ids.iter().filter(|id| **id != ids[2]) {
                assert!(found.binary_search(id).is_ok(), "{id:?} is still found");
            }
            assert!(store.check(false, now()).unwrap().is_clean());
        }

        fn listings(store: &Store) -> usize {
            store.changes_log_listings().unwrap()
        }

        fn counts(store: &Store) -> Counts {
            Counts::read(store.meta.get(COUNTS_KEY).unwrap().as_deref())
        }

        fn edit(store: &Store, id: RecordId, name: &str, second: i64) {
            let body = Person {
                display_name: name.into(),
                ..Person::default()
            };
            store
                .update(id, &body, now() + chrono::Duration::seconds(second))
                .unwrap();
        }

        #[test]
        fn an_entry_listing_a_record_the_store_does_not_hold_is_stale_and_the_repair_drops_it() {
            let (_dir, store) = store_of(Role::Manager);
            people(&store, 10);
            let stranger = RecordId::new_v7(1);
            let mut key = 9u64.to_be_bytes().to_vec();
            key.extend_from_slice(&super::hlc(1).to_key_bytes());
            key.extend_from_slice(&77u64.to_be_bytes());
            store.changes_log.insert(key, stranger.as_bytes()).unwrap();
            let report = store.check(false, now()).unwrap();
            assert!(!report.is_clean(), "the orphan is reported");
            store.check(true, now()).unwrap();
            assert!(store.check(false, now()).unwrap().is_clean());
            for item in store.changes_log.iter() {
                let (_, value) = item.unwrap();
                assert!(!value.chunks(16).any(|c| c == stranger.as_bytes()));
            }
        }

        #[test]
        fn edits_count_their_records_as_listed_again_and_a_commit_folds_the_log_once_they_outnumber_it(
        ) {
            let (_dir, store) = store_of(Role::Manager);
            let ids = people(&store, 300);
            let fresh = counts(&store);
            assert!(fresh.live >= 300 && fresh.again == 0, "{fresh:?}");
            for (n, id) in ids.iter().take(40).enumerate() {
                edit(&store, *id, &format!("Bewerkt {n}"), n as i64 + 1);
            }
            assert_eq!(counts(&store).again, 40);
            let before = listings(&store);
            assert!(before >= fresh.live as usize + 40);
            let base = store.version_vector();

            // As if the log had been listing records again for a long time: the next commit
            // folds it.
            let near = Counts {
                live: fresh.live,
                again: FOLD_FLOOR,
            };
            store.meta.insert(COUNTS_KEY, &near.to_bytes()).unwrap();
            edit(&store, ids[7], "Jan Peeters", 100);

            let after = counts(&store);
            assert_eq!(after.again, 0, "folded: {after:?}");
            assert_eq!(listings(&store), after.live as usize);
            assert_eq!(
                listings(&store),
                before + 1 - 41,
                "each record once per node"
            );
            assert_eq!(
                store.changes_log.len(),
                listings(&store).div_ceil(CHUNK),
                "in full chunks"
            );
            // A fold groups records by time, so the base may fall inside a chunk: the delta
            // reads the rest of it and leaves out what has nothing new.
            let since = changed_since(&store, &base);
            assert!(since.contains(&ids[7]), "{since:?}");
            assert!(since.len() <= CHUNK, "at most a chunk: {}", since.len());
            let found = changed_since(&store, &VersionVector::default());
            for id in &ids {
                assert!(found.binary_search(id).is_ok(), "{id:?} is found");
            }
            assert!(store.check(false, now()).unwrap().is_clean());
        }

        #[test]
        fn a_fold_in_a_commit_that_removes_a_record_leaves_its_id_out() {
            let (_dir, store) = store_of(Role::Manager);
            let ids = people(&store, 20);
            let near = Counts {
                live: 20,
                again: FOLD_FLOOR + 1,
            };
            store.meta.insert(COUNTS_KEY, &near.to_bytes()).unwrap();
            let gone = store.state(ids[3]).unwrap().unwrap();
            store
                .commit_swept(Vec::new(), vec![gone], Vec::new(), now())
                .unwrap();
            assert_eq!(counts(&store).again, 0, "the commit folded the log");
            for item in store.changes_log.iter() {
                let (_, value) = item.unwrap();
                assert!(!value.chunks(16).any(|c| c == ids[3].as_bytes()));
            }
            assert!(store.check(false, now()).unwrap().is_clean());
        }

        #[test]
        fn a_compaction_folds_the_log_and_commits_after_it_never_overwrite_a_folded_entry() {
            let (dir, store) = store_of(Role::Manager);
            let mut ids = people(&store, 300);
            // Each edit lists its record again: the log holds ids a fold drops.
            for (n, id) in ids.iter().take(50).enumerate() {
                let body = Person {
                    display_name: format!("Bewerkt {n}"),
                    ..Person::default()
                };
                store
                    .update(*id, &body, now() + chrono::Duration::seconds(n as i64 + 1))
                    .unwrap();
            }
            let listed_before: usize = store
                .changes_log
                .iter()
                .map(|item| item.unwrap().1.len() / 16)
                .sum();
            let (store, _) = store
                .rewrite(&OpenOptions::default(), &mut |_, _| {}, &|| false)
                .unwrap();
            let listed_after: usize = store
                .changes_log
                .iter()
                .map(|item| item.unwrap().1.len() / 16)
                .sum();
            assert!(
                listed_after + 50 <= listed_before,
                "the fold drops the ids listed twice: {listed_before} → {listed_after}"
            );
            assert_eq!(counts(&store), Counts::folded(listed_after));
            assert!(store.check(false, now()).unwrap().is_clean());
            // The fresh database's counter starts again: new entries get numbers the folded
            // ones do not have.
            let entries_before = store.changes_log.len();
            for round in 0..20 {
                ids.extend(people(&store, 3));
                let _ = round;
            }
            assert_eq!(store.changes_log.len(), entries_before + 20);
            let found = changed_since(&store, &VersionVector::default());
            for id in &ids {
                assert!(found.binary_search(id).is_ok(), "{id:?} is found");
            }
            assert!(store.check(false, now()).unwrap().is_clean());
            drop(dir);
        }
    }
}
