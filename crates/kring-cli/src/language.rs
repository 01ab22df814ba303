//! The language a run of `kring` speaks, and how its errors get their words.
//!
//! The language is chosen before the arguments are parsed (`--help` and clap's own messages are
//! written in it), from `--lang` read off the raw arguments, else `KRING_LANG`, else the POSIX
//! locale, else English. It is chosen once per process, so it lives in a `OnceLock` that every
//! module reads rather than a parameter threaded through every printing function.

use kring_core::bounds::FileBoundError;
use kring_core::compaction::CompactError;
use kring_core::contacts::ContactsError;
use kring_core::kring_interop::{CaptureReadError, InteropError};
use kring_core::model::ValidationError;
use kring_core::protection::ProtectionError;
use kring_core::store::StoreError;
use kring_core::sync::bundle::BundleError;
use kring_core::sync::folder::FolderError;
use kring_core::sync::SyncError;
use kring_core::trust::TrustError;
use kring_i18n::Language;
use std::ffi::OsString;
use std::sync::OnceLock;

static LANGUAGE: OnceLock<Language> = OnceLock::new();

/// The language of this run (English until `choose` has run).
pub fn language() -> Language {
    LANGUAGE.get().copied().unwrap_or_default()
}

/// Chooses the language of this run from the raw arguments and the environment.
pub fn choose(args: &[OsString], environment: impl Fn(&str) -> Option<String>) -> Language {
    let flag = lang_flag(args);
    let language = Language::for_command_line(flag.as_deref(), environment);
    let _ = LANGUAGE.set(language);
    language
}

/// The value of `--lang X` or `--lang=X` among the raw arguments (before a `--`). A value that
/// names no language is left for clap to refuse.
pub fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            return None;
        }
        if word == "--lang" {
            return words.next().map(|value| value.into_owned());
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
    }
    None
}

/// One error of a chain in `language`: Kring's own errors by their catalogue words, anything
/// else (an OS error, a message of a library) as it says itself.
pub fn error_words(error: &(dyn std::error::Error + 'static), language: Language) -> String {
    macro_rules! worded {
        ($($kind:ty),+) => {
            $(if let Some(error) = error.downcast_ref::<$kind>() {
                return error.message(language);
            })+
        };
    }
    worded!(
        StoreError,
        ValidationError,
        SyncError,
        BundleError,
        FolderError,
        TrustError,
        ProtectionError,
        ContactsError,
        FileBoundError,
        InteropError,
        CaptureReadError,
        CompactError
    );
    error.to_string()
}

/// A whole error chain in `language`, each error worded by [`error_words`] and joined with ": "
/// (the outermost first), as `kring: …` prints a failure.
pub fn chain_words(error: &anyhow::Error, language: Language) -> String {
    error
        .chain()
        .map(|error| error_words(error, language))
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_lang_flag_is_read_before_parsing_in_both_spellings() {
        assert_eq!(
            lang_flag(&args(&["kring", "--lang", "nl", "today"])),
            Some("nl".into())
        );
        assert_eq!(
            lang_flag(&args(&["kring", "card", "show", "x", "--lang=fr"])),
            Some("fr".into())
        );
        assert_eq!(lang_flag(&args(&["kring", "today"])), None);
        assert_eq!(
            lang_flag(&args(&["kring", "note", "x", "--", "--lang", "nl"])),
            None,
            "after -- it is text, not a flag"
        );
    }

    #[test]
    fn a_core_error_in_a_chain_is_worded_in_the_language() {
        let error: anyhow::Error = StoreError::NotInitialised.into();
        let words = error_words(error.chain().next().unwrap(), Language::German);
        assert!(words.contains("noch nicht eingerichtet"), "{words}");
        let other = anyhow::anyhow!("plain");
        assert_eq!(
            error_words(other.chain().next().unwrap(), Language::Dutch),
            "plain"
        );
    }

    #[test]
    fn a_chain_is_worded_outermost_first_each_in_the_language() {
        let error = anyhow::Error::from(StoreError::NotInitialised).context("opening the store");
        let words = chain_words(&error, Language::German);
        assert!(words.starts_with("opening the store: "), "{words}");
        assert!(words.contains("noch nicht eingerichtet"), "{words}");
    }
}
