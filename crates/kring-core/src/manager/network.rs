//! The organisation's network read once into memory for the Manager of the Network's
//! computations (KPIs, coverage, offboarding, the transparency register).

use super::records::*;
use crate::crdt::{envelope, RecordState};
use crate::model::is_withdrawn;
use crate::model::visibility_of;
use crate::model::*;
use crate::store::{body_of, Store, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap};

/// A record with its id and visibility.
#[derive(Clone, Debug)]
pub struct Item<T> {
    pub id: RecordId,
    pub body: T,
    pub visibility: Visibility,
    pub created_at: Option<DateTime<Utc>>,
}

/// A stakeholder or networker card: what the computations need of it.
#[derive(Clone, Debug)]
pub struct CardInfo {
    pub kind: RecordKind,
    pub name: String,
    pub visibility: Visibility,
    pub tags: Vec<String>,
    pub sector: Option<String>,
}

/// Everything live and visible in a store that the manager's computations read.
#[derive(Clone, Debug, Default)]
pub struct Network {
    pub networkers: BTreeMap<RecordId, Item<Networker>>,
    pub cards: HashMap<RecordId, CardInfo>,
    pub relationships: Vec<Item<Relationship>>,
    pub interactions: Vec<Item<Interaction>>,
    pub events: Vec<Item<Event>>,
    pub goals: Vec<Item<Goal>>,
    pub teams: Vec<Item<Team>>,
    pub partnerships: Vec<Item<Partnership>>,
    pub reviews: Vec<Item<PartnershipReview>>,
    /// The canonical card of every card in an identity group of two or more.
    pub canonical: HashMap<RecordId, RecordId>,
    /// The current organisation of people (their current affiliation), for registers.
    pub organisation_of: HashMap<RecordId, RecordId>,
}

fn created_at(state: &RecordState) -> Option<DateTime<Utc>> {
    match state.current(envelope::CREATED_AT) {
        Some(serde_json::Value::String(text)) => DateTime::parse_from_rfc3339(&text)
            .ok()
            .map(|t| t.with_timezone(&Utc)),
        _ => None,
    }
}

fn text(state: &RecordState, field: &str) -> Option<String> {
    match state.current(field) {
        Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s),
        _ => None,
    }
}

/// Every live record of one kind that reads as that kind, leaving out what a colleague withdrew
/// (made private after sharing). `me` is this store's own networker.
pub(crate) fn items<T: RecordBody>(
    store: &Store,
    me: Option<RecordId>,
) -> StoreResult<Vec<Item<T>>> {
    let mut out = Vec::new();
    store.for_each_live_of_kind(T::KIND, |state| {
        if is_withdrawn(&state, me) {
            return Ok(());
        }
        // A record that does not read as its kind (a newer Kring's fields) is skipped.
        if let Ok(body) = body_of::<T>(&state) {
            out.push(Item {
                id: RecordId(state.id),
                body,
                visibility: visibility_of(&state),
                created_at: created_at(&state),
            });
        }
        Ok(())
    })?;
    Ok(out)
}

impl Network {
    /// Reads the network. Records a colleague withdrew (made private after sharing) are left out.
    pub fn load(store: &Store, now: DateTime<Utc>) -> StoreResult<Network> {
        let me = store.profile()?.map(|p| p.networker);
        let mut network = Network::default();
        for item in items::<Networker>(store, me)? {
            network.cards.insert(
                item.id,
                CardInfo {
                    kind: RecordKind::Networker,
                    name: item.body.name.clone(),
                    visibility: item.visibility,
                    tags: vec![],
                    sector: None,
                },
            );
            network.networkers.insert(item.id, item);
        }
        for kind in [RecordKind::Person, RecordKind::Organisation] {
            store.for_each_live_of_kind(kind, |state| {
                if is_withdrawn(&state, me) {
                    return Ok(());
                }
                let (name, _) = crate::store::search::card_title(&state);
                network.cards.insert(
                    RecordId(state.id),
                    CardInfo {
                        kind,
                        name,
                        visibility: visibility_of(&state),
                        tags: crate::store::indexes::set_strings(&state, "tags"),
                        sector: text(&state, "sector"),
                    },
                );
                Ok(())
            })?;
        }
        let today = now.date_naive();
        for affiliation in items::<Affiliation>(store, me)? {
            let a = affiliation.body;
            if a.to.is_none_or(|to| to >= today) {
                network.organisation_of.insert(a.person, a.organisation);
            }
        }
        network.relationships = items(store, me)?;
        // The owner's relationships as the owner sees them: a contact noted privately counts.
        let private_contacts = store.private_contacts()?;
        for item in &mut network.relationships {
            private_contacts.apply(item.id, &mut item.body);
        }
        network.interactions = items(store, me)?;
        network.events = items(store, me)?;
        network.goals = items(store, me)?;
        network.teams = items(store, me)?;
        network.partnerships = items(store, me)?;
        network.reviews = items(store, me)?;
        let groups = store.identity_groups()?;
        for id in network.cards.keys() {
            let canonical = groups.canonical(*id);
            if canonical != *id {
                network.canonical.insert(*id, canonical);
            }
        }
        Ok(network)
    }

    /// The card a stakeholder is shown as (its identity group's canonical card).
    pub fn canonical(&self, id: RecordId) -> RecordId {
        self.canonical.get(&id).copied().unwrap_or(id)
    }

    pub fn name(&self, id: RecordId) -> String {
        self.cards
            .get(&id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| "(unknown)".into())
    }

    pub fn is_networker(&self, id: RecordId) -> bool {
        self.networkers.contains_key(&id)
    }

    pub fn is_stakeholder(&self, id: RecordId) -> bool {
        self.cards.get(&id).is_some_and(|c| c.kind.is_stakeholder())
    }

    /// Whether a networker has left the organisation.
    pub fn has_left(&self, networker: RecordId) -> bool {
        self.networkers
            .get(&networker)
            .is_some_and(|n| n.body.status == Some(NetworkerStatus::Left))
    }

    /// Every networker as lists name them: their name, with their unit (or email) when a
    /// colleague shares it ([`crate::model::networker_labels`]).
    pub fn networker_labels(&self) -> HashMap<RecordId, String> {
        crate::model::networker_labels(self.networkers.values().map(|n| (n.id, &n.body)))
    }

    pub fn goal(&self, id: RecordId) -> Option<&Item<Goal>> {
        self.goals.iter().find(|g| g.id == id)
    }

    pub fn team(&self, id: RecordId) -> Option<&Item<Team>> {
        self.teams.iter().find(|t| t.id == id)
    }

    /// The date a relationship exists from: its `since`, else the day it was created.
    pub fn relationship_start(item: &Item<Relationship>) -> Option<NaiveDate> {
        crate::manager::figures::relationship_start(&item.body, item.created_at)
    }
}
