//! Kring's languages and its message catalogues.
//!
//! Every sentence Kring writes for a person (an error, a CLI summary, a report heading, a demo
//! text) is a message in a Fluent catalogue, `locales/<language>/<area>.ftl`, looked up by id in
//! the language the person chose. Programs never see these words: they branch on the stable codes
//! and enum values that travel beside them. `docs/glossary.md` fixes the domain's terms in the
//! four languages; the catalogues use them.
//!
//! Adding a string: put `my-message-id = …` in `locales/en/<area>.ftl` and its translations in the
//! same file name under `nl`, `fr` and `de`, then write `t!(language, "my-message-id")` (or with
//! arguments, `t!(language, "cards-found", count = 3)`). The tests in `tests/catalogues.rs` fail
//! when a language lacks an id another has, when an id is used in the code but defined nowhere,
//! when an id is defined but used nowhere, and when a translation names an argument English does
//! not pass.

mod catalogue;
pub mod format;
mod language;
mod number;

pub use catalogue::{
    catalogue_files, error_text, field_label, has_message, selector, text, text_with, CatalogueFile,
};
pub use fluent_bundle::FluentValue;
pub use language::{Language, UnknownLanguage};
pub use number::{decimal, number};

/// The text of message `id` in `language`, with named arguments:
/// `t!(language, "cards-found", count = cards.len(), owner = name)`.
#[macro_export]
macro_rules! t {
    ($language:expr, $id:literal $(,)?) => {
        $crate::text($language, $id)
    };
    ($language:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::text_with(
            $language,
            $id,
            &[$((stringify!($name), $crate::FluentValue::from($value))),+],
        )
    };
}
