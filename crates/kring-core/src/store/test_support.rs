//! What the store's unit tests share: one owner's store in a temporary folder, at a fixed time.

use super::{OpenOptions, Store};
use crate::model::Role;
use chrono::{DateTime, TimeZone, Utc};

/// The time the store's unit tests write at.
pub(crate) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()
}

/// A new store, the engine alone (no rights check installed), owned by An Peeters in `role`.
pub(crate) fn store_of(role: Role) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_engine(&dir.path().join("store"), &OpenOptions::default()).unwrap();
    store
        .init("An Peeters", "an@antwerpen.be", role, now())
        .unwrap();
    (dir, store)
}
