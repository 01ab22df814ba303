//! `kring graph stats | path | risk | export`, run as real processes on real stores.

mod common;

use common::Kring;
use serde_json::Value;

/// An Peeters (the owner) knows Jan well; Jan and Lies both work at the port; the three met
/// once (so An has a relationship with Lies too). Nobody but An knows any of them, and nobody
/// knows the port itself: knowing people who work there is not knowing it.
fn small_network() -> (Kring, String, String, String) {
    let kring = Kring::initialised("An Peeters");
    let port = kring.id(&[
        "card",
        "add",
        "org",
        "--name",
        "Port & Co",
        "--sector",
        "public",
    ]);
    let jan = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Jan Peeters",
        "--org",
        &port,
    ]);
    let lies = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Lies Maes",
        "--org",
        &port,
    ]);
    kring.ok(&["relate", &jan, "--strength", "5", "--trust", "4"]);
    kring.ok(&[
        "log",
        "--with",
        &jan,
        &lies,
        "--kind",
        "meeting",
        "--summary",
        "Port expansion",
        "--at",
        "2026-10-01",
    ]);
    (kring, port, jan, lies)
}

#[test]
fn graph_stats_reports_nodes_ties_brokers_communities_risk_and_health() {
    let (kring, ..) = small_network();
    let stats = kring.json(&["graph", "stats", "--json"]);
    // An, the port, Jan, Lies; ties An–Jan, An–Lies, Jan–Lies (the meeting), Jan–port and
    // Lies–port (affiliations).
    assert_eq!(stats["nodes"], 4);
    assert_eq!(stats["edges"], 5);
    assert_eq!(stats["nodes_by_kind"]["networker"], 1);
    assert_eq!(stats["edges_by_kind"]["affiliation"], 2);
    assert_eq!(stats["edges_by_kind"]["interaction"], 3);
    assert_eq!(stats["betweenness_exact"], true);
    // An reaches the port through Jan or through Lies: half a pair each.
    assert_eq!(stats["brokers"][0]["betweenness"], 0.5);
    assert_eq!(stats["brokers"][1]["betweenness"], 0.5);
    assert!(stats["communities"].as_u64().unwrap() >= 1);
    assert_eq!(stats["risk"]["single_networker"], 2);
    assert_eq!(stats["risk"]["unreached"], 1);
    assert_eq!(stats["health"]["teams"][0]["team"], "(no unit)");
    let text = kring.ok(&["graph", "stats"]);
    assert!(text.contains("Network: 4 nodes"), "{text}");
    assert!(text.contains("Brokers (betweenness, exact)"), "{text}");
    // The stakeholders who broker: Jan and Lies (half a pair each), not An, a networker.
    let stakeholders = text
        .split("Stakeholders who broker most")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a section of stakeholder brokers");
    assert!(stakeholders.contains("Jan Peeters"), "{text}");
    assert!(stakeholders.contains("Lies Maes"), "{text}");
    assert!(!stakeholders.contains("An Peeters"), "{text}");
}

#[test]
fn graph_path_offers_warm_introductions_through_different_people() {
    let (kring, port, jan, _) = small_network();
    // A prefix of the id will do, as for every command.
    let paths = kring.json(&["graph", "path", "me", &port[..port.len() - 4], "--json"]);
    let paths = paths.as_array().expect("an array of paths");
    assert_eq!(paths.len(), 2, "{paths:#?}");
    // Through Jan (who works there and whom An knows well), then through Lies.
    assert_eq!(paths[0]["steps"][1]["id"], Value::String(jan.clone()));
    assert_eq!(paths[0]["hops"], 2);
    assert_eq!(paths[1]["steps"][1]["name"], "Lies Maes");
    let first = paths[0]["strength"].as_f64().unwrap();
    let second = paths[1]["strength"].as_f64().unwrap();
    assert!(first > second, "warmest first: {first} > {second}");
    let text = kring.ok(&["graph", "path", "me", &port]);
    assert!(
        text.starts_with("1. An Peeters → Jan Peeters → Port & Co"),
        "{text}"
    );
}

#[test]
fn graph_risk_names_what_would_leave_with_a_networker() {
    let (kring, _, _, lies) = small_network();
    let me = kring.json(&["card", "list", "--kind", "networker", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let risk = kring.json(&["graph", "risk", "--networker", &me, "--json"]);
    let loss = &risk["networkers"][0];
    assert_eq!(loss["name"], "An Peeters");
    assert_eq!(loss["sole_people"], 2);
    assert_eq!(loss["sole_organisations"], 0);
    assert_eq!(loss["at_risk"][0]["name"], "Jan Peeters");
    assert_eq!(loss["at_risk"][0]["strength"], 5);
    let text = kring.ok(&["graph", "risk"]);
    assert!(
        text.contains("2 of 3 stakeholders are known by one networker only"),
        "{text}"
    );
    assert!(text.contains("1 by nobody"), "{text}");
    kring.fails(
        &["graph", "risk", "--networker", &lies],
        "is not a networker",
    );
}

#[test]
fn graph_commands_fail_on_one_line_for_unknown_cards_and_formats() {
    let (kring, ..) = small_network();
    kring.fails(
        &["graph", "path", "me", "ffffffff"],
        "no record id starts with 'ffffffff'",
    );
    kring.fails(
        &["graph", "export", "--format", "dot", "--out", "x.dot"],
        "invalid value 'dot'",
    );
}

#[test]
fn graph_export_writes_graphml_gexf_and_json_with_the_same_nodes_and_edges() {
    let kring = Kring::initialised("An Peeters");
    kring.ok(&["demo", "--cards", "300"]);
    let folder = tempfile::tempdir().unwrap();
    let path = |name: &str| folder.path().join(name).to_string_lossy().into_owned();
    for (format, file) in [
        ("json", "g.json"),
        ("graphml", "g.graphml"),
        ("gexf", "g.gexf"),
    ] {
        let said = kring.ok(&["graph", "export", "--format", format, "--out", &path(file)]);
        assert!(said.starts_with("wrote "), "{said}");
    }
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(path("g.json")).unwrap()).unwrap();
    let nodes = json["nodes"].as_array().unwrap().len();
    let edges = json["edges"].as_array().unwrap().len();
    assert!(nodes > 250 && edges > nodes, "{nodes} nodes, {edges} edges");
    // The file holds only what an export would: the demo's private cards and ties are on the
    // owner's own graph (`stats`) but not in the file.
    let stats = kring.json(&["graph", "stats", "--json"]);
    let (all_nodes, all_edges) = (
        stats["nodes"].as_u64().unwrap() as usize,
        stats["edges"].as_u64().unwrap() as usize,
    );
    assert!(
        nodes < all_nodes && edges < all_edges,
        "file {nodes}/{edges}, own graph {all_nodes}/{all_edges}"
    );

    let graphml = std::fs::read_to_string(path("g.graphml")).unwrap();
    assert_eq!(graphml.matches("<node id=").count(), nodes);
    assert_eq!(graphml.matches("<edge id=").count(), edges);
    let gexf = std::fs::read_to_string(path("g.gexf")).unwrap();
    assert!(gexf.contains("<graph mode=\"dynamic\""));
    assert_eq!(gexf.matches("<node id=").count(), nodes);
    assert_eq!(gexf.matches("<edge id=").count(), edges);
    assert!(gexf.matches("<spell start=").count() > edges / 2);
    // Written atomically: nothing half-written left beside the files.
    let leftovers = std::fs::read_dir(folder.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".partial")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn graph_export_json_with_a_limit_writes_the_most_central_nodes_as_the_apps_map_does() {
    let (kring, ..) = small_network();
    let folder = tempfile::tempdir().unwrap();
    let path = |name: &str| folder.path().join(name).to_string_lossy().into_owned();
    kring.ok(&[
        "graph",
        "export",
        "--format",
        "json",
        "--out",
        &path("all.json"),
    ]);
    let said = kring.ok(&[
        "graph",
        "export",
        "--format",
        "json",
        "--limit",
        "2",
        "--out",
        &path("top.json"),
    ]);
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(path(name)).unwrap()).unwrap()
    };
    let (all, top) = (read("all.json"), read("top.json"));
    // The two nodes of highest weighted degree in the whole graph, most central first.
    let mut ranked: Vec<(f64, String)> = all["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["weighted_degree"].as_f64().unwrap(),
                n["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let expected: Vec<&str> = ranked.iter().take(2).map(|(_, id)| id.as_str()).collect();
    let kept: Vec<&str> = top["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(kept, expected);
    let ties_between = all["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            kept.contains(&e["source"].as_str().unwrap())
                && kept.contains(&e["target"].as_str().unwrap())
        })
        .count();
    assert_eq!(top["edges"].as_array().unwrap().len(), ties_between);
    assert!(
        said.starts_with(&format!("wrote 2 nodes and {ties_between} edges")),
        "{said}"
    );
    kring.fails(
        &[
            "graph",
            "export",
            "--format",
            "gexf",
            "--limit",
            "2",
            "--out",
            &path("g.gexf"),
        ],
        "--limit goes with --format json",
    );
}
