//! Errors reach the app in the language the person reads it in: `set_language` says which, and
//! every command answers its errors in it from then on, the demo sandbox's included.

use chrono::{TimeZone, Utc};
use kring_api::commands::{self, sandbox};
use kring_api::dispatch;
use kring_api::error::ErrorCode;
use kring_api::{Clock, Quiet, Session, Workspace};
use kring_core::model::Role;
use kring_i18n::Language;
use serde_json::{json, Map, Value};

fn session(dir: &tempfile::TempDir) -> Session {
    Session::open(
        &dir.path().join("store"),
        Clock::Fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()),
        Box::new(Quiet),
    )
    .unwrap()
}

fn args(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

#[test]
fn errors_are_english_until_the_app_sets_a_language_and_then_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    let bad_email = || {
        session.run(|s| commands::first_run(s, "An".into(), "an.peeters".into(), Role::Networker))
    };
    let english = bad_email().unwrap_err();
    assert_eq!(english.code, ErrorCode::Invalid);
    assert_eq!(english.field.as_deref(), Some("email"));
    assert_eq!(english.message, "'an.peeters' is not an email address");

    commands::set_language(&session, Language::Dutch).unwrap();
    let dutch = bad_email().unwrap_err();
    assert_eq!(
        (dutch.code, dutch.field.as_deref()),
        (ErrorCode::Invalid, Some("email")),
        "the code and field stay what programs branch on"
    );
    assert_eq!(dutch.message, "'an.peeters' is geen e-mailadres");

    commands::set_language(&session, Language::French).unwrap();
    let no_profile = session.run(commands::today).map(drop).err();
    if let Some(error) = no_profile {
        assert!(!error.message.contains("not set up"), "{}", error.message);
    }
}

#[test]
fn set_language_is_a_command_the_ui_calls_by_name_with_the_two_letter_code() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    let answer = dispatch::answer(dispatch::call(
        &session,
        "set_language",
        &args(json!({ "language": "de" })),
    ));
    assert_eq!(answer["status"], "ok", "{answer}");
    assert_eq!(session.language(), Language::German);
    let refused = dispatch::call(&session, "set_language", &args(json!({ "language": "es" })));
    assert_eq!(refused.unwrap_err().code, ErrorCode::Invalid);
    assert_eq!(session.language(), Language::German, "unchanged");
    let answer = dispatch::answer(dispatch::call(
        &session,
        "card_detail",
        &args(json!({ "id": "01900000-0000-7000-8000-000000000000" })),
    ));
    let message = answer["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("Datensatz") || message.contains("Kring ist noch nicht"),
        "{answer}"
    );
}

#[test]
fn the_demo_sandbox_speaks_the_language_set_before_it_opened() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::over(session(&dir), std::sync::Arc::new(Quiet));
    commands::first_run(
        &workspace.real().unwrap(),
        "An Peeters".into(),
        "an@antwerpen.be".into(),
        Role::Networker,
    )
    .unwrap();
    commands::set_language(&workspace.real().unwrap(), Language::French).unwrap();
    sandbox::open_demo(&workspace, Some(40)).unwrap();
    assert_eq!(workspace.current().unwrap().language(), Language::French);
    let refused = dispatch::call_in(
        &workspace,
        "export_bundle",
        &args(json!({ "path": dir.path().join("x.kring"), "full": true })),
    )
    .unwrap_err();
    assert!(
        refused.message.starts_with("Ceci est la démo"),
        "{}",
        refused.message
    );
    sandbox::leave_demo(&workspace).unwrap();
}

/// The demo network the app opens is written in the person's language: its goals, here.
fn demo_goal_names(language: Language) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::over(session(&dir), std::sync::Arc::new(Quiet));
    commands::first_run(
        &workspace.real().unwrap(),
        "An Peeters".into(),
        "an@antwerpen.be".into(),
        Role::Manager,
    )
    .unwrap();
    commands::set_language(&workspace.real().unwrap(), language).unwrap();
    sandbox::open_demo(&workspace, Some(40)).unwrap();
    let mut names: Vec<String> = commands::manager::list_goals(&workspace.current().unwrap())
        .unwrap()
        .into_iter()
        .map(|g| g.goal.name)
        .collect();
    sandbox::leave_demo(&workspace).unwrap();
    names.sort();
    names
}

#[test]
fn the_demo_sandbox_network_is_written_in_the_language_set_before_it_opened() {
    let french = demo_goal_names(Language::French);
    assert!(
        french.contains(&"Renforcer le port et la logistique".to_owned()),
        "{french:?}"
    );
    let german = demo_goal_names(Language::German);
    assert!(
        german.iter().all(|name| !french.contains(name)),
        "{german:?}"
    );
    // English keeps the Flemish demo's Dutch (see demo_words.rs).
    let english = demo_goal_names(Language::English);
    assert!(
        english.contains(&"Haven en logistiek versterken".to_owned()),
        "{english:?}"
    );
    assert_eq!(english, demo_goal_names(Language::Dutch));
}

fn capture_fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../kring-interop/tests/fixtures/capture")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_capture_plan_reaches_the_app_with_its_notes_and_warnings_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    commands::first_run(&session, "An".into(), "an@stad.be".into(), Role::Networker).unwrap();
    commands::set_language(&session, Language::French).unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a meeting").unwrap();
    let plan = session
        .run(|s| {
            commands::capture::plan_capture(
                s,
                vec![
                    capture_fixture("outlook_invitation.eml"),
                    notes.to_string_lossy().into_owned(),
                ],
            )
        })
        .unwrap();
    let email = plan
        .files
        .iter()
        .find(|f| f.file.ends_with(".eml"))
        .unwrap();
    let warning = &email.warnings[0];
    assert_eq!(warning.code, "invitation_in_email");
    assert!(
        warning
            .message
            .starts_with("l'e-mail contient une invitation"),
        "{}",
        warning.message
    );
    // Nobody in the invitation is a card here: skipped, and said so in French.
    let item = &plan.items[0];
    assert_eq!(item.reason.code, "no_known_stakeholder");
    assert!(
        item.reason
            .message
            .starts_with("aucune partie prenante connue"),
        "{}",
        item.reason.message
    );
    let refused = plan
        .files
        .iter()
        .find(|f| f.file.ends_with(".txt"))
        .and_then(|f| f.error.as_ref())
        .unwrap();
    assert_eq!(refused.code, "unsupported_file");
    assert!(
        refused.message.starts_with("n'est ni"),
        "{}",
        refused.message
    );
    // Nothing chosen: the refusal is French as well, beside its field.
    let none = session
        .run(|s| commands::capture::plan_capture(s, vec![]))
        .unwrap_err();
    assert_eq!(none.field.as_deref(), Some("paths"));
    assert!(none.message.starts_with("Choisissez"), "{}", none.message);
}

#[test]
fn the_sync_folders_last_error_reaches_the_app_in_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    commands::first_run(&session, "An".into(), "an@stad.be".into(), Role::Networker).unwrap();
    commands::set_language(&session, Language::German).unwrap();
    let mut settings = session.store.settings().unwrap();
    settings.sync_folder = Some(dir.path().join("gone").to_string_lossy().into_owned());
    commands::save_settings(&session, settings).unwrap();
    let error = session.run(commands::sync::pass).unwrap_err();
    assert!(
        error
            .message
            .contains("ist nicht verfügbar (er existiert nicht)"),
        "{}",
        error.message
    );
    let problem = commands::sync::status(&session)
        .unwrap()
        .last_error
        .unwrap();
    assert_eq!(problem.code.as_str(), "sync_folder_unavailable");
    assert!(
        problem
            .message
            .contains("ist nicht verfügbar (er existiert nicht)"),
        "{}",
        problem.message
    );
}

#[test]
fn the_apps_own_refusals_and_file_failures_are_said_in_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir);
    commands::set_language(&session, Language::German).unwrap();
    let nameless = session
        .run(|s| commands::first_run(s, "  ".into(), "an@stad.gent".into(), Role::Networker))
        .unwrap_err();
    assert_eq!(
        (nameless.code, nameless.field.as_deref()),
        (ErrorCode::Invalid, Some("name"))
    );
    assert_eq!(
        nameless.message,
        "Ihr Name wird benötigt: Kolleginnen und Kollegen sehen ihn bei dem, was Sie teilen."
    );
    session
        .run(|s| commands::first_run(s, "An".into(), "an@stad.gent".into(), Role::Networker))
        .unwrap();

    commands::set_language(&session, Language::French).unwrap();
    let missing = dir.path().join("nowhere.vcf");
    let unread = session
        .run(|s| commands::import_contacts(s, missing.display().to_string(), true))
        .unwrap_err();
    assert_eq!(unread.code, ErrorCode::Failed);
    assert!(
        unread.message.contains("ne peut pas être lu"),
        "{}",
        unread.message
    );
    let no_file = session
        .run(|s| commands::import_contacts(s, " ".into(), true))
        .unwrap_err();
    assert_eq!(no_file.message, "Choisissez d'abord un fichier.");

    commands::set_language(&session, Language::Dutch).unwrap();
    let me = session.store.profile().unwrap().unwrap().networker;
    let blank = session
        .run(|s| commands::add_note(s, me, "  ".into(), None))
        .unwrap_err();
    assert_eq!(
        (blank.code, blank.field.as_deref()),
        (ErrorCode::Invalid, Some("text"))
    );
    assert_eq!(blank.message, "Schrijf eerst de notitie.");
}
