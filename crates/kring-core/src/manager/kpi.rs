//! KPIs and Return-on-Relationship: every number defined in `docs/kpis.md`, computed from the
//! network at a moment given by the caller (never the clock), for the organisation, each
//! networker, each Networking Team and each goal, as monthly series.

use super::network::{Item, Network};
use super::records::*;
use crate::model::*;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use std::collections::{BTreeSet, HashSet};

// Every figure's definition (current, active, healthy, going cold, who knows whom) lives in
// `crate::manager::figures`; this module counts them per scope and month.
use crate::manager::figures::standing_in;
pub use crate::manager::figures::{Contacts, DEFAULT_ACTIVE_WINDOW_DAYS, HEALTHY_STRENGTH};

/// What kind of thing a set of numbers is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum KpiScopeKind {
    Organisation,
    Networker,
    Team,
    Goal,
}

impl std::fmt::Display for KpiScopeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            KpiScopeKind::Organisation => "organisation",
            KpiScopeKind::Networker => "networker",
            KpiScopeKind::Team => "team",
            KpiScopeKind::Goal => "goal",
        })
    }
}

/// What a set of numbers is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KpiScope {
    pub kind: KpiScopeKind,
    pub id: Option<RecordId>,
    pub name: String,
}

/// The KPIs of one scope for one calendar month (the current month up to `now`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthKpis {
    /// `YYYY-MM`.
    pub month: String,
    /// The moment the month's state is taken at: its last instant, or `now` for this month.
    pub at: String,
    pub active_relationships: u32,
    pub interactions: u32,
    pub events: u32,
    pub newsletters: u32,
    pub outcomes: u32,
    pub going_cold: u32,
    pub priority_covered: u32,
    pub priority_total: u32,
    /// `priority_covered / priority_total × 100`, none when there are no priority stakeholders.
    pub coverage_percent: Option<f64>,
    pub single_points_of_failure: u32,
}

/// Value given and received over the scope's current relationships.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reciprocity {
    pub relationships: u32,
    pub given: u32,
    pub received: u32,
    /// `given − received`: positive when the organisation gives more than it gets back.
    pub balance: i64,
    pub giving_more: u32,
    pub receiving_more: u32,
    pub balanced: u32,
}

/// All KPIs of one scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScopeKpis {
    pub scope: KpiScope,
    /// Oldest month first; the last is the current month, up to `now`.
    pub months: Vec<MonthKpis>,
    pub reciprocity: Reciprocity,
    /// Outcomes recorded per 100 contacts (interactions and events) over the whole period.
    pub return_on_relationship: Option<f64>,
    pub totals: PeriodTotals,
}

/// Sums over the whole period.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeriodTotals {
    pub interactions: u32,
    pub events: u32,
    pub newsletters: u32,
    pub outcomes: u32,
}

/// A priority stakeholder of a goal and whether it is covered now.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CoverageRow {
    pub stakeholder: RecordId,
    pub name: String,
    /// Has at least one active, healthy relationship.
    pub covered: bool,
    /// The strongest active relationship, if any: (networker, networker's name, strength).
    pub best: Option<CoverageRelationship>,
    /// Networkers who know it: with a current relationship (`crate::manager::figures::Reach`).
    pub networkers: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CoverageRelationship {
    pub relationship: RecordId,
    pub networker: RecordId,
    pub networker_name: String,
    pub strength: u8,
    pub last_contact: Option<String>,
    pub active: bool,
    pub healthy: bool,
}

/// The coverage of one goal's priority stakeholders.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GoalCoverage {
    pub goal: RecordId,
    pub name: String,
    pub covered: Vec<CoverageRow>,
    pub uncovered: Vec<CoverageRow>,
    pub coverage_percent: Option<f64>,
}

/// The Return-on-Relationship report: everything the dashboard and the HTML report show.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KpiReport {
    pub generated_at: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub organisation: ScopeKpis,
    pub goals: Vec<ScopeKpis>,
    pub coverage: Vec<GoalCoverage>,
    pub teams: Vec<ScopeKpis>,
    pub networkers: Vec<ScopeKpis>,
}

/// Which scopes to compute and over how many months.
#[derive(Clone, Debug)]
pub struct KpiOptions {
    pub months: u32,
    /// Compute per networker too (the longest part on a large network).
    pub per_networker: bool,
}

impl Default for KpiOptions {
    fn default() -> Self {
        KpiOptions {
            months: 12,
            per_networker: true,
        }
    }
}

/// Who and what a scope is about.
#[derive(Clone, Debug)]
pub enum Scope {
    Organisation,
    Networker(RecordId),
    Team(RecordId),
    Goal(RecordId),
}

/// The people and links that make up a scope.
struct ScopeSets {
    scope: KpiScope,
    /// Networkers of the scope (none: every networker).
    networkers: Option<HashSet<RecordId>>,
    /// Stakeholders of the scope (none: every stakeholder), canonical ids.
    stakeholders: Option<HashSet<RecordId>>,
    /// The scope's key stakeholders for coverage, canonical ids.
    key: BTreeSet<RecordId>,
    linked_relationships: HashSet<RecordId>,
    linked_interactions: HashSet<RecordId>,
    linked_events: HashSet<RecordId>,
    /// A goal: relationships, interactions and events count when linked *or* about a priority
    /// stakeholder. A team: they count when about a member *and* a stakeholder it looks after.
    is_goal: bool,
}

/// The priority stakeholders of every goal that is not dropped, canonical ids.
fn all_priorities(network: &Network) -> BTreeSet<RecordId> {
    network
        .goals
        .iter()
        .filter(|g| g.body.status != Some(GoalStatus::Dropped))
        .flat_map(|g| g.body.priority_stakeholders.iter())
        .map(|s| network.canonical(*s))
        .collect()
}

impl ScopeSets {
    fn new(network: &Network, scope: &Scope) -> Option<ScopeSets> {
        let empty = HashSet::new;
        Some(match scope {
            Scope::Organisation => ScopeSets {
                scope: KpiScope {
                    kind: KpiScopeKind::Organisation,
                    id: None,
                    name: "Organisation".into(),
                },
                networkers: None,
                stakeholders: None,
                key: all_priorities(network),
                linked_relationships: empty(),
                linked_interactions: empty(),
                linked_events: empty(),
                is_goal: false,
            },
            Scope::Networker(id) => ScopeSets {
                scope: KpiScope {
                    kind: KpiScopeKind::Networker,
                    id: Some(*id),
                    // With their unit when a colleague shares the name (the dashboard lists them).
                    name: network
                        .networker_labels()
                        .remove(id)
                        .unwrap_or_else(|| network.name(*id)),
                },
                networkers: Some([*id].into_iter().collect()),
                stakeholders: None,
                key: all_priorities(network),
                linked_relationships: empty(),
                linked_interactions: empty(),
                linked_events: empty(),
                is_goal: false,
            },
            Scope::Team(id) => {
                let team = network.team(*id)?;
                ScopeSets {
                    scope: KpiScope {
                        kind: KpiScopeKind::Team,
                        id: Some(*id),
                        name: team.body.name.clone(),
                    },
                    networkers: Some(team.body.member_ids().into_iter().collect()),
                    stakeholders: Some(
                        team.body
                            .stakeholders
                            .iter()
                            .map(|s| network.canonical(*s))
                            .collect(),
                    ),
                    key: team
                        .body
                        .stakeholders
                        .iter()
                        .map(|s| network.canonical(*s))
                        .collect(),
                    linked_relationships: empty(),
                    linked_interactions: empty(),
                    linked_events: empty(),
                    is_goal: false,
                }
            }
            Scope::Goal(id) => {
                let goal = network.goal(*id)?;
                let key: BTreeSet<RecordId> = goal
                    .body
                    .priority_stakeholders
                    .iter()
                    .map(|s| network.canonical(*s))
                    .collect();
                ScopeSets {
                    scope: KpiScope {
                        kind: KpiScopeKind::Goal,
                        id: Some(*id),
                        name: goal.body.name.clone(),
                    },
                    networkers: None,
                    stakeholders: Some(key.iter().copied().collect()),
                    key,
                    linked_relationships: goal.body.relationships.iter().copied().collect(),
                    linked_interactions: goal.body.interactions.iter().copied().collect(),
                    linked_events: goal.body.events.iter().copied().collect(),
                    is_goal: true,
                }
            }
        })
    }

    fn has_networker(&self, id: RecordId) -> bool {
        self.networkers.as_ref().is_none_or(|n| n.contains(&id))
    }

    fn has_stakeholder(&self, id: RecordId) -> bool {
        self.stakeholders.as_ref().is_none_or(|s| s.contains(&id))
    }

    fn relationship_in(&self, network: &Network, item: &Item<Relationship>) -> bool {
        let stakeholder = network.canonical(item.body.stakeholder);
        if self.is_goal {
            return self.linked_relationships.contains(&item.id)
                || self.has_stakeholder(stakeholder);
        }
        self.has_networker(item.body.networker) && self.has_stakeholder(stakeholder)
    }

    /// Whether a group of people (participants, attendees) touches the scope.
    fn people_in(&self, network: &Network, people: &[RecordId]) -> bool {
        let networker = people
            .iter()
            .any(|p| network.is_networker(*p) && self.has_networker(*p));
        let stakeholder = people
            .iter()
            .any(|p| !network.is_networker(*p) && self.has_stakeholder(network.canonical(*p)));
        match (&self.networkers, &self.stakeholders) {
            (None, None) => true,
            (Some(_), None) => networker,
            (None, Some(_)) => stakeholder,
            (Some(_), Some(_)) => networker && stakeholder,
        }
    }

    fn interaction_in(&self, network: &Network, item: &Item<Interaction>) -> bool {
        self.linked_interactions.contains(&item.id)
            || self.people_in(network, &item.body.participants)
    }

    fn event_in(&self, network: &Network, item: &Item<Event>) -> bool {
        let people = if item.body.kind == EventKind::Newsletter {
            &item.body.invited
        } else {
            &item.body.attending
        };
        self.linked_events.contains(&item.id) || self.people_in(network, people)
    }
}

/// The first day of the month `months_back` months before the month of `date`.
fn month_start(date: NaiveDate, months_back: u32) -> NaiveDate {
    let index = date.year() * 12 + date.month0() as i32 - months_back as i32;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
        .expect("the first of a month exists")
}

/// The calendar months of the period: (first day, the moment the month is measured at).
pub fn months(now: DateTime<Utc>, count: u32) -> Vec<(NaiveDate, DateTime<Utc>)> {
    let today = now.date_naive();
    (0..count.max(1))
        .rev()
        .map(|back| {
            let start = month_start(today, back);
            let next = month_start(start, 0)
                .checked_add_months(chrono::Months::new(1))
                .expect("dates stay in range");
            let end = Utc.from_utc_datetime(&next.and_hms_opt(0, 0, 0).expect("midnight"))
                - Duration::milliseconds(1);
            (start, end.min(now))
        })
        .collect()
}

fn percent(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| (f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0)
}

/// Computes the KPIs of one scope; none when the team or goal does not exist.
pub fn scope_kpis(
    network: &Network,
    contacts: &Contacts,
    scope: &Scope,
    now: DateTime<Utc>,
    month_count: u32,
) -> Option<ScopeKpis> {
    let sets = ScopeSets::new(network, scope)?;
    let relationships: Vec<&Item<Relationship>> = network
        .relationships
        .iter()
        .filter(|r| sets.relationship_in(network, r))
        .collect();
    let interactions: Vec<&Item<Interaction>> = network
        .interactions
        .iter()
        .filter(|i| sets.interaction_in(network, i))
        .collect();
    let events: Vec<&Item<Event>> = network
        .events
        .iter()
        .filter(|e| sets.event_in(network, e))
        .collect();
    // Stakeholders whose single points of failure this scope reports.
    let spof_candidates: BTreeSet<RecordId> = match scope {
        Scope::Team(_) | Scope::Goal(_) => sets.key.clone(),
        _ => relationships
            .iter()
            .map(|r| network.canonical(r.body.stakeholder))
            .collect(),
    };

    let mut out_months = Vec::new();
    let mut totals = PeriodTotals::default();
    for (start, at) in months(now, month_count) {
        let from = Utc.from_utc_datetime(&start.and_hms_opt(0, 0, 0).expect("midnight"));
        let in_month = |t: DateTime<Utc>| t >= from && t <= at;
        let mut month = MonthKpis {
            month: start.format("%Y-%m").to_string(),
            at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ..MonthKpis::default()
        };
        let mut covered: BTreeSet<RecordId> = BTreeSet::new();
        for item in &relationships {
            let state = standing_in(network, contacts, item, at);
            month.active_relationships += u32::from(state.active);
            month.going_cold += u32::from(state.going_cold);
            let stakeholder = network.canonical(item.body.stakeholder);
            if state.healthy && sets.key.contains(&stakeholder) {
                covered.insert(stakeholder);
            }
        }
        month.priority_total = sets.key.len() as u32;
        month.priority_covered = covered.len() as u32;
        month.coverage_percent = percent(month.priority_covered, month.priority_total);
        for item in &interactions {
            if in_month(item.body.at.with_timezone(&Utc)) {
                month.interactions += 1;
                month.outcomes += item.body.outcomes.len() as u32;
            }
        }
        for item in &events {
            if in_month(item.body.at.with_timezone(&Utc)) {
                if item.body.kind == EventKind::Newsletter {
                    month.newsletters += 1;
                } else {
                    month.events += 1;
                }
                month.outcomes += item.body.outcomes.len() as u32;
            }
        }
        // Single points of failure: counted over every networker of the organisation.
        let reach = contacts.reach(network, at);
        month.single_points_of_failure = spof_candidates
            .iter()
            .filter(|s| reach.is_single_point_of_failure(**s))
            .count() as u32;
        totals.interactions += month.interactions;
        totals.events += month.events;
        totals.newsletters += month.newsletters;
        totals.outcomes += month.outcomes;
        out_months.push(month);
    }

    let mut reciprocity = Reciprocity::default();
    for item in &relationships {
        if !standing_in(network, contacts, item, now).current {
            continue;
        }
        let balance = item.body.reciprocity_balance();
        reciprocity.relationships += 1;
        reciprocity.given += item.body.given.len() as u32;
        reciprocity.received += item.body.received.len() as u32;
        reciprocity.balance += balance;
        match balance.cmp(&0) {
            std::cmp::Ordering::Greater => reciprocity.giving_more += 1,
            std::cmp::Ordering::Less => reciprocity.receiving_more += 1,
            std::cmp::Ordering::Equal => reciprocity.balanced += 1,
        }
    }
    let contacts_total = totals.interactions + totals.events;
    let return_on_relationship = (contacts_total > 0)
        .then(|| (f64::from(totals.outcomes) * 1000.0 / f64::from(contacts_total)).round() / 10.0);
    Some(ScopeKpis {
        scope: sets.scope,
        months: out_months,
        reciprocity,
        return_on_relationship,
        totals,
    })
}

/// Which priority stakeholders of a goal are covered at `now`, and by whom.
pub fn goal_coverage(
    network: &Network,
    contacts: &Contacts,
    goal: RecordId,
    now: DateTime<Utc>,
) -> Option<GoalCoverage> {
    let item = network.goal(goal)?;
    let reach = contacts.reach(network, now);
    let labels = network.networker_labels();
    let mut seen = BTreeSet::new();
    let mut covered = Vec::new();
    let mut uncovered = Vec::new();
    for stakeholder in &item.body.priority_stakeholders {
        let stakeholder = network.canonical(*stakeholder);
        if !seen.insert(stakeholder) {
            continue;
        }
        let mut best: Option<CoverageRelationship> = None;
        for r in &network.relationships {
            if network.canonical(r.body.stakeholder) != stakeholder {
                continue;
            }
            let state = standing_in(network, contacts, r, now);
            if !state.current {
                continue;
            }
            let candidate = CoverageRelationship {
                relationship: r.id,
                networker: r.body.networker,
                networker_name: labels
                    .get(&r.body.networker)
                    .cloned()
                    .unwrap_or_else(|| network.name(r.body.networker)),
                strength: r.body.strength,
                last_contact: contacts
                    .last_before(r.body.networker, stakeholder, now)
                    .map(|t| t.with_timezone(&Utc).date_naive().to_string()),
                active: state.active,
                healthy: state.healthy,
            };
            let rank = |c: &CoverageRelationship| (c.healthy, c.active, c.strength);
            if best.as_ref().is_none_or(|b| rank(&candidate) > rank(b)) {
                best = Some(candidate);
            }
        }
        let row = CoverageRow {
            stakeholder,
            name: network.name(stakeholder),
            covered: best.as_ref().is_some_and(|b| b.healthy),
            best,
            networkers: reach.count(stakeholder) as u32,
        };
        if row.covered {
            covered.push(row);
        } else {
            uncovered.push(row);
        }
    }
    let total = (covered.len() + uncovered.len()) as u32;
    Some(GoalCoverage {
        goal,
        name: item.body.name.clone(),
        coverage_percent: percent(covered.len() as u32, total),
        covered,
        uncovered,
    })
}

/// The whole report: the organisation, every goal (with coverage), team and networker.
pub fn kpi_report(network: &Network, now: DateTime<Utc>, options: &KpiOptions) -> KpiReport {
    let contacts = Contacts::build(network);
    let months_list = months(now, options.months);
    let compute = |scope: Scope| scope_kpis(network, &contacts, &scope, now, options.months);
    let mut goals: Vec<&Item<Goal>> = network.goals.iter().collect();
    goals.sort_by(|a, b| a.body.name.cmp(&b.body.name).then(a.id.cmp(&b.id)));
    let mut teams: Vec<&Item<Team>> = network.teams.iter().collect();
    teams.sort_by(|a, b| a.body.name.cmp(&b.body.name).then(a.id.cmp(&b.id)));
    let networkers: Vec<RecordId> = if options.per_networker {
        let mut ids: Vec<&Item<Networker>> = network.networkers.values().collect();
        ids.sort_by(|a, b| a.body.name.cmp(&b.body.name).then(a.id.cmp(&b.id)));
        ids.into_iter().map(|n| n.id).collect()
    } else {
        Vec::new()
    };
    KpiReport {
        generated_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        from: months_list.first().map(|m| m.0).unwrap_or(now.date_naive()),
        to: now.date_naive(),
        organisation: compute(Scope::Organisation).expect("the organisation always exists"),
        coverage: goals
            .iter()
            .filter_map(|g| goal_coverage(network, &contacts, g.id, now))
            .collect(),
        goals: goals
            .iter()
            .filter_map(|g| compute(Scope::Goal(g.id)))
            .collect(),
        teams: teams
            .iter()
            .filter_map(|t| compute(Scope::Team(t.id)))
            .collect(),
        networkers: networkers
            .into_iter()
            .filter_map(|n| compute(Scope::Networker(n)))
            .collect(),
    }
}

/// The report as CSV: one row per scope, month and KPI (`scope_kind,scope_id,scope_name,month,kpi,value`).
pub fn kpi_csv(report: &KpiReport) -> String {
    let mut out = String::from("scope_kind,scope_id,scope_name,month,kpi,value\n");
    let all = std::iter::once(&report.organisation)
        .chain(&report.goals)
        .chain(&report.teams)
        .chain(&report.networkers);
    for scope in all {
        let id = scope.scope.id.map(|i| i.to_string()).unwrap_or_default();
        for month in &scope.months {
            let values: [(&str, String); 10] = [
                (
                    "active_relationships",
                    month.active_relationships.to_string(),
                ),
                ("interactions", month.interactions.to_string()),
                ("events", month.events.to_string()),
                ("newsletters", month.newsletters.to_string()),
                ("outcomes", month.outcomes.to_string()),
                ("going_cold", month.going_cold.to_string()),
                ("priority_covered", month.priority_covered.to_string()),
                ("priority_total", month.priority_total.to_string()),
                (
                    "coverage_percent",
                    month
                        .coverage_percent
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                ),
                (
                    "single_points_of_failure",
                    month.single_points_of_failure.to_string(),
                ),
            ];
            for (kpi, value) in values {
                out.push_str(&format!(
                    "{},{},{},{},{},{}\n",
                    scope.scope.kind,
                    id,
                    csv_field(&scope.scope.name),
                    month.month,
                    kpi,
                    value
                ));
            }
        }
        let month = report.to.format("%Y-%m").to_string();
        let r = &scope.reciprocity;
        for (kpi, value) in [
            ("reciprocity_given", r.given.to_string()),
            ("reciprocity_received", r.received.to_string()),
            ("reciprocity_balance", r.balance.to_string()),
            (
                "return_on_relationship",
                scope
                    .return_on_relationship
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            ),
        ] {
            out.push_str(&format!(
                "{},{},{},{},{},{}\n",
                scope.scope.kind,
                id,
                csv_field(&scope.scope.name),
                month,
                kpi,
                value
            ));
        }
    }
    out
}

/// A CSV field, quoted when it needs to be; a leading formula character is defused.
pub fn csv_field(text: &str) -> String {
    let mut text = text.to_owned();
    if text.starts_with(['=', '+', '-', '@']) {
        text.insert(0, '\'');
    }
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
