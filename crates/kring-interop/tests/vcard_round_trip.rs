//! vCard 4.0 export: what `write_vcards` writes, `read_vcards` reads back unchanged, and an
//! independent reader (Python's `vobject`) accepts.

mod common;

use chrono::NaiveDate;
use common::{corpus_bytes, corpus_names, validate_with_python};
use kring_interop::{read_vcards, write_vcards, ContactDraft, ContactKind, PostalAddressDraft};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Drafts as the reader produces them: source lines and photo sizes describe a file, not the
/// contact, and are not written.
fn comparable(mut contacts: Vec<ContactDraft>) -> Vec<ContactDraft> {
    for contact in &mut contacts {
        contact.source_line = 0;
        contact.photo_bytes = None;
    }
    contacts
}

fn round_trip(contacts: &[ContactDraft]) -> Vec<ContactDraft> {
    let written = write_vcards(contacts);
    read_vcards(written.as_bytes()).unwrap_or_else(|error| panic!("{error}\n{written}"))
}

/// Text with the characters that break naive writers: accents, emoji, commas, semicolons,
/// colons, backslashes, quotes, carets and line breaks; trimmed and non-empty like the reader's
/// output. One in four is long enough to need several folds.
fn text() -> impl Strategy<Value = String> {
    let alphabet = "[a-zA-Z0-9 éèçëüößÑñ€😀,;:\\\\\"'^\n.=-]";
    prop_oneof![
        3 => proptest::string::string_regex(&format!("{alphabet}{{1,30}}")).expect("valid regex"),
        1 => proptest::string::string_regex(&format!("{alphabet}{{80,300}}")).expect("valid regex"),
    ]
    .prop_map(|value| value.trim().to_owned())
    .prop_filter("non-empty after trimming", |value| !value.is_empty())
}

fn without_scheme(scheme: &'static str) -> impl Strategy<Value = String> {
    text().prop_filter("no URI scheme prefix", move |value| {
        !value.to_ascii_lowercase().starts_with(scheme)
    })
}

fn address() -> impl Strategy<Value = PostalAddressDraft> {
    (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
    )
        .prop_map(
            |(
                post_office_box,
                extended_address,
                street,
                locality,
                region,
                postal_code,
                country,
                label,
            )| {
                PostalAddressDraft {
                    post_office_box,
                    extended_address,
                    street,
                    locality,
                    region,
                    postal_code,
                    country,
                    label,
                }
            },
        )
        .prop_filter("not empty", |address| !address.is_empty())
}

fn extra() -> impl Strategy<Value = (String, String)> {
    ("(item[0-9]\\.)?X-TEST-[A-Z0-9-]{1,12}", text())
}

fn draft() -> impl Strategy<Value = ContactDraft> {
    let names = (
        prop_oneof![Just(ContactKind::Person), Just(ContactKind::Organisation)],
        text(),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        vec(text(), 0..3),
    );
    let work = (
        option::of(text()),
        vec(text(), 0..3),
        option::of(text()),
        option::of(text()),
        vec(without_scheme("mailto:"), 0..3),
        vec(without_scheme("tel:"), 0..3),
        vec(address(), 0..3),
        vec(text(), 0..3),
    );
    let other = (
        option::of(text()),
        option::of((1i32..=9999, 1u32..=12, 1u32..=28)),
        vec(text(), 0..3),
        option::of(text()),
        vec(text(), 0..3),
        vec(text(), 0..3),
        vec(extra(), 0..4),
    );
    (names, work, other).prop_map(|(names, work, other)| {
        let (
            kind,
            display_name,
            given_name,
            family_name,
            additional_names,
            honorific,
            honorific_suffix,
            nicknames,
        ) = names;
        let (
            organisation,
            organisation_units,
            job_title,
            role,
            emails,
            phones,
            addresses,
            websites,
        ) = work;
        let (notes, birthday, categories, uid, related, members, extra) = other;
        ContactDraft {
            kind,
            display_name,
            given_name,
            family_name,
            additional_names,
            honorific,
            honorific_suffix,
            nicknames,
            organisation,
            organisation_units,
            job_title,
            role,
            emails,
            phones,
            addresses,
            websites,
            notes,
            birthday: birthday
                .and_then(|(year, month, day)| NaiveDate::from_ymd_opt(year, month, day)),
            categories,
            uid,
            related,
            members,
            photo_bytes: None,
            extra,
            source_line: 0,
        }
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(256)
}

proptest! {
    // 256 cases by default; PROPTEST_CASES raises it for a longer run.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn writing_then_reading_gives_back_every_modelled_field(drafts in vec(draft(), 1..4)) {
        let read_back = comparable(round_trip(&drafts));
        prop_assert_eq!(read_back, drafts);
    }

    #[test]
    fn every_written_line_is_at_most_seventy_five_octets_and_ends_with_crlf(drafts in vec(draft(), 1..3)) {
        let written = write_vcards(&drafts);
        prop_assert!(written.ends_with("\r\n"));
        for line in written.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
            prop_assert!(!line.contains('\n') && !line.contains('\r'));
        }
    }
}

#[test]
fn every_corpus_card_survives_a_write_and_read_round_trip() {
    for name in corpus_names() {
        let original = comparable(read_vcards(&corpus_bytes(&name)).expect("corpus reads"));
        let read_back = comparable(round_trip(&original));
        assert_eq!(read_back, original, "{name}");
    }
}

fn flemish_drafts() -> Vec<ContactDraft> {
    vec![
        ContactDraft {
            display_name: "Jean-François Dubois".to_owned(),
            given_name: Some("Jean-François".to_owned()),
            family_name: Some("Dubois".to_owned()),
            honorific: Some("Dhr.".to_owned()),
            organisation: Some("Port of Antwerp-Bruges".to_owned()),
            organisation_units: vec![
                "Strategie; Beleid".to_owned(),
                "Haven, Logistiek".to_owned(),
            ],
            job_title: Some("Directeur stakeholdermanagement".to_owned()),
            emails: vec!["jean-francois.dubois@portofantwerpbruges.com".to_owned()],
            phones: vec!["+32 3 229 67 11".to_owned()],
            addresses: vec![PostalAddressDraft {
                street: Some("Zaha Hadidplein 1".to_owned()),
                locality: Some("Antwerpen".to_owned()),
                postal_code: Some("2030".to_owned()),
                country: Some("België".to_owned()),
                label: Some("Zaha Hadidplein 1\n2030 Antwerpen\n\"Havenhuis\"".to_owned()),
                ..PostalAddressDraft::default()
            }],
            websites: vec!["https://www.portofantwerpbruges.com/nl?a=1,2;b".to_owned()],
            notes: Some(format!(
                "Ontmoet op de Vlaamse havendag; wil samenwerken rond energietransitie, \
                 waterstof en modal shift.\nVolgende stap: lunch in café 't Elfde Gebod. {}",
                "Lange notitie die over meerdere regels gevouwen moet worden. "
                    .repeat(4)
                    .trim_end()
            )),
            birthday: NaiveDate::from_ymd_opt(1974, 4, 15),
            categories: vec!["Haven".to_owned(), "Energie, waterstof".to_owned()],
            uid: Some("urn:uuid:5f0c3b8e-8d2a-4f7e-9c1b-2a6d4e8f0a13".to_owned()),
            related: vec!["Sofie Peeters".to_owned()],
            extra: vec![("X-KRING-TEST".to_owned(), "a;b,c\\d".to_owned())],
            ..ContactDraft::default()
        },
        ContactDraft {
            kind: ContactKind::Organisation,
            display_name: "Port of Antwerp-Bruges".to_owned(),
            organisation: Some("Port of Antwerp-Bruges".to_owned()),
            members: vec!["mailto:info@portofantwerpbruges.com".to_owned()],
            ..ContactDraft::default()
        },
        ContactDraft {
            display_name: "Lieve Van den Broeck".to_owned(),
            given_name: Some("Lieve".to_owned()),
            family_name: Some("Van den Broeck".to_owned()),
            organisation: Some("Müller & Zonen".to_owned()),
            emails: vec![
                "lieve@vandenbroeck.be".to_owned(),
                "l.vdbroeck@müller.de".to_owned(),
            ],
            notes: Some("Élan, ça va? Ünïcödé 😀".to_owned()),
            ..ContactDraft::default()
        },
    ]
}

#[test]
fn flemish_names_with_accents_separators_and_long_notes_read_back_exactly() {
    let drafts = flemish_drafts();
    assert_eq!(comparable(round_trip(&drafts)), drafts);
}

#[test]
fn the_export_is_vcard_four_with_crlf_kind_and_escaped_text() {
    let written = write_vcards(&flemish_drafts());
    assert!(written.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:"));
    assert_eq!(written.matches("BEGIN:VCARD\r\n").count(), 3);
    assert!(written.contains("\r\nKIND:org\r\n"));
    assert!(written.contains("\r\nKIND:individual\r\n"));
    assert!(written.contains("\r\nN:Dubois;Jean-François;;Dhr.;\r\n"));
    assert!(
        written.contains("ORG:Port of Antwerp-Bruges;Strategie\\; Beleid;Haven\\, Logistiek\r\n")
    );
    assert!(written.contains("CATEGORIES:Haven,Energie\\, waterstof\r\n"));
    assert!(written.contains("BDAY:19740415\r\n"));
    assert!(
        written.contains("ADR;LABEL=\"Zaha Hadidplein 1^n2030 Antwerpen^n^'Havenhuis^'\":;;Zaha")
    );
    assert!(written.contains("RELATED;VALUE=text:Sofie Peeters\r\n"));
    assert!(written.contains("X-KRING-TEST:a;b,c\\\\d\r\n"));
    assert!(
        !written.replace("\r\n", "").contains('\n'),
        "no bare line feeds"
    );
}

#[test]
fn exported_vcards_are_accepted_by_python_vobject() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let mut drafts = flemish_drafts();
    for name in corpus_names() {
        drafts.extend(comparable(
            read_vcards(&corpus_bytes(&name)).expect("corpus reads"),
        ));
    }
    let file = directory.path().join("export.vcf");
    std::fs::write(&file, write_vcards(&drafts)).expect("write export");
    let expectations: Vec<serde_json::Value> = drafts
        .iter()
        .map(|draft| {
            let mut expected = serde_json::json!({
                "display_name": draft.display_name,
                "emails": draft.emails,
                "phones": draft.phones,
                "websites": draft.websites,
            });
            if let Some(notes) = &draft.notes {
                expected["note"] = serde_json::json!(notes);
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
    validate_with_python("vobject", "vcard", &file, Some(&expectations_file));
}

#[test]
fn a_hundred_generated_drafts_are_accepted_by_python_vobject_with_their_values() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let drafts: Vec<ContactDraft> = (0..100)
        .map(|_| draft().new_tree(&mut runner).expect("a draft").current())
        .collect();
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("generated.vcf");
    std::fs::write(&file, write_vcards(&drafts)).expect("write export");
    let expectations: Vec<serde_json::Value> = drafts
        .iter()
        .map(|draft| {
            let mut expected = serde_json::json!({
                "display_name": draft.display_name,
                "emails": draft.emails,
                "phones": draft.phones,
                "websites": draft.websites,
            });
            if let Some(notes) = &draft.notes {
                expected["note"] = serde_json::json!(notes);
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
    validate_with_python("vobject", "vcard", &file, Some(&expectations_file));
}

#[test]
fn the_python_validator_rejects_what_it_should() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let cases = [
        ("vobject", "vcard", "long.vcf", format!("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{}\r\nEND:VCARD\r\n", "x".repeat(80))),
        ("vobject", "vcard", "bare-lf.vcf", "BEGIN:VCARD\nVERSION:4.0\nFN:X\nEND:VCARD\n".to_owned()),
        ("vobject", "vcard", "version.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nN:;;;;\r\nEND:VCARD\r\n".to_owned()),
        ("icalendar", "icalendar", "no-uid.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTODO\r\nDTSTAMP:20240101T000000Z\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n".to_owned()),
    ];
    for (module, format, name, content) in cases {
        let file = directory.path().join(name);
        std::fs::write(&file, content).expect("write");
        if let Some(output) = common::run_python_validator(module, format, &file, None) {
            assert!(!output.status.success(), "{name} should be rejected");
            assert!(
                String::from_utf8_lossy(&output.stdout).contains("FAIL"),
                "{name}"
            );
        }
    }
    // A file that parses but has the wrong values fails the expectations.
    let file = directory.path().join("values.vcf");
    std::fs::write(&file, write_vcards(&flemish_drafts()[..1])).expect("write");
    let expectations = directory.path().join("wrong.json");
    let wrong = serde_json::json!([{ "display_name": "Someone Else", "emails": [], "phones": [], "websites": [] }]);
    std::fs::write(&expectations, wrong.to_string()).expect("write");
    if let Some(output) =
        common::run_python_validator("vobject", "vcard", &file, Some(&expectations))
    {
        assert!(!output.status.success(), "wrong expectations must fail");
    }
}
