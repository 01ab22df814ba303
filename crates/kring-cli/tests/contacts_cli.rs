//! Contacts in and out through the command line: every corpus vCard, LinkedIn, Outlook and Google
//! CSV exports, re-imports that change nothing, a vCard round trip, and a calendar file that an
//! independent iCalendar parser accepts.

mod common;

use common::Kring;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn interop_tests() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../kring-interop/tests")
}

/// A store in a shared folder, set up for An Peeters.
fn store_in(dir: &Path, name: &str) -> Kring {
    Kring::at(dir.join(name)).set_up("An Peeters", "networker")
}

impl Kring {
    fn import(&self, file: &Path, extra: &[&str]) -> Value {
        let mut args = vec!["import-contacts", file.to_str().unwrap(), "--json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    fn names(&self) -> Vec<String> {
        self.json(&["card", "list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect()
    }

    fn card(&self, query: &str) -> Value {
        let hits = self.json(&["search", query, "--json"]);
        let id = hits[0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("'{query}' finds a card"))
            .to_owned();
        self.json(&["card", "show", &id, "--json"])
    }
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(interop_tests().join("corpus/vcard"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "vcf"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_vcard_imports_and_importing_them_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let kring = store_in(dir.path(), "store");
    let files = corpus_files();
    assert_eq!(files.len(), 18);
    for file in &files {
        let report = kring.import(file, &[]);
        assert!(
            report["contacts_read"].as_u64().unwrap() >= 1,
            "{}: {report}",
            file.display()
        );
    }
    let names = kring.names();
    for expected in ["John Doe", "Acme Solutions", "IBM"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} is among {names:?}"
        );
    }
    let john_does = kring
        .names()
        .iter()
        .filter(|n| n.as_str() == "John Doe")
        .count();
    assert!(
        (1..8).contains(&john_does),
        "the eight John Doe files that share an email or phone merge: {john_does} cards"
    );
    let before = kring.names();
    for file in &files {
        let report = kring.import(file, &[]);
        assert_eq!(
            (
                report["people_added"].as_u64(),
                report["organisations_added"].as_u64(),
                report["cards_updated"].as_u64()
            ),
            (Some(0), Some(0), Some(0)),
            "re-importing {} changes nothing: {report}",
            file.display()
        );
    }
    assert_eq!(kring.names(), before);
    assert!(kring.json(&["check", "--json"])["missing"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn linkedin_outlook_and_google_exports_import_with_people_organisations_and_accents() {
    let dir = tempfile::tempdir().unwrap();
    let kring = store_in(dir.path(), "store");
    let fixtures = interop_tests().join("fixtures");
    let linkedin = kring.import(&fixtures.join("linkedin_connections.csv"), &[]);
    assert_eq!(linkedin["preset"], "linkedin");
    let outlook = kring.import(
        &fixtures.join("outlook_contacts_windows1252.csv"),
        &["--preset", "outlook"],
    );
    assert_eq!(outlook["encoding"], "windows-1252");
    let google = kring.import(&fixtures.join("google_contacts.csv"), &[]);
    assert_eq!(google["preset"], "google");

    let jf = kring.card("jean francois dubois");
    assert_eq!(jf["name"], "Jean-François Dubois", "accents intact");
    let sofie = kring.card("sofie peeters");
    assert_eq!(
        sofie["fields"]["emails"][0],
        "sofie.peeters@portofantwerpbruges.com"
    );
    assert_eq!(
        sofie["affiliations"][0]["organisation_name"],
        "Port of Antwerp-Bruges"
    );
    assert_eq!(sofie["fields"]["job_title"], "Stakeholder Manager");
    let lieve = kring.card("lieve vmm");
    assert_eq!(
        lieve["affiliations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["organisation_name"] == "Vlaamse Milieumaatschappij")
            .count(),
        1
    );
    assert!(lieve["fields"]["emails"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "lieve.vandenbroeck@vmm.be"));
    assert!(
        kring.names().iter().any(|n| n == "KU Leuven"),
        "organisations become cards"
    );

    let before = kring.names();
    for (file, extra) in [
        ("linkedin_connections.csv", vec![]),
        (
            "outlook_contacts_windows1252.csv",
            vec!["--preset", "outlook"],
        ),
        ("google_contacts.csv", vec![]),
    ] {
        let again = kring.import(&fixtures.join(file), &extra);
        assert_eq!(
            (
                again["people_added"].as_u64(),
                again["cards_updated"].as_u64()
            ),
            (Some(0), Some(0)),
            "{file} again: {again}"
        );
    }
    assert_eq!(kring.names(), before, "re-importing changes nothing");
}

#[test]
fn a_dry_run_changes_nothing_and_a_malformed_file_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let kring = store_in(dir.path(), "store");
    let file = dir.path().join("two.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Koen Maes\r\nEMAIL:koen@gent.be\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let preview = kring.import(&file, &["--dry-run"]);
    assert_eq!(preview["people_added"], 1);
    assert!(kring.names().is_empty(), "a dry run adds nothing");
    let broken = dir.path().join("broken.vcf");
    std::fs::write(
        &broken,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan\r\nthis line has no colon\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let output = kring.run(&["import-contacts", broken.to_str().unwrap()]);
    assert_ne!(output.code, 0);
    let stderr = output.stderr;
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("broken.vcf") && stderr.contains("line 4"),
        "{stderr}"
    );
    assert!(kring.names().is_empty(), "nothing was imported");
}

#[test]
fn the_vcard_export_imports_back_to_the_same_cards() {
    let dir = tempfile::tempdir().unwrap();
    let first = store_in(dir.path(), "first");
    first.import(
        &interop_tests().join("fixtures/linkedin_connections.csv"),
        &[],
    );
    first.import(&interop_tests().join("fixtures/google_contacts.csv"), &[]);
    let exported = dir.path().join("cards.vcf");
    first.ok(&[
        "export-contacts",
        "--format",
        "vcard",
        "--out",
        exported.to_str().unwrap(),
    ]);
    let again = first.import(&exported, &[]);
    assert_eq!(
        (
            again["people_added"].as_u64(),
            again["cards_updated"].as_u64()
        ),
        (Some(0), Some(0)),
        "its own export changes nothing: {again}"
    );
    let second = store_in(dir.path(), "second");
    second.import(&exported, &[]);
    assert_eq!(second.names(), first.names(), "the same cards");
    let a = first.card("lieve vmm");
    let b = second.card("lieve vmm");
    for field in ["emails", "phones", "job_title", "tags"] {
        assert_eq!(
            a["fields"][field], b["fields"][field],
            "{field} survives the round trip"
        );
    }
    assert_eq!(
        a["affiliations"][0]["organisation_name"],
        b["affiliations"][0]["organisation_name"]
    );
}

#[test]
fn the_calendar_file_holds_the_follow_ups_and_an_independent_parser_accepts_it() {
    let dir = tempfile::tempdir().unwrap();
    let kring = store_in(dir.path(), "store");
    let person = kring
        .ok(&["card", "add", "person", "--name", "Hélène Dubois"])
        .trim()
        .to_owned();
    kring.ok(&[
        "log",
        "--with",
        &person,
        "--kind",
        "meeting",
        "--summary",
        "Overleg; walstroom, haven",
        // Dated before the due date: a follow-up is due on or after what it follows.
        "--at",
        "2026-01-05",
        "--follow-up",
        "Nota sturen",
        "--due",
        "2026-12-01",
    ]);
    let calendar = dir.path().join("follow-ups.ics");
    let out = kring.ok(&["export-calendar", "--out", calendar.to_str().unwrap()]);
    assert!(out.contains("1 follow-ups"), "{out}");
    let text = std::fs::read_to_string(&calendar).unwrap();
    assert!(
        text.contains("BEGIN:VTODO") && text.contains("DUE;VALUE=DATE:20261201"),
        "{text}"
    );
    assert!(text.contains("Nota sturen — Hélène Dubois"), "{text}");
    let python_has_reader = std::process::Command::new("python3")
        .args(["-c", "import icalendar"])
        .status()
        .is_ok_and(|s| s.success());
    if !python_has_reader {
        assert!(
            std::env::var_os("KRING_REQUIRE_PYTHON_VALIDATION").is_none(),
            "the icalendar package is required here"
        );
        eprintln!("SKIPPED: calendar file NOT validated independently (pip install icalendar)");
        return;
    }
    let status = std::process::Command::new("python3")
        .arg(interop_tests().join("validate_with_python.py"))
        .arg("icalendar")
        .arg(&calendar)
        .status()
        .unwrap();
    assert!(status.success(), "python's icalendar accepts the file");
}

#[test]
fn the_calendar_speaks_the_language_of_lang_and_keeps_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let kring = store_in(dir.path(), "store");
    let person = kring
        .ok(&["card", "add", "person", "--name", "Hélène Dubois"])
        .trim()
        .to_owned();
    kring.ok(&[
        "log",
        "--with",
        &person,
        "--kind",
        "meeting",
        "--summary",
        "Overleg walstroom",
        "--at",
        "2026-01-05",
        "--follow-up",
        "Nota sturen",
        "--due",
        "2026-12-01",
    ]);
    let written = |language: &str| {
        let calendar = dir.path().join(format!("opvolging-{language}.ics"));
        kring.ok(&[
            "--lang",
            language,
            "export-calendar",
            "--out",
            calendar.to_str().unwrap(),
        ]);
        // Long lines are folded (RFC 5545 §3.1): unfolded, the text reads whole.
        std::fs::read_to_string(&calendar)
            .unwrap()
            .replace("\r\n ", "")
    };
    let dutch = written("nl");
    for line in [
        "X-WR-CALNAME:Kring-opvolgingen",
        "SUMMARY:Nota sturen — Hélène Dubois",
        "DESCRIPTION:Na: Overleg walstroom (5 januari 2026)",
        "DESCRIPTION:Opvolging tegen 1 december 2026: Nota sturen — Hélène Dubois",
        "DUE;VALUE=DATE:20261201",
        "TRIGGER;RELATED=END:-PT900M",
    ] {
        assert!(dutch.contains(line), "{line} missing from {dutch}");
    }
    let french = written("fr");
    for line in [
        "X-WR-CALNAME:Suivis Kring",
        "DESCRIPTION:Après : Overleg walstroom (5 janvier 2026)",
        "DESCRIPTION:Suivi à faire pour le 1er décembre 2026 : Nota sturen — Hélène Dubois",
        "DUE;VALUE=DATE:20261201",
    ] {
        assert!(french.contains(line), "{line} missing from {french}");
    }
    for text in [&dutch, &french] {
        for english in [
            "follow-ups",
            "After:",
            "January",
            "December",
            "Follow-up due",
        ] {
            assert!(!text.contains(english), "{english} is English: {text}");
        }
    }
}
