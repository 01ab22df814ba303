//! Limits on what a record may hold (`bounds.rs`, the field table in `schema.rs`): a 50 MB name
//! (accepted before) is refused with the field and the limit and changes nothing, and so is a list
//! of a million tags; text within its limit is kept whole.

use chrono::{DateTime, TimeZone, Utc};
use kring_core::cards::views::LogRequest;
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store, StoreError};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s"), &OpenOptions::default()).unwrap();
    store
        .init("An Peeters", "an@antwerpen.be", Role::Networker, now())
        .unwrap();
    (dir, store)
}

fn refusal(result: Result<impl std::fmt::Debug, StoreError>) -> ValidationError {
    match result {
        Err(StoreError::Invalid(error)) => error,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_fifty_megabyte_name_is_refused_with_the_field_and_the_limit() {
    let (_dir, store) = store();
    let before = store.counts().unwrap();
    let huge = "A".repeat(50 * 1024 * 1024);
    let error = refusal(store.create_person(
        &Person {
            display_name: huge.clone(),
            ..Person::default()
        },
        None,
        None,
        None,
        now(),
    ));
    assert_eq!(error.field, "display_name");
    assert_eq!(
        error.reason,
        "is 52,428,800 characters long; at most 1,000 are allowed"
    );
    let error = refusal(store.create(
        &Organisation {
            name: "Port".into(),
            tags: vec!["haven".into(); 1_000_000],
            ..Organisation::default()
        },
        None,
        now(),
    ));
    assert_eq!(error.field, "tags");
    assert_eq!(store.counts().unwrap(), before, "nothing was written");
}

#[test]
fn every_way_of_writing_text_checks_its_limit_and_text_within_it_is_kept_whole() {
    let (_dir, store) = store();
    let jan = store
        .create_person(
            &Person {
                display_name: "Jan Peeters".into(),
                ..Person::default()
            },
            None,
            None,
            None,
            now(),
        )
        .unwrap();
    // A field edit (`kring card edit`), a note, an interaction's summary.
    let error =
        refusal(store.set_fields(jan, &[("job_title".to_owned(), "x".repeat(1_001))], now()));
    assert_eq!(error.field, "job_title");
    let error = refusal(store.add_note(jan, &"n".repeat(100_001), None, now()));
    assert_eq!(error.field, "text");
    let long_note = "é".repeat(100_000);
    let note = store.add_note(jan, &long_note, None, now()).unwrap();
    let detail = store.card_detail(jan, now()).unwrap();
    assert_eq!(detail.notes[0].id, note);
    assert_eq!(detail.notes[0].text, long_note);
    let error = refusal(store.log_interaction(
        &LogRequest {
            with: vec![jan],
            kind: InteractionKind::Call,
            at: now().fixed_offset(),
            summary: "s".repeat(100_001),
            outcomes: vec![],
            follow_up: None,
            visibility: None,
        },
        now(),
    ));
    assert_eq!(error.field, "summary");
}
