//! Commands of the network map and the stakeholder grid. The organisation graph and its
//! analytics take seconds to build on a large store (about 6 s to read and 3 s to analyse at
//! 100,000 cards), so the session keeps them until the store's version vector or the day changes;
//! every question after the first is answered from memory.

use super::{file_path, id};
use crate::error::{AppError, AppResult};
use crate::state::{AppState, Session};
use chrono::{NaiveDate, Utc};
use kring_core::clock::VersionVector;
use kring_core::graph::risk::KeyPersonRisk;
use kring_core::graph::stats::DEFAULT_COMMUNITY_SEED;
use kring_core::graph::{
    Analysis, CentralityOptions, ExportFormat, GraphError, GraphOptions, GraphStats, IntroPath,
    MapData, NetworkHealth, OrgGraph,
};
use kring_core::manager::{GridTheme, StakeholderGrid};
use kring_core::model::RecordId;
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};
use tauri::State;

/// The graph of one state of the store, its analytics, and (once the map asked) its map data.
pub struct NetworkGraph {
    pub graph: OrgGraph,
    pub analysis: Analysis,
    map: OnceLock<MapData>,
}

/// What the session keeps: the graph and the store state and day it describes.
pub struct CachedGraph {
    version: VersionVector,
    day: NaiveDate,
    graph: Arc<NetworkGraph>,
}

impl Session {
    /// The organisation graph now, from the cache when the store has not changed since.
    pub fn network_graph(&self) -> AppResult<Arc<NetworkGraph>> {
        // Held while building, so two commands arriving together build it once.
        let mut cached = self.graph.lock().unwrap_or_else(|p| p.into_inner());
        let version = self.store.version_vector();
        let now = Utc::now();
        if let Some(c) = cached.as_ref() {
            if c.version == version && c.day == now.date_naive() {
                return Ok(Arc::clone(&c.graph));
            }
        }
        let graph = OrgGraph::from_store(&self.store, &GraphOptions::default(), now)
            .map_err(graph_error)?;
        let analysis = Analysis::compute(
            &graph,
            &CentralityOptions::default(),
            DEFAULT_COMMUNITY_SEED,
        );
        let built = Arc::new(NetworkGraph {
            graph,
            analysis,
            map: OnceLock::new(),
        });
        *cached = Some(CachedGraph {
            version,
            day: now.date_naive(),
            graph: Arc::clone(&built),
        });
        Ok(built)
    }
}

fn graph_error(error: GraphError) -> AppError {
    match error {
        GraphError::Store(e) => e.into(),
        GraphError::NotInGraph(_) => AppError::new("not_found", error.to_string()),
        GraphError::NotANetworker(_) => AppError::invalid("networker", error.to_string()),
    }
}

/// A card id, or `me` for the owner's networker card.
fn id_or_me(session: &Session, text: &str) -> AppResult<RecordId> {
    if text.trim().eq_ignore_ascii_case("me") {
        return Ok(session.store.require_profile()?.networker);
    }
    id(text)
}

/// The `limit` most central nodes (by weighted degree) and the edges among them; the nodes in
/// `include` (a path on the map, say) are kept whatever their rank.
pub fn reduce_map(map: &MapData, limit: usize, include: &HashSet<RecordId>) -> MapData {
    let mut order: Vec<usize> = (0..map.nodes.len()).collect();
    order.sort_by(|a, b| {
        let (a, b) = (&map.nodes[*a], &map.nodes[*b]);
        b.weighted_degree
            .total_cmp(&a.weighted_degree)
            .then(a.id.cmp(&b.id))
    });
    let mut keep: HashSet<RecordId> = order.iter().take(limit).map(|i| map.nodes[*i].id).collect();
    keep.extend(
        include
            .iter()
            .filter(|id| map.nodes.iter().any(|n| n.id == **id)),
    );
    MapData {
        generated_at: map.generated_at.clone(),
        nodes: order
            .iter()
            .map(|i| &map.nodes[*i])
            .filter(|n| keep.contains(&n.id))
            .cloned()
            .collect(),
        edges: map
            .edges
            .iter()
            .filter(|e| keep.contains(&e.source) && keep.contains(&e.target))
            .cloned()
            .collect(),
        communities: map.communities.clone(),
        modularity: map.modularity,
        betweenness_exact: map.betweenness_exact,
    }
}

/// The map: the `limit` most central nodes (5,000 when 0) and the ties among them, plus `include`.
#[tauri::command]
#[specta::specta]
pub async fn network_map(
    state: State<'_, AppState>,
    limit: u32,
    include: Vec<String>,
) -> AppResult<MapData> {
    let include: HashSet<RecordId> = include.iter().map(|t| id(t)).collect::<AppResult<_>>()?;
    let limit = if limit == 0 { 5_000 } else { limit as usize };
    state
        .run(move |session| {
            let g = session.network_graph()?;
            let map = g.map.get_or_init(|| g.graph.map_data(&g.analysis));
            Ok(reduce_map(map, limit, &include))
        })
        .await
}

/// Up to `alternatives` warm introductions from a networker (`me` for the owner) to a stakeholder.
#[tauri::command]
#[specta::specta]
pub async fn warm_introductions(
    state: State<'_, AppState>,
    from: String,
    to: String,
    alternatives: u32,
) -> AppResult<Vec<IntroPath>> {
    state
        .run(move |session| {
            let (from, to) = (id_or_me(session, &from)?, id(&to)?);
            let alternatives = alternatives.clamp(1, 10) as usize;
            let g = session.network_graph()?;
            g.graph
                .warm_introductions(from, to, alternatives, 6)
                .map_err(graph_error)
        })
        .await
}

/// Key-person risk for the organisation, or what leaves with one networker.
#[tauri::command]
#[specta::specta]
pub async fn key_person_risk(
    state: State<'_, AppState>,
    networker: Option<String>,
) -> AppResult<KeyPersonRisk> {
    state
        .run(move |session| {
            let networker = networker
                .as_deref()
                .map(|n| id_or_me(session, n))
                .transpose()?;
            let g = session.network_graph()?;
            g.graph.key_person_risk(networker, 20).map_err(graph_error)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn network_health(state: State<'_, AppState>) -> AppResult<NetworkHealth> {
    state
        .run(|session| Ok(session.network_graph()?.graph.network_health()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn graph_stats(state: State<'_, AppState>) -> AppResult<GraphStats> {
    state
        .run(|session| {
            let g = session.network_graph()?;
            Ok(g.graph.stats(&g.analysis))
        })
        .await
}

/// Writes the graph as `graphml`, `gexf` (dynamic, for Gephi) or `json`; returns the bytes written.
#[tauri::command]
#[specta::specta]
pub async fn export_graph(
    state: State<'_, AppState>,
    format: String,
    path: String,
) -> AppResult<u32> {
    let format = match format.trim().to_lowercase().as_str() {
        "graphml" => ExportFormat::GraphMl,
        "gexf" => ExportFormat::Gexf,
        "json" => ExportFormat::Json,
        other => {
            return Err(AppError::invalid(
                "format",
                format!("'{other}' is not one of graphml, gexf, json."),
            ))
        }
    };
    let path = file_path("path", &path)?;
    state
        .run(move |session| {
            // The file may leave the machine: it holds only what an export would, so it is built
            // apart from the map's graph (which shows the owner's private records too).
            let options = GraphOptions {
                shareable_only: true,
                ..GraphOptions::default()
            };
            let graph =
                OrgGraph::from_store(&session.store, &options, Utc::now()).map_err(graph_error)?;
            let analysis = Analysis::compute(
                &graph,
                &CentralityOptions::default(),
                DEFAULT_COMMUNITY_SEED,
            );
            let bytes = graph.export(&analysis, format);
            super::write_file(&path, &bytes)?;
            Ok(bytes.len().min(u32::MAX as usize) as u32)
        })
        .await
}

/// The power × interest grid of a theme: every networker's rating and their spread.
#[tauri::command]
#[specta::specta]
pub async fn stakeholder_grid(
    state: State<'_, AppState>,
    theme: String,
) -> AppResult<StakeholderGrid> {
    state
        .run(move |session| Ok(session.store.stakeholder_grid(&theme)?))
        .await
}

/// Places (or moves) the owner's rating of a stakeholder for a theme; returns the theme's grid.
#[tauri::command]
#[specta::specta]
pub async fn rate_stakeholder(
    state: State<'_, AppState>,
    theme: String,
    stakeholder: String,
    power: u8,
    interest: u8,
    note: Option<String>,
) -> AppResult<StakeholderGrid> {
    let stakeholder = id(&stakeholder)?;
    state
        .run(move |session| {
            let store = &session.store;
            store.rate_stakeholder(&theme, stakeholder, power, interest, note, None, Utc::now())?;
            Ok(store.stakeholder_grid(&theme)?)
        })
        .await
}

/// The themes rated so far.
#[tauri::command]
#[specta::specta]
pub async fn grid_themes(state: State<'_, AppState>) -> AppResult<Vec<GridTheme>> {
    state.run(|session| Ok(session.store.grid_themes()?)).await
}

/// Writes an exported picture of the map: SVG text, or a PNG as a `data:image/png;base64,` URL.
#[tauri::command]
#[specta::specta]
pub async fn save_map_image(path: String, data: String) -> AppResult<u32> {
    let path = file_path("path", &path)?;
    let bytes = match data.strip_prefix("data:image/png;base64,") {
        Some(encoded) => base64_decode(encoded)
            .ok_or_else(|| AppError::invalid("data", "The picture is not valid base64."))?,
        None => data.into_bytes(),
    };
    super::write_file(&path, &bytes)?;
    Ok(bytes.len().min(u32::MAX as usize) as u32)
}

/// Standard base64 (with or without padding); None on any other character.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_as_browsers_write_it() {
        assert_eq!(super::base64_decode("S3Jpbmc=").unwrap(), b"Kring");
        assert_eq!(super::base64_decode("S3JpbmdzIQ==").unwrap(), b"Krings!");
        assert!(super::base64_decode("S3J*").is_none());
    }

    use super::*;
    use kring_core::graph::{GraphNode, NodeKind};
    use uuid::Uuid;

    #[test]
    fn the_map_keeps_the_most_central_nodes_the_edges_among_them_and_what_was_asked_for() {
        let now = Utc::now();
        let ids: Vec<RecordId> = (1..=5).map(|i| RecordId(Uuid::from_u128(i))).collect();
        let mut b = OrgGraph::builder(now);
        let v: Vec<_> = ids
            .iter()
            .map(|id| b.node(GraphNode::new(*id, NodeKind::Person, id.to_string())))
            .collect();
        // A star on node 0 (weighted degree 0.9 + 0.8 + 0.7), node 1 also tied to 2.
        b.tie(v[0], v[1], kring_core::graph::EdgeKind::Link, 0.9);
        b.tie(v[0], v[2], kring_core::graph::EdgeKind::Link, 0.8);
        b.tie(v[0], v[3], kring_core::graph::EdgeKind::Link, 0.7);
        b.tie(v[1], v[2], kring_core::graph::EdgeKind::Link, 0.5);
        b.tie(v[3], v[4], kring_core::graph::EdgeKind::Link, 0.1);
        let graph = b.finish();
        let analysis = Analysis::compute(&graph, &CentralityOptions::default(), 1);
        let map = graph.map_data(&analysis);
        // Weighted degrees: 0: 2.4, 1: 1.4, 2: 1.3, 3: 0.8, 4: 0.1.
        let top = reduce_map(&map, 3, &HashSet::new());
        let names: Vec<RecordId> = top.nodes.iter().map(|n| n.id).collect();
        assert_eq!(names, vec![ids[0], ids[1], ids[2]]);
        assert_eq!(top.edges.len(), 3, "0-1, 0-2, 1-2");
        let with_4 = reduce_map(&map, 3, &HashSet::from([ids[4]]));
        assert_eq!(with_4.nodes.len(), 4);
        assert_eq!(
            with_4.edges.len(),
            3,
            "4's only tie is to 3, not on the map"
        );
    }
}
