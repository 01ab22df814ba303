//! The attacks of issue #14, each against the real store and bundle code: what a careless
//! colleague, a forger with write access to the sync folder, or someone holding a copied store
//! folder would try. Each failed before the roster and the rights existed; each is refused now, and
//! the store is left as it was (or only what was allowed is merged).

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::cards::views::RelateRequest;
use kring_core::clock::{Hlc, Stamp};
use kring_core::crdt::RecordState;
use kring_core::manager::Goal;
use kring_core::model::{Person, RecordId, Role, Visibility};
use kring_core::store::{OpenOptions, Store};
use kring_core::sync::bundle;
use kring_core::sync::folder::SyncFolder;
use std::path::{Path, PathBuf};

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap()
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

    fn export(&mut self, store: &Store, now: DateTime<Utc>) -> PathBuf {
        self.files += 1;
        let path = self.dir.path().join(format!("{}.kring", self.files));
        store.export_bundle(&path, true, now).unwrap();
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn person(name: &str) -> Person {
    Person {
        display_name: name.into(),
        ..Person::default()
    }
}

/// An, Bert and Mia in one organisation, each knowing the roster.
fn organisation(world: &mut World) -> (Store, Store, Store) {
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::enrol(&mia, &an, Role::Networker, t0());
    common::enrol(&mia, &bert, Role::Networker, t0());
    let roster = world.export(&mia, t0());
    an.import_bundles(std::slice::from_ref(&roster), false, t0())
        .unwrap();
    bert.import_bundles(&[roster], false, t0()).unwrap();
    (an, bert, mia)
}

/// A bundle that carries `records`, signed by `signer` (its header otherwise as `like`'s).
fn forge(
    world: &World,
    name: &str,
    like: &Store,
    records: Vec<RecordState>,
    signer: &ed25519_dalek::SigningKey,
) -> PathBuf {
    let template = world.path(&format!("{name}.template"));
    like.export_bundle_with(&template, true, true, t0())
        .unwrap();
    let (header, _) = like.open_bundle(&template).unwrap().read_all().unwrap();
    let mut records = records;
    records.sort_by_key(|r| r.id);
    let path = world.path(name);
    bundle::write_bundle(&path, header, records, signer).unwrap();
    path
}

fn stamp(store: &Store, at: DateTime<Utc>) -> Stamp {
    Stamp {
        hlc: Hlc {
            millis: at.timestamp_millis() as u64,
            counter: 0,
        },
        node: store.node_id(),
    }
}

fn text(value: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::Value::String(value.into())).unwrap()
}

#[test]
fn a_manager_cannot_share_a_networkers_summary_card_for_her() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let card = an
        .create(
            &Person {
                job_title: Some("CANARY-TITLE-51".into()),
                emails: vec!["canary51@haven.be".into()],
                ..person("Jan Peeters")
            },
            Some(Visibility::Summary),
            t0(),
        )
        .unwrap();
    mia.import_bundles(&[world.export(&an, t0())], false, t0())
        .unwrap();
    let later = t0() + Duration::hours(1);
    let refused = mia
        .set_fields(card, &[("visibility".into(), "shared".into())], later)
        .unwrap_err();
    assert_eq!(refused.code(), "not_allowed", "{refused}");
    // Even a master written by a manager's own (enrolled) key that says so is refused at An's.
    let mut raise = RecordState::new(card.0, "person");
    let mut seen = mia.state(card).unwrap().unwrap();
    let register = seen.fields.remove("visibility").unwrap();
    raise.fields.insert("visibility".into(), register);
    raise.write("visibility", text("shared"), stamp(&mia, later));
    let forged = forge(
        &world,
        "raise.kring",
        &mia,
        vec![raise],
        &mia.signing_key().unwrap(),
    );
    let report = an.import_bundles(&[forged], false, later).unwrap();
    assert!(
        report
            .refused
            .iter()
            .any(|r| r.code == "visibility_owner_only" && r.record == card),
        "{report:?}"
    );
    assert_eq!(
        kring_core::sync::visibility_of(&an.state(card).unwrap().unwrap()),
        Visibility::Summary
    );
    let next = world.export(&an, later);
    let (_, records) = mia.open_bundle(&next).unwrap().read_all().unwrap();
    assert!(
        !format!("{records:?}").contains("CANARY-TITLE-51"),
        "An's next export still holds the card back"
    );
}

/// The goal "Haven 2030", written by the manager `mia` at `t0`.
fn haven_goal(mia: &Store) -> RecordId {
    mia.create_goal(
        &Goal {
            name: "Haven 2030".into(),
            ..Goal::default()
        },
        None,
        t0(),
    )
    .unwrap()
}

#[test]
fn a_master_from_a_key_not_on_the_roster_is_held_and_changes_nothing() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let goal = haven_goal(&mia);
    let private = an
        .create(
            &person("CANARY-PRIVATE-52"),
            Some(Visibility::Private),
            t0(),
        )
        .unwrap();
    let own = an.require_profile().unwrap().networker;
    an.import_bundles(&[world.export(&mia, t0())], false, t0())
        .unwrap();
    // Mallory can write to the sync folder. She made a store of her own with `kring init --role
    // manager` and writes a master that renames the goal, deletes An's own card, plants a card
    // and shares An's private card.
    let mallory = world.store("Mallory", Role::Manager);
    let later = t0() + Duration::hours(1);
    let mut rename = an.state(goal).unwrap().unwrap();
    rename.write("name", text("Verkocht"), stamp(&mallory, later));
    let mut delete = an.state(own).unwrap().unwrap();
    delete.write("deleted", b"true".to_vec(), stamp(&mallory, later));
    let mut plant = RecordState::new(uuid::Uuid::now_v7(), "person");
    plant.write("display_name", text("Geplant"), stamp(&mallory, later));
    let mut share = RecordState::new(private.0, "person");
    share.write("visibility", text("shared"), stamp(&mallory, later));
    let digest = an.digest().unwrap();
    let forged = forge(
        &world,
        "mallory.kring",
        &mallory,
        vec![rename, delete, plant.clone(), share],
        &mallory.signing_key().unwrap(),
    );
    let report = an.import_bundles(&[forged], false, later).unwrap();
    assert_eq!(report.held.len(), 1, "{report:?}");
    assert!(report.files.is_empty(), "nothing of it was merged");
    assert_eq!(an.digest().unwrap(), digest);
    assert_eq!(an.goal_views(later).unwrap()[0].goal.name, "Haven 2030");
    assert!(an.state(RecordId(plant.id)).unwrap().is_none());
    assert_eq!(
        kring_core::sync::visibility_of(&an.state(private).unwrap().unwrap()),
        Visibility::Private
    );
    // Mallory's plain-command version (her own master) is held at the manager too.
    mallory.create(&person("Ook Geplant"), None, later).unwrap();
    let hers = world.export(&mallory, later);
    let report = mia.import_bundles(&[hers], false, later).unwrap();
    assert_eq!(report.held.len(), 1);
    assert!(mia.search("ook geplant", 1).unwrap().is_empty());
    let pending = mia.pending_members().unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].identity.name, "Mallory");
}

/// The English of the old refusal, which a Dutch networker used to read inside a Dutch sentence.
const GOAL_REFUSAL_ENGLISH: [&str; 6] = [
    "only",
    "Manager of the Network",
    "writes",
    "goal",
    "nothing",
    "changed",
];

#[test]
fn a_networker_writing_a_goal_is_told_why_in_dutch_here_and_the_manager_reads_it_in_dutch_too() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let goal = haven_goal(&mia);
    an.import_bundles(&[world.export(&mia, t0())], false, t0())
        .unwrap();
    let later = t0() + Duration::hours(1);
    let refused = an
        .set_fields(goal, &[("name".into(), "Verkocht".into())], later)
        .unwrap_err();
    let dutch = refused.message(kring_i18n::Language::Dutch);
    assert_eq!(
        dutch,
        "alleen een netwerkmanager schrijft records van de soort doelstelling; er is niets gewijzigd"
    );
    for english in GOAL_REFUSAL_ENGLISH {
        assert!(!dutch.contains(english), "{english:?} in {dutch}");
    }
    assert_eq!(
        refused.to_string(),
        "only a Manager of the Network writes goal records; nothing was changed",
        "English (and logs) read as before"
    );
    // The same write forged into An's bundle is dropped at Mia's and named in her report.
    let mut rename = an.state(goal).unwrap().unwrap();
    rename.write("name", text("Verkocht"), stamp(&an, later));
    let forged = forge(
        &world,
        "an-goal.kring",
        &an,
        vec![rename],
        &an.signing_key().unwrap(),
    );
    let report = mia.import_bundles(&[forged], false, later).unwrap();
    assert_eq!(report.refused.len(), 1, "{:?}", report.refused);
    let write = &report.refused[0];
    assert_eq!(
        write.reason,
        "only a Manager of the Network writes goal records"
    );
    let dutch = write.reason_in(kring_i18n::Language::Dutch);
    assert!(
        dutch.contains("netwerkmanager") && dutch.contains("doelstelling"),
        "{dutch}"
    );
    for english in GOAL_REFUSAL_ENGLISH {
        assert!(!dutch.contains(english), "{english:?} in {dutch}");
    }
    // Scripts read the kind of refusal and its record kind beside the words.
    let json = serde_json::to_value(write).unwrap();
    assert_eq!(json["why"]["code"], "managers_write", "{json}");
    assert_eq!(json["why"]["kind"], "goal", "{json}");
    // The refusal log keeps it, and says it in Dutch when read back.
    let logged = &mia.refusal_log().unwrap()[0].writes[0];
    assert_eq!(logged.reason_in(kring_i18n::Language::Dutch), dutch);
}

#[test]
fn a_networker_editing_a_goal_or_a_colleagues_card_is_refused_here_and_dropped_there() {
    let mut world = World::new();
    let (an, bert, mia) = organisation(&mut world);
    let goal = haven_goal(&mia);
    let berts = bert.create(&person("Els Janssens"), None, t0()).unwrap();
    bert.relate(
        berts,
        &RelateRequest {
            strength: Some(3),
            ..RelateRequest::default()
        },
        t0(),
    )
    .unwrap();
    mia.import_bundles(&[world.export(&bert, t0())], false, t0())
        .unwrap();
    an.import_bundles(&[world.export(&mia, t0())], false, t0())
        .unwrap();
    let later = t0() + Duration::hours(1);
    // On An's own machine: refused, nothing written.
    let error = an
        .set_fields(goal, &[("name".into(), "Verkocht".into())], later)
        .unwrap_err();
    assert_eq!(error.code(), "not_allowed", "{error}");
    let error = an.delete(berts, later).unwrap_err();
    assert_eq!(error.code(), "not_allowed", "{error}");
    // Forged into An's own bundle, signed with An's own key: dropped and named at the manager.
    let mut rename = an.state(goal).unwrap().unwrap();
    rename.write("name", text("Verkocht"), stamp(&an, later));
    let mut tombstone = an.state(berts).unwrap().unwrap();
    tombstone.write("deleted", b"true".to_vec(), stamp(&an, later));
    let relationship = RecordId::for_relationship(bert.require_profile().unwrap().networker, berts);
    let mut weaken = an.state(relationship).unwrap().unwrap();
    weaken.write("strength", b"5".to_vec(), stamp(&an, later));
    let forged = forge(
        &world,
        "an-forged.kring",
        &an,
        vec![rename, tombstone, weaken],
        &an.signing_key().unwrap(),
    );
    let report = mia.import_bundles(&[forged], false, later).unwrap();
    let codes: Vec<&str> = report.refused.iter().map(|r| r.code.as_str()).collect();
    assert!(codes.contains(&"managers_only"), "{codes:?}");
    assert_eq!(
        codes.iter().filter(|c| **c == "owner_only").count(),
        2,
        "{codes:?}"
    );
    assert_eq!(report.refused_total, 3);
    // The store remembers the refusals for whoever asks later (the Members screen).
    let log = mia.refusal_log().unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0].total, 3);
    assert_eq!(log[0].writes, report.refused);
    assert_eq!(log[0].from, vec![report.files[0].author.clone()]);
    assert_eq!(log[0].at, later);
    assert_eq!(mia.goal_views(later).unwrap()[0].goal.name, "Haven 2030");
    assert!(
        mia.get::<Person>(berts).unwrap().is_some(),
        "Bert's card stands"
    );
    assert_eq!(
        mia.get::<kring_core::model::Relationship>(relationship)
            .unwrap()
            .unwrap()
            .strength,
        3,
        "Bert's relationship keeps his own strength"
    );
    // Bert can still edit his own card.
    bert.set_fields(
        berts,
        &[("job_title".into(), "havenkapitein".into())],
        later,
    )
    .unwrap();
}

#[test]
fn a_record_resent_under_another_kind_is_refused_and_the_indexes_stay_right() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let card = an.create(&person("Jan Peeters"), None, t0()).unwrap();
    mia.import_bundles(&[world.export(&an, t0())], false, t0())
        .unwrap();
    let later = t0() + Duration::hours(1);
    let mut other = RecordState::new(card.0, "organisation");
    other.write("name", text("Jan BV"), stamp(&an, later));
    let forged = forge(
        &world,
        "kind.kring",
        &an,
        vec![other],
        &an.signing_key().unwrap(),
    );
    let report = mia.import_bundles(&[forged], false, later).unwrap();
    assert_eq!(report.refused[0].code, "kind_changed", "{report:?}");
    assert_eq!(mia.kind_of(card).unwrap().as_deref(), Some("person"));
    assert!(mia.check(false, later).unwrap().is_clean());
}

#[test]
fn a_bundle_claiming_the_importers_own_node_is_refused() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let template = world.export(&mia, t0());
    let (mut header, records) = mia.open_bundle(&template).unwrap().read_all().unwrap();
    header.author_node = an.node_id();
    let path = world.path("own-node.kring");
    bundle::write_bundle(&path, header, records, &bundle::new_signing_key()).unwrap();
    let digest = an.digest().unwrap();
    let error = an.import_bundles(&[path], false, t0()).unwrap_err();
    assert_eq!(error.code(), "own_bundle", "{error}");
    assert_eq!(an.digest().unwrap(), digest);
}

#[test]
fn the_signing_key_is_not_in_the_database_and_the_store_is_its_owners_alone() {
    let mut world = World::new();
    let (an, _bert, _mia) = organisation(&mut world);
    let secret = an.signing_key().unwrap().to_bytes();
    an.backup_now(t0()).unwrap();
    let mut found_in = Vec::new();
    for entry in walk(an.path()) {
        if entry.ends_with(kring_core::trust::keys::KEY_FILE) {
            continue;
        }
        let bytes = std::fs::read(&entry).unwrap();
        if bytes.windows(32).any(|w| w == secret) {
            found_in.push(entry);
        }
    }
    assert!(found_in.is_empty(), "the key is readable in {found_in:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(an.path()), 0o700, "the store folder");
        assert_eq!(
            mode(&an.path().join(kring_core::trust::keys::KEY_FILE)),
            0o600,
            "the key file"
        );
        for backup in an.backups() {
            assert_eq!(mode(&backup.path), 0o600, "{}", backup.name);
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn restoring_a_crafted_backup_writes_no_trusted_key_pending_approval_or_journal() {
    let mut world = World::new();
    let (an, _bert, _mia) = organisation(&mut world);
    let backup = world.path("an.kring-backup");
    an.backup(&backup, t0()).unwrap();
    let (header, mut records) = bundle::open_bundle(&backup).unwrap().read_all().unwrap();
    let meta = records
        .iter_mut()
        .find(|r| r.kind == "kring.backup_meta")
        .expect("the backup carries its meta record");
    let at = meta.max_stamp().unwrap();
    meta.write(
        "import_journal",
        br#"{"files":["/etc/passwd"],"original_names":[],"started_at_millis":0}"#.to_vec(),
        at,
    );
    let attacker = bundle::new_signing_key();
    let pinned = serde_json::json!({
        "node": "0000000000000001",
        "name": "Mallory",
        "email": "mallory@example.com",
        "networker": null,
        "role": "manager",
        "signing_key": attacker
            .verifying_key()
            .to_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
        "encryption_key": "",
        "fingerprint": "",
    });
    meta.write(
        "trust/pinned/0000000000000001",
        serde_json::to_vec(&pinned).unwrap(),
        at,
    );
    let crafted = world.path("crafted.kring-backup");
    bundle::write_bundle(&crafted, header, records, &an.signing_key().unwrap()).unwrap();
    an.restore(&crafted, t0() + Duration::minutes(1)).unwrap();
    let reopened_path = an.path().to_owned();
    drop(an);
    let reopened = (0..100)
        .find_map(|_| {
            Store::open(&reopened_path, &OpenOptions::default())
                .ok()
                .or_else(|| {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    None
                })
        })
        .expect("the restored store opens: no journal was planted to roll forward");
    assert!(reopened.pending_members().unwrap().is_empty());
    assert!(
        reopened
            .roster()
            .unwrap()
            .get(kring_core::clock::NodeId(1))
            .is_none(),
        "no pinned key was planted"
    );
}

#[test]
fn links_and_fifos_with_a_bundles_name_in_the_sync_folder_are_ignored_unopened() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let share = world.path("share");
    std::fs::create_dir_all(&share).unwrap();
    let folder = SyncFolder::new(&share);
    folder.sync_once(&an, t0()).unwrap();
    let networkers = share.join("kring-sync/networkers");
    let theirs = std::fs::read_dir(&networkers)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    #[cfg(unix)]
    {
        let secret = world.path("elsewhere.kring");
        std::fs::write(&secret, b"not for Kring to read").unwrap();
        std::os::unix::fs::symlink(&secret, theirs.join("20990101T000000.000Z.kring")).unwrap();
        let fifo = theirs.join("20990101T000001.000Z.kring");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(status.is_ok_and(|s| s.success()), "mkfifo makes a FIFO");
    }
    // A pass that opened the FIFO would block here for ever; one that followed the link would
    // report the file it points to as a bad bundle.
    let report = folder.sync_once(&mia, t0()).unwrap();
    assert_eq!(report.imported.len(), 1, "{report:?}");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
}

#[test]
fn two_networkers_and_a_manager_enrol_sync_through_a_folder_and_converge() {
    let world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    let share = world.path("share");
    std::fs::create_dir_all(&share).unwrap();
    let folder = SyncFolder::new(&share);
    let mut now = t0();
    for networker in [&an, &bert] {
        let invitation = mia.invite(Role::Networker, now).unwrap();
        networker.join(&invitation, now).unwrap();
    }
    an.create(&person("Jan Peeters"), None, now).unwrap();
    bert.create(&person("Els Janssens"), None, now).unwrap();
    for store in [&an, &bert, &mia] {
        folder.sync_once(store, now).unwrap();
    }
    // Both wait for the manager's approval: nothing of theirs is merged yet.
    let pending = mia.pending_members().unwrap();
    assert_eq!(pending.len(), 2);
    assert!(mia.search("jan", 1).unwrap().is_empty());
    for waiting in pending {
        mia.approve(&waiting.identity.fingerprint, None, now)
            .unwrap();
    }
    for _ in 0..3 {
        now += Duration::hours(1);
        for store in [&mia, &an, &bert] {
            folder.sync_once(store, now).unwrap();
        }
    }
    let digest = mia.digest().unwrap();
    assert_eq!(an.digest().unwrap(), digest);
    assert_eq!(bert.digest().unwrap(), digest);
    assert_eq!(
        an.search("els", 1).unwrap().len(),
        1,
        "Bert's card reached An"
    );
    // The networkers' files are sealed (they joined before their first export), and so is the
    // manager's newest master (its first, before anyone was enrolled, had no one to seal it to).
    let mut masters: Vec<PathBuf> = Vec::new();
    for entry in walk(&share) {
        if entry.extension().is_none_or(|e| e != "kring") {
            continue;
        }
        if entry.to_string_lossy().contains("/networkers/") {
            assert!(bundle::is_sealed(&entry), "{}", entry.display());
        } else {
            masters.push(entry);
        }
    }
    masters.sort();
    assert!(bundle::is_sealed(masters.last().expect("a master")));
}

#[test]
fn a_value_of_the_wrong_type_is_refused_at_import_and_never_reaches_the_analytics() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let card = an.create(&person("Jan Peeters"), None, t0()).unwrap();
    mia.import_bundles(&[world.export(&an, t0())], false, t0())
        .unwrap();
    let later = t0() + Duration::hours(1);
    let mut poisoned = an.state(card).unwrap().unwrap();
    poisoned.write("display_name", b"42".to_vec(), stamp(&an, later));
    let mut planted = RecordState::new(uuid::Uuid::now_v7(), "person");
    planted.write("display_name", b"{\"x\":1}".to_vec(), stamp(&an, later));
    planted.write(
        "author",
        text(&an.require_profile().unwrap().networker.to_string()),
        stamp(&an, later),
    );
    let forged = forge(
        &world,
        "poisoned.kring",
        &an,
        vec![poisoned, planted.clone()],
        &an.signing_key().unwrap(),
    );
    let report = mia.import_bundles(&[forged], false, later).unwrap();
    let invalid: Vec<_> = report
        .refused
        .iter()
        .filter(|r| r.code == "invalid_value")
        .collect();
    assert_eq!(invalid.len(), 2, "{report:?}");
    assert!(
        invalid[0].reason.contains("display_name"),
        "{}",
        invalid[0].reason
    );
    assert_eq!(
        mia.get::<Person>(card).unwrap().unwrap().display_name,
        "Jan Peeters"
    );
    assert!(mia.check(false, later).unwrap().is_clean());
    let graph = kring_core::graph::OrgGraph::from_store(
        &mia,
        &kring_core::graph::GraphOptions::default(),
        later,
    );
    assert!(graph.is_ok(), "the analytics still run");
}

#[test]
fn notes_meetings_follow_ups_and_relationships_on_a_private_card_are_private_unless_chosen() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let secret = an
        .create(
            &person("CANARY-PRIVATE-61"),
            Some(Visibility::Private),
            t0(),
        )
        .unwrap();
    let note = an.add_note(secret, "CANARY-NOTE-61", None, t0()).unwrap();
    let logged = an
        .log_interaction(
            &kring_core::cards::views::LogRequest {
                with: vec![secret],
                kind: kring_core::model::InteractionKind::Meeting,
                at: t0().fixed_offset(),
                summary: "CANARY-MEETING-61".into(),
                outcomes: vec![],
                follow_up: Some(("CANARY-TODO-61".into(), t0().date_naive())),
                visibility: None,
            },
            t0(),
        )
        .unwrap();
    let relationship = an.relate(secret, &RelateRequest::default(), t0()).unwrap();
    let visibility =
        |id: RecordId| kring_core::sync::visibility_of(&an.state(id).unwrap().unwrap());
    for id in [
        note,
        logged.interaction,
        logged.follow_up.unwrap(),
        relationship,
    ] {
        assert_eq!(visibility(id), Visibility::Private, "{id}");
    }
    // A visibility the person chose is taken as it is.
    let chosen = an
        .add_note(secret, "Gedeeld op verzoek", Some(Visibility::Shared), t0())
        .unwrap();
    assert_eq!(visibility(chosen), Visibility::Shared);
    let file = world.export(&an, t0());
    let (_, records) = mia.open_bundle(&file).unwrap().read_all().unwrap();
    let text = format!("{records:?}");
    for canary in ["CANARY-NOTE-61", "CANARY-MEETING-61", "CANARY-TODO-61"] {
        assert!(!text.contains(canary), "{canary} left An's machine");
    }
    assert!(
        !text.contains(&secret.to_string()) && !text.contains(&chosen.to_string()),
        "not even the private card's id, in a note she shared about it"
    );
}

#[test]
fn a_shared_meeting_leaves_without_a_private_participant_and_is_sent_again_once_the_card_is_shared()
{
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&mut world);
    let known = an.create(&person("Els Janssens"), None, t0()).unwrap();
    let secret = an
        .create(&person("Koen Maes"), Some(Visibility::Private), t0())
        .unwrap();
    let meeting = an
        .log_interaction(
            &kring_core::cards::views::LogRequest {
                with: vec![known, secret],
                kind: kring_core::model::InteractionKind::Meeting,
                at: t0().fixed_offset(),
                summary: "Overleg over de haven".into(),
                outcomes: vec![],
                follow_up: None,
                visibility: Some(Visibility::Shared),
            },
            t0(),
        )
        .unwrap()
        .interaction;
    for _ in 0..2 {
        mia.import_bundles(&[world.export(&an, t0())], false, t0())
            .unwrap();
        an.import_bundles(&[world.export(&mia, t0())], false, t0())
            .unwrap();
    }
    let participants = |store: &Store| -> Vec<RecordId> {
        store
            .get::<kring_core::model::Interaction>(meeting)
            .unwrap()
            .unwrap()
            .participants
    };
    assert!(
        !participants(&mia).contains(&secret),
        "the private card's id stays home"
    );
    assert!(participants(&mia).contains(&known));
    assert_eq!(
        an.digest().unwrap(),
        mia.digest().unwrap(),
        "both agree on what is shared"
    );
    // An shares Koen's card: the next delta carries the meeting again, with him in it.
    let later = t0() + Duration::hours(1);
    an.set_visibility(secret, Visibility::Shared, later)
        .unwrap();
    let delta = world.path("after-sharing.kring");
    an.export_bundle(&delta, false, later).unwrap();
    let (_, records) = mia.open_bundle(&delta).unwrap().read_all().unwrap();
    assert!(
        records.iter().any(|r| r.id == meeting.0),
        "the meeting is in the delta"
    );
    mia.import_bundles(&[delta], false, later).unwrap();
    assert!(participants(&mia).contains(&secret));
    assert_eq!(an.digest().unwrap(), mia.digest().unwrap());
}

/// A networker's full export, readable by a colleague (as replicas hand files to each other).
fn plain_export(world: &mut World, store: &Store, now: DateTime<Utc>) -> PathBuf {
    world.files += 1;
    let path = world.dir.path().join(format!("{}.kring", world.files));
    store.export_bundle_with(&path, true, true, now).unwrap();
    path
}

#[test]
fn a_card_relayed_by_a_colleague_is_neither_made_empty_nor_deletable_before_its_author_arrives() {
    let mut world = World::new();
    let (an, bert, mia) = organisation(&mut world);
    let jan = mia
        .create(&person("Jan Peeters"), Some(Visibility::Shared), t0())
        .unwrap();
    let master = world.export(&mia, t0() + Duration::minutes(1));
    an.import_bundles(
        std::slice::from_ref(&master),
        false,
        t0() + Duration::minutes(1),
    )
    .unwrap();

    // An's export relays nothing of Mia's: Bert gets no card at all, not an empty one.
    let relayed = plain_export(&mut world, &an, t0() + Duration::minutes(2));
    let report = bert
        .import_bundles(&[relayed], false, t0() + Duration::minutes(2))
        .unwrap();
    assert!(
        report.refused_total > 0,
        "Mia's writes in An's file are refused"
    );
    assert!(
        bert.state(jan).unwrap().is_none(),
        "no empty card is made of a record whose every write was refused"
    );

    // An renames it: Bert now holds An's write alone, without the author. Neither delete nor
    // visibility may pass here, since Mia's store (which knows the author) would refuse them.
    an.set_fields(
        jan,
        &[("display_name".into(), "Jan Peeters-Claes".into())],
        t0() + Duration::minutes(3),
    )
    .unwrap();
    let renamed = plain_export(&mut world, &an, t0() + Duration::minutes(4));
    bert.import_bundles(&[renamed], false, t0() + Duration::minutes(4))
        .unwrap();
    assert!(bert.state(jan).unwrap().is_some(), "An's own write arrived");
    let refused = bert.delete(jan, t0() + Duration::minutes(5));
    assert!(
        matches!(
            refused,
            Err(kring_core::store::StoreError::NotAllowed { .. })
        ),
        "deleting a card whose author is not known here is refused: {refused:?}"
    );

    // Once Mia's writes arrive, the stores agree.
    let bert_export = plain_export(&mut world, &bert, t0() + Duration::minutes(6));
    bert.import_bundles(&[master], false, t0() + Duration::minutes(6))
        .unwrap();
    mia.import_bundles(&[bert_export], false, t0() + Duration::minutes(6))
        .unwrap();
    let name = |store: &Store| {
        store
            .state(jan)
            .unwrap()
            .and_then(|s| s.fields.get("display_name").map(|r| r.versions().len()))
    };
    assert_eq!(name(&bert), Some(1), "Bert has the card, with one name");
    assert!(
        bert.live_state(jan).unwrap().is_some(),
        "and it is not deleted"
    );
}

#[test]
fn a_held_copy_cut_short_is_set_aside_and_the_approval_merges_the_others() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    an.create(&person("Jan Peeters"), None, t0()).unwrap();
    let first = world.export(&an, t0());
    an.create(&person("Els Janssens"), None, t0() + Duration::minutes(5))
        .unwrap();
    let second = world.export(&an, t0() + Duration::minutes(5));
    for file in [&first, &second] {
        let report = mia
            .import_bundles(std::slice::from_ref(file), false, t0())
            .unwrap();
        assert_eq!(report.held.len(), 1, "An is not on Mia's roster yet");
    }
    let waiting = mia.pending_members().unwrap().remove(0);
    assert_eq!(waiting.held_files.len(), 2);
    // The older held copy is cut short (a disk that filled, a half-synced folder).
    let copy = waiting
        .held_files
        .iter()
        .find(|held| std::fs::read(held).unwrap() == std::fs::read(&first).unwrap())
        .unwrap()
        .clone();
    let bytes = std::fs::read(&copy).unwrap();
    std::fs::write(&copy, &bytes[..bytes.len() - 40]).unwrap();
    let error = mia
        .approve_and_import(&waiting.identity.fingerprint, None, t0())
        .unwrap_err();
    let said = error.to_string();
    assert!(said.contains(&*copy.to_string_lossy()), "{said}");
    assert!(
        said.contains("set aside") && said.contains("1 other held bundle was merged"),
        "{said}"
    );
    // The other copy was merged, the one that never can is gone, from the list and the disk: no
    // approval is left stuck on it, and An is not listed as waiting as well.
    let names = |query: &str| -> Vec<String> {
        mia.search(query, 5)
            .unwrap()
            .into_iter()
            .map(|hit| hit.name)
            .collect()
    };
    assert!(names("els").contains(&"Els Janssens".to_owned()));
    assert!(
        names("peeters").contains(&"Jan Peeters".to_owned()),
        "the later export has Jan too"
    );
    assert!(mia.pending_members().unwrap().is_empty());
    assert!(waiting.held_files.iter().all(|held| !held.exists()));
    let members = mia.members().unwrap();
    assert_eq!(
        members.iter().filter(|m| m.name == "An").count(),
        1,
        "{members:?}"
    );
}
