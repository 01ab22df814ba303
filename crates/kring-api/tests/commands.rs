//! The app's commands run without a window: the same functions the Tauri shell wraps, called on
//! a session over a real store in a temporary folder, at a fixed time.

use chrono::{DateTime, TimeZone, Utc};
use kring_api::commands::{self, network};
use kring_api::error::ErrorCode;
use kring_api::wire::{OrganisationInput, PersonInput};
use kring_api::{Clock, Quiet, Session};
use kring_core::browse::CardQuery;
use kring_core::model::{RecordId, Role};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn session(dir: &tempfile::TempDir) -> Session {
    Session::open(
        &dir.path().join("store"),
        Clock::Fixed(now()),
        Box::new(Quiet),
    )
    .unwrap()
}

fn set_up(session: &Session, role: Role) {
    commands::first_run(
        session,
        "An Peeters".into(),
        "an@antwerpen.be".into(),
        role,
        None,
    )
    .unwrap();
}

fn organisation(session: &Session, name: &str) -> RecordId {
    let input = OrganisationInput {
        name: name.into(),
        ..OrganisationInput::default()
    };
    commands::save_organisation(session, None, input).unwrap()
}

#[test]
fn naming_an_organisation_on_the_person_form_adds_one_current_affiliation() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, Role::Networker);
    let port = organisation(&session, "Port of Antwerp-Bruges");
    let form = PersonInput {
        display_name: "Jan Peeters".into(),
        organisation: Some(port),
        organisation_title: Some("Havenkapitein".into()),
        ..PersonInput::default()
    };
    let jan = commands::save_person(&session, None, form.clone()).unwrap();
    // Saving the form again with the same organisation adds nothing.
    commands::save_person(&session, Some(jan), form).unwrap();
    let detail = commands::card_detail(&session, jan).unwrap();
    let current: Vec<_> = detail.affiliations.iter().filter(|a| a.current).collect();
    assert_eq!(current.len(), 1, "one current affiliation: {current:?}");
    assert_eq!(current[0].organisation, port);
    assert_eq!(current[0].title.as_deref(), Some("Havenkapitein"));

    // Another organisation later: a second current one, from today.
    let vito = organisation(&session, "VITO");
    let form = PersonInput {
        display_name: "Jan Peeters".into(),
        organisation: Some(vito),
        ..PersonInput::default()
    };
    commands::save_person(&session, Some(jan), form).unwrap();
    let detail = commands::card_detail(&session, jan).unwrap();
    let vito_affiliation = detail
        .affiliations
        .iter()
        .find(|a| a.organisation == vito)
        .expect("an affiliation at VITO");
    assert_eq!(vito_affiliation.from, Some(now().date_naive()));
}

#[test]
fn the_today_command_answers_what_the_store_says_for_today() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, Role::Manager);
    commands::load_demo(&session, 200).unwrap();
    let answer = serde_json::to_value(commands::today(&session).unwrap()).unwrap();
    let store =
        serde_json::to_value(session.store.today(now().date_naive(), now()).unwrap()).unwrap();
    assert_eq!(answer, store, "kring today and the app show one answer");
    assert!(
        answer["going_cold_total"].as_u64().unwrap() > 0,
        "the demo has cold relationships"
    );
}

#[test]
fn a_missing_name_or_a_bad_email_is_refused_next_to_its_field_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    let first_run = |name: &str, email: &str| {
        commands::first_run(&session, name.into(), email.into(), Role::Networker, None).unwrap_err()
    };
    let refused = first_run("  ", "an@antwerpen.be");
    assert_eq!(refused.code, ErrorCode::Invalid);
    assert_eq!(refused.field.as_deref(), Some("name"));
    let refused = first_run("An", "an@");
    assert_eq!(refused.field.as_deref(), Some("email"));
    assert!(
        refused.message.contains("'an@' is not an email address"),
        "{}",
        refused.message
    );
    assert!(commands::app_status(&session).unwrap().profile.is_none());
}

#[test]
fn a_card_that_is_gone_answers_not_found_so_the_screen_stops_showing_it() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, Role::Networker);
    let vito = organisation(&session, "VITO");
    commands::delete_card(&session, vito).unwrap();
    let gone = commands::card_detail(&session, vito).unwrap_err();
    assert_eq!(gone.code, ErrorCode::NotFound, "{}", gone.message);
}

#[test]
fn the_map_of_a_large_network_draws_the_most_central_nodes_and_the_ones_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, Role::Manager);
    commands::load_demo(&session, 300).unwrap();
    let whole = network::network_map(&session, 0, Vec::new()).unwrap();
    assert!(whole.nodes.len() > 50, "{} nodes", whole.nodes.len());
    let least = whole.nodes.last().unwrap().id;
    let top = network::network_map(&session, 10, vec![least]).unwrap();
    assert_eq!(
        top.nodes.len(),
        11,
        "ten most central and the one asked for"
    );
    assert_eq!(
        top.nodes[..10].iter().map(|n| n.id).collect::<Vec<_>>(),
        whole.nodes[..10].iter().map(|n| n.id).collect::<Vec<_>>()
    );
    assert_eq!(top.nodes[10].id, least);
}

#[test]
fn a_saved_organisation_is_in_the_card_list_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, Role::Networker);
    organisation(&session, "VITO");
    let page = commands::query_cards(
        &session,
        CardQuery {
            text: "vito".into(),
            limit: 10,
            ..CardQuery::default()
        },
    )
    .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].name, "VITO");
}

fn find_cards(session: &Session, text: &str) -> Vec<kring_core::browse::CardRow> {
    commands::query_cards(
        session,
        CardQuery {
            text: text.into(),
            limit: 50,
            ..CardQuery::default()
        },
    )
    .unwrap()
    .rows
}

#[test]
fn the_card_list_follows_every_commit_whoever_writes() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, Role::Networker);
    let vito = organisation(&session, "VITO");
    assert_eq!(find_cards(&session, "vito").len(), 1, "the list is built");

    // Written past the app's commands, as a sync pass or an import does.
    let jan = session
        .store
        .create(
            &kring_core::model::Person {
                display_name: "Jan Peeters".into(),
                ..Default::default()
            },
            None,
            now(),
        )
        .unwrap();
    assert_eq!(
        find_cards(&session, "jan").len(),
        1,
        "a card written elsewhere is listed"
    );

    // An interaction moves the last contact of the people met: their rows follow.
    let meeting = kring_api::wire::LogInput {
        with: vec![jan],
        kind: kring_core::model::InteractionKind::Meeting,
        at: now().to_rfc3339(),
        summary: "Koffie".into(),
        outcomes: Vec::new(),
        follow_up_text: None,
        follow_up_due: None,
        visibility: None,
    };
    commands::log_interaction(&session, meeting).unwrap();
    let row = &find_cards(&session, "jan")[0];
    assert_eq!(
        row.last_contact.map(|t| t.to_utc()),
        Some(now()),
        "the meeting's date on Jan's row"
    );

    // Two cards said to be one show as one row; a deleted card goes.
    let jan_again = session
        .store
        .create(
            &kring_core::model::Person {
                display_name: "Jan Peeters".into(),
                ..Default::default()
            },
            None,
            now(),
        )
        .unwrap();
    assert_eq!(find_cards(&session, "jan").len(), 2);
    commands::same_as(&session, jan, jan_again).unwrap();
    assert_eq!(
        find_cards(&session, "jan").len(),
        1,
        "one row for the group"
    );
    commands::delete_card(&session, vito).unwrap();
    assert!(
        find_cards(&session, "vito").is_empty(),
        "a deleted card leaves the list"
    );
}

#[test]
fn a_demo_written_into_the_store_is_counted_at_once_without_a_refresh_call() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, Role::Manager);
    assert_eq!(
        commands::app_status(&session)
            .unwrap()
            .counts
            .values()
            .sum::<u32>(),
        0
    );
    commands::load_demo(&session, 300).unwrap();
    let counts = commands::app_status(&session).unwrap().counts;
    assert!(
        counts.values().sum::<u32>() > 250,
        "the demo's cards are counted: {counts:?}"
    );
}
