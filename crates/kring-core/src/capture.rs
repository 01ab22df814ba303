//! Capture: meetings and e-mails from the mail and calendar apps people already use, logged as
//! interactions with the cards they involve.
//!
//! Why two steps: a person dropping an invitation or a calendar export on Kring must see what
//! would be logged before anything is. [`Store::plan_capture`] reads the files (with
//! `kring_interop::read_interactions`), matches everyone named to cards, and returns a
//! serialisable [`CapturePlan`]: each meeting or e-mail with its matched cards, the addresses
//! nobody's card has, its kind and visibility, and what would be done and why. The app shows it;
//! the person removes people, ticks unknown addresses to add, deselects items; then
//! [`Store::apply_capture`] carries out the plan as edited, in one transaction (after which
//! withdrawals are deleted one by one; capturing again completes them should the machine stop
//! in between). Both take `now`.
//!
//! **Matching** (`Directory`): an address matches a card by its normalised form (lower case;
//! for Gmail, dots and `+tags` do not count and googlemail.com is gmail.com; `+tags` do not count
//! at the big webmail providers that deliver them) on any card of an identity group (the group's
//! card the networker has a relationship with, else its canonical card); failing that, the name
//! beside it matches one person working now at an organisation whose website has the address's
//! domain ("Dubois, Marie" at omgeving.vlaanderen.be is the Marie Dubois of the organisation at
//! https://omgeving.vlaanderen.be). The networker's own addresses (the profile's and their card's)
//! are recognised and left out. Other addresses are *unknown*: listed, with the organisation
//! guessed from the domain, and made into cards only when asked.
//!
//! **Logging** goes through the store's own logging path (`LogBatch`, the one
//! [`Store::log_interaction`] uses), so relationships' last contact, private contact notes and
//! indexes behave exactly as for an interaction logged by hand. The draft's identity is kept on
//! the interaction (fields `source_id` and `source_sequence`; records are generic field maps) and
//! the interaction's id is derived from the networker and that identity, so capturing the same
//! file again adds nothing, an updated invitation (higher `SEQUENCE`) changes the interaction it
//! logged, and a cancellation withdraws (deletes) it. A meeting is logged only with at least one
//! known stakeholder. Meetings still to come become follow-ups on their day, not contacts that
//! happened; when they have happened and are captured again, they are logged and the follow-up
//! is done. Recurring meetings are logged once per past occurrence, a year and a day back at
//! most (`kring_interop::interaction::RECURRENCE_LOOK_BACK_DAYS`); their next occurrence becomes
//! a follow-up. The text of a meeting or e-mail is kept only when asked, as a note with the
//! interaction's visibility.
//!
//! **Visibility**, unless the person gives one: the most restrictive of the store's default and
//! the cards involved ([`capture_visibility`], one small function so that a store-wide rule can
//! replace it).
//!
//! Known limits: an update that moves a meeting earlier does not move a relationship's last
//! contact back, and withdrawing a logged meeting leaves the last contact it set (as deleting a
//! hand-logged interaction does); an interaction that was deleted is not brought back by
//! capturing its meeting again; an update never loosens an interaction's visibility.
//!
//! ```no_run
//! # use kring_core::{capture::CaptureOptions, store::{OpenOptions, Store}};
//! # let store = Store::open(std::path::Path::new("/tmp/kring-example"), &OpenOptions::default())?;
//! let now = chrono::Utc::now();
//! let files = [std::path::PathBuf::from("invitation.ics")];
//! let mut plan = store.plan_capture(&files, &CaptureOptions::default(), now)?;
//! for item in &mut plan.items {
//!     item.unknown.iter_mut().for_each(|unknown| unknown.create = true);
//! }
//! let outcome = store.apply_capture(&plan, now)?;
//! println!("{} logged, {} skipped", outcome.logged, outcome.skipped);
//! # Ok::<(), kring_core::store::StoreError>(())
//! ```

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use kring_interop::{
    interaction::{MAX_CALENDAR_BYTES, MAX_EMAIL_BYTES},
    read_interactions, CaptureReadError, DraftKind, InteractionDraft, Mailbox, ReadOptions,
    ReadWarningCode,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::crdt::{envelope, RecordState};
use crate::identity_groups::{
    normalise_email, website_host, IdentityGroups, NameMatch, PersonName,
};
use crate::model::is_withdrawn;
use crate::model::*;
use crate::store::{body_of, NewRecord, Store, StoreResult};
use kring_i18n::{t, Language};

/// The namespace of the ids capture derives from a networker and a meeting's or e-mail's
/// identity (UUID v5), so that the same meeting captured twice is the same record.
const CAPTURE_NAMESPACE: Uuid = Uuid::from_u128(0x6b72_696e_672d_6361_7074_7572_6500_0000);

/// The field on a logged interaction (and follow-up, note) that holds the draft's identity.
pub const SOURCE_ID_FIELD: &str = "source_id";
/// The field that holds the draft's `SEQUENCE`.
pub const SOURCE_SEQUENCE_FIELD: &str = "source_sequence";
/// The field that holds a meeting's place (interactions have no place of their own yet).
pub const LOCATION_FIELD: &str = "location";

/// Where dots in the part before `@` do not count.
const DOTLESS_DOMAINS: &[&str] = &["gmail.com"];
/// Where a `+tag` before `@` reaches the same mailbox.
const PLUS_TAG_DOMAINS: &[&str] = &[
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "fastmail.com",
    "fastmail.fm",
    "protonmail.com",
    "proton.me",
    "pm.me",
];

/// An address as compared when matching: lower case, and for the providers that deliver them
/// alike, without dots (Gmail) or a `+tag`; googlemail.com is gmail.com.
pub fn mailbox_key(address: &str) -> Option<String> {
    let lower = normalise_email(address)?;
    let (local, domain) = lower.rsplit_once('@')?;
    let domain = if domain == "googlemail.com" {
        "gmail.com"
    } else {
        domain
    };
    let mut local = local.to_owned();
    if PLUS_TAG_DOMAINS.contains(&domain) {
        if let Some(plus) = local.find('+') {
            local.truncate(plus);
        }
    }
    if DOTLESS_DOMAINS.contains(&domain) {
        local.retain(|c| c != '.');
    }
    (!local.is_empty()).then(|| format!("{local}@{domain}"))
}

/// The visibility a captured interaction gets when the person gives none: the store-wide rule of
/// [`Store::visibility_about`] (the store's default, never wider than the most restrictive card it
/// involves; private < summary < shared), over the visibilities of the cards a plan matched.
pub fn capture_visibility(
    store_default: Visibility,
    cards: impl IntoIterator<Item = Visibility>,
) -> Visibility {
    cards.into_iter().fold(store_default, Ord::min)
}

/// What to capture with.
#[derive(Clone, Debug, Default)]
pub struct CaptureOptions {
    /// The visibility of everything logged; by [`capture_visibility`] when `None`.
    pub visibility: Option<Visibility>,
    /// Keep a meeting's description or an e-mail's text as a note on the interaction.
    pub keep_text: bool,
    /// Tick every unknown address: each becomes a person card when the plan is applied.
    pub create_unknown: bool,
    /// The person's own time zone (IANA or Windows name): times are shown in it and meetings
    /// without a zone are read in it. UTC when `None`.
    pub local_zone: Option<String>,
    /// The language the plan's notes are worded in (a skipped item's reason, a reader's
    /// warning, a file's error); their codes are the same in every language.
    pub language: Language,
}

/// The endings of the files capture reads: invitations and calendar exports, saved e-mails.
pub const CAPTURE_EXTENSIONS: &[&str] = &["ics", "eml"];

/// Why a file is not even read, judged by its name: the app's drop target and file dialog take
/// only the endings of [`CAPTURE_EXTENSIONS`] (a dropped photo or spreadsheet is refused in words
/// before anything reads it; an Outlook `.msg` goes on to the reader, which says how to save it as
/// one of those). `None` for a name capture reads.
pub fn refused_by_name(name: &str, language: Language) -> Option<CaptureNote> {
    let extension = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        Some(e) if CAPTURE_EXTENSIONS.contains(&e) => None,
        // The reader recognises Outlook's own format and says how to save it as .ics or .eml.
        Some("msg") => None,
        _ => Some(CaptureNote::new(
            CaptureCode::UnsupportedFile,
            t!(language, "capture-note-unsupported_file"),
        )),
    }
}

/// The files of `paths` capture reads, and a [`CaptureFile`] with its error for every other
/// one ([`refused_by_name`]), so that a plan can list them beside what it read.
pub fn split_by_name(paths: &[PathBuf], language: Language) -> (Vec<PathBuf>, Vec<CaptureFile>) {
    let mut read = Vec::new();
    let mut refused = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match refused_by_name(&name, language) {
            None => read.push(path.clone()),
            Some(note) => refused.push(CaptureFile {
                file: name,
                format: None,
                drafts: 0,
                warnings: Vec::new(),
                error: Some(note),
            }),
        }
    }
    (read, refused)
}

crate::model::word_enum!(
    /// The code of a [`CaptureNote`]: what capture decided for an item, or what it or the
    /// file's reader has to say about a file.
    CaptureCode {
        // What applying the plan does with an item, or why it skips it.
        Log => "log",
        Updated => "updated",
        FollowUpUpdated => "follow_up_updated",
        StillToCome => "still_to_come",
        CancelledWithdrawn => "cancelled_withdrawn",
        NotSelected => "not_selected",
        Duplicate => "duplicate",
        DateOutOfRange => "date_out_of_range",
        DatedAhead => "dated_ahead",
        Cancelled => "cancelled",
        NoKnownStakeholder => "no_known_stakeholder",
        WithdrawnEarlier => "withdrawn_earlier",
        AlreadyLogged => "already_logged",
        AlreadyPlanned => "already_planned",
        // Why a file is not read, or gives nothing to log (the reader's errors too).
        ForgottenPerson => "forgotten_person",
        UnsupportedFile => "unsupported_file",
        Unreadable => "unreadable",
        TooLarge => "too_large",
        OutlookMsg => "outlook_msg",
        NotRecognised => "not_recognised",
        NotCalendar => "not_calendar",
        NoMeetings => "no_meetings",
        InvitationReply => "invitation_reply",
        TooManyMeetings => "too_many_meetings",
        NoDate => "no_date",
        NoAddresses => "no_addresses",
        NotEmail => "not_email",
        BrokenMime => "broken_mime",
        // What a reader passed over in a file it could otherwise use.
        EventWithoutStart => "event_without_start",
        UnknownTimeZone => "unknown_time_zone",
        RecurrenceUnreadable => "recurrence_unreadable",
        RecurrenceBounded => "recurrence_bounded",
        TooFrequent => "too_frequent",
        NotAMeeting => "not_a_meeting",
        InvalidLine => "invalid_line",
        AddressUnusable => "address_unusable",
        DateFromReceived => "date_from_received",
        NotUtf8 => "not_utf8",
        InvitationInEmail => "invitation_in_email",
    }
);

impl From<ReadWarningCode> for CaptureCode {
    fn from(code: ReadWarningCode) -> Self {
        match code {
            ReadWarningCode::EventWithoutStart => CaptureCode::EventWithoutStart,
            ReadWarningCode::UnknownTimeZone => CaptureCode::UnknownTimeZone,
            ReadWarningCode::RecurrenceUnreadable => CaptureCode::RecurrenceUnreadable,
            ReadWarningCode::RecurrenceBounded => CaptureCode::RecurrenceBounded,
            ReadWarningCode::TooFrequent => CaptureCode::TooFrequent,
            ReadWarningCode::NotAMeeting => CaptureCode::NotAMeeting,
            ReadWarningCode::InvalidLine => CaptureCode::InvalidLine,
            ReadWarningCode::AddressUnusable => CaptureCode::AddressUnusable,
            ReadWarningCode::DateFromReceived => CaptureCode::DateFromReceived,
            ReadWarningCode::NotUtf8 => CaptureCode::NotUtf8,
            ReadWarningCode::InvitationInEmail => CaptureCode::InvitationInEmail,
        }
    }
}

impl From<&CaptureReadError> for CaptureCode {
    fn from(error: &CaptureReadError) -> Self {
        match error {
            CaptureReadError::TooLarge { .. } => CaptureCode::TooLarge,
            CaptureReadError::OutlookMsg => CaptureCode::OutlookMsg,
            CaptureReadError::NotRecognised => CaptureCode::NotRecognised,
            CaptureReadError::NotCalendar { .. } => CaptureCode::NotCalendar,
            CaptureReadError::NoMeetings { .. } => CaptureCode::NoMeetings,
            CaptureReadError::Reply { .. } => CaptureCode::InvitationReply,
            CaptureReadError::TooManyMeetings { .. } => CaptureCode::TooManyMeetings,
            CaptureReadError::NoDate => CaptureCode::NoDate,
            CaptureReadError::NoAddresses => CaptureCode::NoAddresses,
            CaptureReadError::NotEmail => CaptureCode::NotEmail,
            CaptureReadError::BrokenMime => CaptureCode::BrokenMime,
        }
    }
}

/// A code for scripts and the app, and the same in words for people (in the language of
/// [`CaptureOptions::language`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CaptureNote {
    pub code: CaptureCode,
    pub message: String,
}

impl CaptureNote {
    fn new(code: impl Into<CaptureCode>, message: impl Into<String>) -> Self {
        CaptureNote {
            code: code.into(),
            message: message.into(),
        }
    }
}

/// One file of a plan: what was read from it, or why nothing could be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CaptureFile {
    /// The file's path (or name) as given.
    pub file: String,
    /// `icalendar` or `email`, when the file could be read.
    pub format: Option<String>,
    /// How many meetings or e-mails it holds (occurrences of recurring meetings counted).
    pub drafts: usize,
    /// What the reader passed over.
    pub warnings: Vec<CaptureNote>,
    /// Why the file gives nothing to log (it changes nothing).
    pub error: Option<CaptureNote>,
}

/// How a card was found for an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The address is on the card (or on another card of its identity group).
    Email,
    /// The name beside the address is that of a person working at the organisation whose
    /// website has the address's domain.
    NameAtOrganisation,
}

/// A card a meeting or e-mail involves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CapturedCard {
    pub id: RecordId,
    pub name: String,
    /// `person`, `organisation` or `networker` (a colleague: not a stakeholder).
    pub kind: RecordKind,
    /// The address it was found by.
    pub address: String,
    pub matched_by: MatchedBy,
    pub visibility: Visibility,
}

/// An address no card has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnknownAddress {
    pub address: String,
    /// The name written beside it, in reading order.
    pub name: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    /// The organisation whose website has the address's domain, where a card has one.
    pub organisation: Option<RecordId>,
    pub organisation_name: Option<String>,
    /// Ticked: applying the plan makes a person card for it (with the organisation as their
    /// current affiliation) and logs the meeting or e-mail with them too.
    pub create: bool,
}

/// What applying a plan does with one meeting or e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CaptureAction {
    /// Log it as an interaction.
    Log,
    /// Change the interaction logged from it before (a higher `SEQUENCE`).
    Update,
    /// Delete the interaction (or follow-up) logged from it: it was cancelled.
    Withdraw,
    /// A meeting still to come: a follow-up on its day.
    FollowUp,
    /// Change the follow-up planned from it before (a higher `SEQUENCE`).
    UpdateFollowUp,
    /// Nothing: `reason` says why.
    Skip,
}

/// One meeting, occurrence or e-mail of a plan. The app may change `kind`, `visibility`,
/// `selected`, remove `people` and tick `unknown` addresses before applying the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CaptureItem {
    /// The file it came from.
    pub file: String,
    /// The draft's identity (iCalendar UID, with the day of an occurrence; Message-ID).
    pub source_id: String,
    pub sequence: u32,
    pub kind: InteractionKind,
    pub at: DateTime<FixedOffset>,
    pub all_day: bool,
    pub subject: String,
    pub location: Option<String>,
    /// Who called the meeting or sent the e-mail (an address).
    pub organiser: Option<String>,
    /// The cards it involves: stakeholders and colleagues. Removing one leaves it out.
    pub people: Vec<CapturedCard>,
    /// Addresses no card has.
    pub unknown: Vec<UnknownAddress>,
    /// The networker's own addresses found in it (left out).
    pub own_addresses: Vec<String>,
    /// Attendees who declined (left out).
    pub declined: Vec<String>,
    pub cancelled: bool,
    pub visibility: Visibility,
    /// Whether to act on it at all (the app's list has select-all).
    pub selected: bool,
    /// What applying the plan would do.
    pub action: CaptureAction,
    pub reason: CaptureNote,
    /// The description or e-mail text, present only when it is to be kept as a note.
    pub text: Option<String>,
}

/// What capture would do with a set of files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CapturePlan {
    pub files: Vec<CaptureFile>,
    pub items: Vec<CaptureItem>,
}

impl CapturePlan {
    /// The files that could not be read.
    pub fn failed_files(&self) -> impl Iterator<Item = &CaptureFile> {
        self.files.iter().filter(|file| file.error.is_some())
    }

    /// How many items would be done the given way.
    pub fn count(&self, action: CaptureAction) -> usize {
        self.items
            .iter()
            .filter(|item| item.action == action)
            .count()
    }
}

/// What one item of a plan came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CapturedItem {
    pub source_id: String,
    pub action: CaptureAction,
    pub reason: CaptureNote,
    pub interaction: Option<RecordId>,
    pub follow_up: Option<RecordId>,
}

/// What applying a plan did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CaptureOutcome {
    pub logged: usize,
    pub updated: usize,
    pub withdrawn: usize,
    pub follow_ups_planned: usize,
    pub follow_ups_updated: usize,
    pub people_created: usize,
    pub notes_added: usize,
    pub skipped: usize,
    pub items: Vec<CapturedItem>,
}

/// The id capture gives the record of kind `what` ("interaction", "follow_up", "note") that a
/// networker logs from a draft.
fn capture_id(networker: RecordId, what: &str, source_id: &str) -> RecordId {
    let mut name = Vec::with_capacity(16 + what.len() + 1 + source_id.len());
    name.extend_from_slice(networker.as_bytes());
    name.extend_from_slice(what.as_bytes());
    name.push(0);
    name.extend_from_slice(source_id.as_bytes());
    RecordId(Uuid::new_v5(&CAPTURE_NAMESPACE, &name))
}

fn text_field(state: &RecordState, field: &str) -> Option<String> {
    match state.current(field) {
        Some(serde_json::Value::String(text)) => Some(text),
        _ => None,
    }
}

fn visibility_of(state: &RecordState) -> Visibility {
    text_field(state, envelope::VISIBILITY)
        .and_then(|v| v.parse().ok())
        .unwrap_or(Visibility::Shared)
}

fn source_sequence(state: &RecordState) -> u64 {
    state
        .current(SOURCE_SEQUENCE_FIELD)
        .and_then(|v| v.as_u64())
        .unwrap_or(0)
}

/// A card as the matcher sees it.
struct CardInfo {
    name: String,
    kind: RecordKind,
    visibility: Visibility,
}

/// The cards of a store, as capture matches addresses to them.
struct Directory {
    me: RecordId,
    my_keys: HashSet<String>,
    by_key: HashMap<String, RecordId>,
    cards: HashMap<RecordId, CardInfo>,
    /// Organisations by their website's host ("port.be").
    organisations: Vec<(String, RecordId)>,
    /// People working now at each organisation, with their names as compared.
    staff: HashMap<RecordId, Vec<(RecordId, PersonName)>>,
    groups: IdentityGroups,
}

impl Directory {
    fn load(store: &Store, today: NaiveDate) -> StoreResult<Directory> {
        let profile = store.require_profile()?;
        let me = profile.networker;
        let mut directory = Directory {
            me,
            my_keys: HashSet::new(),
            by_key: HashMap::new(),
            cards: HashMap::new(),
            organisations: Vec::new(),
            staff: HashMap::new(),
            groups: store.identity_groups()?,
        };
        directory.my_keys.extend(mailbox_key(&profile.email));
        let mut names: HashMap<RecordId, PersonName> = HashMap::new();
        let mut keyed: Vec<(String, RecordId)> = Vec::new();
        for state in store.all_of_kind(RecordKind::Networker)? {
            let id = RecordId(state.id);
            let networker: Networker = body_of(&state)?;
            let keys = networker.email.as_deref().and_then(mailbox_key);
            if id == me {
                directory.my_keys.extend(keys);
                continue;
            }
            keyed.extend(keys.map(|key| (key, id)));
            directory.cards.insert(
                id,
                CardInfo {
                    name: networker.name,
                    kind: RecordKind::Networker,
                    visibility: visibility_of(&state),
                },
            );
        }
        for state in store.all_of_kind(RecordKind::Person)? {
            if is_withdrawn(&state, Some(me)) {
                continue;
            }
            let id = RecordId(state.id);
            let person: Person = body_of(&state)?;
            for email in &person.emails {
                keyed.extend(mailbox_key(email).map(|key| (key, id)));
            }
            if let Some(name) = PersonName::of_card(
                &person.display_name,
                person.given_name.as_deref(),
                person.family_name.as_deref(),
            ) {
                names.insert(id, name);
            }
            directory.cards.insert(
                id,
                CardInfo {
                    name: person.display_name,
                    kind: RecordKind::Person,
                    visibility: visibility_of(&state),
                },
            );
        }
        for state in store.all_of_kind(RecordKind::Organisation)? {
            if is_withdrawn(&state, Some(me)) {
                continue;
            }
            let id = RecordId(state.id);
            let organisation: Organisation = body_of(&state)?;
            if let Some(host) = organisation.website.as_deref().and_then(website_host) {
                directory.organisations.push((host, id));
            }
            directory.cards.insert(
                id,
                CardInfo {
                    name: organisation.name,
                    kind: RecordKind::Organisation,
                    visibility: visibility_of(&state),
                },
            );
        }
        for state in store.all_of_kind(RecordKind::Affiliation)? {
            let affiliation: Affiliation = body_of(&state)?;
            if affiliation.to.is_some_and(|to| to < today) {
                continue;
            }
            if let Some(name) = names.get(&affiliation.person) {
                directory
                    .staff
                    .entry(affiliation.organisation)
                    .or_default()
                    .push((affiliation.person, name.clone()));
            }
        }
        // Sorted so that a guess among several organisations is the same on every run.
        directory.organisations.sort();
        // An address on two cards that are not one: the smallest id, so the choice is stable.
        keyed.sort();
        for (key, id) in keyed {
            directory.by_key.entry(key).or_insert(id);
        }
        Ok(directory)
    }

    /// The card of a group to log with: the member the networker already has a relationship
    /// with, else the group's canonical card.
    fn card_to_log(&self, store: &Store, card: RecordId) -> StoreResult<RecordId> {
        let members = self.groups.members(card);
        if members.len() <= 1 {
            return Ok(card);
        }
        for member in &members {
            if store
                .live_state(RecordId::for_relationship(self.me, *member))?
                .is_some()
            {
                return Ok(*member);
            }
        }
        Ok(self.groups.canonical(card))
    }

    /// The organisations whose website has this domain (or a domain it is below of).
    fn organisations_of(&self, domain: &str) -> Vec<RecordId> {
        self.organisations
            .iter()
            .filter(|(host, _)| domain == host || domain.ends_with(&format!(".{host}")))
            .map(|(_, id)| *id)
            .collect()
    }

    /// The one person working at the domain's organisation whose name is this name.
    fn by_name_at_organisation(&self, mailbox: &Mailbox) -> Option<RecordId> {
        let name = mailbox.name.as_deref()?;
        let wanted = PersonName::of_card(
            name,
            mailbox.given_name.as_deref(),
            mailbox.family_name.as_deref(),
        )?;
        let mut found = BTreeSet::new();
        for organisation in self.organisations_of(&mailbox.domain()) {
            for member in self.groups.members(organisation) {
                for (person, known) in self.staff.get(&member).into_iter().flatten() {
                    if matches!(wanted.compare(known), NameMatch::Same | NameMatch::Similar) {
                        found.insert(self.groups.canonical(*person));
                    }
                }
            }
        }
        (found.len() == 1).then(|| *found.iter().next().expect("one"))
    }
}

/// The participants of a draft, sorted into cards, unknown addresses and the networker's own.
struct Matched {
    people: Vec<CapturedCard>,
    unknown: Vec<UnknownAddress>,
    own: Vec<String>,
    declined: Vec<String>,
}

impl Store {
    /// Unticks the unknown addresses that belong to a forgotten person. Returns (file, address)
    /// of each, once.
    fn untick_forgotten(&self, items: &mut [CaptureItem]) -> StoreResult<Vec<(String, String)>> {
        let forgotten = self.forgotten()?;
        let mut out: Vec<(String, String)> = Vec::new();
        if forgotten.is_empty() {
            return Ok(out);
        }
        for item in items {
            for unknown in &mut item.unknown {
                let erased = self.forgotten_contacts(
                    &forgotten,
                    std::slice::from_ref(&unknown.address),
                    &[],
                )?;
                if erased.is_empty() {
                    continue;
                }
                unknown.create = false;
                let entry = (item.file.clone(), unknown.address.clone());
                if !out.contains(&entry) {
                    out.push(entry);
                }
            }
        }
        Ok(out)
    }

    fn match_draft(
        &self,
        directory: &Directory,
        draft: &InteractionDraft,
        create_unknown: bool,
    ) -> StoreResult<Matched> {
        let mut matched = Matched {
            people: Vec::new(),
            unknown: Vec::new(),
            own: Vec::new(),
            declined: Vec::new(),
        };
        for participant in &draft.participants {
            let mailbox = &participant.mailbox;
            let Some(key) = mailbox_key(&mailbox.address) else {
                continue;
            };
            if directory.my_keys.contains(&key) {
                matched.own.push(mailbox.address.clone());
                continue;
            }
            if participant.declined {
                matched.declined.push(mailbox.address.clone());
                continue;
            }
            let found = match directory.by_key.get(&key) {
                Some(card) => Some((*card, MatchedBy::Email)),
                None => directory
                    .by_name_at_organisation(mailbox)
                    .map(|card| (card, MatchedBy::NameAtOrganisation)),
            };
            match found {
                Some((card, matched_by)) => {
                    let card = directory.card_to_log(self, card)?;
                    if matched.people.iter().any(|p| p.id == card) {
                        continue;
                    }
                    let Some(info) = directory.cards.get(&card) else {
                        continue;
                    };
                    matched.people.push(CapturedCard {
                        id: card,
                        name: info.name.clone(),
                        kind: info.kind,
                        address: mailbox.address.clone(),
                        matched_by,
                        visibility: info.visibility,
                    });
                }
                None => {
                    let organisation = directory
                        .organisations_of(&mailbox.domain())
                        .into_iter()
                        .map(|id| directory.groups.canonical(id))
                        .next();
                    matched.unknown.push(UnknownAddress {
                        address: mailbox.address.clone(),
                        name: mailbox.name.clone(),
                        given_name: mailbox.given_name.clone(),
                        family_name: mailbox.family_name.clone(),
                        organisation,
                        organisation_name: organisation
                            .and_then(|id| directory.cards.get(&id))
                            .map(|info| info.name.clone()),
                        create: create_unknown,
                    });
                }
            }
        }
        Ok(matched)
    }

    /// Reads meeting and e-mail files and plans what capturing them would do. Nothing is
    /// written. A file that cannot be read is listed with its error (code and sentence) and
    /// gives no items.
    pub fn plan_capture(
        &self,
        paths: &[PathBuf],
        options: &CaptureOptions,
        now: DateTime<Utc>,
    ) -> StoreResult<CapturePlan> {
        let mut files = Vec::with_capacity(paths.len());
        let mut unreadable = Vec::new();
        for path in paths {
            let name = path.display().to_string();
            match read_bounded(path, options.language) {
                Ok(bytes) => files.push((name, bytes)),
                Err(note) => unreadable.push(CaptureFile {
                    file: name,
                    format: None,
                    drafts: 0,
                    warnings: Vec::new(),
                    error: Some(note),
                }),
            }
        }
        let mut plan = self.plan_capture_bytes(&files, options, now)?;
        plan.files.extend(unreadable);
        Ok(plan)
    }

    /// [`Store::plan_capture`] on files already read: `(name, bytes)`.
    pub fn plan_capture_bytes(
        &self,
        files: &[(String, Vec<u8>)],
        options: &CaptureOptions,
        now: DateTime<Utc>,
    ) -> StoreResult<CapturePlan> {
        let profile = self.require_profile()?;
        let settings = self.settings()?;
        let directory = Directory::load(self, now.date_naive())?;
        let language = options.language;
        let read_options = ReadOptions {
            local_zone: options.local_zone.clone(),
            language,
            ..ReadOptions::at(now)
        };
        let mut plan = CapturePlan::default();
        for (name, bytes) in files {
            let short = std::path::Path::new(name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| name.clone());
            let read = match read_interactions(&short, bytes, &read_options) {
                Ok(read) => read,
                Err(error) => {
                    plan.files.push(CaptureFile {
                        file: name.clone(),
                        format: None,
                        drafts: 0,
                        warnings: Vec::new(),
                        error: Some(CaptureNote::new(&error, error.message(language))),
                    });
                    continue;
                }
            };
            plan.files.push(CaptureFile {
                file: name.clone(),
                format: Some(read.format.as_str().to_owned()),
                drafts: read.drafts.len(),
                warnings: read
                    .warnings
                    .iter()
                    .map(|w| CaptureNote::new(w.code, w.message.clone()))
                    .collect(),
                error: None,
            });
            for draft in &read.drafts {
                let matched = self.match_draft(&directory, draft, options.create_unknown)?;
                let new_people_visibility =
                    options.visibility.unwrap_or(settings.default_visibility);
                let visibility = options.visibility.unwrap_or_else(|| {
                    capture_visibility(
                        settings.default_visibility,
                        matched.people.iter().map(|p| p.visibility).chain(
                            matched
                                .unknown
                                .iter()
                                .filter(|u| u.create)
                                .map(|_| new_people_visibility),
                        ),
                    )
                });
                plan.items.push(CaptureItem {
                    file: name.clone(),
                    source_id: draft.identity.clone(),
                    sequence: draft.sequence,
                    kind: match draft.kind {
                        DraftKind::Meeting => InteractionKind::Meeting,
                        DraftKind::Call => InteractionKind::Call,
                        DraftKind::Email => InteractionKind::Email,
                    },
                    at: draft.start,
                    all_day: draft.all_day,
                    subject: draft.subject.clone(),
                    location: draft.location.clone(),
                    organiser: draft.organiser().map(|m| m.address.clone()),
                    people: matched.people,
                    unknown: matched.unknown,
                    own_addresses: matched.own,
                    declined: matched.declined,
                    cancelled: draft.cancelled,
                    visibility,
                    selected: true,
                    action: CaptureAction::Skip,
                    // Decided below, for every item.
                    reason: CaptureNote::new(CaptureCode::NotSelected, ""),
                    text: if options.keep_text {
                        draft.text.clone()
                    } else {
                        None
                    },
                });
            }
        }
        // An address of a person who was erased is never offered for creation again.
        for (file, address) in self.untick_forgotten(&mut plan.items)? {
            if let Some(entry) = plan.files.iter_mut().find(|f| f.file == file) {
                entry.warnings.push(CaptureNote::new(
                    CaptureCode::ForgottenPerson,
                    t!(language, "capture-note-forgotten_person", address = address),
                ));
            }
        }
        // The same meeting in two files (an invitation and a calendar export): the newest
        // version counts, the others are skipped.
        let mut newest: HashMap<&str, usize> = HashMap::new();
        for (index, item) in plan.items.iter().enumerate() {
            let best = newest.entry(&item.source_id).or_insert(index);
            if plan.items[*best].sequence < item.sequence {
                *best = index;
            }
        }
        let keep: HashSet<usize> = newest.into_values().collect();
        for index in 0..plan.items.len() {
            let (action, reason) = if keep.contains(&index) {
                let item = &plan.items[index];
                self.decide(
                    profile.networker,
                    item,
                    stakeholders_in(item),
                    now,
                    language,
                )?
            } else {
                (
                    CaptureAction::Skip,
                    CaptureNote::new(
                        CaptureCode::Duplicate,
                        t!(language, "capture-note-duplicate"),
                    ),
                )
            };
            plan.items[index].action = action;
            plan.items[index].reason = reason;
        }
        Ok(plan)
    }

    /// What to do with an item, given what the store holds now.
    fn decide(
        &self,
        networker: RecordId,
        item: &CaptureItem,
        stakeholders: usize,
        now: DateTime<Utc>,
        language: Language,
    ) -> StoreResult<(CaptureAction, CaptureNote)> {
        use CaptureAction::*;
        let note = |code: CaptureCode, words: String| CaptureNote::new(code, words);
        let interaction = self.state(capture_id(networker, "interaction", &item.source_id))?;
        let follow_up = self.state(capture_id(networker, "follow_up", &item.source_id))?;
        let live = |state: &Option<RecordState>| state.as_ref().is_some_and(|s| !s.is_deleted());
        let open_follow_up = follow_up.as_ref().is_some_and(|state| {
            !state.is_deleted() && state.current("done") != Some(serde_json::Value::Bool(true))
        });
        if !item.selected {
            return Ok((
                Skip,
                note(
                    CaptureCode::NotSelected,
                    t!(language, "capture-note-not_selected"),
                ),
            ));
        }
        // The dates Kring keeps (`crate::model::bounds`): a header or an invitation dated 2150 is not
        // logged or planned, and an e-mail dated ahead (a sender's clock, a forged header) is
        // not logged as a contact that happened — a meeting still to come becomes a follow-up.
        if let Err(error) = crate::model::bounds::check_moment("at", item.at) {
            return Ok((
                Skip,
                note(CaptureCode::DateOutOfRange, error.reason_in(language)),
            ));
        }
        if item.kind == InteractionKind::Email
            && item.at.to_utc() > now + crate::model::bounds::INTERACTION_GRACE
        {
            return Ok((
                Skip,
                note(
                    CaptureCode::DatedAhead,
                    t!(
                        language,
                        "capture-dated-ahead",
                        at = item.at.format("%Y-%m-%d %H:%M").to_string()
                    ),
                ),
            ));
        }
        if item.cancelled {
            return Ok(if live(&interaction) {
                (
                    Withdraw,
                    note(
                        CaptureCode::CancelledWithdrawn,
                        t!(language, "capture-note-cancelled_withdrawn"),
                    ),
                )
            } else if open_follow_up {
                (
                    Withdraw,
                    note(
                        CaptureCode::CancelledWithdrawn,
                        t!(language, "capture-note-cancelled_withdrawn-2"),
                    ),
                )
            } else {
                (
                    Skip,
                    note(
                        CaptureCode::Cancelled,
                        t!(language, "capture-note-cancelled"),
                    ),
                )
            });
        }
        if stakeholders == 0 {
            return Ok((
                Skip,
                note(
                    CaptureCode::NoKnownStakeholder,
                    t!(
                        language,
                        "capture-no-known-stakeholder",
                        unknown = item.unknown.len()
                    ),
                ),
            ));
        }
        if let Some(state) = &interaction {
            return Ok(if state.is_deleted() {
                (
                    Skip,
                    note(
                        CaptureCode::WithdrawnEarlier,
                        t!(language, "capture-note-withdrawn_earlier"),
                    ),
                )
            } else if u64::from(item.sequence) > source_sequence(state) {
                (
                    Update,
                    note(CaptureCode::Updated, t!(language, "capture-note-updated")),
                )
            } else {
                (
                    Skip,
                    note(
                        CaptureCode::AlreadyLogged,
                        t!(language, "capture-note-already_logged"),
                    ),
                )
            });
        }
        let future = item.at.to_utc() > now && item.kind != InteractionKind::Email;
        if future {
            return Ok(match &follow_up {
                Some(state) if state.is_deleted() => (
                    Skip,
                    note(
                        CaptureCode::WithdrawnEarlier,
                        t!(language, "capture-note-withdrawn_earlier-2"),
                    ),
                ),
                Some(state) if u64::from(item.sequence) > source_sequence(state) => (
                    UpdateFollowUp,
                    note(
                        CaptureCode::FollowUpUpdated,
                        t!(language, "capture-note-follow_up_updated"),
                    ),
                ),
                Some(_) => (
                    Skip,
                    note(
                        CaptureCode::AlreadyPlanned,
                        t!(language, "capture-note-already_planned"),
                    ),
                ),
                None => (
                    FollowUp,
                    note(
                        CaptureCode::StillToCome,
                        t!(language, "capture-note-still_to_come"),
                    ),
                ),
            });
        }
        Ok((
            Log,
            note(CaptureCode::Log, t!(language, "capture-note-log")),
        ))
    }

    /// Carries out a plan (as the app or the person edited it): creates the ticked unknown
    /// people, logs, updates, plans follow-ups, all in one transaction; then withdraws what was
    /// cancelled. What each item comes to is decided again against the store as it is now, so a
    /// plan applied twice does everything once.
    pub fn apply_capture(
        &self,
        plan: &CapturePlan,
        now: DateTime<Utc>,
    ) -> StoreResult<CaptureOutcome> {
        self.apply_capture_speaking(plan, now, Language::English)
    }

    /// [`Store::apply_capture`], the outcome's reasons worded in `language`.
    pub fn apply_capture_speaking(
        &self,
        plan: &CapturePlan,
        now: DateTime<Utc>,
        language: Language,
    ) -> StoreResult<CaptureOutcome> {
        let profile = self.require_profile()?;
        let networker = profile.networker;
        let directory = Directory::load(self, now.date_naive())?;
        check_plan(self, plan)?;
        // A plan edited by hand may have ticked an erased person's address: it stays unticked.
        let mut plan = plan.clone();
        self.untick_forgotten(&mut plan.items)?;
        let plan = &plan;

        let mut outcome = CaptureOutcome::default();
        let mut batch = self.log_batch()?;
        let mut millis = now.timestamp_millis() as u64;
        let mut next_id = || {
            millis += 1;
            RecordId::new_v7(millis)
        };

        // Ticked unknown addresses become people, once each, with the visibility of the first
        // item that ticked them (as restrictive as the capture, never less than the default).
        let mut created: HashMap<String, RecordId> = HashMap::new();
        for item in plan.items.iter().filter(|item| item.selected) {
            for unknown in item.unknown.iter().filter(|u| u.create) {
                let Some(key) = mailbox_key(&unknown.address) else {
                    continue;
                };
                if created.contains_key(&key) || directory.by_key.contains_key(&key) {
                    continue;
                }
                let person = Person {
                    display_name: unknown
                        .name
                        .clone()
                        .unwrap_or_else(|| unknown.address.clone()),
                    given_name: unknown.given_name.clone(),
                    family_name: unknown.family_name.clone(),
                    emails: vec![unknown.address.clone()],
                    ..Person::default()
                };
                person.validate()?;
                let id = next_id();
                batch.create(NewRecord {
                    visibility: Some(item.visibility),
                    ..NewRecord::new(id, &person)
                });
                if let Some(organisation) = unknown.organisation {
                    if self
                        .live_state(organisation)?
                        .is_some_and(|s| s.kind == RecordKind::Organisation.as_str())
                    {
                        batch.create(NewRecord {
                            visibility: Some(item.visibility),
                            ..NewRecord::new(
                                next_id(),
                                &Affiliation {
                                    person: id,
                                    organisation,
                                    title: None,
                                    from: Some(now.date_naive()),
                                    to: None,
                                },
                            )
                        });
                    }
                }
                created.insert(key, id);
                outcome.people_created += 1;
            }
        }

        let mut withdrawals = Vec::new();
        let mut tighten = Vec::new();
        let mut done_sources = HashSet::new();
        for item in &plan.items {
            let mut participants: Vec<RecordId> = vec![networker];
            let mut stakeholders = 0;
            for person in &item.people {
                if !participants.contains(&person.id) {
                    participants.push(person.id);
                    if directory
                        .cards
                        .get(&person.id)
                        .is_some_and(|info| info.kind.is_stakeholder())
                    {
                        stakeholders += 1;
                    }
                }
            }
            for unknown in item.unknown.iter().filter(|u| u.create) {
                let known = mailbox_key(&unknown.address)
                    .and_then(|key| created.get(&key).or(directory.by_key.get(&key)).copied());
                if let Some(id) = known {
                    if !participants.contains(&id) {
                        participants.push(id);
                        stakeholders += 1;
                    }
                }
            }
            let (action, reason) = if done_sources.insert(item.source_id.clone()) {
                self.decide(networker, item, stakeholders, now, language)?
            } else {
                (
                    CaptureAction::Skip,
                    CaptureNote::new(
                        CaptureCode::Duplicate,
                        t!(language, "capture-note-duplicate-2"),
                    ),
                )
            };
            let interaction_id = capture_id(networker, "interaction", &item.source_id);
            let follow_up_id = capture_id(networker, "follow_up", &item.source_id);
            let mut record = CapturedItem {
                source_id: item.source_id.clone(),
                action,
                reason,
                interaction: None,
                follow_up: None,
            };
            let extra = source_fields(item);
            let summary = summary_of(item);
            match action {
                CaptureAction::Log | CaptureAction::Update => {
                    let existing = action == CaptureAction::Update;
                    let mut interaction = Interaction {
                        kind: item.kind,
                        at: item.at,
                        participants: participants.clone(),
                        summary,
                        outcomes: Vec::new(),
                    };
                    let mut visibility = Some(item.visibility);
                    if existing {
                        let state = self
                            .live_state(interaction_id)?
                            .expect("decide saw it live");
                        // Outcomes written by hand stay; the visibility is tightened below,
                        // never loosened.
                        interaction.outcomes = body_of::<Interaction>(&state)?.outcomes;
                        let current = visibility_of(&state);
                        if item.visibility < current {
                            tighten.push((interaction_id, item.visibility));
                        }
                        visibility = Some(current.min(item.visibility));
                    }
                    batch.interaction(
                        self,
                        interaction_id,
                        &interaction,
                        &extra,
                        visibility,
                        existing,
                    )?;
                    if existing {
                        outcome.updated += 1;
                    } else {
                        outcome.logged += 1;
                    }
                    record.interaction = Some(interaction_id);
                    // A meeting planned as a follow-up has now happened.
                    if let Some(state) = self.live_state(follow_up_id)? {
                        let mut follow_up: FollowUp = body_of(&state)?;
                        if !follow_up.done {
                            follow_up.done = true;
                            follow_up.interaction = Some(interaction_id);
                            batch.update(follow_up_id, with_fields(&follow_up, &extra));
                            record.follow_up = Some(follow_up_id);
                        }
                    }
                    if let Some(text) = &item.text {
                        let note_id = capture_id(networker, "note", &item.source_id);
                        let note = Note {
                            about: interaction_id,
                            text: text.clone(),
                        };
                        if self.live_state(note_id)?.is_some() {
                            batch.update(note_id, with_fields(&note, &extra));
                        } else if self.state(note_id)?.is_none() {
                            batch.create(NewRecord {
                                visibility,
                                body: with_fields(&note, &extra),
                                ..NewRecord::new(note_id, &note)
                            });
                            outcome.notes_added += 1;
                        }
                    }
                }
                CaptureAction::FollowUp | CaptureAction::UpdateFollowUp => {
                    let follow_up = FollowUp {
                        interaction: None,
                        about: participants[1..].to_vec(),
                        text: follow_up_text(item),
                        due: item.at.date_naive(),
                        done: false,
                    };
                    let body = with_fields(&follow_up, &extra);
                    if action == CaptureAction::FollowUp {
                        batch.create(NewRecord {
                            visibility: Some(item.visibility),
                            body,
                            ..NewRecord::new(follow_up_id, &follow_up)
                        });
                        outcome.follow_ups_planned += 1;
                    } else {
                        batch.update(follow_up_id, body);
                        outcome.follow_ups_updated += 1;
                    }
                    record.follow_up = Some(follow_up_id);
                }
                CaptureAction::Withdraw => {
                    if self.live_state(interaction_id)?.is_some() {
                        withdrawals.push(interaction_id);
                        record.interaction = Some(interaction_id);
                    }
                    if self.live_state(follow_up_id)?.is_some() {
                        withdrawals.push(follow_up_id);
                        record.follow_up = Some(follow_up_id);
                    }
                    outcome.withdrawn += 1;
                }
                CaptureAction::Skip => outcome.skipped += 1,
            }
            outcome.items.push(record);
        }
        self.write_log_batch(batch, now)?;
        for id in withdrawals {
            self.delete(id, now)?;
        }
        for (id, visibility) in tighten {
            self.set_visibility(id, visibility, now)?;
        }
        Ok(outcome)
    }
}

fn stakeholders_in(item: &CaptureItem) -> usize {
    item.people
        .iter()
        .filter(|p| p.kind == "person" || p.kind == "organisation")
        .count()
        + item.unknown.iter().filter(|u| u.create).count()
}

/// The fields capture keeps beside a record's own: the draft's identity, sequence and place.
fn source_fields(item: &CaptureItem) -> serde_json::Map<String, serde_json::Value> {
    let mut fields = serde_json::Map::new();
    fields.insert(SOURCE_ID_FIELD.into(), item.source_id.clone().into());
    fields.insert(SOURCE_SEQUENCE_FIELD.into(), item.sequence.into());
    if let Some(location) = &item.location {
        fields.insert(LOCATION_FIELD.into(), location.clone().into());
    }
    fields
}

fn with_fields<T: Serialize>(
    body: &T,
    extra: &serde_json::Map<String, serde_json::Value>,
) -> serde_json::Value {
    let mut json = serde_json::to_value(body).expect("record bodies serialise to JSON");
    if let Some(object) = json.as_object_mut() {
        for (field, value) in extra {
            object.insert(field.clone(), value.clone());
        }
    }
    json
}

/// An interaction's summary: the subject, or what it was when there is none.
fn summary_of(item: &CaptureItem) -> String {
    let subject = item.subject.trim();
    if !subject.is_empty() {
        return subject.to_owned();
    }
    match item.kind {
        InteractionKind::Email => "E-mail without a subject".to_owned(),
        InteractionKind::Call => "Call".to_owned(),
        _ => "Meeting".to_owned(),
    }
}

/// A follow-up's text for a meeting still to come: "Meeting at 14:00: Havenoverleg (Havenhuis)".
fn follow_up_text(item: &CaptureItem) -> String {
    let what = match item.kind {
        InteractionKind::Call => "Call",
        _ => "Meeting",
    };
    let when = if item.all_day {
        String::new()
    } else {
        format!(" at {}", item.at.format("%H:%M"))
    };
    let place = item
        .location
        .as_deref()
        .map(|l| format!(" ({l})"))
        .unwrap_or_default();
    format!("{what}{when}: {}{place}", summary_of(item))
}

/// A plan that came back from the app is checked before anything is written: every card it
/// names exists and may take part in an interaction, every address to add is one.
fn check_plan(store: &Store, plan: &CapturePlan) -> StoreResult<()> {
    for item in plan.items.iter().filter(|item| item.selected) {
        if item.source_id.trim().is_empty() {
            return Err(ValidationError::worded("source_id", "item_without_identity", &[]).into());
        }
        for person in &item.people {
            let kind = store
                .live_state(person.id)?
                .and_then(|state| state.kind.parse::<RecordKind>().ok());
            if !kind.is_some_and(|k| k.is_stakeholder() || k == RecordKind::Networker) {
                return Err(ValidationError::worded(
                    "people",
                    "no_card_to_log_with",
                    &[
                        ("id", person.id.to_string().into()),
                        ("subject", item.subject.as_str().into()),
                    ],
                )
                .into());
            }
        }
        for unknown in item.unknown.iter().filter(|u| u.create) {
            validate_email("unknown", &unknown.address)?;
        }
    }
    Ok(())
}

/// A file's bytes, refused before reading when it is larger than any capture reads.
fn read_bounded(path: &std::path::Path, language: Language) -> Result<Vec<u8>, CaptureNote> {
    let limit = MAX_CALENDAR_BYTES.max(MAX_EMAIL_BYTES);
    let metadata = std::fs::metadata(path).map_err(|e| unreadable(&e, language))?;
    if metadata.is_dir() {
        return Err(CaptureNote::new(
            CaptureCode::Unreadable,
            t!(language, "capture-note-unreadable"),
        ));
    }
    if metadata.len() > limit as u64 {
        // Figures as they are (no thousands separator): the English says what it always said.
        return Err(CaptureNote::new(
            CaptureCode::TooLarge,
            t!(
                language,
                "capture-note-too_large",
                bytes = metadata.len().to_string(),
                limit = limit.to_string()
            ),
        ));
    }
    std::fs::read(path).map_err(|e| unreadable(&e, language))
}

fn unreadable(error: &std::io::Error, language: Language) -> CaptureNote {
    let why = match error.kind() {
        std::io::ErrorKind::NotFound => t!(language, "capture-note-unreadable-2"),
        std::io::ErrorKind::PermissionDenied => t!(language, "capture-note-unreadable-3"),
        // The system's own words, quoted.
        _ => t!(
            language,
            "capture-note-cannot-be-read",
            error = error.to_string()
        ),
    };
    CaptureNote::new(CaptureCode::Unreadable, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gmail_addresses_match_without_dots_and_tags_and_others_only_by_case() {
        assert_eq!(
            mailbox_key("Jan.Peeters+kring@GoogleMail.com").as_deref(),
            Some("janpeeters@gmail.com")
        );
        assert_eq!(
            mailbox_key("jan.peeters+news@outlook.com").as_deref(),
            Some("jan.peeters@outlook.com")
        );
        assert_eq!(
            mailbox_key("MAILTO:Jan.Peeters+x@Antwerpen.BE").as_deref(),
            Some("jan.peeters+x@antwerpen.be"),
            "a tag may be part of the address at other domains"
        );
        assert_eq!(mailbox_key("not an address"), None);
        assert_eq!(mailbox_key("+tag@gmail.com"), None);
    }

    #[test]
    fn only_ics_and_eml_files_are_read_and_every_other_file_is_refused_in_words_before_reading() {
        let english = Language::English;
        assert_eq!(refused_by_name("/tmp/Invitation.ICS", english), None);
        assert_eq!(refused_by_name("reply.eml", english), None);
        assert_eq!(
            refused_by_name("Overleg.msg", english),
            None,
            "the reader refuses Outlook's own format with advice of its own"
        );
        for name in ["photo.jpg", "agenda.ics.exe", "no-extension", "ics"] {
            let note =
                refused_by_name(name, english).unwrap_or_else(|| panic!("{name} is refused"));
            assert!(note.message.contains("(.ics)"), "{}", note.message);
        }
        let dutch = refused_by_name("photo.jpg", Language::Dutch).unwrap();
        assert_eq!(dutch.code, "unsupported_file");
        assert!(dutch.message.contains("(.eml)"), "{}", dutch.message);
        assert!(!dutch.message.contains("saved e-mail"), "{}", dutch.message);
        let (read, refused) = split_by_name(
            &[
                PathBuf::from("a.ics"),
                PathBuf::from("b.txt"),
                PathBuf::from("c.eml"),
            ],
            english,
        );
        assert_eq!(read, [PathBuf::from("a.ics"), PathBuf::from("c.eml")]);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].file, "b.txt");
        assert_eq!(refused[0].error.as_ref().unwrap().code, "unsupported_file");
    }

    #[test]
    fn the_visibility_is_the_most_restrictive_of_the_default_and_the_cards() {
        use Visibility::*;
        assert_eq!(capture_visibility(Shared, [Shared, Shared]), Shared);
        assert_eq!(capture_visibility(Shared, [Shared, Private]), Private);
        assert_eq!(capture_visibility(Summary, [Shared]), Summary);
        assert_eq!(capture_visibility(Shared, []), Shared);
    }

    #[test]
    fn ids_are_the_same_for_the_same_networker_and_draft_only() {
        let me = RecordId::new_v7(1);
        let colleague = RecordId::new_v7(2);
        assert_eq!(
            capture_id(me, "interaction", "uid"),
            capture_id(me, "interaction", "uid")
        );
        assert_ne!(
            capture_id(me, "interaction", "uid"),
            capture_id(me, "follow_up", "uid")
        );
        assert_ne!(
            capture_id(me, "interaction", "uid"),
            capture_id(colleague, "interaction", "uid")
        );
        assert_ne!(
            capture_id(me, "interaction", "a"),
            capture_id(me, "interaction", "b")
        );
    }
}
