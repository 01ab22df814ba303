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
use kring_i18n::{decimal, number, t, Language};
use std::path::PathBuf;

fn language() -> Language {
    crate::language::language()
}

/// A node's kind in the language ("person" → "persoon").
fn node_kind(kind: &str) -> String {
    t!(language(), "kind-word", kind = kind)
}

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
                GraphFormatArg::Graphml => (ExportFormat::GraphMl, "GraphML".to_owned()),
                GraphFormatArg::Gexf => (ExportFormat::Gexf, t!(language(), "graph-format-gexf")),
                GraphFormatArg::Json => (ExportFormat::Json, "JSON".to_owned()),
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
                Some(_) => anyhow::bail!(t!(language(), "graph-limit-needs-json")),
            };
            crate::write_atomically(&out, &bytes)?;
            out!(
                "{}",
                t!(
                    language(),
                    "graph-exported",
                    nodes = nodes,
                    edges = edges,
                    file = out.display().to_string(),
                    format = name
                )
            );
        }
    }
    Ok(())
}

fn broker_line(rank: usize, broker: &Broker) -> String {
    let l = language();
    format!(
        "  {rank:>2}. {}",
        t!(
            l,
            "graph-broker",
            name = broker.name.as_str(),
            kind = node_kind(broker.kind.as_str()),
            betweenness = decimal(l, broker.betweenness, 1),
            normalised = decimal(l, broker.betweenness_normalised, 4),
            degree = broker.degree,
            id = broker.id.to_string()
        )
    )
}

/// One row of the going-cold table: the columns keep their widths in every language (the figures
/// are padded before they go into the sentence).
fn health_line(label: &str, health: &Health) -> String {
    let l = language();
    format!(
        "  {label:<32} {}",
        t!(
            l,
            "graph-health",
            relationships = format!("{:>5}", health.relationships),
            cold = format!("{:>4}", health.going_cold),
            with_cadence = format!("{:<4}", health.with_cadence),
            share = format!("{:>3}", decimal(l, health.cold_share * 100.0, 0)),
            given = health.given,
            received = health.received,
            balance = format!("{:+}", health.balance),
            imbalanced = health.imbalanced
        )
    )
}

fn print_stats(stats: &GraphStats) {
    let kind = |k: &str| stats.nodes_by_kind.get(k).copied().unwrap_or(0);
    let ties = |k: &str| stats.edges_by_kind.get(k).copied().unwrap_or(0);
    let l = language();
    out!(
        "{}",
        t!(
            l,
            "graph-network",
            nodes = stats.nodes,
            networkers = kind("networker"),
            people = kind("person"),
            organisations = kind("organisation"),
            ties = stats.edges
        )
    );
    out!(
        "  {}",
        t!(
            l,
            "graph-ties-by-reason",
            relationships = ties("relationship"),
            affiliations = ties("affiliation"),
            links = ties("link"),
            interactions = ties("interaction")
        )
    );
    out!(
        "  {}",
        t!(
            l,
            "graph-components",
            components = stats.components,
            largest = stats.largest_component,
            degree = number(l, stats.average_degree)
        )
    );
    out!();
    let how = if stats.betweenness_exact {
        t!(l, "graph-betweenness-exact")
    } else {
        t!(
            l,
            "graph-betweenness-sampled",
            sources = stats.betweenness_sources
        )
    };
    out!("{}", t!(l, "graph-brokers", how = how));
    for (i, broker) in stats.brokers.iter().enumerate() {
        out!("{}", broker_line(i + 1, broker));
    }
    out!("{}", t!(l, "graph-networker-brokers"));
    for (i, broker) in stats.networker_brokers.iter().enumerate() {
        out!("{}", broker_line(i + 1, broker));
    }
    out!("{}", t!(l, "graph-stakeholder-brokers"));
    for (i, broker) in stats.stakeholder_brokers.iter().enumerate() {
        out!("{}", broker_line(i + 1, broker));
    }
    out!();
    out!(
        "{}",
        t!(
            l,
            "graph-communities",
            count = stats.communities,
            modularity = decimal(l, stats.modularity, 3)
        )
    );
    for community in &stats.largest_communities {
        out!(
            "  #{:<3} {:>6} {}",
            community.community,
            community.size,
            t!(
                l,
                "graph-community",
                size = community.size,
                networkers = community.networkers,
                people = community.people,
                organisations = community.organisations,
                label = community.label.as_str()
            )
        );
    }
    out!();
    print_risk_summary(&stats.risk);
    for loss in stats.risk.networkers.iter().take(5) {
        out!(
            "  {}",
            t!(
                l,
                "graph-only-through",
                name = loss.name.as_str(),
                unit = unit(loss.unit.as_deref()),
                people = loss.sole_people,
                organisations = loss.sole_organisations
            )
        );
    }
    out!();
    out!("{}", t!(l, "graph-health-per-team"));
    for team in &stats.health.teams {
        out!(
            "{}",
            health_line(
                &t!(
                    l,
                    "graph-team",
                    // kring-core names the networkers without a unit "(no unit)".
                    team = if team.team == "(no unit)" {
                        format!("({})", unit(None))
                    } else {
                        team.team.clone()
                    },
                    networkers = team.networkers
                ),
                &team.health
            )
        );
    }
    out!("{}", t!(l, "graph-health-per-networker"));
    for networker in stats.health.networkers.iter().take(5) {
        out!("{}", health_line(&networker.name, &networker.health));
    }
}

/// A networker's unit, or that they have none.
fn unit(unit: Option<&str>) -> String {
    unit.map(str::to_owned)
        .unwrap_or_else(|| t!(language(), "graph-no-unit"))
}

fn print_risk_summary(risk: &KeyPersonRisk) {
    out!(
        "{}",
        t!(
            language(),
            "graph-risk-summary",
            single = risk.single_networker,
            stakeholders = risk.stakeholders,
            several = risk.reached - risk.single_networker,
            nobody = risk.unreached
        )
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
        let l = language();
        out!(
            "{}",
            t!(
                l,
                "graph-networker-loss",
                name = loss.name.as_str(),
                unit = unit(loss.unit.as_deref()),
                id = loss.id.to_string(),
                stakeholders = loss.reaches,
                people = loss.sole_people,
                organisations = loss.sole_organisations
            )
        );
        for item in &loss.at_risk {
            out!(
                "    {} {:<12} {}",
                item.id,
                node_kind(item.kind.as_str()),
                t!(
                    l,
                    "graph-at-risk",
                    name = item.name.as_str(),
                    strength = item.strength
                )
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
    let l = language();
    if paths.is_empty() {
        out!(
            "{}",
            t!(l, "graph-no-way", from = name(from), to = name(to))
        );
        return;
    }
    for (i, path) in paths.iter().enumerate() {
        let names: Vec<&str> = path.steps.iter().map(|s| s.name.as_str()).collect();
        out!(
            "{}. {}  ({})",
            i + 1,
            names.join(" → "),
            t!(
                l,
                "graph-path",
                warmth = decimal(l, path.strength, 3),
                ties = path.hops
            )
        );
        for (step, tie) in path.steps.windows(2).zip(&path.ties) {
            let kinds: Vec<String> = tie
                .kinds
                .iter()
                .map(|k| t!(l, "graph-tie-kind", kind = k.as_str()))
                .collect();
            let strength = tie
                .strength
                .map(|s| format!(", {}", t!(l, "graph-tie-strength", strength = s)))
                .unwrap_or_default();
            let last = tie
                .last_contact
                .map(|d| format!(", {}", t!(l, "graph-tie-last-contact", day = d.to_string())))
                .unwrap_or_default();
            out!(
                "     {} — {} — {}  ({}{strength}{last}; {})",
                step[0].name,
                kinds.join(" + "),
                step[1].name,
                node_kind(step[1].kind.as_str()),
                t!(l, "graph-tie-weight", weight = decimal(l, tie.weight, 3))
            );
        }
    }
}
