//! The store's error type: every failure a user can meet, worded as what is wrong and what to do.

use crate::model::{RecordId, RecordKind, ValidationError};
use std::path::{Path, PathBuf};

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
    /// `path` is the store's folder when the failure is met opening it.
    #[error(
        "the disk{} is full: free some space and try again (what was saved before is intact)",
        holding(.path)
    )]
    DiskFull { path: Option<PathBuf> },
    #[error(
        "the store{} is read-only (a read-only disk, or a folder this user may not write to): Kring writes to its store even to read it, so make it writable or copy it elsewhere (nothing was changed)",
        at(.path)
    )]
    ReadOnly { path: Option<PathBuf> },
    #[error("the store could not be read or written: {0}")]
    Io(String),
    /// A write outside the writer's rights (see `trust::rights`); nothing was written.
    #[error("{reason}; nothing was changed")]
    NotAllowed { reason: String },
    /// A demo store (a sandbox of fictional data) never shares what it holds.
    #[error(
        "this is a demo store of fictional data: it cannot be {action}; open your own store to share your network"
    )]
    DemoStore { action: &'static str },
    /// What sits where a demo sandbox would be is something else: it is left as it is.
    #[error(
        "{} is not a demo sandbox (no Kring store marked as a demo is there): it was left as it is and nothing was removed; move it away yourself if the demo should go there",
        .path.display()
    )]
    NotASandbox { path: PathBuf },
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
            StoreError::DiskFull { .. } => "disk_full",
            StoreError::ReadOnly { .. } => "read_only",
            StoreError::Io(_) => "io",
            StoreError::NotAllowed { .. } => "not_allowed",
            StoreError::DemoStore { .. } => "demo_store",
            StoreError::NotASandbox { .. } => "not_a_sandbox",
        }
    }

    pub(crate) fn from_io_error(error: &std::io::Error) -> StoreError {
        Self::from_io(error)
    }

    pub(crate) fn from_io(error: &std::io::Error) -> StoreError {
        // ENOSPC and EROFS/EACCES get their own words: they are what users meet. sled hands on
        // an error its flusher met as a copy that keeps the kind but not the OS code.
        use std::io::ErrorKind;
        match (error.raw_os_error(), error.kind()) {
            (Some(28), _) | (_, ErrorKind::StorageFull) => StoreError::DiskFull { path: None },
            (Some(30) | Some(13), _)
            | (_, ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied) => {
                StoreError::ReadOnly { path: None }
            }
            _ => StoreError::Io(error.to_string()),
        }
    }

    /// The same error, naming the store's folder when it is one of those that gets its own words.
    pub(crate) fn at_store(self, store: &Path) -> StoreError {
        match self {
            StoreError::DiskFull { path: None } => StoreError::DiskFull {
                path: Some(store.to_owned()),
            },
            StoreError::ReadOnly { path: None } => StoreError::ReadOnly {
                path: Some(store.to_owned()),
            },
            other => other,
        }
    }
}

fn holding(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map(|p| format!(" holding the store {}", p.display()))
        .unwrap_or_default()
}

fn at(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map(|p| format!(" at {}", p.display()))
        .unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn a_full_disk_is_named_whether_the_os_code_survives_or_only_the_kind() {
        // sled hands on the error its flusher met as a copy with the kind and a debug text only.
        let copied_by_sled = Error::new(
            ErrorKind::StorageFull,
            "Os { code: 28, kind: StorageFull, message: \"No space left on device\" }",
        );
        for error in [Error::from_raw_os_error(28), copied_by_sled] {
            let mapped = StoreError::from_io(&error);
            assert_eq!(mapped.code(), "disk_full", "{error:?} is a full disk");
            let message = mapped.to_string();
            assert!(
                message.contains("disk is full") && message.contains("free some space"),
                "the message says what is wrong and what to do: {message}"
            );
            assert!(!message.contains("os error"), "no raw OS text: {message}");
        }
        let through_sled = StoreError::from(sled::Error::Io(Error::new(
            ErrorKind::StorageFull,
            "copied",
        )));
        assert_eq!(through_sled.code(), "disk_full");
    }

    #[test]
    fn a_read_only_disk_or_folder_is_named_as_a_read_only_store() {
        for error in [
            Error::from_raw_os_error(30),
            Error::from_raw_os_error(13),
            Error::new(ErrorKind::ReadOnlyFilesystem, "copied"),
            Error::new(ErrorKind::PermissionDenied, "copied"),
        ] {
            let mapped = StoreError::from_io(&error);
            assert_eq!(mapped.code(), "read_only", "{error:?} means read-only");
            assert!(mapped.to_string().contains("read-only"), "{mapped}");
        }
    }

    #[test]
    fn errors_met_opening_a_store_name_its_folder() {
        let folder = Path::new("/media/usb/kring");
        let read_only = StoreError::from_io(&Error::from_raw_os_error(30)).at_store(folder);
        assert!(
            read_only
                .to_string()
                .starts_with("the store at /media/usb/kring is read-only"),
            "{read_only}"
        );
        let full = StoreError::from_io(&Error::from_raw_os_error(28)).at_store(folder);
        assert!(
            full.to_string()
                .starts_with("the disk holding the store /media/usb/kring is full"),
            "{full}"
        );
        let other = StoreError::from_io(&Error::other("bad sector")).at_store(folder);
        assert_eq!(
            other.to_string(),
            "the store could not be read or written: bad sector"
        );
    }
}
