//! Key-person risk and the health of each networker's and team's relationships.
//!
//! Who *knows* a stakeholder is [`crate::manager::figures::Reach`]'s: the networkers with a current
//! relationship with it at the graph's `now` (networkers who left know nobody). A stakeholder
//! known by one networker only is a key-person risk (a single point of failure): if that
//! networker left, the organisation would lose it. Going cold is `crate::manager::figures::standing`'s,
//! as on every other screen; reciprocity is what the organisation gave minus what it received,
//! relationship by relationship.

use super::{GraphError, NodeKind, OrgGraph};
use crate::manager::figures::{Reach, Standing};
use crate::model::RecordId;
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A stakeholder only one networker reaches.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AtRisk {
    pub id: RecordId,
    pub name: String,
    pub kind: NodeKind,
    /// The strongest current relationship the networker has with it.
    pub strength: u8,
    /// Always true: a networker knows a stakeholder through a relationship with it, not through
    /// someone working there (`docs/kpis.md`). Kept for the app, which still reads it.
    pub direct: bool,
}

/// What the organisation would lose if one networker left.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NetworkerLoss {
    pub id: RecordId,
    pub name: String,
    pub unit: Option<String>,
    /// Stakeholders this networker knows.
    pub reaches: u32,
    /// People only this networker reaches.
    pub sole_people: u32,
    /// Organisations only this networker reaches.
    pub sole_organisations: u32,
    /// Those stakeholders, organisations first, strongest first (up to the limit asked).
    pub at_risk: Vec<AtRisk>,
}

/// Key-person risk across the organisation, or for one networker.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KeyPersonRisk {
    /// Stakeholders (people and organisations) in the graph.
    pub stakeholders: u32,
    /// Known by at least one networker.
    pub reached: u32,
    /// Known by exactly one networker: single points of failure.
    pub single_networker: u32,
    /// Known by nobody.
    pub unreached: u32,
    /// Networkers, most at risk first (one when a networker was asked for).
    pub networkers: Vec<NetworkerLoss>,
}

/// Cadence and reciprocity of one networker's (or one team's) relationships.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Health {
    /// Current relationships (`docs/kpis.md`).
    pub relationships: u32,
    /// Of those, with a keep-in-touch cadence.
    pub with_cadence: u32,
    /// Cadence overdue.
    pub going_cold: u32,
    /// Going cold over relationships with a cadence, 0–1.
    pub cold_share: f64,
    /// What was given and received, counted over all relationships.
    pub given: u32,
    pub received: u32,
    /// Given minus received: positive when the organisation gives more than it gets back.
    pub balance: i64,
    /// Relationships where one side gave at least two things more than the other.
    pub imbalanced: u32,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NetworkerHealth {
    pub id: RecordId,
    pub name: String,
    pub unit: Option<String>,
    #[serde(flatten)]
    pub health: Health,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamHealth {
    /// The networkers' unit; "(no unit)" for those without one.
    pub team: String,
    pub networkers: u32,
    #[serde(flatten)]
    pub health: Health,
}

/// Going cold and reciprocity per networker and per team.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NetworkHealth {
    /// Coldest share first.
    pub networkers: Vec<NetworkerHealth>,
    /// Teams by name.
    pub teams: Vec<TeamHealth>,
}

impl Health {
    fn add(&mut self, fact: &super::RelationshipFact) {
        if !fact.current {
            return;
        }
        self.relationships += 1;
        if fact.cadence_days.is_some() {
            self.with_cadence += 1;
        }
        if fact.going_cold {
            self.going_cold += 1;
        }
        self.given += fact.given;
        self.received += fact.received;
        self.balance += i64::from(fact.given) - i64::from(fact.received);
        if (i64::from(fact.given) - i64::from(fact.received)).abs() >= 2 {
            self.imbalanced += 1;
        }
    }
    fn merge(&mut self, other: &Health) {
        self.relationships += other.relationships;
        self.with_cadence += other.with_cadence;
        self.going_cold += other.going_cold;
        self.given += other.given;
        self.received += other.received;
        self.balance += other.balance;
        self.imbalanced += other.imbalanced;
    }
    fn finish(&mut self) {
        self.cold_share = if self.with_cadence == 0 {
            0.0
        } else {
            super::centrality::round(f64::from(self.going_cold) / f64::from(self.with_cadence))
        };
    }
}

const NO_UNIT: &str = "(no unit)";

impl OrgGraph {
    /// Who knows each stakeholder (by the nodes' card ids), and the strongest current
    /// relationship of each networker with each stakeholder.
    fn reach(&self) -> (Reach, HashMap<(NodeIndex, NodeIndex), u8>) {
        let mut reach = Reach::default();
        let mut strongest: HashMap<(NodeIndex, NodeIndex), u8> = HashMap::new();
        for fact in &self.relationships {
            let standing = Standing {
                current: fact.current,
                ..Standing::default()
            };
            reach.add(
                self.graph[fact.networker].id,
                self.graph[fact.stakeholder].id,
                standing,
            );
            if fact.current {
                let entry = strongest
                    .entry((fact.stakeholder, fact.networker))
                    .or_insert(0);
                *entry = (*entry).max(fact.strength);
            }
        }
        (reach, strongest)
    }

    /// Key-person risk: stakeholders reached through one networker only, and what each
    /// networker's leaving would cost. With `networker`, only that networker's loss. Each
    /// networker lists up to `limit` stakeholders.
    pub fn key_person_risk(
        &self,
        networker: Option<RecordId>,
        limit: usize,
    ) -> Result<KeyPersonRisk, GraphError> {
        let only = match networker {
            Some(id) => {
                let node = self.node_of(id)?;
                if self.graph[node].kind != NodeKind::Networker {
                    return Err(GraphError::NotANetworker(id));
                }
                Some(node)
            }
            None => None,
        };
        let (reach, strongest) = self.reach();
        let mut stakeholders = 0u32;
        let mut reached = 0u32;
        let mut single = 0u32;
        let mut losses: BTreeMap<NodeIndex, NetworkerLoss> = BTreeMap::new();
        let mut reaches_count: HashMap<RecordId, u32> = HashMap::new();
        for stakeholder in reach.stakeholders() {
            for networker in reach.known_by(stakeholder) {
                *reaches_count.entry(networker).or_default() += 1;
            }
        }
        let mut at_risk: BTreeMap<NodeIndex, Vec<AtRisk>> = BTreeMap::new();
        for v in self.graph.node_indices() {
            let node = &self.graph[v];
            if node.kind == NodeKind::Networker {
                if only.is_none_or(|o| o == v) {
                    losses.insert(
                        v,
                        NetworkerLoss {
                            id: node.id,
                            name: node.name.clone(),
                            unit: node.unit.clone(),
                            reaches: reaches_count.get(&node.id).copied().unwrap_or(0),
                            sole_people: 0,
                            sole_organisations: 0,
                            at_risk: Vec::new(),
                        },
                    );
                }
                continue;
            }
            stakeholders += 1;
            if reach.is_known_by_nobody(node.id) {
                continue;
            }
            reached += 1;
            let Some(sole) = reach.sole_contact(node.id) else {
                continue;
            };
            single += 1;
            let networker = self.node_of(sole)?;
            at_risk.entry(networker).or_default().push(AtRisk {
                id: node.id,
                name: node.name.clone(),
                kind: node.kind,
                strength: strongest.get(&(v, networker)).copied().unwrap_or(0),
                direct: true,
            });
        }
        for (networker, mut items) in at_risk {
            let Some(loss) = losses.get_mut(&networker) else {
                continue;
            };
            loss.sole_people = items.iter().filter(|i| i.kind == NodeKind::Person).count() as u32;
            loss.sole_organisations = items.len() as u32 - loss.sole_people;
            items.sort_by(|a, b| {
                (b.kind == NodeKind::Organisation)
                    .cmp(&(a.kind == NodeKind::Organisation))
                    .then(b.strength.cmp(&a.strength))
                    .then(a.name.cmp(&b.name))
                    .then(a.id.cmp(&b.id))
            });
            items.truncate(limit);
            loss.at_risk = items;
        }
        let mut networkers: Vec<NetworkerLoss> = losses.into_values().collect();
        networkers.sort_by(|a, b| {
            (b.sole_people + b.sole_organisations)
                .cmp(&(a.sole_people + a.sole_organisations))
                .then(a.name.cmp(&b.name))
                .then(a.id.cmp(&b.id))
        });
        Ok(KeyPersonRisk {
            stakeholders,
            reached,
            single_networker: single,
            unreached: stakeholders - reached,
            networkers,
        })
    }

    /// Going cold and reciprocity per networker (coldest first) and per team (by name).
    pub fn network_health(&self) -> NetworkHealth {
        let mut per: BTreeMap<NodeIndex, Health> = BTreeMap::new();
        for v in self.graph.node_indices() {
            if self.graph[v].kind == NodeKind::Networker {
                per.insert(v, Health::default());
            }
        }
        for fact in &self.relationships {
            per.entry(fact.networker).or_default().add(fact);
        }
        let mut teams: BTreeMap<String, (BTreeSet<NodeIndex>, Health)> = BTreeMap::new();
        let mut networkers = Vec::new();
        for (v, mut health) in per {
            let node = &self.graph[v];
            let team = node
                .unit
                .clone()
                .filter(|u| !u.trim().is_empty())
                .unwrap_or_else(|| NO_UNIT.to_owned());
            let entry = teams.entry(team).or_default();
            entry.0.insert(v);
            entry.1.merge(&health);
            health.finish();
            networkers.push(NetworkerHealth {
                id: node.id,
                name: node.name.clone(),
                unit: node.unit.clone(),
                health,
            });
        }
        networkers.sort_by(|a, b| {
            b.health
                .cold_share
                .total_cmp(&a.health.cold_share)
                .then(b.health.going_cold.cmp(&a.health.going_cold))
                .then(a.name.cmp(&b.name))
        });
        let teams = teams
            .into_iter()
            .map(|(team, (members, mut health))| {
                health.finish();
                TeamHealth {
                    team,
                    networkers: members.len() as u32,
                    health,
                }
            })
            .collect();
        NetworkHealth { networkers, teams }
    }
}
