//! Model-based property test of the store, after sled's own: random operations, including
//! closing and reopening the store, checked after every step against an in-memory model.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::model::{Person, RecordId, Role, Visibility};
use kring_core::store::{OpenOptions, Store};
use kring_core::text;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const NAMES: &[&str] = &[
    "Jan-Willem Peeters",
    "Zoë Dubois",
    "Søren Öztürk",
    "Amélie Van den Broeck",
    "Müller",
    "Jean-François Lefèvre",
];
const TAGS: &[&str] = &["haven", "klimaat", "onderwijs"];

#[derive(Clone, Debug)]
enum Operation {
    Create {
        name: usize,
        tags: Vec<usize>,
        private: bool,
    },
    Rename {
        target: usize,
        name: usize,
    },
    Tag {
        target: usize,
        tag: usize,
    },
    Untag {
        target: usize,
        tag: usize,
    },
    Delete {
        target: usize,
    },
    InvalidEmail {
        target: usize,
    },
    /// Closes and opens the store; `save` writes the term file first, as the app does at exit.
    Reopen {
        save: bool,
    },
}

fn operation() -> impl Strategy<Value = Operation> {
    prop_oneof![
        3 => (0..NAMES.len(), proptest::collection::vec(0..TAGS.len(), 0..3), any::<bool>())
            .prop_map(|(name, tags, private)| Operation::Create { name, tags, private }),
        2 => (0..8usize, 0..NAMES.len()).prop_map(|(target, name)| Operation::Rename { target, name }),
        2 => (0..8usize, 0..TAGS.len()).prop_map(|(target, tag)| Operation::Tag { target, tag }),
        1 => (0..8usize, 0..TAGS.len()).prop_map(|(target, tag)| Operation::Untag { target, tag }),
        1 => (0..8usize).prop_map(|target| Operation::Delete { target }),
        1 => (0..8usize).prop_map(|target| Operation::InvalidEmail { target }),
        1 => any::<bool>().prop_map(|save| Operation::Reopen { save }),
    ]
}

#[derive(Clone, Debug, PartialEq)]
struct ModelCard {
    name: String,
    tags: BTreeSet<String>,
    live: bool,
}

fn open(path: &std::path::Path) -> Store {
    Store::open(
        path,
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .expect("store opens")
}

/// The cards a query must find, by the model: every word of the query is a prefix of a word of
/// the card's name or tags.
fn expected_hits(model: &BTreeMap<RecordId, ModelCard>, query: &str) -> BTreeSet<RecordId> {
    let query_words: Vec<String> = text::words(query).collect();
    model
        .iter()
        .filter(|(_, card)| card.live)
        .filter(|(_, card)| {
            let mut words: Vec<String> = text::words(&card.name).collect();
            for tag in &card.tags {
                words.extend(text::words(tag));
            }
            query_words
                .iter()
                .all(|q| words.iter().any(|w| w.starts_with(q.as_str())))
        })
        .map(|(id, _)| *id)
        .collect()
}

fn verify(store: &Store, model: &BTreeMap<RecordId, ModelCard>, now: DateTime<Utc>) {
    for (id, card) in model {
        let stored: Option<Person> = store.get(*id).expect("reads");
        match (card.live, stored) {
            (true, Some(person)) => {
                assert_eq!(person.display_name, card.name);
                let tags: BTreeSet<String> = person.tags.into_iter().collect();
                assert_eq!(tags, card.tags);
            }
            (false, None) => {}
            (live, stored) => panic!("card {id}: model live={live}, store has {stored:?}"),
        }
    }
    let live = model.values().filter(|c| c.live).count();
    let listed = store.list_cards(&Default::default()).expect("lists");
    assert_eq!(
        listed.len(),
        live,
        "the card list shows exactly the live cards"
    );
    for query in [
        "jan",
        "zoe",
        "muller",
        "van den",
        "jean f",
        "hav",
        "klim onder",
        "so oz",
    ] {
        let found: BTreeSet<RecordId> = store
            .search(query, 1000)
            .expect("searches")
            .into_iter()
            .map(|h| h.id)
            .collect();
        // The owner's networker card matches nothing in this query set.
        assert_eq!(found, expected_hits(model, query), "search '{query}'");
    }
    let report = store.check(false, now).expect("checks");
    assert!(report.is_clean(), "indexes drifted: {report:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn the_store_matches_a_model_through_random_operations_and_reopening(
        operations in proptest::collection::vec(operation(), 1..40),
        search_in_memory in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let mut now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let mut store = open(&path);
        store.init("Tester", "tester@kring.example", Role::Networker, now).unwrap();
        // Half the cases search the term file kept in step by commits, half scan sled.
        if search_in_memory {
            store.load_search_index().unwrap();
        }
        let mut model: BTreeMap<RecordId, ModelCard> = BTreeMap::new();
        let mut ids: Vec<RecordId> = Vec::new();
        for operation in operations {
            now += Duration::seconds(1);
            match operation {
                Operation::Create { name, tags, private } => {
                    let tags: BTreeSet<String> = tags.iter().map(|t| TAGS[*t].to_owned()).collect();
                    let person = Person { display_name: NAMES[name].into(), tags: tags.iter().cloned().collect(), ..Person::default() };
                    let visibility = if private { Visibility::Private } else { Visibility::Shared };
                    let id = store.create(&person, Some(visibility), now).unwrap();
                    model.insert(id, ModelCard { name: NAMES[name].into(), tags, live: true });
                    ids.push(id);
                }
                Operation::Rename { target, name } => {
                    let Some(id) = ids.get(target).copied() else { continue };
                    let result = store.set_fields(id, &[("display_name".into(), NAMES[name].into())], now);
                    if model[&id].live {
                        result.unwrap();
                        model.get_mut(&id).unwrap().name = NAMES[name].into();
                    } else {
                        prop_assert!(result.is_err(), "editing a deleted card fails");
                    }
                }
                Operation::Tag { target, tag } | Operation::Untag { target, tag } => {
                    let Some(id) = ids.get(target).copied() else { continue };
                    if !model[&id].live {
                        continue;
                    }
                    let mut person: Person = store.get(id).unwrap().unwrap();
                    let card = model.get_mut(&id).unwrap();
                    if matches!(operation, Operation::Tag { .. }) {
                        card.tags.insert(TAGS[tag].into());
                    } else {
                        card.tags.remove(TAGS[tag]);
                    }
                    person.tags = card.tags.iter().cloned().collect();
                    store.update(id, &person, now).unwrap();
                }
                Operation::Delete { target } => {
                    let Some(id) = ids.get(target).copied() else { continue };
                    let result = store.delete(id, now);
                    if model[&id].live {
                        result.unwrap();
                        model.get_mut(&id).unwrap().live = false;
                    } else {
                        prop_assert!(result.is_err());
                    }
                }
                Operation::InvalidEmail { target } => {
                    let Some(id) = ids.get(target).copied() else { continue };
                    let result = store.set_fields(id, &[("emails".into(), "not-an-email".into())], now);
                    prop_assert!(result.is_err(), "an invalid email is refused");
                }
                Operation::Reopen { save } => {
                    if save {
                        store.save_search_index().unwrap();
                    }
                    drop(store);
                    store = open(&path);
                    if search_in_memory {
                        store.load_search_index().unwrap();
                    }
                }
            }
            verify(&store, &model, now);
        }
    }
}

#[test]
fn the_clock_stays_monotonic_across_reopening_even_when_the_wall_clock_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let later = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
    let earlier = later - Duration::hours(3);
    let store = open(&path);
    store
        .init("Tester", "tester@kring.example", Role::Networker, later)
        .unwrap();
    let first = store
        .create(
            &Person {
                display_name: "A".into(),
                ..Person::default()
            },
            None,
            later,
        )
        .unwrap();
    let first_stamp = store.state(first).unwrap().unwrap().max_stamp().unwrap();
    drop(store);
    let store = open(&path);
    let second = store
        .create(
            &Person {
                display_name: "B".into(),
                ..Person::default()
            },
            None,
            earlier,
        )
        .unwrap();
    let second_stamp = store.state(second).unwrap().unwrap().max_stamp().unwrap();
    assert!(
        second_stamp > first_stamp,
        "{second_stamp} must order after {first_stamp}"
    );
    assert_eq!(
        second_stamp.node, first_stamp.node,
        "the same folder keeps its node id"
    );
}

#[test]
fn a_copied_store_folder_takes_a_new_node_id() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("original");
    let store = open(&original);
    let node = store.node_id();
    drop(store);
    let copy = dir.path().join("copy");
    std::fs::create_dir_all(&copy).unwrap();
    for entry in walk(&original) {
        let target = copy.join(entry.strip_prefix(&original).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
    let copied = open(&copy);
    assert_ne!(
        copied.node_id(),
        node,
        "a copy must not write under the original's node id"
    );
    assert_eq!(copied.node_renewed_from, Some(node));
    drop(copied);
    assert_eq!(open(&original).node_id(), node, "the original keeps its id");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_job_change_keeps_the_old_affiliation_in_the_history() {
    use kring_core::model::{Affiliation, Organisation};
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir.path().join("store"));
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
    store
        .init("Tester", "tester@kring.example", Role::Networker, now)
        .unwrap();
    let old = store
        .create(
            &Organisation {
                name: "KU Leuven".into(),
                ..Organisation::default()
            },
            None,
            now,
        )
        .unwrap();
    let new = store
        .create(
            &Organisation {
                name: "Universiteit Gent".into(),
                ..Organisation::default()
            },
            None,
            now,
        )
        .unwrap();
    let person = store
        .create_person(
            &Person {
                display_name: "Hanne Claes".into(),
                ..Person::default()
            },
            Some(old),
            Some("onderzoeker"),
            None,
            now,
        )
        .unwrap();
    let detail = store.card_detail(person, now).unwrap();
    let first = detail.affiliations[0].id;
    let mut ended: Affiliation = store.get(first).unwrap().unwrap();
    ended.from = Some(now.date_naive() - Duration::days(900));
    ended.to = Some(now.date_naive() - Duration::days(1));
    store.update(first, &ended, now).unwrap();
    store
        .create(
            &Affiliation {
                person,
                organisation: new,
                title: Some("professor".into()),
                from: Some(now.date_naive()),
                to: None,
            },
            None,
            now,
        )
        .unwrap();
    let detail = store.card_detail(person, now).unwrap();
    assert_eq!(detail.affiliations.len(), 2);
    assert_eq!(
        detail.affiliations[0].organisation_name,
        "Universiteit Gent"
    );
    assert!(detail.affiliations[0].current);
    assert!(
        !detail.affiliations[1].current,
        "the old job stays, marked past"
    );
    let hits = store.search("gent hanne", 5).unwrap();
    assert_eq!(
        hits[0].id, person,
        "a person is found by their current organisation"
    );
}
