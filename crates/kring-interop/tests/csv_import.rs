//! CSV import of the exports people have: LinkedIn, Outlook (Windows-1252), Google (current and
//! legacy UTF-16), and a Dutch semicolon list from Excel, with accents intact.

mod common;

use chrono::NaiveDate;
use common::fixture_bytes;
use kring_interop::{
    read_csv, AddressPart, ContactDraft, ContactKind, CsvField, CsvMapping, CsvPreset,
    InteropError, PostalAddressDraft,
};

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|value| (*value).to_owned()).collect()
}

fn some(value: &str) -> Option<String> {
    Some(value.to_owned())
}

fn named<'a>(contacts: &'a [ContactDraft], display_name: &str) -> &'a ContactDraft {
    contacts
        .iter()
        .find(|contact| contact.display_name == display_name)
        .unwrap_or_else(|| panic!("no contact named {display_name:?} in {contacts:#?}"))
}

#[test]
fn linkedin_connections_skip_the_notes_above_the_header() {
    let import = read_csv(&fixture_bytes("linkedin_connections.csv"), None, None).expect("valid");
    assert_eq!(import.preset, CsvPreset::LinkedIn);
    assert_eq!(import.header_line, 4);
    assert_eq!((import.encoding, import.delimiter), ("UTF-8", b','));
    assert_eq!(import.headers[6], "Connected On");
    let names: Vec<&str> = import
        .contacts
        .iter()
        .map(|contact| contact.display_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Sofie Peeters",
            "Jean-François Dubois",
            "Lieve Van den Broeck",
            "Thomas Müller"
        ]
    );
    let sofie = &import.contacts[0];
    assert_eq!(sofie.given_name, some("Sofie"));
    assert_eq!(sofie.family_name, some("Peeters"));
    assert_eq!(
        sofie.emails,
        strings(&["sofie.peeters@portofantwerpbruges.com"])
    );
    assert_eq!(sofie.organisation, some("Port of Antwerp-Bruges"));
    assert_eq!(sofie.job_title, some("Stakeholder Manager"));
    assert_eq!(
        sofie.websites,
        strings(&["https://www.linkedin.com/in/sofiepeeters"])
    );
    assert_eq!(sofie.extra_value("Connected On"), Some("12 Mar 2021"));
    assert_eq!(sofie.source_line, 5);
    let jean_francois = &import.contacts[1];
    assert!(
        jean_francois.emails.is_empty(),
        "LinkedIn hides this address"
    );
    assert_eq!(
        jean_francois.organisation,
        some("Région de Bruxelles-Capitale, perspective.brussels")
    );
    assert_eq!(jean_francois.job_title, some("Conseiller en mobilité"));
    assert_eq!(
        import.contacts[2].job_title,
        some("Beleidsmedewerker \"Internationaal\"")
    );
    assert_eq!(import.contacts[3].family_name, some("Müller"));
}

#[test]
fn outlook_export_in_windows_1252_keeps_accents_euro_signs_and_addresses() {
    let bytes = fixture_bytes("outlook_contacts_windows1252.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture really is Windows-1252"
    );
    let import = read_csv(&bytes, None, None).expect("valid");
    assert_eq!(import.preset, CsvPreset::Outlook);
    assert_eq!((import.encoding, import.delimiter), ("windows-1252", b','));
    assert_eq!(import.contacts.len(), 4);

    let sofie = named(&import.contacts, "Sofie Peeters");
    assert_eq!(
        sofie.honorific,
        some("Mevr."),
        "Outlook's Title is an honorific"
    );
    assert_eq!(sofie.organisation, some("Port of Antwerp-Bruges"));
    assert_eq!(
        sofie.organisation_units,
        strings(&["Stakeholdermanagement"])
    );
    assert_eq!(sofie.job_title, some("Stakeholder Manager"));
    assert_eq!(
        sofie.emails,
        strings(&["sofie.peeters@portofantwerpbruges.com"])
    );
    assert_eq!(
        sofie.phones,
        strings(&["+32 3 229 67 11", "+32 475 12 34 56"])
    );
    assert_eq!(sofie.categories, strings(&["Haven", "Prioriteit"]));
    assert_eq!(sofie.birthday, NaiveDate::from_ymd_opt(1980, 4, 15));
    assert_eq!(
        sofie.notes,
        some("Ontmoet op de Havendag 2023.\nOpvolgen: waterstofproject, budget € 50.000.")
    );
    assert_eq!(
        sofie.addresses,
        vec![PostalAddressDraft {
            street: some("Zaha Hadidplein 1"),
            locality: some("Antwerpen"),
            postal_code: some("2030"),
            country: some("België"),
            ..PostalAddressDraft::default()
        }]
    );
    assert_eq!(
        sofie.websites,
        strings(&["https://www.portofantwerpbruges.com"])
    );
    assert_eq!(sofie.extra_value("Initials"), Some("S.P."));
    assert!(
        sofie.extra_value("Gender").is_none(),
        "Outlook's placeholder values are not kept"
    );
    assert!(sofie.extra_value("Anniversary").is_none());

    let jean_francois = named(&import.contacts, "Jean-François Dubois");
    assert_eq!(jean_francois.organisation, some("Région wallonne"));
    assert_eq!(jean_francois.organisation_units, strings(&["Économie"]));
    assert_eq!(jean_francois.job_title, some("Conseiller à l'économie"));
    assert_eq!(
        jean_francois.emails,
        strings(&["jf.dubois@wallonie.be", "jeanfrancois.dubois@skynet.be"])
    );
    // 15/04/1980 in the same column proves day-first, so 3/02/1975 is the 3rd of February.
    assert_eq!(jean_francois.birthday, NaiveDate::from_ymd_opt(1975, 2, 3));
    assert_eq!(jean_francois.addresses.len(), 2);
    assert_eq!(
        jean_francois.addresses[0].street,
        some("Place de la Wallonie 1\nBâtiment II")
    );
    assert_eq!(
        jean_francois.addresses[1].street,
        some("Rue de l'Église 12")
    );
    assert_eq!(jean_francois.addresses[1].locality, some("Liège"));
    assert_eq!(
        jean_francois.notes,
        some("Rencontré à Liège; très intéressé par le port.")
    );
    assert_eq!(
        jean_francois.extra_value("Manager's Name"),
        Some("Søren Ørsted")
    );
    assert_eq!(jean_francois.extra_value("Spouse"), Some("Hélène"));

    let city = named(&import.contacts, "Stad Gent");
    assert_eq!(
        city.kind,
        ContactKind::Organisation,
        "a row with only a company"
    );
    assert_eq!(city.organisation, some("Stad Gent"));
    assert_eq!(city.organisation_units, strings(&["Dienst Economie"]));
    assert_eq!(city.emails, strings(&["economie@stad.gent"]));

    let thomas = named(&import.contacts, "Thomas Karl Müller");
    assert_eq!(thomas.honorific, some("Prof. dr."));
    assert_eq!(thomas.additional_names, some("Karl"));
    assert_eq!(thomas.honorific_suffix, some("Jr."));
    assert_eq!(thomas.role, some("Hoogleraar"));
    assert_eq!(thomas.job_title, some("Hoofd onderzoeksgroep"));
    assert_eq!(thomas.kind, ContactKind::Person);
}

#[test]
fn google_export_splits_multi_value_cells_and_reads_numbered_columns() {
    let import = read_csv(&fixture_bytes("google_contacts.csv"), None, None).expect("valid");
    assert_eq!(import.preset, CsvPreset::Google);
    assert_eq!(import.contacts.len(), 3);
    let lieve = named(&import.contacts, "Lieve Van den Broeck");
    assert_eq!(lieve.nicknames, strings(&["Lief"]));
    assert_eq!(lieve.organisation, some("Vlaamse Milieumaatschappij"));
    assert_eq!(lieve.job_title, some("Diensthoofd"));
    assert_eq!(lieve.organisation_units, strings(&["Afdeling Water"]));
    assert_eq!(
        lieve.emails,
        strings(&[
            "lieve.vandenbroeck@vmm.be",
            "l.vdbroeck@vmm.be",
            "lieve@telenet.be"
        ])
    );
    assert_eq!(
        lieve.phones,
        strings(&["+32 478 11 22 33", "+32 478 44 55 66"])
    );
    assert_eq!(
        lieve.categories,
        strings(&["Water", "Partners"]),
        "* myContacts is dropped"
    );
    assert_eq!(lieve.birthday, NaiveDate::from_ymd_opt(1985, 11, 30));
    assert_eq!(
        lieve.notes,
        some("Ontmoet op het Waterforum.\nWil samenwerken.")
    );
    assert_eq!(lieve.related, strings(&["Koen Janssens"]));
    assert_eq!(lieve.websites, strings(&["https://www.vmm.be"]));
    assert_eq!(
        lieve.addresses,
        vec![PostalAddressDraft {
            street: some("Dokter De Moorstraat 24-26"),
            locality: some("Aalst"),
            postal_code: some("9300"),
            country: some("België"),
            label: some("Dokter De Moorstraat 24-26\n9300 Aalst\nBelgië"),
            ..PostalAddressDraft::default()
        }]
    );
    assert_eq!(
        lieve.extra_value("Photo"),
        Some("https://lh3.googleusercontent.com/contacts/AAA")
    );
    let sofie = named(&import.contacts, "Sofie Peeters");
    assert_eq!(sofie.birthday, None, "--04-15 has no year");
    assert_eq!(sofie.extra_value("Birthday"), Some("--04-15"));
    assert_eq!(sofie.categories, strings(&["starred"]));
    let agency = named(&import.contacts, "Agentschap Innoveren & Ondernemen");
    assert_eq!(agency.kind, ContactKind::Organisation);
    assert_eq!(agency.emails, strings(&["info@vlaio.be"]));
}

#[test]
fn google_legacy_export_in_utf16_little_endian_is_read() {
    let import = read_csv(&fixture_bytes("google_legacy_utf16le.csv"), None, None).expect("valid");
    assert_eq!(import.encoding, "UTF-16LE");
    assert_eq!(import.preset, CsvPreset::Google);
    assert_eq!(import.contacts.len(), 2);
    let jean_francois = &import.contacts[0];
    assert_eq!(jean_francois.display_name, "Jean-François Dubois");
    assert_eq!(jean_francois.organisation, some("Région wallonne"));
    assert_eq!(jean_francois.job_title, some("Conseiller"));
    assert_eq!(jean_francois.organisation_units, strings(&["Économie"]));
    assert_eq!(jean_francois.role, some("Économiste"));
    assert_eq!(jean_francois.emails, strings(&["jf.dubois@wallonie.be"]));
    assert_eq!(jean_francois.phones, strings(&["+32 81 33 12 11"]));
    assert_eq!(jean_francois.categories, strings(&["Wallonie"]));
    assert_eq!(jean_francois.birthday, NaiveDate::from_ymd_opt(1975, 2, 3));
    assert_eq!(jean_francois.addresses[0].locality, some("Namur"));
    assert_eq!(import.contacts[1].display_name, "Sofie Peeters");
    assert_eq!(
        import.contacts[1].organisation,
        some("Port of Antwerp-Bruges")
    );
    assert!(import.contacts[1].categories.is_empty());
}

#[test]
fn a_dutch_semicolon_list_from_excel_is_guessed_column_by_column() {
    let import = read_csv(&fixture_bytes("contacten_puntkomma.csv"), None, None).expect("valid");
    assert_eq!((import.encoding, import.delimiter), ("UTF-8", b';'));
    assert_eq!(import.preset, CsvPreset::Generic);
    assert_eq!(
        import.headers[0], "Voornaam",
        "the byte-order mark is not part of the header"
    );
    assert_eq!(import.contacts.len(), 4);
    let sofie = named(&import.contacts, "Sofie Peeters");
    assert_eq!(sofie.organisation, some("Port of Antwerp-Bruges"));
    assert_eq!(sofie.job_title, some("Stakeholder Manager"));
    assert_eq!(
        sofie.emails,
        strings(&["sofie.peeters@portofantwerpbruges.com"])
    );
    assert_eq!(
        sofie.phones,
        strings(&["+32 475 12 34 56", "+32 3 229 67 11"])
    );
    assert_eq!(sofie.addresses[0].street, some("Zaha Hadidplein 1"));
    assert_eq!(sofie.addresses[0].postal_code, some("2030"));
    assert_eq!(sofie.addresses[0].locality, some("Antwerpen"));
    assert_eq!(sofie.addresses[0].country, some("België"));
    assert_eq!(sofie.birthday, NaiveDate::from_ymd_opt(1980, 4, 15));
    assert_eq!(sofie.notes, some("Ontmoet op de Havendag; opvolgen in mei"));
    assert_eq!(sofie.categories, strings(&["Haven", "Prioriteit"]));
    let lieve = named(&import.contacts, "Lieve Van den Broeck");
    assert_eq!(lieve.organisation, some("Stad Gent"));
    assert_eq!(lieve.birthday, NaiveDate::from_ymd_opt(1975, 2, 3));
    let company = named(&import.contacts, "Müller & Söhne GmbH");
    assert_eq!(company.kind, ContactKind::Organisation);
    assert_eq!(company.addresses[0].locality, some("Köln"));
    assert_eq!(company.categories, strings(&["Leverancier"]));
    let jean_francois = named(&import.contacts, "Jean-François Dubois");
    assert_eq!(jean_francois.notes, some("Contact via Lieve"));
    assert_eq!(jean_francois.source_line, 5);
}

#[test]
fn windows_1252_bytes_written_with_encoding_rs_are_decoded() {
    let text =
        "Prénom;Nom;Société;Courriel\r\nJean-François;Dubois;Région wallonne;jf@wallonie.be\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let import = read_csv(&bytes, None, None).expect("valid");
    assert_eq!(import.encoding, "windows-1252");
    let contact = &import.contacts[0];
    assert_eq!(contact.display_name, "Jean-François Dubois");
    assert_eq!(contact.organisation, some("Région wallonne"));
    assert_eq!(contact.emails, strings(&["jf@wallonie.be"]));
}

#[test]
fn utf16_big_endian_with_byte_order_mark_and_tabs_is_read() {
    let text = "Voornaam\tAchternaam\tBedrijf\nLieve\tVan den Broeck\tStad Gent\n";
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let import = read_csv(&bytes, None, None).expect("valid");
    assert_eq!((import.encoding, import.delimiter), ("UTF-16BE", b'\t'));
    assert_eq!(import.contacts[0].display_name, "Lieve Van den Broeck");
    assert_eq!(import.contacts[0].organisation, some("Stad Gent"));
}

#[test]
fn a_hand_built_mapping_replaces_the_guess() {
    let text = "col1,col2,col3\nSofie Peeters,sofie@example.be,Haven\n";
    let mut mapping = CsvMapping::new(vec![CsvField::DisplayName, CsvField::Email]);
    mapping.set(
        2,
        CsvField::Address {
            slot: 0,
            part: AddressPart::Locality,
        },
    );
    let import = read_csv(text.as_bytes(), None, Some(&mapping)).expect("valid");
    assert_eq!(import.mapping, mapping);
    let contact = &import.contacts[0];
    assert_eq!(contact.display_name, "Sofie Peeters");
    assert_eq!(contact.emails, strings(&["sofie@example.be"]));
    assert_eq!(contact.addresses[0].locality, some("Haven"));
}

#[test]
fn a_forced_preset_overrides_detection() {
    let text = "Title,First Name,Last Name\nDr.,Lieve,Van den Broeck\n";
    let generic = read_csv(text.as_bytes(), Some(CsvPreset::Generic), None).expect("valid");
    assert_eq!(generic.contacts[0].job_title, some("Dr."));
    let outlook = read_csv(text.as_bytes(), Some(CsvPreset::Outlook), None).expect("valid");
    assert_eq!(outlook.contacts[0].honorific, some("Dr."));
}

#[test]
fn unknown_columns_are_kept_as_extra_and_empty_rows_are_skipped() {
    let text = "Name,Email,Lidnummer\nSofie Peeters,sofie@example.be,A-1234\n,,\n\nLieve,,\n";
    let import = read_csv(text.as_bytes(), None, None).expect("valid");
    assert_eq!(import.contacts.len(), 2);
    assert_eq!(
        import.contacts[0].extra,
        vec![("Lidnummer".to_owned(), "A-1234".to_owned())]
    );
    assert_eq!(import.contacts[1].display_name, "Lieve");
    assert_eq!(import.contacts[1].source_line, 5);
}

#[test]
fn a_row_with_the_wrong_number_of_fields_names_its_line() {
    let text = "First Name,Last Name,E-mail Address\nSofie,Peeters,sofie@example.be\nLieve,Van den Broeck\n";
    let error = read_csv(text.as_bytes(), None, None).expect_err("short row");
    assert!(
        matches!(error, InteropError::Malformed { line: 3, .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "line 3: this row has 2 fields but the header on line 1 has 3"
    );
    let text = "a,b\n1,2\n3,4,5\n";
    assert_eq!(
        read_csv(text.as_bytes(), None, None)
            .expect_err("long row")
            .line(),
        3
    );
}

#[test]
fn undecodable_content_names_its_line() {
    let mut bytes = b"\xEF\xBB\xBFName,Email\nSofie,sofie@example.be\nLieve,".to_vec();
    bytes.extend_from_slice(b"\xff\xfe\xfd\n");
    let error = read_csv(&bytes, None, None).expect_err("invalid UTF-8 after a UTF-8 mark");
    assert!(
        matches!(error, InteropError::Undecodable { line: 3, .. }),
        "{error:?}"
    );
    let error = read_csv(b"Name\x00,Email\nx,y\n", None, None).expect_err("NUL bytes");
    assert_eq!(error.line(), 1);
}

#[test]
fn an_empty_file_or_a_workbook_is_refused() {
    assert_eq!(read_csv(b"", None, None).expect_err("empty").line(), 1);
    let error = read_csv(b"PK\x03\x04\x14\x00", None, None).expect_err("xlsx");
    assert!(error.reason().contains("workbook"), "{error}");
}

#[test]
fn a_title_line_above_the_header_is_skipped() {
    let text = "Contactenlijst havendag 2024\nVoornaam;Achternaam;E-mail\nSofie;Peeters;sofie@example.be\n";
    let import = read_csv(text.as_bytes(), None, None).expect("valid");
    assert_eq!(import.header_line, 2);
    assert_eq!(import.contacts[0].display_name, "Sofie Peeters");
    assert_eq!(import.contacts[0].emails, strings(&["sofie@example.be"]));
}

#[test]
fn a_single_column_list_of_addresses_is_read() {
    let import =
        read_csv(b"E-mail\nsofie@example.be\nlieve@example.be\n", None, None).expect("valid");
    let emails: Vec<&str> = import
        .contacts
        .iter()
        .map(|contact| contact.emails[0].as_str())
        .collect();
    assert_eq!(emails, ["sofie@example.be", "lieve@example.be"]);
    assert_eq!(import.contacts[1].display_name, "lieve@example.be");
}
