//! The Fluent catalogues, built once per language from the embedded `.ftl` files.
//!
//! A message missing from a language falls back to English, and one missing from English shows
//! its id: the catalogue tests keep both from reaching a person, but a missing word must never
//! stop Kring from saying the rest.

use crate::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

/// One embedded catalogue file: its language, its area (the file's name) and its Fluent source.
#[derive(Debug, Clone, Copy)]
pub struct CatalogueFile {
    pub language: Language,
    pub area: &'static str,
    pub source: &'static str,
}

const EMBEDDED: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// Every embedded catalogue file, for the tests that keep the languages complete.
pub fn catalogue_files() -> impl Iterator<Item = CatalogueFile> {
    EMBEDDED.iter().map(|(code, area, source)| CatalogueFile {
        language: Language::from_locale(code).expect("build.rs embeds only known languages"),
        area,
        source,
    })
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 4]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Language::ALL.map(build_bundle));
    &bundles[Language::ALL
        .iter()
        .position(|known| *known == language)
        .expect("ALL holds every language")]
}

fn build_bundle(language: Language) -> Bundle {
    let tag: LanguageIdentifier = language
        .locale_tag()
        .parse()
        .expect("the four locale tags are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Unicode isolation marks around arguments help bidirectional text but show as stray
    // characters in terminals, CSV and iCalendar files; Kring's four languages are all
    // left-to-right.
    bundle.set_use_isolating(false);
    // Numbers read as the app shows them ("192.044 records", not "192044"); a message that needs
    // the digits alone asks for `NUMBER($n, useGrouping: "false")`.
    bundle
        .add_builtins()
        .expect("NUMBER and DATETIME are added once, to a new bundle");
    bundle.set_formatter(Some(match language {
        Language::English => numbers_in::<0, _>,
        Language::Dutch => numbers_in::<1, _>,
        Language::French => numbers_in::<2, _>,
        Language::German => numbers_in::<3, _>,
    }));
    for file in catalogue_files().filter(|file| file.language == language) {
        // A syntax error drops only the broken entry (the tests fail on it): the rest of the
        // file still serves.
        let resource = FluentResource::try_new(file.source.to_owned())
            .unwrap_or_else(|(partial, _errors)| partial);
        // An id defined twice keeps its first definition (the tests fail on it too).
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// How `Language::ALL[LANGUAGE]` writes a number argument: whole numbers with its thousands
/// separators, fractions with its decimal comma or point as well (`format`). Fluent formats
/// everything else, and still selects plural forms on the number itself.
fn numbers_in<const LANGUAGE: usize, M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let language = Language::ALL[LANGUAGE];
    let options = &number.options;
    if !options.use_grouping
        || options.minimum_integer_digits.is_some()
        || options.minimum_fraction_digits.is_some()
    {
        return None;
    }
    let value = number.value;
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        return Some(crate::format::integer(language, value as i64));
    }
    let decimals = options.maximum_fraction_digits.unwrap_or(3);
    Some(crate::format::decimal(language, value, decimals))
}

/// The text of message `id` in `language`, without arguments.
pub fn text(language: Language, id: &str) -> String {
    text_with(language, id, &[])
}

/// The text of message `id` in `language` with named arguments; English when `language` lacks
/// the message, and the id itself when English lacks it too.
pub fn text_with(language: Language, id: &str, arguments: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_arguments = FluentArgs::new();
    for (name, value) in arguments {
        fluent_arguments.set(*name, value.clone());
    }
    [language, Language::English]
        .into_iter()
        .find_map(|language| format(bundle(language), id, &fluent_arguments))
        .unwrap_or_else(|| id.to_owned())
}

/// Whether `language`'s own catalogue holds message `id` (no fallback): for the tests that keep
/// every error code worded in every language.
pub fn has_message(language: Language, id: &str) -> bool {
    bundle(language)
        .get_message(id)
        .is_some_and(|message| message.value().is_some())
}

/// A record's field as `language` names it ("Functietitel" for a person's `job_title`), from
/// `field-<kind>-<field>`; its code for a field the catalogue does not name (a newer Kring's),
/// and in English, whose refusals keep the codes they were written with.
pub fn field_label(language: Language, kind: &str, field: &str) -> String {
    let id = format!("field-{kind}-{field}");
    if has_message(language, &id) {
        text(language, &id)
    } else {
        field.to_owned()
    }
}

/// The words of the error with stable code `code` (message `error-<code>`) in `language`, with
/// the error's fields as arguments.
pub fn error_text(language: Language, code: &str, arguments: &[(&str, FluentValue<'_>)]) -> String {
    text_with(language, &format!("error-{code}"), arguments)
}

/// A phrase as a Fluent variant key ("approve a colleague's store" →
/// "approve-a-colleague-s-store"), for a message that selects its words by a phrase the code
/// passes (`{ $kind -> [a-backup] … *[other] { $what } }`).
pub fn selector(phrase: &str) -> String {
    phrase
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn format(bundle: &Bundle, id: &str, arguments: &FluentArgs<'_>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(arguments), &mut errors);
    Some(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::t;

    #[test]
    fn a_message_is_given_in_the_chosen_language_with_its_plural() {
        assert_eq!(
            t!(Language::English, "due-overdue", days = 1),
            "1 day overdue"
        );
        assert_eq!(
            t!(Language::English, "due-overdue", days = 3),
            "3 days overdue"
        );
        assert_eq!(
            t!(Language::Dutch, "due-overdue", days = 1),
            "1 dag te laat"
        );
        assert_eq!(
            t!(Language::Dutch, "due-overdue", days = 3),
            "3 dagen te laat"
        );
        // French counts 0 and 1 as singular.
        assert_eq!(t!(Language::French, "due-in-days", days = 0), "dans 0 jour");
        assert_eq!(t!(Language::German, "due-in-days", days = 2), "in 2 Tagen");
    }

    #[test]
    fn arguments_reach_the_text_without_isolation_marks() {
        let text = t!(Language::Dutch, "due-overdue", days = 12);
        assert_eq!(text, "12 dagen te laat", "no isolation marks: {text:?}");
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them_and_still_choose_the_plural() {
        assert_eq!(
            t!(Language::English, "due-overdue", days = 1500),
            "1,500 days overdue"
        );
        assert_eq!(
            t!(Language::Dutch, "due-overdue", days = 1500),
            "1.500 dagen te laat"
        );
        assert_eq!(
            t!(Language::German, "due-in-days", days = 192_044),
            "in 192.044 Tagen"
        );
        assert_eq!(
            t!(Language::French, "due-in-days", days = 192_044),
            "dans 192\u{202f}044 jours"
        );
        assert_eq!(
            t!(Language::Dutch, "due-overdue", days = 1),
            "1 dag te laat"
        );
        let fraction = text_with(Language::Dutch, "due-overdue", &[("days", 1234.5.into())]);
        assert_eq!(fraction, "1.234,5 dagen te laat");
    }

    #[test]
    fn a_field_is_named_per_kind_in_the_readers_language_and_by_its_code_in_english() {
        assert_eq!(
            field_label(Language::Dutch, "person", "job_title"),
            "Functietitel"
        );
        assert_eq!(
            field_label(Language::French, "link", "kind"),
            "Type de lien"
        );
        assert_ne!(
            field_label(Language::German, "event", "kind"),
            field_label(Language::German, "link", "kind"),
            "the same code names different fields in different kinds"
        );
        assert_eq!(
            field_label(Language::English, "person", "job_title"),
            "job_title"
        );
        assert_eq!(
            field_label(Language::Dutch, "person", "a_newer_field"),
            "a_newer_field"
        );
    }

    #[test]
    fn an_id_nobody_defined_shows_itself_rather_than_nothing() {
        assert_eq!(text(Language::German, "no-such-message"), "no-such-message");
    }
}
