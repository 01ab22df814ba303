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
pub use crate::model::refusal::{RefusalKind, RefusalReason, SaidInEach};
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
    /// Why, in words: English as kring-core writes it (`why` in English); the app and the
    /// command line say it in their reader's language (`reason_in`).
    pub reason: String,
    /// A stable code for programs.
    pub code: RefusalCode,
    /// Why, as a value (its own `code` says which refusal, finer than `code`): none in a refusal
    /// log written before refusals had one (or by a newer Kring with a reason this one does not
    /// know); `reason` still says why there.
    #[serde(default, deserialize_with = "crate::model::refusal::known_reason")]
    #[cfg_attr(feature = "specta", specta(type = Option<RefusalReason>))]
    pub why: Option<RefusalReason>,
}

impl RefusedWrite {
    /// A refused write of `field` of `record` (of `kind`, as written) by `writer`.
    pub fn new(
        record: RecordId,
        kind: &str,
        field: &str,
        writer: String,
        code: RefusalCode,
        why: RefusalReason,
    ) -> Self {
        RefusedWrite {
            record,
            kind: kind.parse().ok(),
            field: field.to_owned(),
            writer,
            reason: why.to_string(),
            code,
            why: Some(why),
        }
    }

    /// Why, in `language`. A write from a log kept before refusals had a `why` is recognised by
    /// its English (what `may_write`, `writer` and the import's own checks wrote then, one to
    /// four sentences per code); one carrying details of its own (a kind sent as another, a
    /// value its field refuses) stays as it was written.
    pub fn reason_in(&self, language: kring_i18n::Language) -> String {
        if let Some(why) = &self.why {
            return why.words(language);
        }
        self.recognised()
            .map_or_else(|| self.reason.clone(), |why| why.words(language))
    }

    /// The reason of a write logged before refusals had a `why`, as a value when its English is
    /// one Kring wrote for its code.
    fn recognised(&self) -> Option<RefusalReason> {
        let kind = || {
            self.kind
                .map(RecordKind::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let candidates = match self.code {
            RefusalCode::NotOnRoster => vec![RefusalReason::NotOnRoster],
            RefusalCode::RemovedMember => vec![RefusalReason::RemovedMember {
                writer: self.writer.clone(),
            }],
            RefusalCode::ManagersOnly => vec![
                RefusalReason::ManagersErase,
                RefusalReason::ManagersRestrict,
                RefusalReason::ManagersWrite { kind: kind() },
            ],
            RefusalCode::ForgetIsFinal => vec![RefusalReason::ForgetIsFinal],
            RefusalCode::VisibilityOwnerOnly => vec![RefusalReason::VisibilityOwnerOnly],
            RefusalCode::OwnerOnly => vec![
                RefusalReason::BelongsToKeeper { kind: kind() },
                RefusalReason::NetworkerCard,
                RefusalReason::AuthorDeletes,
                RefusalReason::NamesAnotherOwner,
            ],
            RefusalCode::NotTheSigner => vec![RefusalReason::NotTheSigner],
            RefusalCode::ForgedOwnWrite => vec![RefusalReason::ForgedOwnWrite],
            RefusalCode::PrivateHere => vec![RefusalReason::PrivateHere],
            RefusalCode::KindChanged | RefusalCode::InvalidValue => vec![],
        };
        candidates
            .into_iter()
            .find(|why| why.to_string() == self.reason)
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
    pub reason: RefusalReason,
}

/// The writer behind a stamp, as the roster knows it.
pub fn writer(roster: &Roster, stamp: Stamp) -> Result<&RosterEntry, UnknownWriter> {
    let Some(entry) = roster.writer_entry(stamp.node) else {
        return Err(UnknownWriter {
            writer: stamp.node.to_string(),
            code: RefusalCode::NotOnRoster,
            reason: RefusalReason::NotOnRoster,
        });
    };
    if entry.removed_at.is_some_and(|removed| stamp.hlc > removed) {
        return Err(UnknownWriter {
            writer: entry.name.clone(),
            code: RefusalCode::RemovedMember,
            reason: RefusalReason::RemovedMember {
                writer: entry.name.clone(),
            },
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
) -> Result<(), (RefusalCode, RefusalReason)> {
    let manager = writer.role == Role::Manager;
    let is_owner = owner.is_some() && writer.networker == owner;
    // A forget is a fact: written once by a manager, never changed, narrowed or deleted, so that
    // every store keeps applying it (sets only grow: their elements are what it names).
    if kind == RecordKind::Forget.as_str() {
        if !manager {
            return Err((RefusalCode::ManagersOnly, RefusalReason::ManagersErase));
        }
        // A set's elements are judged without a "first write" (elements are added, not
        // overwritten); what a forget once named stays named, see `protection::sweep`.
        let is_set = crate::model::schema::field_of(kind, field).is_some_and(|f| f.set);
        if field == envelope::DELETED || !(first_write || is_set) {
            return Err((RefusalCode::ForgetIsFinal, RefusalReason::ForgetIsFinal));
        }
        return Ok(());
    }
    // Anyone who hears a person object may mark it; lifting or changing it is a manager's call.
    if kind == RecordKind::Restriction.as_str() && !manager {
        if first_write && field != envelope::DELETED {
            return Ok(());
        }
        return Err((RefusalCode::ManagersOnly, RefusalReason::ManagersRestrict));
    }
    if field == envelope::VISIBILITY {
        if is_owner || owner.is_none() || (manager && first_write) {
            return Ok(());
        }
        return Err((
            RefusalCode::VisibilityOwnerOnly,
            RefusalReason::VisibilityOwnerOnly,
        ));
    }
    if is_manager_kind(kind) {
        return if manager {
            Ok(())
        } else {
            Err((
                RefusalCode::ManagersOnly,
                RefusalReason::ManagersWrite { kind: kind.into() },
            ))
        };
    }
    if manager {
        return Ok(());
    }
    let belongs = || {
        Err((
            RefusalCode::OwnerOnly,
            RefusalReason::BelongsToKeeper { kind: kind.into() },
        ))
    };
    if kind == RecordKind::Networker.as_str() {
        return if writer.networker == Some(record) {
            Ok(())
        } else {
            Err((RefusalCode::OwnerOnly, RefusalReason::NetworkerCard))
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
        return Err((RefusalCode::OwnerOnly, RefusalReason::AuthorDeletes));
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
    use crate::clock::Hlc;

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
            earlier_nodes: Vec::new(),
        }
    }

    fn claiming(mut entry: RosterEntry, earlier: &[u64]) -> RosterEntry {
        entry.earlier_nodes = earlier.iter().copied().map(NodeId).collect();
        entry
    }

    fn stamp(node: u64) -> Stamp {
        Stamp {
            hlc: Hlc::ZERO,
            node: NodeId(node),
        }
    }

    #[test]
    fn a_node_a_store_wrote_under_before_it_was_restored_is_that_members() {
        let mut roster = Roster::default();
        roster.insert(claiming(entry(Role::Networker, 1), &[100, 101]));
        assert_eq!(writer(&roster, stamp(100)).unwrap().node, NodeId(1));
        assert_eq!(writer(&roster, stamp(101)).unwrap().node, NodeId(1));
        assert_eq!(
            writer(&roster, stamp(102)).unwrap_err().code,
            RefusalCode::NotOnRoster
        );
    }

    #[test]
    fn claiming_a_colleagues_node_does_not_make_their_writes_the_claimants() {
        let mut roster = Roster::default();
        roster.insert(entry(Role::Networker, 2));
        roster.insert(claiming(entry(Role::Networker, 1), &[2]));
        assert_eq!(writer(&roster, stamp(2)).unwrap().node, NodeId(2));
        assert_eq!(
            writer(&roster, stamp(2)).unwrap().networker,
            entry(Role::Networker, 2).networker
        );
    }

    #[test]
    fn a_node_claimed_by_two_peoples_stores_is_nobodys() {
        let mut roster = Roster::default();
        roster.insert(claiming(entry(Role::Networker, 1), &[100]));
        roster.insert(claiming(entry(Role::Networker, 2), &[100]));
        assert_eq!(
            writer(&roster, stamp(100)).unwrap_err().code,
            RefusalCode::NotOnRoster
        );
    }

    #[test]
    fn a_node_claimed_by_two_stores_of_one_person_is_theirs_and_keeps_the_removal() {
        let mut roster = Roster::default();
        let mut old = claiming(entry(Role::Networker, 1), &[100]);
        old.removed_at = Some(Hlc::ZERO);
        let mut new = claiming(entry(Role::Networker, 1), &[100, 1]);
        new.node = NodeId(3);
        roster.insert(old);
        roster.insert(new);
        assert_eq!(writer(&roster, stamp(100)).unwrap().node, NodeId(3));
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
            let (code, why) = may_write(&an, kind, record, owner, field, first)
                .expect_err("a networker may not write this");
            let write = RefusedWrite::new(record, kind, field, an.name.clone(), code, why);
            let reason = write.reason.clone();
            assert_eq!(write.reason_in(Language::English), reason);
            // A log kept before refusals had a `why` is still recognised by its English.
            let logged = RefusedWrite {
                why: None,
                ..write.clone()
            };
            for language in [Language::Dutch, Language::French, Language::German] {
                let words = write.reason_in(language);
                assert_ne!(words, reason, "{kind} {field} in {language} is English");
                assert_eq!(logged.reason_in(language), words, "{kind} {field} logged");
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
        let write = RefusedWrite::new(
            record,
            "hologram",
            "name",
            stranger.writer,
            stranger.code,
            stranger.reason,
        );
        assert_eq!(write.kind, None, "a kind this Kring does not know");
        assert_ne!(write.reason_in(Language::German), write.reason);
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
