//! Data protection: the rights of the people on the cards (GDPR) and the archive rules a public
//! body answers to.
//!
//! - [`records`]: the kinds a Manager of the Network writes (purposes and lawful basis,
//!   retention rules, access requests, forgets) and the objection or restriction any member may
//!   mark;
//! - [`restriction`]: marking a person objected or restricted, and leaving them out of
//!   reminders, follow-up lists, newsletters and invitations;
//! - [`erasure`]: forgetting a person so that it sticks on every store, whatever arrives later;
//! - [`sweep`]: the deterministic transformation forgets and retention rules make every store
//!   apply, to what it holds and to what it imports;
//! - [`retention`]: the rules applied at open and daily, the dry run, and erasure proposals a
//!   person confirms;
//! - [`access`]: the subject access report, and what a networker holds privately about a person
//!   a manager raised a request for;
//! - [`compaction`]: rewriting the store, its backups and its own files so that the bytes of
//!   what was erased are gone from the disk files, not only hidden;
//! - [`processing_log`]: the local log of what was done with personal data.
//!
//! Nothing here reads the clock: every function that needs the time takes `now`.
//!
//! ```no_run
//! # use kring_core::store::{OpenOptions, Store};
//! # let store = Store::open(std::path::Path::new("/tmp/kring-example"), &OpenOptions::default())?;
//! # let now = chrono::Utc::now();
//! # let id = store.resolve_id("0190")?;
//! let dutch = kring_i18n::Language::Dutch;
//! let report = store.subject_access(id, dutch, now)?;     // everything held about them
//! std::fs::write("/tmp/report.html", report.to_html())?;  // in Dutch, `lang="nl"`
//! store.forget(id, "Art. 17, request 2026-014", now)?;    // erased here, and everywhere it travels
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod access;
pub mod erasure;
pub mod processing_log;
mod purge;
pub use crate::model::protection as records;
pub mod restriction;
pub mod retention;
pub mod sweep;

pub use records::*;

use crate::model::ValidationError;
use crate::store::StoreError;
use std::path::PathBuf;

/// What can go wrong with a data protection operation.
#[derive(Debug, thiserror::Error)]
pub enum ProtectionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Refused, for a reason worded in the reader's language when it is said.
    #[error("{}; nothing was changed", .0.words(kring_i18n::Language::English))]
    Refused(Refusal),
    #[error("{}: cannot be written: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
}

impl ProtectionError {
    /// The error in `language` (its English is the `Display` text).
    pub fn message(&self, language: kring_i18n::Language) -> String {
        match self {
            ProtectionError::Store(error) => error.message(language),
            ProtectionError::Refused(refusal) => kring_i18n::error_text(
                language,
                self.code(),
                &[("reason", refusal.words(language).into())],
            ),
            ProtectionError::Write { path, reason } => kring_i18n::error_text(
                language,
                self.code(),
                &[
                    ("path", crate::error::shown(path)),
                    ("reason", reason.as_str().into()),
                ],
            ),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ProtectionError::Store(e) => e.code().as_str(),
            ProtectionError::Refused(_) => "not_allowed",
            ProtectionError::Write { .. } => "write_failed",
        }
    }

    /// Refused for the reason catalogue message `message` gives, with its arguments (an
    /// argument named `kind` is a record kind, worded as the language names it).
    pub(crate) fn refused(message: &'static str, arguments: &[(&'static str, String)]) -> Self {
        ProtectionError::Refused(Refusal {
            message,
            arguments: arguments.to_vec(),
        })
    }
}

/// Why an operation was refused: a catalogue message and its arguments, worded when said, so
/// that the app and the command line each say it in their user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The message id in `locales/*/protection.ftl`.
    pub message: &'static str,
    pub arguments: Vec<(&'static str, String)>,
}

impl Refusal {
    /// The reason in `language`.
    pub fn words(&self, language: kring_i18n::Language) -> String {
        let arguments: Vec<(&str, kring_i18n::FluentValue<'_>)> = self
            .arguments
            .iter()
            .map(|(name, value)| {
                let value = if *name == "kind" {
                    kring_i18n::t!(language, "protection-record-kind", kind = value.as_str())
                } else {
                    value.clone()
                };
                (*name, value.into())
            })
            .collect();
        kring_i18n::text_with(language, self.message, &arguments)
    }
}

impl From<ValidationError> for ProtectionError {
    fn from(error: ValidationError) -> Self {
        ProtectionError::Store(StoreError::Invalid(error))
    }
}

pub type ProtectionResult<T> = Result<T, ProtectionError>;
