//! Sync through a shared folder, driven by the real sync code with an injected clock: two
//! networkers and a manager that never export or import by hand, and the things real shared
//! folders do to files (half-written copies, conflicted copies, the folder going away).

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::model::{Person, Role, Visibility};
use kring_core::store::Store;
use kring_core::sync::folder::{
    FolderError, FolderOptions, SyncFolder, SyncReport, KRING_DIR, MASTERS_DIR,
};
use std::path::{Path, PathBuf};

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

/// Stores in a temporary folder, a shared sync folder beside them, and a clock that moves a
/// minute at every pass.
struct World {
    dir: tempfile::TempDir,
    folder: SyncFolder,
    now: DateTime<Utc>,
}

impl World {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("shared")).unwrap();
        World {
            folder: SyncFolder::new(dir.path().join("shared")),
            dir,
            now: t0(),
        }
    }

    fn shared(&self) -> PathBuf {
        self.dir.path().join("shared")
    }

    fn store(&self, name: &str, role: Role) -> Store {
        common::open_initialised(&self.dir.path().join(name), name, role, self.now)
    }

    fn tick(&mut self) -> DateTime<Utc> {
        self.now += Duration::minutes(1);
        self.now
    }

    fn sync(&mut self, store: &Store) -> SyncReport {
        let now = self.tick();
        self.folder.sync_once(store, now).unwrap()
    }

    /// Networkers first, then the manager, then the networkers again for the master.
    fn round(&mut self, networkers: &[&Store], manager: &Store) {
        for store in networkers {
            self.sync(store);
        }
        self.sync(manager);
        for store in networkers {
            self.sync(store);
        }
    }

    /// Every file under the shared folder.
    fn files(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        walk(&self.shared(), &mut out);
        out.sort();
        out
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn person(name: &str) -> Person {
    Person {
        display_name: name.into(),
        ..Person::default()
    }
}

fn names(store: &Store, query: &str) -> usize {
    store.search(query, 10).unwrap().len()
}

#[test]
fn edits_on_both_networkers_reach_everyone_and_the_three_stores_converge_to_one_digest() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &bert, &mia], t0());
    let now = world.tick();
    let jan = an.create(&person("Jan Haven"), None, now).unwrap();
    bert.create(&person("Els Universiteit"), None, now).unwrap();

    world.round(&[&an, &bert], &mia);
    let digest = mia.digest().unwrap();
    assert_eq!(an.digest().unwrap(), digest, "An has the master");
    assert_eq!(bert.digest().unwrap(), digest, "Bert has the master");
    assert_eq!(names(&bert, "jan haven"), 1, "An's card reached Bert");
    assert_eq!(names(&an, "els universiteit"), 1, "Bert's card reached An");

    // Edits on both sides, one of them to a card the other wrote.
    let now = world.tick();
    bert.set_fields(jan, &[("job_title".into(), "havenschepen".into())], now)
        .unwrap();
    an.create(&person("Koen Provincie"), None, now).unwrap();
    world.round(&[&an, &bert], &mia);
    let digest = mia.digest().unwrap();
    assert_eq!(an.digest().unwrap(), digest);
    assert_eq!(bert.digest().unwrap(), digest);
    assert_eq!(names(&bert, "koen provincie"), 1);
    assert_eq!(
        an.get::<Person>(jan).unwrap().unwrap().job_title.as_deref(),
        Some("havenschepen"),
        "Bert's edit of An's card came back to An"
    );

    // Nothing new: a pass writes nothing and imports nothing.
    world.round(&[&an, &bert], &mia);
    let quiet = world.sync(&mia);
    assert!(quiet.imported.is_empty(), "{quiet:?}");
    assert!(quiet.exported.is_none(), "{quiet:?}");
    let quiet = world.sync(&an);
    assert!(
        quiet.imported.is_empty() && quiet.exported.is_none(),
        "{quiet:?}"
    );
    assert_eq!(an.digest().unwrap(), mia.digest().unwrap());

    let status = world.folder.status(&mia, world.now).unwrap();
    assert!(status.last_error.is_none());
    assert_eq!(
        status.last_success_at,
        Some(world.now - Duration::minutes(1))
    );
    let mut seen: Vec<&str> = status.peers.iter().map(|p| p.name.as_str()).collect();
    seen.sort();
    assert_eq!(
        seen,
        ["An", "Bert"],
        "the manager's report lists its networkers"
    );
}

#[test]
fn a_half_written_file_is_left_alone_until_it_is_complete_and_then_imported() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &mia], t0());
    let now = world.tick();
    an.create(&person("Jan Haven"), None, now).unwrap();
    // An's export, arriving in the folder the way a sync client copies it: a piece at a time.
    let outside = world.dir.path().join("an.kring");
    an.export_bundle(&outside, true, now).unwrap();
    let bytes = std::fs::read(&outside).unwrap();
    let target = world.folder.networker_dir(an.node_id());
    std::fs::create_dir_all(&target).unwrap();
    let arriving = target.join("20261123T090100.000Z.kring");
    let before = mia.digest().unwrap();

    for cut in [10, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&arriving, &bytes[..cut]).unwrap();
        let report = world.sync(&mia);
        assert!(report.imported.is_empty(), "{report:?}");
        assert_eq!(report.skipped.len(), 1, "{report:?}");
        assert!(report.skipped[0].retried, "{report:?}");
        assert!(
            report.skipped[0].code.as_str().starts_with("bundle_"),
            "{}",
            report.skipped[0].code
        );
        assert_eq!(
            mia.digest().unwrap(),
            before,
            "nothing of a half file was taken"
        );
    }
    std::fs::write(&arriving, &bytes).unwrap();
    let report = world.sync(&mia);
    assert_eq!(report.imported, vec![arriving.clone()], "{report:?}");
    assert!(report.skipped.is_empty(), "{report:?}");
    assert_eq!(names(&mia, "jan haven"), 1);
    assert!(report.exported.is_some(), "a master is published");
}

#[test]
fn a_conflicted_copy_is_imported_once_without_duplicates_or_a_new_master() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &mia], t0());
    let now = world.tick();
    an.create(&person("Jan Haven"), None, now).unwrap();
    let written = world.sync(&an).exported.unwrap().path;
    let stem = written.file_stem().unwrap().to_string_lossy().into_owned();
    let dir = written.parent().unwrap();
    std::fs::copy(&written, dir.join(format!("{stem} (1).kring"))).unwrap();
    std::fs::copy(
        &written,
        dir.join(format!("{stem}-conflict-20261123-DESKTOP-7.kring")),
    )
    .unwrap();

    let report = world.sync(&mia);
    assert_eq!(report.imported.len(), 1, "{report:?}");
    assert_eq!(report.already_imported, 2, "{report:?}");
    assert_eq!(names(&mia, "jan haven"), 1, "no duplicate card");
    let digest = mia.digest().unwrap();

    // A copy appearing later changes nothing and publishes nothing.
    std::fs::copy(&written, dir.join(format!("{stem} (2).kring"))).unwrap();
    let report = world.sync(&mia);
    assert!(report.imported.is_empty(), "{report:?}");
    assert!(report.exported.is_none(), "{report:?}");
    assert_eq!(mia.digest().unwrap(), digest);

    // The networker, too, takes a conflicted copy of a master once.
    world.sync(&an);
    let master = std::fs::read_dir(world.folder.masters_dir())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "kring"))
        .unwrap();
    let copy = master.with_file_name("master (1).kring");
    std::fs::copy(&master, &copy).unwrap();
    let report = world.sync(&an);
    assert!(report.imported.is_empty(), "{report:?}");
    assert_eq!(an.digest().unwrap(), mia.digest().unwrap());
}

#[test]
fn the_folder_going_away_and_coming_back_loses_nothing() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &mia], t0());
    world.round(&[&an], &mia);

    // The laptop goes offline: the folder is gone.
    let away = world.dir.path().join("shared-away");
    std::fs::rename(world.shared(), &away).unwrap();
    let now = world.tick();
    an.create(&person("Offline Contact"), None, now).unwrap();
    let now = world.tick();
    let error = world.folder.sync_once(&an, now).unwrap_err();
    assert!(matches!(error, FolderError::Unavailable { .. }), "{error}");
    assert_eq!(error.code(), "sync_folder_unavailable");
    assert!(
        !world.shared().exists(),
        "a missing folder is never created"
    );
    let status = world.folder.status(&an, world.now).unwrap();
    assert_eq!(
        status.last_error.as_ref().map(|e| e.code.as_str()),
        Some("sync_folder_unavailable")
    );
    let now = world.tick();
    assert!(world.folder.sync_once(&mia, now).is_err());

    // It comes back: everything catches up.
    std::fs::rename(&away, world.shared()).unwrap();
    world.round(&[&an], &mia);
    assert_eq!(names(&mia, "offline contact"), 1);
    assert_eq!(an.digest().unwrap(), mia.digest().unwrap());
    assert!(world
        .folder
        .status(&an, world.now)
        .unwrap()
        .last_error
        .is_none());

    // It comes back empty (restored, or a new share): the stores write what is missing again.
    std::fs::remove_dir_all(world.shared()).unwrap();
    std::fs::create_dir(world.shared()).unwrap();
    let bert = world.store("Bert", Role::Networker);
    let now = world.tick();
    common::enrol(&mia, &bert, Role::Networker, now);
    an.create(&person("Na Herstel"), None, now).unwrap();
    world.round(&[&an, &bert], &mia);
    world.round(&[&an, &bert], &mia);
    let digest = mia.digest().unwrap();
    assert_eq!(an.digest().unwrap(), digest);
    assert_eq!(bert.digest().unwrap(), digest);
    assert_eq!(
        names(&bert, "offline contact"),
        1,
        "the newcomer has it all"
    );
    assert_eq!(names(&mia, "na herstel"), 1);
}

#[test]
fn private_records_never_land_in_the_folder() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &bert, &mia], t0());
    let now = world.tick();
    an.create(&person("CANARY-CARD-a41"), Some(Visibility::Private), now)
        .unwrap();
    let shared = an.create(&person("Koen Maes"), None, now).unwrap();
    an.add_note(
        shared,
        "CANARY-NOTE-b52 mantelzorger",
        Some(Visibility::Private),
        now,
    )
    .unwrap();
    world.round(&[&an, &bert], &mia);
    let now = world.tick();
    an.set_fields(shared, &[("job_title".into(), "schepen".into())], now)
        .unwrap();
    world.round(&[&an, &bert], &mia);

    let files = world.files();
    assert!(files.len() >= 3, "{files:?}");
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        if let Ok(mut reader) = mia.open_bundle(file) {
            text.push_str(&format!("{:?}", reader.header));
            while let Some(record) = reader.next_record().unwrap() {
                text.push_str(&format!("{record:?}"));
            }
        }
        for canary in ["CANARY-CARD-a41", "CANARY-NOTE-b52"] {
            assert!(
                !text.contains(canary),
                "{canary} leaked into {}",
                file.display()
            );
        }
    }
    assert_eq!(names(&bert, "koen maes"), 1, "the shared card did travel");
    assert_eq!(names(&mia, "canary"), 0);
}

#[test]
fn pruning_keeps_the_folder_small_and_never_deletes_another_writers_file() {
    let mut world = World::new();
    world.folder = world.folder.clone().with_options(FolderOptions {
        keep_own: 2,
        ..FolderOptions::default()
    });
    let an = world.store("An", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &mia], t0());
    world.round(&[&an], &mia);
    // Files others wrote, in An's own folder and in the masters: a conflicted copy of An's own
    // bundle, someone's note, a bundle An never wrote.
    let own_dir = world.folder.networker_dir(an.node_id());
    let first = std::fs::read_dir(&own_dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .min()
        .unwrap();
    let copy = own_dir.join("copy (1).kring");
    std::fs::copy(&first, &copy).unwrap();
    let note = own_dir.join("LEESMIJ.txt");
    std::fs::write(&note, "niet verwijderen").unwrap();
    let foreign = world
        .shared()
        .join(KRING_DIR)
        .join(MASTERS_DIR)
        .join("other.kring");
    std::fs::copy(&first, &foreign).unwrap();

    for n in 0..8 {
        let now = world.tick();
        an.create(&person(&format!("Contact {n}")), None, now)
            .unwrap();
        world.round(&[&an], &mia);
    }
    assert!(copy.exists() && note.exists() && foreign.exists());
    let own_bundles = |dir: &Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "kring"))
            .count()
    };
    // An's own files: at most two, plus the copy someone else made.
    assert!(own_bundles(&own_dir) <= 3, "{:?}", world.files());
    // Mia's masters: at most two, plus the foreign file.
    assert!(
        own_bundles(&world.folder.masters_dir()) <= 3,
        "{:?}",
        world.files()
    );
    assert_eq!(names(&mia, "contact"), 8);
    assert_eq!(an.digest().unwrap(), mia.digest().unwrap());
}

#[test]
fn a_networker_who_stops_syncing_is_reported_after_the_stale_days() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &bert, &mia], t0());
    world.round(&[&an, &bert], &mia);
    world.now += Duration::days(20);
    world.round(&[&bert], &mia);
    let status = world.folder.status(&mia, world.now).unwrap();
    let stale: Vec<&str> = status.stale_peers().map(|p| p.name.as_str()).collect();
    assert_eq!(stale, ["An"], "{:?}", status.peers);
    assert_eq!(status.peers[0].days_since, Some(20));
    assert!(status.is_due(Duration::hours(24), world.now + Duration::days(1)));
    assert!(!status.is_due(Duration::hours(24), world.now));
}

#[test]
fn sync_passes_take_one_backup_a_day_and_an_import_by_hand_takes_one_every_time() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &mia], t0());
    for round in 0..5 {
        let now = world.tick();
        an.create(&person(&format!("Contact {round}")), None, now)
            .unwrap();
        world.round(&[&an], &mia);
    }
    assert_eq!(names(&mia, "contact"), 5, "every round was merged");
    assert_eq!(
        mia.backups().len(),
        1,
        "five passes within the hour: one backup"
    );
    world.now += Duration::hours(25);
    let now = world.tick();
    an.create(&person("Contact de volgende dag"), None, now)
        .unwrap();
    world.round(&[&an], &mia);
    assert_eq!(mia.backups().len(), 2, "a day later, another");
    // By hand, every import is backed up first.
    let file = world.dir.path().join("by-hand.kring");
    an.export_bundle(&file, true, world.now).unwrap();
    mia.import_bundles(&[file], false, world.now).unwrap();
    assert_eq!(mia.backups().len(), 3);
}

#[test]
fn a_pass_that_merges_a_large_import_backs_up_again_within_the_day() {
    let mut world = World::new();
    world.folder = world.folder.clone().with_options(FolderOptions {
        backup_import_bytes: 16 * 1024,
        ..FolderOptions::default()
    });
    let an = world.store("An", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &mia], t0());
    for round in 0..3 {
        let now = world.tick();
        an.create(&person(&format!("Contact {round}")), None, now)
            .unwrap();
        world.round(&[&an], &mia);
    }
    assert_eq!(
        mia.backups().len(),
        1,
        "small passes within the hour: one backup"
    );
    // An imports a whole address book: the next pass brings far more than the limit.
    let now = world.tick();
    for n in 0..1_000 {
        an.create(&person(&format!("Adresboek {n}")), None, now)
            .unwrap();
    }
    world.sync(&an);
    let incoming: u64 = world
        .files()
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .max()
        .unwrap();
    assert!(
        incoming > 16 * 1024,
        "the address book's bundle: {incoming} bytes"
    );
    world.sync(&mia);
    assert_eq!(names(&mia, "adresboek"), 10, "the address book was merged");
    assert_eq!(
        mia.backups().len(),
        2,
        "the large merge was backed up first"
    );
    // The pass after it brings one contact again: no backup.
    let now = world.tick();
    an.create(&person("Nog een contact"), None, now).unwrap();
    world.round(&[&an], &mia);
    assert_eq!(mia.backups().len(), 2);
}

#[test]
fn a_pass_speaking_french_words_a_skipped_file_and_its_own_failure_in_french() {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &mia], t0());
    let now = world.tick();
    an.create(&person("Jan Haven"), None, now).unwrap();
    let outside = world.dir.path().join("an.kring");
    an.export_bundle(&outside, true, now).unwrap();
    let bytes = std::fs::read(&outside).unwrap();
    let target = world.folder.networker_dir(an.node_id());
    std::fs::create_dir_all(&target).unwrap();
    let arriving = target.join("20261123T090100.000Z.kring");
    std::fs::write(&arriving, &bytes[..bytes.len() / 2]).unwrap();

    let french = world.folder.clone().speaking(kring_i18n::Language::French);
    let report = french.sync_once(&mia, world.tick()).unwrap();
    let skipped = &report.skipped[0];
    assert!(skipped.code.as_str().starts_with("bundle_"), "{skipped:?}");
    // French sets a space before the colon: "<file> : corrompu (…)".
    let file = arriving.display().to_string();
    assert!(
        skipped.reason.starts_with(&format!("{file} : ")),
        "French words: {}",
        skipped.reason
    );
    // The same pass in English (the default) says what it always said.
    let english = world.sync(&mia);
    assert_eq!(english.skipped[0].code, skipped.code);
    assert!(
        english.skipped[0].reason.starts_with(&format!("{file}: ")),
        "{}",
        english.skipped[0].reason
    );
    assert_ne!(english.skipped[0].reason, skipped.reason);

    // The folder goes away: the error kept for the Sync screen is in French, reason included.
    std::fs::remove_dir_all(world.shared()).unwrap();
    assert!(french.sync_once(&an, world.tick()).is_err());
    let problem = french.status(&an, world.now).unwrap().last_error.unwrap();
    assert_eq!(problem.code.as_str(), "sync_folder_unavailable");
    assert!(
        problem
            .message
            .contains("n'est pas disponible (il n'existe pas)"),
        "{}",
        problem.message
    );
}

/// A file An handed Bert directly (by e-mail, say) goes on to the manager through Bert's folder,
/// exactly as An signed it, and leaves the folder once a master says the manager holds it. An
/// herself never syncs here: the relay is the only way the card reaches the manager.
#[test]
fn a_colleagues_hand_over_goes_on_to_the_manager_through_the_folder_and_leaves_it_once_acknowledged(
) {
    let mut world = World::new();
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&an, &bert, &mia], t0());
    world.round(&[&an, &bert], &mia);
    let now = world.tick();
    an.create(&person("Alleen Doorgegeven"), None, now).unwrap();
    let hand_over = world.dir.path().join("van-an.kring");
    an.export_bundle_with(&hand_over, false, true, now).unwrap();
    bert.import_bundles(&[hand_over], false, now).unwrap();
    let relayed = |world: &World| -> Vec<PathBuf> {
        world
            .files()
            .into_iter()
            .filter(|path| {
                path.file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with("relay-"))
            })
            .collect()
    };

    world.sync(&bert);
    let files = relayed(&world);
    assert_eq!(files.len(), 1, "{:?}", world.files());
    assert_eq!(
        files[0].parent().unwrap(),
        world.folder.networker_dir(bert.node_id()),
        "in Bert's own folder"
    );
    let signed = bert.open_bundle(&files[0]).unwrap().header;
    assert_eq!(signed.author_node, an.node_id(), "signed by An, not Bert");

    world.sync(&mia);
    assert_eq!(names(&mia, "alleen doorgegeven"), 1, "the manager has it");
    world.sync(&bert);
    assert!(relayed(&world).is_empty(), "{:?}", world.files());
    assert!(bert.relays().unwrap().is_empty());
}
