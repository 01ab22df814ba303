//! The store's error type: every failure a user can meet, worded as what is wrong and what to do.

use crate::model::{RecordId, RecordKind, ValidationError};
use kring_i18n::{error_text, FluentValue, Language};
use std::path::{Path, PathBuf};

crate::model::word_enum!(
    /// The stable code of every failure a store, a bundle, a sync pass or the trust model can
    /// meet (`StoreError::code`, `BundleError::code`, `SyncError::code`, `FolderError::code`,
    /// `TrustError::code`), and `still_changing` for a bundle still being written: what a sync
    /// report's skipped files and the last sync problem carry, for the UI and scripts to branch on.
    ProblemCode {
        StoreInUse => "store_in_use",
        SchemaTooNew => "schema_too_new",
        StoreOpen => "store_open",
        NotInitialised => "not_initialised",
        AlreadyInitialised => "already_initialised",
        Invalid => "invalid",
        NotFound => "not_found",
        WrongKind => "wrong_kind",
        Corrupt => "corrupt",
        DiskFull => "disk_full",
        ReadOnly => "read_only",
        Io => "io",
        WritesStopped => "writes_stopped",
        NotAllowed => "not_allowed",
        DemoStore => "demo_store",
        NotASandbox => "not_a_sandbox",
        BundleIo => "bundle_io",
        BundleWrongMagic => "bundle_wrong_magic",
        BundleFutureFormat => "bundle_future_format",
        BundleTruncated => "bundle_truncated",
        BundleCorrupt => "bundle_corrupt",
        BundleBadSignature => "bundle_bad_signature",
        BundleHashMismatch => "bundle_hash_mismatch",
        BundleIsBackup => "bundle_is_backup",
        BundleIsExport => "bundle_is_export",
        BundleNotARecipient => "bundle_not_a_recipient",
        WriteFailed => "write_failed",
        ClockAhead => "clock_ahead",
        OwnBundle => "own_bundle",
        OtherOrganisation => "other_organisation",
        SyncFolderUnavailable => "sync_folder_unavailable",
        SyncFolderWrite => "sync_folder_write",
        NotAManager => "not_a_manager",
        AlreadyJoined => "already_joined",
        BadInvitation => "bad_invitation",
        NoSuchMember => "no_such_member",
        AmbiguousMember => "ambiguous_member",
        NoSuchClaim => "no_such_claim",
        StillChanging => "still_changing",
    }
);

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
    /// A write failed earlier in this process (a full disk, a disk that went away). sled 0.34
    /// takes no write after that, even once there is room again, until the store is opened anew:
    /// this says so instead of repeating the first failure's "try again".
    #[error(
        "Kring stopped writing to the store when a write failed (a full disk, or a disk that went away): close Kring and open it again once that is fixed (what was saved before is intact)"
    )]
    WritesStopped,
    /// A write outside the writer's rights (see `trust::rights`); nothing was written.
    #[error("{reason}; nothing was changed")]
    NotAllowed {
        reason: crate::model::refusal::RefusalReason,
    },
    /// A demo store (a sandbox of fictional data) never lets what it holds leave the machine,
    /// and takes in nothing of a real store (a backup). `action` says what was refused.
    #[error(
        "this is a demo store of fictional data, which never leaves this machine and is kept apart from real data: it cannot be {action}; open your own store to do this with your own network"
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
    pub fn code(&self) -> ProblemCode {
        match self {
            StoreError::InUse { .. } => ProblemCode::StoreInUse,
            StoreError::SchemaTooNew { .. } => ProblemCode::SchemaTooNew,
            StoreError::Open { .. } => ProblemCode::StoreOpen,
            StoreError::NotInitialised => ProblemCode::NotInitialised,
            StoreError::AlreadyInitialised { .. } => ProblemCode::AlreadyInitialised,
            StoreError::Invalid(_) => ProblemCode::Invalid,
            StoreError::NotFound(_) => ProblemCode::NotFound,
            StoreError::WrongKind { .. } => ProblemCode::WrongKind,
            StoreError::Corrupt { .. } => ProblemCode::Corrupt,
            StoreError::DiskFull { .. } => ProblemCode::DiskFull,
            StoreError::ReadOnly { .. } => ProblemCode::ReadOnly,
            StoreError::Io(_) => ProblemCode::Io,
            StoreError::WritesStopped => ProblemCode::WritesStopped,
            StoreError::NotAllowed { .. } => ProblemCode::NotAllowed,
            StoreError::DemoStore { .. } => ProblemCode::DemoStore,
            StoreError::NotASandbox { .. } => ProblemCode::NotASandbox,
        }
    }

    /// The error in `language`: the catalogue's `error-<code>` with the error's fields. Its
    /// English is the `Display` text.
    pub fn message(&self, language: Language) -> String {
        let say = |arguments: &[(&str, FluentValue<'_>)]| {
            error_text(language, self.code().as_str(), arguments)
        };
        match self {
            StoreError::InUse { path } => say(&[("path", shown(path))]),
            StoreError::SchemaTooNew {
                path,
                found,
                supported,
            } => say(&[
                ("path", shown(path)),
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ]),
            StoreError::Open { path, reason } => {
                say(&[("path", shown(path)), ("reason", reason.as_str().into())])
            }
            StoreError::NotInitialised | StoreError::WritesStopped => say(&[]),
            StoreError::AlreadyInitialised { name } => say(&[("name", name.as_str().into())]),
            StoreError::Invalid(invalid) => invalid.message(language),
            StoreError::NotFound(id) => say(&[("id", id.to_string().into())]),
            StoreError::WrongKind {
                id,
                actual,
                expected,
            } => say(&[
                ("id", id.to_string().into()),
                ("actual", actual.as_str().into()),
                ("expected", expected.as_str().into()),
            ]),
            StoreError::Corrupt { id, reason } => say(&[
                ("id", id.as_str().into()),
                ("reason", reason.as_str().into()),
            ]),
            StoreError::DiskFull { path } | StoreError::ReadOnly { path } => say(&[(
                "path",
                path.as_deref().map_or(FluentValue::from("none"), shown),
            )]),
            StoreError::Io(reason) => say(&[("reason", reason.as_str().into())]),
            StoreError::NotAllowed { reason } => say(&[("reason", reason.words(language).into())]),
            StoreError::DemoStore { action } => say(&[
                ("action", (*action).into()),
                ("kind", kring_i18n::selector(action).into()),
            ]),
            StoreError::NotASandbox { path } => say(&[("path", shown(path))]),
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

/// A path as an argument of a message.
pub(crate) fn shown(path: &Path) -> FluentValue<'static> {
    FluentValue::from(path.display().to_string())
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
