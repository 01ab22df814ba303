//! What one definition per figure costs the views that show them: the Today list, opening a
//! card, the card list and the manager's network, on a demo store of N cards (seed 1).
//!
//! ```sh
//! cargo run --release -p kring-core --example figures_benchmark -- 20000
//! ```
//!
//! The store is generated once into `target/kring-bench/figures-N` and reused. Each figure is
//! the median of five runs after a warm-up run.

use chrono::{TimeZone, Utc};
use kring_core::browse::CardList;
use kring_core::demo::{generate, DemoOptions};
use kring_core::manager::Network;
use kring_core::model::RecordKind;
use kring_core::store::{OpenOptions, Store};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(what: &str, mut f: impl FnMut() -> T) {
    f();
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    println!("{what:<58} {:>9.1} ms", median(runs).as_secs_f64() * 1000.0);
}

fn main() {
    let cards: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../target/kring-bench/figures-{cards}"));
    let fresh = !path.exists();
    let store = Store::open(&path, &OpenOptions::default()).expect("the store opens");
    if fresh {
        let start = Instant::now();
        generate(
            &store,
            &DemoOptions {
                cards,
                ..DemoOptions::default()
            },
            now,
        )
        .expect("the demo generates");
        println!(
            "generated {cards} cards in {:.1} s",
            start.elapsed().as_secs_f64()
        );
    }
    let relationships = store.all_of_kind(RecordKind::Relationship).unwrap().len();
    let interactions = store.all_of_kind(RecordKind::Interaction).unwrap().len();
    println!("{cards} cards, {relationships} relationships, {interactions} interactions");

    time("decode every relationship (what Today did before)", || {
        let mut n = 0;
        store
            .for_each_live_of_kind(RecordKind::Relationship, |state| {
                let r: kring_core::model::Relationship = kring_core::store::body_of(&state)?;
                n += usize::from(r.cadence_days.is_some());
                Ok(())
            })
            .unwrap();
        n
    });
    time(
        "read every interaction (what a manager's Today reads now besides)",
        || {
            let mut n = 0;
            store
                .for_each_live_of_kind(RecordKind::Interaction, |_| {
                    n += 1;
                    Ok(())
                })
                .unwrap();
            n
        },
    );
    time("identity groups", || store.identity_groups().unwrap());
    time("Today: going_cold_of(everyone, 100)", || {
        store.going_cold_of(None, 100, now).unwrap().1
    });
    let busiest = {
        let mut count = std::collections::HashMap::new();
        for state in store.all_of_kind(RecordKind::Relationship).unwrap() {
            let r: kring_core::model::Relationship = kring_core::store::body_of(&state).unwrap();
            *count.entry(r.networker).or_insert(0) += 1;
        }
        count.into_iter().max_by_key(|(_, n)| *n).unwrap().0
    };
    time(
        "a networker's Today: going_cold_of(the busiest, 100)",
        || store.going_cold_of(Some(busiest), 100, now).unwrap().1,
    );
    time("card list: CardList::build", || {
        CardList::build(&store, now).unwrap()
    });
    time("the manager's network: Network::load", || {
        Network::load(&store, now).unwrap().relationships.len()
    });
    let people: Vec<_> = store
        .all_of_kind(RecordKind::Person)
        .unwrap()
        .into_iter()
        .step_by((cards / 50).max(1))
        .map(|s| kring_core::model::RecordId(s.id))
        .take(50)
        .collect();
    time(
        "open 50 people's cards one after another: card_detail",
        || {
            for id in &people {
                store.card_detail(*id, now).unwrap();
            }
        },
    );
    let networker = store.profile().unwrap().unwrap().networker;
    time("open a networker's card: card_detail", || {
        store.card_detail(networker, now).unwrap()
    });
}
