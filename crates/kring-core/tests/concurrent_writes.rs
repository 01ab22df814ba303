//! Writes from two threads of one app: the sync folder's pass imports a colleague's bundle while
//! the person edits the same card. Each reads the record, then commits what it made of it; a
//! commit that wrote what it made of a stale read would undo the other's write, and since the
//! import has already counted the bundle as received, no later delta would bring it back.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::model::*;
use kring_core::store::Store;

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0).unwrap()
}

fn website(store: &Store, id: RecordId) -> Option<String> {
    store.get::<Organisation>(id).unwrap().unwrap().website
}

#[test]
fn an_import_beside_edits_of_the_same_card_keeps_both_every_round() {
    let dir = tempfile::tempdir().unwrap();
    let mia = common::open_initialised(&dir.path().join("mia"), "Mia", Role::Manager, t0());
    let an = common::open_initialised(&dir.path().join("an"), "An", Role::Manager, t0());
    common::enrol(&mia, &an, Role::Manager, t0());
    let port = an
        .create(
            &Organisation {
                name: "Port".into(),
                ..Organisation::default()
            },
            Some(Visibility::Shared),
            t0(),
        )
        .unwrap();
    let first = dir.path().join("first.kring");
    an.export_bundle(&first, true, t0()).unwrap();
    mia.import_bundles(&[first], false, t0()).unwrap();

    let mut lost = Vec::new();
    for round in 0..16u32 {
        let now = t0() + Duration::minutes(i64::from(round) + 1);
        // An changes the website; Mia imports that while she retags the same organisation.
        let mut theirs: Organisation = an.get(port).unwrap().unwrap();
        let sent = format!("https://port-{round}.be");
        theirs.website = Some(sent.clone());
        an.update(port, &theirs, now).unwrap();
        let bundle = dir.path().join(format!("an-{round}.kring"));
        an.export_bundle(&bundle, false, now).unwrap();

        let last_tag = std::thread::scope(|scope| {
            let import = scope.spawn(|| mia.import_bundles(&[bundle], false, now).unwrap());
            let mut tag = String::new();
            for edit in 0..30u32 {
                // As the app's form saves: only what the person changed is written.
                let opened: Organisation = mia.get(port).unwrap().unwrap();
                tag = format!("ronde-{round}-{edit}");
                let edited = Organisation {
                    tags: vec![tag.clone()],
                    ..opened.clone()
                };
                mia.update_from(
                    port,
                    &opened,
                    &edited,
                    now + Duration::seconds(i64::from(edit)),
                )
                .unwrap();
            }
            import.join().unwrap();
            tag
        });
        let held: Organisation = mia.get(port).unwrap().unwrap();
        assert_eq!(
            held.tags,
            vec![last_tag],
            "Mia's own last edit, round {round}"
        );
        if website(&mia, port).as_deref() != Some(sent.as_str()) {
            lost.push(round);
        }
    }
    assert!(
        lost.is_empty(),
        "the imported website was undone by an edit in rounds {lost:?}"
    );
    let report = mia.check(false, t0() + Duration::days(1)).unwrap();
    assert!(report.is_clean(), "{report:?}");
}
