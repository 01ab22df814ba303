//! vCard import behaviours beyond the corpus: character sets, organisations, birthdays,
//! embedded cards, line endings, progress and large files.

use std::time::Instant;

use chrono::NaiveDate;
use kring_interop::{read_vcards, read_vcards_with_progress, ContactKind, VcardReader};

#[test]
fn windows_1252_bytes_without_a_charset_come_out_as_utf8() {
    let mut bytes = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:M".to_vec();
    bytes.extend_from_slice(
        b"\xfcller;Jean-Fran\xe7ois\r\nFN:Jean-Fran\xe7ois M\xfcller\r\nEND:VCARD\r\n",
    );
    let contact = &read_vcards(&bytes).expect("valid")[0];
    assert_eq!(contact.display_name, "Jean-François Müller");
    assert_eq!(contact.family_name.as_deref(), Some("Müller"));
}

#[test]
fn a_declared_iso_8859_1_charset_with_quoted_printable_comes_out_as_utf8() {
    let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Lieve Van den Br=\r\noeck =E9=E8=E7\r\nORG;CHARSET=windows-1252;QUOTED-PRINTABLE:Caf=E9 =80\r\nEND:VCARD\r\n";
    let contact = &read_vcards(text.as_bytes()).expect("valid")[0];
    assert_eq!(contact.display_name, "Lieve Van den Broeck éèç");
    assert_eq!(contact.organisation.as_deref(), Some("Café €"));
}

#[test]
fn a_utf16_file_with_byte_order_mark_is_read() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sofie Peeters\r\nEND:VCARD\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        read_vcards(&bytes).expect("valid")[0].display_name,
        "Sofie Peeters"
    );
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(
        read_vcards(&bytes).expect("valid")[0].display_name,
        "Sofie Peeters"
    );
}

#[test]
fn a_utf8_byte_order_mark_and_old_mac_line_endings_are_accepted() {
    let text = "\u{FEFF}BEGIN:VCARD\rVERSION:3.0\rFN:Sofie\r  Peeters\rEND:VCARD\r";
    let contact = &read_vcards(text.as_bytes()).expect("valid")[0];
    assert_eq!(contact.display_name, "Sofie Peeters");
}

#[test]
fn kind_org_and_apple_show_as_company_make_organisations() {
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Port of Antwerp-Bruges\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Stad Gent\r\nORG:Stad Gent;Dienst Economie\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n";
    let contacts = read_vcards(text.as_bytes()).expect("valid");
    assert_eq!(contacts[0].kind, ContactKind::Organisation);
    assert_eq!(contacts[0].display_name, "Port of Antwerp-Bruges");
    assert_eq!(contacts[1].kind, ContactKind::Organisation);
    assert_eq!(
        contacts[1].organisation_units,
        vec!["Dienst Economie".to_owned()]
    );
    assert!(
        contacts[1].extra.is_empty(),
        "X-ABShowAs is understood, not kept"
    );
}

#[test]
fn a_card_with_only_an_organisation_is_an_organisation_named_after_it() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Vlaamse Milieumaatschappij;Afdeling Water\r\nEMAIL:info@vmm.be\r\nEND:VCARD\r\n";
    let contact = &read_vcards(text.as_bytes()).expect("valid")[0];
    assert_eq!(contact.kind, ContactKind::Organisation);
    assert_eq!(contact.display_name, "Vlaamse Milieumaatschappij");
    // FN equal to ORG and no person's name: an organisation too.
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:VMM\r\nN:;;;;\r\nORG:VMM\r\nEND:VCARD\r\n";
    assert_eq!(
        read_vcards(text.as_bytes()).expect("valid")[0].kind,
        ContactKind::Organisation
    );
}

#[test]
fn a_missing_fn_is_built_from_n() {
    let text =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Van den Broeck;Lieve;Maria;Dr.;PhD\r\nEND:VCARD\r\n";
    let contact = &read_vcards(text.as_bytes()).expect("valid")[0];
    assert_eq!(contact.display_name, "Dr. Lieve Maria Van den Broeck PhD");
    assert_eq!(contact.kind, ContactKind::Person);
}

#[test]
fn birthdays_in_every_form_are_read_and_a_missing_year_is_kept_aside() {
    let card =
        |bday: &str| format!("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\n{bday}\r\nEND:VCARD\r\n");
    let birthday = |bday: &str| read_vcards(card(bday).as_bytes()).expect("valid")[0].birthday;
    let expected = NaiveDate::from_ymd_opt(1980, 4, 15);
    assert_eq!(birthday("BDAY:1980-04-15"), expected);
    assert_eq!(birthday("BDAY:19800415"), expected);
    assert_eq!(birthday("BDAY;VALUE=date:1980-04-15"), expected);
    assert_eq!(birthday("BDAY:1980-04-15T00:00:00Z"), expected);
    assert_eq!(birthday("BDAY:--0415"), None);
    assert_eq!(birthday("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15"), None);
    let contact = &read_vcards(card("BDAY:--0415").as_bytes()).expect("valid")[0];
    assert_eq!(contact.extra_value("BDAY"), Some("--0415"));
}

#[test]
fn an_agent_card_embedded_in_a_vcard_two_one_is_noted_not_merged() {
    let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Sofie Peeters\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Assistent\r\nEND:VCARD\r\nEMAIL:sofie@example.be\r\nEND:VCARD\r\n";
    let contacts = read_vcards(text.as_bytes()).expect("valid");
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].display_name, "Sofie Peeters");
    assert_eq!(contacts[0].emails, vec!["sofie@example.be".to_owned()]);
    assert_eq!(
        contacts[0].extra_value("AGENT"),
        Some("(embedded vCard at line 5)")
    );
}

#[test]
fn related_member_and_data_uri_photos_of_vcard_four_are_read() {
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Havenoverleg\r\n\
                MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af\r\nMEMBER:mailto:sofie@example.be\r\n\
                RELATED;TYPE=colleague;VALUE=text:Lieve Van den Broeck\r\n\
                PHOTO:data:image/png;base64,iVBORw0KGgo=\r\nEND:VCARD\r\n";
    let contact = &read_vcards(text.as_bytes()).expect("valid")[0];
    assert_eq!(contact.members.len(), 2);
    assert_eq!(contact.members[1], "mailto:sofie@example.be");
    assert_eq!(contact.related, vec!["Lieve Van den Broeck".to_owned()]);
    assert_eq!(contact.photo_bytes, Some(8));
    assert_eq!(contact.extra_value("KIND"), Some("group"));
}

#[test]
fn progress_is_reported_after_every_card_and_ends_at_the_total() {
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sofie Peeters\r\nEND:VCARD\r\n";
    let text = card.repeat(25);
    let mut reports = Vec::new();
    let contacts = read_vcards_with_progress(text.as_bytes(), &mut |done, total| {
        reports.push((done, total))
    })
    .expect("valid");
    assert_eq!(contacts.len(), 25);
    assert_eq!(reports.len(), 25);
    assert!(
        reports.windows(2).all(|pair| pair[0].0 < pair[1].0),
        "progress only moves forward"
    );
    assert_eq!(reports.last(), Some(&(text.len(), text.len())));
}

#[test]
fn the_reader_iterates_card_by_card_and_stops_after_an_error() {
    let text = "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nbroken\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:C\r\nEND:VCARD\r\n";
    let mut reader = VcardReader::new(text.as_bytes());
    assert_eq!(
        reader.next().expect("first").expect("valid").display_name,
        "A"
    );
    assert_eq!(
        reader.bytes_done(),
        "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n".len()
    );
    assert_eq!(
        reader.next().expect("second").expect_err("broken").line(),
        5
    );
    assert!(reader.next().is_none());
}

fn many_cards(count: usize) -> String {
    (0..count)
        .map(|index| {
            format!(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Peeters;Sofie;;;\r\nFN:Sofie Peeters {index}\r\n\
                 EMAIL;TYPE=work:sofie.{index}@example.be\r\nNOTE:{}\r\n  vervolg\r\nEND:VCARD\r\n",
                "Ontmoet op de havendag. ".repeat(3)
            )
        })
        .collect()
}

#[test]
fn a_large_file_is_read_in_time_proportional_to_its_size() {
    let small = many_cards(2_000);
    let large = many_cards(20_000);
    let contacts = read_vcards(large.as_bytes()).expect("valid");
    assert_eq!(contacts.len(), 20_000);
    assert_eq!(
        contacts[19_999].emails,
        vec!["sofie.19999@example.be".to_owned()]
    );
    // Ten times the input: linear reading takes about ten times as long, quadratic a hundred.
    let ratio = seconds_to_read(large.as_bytes()) / seconds_to_read(small.as_bytes());
    assert!(
        ratio < 40.0,
        "20,000 cards took {ratio:.1} times as long as 2,000"
    );
}

#[test]
fn an_unbalanced_quote_in_a_parameter_falls_back_to_the_first_colon() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sofie\r\nEMAIL;TYPE=\"work:sofie@example.be\r\nEND:VCARD\r\n";
    let contact = &read_vcards(text.as_bytes()).expect("valid")[0];
    assert_eq!(contact.emails, vec!["sofie@example.be".to_owned()]);
}

/// Seconds to read `bytes`, whatever the outcome: the fastest of five runs, so a busy machine
/// does not make a linear reader look quadratic.
fn seconds_to_read(bytes: &[u8]) -> f64 {
    (0..5)
        .map(|_| {
            let started = Instant::now();
            let _ = read_vcards(bytes);
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
        .max(1e-6)
}

#[test]
fn pathological_continuations_are_read_in_linear_time() {
    let shapes: [fn(usize) -> String; 3] = [
        // A header that never reaches its colon, folded over and over.
        |count| {
            format!(
                "BEGIN:VCARD\r\nX-LONG;TYPE=a{}\r\nEND:VCARD\r\n",
                "\r\n ;TYPE=b".repeat(count)
            )
        },
        // A quoted-printable value with a soft line break on every line.
        |count| {
            format!(
                "BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:{}end\r\nEND:VCARD\r\n",
                "=C3=A9t=C3=A9=\r\n".repeat(count)
            )
        },
        // A vCard 2.1 base64 block of unindented lines.
        |count| {
            format!(
                "BEGIN:VCARD\r\nVERSION:2.1\r\nPHOTO;ENCODING=BASE64:\r\n{}\r\nEND:VCARD\r\n",
                "QUJDRA==\r\n".repeat(count).replace("==", "")
            )
        },
    ];
    for shape in shapes {
        let small = seconds_to_read(shape(2_000).as_bytes());
        let large = seconds_to_read(shape(200_000).as_bytes());
        // A hundred times the lines: about 100–250 times as long when linear (more lines fall
        // out of the cache), 10,000 times when quadratic. The wide margin keeps a busy machine
        // from failing a linear reader.
        assert!(
            large / small < 1_000.0,
            "a hundred times the lines took {:.1} times as long",
            large / small
        );
    }
}
