//! Tests of the graph analytics on small graphs whose answers were worked out by hand, and of
//! the exports read back with an XML parser (and networkx, when Python has it).

use super::*;
use crate::model::{Relationship, RelationshipStatus};
use chrono::TimeZone;
use uuid::Uuid;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

fn id(n: u128) -> RecordId {
    RecordId(Uuid::from_u128(n))
}

/// A graph of named nodes tied with the given weights (links), nodes numbered in order.
fn graph_of(names: &[&str], ties: &[(usize, usize, f64)]) -> OrgGraph {
    let mut builder = OrgGraph::builder(now());
    let nodes: Vec<NodeIndex> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let kind = if name.starts_with('N') {
                NodeKind::Networker
            } else {
                NodeKind::Person
            };
            builder.node(GraphNode::new(id(i as u128 + 1), kind, *name))
        })
        .collect();
    for (a, b, w) in ties {
        builder.tie(nodes[*a], nodes[*b], EdgeKind::Link, *w);
    }
    builder.finish()
}

fn exact() -> CentralityOptions {
    CentralityOptions::default()
}

fn betweenness_by_name(graph: &OrgGraph, centrality: &Centrality) -> Vec<(String, f64)> {
    graph
        .graph
        .node_indices()
        .map(|v| {
            (
                graph.graph[v].name.clone(),
                centrality.betweenness[v.index()],
            )
        })
        .collect()
}

#[test]
fn betweenness_on_a_line_counts_the_pairs_each_inner_node_separates() {
    // a – b – c – d: b lies between (a,c) and (a,d); c between (a,d) and (b,d).
    let graph = graph_of(
        &["a", "b", "c", "d"],
        &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)],
    );
    let centrality = Centrality::compute(&graph, &exact());
    assert!(centrality.exact);
    let b = betweenness_by_name(&graph, &centrality);
    assert_eq!(
        b,
        vec![
            ("a".into(), 0.0),
            ("b".into(), 2.0),
            ("c".into(), 2.0),
            ("d".into(), 0.0)
        ]
    );
    assert_eq!(centrality.degree, vec![1, 2, 2, 1]);
}

#[test]
fn betweenness_of_a_star_centre_is_every_pair_of_leaves() {
    // Four leaves: C(4, 2) = 6 pairs, all through the centre.
    let graph = graph_of(
        &["hub", "l1", "l2", "l3", "l4"],
        &[(0, 1, 0.5), (0, 2, 0.5), (0, 3, 0.5), (0, 4, 0.5)],
    );
    let centrality = Centrality::compute(&graph, &exact());
    assert_eq!(centrality.betweenness, vec![6.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(centrality.degree[0], 4);
    assert!((centrality.weighted_degree[0] - 2.0).abs() < 1e-9);
    let brokers = centrality.brokers(&graph, None, 1);
    assert_eq!(brokers[0].name, "hub");
    // 6 of the C(4,2) = 6 pairs of other nodes.
    assert_eq!(brokers[0].betweenness_normalised, 1.0);
}

#[test]
fn betweenness_splits_between_two_equally_short_paths() {
    // The square a – b – c – d – a: (a,c) goes via b or d, (b,d) via a or c: ½ each.
    let graph = graph_of(
        &["a", "b", "c", "d"],
        &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 0, 1.0)],
    );
    let centrality = Centrality::compute(&graph, &exact());
    assert_eq!(centrality.betweenness, vec![0.5, 0.5, 0.5, 0.5]);
}

fn star(leaves: usize) -> OrgGraph {
    let mut names = vec!["hub".to_string()];
    names.extend((0..leaves).map(|i| format!("leaf {i}")));
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let ties: Vec<(usize, usize, f64)> = (1..=leaves).map(|i| (0, i, 1.0)).collect();
    graph_of(&names, &ties)
}

#[test]
fn sampled_betweenness_estimates_the_exact_one_and_repeats_with_the_same_seed() {
    // Exactly C(200, 2) = 19,900 pairs through the hub. A sample of leaf sources sees 199
    // pairs each and scales by n / samples / 2: 201 × 199 / 2 = 19,999.5 (0.5 % high).
    let graph = star(200);
    let options = CentralityOptions {
        exact_up_to: 10,
        samples: 40,
        seed: 7,
    };
    let sampled = Centrality::compute(&graph, &options);
    assert!(!sampled.exact);
    assert_eq!(sampled.sources, 40);
    let hub = sampled.betweenness[0];
    assert!((hub - 19_900.0).abs() / 19_900.0 < 0.02, "{hub}");
    let again = Centrality::compute(&graph, &options);
    assert_eq!(sampled.betweenness, again.betweenness);
    let exact = Centrality::compute(&graph, &exact());
    assert_eq!(exact.betweenness[0], 19_900.0);
}

fn two_cliques() -> OrgGraph {
    // {a,b,c,d} and {e,f,g,h}, each complete, joined by the single tie d – e.
    let mut ties = Vec::new();
    for group in [[0, 1, 2, 3], [4, 5, 6, 7]] {
        for i in 0..4 {
            for j in i + 1..4 {
                ties.push((group[i], group[j], 0.5));
            }
        }
    }
    ties.push((3, 4, 0.5));
    graph_of(&["a", "b", "c", "d", "e", "f", "g", "h"], &ties)
}

#[test]
fn louvain_finds_two_obvious_cliques_with_the_modularity_worked_out_by_hand() {
    let graph = two_cliques();
    for seed in [1, 2, 3, 42] {
        let communities = Communities::louvain(&graph, seed);
        assert_eq!(communities.sizes, vec![4, 4], "seed {seed}");
        let m = &communities.membership;
        assert!(m[..4].iter().all(|c| *c == m[0]));
        assert!(m[4..].iter().all(|c| *c == m[4]));
        assert_ne!(m[0], m[4]);
        // 13 ties; each side holds 6 and its degrees sum to 13:
        // Q = 2 × (6/13 − (13/26)²) = 0.423077.
        assert!((communities.modularity - 0.423_077).abs() < 1e-5);
    }
    // The bridge ends are the brokers: d separates a,b,c from e,f,g,h (3 × 4 = 12 pairs + 0).
    let centrality = Centrality::compute(&graph, &exact());
    assert_eq!(centrality.betweenness[3], 12.0);
    assert_eq!(centrality.betweenness[4], 12.0);
    assert_eq!(centrality.betweenness[0], 0.0);
}

#[test]
fn a_community_summary_names_its_best_connected_members_first() {
    let graph = two_cliques();
    let communities = Communities::louvain(&graph, 1);
    let centrality = Centrality::compute(&graph, &exact());
    let summaries = communities.summaries(&graph, &centrality.weighted_degree, 10);
    assert_eq!(summaries.len(), 2);
    for summary in &summaries {
        let names: Vec<&str> = summary.members.iter().map(|m| m.name.as_str()).collect();
        // The bridge end has four ties (weighted degree 2.0), the others three (1.5); among
        // equals the earlier node comes first.
        let expected = if names.contains(&"a") {
            vec!["d", "a", "b", "c"]
        } else {
            vec!["e", "f", "g", "h"]
        };
        assert_eq!(names, expected, "the bridge end leads its clique");
        assert_eq!(summary.label, expected[0], "the label is the first member");
    }
}

#[test]
fn warm_introductions_prefer_the_strongest_chain_and_offer_different_intermediaries() {
    // N knows A well (0.9) and A knows T (0.8): 0.72. Via C: 0.3 × 0.9 = 0.27. Via B: 0.25.
    let graph = graph_of(
        &["N", "A", "B", "C", "T"],
        &[
            (0, 1, 0.9),
            (1, 4, 0.8),
            (0, 2, 0.5),
            (2, 4, 0.5),
            (0, 3, 0.3),
            (3, 4, 0.9),
        ],
    );
    let paths = graph.warm_introductions(id(1), id(5), 5, 6).unwrap();
    let names: Vec<Vec<&str>> = paths
        .iter()
        .map(|p| p.steps.iter().map(|s| s.name.as_str()).collect())
        .collect();
    assert_eq!(
        names,
        vec![
            vec!["N", "A", "T"],
            vec!["N", "C", "T"],
            vec!["N", "B", "T"]
        ]
    );
    let strengths: Vec<f64> = paths.iter().map(|p| p.strength).collect();
    assert_eq!(strengths, vec![0.72, 0.27, 0.25]);
    assert_eq!(paths[0].hops, 2);
    assert_eq!(paths[0].ties[0].weight, 0.9);
    assert_eq!(
        graph.warm_introductions(id(1), id(5), 1, 6).unwrap().len(),
        1
    );
}

#[test]
fn a_weak_direct_tie_loses_to_a_warm_chain_but_is_still_offered() {
    // N – T directly at 0.5; N – A – T at 0.9 × 0.9 = 0.81.
    let graph = graph_of(&["N", "A", "T"], &[(0, 2, 0.5), (0, 1, 0.9), (1, 2, 0.9)]);
    let paths = graph.warm_introductions(id(1), id(3), 3, 6).unwrap();
    assert_eq!(paths.len(), 2);
    assert_eq!(paths[0].strength, 0.81);
    assert_eq!(paths[1].hops, 1);
    assert_eq!(paths[1].strength, 0.5);
}

#[test]
fn no_introduction_when_nothing_connects_and_an_unknown_card_is_an_error() {
    let graph = graph_of(&["N", "A", "T"], &[(0, 1, 0.9)]);
    assert!(graph
        .warm_introductions(id(1), id(3), 3, 6)
        .unwrap()
        .is_empty());
    assert!(matches!(
        graph.warm_introductions(id(1), id(99), 3, 6),
        Err(GraphError::NotInGraph(_))
    ));
}

fn relationship(strength: u8, last_contact_days_ago: Option<i64>) -> Relationship {
    Relationship {
        networker: id(0),
        stakeholder: id(0),
        strength,
        trust: None,
        given: vec![],
        received: vec![],
        since: Some(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
        cadence_days: None,
        status: Some(RelationshipStatus::Active),
        last_contact: last_contact_days_ago
            .map(|d| (now() - chrono::Duration::days(d)).fixed_offset()),
    }
}

#[test]
fn a_relationship_weighs_by_strength_trust_and_how_recent_the_last_contact_was() {
    let mut builder = OrgGraph::builder(now());
    let n = builder.node(GraphNode::new(id(1), NodeKind::Networker, "N"));
    let fresh = builder.node(GraphNode::new(id(2), NodeKind::Person, "fresh"));
    let old = builder.node(GraphNode::new(id(3), NodeKind::Person, "two years ago"));
    let weak = builder.node(GraphNode::new(id(4), NodeKind::Person, "weak"));
    builder.relationship(id(10), n, fresh, &relationship(5, Some(0)));
    builder.relationship(id(11), n, old, &relationship(5, Some(730)));
    builder.relationship(id(12), n, weak, &relationship(1, Some(0)));
    let graph = builder.finish();
    let weight = |v: NodeIndex| graph.graph[graph.graph.find_edge(n, v).unwrap()].weight;
    // 5/5 strength and trust, contact today: 1. Two years: (½ + ½ × ¼) = 0.625. 1/5: 0.2.
    assert!((weight(fresh) - 1.0).abs() < 1e-9);
    assert!((weight(old) - 0.625).abs() < 1e-3);
    assert!((weight(weak) - 0.2).abs() < 1e-9);
    let edge = &graph.graph[graph.graph.find_edge(n, old).unwrap()];
    assert_eq!(
        edge.spells,
        vec![Spell {
            start: chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            end: None
        }]
    );
}

/// N1 and N2 both know P1; only N1 knows P2, who works at O; N2's relationship with P3 ended;
/// N3 has left and alone knew P4.
fn risk_graph() -> OrgGraph {
    let mut builder = OrgGraph::builder(now());
    let n1 = builder.node(GraphNode::new(id(1), NodeKind::Networker, "N1"));
    let n2 = builder.node(GraphNode::new(id(2), NodeKind::Networker, "N2"));
    let mut left = GraphNode::new(id(3), NodeKind::Networker, "N3");
    left.left = true;
    let n3 = builder.node(left);
    let p1 = builder.node(GraphNode::new(id(11), NodeKind::Person, "P1"));
    let p2 = builder.node(GraphNode::new(id(12), NodeKind::Person, "P2"));
    let p3 = builder.node(GraphNode::new(id(13), NodeKind::Person, "P3"));
    let p4 = builder.node(GraphNode::new(id(14), NodeKind::Person, "P4"));
    let o = builder.node(GraphNode::new(id(21), NodeKind::Organisation, "O"));
    builder.relationship(id(31), n1, p1, &relationship(3, Some(5)));
    builder.relationship(id(32), n2, p1, &relationship(4, Some(5)));
    builder.relationship(id(33), n1, p2, &relationship(5, Some(5)));
    let mut ended = relationship(2, Some(400));
    ended.status = Some(RelationshipStatus::Ended);
    builder.relationship(id(34), n2, p3, &ended);
    builder.relationship(id(35), n3, p4, &relationship(4, Some(5)));
    builder.affiliation(p2, o, None, None);
    builder.finish()
}

#[test]
fn key_person_risk_lists_what_leaves_with_a_networker() {
    let graph = risk_graph();
    let risk = graph.key_person_risk(None, 10).unwrap();
    // Stakeholders P1–P4 and O; known: P1 (by both), P2 (by N1 only). Nobody knows P3 (the
    // relationship ended), P4 (N3 left) or O: knowing P2, who works there, is not knowing O
    // (one definition of "knows" for every screen, `crate::manager::figures::Reach`).
    assert_eq!(risk.stakeholders, 5);
    assert_eq!(risk.reached, 2);
    assert_eq!(risk.single_networker, 1);
    assert_eq!(risk.unreached, 3);
    let first = &risk.networkers[0];
    assert_eq!(first.name, "N1");
    assert_eq!(
        (first.reaches, first.sole_people, first.sole_organisations),
        (2, 1, 0)
    );
    let at_risk: Vec<(&str, u8)> = first
        .at_risk
        .iter()
        .map(|a| (a.name.as_str(), a.strength))
        .collect();
    assert_eq!(at_risk, vec![("P2", 5)]);
    let n3 = risk.networkers.iter().find(|n| n.name == "N3").unwrap();
    assert_eq!(
        (n3.reaches, n3.sole_people),
        (0, 0),
        "a networker who left is no key-person risk"
    );
    let n2 = risk.networkers.iter().find(|n| n.name == "N2").unwrap();
    assert_eq!(
        (n2.reaches, n2.sole_people, n2.sole_organisations),
        (1, 0, 0)
    );

    let one = graph.key_person_risk(Some(id(2)), 10).unwrap();
    assert_eq!(one.networkers.len(), 1);
    assert_eq!(one.networkers[0].name, "N2");
    assert!(matches!(
        graph.key_person_risk(Some(id(11)), 10),
        Err(GraphError::NotANetworker(_))
    ));
}

#[test]
fn going_cold_and_reciprocity_add_up_per_networker_and_per_team() {
    let mut builder = OrgGraph::builder(now());
    let mut a = GraphNode::new(id(1), NodeKind::Networker, "Ann");
    a.unit = Some("Economy".into());
    let mut b = GraphNode::new(id(2), NodeKind::Networker, "Bart");
    b.unit = Some("Economy".into());
    let a = builder.node(a);
    let b = builder.node(b);
    let p = builder.node(GraphNode::new(id(11), NodeKind::Person, "P"));
    let q = builder.node(GraphNode::new(id(12), NodeKind::Person, "Q"));
    // Ann: P every 30 days, last seen 60 days ago (cold), gave 3 and got nothing back;
    // Q every 30 days, seen 10 days ago. Bart: P every 30 days, seen 45 days ago (cold).
    let mut ap = relationship(4, Some(60));
    ap.cadence_days = Some(30);
    ap.given = vec!["advice".into(), "a venue".into(), "an introduction".into()];
    let mut aq = relationship(3, Some(10));
    aq.cadence_days = Some(30);
    aq.received = vec!["data".into()];
    let mut bp = relationship(2, Some(45));
    bp.cadence_days = Some(30);
    builder.relationship(id(21), a, p, &ap);
    builder.relationship(id(22), a, q, &aq);
    builder.relationship(id(23), b, p, &bp);
    let health = builder.finish().network_health();
    let bart = &health.networkers[0];
    assert_eq!(
        (
            bart.name.as_str(),
            bart.health.going_cold,
            bart.health.cold_share
        ),
        ("Bart", 1, 1.0)
    );
    let ann = &health.networkers[1];
    assert_eq!(ann.health.relationships, 2);
    assert_eq!(ann.health.going_cold, 1);
    assert_eq!(ann.health.cold_share, 0.5);
    assert_eq!(
        (ann.health.given, ann.health.received, ann.health.balance),
        (3, 1, 2)
    );
    assert_eq!(ann.health.imbalanced, 1);
    assert_eq!(health.teams.len(), 1);
    let team = &health.teams[0];
    assert_eq!((team.team.as_str(), team.networkers), ("Economy", 2));
    assert_eq!((team.health.relationships, team.health.going_cold), (3, 2));
    assert!((team.health.cold_share - 0.6667).abs() < 1e-9);
}

#[test]
fn spells_that_overlap_merge_and_an_open_one_swallows_the_rest() {
    let d = |m| chrono::NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
    let merged = merge_spells(vec![
        Spell {
            start: d(3),
            end: Some(d(5)),
        },
        Spell {
            start: d(1),
            end: Some(d(2)),
        },
        Spell {
            start: d(4),
            end: Some(d(6)),
        },
        Spell {
            start: d(8),
            end: None,
        },
        Spell {
            start: d(9),
            end: Some(d(10)),
        },
    ]);
    assert_eq!(
        merged,
        vec![
            Spell {
                start: d(1),
                end: Some(d(2))
            },
            Spell {
                start: d(3),
                end: Some(d(6))
            },
            Spell {
                start: d(8),
                end: None
            },
        ]
    );
}

// ----- from a store -----------------------------------------------------------------------------

#[test]
fn the_graph_from_a_store_reads_one_node_per_identity_group_and_every_kind_of_tie() {
    use crate::model::*;
    use crate::store::{OpenOptions, Store};
    let folder = tempfile::tempdir().unwrap();
    let store = Store::open(&folder.path().join("store"), &OpenOptions::default()).unwrap();
    let at = now() - chrono::Duration::days(30);
    let profile = store
        .init("An Peeters", "an.peeters@antwerpen.be", Role::Manager, at)
        .unwrap();
    let me = profile.networker;
    let colleague = store
        .create(
            &Networker {
                name: "Bart Claes".into(),
                unit: Some("Port".into()),
                ..Networker::default()
            },
            None,
            at,
        )
        .unwrap();
    let port = store
        .create(
            &Organisation {
                name: "Port of Antwerp-Bruges".into(),
                sector: Some(Sector::Public),
                ..Organisation::default()
            },
            None,
            at,
        )
        .unwrap();
    let jan = store
        .create_person(
            &Person {
                display_name: "Jan Peeters".into(),
                ..Person::default()
            },
            Some(port),
            Some("Director"),
            None,
            at,
        )
        .unwrap();
    let jan_again = store
        .create(
            &Person {
                display_name: "J. Peeters".into(),
                ..Person::default()
            },
            None,
            at,
        )
        .unwrap();
    let lies = store
        .create(
            &Person {
                display_name: "Lies Maes".into(),
                ..Person::default()
            },
            None,
            at,
        )
        .unwrap();
    store.declare_same_as(jan, jan_again, true, at).unwrap();
    // An Peeters knows Jan; Bart knows "J. Peeters" (the same man) and Lies.
    store
        .relate(
            jan,
            &crate::cards::views::RelateRequest {
                strength: Some(4),
                ..Default::default()
            },
            at,
        )
        .unwrap();
    for (stakeholder, strength) in [(jan_again, 3u8), (lies, 2)] {
        store
            .create_with_id(
                RecordId::for_relationship(colleague, stakeholder),
                &Relationship {
                    networker: colleague,
                    stakeholder,
                    strength,
                    ..relationship(strength, Some(3))
                },
                None,
                at,
            )
            .unwrap();
    }
    store
        .create(
            &Link {
                from: lies,
                to: port,
                kind: LinkKind("works_with".into()),
            },
            None,
            at,
        )
        .unwrap();
    store
        .log_interaction(
            &crate::cards::views::LogRequest {
                with: vec![jan],
                kind: InteractionKind::Meeting,
                at: at.fixed_offset(),
                summary: "Port expansion".into(),
                outcomes: vec![],
                follow_up: None,
                visibility: None,
            },
            at,
        )
        .unwrap();

    let graph = OrgGraph::from_store(&store, &GraphOptions::default(), now()).unwrap();
    // An, Bart, the port, Jan (one node for two cards), Lies.
    assert_eq!(graph.node_count(), 5);
    let jan_node = graph.node_of(jan).unwrap();
    assert_eq!(graph.node_of(jan_again).unwrap(), jan_node);
    assert_eq!(graph.node(jan_node).cards, 2);
    // Ties: An–Jan (relationship + the meeting), Bart–Jan, Bart–Lies, Jan–port (affiliation),
    // Lies–port (link).
    assert_eq!(graph.edge_count(), 5);
    let an_jan = graph
        .graph
        .find_edge(graph.node_of(me).unwrap(), jan_node)
        .unwrap();
    let kinds: Vec<EdgeKind> = graph.graph[an_jan].kinds().collect();
    assert_eq!(kinds, vec![EdgeKind::Relationship, EdgeKind::Interaction]);
    assert_eq!(graph.graph[an_jan].interactions, 1);
    // Jan is reached by two networkers, so no key-person risk there; Lies only through Bart.
    let risk = graph.key_person_risk(None, 10).unwrap();
    assert_eq!(risk.single_networker, 1);
    assert_eq!(risk.networkers[0].at_risk[0].name, "Lies Maes");
    // An knows only Jan, so every way to Lies starts with him: one introduction, three ties.
    let paths = graph.warm_introductions(me, lies, 3, 6).unwrap();
    assert_eq!(paths.len(), 1);
    assert_eq!(paths[0].hops, 3);
    // Jan's node is his group's canonical card, whichever of the two ids is smaller.
    assert_eq!(paths[0].steps[1].id, graph.node(jan_node).id);
    assert!(paths[0].steps[1].name.contains("Peeters"));
    assert_eq!(paths[0].steps[3].name, "Lies Maes");
}

// ----- exports --------------------------------------------------------------------------------

fn export_graph() -> (OrgGraph, Analysis) {
    let graph = risk_graph();
    let analysis = Analysis::compute(&graph, &exact(), 1);
    (graph, analysis)
}

#[test]
fn graphml_export_parses_and_matches_the_graph() {
    let (graph, analysis) = export_graph();
    let text = graph.to_graphml(&analysis);
    let document = roxmltree::Document::parse(&text).expect("well-formed GraphML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    let keys: std::collections::HashSet<&str> = root
        .children()
        .filter(|n| n.has_tag_name("key"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    let nodes: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let edges: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    assert_eq!(nodes.len(), graph.node_count());
    assert_eq!(edges.len(), graph.edge_count());
    for data in document.descendants().filter(|n| n.has_tag_name("data")) {
        assert!(
            keys.contains(data.attribute("key").unwrap()),
            "undeclared key"
        );
    }
    let o = nodes
        .iter()
        .find(|n| n.attribute("id") == Some(&id(21).to_string()[..]))
        .unwrap();
    let value = |node: &roxmltree::Node, key: &str| {
        node.children()
            .find(|d| d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .map(str::to_owned)
    };
    assert_eq!(value(o, "label").as_deref(), Some("O"));
    assert_eq!(value(o, "kind").as_deref(), Some("organisation"));
    let ids: std::collections::HashSet<&str> =
        nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
    for edge in &edges {
        assert!(ids.contains(edge.attribute("source").unwrap()));
        assert!(ids.contains(edge.attribute("target").unwrap()));
        let weight: f64 = value(edge, "weight").unwrap().parse().unwrap();
        assert!(weight > 0.0 && weight <= 1.0);
    }
}

#[test]
fn gexf_export_is_dynamic_gexf_1_3_with_spells_from_the_dates() {
    let (graph, analysis) = export_graph();
    let text = graph.to_gexf(&analysis);
    let document = roxmltree::Document::parse(&text).expect("well-formed GEXF");
    let root = document.root_element();
    assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
    assert_eq!(root.attribute("version"), Some("1.3"));
    let g = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(g.attribute("mode"), Some("dynamic"));
    assert_eq!(g.attribute("timeformat"), Some("date"));
    let nodes = document
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .count();
    let edges: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    assert_eq!(nodes, graph.node_count());
    assert_eq!(edges.len(), graph.edge_count());
    let declared: std::collections::HashSet<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("attribute"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    for value in document
        .descendants()
        .filter(|n| n.has_tag_name("attvalue"))
    {
        assert!(declared.contains(value.attribute("for").unwrap()));
    }
    // Every relationship began 2020-01-01; the ended one closes at its last contact.
    let starts: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("spell"))
        .filter_map(|n| n.attribute("start"))
        .collect();
    assert!(starts.contains(&"2020-01-01"));
    let ended_end = (now() - chrono::Duration::days(400))
        .date_naive()
        .to_string();
    assert!(document
        .descendants()
        .filter(|n| n.has_tag_name("spell"))
        .any(|n| n.attribute("end") == Some(&ended_end[..])));
}

#[test]
fn exports_escape_names_that_look_like_markup() {
    let mut builder = OrgGraph::builder(now());
    let a = builder.node(GraphNode::new(
        id(1),
        NodeKind::Organisation,
        "Bakker & Zonen <BV> \"de\" 'x'\u{1}",
    ));
    let b = builder.node(GraphNode::new(id(2), NodeKind::Person, "B"));
    builder.tie(a, b, EdgeKind::Link, 0.4);
    let graph = builder.finish();
    let analysis = Analysis::compute(&graph, &exact(), 1);
    for text in [graph.to_graphml(&analysis), graph.to_gexf(&analysis)] {
        let document = roxmltree::Document::parse(&text).expect("well-formed");
        assert!(document.descendants().any(|n| n.attribute("label")
            == Some("Bakker & Zonen <BV> \"de\" 'x'")
            || n.text() == Some("Bakker & Zonen <BV> \"de\" 'x'")));
    }
}

#[test]
fn networkx_reads_both_exports_with_the_same_nodes_and_edges() {
    let has_networkx = std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_networkx {
        let notice = "SKIPPED: GraphML and GEXF were NOT read by networkx (pip install networkx)\n";
        assert!(
            std::env::var_os("KRING_REQUIRE_PYTHON_VALIDATION").is_none(),
            "{notice}(KRING_REQUIRE_PYTHON_VALIDATION is set)"
        );
        eprint!("{notice}");
        return;
    }
    let (graph, analysis) = export_graph();
    let folder = tempfile::tempdir().unwrap();
    let graphml = folder.path().join("g.graphml");
    let gexf = folder.path().join("g.gexf");
    std::fs::write(&graphml, graph.to_graphml(&analysis)).unwrap();
    std::fs::write(&gexf, graph.to_gexf(&analysis)).unwrap();
    let script = r#"
import sys, json, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2])
o = sys.argv[3]
print(json.dumps({
  "graphml": [g.number_of_nodes(), g.number_of_edges(), g.nodes[o]["label"], g.nodes[o]["kind"],
              type(g.nodes[o]["degree"]).__name__],
  "gexf": [x.number_of_nodes(), x.number_of_edges(), x.nodes[o]["label"], x.nodes[o]["kind"],
           x.graph.get("mode")],
}))
"#;
    let output = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&graphml)
        .arg(&gexf)
        .arg(id(21).to_string())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "networkx refused an export: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let (n, e) = (graph.node_count(), graph.edge_count());
    assert_eq!(
        read["graphml"],
        serde_json::json!([n, e, "O", "organisation", "int"])
    );
    assert_eq!(
        read["gexf"],
        serde_json::json!([n, e, "O", "organisation", "dynamic"])
    );
}

#[test]
fn stakeholders_who_broker_are_ranked_apart_from_the_networkers() {
    // N knows a and b; b knows c. N and b each sit on two shortest paths (a–b, a–c and N–c,
    // a–c); a and c on none.
    let graph = graph_of(
        &["N", "a", "b", "c"],
        &[(0, 1, 0.5), (0, 2, 0.5), (2, 3, 0.5)],
    );
    let analysis = Analysis::compute(&graph, &exact(), 1);
    let stats = graph.stats(&analysis);
    let names = |brokers: &[centrality::Broker]| -> Vec<String> {
        brokers.iter().map(|b| b.name.clone()).collect()
    };
    assert_eq!(names(&stats.brokers), ["N", "b", "a", "c"]);
    assert_eq!(names(&stats.networker_brokers), ["N"]);
    assert_eq!(
        names(&stats.stakeholder_brokers),
        ["b", "a", "c"],
        "the networker is left out; equal betweenness and ties go by id"
    );
    assert_eq!(stats.stakeholder_brokers[0].betweenness, 2.0);
}

#[test]
fn stats_and_map_data_describe_the_same_graph() {
    let graph = two_cliques();
    let analysis = Analysis::compute(&graph, &exact(), 1);
    let stats = graph.stats(&analysis);
    assert_eq!((stats.nodes, stats.edges, stats.components), (8, 13, 1));
    assert_eq!(stats.communities, 2);
    assert_eq!(stats.edges_by_kind["link"], 13);
    assert!(stats.brokers[0].name == "d" || stats.brokers[0].name == "e");
    let map = graph.map_data(&analysis);
    assert_eq!(map.nodes.len(), 8);
    assert_eq!(map.edges.len(), 13);
    let json = serde_json::to_value(&map).unwrap();
    assert_eq!(json["nodes"][0]["kind"], "person");
    assert_eq!(json["edges"][0]["kinds"][0], "link");
}

#[test]
fn a_large_map_keeps_the_most_central_nodes_the_ties_among_them_and_what_was_asked_for() {
    use std::collections::HashSet;
    let names = ["a", "b", "c", "d", "e"];
    // A star on a (weighted degree 0.9 + 0.8 + 0.7), b also tied to c, e only to d.
    let graph = graph_of(
        &names,
        &[
            (0, 1, 0.9),
            (0, 2, 0.8),
            (0, 3, 0.7),
            (1, 2, 0.5),
            (3, 4, 0.1),
        ],
    );
    let analysis = Analysis::compute(&graph, &CentralityOptions::default(), 1);
    let map = graph.map_data(&analysis);
    // Weighted degrees: a 2.4, b 1.4, c 1.3, d 0.8, e 0.1.
    let top = map.most_central(3, &HashSet::new());
    let kept: Vec<&str> = top.nodes.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(
        kept,
        ["a", "b", "c"],
        "the three of highest weighted degree, most central first"
    );
    assert_eq!(
        top.edges.len(),
        3,
        "a-b, a-c and b-c: the ties among the kept nodes"
    );
    let with_e = map.most_central(3, &HashSet::from([id(5)]));
    assert_eq!(with_e.nodes.len(), 4, "e is kept because it was asked for");
    assert_eq!(
        with_e.edges.len(),
        3,
        "e's only tie is to d, which is not on the map"
    );
    let unknown = map.most_central(3, &HashSet::from([id(99)]));
    assert_eq!(
        unknown.nodes.len(),
        3,
        "an id not in the graph adds nothing"
    );
}
