//! The commands of the cards, the store and sync: each a plain function over the session that
//! parses what the UI sent, calls kring-core and maps the error. Time is read here, from the
//! session's clock, and passed in. The Tauri shell's `#[tauri::command]`s and the development
//! bridge call these same functions.

pub mod capture;
pub mod manager;
pub mod members;
pub mod network;
pub mod protection;
pub mod sandbox;
pub mod storage;
pub mod sync;

use crate::error::{AppError, AppResult};
use crate::session::Session;
use crate::wire::*;
use crate::worded::InLanguage;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use kring_core::browse::{CardFacets, CardPage, CardQuery};
use kring_core::cards::views::{CardDetail, LogRequest, Logged, RelateRequest, RelationshipView};
use kring_core::contacts::ContactImportReport;
use kring_core::demo::{self, DemoOptions, DemoSummary};
use kring_core::identity_groups::DuplicatePair;
use kring_core::model::*;
use kring_core::protection::processing_log::Activity;
use kring_core::store::Settings;
use kring_core::sync::conflicts::{RecordConflicts, Resolution};
use kring_core::sync::folder::{SyncReport, SyncStatus};
use kring_core::sync::{BackupFile, ExportReport, ImportReport};
use std::path::PathBuf;
use std::str::FromStr;

/// A card id typed or pasted as text (`me` and ids in forms); ids the UI received cross as
/// `RecordId`s.
pub(crate) fn id(text: &str) -> AppResult<RecordId> {
    RecordId::from_str(text.trim()).map_err(|_| {
        AppError::not_found("")
            .worded(|language| kring_i18n::t!(language, "app-not-a-card-id", value = text))
    })
}

pub(crate) fn date(field: &str, text: &str) -> AppResult<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        AppError::invalid(field, "")
            .worded(|language| kring_i18n::t!(language, "app-not-a-date", value = text))
    })
}

/// RFC 3339, or a local date and time without offset as `<input type="datetime-local">` sends it.
fn moment(session: &Session, field: &str, text: &str) -> AppResult<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at);
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .and_then(|local| session.clock().local(local))
        .ok_or_else(|| {
            AppError::invalid(field, "")
                .worded(|language| kring_i18n::t!(language, "app-not-a-moment", value = text))
        })
}

fn nonempty(values: Vec<String>) -> Vec<String> {
    values
        .into_iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

fn blank_to_none(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// The language the person reads the app in: the UI says it at start and whenever the person
/// changes it, and every error a command answers from then on is worded in it.
pub fn set_language(session: &Session, language: kring_i18n::Language) -> AppResult<()> {
    session.set_language(language);
    Ok(())
}

/// Who owns the store, where it is, how big it is.
pub fn app_status(session: &Session) -> AppResult<AppStatus> {
    let store = &session.store;
    // From the card list, so the numbers match the list (one row per identity group) and cost
    // nothing once it is built (counting the store would read every record).
    let counts = session.card_counts_now();
    let demo = store.is_demo()?;
    Ok(AppStatus {
        demo,
        sandbox: demo || demo::sandbox_exists(store.path()),
        profile: store.profile()?,
        store_path: store.path().display().to_string(),
        node_id: store.node_id().to_string(),
        counts: counts.clone().unwrap_or_default(),
        counts_ready: counts.is_some(),
        settings: store.settings()?,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

/// Sets the store up for its owner. The demo network is never put here: it is opened in a
/// sandbox of its own (`sandbox::open_demo`).
pub fn first_run(
    session: &Session,
    name: String,
    email: String,
    role: Role,
) -> AppResult<AppStatus> {
    if name.trim().is_empty() {
        return Err(AppError::invalid("name", "")
            .worded(|language| kring_i18n::t!(language, "app-name-needed")));
    }
    validate_email("email", email.trim())?;
    session.store.init(&name, &email, role, session.now())?;
    app_status(session)
}

/// Fills this session's store with a demo network of about `cards` cards, as `kring demo` does.
/// Not a command the app offers (the app's demo is a sandbox, `sandbox::open_demo`): the
/// development bridge and the tests fill their own throwaway stores with it.
pub fn load_demo(session: &Session, cards: u32) -> AppResult<DemoSummary> {
    let options = DemoOptions {
        cards: cards as usize,
        language: session.language(),
        ..DemoOptions::default()
    };
    let summary = demo::generate(&session.store, &options, session.now())?;
    Ok(summary)
}

pub fn query_cards(session: &Session, query: CardQuery) -> AppResult<CardPage> {
    session.with_cards(|list| Ok(list.query(&session.store, &query)?))
}

pub fn card_facets(session: &Session) -> AppResult<CardFacets> {
    session.with_cards(|list| Ok(list.facets()))
}

pub fn card_detail(session: &Session, id: RecordId) -> AppResult<CardDetail> {
    Ok(session.store.card_detail(id, session.now())?)
}

/// Saves the person form: a new person, or the fields of an existing one. Naming an
/// organisation makes it the person's current employer (`Store::affiliate_now`).
pub fn save_person(
    session: &Session,
    id: Option<RecordId>,
    person: PersonInput,
) -> AppResult<RecordId> {
    let (existing, visibility, organisation) = (id, person.visibility, person.organisation);
    let store = &session.store;
    let now = session.now();
    let mut body: Person = match existing {
        Some(card) => store.get(card)?.ok_or_else(card_gone)?,
        None => Person::default(),
    };
    body.display_name = person.display_name.trim().to_owned();
    body.given_name = blank_to_none(person.given_name);
    body.family_name = blank_to_none(person.family_name);
    body.honorific = blank_to_none(person.honorific);
    body.job_title = blank_to_none(person.job_title);
    body.emails = nonempty(person.emails);
    body.phones = nonempty(person.phones);
    body.websites = nonempty(person.websites);
    body.tags = nonempty(person.tags);
    let title = blank_to_none(person.organisation_title);
    let card = match existing {
        None => store.create_person(&body, organisation, title.as_deref(), visibility, now)?,
        Some(card) => {
            store.update(card, &body, now)?;
            if let Some(visibility) = visibility {
                store.set_visibility(card, visibility, now)?;
            }
            if let Some(organisation) = organisation {
                store.affiliate_now(card, organisation, title.as_deref(), now)?;
            }
            card
        }
    };
    Ok(card)
}

pub fn save_organisation(
    session: &Session,
    id: Option<RecordId>,
    organisation: OrganisationInput,
) -> AppResult<RecordId> {
    let (existing, visibility) = (id, organisation.visibility);
    let store = &session.store;
    let now = session.now();
    let mut body: Organisation = match existing {
        Some(card) => store.get(card)?.ok_or_else(card_gone)?,
        None => Organisation::default(),
    };
    body.name = organisation.name.trim().to_owned();
    body.sector = organisation.sector;
    body.level = organisation.level;
    body.website = blank_to_none(organisation.website);
    body.tags = nonempty(organisation.tags);
    let card = match existing {
        None => store.create(&body, visibility, now)?,
        Some(card) => {
            store.update(card, &body, now)?;
            if let Some(visibility) = visibility {
                store.set_visibility(card, visibility, now)?;
            }
            card
        }
    };
    Ok(card)
}

pub fn delete_card(session: &Session, id: RecordId) -> AppResult<()> {
    Ok(session.store.delete(id, session.now())?)
}

/// This networker's relationship with a stakeholder; answers it as the card shows it.
pub fn relate(
    session: &Session,
    stakeholder: RecordId,
    relationship: RelateInput,
) -> AppResult<RelationshipView> {
    let card = stakeholder;
    let request = RelateRequest {
        strength: relationship.strength,
        trust: relationship.trust,
        cadence_days: relationship.cadence_days,
        status: relationship.status,
        since: blank_to_none(relationship.since)
            .map(|d| date("since", &d))
            .transpose()?,
        visibility: relationship.visibility,
    };
    let now = session.now();
    let relationship = session.store.relate(card, &request, now)?;
    session
        .store
        .card_detail(card, now)?
        .relationships
        .into_iter()
        .find(|r| r.id == relationship)
        .ok_or_else(|| {
            AppError::not_found("")
                .worded(|language| kring_i18n::t!(language, "app-relationship-not-shown"))
        })
}

pub fn log_interaction(session: &Session, interaction: LogInput) -> AppResult<Logged> {
    let with = interaction.with;
    if with.is_empty() {
        return Err(AppError::invalid("with", "")
            .worded(|language| kring_i18n::t!(language, "app-log-with-nobody")));
    }
    let follow_up = match (
        blank_to_none(interaction.follow_up_text),
        blank_to_none(interaction.follow_up_due),
    ) {
        (Some(text), Some(due)) => Some((text, date("follow_up_due", &due)?)),
        (Some(_), None) => {
            return Err(AppError::invalid("follow_up_due", "")
                .worded(|language| kring_i18n::t!(language, "app-follow-up-due-missing")))
        }
        (None, _) => None,
    };
    let request = LogRequest {
        kind: interaction.kind,
        at: moment(session, "at", &interaction.at)?,
        summary: interaction.summary,
        outcomes: nonempty(interaction.outcomes),
        follow_up,
        visibility: interaction.visibility,
        with: with.clone(),
    };
    let logged = session.store.log_interaction(&request, session.now())?;
    Ok(logged)
}

pub fn add_note(
    session: &Session,
    about: RecordId,
    text: String,
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    if text.trim().is_empty() {
        return Err(AppError::invalid("text", "")
            .worded(|language| kring_i18n::t!(language, "app-note-empty")));
    }
    Ok(session
        .store
        .add_note(about, &text, visibility, session.now())?)
}

pub fn add_affiliation(
    session: &Session,
    person: RecordId,
    organisation: RecordId,
    title: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> AppResult<RecordId> {
    let affiliation = Affiliation {
        person,
        organisation,
        title: blank_to_none(title),
        from: blank_to_none(from).map(|d| date("from", &d)).transpose()?,
        to: blank_to_none(to).map(|d| date("to", &d)).transpose()?,
    };
    let created = session.store.create(&affiliation, None, session.now())?;
    Ok(created)
}

pub fn add_link(
    session: &Session,
    from: RecordId,
    to: RecordId,
    kind: UsualLink,
) -> AppResult<RecordId> {
    let link = Link {
        from,
        to,
        kind: LinkKind(kind.as_str().to_owned()),
    };
    Ok(session.store.create(&link, None, session.now())?)
}

pub fn set_follow_up_done(session: &Session, id: RecordId, done: bool) -> AppResult<()> {
    Ok(session.store.set_follow_up_done(id, done, session.now())?)
}

/// The Today screen: `Store::today` on the user's date, as `kring today` prints it.
pub fn today(session: &Session) -> AppResult<Today> {
    Ok(session
        .store
        .today(session.clock().today(), session.now())?)
}

/// What an export would carry; nothing is written (`path` empty).
pub fn export_preview(session: &Session, full: bool) -> AppResult<ExportReport> {
    Ok(session.store.export_preview(full)?)
}

pub fn export_bundle(session: &Session, path: String, full: bool) -> AppResult<ExportReport> {
    let path = file_path("path", &path)?;
    let mut report = session.store.export_bundle(&path, full, session.now())?;
    protection::log_written(session, Activity::Export, &path, report.records)?;
    // The colleagues' hand-overs this store passes on go with it, as their authors signed them.
    for copy in session.store.copy_relays_beside(&path)? {
        protection::log_written(
            session,
            Activity::Export,
            &copy.path,
            copy.header.record_count,
        )?;
        report.relayed.push(copy.path);
    }
    Ok(report)
}

/// A card that was there when the screen asked and is gone now (deleted, or by a sync).
fn card_gone() -> AppError {
    AppError::not_found("").worded(|language| kring_i18n::t!(language, "app-card-gone"))
}

pub(crate) fn file_path(field: &str, text: &str) -> AppResult<PathBuf> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::invalid(field, "")
            .worded(|language| kring_i18n::t!(language, "app-choose-file")));
    }
    Ok(PathBuf::from(text))
}

fn file_paths(paths: &[String]) -> AppResult<Vec<PathBuf>> {
    let paths: Vec<PathBuf> = paths
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| PathBuf::from(p.trim()))
        .collect();
    if paths.is_empty() {
        return Err(AppError::invalid("paths", "")
            .worded(|language| kring_i18n::t!(language, "app-choose-bundles")));
    }
    Ok(paths)
}

/// What importing these bundles would change (a dry run).
pub fn import_preview(session: &Session, paths: Vec<String>) -> AppResult<ImportReport> {
    let paths = file_paths(&paths)?;
    Ok(session
        .store
        .import_bundles(&paths, true, session.now())?
        .in_language(session.language()))
}

/// Imports bundles, all or none, announcing progress a few times a second.
pub fn import_bundles(session: &Session, paths: Vec<String>) -> AppResult<ImportReport> {
    let paths = file_paths(&paths)?;
    let mut progress = crate::session::every_tenth_of_a_second(|done, total| {
        session.announce().import_progress(done, total)
    });
    let report =
        session
            .store
            .import_bundles_with_progress(&paths, false, session.now(), &mut progress)?;
    Ok(report.in_language(session.language()))
}

pub fn list_conflicts(session: &Session) -> AppResult<Vec<RecordConflicts>> {
    Ok(session.store.conflicts()?)
}

pub fn resolve_conflict(
    session: &Session,
    id: RecordId,
    field: String,
    resolution: ResolutionInput,
) -> AppResult<()> {
    let record = id;
    let resolution = match resolution {
        ResolutionInput::KeepCurrent => Resolution::KeepCurrent,
        ResolutionInput::TakeLosing(n) => Resolution::TakeLosing(n as usize),
        ResolutionInput::Value(value) => Resolution::Value(value),
    };
    session
        .store
        .resolve(record, &field, &resolution, session.now())?;
    Ok(())
}

pub fn list_duplicates(session: &Session) -> AppResult<Vec<DuplicatePair>> {
    Ok(session
        .store
        .duplicates(session.now())?
        .in_language(session.language()))
}

fn judge(session: &Session, a: RecordId, b: RecordId, same: bool) -> AppResult<()> {
    session.store.declare_same_as(a, b, same, session.now())?;
    Ok(())
}

/// Two cards are one person or organisation.
pub fn same_as(session: &Session, a: RecordId, b: RecordId) -> AppResult<()> {
    judge(session, a, b, true)
}

/// Two cards are not one (undoes `same_as`).
pub fn not_same(session: &Session, a: RecordId, b: RecordId) -> AppResult<()> {
    judge(session, a, b, false)
}

/// The languages the app speaks (`ui/messages/*/<language>.json`).
pub const LANGUAGES: &[&str] = &["nl", "fr", "de", "en"];

pub fn save_settings(session: &Session, settings: Settings) -> AppResult<()> {
    if let Some(language) = &settings.language {
        if !LANGUAGES.contains(&language.as_str()) {
            return Err(AppError::invalid(
                "language",
                format!("Kring does not speak \"{language}\": choose nl, fr, de or en."),
            ));
        }
    }
    Ok(session.store.set_settings(&settings)?)
}

/// The operating system's language as a BCP 47 tag ("nl-BE", "fr-FR"), or none when it names
/// none; the UI takes it when Settings name no language. Needs no store.
pub fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

pub fn save_identity(session: &Session, name: String, email: String) -> AppResult<AppStatus> {
    if name.trim().is_empty() {
        return Err(AppError::invalid("name", "")
            .worded(|language| kring_i18n::t!(language, "app-name-empty")));
    }
    validate_email("email", email.trim())?;
    session.store.update_owner(&name, &email, session.now())?;
    app_status(session)
}

pub fn backup_now(session: &Session) -> AppResult<BackupFile> {
    let path = session.store.backup_now(session.now())?;
    Ok(BackupFile {
        bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path,
    })
}

pub fn list_backups(session: &Session) -> AppResult<Vec<BackupFile>> {
    Ok(session.store.backups())
}

pub fn restore_backup(session: &Session, path: String) -> AppResult<AppStatus> {
    let path = file_path("path", &path)?;
    session.store.restore(&path, session.now())?;
    session.store.load_search_index()?;
    app_status(session)
}

pub fn import_contacts(
    session: &Session,
    path: String,
    dry_run: bool,
) -> AppResult<ContactImportReport> {
    let path = file_path("path", &path)?;
    let bytes = std::fs::read(&path).map_err(|e| {
        AppError::failed("").worded(|language| {
            kring_i18n::t!(
                language,
                "app-file-unreadable",
                path = path.display().to_string(),
                cause = e.to_string()
            )
        })
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report =
        session
            .store
            .import_contacts(&name, &bytes, None, None, dry_run, session.now())?;
    Ok(report)
}

pub(crate) fn write_text(path: &std::path::Path, text: &str) -> AppResult<()> {
    write_file(path, text.as_bytes())
}

/// Writes a file the user chose, atomically; a full or read-only disk is said in words.
pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> AppResult<()> {
    kring_core::files::write_atomically(path, bytes).map_err(|e| {
        AppError::failed("").worded(|language| {
            kring_i18n::t!(
                language,
                "app-file-unwritable",
                path = path.display().to_string(),
                cause = kring_core::files::write_failure_in(&e, language)
            )
        })
    })
}

/// People and organisations as vCard 4.0; answers how many cards were written. Private cards
/// stay out, as `kring export-contacts` leaves them out by default.
pub fn export_contacts(session: &Session, path: String) -> AppResult<u32> {
    let path = file_path("path", &path)?;
    let export = session.store.export_contacts(false, session.now())?;
    write_text(&path, &export.text)?;
    protection::log_written(
        session,
        Activity::ContactsExport,
        &path,
        export.written as u64,
    )?;
    Ok(export.written as u32)
}

/// Follow-ups as iCalendar to-dos; answers how many were written (private ones stay out).
pub fn export_calendar(session: &Session, path: String) -> AppResult<u32> {
    let path = file_path("path", &path)?;
    let export = session.store.export_follow_ups(false, session.language())?;
    write_text(&path, &export.text)?;
    protection::log_written(
        session,
        Activity::ContactsExport,
        &path,
        export.written as u64,
    )?;
    Ok(export.written as u32)
}

pub fn sync_status(session: &Session) -> AppResult<SyncStatus> {
    sync::status(session)
}

/// A pass through the sync folder now; `None` when no folder is set. Announces the folder's
/// state when done.
pub fn sync_now(session: &Session) -> AppResult<Option<SyncReport>> {
    let report = sync::pass(session);
    sync::announce(session);
    report
}
