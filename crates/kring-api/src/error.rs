//! The one error that crosses IPC: `{ code, message, field }`. `message` is a sentence for the
//! user (what is wrong and what to do); `code` is one of the few things the UI does differently
//! (`ErrorCode`); `field` names the form field a validation error belongs to, so the UI can show
//! it next to that field. kring-core's finer error codes (`store_in_use`, `bundle_truncated` …)
//! stay in the message's words: the UI shows them, it does not branch on them.

use kring_core::contacts::ContactsError;
use kring_core::store::StoreError;
use kring_core::sync::SyncError;
use kring_core::trust::TrustError;
use serde::{Deserialize, Serialize};

/// What the UI does with an error. A new code only when the UI really acts on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A value the user gave is wrong: the form shows the message next to `field` and saves
    /// nothing.
    Invalid,
    /// The record is gone (deleted here, or by a sync): the screen stops showing it rather than
    /// offering to try again.
    NotFound,
    /// The store has no owner yet (a restore of an empty backup, say): back to first run.
    NoProfile,
    /// The store cannot be opened (another Kring has it open, a newer Kring wrote it, its folder
    /// cannot be read): the window shows the message instead of its screens.
    StoreUnavailable,
    /// Anything else (a corrupt or forged file, a full disk, a fault inside Kring): the message
    /// says what happened and what to do.
    Failed,
}

impl ErrorCode {
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::Invalid,
        ErrorCode::NotFound,
        ErrorCode::NoProfile,
        ErrorCode::StoreUnavailable,
        ErrorCode::Failed,
    ];

    /// The code as it crosses IPC.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::NotFound => "not_found",
            ErrorCode::NoProfile => "no_profile",
            ErrorCode::StoreUnavailable => "store_unavailable",
            ErrorCode::Failed => "failed",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// A failure the message explains (a file that cannot be read or written, a fault).
    pub fn failed(message: impl Into<String>) -> AppError {
        AppError::new(ErrorCode::Failed, message)
    }

    /// A record that no longer exists.
    pub fn not_found(message: impl Into<String>) -> AppError {
        AppError::new(ErrorCode::NotFound, message)
    }

    /// A form value the user has to correct.
    pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
        AppError {
            field: Some(field.to_owned()),
            ..AppError::new(ErrorCode::Invalid, message)
        }
    }

    pub fn no_profile() -> AppError {
        AppError::new(
            ErrorCode::NoProfile,
            "Kring is not set up yet: choose your role, name and email first.",
        )
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        let code = match &error {
            StoreError::Invalid(invalid) => {
                return AppError::invalid(&invalid.field, invalid.reason.clone())
            }
            StoreError::NotInitialised => return AppError::no_profile(),
            // In the app the way out is leaving the demo, not opening another store.
            StoreError::DemoStore { action } => {
                return AppError::failed(format!(
                    "This is the demo: its fictional cards are never {action}. Leave the demo (Settings) to share your own network."
                ))
            }
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::InUse { .. }
            | StoreError::SchemaTooNew { .. }
            | StoreError::Open { .. } => ErrorCode::StoreUnavailable,
            _ => ErrorCode::Failed,
        };
        AppError::new(code, capitalised(&error.to_string()))
    }
}

impl From<SyncError> for AppError {
    fn from(error: SyncError) -> AppError {
        match error {
            SyncError::Store(store) => store.into(),
            SyncError::Trust(trust) => (*trust).into(),
            other => AppError::failed(capitalised(&other.to_string())),
        }
    }
}

impl From<TrustError> for AppError {
    fn from(error: TrustError) -> AppError {
        let message = capitalised(&error.to_string());
        match error {
            TrustError::Store(store) => store.into(),
            // Approved or removed meanwhile (by another manager's approval, say): the Members
            // screen drops the row rather than offering to try again.
            TrustError::NoSuchMember(_) => AppError::not_found(message),
            TrustError::Ambiguous(_) => AppError::invalid("who", message),
            // The file chosen is not an invitation (or a forged, expired or oversized one):
            // said next to the file field, to choose another.
            TrustError::BadInvitation(_) => AppError::invalid("path", message),
            TrustError::NotAManager(_)
            | TrustError::AlreadyJoined(_)
            | TrustError::Write { .. } => AppError::failed(message),
        }
    }
}

impl From<ContactsError> for AppError {
    fn from(error: ContactsError) -> AppError {
        match error {
            ContactsError::Store(store) => store.into(),
            other => AppError::failed(capitalised(&other.to_string())),
        }
    }
}

impl From<kring_core::model::ValidationError> for AppError {
    fn from(error: kring_core::model::ValidationError) -> AppError {
        AppError::invalid(&error.field, error.reason)
    }
}

/// Core messages are written for the command line, starting in lower case.
pub(crate) fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;
    use kring_core::model::{RecordId, ValidationError};

    #[test]
    fn the_codes_cross_ipc_as_their_snake_case_names() {
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::from(code.as_str())
            );
        }
    }

    #[test]
    fn core_errors_map_to_what_the_ui_does_with_them() {
        let invalid: AppError = StoreError::Invalid(ValidationError::new("email", "bad")).into();
        assert_eq!(
            (invalid.code, invalid.field.as_deref()),
            (ErrorCode::Invalid, Some("email"))
        );
        let gone: AppError = StoreError::NotFound(RecordId::from_slice(&[0; 16]).unwrap()).into();
        assert_eq!(gone.code, ErrorCode::NotFound);
        let busy: AppError = StoreError::InUse {
            path: "/tmp/store".into(),
        }
        .into();
        assert_eq!(busy.code, ErrorCode::StoreUnavailable);
        assert!(
            busy.message.starts_with(char::is_uppercase),
            "{}",
            busy.message
        );
        let no_owner: AppError = StoreError::NotInitialised.into();
        assert_eq!(no_owner.code, ErrorCode::NoProfile);
    }
}
