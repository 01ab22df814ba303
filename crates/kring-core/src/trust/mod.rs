//! Who belongs to the organisation, and so whose bundles a store merges: the root of trust.
//!
//! The Manager of the Network creates the organisation when their store is set up (its id, and
//! their own keys as the first member). Everyone else joins through an [`Invitation`] the manager
//! hands over: it names the organisation and the managers' keys, which the joining store pins. A
//! manager **enrols** a member by writing a `member` record (the [`Member`] roster entry: node,
//! keys, name, role), which only managers may write and which travels in every master, so every
//! store learns the roster from the managers it already trusts. Roles come from the roster,
//! never from a bundle's header.
//!
//! A bundle signed by a key that is not on the roster is never merged: it is held **pending**
//! approval (name, e-mail, fingerprint), and a manager approves it with [`Store::approve`] (a
//! networker, with the same command, confirms a manager's key it has not met through the
//! roster). What a member may write once enrolled is [`rights`]'s business.

pub mod keys;
pub mod rights;

pub use crate::model::roster::{Member, MemberStatus};

use crate::clock::{Hlc, NodeId};
use crate::crdt::RecordState;
use crate::model::{RecordBody, RecordId, RecordKind, Role, ValidationError, Visibility};
use crate::store::{Store, StoreError, StoreResult};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a store says of itself: in every bundle header, in invitations, and in an approval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Identity {
    pub node: String,
    pub name: String,
    pub email: String,
    pub networker: Option<RecordId>,
    pub role: Role,
    pub signing_key: String,
    pub encryption_key: String,
    pub fingerprint: String,
    /// The nodes the store wrote under before `node` (restored from a backup, copied to another
    /// computer): enrolled with it, so that what it wrote under them is its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_nodes: Vec<String>,
}

/// An invitation to join the organisation: handed to a new member by the manager (a small file).
/// It carries what the joining store must pin: the organisation and its managers' keys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Invitation {
    pub kring_invitation: u32,
    pub organisation: uuid::Uuid,
    /// The role the invited person will have (the approving manager can change it).
    pub role: Role,
    pub managers: Vec<Identity>,
    pub invited_by: String,
    pub created_at: DateTime<Utc>,
}

const INVITATION_VERSION: u32 = 1;

/// A store that asked to be let in (its bundle was signed by a key not on the roster), or whose
/// key changed. Kept in the meta tree until approved or dismissed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PendingMember {
    pub identity: Identity,
    /// Why it is pending: a key never seen, or another key for a node on the roster.
    pub reason: String,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    /// Copies of the bundles held for it, in the store's `pending/` folder, oldest first.
    pub held_files: Vec<PathBuf>,
}

/// Where a store stands with the organisation, as `kring members` lists it. The order is the
/// order the list is sorted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MembershipStatus {
    Enrolled,
    /// This store has not founded or joined an organisation.
    NotInAnOrganisation,
    /// Waiting for a manager's approval.
    Pending,
    Removed,
}

impl std::fmt::Display for MembershipStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `pad`, so that the CLI's column widths apply.
        f.pad(match self {
            MembershipStatus::Enrolled => "enrolled",
            MembershipStatus::NotInAnOrganisation => "not in an organisation",
            MembershipStatus::Pending => "pending",
            MembershipStatus::Removed => "removed",
        })
    }
}

/// A line of `kring members`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MemberView {
    pub node: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub status: MembershipStatus,
    pub fingerprint: String,
    pub is_me: bool,
    /// For a pending member: why.
    pub reason: Option<String>,
    /// For a pending member that says it writes for a networker already enrolled under another
    /// node: that member's store. A restored backup or a new computer looks like this, and so
    /// does someone passing themselves off as that member; once approved it may send what the
    /// earlier store wrote, so the manager is told before approving.
    pub earlier_store: Option<EarlierStore>,
    /// The nodes the store says it wrote under before it was restored or copied: approving it
    /// makes what they wrote its own (`Roster::writer_entry`).
    pub earlier_nodes: Vec<String>,
    /// Of an enrolled store's earlier nodes, those whose writes do not count as its person's:
    /// another person's store claims the node too, or it is another person's store's own node.
    /// A manager drops the wrong claim (`Store::drop_claim`).
    pub contested_nodes: Vec<ContestedNode>,
}

/// An earlier node a store claims that does not count as its person's (see
/// [`MemberView::contested_nodes`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContestedNode {
    pub node: String,
    /// The other stores that claim it or are it, by name.
    pub also_claimed_by: Vec<String>,
}

/// An enrolled store of the same networker as a pending one (see [`MemberView::earlier_store`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EarlierStore {
    pub name: String,
    pub email: String,
    pub node: String,
    pub fingerprint: String,
}

/// Why something about membership was refused.
#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("only a Manager of the Network can {0}")]
    NotAManager(&'static str),
    #[error("this store already belongs to organisation {0}; a store joins one organisation")]
    AlreadyJoined(uuid::Uuid),
    #[error("{0}")]
    BadInvitation(String),
    #[error("no member or pending approval matches '{0}': see `kring members`")]
    NoSuchMember(String),
    #[error("'{0}' matches more than one member: type more of the node id or fingerprint")]
    Ambiguous(String),
    #[error("{member}'s store does not name node {node} as one it wrote under before: see `kring members`")]
    NoSuchClaim { member: String, node: String },
    #[error("{}: cannot be written: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
}

impl TrustError {
    /// The error in `language` (its English is the `Display` text).
    pub fn message(&self, language: kring_i18n::Language) -> String {
        use kring_i18n::FluentValue;
        let say = |arguments: &[(&str, FluentValue<'_>)]| {
            kring_i18n::error_text(language, self.code().as_str(), arguments)
        };
        match self {
            TrustError::Store(error) => error.message(language),
            TrustError::NotAManager(action) => say(&[
                ("action", (*action).into()),
                ("kind", kring_i18n::selector(action).into()),
            ]),
            TrustError::AlreadyJoined(organisation) => {
                say(&[("organisation", organisation.to_string().into())])
            }
            TrustError::BadInvitation(reason) => say(&[("reason", reason.as_str().into())]),
            TrustError::NoSuchMember(who) | TrustError::Ambiguous(who) => {
                say(&[("who", who.as_str().into())])
            }
            TrustError::NoSuchClaim { member, node } => say(&[
                ("member", member.as_str().into()),
                ("node", node.as_str().into()),
            ]),
            TrustError::Write { path, reason } => say(&[
                ("path", crate::error::shown(path)),
                ("reason", reason.as_str().into()),
            ]),
        }
    }

    pub fn code(&self) -> crate::error::ProblemCode {
        match self {
            TrustError::Store(e) => e.code(),
            TrustError::NotAManager(_) => crate::error::ProblemCode::NotAManager,
            TrustError::AlreadyJoined(_) => crate::error::ProblemCode::AlreadyJoined,
            TrustError::BadInvitation(_) => crate::error::ProblemCode::BadInvitation,
            TrustError::NoSuchMember(_) => crate::error::ProblemCode::NoSuchMember,
            TrustError::Ambiguous(_) => crate::error::ProblemCode::AmbiguousMember,
            TrustError::NoSuchClaim { .. } => crate::error::ProblemCode::NoSuchClaim,
            TrustError::Write { .. } => crate::error::ProblemCode::WriteFailed,
        }
    }
}

pub type TrustResult<T> = Result<T, TrustError>;

mod meta_key {
    pub const ORGANISATION: &[u8] = b"organisation";
    pub const PINNED_PREFIX: &[u8] = b"trust/pinned/";
    pub const PENDING_PREFIX: &[u8] = b"trust/pending/";
}

/// One roster entry as the rights check sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterEntry {
    pub node: NodeId,
    pub networker: Option<RecordId>,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub signing_key: Vec<u8>,
    pub encryption_key: Option<String>,
    /// When the member was removed (the stamp of that write): later writes are refused.
    pub removed_at: Option<Hlc>,
    /// The nodes the member's store wrote under before `node` (see `Roster::writer_entry`).
    pub earlier_nodes: Vec<NodeId>,
}

/// The roster as this store knows it: the enrolled (and removed) members, the manager keys it
/// pinned when it joined, and itself.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    pub organisation: Option<uuid::Uuid>,
    pub entries: BTreeMap<NodeId, RosterEntry>,
    /// Each earlier node an entry names, and the entries that name it.
    claims: BTreeMap<NodeId, std::collections::BTreeSet<NodeId>>,
}

impl Roster {
    pub fn get(&self, node: NodeId) -> Option<&RosterEntry> {
        self.entries.get(&node)
    }

    /// The member who wrote under `node`: its entry, or the entry of the store that names `node`
    /// among the nodes it wrote under before it was restored or copied (what a store wrote before
    /// it joined would otherwise be nobody's). A claim never stands for a node on the roster, and
    /// a node claimed by the stores of two different people is nobody's: a member gains by a
    /// claim only writes that were its own, with its own rights.
    pub fn writer_entry(&self, node: NodeId) -> Option<&RosterEntry> {
        if let Some(entry) = self.entries.get(&node) {
            return Some(entry);
        }
        let claimants: Vec<&RosterEntry> = self.claimants(node).collect();
        let first = claimants.first()?;
        let one_person = first.networker.is_some()
            && claimants
                .iter()
                .all(|entry| entry.networker == first.networker);
        if claimants.len() > 1 && !one_person {
            return None;
        }
        // Of one person's stores, the one still on the roster.
        claimants
            .iter()
            .find(|entry| entry.removed_at.is_none())
            .or(Some(first))
            .copied()
    }

    /// The entries that name `node` as one their store wrote under before.
    pub fn claimants(&self, node: NodeId) -> impl Iterator<Item = &RosterEntry> + '_ {
        self.claims
            .get(&node)
            .into_iter()
            .flatten()
            .filter_map(|claimant| self.entries.get(claimant))
            .filter(move |entry| entry.earlier_nodes.contains(&node))
    }

    /// Adds or replaces an entry.
    pub fn insert(&mut self, entry: RosterEntry) {
        for earlier in &entry.earlier_nodes {
            self.claims.entry(*earlier).or_default().insert(entry.node);
        }
        self.entries.insert(entry.node, entry);
    }

    /// Adds or replaces an entry from a member record (the record's current values).
    pub fn learn(&mut self, state: &RecordState) {
        if state.kind != RecordKind::Member.as_str() || state.is_deleted() {
            return;
        }
        let Ok(member) = crate::store::body_of::<Member>(state) else {
            return;
        };
        let Ok(node) = member.node.parse::<NodeId>() else {
            return;
        };
        let removed_at = (member.status == MemberStatus::Removed)
            .then(|| state.fields.get("status").and_then(|r| r.current()))
            .flatten()
            .map(|v| v.stamp.hlc);
        self.insert(RosterEntry {
            node,
            networker: member.networker,
            name: member.name,
            email: member.email.unwrap_or_default(),
            role: member.role,
            signing_key: keys::unhex(&member.signing_key).unwrap_or_default(),
            encryption_key: member.encryption_key,
            removed_at,
            earlier_nodes: nodes_of_text(&member.earlier_nodes),
        });
    }

    /// The nodes of enrolled members with this networker card (a replaced laptop has two).
    pub fn nodes_of(&self, networker: RecordId) -> impl Iterator<Item = NodeId> + '_ {
        self.entries
            .values()
            .filter(move |e| e.networker == Some(networker))
            .map(|e| e.node)
    }

    /// The encryption recipients of the enrolled members (for a master).
    pub fn enrolled_recipients(&self, role: Option<Role>) -> Vec<String> {
        let mut out: Vec<String> = self
            .entries
            .values()
            .filter(|e| e.removed_at.is_none())
            .filter(|e| role.is_none_or(|r| e.role == r))
            .filter_map(|e| e.encryption_key.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

crate::model::word_enum!(
    /// Why a bundle is held, for programs.
    HeldCode {
        // A member's name signing with another key than the roster has for them.
        KeyReplaced => "key_replaced",
        // A key the roster does not know.
        UnknownKey => "unknown_key",
        // A signer the roster knows whose bundle is not accepted.
        NotAccepted => "not_accepted",
    }
);

/// How a store stands towards the signer of a bundle.
#[derive(Clone, Debug, PartialEq)]
pub enum Signer {
    /// An enrolled member (or a pinned manager) signing with the key on the roster.
    Member(RosterEntry),
    /// A member removed from the roster before this bundle was written.
    Removed(RosterEntry),
    /// A key the roster does not have for this node, or a node it does not know: held.
    Unknown { code: HeldCode, reason: String },
}

impl Store {
    /// The organisation this store belongs to, if it founded or joined one.
    pub fn organisation(&self) -> StoreResult<Option<uuid::Uuid>> {
        Ok(self
            .meta_get(meta_key::ORGANISATION)?
            .and_then(|bytes| uuid::Uuid::from_slice(&bytes).ok()))
    }

    /// What this store says of itself (in bundle headers, invitations and approvals).
    pub fn identity(&self) -> StoreResult<Identity> {
        let profile = self.require_profile()?;
        let keys = self.keys()?;
        let signing = keys.verifying_key();
        Ok(Identity {
            node: self.node_id().to_string(),
            name: profile.name,
            email: profile.email,
            networker: Some(profile.networker),
            role: profile.role,
            signing_key: keys::hex(&signing),
            encryption_key: keys.encryption_recipient(),
            fingerprint: keys::fingerprint(&signing),
            earlier_nodes: self
                .earlier_nodes()?
                .iter()
                .map(NodeId::to_string)
                .collect(),
        })
    }

    /// Creates the organisation with this store (a manager's) as its first member, unless it
    /// belongs to one already. Called when a manager first invites or enrols someone, and when a
    /// manager's store from before rosters first opens. (Not when a manager's store is set up:
    /// a second manager joins the first one's organisation instead of founding one.)
    pub(crate) fn found_organisation(&self, now: DateTime<Utc>) -> StoreResult<uuid::Uuid> {
        if let Some(existing) = self.organisation()? {
            return Ok(existing);
        }
        let organisation = uuid::Uuid::new_v4();
        self.meta_set(meta_key::ORGANISATION, organisation.as_bytes())?;
        let identity = self.identity()?;
        self.write_member(&identity, Role::Manager, MemberStatus::Enrolled, now)?;
        Ok(organisation)
    }

    fn write_member(
        &self,
        identity: &Identity,
        role: Role,
        status: MemberStatus,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let node: NodeId = identity.node.parse().map_err(|_| {
            ValidationError::worded(
                "node",
                "not_a_node_id",
                &[("value", identity.node.as_str().into())],
            )
        })?;
        let member = Member {
            node: identity.node.clone(),
            networker: identity.networker,
            name: identity.name.clone(),
            email: Some(identity.email.clone()).filter(|e| !e.is_empty()),
            role,
            status,
            signing_key: identity.signing_key.clone(),
            encryption_key: Some(identity.encryption_key.clone()).filter(|k| !k.is_empty()),
            earlier_nodes: identity.earlier_nodes.clone(),
        };
        member.validate()?;
        let id = RecordId::for_member(node);
        if self.live_state(id)?.is_some() {
            self.update(id, &member, now)
        } else {
            self.create_with_id(id, &member, Some(Visibility::Shared), now)
        }
    }

    /// The roster as this store knows it now.
    pub fn roster(&self) -> StoreResult<Roster> {
        let mut roster = Roster {
            organisation: self.organisation()?,
            ..Roster::default()
        };
        for (_, value) in self.meta_scan(meta_key::PINNED_PREFIX)? {
            if let Ok(pinned) = serde_json::from_slice::<Identity>(&value) {
                if let Some(entry) = entry_of_identity(&pinned, Role::Manager) {
                    roster.insert(entry);
                }
            }
        }
        self.for_each_live_of_kind(RecordKind::Member, |state| {
            roster.learn(&state);
            Ok(())
        })?;
        Ok(roster)
    }

    /// An invitation for a new member (or, with `role` manager, a second manager).
    pub fn invite(&self, role: Role, now: DateTime<Utc>) -> TrustResult<Invitation> {
        // An invitation to a fictional organisation would bring a colleague into the demo.
        self.refuse_if_demo("used to invite a member")?;
        let me = self.require_profile()?;
        if me.role != Role::Manager {
            return Err(TrustError::NotAManager("invite members"));
        }
        let organisation = self.found_organisation(now)?;
        let roster = self.roster()?;
        let mut managers: Vec<Identity> = roster
            .entries
            .values()
            .filter(|e| e.role == Role::Manager && e.removed_at.is_none())
            .map(identity_of_entry)
            .collect();
        let own = self.identity()?;
        if !managers.iter().any(|m| m.node == own.node) {
            managers.push(own.clone());
        }
        Ok(Invitation {
            kring_invitation: INVITATION_VERSION,
            organisation,
            role,
            managers,
            invited_by: own.node,
            created_at: now,
        })
    }

    /// Joins the organisation of an invitation: pins its managers' keys, so their masters are
    /// merged and this store's exports are encrypted to them.
    pub fn join(&self, invitation: &Invitation, _now: DateTime<Utc>) -> TrustResult<Vec<Identity>> {
        self.require_profile()?;
        if invitation.kring_invitation != INVITATION_VERSION {
            return Err(TrustError::BadInvitation(format!(
                "an invitation of version {} (this Kring reads version {INVITATION_VERSION}): update Kring",
                invitation.kring_invitation
            )));
        }
        if invitation.managers.is_empty() {
            return Err(TrustError::BadInvitation(
                "the invitation names no manager".into(),
            ));
        }
        match self.organisation()? {
            Some(mine) if mine != invitation.organisation => {
                return Err(TrustError::AlreadyJoined(mine))
            }
            _ => {}
        }
        let me = self.node_id().to_string();
        for manager in &invitation.managers {
            if entry_of_identity(manager, Role::Manager).is_none() {
                return Err(TrustError::BadInvitation(format!(
                    "the key of {} in the invitation is not a valid key",
                    manager.name
                )));
            }
            if manager.node == me {
                return Err(TrustError::BadInvitation(
                    "the invitation names this store as a manager".into(),
                ));
            }
        }
        self.meta_set(meta_key::ORGANISATION, invitation.organisation.as_bytes())?;
        for manager in &invitation.managers {
            self.pin(manager)?;
        }
        Ok(invitation.managers.clone())
    }

    fn pin(&self, identity: &Identity) -> StoreResult<()> {
        let mut key = meta_key::PINNED_PREFIX.to_vec();
        key.extend_from_slice(identity.node.as_bytes());
        self.meta_set(
            &key,
            &serde_json::to_vec(identity).expect("identities serialise"),
        )
    }

    /// Enrols a store on the roster (a manager's act): from then on its bundles are merged,
    /// within the rights of its role.
    pub fn enrol(&self, identity: &Identity, role: Role, now: DateTime<Utc>) -> TrustResult<()> {
        let me = self.require_profile()?;
        if me.role != Role::Manager {
            return Err(TrustError::NotAManager("enrol members"));
        }
        self.found_organisation(now)?;
        // A second store of the same networker (a second laptop, a restored backup) is enrolled
        // beside the first; a laptop that is gone is taken off with `remove_member`.
        let identity = self.without_contested_claims(identity)?;
        self.write_member(&identity, role, MemberStatus::Enrolled, now)?;
        Ok(())
    }

    /// `identity` without the earlier nodes it may not claim: one on the roster, another
    /// person's store waiting for approval, or one another person's store claims already. Otherwise a
    /// member could have a second store claim a colleague's node, and so make that colleague's
    /// writes under it nobody's (`Roster::writer_entry`).
    fn without_contested_claims(&self, identity: &Identity) -> StoreResult<Identity> {
        let roster = self.roster()?;
        let mut identity = identity.clone();
        let (own, networker) = (identity.node.clone(), identity.networker);
        let same_person = |other: Option<RecordId>| networker.is_some() && other == networker;
        // A store of the same person waiting too is what a store restored again before its
        // first restore was approved names; another person's is not to be taken.
        let others_waiting: Vec<String> = self
            .pending_members()?
            .into_iter()
            .filter(|pending| !same_person(pending.identity.networker))
            .map(|pending| pending.identity.node)
            .collect();
        identity.earlier_nodes.retain(|text| {
            let Ok(node) = text.parse::<NodeId>() else {
                return false;
            };
            *text != own
                && !others_waiting.contains(text)
                && !roster.entries.contains_key(&node)
                && roster
                    .claimants(node)
                    .all(|entry| same_person(entry.networker))
        });
        Ok(identity)
    }

    /// Takes a member off the roster: writes stamped after now are refused everywhere the
    /// roster reaches, and new masters are no longer encrypted to them.
    pub fn remove_member(&self, node: NodeId, now: DateTime<Utc>) -> TrustResult<()> {
        let me = self.require_profile()?;
        if me.role != Role::Manager {
            return Err(TrustError::NotAManager("remove members"));
        }
        let roster = self.roster()?;
        let entry = roster
            .get(node)
            .ok_or_else(|| TrustError::NoSuchMember(node.to_string()))?;
        self.write_member(
            &identity_of_entry(entry),
            entry.role,
            MemberStatus::Removed,
            now,
        )?;
        Ok(())
    }

    /// Takes `earlier` off the nodes `member`'s store names as ones it wrote under before (a
    /// manager's act): what that node wrote no longer counts as the member's. A node claimed by
    /// two people's stores counts for nobody (two managers approved them at once, or one store's
    /// claim is false); dropping the wrong claim gives the node back to the other.
    /// Both nodes are given as `kring members` prints them.
    pub fn drop_claim(&self, member: &str, earlier: &str, now: DateTime<Utc>) -> TrustResult<()> {
        let me = self.require_profile()?;
        if me.role != Role::Manager {
            return Err(TrustError::NotAManager("drop a claim"));
        }
        let roster = self.roster()?;
        let entry = member
            .trim()
            .parse::<NodeId>()
            .ok()
            .and_then(|node| roster.get(node))
            .ok_or_else(|| TrustError::NoSuchMember(member.to_owned()))?;
        let earlier = earlier
            .trim()
            .parse::<NodeId>()
            .ok()
            .filter(|node| entry.earlier_nodes.contains(node))
            .ok_or_else(|| TrustError::NoSuchClaim {
                member: entry.name.clone(),
                node: earlier.to_owned(),
            })?;
        let mut identity = identity_of_entry(entry);
        let dropped = earlier.to_string();
        identity.earlier_nodes.retain(|node| *node != dropped);
        let status = if entry.removed_at.is_some() {
            MemberStatus::Removed
        } else {
            MemberStatus::Enrolled
        };
        self.write_member(&identity, entry.role, status, now)?;
        Ok(())
    }

    /// Removes every roster entry of a networker (offboarding), in the caller's time.
    pub(crate) fn remove_networker_from_roster(
        &self,
        networker: RecordId,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let roster = self.roster()?;
        for node in roster.nodes_of(networker).collect::<Vec<_>>() {
            let entry = roster.get(node).expect("listed");
            if entry.removed_at.is_none() {
                self.write_member(
                    &identity_of_entry(entry),
                    entry.role,
                    MemberStatus::Removed,
                    now,
                )?;
            }
        }
        Ok(())
    }

    /// How this store stands towards a bundle's signer.
    pub fn signer(&self, roster: &Roster, node: NodeId, public_key: &[u8]) -> Signer {
        match roster.get(node) {
            Some(entry) if entry.signing_key == public_key => {
                if entry.removed_at.is_some() {
                    Signer::Removed(entry.clone())
                } else {
                    Signer::Member(entry.clone())
                }
            }
            Some(entry) => Signer::Unknown {
                code: HeldCode::KeyReplaced,
                reason: format!(
                    "signed with another key than the roster has for {} ({}): a replaced laptop, or a forgery",
                    entry.name,
                    keys::fingerprint(&entry.signing_key)
                ),
            },
            None => Signer::Unknown {
                code: HeldCode::UnknownKey,
                reason: "signed by a key that is not on the organisation's roster".into(),
            },
        }
    }

    /// Holds a bundle from an unknown signer for approval: remembers who it says it is and,
    /// when `copy` is set, keeps a copy of the file in the store's `pending/` folder.
    pub(crate) fn hold_pending(
        &self,
        identity: Identity,
        reason: &str,
        file: Option<&Path>,
        now: DateTime<Utc>,
    ) -> StoreResult<PendingMember> {
        let mut key = meta_key::PENDING_PREFIX.to_vec();
        key.extend_from_slice(identity.fingerprint.as_bytes());
        let copy = match file {
            // A held copy held again (an approval that did not make its signer trusted) is
            // listed as it is: copying a file onto itself would empty it.
            Some(file) if file.parent() == Some(self.path().join("pending").as_path()) => {
                Some(file.to_path_buf())
            }
            Some(file) => {
                let folder = self.path().join("pending");
                keys::create_private_dir(&folder).map_err(|e| StoreError::from_io(&e))?;
                // Named by its content as well: two files held in the same millisecond (the sync
                // pass and an import by hand) are two copies, one file held twice is one.
                let mut hasher = blake3::Hasher::new();
                std::fs::File::open(file)
                    .and_then(|mut source| std::io::copy(&mut source, &mut hasher))
                    .map_err(|e| StoreError::from_io(&e))?;
                let hash = hasher.finalize().to_hex();
                let copy = folder.join(format!(
                    "{}-{}-{}.kring",
                    identity.node,
                    now.format("%Y%m%dT%H%M%S%.3fZ"),
                    &hash[..12]
                ));
                std::fs::copy(file, &copy).map_err(|e| StoreError::from_io(&e))?;
                Some(copy)
            }
            None => None,
        };
        // One step from read to write: two imports holding files of one signer at once (the
        // sync pass and an import by hand) both keep theirs on the list.
        let held = |old: Option<&[u8]>| {
            let mut pending = old
                .and_then(|bytes| serde_json::from_slice::<PendingMember>(bytes).ok())
                .unwrap_or_else(|| PendingMember {
                    identity: identity.clone(),
                    reason: reason.to_owned(),
                    first_seen: now,
                    last_seen: now,
                    held_files: Vec::new(),
                });
            pending.identity = identity.clone();
            pending.reason = reason.to_owned();
            pending.last_seen = now;
            if let Some(copy) = &copy {
                if !pending.held_files.contains(copy) {
                    pending.held_files.push(copy.clone());
                }
            }
            pending
        };
        let written = self.meta_update(&key, |old| {
            Some(serde_json::to_vec(&held(old)).expect("pending serialises"))
        })?;
        Ok(written
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_else(|| held(None)))
    }

    /// Stores waiting for approval, oldest first.
    pub fn pending_members(&self) -> StoreResult<Vec<PendingMember>> {
        let mut out: Vec<PendingMember> = self
            .meta_scan(meta_key::PENDING_PREFIX)?
            .into_iter()
            .filter_map(|(_, value)| serde_json::from_slice(&value).ok())
            .collect();
        out.sort_by_key(|p| p.first_seen);
        Ok(out)
    }

    /// Takes one held file off a pending member's list, once the file is gone (`kring compact`
    /// drops held files that hold an erased person).
    pub(crate) fn forget_held_file(&self, fingerprint: &str, file: &Path) -> StoreResult<()> {
        let mut key = meta_key::PENDING_PREFIX.to_vec();
        key.extend_from_slice(fingerprint.as_bytes());
        self.meta_update(&key, |old| {
            let old = old?;
            let Ok(mut pending) = serde_json::from_slice::<PendingMember>(old) else {
                return Some(old.to_vec());
            };
            pending.held_files.retain(|held| held != file);
            Some(serde_json::to_vec(&pending).expect("pending serialises"))
        })?;
        Ok(())
    }

    fn pending_member(&self, fingerprint: &str) -> StoreResult<Option<PendingMember>> {
        let mut key = meta_key::PENDING_PREFIX.to_vec();
        key.extend_from_slice(fingerprint.as_bytes());
        Ok(self
            .meta_get(&key)?
            .and_then(|bytes| serde_json::from_slice(&bytes).ok()))
    }

    /// Takes the files an approval merged off an approved member's list, and the member off
    /// the list once none is left. Returns what is left: files held for it after the approval
    /// read the list (an import that checked its signer before the approval), to merge too.
    pub(crate) fn settle_approved(
        &self,
        fingerprint: &str,
        merged: &[PathBuf],
    ) -> StoreResult<Option<PendingMember>> {
        let mut key = meta_key::PENDING_PREFIX.to_vec();
        key.extend_from_slice(fingerprint.as_bytes());
        let left = self.meta_update(&key, |old| {
            let mut pending = serde_json::from_slice::<PendingMember>(old?).ok()?;
            pending.held_files.retain(|held| !merged.contains(held));
            (!pending.held_files.is_empty())
                .then(|| serde_json::to_vec(&pending).expect("pending serialises"))
        })?;
        Ok(left.and_then(|bytes| serde_json::from_slice(&bytes).ok()))
    }

    /// The roster, the pending approvals and this store, as `kring members` lists them.
    pub fn members(&self) -> StoreResult<Vec<MemberView>> {
        let roster = self.roster()?;
        let me = self.node_id();
        let mut out: Vec<MemberView> = roster
            .entries
            .values()
            .map(|e| MemberView {
                node: e.node.to_string(),
                name: e.name.clone(),
                email: e.email.clone(),
                role: e.role,
                status: if e.removed_at.is_some() {
                    MembershipStatus::Removed
                } else {
                    MembershipStatus::Enrolled
                },
                fingerprint: keys::fingerprint(&e.signing_key),
                is_me: e.node == me,
                reason: None,
                earlier_store: None,
                earlier_nodes: e.earlier_nodes.iter().map(NodeId::to_string).collect(),
                contested_nodes: contested_nodes(&roster, e),
            })
            .collect();
        if !roster.entries.contains_key(&me) {
            let own = self.identity()?;
            out.push(MemberView {
                node: own.node,
                name: own.name,
                email: own.email,
                role: own.role,
                status: if roster.organisation.is_some() {
                    MembershipStatus::Pending
                } else {
                    MembershipStatus::NotInAnOrganisation
                },
                fingerprint: own.fingerprint,
                is_me: true,
                reason: Some("waiting for a manager to approve this store".into()),
                earlier_store: None,
                earlier_nodes: own.earlier_nodes,
                contested_nodes: Vec::new(),
            });
        }
        for pending in self.pending_members()? {
            out.push(MemberView {
                node: pending.identity.node.clone(),
                name: pending.identity.name.clone(),
                email: pending.identity.email.clone(),
                role: pending.identity.role,
                status: MembershipStatus::Pending,
                fingerprint: pending.identity.fingerprint.clone(),
                is_me: false,
                reason: Some(pending.reason.clone()),
                earlier_store: pending.identity.networker.and_then(|networker| {
                    earlier_store(&roster, networker, &pending.identity.node)
                }),
                earlier_nodes: pending.identity.earlier_nodes.clone(),
                contested_nodes: Vec::new(),
            });
        }
        out.sort_by(|a, b| {
            (a.status, a.name.to_lowercase()).cmp(&(b.status, b.name.to_lowercase()))
        });
        Ok(out)
    }

    /// Approves a pending store, named by the start of its node id or of its fingerprint. A
    /// manager enrols it (in `role`, else the role it asked for) and merges the bundles held for
    /// it; a networker pins it as a manager it trusts. Returns who was approved and the held
    /// files, for the caller to import and then take off the list with `settle_approved`.
    pub fn approve(
        &self,
        who: &str,
        role: Option<Role>,
        now: DateTime<Utc>,
    ) -> TrustResult<(PendingMember, Vec<PathBuf>)> {
        let me = self.require_profile()?;
        let wanted = who.replace(' ', "").to_lowercase();
        if wanted.len() < 4 {
            return Err(TrustError::NoSuchMember(who.to_owned()));
        }
        let matches: Vec<PendingMember> = self
            .pending_members()?
            .into_iter()
            .filter(|p| {
                p.identity.node.starts_with(&wanted)
                    || p.identity
                        .fingerprint
                        .replace(' ', "")
                        .to_lowercase()
                        .starts_with(&wanted)
            })
            .collect();
        let pending = match matches.as_slice() {
            [] => return Err(TrustError::NoSuchMember(who.to_owned())),
            [one] => one.clone(),
            _ => return Err(TrustError::Ambiguous(who.to_owned())),
        };
        match me.role {
            Role::Manager => {
                let role = role.unwrap_or(pending.identity.role);
                self.enrol(&pending.identity, role, now)?;
            }
            Role::Networker => {
                if pending.identity.role != Role::Manager {
                    return Err(TrustError::NotAManager("approve a colleague's store"));
                }
                self.pin(&pending.identity)?;
            }
        }
        #[cfg(test)]
        tests::AFTER_APPROVAL.with(|hook| hook.borrow_mut().take().map(|hook| hook(self)));
        // The files as the list holds them now that the member is on the roster, not as read
        // above. They stay on the list until merged (`settle_approved`): an approval whose
        // merge fails can be made again, and no copy is left on no list.
        let files = self
            .pending_member(&pending.identity.fingerprint)?
            .map(|now_listed| now_listed.held_files)
            .unwrap_or_default();
        Ok((pending, files))
    }
}

fn entry_of_identity(identity: &Identity, role: Role) -> Option<RosterEntry> {
    let node: NodeId = identity.node.parse().ok()?;
    let signing_key = keys::unhex(&identity.signing_key).filter(|k| k.len() == 32)?;
    Some(RosterEntry {
        node,
        networker: identity.networker,
        name: identity.name.clone(),
        email: identity.email.clone(),
        role,
        signing_key,
        encryption_key: Some(identity.encryption_key.clone()).filter(|k| !k.is_empty()),
        removed_at: None,
        earlier_nodes: nodes_of_text(&identity.earlier_nodes),
    })
}

/// The node ids among `texts`, the others left out (a record validated them already).
fn nodes_of_text(texts: &[String]) -> Vec<NodeId> {
    texts.iter().filter_map(|text| text.parse().ok()).collect()
}

/// The earlier nodes `entry` claims whose writes count for someone else or for nobody.
fn contested_nodes(roster: &Roster, entry: &RosterEntry) -> Vec<ContestedNode> {
    let same_person = |other: &RosterEntry| {
        other.node == entry.node
            || (entry.networker.is_some() && other.networker == entry.networker)
    };
    entry
        .earlier_nodes
        .iter()
        .filter(|node| {
            roster
                .writer_entry(**node)
                .is_none_or(|writer| !same_person(writer))
        })
        .map(|node| {
            let mut also_claimed_by: Vec<String> = roster
                .get(*node)
                .into_iter()
                .chain(roster.claimants(*node))
                .filter(|other| !same_person(other))
                .map(|other| other.name.clone())
                .collect();
            also_claimed_by.sort();
            also_claimed_by.dedup();
            ContestedNode {
                node: node.to_string(),
                also_claimed_by,
            }
        })
        .collect()
}

fn identity_of_entry(entry: &RosterEntry) -> Identity {
    Identity {
        node: entry.node.to_string(),
        name: entry.name.clone(),
        email: entry.email.clone(),
        networker: entry.networker,
        role: entry.role,
        signing_key: keys::hex(&entry.signing_key),
        encryption_key: entry.encryption_key.clone().unwrap_or_default(),
        fingerprint: keys::fingerprint(&entry.signing_key),
        earlier_nodes: entry.earlier_nodes.iter().map(NodeId::to_string).collect(),
    }
}

/// Moves a store from before rosters (schema 2) onto one: the keys it trusted on first use wait
/// for approval (a manager approves its networkers; a networker confirms its manager's
/// fingerprint once), and a manager's store founds the organisation with itself as its first
/// member.
/// `peers` are the name and role this store last saw from each node it synced with.
pub(crate) fn adopt_roster(
    store: &Store,
    peers: &BTreeMap<NodeId, (String, Role)>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    for (key, public_key) in store.meta_scan(b"trusted_key/")? {
        let node = key
            .get(12..20)
            .and_then(|b| b.try_into().ok())
            .map(|b: [u8; 8]| NodeId(u64::from_be_bytes(b)));
        if let Some(node) = node.filter(|n| *n != store.node_id()) {
            let peer = peers.get(&node);
            let identity = Identity {
                node: node.to_string(),
                name: peer.map_or_else(|| node.to_string(), |(name, _)| name.clone()),
                email: String::new(),
                networker: None,
                role: peer.map_or(Role::Networker, |(_, role)| *role),
                signing_key: keys::hex(&public_key),
                encryption_key: String::new(),
                fingerprint: keys::fingerprint(&public_key),
                earlier_nodes: Vec::new(),
            };
            store.hold_pending(
                identity,
                "trusted on first use before Kring kept a roster: compare the fingerprint with theirs, then approve",
                None,
                now,
            )?;
        }
        store.meta_remove(&key)?;
    }
    if store.profile()?.is_some_and(|p| p.role == Role::Manager) {
        store.found_organisation(now)?;
    }
    Ok(())
}

impl Store {
    /// Refuses a local write outside this store's rights (the same rules an import applies to
    /// what arrives, see [`rights`]): a networker writing a goal, anyone changing who may see a
    /// record they do not own, a networker deleting a colleague's card. Rights belong to an
    /// organisation: a store that has not founded or joined one is not checked.
    ///
    /// Runs inside the commit, under the writer's lock (`Store::check_writes_with`): nothing it
    /// calls may take that lock (`Store::node_id`, `coverage`, `next_stamp`, … do), so this
    /// store's node is handed in as `me`.
    pub(crate) fn check_local_writes(
        &self,
        me: NodeId,
        changes: &[crate::store::RecordChange],
    ) -> StoreResult<()> {
        if changes.is_empty() || self.organisation()?.is_none() {
            return Ok(());
        }
        let Some(profile) = self.profile()? else {
            return Ok(());
        };
        let roster = self.roster()?;
        let writer = roster.get(me).cloned().unwrap_or(RosterEntry {
            node: me,
            networker: Some(profile.networker),
            name: profile.name.clone(),
            email: profile.email.clone(),
            role: profile.role,
            signing_key: Vec::new(),
            encryption_key: None,
            removed_at: None,
            earlier_nodes: Vec::new(),
        });
        let refuse = |reason: rights::RefusalReason| StoreError::NotAllowed { reason };
        for change in changes {
            let after = &change.after;
            let before = change.before.as_ref();
            // A record that is here but whose author has not arrived yet (only a colleague's
            // writes to it were admitted) belongs to someone else: the stores that know its owner
            // would refuse what the owner alone may write, so it is refused here too, and the
            // stores stay one.
            let someone_else = RecordId(uuid::Uuid::nil());
            let owner = match before {
                Some(before) => Some(rights::owner_of(before).unwrap_or(someone_else)),
                None => rights::owner_of(after),
            };
            let id = RecordId(after.id);
            // A record someone else narrowed is held here as what they share of it (see
            // `sync::admit::after_merge`). A write outside that would never leave this machine,
            // yet the next delta would count it as sent (this store's coverage covers it), so
            // once the owner widened the record again this store would hold a value no other
            // store ever gets; and the next merge would withdraw it anyway. So it is refused.
            // A record made here (the demo writing for its colleagues) is not one someone else
            // narrowed: only edits of a record already held are checked.
            let visibility = crate::model::visibility_of(after);
            let carried = (before.is_some()
                && visibility != Visibility::Shared
                && owner.is_some_and(|owner| owner != profile.networker))
            .then(|| crate::model::shareable_projection(after));
            let withheld = |field: &str, set: bool| {
                carried.as_ref().is_some_and(|carried| {
                    carried.as_ref().is_none_or(|c| {
                        !(if set {
                            c.sets.contains_key(field)
                        } else {
                            c.fields.contains_key(field)
                        })
                    })
                })
            };
            let narrowed = |field: &str| {
                let (kind, field) = (after.kind.clone(), field.to_owned());
                refuse(if visibility == Visibility::Summary {
                    rights::RefusalReason::SummaryOnly { kind, field }
                } else {
                    rights::RefusalReason::Withdrawn { kind, field }
                })
            };
            for (field, register) in &after.fields {
                let held = before.and_then(|b| b.fields.get(field));
                for version in register.versions() {
                    if version.stamp.node != me || held.is_some_and(|h| h.holds(version)) {
                        continue;
                    }
                    rights::may_write(
                        &writer,
                        &after.kind,
                        id,
                        owner,
                        field,
                        version.seen.0.is_empty(),
                    )
                    .map_err(|(_, reason)| refuse(reason))?;
                    if withheld(field, false) {
                        return Err(narrowed(field));
                    }
                }
            }
            for (field, set) in &after.sets {
                let unchanged = before.and_then(|b| b.sets.get(field)) == Some(set);
                if !unchanged {
                    rights::may_write(&writer, &after.kind, id, owner, field, false)
                        .map_err(|(_, reason)| refuse(reason))?;
                    if withheld(field, true) {
                        return Err(narrowed(field));
                    }
                }
            }
        }
        Ok(())
    }
}

/// The largest invitation file read: a few managers' keys fit in a few kilobytes.
const INVITATION_MAX_BYTES: u64 = 1 << 20;

impl Store {
    /// Writes an invitation for a new member to a file (see [`Store::invite`]).
    pub fn write_invitation(
        &self,
        path: &Path,
        role: Role,
        now: DateTime<Utc>,
    ) -> TrustResult<Invitation> {
        let invitation = self.invite(role, now)?;
        let text = serde_json::to_string_pretty(&invitation).expect("invitations serialise");
        crate::files::write_atomically(path, text.as_bytes()).map_err(|e| TrustError::Write {
            path: path.to_owned(),
            reason: crate::files::write_failure(&e),
        })?;
        Ok(invitation)
    }

    /// Joins the organisation of an invitation file (see [`Store::join`]). A file that is not an
    /// invitation is refused with what is wrong, and changes nothing.
    pub fn join_from_file(&self, path: &Path, now: DateTime<Utc>) -> TrustResult<Vec<Identity>> {
        let bad =
            |reason: String| TrustError::BadInvitation(format!("{}: {reason}", path.display()));
        let size = std::fs::metadata(path)
            .map_err(|e| bad(format!("cannot be read ({e})")))?
            .len();
        if size > INVITATION_MAX_BYTES {
            return Err(bad("too large for an invitation".into()));
        }
        let text =
            std::fs::read_to_string(path).map_err(|e| bad(format!("cannot be read ({e})")))?;
        let invitation: Invitation =
            serde_json::from_str(&text).map_err(|_| bad("not a Kring invitation".into()))?;
        self.join(&invitation, now)
    }
}

/// An enrolled store that writes for `networker` (the first by node id, if there are several:
/// the name and e-mail are the same).
/// A key replaced on the same node is not an earlier store: the roster names that node already.
fn earlier_store(roster: &Roster, networker: RecordId, node: &str) -> Option<EarlierStore> {
    roster
        .entries
        .values()
        .find(|entry| {
            entry.networker == Some(networker)
                && entry.removed_at.is_none()
                && entry.node.to_string() != node
        })
        .map(|entry| EarlierStore {
            name: entry.name.clone(),
            email: entry.email.clone(),
            node: entry.node.to_string(),
            fingerprint: keys::fingerprint(&entry.signing_key),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{now, store_of};

    type Hook = Box<dyn FnOnce(&Store)>;

    thread_local! {
        /// Run once by the next approval on this thread, after it enrolled the member and
        /// before it takes the member's held files.
        pub(super) static AFTER_APPROVAL: std::cell::RefCell<Option<Hook>> =
            const { std::cell::RefCell::new(None) };
    }

    fn stranger() -> Identity {
        Identity {
            node: NodeId(7).to_string(),
            name: "Onbekend".into(),
            email: "onbekend@example.org".into(),
            networker: None,
            role: Role::Networker,
            signing_key: "00".repeat(32),
            encryption_key: String::new(),
            fingerprint: "ab".repeat(16),
            earlier_nodes: Vec::new(),
        }
    }

    /// A file to hold, in `dir`, that says which it is ("bundle N").
    fn bundle_file(dir: &tempfile::TempDir, n: u32) -> PathBuf {
        let file = dir.path().join(format!("bundle-{n}.kring"));
        std::fs::write(&file, format!("bundle {n}")).unwrap();
        file
    }

    #[test]
    fn two_files_held_from_two_threads_at_the_same_moment_are_both_kept_for_approval() {
        let (dir, store) = store_of(Role::Manager);
        let files: Vec<PathBuf> = (0..2).map(|n| bundle_file(&dir, n)).collect();
        std::thread::scope(|scope| {
            for file in &files {
                let store = &store;
                scope.spawn(move || {
                    store
                        .hold_pending(stranger(), "unknown signer", Some(file), now())
                        .unwrap()
                });
            }
        });
        let pending = store.pending_members().unwrap();
        assert_eq!(pending.len(), 1);
        let mut held: Vec<String> = pending[0]
            .held_files
            .iter()
            .map(|copy| std::fs::read_to_string(copy).unwrap())
            .collect();
        held.sort();
        assert_eq!(held, vec!["bundle 0", "bundle 1"]);
    }

    #[test]
    fn a_file_held_while_a_member_is_approved_is_handed_over_with_the_others() {
        let (dir, store) = store_of(Role::Manager);
        let first = bundle_file(&dir, 0);
        let second = bundle_file(&dir, 1);
        store
            .hold_pending(stranger(), "unknown signer", Some(&first), now())
            .unwrap();
        // The sync pass holds a second file of the same store between the approval's read of
        // the list and its taking the files.
        AFTER_APPROVAL.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(move |store: &Store| {
                store
                    .hold_pending(stranger(), "unknown signer", Some(&second), now())
                    .unwrap();
            }))
        });
        let (_, files) = store.approve(&NodeId(7).to_string(), None, now()).unwrap();
        let mut handed: Vec<String> = files
            .iter()
            .map(|copy| std::fs::read_to_string(copy).unwrap())
            .collect();
        handed.sort();
        assert_eq!(handed, vec!["bundle 0", "bundle 1"]);
        let fingerprint = stranger().fingerprint;
        assert_eq!(store.settle_approved(&fingerprint, &files).unwrap(), None);
        assert!(store.pending_members().unwrap().is_empty());
    }

    #[test]
    fn a_file_held_after_the_approval_read_the_list_stays_on_it_until_merged() {
        let (dir, store) = store_of(Role::Manager);
        store
            .hold_pending(
                stranger(),
                "unknown signer",
                Some(&bundle_file(&dir, 0)),
                now(),
            )
            .unwrap();
        let (_, files) = store.approve(&NodeId(7).to_string(), None, now()).unwrap();
        assert_eq!(files.len(), 1);
        // An import that checked the signer before the approval holds one more.
        store
            .hold_pending(
                stranger(),
                "unknown signer",
                Some(&bundle_file(&dir, 1)),
                now(),
            )
            .unwrap();
        let fingerprint = stranger().fingerprint;
        let left = store
            .settle_approved(&fingerprint, &files)
            .unwrap()
            .unwrap();
        assert_eq!(left.held_files.len(), 1);
        assert_eq!(
            std::fs::read_to_string(&left.held_files[0]).unwrap(),
            "bundle 1"
        );
        assert_eq!(store.pending_members().unwrap(), vec![left.clone()]);
        assert_eq!(
            store
                .settle_approved(&fingerprint, &left.held_files)
                .unwrap(),
            None
        );
        assert!(store.pending_members().unwrap().is_empty());
    }

    #[test]
    fn a_held_copy_held_again_keeps_its_bytes_and_is_listed_once() {
        let (dir, store) = store_of(Role::Manager);
        let held = store
            .hold_pending(
                stranger(),
                "unknown signer",
                Some(&bundle_file(&dir, 0)),
                now(),
            )
            .unwrap();
        let copy = held.held_files[0].clone();
        // An approval that did not make the signer trusted: its import holds the copy again.
        let again = store
            .hold_pending(stranger(), "unknown signer", Some(&copy), now())
            .unwrap();
        assert_eq!(again.held_files, vec![copy.clone()]);
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), "bundle 0");
    }
}
