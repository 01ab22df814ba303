//! Convergence of replicas exchanging bundles: random operations on 3–5 stores of one organisation
//! (with clock skew, private and summary records), random exchanges in
//! random orders and groupings with re-imports; afterwards every store prints the same digest, and
//! every value a store wrote to a card that is still shared is still there: current, in conflict,
//! or in its history. (A card its owner made private is withdrawn: colleagues' edits of it are
//! not kept, by design.) A bundle with changes dated more than a day ahead is refused until the
//! importer's clock catches up, so the settling rounds run four days later, clocks set right.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::model::{Person, RecordId, Role, SameAs, Visibility};
use kring_core::store::{OpenOptions, Store};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

mod common;

/// Imports files into a store, leaving out the store's own; a bundle dated more than a day ahead
/// of the importer's (skewed) clock is refused, which is what must happen. Returns whether it
/// imported.
fn import_or_clock_ahead(
    store: &Store,
    files: &[PathBuf],
    now: DateTime<Utc>,
) -> Result<bool, TestCaseError> {
    let own = store.node_id();
    let files: Vec<PathBuf> = files
        .iter()
        .filter(|f| {
            kring_core::sync::bundle::open_bundle(f)
                .map(|r| r.header.author_node != own)
                .unwrap_or(true)
        })
        .cloned()
        .collect();
    if files.is_empty() {
        return Ok(false);
    }
    match store.import_bundles(&files, false, now) {
        Ok(_) => Ok(true),
        Err(e) if e.code() == "clock_ahead" => Ok(false),
        Err(e) => Err(TestCaseError::fail(format!("import failed: {e}"))),
    }
}

const NAMES: &[&str] = &[
    "Jan Peeters",
    "Zoë Dubois",
    "Søren Öztürk",
    "An Maes",
    "Lieve Claes",
];
const TAGS: &[&str] = &["haven", "klimaat", "eu"];

#[derive(Clone, Debug)]
enum Step {
    Add {
        replica: usize,
        name: usize,
        visibility: u8,
    },
    Rename {
        replica: usize,
        card: usize,
        name: usize,
    },
    Tag {
        replica: usize,
        card: usize,
        tag: usize,
        add: bool,
    },
    Delete {
        replica: usize,
        card: usize,
    },
    Visibility {
        replica: usize,
        card: usize,
        visibility: u8,
    },
    SameAs {
        replica: usize,
        a: usize,
        b: usize,
    },
    Skew {
        replica: usize,
        hours: i64,
    },
    Exchange {
        from: usize,
        to: usize,
        full: bool,
    },
    Group {
        to: usize,
        files: Vec<usize>,
    },
    Reimport {
        to: usize,
        file: usize,
    },
}

fn step(replicas: usize) -> impl Strategy<Value = Step> {
    let r = 0..replicas;
    prop_oneof![
        3 => (r.clone(), 0..NAMES.len(), 0..3u8).prop_map(|(replica, name, visibility)| Step::Add { replica, name, visibility }),
        3 => (r.clone(), 0..12usize, 0..NAMES.len()).prop_map(|(replica, card, name)| Step::Rename { replica, card, name }),
        2 => (r.clone(), 0..12usize, 0..TAGS.len(), any::<bool>()).prop_map(|(replica, card, tag, add)| Step::Tag { replica, card, tag, add }),
        1 => (r.clone(), 0..12usize).prop_map(|(replica, card)| Step::Delete { replica, card }),
        1 => (r.clone(), 0..12usize, 0..3u8).prop_map(|(replica, card, visibility)| Step::Visibility { replica, card, visibility }),
        1 => (r.clone(), 0..12usize, 0..12usize).prop_map(|(replica, a, b)| Step::SameAs { replica, a, b }),
        1 => (r.clone(), -72..72i64).prop_map(|(replica, hours)| Step::Skew { replica, hours }),
        4 => (r.clone(), r.clone(), any::<bool>()).prop_map(|(from, to, full)| Step::Exchange { from, to, full }),
        1 => (r.clone(), proptest::collection::vec(0..40usize, 1..4)).prop_map(|(to, files)| Step::Group { to, files }),
        1 => (r, 0..40usize).prop_map(|(to, file)| Step::Reimport { to, file }),
    ]
}

fn visibility(code: u8) -> Visibility {
    match code {
        0 => Visibility::Shared,
        1 => Visibility::Summary,
        _ => Visibility::Private,
    }
}

struct Replica {
    store: Store,
    skew: Duration,
    /// (record, field, value JSON) of every value this replica wrote.
    written: Vec<(RecordId, String, serde_json::Value)>,
}

fn open(path: &Path) -> Store {
    Store::open(
        path,
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .expect("store opens")
}

/// Every live or deleted card this replica knows, in a stable order.
fn known_cards(store: &Store) -> Vec<RecordId> {
    let mut ids = Vec::new();
    store
        .for_each_state(|state| {
            if state.kind == "person" {
                ids.push(RecordId(state.id));
            }
            Ok(())
        })
        .unwrap();
    ids
}

fn exchange_files(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    from: &Replica,
    full: bool,
    now: DateTime<Utc>,
) -> PathBuf {
    let path = dir.join(format!("bundle-{}.kring", files.len()));
    // Plain: replicas hand files to each other directly, not only to the manager (a sealed
    // networker's export opens for managers only).
    from.store
        .export_bundle_with(&path, full, true, now)
        .expect("export works");
    files.push(path.clone());
    path
}

fn run(replica_count: usize, steps: Vec<Step>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let start = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let mut clock = start;
    let mut replicas: Vec<Replica> = Vec::new();
    for n in 0..replica_count {
        let path = dir.path().join(format!("replica-{n}"));
        let store = open(&path);
        let role = if n == 0 {
            Role::Manager
        } else {
            Role::Networker
        };
        store
            .init(
                &format!("Replica {n}"),
                &format!("r{n}@kring.example"),
                role,
                start,
            )
            .unwrap();
        replicas.push(Replica {
            store,
            skew: Duration::zero(),
            written: Vec::new(),
        });
    }
    // One organisation: replica 0 is its manager, the others are enrolled, and all know the
    // roster (they exchange bundles directly too).
    let others: Vec<&Store> = replicas.iter().skip(1).map(|r| &r.store).collect();
    for other in &others {
        common::enrol(&replicas[0].store, other, Role::Networker, start);
    }
    let roster = dir.path().join("roster.kring");
    replicas[0]
        .store
        .export_bundle(&roster, true, start)
        .unwrap();
    for other in &others {
        other
            .import_bundles(std::slice::from_ref(&roster), false, start)
            .unwrap();
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for step in steps {
        clock += Duration::seconds(7);
        match step {
            Step::Add {
                replica,
                name,
                visibility: v,
            } => {
                let r = &mut replicas[replica];
                let now = clock + r.skew;
                let person = Person {
                    display_name: NAMES[name].into(),
                    ..Person::default()
                };
                let id = r.store.create(&person, Some(visibility(v)), now).unwrap();
                r.written
                    .push((id, "display_name".into(), serde_json::json!(NAMES[name])));
            }
            Step::Rename {
                replica,
                card,
                name,
            } => {
                let r = &mut replicas[replica];
                let cards = known_cards(&r.store);
                let Some(id) = cards.get(card % cards.len().max(1)).copied() else {
                    continue;
                };
                let now = clock + r.skew;
                if r.store
                    .set_fields(id, &[("display_name".into(), NAMES[name].into())], now)
                    .is_ok()
                {
                    r.written
                        .push((id, "display_name".into(), serde_json::json!(NAMES[name])));
                }
            }
            Step::Tag {
                replica,
                card,
                tag,
                add,
            } => {
                let r = &mut replicas[replica];
                let cards = known_cards(&r.store);
                let Some(id) = cards.get(card % cards.len().max(1)).copied() else {
                    continue;
                };
                let Ok(Some(mut person)) = r.store.get::<Person>(id) else {
                    continue;
                };
                let tags_before = person.tags.clone();
                person.tags.retain(|t| t != TAGS[tag]);
                if add {
                    person.tags.push(TAGS[tag].into());
                }
                let now = clock + r.skew;
                // A card this replica knows only as a retraction (no name) cannot be edited.
                if person.display_name.is_empty() {
                    prop_assert!(r.store.update(id, &person, now).is_err());
                    continue;
                }
                // Nor can the tags of a colleague's card they share only as a summary: tags are
                // not part of it, so they would never leave this replica.
                let state = r.store.state(id).unwrap().unwrap();
                let me = r.store.require_profile().unwrap().networker;
                if kring_core::sync::visibility_of(&state) != Visibility::Shared
                    && kring_core::trust::rights::owner_of(&state) != Some(me)
                    && person.tags != tags_before
                {
                    prop_assert!(r.store.update(id, &person, now).is_err());
                    continue;
                }
                r.store.update(id, &person, now).unwrap();
            }
            Step::Delete { replica, card } => {
                let r = &mut replicas[replica];
                let cards = known_cards(&r.store);
                let Some(id) = cards.get(card % cards.len().max(1)).copied() else {
                    continue;
                };
                let now = clock + r.skew;
                let _ = r.store.delete(id, now);
            }
            Step::Visibility {
                replica,
                card,
                visibility: v,
            } => {
                let r = &mut replicas[replica];
                let cards = known_cards(&r.store);
                let Some(id) = cards.get(card % cards.len().max(1)).copied() else {
                    continue;
                };
                let now = clock + r.skew;
                let _ = r.store.set_visibility(id, visibility(v), now);
            }
            Step::SameAs { replica, a, b } => {
                let r = &mut replicas[replica];
                let cards = known_cards(&r.store);
                if cards.len() < 2 {
                    continue;
                }
                let (a, b) = (cards[a % cards.len()], cards[b % cards.len()]);
                if a == b {
                    continue;
                }
                let now = clock + r.skew;
                let _ = r.store.create_with_id(
                    RecordId::for_same_as(a, b),
                    &SameAs { a, b, same: true },
                    Some(Visibility::Shared),
                    now,
                );
            }
            Step::Skew { replica, hours } => replicas[replica].skew = Duration::hours(hours),
            Step::Exchange { from, to, full } => {
                let now = clock + replicas[from].skew;
                let path = exchange_files(dir.path(), &mut files, &replicas[from], full, now);
                let now = clock + replicas[to].skew;
                import_or_clock_ahead(&replicas[to].store, &[path], now)?;
            }
            Step::Group { to, files: picks } => {
                if files.is_empty() {
                    continue;
                }
                let group: Vec<PathBuf> = picks
                    .iter()
                    .map(|p| files[p % files.len()].clone())
                    .collect();
                let now = clock + replicas[to].skew;
                import_or_clock_ahead(&replicas[to].store, &group, now)?;
            }
            Step::Reimport { to, file } => {
                if files.is_empty() {
                    continue;
                }
                let path = files[file % files.len()].clone();
                let now = clock + replicas[to].skew;
                if !import_or_clock_ahead(&replicas[to].store, std::slice::from_ref(&path), now)? {
                    continue;
                }
                let digest = replicas[to].store.digest().unwrap();
                let twice = replicas[to]
                    .store
                    .import_bundles(&[path], false, now)
                    .unwrap();
                prop_assert_eq!(
                    twice.added + twice.changed,
                    0,
                    "importing the same file twice changes nothing the second time"
                );
                prop_assert_eq!(replicas[to].store.digest().unwrap(), digest);
            }
        }
    }
    // Settle, four days later with every clock set right: everyone sends a full export to
    // everyone, twice (so what one learned reaches all).
    clock += Duration::days(4);
    for replica in &mut replicas {
        replica.skew = Duration::zero();
    }
    for _round in 0..2 {
        clock += Duration::minutes(1);
        let mut round_files = Vec::new();
        for replica in &replicas {
            round_files.push(exchange_files(
                dir.path(),
                &mut files,
                replica,
                true,
                clock + replica.skew,
            ));
        }
        for (n, replica) in replicas.iter().enumerate() {
            let others: Vec<PathBuf> = round_files
                .iter()
                .enumerate()
                .filter(|(m, _)| *m != n)
                .map(|(_, p)| p.clone())
                .collect();
            prop_assert!(import_or_clock_ahead(
                &replica.store,
                &others,
                clock + replica.skew
            )?);
        }
    }
    let digests: Vec<String> = replicas.iter().map(|r| r.store.digest().unwrap()).collect();
    if std::env::var_os("KRING_DEBUG_CONVERGENCE").is_some() {
        let views: Vec<std::collections::BTreeMap<uuid::Uuid, String>> = replicas
            .iter()
            .map(|r| {
                let mut view = std::collections::BTreeMap::new();
                r.store
                    .for_each_state(|s| {
                        if let Some(p) = kring_core::sync::shareable_projection(&s) {
                            view.insert(s.id, format!("{p:?}"));
                        }
                        Ok(())
                    })
                    .unwrap();
                view
            })
            .collect();
        for (n, view) in views.iter().enumerate().skip(1) {
            for (id, text) in view {
                if views[0].get(id) != Some(text) {
                    eprintln!(
                        "DIFF replica {n} {id}: {text}\n   replica 0: {:?}",
                        views[0].get(id)
                    );
                }
            }
            for id in views[0].keys() {
                if !view.contains_key(id) {
                    eprintln!("DIFF replica {n} lacks {id}");
                }
            }
        }
    }
    for digest in &digests[1..] {
        prop_assert_eq!(digest, &digests[0], "every replica converges to one digest");
    }
    // Nothing a replica wrote is lost without trace.
    for (n, replica) in replicas.iter().enumerate() {
        for (id, field, value) in &replica.written {
            let state = replica
                .store
                .state(*id)
                .unwrap()
                .expect("a record a replica wrote is still there");
            if kring_core::sync::visibility_of(&state) != Visibility::Shared {
                continue;
            }
            let in_register = state
                .fields
                .get(field)
                .is_some_and(|r| r.versions().iter().any(|v| v.json() == *value));
            let in_history = replica
                .store
                .history(*id)
                .unwrap()
                .iter()
                .any(|(f, _, v)| f == field && v == value);
            prop_assert!(
                in_register || in_history,
                "replica {} lost {} = {} of {}",
                n,
                field,
                value,
                id
            );
        }
        let report = replica.store.check(false, clock).unwrap();
        prop_assert!(
            report.is_clean(),
            "indexes of replica {} drifted: {:?}",
            n,
            report
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, max_shrink_iters: 200, .. ProptestConfig::default() })]

    #[test]
    fn replicas_exchanging_bundles_in_any_order_converge_and_lose_nothing(
        (replica_count, steps) in (3usize..=5).prop_flat_map(|n| (Just(n), proptest::collection::vec(step(n), 5..45))),
    ) {
        run(replica_count, steps)?;
    }
}
