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
//! let report = store.subject_access(id, now)?;            // everything held about them
//! std::fs::write("/tmp/report.html", report.to_html())?;
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
    #[error("{reason}; nothing was changed")]
    NotAllowed { reason: String },
    #[error("{}: cannot be written: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
}

impl ProtectionError {
    /// The error in `language` (its English is the `Display` text).
    pub fn message(&self, language: kring_i18n::Language) -> String {
        match self {
            ProtectionError::Store(error) => error.message(language),
            ProtectionError::NotAllowed { reason } => {
                kring_i18n::error_text(language, self.code(), &[("reason", reason.as_str().into())])
            }
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
            ProtectionError::NotAllowed { .. } => "not_allowed",
            ProtectionError::Write { .. } => "write_failed",
        }
    }

    pub(crate) fn not_allowed(reason: impl Into<String>) -> Self {
        ProtectionError::NotAllowed {
            reason: reason.into(),
        }
    }
}

impl From<ValidationError> for ProtectionError {
    fn from(error: ValidationError) -> Self {
        ProtectionError::Store(StoreError::Invalid(error))
    }
}

pub type ProtectionResult<T> = Result<T, ProtectionError>;
