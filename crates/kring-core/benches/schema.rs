//! Checking every field of 100,000 realistic records against the schema table: what the import
//! path pays per record when it holds every incoming version and set element to its field's type.
//!
//! The records are the demo network (`kring demo --cards N`, with the Manager of the Network's
//! goals, teams, partnerships, reviews and events), generated once into
//! `target/kring-bench/schema-N` and reused; the first 100,000 records by id are read into memory
//! and checked with `schema::check_record` (every register version, every present set element)
//! and, for comparison, with the per-value calls the import makes (`check_field_bytes`,
//! `check_element_bytes`). Set `KRING_BENCH_CARDS` for another size. Run:
//! `cargo bench -p kring-core --bench schema`.

use chrono::{TimeZone, Utc};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kring_core::crdt::RecordState;
use kring_core::demo::{generate, DemoOptions};
use kring_core::schema::{check_element_bytes, check_field_bytes, check_record};
use kring_core::store::{OpenOptions, Store};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RECORDS: usize = 100_000;

fn records() -> Vec<RecordState> {
    let cards: usize = std::env::var("KRING_BENCH_CARDS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(12_000);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../target/kring-bench/schema-{cards}"));
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
    let mut states = Vec::with_capacity(RECORDS);
    store
        .for_each_state(|state| {
            if states.len() < RECORDS {
                states.push(state);
            }
            Ok(())
        })
        .expect("records read");
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut values = 0;
    for state in &states {
        *kinds.entry(state.kind.as_str()).or_default() += 1;
        values += state
            .fields
            .values()
            .map(|r| r.versions().len())
            .sum::<usize>();
        values += state
            .sets
            .values()
            .map(|s| s.present().count())
            .sum::<usize>();
    }
    eprintln!(
        "{} records, {values} values to check: {kinds:?}",
        states.len()
    );
    states
}

fn schema(c: &mut Criterion) {
    let states = records();
    let invalid: usize = states.iter().map(|s| check_record(s).len()).sum();
    assert_eq!(invalid, 0, "the demo network is valid");
    let mut group = c.benchmark_group(format!("schema_{}_records", states.len()));
    group.sample_size(10);
    group.throughput(Throughput::Elements(states.len() as u64));
    group.bench_function("check_record", |b| {
        b.iter(|| {
            for state in &states {
                black_box(check_record(black_box(state)));
            }
        })
    });
    group.bench_function("check_field_bytes and check_element_bytes", |b| {
        b.iter(|| {
            for state in &states {
                for (name, register) in &state.fields {
                    for version in register.versions() {
                        black_box(check_field_bytes(&state.kind, name, &version.value)).ok();
                    }
                }
                for (name, set) in &state.sets {
                    for element in set.present() {
                        black_box(check_element_bytes(&state.kind, name, element)).ok();
                    }
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, schema);
criterion_main!(benches);
