//! `kring sync --folder DIR`: a networker and a manager that only ever run `kring sync` end with
//! the same digest; a missing folder is refused with one line.

mod common;

use common::Kring;
use tempfile::TempDir;

fn store_in(dir: &TempDir, name: &str, role: &str) -> Kring {
    Kring::at(dir.path().join(name)).set_up(name, role)
}

#[test]
fn two_kring_sync_runs_on_each_side_bring_a_networker_and_the_manager_to_one_digest() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("OneDrive - Stad");
    std::fs::create_dir(&shared).unwrap();
    let folder = shared.to_str().unwrap();
    let an = store_in(&dir, "An", "networker");
    let mia = store_in(&dir, "Mia", "manager");
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

    let text = mia.ok(&["sync", "--folder", folder]);
    assert!(text.contains("imported 1 bundle(s)"), "{text}");
    assert!(text.contains("wrote master"), "{text}");

    let back = an.json(&["sync", "--folder", folder, "--json"]);
    assert_eq!(back["imported"].as_array().unwrap().len(), 1, "{back}");
    assert_eq!(an.digest(), mia.digest());
    assert!(mia
        .ok(&["search", "jan", "peeters"])
        .contains("Jan Peeters"));
    assert!(!mia.ok(&["search", "geheim"]).contains("Geheim"));

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
