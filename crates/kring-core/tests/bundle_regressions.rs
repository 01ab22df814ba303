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

/// Format 3 added the nodes a restored or copied store wrote under before. A file written before
/// it (a networker's bundle still in the sync folder when the organisation updates, an old backup)
/// still opens, names no earlier nodes, and imports.
#[test]
fn a_bundle_of_format_2_still_opens_and_imports() {
    use ed25519_dalek::Signer;
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
    let current = dir.path().join("format-3.kring");
    sender
        .export_bundle_with(&current, true, true, now())
        .unwrap();
    // The same bundle as Kring wrote it before format 3: the header without the last field,
    // signed again by the sender.
    let bytes = std::fs::read(&current).unwrap();
    let header_len = u32::from_le_bytes(bytes[10..14].try_into().unwrap()) as usize;
    let header: bundle::BundleHeader = postcard::from_bytes(&bytes[14..14 + header_len]).unwrap();
    assert_eq!(header.format_version, 3);
    let old_header = bundle::BundleHeaderV2 {
        format_version: 2,
        schema_version: header.schema_version,
        kind: header.kind,
        organisation: header.organisation,
        author_node: header.author_node,
        author_networker: header.author_networker,
        author_name: header.author_name,
        author_role: header.author_role,
        created_at_millis: header.created_at_millis,
        high_water_mark: header.high_water_mark,
        version_vector: header.version_vector,
        base: header.base,
        record_count: header.record_count,
        body_hash: header.body_hash,
        public_key: header.public_key,
        author_email: header.author_email,
        encryption_key: header.encryption_key,
        coverage: header.coverage,
    };
    let old_header_bytes = postcard::to_stdvec(&old_header).unwrap();
    let mut file = bundle::MAGIC.to_vec();
    file.extend_from_slice(&2u16.to_le_bytes());
    file.extend_from_slice(&(old_header_bytes.len() as u32).to_le_bytes());
    file.extend_from_slice(&old_header_bytes);
    let signature = sender.signing_key().unwrap().sign(&file);
    file.extend_from_slice(&signature.to_bytes());
    file.extend_from_slice(&bytes[14 + header_len + 64..]);
    let old = dir.path().join("format-2.kring");
    std::fs::write(&old, file).unwrap();

    let reader = bundle::open_bundle(&old).expect("a format 2 bundle opens");
    assert_eq!(reader.header.format_version, 2);
    assert!(reader.header.author_earlier_nodes.is_empty());
    drop(reader);
    let report = manager.import_bundles(&[old], false, now()).unwrap();
    assert_eq!(report.refused_total, 0, "{:?}", report.refused);
    assert_eq!(
        manager.get::<Person>(card).unwrap().unwrap().display_name,
        "Van Voor De Update"
    );
}
