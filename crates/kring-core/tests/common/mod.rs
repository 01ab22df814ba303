//! What several test files need: putting stores into one organisation, as `kring invite`,
//! `kring join` and `kring approve` do.

#![allow(dead_code)]

use chrono::{DateTime, Utc};
use kring_core::model::Role;
use kring_core::store::{OpenOptions, Store};

/// A new store at `path` with a small cache, owned by `name` (name@antwerpen.be) in `role`.
pub fn open_initialised(
    path: &std::path::Path,
    name: &str,
    role: Role,
    now: DateTime<Utc>,
) -> Store {
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
            &format!("{}@antwerpen.be", name.to_lowercase()),
            role,
            now,
        )
        .unwrap();
    store
}

/// `member` joins `manager`'s organisation and is approved in `role`.
pub fn enrol(manager: &Store, member: &Store, role: Role, now: DateTime<Utc>) {
    let invitation = manager.invite(role, now).expect("the manager invites");
    member.join(&invitation, now).expect("the member joins");
    manager
        .enrol(&member.identity().expect("an identity"), role, now)
        .expect("the manager approves");
}

/// Every store joins the first manager's organisation, in its own role.
pub fn one_organisation(stores: &[&Store], now: DateTime<Utc>) {
    let manager = stores
        .iter()
        .find(|s| s.require_profile().unwrap().role == Role::Manager)
        .expect("a manager among the stores");
    for store in stores {
        if std::ptr::eq(*store, *manager) {
            continue;
        }
        let role = store.require_profile().unwrap().role;
        enrol(manager, store, role, now);
    }
}

/// Enrols every store in a new organisation of a manager made for it (when the test itself has
/// none), and hands each the roster in a master, so they may exchange bundles directly.
pub fn peers_in_one_organisation(dir: &std::path::Path, stores: &[&Store], now: DateTime<Utc>) {
    let manager = Store::open(
        &dir.join("organisation-manager"),
        &kring_core::store::OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .expect("the manager's store opens");
    manager
        .init("Beheerder", "beheer@antwerpen.be", Role::Manager, now)
        .expect("the manager's store is set up");
    for store in stores {
        let role = store.require_profile().unwrap().role;
        enrol(&manager, store, role, now);
    }
    let roster = dir.join("organisation-roster.kring");
    manager
        .export_bundle(&roster, true, now)
        .expect("the roster is exported");
    for store in stores {
        store
            .import_bundles(std::slice::from_ref(&roster), false, now)
            .expect("the roster is imported");
    }
}

/// Copies a store folder (closed) as a person copying it to another computer would.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Opens the store in `path` once sled has let go of it: sled releases a dropped store's lock
/// from a background thread a moment later. Any error other than the store being in use fails.
pub fn open_when_free(path: &std::path::Path) -> Store {
    (0..100)
        .find_map(|_| {
            Store::open(path, &OpenOptions::default())
                .map_err(|e| {
                    assert_eq!(e.code(), "store_in_use", "the store opens: {e}");
                    std::thread::sleep(std::time::Duration::from_millis(20));
                })
                .ok()
        })
        .expect("the store opens")
}
