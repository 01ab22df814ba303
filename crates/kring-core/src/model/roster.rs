//! The roster's record kind: one entry per store (node) of the organisation, written by managers
//! and read by [`crate::trust`], which decides from it whose bundles a store merges.

use crate::clock::NodeId;
use crate::model::{RecordBody, RecordId, RecordKind, Role, ValidationError};
use serde::{Deserialize, Serialize};

/// Whether a roster entry may still write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    Enrolled,
    /// Left the organisation or replaced by a new key: writes stamped after the removal are
    /// refused, earlier ones stand.
    Removed,
}

/// One entry of the organisation's roster: a store (node) and its keys, who uses it and in what
/// role. Stored as a record of kind `member` whose id is derived from the node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The node id, 16 hexadecimal digits.
    pub node: String,
    /// The member's networker card.
    #[serde(default)]
    pub networker: Option<RecordId>,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    pub role: Role,
    pub status: MemberStatus,
    /// The ed25519 key that signs the member's bundles, in hexadecimal.
    pub signing_key: String,
    /// The age recipient (`age1…`) bundles for this member are encrypted to.
    #[serde(default)]
    pub encryption_key: Option<String>,
    /// The nodes the member's store wrote under before `node` (a restored backup, a copied
    /// store), at most [`EARLIER_NODES_NAMED`]: its writes under them are its own.
    #[serde(default)]
    pub earlier_nodes: Vec<String>,
}

/// How many earlier nodes a store names (in its bundles, on the roster): a store restored or
/// copied more often than this names its latest ones.
pub const EARLIER_NODES_NAMED: usize = 64;

impl RecordBody for Member {
    const KIND: RecordKind = RecordKind::Member;
    fn validate(&self) -> Result<(), ValidationError> {
        // As Kring writes them: lowercase hexadecimal (another spelling would be another value).
        let lower_hex = |text: &str, digits: usize| {
            text.len() == digits
                && text
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        };
        if !lower_hex(&self.node, 16) {
            return Err(ValidationError::worded(
                "node",
                "not_a_node_id",
                &[("value", self.node.as_str().into())],
            ));
        }
        if self.name.trim().is_empty() {
            return Err(ValidationError::worded("name", "empty", &[]));
        }
        if let Some(email) = &self.email {
            crate::model::validate_email("email", email)?;
        }
        if !lower_hex(&self.signing_key, 64) {
            return Err(ValidationError::worded(
                "signing_key",
                "not_a_signing_key",
                &[],
            ));
        }
        if self.earlier_nodes.len() > EARLIER_NODES_NAMED {
            return Err(ValidationError::worded(
                "earlier_nodes",
                "too_many_items",
                &[
                    ("count", (self.earlier_nodes.len() as i64).into()),
                    ("limit", (EARLIER_NODES_NAMED as i64).into()),
                ],
            ));
        }
        if let Some(bad) = self.earlier_nodes.iter().find(|n| !lower_hex(n, 16)) {
            return Err(ValidationError::worded(
                "earlier_nodes",
                "not_a_node_id",
                &[("value", bad.as_str().into())],
            ));
        }
        if let Some(key) = &self.encryption_key {
            if key.parse::<age::x25519::Recipient>().is_err() {
                return Err(ValidationError::worded(
                    "encryption_key",
                    "not_an_encryption_key",
                    &[],
                ));
            }
        }
        Ok(())
    }
}

impl RecordId {
    /// The id of a node's roster entry: every manager who enrols the same node writes the same
    /// record.
    pub fn for_member(node: NodeId) -> RecordId {
        RecordId(uuid::Uuid::new_v5(&MEMBER_NAMESPACE, &node.0.to_be_bytes()))
    }
}

const MEMBER_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6b72_696e_672d_6d65_6d62_6572_0000_0000);
