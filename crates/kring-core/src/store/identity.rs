//! The store's node identity, and noticing when a store folder was copied.
//!
//! Two stores writing under one node id break the guarantee that a node's stamps are unique and
//! increasing (Automerge's "duplicate actor id", Yjs's client-id collisions). A store remembers
//! where it lives: the machine, the folder's canonical path and the folder's inode. When any of
//! them differs at open, the folder was copied or restored, and the store takes a new node id.
//! Records written under the old id keep it; new writes use the new one.

use super::{meta_key, StoreError, StoreResult};
use crate::clock::NodeId;
use crate::model::roster::EARLIER_NODES_NAMED;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Fingerprint {
    machine: String,
    path: String,
    inode: u64,
}

const FINGERPRINT_KEY: &[u8] = b"fingerprint";
const PREVIOUS_NODES_KEY: &[u8] = b"previous_node_ids";

pub(super) struct Identity {
    pub node: NodeId,
    pub renewed_from: Option<NodeId>,
}

fn machine_id() -> String {
    for file in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
        if let Ok(id) = std::fs::read_to_string(file) {
            let id = id.trim();
            if !id.is_empty() {
                return id.to_owned();
            }
        }
    }
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .unwrap_or_default()
}

fn fingerprint(path: &Path) -> Fingerprint {
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    #[cfg(unix)]
    let inode = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(&canonical).map(|m| m.ino()).unwrap_or(0)
    };
    #[cfg(not(unix))]
    let inode = 0;
    Fingerprint {
        machine: machine_id(),
        path: canonical.to_string_lossy().into_owned(),
        inode,
    }
}

impl super::Store {
    /// The nodes this store wrote under before its current one (oldest first, at most
    /// [`EARLIER_NODES_NAMED`], the latest): it took a new node each time it was restored from a
    /// backup or found copied. What it wrote under them keeps their stamps, so its bundles name
    /// them for the managers to put on the roster with it.
    pub fn earlier_nodes(&self) -> StoreResult<Vec<NodeId>> {
        let mut previous = previous_nodes(&self.meta)?;
        previous.retain(|node| *node != self.node_id());
        let skip = previous.len().saturating_sub(EARLIER_NODES_NAMED);
        Ok(previous.split_off(skip))
    }
}

/// Adds `nodes` to the nodes the store wrote under before (each once, in order).
pub(super) fn remember_earlier(meta: &sled::Tree, nodes: &[NodeId]) -> StoreResult<()> {
    let mut previous = previous_nodes(meta)?;
    for node in nodes {
        if !previous.contains(node) {
            previous.push(*node);
        }
    }
    meta.insert(
        PREVIOUS_NODES_KEY,
        serde_json::to_vec(&previous).map_err(|e| StoreError::Io(e.to_string()))?,
    )?;
    Ok(())
}

fn previous_nodes(meta: &sled::Tree) -> StoreResult<Vec<NodeId>> {
    Ok(meta
        .get(PREVIOUS_NODES_KEY)?
        .and_then(|v| serde_json::from_slice(&v).ok())
        .unwrap_or_default())
}

pub(super) fn establish(meta: &sled::Tree, path: &Path) -> StoreResult<Identity> {
    let here = fingerprint(path);
    let stored_node = meta
        .get(meta_key::NODE_ID)?
        .and_then(|v| v.as_ref().try_into().ok().map(u64::from_be_bytes))
        .map(NodeId);
    let stored_fingerprint: Option<Fingerprint> = meta
        .get(FINGERPRINT_KEY)?
        .and_then(|v| serde_json::from_slice(&v).ok());
    let (node, renewed_from) = match (stored_node, stored_fingerprint) {
        (Some(node), Some(fingerprint)) if fingerprint == here => {
            return Ok(Identity {
                node,
                renewed_from: None,
            })
        }
        (Some(old), _) => (NodeId::random(), Some(old)),
        (None, _) => (NodeId::random(), None),
    };
    if let Some(old) = renewed_from {
        remember_earlier(meta, &[old])?;
    }
    meta.insert(meta_key::NODE_ID, &node.0.to_be_bytes())?;
    meta.insert(
        FINGERPRINT_KEY,
        serde_json::to_vec(&here).map_err(|e| StoreError::Io(e.to_string()))?,
    )?;
    Ok(Identity { node, renewed_from })
}
