//! What a record's concurrent values look like to a person: for each field that holds more than
//! one, the current value and those that lost, with who wrote them and when. The card, the
//! conflicts list and an access report show them.

use crate::crdt::RecordState;
use serde::Serialize;

/// A field that holds concurrent values: the current one and those that lost.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldConflict {
    pub field: String,
    pub current: serde_json::Value,
    pub current_by: String,
    pub current_at: String,
    pub losing: Vec<LosingValue>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LosingValue {
    pub value: serde_json::Value,
    pub node: String,
    pub at: String,
}

/// The fields of a record that hold concurrent values.
pub fn conflicts_of(state: &RecordState) -> Vec<FieldConflict> {
    state
        .fields
        .iter()
        .filter(|(_, register)| !register.conflicts().is_empty())
        .filter_map(|(field, register)| {
            let current = register.current()?;
            Some(FieldConflict {
                field: field.clone(),
                current: current.json(),
                current_by: current.stamp.node.to_string(),
                current_at: current.stamp.to_rfc3339(),
                losing: register
                    .conflicts()
                    .iter()
                    .map(|v| LosingValue {
                        value: v.json(),
                        node: v.stamp.node.to_string(),
                        at: v.stamp.to_rfc3339(),
                    })
                    .collect(),
            })
        })
        .collect()
}
