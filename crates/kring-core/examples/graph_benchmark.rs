//! Graph analytics at scale: builds a synthetic organisation graph (100,000 nodes and about
//! 500,000 ties by default) or reads one from a store, and times every analytic and export.
//!
//! ```text
//! cargo run --release -p kring-core --example graph_benchmark                 # synthetic
//! cargo run --release -p kring-core --example graph_benchmark -- --store DIR  # a real store
//! /usr/bin/time -v target/release/examples/graph_benchmark                    # peak memory
//! ```
//!
//! Options: `--nodes N` (100000), `--edges M` (500000), `--samples K` (256, betweenness sources),
//! `--seed S`. A store is opened read-only in spirit: nothing is written to it (open a copy).

use chrono::{TimeZone, Utc};
use kring_core::graph::{
    Analysis, CentralityOptions, Communities, EdgeKind, ExportFormat, GraphNode, GraphOptions,
    NodeKind, OrgGraph,
};
use kring_core::model::{RecordId, Relationship, RelationshipStatus};
use rand::{Rng, SeedableRng};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let nodes: usize = value("--nodes").map_or(Ok(100_000), |v| v.parse())?;
    let edges: usize = value("--edges").map_or(Ok(500_000), |v| v.parse())?;
    let samples: usize = value("--samples").map_or(Ok(256), |v| v.parse())?;
    let seed: u64 = value("--seed").map_or(Ok(1), |v| v.parse())?;
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();

    let started = Instant::now();
    let graph = match value("--store") {
        Some(path) => {
            let store = kring_core::store::Store::open(
                std::path::Path::new(&path),
                &kring_core::store::OpenOptions::default(),
            )?;
            let opened = started.elapsed();
            let graph = OrgGraph::from_store(&store, &GraphOptions::default(), now)?;
            println!(
                "store {path}: opened in {:.2} s, graph read in {:.2} s",
                opened.as_secs_f64(),
                (started.elapsed() - opened).as_secs_f64()
            );
            graph
        }
        None => synthetic(nodes, edges, seed, now),
    };
    let build = started.elapsed();
    println!(
        "graph: {} nodes, {} edges, built in {:.2} s",
        graph.node_count(),
        graph.edge_count(),
        build.as_secs_f64()
    );

    let time = |label: &str, f: &mut dyn FnMut() -> String| {
        let t = Instant::now();
        let said = f();
        println!("{label:<34} {:>8.2} s  {said}", t.elapsed().as_secs_f64());
    };

    let options = CentralityOptions {
        samples,
        ..CentralityOptions::default()
    };
    let mut centrality = None;
    time("degree + betweenness", &mut || {
        let c = kring_core::graph::Centrality::compute(&graph, &options);
        let said = format!(
            "({}, {} sources)",
            if c.exact { "exact" } else { "sampled" },
            c.sources
        );
        centrality = Some(c);
        said
    });
    let mut communities = None;
    time("communities (Louvain)", &mut || {
        let c = Communities::louvain(&graph, seed);
        let said = format!(
            "({} communities, modularity {:.3})",
            c.sizes.len(),
            c.modularity
        );
        communities = Some(c);
        said
    });
    let analysis = Analysis {
        centrality: centrality.expect("computed"),
        communities: communities.expect("computed"),
    };
    let networker = graph
        .graph
        .node_indices()
        .find(|v| graph.node(*v).kind == NodeKind::Networker)
        .map(|v| graph.node(v).id);
    let target = graph
        .graph
        .node_indices()
        .rev()
        .find(|v| graph.node(*v).kind == NodeKind::Person)
        .map(|v| graph.node(v).id);
    if let (Some(from), Some(to)) = (networker, target) {
        time("warm introductions (3)", &mut || {
            let paths = graph
                .warm_introductions(from, to, 3, 6)
                .expect("both in the graph");
            format!(
                "({} paths, hops {:?})",
                paths.len(),
                paths.iter().map(|p| p.hops).collect::<Vec<_>>()
            )
        });
    }
    time("key-person risk", &mut || {
        let risk = graph.key_person_risk(None, 10).expect("no card asked");
        format!(
            "({} of {} stakeholders through one networker)",
            risk.single_networker, risk.stakeholders
        )
    });
    time("going cold + reciprocity", &mut || {
        let health = graph.network_health();
        format!("({} teams)", health.teams.len())
    });
    time("stats (summary of the above)", &mut || {
        let stats = graph.stats(&analysis);
        format!("({} components)", stats.components)
    });
    for (label, format) in [
        ("export GraphML", ExportFormat::GraphMl),
        ("export GEXF (dynamic)", ExportFormat::Gexf),
        ("export JSON", ExportFormat::Json),
    ] {
        time(label, &mut || {
            let bytes = graph.export(&analysis, format);
            format!("({:.1} MB)", bytes.len() as f64 / 1e6)
        });
    }
    println!("total {:.2} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// An organisation-shaped random graph: 0.2 % networkers in 20 units, 70 % people, the rest
/// organisations, all in 500 clusters (a sector in a region). People work at an organisation of
/// their cluster (a third also had a past job); networkers keep relationships mostly within three
/// home clusters; links fill up the ties, nine in ten within a cluster.
fn synthetic(nodes: usize, edges: usize, seed: u64, now: chrono::DateTime<Utc>) -> OrgGraph {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut builder = OrgGraph::builder(now);
    let clusters = 500usize;
    let networkers = (nodes / 500).max(2);
    let people = nodes * 7 / 10;
    let mut by_cluster_people: Vec<Vec<_>> = vec![Vec::new(); clusters];
    let mut by_cluster_orgs: Vec<Vec<_>> = vec![Vec::new(); clusters];
    let mut networker_nodes = Vec::new();
    let mut all = Vec::with_capacity(nodes);
    for i in 0..nodes {
        let id = RecordId(uuid::Uuid::from_u128(i as u128 + 1));
        let (kind, name) = if i < networkers {
            (NodeKind::Networker, format!("networker {i}"))
        } else if i < networkers + people {
            (NodeKind::Person, format!("person {i}"))
        } else {
            (NodeKind::Organisation, format!("organisation {i}"))
        };
        let mut node = GraphNode::new(id, kind, name);
        if kind == NodeKind::Networker {
            node.unit = Some(format!("unit {}", i % 20));
        }
        let v = builder.node(node);
        all.push(v);
        let cluster = rng.gen_range(0..clusters);
        match kind {
            NodeKind::Networker => networker_nodes.push(v),
            NodeKind::Person => by_cluster_people[cluster].push(v),
            NodeKind::Organisation => by_cluster_orgs[cluster].push(v),
        }
    }
    let day = |rng: &mut rand::rngs::StdRng| {
        now.date_naive() - chrono::Duration::days(rng.gen_range(0..3_650))
    };
    let mut count = 0usize;
    for cluster in 0..clusters {
        let orgs = &by_cluster_orgs[cluster];
        if orgs.is_empty() {
            continue;
        }
        for person in &by_cluster_people[cluster] {
            let org = orgs[rng.gen_range(0..orgs.len())];
            builder.affiliation(*person, org, Some(day(&mut rng)), None);
            count += 1;
            if rng.gen_bool(0.33) {
                let past = orgs[rng.gen_range(0..orgs.len())];
                let from = day(&mut rng);
                builder.affiliation(*person, past, Some(from), Some(from));
                count += 1;
            }
        }
    }
    for (i, networker) in networker_nodes.iter().enumerate() {
        let home = [
            i % clusters,
            (i * 7 + 3) % clusters,
            (i * 13 + 5) % clusters,
        ];
        for _ in 0..300 {
            let cluster = if rng.gen_bool(0.8) {
                home[rng.gen_range(0..3)]
            } else {
                rng.gen_range(0..clusters)
            };
            let pool = if rng.gen_bool(0.8) {
                &by_cluster_people[cluster]
            } else {
                &by_cluster_orgs[cluster]
            };
            if pool.is_empty() {
                continue;
            }
            let stakeholder = pool[rng.gen_range(0..pool.len())];
            let last = day(&mut rng);
            let relationship = Relationship {
                networker: RecordId(uuid::Uuid::nil()),
                stakeholder: RecordId(uuid::Uuid::nil()),
                strength: rng.gen_range(1..=5),
                trust: Some(rng.gen_range(1..=5)),
                given: (0..rng.gen_range(0..4)).map(|g| format!("g{g}")).collect(),
                received: (0..rng.gen_range(0..4)).map(|g| format!("r{g}")).collect(),
                since: Some(last - chrono::Duration::days(rng.gen_range(0..2_000))),
                cadence_days: Some([30, 60, 90, 180][rng.gen_range(0..4)]),
                status: Some(RelationshipStatus::Active),
                last_contact: Some(
                    last.and_hms_opt(12, 0, 0)
                        .expect("noon")
                        .and_utc()
                        .fixed_offset(),
                ),
            };
            let id = RecordId(uuid::Uuid::from_u128(rng.gen()));
            builder.relationship(id, *networker, stakeholder, &relationship);
            count += 1;
        }
    }
    let stakeholders: Vec<_> = by_cluster_people
        .iter()
        .zip(&by_cluster_orgs)
        .map(|(p, o)| p.iter().chain(o).copied().collect::<Vec<_>>())
        .collect();
    while count < edges {
        let cluster = rng.gen_range(0..clusters);
        let pool = &stakeholders[cluster];
        if pool.len() < 2 {
            continue;
        }
        let a = pool[rng.gen_range(0..pool.len())];
        let b = if rng.gen_bool(0.9) {
            pool[rng.gen_range(0..pool.len())]
        } else {
            all[rng.gen_range(networkers..all.len())]
        };
        if a != b {
            builder.tie(a, b, EdgeKind::Link, 0.4);
            count += 1;
        }
    }
    builder.finish()
}
