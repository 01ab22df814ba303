//! Search-as-you-type latency at 100,000 cards (issue goal: ≤ 10 ms per query).
//!
//! The store is the demo network (`kring demo --cards N`), generated once into
//! `target/kring-bench/search-N` and reused. Set `KRING_BENCH_CARDS` for another size or
//! `KRING_BENCH_STORE` to use an existing store. Run: `cargo bench -p kring-core --bench search`.

use chrono::{TimeZone, Utc};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kring_core::browse::{CardList, CardQuery};
use kring_core::demo::{generate, DemoOptions};
use kring_core::store::{OpenOptions, Store};
use std::path::PathBuf;

fn bench_store() -> (Store, usize) {
    let cards: usize = std::env::var("KRING_BENCH_CARDS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100_000);
    let path = std::env::var_os("KRING_BENCH_STORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../../target/kring-bench/search-{cards}"))
        });
    let store = Store::open(&path, &OpenOptions::default()).expect("bench store opens");
    if store.profile().expect("profile readable").is_none() {
        eprintln!(
            "generating a demo store of {cards} cards in {} (once)…",
            path.display()
        );
        let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        generate(
            &store,
            &DemoOptions {
                seed: 1,
                cards,
                ..DemoOptions::default()
            },
            now,
        )
        .expect("demo generates");
    }
    (store, cards)
}

const QUERIES: &[&str] = &[
    "muller",
    "jan w",
    "port",
    "van den broeck",
    "klimaat haven",
    "e",
];

fn search(c: &mut Criterion) {
    let (store, cards) = bench_store();
    // The term file, as the app and the command line search (built here by the first load).
    let started = std::time::Instant::now();
    store.load_search_index().expect("index loads");
    eprintln!("loading the search index took {:?}", started.elapsed());
    let mut group = c.benchmark_group(format!("search_{cards}_cards"));
    for query in QUERIES {
        group.bench_function(*query, |b| {
            b.iter(|| store.search(black_box(query), 20).expect("search works"))
        });
    }
    group.finish();
    // The app's list: what one keystroke in the card list costs on the Rust side (the search, the
    // filters and the first page of 200 rows), and an unfiltered scroll page.
    let started = std::time::Instant::now();
    let list = CardList::build(&store, Utc::now()).expect("card list builds");
    eprintln!(
        "building the card list ({} rows) took {:?}",
        list.len(),
        started.elapsed()
    );
    let mut group = c.benchmark_group(format!("card_list_{cards}_cards"));
    for query in QUERIES {
        group.bench_function(format!("search page: {query}"), |b| {
            let query = CardQuery {
                text: query.to_string(),
                limit: 200,
                ..CardQuery::default()
            };
            b.iter(|| list.query(&store, black_box(&query)).expect("query works"))
        });
    }
    group.bench_function("page 250 of all cards", |b| {
        let query = CardQuery {
            offset: 50_000,
            limit: 200,
            ..CardQuery::default()
        };
        b.iter(|| list.query(&store, black_box(&query)).expect("query works"))
    });
    group.bench_function("organisations, regional, going cold", |b| {
        let query = CardQuery {
            kind: Some(kring_core::model::RecordKind::Organisation),
            level: Some(kring_core::model::Level::Regional),
            going_cold: true,
            limit: 200,
            ..CardQuery::default()
        };
        b.iter(|| list.query(&store, black_box(&query)).expect("query works"))
    });
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
