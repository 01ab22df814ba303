//! What of an incoming record this store lets in: the rights check of every write a bundle
//! brings, and the two rules that keep a record's owner in charge of it.
//!
//! Each version of each field, and each add and removal of each set element, is a write
//! attributed to the node that stamped it. A write is admitted when:
//!
//! - a networker's bundle carries it under the networker's own stamp (a networker relays nothing:
//!   what it got from a master the manager already has, and what it got from a colleague the
//!   colleague sends itself);
//! - its writer is on the roster, and was not removed before writing it;
//! - the writer may write that field of that kind of record ([`rights`]);
//! - the value has the field's type ([`crate::model::schema`]);
//! - and, on the store of the record's owner, the record is not one the owner holds private.
//!
//! Everything else is dropped and reported ([`RefusedWrite`]); the rest merges as usual. After
//! the merge, [`after_merge`] applies the owner's rules: on the owner's store, a value the owner
//! wrote is never overwritten by a concurrent write of someone else (an offboarding handover that
//! did not know the successor already had the relationship); on everyone else's, a record its
//! owner narrowed to summary keeps only its summary fields, and one narrowed to private keeps
//! only the retraction.

use crate::clock::{Hlc, NodeId, Stamp};
use crate::crdt::{envelope, FieldVersion, RecordState};
use crate::model::{RecordId, RecordKind, Role, Visibility};
use crate::trust::rights::{self, RefusalCode, RefusalReason, RefusedWrite, SaidInEach};
use crate::trust::Roster;

/// Who signed the file a record came from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Signer {
    pub node: NodeId,
    pub role: Role,
    /// When the signer was taken off the roster: nothing it signs stamped later is taken,
    /// whichever of its person's nodes the stamp names.
    pub removed_at: Option<Hlc>,
}

/// The admission rules of one import: the roster, and who this store is.
pub(crate) struct Gate {
    pub roster: Roster,
    /// This store's node: it holds every write of its own, so none is taken from outside.
    pub own_node: NodeId,
    /// This store's clock: a write under its node stamped later cannot be its own.
    pub own_clock: Hlc,
    /// This store's owner's networker card.
    pub me: Option<RecordId>,
    /// Forgets and retention rules (this store's and those the import brings): what is about a
    /// forgotten person, or past a rule's period, is dropped from every merged record
    /// (`crate::protection::sweep`), so an old bundle brings none of it back.
    pub sweep: crate::protection::sweep::Sweep,
}

impl Gate {
    fn refuse(
        &self,
        refused: &mut Vec<RefusedWrite>,
        record: &RecordState,
        field: &str,
        writer: String,
        code: RefusalCode,
        why: RefusalReason,
    ) {
        refused.push(RefusedWrite::new(
            RecordId(record.id),
            &record.kind,
            field,
            writer,
            code,
            why,
        ));
    }

    /// Whether two nodes on the roster are stores of the same networker. A restored backup or a
    /// reinstalled laptop writes under a new node, and its first bundles carry what its old node
    /// wrote: the manager may never have had it (written after the last export, before the
    /// backup). The writes stay the old node's, held to that node's own rights and removal below.
    fn same_networker(&self, signer: NodeId, writer: NodeId) -> bool {
        let signer = self.roster.get(signer).and_then(|entry| entry.networker);
        let writer = self
            .roster
            .writer_entry(writer)
            .and_then(|entry| entry.networker);
        signer.is_some() && signer == writer
    }

    fn writer_name(&self, stamp: Stamp) -> String {
        self.roster
            .writer_entry(stamp.node)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| stamp.node.to_string())
    }

    /// The writes of `incoming` this store admits, given its own copy `local`. `None` when the
    /// whole record is refused (it claims another kind than this store's copy).
    pub(crate) fn admit(
        &self,
        signer: Signer,
        incoming: &RecordState,
        local: Option<&RecordState>,
        refused: &mut Vec<RefusedWrite>,
    ) -> Option<RecordState> {
        if let Some(local) = local {
            if local.kind != incoming.kind {
                self.refuse(
                    refused,
                    incoming,
                    "kind",
                    self.writer_name(incoming.max_stamp().unwrap_or(Stamp {
                        hlc: Default::default(),
                        node: signer.node,
                    })),
                    RefusalCode::KindChanged,
                    RefusalReason::KindChanged {
                        sent: incoming.kind.clone(),
                        held: local.kind.clone(),
                    },
                );
                return None;
            }
        }
        let owner = match local.and_then(rights::owner_of) {
            Some(owner) => Some(owner),
            None => rights::owner_of(incoming),
        };
        let owner_fields: &[&str] = match incoming.kind.parse::<RecordKind>() {
            Ok(RecordKind::Relationship | RecordKind::StakeholderRating) => {
                &[envelope::AUTHOR, "networker"]
            }
            _ => &[envelope::AUTHOR],
        };
        let i_own_it = owner.is_some() && owner == self.me;
        let held_private = i_own_it
            && local.is_some_and(|l| crate::model::visibility_of(l) == Visibility::Private);
        let mut check =
            |field: &str, stamp: Stamp, value: &[u8], first_write: bool, element: bool| -> bool {
                if stamp.node == self.own_node {
                    // This store holds every write of its own (the callers admit the versions it
                    // holds); one it does not hold is an old value it has since overwritten, or,
                    // stamped after its clock, a forgery.
                    if stamp.hlc > self.own_clock {
                        self.refuse(
                            refused,
                            incoming,
                            field,
                            stamp.node.to_string(),
                            RefusalCode::ForgedOwnWrite,
                            RefusalReason::ForgedOwnWrite,
                        );
                    }
                    return false;
                }
                if signer.role == Role::Networker
                    && stamp.node != signer.node
                    && !self.same_networker(signer.node, stamp.node)
                {
                    self.refuse(
                        refused,
                        incoming,
                        field,
                        self.writer_name(stamp),
                        RefusalCode::NotTheSigner,
                        RefusalReason::NotTheSigner,
                    );
                    return false;
                }
                if signer.removed_at.is_some_and(|removed| stamp.hlc > removed) {
                    let name = self.writer_name(Stamp {
                        hlc: stamp.hlc,
                        node: signer.node,
                    });
                    self.refuse(
                        refused,
                        incoming,
                        field,
                        name.clone(),
                        RefusalCode::RemovedMember,
                        RefusalReason::RemovedMember { writer: name },
                    );
                    return false;
                }
                let writer = match rights::writer(&self.roster, stamp) {
                    Ok(writer) => writer,
                    Err(unknown) => {
                        self.refuse(
                            refused,
                            incoming,
                            field,
                            unknown.writer,
                            unknown.code,
                            unknown.reason,
                        );
                        return false;
                    }
                };
                if held_private {
                    self.refuse(
                        refused,
                        incoming,
                        field,
                        writer.name.clone(),
                        RefusalCode::PrivateHere,
                        RefusalReason::PrivateHere,
                    );
                    return false;
                }
                if let Err((code, reason)) = rights::may_write(
                    writer,
                    &incoming.kind,
                    RecordId(incoming.id),
                    owner,
                    field,
                    first_write,
                ) {
                    self.refuse(refused, incoming, field, writer.name.clone(), code, reason);
                    return false;
                }
                if owner_fields.contains(&field) {
                    let claimed = serde_json::from_slice::<String>(value)
                        .ok()
                        .and_then(|text| text.parse::<RecordId>().ok());
                    if !rights::may_claim(writer, claimed) {
                        self.refuse(
                            refused,
                            incoming,
                            field,
                            writer.name.clone(),
                            RefusalCode::OwnerOnly,
                            RefusalReason::NamesAnotherOwner,
                        );
                        return false;
                    }
                }
                if let Err(reason) = check_value(&incoming.kind, field, value, element) {
                    self.refuse(
                        refused,
                        incoming,
                        field,
                        writer.name.clone(),
                        RefusalCode::InvalidValue,
                        reason,
                    );
                    return false;
                }
                true
            };
        let mut admitted = RecordState::new(incoming.id, incoming.kind.clone());
        for (name, register) in &incoming.fields {
            let held = local.and_then(|l| l.fields.get(name));
            let kept = register.filtered(|version: &FieldVersion| {
                if held.is_some_and(|h| h.holds(version)) {
                    return true;
                }
                // Already replaced here, so the join would drop it: an old value (a store
                // restored from a backup sends those back) is left out, not reported as an
                // offence, and never reaches the history either.
                if held.is_some_and(|h| h.supersedes(version.stamp)) {
                    return false;
                }
                check(
                    name,
                    version.stamp,
                    &version.value,
                    version.seen.0.is_empty(),
                    false,
                )
            });
            if !kept.versions().is_empty() {
                admitted.fields.insert(name.clone(), kept);
            }
        }
        for (name, set) in &incoming.sets {
            // Unchecked only where this store holds that very tag on that very element: a stamp
            // it holds elsewhere (another element, an add sent as a removal) proves nothing.
            let held = local.and_then(|l| l.sets.get(name));
            let kept = set.filtered(|element, tag| {
                held.is_some_and(|h| h.holds(element, tag))
                    || check(name, tag.stamp(), element, false, true)
            });
            if kept.elements().next().is_some() {
                admitted.sets.insert(name.clone(), kept);
            }
        }
        // Every write refused and nothing held here: there is no record to make. An empty one
        // would be a card without author or name that this store alone lists (and, with no owner
        // to protect it, could delete where everyone else refuses to).
        if local.is_none() && admitted.fields.is_empty() && admitted.sets.is_empty() {
            return None;
        }
        Some(admitted)
    }
}

/// Whether a value (a register's, or one set element when `element`) has its field's type (see
/// [`crate::model::schema`]). Fields and kinds this Kring does not know pass: a newer Kring wrote them,
/// and this one ignores them.
fn check_value(kind: &str, field: &str, value: &[u8], element: bool) -> Result<(), RefusalReason> {
    let checked = if element {
        crate::model::schema::check_element_bytes(kind, field, value)
    } else {
        crate::model::schema::check_field_bytes(kind, field, value)
    };
    // The model words what is wrong in each language now: the value itself is not kept.
    checked.map_err(|e| RefusalReason::InvalidValue {
        problem: Box::new(SaidInEach::from(|language| e.message(language))),
    })
}

/// What merging did to a record, as the owner's rules see it: new writes to make (the owner's
/// values reasserted) and whether the record was narrowed (fields withdrawn).
/// `mine` tells whether a node is one of this store's owner's (this store, or their earlier
/// stores on the roster).
pub(crate) fn after_merge(
    merged: &mut RecordState,
    me: Option<RecordId>,
    mine: impl Fn(NodeId) -> bool,
    mut next_stamp: impl FnMut() -> Stamp,
) {
    let owner = rights::owner_of(merged);
    let i_own_it = owner.is_some() && owner == me;
    if i_own_it {
        if rights_owned_kind(&merged.kind) {
            reassert_owner(merged, &mine, &mut next_stamp);
        }
        return;
    }
    if owner.is_none() {
        return;
    }
    match crate::model::visibility_of(merged) {
        Visibility::Shared => {}
        Visibility::Summary => {
            let Ok(kind) = merged.kind.parse::<RecordKind>() else {
                return;
            };
            let mut keep: Vec<&str> = kind.summary_fields().to_vec();
            keep.extend([envelope::VISIBILITY, envelope::DELETED, envelope::AUTHOR]);
            *merged = merged.project(&keep, kind.summary_fields());
        }
        Visibility::Private => {
            *merged = merged.project(
                &[envelope::VISIBILITY, envelope::DELETED, envelope::AUTHOR],
                &[],
            );
        }
    }
}

fn rights_owned_kind(kind: &str) -> bool {
    matches!(
        kind.parse::<RecordKind>(),
        Ok(RecordKind::Relationship
            | RecordKind::StakeholderRating
            | RecordKind::Interaction
            | RecordKind::Note
            | RecordKind::FollowUp)
    )
}

/// On the owner's store: where a field holds the owner's value and, concurrently, someone else's,
/// the owner's value is written again (a write that has seen both), so it stands everywhere.
fn reassert_owner(
    merged: &mut RecordState,
    mine: &impl Fn(NodeId) -> bool,
    next_stamp: &mut impl FnMut() -> Stamp,
) {
    let fields: Vec<String> = merged.fields.keys().cloned().collect();
    for field in fields {
        let register = &merged.fields[&field];
        let versions = register.versions();
        let own = versions
            .iter()
            .filter(|v| mine(v.stamp.node))
            .max_by_key(|v| v.stamp);
        let theirs = versions.iter().any(|v| !mine(v.stamp.node));
        if let (Some(own), true) = (own, theirs) {
            let value = own.value.clone();
            let stamp = next_stamp();
            merged
                .fields
                .get_mut(&field)
                .expect("listed")
                .write(value, stamp);
        }
    }
}
