//! Secondary indexes: which keys each record puts in which index tree.
//!
//! Every index entry is a pure function of one record's state (and, for search terms, of the
//! records it names), so a write removes the entries of the state before and adds those of the
//! state after, and `kring check` can recompute every index from the records and compare.

use crate::crdt::RecordState;
use crate::model::{RecordId, RecordKind};
use crate::text;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

/// The index trees. Their names are part of the on-disk schema.
///
/// Until schema 5 a tree `index.terms` held one entry per search term of every card (term ‖ card
/// ‖ source record), 27 % of a store's entries. Search reads the term file (`term_file`), which
/// is built from [`Index::RecordTerms`], so that tree is dropped by the migration to schema 5
/// ([`RETIRED_TREES`]).
///
/// Until schema 6 a tree `index.kind_by_id` held every record's kind, an entry per record; a
/// lookup by id now tries the records trees themselves (`store::records_trees`), and the
/// migration to schema 7 drops it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Index {
    RecordTerms,
    InteractionsByCard,
    RelationshipsByNetworker,
    RelationshipsByStakeholder,
    FollowUpsByDue,
    FollowUpsByCard,
    NotesByRecord,
    AffiliationsByPerson,
    AffiliationsByOrganisation,
    LinksByCard,
    SameAsByCard,
    Conflicts,
}

/// Trees that older schemas kept and this one drops when it migrates a store.
pub(crate) const RETIRED_TREES: &[&str] = &["index.terms"];

impl Index {
    pub const ALL: &'static [Index] = &[
        Index::RecordTerms,
        Index::InteractionsByCard,
        Index::RelationshipsByNetworker,
        Index::RelationshipsByStakeholder,
        Index::FollowUpsByDue,
        Index::FollowUpsByCard,
        Index::NotesByRecord,
        Index::AffiliationsByPerson,
        Index::AffiliationsByOrganisation,
        Index::LinksByCard,
        Index::SameAsByCard,
        Index::Conflicts,
    ];

    /// The indexes whose entries depend on one record alone.
    pub const SIMPLE: &'static [Index] = &[
        Index::InteractionsByCard,
        Index::RelationshipsByNetworker,
        Index::RelationshipsByStakeholder,
        Index::FollowUpsByDue,
        Index::FollowUpsByCard,
        Index::NotesByRecord,
        Index::AffiliationsByPerson,
        Index::AffiliationsByOrganisation,
        Index::LinksByCard,
        Index::SameAsByCard,
        Index::Conflicts,
    ];

    pub fn tree_name(self) -> &'static str {
        match self {
            Index::RecordTerms => "index.record_terms",
            Index::InteractionsByCard => "index.interactions_by_card",
            Index::RelationshipsByNetworker => "index.relationships_by_networker",
            Index::RelationshipsByStakeholder => "index.relationships_by_stakeholder",
            Index::FollowUpsByDue => "index.follow_ups_by_due",
            Index::FollowUpsByCard => "index.follow_ups_by_card",
            Index::NotesByRecord => "index.notes_by_record",
            Index::AffiliationsByPerson => "index.affiliations_by_person",
            Index::AffiliationsByOrganisation => "index.affiliations_by_organisation",
            Index::LinksByCard => "index.links_by_card",
            Index::SameAsByCard => "index.same_as_by_card",
            Index::Conflicts => "index.conflicts",
        }
    }
}

/// A field holding a record id.
pub(crate) fn id_of(state: &RecordState, field: &str) -> Option<RecordId> {
    id_field(state, field)
}

fn id_field(state: &RecordState, field: &str) -> Option<RecordId> {
    state
        .current(field)
        .and_then(|v| serde_json::from_value(v).ok())
}

fn string_field(state: &RecordState, field: &str) -> Option<String> {
    match state.current(field)? {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    }
}

pub(crate) fn set_ids(state: &RecordState, set: &str) -> Vec<RecordId> {
    state
        .sets
        .get(set)
        .map(|s| {
            s.present()
                .filter_map(|bytes| serde_json::from_slice(bytes).ok())
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) fn set_strings(state: &RecordState, set: &str) -> Vec<String> {
    state
        .sets
        .get(set)
        .map(|s| {
            s.present()
                .filter_map(|bytes| serde_json::from_slice(bytes).ok())
                .collect()
        })
        .unwrap_or_default()
}

fn key(prefix: RecordId, middle: &[u8], id: uuid::Uuid) -> Vec<u8> {
    let mut key = Vec::with_capacity(32 + middle.len());
    key.extend_from_slice(prefix.as_bytes());
    key.extend_from_slice(middle);
    key.extend_from_slice(id.as_bytes());
    key
}

/// Sortable bytes of a signed time: the sign bit flipped so that byte order is time order.
pub fn millis_key(millis: i64) -> [u8; 8] {
    ((millis as u64) ^ (1 << 63)).to_be_bytes()
}

pub fn date_key(date: NaiveDate) -> [u8; 4] {
    ((date.num_days_from_ce() as u32) ^ (1 << 31)).to_be_bytes()
}

pub fn date_from_key(bytes: &[u8]) -> Option<NaiveDate> {
    let days = u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?) ^ (1 << 31);
    NaiveDate::from_num_days_from_ce_opt(days as i32)
}

/// The entries a record puts in the indexes that depend on it alone.
pub fn simple_entries(state: &RecordState) -> Vec<(Index, Vec<u8>)> {
    let mut entries = Vec::new();
    if state.has_conflicts() {
        entries.push((Index::Conflicts, state.id.as_bytes().to_vec()));
    }
    if state.is_deleted() {
        return entries;
    }
    let id = state.id;
    let Ok(kind) = state.kind.parse::<RecordKind>() else {
        return entries;
    };
    match kind {
        RecordKind::Interaction => {
            let at = state
                .current("at")
                .and_then(|v| serde_json::from_value::<DateTime<FixedOffset>>(v).ok())
                .map(|t| t.timestamp_millis())
                .unwrap_or(0);
            for participant in set_ids(state, "participants") {
                entries.push((
                    Index::InteractionsByCard,
                    key(participant, &millis_key(at), id),
                ));
            }
        }
        RecordKind::Relationship => {
            if let Some(networker) = id_field(state, "networker") {
                entries.push((Index::RelationshipsByNetworker, key(networker, &[], id)));
            }
            if let Some(stakeholder) = id_field(state, "stakeholder") {
                entries.push((Index::RelationshipsByStakeholder, key(stakeholder, &[], id)));
            }
        }
        RecordKind::FollowUp => {
            let done = state.current("done") == Some(serde_json::Value::Bool(true));
            let due = state
                .current("due")
                .and_then(|v| serde_json::from_value::<NaiveDate>(v).ok());
            if let (false, Some(due)) = (done, due) {
                let mut k = date_key(due).to_vec();
                k.extend_from_slice(id.as_bytes());
                entries.push((Index::FollowUpsByDue, k));
            }
            for card in set_ids(state, "about") {
                entries.push((Index::FollowUpsByCard, key(card, &[], id)));
            }
        }
        RecordKind::Note => {
            if let Some(about) = id_field(state, "about") {
                entries.push((Index::NotesByRecord, key(about, &[], id)));
            }
        }
        RecordKind::Affiliation => {
            if let Some(person) = id_field(state, "person") {
                entries.push((Index::AffiliationsByPerson, key(person, &[], id)));
            }
            if let Some(organisation) = id_field(state, "organisation") {
                entries.push((
                    Index::AffiliationsByOrganisation,
                    key(organisation, &[], id),
                ));
            }
        }
        RecordKind::Link => {
            for end in ["from", "to"] {
                if let Some(card) = id_field(state, end) {
                    entries.push((Index::LinksByCard, key(card, &[], id)));
                }
            }
        }
        RecordKind::SameAs => {
            for end in ["a", "b"] {
                if let Some(card) = id_field(state, end) {
                    entries.push((Index::SameAsByCard, key(card, &[], id)));
                }
            }
        }
        _ => {}
    }
    entries.sort();
    entries.dedup();
    entries
}

/// How much a word counts in ranking, by where it was found.
pub mod weight {
    pub const NAME: u8 = 10;
    pub const ORGANISATION: u8 = 6;
    pub const TAG: u8 = 5;
    pub const EMAIL: u8 = 4;
    pub const TITLE: u8 = 3;
    pub const PHONE: u8 = 3;
    pub const PAST_ORGANISATION: u8 = 2;
    pub const NOTE: u8 = 1;
}

/// One word a record contributes to a card's search terms.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct TermContribution {
    pub term: String,
    pub card: RecordId,
    pub weight: u8,
}

const MAX_TERM_BYTES: usize = 48;

fn push_words(out: &mut Vec<TermContribution>, card: RecordId, text: &str, weight: u8) {
    for word in text::words(text) {
        let mut term = word;
        if term.len() > MAX_TERM_BYTES {
            let mut cut = MAX_TERM_BYTES;
            while !term.is_char_boundary(cut) {
                cut -= 1;
            }
            term.truncate(cut);
        }
        out.push(TermContribution { term, card, weight });
    }
}

/// The search terms a record contributes, to itself or to the card it describes. `lookup` gives
/// the current state of another record (an affiliation needs its organisation's name).
pub fn term_contributions(
    state: &RecordState,
    lookup: &mut dyn FnMut(RecordId) -> Option<RecordState>,
    today: NaiveDate,
) -> Vec<TermContribution> {
    let mut out = Vec::new();
    if state.is_deleted() {
        return out;
    }
    let id = RecordId(state.id);
    let Ok(kind) = state.kind.parse::<RecordKind>() else {
        return out;
    };
    match kind {
        RecordKind::Person => {
            for field in ["display_name", "given_name", "family_name"] {
                if let Some(name) = string_field(state, field) {
                    push_words(&mut out, id, &name, weight::NAME);
                }
            }
            if let Some(title) = string_field(state, "job_title") {
                push_words(&mut out, id, &title, weight::TITLE);
            }
            for email in set_strings(state, "emails") {
                push_words(&mut out, id, &email, weight::EMAIL);
            }
            for phone in set_strings(state, "phones") {
                let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
                if !digits.is_empty() {
                    out.push(TermContribution {
                        term: digits,
                        card: id,
                        weight: weight::PHONE,
                    });
                }
            }
            for tag in set_strings(state, "tags") {
                push_words(&mut out, id, &tag, weight::TAG);
            }
        }
        RecordKind::Organisation => {
            if let Some(name) = string_field(state, "name") {
                push_words(&mut out, id, &name, weight::NAME);
            }
            for tag in set_strings(state, "tags") {
                push_words(&mut out, id, &tag, weight::TAG);
            }
        }
        RecordKind::Networker => {
            if let Some(name) = string_field(state, "name") {
                push_words(&mut out, id, &name, weight::NAME);
            }
            if let Some(email) = string_field(state, "email") {
                push_words(&mut out, id, &email, weight::EMAIL);
            }
            if let Some(unit) = string_field(state, "unit") {
                push_words(&mut out, id, &unit, weight::TITLE);
            }
        }
        RecordKind::Note => {
            let about = id_field(state, "about");
            let about_card = about.and_then(&mut *lookup).and_then(|target| {
                let target_kind = target.kind.parse::<RecordKind>().ok()?;
                target_kind.is_card().then_some(RecordId(target.id))
            });
            if let (Some(card), Some(text)) = (about_card, string_field(state, "text")) {
                push_words(&mut out, card, &text, weight::NOTE);
            }
        }
        RecordKind::Affiliation => {
            let Some(person) = id_field(state, "person") else {
                return out;
            };
            let ended = state
                .current("to")
                .and_then(|v| serde_json::from_value::<NaiveDate>(v).ok())
                .is_some_and(|to| to < today);
            let organisation = id_field(state, "organisation").and_then(&mut *lookup);
            if let Some(name) = organisation.and_then(|o| string_field(&o, "name")) {
                let w = if ended {
                    weight::PAST_ORGANISATION
                } else {
                    weight::ORGANISATION
                };
                push_words(&mut out, person, &name, w);
            }
            if let (false, Some(title)) = (ended, string_field(state, "title")) {
                push_words(&mut out, person, &title, weight::TITLE);
            }
        }
        _ => {}
    }
    // One entry per (term, card), with the best weight.
    out.sort_by(|a, b| (&a.term, a.card, b.weight).cmp(&(&b.term, b.card, a.weight)));
    out.dedup_by(|later, first| later.term == first.term && later.card == first.card);
    out
}
