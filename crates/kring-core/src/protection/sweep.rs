//! The sweep: what every store does to a record because of forgets and retention rules.
//!
//! Erasure and retention are not writes. A write carries a new stamp and travels, and a store
//! that has not seen it yet sends the old values back; so instead every store applies the same
//! **deterministic transformation** to every record it holds and to every record it merges (the
//! import gate, `sync::merge`). It depends only on the record, the set of forgotten cards, the
//! retention rules and the day, so stores that merged the same bundles hold the same records
//! afterwards (their digests agree) whatever the order in which forgets, rules and records
//! reached them.
//!
//! For a forgotten person (their cards, [`Forgotten`]):
//!
//! - a record whose id is one of the cards is removed;
//! - a record with a single-valued field that names one of the cards (an affiliation's `person`,
//!   a relationship's `stakeholder`, a note's `about`, a link's ends, a same-as statement, a
//!   rating, a restriction), in any version, is removed: it exists only because of them;
//! - so is a follow-up whose `about` names them: it is a reminder about the person;
//! - any other set loses the elements that name them: an interaction keeps its other
//!   participants, an event its other guests, a goal its other stakeholders;
//! - forget records and access requests are left alone: they hold ids and hashes only, and
//!   are what makes the erasure stick.
//!
//! Removing a whole record, and dropping an element of a set with all its tags, both commute with
//! the CRDT join (a join works element by element, and a register version names the person or it
//! does not), which is why the transformation may run before or after any merge.
//!
//! For a retention rule whose period a record has passed on the day: `remove` removes it,
//! `clear` replaces the value of every version of the named text fields with one placeholder text
//! (stamps kept, so supersession is unchanged and every store replaces alike) and empties the
//! named sets.

use super::{RetentionAction, RetentionRule};
use crate::crdt::{envelope, RecordState};
use crate::model::{RecordId, RecordKind};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::collections::{BTreeSet, HashSet};

/// What a cleared text field holds afterwards, on every store alike.
pub const CLEARED_TEXT: &str = "[removed under a retention rule]";

/// The cards of forgotten people, and the keyed hashes of their e-mail addresses and phones.
#[derive(Clone, Debug, Default)]
pub struct Forgotten {
    cards: BTreeSet<RecordId>,
    /// The cards as Kring writes ids in JSON, for a scan of raw values.
    texts: HashSet<[u8; 36]>,
    hashes: BTreeSet<String>,
}

impl Forgotten {
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    pub fn cards(&self) -> &BTreeSet<RecordId> {
        &self.cards
    }

    pub fn contains(&self, card: RecordId) -> bool {
        self.cards.contains(&card)
    }

    /// Whether one of these keyed hashes is a forgotten person's address or phone.
    pub fn knows_hash(&self, hash: &str) -> bool {
        self.hashes.contains(hash)
    }

    pub fn add_card(&mut self, card: RecordId) {
        if self.cards.insert(card) {
            let mut text = [0u8; 36];
            text.copy_from_slice(card.to_string().as_bytes());
            self.texts.insert(text);
        }
    }

    pub fn add_hash(&mut self, hash: String) {
        self.hashes.insert(hash);
    }

    /// Learns what a forget record names: every version of its subject and every element, present
    /// or removed, of its cards and hashes, so that what a forget once named it names for good.
    pub fn learn(&mut self, state: &RecordState) {
        if state.kind != RecordKind::Forget.as_str() {
            return;
        }
        let id_of = |bytes: &[u8]| {
            serde_json::from_slice::<String>(bytes)
                .ok()
                .and_then(|text| text.parse::<RecordId>().ok())
        };
        if let Some(register) = state.fields.get("subject") {
            for version in register.versions() {
                if let Some(card) = id_of(&version.value) {
                    self.add_card(card);
                }
            }
        }
        if let Some(cards) = state.sets.get("cards") {
            for (element, _) in cards.elements() {
                if let Some(card) = id_of(element) {
                    self.add_card(card);
                }
            }
        }
        if let Some(hashes) = state.sets.get("contact_hashes") {
            for (element, _) in hashes.elements() {
                if let Ok(hash) = serde_json::from_slice::<String>(element) {
                    self.add_hash(hash);
                }
            }
        }
    }

    /// Whether a JSON value names one of the cards. Values are scanned as bytes for an id between
    /// quotes; a value with an escape in it is parsed first, so that an id spelled with escapes
    /// (which reads as the same id) is found too.
    pub fn mentions(&self, value: &[u8]) -> bool {
        if self.texts.is_empty() || value.len() < 38 {
            return false;
        }
        if value.contains(&b'\\') {
            return serde_json::from_slice::<serde_json::Value>(value)
                .is_ok_and(|json| self.mentions_json(&json));
        }
        value.windows(38).any(|window| {
            window[0] == b'"' && window[37] == b'"' && {
                let mut text = [0u8; 36];
                text.copy_from_slice(&window[1..37]);
                self.texts.contains(&text)
            }
        })
    }

    fn mentions_json(&self, value: &serde_json::Value) -> bool {
        match value {
            serde_json::Value::String(text) => text
                .parse::<RecordId>()
                .is_ok_and(|id| self.cards.contains(&id)),
            serde_json::Value::Array(items) => items.iter().any(|v| self.mentions_json(v)),
            serde_json::Value::Object(map) => map.values().any(|v| self.mentions_json(v)),
            _ => false,
        }
    }
}

/// Why a record was changed or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cause {
    /// It was about a forgotten person.
    Forgotten,
    /// It passed the period of this retention rule.
    Rule(RecordId),
}

/// What the sweep does to one record.
#[derive(Clone, Debug, PartialEq)]
pub enum Swept {
    Unchanged,
    /// The record without what had to go; `cleared` names the fields a rule cleared.
    Changed {
        state: RecordState,
        causes: Vec<Cause>,
        cleared: Vec<String>,
    },
    Removed(Cause),
}

/// A retention rule in force, with the last day a record of its kind may be dated.
#[derive(Clone, Debug)]
pub struct RuleInForce {
    pub id: RecordId,
    pub rule: RetentionRule,
    /// Records dated before this day have passed the period.
    pub cutoff: NaiveDate,
}

impl RuleInForce {
    pub fn new(id: RecordId, rule: RetentionRule, now: DateTime<Utc>) -> Self {
        let cutoff = now
            .date_naive()
            .checked_sub_days(chrono::Days::new(u64::from(rule.after_days)))
            .unwrap_or(NaiveDate::MIN);
        RuleInForce { id, rule, cutoff }
    }

    /// Whether a record has passed this rule's period.
    pub fn expired(&self, state: &RecordState) -> bool {
        state.kind == self.rule.applies_to.as_str()
            && record_date(state, self.rule.applies_to).is_some_and(|date| date < self.cutoff)
    }
}

fn date_of(state: &RecordState, field: &str) -> Option<NaiveDate> {
    match state.current(field)? {
        serde_json::Value::String(text) => DateTime::<FixedOffset>::parse_from_rfc3339(&text)
            .map(|t| t.date_naive())
            .or_else(|_| text.parse::<NaiveDate>())
            .ok(),
        _ => None,
    }
}

/// The day a record is dated by for retention: when a meeting took place, a follow-up was due,
/// an affiliation ended (a current one is never old), a relationship last had contact;
/// otherwise when the record was made.
pub fn record_date(state: &RecordState, kind: RecordKind) -> Option<NaiveDate> {
    let created = || date_of(state, envelope::CREATED_AT);
    match kind {
        RecordKind::Interaction | RecordKind::Event => date_of(state, "at"),
        RecordKind::FollowUp => date_of(state, "due"),
        RecordKind::PartnershipReview => date_of(state, "date"),
        RecordKind::StakeholderRating => date_of(state, "rated_at"),
        RecordKind::Affiliation => date_of(state, "to"),
        RecordKind::Relationship => date_of(state, "last_contact")
            .or_else(|| date_of(state, "since"))
            .or_else(created),
        _ => created(),
    }
}

/// Forgets and retention rules, as one store applies them on one day.
#[derive(Clone, Debug, Default)]
pub struct Sweep {
    pub forgotten: Forgotten,
    /// Rules that remove or clear, in id order.
    pub rules: Vec<RuleInForce>,
}

/// Kinds the forget sweep leaves alone: they name forgotten people by id only, and keep the
/// erasure (and the request it may answer) in force.
fn exempt(kind: &str) -> bool {
    kind == RecordKind::Forget.as_str() || kind == RecordKind::AccessRequest.as_str()
}

/// Sets whose naming a forgotten person makes the whole record theirs.
fn defining_set(kind: &str, set: &str) -> bool {
    kind == RecordKind::FollowUp.as_str() && set == "about"
}

impl Sweep {
    pub fn is_empty(&self) -> bool {
        self.forgotten.is_empty() && self.rules.is_empty()
    }

    /// Takes in a forget or a retention rule that arrives in an import (as it will stand once
    /// merged), so the same import's other records are swept by it too.
    pub(crate) fn learn(&mut self, state: &RecordState, now: DateTime<Utc>) {
        if state.kind == RecordKind::Forget.as_str() {
            self.forgotten.learn(state);
            return;
        }
        if state.kind != RecordKind::RetentionRule.as_str() {
            return;
        }
        let id = RecordId(state.id);
        self.rules.retain(|rule| rule.id != id);
        if state.is_deleted() {
            return;
        }
        let Ok(rule) = crate::store::body_of::<RetentionRule>(state) else {
            return;
        };
        if rule.action == RetentionAction::ProposeErasure
            || !RetentionRule::allowed(rule.applies_to, rule.action)
        {
            return;
        }
        self.rules.push(RuleInForce::new(id, rule, now));
        self.rules.sort_by_key(|rule| rule.id);
    }

    /// What has to go of a record (deleted ones too: a tombstone still holds its values).
    pub fn apply(&self, state: &RecordState) -> Swept {
        if self.is_empty() {
            return Swept::Unchanged;
        }
        let mut causes = Vec::new();
        let mut changed: Option<RecordState> = None;
        if !self.forgotten.is_empty() && !exempt(&state.kind) {
            if self.forgotten.contains(RecordId(state.id)) {
                return Swept::Removed(Cause::Forgotten);
            }
            let named_by_a_field = state.fields.values().any(|register| {
                register
                    .versions()
                    .iter()
                    .any(|v| self.forgotten.mentions(&v.value))
            });
            let named_by_its_subject = state.sets.iter().any(|(name, set)| {
                defining_set(&state.kind, name)
                    && set.elements().any(|(e, _)| self.forgotten.mentions(e))
            });
            if named_by_a_field || named_by_its_subject {
                return Swept::Removed(Cause::Forgotten);
            }
            let names_them = state
                .sets
                .values()
                .any(|set| set.elements().any(|(e, _)| self.forgotten.mentions(e)));
            if names_them {
                let mut kept = state.clone();
                for set in kept.sets.values_mut() {
                    set.retain(|element| !self.forgotten.mentions(element));
                }
                causes.push(Cause::Forgotten);
                changed = Some(kept);
            }
        }
        let mut cleared = Vec::new();
        for rule in &self.rules {
            let current = changed.as_ref().unwrap_or(state);
            if !rule.expired(current) {
                continue;
            }
            match rule.rule.action {
                RetentionAction::Remove => return Swept::Removed(Cause::Rule(rule.id)),
                RetentionAction::Clear => {
                    let mut next = current.clone();
                    let mut any = false;
                    for field in &rule.rule.fields {
                        any |= clear_field(&mut next, field);
                    }
                    if any {
                        causes.push(Cause::Rule(rule.id));
                        for field in &rule.rule.fields {
                            if !cleared.contains(field) {
                                cleared.push(field.clone());
                            }
                        }
                        changed = Some(next);
                    }
                }
                RetentionAction::ProposeErasure => {}
            }
        }
        match changed {
            Some(mut state) => {
                // A set the sweep emptied is no set at all, as on a store that never had the
                // elements (an empty set would make the two records differ).
                state.sets.retain(|_, set| set.elements().next().is_some());
                Swept::Changed {
                    state,
                    causes,
                    cleared,
                }
            }
            None => Swept::Unchanged,
        }
    }

    /// Whether a superseded value of a record kept in the local history has to go too: it names a
    /// forgotten person, or its field is one a rule has cleared on the record.
    pub fn drops_history(&self, record: Option<&RecordState>, field: &str, value: &[u8]) -> bool {
        if self.forgotten.mentions(value) && !record.is_some_and(|r| exempt(&r.kind)) {
            return true;
        }
        let Some(record) = record else {
            return false;
        };
        self.rules.iter().any(|rule| {
            rule.rule.action == RetentionAction::Clear
                && rule.rule.fields.iter().any(|f| f == field)
                && rule.expired(record)
        })
    }
}

/// One record a sweep changed or removed (or would, in a dry run).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SweptRecord {
    pub id: RecordId,
    /// None for a kind this Kring does not know (a newer Kring's).
    pub kind: Option<RecordKind>,
    /// Removed altogether; otherwise `cleared` names the fields a rule cleared, and an empty
    /// `cleared` means it lost a forgotten person's elements.
    pub removed: bool,
    pub cleared: Vec<String>,
    /// The retention rule, when one was the cause.
    pub rule: Option<RecordId>,
}

/// What a sweep of a whole store did.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SweepOutcome {
    /// Records removed, by kind.
    pub removed: std::collections::BTreeMap<String, u64>,
    /// Records kept without what had to go, by kind.
    pub changed: std::collections::BTreeMap<String, u64>,
    /// Superseded values removed from the local history.
    pub history_removed: u64,
    /// The first records it touched ([`SweepOutcome::LISTED`] at most), in id order.
    pub records: Vec<SweptRecord>,
    /// Per retention rule, how many records it removed or cleared.
    pub by_rule: std::collections::BTreeMap<RecordId, u64>,
    /// How many records the forgets touched.
    pub forgotten: u64,
}

impl SweepOutcome {
    /// How many touched records are listed one by one.
    pub const LISTED: usize = 1_000;

    pub fn total(&self) -> u64 {
        self.removed.values().sum::<u64>() + self.changed.values().sum::<u64>()
    }

    pub(crate) fn count(&mut self, state: &RecordState, swept: &Swept) {
        let (removed, cleared, causes): (bool, Vec<String>, Vec<Cause>) = match swept {
            Swept::Unchanged => return,
            Swept::Removed(cause) => (true, Vec::new(), vec![*cause]),
            Swept::Changed {
                cleared, causes, ..
            } => (false, cleared.clone(), causes.clone()),
        };
        let tally = if removed {
            &mut self.removed
        } else {
            &mut self.changed
        };
        *tally.entry(state.kind.clone()).or_default() += 1;
        let mut rule = None;
        for cause in &causes {
            match cause {
                Cause::Forgotten => self.forgotten += 1,
                Cause::Rule(id) => {
                    *self.by_rule.entry(*id).or_default() += 1;
                    rule = Some(*id);
                }
            }
        }
        if self.records.len() < Self::LISTED {
            self.records.push(SweptRecord {
                id: RecordId(state.id),
                kind: state.kind.parse().ok(),
                removed,
                cleared,
                rule,
            });
        }
    }
}

/// Clears one field of a record: every version of a register gets the placeholder, a set loses
/// every element. Returns whether anything changed.
fn clear_field(state: &mut RecordState, field: &str) -> bool {
    let placeholder = serde_json::to_vec(CLEARED_TEXT).expect("text serialises");
    let mut changed = false;
    if let Some(register) = state.fields.get_mut(field) {
        changed |= register.replace_values(|_| Some(placeholder.clone()));
    }
    if let Some(set) = state.sets.get_mut(field) {
        changed |= set.retain(|_| false) > 0;
    }
    changed
}

/// A record as a sweep leaves it, for callers that hold whole records.
pub(crate) fn swept(sweep: &Sweep, record: RecordState) -> Option<RecordState> {
    match sweep.apply(&record) {
        Swept::Unchanged => Some(record),
        Swept::Changed { state, .. } => Some(state),
        Swept::Removed(_) => None,
    }
}

const COMPACTION_DUE_KEY: &[u8] = b"protection/compaction_due";

impl crate::store::Store {
    /// Whether something was erased or removed since the last compaction (the app offers it;
    /// `kring` says so after a forget, an import or a retention run that removed something).
    pub fn compaction_due(&self) -> crate::store::StoreResult<bool> {
        Ok(self.meta_get(COMPACTION_DUE_KEY)?.is_some())
    }

    pub(crate) fn mark_compaction_due(&self) -> crate::store::StoreResult<()> {
        self.meta_set(COMPACTION_DUE_KEY, b"1")
    }

    /// After a compaction (`crate::compaction`).
    pub(crate) fn clear_compaction_due(&self) -> crate::store::StoreResult<()> {
        self.meta_remove(COMPACTION_DUE_KEY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Hlc, NodeId, Stamp};

    fn stamp(millis: u64) -> Stamp {
        Stamp {
            hlc: Hlc { millis, counter: 0 },
            node: NodeId(1),
        }
    }

    fn id(n: u128) -> RecordId {
        RecordId(uuid::Uuid::from_u128(n))
    }

    fn json(value: impl serde::Serialize) -> Vec<u8> {
        serde_json::to_vec(&value).unwrap()
    }

    fn forgotten(card: RecordId) -> Sweep {
        let mut sweep = Sweep::default();
        sweep.forgotten.add_card(card);
        sweep
    }

    #[test]
    fn a_note_about_a_forgotten_person_goes_and_a_meeting_keeps_the_others() {
        let jan = id(1);
        let an = id(2);
        let sweep = forgotten(jan);
        let mut note = RecordState::new(id(10).0, "note");
        note.write("about", json(jan.to_string()), stamp(1));
        note.write("text", json("Fietst graag"), stamp(1));
        assert_eq!(sweep.apply(&note), Swept::Removed(Cause::Forgotten));

        let mut meeting = RecordState::new(id(11).0, "interaction");
        meeting.write("summary", json("Overleg"), stamp(1));
        let participants = meeting.sets.entry("participants".into()).or_default();
        participants.add(json(an.to_string()), stamp(1));
        participants.add(json(jan.to_string()), stamp(1));
        let Swept::Changed { state, .. } = sweep.apply(&meeting) else {
            panic!("the meeting stays, without Jan");
        };
        let left: Vec<_> = state.sets["participants"].present().cloned().collect();
        assert_eq!(left, vec![json(an.to_string())]);
        assert_eq!(
            sweep.apply(&state),
            Swept::Unchanged,
            "sweeping twice is once"
        );
    }

    #[test]
    fn an_id_spelled_with_escapes_is_still_found() {
        let jan = id(1);
        let sweep = forgotten(jan);
        let escaped = jan.to_string().replacen('0', "\\u0030", 1);
        let value = format!("\"{escaped}\"");
        assert!(sweep.forgotten.mentions(value.as_bytes()));
        assert!(!sweep.forgotten.mentions(json(id(3).to_string()).as_slice()));
    }

    #[test]
    fn a_rule_clears_old_summaries_alike_on_every_store_and_keeps_the_date() {
        let now = DateTime::parse_from_rfc3339("2032-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let rule = RetentionRule {
            name: "Samenvattingen".into(),
            applies_to: RecordKind::Interaction,
            action: RetentionAction::Clear,
            after_days: 6 * 365,
            fields: vec!["summary".into(), "outcomes".into()],
            legal_reference: "Selectielijst".into(),
            description: None,
        };
        let sweep = Sweep {
            rules: vec![RuleInForce::new(id(99), rule, now)],
            ..Sweep::default()
        };
        let mut old = RecordState::new(id(12).0, "interaction");
        old.write("at", json("2025-03-01T10:00:00+01:00"), stamp(1));
        old.write("summary", json("Geheim overleg"), stamp(1));
        old.write("summary", json("Geheim overleg, bijgewerkt"), stamp(2));
        old.sets
            .entry("outcomes".into())
            .or_default()
            .add(json("akkoord"), stamp(1));
        let Swept::Changed { state, cleared, .. } = sweep.apply(&old) else {
            panic!("an old meeting is cleared");
        };
        assert_eq!(state.current("summary").unwrap(), CLEARED_TEXT);
        assert_eq!(state.current("at"), old.current("at"));
        assert!(
            !state.sets.contains_key("outcomes"),
            "an emptied set is no set"
        );
        assert_eq!(cleared, vec!["summary".to_string(), "outcomes".to_string()]);
        // Another store that merges the uncleared record into the cleared one ends alike.
        let mut merged = state.clone();
        merged.merge(&old);
        let Swept::Changed { state: again, .. } = sweep.apply(&merged) else {
            panic!("the merge brought the old text back, and the sweep clears it");
        };
        assert_eq!(again, state);
        let mut recent = RecordState::new(id(13).0, "interaction");
        recent.write("at", json("2031-03-01T10:00:00+01:00"), stamp(1));
        assert_eq!(sweep.apply(&recent), Swept::Unchanged);
    }
}
