//! Communities: Louvain modularity optimisation on the weighted graph.
//!
//! Each level moves nodes one at a time to the neighbouring community that raises modularity the
//! most, until no move helps, then folds every community into one node and starts again. Nodes
//! are visited in an order shuffled with a fixed seed, so a given graph and seed always give the
//! same communities. Communities are numbered by size, largest first (ties: the one holding the
//! smaller node index first).

use super::{NodeKind, OrgGraph};
use crate::model::RecordId;
use rand::{seq::SliceRandom, SeedableRng};
use serde::Serialize;

/// Every node's community and how good the partition is.
#[derive(Clone, Debug)]
pub struct Communities {
    /// The community of each node, by node index; 0 is the largest.
    pub membership: Vec<u32>,
    /// Nodes per community.
    pub sizes: Vec<u32>,
    /// Newman's modularity of the partition, −½ to 1: above about 0.3 the graph has clear groups.
    pub modularity: f64,
}

/// One community as a line in a report.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CommunitySummary {
    pub community: u32,
    pub size: u32,
    pub networkers: u32,
    pub people: u32,
    pub organisations: u32,
    /// The name of its best-connected node, to recognise it by.
    pub label: String,
    /// Its best-connected nodes (highest weighted degree first), at most five.
    pub members: Vec<CommunityMember>,
}

/// A node named in a community's summary.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CommunityMember {
    pub id: RecordId,
    pub name: String,
    pub kind: NodeKind,
}

/// How many members a community's summary names.
const MEMBERS_NAMED: usize = 5;

/// A weighted graph of communities at one Louvain level.
struct Level {
    /// Neighbours with weights (no self-loops).
    adjacency: Vec<Vec<(u32, f64)>>,
    /// Internal weight of each node (edges folded into it, each once).
    inner: Vec<f64>,
}

impl Communities {
    /// Louvain with a seed for the order nodes are visited in.
    pub fn louvain(graph: &OrgGraph, seed: u64) -> Communities {
        let csr = graph.adjacency();
        let n = csr.len();
        let mut level = Level {
            adjacency: (0..n)
                .map(|v| {
                    csr.range(v)
                        .map(|i| (csr.targets[i], csr.weights[i]))
                        .collect()
                })
                .collect(),
            inner: vec![0.0; n],
        };
        let total: f64 = level
            .adjacency
            .iter()
            .flatten()
            .map(|(_, w)| w)
            .sum::<f64>()
            / 2.0;
        let mut membership: Vec<u32> = (0..n as u32).collect();
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        if total > 0.0 {
            loop {
                let (moved, assignment) = one_level(&level, total, &mut rng);
                if !moved {
                    break;
                }
                let count = assignment
                    .iter()
                    .copied()
                    .max()
                    .map_or(0, |m| m as usize + 1);
                for m in membership.iter_mut() {
                    *m = assignment[*m as usize];
                }
                if count == level.adjacency.len() {
                    break;
                }
                level = fold(&level, &assignment, count);
            }
        }
        // Number communities by size, largest first.
        let count = membership
            .iter()
            .copied()
            .max()
            .map_or(0, |m| m as usize + 1);
        let mut sizes = vec![0u32; count];
        let mut first = vec![u32::MAX; count];
        for (v, m) in membership.iter().enumerate() {
            sizes[*m as usize] += 1;
            first[*m as usize] = first[*m as usize].min(v as u32);
        }
        let mut order: Vec<usize> = (0..count).filter(|c| sizes[*c] > 0).collect();
        order.sort_by(|a, b| sizes[*b].cmp(&sizes[*a]).then(first[*a].cmp(&first[*b])));
        let mut rename = vec![0u32; count];
        for (new, old) in order.iter().enumerate() {
            rename[*old] = new as u32;
        }
        for m in membership.iter_mut() {
            *m = rename[*m as usize];
        }
        let sizes: Vec<u32> = order.iter().map(|c| sizes[*c]).collect();
        let modularity = modularity(&csr, &membership, sizes.len());
        Communities {
            membership,
            sizes,
            modularity,
        }
    }

    /// The largest communities, with what they hold.
    pub fn summaries(
        &self,
        graph: &OrgGraph,
        weighted_degree: &[f64],
        limit: usize,
    ) -> Vec<CommunitySummary> {
        let mut out: Vec<CommunitySummary> = self
            .sizes
            .iter()
            .take(limit)
            .enumerate()
            .map(|(c, size)| CommunitySummary {
                community: c as u32,
                size: *size,
                networkers: 0,
                people: 0,
                organisations: 0,
                label: String::new(),
                members: Vec::new(),
            })
            .collect();
        // Per community, its best-connected nodes so far: (weighted degree, node), best first.
        let mut best: Vec<Vec<(f64, usize)>> = vec![Vec::new(); out.len()];
        for (v, c) in self.membership.iter().enumerate() {
            let Some(summary) = out.get_mut(*c as usize) else {
                continue;
            };
            let node = &graph.graph[petgraph::graph::NodeIndex::new(v)];
            match node.kind {
                NodeKind::Networker => summary.networkers += 1,
                NodeKind::Person => summary.people += 1,
                NodeKind::Organisation => summary.organisations += 1,
            }
            let strength = weighted_degree.get(v).copied().unwrap_or(0.0);
            let top = &mut best[*c as usize];
            // Ties keep the earlier node (the smaller index), as the label always did.
            let at = top.partition_point(|(s, _)| *s >= strength);
            if at < MEMBERS_NAMED {
                top.insert(at, (strength, v));
                top.truncate(MEMBERS_NAMED);
            }
        }
        for (summary, top) in out.iter_mut().zip(best) {
            summary.members = top
                .into_iter()
                .map(|(_, v)| {
                    let node = &graph.graph[petgraph::graph::NodeIndex::new(v)];
                    CommunityMember {
                        id: node.id,
                        name: node.name.clone(),
                        kind: node.kind,
                    }
                })
                .collect();
            summary.label = summary
                .members
                .first()
                .map(|m| m.name.clone())
                .unwrap_or_default();
        }
        out
    }
}

/// One level of local moves. Returns whether any node moved and the (renumbered) community of
/// every node of the level.
fn one_level(level: &Level, total: f64, rng: &mut rand::rngs::StdRng) -> (bool, Vec<u32>) {
    let n = level.adjacency.len();
    let m2 = 2.0 * total;
    let strength: Vec<f64> = (0..n)
        .map(|v| level.adjacency[v].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * level.inner[v])
        .collect();
    let mut community: Vec<u32> = (0..n as u32).collect();
    let mut tot: Vec<f64> = strength.clone();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    let mut to_community = vec![0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut moved_any = false;
    for _pass in 0..32 {
        let mut moved = 0usize;
        for &v in &order {
            let current = community[v];
            for (u, w) in &level.adjacency[v] {
                let c = community[*u as usize];
                if to_community[c as usize] == 0.0 {
                    touched.push(c);
                }
                to_community[c as usize] += w;
            }
            tot[current as usize] -= strength[v];
            let k = strength[v];
            let mut best = current;
            let mut best_gain = to_community[current as usize] - tot[current as usize] * k / m2;
            for &c in &touched {
                let gain = to_community[c as usize] - tot[c as usize] * k / m2;
                if gain > best_gain + 1e-12 {
                    best_gain = gain;
                    best = c;
                }
            }
            tot[best as usize] += k;
            if best != current {
                community[v] = best;
                moved += 1;
            }
            for &c in &touched {
                to_community[c as usize] = 0.0;
            }
            touched.clear();
        }
        if moved == 0 {
            break;
        }
        moved_any = true;
    }
    // Renumber densely in order of first appearance.
    let mut rename = vec![u32::MAX; n];
    let mut next = 0u32;
    let assignment = community
        .iter()
        .map(|c| {
            if rename[*c as usize] == u32::MAX {
                rename[*c as usize] = next;
                next += 1;
            }
            rename[*c as usize]
        })
        .collect();
    (moved_any, assignment)
}

/// Folds every community of a level into one node of the next.
fn fold(level: &Level, assignment: &[u32], count: usize) -> Level {
    let mut inner = vec![0f64; count];
    let mut maps: Vec<std::collections::BTreeMap<u32, f64>> = vec![Default::default(); count];
    for (v, neighbours) in level.adjacency.iter().enumerate() {
        let cv = assignment[v];
        inner[cv as usize] += level.inner[v];
        for (u, w) in neighbours {
            let cu = assignment[*u as usize];
            if cu == cv {
                // Each internal edge is seen from both ends.
                inner[cv as usize] += w / 2.0;
            } else {
                *maps[cv as usize].entry(cu).or_default() += w;
            }
        }
    }
    Level {
        adjacency: maps.into_iter().map(|m| m.into_iter().collect()).collect(),
        inner,
    }
}

/// Newman's weighted modularity of a partition.
fn modularity(csr: &super::Adjacency, membership: &[u32], count: usize) -> f64 {
    let mut inner = vec![0f64; count];
    let mut tot = vec![0f64; count];
    let mut total = 0.0;
    for v in 0..csr.len() {
        let cv = membership[v] as usize;
        for i in csr.range(v) {
            let w = csr.weights[i];
            tot[cv] += w;
            total += w;
            if membership[csr.targets[i] as usize] as usize == cv {
                inner[cv] += w;
            }
        }
    }
    if total == 0.0 {
        return 0.0;
    }
    // `total` and `inner` count every edge twice.
    (0..count)
        .map(|c| inner[c] / total - (tot[c] / total).powi(2))
        .sum()
}
