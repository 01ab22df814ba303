//! Erasure that sticks (Art. 17 GDPR).
//!
//! A delete is a tombstone that a later edit elsewhere revives, and an old laptop's export brings
//! a deleted card back. A **forget** is different: a record of kind `forget` that names the
//! person's cards (their identity group) and holds keyed hashes of their e-mail addresses and
//! phone numbers, nothing else. Only a Manager of the Network writes one, it is never changed or
//! removed, and it travels in every export and master. Every store that has it, or gets it later,
//! sweeps the person out (see [`super::sweep`]): their cards, what exists only because of them,
//! their place in meetings, events and goals, the history and search terms. The import gate
//! sweeps everything it merges the same way, so a bundle made before the forget, imported years
//! later, brings nothing back; what it drops is counted in the import report.
//!
//! A card its owner keeps private never left their machine: forgetting it is local (no record
//! travels, so that its id does not leave either); the store keeps the same facts in its `meta`
//! tree and applies them alike.
//!
//! The hashes are BLAKE3 keyed with a key derived from the organisation's id, so that a store of
//! the organisation can recognise an address again without keeping it. They are no protection
//! against a member who guesses an address (phone numbers are few enough to try them all):
//! `docs/data-protection.md` says so.
//!
//! Sweeping leaves the old bytes in sled's log until the store is rewritten: `kring compact`
//! (see [`crate::store::compact`]) does that, and rewrites or drops backups and files that hold
//! the person.

use super::sweep::{Forgotten, Sweep, SweepOutcome};
use super::{Forget, ProtectionError, ProtectionResult};
use crate::crdt::RecordState;
use crate::model::visibility_of;
use crate::model::{RecordId, RecordKind, Role, Visibility};
use crate::store::{Store, StoreResult};
use crate::text::{normalise_email, normalise_phone};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Local forgets (of cards their owner kept private): prefix ‖ card id → [`LocalForget`].
const LOCAL_PREFIX: &[u8] = b"protection/local_forget/";
/// The forgotten cards this store has swept out, so that an interrupted sweep resumes at open.
const APPLIED_KEY: &[u8] = b"protection/forgotten_applied";

/// A forget of cards that never left this machine, kept in the store's own `meta` tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalForget {
    pub subject: RecordId,
    pub cards: Vec<RecordId>,
    pub contact_hashes: Vec<String>,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// What `forget` did.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ForgetReport {
    pub subject: RecordId,
    /// The forget record that travels, when the organisation knew the person.
    pub forget: Option<RecordId>,
    /// Cards forgotten on this store only (they were private to its owner).
    pub local_cards: Vec<RecordId>,
    /// Cards the forget record names.
    pub cards: Vec<RecordId>,
    pub contact_hashes: usize,
    /// What the sweep removed and changed here.
    pub swept: SweepOutcome,
}

/// An erasure as the Manager of the Network's list (and the processing log) shows it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ErasureView {
    pub forget: Option<RecordId>,
    pub subject: RecordId,
    pub cards: usize,
    pub reason: String,
    /// Who forgot: the networker's name.
    pub by: Option<String>,
    pub at: Option<String>,
    /// True for a forget of private cards, on this store only.
    pub local: bool,
}

/// The keys contact hashes are made with: the organisation's, and the one of a store in no
/// organisation (a local forget made before joining one still matches).
fn hash_keys(store: &Store) -> StoreResult<Vec<[u8; 32]>> {
    let derive = |material: &[u8]| {
        blake3::derive_key("kring 2026 contact hash of a forgotten person v1", material)
    };
    let mut keys = Vec::with_capacity(2);
    if let Some(organisation) = store.organisation()? {
        keys.push(derive(organisation.as_bytes()));
    }
    keys.push(derive(uuid::Uuid::nil().as_bytes()));
    Ok(keys)
}

fn keyed(key: &[u8; 32], kind: &str, normalised: &str) -> String {
    let mut hasher = blake3::Hasher::new_keyed(key);
    hasher.update(kind.as_bytes());
    hasher.update(b":");
    hasher.update(normalised.as_bytes());
    hasher.finalize().to_hex().to_string()
}

/// What a contact detail is compared as: `email:` and the address normalised, or `phone:` and
/// the international number.
fn normalised_contacts(emails: &[String], phones: &[String]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = emails
        .iter()
        .filter_map(|e| normalise_email(e))
        .map(|e| ("email", e))
        .collect();
    out.extend(
        phones
            .iter()
            .filter_map(|p| normalise_phone(p))
            .map(|p| ("phone", p)),
    );
    out.sort();
    out.dedup();
    out
}

/// Every e-mail address and phone number a card ever held (removed ones too: the person may
/// turn up under an old address).
fn contacts_of(state: &RecordState) -> (Vec<String>, Vec<String>) {
    let read = |set: &str| -> Vec<String> {
        state
            .sets
            .get(set)
            .map(|s| {
                s.elements()
                    .filter_map(|(e, _)| serde_json::from_slice::<String>(e).ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    (read("emails"), read("phones"))
}

impl Store {
    /// Every forgotten card and contact hash this store knows: from forget records (every
    /// version, present or removed elements) and from its own local forgets.
    pub fn forgotten(&self) -> StoreResult<Forgotten> {
        let mut forgotten = Forgotten::default();
        self.for_each_of_kind(RecordKind::Forget, |state| {
            forgotten.learn(&state);
            Ok(())
        })?;
        for local in self.local_forgets()? {
            for card in local.cards {
                forgotten.add_card(card);
            }
            for hash in local.contact_hashes {
                forgotten.add_hash(hash);
            }
        }
        Ok(forgotten)
    }

    fn local_forgets(&self) -> StoreResult<Vec<LocalForget>> {
        Ok(self
            .meta_scan(LOCAL_PREFIX)?
            .into_iter()
            .filter_map(|(_, value)| serde_json::from_slice(&value).ok())
            .collect())
    }

    /// The keyed hashes of e-mail addresses and phone numbers, as a forget record holds them.
    pub fn contact_hashes(&self, emails: &[String], phones: &[String]) -> StoreResult<Vec<String>> {
        let key = hash_keys(self)?[0];
        let mut out: Vec<String> = normalised_contacts(emails, phones)
            .iter()
            .map(|(kind, value)| keyed(&key, kind, value))
            .collect();
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The e-mail addresses and phone numbers among these that belong to a forgotten person
    /// (as typed), so that an address book or a capture warns instead of re-creating them.
    pub fn forgotten_contacts(
        &self,
        forgotten: &Forgotten,
        emails: &[String],
        phones: &[String],
    ) -> StoreResult<Vec<String>> {
        if forgotten.is_empty() {
            return Ok(Vec::new());
        }
        let keys = hash_keys(self)?;
        let mut out = Vec::new();
        let mut check = |kind: &str, typed: &String, normalised: Option<String>| {
            if let Some(normalised) = normalised {
                if keys
                    .iter()
                    .any(|key| forgotten.knows_hash(&keyed(key, kind, &normalised)))
                {
                    out.push(typed.clone());
                }
            }
        };
        for email in emails {
            check("email", email, normalise_email(email));
        }
        for phone in phones {
            check("phone", phone, normalise_phone(phone));
        }
        Ok(out)
    }

    /// Forgets a person (Art. 17 GDPR) with their identity group: a Manager of the Network writes
    /// a forget record for every card the organisation may know; a card its owner keeps private
    /// is forgotten on this store only. Then the store sweeps them out. A networker may forget
    /// only cards they keep private. `reason` says why (a case number), without naming them.
    pub fn forget(
        &self,
        id: RecordId,
        reason: &str,
        now: DateTime<Utc>,
    ) -> ProtectionResult<ForgetReport> {
        let profile = self.require_profile()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(crate::model::ValidationError::worded(
                "reason",
                "forget_without_reason",
                &[],
            )
            .into());
        }
        let asked = self
            .state(id)?
            .ok_or(crate::store::StoreError::NotFound(id))?;
        if asked.kind != RecordKind::Person.as_str() {
            return Err(ProtectionError::refused(
                "protection-refused-forget-not-a-person",
                &[("id", id.to_string()), ("kind", asked.kind.clone())],
            ));
        }
        let mut local_cards = Vec::new();
        let mut shared_cards = Vec::new();
        let mut emails = Vec::new();
        let mut phones = Vec::new();
        for card in self.identity_group(id)? {
            let Some(state) = self.state(card)? else {
                continue;
            };
            let (card_emails, card_phones) = contacts_of(&state);
            emails.extend(card_emails);
            phones.extend(card_phones);
            let mine = crate::trust::rights::owner_of(&state) == Some(profile.networker);
            if mine && visibility_of(&state) == Visibility::Private && !was_ever_visible(&state) {
                local_cards.push(card);
            } else {
                shared_cards.push(card);
            }
        }
        if !shared_cards.is_empty() && profile.role != Role::Manager {
            let name = crate::store::search::card_title(&asked).0;
            return Err(ProtectionError::refused(
                "protection-refused-forget-shared",
                &[("name", name), ("id", id.to_string())],
            ));
        }
        let contact_hashes = self.contact_hashes(&emails, &phones)?;
        let mut forget_id = None;
        let mut subject = id;
        if !shared_cards.is_empty() {
            if !shared_cards.contains(&subject) {
                subject = shared_cards[0];
            }
            let record = RecordId::for_forget(subject);
            if self.state(record)?.is_some() {
                return Err(ProtectionError::refused(
                    "protection-refused-forgotten-already",
                    &[("id", subject.to_string()), ("record", record.to_string())],
                ));
            }
            let forget = Forget {
                subject,
                cards: shared_cards.clone(),
                contact_hashes: contact_hashes.clone(),
                reason: reason.to_owned(),
            };
            self.create_with_id(record, &forget, Some(Visibility::Shared), now)?;
            forget_id = Some(record);
        }
        if !local_cards.is_empty() {
            let local = LocalForget {
                subject: if shared_cards.is_empty() {
                    id
                } else {
                    local_cards[0]
                },
                cards: local_cards.clone(),
                contact_hashes: contact_hashes.clone(),
                reason: reason.to_owned(),
                at: now,
            };
            let mut key = LOCAL_PREFIX.to_vec();
            key.extend_from_slice(local.subject.as_bytes());
            self.meta_set(
                &key,
                &serde_json::to_vec(&local).expect("local forgets serialise"),
            )?;
        }
        let swept = apply_pending(self, now)?.unwrap_or_default();
        self.log_processing(
            super::processing_log::Activity::Erasure,
            super::processing_log::ProcessingWhat::Erasure {
                person: subject,
                forget: forget_id,
                private_cards: local_cards.len() as u64,
            },
            swept.total(),
            now,
        )?;
        Ok(ForgetReport {
            subject,
            forget: forget_id,
            local_cards,
            cards: shared_cards,
            contact_hashes: contact_hashes.len(),
            swept,
        })
    }

    /// Every erasure this store knows: the organisation's forget records (which every master
    /// carries) and this store's own local forgets, newest first.
    pub fn erasures(&self) -> StoreResult<Vec<ErasureView>> {
        let mut out = Vec::new();
        self.for_each_of_kind(RecordKind::Forget, |state| {
            let text = |field: &str| match state.current(field) {
                Some(serde_json::Value::String(s)) => Some(s),
                _ => None,
            };
            let Some(subject) = text("subject").and_then(|s| s.parse().ok()) else {
                return Ok(());
            };
            let by = text(crate::crdt::envelope::AUTHOR)
                .and_then(|a| a.parse::<RecordId>().ok())
                .map(|author| match self.state(author) {
                    Ok(Some(networker)) => crate::store::search::card_title(&networker).0,
                    _ => author.to_string(),
                });
            out.push(ErasureView {
                forget: Some(RecordId(state.id)),
                subject,
                cards: state.sets.get("cards").map_or(0, |s| s.elements().count()),
                reason: text("reason").unwrap_or_default(),
                by,
                at: text(crate::crdt::envelope::CREATED_AT),
                local: false,
            });
            Ok(())
        })?;
        let me = self.profile()?.map(|p| p.name);
        for local in self.local_forgets()? {
            out.push(ErasureView {
                forget: None,
                subject: local.subject,
                cards: local.cards.len(),
                reason: local.reason,
                by: me.clone(),
                at: Some(
                    local
                        .at
                        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                ),
                local: true,
            });
        }
        out.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(out)
    }
}

/// Whether a private record was visible once (it was made private later: colleagues hold its
/// retraction, and may have held it whole).
fn was_ever_visible(state: &RecordState) -> bool {
    state
        .fields
        .get(crate::crdt::envelope::VISIBILITY)
        .is_some_and(|r| r.versions().iter().any(|v| !v.seen.0.is_empty()))
}

/// The time a sweep at open is dated: the store's own clock, not the computer's (nothing in the
/// sweep of forgets depends on the day).
pub(crate) fn store_time(store: &Store) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(store.clock_last().millis as i64).unwrap_or_default()
}

/// Sweeps the whole store for every forget, whatever was swept before (after an import that may
/// have brought back a record of a card forgotten while it ran).
pub(crate) fn sweep_everything(store: &Store, now: DateTime<Utc>) -> StoreResult<SweepOutcome> {
    let sweep = Sweep {
        forgotten: store.forgotten()?,
        rules: Vec::new(),
    };
    let outcome = store.sweep_store(&sweep, now, false)?;
    if outcome.total() > 0 || outcome.history_removed > 0 {
        store.mark_compaction_due()?;
    }
    Ok(outcome)
}

/// Sweeps out every forgotten card this store has not swept out yet (a forget written here, one
/// that arrived in an import, a sweep a crash interrupted). Called after a forget, after every
/// import and when the store opens. Returns what it did, or `None` when nothing was pending.
pub(crate) fn apply_pending(
    store: &Store,
    now: DateTime<Utc>,
) -> StoreResult<Option<SweepOutcome>> {
    let forgotten = store.forgotten()?;
    if forgotten.is_empty() {
        return Ok(None);
    }
    let applied: BTreeSet<RecordId> = store
        .meta_get(APPLIED_KEY)?
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    if forgotten.cards().is_subset(&applied) {
        return Ok(None);
    }
    let cards = forgotten.cards().clone();
    let sweep = Sweep {
        forgotten,
        rules: Vec::new(),
    };
    let outcome = store.sweep_store(&sweep, now, false)?;
    store.meta_set(
        APPLIED_KEY,
        &serde_json::to_vec(&cards).expect("ids serialise"),
    )?;
    if outcome.total() > 0 || outcome.history_removed > 0 {
        store.mark_compaction_due()?;
    }
    Ok(Some(outcome))
}

/// Has the next [`apply_pending`] sweep every forget again, whatever it swept before: for the
/// migration to schema 7, after which a copy of a forgotten card that a removal left among
/// another kind's records (it removed the copy the kind index named) is found by id.
pub(crate) fn sweep_every_forget_again(store: &Store) -> StoreResult<()> {
    store.meta_remove(APPLIED_KEY)
}

/// Sweeps the records of a backup about to be restored: the store's own forgets (records and
/// local ones) and retention rules stay in force over it, so that a backup from before a forget
/// revives nothing. The store's forget records are kept among the restored records.
pub(crate) fn sweep_restored(
    store: &Store,
    states: &mut Vec<RecordState>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let mut sweep = store.sweep_at(now)?;
    let mut forgets: std::collections::HashMap<uuid::Uuid, RecordState> = Default::default();
    store.for_each_of_kind(RecordKind::Forget, |state| {
        forgets.insert(state.id, state);
        Ok(())
    })?;
    for state in states.iter_mut() {
        if let Some(ours) = forgets.remove(&state.id) {
            state.merge(&ours);
        }
    }
    states.extend(forgets.into_values());
    for state in states.iter() {
        if state.kind == RecordKind::Forget.as_str()
            || state.kind == RecordKind::RetentionRule.as_str()
        {
            sweep.learn(state, now);
        }
    }
    let mut kept: Vec<RecordState> = states
        .drain(..)
        .filter_map(|state| super::sweep::swept(&sweep, state))
        .collect();
    kept.sort_by_key(|s| s.id);
    *states = kept;
    Ok(())
}
