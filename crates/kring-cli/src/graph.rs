//! `kring graph`: the organisation's network as a graph — stats (brokers, communities, key-person
//! risk, going cold and reciprocity), warm introductions, risk, and exports for Gephi and the map.

use anyhow::Result;
use chrono::{DateTime, Utc};
use clap::{Subcommand, ValueEnum};
use kring_core::graph::centrality::Broker;
use kring_core::graph::risk::{Health, KeyPersonRisk};
use kring_core::graph::{
    Analysis, CentralityOptions, ExportFormat, GraphOptions, GraphStats, IntroPath, OrgGraph,
};
use kring_core::model::RecordId;
use kring_core::store::Store;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum GraphCommand {
    /// Size, brokers, communities, key-person risk, going cold and reciprocity per team.
    Stats {
        /// Sources sampled for betweenness on graphs of more than 5,000 nodes.
        #[arg(long, default_value_t = 256)]
        samples: usize,
        #[arg(long)]
        json: bool,
    },
    /// Warm introductions: the best chains of people from a networker to a stakeholder.
    Path {
        /// Where to start: a networker (an id or its first digits, or `me`).
        from: String,
        /// The stakeholder to reach.
        to: String,
        /// How many introductions to offer, each through different people.
        #[arg(long, default_value_t = 3)]
        alternatives: usize,
        #[arg(long = "max-hops", default_value_t = 6)]
        max_hops: u32,
        #[arg(long)]
        json: bool,
    },
    /// Key-person risk: stakeholders only one networker knows, and what leaves with each.
    Risk {
        /// Only what the organisation would lose if this networker left.
        #[arg(long)]
        networker: Option<String>,
        /// Stakeholders listed per networker.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Write the graph for Gephi (dynamic GEXF), other tools (GraphML) or scripts (JSON).
    Export {
        #[arg(long, value_enum)]
        format: GraphFormatArg,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// JSON only: the N most central nodes and the ties among them, as the app's map
        /// draws a large network.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum GraphFormatArg {
    Graphml,
    Gexf,
    Json,
}

fn print_json(value: &impl serde::Serialize) -> Result<()> {
    out!("{}", crate::terminal::json_text(value)?);
    Ok(())
}

fn resolve(store: &Store, text: &str) -> Result<RecordId> {
    if text == "me" {
        return Ok(store.require_profile()?.networker);
    }
    Ok(store.resolve_id(text)?)
}

pub fn run(store: &Store, command: GraphCommand, now: DateTime<Utc>) -> Result<()> {
    // A file written by `export` may leave the machine: it holds only what an export would.
    let options = GraphOptions {
        shareable_only: matches!(command, GraphCommand::Export { .. }),
        ..GraphOptions::default()
    };
    let graph = OrgGraph::from_store(store, &options, now)?;
    match command {
        GraphCommand::Stats { samples, json } => {
            let options = CentralityOptions {
                samples,
                ..CentralityOptions::default()
            };
            let analysis = Analysis::compute(
                &graph,
                &options,
                kring_core::graph::stats::DEFAULT_COMMUNITY_SEED,
            );
            let stats = graph.stats(&analysis);
            if json {
                return print_json(&stats);
            }
            print_stats(&stats);
        }
        GraphCommand::Path {
            from,
            to,
            alternatives,
            max_hops,
            json,
        } => {
            let (from, to) = (resolve(store, &from)?, resolve(store, &to)?);
            let paths = graph.warm_introductions(from, to, alternatives, max_hops)?;
            if json {
                return print_json(&paths);
            }
            print_paths(&graph, from, to, &paths);
        }
        GraphCommand::Risk {
            networker,
            limit,
            json,
        } => {
            let networker = match networker {
                Some(text) => Some(resolve(store, &text)?),
                None => None,
            };
            let risk = graph.key_person_risk(networker, limit)?;
            if json {
                return print_json(&risk);
            }
            print_risk(&risk, networker.is_some());
        }
        GraphCommand::Export { format, out, limit } => {
            let analysis = Analysis::compute(
                &graph,
                &CentralityOptions::default(),
                kring_core::graph::stats::DEFAULT_COMMUNITY_SEED,
            );
            let (format, name) = match format {
                GraphFormatArg::Graphml => (ExportFormat::GraphMl, "GraphML"),
                GraphFormatArg::Gexf => (ExportFormat::Gexf, "GEXF 1.3 (dynamic)"),
                GraphFormatArg::Json => (ExportFormat::Json, "JSON"),
            };
            let (bytes, nodes, edges) = match limit {
                None => (
                    graph.export(&analysis, format),
                    graph.node_count(),
                    graph.edge_count(),
                ),
                Some(limit) if format == ExportFormat::Json => {
                    let map = graph
                        .map_data(&analysis)
                        .most_central(limit, &std::collections::HashSet::new());
                    let bytes = serde_json::to_vec_pretty(&map)?;
                    (bytes, map.nodes.len(), map.edges.len())
                }
                Some(_) => anyhow::bail!(
                    "--limit goes with --format json (GraphML and GEXF files hold the whole graph)"
                ),
            };
            crate::write_atomically(&out, &bytes)?;
            out!(
                "wrote {nodes} nodes and {edges} edges to {} ({name})",
                out.display()
            );
        }
    }
    Ok(())
}

fn broker_line(rank: usize, broker: &Broker) -> String {
    format!(
        "  {rank:>2}. {} ({})  betweenness {:.1} ({:.4})  degree {}  {}",
        broker.name,
        broker.kind.as_str(),
        broker.betweenness,
        broker.betweenness_normalised,
        broker.degree,
        broker.id
    )
}

fn health_line(label: &str, health: &Health) -> String {
    format!(
        "  {label:<32} {:>5} relationships  {:>4} of {:<4} going cold ({:>3.0}%)  given {} / received {} (balance {:+})  {} imbalanced",
        health.relationships,
        health.going_cold,
        health.with_cadence,
        health.cold_share * 100.0,
        health.given,
        health.received,
        health.balance,
        health.imbalanced
    )
}

fn print_stats(stats: &GraphStats) {
    let kind = |k: &str| stats.nodes_by_kind.get(k).copied().unwrap_or(0);
    let ties = |k: &str| stats.edges_by_kind.get(k).copied().unwrap_or(0);
    out!(
        "Network: {} nodes ({} networkers, {} people, {} organisations), {} ties",
        stats.nodes,
        kind("networker"),
        kind("person"),
        kind("organisation"),
        stats.edges
    );
    out!(
        "  ties by reason: {} relationships, {} affiliations, {} links, {} shared interactions",
        ties("relationship"),
        ties("affiliation"),
        ties("link"),
        ties("interaction")
    );
    out!(
        "  {} connected components (the largest has {} nodes); average degree {}",
        stats.components,
        stats.largest_component,
        stats.average_degree
    );
    out!();
    let how = if stats.betweenness_exact {
        "exact".to_owned()
    } else {
        format!(
            "estimated from {} sampled sources",
            stats.betweenness_sources
        )
    };
    out!("Brokers (betweenness, {how}):");
    for (i, broker) in stats.brokers.iter().enumerate() {
        out!("{}", broker_line(i + 1, broker));
    }
    out!("Networkers who broker most:");
    for (i, broker) in stats.networker_brokers.iter().enumerate() {
        out!("{}", broker_line(i + 1, broker));
    }
    out!(
        "Stakeholders who broker most (people and organisations who connect parts of the network):"
    );
    for (i, broker) in stats.stakeholder_brokers.iter().enumerate() {
        out!("{}", broker_line(i + 1, broker));
    }
    out!();
    out!(
        "Communities: {} (modularity {:.3})",
        stats.communities,
        stats.modularity
    );
    for community in &stats.largest_communities {
        out!(
            "  #{:<3} {:>6} nodes ({} networkers, {} people, {} organisations) around {}",
            community.community,
            community.size,
            community.networkers,
            community.people,
            community.organisations,
            community.label
        );
    }
    out!();
    print_risk_summary(&stats.risk);
    for loss in stats.risk.networkers.iter().take(5) {
        out!(
            "  {} ({}): {} people and {} organisations only through them",
            loss.name,
            loss.unit.as_deref().unwrap_or("no unit"),
            loss.sole_people,
            loss.sole_organisations
        );
    }
    out!();
    out!("Going cold and reciprocity per team:");
    for team in &stats.health.teams {
        out!(
            "{}",
            health_line(
                &format!("{} ({} networkers)", team.team, team.networkers),
                &team.health
            )
        );
    }
    out!("Networkers with the most relationships going cold:");
    for networker in stats.health.networkers.iter().take(5) {
        out!("{}", health_line(&networker.name, &networker.health));
    }
}

fn print_risk_summary(risk: &KeyPersonRisk) {
    out!(
        "Key-person risk: {} of {} stakeholders are known by one networker only (single points of failure); {} by several; {} by nobody",
        risk.single_networker,
        risk.stakeholders,
        risk.reached - risk.single_networker,
        risk.unreached
    );
}

fn print_risk(risk: &KeyPersonRisk, one: bool) {
    if !one {
        print_risk_summary(risk);
    }
    for loss in &risk.networkers {
        if !one && loss.sole_people + loss.sole_organisations == 0 {
            continue;
        }
        out!(
            "{} ({}, {}): knows {} stakeholders; sole contact for {} people and {} organisations",
            loss.name,
            loss.unit.as_deref().unwrap_or("no unit"),
            loss.id,
            loss.reaches,
            loss.sole_people,
            loss.sole_organisations
        );
        for item in &loss.at_risk {
            out!(
                "    {} {:<12} {}  strength {}",
                item.id,
                item.kind.as_str(),
                item.name,
                item.strength
            );
        }
    }
}

fn print_paths(graph: &OrgGraph, from: RecordId, to: RecordId, paths: &[IntroPath]) {
    let name = |id: RecordId| {
        graph
            .node_of(id)
            .map(|v| graph.node(v).name.clone())
            .unwrap_or_default()
    };
    if paths.is_empty() {
        out!("No way from {} to {} in the network.", name(from), name(to));
        return;
    }
    for (i, path) in paths.iter().enumerate() {
        let names: Vec<&str> = path.steps.iter().map(|s| s.name.as_str()).collect();
        out!(
            "{}. {}  (warmth {:.3}, {} ties)",
            i + 1,
            names.join(" → "),
            path.strength,
            path.hops
        );
        for (step, tie) in path.steps.windows(2).zip(&path.ties) {
            let kinds: Vec<&str> = tie.kinds.iter().map(|k| k.as_str()).collect();
            let strength = tie
                .strength
                .map(|s| format!(", strength {s}"))
                .unwrap_or_default();
            let last = tie
                .last_contact
                .map(|d| format!(", last contact {d}"))
                .unwrap_or_default();
            out!(
                "     {} — {} — {}  ({}{strength}{last}; weight {:.3})",
                step[0].name,
                kinds.join(" + "),
                step[1].name,
                step[1].kind.as_str(),
                tie.weight
            );
        }
    }
}
