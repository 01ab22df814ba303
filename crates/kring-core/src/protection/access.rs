//! The subject access report (Art. 15 GDPR), and access requests that travel to networkers.
//!
//! [`Store::subject_access`] gathers everything this store holds about a person and their
//! identity group: every record that names one of their cards (their cards, affiliations,
//! colleagues' relationships with them, meetings, notes, follow-ups, links, same-as statements,
//! events, goals, teams and partnerships they appear in, their objection), with each record's
//! values, superseded values still in the local history, conflicts, and its source (who made
//! it, whose stores wrote its values, the calendar or e-mail it was captured from) and when;
//! then the purposes and lawful basis, the recipients, the retention rules and the person's
//! rights. It is a JSON document ([`SubjectAccessReport`]) and a self-contained HTML page
//! ([`SubjectAccessReport::to_html`], every value escaped, no script, no outside resource), its
//! sentences in the language asked for; the JSON's keys and codes (`relation_code`, each right's
//! `code`, `lawful_basis`) are the same in every language.
//!
//! A store holds only what reached it: a networker's private records never reach the manager.
//! So a manager raises an **access request** ([`Store::raise_access_request`]), a record holding
//! the person's card ids and the keyed hashes of their addresses and phones. It travels to every
//! networker, whose Kring then lists the private records it holds about the person
//! ([`Store::access_requests`]), matched by id or by address; the networker decides what to hand
//! over. Nothing private leaves by itself.

use super::processing_log::Activity;
use super::processing_log::ProcessingWhat;
use super::restriction::RestrictionView;
use super::retention::RetentionRuleView;
use super::sweep::Forgotten;
use super::{AccessRequest, LawfulBasis, ProtectionError, ProtectionResult, Purpose};
use crate::clock::NodeId;
use crate::crdt::{envelope, RecordState};
use crate::model::conflicts::{conflicts_of, FieldConflict};
use crate::model::visibility_of;
use crate::model::word_enum;
use crate::model::{RecordId, RecordKind, Role, Visibility};
use crate::store::{body_of, Store, StoreResult};
use crate::text::escape_html;
use chrono::{DateTime, NaiveDate, Utc};
use kring_i18n::{format, t, Language};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A purpose of processing as the report states it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PurposeView {
    pub name: String,
    pub description: Option<String>,
    pub lawful_basis: LawfulBasis,
    /// The article, as the reader's language cites it: "Art. 6(1)(e) GDPR", "art. 6, lid 1, e),
    /// AVG" (`lawful_basis` is its code).
    pub article: String,
    pub legal_reference: Option<String>,
    pub recipients: Vec<String>,
    pub data_categories: Vec<String>,
    /// True when no purpose is recorded and this is Kring's default.
    pub default: bool,
}

/// A superseded value kept in the local history.
#[derive(Clone, Debug, Serialize)]
pub struct PastValue {
    pub field: String,
    pub value: serde_json::Value,
    /// When it was written, and by whose store.
    pub written_at: String,
    pub written_by: String,
}

/// Where a record came from, and when.
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    /// Who made it: a networker's name (their card id when this store does not know them).
    pub author: Option<String>,
    pub created_at: Option<String>,
    pub last_changed_at: Option<String>,
    /// The stores whose writes its values are: members' names from the roster, this store's
    /// owner, or a node id.
    pub written_by: Vec<String>,
    /// The calendar invitation or e-mail it was captured from (its UID or Message-ID).
    pub captured_from: Option<String>,
}

/// One record that names the person.
#[derive(Clone, Debug, Serialize)]
pub struct AccessItem {
    pub id: RecordId,
    pub kind: String,
    /// How it concerns the person, in the report's language.
    pub relation: String,
    /// The same as a stable code, for programs.
    pub relation_code: Relation,
    pub visibility: Visibility,
    /// A delete that has not been erased: it is still held.
    pub deleted: bool,
    /// Current values: registers' and sets' present elements.
    pub fields: BTreeMap<String, serde_json::Value>,
    pub source: Source,
    pub history: Vec<PastValue>,
    pub conflicts: Vec<FieldConflict>,
    /// For a relationship: a later contact noted on this store only (from private meetings).
    pub private_contact: Option<String>,
}

/// Everything a store holds about a person, with what the GDPR asks to be told.
#[derive(Clone, Debug, Serialize)]
pub struct SubjectAccessReport {
    pub generated_at: DateTime<Utc>,
    /// The store's owner, and their role.
    pub generated_by: String,
    pub role: Role,
    pub subject: RecordId,
    pub name: String,
    /// The person's cards (their identity group).
    pub cards: Vec<RecordId>,
    pub restriction: Option<RestrictionView>,
    pub purposes: Vec<PurposeView>,
    pub recipients: Vec<String>,
    pub retention: Vec<RetentionRuleView>,
    /// Each right as a code with its sentence: a program finds a right by its code, and the
    /// sentence never drifts from the code it belongs to (as two parallel lists could).
    pub rights: Vec<RightView>,
    pub items: Vec<AccessItem>,
    /// The language its sentences are in (and its page is written in); the JSON keeps only
    /// codes and the sentences, the same keys in every language.
    #[serde(skip)]
    pub language: Language,
}

/// A right of the person, with what it means for them in the report's language.
#[derive(Clone, Debug, Serialize)]
pub struct RightView {
    pub code: Right,
    pub text: String,
}

/// An access request as a store lists it, with what this store keeps privately about the person.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccessRequestView {
    pub id: RecordId,
    pub subject: RecordId,
    pub received: NaiveDate,
    pub reference: Option<String>,
    pub answered: Option<NaiveDate>,
    /// This store's private cards of the person (same id, or same address or phone).
    pub private_cards: Vec<RecordId>,
    /// This store's private records about them, its owner's to decide on.
    pub private_records: Vec<PrivateHolding>,
}

/// A private record held about a person who asked for access.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PrivateHolding {
    pub id: RecordId,
    /// None for a kind this Kring does not know (a newer Kring's).
    pub kind: Option<RecordKind>,
    /// How it concerns the person, in the reader's language: words for people, so text (the
    /// code is `relation_code`).
    pub relation: String,
    /// The same as a stable code, for programs.
    pub relation_code: Relation,
    pub created_at: Option<String>,
}

word_enum!(
    /// A right of the person the report tells them about (GDPR articles 15 to 18, 21 and 77).
    Right {
        Access => "access",
        Rectification => "rectification",
        Erasure => "erasure",
        RestrictionAndObjection => "restriction_and_objection",
        Complaint => "complaint",
    }
);

impl Right {
    /// What the right means for the person, in `language`.
    pub fn text(self, language: Language) -> String {
        t!(language, "access-right", right = self.as_str())
    }
}

word_enum!(
    /// How a record concerns the person a report or an access request is about: the stable code
    /// beside the words, which are in the reader's language.
    Relation {
        TheirCard => "their_card",
        Affiliation => "affiliation",
        Relationship => "relationship",
        Interaction => "interaction",
        FollowUp => "follow_up",
        Note => "note",
        Link => "link",
        SameAs => "same_as",
        Event => "event",
        Goal => "goal",
        Team => "team",
        Partnership => "partnership",
        StakeholderRating => "stakeholder_rating",
        Restriction => "restriction",
        AccessRequest => "access_request",
        Forget => "forget",
        Other => "other",
    }
);

impl Relation {
    /// How a record of `kind` concerns the person (`is_card`: it is one of their cards).
    pub fn of(kind: &str, is_card: bool) -> Relation {
        if is_card {
            return Relation::TheirCard;
        }
        match kind.parse::<RecordKind>() {
            Ok(RecordKind::Affiliation) => Relation::Affiliation,
            Ok(RecordKind::Relationship) => Relation::Relationship,
            Ok(RecordKind::Interaction) => Relation::Interaction,
            Ok(RecordKind::FollowUp) => Relation::FollowUp,
            Ok(RecordKind::Note) => Relation::Note,
            Ok(RecordKind::Link) => Relation::Link,
            Ok(RecordKind::SameAs) => Relation::SameAs,
            Ok(RecordKind::Event) => Relation::Event,
            Ok(RecordKind::Goal) => Relation::Goal,
            Ok(RecordKind::Team) => Relation::Team,
            Ok(RecordKind::Partnership) => Relation::Partnership,
            Ok(RecordKind::StakeholderRating) => Relation::StakeholderRating,
            Ok(RecordKind::Restriction) => Relation::Restriction,
            Ok(RecordKind::AccessRequest) => Relation::AccessRequest,
            Ok(RecordKind::Forget) => Relation::Forget,
            _ => Relation::Other,
        }
    }

    /// In words ("a note about them"), in `language`.
    pub fn words(self, language: Language) -> String {
        t!(language, "protection-relation", kind = self.as_str())
    }
}

/// Whether a record names one of the cards (the sweep's test, used here to find, not to drop).
fn names(cards: &Forgotten, state: &RecordState) -> bool {
    cards.contains(RecordId(state.id))
        || state
            .fields
            .values()
            .any(|r| r.versions().iter().any(|v| cards.mentions(&v.value)))
        || state
            .sets
            .values()
            .any(|s| s.elements().any(|(e, _)| cards.mentions(e)))
}

fn text(state: &RecordState, field: &str) -> Option<String> {
    match state.current(field) {
        Some(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

impl Store {
    /// The name of the store behind a node: a member's name, this store's owner, or the id.
    fn writer_names(&self, language: Language) -> StoreResult<impl Fn(NodeId) -> String> {
        let roster = self.roster()?;
        let me = self.node_id();
        let owner = self.profile()?.map(|p| p.name).unwrap_or_default();
        Ok(move |node: NodeId| {
            if node == me {
                t!(language, "access-this-store", owner = owner.as_str())
            } else {
                roster
                    .writer_entry(node)
                    .map(|entry| entry.name.clone())
                    .unwrap_or_else(|| t!(language, "access-store", node = node.to_string()))
            }
        })
    }

    /// The purposes of processing, or Kring's default when none is recorded: relationship
    /// management for the organisation's public task, Art. 6(1)(e) GDPR. The articles, and the
    /// default's words, are in `language`; recorded purposes are as their manager wrote them.
    pub fn purposes(&self, language: Language) -> StoreResult<Vec<PurposeView>> {
        let mut out = Vec::new();
        self.for_each_live_of_kind(RecordKind::Purpose, |state| {
            if let Ok(purpose) = body_of::<Purpose>(&state) {
                out.push(PurposeView {
                    article: purpose.lawful_basis.article_in(language),
                    name: purpose.name,
                    description: purpose.description,
                    lawful_basis: purpose.lawful_basis,
                    legal_reference: purpose.legal_reference,
                    recipients: purpose.recipients,
                    data_categories: purpose.data_categories,
                    default: false,
                });
            }
            Ok(())
        })?;
        if out.is_empty() {
            out.push(PurposeView {
                name: t!(language, "access-default-purpose"),
                description: Some(t!(language, "access-default-purpose-description")),
                lawful_basis: LawfulBasis::PublicTask,
                article: LawfulBasis::PublicTask.article_in(language),
                legal_reference: None,
                recipients: vec![
                    t!(language, "access-default-recipient-keeper"),
                    t!(language, "access-default-recipient-manager"),
                    t!(language, "access-default-recipient-colleagues"),
                ],
                data_categories: vec![
                    t!(language, "access-default-category-contact"),
                    t!(language, "access-default-category-affiliations"),
                    t!(language, "access-default-category-history"),
                ],
                default: true,
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Records a purpose of processing (a Manager of the Network's; shared with every store).
    pub fn add_purpose(&self, purpose: &Purpose, now: DateTime<Utc>) -> ProtectionResult<RecordId> {
        if self.require_profile()?.role != Role::Manager {
            return Err(ProtectionError::refused("protection-refused-purposes", &[]));
        }
        Ok(self.create(purpose, Some(Visibility::Shared), now)?)
    }

    /// Everything this store holds about a person and their identity group (Art. 15 GDPR), its
    /// sentences in `language` (the person's, or the one the app speaks).
    pub fn subject_access(
        &self,
        person: RecordId,
        language: Language,
        now: DateTime<Utc>,
    ) -> ProtectionResult<SubjectAccessReport> {
        // The report is handed to the person it is about: it leaves the machine.
        self.refuse_if_demo("exported as a subject access report")?;
        let profile = self.require_profile()?;
        let asked = self
            .state(person)?
            .ok_or(crate::store::StoreError::NotFound(person))?;
        if asked.kind != RecordKind::Person.as_str() {
            return Err(ProtectionError::refused(
                "protection-refused-access-not-a-person",
                &[("id", person.to_string()), ("kind", asked.kind.clone())],
            ));
        }
        let cards = self.identity_group(person)?;
        let mut matcher = Forgotten::default();
        for card in &cards {
            matcher.add_card(*card);
        }
        let writer_name = self.writer_names(language)?;
        let names_of = |id: &str| -> Option<String> {
            let id: RecordId = id.parse().ok()?;
            self.state(id)
                .ok()
                .flatten()
                .map(|s| crate::store::search::card_title(&s).0)
        };
        let private_contacts = self.private_contacts()?;
        let mut items = Vec::new();
        self.for_each_state(|state| {
            if !names(&matcher, &state) {
                return Ok(());
            }
            let id = RecordId(state.id);
            let mut fields = BTreeMap::new();
            for (name, register) in &state.fields {
                if [
                    envelope::VISIBILITY,
                    envelope::DELETED,
                    envelope::AUTHOR,
                    envelope::CREATED_AT,
                ]
                .contains(&name.as_str())
                {
                    continue;
                }
                if let Some(current) = register.current() {
                    fields.insert(name.clone(), current.json());
                }
            }
            for (name, set) in &state.sets {
                let values: Vec<serde_json::Value> = set
                    .present()
                    .filter_map(|e| serde_json::from_slice(e).ok())
                    .collect();
                fields.insert(name.clone(), serde_json::Value::Array(values));
            }
            let mut writers: BTreeSet<String> = BTreeSet::new();
            for stamp in state.stamps() {
                writers.insert(writer_name(stamp.node));
            }
            let history = self
                .history(id)?
                .into_iter()
                .map(|(field, stamp, value)| PastValue {
                    field,
                    value,
                    written_at: stamp.to_rfc3339(),
                    written_by: writer_name(stamp.node),
                })
                .collect();
            let private_contact = (state.kind == RecordKind::Relationship.as_str())
                .then(|| {
                    let mut body = body_of::<crate::model::Relationship>(&state).ok()?;
                    let shared = body.last_contact;
                    private_contacts.apply(id, &mut body);
                    (body.last_contact != shared)
                        .then(|| body.last_contact.map(|t| t.to_rfc3339()))
                        .flatten()
                })
                .flatten();
            let relation = Relation::of(&state.kind, cards.contains(&id));
            items.push(AccessItem {
                id,
                kind: state.kind.clone(),
                relation: relation.words(language),
                relation_code: relation,
                visibility: visibility_of(&state),
                deleted: state.is_deleted(),
                fields,
                source: Source {
                    author: text(&state, envelope::AUTHOR).map(|a| names_of(&a).unwrap_or(a)),
                    created_at: text(&state, envelope::CREATED_AT),
                    last_changed_at: state.max_stamp().map(|s| s.to_rfc3339()),
                    written_by: writers.into_iter().collect(),
                    captured_from: text(&state, "source_id"),
                },
                history,
                conflicts: conflicts_of(&state),
                private_contact,
            });
            Ok(())
        })?;
        // Their cards first, then by kind and id.
        items.sort_by(|a, b| {
            (!cards.contains(&a.id), &a.kind, a.id).cmp(&(!cards.contains(&b.id), &b.kind, b.id))
        });
        let purposes = self.purposes(language)?;
        let mut recipients: Vec<String> = purposes
            .iter()
            .flat_map(|p| p.recipients.iter().cloned())
            .collect();
        let roster = self.roster()?;
        let members: Vec<String> = roster
            .entries
            .values()
            .filter(|e| e.removed_at.is_none())
            .map(|e| {
                let role = t!(language, "access-role", role = e.role.as_str());
                format!("{} ({role})", e.name)
            })
            .collect();
        if !members.is_empty() && items.iter().any(|i| i.visibility != Visibility::Private) {
            recipients.push(t!(
                language,
                "access-recipient-members",
                members = members.join(", ")
            ));
        }
        recipients.sort();
        recipients.dedup();
        let name = crate::store::search::card_title(&asked).0;
        let report = SubjectAccessReport {
            generated_at: now,
            generated_by: profile.name,
            role: profile.role,
            subject: person,
            name,
            restriction: self.restriction_of(person)?,
            purposes,
            recipients,
            retention: self.retention_rules()?,
            rights: Right::ALL
                .iter()
                .map(|right| RightView {
                    code: *right,
                    text: right.text(language),
                })
                .collect(),
            items,
            cards,
            language,
        };
        self.log_processing(
            Activity::SubjectAccess,
            ProcessingWhat::Person { person },
            report.items.len() as u64,
            now,
        )?;
        Ok(report)
    }

    /// Raises a subject access request (a Manager of the Network's): it travels to every
    /// networker, whose Kring lists what it holds privately about the person.
    pub fn raise_access_request(
        &self,
        person: RecordId,
        received: NaiveDate,
        reference: Option<&str>,
        now: DateTime<Utc>,
    ) -> ProtectionResult<RecordId> {
        if self.require_profile()?.role != Role::Manager {
            return Err(ProtectionError::refused(
                "protection-refused-access-request",
                &[],
            ));
        }
        let cards = self.identity_group(person)?;
        let mut emails = Vec::new();
        let mut phones = Vec::new();
        for card in &cards {
            if let Some(state) = self.state(*card)? {
                for (set, out) in [("emails", &mut emails), ("phones", &mut phones)] {
                    if let Some(values) = state.sets.get(set) {
                        out.extend(
                            values
                                .elements()
                                .filter_map(|(e, _)| serde_json::from_slice::<String>(e).ok()),
                        );
                    }
                }
            }
        }
        let request = AccessRequest {
            subject: person,
            cards,
            contact_hashes: self.contact_hashes(&emails, &phones)?,
            received,
            reference: reference
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned),
            answered: None,
        };
        let id = self.create(&request, Some(Visibility::Shared), now)?;
        self.log_processing(
            Activity::AccessRequest,
            ProcessingWhat::RequestRaised {
                request: id,
                person,
            },
            0,
            now,
        )?;
        Ok(id)
    }

    /// Marks an access request answered (a Manager of the Network's).
    pub fn answer_access_request(
        &self,
        request: RecordId,
        on: NaiveDate,
        now: DateTime<Utc>,
    ) -> ProtectionResult<()> {
        let mut body: AccessRequest = self
            .get(request)?
            .ok_or(crate::store::StoreError::NotFound(request))?;
        body.answered = Some(on);
        self.update(request, &body, now)?;
        self.log_processing(
            Activity::AccessRequest,
            ProcessingWhat::RequestAnswered { request },
            0,
            now,
        )?;
        Ok(())
    }

    /// The access requests this store knows, each with what this store keeps privately about
    /// the person: its owner's private cards of them (by id, or by a matching address or phone)
    /// and its owner's private records about those cards.
    /// `language` is the one the relations are worded in.
    pub fn access_requests(&self, language: Language) -> StoreResult<Vec<AccessRequestView>> {
        let me = self.profile()?.map(|p| p.networker);
        let mut requests = Vec::new();
        self.for_each_live_of_kind(RecordKind::AccessRequest, |state| {
            if let Ok(body) = body_of::<AccessRequest>(&state) {
                requests.push((RecordId(state.id), body));
            }
            Ok(())
        })?;
        if requests.is_empty() {
            return Ok(Vec::new());
        }
        let mine_private = |state: &RecordState| {
            visibility_of(state) == Visibility::Private
                && crate::trust::rights::owner_of(state) == me
        };
        // Private cards and their contact hashes, once.
        let mut private_cards: HashMap<RecordId, Vec<String>> = HashMap::new();
        self.for_each_live_of_kind(RecordKind::Person, |state| {
            if mine_private(&state) {
                let read = |set: &str| -> Vec<String> {
                    state
                        .sets
                        .get(set)
                        .map(|s| {
                            s.elements()
                                .filter_map(|(e, _)| serde_json::from_slice(e).ok())
                                .collect()
                        })
                        .unwrap_or_default()
                };
                let hashes = self.contact_hashes(&read("emails"), &read("phones"))?;
                private_cards.insert(RecordId(state.id), hashes);
            }
            Ok(())
        })?;
        let mut out = Vec::new();
        for (id, request) in requests {
            let wanted: BTreeSet<&String> = request.contact_hashes.iter().collect();
            let mut cards: Vec<RecordId> = private_cards
                .iter()
                .filter(|(card, hashes)| {
                    request.cards.contains(card) || hashes.iter().any(|h| wanted.contains(h))
                })
                .map(|(card, _)| *card)
                .collect();
            cards.sort();
            let mut matcher = Forgotten::default();
            for card in cards.iter().chain(request.cards.iter()) {
                matcher.add_card(*card);
            }
            let mut private_records = Vec::new();
            self.for_each_state(|state| {
                if state.kind == RecordKind::AccessRequest.as_str()
                    || !mine_private(&state)
                    || !names(&matcher, &state)
                {
                    return Ok(());
                }
                let record = RecordId(state.id);
                let relation = Relation::of(&state.kind, cards.contains(&record));
                private_records.push(PrivateHolding {
                    id: record,
                    kind: state.kind.parse().ok(),
                    relation: relation.words(language),
                    relation_code: relation,
                    created_at: text(&state, envelope::CREATED_AT),
                });
                Ok(())
            })?;
            out.push(AccessRequestView {
                id,
                subject: request.subject,
                received: request.received,
                reference: request.reference,
                answered: request.answered,
                private_cards: cards,
                private_records,
            });
        }
        out.sort_by(|a, b| b.received.cmp(&a.received).then(a.id.cmp(&b.id)));
        Ok(out)
    }
}

impl SubjectAccessReport {
    /// The report as one self-contained HTML page in its language (`lang` says which): inline
    /// style, no script, no outside resource; every value from the store is escaped. Dates and
    /// numbers are written as the language writes them; values keep the store's form.
    pub fn to_html(&self) -> String {
        let l = self.language;
        let e = |text: &str| escape_html(text);
        let mut html = String::with_capacity(16_384);
        html.push_str(&format!(
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">",
            l.code()
        ));
        html.push_str(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        );
        let title = t!(l, "access-title", name = self.name.as_str());
        html.push_str(&format!("<title>{}</title>", e(&title)));
        html.push_str(
            "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}\
             h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d5dae3}\
             table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #d5dae3;padding:.25rem .5rem;text-align:left;vertical-align:top}\
             th{background:#f3f5f8}.item{margin:1rem 0;padding:.5rem 1rem;border:1px solid #d5dae3;border-radius:6px}\
             .meta{color:#5b6478;font-size:.9rem}code{font-size:.85rem}</style></head><body>\n",
        );
        html.push_str(&format!(
            "<h1>{}</h1>\n<p class=\"meta\">{}</p>\n",
            e(&title),
            e(&t!(
                l,
                "access-generated",
                day = format::date(l, self.generated_at.date_naive()),
                time = self.generated_at.format("%H:%M").to_string(),
                by = self.generated_by.as_str(),
                role = t!(l, "access-role", role = self.role.as_str()),
                count = self.cards.len(),
                cards = self
                    .cards
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        ));
        if let Some(mark) = &self.restriction {
            let marked = t!(l, "access-marked", status = mark.status.as_str());
            html.push_str(&format!(
                "<p><strong>{}</strong></p>\n",
                e(&match mark.since {
                    Some(day) => t!(
                        l,
                        "access-marked-since",
                        mark = marked,
                        day = format::date(l, day)
                    ),
                    None => t!(l, "access-marked-alone", mark = marked),
                })
            ));
        }
        html.push_str(&format!(
            "<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
            e(&t!(l, "access-purposes-heading")),
            e(&t!(l, "access-purpose")),
            e(&t!(l, "access-lawful-basis")),
            e(&t!(l, "access-data-categories")),
        ));
        for purpose in &self.purposes {
            html.push_str(&format!(
                "<tr><td>{}{}</td><td>{} ({}){}</td><td>{}</td></tr>\n",
                e(&purpose.name),
                purpose
                    .description
                    .as_deref()
                    .map(|d| format!("<br><span class=\"meta\">{}</span>", e(d)))
                    .unwrap_or_default(),
                e(&purpose.lawful_basis.describe(l)),
                e(&purpose.article),
                purpose
                    .legal_reference
                    .as_deref()
                    .map(|r| format!("<br><span class=\"meta\">{}</span>", e(r)))
                    .unwrap_or_default(),
                e(&purpose.data_categories.join("; ")),
            ));
        }
        html.push_str(&format!(
            "</table>\n<h2>{}</h2>\n<ul>\n",
            e(&t!(l, "access-recipients-heading"))
        ));
        for recipient in &self.recipients {
            html.push_str(&format!("<li>{}</li>\n", e(recipient)));
        }
        html.push_str(&format!(
            "</ul>\n<h2>{}</h2>\n",
            e(&t!(l, "access-retention-heading"))
        ));
        if self.retention.is_empty() {
            html.push_str(&format!("<p>{}</p>\n", e(&t!(l, "access-no-retention"))));
        } else {
            html.push_str(&format!(
                "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                e(&t!(l, "access-rule")),
                e(&t!(l, "access-applies-to")),
                e(&t!(l, "access-after")),
                e(&t!(l, "access-legal-reference")),
            ));
            for view in &self.retention {
                let days = i64::from(view.rule.after_days);
                html.push_str(&format!(
                    "<tr><td>{}</td><td>{} ({})</td><td>{}</td><td>{}</td></tr>\n",
                    e(&view.rule.name),
                    e(&t!(
                        l,
                        "protection-record-kind",
                        kind = view.rule.applies_to.as_str()
                    )),
                    e(&t!(l, "access-action", action = view.rule.action.as_str())),
                    e(&t!(
                        l,
                        "access-days",
                        count = days,
                        days = format::integer(l, days)
                    )),
                    e(&view.rule.legal_reference),
                ));
            }
            html.push_str("</table>\n");
        }
        html.push_str(&format!(
            "<h2>{}</h2>\n<ul>\n",
            e(&t!(l, "access-rights-heading"))
        ));
        for right in &self.rights {
            html.push_str(&format!("<li>{}</li>\n", e(&right.text)));
        }
        let count = self.items.len() as i64;
        html.push_str(&format!(
            "</ul>\n<h2>{}</h2>\n",
            e(&t!(
                l,
                "access-items-heading",
                count = count,
                records = format::integer(l, count)
            ))
        ));
        for item in &self.items {
            let mut state = t!(
                l,
                "access-visibility",
                visibility = item.visibility.as_str()
            );
            if item.deleted {
                state = t!(l, "access-deleted", state = state);
            }
            html.push_str(&format!(
                "<div class=\"item\"><p><strong>{}</strong> <span class=\"meta\">{} <code>{}</code>; {}</span></p>\n",
                e(&item.relation),
                e(&t!(l, "protection-record-kind", kind = item.kind.as_str())),
                item.id,
                e(&state),
            ));
            html.push_str("<table>\n");
            for (field, value) in &item.fields {
                html.push_str(&format!(
                    "<tr><th>{}</th><td>{}</td></tr>\n",
                    e(field),
                    e(&value_text(value))
                ));
            }
            if let Some(contact) = &item.private_contact {
                html.push_str(&format!(
                    "<tr><th>{}</th><td>{}</td></tr>\n",
                    e(&t!(l, "access-private-contact")),
                    e(&moment(l, contact))
                ));
            }
            html.push_str("</table>\n");
            let source = &item.source;
            let mut made = t!(
                l,
                "access-source",
                author = source
                    .author
                    .clone()
                    .unwrap_or_else(|| t!(l, "access-unknown-author")),
                created = source
                    .created_at
                    .as_deref()
                    .map_or_else(|| t!(l, "access-unknown-day"), |c| moment(l, c)),
                changed = source
                    .last_changed_at
                    .as_deref()
                    .map_or_else(|| "–".to_owned(), |c| moment(l, c)),
                writers = source.written_by.join(", ")
            );
            if let Some(captured) = &source.captured_from {
                made.push(' ');
                made.push_str(&t!(l, "access-captured-from", item = captured.as_str()));
            }
            html.push_str(&format!("<p class=\"meta\">{}</p>\n", e(&made)));
            if !item.history.is_empty() {
                html.push_str(&format!(
                    "<p class=\"meta\">{}</p><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                    e(&t!(l, "access-earlier-values")),
                    e(&t!(l, "access-field")),
                    e(&t!(l, "access-value")),
                    e(&t!(l, "access-written")),
                ));
                for past in &item.history {
                    html.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        e(&past.field),
                        e(&value_text(&past.value)),
                        e(&t!(
                            l,
                            "access-written-by",
                            moment = moment(l, &past.written_at),
                            writer = past.written_by.as_str()
                        )),
                    ));
                }
                html.push_str("</table>\n");
            }
            for conflict in &item.conflicts {
                html.push_str(&format!(
                    "<p class=\"meta\">{}</p>\n",
                    e(&t!(
                        l,
                        "access-conflict",
                        field = conflict.field.as_str(),
                        kept = value_text(&conflict.current),
                        others = conflict
                            .losing
                            .iter()
                            .map(|losing| value_text(&losing.value))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                ));
            }
            html.push_str("</div>\n");
        }
        html.push_str("</body></html>\n");
        html
    }
}

/// A moment the store wrote (RFC 3339) as the language writes it: "5 december 2026, 14:03"
/// (UTC, as the store keeps it); a text that is not a moment as it is.
fn moment(language: Language, text: &str) -> String {
    match DateTime::parse_from_rfc3339(text) {
        Ok(at) => {
            let at = at.with_timezone(&Utc);
            t!(
                language,
                "access-moment",
                day = format::date(language, at.date_naive()),
                time = at.format("%H:%M").to_string()
            )
        }
        Err(_) => text.to_owned(),
    }
}

/// A value as text: strings as they are, the rest as JSON.
fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().map(value_text).collect::<Vec<_>>().join("; ")
        }
        serde_json::Value::Null => "–".into(),
        other => other.to_string(),
    }
}
