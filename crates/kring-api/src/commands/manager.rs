//! Commands of the Manager of the Network: goals, Networking Teams, partnerships and their
//! reviews, events, KPIs and the Return-on-Relationship report, offboarding and the transparency
//! register. Typed record bodies cross IPC as they are; kring-core validates them.
//!
//! The `update_*` commands save an Edit dialog: `base` is the body the form was opened on,
//! the second body what the user saved. kring-core writes only the fields that differ between
//! the two, onto what the store holds now, so a sync that landed while the form was open is kept.

use super::{date, file_path, id, optional, write_text};
use crate::error::AppResult;
use crate::session::Session;
use crate::wire::HandoverPick;
use kring_core::manager::kpi::{KpiOptions, KpiReport};
use kring_core::manager::offboard::{HandoverChoice, HandoverPlan, NetworkerSummary};
use kring_core::manager::records::{Event, Goal, Partnership, PartnershipReview, Team, TeamRole};
use kring_core::manager::transparency::TransparencyRegister;
use kring_core::manager::{EventView, GoalView, PartnershipView, TeamView};
use kring_core::model::{RecordId, Visibility};
use kring_core::store::Store;

fn ids(texts: &[String]) -> AppResult<Vec<RecordId>> {
    texts.iter().map(|t| id(t)).collect()
}

fn organisation_name(store: &Store) -> AppResult<String> {
    Ok(format!(
        "{} — Manager of the Network",
        store.require_profile()?.name
    ))
}

/// The shared part of the `create_*` commands: parse the visibility, create, answer the new
/// record's id.
fn create_record(
    session: &Session,
    visibility: Option<String>,
    create: impl FnOnce(
        &Store,
        Option<Visibility>,
        chrono::DateTime<chrono::Utc>,
    ) -> kring_core::store::StoreResult<RecordId>,
) -> AppResult<String> {
    let visibility: Option<Visibility> = optional("visibility", &visibility)?;
    Ok(create(&session.store, visibility, session.now())?.to_string())
}

pub fn kpi_report(session: &Session, months: u32) -> AppResult<KpiReport> {
    let options = KpiOptions {
        months: months.clamp(1, 120),
        per_networker: true,
    };
    Ok(session.store.kpi_report(session.now(), &options)?)
}

/// Writes the Return-on-Relationship report (`.html`) or the KPIs as CSV (`.csv`).
pub fn export_kpis(session: &Session, path: String, months: u32) -> AppResult<()> {
    let path = file_path("path", &path)?;
    let options = KpiOptions {
        months: months.clamp(1, 120),
        per_networker: true,
    };
    let store = &session.store;
    let now = session.now();
    let report = store.kpi_report(now, &options)?;
    let text = if path.extension().is_some_and(|e| e == "csv") {
        kring_core::manager::kpi::kpi_csv(&report)
    } else {
        let partnerships = store.partnership_views(now)?;
        kring_core::manager::report::render_html(&report, &partnerships, &organisation_name(store)?)
    };
    write_text(&path, &text)
}

pub fn list_goals(session: &Session) -> AppResult<Vec<GoalView>> {
    Ok(session.store.goal_views(session.now())?)
}

pub fn create_goal(session: &Session, goal: Goal, visibility: Option<String>) -> AppResult<String> {
    create_record(session, visibility, move |store, visibility, now| {
        store.create_goal(&goal, visibility, now)
    })
}

/// Saves an edited goal (status active / achieved / dropped, description, vision, until,
/// priority stakeholders …) and answers its view.
pub fn update_goal(session: &Session, id: String, base: Goal, goal: Goal) -> AppResult<GoalView> {
    let id = super::id(&id)?;
    let now = session.now();
    session.store.edit_goal(id, &base, &goal, now)?;
    Ok(session.store.goal_view(id, now)?)
}

/// Links (or, with `link` false, unlinks) stakeholders, relationships, interactions or events.
pub fn link_to_goal(
    session: &Session,
    goal: String,
    targets: Vec<String>,
    link: bool,
) -> AppResult<()> {
    let (goal, targets) = (id(&goal)?, ids(&targets)?);
    Ok(session
        .store
        .link_to_goal(goal, &targets, link, session.now())?)
}

pub fn list_teams(session: &Session) -> AppResult<Vec<TeamView>> {
    Ok(session.store.team_views(session.now())?)
}

pub fn create_team(session: &Session, team: Team, visibility: Option<String>) -> AppResult<String> {
    create_record(session, visibility, move |store, visibility, now| {
        store.create_team(&team, visibility, now)
    })
}

/// Saves an edited team (its name and purpose) and answers its view.
pub fn update_team(session: &Session, id: String, base: Team, team: Team) -> AppResult<TeamView> {
    let id = super::id(&id)?;
    let now = session.now();
    session.store.edit_team(id, &base, &team, now)?;
    Ok(session.store.team_view(id, now)?)
}

/// Adds a networker to a team with a role, changes the role, or (no role) removes them.
pub fn set_team_member(
    session: &Session,
    team: String,
    networker: String,
    role: Option<TeamRole>,
) -> AppResult<()> {
    let (team, networker) = (id(&team)?, id(&networker)?);
    Ok(session
        .store
        .set_team_member(team, networker, role, session.now())?)
}

/// A stakeholder the team looks after, with who is accountable; `remove` stops looking after it.
pub fn look_after(
    session: &Session,
    team: String,
    stakeholder: String,
    accountable: Option<String>,
    remove: bool,
) -> AppResult<()> {
    let (team, stakeholder) = (id(&team)?, id(&stakeholder)?);
    let accountable = accountable.as_deref().map(id).transpose()?;
    Ok(session
        .store
        .look_after(team, stakeholder, accountable, remove, session.now())?)
}

pub fn list_partnerships(session: &Session) -> AppResult<Vec<PartnershipView>> {
    Ok(session.store.partnership_views(session.now())?)
}

pub fn create_partnership(
    session: &Session,
    partnership: Partnership,
    visibility: Option<String>,
) -> AppResult<String> {
    create_record(session, visibility, move |store, visibility, now| {
        store.create_partnership(&partnership, visibility, now)
    })
}

/// Saves an edited partnership (status, objectives, red lines, benefits and risks, exit
/// arrangements, review interval, lead, partners; a partner it adds that crosses a red line is
/// refused) and answers its view.
pub fn update_partnership(
    session: &Session,
    id: String,
    base: Partnership,
    partnership: Partnership,
) -> AppResult<PartnershipView> {
    let id = super::id(&id)?;
    let now = session.now();
    session
        .store
        .edit_partnership(id, &base, &partnership, now)?;
    Ok(session.store.partnership_view(id, now)?)
}

pub fn review_partnership(
    session: &Session,
    review: PartnershipReview,
) -> AppResult<PartnershipView> {
    let now = session.now();
    session.store.review_partnership(&review, None, now)?;
    Ok(session.store.partnership_view(review.partnership, now)?)
}

pub fn list_events(session: &Session) -> AppResult<Vec<EventView>> {
    Ok(session.store.event_views()?)
}

pub fn create_event(
    session: &Session,
    event: Event,
    visibility: Option<String>,
) -> AppResult<String> {
    create_record(session, visibility, move |store, visibility, now| {
        store.create_event(&event, visibility, now)
    })
}

/// Saves an edited event (name, kind, time, location, people, outcomes, notes) and answers its
/// view.
pub fn update_event(
    session: &Session,
    id: String,
    base: Event,
    event: Event,
) -> AppResult<EventView> {
    let id = super::id(&id)?;
    session.store.edit_event(id, &base, &event, session.now())?;
    Ok(session.store.event_view(id)?)
}

pub fn add_to_event(
    session: &Session,
    event: String,
    invited: Vec<String>,
    attending: Vec<String>,
) -> AppResult<()> {
    let (event, invited, attending) = (id(&event)?, ids(&invited)?, ids(&attending)?);
    Ok(session
        .store
        .add_to_event(event, &invited, &attending, session.now())?)
}

pub fn list_networkers(session: &Session) -> AppResult<Vec<NetworkerSummary>> {
    Ok(session.store.networker_list(session.now())?)
}

/// The handover of a networker who leaves: with `dry_run`, the plan only; otherwise the plan
/// carried out (successor relationships, accountabilities moved, the networker marked `left`).
/// `picks` hand single relationships to a colleague the manager chose.
pub fn offboard(
    session: &Session,
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
    let plan = session.store.offboard_choosing(
        networker,
        &successors,
        &choices,
        dry_run,
        session.now(),
    )?;
    if !dry_run {
        session.cards_replaced();
    }
    Ok(plan)
}

pub fn transparency_register(
    session: &Session,
    from: String,
    to: String,
) -> AppResult<TransparencyRegister> {
    let (from, to) = (date("from", &from)?, date("to", &to)?);
    Ok(session
        .store
        .transparency_register(from, to, session.now())?)
}

/// Writes the register as CSV (`.csv`) or HTML (anything else).
pub fn export_transparency(
    session: &Session,
    from: String,
    to: String,
    path: String,
) -> AppResult<u32> {
    let (from, to) = (date("from", &from)?, date("to", &to)?);
    let path = file_path("path", &path)?;
    let store = &session.store;
    let register = store.transparency_register(from, to, session.now())?;
    let text = if path.extension().is_some_and(|e| e == "csv") {
        register.to_csv()
    } else {
        register.to_html(&organisation_name(store)?)
    };
    write_text(&path, &text)?;
    Ok(register.entries.len() as u32)
}
