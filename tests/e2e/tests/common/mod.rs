//! Stores made with kring-core before the app opens one of them, for the tests whose starting
//! point no window can make quickly: a forged file, two colleagues' concurrent edits.

#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::model::Role;
use kring_core::store::{OpenOptions, Store};
use kring_e2e::Session;
use std::path::Path;

/// An hour ago, to the second: the app imports with the real clock, and a file from the future is
/// refused.
pub fn an_hour_ago() -> DateTime<Utc> {
    let now = Utc::now() - Duration::hours(1);
    Utc.timestamp_millis_opt(now.timestamp_millis() / 1000 * 1000)
        .unwrap()
}

/// A new store at `path` owned by `name` (name@stad.gent) in `role`.
pub fn store(path: &Path, name: &str, role: Role, now: DateTime<Utc>) -> Store {
    let store = Store::open(
        path,
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .unwrap();
    store
        .init(
            name,
            &format!("{}@stad.gent", name.to_lowercase().replace(' ', ".")),
            role,
            now,
        )
        .unwrap();
    store
}

/// `member` joins `manager`'s organisation and is enrolled in `role`.
pub fn enrol(manager: &Store, member: &Store, role: Role, now: DateTime<Utc>) {
    let invitation = manager.invite(role, now).unwrap();
    member.join(&invitation, now).unwrap();
    manager
        .enrol(&member.identity().unwrap(), role, now)
        .unwrap();
}

/// Koen De Smet, Manager of the Network, in `koen/store` of the session's folder (where the app
/// opens the profile `koen`), and An Peeters, a networker he enrolled, in `an-store`.
pub fn koen_and_an(session: &Session, now: DateTime<Utc>) -> (Store, Store) {
    let koen = store(
        &session.folder().join("koen").join("store"),
        "Koen De Smet",
        Role::Manager,
        now,
    );
    let an = store(
        &session.folder().join("an-store"),
        "An Peeters",
        Role::Networker,
        now,
    );
    enrol(&koen, &an, Role::Networker, now);
    (koen, an)
}

/// `manager`'s full export (the roster and what he shares), imported by `member`: both stores
/// then hold the same records.
pub fn hand_master(session: &Session, manager: &Store, member: &Store, now: DateTime<Utc>) {
    let master = session.folder().join("master.kring");
    manager.export_bundle(&master, true, now).unwrap();
    member.import_bundles(&[master], false, now).unwrap();
}
