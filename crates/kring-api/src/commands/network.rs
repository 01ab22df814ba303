//! Commands of the network map and the stakeholder grid. The organisation graph and its
//! analytics take seconds to build on a large store (about 6 s to read and 3 s to analyse at
//! 100,000 cards), so the session keeps them until the store's version vector or the day changes;
//! every question after the first is answered from memory.

use super::{file_path, id};
use crate::error::{AppError, AppResult};
use crate::session::Session;
use chrono::NaiveDate;
use kring_core::clock::VersionVector;
use kring_core::graph::risk::KeyPersonRisk;
use kring_core::graph::stats::DEFAULT_COMMUNITY_SEED;
use kring_core::graph::{
    Analysis, CentralityOptions, ExportFormat, GraphError, GraphOptions, GraphStats, IntroPath,
    MapData, NetworkHealth, OrgGraph,
};
use kring_core::manager::{GridTheme, StakeholderGrid};
use kring_core::model::RecordId;
use kring_core::protection::processing_log::Activity;
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

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
        let now = self.now();
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
        GraphError::NotInGraph(id) => AppError::not_found("")
            .worded(|language| kring_i18n::t!(language, "app-not-in-graph", id = id.to_string())),
        GraphError::NotANetworker(id) => AppError::invalid("networker", "").worded(|language| {
            kring_i18n::t!(language, "app-not-a-networker", id = id.to_string())
        }),
    }
}

/// A card id, or `me` for the owner's networker card.
fn id_or_me(session: &Session, text: &str) -> AppResult<RecordId> {
    if text.trim().eq_ignore_ascii_case("me") {
        return Ok(session.store.require_profile()?.networker);
    }
    id(text)
}

/// The map: the `limit` most central nodes (5,000 when 0) and the ties among them, plus
/// `include` (`MapData::most_central`).
pub fn network_map(session: &Session, limit: u32, include: Vec<RecordId>) -> AppResult<MapData> {
    let include: HashSet<RecordId> = include.into_iter().collect();
    let limit = if limit == 0 { 5_000 } else { limit as usize };
    let g = session.network_graph()?;
    let map = g.map.get_or_init(|| g.graph.map_data(&g.analysis));
    Ok(map.most_central(limit, &include))
}

/// Up to `alternatives` warm introductions from a networker (`me` for the owner) to a stakeholder.
pub fn warm_introductions(
    session: &Session,
    from: String,
    to: RecordId,
    alternatives: u32,
) -> AppResult<Vec<IntroPath>> {
    let from = id_or_me(session, &from)?;
    let alternatives = alternatives.clamp(1, 10) as usize;
    let g = session.network_graph()?;
    g.graph
        .warm_introductions(from, to, alternatives, 6)
        .map_err(graph_error)
}

/// Key-person risk for the organisation, or what leaves with one networker.
pub fn key_person_risk(session: &Session, networker: Option<String>) -> AppResult<KeyPersonRisk> {
    let networker = networker
        .as_deref()
        .map(|n| id_or_me(session, n))
        .transpose()?;
    let g = session.network_graph()?;
    g.graph.key_person_risk(networker, 20).map_err(graph_error)
}

pub fn network_health(session: &Session) -> AppResult<NetworkHealth> {
    Ok(session.network_graph()?.graph.network_health())
}

pub fn graph_stats(session: &Session) -> AppResult<GraphStats> {
    let g = session.network_graph()?;
    Ok(g.graph.stats(&g.analysis))
}

/// Writes the graph as GraphML, GEXF (dynamic, for Gephi) or JSON; returns the bytes written.
pub fn export_graph(session: &Session, format: ExportFormat, path: String) -> AppResult<u32> {
    let path = file_path("path", &path)?;
    // The file may leave the machine: it holds only what an export would, so it is built apart
    // from the map's graph (which shows the owner's private records too).
    let options = GraphOptions {
        shareable_only: true,
        ..GraphOptions::default()
    };
    let graph =
        OrgGraph::from_store(&session.store, &options, session.now()).map_err(graph_error)?;
    let analysis = Analysis::compute(
        &graph,
        &CentralityOptions::default(),
        DEFAULT_COMMUNITY_SEED,
    );
    let bytes = graph.export(&analysis, format);
    super::write_file(&path, &bytes)?;
    super::protection::log_written(session, Activity::Export, &path, graph.node_count() as u64)?;
    Ok(bytes.len().min(u32::MAX as usize) as u32)
}

/// The power × interest grid of a theme: every networker's rating and their spread.
pub fn stakeholder_grid(session: &Session, theme: String) -> AppResult<StakeholderGrid> {
    Ok(session.store.stakeholder_grid(&theme)?)
}

/// Places (or moves) the owner's rating of a stakeholder for a theme; returns the theme's grid.
pub fn rate_stakeholder(
    session: &Session,
    theme: String,
    stakeholder: RecordId,
    power: u8,
    interest: u8,
    note: Option<String>,
) -> AppResult<StakeholderGrid> {
    let store = &session.store;
    store.rate_stakeholder(
        &theme,
        stakeholder,
        power,
        interest,
        note,
        None,
        session.now(),
    )?;
    Ok(store.stakeholder_grid(&theme)?)
}

/// The themes rated so far.
pub fn grid_themes(session: &Session) -> AppResult<Vec<GridTheme>> {
    Ok(session.store.grid_themes()?)
}

/// Writes an exported picture of the map: SVG text, or a PNG as a `data:image/png;base64,` URL.
///
/// The picture is what the owner sees, their private cards and ties among them (the UI says so
/// before saving): it is for the owner only, so it is refused inside the sync folder, which
/// colleagues read. It is logged in the processing log.
pub fn save_map_image(session: &Session, path: String, data: String) -> AppResult<u32> {
    let path = file_path("path", &path)?;
    if let Some(folder) = session.store.settings()?.sync_folder {
        if inside(&path, std::path::Path::new(&folder)) {
            return Err(AppError::invalid("path", "").worded(|language| {
                kring_i18n::t!(
                    language,
                    "app-picture-not-in-sync-folder",
                    folder = folder.as_str()
                )
            }));
        }
    }
    let bytes = match data.strip_prefix("data:image/png;base64,") {
        Some(encoded) => base64_decode(encoded).ok_or_else(|| {
            AppError::invalid("data", "")
                .worded(|language| kring_i18n::t!(language, "app-picture-not-base64"))
        })?,
        None => data.into_bytes(),
    };
    super::write_file(&path, &bytes)?;
    super::protection::log_written(session, Activity::Export, &path, 0)?;
    Ok(bytes.len().min(u32::MAX as usize) as u32)
}

/// Whether `path` lies in `folder` (or below it), compared as both resolve on disk when they
/// exist (a symbolic link to the sync folder is the sync folder), else as written.
fn inside(path: &std::path::Path, folder: &std::path::Path) -> bool {
    let resolve = |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
    let folder = resolve(folder);
    let parent = path.parent().map(resolve).unwrap_or_default();
    parent.starts_with(&folder) || path.starts_with(&folder)
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
}
