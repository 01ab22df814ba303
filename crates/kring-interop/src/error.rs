//! The one error type of this crate.
//!
//! Why one type with a line number in every variant: whoever imports a file needs to know *where*
//! it is broken to fix it or to tell the person who sent it. A bad file is refused as a whole (the
//! store's import is atomic), so the message has to be good enough to act on: "line 12: ..." and a
//! reason in plain words. Readers never panic; every unexpected input ends up here.

use thiserror::Error;

/// Why a file could not be read. Every variant names the 1-based line where the problem starts.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InteropError {
    /// The structure of the file is broken: a missing `END:VCARD`, a line without a colon, a CSV
    /// row with the wrong number of fields, a file that is not the expected format at all.
    #[error("line {line}: {reason}")]
    Malformed {
        /// 1-based line number in the file.
        line: usize,
        /// What is wrong, in words a user can act on.
        reason: String,
    },
    /// The structure is fine but a value cannot be decoded: invalid quoted-printable, invalid
    /// base64, text that is not valid in its declared encoding.
    #[error("line {line}: {reason}")]
    Undecodable {
        /// 1-based line number in the file.
        line: usize,
        /// What could not be decoded and why.
        reason: String,
    },
}

impl InteropError {
    /// The 1-based line number the error points at.
    pub fn line(&self) -> usize {
        match self {
            Self::Malformed { line, .. } | Self::Undecodable { line, .. } => *line,
        }
    }

    /// A stable code: `malformed` or `undecodable`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed { .. } => "malformed",
            Self::Undecodable { .. } => "undecodable",
        }
    }

    /// "line N: reason" in `language`. The readers' reasons are English sentences (they quote
    /// the file), so only the frame is translated.
    pub fn message(&self, language: kring_i18n::Language) -> String {
        kring_i18n::error_text(
            language,
            self.code(),
            &[
                // As an editor's "go to line" takes it: digits alone, never "12,345".
                ("line", self.line().to_string().into()),
                ("reason", self.reason().into()),
            ],
        )
    }

    /// The reason without the line number.
    pub fn reason(&self) -> &str {
        match self {
            Self::Malformed { reason, .. } | Self::Undecodable { reason, .. } => reason,
        }
    }

    pub(crate) fn malformed(line: usize, reason: impl Into<String>) -> Self {
        Self::Malformed {
            line,
            reason: reason.into(),
        }
    }

    pub(crate) fn undecodable(line: usize, reason: impl Into<String>) -> Self {
        Self::Undecodable {
            line,
            reason: reason.into(),
        }
    }
}
