//! Merging N networkers' exports: Kring's bundles and import against the same edits in Automerge.
//!
//! One workload, written once as operations (create a record, set a field, add to a set) and
//! applied to two replicas per networker: Kring's `RecordState`s with hybrid-clock stamps, written
//! as a signed bundle, and an Automerge document, saved whole. So both sides merge exactly the same
//! history:
//!
//! - the manager's master: `shared` person cards every networker received (the base both sides
//!   fork: Kring networkers hold the same record states, Automerge networkers fork the same
//!   document, so nested objects are not created twice concurrently);
//! - each networker then, one change per record as a person would make them in the app: their own
//!   networker card, `own` new people, each with a relationship and 1–5 interactions, and edits to
//!   `edits` shared cards (a job title, concurrent with neighbours' and sometimes different, which
//!   makes conflicts; a tag; a relationship with two interactions);
//! - each export carries everything the networker holds (Kring's full export; Automerge's `save`).
//!
//! Records in Automerge: the root map `records` maps each record id to a map of its fields;
//! multi-valued fields are maps from element to `true` (a set that merges by union).

use crate::measure;
use anyhow::{Context, Result};
use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};
use chrono::{TimeZone, Utc};
use kring_core::clock::{Hlc, NodeId, Stamp, VersionVector};
use kring_core::crdt::RecordState;
use kring_core::model::{RecordId, Role};
use kring_core::sync::bundle::{self, BundleHeader, BundleKind};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The size of the merge workload.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Workload {
    pub networkers: usize,
    /// New people each networker adds.
    pub own: usize,
    /// People in the manager's master that every networker holds.
    pub shared: usize,
    /// Shared people each networker edits.
    pub edits: usize,
}

/// A field value, the same on both sides (Kring stores it as canonical JSON).
#[derive(Clone)]
enum FieldValue {
    Text(String),
    Int(i64),
}

impl FieldValue {
    fn json(&self) -> Vec<u8> {
        match self {
            FieldValue::Text(text) => serde_json::to_vec(text),
            FieldValue::Int(number) => serde_json::to_vec(number),
        }
        .expect("text and numbers encode")
    }

    fn scalar(&self) -> ScalarValue {
        match self {
            FieldValue::Text(text) => ScalarValue::Str(text.as_str().into()),
            FieldValue::Int(number) => ScalarValue::Int(*number),
        }
    }
}

fn text(value: impl Into<String>) -> FieldValue {
    FieldValue::Text(value.into())
}

/// What a networker's app does to its replica; each call is one change.
trait Replica {
    fn create(
        &mut self,
        id: uuid::Uuid,
        kind: &str,
        fields: &[(&str, FieldValue)],
        sets: &[(&str, Vec<String>)],
    ) -> Result<()>;
    /// Sets a field and adds elements to a set of an existing record, as one change.
    fn edit(&mut self, id: uuid::Uuid, field: (&str, FieldValue), add: (&str, &str)) -> Result<()>;
}

/// Kring's side: record states stamped by one node's hybrid clock.
#[derive(Clone)]
struct KringReplica {
    node: NodeId,
    millis: u64,
    records: BTreeMap<uuid::Uuid, RecordState>,
}

impl KringReplica {
    fn stamp(&mut self) -> Stamp {
        self.millis += 1;
        Stamp {
            hlc: Hlc {
                millis: self.millis,
                counter: 0,
            },
            node: self.node,
        }
    }
}

impl Replica for KringReplica {
    fn create(
        &mut self,
        id: uuid::Uuid,
        kind: &str,
        fields: &[(&str, FieldValue)],
        sets: &[(&str, Vec<String>)],
    ) -> Result<()> {
        let stamp = self.stamp();
        let mut state = RecordState::new(id, kind);
        for (name, value) in fields {
            state.write(name, value.json(), stamp);
        }
        for (name, elements) in sets {
            let set = state.sets.entry((*name).to_owned()).or_default();
            for element in elements {
                set.add(text(element.as_str()).json(), stamp);
            }
        }
        self.records.insert(id, state);
        Ok(())
    }

    fn edit(&mut self, id: uuid::Uuid, field: (&str, FieldValue), add: (&str, &str)) -> Result<()> {
        let stamp = self.stamp();
        let state = self.records.get_mut(&id).context("edited record exists")?;
        state.write(field.0, field.1.json(), stamp);
        state
            .sets
            .entry(add.0.to_owned())
            .or_default()
            .add(text(add.1).json(), stamp);
        Ok(())
    }
}

/// Automerge's side: one document, one commit per change.
struct AutomergeReplica {
    doc: AutoCommit,
    records: ObjId,
}

impl AutomergeReplica {
    fn record(&self, id: uuid::Uuid) -> Result<ObjId> {
        match self.doc.get(&self.records, id.to_string())? {
            Some((Value::Object(ObjType::Map), object)) => Ok(object),
            _ => anyhow::bail!("record {id} is not in the document"),
        }
    }

    fn put_set(&mut self, record: &ObjId, name: &str, elements: &[&str]) -> Result<()> {
        let set = match self.doc.get(record, name)? {
            Some((Value::Object(ObjType::Map), object)) => object,
            _ => self.doc.put_object(record, name, ObjType::Map)?,
        };
        for element in elements {
            self.doc.put(&set, *element, true)?;
        }
        Ok(())
    }
}

impl Replica for AutomergeReplica {
    fn create(
        &mut self,
        id: uuid::Uuid,
        kind: &str,
        fields: &[(&str, FieldValue)],
        sets: &[(&str, Vec<String>)],
    ) -> Result<()> {
        let record = self
            .doc
            .put_object(&self.records, id.to_string(), ObjType::Map)?;
        self.doc.put(&record, "kind", kind)?;
        for (name, value) in fields {
            self.doc.put(&record, *name, value.scalar())?;
        }
        for (name, elements) in sets {
            let elements: Vec<&str> = elements.iter().map(String::as_str).collect();
            self.put_set(&record, name, &elements)?;
        }
        self.doc.commit();
        Ok(())
    }

    fn edit(&mut self, id: uuid::Uuid, field: (&str, FieldValue), add: (&str, &str)) -> Result<()> {
        let record = self.record(id)?;
        self.doc.put(&record, field.0, field.1.scalar())?;
        self.put_set(&record, add.0, &[add.1])?;
        self.doc.commit();
        Ok(())
    }
}

/// Both replicas of one networker, fed the same operations.
struct Pair<'a> {
    kring: &'a mut KringReplica,
    automerge: &'a mut AutomergeReplica,
}

impl Pair<'_> {
    fn create(
        &mut self,
        id: uuid::Uuid,
        kind: &str,
        fields: &[(&str, FieldValue)],
        sets: &[(&str, Vec<String>)],
    ) -> Result<()> {
        self.kring.create(id, kind, fields, sets)?;
        self.automerge.create(id, kind, fields, sets)
    }

    fn edit(&mut self, id: uuid::Uuid, field: (&str, FieldValue), add: (&str, &str)) -> Result<()> {
        self.kring.edit(id, field.clone(), add)?;
        self.automerge.edit(id, field, add)
    }
}

const GIVEN: &[&str] = &[
    "Jan", "Sofie", "Pieter", "Lieve", "Koen", "Els", "An", "Bram",
];
const FAMILY: &[&str] = &["Peeters", "Janssens", "Maes", "Jacobs", "Willems", "Claes"];
const TAGS: &[&str] = &[
    "haven",
    "klimaat",
    "onderwijs",
    "cultuur",
    "mobiliteit",
    "zorg",
];
const KINDS: &[&str] = &["meeting", "call", "email", "event"];

fn uuid_of(space: u128, n: u128) -> uuid::Uuid {
    // UUIDv7-shaped, deterministic: the same ids on every run and on both sides.
    uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 | (space << 64) | n)
}

const BASE_MILLIS_YEAR: i32 = 2026;

fn base_millis() -> u64 {
    Utc.with_ymd_and_hms(BASE_MILLIS_YEAR, 1, 5, 9, 0, 0)
        .unwrap()
        .timestamp_millis() as u64
}

/// A new record's scalar fields and its multi-valued fields.
type Fields = Vec<(&'static str, FieldValue)>;
type Sets = Vec<(&'static str, Vec<String>)>;

fn person_fields(rng: &mut StdRng, number: usize, author: &str) -> (Fields, Sets) {
    let given = GIVEN[rng.gen_range(0..GIVEN.len())];
    let family = FAMILY[rng.gen_range(0..FAMILY.len())];
    let fields = vec![
        ("display_name", text(format!("{given} {family} {number}"))),
        ("given_name", text(given)),
        ("family_name", text(family)),
        ("job_title", text("adviseur")),
        ("visibility", text("shared")),
        ("author", text(author)),
        ("created_at", text("2026-01-05T09:00:00.000Z")),
    ];
    let sets = vec![
        (
            "emails",
            vec![format!(
                "{}.{}{number}@voorbeeld.be",
                given.to_lowercase(),
                family.to_lowercase()
            )],
        ),
        (
            "phones",
            vec![format!(
                "+32 470 {:02} {:02} {:02}",
                number % 100,
                rng.gen_range(0..100),
                rng.gen_range(0..100)
            )],
        ),
        ("tags", vec![TAGS[rng.gen_range(0..TAGS.len())].to_owned()]),
    ];
    (fields, sets)
}

/// A relationship of `networker` with `stakeholder` and its interactions.
fn relationship_with(
    pair: &mut Pair,
    rng: &mut StdRng,
    networker: uuid::Uuid,
    stakeholder: uuid::Uuid,
    interactions: usize,
    next_interaction: &mut u128,
    space: u128,
) -> Result<()> {
    let author = networker.to_string();
    pair.create(
        RecordId::for_relationship(RecordId(networker), RecordId(stakeholder)).0,
        "relationship",
        &[
            ("networker", text(networker.to_string())),
            ("stakeholder", text(stakeholder.to_string())),
            ("strength", FieldValue::Int(rng.gen_range(1..=5))),
            ("status", text("active")),
            ("visibility", text("shared")),
            ("author", text(author.as_str())),
        ],
        &[],
    )?;
    for i in 0..interactions {
        *next_interaction += 1;
        pair.create(
            uuid_of(space, *next_interaction),
            "interaction",
            &[
                ("kind", text(KINDS[rng.gen_range(0..KINDS.len())])),
                (
                    "at",
                    text(format!(
                        "2026-0{}-{:02}T10:00:00+01:00",
                        2 + i % 7,
                        1 + rng.gen_range(0..28)
                    )),
                ),
                ("summary", text(format!("Overleg {i} over het dossier"))),
                ("visibility", text("shared")),
                ("author", text(author.as_str())),
            ],
            &[(
                "participants",
                vec![networker.to_string(), stakeholder.to_string()],
            )],
        )?;
    }
    Ok(())
}

fn bundle_paths(dir: &Path, extension: &str) -> Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    Ok(paths)
}

fn kring_dir(work: &Path) -> PathBuf {
    work.join("kring-bundles")
}

fn automerge_dir(work: &Path) -> PathBuf {
    work.join("automerge-docs")
}

/// Writes each networker's Kring bundle and Automerge document into `work`.
pub fn generate(work: &Path, workload: &Workload) -> Result<serde_json::Value> {
    let (kring_out, automerge_out) = (kring_dir(work), automerge_dir(work));
    for dir in [&kring_out, &automerge_out] {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir)?;
    }
    let (_, seconds) = measure::timed(|| -> Result<()> {
        // The master: the manager's shared cards, the base every networker starts from.
        let manager = uuid_of(1, 0);
        let mut base_kring = KringReplica {
            node: NodeId(1),
            millis: base_millis(),
            records: BTreeMap::new(),
        };
        let mut base_doc = AutoCommit::new().with_actor(ActorId::from(1u64.to_be_bytes()));
        let records = base_doc.put_object(ROOT, "records", ObjType::Map)?;
        base_doc.commit();
        let mut base_automerge = AutomergeReplica {
            doc: base_doc,
            records,
        };
        let mut rng = StdRng::seed_from_u64(42);
        let shared_ids: Vec<uuid::Uuid> = (0..workload.shared)
            .map(|n| uuid_of(2, n as u128))
            .collect();
        {
            let mut pair = Pair {
                kring: &mut base_kring,
                automerge: &mut base_automerge,
            };
            for (n, id) in shared_ids.iter().enumerate() {
                let (fields, sets) = person_fields(&mut rng, n, &manager.to_string());
                pair.create(*id, "person", &fields, &sets)?;
            }
        }
        let base_vector = VersionVector(BTreeMap::from([(
            NodeId(1),
            Hlc {
                millis: base_kring.millis,
                counter: 0,
            },
        )]));
        for n in 0..workload.networkers {
            let node = NodeId(1_000 + n as u64);
            let space = 10 + n as u128;
            let mut kring = base_kring.clone();
            kring.node = node;
            kring.millis = base_millis() + 3_600_000 + n as u64 * 7;
            let mut automerge = AutomergeReplica {
                doc: base_automerge
                    .doc
                    .fork()
                    .with_actor(ActorId::from(node.0.to_be_bytes())),
                records: base_automerge.records.clone(),
            };
            let mut pair = Pair {
                kring: &mut kring,
                automerge: &mut automerge,
            };
            let mut rng = StdRng::seed_from_u64(1_000 + n as u64);
            let me = uuid_of(space, 0);
            pair.create(
                me,
                "networker",
                &[
                    ("name", text(format!("Networker {n}"))),
                    ("status", text("active")),
                    ("visibility", text("shared")),
                    ("author", text(me.to_string())),
                ],
                &[],
            )?;
            let mut next_interaction: u128 = 1_000_000;
            for k in 0..workload.own {
                let person = uuid_of(space, 1 + k as u128);
                let (fields, sets) = person_fields(&mut rng, n * workload.own + k, &me.to_string());
                pair.create(person, "person", &fields, &sets)?;
                let interactions = rng.gen_range(1..=5);
                relationship_with(
                    &mut pair,
                    &mut rng,
                    me,
                    person,
                    interactions,
                    &mut next_interaction,
                    space,
                )?;
            }
            // Neighbours edit overlapping halves of the shared cards: concurrent edits.
            for e in 0..workload.edits {
                let card = shared_ids[(n * workload.edits / 2 + e) % shared_ids.len()];
                let title = if rng.gen_bool(0.2) {
                    format!("titel volgens networker {n}")
                } else {
                    "beleidsadviseur".to_owned()
                };
                pair.edit(
                    card,
                    ("job_title", text(title)),
                    ("tags", TAGS[n % TAGS.len()]),
                )?;
                relationship_with(
                    &mut pair,
                    &mut rng,
                    me,
                    card,
                    2,
                    &mut next_interaction,
                    space,
                )?;
            }
            // Kring: the networker's full export, signed with its own key.
            let mut version_vector = base_vector.clone();
            version_vector.0.insert(
                node,
                Hlc {
                    millis: kring.millis,
                    counter: 0,
                },
            );
            let header = BundleHeader {
                format_version: bundle::FORMAT_VERSION,
                schema_version: kring_core::store::SCHEMA_VERSION,
                kind: BundleKind::Full,
                organisation: None,
                author_node: node,
                author_networker: Some(RecordId(me)),
                author_name: format!("Networker {n}"),
                author_role: Role::Networker,
                created_at_millis: kring.millis as i64,
                high_water_mark: version_vector.high_water_mark(),
                version_vector,
                base: None,
                record_count: 0,
                body_hash: [0; 32],
                public_key: [0; 32],
                author_email: String::new(),
                encryption_key: None,
                coverage: Default::default(),
                author_earlier_nodes: Vec::new(),
            };
            bundle::write_bundle(
                &kring_out.join(format!("networker-{n:04}.kring")),
                header,
                kring.records.into_values(),
                &bundle::new_signing_key(),
            )?;
            // Automerge: the networker's whole document.
            std::fs::write(
                automerge_out.join(format!("networker-{n:04}.automerge")),
                automerge.doc.save(),
            )?;
        }
        Ok(())
    });
    Ok(serde_json::json!({
        "seconds": seconds,
        "kring_bundle_bytes": measure::size_on_disk(&kring_out),
        "automerge_doc_bytes": measure::size_on_disk(&automerge_out),
    }))
}

fn merge_now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(BASE_MILLIS_YEAR, 2, 1, 9, 0, 0)
        .unwrap()
}

/// Kring's import of every bundle into a fresh manager store: verify, journal, merge, indexes,
/// commit — the real `kring import`.
pub fn kring_import(work: &Path) -> Result<serde_json::Value> {
    let store_path = work.join("kring-merged-store");
    let _ = std::fs::remove_dir_all(&store_path);
    let store = kring_core::store::Store::open(&store_path, &Default::default())?;
    store.init(
        "Bench Manager",
        "manager@antwerpen.be",
        Role::Manager,
        merge_now(),
    )?;
    let paths = bundle_paths(&kring_dir(work), "kring")?;
    // Bundles whose signers are not on the roster are held, not merged (the import then read
    // nothing): the manager approves every networker's store first, as `kring trust` does.
    for path in &paths {
        store.trust(path, merge_now())?;
    }
    let (report, seconds) = measure::timed(|| store.import_bundles(&paths, false, merge_now()));
    let report = report?;
    let conflicts: usize = store.conflicts()?.iter().map(|c| c.fields.len()).sum();
    let records: usize = store.counts()?.values().sum();
    drop(store);
    Ok(serde_json::json!({
        "seconds": seconds,
        "bundles": paths.len(),
        "records_read": report.records_read,
        "records": records,
        "fields_in_conflict": conflicts,
        "bytes_on_disk": measure::size_on_disk(&store_path),
        "peak_rss_mb": measure::peak_rss_mb(),
    }))
}

/// Kring's merge in memory only: read and verify every bundle, join each record into a map.
pub fn kring_in_memory(work: &Path) -> Result<serde_json::Value> {
    let paths = bundle_paths(&kring_dir(work), "kring")?;
    let (merged, seconds) = measure::timed(|| -> Result<HashMap<uuid::Uuid, RecordState>> {
        let mut merged: HashMap<uuid::Uuid, RecordState> = HashMap::new();
        for path in &paths {
            let mut reader = bundle::open_bundle(path)?;
            while let Some(record) = reader.next_record()? {
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
        Ok(merged)
    });
    let merged = merged?;
    let conflicts: usize = merged
        .values()
        .map(|r| {
            r.fields
                .values()
                .filter(|f| !f.conflicts().is_empty())
                .count()
        })
        .sum();
    Ok(serde_json::json!({
        "seconds": seconds,
        "records": merged.len(),
        "fields_in_conflict": conflicts,
        "peak_rss_mb": measure::peak_rss_mb(),
    }))
}

/// Automerge: every networker's document loaded into one (`load_incremental`, which verifies
/// change hashes and skips changes already present), then saved to a file and synced to disk.
pub fn automerge_merge(work: &Path) -> Result<serde_json::Value> {
    let paths = bundle_paths(&automerge_dir(work), "automerge")?;
    let (doc, merge_seconds) = measure::timed(|| -> Result<AutoCommit> {
        let mut doc = AutoCommit::new();
        for path in &paths {
            let bytes = std::fs::read(path)?;
            doc.load_incremental(&bytes)
                .with_context(|| format!("loading {}", path.display()))?;
        }
        Ok(doc)
    });
    let mut doc = doc?;
    let out = work.join("automerge-merged.automerge");
    let (saved, save_seconds) = measure::timed(|| -> Result<u64> {
        let bytes = doc.save();
        let mut file = std::fs::File::create(&out)?;
        std::io::Write::write_all(&mut file, &bytes)?;
        file.sync_all()?;
        Ok(bytes.len() as u64)
    });
    let saved = saved?;
    let records = match doc.get(ROOT, "records")? {
        Some((Value::Object(ObjType::Map), object)) => object,
        _ => anyhow::bail!("the merged document has no records"),
    };
    let record_count = doc.length(&records);
    // Concurrent values of the edited field (Automerge keeps them all, as Kring does).
    let mut fields_with_concurrent_values = 0usize;
    for key in doc.keys(&records).collect::<Vec<_>>() {
        if let Some((_, record)) = doc.get(&records, key.as_str())? {
            let distinct: std::collections::BTreeSet<String> = doc
                .get_all(&record, "job_title")?
                .into_iter()
                .map(|(value, _)| value.to_string())
                .collect();
            if distinct.len() > 1 {
                fields_with_concurrent_values += 1;
            }
        }
    }
    Ok(serde_json::json!({
        "merge_seconds": merge_seconds,
        "save_seconds": save_seconds,
        "seconds": merge_seconds + save_seconds,
        "documents": paths.len(),
        "records": record_count,
        "fields_in_conflict": fields_with_concurrent_values,
        "bytes_on_disk": saved,
        "peak_rss_mb": measure::peak_rss_mb(),
    }))
}
