//! Bundles that once broke Kring, each pinned by a test named after what went wrong. A bundle that
//! needs a valid signature is made here, signed by an enrolled member's store that "sends" it (a
//! stranger's file is held for approval before it is read, so only a member's forgery gets this
//! far). When the fuzzer finds a crashing file, it goes into `tests/regressions/bundle/` with a
//! test that reads it.

use chrono::{DateTime, TimeZone, Utc};
use kring_core::clock::{Hlc, NodeId, Stamp};
use kring_core::model::{Person, Role};
use kring_core::store::{OpenOptions, Store};
use kring_core::sync::bundle;
use std::path::Path;

mod common;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

fn store(path: &Path, name: &str, role: Role) -> Store {
    let store = Store::open(
        path,
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .expect("a store opens");
    store
        .init(name, "someone@antwerpen.be", role, now())
        .expect("init");
    store
}

/// A stamp at the very end of time moved the importing store's clock to it; the next local edit
/// then overflowed the clock (a panic in debug builds, a stamp at 1970 in release builds, which a
/// delta export then left out as already acknowledged). No clock writes such stamps: the file is
/// refused as corrupt, and the store is unchanged and still takes edits.
#[test]
fn a_bundle_with_a_stamp_at_the_end_of_time_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let sender = store(&dir.path().join("sender"), "An Peeters", Role::Networker);
    let manager = store(&dir.path().join("manager"), "Lieve Claes", Role::Manager);
    common::enrol(&manager, &sender, Role::Networker, now());
    sender
        .create(
            &Person {
                display_name: "Sofie Peeters".into(),
                ..Person::default()
            },
            None,
            now(),
        )
        .unwrap();
    let honest = dir.path().join("honest.kring");
    sender.export_bundle(&honest, true, now()).unwrap();
    let (header, mut records) = sender.open_bundle(&honest).unwrap().read_all().unwrap();
    let end_of_time = Stamp {
        hlc: Hlc {
            millis: u64::MAX,
            counter: u32::MAX,
        },
        node: NodeId(header.author_node.0),
    };
    let person = records
        .iter_mut()
        .find(|r| r.kind == "person")
        .expect("the person travels");
    person.write("display_name", b"\"Sofie\"".to_vec(), end_of_time);
    let forged = dir.path().join("forged.kring");
    bundle::write_bundle(&forged, header, records, &sender.signing_key().unwrap()).unwrap();

    let digest = manager.digest().unwrap();
    let error = manager
        .import_bundles(&[forged], false, now())
        .expect_err("a stamp no clock can write makes the file corrupt");
    assert_eq!(error.code(), "bundle_corrupt", "{error}");
    assert!(
        error.to_string().contains("stamp"),
        "the message names the stamp: {error}"
    );
    assert_eq!(
        manager.digest().unwrap(),
        digest,
        "a refused file changes nothing"
    );
    let id = manager
        .create(
            &Person {
                display_name: "Jan Janssens".into(),
                ..Person::default()
            },
            None,
            now(),
        )
        .expect("the store still takes edits");
    let stamp = manager.state(id).unwrap().unwrap().max_stamp().unwrap();
    assert_eq!(
        stamp.hlc.millis,
        now().timestamp_millis() as u64,
        "the clock was not moved by the refused file"
    );
}

/// Exports stream their records from the store (holding all of them took 3.2 GB at 100,000
/// cards). A record that cannot be read half-way must not leave half a bundle: the target keeps
/// its old contents and no temporary file stays behind.
#[test]
fn a_record_that_cannot_be_read_during_an_export_leaves_the_old_bundle_and_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let sender = store(&dir.path().join("sender"), "An Peeters", Role::Networker);
    for name in ["Sofie Peeters", "Jan Janssens"] {
        sender
            .create(
                &Person {
                    display_name: name.into(),
                    ..Person::default()
                },
                None,
                now(),
            )
            .unwrap();
    }
    let target = dir.path().join("out").join("network.kring");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    sender.export_bundle(&target, true, now()).unwrap();
    let old = std::fs::read(&target).unwrap();
    let (header, records) = sender.open_bundle(&target).unwrap().read_all().unwrap();
    assert!(records.len() >= 3, "the profile and both people travel");

    let mut stream: Vec<std::io::Result<_>> = records.into_iter().map(Ok).collect();
    stream.insert(1, Err(std::io::Error::other("the store could not be read")));
    let error =
        bundle::write_bundle_streaming(&target, header, stream, &sender.signing_key().unwrap())
            .unwrap_err();
    assert_eq!(error.to_string(), "the store could not be read");
    assert_eq!(std::fs::read(&target).unwrap(), old);
    let left: Vec<_> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(left, vec!["network.kring".to_string()]);
}

/// Format 3 added the nodes a restored or copied store wrote under before. A store that names
/// none writes format 2, as Kring did before, so that a colleague who has not updated yet still
/// reads it: its header decodes as the version 2 layout, whole, and the file imports.
#[test]
fn a_store_without_earlier_nodes_writes_bundles_of_format_2_that_import() {
    let dir = tempfile::tempdir().unwrap();
    let manager = store(&dir.path().join("manager"), "Mia", Role::Manager);
    let sender = store(&dir.path().join("sender"), "An", Role::Networker);
    common::enrol(&manager, &sender, Role::Networker, now());
    let card = sender
        .create(
            &Person {
                display_name: "Van Voor De Update".into(),
                ..Person::default()
            },
            None,
            now(),
        )
        .unwrap();
    let export = dir.path().join("export.kring");
    sender
        .export_bundle_with(&export, true, true, now())
        .unwrap();
    assert_eq!(bundle::open_bundle(&export).unwrap().format_version(), 2);
    // The frame: magic (8), version (2), header length (4), then the header.
    let bytes = std::fs::read(&export).unwrap();
    let header_len = u32::from_le_bytes(bytes[10..14].try_into().unwrap()) as usize;
    let (old, rest): (bundle::BundleHeaderV2, &[u8]) =
        postcard::take_from_bytes(&bytes[14..14 + header_len]).unwrap();
    assert!(rest.is_empty(), "the version 2 layout, nothing more");
    assert_eq!(old.author_node, sender.node_id());
    assert!(bundle::open_bundle(&export)
        .unwrap()
        .header
        .author_earlier_nodes
        .is_empty());
    let report = manager.import_bundles(&[export], false, now()).unwrap();
    assert_eq!(report.refused_total, 0, "{:?}", report.refused);
    assert_eq!(
        manager.get::<Person>(card).unwrap().unwrap().display_name,
        "Van Voor De Update"
    );
}
