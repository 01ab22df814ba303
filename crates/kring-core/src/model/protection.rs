//! The record kinds of data protection: the organisation's purposes and lawful basis, a person's
//! objection or restriction, a forget (erasure), a subject access request and a retention rule.
//!
//! They live in the common envelope like every other record and sync with no code of their own.
//! Purposes, forgets, access requests and retention rules are a Manager of the Network's
//! (`trust::rights`); a restriction may be marked by any member and is changed or lifted by a
//! manager. A forget and an access request hold no personal data: ids, keyed hashes of e-mail
//! addresses and phone numbers, dates, a reason or a case reference.

use crate::model::{RecordBody, RecordId, RecordKind, ValidationError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

word_enum!(
    /// The lawful basis of processing, Art. 6(1) GDPR.
    LawfulBasis {
        Consent => "consent",
        Contract => "contract",
        LegalObligation => "legal_obligation",
        VitalInterests => "vital_interests",
        PublicTask => "public_task",
        LegitimateInterests => "legitimate_interests",
    }
);

impl LawfulBasis {
    /// The article that names it, as English cites it ("Art. 6(1)(e) GDPR").
    pub fn article(self) -> &'static str {
        match self {
            LawfulBasis::Consent => "Art. 6(1)(a) GDPR",
            LawfulBasis::Contract => "Art. 6(1)(b) GDPR",
            LawfulBasis::LegalObligation => "Art. 6(1)(c) GDPR",
            LawfulBasis::VitalInterests => "Art. 6(1)(d) GDPR",
            LawfulBasis::PublicTask => "Art. 6(1)(e) GDPR",
            LawfulBasis::LegitimateInterests => "Art. 6(1)(f) GDPR",
        }
    }

    /// The article as `language`'s official text cites it ("art. 6, lid 1, e), AVG").
    pub fn article_in(self, language: kring_i18n::Language) -> String {
        kring_i18n::t!(
            language,
            "protection-lawful-basis-article",
            basis = self.as_str()
        )
    }

    /// In words, for reports and lists, in `language` ("a task carried out in the public
    /// interest …"); the code (`as_str`) is what programs compare.
    pub fn describe(self, language: kring_i18n::Language) -> String {
        kring_i18n::t!(language, "protection-lawful-basis", basis = self.as_str())
    }
}

word_enum!(
    /// Where a person's objection or restriction stands: `objected` to the processing (Art. 21
    /// GDPR), processing `restricted` (kept, not used; Art. 18), or `lifted` by a manager.
    RestrictionStatus {
        Objected => "objected",
        Restricted => "restricted",
        Lifted => "lifted",
    }
);

word_enum!(
    /// What a retention rule does with a record past its period: `clear` the named text fields
    /// and sets (the record, its date and participants stay), `remove` the whole record on every
    /// store, or `propose_erasure` of a person, which a person confirms
    /// (`kring retention --confirm`).
    RetentionAction {
        Clear => "clear",
        Remove => "remove",
        ProposeErasure => "propose_erasure",
    }
);

/// One of the organisation's purposes of processing and its lawful basis. With none recorded,
/// Kring states the default: relationship management for the public task, Art. 6(1)(e) GDPR.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Purpose {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub lawful_basis: LawfulBasis,
    /// The law or decision the task rests on ("Decreet over het lokaal bestuur, art. 2").
    #[serde(default)]
    pub legal_reference: Option<String>,
    /// Who receives the data ("the Manager of the Network", "colleagues of the organisation").
    #[serde(default)]
    pub recipients: Vec<String>,
    /// What is kept ("contact details", "meetings and their outcomes").
    #[serde(default)]
    pub data_categories: Vec<String>,
}

impl Default for Purpose {
    fn default() -> Self {
        Purpose {
            name: String::new(),
            description: None,
            lawful_basis: LawfulBasis::PublicTask,
            legal_reference: None,
            recipients: Vec::new(),
            data_categories: Vec::new(),
        }
    }
}

/// A person's objection or restriction: the card stays, is shown as such, and is left out of
/// reminders, follow-up lists, newsletters and invitations until a manager lifts it. Its id is
/// derived from the person's, so everyone who marks one person marks one record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Restriction {
    pub person: RecordId,
    pub status: RestrictionStatus,
    #[serde(default)]
    pub since: Option<NaiveDate>,
    /// How it came (a letter, a conversation), not why the person objected.
    #[serde(default)]
    pub reason: Option<String>,
}

/// The erasure of a person (Art. 17 GDPR): it holds ids and keyed hashes only, is never changed
/// or removed, and every store that has it or later gets it purges the person (see
/// [`super::erasure`]). Its id is derived from the subject's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Forget {
    /// The card asked for.
    pub subject: RecordId,
    /// Every card of the person's identity group when they were forgotten (the subject among them).
    #[serde(default)]
    pub cards: Vec<RecordId>,
    /// Keyed hashes of the person's e-mail addresses and phone numbers, so that an address book
    /// or a capture meeting them again warns instead of re-creating the person.
    #[serde(default)]
    pub contact_hashes: Vec<String>,
    /// Why (a case number, the article), without naming the person.
    pub reason: String,
}

/// A subject access request (Art. 15 GDPR) raised by a manager: it travels to every networker,
/// whose Kring then lists the private records it holds about the person, for the networker to
/// decide what to hand over. Holds ids, keyed hashes and dates only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccessRequest {
    pub subject: RecordId,
    /// The person's identity group (the subject among them).
    #[serde(default)]
    pub cards: Vec<RecordId>,
    #[serde(default)]
    pub contact_hashes: Vec<String>,
    pub received: NaiveDate,
    /// A case number, not a name.
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub answered: Option<NaiveDate>,
}

/// A retention rule (Art. 5(1)(e) GDPR; in Flanders the *selectieregels* of the archive rules):
/// what happens to records of one kind once they are older than `after_days`, with its legal
/// reference. Every store applies the rules at open, daily and to what it imports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RetentionRule {
    pub name: String,
    pub applies_to: RecordKind,
    pub action: RetentionAction,
    pub after_days: u32,
    /// For `clear`: the text fields and sets to clear.
    #[serde(default)]
    pub fields: Vec<String>,
    pub legal_reference: String,
    #[serde(default)]
    pub description: Option<String>,
}

fn require_text(field: &str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::worded(field, "empty", &[]));
    }
    Ok(())
}

const PERSON: &[RecordKind] = &[RecordKind::Person];

impl RecordBody for Purpose {
    const KIND: RecordKind = RecordKind::Purpose;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("name", &self.name)?;
        for recipient in &self.recipients {
            require_text("recipients", recipient)?;
        }
        for category in &self.data_categories {
            require_text("data_categories", category)?;
        }
        Ok(())
    }
}

impl RecordBody for Restriction {
    const KIND: RecordKind = RecordKind::Restriction;
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        vec![("person", self.person, PERSON)]
    }
}

/// Whether text is a contact hash as Kring writes it: 64 lowercase hexadecimal digits.
fn is_contact_hash(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl RecordBody for Forget {
    const KIND: RecordKind = RecordKind::Forget;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("reason", &self.reason)?;
        if let Some(bad) = self.contact_hashes.iter().find(|h| !is_contact_hash(h)) {
            return Err(ValidationError::worded(
                "contact_hashes",
                "not_a_contact_hash",
                &[("value", bad.as_str().into())],
            ));
        }
        Ok(())
    }
    // No references: the cards it names are gone once it is applied.
}

impl RecordBody for AccessRequest {
    const KIND: RecordKind = RecordKind::AccessRequest;
    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(bad) = self.contact_hashes.iter().find(|h| !is_contact_hash(h)) {
            return Err(ValidationError::worded(
                "contact_hashes",
                "not_a_contact_hash",
                &[("value", bad.as_str().into())],
            ));
        }
        if let Some(answered) = self.answered {
            if answered < self.received {
                return Err(ValidationError::worded(
                    "answered",
                    "answered_before_received",
                    &[],
                ));
            }
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        vec![("subject", self.subject, PERSON)]
    }
}

impl RetentionRule {
    /// The kinds a rule may apply to, and with which actions: cards are never removed by a rule
    /// (a person is proposed for erasure, and a person confirms), and the records that keep the
    /// organisation and its data protection running are not subject to rules at all.
    pub fn allowed(kind: RecordKind, action: RetentionAction) -> bool {
        use RecordKind as K;
        match action {
            RetentionAction::ProposeErasure => kind == K::Person,
            RetentionAction::Remove | RetentionAction::Clear => matches!(
                kind,
                K::Affiliation
                    | K::Relationship
                    | K::Interaction
                    | K::FollowUp
                    | K::Link
                    | K::Note
                    | K::Event
                    | K::PartnershipReview
                    | K::StakeholderRating
            ),
        }
    }

    /// Whether a field of a kind can be cleared: free text, or a set of text.
    pub fn clearable(kind: RecordKind, field: &str) -> bool {
        use crate::model::schema::FieldType;
        let Some(spec) = crate::model::schema::table_of(kind).field(field) else {
            return false;
        };
        matches!(spec.ty, FieldType::Text(_) | FieldType::NonBlank(_))
    }
}

impl RecordBody for RetentionRule {
    const KIND: RecordKind = RecordKind::RetentionRule;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("name", &self.name)?;
        require_text("legal_reference", &self.legal_reference)?;
        if self.after_days == 0 {
            return Err(ValidationError::worded(
                "after_days",
                "at_least_one_day",
                &[],
            ));
        }
        if !RetentionRule::allowed(self.applies_to, self.action) {
            let kind = ("kind", self.applies_to.as_str().into());
            return Err(match self.action {
                RetentionAction::ProposeErasure => {
                    ValidationError::worded("applies_to", "only_people_are_erased", &[kind])
                }
                _ => ValidationError::worded(
                    "applies_to",
                    "rule_cannot_act",
                    &[("action", self.action.as_str().into()), kind],
                ),
            });
        }
        // A blank name is refused as blank, as the field table refuses it, before the rules
        // that judge the names against the kind and the action.
        for field in &self.fields {
            require_text("fields", field)?;
        }
        match self.action {
            RetentionAction::Clear if self.fields.is_empty() => {
                return Err(ValidationError::worded(
                    "fields",
                    "name_fields_to_clear",
                    &[],
                ));
            }
            RetentionAction::Clear => {
                for field in &self.fields {
                    if !RetentionRule::clearable(self.applies_to, field) {
                        return Err(ValidationError::worded(
                            "fields",
                            "not_a_clearable_field",
                            &[
                                ("value", field.as_str().into()),
                                ("kind", self.applies_to.as_str().into()),
                            ],
                        ));
                    }
                }
            }
            _ if !self.fields.is_empty() => {
                return Err(ValidationError::worded(
                    "fields",
                    "fields_only_when_clearing",
                    &[],
                ));
            }
            _ => {}
        }
        Ok(())
    }
}

impl RecordId {
    /// The id of a person's objection or restriction: one per person, whoever marks it.
    pub fn for_restriction(person: RecordId) -> RecordId {
        RecordId(uuid::Uuid::new_v5(
            &RESTRICTION_NAMESPACE,
            person.as_bytes(),
        ))
    }

    /// The id of a person's forget record: managers who forget one person write one record.
    pub fn for_forget(subject: RecordId) -> RecordId {
        RecordId(uuid::Uuid::new_v5(&FORGET_NAMESPACE, subject.as_bytes()))
    }
}

const RESTRICTION_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6b72_696e_672d_7265_7374_7269_6374_0000);
const FORGET_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6b72_696e_672d_666f_7267_6574_0000_0000);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_may_not_remove_cards_and_only_clears_text() {
        let rule = RetentionRule {
            name: "Samenvattingen".into(),
            applies_to: RecordKind::Interaction,
            action: RetentionAction::Clear,
            after_days: 6 * 365,
            fields: vec!["summary".into(), "outcomes".into()],
            legal_reference: "Selectielijst lokale besturen, reeks 1.2".into(),
            description: None,
        };
        assert!(rule.validate().is_ok(), "{:?}", rule.validate());
        let participants = RetentionRule {
            fields: vec!["participants".into()],
            ..rule.clone()
        };
        assert_eq!(participants.validate().unwrap_err().field, "fields");
        let people = RetentionRule {
            applies_to: RecordKind::Person,
            action: RetentionAction::Remove,
            fields: vec![],
            ..rule.clone()
        };
        assert_eq!(people.validate().unwrap_err().field, "applies_to");
        let propose = RetentionRule {
            applies_to: RecordKind::Person,
            action: RetentionAction::ProposeErasure,
            fields: vec![],
            ..rule
        };
        assert!(propose.validate().is_ok());
    }

    #[test]
    fn a_forget_holds_hashes_only() {
        let subject = RecordId(uuid::Uuid::from_u128(7));
        let forget = Forget {
            subject,
            cards: vec![subject],
            contact_hashes: vec!["ab".repeat(32)],
            reason: "Art. 17, verzoek 2026-014".into(),
        };
        assert!(forget.validate().is_ok());
        let with_an_address = Forget {
            contact_hashes: vec!["jan@antwerpen.be".into()],
            ..forget.clone()
        };
        assert_eq!(
            with_an_address.validate().unwrap_err().field,
            "contact_hashes"
        );
    }
}
