//! Editing goals, teams, partnerships and events from a form (`Store::edit_*`): only what the
//! user changed is written, a change synced in while the form was open survives, the merged body
//! is validated as at creation, and the stores still converge. Values worked out by hand.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use kring_core::manager::*;
use kring_core::model::*;
use kring_core::store::{Store, StoreError};
use std::collections::BTreeSet;

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn open(dir: &tempfile::TempDir, name: &str) -> Store {
    common::open_initialised(&dir.path().join(name), name, Role::Manager, t0())
}

fn send(dir: &tempfile::TempDir, from: &Store, to: &Store, file: &str, now: DateTime<Utc>) {
    let path = dir.path().join(file);
    from.export_bundle(&path, true, now).unwrap();
    to.import_bundles(&[path], false, now).unwrap();
}

fn organisation(store: &Store, name: &str, tags: &[&str], now: DateTime<Utc>) -> RecordId {
    store
        .create(
            &Organisation {
                name: name.into(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                ..Organisation::default()
            },
            Some(Visibility::Shared),
            now,
        )
        .unwrap()
}

/// The fields of a record that have a superseded value in its history.
fn rewritten(store: &Store, id: RecordId) -> BTreeSet<String> {
    store
        .history(id)
        .unwrap()
        .into_iter()
        .map(|(field, _, _)| field)
        .collect()
}

#[test]
fn marking_a_goal_achieved_writes_its_status_and_until_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, "Mia");
    let port = organisation(&store, "Port", &[], t0());
    let base = Goal {
        name: "Haven".into(),
        description: Some("De tweede haven van Europa".into()),
        status: Some(GoalStatus::Active),
        until: Some(date(2027, 12, 31)),
        priority_stakeholders: vec![port],
        ..Goal::default()
    };
    let id = store.create_goal(&base, None, t0()).unwrap();

    let edited = Goal {
        status: Some(GoalStatus::Achieved),
        until: Some(date(2026, 10, 1)),
        ..base.clone()
    };
    let saved = store
        .edit_goal(id, &base, &edited, t0() + Duration::minutes(1))
        .unwrap();
    assert_eq!(saved, edited);
    let view = store.goal_view(id, t0()).unwrap();
    assert_eq!(view.goal.status, Some(GoalStatus::Achieved));
    assert_eq!(view.goal.until, Some(date(2026, 10, 1)));
    assert_eq!(view.goal.name, "Haven");
    assert_eq!(
        rewritten(&store, id),
        BTreeSet::from(["status".to_string(), "until".to_string()]),
        "only the two changed registers get a new version; the old ones move to history"
    );

    // An empty name is refused naming the field, and nothing is written.
    let err = store
        .edit_goal(
            id,
            &edited,
            &Goal {
                name: "  ".into(),
                ..edited.clone()
            },
            t0() + Duration::minutes(2),
        )
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(e) if e.field == "name"),
        "the form shows the error next to the name: {err}"
    );
    assert_eq!(store.goal_view(id, t0()).unwrap().goal.name, "Haven");
}

#[test]
fn an_edit_saved_after_a_sync_landed_keeps_the_synced_changes_and_the_stores_converge() {
    let dir = tempfile::tempdir().unwrap();
    let mia = open(&dir, "Mia");
    let jo = open(&dir, "Jo");
    common::enrol(&mia, &jo, Role::Manager, t0());
    let mut now = t0();
    let port = organisation(&mia, "Port", &[], now);
    let vito = organisation(&mia, "VITO", &[], now);
    let ugent = organisation(&mia, "UGent", &[], now);
    let base = Goal {
        name: "Klimaat".into(),
        status: Some(GoalStatus::Active),
        priority_stakeholders: vec![port, vito],
        ..Goal::default()
    };
    let goal = mia.create_goal(&base, None, now).unwrap();
    send(&dir, &mia, &jo, "1.kring", now);

    // Jo opens the form on `base`. Meanwhile Mia writes a description and adds UGent …
    now += Duration::minutes(1);
    let mut mias = base.clone();
    mias.description = Some("Uitstoot halveren".into());
    mias.priority_stakeholders.push(ugent);
    mia.edit_goal(goal, &base, &mias, now).unwrap();
    send(&dir, &mia, &jo, "2.kring", now);

    // … and Jo saves: achieved, without the port.
    now += Duration::minutes(1);
    let jos = Goal {
        status: Some(GoalStatus::Achieved),
        priority_stakeholders: vec![vito],
        ..base.clone()
    };
    let saved = jo.edit_goal(goal, &base, &jos, now).unwrap();
    assert_eq!(saved.status, Some(GoalStatus::Achieved));
    assert_eq!(
        saved.description.as_deref(),
        Some("Uitstoot halveren"),
        "Jo's form had no description, but Jo did not touch it: Mia's stays"
    );
    // A set: its order is the ids' order, and ids made in one millisecond order at random.
    let mut priority = saved.priority_stakeholders.clone();
    priority.sort();
    let mut expected = vec![vito, ugent];
    expected.sort();
    assert_eq!(
        priority, expected,
        "the port removed by Jo, UGent added by Mia"
    );

    send(&dir, &jo, &mia, "3.kring", now);
    let at_mia = mia.goal_view(goal, now).unwrap().goal;
    let mut stakeholders = at_mia.priority_stakeholders.clone();
    stakeholders.sort();
    let mut expected = vec![vito, ugent];
    expected.sort();
    assert_eq!(stakeholders, expected);
    assert_eq!(at_mia.status, Some(GoalStatus::Achieved));
    assert_eq!(mia.digest().unwrap(), jo.digest().unwrap());
}

#[test]
fn a_partnership_edit_changes_the_review_interval_and_ending_it_stops_the_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, "Mia");
    let port = organisation(&store, "Port", &[], t0());
    let smoke = organisation(&store, "Smoke NV", &["tabak"], t0());
    let base = Partnership {
        name: "Haven-Stad".into(),
        status: Some(PartnershipStatus::Active),
        partners: vec![port],
        red_lines: vec!["tag:tabak".into()],
        review_every_days: Some(90),
        started: Some(date(2026, 9, 1)),
        ..Partnership::default()
    };
    let id = store.create_partnership(&base, None, t0()).unwrap();
    // 2026-09-01 + 90 days = 2026-11-30.
    assert_eq!(
        store.partnership_view(id, t0()).unwrap().next_review,
        Some(date(2026, 11, 30))
    );

    // Every 30 days: 2026-09-01 + 30 = 2026-10-01, due on 2026-10-01.
    let monthly = Partnership {
        review_every_days: Some(30),
        objectives: vec!["Walstroom tegen 2028".into()],
        exit_arrangements: Some("Zes maanden opzeg".into()),
        ..base.clone()
    };
    store.edit_partnership(id, &base, &monthly, t0()).unwrap();
    let view = store.partnership_view(id, t0()).unwrap();
    assert_eq!(view.partnership.review_every_days, Some(30));
    assert_eq!(view.next_review, Some(date(2026, 10, 1)));
    assert!(view.review_due);
    assert_eq!(view.partnership.objectives, vec!["Walstroom tegen 2028"]);

    // Zero days is refused next to the field.
    let err = store
        .edit_partnership(
            id,
            &monthly,
            &Partnership {
                review_every_days: Some(0),
                ..monthly.clone()
            },
            t0(),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "review_every_days: must be at least 1 day");

    // Adding a partner that crosses a red line is refused as at creation.
    let err = store
        .edit_partnership(
            id,
            &monthly,
            &Partnership {
                partners: vec![port, smoke],
                ..monthly.clone()
            },
            t0(),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "partners: Smoke NV crosses the red line 'no partner tagged “tabak”'"
    );
    // The same refusal said to a Dutch and a French manager, the red line in their words too;
    // programs read the code, the same in every language.
    let StoreError::Invalid(refusal) = &err else {
        panic!("a validation error: {err:?}")
    };
    assert_eq!(refusal.reason_code(), ReasonCode::CrossesRedLine);
    assert_eq!(
        err.message(kring_i18n::Language::Dutch),
        "partners: Smoke NV overschrijdt de rode lijn ‘geen partner met label “tabak”’"
    );
    assert!(
        err.message(kring_i18n::Language::French)
            .starts_with("partners: Smoke NV franchit la ligne rouge « "),
        "{}",
        err.message(kring_i18n::Language::French)
    );

    // The port later takes the tag: the view warns, and the partnership can still be ended.
    store
        .set_fields(port, &[("tags".into(), "tabak".into())], t0())
        .unwrap();
    assert_eq!(
        store.partnership_view(id, t0()).unwrap().red_line_warnings,
        vec!["Port: no partner tagged “tabak”"]
    );
    let ended = Partnership {
        status: Some(PartnershipStatus::Ended),
        ..monthly.clone()
    };
    store
        .edit_partnership(id, &monthly, &ended, t0() + Duration::minutes(1))
        .unwrap();
    let view = store.partnership_view(id, t0()).unwrap();
    assert_eq!(view.partnership.status, Some(PartnershipStatus::Ended));
    assert_eq!(
        view.next_review, None,
        "an ended partnership is not reviewed"
    );
    assert!(!view.review_due);
}

#[test]
fn an_event_edit_fixes_name_time_location_and_outcomes_and_a_team_is_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, "Mia");
    let me = store.require_profile().unwrap().networker;
    let port = organisation(&store, "Port", &[], t0());
    let at = |h| {
        FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 5, h, 0, 0)
            .unwrap()
    };
    let base = Event {
        name: "Havendag".into(),
        kind: EventKind::Reception,
        at: at(18),
        location: Some("Havenhuis".into()),
        invited: vec![port, me],
        attending: vec![me],
        outcomes: vec![],
        notes: None,
    };
    let id = store.create_event(&base, None, t0()).unwrap();
    let edited = Event {
        name: "Havendag 2026".into(),
        at: at(19),
        location: Some("MAS, Antwerpen".into()),
        attending: vec![me, port],
        outcomes: vec!["Vervolgafspraak met de haven".into()],
        notes: Some("Goed opgekomen".into()),
        ..base.clone()
    };
    store.edit_event(id, &base, &edited, t0()).unwrap();
    let view = store.event_view(id).unwrap();
    assert_eq!(view.event.name, "Havendag 2026");
    assert_eq!(view.event.at.to_rfc3339(), "2026-11-05T19:00:00+01:00");
    assert_eq!(view.event.location.as_deref(), Some("MAS, Antwerpen"));
    assert_eq!(view.attending.len(), 2);
    assert_eq!(view.event.outcomes, vec!["Vervolgafspraak met de haven"]);
    let err = store
        .edit_event(
            id,
            &edited,
            &Event {
                outcomes: vec![" ".into()],
                ..edited.clone()
            },
            t0(),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "outcomes: must not be empty");

    let team = Team {
        name: "Team Haven".into(),
        members: vec![TeamMember {
            networker: me,
            role: TeamRole::Lead,
        }],
        stakeholders: vec![port],
        ..Team::default()
    };
    let team_id = store.create_team(&team, None, t0()).unwrap();
    let renamed = Team {
        name: "Team Haven en Logistiek".into(),
        purpose: Some("De haven en de werkgevers".into()),
        ..team.clone()
    };
    store.edit_team(team_id, &team, &renamed, t0()).unwrap();
    let view = store.team_view(team_id, t0()).unwrap();
    assert_eq!(view.name, "Team Haven en Logistiek");
    assert_eq!(view.purpose.as_deref(), Some("De haven en de werkgevers"));
    assert_eq!(view.members.len(), 1, "the members are as they were");
    assert_eq!(
        rewritten(&store, team_id),
        BTreeSet::from(["name".to_string()]),
        "the old name moves to history; the purpose had no value before"
    );
}
