//! A person's objection (Art. 21 GDPR) or restriction (Art. 18): the card stays, and is shown as
//! such wherever it appears, but it is left out of what the organisation does *with* the person
//! — follow-up lists and reminders, relationships going cold, newsletters and event invitations —
//! until a Manager of the Network lifts the mark.
//!
//! The mark is a record of its own (kind `restriction`, one per person: its id derives from the
//! card's), not a field of the card: a card's fields may be written by any colleague and its
//! summary leaves out everything but the name, while a mark must reach everyone who knows the
//! person and must not be undone by an ordinary edit. Any member who hears the person object may
//! mark it (the record's first write); changing or lifting it is a manager's call
//! (`trust::rights`). A mark on one card of an identity group marks the whole group.

use super::processing_log::Activity;
use super::{ProtectionResult, Restriction, RestrictionStatus};
use crate::model::{RecordId, RecordKind, Visibility};
use crate::store::{body_of, Store, StoreResult};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// A person's mark, as shown on their card.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RestrictionView {
    pub person: RecordId,
    pub status: RestrictionStatus,
    pub since: Option<chrono::NaiveDate>,
    pub reason: Option<String>,
}

/// Who an event's newsletter or invitation goes to, and who is left out because they objected.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Recipients {
    pub send_to: Vec<RecordId>,
    pub left_out: Vec<RecordId>,
}

/// The marked cards of a store (lifted marks left out), each card of a marked group included.
#[derive(Clone, Debug, Default)]
pub struct Restrictions(HashMap<RecordId, RestrictionStatus>);

impl Restrictions {
    pub fn status(&self, card: RecordId) -> Option<RestrictionStatus> {
        self.0.get(&card).copied()
    }

    pub fn is_marked(&self, card: RecordId) -> bool {
        self.0.contains_key(&card)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Store {
    /// Marks a person objected or restricted (any member), or changes or lifts the mark (a
    /// manager: `RestrictionStatus::Lifted`). The mark is as visible as the card: it travels
    /// with a card the organisation knows, and stays home with a private one.
    pub fn mark_restriction(
        &self,
        person: RecordId,
        status: RestrictionStatus,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> ProtectionResult<RecordId> {
        self.require_profile()?;
        let card = self
            .live_state(person)?
            .ok_or(crate::store::StoreError::NotFound(person))?;
        if card.kind != RecordKind::Person.as_str() {
            return Err(super::ProtectionError::refused(
                "protection-refused-restriction-not-a-person",
                &[("id", person.to_string()), ("kind", card.kind.clone())],
            ));
        }
        let id = RecordId::for_restriction(person);
        let existing: Option<Restriction> = match self.live_state(id)? {
            Some(state) => Some(body_of(&state)?),
            None => None,
        };
        if existing.is_none() && status == RestrictionStatus::Lifted {
            return Err(super::ProtectionError::refused(
                "protection-refused-not-marked",
                &[("id", person.to_string())],
            ));
        }
        let mark = Restriction {
            person,
            status,
            since: Some(now.date_naive()),
            reason: reason
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .or_else(|| existing.as_ref().and_then(|e| e.reason.clone())),
        };
        if existing.as_ref().is_some_and(|e| e.status == status) {
            return Ok(id);
        }
        let visibility = match crate::model::visibility_of(&card) {
            Visibility::Private => Visibility::Private,
            _ => Visibility::Shared,
        };
        match existing {
            Some(_) => self.update(id, &mark, now)?,
            None => self.create_with_id(id, &mark, Some(visibility), now)?,
        }
        self.log_processing(
            Activity::Restriction,
            super::processing_log::ProcessingWhat::Restriction { person, status },
            1,
            now,
        )?;
        Ok(id)
    }

    /// Every marked card (lifted marks left out), a mark on one card of a group counting for
    /// each card of the group.
    pub fn restrictions(&self) -> StoreResult<Restrictions> {
        let mut marked = HashMap::new();
        self.for_each_live_of_kind(RecordKind::Restriction, |state| {
            if let Ok(mark) = body_of::<Restriction>(&state) {
                if mark.status != RestrictionStatus::Lifted {
                    marked.insert(mark.person, mark.status);
                }
            }
            Ok(())
        })?;
        if marked.is_empty() {
            return Ok(Restrictions::default());
        }
        let groups = self.identity_groups()?;
        let mut all = marked.clone();
        for (card, status) in &marked {
            for member in groups.members(*card) {
                all.entry(member).or_insert(*status);
            }
        }
        Ok(Restrictions(all))
    }

    /// A person's mark, read through their identity group; `None` when unmarked or lifted.
    pub fn restriction_of(&self, person: RecordId) -> StoreResult<Option<RestrictionView>> {
        for card in self.identity_group(person)? {
            let Some(state) = self.live_state(RecordId::for_restriction(card))? else {
                continue;
            };
            let mark: Restriction = body_of(&state)?;
            if mark.status != RestrictionStatus::Lifted {
                return Ok(Some(RestrictionView {
                    person: mark.person,
                    status: mark.status,
                    since: mark.since,
                    reason: mark.reason,
                }));
            }
        }
        Ok(None)
    }

    /// Who an event's newsletter or invitation goes to: its invited, without those who objected
    /// or are restricted (listed apart, so the sender sees who was left out and why).
    pub fn event_recipients(&self, event: RecordId) -> StoreResult<Recipients> {
        let event: crate::model::manager::Event = self
            .get(event)?
            .ok_or(crate::store::StoreError::NotFound(event))?;
        let marked = self.restrictions()?;
        let (left_out, send_to) = event
            .invited
            .iter()
            .copied()
            .partition(|card| marked.is_marked(*card));
        Ok(Recipients { send_to, left_out })
    }

    /// Refuses to invite, or record as attending, a person who objected or is restricted.
    pub(crate) fn check_may_invite(&self, people: &[RecordId]) -> StoreResult<()> {
        if people.is_empty() {
            return Ok(());
        }
        let marked = self.restrictions()?;
        for person in people {
            if let Some(status) = marked.status(*person) {
                let name = self
                    .state(*person)?
                    .map(|s| crate::store::search::card_title(&s).0)
                    .unwrap_or_default();
                return Err(crate::store::StoreError::NotAllowed {
                    reason: crate::trust::rights::RefusalReason::Restricted {
                        person: *person,
                        name,
                        status,
                    },
                });
            }
        }
        Ok(())
    }
}
