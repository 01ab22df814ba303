//! Building the organisation graph from the store: one pass over each kind of record, identity
//! groups resolved to their canonical card, records withdrawn by a colleague left out.

use super::{GraphError, GraphNode, NodeKind, OrgGraph};
use crate::cards::standings::interaction_contact;
use crate::crdt::RecordState;
use crate::manager::figures::ContactsBuilder;
use crate::model::is_withdrawn;
use crate::model::*;
use crate::store::private_contact::PrivateContacts;
use crate::store::{body_of, Store, StoreResult};
use crate::sync::{shareable_projection, visibility_of};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// Which ties to read from the store.
#[derive(Clone, Debug)]
pub struct GraphOptions {
    /// Tie participants of shared interactions (the slowest part to read on a large store).
    pub interactions: bool,
    /// Only what an export of this store would carry: each record as its shareable projection
    /// (private records left out, summary records as their summary fields), and no contact dates
    /// noted privately. For graph files that leave the machine (so refused in a demo store); the
    /// map on screen shows all.
    pub shareable_only: bool,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            interactions: true,
            shareable_only: false,
        }
    }
}

impl OrgGraph {
    /// The organisation's graph as this store sees it at `now`.
    pub fn from_store(
        store: &Store,
        options: &GraphOptions,
        now: DateTime<Utc>,
    ) -> Result<OrgGraph, GraphError> {
        // Only what may leave the machine is built for export, and a demo's never does.
        if options.shareable_only {
            store.refuse_if_demo("exported as a graph file")?;
        }
        let groups = store.identity_groups()?;
        let me = store.profile()?.map(|p| p.networker);
        // A record as this graph may show it, or none.
        let shown = |state: RecordState| -> Option<RecordState> {
            if is_withdrawn(&state, me) {
                return None;
            }
            if !options.shareable_only {
                return Some(state);
            }
            shareable_projection(&state).filter(|p| visibility_of(p) != Visibility::Private)
        };
        let mut builder = OrgGraph::builder(now);
        let mut members: Vec<(RecordId, RecordId, RecordState, NodeKind)> = Vec::new();

        for (kind, node_kind) in [
            (RecordKind::Networker, NodeKind::Networker),
            (RecordKind::Organisation, NodeKind::Organisation),
            (RecordKind::Person, NodeKind::Person),
        ] {
            store.for_each_live_of_kind(kind, |state| {
                let Some(state) = shown(state) else {
                    return Ok(());
                };
                let id = RecordId(state.id);
                let canonical = groups.canonical(id);
                if canonical != id {
                    members.push((id, canonical, state, node_kind));
                    return Ok(());
                }
                let node = node_of_state(&state, node_kind, groups.members(id).len())?;
                builder.node(node);
                Ok(())
            })?;
        }
        // Members of a group find the canonical card's node (or stand for the group when the
        // canonical card itself is not visible here).
        for (id, canonical, state, node_kind) in members {
            let node = match builder.index_of(canonical) {
                Some(node) => node,
                None => {
                    let node = node_of_state(&state, node_kind, groups.members(id).len())?;
                    let index = builder.node(node);
                    builder.alias(canonical, index);
                    index
                }
            };
            builder.alias(id, node);
        }

        let private_contacts = if options.shareable_only {
            PrivateContacts::default()
        } else {
            store.private_contacts()?
        };
        // Contacts decide each relationship's last contact and whether it is going cold
        // (`crate::manager::figures`): interactions, attended events and recorded last contacts, the same
        // as for every other view.
        let networkers: HashSet<RecordId> = builder_networkers(&builder);
        let mut contacts =
            ContactsBuilder::new(|id| networkers.contains(&id), |id| groups.canonical(id));
        let mut participants = Vec::new();
        store.for_each_live_of_kind(RecordKind::Interaction, |state| {
            let Some(state) = shown(state) else {
                return Ok(());
            };
            let Some((at, people)) = interaction_contact(&state) else {
                return Ok(());
            };
            contacts.met(&people, at);
            if options.interactions {
                participants.clear();
                participants.extend(people.iter().filter_map(|p| builder.index_of(*p)));
                builder.interaction(&participants, at.date_naive());
            }
            Ok(())
        })?;
        store.for_each_live_of_kind(RecordKind::Event, |state| {
            if let Some(state) = shown(state) {
                if let Ok(event) = body_of::<crate::model::manager::Event>(&state) {
                    contacts.event(&event);
                }
            }
            Ok(())
        })?;
        let mut relationships = Vec::new();
        store.for_each_live_of_kind(RecordKind::Relationship, |state| {
            let Some(state) = shown(state) else {
                return Ok(());
            };
            let mut relationship: Relationship = body_of(&state)?;
            private_contacts.apply(RecordId(state.id), &mut relationship);
            contacts.recorded(&relationship);
            relationships.push((RecordId(state.id), created_at(&state), relationship));
            Ok(())
        })?;
        let contacts = contacts.finish();
        for (id, created, mut relationship) in relationships {
            relationship.since =
                crate::manager::figures::relationship_start(&relationship, created);
            relationship.last_contact = contacts.last_before(
                relationship.networker,
                groups.canonical(relationship.stakeholder),
                now,
            );
            if let (Some(n), Some(s)) = (
                builder.index_of(relationship.networker),
                builder.index_of(relationship.stakeholder),
            ) {
                builder.relationship(id, n, s, &relationship);
            }
        }
        store.for_each_live_of_kind(RecordKind::Affiliation, |state| {
            let Some(state) = shown(state) else {
                return Ok(());
            };
            let affiliation: Affiliation = body_of(&state)?;
            if let (Some(p), Some(o)) = (
                builder.index_of(affiliation.person),
                builder.index_of(affiliation.organisation),
            ) {
                builder.affiliation(p, o, affiliation.from, affiliation.to);
            }
            Ok(())
        })?;
        store.for_each_live_of_kind(RecordKind::Link, |state| {
            let Some(state) = shown(state) else {
                return Ok(());
            };
            let link: Link = body_of(&state)?;
            if let (Some(a), Some(b)) = (builder.index_of(link.from), builder.index_of(link.to)) {
                builder.link(a, b);
            }
            Ok(())
        })?;
        Ok(builder.finish())
    }
}

/// The ids of the networker nodes added so far.
fn builder_networkers(builder: &super::GraphBuilder) -> HashSet<RecordId> {
    builder
        .graph
        .graph
        .node_weights()
        .filter(|n| n.kind == NodeKind::Networker)
        .map(|n| n.id)
        .collect()
}

fn created_at(state: &RecordState) -> Option<DateTime<Utc>> {
    match state.current(crate::crdt::envelope::CREATED_AT) {
        Some(serde_json::Value::String(text)) => DateTime::parse_from_rfc3339(&text)
            .ok()
            .map(|t| t.with_timezone(&Utc)),
        _ => None,
    }
}

fn node_of_state(state: &RecordState, kind: NodeKind, cards: usize) -> StoreResult<GraphNode> {
    let id = RecordId(state.id);
    let mut node = GraphNode::new(id, kind, String::new());
    node.cards = cards as u32;
    match kind {
        NodeKind::Networker => {
            let networker: Networker = body_of(state)?;
            node.name = networker.name;
            node.unit = networker.unit;
            node.left = networker.status == Some(NetworkerStatus::Left);
        }
        NodeKind::Person => {
            let person: Person = body_of(state)?;
            node.name = person.display_name;
            node.tags = person.tags;
        }
        NodeKind::Organisation => {
            let organisation: Organisation = body_of(state)?;
            node.name = organisation.name;
            node.sector = organisation.sector;
            node.level = organisation.level;
            node.tags = organisation.tags;
        }
    }
    Ok(node)
}
