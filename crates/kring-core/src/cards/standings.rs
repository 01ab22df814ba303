//! Relationship figures for the store's own views — a card, the card list, the Today list — by
//! the definitions of [`crate::manager::figures`]: the same contacts (interactions, attended events,
//! recorded and privately noted last contacts), the same test for a networker who left, the same
//! identity groups as the manager's [`crate::manager::Network`], read from no more of the store
//! than the view needs. A card reads the interactions of its own cards through the interaction
//! index; the card list and the Today list read every interaction, by their two fields only.

use crate::crdt::{envelope, RecordState};
use crate::identity_groups::IdentityGroups;
use crate::manager::figures::{self, Contacts, ContactsBuilder, Standing};
use crate::model::is_withdrawn;
use crate::model::*;
use crate::store::derived::Source;
use crate::store::{body_of, Store, StoreResult};
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// What the figures of relationships need beyond the relationships themselves.
pub(crate) struct Standings {
    contacts: Contacts,
    networkers: Arc<Networkers>,
    pub groups: Arc<IdentityGroups>,
    /// This store's own networker (records a colleague withdrew are left out).
    pub me: Option<RecordId>,
    /// The relationships of the scope (not withdrawn), decoded, with privately noted contacts
    /// applied: callers walk these instead of reading them again.
    pub relationships: Vec<(RecordState, Relationship)>,
}

/// The events the figures count as contacts (every one, whatever the scope), kept in the store
/// between calls like [`Networkers`].
struct Events {
    /// Whose store this was built for (an event its owner withdrew is theirs to count).
    me: Option<RecordId>,
    events: Vec<crate::model::manager::Event>,
}

/// Every networker's record as the figures read it, kept in the store between calls (opening
/// a card read all of them, 401 at 100,000 cards, for a few names) and built again after a
/// commit that writes a networker (see `Store::derived`).
struct Networkers {
    /// Whose store this was built for: a networker record the owner withdrew is theirs to see.
    me: Option<RecordId>,
    /// Every networker not withdrawn from this store's owner.
    ids: HashSet<RecordId>,
    /// Networkers who have left.
    left: HashSet<RecordId>,
    /// Every networker as lists name them ([`networker_labels`]).
    labels: HashMap<RecordId, String>,
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
        let left = self.networkers.left.contains(&relationship.networker);
        (
            figures::standing(relationship, start, left, last, now),
            last,
        )
    }

    /// A networker as lists name them, when they are one this store shows.
    pub fn label(&self, networker: RecordId) -> Option<&String> {
        self.networkers.labels.get(&networker)
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

/// A relationship read field by field from its stored bytes: what [`body_of`] gives, without
/// building a JSON object first (three times faster, and every relationship of a large store is
/// read for the card list and the Today list). None when a field does not read as its type; the
/// caller then asks `body_of`, which says why.
fn relationship_fields(state: &RecordState) -> Option<Relationship> {
    fn field<T: serde::de::DeserializeOwned>(
        state: &RecordState,
        name: &str,
    ) -> Result<Option<T>, ()> {
        match state.current_bytes(name) {
            None => Ok(None),
            Some(bytes) => serde_json::from_slice::<Option<T>>(bytes).map_err(|_| ()),
        }
    }
    Some(Relationship {
        networker: field(state, "networker").ok()??,
        stakeholder: field(state, "stakeholder").ok()??,
        strength: field(state, "strength").ok()?.unwrap_or(1),
        trust: field(state, "trust").ok()?,
        given: crate::store::indexes::set_strings(state, "given"),
        received: crate::store::indexes::set_strings(state, "received"),
        since: field(state, "since").ok()?,
        cadence_days: field(state, "cadence_days").ok()?,
        status: field(state, "status").ok()?,
        last_contact: field(state, "last_contact").ok()?,
    })
}

/// Which relationships to read the figures of.
pub(crate) enum Scope<'a> {
    /// Every relationship in the store.
    All,
    /// Relationships with these cards (stakeholders, or the networkers whose they are), each
    /// card with every card of its identity group.
    Cards(&'a [RecordId]),
    /// Every relationship, with no interaction read: contacts from events and recorded last
    /// contacts only. More contacts only make a relationship warmer, so one that is not going
    /// cold by these is not going cold at all; only the others need their interactions read.
    WithoutInteractions,
}

impl Store {
    /// What the figures of the relationships in `scope` need.
    pub(crate) fn standings(&self, scope: Scope<'_>) -> StoreResult<Standings> {
        let me = self.profile()?.map(|p| p.networker);
        let groups = self.shared_identity_groups()?;
        let networkers = self.networkers(me)?;
        let private_contacts = self.private_contacts()?;
        let mut builder =
            ContactsBuilder::new(|id| networkers.ids.contains(&id), |id| groups.canonical(id));
        let mut add_interaction = |state: &RecordState| {
            if !is_withdrawn(state, me) {
                if let Some((at, participants)) = interaction_contact(state) {
                    builder.met(&participants, at);
                }
            }
        };
        let mut states = Vec::new();
        match scope {
            Scope::All => {
                self.for_each_live_of_kind(RecordKind::Interaction, |state| {
                    add_interaction(&state);
                    Ok(())
                })?;
                self.for_each_live_of_kind(RecordKind::Relationship, |state| {
                    states.push(state);
                    Ok(())
                })?;
            }
            Scope::WithoutInteractions => {
                self.for_each_live_of_kind(RecordKind::Relationship, |state| {
                    states.push(state);
                    Ok(())
                })?;
            }
            Scope::Cards(cards) => {
                let members: BTreeSet<RecordId> =
                    cards.iter().flat_map(|c| groups.members(*c)).collect();
                let members: Vec<RecordId> = members.into_iter().collect();
                for state in self.live_by_index_of_all(
                    crate::store::indexes::Index::InteractionsByCard,
                    &members,
                )? {
                    add_interaction(&state);
                }
                for index in [
                    crate::store::indexes::Index::RelationshipsByStakeholder,
                    crate::store::indexes::Index::RelationshipsByNetworker,
                ] {
                    states.extend(self.live_by_index_of_all(index, &members)?);
                }
            }
        }
        // Events are the manager's few records: all of them, whatever the scope.
        for event in &self.events(me)?.events {
            builder.event(event);
        }
        let mut relationships = Vec::with_capacity(states.len());
        for state in states {
            if is_withdrawn(&state, me) {
                continue;
            }
            // A record that does not read as a relationship (a newer Kring's fields) is skipped,
            // as the manager's `Network` skips it.
            let Some(mut relationship) =
                relationship_fields(&state).or_else(|| body_of::<Relationship>(&state).ok())
            else {
                continue;
            };
            private_contacts.apply(RecordId(state.id), &mut relationship);
            builder.recorded(&relationship);
            relationships.push((state, relationship));
        }
        let contacts = builder.finish();
        Ok(Standings {
            contacts,
            networkers,
            groups,
            me,
            relationships,
        })
    }

    /// Every event not withdrawn from this store's owner, decoded, kept from the last call while
    /// no commit wrote an event since (and the store's owner is the same).
    fn events(&self, me: Option<RecordId>) -> StoreResult<Arc<Events>> {
        self.derived(
            &[Source::Records(RecordKind::Event)],
            |kept: &Events| kept.me == me,
            || {
                let mut events = Vec::new();
                self.for_each_live_of_kind(RecordKind::Event, |state| {
                    if !is_withdrawn(&state, me) {
                        if let Ok(event) = body_of::<crate::model::manager::Event>(&state) {
                            events.push(event);
                        }
                    }
                    Ok(())
                })?;
                Ok(Events { me, events })
            },
        )
    }

    /// Every networker's record as the figures read it, kept from the last call while no commit
    /// wrote a networker since (and the store's owner is the same).
    fn networkers(&self, me: Option<RecordId>) -> StoreResult<Arc<Networkers>> {
        self.derived(
            &[Source::Records(RecordKind::Networker)],
            |kept: &Networkers| kept.me == me,
            || {
                let mut ids = HashSet::new();
                let mut left = HashSet::new();
                let mut bodies = Vec::new();
                self.for_each_live_of_kind(RecordKind::Networker, |state| {
                    if is_withdrawn(&state, me) {
                        return Ok(());
                    }
                    if let Ok(networker) = body_of::<Networker>(&state) {
                        ids.insert(RecordId(state.id));
                        if networker.status == Some(NetworkerStatus::Left) {
                            left.insert(RecordId(state.id));
                        }
                        bodies.push((RecordId(state.id), networker));
                    }
                    Ok(())
                })?;
                let labels = networker_labels(bodies.iter().map(|(id, n)| (*id, n)));
                Ok(Networkers {
                    me,
                    ids,
                    left,
                    labels,
                })
            },
        )
    }
}
