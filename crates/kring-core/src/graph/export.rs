//! The graph as files other tools read: GraphML (yEd, Cytoscape, networkx), GEXF 1.3 in dynamic
//! mode (Gephi's timeline plays how the network grew and cooled) and JSON (the app's map).
//!
//! Every node carries its kind, name, unit, sector, level, tags, degree, betweenness and
//! community; every edge its combined weight, its reasons, the strongest relationship strength
//! and trust, the last contact and the number of shared interactions. In the GEXF, an edge lives
//! during its spells: a relationship from its `since` (until its last contact once it ended), an
//! affiliation from its `from` to its `to`, a shared interaction for 90 days after it happened;
//! a node appears with its first tie.

use super::centrality::round;
use super::community::CommunitySummary;
use super::stats::Analysis;
use super::{EdgeKind, NodeKind, OrgGraph, Spell};
use crate::model::{Level, RecordId, Sector};
use chrono::{DateTime, NaiveDate, Utc};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt::Write;

/// A node as the map draws it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapNode {
    pub id: RecordId,
    pub name: String,
    pub kind: NodeKind,
    pub unit: Option<String>,
    pub sector: Option<Sector>,
    pub level: Option<Level>,
    pub tags: Vec<String>,
    pub cards: u32,
    pub left: bool,
    pub degree: u32,
    pub weighted_degree: f64,
    pub betweenness: f64,
    pub community: u32,
    /// The start of its earliest tie, if any tie is dated.
    pub first_seen: Option<NaiveDate>,
}

/// An edge as the map draws it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapEdge {
    pub source: RecordId,
    pub target: RecordId,
    pub weight: f64,
    pub kinds: Vec<EdgeKind>,
    pub strength: Option<u8>,
    pub trust: Option<u8>,
    pub last_contact: Option<NaiveDate>,
    pub interactions: u32,
    pub current_affiliation: bool,
    pub spells: Vec<Spell>,
}

/// The whole graph with its analytics: what `kring graph export --format json` writes and what
/// the app's map loads.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapData {
    pub generated_at: Option<String>,
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
    pub communities: Vec<CommunitySummary>,
    pub modularity: f64,
    pub betweenness_exact: bool,
    /// Nodes in the whole graph: a map of the most central draws fewer (`most_central`), and
    /// the app says which ("the 5,000 most central of 12,000 cards", or "all 4 cards").
    pub total_nodes: u32,
}

impl MapData {
    /// The map of a large network: the `limit` nodes of highest weighted degree and the ties
    /// among them, most central first. The nodes in `include` (the ends of a warm introduction
    /// the user asked for, say) are kept whatever their rank. The app's map draws at most a few
    /// thousand nodes; `kring graph export --format json --limit N` writes the same selection.
    pub fn most_central(&self, limit: usize, include: &HashSet<RecordId>) -> MapData {
        let mut order: Vec<usize> = (0..self.nodes.len()).collect();
        order.sort_by(|a, b| {
            let (a, b) = (&self.nodes[*a], &self.nodes[*b]);
            b.weighted_degree
                .total_cmp(&a.weighted_degree)
                .then(a.id.cmp(&b.id))
        });
        let known: HashSet<RecordId> = self.nodes.iter().map(|n| n.id).collect();
        let mut keep: HashSet<RecordId> = order
            .iter()
            .take(limit)
            .map(|i| self.nodes[*i].id)
            .collect();
        keep.extend(include.iter().filter(|id| known.contains(id)));
        MapData {
            generated_at: self.generated_at.clone(),
            nodes: order
                .iter()
                .map(|i| &self.nodes[*i])
                .filter(|n| keep.contains(&n.id))
                .cloned()
                .collect(),
            edges: self
                .edges
                .iter()
                .filter(|e| keep.contains(&e.source) && keep.contains(&e.target))
                .cloned()
                .collect(),
            communities: self.communities.clone(),
            modularity: self.modularity,
            betweenness_exact: self.betweenness_exact,
            total_nodes: self.total_nodes,
        }
    }
}

/// The file formats of `kring graph export` and Insights' export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    GraphMl,
    Gexf,
    Json,
}

impl OrgGraph {
    /// Earliest start of any spell of a node's ties.
    fn first_seen(&self, v: NodeIndex) -> Option<NaiveDate> {
        self.graph
            .edges(v)
            .filter_map(|e| e.weight().spells.first().map(|s| s.start))
            .min()
    }

    /// Nodes and edges with their analytics, for the map.
    pub fn map_data(&self, analysis: &Analysis) -> MapData {
        let centrality = &analysis.centrality;
        let nodes = self
            .graph
            .node_indices()
            .map(|v| {
                let node = &self.graph[v];
                let i = v.index();
                MapNode {
                    id: node.id,
                    name: node.name.clone(),
                    kind: node.kind,
                    unit: node.unit.clone(),
                    sector: node.sector,
                    level: node.level,
                    tags: node.tags.clone(),
                    cards: node.cards,
                    left: node.left,
                    degree: centrality.degree[i],
                    weighted_degree: round(centrality.weighted_degree[i]),
                    betweenness: round(centrality.betweenness[i]),
                    community: analysis.communities.membership[i],
                    first_seen: self.first_seen(v),
                }
            })
            .collect();
        let edges = self
            .graph
            .edge_references()
            .map(|e| {
                let w = e.weight();
                MapEdge {
                    source: self.graph[e.source()].id,
                    target: self.graph[e.target()].id,
                    weight: round(w.weight),
                    kinds: w.kinds().collect(),
                    strength: w.strength,
                    trust: w.trust,
                    last_contact: w.last_contact,
                    interactions: w.interactions,
                    current_affiliation: w.current_affiliation,
                    spells: w.spells.clone(),
                }
            })
            .collect();
        MapData {
            generated_at: self.now.map(|n| n.to_rfc3339()),
            nodes,
            edges,
            communities: analysis.communities.summaries(
                self,
                &centrality.weighted_degree,
                usize::MAX,
            ),
            modularity: round(analysis.communities.modularity),
            betweenness_exact: centrality.exact,
            total_nodes: u32::try_from(self.graph.node_count()).unwrap_or(u32::MAX),
        }
    }

    /// The graph in the format asked for, as bytes to write to a file.
    pub fn export(&self, analysis: &Analysis, format: ExportFormat) -> Vec<u8> {
        match format {
            ExportFormat::GraphMl => self.to_graphml(analysis).into_bytes(),
            ExportFormat::Gexf => self.to_gexf(analysis).into_bytes(),
            ExportFormat::Json => {
                serde_json::to_vec_pretty(&self.map_data(analysis)).expect("map data serialises")
            }
        }
    }

    /// GraphML with a `<key>` for every attribute.
    pub fn to_graphml(&self, analysis: &Analysis) -> String {
        let data = self.map_data(analysis);
        let mut out = String::with_capacity(256 * (data.nodes.len() + data.edges.len()) + 4096);
        out.push_str(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
            "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        ));
        for (id, target, kind) in NODE_KEYS.iter().chain(EDGE_KEYS) {
            let _ = writeln!(
                out,
                "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
            );
        }
        out.push_str("  <graph id=\"kring\" edgedefault=\"undirected\">\n");
        for node in &data.nodes {
            let _ = writeln!(out, "    <node id=\"{}\">", node.id);
            for (key, value) in node_values(node) {
                let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(&value));
            }
            out.push_str("    </node>\n");
        }
        for (i, edge) in data.edges.iter().enumerate() {
            let _ = writeln!(
                out,
                "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
                edge.source, edge.target
            );
            for (key, value) in edge_values(edge) {
                let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(&value));
            }
            out.push_str("    </edge>\n");
        }
        out.push_str("  </graph>\n</graphml>\n");
        out
    }

    /// GEXF 1.3, dynamic: nodes and edges carry spells (dates) so Gephi's timeline can play
    /// the network's history.
    pub fn to_gexf(&self, analysis: &Analysis) -> String {
        let data = self.map_data(analysis);
        let mut out = String::with_capacity(300 * (data.nodes.len() + data.edges.len()) + 4096);
        let date = self
            .now
            .map(|n: DateTime<Utc>| n.date_naive().to_string())
            .unwrap_or_default();
        let _ = write!(
            out,
            concat!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<gexf xmlns=\"http://gexf.net/1.3\" ",
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
                "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" ",
                "version=\"1.3\">\n",
                "  <meta lastmodifieddate=\"{}\">\n",
                "    <creator>Kring</creator>\n",
                "    <description>The organisation's network: networkers, people and ",
                "organisations, tied by relationships, affiliations, links and shared ",
                "interactions</description>\n",
                "  </meta>\n",
                "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\" ",
                "timerepresentation=\"interval\">\n"
            ),
            date
        );
        for (class, keys) in [("node", NODE_KEYS), ("edge", EDGE_KEYS)] {
            let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
            for (id, _, kind) in keys {
                if *id == "label" || *id == "weight" {
                    continue;
                }
                let kind = match *kind {
                    "int" => "integer",
                    other => other,
                };
                let _ = writeln!(
                    out,
                    "      <attribute id=\"{id}\" title=\"{id}\" type=\"{kind}\"/>"
                );
            }
            out.push_str("    </attributes>\n");
        }
        out.push_str("    <nodes>\n");
        for node in &data.nodes {
            let _ = writeln!(
                out,
                "      <node id=\"{}\" label=\"{}\">",
                node.id,
                escape(&node.name)
            );
            out.push_str("        <attvalues>\n");
            for (key, value) in node_values(node) {
                if key == "label" {
                    continue;
                }
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"{key}\" value=\"{}\"/>",
                    escape(&value)
                );
            }
            out.push_str("        </attvalues>\n");
            if let Some(start) = node.first_seen {
                let _ = writeln!(
                    out,
                    "        <spells>\n          <spell start=\"{start}\"/>\n        </spells>"
                );
            }
            out.push_str("      </node>\n");
        }
        out.push_str("    </nodes>\n    <edges>\n");
        for (i, edge) in data.edges.iter().enumerate() {
            let _ = writeln!(
                out,
                "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\">",
                edge.source, edge.target, edge.weight
            );
            out.push_str("        <attvalues>\n");
            for (key, value) in edge_values(edge) {
                if key == "weight" {
                    continue;
                }
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"{key}\" value=\"{}\"/>",
                    escape(&value)
                );
            }
            out.push_str("        </attvalues>\n");
            if !edge.spells.is_empty() {
                out.push_str("        <spells>\n");
                for spell in &edge.spells {
                    match spell.end {
                        Some(end) => {
                            let _ = writeln!(
                                out,
                                "          <spell start=\"{}\" end=\"{end}\"/>",
                                spell.start
                            );
                        }
                        None => {
                            let _ = writeln!(out, "          <spell start=\"{}\"/>", spell.start);
                        }
                    }
                }
                out.push_str("        </spells>\n");
            }
            out.push_str("      </edge>\n");
        }
        out.push_str("    </edges>\n  </graph>\n</gexf>\n");
        out
    }
}

/// Node attributes: (id, for, GraphML type).
const NODE_KEYS: &[(&str, &str, &str)] = &[
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("unit", "node", "string"),
    ("sector", "node", "string"),
    ("level", "node", "string"),
    ("tags", "node", "string"),
    ("cards", "node", "int"),
    ("left", "node", "boolean"),
    ("degree", "node", "int"),
    ("weighted_degree", "node", "double"),
    ("betweenness", "node", "double"),
    ("community", "node", "int"),
    ("first_seen", "node", "string"),
];

/// Edge attributes.
const EDGE_KEYS: &[(&str, &str, &str)] = &[
    ("weight", "edge", "double"),
    ("kinds", "edge", "string"),
    ("strength", "edge", "int"),
    ("trust", "edge", "int"),
    ("last_contact", "edge", "string"),
    ("interactions", "edge", "int"),
    ("current_affiliation", "edge", "boolean"),
];

fn node_values(node: &MapNode) -> Vec<(&'static str, String)> {
    let mut values = vec![
        ("label", node.name.clone()),
        ("kind", node.kind.as_str().to_owned()),
    ];
    if let Some(unit) = &node.unit {
        values.push(("unit", unit.clone()));
    }
    if let Some(sector) = node.sector {
        values.push(("sector", sector.as_str().to_owned()));
    }
    if let Some(level) = node.level {
        values.push(("level", level.as_str().to_owned()));
    }
    if !node.tags.is_empty() {
        values.push(("tags", node.tags.join(",")));
    }
    values.push(("cards", node.cards.to_string()));
    values.push(("left", node.left.to_string()));
    values.push(("degree", node.degree.to_string()));
    values.push(("weighted_degree", node.weighted_degree.to_string()));
    values.push(("betweenness", node.betweenness.to_string()));
    values.push(("community", node.community.to_string()));
    if let Some(first) = node.first_seen {
        values.push(("first_seen", first.to_string()));
    }
    values
}

fn edge_values(edge: &MapEdge) -> Vec<(&'static str, String)> {
    let kinds: Vec<&str> = edge.kinds.iter().map(|k| k.as_str()).collect();
    let mut values = vec![
        ("weight", edge.weight.to_string()),
        ("kinds", kinds.join(",")),
    ];
    if let Some(strength) = edge.strength {
        values.push(("strength", strength.to_string()));
    }
    if let Some(trust) = edge.trust {
        values.push(("trust", trust.to_string()));
    }
    if let Some(last) = edge.last_contact {
        values.push(("last_contact", last.to_string()));
    }
    values.push(("interactions", edge.interactions.to_string()));
    values.push(("current_affiliation", edge.current_affiliation.to_string()));
    values
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
