//! Why a write was refused, as a value: the kind of refusal and what its words need (a record
//! kind, a field, a person's name, their mark). The words are said when a person reads them, in
//! their language (`locales/*/refusals.ftl`, one message `refusal-<code>` per kind), so that a
//! Dutch networker reads no English reason inside a Dutch sentence; the `code` stays the same in
//! every language, for scripts.

use crate::model::protection::RestrictionStatus;
use crate::model::RecordId;
use kring_i18n::{t, Language};

crate::model::word_enum!(
    /// The stable code of each kind of refusal ([`RefusalReason::code`]): what its JSON carries
    /// as `code`, and the id of its words (`refusal-<code>`).
    RefusalKind {
        NotOnRoster => "not_on_roster",
        RemovedMember => "removed_member",
        ManagersErase => "managers_erase",
        ManagersRestrict => "managers_restrict",
        ManagersWrite => "managers_write",
        ForgetIsFinal => "forget_is_final",
        VisibilityOwnerOnly => "visibility_owner_only",
        BelongsToKeeper => "belongs_to_keeper",
        NetworkerCard => "networker_card",
        AuthorDeletes => "author_deletes",
        NamesAnotherOwner => "names_another_owner",
        NotTheSigner => "not_the_signer",
        ForgedOwnWrite => "forged_own_write",
        PrivateHere => "private_here",
        KindChanged => "kind_changed",
        InvalidValue => "invalid_value",
        SummaryOnly => "summary_only",
        Withdrawn => "withdrawn",
        Restricted => "restricted",
    }
);

/// Why a write was refused. Record kinds travel as their codes (a kind this Kring does not know
/// stays as it came) and are worded in the reader's language when said.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum RefusalReason {
    /// Written by a store the roster does not know.
    NotOnRoster,
    /// Written by a member after they were taken off the roster.
    RemovedMember { writer: String },
    /// Only a manager forgets a person for the organisation.
    ManagersErase,
    /// Only a manager changes or lifts an objection or restriction.
    ManagersRestrict,
    /// Only a manager writes records of this kind (goals, teams, the roster …).
    ManagersWrite { kind: String },
    /// A forget is written once and never changed or removed.
    ForgetIsFinal,
    /// Only a record's owner decides who may see it.
    VisibilityOwnerOnly,
    /// A relationship, interaction, note … belongs to the networker who keeps it.
    BelongsToKeeper { kind: String },
    /// Only that networker (or a manager) changes a networker's card.
    NetworkerCard,
    /// Only its author (or a manager) deletes a card others may rely on.
    AuthorDeletes,
    /// The write names someone else as the record's owner.
    NamesAnotherOwner,
    /// A networker's bundle carried someone else's write.
    NotTheSigner,
    /// Stamped as this store's own write, which it never made.
    ForgedOwnWrite,
    /// The owner holds the record private on this store.
    PrivateHere,
    /// Sent as one kind of record where this store holds another.
    KindChanged { sent: String, held: String },
    /// The value does not fit its field: the model's own words for what is wrong, said in each
    /// language when the write was refused (the value itself is not kept).
    InvalidValue { problem: Box<SaidInEach> },
    /// A colleague's record its owner shares only as a summary: this field is not in it.
    SummaryOnly { kind: String, field: String },
    /// A colleague's record its owner has withdrawn (made private again).
    Withdrawn { kind: String, field: String },
    /// The person objected or is restricted: not invited, nor recorded as attending.
    Restricted {
        person: RecordId,
        name: String,
        status: RestrictionStatus,
    },
}

/// Words already said in each of Kring's languages (by the layer that met the problem).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SaidInEach {
    pub en: String,
    pub nl: String,
    pub fr: String,
    pub de: String,
}

impl SaidInEach {
    /// The words `say` gives in each language.
    pub fn from(say: impl Fn(Language) -> String) -> Self {
        SaidInEach {
            en: say(Language::English),
            nl: say(Language::Dutch),
            fr: say(Language::French),
            de: say(Language::German),
        }
    }

    pub fn words(&self, language: Language) -> &str {
        match language {
            Language::English => &self.en,
            Language::Dutch => &self.nl,
            Language::French => &self.fr,
            Language::German => &self.de,
        }
    }
}

impl RefusalReason {
    /// The stable code of this kind of refusal.
    pub fn code(&self) -> RefusalKind {
        match self {
            RefusalReason::NotOnRoster => RefusalKind::NotOnRoster,
            RefusalReason::RemovedMember { .. } => RefusalKind::RemovedMember,
            RefusalReason::ManagersErase => RefusalKind::ManagersErase,
            RefusalReason::ManagersRestrict => RefusalKind::ManagersRestrict,
            RefusalReason::ManagersWrite { .. } => RefusalKind::ManagersWrite,
            RefusalReason::ForgetIsFinal => RefusalKind::ForgetIsFinal,
            RefusalReason::VisibilityOwnerOnly => RefusalKind::VisibilityOwnerOnly,
            RefusalReason::BelongsToKeeper { .. } => RefusalKind::BelongsToKeeper,
            RefusalReason::NetworkerCard => RefusalKind::NetworkerCard,
            RefusalReason::AuthorDeletes => RefusalKind::AuthorDeletes,
            RefusalReason::NamesAnotherOwner => RefusalKind::NamesAnotherOwner,
            RefusalReason::NotTheSigner => RefusalKind::NotTheSigner,
            RefusalReason::ForgedOwnWrite => RefusalKind::ForgedOwnWrite,
            RefusalReason::PrivateHere => RefusalKind::PrivateHere,
            RefusalReason::KindChanged { .. } => RefusalKind::KindChanged,
            RefusalReason::InvalidValue { .. } => RefusalKind::InvalidValue,
            RefusalReason::SummaryOnly { .. } => RefusalKind::SummaryOnly,
            RefusalReason::Withdrawn { .. } => RefusalKind::Withdrawn,
            RefusalReason::Restricted { .. } => RefusalKind::Restricted,
        }
    }

    /// The reason in `language`. Its English is what Kring wrote before refusals had a code,
    /// word for word (logs and scripts read it).
    pub fn words(&self, language: Language) -> String {
        // A record kind as the language names it (English keeps the code).
        let kind = |kind: &str| t!(language, "protection-record-kind", kind = kind.to_owned());
        match self {
            RefusalReason::NotOnRoster => t!(language, "refusal-not_on_roster"),
            RefusalReason::RemovedMember { writer } => {
                t!(language, "refusal-removed_member", writer = writer.as_str())
            }
            RefusalReason::ManagersErase => t!(language, "refusal-managers_erase"),
            RefusalReason::ManagersRestrict => t!(language, "refusal-managers_restrict"),
            RefusalReason::ManagersWrite { kind: written } => {
                t!(language, "refusal-managers_write", kind = kind(written))
            }
            RefusalReason::ForgetIsFinal => t!(language, "refusal-forget_is_final"),
            RefusalReason::VisibilityOwnerOnly => t!(language, "refusal-visibility_owner_only"),
            RefusalReason::BelongsToKeeper { kind: kept } => {
                t!(language, "refusal-belongs_to_keeper", kind = kind(kept))
            }
            RefusalReason::NetworkerCard => t!(language, "refusal-networker_card"),
            RefusalReason::AuthorDeletes => t!(language, "refusal-author_deletes"),
            RefusalReason::NamesAnotherOwner => t!(language, "refusal-names_another_owner"),
            RefusalReason::NotTheSigner => t!(language, "refusal-not_the_signer"),
            RefusalReason::ForgedOwnWrite => t!(language, "refusal-forged_own_write"),
            RefusalReason::PrivateHere => t!(language, "refusal-private_here"),
            RefusalReason::KindChanged { sent, held } => t!(
                language,
                "refusal-kind_changed",
                sent = kind(sent),
                held = kind(held)
            ),
            RefusalReason::InvalidValue { problem } => t!(
                language,
                "refusal-invalid_value",
                problem = problem.words(language).to_owned()
            ),
            RefusalReason::SummaryOnly {
                kind: shared,
                field,
            } => t!(
                language,
                "refusal-summary_only",
                kind = kind(shared),
                field = kring_i18n::field_label(language, shared, field)
            ),
            RefusalReason::Withdrawn {
                kind: withdrawn,
                field,
            } => t!(
                language,
                "refusal-withdrawn",
                kind = kind(withdrawn),
                field = kring_i18n::field_label(language, withdrawn, field)
            ),
            RefusalReason::Restricted {
                person,
                name,
                status,
            } => t!(
                language,
                "refusal-restricted",
                name = name.as_str(),
                person = person.to_string(),
                status = status.as_str()
            ),
        }
    }
}

/// In English, as Kring wrote it before refusals had a code.
impl std::fmt::Display for RefusalReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Language::English))
    }
}

/// Reads a refusal's reason, or none for one written before reasons were values (its English
/// `reason` still says why) or by a newer Kring with a kind this one does not know.
pub(crate) fn known_reason<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<RefusalReason>, D::Error> {
    use serde::Deserialize;
    let value: Option<serde_json::Value> = Option::deserialize(deserializer)?;
    Ok(value.and_then(|value| serde_json::from_value(value).ok()))
}
