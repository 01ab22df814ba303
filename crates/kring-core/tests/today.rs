//! Today (`Store::today`): the one answer the app's Today screen and `kring today` show.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kring_core::cards::views::{LogRequest, RelateRequest};
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn open(dir: &tempfile::TempDir, role: Role) -> Store {
    let options = OpenOptions {
        cache_bytes: 1 << 20,
    };
    let store = Store::open(&dir.path().join("store"), &options).unwrap();
    store
        .init("An Peeters", "an@antwerpen.be", role, now())
        .unwrap();
    store
}

fn person(store: &Store, name: &str) -> RecordId {
    let body = Person {
        display_name: name.into(),
        ..Person::default()
    };
    store.create(&body, None, now()).unwrap()
}

/// Logs a meeting `days_ago` with `who`, with a follow-up due `due_in` days from today.
fn meeting(store: &Store, who: RecordId, days_ago: i64, due_in: i64) -> RecordId {
    let request = LogRequest {
        with: vec![who],
        kind: InteractionKind::Meeting,
        at: (now() - Duration::days(days_ago)).fixed_offset(),
        summary: "Koffie".into(),
        outcomes: Vec::new(),
        follow_up: Some(("Mail the minutes".into(), today() + Duration::days(due_in))),
        visibility: None,
    };
    store
        .log_interaction(&request, now())
        .unwrap()
        .follow_up
        .unwrap()
}

fn keep_in_touch_every(store: &Store, who: RecordId, days: u32) {
    let request = RelateRequest {
        strength: Some(3),
        cadence_days: Some(days),
        ..RelateRequest::default()
    };
    store.relate(who, &request, now()).unwrap();
}

#[test]
fn today_splits_follow_ups_into_due_and_the_coming_fortnight_and_leaves_done_ones_out() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, Role::Networker);
    let (jan, els, koen, lies) = (
        person(&store, "Jan"),
        person(&store, "Els"),
        person(&store, "Koen"),
        person(&store, "Lies"),
    );
    meeting(&store, jan, 3, -1);
    meeting(&store, els, 3, 14);
    meeting(&store, koen, 3, 15);
    let done = meeting(&store, lies, 3, 0);
    store.set_follow_up_done(done, true, now()).unwrap();

    let answer = store.today(today(), now()).unwrap();
    let about = |views: &[kring_core::cards::views::FollowUpView]| -> Vec<String> {
        views.iter().map(|f| f.about[0].1.clone()).collect()
    };
    assert_eq!(
        about(&answer.due),
        ["Jan"],
        "due yesterday is due; Lies's is done"
    );
    assert_eq!(
        about(&answer.upcoming),
        ["Els"],
        "due in 14 days is coming up, in 15 days not yet"
    );
}

#[test]
fn a_networker_sees_their_own_relationships_going_cold_and_a_manager_everyones() {
    for role in [Role::Networker, Role::Manager] {
        let dir = tempfile::tempdir().unwrap();
        let store = open(&dir, role);
        let (jan, els) = (person(&store, "Jan"), person(&store, "Els"));
        meeting(&store, jan, 60, 30);
        keep_in_touch_every(&store, jan, 30);
        // A colleague's relationship with Els, last contact in the spring, as a master brings it.
        let colleague = store
            .create(
                &Networker {
                    name: "Bart".into(),
                    email: None,
                    unit: None,
                    job_title: None,
                    status: Some(NetworkerStatus::Active),
                },
                None,
                now(),
            )
            .unwrap();
        let relationship = Relationship {
            networker: colleague,
            stakeholder: els,
            strength: 4,
            trust: None,
            given: Vec::new(),
            received: Vec::new(),
            since: None,
            cadence_days: Some(30),
            status: None,
            last_contact: Some((now() - Duration::days(200)).fixed_offset()),
        };
        store
            .create_with_id(
                RecordId::for_relationship(colleague, els),
                &relationship,
                None,
                now(),
            )
            .unwrap();
        let answer = store.today(today(), now()).unwrap();
        let cold: Vec<&str> = answer
            .going_cold
            .iter()
            .map(|r| r.stakeholder_name.as_str())
            .collect();
        let expected: &[&str] = match role {
            Role::Networker => &["Jan"],
            Role::Manager => &["Els", "Jan"],
        };
        assert_eq!(cold, expected, "{role}: coldest first");
        assert_eq!(answer.going_cold_total as usize, expected.len());
    }
}
