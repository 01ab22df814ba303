//! The app's commands run without a window: the same functions the Tauri shell wraps, called on
//! a session over a real store in a temporary folder, at a fixed time.

use chrono::{DateTime, TimeZone, Utc};
use kring_api::commands::{self, network};
use kring_api::wire::{OrganisationInput, PersonInput};
use kring_api::{Clock, Quiet, Session};
use kring_core::browse::CardQuery;

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

fn set_up(session: &Session, role: &str) {
    commands::first_run(
        session,
        "An Peeters".into(),
        "an@antwerpen.be".into(),
        role.into(),
        None,
    )
    .unwrap();
}

fn organisation(session: &Session, name: &str) -> String {
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
    set_up(&session, "networker");
    let port = organisation(&session, "Port of Antwerp-Bruges");
    let form = PersonInput {
        display_name: "Jan Peeters".into(),
        organisation: Some(port.clone()),
        organisation_title: Some("Havenkapitein".into()),
        ..PersonInput::default()
    };
    let jan = commands::save_person(&session, None, form.clone()).unwrap();
    // Saving the form again with the same organisation adds nothing.
    commands::save_person(&session, Some(jan.clone()), form).unwrap();
    let detail = commands::card_detail(&session, jan.clone()).unwrap();
    let current: Vec<_> = detail.affiliations.iter().filter(|a| a.current).collect();
    assert_eq!(current.len(), 1, "one current affiliation: {current:?}");
    assert_eq!(current[0].organisation.to_string(), port);
    assert_eq!(current[0].title.as_deref(), Some("Havenkapitein"));

    // Another organisation later: a second current one, from today.
    let vito = organisation(&session, "VITO");
    let form = PersonInput {
        display_name: "Jan Peeters".into(),
        organisation: Some(vito.clone()),
        ..PersonInput::default()
    };
    commands::save_person(&session, Some(jan.clone()), form).unwrap();
    let detail = commands::card_detail(&session, jan).unwrap();
    let vito_affiliation = detail
        .affiliations
        .iter()
        .find(|a| a.organisation.to_string() == vito)
        .expect("an affiliation at VITO");
    assert_eq!(vito_affiliation.from, Some(now().date_naive()));
}

#[test]
fn the_today_command_answers_what_the_store_says_for_today() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, "manager");
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
fn a_bad_role_or_email_is_refused_next_to_its_field_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    let refused = commands::first_run(
        &session,
        "An".into(),
        "an@antwerpen.be".into(),
        "boss".into(),
        None,
    )
    .unwrap_err();
    assert_eq!(
        (refused.code.as_str(), refused.field.as_deref()),
        ("invalid", Some("role"))
    );
    let refused = commands::first_run(
        &session,
        "An".into(),
        "an@".into(),
        "networker".into(),
        None,
    )
    .unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("email"));
    assert!(
        refused.message.contains("'an@' is not an email address"),
        "{}",
        refused.message
    );
    assert!(commands::app_status(&session).unwrap().profile.is_none());
}

#[test]
fn the_map_of_a_large_network_draws_the_most_central_nodes_and_the_ones_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, "manager");
    commands::load_demo(&session, 300).unwrap();
    let whole = network::network_map(&session, 0, Vec::new()).unwrap();
    assert!(whole.nodes.len() > 50, "{} nodes", whole.nodes.len());
    let least = whole.nodes.last().unwrap().id.to_string();
    let top = network::network_map(&session, 10, vec![least.clone()]).unwrap();
    assert_eq!(
        top.nodes.len(),
        11,
        "ten most central and the one asked for"
    );
    assert_eq!(
        top.nodes[..10].iter().map(|n| n.id).collect::<Vec<_>>(),
        whole.nodes[..10].iter().map(|n| n.id).collect::<Vec<_>>()
    );
    assert_eq!(top.nodes[10].id.to_string(), least);
}

#[test]
fn a_saved_organisation_is_in_the_card_list_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, "networker");
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
