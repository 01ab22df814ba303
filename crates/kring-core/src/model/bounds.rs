//! The bounds every value Kring writes stays within, so that what a card shows can be trusted and
//! no hostile or mistyped value can make a view, an export or a sync misbehave.
//!
//! **Dates.** Every date and time written to a record (an interaction, a follow-up, an event, an
//! affiliation, a relationship, a goal, a partnership and its reviews, a rating) lies between
//! 1 January 1900 and 31 December 2100: a year typed as 20266 or 0026 is refused with the field
//! and the range, not kept to make a relationship "last contacted in 73 years". An interaction
//! is something that happened: it may be dated at most a day after now (a day covers time zones
//! and a clock a little ahead); a contact still to come is a follow-up or an event. A follow-up
//! logged with an interaction is due on or after the interaction's day (see
//! [`check_follow_up_due`]). [`is_far_from_today`] is what the app asks confirmation for.
//! Capture (`crate::capture`) skips a meeting or e-mail outside these years, and an e-mail dated
//! more than a day ahead, with the reason, rather than failing the whole file.
//!
//! **Text.** Each text field has a limit, in characters, in the field table (`crate::model::schema`: a
//! line — a name, a title, a tag, an email — 1,000, a web address 2,000, free text such as a note
//! 100,000), checked on every write and every import; a list holds at most 1,000 items
//! ([`check_list`], in each kind's validation). What is over is refused with the field and the
//! limit. A 50 MB name was accepted before, and slowed every list and search that showed it.
//!
//! **Files.** Files read whole into memory — an address book to import, a backup to restore —
//! are refused above a size ([`MAX_CONTACTS_FILE_BYTES`], [`MAX_BACKUP_FILE_BYTES`]) with a
//! message that says so before anything is read.

use crate::model::ValidationError;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Utc};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The first year a date may be in.
pub const EARLIEST_YEAR: i32 = 1900;
/// The last year a date may be in.
pub const LATEST_YEAR: i32 = 2100;
/// How far ahead of now an interaction may be dated.
pub const INTERACTION_GRACE: Duration = Duration::days(1);
/// Dates further from today than this are worth a second look before they are saved.
pub const FAR_FROM_TODAY_DAYS: i64 = 365;

/// Refuses a day outside 1900–2100.
pub fn check_day(field: &str, day: NaiveDate) -> Result<(), ValidationError> {
    let year = day.year();
    if (EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
        return Ok(());
    }
    let side = if year < EARLIEST_YEAR {
        "before"
    } else {
        "after"
    };
    Err(ValidationError::worded(
        field,
        "year_out_of_bounds",
        &[
            ("day", show_day(day).into()),
            ("side", side.into()),
            // Years as written, never grouped ("1,900").
            ("earliest", EARLIEST_YEAR.to_string().into()),
            ("latest", LATEST_YEAR.to_string().into()),
        ],
    ))
}

/// Refuses a moment outside 1900–2100 (its local day, as people typed it).
pub fn check_moment(field: &str, at: DateTime<FixedOffset>) -> Result<(), ValidationError> {
    check_day(field, at.date_naive())
}

/// Refuses an optional day outside 1900–2100.
pub fn check_optional_day(field: &str, day: Option<NaiveDate>) -> Result<(), ValidationError> {
    day.map_or(Ok(()), |day| check_day(field, day))
}

/// Refuses an interaction dated more than a day after `now`: it has not happened yet.
pub fn check_interaction_time(
    at: DateTime<FixedOffset>,
    now: DateTime<Utc>,
) -> Result<(), ValidationError> {
    check_moment("at", at)?;
    if at.with_timezone(&Utc) > now + INTERACTION_GRACE {
        return Err(ValidationError::worded(
            "at",
            "interaction_in_future",
            &[("at", at.format("%Y-%m-%d %H:%M").to_string().into())],
        ));
    }
    Ok(())
}

/// A follow-up logged with an interaction is due on or after the interaction's day: it follows
/// it. One due earlier is refused; one due after the interaction but already past (logging last
/// week's meeting with what was due on Monday) is kept, and shows as overdue.
pub fn check_follow_up_due(
    due: NaiveDate,
    interaction_at: DateTime<FixedOffset>,
) -> Result<(), ValidationError> {
    check_day("due", due)?;
    let day = interaction_at.date_naive();
    if due < day {
        return Err(ValidationError::worded(
            "due",
            "follow_up_before_interaction",
            &[("due", show_day(due).into()), ("day", show_day(day).into())],
        ));
    }
    Ok(())
}

/// Whether a day is more than a year from today: the app asks before saving such an event or
/// follow-up.
pub fn is_far_from_today(day: NaiveDate, today: NaiveDate) -> bool {
    (day - today).num_days().abs() > FAR_FROM_TODAY_DAYS
}

// ----- lists -----------------------------------------------------------------------------------

/// A list of texts (tags, emails, outcomes, objectives …) holds at most this many. The size of
/// each text is the field table's (`crate::model::schema`: a line 1,000 characters, a web address 2,000,
/// free text 100,000), checked on every write and every import.
pub const MAX_LIST_ITEMS: usize = 1_000;

/// Refuses a list of more than [`MAX_LIST_ITEMS`] items, naming the field.
pub fn check_list<T>(field: &str, values: &[T]) -> Result<(), ValidationError> {
    if values.len() > MAX_LIST_ITEMS {
        return Err(ValidationError::worded(
            field,
            "too_many_items",
            &[
                ("count", (values.len() as i64).into()),
                ("limit", (MAX_LIST_ITEMS as i64).into()),
            ],
        ));
    }
    Ok(())
}

// ----- files ---------------------------------------------------------------------------------

/// An address book (`import-contacts`) is read whole: 64 MiB is some 200,000 contacts.
pub const MAX_CONTACTS_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// A backup (`restore`) is read whole into memory: 4 GiB holds a store of a million cards.
pub const MAX_BACKUP_FILE_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// A bundle (`import`) is streamed, but copied into the store's inbox first: 16 GiB is an
/// organisation of millions of records.
pub const MAX_BUNDLE_FILE_BYTES: u64 = 16 * 1024 * 1024 * 1024;

/// A file Kring will not read, and why.
#[derive(Debug, thiserror::Error)]
pub enum FileBoundError {
    #[error(
        "{}: {} is larger than the {} Kring reads as {what} (nothing was read): check it is the right file",
        .path.display(), size(*.bytes), size(*.limit)
    )]
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
        what: &'static str,
    },
    #[error("{}: not a file (a folder, a device or a pipe): name the file itself", .path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: cannot be read: {reason}", .path.display())]
    Unreadable { path: PathBuf, reason: String },
}

impl FileBoundError {
    /// A stable code for the app and scripts to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            FileBoundError::TooLarge { .. } => "file_too_large",
            FileBoundError::NotAFile { .. } => "not_a_file",
            FileBoundError::Unreadable { .. } => "file_unreadable",
        }
    }

    /// The error in `language` (its English is the `Display` text). `what` ("a backup") stays
    /// as the caller wrote it: the catalogue chooses its words by it.
    pub fn message(&self, language: kring_i18n::Language) -> String {
        use kring_i18n::FluentValue;
        let say = |arguments: &[(&str, FluentValue<'_>)]| {
            kring_i18n::error_text(language, self.code(), arguments)
        };
        match self {
            FileBoundError::TooLarge {
                path,
                bytes,
                limit,
                what,
            } => say(&[
                ("path", shown(path)),
                ("size", size(*bytes).into()),
                ("limit", size(*limit).into()),
                ("what", (*what).into()),
                ("kind", kring_i18n::selector(what).into()),
            ]),
            FileBoundError::NotAFile { path } => say(&[("path", shown(path))]),
            FileBoundError::Unreadable { path, reason } => {
                say(&[("path", shown(path)), ("reason", reason.as_str().into())])
            }
        }
    }
}

/// A path as an argument of a message.
fn shown(path: &Path) -> kring_i18n::FluentValue<'static> {
    kring_i18n::FluentValue::from(path.display().to_string())
}

fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= 1024 * MIB {
        format!("{:.1} GiB", bytes as f64 / (1024 * MIB) as f64)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// Checks that `path` is a regular file of at most `limit` bytes (`what` names it in the
/// message: "an address book", "a backup"); returns its size.
pub fn check_file_size(path: &Path, limit: u64, what: &'static str) -> Result<u64, FileBoundError> {
    let metadata = std::fs::metadata(path).map_err(|e| FileBoundError::Unreadable {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    if !metadata.is_file() {
        return Err(FileBoundError::NotAFile {
            path: path.to_owned(),
        });
    }
    if metadata.len() > limit {
        return Err(FileBoundError::TooLarge {
            path: path.to_owned(),
            bytes: metadata.len(),
            limit,
            what,
        });
    }
    Ok(metadata.len())
}

/// Reads a whole file of at most `limit` bytes; a larger one (or one that grows while it is
/// read) is refused without reading more than the limit.
pub fn read_file(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>, FileBoundError> {
    let expected = check_file_size(path, limit, what)?;
    let unreadable = |e: std::io::Error| FileBoundError::Unreadable {
        path: path.to_owned(),
        reason: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(expected as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(FileBoundError::TooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            limit,
            what,
        });
    }
    Ok(bytes)
}

/// A day as ISO 8601, with the sign and width chrono uses for years beyond 9999.
fn show_day(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_from_1900_to_2100_pass_and_others_name_the_range() {
        assert!(check_day("due", day(1900, 1, 1)).is_ok());
        assert!(check_day("due", day(2100, 12, 31)).is_ok());
        let early = check_day("due", day(0, 1, 1)).unwrap_err();
        assert_eq!(early.field, "due");
        assert!(
            early
                .reason
                .contains("before the years Kring keeps (1900–2100)"),
            "{early}"
        );
        let late = check_day("at", day(9999, 12, 31)).unwrap_err();
        assert!(late.reason.starts_with("9999-12-31 is after"), "{late}");
    }

    #[test]
    fn an_interaction_may_be_a_day_ahead_but_not_more() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let ahead = |hours| (now + Duration::hours(hours)).fixed_offset();
        assert!(check_interaction_time(ahead(23), now).is_ok());
        let refused = check_interaction_time(ahead(25), now).unwrap_err();
        assert!(
            refused.reason.contains("follow-up or an event"),
            "{refused}"
        );
        assert!(check_interaction_time(ahead(-24 * 400), now).is_ok());
    }

    #[test]
    fn a_follow_up_is_due_on_or_after_what_it_follows() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 3, 10, 0, 0)
            .unwrap()
            .fixed_offset();
        assert!(check_follow_up_due(day(2026, 11, 3), at).is_ok());
        assert!(check_follow_up_due(day(2026, 11, 10), at).is_ok());
        let early = check_follow_up_due(day(2020, 1, 1), at).unwrap_err();
        assert!(early.reason.contains("before the interaction"), "{early}");
    }

    #[test]
    fn a_list_over_its_limit_is_refused_with_the_field() {
        assert!(check_list("tags", &vec!["haven"; MAX_LIST_ITEMS]).is_ok());
        let error = check_list("tags", &vec!["haven"; MAX_LIST_ITEMS + 1]).unwrap_err();
        assert_eq!(error.field, "tags");
        assert_eq!(
            error.reason,
            "1,001 items is more than the 1,000 a list may hold"
        );
    }

    #[test]
    fn a_file_over_its_limit_or_not_a_file_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("contacts.vcf");
        std::fs::write(&path, vec![b'x'; 2048]).unwrap();
        assert_eq!(
            read_file(&path, 4096, "an address book").unwrap().len(),
            2048
        );
        let refused = read_file(&path, 1024, "an address book").unwrap_err();
        assert!(
            refused.to_string().ends_with(
                "2048 bytes is larger than the 1024 bytes Kring reads as an address book (nothing was read): check it is the right file"
            ),
            "{refused}"
        );
        assert!(matches!(
            read_file(dir.path(), 1024, "an address book"),
            Err(FileBoundError::NotAFile { .. })
        ));
    }

    #[test]
    fn far_from_today_is_more_than_a_year_either_way() {
        let today = day(2026, 11, 23);
        assert!(!is_far_from_today(day(2027, 11, 23), today));
        assert!(is_far_from_today(day(2027, 11, 24), today));
        assert!(is_far_from_today(day(2020, 1, 1), today));
    }
}
