//! Relationship figures for the store's own views — a card, the card list, the Today list — by
//! the definitions of [`crate::figures`]: the same contacts (interactions, attended events,
//! recorded and privately noted last contacts), the same test for a networker who left, the same
//! identity groups as the manager's [`crate::manager::Network`], read from no more of the store
//! than the view needs. A card reads the interactions of its own cards through the interaction
//! index; the card list and the Today list read every interaction, by their two fields only.

use super::views::is_withdrawn;
use super::{body_of, Store, StoreResult};
use crate::crdt::{envelope, RecordState};
use crate::figures::{self, Contacts, ContactsBuilder, Standing};
use crate::identity_groups::IdentityGroups;
use crate::model::*;
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::{BTreeSet, HashSet};

/// What the figures of relationships need beyond the relationships themselves.
pub(crate) struct Standings {
    contacts: Contacts,
    /// Networkers who have left.
    left: HashSet<RecordId>,
    pub groups: IdentityGroups,
    /// This store's own networker (records a colleague withdrew are left out).
    pub me: Option<RecordId>,
    /// Every networker as lists name them ([`networker_labels`]).
    pub labels: std::collections::HashMap<RecordId, String>,
}

impl Standings {
    /// How a relationship stands at `now`, and its last contact at or before `now`.
    pub fn of(
        &self,
        state: &RecordState,
        relationship: &Relationship,
        now: DateTime<Utc>,
    ) -> (Standing, Option<DateTime<FixedOffset>>) {
        let last = self.contacts.last_before(
            relationship.networker,
            self.groups.canonical(relationship.stakeholder),
            now,
        );
        let start = figures::relationship_start(relationship, created_at(state));
        let left = self.left.contains(&relationship.networker);
        (
            figures::standing(relationship, start, left, last, now),
            last,
        )
    }
}

fn created_at(state: &RecordState) -> Option<DateTime<Utc>> {
    match state.current(envelope::CREATED_AT) {
        Some(serde_json::Value::String(text)) => DateTime::parse_from_rfc3339(&text)
            .ok()
            .map(|t| t.with_timezone(&Utc)),
        _ => None,
    }
}

/// An interaction's time and participants, read from its two fields alone (decoding the whole
/// body is ten times slower, and interactions are most of a large store).
pub(crate) fn interaction_contact(
    state: &RecordState,
) -> Option<(DateTime<FixedOffset>, Vec<RecordId>)> {
    let at = state
        .current_bytes("at")
        .and_then(|bytes| serde_json::from_slice::<String>(bytes).ok())
        .and_then(|text| DateTime::parse_from_rfc3339(&text).ok());
    match at {
        Some(at) => {
            let participants = state
                .sets
                .get("participants")
                .map(|set| {
                    set.present()
                        .filter_map(|bytes| serde_json::from_slice::<RecordId>(bytes).ok())
                        .collect()
                })
                .unwrap_or_default();
            Some((at, participants))
        }
        None => body_of::<Interaction>(state)
            .ok()
            .map(|i| (i.at, i.participants)),
    }
}

/// Which relationships to read the figures of.
pub(crate) enum Scope<'a> {
    /// Every relationship in the store.
    All,
    /// Relationships with these cards (stakeholders, or the networkers whose they are), each
    /// card with every card of its identity group.
    Cards(&'a [RecordId]),
}

impl Store {
    /// What the figures of the relationships in `scope` need.
    pub(crate) fn standings(&self, scope: Scope<'_>) -> StoreResult<Standings> {
        let me = self.profile()?.map(|p| p.networker);
        let groups = self.identity_groups()?;
        let mut networkers = HashSet::new();
        let mut left = HashSet::new();
        let mut bodies = Vec::new();
        self.for_each_live_of_kind(RecordKind::Networker, |state| {
            if is_withdrawn(&state, me) {
                return Ok(());
            }
            if let Ok(networker) = body_of::<Networker>(&state) {
                networkers.insert(RecordId(state.id));
                if networker.status == Some(NetworkerStatus::Left) {
                    left.insert(RecordId(state.id));
                }
                bodies.push((RecordId(state.id), networker));
            }
            Ok(())
        })?;
        let labels = networker_labels(bodies.iter().map(|(id, n)| (*id, n)));
        let private_contacts = self.private_contacts()?;
        let mut builder =
            ContactsBuilder::new(|id| networkers.contains(&id), |id| groups.canonical(id));
        let mut add_interaction = |state: &RecordState| {
            if !is_withdrawn(state, me) {
                if let Some((at, participants)) = interaction_contact(state) {
                    builder.met(&participants, at);
                }
            }
        };
        let mut relationships = Vec::new();
        match scope {
            Scope::All => {
                self.for_each_live_of_kind(RecordKind::Interaction, |state| {
                    add_interaction(&state);
                    Ok(())
                })?;
                self.for_each_live_of_kind(RecordKind::Relationship, |state| {
                    relationships.push(state);
                    Ok(())
                })?;
            }
            Scope::Cards(cards) => {
                let members: BTreeSet<RecordId> =
                    cards.iter().flat_map(|c| groups.members(*c)).collect();
                let members: Vec<RecordId> = members.into_iter().collect();
                for state in
                    self.live_by_index_of_all(super::indexes::Index::InteractionsByCard, &members)?
                {
                    add_interaction(&state);
                }
                for index in [
                    super::indexes::Index::RelationshipsByStakeholder,
                    super::indexes::Index::RelationshipsByNetworker,
                ] {
                    relationships.extend(self.live_by_index_of_all(index, &members)?);
                }
            }
        }
        // Events are the manager's few records: all of them, whatever the scope.
        self.for_each_live_of_kind(RecordKind::Event, |state| {
            if !is_withdrawn(&state, me) {
                if let Ok(event) = body_of::<crate::manager::Event>(&state) {
                    builder.event(&event);
                }
            }
            Ok(())
        })?;
        for state in &relationships {
            if is_withdrawn(state, me) {
                continue;
            }
            if let Ok(mut relationship) = body_of::<Relationship>(state) {
                private_contacts.apply(RecordId(state.id), &mut relationship);
                builder.recorded(&relationship);
            }
        }
        let contacts = builder.finish();
        Ok(Standings {
            contacts,
            left,
            groups,
            me,
            labels,
        })
    }
}
