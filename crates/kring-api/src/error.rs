//! The one error that crosses IPC: `{ code, message, field }`. `message` is a sentence for the
//! user (what is wrong and what to do); `code` is what the UI branches on; `field` names the form
//! field a validation error belongs to, so the UI can show it next to that field.

use kring_core::contacts::ContactsError;
use kring_core::store::StoreError;
use kring_core::sync::SyncError;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize, specta::Type)]
pub struct AppError {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> AppError {
        AppError {
            code: code.to_owned(),
            message: message.into(),
            field: None,
        }
    }

    /// A form value the user has to correct.
    pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
        AppError {
            field: Some(field.to_owned()),
            ..AppError::new("invalid", message)
        }
    }

    pub fn no_profile() -> AppError {
        AppError::new(
            "no_profile",
            "Kring is not set up yet: choose your role, name and email first.",
        )
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::Invalid(invalid) => AppError::invalid(&invalid.field, invalid.reason),
            StoreError::NotInitialised => AppError::no_profile(),
            other => AppError::new(other.code(), capitalised(&other.to_string())),
        }
    }
}

impl From<SyncError> for AppError {
    fn from(error: SyncError) -> AppError {
        match error {
            SyncError::Store(store) => store.into(),
            other => AppError::new(other.code(), capitalised(&other.to_string())),
        }
    }
}

impl From<kring_core::trust::TrustError> for AppError {
    fn from(error: kring_core::trust::TrustError) -> AppError {
        match error {
            kring_core::trust::TrustError::Store(store) => store.into(),
            other => AppError::new(other.code(), capitalised(&other.to_string())),
        }
    }
}

impl From<ContactsError> for AppError {
    fn from(error: ContactsError) -> AppError {
        match error {
            ContactsError::Store(store) => store.into(),
            other => AppError::new(other.code(), capitalised(&other.to_string())),
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
