//! The processing log: what was done with personal data on this store, by whom and when, and how
//! many records it concerned. Subject access reports, erasures, retention runs, compactions,
//! exports, reports and transparency registers written are logged (`kring processing-log`).
//!
//! It is kept in the store's own `meta` tree: it never travels, and an entry holds no personal
//! data (record ids, counts, file names). Erasures are visible to the organisation through their
//! forget records (`Store::erasures`), which every master carries.

use crate::store::{Store, StoreResult};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

const PREFIX: &[u8] = b"processing_log/";

/// What was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// A subject access report was written.
    SubjectAccess,
    /// A subject access request was raised (manager) or answered.
    AccessRequest,
    /// A person was forgotten.
    Erasure,
    /// A person was marked objected or restricted, or the mark was lifted.
    Restriction,
    /// Retention rules were applied (or a proposal confirmed).
    Retention,
    /// The store and its backups were rewritten without what was erased.
    Compaction,
    /// A bundle left the machine.
    Export,
    /// A report (KPIs, Return-on-Relationship) was written.
    Report,
    /// A transparency register was written.
    Transparency,
    /// Contacts or a calendar were written to a file.
    ContactsExport,
}

impl Activity {
    pub fn as_str(self) -> &'static str {
        match self {
            Activity::SubjectAccess => "subject_access",
            Activity::AccessRequest => "access_request",
            Activity::Erasure => "erasure",
            Activity::Restriction => "restriction",
            Activity::Retention => "retention",
            Activity::Compaction => "compaction",
            Activity::Export => "export",
            Activity::Report => "report",
            Activity::Transparency => "transparency",
            Activity::ContactsExport => "contacts_export",
        }
    }
}

/// One line of the processing log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProcessingEntry {
    pub at: DateTime<Utc>,
    /// The store's owner, by name (a store has one).
    pub by: String,
    pub activity: Activity,
    /// What: record ids, a file name, a rule. No personal data.
    pub what: String,
    /// How many records it concerned.
    pub records: u64,
}

impl Store {
    /// Adds a line to the processing log. The app and the command line call it for what they
    /// write themselves (a report, a transparency register); the core logs its own operations.
    pub fn log_processing(
        &self,
        activity: Activity,
        what: &str,
        records: u64,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let by = self.profile()?.map(|p| p.name).unwrap_or_default();
        let entry = ProcessingEntry {
            at: now,
            by,
            activity,
            what: what.to_owned(),
            records,
        };
        let mut key = PREFIX.to_vec();
        key.extend_from_slice(&crate::store::indexes::millis_key(now.timestamp_millis()));
        // Two entries in one millisecond keep their order and both stay.
        key.extend_from_slice(
            crate::model::RecordId::new_v7(now.timestamp_millis().max(0) as u64).as_bytes(),
        );
        self.meta_set(
            &key,
            &serde_json::to_vec(&entry).expect("entries serialise"),
        )
    }

    /// The processing log, oldest first, optionally from a day on.
    pub fn processing_log(
        &self,
        since: Option<DateTime<Utc>>,
    ) -> StoreResult<Vec<ProcessingEntry>> {
        Ok(self
            .meta_scan(PREFIX)?
            .into_iter()
            .filter_map(|(_, value)| serde_json::from_slice::<ProcessingEntry>(&value).ok())
            .filter(|entry| since.is_none_or(|since| entry.at >= since))
            .collect())
    }
}
