//! Opening a card reads the networkers' names and the identity groups from values the store
//! keeps between calls (issue 17: reading all of them made every card open four times slower).
//! Each test opens a card first, so those values are kept, then changes what they were read
//! from — a networker renamed, added, deleted, leaving, changed by an import; a same-as
//! statement made, undone, a card of it deleted or forgotten; a write refused — and asserts that
//! the very next card opened (or `identity_groups`) shows the change, or, for the refused write,
//! shows nothing changed.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kring_core::model::*;
use kring_core::store::Store;
use std::path::Path;

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn open(path: &Path, name: &str, role: Role) -> Store {
    common::open_initialised(path, name, role, t0())
}

fn networker(store: &Store, name: &str, unit: &str) -> RecordId {
    store
        .create(
            &Networker {
                name: name.into(),
                unit: Some(unit.into()),
                status: Some(NetworkerStatus::Active),
                ..Networker::default()
            },
            None,
            t0(),
        )
        .unwrap()
}

fn person(store: &Store, name: &str) -> RecordId {
    store
        .create(
            &Person {
                display_name: name.into(),
                ..Person::default()
            },
            None,
            t0(),
        )
        .unwrap()
}

fn relationship(networker: RecordId, stakeholder: RecordId) -> Relationship {
    Relationship {
        networker,
        stakeholder,
        strength: 3,
        trust: None,
        given: vec![],
        received: vec![],
        since: Some(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
        cadence_days: None,
        status: Some(RelationshipStatus::Active),
        last_contact: None,
    }
}

fn relate(store: &Store, networker: RecordId, stakeholder: RecordId) {
    store
        .create_with_id(
            RecordId::for_relationship(networker, stakeholder),
            &relationship(networker, stakeholder),
            None,
            t0(),
        )
        .unwrap();
}

/// The colleagues a stakeholder's card lists, by the names it shows them under, sorted.
fn colleagues_named(store: &Store, card: RecordId) -> Vec<String> {
    let mut names: Vec<String> = store
        .card_detail(card, t0())
        .unwrap()
        .acquaintances
        .into_iter()
        .map(|a| a.name)
        .collect();
    names.sort();
    names
}

/// The stakeholders a networker's card lists, by id (each identity group once), sorted.
fn stakeholders_known(store: &Store, networker: RecordId) -> Vec<RecordId> {
    let mut ids: Vec<RecordId> = store
        .card_detail(networker, t0())
        .unwrap()
        .acquaintances
        .into_iter()
        .map(|a| a.id)
        .collect();
    ids.sort();
    ids
}

/// A manager's store in which Chris (Haven) knows Jan Peeters.
struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    chris: RecordId,
    jan: RecordId,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir.path().join("manager"), "Mia", Role::Manager);
    let chris = networker(&store, "Chris", "Haven");
    let jan = person(&store, "Jan Peeters");
    relate(&store, chris, jan);
    Fixture {
        _dir: dir,
        store,
        chris,
        jan,
    }
}

#[test]
fn a_networker_renamed_is_shown_under_the_new_name_on_the_very_next_card_opened() {
    let f = fixture();
    assert_eq!(colleagues_named(&f.store, f.jan), ["Chris"]);
    let mut chris: Networker = f.store.get(f.chris).unwrap().unwrap();
    chris.name = "Christophe".into();
    f.store.update(f.chris, &chris, t0()).unwrap();
    assert_eq!(colleagues_named(&f.store, f.jan), ["Christophe"]);
}

#[test]
fn a_new_networker_of_the_same_name_gives_both_their_unit_on_the_very_next_card_opened() {
    let f = fixture();
    assert_eq!(colleagues_named(&f.store, f.jan), ["Chris"]);
    let other = networker(&f.store, "Chris", "Economie");
    assert_eq!(colleagues_named(&f.store, f.jan), ["Chris (Haven)"]);
    relate(&f.store, other, f.jan);
    assert_eq!(
        colleagues_named(&f.store, f.jan),
        ["Chris (Economie)", "Chris (Haven)"]
    );
}

#[test]
fn a_deleted_networker_no_longer_changes_a_namesakes_label_on_the_very_next_card_opened() {
    let f = fixture();
    let other = networker(&f.store, "Chris", "Economie");
    assert_eq!(colleagues_named(&f.store, f.jan), ["Chris (Haven)"]);
    f.store.delete(other, t0()).unwrap();
    assert_eq!(colleagues_named(&f.store, f.jan), ["Chris"]);
}

#[test]
fn a_networker_who_leaves_no_longer_knows_anyone_on_the_very_next_card_opened() {
    let f = fixture();
    assert_eq!(colleagues_named(&f.store, f.jan), ["Chris"]);
    let mut chris: Networker = f.store.get(f.chris).unwrap().unwrap();
    chris.status = Some(NetworkerStatus::Left);
    f.store.update(f.chris, &chris, t0()).unwrap();
    assert!(colleagues_named(&f.store, f.jan).is_empty());
}

#[test]
fn a_networker_renamed_in_an_imported_export_is_shown_under_the_new_name_on_the_very_next_card_opened(
) {
    let dir = tempfile::tempdir().unwrap();
    let manager = open(&dir.path().join("manager"), "Mia", Role::Manager);
    let lies = open(&dir.path().join("lies"), "Lies", Role::Networker);
    common::enrol(&manager, &lies, Role::Networker, t0());
    let lies_id = lies.require_profile().unwrap().networker;
    let jan = lies
        .create(
            &Person {
                display_name: "Jan Peeters".into(),
                ..Person::default()
            },
            Some(Visibility::Shared),
            t0(),
        )
        .unwrap();
    lies.create_with_id(
        RecordId::for_relationship(lies_id, jan),
        &relationship(lies_id, jan),
        Some(Visibility::Shared),
        t0(),
    )
    .unwrap();
    let send = |file: &str, now: DateTime<Utc>| {
        let path = dir.path().join(file);
        lies.export_bundle(&path, true, now).unwrap();
        manager.import_bundles(&[path], false, now).unwrap();
    };
    send("first.kring", t0());
    assert_eq!(colleagues_named(&manager, jan), ["Lies"]);

    let later = t0() + Duration::hours(1);
    let mut me: Networker = lies.get(lies_id).unwrap().unwrap();
    me.name = "Lies Peeters".into();
    lies.update(lies_id, &me, later).unwrap();
    send("second.kring", later);
    assert_eq!(colleagues_named(&manager, jan), ["Lies Peeters"]);
}

#[test]
fn a_rename_the_store_refuses_leaves_the_name_shown_and_the_next_rename_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let manager = open(&dir.path().join("manager"), "Mia", Role::Manager);
    let lies = open(&dir.path().join("lies"), "Lies", Role::Networker);
    common::enrol(&manager, &lies, Role::Networker, t0());
    let chris = networker(&manager, "Chris", "Haven");
    let jan = lies
        .create(
            &Person {
                display_name: "Jan Peeters".into(),
                ..Person::default()
            },
            Some(Visibility::Shared),
            t0(),
        )
        .unwrap();
    lies.export_bundle(&dir.path().join("jan.kring"), true, t0())
        .unwrap();
    manager
        .import_bundles(&[dir.path().join("jan.kring")], false, t0())
        .unwrap();
    relate(&manager, chris, jan);
    manager
        .export_bundle(&dir.path().join("master.kring"), true, t0())
        .unwrap();
    lies.import_bundles(&[dir.path().join("master.kring")], false, t0())
        .unwrap();
    assert_eq!(colleagues_named(&lies, jan), ["Chris"]);

    // A networker may not rename a colleague: the rights check refuses the commit, which
    // writes nothing, and the name kept for the next card is still the one in the store.
    let mut renamed: Networker = lies.get(chris).unwrap().unwrap();
    renamed.name = "Christophe".into();
    assert!(lies.update(chris, &renamed, t0()).is_err());
    assert_eq!(colleagues_named(&lies, jan), ["Chris"]);

    manager.update(chris, &renamed, t0()).unwrap();
    manager
        .export_bundle(&dir.path().join("master-2.kring"), true, t0())
        .unwrap();
    lies.import_bundles(&[dir.path().join("master-2.kring")], false, t0())
        .unwrap();
    assert_eq!(colleagues_named(&lies, jan), ["Christophe"]);
}

#[test]
fn a_same_as_statement_made_undone_and_made_again_is_seen_by_the_very_next_card_opened() {
    let f = fixture();
    let johannes = person(&f.store, "Johannes Peeters");
    relate(&f.store, f.chris, johannes);
    let (low, high) = if f.jan < johannes {
        (f.jan, johannes)
    } else {
        (johannes, f.jan)
    };
    assert_eq!(stakeholders_known(&f.store, f.chris), [low, high]);

    f.store
        .declare_same_as(f.jan, johannes, true, t0())
        .unwrap();
    assert_eq!(stakeholders_known(&f.store, f.chris), [low]);
    assert_eq!(f.store.identity_groups().unwrap().canonical(high), low);

    f.store
        .declare_same_as(f.jan, johannes, false, t0())
        .unwrap();
    assert_eq!(stakeholders_known(&f.store, f.chris), [low, high]);
    assert_eq!(f.store.identity_groups().unwrap().canonical(high), high);

    f.store
        .declare_same_as(f.jan, johannes, true, t0())
        .unwrap();
    assert_eq!(stakeholders_known(&f.store, f.chris), [low]);
}

#[test]
fn a_card_of_an_identity_group_deleted_is_seen_by_the_very_next_call() {
    let f = fixture();
    let johannes = person(&f.store, "Johannes Peeters");
    f.store
        .declare_same_as(f.jan, johannes, true, t0())
        .unwrap();
    assert_eq!(f.store.identity_groups().unwrap().groups().count(), 1);
    stakeholders_known(&f.store, f.chris);

    // A statement counts only while both its cards exist.
    f.store.delete(johannes, t0()).unwrap();
    assert_eq!(f.store.identity_groups().unwrap().groups().count(), 0);
    assert_eq!(stakeholders_known(&f.store, f.chris), [f.jan]);
}

#[test]
fn a_forgotten_person_leaves_the_identity_groups_on_the_very_next_call() {
    let f = fixture();
    let johannes = person(&f.store, "Johannes Peeters");
    let other = person(&f.store, "Els Janssens");
    let els = person(&f.store, "Els Janssens-Maes");
    f.store
        .declare_same_as(f.jan, johannes, true, t0())
        .unwrap();
    f.store.declare_same_as(other, els, true, t0()).unwrap();
    assert_eq!(f.store.identity_groups().unwrap().groups().count(), 2);
    assert_eq!(stakeholders_known(&f.store, f.chris).len(), 1);

    f.store
        .forget(johannes, "AVG-2026-017", t0() + Duration::minutes(1))
        .unwrap();
    let groups = f.store.identity_groups().unwrap();
    assert_eq!(groups.groups().count(), 1);
    assert_eq!(groups.members(f.jan), [f.jan]);
    assert!(stakeholders_known(&f.store, f.chris).is_empty());
}

#[test]
fn an_event_attended_is_a_contact_on_the_very_next_card_opened() {
    let f = fixture();
    let els = person(&f.store, "Els Janssens");
    f.store
        .create_with_id(
            RecordId::for_relationship(f.chris, els),
            &Relationship {
                cadence_days: Some(30),
                ..relationship(f.chris, els)
            },
            None,
            t0(),
        )
        .unwrap();
    let going_cold = |store: &Store| {
        let detail = store.card_detail(els, t0()).unwrap();
        (
            detail.relationships[0].going_cold,
            detail.relationships[0].last_contact,
        )
    };
    assert_eq!(going_cold(&f.store), (true, None));

    let at = (t0() - Duration::days(2)).fixed_offset();
    f.store
        .create_event(
            &kring_core::model::manager::Event {
                name: "Havendag".into(),
                kind: kring_core::model::manager::EventKind::Conference,
                at,
                location: None,
                invited: vec![f.chris, els],
                attending: vec![f.chris, els],
                outcomes: vec![],
                notes: None,
            },
            None,
            t0(),
        )
        .unwrap();
    assert_eq!(going_cold(&f.store), (false, Some(at)));
}
