//! Delta export after editing 10 cards in a large store (the sync issue's goal: kilobytes and
//! milliseconds, not megabytes and seconds), against a full export of the same store.
//!
//! ```text
//! kring --store /tmp/delta demo --cards 100000        # once; or copy an existing demo store
//! cargo run --release -p kring-core --example delta_benchmark -- /tmp/delta
//! ```
//!
//! The recipient's acknowledgement is a bundle from a networker whose version vector covers the
//! store (as after a round of sync); then 10 cards are edited and the delta is written.

use chrono::Utc;
use kring_core::model::{RecordKind, Role};
use kring_core::store::{OpenOptions, Store};
use kring_core::sync::bundle::{self, BundleHeader, BundleKind};
use std::path::Path;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: delta_benchmark STORE");
    let store = Store::open(Path::new(&path), &OpenOptions::default()).expect("store opens");
    let now = Utc::now();
    let dir = tempfile::tempdir().unwrap();

    let acknowledgement = dir.path().join("ack.kring");
    let header = BundleHeader {
        format_version: bundle::FORMAT_VERSION,
        schema_version: kring_core::store::SCHEMA_VERSION,
        kind: BundleKind::Delta,
        organisation: None,
        author_node: kring_core::clock::NodeId::random(),
        author_networker: None,
        author_name: "Networker who has seen everything".into(),
        author_role: Role::Networker,
        created_at_millis: now.timestamp_millis(),
        high_water_mark: store.version_vector().high_water_mark(),
        version_vector: store.version_vector(),
        base: None,
        record_count: 0,
        body_hash: [0; 32],
        public_key: [0; 32],
        author_email: String::new(),
        encryption_key: None,
        coverage: store.coverage(),
    };
    bundle::write_bundle(
        &acknowledgement,
        header,
        Vec::new(),
        &bundle::new_signing_key(),
    )
    .unwrap();
    store
        .import_bundles(&[acknowledgement], false, now)
        .unwrap();

    let people = store.all_of_kind(RecordKind::Person).unwrap();
    let started = Instant::now();
    for (n, person) in people.iter().take(10).enumerate() {
        let id = kring_core::model::RecordId(person.id);
        store
            .set_fields(
                id,
                &[("job_title".into(), format!("nieuwe functie {n}"))],
                now,
            )
            .unwrap();
    }
    println!(
        "10 edits in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let delta = dir.path().join("delta.kring");
    let started = Instant::now();
    let report = store.export_bundle(&delta, false, now).unwrap();
    let delta_time = started.elapsed();
    println!(
        "delta export: {:?}, {} records, {} bytes, in {:.1} ms",
        report.kind,
        report.records,
        report.bytes,
        delta_time.as_secs_f64() * 1e3
    );

    let full = dir.path().join("full.kring");
    let started = Instant::now();
    let report = store.export_bundle(&full, true, now).unwrap();
    println!(
        "full export: {} records, {:.1} MB, in {:.2} s",
        report.records,
        report.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
}
