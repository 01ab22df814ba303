//! The Manager of the Network on the command line: goals, Networking Teams, partnerships and their
//! reviews, events, KPIs and the Return-on-Relationship report, offboarding, and the transparency
//! register. Thin: parse, call kring-core, print text or JSON.

use crate::args::{parse_assignment, parse_date, parse_when};
use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use kring_core::manager::kpi::{kpi_csv, KpiOptions};
use kring_core::manager::offboard::HandoverChoice;
use kring_core::manager::*;
use kring_core::model::*;
use kring_core::store::Store;
use std::path::PathBuf;

fn parse_word<T: std::str::FromStr<Err = ValidationError>>(text: &str) -> Result<T, String> {
    text.parse::<T>().map_err(|e| e.reason)
}

fn print_json(value: &impl serde::Serialize) -> Result<()> {
    out!("{}", crate::terminal::json_text(value)?);
    Ok(())
}

fn ids(store: &Store, texts: &[String]) -> Result<Vec<RecordId>> {
    Ok(texts
        .iter()
        .map(|t| store.resolve_id(t))
        .collect::<Result<Vec<_>, _>>()?)
}

fn id_of_kind(store: &Store, text: &str, kind: RecordKind) -> Result<RecordId> {
    let id = store.resolve_id(text)?;
    match store.kind_of(id)? {
        Some(actual) if actual == kind.as_str() => Ok(id),
        Some(actual) => bail!("{id} is a {actual}, not a {kind}"),
        None => bail!("no record with id {id}"),
    }
}

fn edit(
    store: &Store,
    id: &str,
    kind: RecordKind,
    set: &[String],
    now: DateTime<Utc>,
) -> Result<()> {
    let id = id_of_kind(store, id, kind)?;
    let assignments = set
        .iter()
        .map(|s| parse_assignment(s))
        .collect::<Result<Vec<_>>>()?;
    if kind == RecordKind::Partnership && assignments.iter().any(|(f, _)| f == "partners") {
        bail!("partners: use `kring partnership partner ID ORG` so that red lines are checked");
    }
    store.set_fields(id, &assignments, now)?;
    out!("{id}");
    Ok(())
}

// ----- goals ---------------------------------------------------------------------------------

#[derive(Subcommand, Debug)]
pub enum GoalCommand {
    /// Add a strategic goal.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        description: Option<String>,
        /// The networking vision for this goal.
        #[arg(long)]
        vision: Option<String>,
        /// Until when: YYYY-MM-DD.
        #[arg(long)]
        until: Option<String>,
        /// A priority stakeholder (repeat for several).
        #[arg(long)]
        priority: Vec<String>,
        #[arg(long, value_parser = parse_word::<Visibility>)]
        visibility: Option<Visibility>,
    },
    /// Goals with the coverage of their priority stakeholders.
    List {
        #[arg(long)]
        json: bool,
    },
    /// A goal: which priority stakeholders have an active, healthy relationship, which none.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Set fields: --set name=… --set status=achieved --set until=2027-12-31
    Edit {
        id: String,
        #[arg(long, required = true, value_name = "FIELD=VALUE")]
        set: Vec<String>,
    },
    /// Link stakeholders (as priority stakeholders), relationships, interactions or events.
    Link {
        goal: String,
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
    },
    /// Undo a link.
    Unlink {
        goal: String,
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
    },
}

pub fn goal(store: &Store, command: GoalCommand, now: DateTime<Utc>) -> Result<()> {
    match command {
        GoalCommand::Add {
            name,
            description,
            vision,
            until,
            priority,
            visibility,
        } => {
            let goal = Goal {
                name: name.trim().to_owned(),
                description,
                vision,
                status: Some(GoalStatus::Active),
                until: until.map(|u| parse_date(&u, now)).transpose()?,
                priority_stakeholders: ids(store, &priority)?,
                ..Goal::default()
            };
            out!("{}", store.create_goal(&goal, visibility, now)?);
        }
        GoalCommand::List { json } => {
            let goals = store.goal_views(now)?;
            if json {
                return print_json(&goals);
            }
            if goals.is_empty() {
                out!("No goals yet. Add one with `kring goal add --name NAME --priority ID`.");
            }
            for g in goals {
                out!(
                    "{}  {:<9} {}  — {} of {} priority stakeholders covered ({})",
                    g.id,
                    g.goal.status.unwrap_or(GoalStatus::Active),
                    g.goal.name,
                    g.coverage.covered.len(),
                    g.coverage.covered.len() + g.coverage.uncovered.len(),
                    g.coverage
                        .coverage_percent
                        .map_or("–".into(), |p| format!("{p} %"))
                );
            }
        }
        GoalCommand::Show { id, json } => {
            let id = id_of_kind(store, &id, RecordKind::Goal)?;
            let g = store.goal_view(id, now)?;
            if json {
                return print_json(&g);
            }
            out!("{} ({})", g.goal.name, g.id);
            if let Some(d) = &g.goal.description {
                out!("  {d}");
            }
            if let Some(v) = &g.goal.vision {
                out!("  vision: {v}");
            }
            out!(
                "  coverage: {} ({} covered, {} not)",
                g.coverage
                    .coverage_percent
                    .map_or("–".into(), |p| format!("{p} %")),
                g.coverage.covered.len(),
                g.coverage.uncovered.len()
            );
            for row in g.coverage.covered.iter().chain(&g.coverage.uncovered) {
                let by = row
                    .best
                    .as_ref()
                    .map_or("no current relationship".into(), |b| {
                        format!(
                            "{} strength {}{}",
                            b.networker_name,
                            b.strength,
                            if b.active { "" } else { ", not active" }
                        )
                    });
                out!(
                    "  {} {}  {} — {by}",
                    if row.covered { "✓" } else { "✗" },
                    row.stakeholder,
                    row.name
                );
            }
            out!(
                "  linked: {} relationships, {} interactions, {} events",
                g.goal.relationships.len(),
                g.goal.interactions.len(),
                g.goal.events.len()
            );
        }
        GoalCommand::Edit { id, set } => edit(store, &id, RecordKind::Goal, &set, now)?,
        GoalCommand::Link { goal, ids: targets } => link(store, &goal, &targets, true, now)?,
        GoalCommand::Unlink { goal, ids: targets } => link(store, &goal, &targets, false, now)?,
    }
    Ok(())
}

fn link(
    store: &Store,
    goal: &str,
    targets: &[String],
    link: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let goal = id_of_kind(store, goal, RecordKind::Goal)?;
    let targets = ids(store, targets)?;
    store.link_to_goal(goal, &targets, link, now)?;
    out!(
        "{} {} record(s) {} goal {goal}",
        if link { "linked" } else { "unlinked" },
        targets.len(),
        if link { "to" } else { "from" }
    );
    Ok(())
}

// ----- teams ---------------------------------------------------------------------------------

#[derive(Subcommand, Debug)]
pub enum TeamCommand {
    /// Form a Networking Team.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        purpose: Option<String>,
        /// A member as NETWORKER or NETWORKER:ROLE (lead, member, advisor); repeat for several.
        #[arg(long)]
        member: Vec<String>,
        /// A stakeholder the team looks after (repeat for several).
        #[arg(long)]
        stakeholder: Vec<String>,
        #[arg(long, value_parser = parse_word::<Visibility>)]
        visibility: Option<Visibility>,
    },
    /// Teams with their members and stakeholders.
    List {
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Set fields: --set name=… --set purpose=…
    Edit {
        id: String,
        #[arg(long, required = true, value_name = "FIELD=VALUE")]
        set: Vec<String>,
    },
    /// Add a member with a role (or change their role), or remove them.
    Member {
        team: String,
        networker: String,
        #[arg(long, default_value = "member", value_parser = parse_word::<TeamRole>)]
        role: TeamRole,
        #[arg(long)]
        remove: bool,
    },
    /// Make the team look after a stakeholder, with who is accountable for it.
    LookAfter {
        team: String,
        stakeholder: String,
        /// The accountable networker.
        #[arg(long)]
        accountable: Option<String>,
        /// Stop looking after it.
        #[arg(long)]
        remove: bool,
    },
}

pub fn team(store: &Store, command: TeamCommand, now: DateTime<Utc>) -> Result<()> {
    match command {
        TeamCommand::Add {
            name,
            purpose,
            member,
            stakeholder,
            visibility,
        } => {
            let mut members = Vec::new();
            for text in &member {
                let (who, role) = match text.rsplit_once(':') {
                    Some((who, role)) => (who, role.parse::<TeamRole>()?),
                    None => (text.as_str(), TeamRole::Member),
                };
                members.push(TeamMember {
                    networker: store.resolve_id(who)?,
                    role,
                });
            }
            let team = Team {
                name: name.trim().to_owned(),
                purpose,
                members,
                stakeholders: ids(store, &stakeholder)?,
                accountable: vec![],
            };
            out!("{}", store.create_team(&team, visibility, now)?);
        }
        TeamCommand::List { json } => {
            let teams = store.team_views(now)?;
            if json {
                return print_json(&teams);
            }
            if teams.is_empty() {
                out!("No teams yet. Form one with `kring team add --name NAME --member ID:lead`.");
            }
            for t in teams {
                out!(
                    "{}  {}  — {} members, {} stakeholders",
                    t.id,
                    t.name,
                    t.members.len(),
                    t.stakeholders.len()
                );
            }
        }
        TeamCommand::Show { id, json } => {
            let id = id_of_kind(store, &id, RecordKind::Team)?;
            let t = store.team_view(id, now)?;
            if json {
                return print_json(&t);
            }
            out!("{} ({})", t.name, t.id);
            if let Some(p) = &t.purpose {
                out!("  {p}");
            }
            out!("  members:");
            for m in &t.members {
                out!(
                    "    {}  {:<8} {}{}",
                    m.networker,
                    m.role,
                    m.name,
                    if m.left { " (left)" } else { "" }
                );
            }
            out!("  stakeholders:");
            for s in &t.stakeholders {
                let accountable: Vec<&str> =
                    s.accountable.iter().map(|a| a.name.as_str()).collect();
                out!(
                    "    {}  {} — accountable: {}; known by {} member(s)",
                    s.stakeholder,
                    s.name,
                    if accountable.is_empty() {
                        "nobody".into()
                    } else {
                        accountable.join(", ")
                    },
                    s.known_by_members.len()
                );
            }
        }
        TeamCommand::Edit { id, set } => edit(store, &id, RecordKind::Team, &set, now)?,
        TeamCommand::Member {
            team,
            networker,
            role,
            remove,
        } => {
            let team = id_of_kind(store, &team, RecordKind::Team)?;
            let networker = id_of_kind(store, &networker, RecordKind::Networker)?;
            store.set_team_member(team, networker, (!remove).then_some(role), now)?;
            out!("{team}");
        }
        TeamCommand::LookAfter {
            team,
            stakeholder,
            accountable,
            remove,
        } => {
            let team = id_of_kind(store, &team, RecordKind::Team)?;
            let stakeholder = store.resolve_id(&stakeholder)?;
            let accountable = accountable
                .map(|a| id_of_kind(store, &a, RecordKind::Networker))
                .transpose()?;
            store.look_after(team, stakeholder, accountable, remove, now)?;
            out!("{team}");
        }
    }
    Ok(())
}

// ----- partnerships --------------------------------------------------------------------------

#[derive(Subcommand, Debug)]
pub enum PartnershipCommand {
    /// Add a partnership (refused when a partner crosses one of its red lines).
    Add {
        #[arg(long)]
        name: String,
        /// A partner organisation (repeat for several).
        #[arg(long)]
        partner: Vec<String>,
        /// A shared objective (repeat).
        #[arg(long)]
        objective: Vec<String>,
        /// What a partner is accountable for: ORG=TEXT (repeat).
        #[arg(long, value_name = "ORG=TEXT")]
        accountability: Vec<String>,
        /// A red line: free text, or tag:WORD / sector:SECTOR, checked against partners (repeat).
        #[arg(long = "red-line")]
        red_line: Vec<String>,
        /// The agreement on sharing benefits and risks.
        #[arg(long = "benefits-risks")]
        benefits_risks: Option<String>,
        /// The exit arrangements.
        #[arg(long)]
        exit: Option<String>,
        /// Review every DAYS days.
        #[arg(long = "review-every", value_name = "DAYS")]
        review_every: Option<u32>,
        /// Started on: YYYY-MM-DD (default: today).
        #[arg(long)]
        started: Option<String>,
        /// The networker who leads it.
        #[arg(long)]
        lead: Option<String>,
        #[arg(long, value_parser = parse_word::<PartnershipStatus>)]
        status: Option<PartnershipStatus>,
        #[arg(long, value_parser = parse_word::<Visibility>)]
        visibility: Option<Visibility>,
    },
    /// Partnerships with their health and next review.
    List {
        #[arg(long)]
        json: bool,
    },
    /// A partnership: agreement, reviews and health over time.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Set fields: --set status=paused --set exit_arrangements=… (partners: use `partner`)
    Edit {
        id: String,
        #[arg(long, required = true, value_name = "FIELD=VALUE")]
        set: Vec<String>,
    },
    /// Add a partner organisation (checked against the red lines) or remove one.
    Partner {
        id: String,
        organisation: String,
        #[arg(long)]
        remove: bool,
    },
    /// Which red lines a prospective partner crosses.
    Check {
        id: String,
        organisation: String,
        #[arg(long)]
        json: bool,
    },
    /// Review the partnership: score the five behaviours from 1 to 5.
    Review {
        id: String,
        /// The review date (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Strategic, values-based leadership.
        #[arg(long)]
        leadership: u8,
        /// Sharing and giving credit to others.
        #[arg(long)]
        credit: u8,
        /// Focus on outcomes for communities.
        #[arg(long)]
        outcomes: u8,
        /// Communication, including listening.
        #[arg(long)]
        listening: u8,
        /// Empowering staff and other stakeholders.
        #[arg(long)]
        empowering: u8,
        #[arg(long)]
        notes: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn partnership(store: &Store, command: PartnershipCommand, now: DateTime<Utc>) -> Result<()> {
    match command {
        PartnershipCommand::Add {
            name,
            partner,
            objective,
            accountability,
            red_line,
            benefits_risks,
            exit,
            review_every,
            started,
            lead,
            status,
            visibility,
        } => {
            let partners = ids(store, &partner)?;
            let mut accountabilities = Vec::new();
            for text in &accountability {
                let Some((org, what)) = text.split_once('=') else {
                    bail!("--accountability '{text}': write ORG=TEXT");
                };
                accountabilities.push(PartnerAccountability {
                    partner: store.resolve_id(org)?,
                    text: what.trim().to_owned(),
                });
            }
            let partnership = Partnership {
                name: name.trim().to_owned(),
                status: Some(status.unwrap_or(PartnershipStatus::Active)),
                partners,
                objectives: objective,
                accountabilities,
                red_lines: red_line,
                benefits_and_risks: benefits_risks,
                exit_arrangements: exit,
                review_every_days: review_every,
                started: Some(match started {
                    Some(s) => parse_date(&s, now)?,
                    None => now.date_naive(),
                }),
                lead: lead
                    .map(|l| id_of_kind(store, &l, RecordKind::Networker))
                    .transpose()?,
            };
            out!(
                "{}",
                store.create_partnership(&partnership, visibility, now)?
            );
        }
        PartnershipCommand::List { json } => {
            let list = store.partnership_views(now)?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                out!("No partnerships yet. Add one with `kring partnership add --name NAME --partner ORG`.");
            }
            for p in list {
                out!(
                    "{}  {}  — {}; health {}; next review {}",
                    p.id,
                    p.partnership.name,
                    p.partners
                        .iter()
                        .map(|n| n.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    p.health.map_or("not reviewed".into(), |h| format!(
                        "{h:.1} ({})",
                        p.band.map(|b| b.as_str()).unwrap_or_default()
                    )),
                    p.next_review.map_or("–".into(), |d| format!(
                        "{d}{}",
                        if p.review_due { " (due)" } else { "" }
                    ))
                );
            }
        }
        PartnershipCommand::Show { id, json } => {
            let id = id_of_kind(store, &id, RecordKind::Partnership)?;
            let p = store.partnership_view(id, now)?;
            if json {
                return print_json(&p);
            }
            let body = &p.partnership;
            out!("{} ({})", body.name, p.id);
            out!(
                "  status: {}",
                body.status.unwrap_or(PartnershipStatus::Active)
            );
            for partner in &p.partners {
                out!("  partner: {} ({})", partner.name, partner.id);
            }
            for o in &body.objectives {
                out!("  objective: {o}");
            }
            for a in &body.accountabilities {
                let name = p
                    .partners
                    .iter()
                    .find(|n| n.id == a.partner)
                    .map_or(a.partner.to_string(), |n| n.name.clone());
                out!("  accountable — {name}: {}", a.text);
            }
            // As people read them; a checked rule keeps its spelling for `partnership edit`.
            for (rule, described) in body.red_lines.iter().zip(&p.red_line_descriptions) {
                if rule.trim() == described {
                    out!("  red line: {described}");
                } else {
                    out!("  red line: {described}  [{rule}]");
                }
            }
            for w in &p.red_line_warnings {
                out!("  ! red line crossed by {w}");
            }
            if let Some(b) = &body.benefits_and_risks {
                out!("  benefits and risks: {b}");
            }
            if let Some(e) = &body.exit_arrangements {
                out!("  exit: {e}");
            }
            for r in &p.reviews {
                out!(
                    "  review {}: health {:.1} ({}) — leadership {}, credit {}, outcomes {}, listening {}, empowering {}{}",
                    r.review.date,
                    r.health,
                    r.band,
                    r.review.values_based_leadership,
                    r.review.sharing_credit,
                    r.review.outcomes_for_communities,
                    r.review.communication_and_listening,
                    r.review.empowering_staff,
                    r.review.notes.as_deref().map(|n| format!(" — {n}")).unwrap_or_default()
                );
            }
            out!(
                "  next review: {}",
                p.next_review.map_or("–".into(), |d| format!(
                    "{d}{}",
                    if p.review_due { " (due)" } else { "" }
                ))
            );
        }
        PartnershipCommand::Edit { id, set } => {
            // New red lines may catch a partner already in the partnership: it is not removed
            // (that is the manager's call), but it must not go unnoticed.
            let id = id_of_kind(store, &id, RecordKind::Partnership)?;
            let before = store.partnership_view(id, now)?.red_line_warnings;
            edit(store, &id.to_string(), RecordKind::Partnership, &set, now)?;
            let after = store.partnership_view(id, now)?;
            let ended = after.partnership.status == Some(PartnershipStatus::Ended);
            let new_crossings = after
                .red_line_warnings
                .iter()
                .filter(|w| !ended && !before.contains(w));
            for warning in new_crossings {
                let warning = crate::terminal::strip_controls(warning);
                eprintln!(
                    "kring: warning: a red line is crossed by a partner, {warning}; see \
                     `kring partnership show {id}`, then remove the partner with \
                     `kring partnership partner {id} PARTNER --remove` or end the partnership"
                );
            }
        }
        PartnershipCommand::Partner {
            id,
            organisation,
            remove,
        } => {
            let id = id_of_kind(store, &id, RecordKind::Partnership)?;
            let organisation = id_of_kind(store, &organisation, RecordKind::Organisation)?;
            let mut body: Partnership = store
                .get(id)?
                .with_context(|| format!("no partnership with id {id}"))?;
            if remove {
                body.partners.retain(|p| *p != organisation);
                body.accountabilities.retain(|a| a.partner != organisation);
            } else if !body.partners.contains(&organisation) {
                body.partners.push(organisation);
            }
            store.update_partnership(id, &body, now)?;
            out!("{id}");
        }
        PartnershipCommand::Check {
            id,
            organisation,
            json,
        } => {
            let id = id_of_kind(store, &id, RecordKind::Partnership)?;
            let organisation = id_of_kind(store, &organisation, RecordKind::Organisation)?;
            let body: Partnership = store
                .get(id)?
                .with_context(|| format!("no partnership with id {id}"))?;
            let crossed = store.red_lines_crossed(&body, organisation)?;
            if json {
                return print_json(
                    &serde_json::json!({ "organisation": organisation, "crossed": crossed }),
                );
            }
            if crossed.is_empty() {
                out!("{organisation} crosses none of the red lines that can be checked");
            }
            for line in crossed {
                out!(
                    "crosses: {}  [{line}]",
                    kring_core::manager::describe_red_line(&line)
                );
            }
        }
        PartnershipCommand::Review {
            id,
            date,
            leadership,
            credit,
            outcomes,
            listening,
            empowering,
            notes,
            json,
        } => {
            let id = id_of_kind(store, &id, RecordKind::Partnership)?;
            let reviewer = store.profile()?.map(|p| p.networker);
            let review = PartnershipReview {
                partnership: id,
                date: match date {
                    Some(d) => parse_date(&d, now)?,
                    None => now.date_naive(),
                },
                values_based_leadership: leadership,
                sharing_credit: credit,
                outcomes_for_communities: outcomes,
                communication_and_listening: listening,
                empowering_staff: empowering,
                notes,
                reviewer,
            };
            let review_id = store.review_partnership(&review, None, now)?;
            if json {
                return print_json(&serde_json::json!({
                    "id": review_id,
                    "health": review.health(),
                    "band": health_band(review.health()),
                }));
            }
            out!("{review_id}");
            out!(
                "health {:.1} ({})",
                review.health(),
                health_band(review.health())
            );
        }
    }
    Ok(())
}

// ----- events --------------------------------------------------------------------------------

#[derive(Subcommand, Debug)]
pub enum EventCommand {
    /// Add an event or a newsletter.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "event", value_parser = parse_word::<EventKind>)]
        kind: EventKind,
        /// When: YYYY-MM-DD, "YYYY-MM-DD HH:MM" or RFC 3339 (default: now).
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        location: Option<String>,
        /// Invited (for a newsletter: sent to); repeat.
        #[arg(long)]
        invited: Vec<String>,
        /// Attended; repeat.
        #[arg(long)]
        attending: Vec<String>,
        #[arg(long)]
        outcome: Vec<String>,
        #[arg(long)]
        notes: Option<String>,
        #[arg(long, value_parser = parse_word::<Visibility>)]
        visibility: Option<Visibility>,
    },
    /// Events and newsletters, latest first.
    List {
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Set fields: --set name=… --set outcomes=a,b
    Edit {
        id: String,
        #[arg(long, required = true, value_name = "FIELD=VALUE")]
        set: Vec<String>,
    },
    /// Record who attended (or, with --invited, who was invited).
    Attend {
        id: String,
        #[arg(required = true, num_args = 1..)]
        people: Vec<String>,
        #[arg(long)]
        invited: bool,
    },
}

pub fn event(store: &Store, command: EventCommand, now: DateTime<Utc>) -> Result<()> {
    match command {
        EventCommand::Add {
            name,
            kind,
            at,
            location,
            invited,
            attending,
            outcome,
            notes,
            visibility,
        } => {
            let event = Event {
                name: name.trim().to_owned(),
                kind,
                at: match at {
                    Some(text) => parse_when(&text, now)?,
                    None => now.with_timezone(&chrono::Local).fixed_offset(),
                },
                location,
                invited: ids(store, &invited)?,
                attending: ids(store, &attending)?,
                outcomes: outcome,
                notes,
            };
            out!("{}", store.create_event(&event, visibility, now)?);
        }
        EventCommand::List { json } => {
            let events = store.event_views()?;
            if json {
                return print_json(&events);
            }
            if events.is_empty() {
                out!("No events yet. Add one with `kring event add --name NAME --at DATE`.");
            }
            for e in events {
                out!(
                    "{}  {}  {:<10} {}  — {} invited, {} attended",
                    e.id,
                    e.event.at.date_naive(),
                    e.event.kind,
                    e.event.name,
                    e.invited.len(),
                    e.attending.len()
                );
            }
        }
        EventCommand::Show { id, json } => {
            let id = id_of_kind(store, &id, RecordKind::Event)?;
            let e = store.event_view(id)?;
            if json {
                return print_json(&e);
            }
            out!(
                "{} ({}) — {} on {}",
                e.event.name,
                e.id,
                e.event.kind,
                e.event.at
            );
            if let Some(l) = &e.event.location {
                out!("  at {l}");
            }
            let names = |list: &[Named]| {
                list.iter()
                    .map(|n| n.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out!("  invited: {}", names(&e.invited));
            out!("  attended: {}", names(&e.attending));
            for o in &e.event.outcomes {
                out!("  outcome: {o}");
            }
        }
        EventCommand::Edit { id, set } => edit(store, &id, RecordKind::Event, &set, now)?,
        EventCommand::Attend {
            id,
            people,
            invited,
        } => {
            let id = id_of_kind(store, &id, RecordKind::Event)?;
            let people = ids(store, &people)?;
            if invited {
                store.add_to_event(id, &people, &[], now)?;
            } else {
                store.add_to_event(id, &[], &people, now)?;
            }
            out!("{id}");
        }
    }
    Ok(())
}

// ----- networkers, offboarding ---------------------------------------------------------------

#[derive(Subcommand, Debug)]
pub enum NetworkerCommand {
    /// Networkers with their relationships, sole contacts and teams.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn networker(store: &Store, command: NetworkerCommand, now: DateTime<Utc>) -> Result<()> {
    match command {
        NetworkerCommand::List { json } => {
            let list = store.networker_list(now)?;
            if json {
                return print_json(&list);
            }
            for n in list {
                // The label already names the unit when a colleague shares the name.
                let unit = match &n.unit {
                    Some(unit) if n.label == n.name => format!(" ({unit})"),
                    _ => String::new(),
                };
                out!(
                    "{}  {:<6} {}{}  — {} relationships ({} current), sole contact for {}",
                    n.id,
                    n.status,
                    n.label,
                    unit,
                    n.relationships,
                    n.current_relationships,
                    n.sole_contact_for
                );
            }
        }
    }
    Ok(())
}

#[derive(Args, Debug)]
pub struct OffboardArgs {
    /// The networker who leaves.
    pub networker: String,
    /// A successor (repeat for several: each relationship goes to the best proposed of them).
    #[arg(long = "to", value_name = "SUCCESSOR")]
    pub to: Vec<String>,
    /// Hand one relationship to a colleague of your choice, whatever is proposed (repeat for
    /// several).
    #[arg(long = "choose", value_name = "STAKEHOLDER=SUCCESSOR")]
    pub choose: Vec<String>,
    /// Show the handover without changing anything.
    #[arg(long = "dry-run")]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
}

pub fn offboard(store: &Store, args: OffboardArgs, now: DateTime<Utc>) -> Result<()> {
    let networker = id_of_kind(store, &args.networker, RecordKind::Networker)?;
    let successors = args
        .to
        .iter()
        .map(|s| id_of_kind(store, s, RecordKind::Networker))
        .collect::<Result<Vec<_>>>()?;
    let choices = args
        .choose
        .iter()
        .map(|pair| {
            let (stakeholder, successor) = pair.split_once('=').with_context(|| {
                format!("--choose {pair}: write it as STAKEHOLDER=SUCCESSOR (two ids)")
            })?;
            Ok(HandoverChoice {
                stakeholder: store.resolve_id(stakeholder.trim())?,
                successor: id_of_kind(store, successor.trim(), RecordKind::Networker)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let plan = store.offboard_choosing(networker, &successors, &choices, args.dry_run, now)?;
    if args.json {
        return print_json(&plan);
    }
    out!(
        "Handover of {} ({}): {} relationships{}",
        plan.networker.name,
        plan.networker.id,
        plan.items.len(),
        if plan.applied {
            ""
        } else {
            " (dry run: nothing changed)"
        }
    );
    for item in &plan.items {
        out!(
            "  [{:<6}] importance {:>2}  {} — strength {}{}  → {}",
            item.risk,
            item.importance,
            item.stakeholder_name,
            item.strength,
            if item.reasons.is_empty() {
                String::new()
            } else {
                format!("; {}", item.reasons.join("; "))
            },
            item.successor
                .as_ref()
                .map_or("no successor".into(), |s| format!(
                    "{}{}",
                    s.name,
                    if item.creates_relationship {
                        " (new relationship)"
                    } else {
                        ""
                    }
                ))
        );
    }
    out!(
        "{} assigned, {} without a successor, {} new relationships, {} accountabilities moved, {} team memberships ended{}",
        plan.assigned,
        plan.unassigned,
        plan.new_relationships,
        plan.accountabilities_moved,
        plan.team_memberships_ended,
        if plan.applied {
            format!("; {} is marked left", plan.networker.name)
        } else {
            String::new()
        }
    );
    Ok(())
}

// ----- KPIs, report, transparency ------------------------------------------------------------

#[derive(Args, Debug)]
pub struct KpiArgs {
    #[arg(long)]
    pub json: bool,
    /// Also write every KPI as CSV (one row per scope, month and KPI).
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// How many calendar months, up to this one.
    #[arg(long, default_value_t = 12)]
    pub months: u32,
}

pub fn kpi(store: &Store, args: KpiArgs, now: DateTime<Utc>) -> Result<()> {
    if args.months == 0 || args.months > 120 {
        bail!("--months: give 1 to 120");
    }
    let report = store.kpi_report(
        now,
        &KpiOptions {
            months: args.months,
            per_networker: true,
        },
    )?;
    if let Some(path) = &args.csv {
        crate::write_atomically(path, kpi_csv(&report).as_bytes())?;
    }
    if args.json {
        return print_json(&report);
    }
    let org = &report.organisation;
    let m = org.months.last().cloned().unwrap_or_default();
    out!(
        "KPIs {} to {} (definitions: docs/kpis.md)",
        report.from,
        report.to
    );
    out!("  active relationships      {}", m.active_relationships);
    out!(
        "  interactions              {} this month, {} in the period",
        m.interactions,
        org.totals.interactions
    );
    out!(
        "  events / newsletters      {} / {} in the period",
        org.totals.events,
        org.totals.newsletters
    );
    out!(
        "  priority coverage         {} of {} ({})",
        m.priority_covered,
        m.priority_total,
        m.coverage_percent.map_or("–".into(), |p| format!("{p} %"))
    );
    out!("  going cold                {}", m.going_cold);
    out!(
        "  reciprocity balance       {:+} (given {}, received {})",
        org.reciprocity.balance,
        org.reciprocity.given,
        org.reciprocity.received
    );
    out!(
        "  outcomes recorded         {} in the period",
        org.totals.outcomes
    );
    out!("  single points of failure  {}", m.single_points_of_failure);
    out!(
        "  Return-on-Relationship    {}",
        org.return_on_relationship
            .map_or("–".into(), |r| format!("{r} outcomes per 100 contacts"))
    );
    for c in &report.coverage {
        out!(
            "  goal {}: {} of {} covered ({})",
            c.name,
            c.covered.len(),
            c.covered.len() + c.uncovered.len(),
            c.coverage_percent.map_or("–".into(), |p| format!("{p} %"))
        );
    }
    if let Some(path) = &args.csv {
        out!("wrote {}", path.display());
    }
    Ok(())
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The HTML file to write.
    #[arg(long, value_name = "FILE.html")]
    pub out: PathBuf,
    #[arg(long, default_value_t = 12)]
    pub months: u32,
}

fn organisation_name(store: &Store) -> Result<String> {
    // The owner's own organisation is the one tagged "eigen organisatie" in the demo; otherwise
    // the owner's name stands for it.
    let profile = store.require_profile()?;
    Ok(format!("{} — Manager of the Network", profile.name))
}

pub fn report(store: &Store, args: ReportArgs, now: DateTime<Utc>) -> Result<()> {
    if args.months == 0 || args.months > 120 {
        bail!("--months: give 1 to 120");
    }
    let report = store.kpi_report(
        now,
        &KpiOptions {
            months: args.months,
            per_networker: true,
        },
    )?;
    let partnerships = store.partnership_views(now)?;
    let html = kring_core::manager::report::render_html(
        &report,
        &partnerships,
        &organisation_name(store)?,
    );
    crate::write_atomically(&args.out, html.as_bytes())?;
    crate::protection::log_written(
        store,
        kring_core::protection::processing_log::Activity::Report,
        &args.out,
        0,
        now,
    )?;
    out!("wrote {}", args.out.display());
    Ok(())
}

#[derive(Args, Debug)]
pub struct TransparencyArgs {
    #[arg(long)]
    pub from: String,
    #[arg(long)]
    pub to: String,
    /// FILE.csv or FILE.html.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

pub fn transparency(store: &Store, args: TransparencyArgs, now: DateTime<Utc>) -> Result<()> {
    let from = parse_date(&args.from, now)?;
    let to = parse_date(&args.to, now)?;
    let extension = args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let register = store.transparency_register(from, to, now)?;
    let text = match extension.as_deref() {
        Some("csv") => register.to_csv(),
        Some("html") | Some("htm") => register.to_html(&organisation_name(store)?),
        _ => bail!("--out: name a .csv or .html file"),
    };
    crate::write_atomically(&args.out, text.as_bytes())?;
    crate::protection::log_written(
        store,
        kring_core::protection::processing_log::Activity::Transparency,
        &args.out,
        register.entries.len() as u64,
        now,
    )?;
    out!(
        "wrote {} from {from} to {to} to {}",
        register.tally(),
        args.out.display()
    );
    Ok(())
}
