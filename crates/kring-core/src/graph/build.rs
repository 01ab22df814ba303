//! Building the organisation graph from the store: one pass over each kind of record, identity
//! groups resolved to their canonical card, records withdrawn by a colleague left out.

use super::{GraphError, GraphNode, NodeKind, OrgGraph};
use crate::crdt::RecordState;
use crate::model::*;
use crate::store::private_contact::PrivateContacts;
use crate::store::views::is_withdrawn;
use crate::store::{body_of, Store, StoreResult};
use crate::sync::{shareable_projection, visibility_of};
use chrono::{DateTime, Utc};

/// Which ties to read from the store.
#[derive(Clone, Debug)]
pub struct GraphOptions {
    /// Tie participants of shared interactions (the slowest part to read on a large store).
    pub interactions: bool,
    /// Only what an export of this store would carry: each record as its shareable projection
    /// (private records left out, summary records as their summary fields), and no contact dates
    /// noted privately. For graph files that leave the machine; the map on screen shows all.
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
        store.for_each_live_of_kind(RecordKind::Relationship, |state| {
            let Some(state) = shown(state) else {
                return Ok(());
            };
            let mut relationship: Relationship = body_of(&state)?;
            private_contacts.apply(RecordId(state.id), &mut relationship);
            if let (Some(n), Some(s)) = (
                builder.index_of(relationship.networker),
                builder.index_of(relationship.stakeholder),
            ) {
                builder.relationship(RecordId(state.id), n, s, &relationship);
            }
            Ok(())
        })?;
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
        if options.interactions {
            let mut participants = Vec::new();
            store.for_each_live_of_kind(RecordKind::Interaction, |state| {
                let Some(state) = shown(state) else {
                    return Ok(());
                };
                // Interactions are most of a large store: read the two fields needed straight
                // from the record instead of decoding the whole body (10× faster).
                let Some(at) = interaction_date(&state) else {
                    let interaction: Interaction = body_of(&state)?;
                    participants.clear();
                    participants.extend(
                        interaction
                            .participants
                            .iter()
                            .filter_map(|p| builder.index_of(*p)),
                    );
                    builder.interaction(&participants, interaction.at.date_naive());
                    return Ok(());
                };
                participants.clear();
                if let Some(set) = state.sets.get("participants") {
                    participants.extend(
                        set.present()
                            .filter_map(|bytes| serde_json::from_slice::<RecordId>(bytes).ok())
                            .filter_map(|p| builder.index_of(p)),
                    );
                }
                builder.interaction(&participants, at);
                Ok(())
            })?;
        }
        Ok(builder.finish())
    }
}

/// The day of an interaction, read from its `at` field alone.
fn interaction_date(state: &RecordState) -> Option<chrono::NaiveDate> {
    let text: String = serde_json::from_slice(state.current_bytes("at")?).ok()?;
    chrono::DateTime::parse_from_rfc3339(&text)
        .ok()
        .map(|at| at.date_naive())
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
