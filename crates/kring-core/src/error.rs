//! The store's error type: every failure a user can meet, worded as what is wrong and what to do.

use crate::model::{RecordId, RecordKind, ValidationError};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {} is in use by another Kring process; close it and try again", .path.display())]
    InUse { path: PathBuf },
    #[error(
        "store {} was written by a newer Kring (schema {found}); this Kring reads schema {supported} and older: update Kring",
        .path.display()
    )]
    SchemaTooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("store {} cannot be opened: {reason}", .path.display())]
    Open { path: PathBuf, reason: String },
    #[error("the store is not set up yet: run `kring init --name NAME --email EMAIL` first")]
    NotInitialised,
    #[error("the store is already set up for {name}")]
    AlreadyInitialised { name: String },
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("no record with id {0}")]
    NotFound(RecordId),
    #[error("{id} is a {actual}, not a {expected}")]
    WrongKind {
        id: RecordId,
        actual: String,
        expected: RecordKind,
    },
    #[error("record {id} cannot be read ({reason}): run `kring check`")]
    Corrupt { id: String, reason: String },
    #[error("the disk is full: free some space and try again (nothing was changed)")]
    DiskFull,
    #[error("the store is read-only: check the folder's permissions (nothing was changed)")]
    ReadOnly,
    #[error("the store could not be read or written: {0}")]
    Io(String),
}

impl StoreError {
    /// A stable code for the UI and scripts to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::InUse { .. } => "store_in_use",
            StoreError::SchemaTooNew { .. } => "schema_too_new",
            StoreError::Open { .. } => "store_open",
            StoreError::NotInitialised => "not_initialised",
            StoreError::AlreadyInitialised { .. } => "already_initialised",
            StoreError::Invalid(_) => "invalid",
            StoreError::NotFound(_) => "not_found",
            StoreError::WrongKind { .. } => "wrong_kind",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::DiskFull => "disk_full",
            StoreError::ReadOnly => "read_only",
            StoreError::Io(_) => "io",
        }
    }

    pub(crate) fn from_io_error(error: &std::io::Error) -> StoreError {
        Self::from_io(error)
    }

    pub(crate) fn from_io(error: &std::io::Error) -> StoreError {
        // ENOSPC and EROFS/EACCES get their own words: they are what users meet.
        match error.raw_os_error() {
            Some(28) => StoreError::DiskFull,
            Some(30) | Some(13) => StoreError::ReadOnly,
            _ => match error.kind() {
                std::io::ErrorKind::PermissionDenied => StoreError::ReadOnly,
                _ => StoreError::Io(error.to_string()),
            },
        }
    }
}

impl From<sled::Error> for StoreError {
    fn from(error: sled::Error) -> Self {
        match &error {
            sled::Error::Io(io) => StoreError::from_io(io),
            sled::Error::Corruption { .. } => StoreError::Corrupt {
                id: "(store files)".into(),
                reason: error.to_string(),
            },
            _ => StoreError::Io(error.to_string()),
        }
    }
}

impl From<sled::transaction::TransactionError<StoreError>> for StoreError {
    fn from(error: sled::transaction::TransactionError<StoreError>) -> Self {
        match error {
            sled::transaction::TransactionError::Abort(inner) => inner,
            sled::transaction::TransactionError::Storage(storage) => storage.into(),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
