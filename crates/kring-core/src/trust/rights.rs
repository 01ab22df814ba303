//! Who may write what, checked on every import (each version and set element a bundle brings)
//! and on every local write.
//!
//! | what | who may write it |
//! | --- | --- |
//! | goals, teams, partnerships, reviews, events, the roster (`member`) | managers |
//! | purposes, retention rules, access requests (`crate::protection`) | managers |
//! | forgets | managers, each field once (a forget never changes and is never deleted) |
//! | a person's objection or restriction | any enrolled member marks it (its first write); managers change or lift it |
//! | relationships, stakeholder ratings | the networker they belong to (their `networker`), and managers (an offboarding handover) |
//! | interactions, notes, follow-ups | their author, and managers |
//! | a networker's own card | that networker, and managers |
//! | people, organisations, affiliations, links, same-as | any enrolled member; deleting them only their author or a manager |
//! | a record's visibility | its owner only; a manager may set it when creating a record for someone (a handover) |
//! | a record's `author` | only as the writer itself, or a manager |
//! | kinds this Kring does not know | any enrolled member |
//!
//! A write is attributed by its stamp's node, looked up on the roster: a node the roster does
//! not know writes nothing, and a member removed from the roster writes nothing stamped after
//! the removal (what it wrote before stands). Nothing here reads the store: the caller passes
//! the roster, the record as this store holds it, and the write.

use super::{Roster, RosterEntry};
use crate::clock::{NodeId, Stamp};
use crate::crdt::envelope;
use crate::model::{RecordId, RecordKind, Role};

/// A write a store refused to merge, and why. Counted and named in the import report.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RefusedWrite {
    pub record: RecordId,
    /// The record's kind; none for a kind this Kring does not know (a newer Kring's, or text
    /// a hostile bundle made up). Refusal logs written as text read back the same.
    #[serde(deserialize_with = "crate::model::known_kind")]
    #[cfg_attr(feature = "specta", specta(type = Option<RecordKind>))]
    pub kind: Option<RecordKind>,
    pub field: String,
    /// Who wrote it: a member's name, or the node id when the roster does not know it.
    pub writer: String,
    pub reason: String,
    /// A stable code for programs.
    pub code: RefusalCode,
}

impl RefusedWrite {
    /// Why, in `language`: the catalogue's sentence for the code whose English is the `reason`
    /// the store wrote (a code has one to three). A reason carrying details of its own (a kind
    /// sent as another, a value its field refuses) stays as it was written.
    pub fn reason_in(&self, language: kring_i18n::Language) -> String {
        let say = |language, sentence: &str| {
            kring_i18n::t!(
                language,
                "refused-write",
                sentence = sentence,
                kind = self.kind.map(RecordKind::as_str).unwrap_or_default(),
                writer = self.writer.as_str()
            )
        };
        self.code
            .sentences()
            .iter()
            .find(|sentence| say(kring_i18n::Language::English, sentence) == self.reason)
            .map_or_else(|| self.reason.clone(), |sentence| say(language, sentence))
    }
}

impl RefusalCode {
    /// The sentences (`refused-write`'s selectors) that say why a write with this code was
    /// refused: `may_write`, `writer` and the import's own checks write these, in English.
    fn sentences(self) -> &'static [&'static str] {
        match self {
            RefusalCode::NotOnRoster => &["not_on_roster"],
            RefusalCode::RemovedMember => &["removed_member"],
            RefusalCode::ManagersOnly => &["managers_erase", "managers_restrict", "managers_write"],
            RefusalCode::ForgetIsFinal => &["forget_is_final"],
            RefusalCode::VisibilityOwnerOnly => &["visibility_owner_only"],
            RefusalCode::OwnerOnly => &[
                "belongs_to_keeper",
                "networker_card",
                "author_deletes",
                "names_another_owner",
            ],
            RefusalCode::NotTheSigner => &["not_the_signer"],
            RefusalCode::ForgedOwnWrite => &["forged_own_write"],
            RefusalCode::PrivateHere => &["private_here"],
            RefusalCode::KindChanged | RefusalCode::InvalidValue => &[],
        }
    }
}

crate::model::word_enum!(
    /// Why a write was refused, for programs (the `reason` says it in words).
    RefusalCode {
        NotOnRoster => "not_on_roster",
        RemovedMember => "removed_member",
        ManagersOnly => "managers_only",
        OwnerOnly => "owner_only",
        VisibilityOwnerOnly => "visibility_owner_only",
        PrivateHere => "private_here",
        InvalidValue => "invalid_value",
        KindChanged => "kind_changed",
        NotTheSigner => "not_the_signer",
        ForgedOwnWrite => "forged_own_write",
        ForgetIsFinal => "forget_is_final",
    }
);

/// The kinds only a Manager of the Network writes.
pub fn is_manager_kind(kind: &str) -> bool {
    matches!(
        kind.parse::<RecordKind>(),
        Ok(RecordKind::Goal
            | RecordKind::Team
            | RecordKind::Partnership
            | RecordKind::PartnershipReview
            | RecordKind::Event
            | RecordKind::Member
            | RecordKind::Purpose
            | RecordKind::Forget
            | RecordKind::AccessRequest
            | RecordKind::RetentionRule)
    )
}

/// The kinds that belong to one networker: only they (and managers) write them.
fn is_owned_kind(kind: &str) -> bool {
    matches!(
        kind.parse::<RecordKind>(),
        Ok(RecordKind::Relationship
            | RecordKind::StakeholderRating
            | RecordKind::Interaction
            | RecordKind::Note
            | RecordKind::FollowUp)
    )
}

pub use crate::model::owner_of;

/// Why a stamp's writer may not write at all.
#[derive(Debug)]
pub struct UnknownWriter {
    /// The writer's name, or the node id when the roster does not know it.
    pub writer: String,
    pub code: RefusalCode,
    pub reason: String,
}

/// The writer behind a stamp, as the roster knows it.
pub fn writer(roster: &Roster, stamp: Stamp) -> Result<&RosterEntry, UnknownWriter> {
    let Some(entry) = roster.get(stamp.node) else {
        return Err(UnknownWriter {
            writer: stamp.node.to_string(),
            code: RefusalCode::NotOnRoster,
            reason: "written by a store that is not on the organisation's roster".into(),
        });
    };
    if entry.removed_at.is_some_and(|removed| stamp.hlc > removed) {
        return Err(UnknownWriter {
            writer: entry.name.clone(),
            code: RefusalCode::RemovedMember,
            reason: format!(
                "written by {} after they were taken off the roster",
                entry.name
            ),
        });
    }
    Ok(entry)
}

/// Whether a writer may write one field of a record (a register version or a set element).
/// `owner` is the card the record belongs to (from this store's copy when it has one);
/// `first_write` is true when the version saw no earlier version of the field (it created it).
pub fn may_write(
    writer: &RosterEntry,
    kind: &str,
    record: RecordId,
    owner: Option<RecordId>,
    field: &str,
    first_write: bool,
) -> Result<(), (RefusalCode, String)> {
    let manager = writer.role == Role::Manager;
    let is_owner = owner.is_some() && writer.networker == owner;
    // A forget is a fact: written once by a manager, never changed, narrowed or deleted, so that
    // every store keeps applying it (sets only grow: their elements are what it names).
    if kind == RecordKind::Forget.as_str() {
        if !manager {
            return Err((
                RefusalCode::ManagersOnly,
                "only a Manager of the Network erases a person for the organisation".into(),
            ));
        }
        // A set's elements are judged without a "first write" (elements are added, not
        // overwritten); what a forget once named stays named, see `protection::sweep`.
        let is_set = crate::model::schema::field_of(kind, field).is_some_and(|f| f.set);
        if field == envelope::DELETED || !(first_write || is_set) {
            return Err((
                RefusalCode::ForgetIsFinal,
                "a forget record is never changed or removed".into(),
            ));
        }
        return Ok(());
    }
    // Anyone who hears a person object may mark it; lifting or changing it is a manager's call.
    if kind == RecordKind::Restriction.as_str() && !manager {
        if first_write && field != envelope::DELETED {
            return Ok(());
        }
        return Err((
            RefusalCode::ManagersOnly,
            "only a Manager of the Network changes or lifts an objection or restriction".into(),
        ));
    }
    if field == envelope::VISIBILITY {
        if is_owner || owner.is_none() || (manager && first_write) {
            return Ok(());
        }
        return Err((
            RefusalCode::VisibilityOwnerOnly,
            "only the owner decides who may see a record".into(),
        ));
    }
    if is_manager_kind(kind) {
        return if manager {
            Ok(())
        } else {
            Err((
                RefusalCode::ManagersOnly,
                format!("only a Manager of the Network writes {kind} records"),
            ))
        };
    }
    if manager {
        return Ok(());
    }
    let belongs = || {
        Err((
            RefusalCode::OwnerOnly,
            format!("a {kind} belongs to the networker who keeps it"),
        ))
    };
    if kind == RecordKind::Networker.as_str() {
        return if writer.networker == Some(record) {
            Ok(())
        } else {
            Err((
                RefusalCode::OwnerOnly,
                "only that networker (or a manager) changes a networker's card".into(),
            ))
        };
    }
    if is_owned_kind(kind) {
        return if is_owner || owner.is_none() {
            Ok(())
        } else {
            belongs()
        };
    }
    if field == envelope::DELETED && !(is_owner || owner.is_none()) {
        return Err((
            RefusalCode::OwnerOnly,
            "only its author or a manager deletes a card others may rely on".into(),
        ));
    }
    Ok(())
}

/// Whether the version writing `author` (or a relationship's `networker`) names the writer itself:
/// nobody but a manager makes a record someone else's.
pub fn may_claim(writer: &RosterEntry, claimed: Option<RecordId>) -> bool {
    writer.role == Role::Manager || claimed.is_none() || writer.networker == claimed
}

/// Nodes that are this store's own (its node now, and nodes it had before a copy or restore).
pub fn is_own(own: &[NodeId], stamp: Stamp) -> bool {
    own.contains(&stamp.node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_log_written_with_kinds_as_text_reads_back_with_unknown_kinds_as_none() {
        let logged = |kind: &str| {
            serde_json::from_str::<RefusedWrite>(&format!(
                r#"{{"record":"{}","kind":{kind},"field":"name","writer":"An","reason":"r","code":"owner_only"}}"#,
                RecordId::new_v7(1_700_000_000_000)
            ))
            .unwrap()
        };
        assert_eq!(logged(r#""person""#).kind, Some(RecordKind::Person));
        assert_eq!(logged(r#""hologram""#).kind, None, "a newer Kring's kind");
        assert_eq!(logged("null").kind, None);
        let written = serde_json::to_value(logged(r#""follow_up""#)).unwrap();
        assert_eq!(written["kind"], "follow_up", "written as before");
        assert_eq!(written["code"], "owner_only");
    }

    fn entry(role: Role, networker: u128) -> RosterEntry {
        RosterEntry {
            node: NodeId(networker as u64),
            networker: Some(RecordId(uuid::Uuid::from_u128(networker))),
            name: format!("member {networker}"),
            email: String::new(),
            role,
            signing_key: vec![0; 32],
            encryption_key: None,
            removed_at: None,
        }
    }

    fn card(n: u128) -> Option<RecordId> {
        Some(RecordId(uuid::Uuid::from_u128(n)))
    }

    #[test]
    fn every_refusal_may_write_gives_is_said_in_each_language() {
        use kring_i18n::Language;
        let an = entry(Role::Networker, 1);
        let record = card(9).unwrap();
        let cases = [
            ("forget", None, "reason", true),
            ("forget", None, envelope::DELETED, false),
            ("restriction", None, envelope::DELETED, false),
            ("person", card(2), envelope::VISIBILITY, false),
            ("goal", None, "name", true),
            ("note", card(2), "text", false),
            ("networker", None, "name", false),
            ("person", card(2), envelope::DELETED, false),
        ];
        for (kind, owner, field, first) in cases {
            let (code, reason) = may_write(&an, kind, record, owner, field, first)
                .expect_err("a networker may not write this");
            let write = RefusedWrite {
                record,
                kind: kind.parse().ok(),
                field: field.into(),
                writer: an.name.clone(),
                reason: reason.clone(),
                code,
            };
            assert_eq!(write.reason_in(Language::English), reason);
            for language in [Language::Dutch, Language::French, Language::German] {
                let words = write.reason_in(language);
                assert_ne!(words, reason, "{kind} {field} in {language} is English");
            }
        }
        let stranger = writer(
            &Roster::default(),
            Stamp {
                hlc: Default::default(),
                node: NodeId(77),
            },
        )
        .expect_err("not on the roster");
        let write = RefusedWrite {
            record,
            kind: None,
            field: "name".into(),
            writer: stranger.writer,
            reason: stranger.reason.clone(),
            code: stranger.code,
        };
        assert_ne!(write.reason_in(Language::German), stranger.reason);
    }

    #[test]
    fn a_networker_may_not_write_a_goal_but_a_manager_may() {
        let an = entry(Role::Networker, 1);
        let mia = entry(Role::Manager, 2);
        let goal = RecordId(uuid::Uuid::from_u128(99));
        assert_eq!(
            may_write(&an, "goal", goal, card(2), "name", false)
                .unwrap_err()
                .0,
            RefusalCode::ManagersOnly
        );
        assert!(may_write(&mia, "goal", goal, card(2), "name", false).is_ok());
    }

    #[test]
    fn only_the_owner_changes_visibility_even_a_manager_only_when_creating() {
        let an = entry(Role::Networker, 1);
        let bert = entry(Role::Networker, 3);
        let mia = entry(Role::Manager, 2);
        let person = RecordId(uuid::Uuid::from_u128(50));
        assert!(may_write(&an, "person", person, card(1), "visibility", false).is_ok());
        assert!(may_write(&bert, "person", person, card(1), "visibility", false).is_err());
        assert!(may_write(&mia, "person", person, card(1), "visibility", false).is_err());
        assert!(may_write(&mia, "relationship", person, card(1), "visibility", true).is_ok());
    }

    #[test]
    fn colleagues_may_edit_a_shared_card_but_not_delete_it_or_touch_a_relationship() {
        let bert = entry(Role::Networker, 3);
        let person = RecordId(uuid::Uuid::from_u128(50));
        assert!(may_write(&bert, "person", person, card(1), "job_title", false).is_ok());
        assert!(may_write(&bert, "person", person, card(1), "deleted", false).is_err());
        assert!(may_write(&bert, "relationship", person, card(1), "strength", false).is_err());
        assert!(may_write(&bert, "relationship", person, card(3), "strength", false).is_ok());
        assert!(may_write(&bert, "future_kind", person, card(1), "anything", false).is_ok());
    }

    #[test]
    fn a_forget_is_written_once_by_a_manager_and_never_changed_or_deleted() {
        let an = entry(Role::Networker, 1);
        let mia = entry(Role::Manager, 2);
        let forget = RecordId(uuid::Uuid::from_u128(60));
        assert!(may_write(&mia, "forget", forget, card(2), "subject", true).is_ok());
        assert!(may_write(&mia, "forget", forget, card(2), "cards", false).is_ok());
        assert_eq!(
            may_write(&an, "forget", forget, None, "subject", true)
                .unwrap_err()
                .0,
            RefusalCode::ManagersOnly
        );
        for (field, first) in [("reason", false), ("visibility", false), ("deleted", true)] {
            assert_eq!(
                may_write(&mia, "forget", forget, card(2), field, first)
                    .unwrap_err()
                    .0,
                "forget_is_final",
                "{field}"
            );
        }
    }

    #[test]
    fn any_member_marks_an_objection_but_only_a_manager_lifts_it() {
        let an = entry(Role::Networker, 1);
        let mia = entry(Role::Manager, 2);
        let mark = RecordId(uuid::Uuid::from_u128(61));
        assert!(may_write(&an, "restriction", mark, card(1), "status", true).is_ok());
        assert!(may_write(&an, "restriction", mark, card(1), "status", false).is_err());
        assert!(may_write(&an, "restriction", mark, card(1), "deleted", true).is_err());
        assert!(may_write(&mia, "restriction", mark, card(1), "status", false).is_ok());
        assert_eq!(
            may_write(&an, "purpose", mark, card(1), "name", true)
                .unwrap_err()
                .0,
            RefusalCode::ManagersOnly
        );
    }
}
