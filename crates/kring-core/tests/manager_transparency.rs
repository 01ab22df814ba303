//! The transparency register shows shared meetings only: canaries in private and summary
//! records, and in a private card, must never appear in its CSV or HTML.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kring_core::manager::*;
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use kring_i18n::Language;

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

#[test]
fn the_register_lists_shared_meetings_in_the_period_and_never_private_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s"), &OpenOptions::default()).unwrap();
    let t = at(2026, 1, 1);
    let me = store
        .init("An Peeters", "an@antwerpen.be", Role::Networker, t)
        .unwrap()
        .networker;
    let port = store
        .create(
            &Organisation {
                name: "Port of Antwerp-Bruges".into(),
                ..Organisation::default()
            },
            Some(Visibility::Shared),
            t,
        )
        .unwrap();
    let jan = store
        .create_person(
            &Person {
                display_name: "Jan Smit".into(),
                ..Person::default()
            },
            Some(port),
            Some("CEO"),
            Some(Visibility::Shared),
            t,
        )
        .unwrap();
    let secret = store
        .create(
            &Person {
                display_name: "CANARY-PERSON Geheime Gert".into(),
                ..Person::default()
            },
            Some(Visibility::Private),
            t,
        )
        .unwrap();
    let log = |with: Vec<RecordId>, when: DateTime<Utc>, summary: &str, v: Visibility| {
        let mut participants = vec![me];
        participants.extend(with);
        store
            .create(
                &Interaction {
                    kind: InteractionKind::Meeting,
                    at: when.fixed_offset(),
                    participants,
                    summary: summary.into(),
                    outcomes: vec![],
                },
                Some(v),
                when,
            )
            .unwrap()
    };
    log(
        vec![jan],
        at(2026, 3, 2),
        "Overleg kaaimuren",
        Visibility::Shared,
    );
    log(
        vec![jan],
        at(2026, 3, 3),
        "CANARY-PRIVATE lunch",
        Visibility::Private,
    );
    log(
        vec![jan],
        at(2026, 3, 4),
        "CANARY-SUMMARY call",
        Visibility::Summary,
    );
    log(
        vec![secret],
        at(2026, 3, 5),
        "Verkenning",
        Visibility::Shared,
    );
    log(
        vec![jan],
        at(2026, 5, 1),
        "Buiten de periode",
        Visibility::Shared,
    );
    store
        .create_event(
            &Event {
                name: "Havenconferentie".into(),
                kind: EventKind::Conference,
                at: at(2026, 3, 10).fixed_offset(),
                location: None,
                invited: vec![],
                attending: vec![me, port],
                outcomes: vec![],
                notes: None,
            },
            None,
            t,
        )
        .unwrap();
    store
        .create_event(
            &Event {
                name: "CANARY-EVENT besloten diner".into(),
                kind: EventKind::Reception,
                at: at(2026, 3, 11).fixed_offset(),
                location: None,
                invited: vec![],
                attending: vec![me, port],
                outcomes: vec![],
                notes: None,
            },
            Some(Visibility::Private),
            t,
        )
        .unwrap();

    let register = store
        .transparency_register(
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
            Language::English,
            at(2026, 11, 23),
        )
        .unwrap();
    // The shared meeting, the shared meeting with a private card, the shared conference.
    assert_eq!(register.entries.len(), 3);
    let first = &register.entries[0];
    assert_eq!(first.date, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    assert_eq!(first.networkers, vec!["An Peeters"]);
    assert_eq!(first.stakeholders, vec!["Jan Smit"]);
    assert_eq!(first.organisations, vec!["Port of Antwerp-Bruges"]);
    assert_eq!(first.about, "Overleg kaaimuren");
    assert_eq!(register.entries[1].stakeholders, vec!["(not shared)"]);
    assert_eq!(register.entries[2].kind, "event: conference");

    let csv = register.to_csv(Language::English);
    let html = register.to_html("Stad Antwerpen", Language::English);
    for text in [&csv, &html] {
        assert!(text.contains("Overleg kaaimuren"));
        assert!(!text.contains("CANARY"), "a private or summary item leaked");
        assert!(!text.contains("Buiten de periode"));
    }
    assert_eq!(csv.lines().count(), 4);
    assert!(!html.contains("<script"));
}

#[test]
fn the_register_counts_calls_and_emails_as_what_they_are_not_as_meetings() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s"), &OpenOptions::default()).unwrap();
    let t = at(2026, 1, 1);
    let me = store
        .init("An Peeters", "an@antwerpen.be", Role::Networker, t)
        .unwrap()
        .networker;
    let jan = store
        .create(
            &Person {
                display_name: "Jan Smit".into(),
                ..Person::default()
            },
            Some(Visibility::Shared),
            t,
        )
        .unwrap();
    for (kind, day) in [
        (InteractionKind::Call, 2),
        (InteractionKind::Email, 3),
        (InteractionKind::Email, 4),
        (InteractionKind::Meeting, 5),
    ] {
        store
            .create(
                &Interaction {
                    kind,
                    at: at(2026, 3, day).fixed_offset(),
                    participants: vec![me, jan],
                    summary: "Kaaimuren".into(),
                    outcomes: vec![],
                },
                Some(Visibility::Shared),
                t,
            )
            .unwrap();
    }
    let register = store
        .transparency_register(
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
            Language::English,
            at(2026, 4, 1),
        )
        .unwrap();
    assert_eq!(
        register.tally(Language::English),
        "4 contacts: 2 e-mails, 1 call and 1 meeting"
    );
    assert_eq!(
        register.summary,
        register.tally(Language::English),
        "the app's screen reads the same words"
    );
    let html = register.to_html("Stad Antwerpen", Language::English);
    assert!(html.contains("4 contacts: 2 e-mails, 1 call and 1 meeting"));
    assert!(!html.contains("4 meetings"), "a call is not a meeting");
}

/// A register of one call, two meetings and a conference in March 2026.
fn register_in(language: Language) -> kring_core::manager::transparency::TransparencyRegister {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s"), &OpenOptions::default()).unwrap();
    let t = at(2026, 1, 1);
    let me = store
        .init("An Peeters", "an@antwerpen.be", Role::Networker, t)
        .unwrap()
        .networker;
    let jan = store
        .create(
            &Person {
                display_name: "Jan Smit".into(),
                ..Person::default()
            },
            Some(Visibility::Shared),
            t,
        )
        .unwrap();
    for (kind, day) in [
        (InteractionKind::Call, 2),
        (InteractionKind::Meeting, 3),
        (InteractionKind::Meeting, 4),
    ] {
        store
            .create(
                &Interaction {
                    kind,
                    at: at(2026, 3, day).fixed_offset(),
                    participants: vec![me, jan],
                    summary: "Kaaimuren".into(),
                    outcomes: vec![],
                },
                Some(Visibility::Shared),
                t,
            )
            .unwrap();
    }
    store
        .create_event(
            &Event {
                name: "Havenconferentie".into(),
                kind: EventKind::Conference,
                at: at(2026, 3, 10).fixed_offset(),
                location: None,
                invited: vec![],
                attending: vec![me, jan],
                outcomes: vec![],
                notes: None,
            },
            None,
            t,
        )
        .unwrap();
    store
        .transparency_register(
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
            language,
            at(2026, 4, 1),
        )
        .unwrap()
}

/// The English words of the register a translation must not keep.
const ENGLISH_HEADINGS: &[&str] = &[
    "Transparency register",
    "<th>Date</th>",
    "<th>Who (organisation)</th>",
    "<th>How</th>",
    "<th>About</th>",
    "<th>Outcomes</th>",
    "shared records only",
    "generated",
    "contacts:",
    "meetings",
    ">call<",
    "March",
];

#[test]
fn a_dutch_register_speaks_dutch_with_belgian_dates_and_keeps_its_codes() {
    let register = register_in(Language::Dutch);
    assert_eq!(
        register.summary,
        "4 contacten: 2 vergaderingen, 1 telefoongesprek en 1 evenement"
    );
    assert_eq!(
        register.entries[0].kind, "call",
        "programs still read the stable code"
    );
    let html = register.to_html("Stad Antwerpen — netwerkmanager", Language::Dutch);
    for dutch in [
        "<html lang=\"nl-BE\">",
        "<h1>Transparantieregister</h1>",
        "<th>Datum</th>",
        "<th>Hoe</th>",
        "<th>Resultaten</th>",
        "1 maart 2026 tot 31 maart 2026",
        "enkel gedeelde gegevens",
        "<td>2 maart 2026</td>",
        "<td>telefoongesprek</td>",
        "<td>evenement: conferentie</td>",
    ] {
        assert!(html.contains(dutch), "{dutch} is missing from {html}");
    }
    for english in ENGLISH_HEADINGS {
        assert!(!html.contains(english), "{english} is English: {html}");
    }
    let csv = register.to_csv(Language::Dutch);
    assert!(
        csv.starts_with("datum,netwerkers,stakeholders,organisaties,soort,onderwerp,resultaten\n"),
        "{csv}"
    );
    assert!(csv.contains("2026-03-02,An Peeters,Jan Smit,,telefoongesprek,Kaaimuren,"));
}

#[test]
fn a_french_register_speaks_belgian_french() {
    let register = register_in(Language::French);
    assert_eq!(
        register.summary,
        "4 contacts : 2 réunions, 1 appel et 1 événement"
    );
    let html = register.to_html("Ville d'Anvers", Language::French);
    for french in [
        "<html lang=\"fr-BE\">",
        "<h1>Registre de transparence</h1>",
        "<th>Date</th>",
        "<th>Comment</th>",
        "<th>Objet</th>",
        "du 1er mars 2026 au 31 mars 2026",
        "données partagées uniquement",
        "<td>appel</td>",
        "<td>événement : conférence</td>",
    ] {
        assert!(html.contains(french), "{french} is missing from {html}");
    }
    for english in ENGLISH_HEADINGS
        .iter()
        .filter(|heading| **heading != "<th>Date</th>")
    {
        assert!(!html.contains(english), "{english} is English: {html}");
    }
    let csv = register.to_csv(Language::French);
    assert!(
        csv.starts_with(
            "date,membres du réseau,parties prenantes,organisations,type,objet,résultats\n"
        ),
        "{csv}"
    );
}
