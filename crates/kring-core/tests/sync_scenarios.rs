//! Sync scenarios with answers worked out by hand: who ends up with what, what is refused, what
//! never leaves a machine.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::browse::{CardList, CardQuery};
use kring_core::cards::views::{LogRequest, RelateRequest};
use kring_core::graph::{Analysis, CentralityOptions, ExportFormat, GraphOptions, OrgGraph};
use kring_core::model::{
    InteractionKind, Organisation, Person, RecordId, Relationship, Role, Sector, Visibility,
};
use kring_core::store::Store;
use kring_core::sync::bundle;
use kring_core::sync::conflicts::Resolution;
use kring_core::trust::MembershipStatus;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).unwrap()
}

struct World {
    dir: tempfile::TempDir,
    files: usize,
}

impl World {
    fn new() -> Self {
        World {
            dir: tempfile::tempdir().unwrap(),
            files: 0,
        }
    }

    fn store(&self, name: &str, role: Role) -> Store {
        common::open_initialised(&self.dir.path().join(name), name, role, t0())
    }

    fn export(&mut self, store: &Store, full: bool, now: DateTime<Utc>) -> PathBuf {
        self.files += 1;
        let path = self.dir.path().join(format!("{}.kring", self.files));
        store.export_bundle(&path, full, now).unwrap();
        path
    }

    /// A plain (unencrypted) export: what `kring export --plain` writes for a colleague who is
    /// not among a sealed export's recipients (a networker's goes to the managers only).
    fn export_plain(&mut self, store: &Store, full: bool, now: DateTime<Utc>) -> PathBuf {
        self.files += 1;
        let path = self.dir.path().join(format!("{}.kring", self.files));
        store.export_bundle_with(&path, full, true, now).unwrap();
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Mia, a Manager of the Network, and An and Bert, two networkers she enrolled.
    fn manager_an_and_bert(&self) -> (Store, Store, Store) {
        let m = self.store("Mia", Role::Manager);
        let a = self.store("An", Role::Networker);
        let b = self.store("Bert", Role::Networker);
        common::enrol(&m, &a, Role::Networker, t0());
        common::enrol(&m, &b, Role::Networker, t0());
        (m, a, b)
    }
}

fn person(name: &str) -> Person {
    Person {
        display_name: name.into(),
        ..Person::default()
    }
}

#[test]
fn three_networkers_and_two_managers_exchanging_in_different_orders_print_the_same_digest() {
    let mut world = World::new();
    let networkers: Vec<Store> = ["An", "Bert", "Chloé"]
        .iter()
        .map(|n| world.store(n, Role::Networker))
        .collect();
    let managers: Vec<Store> = ["Mia", "Mo"]
        .iter()
        .map(|n| world.store(n, Role::Manager))
        .collect();
    let mut now = t0();
    common::enrol(&managers[0], &managers[1], Role::Manager, now);
    for networker in &networkers {
        common::enrol(&managers[0], networker, Role::Networker, now);
    }
    // The managers start from the same state: each other's networker card.
    let mia_card = world.export(&managers[0], true, now);
    let mo_card = world.export(&managers[1], true, now);
    managers[0].import_bundles(&[mo_card], false, now).unwrap();
    managers[1].import_bundles(&[mia_card], false, now).unwrap();
    let mut exports = Vec::new();
    for (n, store) in networkers.iter().enumerate() {
        now += Duration::minutes(1);
        let id = store
            .create(&person(&format!("Stakeholder {n}")), None, now)
            .unwrap();
        store
            .relate(
                id,
                &kring_core::cards::views::RelateRequest {
                    strength: Some(3),
                    ..Default::default()
                },
                now,
            )
            .unwrap();
        store
            .log_interaction(
                &LogRequest {
                    with: vec![id],
                    kind: InteractionKind::Meeting,
                    at: now.fixed_offset(),
                    summary: format!("Overleg {n}"),
                    outcomes: vec![],
                    follow_up: Some(("Verslag".into(), now.date_naive() + Duration::days(3))),
                    visibility: None,
                },
                now,
            )
            .unwrap();
        exports.push(world.export(store, false, now));
    }
    // Mia takes the files one by one in order; Mo takes them reversed and all at once.
    for file in &exports {
        managers[0]
            .import_bundles(std::slice::from_ref(file), false, now)
            .unwrap();
    }
    let reversed: Vec<PathBuf> = exports.iter().rev().cloned().collect();
    managers[1].import_bundles(&reversed, false, now).unwrap();
    assert_eq!(
        managers[0].digest().unwrap(),
        managers[1].digest().unwrap(),
        "order and grouping do not matter"
    );
    // The managers exchange masters, then every networker takes Mia's master.
    let from_mia = world.export(&managers[0], true, now);
    let from_mo = world.export(&managers[1], true, now);
    managers[1]
        .import_bundles(std::slice::from_ref(&from_mia), false, now)
        .unwrap();
    managers[0].import_bundles(&[from_mo], false, now).unwrap();
    for store in &networkers {
        store
            .import_bundles(std::slice::from_ref(&from_mia), false, now)
            .unwrap();
    }
    let digest = managers[0].digest().unwrap();
    for store in networkers.iter().chain(&managers) {
        assert_eq!(store.digest().unwrap(), digest);
    }
    // Every networker now sees the colleagues' stakeholders, with who knows them.
    let hits = networkers[0].search("stakeholder", 10).unwrap();
    assert_eq!(
        hits.len(),
        3,
        "An sees all three stakeholders after the master: {hits:?}"
    );
    let chloe_card = networkers[0].search("stakeholder 2", 1).unwrap()[0].id;
    let detail = networkers[0].card_detail(chloe_card, now).unwrap();
    assert_eq!(
        detail.relationships[0].networker_name, "Chloé",
        "provenance: who knows this person"
    );
}

#[test]
fn a_concurrent_edit_shows_up_as_a_conflict_and_resolving_it_propagates() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let b = world.store("Bert", Role::Networker);
    common::peers_in_one_organisation(world.dir.path(), &[&a, &b], t0());
    let now = t0();
    let id = a.create(&person("Jan Peeters"), None, now).unwrap();
    b.import_bundles(&[world.export_plain(&a, true, now)], false, now)
        .unwrap();
    a.set_fields(
        id,
        &[("display_name".into(), "Jan Peeters-Maes".into())],
        now + Duration::minutes(1),
    )
    .unwrap();
    b.set_fields(
        id,
        &[("job_title".into(), "havenkapitein".into())],
        now + Duration::minutes(2),
    )
    .unwrap();
    b.set_fields(
        id,
        &[("display_name".into(), "Jean Peeters".into())],
        now + Duration::minutes(2),
    )
    .unwrap();
    let from_a = world.export_plain(&a, true, now + Duration::minutes(3));
    let from_b = world.export_plain(&b, true, now + Duration::minutes(3));
    a.import_bundles(&[from_b], false, now + Duration::minutes(4))
        .unwrap();
    let report = b
        .import_bundles(&[from_a], false, now + Duration::minutes(4))
        .unwrap();
    assert_eq!(
        report.new_conflicts, 1,
        "one field was written concurrently"
    );

    let merged: Person = a.get(id).unwrap().unwrap();
    assert_eq!(
        merged.display_name, "Jean Peeters",
        "the later write is current"
    );
    assert_eq!(
        merged.job_title.as_deref(),
        Some("havenkapitein"),
        "edits to different fields both survive"
    );
    let conflicts = a.conflicts().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].fields[0].field, "display_name");
    assert_eq!(
        conflicts[0].fields[0].losing[0].value, "Jan Peeters-Maes",
        "the loser is kept, not hidden"
    );
    assert_eq!(a.digest().unwrap(), b.digest().unwrap());

    a.resolve(
        id,
        "display_name",
        &Resolution::TakeLosing(0),
        now + Duration::minutes(5),
    )
    .unwrap();
    assert!(a.conflicts().unwrap().is_empty());
    b.import_bundles(
        &[world.export_plain(&a, false, now + Duration::minutes(6))],
        false,
        now + Duration::minutes(6),
    )
    .unwrap();
    assert!(
        b.conflicts().unwrap().is_empty(),
        "the resolution supersedes both values everywhere"
    );
    assert_eq!(
        b.get::<Person>(id).unwrap().unwrap().display_name,
        "Jan Peeters-Maes"
    );
}

fn file_contains(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Whether a bundle's plaintext (as `reader`, one of its recipients, opens it) holds `needle`.
fn decompressed_body_contains(reader: &Store, path: &Path, needle: &str) -> bool {
    let mut reader = reader.open_bundle(path).unwrap();
    let header = format!("{:?}", reader.header);
    let mut text = header;
    while let Some(record) = reader.next_record().unwrap() {
        text.push_str(&String::from_utf8_lossy(
            &postcard::to_stdvec(&record).unwrap(),
        ));
        text.push_str(&format!("{record:?}"));
    }
    text.contains(needle)
}

#[test]
fn the_private_canary_never_appears_in_any_export() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &m], t0());
    let now = t0();
    a.create(&person("CANARY-CARD-7f3"), Some(Visibility::Private), now)
        .unwrap();
    let shared = a
        .create(&person("Koen Maes"), Some(Visibility::Shared), now)
        .unwrap();
    a.add_note(
        shared,
        "CANARY-NOTE-9d1 mantelzorger",
        Some(Visibility::Private),
        now,
    )
    .unwrap();
    let summary = Person {
        display_name: "Sam Summary".into(),
        emails: vec!["canary-summary@x.be".into()],
        ..Person::default()
    };
    a.create(&summary, Some(Visibility::Summary), now).unwrap();
    let private_relationship = a
        .relate(
            shared,
            &kring_core::cards::views::RelateRequest {
                strength: Some(5),
                visibility: Some(Visibility::Private),
                ..Default::default()
            },
            now,
        )
        .unwrap();

    let full = world.export(&a, true, now);
    m.import_bundles(std::slice::from_ref(&full), false, now)
        .unwrap();
    a.import_bundles(&[world.export(&m, true, now)], false, now)
        .unwrap();
    a.set_fields(
        shared,
        &[("job_title".into(), "schepen".into())],
        now + Duration::minutes(1),
    )
    .unwrap();
    let delta = world.export(&a, false, now + Duration::minutes(1));
    let master = world.export(&m, true, now + Duration::minutes(2));
    for file in [&full, &delta, &master] {
        for canary in ["CANARY-CARD-7f3", "CANARY-NOTE-9d1", "canary-summary@x.be"] {
            assert!(
                !file_contains(file, canary),
                "{canary} leaked into {}",
                file.display()
            );
            assert!(
                !decompressed_body_contains(&m, file, canary),
                "{canary} leaked into the body of {}",
                file.display()
            );
        }
        assert!(
            !decompressed_body_contains(&m, file, &private_relationship.0.to_string()),
            "a private relationship leaked"
        );
        // The check can see ids: the shared card's does travel.
        assert!(decompressed_body_contains(&m, file, &shared.0.to_string()));
    }
    assert!(
        decompressed_body_contains(&m, &full, "Sam Summary"),
        "a summary card's name does travel"
    );
    assert!(m.get::<Person>(shared).unwrap().is_some());
    assert!(
        m.search("canary", 10).unwrap().is_empty(),
        "no canary reached the manager"
    );
    assert_eq!(
        m.search("sam summary", 10).unwrap().len(),
        1,
        "the summary card's name reached the manager"
    );
}

#[test]
fn corrupt_truncated_forged_and_foreign_files_are_refused_and_change_nothing() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &m], t0());
    let now = t0();
    for n in 0..40 {
        a.create(&person(&format!("Persoon {n}")), None, now)
            .unwrap();
    }
    let good = world.export_plain(&a, true, now);
    let bytes = std::fs::read(&good).unwrap();
    let digest = m.digest().unwrap();
    let header_len = u32::from_le_bytes(bytes[10..14].try_into().unwrap()) as usize;
    let body_start = 14 + header_len + 64;

    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut flipped = bytes.clone();
    flipped[body_start + (bytes.len() - body_start) / 2] ^= 0x40;
    // A flipped bit in the compressed body shows as a hash mismatch at the end, or earlier as a
    // record that cannot be decoded, a length over the limit, a body zstd refuses or a stream
    // that ends early, depending on where it lands (the data differs every run: once in about
    // forty runs it was not a record).
    cases.push(("do not match|corrupt (|truncated", flipped));
    for cut in [5, 12, 40, body_start - 10, body_start + 8, bytes.len() - 3] {
        cases.push(("truncated", bytes[..cut].to_vec()));
    }
    let mut magic = bytes.clone();
    magic[..8].copy_from_slice(b"PK\x03\x04zip!");
    cases.push(("not a Kring bundle", magic));
    let mut future = bytes.clone();
    future[8] = 9;
    cases.push(("newer Kring", future));
    let mut forged = bytes.clone();
    forged[20] ^= 1;
    cases.push(("signature", forged));
    let mut trailing = bytes.clone();
    trailing.extend_from_slice(b"extra");
    cases.push(("", trailing));
    cases.push(("", b"BEGIN:VCARD\r\nEND:VCARD\r\n".to_vec()));

    for (n, (expected, content)) in cases.iter().enumerate() {
        let path = world.path(&format!("bad-{n}.kring"));
        std::fs::write(&path, content).unwrap();
        let error = m
            .import_bundles(&[good.clone(), path.clone()], false, now)
            .expect_err("a bad file must be refused");
        let message = error.to_string();
        assert!(
            message.contains(&path.display().to_string()),
            "the message names the file: {message}"
        );
        assert!(
            expected.split('|').any(|one| message.contains(one)),
            "case {n}: '{message}' should say '{expected}'"
        );
        assert_eq!(
            m.digest().unwrap(),
            digest,
            "case {n}: nothing changed, not even the good file beside it"
        );
        assert!(!message.contains('\n'), "one line: {message}");
    }
    assert!(
        !m.path().join("backups").exists(),
        "no backup is taken for a refused import"
    );
}

#[test]
fn a_sealed_export_opens_only_for_its_recipients_and_a_tampered_one_is_refused() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let b = world.store("Bert", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &b, &m], t0());
    let now = t0();
    a.create(&person("CANARY-SEALED-e71"), None, now).unwrap();
    let sealed = world.export(&a, true, now);
    assert!(
        bundle::is_sealed(&sealed),
        "exports are encrypted by default"
    );
    assert!(
        !file_contains(&sealed, "CANARY-SEALED-e71"),
        "nothing readable in the file"
    );
    assert!(
        bundle::open_bundle(&sealed).is_err(),
        "without a key it cannot be opened"
    );
    // A colleague is not among a networker's recipients (the managers and the author are).
    let error = b
        .import_bundles(std::slice::from_ref(&sealed), false, now)
        .unwrap_err();
    assert_eq!(error.code(), "bundle_not_a_recipient", "{error}");
    // A flipped byte in the ciphertext, or a cut, is refused and changes nothing.
    let digest = m.digest().unwrap();
    let bytes = std::fs::read(&sealed).unwrap();
    let mut flipped = bytes.clone();
    let middle = bytes.len() - 40;
    flipped[middle] ^= 0x01;
    for (n, content) in [flipped, bytes[..bytes.len() - 30].to_vec()]
        .iter()
        .enumerate()
    {
        let path = world.path(&format!("sealed-bad-{n}.kring"));
        std::fs::write(&path, content).unwrap();
        let error = m.import_bundles(&[path], false, now).unwrap_err();
        assert!(
            ["bundle_corrupt", "bundle_truncated"].contains(&error.code().as_str()),
            "case {n}: {error}"
        );
        assert_eq!(m.digest().unwrap(), digest);
    }
    let report = m.import_bundles(&[sealed], false, now).unwrap();
    assert_eq!(report.files.len(), 1);
    assert_eq!(m.search("canary sealed", 1).unwrap().len(), 1);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &m], t0());
    a.create(&person("Jan"), None, t0()).unwrap();
    let file = world.export(&a, true, t0());
    let first = m
        .import_bundles(std::slice::from_ref(&file), false, t0())
        .unwrap();
    assert!(first.added > 0);
    let digest = m.digest().unwrap();
    let second = m
        .import_bundles(&[file], false, t0() + Duration::hours(1))
        .unwrap();
    assert_eq!((second.added, second.changed, second.deleted), (0, 0, 0));
    assert_eq!(second.unchanged, first.added);
    assert_eq!(m.digest().unwrap(), digest);
}

#[test]
fn a_dry_run_reports_without_changing_anything() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &m], t0());
    a.create(&person("Jan"), None, t0()).unwrap();
    let file = world.export(&a, true, t0());
    let digest = m.digest().unwrap();
    let report = m.import_bundles(&[file], true, t0()).unwrap();
    assert!(
        report.dry_run && report.added == 2,
        "the person and An's networker card: {report:?}"
    );
    assert_eq!(m.digest().unwrap(), digest);
    assert!(
        m.peers().unwrap().is_empty(),
        "a dry run does not even remember the sender"
    );
}

#[test]
fn a_delta_export_carries_only_what_the_manager_has_not_acknowledged() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &m], t0());
    let now = t0();
    let ids: Vec<_> = (0..50)
        .map(|n| {
            a.create(&person(&format!("Persoon {n}")), None, now)
                .unwrap()
        })
        .collect();
    let first = world.export(&a, false, now);
    assert_eq!(
        a.open_bundle(&first).unwrap().header.kind,
        bundle::BundleKind::Full,
        "nothing acknowledged yet"
    );
    m.import_bundles(&[first], false, now).unwrap();
    a.import_bundles(&[world.export(&m, true, now)], false, now)
        .unwrap();
    let later = now + Duration::hours(1);
    a.set_fields(ids[3], &[("job_title".into(), "directeur".into())], later)
        .unwrap();
    a.set_fields(ids[7], &[("tags".into(), "haven".into())], later)
        .unwrap();
    let delta = world.export(&a, false, later);
    let (header, records) = a.open_bundle(&delta).unwrap().read_all().unwrap();
    assert_eq!(header.kind, bundle::BundleKind::Delta);
    let mut carried: Vec<_> = records.iter().map(|r| r.id).collect();
    carried.sort();
    let mut expected = vec![ids[3].0, ids[7].0];
    expected.sort();
    assert_eq!(carried, expected, "only the two edited cards travel");
    m.import_bundles(&[delta], false, later).unwrap();
    assert_eq!(
        m.get::<Person>(ids[3])
            .unwrap()
            .unwrap()
            .job_title
            .as_deref(),
        Some("directeur")
    );
}

#[test]
fn a_later_bundle_from_the_same_node_with_another_key_is_held_until_approved() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &m], t0());
    a.create(&person("Jan"), None, t0()).unwrap();
    m.import_bundles(&[world.export(&a, true, t0())], false, t0())
        .unwrap();
    // An's store gets a new key for the same node (as if the key file were replaced).
    let forged_path = world.path("forged.kring");
    let (mut header, mut records) = a
        .open_bundle(&world.export(&a, true, t0()))
        .unwrap()
        .read_all()
        .unwrap();
    header.author_name = "Mallory".into();
    let planted = RecordId::new_v7(t0().timestamp_millis() as u64);
    let mut extra = kring_core::crdt::RecordState::new(planted.0, "person");
    extra.write(
        "display_name",
        b"\"Geplant\"".to_vec(),
        records[0].max_stamp().unwrap(),
    );
    records.push(extra);
    records.sort_by_key(|r| r.id);
    bundle::write_bundle(&forged_path, header, records, &bundle::new_signing_key()).unwrap();
    let digest = m.digest().unwrap();
    let report = m
        .import_bundles(std::slice::from_ref(&forged_path), false, t0())
        .unwrap();
    assert_eq!(report.held.len(), 1, "{report:?}");
    assert!(
        report.held[0].reason.contains("another key"),
        "the report says why: {}",
        report.held[0].reason
    );
    assert_eq!(m.digest().unwrap(), digest, "nothing of it was merged");
    assert!(m.state(planted).unwrap().is_none());
    let pending = m.pending_members().unwrap();
    assert_eq!(pending.len(), 1);
    // Approving it (after comparing fingerprints) merges what was held.
    let (_, held) = m
        .approve(
            &pending[0].identity.fingerprint,
            Some(Role::Networker),
            t0(),
        )
        .unwrap();
    m.import_bundles(&held, false, t0()).unwrap();
    assert!(m.state(planted).unwrap().is_some());
}

#[test]
fn an_edit_after_a_delete_revives_the_record_in_every_store() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let b = world.store("Bert", Role::Networker);
    common::peers_in_one_organisation(world.dir.path(), &[&a, &b], t0());
    let id = a.create(&person("Jan"), None, t0()).unwrap();
    b.import_bundles(&[world.export_plain(&a, true, t0())], false, t0())
        .unwrap();
    a.delete(id, t0() + Duration::minutes(1)).unwrap();
    b.set_fields(
        id,
        &[("job_title".into(), "schepen".into())],
        t0() + Duration::minutes(2),
    )
    .unwrap();
    let from_a = world.export_plain(&a, true, t0() + Duration::minutes(3));
    let from_b = world.export_plain(&b, true, t0() + Duration::minutes(3));
    a.import_bundles(&[from_b], false, t0() + Duration::minutes(4))
        .unwrap();
    b.import_bundles(&[from_a], false, t0() + Duration::minutes(4))
        .unwrap();
    assert!(
        a.get::<Person>(id).unwrap().is_some(),
        "the later edit revived the card"
    );
    assert!(b.get::<Person>(id).unwrap().is_some());
    // Only the card's author deletes it: a colleague's delete is refused.
    let refused = b.delete(id, t0() + Duration::minutes(5)).unwrap_err();
    assert_eq!(refused.code(), "not_allowed", "{refused}");
    // A delete stamped after every edit wins everywhere.
    a.delete(id, t0() + Duration::minutes(5)).unwrap();
    b.import_bundles(
        &[world.export_plain(&a, true, t0() + Duration::minutes(5))],
        false,
        t0() + Duration::minutes(6),
    )
    .unwrap();
    assert!(b.get::<Person>(id).unwrap().is_none());
    assert_eq!(a.digest().unwrap(), b.digest().unwrap());
}

#[test]
fn kinds_and_fields_from_a_newer_kring_survive_a_round_trip() {
    use kring_core::clock::{Hlc, Stamp};
    use kring_core::crdt::RecordState;
    let mut world = World::new();
    let m = world.store("Mia", Role::Manager);
    let b = world.store("Bert", Role::Networker);
    // A colleague whose Kring is newer: an enrolled store like any other.
    let newer = world.store("Nieuw", Role::Networker);
    common::one_organisation(&[&m, &b, &newer], t0());
    let stamp = Stamp {
        hlc: Hlc {
            millis: t0().timestamp_millis() as u64,
            counter: 0,
        },
        node: newer.node_id(),
    };
    // A kind this Kring does not know.
    let mut record = RecordState::new(uuid::Uuid::now_v7(), "sponsorship");
    record.write("name", br#""Haven en Stad""#.to_vec(), stamp);
    record.write("red_lines", br#"["geen wapenhandel"]"#.to_vec(), stamp);
    let mut known = RecordState::new(uuid::Uuid::now_v7(), "person");
    known.write("display_name", br#""Jan""#.to_vec(), stamp);
    known.write("shoe_size", b"44".to_vec(), stamp);
    let mut records = vec![record.clone(), known.clone()];
    records.sort_by_key(|r| r.id);
    let from_future = world.path("future.kring");
    let (header, _) = newer
        .open_bundle(&world.export(&newer, true, t0()))
        .unwrap()
        .read_all()
        .unwrap();
    bundle::write_bundle(&from_future, header, records, &newer.signing_key().unwrap()).unwrap();
    m.import_bundles(&[from_future], false, t0()).unwrap();
    b.import_bundles(&[world.export(&m, true, t0())], false, t0())
        .unwrap();
    assert_eq!(
        b.state(kring_core::model::RecordId(record.id))
            .unwrap()
            .unwrap(),
        record,
        "an unknown kind passes through unchanged"
    );
    let through = b
        .state(kring_core::model::RecordId(known.id))
        .unwrap()
        .unwrap();
    assert_eq!(
        through.current("shoe_size"),
        Some(serde_json::json!(44)),
        "an unknown field passes through"
    );
    assert_eq!(
        b.get::<Person>(kring_core::model::RecordId(known.id))
            .unwrap()
            .unwrap()
            .display_name,
        "Jan"
    );
    assert!(b.check(false, t0()).unwrap().is_clean());
}

#[test]
fn a_backup_restores_the_store_as_it_was_and_takes_a_new_node_id() {
    let world = World::new();
    let a = world.store("An", Role::Networker);
    let kept = a
        .create(&person("Kept"), Some(Visibility::Private), t0())
        .unwrap();
    let backup = world.path("an.kring-backup");
    a.backup(&backup, t0()).unwrap();
    let digest = a.digest().unwrap();
    let node = a.node_id();
    a.create(
        &person("Added after the backup"),
        None,
        t0() + Duration::minutes(1),
    )
    .unwrap();
    a.delete(kept, t0() + Duration::minutes(1)).unwrap();
    let error = a
        .import_bundles(std::slice::from_ref(&backup), false, t0())
        .unwrap_err();
    assert!(error.to_string().contains("kring restore"), "{error}");
    a.restore(&backup, t0() + Duration::minutes(2)).unwrap();
    assert_eq!(a.digest().unwrap(), digest);
    assert!(
        a.get::<Person>(kept).unwrap().is_some(),
        "private records are in the backup"
    );
    assert!(a.search("added", 5).unwrap().is_empty());
    assert_ne!(
        a.node_id(),
        node,
        "a restored store writes under a new node id"
    );
    assert_eq!(a.profile().unwrap().unwrap().name, "An");
    assert!(a.check(false, t0()).unwrap().is_clean());
}

#[test]
fn a_restored_store_sends_what_its_old_node_wrote_and_the_manager_takes_it_once_approved() {
    let mut world = World::new();
    let m = world.store("Mia", Role::Manager);
    let a = world.store("An", Role::Networker);
    common::enrol(&m, &a, Role::Networker, t0());
    // An writes a card and takes a backup; the laptop fails before she sends it.
    let card = a.create(&person("Nooit verzonden"), None, t0()).unwrap();
    let backup = world.path("an.kring-backup");
    a.backup(&backup, t0()).unwrap();
    let old_node = a.node_id();
    a.restore(&backup, t0() + Duration::minutes(1)).unwrap();
    assert_ne!(a.node_id(), old_node);
    let export = world.export(&a, false, t0() + Duration::minutes(2));
    let first = m
        .import_bundles(&[export], false, t0() + Duration::minutes(2))
        .unwrap();
    assert_eq!(first.held.len(), 1, "a new node waits for approval");
    // The manager is told whose store it says it is before approving; a newcomer says nothing.
    let newcomer = world.store("Nieuw", Role::Networker);
    m.import_bundles(
        &[world.export_plain(&newcomer, true, t0() + Duration::minutes(2))],
        false,
        t0() + Duration::minutes(2),
    )
    .unwrap();
    let members = m.members().unwrap();
    let pending = |node: String| {
        members
            .iter()
            .find(|member| member.node == node)
            .expect("listed")
            .clone()
    };
    let restored = pending(a.node_id().to_string());
    assert_eq!(restored.status, MembershipStatus::Pending);
    let earlier = restored
        .earlier_store
        .expect("the restored store is shown as An's");
    assert_eq!(
        (earlier.name.as_str(), earlier.node),
        ("An", old_node.to_string())
    );
    assert_eq!(pending(newcomer.node_id().to_string()).earlier_store, None);
    // Until then a master is sealed for the old node's key: the restored store cannot open it,
    // and the message says what to do.
    let before_approval = world.export(&m, false, t0() + Duration::minutes(2));
    let error = a
        .import_bundles(&[before_approval], false, t0() + Duration::minutes(2))
        .unwrap_err();
    assert_eq!(error.code(), "bundle_not_a_recipient", "{error}");
    assert!(
        error
            .to_string()
            .contains("restored from a backup or moved to another computer, ask a Manager of the Network to approve it"),
        "{error}"
    );
    approve_and_merge(&m, &a, t0() + Duration::minutes(3));
    assert_eq!(
        m.get::<Person>(card).unwrap().unwrap().display_name,
        "Nooit verzonden",
        "what the old node wrote and never sent reached the manager"
    );
    let after_approval = world.export(&m, false, t0() + Duration::minutes(4));
    a.import_bundles(&[after_approval], false, t0() + Duration::minutes(4))
        .expect("the next master opens once the manager has approved the restored store");
}

#[test]
fn an_old_value_the_manager_has_since_replaced_comes_back_without_a_refusal_and_stays_replaced() {
    let mut world = World::new();
    let (m, a, b) = world.manager_an_and_bert();
    let card = a.create(&person("Jan Peeters"), None, t0()).unwrap();
    m.import_bundles(&[world.export(&a, false, t0())], false, t0())
        .unwrap();
    let master = world.export(&m, true, t0() + Duration::minutes(1));
    b.import_bundles(&[master], false, t0() + Duration::minutes(1))
        .unwrap();
    // The manager corrects the name; Bert, who has not had that master, sends everything he holds.
    m.set_fields(
        card,
        &[("display_name".into(), "Jan Peeters-Maes".into())],
        t0() + Duration::minutes(2),
    )
    .unwrap();
    assert!(
        b.get::<Person>(card).unwrap().is_some(),
        "Bert holds An's card"
    );
    let from_b = world.export(&b, true, t0() + Duration::minutes(3));
    let report = m
        .import_bundles(&[from_b], false, t0() + Duration::minutes(3))
        .unwrap();
    assert_eq!(report.refused_total, 0, "{:?}", report.refused);
    assert_eq!(
        m.get::<Person>(card).unwrap().unwrap().display_name,
        "Jan Peeters-Maes"
    );
    assert!(m.conflicts().unwrap().is_empty());
}

#[test]
fn a_networkers_bundle_carrying_a_colleagues_writes_is_refused_as_not_the_signers() {
    let mut world = World::new();
    let (m, a, b) = world.manager_an_and_bert();
    let card = a.create(&person("Van An"), None, t0()).unwrap();
    let (_, records) = a
        .open_bundle(&world.export_plain(&a, true, t0()))
        .unwrap()
        .read_all()
        .unwrap();
    let relayed: Vec<_> = records.into_iter().filter(|r| r.id == card.0).collect();
    assert_eq!(relayed.len(), 1);
    // Bert signs a bundle of his own that carries An's card, her stamps untouched.
    let template = world.export_plain(&b, true, t0());
    let (header, _) = b.open_bundle(&template).unwrap().read_all().unwrap();
    let forged = world.path("bert-relays-an.kring");
    bundle::write_bundle(&forged, header, relayed, &b.signing_key().unwrap()).unwrap();
    let report = m
        .import_bundles(&[forged], false, t0() + Duration::minutes(1))
        .unwrap();
    assert!(
        m.get::<Person>(card).unwrap().is_none(),
        "An's card came only through Bert"
    );
    assert!(report.refused_total > 0);
    assert!(
        report
            .refused
            .iter()
            .all(|r| r.code == kring_core::trust::rights::RefusalCode::NotTheSigner),
        "{:?}",
        report.refused
    );
}

#[test]
fn an_export_offered_as_a_backup_is_refused_as_an_export_in_words_and_changes_nothing() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    a.create(&person("Kept"), None, t0()).unwrap();
    let export = world.export(&a, true, t0());
    let digest = a.digest().unwrap();
    let error = a.restore(&export, t0() + Duration::minutes(1)).unwrap_err();
    assert_eq!(error.code().as_str(), "bundle_is_export", "{error}");
    assert!(
        error.to_string().contains("an export, not a backup"),
        "{error}"
    );
    assert!(
        error
            .message(kring_i18n::Language::Dutch)
            .contains("een export, geen reservekopie"),
        "{}",
        error.message(kring_i18n::Language::Dutch)
    );
    assert_eq!(a.digest().unwrap(), digest, "nothing was restored");
}

#[test]
fn a_card_made_private_after_sharing_is_withdrawn_from_the_other_stores() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &m], t0());
    let id = a
        .create(&person("Jan Peeters"), Some(Visibility::Shared), t0())
        .unwrap();
    m.import_bundles(&[world.export(&a, true, t0())], false, t0())
        .unwrap();
    assert_eq!(m.search("jan", 5).unwrap()[0].id, id);
    a.set_visibility(id, Visibility::Private, t0() + Duration::minutes(1))
        .unwrap();
    let retraction = world.export(&a, true, t0() + Duration::minutes(1));
    let (_, records) = a.open_bundle(&retraction).unwrap().read_all().unwrap();
    let sent = records
        .iter()
        .find(|r| r.id == id.0)
        .expect("the retraction travels");
    assert_eq!(
        sent.fields.keys().collect::<Vec<_>>(),
        vec!["author", "visibility"],
        "only the id, whose it is and the visibility leave"
    );
    m.import_bundles(&[retraction], false, t0() + Duration::minutes(2))
        .unwrap();
    assert!(
        m.search("jan", 5).unwrap().is_empty(),
        "the manager no longer shows it"
    );
    assert!(m
        .list_cards(&Default::default())
        .unwrap()
        .iter()
        .all(|c| c.id != id));
    assert!(
        a.search("jan", 5).unwrap().iter().any(|h| h.id == id),
        "An still sees her own private card"
    );
    a.import_bundles(
        &[world.export(&m, true, t0() + Duration::minutes(3))],
        false,
        t0() + Duration::minutes(3),
    )
    .unwrap();
    assert_eq!(a.digest().unwrap(), m.digest().unwrap());
}

fn log(store: &Store, with: RecordId, at: DateTime<Utc>, summary: &str, visibility: Visibility) {
    store
        .log_interaction(
            &LogRequest {
                with: vec![with],
                kind: InteractionKind::Meeting,
                at: at.fixed_offset(),
                summary: summary.into(),
                outcomes: vec![],
                follow_up: None,
                visibility: Some(visibility),
            },
            at,
        )
        .unwrap();
}

#[test]
fn a_private_meeting_moves_no_shared_date_but_counts_for_its_owner() {
    let mut world = World::new();
    let a = world.store("An", Role::Networker);
    let m = world.store("Mia", Role::Manager);
    common::one_organisation(&[&a, &m], t0());
    let now = t0();
    let an = a.profile().unwrap().unwrap().networker;
    let koen = a
        .create(&person("Koen Maes"), Some(Visibility::Shared), now)
        .unwrap();
    let lies = a
        .create(&person("Lies Peeters"), Some(Visibility::Shared), now)
        .unwrap();
    let sam = a
        .create(&person("Sam Claes"), Some(Visibility::Shared), now)
        .unwrap();
    // A shared relationship with Koen, to be seen every 30 days, last met 60 days ago (shared).
    a.relate(
        koen,
        &RelateRequest {
            strength: Some(4),
            cadence_days: Some(30),
            visibility: Some(Visibility::Shared),
            ..Default::default()
        },
        now,
    )
    .unwrap();
    let sixty_days_ago = now - Duration::days(60);
    log(&a, koen, sixty_days_ago, "Port plans", Visibility::Shared);
    // A private relationship with Sam stays private when a shared meeting is logged with him.
    a.relate(
        sam,
        &RelateRequest {
            strength: Some(3),
            visibility: Some(Visibility::Private),
            ..Default::default()
        },
        now,
    )
    .unwrap();
    // Two days ago a summary meeting with Koen (a summary interaction is not exported at all);
    // yesterday a private meeting with Koen, the first with Lies; a shared one with Sam.
    let yesterday = now - Duration::days(1);
    log(
        &a,
        koen,
        now - Duration::days(2),
        "CANARY-MEETING-4c1",
        Visibility::Summary,
    );
    log(
        &a,
        koen,
        yesterday,
        "CANARY-MEETING-4c2",
        Visibility::Private,
    );
    log(
        &a,
        lies,
        yesterday,
        "CANARY-MEETING-4c3",
        Visibility::Private,
    );
    log(&a, sam, yesterday, "Budget talk", Visibility::Shared);

    let koen_relationship = RecordId::for_relationship(an, koen);
    let lies_relationship = RecordId::for_relationship(an, lies);
    let sam_relationship = RecordId::for_relationship(an, sam);

    // What leaves An's machine: Koen's relationship with the shared date; nothing of Lies's
    // relationship (it began privately) or of Sam's (made private), nor the private meetings.
    let full = world.export(&a, true, now);
    for hidden in [
        "CANARY-MEETING-4c1".to_owned(),
        "CANARY-MEETING-4c2".to_owned(),
        "CANARY-MEETING-4c3".to_owned(),
        lies_relationship.0.to_string(),
        sam_relationship.0.to_string(),
    ] {
        assert!(
            !decompressed_body_contains(&m, &full, &hidden),
            "{hidden} left An's machine"
        );
    }
    assert!(
        decompressed_body_contains(&m, &full, &koen_relationship.0.to_string()),
        "the shared relationship travels (and the check can see ids)"
    );
    m.import_bundles(std::slice::from_ref(&full), false, now)
        .unwrap();
    let at_manager: Relationship = m.get(koen_relationship).unwrap().unwrap();
    assert_eq!(
        at_manager.last_contact,
        Some(sixty_days_ago.fixed_offset()),
        "the manager sees the last shared contact, not the private one"
    );
    assert!(
        m.going_cold(now)
            .unwrap()
            .iter()
            .any(|r| r.id == koen_relationship),
        "for the manager Koen is going cold"
    );
    assert!(m.get::<Relationship>(lies_relationship).unwrap().is_none());
    assert!(m.get::<Relationship>(sam_relationship).unwrap().is_none());

    // On An's own machine the private meeting counts: Koen is not going cold, and the card,
    // the list and the relationship show yesterday.
    let stored: Relationship = a.get(koen_relationship).unwrap().unwrap();
    assert_eq!(stored.last_contact, Some(sixty_days_ago.fixed_offset()));
    assert!(
        a.going_cold(now).unwrap().is_empty(),
        "An met Koen yesterday"
    );
    let detail = a.card_detail(koen, now).unwrap();
    assert_eq!(
        detail.relationships[0].last_contact,
        Some(yesterday.fixed_offset())
    );
    let list = CardList::build(&a, now).unwrap();
    let rows = list
        .query(
            &a,
            &CardQuery {
                text: "koen".into(),
                limit: 10,
                ..CardQuery::default()
            },
        )
        .unwrap()
        .rows;
    assert_eq!(rows[0].last_contact, Some(yesterday.fixed_offset()));
    // Lies's relationship exists for An, private, showing yesterday; its record holds no date
    // of the private meeting, so sharing it later would give none away.
    let lies_detail = a.card_detail(lies, now).unwrap();
    assert_eq!(
        lies_detail.relationships[0].visibility.map(|v| v.as_str()),
        Some("private")
    );
    assert_eq!(
        lies_detail.relationships[0].last_contact,
        Some(yesterday.fixed_offset())
    );
    let lies_record: Relationship = a.get(lies_relationship).unwrap().unwrap();
    assert_eq!((lies_record.last_contact, lies_record.since), (None, None));
    // Sam's is still private, with the shared meeting's date.
    let sam_detail = a.card_detail(sam, now).unwrap();
    assert_eq!(
        sam_detail.relationships[0].visibility.map(|v| v.as_str()),
        Some("private")
    );
    assert_eq!(
        sam_detail.relationships[0].last_contact,
        Some(yesterday.fixed_offset())
    );
    assert_eq!(sam_detail.relationships[0].strength, 3);
}

#[test]
fn a_graph_file_holds_only_what_an_export_would() {
    let world = World::new();
    let a = world.store("An", Role::Networker);
    let now = t0();
    let hidden = a
        .create(&person("CANARY-PERSON-6e1"), Some(Visibility::Private), now)
        .unwrap();
    let summary = a
        .create(
            &Organisation {
                name: "Summary NV".into(),
                sector: Some(Sector::Knowledge),
                ..Organisation::default()
            },
            Some(Visibility::Summary),
            now,
        )
        .unwrap();
    let koen = a
        .create(&person("Koen Maes"), Some(Visibility::Shared), now)
        .unwrap();
    for card in [hidden, summary, koen] {
        a.relate(
            card,
            &RelateRequest {
                strength: Some(3),
                visibility: Some(Visibility::Shared),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    }
    // A private meeting with Koen on 2026-03-25: its date is only on An's machine.
    let private_day = Utc.with_ymd_and_hms(2026, 3, 25, 10, 0, 0).unwrap();
    log(
        &a,
        koen,
        private_day,
        "CANARY-MEETING-6e2",
        Visibility::Private,
    );
    let file_of = |shareable_only: bool| {
        let options = GraphOptions {
            shareable_only,
            ..GraphOptions::default()
        };
        let graph = OrgGraph::from_store(&a, &options, now).unwrap();
        let analysis = Analysis::compute(&graph, &CentralityOptions::default(), 1);
        String::from_utf8(graph.export(&analysis, ExportFormat::GraphMl)).unwrap()
    };
    // On An's own map everything shows (the check can see these strings).
    let on_screen = file_of(false);
    for shown in ["CANARY-PERSON-6e1", "knowledge", "2026-03-25", "Koen Maes"] {
        assert!(on_screen.contains(shown), "{shown} is on An's own map");
    }
    // In a file that may leave the machine: none of it, but Koen and the summary card's name.
    let file = file_of(true);
    for kept_back in ["CANARY-PERSON-6e1", "knowledge", "2026-03-25"] {
        assert!(
            !file.contains(kept_back),
            "{kept_back} is in the graph file"
        );
    }
    assert!(file.contains("Koen Maes") && file.contains("Summary NV"));
}

/// An makes a card after her last backup and hands it to Bert directly, never to the manager;
/// then her laptop fails and she restores the backup. Bert's own bundle may not carry An's
/// writes (the manager refuses them from anyone but An), so before relays the card lived on
/// Bert's laptop only. Bert passes An's signed file on as it is, and the manager takes it from An.
#[test]
fn a_card_handed_to_a_colleague_before_its_writer_restored_a_backup_reaches_the_manager_through_the_colleague(
) {
    let mut world = World::new();
    let (m, a, b) = world.manager_an_and_bert();
    let minutes = |n: i64| t0() + Duration::minutes(n);
    let master = world.export(&m, true, t0());
    b.import_bundles(&[master], false, t0()).unwrap();
    let backup = world.path("an.kring-backup");
    a.backup(&backup, t0()).unwrap();
    let card = a
        .create(&person("Alleen Doorgegeven"), None, minutes(1))
        .unwrap();
    let hand_over = world.export_plain(&a, false, minutes(1));
    let taken = b.import_bundles(&[hand_over], false, minutes(1)).unwrap();
    assert!(taken.held.is_empty(), "{taken:?}");
    assert!(
        b.get::<Person>(card).unwrap().is_some(),
        "Bert took the card in"
    );
    a.restore(&backup, minutes(2)).unwrap();
    assert!(
        a.get::<Person>(card).unwrap().is_none(),
        "gone from An's store"
    );

    let relays = b.relays().unwrap();
    assert_eq!(relays.len(), 1, "Bert keeps An's file to pass on");
    assert_eq!(relays[0].header.author_name, "An");
    let mut files: Vec<PathBuf> = relays.iter().map(|relay| relay.path.clone()).collect();
    files.push(world.export(&b, false, minutes(3)));
    let report = m.import_bundles(&files, false, minutes(3)).unwrap();
    assert_eq!(report.refused_total, 0, "{:?}", report.refused);
    assert_eq!(
        m.get::<Person>(card).unwrap().unwrap().display_name,
        "Alleen Doorgegeven",
        "the card reached the manager, signed by An"
    );
    // Bert passes it on until a master says the manager holds it.
    assert!(b.drop_acknowledged_relays().unwrap().is_empty());
    let master = world.export(&m, false, minutes(4));
    b.import_bundles(&[master], false, minutes(4)).unwrap();
    assert_eq!(b.drop_acknowledged_relays().unwrap().len(), 1);
    assert!(b.relays().unwrap().is_empty());
}

/// A relayed file is An's, signed by An: Bert cannot change what it says. A copy he altered is
/// refused as a whole, and the manager's store is unchanged.
#[test]
fn a_relayed_file_the_colleague_altered_is_refused_and_changes_nothing() {
    let mut world = World::new();
    let (m, a, b) = world.manager_an_and_bert();
    let master = world.export(&m, true, t0());
    b.import_bundles(&[master], false, t0()).unwrap();
    a.create(&person("Jan Peeters"), None, t0()).unwrap();
    let hand_over = world.export_plain(&a, true, t0());
    b.import_bundles(&[hand_over], false, t0()).unwrap();
    let relay = b.relays().unwrap().remove(0);
    let mut bytes = std::fs::read(&relay.path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    let altered = world.path("altered.kring");
    std::fs::write(&altered, &bytes).unwrap();
    let digest = m.digest().unwrap();
    let error = m
        .import_bundles(&[altered], false, t0() + Duration::minutes(1))
        .unwrap_err();
    assert!(
        matches!(
            error.code().as_str(),
            "bundle_hash_mismatch" | "bundle_corrupt" | "bundle_bad_signature" | "bundle_truncated"
        ),
        "{error}"
    );
    assert_eq!(m.digest().unwrap(), digest);
}

/// A manager's store keeps no relays: its masters carry everyone's writes already.
#[test]
fn a_manager_keeps_no_relays_and_a_networker_keeps_none_of_a_master() {
    let mut world = World::new();
    let (m, a, b) = world.manager_an_and_bert();
    a.create(&person("Jan Peeters"), None, t0()).unwrap();
    m.import_bundles(&[world.export(&a, true, t0())], false, t0())
        .unwrap();
    assert!(m.relays().unwrap().is_empty());
    b.import_bundles(&[world.export(&m, true, t0())], false, t0())
        .unwrap();
    assert!(b.relays().unwrap().is_empty());
}

/// A networker sets Kring up on an old laptop and makes cards, then copies the store folder to a
/// new computer (which gives it a new node) and only then joins. The manager approves the store
/// it hears from, and the cards the first node made reach the organisation with it.
#[test]
fn cards_made_on_another_computer_before_joining_reach_the_manager_once_the_store_is_approved() {
    let mut world = World::new();
    let m = world.store("Mia", Role::Manager);
    let old_laptop = world.path("An-oude-laptop");
    let (card, old_node) = {
        let a = common::open_initialised(&old_laptop, "An", Role::Networker, t0());
        let card = a.create(&person("Van De Oude Laptop"), None, t0()).unwrap();
        (card, a.node_id())
    };
    let new_laptop = world.path("An-nieuwe-laptop");
    // sled lets go of a store from a background thread: the folder is copied once it has (the
    // store opens again), and while nothing writes to it.
    let idle = common::open_when_free(&old_laptop);
    common::copy_dir(&old_laptop, &new_laptop);
    drop(idle);
    let a = common::open_when_free(&new_laptop);
    assert_ne!(a.node_id(), old_node, "a copied store takes a new node");
    assert_eq!(a.earlier_nodes().unwrap(), vec![old_node]);
    let invitation = m.invite(Role::Networker, t0()).unwrap();
    a.join(&invitation, t0()).unwrap();
    let export = world.export(&a, true, t0() + Duration::minutes(1));
    let first = m
        .import_bundles(&[export], false, t0() + Duration::minutes(1))
        .unwrap();
    assert_eq!(first.held.len(), 1, "a newcomer waits for approval");
    assert!(m.get::<Person>(card).unwrap().is_none());
    approve_and_merge(&m, &a, t0() + Duration::minutes(2));
    assert_eq!(
        m.get::<Person>(card).unwrap().unwrap().display_name,
        "Van De Oude Laptop"
    );
    // The roster the master carries says so too: An's store takes it back without a refusal.
    let master = world.export(&m, true, t0() + Duration::minutes(3));
    let back = a
        .import_bundles(&[master], false, t0() + Duration::minutes(3))
        .unwrap();
    assert_eq!(back.refused_total, 0, "{:?}", back.refused);
    assert_eq!(a.digest().unwrap(), m.digest().unwrap());
    let plain = world.path("an-plain.kring");
    a.export_bundle_with(&plain, true, true, t0() + Duration::minutes(4))
        .unwrap();
    assert_eq!(
        bundle::open_bundle(&plain).unwrap().format_version(),
        bundle::FORMAT_VERSION,
        "a store that names earlier nodes writes the format that carries them"
    );
}

/// The manager approves `member`'s store and merges the bundle it held, refusing nothing.
fn approve_and_merge(manager: &Store, member: &Store, now: DateTime<Utc>) {
    let (_, merged) = manager
        .approve_and_import(&member.identity().unwrap().node, None, now)
        .unwrap();
    let merged = merged.expect("the held bundle is merged once approved");
    assert_eq!(merged.refused_total, 0, "{:?}", merged.refused);
}

/// The manager enrols `member`'s store again, now naming `earlier` as a node it wrote under
/// before (what an approval of a restored store writes).
fn enrol_claiming(
    manager: &Store,
    member: &Store,
    earlier: kring_core::clock::NodeId,
    now: DateTime<Utc>,
) {
    let mut identity = member.identity().unwrap();
    identity.earlier_nodes = vec![earlier.to_string()];
    manager.enrol(&identity, Role::Networker, now).unwrap();
}

/// The usual restore: a new laptop, Kring set up afresh, and the backup the old one took
/// restored into it, before the networker joined. The backup's node wrote the cards; the fresh
/// store never had it, so the restore names it (from the backup's header) as an earlier node.
#[test]
fn cards_of_a_backup_restored_onto_a_new_laptop_before_joining_reach_the_manager() {
    let mut world = World::new();
    let m = world.store("Mia", Role::Manager);
    let old = world.store("An", Role::Networker);
    let card = old.create(&person("Uit De Back-up"), None, t0()).unwrap();
    let backup = world.path("an.kring-backup");
    old.backup(&backup, t0()).unwrap();
    let old_node = old.node_id();
    drop(old);
    let a = common::open_initialised(&world.path("An-nieuw"), "An", Role::Networker, t0());
    let fresh_node = a.node_id();
    a.restore(&backup, t0() + Duration::minutes(1)).unwrap();
    let earlier = a.earlier_nodes().unwrap();
    assert!(
        earlier.contains(&old_node) && earlier.contains(&fresh_node),
        "{earlier:?} names the backup's node {old_node} and the fresh one {fresh_node}"
    );
    common::enrol(&m, &a, Role::Networker, t0() + Duration::minutes(2));
    let export = world.export(&a, true, t0() + Duration::minutes(3));
    let report = m
        .import_bundles(&[export], false, t0() + Duration::minutes(3))
        .unwrap();
    assert_eq!(report.refused_total, 0, "{:?}", report.refused);
    assert!(m.get::<Person>(card).unwrap().is_some());
}

/// A claim is taken on the claimant's word, so the approving manager drops the ones that would
/// take something from someone else: a node on the roster, a store waiting for approval, or a
/// node another person's store claimed first. (Otherwise Bert could make An's writes under her
/// earlier node nobody's.)
#[test]
fn an_approval_drops_claims_on_colleagues_nodes() {
    let world = World::new();
    let (m, a, b) = world.manager_an_and_bert();
    let cara = world.store("Cara", Role::Networker);
    let waiting = world.store("Wachtend", Role::Networker);
    m.import_bundles(
        &[{
            let path = world.path("waiting.kring");
            waiting.export_bundle_with(&path, true, true, t0()).unwrap();
            path
        }],
        false,
        t0(),
    )
    .unwrap();
    let unclaimed = kring_core::clock::NodeId(0x0a0b_0c0d_0e0f_1011);
    let mut cara_identity = cara.identity().unwrap();
    cara_identity.earlier_nodes = vec![unclaimed.to_string()];
    m.enrol(&cara_identity, Role::Networker, t0()).unwrap();
    // Bert's second store claims An's node, the waiting store's, Cara's earlier node, and one
    // nobody claimed.
    let bert_two = world.store("Bert-2", Role::Networker);
    let mut forged = bert_two.identity().unwrap();
    forged.networker = b.identity().unwrap().networker;
    let own_claim = kring_core::clock::NodeId(0x1111_2222_3333_4444);
    forged.earlier_nodes = vec![
        a.node_id().to_string(),
        waiting.node_id().to_string(),
        unclaimed.to_string(),
        own_claim.to_string(),
    ];
    m.enrol(&forged, Role::Networker, t0()).unwrap();
    let roster = m.roster().unwrap();
    assert_eq!(
        roster.get(bert_two.node_id()).unwrap().earlier_nodes,
        vec![own_claim]
    );
    assert_eq!(roster.writer_entry(unclaimed).unwrap().name, "Cara");
    assert_eq!(roster.writer_entry(a.node_id()).unwrap().name, "An");
    assert_eq!(roster.writer_entry(own_claim).unwrap().name, "Bert-2");
}

/// A stolen laptop taken off the roster cannot write on by stamping its writes with its owner's
/// other, still enrolled, store: what a removed signer signs is refused when stamped after its
/// removal, whichever node the stamp names.
#[test]
fn a_removed_laptop_cannot_write_under_its_owners_other_store() {
    let world = World::new();
    let m = world.store("Mia", Role::Manager);
    let stolen = world.store("An", Role::Networker);
    let second = world.store("An-2", Role::Networker);
    common::enrol(&m, &stolen, Role::Networker, t0());
    let mut second_identity = second.identity().unwrap();
    second_identity.networker = stolen.identity().unwrap().networker;
    m.enrol(&second_identity, Role::Networker, t0()).unwrap();
    let card = stolen.create(&person("Echte Naam"), None, t0()).unwrap();
    let honest = world.path("honest.kring");
    stolen
        .export_bundle_with(&honest, true, true, t0())
        .unwrap();
    m.import_bundles(std::slice::from_ref(&honest), false, t0())
        .unwrap();
    m.remove_member(stolen.node_id(), t0() + Duration::minutes(1))
        .unwrap();
    // The thief writes under the second store's node, after the removal.
    let (header, mut records) = stolen.open_bundle(&honest).unwrap().read_all().unwrap();
    let later = t0() + Duration::minutes(5);
    let under_second = kring_core::clock::Stamp {
        hlc: kring_core::clock::Hlc {
            millis: later.timestamp_millis() as u64,
            counter: 0,
        },
        node: second.node_id(),
    };
    records
        .iter_mut()
        .find(|r| r.id == card.0)
        .expect("the card travels")
        .write("display_name", b"\"Vervalst\"".to_vec(), under_second);
    let forged = world.path("forged.kring");
    bundle::write_bundle(&forged, header, records, &stolen.signing_key().unwrap()).unwrap();
    let report = m.import_bundles(&[forged], false, later).unwrap();
    assert!(
        report
            .refused
            .iter()
            .any(|r| r.field == "display_name" && r.code.as_str() == "removed_member"),
        "{:?}",
        report.refused
    );
    assert_eq!(
        m.get::<Person>(card).unwrap().unwrap().display_name,
        "Echte Naam"
    );
}

/// A networker who restores a backup before joining writes under a new node from then on; the
/// node that wrote their first cards reaches the roster only as one the store names as its own
/// earlier node. Without that the manager refused those cards as not the signer's.
#[test]
fn cards_made_before_a_restore_and_before_joining_reach_the_manager() {
    let mut world = World::new();
    let m = world.store("Mia", Role::Manager);
    let a = world.store("An", Role::Networker);
    let card = a
        .create(&person("Van Voor Het Lidmaatschap"), None, t0())
        .unwrap();
    let backup = world.path("an.kring-backup");
    a.backup(&backup, t0()).unwrap();
    a.restore(&backup, t0() + Duration::minutes(1)).unwrap();
    common::enrol(&m, &a, Role::Networker, t0() + Duration::minutes(2));
    let export = world.export(&a, true, t0() + Duration::minutes(3));
    let report = m
        .import_bundles(&[export], false, t0() + Duration::minutes(3))
        .unwrap();
    assert_eq!(report.refused_total, 0, "{:?}", report.refused);
    assert!(m.get::<Person>(card).unwrap().is_some());
}

/// A header may name any number of earlier nodes up to its size limit; Kring's own stores name
/// at most 64. A newcomer's bundle that names thousands, repeats them and puts the manager's own
/// node among the latest is approved with the latest 64 at most, none of them the manager's, and
/// the manager's writes stay the manager's.
#[test]
fn a_header_naming_thousands_of_earlier_nodes_is_cut_to_the_latest_and_claims_no_member() {
    let world = World::new();
    let m = world.store("Mia", Role::Manager);
    let newcomer = world.store("Nieuw", Role::Networker);
    let card = newcomer
        .create(&person("Nieuwe Kaart"), None, t0())
        .unwrap();
    let honest = world.path("honest.kring");
    newcomer
        .export_bundle_with(&honest, true, true, t0())
        .unwrap();
    let (mut header, records) = newcomer.open_bundle(&honest).unwrap().read_all().unwrap();
    header.author_earlier_nodes = (1..=5_000u64)
        .map(|n| kring_core::clock::NodeId(n % 4_000 + 1))
        .chain([m.node_id()])
        .collect();
    let crafted = world.path("crafted.kring");
    bundle::write_bundle(&crafted, header, records, &newcomer.signing_key().unwrap()).unwrap();
    assert_eq!(
        bundle::open_bundle(&crafted)
            .unwrap()
            .header
            .author_earlier_nodes
            .len(),
        5_001,
        "the file carries the whole list"
    );
    let held = m.import_bundles(&[crafted], false, t0()).unwrap();
    assert_eq!(held.held.len(), 1, "a newcomer waits for approval");
    approve_and_merge(&m, &newcomer, t0() + Duration::minutes(1));

    let roster = m.roster().unwrap();
    let entry = roster
        .get(newcomer.node_id())
        .expect("the newcomer is on the roster");
    // The latest 64 named: the last 63 of the made-up ones and the manager's node, which
    // approval drops (it is on the roster).
    let kept: BTreeSet<u64> = entry.earlier_nodes.iter().map(|node| node.0).collect();
    let latest: BTreeSet<u64> = (4_938..=5_000u64).map(|n| n % 4_000 + 1).collect();
    assert_eq!(kept, latest);
    assert_eq!(entry.earlier_nodes.len(), 63);
    assert_eq!(roster.writer_entry(m.node_id()).unwrap().name, "Mia");
    assert_eq!(
        m.get::<Person>(card).unwrap().unwrap().display_name,
        "Nieuwe Kaart"
    );
}

/// Two managers approve at once: Mia enrols An's restored store, which claims the node An's old
/// laptop wrote under; Mo, not knowing, enrols Bert's store with a claim on the same node. Once
/// the managers exchange masters that node counts for nobody (Mo refuses An's card), and both
/// see the claims contested on the Members screen. Mia drops Bert's claim, and with her next
/// master the node is An's at both and Mo gets the card he refused, though he has sent Mia a
/// delta since.
#[test]
fn a_node_two_managers_let_two_people_claim_counts_for_nobody_until_one_claim_is_dropped() {
    let mut world = World::new();
    let mia = world.store("Mia", Role::Manager);
    let mo = world.store("Mo", Role::Manager);
    common::enrol(&mia, &mo, Role::Manager, t0());
    let mia_card = world.export(&mia, true, t0());
    mo.import_bundles(&[mia_card], false, t0()).unwrap();
    let an = world.store("An", Role::Networker);
    let card = an
        .create(&person("Van De Oude Laptop"), None, t0())
        .unwrap();
    let old_node = an.node_id();
    let backup = world.path("an.kring-backup");
    an.backup(&backup, t0()).unwrap();
    an.restore(&backup, t0() + Duration::minutes(1)).unwrap();
    assert!(an.earlier_nodes().unwrap().contains(&old_node));
    common::enrol(&mia, &an, Role::Networker, t0() + Duration::minutes(2));
    let bert = world.store("Bert", Role::Networker);
    let mut bert_identity = bert.identity().unwrap();
    bert_identity.earlier_nodes = vec![old_node.to_string()];
    mo.enrol(&bert_identity, Role::Networker, t0() + Duration::minutes(2))
        .unwrap();
    let report = mia
        .import_bundles(
            &[world.export(&an, true, t0() + Duration::minutes(3))],
            false,
            t0() + Duration::minutes(3),
        )
        .unwrap();
    assert_eq!(report.refused_total, 0, "{:?}", report.refused);

    let later = t0() + Duration::minutes(4);
    let from_mia = world.export(&mia, true, later);
    let from_mo = world.export(&mo, true, later);
    let at_mo = mo.import_bundles(&[from_mia], false, later).unwrap();
    assert!(
        mo.get::<Person>(card).unwrap().is_none(),
        "at Mo the card came with the contest and was refused: {:?}",
        at_mo.refused
    );
    mia.import_bundles(&[from_mo], false, later).unwrap();
    for manager in [&mia, &mo] {
        assert!(
            manager.roster().unwrap().writer_entry(old_node).is_none(),
            "a node two people claim is nobody's"
        );
        let members = manager.members().unwrap();
        let contested = |name: &str| {
            members
                .iter()
                .find(|member| member.name == name)
                .unwrap()
                .contested_nodes
                .clone()
        };
        assert_eq!(
            contested("An"),
            vec![kring_core::trust::ContestedNode {
                node: old_node.to_string(),
                also_claimed_by: vec!["Bert".into()],
            }]
        );
        assert_eq!(contested("Bert")[0].also_claimed_by, vec!["An".to_string()]);
    }

    // A claim Bert's store does not make, a member not on the roster, a networker's store:
    // refused with words, nothing written.
    let digest = mia.digest().unwrap();
    let bert_node = bert.node_id().to_string();
    let error = mia
        .drop_claim(&bert_node, "0a0b0c0d0e0f1011", later)
        .unwrap_err();
    assert_eq!(error.code().as_str(), "no_such_claim", "{error}");
    let error = mia
        .drop_claim("0a0b0c0d0e0f1011", &old_node.to_string(), later)
        .unwrap_err();
    assert_eq!(error.code().as_str(), "no_such_member", "{error}");
    let error = an
        .drop_claim(&bert_node, &old_node.to_string(), later)
        .unwrap_err();
    assert_eq!(error.code().as_str(), "not_a_manager", "{error}");
    assert_eq!(mia.digest().unwrap(), digest);

    let dropped = t0() + Duration::minutes(5);
    mia.drop_claim(&bert_node, &old_node.to_string(), dropped)
        .unwrap();
    assert_eq!(
        mia.roster().unwrap().writer_entry(old_node).unwrap().name,
        "An"
    );
    assert!(mia
        .members()
        .unwrap()
        .iter()
        .all(|m| m.contested_nodes.is_empty()));
    // Mo has sent Mia a delta since he refused the card.
    let from_mo = world.export(&mo, false, dropped);
    mia.import_bundles(&[from_mo], false, dropped).unwrap();
    mo.import_bundles(&[world.export(&mia, false, dropped)], false, dropped)
        .unwrap();
    let roster = mo.roster().unwrap();
    assert_eq!(roster.writer_entry(old_node).unwrap().name, "An");
    assert!(roster.get(bert.node_id()).unwrap().earlier_nodes.is_empty());
    assert_eq!(
        mo.get::<Person>(card).unwrap().unwrap().display_name,
        "Van De Oude Laptop"
    );
}

/// Deltas stay exact after a restore: the restored store starts from its backup's coverage, and
/// a networker's bundle conveys the coverage of the earlier nodes the manager counts as its. Before,
/// no coverage ever named the old node and every delta each way carried all it wrote (2,001
/// records a delta, every round, for a 2,000-card store).
#[test]
fn after_a_restore_before_joining_deltas_carry_only_what_changed() {
    let world = World::new();
    let m = world.store("Mia", Role::Manager);
    let a = world.store("An", Role::Networker);
    let b = world.store("Bert", Role::Networker);
    common::enrol(&m, &b, Role::Networker, t0());
    for n in 0..60 {
        a.create(&person(&format!("Persoon {n}")), None, t0())
            .unwrap();
    }
    let backup = world.path("an.kring-backup");
    a.backup(&backup, t0()).unwrap();
    a.restore(&backup, t0() + Duration::minutes(1)).unwrap();
    common::enrol(&m, &a, Role::Networker, t0() + Duration::minutes(2));
    // Records in An's delta, Bert's, and the master each round.
    let mut sizes = Vec::new();
    for round in 0..4 {
        let now = t0() + Duration::minutes(3 + round);
        let mut sent = Vec::new();
        let mut files = Vec::new();
        for (who, store) in [("an", &a), ("bert", &b)] {
            let path = world.path(&format!("{who}-{round}.kring"));
            sent.push(store.export_bundle(&path, false, now).unwrap().records);
            files.push(path);
        }
        let report = m.import_bundles(&files, false, now).unwrap();
        assert_eq!(report.refused_total, 0, "{:?}", report.refused);
        let from_mia = world.path(&format!("mia-{round}.kring"));
        sent.push(m.export_bundle(&from_mia, false, now).unwrap().records);
        for store in [&a, &b] {
            store
                .import_bundles(std::slice::from_ref(&from_mia), false, now)
                .unwrap();
        }
        sizes.push(sent);
    }
    assert!(
        sizes[0][0] >= 60,
        "the first delta brings the cards: {sizes:?}"
    );
    assert_eq!(a.digest().unwrap(), m.digest().unwrap());
    assert_eq!(b.digest().unwrap(), m.digest().unwrap());
    for round in &sizes[2..] {
        assert!(
            round.iter().all(|records| *records <= 4),
            "later deltas carry what changed, not the restored cards again: {sizes:?}"
        );
    }
}

/// Only a manager writes a member record, its set of earlier nodes too. Bert, a networker, holds
/// An's member record from the master; his forged file removes An's claim and adds a node of his
/// choosing, both under the stamp of the manager's own add (a stamp the manager holds, on another
/// element or as an add rather than a removal). The manager takes neither: a tag passes unchecked
/// only where she holds that very tag on that very element.
#[test]
fn a_networker_cannot_rewrite_a_members_earlier_nodes_under_a_stamp_the_manager_holds() {
    let world = World::new();
    let (m, a, b) = world.manager_an_and_bert();
    let claimed = kring_core::clock::NodeId(0x0a0b_0c0d_0e0f_1011);
    enrol_claiming(&m, &a, claimed, t0() + Duration::minutes(1));
    let master = world.path("master.kring");
    m.export_bundle(&master, true, t0() + Duration::minutes(1))
        .unwrap();
    b.import_bundles(&[master], false, t0() + Duration::minutes(1))
        .unwrap();

    let member_id = kring_core::model::RecordId::for_member(a.node_id());
    let mut forged = b
        .state(member_id)
        .unwrap()
        .expect("Bert holds An's member record");
    let set = forged.sets.get_mut("earlier_nodes").unwrap();
    let (element, tags) = set
        .elements()
        .next()
        .map(|(e, t)| (e.clone(), t.clone()))
        .unwrap();
    let managers_add = tags.adds[0];
    assert_eq!(managers_add.node, m.node_id());
    assert!(set.remove(&element, managers_add), "An's claim removed");
    set.add(b"\"0b0b0b0b0b0b0b0b\"".to_vec(), managers_add);
    let template = world.path("bert.kring");
    b.export_bundle_with(&template, true, true, t0() + Duration::minutes(2))
        .unwrap();
    let (header, _) = b.open_bundle(&template).unwrap().read_all().unwrap();
    let forged_path = world.path("forged.kring");
    bundle::write_bundle(
        &forged_path,
        header,
        vec![forged],
        &b.signing_key().unwrap(),
    )
    .unwrap();

    // Stamped with her own node, they are not hers (she holds every write of her own): left
    // out as stale, not merged.
    m.import_bundles(&[forged_path], false, t0() + Duration::minutes(2))
        .unwrap();
    let roster = m.roster().unwrap();
    assert_eq!(
        roster.get(a.node_id()).unwrap().earlier_nodes,
        vec![claimed],
        "An's claim stands and nothing was added"
    );
}

/// Dropping a claim of a store taken off the roster keeps it off: the record's status and its
/// stamp, which the removal's time is read from, are not written again.
#[test]
fn dropping_a_removed_stores_claim_keeps_it_removed() {
    let world = World::new();
    let (m, a, _b) = world.manager_an_and_bert();
    let claimed = kring_core::clock::NodeId(0x0a0b_0c0d_0e0f_1011);
    enrol_claiming(&m, &a, claimed, t0() + Duration::minutes(1));
    m.remove_member(a.node_id(), t0() + Duration::minutes(2))
        .unwrap();
    let removed_at = m.roster().unwrap().get(a.node_id()).unwrap().removed_at;
    assert!(removed_at.is_some());
    m.drop_claim(
        &a.node_id().to_string(),
        &claimed.to_string(),
        t0() + Duration::minutes(3),
    )
    .unwrap();
    let roster = m.roster().unwrap();
    let entry = roster.get(a.node_id()).unwrap();
    assert_eq!(entry.removed_at, removed_at);
    assert!(entry.earlier_nodes.is_empty());
    assert!(roster.writer_entry(claimed).is_none());
}
