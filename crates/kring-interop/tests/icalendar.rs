//! iCalendar export of follow-ups and events: structure, folding, escaping, alarms, and an
//! independent check with Python's `icalendar` package.

mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::validate_with_python;
use kring_interop::{write_icalendar, CalendarItem, CalendarItemKind, CalendarMoment};

fn moment(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .expect("valid moment")
}

fn follow_up() -> CalendarItem {
    CalendarItem {
        uid: "followup-0193a6d2@kring".to_owned(),
        summary: "Bel Sofie Peeters terug (Port of Antwerp-Bruges)".to_owned(),
        description: Some("Waterstofproject; budget, timing\nen \\ partners bespreken".to_owned()),
        due: CalendarMoment::Date(NaiveDate::from_ymd_opt(2024, 3, 15).expect("valid date")),
        kind: CalendarItemKind::Todo,
        done: false,
        alarm_minutes_before: Some(30),
        alarm_description: None,
        last_modified: moment(2024, 3, 1, 9, 30),
    }
}

fn items() -> Vec<CalendarItem> {
    vec![
        follow_up(),
        CalendarItem {
            uid: "followup-0193a6d3@kring".to_owned(),
            summary: "Stuur verslag naar Jean-François Dubois".to_owned(),
            description: None,
            due: CalendarMoment::DateTime(moment(2024, 2, 20, 16, 0)),
            kind: CalendarItemKind::Todo,
            done: true,
            alarm_minutes_before: None,
            alarm_description: None,
            last_modified: moment(2024, 2, 21, 8, 15),
        },
        CalendarItem {
            uid: "event-0193a6d4@kring".to_owned(),
            summary: "Havendag 2024 – netwerkmoment met Lieve Van den Broeck, Stad Gent".to_owned(),
            description: Some(
                "Lange beschrijving: ".to_owned() + &"Müller & Söhne, énergie; ".repeat(12),
            ),
            due: CalendarMoment::DateTime(moment(2024, 5, 17, 8, 0)),
            kind: CalendarItemKind::Event,
            done: false,
            alarm_minutes_before: Some(1440),
            alarm_description: None,
            last_modified: moment(2024, 4, 2, 12, 0),
        },
        CalendarItem {
            uid: "event-0193a6d5@kring".to_owned(),
            summary: "Vlaamse Havendag".to_owned(),
            description: None,
            due: CalendarMoment::Date(NaiveDate::from_ymd_opt(2024, 6, 1).expect("valid date")),
            kind: CalendarItemKind::Event,
            done: false,
            alarm_minutes_before: Some(0),
            alarm_description: None,
            last_modified: moment(2024, 4, 2, 12, 0),
        },
    ]
}

fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

#[test]
fn the_calendar_has_prodid_version_and_one_component_per_item_with_crlf_endings() {
    let written = write_icalendar("Kring opvolging", &items());
    assert!(written
        .starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kring//Kring interop//EN\r\n"));
    assert!(written.ends_with("END:VCALENDAR\r\n"));
    assert!(written.contains("X-WR-CALNAME:Kring opvolging\r\n"));
    assert_eq!(written.matches("BEGIN:VTODO\r\n").count(), 2);
    assert_eq!(written.matches("BEGIN:VEVENT\r\n").count(), 2);
    assert_eq!(written.matches("DTSTAMP:").count(), 4);
    assert!(written.contains("UID:followup-0193a6d2@kring\r\nDTSTAMP:20240301T093000Z\r\n"));
    assert!(
        !written.replace("\r\n", "").contains('\n'),
        "no bare line feeds"
    );
}

#[test]
fn a_due_date_is_written_as_a_date_value_and_a_due_moment_in_utc() {
    let written = write_icalendar("Kring", &items());
    assert!(written.contains("\r\nDUE;VALUE=DATE:20240315\r\n"));
    assert!(written.contains("\r\nDUE:20240220T160000Z\r\n"));
    assert!(written.contains("\r\nDTSTART:20240517T080000Z\r\n"));
    assert!(written.contains("\r\nDTSTART;VALUE=DATE:20240601\r\nDTEND;VALUE=DATE:20240602\r\n"));
}

#[test]
fn a_finished_todo_is_completed_and_an_open_one_needs_action() {
    let written = write_icalendar("Kring", &items());
    let todos: Vec<&str> = written.split("BEGIN:VTODO").skip(1).collect();
    assert!(todos[0].contains("\r\nSTATUS:NEEDS-ACTION\r\n"));
    assert!(todos[1].contains("\r\nSTATUS:COMPLETED\r\nCOMPLETED:20240221T081500Z\r\n"));
}

#[test]
fn alarms_trigger_the_given_minutes_before_due_or_start() {
    let written = write_icalendar("Kring", &items());
    assert!(written.contains(
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Bel Sofie Peeters terug (Port of Antwerp-Bruges)\r\nTRIGGER;RELATED=END:-PT30M\r\nEND:VALARM\r\n"
    ));
    assert!(written.contains("TRIGGER:-PT1440M\r\n"));
    assert!(written.contains("TRIGGER:-PT0M\r\n"));
    assert_eq!(
        written.matches("BEGIN:VALARM").count(),
        3,
        "no alarm where none was asked"
    );
}

#[test]
fn text_escapes_commas_semicolons_backslashes_and_newlines() {
    let written = unfold(&write_icalendar("Kring; opvolging, 2024", &[follow_up()]));
    assert!(written.contains(
        "DESCRIPTION:Waterstofproject\\; budget\\, timing\\nen \\\\ partners bespreken\r\n"
    ));
    assert!(written.contains("X-WR-CALNAME:Kring\\; opvolging\\, 2024\r\n"));
}

#[test]
fn long_lines_are_folded_at_seventy_five_octets_without_splitting_a_character() {
    let written = write_icalendar("Kring", &items());
    for line in written.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    // Each physical line is valid UTF-8 on its own: no character was cut in two.
    let bytes = written.as_bytes();
    for line in bytes.split(|&byte| byte == b'\n') {
        assert!(std::str::from_utf8(line).is_ok());
    }
    assert!(
        written.matches("\r\n ").count() > 3,
        "the long description was folded"
    );
    assert!(unfold(&written).contains(&"Müller & Söhne\\, énergie\\; ".repeat(12)));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(
        write_icalendar("Kring", &items()),
        write_icalendar("Kring", &items())
    );
}

#[test]
fn exported_calendars_are_accepted_by_python_icalendar() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("kring.ics");
    let items = items();
    std::fs::write(&file, write_icalendar("Kring opvolging", &items)).expect("write calendar");
    let expectations: Vec<serde_json::Value> = items
        .iter()
        .map(|item| {
            let due = match item.due {
                CalendarMoment::Date(date) => serde_json::json!({ "date": date.to_string() }),
                CalendarMoment::DateTime(moment) => {
                    serde_json::json!({ "datetime": moment.format("%Y-%m-%dT%H:%M:%SZ").to_string() })
                }
            };
            let mut expected = serde_json::json!({
                "uid": item.uid,
                "component": match item.kind { CalendarItemKind::Todo => "VTODO", CalendarItemKind::Event => "VEVENT" },
                "summary": item.summary,
                "due": due,
                "done": item.done,
                "alarm_minutes_before": item.alarm_minutes_before,
            });
            if let Some(description) = &item.description {
                expected["description"] = serde_json::json!(description);
            }
            expected
        })
        .collect();
    let expectations_file = directory.path().join("expected.json");
    std::fs::write(
        &expectations_file,
        serde_json::to_string(&expectations).expect("json"),
    )
    .expect("write");
    validate_with_python("icalendar", "icalendar", &file, Some(&expectations_file));
}
