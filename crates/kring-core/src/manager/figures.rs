//! One definition per figure. Whether a relationship is *current*, *active*, *healthy* or *going
//! cold* at a moment, what the *last contact* between a networker and a stakeholder is, and which
//! networkers *know* a stakeholder — from which *sole contact*, *single point of failure* and
//! *known by nobody* follow — are decided here and nowhere else. The KPIs and the report, the
//! Today list, a card, the card list, the organisation graph's key-person risk and health, the
//! networker list, goal coverage, teams and offboarding all call these functions, so a figure
//! reads the same on every screen and in every command. The definitions in words, with a worked
//! example, are in `docs/kpis.md`.
//!
//! Nothing here reads the clock or the store: callers load the records (the [`Network`] for the
//! manager's computations, the store's own loaders for a card or the card list, the graph builder
//! for the map) and pass the moment.
//!
//! ```
//! use kring_core::figures::{standing, ContactsBuilder, Reach};
//! use kring_core::model::{RecordId, Relationship, RelationshipStatus};
//! use chrono::{TimeZone, Utc};
//! let (an, port) = (RecordId(uuid::Uuid::from_u128(1)), RecordId(uuid::Uuid::from_u128(2)));
//! let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
//! let mut contacts = ContactsBuilder::new(|id| id == an, |id| id);
//! contacts.met(&[an, port], Utc.with_ymd_and_hms(2026, 11, 3, 10, 0, 0).unwrap().fixed_offset());
//! let contacts = contacts.finish();
//! let relationship = Relationship {
//!     networker: an, stakeholder: port, strength: 4, trust: None, given: vec![], received: vec![],
//!     since: None, cadence_days: Some(30), status: Some(RelationshipStatus::Active), last_contact: None,
//! };
//! let last = contacts.last_before(an, port, now);
//! let s = standing(&relationship, None, false, last, now);
//! assert!(s.current && s.active && s.healthy && !s.going_cold);
//! let mut reach = Reach::default();
//! reach.add(an, port, s);
//! assert!(reach.is_single_point_of_failure(port));
//! ```

use super::network::{Item, Network};
use crate::model::{RecordId, Relationship, RelationshipStatus};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::collections::{BTreeSet, HashMap};

/// Without a keep-in-touch cadence, a relationship is active when the last contact is at most
/// this many days old.
pub const DEFAULT_ACTIVE_WINDOW_DAYS: i64 = 90;
/// A relationship is healthy when it is active and at least this strong.
pub const HEALTHY_STRENGTH: u8 = 3;

/// How a relationship stands at a moment (see `docs/kpis.md`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// It exists at the moment (its start is on or before it), its status is active (or not
    /// set) and its networker has not left.
    pub current: bool,
    /// Current, and the last contact is within the keep-in-touch cadence (90 days without one).
    pub active: bool,
    /// Active and of strength 3 or more.
    pub healthy: bool,
    /// Current, with a cadence, and no contact within it.
    pub going_cold: bool,
}

/// How `relationship` stands at `at`. `start` is the day it exists from (its `since`, else the
/// day it was created); `last_contact` is the latest contact at or before `at`
/// ([`Contacts::last_before`]); `networker_left` says whether its networker has left.
pub fn standing(
    relationship: &Relationship,
    start: Option<NaiveDate>,
    networker_left: bool,
    last_contact: Option<DateTime<FixedOffset>>,
    at: DateTime<Utc>,
) -> Standing {
    let exists = start.is_none_or(|start| start <= at.date_naive());
    let status_active = relationship
        .status
        .is_none_or(|s| s == RelationshipStatus::Active);
    if !(exists && status_active && !networker_left) {
        return Standing::default();
    }
    let days_since = last_contact.map(|last| (at - last.with_timezone(&Utc)).num_days());
    let window = relationship
        .cadence_days
        .map(i64::from)
        .unwrap_or(DEFAULT_ACTIVE_WINDOW_DAYS);
    let active = days_since.is_some_and(|days| days <= window);
    let going_cold = match relationship.cadence_days {
        None => false,
        Some(cadence) => days_since.is_none_or(|days| days > i64::from(cadence)),
    };
    Standing {
        current: true,
        active,
        healthy: active && relationship.strength >= HEALTHY_STRENGTH,
        going_cold,
    }
}

/// The day a relationship exists from: its `since`, else the day its record was created.
pub fn relationship_start(
    relationship: &Relationship,
    created_at: Option<DateTime<Utc>>,
) -> Option<NaiveDate> {
    relationship
        .since
        .or_else(|| created_at.map(|t| t.date_naive()))
}

/// Collects the contacts between networkers and stakeholders. A *contact* is an interaction both
/// took part in, an event (not a newsletter) both attended, or the relationship's recorded last
/// contact (on the owner's machine, also a contact noted privately). Stakeholders are counted as
/// their identity group's canonical card.
pub struct ContactsBuilder<N, C> {
    is_networker: N,
    canonical: C,
    by_pair: HashMap<(RecordId, RecordId), Vec<DateTime<FixedOffset>>>,
}

impl<N: Fn(RecordId) -> bool, C: Fn(RecordId) -> RecordId> ContactsBuilder<N, C> {
    /// `is_networker` tells networkers from stakeholders among the people who met; `canonical`
    /// gives a stakeholder's identity group.
    pub fn new(is_networker: N, canonical: C) -> Self {
        ContactsBuilder {
            is_networker,
            canonical,
            by_pair: HashMap::new(),
        }
    }

    /// People who met at `at` (an interaction's participants, an event's attendees): every
    /// networker among them had a contact with every stakeholder among them.
    pub fn met(&mut self, people: &[RecordId], at: DateTime<FixedOffset>) {
        let (networkers, stakeholders): (Vec<RecordId>, Vec<RecordId>) = people
            .iter()
            .copied()
            .partition(|p| (self.is_networker)(*p));
        let stakeholders: BTreeSet<RecordId> =
            stakeholders.into_iter().map(&self.canonical).collect();
        for networker in &networkers {
            for stakeholder in &stakeholders {
                self.by_pair
                    .entry((*networker, *stakeholder))
                    .or_default()
                    .push(at);
            }
        }
    }

    /// An event: its attendees met, unless it is a newsletter (sent, not attended).
    pub fn event(&mut self, event: &crate::model::manager::Event) {
        if event.kind != crate::model::manager::EventKind::Newsletter {
            self.met(&event.attending, event.at);
        }
    }

    /// A relationship's recorded last contact (or a contact noted privately for it).
    pub fn recorded(&mut self, relationship: &Relationship) {
        if let Some(last) = relationship.last_contact {
            let stakeholder = (self.canonical)(relationship.stakeholder);
            self.by_pair
                .entry((relationship.networker, stakeholder))
                .or_default()
                .push(last);
        }
    }

    pub fn finish(mut self) -> Contacts {
        for times in self.by_pair.values_mut() {
            times.sort_by_key(DateTime::timestamp_millis);
            times.dedup_by_key(|t| t.timestamp_millis());
        }
        Contacts {
            by_pair: self.by_pair,
            reach: Default::default(),
        }
    }
}

/// The contacts between each networker and each stakeholder (its canonical card), in time order.
pub struct Contacts {
    by_pair: HashMap<(RecordId, RecordId), Vec<DateTime<FixedOffset>>>,
    /// Who knows whom, per moment asked (ms): the same for every KPI scope, so computed once.
    pub(crate) reach: std::cell::RefCell<HashMap<i64, std::rc::Rc<Reach>>>,
}

impl Contacts {
    /// The last contact of a networker with a stakeholder (its canonical card) at or before `at`.
    pub fn last_before(
        &self,
        networker: RecordId,
        stakeholder: RecordId,
        at: DateTime<Utc>,
    ) -> Option<DateTime<FixedOffset>> {
        let times = self.by_pair.get(&(networker, stakeholder))?;
        let limit = at.timestamp_millis();
        let index = times.partition_point(|t| t.timestamp_millis() <= limit);
        index.checked_sub(1).map(|i| times[i])
    }
}

/// Who knows each stakeholder: a networker *knows* a stakeholder (its identity group) when they
/// have a current relationship with it. A stakeholder known by exactly one networker is a
/// *single point of failure*, and that networker its *sole contact*; one known by nobody is
/// *known by nobody*. Networkers who left know nobody (their relationships are not current).
#[derive(Clone, Debug, Default)]
pub struct Reach {
    known_by: HashMap<RecordId, BTreeSet<RecordId>>,
}

impl Reach {
    /// Notes a relationship of `networker` with `stakeholder` (its canonical card), if current.
    pub fn add(&mut self, networker: RecordId, stakeholder: RecordId, standing: Standing) {
        if standing.current {
            self.known_by
                .entry(stakeholder)
                .or_default()
                .insert(networker);
        }
    }

    /// The networkers who know a stakeholder (its canonical card).
    pub fn known_by(&self, stakeholder: RecordId) -> impl Iterator<Item = RecordId> + '_ {
        self.known_by
            .get(&stakeholder)
            .into_iter()
            .flat_map(|n| n.iter().copied())
    }

    /// How many networkers know a stakeholder.
    pub fn count(&self, stakeholder: RecordId) -> usize {
        self.known_by.get(&stakeholder).map_or(0, BTreeSet::len)
    }

    pub fn is_single_point_of_failure(&self, stakeholder: RecordId) -> bool {
        self.count(stakeholder) == 1
    }

    pub fn is_known_by_nobody(&self, stakeholder: RecordId) -> bool {
        self.count(stakeholder) == 0
    }

    /// The one networker who knows a stakeholder, when only one does.
    pub fn sole_contact(&self, stakeholder: RecordId) -> Option<RecordId> {
        match self.known_by.get(&stakeholder) {
            Some(networkers) if networkers.len() == 1 => networkers.iter().next().copied(),
            _ => None,
        }
    }

    /// Stakeholders someone knows.
    pub fn stakeholders(&self) -> impl Iterator<Item = RecordId> + '_ {
        self.known_by.keys().copied()
    }

    /// For each networker, the stakeholders only they know.
    pub fn sole_contacts(&self) -> HashMap<RecordId, Vec<RecordId>> {
        let mut out: HashMap<RecordId, Vec<RecordId>> = HashMap::new();
        for (stakeholder, networkers) in &self.known_by {
            if networkers.len() == 1 {
                let networker = *networkers.iter().next().expect("one networker");
                out.entry(networker).or_default().push(*stakeholder);
            }
        }
        for stakeholders in out.values_mut() {
            stakeholders.sort();
        }
        out
    }
}

// ----- over the network the manager's computations load -------------------------------------

impl Contacts {
    /// Every contact in a loaded network: its interactions, events and relationships' recorded
    /// (and privately noted) last contacts.
    pub fn build(network: &Network) -> Contacts {
        let mut builder =
            ContactsBuilder::new(|id| network.is_networker(id), |id| network.canonical(id));
        for interaction in &network.interactions {
            builder.met(&interaction.body.participants, interaction.body.at);
        }
        for event in &network.events {
            builder.event(&event.body);
        }
        for relationship in &network.relationships {
            builder.recorded(&relationship.body);
        }
        builder.finish()
    }

    /// Who knows whom in `network` at `at` (computed once per moment and kept).
    pub fn reach(&self, network: &Network, at: DateTime<Utc>) -> std::rc::Rc<Reach> {
        let key = at.timestamp_millis();
        if let Some(found) = self.reach.borrow().get(&key) {
            return found.clone();
        }
        let mut reach = Reach::default();
        for item in &network.relationships {
            reach.add(
                item.body.networker,
                network.canonical(item.body.stakeholder),
                standing_in(network, self, item, at),
            );
        }
        let reach = std::rc::Rc::new(reach);
        self.reach.borrow_mut().insert(key, reach.clone());
        reach
    }
}

/// How a relationship of `network` stands at `at`.
pub fn standing_in(
    network: &Network,
    contacts: &Contacts,
    item: &Item<Relationship>,
    at: DateTime<Utc>,
) -> Standing {
    let r = &item.body;
    standing(
        r,
        relationship_start(r, item.created_at),
        network.has_left(r.networker),
        contacts.last_before(r.networker, network.canonical(r.stakeholder), at),
        at,
    )
}

/// The stakeholders of `network`, each identity group once (as its canonical card).
pub fn stakeholders(network: &Network) -> BTreeSet<RecordId> {
    network
        .cards
        .iter()
        .filter(|(_, card)| card.kind.is_stakeholder())
        .map(|(id, _)| network.canonical(*id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn id(n: u128) -> RecordId {
        RecordId(uuid::Uuid::from_u128(n))
    }

    fn relationship(cadence: Option<u32>, status: Option<RelationshipStatus>) -> Relationship {
        Relationship {
            networker: id(1),
            stakeholder: id(2),
            strength: 3,
            trust: None,
            given: vec![],
            received: vec![],
            since: None,
            cadence_days: cadence,
            status,
            last_contact: None,
        }
    }

    #[test]
    fn a_relationship_of_a_networker_who_left_is_neither_current_nor_going_cold() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let r = relationship(Some(30), None);
        assert!(standing(&r, None, false, None, now).going_cold);
        assert_eq!(standing(&r, None, true, None, now), Standing::default());
    }

    #[test]
    fn going_cold_counts_whole_days_past_the_cadence() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let r = relationship(Some(30), Some(RelationshipStatus::Active));
        let days_ago = |d: i64| Some((now - chrono::Duration::days(d)).fixed_offset());
        assert!(!standing(&r, None, false, days_ago(30), now).going_cold);
        assert!(standing(&r, None, false, days_ago(31), now).going_cold);
        let dormant = relationship(Some(30), Some(RelationshipStatus::Dormant));
        assert!(!standing(&dormant, None, false, days_ago(31), now).current);
        let later = NaiveDate::from_ymd_opt(2026, 12, 1);
        assert!(
            !standing(&r, later, false, None, now).current,
            "a relationship that starts after the moment does not exist yet"
        );
    }

    #[test]
    fn a_newsletter_is_no_contact_but_an_attended_event_is() {
        let (n, s) = (id(1), id(2));
        let at = Utc
            .with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
            .unwrap()
            .fixed_offset();
        let mut builder = ContactsBuilder::new(|p| p == n, |p| p);
        let mut event = crate::model::manager::Event {
            name: "Nieuwsbrief".into(),
            kind: crate::model::manager::EventKind::Newsletter,
            at,
            location: None,
            invited: vec![n, s],
            attending: vec![n, s],
            outcomes: vec![],
            notes: None,
        };
        builder.event(&event);
        event.kind = crate::model::manager::EventKind::Workshop;
        event.at = at + chrono::Duration::days(1);
        builder.event(&event);
        let contacts = builder.finish();
        let now = at.with_timezone(&Utc) + chrono::Duration::days(10);
        assert_eq!(contacts.last_before(n, s, now), Some(event.at));
        assert_eq!(contacts.last_before(n, s, at.with_timezone(&Utc)), None);
    }
}
