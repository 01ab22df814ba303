//! Contacts in and out: the address books people already have (vCard, CSV from LinkedIn, Outlook,
//! Google) become cards, and cards go back out as vCard 4.0; follow-ups go out as iCalendar.
//!
//! Import is duplicate-aware: a contact with the same email or phone as a card, or the same name
//! at the same organisation, adds what is new to that card instead of becoming a second one; an
//! organisation with the same name (legal form aside) is reused. Importing the same file again
//! therefore changes nothing. The whole file is read and checked before anything is written, so a
//! malformed file changes nothing and its error names the line.

use crate::identity_groups::{
    normalise_email, normalise_phone, organisation_name_key, website_host, NameMatch, PersonName,
};
use crate::model::is_withdrawn;
use crate::model::*;
use crate::store::indexes::{self, Index};
use crate::store::{body_of, NewRecord, Store, StoreError};
use chrono::{DateTime, Utc};
use kring_i18n::{t, Language};
use kring_interop::{ContactDraft, ContactKind, CsvPreset, InteropError, PostalAddressDraft};
use serde::Serialize;
use std::collections::HashMap;

/// Why contacts could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ContactsError {
    #[error("{file}: {source}")]
    Read { file: String, source: InteropError },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ContactsError {
    /// The error in `language` (its English is the `Display` text).
    pub fn message(&self, language: kring_i18n::Language) -> String {
        match self {
            ContactsError::Read { file, source } => kring_i18n::error_text(
                language,
                self.code(),
                &[
                    ("file", file.as_str().into()),
                    ("error", source.message(language).into()),
                ],
            ),
            ContactsError::Store(error) => error.message(language),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ContactsError::Read { .. } => "contacts_malformed",
            ContactsError::Store(e) => e.code().as_str(),
        }
    }
}

/// The formats contacts come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactFormat {
    Vcard,
    Csv,
}

impl ContactFormat {
    /// The format of a file, from its name or else its first bytes.
    pub fn detect(file_name: &str, bytes: &[u8]) -> ContactFormat {
        let lower = file_name.to_lowercase();
        if lower.ends_with(".vcf") || lower.ends_with(".vcard") {
            return ContactFormat::Vcard;
        }
        if lower.ends_with(".csv") {
            return ContactFormat::Csv;
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_uppercase();
        if head.contains("BEGIN:VCARD") {
            ContactFormat::Vcard
        } else {
            ContactFormat::Csv
        }
    }
}

/// What an import of contacts did (or would do).
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContactImportReport {
    pub dry_run: bool,
    pub contacts_read: usize,
    pub people_added: usize,
    pub organisations_added: usize,
    /// Existing cards that gained an email, phone, tag or a field that was empty.
    pub cards_updated: usize,
    /// Contacts that matched a card and brought nothing new.
    pub unchanged: usize,
    pub affiliations_added: usize,
    pub notes_added: usize,
    /// Values left out because they are not valid (with the line of the contact).
    pub warnings: Vec<String>,
    pub preset: Option<String>,
    pub encoding: Option<String>,
}

/// A family name at an organisation (or at none): where a name match is looked for.
type NameBlock = (String, Option<RecordId>);

/// Cards as the matcher sees them.
struct Known {
    by_email: HashMap<String, RecordId>,
    by_phone: HashMap<String, RecordId>,
    by_uid: HashMap<String, RecordId>,
    organisations: HashMap<String, RecordId>,
    /// (family name, organisation) → people with their parsed names.
    by_family: HashMap<NameBlock, Vec<(RecordId, PersonName)>>,
    people: HashMap<RecordId, Person>,
    affiliations: HashMap<RecordId, Vec<RecordId>>,
}

fn web_address(text: &str) -> String {
    crate::model::complete_web_address(text)
}

impl Store {
    fn known_contacts(&self) -> Result<Known, StoreError> {
        let me = self.profile()?.map(|p| p.networker);
        let mut known = Known {
            by_email: HashMap::new(),
            by_phone: HashMap::new(),
            by_uid: HashMap::new(),
            organisations: HashMap::new(),
            by_family: HashMap::new(),
            people: HashMap::new(),
            affiliations: HashMap::new(),
        };
        for state in self.all_of_kind(RecordKind::Organisation)? {
            if is_withdrawn(&state, me) {
                continue;
            }
            let organisation: Organisation = body_of(&state)?;
            let id = RecordId(state.id);
            known.by_uid.insert(id.to_string(), id);
            if let Some(key) = organisation_name_key(&organisation.name) {
                known.organisations.entry(key).or_insert(id);
            }
        }
        for state in self.all_of_kind(RecordKind::Affiliation)? {
            if let (Some(person), Some(organisation)) = (
                indexes::id_of(&state, "person"),
                indexes::id_of(&state, "organisation"),
            ) {
                known
                    .affiliations
                    .entry(person)
                    .or_default()
                    .push(organisation);
            }
        }
        for state in self.all_of_kind(RecordKind::Person)? {
            if is_withdrawn(&state, me) {
                continue;
            }
            let person: Person = body_of(&state)?;
            let id = RecordId(state.id);
            known.remember(id, person);
        }
        Ok(known)
    }

    /// Imports contacts from a vCard or CSV file's bytes. Nothing is written on a dry run or when
    /// the file cannot be read. New cards get the store's default visibility.
    pub fn import_contacts(
        &self,
        file_name: &str,
        bytes: &[u8],
        format: Option<ContactFormat>,
        preset: Option<CsvPreset>,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ContactImportReport, ContactsError> {
        self.import_contacts_as(file_name, bytes, format, preset, None, dry_run, now)
    }

    /// [`Store::import_contacts`], with the visibility the new cards get (the store's default
    /// when `None`: an address book often holds people one keeps to oneself).
    #[allow(clippy::too_many_arguments)]
    pub fn import_contacts_as(
        &self,
        file_name: &str,
        bytes: &[u8],
        format: Option<ContactFormat>,
        preset: Option<CsvPreset>,
        visibility: Option<crate::model::Visibility>,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ContactImportReport, ContactsError> {
        self.require_profile()?;
        let format = format.unwrap_or_else(|| ContactFormat::detect(file_name, bytes));
        let mut report = ContactImportReport {
            dry_run,
            ..ContactImportReport::default()
        };
        let read_error = |source| ContactsError::Read {
            file: file_name.to_owned(),
            source,
        };
        let drafts = match format {
            ContactFormat::Vcard => kring_interop::read_vcards(bytes).map_err(read_error)?,
            ContactFormat::Csv => {
                let import = kring_interop::read_csv(bytes, preset, None).map_err(read_error)?;
                report.preset = Some(format!("{:?}", import.preset).to_lowercase());
                report.encoding = Some(import.encoding.to_owned());
                import.contacts
            }
        };
        report.contacts_read = drafts.len();
        let mut known = self.known_contacts()?;
        let forgotten = self.forgotten()?;
        let mut creations: Vec<NewRecord> = Vec::new();
        let mut updates: Vec<(RecordId, Person)> = Vec::new();
        let mut millis = now.timestamp_millis() as u64;
        let mut next_id = || {
            millis += 1;
            RecordId::new_v7(millis)
        };
        for draft in &drafts {
            let organisation = match (&draft.kind, &draft.organisation) {
                (ContactKind::Organisation, _) => None,
                (_, Some(name)) => Some(find_or_create_organisation(
                    &mut known,
                    &mut creations,
                    &mut report,
                    name,
                    &[],
                    None,
                    &mut next_id,
                )),
                _ => None,
            };
            if draft.kind == ContactKind::Organisation {
                let name = if draft.display_name.trim().is_empty() {
                    draft.organisation.clone().unwrap_or_default()
                } else {
                    draft.display_name.clone()
                };
                let website = draft
                    .websites
                    .first()
                    .map(|w| web_address(w))
                    .filter(|w| validate_url("website", w).is_ok());
                find_or_create_organisation(
                    &mut known,
                    &mut creations,
                    &mut report,
                    &name,
                    &draft.categories,
                    website,
                    &mut next_id,
                );
                continue;
            }
            let incoming = person_from_draft(draft, &mut report.warnings);
            if incoming.display_name.trim().is_empty() {
                report.warnings.push(format!(
                    "line {}: a contact without a name was left out",
                    draft.source_line
                ));
                continue;
            }
            // A person who was erased is not re-created from an old address book: the file
            // says so, and a person decides (adding them by hand, if they agreed).
            let erased = self.forgotten_contacts(&forgotten, &incoming.emails, &incoming.phones)?;
            if !erased.is_empty() {
                report.warnings.push(format!(
                    "line {}: {} ({}) was erased from Kring at their request (or by a retention rule): not imported; add them by hand only if they agreed",
                    draft.source_line,
                    incoming.display_name.trim(),
                    erased.join(", ")
                ));
                continue;
            }
            let matched = known.find_person(draft, &incoming, organisation);
            let id = match matched {
                Some(id) => {
                    let existing = known.people.get(&id).cloned().unwrap_or_default();
                    let pending = updates.iter().position(|(u, _)| *u == id);
                    let base = pending.map(|i| updates[i].1.clone()).unwrap_or(existing);
                    match merge_person(&base, &incoming) {
                        Some(merged) => {
                            known.remember(id, merged.clone());
                            let created_here = creations.iter().position(|c| c.id == id);
                            match (pending, created_here) {
                                (Some(i), _) => updates[i].1 = merged,
                                // A card this same file created: what it adds goes into the creation.
                                (None, Some(i)) => creations[i] = NewRecord::new(id, &merged),
                                (None, None) => {
                                    updates.push((id, merged));
                                    report.cards_updated += 1;
                                }
                            }
                        }
                        None => report.unchanged += 1,
                    }
                    id
                }
                None => {
                    let id = next_id();
                    creations.push(NewRecord::new(id, &incoming));
                    known.remember(id, incoming.clone());
                    report.people_added += 1;
                    if let Some(text) = draft.notes.as_deref().filter(|n| !n.trim().is_empty()) {
                        creations.push(NewRecord::new(
                            next_id(),
                            &Note {
                                about: id,
                                text: text.trim().to_owned(),
                            },
                        ));
                        report.notes_added += 1;
                    }
                    id
                }
            };
            if let Some(organisation) = organisation {
                let current = known.affiliations.entry(id).or_default();
                if !current.contains(&organisation) {
                    current.push(organisation);
                    let affiliation = Affiliation {
                        person: id,
                        organisation,
                        title: draft.job_title.clone().filter(|t| !t.trim().is_empty()),
                        from: None,
                        to: None,
                    };
                    creations.push(NewRecord::new(next_id(), &affiliation));
                    report.affiliations_added += 1;
                    // Later contacts in the file find this person by name at the organisation.
                    if let Some(person) = known.people.get(&id).cloned() {
                        known.remember(id, person);
                    }
                }
            }
        }
        if dry_run {
            return Ok(report);
        }
        // New cards (with their affiliations and notes) in one transaction, then the updates.
        // Should a crash fall between the two, importing the file again completes it.
        if !creations.is_empty() {
            if visibility.is_some() {
                for creation in &mut creations {
                    creation.visibility = visibility;
                }
            }
            self.create_many(creations, now)?;
        }
        for (id, person) in updates {
            self.update(id, &person, now)?;
        }
        Ok(report)
    }

    /// People and organisations as vCard 4.0: what this store may show (withdrawn cards are left
    /// out), never private notes, and private cards only with `include_private` — the file
    /// leaves Kring for a phone or a mail program, where "private" means nothing. A person's
    /// organisation is named only when that card and the affiliation may be written too. `now`
    /// decides which affiliations are current.
    pub fn export_contacts(
        &self,
        include_private: bool,
        now: DateTime<Utc>,
    ) -> Result<ExportedText, StoreError> {
        self.refuse_if_demo("exported as contacts")?;
        let me = self.profile()?.map(|p| p.networker);
        let may_write = |state: &crate::crdt::RecordState| {
            include_private || crate::model::visibility_of(state) != Visibility::Private
        };
        let mut private_left_out = 0;
        let mut drafts = Vec::new();
        let mut names: HashMap<RecordId, String> = HashMap::new();
        for state in self.all_of_kind(RecordKind::Organisation)? {
            if is_withdrawn(&state, me) {
                continue;
            }
            if !may_write(&state) {
                private_left_out += 1;
                continue;
            }
            let organisation: Organisation = body_of(&state)?;
            names.insert(RecordId(state.id), organisation.name.clone());
            drafts.push(ContactDraft {
                kind: ContactKind::Organisation,
                display_name: organisation.name.clone(),
                organisation: Some(organisation.name),
                websites: organisation
                    .website
                    .map(|w| complete_web_address(&w))
                    .into_iter()
                    .collect(),
                categories: organisation.tags,
                uid: Some(format!("urn:uuid:{}", state.id)),
                ..ContactDraft::default()
            });
        }
        let today = now.date_naive();
        for state in self.all_of_kind(RecordKind::Person)? {
            if is_withdrawn(&state, me) {
                continue;
            }
            if !may_write(&state) {
                private_left_out += 1;
                continue;
            }
            let id = RecordId(state.id);
            let person: Person = body_of(&state)?;
            let mut organisation = None;
            for affiliation_id in
                self.ids_with_prefix(Index::AffiliationsByPerson, id.as_bytes())?
            {
                let Some(affiliation_state) = self.live_state(affiliation_id)? else {
                    continue;
                };
                if !may_write(&affiliation_state) {
                    continue;
                }
                let affiliation: Affiliation = body_of(&affiliation_state)?;
                if affiliation.to.is_none_or(|to| to >= today) {
                    organisation = names.get(&affiliation.organisation).cloned();
                }
            }
            let mut notes = Vec::new();
            for note_id in self.ids_with_prefix(Index::NotesByRecord, id.as_bytes())? {
                if let Some(note_state) = self.live_state(note_id)? {
                    if crate::model::visibility_of(&note_state) != Visibility::Private {
                        notes.push(body_of::<Note>(&note_state)?.text);
                    }
                }
            }
            drafts.push(ContactDraft {
                kind: ContactKind::Person,
                display_name: person.display_name,
                given_name: person.given_name,
                family_name: person.family_name,
                honorific: person.honorific,
                organisation,
                job_title: person.job_title,
                emails: person.emails,
                phones: person.phones,
                addresses: person
                    .addresses
                    .into_iter()
                    .map(|a| PostalAddressDraft {
                        street: a.street,
                        locality: a.locality,
                        region: a.region,
                        postal_code: a.postal_code,
                        country: a.country,
                        ..PostalAddressDraft::default()
                    })
                    .collect(),
                websites: person
                    .websites
                    .iter()
                    .map(|w| complete_web_address(w))
                    .collect(),
                notes: (!notes.is_empty()).then(|| notes.join("\n")),
                categories: person.tags,
                uid: Some(format!("urn:uuid:{}", state.id)),
                ..ContactDraft::default()
            });
        }
        Ok(ExportedText {
            written: drafts.len(),
            private_left_out,
            text: kring_interop::write_vcards(&drafts),
        })
    }

    /// Follow-ups as an iCalendar file of to-dos with a reminder the morning before. Private
    /// follow-ups only with `include_private`; otherwise a follow-up names only the cards that
    /// are not private, and says what it follows only when that interaction is not private.
    /// The calendar's name, the descriptions and the reminders are in `language` (the summaries
    /// are the follow-ups' own text).
    pub fn export_follow_ups(
        &self,
        include_private: bool,
        language: Language,
    ) -> Result<ExportedText, StoreError> {
        self.refuse_if_demo("exported as a calendar")?;
        let me = self.profile()?.map(|p| p.networker);
        let is_private = |state: &crate::crdt::RecordState| {
            crate::model::visibility_of(state) == Visibility::Private
        };
        let mut private_left_out = 0;
        let mut items = Vec::new();
        for state in self.all_of_kind(RecordKind::FollowUp)? {
            if is_withdrawn(&state, me) {
                continue;
            }
            if !include_private && is_private(&state) {
                private_left_out += 1;
                continue;
            }
            let follow_up: FollowUp = body_of(&state)?;
            let view = self.follow_up_view(&state)?;
            let mut about: Vec<&str> = Vec::new();
            for (id, name) in &view.about {
                let shown = match self.live_state(*id)? {
                    Some(card) => include_private || !is_private(&card),
                    None => false,
                };
                if shown {
                    about.push(name);
                }
            }
            let summary = if about.is_empty() {
                follow_up.text.clone()
            } else {
                format!("{} — {}", follow_up.text, about.join(", "))
            };
            let interaction = match follow_up.interaction {
                Some(id) => self
                    .live_state(id)?
                    .filter(|s| include_private || !is_private(s)),
                None => None,
            };
            let description = match interaction.map(|s| body_of::<Interaction>(&s)) {
                Some(Ok(interaction)) => Some(t!(
                    language,
                    "calendar-after",
                    summary = interaction.summary.as_str(),
                    date = kring_i18n::format::date(language, interaction.at.date_naive())
                )),
                _ => None,
            };
            let modified = state
                .max_stamp()
                .and_then(|s| DateTime::<Utc>::from_timestamp_millis(s.hlc.millis as i64))
                .unwrap_or_default();
            let alarm = t!(
                language,
                "calendar-alarm",
                summary = summary.as_str(),
                due = kring_i18n::format::date(language, follow_up.due)
            );
            items.push(kring_interop::CalendarItem {
                uid: format!("{}@kring", state.id),
                summary,
                description,
                due: kring_interop::CalendarMoment::Date(follow_up.due),
                kind: kring_interop::CalendarItemKind::Todo,
                done: follow_up.done,
                alarm_minutes_before: Some(15 * 60),
                alarm_description: Some(alarm),
                last_modified: modified,
            });
        }
        items.sort_by(|a, b| a.uid.cmp(&b.uid));
        Ok(ExportedText {
            written: items.len(),
            private_left_out,
            text: kring_interop::write_icalendar(&t!(language, "calendar-name"), &items),
        })
    }
}

/// A file written for another program (a phone's contacts, a calendar), and what it left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportedText {
    pub text: String,
    /// Cards or follow-ups written.
    pub written: usize,
    /// Private ones left out (none with `include_private`).
    pub private_left_out: usize,
}

impl Known {
    fn remember(&mut self, id: RecordId, person: Person) {
        self.by_uid.insert(id.to_string(), id);
        for email in &person.emails {
            if let Some(key) = normalise_email(email) {
                self.by_email.entry(key).or_insert(id);
            }
        }
        for phone in &person.phones {
            if let Some(key) = normalise_phone(phone) {
                self.by_phone.entry(key).or_insert(id);
            }
        }
        if let Some(name) = PersonName::of_card(
            &person.display_name,
            person.given_name.as_deref(),
            person.family_name.as_deref(),
        ) {
            for organisation in self
                .affiliations
                .get(&id)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(Some)
                .chain([None])
            {
                let entry = self
                    .by_family
                    .entry((name.family.clone(), organisation))
                    .or_default();
                if !entry.iter().any(|(known, _)| *known == id) {
                    entry.push((id, name.clone()));
                }
            }
        }
        self.people.insert(id, person);
    }

    fn find_person(
        &self,
        draft: &ContactDraft,
        incoming: &Person,
        organisation: Option<RecordId>,
    ) -> Option<RecordId> {
        if let Some(uid) = draft.uid.as_deref() {
            let bare = uid.trim().trim_start_matches("urn:uuid:");
            if let Some(id) = self.by_uid.get(bare) {
                if self.people.contains_key(id) {
                    return Some(*id);
                }
            }
        }
        for email in &incoming.emails {
            if let Some(id) = normalise_email(email).and_then(|key| self.by_email.get(&key)) {
                return Some(*id);
            }
        }
        for phone in &incoming.phones {
            if let Some(id) = normalise_phone(phone).and_then(|key| self.by_phone.get(&key)) {
                return Some(*id);
            }
        }
        let name = PersonName::of_card(
            &incoming.display_name,
            incoming.given_name.as_deref(),
            incoming.family_name.as_deref(),
        )?;
        let candidates = self.by_family.get(&(name.family.clone(), organisation))?;
        candidates
            .iter()
            .find(|(_, known)| known.compare(&name) == NameMatch::Same)
            .map(|(id, _)| *id)
    }
}

#[allow(clippy::too_many_arguments)]
fn find_or_create_organisation(
    known: &mut Known,
    creations: &mut Vec<NewRecord>,
    report: &mut ContactImportReport,
    name: &str,
    tags: &[String],
    website: Option<String>,
    next_id: &mut dyn FnMut() -> RecordId,
) -> RecordId {
    let key = organisation_name_key(name).unwrap_or_else(|| name.trim().to_lowercase());
    if let Some(id) = known.organisations.get(&key) {
        return *id;
    }
    let id = next_id();
    let organisation = Organisation {
        name: name.trim().to_owned(),
        website,
        tags: tags.to_vec(),
        ..Organisation::default()
    };
    creations.push(NewRecord::new(id, &organisation));
    known.organisations.insert(key, id);
    known.by_uid.insert(id.to_string(), id);
    report.organisations_added += 1;
    id
}

/// A person card from a contact, leaving out (with a warning) values Kring would refuse.
fn person_from_draft(draft: &ContactDraft, warnings: &mut Vec<String>) -> Person {
    let line = draft.source_line;
    let mut keep = |field: &str,
                    values: &[String],
                    check: fn(&str, &str) -> Result<(), ValidationError>|
     -> Vec<String> {
        let mut kept: Vec<String> = Vec::new();
        for value in values {
            let value = value.trim();
            match check(field, value) {
                Ok(()) if !kept.iter().any(|k| k == value) => kept.push(value.to_owned()),
                Ok(()) => {}
                Err(error) => warnings.push(format!("line {line}: {error} (left out)")),
            }
        }
        kept
    };
    let emails = keep("emails", &draft.emails, validate_email);
    let phones = keep("phones", &draft.phones, validate_phone);
    let websites: Vec<String> = draft.websites.iter().map(|w| web_address(w)).collect();
    let websites = keep("websites", &websites, validate_url);
    let display_name = if draft.display_name.trim().is_empty() {
        [draft.given_name.as_deref(), draft.family_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        draft.display_name.trim().to_owned()
    };
    let mut tags: Vec<String> = Vec::new();
    for tag in &draft.categories {
        let tag = tag.trim();
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    Person {
        display_name,
        given_name: draft.given_name.clone().filter(|s| !s.trim().is_empty()),
        family_name: draft.family_name.clone().filter(|s| !s.trim().is_empty()),
        honorific: draft.honorific.clone().filter(|s| !s.trim().is_empty()),
        job_title: draft.job_title.clone().filter(|s| !s.trim().is_empty()),
        emails,
        phones,
        addresses: draft
            .addresses
            .iter()
            .filter(|a| !a.is_empty())
            .map(|a| PostalAddress {
                street: a.street.clone(),
                locality: a.locality.clone(),
                region: a.region.clone(),
                postal_code: a.postal_code.clone(),
                country: a.country.clone(),
            })
            .filter(|a| *a != PostalAddress::default())
            .collect(),
        websites,
        social_handles: vec![],
        languages: vec![],
        tags,
    }
}

/// What a known person gains from a matching contact: new emails, phones, websites, addresses
/// and tags, and fields that were empty. `None` when nothing is new.
fn merge_person(existing: &Person, incoming: &Person) -> Option<Person> {
    let mut merged = existing.clone();
    let add = |into: &mut Vec<String>, from: &[String], same: fn(&str) -> Option<String>| {
        for value in from {
            let key = same(value);
            if !into.iter().any(|v| same(v) == key) {
                into.push(value.clone());
            }
        }
    };
    add(&mut merged.emails, &incoming.emails, normalise_email);
    add(&mut merged.phones, &incoming.phones, normalise_phone);
    add(&mut merged.websites, &incoming.websites, |w| {
        website_host(w).or_else(|| Some(w.to_lowercase()))
    });
    add(&mut merged.tags, &incoming.tags, |t| {
        Some(crate::text::fold(t))
    });
    for address in &incoming.addresses {
        if !merged.addresses.contains(address) {
            merged.addresses.push(address.clone());
        }
    }
    for (field, value) in [
        (&mut merged.given_name, &incoming.given_name),
        (&mut merged.family_name, &incoming.family_name),
        (&mut merged.honorific, &incoming.honorific),
        (&mut merged.job_title, &incoming.job_title),
    ] {
        if field.is_none() && value.is_some() {
            *field = value.clone();
        }
    }
    (merged != *existing).then_some(merged)
}
