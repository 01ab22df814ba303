//! The processing log: what was done with personal data on this store, by whom and when, and how
//! many records it concerned. Subject access reports, erasures, retention runs, compactions,
//! exports, reports and transparency registers written are logged (`kring processing-log`).
//! A line keeps codes and arguments, not words: it is worded when read, in the reader's language.
//!
//! It is kept in the store's own `meta` tree: it never travels, and an entry holds no personal
//! data (record ids, counts, file names). Erasures are visible to the organisation through their
//! forget records (`Store::erasures`), which every master carries.

use super::RestrictionStatus;
use crate::model::RecordId;
use crate::store::{Store, StoreResult};
use chrono::{DateTime, Utc};
use kring_i18n::{format, t, Language};
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

/// What was done, as a code and its arguments: record ids, counts, a file name, never words.
/// The words are written when the log is read, in the reader's language
/// ([`ProcessingWhat::words`]), so that a log kept in one language reads in another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProcessingWhat {
    /// A subject access report about a person.
    Person { person: RecordId },
    /// An access request raised for a person.
    RequestRaised { request: RecordId, person: RecordId },
    /// An access request marked answered.
    RequestAnswered { request: RecordId },
    /// A person marked objected or restricted, or the mark lifted.
    Restriction {
        person: RecordId,
        status: RestrictionStatus,
    },
    /// A person forgotten: the organisation's forget record, and the private cards of this
    /// store that went with them.
    Erasure {
        person: RecordId,
        forget: Option<RecordId>,
        private_cards: u64,
    },
    /// The retention rules applied.
    Retention {
        rules: u64,
        records: u64,
        proposals: u64,
    },
    /// The store and its backups rewritten without what was erased.
    Compaction {
        entries: u64,
        backups: u64,
        held: u64,
        sync_files: u64,
    },
    /// A file written.
    Wrote { file: String },
    /// A line logged before the log kept codes: its English words, as they were written.
    Text { text: String },
}

impl ProcessingWhat {
    /// In words, in `language` ("verzoek 0190… voor betrokkene 0190…").
    pub fn words(&self, language: Language) -> String {
        let l = language;
        match self {
            ProcessingWhat::Person { person } => {
                t!(l, "processing-person", person = person.to_string())
            }
            ProcessingWhat::RequestRaised { request, person } => t!(
                l,
                "processing-request-raised",
                request = request.to_string(),
                person = person.to_string()
            ),
            ProcessingWhat::RequestAnswered { request } => t!(
                l,
                "processing-request-answered",
                request = request.to_string()
            ),
            ProcessingWhat::Restriction { person, status } => t!(
                l,
                "processing-restriction",
                person = person.to_string(),
                status = status.as_str()
            ),
            ProcessingWhat::Erasure {
                person,
                forget,
                private_cards,
            } => {
                let mut words = t!(l, "processing-person", person = person.to_string());
                if let Some(record) = forget {
                    words.push_str(&t!(
                        l,
                        "processing-erasure-forget",
                        record = record.to_string()
                    ));
                }
                if *private_cards > 0 {
                    words.push_str(&t!(
                        l,
                        "processing-erasure-private",
                        count = *private_cards,
                        cards = format::integer(l, *private_cards as i64)
                    ));
                }
                words
            }
            ProcessingWhat::Retention {
                rules,
                records,
                proposals,
            } => t!(
                l,
                "processing-retention",
                rules = *rules,
                rules_number = format::integer(l, *rules as i64),
                records = *records,
                records_number = format::integer(l, *records as i64),
                proposals = *proposals,
                proposals_number = format::integer(l, *proposals as i64)
            ),
            ProcessingWhat::Compaction {
                entries,
                backups,
                held,
                sync_files,
            } => t!(
                l,
                "processing-compaction",
                entries = format::integer(l, *entries as i64),
                backups = *backups,
                backups_number = format::integer(l, *backups as i64),
                held = format::integer(l, *held as i64),
                sync_files = *sync_files,
                sync_files_number = format::integer(l, *sync_files as i64)
            ),
            ProcessingWhat::Wrote { file } => t!(l, "processing-wrote", file = file.as_str()),
            ProcessingWhat::Text { text } => text.clone(),
        }
    }
}

/// One line of the processing log, as the store keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct StoredEntry {
    at: DateTime<Utc>,
    by: String,
    activity: Activity,
    #[serde(deserialize_with = "what_of_stored")]
    what: ProcessingWhat,
    records: u64,
}

/// A line's `what`: its code, or the English words of a line logged before codes were kept.
fn what_of_stored<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<ProcessingWhat, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Coded(ProcessingWhat),
        Words(String),
    }
    Ok(match Stored::deserialize(deserializer)? {
        Stored::Coded(what) => what,
        Stored::Words(text) => ProcessingWhat::Text { text },
    })
}

/// One line of the processing log, as it is read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProcessingEntry {
    pub at: DateTime<Utc>,
    /// The store's owner, by name (a store has one).
    pub by: String,
    pub activity: Activity,
    /// What, as a code and its arguments: record ids, a file name, counts. No personal data.
    pub what: ProcessingWhat,
    /// The same in words, in the reader's language.
    pub text: String,
    /// How many records it concerned.
    pub records: u64,
}

impl Store {
    /// Adds a line to the processing log. The app and the command line call it for what they
    /// write themselves (a report, a transparency register); the core logs its own operations.
    pub fn log_processing(
        &self,
        activity: Activity,
        what: ProcessingWhat,
        records: u64,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let by = self.profile()?.map(|p| p.name).unwrap_or_default();
        let entry = StoredEntry {
            at: now,
            by,
            activity,
            what,
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

    /// The processing log, oldest first, optionally from a day on; its words in `language`.
    pub fn processing_log(
        &self,
        since: Option<DateTime<Utc>>,
        language: Language,
    ) -> StoreResult<Vec<ProcessingEntry>> {
        Ok(self
            .meta_scan(PREFIX)?
            .into_iter()
            .filter_map(|(_, value)| serde_json::from_slice::<StoredEntry>(&value).ok())
            .filter(|entry| since.is_none_or(|since| entry.at >= since))
            .map(|entry| ProcessingEntry {
                text: entry.what.words(language),
                at: entry.at,
                by: entry.by,
                activity: entry.activity,
                what: entry.what,
                records: entry.records,
            })
            .collect())
    }
}
