//! Cards that describe the same person or organisation: finding likely duplicates, and the
//! same-as statements that join cards into one *identity group*.
//!
//! Two networkers who both know Jan Peeters each keep a card for him; once their exports are
//! merged, the organisation holds two. Nothing is merged destructively. A *statement* — one
//! `same_as` record per pair of cards, with the order-independent id
//! [`RecordId::for_same_as`] — says that two cards are (or, with `same` false, are not) one
//! person or organisation. Statements sync like every other record and their `same` register
//! converges by the merge: the last writer wins, and a concurrent "same" and "not same" shows as a
//! conflict. A statement carries no author or creation time of its own, so two people who make it
//! independently make the same statement, and the stamps of its fields say who wrote what when.
//!
//! The *group* of a card is its connected component over the statements that say `same` and
//! whose two cards both exist (live, and of one kind); its *canonical* card is the smallest id.
//! Reads show a group as one card under that id: [`Store::card_detail`] of any member shows the
//! canonical card's fields with the union of the members' emails, phones, tags and the rest, and
//! the union of their affiliations, relationships, interactions, notes, follow-ups and links;
//! card lists and search show each group once. `not-same` undoes a `same-as`: the statement is
//! rewritten, never removed.
//!
//! [`Store::duplicates`] proposes pairs to look at. It never compares all pairs: every card goes
//! into a few *blocks* — its normalised emails and phones, its family name at each organisation it
//! works at now, its whole name when it works nowhere, an organisation's name and website — and
//! only cards sharing a block are compared. A block that many cards share (a switchboard number, an
//! info@ address) says nothing about identity and is skipped.
//!
//! ```no_run
//! # use kring_core::store::{OpenOptions, Store};
//! # let store = Store::open(std::path::Path::new("/tmp/kring-example"), &OpenOptions::default())?;
//! let now = chrono::Utc::now();
//! for pair in store.duplicates(now)? {
//!     println!("{:.2} {} = {}? {}", pair.score, pair.name, pair.other_name, pair.reason);
//! }
//! # Ok::<(), kring_core::store::StoreError>(())
//! ```

use crate::crdt::{envelope, RecordState};
use crate::model::{RecordBody, RecordId, RecordKind, SameAs, ValidationError, Visibility};
use crate::store::derived::Source;
use crate::store::{body_of, json_bytes, RecordChange, Store, StoreError, StoreResult};
use crate::text;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::sync::Arc;

// ----- normalisation --------------------------------------------------------------------------

pub use crate::text::{normalise_email, normalise_phone};

/// Particles that belong to the family name that follows them: "Van den Broeck", "de Smet",
/// "d'Hondt", "in 't Veld". They are joined to it, so "De Smet", "de Smet" and "Desmet" coincide.
const PARTICLES: &[&str] = &[
    "van", "von", "vande", "vanden", "vander", "den", "der", "de", "del", "della", "di", "da",
    "du", "des", "le", "la", "d", "l", "ten", "ter", "te", "t", "op", "in", "het", "dos", "das",
    "el",
];

/// Titles before a name that say nothing about who it is.
const HONORIFICS: &[&str] = &[
    "dr", "prof", "mr", "mrs", "ms", "mevr", "mevrouw", "mw", "dhr", "heer", "ir", "ing", "drs",
    "mme", "mlle", "madame", "monsieur", "mijnheer", "sir",
];

/// Letters after a name that say nothing about who it is.
const SUFFIXES: &[&str] = &["phd", "jr", "sr", "msc", "llm", "mba"];

/// Legal forms that do not tell organisations apart: "Katoen Natie NV" is "Katoen Natie".
const LEGAL_FORMS: &[&str] = &[
    "nv", "sa", "bv", "bvba", "srl", "sprl", "vzw", "asbl", "cv", "cvba", "scrl", "ltd", "gmbh",
    "inc", "plc", "llc", "ag",
];

const APOSTROPHES: &[char] = &['\'', '’', '‘', '`', '´'];

/// The folded words of a name, with apostrophes dropped so that "D'Hondt" is one word "dhondt".
fn name_words(text: &str) -> Vec<String> {
    let joined: String = text.chars().filter(|c| !APOSTROPHES.contains(c)).collect();
    text::words(&joined).collect()
}

/// The words of a name, each with whether it can be a particle: a word of its own, without a
/// full stop, and when a single letter only with an apostrophe ("d' Hondt", "in 't Veld"), so
/// that the initials in "L. Van den Broeck" or "D. Peeters" stay initials.
fn name_tokens(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for token in text.split_whitespace() {
        let words = name_words(token);
        let alone = words.len() == 1 && !token.contains('.');
        let apostrophe = token.contains(APOSTROPHES);
        for word in words {
            let particle =
                alone && PARTICLES.contains(&word.as_str()) && (word.len() > 1 || apostrophe);
            out.push((word, particle));
        }
    }
    out
}

/// A person's name as compared: the given names (or initials) and the family name with its
/// particles joined to it, all folded: "Jan Van den Broeck" is (["jan"], "vandenbroeck").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    pub given: Vec<String>,
    pub family: String,
}

/// How two person names relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// Nothing in common that matters.
    Different,
    /// Same family name, one of them without given names.
    FamilyOnly,
    /// Same family name, given names that agree as far as both go: initials ("J. Peeters" and
    /// "Jan Peeters") or one more given name ("Jan Peeters" and "Jan-Willem Peeters").
    Similar,
    /// The same name once folded.
    Same,
}

impl PersonName {
    /// Reads a person's name from their card: the given and family name fields when both are
    /// filled in, the display name otherwise. Understands "Peeters, Jan", "PEETERS Jan",
    /// honorifics ("dr. Jan Peeters") and particles.
    pub fn of_card(
        display_name: &str,
        given_name: Option<&str>,
        family_name: Option<&str>,
    ) -> Option<PersonName> {
        let given_name = given_name.filter(|s| !s.trim().is_empty());
        let family_name = family_name.filter(|s| !s.trim().is_empty());
        if let (Some(given), Some(family)) = (given_name, family_name) {
            let family = name_words(family).concat();
            if !family.is_empty() {
                return Some(PersonName {
                    given: name_words(given),
                    family,
                });
            }
        }
        PersonName::parse(display_name)
    }

    /// Reads a name as people write it.
    pub fn parse(name: &str) -> Option<PersonName> {
        if let Some((family, given)) = name.split_once(',') {
            let family = strip_titles(name_words(family)).concat();
            if !family.is_empty() {
                return Some(PersonName {
                    given: strip_titles(name_words(given)),
                    family,
                });
            }
        }
        if let Some(split) = PersonName::upper_case_family(name) {
            return Some(split);
        }
        let tokens = name_tokens(name);
        let words = strip_titles(tokens.iter().map(|(w, _)| w.clone()).collect());
        // strip_titles only removes words from the ends: line the particle flags up again.
        let skipped = tokens.iter().position(|(w, _)| Some(w) == words.first())?;
        let particle = |n: usize| tokens[skipped + n].1;
        let last = words.len().checked_sub(1)?;
        let mut start = last;
        while start > 0 && particle(start - 1) {
            start -= 1;
        }
        Some(PersonName {
            given: words[..start].to_vec(),
            family: words[start..].concat(),
        })
    }

    /// "PEETERS Jan", "Jan VAN DEN BROECK": the words in capitals are the family name, when some
    /// words are in capitals and others are not. Initials ("J.-W.", "JW") are not capitals.
    fn upper_case_family(name: &str) -> Option<PersonName> {
        let mut family = Vec::new();
        let mut given = Vec::new();
        let mut mixed = false;
        let mut long_capitals = false;
        for token in name.split_whitespace() {
            let letters: Vec<char> = token.chars().filter(|c| c.is_alphabetic()).collect();
            let capitals = letters.len() >= 2
                && !token.contains('.')
                && letters.iter().all(|c| c.is_uppercase());
            if capitals {
                long_capitals |= letters.len() >= 3;
                family.extend(name_words(token));
            } else {
                mixed |= letters.len() >= 2;
                given.extend(name_words(token));
            }
        }
        if !long_capitals || !mixed {
            return None;
        }
        Some(PersonName {
            given: strip_titles(given),
            family: family.concat(),
        })
    }

    /// The whole name as one key: equal keys are the same name.
    pub fn key(&self) -> String {
        format!("{}|{}", self.given.join(" "), self.family)
    }

    /// How this name relates to another.
    pub fn compare(&self, other: &PersonName) -> NameMatch {
        if self.family != other.family {
            return NameMatch::Different;
        }
        if self.given == other.given && !self.given.is_empty() {
            return NameMatch::Same;
        }
        if self.given.is_empty() || other.given.is_empty() {
            return NameMatch::FamilyOnly;
        }
        let agree = self
            .given
            .iter()
            .zip(&other.given)
            .all(|(a, b)| a == b || is_initial_of(a, b) || is_initial_of(b, a));
        if agree {
            NameMatch::Similar
        } else {
            NameMatch::Different
        }
    }
}

fn is_initial_of(initial: &str, name: &str) -> bool {
    initial.len() == 1 && name.starts_with(initial)
}

/// Drops honorifics before and suffixes after a name, as long as a name remains.
fn strip_titles(mut words: Vec<String>) -> Vec<String> {
    while words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    while words.len() > 1 && SUFFIXES.contains(&words[words.len() - 1].as_str()) {
        words.pop();
    }
    words
}

/// An organisation's name as compared: folded words without a legal form.
pub fn organisation_name_key(name: &str) -> Option<String> {
    let mut words = name_words(name);
    while words.len() > 1 && LEGAL_FORMS.contains(&words[words.len() - 1].as_str()) {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The host of a web address as compared: "https://www.Port.be/en" is "port.be".
pub fn website_host(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    host.contains('.').then_some(host)
}

// ----- statements and groups ------------------------------------------------------------------

/// One same-as statement as it stands now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SameAsStatement {
    pub id: RecordId,
    pub a: RecordId,
    pub b: RecordId,
    pub same: bool,
}

/// Every identity group of a store: which cards are one, and which pairs someone has already
/// judged (same or not).
#[derive(Clone, Debug, Default)]
pub struct IdentityGroups {
    /// The canonical card of every card in a group of two or more.
    canonical: HashMap<RecordId, RecordId>,
    /// The members of each group of two or more, by canonical card, in id order.
    members: BTreeMap<RecordId, Vec<RecordId>>,
    /// Pairs of groups (by canonical card, smaller first) that a statement about two of their
    /// cards already judged, same or not.
    judged: HashSet<(RecordId, RecordId)>,
}

impl IdentityGroups {
    /// The card a group is shown as: the smallest id of its members (the card itself when alone).
    pub fn canonical(&self, card: RecordId) -> RecordId {
        self.canonical.get(&card).copied().unwrap_or(card)
    }

    /// The members of a card's group in id order, the canonical card first.
    pub fn members(&self, card: RecordId) -> Vec<RecordId> {
        self.members
            .get(&self.canonical(card))
            .cloned()
            .unwrap_or_else(|| vec![card])
    }

    /// The groups of two or more cards, by canonical card.
    pub fn groups(&self) -> impl Iterator<Item = (&RecordId, &Vec<RecordId>)> {
        self.members.iter()
    }

    /// Whether someone already said whether these two cards' groups are one (either way).
    pub fn judged(&self, a: RecordId, b: RecordId) -> bool {
        self.judged
            .contains(&ordered(self.canonical(a), self.canonical(b)))
    }
}

fn ordered(a: RecordId, b: RecordId) -> (RecordId, RecordId) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Union-find whose representative is always the smallest id of a set.
#[derive(Default)]
struct UnionFind {
    parent: HashMap<RecordId, RecordId>,
}

impl UnionFind {
    fn find(&mut self, id: RecordId) -> RecordId {
        let mut root = id;
        while let Some(&parent) = self.parent.get(&root) {
            if parent == root {
                break;
            }
            root = parent;
        }
        // Path compression.
        let mut node = id;
        while node != root {
            let next = self.parent.get(&node).copied().unwrap_or(root);
            self.parent.insert(node, root);
            node = next;
        }
        root
    }

    fn union(&mut self, a: RecordId, b: RecordId) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent.entry(ra).or_insert(ra);
        self.parent.entry(rb).or_insert(rb);
        if ra != rb {
            let (low, high) = ordered(ra, rb);
            self.parent.insert(high, low);
        }
    }
}

/// Which cards exist, remembered while statements are read.
struct LiveKinds<'a> {
    store: &'a Store,
    known: HashMap<RecordId, Option<RecordKind>>,
}

impl LiveKinds<'_> {
    /// The kind of a live person or organisation card; None for anything else.
    fn stakeholder_kind(&mut self, id: RecordId) -> StoreResult<Option<RecordKind>> {
        if let Some(known) = self.known.get(&id) {
            return Ok(*known);
        }
        let kind = self
            .store
            .live_state(id)?
            .and_then(|s| s.kind.parse::<RecordKind>().ok())
            .filter(|k| k.is_stakeholder());
        self.known.insert(id, kind);
        Ok(kind)
    }

    /// Whether a statement's two cards both exist and are of one kind.
    fn both_exist(&mut self, statement: &SameAsStatement) -> StoreResult<bool> {
        let a = self.stakeholder_kind(statement.a)?;
        Ok(a.is_some() && a == self.stakeholder_kind(statement.b)? && statement.a != statement.b)
    }
}

impl Store {
    /// Says that two cards are one person or organisation (`same`), or that they are not. Writes
    /// the pair's one statement, so saying A=B here and B=A elsewhere is saying the same thing.
    /// The statement is private when either card is.
    pub fn declare_same_as(
        &self,
        a: RecordId,
        b: RecordId,
        same: bool,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        let (low, high) = ordered(a, b);
        SameAs {
            a: low,
            b: high,
            same,
        }
        .validate()?;
        let card = |field: &str, id: RecordId| -> StoreResult<(RecordKind, Visibility)> {
            let state = self.live_state(id)?.ok_or_else(|| {
                ValidationError::worded(field, "no_card_with_id", &[("id", id.to_string().into())])
            })?;
            let kind = state
                .kind
                .parse::<RecordKind>()
                .ok()
                .filter(|k| k.is_stakeholder())
                .ok_or_else(|| {
                    ValidationError::worded(
                        field,
                        "not_person_or_organisation",
                        &[
                            ("id", id.to_string().into()),
                            ("kind", state.kind.as_str().into()),
                        ],
                    )
                })?;
            Ok((kind, crate::model::visibility_of(&state)))
        };
        let (kind_a, visibility_a) = card("a", a)?;
        let (kind_b, visibility_b) = card("b", b)?;
        if kind_a != kind_b {
            return Err(ValidationError::worded(
                "b",
                "same_as_different_kinds",
                &[
                    ("a", a.to_string().into()),
                    ("b", b.to_string().into()),
                    ("kind_a", kind_a.as_str().into()),
                    ("kind_b", kind_b.as_str().into()),
                ],
            )
            .into());
        }
        let visibility =
            if visibility_a == Visibility::Private || visibility_b == Visibility::Private {
                Visibility::Private
            } else {
                Visibility::Shared
            };
        let id = RecordId::for_same_as(a, b);
        let before = self.state(id)?;
        if let Some(existing) = &before {
            if existing.kind != RecordKind::SameAs.as_str() {
                return Err(StoreError::Corrupt {
                    id: id.to_string(),
                    reason: format!("a {} holds the id of a same-as statement", existing.kind),
                });
            }
        }
        let mut after = before
            .clone()
            .unwrap_or_else(|| RecordState::new(id.0, RecordKind::SameAs.as_str()));
        let stamp = self.next_stamp(now);
        let mut superseded = Vec::new();
        let values = [
            ("a", serde_json::json!(low)),
            ("b", serde_json::json!(high)),
            ("same", serde_json::json!(same)),
            (envelope::VISIBILITY, serde_json::json!(visibility.as_str())),
        ];
        for (field, value) in values {
            superseded.extend(
                after
                    .write(field, json_bytes(&value), stamp)
                    .into_iter()
                    .map(|v| (field.to_owned(), v)),
            );
        }
        if after.is_deleted() {
            superseded.extend(
                after
                    .write(envelope::DELETED, json_bytes(&false.into()), stamp)
                    .into_iter()
                    .map(|v| (envelope::DELETED.to_owned(), v)),
            );
        }
        if before.as_ref() == Some(&after) {
            return Ok(id);
        }
        self.commit(
            vec![RecordChange {
                before,
                after,
                superseded,
            }],
            Vec::new(),
            now,
        )?;
        Ok(id)
    }

    /// The statement about two cards, if anyone made one.
    pub fn same_as_statement(
        &self,
        a: RecordId,
        b: RecordId,
    ) -> StoreResult<Option<SameAsStatement>> {
        self.statement(RecordId::for_same_as(a, b))
    }

    /// A live statement, read; one that does not decode counts as absent.
    fn statement(&self, id: RecordId) -> StoreResult<Option<SameAsStatement>> {
        let Some(state) = self.live_state(id)? else {
            return Ok(None);
        };
        if state.kind != RecordKind::SameAs.as_str() {
            return Ok(None);
        }
        Ok(body_of::<SameAs>(&state).ok().map(|body| SameAsStatement {
            id,
            a: body.a,
            b: body.b,
            same: body.same,
        }))
    }

    /// The statements that mention a card.
    fn statements_about(&self, card: RecordId) -> StoreResult<Vec<SameAsStatement>> {
        let mut out = Vec::new();
        for id in
            self.ids_with_prefix(crate::store::indexes::Index::SameAsByCard, card.as_bytes())?
        {
            if let Some(statement) = self.statement(id)? {
                out.push(statement);
            }
        }
        Ok(out)
    }

    /// Every identity group, by a union-find over the statements in the same-as index.
    pub fn identity_groups(&self) -> StoreResult<IdentityGroups> {
        let groups = self.shared_identity_groups()?;
        Ok(IdentityGroups::clone(&groups))
    }

    /// Every identity group, kept from the last call while no commit since wrote a statement or
    /// made a person or organisation appear or go (a statement counts only while both its cards
    /// exist): every card opened asks for them.
    pub(crate) fn shared_identity_groups(&self) -> StoreResult<Arc<IdentityGroups>> {
        self.derived(
            &[
                Source::Records(RecordKind::SameAs),
                Source::Existence(RecordKind::Person),
                Source::Existence(RecordKind::Organisation),
            ],
            |_: &IdentityGroups| true,
            || self.read_identity_groups(),
        )
    }

    /// Every identity group, read from the store.
    fn read_identity_groups(&self) -> StoreResult<IdentityGroups> {
        let mut statement_ids = BTreeSet::new();
        for item in self
            .index(crate::store::indexes::Index::SameAsByCard)
            .iter()
        {
            let (key, _) = item?;
            if let Some(id) = key.get(16..).and_then(RecordId::from_slice) {
                statement_ids.insert(id);
            }
        }
        let mut live = LiveKinds {
            store: self,
            known: HashMap::new(),
        };
        let mut union_find = UnionFind::default();
        let mut statements = Vec::new();
        for id in statement_ids {
            let Some(statement) = self.statement(id)? else {
                continue;
            };
            if !live.both_exist(&statement)? {
                continue;
            }
            if statement.same {
                union_find.union(statement.a, statement.b);
            }
            statements.push(statement);
        }
        let mut groups = IdentityGroups::default();
        let cards: Vec<RecordId> = union_find.parent.keys().copied().collect();
        for card in cards {
            let root = union_find.find(card);
            groups.members.entry(root).or_default().push(card);
        }
        groups.members.retain(|_, members| members.len() > 1);
        for (root, members) in groups.members.iter_mut() {
            members.sort();
            for member in members.iter() {
                groups.canonical.insert(*member, *root);
            }
        }
        for statement in &statements {
            let pair = ordered(groups.canonical(statement.a), groups.canonical(statement.b));
            groups.judged.insert(pair);
        }
        Ok(groups)
    }

    /// The members of one card's group in id order, the canonical card first; just the card when
    /// it stands alone. Walks the same-as index from the card, so it costs one index lookup for
    /// a card nobody joined to another.
    pub fn identity_group(&self, card: RecordId) -> StoreResult<Vec<RecordId>> {
        let mut live = LiveKinds {
            store: self,
            known: HashMap::new(),
        };
        let mut members = BTreeSet::from([card]);
        let mut queue = VecDeque::from([card]);
        while let Some(next) = queue.pop_front() {
            for statement in self.statements_about(next)? {
                if !statement.same || !live.both_exist(&statement)? {
                    continue;
                }
                for end in [statement.a, statement.b] {
                    if members.insert(end) {
                        queue.push_back(end);
                    }
                }
            }
        }
        Ok(members.into_iter().collect())
    }

    /// The chain of cards by which two cards are one, following statements that say same: after
    /// `not-same A B`, A and B can still be one through a third card. None when they are not one.
    pub fn same_as_path(&self, from: RecordId, to: RecordId) -> StoreResult<Option<Vec<RecordId>>> {
        let mut live = LiveKinds {
            store: self,
            known: HashMap::new(),
        };
        let mut came_from: HashMap<RecordId, RecordId> = HashMap::from([(from, from)]);
        let mut queue = VecDeque::from([from]);
        while let Some(next) = queue.pop_front() {
            if next == to {
                let mut path = vec![to];
                let mut at = to;
                while at != from {
                    at = came_from[&at];
                    path.push(at);
                }
                path.reverse();
                return Ok(Some(path));
            }
            for statement in self.statements_about(next)? {
                if !statement.same || !live.both_exist(&statement)? {
                    continue;
                }
                let other = if statement.a == next {
                    statement.b
                } else {
                    statement.a
                };
                if let std::collections::hash_map::Entry::Vacant(entry) = came_from.entry(other) {
                    entry.insert(next);
                    queue.push_back(other);
                }
            }
        }
        Ok(None)
    }
}

// ----- reading a group as one card ------------------------------------------------------------

/// Adds a member's fields to those of its group's canonical card: the values of multi-valued
/// fields the canonical card lacks (emails and phones compared normalised, tags folded), and the
/// scalar fields it leaves empty.
pub(crate) fn add_member_fields(
    kind: RecordKind,
    fields: &mut serde_json::Map<String, serde_json::Value>,
    member: &serde_json::Map<String, serde_json::Value>,
) {
    use serde_json::Value;
    let is_empty = |value: Option<&Value>| match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        Some(_) => false,
    };
    for (name, value) in member {
        if kind.set_fields().contains(&name.as_str()) || value.is_array() {
            let Value::Array(items) = value else { continue };
            let key = |item: &Value| -> String {
                let text = item.as_str();
                match (name.as_str(), text) {
                    ("emails", Some(email)) => {
                        normalise_email(email).unwrap_or_else(|| email.into())
                    }
                    ("phones", Some(phone)) => {
                        normalise_phone(phone).unwrap_or_else(|| phone.into())
                    }
                    (_, Some(text)) => text::fold(text.trim()),
                    (_, None) => item.to_string(),
                }
            };
            let entry = fields
                .entry(name.clone())
                .or_insert_with(|| Value::Array(Vec::new()));
            if !entry.is_array() {
                *entry = Value::Array(Vec::new());
            }
            let Value::Array(present) = entry else {
                continue;
            };
            let mut seen: HashSet<String> = present.iter().map(key).collect();
            for item in items {
                if seen.insert(key(item)) {
                    present.push(item.clone());
                }
            }
        } else if is_empty(fields.get(name)) && !is_empty(Some(value)) {
            fields.insert(name.clone(), value.clone());
        }
    }
}

// ----- likely duplicates ----------------------------------------------------------------------

/// Two cards that may be one person or organisation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DuplicatePair {
    /// The first card: the one that would be the group's canonical card (the smaller id).
    pub id: RecordId,
    pub kind: RecordKind,
    pub name: String,
    pub other_id: RecordId,
    pub other_name: String,
    /// How likely the two are one, from 0 to 1.
    pub score: f64,
    /// Why, in English words: "same email jan@port.be; similar names at Port of Antwerp-Bruges".
    pub reason: String,
    /// Why, for programs and for wording in another language ([`DuplicatePair::reason_in`]).
    pub clues: Vec<DuplicateClue>,
}

crate::model::word_enum!(
    /// What a clue that two cards are one is: `different_names` is two people whose names
    /// differ (by name alone they are not one).
    ClueCode {
        SameEmail => "same_email",
        SamePhone => "same_phone",
        SameWebsite => "same_website",
        SameName => "same_name",
        SimilarNames => "similar_names",
        DifferentNames => "different_names",
        SameOrganisationName => "same_organisation_name",
    }
);

/// One reason two cards look like one.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DuplicateClue {
    pub code: ClueCode,
    /// The email, phone number or website host both have.
    pub value: Option<String>,
    /// The organisation both people work at, or the parent both organisations are under.
    pub at: Option<String>,
    /// The names differ although the value is the same.
    pub names_differ: bool,
}

impl DuplicateClue {
    fn new(code: ClueCode, value: Option<&str>, at: Option<&str>, names_differ: bool) -> Self {
        DuplicateClue {
            code,
            value: value.map(str::to_owned),
            at: at.map(str::to_owned),
            names_differ,
        }
    }

    /// The clue in `language`.
    pub fn words(&self, language: kring_i18n::Language) -> String {
        let yes_no = |yes: bool| if yes { "yes" } else { "no" };
        kring_i18n::t!(
            language,
            "duplicate-clue",
            code = self.code.as_str(),
            value = self.value.as_deref().unwrap_or_default(),
            at = self.at.as_deref().unwrap_or_default(),
            placed = yes_no(self.at.is_some()),
            differ = yes_no(self.names_differ)
        )
    }
}

impl DuplicatePair {
    /// Why, in `language` (the English is `reason`).
    pub fn reason_in(&self, language: kring_i18n::Language) -> String {
        self.clues
            .iter()
            .map(|clue| clue.words(language))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// An email, phone or website shared by more cards than this is a shared mailbox or a
/// switchboard: it says nothing about who is who.
pub const MAX_SHARED_CONTACT: usize = 8;

/// A name block larger than this (hundreds of namesakes at one organisation) is skipped.
const MAX_NAME_BLOCK: usize = 200;

/// What cards are grouped by before they are compared.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Block {
    Email(String),
    Phone(String),
    Website(String),
    /// People with one family name working at one organisation now.
    FamilyAt(String, RecordId),
    /// People with one whole name who work at no organisation now.
    NameWithoutOrganisation(String),
    /// Organisations with one name under one parent (or none).
    OrganisationName(String, Option<RecordId>),
}

impl Block {
    fn limit(&self) -> usize {
        match self {
            Block::Email(_) | Block::Phone(_) | Block::Website(_) => MAX_SHARED_CONTACT,
            _ => MAX_NAME_BLOCK,
        }
    }
}

struct Candidate {
    id: RecordId,
    kind: RecordKind,
    name: String,
    person: Option<PersonName>,
    organisation_key: Option<String>,
    /// Phones as written, by their normalised form.
    phones: HashMap<String, String>,
}

impl Candidate {
    /// Whether the two cards' names say they are different people or organisations.
    fn names_differ(&self, other: &Candidate) -> bool {
        match (&self.person, &other.person) {
            (Some(a), Some(b)) => a.compare(b) == NameMatch::Different,
            _ => match (&self.organisation_key, &other.organisation_key) {
                (Some(a), Some(b)) => a != b,
                _ => false,
            },
        }
    }
}

/// What two cards were found to share.
#[derive(Default)]
struct Evidence {
    email: Option<String>,
    phone: Option<String>,
    website: Option<String>,
    /// How their names compare where they work (the organisation's name; None: neither works
    /// at an organisation).
    person_name: Option<(NameMatch, Option<String>)>,
    /// Organisations of one name: Some(parent's name) when they are under one parent.
    organisation_name: Option<Option<String>>,
}

impl Evidence {
    /// The score (one minus the chance that every clue misleads) and the reasons in words.
    /// `written_alike`: whether the two names are written alike once folded ("Jan De Smet" and
    /// "Jan Desmet" are the same name, not written alike).
    fn judge(&self, names_differ: bool, written_alike: bool) -> (f64, Vec<DuplicateClue>) {
        let mut doubt = 1.0;
        let mut reasons = Vec::new();
        let mut clue = |weight: f64, reason: DuplicateClue| {
            doubt *= 1.0 - weight;
            reasons.push(reason);
        };
        if let Some(email) = &self.email {
            clue(
                if names_differ { 0.5 } else { 0.9 },
                DuplicateClue::new(ClueCode::SameEmail, Some(email), None, names_differ),
            );
        }
        if let Some(phone) = &self.phone {
            clue(
                if names_differ { 0.3 } else { 0.7 },
                DuplicateClue::new(ClueCode::SamePhone, Some(phone), None, names_differ),
            );
        }
        let same_or_similar = if written_alike {
            ClueCode::SameName
        } else {
            ClueCode::SimilarNames
        };
        if let Some((names, at)) = &self.person_name {
            let (weight, code) = match names {
                NameMatch::Same if at.is_some() => (0.8, same_or_similar),
                NameMatch::Same => (0.6, same_or_similar),
                NameMatch::Similar => (0.6, ClueCode::SimilarNames),
                NameMatch::FamilyOnly => (0.4, ClueCode::SimilarNames),
                NameMatch::Different => (0.0, ClueCode::DifferentNames),
            };
            clue(weight, DuplicateClue::new(code, None, at.as_deref(), false));
        }
        if let Some(parent) = &self.organisation_name {
            clue(
                0.7,
                DuplicateClue::new(
                    ClueCode::SameOrganisationName,
                    None,
                    parent.as_deref(),
                    false,
                ),
            );
        }
        if let Some(host) = &self.website {
            clue(
                if names_differ { 0.4 } else { 0.6 },
                DuplicateClue::new(ClueCode::SameWebsite, Some(host), None, names_differ),
            );
        }
        ((1.0 - doubt).clamp(0.0, 1.0), reasons)
    }
}

// Field readers that decode one value straight from its bytes: a scan of every card calls them
// hundreds of thousands of times.

fn id_of(state: &RecordState, field: &str) -> Option<RecordId> {
    serde_json::from_slice(state.current_bytes(field)?).ok()
}

fn text_of(state: &RecordState, field: &str) -> Option<String> {
    let text: String = serde_json::from_slice(state.current_bytes(field)?).ok()?;
    (!text.trim().is_empty()).then_some(text)
}

fn texts_of(state: &RecordState, set: &str) -> Vec<String> {
    state.sets.get(set).map_or_else(Vec::new, |set| {
        set.present()
            .filter_map(|bytes| serde_json::from_slice(bytes).ok())
            .collect()
    })
}

impl Store {
    /// Pairs of cards (people with people, organisations with organisations) that may be one:
    /// the same email or phone, or similar names at the same organisation. Pairs someone already
    /// judged with `same-as` or `not-same`, and cards already in one group, are left out; a group
    /// is compared as its canonical card. Most likely first.
    pub fn duplicates(&self, now: DateTime<Utc>) -> StoreResult<Vec<DuplicatePair>> {
        let today = now.date_naive();
        let groups = self.identity_groups()?;
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut blocks: HashMap<Block, Vec<usize>> = HashMap::new();
        let mut put = |block: Block, candidate: usize| {
            let members = blocks.entry(block).or_default();
            if members.last() != Some(&candidate) {
                members.push(candidate);
            }
        };

        let mut organisation_names: HashMap<RecordId, String> = HashMap::new();
        let mut parents: Vec<(usize, RecordId)> = Vec::new();
        self.for_each_live_of_kind(RecordKind::Organisation, |state| {
            let id = RecordId(state.id);
            let name = text_of(&state, "name").unwrap_or_default();
            let n = candidates.len();
            if let Some(parent) = id_of(&state, "parent") {
                parents.push((n, parent));
            }
            if let Some(host) = text_of(&state, "website").and_then(|w| website_host(&w)) {
                put(Block::Website(host), n);
            }
            organisation_names.insert(id, name.clone());
            candidates.push(Candidate {
                id,
                kind: RecordKind::Organisation,
                organisation_key: organisation_name_key(&name),
                name,
                person: None,
                phones: HashMap::new(),
            });
            Ok(())
        })?;
        // Only now is it known which parents exist.
        let mut parent_of: HashMap<usize, RecordId> = parents
            .into_iter()
            .filter(|(_, parent)| organisation_names.contains_key(parent))
            .collect();
        for (n, candidate) in candidates.iter().enumerate() {
            if let Some(key) = &candidate.organisation_key {
                put(
                    Block::OrganisationName(key.clone(), parent_of.remove(&n)),
                    n,
                );
            }
        }

        // Where people work now: affiliations without an end, or ending today or later.
        let mut works_at: HashMap<RecordId, Vec<RecordId>> = HashMap::new();
        self.for_each_live_of_kind(RecordKind::Affiliation, |state| {
            let (Some(person), Some(organisation)) =
                (id_of(&state, "person"), id_of(&state, "organisation"))
            else {
                return Ok(());
            };
            let ended = state
                .current_bytes("to")
                .and_then(|bytes| serde_json::from_slice::<chrono::NaiveDate>(bytes).ok())
                .is_some_and(|to| to < today);
            if !ended && organisation_names.contains_key(&organisation) {
                let places = works_at.entry(person).or_default();
                if !places.contains(&organisation) {
                    places.push(organisation);
                }
            }
            Ok(())
        })?;

        self.for_each_live_of_kind(RecordKind::Person, |state| {
            let id = RecordId(state.id);
            let n = candidates.len();
            let name = text_of(&state, "display_name").unwrap_or_default();
            for email in texts_of(&state, "emails") {
                if let Some(email) = normalise_email(&email) {
                    put(Block::Email(email), n);
                }
            }
            let mut phones = HashMap::new();
            for phone in texts_of(&state, "phones") {
                if let Some(normalised) = normalise_phone(&phone) {
                    put(Block::Phone(normalised.clone()), n);
                    phones.entry(normalised).or_insert(phone);
                }
            }
            let person = PersonName::of_card(
                &name,
                text_of(&state, "given_name").as_deref(),
                text_of(&state, "family_name").as_deref(),
            );
            if let Some(person) = &person {
                match works_at.get(&id) {
                    Some(places) => {
                        for place in places {
                            put(Block::FamilyAt(person.family.clone(), *place), n);
                        }
                    }
                    None => put(Block::NameWithoutOrganisation(person.key()), n),
                }
            }
            candidates.push(Candidate {
                id,
                kind: RecordKind::Person,
                name,
                person,
                organisation_key: None,
                phones,
            });
            Ok(())
        })?;

        let mut evidence: HashMap<(usize, usize), Evidence> = HashMap::new();
        for (block, members) in &blocks {
            if members.len() < 2 || members.len() > block.limit() {
                continue;
            }
            for (i, &x) in members.iter().enumerate() {
                for &y in &members[i + 1..] {
                    let pair = (x.min(y), x.max(y));
                    match block {
                        Block::FamilyAt(_, organisation) => {
                            let names = match (&candidates[x].person, &candidates[y].person) {
                                (Some(p), Some(q)) => p.compare(q),
                                _ => NameMatch::Different,
                            };
                            if names == NameMatch::Different {
                                continue;
                            }
                            let found = evidence.entry(pair).or_default();
                            if found.person_name.as_ref().is_none_or(|(m, _)| *m < names) {
                                let at = organisation_names.get(organisation).cloned();
                                found.person_name = Some((names, at));
                            }
                        }
                        Block::NameWithoutOrganisation(_) => {
                            let found = evidence.entry(pair).or_default();
                            if found.person_name.is_none() {
                                found.person_name = Some((NameMatch::Same, None));
                            }
                        }
                        Block::Email(email) => {
                            evidence.entry(pair).or_default().email = Some(email.clone());
                        }
                        Block::Phone(phone) => {
                            let written = candidates[pair.0].phones.get(phone).unwrap_or(phone);
                            evidence.entry(pair).or_default().phone = Some(written.clone());
                        }
                        Block::Website(host) => {
                            evidence.entry(pair).or_default().website = Some(host.clone());
                        }
                        Block::OrganisationName(_, parent) => {
                            evidence.entry(pair).or_default().organisation_name =
                                Some(parent.and_then(|p| organisation_names.get(&p).cloned()));
                        }
                    }
                }
            }
        }

        let position: HashMap<RecordId, usize> = candidates
            .iter()
            .enumerate()
            .map(|(n, c)| (c.id, n))
            .collect();
        let mut pairs: HashMap<(RecordId, RecordId), (f64, Vec<DuplicateClue>)> = HashMap::new();
        for ((x, y), found) in evidence {
            let (a, b) = (&candidates[x], &candidates[y]);
            if a.kind != b.kind {
                continue;
            }
            let (group_a, group_b) = (groups.canonical(a.id), groups.canonical(b.id));
            if group_a == group_b || groups.judged(group_a, group_b) {
                continue;
            }
            let written_alike = text::words(&a.name).eq(text::words(&b.name));
            let (score, reasons) = found.judge(a.names_differ(b), written_alike);
            let entry = pairs
                .entry(ordered(group_a, group_b))
                .or_insert((0.0, Vec::new()));
            // A group met through several members keeps its best score and every reason.
            let reasons = if score > entry.0 {
                entry.0 = score;
                std::mem::replace(&mut entry.1, reasons)
            } else {
                reasons
            };
            for reason in reasons {
                if !entry.1.contains(&reason) {
                    entry.1.push(reason);
                }
            }
        }
        let mut out: Vec<DuplicatePair> = pairs
            .into_iter()
            .filter_map(|((first, second), (score, reasons))| {
                let a = &candidates[*position.get(&first)?];
                let b = &candidates[*position.get(&second)?];
                Some(DuplicatePair {
                    id: a.id,
                    kind: a.kind,
                    name: a.name.clone(),
                    other_id: b.id,
                    other_name: b.name.clone(),
                    score: (score * 100.0).round() / 100.0,
                    reason: reasons
                        .iter()
                        .map(|clue| clue.words(kring_i18n::Language::English))
                        .collect::<Vec<_>>()
                        .join("; "),
                    clues: reasons,
                })
            })
            .collect();
        out.sort_by(|p, q| {
            q.score
                .total_cmp(&p.score)
                .then_with(|| text::fold(&p.name).cmp(&text::fold(&q.name)))
                .then_with(|| (p.id, p.other_id).cmp(&(q.id, q.other_id)))
        });
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> PersonName {
        PersonName::parse(text).unwrap_or_else(|| panic!("'{text}' is a name"))
    }

    #[test]
    fn belgian_numbers_compare_equal_in_every_notation() {
        let expected = Some("+3232291111".to_owned());
        for written in [
            "+32 3 229 11 11",
            "03 229 11 11",
            "0032 3 229 11 11",
            "+32 (0)3 229 11 11",
            "+32 03 229 11 11",
            "03/229.11.11",
            " +32-3-229-11-11 ",
        ] {
            assert_eq!(
                normalise_phone(written),
                expected,
                "'{written}' is the port's switchboard in another notation"
            );
        }
        assert_eq!(
            normalise_phone("0475 12 34 56"),
            normalise_phone("+32 475 12 34 56"),
            "a mobile number is read as Belgian without its country code"
        );
    }

    #[test]
    fn phones_of_other_countries_and_without_prefix_stay_apart() {
        assert_eq!(
            normalise_phone("+31 20 123 4567").as_deref(),
            Some("+31201234567")
        );
        assert_ne!(
            normalise_phone("+31 20 123 4567"),
            normalise_phone("+32 20 123 4567"),
            "the country code matters"
        );
        assert_eq!(
            normalise_phone("229 11 11").as_deref(),
            Some("2291111"),
            "a number without prefix is kept as its digits, not guessed into a zone"
        );
        assert_eq!(normalise_phone("12 34"), None, "too short to be a phone");
    }

    #[test]
    fn emails_compare_in_lower_case() {
        assert_eq!(
            normalise_email(" Jan.Peeters@Port.BE ").as_deref(),
            Some("jan.peeters@port.be")
        );
        assert_eq!(
            normalise_email("mailto:jan@port.be").as_deref(),
            Some("jan@port.be")
        );
        assert_eq!(normalise_email("no address"), None);
    }

    #[test]
    fn accents_case_and_particles_fold_into_one_family_name() {
        assert_eq!(name("Jan Van den Broeck").family, "vandenbroeck");
        assert_eq!(name("jan van den broeck").family, "vandenbroeck");
        assert_eq!(name("Jan Vandenbroeck").family, "vandenbroeck");
        assert_eq!(name("Els de Smet"), name("Els De Smet"));
        assert_eq!(name("Els Desmet").family, name("Els De Smet").family);
        assert_eq!(name("Pieter D'Hondt").family, "dhondt");
        assert_eq!(
            name("Pieter d’Hondt").family,
            "dhondt",
            "a typographic apostrophe"
        );
        assert_eq!(
            name("Pieter d' Hondt").family,
            "dhondt",
            "an apostrophe and a space"
        );
        assert_eq!(name("Lieve van der Veken").family, "vanderveken");
        assert_eq!(
            name("Jan-Willem Müller"),
            PersonName {
                given: vec!["jan".into(), "willem".into()],
                family: "muller".into()
            }
        );
        assert_eq!(name("Sinéad O'Brien").family, "obrien");
        assert_eq!(name("Marc in 't Veld").family, "intveld");
        assert_eq!(
            name("L. Van den Broeck"),
            PersonName {
                given: vec!["l".into()],
                family: "vandenbroeck".into()
            },
            "an initial is not the particle l'"
        );
        assert_eq!(name("D. Peeters").given, ["d"], "nor the particle d'");
        assert_eq!(name("Jan T. Peeters").family, "peeters");
    }

    #[test]
    fn a_given_name_that_looks_like_a_particle_is_not_swallowed() {
        let ben = name("Ben Peeters");
        assert_eq!(ben.given, ["ben"], "Ben is a given name, not a particle");
        assert_eq!(ben.family, "peeters");
    }

    #[test]
    fn family_first_notations_and_titles_are_understood() {
        let expected = name("Jan Peeters");
        assert_eq!(name("Peeters, Jan"), expected);
        assert_eq!(name("PEETERS Jan"), expected);
        assert_eq!(name("dr. Jan Peeters"), expected);
        assert_eq!(name("Prof. dr. Jan Peeters PhD"), expected);
        assert_eq!(name("Jan VAN DEN BROECK"), name("Jan Van den Broeck"));
        assert_eq!(
            name("JW Peeters").given,
            ["jw"],
            "two capitals are initials, not a family name"
        );
        assert_eq!(
            name("JAN PEETERS"),
            expected,
            "a name all in capitals is read in the usual order"
        );
    }

    #[test]
    fn initials_and_extra_given_names_are_similar_but_other_names_differ() {
        assert_eq!(
            name("Jan Peeters").compare(&name("jan PEETERS")),
            NameMatch::Same
        );
        assert_eq!(
            name("J. Peeters").compare(&name("Jan Peeters")),
            NameMatch::Similar,
            "an initial stands for the given name"
        );
        assert_eq!(
            name("J.-W. Müller").compare(&name("Jan-Willem Muller")),
            NameMatch::Similar
        );
        assert_eq!(
            name("Jan Peeters").compare(&name("Jan-Willem Peeters")),
            NameMatch::Similar,
            "one more given name"
        );
        assert_eq!(
            name("Peeters").compare(&name("Jan Peeters")),
            NameMatch::FamilyOnly
        );
        assert_eq!(
            name("Jan Peeters").compare(&name("Johan Peeters")),
            NameMatch::Different
        );
        assert_eq!(
            name("K. Peeters").compare(&name("Jan Peeters")),
            NameMatch::Different,
            "another initial is another person"
        );
        assert_eq!(
            name("Jan Peeters").compare(&name("Jan Janssens")),
            NameMatch::Different
        );
    }

    #[test]
    fn the_name_fields_are_preferred_to_the_display_name_when_both_are_filled_in() {
        let from_fields =
            PersonName::of_card("Jantje", Some("Jan"), Some("Van den Broeck")).unwrap();
        assert_eq!(from_fields, name("Jan Van den Broeck"));
        let half = PersonName::of_card("Jan Van den Broeck", None, Some("Van den Broeck")).unwrap();
        assert_eq!(
            half,
            name("Jan Van den Broeck"),
            "one field alone: read the display name"
        );
    }

    #[test]
    fn organisation_names_drop_legal_forms_and_websites_their_www() {
        assert_eq!(
            organisation_name_key("Katoen Natie NV"),
            organisation_name_key("katoen natie")
        );
        assert_eq!(
            organisation_name_key("Port of Antwerp-Bruges").as_deref(),
            Some("port of antwerp bruges")
        );
        assert_eq!(
            website_host("https://www.PortOfAntwerpBruges.com/en?x=1").as_deref(),
            Some("portofantwerpbruges.com")
        );
        assert_eq!(website_host("nonsense"), None);
    }

    #[test]
    fn the_union_find_keeps_the_smallest_id_as_representative() {
        let ids: Vec<RecordId> = (1..=4u128)
            .map(|n| RecordId(uuid::Uuid::from_u128(n)))
            .collect();
        let mut sets = UnionFind::default();
        sets.union(ids[3], ids[2]);
        sets.union(ids[2], ids[1]);
        assert_eq!(sets.find(ids[3]), ids[1]);
        sets.union(ids[0], ids[3]);
        for id in &ids {
            assert_eq!(sets.find(*id), ids[0], "one set, shown as its smallest id");
        }
    }
}
