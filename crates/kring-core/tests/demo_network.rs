//! A demo that stays a demo: the generator names organisations as real ones are, meets people
//! at the times people meet, plants only the duplicates it means to, and a store marked as a demo
//! refuses to export or sync, and one call removes the sandbox and nothing else.

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};
use kring_core::demo::{self, DemoOptions};
use kring_core::manager::Event;
use kring_core::model::*;
use kring_core::store::{body_of, OpenOptions, Store, StoreError};
use kring_core::sync::folder::{FolderError, SyncFolder};
use kring_core::sync::SyncError;
use std::collections::BTreeSet;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 13, 52, 0).unwrap()
}

fn demo_store(dir: &tempfile::TempDir, options: &DemoOptions) -> Store {
    let store = Store::open(&dir.path().join("store"), &OpenOptions::default()).unwrap();
    demo::generate(&store, options, now()).unwrap();
    store
}

#[test]
fn the_demo_names_organisations_as_real_ones_are_and_plants_only_its_three_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir, &DemoOptions::default());
    let organisations: Vec<Organisation> = store
        .all_of_kind(RecordKind::Organisation)
        .unwrap()
        .iter()
        .map(|s| body_of(s).unwrap())
        .collect();
    assert_eq!(organisations.len(), 301, "300 and the city itself");
    for organisation in &organisations {
        let last = organisation.name.rsplit(' ').next().unwrap();
        assert!(
            !last.chars().all(|c| c.is_ascii_digit()),
            "a numbered name: {}",
            organisation.name
        );
    }
    // Before: 130 pairs, "Architectenbureau Deurne" = "Architectenbureau Deurne" among them.
    let pairs = store.duplicates(now()).unwrap();
    let reasons: Vec<String> = pairs
        .iter()
        .map(|p| format!("{} = {}: {}", p.name, p.other_name, p.reason))
        .collect();
    assert_eq!(pairs.len(), 3, "only the planted pairs: {reasons:#?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("Port of Antwerp-Bruges = Port of Antwerp Bruges")),
        "{reasons:#?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("same email")),
        "{reasons:#?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("same name at")),
        "{reasons:#?}"
    );
}

#[test]
fn demo_meetings_happen_on_weekdays_in_office_hours_at_many_times_and_events_at_their_own_hour() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(
        &dir,
        &DemoOptions {
            cards: 600,
            ..DemoOptions::default()
        },
    );
    let mut times = BTreeSet::new();
    for state in store.all_of_kind(RecordKind::Interaction).unwrap() {
        let interaction: Interaction = body_of(&state).unwrap();
        let at = interaction.at;
        assert!(at.with_timezone(&Utc) <= now(), "{at} is after now");
        assert!((8..19).contains(&at.hour()), "{at} is outside office hours");
        assert!(at.weekday().number_from_monday() <= 5, "{at} is a weekend");
        times.insert((at.hour(), at.minute()));
    }
    assert!(times.len() > 30, "only {} times of day", times.len());
    // The demo ran at 13:52: before, every event was at 13:52 (14:52 Brussels time).
    let events: Vec<Event> = store
        .all_of_kind(RecordKind::Event)
        .unwrap()
        .iter()
        .map(|s| body_of(s).unwrap())
        .collect();
    let hours: BTreeSet<(u32, u32)> = events
        .iter()
        .map(|e| (e.at.hour(), e.at.minute()))
        .collect();
    assert_eq!(hours.len(), events.len(), "each event at its own hour");
    assert!(!hours.contains(&(14, 52)));
}

#[test]
fn a_demo_store_refuses_to_export_or_sync_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(
        &dir,
        &DemoOptions {
            cards: 200,
            mark_as_demo: true,
            ..DemoOptions::default()
        },
    );
    assert!(store.is_demo().unwrap());
    let out = dir.path().join("network.kring");
    match store.export_bundle(&out, true, now()) {
        Err(SyncError::Store(StoreError::DemoStore { .. })) => {}
        other => panic!("a demo store exported: {other:?}"),
    }
    assert!(!out.exists(), "no file was written");
    let message = store
        .export_bundle(&out, false, now())
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("demo store") && message.contains("open your own store"),
        "{message}"
    );
    let folder = dir.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    match SyncFolder::new(&folder).sync_once(&store, now()) {
        Err(FolderError::Sync(SyncError::Store(StoreError::DemoStore { .. }))) => {}
        other => panic!("a demo store synced: {other:?}"),
    }
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        0,
        "nothing was written to the sync folder"
    );

    // A store the demo merely filled (tests, benchmarks) still exports.
    let other = tempfile::tempdir().unwrap();
    let filled = demo_store(
        &other,
        &DemoOptions {
            cards: 200,
            ..DemoOptions::default()
        },
    );
    assert!(!filled.is_demo().unwrap());
    filled
        .export_bundle(&other.path().join("network.kring"), true, now())
        .unwrap();
}

fn open(path: &std::path::Path) -> Store {
    Store::open(
        path,
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .unwrap()
}

#[test]
fn one_call_removes_the_demo_sandbox_and_leaves_the_real_store_and_anything_else_whole() {
    let dir = tempfile::tempdir().unwrap();
    let real_path = dir.path().join("store");
    let sandbox_path = kring_core::files::sandbox_path(&real_path);
    {
        let real = open(&real_path);
        real.init("An Peeters", "an@stad.be", Role::Networker, now())
            .unwrap();
        let sandbox = open(&sandbox_path);
        demo::generate(
            &sandbox,
            &DemoOptions {
                cards: 100,
                mark_as_demo: true,
                ..DemoOptions::default()
            },
            now(),
        )
        .unwrap();
        // Open, the sandbox is refused as in use and stays.
        match demo::remove_sandbox(&real_path) {
            Err(StoreError::InUse { .. }) => {}
            other => panic!("an open sandbox was removed: {other:?}"),
        }
        assert!(sandbox_path.is_dir());
    }
    assert!(demo::remove_sandbox(&real_path).unwrap(), "there was one");
    assert!(!sandbox_path.exists(), "the sandbox is gone");
    assert!(
        !demo::remove_sandbox(&real_path).unwrap(),
        "removing it again finds none and is no error"
    );
    let real = open(&real_path);
    assert_eq!(real.profile().unwrap().unwrap().name, "An Peeters");
    assert!(!real.is_demo().unwrap());
    drop(real);

    // A real store where the sandbox would be (not marked as a demo) is refused and kept whole.
    {
        let lookalike = open(&sandbox_path);
        lookalike
            .init("Bart Claes", "bart@stad.be", Role::Networker, now())
            .unwrap();
    }
    let error = demo::remove_sandbox(&real_path).unwrap_err();
    assert_eq!(error.code(), "not_a_sandbox");
    assert!(error.to_string().contains("nothing was removed"), "{error}");
    assert_eq!(
        open(&sandbox_path).profile().unwrap().unwrap().name,
        "Bart Claes"
    );
    std::fs::remove_dir_all(&sandbox_path).unwrap();

    // A folder of the user's by that name is neither opened (which would make a store in it)
    // nor removed.
    std::fs::create_dir(&sandbox_path).unwrap();
    std::fs::write(sandbox_path.join("notes.txt"), "mine").unwrap();
    assert_eq!(
        demo::remove_sandbox(&real_path).unwrap_err().code(),
        "not_a_sandbox"
    );
    let left: Vec<_> = std::fs::read_dir(&sandbox_path)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["notes.txt"], "nothing was added or removed");
}

#[test]
fn the_demo_sandbox_is_made_beside_the_real_store_with_its_owner_and_the_real_store_is_left_as_it_was(
) {
    let dir = tempfile::tempdir().unwrap();
    let real_path = dir.path().join("store");
    let real = open(&real_path);
    real.init("An Peeters", "an@stad.be", Role::Networker, now())
        .unwrap();
    let before = real.version_vector();
    assert!(!demo::sandbox_exists(&real_path));
    let options = DemoOptions {
        cards: 100,
        ..DemoOptions::default()
    };
    let (sandbox, made) = demo::open_sandbox(&real, &options, now()).unwrap();
    assert!(made.is_some_and(|summary| summary.people > 0), "made now");
    assert_eq!(sandbox.path(), kring_core::files::sandbox_path(&real_path));
    assert!(
        sandbox.is_demo().unwrap(),
        "marked, so it never exports or syncs"
    );
    let owner = sandbox.profile().unwrap().unwrap();
    assert_eq!(
        (owner.name.as_str(), owner.email.as_str(), owner.role),
        ("An Peeters", "an@stad.be", Role::Networker)
    );
    assert_eq!(
        real.version_vector(),
        before,
        "nothing written to the real store"
    );
    assert!(!real.is_demo().unwrap());
    assert!(demo::sandbox_exists(&real_path));
    drop(sandbox);

    // Opened again, it is the same sandbox, not a second demo on top of the first.
    let (again, made) = demo::open_sandbox(&real, &options, now()).unwrap();
    assert!(made.is_none());
    assert!(again.is_demo().unwrap());
    drop(again);

    // Something else where the sandbox would be is neither opened as one nor changed.
    assert!(demo::remove_sandbox(&real_path).unwrap());
    let sandbox_path = kring_core::files::sandbox_path(&real_path);
    std::fs::create_dir(&sandbox_path).unwrap();
    std::fs::write(sandbox_path.join("notes.txt"), "mine").unwrap();
    match demo::open_sandbox(&real, &options, now()) {
        Err(refused) => assert_eq!(refused.code(), "not_a_sandbox"),
        Ok(_) => panic!("a folder of the user's was opened as the sandbox"),
    }
    let left: Vec<_> = std::fs::read_dir(&sandbox_path)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["notes.txt"]);
}
