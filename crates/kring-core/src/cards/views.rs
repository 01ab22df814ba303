//! Domain operations that read or write several records: card lists and details, this
//! networker's relationships, logging an interaction with its follow-up, and the follow-up list.

use super::standings::{Scope, Standings};
use crate::crdt::{envelope, RecordState};
use crate::model::*;
use crate::store::indexes::{self, Index};
use crate::store::search::card_title;
use crate::store::{
    body_of, current_json, private_contact, NewRecord, Store, StoreError, StoreResult,
};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// Which cards to list.
#[derive(Clone, Debug, Default)]
pub struct CardFilter {
    pub kind: Option<RecordKind>,
    pub tag: Option<String>,
}

/// A card as a line in a list.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CardSummary {
    pub id: RecordId,
    pub kind: RecordKind,
    pub name: String,
    pub detail: Option<String>,
    pub tags: Vec<String>,
    pub visibility: Option<Visibility>,
    /// `objected` or `restricted` when the person objected to processing or it is restricted
    /// (`crate::protection::restriction`).
    #[cfg_attr(feature = "specta", specta(skip))]
    pub restriction: Option<String>,
}

pub use crate::model::conflicts::{conflicts_named, conflicts_of, FieldConflict, LosingValue};

/// Everything about one card. A card in an identity group shows the whole group: the canonical
/// card's fields with the members' multi-valued fields added, and every member's affiliations,
/// relationships, interactions, notes, follow-ups and links.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CardDetail {
    /// The card asked for.
    pub id: RecordId,
    /// The card its group is shown as (the smallest id of the group; `id` when it stands alone).
    pub canonical: RecordId,
    /// The other cards of its group, in id order (empty when it stands alone).
    pub same_as: Vec<RecordId>,
    pub kind: RecordKind,
    pub name: String,
    pub visibility: Option<Visibility>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    /// Who created the card: the networker's name (their card id when it is not known here).
    pub author: Option<String>,
    pub fields: serde_json::Map<String, serde_json::Value>,
    pub affiliations: Vec<AffiliationView>,
    /// Every relationship of the card (of any status), strongest first.
    pub relationships: Vec<RelationshipView>,
    /// On a networker's card, the stakeholders they know; on a stakeholder's card, the colleagues
    /// who know them. Each once (an identity group is one stakeholder; a colleague with
    /// relationships with two of its cards is listed with the stronger), strongest first.
    /// (Optional for the app's TypeScript until its screens read it; always present.)
    #[cfg_attr(feature = "specta", specta(optional))]
    pub acquaintances: Vec<Acquaintance>,
    pub interactions: Vec<InteractionView>,
    pub notes: Vec<NoteView>,
    pub follow_ups: Vec<FollowUpView>,
    pub links: Vec<LinkView>,
    pub conflicts: Vec<FieldConflict>,
    /// The person's objection or restriction, while it stands.
    pub restriction: Option<crate::protection::restriction::RestrictionView>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AffiliationView {
    pub id: RecordId,
    pub person: RecordId,
    pub person_name: String,
    pub organisation: RecordId,
    pub organisation_name: String,
    pub title: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub current: bool,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RelationshipView {
    pub id: RecordId,
    pub networker: RecordId,
    pub networker_name: String,
    pub stakeholder: RecordId,
    pub stakeholder_name: String,
    pub strength: u8,
    pub trust: Option<u8>,
    pub given: Vec<String>,
    pub received: Vec<String>,
    pub reciprocity_balance: i64,
    pub since: Option<NaiveDate>,
    pub cadence_days: Option<u32>,
    pub status: Option<RelationshipStatus>,
    pub last_contact: Option<DateTime<FixedOffset>>,
    pub going_cold: bool,
    pub visibility: Option<Visibility>,
}

/// Someone a card's relationships connect it with: a stakeholder a networker knows, or a
/// colleague who knows a stakeholder.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Acquaintance {
    /// The stakeholder (its identity group's canonical card) or the colleague.
    pub id: RecordId,
    /// Its name; a colleague's as lists name networkers (with their unit when a colleague shares
    /// the name).
    pub name: String,
    /// The relationship between the two (the stronger, when there are several).
    pub relationship: RecordId,
    pub strength: u8,
    pub last_contact: Option<DateTime<FixedOffset>>,
    pub going_cold: bool,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InteractionView {
    pub id: RecordId,
    pub kind: InteractionKind,
    pub at: DateTime<FixedOffset>,
    pub summary: String,
    pub participants: Vec<(RecordId, String)>,
    pub outcomes: Vec<String>,
    pub visibility: Option<Visibility>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NoteView {
    pub id: RecordId,
    pub text: String,
    pub visibility: Option<Visibility>,
    pub created_at: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FollowUpView {
    pub id: RecordId,
    pub text: String,
    pub due: NaiveDate,
    pub done: bool,
    pub about: Vec<(RecordId, String)>,
    pub interaction: Option<RecordId>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LinkView {
    pub id: RecordId,
    pub from: RecordId,
    pub from_name: String,
    pub to: RecordId,
    pub to_name: String,
    pub kind: LinkKindView,
}

/// This networker's relationship settings; absent values are left as they are.
#[derive(Clone, Debug, Default)]
pub struct RelateRequest {
    pub strength: Option<u8>,
    pub trust: Option<u8>,
    pub cadence_days: Option<u32>,
    pub status: Option<RelationshipStatus>,
    pub since: Option<NaiveDate>,
    pub visibility: Option<Visibility>,
}

/// An interaction to log.
#[derive(Clone, Debug)]
pub struct LogRequest {
    pub with: Vec<RecordId>,
    pub kind: InteractionKind,
    pub at: DateTime<FixedOffset>,
    pub summary: String,
    pub outcomes: Vec<String>,
    pub follow_up: Option<(String, NaiveDate)>,
    pub visibility: Option<Visibility>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Logged {
    pub interaction: RecordId,
    pub follow_up: Option<RecordId>,
    pub relationships_touched: Vec<RecordId>,
}

/// A record's visibility as stored (absent on records written before visibilities existed).
pub(crate) fn visibility_of(state: &RecordState) -> Option<Visibility> {
    text_field(state, envelope::VISIBILITY).and_then(|v| v.parse().ok())
}

fn text_field(state: &RecordState, field: &str) -> Option<String> {
    match state.current(field) {
        Some(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

impl Store {
    fn name_of(&self, id: RecordId) -> StoreResult<String> {
        Ok(self
            .state(id)?
            .map(|s| card_title(&s).0)
            .unwrap_or_else(|| "(unknown)".into()))
    }

    /// Live cards (people and organisations, and networkers when asked), sorted by name. An
    /// identity group is listed once, as its canonical card with every member's tags.
    pub fn list_cards(&self, filter: &CardFilter) -> StoreResult<Vec<CardSummary>> {
        let kinds: Vec<RecordKind> = match filter.kind {
            Some(kind) => vec![kind],
            None => vec![RecordKind::Person, RecordKind::Organisation],
        };
        let groups = self.identity_groups()?;
        let marked = self.restrictions()?;
        let me = self.profile()?.map(|p| p.networker);
        let tag = filter.tag.as_deref().map(crate::text::fold);
        let mut out = Vec::new();
        let mut member_tags: HashMap<RecordId, Vec<String>> = HashMap::new();
        for kind in kinds {
            for state in self.all_of_kind(kind)? {
                if is_withdrawn(&state, me) {
                    continue;
                }
                let id = RecordId(state.id);
                let tags = indexes::set_strings(&state, "tags");
                let canonical = groups.canonical(id);
                if canonical != id {
                    member_tags.entry(canonical).or_default().extend(tags);
                    continue;
                }
                let (name, detail) = card_title(&state);
                out.push(CardSummary {
                    id,
                    kind,
                    name,
                    detail,
                    tags,
                    visibility: visibility_of(&state),
                    restriction: marked.status(id).map(|s| s.as_str().to_owned()),
                });
            }
        }
        for card in &mut out {
            if let Some(extra) = member_tags.remove(&card.id) {
                for tag in extra {
                    let folded = crate::text::fold(&tag);
                    if !card.tags.iter().any(|t| crate::text::fold(t) == folded) {
                        card.tags.push(tag);
                    }
                }
            }
        }
        if let Some(wanted) = &tag {
            out.retain(|card| card.tags.iter().any(|t| crate::text::fold(t) == *wanted));
        }
        out.sort_by(|a, b| {
            crate::text::fold(&a.name)
                .cmp(&crate::text::fold(&b.name))
                .then(a.id.cmp(&b.id))
        });
        Ok(out)
    }

    /// A relationship as a view shows it: its last contact and whether it is going cold by the
    /// definitions of `crate::manager::figures`.
    pub(crate) fn relationship_view(
        &self,
        state: &RecordState,
        standings: &Standings,
        now: DateTime<Utc>,
    ) -> StoreResult<RelationshipView> {
        let relationship: Relationship = body_of(state)?;
        let (standing, last_contact) = standings.of(state, &relationship, now);
        Ok(RelationshipView {
            id: RecordId(state.id),
            networker_name: self.name_of(relationship.networker)?,
            stakeholder_name: self.name_of(relationship.stakeholder)?,
            going_cold: standing.going_cold,
            reciprocity_balance: relationship.reciprocity_balance(),
            networker: relationship.networker,
            stakeholder: relationship.stakeholder,
            strength: relationship.strength,
            trust: relationship.trust,
            given: relationship.given,
            received: relationship.received,
            since: relationship.since,
            cadence_days: relationship.cadence_days,
            status: relationship.status,
            last_contact,
            visibility: visibility_of(state),
        })
    }

    fn live_by_index(&self, index: Index, prefix: RecordId) -> StoreResult<Vec<RecordState>> {
        let mut out = Vec::new();
        for id in self.ids_with_prefix(index, prefix.as_bytes())? {
            if let Some(state) = self.live_state(id)? {
                out.push(state);
            }
        }
        Ok(out)
    }

    /// The live relationships any networker has with a card.
    pub fn relationships_of_stakeholder(&self, card: RecordId) -> StoreResult<Vec<RecordState>> {
        self.live_by_index(Index::RelationshipsByStakeholder, card)
    }

    /// The live records an index lists under any of several cards, each once, in id order.
    pub(crate) fn live_by_index_of_all(
        &self,
        index: Index,
        cards: &[RecordId],
    ) -> StoreResult<Vec<RecordState>> {
        if let [card] = cards {
            return self.live_by_index(index, *card);
        }
        let mut out = Vec::new();
        for card in cards {
            out.extend(self.live_by_index(index, *card)?);
        }
        out.sort_by_key(|state| state.id);
        out.dedup_by_key(|state| state.id);
        Ok(out)
    }

    pub fn follow_up_view(&self, state: &RecordState) -> StoreResult<FollowUpView> {
        let follow_up: FollowUp = body_of(state)?;
        let mut about = Vec::new();
        for id in follow_up.about {
            about.push((id, self.name_of(id)?));
        }
        Ok(FollowUpView {
            id: RecordId(state.id),
            text: follow_up.text,
            due: follow_up.due,
            done: follow_up.done,
            about,
            interaction: follow_up.interaction,
        })
    }

    /// Everything about a card, or about its identity group when it is in one.
    pub fn card_detail(&self, id: RecordId, now: DateTime<Utc>) -> StoreResult<CardDetail> {
        let asked = self.live_state(id)?.ok_or(StoreError::NotFound(id))?;
        let members = self.identity_group(id)?;
        let canonical = members[0];
        let state = if canonical == id {
            asked
        } else {
            self.live_state(canonical)?
                .ok_or(StoreError::NotFound(canonical))?
        };
        let kind: RecordKind = state.kind.parse().map_err(|_| StoreError::Corrupt {
            id: canonical.to_string(),
            reason: format!("unknown kind {}", state.kind),
        })?;
        let (name, _) = card_title(&state);
        let today = now.date_naive();
        let mut fields = current_json(&state, kind);
        let mut updated = state.max_stamp();
        for member in &members[1..] {
            if let Some(member_state) = self.live_state(*member)? {
                let member_fields = current_json(&member_state, kind);
                crate::identity_groups::add_member_fields(kind, &mut fields, &member_fields);
                updated = updated.max(member_state.max_stamp());
            }
        }

        let mut affiliations = Vec::new();
        let index = if kind == RecordKind::Organisation {
            Index::AffiliationsByOrganisation
        } else {
            Index::AffiliationsByPerson
        };
        for affiliation_state in self.live_by_index_of_all(index, &members)? {
            let a: Affiliation = body_of(&affiliation_state)?;
            affiliations.push(AffiliationView {
                id: RecordId(affiliation_state.id),
                person_name: self.name_of(a.person)?,
                organisation_name: self.name_of(a.organisation)?,
                current: a.to.is_none_or(|to| to >= today),
                person: a.person,
                organisation: a.organisation,
                title: a.title,
                from: a.from,
                to: a.to,
            });
        }
        affiliations.sort_by(|a, b| b.current.cmp(&a.current).then(b.from.cmp(&a.from)));

        let relationship_index = if kind == RecordKind::Networker {
            Index::RelationshipsByNetworker
        } else {
            Index::RelationshipsByStakeholder
        };
        let standings = self.standings(Scope::Cards(&members))?;
        let mut relationships = Vec::new();
        for relationship_state in self.live_by_index_of_all(relationship_index, &members)? {
            relationships.push(self.relationship_view(&relationship_state, &standings, now)?);
        }
        relationships.sort_by_key(|r| std::cmp::Reverse(r.strength));
        let acquaintances = self.acquaintances(kind, &relationships, &standings, now)?;

        let mut interactions = Vec::new();
        for interaction_state in self.live_by_index_of_all(Index::InteractionsByCard, &members)? {
            interactions.push(self.interaction_view(&interaction_state)?);
        }
        // Latest first.
        interactions.sort_by_key(|i| std::cmp::Reverse((i.at.timestamp_millis(), i.id)));

        let mut notes = Vec::new();
        for note_state in self.live_by_index_of_all(Index::NotesByRecord, &members)? {
            let note: Note = body_of(&note_state)?;
            notes.push(NoteView {
                id: RecordId(note_state.id),
                text: note.text,
                visibility: visibility_of(&note_state),
                created_at: text_field(&note_state, envelope::CREATED_AT),
            });
        }

        let mut follow_ups = Vec::new();
        for follow_up_state in self.live_by_index_of_all(Index::FollowUpsByCard, &members)? {
            follow_ups.push(self.follow_up_view(&follow_up_state)?);
        }
        follow_ups.sort_by(|a, b| a.done.cmp(&b.done).then(a.due.cmp(&b.due)));

        let mut links = Vec::new();
        for link_state in self.live_by_index_of_all(Index::LinksByCard, &members)? {
            let link: Link = body_of(&link_state)?;
            links.push(LinkView {
                id: RecordId(link_state.id),
                from_name: self.name_of(link.from)?,
                to_name: self.name_of(link.to)?,
                from: link.from,
                to: link.to,
                kind: LinkKindView::from(&link.kind),
            });
        }

        Ok(CardDetail {
            id,
            canonical,
            same_as: members.iter().copied().filter(|m| *m != id).collect(),
            kind,
            name,
            visibility: visibility_of(&state),
            created_at: text_field(&state, envelope::CREATED_AT),
            updated_at: updated.map(|s| s.to_rfc3339()),
            // The author is kept as the networker card's id; show whose it is.
            author: text_field(&state, envelope::AUTHOR).map(|author| {
                match author.parse::<RecordId>().ok().map(|id| self.state(id)) {
                    Some(Ok(Some(networker))) => card_title(&networker).0,
                    _ => author,
                }
            }),
            fields,
            // The roster is read only for a card that has conflicts to show.
            conflicts: if state.has_conflicts() {
                let roster = self.roster()?;
                conflicts_named(&state, &|node| {
                    roster.writer_entry(node).map(|e| e.name.clone())
                })
            } else {
                Vec::new()
            },
            restriction: if kind == RecordKind::Person {
                self.restriction_of(id)?
            } else {
                None
            },
            affiliations,
            relationships,
            acquaintances,
            interactions,
            notes,
            follow_ups,
            links,
        })
    }

    /// Who a card's relationships connect it with, each once: on a networker's card the
    /// stakeholders (identity groups) they know, on a stakeholder's card the colleagues who know
    /// them; "know" as `crate::manager::figures::Reach` defines it (a current relationship).
    fn acquaintances(
        &self,
        kind: RecordKind,
        relationships: &[RelationshipView],
        standings: &Standings,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<Acquaintance>> {
        let mut best: HashMap<RecordId, Acquaintance> = HashMap::new();
        for view in relationships {
            let Some(state) = self.live_state(view.id)? else {
                continue;
            };
            if is_withdrawn(&state, standings.me) {
                continue;
            }
            let relationship: Relationship = body_of(&state)?;
            let (standing, _) = standings.of(&state, &relationship, now);
            if !standing.current {
                continue;
            }
            let (other, name) = if kind == RecordKind::Networker {
                let canonical = standings.groups.canonical(view.stakeholder);
                (canonical, self.name_of(canonical)?)
            } else {
                let label = standings.label(view.networker).cloned();
                (
                    view.networker,
                    label.unwrap_or_else(|| view.networker_name.clone()),
                )
            };
            let candidate = Acquaintance {
                id: other,
                name,
                relationship: view.id,
                strength: view.strength,
                last_contact: view.last_contact,
                going_cold: view.going_cold,
            };
            let keep = match best.get(&other) {
                None => true,
                Some(known) => {
                    (candidate.strength, candidate.last_contact)
                        > (known.strength, known.last_contact)
                }
            };
            if keep {
                best.insert(other, candidate);
            }
        }
        let mut out: Vec<Acquaintance> = best.into_values().collect();
        out.sort_by(|a, b| {
            b.strength
                .cmp(&a.strength)
                .then_with(|| crate::text::fold(&a.name).cmp(&crate::text::fold(&b.name)))
                .then(a.id.cmp(&b.id))
        });
        Ok(out)
    }

    fn interaction_view(&self, state: &RecordState) -> StoreResult<InteractionView> {
        let interaction: Interaction = body_of(state)?;
        let mut participants = Vec::new();
        for participant in interaction.participants {
            participants.push((participant, self.name_of(participant)?));
        }
        Ok(InteractionView {
            id: RecordId(state.id),
            kind: interaction.kind,
            at: interaction.at,
            summary: interaction.summary,
            participants,
            outcomes: interaction.outcomes,
            visibility: visibility_of(state),
        })
    }

    /// Creates or updates this networker's relationship with a stakeholder.
    pub fn relate(
        &self,
        stakeholder: RecordId,
        request: &RelateRequest,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        let profile = self.require_profile()?;
        let id = RecordId::for_relationship(profile.networker, stakeholder);
        let existing: Option<Relationship> = match self.live_state(id)? {
            Some(state) => Some(body_of(&state)?),
            None => None,
        };
        let relationship = match existing {
            Some(mut r) => {
                if let Some(strength) = request.strength {
                    r.strength = strength;
                }
                r.trust = request.trust.or(r.trust);
                r.cadence_days = request.cadence_days.or(r.cadence_days);
                r.status = request.status.or(r.status);
                r.since = request.since.or(r.since);
                r
            }
            None => Relationship {
                networker: profile.networker,
                stakeholder,
                strength: request.strength.unwrap_or(1),
                trust: request.trust,
                given: vec![],
                received: vec![],
                since: Some(request.since.unwrap_or(now.date_naive())),
                cadence_days: request.cadence_days,
                status: Some(request.status.unwrap_or(RelationshipStatus::Active)),
                last_contact: None,
            },
        };
        if self.live_state(id)?.is_some() {
            self.update(id, &relationship, now)?;
            if let Some(visibility) = request.visibility {
                self.set_visibility(id, visibility, now)?;
            }
        } else {
            let visibility = self.visibility_about(&[stakeholder], request.visibility)?;
            self.create_with_id(id, &relationship, Some(visibility), now)?;
        }
        Ok(id)
    }

    /// Logs an interaction of this networker with stakeholders, with an optional follow-up, and
    /// moves the last contact of this networker's relationships with them. One transaction. An
    /// interaction more than a day after `now` is refused (it has not happened: a follow-up or an
    /// event says what is to come), and so is a follow-up due before the interaction
    /// (`crate::model::bounds`).
    pub fn log_interaction(&self, request: &LogRequest, now: DateTime<Utc>) -> StoreResult<Logged> {
        let profile = self.require_profile()?;
        crate::model::bounds::check_interaction_time(request.at, now)?;
        if let Some((_, due)) = &request.follow_up {
            crate::model::bounds::check_follow_up_due(*due, request.at)?;
        }
        if request.with.is_empty() {
            return Err(ValidationError::worded("with", "name_a_card", &[]).into());
        }
        let mut participants = vec![profile.networker];
        for id in &request.with {
            if !participants.contains(id) {
                participants.push(*id);
            }
        }
        let interaction = Interaction {
            kind: request.kind,
            at: request.at,
            participants,
            summary: request.summary.trim().to_owned(),
            outcomes: request.outcomes.clone(),
        };
        let interaction_id = RecordId::new_v7(now.timestamp_millis() as u64);
        let visibility = Some(self.visibility_about(&request.with, request.visibility)?);
        let mut batch = self.log_batch()?;
        let touched = batch.interaction(
            self,
            interaction_id,
            &interaction,
            &serde_json::Map::new(),
            visibility,
            false,
        )?;
        let mut follow_up_id = None;
        if let Some((text, due)) = &request.follow_up {
            let id = RecordId::new_v7(now.timestamp_millis() as u64 + 1);
            let follow_up = FollowUp {
                interaction: Some(interaction_id),
                about: request.with.clone(),
                text: text.trim().to_owned(),
                due: *due,
                done: false,
            };
            batch.create(NewRecord {
                visibility,
                ..NewRecord::new(id, &follow_up)
            });
            follow_up_id = Some(id);
        }
        self.write_log_batch(batch, now)?;
        Ok(Logged {
            interaction: interaction_id,
            follow_up: follow_up_id,
            relationships_touched: touched,
        })
    }

    /// An empty batch of interactions to log for this store's networker.
    pub(crate) fn log_batch(&self) -> StoreResult<LogBatch> {
        Ok(LogBatch {
            networker: self.require_profile()?.networker,
            default_visibility: self.settings()?.default_visibility,
            creates: Vec::new(),
            updates: Vec::new(),
            private_contacts: HashMap::new(),
            relationships: HashMap::new(),
            pending_kinds: HashMap::new(),
        })
    }

    /// Writes a batch in one transaction: all of it or nothing.
    pub(crate) fn write_log_batch(&self, batch: LogBatch, now: DateTime<Utc>) -> StoreResult<()> {
        let mut private_contacts: Vec<_> = batch.private_contacts.into_iter().collect();
        private_contacts.sort_by_key(|(id, _)| *id);
        let meta = private_contacts
            .into_iter()
            .map(|(relationship, at)| private_contact::entry(relationship, at))
            .collect();
        self.write_batch_with_meta(batch.creates, batch.updates, meta, now)
    }

    /// Open follow-ups, earliest due first, optionally only those due before a date. A follow-up
    /// about someone who objected or is restricted is left out until the mark is lifted (it
    /// still shows on their card).
    pub fn follow_ups(&self, due_before: Option<NaiveDate>) -> StoreResult<Vec<FollowUpView>> {
        let marked = self.restrictions()?;
        let mut out = Vec::new();
        for item in self.index(Index::FollowUpsByDue).iter() {
            let (key, _) = item?;
            let Some(due) = indexes::date_from_key(&key) else {
                continue;
            };
            if due_before.is_some_and(|limit| due >= limit) {
                break;
            }
            let Some(id) = RecordId::from_slice(&key[4..]) else {
                continue;
            };
            if let Some(state) = self.live_state(id)? {
                let view = self.follow_up_view(&state)?;
                if !view.about.iter().any(|(card, _)| marked.is_marked(*card)) {
                    out.push(view);
                }
            }
        }
        Ok(out)
    }

    /// Marks a follow-up done (or open again).
    pub fn set_follow_up_done(
        &self,
        id: RecordId,
        done: bool,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut follow_up: FollowUp = self.get(id)?.ok_or(StoreError::NotFound(id))?;
        follow_up.done = done;
        self.update(id, &follow_up, now)
    }

    /// This store's relationships whose keep-in-touch cadence has run out, coldest first.
    pub fn going_cold(&self, now: DateTime<Utc>) -> StoreResult<Vec<RelationshipView>> {
        let (views, _) = self.going_cold_of(None, usize::MAX, now)?;
        Ok(views)
    }

    /// The owner's Today list of relationships going cold (the coldest `limit`, and how many in
    /// all): a networker's own relationships; for a Manager of the Network, the organisation's.
    pub fn going_cold_today(
        &self,
        limit: usize,
        now: DateTime<Utc>,
    ) -> StoreResult<(Vec<RelationshipView>, usize)> {
        let me = self
            .profile()?
            .filter(|p| p.role == Role::Networker)
            .map(|p| p.networker);
        self.going_cold_of(me, limit, now)
    }

    /// The coldest `limit` relationships whose cadence has run out (of one networker, or of
    /// everyone), and how many there are in all. Only those shown are read in full, so a
    /// manager's store of a hundred thousand relationships answers quickly. A relationship with
    /// someone who objected or is restricted is never a reminder.
    pub fn going_cold_of(
        &self,
        networker: Option<RecordId>,
        limit: usize,
        now: DateTime<Utc>,
    ) -> StoreResult<(Vec<RelationshipView>, usize)> {
        let (standings, maybe) = match networker {
            // Everyone's: most relationships are to be judged, so read every interaction once.
            None => {
                let mut standings = self.standings(Scope::All)?;
                let all = std::mem::take(&mut standings.relationships);
                (standings, all)
            }
            // One networker's: only their relationships going cold by recorded contacts and
            // events alone can be going cold (more contacts only warm them), so read just the
            // interactions of those stakeholders.
            Some(networker) => {
                let mut first = self.standings(Scope::WithoutInteractions)?;
                let relationships = std::mem::take(&mut first.relationships);
                let maybe: Vec<(RecordState, Relationship)> = relationships
                    .into_iter()
                    .filter(|(state, relationship)| {
                        relationship.networker == networker
                            && first.of(state, relationship, now).0.going_cold
                    })
                    .collect();
                let mut stakeholders: Vec<RecordId> =
                    maybe.iter().map(|(_, r)| r.stakeholder).collect();
                stakeholders.sort();
                stakeholders.dedup();
                (self.standings(Scope::Cards(&stakeholders))?, maybe)
            }
        };
        let mut cold: Vec<(Option<DateTime<FixedOffset>>, RecordState)> = Vec::new();
        // Someone who objected or is restricted is never a reminder.
        let marked = self.restrictions()?;
        for (state, relationship) in maybe {
            if marked.is_marked(relationship.stakeholder) {
                continue;
            }
            let (standing, last) = standings.of(&state, &relationship, now);
            if standing.going_cold {
                cold.push((last, state));
            }
        }
        let total = cold.len();
        cold.sort_by_key(|(last, state)| (last.map(|l| l.timestamp_millis()), state.id));
        cold.truncate(limit);
        let mut views = Vec::with_capacity(cold.len());
        for (_, state) in &cold {
            views.push(self.relationship_view(state, &standings, now)?);
        }
        Ok((views, total))
    }

    /// Adds a note about a record, with its own visibility (by default no wider than the
    /// record's, see [`Store::visibility_about`]).
    pub fn add_note(
        &self,
        about: RecordId,
        text: &str,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        let visibility = self.visibility_about(&[about], visibility)?;
        self.create(
            &Note {
                about,
                text: text.trim().to_owned(),
            },
            Some(visibility),
            now,
        )
    }

    /// The visibility of a record about some cards when the person did not choose one: the
    /// store's default, but never wider than the most restrictive of those cards (a note,
    /// interaction, follow-up or relationship on a private card is private). A visibility the
    /// person chose is taken as it is.
    pub fn visibility_about(
        &self,
        cards: &[RecordId],
        asked: Option<Visibility>,
    ) -> StoreResult<Visibility> {
        if let Some(asked) = asked {
            return Ok(asked);
        }
        let mut visibility = self.settings()?.default_visibility;
        for card in cards {
            if let Some(state) = self.state(*card)? {
                visibility = visibility.min(crate::model::visibility_of(&state));
            }
        }
        Ok(visibility)
    }
}

pub use crate::model::is_withdrawn;

impl Store {
    /// Creates a person and, when an organisation is given, their current affiliation there, in
    /// one transaction. Web addresses typed without `https://` are completed.
    pub fn create_person(
        &self,
        person: &Person,
        organisation: Option<RecordId>,
        title: Option<&str>,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        let id = RecordId::new_v7(now.timestamp_millis() as u64);
        let person = person.clone().completed();
        let mut batch = vec![NewRecord {
            visibility,
            ..NewRecord::new(id, &person)
        }];
        if let Some(organisation) = organisation {
            let affiliation = Affiliation::starting(id, organisation, title, now.date_naive());
            let affiliation_id = RecordId::new_v7(now.timestamp_millis() as u64 + 1);
            batch.push(NewRecord {
                visibility,
                ..NewRecord::new(affiliation_id, &affiliation)
            });
        }
        self.create_many(batch, now)?;
        Ok(id)
    }

    /// The affiliation a person form implies: naming an organisation on a person's card makes it
    /// their current employer from today (with `title`), unless it already is one of their
    /// current organisations (on any card of the person's identity group). Answers the new
    /// affiliation's id, or `None` when nothing was written. A past affiliation there does not
    /// count: the person has come back.
    pub fn affiliate_now(
        &self,
        person: RecordId,
        organisation: RecordId,
        title: Option<&str>,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<RecordId>> {
        let already = self
            .card_detail(person, now)?
            .affiliations
            .iter()
            .any(|a| a.current && a.organisation == organisation);
        if already {
            return Ok(None);
        }
        let affiliation = Affiliation::starting(person, organisation, title, now.date_naive());
        self.create(&affiliation, None, now).map(Some)
    }
}

/// Where a relationship touched by a [`LogBatch`] stands in it.
#[derive(Clone, Copy)]
enum Staged {
    /// Read from the store, not changed yet.
    Read,
    /// Created by the batch, at this index of its creations.
    Created(usize),
    /// Changed by the batch, at this index of its updates.
    Updated(usize),
}

/// Interactions (and whatever goes with them: follow-ups, notes, new cards) staged to be written
/// in one transaction, with their effect on this networker's relationships computed exactly as
/// [`Store::log_interaction`] computes it for one: a shared interaction moves the relationship's
/// last contact, one that does not travel notes its date locally (`private_contact`), a
/// relationship that begins with it is created (private when it is). Later interactions in the
/// batch see what earlier ones did, so a calendar of meetings with one stakeholder is one
/// transaction with one relationship update.
pub(crate) struct LogBatch {
    networker: RecordId,
    default_visibility: Visibility,
    creates: Vec<NewRecord>,
    updates: Vec<(RecordId, serde_json::Value)>,
    private_contacts: HashMap<RecordId, DateTime<FixedOffset>>,
    relationships: HashMap<RecordId, (Relationship, Staged)>,
    /// Records the batch creates, by kind, so that later records may refer to them.
    pending_kinds: HashMap<RecordId, RecordKind>,
}

impl LogBatch {
    /// Stages a record to create.
    pub(crate) fn create(&mut self, record: NewRecord) {
        self.pending_kinds.insert(record.id, record.kind);
        self.creates.push(record);
    }

    /// Stages a new body for an existing record (a second one for the same record replaces the
    /// first).
    pub(crate) fn update(&mut self, id: RecordId, body: serde_json::Value) {
        match self.updates.iter_mut().find(|(staged, _)| *staged == id) {
            Some(existing) => existing.1 = body,
            None => self.updates.push((id, body)),
        }
    }

    /// Stages an interaction (a new one, or a new body for an existing one) with `extra` fields
    /// beside the typed ones, and its effect on this networker's relationships with the
    /// stakeholders among its participants. `visibility` is the interaction's (the store's
    /// default when `None`). Returns the relationships whose last contact moved.
    pub(crate) fn interaction(
        &mut self,
        store: &Store,
        id: RecordId,
        interaction: &Interaction,
        extra: &serde_json::Map<String, serde_json::Value>,
        visibility: Option<Visibility>,
        existing: bool,
    ) -> StoreResult<Vec<RecordId>> {
        let mut body = crate::store::body_json(interaction);
        if let Some(object) = body.as_object_mut() {
            for (field, value) in extra {
                object.insert(field.clone(), value.clone());
            }
        }
        if existing {
            self.update(id, body);
        } else {
            let record = NewRecord {
                visibility,
                body,
                ..NewRecord::new(id, interaction)
            };
            self.create(record);
        }
        // An interaction that does not travel whole (private, or summary: a summary interaction
        // is not exported at all) must not show in anything that leaves the machine. So it writes
        // no date into a relationship record, which may travel now or once it is shared; its
        // date is noted locally instead (`private_contact`).
        let private = visibility.unwrap_or(self.default_visibility) != Visibility::Shared;
        let at = interaction.at;
        let mut touched = Vec::new();
        // Each stakeholder once, however often it was named.
        let mut seen = vec![self.networker];
        for stakeholder in &interaction.participants {
            if seen.contains(stakeholder) {
                continue;
            }
            seen.push(*stakeholder);
            let kind = match self.pending_kinds.get(stakeholder) {
                Some(kind) => Some(*kind),
                None => match store.live_state(*stakeholder)? {
                    Some(state) => state.kind.parse::<RecordKind>().ok(),
                    None => {
                        return Err(ValidationError::worded(
                            "with",
                            "no_card_with_id",
                            &[("id", stakeholder.to_string().into())],
                        )
                        .into())
                    }
                },
            };
            if !kind.is_some_and(RecordKind::is_stakeholder) {
                continue;
            }
            let relationship_id = RecordId::for_relationship(self.networker, *stakeholder);
            if let std::collections::hash_map::Entry::Vacant(entry) =
                self.relationships.entry(relationship_id)
            {
                if let Some(state) = store.live_state(relationship_id)? {
                    entry.insert((body_of(&state)?, Staged::Read));
                }
            }
            if let Some((relationship, staged)) = self.relationships.get_mut(&relationship_id) {
                if private {
                    // Existing relationships are not changed: their visibility, author and
                    // dates stay as they are (a private relationship stays private).
                    let mut seen_by_owner = relationship.clone();
                    store.with_private_contact(relationship_id, &mut seen_by_owner)?;
                    if let Some(noted) = self.private_contacts.get(&relationship_id) {
                        if seen_by_owner.last_contact.is_none_or(|last| last < *noted) {
                            seen_by_owner.last_contact = Some(*noted);
                        }
                    }
                    if seen_by_owner.last_contact.is_none_or(|last| last < at) {
                        self.private_contacts.insert(relationship_id, at);
                        touched.push(relationship_id);
                    }
                } else if relationship.last_contact.is_none_or(|last| last < at) {
                    relationship.last_contact = Some(at);
                    let json = crate::store::body_json(&*relationship);
                    match *staged {
                        Staged::Read => {
                            self.updates.push((relationship_id, json));
                            *staged = Staged::Updated(self.updates.len() - 1);
                        }
                        Staged::Updated(index) => self.updates[index].1 = json,
                        Staged::Created(index) => self.creates[index].body = json,
                    }
                    touched.push(relationship_id);
                }
                continue;
            }
            // A relationship that begins with a private interaction is private too, and carries
            // none of its dates: they would travel if the relationship were shared later.
            let relationship = Relationship {
                networker: self.networker,
                stakeholder: *stakeholder,
                strength: 1,
                trust: None,
                given: vec![],
                received: vec![],
                since: (!private).then(|| at.date_naive()),
                cadence_days: None,
                status: Some(RelationshipStatus::Active),
                last_contact: (!private).then_some(at),
            };
            if private {
                self.private_contacts.insert(relationship_id, at);
            }
            self.create(NewRecord {
                visibility: private.then_some(Visibility::Private),
                ..NewRecord::new(relationship_id, &relationship)
            });
            self.relationships.insert(
                relationship_id,
                (relationship, Staged::Created(self.creates.len() - 1)),
            );
            touched.push(relationship_id);
        }
        Ok(touched)
    }
}
