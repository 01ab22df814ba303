//! The kind of each record by its id, grouped in buckets (`index.kinds`, schema 6).
//!
//! The records are kept in one tree per kind, so reading a record by its id alone (a merge, a
//! reference, `kring card show`) needs its kind first. Until schema 6 that was one sled entry per
//! record (`index.kind_by_id`), a fifth of a store's entries; and sled's open and its inserts
//! cost per entry, not per byte (docs/performance.md, *sled's floor*). Now the ids are grouped
//! in [`BUCKETS`] buckets by a keyed hash of the id: one entry per bucket, holding its ids in
//! order, each with its kind. At 100,000 cards a bucket holds about 13 ids (350 bytes); at a
//! million about 134.
//!
//! The hash key is the store's own, random, kept in `meta`: ids are chosen by whoever wrote a
//! bundle, and with a known hash someone could pile them into one bucket, so that every write to
//! it copies a large value.

use super::{StoreError, StoreResult};
use crate::model::RecordId;
use std::collections::BTreeMap;

/// How many buckets: the first two bytes of the keyed hash.
pub const BUCKETS: usize = 1 << 16;

/// The `meta` key of the store's bucket hash key.
pub const HASH_KEY: &[u8] = b"kind_bucket_key";

/// A bucket's key in `index.kinds`.
pub type Bucket = [u8; 2];

/// A kind not in the frozen table is written as this byte, its length and its name.
const NAMED_KIND: u8 = 0xff;

/// Which bucket holds each id, by the store's hash key.
#[derive(Clone)]
pub struct Bucketing {
    key: [u8; 32],
}

impl Bucketing {
    /// The store's bucketing: its key from `meta`, made at the first open that lacks one.
    ///
    /// Buckets without their key (a `meta` damaged by hand) would answer no lookup, and a record
    /// that reads as absent is overwritten by the next import of it: so they are filed again
    /// under the new key first (flushed before the key is written, so a crash in between files
    /// them again at the next open). A bucket that cannot be read is dropped; `kring check`
    /// then reports its records as missing from the index, and `--repair` files them.
    pub(crate) fn of_store(meta: &sled::Tree, buckets: &sled::Tree) -> StoreResult<Bucketing> {
        if let Some(stored) = meta.get(HASH_KEY)? {
            if let Ok(key) = <[u8; 32]>::try_from(stored.as_ref()) {
                return Ok(Bucketing { key });
            }
        }
        let bucketing = Bucketing {
            key: rand::random(),
        };
        if !buckets.is_empty() {
            let mut entries = Vec::new();
            let mut batch = sled::Batch::default();
            for item in buckets.iter() {
                let (key, value) = item?;
                entries.extend(decode(&value).unwrap_or_default());
                batch.remove(key);
            }
            let regrouped = group(
                &bucketing,
                entries.iter().map(|(id, kind)| (*id, kind.as_str())),
            );
            for (bucket, contents) in &regrouped {
                batch.insert(&bucket[..], encode(contents));
            }
            buckets.apply_batch(batch)?;
            buckets.flush()?;
        }
        meta.insert(HASH_KEY, &bucketing.key[..])?;
        Ok(bucketing)
    }

    /// The bucketing a store folder's `meta` holds, for tests that damage a store by hand.
    #[doc(hidden)]
    pub fn from_key(key: &[u8]) -> Option<Bucketing> {
        Some(Bucketing {
            key: key.try_into().ok()?,
        })
    }

    pub fn bucket_of(&self, id: RecordId) -> Bucket {
        let hash = blake3::keyed_hash(&self.key, id.as_bytes());
        [hash.as_bytes()[0], hash.as_bytes()[1]]
    }
}

/// The ids of one bucket with their kinds, in id order.
pub type Contents = BTreeMap<RecordId, String>;

/// A bucket's value: each id (16 bytes) then its kind, as its number in the layout's frozen
/// table, or [`NAMED_KIND`], the name's length (4 bytes) and the name.
pub fn encode(contents: &Contents) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(contents.len() * 17);
    for (id, kind) in contents {
        bytes.extend_from_slice(id.as_bytes());
        match super::layout::KINDS.iter().position(|k| k == kind) {
            Some(number) => bytes.push(number as u8),
            None => {
                // A kind a later Kring made, come in a bundle.
                bytes.push(NAMED_KIND);
                bytes.extend_from_slice(&(kind.len() as u32).to_be_bytes());
                bytes.extend_from_slice(kind.as_bytes());
            }
        }
    }
    bytes
}

/// A bucket's ids and kinds; `None` when the bytes are not a bucket (damaged): an entry cut
/// short, an unknown kind number, or ids out of order or twice (which a lookup and `kring check`
/// would read differently).
pub fn decode(bytes: &[u8]) -> Option<Vec<(RecordId, String)>> {
    let mut entries = Vec::new();
    walk(bytes, |id, kind| entries.push((id, kind.to_owned())))?;
    Some(entries)
}

/// The kind of `id` in a bucket's value, if it is there; `Err` when the bucket is damaged (as
/// [`decode`] says), since a record it fails to name would read as absent.
pub(crate) fn find(bytes: &[u8], id: RecordId) -> Result<Option<String>, ()> {
    let mut found = None;
    walk(bytes, |entry, kind| {
        if entry == id {
            found = Some(kind.to_owned());
        }
    })
    .ok_or(())?;
    Ok(found)
}

/// Calls `visit` with each entry of a bucket; `None` if the bucket is damaged.
fn walk(bytes: &[u8], mut visit: impl FnMut(RecordId, &str)) -> Option<()> {
    let mut rest = bytes;
    let mut previous: Option<&[u8]> = None;
    while !rest.is_empty() {
        let (kind, after) = entry_at(rest)?;
        let id = &rest[..16];
        if previous.is_some_and(|before| before >= id) {
            return None;
        }
        previous = Some(id);
        visit(RecordId::from_slice(id)?, kind);
        rest = after;
    }
    Some(())
}

/// The kind of the entry `bytes` starts with, and what follows it.
fn entry_at(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let code = *bytes.get(16)?;
    if code != NAMED_KIND {
        let kind = super::layout::KINDS.get(usize::from(code))?;
        return Some((kind, &bytes[17..]));
    }
    let length = u32::from_be_bytes(bytes.get(17..21)?.try_into().ok()?) as usize;
    let end = 21usize.checked_add(length)?;
    let name = bytes.get(21..end)?;
    Some((std::str::from_utf8(name).ok()?, &bytes[end..]))
}

/// The kind entries a commit adds and removes, by bucket: each bucket touched is read once and
/// written once.
#[derive(Default)]
pub(crate) struct KindEdits {
    buckets: BTreeMap<Bucket, BTreeMap<RecordId, Option<String>>>,
}

impl KindEdits {
    pub(crate) fn set(&mut self, bucketing: &Bucketing, id: RecordId, kind: &str) {
        self.buckets
            .entry(bucketing.bucket_of(id))
            .or_default()
            .insert(id, Some(kind.to_owned()));
    }

    pub(crate) fn remove(&mut self, bucketing: &Bucketing, id: RecordId) {
        self.buckets
            .entry(bucketing.bucket_of(id))
            .or_default()
            .insert(id, None);
    }

    /// Stages each touched bucket's new value: what `tree` holds now (nothing when the commit
    /// clears the indexes first) with the edits applied. Runs under the writer's lock, which
    /// every write of `index.kinds` holds, so the bucket read is the one the commit replaces.
    pub(crate) fn stage(
        self,
        tree: &sled::Tree,
        start_empty: bool,
        staged: &mut super::undo::Staged,
    ) -> StoreResult<()> {
        let name = super::Index::KindById.tree_name();
        for (bucket, edits) in self.buckets {
            let mut contents: Contents = match tree.get(bucket)? {
                Some(bytes) if !start_empty => decode(&bytes)
                    .ok_or_else(|| damaged(bucket))?
                    .into_iter()
                    .collect(),
                _ => Contents::new(),
            };
            for (id, kind) in edits {
                match kind {
                    Some(kind) => contents.insert(id, kind),
                    None => contents.remove(&id),
                };
            }
            if contents.is_empty() {
                staged.tree(name).remove(bucket.to_vec());
            } else {
                staged.tree(name).insert(bucket.to_vec(), encode(&contents));
            }
        }
        Ok(())
    }
}

/// The error for a bucket that cannot be read: the records it names would read as absent.
pub(crate) fn damaged(bucket: Bucket) -> StoreError {
    StoreError::Corrupt {
        id: format!(
            "{} {:02x}{:02x}",
            super::Index::KindById.tree_name(),
            bucket[0],
            bucket[1]
        ),
        reason: "the kinds of the records in this bucket cannot be read: \
                 `kring check --repair` writes them again from the records"
            .into(),
    }
}

/// Every id of `kinds` grouped by bucket, as `kring check --repair` and the migration write them.
pub(crate) fn group<'a>(
    bucketing: &Bucketing,
    kinds: impl IntoIterator<Item = (RecordId, &'a str)>,
) -> BTreeMap<Bucket, Contents> {
    let mut buckets: BTreeMap<Bucket, Contents> = BTreeMap::new();
    for (id, kind) in kinds {
        buckets
            .entry(bucketing.bucket_of(id))
            .or_default()
            .insert(id, kind.to_owned());
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(super::super::layout::KINDS).prop_map(str::to_owned),
            "[a-zé_]{0,300}",
        ]
    }

    proptest! {
        #[test]
        fn a_bucket_gives_back_every_id_with_its_kind(
            entries in proptest::collection::btree_map(any::<u128>(), kind(), 0..40)
        ) {
            let contents: Contents = entries
                .into_iter()
                .map(|(id, kind)| (RecordId(uuid::Uuid::from_u128(id)), kind))
                .collect();
            let bytes = encode(&contents);
            let decoded = decode(&bytes).expect("a bucket decodes");
            prop_assert_eq!(decoded.clone(), contents.clone().into_iter().collect::<Vec<_>>());
            for (id, kind) in &contents {
                let found = find(&bytes, *id).expect("a bucket is read");
                prop_assert_eq!(found.as_deref(), Some(kind.as_str()));
            }
        }

        #[test]
        fn damaged_bucket_bytes_are_refused_never_a_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..120)
        ) {
            let _ = decode(&bytes);
            let _ = find(&bytes, RecordId(uuid::Uuid::nil()));
        }
    }

    #[test]
    fn ids_spread_over_the_buckets_by_the_stores_own_key() {
        let one = Bucketing { key: [1; 32] };
        let other = Bucketing { key: [2; 32] };
        let ids: Vec<RecordId> = (0..2000u128)
            .map(|n| RecordId(uuid::Uuid::from_u128(n)))
            .collect();
        let used: std::collections::BTreeSet<Bucket> =
            ids.iter().map(|id| one.bucket_of(*id)).collect();
        assert!(used.len() > 1950, "2,000 ids in {} buckets", used.len());
        let moved = ids
            .iter()
            .filter(|id| one.bucket_of(**id) != other.bucket_of(**id))
            .count();
        assert!(moved > 1950, "another key files them elsewhere ({moved})");
    }

    #[test]
    fn a_bucket_with_an_id_twice_or_out_of_order_is_damaged_for_lookups_and_the_check_alike() {
        let low = RecordId(uuid::Uuid::from_u128(1));
        let high = RecordId(uuid::Uuid::from_u128(2));
        let one = |id: RecordId, kind: &str| encode(&[(id, kind.to_owned())].into());
        for bytes in [
            [one(high, "person"), one(low, "note")].concat(),
            [one(low, "organisation"), one(low, "person")].concat(),
        ] {
            assert_eq!(decode(&bytes), None);
            assert_eq!(find(&bytes, low), Err(()));
        }
        let ordered = [one(low, "note"), one(high, "person")].concat();
        assert_eq!(find(&ordered, high), Ok(Some("person".to_owned())));
    }

    #[test]
    fn a_long_kind_name_from_a_later_kring_comes_back_whole() {
        let long = "é".repeat(300);
        let contents: Contents = [(RecordId(uuid::Uuid::from_u128(7)), long.clone())].into();
        assert_eq!(decode(&encode(&contents)).unwrap()[0].1, long);
    }
}
