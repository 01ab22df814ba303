//! `kring sync --folder DIR`: a networker and a manager that only ever run `kring sync` end with
//! the same digest; a missing folder is refused with one line.

mod common;

use common::Kring;
use tempfile::TempDir;

fn store_in(dir: &TempDir, name: &str, role: &str) -> Kring {
    Kring::at(dir.path().join(name)).set_up(name, role)
}

#[test]
fn a_networker_who_joins_is_approved_through_the_folder_and_both_reach_one_digest() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("OneDrive - Stad");
    std::fs::create_dir(&shared).unwrap();
    let folder = shared.to_str().unwrap();
    let an = store_in(&dir, "An", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    // The manager invites An; An joins with the invitation.
    let invitation = dir.path().join("an.invitation");
    mia.ok(&["invite", "--out", invitation.to_str().unwrap()]);
    let joined = an.ok(&["join", invitation.to_str().unwrap()]);
    assert!(joined.contains("compare these fingerprints"), "{joined}");
    an.ok(&["card", "add", "person", "--name", "Jan Peeters"]);
    an.ok(&[
        "card",
        "add",
        "person",
        "--name",
        "Geheim Contact",
        "--visibility",
        "private",
    ]);

    let first = an.json(&["sync", "--folder", folder, "--json"]);
    assert_eq!(first["role"], "networker", "{first}");
    assert_eq!(first["exported"]["kind"], "Full", "{first}");
    assert_eq!(first["exported"]["private_kept_back"], 1, "{first}");

    // The manager's pass holds An's bundle: An is not on the roster yet.
    let text = mia.ok(&["sync", "--folder", folder]);
    assert!(text.contains("waiting for approval: An"), "{text}");
    assert!(!mia
        .ok(&["search", "jan", "peeters"])
        .contains("Jan Peeters"));
    let fingerprint = mia
        .json(&["members", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["status"] == "pending")
        .expect("An waits for approval")["fingerprint"]
        .as_str()
        .unwrap()
        .replace(' ', "");
    mia.ok(&["approve", &fingerprint]);
    let text = mia.ok(&["sync", "--folder", folder]);
    assert!(text.contains("imported 1 bundle(s)"), "{text}");
    assert!(text.contains("wrote master"), "{text}");

    // The masters: the one the manager wrote before An was on the roster (not encrypted: it had
    // no member to encrypt it to) and the one after.
    let back = an.json(&["sync", "--folder", folder, "--json"]);
    assert!(!back["imported"].as_array().unwrap().is_empty(), "{back}");
    assert_eq!(an.digest(), mia.digest());
    assert!(mia
        .ok(&["search", "jan", "peeters"])
        .contains("Jan Peeters"));
    assert!(!mia.ok(&["search", "geheim"]).contains("Geheim"));
    // An's Kring knows the roster now.
    let members = an.ok(&["members"]);
    assert!(
        members.contains("enrolled") && members.contains("Mia"),
        "{members}"
    );

    let again = mia.json(&["sync", "--folder", folder, "--json"]);
    assert!(
        again["exported"].is_null(),
        "nothing new, no master: {again}"
    );
    assert_eq!(again["peers"][0]["name"], "An", "{again}");
}

#[test]
fn a_missing_sync_folder_is_refused_with_one_line_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let missing = dir.path().join("Z-drive-not-mounted");
    an.fails(
        &["sync", "--folder", missing.to_str().unwrap()],
        "is not available",
    );
    assert!(!missing.exists());
}
