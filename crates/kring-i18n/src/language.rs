//! The four languages Kring speaks, and how the one to speak is chosen.
//!
//! Belgian language law makes an authority work in the language of its area (Dutch in Flanders,
//! French or German in Wallonia, both in Brussels), so Kring speaks Belgian Dutch, French and
//! German; English (British) is for everyone else and the fallback.

use std::fmt;
use std::str::FromStr;

/// A language Kring speaks. It travels (settings, IPC) as its two-letter code.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Language {
    /// British English: the base catalogue and the fallback.
    #[default]
    #[serde(rename = "en")]
    English,
    /// Flemish standard Dutch, addressing the reader with the formal "u".
    #[serde(rename = "nl")]
    Dutch,
    /// Belgian French.
    #[serde(rename = "fr")]
    French,
    /// Belgian German.
    #[serde(rename = "de")]
    German,
}

impl Language {
    /// Every language, English (the base) first.
    pub const ALL: [Language; 4] = [
        Language::English,
        Language::Dutch,
        Language::French,
        Language::German,
    ];

    /// The two-letter code used in settings, `--lang` and the catalogue folders.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Dutch => "nl",
            Language::French => "fr",
            Language::German => "de",
        }
    }

    /// The BCP 47 tag whose conventions (dates, numbers, collation) Kring follows.
    pub fn locale_tag(self) -> &'static str {
        match self {
            Language::English => "en-GB",
            Language::Dutch => "nl-BE",
            Language::French => "fr-BE",
            Language::German => "de-BE",
        }
    }

    /// The language's name in itself, for a language picker.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Dutch => "Nederlands",
            Language::French => "Français",
            Language::German => "Deutsch",
        }
    }

    /// The language a locale names (`nl`, `nl-BE`, `fr_BE.UTF-8`, `de_DE@euro`, `en-US`), or
    /// `None` for one Kring does not speak (and for `C` and `POSIX`, which name no language).
    pub fn from_locale(locale: &str) -> Option<Language> {
        let language = locale
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Language::English),
            "nl" => Some(Language::Dutch),
            "fr" => Some(Language::French),
            "de" => Some(Language::German),
            _ => None,
        }
    }

    /// The language a command line speaks: `--lang`, else `KRING_LANG`, else the POSIX locale
    /// (`LC_ALL`, which overrides `LC_MESSAGES`, which overrides `LANG`), else English.
    /// `environment` reads a variable; it is passed in so that the choice can be tested.
    ///
    /// The first of these that is set decides, even when it names a language Kring does not
    /// speak: a Spanish `LANG` means English, not the Dutch of a forgotten `LC_MESSAGES`.
    pub fn for_command_line(
        flag: Option<&str>,
        environment: impl Fn(&str) -> Option<String>,
    ) -> Language {
        if let Some(language) = flag.and_then(Language::from_locale) {
            return language;
        }
        if let Some(language) = environment("KRING_LANG")
            .as_deref()
            .and_then(Language::from_locale)
        {
            return language;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| environment(name).filter(|value| !value.trim().is_empty()))
            .map(|value| Language::from_locale(&value))
            .next()
            .flatten()
            .unwrap_or_default()
    }
}

impl fmt::Display for Language {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.code())
    }
}

/// A language Kring does not speak was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "Kring does not speak {:?}: choose nl, fr, de or en",
            self.0
        )
    }
}

impl std::error::Error for UnknownLanguage {}

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Language::from_locale(text).ok_or_else(|| UnknownLanguage(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn environment(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn locales_as_systems_write_them_name_their_language() {
        for (locale, language) in [
            ("nl", Some(Language::Dutch)),
            ("nl-BE", Some(Language::Dutch)),
            ("nl_BE.UTF-8", Some(Language::Dutch)),
            ("fr_BE.utf8", Some(Language::French)),
            ("de_DE@euro", Some(Language::German)),
            ("EN-us", Some(Language::English)),
            ("C", None),
            ("POSIX", None),
            ("es_ES.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Language::from_locale(locale), language, "{locale:?}");
        }
    }

    #[test]
    fn the_flag_beats_kring_lang_which_beats_the_posix_locale() {
        let everything = environment(&[
            ("KRING_LANG", "fr"),
            ("LC_ALL", "de_BE.UTF-8"),
            ("LANG", "en_GB.UTF-8"),
        ]);
        assert_eq!(
            Language::for_command_line(Some("nl"), &everything),
            Language::Dutch
        );
        assert_eq!(
            Language::for_command_line(None, &everything),
            Language::French
        );
        let posix_only = environment(&[("LC_MESSAGES", "nl_BE.UTF-8"), ("LANG", "de_BE.UTF-8")]);
        assert_eq!(
            Language::for_command_line(None, &posix_only),
            Language::Dutch,
            "LC_MESSAGES overrides LANG"
        );
        let all_overrides = environment(&[("LC_ALL", "fr_BE"), ("LC_MESSAGES", "nl_BE")]);
        assert_eq!(
            Language::for_command_line(None, &all_overrides),
            Language::French
        );
    }

    #[test]
    fn an_unspoken_or_missing_locale_means_english() {
        assert_eq!(
            Language::for_command_line(None, environment(&[])),
            Language::English
        );
        let spanish = environment(&[("LANG", "es_ES.UTF-8"), ("LC_MESSAGES", "")]);
        assert_eq!(Language::for_command_line(None, spanish), Language::English);
        let spanish_over_dutch = environment(&[("LC_ALL", "es_ES"), ("LANG", "nl_BE")]);
        assert_eq!(
            Language::for_command_line(None, spanish_over_dutch),
            Language::English,
            "the first locale set decides, as in POSIX"
        );
    }

    #[test]
    fn a_language_travels_as_its_two_letter_code() {
        for language in Language::ALL {
            let json = serde_json::to_string(&language).unwrap();
            assert_eq!(json, format!("\"{}\"", language.code()));
            assert_eq!(serde_json::from_str::<Language>(&json).unwrap(), language);
        }
    }

    #[test]
    fn a_language_kring_does_not_speak_is_refused_by_name() {
        let error = "es".parse::<Language>().unwrap_err();
        assert!(error.to_string().contains("\"es\""), "{error}");
        assert!(error.to_string().contains("nl, fr, de or en"), "{error}");
        assert_eq!("fr-BE".parse::<Language>(), Ok(Language::French));
    }
}
