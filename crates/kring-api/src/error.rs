//! The one error that crosses IPC: `{ code, message, field }`. `message` is a sentence for the
//! user (what is wrong and what to do); `code` is one of the few things the UI does differently
//! (`ErrorCode`); `field` names the form field a validation error belongs to, so the UI can show
//! it next to that field. kring-core's finer error codes (`store_in_use`, `bundle_truncated` …)
//! stay in the message's words: the UI shows them, it does not branch on them.

use kring_core::contacts::ContactsError;
use kring_core::store::StoreError;
use kring_core::sync::SyncError;
use kring_core::trust::TrustError;
use kring_i18n::{t, Language};
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
    /// A write failed (a full disk, a disk that went away) and the store stopped writing: only
    /// opening Kring again helps, so the UI offers to quit beside the message.
    WritesStopped,
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
        ErrorCode::WritesStopped,
        ErrorCode::Failed,
    ];

    /// The code as it crosses IPC.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::NotFound => "not_found",
            ErrorCode::NoProfile => "no_profile",
            ErrorCode::StoreUnavailable => "store_unavailable",
            ErrorCode::WritesStopped => "writes_stopped",
            ErrorCode::Failed => "failed",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
    /// The message in every language, for an error whose words the catalogues hold: the
    /// session's language picks one when the error leaves a command ([`AppError::in_language`]).
    /// It never crosses IPC: `message` carries the words chosen.
    #[serde(skip)]
    words: Option<Box<Words>>,
}

/// A message in each of the four languages, in the order of `Language::ALL`.
#[derive(Clone, Debug, PartialEq)]
struct Words([String; 4]);

impl Words {
    /// Core messages are written for the command line, starting in lower case: the app's start
    /// with a capital.
    fn of(message: impl Fn(Language) -> String) -> Box<Words> {
        Box::new(Words(
            Language::ALL.map(|language| capitalised(&message(language))),
        ))
    }

    /// A reason shown next to its field, as it is ("must not be empty").
    fn as_they_are(message: impl Fn(Language) -> String) -> Box<Words> {
        Box::new(Words(Language::ALL.map(message)))
    }

    fn get(&self, language: Language) -> &str {
        let index = Language::ALL
            .iter()
            .position(|known| *known == language)
            .unwrap_or(0);
        &self.0[index]
    }
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
            field: None,
            words: None,
        }
    }

    /// The same error with its words in every language from `message` (the English one is
    /// `message(English)`).
    pub(crate) fn worded(self, message: impl Fn(Language) -> String) -> AppError {
        self.with_words(Words::of(message))
    }

    fn with_words(mut self, words: Box<Words>) -> AppError {
        self.message = words.get(Language::English).to_owned();
        self.words = Some(words);
        self
    }

    /// The error as it leaves a command for a person reading `language`: its message in that
    /// language when the catalogues word it, else as it was written (English).
    pub fn in_language(mut self, language: Language) -> AppError {
        if let Some(words) = self.words.take() {
            self.message = words.get(language).to_owned();
        }
        self
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

    /// A command that stopped before it answered (it panicked, or the runtime cancelled it):
    /// `cause` is the runtime's own account of it, quoted as it is.
    pub fn stopped(cause: impl std::fmt::Display) -> AppError {
        let cause = cause.to_string();
        AppError::failed("")
            .worded(|language| t!(language, "app-operation-stopped", cause = cause.as_str()))
    }

    pub fn no_profile() -> AppError {
        AppError::new(ErrorCode::NoProfile, "").worded(|language| t!(language, "app-no-profile"))
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        let code = match &error {
            StoreError::Invalid(invalid) => return invalid.clone().into(),
            StoreError::NotInitialised => return AppError::no_profile(),
            // In the app the way out is leaving the demo, not opening another store.
            StoreError::DemoStore { action } => {
                let action = *action;
                return AppError::failed("").worded(|language| {
                    t!(
                        language,
                        "app-demo-store",
                        action = action,
                        kind = kring_i18n::selector(action)
                    )
                });
            }
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::InUse { .. }
            | StoreError::SchemaTooNew { .. }
            | StoreError::Open { .. } => ErrorCode::StoreUnavailable,
            StoreError::WritesStopped => ErrorCode::WritesStopped,
            _ => ErrorCode::Failed,
        };
        AppError::new(code, "").worded(|language| error.message(language))
    }
}

impl From<SyncError> for AppError {
    fn from(error: SyncError) -> AppError {
        match error {
            SyncError::Store(store) => store.into(),
            SyncError::Trust(trust) => (*trust).into(),
            other => AppError::failed("").worded(|language| other.message(language)),
        }
    }
}

impl From<TrustError> for AppError {
    fn from(error: TrustError) -> AppError {
        let words = Words::of(|language| error.message(language));
        let message = words.get(Language::English).to_owned();
        let worded = |error: AppError| AppError {
            words: Some(words.clone()),
            ..error
        };
        match error {
            TrustError::Store(store) => store.into(),
            // Approved or removed meanwhile (by another manager's approval, say): the Members
            // screen drops the row rather than offering to try again.
            TrustError::NoSuchMember(_) => worded(AppError::not_found(message)),
            TrustError::Ambiguous(_) => worded(AppError::invalid("who", message)),
            // Dropped meanwhile (by another manager, say): the screen reads the roster again.
            TrustError::NoSuchClaim { .. } => worded(AppError::not_found(message)),
            // The file chosen is not an invitation (or a forged, expired or oversized one):
            // said next to the file field, to choose another.
            TrustError::BadInvitation(_) => worded(AppError::invalid("path", message)),
            TrustError::NotAManager(_)
            | TrustError::AlreadyJoined(_)
            | TrustError::Write { .. } => worded(AppError::failed(message)),
        }
    }
}

impl From<ContactsError> for AppError {
    fn from(error: ContactsError) -> AppError {
        match error {
            ContactsError::Store(store) => store.into(),
            other => AppError::failed("").worded(|language| other.message(language)),
        }
    }
}

impl From<kring_core::model::ValidationError> for AppError {
    fn from(error: kring_core::model::ValidationError) -> AppError {
        // Next to its field, the reason alone: "must not be empty".
        AppError::invalid(&error.field, "")
            .with_words(Words::as_they_are(|language| error.reason_in(language)))
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

    #[test]
    fn a_command_that_stopped_is_said_in_the_persons_language_with_its_cause() {
        let stopped = AppError::stopped("task 7 panicked");
        assert_eq!(stopped.code, ErrorCode::Failed);
        assert_eq!(
            stopped.clone().in_language(Language::English).message,
            "The operation stopped: task 7 panicked"
        );
        let dutch = stopped.in_language(Language::Dutch).message;
        assert!(dutch.starts_with("De bewerking"), "{dutch}");
        assert!(dutch.ends_with("task 7 panicked"), "{dutch}");
    }
}
