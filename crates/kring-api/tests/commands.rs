//! The app's commands run without a window: the same functions the Tauri shell wraps, called on
//! a session over a real store in a temporary folder, at a fixed time.

use chrono::{DateTime, TimeZone, Utc};
use kring_api::commands::{self, members, network};
use kring_api::error::ErrorCode;
use kring_api::wire::{OrganisationInput, PersonInput};
use kring_api::{Clock, Quiet, Session};
use kring_core::browse::CardQuery;
use kring_core::model::{RecordId, Role};
use kring_core::trust::MembershipStatus;

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
    commands::first_run(session, "An Peeters".into(), "an@antwerpen.be".into(), role).unwrap();
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
        commands::first_run(&session, name.into(), email.into(), Role::Networker).unwrap_err()
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
fn the_language_chosen_in_settings_is_kept_and_one_kring_does_not_speak_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    set_up(&session, Role::Networker);
    let settings = commands::app_status(&session).unwrap().settings;
    assert_eq!(settings.language, None, "a new store follows the system");

    let dutch = kring_core::store::Settings {
        language: Some("nl".into()),
        ..settings.clone()
    };
    commands::save_settings(&session, dutch.clone()).unwrap();
    assert_eq!(commands::app_status(&session).unwrap().settings, dutch);

    for word in ["xx", "NL", "nl-BE", ""] {
        let refused = commands::save_settings(
            &session,
            kring_core::store::Settings {
                language: Some(word.into()),
                ..settings.clone()
            },
        )
        .unwrap_err();
        assert_eq!(refused.code, ErrorCode::Invalid, "{word}");
        assert_eq!(refused.field.as_deref(), Some("language"));
        assert!(
            refused.message.contains("nl, fr, de or en"),
            "{}",
            refused.message
        );
        assert_eq!(
            commands::app_status(&session).unwrap().settings,
            dutch,
            "nothing changed"
        );
    }
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
    assert_eq!(
        (top.total_nodes, whole.total_nodes),
        (whole.nodes.len() as u32, whole.nodes.len() as u32),
        "the map of the most central says how many nodes the whole graph has"
    );
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

fn session_at(dir: &tempfile::TempDir, name: &str) -> Session {
    Session::open(&dir.path().join(name), Clock::Fixed(now()), Box::new(Quiet)).unwrap()
}

#[test]
fn a_member_invited_joins_waits_for_approval_and_is_merged_once_approved() {
    let dir = tempfile::tempdir().unwrap();
    let mia = session_at(&dir, "mia");
    set_up(&mia, Role::Manager);
    let invitation = dir.path().join("uitnodiging.json");
    let written =
        members::write_invitation(&mia, invitation.display().to_string(), Role::Networker).unwrap();

    let bert = session_at(&dir, "bert");
    commands::first_run(
        &bert,
        "Bert Claes".into(),
        "bert@antwerpen.be".into(),
        Role::Networker,
    )
    .unwrap();
    let managers = members::join_organisation(&bert, invitation.display().to_string()).unwrap();
    let mias = members::list_members(&mia).unwrap().me;
    assert_eq!(
        managers.iter().map(|m| &m.fingerprint).collect::<Vec<_>>(),
        [&mias.fingerprint],
        "Bert compares the manager's fingerprint with what Mia reads out"
    );
    assert_eq!(
        members::list_members(&bert).unwrap().organisation,
        Some(written.organisation.to_string())
    );

    // Bert's first bundle waits at Mia's: his key is new to her.
    let port = organisation(&bert, "Port of Antwerp-Bruges");
    let bundle = dir.path().join("bert.kring");
    commands::export_bundle(&bert, bundle.display().to_string(), true).unwrap();
    let report = commands::import_bundles(&mia, vec![bundle.display().to_string()]).unwrap();
    assert_eq!(report.held.len(), 1, "{report:?}");
    assert!(
        commands::card_detail(&mia, port).is_err(),
        "nothing merged yet"
    );
    let waiting = members::list_members(&mia).unwrap();
    let pending: Vec<_> = waiting
        .members
        .iter()
        .filter(|m| m.status == MembershipStatus::Pending)
        .collect();
    assert_eq!(pending.len(), 1, "{waiting:?}");
    assert_eq!(pending[0].name, "Bert Claes");

    let approved = members::approve_member(&mia, pending[0].fingerprint.clone(), None).unwrap();
    assert_eq!(approved.identity.name, "Bert Claes");
    assert!(approved.merged.is_some(), "what was held is merged");
    assert!(commands::card_detail(&mia, port).is_ok());
    assert!(
        find_cards(&mia, "Port of Antwerp")
            .iter()
            .any(|row| row.id == port),
        "the merged card is in Mia's card list at once"
    );
    // Approved once; a second approval finds no one waiting.
    let again = members::approve_member(&mia, pending[0].fingerprint.clone(), None).unwrap_err();
    assert_eq!(again.code, ErrorCode::NotFound, "{again:?}");
}

#[test]
fn a_file_that_is_not_an_invitation_is_refused_next_to_the_file_field_and_joins_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bert = session_at(&dir, "bert");
    set_up(&bert, Role::Networker);
    let forged = dir.path().join("uitnodiging.json");
    for text in ["", "{\"organisation\": 7}", "niet eens json", "[1, 2, 3]"] {
        std::fs::write(&forged, text).unwrap();
        let refused = members::join_organisation(&bert, forged.display().to_string()).unwrap_err();
        assert_eq!(
            (refused.code, refused.field.as_deref()),
            (ErrorCode::Invalid, Some("path")),
            "{text:?}: {refused:?}"
        );
        assert!(
            refused.message.contains("not a Kring invitation"),
            "{refused:?}"
        );
    }
    let missing = dir.path().join("er-niet.json");
    let refused = members::join_organisation(&bert, missing.display().to_string()).unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("path"), "{refused:?}");
    let blank = members::join_organisation(&bert, "  ".into()).unwrap_err();
    assert_eq!(blank.field.as_deref(), Some("path"), "{blank:?}");
    assert_eq!(members::list_members(&bert).unwrap().organisation, None);
}

#[test]
fn a_networker_cannot_write_an_invitation_and_no_file_appears() {
    let dir = tempfile::tempdir().unwrap();
    let an = session_at(&dir, "an");
    set_up(&an, Role::Networker);
    let path = dir.path().join("uitnodiging.json");
    let refused =
        members::write_invitation(&an, path.display().to_string(), Role::Manager).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Failed, "{refused:?}");
    assert!(refused.message.contains("Manager"), "{refused:?}");
    assert!(!path.exists());
}

fn capture_fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../kring-interop/tests/fixtures/capture")
        .join(name)
        .display()
        .to_string()
}

/// An owner who organised the fixture's meeting, Jan and Marie with their addresses, and the
/// organisation at Koen's domain.
fn capture_network(session: &Session) -> (RecordId, RecordId, RecordId) {
    commands::first_run(
        session,
        "An Peeters".into(),
        "an.peeters@antwerpen.be".into(),
        Role::Networker,
    )
    .unwrap();
    let delta = commands::save_organisation(
        session,
        None,
        OrganisationInput {
            name: "Delta Consult".into(),
            website: Some("https://deltaconsult.be".into()),
            ..OrganisationInput::default()
        },
    )
    .unwrap();
    let person = |name: &str, email: &str| {
        let input = PersonInput {
            display_name: name.into(),
            emails: vec![email.into()],
            ..PersonInput::default()
        };
        commands::save_person(session, None, input).unwrap()
    };
    let jan = person("Jan Janssens", "jan.janssens@portofantwerpbruges.com");
    let marie = person("Marie Dubois", "marie.dubois@omgeving.vlaanderen.be");
    (jan, marie, delta)
}

#[test]
fn a_reviewed_invitation_logs_one_meeting_with_the_people_kept_and_the_address_ticked_once() {
    use kring_core::capture::CaptureAction;
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    let (jan, marie, delta) = capture_network(&session);
    let mut plan =
        commands::capture::plan_capture(&session, vec![capture_fixture("outlook_invitation.ics")])
            .unwrap();
    assert_eq!(plan.files.len(), 1);
    assert_eq!(plan.files[0].error, None);
    assert_eq!(plan.items.len(), 1);
    let item = &mut plan.items[0];
    assert_eq!(item.action, CaptureAction::Log, "{:?}", item.reason);
    let people: Vec<RecordId> = item.people.iter().map(|p| p.id).collect();
    assert_eq!(people, [jan, marie], "JAN.JANSSENS@… in capitals is Jan");
    assert_eq!(item.unknown.len(), 1);
    assert_eq!(item.unknown[0].address, "koen.claes@deltaconsult.be");
    assert_eq!(
        item.unknown[0].organisation,
        Some(delta),
        "guessed from the domain"
    );
    assert_eq!(
        commands::card_detail(&session, jan)
            .unwrap()
            .interactions
            .len(),
        0,
        "planning writes nothing"
    );

    // The review: Marie taken out, Koen ticked to add.
    item.people.retain(|p| p.id != marie);
    item.unknown[0].create = true;
    let outcome = commands::capture::apply_capture(&session, plan.clone()).unwrap();
    assert_eq!((outcome.logged, outcome.people_created), (1, 1));
    let jans = commands::card_detail(&session, jan).unwrap().interactions;
    assert_eq!(jans.len(), 1);
    assert_eq!(jans[0].summary, "Overleg kaaimuren Scheldekaaien");
    assert_eq!(jans[0].at.to_rfc3339(), "2024-03-12T14:00:00+01:00");
    assert!(
        commands::card_detail(&session, marie)
            .unwrap()
            .interactions
            .is_empty(),
        "the person removed in the review is not in it"
    );
    let koen = find_cards(&session, "Koen Claes");
    assert_eq!(koen.len(), 1, "Koen is a card now");

    // The same reviewed plan confirmed twice (a double click) logs nothing more.
    let again = commands::capture::apply_capture(&session, plan).unwrap();
    assert_eq!((again.logged, again.people_created), (0, 0));
    assert_eq!(
        commands::card_detail(&session, jan)
            .unwrap()
            .interactions
            .len(),
        1
    );
}

#[test]
fn files_other_than_ics_and_eml_are_refused_unread_and_a_broken_one_is_named_with_its_problem() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    let (jan, _, _) = capture_network(&session);
    // An invitation saved under a photo's name is not read at all.
    let photo = dir.path().join("holiday.jpg");
    std::fs::copy(capture_fixture("outlook_invitation.ics"), &photo).unwrap();
    let broken = dir.path().join("broken.ics");
    std::fs::write(&broken, b"BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n").unwrap();
    let plan = commands::capture::plan_capture(
        &session,
        vec![
            photo.display().to_string(),
            broken.display().to_string(),
            "  ".into(),
        ],
    )
    .unwrap();
    assert!(plan.items.is_empty(), "{:?}", plan.items);
    assert_eq!(plan.files.len(), 2);
    let error_of = |path: &std::path::Path| {
        plan.files
            .iter()
            .find(|f| f.file == path.display().to_string())
            .and_then(|f| f.error.clone())
            .unwrap_or_else(|| panic!("{} has an error: {:?}", path.display(), plan.files))
    };
    let refused = error_of(&photo);
    assert_eq!(refused.code, "unsupported_file");
    assert!(refused.message.contains(".ics"), "{}", refused.message);
    let unreadable = error_of(&broken);
    assert!(!unreadable.message.is_empty());
    assert!(commands::card_detail(&session, jan)
        .unwrap()
        .interactions
        .is_empty());

    let none = commands::capture::plan_capture(&session, vec![]).unwrap_err();
    assert_eq!(none.code, ErrorCode::Invalid);
    assert_eq!(none.field.as_deref(), Some("paths"));
}

#[test]
fn logging_a_meeting_keeps_the_owner_and_colleagues_out_of_the_card_list() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    let (jan, _, _) = capture_network(&session);
    let names = |s: &Session| {
        find_cards(s, "")
            .into_iter()
            .map(|r| r.name)
            .collect::<Vec<_>>()
    };
    let before = names(&session);
    assert_eq!(before, ["Delta Consult", "Jan Janssens", "Marie Dubois"]);
    commands::log_interaction(
        &session,
        kring_api::wire::LogInput {
            with: vec![jan],
            kind: kring_core::model::InteractionKind::Meeting,
            at: "2026-11-20T10:00".into(),
            summary: "Koffie".into(),
            outcomes: vec![],
            follow_up_text: None,
            follow_up_due: None,
            visibility: None,
        },
    )
    .unwrap();
    let plan =
        commands::capture::plan_capture(&session, vec![capture_fixture("outlook_invitation.ics")])
            .unwrap();
    commands::capture::apply_capture(&session, plan).unwrap();
    assert_eq!(
        names(&session),
        before,
        "the owner met in both interactions is not listed as a card"
    );
}

#[test]
fn the_demo_opens_in_a_sandbox_that_never_exports_or_syncs_and_leaving_and_removing_it_leave_the_real_store_as_it_was(
) {
    use kring_api::commands::sandbox;
    use kring_api::Workspace;
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::over(session(&dir), std::sync::Arc::new(Quiet));
    set_up(&workspace.real().unwrap(), Role::Networker);
    let before = workspace.real().unwrap().store.version_vector();
    let status = commands::app_status(&workspace.real().unwrap()).unwrap();
    assert!(
        !status.demo && !status.sandbox,
        "no demo before it is asked for"
    );

    let status = sandbox::open_demo(&workspace, Some(150)).unwrap();
    assert!(status.demo && status.sandbox);
    assert_eq!(
        status.profile.unwrap().name,
        "An Peeters",
        "the owner is the same"
    );
    let demo = workspace.current().unwrap();
    assert!(
        demo.store.path().ends_with("store-demo"),
        "{:?}",
        demo.store.path()
    );
    let page = commands::query_cards(&demo, CardQuery::default()).unwrap();
    assert!(page.total > 100, "the demo's cards: {}", page.total);

    // Nothing fictional leaves: an export and a sync pass are refused in words.
    let bundle = dir.path().join("out.kring");
    let refused = commands::export_bundle(&demo, bundle.display().to_string(), true).unwrap_err();
    assert!(
        refused.message.starts_with("This is the demo")
            && refused.message.contains("Leave the demo"),
        "{}",
        refused.message
    );
    assert!(!bundle.exists());
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let settings = kring_core::store::Settings {
        sync_folder: Some(shared.display().to_string()),
        ..kring_core::store::Settings::default()
    };
    commands::save_settings(&demo, settings).unwrap();
    let refused = commands::sync_now(&demo).unwrap_err();
    assert!(
        refused.message.contains("cannot be synced"),
        "{}",
        refused.message
    );
    drop(demo);

    let status = sandbox::leave_demo(&workspace).unwrap();
    assert!(
        !status.demo && status.sandbox,
        "left, the sandbox stays to open again"
    );
    assert_eq!(
        workspace.real().unwrap().store.version_vector(),
        before,
        "the real store was not written"
    );
    let own = commands::query_cards(&workspace.current().unwrap(), CardQuery::default()).unwrap();
    assert_eq!(
        own.total, 0,
        "none of the demo's cards are in the real store"
    );

    sandbox::open_demo(&workspace, None).unwrap();
    let again = commands::query_cards(&workspace.current().unwrap(), CardQuery::default()).unwrap();
    assert_eq!(again.total, page.total, "the same sandbox, opened again");

    // Removing it while it is open leaves it first.
    let status = sandbox::remove_demo(&workspace).unwrap();
    assert!(!status.demo && !status.sandbox);
    assert!(!dir.path().join("store-demo").exists());
    assert_eq!(workspace.real().unwrap().store.version_vector(), before);
    assert_eq!(
        commands::app_status(&workspace.current().unwrap())
            .unwrap()
            .profile
            .unwrap()
            .name,
        "An Peeters"
    );
}

/// A workspace of a manager (who may write every file) with the demo open, and a backup of the
/// real store made before it was opened.
fn manager_in_the_demo(dir: &tempfile::TempDir) -> (kring_api::Workspace, std::path::PathBuf) {
    let workspace = kring_api::Workspace::over(session(dir), std::sync::Arc::new(Quiet));
    set_up(&workspace.real().unwrap(), Role::Manager);
    organisation(&workspace.real().unwrap(), "Havenbedrijf Antwerpen");
    let backup = commands::backup_now(&workspace.real().unwrap())
        .unwrap()
        .path;
    kring_api::commands::sandbox::open_demo(&workspace, Some(150)).unwrap();
    (workspace, backup)
}

/// `command` (given the demo's session and a file to write) is refused in words that say what,
/// why and what to do; the file is not written and neither store changes.
fn refused_in_the_demo<T: std::fmt::Debug>(
    what: &str,
    command: impl FnOnce(&Session, &std::path::Path, &std::path::Path) -> Result<T, kring_api::AppError>,
) {
    let dir = tempfile::tempdir().unwrap();
    let (workspace, backup) = manager_in_the_demo(&dir);
    let demo = workspace.current().unwrap();
    assert!(demo.store.is_demo().unwrap());
    let (real_before, demo_before) = (
        workspace.real().unwrap().store.version_vector(),
        demo.store.version_vector(),
    );
    let out = dir.path().join("out.file");
    let refused = command(&demo, &out, &backup).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Failed, "{what}: {refused:?}");
    let message = &refused.message;
    assert!(
        message.starts_with("This is the demo")
            && message.contains("fictional")
            && message.contains("never leave this machine")
            && message.contains("Leave the demo"),
        "{what}: {message}"
    );
    assert!(!out.exists(), "{what}: no file was written");
    assert_eq!(
        demo.store.version_vector(),
        demo_before,
        "{what}: the demo changed"
    );
    assert_eq!(
        workspace.real().unwrap().store.version_vector(),
        real_before,
        "{what}: the real store changed"
    );
}

fn text(path: &std::path::Path) -> String {
    path.display().to_string()
}

#[test]
fn in_the_demo_restoring_a_backup_is_refused_and_the_demo_stays_as_it_was() {
    refused_in_the_demo("restore", |demo, _, backup| {
        let refused = commands::restore_backup(demo, text(backup));
        assert!(demo.store.backups().is_empty(), "no safety backup either");
        refused
    });
}

#[test]
fn in_the_demo_exporting_contacts_is_refused_and_no_file_appears() {
    refused_in_the_demo("contacts", |demo, out, _| {
        commands::export_contacts(demo, text(out))
    });
}

#[test]
fn in_the_demo_exporting_follow_ups_as_a_calendar_is_refused_and_no_file_appears() {
    refused_in_the_demo("calendar", |demo, out, _| {
        commands::export_calendar(demo, text(out))
    });
}

#[test]
fn in_the_demo_writing_an_invitation_is_refused_and_no_file_appears() {
    refused_in_the_demo("invitation", |demo, out, _| {
        members::write_invitation(demo, text(out), Role::Networker)
    });
}

#[test]
fn in_the_demo_the_kpi_report_and_its_csv_are_refused_and_no_file_appears() {
    refused_in_the_demo("KPI report", |demo, out, _| {
        commands::manager::export_kpis(demo, text(out), 12)
    });
    refused_in_the_demo("KPI CSV", |demo, out, _| {
        commands::manager::export_kpis(demo, text(&out.with_extension("csv")), 12)
    });
}

#[test]
fn in_the_demo_the_transparency_register_is_refused_and_no_file_appears() {
    refused_in_the_demo("transparency register", |demo, out, _| {
        commands::manager::export_transparency(
            demo,
            "2025-01-01".into(),
            "2026-11-23".into(),
            text(out),
        )
    });
}

#[test]
fn in_the_demo_a_graph_file_is_refused_and_no_file_appears() {
    refused_in_the_demo("graph", |demo, out, _| {
        network::export_graph(demo, kring_core::graph::ExportFormat::GraphMl, text(out))
    });
}

#[test]
fn in_the_demo_a_subject_access_report_is_refused_and_no_file_appears() {
    refused_in_the_demo("subject access report", |demo, out, _| {
        let person = RecordId(
            demo.store
                .all_of_kind(kring_core::model::RecordKind::Person)
                .unwrap()[0]
                .id,
        );
        commands::protection::subject_access_report(demo, person, text(&out.with_extension("html")))
    });
}

#[test]
fn the_scheduled_pass_syncs_the_real_store_while_the_demo_is_open_and_never_the_demo() {
    use kring_api::commands::{sandbox, sync};
    let dir = tempfile::tempdir().unwrap();
    let workspace = kring_api::Workspace::over(session(&dir), std::sync::Arc::new(Quiet));
    set_up(&workspace.real().unwrap(), Role::Networker);
    organisation(&workspace.real().unwrap(), "Havenbedrijf Antwerpen");
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let settings = kring_core::store::Settings {
        sync_folder: Some(shared.display().to_string()),
        ..kring_core::store::Settings::default()
    };
    commands::save_settings(&workspace.real().unwrap(), settings).unwrap();
    sandbox::open_demo(&workspace, Some(150)).unwrap();
    let demo = workspace.current().unwrap();
    let demo_before = demo.store.version_vector();

    // The first tick (the clock is fixed at `now()`): the real store has never synced, so a
    // pass is due, and it runs on the real store although the window shows the demo.
    let schedule = sync::Schedule::default();
    let report = sync::scheduled(&workspace, &schedule)
        .unwrap()
        .expect("a pass was due on the real store");
    assert_eq!(report.at, now());
    assert_eq!(report.folder, shared);
    let status = commands::sync_status(&workspace.real().unwrap()).unwrap();
    assert_eq!(status.last_success_at, Some(now()), "{status:?}");
    assert!(status.last_error.is_none(), "{status:?}");
    let written = std::fs::read_dir(&shared).unwrap().count();
    assert!(written > 0, "the real store's bundle is in the folder");

    // The demo was neither synced nor written, and it is still what the window shows.
    assert!(workspace.demo_open());
    assert_eq!(demo.store.version_vector(), demo_before);
    let demo_status = commands::sync_status(&demo).unwrap();
    assert!(demo_status.last_attempt_at.is_none(), "{demo_status:?}");

    // The next tick at the same moment: nothing is due, nothing runs.
    assert!(sync::scheduled(&workspace, &schedule).unwrap().is_none());
    assert_eq!(std::fs::read_dir(&shared).unwrap().count(), written);
}
