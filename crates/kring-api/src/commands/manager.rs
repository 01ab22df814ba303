//! Commands of the Manager of the Network: goals, Networking Teams, partnerships and their
//! reviews, events, KPIs and the Return-on-Relationship report, offboarding and the transparency
//! register. Typed record bodies cross IPC as they are; kring-core validates them.
//!
//! The `update_*` commands save an Edit dialog: `base` is the body the form was opened on,
//! the second body what the user saved. kring-core writes only the fields that differ between
//! the two, onto what the store holds now, so a sync that landed while the form was open is kept.

use super::{date, file_path, write_text};
use crate::error::AppResult;
use crate::session::Session;
use crate::wire::HandoverPick;
use kring_core::manager::kpi::{KpiOptions, KpiReport};
use kring_core::manager::offboard::{HandoverChoice, HandoverPlan, NetworkerSummary};
use kring_core::manager::records::{Event, Goal, Partnership, PartnershipReview, Team, TeamRole};
use kring_core::manager::report::ReportFile;
use kring_core::manager::transparency::TransparencyRegister;
use kring_core::manager::{EventView, GoalView, PartnershipView, TeamView};
use kring_core::model::{RecordId, Visibility};
use kring_core::protection::processing_log::Activity;
use kring_core::store::Store;

/// The shared part of the `create_*` commands: parse the visibility, create, answer the new
/// record's id.
fn create_record(
    session: &Session,
    visibility: Option<Visibility>,
    create: impl FnOnce(
        &Store,
        Option<Visibility>,
        chrono::DateTime<chrono::Utc>,
    ) -> kring_core::store::StoreResult<RecordId>,
) -> AppResult<RecordId> {
    Ok(create(&session.store, visibility, session.now())?)
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
    let text = store.kpi_file(
        &report,
        ReportFile::for_path(&path),
        session.language(),
        now,
    )?;
    write_text(&path, &text)?;
    super::protection::log_written(session, Activity::Report, &path, 0)
}

pub fn list_goals(session: &Session) -> AppResult<Vec<GoalView>> {
    Ok(session.store.goal_views(session.now())?)
}

pub fn create_goal(
    session: &Session,
    goal: Goal,
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    create_record(session, visibility, move |store, visibility, now| {
        store.create_goal(&goal, visibility, now)
    })
}

/// Saves an edited goal (status active / achieved / dropped, description, vision, until,
/// priority stakeholders …) and answers its view.
pub fn update_goal(session: &Session, id: RecordId, base: Goal, goal: Goal) -> AppResult<GoalView> {
    let now = session.now();
    session.store.edit_goal(id, &base, &goal, now)?;
    Ok(session.store.goal_view(id, now)?)
}

/// Links (or, with `link` false, unlinks) stakeholders, relationships, interactions or events.
pub fn link_to_goal(
    session: &Session,
    goal: RecordId,
    targets: Vec<RecordId>,
    link: bool,
) -> AppResult<()> {
    Ok(session
        .store
        .link_to_goal(goal, &targets, link, session.now())?)
}

pub fn list_teams(session: &Session) -> AppResult<Vec<TeamView>> {
    Ok(session.store.team_views(session.now())?)
}

pub fn create_team(
    session: &Session,
    team: Team,
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    create_record(session, visibility, move |store, visibility, now| {
        store.create_team(&team, visibility, now)
    })
}

/// Saves an edited team (its name and purpose) and answers its view.
pub fn update_team(session: &Session, id: RecordId, base: Team, team: Team) -> AppResult<TeamView> {
    let now = session.now();
    session.store.edit_team(id, &base, &team, now)?;
    Ok(session.store.team_view(id, now)?)
}

/// Adds a networker to a team with a role, changes the role, or (no role) removes them.
pub fn set_team_member(
    session: &Session,
    team: RecordId,
    networker: RecordId,
    role: Option<TeamRole>,
) -> AppResult<()> {
    Ok(session
        .store
        .set_team_member(team, networker, role, session.now())?)
}

/// A stakeholder the team looks after, with who is accountable; `remove` stops looking after it.
pub fn look_after(
    session: &Session,
    team: RecordId,
    stakeholder: RecordId,
    accountable: Option<RecordId>,
    remove: bool,
) -> AppResult<()> {
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
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    create_record(session, visibility, move |store, visibility, now| {
        store.create_partnership(&partnership, visibility, now)
    })
}

/// Saves an edited partnership (status, objectives, red lines, benefits and risks, exit
/// arrangements, review interval, lead, partners; a partner it adds that crosses a red line is
/// refused) and answers its view.
pub fn update_partnership(
    session: &Session,
    id: RecordId,
    base: Partnership,
    partnership: Partnership,
) -> AppResult<PartnershipView> {
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
    visibility: Option<Visibility>,
) -> AppResult<RecordId> {
    create_record(session, visibility, move |store, visibility, now| {
        store.create_event(&event, visibility, now)
    })
}

/// Saves an edited event (name, kind, time, location, people, outcomes, notes) and answers its
/// view.
pub fn update_event(
    session: &Session,
    id: RecordId,
    base: Event,
    event: Event,
) -> AppResult<EventView> {
    session.store.edit_event(id, &base, &event, session.now())?;
    Ok(session.store.event_view(id)?)
}

pub fn add_to_event(
    session: &Session,
    event: RecordId,
    invited: Vec<RecordId>,
    attending: Vec<RecordId>,
) -> AppResult<()> {
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
    networker: RecordId,
    successors: Vec<RecordId>,
    picks: Vec<HandoverPick>,
    dry_run: bool,
) -> AppResult<HandoverPlan> {
    let choices: Vec<HandoverChoice> = picks
        .iter()
        .map(|pick| HandoverChoice {
            stakeholder: pick.stakeholder,
            successor: pick.successor,
        })
        .collect();
    let plan = session.store.offboard_choosing(
        networker,
        &successors,
        &choices,
        dry_run,
        session.language(),
        session.now(),
    )?;
    Ok(crate::worded::InLanguage::in_language(
        plan,
        session.language(),
    ))
}

pub fn transparency_register(
    session: &Session,
    from: String,
    to: String,
) -> AppResult<TransparencyRegister> {
    let (from, to) = (date("from", &from)?, date("to", &to)?);
    Ok(session
        .store
        .transparency_register(from, to, session.language(), session.now())?)
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
    let language = session.language();
    let register = store.transparency_register(from, to, language, session.now())?;
    let text = store.transparency_file(&register, ReportFile::for_path(&path), language)?;
    write_text(&path, &text)?;
    let entries = register.entries.len();
    super::protection::log_written(session, Activity::Transparency, &path, entries as u64)?;
    Ok(entries as u32)
}
