//! Contacts logged in interactions that do not travel (private or summary).
//!
//! A relationship record leaves the machine with every export (or may, once it is shared), and
//! its `last_contact` would tell the organisation when a private meeting took place. So such an
//! interaction leaves the relationship's record alone and notes its date here instead, in the
//! store's `meta` tree, which no export, backup or bundle reads. The owner's own views (the card
//! list, going cold, the card, the map) take the later of the two dates; what is exported never
//! sees this one.
//!
//! A backup does not carry these notes (it carries the records and the profile, nothing of the
//! `meta` tree beyond that): a restore derives them again from the owner's own private and
//! summary meetings, which the backup does carry ([`Store::rebuild_private_contacts`]). Known
//! limit: deleting or re-dating a private interaction leaves its note as it was until then.

use super::{Store, StoreResult};
use crate::model::{RecordId, Relationship};
use chrono::{DateTime, FixedOffset};
use std::collections::HashMap;

const PREFIX: &[u8] = b"private_contact/";

fn key(relationship: RecordId) -> Vec<u8> {
    let mut key = PREFIX.to_vec();
    key.extend_from_slice(relationship.as_bytes());
    key
}

fn decode(value: &[u8]) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(std::str::from_utf8(value).ok()?).ok()
}

/// The meta key of a relationship's private contact (removed with the relationship).
pub(crate) fn entry_key(relationship: RecordId) -> Vec<u8> {
    key(relationship)
}

/// The meta entry that notes a private contact with a relationship's stakeholder at `at`.
pub(crate) fn entry(relationship: RecordId, at: DateTime<FixedOffset>) -> (Vec<u8>, Vec<u8>) {
    (key(relationship), at.to_rfc3339().into_bytes())
}

/// Private contacts, by relationship: read once by a view that walks many relationships.
#[derive(Default)]
pub(crate) struct PrivateContacts(HashMap<RecordId, DateTime<FixedOffset>>);

impl PrivateContacts {
    /// The relationship as its owner sees it: its last contact is the later of the shared one
    /// and the latest private one.
    pub(crate) fn apply(&self, id: RecordId, relationship: &mut Relationship) {
        if let Some(private) = self.0.get(&id) {
            later_contact(relationship, *private);
        }
    }
}

fn later_contact(relationship: &mut Relationship, private: DateTime<FixedOffset>) {
    if relationship.last_contact.is_none_or(|last| last < private) {
        relationship.last_contact = Some(private);
    }
}

impl Store {
    /// Notes every private contact again from this store's own meetings that do not travel
    /// whole (private or summary), replacing the notes there were: after a restore, whose backup
    /// carries the meetings but not the notes.
    pub(crate) fn rebuild_private_contacts(&self) -> StoreResult<()> {
        for (key, _) in self.meta_scan(PREFIX)? {
            self.meta_remove(&key)?;
        }
        let Some(profile) = self.profile()? else {
            return Ok(());
        };
        let me = profile.networker;
        let mut latest: HashMap<RecordId, DateTime<FixedOffset>> = HashMap::new();
        self.for_each_live_of_kind(crate::model::RecordKind::Interaction, |state| {
            let mine = crate::model::owner_of(&state) == Some(me);
            if !mine || crate::model::visibility_of(&state) == crate::model::Visibility::Shared {
                return Ok(());
            }
            let Ok(interaction) = super::body_of::<crate::model::Interaction>(&state) else {
                return Ok(());
            };
            for participant in interaction.participants {
                let relationship = RecordId::for_relationship(me, participant);
                let entry = latest.entry(relationship).or_insert(interaction.at);
                if *entry < interaction.at {
                    *entry = interaction.at;
                }
            }
            Ok(())
        })?;
        for (relationship, at) in latest {
            let Some(state) = self.live_state(relationship)? else {
                continue;
            };
            let shared: Option<DateTime<FixedOffset>> = super::body_of::<Relationship>(&state)
                .ok()
                .and_then(|r| r.last_contact);
            if shared.is_none_or(|shared| shared < at) {
                let (key, value) = entry(relationship, at);
                self.meta_set(&key, &value)?;
            }
        }
        Ok(())
    }

    /// Every private contact noted in this store.
    pub(crate) fn private_contacts(&self) -> StoreResult<PrivateContacts> {
        let mut contacts = HashMap::new();
        for (key, value) in self.meta_scan(PREFIX)? {
            let Ok(id) = uuid::Uuid::from_slice(&key[PREFIX.len()..]) else {
                continue;
            };
            if let Some(at) = decode(&value) {
                contacts.insert(RecordId(id), at);
            }
        }
        Ok(PrivateContacts(contacts))
    }

    /// The latest private contact noted for one relationship.
    pub(crate) fn private_contact(
        &self,
        relationship: RecordId,
    ) -> StoreResult<Option<DateTime<FixedOffset>>> {
        Ok(self.meta_get(&key(relationship))?.and_then(|v| decode(&v)))
    }

    /// One relationship as its owner sees it (see [`PrivateContacts::apply`]).
    pub(crate) fn with_private_contact(
        &self,
        id: RecordId,
        relationship: &mut Relationship,
    ) -> StoreResult<()> {
        if let Some(private) = self.private_contact(id)? {
            later_contact(relationship, private);
        }
        Ok(())
    }
}
