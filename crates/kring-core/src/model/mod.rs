//! The domain: the kinds of record Kring keeps, their fields and how they are validated.
//!
//! These typed structs are the *view* of a record. What is stored and synced is the field map in
//! [`crate::crdt::RecordState`]: every top-level field of a struct below becomes one register (or
//! one add-wins set for the names in [`RecordKind::set_fields`]). A new kind or a new field therefore
//! needs no migration of old records, and fields a newer Kring writes survive in an older one.

/// An enum of words as they are written on the wire, in stores and on the command line: each
/// variant is its word (`Visibility::Private` is `"private"`), with spellings also read
/// (`"org" | "organization"`). It reads a word whatever its case and surrounding spaces, and a
/// `-` as a `_` (`--basis legal-obligation` as people type it), except for an `exact` enum,
/// whose words are read from stores and bundles as well: there `"follow-up"` is not the kind
/// `follow_up` but text a newer Kring (or a hostile bundle) wrote, and stays unknown.
macro_rules! word_enum {
    ($(#[$meta:meta])* exact $name:ident { $($variant:ident => $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        $crate::model::word_enum!(@emit false; $(#[$meta])* $name { $($variant => $text $(| $alias)*),+ });
    };
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        $crate::model::word_enum!(@emit true; $(#[$meta])* $name { $($variant => $text $(| $alias)*),+ });
    };
    (@emit $hyphens:literal; $(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal $(| $alias:literal)*),+ }) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            ::serde::Serialize, ::serde::Deserialize,
        )]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum $name { $( #[serde(rename = $text $(, alias = $alias)*)] $variant ),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// As it is written on the wire (tests and scripts compare with text).
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool { self.as_str() == *other }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::model::ValidationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let mut wanted = s.trim().to_lowercase();
                if $hyphens {
                    wanted = wanted.replace('-', "_");
                }
                $( if wanted == $text $(|| wanted == $alias)* { return Ok($name::$variant); } )+
                let expected: Vec<&str> = vec![$($text),+];
                Err($crate::model::ValidationError::worded(
                    stringify!($name).to_lowercase(),
                    $crate::model::ReasonCode::NotOneOf,
                    &[("value", s.into()), ("choices", expected.join(", ").into())],
                ))
            }
        }
    };
}

// Every module of the crate spells its words with it (`crate::model::word_enum!`).
pub(crate) use word_enum;

pub mod bounds;
pub mod conflicts;
pub mod manager;
pub mod protection;
pub mod refusal;
pub mod roster;
pub mod schema;

use bounds::check_list;
use chrono::{DateTime, FixedOffset, NaiveDate};
use kring_i18n::Language;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// A record's id: a UUID v7 (time-ordered), or a v5 derived from a natural identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct RecordId(pub Uuid);

impl RecordId {
    pub fn new_v7(now_millis: u64) -> Self {
        let ts = uuid::Timestamp::from_unix(
            uuid::NoContext,
            now_millis / 1000,
            ((now_millis % 1000) * 1_000_000) as u32,
        );
        RecordId(Uuid::new_v7(ts))
    }

    /// The id of the relationship of one networker to one stakeholder: two replicas that create it
    /// concurrently create the same record and merge instead of duplicating it.
    pub fn for_relationship(networker: RecordId, stakeholder: RecordId) -> Self {
        let mut name = Vec::with_capacity(32);
        name.extend_from_slice(networker.0.as_bytes());
        name.extend_from_slice(stakeholder.0.as_bytes());
        RecordId(Uuid::new_v5(&RELATIONSHIP_NAMESPACE, &name))
    }

    /// The id of the statement "these two cards are the same", ordered so A=B and B=A coincide.
    pub fn for_same_as(a: RecordId, b: RecordId) -> Self {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let mut name = Vec::with_capacity(32);
        name.extend_from_slice(low.0.as_bytes());
        name.extend_from_slice(high.0.as_bytes());
        RecordId(Uuid::new_v5(&SAME_AS_NAMESPACE, &name))
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }

    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        Uuid::from_slice(bytes.get(..16)?).ok().map(RecordId)
    }
}

const RELATIONSHIP_NAMESPACE: Uuid = Uuid::from_u128(0x6b72_696e_672d_7265_6c61_7469_6f6e_7368);
const SAME_AS_NAMESPACE: Uuid = Uuid::from_u128(0x6b72_696e_672d_7361_6d65_2d61_7300_0000);

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for RecordId {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s.trim())
            .map(RecordId)
            .map_err(|_| ValidationError::worded("id", "not_a_record_id", &[("value", s.into())]))
    }
}

/// A field that failed validation and why. Shown to users as "field: reason".
///
/// `reason` is English; every reason also keeps its stable [`ReasonCode`] and its arguments, so
/// that [`ValidationError::message`] says it in any language and programs (`--json`, the UI)
/// branch on the code. One made with [`ValidationError::new`] from free text has the code
/// `invalid` and stays as written in every language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("{field}: {reason}")]
pub struct ValidationError {
    pub field: String,
    pub reason: String,
    #[serde(rename = "code", serialize_with = "serialize_code")]
    words: ReasonWords,
}

fn serialize_code<S: serde::Serializer>(
    words: &ReasonWords,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    words.code.serialize(serializer)
}

/// A validation reason as a catalogue message (`invalid-<code>`) and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ReasonWords {
    code: ReasonCode,
    arguments: Vec<(&'static str, ReasonArgument)>,
}

/// An argument of a worded reason: text as given, a count that chooses a plural form,
/// alternatives joined with the language's "or" ("person or organisation"), or words a layer
/// above the model already said in every language (a red line described by the manager).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReasonArgument {
    Text(String),
    Count(i64),
    Either(Vec<String>),
    Said(Vec<(Language, String)>),
}

impl ReasonArgument {
    /// Words said in each of Kring's languages by `say`.
    pub fn said_in_each(say: impl Fn(Language) -> String) -> Self {
        ReasonArgument::Said(Language::ALL.iter().map(|l| (*l, say(*l))).collect())
    }
}

impl From<&str> for ReasonArgument {
    fn from(text: &str) -> Self {
        ReasonArgument::Text(text.to_owned())
    }
}

impl From<String> for ReasonArgument {
    fn from(text: String) -> Self {
        ReasonArgument::Text(text)
    }
}

impl From<i64> for ReasonArgument {
    fn from(count: i64) -> Self {
        ReasonArgument::Count(count)
    }
}

word_enum!(
    /// The stable code of every reason a value is refused (`ValidationError::reason_code`,
    /// `code` beside `reason` in JSON): each is worded in every language as `invalid-<code>`,
    /// which a test checks by walking `ReasonCode::ALL`. `invalid` is a reason given in free
    /// text (a decoder's own words), shown as written.
    ReasonCode {
        Invalid => "invalid",
        Empty => "empty",
        NotARecordId => "not_a_record_id",
        NotAnIdStart => "not_an_id_start",
        AmbiguousIdStart => "ambiguous_id_start",
        NoIdStartsWith => "no_id_starts_with",
        NotOneOf => "not_one_of",
        NotAnEmail => "not_an_email",
        NotAPhone => "not_a_phone",
        NotAWebAddress => "not_a_web_address",
        ScoreOutOfRange => "score_out_of_range",
        EndsBeforeStart => "ends_before_start",
        AtLeastOneDay => "at_least_one_day",
        YearOutOfBounds => "year_out_of_bounds",
        TooManyItems => "too_many_items",
        InteractionInFuture => "interaction_in_future",
        FollowUpBeforeInteraction => "follow_up_before_interaction",
        NoCardWithId => "no_card_with_id",
        NameACard => "name_a_card",
        NotAContactHash => "not_a_contact_hash",
        AnsweredBeforeReceived => "answered_before_received",
        OnlyPeopleAreErased => "only_people_are_erased",
        RuleCannotAct => "rule_cannot_act",
        NameFieldsToClear => "name_fields_to_clear",
        NotAClearableField => "not_a_clearable_field",
        FieldsOnlyWhenClearing => "fields_only_when_clearing",
        NotANodeId => "not_a_node_id",
        NotASigningKey => "not_a_signing_key",
        NotAnEncryptionKey => "not_an_encryption_key",
        NotATeamStakeholder => "not_a_team_stakeholder",
        NotAPartner => "not_a_partner",
        NameAParticipant => "name_a_participant",
        LinkedToItself => "linked_to_itself",
        SameAsItself => "same_as_itself",
        NotAnObject => "not_an_object",
        Missing => "missing",
        NotAList => "not_a_list",
        WrongType => "wrong_type",
        InField => "in_field",
        NotADate => "not_a_date",
        NotADateAndTime => "not_a_date_and_time",
        NotAWholeNumber => "not_a_whole_number",
        TooManyDays => "too_many_days",
        TooLong => "too_long",
        NotAnAgeRecipient => "not_an_age_recipient",
        ItemWithoutIdentity => "item_without_identity",
        NoCardToLogWith => "no_card_to_log_with",
        WrongKindOfCard => "wrong_kind_of_card",
        NotPersonOrOrganisation => "not_person_or_organisation",
        SameAsDifferentKinds => "same_as_different_kinds",
        NoConflict => "no_conflict",
        NoLosingValue => "no_losing_value",
        KindNotEditable => "kind_not_editable",
        NoSuchField => "no_such_field",
        UpdatedTwice => "updated_twice",
        ForgetWithoutReason => "forget_without_reason",
        NotARecordBody => "not_a_record_body",
        PrivateOnSharedGoal => "private_on_shared_goal",
        NoRecordWithId => "no_record_with_id",
        CannotLinkToGoal => "cannot_link_to_goal",
        NotATeamMember => "not_a_team_member",
        CrossesRedLine => "crosses_red_line",
        NotAnOrganisation => "not_an_organisation",
        SucceedsThemselves => "succeeds_themselves",
        NotANetworker => "not_a_networker",
        HasLeft => "has_left",
        NothingToHandOver => "nothing_to_hand_over",
        SetAsRegister => "set_as_register",
        RegisterAsSet => "register_as_set",
        NotJson => "not_json",
    }
);

impl ValidationError {
    /// A reason in free text (it stays as written in every language; its code is `invalid`):
    /// prefer `worded`.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        ValidationError {
            field: field.into(),
            words: ReasonWords {
                code: ReasonCode::Invalid,
                arguments: vec![("reason", ReasonArgument::Text(reason.clone()))],
            },
            reason,
        }
    }

    /// A reason from the catalogues: message `invalid-<code>` with `arguments`; `reason` holds
    /// its English words. `code` is a [`ReasonCode`] or its text (`"empty"`).
    pub fn worded(
        field: impl Into<String>,
        code: impl Into<CodeOf>,
        arguments: &[(&'static str, ReasonArgument)],
    ) -> Self {
        match code.into().0 {
            Ok(code) => ValidationError::from_words(field, ReasonWords::new(code, arguments)),
            // A code nobody listed: said as the code itself rather than not at all (the
            // debug build stops on it, so the tests catch it).
            Err(unlisted) => {
                debug_assert!(false, "{unlisted} is not a ReasonCode");
                ValidationError::new(field, unlisted)
            }
        }
    }

    pub(crate) fn from_words(field: impl Into<String>, words: ReasonWords) -> Self {
        ValidationError {
            field: field.into(),
            reason: words.say(Language::English),
            words,
        }
    }

    /// The stable code of the reason (`empty`, `not_an_email` …), `invalid` for free text.
    pub fn reason_code(&self) -> ReasonCode {
        self.words.code
    }

    /// The reason in `language` (as written for a free-text reason).
    pub fn reason_in(&self, language: Language) -> String {
        self.words.say(language)
    }

    /// "field: reason" in `language`.
    pub fn message(&self, language: Language) -> String {
        format!("{}: {}", self.field, self.reason_in(language))
    }
}

/// A reason's code, given as the enum or as its text (`"empty"`); text that names no code is
/// kept to be said as it is.
pub struct CodeOf(Result<ReasonCode, &'static str>);

impl From<ReasonCode> for CodeOf {
    fn from(code: ReasonCode) -> Self {
        CodeOf(Ok(code))
    }
}

impl From<&'static str> for CodeOf {
    fn from(text: &'static str) -> Self {
        CodeOf(
            ReasonCode::ALL
                .iter()
                .copied()
                .find(|code| code.as_str() == text)
                .ok_or(text),
        )
    }
}

impl ReasonWords {
    pub(crate) fn new(code: ReasonCode, arguments: &[(&'static str, ReasonArgument)]) -> Self {
        ReasonWords {
            code,
            arguments: arguments.to_vec(),
        }
    }

    pub(crate) fn say(&self, language: Language) -> String {
        let arguments: Vec<(&str, kring_i18n::FluentValue<'_>)> = self
            .arguments
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    ReasonArgument::Text(text) => kring_i18n::FluentValue::from(text.as_str()),
                    ReasonArgument::Count(count) => kring_i18n::FluentValue::from(*count),
                    ReasonArgument::Either(choices) => kring_i18n::FluentValue::from(
                        choices.join(&kring_i18n::text(language, "list-or")),
                    ),
                    ReasonArgument::Said(words) => kring_i18n::FluentValue::from(
                        words
                            .iter()
                            .find(|(l, _)| *l == language)
                            .or(words.first())
                            .map(|(_, w)| w.clone())
                            .unwrap_or_default(),
                    ),
                };
                (*name, value)
            })
            .collect();
        kring_i18n::text_with(language, &format!("invalid-{}", self.code), &arguments)
    }
}

word_enum!(
    /// Who may learn about a record.
    Visibility {
        Private => "private",
        Summary => "summary",
        Shared => "shared",
    }
);

word_enum!(
    /// What a store's owner does: keeps their own cards, or merges the organisation's.
    Role {
        Networker => "networker",
        Manager => "manager",
    }
);

word_enum!(NetworkerStatus { Active => "active", Left => "left" });

word_enum!(
    /// The sector a stakeholder organisation belongs to.
    Sector {
        Public => "public",
        Business => "business",
        Social => "social",
        Voluntary => "voluntary" | "community" | "voluntary/community",
        Knowledge => "knowledge",
        Media => "media",
        Other => "other",
    }
);

word_enum!(
    /// The level a stakeholder organisation works at.
    Level {
        Local => "local",
        Regional => "regional",
        National => "national",
        Eu => "eu",
        International => "international",
    }
);

word_enum!(RelationshipStatus { Active => "active", Dormant => "dormant", Ended => "ended" });

word_enum!(InteractionKind {
    Meeting => "meeting",
    Call => "call",
    Email => "email",
    Event => "event",
    Visit => "visit",
    Social => "social",
    Other => "other",
});

/// Reads a word written as text: the word when this Kring knows it, else none (a newer Kring's
/// word, or text an older one kept). For wire types read back from stores.
pub fn known_word<'de, D: serde::Deserializer<'de>, T: FromStr>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    let text: Option<String> = Option::deserialize(deserializer)?;
    Ok(text.and_then(|t| t.parse().ok()))
}

/// Reads a record kind written as text: the kind when this Kring knows it, else none (a newer
/// Kring's kind, or text from outside). For wire types that once carried the kind as text.
pub fn known_kind<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<RecordKind>, D::Error> {
    known_word(deserializer)
}

/// How two stakeholders are linked: one of the usual kinds or a label of the user's own.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct LinkKind(pub String);

word_enum!(
    /// The usual kinds of link between two stakeholders. Exact: a label a person wrote
    /// ("works-with") stays their own label.
    exact UsualLink {
        WorksWith => "works_with",
        ReportsTo => "reports_to",
        PartnerOf => "partner_of",
        MemberOf => "member_of",
        Knows => "knows",
    }
);

/// A link's kind as it crosses to the app: a usual one, or a label of the user's own (so the
/// union the UI gets is the usual kinds or any text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum LinkKindView {
    Usual(UsualLink),
    Own(String),
}

impl LinkKindView {
    pub fn as_str(&self) -> &str {
        match self {
            LinkKindView::Usual(usual) => usual.as_str(),
            LinkKindView::Own(label) => label,
        }
    }
}

impl fmt::Display for LinkKindView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&LinkKind> for LinkKindView {
    fn from(kind: &LinkKind) -> LinkKindView {
        match kind.0.parse::<UsualLink>() {
            // Only as written: "Knows" stays the user's label, as it was stored.
            Ok(usual) if usual.as_str() == kind.0 => LinkKindView::Usual(usual),
            _ => LinkKindView::Own(kind.0.clone()),
        }
    }
}

word_enum!(
    /// The kinds of record. Stored as text, so records of kinds a newer Kring adds pass through
    /// (exact: a kind is read from stores and bundles as it is written).
    exact RecordKind {
        Networker => "networker",
        Person => "person",
        Organisation => "organisation" | "org" | "organization",
        Affiliation => "affiliation",
        Relationship => "relationship",
        Interaction => "interaction",
        FollowUp => "follow_up",
        Link => "link",
        Note => "note",
        SameAs => "same_as",
        Goal => "goal",
        Team => "team",
        Partnership => "partnership",
        PartnershipReview => "partnership_review" | "review",
        Event => "event",
        StakeholderRating => "stakeholder_rating" | "rating",
        Member => "member",
        Purpose => "purpose",
        Restriction => "restriction",
        Forget => "forget",
        AccessRequest => "access_request",
        RetentionRule => "retention_rule",
    }
);

impl RecordKind {
    /// Multi-valued fields, merged as add-wins sets.
    pub fn set_fields(self) -> &'static [&'static str] {
        match self {
            RecordKind::Person => &[
                "emails",
                "phones",
                "addresses",
                "websites",
                "social_handles",
                "languages",
                "tags",
            ],
            RecordKind::Organisation => &["tags"],
            RecordKind::Relationship => &["given", "received"],
            RecordKind::Interaction => &["participants", "outcomes"],
            RecordKind::FollowUp => &["about"],
            RecordKind::Goal => &[
                "priority_stakeholders",
                "relationships",
                "interactions",
                "events",
            ],
            RecordKind::Team => &["members", "stakeholders", "accountable"],
            RecordKind::Partnership => &["partners", "objectives", "accountabilities", "red_lines"],
            RecordKind::Event => &["invited", "attending", "outcomes"],
            RecordKind::Purpose => &["recipients", "data_categories"],
            RecordKind::Forget => &["cards", "contact_hashes"],
            RecordKind::AccessRequest => &["cards", "contact_hashes"],
            RecordKind::RetentionRule => &["fields"],
            RecordKind::Member => &["earlier_nodes"],
            _ => &[],
        }
    }

    /// What the organisation may learn about a record marked `summary`: that it exists, its
    /// name, strength and last contact, nothing more.
    pub fn summary_fields(self) -> &'static [&'static str] {
        match self {
            RecordKind::Person => &["display_name"],
            RecordKind::Organisation => &["name"],
            RecordKind::Networker => &["name", "status"],
            RecordKind::Relationship => &["networker", "stakeholder", "strength", "last_contact"],
            RecordKind::Affiliation => &["person", "organisation"],
            RecordKind::Link => &["from", "to", "kind"],
            RecordKind::SameAs => &["a", "b", "same"],
            // An interaction, note or follow-up marked summary is not part of the summary.
            RecordKind::Interaction | RecordKind::FollowUp | RecordKind::Note => &[],
            // Manager of the Network records: a summary says what it is called, no more.
            RecordKind::Goal | RecordKind::Team => &["name"],
            RecordKind::Partnership => &["name", "status"],
            RecordKind::Event => &["name", "kind", "at"],
            RecordKind::PartnershipReview => &[],
            RecordKind::StakeholderRating => &[],
            // The roster is shared with every member; it has no summary.
            RecordKind::Member => &[],
            // Data protection records are shared whole or not at all (`crate::protection`).
            RecordKind::Purpose
            | RecordKind::Restriction
            | RecordKind::Forget
            | RecordKind::AccessRequest
            | RecordKind::RetentionRule => &[],
        }
    }

    /// Whether the kind is a card shown in card lists and search.
    pub fn is_card(self) -> bool {
        matches!(
            self,
            RecordKind::Person | RecordKind::Organisation | RecordKind::Networker
        )
    }

    pub fn is_stakeholder(self) -> bool {
        matches!(self, RecordKind::Person | RecordKind::Organisation)
    }
}

/// A postal address, as one element of a person's address set.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct PostalAddress {
    pub street: Option<String>,
    pub locality: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

/// An internal person: an employee who keeps a network.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Networker {
    pub name: String,
    pub email: Option<String>,
    pub unit: Option<String>,
    pub job_title: Option<String>,
    pub status: Option<NetworkerStatus>,
}

/// How each networker is named where several may be listed together: their name, and when
/// colleagues share it, their unit (else their email, else the start of their id) in brackets,
/// so that two "Pieter Rousseau"s can be told apart in a picker, a list or a report.
pub fn networker_labels<'a>(
    networkers: impl IntoIterator<Item = (RecordId, &'a Networker)>,
) -> std::collections::HashMap<RecordId, String> {
    use std::collections::HashMap;
    let networkers: Vec<(RecordId, &Networker)> = networkers.into_iter().collect();
    let fold = |text: &str| crate::text::fold(text.trim());
    let mut by_name: HashMap<String, Vec<(RecordId, &Networker)>> = HashMap::new();
    for (id, networker) in &networkers {
        by_name
            .entry(fold(&networker.name))
            .or_default()
            .push((*id, networker));
    }
    let mut labels = HashMap::new();
    for namesakes in by_name.values() {
        if let [(id, networker)] = namesakes.as_slice() {
            labels.insert(*id, networker.name.clone());
            continue;
        }
        // The first detail that tells every namesake apart: unit, then email, then id.
        let distinct = |detail: &dyn Fn(&Networker) -> Option<String>| {
            let values: Vec<Option<String>> = namesakes
                .iter()
                .map(|(_, n)| detail(n).map(|d| fold(&d)))
                .collect();
            let unique: std::collections::HashSet<&Option<String>> = values.iter().collect();
            values.iter().all(Option::is_some) && unique.len() == values.len()
        };
        let unit = |n: &Networker| n.unit.clone().filter(|u| !u.trim().is_empty());
        let email = |n: &Networker| n.email.clone().filter(|e| !e.trim().is_empty());
        // Ids typed as their first digits find the card: the shortest prefix that differs.
        let ids: Vec<String> = namesakes.iter().map(|(id, _)| id.to_string()).collect();
        let prefix = (8..36)
            .find(|len| {
                let prefixes: std::collections::HashSet<&str> =
                    ids.iter().map(|i| &i[..*len]).collect();
                prefixes.len() == ids.len()
            })
            .unwrap_or(36);
        for (id, networker) in namesakes {
            let detail = if distinct(&unit) {
                unit(networker)
            } else if distinct(&email) {
                email(networker)
            } else {
                None
            }
            .unwrap_or_else(|| id.to_string()[..prefix].to_owned());
            labels.insert(*id, format!("{} ({detail})", networker.name));
        }
    }
    labels
}

/// An external stakeholder who is a person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub display_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub honorific: Option<String>,
    pub job_title: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub addresses: Vec<PostalAddress>,
    pub websites: Vec<String>,
    pub social_handles: Vec<String>,
    pub languages: Vec<String>,
    pub tags: Vec<String>,
}

/// An external stakeholder that is an organisation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    pub name: String,
    pub sector: Option<Sector>,
    pub level: Option<Level>,
    pub parent: Option<RecordId>,
    pub website: Option<String>,
    pub tags: Vec<String>,
}

/// A person's role at an organisation over a period. A job change adds one; the old one stays.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Affiliation {
    pub person: RecordId,
    pub organisation: RecordId,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

impl Affiliation {
    /// A current affiliation that begins on `from`.
    pub fn starting(
        person: RecordId,
        organisation: RecordId,
        title: Option<&str>,
        from: NaiveDate,
    ) -> Affiliation {
        Affiliation {
            person,
            organisation,
            title: title.map(str::to_owned),
            from: Some(from),
            to: None,
        }
    }
}

/// One networker's relationship with one stakeholder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relationship {
    pub networker: RecordId,
    pub stakeholder: RecordId,
    pub strength: u8,
    #[serde(default)]
    pub trust: Option<u8>,
    /// What the organisation gave in this relationship.
    #[serde(default)]
    pub given: Vec<String>,
    /// What it received.
    #[serde(default)]
    pub received: Vec<String>,
    #[serde(default)]
    pub since: Option<NaiveDate>,
    #[serde(default)]
    pub cadence_days: Option<u32>,
    #[serde(default)]
    pub status: Option<RelationshipStatus>,
    #[serde(default)]
    pub last_contact: Option<DateTime<FixedOffset>>,
}

impl Relationship {
    /// Given minus received: positive when the organisation gives more than it gets back.
    pub fn reciprocity_balance(&self) -> i64 {
        self.given.len() as i64 - self.received.len() as i64
    }
}

/// Something that happened between networkers and stakeholders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    pub kind: InteractionKind,
    pub at: DateTime<FixedOffset>,
    pub participants: Vec<RecordId>,
    pub summary: String,
    #[serde(default)]
    pub outcomes: Vec<String>,
}

/// Something to do after an interaction, by a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    #[serde(default)]
    pub interaction: Option<RecordId>,
    /// The cards the follow-up concerns.
    #[serde(default)]
    pub about: Vec<RecordId>,
    pub text: String,
    pub due: NaiveDate,
    #[serde(default)]
    pub done: bool,
}

/// A link between two stakeholders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub from: RecordId,
    pub to: RecordId,
    pub kind: LinkKind,
}

/// A note about any record, with a visibility of its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub about: RecordId,
    pub text: String,
}

/// The statement that two cards describe the same person or organisation (or, with `same` false,
/// that they do not). The canonical card of a group is its smallest id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SameAs {
    pub a: RecordId,
    pub b: RecordId,
    pub same: bool,
}

/// A typed record body, convertible to and from the stored field map.
pub trait RecordBody: Serialize + DeserializeOwned {
    const KIND: RecordKind;
    fn validate(&self) -> Result<(), ValidationError>;
    /// Records this one refers to, with the field name and the kinds allowed there.
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        Vec::new()
    }
}

const STAKEHOLDER_KINDS: &[RecordKind] = &[RecordKind::Person, RecordKind::Organisation];
const PARTICIPANT_KINDS: &[RecordKind] = &[
    RecordKind::Person,
    RecordKind::Organisation,
    RecordKind::Networker,
];
const ANY_KIND: &[RecordKind] = RecordKind::ALL;

impl RecordBody for Networker {
    const KIND: RecordKind = RecordKind::Networker;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("name", &self.name)?;
        if let Some(email) = &self.email {
            validate_email("email", email)?;
        }
        Ok(())
    }
}

impl RecordBody for Person {
    const KIND: RecordKind = RecordKind::Person;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("display_name", &self.display_name)?;
        check_list("emails", &self.emails)?;
        check_list("phones", &self.phones)?;
        check_list("websites", &self.websites)?;
        check_list("social_handles", &self.social_handles)?;
        check_list("languages", &self.languages)?;
        check_list("tags", &self.tags)?;
        check_list("addresses", &self.addresses)?;
        for email in &self.emails {
            validate_email("emails", email)?;
        }
        for phone in &self.phones {
            validate_phone("phones", phone)?;
        }
        for website in &self.websites {
            validate_url("websites", website)?;
        }
        for tag in &self.tags {
            require_text("tags", tag)?;
        }
        Ok(())
    }
}

impl RecordBody for Organisation {
    const KIND: RecordKind = RecordKind::Organisation;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("name", &self.name)?;
        check_list("tags", &self.tags)?;
        if let Some(website) = &self.website {
            validate_url("website", website)?;
        }
        for tag in &self.tags {
            require_text("tags", tag)?;
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        self.parent
            .map(|p| ("parent", p, &[RecordKind::Organisation][..]))
            .into_iter()
            .collect()
    }
}

impl RecordBody for Affiliation {
    const KIND: RecordKind = RecordKind::Affiliation;
    fn validate(&self) -> Result<(), ValidationError> {
        bounds::check_optional_day("from", self.from)?;
        bounds::check_optional_day("to", self.to)?;
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if to < from {
                return Err(ValidationError::worded("to", "ends_before_start", &[]));
            }
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        vec![
            ("person", self.person, &[RecordKind::Person]),
            (
                "organisation",
                self.organisation,
                &[RecordKind::Organisation],
            ),
        ]
    }
}

impl RecordBody for Relationship {
    const KIND: RecordKind = RecordKind::Relationship;
    fn validate(&self) -> Result<(), ValidationError> {
        validate_score("strength", self.strength)?;
        bounds::check_optional_day("since", self.since)?;
        check_list("given", &self.given)?;
        check_list("received", &self.received)?;
        if let Some(last) = self.last_contact {
            bounds::check_moment("last_contact", last)?;
        }
        if let Some(trust) = self.trust {
            validate_score("trust", trust)?;
        }
        if self.cadence_days == Some(0) {
            return Err(ValidationError::worded(
                "cadence_days",
                "at_least_one_day",
                &[],
            ));
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        vec![
            ("networker", self.networker, &[RecordKind::Networker]),
            ("stakeholder", self.stakeholder, STAKEHOLDER_KINDS),
        ]
    }
}

impl RecordBody for Interaction {
    const KIND: RecordKind = RecordKind::Interaction;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("summary", &self.summary)?;
        check_list("outcomes", &self.outcomes)?;
        bounds::check_moment("at", self.at)?;
        if self.participants.is_empty() {
            return Err(ValidationError::worded(
                "participants",
                "name_a_participant",
                &[],
            ));
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        self.participants
            .iter()
            .map(|p| ("participants", *p, PARTICIPANT_KINDS))
            .collect()
    }
}

impl RecordBody for FollowUp {
    const KIND: RecordKind = RecordKind::FollowUp;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("text", &self.text)?;
        bounds::check_day("due", self.due)
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        let mut refs: Vec<_> = self
            .about
            .iter()
            .map(|a| ("about", *a, PARTICIPANT_KINDS))
            .collect();
        if let Some(interaction) = self.interaction {
            refs.push(("interaction", interaction, &[RecordKind::Interaction][..]));
        }
        refs
    }
}

impl RecordBody for Link {
    const KIND: RecordKind = RecordKind::Link;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("kind", &self.kind.0)?;
        if self.from == self.to {
            return Err(ValidationError::worded("to", "linked_to_itself", &[]));
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        vec![
            ("from", self.from, STAKEHOLDER_KINDS),
            ("to", self.to, STAKEHOLDER_KINDS),
        ]
    }
}

impl RecordBody for Note {
    const KIND: RecordKind = RecordKind::Note;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("text", &self.text)
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        vec![("about", self.about, ANY_KIND)]
    }
}

impl RecordBody for SameAs {
    const KIND: RecordKind = RecordKind::SameAs;
    fn validate(&self) -> Result<(), ValidationError> {
        if self.a == self.b {
            return Err(ValidationError::worded("b", "same_as_itself", &[]));
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        vec![
            ("a", self.a, STAKEHOLDER_KINDS),
            ("b", self.b, STAKEHOLDER_KINDS),
        ]
    }
}

fn require_text(field: &str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::worded(field, "empty", &[]));
    }
    Ok(())
}

fn validate_score(field: &str, value: u8) -> Result<(), ValidationError> {
    if !(1..=5).contains(&value) {
        return Err(ValidationError::worded(
            field,
            "score_out_of_range",
            &[("value", i64::from(value).into())],
        ));
    }
    Ok(())
}

pub fn validate_email(field: &str, email: &str) -> Result<(), ValidationError> {
    let bad = || ValidationError::worded(field, "not_an_email", &[("value", email.into())]);
    let (local, domain) = email.split_once('@').ok_or_else(bad)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let local_ok = !local.is_empty()
        && !local
            .chars()
            .any(|c| c.is_whitespace() || c == '@' || c == ',' || c == ';');
    if domain_ok && local_ok {
        Ok(())
    } else {
        Err(bad())
    }
}

pub fn validate_phone(field: &str, phone: &str) -> Result<(), ValidationError> {
    let allowed = |c: char| c.is_ascii_digit() || " +-()./".contains(c);
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let plus_ok = phone
        .trim_start()
        .strip_prefix('+')
        .unwrap_or(phone)
        .find('+')
        .is_none();
    if phone.chars().all(allowed) && (6..=17).contains(&digits) && plus_ok {
        Ok(())
    } else {
        Err(ValidationError::worded(
            field,
            "not_a_phone",
            &[("value", phone.into())],
        ))
    }
}

/// A web address as people type it, completed: "www.port.be" and "port.be/en" become
/// "https://www.port.be" and "https://port.be/en"; one with a scheme stays as it is. Writers
/// complete before they store (the command line, `create_person`, address-book imports), and
/// [`validate_url`] accepts what completion turns into a web address.
pub fn complete_web_address(text: &str) -> String {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    if trimmed.is_empty() || lower.starts_with("https://") || lower.starts_with("http://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    }
}

impl Person {
    /// The person with their web addresses completed ([`complete_web_address`]).
    pub fn completed(mut self) -> Person {
        for website in &mut self.websites {
            *website = complete_web_address(website);
        }
        self
    }
}

impl Organisation {
    /// The organisation with its web address completed ([`complete_web_address`]).
    pub fn completed(mut self) -> Organisation {
        self.website = self.website.as_deref().map(complete_web_address);
        self
    }
}

/// A web address, or one completion makes one ("www.port.be"): a host with a dot, no spaces.
pub fn validate_url(field: &str, url: &str) -> Result<(), ValidationError> {
    let bad = || ValidationError::worded(field, "not_a_web_address", &[("value", url.into())]);
    let completed = complete_web_address(url);
    let lower = completed.to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        "https://".len()
    } else if lower.starts_with("http://") {
        "http://".len()
    } else {
        return Err(bad());
    };
    let rest = &completed[scheme..];
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if host_ok && !completed.chars().any(char::is_whitespace) {
        Ok(())
    } else {
        Err(bad())
    }
}

/// The visibility of a record; records without one count as shared (they came from a store that
/// shared them).
pub fn visibility_of(state: &crate::crdt::RecordState) -> Visibility {
    match state.current(crate::crdt::envelope::VISIBILITY) {
        Some(serde_json::Value::String(text)) => text.parse().unwrap_or(Visibility::Private),
        _ => Visibility::Shared,
    }
}

fn id_field(state: &crate::crdt::RecordState, field: &str) -> Option<RecordId> {
    match state.current(field) {
        Some(serde_json::Value::String(text)) => text.parse().ok(),
        _ => None,
    }
}

/// The networker card a record belongs to: the `networker` of a relationship or rating, the
/// card itself for a networker, otherwise its `author`.
pub fn owner_of(state: &crate::crdt::RecordState) -> Option<RecordId> {
    match state.kind.parse::<RecordKind>() {
        Ok(RecordKind::Relationship | RecordKind::StakeholderRating) => {
            id_field(state, "networker").or_else(|| id_field(state, crate::crdt::envelope::AUTHOR))
        }
        Ok(RecordKind::Networker) => Some(RecordId(state.id)),
        _ => id_field(state, crate::crdt::envelope::AUTHOR),
    }
}

/// Whether a record is private to someone else: a colleague made it private after sharing it
/// (a retraction), so this store keeps it but no longer shows it.
pub fn is_withdrawn(state: &crate::crdt::RecordState, me: Option<RecordId>) -> bool {
    use crate::crdt::envelope;
    let text = |field: &str| match state.current(field) {
        Some(serde_json::Value::String(s)) => Some(s),
        _ => None,
    };
    let private = text(envelope::VISIBILITY).as_deref() == Some("private");
    private && text(envelope::AUTHOR) != me.map(|id| id.to_string())
}

/// What of a record may leave this machine: all of it, its summary projection, or nothing.
///
/// A record made private *after* it was summary or shared (its visibility version has seen an
/// earlier one) travels as a retraction: its id, its visibility and whose it is, nothing else, so
/// that the organisation's copies stop showing and passing it on (and know that only its owner
/// may share it again). A record private from the start never leaves at all, not even its id.
/// A summary record carries its author too, for the same reason.
pub fn shareable_projection(state: &crate::crdt::RecordState) -> Option<crate::crdt::RecordState> {
    match visibility_of(state) {
        Visibility::Private => {
            let register = state.fields.get(crate::crdt::envelope::VISIBILITY)?;
            let was_visible_before = register.versions().iter().any(|v| !v.seen.0.is_empty());
            was_visible_before.then(|| {
                state.project(
                    &[
                        crate::crdt::envelope::VISIBILITY,
                        crate::crdt::envelope::AUTHOR,
                    ],
                    &[],
                )
            })
        }
        Visibility::Shared => Some(state.clone()),
        Visibility::Summary => {
            let kind: RecordKind = state.kind.parse().ok()?;
            let fields = kind.summary_fields();
            if fields.is_empty() {
                return None;
            }
            let mut keep: Vec<&str> = fields.to_vec();
            keep.extend([
                crate::crdt::envelope::VISIBILITY,
                crate::crdt::envelope::DELETED,
                crate::crdt::envelope::AUTHOR,
            ]);
            Some(state.project(&keep, fields))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_phones_and_urls_are_checked_with_the_field_named() {
        assert!(validate_email("email", "jan.peeters@antwerpen.be").is_ok());
        let err = validate_email("email", "jan.peeters@").unwrap_err();
        assert_eq!(err.field, "email");
        assert!(validate_email("email", "no at sign").is_err());
        assert!(validate_phone("phones", "+32 3 338 11 11").is_ok());
        assert!(validate_phone("phones", "call me").is_err());
        assert!(validate_phone("phones", "12").is_err());
        assert!(validate_url("websites", "https://www.portofantwerpbruges.com/en").is_ok());
        assert!(validate_url("websites", "not a site").is_err());
        assert!(validate_url("websites", "ftp://example.be").is_err());
        assert!(validate_url("websites", "localhost").is_err());
    }

    #[test]
    fn a_website_without_https_is_completed_not_refused() {
        // Refused before: "'www.example.be' is not a web address".
        assert!(validate_url("websites", "www.example.be").is_ok());
        assert_eq!(
            complete_web_address(" www.example.be "),
            "https://www.example.be"
        );
        assert_eq!(complete_web_address("port.be/en"), "https://port.be/en");
        assert_eq!(complete_web_address("HTTP://port.be"), "HTTP://port.be");
        let person = Person {
            display_name: "Jan".into(),
            websites: vec!["jan.be".into(), "https://x.be".into()],
            ..Person::default()
        }
        .completed();
        assert_eq!(person.websites, ["https://jan.be", "https://x.be"]);
    }

    #[test]
    fn namesakes_are_labelled_by_unit_else_email_else_the_start_of_their_id() {
        let networker = |name: &str, unit: Option<&str>, email: Option<&str>| Networker {
            name: name.into(),
            unit: unit.map(Into::into),
            email: email.map(Into::into),
            ..Networker::default()
        };
        let id = |n: u128| RecordId(Uuid::from_u128(n));
        let people = [
            (id(1), networker("An", Some("Haven"), None)),
            (id(2), networker("Pieter Rousseau", Some("Economie"), None)),
            (
                id(3),
                networker("pieter rousseau", Some("Mobiliteit"), None),
            ),
            (id(4), networker("Els", Some("Haven"), Some("els@a.be"))),
            (id(5), networker("Els", Some("Haven"), Some("els.m@a.be"))),
            (id(6), networker("Jo", None, None)),
            (id(7), networker("Jo", None, None)),
        ];
        let labels = networker_labels(people.iter().map(|(id, n)| (*id, n)));
        assert_eq!(labels[&id(1)], "An");
        assert_eq!(labels[&id(2)], "Pieter Rousseau (Economie)");
        assert_eq!(labels[&id(3)], "pieter rousseau (Mobiliteit)");
        assert_eq!(
            labels[&id(4)],
            "Els (els@a.be)",
            "one unit: the email tells"
        );
        assert_eq!(labels[&id(6)], "Jo (00000000-0000-0000-0000-000000000006)");
        assert_ne!(labels[&id(6)], labels[&id(7)]);
    }

    #[test]
    fn scores_outside_one_to_five_are_refused() {
        let relationship = Relationship {
            networker: RecordId(Uuid::nil()),
            stakeholder: RecordId(Uuid::max()),
            strength: 6,
            trust: None,
            given: vec![],
            received: vec![],
            since: None,
            cadence_days: None,
            status: None,
            last_contact: None,
        };
        assert_eq!(
            relationship.validate().unwrap_err().to_string(),
            "strength: 6 is out of range 1–5"
        );
    }

    #[test]
    fn relationship_ids_do_not_depend_on_who_creates_them() {
        let networker = RecordId::new_v7(1_000);
        let stakeholder = RecordId::new_v7(2_000);
        assert_eq!(
            RecordId::for_relationship(networker, stakeholder),
            RecordId::for_relationship(networker, stakeholder)
        );
        assert_eq!(
            RecordId::for_same_as(networker, stakeholder),
            RecordId::for_same_as(stakeholder, networker)
        );
    }

    #[test]
    fn kinds_and_enums_parse_from_the_words_users_type() {
        assert_eq!(
            "org".parse::<RecordKind>().unwrap(),
            RecordKind::Organisation
        );
        assert_eq!("Community".parse::<Sector>().unwrap(), Sector::Voluntary);
        let err = "galactic".parse::<Level>().unwrap_err();
        assert!(
            err.reason
                .contains("local, regional, national, eu, international"),
            "{err}"
        );
        assert_eq!(err.reason_code(), ReasonCode::NotOneOf);
    }

    #[test]
    fn a_hyphen_reads_as_an_underscore_except_in_words_read_from_stores_and_bundles() {
        assert_eq!(
            " Not-One-Of ".parse::<ReasonCode>().unwrap(),
            ReasonCode::NotOneOf
        );
        assert_eq!(
            "follow_up".parse::<RecordKind>().unwrap(),
            RecordKind::FollowUp
        );
        assert!("follow-up".parse::<RecordKind>().is_err());
        assert!("works-with".parse::<UsualLink>().is_err());
    }
}
