//! Writes a handful of small, valid bundles for the `bundle_reader` fuzz target to start from.
//!
//! ```text
//! cargo run -p kring-core --example bundle_seeds -- fuzz/seeds/bundle_reader fuzz/seeds/record_merge
//! ```
//!
//! Between them the files carry every shape a bundle can take: a full export, a delta, the
//! manager's master, a backup; shared, summary and private records; a tombstone; tags added and
//! removed; a field with concurrent values (a conflict). Each stays under 10 KB so the fuzzer
//! mutates the structure rather than wading through bulk. Keys and stamps are new on every run,
//! so the bytes differ each time; the committed seeds are one such run.
//!
//! The second folder, if given, gets seeds for the `record_merge` target: pairs of postcard-encoded
//! record states (the manager's and the networker's replica of each record), back to back.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::model::{Organisation, Person, RecordId, Role, Visibility};
use kring_core::store::{OpenOptions, Store};
use std::path::{Path, PathBuf};

fn open(path: &Path) -> Store {
    Store::open(
        path,
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .expect("a store opens")
}

fn person(name: &str, email: &str, tags: &[&str]) -> Person {
    Person {
        display_name: name.into(),
        emails: vec![email.into()],
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        ..Person::default()
    }
}

fn main() {
    let out: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("fuzz/seeds/bundle_reader"));
    let record_out: Option<PathBuf> = std::env::args_os().nth(2).map(PathBuf::from);
    std::fs::create_dir_all(&out).expect("the seed folder can be created");
    let work = tempfile::tempdir().expect("a temporary folder");
    let start: DateTime<Utc> = Utc.with_ymd_and_hms(2025, 3, 14, 9, 30, 0).unwrap();
    let at = |minutes: i64| start + Duration::minutes(minutes);

    let networker = open(&work.path().join("networker"));
    networker
        .init(
            "An Peeters",
            "an.peeters@antwerpen.be",
            Role::Networker,
            at(0),
        )
        .expect("init");
    let port = networker
        .create(
            &Organisation {
                name: "Port of Antwerp-Bruges".into(),
                tags: vec!["haven".into()],
                ..Organisation::default()
            },
            None,
            at(1),
        )
        .expect("an organisation");
    let sofie = networker
        .create_person(
            &person("Sofie Peeters", "sofie@port.be", &["haven", "eu"]),
            Some(port),
            Some("Stakeholder Manager"),
            None,
            at(2),
        )
        .expect("a person");
    networker
        .create(
            &person("Zoë Dubois", "zoe@wallonie.be", &[]),
            Some(Visibility::Summary),
            at(3),
        )
        .expect("a summary card");
    networker
        .create(
            &person("Søren Öztürk", "soren@example.dk", &["privé"]),
            Some(Visibility::Private),
            at(4),
        )
        .expect("a private card");
    let gone = networker
        .create(&person("Jan Janssens", "jan@example.be", &[]), None, at(5))
        .expect("a card to delete");
    networker.delete(gone, at(6)).expect("a tombstone");
    networker
        .add_note(sofie, "Met at the port's climate day.", None, at(7))
        .expect("a note");
    write(&networker, &out.join("networker-full.kring"), true, at(8));

    // The manager merges it and sends the master back; both then edit Sofie concurrently.
    let manager = open(&work.path().join("manager"));
    manager
        .init(
            "Lieve Claes",
            "lieve.claes@antwerpen.be",
            Role::Manager,
            at(9),
        )
        .expect("init");
    import(&manager, &out.join("networker-full.kring"), at(10));
    let master = work.path().join("master.kring");
    write(&manager, &master, true, at(11));
    import(&networker, &master, at(12));
    networker
        .set_fields(
            sofie,
            &[
                ("display_name".into(), "Sofie Peeters-Maes".into()),
                ("tags".into(), "eu".into()),
            ],
            at(13),
        )
        .expect("an edit");
    manager
        .set_fields(
            sofie,
            &[("display_name".into(), "S. Peeters".into())],
            at(14),
        )
        .expect("a concurrent edit");
    if let Some(record_out) = &record_out {
        write_record_pairs(&manager, &networker, record_out);
    }
    write(
        &networker,
        &out.join("networker-delta.kring"),
        false,
        at(15),
    );
    import(&manager, &out.join("networker-delta.kring"), at(16));
    write(&manager, &out.join("manager-master.kring"), true, at(17));
    manager
        .backup(&out.join("manager.kring-backup"), at(18))
        .expect("a backup");

    let mut total = 0;
    let mut names: Vec<_> = std::fs::read_dir(&out)
        .expect("the seed folder lists")
        .filter_map(Result::ok)
        .collect();
    names.sort_by_key(|e| e.file_name());
    for entry in names {
        let bytes = entry.metadata().expect("metadata").len();
        assert!(bytes < 10 * 1024, "{:?} is over 10 KB", entry.path());
        total += bytes;
        println!("{:6} bytes  {}", bytes, entry.path().display());
    }
    println!("{total} bytes in all");
}

/// For every record the manager holds: its state there, then its state at the networker (or the
/// manager's again), as postcard, in one file named after the record's kind and position.
fn write_record_pairs(manager: &Store, networker: &Store, out: &Path) {
    std::fs::create_dir_all(out).expect("the record seed folder can be created");
    let mut states = Vec::new();
    manager
        .for_each_state(|state| {
            states.push(state);
            Ok(())
        })
        .expect("the manager's records read");
    for (n, ours) in states.iter().enumerate() {
        let theirs = networker
            .state(RecordId(ours.id))
            .expect("a record reads")
            .unwrap_or_else(|| ours.clone());
        let mut bytes = postcard::to_stdvec(ours).expect("a record encodes");
        bytes.extend(postcard::to_stdvec(&theirs).expect("a record encodes"));
        let path = out.join(format!("{n:02}-{}.postcard", ours.kind));
        std::fs::write(&path, &bytes).expect("a record seed is written");
        println!("{:6} bytes  {}", bytes.len(), path.display());
    }
}

fn write(store: &Store, path: &Path, full: bool, now: DateTime<Utc>) {
    store.export_bundle(path, full, now).expect("an export");
}

fn import(store: &Store, path: &Path, now: DateTime<Utc>) {
    store
        .import_bundles(&[path.to_owned()], false, now)
        .expect("an import");
}
