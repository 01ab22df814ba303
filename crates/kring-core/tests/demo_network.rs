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
use kring_i18n::Language;
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

#[test]
fn a_demo_store_refuses_every_file_meant_to_leave_the_machine_and_any_backup_restored_into_it() {
    use kring_core::graph::{GraphError, GraphOptions, OrgGraph};
    use kring_core::manager::kpi::KpiOptions;
    use kring_core::manager::report::ReportFile;
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(
        &dir,
        &DemoOptions {
            cards: 200,
            mark_as_demo: true,
            ..DemoOptions::default()
        },
    );
    let before = store.version_vector();
    let refused = |what: &str, code: String, message: String| {
        assert_eq!(code, "demo_store", "{what} was not refused: {message}");
        assert!(
            message.contains("demo store") && message.contains("never leaves this machine"),
            "{what}: {message}"
        );
    };

    let contacts = store.export_contacts(true, now()).unwrap_err();
    refused(
        "contacts",
        contacts.code().to_string(),
        contacts.to_string(),
    );
    let calendar = store.export_follow_ups(true, Language::Dutch).unwrap_err();
    refused(
        "calendar",
        calendar.code().to_string(),
        calendar.to_string(),
    );

    let options = KpiOptions {
        months: 12,
        per_networker: true,
    };
    let report = store.kpi_report(now(), &options).unwrap();
    for file in [ReportFile::Csv, ReportFile::Html] {
        let error = store
            .kpi_file(&report, file, Language::French, now())
            .unwrap_err();
        refused(
            "the KPI report",
            error.code().to_string(),
            error.to_string(),
        );
    }
    let (from, to) = (
        now().date_naive() - chrono::Duration::days(365),
        now().date_naive(),
    );
    let register = store
        .transparency_register(from, to, Language::English, now())
        .unwrap();
    assert!(
        !register.entries.is_empty(),
        "the demo has a register to show"
    );
    for file in [ReportFile::Csv, ReportFile::Html] {
        let error = store
            .transparency_file(&register, file, Language::German)
            .unwrap_err();
        refused(
            "the transparency register",
            error.code().to_string(),
            error.to_string(),
        );
    }

    let shareable = GraphOptions {
        shareable_only: true,
        ..GraphOptions::default()
    };
    match OrgGraph::from_store(&store, &shareable, now()) {
        Err(GraphError::Store(error @ StoreError::DemoStore { .. })) => refused(
            "the graph file",
            error.code().to_string(),
            error.to_string(),
        ),
        Err(other) => panic!("the graph file was refused for another reason: {other}"),
        Ok(_) => panic!("a demo store built a graph to export"),
    }
    // The map on screen is the owner's own and stays: only what is written to leave is refused.
    OrgGraph::from_store(&store, &GraphOptions::default(), now()).unwrap();

    let person = RecordId(store.all_of_kind(RecordKind::Person).unwrap()[0].id);
    let access = store
        .subject_access(person, kring_i18n::Language::English, now())
        .unwrap_err();
    refused(
        "the subject access report",
        access.code().to_string(),
        access.to_string(),
    );

    let invitation = dir.path().join("invitation.json");
    let invite = store
        .write_invitation(&invitation, Role::Networker, now())
        .unwrap_err();
    refused(
        "the invitation",
        invite.code().to_string(),
        invite.to_string(),
    );
    assert!(!invitation.exists(), "no invitation file was written");

    // A real store's backup restored into the demo would mix real cards with fictional ones
    // (and lift the demo's mark with the backup's settings).
    let real_dir = tempfile::tempdir().unwrap();
    let real = Store::open(&real_dir.path().join("store"), &OpenOptions::default()).unwrap();
    real.init("An Peeters", "an@antwerpen.be", Role::Networker, now())
        .unwrap();
    let backup = real.backup_now(now()).unwrap();
    let restore = store.restore(&backup, now()).unwrap_err();
    refused(
        "the backup",
        restore.code().to_string(),
        restore.to_string(),
    );
    assert!(
        store.backups().is_empty(),
        "no safety backup was made either"
    );

    assert!(store.is_demo().unwrap());
    assert_eq!(
        store.version_vector(),
        before,
        "the demo store was not written"
    );
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

#[test]
fn a_demo_network_with_every_kind_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store"), &OpenOptions::default()).unwrap();
    store
        .init(
            "An Peeters",
            "an.peeters@antwerpen.be",
            Role::Networker,
            now(),
        )
        .unwrap();
    demo::generate(
        &store,
        &DemoOptions {
            seed: 3,
            cards: 150,
            ..DemoOptions::default()
        },
        now(),
    )
    .unwrap();
    let counts = store.counts().unwrap();
    for kind in RecordKind::ALL {
        // Same-as statements, ratings, the roster and the data protection records are not
        // part of the demo.
        if ![
            RecordKind::SameAs,
            RecordKind::StakeholderRating,
            RecordKind::Member,
            RecordKind::Purpose,
            RecordKind::Restriction,
            RecordKind::Forget,
            RecordKind::AccessRequest,
            RecordKind::RetentionRule,
        ]
        .contains(kind)
        {
            assert!(
                counts.get(kind.as_str()).is_some_and(|n| *n > 0),
                "{kind}: {counts:?}"
            );
        }
    }
    let report = store.check(false, now()).unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
}

fn bodies<T: RecordBody>(store: &Store, kind: RecordKind) -> Vec<T> {
    store
        .all_of_kind(kind)
        .unwrap()
        .iter()
        .map(|s| body_of(s).unwrap())
        .collect()
}

#[test]
fn a_french_demo_holds_french_texts_and_the_same_network_as_the_dutch_one() {
    let french_dir = tempfile::tempdir().unwrap();
    let options = |language| DemoOptions {
        cards: 300,
        language,
        ..DemoOptions::default()
    };
    let french = demo_store(&french_dir, &options(kring_i18n::Language::French));
    let english_dir = tempfile::tempdir().unwrap();
    let english = demo_store(&english_dir, &options(kring_i18n::Language::English));
    // The same seed draws the same network: only its words differ.
    assert_eq!(french.counts().unwrap(), english.counts().unwrap());

    let interactions: Vec<Interaction> = bodies(&french, RecordKind::Interaction);
    assert!(interactions.len() > 100, "{}", interactions.len());
    let french_starts = [
        "Concertation sur le thème ",
        "Visite de travail : ",
        "Lunch : état des lieux – ",
        "Appel sur la demande de subsides – ",
        "Événement réseau : rencontre autour du thème ",
        "Table ronde sur le thème ",
        "Suivi de la proposition de projet – ",
        "Prise de contact et exploration – ",
    ];
    for interaction in &interactions {
        assert!(
            french_starts
                .iter()
                .any(|start| interaction.summary.starts_with(start)),
            "not a French summary: {}",
            interaction.summary
        );
        for outcome in &interaction.outcomes {
            assert!(outcome.starts_with("Accord conclu"), "{outcome}");
        }
    }
    let dutch_words = ["Overleg", "Werkbezoek", "Opvolging", "haven", "klimaat"];
    let follow_ups: Vec<FollowUp> = bodies(&french, RecordKind::FollowUp);
    assert!(!follow_ups.is_empty());
    let goals: Vec<kring_core::manager::Goal> = bodies(&french, RecordKind::Goal);
    let goal_names: BTreeSet<&str> = goals.iter().map(|g| g.name.as_str()).collect();
    assert!(
        goal_names.contains("Renforcer le port et la logistique"),
        "{goal_names:?}"
    );
    // Every goal has priority stakeholders: the French tags ("port") matched.
    assert!(goals.iter().all(|g| !g.priority_stakeholders.is_empty()));
    let events: Vec<Event> = bodies(&french, RecordKind::Event);
    assert!(events.iter().any(|e| e.name == "Conférence portuaire"));
    let texts: Vec<&str> = interactions
        .iter()
        .map(|i| i.summary.as_str())
        .chain(follow_ups.iter().map(|f| f.text.as_str()))
        .chain(goals.iter().map(|g| g.name.as_str()))
        .chain(events.iter().map(|e| e.name.as_str()))
        .collect();
    for text in texts {
        for dutch in dutch_words {
            assert!(!text.contains(dutch), "{dutch} in a French demo: {text}");
        }
    }
    let networkers: Vec<Networker> = bodies(&french, RecordKind::Networker);
    assert!(networkers
        .iter()
        .any(|n| n.unit.as_deref() == Some("Relations internationales")));

    // English stays the Flemish demo it always was.
    let english_interactions: Vec<Interaction> = bodies(&english, RecordKind::Interaction);
    assert!(english_interactions
        .iter()
        .any(|i| i.summary.starts_with("Overleg over ")));
}

#[test]
fn a_german_demo_is_the_same_for_the_same_seed() {
    let options = DemoOptions {
        cards: 150,
        language: kring_i18n::Language::German,
        ..DemoOptions::default()
    };
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (first, second) = (demo_store(&a, &options), demo_store(&b, &options));
    let summaries = |store: &Store| -> Vec<String> {
        let mut all: Vec<String> = bodies::<Interaction>(store, RecordKind::Interaction)
            .into_iter()
            .map(|i| i.summary)
            .collect();
        all.sort();
        all
    };
    assert_eq!(summaries(&first), summaries(&second));
    assert!(summaries(&first)
        .iter()
        .any(|s| s.contains("zum Thema") || s.contains(" – ") || s.starts_with("Mittagessen")));
}
