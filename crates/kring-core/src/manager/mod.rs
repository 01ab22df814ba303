//! The Manager of the Network: strategic goals, Networking Teams, partnerships and their reviews,
//! events and newsletters ([`records`]); KPIs and Return-on-Relationship ([`kpi`], defined in
//! `docs/kpis.md`, rendered by [`report`]); offboarding a networker ([`offboard`]); and the
//! transparency register ([`transparency`]).
//!
//! Everything here is ordinary records in the common envelope: it merges, syncs and exports like
//! the rest. Goals, teams, partnerships, reviews and events are `shared` unless the caller says
//! otherwise, so they travel in the manager's master export to every networker.

pub(crate) mod demo;
pub mod edit;
pub mod figures;
pub mod grid;
pub mod kpi;
pub mod network;
pub mod offboard;
pub use crate::model::manager as records;
pub mod report;
pub mod transparency;

pub use grid::{GridStakeholder, GridTheme, StakeholderGrid, StakeholderRating};
pub use network::Network;
pub use records::*;

use crate::model::visibility_of;
use crate::model::*;
use crate::store::{body_of, Store, StoreError, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// A card named in a view: its id and name.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Named {
    pub id: RecordId,
    pub name: String,
}

/// A goal with what is linked to it and the coverage of its priority stakeholders now.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GoalView {
    pub id: RecordId,
    pub goal: Goal,
    pub visibility: Visibility,
    pub coverage: kpi::GoalCoverage,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamMemberView {
    pub networker: RecordId,
    pub name: String,
    pub role: TeamRole,
    pub left: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamStakeholderView {
    pub stakeholder: RecordId,
    pub name: String,
    /// Accountable networkers (more than one only after concurrent edits disagreed).
    pub accountable: Vec<Named>,
    /// Members of the team with a current relationship with the stakeholder.
    pub known_by_members: Vec<Named>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamView {
    pub id: RecordId,
    pub name: String,
    pub purpose: Option<String>,
    pub visibility: Visibility,
    pub members: Vec<TeamMemberView>,
    pub stakeholders: Vec<TeamStakeholderView>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReviewView {
    pub id: RecordId,
    pub review: PartnershipReview,
    /// The mean of the five behaviour scores.
    pub health: f64,
    pub band: HealthBand,
}

/// A partnership with its reviews, health over time and the next review.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PartnershipView {
    pub id: RecordId,
    pub partnership: Partnership,
    pub visibility: Visibility,
    pub partners: Vec<Named>,
    /// Reviews, oldest first: the health over time.
    pub reviews: Vec<ReviewView>,
    /// The latest review's health, and its band (healthy, needs attention, at risk).
    pub health: Option<f64>,
    pub band: Option<HealthBand>,
    pub next_review: Option<NaiveDate>,
    pub review_due: bool,
    /// The red lines as people read them, in the order of `partnership.red_lines`
    /// ([`describe_red_line`]): "no partner tagged “wapenhandel”", not `tag:wapenhandel`.
    /// (Optional for the app's TypeScript until its screens read it; always present.)
    #[cfg_attr(feature = "specta", specta(optional))]
    pub red_line_descriptions: Vec<String>,
    /// Partners that cross one of the red lines: "partner: red line" (described).
    pub red_line_warnings: Vec<String>,
    /// The same crossings as (partner, red line as written), for documents that describe them
    /// in their reader's language ([`describe_red_line_in`]). Not sent to the app.
    #[serde(skip)]
    pub red_lines_crossed: Vec<(String, String)>,
}

/// A partnership review to hold (the Today screen and `kring today`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReviewReminder {
    pub partnership: Named,
    pub partners: Vec<Named>,
    /// When the review is due: the review interval after the last review (or the start).
    pub due: NaiveDate,
    /// Days past `due` (0 when not yet due).
    pub days_overdue: u32,
    pub last_review: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EventView {
    pub id: RecordId,
    pub event: Event,
    pub visibility: Visibility,
    pub invited: Vec<Named>,
    pub attending: Vec<Named>,
}

/// How a partnership is doing, by the mean of its latest review's five behaviour scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum HealthBand {
    /// 4 and up.
    #[serde(rename = "healthy")]
    Healthy,
    /// 3 and up.
    #[serde(rename = "needs attention")]
    NeedsAttention,
    /// Below 3.
    #[serde(rename = "at risk")]
    AtRisk,
}

impl HealthBand {
    pub fn as_str(self) -> &'static str {
        match self {
            HealthBand::Healthy => "healthy",
            HealthBand::NeedsAttention => "needs attention",
            HealthBand::AtRisk => "at risk",
        }
    }
}

impl std::fmt::Display for HealthBand {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The band a health score falls in: 4 and up healthy, 3 and up needs attention, else at risk.
pub fn health_band(health: f64) -> HealthBand {
    if health >= 4.0 {
        HealthBand::Healthy
    } else if health >= 3.0 {
        HealthBand::NeedsAttention
    } else {
        HealthBand::AtRisk
    }
}

/// When a partnership's next review is due: its review interval after the last review, or after
/// the start (or, without a start date, the day it was recorded). None without an interval.
fn next_review(
    item: &network::Item<Partnership>,
    last_review: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let base = last_review
        .or(item.body.started)
        .or_else(|| item.created_at.map(|t| t.date_naive()))?;
    base.checked_add_days(chrono::Days::new(u64::from(item.body.review_every_days?)))
}

fn shared_by_default(visibility: Option<Visibility>) -> Option<Visibility> {
    Some(visibility.unwrap_or(Visibility::Shared))
}

fn fold(text: &str) -> String {
    crate::text::fold(text)
}

impl Store {
    fn named(&self, id: RecordId) -> StoreResult<Named> {
        let name = self
            .state(id)?
            .map(|s| crate::store::search::card_title(&s).0)
            .unwrap_or_else(|| "(unknown)".into());
        Ok(Named { id, name })
    }

    fn typed<T: RecordBody>(&self, id: RecordId) -> StoreResult<(T, Visibility)> {
        let state = self.live_state(id)?.ok_or(StoreError::NotFound(id))?;
        if state.kind != T::KIND.as_str() {
            return Err(StoreError::WrongKind {
                id,
                actual: state.kind,
                expected: T::KIND,
            });
        }
        Ok((body_of(&state)?, visibility_of(&state)))
    }

    // ----- goals -----------------------------------------------------------------------------

    /// Creates a strategic goal (shared unless said otherwise).
    pub fn create_goal(
        &self,
        goal: &Goal,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        self.require_profile()?;
        self.create(goal, shared_by_default(visibility), now)
    }

    /// Links stakeholders (as priority stakeholders), relationships, interactions and events to a
    /// goal, or unlinks them. A private record cannot be linked to a goal that is not private:
    /// its id would leave this machine with the goal.
    pub fn link_to_goal(
        &self,
        goal_id: RecordId,
        targets: &[RecordId],
        link: bool,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let (mut goal, goal_visibility) = self.typed::<Goal>(goal_id)?;
        for target in targets {
            let state = self.live_state(*target)?.ok_or_else(|| {
                ValidationError::worded(
                    "link",
                    ReasonCode::NoRecordWithId,
                    &[("id", target.to_string().into())],
                )
            })?;
            let kind: RecordKind = state.kind.parse().map_err(|_| {
                ValidationError::worded(
                    "link",
                    ReasonCode::CannotLinkToGoal,
                    &[("kind", state.kind.as_str().into())],
                )
            })?;
            if link
                && visibility_of(&state) == Visibility::Private
                && goal_visibility != Visibility::Private
            {
                return Err(ValidationError::worded(
                    "link",
                    ReasonCode::PrivateOnSharedGoal,
                    &[("name", self.named(*target)?.name.into())],
                )
                .into());
            }
            let list = match kind {
                RecordKind::Person | RecordKind::Organisation => &mut goal.priority_stakeholders,
                RecordKind::Relationship => &mut goal.relationships,
                RecordKind::Interaction => &mut goal.interactions,
                RecordKind::Event => &mut goal.events,
                other => {
                    return Err(ValidationError::worded(
                        "link",
                        ReasonCode::CannotLinkToGoal,
                        &[("kind", other.as_str().into())],
                    )
                    .into())
                }
            };
            if link {
                if !list.contains(target) {
                    list.push(*target);
                }
            } else {
                list.retain(|t| t != target);
            }
        }
        self.update(goal_id, &goal, now)
    }

    /// Every goal with its coverage now, by name.
    pub fn goal_views(&self, now: DateTime<Utc>) -> StoreResult<Vec<GoalView>> {
        let network = Network::load(self, now)?;
        let contacts = kpi::Contacts::build(&network);
        let mut out: Vec<GoalView> = network
            .goals
            .iter()
            .filter_map(|g| {
                Some(GoalView {
                    id: g.id,
                    goal: g.body.clone(),
                    visibility: g.visibility,
                    coverage: kpi::goal_coverage(&network, &contacts, g.id, now)?,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            fold(&a.goal.name)
                .cmp(&fold(&b.goal.name))
                .then(a.id.cmp(&b.id))
        });
        Ok(out)
    }

    pub fn goal_view(&self, id: RecordId, now: DateTime<Utc>) -> StoreResult<GoalView> {
        self.typed::<Goal>(id)?;
        self.goal_views(now)?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(StoreError::NotFound(id))
    }

    // ----- teams -----------------------------------------------------------------------------

    /// Creates a Networking Team (shared unless said otherwise).
    pub fn create_team(
        &self,
        team: &Team,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        self.require_profile()?;
        self.create(team, shared_by_default(visibility), now)
    }

    /// Adds a networker to a team with a role (replacing their role), or removes them (`None`).
    pub fn set_team_member(
        &self,
        team_id: RecordId,
        networker: RecordId,
        role: Option<TeamRole>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let (mut team, _) = self.typed::<Team>(team_id)?;
        let was_member = team.members.iter().any(|m| m.networker == networker);
        team.members.retain(|m| m.networker != networker);
        match role {
            Some(role) => team.members.push(TeamMember { networker, role }),
            None if !was_member => {
                return Err(ValidationError::worded(
                    "networker",
                    ReasonCode::NotATeamMember,
                    &[
                        ("networker", self.named(networker)?.name.into()),
                        ("team", team.name.as_str().into()),
                    ],
                )
                .into())
            }
            None => {}
        }
        self.update(team_id, &team, now)
    }

    /// Makes a team look after a stakeholder, with an accountable networker (replacing the one
    /// before), or stop looking after it (`remove`).
    pub fn look_after(
        &self,
        team_id: RecordId,
        stakeholder: RecordId,
        accountable: Option<RecordId>,
        remove: bool,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let (mut team, _) = self.typed::<Team>(team_id)?;
        if remove {
            team.stakeholders.retain(|s| *s != stakeholder);
            team.accountable.retain(|a| a.stakeholder != stakeholder);
        } else {
            if !team.stakeholders.contains(&stakeholder) {
                team.stakeholders.push(stakeholder);
            }
            if let Some(networker) = accountable {
                team.accountable.retain(|a| a.stakeholder != stakeholder);
                team.accountable.push(Accountability {
                    stakeholder,
                    networker,
                });
            }
        }
        self.update(team_id, &team, now)
    }

    /// Every team, by name.
    pub fn team_views(&self, now: DateTime<Utc>) -> StoreResult<Vec<TeamView>> {
        let network = Network::load(self, now)?;
        let contacts = kpi::Contacts::build(&network);
        let reach = contacts.reach(&network, now);
        let labels = network.networker_labels();
        let labelled = |id: RecordId| Named {
            id,
            name: labels.get(&id).cloned().unwrap_or_else(|| network.name(id)),
        };
        let mut out = Vec::new();
        for item in &network.teams {
            let team = &item.body;
            let members: Vec<TeamMemberView> = team
                .member_ids()
                .into_iter()
                .map(|n| TeamMemberView {
                    networker: n,
                    name: labelled(n).name,
                    role: team.role_of(n).unwrap_or(TeamRole::Member),
                    left: network.has_left(n),
                })
                .collect();
            let member_ids = team.member_ids();
            let stakeholders = team
                .stakeholders
                .iter()
                .map(|s| {
                    // Each member once, as `figures::Reach` says who knows the stakeholder.
                    let known_by_members = reach
                        .known_by(network.canonical(*s))
                        .filter(|n| member_ids.contains(n))
                        .map(labelled)
                        .collect();
                    TeamStakeholderView {
                        stakeholder: *s,
                        name: network.name(*s),
                        accountable: team.accountable_for(*s).into_iter().map(labelled).collect(),
                        known_by_members,
                    }
                })
                .collect();
            out.push(TeamView {
                id: item.id,
                name: team.name.clone(),
                purpose: team.purpose.clone(),
                visibility: item.visibility,
                members,
                stakeholders,
            });
        }
        out.sort_by(|a, b| fold(&a.name).cmp(&fold(&b.name)).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    pub fn team_view(&self, id: RecordId, now: DateTime<Utc>) -> StoreResult<TeamView> {
        self.typed::<Team>(id)?;
        self.team_views(now)?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or(StoreError::NotFound(id))
    }

    // ----- partnerships ----------------------------------------------------------------------

    /// The red lines of a partnership that an organisation crosses: `tag:WORD` when the
    /// organisation carries the tag, `sector:SECTOR` when it is of that sector.
    pub fn red_lines_crossed(
        &self,
        partnership: &Partnership,
        organisation: RecordId,
    ) -> StoreResult<Vec<String>> {
        let org: Organisation = self
            .get(organisation)?
            .ok_or(StoreError::NotFound(organisation))?;
        Ok(red_lines_crossed_by(
            &partnership.red_lines,
            &org.tags,
            org.sector.map(|s| s.as_str()),
        ))
    }

    fn refuse_red_lines(&self, partnership: &Partnership, already: &[RecordId]) -> StoreResult<()> {
        for partner in partnership.partners.iter().filter(|p| !already.contains(p)) {
            let crossed = self.red_lines_crossed(partnership, *partner)?;
            if let Some(line) = crossed.first() {
                return Err(ValidationError::worded(
                    "partners",
                    ReasonCode::CrossesRedLine,
                    &[
                        ("partner", self.named(*partner)?.name.into()),
                        (
                            "line",
                            ReasonArgument::said_in_each(|l| describe_red_line_in(line, l)),
                        ),
                    ],
                )
                .into());
            }
        }
        Ok(())
    }

    /// Creates a partnership (shared unless said otherwise). Refused when a partner crosses
    /// one of its red lines.
    pub fn create_partnership(
        &self,
        partnership: &Partnership,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        self.require_profile()?;
        partnership.validate()?;
        for partner in &partnership.partners {
            self.typed::<Organisation>(*partner).map_err(|_| {
                ValidationError::worded(
                    "partners",
                    ReasonCode::NotAnOrganisation,
                    &[("id", partner.to_string().into())],
                )
            })?;
        }
        self.refuse_red_lines(partnership, &[])?;
        self.create(partnership, shared_by_default(visibility), now)
    }

    /// Replaces a partnership's body, refusing a partner it adds that crosses a red line. A
    /// partner already in the partnership is not refused (the view warns about it instead), so a
    /// partnership whose partner crossed a line later can still be edited, and ended.
    pub fn update_partnership(
        &self,
        id: RecordId,
        partnership: &Partnership,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let (current, _) = self.typed::<Partnership>(id)?;
        partnership.validate()?;
        self.refuse_red_lines(partnership, &current.partners)?;
        self.update(id, partnership, now)
    }

    /// Records a review of a partnership (shared unless said otherwise).
    pub fn review_partnership(
        &self,
        review: &PartnershipReview,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        self.require_profile()?;
        self.create(review, shared_by_default(visibility), now)
    }

    /// Every partnership with its reviews and health, by name.
    pub fn partnership_views(&self, now: DateTime<Utc>) -> StoreResult<Vec<PartnershipView>> {
        let network = Network::load(self, now)?;
        let today = now.date_naive();
        let mut out = Vec::new();
        for item in &network.partnerships {
            let p = &item.body;
            let mut reviews: Vec<ReviewView> = network
                .reviews
                .iter()
                .filter(|r| r.body.partnership == item.id)
                .map(|r| ReviewView {
                    id: r.id,
                    health: r.body.health(),
                    band: health_band(r.body.health()),
                    review: r.body.clone(),
                })
                .collect();
            reviews.sort_by(|a, b| a.review.date.cmp(&b.review.date).then(a.id.cmp(&b.id)));
            let health = reviews.last().map(|r| r.health);
            let next_review = next_review(item, reviews.last().map(|r| r.review.date));
            let ended = p.status == Some(PartnershipStatus::Ended);
            let mut red_line_warnings = Vec::new();
            let mut red_lines_crossed = Vec::new();
            for partner in &p.partners {
                let Some(card) = network.cards.get(partner) else {
                    continue;
                };
                for line in red_lines_crossed_by(&p.red_lines, &card.tags, card.sector.as_deref()) {
                    red_line_warnings.push(format!("{}: {}", card.name, describe_red_line(&line)));
                    red_lines_crossed.push((card.name.clone(), line));
                }
            }
            out.push(PartnershipView {
                id: item.id,
                visibility: item.visibility,
                partners: p
                    .partners
                    .iter()
                    .map(|id| Named {
                        id: *id,
                        name: network.name(*id),
                    })
                    .collect(),
                band: health.map(health_band),
                health,
                review_due: !ended && next_review.is_some_and(|d| d <= today),
                next_review: if ended { None } else { next_review },
                reviews,
                red_line_descriptions: p.red_lines.iter().map(|l| describe_red_line(l)).collect(),
                red_line_warnings,
                red_lines_crossed,
                partnership: p.clone(),
            });
        }
        out.sort_by(|a, b| {
            fold(&a.partnership.name)
                .cmp(&fold(&b.partnership.name))
                .then(a.id.cmp(&b.id))
        });
        Ok(out)
    }

    /// Partnership reviews to hold: those due on or before `until`, the most overdue first.
    /// Reads only partnerships, their reviews and the partners' cards, so the Today screen can
    /// ask for it on every change even in a large store.
    pub fn review_reminders(
        &self,
        until: NaiveDate,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<ReviewReminder>> {
        let me = self.profile()?.map(|p| p.networker);
        let partnerships = network::items::<Partnership>(self, me)?;
        if partnerships.is_empty() {
            return Ok(Vec::new());
        }
        let mut latest: HashMap<RecordId, NaiveDate> = HashMap::new();
        for review in network::items::<PartnershipReview>(self, me)? {
            let date = latest
                .entry(review.body.partnership)
                .or_insert(review.body.date);
            *date = (*date).max(review.body.date);
        }
        let today = now.date_naive();
        let mut out = Vec::new();
        for item in &partnerships {
            if item.body.status == Some(PartnershipStatus::Ended) {
                continue;
            }
            let Some(due) = next_review(item, latest.get(&item.id).copied()) else {
                continue;
            };
            if due > until {
                continue;
            }
            out.push(ReviewReminder {
                partnership: Named {
                    id: item.id,
                    name: item.body.name.clone(),
                },
                partners: item
                    .body
                    .partners
                    .iter()
                    .map(|id| self.named(*id))
                    .collect::<StoreResult<_>>()?,
                due,
                days_overdue: (today - due).num_days().max(0) as u32,
                last_review: latest.get(&item.id).copied(),
            });
        }
        out.sort_by(|a, b| {
            a.due
                .cmp(&b.due)
                .then_with(|| fold(&a.partnership.name).cmp(&fold(&b.partnership.name)))
        });
        Ok(out)
    }

    pub fn partnership_view(
        &self,
        id: RecordId,
        now: DateTime<Utc>,
    ) -> StoreResult<PartnershipView> {
        self.typed::<Partnership>(id)?;
        self.partnership_views(now)?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(StoreError::NotFound(id))
    }

    // ----- events ----------------------------------------------------------------------------

    /// Creates an event or newsletter (shared unless said otherwise). Someone who objected or is
    /// restricted cannot be among its invited or attending.
    pub fn create_event(
        &self,
        event: &Event,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        self.require_profile()?;
        let mut people = event.invited.clone();
        people.extend_from_slice(&event.attending);
        self.check_may_invite(&people)?;
        self.create(event, shared_by_default(visibility), now)
    }

    /// Adds people to an event's invited or attending list. Someone who objected or is
    /// restricted is refused, with their name (`crate::protection::restriction`).
    pub fn add_to_event(
        &self,
        id: RecordId,
        invited: &[RecordId],
        attending: &[RecordId],
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let (mut event, _) = self.typed::<Event>(id)?;
        let mut people = invited.to_vec();
        people.extend_from_slice(attending);
        self.check_may_invite(&people)?;
        for person in invited {
            if !event.invited.contains(person) {
                event.invited.push(*person);
            }
        }
        for person in attending {
            if !event.attending.contains(person) {
                event.attending.push(*person);
            }
        }
        self.update(id, &event, now)
    }

    /// Events and newsletters, latest first.
    pub fn event_views(&self) -> StoreResult<Vec<EventView>> {
        let me = self.profile()?.map(|p| p.networker);
        let mut out = Vec::new();
        for state in self.all_of_kind(RecordKind::Event)? {
            if crate::model::is_withdrawn(&state, me) {
                continue;
            }
            let event: Event = body_of(&state)?;
            let mut invited = Vec::new();
            for id in &event.invited {
                invited.push(self.named(*id)?);
            }
            let mut attending = Vec::new();
            for id in &event.attending {
                attending.push(self.named(*id)?);
            }
            out.push(EventView {
                id: RecordId(state.id),
                visibility: visibility_of(&state),
                event,
                invited,
                attending,
            });
        }
        out.sort_by(|a, b| b.event.at.cmp(&a.event.at).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    pub fn event_view(&self, id: RecordId) -> StoreResult<EventView> {
        self.typed::<Event>(id)?;
        self.event_views()?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or(StoreError::NotFound(id))
    }

    /// The KPI and Return-on-Relationship report at `now`.
    pub fn kpi_report(
        &self,
        now: DateTime<Utc>,
        options: &kpi::KpiOptions,
    ) -> StoreResult<kpi::KpiReport> {
        let network = Network::load(self, now)?;
        Ok(kpi::kpi_report(&network, now, options))
    }
}

/// A red line as people read it: `tag:wapenhandel` is "no partner tagged “wapenhandel”",
/// `sector:business` is "no partner from the business sector"; a red line in words stays as it
/// is. The rule itself (what `kring partnership edit` and the checks read) is unchanged.
pub fn describe_red_line(line: &str) -> String {
    describe_red_line_in(line, kring_i18n::Language::English)
}

/// [`describe_red_line`] in `language`: "geen partner met label “wapenhandel”".
pub fn describe_red_line_in(line: &str, language: kring_i18n::Language) -> String {
    use kring_i18n::t;
    let line = line.trim();
    let Some((key, value)) = line.split_once(':') else {
        return line.to_owned();
    };
    let value = value.trim();
    match key.trim().to_lowercase().as_str() {
        "tag" if !value.is_empty() => t!(language, "red-line-tag", tag = value),
        "sector" if !value.is_empty() => {
            let sector = match value.parse::<Sector>() {
                Ok(Sector::Public) => t!(language, "red-line-sector-public"),
                Ok(Sector::Business) => t!(language, "red-line-sector-business"),
                Ok(Sector::Social) => t!(language, "red-line-sector-social"),
                Ok(Sector::Voluntary) => t!(language, "red-line-sector-voluntary"),
                Ok(Sector::Knowledge) => t!(language, "red-line-sector-knowledge"),
                Ok(Sector::Media) => t!(language, "red-line-sector-media"),
                Ok(Sector::Other) => t!(language, "red-line-sector-other"),
                Err(_) => value.to_owned(),
            };
            t!(language, "red-line-sector", sector = sector)
        }
        _ => line.to_owned(),
    }
}

/// The red lines crossed by an organisation with these tags and sector.
pub fn red_lines_crossed_by(
    red_lines: &[String],
    tags: &[String],
    sector: Option<&str>,
) -> Vec<String> {
    let tags: Vec<String> = tags.iter().map(|t| fold(t)).collect();
    red_lines
        .iter()
        .filter(|line| {
            let Some((key, value)) = line.split_once(':') else {
                return false;
            };
            let value = fold(value.trim());
            match key.trim().to_lowercase().as_str() {
                "tag" => tags.contains(&value),
                "sector" => sector.is_some_and(|s| fold(s) == value),
                _ => false,
            }
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{describe_red_line, describe_red_line_in};
    use kring_i18n::Language;

    #[test]
    fn red_lines_read_as_sentences_in_the_readers_language() {
        assert_eq!(
            describe_red_line_in("tag:wapenhandel", Language::Dutch),
            "geen partner met label “wapenhandel”"
        );
        assert_eq!(
            describe_red_line_in("sector:business", Language::French),
            "aucun partenaire du secteur des entreprises"
        );
        assert_eq!(
            describe_red_line_in("Sector: Community", Language::German),
            "kein Partner aus dem Ehrenamtssektor"
        );
        assert_eq!(
            describe_red_line_in(
                "Geen samenwerking zonder transparante financiering",
                Language::French
            ),
            "Geen samenwerking zonder transparante financiering",
            "a red line in words is the user's own"
        );
    }

    #[test]
    fn red_lines_read_as_sentences_and_words_stay_words() {
        assert_eq!(
            describe_red_line("tag:wapenhandel"),
            "no partner tagged “wapenhandel”"
        );
        assert_eq!(
            describe_red_line(" Sector: Community "),
            "no partner from the voluntary sector"
        );
        assert_eq!(
            describe_red_line("sector:space"),
            "no partner from the space sector"
        );
        assert_eq!(
            describe_red_line("Geen samenwerking zonder transparante financiering"),
            "Geen samenwerking zonder transparante financiering"
        );
        assert_eq!(describe_red_line("tag:"), "tag:");
    }
}
