//! The whole picture in one call: the analytics the map colours and sizes by, and the summary
//! `kring graph stats` prints.

use super::centrality::{round, Broker};
use super::community::CommunitySummary;
use super::risk::{KeyPersonRisk, NetworkHealth};
use super::{Centrality, CentralityOptions, Communities, EdgeKind, NodeKind, OrgGraph};
use petgraph::unionfind::UnionFind;
use serde::Serialize;
use std::collections::BTreeMap;

/// The seed Louvain visits nodes with, unless told otherwise.
pub const DEFAULT_COMMUNITY_SEED: u64 = 0x006b_7269_6e67;

/// Centrality and communities of every node, computed once and shared by stats and exports.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub centrality: Centrality,
    pub communities: Communities,
}

impl Analysis {
    pub fn compute(graph: &OrgGraph, options: &CentralityOptions, community_seed: u64) -> Self {
        Analysis {
            centrality: Centrality::compute(graph, options),
            communities: Communities::louvain(graph, community_seed),
        }
    }
}

/// What `kring graph stats` reports.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GraphStats {
    pub nodes: u32,
    pub edges: u32,
    /// Nodes per kind (networker, person, organisation).
    pub nodes_by_kind: BTreeMap<String, u32>,
    /// Edges carrying each reason (an edge with two reasons counts under both).
    pub edges_by_kind: BTreeMap<String, u32>,
    /// Connected components, and the share of nodes in the largest.
    pub components: u32,
    pub largest_component: u32,
    pub average_degree: f64,
    /// Whether betweenness is exact or estimated from `betweenness_sources` sampled sources.
    pub betweenness_exact: bool,
    pub betweenness_sources: u32,
    /// The ten nodes with the highest betweenness.
    pub brokers: Vec<Broker>,
    /// The five networkers with the highest betweenness.
    pub networker_brokers: Vec<Broker>,
    /// The ten stakeholders (people and organisations) with the highest betweenness.
    pub stakeholder_brokers: Vec<Broker>,
    pub communities: u32,
    pub modularity: f64,
    /// The ten largest communities.
    pub largest_communities: Vec<CommunitySummary>,
    /// Key-person risk (each networker's at-risk list cut to three).
    pub risk: KeyPersonRisk,
    pub health: NetworkHealth,
}

impl OrgGraph {
    /// The summary of the network.
    pub fn stats(&self, analysis: &Analysis) -> GraphStats {
        let mut nodes_by_kind = BTreeMap::new();
        for kind in [
            NodeKind::Networker,
            NodeKind::Person,
            NodeKind::Organisation,
        ] {
            nodes_by_kind.insert(kind.as_str().to_owned(), 0);
        }
        for node in self.graph.node_weights() {
            *nodes_by_kind
                .entry(node.kind.as_str().to_owned())
                .or_default() += 1;
        }
        let mut edges_by_kind: BTreeMap<String, u32> = EdgeKind::ALL
            .iter()
            .map(|k| (k.as_str().to_owned(), 0))
            .collect();
        let mut components = UnionFind::<usize>::new(self.graph.node_count());
        for edge in self.graph.edge_indices() {
            for kind in self.graph[edge].kinds() {
                *edges_by_kind.entry(kind.as_str().to_owned()).or_default() += 1;
            }
            let (a, b) = self.graph.edge_endpoints(edge).expect("an edge has ends");
            components.union(a.index(), b.index());
        }
        let mut sizes: BTreeMap<usize, u32> = BTreeMap::new();
        for label in components.into_labeling() {
            *sizes.entry(label).or_default() += 1;
        }
        let n = self.graph.node_count();
        let centrality = &analysis.centrality;
        let communities = &analysis.communities;
        GraphStats {
            nodes: n as u32,
            edges: self.graph.edge_count() as u32,
            nodes_by_kind,
            edges_by_kind,
            components: sizes.len() as u32,
            largest_component: sizes.values().copied().max().unwrap_or(0),
            average_degree: if n == 0 {
                0.0
            } else {
                round(2.0 * self.graph.edge_count() as f64 / n as f64)
            },
            betweenness_exact: centrality.exact,
            betweenness_sources: centrality.sources,
            brokers: centrality.brokers(self, None, 10),
            networker_brokers: centrality.brokers(self, Some(NodeKind::Networker), 5),
            stakeholder_brokers: centrality.brokers_among(
                self,
                |kind| kind != NodeKind::Networker,
                10,
            ),
            communities: communities.sizes.len() as u32,
            modularity: round(communities.modularity),
            largest_communities: communities.summaries(self, &centrality.weighted_degree, 10),
            risk: self
                .key_person_risk(None, 3)
                .expect("risk for every networker needs no card"),
            health: self.network_health(),
        }
    }
}
