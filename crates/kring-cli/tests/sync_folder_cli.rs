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

#[test]
fn a_watch_lets_go_of_the_store_between_passes_so_another_process_opens_and_edits_it() {
    use kring_core::store::{OpenOptions, Store};
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let an = store_in(&dir, "An", "networker");
    an.ok(&["card", "add", "person", "--name", "Jan Peeters"]);
    let mut watcher = std::process::Command::new(assert_cmd::cargo::cargo_bin("kring"))
        .env_remove("KRING_STORE")
        .arg("--store")
        .arg(an.store())
        .args(["sync", "--folder", shared.to_str().unwrap()])
        .args(["--watch", "--interval", "3600", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("kring runs");
    let stdout = watcher.stdout.take().unwrap();
    let (lines, passes) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = lines.send(line);
        }
    });
    let first = passes.recv_timeout(std::time::Duration::from_secs(120));
    let opened = first.as_ref().ok().map(|_| {
        // The watcher sleeps until the next hour: the store is free, as it is for the app.
        Store::open(an.store(), &OpenOptions::default()).map(|store| {
            let id = store.create(
                &kring_core::model::Person {
                    display_name: "Tussendoor".into(),
                    ..Default::default()
                },
                None,
                chrono::Utc::now(),
            );
            (id.is_ok(), watcher.try_wait().ok().flatten().is_none())
        })
    });
    let _ = watcher.kill();
    let _ = watcher.wait();
    let first = first.expect("the watcher's first pass reports within two minutes");
    assert!(first.contains("\"role\":\"networker\""), "{first}");
    let (written, still_watching) = opened
        .unwrap()
        .expect("the store opens while the watcher waits for its next pass");
    assert!(written, "an edit is written while the watcher waits");
    assert!(
        still_watching,
        "the watcher was still running, between passes"
    );
    assert!(an.ok(&["search", "tussendoor"]).contains("Tussendoor"));
}

#[test]
fn kring_lang_nl_sync_says_why_a_file_was_skipped_in_dutch_and_json_keeps_english() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("gedeeld");
    std::fs::create_dir(&shared).unwrap();
    let mia = store_in(&dir, "Mia", "manager");
    // Not a bundle at all, under a bundle's name, where a manager reads networkers' files.
    let networkers = shared.join("kring-sync").join("networkers");
    std::fs::create_dir_all(&networkers).unwrap();
    std::fs::write(
        networkers.join("vreemd.kring"),
        b"no bundle here, just text",
    )
    .unwrap();
    let folder = shared.to_str().unwrap();
    let dutch = mia.ok(&["--lang", "nl", "sync", "--folder", folder]);
    assert!(dutch.contains("geen Kring-bundel"), "{dutch}");
    assert!(!dutch.contains("not a Kring bundle"), "{dutch}");
    let json = mia.json(&["--lang", "nl", "sync", "--folder", folder, "--json"]);
    let skipped = &json["skipped"][0];
    assert_eq!(skipped["code"], "bundle_wrong_magic");
    assert!(
        skipped["reason"]
            .as_str()
            .unwrap()
            .ends_with("not a Kring bundle (wrong magic bytes)"),
        "{skipped}"
    );
}
