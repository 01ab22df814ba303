//! The data protection commands of the app (`kring_api::commands::protection`) on a real store
//! in a temporary folder, at a fixed time: what the card's Data protection menu and the Data
//! protection screen call, and the rights the core keeps.

use chrono::{DateTime, TimeZone, Utc};
use kring_api::commands::{self, network, protection, storage};
use kring_api::error::ErrorCode;
use kring_api::wire::{LogInput, PersonInput};
use kring_api::{Clock, Quiet, Session, Workspace};
use kring_core::browse::CardQuery;
use kring_core::model::{InteractionKind, RecordId, RecordKind, Role, Visibility};
use kring_core::protection::processing_log::Activity;
use kring_core::protection::{
    LawfulBasis, Purpose, RestrictionStatus, RetentionAction, RetentionRule,
};
use std::sync::Arc;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn session(dir: &tempfile::TempDir, role: Role) -> Session {
    let session = Session::open(
        &dir.path().join("store"),
        Clock::Fixed(now()),
        Box::new(Quiet),
    )
    .unwrap();
    commands::first_run(
        &session,
        "An Peeters".into(),
        "an@antwerpen.be".into(),
        role,
    )
    .unwrap();
    session
}

fn person(session: &Session, name: &str, visibility: Visibility) -> RecordId {
    let form = PersonInput {
        display_name: name.into(),
        emails: vec![format!(
            "{}@example.be",
            name.to_lowercase().replace(' ', ".")
        )],
        visibility: Some(visibility),
        ..PersonInput::default()
    };
    commands::save_person(session, None, form).unwrap()
}

fn listed(session: &Session, text: &str) -> Vec<kring_core::browse::CardRow> {
    let query = CardQuery {
        text: text.into(),
        limit: 50,
        ..CardQuery::default()
    };
    commands::query_cards(session, query).unwrap().rows
}

#[test]
fn a_person_marked_restricted_shows_the_mark_in_the_list_and_on_the_card_until_it_is_lifted() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Manager);
    let jan = person(&session, "Jan Peeters", Visibility::Shared);
    assert_eq!(listed(&session, "Jan")[0].restriction, None);

    let mark = protection::mark_restriction(
        &session,
        jan,
        RestrictionStatus::Restricted,
        Some("letter of 20 November".into()),
    )
    .unwrap()
    .expect("the mark stands");
    assert_eq!(mark.status, RestrictionStatus::Restricted);
    assert_eq!(mark.reason.as_deref(), Some("letter of 20 November"));
    assert_eq!(
        listed(&session, "Jan")[0].restriction,
        Some(RestrictionStatus::Restricted),
        "the list shows the mark at once"
    );
    let card = commands::card_detail(&session, jan).unwrap();
    assert_eq!(
        card.restriction.map(|r| r.status),
        Some(RestrictionStatus::Restricted)
    );

    let lifted =
        protection::mark_restriction(&session, jan, RestrictionStatus::Lifted, None).unwrap();
    assert!(lifted.is_none());
    assert_eq!(listed(&session, "Jan")[0].restriction, None);
}

#[test]
fn the_subject_access_report_names_the_person_is_logged_and_a_wrong_extension_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Manager);
    let jan = person(&session, "Jan Peeters", Visibility::Shared);
    commands::add_note(&session, jan, "Wants the port study".into(), None).unwrap();

    let html = dir.path().join("jan.html");
    let written =
        protection::subject_access_report(&session, jan, html.display().to_string()).unwrap();
    assert_eq!(written.name, "Jan Peeters");
    assert!(written.records >= 2, "the card and the note: {written:?}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("Jan Peeters") && page.contains("Wants the port study"));

    let json = dir.path().join("jan.json");
    protection::subject_access_report(&session, jan, json.display().to_string()).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(report["name"], "Jan Peeters");

    let text = dir.path().join("jan.txt");
    let refused = protection::subject_access_report(&session, jan, text.display().to_string())
        .expect_err("a .txt report is refused");
    assert_eq!(
        (refused.code, refused.field.as_deref()),
        (ErrorCode::Invalid, Some("path"))
    );
    assert!(!text.exists());

    let log = protection::processing_log(&session).unwrap();
    let reports: Vec<_> = log
        .iter()
        .filter(|e| e.activity == Activity::SubjectAccess)
        .collect();
    assert_eq!(
        reports.len(),
        2,
        "two reports written, one refused: {log:?}"
    );
    assert_eq!(reports[0].by, "An Peeters");
}

#[test]
fn a_forgotten_person_leaves_the_card_list_and_is_listed_among_the_erasures() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Manager);
    let jan = person(&session, "Jan Peeters", Visibility::Shared);
    assert_eq!(listed(&session, "Jan").len(), 1);

    let blank = protection::forget_person(&session, jan, "  ".into()).unwrap_err();
    assert_eq!(
        (blank.code, blank.field.as_deref()),
        (ErrorCode::Invalid, Some("reason"))
    );
    assert_eq!(listed(&session, "Jan").len(), 1, "a refusal forgets no one");

    let report = protection::forget_person(&session, jan, "Art. 17, case 2026-014".into()).unwrap();
    assert!(report.forget.is_some(), "a forget record that travels");
    assert!(listed(&session, "Jan").is_empty(), "gone from the search");
    assert!(
        listed(&session, "").iter().all(|row| row.id != jan),
        "gone from the whole list, not only from search"
    );
    let gone = commands::card_detail(&session, jan).unwrap_err();
    assert_eq!(gone.code, ErrorCode::NotFound);

    let erasures = protection::list_erasures(&session).unwrap();
    assert_eq!(erasures.len(), 1);
    assert_eq!(erasures[0].subject, jan);
    assert_eq!(erasures[0].reason, "Art. 17, case 2026-014");
    assert_eq!(erasures[0].by.as_deref(), Some("An Peeters"));

    let log = protection::processing_log(&session).unwrap();
    assert_eq!(log[0].activity, Activity::Erasure, "newest first: {log:?}");
}

/// Whether any file in the store folder holds `needle` (sled stores values as they are, and the
/// search term file the folded terms, so a name is found as its bytes).
fn folder_holds(store: &std::path::Path, needle: &str) -> bool {
    fn walk(path: &std::path::Path, needle: &[u8]) -> bool {
        if path.is_dir() {
            return std::fs::read_dir(path)
                .unwrap()
                .filter_map(Result::ok)
                .any(|entry| walk(&entry.path(), needle));
        }
        let bytes = std::fs::read(path).unwrap_or_default();
        bytes.windows(needle.len()).any(|w| w == needle)
    }
    walk(store, needle.as_bytes())
}

#[test]
fn compacting_from_the_app_takes_a_forgotten_persons_bytes_off_the_disk_and_the_store_answers_after(
) {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::over(session(&dir, Role::Manager), Arc::new(Quiet));
    let real = workspace.real().unwrap();
    let forgotten = person(&real, "Zoë Vanderuytgracht", Visibility::Shared);
    let kept = person(&real, "Jan Peeters", Visibility::Shared);
    assert!(!storage::storage_status(&real).unwrap().compaction_due);
    protection::forget_person(&real, forgotten, "Art. 17, case 2026-014".into()).unwrap();
    let before = storage::storage_status(&real).unwrap();
    assert!(before.compaction_due, "a forget makes compacting due");
    assert!(before.database_bytes > 0);
    let store = real.store.path().to_owned();
    real.store.flush().unwrap();
    // Lower case and without its first letter: found in a record and in the term file alike.
    assert!(
        folder_holds(&store, "anderuytgracht"),
        "sled keeps the forgotten name in its files until the store is compacted"
    );
    drop(real);

    let done = storage::compact_store(&workspace, "after-the-forget".into()).unwrap();
    assert!(!done.usage.compaction_due, "compacted, nothing is due");
    assert!(done.database_bytes_after > 0);
    assert_eq!(done.usage.database_bytes, done.database_bytes_after);
    assert!(
        !folder_holds(&store, "anderuytgracht"),
        "the forgotten name has left the disk"
    );
    // The workspace answers from the rewritten store.
    let real = workspace.real().unwrap();
    let rows = listed(&real, "Peeters");
    assert_eq!(
        rows.iter().map(|row| row.id).collect::<Vec<_>>(),
        vec![kept]
    );
    assert!(listed(&real, "Vanderuytgracht").is_empty());
    person(&real, "Mia Claes", Visibility::Shared);
    assert_eq!(listed(&real, "Claes").len(), 1, "and takes new cards");
    // (At the session's fixed clock the erasure and the compaction share a time, so which
    // comes first in the log is not said.)
    let log = protection::processing_log(&real).unwrap();
    assert!(
        log.iter()
            .any(|entry| entry.activity == Activity::Compaction),
        "the compaction is in the processing log: {log:?}"
    );
}

#[test]
fn a_networker_forgets_her_own_private_card_but_is_told_who_may_forget_a_shared_one() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Networker);
    let shared = person(&session, "Jan Peeters", Visibility::Shared);
    let private = person(&session, "Mira Claes", Visibility::Private);

    let refused = protection::forget_person(&session, shared, "Art. 17".into()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Failed);
    assert!(
        refused.message.contains("only a Manager of the Network"),
        "{}",
        refused.message
    );
    assert_eq!(listed(&session, "Jan").len(), 1, "refused: nothing changed");

    let report = protection::forget_person(&session, private, "asked in person".into()).unwrap();
    assert_eq!(report.forget, None, "a private card is forgotten here only");
    assert!(listed(&session, "Mira").is_empty());
    let erasures = protection::list_erasures(&session).unwrap();
    assert!(erasures[0].local);
}

#[test]
fn only_a_manager_writes_purposes_rules_and_access_requests() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Networker);
    let jan = person(&session, "Jan Peeters", Visibility::Shared);
    let purpose = Purpose {
        name: "Netwerkbeheer".into(),
        lawful_basis: LawfulBasis::PublicTask,
        ..Purpose::default()
    };
    let rule = RetentionRule {
        name: "Notes".into(),
        applies_to: RecordKind::Note,
        action: RetentionAction::Remove,
        after_days: 365,
        fields: vec![],
        legal_reference: "Selectielijst".into(),
        description: None,
    };
    for refused in [
        protection::add_purpose(&session, purpose).unwrap_err(),
        protection::add_retention_rule(&session, rule).unwrap_err(),
        protection::raise_access_request(&session, jan, None, None).unwrap_err(),
    ] {
        assert!(
            refused.message.contains("Manager of the Network"),
            "{}",
            refused.message
        );
    }
    assert!(protection::list_retention_rules(&session)
        .unwrap()
        .is_empty());
    assert!(protection::list_purposes(&session).unwrap()[0].default);
    assert!(protection::list_access_requests(&session)
        .unwrap()
        .is_empty());
}

#[test]
fn the_retention_review_shows_what_would_go_and_changes_nothing_until_applied() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Manager);
    let jan = person(&session, "Jan Peeters", Visibility::Shared);
    let meeting = |at: &str, summary: &str| LogInput {
        kind: InteractionKind::Meeting,
        at: at.into(),
        summary: summary.into(),
        with: vec![jan],
        outcomes: vec![],
        follow_up_text: None,
        follow_up_due: None,
        visibility: None,
    };
    commands::log_interaction(&session, meeting("2019-03-04T10:00", "Old harbour talks")).unwrap();
    commands::log_interaction(&session, meeting("2026-10-01T10:00", "Recent talks")).unwrap();
    let rule = RetentionRule {
        name: "Meeting summaries".into(),
        applies_to: RecordKind::Interaction,
        action: RetentionAction::Clear,
        after_days: 6 * 365,
        fields: vec!["summary".into()],
        legal_reference: "Selectielijst lokale besturen, reeks 1.2".into(),
        description: None,
    };
    let id = protection::add_retention_rule(&session, rule).unwrap();
    assert_eq!(
        protection::list_retention_rules(&session).unwrap()[0].id,
        id
    );

    let review = protection::retention_review(&session).unwrap();
    assert!(review.report.dry_run);
    assert_eq!(review.report.rules[0].records, 1);
    assert_eq!(review.records.len(), 1);
    assert_eq!(review.records[0].label, "Old harbour talks");
    assert_eq!(review.records[0].cleared, vec!["summary".to_owned()]);
    assert_eq!(
        review.records[0].date,
        chrono::NaiveDate::from_ymd_opt(2019, 3, 4)
    );
    let timeline = |session: &Session| {
        commands::card_detail(session, jan)
            .unwrap()
            .interactions
            .iter()
            .map(|i| i.summary.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        timeline(&session).contains(&"Old harbour talks".to_owned()),
        "a review changes nothing"
    );

    let applied = protection::apply_retention(&session).unwrap();
    assert!(!applied.dry_run);
    assert!(!timeline(&session).contains(&"Old harbour talks".to_owned()));
    assert!(timeline(&session).contains(&"Recent talks".to_owned()));
    assert_eq!(
        protection::processing_log(&session).unwrap()[0].activity,
        Activity::Retention
    );
    assert!(protection::retention_review(&session)
        .unwrap()
        .records
        .is_empty());
}

#[test]
fn an_access_request_cannot_be_dated_in_the_future_and_is_answered_today() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Manager);
    let jan = person(&session, "Jan Peeters", Visibility::Shared);
    let future = protection::raise_access_request(&session, jan, Some("2027-01-01".into()), None)
        .unwrap_err();
    assert_eq!(future.field.as_deref(), Some("received"));
    let request =
        protection::raise_access_request(&session, jan, None, Some("DPO-2026-7".into())).unwrap();
    protection::answer_access_request(&session, request).unwrap();
    let requests = protection::list_access_requests(&session).unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].reference.as_deref(), Some("DPO-2026-7"));
    assert_eq!(requests[0].answered, Some(now().date_naive()));
}

#[test]
fn a_picture_of_the_map_is_refused_in_the_sync_folder_and_logged_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Networker);
    let folder = dir.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    let mut settings = session.store.settings().unwrap();
    settings.sync_folder = Some(folder.display().to_string());
    commands::save_settings(&session, settings).unwrap();

    let inside = folder.join("kring-network.svg");
    let refused = network::save_map_image(&session, inside.display().to_string(), "<svg/>".into())
        .unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("path"));
    assert!(!inside.exists(), "nothing written in the sync folder");

    let mine = dir.path().join("kring-network.svg");
    network::save_map_image(&session, mine.display().to_string(), "<svg/>".into()).unwrap();
    assert!(mine.exists());
    let log = protection::processing_log(&session).unwrap();
    assert_eq!(log[0].activity, Activity::Export);
    assert!(log[0].text.contains("kring-network.svg"));
}

#[test]
fn the_app_applies_the_rules_once_a_day_and_a_rule_added_that_day_waits_for_its_review() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Manager);
    let jan = person(&session, "Jan Peeters", Visibility::Shared);
    let old = LogInput {
        kind: InteractionKind::Meeting,
        at: "2019-03-04T10:00".into(),
        summary: "Old harbour talks".into(),
        with: vec![jan],
        outcomes: vec![],
        follow_up_text: None,
        follow_up_due: None,
        visibility: None,
    };
    commands::log_interaction(&session, old).unwrap();
    let day = std::sync::Mutex::new(None);
    // At start-up there is no rule: nothing runs, and the day is remembered.
    assert!(protection::retention_if_due(&session, &day)
        .unwrap()
        .is_none());
    let rule = RetentionRule {
        name: "Meeting summaries".into(),
        applies_to: RecordKind::Interaction,
        action: RetentionAction::Clear,
        after_days: 6 * 365,
        fields: vec!["summary".into()],
        legal_reference: "Selectielijst lokale besturen, reeks 1.2".into(),
        description: None,
    };
    protection::add_retention_rule(&session, rule).unwrap();
    assert!(
        protection::retention_if_due(&session, &day)
            .unwrap()
            .is_none(),
        "the same day, the new rule waits: the review still shows it"
    );
    assert_eq!(
        protection::retention_review(&session)
            .unwrap()
            .records
            .len(),
        1
    );

    // The next start (a fresh memory) applies it.
    let restarted = std::sync::Mutex::new(None);
    let run = protection::retention_if_due(&session, &restarted)
        .unwrap()
        .expect("the rule ran at start-up");
    assert_eq!(run.swept.total(), 1);
    assert!(protection::retention_review(&session)
        .unwrap()
        .records
        .is_empty());
}

#[test]
fn the_app_writes_the_report_and_reads_the_log_and_the_purposes_in_the_language_it_speaks() {
    let dir = tempfile::tempdir().unwrap();
    let session = session(&dir, Role::Manager);
    let jan = person(&session, "Jan Peeters", Visibility::Shared);
    commands::set_language(&session, kring_i18n::Language::French).unwrap();

    let html = dir.path().join("jan.html");
    protection::subject_access_report(&session, jan, html.display().to_string()).unwrap();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"fr\">"), "{page}");
    assert!(page.contains("Rapport d&#39;accès : Jan Peeters") && page.contains("Vos droits"));
    assert!(!page.contains("Your rights"));

    let log = protection::processing_log(&session).unwrap();
    assert_eq!(log[0].text, format!("personne {jan}"));

    let purposes = protection::list_purposes(&session).unwrap();
    assert_eq!(purposes[0].name, "Gestion stratégique des relations");
    assert_eq!(
        purposes[0].article,
        "art. 6, paragraphe 1, point e), du RGPD"
    );
}
