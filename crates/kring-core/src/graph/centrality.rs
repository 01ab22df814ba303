//! Brokers: degree and betweenness centrality.
//!
//! Betweenness counts, for every node, the shortest paths between two other nodes that pass
//! through it (Brandes' algorithm, one breadth-first search per source; paths count hops, so a
//! broker is someone who bridges groups, however strong the ties). It is exact when the graph has
//! at most [`CentralityOptions::exact_up_to`] nodes. Beyond that every source is too slow
//! (100,000 searches over 500,000 edges), so it runs from [`CentralityOptions::samples`] sources
//! drawn with a fixed seed and scales the sums by `n / samples` (the Brandes–Pich estimator):
//! the same store always ranks the same brokers, and the top of the ranking is stable.

use super::{NodeKind, OrgGraph};
use crate::model::RecordId;
use rand::{seq::index::sample, SeedableRng};
use serde::Serialize;
use std::collections::VecDeque;

/// How to compute betweenness.
#[derive(Clone, Debug)]
pub struct CentralityOptions {
    /// Exact betweenness up to this many nodes.
    pub exact_up_to: usize,
    /// Sources sampled on larger graphs.
    pub samples: usize,
    /// The seed of the sample.
    pub seed: u64,
}

impl Default for CentralityOptions {
    fn default() -> Self {
        CentralityOptions {
            exact_up_to: 5_000,
            samples: 256,
            seed: 0x006b_7269_6e67,
        }
    }
}

/// Degree and betweenness of every node, by node index.
#[derive(Clone, Debug)]
pub struct Centrality {
    pub degree: Vec<u32>,
    /// Sum of the weights of a node's ties.
    pub weighted_degree: Vec<f64>,
    /// Shortest paths between other nodes through each node (pairs counted once).
    pub betweenness: Vec<f64>,
    /// False when betweenness was estimated from a sample of sources.
    pub exact: bool,
    /// Sources searched.
    pub sources: u32,
}

/// A node ranked as a broker.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Broker {
    pub id: RecordId,
    pub name: String,
    pub kind: NodeKind,
    pub degree: u32,
    pub weighted_degree: f64,
    pub betweenness: f64,
    /// Betweenness over the number of pairs of other nodes, 0–1.
    pub betweenness_normalised: f64,
}

impl Centrality {
    /// Computes degree and betweenness for every node.
    pub fn compute(graph: &OrgGraph, options: &CentralityOptions) -> Centrality {
        let adjacency = graph.adjacency();
        let n = adjacency.len();
        let degree: Vec<u32> = (0..n).map(|v| adjacency.range(v).len() as u32).collect();
        let weighted_degree: Vec<f64> = (0..n)
            .map(|v| adjacency.range(v).map(|i| adjacency.weights[i]).sum())
            .collect();
        let exact = n <= options.exact_up_to || options.samples >= n;
        let sources: Vec<usize> = if exact {
            (0..n).collect()
        } else {
            let mut rng = rand::rngs::StdRng::seed_from_u64(options.seed);
            let mut chosen = sample(&mut rng, n, options.samples).into_vec();
            chosen.sort_unstable();
            chosen
        };
        let mut betweenness = vec![0f64; n];
        let mut sigma = vec![0f64; n];
        let mut distance = vec![-1i32; n];
        let mut delta = vec![0f64; n];
        let mut order: Vec<u32> = Vec::with_capacity(n);
        let mut queue = VecDeque::with_capacity(n);
        for &s in &sources {
            // Breadth-first search from s counting shortest paths.
            for &v in &order {
                let v = v as usize;
                sigma[v] = 0.0;
                distance[v] = -1;
                delta[v] = 0.0;
            }
            order.clear();
            sigma[s] = 1.0;
            distance[s] = 0;
            queue.push_back(s as u32);
            while let Some(v) = queue.pop_front() {
                order.push(v);
                let v = v as usize;
                for i in adjacency.range(v) {
                    let w = adjacency.targets[i] as usize;
                    if distance[w] < 0 {
                        distance[w] = distance[v] + 1;
                        queue.push_back(w as u32);
                    }
                    if distance[w] == distance[v] + 1 {
                        sigma[w] += sigma[v];
                    }
                }
            }
            // Dependencies, farthest first; predecessors are the neighbours one hop closer.
            for &w in order.iter().rev() {
                let w = w as usize;
                for i in adjacency.range(w) {
                    let v = adjacency.targets[i] as usize;
                    if distance[v] == distance[w] - 1 {
                        delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                    }
                }
                if w != s {
                    betweenness[w] += delta[w];
                }
            }
        }
        // Undirected: every pair was counted from both ends; a sample scales up to all sources.
        let scale = if exact {
            0.5
        } else {
            0.5 * n as f64 / sources.len() as f64
        };
        for b in &mut betweenness {
            *b *= scale;
        }
        Centrality {
            degree,
            weighted_degree,
            betweenness,
            exact,
            sources: sources.len() as u32,
        }
    }

    /// The `limit` nodes with the highest betweenness (ties broken by degree, then id),
    /// optionally only of one kind.
    pub fn brokers(&self, graph: &OrgGraph, kind: Option<NodeKind>, limit: usize) -> Vec<Broker> {
        self.brokers_among(graph, |k| kind.is_none_or(|only| only == k), limit)
    }

    /// The `limit` nodes of the kinds `keep` accepts with the highest betweenness (ties: more
    /// ties first, then the smaller id).
    pub fn brokers_among(
        &self,
        graph: &OrgGraph,
        keep: impl Fn(NodeKind) -> bool,
        limit: usize,
    ) -> Vec<Broker> {
        let n = self.betweenness.len();
        let pairs = if n > 2 {
            (n - 1) as f64 * (n - 2) as f64 / 2.0
        } else {
            1.0
        };
        let mut nodes: Vec<usize> = (0..n)
            .filter(|v| keep(graph.graph[petgraph::graph::NodeIndex::new(*v)].kind))
            .collect();
        nodes.sort_by(|a, b| {
            self.betweenness[*b]
                .total_cmp(&self.betweenness[*a])
                .then(self.degree[*b].cmp(&self.degree[*a]))
                .then(
                    graph.graph[petgraph::graph::NodeIndex::new(*a)]
                        .id
                        .cmp(&graph.graph[petgraph::graph::NodeIndex::new(*b)].id),
                )
        });
        nodes
            .into_iter()
            .take(limit)
            .map(|v| {
                let node = &graph.graph[petgraph::graph::NodeIndex::new(v)];
                Broker {
                    id: node.id,
                    name: node.name.clone(),
                    kind: node.kind,
                    degree: self.degree[v],
                    weighted_degree: round(self.weighted_degree[v]),
                    betweenness: round(self.betweenness[v]),
                    betweenness_normalised: round(self.betweenness[v] / pairs),
                }
            })
            .collect()
    }
}

/// Rounds to four decimals, for stable output.
pub(crate) fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
