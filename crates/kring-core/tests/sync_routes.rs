//! The routes colleagues really sync by — delta exports through the manager, a newcomer joining
//! late, a skipped master, a bundle handed over directly, visibility changing in between — each
//! worked out by hand. Every test here failed before deltas were planned from an exact causal
//! context and before writes touched only what changed (issue #21).

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::cards::views::{LogRequest, RelateRequest};
use kring_core::model::{Person, RecordId, Relationship, Role, Visibility};
use kring_core::store::Store;
use kring_core::sync::folder::{FolderOptions, SyncFolder};
use kring_i18n::Language;
use std::path::PathBuf;

mod common;
use common::{enrol, one_organisation};

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

    /// An, a networker, and Mia, her Manager of the Network, in one organisation.
    fn networker_and_manager() -> (World, Store, Store) {
        let world = World::new();
        let an = world.store("An", Role::Networker);
        let mia = world.store("Mia", Role::Manager);
        one_organisation(&[&an, &mia], t0());
        (world, an, mia)
    }

    /// A delta export (a full one when nothing is acknowledged yet), as `kring export` writes.
    fn delta(&mut self, store: &Store, now: DateTime<Utc>) -> PathBuf {
        self.export(store, false, now)
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
}

fn person(name: &str) -> Person {
    Person {
        display_name: name.into(),
        ..Person::default()
    }
}

fn import(store: &Store, file: &PathBuf, now: DateTime<Utc>) {
    store
        .import_bundles(std::slice::from_ref(file), false, now)
        .unwrap();
}

fn has_card(store: &Store, id: RecordId) -> bool {
    store.get::<Person>(id).unwrap().is_some()
}

#[test]
fn a_newcomer_who_imports_the_current_delta_master_gets_every_older_card_within_two_rounds() {
    let (mut world, an, mia) = World::networker_and_manager();
    let mut now = t0();
    let older: Vec<RecordId> = (0..3)
        .map(|n| an.create(&person(&format!("Oud {n}")), None, now).unwrap())
        .collect();
    // An and Mia sync twice, so that both send deltas from then on.
    for _ in 0..2 {
        now += Duration::hours(1);
        import(&mia, &world.delta(&an, now), now);
        import(&an, &world.delta(&mia, now), now);
    }
    now += Duration::hours(1);
    let newer = an.create(&person("Nieuw"), None, now).unwrap();
    import(&mia, &world.delta(&an, now), now);
    // Lies joins (the manager approves her) and, as the README says, imports the current
    // master: a delta.
    let lies = world.store("Lies", Role::Networker);
    enrol(&mia, &lies, Role::Networker, now);
    let master = world.delta(&mia, now);
    import(&lies, &master, now);
    for _ in 0..2 {
        now += Duration::hours(1);
        import(&mia, &world.delta(&lies, now), now);
        import(&an, &world.delta(&mia, now), now);
        import(&lies, &world.delta(&mia, now), now);
    }
    for id in older.iter().chain([&newer]) {
        assert!(has_card(&lies, *id), "Lies never received An's card {id}");
    }
    assert_eq!(
        lies.digest().unwrap(),
        mia.digest().unwrap(),
        "the newcomer reaches the manager's digest through deltas only"
    );
}

#[test]
fn a_networker_who_skipped_a_master_and_imports_a_colleagues_delta_still_gets_what_the_master_carried(
) {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    one_organisation(&[&an, &bert, &mia], t0());
    let mut now = t0();
    // Everyone syncs once, so that deltas are used from then on.
    import(&mia, &world.delta(&an, now), now);
    import(&mia, &world.delta(&bert, now), now);
    let first = world.delta(&mia, now);
    import(&an, &first, now);
    import(&bert, &first, now);
    // An adds a card; the master that carries it is the one Bert skips.
    now += Duration::hours(1);
    let skipped_card = an.create(&person("Gemist"), None, now).unwrap();
    import(&mia, &world.delta(&an, now), now);
    let skipped_master = world.delta(&mia, now);
    import(&an, &skipped_master, now);
    // An adds another card and hands Bert a delta directly (a USB stick, a mail): it carries
    // only what the manager has not acknowledged, so not the card the skipped master carried.
    now += Duration::hours(1);
    let handed = an.create(&person("Via USB"), None, now).unwrap();
    let by_hand = world.export_plain(&an, false, now);
    import(&bert, &by_hand, now);
    assert!(has_card(&bert, handed));
    // Then the normal rounds go on.
    for _ in 0..2 {
        now += Duration::hours(1);
        import(&mia, &world.delta(&an, now), now);
        import(&mia, &world.delta(&bert, now), now);
        let master = world.delta(&mia, now);
        import(&an, &master, now);
        import(&bert, &master, now);
    }
    assert!(
        has_card(&bert, skipped_card),
        "what the skipped master carried reaches Bert in a later one"
    );
    assert_eq!(bert.digest().unwrap(), mia.digest().unwrap());
    assert_eq!(an.digest().unwrap(), mia.digest().unwrap());
}

#[test]
fn a_newcomer_syncing_only_through_the_folder_reaches_the_managers_digest() {
    let world = World::new();
    let folder_path = world.dir.path().join("share");
    std::fs::create_dir_all(&folder_path).unwrap();
    let folder = SyncFolder::new(&folder_path).with_options(FolderOptions::default());
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    one_organisation(&[&an, &bert, &mia], t0());
    let mut now = t0();
    let older = an.create(&person("Oud"), None, now).unwrap();
    // Enough rounds, each with a change, that the first (full) master is pruned from the folder.
    for round in 0..14 {
        now += Duration::hours(1);
        an.create(&person(&format!("Ronde {round}")), None, now)
            .unwrap();
        for store in [&an, &bert, &mia, &an, &bert] {
            folder.sync_once(store, now).unwrap();
        }
    }
    // An's newest card reaches the manager, whose master carries it to Bert (and to Lies).
    now += Duration::hours(1);
    an.create(&person("Nieuw"), None, now).unwrap();
    folder.sync_once(&an, now).unwrap();
    folder.sync_once(&mia, now).unwrap();
    let lies = world.store("Lies", Role::Networker);
    enrol(&mia, &lies, Role::Networker, now);
    for _ in 0..3 {
        now += Duration::hours(1);
        for store in [&lies, &bert, &an, &mia] {
            folder.sync_once(store, now).unwrap();
        }
    }
    folder.sync_once(&lies, now).unwrap();
    assert!(
        has_card(&lies, older),
        "the folder brought Lies An's older card"
    );
    assert_eq!(lies.digest().unwrap(), mia.digest().unwrap());
}

/// Two stores that wrote a field concurrently, merged on a third: the field is in conflict.
fn title_conflict(world: &mut World) -> (Store, Store, Store, RecordId) {
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    one_organisation(&[&an, &bert, &mia], t0());
    let now = t0();
    let id = an.create(&person("Jan Peeters"), None, now).unwrap();
    import(&mia, &world.export(&an, true, now), now);
    import(&bert, &world.export(&mia, true, now), now);
    let later = now + Duration::hours(1);
    an.set_fields(id, &[("job_title".into(), "directeur".into())], later)
        .unwrap();
    bert.set_fields(id, &[("job_title".into(), "schepen".into())], later)
        .unwrap();
    import(&mia, &world.export(&an, true, later), later);
    import(&mia, &world.export(&bert, true, later), later);
    (an, bert, mia, id)
}

fn conflicted_fields(store: &Store, id: RecordId) -> Vec<String> {
    store
        .conflicts()
        .unwrap()
        .into_iter()
        .filter(|c| c.id == id)
        .flat_map(|c| c.fields.into_iter().map(|f| f.field))
        .collect()
}

#[test]
fn editing_a_phone_number_leaves_a_conflict_on_the_job_title_for_the_user_to_settle() {
    let mut world = World::new();
    let (an, _bert, mia, id) = title_conflict(&mut world);
    assert_eq!(conflicted_fields(&mia, id), vec!["job_title".to_string()]);
    let later = t0() + Duration::hours(2);
    import(&an, &world.export(&mia, true, later), later);
    assert_eq!(conflicted_fields(&an, id), vec!["job_title".to_string()]);
    // An saves the card form with a new phone number: the whole body, title as shown.
    let mut body: Person = an.get(id).unwrap().unwrap();
    body.phones = vec!["+32 3 222 11 00".into()];
    an.update(id, &body, later).unwrap();
    assert_eq!(
        conflicted_fields(&an, id),
        vec!["job_title".to_string()],
        "saving the phone did not decide the title"
    );
    let even_later = later + Duration::hours(1);
    import(&mia, &world.export(&an, true, even_later), even_later);
    assert_eq!(
        conflicted_fields(&mia, id),
        vec!["job_title".to_string()],
        "nor did it on the manager's store"
    );
    let titles: Vec<serde_json::Value> = mia
        .conflicts()
        .unwrap()
        .into_iter()
        .flat_map(|c| c.fields)
        .flat_map(|f| std::iter::once(f.current).chain(f.losing.into_iter().map(|v| v.value)))
        .collect();
    assert!(
        titles.contains(&serde_json::json!("directeur")),
        "{titles:?}"
    );
    assert!(titles.contains(&serde_json::json!("schepen")), "{titles:?}");
}

#[test]
fn equal_concurrent_titles_are_one_value_and_a_later_change_wins_without_a_conflict() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    one_organisation(&[&an, &bert, &mia], t0());
    let now = t0();
    let id = an.create(&person("Jan Peeters"), None, now).unwrap();
    import(&mia, &world.export(&an, true, now), now);
    import(&bert, &world.export(&mia, true, now), now);
    let t1 = now + Duration::hours(1);
    an.set_fields(id, &[("job_title".into(), "CEO".into())], t1)
        .unwrap();
    bert.set_fields(id, &[("job_title".into(), "CEO".into())], t1)
        .unwrap();
    import(&mia, &world.export(&an, true, t1), t1);
    import(&mia, &world.export(&bert, true, t1), t1);
    assert!(conflicted_fields(&mia, id).is_empty(), "equal values");
    let t2 = t1 + Duration::hours(1);
    let master = world.export(&mia, true, t2);
    import(&an, &master, t2);
    import(&bert, &master, t2);
    // An edits only the phones; Bert, concurrently, changes the title to COO.
    let mut body: Person = an.get(id).unwrap().unwrap();
    body.phones = vec!["+32 3 222 11 00".into()];
    an.update(id, &body, t2).unwrap();
    bert.set_fields(id, &[("job_title".into(), "COO".into())], t2)
        .unwrap();
    let t3 = t2 + Duration::hours(1);
    import(&mia, &world.export(&an, true, t3), t3);
    import(&mia, &world.export(&bert, true, t3), t3);
    let merged: Person = mia.get(id).unwrap().unwrap();
    assert_eq!(merged.job_title.as_deref(), Some("COO"));
    assert!(
        conflicted_fields(&mia, id).is_empty(),
        "the phone edit did not demote COO to a conflict"
    );
    assert_eq!(merged.phones, vec!["+32 3 222 11 00".to_string()]);
}

#[test]
fn an_edit_that_changes_nothing_changes_nothing_not_even_the_digest() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let now = t0();
    let id = an.create(&person("Jan Peeters"), None, now).unwrap();
    let before = an.state(id).unwrap().unwrap();
    let digest = an.digest().unwrap();
    let later = now + Duration::hours(1);
    an.set_fields(id, &[("display_name".into(), "Jan Peeters".into())], later)
        .unwrap();
    let body: Person = an.get(id).unwrap().unwrap();
    an.update(id, &body, later).unwrap();
    an.relate(id, &RelateRequest::default(), later).unwrap();
    let relationship = an
        .state(RecordId::for_relationship(
            an.require_profile().unwrap().networker,
            id,
        ))
        .unwrap()
        .unwrap();
    let relationship_digest = an.digest().unwrap();
    an.relate(id, &RelateRequest::default(), later + Duration::minutes(1))
        .unwrap();
    assert_eq!(
        an.state(id).unwrap().unwrap(),
        before,
        "the card is as it was"
    );
    assert_ne!(digest, relationship_digest, "relating did add a record");
    assert_eq!(
        an.state(relationship.id.into_record_id()).unwrap().unwrap(),
        relationship,
        "relating again with nothing new left the relationship alone"
    );
    assert_eq!(an.digest().unwrap(), relationship_digest);
    let _ = &mut world;
}

trait IntoRecordId {
    fn into_record_id(self) -> RecordId;
}

impl IntoRecordId for uuid::Uuid {
    fn into_record_id(self) -> RecordId {
        RecordId(self)
    }
}

#[test]
fn an_edit_held_back_while_a_card_was_summary_travels_when_its_owner_shares_it_again() {
    let (mut world, an, mia) = World::networker_and_manager();
    let mut now = t0();
    let id = an.create(&person("Jan Peeters"), None, now).unwrap();
    for _ in 0..2 {
        now += Duration::hours(1);
        import(&mia, &world.delta(&an, now), now);
        import(&an, &world.delta(&mia, now), now);
    }
    now += Duration::hours(1);
    an.set_visibility(id, Visibility::Summary, now).unwrap();
    // While the card is summary on An's store, she edits a detail that summary holds back.
    an.set_fields(id, &[("job_title".into(), "havenkapitein".into())], now)
        .unwrap();
    // Other work goes on, so the manager's view of An moves past the held-back edit.
    let other = an.create(&person("Els"), None, now).unwrap();
    for _ in 0..2 {
        now += Duration::hours(1);
        import(&mia, &world.delta(&an, now), now);
        import(&an, &world.delta(&mia, now), now);
    }
    assert!(has_card(&mia, other));
    // The manager tries to share An's summary card for her (until now an ordinary field).
    now += Duration::hours(1);
    let _ = mia.set_visibility(id, Visibility::Shared, now);
    import(&an, &world.delta(&mia, now), now);
    // An shares the card again (if the manager's write did not already do it for her).
    now += Duration::hours(1);
    an.set_visibility(id, Visibility::Shared, now).unwrap();
    for _ in 0..2 {
        now += Duration::hours(1);
        import(&mia, &world.delta(&an, now), now);
        import(&an, &world.delta(&mia, now), now);
    }
    let at_manager: Person = mia.get(id).unwrap().unwrap();
    assert_eq!(
        at_manager.job_title.as_deref(),
        Some("havenkapitein"),
        "the edit made while the card was summary left the machine once An shared it"
    );
    assert_eq!(an.digest().unwrap(), mia.digest().unwrap());
}

#[test]
fn a_colleague_cannot_fill_in_a_detail_of_a_card_shared_as_a_summary_and_every_store_agrees_once_it_is_shared(
) {
    // The property test's seed ac95d5f0: Bert's title on An's summary card stayed on his machine
    // (a summary export holds it back) while his coverage told the manager it had been sent, so
    // once An shared the card Bert held a title no other store would ever get.
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    one_organisation(&[&an, &bert, &mia], t0());
    let mut now = t0();
    let id = an
        .create(&person("Jan Peeters"), Some(Visibility::Summary), now)
        .unwrap();
    now += Duration::hours(1);
    let from_an = world.delta(&an, now);
    let from_bert = world.delta(&bert, now);
    mia.import_bundles(&[from_an, from_bert], false, now)
        .unwrap();
    import(&bert, &world.delta(&mia, now), now);
    assert!(bert.state(id).unwrap().is_some(), "Bert holds the summary");

    now += Duration::hours(1);
    let before = (bert.state(id).unwrap(), bert.digest().unwrap());
    let refused = bert
        .set_fields(id, &[("job_title".into(), "havenkapitein".into())], now)
        .expect_err("a detail the owner keeps back is not Bert's to fill in");
    let message = refused.to_string();
    assert!(
        message.contains("only a summary") && message.contains("job_title"),
        "the refusal says why: {message}"
    );
    assert_eq!(
        (bert.state(id).unwrap(), bert.digest().unwrap()),
        before,
        "and changes nothing"
    );
    // What a summary carries stays Bert's to correct.
    bert.set_fields(
        id,
        &[("display_name".into(), "Jan Peeters-Maes".into())],
        now,
    )
    .unwrap();

    now += Duration::hours(1);
    an.set_visibility(id, Visibility::Shared, now).unwrap();
    for _ in 0..2 {
        now += Duration::hours(1);
        let from_an = world.delta(&an, now);
        let from_bert = world.delta(&bert, now);
        mia.import_bundles(&[from_an, from_bert], false, now)
            .unwrap();
        let master = world.delta(&mia, now);
        import(&an, &master, now);
        import(&bert, &master, now);
    }
    // Shared now, the detail is Bert's to add like any other, and it travels.
    bert.set_fields(id, &[("job_title".into(), "havenkapitein".into())], now)
        .unwrap();
    for _ in 0..2 {
        now += Duration::hours(1);
        import(&mia, &world.delta(&bert, now), now);
        let master = world.delta(&mia, now);
        import(&an, &master, now);
        import(&bert, &master, now);
    }
    let at_manager: Person = mia.get(id).unwrap().unwrap();
    assert_eq!(at_manager.display_name, "Jan Peeters-Maes");
    assert_eq!(at_manager.job_title.as_deref(), Some("havenkapitein"));
    let digest = mia.digest().unwrap();
    assert_eq!(
        bert.digest().unwrap(),
        digest,
        "Bert reaches the manager's digest"
    );
    assert_eq!(an.digest().unwrap(), digest, "so does An");
}

#[test]
fn narrowing_a_card_from_shared_to_summary_withdraws_its_details_from_the_manager() {
    let (mut world, an, mia) = World::networker_and_manager();
    let now = t0();
    let id = an
        .create(
            &Person {
                job_title: Some("havenkapitein".into()),
                emails: vec!["jan@port.be".into()],
                tags: vec!["haven".into()],
                ..person("Jan Peeters")
            },
            None,
            now,
        )
        .unwrap();
    import(&mia, &world.delta(&an, now), now);
    import(&an, &world.delta(&mia, now), now);
    let later = now + Duration::hours(1);
    an.set_visibility(id, Visibility::Summary, later).unwrap();
    import(&mia, &world.delta(&an, later), later);
    let at_manager: Person = mia.get(id).unwrap().unwrap();
    assert_eq!(at_manager.display_name, "Jan Peeters", "the name stays");
    assert_eq!(at_manager.job_title, None, "the title is withdrawn");
    assert!(at_manager.emails.is_empty(), "the emails are withdrawn");
    assert!(at_manager.tags.is_empty(), "the tags are withdrawn");
    let master = world.delta(&mia, later);
    let (_, records) = mia.open_bundle(&master).unwrap().read_all().unwrap();
    let text = format!("{records:?}");
    assert!(
        !text.contains("havenkapitein"),
        "nor passed on by the manager"
    );
}

#[test]
fn a_handover_adds_to_the_successors_own_relationship_and_never_overwrites_it() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    one_organisation(&[&an, &bert, &mia], t0());
    let mut now = t0();
    let port = an.create(&person("Havenbedrijf"), None, now).unwrap();
    an.relate(
        port,
        &RelateRequest {
            strength: Some(5),
            ..RelateRequest::default()
        },
        now,
    )
    .unwrap();
    import(&mia, &world.delta(&an, now), now);
    import(&mia, &world.delta(&bert, now), now);
    let master = world.delta(&mia, now);
    import(&an, &master, now);
    import(&bert, &master, now);
    // Bert starts his own relationship with the port; it has not reached Mia yet.
    now += Duration::hours(1);
    let bert_id = bert.require_profile().unwrap().networker;
    let an_id = an.require_profile().unwrap().networker;
    let relationship = bert
        .relate(
            port,
            &RelateRequest {
                strength: Some(4),
                ..RelateRequest::default()
            },
            now,
        )
        .unwrap();
    // Mia offboards An and hands the port to Bert.
    now += Duration::hours(1);
    mia.offboard(an_id, &[bert_id], false, Language::English, now)
        .unwrap();
    let master = world.delta(&mia, now);
    import(&bert, &master, now);
    let mine: Relationship = bert.get(relationship).unwrap().unwrap();
    assert_eq!(mine.strength, 4, "Bert's own strength stands");
    assert!(
        conflicted_fields(&bert, relationship).is_empty(),
        "no conflict on author or created_at: {:?}",
        conflicted_fields(&bert, relationship)
    );
    // Bert logs a meeting: his strength is still his.
    now += Duration::hours(1);
    bert.log_interaction(
        &LogRequest {
            with: vec![port],
            kind: kring_core::model::InteractionKind::Meeting,
            at: now.fixed_offset(),
            summary: "Kennismaking na de overdracht".into(),
            outcomes: vec![],
            follow_up: None,
            visibility: None,
        },
        now,
    )
    .unwrap();
    let mine: Relationship = bert.get(relationship).unwrap().unwrap();
    assert_eq!(mine.strength, 4);
    import(&mia, &world.delta(&bert, now), now);
    let at_manager: Relationship = mia.get(relationship).unwrap().unwrap();
    assert_eq!(at_manager.strength, 4, "the manager ends with Bert's value");
    assert!(conflicted_fields(&mia, relationship).is_empty());
}

#[test]
fn stamps_more_than_a_day_ahead_are_refused_naming_the_store_and_the_clock_stays_put() {
    let (mut world, an, mia) = World::networker_and_manager();
    let wrong_clock = t0() + Duration::days(30);
    an.create(&person("Jan"), None, wrong_clock).unwrap();
    let file = world.export(&an, true, wrong_clock);
    let error = mia
        .import_bundles(std::slice::from_ref(&file), false, t0())
        .unwrap_err()
        .to_string();
    assert!(error.contains("An"), "the message names the store: {error}");
    assert!(error.contains("30 days"), "and by how much: {error}");
    let id = mia.create(&person("Later"), None, t0()).unwrap();
    let stamp = mia.state(id).unwrap().unwrap().max_stamp().unwrap();
    assert!(
        stamp.hlc.millis < (t0() + Duration::days(1)).timestamp_millis() as u64,
        "the manager's clock was not dragged forward"
    );
}

#[test]
fn a_store_whose_clock_runs_a_month_behind_is_told_so_at_import() {
    let (mut world, an, mia) = World::networker_and_manager();
    let now = t0() + Duration::days(60);
    mia.create(&person("Jan"), None, now).unwrap();
    import(&an, &world.export(&mia, true, now), now);
    // An's clock now runs 30 days behind: the master she imports is dated in her future.
    let behind = now - Duration::days(30) + Duration::hours(1);
    let error = an
        .import_bundles(&[world.export(&mia, true, now)], false, behind)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("this computer's clock"),
        "the importer hears that its own clock may be wrong: {error}"
    );
    // A bundle from a store whose clock is behind what it has already seen is flagged.
    let lagging = an.create(&person("Els"), None, behind);
    assert!(lagging.is_ok());
    let report = mia
        .import_bundles(&[world.export(&an, true, behind)], false, now)
        .unwrap();
    assert!(
        report
            .clock_warnings
            .iter()
            .any(|w| w.contains("An") && w.contains("behind")),
        "the manager is told An's clock runs behind: {report:?}"
    );
}

/// What Mia's store remembers of An, her only networker.
fn peer_entry(manager: &Store, networker: &Store) -> kring_core::sync::Peer {
    manager
        .peers()
        .unwrap()
        .into_iter()
        .find(|peer| peer.node == networker.node_id())
        .expect("the manager has heard from the networker")
}

#[test]
fn an_older_bundle_arriving_late_leaves_what_the_store_knows_of_its_author_as_the_newer_one_said() {
    let (mut world, an, mia) = World::networker_and_manager();
    let earlier = t0() + Duration::hours(1);
    an.create(&person("Eerst"), None, earlier).unwrap();
    let older = world.export(&an, true, earlier);
    let later = t0() + Duration::hours(2);
    an.create(&person("Later"), None, later).unwrap();
    let newer = world.export(&an, true, later);
    let now = t0() + Duration::hours(3);
    // A shared drive that synced the newer file first hands the older one over afterwards.
    import(&mia, &newer, now);
    import(&mia, &older, now);
    let peer = peer_entry(&mia, &an);
    assert_eq!(
        peer.last_bundle_at_millis,
        later.timestamp_millis(),
        "the older bundle set An's last bundle back"
    );
    assert_eq!(
        peer.coverage.as_ref(),
        Some(&an.coverage()),
        "An's coverage went back to the older bundle's"
    );
}

#[test]
fn a_bundle_written_after_its_authors_clock_was_set_back_still_counts_as_the_newer_one() {
    for in_one_import in [false, true] {
        let (mut world, an, mia) = World::networker_and_manager();
        let before = t0() + Duration::hours(2);
        an.create(&person("Eerst"), None, before).unwrap();
        let first = world.export(&an, true, before);
        // An's laptop clock is set an hour back: the next file is dated before the first, but
        // An's store wrote it later and holds more.
        let set_back = t0() + Duration::hours(1);
        an.create(&person("Daarna"), None, set_back).unwrap();
        let second = world.export(&an, true, set_back);
        let now = t0() + Duration::hours(3);
        if in_one_import {
            // Kring imports files in the order of their dates: the second one comes first.
            mia.import_bundles(&[first, second], false, now).unwrap();
        } else {
            import(&mia, &first, now);
            import(&mia, &second, now);
        }
        let peer = peer_entry(&mia, &an);
        let how = if in_one_import { "one" } else { "a second" };
        assert_eq!(
            peer.coverage.as_ref(),
            Some(&an.coverage()),
            "Mia kept what the first file said of An ({how} import)"
        );
        assert_eq!(peer.last_bundle_at_millis, set_back.timestamp_millis());
    }
}
