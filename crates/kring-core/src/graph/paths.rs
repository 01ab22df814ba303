//! Warm introductions: the best chains of people from a networker to a stakeholder.
//!
//! A tie of weight `w` costs `−ln w`, so the cheapest path is the one whose ties are strongest
//! together (the product of their weights, which the result reports as `strength`); strength,
//! trust and the recency of the last contact are all in the weight. Dijkstra finds the best path;
//! each alternative is the best path that avoids every intermediary of the earlier ones (and the
//! direct tie, if an earlier path was one), so the alternatives are genuinely different people to
//! ask. Networkers who have left are never intermediaries.

use super::{Adjacency, EdgeKind, GraphError, NodeKind, OrgGraph};
use crate::model::RecordId;
use chrono::NaiveDate;
use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A person or organisation on a path.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PathStep {
    pub id: RecordId,
    pub name: String,
    pub kind: NodeKind,
}

/// The tie between two consecutive steps.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PathTie {
    pub weight: f64,
    pub kinds: Vec<EdgeKind>,
    pub strength: Option<u8>,
    pub last_contact: Option<NaiveDate>,
}

/// One way to be introduced.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IntroPath {
    /// From the networker to the target, both included.
    pub steps: Vec<PathStep>,
    /// `ties[i]` joins `steps[i]` and `steps[i + 1]`.
    pub ties: Vec<PathTie>,
    /// The product of the ties' weights, 0–1: higher is warmer.
    pub strength: f64,
    pub hops: u32,
}

#[derive(PartialEq)]
struct Queued(f64, u32);
impl Eq for Queued {}
impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl OrgGraph {
    /// Up to `alternatives` introductions from `from` to `to`, warmest first, of at most
    /// `max_hops` ties each. Empty when nothing connects them.
    pub fn warm_introductions(
        &self,
        from: RecordId,
        to: RecordId,
        alternatives: usize,
        max_hops: u32,
    ) -> Result<Vec<IntroPath>, GraphError> {
        let source = self.node_of(from)?;
        let target = self.node_of(to)?;
        if source == target {
            return Ok(Vec::new());
        }
        let adjacency = self.adjacency();
        let n = adjacency.len();
        let mut banned_node = vec![false; n];
        for v in self.graph.node_indices() {
            if self.graph[v].left && v != source && v != target {
                banned_node[v.index()] = true;
            }
        }
        let mut banned_edge: Option<u32> = None;
        let mut out = Vec::new();
        while out.len() < alternatives {
            let Some(path) = dijkstra(
                &adjacency,
                source.index(),
                target.index(),
                &banned_node,
                banned_edge,
                max_hops,
            ) else {
                break;
            };
            if path.len() == 2 {
                banned_edge = self
                    .graph
                    .find_edge(source, target)
                    .map(|e| e.index() as u32);
            }
            for v in &path[1..path.len() - 1] {
                banned_node[*v] = true;
            }
            out.push(self.intro_path(&path));
        }
        Ok(out)
    }

    fn intro_path(&self, path: &[usize]) -> IntroPath {
        let steps = path
            .iter()
            .map(|v| {
                let node = &self.graph[NodeIndex::new(*v)];
                PathStep {
                    id: node.id,
                    name: node.name.clone(),
                    kind: node.kind,
                }
            })
            .collect();
        let mut strength = 1.0;
        let ties: Vec<PathTie> = path
            .windows(2)
            .map(|pair| {
                let edge: EdgeIndex = self
                    .graph
                    .find_edge(NodeIndex::new(pair[0]), NodeIndex::new(pair[1]))
                    .expect("a path follows edges");
                let e = &self.graph[edge];
                strength *= e.weight;
                PathTie {
                    weight: super::centrality::round(e.weight),
                    kinds: e.kinds().collect(),
                    strength: e.strength,
                    last_contact: e.last_contact,
                }
            })
            .collect();
        IntroPath {
            steps,
            hops: ties.len() as u32,
            ties,
            strength: super::centrality::round(strength),
        }
    }
}

/// The cheapest path (cost −ln w per tie) avoiding banned nodes and one banned edge.
fn dijkstra(
    adjacency: &Adjacency,
    source: usize,
    target: usize,
    banned_node: &[bool],
    banned_edge: Option<u32>,
    max_hops: u32,
) -> Option<Vec<usize>> {
    let n = adjacency.len();
    let mut cost = vec![f64::INFINITY; n];
    let mut hops = vec![u32::MAX; n];
    let mut previous = vec![usize::MAX; n];
    let mut heap = BinaryHeap::new();
    cost[source] = 0.0;
    hops[source] = 0;
    heap.push(Queued(0.0, source as u32));
    while let Some(Queued(c, v)) = heap.pop() {
        let v = v as usize;
        if c > cost[v] {
            continue;
        }
        if v == target {
            let mut path = vec![target];
            let mut at = target;
            while at != source {
                at = previous[at];
                path.push(at);
            }
            path.reverse();
            return Some(path);
        }
        if hops[v] >= max_hops {
            continue;
        }
        for i in adjacency.range(v) {
            let u = adjacency.targets[i] as usize;
            if banned_node[u] || Some(adjacency.edge_ids[i]) == banned_edge {
                continue;
            }
            let next = c - adjacency.weights[i].clamp(1e-9, 1.0).ln() + 1e-9;
            if next < cost[u] {
                cost[u] = next;
                hops[u] = hops[v] + 1;
                previous[u] = v;
                heap.push(Queued(next, u as u32));
            }
        }
    }
    None
}
