//! Offboarding: when a networker leaves, a handover view of their relationships by importance and
//! risk, proposed successors, and the reassignment. Nothing is deleted: the leaver's relationships
//! stay as they are, successors get relationships (and team accountabilities) of their own, and
//! the networker is marked `left`. The plan's reasons and the handover note are written in the
//! manager's language.

use super::network::Network;
use super::records::*;
use super::Named;
use crate::manager::figures::{standing_in, Contacts};
use crate::model::word_enum;
use crate::model::*;
use crate::store::{body_json, NewRecord, Store, StoreError, StoreResult};
use chrono::{DateTime, Utc};
use kring_i18n::{format, t, Language};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

word_enum!(
    /// Why a relationship matters in a handover: the stable code beside each sentence of
    /// [`HandoverItem::reasons`], the same in every language.
    HandoverReason {
        PriorityStakeholder => "priority_stakeholder",
        Accountable => "accountable_in_team",
        LookedAfterByTeam => "looked_after_by_team",
        NobodyElseKnows => "nobody_else_knows",
        WeaklyKnownByOthers => "weakly_known_by_others",
        GoingCold => "going_cold",
    }
);

word_enum!(
    /// Why a colleague is proposed as successor: the stable code beside [`Candidate::reason`].
    CandidateReason {
        KnowsStakeholder => "knows_stakeholder",
        TeamLooksAfter => "team_looks_after",
        TeamMate => "team_mate",
    }
);

/// A networker as a line in `kring networker list`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NetworkerSummary {
    pub id: RecordId,
    pub name: String,
    /// How lists name them: their name, with their unit (else email) when a colleague shares it.
    /// (Optional for the app's TypeScript until its screens read it; always present.)
    #[cfg_attr(feature = "specta", specta(optional))]
    pub label: String,
    pub email: Option<String>,
    pub unit: Option<String>,
    pub status: NetworkerStatus,
    /// Relationships of any status.
    pub relationships: u32,
    /// Current relationships (`docs/kpis.md`): none for a networker who left.
    pub current_relationships: u32,
    /// Stakeholders they are the sole contact for: no other networker knows them
    /// (`crate::manager::figures::Reach`). None for a networker who left.
    pub sole_contact_for: u32,
    pub teams: Vec<Named>,
}

/// A colleague proposed to take over a relationship, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Candidate {
    pub networker: RecordId,
    pub name: String,
    /// Why, in the plan's language; `reason_code` says the same for programs.
    pub reason: String,
    pub reason_code: CandidateReason,
    /// Their own relationship's strength, when they already know the stakeholder.
    pub strength: Option<u8>,
}

/// One relationship of the leaver in the handover view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HandoverItem {
    pub relationship: RecordId,
    pub stakeholder: RecordId,
    pub stakeholder_name: String,
    pub strength: u8,
    pub trust: Option<u8>,
    pub status: Option<RelationshipStatus>,
    pub last_contact: Option<String>,
    /// strength + trust + 5 if a goal's priority stakeholder + 3 if the leaver is accountable
    /// for it in a team + 2 if a team looks after it.
    pub importance: u32,
    pub risk: HandoverRisk,
    /// Why it matters, in the plan's language; `reason_codes` says the same, one code a reason.
    pub reasons: Vec<String>,
    pub reason_codes: Vec<HandoverReason>,
    pub candidates: Vec<Candidate>,
    /// Who takes it over (none: nobody proposed or chosen; the relationship stays as it is).
    pub successor: Option<Named>,
    /// Whether the successor gets a new relationship (false when they already have one).
    pub creates_relationship: bool,
}

/// How much a relationship is at risk when its networker leaves. The order is the order of a
/// plan's items of equal importance: highest risk first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HandoverRisk {
    /// Nobody else knows the stakeholder.
    High,
    /// Colleagues know them, none with strength 3 or more.
    Medium,
    /// A colleague has a strong relationship.
    Low,
}

impl std::fmt::Display for HandoverRisk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `pad`, so that the CLI's column widths apply.
        f.pad(match self {
            HandoverRisk::High => "high",
            HandoverRisk::Medium => "medium",
            HandoverRisk::Low => "low",
        })
    }
}

/// The manager's own pick for one relationship: this stakeholder goes to this colleague, whatever
/// Kring proposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HandoverChoice {
    pub stakeholder: RecordId,
    pub successor: RecordId,
}

/// The handover of a leaving networker: the view, and what was (or would be) done.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HandoverPlan {
    pub networker: Named,
    pub items: Vec<HandoverItem>,
    pub assigned: u32,
    pub unassigned: u32,
    pub new_relationships: u32,
    pub accountabilities_moved: u32,
    pub team_memberships_ended: u32,
    /// False for a dry run.
    pub applied: bool,
}

impl Store {
    /// Every networker with their relationships, sole contacts and teams, by name.
    pub fn networker_list(&self, now: DateTime<Utc>) -> StoreResult<Vec<NetworkerSummary>> {
        let network = Network::load(self, now)?;
        let contacts = Contacts::build(&network);
        let reach = contacts.reach(&network, now);
        let sole = reach.sole_contacts();
        let labels = network.networker_labels();
        let mut out = Vec::new();
        for item in network.networkers.values() {
            let id = item.id;
            let mine: Vec<_> = network
                .relationships
                .iter()
                .filter(|r| r.body.networker == id)
                .collect();
            out.push(NetworkerSummary {
                id,
                name: item.body.name.clone(),
                label: labels.get(&id).cloned().unwrap_or_default(),
                email: item.body.email.clone(),
                unit: item.body.unit.clone(),
                status: item.body.status.unwrap_or(NetworkerStatus::Active),
                relationships: mine.len() as u32,
                current_relationships: mine
                    .iter()
                    .filter(|r| standing_in(&network, &contacts, r, now).current)
                    .count() as u32,
                sole_contact_for: sole.get(&id).map_or(0, Vec::len) as u32,
                teams: network
                    .teams
                    .iter()
                    .filter(|t| t.body.member_ids().contains(&id))
                    .map(|t| Named {
                        id: t.id,
                        name: t.body.name.clone(),
                    })
                    .collect(),
            });
        }
        // By label, so namesakes come in the order of their units.
        out.sort_by(|a, b| {
            crate::text::fold(&a.label)
                .cmp(&crate::text::fold(&b.label))
                .then(a.id.cmp(&b.id))
        });
        Ok(out)
    }

    /// The handover of a networker who leaves. `successors` narrows the choice: each relationship
    /// goes to the best proposed candidate among them, else to the first of them; without
    /// successors, to the best proposed candidate. A dry run only reports. Otherwise, in one
    /// transaction: successors without a relationship get one (strength 1, the leaver's cadence
    /// and visibility) and a note on the stakeholder's card says so; team accountabilities move
    /// to the successor (who joins the team); the leaver leaves their teams and is marked `left`.
    pub fn offboard(
        &self,
        networker: RecordId,
        successors: &[RecordId],
        dry_run: bool,
        language: Language,
        now: DateTime<Utc>,
    ) -> StoreResult<HandoverPlan> {
        self.offboard_choosing(networker, successors, &[], dry_run, language, now)
    }

    /// [`Store::offboard`], with the manager's own pick for some relationships: each `choices`
    /// stakeholder goes to its chosen colleague, whatever `successors` and the proposal say. A
    /// choice must name one of the leaver's stakeholders and a colleague who has not left.
    /// The reasons and the note on each handed-over card are written in `language`.
    pub fn offboard_choosing(
        &self,
        networker: RecordId,
        successors: &[RecordId],
        choices: &[HandoverChoice],
        dry_run: bool,
        language: Language,
        now: DateTime<Utc>,
    ) -> StoreResult<HandoverPlan> {
        self.require_profile()?;
        let network = Network::load(self, now)?;
        let leaver =
            network
                .networkers
                .get(&networker)
                .ok_or_else(|| match self.kind_of(networker) {
                    Ok(Some(kind)) => StoreError::WrongKind {
                        id: networker,
                        actual: kind,
                        expected: RecordKind::Networker,
                    },
                    _ => StoreError::NotFound(networker),
                })?;
        // Picks by identity group: a card listed under its group's canonical id also picks the
        // leaver's relationship with another card of the group.
        let chosen: BTreeMap<RecordId, RecordId> = choices
            .iter()
            .map(|c| (network.canonical(c.stakeholder), c.successor))
            .collect();
        for s in successors.iter().chain(chosen.values()) {
            if *s == networker {
                return Err(
                    ValidationError::worded("to", ReasonCode::SucceedsThemselves, &[]).into(),
                );
            }
            match network.networkers.get(s) {
                None => {
                    return Err(ValidationError::worded(
                        "to",
                        ReasonCode::NotANetworker,
                        &[("id", s.to_string().into())],
                    )
                    .into())
                }
                Some(n) if n.body.status == Some(NetworkerStatus::Left) => {
                    return Err(ValidationError::worded(
                        "to",
                        ReasonCode::HasLeft,
                        &[("name", n.body.name.as_str().into())],
                    )
                    .into())
                }
                Some(_) => {}
            }
        }
        let contacts = Contacts::build(&network);
        // Colleagues named so that two of one name can be told apart.
        let labels = network.networker_labels();
        let label = |id: RecordId| labels.get(&id).cloned().unwrap_or_else(|| network.name(id));
        let today = now.date_naive();
        let priority: BTreeSet<RecordId> = network
            .goals
            .iter()
            .filter(|g| g.body.status != Some(GoalStatus::Dropped))
            .flat_map(|g| {
                g.body
                    .priority_stakeholders
                    .iter()
                    .map(|s| network.canonical(*s))
            })
            .collect();
        for stakeholder in chosen.keys() {
            let theirs = network.relationships.iter().any(|r| {
                r.body.networker == networker
                    && network.canonical(r.body.stakeholder) == *stakeholder
            });
            if !theirs {
                return Err(ValidationError::worded(
                    "choose",
                    ReasonCode::NothingToHandOver,
                    &[
                        ("leaver", leaver.body.name.as_str().into()),
                        ("stakeholder", network.name(*stakeholder).into()),
                    ],
                )
                .into());
            }
        }
        let mut items = Vec::new();
        let mut creates: Vec<NewRecord> = Vec::new();
        for r in network
            .relationships
            .iter()
            .filter(|r| r.body.networker == networker)
        {
            let stakeholder = r.body.stakeholder;
            let canonical = network.canonical(stakeholder);
            let mut importance = u32::from(r.body.strength) + u32::from(r.body.trust.unwrap_or(0));
            let mut reasons = Vec::new();
            let mut reason_codes = Vec::new();
            if priority.contains(&canonical) {
                importance += 5;
                let goals: Vec<&str> = network
                    .goals
                    .iter()
                    .filter(|g| {
                        g.body
                            .priority_stakeholders
                            .iter()
                            .any(|s| network.canonical(*s) == canonical)
                    })
                    .map(|g| g.body.name.as_str())
                    .collect();
                reason_codes.push(HandoverReason::PriorityStakeholder);
                reasons.push(t!(
                    language,
                    "offboarding-reason-priority",
                    goals = goals.join(", ")
                ));
            }
            let looking_after: Vec<&crate::manager::network::Item<Team>> = network
                .teams
                .iter()
                .filter(|t| {
                    t.body
                        .stakeholders
                        .iter()
                        .any(|s| network.canonical(*s) == canonical)
                })
                .collect();
            if looking_after
                .iter()
                .any(|t| t.body.accountable_for(stakeholder).contains(&networker))
            {
                importance += 3;
                reason_codes.push(HandoverReason::Accountable);
                reasons.push(t!(language, "offboarding-reason-accountable"));
            }
            if !looking_after.is_empty() {
                importance += 2;
                let names: Vec<&str> = looking_after.iter().map(|t| t.body.name.as_str()).collect();
                reason_codes.push(HandoverReason::LookedAfterByTeam);
                reasons.push(t!(
                    language,
                    "offboarding-reason-looked-after",
                    teams = names.join(", ")
                ));
            }
            // Candidates: colleagues who know the stakeholder, strongest first; then members of
            // the teams looking after it (leads first); then the leaver's team mates.
            let mut candidates: Vec<Candidate> =
                colleagues_knowing(&network, &contacts, networker, stakeholder, now)
                    .into_iter()
                    .map(|(id, strength)| Candidate {
                        networker: id,
                        name: label(id),
                        reason: t!(
                            language,
                            "offboarding-candidate-knows",
                            stakeholder = network.name(stakeholder),
                            strength = strength
                        ),
                        reason_code: CandidateReason::KnowsStakeholder,
                        strength: Some(strength),
                    })
                    .collect();
            let mut add_team_members =
                |team: &Team, reason_code: CandidateReason, reason: String| {
                    let mut members: Vec<(TeamRole, RecordId)> = team
                        .member_ids()
                        .into_iter()
                        .filter_map(|m| Some((team.role_of(m)?, m)))
                        .collect();
                    members.sort();
                    for (_, member) in members {
                        if member == networker
                            || network.has_left(member)
                            || candidates.iter().any(|c| c.networker == member)
                        {
                            continue;
                        }
                        candidates.push(Candidate {
                            networker: member,
                            name: label(member),
                            reason: reason.clone(),
                            reason_code,
                            strength: None,
                        });
                    }
                };
            for team in &looking_after {
                add_team_members(
                    &team.body,
                    CandidateReason::TeamLooksAfter,
                    t!(
                        language,
                        "offboarding-candidate-team-looks-after",
                        team = team.body.name.as_str()
                    ),
                );
            }
            for team in network
                .teams
                .iter()
                .filter(|t| t.body.member_ids().contains(&networker))
            {
                add_team_members(
                    &team.body,
                    CandidateReason::TeamMate,
                    t!(
                        language,
                        "offboarding-candidate-team-mate",
                        team = team.body.name.as_str()
                    ),
                );
            }
            let strong_colleague = candidates
                .iter()
                .any(|c| c.strength.is_some_and(|s| s >= 3));
            let any_colleague = candidates.iter().any(|c| c.strength.is_some());
            let risk = if !any_colleague {
                reason_codes.push(HandoverReason::NobodyElseKnows);
                reasons.push(t!(language, "offboarding-reason-nobody-else"));
                HandoverRisk::High
            } else if !strong_colleague {
                reason_codes.push(HandoverReason::WeaklyKnownByOthers);
                reasons.push(t!(language, "offboarding-reason-weakly-known"));
                HandoverRisk::Medium
            } else {
                HandoverRisk::Low
            };
            if standing_in(&network, &contacts, r, now).going_cold {
                reason_codes.push(HandoverReason::GoingCold);
                reasons.push(t!(language, "offboarding-reason-going-cold"));
            }
            let successor = if let Some(pick) = chosen.get(&canonical) {
                Some(*pick)
            } else if successors.is_empty() {
                candidates.first().map(|c| c.networker)
            } else {
                candidates
                    .iter()
                    .map(|c| c.networker)
                    .find(|c| successors.contains(c))
                    .or(Some(successors[0]))
            };
            let successor_relationship =
                successor.map(|s| RecordId::for_relationship(s, stakeholder));
            let creates_relationship = match successor_relationship {
                Some(id) => !network
                    .relationships
                    .iter()
                    .any(|existing| existing.id == id),
                None => false,
            };
            if let (true, Some(s), Some(id)) =
                (creates_relationship, successor, successor_relationship)
            {
                let relationship = Relationship {
                    networker: s,
                    stakeholder,
                    strength: 1,
                    trust: None,
                    given: vec![],
                    received: vec![],
                    since: Some(today),
                    cadence_days: r.body.cadence_days,
                    status: Some(RelationshipStatus::Active),
                    last_contact: None,
                };
                // The relationship is the successor's: theirs to change and to share. If they
                // already have one the manager has not seen yet, their own values stand: their
                // store writes them again when this handover reaches it (see `sync::admit`).
                creates.push(NewRecord {
                    visibility: Some(r.visibility),
                    author: Some(s),
                    ..NewRecord::new(id, &relationship)
                });
                let note = Note {
                    about: stakeholder,
                    text: t!(
                        language,
                        "offboarding-note",
                        leaver = leaver.body.name.as_str(),
                        successor = network.name(s),
                        date = format::date(language, today)
                    ),
                };
                let note_id =
                    RecordId::new_v7(now.timestamp_millis() as u64 + creates.len() as u64);
                creates.push(NewRecord {
                    visibility: Some(r.visibility),
                    ..NewRecord::new(note_id, &note)
                });
            }
            items.push(HandoverItem {
                relationship: r.id,
                stakeholder,
                stakeholder_name: network.name(stakeholder),
                strength: r.body.strength,
                trust: r.body.trust,
                status: r.body.status,
                last_contact: contacts
                    .last_before(networker, canonical, now)
                    .map(|t| t.date_naive().to_string()),
                importance,
                risk,
                reasons,
                reason_codes,
                candidates,
                successor: successor.map(|id| Named {
                    id,
                    name: label(id),
                }),
                creates_relationship,
            });
        }
        items.sort_by(|a, b| {
            b.importance
                .cmp(&a.importance)
                .then(a.risk.cmp(&b.risk))
                .then(
                    crate::text::fold(&a.stakeholder_name)
                        .cmp(&crate::text::fold(&b.stakeholder_name)),
                )
        });

        // Teams: accountabilities move to the successor, who joins; the leaver leaves.
        let mut updates: Vec<(RecordId, serde_json::Value)> = Vec::new();
        let mut accountabilities_moved = 0;
        let mut team_memberships_ended = 0;
        for team in &network.teams {
            let mut body = team.body.clone();
            let mut changed = false;
            for accountability in &mut body.accountable {
                if accountability.networker != networker {
                    continue;
                }
                let successor = items
                    .iter()
                    .find(|i| i.stakeholder == accountability.stakeholder)
                    .and_then(|i| i.successor.as_ref().map(|s| s.id))
                    .or_else(|| successors.first().copied());
                if let Some(s) = successor {
                    accountability.networker = s;
                    accountabilities_moved += 1;
                    changed = true;
                    if !body.members.iter().any(|m| m.networker == s) {
                        body.members.push(TeamMember {
                            networker: s,
                            role: TeamRole::Member,
                        });
                    }
                }
            }
            body.accountable.sort();
            body.accountable.dedup();
            if body.members.iter().any(|m| m.networker == networker) {
                body.members.retain(|m| m.networker != networker);
                team_memberships_ended += 1;
                changed = true;
            }
            if changed {
                updates.push((team.id, body_json(&body)));
            }
        }
        let mut leaver_body = leaver.body.clone();
        leaver_body.status = Some(NetworkerStatus::Left);
        updates.push((networker, body_json(&leaver_body)));

        let plan = HandoverPlan {
            networker: Named {
                id: networker,
                name: label(networker),
            },
            assigned: items.iter().filter(|i| i.successor.is_some()).count() as u32,
            unassigned: items.iter().filter(|i| i.successor.is_none()).count() as u32,
            new_relationships: items.iter().filter(|i| i.creates_relationship).count() as u32,
            accountabilities_moved,
            team_memberships_ended,
            items,
            applied: !dry_run,
        };
        if !dry_run {
            self.write_batch(creates, updates, now)?;
            // The leaver's stores leave the roster: what they write from now on is refused, and
            // new masters are no longer encrypted to them.
            self.remove_networker_from_roster(networker, now)?;
        }
        Ok(plan)
    }
}

/// Colleagues (not the leaver, not left) with a current relationship with a stakeholder (or a
/// card of its identity group), strongest first: (networker, strength).
fn colleagues_knowing(
    network: &Network,
    contacts: &Contacts,
    networker: RecordId,
    stakeholder: RecordId,
    now: DateTime<Utc>,
) -> Vec<(RecordId, u8)> {
    let canonical = network.canonical(stakeholder);
    let mut out: Vec<(RecordId, u8)> = Vec::new();
    for r in &network.relationships {
        if r.body.networker == networker || network.canonical(r.body.stakeholder) != canonical {
            continue;
        }
        if !standing_in(network, contacts, r, now).current {
            continue;
        }
        match out.iter_mut().find(|(n, _)| *n == r.body.networker) {
            Some(existing) => existing.1 = existing.1.max(r.body.strength),
            None => out.push((r.body.networker, r.body.strength)),
        }
    }
    out.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(network.name(a.0).cmp(&network.name(b.0)))
            .then(a.0.cmp(&b.0))
    });
    out
}
