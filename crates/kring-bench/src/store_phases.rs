//! The store benchmark's phases, each run in a child process of its own (so each reports its own
//! peak memory) against the files a previous phase left in the work folder:
//!
//! | file | written by |
//! | --- | --- |
//! | `kring-store/` | `kring-generate`: `kring demo --cards N`'s generator into a fresh store (removed once `extract` has read it) |
//! | `dataset.jsonl`, `card-ids.json` | `extract`: the store's live records as rows; 1,000 card ids |
//! | `sqlite.db` | `sqlite-insert` (and `kring-insert-rows` the same rows into a store it removes) |
//! | `full.kring`, `delta.kring` | `kring-export` |
//! | `kring-imported/` | `kring-import` (measured, then removed) |
//!
//! Every phase returns its figures as a JSON object; the parent puts them in the report.

use crate::dataset;
use crate::measure::{self, latency};
use crate::sqlite_store;
use anyhow::{Context, Result};
use chrono::{DateTime, TimeZone, Utc};
use kring_core::model::{RecordId, RecordKind, Role};
use kring_core::store::{NewRecord, OpenOptions, Store};
use kring_core::sync::bundle::{self, BundleHeader, BundleKind};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde_json::json;
use std::path::{Path, PathBuf};

/// The searches timed on both stores: (what it stands for, the query typed).
pub const QUERIES: &[(&str, &str)] = &[
    ("surname", "peeters"),
    ("1-letter prefix", "m"),
    ("2-letter prefix", "ja"),
    ("organisation", "umicore"),
    ("organisation, two words", "port antwerp"),
    ("tag", "klimaat"),
];

/// Results per search, as the app's search box asks.
const SEARCH_LIMIT: usize = 20;
/// Cards opened for the open-card latency.
const CARDS_OPENED: usize = 1_000;

/// The demo network's "now" (the same as the search benchmark's), so every run builds the same data.
pub fn demo_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()
}

pub struct Files {
    pub kring_store: PathBuf,
    pub dataset: PathBuf,
    pub card_ids: PathBuf,
    pub sqlite: PathBuf,
    pub sqlite_copy: PathBuf,
    pub full_export: PathBuf,
    pub delta_export: PathBuf,
    pub acknowledgement: PathBuf,
    pub acknowledging_networker: PathBuf,
    pub kring_imported: PathBuf,
}

impl Files {
    pub fn in_folder(work: &Path) -> Files {
        Files {
            kring_store: work.join("kring-store"),
            dataset: work.join("dataset.jsonl"),
            card_ids: work.join("card-ids.json"),
            sqlite: work.join("sqlite.db"),
            sqlite_copy: work.join("sqlite-copy.db"),
            full_export: work.join("full.kring"),
            delta_export: work.join("delta.kring"),
            acknowledgement: work.join("acknowledgement.kring"),
            acknowledging_networker: work.join("acknowledging-networker"),
            kring_imported: work.join("kring-imported"),
        }
    }
}

fn open_store(path: &Path) -> Result<Store> {
    Store::open(path, &OpenOptions::default())
        .with_context(|| format!("opening the Kring store {}", path.display()))
}

/// Bulk insert on Kring: the demo generator into a fresh store, as `kring demo --cards N`.
pub fn kring_generate(files: &Files, cards: usize) -> Result<serde_json::Value> {
    let _ = std::fs::remove_dir_all(&files.kring_store);
    let store = open_store(&files.kring_store)?;
    let options = kring_core::demo::DemoOptions {
        seed: 1,
        cards,
        ..Default::default()
    };
    let (summary, seconds) =
        measure::timed(|| kring_core::demo::generate(&store, &options, demo_now()));
    let summary = summary?;
    store.flush()?;
    let records: usize = store.counts()?.values().sum();
    let peak = measure::peak_rss_mb();
    // The Kring phases that follow open cards before `extract` runs (Kring's phases go first).
    let cards = choose_cards(&store, files)?;
    drop(store);
    Ok(json!({
        "seconds": seconds,
        "records": records,
        "cards": cards,
        "summary": summary,
        "bytes_on_disk": measure::size_on_disk(&files.kring_store),
        "peak_rss_mb": peak,
    }))
}

/// What a store holds, by kind: how far an interrupted generation got (the store is crash-safe,
/// so a run stopped in the middle opens with every batch it had committed).
pub fn kring_count(files: &Files) -> Result<serde_json::Value> {
    let store = open_store(&files.kring_store)?;
    let counts = store.counts()?;
    let records: usize = counts.values().sum();
    drop(store);
    Ok(json!({
        "records": records,
        "by_kind": counts,
        "bytes_on_disk": measure::size_on_disk(&files.kring_store),
    }))
}

/// The store's records as rows for SQLite, and the cards the open-card phases open.
pub fn extract(files: &Files) -> Result<serde_json::Value> {
    let store = open_store(&files.kring_store)?;
    let (rows, seconds) = measure::timed(|| dataset::extract(&store, &files.dataset));
    Ok(json!({ "seconds": seconds, "rows": rows?, "cards": choose_cards(&store, files)? }))
}

/// Picks the cards the open-card phases open (the same ones on both stores; seeded). Returns how
/// many cards there were to choose from.
fn choose_cards(store: &Store, files: &Files) -> Result<usize> {
    let mut cards: Vec<String> = Vec::new();
    for kind in [RecordKind::Person, RecordKind::Organisation] {
        store.for_each_live_of_kind(kind, |state| {
            cards.push(state.id.to_string());
            Ok(())
        })?;
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let chosen: Vec<&String> = cards.choose_multiple(&mut rng, CARDS_OPENED).collect();
    std::fs::write(&files.card_ids, serde_json::to_vec(&chosen)?)?;
    Ok(cards.len())
}

fn card_ids(files: &Files) -> Result<Vec<uuid::Uuid>> {
    let text = std::fs::read(&files.card_ids).context("reading the card ids")?;
    Ok(serde_json::from_slice(&text)?)
}

/// Bulk insert on SQLite: the same rows, one transaction, search table filled, checkpointed.
pub fn sqlite_insert(files: &Files) -> Result<serde_json::Value> {
    let rows = dataset::load(&files.dataset)?;
    let rows_in_memory_mb = measure::rss_mb();
    let peak_reset = measure::reset_peak_rss();
    let (written, seconds) = measure::timed(|| -> Result<u64> {
        let mut connection = sqlite_store::create(&files.sqlite)?;
        let written = sqlite_store::insert_all(&mut connection, &rows)?;
        sqlite_store::checkpoint(&connection)?;
        Ok(written)
    });
    Ok(json!({
        "seconds": seconds,
        "records": written?,
        "bytes_on_disk": sqlite_size(&files.sqlite),
        "peak_rss_mb": measure::peak_rss_mb(),
        "rows_in_memory_mb": rows_in_memory_mb,
        "peak_is_on_top_of_rows": peak_reset,
    }))
}

/// Bulk insert on SQLite for sizes whose rows do not fit in memory: the rows are read from the
/// JSON-lines file as they are inserted, so the time includes reading them; a read-only pass over
/// the file is timed first, to subtract.
pub fn sqlite_insert_streaming(files: &Files) -> Result<serde_json::Value> {
    let (read, read_seconds) = measure::timed(|| -> Result<u64> {
        let mut rows = 0u64;
        for row in dataset::stream(&files.dataset)? {
            row?;
            rows += 1;
        }
        Ok(rows)
    });
    read?;
    let peak_reset = measure::reset_peak_rss();
    let (written, seconds) = measure::timed(|| -> Result<u64> {
        let mut connection = sqlite_store::create(&files.sqlite)?;
        let written = sqlite_store::insert_each(&mut connection, dataset::stream(&files.dataset)?)?;
        sqlite_store::checkpoint(&connection)?;
        Ok(written)
    });
    Ok(json!({
        "seconds": seconds,
        "reading_rows_seconds": read_seconds,
        "streamed": true,
        "records": written?,
        "bytes_on_disk": sqlite_size(&files.sqlite),
        "peak_rss_mb": measure::peak_rss_mb(),
        "rows_in_memory_mb": 0.0,
        "peak_is_on_top_of_rows": peak_reset,
    }))
}

/// Bulk insert on Kring of the very rows SQLite gets: `Store::create_many` in batches of 4,000
/// (the demo generator's batch), so the generator's own work is out of the comparison. The store
/// is removed afterwards: it is the generated one's twin.
pub fn kring_insert_rows(files: &Files) -> Result<serde_json::Value> {
    let rows = dataset::load(&files.dataset)?;
    let rows_in_memory_mb = measure::rss_mb();
    let peak_reset = measure::reset_peak_rss();
    let path = files.kring_store.with_file_name("kring-rows-store");
    let _ = std::fs::remove_dir_all(&path);
    let now = demo_now();
    let (written, seconds) = measure::timed(|| -> Result<u64> {
        let store = open_store(&path)?;
        let mut written = 0u64;
        for chunk in rows.chunks(4_000) {
            let batch = chunk.iter().map(new_record).collect::<Result<Vec<_>>>()?;
            written += store.create_many(batch, now)?.len() as u64;
        }
        store.flush()?;
        Ok(written)
    });
    let written = written?;
    let peak = measure::peak_rss_mb();
    let bytes = measure::size_on_disk(&path);
    let _ = std::fs::remove_dir_all(&path);
    Ok(json!({
        "seconds": seconds,
        "records": written,
        "bytes_on_disk": bytes,
        "peak_rss_mb": peak,
        "rows_in_memory_mb": rows_in_memory_mb,
        "peak_is_on_top_of_rows": peak_reset,
    }))
}

/// A row as a record to create, with its envelope (visibility, author, creation time).
fn new_record(row: &dataset::Row) -> Result<NewRecord> {
    let kind: RecordKind = row
        .kind
        .parse()
        .map_err(|_| anyhow::anyhow!("unknown kind {}", row.kind))?;
    Ok(NewRecord {
        id: RecordId(row.id),
        kind,
        body: serde_json::Value::Object(row.fields.clone()),
        visibility: row.visibility.as_deref().and_then(|v| v.parse().ok()),
        author: row.author.as_deref().and_then(|a| a.parse().ok()),
        created_at: row
            .created_at
            .as_deref()
            .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
            .map(|at| at.with_timezone(&Utc)),
    })
}

fn sqlite_size(path: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| measure::size_on_disk(Path::new(&format!("{}{suffix}", path.display()))))
        .sum()
}

/// Search latency on Kring, from the term file, as the app and the command line search (the
/// first load here builds it from the terms of each record in sled, or opens the one a run left).
pub fn kring_search(files: &Files, runs: usize) -> Result<serde_json::Value> {
    let store = open_store(&files.kring_store)?;
    let (loaded, load_seconds) = measure::timed(|| store.load_search_index());
    loaded?;
    let mut queries = Vec::new();
    for (label, query) in QUERIES {
        let matches = store.search_scores(query)?.len();
        let top = store.search(query, 1)?.first().map(|hit| hit.name.clone());
        let term_file = latency(3, runs, || {
            store.search(query, SEARCH_LIMIT).expect("search")
        });
        queries.push(json!({
            "label": label, "query": query, "matches": matches, "top_hit": top,
            "term_file": term_file,
        }));
    }
    Ok(json!({
        "queries": queries,
        "load_index_seconds": load_seconds,
        "peak_rss_mb": measure::peak_rss_mb(),
    }))
}

/// From nothing to the first search answer, as the app starts: open the store, open the term file
/// the `kring-search` phase left (or rebuild it, if the store changed since), answer one query.
pub fn kring_first_search(files: &Files) -> Result<serde_json::Value> {
    let started = std::time::Instant::now();
    let store = open_store(&files.kring_store)?;
    let opened = started.elapsed().as_secs_f64();
    store.load_search_index()?;
    let loaded = started.elapsed().as_secs_f64();
    let hits = store.search("peeters", SEARCH_LIMIT)?.len();
    let answered = started.elapsed().as_secs_f64();
    Ok(json!({
        "open_store_seconds": opened,
        "load_index_seconds": loaded - opened,
        "first_answer_seconds": answered,
        "hits": hits,
        "peak_rss_mb": measure::peak_rss_mb(),
    }))
}

/// Search latency on SQLite: FTS5 prefix queries, BM25 with Kring's weights, the card rows joined.
pub fn sqlite_search(files: &Files, runs: usize) -> Result<serde_json::Value> {
    let connection = sqlite_store::open(&files.sqlite)?;
    let mut queries = Vec::new();
    for (label, query) in QUERIES {
        let matches = sqlite_store::count_matches(&connection, query)?;
        let top = sqlite_store::search(&connection, query, 1)?
            .into_iter()
            .next()
            .map(|hit| hit.name);
        let timing = latency(3, runs, || {
            sqlite_store::search(&connection, query, SEARCH_LIMIT).expect("search")
        });
        queries.push(json!({
            "label": label, "query": query, "matches": matches, "top_hit": top, "fts5": timing,
        }));
    }
    Ok(json!({ "queries": queries, "peak_rss_mb": measure::peak_rss_mb() }))
}

/// Opening a card on Kring: `card_detail`, what `kring card show` and the app's card screen call.
pub fn kring_open_card(files: &Files) -> Result<serde_json::Value> {
    let store = open_store(&files.kring_store)?;
    let ids = card_ids(files)?;
    let now = demo_now();
    for id in ids.iter().take(20) {
        store.card_detail(RecordId(*id), now)?;
    }
    let mut samples = Vec::with_capacity(ids.len());
    let mut shown = 0usize;
    for id in &ids {
        let started = std::time::Instant::now();
        let detail = store.card_detail(RecordId(*id), now)?;
        samples.push(started.elapsed());
        shown += detail.relationships.len() + detail.interactions.len();
    }
    Ok(json!({
        "latency": measure::Latency::of(&mut samples),
        "relationships_and_interactions_shown": shown,
        "peak_rss_mb": measure::peak_rss_mb(),
    }))
}

/// Opening a card on SQLite: the card with its affiliations, relationships, interactions, notes,
/// follow-ups and links.
pub fn sqlite_open_card(files: &Files) -> Result<serde_json::Value> {
    let connection = sqlite_store::open(&files.sqlite)?;
    let ids = card_ids(files)?;
    for id in ids.iter().take(20) {
        sqlite_store::open_card(&connection, *id)?;
    }
    let mut samples = Vec::with_capacity(ids.len());
    let mut shown = 0usize;
    for id in &ids {
        let started = std::time::Instant::now();
        let card = sqlite_store::open_card(&connection, *id)?.context("card exists in SQLite")?;
        samples.push(started.elapsed());
        shown += card.relationships.len() + card.interactions.len();
    }
    Ok(json!({
        "latency": measure::Latency::of(&mut samples),
        "relationships_and_interactions_shown": shown,
        "peak_rss_mb": measure::peak_rss_mb(),
    }))
}

/// SQLite's nearest thing to a full export: `VACUUM INTO` a single file.
pub fn sqlite_copy(files: &Files) -> Result<serde_json::Value> {
    let connection = sqlite_store::open(&files.sqlite)?;
    let (copied, seconds) =
        measure::timed(|| sqlite_store::copy_into(&connection, &files.sqlite_copy));
    copied?;
    let bytes = measure::size_on_disk(&files.sqlite_copy);
    let _ = std::fs::remove_file(&files.sqlite_copy);
    Ok(json!({ "seconds": seconds, "bytes": bytes, "peak_rss_mb": measure::peak_rss_mb() }))
}

/// Full export, then a delta export after 10 edits once a networker has acknowledged everything
/// (an enrolled networker's acknowledgement, as after a round of sync).
pub fn kring_export(files: &Files) -> Result<serde_json::Value> {
    let store = open_store(&files.kring_store)?;
    let now = demo_now();
    let (full, full_seconds) =
        measure::timed(|| store.export_bundle(&files.full_export, true, now));
    let full = full?;
    let full_peak = measure::peak_rss_mb();

    let acknowledgement = acknowledge_everything(&store, files, now)?;
    let admitted = store.import_bundles(std::slice::from_ref(&acknowledgement), false, now)?;
    anyhow::ensure!(
        admitted.held.is_empty(),
        "the acknowledgement was held: the delta below would be a full export"
    );
    // Ten people this store may edit: the trust model refuses a change to a card whose owner
    // shares only its summary, and a refused edit changes nothing.
    let mut people: Vec<RecordId> = Vec::new();
    store.for_each_live_of_kind(RecordKind::Person, |state| {
        people.push(RecordId(state.id));
        Ok(())
    })?;
    let mut edited = 0;
    for person in people {
        let title = format!("nieuwe functie {edited}");
        if store
            .set_fields(person, &[("job_title".into(), title)], now)
            .is_ok()
        {
            edited += 1;
            if edited == 10 {
                break;
            }
        }
    }
    anyhow::ensure!(edited == 10, "only {edited} people could be edited");
    let (delta, delta_seconds) =
        measure::timed(|| store.export_bundle(&files.delta_export, false, now));
    let delta = delta?;
    anyhow::ensure!(
        delta.kind == BundleKind::Delta,
        "the export after 10 edits was {:?}, not a delta",
        delta.kind
    );
    Ok(json!({
        "full_seconds": full_seconds,
        "full_records": full.records,
        "full_bytes": full.bytes,
        "full_peak_rss_mb": full_peak,
        "delta_kind": format!("{:?}", delta.kind),
        "delta_seconds": delta_seconds,
        "delta_records": delta.records,
        "delta_bytes": delta.bytes,
        "peak_rss_mb": measure::peak_rss_mb(),
    }))
}

/// What a round of sync leaves behind: an enrolled networker's bundle, signed with its own key,
/// saying it has seen everything in `store`. Without it (or with a bundle from a key the store
/// does not know, which the trust model holds) the store knows no recipient's coverage and its
/// next export is a full one.
fn acknowledge_everything(store: &Store, files: &Files, now: DateTime<Utc>) -> Result<PathBuf> {
    let _ = std::fs::remove_dir_all(&files.acknowledging_networker);
    let networker = open_store(&files.acknowledging_networker)?;
    networker.init(
        "Networker who has seen everything",
        "alles@antwerpen.be",
        Role::Networker,
        now,
    )?;
    let invitation = store.invite(Role::Networker, now)?;
    networker.join(&invitation, now)?;
    store.enrol(&networker.identity()?, Role::Networker, now)?;
    let keys = kring_core::trust::keys::load_or_create(networker.path(), networker.node_id())?;
    let profile = networker.require_profile()?;
    let mut seen = store.coverage();
    seen.join(&store.version_vector());
    let header = BundleHeader {
        format_version: bundle::FORMAT_VERSION,
        schema_version: kring_core::store::SCHEMA_VERSION,
        kind: BundleKind::Delta,
        organisation: networker.organisation()?,
        author_node: networker.node_id(),
        author_networker: Some(profile.networker),
        author_name: profile.name,
        author_role: Role::Networker,
        created_at_millis: now.timestamp_millis(),
        high_water_mark: networker.version_vector().high_water_mark(),
        version_vector: networker.version_vector(),
        base: None,
        record_count: 0,
        body_hash: [0; 32],
        public_key: [0; 32],
        author_email: profile.email,
        encryption_key: Some(keys.encryption_recipient()),
        coverage: seen,
        author_earlier_nodes: Vec::new(),
    };
    bundle::write_bundle(&files.acknowledgement, header, Vec::new(), &keys.signing)?;
    drop(networker);
    let _ = std::fs::remove_dir_all(&files.acknowledging_networker);
    Ok(files.acknowledgement.clone())
}

/// Import of the full export into a fresh store (a manager receiving a networker's whole store).
pub fn kring_import(files: &Files) -> Result<serde_json::Value> {
    let _ = std::fs::remove_dir_all(&files.kring_imported);
    let store = open_store(&files.kring_imported)?;
    let now = demo_now();
    store.init("Bench Manager", "manager@antwerpen.be", Role::Manager, now)?;
    // A bundle whose signer is not on the roster is held, not merged (the import then read
    // nothing): the manager approves the generator's store first, as `kring trust` does.
    store.trust(&files.full_export, now)?;
    let (report, seconds) = measure::timed(|| {
        store.import_bundles(std::slice::from_ref(&files.full_export), false, now)
    });
    let report = report?;
    let peak = measure::peak_rss_mb();
    drop(store);
    let bytes_on_disk = measure::size_on_disk(&files.kring_imported);
    // Only its size is needed: at a million cards it is another 25 GB on disk.
    let _ = std::fs::remove_dir_all(&files.kring_imported);
    Ok(json!({
        "seconds": seconds,
        "records_read": report.records_read,
        "added": report.added,
        "bytes_on_disk": bytes_on_disk,
        "peak_rss_mb": peak,
    }))
}
