//! What the store says about its disk space: imports count the records they wrote (sled keeps
//! their superseded pages until a compaction), a compaction starts the count again, and it
//! reports its progress up to every entry it copied.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use kring_core::model::{Person, Role};
use kring_core::store::{OpenOptions, Store};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap()
}

fn person(name: &str) -> Person {
    Person {
        display_name: name.into(),
        ..Person::default()
    }
}

fn options() -> OpenOptions {
    OpenOptions {
        cache_bytes: 1 << 20,
    }
}

#[test]
fn imports_count_the_records_they_wrote_and_a_compaction_starts_the_count_again() {
    let dir = tempfile::tempdir().unwrap();
    let mia = common::open_initialised(&dir.path().join("mia"), "Mia", Role::Manager, t0());
    let an = common::open_initialised(&dir.path().join("an"), "An", Role::Networker, t0());
    common::one_organisation(&[&mia, &an], t0());
    for n in 0..40 {
        an.create(&person(&format!("Persoon {n}")), None, t0())
            .unwrap();
    }
    assert_eq!(mia.disk_usage().unwrap().imported_since_compaction, 0);

    let bundle = dir.path().join("an.kring");
    an.export_bundle(&bundle, true, t0()).unwrap();
    let report = mia
        .import_bundles(std::slice::from_ref(&bundle), false, t0())
        .unwrap();
    let written = report.added + report.changed + report.deleted;
    assert!(written >= 40, "{report:?}");
    let usage = mia.disk_usage().unwrap();
    assert_eq!(usage.imported_since_compaction, written);
    assert!(
        !usage.compaction_suggested && !usage.imports_left_room,
        "a few dozen records in a small store are not worth a compaction"
    );

    // A dry run writes nothing, and the same bundle again changes nothing: neither counts.
    mia.import_bundles(std::slice::from_ref(&bundle), true, t0())
        .unwrap();
    let again = mia.import_bundles(&[bundle], false, t0()).unwrap();
    assert_eq!(again.added + again.changed + again.deleted, 0, "{again:?}");
    assert_eq!(mia.disk_usage().unwrap().imported_since_compaction, written);

    let mut calls: Vec<(u64, u64)> = Vec::new();
    let (mia, report) = mia
        .compact_with_progress(&options(), t0(), &mut |done, total| {
            calls.push((done, total))
        })
        .unwrap();
    assert_eq!(mia.disk_usage().unwrap().imported_since_compaction, 0);
    assert_eq!(mia.search("persoon", 100).unwrap().len(), 40);
    // The progress starts at nothing, never goes back, and ends at every entry copied.
    let (first, last) = (calls[0], *calls.last().unwrap());
    assert_eq!(first.0, 0);
    assert_eq!(last, (report.rewrite.entries, report.rewrite.entries));
    assert!(
        calls.windows(2).all(|pair| pair[0].0 <= pair[1].0),
        "{calls:?}"
    );
    assert!(calls.iter().all(|(done, total)| done <= total), "{calls:?}");
}

#[test]
fn a_store_that_imported_many_records_is_advised_to_compact_once_it_is_large() {
    // The rule, at its edges: the records imported and the database's size must both be large.
    use kring_core::compaction::{compaction_suggested, imports_left_room};
    let mib = 1u64 << 20;
    assert!(!imports_left_room(9_999, 500 * mib));
    assert!(imports_left_room(10_000, 64 * mib));
    assert!(!compaction_suggested(false, 9_999, 500 * mib));
    assert!(!compaction_suggested(false, 186_644, 63 * mib));
    assert!(compaction_suggested(false, 10_000, 64 * mib));
    assert!(compaction_suggested(false, 186_644, 218 * mib));
    // Something forgotten is always worth a compaction: its bytes are still in the files. It is
    // not room that imports left, though (the import's advice does not appear for it).
    assert!(compaction_suggested(true, 0, 0));
    assert!(!imports_left_room(0, 0));
}

#[test]
fn a_store_opened_again_still_knows_what_imports_wrote_since_its_compaction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mia");
    let written = {
        let mia = common::open_initialised(&path, "Mia", Role::Manager, t0());
        let an = common::open_initialised(&dir.path().join("an"), "An", Role::Networker, t0());
        common::one_organisation(&[&mia, &an], t0());
        an.create(&person("Jan Haven"), None, t0()).unwrap();
        let bundle = dir.path().join("an.kring");
        an.export_bundle(&bundle, true, t0()).unwrap();
        let report = mia.import_bundles(&[bundle], false, t0()).unwrap();
        report.added + report.changed + report.deleted
    };
    let mia = Store::open(&path, &options()).unwrap();
    assert!(written > 0);
    assert_eq!(mia.disk_usage().unwrap().imported_since_compaction, written);
}

#[test]
fn a_compaction_stopped_half_way_leaves_the_store_as_it_was_and_a_later_one_goes_through() {
    use kring_core::model::RecordId;
    use kring_core::store::NewRecord;
    use std::cell::Cell;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mia");
    let mia = common::open_initialised(&path, "Mia", Role::Manager, t0());
    let an = common::open_initialised(&dir.path().join("an"), "An", Role::Networker, t0());
    common::one_organisation(&[&mia, &an], t0());
    // Enough entries that the copy is stopped with trees still to copy.
    let people: Vec<NewRecord> = (0..2_500)
        .map(|n| {
            let id = RecordId::new_v7(1_000 + n);
            NewRecord::new(id, &person(&format!("Persoon {n}")))
        })
        .collect();
    an.create_many(people, t0()).unwrap();
    let bundle = dir.path().join("an.kring");
    an.export_bundle(&bundle, true, t0()).unwrap();
    let imported = mia.import_bundles(&[bundle], false, t0()).unwrap();
    let written = imported.added + imported.changed + imported.deleted;
    // A forget leaves a compaction due: a stopped one leaves it due still.
    let forgotten = mia.create(&person("Te Vergeten"), None, t0()).unwrap();
    mia.forget(forgotten, "verzoek van de betrokkene", t0())
        .unwrap();
    assert!(mia.compaction_due().unwrap());
    let digest = mia.digest().unwrap();

    let copying = Cell::new(false);
    let (mia, report) = mia
        .compact_stoppable(
            &options(),
            t0(),
            &mut |done, _| copying.set(done > 0),
            &|| copying.get(),
        )
        .unwrap();
    assert!(report.rewrite.stopped, "{report:?}");
    assert!(report.rewrite.entries > 0, "{report:?}");
    assert!(
        !path.join("compact.new").exists(),
        "the partial copy is removed"
    );
    assert_eq!(mia.digest().unwrap(), digest);
    assert_eq!(mia.disk_usage().unwrap().imported_since_compaction, written);
    assert!(mia.compaction_due().unwrap());
    // The forgotten person was taken out of backups and files before the copy: that is logged.
    let compactions = |mia: &Store| {
        mia.processing_log(None, kring_i18n::Language::English)
            .unwrap()
            .into_iter()
            .filter(|entry| {
                entry.activity == kring_core::protection::processing_log::Activity::Compaction
            })
            .count()
    };
    assert_eq!(compactions(&mia), 1);
    assert_eq!(mia.search("persoon", 3_000).unwrap().len(), 2_500);
    mia.create(&person("Na het stoppen"), None, t0()).unwrap();

    // Opened again, it is the same store; a compaction that is let run goes through.
    drop(mia);
    let mia = Store::open(&path, &options()).unwrap();
    assert_eq!(mia.search("stoppen", 10).unwrap().len(), 1);
    let (mia, report) = mia.compact(&options(), t0()).unwrap();
    assert!(!report.rewrite.stopped);
    assert_eq!(mia.disk_usage().unwrap().imported_since_compaction, 0);
    assert!(!mia.compaction_due().unwrap());
    assert_eq!(mia.search("persoon", 3_000).unwrap().len(), 2_500);
}
