//! The Tauri commands: each one line that runs the function of the same name in
//! `kring_api::commands` on the blocking pool. Everything a command does lives there, where the
//! development bridge and the tests call it too.

use crate::state::AppState;
use kring_api::commands::protection::{self, RetentionReview, SubjectAccessWritten};
use kring_api::commands::storage::{self, CompactionDone};
use kring_api::commands::{self, sandbox};
use kring_api::wire::*;
use kring_api::AppResult;
use kring_core::browse::{CardFacets, CardPage, CardQuery};
use kring_core::capture::{CaptureOutcome, CapturePlan};
use kring_core::cards::views::{CardDetail, Logged, RelationshipView};
use kring_core::contacts::ContactImportReport;
use kring_core::graph::risk::KeyPersonRisk;
use kring_core::graph::{ExportFormat, GraphStats, IntroPath, MapData, NetworkHealth};
use kring_core::identity_groups::DuplicatePair;
use kring_core::manager::kpi::KpiReport;
use kring_core::manager::offboard::{HandoverPlan, NetworkerSummary};
use kring_core::manager::records::{Event, Goal, Partnership, PartnershipReview, Team, TeamRole};
use kring_core::manager::transparency::TransparencyRegister;
use kring_core::manager::{
    EventView, GoalView, GridTheme, PartnershipView, StakeholderGrid, TeamView,
};
use kring_core::model::{RecordId, Role, UsualLink, Visibility};
use kring_core::protection::access::{AccessRequestView, PurposeView};
use kring_core::protection::erasure::{ErasureView, ForgetReport};
use kring_core::protection::processing_log::ProcessingEntry;
use kring_core::protection::restriction::RestrictionView;
use kring_core::protection::retention::{RetentionReport, RetentionRuleView};
use kring_core::protection::{Purpose, RestrictionStatus, RetentionRule};
use kring_core::store::Settings;
use kring_core::sync::conflicts::RecordConflicts;
use kring_core::sync::folder::{SyncReport, SyncStatus};
use kring_core::sync::{BackupFile, ExportReport, ImportReport};
use kring_core::trust::{Identity, Invitation};
use kring_i18n::Language;
use tauri::State;

/// The language the person reads the app in: errors are worded in it from now on.
#[tauri::command]
#[specta::specta]
pub async fn set_language(state: State<'_, AppState>, language: Language) -> AppResult<()> {
    state
        .run(move |s| commands::set_language(s, language))
        .await
}

/// Who owns the store, where it is, how big it is.
#[tauri::command]
#[specta::specta]
pub async fn app_status(state: State<'_, AppState>) -> AppResult<AppStatus> {
    state.run(commands::app_status).await
}

/// Sets the store up for its owner (the demo is opened apart, `open_demo`).
#[tauri::command]
#[specta::specta]
pub async fn first_run(
    state: State<'_, AppState>,
    name: String,
    email: String,
    role: Role,
) -> AppResult<AppStatus> {
    state
        .run(move |s| commands::first_run(s, name, email, role))
        .await
}

/// Opens the demo sandbox, making it with about `cards` cards the first time.
#[tauri::command]
#[specta::specta]
pub async fn open_demo(state: State<'_, AppState>, cards: Option<u32>) -> AppResult<AppStatus> {
    state.run_in(move |w| sandbox::open_demo(w, cards)).await
}

/// Leaves the demo sandbox for the user's own store.
#[tauri::command]
#[specta::specta]
pub async fn leave_demo(state: State<'_, AppState>) -> AppResult<AppStatus> {
    state.run_in(sandbox::leave_demo).await
}

/// Removes the demo sandbox (leaving it first if it is open).
#[tauri::command]
#[specta::specta]
pub async fn remove_demo(state: State<'_, AppState>) -> AppResult<AppStatus> {
    state.run_in(sandbox::remove_demo).await
}

#[tauri::command]
#[specta::specta]
pub async fn query_cards(state: State<'_, AppState>, query: CardQuery) -> AppResult<CardPage> {
    state.run(move |s| commands::query_cards(s, query)).await
}

#[tauri::command]
#[specta::specta]
pub async fn card_facets(state: State<'_, AppState>) -> AppResult<CardFacets> {
    state.run(commands::card_facets).await
}

#[tauri::command]
#[specta::specta]
pub async fn card_detail(state: State<'_, AppState>, id: RecordId) -> AppResult<CardDetail> {
    state.run(move |s| commands::card_detail(s, id)).await
}

/// Saves the person form: a new person, or the fields of an existing one. Naming an
/// organisation makes it the person's current employer (`Store::affiliate_now`).
#[tauri::command]
#[specta::specta]
pub async fn save_person(
    state: State<'_, AppState>,
    id: Option<RecordId>,
    person: PersonInput,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::save_person(s, id, person))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_organisation(
    state: State<'_, AppState>,
    id: Option<RecordId>,
    organisation: OrganisationInput,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::save_organisation(s, id, organisation))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_card(state: State<'_, AppState>, id: RecordId) -> AppResult<()> {
    state.run(move |s| commands::delete_card(s, id)).await
}

/// This networker's relationship with a stakeholder; answers it as the card shows it.
#[tauri::command]
#[specta::specta]
pub async fn relate(
    state: State<'_, AppState>,
    stakeholder: RecordId,
    relationship: RelateInput,
) -> AppResult<RelationshipView> {
    state
        .run(move |s| commands::relate(s, stakeholder, relationship))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn log_interaction(
    state: State<'_, AppState>,
    interaction: LogInput,
) -> AppResult<Logged> {
    state
        .run(move |s| commands::log_interaction(s, interaction))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_note(
    state: State<'_, AppState>,
    about: RecordId,
    text: String,
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::add_note(s, about, text, visibility))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_affiliation(
    state: State<'_, AppState>,
    person: RecordId,
    organisation: RecordId,
    title: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::add_affiliation(s, person, organisation, title, from, to))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_link(
    state: State<'_, AppState>,
    from: RecordId,
    to: RecordId,
    kind: UsualLink,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::add_link(s, from, to, kind))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn set_follow_up_done(
    state: State<'_, AppState>,
    id: RecordId,
    done: bool,
) -> AppResult<()> {
    state
        .run(move |s| commands::set_follow_up_done(s, id, done))
        .await
}

/// The Today screen: `Store::today` on the user's date, as `kring today` prints it.
#[tauri::command]
#[specta::specta]
pub async fn today(state: State<'_, AppState>) -> AppResult<Today> {
    state.run(commands::today).await
}

/// What an export would carry; nothing is written (`path` empty).
#[tauri::command]
#[specta::specta]
pub async fn export_preview(state: State<'_, AppState>, full: bool) -> AppResult<ExportReport> {
    state.run(move |s| commands::export_preview(s, full)).await
}

#[tauri::command]
#[specta::specta]
pub async fn export_bundle(
    state: State<'_, AppState>,
    path: String,
    full: bool,
) -> AppResult<ExportReport> {
    state
        .run(move |s| commands::export_bundle(s, path, full))
        .await
}

/// What importing these bundles would change (a dry run).
#[tauri::command]
#[specta::specta]
pub async fn import_preview(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> AppResult<ImportReport> {
    state.run(move |s| commands::import_preview(s, paths)).await
}

/// Imports bundles, all or none, announcing progress a few times a second.
#[tauri::command]
#[specta::specta]
pub async fn import_bundles(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> AppResult<ImportReport> {
    state.run(move |s| commands::import_bundles(s, paths)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_conflicts(state: State<'_, AppState>) -> AppResult<Vec<RecordConflicts>> {
    state.run(commands::list_conflicts).await
}

#[tauri::command]
#[specta::specta]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    id: RecordId,
    field: String,
    resolution: ResolutionInput,
) -> AppResult<()> {
    state
        .run(move |s| commands::resolve_conflict(s, id, field, resolution))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_duplicates(state: State<'_, AppState>) -> AppResult<Vec<DuplicatePair>> {
    state.run(commands::list_duplicates).await
}

/// Two cards are one person or organisation.
#[tauri::command]
#[specta::specta]
pub async fn same_as(state: State<'_, AppState>, a: RecordId, b: RecordId) -> AppResult<()> {
    state.run(move |s| commands::same_as(s, a, b)).await
}

/// Two cards are not one (undoes `same_as`).
#[tauri::command]
#[specta::specta]
pub async fn not_same(state: State<'_, AppState>, a: RecordId, b: RecordId) -> AppResult<()> {
    state.run(move |s| commands::not_same(s, a, b)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> AppResult<()> {
    state
        .run(move |s| commands::save_settings(s, settings))
        .await
}

/// The operating system's language (needs no store, so it answers when the store is unavailable).
#[tauri::command]
#[specta::specta]
pub async fn system_locale() -> AppResult<Option<String>> {
    Ok(commands::system_locale())
}

#[tauri::command]
#[specta::specta]
pub async fn save_identity(
    state: State<'_, AppState>,
    name: String,
    email: String,
) -> AppResult<AppStatus> {
    state
        .run(move |s| commands::save_identity(s, name, email))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn backup_now(state: State<'_, AppState>) -> AppResult<BackupFile> {
    state.run(commands::backup_now).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> AppResult<Vec<BackupFile>> {
    state.run(commands::list_backups).await
}

/// Quits Kring, as closing its window does (the quit's sync pass included): after a failed write
/// (`writes_stopped`) opening Kring again is the way back, and the error offers it.
#[tauri::command]
#[specta::specta]
pub async fn quit_app(app: tauri::AppHandle) -> AppResult<()> {
    app.exit(0);
    Ok(())
}

/// What the store folder takes on disk, and whether compacting is due.
#[tauri::command]
#[specta::specta]
pub async fn storage_status(
    state: State<'_, AppState>,
) -> AppResult<kring_core::compaction::DiskUsage> {
    state.run(storage::storage_status).await
}

/// Rewrites the open store without what was erased, and opens it again. `compaction` is the
/// identity the window gave this compaction, which its Stop names.
#[tauri::command]
#[specta::specta]
pub async fn compact_store(
    state: State<'_, AppState>,
    compaction: String,
) -> AppResult<CompactionDone> {
    state
        .run_in(move |w| storage::compact_store(w, compaction))
        .await
}

/// Asks the compaction `compaction` to stop (its dialog's Cancel), under way or still to begin:
/// the store stays as it was.
#[tauri::command]
#[specta::specta]
pub async fn stop_compaction(state: State<'_, AppState>, compaction: String) -> AppResult<()> {
    state
        .run_in(move |w| storage::stop_compaction(w, compaction))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> AppResult<AppStatus> {
    state.run(move |s| commands::restore_backup(s, path)).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_contacts(
    state: State<'_, AppState>,
    path: String,
    dry_run: bool,
) -> AppResult<ContactImportReport> {
    state
        .run(move |s| commands::import_contacts(s, path, dry_run))
        .await
}

/// People and organisations as vCard 4.0; answers how many cards were written.
#[tauri::command]
#[specta::specta]
pub async fn export_contacts(state: State<'_, AppState>, path: String) -> AppResult<u32> {
    state.run(move |s| commands::export_contacts(s, path)).await
}

/// Follow-ups as iCalendar to-dos; answers how many were written.
#[tauri::command]
#[specta::specta]
pub async fn export_calendar(state: State<'_, AppState>, path: String) -> AppResult<u32> {
    state.run(move |s| commands::export_calendar(s, path)).await
}

/// What logging these meeting and e-mail files would do (nothing is written).
#[tauri::command]
#[specta::specta]
pub async fn plan_capture(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> AppResult<CapturePlan> {
    state
        .run(move |s| commands::capture::plan_capture(s, paths))
        .await
}

/// Logs a reviewed capture plan.
#[tauri::command]
#[specta::specta]
pub async fn apply_capture(
    state: State<'_, AppState>,
    plan: CapturePlan,
) -> AppResult<CaptureOutcome> {
    state
        .run(move |s| commands::capture::apply_capture(s, plan))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn sync_status(state: State<'_, AppState>) -> AppResult<SyncStatus> {
    state.run(commands::sync_status).await
}

/// A pass through the sync folder now; `None` when no folder is set. Announces the folder's
/// state when done.
#[tauri::command]
#[specta::specta]
pub async fn sync_now(state: State<'_, AppState>) -> AppResult<Option<SyncReport>> {
    state.run(commands::sync_now).await
}

/// Who belongs to the organisation: the roster, the stores waiting for approval, and this one.
#[tauri::command]
#[specta::specta]
pub async fn list_members(state: State<'_, AppState>) -> AppResult<Members> {
    state.run(commands::members::list_members).await
}

/// Approves a store waiting for approval and merges what was held for it.
#[tauri::command]
#[specta::specta]
pub async fn approve_member(
    state: State<'_, AppState>,
    who: String,
    role: Option<Role>,
) -> AppResult<Approved> {
    state
        .run(move |s| commands::members::approve_member(s, who, role))
        .await
}

/// Drops a member's claim on a node its store wrote under before, and lists the members again.
#[tauri::command]
#[specta::specta]
pub async fn drop_claim(
    state: State<'_, AppState>,
    member: String,
    node: String,
) -> AppResult<Members> {
    state
        .run(move |s| commands::members::drop_claim(s, member, node))
        .await
}

/// Writes an invitation for a new member (a manager's act).
#[tauri::command]
#[specta::specta]
pub async fn write_invitation(
    state: State<'_, AppState>,
    path: String,
    role: Role,
) -> AppResult<Invitation> {
    state
        .run(move |s| commands::members::write_invitation(s, path, role))
        .await
}

/// Joins the organisation of an invitation file; returns its managers, to compare fingerprints.
#[tauri::command]
#[specta::specta]
pub async fn join_organisation(
    state: State<'_, AppState>,
    path: String,
) -> AppResult<Vec<Identity>> {
    state
        .run(move |s| commands::members::join_organisation(s, path))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn kpi_report(state: State<'_, AppState>, months: u32) -> AppResult<KpiReport> {
    state
        .run(move |s| commands::manager::kpi_report(s, months))
        .await
}

/// Writes the Return-on-Relationship report (`.html`) or the KPIs as CSV (`.csv`).
#[tauri::command]
#[specta::specta]
pub async fn export_kpis(state: State<'_, AppState>, path: String, months: u32) -> AppResult<()> {
    state
        .run(move |s| commands::manager::export_kpis(s, path, months))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_goals(state: State<'_, AppState>) -> AppResult<Vec<GoalView>> {
    state.run(commands::manager::list_goals).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_goal(
    state: State<'_, AppState>,
    goal: Goal,
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::manager::create_goal(s, goal, visibility))
        .await
}

/// Saves an edited goal (status active / achieved / dropped, description, vision, until,
/// priority stakeholders …) and answers its view.
#[tauri::command]
#[specta::specta]
pub async fn update_goal(
    state: State<'_, AppState>,
    id: RecordId,
    base: Goal,
    goal: Goal,
) -> AppResult<GoalView> {
    state
        .run(move |s| commands::manager::update_goal(s, id, base, goal))
        .await
}

/// Links (or, with `link` false, unlinks) stakeholders, relationships, interactions or events.
#[tauri::command]
#[specta::specta]
pub async fn link_to_goal(
    state: State<'_, AppState>,
    goal: RecordId,
    targets: Vec<RecordId>,
    link: bool,
) -> AppResult<()> {
    state
        .run(move |s| commands::manager::link_to_goal(s, goal, targets, link))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_teams(state: State<'_, AppState>) -> AppResult<Vec<TeamView>> {
    state.run(commands::manager::list_teams).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_team(
    state: State<'_, AppState>,
    team: Team,
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::manager::create_team(s, team, visibility))
        .await
}

/// Saves an edited team (its name and purpose) and answers its view.
#[tauri::command]
#[specta::specta]
pub async fn update_team(
    state: State<'_, AppState>,
    id: RecordId,
    base: Team,
    team: Team,
) -> AppResult<TeamView> {
    state
        .run(move |s| commands::manager::update_team(s, id, base, team))
        .await
}

/// Adds a networker to a team with a role, changes the role, or (no role) removes them.
#[tauri::command]
#[specta::specta]
pub async fn set_team_member(
    state: State<'_, AppState>,
    team: RecordId,
    networker: RecordId,
    role: Option<TeamRole>,
) -> AppResult<()> {
    state
        .run(move |s| commands::manager::set_team_member(s, team, networker, role))
        .await
}

/// A stakeholder the team looks after, with who is accountable; `remove` stops looking after it.
#[tauri::command]
#[specta::specta]
pub async fn look_after(
    state: State<'_, AppState>,
    team: RecordId,
    stakeholder: RecordId,
    accountable: Option<RecordId>,
    remove: bool,
) -> AppResult<()> {
    state
        .run(move |s| commands::manager::look_after(s, team, stakeholder, accountable, remove))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_partnerships(state: State<'_, AppState>) -> AppResult<Vec<PartnershipView>> {
    state.run(commands::manager::list_partnerships).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_partnership(
    state: State<'_, AppState>,
    partnership: Partnership,
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::manager::create_partnership(s, partnership, visibility))
        .await
}

/// Saves an edited partnership (status, objectives, red lines, benefits and risks, exit
/// arrangements, review interval, lead, partners; a partner it adds that crosses a red line is
/// refused) and answers its view.
#[tauri::command]
#[specta::specta]
pub async fn update_partnership(
    state: State<'_, AppState>,
    id: RecordId,
    base: Partnership,
    partnership: Partnership,
) -> AppResult<PartnershipView> {
    state
        .run(move |s| commands::manager::update_partnership(s, id, base, partnership))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn review_partnership(
    state: State<'_, AppState>,
    review: PartnershipReview,
) -> AppResult<PartnershipView> {
    state
        .run(move |s| commands::manager::review_partnership(s, review))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_events(state: State<'_, AppState>) -> AppResult<Vec<EventView>> {
    state.run(commands::manager::list_events).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_event(
    state: State<'_, AppState>,
    event: Event,
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    state
        .run(move |s| commands::manager::create_event(s, event, visibility))
        .await
}

/// Saves an edited event (name, kind, time, location, people, outcomes, notes) and answers its
/// view.
#[tauri::command]
#[specta::specta]
pub async fn update_event(
    state: State<'_, AppState>,
    id: RecordId,
    base: Event,
    event: Event,
) -> AppResult<EventView> {
    state
        .run(move |s| commands::manager::update_event(s, id, base, event))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_to_event(
    state: State<'_, AppState>,
    event: RecordId,
    invited: Vec<RecordId>,
    attending: Vec<RecordId>,
) -> AppResult<()> {
    state
        .run(move |s| commands::manager::add_to_event(s, event, invited, attending))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_networkers(state: State<'_, AppState>) -> AppResult<Vec<NetworkerSummary>> {
    state.run(commands::manager::list_networkers).await
}

/// The handover of a networker who leaves: with `dry_run`, the plan only; otherwise the plan
/// carried out (successor relationships, accountabilities moved, the networker marked `left`).
/// `picks` hand single relationships to a colleague the manager chose.
#[tauri::command]
#[specta::specta]
pub async fn offboard(
    state: State<'_, AppState>,
    networker: RecordId,
    successors: Vec<RecordId>,
    picks: Vec<HandoverPick>,
    dry_run: bool,
) -> AppResult<HandoverPlan> {
    state
        .run(move |s| commands::manager::offboard(s, networker, successors, picks, dry_run))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn transparency_register(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> AppResult<TransparencyRegister> {
    state
        .run(move |s| commands::manager::transparency_register(s, from, to))
        .await
}

/// Writes the register as CSV (`.csv`) or HTML (anything else).
#[tauri::command]
#[specta::specta]
pub async fn export_transparency(
    state: State<'_, AppState>,
    from: String,
    to: String,
    path: String,
) -> AppResult<u32> {
    state
        .run(move |s| commands::manager::export_transparency(s, from, to, path))
        .await
}

/// The map: the `limit` most central nodes (5,000 when 0) and the ties among them, plus
/// `include` (`MapData::most_central`).
#[tauri::command]
#[specta::specta]
pub async fn network_map(
    state: State<'_, AppState>,
    limit: u32,
    include: Vec<RecordId>,
) -> AppResult<MapData> {
    state
        .run(move |s| commands::network::network_map(s, limit, include))
        .await
}

/// Up to `alternatives` warm introductions from a networker (`me` for the owner) to a stakeholder.
#[tauri::command]
#[specta::specta]
pub async fn warm_introductions(
    state: State<'_, AppState>,
    from: String,
    to: RecordId,
    alternatives: u32,
) -> AppResult<Vec<IntroPath>> {
    state
        .run(move |s| commands::network::warm_introductions(s, from, to, alternatives))
        .await
}

/// Key-person risk for the organisation, or what leaves with one networker.
#[tauri::command]
#[specta::specta]
pub async fn key_person_risk(
    state: State<'_, AppState>,
    networker: Option<String>,
) -> AppResult<KeyPersonRisk> {
    state
        .run(move |s| commands::network::key_person_risk(s, networker))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn network_health(state: State<'_, AppState>) -> AppResult<NetworkHealth> {
    state.run(commands::network::network_health).await
}

#[tauri::command]
#[specta::specta]
pub async fn graph_stats(state: State<'_, AppState>) -> AppResult<GraphStats> {
    state.run(commands::network::graph_stats).await
}

/// Writes the graph as GraphML, GEXF (dynamic, for Gephi) or JSON; returns the bytes written.
#[tauri::command]
#[specta::specta]
pub async fn export_graph(
    state: State<'_, AppState>,
    format: ExportFormat,
    path: String,
) -> AppResult<u32> {
    state
        .run(move |s| commands::network::export_graph(s, format, path))
        .await
}

/// The power × interest grid of a theme: every networker's rating and their spread.
#[tauri::command]
#[specta::specta]
pub async fn stakeholder_grid(
    state: State<'_, AppState>,
    theme: String,
) -> AppResult<StakeholderGrid> {
    state
        .run(move |s| commands::network::stakeholder_grid(s, theme))
        .await
}

/// Places (or moves) the owner's rating of a stakeholder for a theme; returns the theme's grid.
#[tauri::command]
#[specta::specta]
pub async fn rate_stakeholder(
    state: State<'_, AppState>,
    theme: String,
    stakeholder: RecordId,
    power: u8,
    interest: u8,
    note: Option<String>,
) -> AppResult<StakeholderGrid> {
    state
        .run(move |s| {
            commands::network::rate_stakeholder(s, theme, stakeholder, power, interest, note)
        })
        .await
}

/// The themes rated so far.
#[tauri::command]
#[specta::specta]
pub async fn grid_themes(state: State<'_, AppState>) -> AppResult<Vec<GridTheme>> {
    state.run(commands::network::grid_themes).await
}

/// Writes an exported picture of the map: SVG text, or a PNG as a `data:image/png;base64,` URL.
#[tauri::command]
#[specta::specta]
pub async fn save_map_image(
    state: State<'_, AppState>,
    path: String,
    data: String,
) -> AppResult<u32> {
    state
        .run(move |s| commands::network::save_map_image(s, path, data))
        .await
}

/// Writes a person's subject access report (`.html` or `.json`).
#[tauri::command]
#[specta::specta]
pub async fn subject_access_report(
    state: State<'_, AppState>,
    person: RecordId,
    path: String,
) -> AppResult<SubjectAccessWritten> {
    state
        .run(move |s| protection::subject_access_report(s, person, path))
        .await
}

/// Marks a person objected or restricted, or lifts the mark; answers the mark now.
#[tauri::command]
#[specta::specta]
pub async fn mark_restriction(
    state: State<'_, AppState>,
    person: RecordId,
    status: RestrictionStatus,
    reason: Option<String>,
) -> AppResult<Option<RestrictionView>> {
    state
        .run(move |s| protection::mark_restriction(s, person, status, reason))
        .await
}

/// Forgets a person and their identity group.
#[tauri::command]
#[specta::specta]
pub async fn forget_person(
    state: State<'_, AppState>,
    person: RecordId,
    reason: String,
) -> AppResult<ForgetReport> {
    state
        .run(move |s| protection::forget_person(s, person, reason))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_erasures(state: State<'_, AppState>) -> AppResult<Vec<ErasureView>> {
    state.run(protection::list_erasures).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_purposes(state: State<'_, AppState>) -> AppResult<Vec<PurposeView>> {
    state.run(protection::list_purposes).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_purpose(state: State<'_, AppState>, purpose: Purpose) -> AppResult<RecordId> {
    state
        .run(move |s| protection::add_purpose(s, purpose))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_retention_rules(state: State<'_, AppState>) -> AppResult<Vec<RetentionRuleView>> {
    state.run(protection::list_retention_rules).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_retention_rule(
    state: State<'_, AppState>,
    rule: RetentionRule,
) -> AppResult<RecordId> {
    state
        .run(move |s| protection::add_retention_rule(s, rule))
        .await
}

/// What the retention rules would do now (a dry run).
#[tauri::command]
#[specta::specta]
pub async fn retention_review(state: State<'_, AppState>) -> AppResult<RetentionReview> {
    state.run(protection::retention_review).await
}

#[tauri::command]
#[specta::specta]
pub async fn apply_retention(state: State<'_, AppState>) -> AppResult<RetentionReport> {
    state.run(protection::apply_retention).await
}

#[tauri::command]
#[specta::specta]
pub async fn confirm_erasure(
    state: State<'_, AppState>,
    person: RecordId,
) -> AppResult<ForgetReport> {
    state
        .run(move |s| protection::confirm_erasure(s, person))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_access_requests(state: State<'_, AppState>) -> AppResult<Vec<AccessRequestView>> {
    state.run(protection::list_access_requests).await
}

#[tauri::command]
#[specta::specta]
pub async fn raise_access_request(
    state: State<'_, AppState>,
    person: RecordId,
    received: Option<String>,
    reference: Option<String>,
) -> AppResult<RecordId> {
    state
        .run(move |s| protection::raise_access_request(s, person, received, reference))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn answer_access_request(state: State<'_, AppState>, request: RecordId) -> AppResult<()> {
    state
        .run(move |s| protection::answer_access_request(s, request))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn processing_log(state: State<'_, AppState>) -> AppResult<Vec<ProcessingEntry>> {
    state.run(protection::processing_log).await
}
