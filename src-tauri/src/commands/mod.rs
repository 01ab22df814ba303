//! The Tauri commands: each a few lines that parse what the UI sent, call kring-core on the
//! blocking pool and map the error. Time is read here, at the edge, and passed in.

pub mod manager;
pub mod network;

use crate::error::{AppError, AppResult};
use crate::folder_sync;
use crate::state::{AppState, Session};
use crate::wire::*;
use chrono::{DateTime, Duration, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use kring_core::browse::{CardFacets, CardPage, CardQuery};
use kring_core::contacts::ContactImportReport;
use kring_core::demo::{self, DemoOptions, DemoSummary};
use kring_core::identity_groups::DuplicatePair;
use kring_core::model::*;
use kring_core::store::views::{CardDetail, LogRequest, Logged, RelateRequest, RelationshipView};
use kring_core::store::Settings;
use kring_core::sync::conflicts::{RecordConflicts, Resolution};
use kring_core::sync::folder::{SyncReport, SyncStatus};
use kring_core::sync::{BackupFile, ExportReport, ImportReport};
use std::path::PathBuf;
use std::str::FromStr;
use tauri::{AppHandle, Manager, State};
use tauri_specta::Event;

pub(crate) fn id(text: &str) -> AppResult<RecordId> {
    RecordId::from_str(text.trim())
        .map_err(|_| AppError::new("not_found", format!("'{text}' is not a card id.")))
}

fn parse<T: FromStr<Err = ValidationError>>(field: &str, text: &str) -> AppResult<T> {
    T::from_str(text).map_err(|e| AppError::invalid(field, e.reason))
}

pub(crate) fn optional<T: FromStr<Err = ValidationError>>(
    field: &str,
    text: &Option<String>,
) -> AppResult<Option<T>> {
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse(field, text).map(Some),
    }
}

pub(crate) fn date(field: &str, text: &str) -> AppResult<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid(field, format!("'{text}' is not a date (YYYY-MM-DD).")))
}

/// RFC 3339, or a local date and time without offset as `<input type="datetime-local">` sends it.
fn moment(field: &str, text: &str) -> AppResult<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at);
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .and_then(|local| Local.from_local_datetime(&local).earliest())
        .map(|at| at.fixed_offset())
        .ok_or_else(|| AppError::invalid(field, format!("'{text}' is not a date and time.")))
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

fn status_of(session: &Session) -> AppResult<AppStatus> {
    let store = &session.store;
    // From the card list, so the numbers match the list (one row per identity group) and cost
    // nothing once it is built (counting the store would read every record).
    let counts = session.card_counts_now();
    Ok(AppStatus {
        profile: store.profile()?,
        store_path: store.path().display().to_string(),
        node_id: store.node_id().to_string(),
        // From the card list, so the numbers match the list (one row per identity group) and
        // cost nothing once it is built (counting the store reads every record).
        counts: counts.clone().unwrap_or_default(),
        counts_ready: counts.is_some(),
        settings: store.settings()?,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn app_status(state: State<'_, AppState>) -> AppResult<AppStatus> {
    state.run(status_of).await
}

#[tauri::command]
#[specta::specta]
pub async fn first_run(
    state: State<'_, AppState>,
    name: String,
    email: String,
    role: String,
    demo_cards: Option<u32>,
) -> AppResult<AppStatus> {
    let role: Role = parse("role", &role)?;
    if name.trim().is_empty() {
        return Err(AppError::invalid(
            "name",
            "Your name is needed: colleagues see it on what you share.",
        ));
    }
    validate_email("email", email.trim())?;
    state
        .run(move |session| {
            let now = Utc::now();
            session.store.init(&name, &email, role, now)?;
            if let Some(cards) = demo_cards.filter(|n| *n > 0) {
                let options = DemoOptions {
                    cards: cards as usize,
                    ..DemoOptions::default()
                };
                demo::generate(&session.store, &options, now)?;
            }
            session.cards_replaced();
            status_of(session)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn load_demo(state: State<'_, AppState>, cards: u32) -> AppResult<DemoSummary> {
    state
        .run(move |session| {
            let options = DemoOptions {
                cards: cards as usize,
                ..DemoOptions::default()
            };
            let summary = demo::generate(&session.store, &options, Utc::now())?;
            session.cards_replaced();
            Ok(summary)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn query_cards(state: State<'_, AppState>, query: CardQuery) -> AppResult<CardPage> {
    state
        .run(move |session| {
            let cards = session.cards()?;
            let list = cards.as_ref().expect("cards() builds the list");
            Ok(list.query(&session.store, &query)?)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn card_facets(state: State<'_, AppState>) -> AppResult<CardFacets> {
    state
        .run(|session| Ok(session.cards()?.as_ref().expect("built").facets()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn card_detail(state: State<'_, AppState>, id: String) -> AppResult<CardDetail> {
    let id = self::id(&id)?;
    state
        .run(move |session| Ok(session.store.card_detail(id, Utc::now())?))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_person(
    state: State<'_, AppState>,
    id: Option<String>,
    person: PersonInput,
) -> AppResult<String> {
    let existing = id.as_deref().map(self::id).transpose()?;
    let visibility: Option<Visibility> = optional("visibility", &person.visibility)?;
    let organisation = blank_to_none(person.organisation.clone())
        .map(|o| self::id(&o))
        .transpose()?;
    state
        .run(move |session| {
            let store = &session.store;
            let now = Utc::now();
            let mut body: Person = match existing {
                Some(card) => store
                    .get(card)?
                    .ok_or_else(|| AppError::new("not_found", "That card no longer exists."))?,
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
                None => {
                    store.create_person(&body, organisation, title.as_deref(), visibility, now)?
                }
                Some(card) => {
                    store.update(card, &body, now)?;
                    if let Some(visibility) = visibility {
                        store.set_visibility(card, visibility, now)?;
                    }
                    if let Some(organisation) = organisation {
                        let detail = store.card_detail(card, now)?;
                        let already = detail
                            .affiliations
                            .iter()
                            .any(|a| a.current && a.organisation == organisation);
                        if !already {
                            let affiliation = Affiliation {
                                person: card,
                                organisation,
                                title,
                                from: Some(now.date_naive()),
                                to: None,
                            };
                            store.create(&affiliation, None, now)?;
                        }
                    }
                    card
                }
            };
            let mut changed = vec![card];
            changed.extend(organisation);
            session.cards_changed(&changed)?;
            Ok(card.to_string())
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_organisation(
    state: State<'_, AppState>,
    id: Option<String>,
    organisation: OrganisationInput,
) -> AppResult<String> {
    let existing = id.as_deref().map(self::id).transpose()?;
    let visibility: Option<Visibility> = optional("visibility", &organisation.visibility)?;
    let sector: Option<Sector> = optional("sector", &organisation.sector)?;
    let level: Option<Level> = optional("level", &organisation.level)?;
    state
        .run(move |session| {
            let store = &session.store;
            let now = Utc::now();
            let mut body: Organisation = match existing {
                Some(card) => store
                    .get(card)?
                    .ok_or_else(|| AppError::new("not_found", "That card no longer exists."))?,
                None => Organisation::default(),
            };
            body.name = organisation.name.trim().to_owned();
            body.sector = sector;
            body.level = level;
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
            session.cards_changed(&[card])?;
            Ok(card.to_string())
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_card(state: State<'_, AppState>, id: String) -> AppResult<()> {
    let card = self::id(&id)?;
    state
        .run(move |session| {
            session.store.delete(card, Utc::now())?;
            session.cards_changed(&[card])
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn relate(
    state: State<'_, AppState>,
    stakeholder: String,
    relationship: RelateInput,
) -> AppResult<RelationshipView> {
    let card = id(&stakeholder)?;
    let request = RelateRequest {
        strength: relationship.strength,
        trust: relationship.trust,
        cadence_days: relationship.cadence_days,
        status: optional("status", &relationship.status)?,
        since: blank_to_none(relationship.since)
            .map(|d| date("since", &d))
            .transpose()?,
        visibility: optional("visibility", &relationship.visibility)?,
    };
    state
        .run(move |session| {
            let now = Utc::now();
            let relationship = session.store.relate(card, &request, now)?;
            session.cards_changed(&[card])?;
            session
                .store
                .card_detail(card, now)?
                .relationships
                .into_iter()
                .find(|r| r.id == relationship)
                .ok_or_else(|| {
                    AppError::new(
                        "not_found",
                        "The relationship was saved but cannot be shown; reopen the card.",
                    )
                })
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn log_interaction(
    state: State<'_, AppState>,
    interaction: LogInput,
) -> AppResult<Logged> {
    let with = interaction
        .with
        .iter()
        .map(|w| id(w))
        .collect::<AppResult<Vec<_>>>()?;
    if with.is_empty() {
        return Err(AppError::invalid(
            "with",
            "Choose who the interaction was with.",
        ));
    }
    let follow_up = match (
        blank_to_none(interaction.follow_up_text),
        blank_to_none(interaction.follow_up_due),
    ) {
        (Some(text), Some(due)) => Some((text, date("follow_up_due", &due)?)),
        (Some(_), None) => {
            return Err(AppError::invalid(
                "follow_up_due",
                "Give the follow-up a due date.",
            ))
        }
        (None, _) => None,
    };
    let request = LogRequest {
        kind: parse("kind", &interaction.kind)?,
        at: moment("at", &interaction.at)?,
        summary: interaction.summary,
        outcomes: nonempty(interaction.outcomes),
        follow_up,
        visibility: optional("visibility", &interaction.visibility)?,
        with: with.clone(),
    };
    state
        .run(move |session| {
            let logged = session.store.log_interaction(&request, Utc::now())?;
            session.cards_changed(&with)?;
            Ok(logged)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_note(
    state: State<'_, AppState>,
    about: String,
    text: String,
    visibility: Option<String>,
) -> AppResult<String> {
    let about = id(&about)?;
    let visibility: Option<Visibility> = optional("visibility", &visibility)?;
    if text.trim().is_empty() {
        return Err(AppError::invalid("text", "Write the note first."));
    }
    state
        .run(move |session| {
            Ok(session
                .store
                .add_note(about, &text, visibility, Utc::now())?
                .to_string())
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_affiliation(
    state: State<'_, AppState>,
    person: String,
    organisation: String,
    title: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> AppResult<String> {
    let affiliation = Affiliation {
        person: id(&person)?,
        organisation: id(&organisation)?,
        title: blank_to_none(title),
        from: blank_to_none(from).map(|d| date("from", &d)).transpose()?,
        to: blank_to_none(to).map(|d| date("to", &d)).transpose()?,
    };
    state
        .run(move |session| {
            let created = session.store.create(&affiliation, None, Utc::now())?;
            session.cards_changed(&[affiliation.person])?;
            Ok(created.to_string())
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_link(
    state: State<'_, AppState>,
    from: String,
    to: String,
    kind: String,
) -> AppResult<String> {
    if kind.trim().is_empty() {
        return Err(AppError::invalid(
            "kind",
            "Say how the two are linked (for example: partner of).",
        ));
    }
    let link = Link {
        from: id(&from)?,
        to: id(&to)?,
        kind: LinkKind(kind.trim().to_owned()),
    };
    state
        .run(move |session| Ok(session.store.create(&link, None, Utc::now())?.to_string()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn set_follow_up_done(
    state: State<'_, AppState>,
    id: String,
    done: bool,
) -> AppResult<()> {
    let follow_up = self::id(&id)?;
    state
        .run(move |session| {
            Ok(session
                .store
                .set_follow_up_done(follow_up, done, Utc::now())?)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn today(state: State<'_, AppState>) -> AppResult<Today> {
    state
        .run(|session| {
            let store = &session.store;
            let now = Utc::now();
            let today = Local::now().date_naive();
            let open = |views: Vec<kring_core::store::views::FollowUpView>| {
                views.into_iter().filter(|f| !f.done).collect::<Vec<_>>()
            };
            let due = open(store.follow_ups(Some(today + Duration::days(1)))?);
            let upcoming: Vec<_> = open(store.follow_ups(Some(today + Duration::days(15)))?)
                .into_iter()
                .filter(|f| f.due > today)
                .collect();
            let me = store
                .profile()?
                .filter(|p| p.role == Role::Networker)
                .map(|p| p.networker);
            let (going_cold, total) = store.going_cold_of(me, 100, now)?;
            let going_cold_total = total as u32;
            let reviews_due = store.review_reminders(today + Duration::days(14), now)?;
            Ok(Today {
                due,
                upcoming,
                going_cold,
                going_cold_total,
                reviews_due,
            })
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn export_preview(state: State<'_, AppState>, full: bool) -> AppResult<ExportReport> {
    state
        .run(move |session| Ok(session.store.export_preview(full)?))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn export_bundle(
    state: State<'_, AppState>,
    path: String,
    full: bool,
) -> AppResult<ExportReport> {
    let path = file_path("path", &path)?;
    state
        .run(move |session| Ok(session.store.export_bundle(&path, full, Utc::now())?))
        .await
}

pub(crate) fn file_path(field: &str, text: &str) -> AppResult<PathBuf> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::invalid(field, "Choose a file first."));
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
        return Err(AppError::invalid(
            "paths",
            "Choose one or more .kring files first.",
        ));
    }
    Ok(paths)
}

#[tauri::command]
#[specta::specta]
pub async fn import_preview(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> AppResult<ImportReport> {
    let paths = file_paths(&paths)?;
    state
        .run(move |session| Ok(session.store.import_bundles(&paths, true, Utc::now())?))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn import_bundles(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> AppResult<ImportReport> {
    let paths = file_paths(&paths)?;
    state
        .run(move |session| {
            let mut last_sent = std::time::Instant::now() - std::time::Duration::from_secs(1);
            let mut progress = |done: u64, total: u64| {
                // A few updates a second are enough for a progress bar.
                if done == total || last_sent.elapsed() >= std::time::Duration::from_millis(100) {
                    last_sent = std::time::Instant::now();
                    let _ = ImportProgress { done, total }.emit(&app);
                }
            };
            let report = session.store.import_bundles_with_progress(
                &paths,
                false,
                Utc::now(),
                &mut progress,
            )?;
            session.cards_replaced();
            Ok(report)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_conflicts(state: State<'_, AppState>) -> AppResult<Vec<RecordConflicts>> {
    state.run(|session| Ok(session.store.conflicts()?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    id: String,
    field: String,
    resolution: ResolutionInput,
) -> AppResult<()> {
    let record = self::id(&id)?;
    let resolution = match resolution {
        ResolutionInput::KeepCurrent => Resolution::KeepCurrent,
        ResolutionInput::TakeLosing(n) => Resolution::TakeLosing(n as usize),
        ResolutionInput::Value(value) => Resolution::Value(value),
    };
    state
        .run(move |session| {
            session
                .store
                .resolve(record, &field, &resolution, Utc::now())?;
            session.cards_changed(&[record])
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_duplicates(state: State<'_, AppState>) -> AppResult<Vec<DuplicatePair>> {
    state
        .run(|session| Ok(session.store.duplicates(Utc::now())?))
        .await
}

async fn judge(state: State<'_, AppState>, a: String, b: String, same: bool) -> AppResult<()> {
    let (a, b) = (id(&a)?, id(&b)?);
    state
        .run(move |session| {
            session.store.declare_same_as(a, b, same, Utc::now())?;
            // Which card a group shows as changes: rebuild the list.
            session.cards_replaced();
            Ok(())
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn same_as(state: State<'_, AppState>, a: String, b: String) -> AppResult<()> {
    judge(state, a, b, true).await
}

#[tauri::command]
#[specta::specta]
pub async fn not_same(state: State<'_, AppState>, a: String, b: String) -> AppResult<()> {
    judge(state, a, b, false).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> AppResult<()> {
    state
        .run(move |session| Ok(session.store.set_settings(&settings)?))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_identity(
    state: State<'_, AppState>,
    name: String,
    email: String,
) -> AppResult<AppStatus> {
    if name.trim().is_empty() {
        return Err(AppError::invalid("name", "Your name cannot be empty."));
    }
    validate_email("email", email.trim())?;
    state
        .run(move |session| {
            let profile = session.store.update_owner(&name, &email, Utc::now())?;
            session.cards_changed(&[profile.networker])?;
            status_of(session)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn backup_now(state: State<'_, AppState>) -> AppResult<BackupFile> {
    state
        .run(|session| {
            let path = session.store.backup_now(Utc::now())?;
            Ok(BackupFile {
                bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
                name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                path,
            })
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> AppResult<Vec<BackupFile>> {
    state.run(|session| Ok(session.store.backups())).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> AppResult<AppStatus> {
    let path = file_path("path", &path)?;
    state
        .run(move |session| {
            session.store.restore(&path, Utc::now())?;
            session.store.load_search_index()?;
            session.cards_replaced();
            status_of(session)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn import_contacts(
    state: State<'_, AppState>,
    path: String,
    dry_run: bool,
) -> AppResult<ContactImportReport> {
    let path = file_path("path", &path)?;
    state
        .run(move |session| {
            let bytes = std::fs::read(&path).map_err(|e| {
                AppError::new("io", format!("{} cannot be read: {e}", path.display()))
            })?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let report =
                session
                    .store
                    .import_contacts(&name, &bytes, None, None, dry_run, Utc::now())?;
            if !dry_run {
                session.cards_replaced();
            }
            Ok(report)
        })
        .await
}

pub(crate) fn write_text(path: &std::path::Path, text: &str) -> AppResult<()> {
    write_file(path, text.as_bytes())
}

/// Writes a file the user chose, atomically; a full or read-only disk is said in words.
pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> AppResult<()> {
    kring_core::files::write_atomically(path, bytes).map_err(|e| {
        AppError::new(
            "io",
            format!(
                "{} cannot be written: {}",
                path.display(),
                kring_core::files::write_failure(&e)
            ),
        )
    })
}

#[tauri::command]
#[specta::specta]
pub async fn export_contacts(state: State<'_, AppState>, path: String) -> AppResult<u32> {
    let path = file_path("path", &path)?;
    state
        .run(move |session| {
            // The app leaves private cards out, as `kring export-contacts` does by default.
            let export = session.store.export_contacts(false, Utc::now())?;
            write_text(&path, &export.text)?;
            Ok(export.written as u32)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn export_calendar(state: State<'_, AppState>, path: String) -> AppResult<u32> {
    let path = file_path("path", &path)?;
    state
        .run(move |session| {
            let export = session.store.export_follow_ups(false)?;
            write_text(&path, &export.text)?;
            Ok(export.written as u32)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn sync_status(state: State<'_, AppState>) -> AppResult<SyncStatus> {
    state.run(folder_sync::status).await
}

/// A pass through the sync folder now; `None` when no folder is set.
#[tauri::command]
#[specta::specta]
pub async fn sync_now(app: AppHandle, state: State<'_, AppState>) -> AppResult<Option<SyncReport>> {
    let handle = app.clone();
    let report = state
        .run(move |session| folder_sync::pass(session, &handle.state::<folder_sync::PassLock>()))
        .await;
    folder_sync::announce(&app).await;
    report
}

/// Who belongs to the organisation: the roster, the stores waiting for approval, and this one.
#[tauri::command]
#[specta::specta]
pub async fn list_members(state: State<'_, AppState>) -> AppResult<Members> {
    state
        .run(|session| {
            let store = &session.store;
            Ok(Members {
                organisation: store.organisation()?.map(|o| o.to_string()),
                me: store.identity()?,
                members: store.members()?,
                refusals: store.refusal_log()?,
            })
        })
        .await
}

/// Approves a store waiting for approval and merges what was held for it.
#[tauri::command]
#[specta::specta]
pub async fn approve_member(
    state: State<'_, AppState>,
    who: String,
    role: Option<String>,
) -> AppResult<Approved> {
    let role = optional::<Role>("role", &role)?;
    state
        .run(move |session| {
            let (approved, merged) = session.store.approve_and_import(&who, role, Utc::now())?;
            if merged.is_some() {
                session.cards_replaced();
            }
            Ok(Approved {
                identity: approved.identity,
                merged,
            })
        })
        .await
}

/// Writes an invitation for a new member (a manager's act).
#[tauri::command]
#[specta::specta]
pub async fn write_invitation(
    state: State<'_, AppState>,
    path: String,
    role: String,
) -> AppResult<kring_core::trust::Invitation> {
    let role = parse::<Role>("role", &role)?;
    let path = PathBuf::from(path.trim());
    state
        .run(move |session| Ok(session.store.write_invitation(&path, role, Utc::now())?))
        .await
}

/// Joins the organisation of an invitation file; returns its managers, to compare fingerprints.
#[tauri::command]
#[specta::specta]
pub async fn join_organisation(
    state: State<'_, AppState>,
    path: String,
) -> AppResult<Vec<kring_core::trust::Identity>> {
    let path = PathBuf::from(path.trim());
    state
        .run(move |session| Ok(session.store.join_from_file(&path, Utc::now())?))
        .await
}
