//! Wire types that exist only at the IPC boundary: what forms send and what screens ask for.
//! Everything else crosses as kring-core's own types.

use kring_core::model::{InteractionKind, Level, RecordId, RelationshipStatus, Sector, Visibility};
use kring_core::store::{Profile, Settings};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the app shows before anything else: who owns the store, where it is, how big it is.
#[derive(Clone, Debug, Serialize, specta::Type)]
pub struct AppStatus {
    /// Absent until first run is done.
    pub profile: Option<Profile>,
    /// This store is the demo sandbox (fictional data; it never exports or syncs).
    pub demo: bool,
    /// A demo sandbox exists beside the user's store (open or not), so it can be opened again or
    /// removed.
    pub sandbox: bool,
    pub store_path: String,
    pub node_id: String,
    /// Cards listed per kind (`person`, `organisation`); empty until `counts_ready`.
    pub counts: BTreeMap<String, u32>,
    /// False while the card list is still being built at start-up: ask again shortly.
    pub counts_ready: bool,
    pub settings: Settings,
    pub version: String,
}

/// The person form. Lists replace what the card has; fields the form does not show (addresses,
/// languages) are kept as they are.
#[derive(Clone, Debug, Default, Deserialize, specta::Type)]
#[serde(default)]
pub struct PersonInput {
    pub display_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub honorific: Option<String>,
    pub job_title: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub websites: Vec<String>,
    pub tags: Vec<String>,
    /// The default visibility when absent.
    pub visibility: Option<Visibility>,
    /// Where the person works: adds a current affiliation unless there is one already.
    pub organisation: Option<RecordId>,
    pub organisation_title: Option<String>,
}

/// The organisation form.
#[derive(Clone, Debug, Default, Deserialize, specta::Type)]
#[serde(default)]
pub struct OrganisationInput {
    pub name: String,
    pub sector: Option<Sector>,
    pub level: Option<Level>,
    pub website: Option<String>,
    pub tags: Vec<String>,
    pub visibility: Option<Visibility>,
}

/// This networker's relationship with a stakeholder; absent values stay as they are.
#[derive(Clone, Debug, Default, Deserialize, specta::Type)]
#[serde(default)]
pub struct RelateInput {
    pub strength: Option<u8>,
    pub trust: Option<u8>,
    pub cadence_days: Option<u32>,
    pub status: Option<RelationshipStatus>,
    /// `YYYY-MM-DD`.
    pub since: Option<String>,
    pub visibility: Option<Visibility>,
}

/// The log-interaction form.
#[derive(Clone, Debug, Deserialize, specta::Type)]
pub struct LogInput {
    /// The cards of the people and organisations met.
    pub with: Vec<RecordId>,
    pub kind: InteractionKind,
    /// When: RFC 3339, or a local `YYYY-MM-DDTHH:MM` as a datetime input gives it.
    pub at: String,
    pub summary: String,
    #[serde(default)]
    pub outcomes: Vec<String>,
    #[serde(default)]
    pub follow_up_text: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub follow_up_due: Option<String>,
    #[serde(default)]
    pub visibility: Option<Visibility>,
}

/// How to settle a conflict.
#[derive(Clone, Debug, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionInput {
    /// Keep the value that is current.
    KeepCurrent,
    /// Take the n-th losing value, in the order the conflict lists them.
    TakeLosing(u32),
    /// Write a new value.
    Value(String),
}

pub use kring_core::today::Today;

/// The manager's own pick in the handover: this stakeholder goes to this colleague.
#[derive(Clone, Debug, Deserialize, specta::Type)]
pub struct HandoverPick {
    pub stakeholder: RecordId,
    pub successor: RecordId,
}

/// The Members screen: the organisation, this store, and everyone on the roster or waiting.
#[derive(Clone, Debug, Serialize, specta::Type)]
pub struct Members {
    /// The organisation's id; `None` before the store founded or joined one.
    pub organisation: Option<String>,
    pub me: kring_core::trust::Identity,
    pub members: Vec<kring_core::trust::MemberView>,
    /// The last imports that refused writes, newest first.
    pub refusals: Vec<kring_core::sync::Refusals>,
}

/// A store approved, and what merging the bundles held for it did.
#[derive(Clone, Debug, Serialize, specta::Type)]
pub struct Approved {
    pub identity: kring_core::trust::Identity,
    pub merged: Option<kring_core::sync::ImportReport>,
}
