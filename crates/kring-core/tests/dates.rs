//! Dates people can trust: every date written to a record lies between 1900 and 2100, an
//! interaction has happened (a day ahead at most), and a follow-up is due on or after what it
//! follows. Each refusal names the field, changes nothing, and never panics.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kring_core::cards::views::{LogRequest, RelateRequest};
use kring_core::manager::*;
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store, StoreError};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    jan: RecordId,
    port: RecordId,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s"), &OpenOptions::default()).unwrap();
    store
        .init("An Peeters", "an@antwerpen.be", Role::Manager, now())
        .unwrap();
    let jan = store
        .create(
            &Person {
                display_name: "Jan Peeters".into(),
                ..Person::default()
            },
            None,
            now(),
        )
        .unwrap();
    let port = store
        .create(
            &Organisation {
                name: "Port".into(),
                ..Organisation::default()
            },
            None,
            now(),
        )
        .unwrap();
    Fixture {
        _dir: dir,
        store,
        jan,
        port,
    }
}

/// The refusal is a validation error on `field` that names the years Kring keeps.
fn refused_on(result: Result<impl std::fmt::Debug, StoreError>, field: &str, words: &str) {
    match result {
        Err(StoreError::Invalid(error)) => {
            assert_eq!(error.field, field, "{error}");
            assert!(error.reason.contains(words), "{error}");
        }
        other => panic!("expected a refusal on {field}, got {other:?}"),
    }
}

fn log(f: &Fixture, at: DateTime<Utc>, follow_up: Option<NaiveDate>) -> Result<(), StoreError> {
    f.store
        .log_interaction(
            &LogRequest {
                with: vec![f.jan],
                kind: InteractionKind::Meeting,
                at: at.fixed_offset(),
                summary: "Havenuitbreiding".into(),
                outcomes: vec![],
                follow_up: follow_up.map(|due| ("Verslag sturen".to_owned(), due)),
                visibility: None,
            },
            now(),
        )
        .map(|_| ())
}

#[test]
fn an_interaction_more_than_a_day_ahead_is_refused_and_changes_nothing() {
    let f = fixture();
    let before = f.store.counts().unwrap();
    refused_on(
        log(
            &f,
            Utc.with_ymd_and_hms(2099, 12, 31, 10, 0, 0).unwrap(),
            None,
        ),
        "at",
        "follow-up or an event",
    );
    refused_on(
        log(&f, now() + Duration::hours(25), None),
        "at",
        "in the future",
    );
    assert_eq!(f.store.counts().unwrap(), before, "nothing was written");
    // Later today and tomorrow morning (another time zone, a clock ahead) are fine.
    log(&f, now() + Duration::hours(20), None).unwrap();
}

#[test]
fn dates_before_1900_or_after_2100_are_refused_wherever_a_date_is_written() {
    let f = fixture();
    let s = &f.store;
    let years = "the years Kring keeps (1900–2100)";
    refused_on(
        log(
            &f,
            Utc.with_ymd_and_hms(1899, 12, 31, 10, 0, 0).unwrap(),
            None,
        ),
        "at",
        years,
    );
    refused_on(
        s.create(
            &FollowUp {
                interaction: None,
                about: vec![f.jan],
                text: "Bellen".into(),
                due: day(2101, 1, 1),
                done: false,
            },
            None,
            now(),
        ),
        "due",
        years,
    );
    refused_on(
        s.create(
            &Affiliation {
                person: f.jan,
                organisation: f.port,
                title: None,
                from: Some(day(1, 1, 1)),
                to: None,
            },
            None,
            now(),
        ),
        "from",
        years,
    );
    refused_on(
        s.relate(
            f.jan,
            &RelateRequest {
                since: Some(day(1850, 6, 1)),
                strength: Some(3),
                ..RelateRequest::default()
            },
            now(),
        ),
        "since",
        years,
    );
    let event = Event {
        name: "Havenconferentie".into(),
        kind: EventKind::Conference,
        at: Utc
            .with_ymd_and_hms(9999, 1, 1, 9, 0, 0)
            .unwrap()
            .fixed_offset(),
        location: None,
        invited: vec![],
        attending: vec![],
        outcomes: vec![],
        notes: None,
    };
    refused_on(s.create_event(&event, None, now()), "at", years);
    refused_on(
        s.create_goal(
            &Goal {
                name: "Haven".into(),
                until: Some(day(3000, 1, 1)),
                ..Goal::default()
            },
            None,
            now(),
        ),
        "until",
        years,
    );
    let partnership = s
        .create_partnership(
            &Partnership {
                name: "Haven-Stad".into(),
                partners: vec![f.port],
                ..Partnership::default()
            },
            None,
            now(),
        )
        .unwrap();
    refused_on(
        s.review_partnership(
            &PartnershipReview {
                partnership,
                date: day(0, 1, 1),
                values_based_leadership: 3,
                sharing_credit: 3,
                outcomes_for_communities: 3,
                communication_and_listening: 3,
                empowering_staff: 3,
                notes: None,
                reviewer: None,
            },
            None,
            now(),
        ),
        "date",
        years,
    );
    // An edit by field (`kring card edit`) goes through the same validation.
    refused_on(
        s.set_fields(
            partnership,
            &[("started".to_owned(), "2101-01-01".to_owned())],
            now(),
        ),
        "started",
        years,
    );
}

#[test]
fn a_follow_up_due_before_the_interaction_it_follows_is_refused_one_overdue_since_is_kept() {
    let f = fixture();
    // The case: a follow-up due in 2020 on a meeting logged now.
    refused_on(
        log(&f, now(), Some(day(2020, 1, 1))),
        "due",
        "before the interaction it follows",
    );
    // Last week's meeting, with what was due on Friday: kept, and overdue today.
    let last_week = now() - Duration::days(7);
    log(&f, last_week, Some(day(2026, 11, 20))).unwrap();
    let overdue = f.store.follow_ups(Some(now().date_naive())).unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].due, day(2026, 11, 20));
}
