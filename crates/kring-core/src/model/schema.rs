//! One table per record kind: each field's type, whether it is a set, whether it is required and
//! whether it belongs to the kind's summary; and the checks that hold a value to its field's type.
//!
//! Records travel between stores as generic field maps ([`RecordState`]): registers whose
//! versions hold canonical JSON, and add-wins sets of JSON elements. Nothing in that shape says
//! that a person's `display_name` is text, so a record from outside must be held to this table
//! before it merges: [`check_field_bytes`] for every version that arrives, [`check_element_bytes`]
//! for every set element, [`check_record`] for a whole stored record (`kring check`).
//!
//! What is checked is what one value can be checked for alone: its JSON type, its format (an
//! e-mail address, a date, a score 1–5, a record id as Kring writes it), its size, and whether the
//! field is a register or a set. Rules between fields (an affiliation ends after it starts, a team
//! is accountable only for stakeholders it looks after) belong to the typed bodies'
//! [`RecordBody::validate`], because concurrent edits that each keep them may break them together
//! after a merge; whether a referenced record exists and is of the right kind needs the store.
//!
//! A field a known kind does not have passes, and so does every field of a kind this Kring does not
//! know: a newer Kring may have added them, and they must travel on through this one. The envelope
//! fields every record has (`visibility`, `deleted`, `created_at`, `author`) are checked for every
//! kind, known or not, because this Kring reads them on every record (they decide what is exported
//! and what is live).
//!
//! Checking a version is cheap: the bytes are parsed once into a borrowed JSON tree (text without
//! escapes is not copied), and a field the table does not list is not parsed at all.
//!
//! ```
//! use kring_core::schema::check_field;
//! let error = check_field("person", "display_name", &serde_json::json!(42)).unwrap_err();
//! assert_eq!(error.to_string(), "display_name: a number where text is expected");
//! assert!(check_field("person", "shoe_size", &serde_json::json!(44)).is_ok(), "a newer Kring's field");
//! ```

use crate::crdt::{envelope, RecordState};
use crate::model::manager::{
    Event, EventKind, Goal, GoalStatus, Partnership, PartnershipReview, PartnershipStatus,
    StakeholderRating, Team, TeamRole,
};
use crate::model::protection::{
    AccessRequest, Forget, LawfulBasis, Purpose, Restriction, RestrictionStatus, RetentionAction,
    RetentionRule,
};
use crate::model::{
    validate_email, validate_phone, validate_url, Affiliation, FollowUp, Interaction,
    InteractionKind, Level, Link, LinkKind, Networker, NetworkerStatus, Note, Organisation, Person,
    ReasonArgument, ReasonCode, ReasonWords, RecordBody, RecordId, RecordKind, Relationship,
    RelationshipStatus, Role, SameAs, Sector, ValidationError, Visibility,
};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::{self, DeserializeOwned, IntoDeserializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

// ----- text limits -------------------------------------------------------------------------------
//
// Kring's one set of text limits (`bounds.rs` documents them with the limits on lists, dates and
// files). Counted in characters (Unicode scalar values), checked on the byte length first so that
// ordinary text costs no count.

/// Text on one line: a name, a title, a tag, a label, an e-mail address or a phone number.
pub const LINE_MAX_CHARS: usize = 1_000;
/// A web address (browsers and servers commonly handle 2,000 characters).
pub const WEB_ADDRESS_MAX_CHARS: usize = 2_000;
/// Free text: a note, an interaction's summary, a goal's description.
pub const LONG_TEXT_MAX_CHARS: usize = 100_000;

// ----- the table's vocabulary -------------------------------------------------------------------

/// How much text a field may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// At most [`LINE_MAX_CHARS`].
    Line,
    /// At most [`LONG_TEXT_MAX_CHARS`].
    Long,
}

impl TextSize {
    pub fn max_chars(self) -> usize {
        match self {
            TextSize::Line => LINE_MAX_CHARS,
            TextSize::Long => LONG_TEXT_MAX_CHARS,
        }
    }
}

/// The enums whose words a field may hold (serde's spelling, aliases included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    Visibility,
    NetworkerStatus,
    Sector,
    Level,
    RelationshipStatus,
    InteractionKind,
    GoalStatus,
    TeamRole,
    PartnershipStatus,
    EventKind,
    Role,
    MemberStatus,
    LawfulBasis,
    RestrictionStatus,
    RetentionAction,
    /// A record kind's name.
    Kind,
}

fn deserialises_as<T: DeserializeOwned>(word: &str) -> bool {
    let word: de::value::StrDeserializer<'_, de::value::Error> = word.into_deserializer();
    T::deserialize(word).is_ok()
}

impl Words {
    /// Whether the word is one the enum reads (exactly as the typed body would).
    pub fn accepts(self, word: &str) -> bool {
        match self {
            Words::Visibility => deserialises_as::<Visibility>(word),
            Words::NetworkerStatus => deserialises_as::<NetworkerStatus>(word),
            Words::Sector => deserialises_as::<Sector>(word),
            Words::Level => deserialises_as::<Level>(word),
            Words::RelationshipStatus => deserialises_as::<RelationshipStatus>(word),
            Words::InteractionKind => deserialises_as::<InteractionKind>(word),
            Words::GoalStatus => deserialises_as::<GoalStatus>(word),
            Words::TeamRole => deserialises_as::<TeamRole>(word),
            Words::PartnershipStatus => deserialises_as::<PartnershipStatus>(word),
            Words::EventKind => deserialises_as::<EventKind>(word),
            Words::Role => deserialises_as::<Role>(word),
            Words::MemberStatus => deserialises_as::<crate::model::roster::MemberStatus>(word),
            Words::LawfulBasis => deserialises_as::<LawfulBasis>(word),
            Words::RestrictionStatus => deserialises_as::<RestrictionStatus>(word),
            Words::RetentionAction => deserialises_as::<RetentionAction>(word),
            Words::Kind => deserialises_as::<RecordKind>(word),
        }
    }

    /// The words Kring writes, for messages.
    pub fn words(self) -> Vec<&'static str> {
        fn all<T: Copy>(values: &[T], word: fn(T) -> &'static str) -> Vec<&'static str> {
            values.iter().map(|v| word(*v)).collect()
        }
        match self {
            Words::Visibility => all(Visibility::ALL, Visibility::as_str),
            Words::NetworkerStatus => all(NetworkerStatus::ALL, NetworkerStatus::as_str),
            Words::Sector => all(Sector::ALL, Sector::as_str),
            Words::Level => all(Level::ALL, Level::as_str),
            Words::RelationshipStatus => all(RelationshipStatus::ALL, RelationshipStatus::as_str),
            Words::InteractionKind => all(InteractionKind::ALL, InteractionKind::as_str),
            Words::GoalStatus => all(GoalStatus::ALL, GoalStatus::as_str),
            Words::TeamRole => all(TeamRole::ALL, TeamRole::as_str),
            Words::PartnershipStatus => all(PartnershipStatus::ALL, PartnershipStatus::as_str),
            Words::EventKind => all(EventKind::ALL, EventKind::as_str),
            Words::Role => all(Role::ALL, Role::as_str),
            Words::MemberStatus => vec!["enrolled", "removed"],
            Words::LawfulBasis => all(LawfulBasis::ALL, LawfulBasis::as_str),
            Words::RestrictionStatus => all(RestrictionStatus::ALL, RestrictionStatus::as_str),
            Words::RetentionAction => all(RetentionAction::ALL, RetentionAction::as_str),
            Words::Kind => all(RecordKind::ALL, RecordKind::as_str),
        }
    }
}

/// A small object held as one value (a set element): its fields, checked like a record's.
/// Keys it does not list pass, as they do for the typed struct.
#[derive(Debug)]
pub struct ObjectType {
    /// What it is called in messages: "a postal address".
    pub name: &'static str,
    /// Its code, by which each language names it (`schema-expected`): "postal_address".
    pub code: &'static str,
    pub fields: &'static [Field],
}

/// The type of one field's value (of each element, for a set).
#[derive(Clone, Copy, Debug)]
pub enum FieldType {
    /// Any text within the size, blank included.
    Text(TextSize),
    /// Text with something besides spaces in it (a name, a note's text).
    NonBlank(TextSize),
    Email,
    Phone,
    WebAddress,
    /// `YYYY-MM-DD`.
    Date,
    /// RFC 3339 with an offset.
    DateTime,
    /// A record id as Kring writes it (lowercase, hyphenated), pointing at one of these kinds.
    Id(&'static [RecordKind]),
    /// A whole number from 1 to 5.
    Score,
    /// A whole number of days, at least 1 (a cadence, a review interval).
    Days,
    Bool,
    /// One of an enum's words.
    Word(Words),
    Object(&'static ObjectType),
    /// Exactly this many lowercase hexadecimal digits (a node id: 16; an ed25519 key: 64).
    Hex(usize),
    /// An age X25519 recipient (`age1…`).
    AgeRecipient,
}

impl FieldType {
    /// What a value of this type is, in words: "text", "a date (YYYY-MM-DD)".
    pub fn describe(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            FieldType::Text(_) | FieldType::NonBlank(_) => "text",
            FieldType::Email => "an e-mail address",
            FieldType::Phone => "a phone number",
            FieldType::WebAddress => "a web address",
            FieldType::Date => "a date (YYYY-MM-DD)",
            FieldType::DateTime => "a date and time",
            FieldType::Id(_) => "a record id",
            FieldType::Score => "a score from 1 to 5",
            FieldType::Days => "a number of days",
            FieldType::Bool => "true or false",
            FieldType::Word(words) => {
                return Cow::Owned(format!("one of {}", words.words().join(", ")));
            }
            FieldType::Object(object) => object.name,
            FieldType::Hex(16) => "a node id (16 hexadecimal digits)",
            FieldType::Hex(_) => "a key in hexadecimal",
            FieldType::AgeRecipient => "an age recipient (age1…)",
        })
    }

    /// What a value of this type is, as the code each language words (`schema-expected`).
    fn expected_code(&self) -> &'static str {
        match self {
            FieldType::Text(_) | FieldType::NonBlank(_) => "text",
            FieldType::Email => "email",
            FieldType::Phone => "phone",
            FieldType::WebAddress => "web_address",
            FieldType::Date => "date",
            FieldType::DateTime => "date_time",
            FieldType::Id(_) => "record_id",
            FieldType::Score => "score",
            FieldType::Days => "days",
            FieldType::Bool => "bool",
            FieldType::Word(_) => "word",
            FieldType::Object(object) => object.code,
            FieldType::Hex(16) => "node_id",
            FieldType::Hex(_) => "hex",
            FieldType::AgeRecipient => "age_recipient",
        }
    }

    /// What a value of this type is, in `language` ([`FieldType::describe`] in English).
    fn described_in(&self, language: kring_i18n::Language) -> String {
        let choices = match self {
            FieldType::Word(words) => words.words().join(", "),
            _ => String::new(),
        };
        kring_i18n::t!(
            language,
            "schema-expected",
            expected = self.expected_code(),
            choices = choices
        )
    }
}

/// Whether a field must hold a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// The body cannot do without it: the typed struct has no default for it, or its validation
    /// refuses the default (a blank name). Null is refused.
    Required,
    /// It may be absent, when it takes its default (false, no elements); null is refused.
    Defaulted,
    /// It may be absent or null (an `Option` in the typed struct).
    Optional,
}

/// One field of a kind.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    /// For a set, the type of each element.
    pub ty: FieldType,
    /// An add-wins set (agrees with [`RecordKind::set_fields`]) rather than a register.
    pub set: bool,
    pub presence: Presence,
    /// Part of the summary projection (agrees with [`RecordKind::summary_fields`]).
    pub summary: bool,
}

const fn required(name: &'static str, ty: FieldType) -> Field {
    Field {
        name,
        ty,
        set: false,
        presence: Presence::Required,
        summary: false,
    }
}

const fn optional(name: &'static str, ty: FieldType) -> Field {
    Field {
        presence: Presence::Optional,
        ..required(name, ty)
    }
}

const fn defaulted(name: &'static str, ty: FieldType) -> Field {
    Field {
        presence: Presence::Defaulted,
        ..required(name, ty)
    }
}

/// A set whose elements are of `ty`; it may be empty.
const fn set(name: &'static str, ty: FieldType) -> Field {
    Field {
        set: true,
        ..defaulted(name, ty)
    }
}

impl Field {
    const fn summary(self) -> Field {
        Field {
            summary: true,
            ..self
        }
    }

    const fn required(self) -> Field {
        Field {
            presence: Presence::Required,
            ..self
        }
    }
}

/// A reference from a body: the field, the id and the kinds allowed there.
pub type Reference = (&'static str, RecordId, &'static [RecordKind]);

/// What only the typed struct of a kind can do: its default body, its validation (with the rules
/// between fields) and the references it makes.
#[derive(Clone, Copy)]
pub struct BodyOps {
    /// The JSON of the kind's empty body: every field present with its default value.
    pub default_body: fn() -> serde_json::Value,
    /// Deserialises the body into the typed struct and runs its validation.
    pub validate: fn(&serde_json::Value) -> Result<(), ValidationError>,
    pub references: fn(&serde_json::Value) -> Result<Vec<Reference>, ValidationError>,
}

impl fmt::Debug for BodyOps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BodyOps")
    }
}

const fn ops<T: RecordBody>(default_body: fn() -> serde_json::Value) -> BodyOps {
    BodyOps {
        default_body,
        validate: typed_validate::<T>,
        references: typed_references::<T>,
    }
}

/// The table of one kind.
#[derive(Debug)]
pub struct KindTable {
    pub kind: RecordKind,
    /// In the typed struct's order.
    pub fields: &'static [Field],
    pub body: BodyOps,
}

impl KindTable {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

// ----- the tables --------------------------------------------------------------------------------

use FieldType::{
    Bool, Date, DateTime as DateAndTime, Days, Email, Id, NonBlank, Object, Phone, Score, Text,
    WebAddress, Word,
};
use TextSize::{Line, Long};

const STAKEHOLDERS: &[RecordKind] = &[RecordKind::Person, RecordKind::Organisation];
const PEOPLE: &[RecordKind] = &[
    RecordKind::Person,
    RecordKind::Organisation,
    RecordKind::Networker,
];
const NETWORKER: &[RecordKind] = &[RecordKind::Networker];
const ORGANISATION: &[RecordKind] = &[RecordKind::Organisation];
const ANY: &[RecordKind] = RecordKind::ALL;

/// The fields every record has, whatever its kind.
pub static ENVELOPE: &[Field] = &[
    defaulted(envelope::VISIBILITY, Word(Words::Visibility)),
    defaulted(envelope::DELETED, Bool),
    defaulted(envelope::CREATED_AT, DateAndTime),
    defaulted(envelope::AUTHOR, Id(NETWORKER)),
];

pub static POSTAL_ADDRESS: ObjectType = ObjectType {
    name: "a postal address",
    code: "postal_address",
    fields: &[
        optional("street", Text(Line)),
        optional("locality", Text(Line)),
        optional("region", Text(Line)),
        optional("postal_code", Text(Line)),
        optional("country", Text(Line)),
    ],
};

pub static TEAM_MEMBER: ObjectType = ObjectType {
    name: "a team member",
    code: "team_member",
    fields: &[
        required("networker", Id(NETWORKER)),
        required("role", Word(Words::TeamRole)),
    ],
};

pub static ACCOUNTABILITY: ObjectType = ObjectType {
    name: "an accountability",
    code: "accountability",
    fields: &[
        required("stakeholder", Id(STAKEHOLDERS)),
        required("networker", Id(NETWORKER)),
    ],
};

pub static PARTNER_ACCOUNTABILITY: ObjectType = ObjectType {
    name: "a partner's accountability",
    code: "partner_accountability",
    fields: &[
        required("partner", Id(ORGANISATION)),
        required("text", NonBlank(Long)),
    ],
};

fn json_of<T: Serialize>(body: &T) -> serde_json::Value {
    serde_json::to_value(body).expect("record bodies serialise to JSON")
}

const NIL: RecordId = RecordId(uuid::Uuid::nil());

fn epoch() -> DateTime<FixedOffset> {
    DateTime::UNIX_EPOCH.fixed_offset()
}

pub static NETWORKER_TABLE: KindTable = KindTable {
    kind: RecordKind::Networker,
    fields: &[
        required("name", NonBlank(Line)).summary(),
        optional("email", Email),
        optional("unit", Text(Line)),
        optional("job_title", Text(Line)),
        optional("status", Word(Words::NetworkerStatus)).summary(),
    ],
    body: ops::<Networker>(|| json_of(&Networker::default())),
};

pub static PERSON_TABLE: KindTable = KindTable {
    kind: RecordKind::Person,
    fields: &[
        required("display_name", NonBlank(Line)).summary(),
        optional("given_name", Text(Line)),
        optional("family_name", Text(Line)),
        optional("honorific", Text(Line)),
        optional("job_title", Text(Line)),
        set("emails", Email),
        set("phones", Phone),
        set("addresses", Object(&POSTAL_ADDRESS)),
        set("websites", WebAddress),
        set("social_handles", Text(Line)),
        set("languages", Text(Line)),
        set("tags", NonBlank(Line)),
    ],
    body: ops::<Person>(|| json_of(&Person::default())),
};

pub static ORGANISATION_TABLE: KindTable = KindTable {
    kind: RecordKind::Organisation,
    fields: &[
        required("name", NonBlank(Line)).summary(),
        optional("sector", Word(Words::Sector)),
        optional("level", Word(Words::Level)),
        optional("parent", Id(ORGANISATION)),
        optional("website", WebAddress),
        set("tags", NonBlank(Line)),
    ],
    body: ops::<Organisation>(|| json_of(&Organisation::default())),
};

pub static AFFILIATION_TABLE: KindTable = KindTable {
    kind: RecordKind::Affiliation,
    fields: &[
        required("person", Id(&[RecordKind::Person])).summary(),
        required("organisation", Id(ORGANISATION)).summary(),
        optional("title", Text(Line)),
        optional("from", Date),
        optional("to", Date),
    ],
    body: ops::<Affiliation>(|| {
        json_of(&Affiliation {
            person: NIL,
            organisation: NIL,
            title: None,
            from: None,
            to: None,
        })
    }),
};

pub static RELATIONSHIP_TABLE: KindTable = KindTable {
    kind: RecordKind::Relationship,
    fields: &[
        required("networker", Id(NETWORKER)).summary(),
        required("stakeholder", Id(STAKEHOLDERS)).summary(),
        required("strength", Score).summary(),
        optional("trust", Score),
        set("given", Text(Line)),
        set("received", Text(Line)),
        optional("since", Date),
        optional("cadence_days", Days),
        optional("status", Word(Words::RelationshipStatus)),
        optional("last_contact", DateAndTime).summary(),
    ],
    body: ops::<Relationship>(|| {
        json_of(&Relationship {
            networker: NIL,
            stakeholder: NIL,
            strength: 1,
            trust: None,
            given: vec![],
            received: vec![],
            since: None,
            cadence_days: None,
            status: None,
            last_contact: None,
        })
    }),
};

pub static INTERACTION_TABLE: KindTable = KindTable {
    kind: RecordKind::Interaction,
    fields: &[
        required("kind", Word(Words::InteractionKind)),
        required("at", DateAndTime),
        set("participants", Id(PEOPLE)).required(),
        required("summary", NonBlank(Long)),
        set("outcomes", Text(Long)),
    ],
    body: ops::<Interaction>(|| {
        json_of(&Interaction {
            kind: InteractionKind::Other,
            at: epoch(),
            participants: vec![],
            summary: String::new(),
            outcomes: vec![],
        })
    }),
};

pub static FOLLOW_UP_TABLE: KindTable = KindTable {
    kind: RecordKind::FollowUp,
    fields: &[
        optional("interaction", Id(&[RecordKind::Interaction])),
        set("about", Id(PEOPLE)),
        required("text", NonBlank(Long)),
        required("due", Date),
        defaulted("done", Bool),
    ],
    body: ops::<FollowUp>(|| {
        json_of(&FollowUp {
            interaction: None,
            about: vec![],
            text: String::new(),
            due: epoch().date_naive(),
            done: false,
        })
    }),
};

pub static LINK_TABLE: KindTable = KindTable {
    kind: RecordKind::Link,
    fields: &[
        required("from", Id(STAKEHOLDERS)).summary(),
        required("to", Id(STAKEHOLDERS)).summary(),
        required("kind", NonBlank(Line)).summary(),
    ],
    body: ops::<Link>(|| {
        json_of(&Link {
            from: NIL,
            to: NIL,
            kind: LinkKind(String::new()),
        })
    }),
};

pub static NOTE_TABLE: KindTable = KindTable {
    kind: RecordKind::Note,
    fields: &[required("about", Id(ANY)), required("text", NonBlank(Long))],
    body: ops::<Note>(|| {
        json_of(&Note {
            about: NIL,
            text: String::new(),
        })
    }),
};

pub static SAME_AS_TABLE: KindTable = KindTable {
    kind: RecordKind::SameAs,
    fields: &[
        required("a", Id(STAKEHOLDERS)).summary(),
        required("b", Id(STAKEHOLDERS)).summary(),
        required("same", Bool).summary(),
    ],
    body: ops::<SameAs>(|| {
        json_of(&SameAs {
            a: NIL,
            b: NIL,
            same: true,
        })
    }),
};

pub static GOAL_TABLE: KindTable = KindTable {
    kind: RecordKind::Goal,
    fields: &[
        required("name", NonBlank(Line)).summary(),
        optional("description", Text(Long)),
        optional("vision", Text(Long)),
        optional("status", Word(Words::GoalStatus)),
        optional("until", Date),
        set("priority_stakeholders", Id(STAKEHOLDERS)),
        set("relationships", Id(&[RecordKind::Relationship])),
        set("interactions", Id(&[RecordKind::Interaction])),
        set("events", Id(&[RecordKind::Event])),
    ],
    body: ops::<Goal>(|| json_of(&Goal::default())),
};

pub static TEAM_TABLE: KindTable = KindTable {
    kind: RecordKind::Team,
    fields: &[
        required("name", NonBlank(Line)).summary(),
        optional("purpose", Text(Long)),
        set("members", Object(&TEAM_MEMBER)),
        set("stakeholders", Id(STAKEHOLDERS)),
        set("accountable", Object(&ACCOUNTABILITY)),
    ],
    body: ops::<Team>(|| json_of(&Team::default())),
};

pub static PARTNERSHIP_TABLE: KindTable = KindTable {
    kind: RecordKind::Partnership,
    fields: &[
        required("name", NonBlank(Line)).summary(),
        optional("status", Word(Words::PartnershipStatus)).summary(),
        set("partners", Id(ORGANISATION)),
        set("objectives", NonBlank(Long)),
        set("accountabilities", Object(&PARTNER_ACCOUNTABILITY)),
        set("red_lines", NonBlank(Line)),
        optional("benefits_and_risks", Text(Long)),
        optional("exit_arrangements", Text(Long)),
        optional("review_every_days", Days),
        optional("started", Date),
        optional("lead", Id(NETWORKER)),
    ],
    body: ops::<Partnership>(|| json_of(&Partnership::default())),
};

pub static PARTNERSHIP_REVIEW_TABLE: KindTable = KindTable {
    kind: RecordKind::PartnershipReview,
    fields: &[
        required("partnership", Id(&[RecordKind::Partnership])),
        required("date", Date),
        required("values_based_leadership", Score),
        required("sharing_credit", Score),
        required("outcomes_for_communities", Score),
        required("communication_and_listening", Score),
        required("empowering_staff", Score),
        optional("notes", Text(Long)),
        optional("reviewer", Id(NETWORKER)),
    ],
    body: ops::<PartnershipReview>(|| {
        json_of(&PartnershipReview {
            partnership: NIL,
            date: epoch().date_naive(),
            values_based_leadership: 1,
            sharing_credit: 1,
            outcomes_for_communities: 1,
            communication_and_listening: 1,
            empowering_staff: 1,
            notes: None,
            reviewer: None,
        })
    }),
};

pub static EVENT_TABLE: KindTable = KindTable {
    kind: RecordKind::Event,
    fields: &[
        required("name", NonBlank(Line)).summary(),
        required("kind", Word(Words::EventKind)).summary(),
        required("at", DateAndTime).summary(),
        optional("location", Text(Line)),
        set("invited", Id(PEOPLE)),
        set("attending", Id(PEOPLE)),
        set("outcomes", NonBlank(Long)),
        optional("notes", Text(Long)),
    ],
    body: ops::<Event>(|| {
        json_of(&Event {
            name: String::new(),
            kind: EventKind::Event,
            at: epoch(),
            location: None,
            invited: vec![],
            attending: vec![],
            outcomes: vec![],
            notes: None,
        })
    }),
};

pub static STAKEHOLDER_RATING_TABLE: KindTable = KindTable {
    kind: RecordKind::StakeholderRating,
    fields: &[
        required("theme", NonBlank(Line)),
        required("stakeholder", Id(STAKEHOLDERS)),
        required("networker", Id(NETWORKER)),
        required("power", Score),
        required("interest", Score),
        optional("note", Text(Long)),
        required("rated_at", DateAndTime),
    ],
    body: ops::<StakeholderRating>(|| {
        json_of(&StakeholderRating {
            theme: String::new(),
            stakeholder: NIL,
            networker: NIL,
            power: 1,
            interest: 1,
            note: None,
            rated_at: epoch(),
        })
    }),
};

pub static MEMBER_TABLE: KindTable = KindTable {
    kind: RecordKind::Member,
    fields: &[
        required("node", FieldType::Hex(16)),
        optional("networker", Id(NETWORKER)),
        required("name", NonBlank(Line)),
        optional("email", Email),
        required("role", Word(Words::Role)),
        required("status", Word(Words::MemberStatus)),
        required("signing_key", FieldType::Hex(64)),
        optional("encryption_key", FieldType::AgeRecipient),
        set("earlier_nodes", FieldType::Hex(16)),
    ],
    body: ops::<crate::model::roster::Member>(|| {
        json_of(&crate::model::roster::Member {
            node: String::new(),
            networker: None,
            name: String::new(),
            email: None,
            role: Role::Networker,
            status: crate::model::roster::MemberStatus::Enrolled,
            signing_key: String::new(),
            encryption_key: None,
            earlier_nodes: Vec::new(),
        })
    }),
};

const PERSON: &[RecordKind] = &[RecordKind::Person];

pub static PURPOSE_TABLE: KindTable = KindTable {
    kind: RecordKind::Purpose,
    fields: &[
        required("name", NonBlank(Line)),
        optional("description", Text(Long)),
        required("lawful_basis", Word(Words::LawfulBasis)),
        optional("legal_reference", Text(Line)),
        set("recipients", NonBlank(Line)),
        set("data_categories", NonBlank(Line)),
    ],
    body: ops::<Purpose>(|| json_of(&Purpose::default())),
};

pub static RESTRICTION_TABLE: KindTable = KindTable {
    kind: RecordKind::Restriction,
    fields: &[
        required("person", Id(PERSON)),
        required("status", Word(Words::RestrictionStatus)),
        optional("since", Date),
        optional("reason", Text(Long)),
    ],
    body: ops::<Restriction>(|| {
        json_of(&Restriction {
            person: NIL,
            status: RestrictionStatus::Objected,
            since: None,
            reason: None,
        })
    }),
};

pub static FORGET_TABLE: KindTable = KindTable {
    kind: RecordKind::Forget,
    fields: &[
        required("subject", Id(PERSON)),
        set("cards", Id(PERSON)),
        set("contact_hashes", FieldType::Hex(64)),
        required("reason", NonBlank(Long)),
    ],
    body: ops::<Forget>(|| {
        json_of(&Forget {
            subject: NIL,
            cards: vec![],
            contact_hashes: vec![],
            reason: String::new(),
        })
    }),
};

pub static ACCESS_REQUEST_TABLE: KindTable = KindTable {
    kind: RecordKind::AccessRequest,
    fields: &[
        required("subject", Id(PERSON)),
        set("cards", Id(PERSON)),
        set("contact_hashes", FieldType::Hex(64)),
        required("received", Date),
        optional("reference", Text(Line)),
        optional("answered", Date),
    ],
    body: ops::<AccessRequest>(|| {
        json_of(&AccessRequest {
            subject: NIL,
            cards: vec![],
            contact_hashes: vec![],
            received: epoch().date_naive(),
            reference: None,
            answered: None,
        })
    }),
};

pub static RETENTION_RULE_TABLE: KindTable = KindTable {
    kind: RecordKind::RetentionRule,
    fields: &[
        required("name", NonBlank(Line)),
        required("applies_to", Word(Words::Kind)),
        required("action", Word(Words::RetentionAction)),
        required("after_days", Days),
        set("fields", NonBlank(Line)),
        required("legal_reference", NonBlank(Line)),
        optional("description", Text(Long)),
    ],
    body: ops::<RetentionRule>(|| {
        json_of(&RetentionRule {
            name: String::new(),
            applies_to: RecordKind::Interaction,
            action: RetentionAction::Clear,
            after_days: 1,
            fields: vec![],
            legal_reference: String::new(),
            description: None,
        })
    }),
};

/// The table of a kind.
pub fn table_of(kind: RecordKind) -> &'static KindTable {
    match kind {
        RecordKind::Networker => &NETWORKER_TABLE,
        RecordKind::Person => &PERSON_TABLE,
        RecordKind::Organisation => &ORGANISATION_TABLE,
        RecordKind::Affiliation => &AFFILIATION_TABLE,
        RecordKind::Relationship => &RELATIONSHIP_TABLE,
        RecordKind::Interaction => &INTERACTION_TABLE,
        RecordKind::FollowUp => &FOLLOW_UP_TABLE,
        RecordKind::Link => &LINK_TABLE,
        RecordKind::Note => &NOTE_TABLE,
        RecordKind::SameAs => &SAME_AS_TABLE,
        RecordKind::Goal => &GOAL_TABLE,
        RecordKind::Team => &TEAM_TABLE,
        RecordKind::Partnership => &PARTNERSHIP_TABLE,
        RecordKind::PartnershipReview => &PARTNERSHIP_REVIEW_TABLE,
        RecordKind::Event => &EVENT_TABLE,
        RecordKind::StakeholderRating => &STAKEHOLDER_RATING_TABLE,
        RecordKind::Member => &MEMBER_TABLE,
        RecordKind::Purpose => &PURPOSE_TABLE,
        RecordKind::Restriction => &RESTRICTION_TABLE,
        RecordKind::Forget => &FORGET_TABLE,
        RecordKind::AccessRequest => &ACCESS_REQUEST_TABLE,
        RecordKind::RetentionRule => &RETENTION_RULE_TABLE,
    }
}

/// The table of a kind as stored (its canonical name); `None` for a kind this Kring does not know.
/// Stored kinds are always canonical: a record whose kind is an alias ("org") is of no kind this
/// Kring reads, so it is not checked either.
pub fn kind_table(kind: &str) -> Option<&'static KindTable> {
    Some(match kind {
        "networker" => &NETWORKER_TABLE,
        "person" => &PERSON_TABLE,
        "organisation" => &ORGANISATION_TABLE,
        "affiliation" => &AFFILIATION_TABLE,
        "relationship" => &RELATIONSHIP_TABLE,
        "interaction" => &INTERACTION_TABLE,
        "follow_up" => &FOLLOW_UP_TABLE,
        "link" => &LINK_TABLE,
        "note" => &NOTE_TABLE,
        "same_as" => &SAME_AS_TABLE,
        "goal" => &GOAL_TABLE,
        "team" => &TEAM_TABLE,
        "partnership" => &PARTNERSHIP_TABLE,
        "partnership_review" => &PARTNERSHIP_REVIEW_TABLE,
        "event" => &EVENT_TABLE,
        "stakeholder_rating" => &STAKEHOLDER_RATING_TABLE,
        "member" => &MEMBER_TABLE,
        "purpose" => &PURPOSE_TABLE,
        "restriction" => &RESTRICTION_TABLE,
        "forget" => &FORGET_TABLE,
        "access_request" => &ACCESS_REQUEST_TABLE,
        "retention_rule" => &RETENTION_RULE_TABLE,
        _ => return None,
    })
}

/// The field a record of `kind` holds under `name`, envelope fields included; `None` for a field
/// this Kring does not know (which passes unchecked).
pub fn field_of(kind: &str, name: &str) -> Option<&'static Field> {
    kind_table(kind)
        .and_then(|table| table.field(name))
        .or_else(|| ENVELOPE.iter().find(|f| f.name == name))
}

// ----- problems ----------------------------------------------------------------------------------

/// What kind of problem a value has, for programs (`kring check --json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// A value of another JSON type than the field's (a number where text is expected).
    WrongType,
    /// The right JSON type but not a valid value (an e-mail without @, a score of 9).
    BadValue,
    /// Text longer than its field allows.
    TooLong,
    /// A set field written as one value.
    SetAsRegister,
    /// A single-valued field written as a set element.
    RegisterAsSet,
    /// Bytes that are not JSON at all.
    NotJson,
    /// A required field absent from a body.
    Missing,
}

impl ProblemCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::WrongType => "wrong_type",
            ProblemCode::BadValue => "bad_value",
            ProblemCode::TooLong => "too_long",
            ProblemCode::SetAsRegister => "set_as_register",
            ProblemCode::RegisterAsSet => "register_as_set",
            ProblemCode::NotJson => "not_json",
            ProblemCode::Missing => "missing",
        }
    }
}

/// A value that does not fit its field, and why in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct FieldProblem {
    pub field: String,
    pub code: ProblemCode,
    pub reason: String,
    #[serde(skip)]
    words: Option<ReasonWords>,
}

impl FieldProblem {
    /// The reason in `language`: the catalogue's words for a worded reason, else as written.
    pub fn reason_in(&self, language: kring_i18n::Language) -> String {
        match &self.words {
            Some(words) => words.say(language),
            None => self.reason.clone(),
        }
    }
}

impl From<FieldProblem> for ValidationError {
    fn from(problem: FieldProblem) -> Self {
        match problem.words {
            Some(words) => ValidationError::from_words(problem.field, words),
            None => ValidationError::new(problem.field, problem.reason),
        }
    }
}

/// A problem before the field is named.
#[derive(Debug)]
struct Problem {
    code: ProblemCode,
    reason: String,
    words: Option<ReasonWords>,
}

impl Problem {
    fn new(code: ProblemCode, reason: impl Into<String>) -> Self {
        Problem {
            code,
            reason: reason.into(),
            words: None,
        }
    }

    fn bad(reason: impl Into<String>) -> Self {
        Problem::new(ProblemCode::BadValue, reason)
    }

    /// A bad value whose reason the catalogues word (`invalid-<code>`).
    fn worded(code: ReasonCode, arguments: &[(&'static str, ReasonArgument)]) -> Self {
        Problem::worded_as(ProblemCode::BadValue, code, arguments)
    }

    /// A problem of kind `problem` whose reason the catalogues word.
    fn worded_as(
        problem: ProblemCode,
        code: ReasonCode,
        arguments: &[(&'static str, ReasonArgument)],
    ) -> Self {
        let words = ReasonWords::new(code, arguments);
        Problem {
            code: problem,
            reason: words.say(kring_i18n::Language::English),
            words: Some(words),
        }
    }

    /// This problem of a field inside an object (`street: …`), still worded in each language
    /// when it was (a reason in free text stays as written).
    fn inside(self, field: &'static str) -> Self {
        let reason = match &self.words {
            Some(words) => ReasonArgument::said_in_each(|language| words.say(language)),
            None => ReasonArgument::Text(self.reason.clone()),
        };
        Problem::worded_as(
            self.code,
            ReasonCode::InField,
            &[("field", field.into()), ("reason", reason)],
        )
    }

    /// A bad value quoted in its reason: `'text' is not …`.
    fn quoting(code: ReasonCode, text: &str) -> Self {
        Problem::worded(code, &[("value", quoted_inside(text).into())])
    }

    fn named(self, field: &str) -> FieldProblem {
        FieldProblem {
            field: field.to_owned(),
            code: self.code,
            reason: self.reason,
            words: self.words,
        }
    }
}

/// Text as messages quote it: at most 40 characters, control characters escaped, so that a hostile
/// value neither floods a message nor moves the terminal's cursor.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(48) + 2);
    out.push('\'');
    for (n, c) in text.chars().enumerate() {
        if n == 40 {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

// ----- a borrowed JSON tree ----------------------------------------------------------------------

/// One parsed JSON value that borrows its text from the bytes (or the `serde_json::Value`) it was
/// read from, so checking a field copies nothing in the usual case.
#[derive(Debug)]
enum Json<'a> {
    Null,
    Bool,
    Int(i128),
    Float(f64),
    Text(Cow<'a, str>),
    /// A list where one value is expected is wrong whatever it holds: its items are skipped.
    List,
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    fn from_value(value: &'a serde_json::Value) -> Json<'a> {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(_) => Json::Bool,
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Json::Int(i128::from(u)),
                (_, Some(i)) => Json::Int(i128::from(i)),
                _ => Json::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => Json::Text(Cow::Borrowed(s)),
            Value::Array(_) => Json::List,
            Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from_value(v)))
                    .collect(),
            ),
        }
    }

    fn parse(bytes: &'a [u8]) -> Result<Json<'a>, Problem> {
        serde_json::from_slice(bytes)
            .map_err(|_| Problem::worded_as(ProblemCode::NotJson, ReasonCode::NotJson, &[]))
    }

    /// What the value is, as a word the catalogues select their words by (`$found`).
    fn found_key(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool => "bool",
            Json::Int(_) | Json::Float(_) => "number",
            Json::Text(_) => "text",
            Json::List => "list",
            Json::Object(_) => "object",
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> de::Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        Json::deserialize(d)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool)
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        Ok(Json::Float(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Text(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::Text(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::Text(Cow::Owned(v)))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Json::List)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut entries = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Json::Object(entries))
    }
}

/// An object's key, borrowed where it can be.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Json::deserialize(deserializer)? {
            Json::Text(text) => Ok(Key(text)),
            _ => Err(de::Error::custom("an object key is text")),
        }
    }
}

// ----- checking ----------------------------------------------------------------------------------

/// Whether a value is a register's or a set element's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Register,
    Element,
}

fn text<'v>(value: &'v Json<'_>, ty: &FieldType) -> Result<&'v str, Problem> {
    match value {
        Json::Text(text) => Ok(text),
        other => Err(wrong_type(other, ty)),
    }
}

fn wrong_type(found: &Json<'_>, ty: &FieldType) -> Problem {
    Problem::worded_as(
        ProblemCode::WrongType,
        ReasonCode::WrongType,
        &[
            ("found", found.found_key().into()),
            (
                "expected",
                ReasonArgument::said_in_each(|language| ty.described_in(language)),
            ),
        ],
    )
}

/// `text` as [`quote`] shows it, without the quotes the catalogue's words put around it.
fn quoted_inside(text: &str) -> String {
    let quoted = quote(text);
    quoted
        .strip_prefix('\'')
        .and_then(|q| q.strip_suffix('\''))
        .unwrap_or(&quoted)
        .to_owned()
}

/// A count as an argument of a worded reason.
fn count(n: usize) -> ReasonArgument {
    ReasonArgument::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

fn within(text: &str, max_chars: usize) -> Result<(), Problem> {
    // Bytes are at least as many as characters: only long text pays for the count.
    if text.len() <= max_chars {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars <= max_chars {
        return Ok(());
    }
    Err(Problem::worded_as(
        ProblemCode::TooLong,
        ReasonCode::TooLong,
        &[("chars", count(chars)), ("max", count(max_chars))],
    ))
}

fn whole_number(value: &Json<'_>, ty: &FieldType) -> Result<i128, Problem> {
    match value {
        Json::Int(n) => Ok(*n),
        Json::Float(f) => Err(Problem::worded(
            ReasonCode::NotAWholeNumber,
            &[("value", f.to_string().into())],
        )),
        other => Err(wrong_type(other, ty)),
    }
}

/// A record id exactly as Kring writes one: 8-4-4-4-12 lowercase hexadecimal digits. Other
/// spellings of the same UUID would read as the same id but make different set elements.
fn is_record_id(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(b),
        })
}

impl FieldType {
    /// Checks a value that is not null.
    fn check(&self, value: &Json<'_>) -> Result<(), Problem> {
        match self {
            Text(size) => within(text(value, self)?, size.max_chars()),
            NonBlank(size) => {
                let text = text(value, self)?;
                within(text, size.max_chars())?;
                if text.trim().is_empty() {
                    return Err(Problem::worded(ReasonCode::Empty, &[]));
                }
                Ok(())
            }
            Email => {
                let text = text(value, self)?;
                within(text, LINE_MAX_CHARS)?;
                validate_email("", text).map_err(|_| Problem::quoting(ReasonCode::NotAnEmail, text))
            }
            Phone => {
                let text = text(value, self)?;
                within(text, LINE_MAX_CHARS)?;
                validate_phone("", text).map_err(|_| Problem::quoting(ReasonCode::NotAPhone, text))
            }
            WebAddress => {
                let text = text(value, self)?;
                within(text, WEB_ADDRESS_MAX_CHARS)?;
                validate_url("", text)
                    .map_err(|_| Problem::quoting(ReasonCode::NotAWebAddress, text))
            }
            Date => {
                let text = text(value, self)?;
                text.parse::<NaiveDate>()
                    .map(drop)
                    .map_err(|_| Problem::quoting(ReasonCode::NotADate, text))
            }
            DateAndTime => {
                let text = text(value, self)?;
                text.parse::<DateTime<FixedOffset>>()
                    .map(drop)
                    .map_err(|_| Problem::quoting(ReasonCode::NotADateAndTime, text))
            }
            FieldType::Hex(digits) => {
                let text = text(value, self)?;
                if text.len() == *digits
                    && text
                        .bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
                {
                    Ok(())
                } else {
                    Err(Problem::bad(format!(
                        "{} is not {}",
                        quote(text),
                        self.describe()
                    )))
                }
            }
            FieldType::AgeRecipient => {
                let text = text(value, self)?;
                within(text, LINE_MAX_CHARS)?;
                text.parse::<age::x25519::Recipient>()
                    .map(drop)
                    .map_err(|_| Problem::quoting(ReasonCode::NotAnAgeRecipient, text))
            }
            Id(_) => {
                let text = text(value, self)?;
                if is_record_id(text) {
                    Ok(())
                } else {
                    Err(Problem::quoting(ReasonCode::NotARecordId, text))
                }
            }
            Score => {
                let n = whole_number(value, self)?;
                if (1..=5).contains(&n) {
                    Ok(())
                } else {
                    Err(Problem::worded(
                        ReasonCode::ScoreOutOfRange,
                        &[("value", ReasonArgument::Text(n.to_string()))],
                    ))
                }
            }
            Days => {
                let n = whole_number(value, self)?;
                if n < 1 {
                    Err(Problem::worded(ReasonCode::AtLeastOneDay, &[]))
                } else if n > i128::from(u32::MAX) {
                    Err(Problem::worded(
                        ReasonCode::TooManyDays,
                        &[("value", n.to_string().into())],
                    ))
                } else {
                    Ok(())
                }
            }
            Bool => match value {
                Json::Bool => Ok(()),
                other => Err(wrong_type(other, self)),
            },
            Word(words) => {
                let text = text(value, self)?;
                if words.accepts(text) {
                    Ok(())
                } else {
                    Err(Problem::worded(
                        ReasonCode::NotOneOf,
                        &[
                            ("value", quoted_inside(text).into()),
                            ("choices", words.words().join(", ").into()),
                        ],
                    ))
                }
            }
            Object(object) => {
                let Json::Object(entries) = value else {
                    return Err(wrong_type(value, self));
                };
                for field in object.fields {
                    let found = entries.iter().find(|(key, _)| key == field.name);
                    let result =
                        match found {
                            Some((_, value)) => check_slot(field, Slot::Register, value),
                            None if field.presence == Presence::Required => Err(
                                Problem::worded_as(ProblemCode::Missing, ReasonCode::Missing, &[]),
                            ),
                            None => Ok(()),
                        };
                    result.map_err(|problem| problem.inside(field.name))?;
                }
                Ok(())
            }
        }
    }
}

/// Checks one value in a slot of a field: a register's version or a set's element.
fn check_slot(field: &Field, slot: Slot, value: &Json<'_>) -> Result<(), Problem> {
    match (field.set, slot) {
        (true, Slot::Register) => {
            return Err(Problem::worded_as(
                ProblemCode::SetAsRegister,
                ReasonCode::SetAsRegister,
                &[],
            ))
        }
        (false, Slot::Element) => {
            return Err(Problem::worded_as(
                ProblemCode::RegisterAsSet,
                ReasonCode::RegisterAsSet,
                &[],
            ))
        }
        _ => {}
    }
    if let Json::Null = value {
        return if slot == Slot::Register && field.presence == Presence::Optional {
            Ok(())
        } else {
            Err(wrong_type(value, &field.ty))
        };
    }
    field.ty.check(value)
}

fn check_slot_bytes(field: &Field, slot: Slot, bytes: &[u8]) -> Result<(), Problem> {
    check_slot(field, slot, &Json::parse(bytes)?)
}

fn outcome(field: &str, result: Result<(), Problem>) -> Result<(), ValidationError> {
    result.map_err(|problem| problem.named(field).into())
}

/// Checks a register's value for a field of a kind. A field or kind this Kring does not know
/// passes; null passes where the field is optional.
pub fn check_field(
    kind: &str,
    field: &str,
    value: &serde_json::Value,
) -> Result<(), ValidationError> {
    match field_of(kind, field) {
        None => Ok(()),
        Some(spec) => outcome(
            field,
            check_slot(spec, Slot::Register, &Json::from_value(value)),
        ),
    }
}

/// [`check_field`] on a version's canonical JSON bytes, parsed once (not at all for a field this
/// Kring does not know).
pub fn check_field_bytes(kind: &str, field: &str, bytes: &[u8]) -> Result<(), ValidationError> {
    match field_of(kind, field) {
        None => Ok(()),
        Some(spec) => outcome(field, check_slot_bytes(spec, Slot::Register, bytes)),
    }
}

/// Checks one element of a set field of a kind.
pub fn check_element(
    kind: &str,
    set: &str,
    element: &serde_json::Value,
) -> Result<(), ValidationError> {
    match field_of(kind, set) {
        None => Ok(()),
        Some(spec) => outcome(
            set,
            check_slot(spec, Slot::Element, &Json::from_value(element)),
        ),
    }
}

/// [`check_element`] on an element's canonical JSON bytes.
pub fn check_element_bytes(kind: &str, set: &str, bytes: &[u8]) -> Result<(), ValidationError> {
    match field_of(kind, set) {
        None => Ok(()),
        Some(spec) => outcome(set, check_slot_bytes(spec, Slot::Element, bytes)),
    }
}

/// Every version of every register and every present element of every set of a record, checked.
///
/// Removed set elements are left out: nothing reads them, and `kring card edit` can remove a bad
/// element (its tombstone stays) but cannot make it valid. Every register version is checked,
/// conflicts included, because a conflict is shown and may be chosen. Absent fields are no
/// problem here: summary projections and retractions travel with only some fields.
pub fn check_record(state: &RecordState) -> Vec<FieldProblem> {
    let table = kind_table(&state.kind);
    let lookup = |name: &str| {
        table
            .and_then(|t| t.field(name))
            .or_else(|| ENVELOPE.iter().find(|f| f.name == name))
    };
    let mut problems = Vec::new();
    for (name, register) in &state.fields {
        let Some(field) = lookup(name) else { continue };
        for version in register.versions() {
            if let Err(problem) = check_slot_bytes(field, Slot::Register, &version.value) {
                problems.push(problem.named(name));
            }
        }
    }
    for (name, set) in &state.sets {
        let Some(field) = lookup(name) else { continue };
        for element in set.present() {
            if let Err(problem) = check_slot_bytes(field, Slot::Element, element) {
                problems.push(problem.named(name));
            }
        }
    }
    problems
}

// ----- whole bodies ------------------------------------------------------------------------------

/// Checks a JSON body of a kind, as the store writes it: every field it holds against the table
/// (sets as lists of elements), every required field present, then the typed struct's validation
/// (the rules between fields). Fields the table does not list are left to the typed struct, which
/// ignores them.
pub fn check_body(kind: RecordKind, body: &serde_json::Value) -> Result<(), ValidationError> {
    let table = table_of(kind);
    let Some(object) = body.as_object() else {
        return Err(ValidationError::worded(
            kind.as_str(),
            ReasonCode::NotAnObject,
            &[("kind", kind.as_str().into())],
        ));
    };
    let fields = table.fields.iter().chain(ENVELOPE.iter());
    for field in fields {
        match object.get(field.name) {
            None if field.presence == Presence::Required => {
                return Err(ValidationError::worded(
                    field.name,
                    ReasonCode::Missing,
                    &[],
                ));
            }
            None => {}
            Some(value) if field.set => match value {
                serde_json::Value::Array(elements) => {
                    for element in elements {
                        outcome(
                            field.name,
                            check_slot(field, Slot::Element, &Json::from_value(element)),
                        )?;
                    }
                }
                other => {
                    let found = Json::from_value(other);
                    return Err(ValidationError::worded(
                        field.name,
                        ReasonCode::NotAList,
                        &[("found", found.found_key().into())],
                    ));
                }
            },
            Some(value) => outcome(
                field.name,
                check_slot(field, Slot::Register, &Json::from_value(value)),
            )?,
        }
    }
    (table.body.validate)(body)
}

/// The records a body refers to, with the field and the kinds allowed there.
pub fn references(
    kind: RecordKind,
    body: &serde_json::Value,
) -> Result<Vec<Reference>, ValidationError> {
    (table_of(kind).body.references)(body)
}

/// Reads a body into its typed struct, naming the field that failed by its path.
fn decode<T: RecordBody>(body: &serde_json::Value) -> Result<T, ValidationError> {
    serde_path_to_error::deserialize(body).map_err(|error| {
        let path = error.path().to_string();
        let field = path
            .split(['.', '['])
            .next()
            .filter(|top| !top.is_empty() && *top != "?")
            .unwrap_or(T::KIND.as_str())
            .to_owned();
        let inner = error.into_inner().to_string();
        let reason = if path.contains(['.', '[']) {
            format!("{path}: {inner}")
        } else {
            inner
        };
        ValidationError::new(field, reason)
    })
}

fn typed_validate<T: RecordBody>(body: &serde_json::Value) -> Result<(), ValidationError> {
    decode::<T>(body)?.validate()
}

fn typed_references<T: RecordBody>(
    body: &serde_json::Value,
) -> Result<Vec<Reference>, ValidationError> {
    Ok(decode::<T>(body)?.references())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_kind_has_a_table_under_its_stored_name() {
        for kind in RecordKind::ALL {
            let by_name = kind_table(kind.as_str()).map(|t| t.kind);
            assert_eq!(
                by_name,
                Some(*kind),
                "kind_table({kind}) finds {kind}'s table"
            );
            assert_eq!(table_of(*kind).kind, *kind);
        }
        assert!(kind_table("org").is_none(), "aliases are not stored kinds");
    }

    #[test]
    fn quoted_values_are_short_and_escape_control_characters() {
        assert_eq!(quote("nope"), "'nope'");
        assert_eq!(quote("a\u{1b}[2Jb"), "'a\\u{1b}[2Jb'");
        let long = "x".repeat(5_000);
        assert_eq!(quote(&long).chars().count(), 43);
    }

    #[test]
    fn a_value_read_from_bytes_borrows_its_text() {
        let bytes = br#"{"street":"Grote Markt 1","locality":"Antwerpen"}"#;
        let Ok(Json::Object(entries)) = Json::parse(bytes) else {
            panic!("an object parses");
        };
        assert!(
            entries
                .iter()
                .all(|(k, v)| matches!(k, Cow::Borrowed(_))
                    && matches!(v, Json::Text(Cow::Borrowed(_)))),
            "text without escapes is not copied: {entries:?}"
        );
        assert!(check_element("person", "addresses", &json!({"street": 5})).is_err());
    }

    #[test]
    fn record_ids_are_accepted_only_as_kring_writes_them() {
        let id = "0190f5a2-7c1e-7d3b-9a1f-2b3c4d5e6f70";
        assert!(is_record_id(id));
        assert!(!is_record_id(&id.to_uppercase()));
        assert!(!is_record_id(&id.replace('-', "")));
        assert!(!is_record_id(&format!("{{{id}}}")));
    }
}
