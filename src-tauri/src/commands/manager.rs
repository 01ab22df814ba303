//! Commands of the Manager of the Network: goals, Networking Teams, partnerships and their
//! reviews, events, KPIs and the Return-on-Relationship report, offboarding and the transparency
//! register. Typed record bodies cross IPC as they are; kring-core validates them.
//!
//! The `update_*` commands save an Edit dialog: `base` is the body the form was opened on,
//! the second body what the user saved. kring-core writes only the fields that differ between
//! the two, onto what the store holds now, so a sync that landed while the form was open is kept.

use super::{date, file_path, id, optional, write_text};
use crate::error::AppResult;
use crate::state::AppState;
use crate::wire::HandoverPick;
use chrono::Utc;
use kring_core::manager::kpi::{KpiOptions, KpiReport};
use kring_core::manager::offboard::{HandoverChoice, HandoverPlan, NetworkerSummary};
use kring_core::manager::records::{Event, Goal, Partnership, PartnershipReview, Team, TeamRole};
use kring_core::manager::transparency::TransparencyRegister;
use kring_core::manager::{EventView, GoalView, PartnershipView, TeamView};
use kring_core::model::{RecordId, Visibility};
use kring_core::store::Store;
use tauri::State;

fn ids(texts: &[String]) -> AppResult<Vec<RecordId>> {
    texts.iter().map(|t| id(t)).collect()
}

fn organisation_name(store: &Store) -> AppResult<String> {
    Ok(format!(
        "{} — Manager of the Network",
        store.require_profile()?.name
    ))
}

/// The shared part of the `create_*` commands: parse the visibility, create on the blocking
/// pool, answer the new record's id.
async fn create_record(
    state: State<'_, AppState>,
    visibility: Option<String>,
    create: impl FnOnce(
            &Store,
            Option<Visibility>,
            chrono::DateTime<Utc>,
        ) -> kring_core::store::StoreResult<RecordId>
        + Send
        + 'static,
) -> AppResult<String> {
    let visibility: Option<Visibility> = optional("visibility", &visibility)?;
    state
        .run(move |session| Ok(create(&session.store, visibility, Utc::now())?.to_string()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn kpi_report(state: State<'_, AppState>, months: u32) -> AppResult<KpiReport> {
    let options = KpiOptions {
        months: months.clamp(1, 120),
        per_networker: true,
    };
    state
        .run(move |session| Ok(session.store.kpi_report(Utc::now(), &options)?))
        .await
}

/// Writes the Return-on-Relationship report (`.html`) or the KPIs as CSV (`.csv`).
#[tauri::command]
#[specta::specta]
pub async fn export_kpis(state: State<'_, AppState>, path: String, months: u32) -> AppResult<()> {
    let path = file_path("path", &path)?;
    let options = KpiOptions {
        months: months.clamp(1, 120),
        per_networker: true,
    };
    state
        .run(move |session| {
            let store = &session.store;
            let now = Utc::now();
            let report = store.kpi_report(now, &options)?;
            let text = if path.extension().is_some_and(|e| e == "csv") {
                kring_core::manager::kpi::kpi_csv(&report)
            } else {
                let partnerships = store.partnership_views(now)?;
                kring_core::manager::report::render_html(
                    &report,
                    &partnerships,
                    &organisation_name(store)?,
                )
            };
            write_text(&path, &text)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_goals(state: State<'_, AppState>) -> AppResult<Vec<GoalView>> {
    state
        .run(|session| Ok(session.store.goal_views(Utc::now())?))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_goal(
    state: State<'_, AppState>,
    goal: Goal,
    visibility: Option<String>,
) -> AppResult<String> {
    create_record(state, visibility, move |store, visibility, now| {
        store.create_goal(&goal, visibility, now)
    })
    .await
}

/// Saves an edited goal (status active / achieved / dropped, description, vision, until,
/// priority stakeholders …) and answers its view.
#[tauri::command]
#[specta::specta]
pub async fn update_goal(
    state: State<'_, AppState>,
    id: String,
    base: Goal,
    goal: Goal,
) -> AppResult<GoalView> {
    let id = super::id(&id)?;
    state
        .run(move |session| {
            let now = Utc::now();
            session.store.edit_goal(id, &base, &goal, now)?;
            Ok(session.store.goal_view(id, now)?)
        })
        .await
}

/// Links (or, with `link` false, unlinks) stakeholders, relationships, interactions or events.
#[tauri::command]
#[specta::specta]
pub async fn link_to_goal(
    state: State<'_, AppState>,
    goal: String,
    targets: Vec<String>,
    link: bool,
) -> AppResult<()> {
    let (goal, targets) = (id(&goal)?, ids(&targets)?);
    state
        .run(move |session| {
            Ok(session
                .store
                .link_to_goal(goal, &targets, link, Utc::now())?)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_teams(state: State<'_, AppState>) -> AppResult<Vec<TeamView>> {
    state
        .run(|session| Ok(session.store.team_views(Utc::now())?))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_team(
    state: State<'_, AppState>,
    team: Team,
    visibility: Option<String>,
) -> AppResult<String> {
    create_record(state, visibility, move |store, visibility, now| {
        store.create_team(&team, visibility, now)
    })
    .await
}

/// Saves an edited team (its name and purpose) and answers its view.
#[tauri::command]
#[specta::specta]
pub async fn update_team(
    state: State<'_, AppState>,
    id: String,
    base: Team,
    team: Team,
) -> AppResult<TeamView> {
    let id = super::id(&id)?;
    state
        .run(move |session| {
            let now = Utc::now();
            session.store.edit_team(id, &base, &team, now)?;
            Ok(session.store.team_view(id, now)?)
        })
        .await
}

/// Adds a networker to a team with a role, changes the role, or (no role) removes them.
#[tauri::command]
#[specta::specta]
pub async fn set_team_member(
    state: State<'_, AppState>,
    team: String,
    networker: String,
    role: Option<TeamRole>,
) -> AppResult<()> {
    let (team, networker) = (id(&team)?, id(&networker)?);
    state
        .run(move |session| {
            Ok(session
                .store
                .set_team_member(team, networker, role, Utc::now())?)
        })
        .await
}

/// A stakeholder the team looks after, with who is accountable; `remove` stops looking after it.
#[tauri::command]
#[specta::specta]
pub async fn look_after(
    state: State<'_, AppState>,
    team: String,
    stakeholder: String,
    accountable: Option<String>,
    remove: bool,
) -> AppResult<()> {
    let (team, stakeholder) = (id(&team)?, id(&stakeholder)?);
    let accountable = accountable.as_deref().map(id).transpose()?;
    state
        .run(move |session| {
            Ok(session
                .store
                .look_after(team, stakeholder, accountable, remove, Utc::now())?)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_partnerships(state: State<'_, AppState>) -> AppResult<Vec<PartnershipView>> {
    state
        .run(|session| Ok(session.store.partnership_views(Utc::now())?))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_partnership(
    state: State<'_, AppState>,
    partnership: Partnership,
    visibility: Option<String>,
) -> AppResult<String> {
    create_record(state, visibility, move |store, visibility, now| {
        store.create_partnership(&partnership, visibility, now)
    })
    .await
}

/// Saves an edited partnership (status, objectives, red lines, benefits and risks, exit
/// arrangements, review interval, lead, partners; a partner it adds that crosses a red line is
/// refused) and answers its view.
#[tauri::command]
#[specta::specta]
pub async fn update_partnership(
    state: State<'_, AppState>,
    id: String,
    base: Partnership,
    partnership: Partnership,
) -> AppResult<PartnershipView> {
    let id = super::id(&id)?;
    state
        .run(move |session| {
            let now = Utc::now();
            session
                .store
                .edit_partnership(id, &base, &partnership, now)?;
            Ok(session.store.partnership_view(id, now)?)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn review_partnership(
    state: State<'_, AppState>,
    review: PartnershipReview,
) -> AppResult<PartnershipView> {
    state
        .run(move |session| {
            let now = Utc::now();
            session.store.review_partnership(&review, None, now)?;
            Ok(session.store.partnership_view(review.partnership, now)?)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_events(state: State<'_, AppState>) -> AppResult<Vec<EventView>> {
    state.run(|session| Ok(session.store.event_views()?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_event(
    state: State<'_, AppState>,
    event: Event,
    visibility: Option<String>,
) -> AppResult<String> {
    create_record(state, visibility, move |store, visibility, now| {
        store.create_event(&event, visibility, now)
    })
    .await
}

/// Saves an edited event (name, kind, time, location, people, outcomes, notes) and answers its
/// view.
#[tauri::command]
#[specta::specta]
pub async fn update_event(
    state: State<'_, AppState>,
    id: String,
    base: Event,
    event: Event,
) -> AppResult<EventView> {
    let id = super::id(&id)?;
    state
        .run(move |session| {
            session.store.edit_event(id, &base, &event, Utc::now())?;
            Ok(session.store.event_view(id)?)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_to_event(
    state: State<'_, AppState>,
    event: String,
    invited: Vec<String>,
    attending: Vec<String>,
) -> AppResult<()> {
    let (event, invited, attending) = (id(&event)?, ids(&invited)?, ids(&attending)?);
    state
        .run(move |session| {
            Ok(session
                .store
                .add_to_event(event, &invited, &attending, Utc::now())?)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_networkers(state: State<'_, AppState>) -> AppResult<Vec<NetworkerSummary>> {
    state
        .run(|session| Ok(session.store.networker_list(Utc::now())?))
        .await
}

/// The handover of a networker who leaves: with `dry_run`, the plan only; otherwise the plan
/// carried out (successor relationships, accountabilities moved, the networker marked `left`).
/// `picks` hand single relationships to a colleague the manager chose.
#[tauri::command]
#[specta::specta]
pub async fn offboard(
    state: State<'_, AppState>,
    networker: String,
    successors: Vec<String>,
    picks: Vec<HandoverPick>,
    dry_run: bool,
) -> AppResult<HandoverPlan> {
    let (networker, successors) = (id(&networker)?, ids(&successors)?);
    let choices = picks
        .iter()
        .map(|pick| {
            Ok(HandoverChoice {
                stakeholder: id(&pick.stakeholder)?,
                successor: id(&pick.successor)?,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    state
        .run(move |session| {
            let plan = session.store.offboard_choosing(
                networker,
                &successors,
                &choices,
                dry_run,
                Utc::now(),
            )?;
            if !dry_run {
                session.cards_replaced();
            }
            Ok(plan)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn transparency_register(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> AppResult<TransparencyRegister> {
    let (from, to) = (date("from", &from)?, date("to", &to)?);
    state
        .run(move |session| Ok(session.store.transparency_register(from, to, Utc::now())?))
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
    let (from, to) = (date("from", &from)?, date("to", &to)?);
    let path = file_path("path", &path)?;
    state
        .run(move |session| {
            let store = &session.store;
            let register = store.transparency_register(from, to, Utc::now())?;
            let text = if path.extension().is_some_and(|e| e == "csv") {
                register.to_csv()
            } else {
                register.to_html(&organisation_name(store)?)
            };
            write_text(&path, &text)?;
            Ok(register.entries.len() as u32)
        })
        .await
}
