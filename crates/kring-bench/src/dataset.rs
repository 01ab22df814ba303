//! The demo network as plain rows: every live record of a Kring store with the current value of
//! each field and nothing else (no stamps, no version vectors, no history), written as JSON lines.
//!
//! This is what SQLite is given, so both stores hold the same records: the ones Kring's own demo
//! generator made (`kring demo --cards N`). Kinds come out parents first (cards, then the records
//! that point at them), the order a schema with foreign keys needs.

use anyhow::{Context, Result};
use kring_core::crdt::{envelope, RecordState};
use kring_core::model::RecordKind;
use kring_core::store::Store;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

/// Parents before children, so every reference points at a row already written.
pub const KINDS_IN_INSERT_ORDER: &[RecordKind] = &[
    RecordKind::Networker,
    RecordKind::Organisation,
    RecordKind::Person,
    RecordKind::Affiliation,
    RecordKind::Relationship,
    RecordKind::Interaction,
    RecordKind::FollowUp,
    RecordKind::Note,
    RecordKind::Link,
    RecordKind::SameAs,
    RecordKind::Goal,
    RecordKind::Team,
    RecordKind::Partnership,
    RecordKind::PartnershipReview,
    RecordKind::Event,
    RecordKind::StakeholderRating,
];

/// One record's current values.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Row {
    pub id: uuid::Uuid,
    pub kind: String,
    pub visibility: Option<String>,
    pub author: Option<String>,
    pub created_at: Option<String>,
    /// Every other field: scalars as their JSON value, multi-valued fields as arrays.
    pub fields: serde_json::Map<String, serde_json::Value>,
}

impl Row {
    fn of(state: &RecordState) -> Row {
        let text = |field: &str| match state.current(field) {
            Some(serde_json::Value::String(text)) => Some(text),
            _ => None,
        };
        let mut fields = serde_json::Map::new();
        for (name, register) in &state.fields {
            if [
                envelope::VISIBILITY,
                envelope::AUTHOR,
                envelope::CREATED_AT,
                envelope::DELETED,
            ]
            .contains(&name.as_str())
            {
                continue;
            }
            if let Some(version) = register.current() {
                fields.insert(name.clone(), version.json());
            }
        }
        for (name, set) in &state.sets {
            let elements = set
                .present()
                .map(|bytes| serde_json::from_slice(bytes).unwrap_or(serde_json::Value::Null))
                .collect();
            fields.insert(name.clone(), serde_json::Value::Array(elements));
        }
        Row {
            id: state.id,
            kind: state.kind.clone(),
            visibility: text(envelope::VISIBILITY),
            author: text(envelope::AUTHOR),
            created_at: text(envelope::CREATED_AT),
            fields,
        }
    }

    pub fn text(&self, field: &str) -> Option<&str> {
        self.fields.get(field).and_then(serde_json::Value::as_str)
    }

    pub fn int(&self, field: &str) -> Option<i64> {
        self.fields.get(field).and_then(serde_json::Value::as_i64)
    }

    pub fn id_field(&self, field: &str) -> Option<uuid::Uuid> {
        self.text(field).and_then(|text| text.parse().ok())
    }

    pub fn ids(&self, field: &str) -> Vec<uuid::Uuid> {
        self.fields
            .get(field)
            .and_then(serde_json::Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| item.as_str()?.parse().ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A multi-valued field as JSON text, the way the SQLite schema keeps small lists.
    pub fn list_json(&self, field: &str) -> String {
        self.fields
            .get(field)
            .map_or_else(|| "[]".to_owned(), serde_json::Value::to_string)
    }
}

/// Writes every live record of `store` to `path`, one JSON row a line. Returns the row count.
pub fn extract(store: &Store, path: &Path) -> Result<u64> {
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = BufWriter::new(file);
    let mut rows = 0u64;
    for kind in KINDS_IN_INSERT_ORDER {
        let mut failure: Option<std::io::Error> = None;
        store.for_each_live_of_kind(*kind, |state| {
            if failure.is_none() {
                let written = serde_json::to_writer(&mut out, &Row::of(&state))
                    .map_err(std::io::Error::from)
                    .and_then(|()| out.write_all(b"\n"));
                if let Err(e) = written {
                    failure = Some(e);
                }
                rows += 1;
            }
            Ok(())
        })?;
        if let Some(e) = failure {
            return Err(e).with_context(|| format!("writing {}", path.display()));
        }
    }
    out.flush()?;
    Ok(rows)
}

/// Reads the rows back, in the order they were written.
pub fn load(path: &Path) -> Result<Vec<Row>> {
    stream(path)?.collect()
}

/// Reads the rows one at a time, in the order they were written: for sizes whose rows do not
/// fit in memory (a million cards make about 8.8 million rows, roughly 11 GB as `Row`s).
pub fn stream(path: &Path) -> Result<impl Iterator<Item = Result<Row>>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    Ok(std::io::BufReader::new(file)
        .lines()
        .map(|line| Ok(serde_json::from_str(&line?)?)))
}
