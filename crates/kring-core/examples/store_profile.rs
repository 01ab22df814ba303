//! Where a store's bytes go: entries, key and value bytes per sled tree, and what a record's
//! encoded state spends its bytes on (field names, stamps, values, causal contexts, set tags).
//! It reads a copy of a store (sled takes a lock; never point it at a store in use):
//!
//! ```sh
//! cargo run --release -p kring-core --example store_profile -- /tmp/copy-of-a-store
//! ```
//!
//! The record breakdown encodes each part on its own with postcard, so the parts add up to a
//! little more than the whole (length prefixes); it is a profile, not an exact account.

use kring_core::crdt::RecordState;
use std::collections::BTreeMap;

#[derive(Default)]
struct Tree {
    entries: u64,
    key_bytes: u64,
    value_bytes: u64,
}

#[derive(Default)]
struct Parts {
    stored: u64,
    records: u64,
    whole: u64,
    id_and_kind: u64,
    field_names: u64,
    stamps: u64,
    values: u64,
    seen: u64,
    seen_entries: u64,
    versions: u64,
    set_elements: u64,
    set_tags: u64,
}

fn len<T: serde::Serialize>(value: &T) -> u64 {
    postcard::to_stdvec(value).map_or(0, |b| b.len() as u64)
}

fn profile(state: &RecordState, parts: &mut Parts) {
    parts.records += 1;
    parts.id_and_kind += 17 + len(&state.kind);
    for (name, register) in &state.fields {
        parts.field_names += len(name);
        for version in register.versions() {
            parts.versions += 1;
            parts.stamps += len(&version.stamp);
            parts.values += len(&version.value);
            parts.seen += len(&version.seen);
            parts.seen_entries += version.seen.0.len() as u64;
        }
    }
    for (name, set) in &state.sets {
        parts.field_names += len(name);
        for (element, tags) in set.elements() {
            parts.set_elements += len(element);
            parts.set_tags += len(tags);
        }
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: store_profile STORE_COPY");
    let db = sled::Config::new()
        .path(&path)
        .open()
        .expect("the store copy opens");
    let mut trees: BTreeMap<String, Tree> = BTreeMap::new();
    let mut parts = Parts::default();
    for name in db.tree_names() {
        let label = String::from_utf8_lossy(&name).into_owned();
        let tree = db.open_tree(&name).expect("tree opens");
        let figures = trees.entry(label.clone()).or_default();
        for item in tree.iter() {
            let (key, value) = item.expect("entry reads");
            figures.entries += 1;
            figures.key_bytes += key.len() as u64;
            figures.value_bytes += value.len() as u64;
            if label.starts_with("records.") {
                parts.whole += value.len() as u64;
                parts.stored += 1;
                // The breakdown reads schema 3's layout (the struct itself, starting with the
                // id's length); a schema-4 record counts in the whole only.
                if value.first() == Some(&16) {
                    if let Ok(state) = postcard::from_bytes::<RecordState>(&value) {
                        profile(&state, &mut parts);
                    }
                }
            }
        }
    }
    let disk: u64 = std::fs::read_dir(&path)
        .expect("folder")
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let (mut entries, mut payload) = (0, 0);
    println!("| tree | entries | key bytes | value bytes |\n| --- | --- | --- | --- |");
    for (name, t) in &trees {
        entries += t.entries;
        payload += t.key_bytes + t.value_bytes;
        println!(
            "| {name} | {} | {} | {} |",
            t.entries, t.key_bytes, t.value_bytes
        );
    }
    println!(
        "\nentries {entries}, payload (keys + values) {payload} bytes, files in the folder {disk} bytes ({:.1}× the payload)",
        disk as f64 / payload.max(1) as f64
    );
    println!(
        "\nrecords stored {}: {:.0} bytes each",
        parts.stored,
        parts.whole as f64 / parts.stored.max(1) as f64
    );
    let per = |n: u64| n as f64 / parts.records.max(1) as f64;
    println!(
        "schema-3 records {}: per record: id+kind {:.0}, field names {:.0}, stamps {:.0}, values {:.0}, seen vectors {:.0} ({:.2} entries a version), set elements {:.0}, set tags {:.0}; {:.2} field versions a record",
        parts.records,
        per(parts.id_and_kind),
        per(parts.field_names),
        per(parts.stamps),
        per(parts.values),
        per(parts.seen),
        parts.seen_entries as f64 / parts.versions.max(1) as f64,
        per(parts.set_elements),
        per(parts.set_tags),
        per(parts.versions),
    );
}
