//! The card list as the app browses it: every card as one row with what the list shows and
//! filters on (kind, tags, sector, level, relationship strength, going cold), held in memory so that
//! a filter or a page of a 100,000-card list answers in milliseconds, and refreshed row by row
//! after an edit instead of rebuilt.

use crate::cards::standings::{Scope, Standings};
use crate::crdt::{envelope, RecordState};
use crate::model::is_withdrawn;
use crate::model::{Level, RecordId, RecordKind, Relationship, Role, Sector, Visibility};
use crate::store::indexes::set_strings;
use crate::store::search::card_title;
use crate::store::{Store, StoreResult};
use crate::text::fold;
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// One card as a line of the list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CardRow {
    pub id: RecordId,
    pub kind: RecordKind,
    pub name: String,
    /// A second line: a job title, a sector and level.
    pub detail: Option<String>,
    pub tags: Vec<String>,
    pub sector: Option<Sector>,
    pub level: Option<Level>,
    /// The strongest relationship with the card (this networker's own, for a networker), 1–5.
    pub strength: Option<u8>,
    /// Whether that relationship's keep-in-touch cadence has run out.
    pub going_cold: bool,
    pub last_contact: Option<DateTime<FixedOffset>>,
    pub visibility: Option<Visibility>,
    /// `objected` or `restricted` while the person's mark stands (lifted marks: none).
    pub restriction: Option<crate::protection::RestrictionStatus>,
}

/// What to list: every filter that is set must hold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CardQuery {
    /// Search words; when set, rows come best match first, otherwise by name.
    pub text: String,
    /// `person` or `organisation`; both when absent.
    pub kind: Option<RecordKind>,
    pub tag: Option<String>,
    pub sector: Option<Sector>,
    pub level: Option<Level>,
    pub min_strength: Option<u8>,
    pub going_cold: bool,
    pub offset: u32,
    pub limit: u32,
}

/// One page of the list and how many rows the whole list has.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CardPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<CardRow>,
}

/// The values the filters offer, from the cards there are.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CardFacets {
    pub tags: Vec<String>,
    pub sectors: Vec<Sector>,
    pub levels: Vec<Level>,
}

/// The in-memory card list.
#[derive(Debug, Default)]
pub struct CardList {
    /// Rows sorted by folded name, then id.
    rows: Vec<(String, CardRow)>,
    position: HashMap<RecordId, usize>,
    /// The card each member of an identity group is listed as.
    canonical: HashMap<RecordId, RecordId>,
}

impl CardList {
    /// Reads every card of the store: about a second at 100,000 cards.
    pub fn build(store: &Store, now: DateTime<Utc>) -> StoreResult<CardList> {
        let context = RowContext::read(store, now)?;
        let mut rows = Vec::new();
        for kind in [RecordKind::Person, RecordKind::Organisation] {
            store.for_each_live_of_kind(kind, |state| {
                if let Some(row) = context.row(store, &state)? {
                    rows.push((fold(&row.name), row));
                }
                Ok(())
            })?;
        }
        let mut list = CardList {
            rows,
            position: HashMap::new(),
            canonical: context.member_canonicals(),
        };
        list.sort();
        Ok(list)
    }

    /// Brings the rows of some cards up to date after they (or their relationships) changed.
    pub fn refresh(
        &mut self,
        store: &Store,
        cards: &[RecordId],
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let context = RowContext::read_for(store, cards, now)?;
        self.canonical = context.member_canonicals();
        // A member of an identity group shows in its group's row.
        let changed: BTreeSet<RecordId> = cards
            .iter()
            .flat_map(|card| [*card, context.standings.groups.canonical(*card)])
            .collect();
        self.rows.retain(|(_, row)| !changed.contains(&row.id));
        for card in changed {
            let Some(state) = store.live_state(card)? else {
                continue;
            };
            // The list holds people and organisations only (as `build` reads them): the
            // networkers met in an interaction are among the cards it touches, not rows.
            if !matches!(
                state.kind.parse::<RecordKind>(),
                Ok(RecordKind::Person | RecordKind::Organisation)
            ) {
                continue;
            }
            if let Some(row) = context.row(store, &state)? {
                self.rows.push((fold(&row.name), row));
            }
        }
        self.sort();
        Ok(())
    }

    /// The cards whose rows show what these records hold, after a commit wrote them: a card
    /// itself, the stakeholder of a relationship, the people and organisations met in an
    /// interaction (a private one moves their last contact without touching the relationship).
    /// `None` when the list must be built again: a same-as statement changes which card a group
    /// is listed as.
    pub fn rows_written(
        store: &Store,
        written: &[RecordId],
    ) -> StoreResult<Option<BTreeSet<RecordId>>> {
        let mut cards = BTreeSet::new();
        for id in written {
            // A record that is gone (forgotten, swept by a retention rule) no longer says which
            // card it touched: the list is built again.
            let Some(state) = store.state(*id)? else {
                return Ok(None);
            };
            let id_field = |field: &str| {
                state
                    .current(field)
                    .and_then(|v| v.as_str().and_then(|s| s.parse::<RecordId>().ok()))
            };
            match state.kind.parse::<RecordKind>() {
                Ok(RecordKind::Person | RecordKind::Organisation) => {
                    cards.insert(*id);
                }
                Ok(RecordKind::Relationship) => cards.extend(id_field("stakeholder")),
                Ok(RecordKind::Interaction) => cards.extend(
                    set_strings(&state, "participants")
                        .iter()
                        .filter_map(|p| p.parse::<RecordId>().ok()),
                ),
                Ok(RecordKind::SameAs) => return Ok(None),
                Ok(RecordKind::Restriction) => cards.extend(id_field("person")),
                _ => {}
            }
        }
        Ok(Some(cards))
    }

    fn sort(&mut self) {
        self.rows
            .sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
        self.position = self
            .rows
            .iter()
            .enumerate()
            .map(|(index, (_, row))| (row.id, index))
            .collect();
    }

    /// How many rows of each kind (`person`, `organisation`) the list has.
    pub fn count_by_kind(&self) -> std::collections::BTreeMap<String, u32> {
        let mut counts = std::collections::BTreeMap::new();
        for (_, row) in &self.rows {
            *counts.entry(row.kind.as_str().to_owned()).or_insert(0) += 1;
        }
        counts
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// One page of the rows that match `query`.
    pub fn query(&self, store: &Store, query: &CardQuery) -> StoreResult<CardPage> {
        let filter = RowFilter::new(query);
        let text = query.text.trim();
        let matching: Vec<&CardRow> = if text.is_empty() {
            self.rows
                .iter()
                .map(|(_, row)| row)
                .filter(|row| filter.admits(row))
                .collect()
        } else {
            // Rank in memory: a group is found by its best-scoring member; ties go by name.
            let mut best: HashMap<usize, f64> = HashMap::new();
            for (id, score) in store.search_scores(text)? {
                let card = self.canonical.get(&id).copied().unwrap_or(id);
                if let Some(&index) = self.position.get(&card) {
                    let entry = best.entry(index).or_insert(score);
                    *entry = entry.max(score);
                }
            }
            let mut ranked: Vec<(usize, f64)> = best
                .into_iter()
                .filter(|(index, _)| filter.admits(&self.rows[*index].1))
                .collect();
            ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked
                .into_iter()
                .map(|(index, _)| &self.rows[index].1)
                .collect()
        };
        let limit = if query.limit == 0 { 100 } else { query.limit } as usize;
        let offset = (query.offset as usize).min(matching.len());
        Ok(CardPage {
            total: matching.len() as u32,
            offset: offset as u32,
            rows: matching[offset..]
                .iter()
                .take(limit)
                .map(|row| (*row).clone())
                .collect(),
        })
    }

    /// The tags, sectors and levels in use, each once, sorted.
    pub fn facets(&self) -> CardFacets {
        let mut tags: BTreeSet<(String, String)> = BTreeSet::new();
        let mut sectors = BTreeSet::new();
        let mut levels = BTreeSet::new();
        for (_, row) in &self.rows {
            for tag in &row.tags {
                tags.insert((fold(tag), tag.clone()));
            }
            sectors.extend(row.sector);
            levels.extend(row.level);
        }
        let mut seen = BTreeSet::new();
        CardFacets {
            tags: tags
                .into_iter()
                .filter(|(folded, _)| seen.insert(folded.clone()))
                .map(|(_, tag)| tag)
                .collect(),
            sectors: sectors.into_iter().collect(),
            levels: levels.into_iter().collect(),
        }
    }
}

/// The filters of a query, folded once.
struct RowFilter {
    kind: Option<RecordKind>,
    tag: Option<String>,
    sector: Option<Sector>,
    level: Option<Level>,
    min_strength: Option<u8>,
    going_cold: bool,
}

impl RowFilter {
    fn new(query: &CardQuery) -> RowFilter {
        let set = |value: &Option<String>| value.as_deref().map(fold).filter(|v| !v.is_empty());
        RowFilter {
            kind: query.kind,
            tag: set(&query.tag),
            sector: query.sector,
            level: query.level,
            min_strength: query.min_strength.filter(|s| *s > 0),
            going_cold: query.going_cold,
        }
    }

    fn admits(&self, row: &CardRow) -> bool {
        (!self.going_cold || row.going_cold)
            && self.kind.is_none_or(|kind| kind == row.kind)
            && self.sector.is_none_or(|sector| row.sector == Some(sector))
            && self.level.is_none_or(|level| row.level == Some(level))
            && self
                .tag
                .as_ref()
                .is_none_or(|wanted| row.tags.iter().any(|t| fold(t) == *wanted))
            && self
                .min_strength
                .is_none_or(|min| row.strength.is_some_and(|s| s >= min))
    }
}

/// What a row needs beyond its own record: identity groups, and each relationship's strength,
/// last contact and whether it is going cold (by `crate::manager::figures`, as every view counts them).
struct RowContext {
    /// Whose relationships count: a networker's own; everyone's (none) for a manager.
    counted: Option<RecordId>,
    now: DateTime<Utc>,
    standings: Standings,
    /// The relationships that count for each stakeholder (a networker's own; a manager's all).
    relationships: HashMap<RecordId, Vec<RowRelationship>>,
    /// Persons marked objected or restricted (each card of a marked group).
    restrictions: crate::protection::restriction::Restrictions,
}

struct RowRelationship {
    strength: u8,
    going_cold: bool,
    last_contact: Option<DateTime<FixedOffset>>,
}

impl RowContext {
    fn read(store: &Store, now: DateTime<Utc>) -> StoreResult<RowContext> {
        RowContext::of_scope(store, Scope::All, now)
    }

    /// The rows of some cards: their relationships are those of their identity groups.
    fn read_for(store: &Store, cards: &[RecordId], now: DateTime<Utc>) -> StoreResult<RowContext> {
        RowContext::of_scope(store, Scope::Cards(cards), now)
    }

    fn of_scope(store: &Store, scope: Scope<'_>, now: DateTime<Utc>) -> StoreResult<RowContext> {
        let profile = store.profile()?;
        // A manager sees the organisation's picture: every networker's relationships count.
        let counted = profile
            .filter(|p| p.role == Role::Networker)
            .map(|p| p.networker);
        let mut standings = store.standings(scope)?;
        let read = std::mem::take(&mut standings.relationships);
        let mut context = RowContext {
            counted,
            now,
            standings,
            relationships: HashMap::new(),
            restrictions: store.restrictions()?,
        };
        for (state, relationship) in &read {
            context.add_relationship(state, relationship);
        }
        Ok(context)
    }

    fn member_canonicals(&self) -> HashMap<RecordId, RecordId> {
        self.standings
            .groups
            .groups()
            .flat_map(|(canonical, members)| members.iter().map(move |m| (*m, *canonical)))
            .filter(|(member, canonical)| member != canonical)
            .collect()
    }

    fn add_relationship(&mut self, state: &RecordState, relationship: &Relationship) {
        if self.counted.is_some_and(|me| me != relationship.networker) {
            return;
        }
        let (standing, last_contact) = self.standings.of(state, relationship, self.now);
        let card = self.standings.groups.canonical(relationship.stakeholder);
        self.relationships
            .entry(card)
            .or_default()
            .push(RowRelationship {
                strength: relationship.strength,
                going_cold: standing.going_cold,
                last_contact,
            });
    }

    /// The row of a card, or none when it is hidden (a member of a group, withdrawn).
    fn row(&self, store: &Store, state: &RecordState) -> StoreResult<Option<CardRow>> {
        let id = RecordId(state.id);
        if self.standings.groups.canonical(id) != id || is_withdrawn(state, self.standings.me) {
            return Ok(None);
        }
        let Ok(kind) = state.kind.parse::<RecordKind>() else {
            return Ok(None);
        };
        let mut tags = set_strings(state, "tags");
        for member in self.standings.groups.members(id) {
            if member == id {
                continue;
            }
            if let Some(member) = store.live_state(member)? {
                for tag in set_strings(&member, "tags") {
                    if !tags.iter().any(|t| fold(t) == fold(&tag)) {
                        tags.push(tag);
                    }
                }
            }
        }
        let text = |field: &str| match state.current(field) {
            Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s),
            _ => None,
        };
        let relationships = self
            .relationships
            .get(&id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let strongest = relationships.iter().max_by_key(|r| r.strength);
        let (name, detail) = card_title(state);
        Ok(Some(CardRow {
            id,
            kind,
            name,
            detail,
            tags,
            sector: text("sector").and_then(|s| s.parse().ok()),
            level: text("level").and_then(|l| l.parse().ok()),
            strength: strongest.map(|r| r.strength),
            going_cold: relationships.iter().any(|r| r.going_cold),
            last_contact: relationships.iter().filter_map(|r| r.last_contact).max(),
            visibility: text(envelope::VISIBILITY).and_then(|v| v.parse().ok()),
            restriction: self.restrictions.status(id),
        }))
    }
}
