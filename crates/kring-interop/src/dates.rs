//! Lenient date parsing for birthdays.
//!
//! Why lenient and why here: birthdays arrive as `1980-03-22` and `19800322` (vCard 3.0/4.0),
//! `--0415` (vCard 4.0 without a year), `1980-03-22T00:00:00Z` (some phones), `3/22/1980` (Outlook
//! in the United States), `22/03/1980` and `22.03.1980` (Outlook and Excel in Belgium), `0/0/00`
//! (Outlook's "no birthday"), `22 maart 1980`. A date without a year is not a birthday we can
//! store, so it is reported as such and the caller keeps the raw text in `extra` instead of
//! inventing a year.

use chrono::{Datelike, NaiveDate, Utc};

/// Which comes first in an all-numeric date such as `03/04/1980` when neither part is above 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrder {
    /// `22/03/1980`: most of Europe.
    DayFirst,
    /// `03/22/1980`: the United States (and Outlook's English export there).
    MonthFirst,
}

/// The outcome of reading a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParsedDate {
    /// A full calendar date.
    Full(NaiveDate),
    /// A placeholder for "no date" such as Outlook's `0/0/00`.
    Empty,
    /// A date that lacks its year (`--0415`) or its day (`1980-03`), or is not a date at all.
    Incomplete,
}

/// Reads a date in any of the forms listed in the module documentation.
pub(crate) fn parse_date(text: &str, order: DateOrder) -> ParsedDate {
    let text = text.trim();
    if text.is_empty()
        || text
            .chars()
            .all(|character| character == '0' || !character.is_ascii_alphanumeric())
    {
        return ParsedDate::Empty;
    }
    if text.starts_with("--") {
        return ParsedDate::Incomplete;
    }
    let date_part = strip_time(text);
    if let Some(date) = parse_iso(date_part) {
        return ParsedDate::Full(date);
    }
    if let Some(date) = parse_numeric(date_part, order) {
        return ParsedDate::Full(date);
    }
    match parse_with_month_name(date_part) {
        Some(date) => ParsedDate::Full(date),
        None => ParsedDate::Incomplete,
    }
}

/// Looks at many numeric dates of one column and decides whether the day or the month comes
/// first: a first part above 12 proves day-first, a second part above 12 proves month-first.
pub(crate) fn infer_order<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<DateOrder> {
    for value in values {
        let parts = numeric_parts(strip_time(value.trim()));
        if let Some([first, second, third]) = parts {
            if first.len() == 4 || third.len() != 4 && third.len() != 2 {
                continue;
            }
            let first: u32 = first.parse().unwrap_or(0);
            let second: u32 = second.parse().unwrap_or(0);
            if first > 12 && second <= 12 {
                return Some(DateOrder::DayFirst);
            }
            if second > 12 && first <= 12 {
                return Some(DateOrder::MonthFirst);
            }
        }
    }
    None
}

/// Drops a time of day: `1980-03-22T10:00:00Z` and `1980-03-22 10:00` give `1980-03-22`.
fn strip_time(text: &str) -> &str {
    if let Some(position) = text.find('T') {
        let (date, _) = text.split_at(position);
        if !date.is_empty()
            && date
                .chars()
                .all(|character| character.is_ascii_digit() || character == '-')
        {
            return date;
        }
    }
    if let Some((date, time)) = text.split_once(' ') {
        if time.contains(':') && date.chars().any(|character| character.is_ascii_digit()) {
            return date;
        }
    }
    text
}

fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit) {
        let year = text.get(0..4)?.parse().ok()?;
        let month = text.get(4..6)?.parse().ok()?;
        let day = text.get(6..8)?.parse().ok()?;
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let [year, month, day] = numeric_parts(text)?;
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

fn parse_numeric(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let [first, second, year] = numeric_parts(text)?;
    let first: u32 = first.parse().ok()?;
    let second: u32 = second.parse().ok()?;
    let year = expand_year(year)?;
    let (day, month) = if first > 12 {
        (first, second)
    } else if second > 12 {
        (second, first)
    } else {
        match order {
            DateOrder::DayFirst => (first, second),
            DateOrder::MonthFirst => (second, first),
        }
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `1980` stays 1980; `80` becomes 1980 and `05` becomes 2005 (a two-digit year not after this
/// year's is taken to be in this century).
fn expand_year(year: &str) -> Option<i32> {
    let value: i32 = year.parse().ok()?;
    match year.len() {
        4 => Some(value),
        2 => {
            let this_year = Utc::now().year();
            let century = this_year - this_year % 100;
            Some(if value <= this_year % 100 {
                century + value
            } else {
                century - 100 + value
            })
        }
        _ => None,
    }
}

/// Splits `a/b/c`, `a-b-c` or `a.b.c` (one kind of separator) into three runs of 1 to 4 digits.
fn numeric_parts(text: &str) -> Option<[&str; 3]> {
    let separator = text
        .chars()
        .find(|character| matches!(character, '/' | '-' | '.'))?;
    let mut parts = text.split(separator);
    let first = parts.next()?;
    let second = parts.next()?;
    let third = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let valid = |part: &str| {
        (1..=4).contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())
    };
    (valid(first) && valid(second) && valid(third)).then_some([first, second, third])
}

/// `22 March 1980`, `Mar 22, 1980`, `22 maart 1980`, `22 mars 1980`, `22-Mar-1980`.
fn parse_with_month_name(text: &str) -> Option<NaiveDate> {
    let mut month = None;
    let mut numbers = Vec::new();
    for token in text.split(|character: char| {
        character.is_whitespace() || matches!(character, ',' | '-' | '.' | '/')
    }) {
        if token.is_empty() {
            continue;
        }
        if token.bytes().all(|byte| byte.is_ascii_digit()) {
            numbers.push(token);
        } else if month.is_none() {
            month = Some(month_number(token)?);
        } else {
            return None;
        }
    }
    let month = month?;
    let [first, second] = numbers.as_slice() else {
        return None;
    };
    let (day, year) = if first.len() == 4 {
        (second, first)
    } else {
        (first, second)
    };
    NaiveDate::from_ymd_opt(expand_year(year)?, month, day.parse().ok()?)
}

/// English, Dutch and French month names and their usual abbreviations.
fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["jan", "january", "januari", "janv", "janvier"],
        &[
            "feb", "february", "februari", "fév", "fev", "févr", "fevr", "février", "fevrier",
        ],
        &["mar", "march", "maart", "mrt", "mars"],
        &["apr", "april", "avr", "avril"],
        &["may", "mei", "mai"],
        &["jun", "june", "juni", "juin"],
        &["jul", "july", "juli", "juil", "juillet"],
        &["aug", "august", "augustus", "aoû", "aou", "août", "aout"],
        &["sep", "sept", "september", "septembre"],
        &["oct", "october", "okt", "oktober", "octobre"],
        &["nov", "november", "novembre"],
        &["dec", "december", "déc", "décembre", "decembre"],
    ];
    let lowered = token.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&lowered.as_str()))
        .and_then(|index| u32::try_from(index + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> ParsedDate {
        ParsedDate::Full(NaiveDate::from_ymd_opt(year, month, day).expect("valid test date"))
    }

    #[test]
    fn iso_and_basic_forms_are_read_as_full_dates() {
        assert_eq!(
            parse_date("1980-03-22", DateOrder::DayFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("19800322", DateOrder::DayFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("1980-03-22T00:00:00Z", DateOrder::DayFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("19800322T101500", DateOrder::DayFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("1980/03/22", DateOrder::MonthFirst),
            date(1980, 3, 22)
        );
    }

    #[test]
    fn dates_without_a_year_or_day_are_incomplete() {
        assert_eq!(
            parse_date("--0415", DateOrder::DayFirst),
            ParsedDate::Incomplete
        );
        assert_eq!(
            parse_date("--04-15", DateOrder::DayFirst),
            ParsedDate::Incomplete
        );
        assert_eq!(
            parse_date("1980-03", DateOrder::DayFirst),
            ParsedDate::Incomplete
        );
        assert_eq!(
            parse_date("circa 1800", DateOrder::DayFirst),
            ParsedDate::Incomplete
        );
    }

    #[test]
    fn outlook_placeholders_are_empty() {
        assert_eq!(
            parse_date("0/0/00", DateOrder::MonthFirst),
            ParsedDate::Empty
        );
        assert_eq!(parse_date("", DateOrder::MonthFirst), ParsedDate::Empty);
    }

    #[test]
    fn numeric_dates_follow_the_order_unless_a_part_above_twelve_decides() {
        assert_eq!(
            parse_date("03/04/1980", DateOrder::DayFirst),
            date(1980, 4, 3)
        );
        assert_eq!(
            parse_date("03/04/1980", DateOrder::MonthFirst),
            date(1980, 3, 4)
        );
        assert_eq!(
            parse_date("22/03/1980", DateOrder::MonthFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("3/22/1980", DateOrder::DayFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("22.03.1980", DateOrder::DayFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("31/02/1980", DateOrder::DayFirst),
            ParsedDate::Incomplete
        );
    }

    #[test]
    fn month_names_in_english_dutch_and_french_are_understood() {
        assert_eq!(
            parse_date("22 March 1980", DateOrder::MonthFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("Mar 22, 1980", DateOrder::MonthFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("22 maart 1980", DateOrder::MonthFirst),
            date(1980, 3, 22)
        );
        assert_eq!(
            parse_date("14 juillet 1789", DateOrder::MonthFirst),
            date(1789, 7, 14)
        );
        assert_eq!(
            parse_date("22-Mar-1980", DateOrder::MonthFirst),
            date(1980, 3, 22)
        );
    }

    #[test]
    fn a_column_of_dates_reveals_its_order() {
        assert_eq!(
            infer_order(["03/04/1980", "25/12/1975"]),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            infer_order(["03/04/1980", "12/25/1975"]),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(infer_order(["03/04/1980", "1980-12-25"]), None);
    }
}
