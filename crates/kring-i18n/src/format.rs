//! Dates and numbers written the way each language's readers expect them in a document: "5
//! december 2026", "5 décembre 2026", "5. Dezember 2026", "5 December 2026"; "1.234,5" in Dutch
//! and German, "1 234,5" in French, "1,234.5" in English (the conventions of `nl-BE`, `fr-BE`,
//! `de-BE` and `en-GB` in the Unicode CLDR, which the app's `Intl` follows too).
//!
//! Month names are Kring's own data: 48 words do not justify a locale database in every build.
//! Machine formats (bundles, CSV for re-import, iCalendar values, JSON) keep ISO dates and plain
//! numbers; only text for people goes through here.

use crate::Language;
use chrono::{Datelike, NaiveDate};

const MONTHS: [[&str; 12]; 4] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
];

fn index(language: Language) -> usize {
    match language {
        Language::English => 0,
        Language::Dutch => 1,
        Language::French => 2,
        Language::German => 3,
    }
}

/// The name of month `month` (1 to 12) in `language`, as written inside a date: lower case in
/// Dutch and French, capitalised in English and German.
pub fn month_name(language: Language, month: u32) -> &'static str {
    let month = month.clamp(1, 12) as usize - 1;
    MONTHS[index(language)][month]
}

/// A date in words: "5 December 2026", "5 december 2026", "5 décembre 2026" ("1er décembre" on
/// the first), "5. Dezember 2026".
pub fn date(language: Language, date: NaiveDate) -> String {
    let (day, month, year) = (date.day(), month_name(language, date.month()), date.year());
    match language {
        Language::German => format!("{day}. {month} {year}"),
        Language::French if day == 1 => format!("1er {month} {year}"),
        _ => format!("{day} {month} {year}"),
    }
}

/// A month and its year: "December 2026", "december 2026", "décembre 2026", "Dezember 2026".
pub fn month_and_year(language: Language, year: i32, month: u32) -> String {
    format!("{} {year}", month_name(language, month))
}

/// The separator between groups of three digits, and the decimal separator.
fn separators(language: Language) -> (&'static str, char) {
    match language {
        Language::English => (",", '.'),
        Language::Dutch | Language::German => (".", ','),
        // CLDR's French grouping separator: a narrow no-break space, so that a number never
        // breaks across lines.
        Language::French => ("\u{202f}", ','),
    }
}

fn grouped(language: Language, digits: &str) -> String {
    let (group, _) = separators(language);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * group.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(digit);
    }
    out
}

/// A whole number with the language's thousands separators: "12,345", "12.345", "12 345".
pub fn integer(language: Language, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let sign = if value < 0 { "-" } else { "" };
    format!("{sign}{}", grouped(language, &digits))
}

/// A number with at most `decimals` decimals (trailing zeros dropped) and the language's
/// separators: 1234.5 → "1,234.5", "1.234,5", "1 234,5". Not a number shows as "–".
pub fn decimal(language: Language, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    // "-0" is not a number anyone writes.
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let (_, decimal_separator) = separators(language);
    let mut out = format!("{sign}{}", grouped(language, whole));
    if !fraction.is_empty() {
        out.push(decimal_separator);
        out.push_str(fraction);
    }
    out
}

/// A percentage of 0 to 100 with at most one decimal: "12.5%", "12,5%", "12,5 %", "12,5 %"
/// (CLDR: no space in English and Dutch, a no-break space in French and German).
pub fn percent(language: Language, value: f64) -> String {
    let number = decimal(language, value, 1);
    match language {
        Language::English | Language::Dutch => format!("{number}%"),
        Language::French => format!("{number}\u{202f}%"),
        Language::German => format!("{number}\u{a0}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_date_is_written_as_each_language_writes_it() {
        let fifth = day(2026, 12, 5);
        assert_eq!(date(Language::English, fifth), "5 December 2026");
        assert_eq!(date(Language::Dutch, fifth), "5 december 2026");
        assert_eq!(date(Language::French, fifth), "5 décembre 2026");
        assert_eq!(date(Language::German, fifth), "5. Dezember 2026");
        assert_eq!(date(Language::French, day(2027, 3, 1)), "1er mars 2027");
        assert_eq!(date(Language::German, day(2027, 3, 1)), "1. März 2027");
        assert_eq!(month_and_year(Language::Dutch, 2026, 8), "augustus 2026");
    }

    #[test]
    fn every_month_has_a_name_in_every_language() {
        for language in Language::ALL {
            let names: std::collections::HashSet<_> =
                (1..=12).map(|m| month_name(language, m)).collect();
            assert_eq!(names.len(), 12, "{language}");
        }
    }

    #[test]
    fn thousands_are_grouped_with_the_languages_separator() {
        assert_eq!(integer(Language::English, 1_234_567), "1,234,567");
        assert_eq!(integer(Language::Dutch, 1_234_567), "1.234.567");
        assert_eq!(integer(Language::German, 12_345), "12.345");
        assert_eq!(integer(Language::French, 12_345), "12\u{202f}345");
        assert_eq!(integer(Language::Dutch, 999), "999");
        assert_eq!(integer(Language::Dutch, -4_000), "-4.000");
        assert_eq!(integer(Language::English, 0), "0");
    }

    #[test]
    fn decimals_use_a_comma_except_in_english() {
        assert_eq!(decimal(Language::English, 1234.5, 1), "1,234.5");
        assert_eq!(decimal(Language::Dutch, 1234.5, 1), "1.234,5");
        assert_eq!(decimal(Language::French, 1234.5, 1), "1\u{202f}234,5");
        assert_eq!(decimal(Language::German, 3.0, 1), "3");
        assert_eq!(decimal(Language::Dutch, 2.456, 2), "2,46");
        assert_eq!(decimal(Language::Dutch, -0.01, 1), "0");
        assert_eq!(decimal(Language::Dutch, f64::NAN, 1), "–");
    }

    #[test]
    fn percentages_follow_the_languages_spacing() {
        assert_eq!(percent(Language::English, 62.5), "62.5%");
        assert_eq!(percent(Language::Dutch, 62.5), "62,5%");
        assert_eq!(percent(Language::French, 62.5), "62,5\u{202f}%");
        assert_eq!(percent(Language::German, 100.0), "100\u{a0}%");
    }
}
