//! The Manager of the Network on the command line: goals, Networking Teams, partnerships and their
//! reviews, events, KPIs and the Return-on-Relationship report, offboarding, and the transparency
//! register. Thin: parse, call kring-core, print text or JSON.

use crate::args::{parse_assignment, parse_date, parse_when};
use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use kring_core::manager::kpi::KpiOptions;
use kring_core::manager::offboard::HandoverChoice;
use kring_core::manager::report::ReportFile;
use kring_core::manager::*;
use kring_core::model::*;
use kring_core::store::Store;
use kring_i18n::{format, t, Language};
use std::path::PathBuf;

/// The language of this run, which every line for people below is written in (`--json` never
/// changes with it).
fn lang() -> Language {
    crate::language::language()
}

/// A count with the language's thousands separator: "1,234", "1.234", "1 234".
fn n(language: Language, count: impl TryInto<i64>) -> String {
    format::integer(language, count.try_into().unwrap_or(i64::MAX))
}

/// A count as a Fluent argument, so that a message picks its plural form.
fn c(count: impl TryInto<i64>) -> i64 {
    count.try_into().unwrap_or(i64::MAX)
}

/// A percentage as the lists write it ("45 %" in English, as it always was), or "–".
fn percent(language: Language, value: Option<f64>) -> String {
    value.map_or("–".into(), |p| {
        t!(
            language,
            "manager-percent",
            number = format::decimal(language, p, 1)
        )
    })
}

/// A health score with one decimal, always shown ("3.0"), with the language's decimal comma.
fn health(language: Language, value: f64) -> String {
    let text = format!("{value:.1}");
    match language {
        Language::English => text,
        _ => text.replace('.', ","),
    }
}

/// A value padded to `width` characters (not bytes: "Aktueller" has no wide letters, "é" does).
fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

fn goal_status(language: Language, status: GoalStatus) -> String {
    t!(language, "manager-goal-status", status = status.as_str())
}

fn team_role(language: Language, role: TeamRole) -> String {
    t!(language, "manager-team-role", role = role.as_str())
}

fn partnership_status(language: Language, status: PartnershipStatus) -> String {
    t!(
        language,
        "manager-partnership-status",
        status = status.as_str()
    )
}

fn band(language: Language, band: HealthBand) -> String {
    let code = match band {
        HealthBand::Healthy => "healthy",
        HealthBand::NeedsAttention => "needs-attention",
        HealthBand::AtRisk => "at-risk",
    };
    t!(language, "manager-band", band = code)
}

fn event_kind(language: Language, kind: EventKind) -> String {
    t!(language, "manager-event-kind", kind = kind.as_str())
}

/// A partnership's latest health as the list shows it: "3.4 (healthy)", or "not reviewed".
fn partnership_health(language: Language, p: &PartnershipView) -> String {
    match (p.health, p.band) {
        (Some(h), Some(b)) => t!(
            language,
            "manager-partnership-health",
            health = health(language, h),
            band = band(language, b)
        ),
        (Some(h), None) => health(language, h),
        (None, _) => t!(language, "manager-partnership-not-reviewed"),
    }
}

/// When a partnership is next reviewed, "(due)" when it is, or "–".
fn next_review(language: Language, p: &PartnershipView) -> String {
    p.next_review.map_or("–".into(), |d| {
        if p.review_due {
            t!(language, "manager-partnership-due", date = d.to_string())
        } else {
            d.to_string()
        }
    })
}

fn record_kind(language: Language, kind: &str) -> String {
    t!(language, "manager-record-kind", kind = kind)
}

fn parse_word<T: std::str::FromStr<Err = ValidationError>>(text: &str) -> Result<T, String> {
    // Parsed after the language is chosen: the reason is said in it.
    text.parse::<T>()
        .map_err(|e| e.reason_in(crate::language::language()))
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
        Some(actual) => bail!(t!(
            lang(),
            "manager-wrong-kind",
            id = id.to_string(),
            actual = record_kind(lang(), &actual),
            kind = record_kind(lang(), kind.as_str())
        )),
        None => bail!(t!(lang(), "manager-no-record", id = id.to_string())),
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
        bail!(t!(lang(), "manager-edit-partners"));
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
            let l = lang();
            if goals.is_empty() {
                out!("{}", t!(l, "manager-goals-none"));
            }
            for g in goals {
                let total = g.coverage.covered.len() + g.coverage.uncovered.len();
                out!(
                    "{}  {} {}  — {}",
                    g.id,
                    pad(
                        &goal_status(l, g.goal.status.unwrap_or(GoalStatus::Active)),
                        9
                    ),
                    g.goal.name,
                    t!(
                        l,
                        "manager-goal-covered",
                        covered = n(l, g.coverage.covered.len()),
                        count = c(total),
                        total = n(l, total),
                        percent = percent(l, g.coverage.coverage_percent)
                    )
                );
            }
        }
        GoalCommand::Show { id, json } => {
            let id = id_of_kind(store, &id, RecordKind::Goal)?;
            let g = store.goal_view(id, now)?;
            if json {
                return print_json(&g);
            }
            let l = lang();
            out!("{} ({})", g.goal.name, g.id);
            if let Some(d) = &g.goal.description {
                out!("  {d}");
            }
            if let Some(v) = &g.goal.vision {
                out!("  {}", t!(l, "manager-goal-vision", vision = v.as_str()));
            }
            out!(
                "  {}",
                t!(
                    l,
                    "manager-goal-coverage",
                    percent = percent(l, g.coverage.coverage_percent),
                    covered = n(l, g.coverage.covered.len()),
                    uncovered = n(l, g.coverage.uncovered.len())
                )
            );
            for row in g.coverage.covered.iter().chain(&g.coverage.uncovered) {
                let by = row
                    .best
                    .as_ref()
                    .map_or(t!(l, "manager-goal-no-relationship"), |b| {
                        t!(
                            l,
                            "manager-goal-best",
                            networker = b.networker_name.as_str(),
                            strength = b.strength,
                            active = if b.active { "yes" } else { "no" }
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
                "  {}",
                t!(
                    l,
                    "manager-goal-linked",
                    relationships = c(g.goal.relationships.len()),
                    relationships_number = n(l, g.goal.relationships.len()),
                    interactions = c(g.goal.interactions.len()),
                    interactions_number = n(l, g.goal.interactions.len()),
                    events = c(g.goal.events.len()),
                    events_number = n(l, g.goal.events.len())
                )
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
    let l = lang();
    let (count, number, goal) = (c(targets.len()), n(l, targets.len()), goal.to_string());
    out!(
        "{}",
        if link {
            t!(
                l,
                "manager-goal-linked-records",
                count = count,
                number = number,
                goal = goal
            )
        } else {
            t!(
                l,
                "manager-goal-unlinked-records",
                count = count,
                number = number,
                goal = goal
            )
        }
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
            let l = lang();
            if teams.is_empty() {
                out!("{}", t!(l, "manager-teams-none"));
            }
            for team in teams {
                out!(
                    "{}  {}  — {}",
                    team.id,
                    team.name,
                    t!(
                        l,
                        "manager-team-counts",
                        members = c(team.members.len()),
                        members_number = n(l, team.members.len()),
                        stakeholders = c(team.stakeholders.len()),
                        stakeholders_number = n(l, team.stakeholders.len())
                    )
                );
            }
        }
        TeamCommand::Show { id, json } => {
            let id = id_of_kind(store, &id, RecordKind::Team)?;
            let team = store.team_view(id, now)?;
            if json {
                return print_json(&team);
            }
            let l = lang();
            out!("{} ({})", team.name, team.id);
            if let Some(p) = &team.purpose {
                out!("  {p}");
            }
            out!("  {}", t!(l, "manager-team-members"));
            for m in &team.members {
                out!(
                    "    {}  {} {}{}",
                    m.networker,
                    pad(&team_role(l, m.role), 8),
                    m.name,
                    if m.left {
                        t!(l, "manager-team-member-left")
                    } else {
                        String::new()
                    }
                );
            }
            out!("  {}", t!(l, "manager-team-stakeholders"));
            for s in &team.stakeholders {
                let accountable: Vec<&str> =
                    s.accountable.iter().map(|a| a.name.as_str()).collect();
                out!(
                    "    {}  {} — {}",
                    s.stakeholder,
                    s.name,
                    t!(
                        l,
                        "manager-team-stakeholder",
                        accountable = if accountable.is_empty() {
                            t!(l, "manager-team-nobody")
                        } else {
                            accountable.join(", ")
                        },
                        count = c(s.known_by_members.len()),
                        number = n(l, s.known_by_members.len())
                    )
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
                    bail!(t!(
                        lang(),
                        "manager-accountability-form",
                        text = text.as_str()
                    ));
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
            let l = lang();
            if list.is_empty() {
                out!("{}", t!(l, "manager-partnerships-none"));
            }
            for p in list {
                out!(
                    "{}  {}  — {}",
                    p.id,
                    p.partnership.name,
                    t!(
                        l,
                        "manager-partnership-row",
                        partners = p
                            .partners
                            .iter()
                            .map(|n| n.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        health = partnership_health(l, &p),
                        next = next_review(l, &p)
                    )
                );
            }
        }
        PartnershipCommand::Show { id, json } => {
            let id = id_of_kind(store, &id, RecordKind::Partnership)?;
            let p = store.partnership_view(id, now)?;
            if json {
                return print_json(&p);
            }
            let l = lang();
            let body = &p.partnership;
            out!("{} ({})", body.name, p.id);
            out!(
                "  {}",
                t!(
                    l,
                    "manager-partnership-status-line",
                    status =
                        partnership_status(l, body.status.unwrap_or(PartnershipStatus::Active))
                )
            );
            for partner in &p.partners {
                out!(
                    "  {}",
                    t!(
                        l,
                        "manager-partnership-partner",
                        name = partner.name.as_str(),
                        id = partner.id.to_string()
                    )
                );
            }
            for o in &body.objectives {
                out!(
                    "  {}",
                    t!(l, "manager-partnership-objective", objective = o.as_str())
                );
            }
            for a in &body.accountabilities {
                let name = p
                    .partners
                    .iter()
                    .find(|n| n.id == a.partner)
                    .map_or(a.partner.to_string(), |n| n.name.clone());
                out!(
                    "  {}",
                    t!(
                        l,
                        "manager-partnership-accountable",
                        name = name,
                        text = a.text.as_str()
                    )
                );
            }
            // As people read them, in their language; a checked rule keeps its spelling for
            // `partnership edit`.
            for rule in &body.red_lines {
                let described = describe_red_line_in(rule, l);
                let line = if rule.trim() == described {
                    described
                } else {
                    format!("{described}  [{rule}]")
                };
                out!("  {}", t!(l, "manager-partnership-red-line", line = line));
            }
            for (partner, rule) in &p.red_lines_crossed {
                out!(
                    "  ! {}",
                    t!(
                        l,
                        "manager-partnership-crossed",
                        partner = partner.as_str(),
                        line = describe_red_line_in(rule, l)
                    )
                );
            }
            if let Some(b) = &body.benefits_and_risks {
                out!(
                    "  {}",
                    t!(l, "manager-partnership-benefits", text = b.as_str())
                );
            }
            if let Some(e) = &body.exit_arrangements {
                out!("  {}", t!(l, "manager-partnership-exit", text = e.as_str()));
            }
            for r in &p.reviews {
                out!(
                    "  {}{}",
                    t!(
                        l,
                        "manager-partnership-review",
                        date = r.review.date.to_string(),
                        health = health(l, r.health),
                        band = band(l, r.band),
                        leadership = r.review.values_based_leadership,
                        credit = r.review.sharing_credit,
                        outcomes = r.review.outcomes_for_communities,
                        listening = r.review.communication_and_listening,
                        empowering = r.review.empowering_staff
                    ),
                    r.review
                        .notes
                        .as_deref()
                        .map(|n| format!(" — {n}"))
                        .unwrap_or_default()
                );
            }
            out!(
                "  {}",
                t!(
                    l,
                    "manager-partnership-next-review",
                    next = next_review(l, &p)
                )
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
                .zip(&after.red_lines_crossed)
                .filter(|(w, _)| !ended && !before.contains(w));
            let l = lang();
            for (_, (partner, rule)) in new_crossings {
                let crossing = format!("{partner}: {}", describe_red_line_in(rule, l));
                let crossing = crate::terminal::strip_controls(&crossing);
                eprintln!(
                    "kring: {}",
                    t!(
                        l,
                        "manager-warning-red-line-crossed",
                        crossing = crossing,
                        id = id.to_string()
                    )
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
                .with_context(|| t!(lang(), "manager-no-partnership", id = id.to_string()))?;
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
                .with_context(|| t!(lang(), "manager-no-partnership", id = id.to_string()))?;
            let crossed = store.red_lines_crossed(&body, organisation)?;
            if json {
                return print_json(
                    &serde_json::json!({ "organisation": organisation, "crossed": crossed }),
                );
            }
            let l = lang();
            if crossed.is_empty() {
                out!(
                    "{}",
                    t!(
                        l,
                        "manager-crosses-none",
                        organisation = organisation.to_string()
                    )
                );
            }
            for line in crossed {
                out!(
                    "{}",
                    t!(
                        l,
                        "manager-crosses",
                        line = describe_red_line_in(&line, l),
                        rule = line.as_str()
                    )
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
            let l = lang();
            out!("{review_id}");
            out!(
                "{}",
                t!(
                    l,
                    "manager-review-health",
                    health = health(l, review.health()),
                    band = band(l, health_band(review.health()))
                )
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
            let l = lang();
            if events.is_empty() {
                out!("{}", t!(l, "manager-events-none"));
            }
            for e in events {
                out!(
                    "{}  {}  {} {}  — {}",
                    e.id,
                    e.event.at.date_naive(),
                    pad(&event_kind(l, e.event.kind), 10),
                    e.event.name,
                    t!(
                        l,
                        "manager-event-counts",
                        invited = n(l, e.invited.len()),
                        attended = n(l, e.attending.len())
                    )
                );
            }
        }
        EventCommand::Show { id, json } => {
            let id = id_of_kind(store, &id, RecordKind::Event)?;
            let e = store.event_view(id)?;
            if json {
                return print_json(&e);
            }
            let l = lang();
            out!(
                "{} ({}) — {}",
                e.event.name,
                e.id,
                t!(
                    l,
                    "manager-event-when",
                    kind = event_kind(l, e.event.kind),
                    at = e.event.at.to_string()
                )
            );
            if let Some(location) = &e.event.location {
                out!(
                    "  {}",
                    t!(l, "manager-event-location", location = location.as_str())
                );
            }
            let names = |list: &[Named]| {
                list.iter()
                    .map(|n| n.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out!(
                "  {}",
                t!(l, "manager-event-invited", names = names(&e.invited))
            );
            out!(
                "  {}",
                t!(l, "manager-event-attended", names = names(&e.attending))
            );
            for o in &e.event.outcomes {
                out!("  {}", t!(l, "manager-event-outcome", outcome = o.as_str()));
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
            let l = lang();
            for w in list {
                // The label already names the unit when a colleague shares the name.
                let unit = match &w.unit {
                    Some(unit) if w.label == w.name => format!(" ({unit})"),
                    _ => String::new(),
                };
                out!(
                    "{}  {} {}{}  — {}",
                    w.id,
                    pad(
                        &t!(l, "manager-networker-status", status = w.status.as_str()),
                        6
                    ),
                    w.label,
                    unit,
                    t!(
                        l,
                        "manager-networker-row",
                        count = c(w.relationships),
                        relationships = n(l, w.relationships),
                        current = n(l, w.current_relationships),
                        sole = n(l, w.sole_contact_for)
                    )
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

pub fn offboard(
    store: &Store,
    args: OffboardArgs,
    language: Language,
    now: DateTime<Utc>,
) -> Result<()> {
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
            let (stakeholder, successor) = pair
                .split_once('=')
                .with_context(|| t!(language, "manager-choose-form", pair = pair.as_str()))?;
            Ok(HandoverChoice {
                stakeholder: store.resolve_id(stakeholder.trim())?,
                successor: id_of_kind(store, successor.trim(), RecordKind::Networker)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let plan = store.offboard_choosing(
        networker,
        &successors,
        &choices,
        args.dry_run,
        language,
        now,
    )?;
    if args.json {
        return print_json(&plan);
    }
    let l = language;
    out!(
        "{}{}",
        t!(
            l,
            "manager-handover",
            name = plan.networker.name.as_str(),
            id = plan.networker.id.to_string(),
            count = c(plan.items.len()),
            number = n(l, plan.items.len())
        ),
        if plan.applied {
            String::new()
        } else {
            t!(l, "manager-handover-dry-run")
        }
    );
    for item in &plan.items {
        let successor =
            item.successor
                .as_ref()
                .map_or(t!(l, "manager-handover-no-successor"), |s| {
                    format!(
                        "{}{}",
                        s.name,
                        if item.creates_relationship {
                            t!(l, "manager-handover-new-relationship")
                        } else {
                            String::new()
                        }
                    )
                });
        out!(
            "  {}",
            t!(
                l,
                "manager-handover-item",
                risk = pad(&t!(l, "manager-risk", risk = item.risk.to_string()), 6),
                importance = format!("{:>2}", item.importance),
                stakeholder = item.stakeholder_name.as_str(),
                strength = item.strength,
                reasons = if item.reasons.is_empty() {
                    String::new()
                } else {
                    format!("; {}", item.reasons.join("; "))
                },
                successor = successor
            )
        );
    }
    out!(
        "{}{}",
        t!(
            l,
            "manager-handover-summary",
            assigned = n(l, plan.assigned),
            unassigned = n(l, plan.unassigned),
            new_count = c(plan.new_relationships),
            new = n(l, plan.new_relationships),
            moved_count = c(plan.accountabilities_moved),
            moved = n(l, plan.accountabilities_moved),
            ended_count = c(plan.team_memberships_ended),
            ended = n(l, plan.team_memberships_ended)
        ),
        if plan.applied {
            t!(
                l,
                "manager-handover-marked-left",
                name = plan.networker.name.as_str()
            )
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
        bail!(t!(lang(), "manager-months"));
    }
    let report = store.kpi_report(
        now,
        &KpiOptions {
            months: args.months,
            per_networker: true,
        },
    )?;
    if let Some(path) = &args.csv {
        // The CSV is for programs: the same in every language.
        let csv = store.kpi_file(&report, ReportFile::Csv, Language::English, now)?;
        crate::write_atomically(path, csv.as_bytes())?;
    }
    if args.json {
        return print_json(&report);
    }
    let l = lang();
    let org = &report.organisation;
    let m = org.months.last().cloned().unwrap_or_default();
    out!(
        "{}",
        t!(
            l,
            "manager-kpi-heading",
            from = report.from.to_string(),
            to = report.to.to_string()
        )
    );
    let ror = org.return_on_relationship.map_or("–".into(), |r| {
        t!(l, "manager-kpi-ror-value", ror = format::decimal(l, r, 1))
    });
    let rows = [
        (t!(l, "manager-kpi-active"), n(l, m.active_relationships)),
        (
            t!(l, "manager-kpi-interactions"),
            t!(
                l,
                "manager-kpi-interactions-value",
                month = n(l, m.interactions),
                period = n(l, org.totals.interactions)
            ),
        ),
        (
            t!(l, "manager-kpi-events"),
            t!(
                l,
                "manager-kpi-events-value",
                events = n(l, org.totals.events),
                newsletters = n(l, org.totals.newsletters)
            ),
        ),
        (
            t!(l, "manager-kpi-coverage"),
            t!(
                l,
                "manager-kpi-coverage-value",
                covered = n(l, m.priority_covered),
                total = n(l, m.priority_total),
                percent = percent(l, m.coverage_percent)
            ),
        ),
        (t!(l, "manager-kpi-going-cold"), n(l, m.going_cold)),
        (
            t!(l, "manager-kpi-reciprocity"),
            t!(
                l,
                "manager-kpi-reciprocity-value",
                balance = format!(
                    "{}{}",
                    if org.reciprocity.balance >= 0 {
                        "+"
                    } else {
                        "-"
                    },
                    n(l, org.reciprocity.balance.unsigned_abs())
                ),
                given = n(l, org.reciprocity.given),
                received = n(l, org.reciprocity.received)
            ),
        ),
        (
            t!(l, "manager-kpi-outcomes"),
            t!(
                l,
                "manager-kpi-outcomes-value",
                outcomes = n(l, org.totals.outcomes)
            ),
        ),
        (t!(l, "manager-kpi-spof"), n(l, m.single_points_of_failure)),
        (t!(l, "manager-kpi-ror"), ror),
    ];
    // Labels in one column: 26 wide as the English always was, wider for longer words.
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count() + 2)
        .max()
        .unwrap_or(0)
        .max(26);
    for (label, value) in &rows {
        out!("  {}{value}", pad(label, width));
    }
    for goal in &report.coverage {
        let total = goal.covered.len() + goal.uncovered.len();
        out!(
            "  {}",
            t!(
                l,
                "manager-kpi-goal",
                name = goal.name.as_str(),
                covered = n(l, goal.covered.len()),
                total = n(l, total),
                percent = percent(l, goal.coverage_percent)
            )
        );
    }
    if let Some(path) = &args.csv {
        out!(
            "{}",
            t!(l, "manager-wrote", file = path.display().to_string())
        );
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

pub fn report(
    store: &Store,
    args: ReportArgs,
    language: Language,
    now: DateTime<Utc>,
) -> Result<()> {
    if args.months == 0 || args.months > 120 {
        bail!(t!(lang(), "manager-months"));
    }
    let report = store.kpi_report(
        now,
        &KpiOptions {
            months: args.months,
            per_networker: true,
        },
    )?;
    let html = store.kpi_file(&report, ReportFile::Html, language, now)?;
    crate::write_atomically(&args.out, html.as_bytes())?;
    crate::protection::log_written(
        store,
        kring_core::protection::processing_log::Activity::Report,
        &args.out,
        0,
        now,
    )?;
    out!(
        "{}",
        t!(
            language,
            "manager-wrote",
            file = args.out.display().to_string()
        )
    );
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

pub fn transparency(
    store: &Store,
    args: TransparencyArgs,
    language: Language,
    now: DateTime<Utc>,
) -> Result<()> {
    let from = parse_date(&args.from, now)?;
    let to = parse_date(&args.to, now)?;
    let extension = args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let register = store.transparency_register(from, to, language, now)?;
    let text = match extension.as_deref() {
        Some("csv") => store.transparency_file(&register, ReportFile::Csv, language)?,
        Some("html") | Some("htm") => {
            store.transparency_file(&register, ReportFile::Html, language)?
        }
        _ => bail!(t!(language, "manager-out-csv-or-html")),
    };
    crate::write_atomically(&args.out, text.as_bytes())?;
    crate::protection::log_written(
        store,
        kring_core::protection::processing_log::Activity::Transparency,
        &args.out,
        register.entries.len() as u64,
        now,
    )?;
    // The tally is in the chosen language, so the whole line is.
    out!(
        "{}",
        t!(
            language,
            "transparency-written",
            tally = register.summary.as_str(),
            from = from.to_string(),
            to = to.to_string(),
            file = args.out.display().to_string()
        )
    );
    Ok(())
}
