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
//! ([`SubjectAccessReport::to_html`], every value escaped, no script, no outside resource).
//!
//! A store holds only what reached it: a networker's private records never reach the manager.
//! So a manager raises an **access request** ([`Store::raise_access_request`]), a record holding
//! the person's card ids and the keyed hashes of their addresses and phones. It travels to every
//! networker, whose Kring then lists the private records it holds about the person
//! ([`Store::access_requests`]), matched by id or by address; the networker decides what to hand
//! over. Nothing private leaves by itself.

use super::processing_log::Activity;
use super::restriction::RestrictionView;
use super::retention::RetentionRuleView;
use super::sweep::Forgotten;
use super::{AccessRequest, LawfulBasis, ProtectionError, ProtectionResult, Purpose};
use crate::clock::NodeId;
use crate::crdt::{envelope, RecordState};
use crate::model::conflicts::{conflicts_of, FieldConflict};
use crate::model::visibility_of;
use crate::model::{RecordId, RecordKind, Role, Visibility};
use crate::store::{body_of, Store, StoreResult};
use crate::text::escape_html;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A purpose of processing as the report states it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PurposeView {
    pub name: String,
    pub description: Option<String>,
    pub lawful_basis: LawfulBasis,
    /// "Art. 6(1)(e) GDPR".
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
    /// How it concerns the person, in words.
    pub relation: String,
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
    pub rights: Vec<String>,
    pub items: Vec<AccessItem>,
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
    pub kind: String,
    pub relation: String,
    pub created_at: Option<String>,
}

/// What the person may ask, in words (the report says it to them).
const RIGHTS: &[&str] = &[
    "Access (Art. 15 GDPR): this report; ask again at any time.",
    "Rectification (Art. 16): ask for a wrong value to be corrected.",
    "Erasure (Art. 17): ask to be forgotten; Kring then erases you on every computer of the organisation, and an old copy cannot bring you back.",
    "Restriction (Art. 18) and objection (Art. 21): ask that your data be kept but not used; you are then left out of reminders, newsletters and invitations.",
    "Complaint (Art. 77): to the supervisory authority (in Belgium the Gegevensbeschermingsautoriteit; for Flemish public bodies the Vlaamse Toezichtcommissie). Ask the organisation's data protection officer first if you wish.",
];

fn relation(kind: &str, is_card: bool) -> &'static str {
    if is_card {
        return "their card";
    }
    match kind.parse::<RecordKind>() {
        Ok(RecordKind::Affiliation) => "where they work or worked",
        Ok(RecordKind::Relationship) => "a colleague's relationship with them",
        Ok(RecordKind::Interaction) => "a meeting or contact they took part in",
        Ok(RecordKind::FollowUp) => "a follow-up about them",
        Ok(RecordKind::Note) => "a note about them",
        Ok(RecordKind::Link) => "a link between them and another card",
        Ok(RecordKind::SameAs) => "a statement about which cards are them",
        Ok(RecordKind::Event) => "an event or newsletter they were invited to or attended",
        Ok(RecordKind::Goal) => "a strategic goal that names them",
        Ok(RecordKind::Team) => "a Networking Team that looks after them",
        Ok(RecordKind::Partnership) => "a partnership that names them",
        Ok(RecordKind::StakeholderRating) => "a colleague's rating of their influence and interest",
        Ok(RecordKind::Restriction) => "their objection or restriction",
        Ok(RecordKind::AccessRequest) => "a request for access to their data",
        Ok(RecordKind::Forget) => "an erasure of their data",
        _ => "a record that names them",
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
    fn writer_names(&self) -> StoreResult<impl Fn(NodeId) -> String> {
        let roster = self.roster()?;
        let me = self.node_id();
        let owner = self.profile()?.map(|p| p.name).unwrap_or_default();
        Ok(move |node: NodeId| {
            if node == me {
                format!("{owner} (this store)")
            } else {
                roster
                    .get(node)
                    .map(|entry| entry.name.clone())
                    .unwrap_or_else(|| format!("store {node}"))
            }
        })
    }

    /// The purposes of processing, or Kring's default when none is recorded: relationship
    /// management for the organisation's public task, Art. 6(1)(e) GDPR.
    pub fn purposes(&self) -> StoreResult<Vec<PurposeView>> {
        let mut out = Vec::new();
        self.for_each_live_of_kind(RecordKind::Purpose, |state| {
            if let Ok(purpose) = body_of::<Purpose>(&state) {
                out.push(PurposeView {
                    article: purpose.lawful_basis.article().to_owned(),
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
                name: "Strategic relationship management".into(),
                description: Some(
                    "Keeping track of the organisation's relationships with people and organisations outside it, so that the network serves the organisation's public task and survives when a colleague leaves.".into(),
                ),
                lawful_basis: LawfulBasis::PublicTask,
                article: LawfulBasis::PublicTask.article().to_owned(),
                legal_reference: None,
                recipients: vec![
                    "the colleague who keeps the card".into(),
                    "the organisation's Manager of the Network".into(),
                    "colleagues of the organisation, for what is shared".into(),
                ],
                data_categories: vec![
                    "name, job title and contact details".into(),
                    "affiliations".into(),
                    "meetings, notes and follow-ups".into(),
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
            return Err(ProtectionError::not_allowed(
                "only a Manager of the Network records the organisation's purposes",
            ));
        }
        Ok(self.create(purpose, Some(Visibility::Shared), now)?)
    }

    /// Everything this store holds about a person and their identity group (Art. 15 GDPR).
    pub fn subject_access(
        &self,
        person: RecordId,
        now: DateTime<Utc>,
    ) -> ProtectionResult<SubjectAccessReport> {
        // The report is handed to the person it is about: it leaves the machine.
        self.refuse_if_demo("exported as a subject access report")?;
        let profile = self.require_profile()?;
        let asked = self
            .state(person)?
            .ok_or(crate::store::StoreError::NotFound(person))?;
        if asked.kind != RecordKind::Person.as_str() {
            return Err(ProtectionError::not_allowed(format!(
                "{person} is a {}: a subject access report is about a person",
                asked.kind
            )));
        }
        let cards = self.identity_group(person)?;
        let mut matcher = Forgotten::default();
        for card in &cards {
            matcher.add_card(*card);
        }
        let writer_name = self.writer_names()?;
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
            items.push(AccessItem {
                id,
                kind: state.kind.clone(),
                relation: relation(&state.kind, cards.contains(&id)).to_owned(),
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
        let purposes = self.purposes()?;
        let mut recipients: Vec<String> = purposes
            .iter()
            .flat_map(|p| p.recipients.iter().cloned())
            .collect();
        let roster = self.roster()?;
        let members: Vec<String> = roster
            .entries
            .values()
            .filter(|e| e.removed_at.is_none())
            .map(|e| format!("{} ({})", e.name, e.role))
            .collect();
        if !members.is_empty() && items.iter().any(|i| i.visibility != Visibility::Private) {
            recipients.push(format!(
                "the organisation's members in Kring, who receive what is shared (its name only, for what is marked summary) through the Manager of the Network's merged export: {}",
                members.join(", ")
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
            rights: RIGHTS.iter().map(|r| (*r).to_owned()).collect(),
            items,
            cards,
        };
        self.log_processing(
            Activity::SubjectAccess,
            &format!("person {person}"),
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
            return Err(ProtectionError::not_allowed(
                "only a Manager of the Network raises an access request for the organisation (run `kring subject-access` for what your own store holds)",
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
            &format!("request {id} for person {person}"),
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
            &format!("request {request} answered"),
            0,
            now,
        )?;
        Ok(())
    }

    /// The access requests this store knows, each with what this store keeps privately about
    /// the person: its owner's private cards of them (by id, or by a matching address or phone)
    /// and its owner's private records about those cards.
    pub fn access_requests(&self) -> StoreResult<Vec<AccessRequestView>> {
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
                private_records.push(PrivateHolding {
                    id: record,
                    kind: state.kind.clone(),
                    relation: relation(&state.kind, cards.contains(&record)).to_owned(),
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
    /// The report as one self-contained HTML page: inline style, no script, no outside
    /// resource; every value from the store is escaped.
    pub fn to_html(&self) -> String {
        let e = |text: &str| escape_html(text);
        let mut html = String::with_capacity(16_384);
        html.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.push_str(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        );
        html.push_str(&format!(
            "<title>Subject access report: {}</title>",
            e(&self.name)
        ));
        html.push_str(
            "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}\
             h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d5dae3}\
             table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #d5dae3;padding:.25rem .5rem;text-align:left;vertical-align:top}\
             th{background:#f3f5f8}.item{margin:1rem 0;padding:.5rem 1rem;border:1px solid #d5dae3;border-radius:6px}\
             .meta{color:#5b6478;font-size:.9rem}code{font-size:.85rem}</style></head><body>\n",
        );
        html.push_str(&format!(
            "<h1>Subject access report: {}</h1>\n<p class=\"meta\">Generated {} by {} ({}) from the Kring store on their computer. Cards: {}.</p>\n",
            e(&self.name),
            e(&self.generated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            e(&self.generated_by),
            e(self.role.as_str()),
            e(&self.cards.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        ));
        if let Some(mark) = &self.restriction {
            html.push_str(&format!(
                "<p><strong>Marked {}</strong>{}.</p>\n",
                e(mark.status.as_str()),
                mark.since
                    .map(|d| format!(" since {}", e(&d.to_string())))
                    .unwrap_or_default()
            ));
        }
        html.push_str("<h2>Why the organisation keeps this, and on what basis</h2>\n<table><tr><th>Purpose</th><th>Lawful basis</th><th>What is kept</th></tr>\n");
        for purpose in &self.purposes {
            html.push_str(&format!(
                "<tr><td>{}{}</td><td>{} ({}){}</td><td>{}</td></tr>\n",
                e(&purpose.name),
                purpose
                    .description
                    .as_deref()
                    .map(|d| format!("<br><span class=\"meta\">{}</span>", e(d)))
                    .unwrap_or_default(),
                e(purpose.lawful_basis.describe()),
                e(&purpose.article),
                purpose
                    .legal_reference
                    .as_deref()
                    .map(|r| format!("<br><span class=\"meta\">{}</span>", e(r)))
                    .unwrap_or_default(),
                e(&purpose.data_categories.join("; ")),
            ));
        }
        html.push_str("</table>\n<h2>Who receives it</h2>\n<ul>\n");
        for recipient in &self.recipients {
            html.push_str(&format!("<li>{}</li>\n", e(recipient)));
        }
        html.push_str("</ul>\n<h2>How long it is kept</h2>\n");
        if self.retention.is_empty() {
            html.push_str("<p>No retention rule is set: records are kept until they are deleted or the person is erased.</p>\n");
        } else {
            html.push_str("<table><tr><th>Rule</th><th>Applies to</th><th>After</th><th>Legal reference</th></tr>\n");
            for view in &self.retention {
                html.push_str(&format!(
                    "<tr><td>{}</td><td>{} ({})</td><td>{} days</td><td>{}</td></tr>\n",
                    e(&view.rule.name),
                    e(view.rule.applies_to.as_str()),
                    e(view.rule.action.as_str()),
                    view.rule.after_days,
                    e(&view.rule.legal_reference),
                ));
            }
            html.push_str("</table>\n");
        }
        html.push_str("<h2>Your rights</h2>\n<ul>\n");
        for right in &self.rights {
            html.push_str(&format!("<li>{}</li>\n", e(right)));
        }
        html.push_str(&format!(
            "</ul>\n<h2>What is kept ({} records)</h2>\n",
            self.items.len()
        ));
        for item in &self.items {
            html.push_str(&format!(
                "<div class=\"item\"><p><strong>{}</strong> <span class=\"meta\">{} <code>{}</code>; {}{}</span></p>\n",
                e(&item.relation),
                e(&item.kind),
                item.id,
                e(match item.visibility {
                    Visibility::Private => "kept on this computer only",
                    Visibility::Summary => "the organisation sees its name only",
                    Visibility::Shared => "shared with the organisation",
                }),
                if item.deleted { "; deleted, not yet erased" } else { "" },
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
                    "<tr><th>last contact noted on this computer</th><td>{}</td></tr>\n",
                    e(contact)
                ));
            }
            html.push_str("</table>\n");
            let source = &item.source;
            html.push_str(&format!(
                "<p class=\"meta\">Made by {} on {}; last changed {}; values written by {}{}.</p>\n",
                e(source.author.as_deref().unwrap_or("unknown")),
                e(source.created_at.as_deref().unwrap_or("an unknown day")),
                e(source.last_changed_at.as_deref().unwrap_or("–")),
                e(&source.written_by.join(", ")),
                source
                    .captured_from
                    .as_deref()
                    .map(|s| format!("; captured from calendar or e-mail item {}", e(s)))
                    .unwrap_or_default(),
            ));
            if !item.history.is_empty() {
                html.push_str("<p class=\"meta\">Earlier values still kept:</p><table><tr><th>Field</th><th>Value</th><th>Written</th></tr>\n");
                for past in &item.history {
                    html.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td><td>{} by {}</td></tr>\n",
                        e(&past.field),
                        e(&value_text(&past.value)),
                        e(&past.written_at),
                        e(&past.written_by),
                    ));
                }
                html.push_str("</table>\n");
            }
            for conflict in &item.conflicts {
                html.push_str(&format!(
                    "<p class=\"meta\">Colleagues wrote {} at the same time: {} (kept), and {}.</p>\n",
                    e(&conflict.field),
                    e(&value_text(&conflict.current)),
                    e(&conflict
                        .losing
                        .iter()
                        .map(|l| value_text(&l.value))
                        .collect::<Vec<_>>()
                        .join(", ")),
                ));
            }
            html.push_str("</div>\n");
        }
        html.push_str("</body></html>\n");
        html
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
