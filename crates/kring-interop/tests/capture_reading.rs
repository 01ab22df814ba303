//! Meetings and e-mails read as drafts: the hand-written fixtures of `tests/fixtures/capture/`
//! (an Outlook invitation, its update and cancellation, the invitation as Outlook mails it, a
//! Thunderbird reply with encoded words, a Google Calendar export), checked value by value.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::fixture_bytes;
use kring_interop::{
    read_interactions, CaptureFormat, CaptureReadError, DraftKind, InteractionDraft,
    InteractionRead, ParticipantRole, ReadOptions,
};

/// The tests' "now": 1 June 2024, noon UTC; the reader lives in Brussels.
fn options() -> ReadOptions {
    ReadOptions::at(Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap()).in_zone("Europe/Brussels")
}

fn read(name: &str) -> InteractionRead {
    read_interactions(name, &fixture_bytes(&format!("capture/{name}")), &options())
        .unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn addresses(draft: &InteractionDraft) -> Vec<String> {
    draft
        .participants
        .iter()
        .map(|p| p.mailbox.address.clone())
        .collect()
}

fn at(text: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn an_outlook_invitation_in_a_windows_time_zone_is_one_meeting_at_the_right_local_time() {
    let read = read("outlook_invitation.ics");
    assert_eq!(read.format, CaptureFormat::Icalendar);
    assert_eq!(read.drafts.len(), 1, "{:?}", read.drafts);
    let meeting = &read.drafts[0];
    assert_eq!(meeting.kind, DraftKind::Meeting);
    assert_eq!(meeting.subject, "Overleg kaaimuren Scheldekaaien");
    assert_eq!(meeting.location.as_deref(), Some("Havenhuis, Zaal Schelde"));
    // "Romance Standard Time" is Europe/Paris: 14:00 in March is 13:00 UTC.
    assert_eq!(meeting.start, at("2024-03-12T14:00:00+01:00"));
    assert_eq!(
        meeting.start.to_utc(),
        Utc.with_ymd_and_hms(2024, 3, 12, 13, 0, 0).unwrap()
    );
    assert_eq!(meeting.end, Some(at("2024-03-12T15:30:00+01:00")));
    assert_eq!(meeting.time_zone.as_deref(), Some("Europe/Paris"));
    assert_eq!(meeting.sequence, 0);
    assert!(!meeting.cancelled && !meeting.all_day && !meeting.occurrence);
    assert!(meeting
        .identity
        .starts_with("040000008200E00074C5B7101A82E008"));
    assert_eq!(
        addresses(meeting),
        [
            "an.peeters@antwerpen.be",
            "JAN.JANSSENS@PORTOFANTWERPBRUGES.COM",
            "marie.dubois@omgeving.vlaanderen.be",
            "koen.claes@deltaconsult.be",
        ],
        "the meeting room is not a participant"
    );
    let organiser = meeting.organiser().unwrap();
    assert_eq!(organiser.name.as_deref(), Some("An Peeters"));
    let marie = &meeting.participants[2].mailbox;
    assert_eq!(
        marie.name.as_deref(),
        Some("Marie Dubois"),
        "'Dubois, Marie' in reading order"
    );
    assert_eq!(marie.family_name.as_deref(), Some("Dubois"));
    let jan = &meeting.participants[1].mailbox;
    assert_eq!(
        jan.name, None,
        "Outlook wrote the address where the name goes"
    );
    assert_eq!(meeting.participants[3].role, ParticipantRole::Optional);
    assert!(meeting
        .text
        .as_deref()
        .unwrap()
        .starts_with("Agenda:\n1. Stand van zaken"));
}

#[test]
fn the_update_and_the_cancellation_keep_the_identity_with_a_higher_sequence() {
    let first = &read("outlook_invitation.ics").drafts[0];
    let update = &read("outlook_invitation_update.ics").drafts[0];
    let cancellation = &read("outlook_cancellation.ics").drafts[0];
    assert_eq!(update.identity, first.identity);
    assert_eq!(cancellation.identity, first.identity);
    assert_eq!((update.sequence, cancellation.sequence), (1, 2));
    assert_eq!(update.start, at("2024-03-12T15:00:00+01:00"));
    assert!(!update.cancelled);
    assert!(cancellation.cancelled);
}

#[test]
fn an_invitation_mailed_by_outlook_is_read_as_the_meeting_it_carries() {
    let read = read("outlook_invitation.eml");
    assert_eq!(read.format, CaptureFormat::Email);
    assert_eq!(read.drafts.len(), 1);
    let meeting = &read.drafts[0];
    assert_eq!(
        meeting.kind,
        DraftKind::Meeting,
        "the meeting, not the e-mail"
    );
    assert_eq!(meeting.start, at("2024-03-12T14:00:00+01:00"));
    assert_eq!(
        meeting.identity,
        read_first_identity("outlook_invitation.ics")
    );
    assert!(read
        .warnings
        .iter()
        .any(|w| w.code == "invitation_in_email"));
}

fn read_first_identity(name: &str) -> String {
    read(name).drafts[0].identity.clone()
}

#[test]
fn a_reply_with_encoded_words_names_everyone_decoded_and_is_dated_by_its_date_header() {
    let read = read("reply_encoded_words.eml");
    assert_eq!(read.format, CaptureFormat::Email);
    let email = &read.drafts[0];
    assert_eq!(email.kind, DraftKind::Email);
    assert_eq!(email.subject, "Re: Overleg kaaimuren – verslag en vervolg");
    assert_eq!(email.start, at("2024-03-12T16:05:31+01:00"));
    assert_eq!(
        email.identity,
        "8f0e2c1a-3b4d-4e5f-9a6b-7c8d9e0f1a2b@wallonie.be"
    );
    let names: Vec<(String, Option<String>, ParticipantRole)> = email
        .participants
        .iter()
        .map(|p| (p.mailbox.address.clone(), p.mailbox.name.clone(), p.role))
        .collect();
    assert_eq!(
        names,
        [
            (
                "francoise.dupre@wallonie.be".into(),
                Some("Françoise Dupré".into()),
                ParticipantRole::From
            ),
            (
                "an.peeters@antwerpen.be".into(),
                Some("An Peeters".into()),
                ParticipantRole::To
            ),
            (
                "Joerg.Mueller@hafen-hamburg.de".into(),
                Some("Jörg Müller".into()),
                ParticipantRole::Cc
            ),
            (
                "irene.leonard@spw.wallonie.be".into(),
                Some("Irène Léonard".into()),
                ParticipantRole::Cc
            ),
        ]
    );
    assert!(email.text.as_deref().unwrap().starts_with("Bonjour An,"));
}

#[test]
fn a_google_export_gives_every_meeting_and_a_weekly_one_as_its_occurrences() {
    let read = read("google_calendar_export.ics");
    let subjects: Vec<(&str, String, bool)> = read
        .drafts
        .iter()
        .map(|d| (d.subject.as_str(), d.start.to_rfc3339(), d.cancelled))
        .collect();
    assert_eq!(
        subjects,
        [
            (
                "Kennismaking Havenbedrijf",
                "2024-02-05T10:00:00+01:00".into(),
                false
            ),
            (
                "Fietsersbond: fietsstraten Zuid",
                "2024-02-19T13:30:00+01:00".into(),
                false
            ),
            ("Tandarts", "2024-02-22T08:30:00+01:00".into(), false),
            (
                "Omgevingsvergunning Scheldekaaien",
                "2024-03-07T09:00:00+01:00".into(),
                true
            ),
            // Weekly on Tuesdays until 14 May: 16 April excluded, 23 April moved to 11:00.
            (
                "Afstemming havenoverleg",
                "2024-04-02T10:00:00+02:00".into(),
                false
            ),
            (
                "Afstemming havenoverleg",
                "2024-04-09T10:00:00+02:00".into(),
                false
            ),
            (
                "Afstemming havenoverleg (later)",
                "2024-04-23T11:00:00+02:00".into(),
                false
            ),
            (
                "Afstemming havenoverleg",
                "2024-04-30T10:00:00+02:00".into(),
                false
            ),
            (
                "Afstemming havenoverleg",
                "2024-05-07T10:00:00+02:00".into(),
                false
            ),
            (
                "Afstemming havenoverleg",
                "2024-05-14T10:00:00+02:00".into(),
                false
            ),
            (
                "Hamburg–Antwerpen: walstroom",
                "2024-05-14T14:00:00+02:00".into(),
                false
            ),
            (
                "Werkbezoek Kieldrechtsluis",
                "2024-06-20T14:00:00+02:00".into(),
                false
            ),
        ],
        "in order of their start; the personal appointment and the cancelled meeting too \
         (kring-core decides what to log)"
    );
    let weekly = &read.drafts[4];
    assert!(weekly.occurrence);
    assert_eq!(
        weekly.identity,
        "7q2w3e4r5t6y7u8i9o0p1a2s3d@google.com#2024-04-02"
    );
    assert_eq!(
        weekly.kind,
        DraftKind::Call,
        "its place is a Google Meet link"
    );
    assert_eq!(
        read.drafts[6].identity,
        "7q2w3e4r5t6y7u8i9o0p1a2s3d@google.com#2024-04-23"
    );
    assert_eq!(
        read.drafts[6].sequence, 2,
        "the moved occurrence has its own SEQUENCE"
    );
    assert_eq!(
        read.drafts[10].kind,
        DraftKind::Call,
        "a Teams meeting is a call"
    );
    assert_eq!(read.drafts[0].kind, DraftKind::Meeting);
    assert_eq!(
        read.drafts[11].participants[0].mailbox.address,
        "jan.janssens@portofantwerpbruges.com"
    );
}

fn refusal(name: &str, bytes: &[u8]) -> CaptureReadError {
    match read_interactions(name, bytes, &options()) {
        Ok(read) => panic!("{name} should be refused, read {:?}", read.drafts),
        Err(error) => error,
    }
}

#[test]
fn files_that_give_nothing_to_log_are_refused_with_the_problem_named() {
    let outlook_msg = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("mail.msg", outlook_msg.to_vec(), "outlook_msg", "File > Save As > iCalendar"),
        ("notes.txt", b"just some text\n".to_vec(), "not_recognised", "neither an iCalendar"),
        ("photo.jpg", vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J'], "not_recognised", ".eml"),
        ("empty.ics", Vec::new(), "not_calendar", "no BEGIN:VCALENDAR"),
        (
            "todo.ics",
            b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:1\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
                .to_vec(),
            "no_meetings",
            "1 to-do and no events",
        ),
        (
            "reply.ics",
            b"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240312T130000Z\r\n\
              ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.be\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                .to_vec(),
            "invitation_reply",
            "METHOD:REPLY",
        ),
        (
            "nostart.ics",
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                .to_vec(),
            "no_meetings",
            "none of its 1 event has a start time",
        ),
        (
            "undated.eml",
            b"From: a@b.be\r\nTo: c@d.be\r\nSubject: hi\r\n\r\nbody\r\n".to_vec(),
            "no_date",
            "no readable Date header",
        ),
        (
            "nobody.eml",
            b"Subject: hi\r\nDate: Tue, 12 Mar 2024 16:05:31 +0100\r\n\r\nbody\r\n".to_vec(),
            "no_addresses",
            "no e-mail address in From, To or Cc",
        ),
    ];
    for (name, bytes, code, words) in cases {
        let error = refusal(name, &bytes);
        assert_eq!(error.code(), code, "{name}: {error}");
        assert!(
            error.to_string().contains(words),
            "{name}: '{error}' should say '{words}'"
        );
    }
}

#[test]
fn a_calendar_above_the_size_limit_is_refused_before_it_is_parsed() {
    let mut bytes = b"BEGIN:VCALENDAR\r\n".to_vec();
    bytes.resize(kring_interop::interaction::MAX_CALENDAR_BYTES + 1, b'x');
    let error = refusal("huge.ics", &bytes);
    assert_eq!(error.code(), "too_large");
    assert!(
        error.to_string().contains("more than the 33554432 bytes"),
        "{error}"
    );
}

#[test]
fn an_email_without_a_date_header_is_dated_by_its_newest_received_header() {
    let mail = b"Received: from mx.b.be by mx.d.be; Tue, 12 Mar 2024 16:05:40 +0100\r\n\
                 Received: from pc by mx.b.be; Tue, 12 Mar 2024 16:05:35 +0100\r\n\
                 From: a@b.be\r\nTo: c@d.be\r\nSubject: hi\r\n\r\nbody\r\n";
    let read = read_interactions("m.eml", mail, &options()).unwrap();
    assert_eq!(read.drafts[0].start, at("2024-03-12T16:05:40+01:00"));
    assert!(read.warnings.iter().any(|w| w.code == "date_from_received"));
    assert!(
        read.drafts[0]
            .identity
            .starts_with("no-message-id:2024-03-12T16:05:40+01:00|a@b.be|hi"),
        "{}",
        read.drafts[0].identity
    );
}

#[test]
fn a_recurring_meeting_reads_at_most_a_year_back_and_its_next_occurrence() {
    // A weekly meeting since 2020: a year and a day before 1 June 2024 is 1 June 2023.
    let calendar = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:weekly@example.be\r\n\
        DTSTART;TZID=Europe/Brussels:20200106T090000\r\nRRULE:FREQ=WEEKLY\r\n\
        SUMMARY:Weekly\r\nATTENDEE:mailto:a@b.be\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let read = read_interactions("w.ics", calendar, &options()).unwrap();
    let starts: Vec<String> = read.drafts.iter().map(|d| d.start.to_rfc3339()).collect();
    assert_eq!(starts.first().unwrap(), "2023-06-05T09:00:00+02:00");
    assert_eq!(
        starts[starts.len() - 2],
        "2024-05-27T09:00:00+02:00",
        "the last past one"
    );
    assert_eq!(
        starts.last().unwrap(),
        "2024-06-03T09:00:00+02:00",
        "the next one"
    );
    assert_eq!(starts.len(), 53);
    // A winter occurrence keeps 09:00 local time: the rule is expanded in wall-clock time.
    assert!(starts.contains(&"2024-01-08T09:00:00+01:00".to_owned()));
}

#[test]
fn regression_a_nested_digest_that_trips_mail_parsers_debug_assertion_is_a_refusal() {
    // Found by fuzz/email_reader in its first 155 runs: mail-parser 0.11.9 reaches
    // `debug_assert!(false, "Invalid part ID, could not find multipart.")`.
    let path = common::crate_dir().join("tests/regressions/capture/mail_parser_nested_digest.eml");
    let bytes = std::fs::read(path).unwrap();
    match read_interactions("digest.eml", &bytes, &options()) {
        // A release build of mail-parser recovers and reads what it can.
        Ok(read) => assert!(!read.drafts.is_empty()),
        Err(error) => assert_eq!(error.code(), "broken_mime", "{error}"),
    }
}
