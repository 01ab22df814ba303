//! Fuzz-style property tests of the meeting and e-mail readers: random bytes, random edits of
//! every real calendar and e-mail and of the hand-written fixtures, and random assemblies of
//! iCalendar lines (zones, recurrence rules, overrides) all end in drafts or in a refusal with a
//! code and a sentence, never in a panic.

mod common;

use chrono::{TimeZone, Utc};
use common::mutations::{mutate, mutation};
use common::{corpus_paths, crate_dir};
use kring_interop::{read_interactions, ReadOptions};
use proptest::collection::vec;
use proptest::prelude::*;

const FRAGMENTS: [&[u8]; 22] = [
    b"\r\n",
    b"\r\n ",
    b":",
    b";",
    b",",
    b"=?UTF-8?Q?=C3=A9?=",
    b"=?utf-8?B?w6k=?=",
    b"<a@b.be>",
    b"\"Dubois, Marie\" <",
    b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n",
    b"BEGIN:VCALENDAR\r\n",
    b"RRULE:FREQ=DAILY;COUNT=5000\r\n",
    b"RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n",
    b"DTSTART;TZID=Romance Standard Time:20240312T140000\r\n",
    b"RECURRENCE-ID:20240312T140000Z\r\n",
    b"METHOD:CANCEL\r\n",
    b"Content-Type: text/calendar\r\n",
    b"--boundary\r\n",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\0",
];

fn options() -> ReadOptions {
    ReadOptions::at(Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap()).in_zone("Europe/Brussels")
}

fn samples() -> Vec<(String, Vec<u8>)> {
    let mut paths = corpus_paths("icalendar", &["ics"]);
    paths.extend(corpus_paths("email", &["eml"]));
    let fixtures = crate_dir().join("tests/fixtures/capture");
    let mut own: Vec<_> = std::fs::read_dir(fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ics" || e == "eml"))
        .collect();
    own.sort();
    paths.extend(own);
    paths
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Whatever the reader says must make sense: a refusal has a code and words; a draft has an
/// identity and only usable addresses.
fn check(name: &str, bytes: &[u8]) {
    match read_interactions(name, bytes, &options()) {
        Ok(read) => {
            assert!(!read.drafts.is_empty(), "{name}: read with no drafts");
            for draft in &read.drafts {
                assert!(!draft.identity.is_empty());
                for participant in &draft.participants {
                    assert!(participant.mailbox.address.contains('@'));
                }
            }
        }
        Err(error) => {
            assert!(!error.code().is_empty());
            assert!(error.to_string().len() > 10, "{error}");
        }
    }
}

fn ical_line() -> impl Strategy<Value = String> {
    let start = prop_oneof![
        Just("DTSTART:20240312T130000Z".to_owned()),
        Just("DTSTART;VALUE=DATE:20240312".to_owned()),
        Just("DTSTART;TZID=Romance Standard Time:20240312T140000".to_owned()),
        Just("DTSTART;TZID=Customized Time Zone:20240312T140000".to_owned()),
        Just("DTSTART;TZID=Nowhere/Atlantis:20240331T023000".to_owned()),
        Just("DTSTART:20240312T140000".to_owned()),
        Just("DTSTART:99991231T235959Z".to_owned()),
        Just("DTSTART:00010101T000000Z".to_owned()),
        Just("DTEND:20240312T120000Z".to_owned()),
        Just("DURATION:PT1H30M".to_owned()),
        Just("DURATION:-P1W".to_owned()),
    ];
    let rule = prop_oneof![
        Just("RRULE:FREQ=WEEKLY;BYDAY=TU".to_owned()),
        Just("RRULE:FREQ=DAILY;INTERVAL=0".to_owned()),
        Just("RRULE:FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=1".to_owned()),
        Just("RRULE:FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO".to_owned()),
        Just("RRULE:FREQ=WEEKLY;UNTIL=20240101".to_owned()),
        Just("RRULE:FREQ=MINUTELY".to_owned()),
        Just("RRULE:FREQ=DAILY;COUNT=0".to_owned()),
        Just("RRULE:FREQ=MONTHLY;BYMONTHDAY=31;RSCALE=GREGORIAN;SKIP=FORWARD".to_owned()),
        Just("EXDATE:20240319T130000Z".to_owned()),
        Just("EXDATE;VALUE=DATE:20240326".to_owned()),
        Just("RDATE;VALUE=PERIOD:20240401T100000Z/PT1H".to_owned()),
        Just("RECURRENCE-ID;TZID=Romance Standard Time:20240319T140000".to_owned()),
        Just("SEQUENCE:4294967296".to_owned()),
        Just("STATUS:CANCELLED".to_owned()),
    ];
    let people = prop_oneof![
        Just("ORGANIZER;CN=\"Peeters, An\":mailto:an@antwerpen.be".to_owned()),
        Just("ATTENDEE;CN=JAN@PORT.BE:mailto:JAN@PORT.BE".to_owned()),
        Just("ATTENDEE;CUTYPE=ROOM:mailto:zaal@antwerpen.be".to_owned()),
        Just("ATTENDEE;PARTSTAT=DECLINED:mailto:x@y.be".to_owned()),
        Just("ATTENDEE;EMAIL=a@b.be:urn:uuid:1234".to_owned()),
        Just("ATTENDEE:invalid:nomail".to_owned()),
        Just("UID:same@example.be".to_owned()),
        Just("SUMMARY:Call with Port".to_owned()),
        Just("LOCATION:Microsoft Teams Meeting".to_owned()),
        Just("BEGIN:VALARM".to_owned()),
        Just("END:VALARM".to_owned()),
        Just("END:VEVENT\r\nBEGIN:VEVENT".to_owned()),
    ];
    prop_oneof![start, rule, people]
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(256)
}

const ZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\n\
    DTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n\
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n\
    DTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

proptest! {
    // 256 cases by default; PROPTEST_CASES=100000 turns this into a longer fuzzing run.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_the_capture_readers(bytes in vec(any::<u8>(), 0..2048)) {
        check("random.ics", &bytes);
        check("random.eml", &bytes);
        check("random", &bytes);
    }

    #[test]
    fn edited_corpus_calendars_and_emails_never_panic_the_capture_readers(
        file in any::<usize>(),
        mutations in vec(mutation(), 1..8),
    ) {
        let samples = samples();
        let (name, bytes) = &samples[file % samples.len()];
        check(name, &mutate(bytes.clone(), &mutations, &FRAGMENTS));
    }

    #[test]
    fn random_assemblies_of_event_lines_never_panic(lines in vec(ical_line(), 0..16)) {
        let mut text = format!("BEGIN:VCALENDAR\r\n{ZONE}BEGIN:VEVENT\r\n");
        for line in lines {
            text.push_str(&line);
            text.push_str("\r\n");
        }
        text.push_str("END:VEVENT\r\nEND:VCALENDAR\r\n");
        check("assembled.ics", text.as_bytes());
    }
}

#[test]
fn a_customised_outlook_zone_is_read_from_its_own_rules() {
    let text = format!(
        "BEGIN:VCALENDAR\r\n{ZONE}BEGIN:VEVENT\r\nUID:1\r\n\
         DTSTART;TZID=Customized Time Zone:20240712T140000\r\nATTENDEE:mailto:a@b.be\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    let read = read_interactions("c.ics", text.as_bytes(), &options()).unwrap();
    // July: the DAYLIGHT observance (+02:00) is in force.
    assert_eq!(
        read.drafts[0].start.to_rfc3339(),
        "2024-07-12T14:00:00+02:00"
    );
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
}
