//! Conflicts: fields that two writers changed concurrently. The merge keeps every concurrent value;
//! the current one is chosen deterministically, and the user sees the others here and can pick.

use super::SyncResult;
use crate::model::conflicts::{conflicts_named, FieldConflict};
use crate::model::{RecordId, RecordKind, ValidationError};
use crate::store::indexes::Index;
use crate::store::search::card_title;
use crate::store::{json_bytes, RecordChange, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A record with fields in conflict.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RecordConflicts {
    pub id: RecordId,
    /// None for a kind this Kring does not know (a newer Kring's record passing through).
    pub kind: Option<RecordKind>,
    pub name: String,
    pub fields: Vec<FieldConflict>,
}

/// Which value settles a conflict.
#[derive(Clone, Debug)]
pub enum Resolution {
    /// Keep the value that is current now.
    KeepCurrent,
    /// Take the n-th losing value (0-based, in the order `conflicts` lists them).
    TakeLosing(usize),
    /// Write a new value (JSON, or plain text for text fields).
    Value(String),
}

impl Store {
    /// Every record with fields in conflict.
    pub fn conflicts(&self) -> SyncResult<Vec<RecordConflicts>> {
        let mut out = Vec::new();
        let roster = self.roster()?;
        let name_of = |node| roster.writer_entry(node).map(|entry| entry.name.clone());
        for id in self.ids_with_prefix(Index::Conflicts, &[])? {
            let Some(state) = self.state(id)? else {
                continue;
            };
            let fields = conflicts_named(&state, &name_of);
            if fields.is_empty() {
                continue;
            }
            let (name, _) = card_title(&state);
            out.push(RecordConflicts {
                id,
                kind: state.kind.parse().ok(),
                name,
                fields,
            });
        }
        Ok(out)
    }

    /// Settles a conflict on one field by writing the chosen value locally: the new version has
    /// seen every concurrent one, so it supersedes them all, here and wherever it syncs.
    pub fn resolve(
        &self,
        id: RecordId,
        field: &str,
        resolution: &Resolution,
        now: DateTime<Utc>,
    ) -> SyncResult<()> {
        let before = self.state(id)?.ok_or(StoreError::NotFound(id))?;
        let register = before
            .fields
            .get(field)
            .filter(|r| !r.conflicts().is_empty())
            .ok_or_else(|| ValidationError::worded(field, "no_conflict", &[]))?;
        let value: Vec<u8> = match resolution {
            Resolution::KeepCurrent => register
                .current()
                .expect("a conflict has a current value")
                .value
                .clone(),
            Resolution::TakeLosing(n) => register
                .conflicts()
                .get(*n)
                .ok_or_else(|| {
                    ValidationError::worded(
                        field,
                        "no_losing_value",
                        &[("number", (*n as i64 + 1).into())],
                    )
                })?
                .value
                .clone(),
            Resolution::Value(text) => match serde_json::from_str::<serde_json::Value>(text) {
                Ok(json) => json_bytes(&json),
                Err(_) => json_bytes(&serde_json::Value::String(text.clone())),
            },
        };
        let mut after = before.clone();
        let stamp = self.next_stamp(now);
        let superseded = after
            .fields
            .get_mut(field)
            .expect("checked above")
            .write(value, stamp);
        let superseded = superseded
            .into_iter()
            .map(|v| (field.to_owned(), v))
            .collect();
        self.commit(
            vec![RecordChange {
                before: Some(before),
                after,
                superseded,
            }],
            Vec::new(),
            now,
        )?;
        Ok(())
    }
}
