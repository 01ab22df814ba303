//! `kring capture` on the real binary and store: an Outlook invitation logged at the right local
//! time and captured again without change, a dry run that writes nothing, an e-mail reply, unknown
//! addresses added on request, and files that are refused with nothing logged.

mod common;

use common::Kring;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../kring-interop/tests/fixtures/capture")
        .join(name);
    path.to_str().unwrap().to_owned()
}

/// An Peeters (an.peeters@antwerpen.be, the fixtures' organiser) with the cards of Jan at the
/// port and Marie at Departement Omgeving (no address on her card), and Françoise.
fn network() -> (Kring, String, String, String) {
    let kring = Kring::initialised("An Peeters");
    let port = kring.id(&[
        "card",
        "add",
        "org",
        "--name",
        "Port of Antwerp-Bruges",
        "--website",
        "https://www.portofantwerpbruges.com",
    ]);
    let omgeving = kring.id(&[
        "card",
        "add",
        "org",
        "--name",
        "Departement Omgeving",
        "--website",
        "https://omgeving.vlaanderen.be",
    ]);
    let jan = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Jan Janssens",
        "--email",
        "jan.janssens@portofantwerpbruges.com",
        "--org",
        &port,
    ]);
    let marie = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Marie Dubois",
        "--org",
        &omgeving,
    ]);
    let francoise = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Françoise Dupré",
        "--email",
        "francoise.dupre@wallonie.be",
    ]);
    (kring, jan, marie, francoise)
}

/// Runs `kring` in Brussels time, as a networker there would.
fn capture(kring: &Kring, args: &[&str]) -> common::Run {
    let mut all = vec!["capture"];
    all.extend_from_slice(args);
    kring.run_with_env(&all, &[("TZ", "Europe/Brussels")])
}

fn capture_json(kring: &Kring, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let run = capture(kring, &all);
    assert_eq!(run.code, 0, "kring capture {args:?} failed: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {}", run.stdout))
}

#[test]
fn an_outlook_invitation_is_logged_with_the_known_people_at_the_local_time_and_once_only() {
    let (kring, jan, marie, _) = network();
    let invitation = fixture("outlook_invitation.ics");
    let dry = capture_json(&kring, &[&invitation, "--dry-run"]);
    assert_eq!(dry["dry_run"], true);
    let item = &dry["items"][0];
    assert_eq!(item["action"], "log");
    assert_eq!(
        item["reason"]["code"], "log",
        "codes beside sentences: {item}"
    );
    assert_eq!(item["kind"], "meeting");
    assert_eq!(item["at"], "2024-03-12T14:00:00+01:00");
    assert_eq!(item["unknown"][0]["address"], "koen.claes@deltaconsult.be");
    assert!(
        kring.json(&["card", "show", &jan, "--json"])["interactions"]
            .as_array()
            .unwrap()
            .is_empty(),
        "a dry run logs nothing"
    );

    let done = capture_json(&kring, &[&invitation]);
    assert_eq!(done["totals"]["logged"], 1);
    assert!(done["items"][0]["interaction"].is_string());
    let shown = kring.json(&["card", "show", &jan, "--json"]);
    let interactions = shown["interactions"].as_array().unwrap();
    assert_eq!(interactions.len(), 1);
    assert_eq!(interactions[0]["at"], "2024-03-12T14:00:00+01:00");
    assert_eq!(interactions[0]["kind"], "meeting");
    let names: Vec<&str> = interactions[0]["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Marie Dubois") && names.contains(&"Jan Janssens"),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.contains("Koen")),
        "the unknown third is not logged"
    );
    assert_eq!(
        kring.json(&["card", "show", &marie, "--json"])["interactions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let before = kring.snapshot();
    let again = capture(&kring, &[&invitation]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.contains("already logged"), "{}", again.stdout);
    assert_eq!(
        kring.snapshot(),
        before,
        "capturing it again changes nothing"
    );
}

#[test]
fn the_text_output_names_who_was_matched_and_who_is_unknown() {
    let (kring, _, _, _) = network();
    let run = capture(&kring, &[&fixture("outlook_invitation.ics"), "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = run.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("meeting  2024-03-12 14:00  Overleg kaaimuren Scheldekaaien — log"),
        "{first}"
    );
    assert!(
        first.contains("With Jan Janssens, Marie Dubois (by name at their organisation)."),
        "{first}"
    );
    assert!(
        first.contains("Unknown: koen.claes@deltaconsult.be (Koen Claes)."),
        "{first}"
    );
    assert!(
        run.stdout
            .contains("Dry run: nothing was changed. Would log 1"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("--create-unknown"), "{}", run.stdout);
}

#[test]
fn an_email_reply_logs_one_email_with_the_known_correspondent() {
    let (kring, _, _, francoise) = network();
    let done = capture_json(&kring, &[&fixture("reply_encoded_words.eml")]);
    assert_eq!(done["totals"]["logged"], 1);
    let shown = kring.json(&["card", "show", &francoise, "--json"]);
    assert_eq!(shown["interactions"][0]["kind"], "email");
    assert_eq!(shown["interactions"][0]["at"], "2024-03-12T16:05:31+01:00");
}

#[test]
fn create_unknown_adds_the_third_attendee_as_a_card_and_logs_with_them() {
    let (kring, _, _, _) = network();
    let done = capture_json(
        &kring,
        &[&fixture("outlook_invitation.ics"), "--create-unknown"],
    );
    assert_eq!(done["totals"]["people_created"], 1);
    let hits = kring.json(&["search", "koen", "--json"]);
    let koen = hits[0]["id"].as_str().unwrap();
    let shown = kring.json(&["card", "show", koen, "--json"]);
    assert_eq!(shown["name"], "Koen Claes");
    assert_eq!(shown["interactions"].as_array().unwrap().len(), 1);
}

#[test]
fn an_unreadable_file_refuses_the_whole_capture_and_logs_nothing() {
    let (kring, _, _, _) = network();
    let dir = tempfile::tempdir().unwrap();
    let msg = dir.path().join("mail.msg");
    std::fs::write(&msg, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let invitation = fixture("outlook_invitation.ics");
    kring.fails(
        &["capture", &invitation, msg.to_str().unwrap()],
        "mail.msg: is an Outlook .msg file",
    );
    kring.fails(
        &["capture", "/no/such/file.ics"],
        "file.ics: does not exist",
    );
    let empty = dir.path().join("empty.ics");
    std::fs::write(&empty, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
    kring.fails(
        &["capture", empty.to_str().unwrap()],
        "holds no meeting to log",
    );
}
