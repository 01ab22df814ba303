//! Every file of the real-world vCard corpus (`tests/corpus/vcard/`, from the ez-vcard project,
//! BSD-2-Clause, see its LICENSE) read and checked value by value against what the file says.

mod common;

use chrono::NaiveDate;
use common::{corpus_bytes, corpus_names, crate_dir};
use kring_interop::{read_vcards, ContactDraft, ContactKind, PostalAddressDraft};

fn read(name: &str) -> Vec<ContactDraft> {
    read_vcards(&corpus_bytes(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn read_one(name: &str) -> ContactDraft {
    let mut contacts = read(name);
    assert_eq!(contacts.len(), 1, "{name} has one card");
    contacts.remove(0)
}

fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|value| (*value).to_owned()).collect()
}

fn some(value: &str) -> Option<String> {
    Some(value.to_owned())
}

const DISCLAIMER_START: &str =
    "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\"";

#[test]
fn the_corpus_holds_the_eighteen_vcards_with_their_readme_and_license() {
    let expected = [
        "John_Doe_ANDROID.vcf",
        "John_Doe_BLACK_BERRY.vcf",
        "John_Doe_EVOLUTION.vcf",
        "John_Doe_GMAIL.vcf",
        "John_Doe_IPHONE.vcf",
        "John_Doe_LOTUS_NOTES.vcf",
        "John_Doe_MAC_ADDRESS_BOOK.vcf",
        "John_Doe_MS_OUTLOOK.vcf",
        "fullcontact.vcf",
        "gmail-list.vcf",
        "gmail-single.vcf",
        "gmail-single2.vcf",
        "issue114.vcf",
        "outlook-2003.vcf",
        "outlook-2007.vcf",
        "rfc2426-example.vcf",
        "rfc6350-example.vcf",
        "thunderbird-MoreFunctionsForAddressBook-extension.vcf",
    ];
    let mut sorted = expected.map(str::to_owned).to_vec();
    sorted.sort();
    assert_eq!(corpus_names(), sorted, "every corpus file has a test below");
    let license =
        std::fs::read_to_string(crate_dir().join("tests/corpus/vcard/LICENSE")).expect("LICENSE");
    assert!(license.contains("Michael Angstadt"));
    let readme =
        std::fs::read_to_string(crate_dir().join("tests/corpus/vcard/README.md")).expect("README");
    assert!(readme.contains("ez-vcard"));
}

#[test]
fn android_export_gives_six_cards_with_quoted_printable_utf8_names() {
    let contacts = read("John_Doe_ANDROID.vcf");
    assert_eq!(contacts.len(), 6);
    // Cards 1 and 2 have only an email address, which becomes the display name.
    assert_eq!(contacts[0].display_name, "john.doe@company.com");
    assert_eq!(contacts[0].emails, strings(&["john.doe@company.com"]));
    assert_eq!(contacts[0].categories, strings(&["My Contacts"]));
    assert_eq!(contacts[1].emails, strings(&["jane.doe@company.com"]));
    assert_eq!(contacts[1].source_line, 6);
    // Card 3: N and FN quoted-printable UTF-8 (=C3=91 is Ñ).
    assert_eq!(contacts[2].display_name, "Ñ Ñ Ñ Ñ Ñ");
    assert_eq!(contacts[2].family_name, some("Ñ Ñ Ñ Ñ"));
    assert_eq!(contacts[2].phones, strings(&["123456789"]));
    // Card 4: soft line breaks inside N, FN and two NOTEs.
    let eleven = ["Ñ"; 11].join(" ");
    assert_eq!(contacts[3].display_name, eleven);
    assert_eq!(contacts[3].family_name, Some(eleven));
    assert_eq!(
        contacts[3].phones,
        strings(&["123456", "234567", "3456789", "45678901"])
    );
    let note = "Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ";
    assert_eq!(contacts[3].notes, Some(format!("{note}\n\n{note}")));
    // Card 5: given and family names, a quoted-printable email, two ORGs, a base64 photo.
    assert_eq!(contacts[4].display_name, "Ñ Ñ Ñ Ñ");
    assert_eq!(contacts[4].given_name, some("Ñ Ñ Ñ"));
    assert_eq!(contacts[4].family_name, some("Ñ Ñ"));
    assert_eq!(
        contacts[4].emails,
        vec!["bob@company.com".to_owned(), "Ñ".repeat(14)]
    );
    assert_eq!(contacts[4].phones, strings(&["123456", "123456", "123456"]));
    assert_eq!(contacts[4].organisation, Some("Ñ".repeat(12)));
    assert_eq!(
        contacts[4].extra_value("ORG"),
        Some("Ñ".repeat(12).as_str())
    );
    assert_eq!(
        contacts[4].websites,
        strings(&["www.company.com", "http://www.company.com"])
    );
    assert_eq!(
        contacts[4].photo_bytes,
        Some(876),
        "the photo's base64 has a dangling character"
    );
    // Card 6: a soft line break followed by an empty line, and an invalid UTF-8 byte (=80).
    assert_eq!(contacts[5].display_name, "ÑÑÑÑ");
    assert_eq!(contacts[5].emails, strings(&["henry@company.com"]));
    assert_eq!(contacts[5].phones, strings(&["55556666"]));
    assert_eq!(contacts[5].organisation, Some("Ñ".repeat(44)));
    let second_org = &contacts[5].extra[0];
    assert_eq!(second_org.0, "ORG");
    assert_eq!(second_org.1, format!("{}\u{FFFD}", "Ñ".repeat(44)));
    assert_eq!(contacts[5].source_line, 71);
}

#[test]
fn blackberry_export_reads_a_base64_photo_on_one_line_ended_by_a_blank_line() {
    let contact = read_one("John_Doe_BLACK_BERRY.vcf");
    assert_eq!(contact.display_name, "John Doe");
    assert_eq!(contact.given_name, some("john"));
    assert_eq!(contact.family_name, some("Doe"));
    assert_eq!(contact.organisation, some("Acme Solutions"));
    assert_eq!(contact.phones, strings(&["+96123456789"]));
    assert_eq!(contact.photo_bytes, Some(1674));
    assert_eq!(contact.notes, None, "NOTE: is empty");
    assert_eq!(contact.kind, ContactKind::Person);
}

#[test]
fn evolution_export_reads_folded_lines_escapes_and_organisation_units() {
    let contact = read_one("John_Doe_EVOLUTION.vcf");
    assert_eq!(contact.display_name, "Mr. John Richter, James Doe Sr.");
    assert_eq!(contact.family_name, some("Doe"));
    assert_eq!(contact.given_name, some("John"));
    assert_eq!(contact.additional_names, some("Richter, James"));
    assert_eq!(contact.honorific, some("Mr."));
    assert_eq!(contact.honorific_suffix, some("Sr."));
    assert_eq!(contact.nicknames, strings(&["Johny"]));
    assert_eq!(contact.organisation, some("IBM"));
    assert_eq!(
        contact.organisation_units,
        strings(&["Accounting", "Dungeon"])
    );
    assert_eq!(contact.job_title, some("Money Counter"));
    assert_eq!(contact.emails, strings(&["john.doe@ibm.com"]));
    assert_eq!(contact.phones, strings(&["905-666-1234", "905-555-1234"]));
    assert_eq!(contact.websites, strings(&["http://www.ibm.com"]));
    assert_eq!(contact.uid, some("477343c8e6bf375a9bac1f96a5000837"));
    assert_eq!(contact.categories, strings(&["VIP"]));
    assert_eq!(contact.birthday, date(1980, 3, 22));
    assert_eq!(
        contact.addresses,
        vec![PostalAddressDraft {
            post_office_box: some("ASB-123"),
            street: some("15 Crescent moon drive"),
            locality: some("Albaney"),
            region: some("New York"),
            postal_code: some("12345"),
            country: some("United States of America"),
            ..PostalAddressDraft::default()
        }]
    );
    let notes = contact.notes.as_deref().expect("a note");
    assert!(notes.starts_with(DISCLAIMER_START), "{notes}");
    assert!(
        notes.contains("SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS"),
        "{notes}"
    );
    assert!(notes.ends_with("EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE."));
    assert_eq!(contact.extra_value("X-AIM"), Some("johnny5@aol.com"));
    assert_eq!(
        contact.extra_value("X-EVOLUTION-FILE-AS"),
        Some("Doe, John")
    );
    assert_eq!(contact.extra_value("X-EVOLUTION-SPOUSE"), Some("Maria"));
    assert_eq!(
        contact.extra_value("X-COUCHDB-APPLICATION-ANNOTATIONS"),
        Some("{\"Evolution\":{\"revision\":\"2012-03-05T13:32:54Z\"}}")
    );
    assert_eq!(contact.extra_value("REV"), Some("2012-03-05T13:32:54Z"));
}

#[test]
fn gmail_export_reads_the_names_emails_phones_and_free_form_address() {
    let contact = read_one("John_Doe_GMAIL.vcf");
    assert_eq!(contact.display_name, "Mr. John Richter, James Doe Sr.");
    assert_eq!(contact.family_name, some("Doe"));
    assert_eq!(contact.given_name, some("John"));
    assert_eq!(contact.additional_names, some("Richter, James"));
    assert_eq!(contact.emails, strings(&["john.doe@ibm.com"]));
    assert_eq!(contact.phones, strings(&["905-555-1234", "905-666-1234"]));
    assert_eq!(contact.organisation, some("IBM"));
    assert_eq!(contact.job_title, some("Money Counter"));
    assert_eq!(contact.birthday, date(1980, 3, 22));
    assert_eq!(
        contact.websites,
        strings(&["http://www.ibm.com"]),
        "http\\: is unescaped"
    );
    // Gmail puts the whole formatted address in the extended-address component.
    assert_eq!(
        contact.addresses,
        vec![PostalAddressDraft {
            label: some(
                "Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\nUnited States of America"
            ),
            ..PostalAddressDraft::default()
        }]
    );
    let notes = contact.notes.as_deref().expect("a note");
    assert!(
        notes.starts_with(DISCLAIMER_START),
        "escaped quotes are unescaped: {notes}"
    );
    assert!(notes.ends_with("SUCH DAMAGE.\nFavotire Color: Blue"));
    assert_eq!(contact.extra_value("X-PHONETIC-FIRST-NAME"), Some("Jon"));
    assert_eq!(contact.extra_value("X-PHONETIC-LAST-NAME"), Some("Dow"));
    assert_eq!(contact.extra_value("item1.X-ABDATE"), Some("1975-03-01"));
    assert_eq!(contact.extra_value("item2.X-ABRELATEDNAMES"), Some("Jenny"));
    assert_eq!(
        contact.extra_value("item2.X-ABLabel"),
        Some("_$!<Spouse>!$_")
    );
}

#[test]
fn iphone_export_with_cr_cr_lf_line_endings_reads_groups_and_a_large_photo() {
    let contact = read_one("John_Doe_IPHONE.vcf");
    assert_eq!(contact.display_name, "Mr. John Richter James Doe Sr.");
    assert_eq!(contact.additional_names, some("Richter,James"));
    assert_eq!(contact.organisation, some("IBM"));
    assert_eq!(contact.organisation_units, strings(&["Accounting"]));
    assert_eq!(contact.job_title, some("Money Counter"));
    assert_eq!(
        contact.emails,
        strings(&["john.doe@ibm.com"]),
        "grouped item1.EMAIL"
    );
    assert_eq!(
        contact.phones,
        strings(&[
            "905-555-1234",
            "905-666-1234",
            "905-777-1234",
            "905-888-1234",
            "905-999-1234",
            "905-111-1234",
            "905-222-1234"
        ])
    );
    assert_eq!(contact.addresses.len(), 2);
    assert_eq!(contact.addresses[0].street, some("Silicon Alley 5,"));
    assert_eq!(
        contact.addresses[0].country,
        some("United States of America")
    );
    assert_eq!(
        contact.addresses[1].street,
        some("Street4\nBuilding 6\nFloor 8")
    );
    assert_eq!(contact.addresses[1].region, None);
    assert_eq!(contact.addresses[1].country, some("USA"));
    assert_eq!(contact.websites, strings(&["http://www.ibm.com"]));
    assert_eq!(contact.birthday, date(2012, 6, 6));
    assert_eq!(contact.photo_bytes, Some(32531));
    assert_eq!(
        contact.extra_value("item2.X-ABLabel"),
        Some("_$!<AssistantPhone>!$_")
    );
    assert_eq!(contact.extra_value("item3.X-ABADR"), Some("Silicon Alley"));
}

#[test]
fn lotus_notes_export_matches_its_label_to_the_home_address() {
    let contact = read_one("John_Doe_LOTUS_NOTES.vcf");
    assert_eq!(contact.display_name, "Mr. Doe John I Johny");
    assert_eq!(contact.given_name, some("John"));
    assert_eq!(contact.family_name, some("Doe"));
    assert_eq!(contact.additional_names, some("Johny"));
    assert_eq!(contact.honorific_suffix, some("I"));
    assert_eq!(
        contact.nicknames,
        strings(&["Johny,JayJay"]),
        "an escaped comma stays inside"
    );
    assert_eq!(contact.organisation, some("IBM"));
    assert_eq!(contact.organisation_units, strings(&["SUN"]));
    assert_eq!(contact.job_title, some("Generic Accountant"));
    assert_eq!(contact.role, some("Counting Money"));
    assert_eq!(
        contact.emails,
        strings(&["john.doe@ibm.com", "billy_bob@gmail.com"])
    );
    assert_eq!(
        contact.phones,
        strings(&["+1 (212) 204-34456", "00-1-212-555-7777"])
    );
    assert_eq!(contact.uid, some("0e7602cc-443e-4b82-b4b1-90f62f99a199"));
    assert_eq!(contact.birthday, date(1980, 5, 21));
    assert_eq!(contact.websites, strings(&["http://www.sun.com"]));
    assert_eq!(contact.photo_bytes, Some(7957));
    assert_eq!(
        contact.addresses,
        vec![PostalAddressDraft {
            street: some("25334\nSouth cresent drive, Building 5, 3rd floo r"),
            locality: some("New York"),
            region: some("New York"),
            postal_code: some("NYC887"),
            country: some("U.S.A."),
            label: some(
                "John Doe\nNew York, NewYork,\nSouth Crecent Dr ive,\nBuilding 5, floor 3,\nUSA"
            ),
            ..PostalAddressDraft::default()
        }]
    );
    assert_eq!(contact.extra_value("GEO"), Some("-2.600000;3.400000"));
    assert_eq!(
        contact.extra_value("X-ABUID"),
        Some("0E7602CC-443E-4B82-B4B1-90F62F99A199:ABPerson")
    );
    assert_eq!(contact.extra_value("SORT-STRING"), Some("JOHN"));
}

#[test]
fn mac_address_book_export_reads_a_bare_base64_parameter_and_indented_photo() {
    let contact = read_one("John_Doe_MAC_ADDRESS_BOOK.vcf");
    assert_eq!(contact.display_name, "Mr. John Richter,James Doe Sr.");
    assert_eq!(contact.additional_names, some("Richter,James"));
    assert_eq!(contact.organisation, some("IBM"));
    assert_eq!(contact.organisation_units, strings(&["Accounting"]));
    assert_eq!(contact.emails, strings(&["john.doe@ibm.com"]));
    assert_eq!(contact.phones.len(), 7);
    assert_eq!(contact.phones[0], "905-777-1234");
    assert_eq!(contact.phones[6], "905-222-1234");
    assert_eq!(contact.addresses[0].street, some("Silicon Alley 5,"));
    assert_eq!(
        contact.addresses[1].street,
        some("Street4\nBuilding 6\nFloor 8")
    );
    assert_eq!(contact.birthday, date(2012, 6, 6));
    assert_eq!(
        contact.photo_bytes,
        Some(18242),
        "PHOTO;BASE64: with two-space indentation"
    );
    assert!(contact
        .notes
        .as_deref()
        .is_some_and(|notes| notes.starts_with(DISCLAIMER_START)));
    assert_eq!(contact.extra_value("item5.X-ABRELATEDNAMES"), Some("Jenny"));
    assert_eq!(contact.extra_value("item5.X-ABLabel"), Some("Spouse"));
}

#[test]
fn ms_outlook_export_reads_quoted_printable_labels_for_both_addresses() {
    let contact = read_one("John_Doe_MS_OUTLOOK.vcf");
    assert_eq!(contact.display_name, "Mr. John Richter James Doe Sr.");
    assert_eq!(contact.additional_names, some("Richter,James"));
    assert_eq!(contact.nicknames, strings(&["Johny"]));
    assert_eq!(contact.organisation, some("IBM"));
    assert_eq!(contact.organisation_units, strings(&["Accounting"]));
    assert_eq!(contact.job_title, some("Money Counter"));
    assert_eq!(contact.role, some("Counting Money"));
    assert_eq!(contact.emails, strings(&["john.doe@ibm.cm"]));
    assert_eq!(
        contact.phones,
        strings(&["(905) 555-1234", "(905) 666-1234"])
    );
    assert_eq!(contact.birthday, date(1980, 3, 22), "BDAY:19800322");
    assert_eq!(contact.websites, strings(&["http://www.ibm.com"]));
    assert_eq!(contact.photo_bytes, Some(860));
    assert_eq!(contact.addresses.len(), 2);
    assert_eq!(contact.addresses[0].street, some("Cresent moon drive"));
    assert_eq!(
        contact.addresses[0].label,
        some("Cresent moon drive\nAlbaney, New York  12345")
    );
    assert_eq!(contact.addresses[1].street, some("Silicon Alley 5,"));
    assert_eq!(
        contact.addresses[1].label,
        some("Silicon Alley 5,\nNew York, New York  12345")
    );
    assert_eq!(
        contact.extra_value("X-MS-IMADDRESS"),
        Some("johny5@aol.com")
    );
    assert_eq!(contact.extra_value("X-MS-MANAGER"), Some("Big Blue"));
    assert!(contact
        .extra_value("X-MS-OL-DESIGN")
        .is_some_and(|design| design.ends_with("</card>")));
}

#[test]
fn fullcontact_export_keeps_the_first_org_and_title_and_the_rest_in_extra() {
    let contact = read_one("fullcontact.vcf");
    assert_eq!(
        contact.display_name,
        "Prefix FirstName MiddleName LastName Suffix"
    );
    assert_eq!(contact.family_name, some("LastName"));
    assert_eq!(contact.given_name, some("FirstName"));
    assert_eq!(contact.additional_names, some("MiddleName"));
    assert_eq!(contact.honorific, some("Prefix"));
    assert_eq!(contact.honorific_suffix, some("Suffix"));
    assert_eq!(contact.nicknames, strings(&["NickName"]));
    assert_eq!(
        contact.emails,
        strings(&[
            "home@example.com",
            "work@example.com",
            "school@example.com",
            "other@example.com",
            "custom@example.com"
        ])
    );
    let phones: Vec<String> = (1111..=1119)
        .map(|last| format!("555-555-{last}"))
        .collect();
    assert_eq!(contact.phones, phones);
    assert_eq!(contact.organisation, some("Organization1"));
    assert_eq!(contact.organisation_units, strings(&["Department1"]));
    assert_eq!(contact.job_title, some("Title1"));
    assert_eq!(
        contact.extra_value("ORG"),
        Some("Organization2;Department2")
    );
    assert_eq!(contact.extra_value("TITLE"), Some("Title2"));
    assert_eq!(
        contact.birthday,
        date(2016, 8, 1),
        "two ALTID forms of one birthday"
    );
    assert!(contact.extra_value("BDAY").is_none());
    assert_eq!(contact.notes, some("Notes line 1\nNotes line 2"));
    assert_eq!(contact.categories, strings(&["Tag"]));
    assert_eq!(contact.websites.len(), 4);
    assert_eq!(contact.addresses.len(), 4);
    assert_eq!(
        contact.addresses[0],
        PostalAddressDraft {
            extended_address: some("HomeExtended"),
            street: some("HomeStreet"),
            locality: some("HomeCity"),
            region: some("HomeState"),
            postal_code: some("HomePostal"),
            country: some("HomeCountry"),
            ..PostalAddressDraft::default()
        }
    );
    assert_eq!(contact.addresses[3].country, some("CustomCountry"));
    assert_eq!(contact.photo_bytes, None, "the photos are URLs");
    assert!(contact
        .extra_value("PHOTO")
        .is_some_and(|url| url.starts_with("https://")));
    assert_eq!(contact.extra_value("IMPP"), Some("xmpp:gtalk"));
    assert_eq!(contact.extra_value("GENDER"), Some("M"));
}

#[test]
fn gmail_list_export_gives_three_people() {
    let contacts = read("gmail-list.vcf");
    let names: Vec<&str> = contacts
        .iter()
        .map(|contact| contact.display_name.as_str())
        .collect();
    assert_eq!(names, ["Arnold Smith", "Chris Beatle", "Doug White"]);
    let emails: Vec<&str> = contacts
        .iter()
        .map(|contact| contact.emails[0].as_str())
        .collect();
    assert_eq!(
        emails,
        [
            "asmithk@gmail.com",
            "chrisy55d@yahoo.com",
            "dwhite@gmail.com"
        ]
    );
    assert_eq!(contacts[1].given_name, some("Chris"));
    assert_eq!(contacts[1].family_name, some("Beatle"));
    let lines: Vec<usize> = contacts.iter().map(|contact| contact.source_line).collect();
    assert_eq!(lines, [1, 7, 13]);
}

#[test]
fn gmail_single_export_reads_grouped_phones_addresses_and_urls() {
    let contact = read_one("gmail-single.vcf");
    assert_eq!(contact.display_name, "Greg Dartmouth");
    assert_eq!(contact.nicknames, strings(&["Gman"]));
    assert_eq!(contact.emails, strings(&["gdartmouth@hotmail.com"]));
    assert_eq!(contact.phones, strings(&["555 555 1111", "555 555 2222"]));
    assert_eq!(contact.organisation, some("TheCompany"));
    assert_eq!(contact.job_title, some("TheJobTitle"));
    assert_eq!(contact.birthday, date(1960, 9, 10));
    assert_eq!(contact.websites, strings(&["http://TheProfile.com"]));
    assert_eq!(contact.addresses.len(), 2);
    assert_eq!(
        contact.addresses[0].street,
        some("123 Home St\nHome City, HM 12345")
    );
    assert_eq!(
        contact.addresses[1],
        PostalAddressDraft {
            street: some("321 Custom St"),
            locality: some("Custom City"),
            region: some("TX"),
            postal_code: some("98765"),
            country: some("USA"),
            ..PostalAddressDraft::default()
        }
    );
    assert_eq!(
        contact.notes,
        some("This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField")
    );
    assert_eq!(contact.extra_value("X-ICQ"), Some("123456789"));
    assert_eq!(
        contact.extra_value("item1.X-ABLabel"),
        Some("GRAND_CENTRAL")
    );
}

#[test]
fn gmail_single2_export_reads_every_email_phone_and_address() {
    let contact = read_one("gmail-single2.vcf");
    assert_eq!(contact.display_name, "VCard Test");
    assert_eq!(contact.given_name, some("VCard"));
    assert_eq!(contact.family_name, some("Test"));
    assert_eq!(
        contact.emails,
        strings(&[
            "email@example.com",
            "homeemail@example.com",
            "workemail@example.com",
            "otheremail@example.com",
            "customcategory@example.com"
        ])
    );
    let phones: Vec<String> = (1111..=1121).map(|last| format!("555555{last}")).collect();
    assert_eq!(contact.phones, phones);
    let streets: Vec<Option<String>> = contact
        .addresses
        .iter()
        .map(|address| address.street.clone())
        .collect();
    assert_eq!(
        streets,
        [
            "111 Main St",
            "112 Main St",
            "113 Main St",
            "114 Main St",
            "115 Main St"
        ]
        .map(some)
    );
    assert!(contact
        .addresses
        .iter()
        .all(|address| address.postal_code == some("10011")));
    assert_eq!(contact.birthday, date(1912, 6, 23));
    let websites: Vec<String> = (1..=6)
        .map(|index| format!("http://www.example{index}.com"))
        .collect();
    assert_eq!(contact.websites, websites);
    assert_eq!(
        contact.notes,
        some("note line 1\nnote line 2\nCustomField: field value")
    );
    assert_eq!(contact.extra_value("X-SKYPE"), Some("IM5"));
    assert_eq!(contact.extra_value("X-ABDATE"), Some("1776-07-04"));
    assert_eq!(
        contact.extra_value("item25.X-ABRELATEDNAMES"),
        Some("Name16")
    );
}

#[test]
fn issue114_export_with_an_unquoted_colon_in_a_label_parameter_still_reads_the_address() {
    let contact = read_one("issue114.vcf");
    assert_eq!(contact.display_name, "Dummy, Dummy");
    assert_eq!(contact.organisation, some("Dummy GmbH"));
    assert_eq!(
        contact.phones,
        strings(&["+49 1234 56789", "+49 9876 54321"])
    );
    assert_eq!(contact.emails, strings(&["dummy.dummy@dummy.com"]));
    assert_eq!(contact.uid, some("8b574c60-fd7f-4e99-b584-c5db131ae687"));
    let address = &contact.addresses[0];
    assert_eq!(address.street, some("Dummy-Dummy-Strasse 1"));
    assert_eq!(address.locality, some("Bad Homburg"));
    assert_eq!(address.postal_code, some("61352"));
    assert_eq!(address.country, some("Germany"));
    // RFC 6868 caret escapes in the parameter: ^n is a line break, ^' a double quote.
    assert_eq!(
        address.label,
        some("Dummy-Dummy-Strasse 1 61352 Bad Homburg\nGERMANY\"")
    );
    // The writer's colon ended the parameters early: the rest lands in the first two components.
    assert_eq!(address.extended_address, some("BHG01:"));
    assert!(address
        .post_office_box
        .as_deref()
        .is_some_and(|text| text.starts_with("BHG01:^n61352")));
}

#[test]
fn outlook_2003_export_reads_a_soft_line_break_inside_an_escape_and_an_indented_key() {
    let contact = read_one("outlook-2003.vcf");
    assert_eq!(contact.display_name, "John Doe III");
    assert_eq!(contact.honorific, some("Mr."));
    assert_eq!(contact.honorific_suffix, some("III"));
    assert_eq!(contact.nicknames, strings(&["Joey"]));
    assert_eq!(contact.organisation, some("Company, The"));
    assert_eq!(contact.organisation_units, strings(&["TheDepartment"]));
    assert_eq!(contact.job_title, some("The Job Title"));
    assert_eq!(contact.role, some("TheProfession"));
    assert_eq!(
        contact.notes,
        some("This is the note field!!\nSecond line\n\nThird line is empty")
    );
    assert_eq!(
        contact.phones,
        strings(&[
            "BusinessPhone",
            "HomePhone",
            "MobilePhone",
            "BusinessFaxPhone"
        ])
    );
    assert_eq!(contact.emails, strings(&["jdoe@hotmail.com"]));
    assert_eq!(contact.birthday, date(1980, 3, 21));
    assert_eq!(
        contact.addresses,
        vec![PostalAddressDraft {
            extended_address: some("TheOffice"),
            street: some("123 Main St"),
            locality: some("Austin"),
            region: some("TX"),
            postal_code: some("12345"),
            country: some("United States of America"),
            label: some("TheOffice\n123 Main St\nAustin, TX 12345\nUnited States of America"),
            ..PostalAddressDraft::default()
        }]
    );
    assert!(contact
        .extra_value("KEY")
        .is_some_and(|key| key.starts_with("data:application/pkix-cert;base64,MIIDITCC")));
    assert_eq!(
        contact.extra_value("FBURL"),
        Some("????????????????s????????????")
    );
}

#[test]
fn outlook_2007_export_reads_quoted_printable_notes_with_charset() {
    let contact = read_one("outlook-2007.vcf");
    assert_eq!(contact.display_name, "Mr. Michael Angstadt Jr.");
    assert_eq!(contact.given_name, some("Michael"));
    assert_eq!(contact.family_name, some("Angstadt"));
    assert_eq!(contact.nicknames, strings(&["Mike"]));
    assert_eq!(contact.organisation, some("TheCompany"));
    assert_eq!(contact.organisation_units, strings(&["TheDepartment"]));
    assert_eq!(contact.job_title, some("TheJobTitle"));
    assert_eq!(
        contact.notes,
        some(
            "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\nBut I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting"
        )
    );
    assert_eq!(
        contact.phones,
        strings(&[
            "(111) 555-1111",
            "(111) 555-2222",
            "(111) 555-4444",
            "(111) 555-3333"
        ])
    );
    assert_eq!(contact.emails, strings(&["mike.angstadt@gmail.com"]));
    assert_eq!(contact.addresses[0].extended_address, some("TheOffice"));
    assert_eq!(contact.addresses[0].street, some("222 Broadway"));
    assert_eq!(
        contact.addresses[0].label,
        some("222 Broadway\nNew York, NY 99999\nUSA")
    );
    assert_eq!(contact.birthday, date(1922, 3, 10));
    assert_eq!(contact.photo_bytes, Some(2324));
    assert_eq!(contact.extra_value("X-MS-TEL"), Some("(111) 555-4444"));
    assert_eq!(contact.extra_value("X-MS-SPOUSE"), Some("TheSpouse"));
    assert_eq!(
        contact.extra_value("FBURL"),
        Some("http://website.com/mycal")
    );
}

#[test]
fn rfc2426_example_gives_two_people_with_folded_addresses() {
    let contacts = read("rfc2426-example.vcf");
    assert_eq!(contacts.len(), 2);
    let frank = &contacts[0];
    assert_eq!(frank.display_name, "Frank Dawson");
    assert_eq!(frank.kind, ContactKind::Person, "FN differs from ORG");
    assert_eq!(frank.organisation, some("Lotus Development Corporation"));
    assert_eq!(
        frank.emails,
        strings(&["Frank_Dawson@Lotus.com", "fdawson@earthlink.net"])
    );
    assert_eq!(
        frank.phones,
        strings(&["+1-919-676-9515", "+1-919-676-9564"])
    );
    assert_eq!(
        frank.websites,
        strings(&["http://home.earthlink.net/~fdawson"])
    );
    assert_eq!(frank.addresses[0].street, some("6544 Battleford Drive"));
    assert_eq!(frank.addresses[0].locality, some("Raleigh"));
    assert_eq!(frank.addresses[0].postal_code, some("27613-3502"));
    let tim = &contacts[1];
    assert_eq!(tim.display_name, "Tim Howes");
    assert_eq!(tim.organisation, some("Netscape Communications Corp."));
    assert_eq!(tim.emails, strings(&["howes@netscape.com"]));
    assert_eq!(tim.addresses[0].region, some("CA"));
    assert_eq!(tim.addresses[0].postal_code, some("94043"));
    assert_eq!(tim.source_line, 13);
}

#[test]
fn rfc6350_example_keeps_a_birthday_without_year_in_extra() {
    let contact = read_one("rfc6350-example.vcf");
    assert_eq!(contact.display_name, "Simon Perreault");
    assert_eq!(contact.given_name, some("Simon"));
    assert_eq!(contact.family_name, some("Perreault"));
    assert_eq!(contact.honorific_suffix, some("ing. jr,M.Sc."));
    assert_eq!(contact.birthday, None, "BDAY:--0203 has no year");
    assert_eq!(contact.extra_value("BDAY"), Some("--0203"));
    assert_eq!(contact.organisation, some("Viagenie"));
    assert_eq!(contact.emails, strings(&["simon.perreault@viagenie.ca"]));
    assert_eq!(
        contact.phones,
        strings(&["+1-418-656-9254;ext=102", "+1-418-262-6501"]),
        "tel: URIs"
    );
    assert_eq!(contact.websites, strings(&["http://nomis80.org"]));
    assert_eq!(contact.addresses[0].extended_address, some("Suite D2-630"));
    assert_eq!(contact.addresses[0].street, some("2875 Laurier"));
    assert_eq!(contact.addresses[0].locality, some("Quebec"));
    assert_eq!(contact.addresses[0].postal_code, some("G1V 2M2"));
    assert_eq!(contact.extra_value("GEO"), Some("geo:46.772673,-71.282945"));
    assert_eq!(
        contact.extra_value("KEY"),
        Some("http://www.viagenie.ca/simon.perreault/simon.asc")
    );
    assert_eq!(
        contact.extra_value("ANNIVERSARY"),
        Some("20090808T1430-0500")
    );
}

#[test]
fn thunderbird_export_reads_charset_parameters_and_a_photo_with_lf_endings() {
    let contact = read_one("thunderbird-MoreFunctionsForAddressBook-extension.vcf");
    assert_eq!(contact.display_name, "John Doe");
    assert_eq!(contact.nicknames, strings(&["Johnny"]));
    assert_eq!(contact.organisation, some("TheOrganization"));
    assert_eq!(contact.organisation_units, strings(&["TheDepartment"]));
    assert_eq!(contact.job_title, some("TheTitle"));
    assert_eq!(contact.emails.len(), 5);
    assert_eq!(contact.emails[0], "doe.john@hotmail.com");
    assert_eq!(contact.emails[4], "additional-email3@company.com");
    assert_eq!(
        contact.phones,
        strings(&[
            "555-555-1111",
            "555-555-2222",
            "555-555-5555",
            "555-555-3333",
            "555-555-4444"
        ])
    );
    assert_eq!(contact.addresses[0].extended_address, some("222 Broadway"));
    assert_eq!(contact.addresses[0].street, some("Suite 100"));
    assert_eq!(contact.addresses[1].locality, some("Austin"));
    assert_eq!(
        contact.websites,
        strings(&[
            "http://www.private-webpage.com",
            "http://www.work-webpage.com"
        ])
    );
    // The extension escapes the commas, which per RFC 2426 makes one category.
    assert_eq!(
        contact.categories,
        strings(&["category1, category2, category3"])
    );
    assert_eq!(contact.birthday, date(1970, 9, 21));
    assert_eq!(
        contact.notes,
        some("This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the \"note\" field; even curse words.")
    );
    assert_eq!(contact.photo_bytes, Some(8940));
    assert_eq!(contact.extra_value("X-SPOUSE"), Some("TheSpouse"));
}
