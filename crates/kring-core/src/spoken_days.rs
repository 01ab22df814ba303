//! Days as people type them in words: "tomorrow", "morgen", "après-demain", "nächste Woche",
//! "vrijdag". A due date typed in words is read in the language the person reads Kring in, and
//! English words always work too (they are what the help and older habits show).
//!
//! Today is passed in, never read from the clock. A weekday names the next such day after today
//! (on a Friday, "vrijdag" is a week ahead: a due date of today is "today"), and "next week" is
//! seven days ahead, as a person saying it in a meeting means.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use kring_i18n::Language;

/// What a word names, relative to today.
#[derive(Clone, Copy)]
enum Spoken {
    Days(i64),
    Next(Weekday),
}

/// The words of one language: each phrase (lower case, single spaces) and what it names.
fn words(language: Language) -> &'static [(&'static str, Spoken)] {
    use Spoken::{Days, Next};
    use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    match language {
        Language::English => &[
            ("today", Days(0)),
            ("tomorrow", Days(1)),
            ("yesterday", Days(-1)),
            ("day after tomorrow", Days(2)),
            ("the day after tomorrow", Days(2)),
            ("next week", Days(7)),
            ("in a week", Days(7)),
            ("monday", Next(Mon)),
            ("tuesday", Next(Tue)),
            ("wednesday", Next(Wed)),
            ("thursday", Next(Thu)),
            ("friday", Next(Fri)),
            ("saturday", Next(Sat)),
            ("sunday", Next(Sun)),
        ],
        Language::Dutch => &[
            ("vandaag", Days(0)),
            ("morgen", Days(1)),
            ("gisteren", Days(-1)),
            ("overmorgen", Days(2)),
            ("volgende week", Days(7)),
            ("over een week", Days(7)),
            ("maandag", Next(Mon)),
            ("dinsdag", Next(Tue)),
            ("woensdag", Next(Wed)),
            ("donderdag", Next(Thu)),
            ("vrijdag", Next(Fri)),
            ("zaterdag", Next(Sat)),
            ("zondag", Next(Sun)),
        ],
        Language::French => &[
            ("aujourd'hui", Days(0)),
            ("demain", Days(1)),
            ("hier", Days(-1)),
            ("après-demain", Days(2)),
            ("apres-demain", Days(2)),
            ("après demain", Days(2)),
            ("la semaine prochaine", Days(7)),
            ("semaine prochaine", Days(7)),
            ("dans une semaine", Days(7)),
            ("lundi", Next(Mon)),
            ("mardi", Next(Tue)),
            ("mercredi", Next(Wed)),
            ("jeudi", Next(Thu)),
            ("vendredi", Next(Fri)),
            ("samedi", Next(Sat)),
            ("dimanche", Next(Sun)),
        ],
        Language::German => &[
            ("heute", Days(0)),
            ("morgen", Days(1)),
            ("gestern", Days(-1)),
            ("übermorgen", Days(2)),
            ("uebermorgen", Days(2)),
            ("nächste woche", Days(7)),
            ("naechste woche", Days(7)),
            ("in einer woche", Days(7)),
            ("montag", Next(Mon)),
            ("dienstag", Next(Tue)),
            ("mittwoch", Next(Wed)),
            ("donnerstag", Next(Thu)),
            ("freitag", Next(Fri)),
            ("samstag", Next(Sat)),
            ("sonnabend", Next(Sat)),
            ("sonntag", Next(Sun)),
        ],
    }
}

/// The prefixes a weekday may carry ("next friday", "volgende vrijdag", "nächsten Freitag");
/// French puts it after ("vendredi prochain").
const NEXT_BEFORE: &[&str] = &[
    "next ",
    "volgende ",
    "komende ",
    "nächsten ",
    "nächster ",
    "naechsten ",
    "kommenden ",
];
const NEXT_AFTER: &[&str] = &[" prochain"];

/// The day `text` names in words in `language` (or in English), counted from `today`; `None`
/// when it is not a day in words (a date in figures, say, which the caller reads itself).
pub fn day_in_words(text: &str, today: NaiveDate, language: Language) -> Option<NaiveDate> {
    let phrase = normalised(text);
    let languages = [language, Language::English];
    let lookup = |phrase: &str| {
        languages
            .iter()
            .flat_map(|language| words(*language))
            .find(|(words, _)| *words == phrase)
            .map(|(_, spoken)| *spoken)
    };
    let spoken = lookup(&phrase).or_else(|| {
        // "next friday" is "friday": the next one after today.
        let bare = NEXT_BEFORE
            .iter()
            .find_map(|prefix| phrase.strip_prefix(prefix))
            .or_else(|| {
                NEXT_AFTER
                    .iter()
                    .find_map(|suffix| phrase.strip_suffix(suffix))
            })?;
        lookup(bare).filter(|spoken| matches!(spoken, Spoken::Next(_)))
    })?;
    match spoken {
        Spoken::Days(days) => today.checked_add_signed(Duration::days(days)),
        Spoken::Next(weekday) => {
            let ahead = (i64::from(weekday.num_days_from_monday())
                - i64::from(today.weekday().num_days_from_monday()))
            .rem_euclid(7);
            let ahead = if ahead == 0 { 7 } else { ahead };
            today.checked_add_signed(Duration::days(ahead))
        }
    }
}

/// Lower case, single spaces, and the typographic apostrophe as the plain one ("aujourd’hui").
fn normalised(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .replace('\u{2019}', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Friday.
    fn friday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn today_tomorrow_and_the_day_after_are_read_in_each_language() {
        let cases = [
            (Language::Dutch, ["vandaag", "morgen", "overmorgen"]),
            (Language::French, ["aujourd'hui", "demain", "après-demain"]),
            (Language::German, ["heute", "morgen", "übermorgen"]),
            (
                Language::English,
                ["today", "tomorrow", "day after tomorrow"],
            ),
        ];
        for (language, [today, tomorrow, after]) in cases {
            assert_eq!(day_in_words(today, friday(), language), Some(day(4)));
            assert_eq!(day_in_words(tomorrow, friday(), language), Some(day(5)));
            assert_eq!(day_in_words(after, friday(), language), Some(day(6)));
        }
    }

    #[test]
    fn case_spaces_and_the_typographic_apostrophe_do_not_matter() {
        for typed in ["  Aujourd’hui ", "AUJOURD'HUI", "la  semaine   prochaine"] {
            assert!(
                day_in_words(typed, friday(), Language::French).is_some(),
                "{typed:?}"
            );
        }
        assert_eq!(
            day_in_words("Nächste Woche", friday(), Language::German),
            Some(day(11))
        );
    }

    #[test]
    fn a_weekday_is_the_next_one_after_today_and_the_same_weekday_is_a_week_ahead() {
        assert_eq!(
            day_in_words("maandag", friday(), Language::Dutch),
            Some(day(7))
        );
        assert_eq!(
            day_in_words("vrijdag", friday(), Language::Dutch),
            Some(day(11))
        );
        assert_eq!(
            day_in_words("jeudi prochain", friday(), Language::French),
            Some(day(10))
        );
        assert_eq!(
            day_in_words("nächsten Samstag", friday(), Language::German),
            Some(day(5))
        );
        assert_eq!(
            day_in_words("next sunday", friday(), Language::English),
            Some(day(6))
        );
    }

    #[test]
    fn english_words_work_in_every_language_but_another_languages_words_do_not() {
        assert_eq!(
            day_in_words("tomorrow", friday(), Language::German),
            Some(day(5))
        );
        // "demain" is French: a Dutch reader typing it is told the date cannot be read.
        assert_eq!(day_in_words("demain", friday(), Language::Dutch), None);
        assert_eq!(day_in_words("vandaag", friday(), Language::German), None);
        // "morgen" is tomorrow in both Dutch and German.
        assert_eq!(
            day_in_words("morgen", friday(), Language::Dutch),
            day_in_words("morgen", friday(), Language::German)
        );
    }

    #[test]
    fn what_is_not_a_day_in_words_is_left_to_the_caller() {
        for typed in [
            "2026-12-24",
            "+3",
            "",
            "next",
            "volgende",
            "prochain",
            "morgenrood",
        ] {
            assert_eq!(
                day_in_words(typed, friday(), Language::Dutch),
                None,
                "{typed}"
            );
        }
        // The last day chrono knows has no tomorrow: no panic.
        assert_eq!(
            day_in_words("tomorrow", NaiveDate::MAX, Language::English),
            None
        );
    }
}
