//! One definition per figure: on the demo network (seed 1, a fixed `now`) every core entry point
//! that reports going cold, active relationships, single points of failure, sole contacts or
//! stakeholders known by nobody agrees with `kring_core::figures` computed directly over the
//! loaded network. Before the figures had one home the same store said: going cold 1,382 (Today)
//! and 1,161 (dashboard); single points of failure 1,144 (dashboard) and 976 (Insights); and a
//! networker who had left still counted as a key-person risk.

use chrono::{DateTime, TimeZone, Utc};
use kring_core::browse::{CardList, CardQuery};
use kring_core::demo::{self, DemoOptions};
use kring_core::figures::{self, Contacts, Reach, Standing};
use kring_core::graph::{GraphOptions, OrgGraph};
use kring_core::manager::kpi::KpiOptions;
use kring_core::manager::offboard::HandoverRisk;
use kring_core::manager::Network;
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use kring_i18n::Language;
use std::collections::{BTreeMap, BTreeSet, HashMap};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// The figures computed straight from the definitions.
struct Expected {
    standing: HashMap<RecordId, Standing>,
    reach: Reach,
    stakeholders: BTreeSet<RecordId>,
    /// Relationship id → (networker, canonical stakeholder).
    ends: HashMap<RecordId, (RecordId, RecordId)>,
    left: BTreeSet<RecordId>,
}

impl Expected {
    fn of(network: &Network) -> Expected {
        let contacts = Contacts::build(network);
        let mut standing = HashMap::new();
        let mut reach = Reach::default();
        let mut ends = HashMap::new();
        for item in &network.relationships {
            let s = figures::standing_in(network, &contacts, item, now());
            let stakeholder = network.canonical(item.body.stakeholder);
            reach.add(item.body.networker, stakeholder, s);
            standing.insert(item.id, s);
            ends.insert(item.id, (item.body.networker, stakeholder));
        }
        Expected {
            standing,
            reach,
            stakeholders: figures::stakeholders(network),
            ends,
            left: network
                .networkers
                .keys()
                .copied()
                .filter(|n| network.has_left(*n))
                .collect(),
        }
    }

    fn going_cold(&self) -> BTreeSet<RecordId> {
        self.standing
            .iter()
            .filter(|(_, s)| s.going_cold)
            .map(|(id, _)| *id)
            .collect()
    }

    fn going_cold_of(&self, networker: RecordId) -> usize {
        self.going_cold()
            .iter()
            .filter(|id| self.ends[id].0 == networker)
            .count()
    }

    fn single_points_of_failure(&self) -> usize {
        self.stakeholders
            .iter()
            .filter(|s| self.reach.is_single_point_of_failure(**s))
            .count()
    }

    fn known_by_nobody(&self) -> usize {
        self.stakeholders
            .iter()
            .filter(|s| self.reach.is_known_by_nobody(**s))
            .count()
    }

    fn sole_contact_for(&self, networker: RecordId) -> usize {
        self.reach
            .sole_contacts()
            .get(&networker)
            .map_or(0, Vec::len)
    }
}

/// The demo network as a manager's store, with one identity group planted: two cards of one
/// person that the same networker knows both of (so "each once" is tested).
fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s"), &OpenOptions::default()).unwrap();
    demo::generate(&store, &DemoOptions::default(), now()).unwrap();
    let network = Network::load(&store, now()).unwrap();
    // A networker with current relationships with two people: say the two are one.
    let contacts = Contacts::build(&network);
    let mut by_networker: BTreeMap<RecordId, Vec<RecordId>> = BTreeMap::new();
    for item in &network.relationships {
        let person = network
            .cards
            .get(&item.body.stakeholder)
            .is_some_and(|c| c.kind == RecordKind::Person);
        if person && figures::standing_in(&network, &contacts, item, now()).current {
            by_networker
                .entry(item.body.networker)
                .or_default()
                .push(item.body.stakeholder);
        }
    }
    let pair = by_networker
        .values()
        .find(|people| people.len() >= 2)
        .unwrap();
    store
        .declare_same_as(pair[0], pair[1], true, now())
        .unwrap();
    (dir, store)
}

/// One demo store for every check: generating it takes most of the time.
#[test]
fn on_the_demo_network_every_entry_point_agrees_with_the_one_definition_of_each_figure() {
    let (_dir, store) = demo_store();
    let network = Network::load(&store, now()).unwrap();
    let expected = Expected::of(&network);
    kpis_today_insights_networkers_and_goals_agree(&store, &expected);
    the_card_list_and_every_card_agree(&store, &network, &expected);
    offboarding_never_proposes_a_colleague_who_left_and_names_namesakes_apart(
        &store, &network, &expected,
    );
}

fn kpis_today_insights_networkers_and_goals_agree(store: &Store, expected: &Expected) {
    let going_cold = expected.going_cold();
    // The demo network exercises every rule: something of each figure, networkers who left
    // with relationships that would otherwise count.
    assert!(going_cold.len() > 100, "{}", going_cold.len());
    assert!(!expected.left.is_empty());
    assert!(expected
        .ends
        .values()
        .any(|(networker, _)| expected.left.contains(networker)));
    assert!(expected.single_points_of_failure() > 100);
    assert!(expected.known_by_nobody() > 10);

    // The dashboard's KPIs (organisation, this month) and per networker.
    let report = store
        .kpi_report(
            now(),
            &KpiOptions {
                months: 1,
                per_networker: true,
            },
        )
        .unwrap();
    let month = report.organisation.months.last().unwrap();
    assert_eq!(
        month.going_cold as usize,
        going_cold.len(),
        "KPI going cold"
    );
    assert_eq!(
        month.active_relationships as usize,
        expected.standing.values().filter(|s| s.active).count(),
        "KPI active relationships"
    );
    assert_eq!(
        month.single_points_of_failure as usize,
        expected.single_points_of_failure(),
        "KPI single points of failure"
    );
    for scope in &report.networkers {
        let id = scope.scope.id.unwrap();
        assert_eq!(
            scope.months.last().unwrap().going_cold as usize,
            expected.going_cold_of(id),
            "KPI going cold of {}",
            scope.scope.name
        );
    }

    // Today (the CLI's `kring today` and the app's Today screen).
    let (shown, total) = store.going_cold_of(None, 100, now()).unwrap();
    assert_eq!(total, going_cold.len(), "Today's going cold");
    assert_eq!(shown.len(), 100);
    assert!(shown.iter().all(|r| going_cold.contains(&r.id)));
    let (_, today_total) = store.going_cold_today(10, now()).unwrap();
    assert_eq!(
        today_total,
        going_cold.len(),
        "a manager's Today counts all"
    );
    // A networker's Today reads only the interactions that may matter: the same answer.
    for networker in expected
        .ends
        .values()
        .map(|(n, _)| *n)
        .collect::<BTreeSet<_>>()
    {
        let (_, total) = store.going_cold_of(Some(networker), 5, now()).unwrap();
        assert_eq!(
            total,
            expected.going_cold_of(networker),
            "Today of {networker}"
        );
    }
    let all: BTreeSet<RecordId> = store
        .going_cold(now())
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(all, going_cold);

    // The organisation graph: Insights' key-person risk and health.
    let graph = OrgGraph::from_store(store, &GraphOptions::default(), now()).unwrap();
    let risk = graph.key_person_risk(None, 0).unwrap();
    assert_eq!(
        risk.single_networker as usize,
        expected.single_points_of_failure(),
        "Insights' known by one colleague"
    );
    assert_eq!(
        risk.unreached as usize,
        expected.known_by_nobody(),
        "Insights' known by nobody"
    );
    assert_eq!(risk.stakeholders as usize, expected.stakeholders.len());
    for loss in &risk.networkers {
        assert_eq!(
            (loss.sole_people + loss.sole_organisations) as usize,
            expected.sole_contact_for(loss.id),
            "Insights' sole contacts of {}",
            loss.name
        );
        if expected.left.contains(&loss.id) {
            assert_eq!(loss.reaches, 0, "{} left and knows nobody", loss.name);
        }
    }
    let health = graph.network_health();
    for networker in &health.networkers {
        assert_eq!(
            networker.health.going_cold as usize,
            expected.going_cold_of(networker.id),
            "Insights' going cold of {}",
            networker.name
        );
    }

    // The networker list (the dashboard's and offboarding's sole contacts).
    for summary in store.networker_list(now()).unwrap() {
        assert_eq!(
            summary.sole_contact_for as usize,
            expected.sole_contact_for(summary.id),
            "sole contact of {}",
            summary.label
        );
    }

    // Goal coverage: how many colleagues know each priority stakeholder.
    for goal in store.goal_views(now()).unwrap() {
        for row in goal.coverage.covered.iter().chain(&goal.coverage.uncovered) {
            assert_eq!(
                row.networkers as usize,
                expected.reach.count(row.stakeholder)
            );
        }
    }
}

fn the_card_list_and_every_card_agree(store: &Store, network: &Network, expected: &Expected) {
    // The card list's "going cold" filter: the stakeholders with a relationship going cold.
    let cold_cards: BTreeSet<RecordId> = expected
        .going_cold()
        .iter()
        .map(|id| expected.ends[id].1)
        .collect();
    let list = CardList::build(store, now()).unwrap();
    let page = list
        .query(
            store,
            &CardQuery {
                going_cold: true,
                limit: 100_000,
                ..CardQuery::default()
            },
        )
        .unwrap();
    let listed: BTreeSet<RecordId> = page.rows.iter().map(|r| r.id).collect();
    let differ: Vec<_> = listed.symmetric_difference(&cold_cards).take(5).collect();
    assert!(
        differ.is_empty(),
        "the card list's going cold: {} listed, {} expected, e.g. {differ:?}",
        listed.len(),
        cold_cards.len()
    );

    // Every card: its relationships' going cold, and who it knows or is known by, each once.
    for card in network.cards.keys() {
        let detail = store.card_detail(*card, now()).unwrap();
        for view in &detail.relationships {
            let standing = expected.standing.get(&view.id).copied().unwrap_or_default();
            assert_eq!(
                view.going_cold, standing.going_cold,
                "going cold of {} on the card of {}",
                view.id, detail.name
            );
        }
        let shown: Vec<RecordId> = detail.acquaintances.iter().map(|a| a.id).collect();
        let unique: BTreeSet<RecordId> = shown.iter().copied().collect();
        assert_eq!(unique.len(), shown.len(), "each once on {}", detail.name);
        let wanted: BTreeSet<RecordId> = if network.is_networker(*card) {
            expected
                .standing
                .iter()
                .filter(|(id, s)| s.current && expected.ends[id].0 == *card)
                .map(|(id, _)| expected.ends[id].1)
                .collect()
        } else {
            expected.reach.known_by(network.canonical(*card)).collect()
        };
        assert_eq!(unique, wanted, "who {} knows or is known by", detail.name);
    }
}

fn offboarding_never_proposes_a_colleague_who_left_and_names_namesakes_apart(
    store: &Store,
    network: &Network,
    expected: &Expected,
) {
    // Eight handovers (a dry run loads the whole network, a second each in a debug build).
    let staying = network
        .networkers
        .keys()
        .filter(|n| !expected.left.contains(n));
    for leaver in staying.take(8) {
        let plan = store
            .offboard(*leaver, &[], true, Language::English, now())
            .unwrap();
        for item in &plan.items {
            let stakeholder = network.canonical(item.stakeholder);
            let others = expected
                .reach
                .known_by(stakeholder)
                .filter(|n| n != leaver)
                .count();
            assert_eq!(
                item.risk == HandoverRisk::High,
                others == 0,
                "high risk is: no colleague knows {}",
                item.stakeholder_name
            );
            for candidate in &item.candidates {
                assert!(
                    !expected.left.contains(&candidate.networker),
                    "{} has left and is proposed for {}",
                    candidate.name,
                    item.stakeholder_name
                );
                assert_ne!(candidate.networker, *leaver);
            }
        }
    }
    // The demo has namesakes (one of whom left): every list names them apart.
    let summaries = store.networker_list(now()).unwrap();
    let labels: BTreeSet<&str> = summaries.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels.len(),
        summaries.len(),
        "every networker's label differs"
    );
    let names: BTreeSet<&str> = summaries.iter().map(|s| s.name.as_str()).collect();
    assert!(names.len() < summaries.len(), "the demo has namesakes");
}
