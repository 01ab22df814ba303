//! The organisation graph: who knows whom, built from the merged store, and the questions the
//! Manager of the Network asks of it.
//!
//! Nodes are networkers, people and organisations; an identity group (same-as) is one node, its
//! canonical card. Between two nodes there is at most one undirected edge, which gathers every
//! reason the two are tied:
//!
//! | reason | weight of the tie (0–1] |
//! | --- | --- |
//! | a relationship (networker → stakeholder) | strength and trust (1–5) scaled to 0–1, times a recency factor that halves every year since the last contact, times ½ when dormant, ⅕ when ended |
//! | an affiliation (person → organisation) | 0.6 while current, 0.2 once it ended |
//! | a link (stakeholder ↔ stakeholder) | 0.4 |
//! | a shared interaction (participants two by two) | 0.15 per interaction, times the same recency factor |
//!
//! Several reasons combine as independent chances, `1 − Π(1 − wᵢ)`, so more reasons never make a
//! tie weaker. Paths use the cost `−ln w`: the best introduction is the chain whose ties are
//! strongest together.
//!
//! The analytics live in submodules: [`centrality`] (degree and betweenness, exact on small
//! graphs and sampled with a fixed seed on large ones), [`community`] (Louvain),
//! [`paths`] (warm introductions), [`risk`] (key-person risk, going cold, reciprocity per
//! networker and team), [`export`] (GraphML, dynamic GEXF 1.3 and JSON for the map).
//!
//! Nothing here reads the clock: building the graph takes `now`.

pub mod build;
pub mod centrality;
pub mod community;
pub mod export;
pub mod paths;
pub mod risk;
pub mod stats;

use crate::model::{Level, RecordId, RelationshipStatus, Sector};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use serde::Serialize;
use std::collections::HashMap;

pub use build::GraphOptions;
pub use centrality::{Centrality, CentralityOptions};
pub use community::Communities;
pub use export::{ExportFormat, MapData};
pub use paths::IntroPath;
pub use risk::{KeyPersonRisk, NetworkHealth};
pub use stats::{Analysis, GraphStats};

/// What can go wrong when asking the graph a question.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("{0} is not in the network graph (no such card, or it is private or deleted)")]
    NotInGraph(RecordId),
    #[error("{0} is not a networker")]
    NotANetworker(RecordId),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Networker,
    Person,
    Organisation,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Networker => "networker",
            NodeKind::Person => "person",
            NodeKind::Organisation => "organisation",
        }
    }
}

/// One reason two nodes are tied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    Relationship,
    Affiliation,
    Link,
    Interaction,
}

impl EdgeKind {
    pub const ALL: [EdgeKind; 4] = [
        EdgeKind::Relationship,
        EdgeKind::Affiliation,
        EdgeKind::Link,
        EdgeKind::Interaction,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Relationship => "relationship",
            EdgeKind::Affiliation => "affiliation",
            EdgeKind::Link => "link",
            EdgeKind::Interaction => "interaction",
        }
    }
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A period during which a tie (or a node) existed, for the dynamic GEXF; `end` None is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Spell {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

/// A node: a networker, a person or an organisation (an identity group counts once).
#[derive(Clone, Debug, Serialize)]
pub struct GraphNode {
    /// The canonical card.
    pub id: RecordId,
    pub kind: NodeKind,
    pub name: String,
    /// A networker's unit (their team); an organisation's sector and level.
    pub unit: Option<String>,
    pub sector: Option<Sector>,
    pub level: Option<Level>,
    pub tags: Vec<String>,
    /// How many cards the node stands for (more than one for an identity group).
    pub cards: u32,
    /// A networker who has left the organisation.
    pub left: bool,
}

/// An edge: every reason two nodes are tied, and the combined weight.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GraphEdge {
    /// The combined weight of the tie, in (0, 1].
    pub weight: f64,
    /// Which reasons (a bit per [`EdgeKind`]).
    #[serde(skip)]
    kinds: u8,
    /// The strongest relationship strength (1–5) on this tie, if it is a relationship.
    pub strength: Option<u8>,
    pub trust: Option<u8>,
    pub last_contact: Option<NaiveDate>,
    /// Shared interactions.
    pub interactions: u32,
    /// An affiliation on this tie is current.
    pub current_affiliation: bool,
    /// When the tie existed, for the dynamic GEXF (merged, in order).
    pub spells: Vec<Spell>,
}

impl GraphEdge {
    pub fn kinds(&self) -> impl Iterator<Item = EdgeKind> + '_ {
        EdgeKind::ALL
            .into_iter()
            .filter(|k| self.kinds & k.bit() != 0)
    }
    pub fn has(&self, kind: EdgeKind) -> bool {
        self.kinds & kind.bit() != 0
    }
    fn add_weight(&mut self, weight: f64) {
        let weight = weight.clamp(1e-6, 1.0);
        self.weight = 1.0 - (1.0 - self.weight) * (1.0 - weight);
    }
    fn add_spell(&mut self, spell: Spell) {
        self.spells.push(spell);
    }
}

/// One relationship as the health and risk analytics need it (edges merge relationships of an
/// identity group; these are kept one by one).
#[derive(Clone, Debug)]
pub struct RelationshipFact {
    pub id: RecordId,
    pub networker: NodeIndex,
    pub stakeholder: NodeIndex,
    pub strength: u8,
    pub status: Option<RelationshipStatus>,
    pub cadence_days: Option<u32>,
    pub last_contact: Option<DateTime<FixedOffset>>,
    /// Current at the graph's `now` (`crate::manager::figures::standing`): its networker knows the
    /// stakeholder.
    pub current: bool,
    pub going_cold: bool,
    pub given: u32,
    pub received: u32,
}

/// The organisation graph. Build it with [`OrgGraph::from_store`] (or [`OrgGraph::builder`] in
/// tests and benchmarks), then ask it questions.
#[derive(Clone, Debug, Default)]
pub struct OrgGraph {
    pub graph: UnGraph<GraphNode, GraphEdge>,
    index: HashMap<RecordId, NodeIndex>,
    /// Relationships one by one (networker → stakeholder), for risk and health.
    pub relationships: Vec<RelationshipFact>,
    /// Organisations each person is currently affiliated with.
    pub current_employers: HashMap<NodeIndex, Vec<NodeIndex>>,
    /// The moment the graph describes.
    pub now: Option<DateTime<Utc>>,
}

impl OrgGraph {
    pub fn builder(now: DateTime<Utc>) -> GraphBuilder {
        GraphBuilder {
            graph: OrgGraph {
                now: Some(now),
                ..OrgGraph::default()
            },
            now,
            edges: HashMap::new(),
        }
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node of a card (any member of an identity group finds the group's node).
    pub fn node_of(&self, id: RecordId) -> Result<NodeIndex, GraphError> {
        self.index
            .get(&id)
            .copied()
            .ok_or(GraphError::NotInGraph(id))
    }

    pub fn node(&self, index: NodeIndex) -> &GraphNode {
        &self.graph[index]
    }

    /// Nodes as a compact adjacency (CSR) for the analytics: neighbours and weights per node.
    pub(crate) fn adjacency(&self) -> Adjacency {
        let n = self.graph.node_count();
        let mut offsets = vec![0usize; n + 1];
        for edge in self.graph.edge_indices() {
            let (a, b) = self.graph.edge_endpoints(edge).expect("an edge has ends");
            offsets[a.index() + 1] += 1;
            offsets[b.index() + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n]];
        let mut weights = vec![0f64; offsets[n]];
        let mut edge_ids = vec![0u32; offsets[n]];
        for edge in self.graph.edge_indices() {
            let (a, b) = self.graph.edge_endpoints(edge).expect("an edge has ends");
            let w = self.graph[edge].weight;
            for (from, to) in [(a, b), (b, a)] {
                let slot = fill[from.index()];
                targets[slot] = to.index() as u32;
                weights[slot] = w;
                edge_ids[slot] = edge.index() as u32;
                fill[from.index()] += 1;
            }
        }
        Adjacency {
            offsets,
            targets,
            weights,
            edge_ids,
        }
    }
}

/// Compressed adjacency lists: the neighbours of node `v` are `targets[offsets[v]..offsets[v+1]]`.
pub(crate) struct Adjacency {
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Vec<f64>,
    pub edge_ids: Vec<u32>,
}

impl Adjacency {
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }
    pub fn range(&self, v: usize) -> std::ops::Range<usize> {
        self.offsets[v]..self.offsets[v + 1]
    }
}

/// Adds nodes and ties one at a time; ties between the same two nodes merge into one edge.
pub struct GraphBuilder {
    graph: OrgGraph,
    now: DateTime<Utc>,
    /// The edge of each pair of nodes (smaller index first). petgraph's `find_edge` walks a
    /// node's edges, which made building quadratic in a networker's hundreds of ties.
    edges: HashMap<(NodeIndex, NodeIndex), EdgeIndex>,
}

/// A year's half-life for the recency of a contact.
const RECENCY_HALF_LIFE_DAYS: f64 = 365.0;

impl GraphBuilder {
    /// Adds a node (or returns the one a card already has).
    pub fn node(&mut self, node: GraphNode) -> NodeIndex {
        if let Some(existing) = self.graph.index.get(&node.id) {
            return *existing;
        }
        let id = node.id;
        let index = self.graph.graph.add_node(node);
        self.graph.index.insert(id, index);
        index
    }

    /// Makes another card (a member of an identity group) find an existing node.
    pub fn alias(&mut self, card: RecordId, node: NodeIndex) {
        self.graph.index.entry(card).or_insert(node);
    }

    pub fn index_of(&self, id: RecordId) -> Option<NodeIndex> {
        self.graph.index.get(&id).copied()
    }

    /// How much a contact `days` ago still counts: 1 today, ½ after a year, ¼ after two.
    pub fn recency(&self, last: Option<NaiveDate>) -> f64 {
        match last {
            Some(date) => {
                let days = (self.now.date_naive() - date).num_days().max(0) as f64;
                0.5f64.powf(days / RECENCY_HALF_LIFE_DAYS)
            }
            None => 0.5,
        }
    }

    fn edge_between(&mut self, a: NodeIndex, b: NodeIndex) -> Option<EdgeIndex> {
        if a == b {
            return None;
        }
        let key = if a < b { (a, b) } else { (b, a) };
        let graph = &mut self.graph.graph;
        Some(
            *self
                .edges
                .entry(key)
                .or_insert_with(|| graph.add_edge(key.0, key.1, GraphEdge::default())),
        )
    }

    /// A relationship of a networker with a stakeholder: its `since` should be the day it exists
    /// from and its `last_contact` the last contact at or before `now`
    /// ([`crate::manager::figures::Contacts::last_before`]), as [`OrgGraph::from_store`] passes them.
    pub fn relationship(
        &mut self,
        id: RecordId,
        networker: NodeIndex,
        stakeholder: NodeIndex,
        relationship: &crate::model::Relationship,
    ) {
        let last = relationship.last_contact.map(|d| d.date_naive());
        let strength = f64::from(relationship.strength.clamp(1, 5)) / 5.0;
        let trust = f64::from(
            relationship
                .trust
                .unwrap_or(relationship.strength)
                .clamp(1, 5),
        ) / 5.0;
        let status = match relationship.status {
            Some(RelationshipStatus::Dormant) => 0.5,
            Some(RelationshipStatus::Ended) => 0.2,
            _ => 1.0,
        };
        let weight = (0.6 * strength + 0.4 * trust) * (0.5 + 0.5 * self.recency(last)) * status;
        // `since` is the day it exists from and `last_contact` the last contact at `now`, as
        // `from_store` passes them (see `crate::manager::figures`).
        let standing = crate::manager::figures::standing(
            relationship,
            relationship.since,
            self.graph.graph[networker].left,
            relationship.last_contact,
            self.now,
        );
        self.graph.relationships.push(RelationshipFact {
            id,
            networker,
            stakeholder,
            strength: relationship.strength,
            status: relationship.status,
            cadence_days: relationship.cadence_days,
            last_contact: relationship.last_contact,
            current: standing.current,
            going_cold: standing.going_cold,
            given: relationship.given.len() as u32,
            received: relationship.received.len() as u32,
        });
        let Some(edge) = self.edge_between(networker, stakeholder) else {
            return;
        };
        let e = &mut self.graph.graph[edge];
        e.kinds |= EdgeKind::Relationship.bit();
        e.add_weight(weight);
        e.strength = e.strength.max(Some(relationship.strength));
        e.trust = e.trust.max(relationship.trust);
        e.last_contact = e.last_contact.max(last);
        if let Some(start) = relationship.since.or(last) {
            let end = match relationship.status {
                Some(RelationshipStatus::Ended) => Some(last.unwrap_or(start).max(start)),
                _ => None,
            };
            e.add_spell(Spell { start, end });
        }
    }

    /// A person's affiliation with an organisation.
    pub fn affiliation(
        &mut self,
        person: NodeIndex,
        organisation: NodeIndex,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) {
        let current = to.is_none_or(|to| to >= self.now.date_naive());
        if current {
            self.graph
                .current_employers
                .entry(person)
                .or_default()
                .push(organisation);
        }
        let Some(edge) = self.edge_between(person, organisation) else {
            return;
        };
        let e = &mut self.graph.graph[edge];
        e.kinds |= EdgeKind::Affiliation.bit();
        e.add_weight(if current { 0.6 } else { 0.2 });
        e.current_affiliation |= current;
        if let Some(start) = from.or(to) {
            e.add_spell(Spell { start, end: to });
        }
    }

    /// A link between two stakeholders.
    pub fn link(&mut self, a: NodeIndex, b: NodeIndex) {
        let Some(edge) = self.edge_between(a, b) else {
            return;
        };
        let e = &mut self.graph.graph[edge];
        e.kinds |= EdgeKind::Link.bit();
        e.add_weight(0.4);
    }

    /// An interaction: every two participants are tied a little, more when it was recent. The
    /// tie shows in the dynamic GEXF for 90 days after the interaction.
    pub fn interaction(&mut self, participants: &[NodeIndex], at: NaiveDate) {
        let weight = 0.15 * self.recency(Some(at));
        let mut unique = participants.to_vec();
        unique.sort();
        unique.dedup();
        // A large event would tie everyone to everyone: only its first 25 participants count.
        unique.truncate(25);
        for i in 0..unique.len() {
            for j in i + 1..unique.len() {
                let Some(edge) = self.edge_between(unique[i], unique[j]) else {
                    continue;
                };
                let e = &mut self.graph.graph[edge];
                e.kinds |= EdgeKind::Interaction.bit();
                e.add_weight(weight);
                e.interactions += 1;
                e.last_contact = e.last_contact.max(Some(at));
                e.add_spell(Spell {
                    start: at,
                    end: Some(at + chrono::Duration::days(90)),
                });
            }
        }
    }

    /// A tie of a given weight (for synthetic graphs and tests).
    pub fn tie(&mut self, a: NodeIndex, b: NodeIndex, kind: EdgeKind, weight: f64) {
        let Some(edge) = self.edge_between(a, b) else {
            return;
        };
        let e = &mut self.graph.graph[edge];
        e.kinds |= kind.bit();
        e.add_weight(weight);
    }

    /// Finishes the graph: spells merged and sorted.
    pub fn finish(mut self) -> OrgGraph {
        for edge in self.graph.graph.edge_weights_mut() {
            edge.spells = merge_spells(std::mem::take(&mut edge.spells));
        }
        self.graph
    }
}

/// Sorts spells and merges those that overlap or touch.
pub fn merge_spells(mut spells: Vec<Spell>) -> Vec<Spell> {
    spells.sort();
    let mut out: Vec<Spell> = Vec::with_capacity(spells.len());
    for spell in spells {
        if let Some(last) = out.last_mut() {
            match last.end {
                None => continue,
                Some(end) if spell.start <= end => {
                    last.end = spell.end.map(|e| e.max(end));
                    continue;
                }
                _ => {}
            }
        }
        out.push(spell);
    }
    out
}

impl GraphNode {
    /// A bare node of a kind with a name (tests, benchmarks).
    pub fn new(id: RecordId, kind: NodeKind, name: impl Into<String>) -> Self {
        GraphNode {
            id,
            kind,
            name: name.into(),
            unit: None,
            sector: None,
            level: None,
            tags: Vec::new(),
            cards: 1,
            left: false,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
