//! A damaged vCard file is refused with the line number and the reason, never a panic and never
//! a silently half-read card.

mod common;

use common::corpus_bytes;
use kring_interop::{read_vcards, InteropError};

fn error_of(text: &str) -> InteropError {
    match read_vcards(text.as_bytes()) {
        Ok(contacts) => panic!("expected an error, read {contacts:?}"),
        Err(error) => error,
    }
}

#[test]
fn a_begin_without_end_names_the_last_line_and_the_line_where_the_card_began() {
    let error =
        error_of("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sofie Peeters\r\nEMAIL:sofie@example.be\r\n");
    assert!(
        matches!(error, InteropError::Malformed { line: 4, .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.starts_with("line 4: "), "{message}");
    assert!(
        message.contains("begins on line 1") && message.contains("END:VCARD is missing"),
        "{message}"
    );
}

#[test]
fn a_line_without_a_colon_is_refused_with_its_line_number() {
    let error =
        error_of("BEGIN:VCARD\nVERSION:3.0\nFN:Sofie Peeters\nthis line has no colon\nEND:VCARD\n");
    assert_eq!(error.line(), 4);
    assert!(error.reason().contains("no colon"), "{error}");
    assert!(
        error.to_string().contains("this line has no colon"),
        "{error}"
    );
}

#[test]
fn invalid_quoted_printable_names_the_physical_line_of_the_bad_escape() {
    let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Lieve\r\nNOTE;ENCODING=QUOTED-PRINTABLE:eerste=\r\nregel=0D=0A=\r\ntweede =ZZ regel\r\nEND:VCARD\r\n";
    let error = error_of(text);
    assert!(
        matches!(error, InteropError::Undecodable { line: 6, .. }),
        "{error:?}"
    );
    assert!(
        error.reason().contains("quoted-printable") && error.reason().contains("=ZZ"),
        "{error}"
    );
}

#[test]
fn a_truncated_corpus_file_is_refused_at_every_cut() {
    let bytes = corpus_bytes("John_Doe_EVOLUTION.vcf");
    for cut in (1..bytes.len() - 12).step_by(37) {
        let result = read_vcards(&bytes[..cut]);
        let error = result.expect_err(&format!("a file cut at byte {cut} is incomplete"));
        assert!(error.line() >= 1, "{error}");
        assert!(!error.reason().is_empty());
    }
}

#[test]
fn text_outside_a_card_is_refused() {
    let error = error_of("Hello,\r\nhere are my contacts\r\nBEGIN:VCARD\r\nFN:X\r\nEND:VCARD\r\n");
    assert_eq!(error.line(), 1);
    let error = error_of("BEGIN:VCARD\r\nFN:X\r\nEND:VCARD\r\nNOTE:stray\r\n");
    assert_eq!(error.line(), 4);
    assert!(error.reason().contains("outside a vCard"), "{error}");
}

#[test]
fn a_card_closed_by_the_wrong_end_is_refused() {
    let error = error_of("BEGIN:VCARD\r\nFN:X\r\nEND:VCALENDAR\r\n");
    assert_eq!(error.line(), 3);
    assert!(error.reason().contains("END:VCALENDAR"), "{error}");
}

#[test]
fn a_second_begin_inside_a_card_means_the_first_card_lost_its_end() {
    let error = error_of("BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n");
    assert_eq!(error.line(), 3);
    assert!(error.reason().contains("missing"), "{error}");
}

#[test]
fn an_empty_file_is_refused_as_containing_no_vcard() {
    for empty in ["", "\r\n\r\n", "   "] {
        let error = error_of(empty);
        assert_eq!(error.line(), 1);
        assert!(error.reason().contains("no vCard"), "{error}");
    }
}

#[test]
fn base64_with_characters_outside_the_alphabet_is_refused() {
    let error = error_of("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AA*QSk!\r\nEND:VCARD\r\n");
    assert!(
        matches!(error, InteropError::Undecodable { line: 4, .. }),
        "{error:?}"
    );
    assert!(error.reason().contains("base64"), "{error}");
}

#[test]
fn an_invalid_property_name_is_refused() {
    let error = error_of("BEGIN:VCARD\r\nFN:X\r\nNOTE FIELD:text\r\nEND:VCARD\r\n");
    assert_eq!(error.line(), 3);
    assert!(
        error.reason().contains("not a valid property name"),
        "{error}"
    );
    let error = error_of("BEGIN:VCARD\r\nFN:X\r\n:no name\r\nEND:VCARD\r\n");
    assert_eq!(error.line(), 3);
}

#[test]
fn the_error_message_reads_line_number_colon_reason() {
    let error = error_of("BEGIN:VCARD\r\nFN:X\r\n");
    assert_eq!(
        error.to_string(),
        format!("line {}: {}", error.line(), error.reason())
    );
}
