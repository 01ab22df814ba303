//! iCalendar export (RFC 5545) of follow-ups and networking events.
//!
//! Why: a networker lives in their calendar. Kring's follow-ups ("call Sofie back before the
//! 15th") become `VTODO`s and networking events become `VEVENT`s that Outlook, Apple Calendar,
//! Thunderbird and Google Calendar import or subscribe to, each with a reminder (`VALARM`).
//! Output is deterministic (`DTSTAMP` is the item's last modification, not the clock), so
//! exporting twice gives the same file and a diff shows only real changes. The words for people
//! (the calendar's name, summaries, descriptions, what a reminder says) come from the caller, in
//! its reader's language; the property names and values stay RFC 5545's.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::text::{escape_text, push_folded_line};

/// The product identifier written into every calendar.
pub const CALENDAR_PRODUCT_ID: &str = "-//Kring//Kring interop//EN";

/// A to-do or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CalendarItemKind {
    /// A follow-up: written as `VTODO` with `DUE`.
    Todo,
    /// A meeting or networking event: written as `VEVENT` with `DTSTART`.
    Event,
}

/// When an item is due or takes place: a whole day, or a moment in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CalendarMoment {
    /// A whole day, written as a `DATE` value (`DUE;VALUE=DATE:20240315`).
    Date(NaiveDate),
    /// A moment, written in UTC (`DUE:20240315T090000Z`).
    DateTime(DateTime<Utc>),
}

/// One follow-up or event to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarItem {
    /// Stable identifier, so re-importing updates instead of duplicating.
    pub uid: String,
    /// One-line title.
    pub summary: String,
    /// Longer text.
    pub description: Option<String>,
    /// Due date of a to-do, start of an event.
    pub due: CalendarMoment,
    /// To-do or event.
    pub kind: CalendarItemKind,
    /// A finished to-do is written with `STATUS:COMPLETED`.
    pub done: bool,
    /// A reminder this many minutes before `due`.
    pub alarm_minutes_before: Option<u32>,
    /// What the reminder says, in the reader's language; the summary when `None`.
    pub alarm_description: Option<String>,
    /// Last change; written as `DTSTAMP` and `LAST-MODIFIED`.
    pub last_modified: DateTime<Utc>,
}

/// Writes a complete `VCALENDAR`: `PRODID`, `VERSION`, one `VTODO` or `VEVENT` per item with
/// `UID`, `DTSTAMP` and an optional `VALARM`; CRLF line endings, lines folded at 75 octets, text
/// escaped.
///
/// A to-do's alarm is `TRIGGER;RELATED=END:-PT{n}M`: RFC 5545 §3.8.6.3 relates a default trigger
/// to `DTSTART`, which a follow-up does not have, and `RELATED=END` to `DUE`. An event's alarm is
/// `TRIGGER:-PT{n}M`, before its `DTSTART`.
pub fn write_icalendar(calendar_name: &str, items: &[CalendarItem]) -> String {
    let mut output = String::new();
    let mut line = |text: String| push_folded_line(&mut output, &text);
    line("BEGIN:VCALENDAR".to_owned());
    line("VERSION:2.0".to_owned());
    line(format!("PRODID:{CALENDAR_PRODUCT_ID}"));
    line("CALSCALE:GREGORIAN".to_owned());
    line(format!("NAME:{}", escape_text(calendar_name)));
    line(format!("X-WR-CALNAME:{}", escape_text(calendar_name)));
    for item in items {
        write_item(&mut line, item);
    }
    line("END:VCALENDAR".to_owned());
    output
}

fn write_item(line: &mut impl FnMut(String), item: &CalendarItem) {
    let component = match item.kind {
        CalendarItemKind::Todo => "VTODO",
        CalendarItemKind::Event => "VEVENT",
    };
    line(format!("BEGIN:{component}"));
    line(format!("UID:{}", escape_text(&item.uid)));
    line(format!("DTSTAMP:{}", utc(item.last_modified)));
    line(format!("LAST-MODIFIED:{}", utc(item.last_modified)));
    line(format!("SUMMARY:{}", escape_text(&item.summary)));
    if let Some(description) = &item.description {
        line(format!("DESCRIPTION:{}", escape_text(description)));
    }
    match item.kind {
        CalendarItemKind::Todo => {
            line(format!("DUE{}", moment(item.due)));
            if item.done {
                line("STATUS:COMPLETED".to_owned());
                line(format!("COMPLETED:{}", utc(item.last_modified)));
            } else {
                line("STATUS:NEEDS-ACTION".to_owned());
            }
        }
        CalendarItemKind::Event => {
            line(format!("DTSTART{}", moment(item.due)));
            if let CalendarMoment::Date(date) = item.due {
                // A whole-day event ends at the start of the next day (RFC 5545 §3.6.1).
                if let Some(next_day) = date.succ_opt() {
                    line(format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")));
                }
            }
        }
    }
    if let Some(minutes) = item.alarm_minutes_before {
        line("BEGIN:VALARM".to_owned());
        line("ACTION:DISPLAY".to_owned());
        let text = item.alarm_description.as_ref().unwrap_or(&item.summary);
        line(format!("DESCRIPTION:{}", escape_text(text)));
        match item.kind {
            CalendarItemKind::Todo => line(format!("TRIGGER;RELATED=END:-PT{minutes}M")),
            CalendarItemKind::Event => line(format!("TRIGGER:-PT{minutes}M")),
        }
        line("END:VALARM".to_owned());
    }
    line(format!("END:{component}"));
}

fn utc(moment: DateTime<Utc>) -> String {
    moment.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The parameters and value of a `DUE` or `DTSTART` line, starting after the property name.
fn moment(value: CalendarMoment) -> String {
    match value {
        CalendarMoment::Date(date) => format!(";VALUE=DATE:{}", date.format("%Y%m%d")),
        CalendarMoment::DateTime(moment) => format!(":{}", utc(moment)),
    }
}
