//! What a record's concurrent values look like to a person: for each field that holds more than
//! one, the current value and those that lost, with who wrote them and when. The card, the
//! conflicts list and an access report show them.

use crate::clock::NodeId;
use crate::crdt::RecordState;
use serde::Serialize;

/// A field that holds concurrent values: the current one and those that lost.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldConflict {
    pub field: String,
    pub current: serde_json::Value,
    /// The node that wrote the current value.
    pub current_by: String,
    /// Its owner's name, where this store's roster knows the node.
    pub current_by_name: Option<String>,
    pub current_at: String,
    pub losing: Vec<LosingValue>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LosingValue {
    pub value: serde_json::Value,
    pub node: String,
    /// The node's owner's name, where this store's roster knows it.
    pub by_name: Option<String>,
    pub at: String,
}

/// The fields of a record that hold concurrent values, their writers named by node only.
pub fn conflicts_of(state: &RecordState) -> Vec<FieldConflict> {
    conflicts_named(state, &|_| None)
}

/// The fields of a record that hold concurrent values, each writer also named by `name_of`
/// (the roster: "An Peeters" says more than a node id to whoever settles it).
pub fn conflicts_named(
    state: &RecordState,
    name_of: &dyn Fn(NodeId) -> Option<String>,
) -> Vec<FieldConflict> {
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
                current_by_name: name_of(current.stamp.node),
                current_at: current.stamp.to_rfc3339(),
                losing: register
                    .conflicts()
                    .iter()
                    .map(|v| LosingValue {
                        value: v.json(),
                        node: v.stamp.node.to_string(),
                        by_name: name_of(v.stamp.node),
                        at: v.stamp.to_rfc3339(),
                    })
                    .collect(),
            })
        })
        .collect()
}
