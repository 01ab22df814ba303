//! Fuzz-style property tests: the readers never panic, whatever bytes they are given. Random
//! bytes, random mutations of every real corpus file and fixture, and random assemblies of vCard
//! fragments all end in `Ok` or in an `InteropError` that names a line inside the file.

mod common;

use common::mutations::{mutate, mutation};
use common::{corpus_bytes, corpus_names, fixture_bytes};
use kring_interop::{read_csv, read_vcards, InteropError};
use proptest::collection::vec;
use proptest::prelude::*;

const CSV_FIXTURES: [&str; 5] = [
    "linkedin_connections.csv",
    "outlook_contacts_windows1252.csv",
    "google_contacts.csv",
    "google_legacy_utf16le.csv",
    "contacten_puntkomma.csv",
];

/// Fragments that steer a mutation into the readers' tricky paths.
const FRAGMENTS: [&[u8]; 24] = [
    b"=",
    b"=\r\n",
    b":",
    b";",
    b",",
    b"\\",
    b"\"",
    b"^",
    b"\r\n",
    b"\n",
    b"\r",
    b"\r\n ",
    b"\r\n\r\n",
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b"AGENT:\r\n",
    b";ENCODING=QUOTED-PRINTABLE",
    b";ENCODING=b",
    b";CHARSET=ISO-8859-1",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\0",
    b"\xc3",
    b" ::: ",
];

/// An error must point inside the file (a line after the last one at most).
fn assert_sensible(error: &InteropError, bytes: &[u8]) {
    let lines = bytes
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count()
        .max(bytes.iter().filter(|&&byte| byte == b'\r').count())
        + 1;
    assert!(
        error.line() >= 1 && error.line() <= lines + 1,
        "{error} in a file of {lines} lines"
    );
    assert!(!error.reason().is_empty());
}

fn read_both(bytes: &[u8]) {
    if let Err(error) = read_vcards(bytes) {
        assert_sensible(&error, bytes);
    }
    if let Err(error) = read_csv(bytes, None, None) {
        // A UTF-16 file counts its lines in characters, not bytes; only check the line is set.
        assert!(error.line() >= 1, "{error}");
    }
}

fn vcard_line() -> impl Strategy<Value = Vec<u8>> {
    let names = prop_oneof![
        Just("FN"),
        Just("N"),
        Just("ORG"),
        Just("ADR"),
        Just("EMAIL"),
        Just("TEL"),
        Just("NOTE"),
        Just("BDAY"),
        Just("PHOTO"),
        Just("LABEL"),
        Just("KIND"),
        Just("X-ABShowAs"),
        Just("item1.EMAIL"),
        Just("CATEGORIES"),
        Just("BEGIN"),
        Just("END"),
        Just("VERSION"),
        Just("AGENT"),
        Just("KEY"),
    ];
    let parameters = vec(
        prop_oneof![
            Just(";ENCODING=QUOTED-PRINTABLE"),
            Just(";ENCODING=b"),
            Just(";BASE64"),
            Just(";CHARSET=UTF-8"),
            Just(";CHARSET=bogus"),
            Just(";TYPE=work,voice"),
            Just(";LABEL=\"a^nb:c\""),
            Just(";PREF"),
            Just(";X-APPLE-OMIT-YEAR=1604"),
            Just(";VALUE=uri"),
        ],
        0..3,
    );
    let value = vec(
        prop_oneof![
            Just("VCARD"),
            Just("4.0"),
            Just("2.1"),
            Just("org"),
            Just("COMPANY"),
            Just("=C3=91"),
            Just("=ZZ"),
            Just("="),
            Just("\\,"),
            Just("\\n"),
            Just(";"),
            Just(","),
            Just("--0415"),
            Just("1980-04-15"),
            Just("data:image/png;base64,iVBO"),
            Just("/9j/4AAQ"),
            Just("Müller"),
            Just("\r\n "),
            Just("\r\n"),
            Just(":"),
            Just("^"),
        ],
        0..6,
    );
    (names, parameters, value).prop_map(|(name, parameters, value)| {
        format!("{name}{}:{}\r\n", parameters.concat(), value.concat()).into_bytes()
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(512)
}

proptest! {
    // 512 cases by default; PROPTEST_CASES=100000 turns this into a longer fuzzing run.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_either_reader(bytes in vec(any::<u8>(), 0..2048)) {
        read_both(&bytes);
    }

    #[test]
    fn mutated_corpus_vcards_never_panic_either_reader(
        file in 0usize..18,
        mutations in vec(mutation(), 1..8),
    ) {
        let names = corpus_names();
        let bytes = mutate(corpus_bytes(&names[file % names.len()]), &mutations, &FRAGMENTS);
        read_both(&bytes);
    }

    #[test]
    fn mutated_csv_fixtures_never_panic_either_reader(
        file in 0..CSV_FIXTURES.len(),
        mutations in vec(mutation(), 1..8),
    ) {
        let bytes = mutate(fixture_bytes(CSV_FIXTURES[file]), &mutations, &FRAGMENTS);
        read_both(&bytes);
    }

    #[test]
    fn random_assemblies_of_vcard_lines_never_panic(lines in vec(vcard_line(), 0..24)) {
        let mut bytes = b"BEGIN:VCARD\r\n".to_vec();
        for line in lines {
            bytes.extend(line);
        }
        bytes.extend_from_slice(b"END:VCARD\r\n");
        read_both(&bytes);
    }
}
