//! The merge benchmark of the sync issue: N networker exports of M cards each, merged into one
//! store, against the time to merely read and decode the same bundles.
//!
//! The workload follows the sync prototype's: 50 networkers × 2,000 cards drawn from an
//! organisation-wide pool so that neighbours share 27 % of their cards (540 of 2,000) (73,000 distinct cards in all), about
//! 7.6 interactions per card, and the shared cards written by both neighbours concurrently (some
//! fields with different values, which become conflicts).
//!
//! Phases run as separate processes so each one's peak memory can be measured
//! (`scripts/bench-merge.sh` does that):
//!
//! ```text
//! cargo run --release -p kring-core --example merge_benchmark -- generate DIR [NETWORKERS] [CARDS]
//! cargo run --release -p kring-core --example merge_benchmark -- decode DIR
//! cargo run --release -p kring-core --example merge_benchmark -- memory DIR
//! cargo run --release -p kring-core --example merge_benchmark -- merge DIR STORE
//! ```

use chrono::{TimeZone, Utc};
use kring_core::clock::{Hlc, NodeId, Stamp};
use kring_core::crdt::RecordState;
use kring_core::model::{RecordId, Role};
use kring_core::store::{OpenOptions, Store};
use kring_core::sync::bundle::{self, BundleHeader, BundleKind};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};
use std::time::Instant;

// The allocator of the `kring` binary and the app, so the figures are theirs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Of each networker's cards, the share (in %) that the next networker also has: 540 of 2,000.
const SHARED_WITH_NEIGHBOUR_PERCENT: usize = 27;
const INTERACTIONS_PER_CARD: f64 = 7.6;

fn json(value: serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(&value).unwrap()
}

fn card_id(n: usize) -> uuid::Uuid {
    uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 | n as u128)
}

fn networker_card(n: usize) -> RecordId {
    RecordId(uuid::Uuid::from_u128(
        0x0190_0000_0000_7000_9000_0000_0000_0000 | n as u128,
    ))
}

fn node_of(n: usize) -> NodeId {
    NodeId(1_000 + n as u64)
}

/// Each networker's signing key, derived from its number, so the merge can enrol it.
fn key_of(n: usize) -> ed25519_dalek::SigningKey {
    let seed = blake3::hash(format!("merge benchmark networker {n}").as_bytes());
    ed25519_dalek::SigningKey::from_bytes(seed.as_bytes())
}

/// Puts every generated networker on the manager's roster (as a manager approving each would).
fn enrol_all(store: &Store, networkers: usize, now: chrono::DateTime<Utc>) {
    for n in 0..networkers {
        let public = key_of(n).verifying_key().to_bytes();
        let identity = kring_core::trust::Identity {
            node: node_of(n).to_string(),
            name: format!("Networker {n}"),
            email: format!("networker{n}@antwerpen.be"),
            networker: Some(networker_card(n)),
            role: Role::Networker,
            signing_key: kring_core::trust::keys::hex(&public),
            encryption_key: String::new(),
            fingerprint: kring_core::trust::keys::fingerprint(&public),
            earlier_nodes: Vec::new(),
        };
        store.enrol(&identity, Role::Networker, now).unwrap();
    }
}

fn generate(dir: &Path, networkers: usize, cards: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let own = cards - cards * SHARED_WITH_NEIGHBOUR_PERCENT / 100;
    let pool = networkers * own;
    let base = Utc
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .unwrap()
        .timestamp_millis() as u64;
    let started = Instant::now();
    for n in 0..networkers {
        let mut rng = StdRng::seed_from_u64(n as u64);
        let node = node_of(n);
        let mut millis = base + n as u64 * 17;
        let mut stamp = || {
            millis += 1;
            Stamp {
                hlc: Hlc { millis, counter: 0 },
                node,
            }
        };
        let networker = networker_card(n);
        let mut records: Vec<RecordState> = Vec::new();
        let mut me = RecordState::new(networker.0, "networker");
        me.write("name", json(format!("Networker {n}").into()), stamp());
        me.write("visibility", json("shared".into()), stamp());
        records.push(me);
        for k in 0..cards {
            let card = card_id((n * own + k) % pool);
            let mut person = RecordState::new(card, "person");
            let s = stamp();
            person.write(
                "display_name",
                json(format!("Persoon {}", (n * own + k) % pool).into()),
                s,
            );
            person.write(
                "family_name",
                json(format!("Familie {}", k % 977).into()),
                s,
            );
            // Neighbours disagree on the title of a shared card now and then.
            let title = if rng.gen_bool(0.2) {
                format!("titel volgens {n}")
            } else {
                "beleidsadviseur".into()
            };
            person.write("job_title", json(title.into()), s);
            // Who may see the card and whose it is are written by the networker it came from;
            // the neighbour who has it too edits its fields.
            if ((n * own + k) % pool) / own == n {
                person.write("visibility", json("shared".into()), s);
                person.write("author", json(networker.to_string().into()), s);
                person.write("created_at", json("2026-01-05T09:00:00.000Z".into()), s);
            }
            let email = format!("persoon{}@voorbeeld.be", (n * own + k) % pool);
            person
                .sets
                .entry("emails".into())
                .or_default()
                .add(json(email.into()), s);
            person
                .sets
                .entry("tags".into())
                .or_default()
                .add(json(["haven", "klimaat", "eu"][k % 3].into()), s);
            records.push(person);
            let relationship = RecordId::for_relationship(networker, RecordId(card));
            let mut r = RecordState::new(relationship.0, "relationship");
            r.write("networker", json(networker.to_string().into()), s);
            r.write("stakeholder", json(card.to_string().into()), s);
            r.write("strength", json(rng.gen_range(1..=5).into()), s);
            r.write("visibility", json("shared".into()), s);
            records.push(r);
            let count = if rng.gen_bool(INTERACTIONS_PER_CARD.fract()) {
                8
            } else {
                7
            };
            for i in 0..count {
                let s = stamp();
                let id =
                    uuid::Builder::from_unix_timestamp_millis(s.hlc.millis, &rng.gen::<[u8; 10]>())
                        .into_uuid();
                let mut interaction = RecordState::new(id, "interaction");
                interaction.write("kind", json("meeting".into()), s);
                interaction.write("at", json("2026-01-05T10:00:00+01:00".into()), s);
                interaction.write(
                    "summary",
                    json(format!("Overleg {i} over dossier {k}").into()),
                    s,
                );
                interaction.write("visibility", json("shared".into()), s);
                let participants = interaction.sets.entry("participants".into()).or_default();
                participants.add(json(networker.to_string().into()), s);
                participants.add(json(card.to_string().into()), s);
                records.push(interaction);
            }
        }
        records.sort_by_key(|r| r.id);
        records.dedup_by_key(|r| r.id);
        let header = BundleHeader {
            format_version: bundle::FORMAT_VERSION,
            schema_version: kring_core::store::SCHEMA_VERSION,
            kind: BundleKind::Full,
            organisation: None,
            author_node: node,
            author_networker: Some(networker),
            author_name: format!("Networker {n}"),
            author_role: Role::Networker,
            created_at_millis: millis as i64,
            high_water_mark: Hlc { millis, counter: 0 },
            version_vector: Default::default(),
            base: None,
            record_count: 0,
            body_hash: [0; 32],
            public_key: [0; 32],
            author_email: String::new(),
            encryption_key: None,
            coverage: Default::default(),
            author_earlier_nodes: Vec::new(),
        };
        let key = key_of(n);
        bundle::write_bundle(
            &dir.join(format!("networker-{n:03}.kring")),
            header,
            records,
            &key,
        )
        .unwrap();
    }
    let bytes: u64 = bundles(dir)
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    println!(
        "generated {networkers} bundles of {cards} cards ({} distinct) in {:.1} s: {:.1} MB, {:.0} KB per bundle",
        pool,
        started.elapsed().as_secs_f64(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / networkers as f64
    );
}

fn bundles(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "kring"))
        .collect();
    paths.sort();
    paths
}

fn peak_memory_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn decode(dir: &Path) {
    let started = Instant::now();
    let mut records = 0u64;
    for path in bundles(dir) {
        let mut reader = bundle::open_bundle(&path).unwrap();
        while let Some(record) = reader.next_record().unwrap() {
            records += 1;
            std::hint::black_box(record);
        }
    }
    println!(
        "decode: {records} records in {:.2} s, peak memory {:.0} MB",
        started.elapsed().as_secs_f64(),
        peak_memory_mb()
    );
}

/// The CRDT join alone, in memory: what merging costs before anything is written to sled.
fn merge_in_memory(dir: &Path) {
    let started = Instant::now();
    let mut merged: std::collections::HashMap<uuid::Uuid, RecordState> =
        std::collections::HashMap::new();
    let mut records = 0u64;
    for path in bundles(dir) {
        let mut reader = bundle::open_bundle(&path).unwrap();
        while let Some(record) = reader.next_record().unwrap() {
            records += 1;
            match merged.get_mut(&record.id) {
                Some(existing) => {
                    existing.merge(&record);
                }
                None => {
                    merged.insert(record.id, record);
                }
            }
        }
    }
    let conflicts: usize = merged
        .values()
        .map(|r| {
            r.fields
                .values()
                .filter(|f| !f.conflicts().is_empty())
                .count()
        })
        .sum();
    println!(
        "merge in memory: {records} records into {} in {:.2} s, {conflicts} fields in conflict, peak memory {:.0} MB",
        merged.len(),
        started.elapsed().as_secs_f64(),
        peak_memory_mb()
    );
}

fn merge(dir: &Path, store_path: &Path) {
    let store = Store::open(store_path, &OpenOptions::default()).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 2, 1, 9, 0, 0).unwrap();
    if store.profile().unwrap().is_none() {
        store
            .init("Manager", "manager@antwerpen.be", Role::Manager, now)
            .unwrap();
    }
    let paths = bundles(dir);
    enrol_all(&store, paths.len(), now);
    let started = Instant::now();
    let report = store.import_bundles(&paths, false, now).unwrap();
    assert!(report.held.is_empty(), "every networker is on the roster");
    let elapsed = started.elapsed().as_secs_f64();
    let conflicts: usize = store
        .conflicts()
        .unwrap()
        .iter()
        .map(|c| c.fields.len())
        .sum();
    println!(
        "merge: {} bundles, {} records read, {} records in the store, {} fields in conflict, in {:.2} s, peak memory {:.0} MB, {:.0} MB on disk",
        paths.len(),
        report.records_read,
        report.added,
        conflicts,
        elapsed,
        peak_memory_mb(),
        store.size_on_disk().unwrap() as f64 / 1e6
    );
}

fn main() {
    // As the `kring` binary and the app do, so that what is measured is what they use.
    kring_core::store::prefer_small_pages();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("generate") => generate(
            Path::new(&args[1]),
            args.get(2).and_then(|a| a.parse().ok()).unwrap_or(50),
            args.get(3).and_then(|a| a.parse().ok()).unwrap_or(2_000),
        ),
        Some("decode") => decode(Path::new(&args[1])),
        Some("merge") => merge(Path::new(&args[1]), Path::new(&args[2])),
        Some("memory") => merge_in_memory(Path::new(&args[1])),
        _ => eprintln!("usage: merge_benchmark generate DIR [NETWORKERS] [CARDS] | decode DIR | merge DIR STORE"),
    }
}
