//! The sync commands as a networker and a manager use them: export, inspect, import (with dry run),
//! digest, conflicts and resolve, trust, backup and restore — and their refusals.

mod common;

use common::{one_organisation, Kring};
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

/// A store named after its owner in a shared folder, set up with a role.
fn store_in(dir: &TempDir, name: &str, role: &str) -> Kring {
    Kring::at(dir.path().join(name)).set_up(name, role)
}

impl Kring {
    fn export(&self, path: &Path, extra: &[&str]) -> Value {
        let mut args = vec!["export", "--out", path.to_str().unwrap(), "--json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_networker_export_reaches_the_manager_and_the_master_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    mia.enrol(&an, "networker");
    let jan = an
        .ok(&[
            "card",
            "add",
            "person",
            "--name",
            "Jan Peeters",
            "--email",
            "jan@port.be",
        ])
        .trim()
        .to_owned();
    an.ok(&[
        "card",
        "add",
        "person",
        "--name",
        "Geheim Contact",
        "--visibility",
        "private",
    ]);
    let file = dir.path().join("an.kring");
    let report = an.export(&file, &[]);
    assert_eq!(report["private_kept_back"], 1, "{report}");
    assert_eq!(report["kind"], "Full");

    let preview = mia.json(&["import", arg(&file), "--dry-run", "--json"]);
    assert_eq!(preview["dry_run"], true);
    assert_eq!(
        preview["added"], 1,
        "Jan (An's own card came with her first bundle, when she was enrolled): {preview}"
    );
    assert!(
        mia.json(&["search", "jan", "--json"])
            .as_array()
            .unwrap()
            .is_empty(),
        "a dry run changes nothing"
    );
    let done = mia.json(&["import", arg(&file), "--json"]);
    assert_eq!(done["added"], 1);
    assert_eq!(mia.json(&["search", "jan", "--json"])[0]["id"], jan);
    assert!(
        mia.json(&["search", "geheim", "--json"])
            .as_array()
            .unwrap()
            .is_empty(),
        "private stays with An"
    );

    let master = dir.path().join("master.kring");
    mia.export(&master, &["--full"]);
    an.ok(&["import", arg(&master)]);
    assert_eq!(an.digest(), mia.digest());
    let again = mia.json(&["import", arg(&file), "--json"]);
    assert_eq!(
        (again["added"].as_u64(), again["changed"].as_u64()),
        (Some(0), Some(0)),
        "importing twice changes nothing"
    );
}

#[test]
fn inspect_shows_the_header_and_every_record_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    an.ok(&[
        "card",
        "add",
        "org",
        "--name",
        "Universiteit Antwerpen",
        "--sector",
        "knowledge",
    ]);
    let file = dir.path().join("an.kring");
    an.export(&file, &[]);
    let out = an.ok(&["inspect", arg(&file), "--jsonl"]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["header"]["author_name"], "An");
    assert_eq!(lines[0]["header"]["record_count"], 2);
    assert_eq!(lines.len(), 3, "header plus two records");
    assert!(
        lines[1..].iter().any(|r| r["kind"] == "organisation"
            && r["fields"]["name"]["value"] == "Universiteit Antwerpen"),
        "{out}"
    );
}

#[test]
fn a_concurrent_edit_is_listed_by_conflicts_and_settled_by_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let bert = store_in(&dir, "Bert", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    one_organisation(&mia, &[(&an, "networker"), (&bert, "networker")]);
    let jan = an
        .ok(&["card", "add", "person", "--name", "Jan Peeters"])
        .trim()
        .to_owned();
    // Handed over directly between colleagues: not encrypted (a networker's own exports are
    // for the managers).
    let first = dir.path().join("first.kring");
    an.export(&first, &["--plain"]);
    bert.ok(&["import", arg(&first)]);
    an.ok(&["card", "edit", &jan, "--set", "job_title=havenschepen"]);
    bert.ok(&["card", "edit", &jan, "--set", "job_title=burgemeester"]);
    let (from_an, from_bert) = (dir.path().join("an2.kring"), dir.path().join("bert2.kring"));
    an.export(&from_an, &["--full", "--plain"]);
    bert.export(&from_bert, &["--full", "--plain"]);
    an.ok(&["import", arg(&from_bert)]);
    bert.ok(&["import", arg(&from_an)]);
    let conflicts = an.json(&["conflicts", "--json"]);
    assert_eq!(conflicts[0]["id"], jan);
    assert_eq!(conflicts[0]["fields"][0]["field"], "job_title");
    let values: Vec<&Value> = vec![
        &conflicts[0]["fields"][0]["current"],
        &conflicts[0]["fields"][0]["losing"][0]["value"],
    ];
    assert!(
        values.contains(&&Value::from("havenschepen"))
            && values.contains(&&Value::from("burgemeester")),
        "{conflicts}"
    );
    assert_eq!(an.digest(), bert.digest());
    // Each value's writer by name, as the roster knows them, beside the node.
    let names: Vec<&Value> = vec![
        &conflicts[0]["fields"][0]["current_by_name"],
        &conflicts[0]["fields"][0]["losing"][0]["by_name"],
    ];
    assert!(
        names.iter().all(|n| n
            .as_str()
            .is_some_and(|n| n.contains("An") || n.contains("Bert"))),
        "{conflicts}"
    );
    let listed = an.ok(&["conflicts"]);
    assert!(
        listed.contains("Bert") && listed.contains(", node "),
        "the text names the writer and their node: {listed}"
    );
    an.ok(&[
        "resolve",
        &jan,
        "job_title",
        "--value",
        "schepen voor de haven",
    ]);
    assert_eq!(an.json(&["conflicts", "--json"]), serde_json::json!([]));
    let detail = an.json(&["card", "show", &jan, "--json"]);
    assert_eq!(detail["fields"]["job_title"], "schepen voor de haven");
    let run = an.run(&["resolve", &jan, "job_title", "--keep"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("has no conflict to resolve"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_files_get_one_line_naming_the_file_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    mia.enrol(&an, "networker");
    for n in 0..20 {
        an.ok(&["card", "add", "person", "--name", &format!("Persoon {n}")]);
    }
    // Plain, so that the damage below lands where the test means it to (a sealed file's damage
    // is refused the same way: kring-core's sync_scenarios).
    let good = dir.path().join("good.kring");
    an.export(&good, &["--plain"]);
    let bytes = std::fs::read(&good).unwrap();
    let before = mia.digest();
    let truncated = dir.path().join("truncated.kring");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let wrong = dir.path().join("contacts.vcf");
    std::fs::write(&wrong, "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n").unwrap();
    let mut flipped = bytes.clone();
    let last = flipped.len() - 10;
    flipped[last] ^= 0xff;
    let corrupt = dir.path().join("corrupt.kring");
    std::fs::write(&corrupt, flipped).unwrap();
    for (file, words) in [
        (&truncated, "truncated"),
        (&wrong, "not a Kring bundle"),
        (&corrupt, ""),
        (&dir.path().join("missing.kring"), "cannot be read"),
    ] {
        let run = mia.run(&["import", arg(&good), arg(file)]);
        assert_ne!(run.code, 0);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(
            run.stderr.contains(arg(file)) && run.stderr.contains(words),
            "{}",
            run.stderr
        );
        assert_eq!(
            mia.digest(),
            before,
            "nothing was imported, not even the good file"
        );
    }
}

#[test]
fn a_replaced_laptop_is_held_until_the_manager_trusts_it_after_comparing_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    mia.enrol(&an, "networker");
    // An's laptop is replaced by a copy of the store folder elsewhere: same data, and the copy
    // takes a new node id and keys, so its bundles come from a store not on the roster.
    let copy = Kring::at(dir.path().join("An-copy"));
    copy_dir(an.store(), copy.store());
    let note = copy.run(&["card", "add", "person", "--name", "Nieuw Contact"]);
    assert!(
        note.stderr.contains("copied or restored"),
        "the copy says it took a new node id: {}",
        note.stderr
    );
    let second = dir.path().join("second.kring");
    copy.ok(&["export", "--out", arg(&second), "--full"]);
    let imported = mia.json(&["import", arg(&second), "--json"]);
    assert_eq!(imported["files"], serde_json::json!([]), "nothing merged");
    assert_eq!(imported["held"].as_array().unwrap().len(), 1, "{imported}");
    let fingerprint = imported["held"][0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(mia
        .json(&["search", "nieuw", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
    let an_node = mia
        .json(&["members", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "An" && m["status"] == "enrolled")
        .expect("An is enrolled")["node"]
        .as_str()
        .unwrap()
        .to_owned();
    let members = mia.ok(&["members"]);
    assert!(
        members.contains("pending") && members.contains(&fingerprint),
        "{members}"
    );
    // ... and which node the copy wrote under before: approving it makes those writes its own.
    assert!(
        members.contains(&format!(
            "restored or copied before: also wrote as node {an_node};"
        )),
        "{members}"
    );
    // Mia is told whose store the copy says it is, and to compare fingerprints before approving.
    assert!(
        members.contains("says it writes for An <")
            && members.contains("Compare the fingerprint with An before approving"),
        "{members}"
    );
    let trusted = mia.ok(&["trust", arg(&second)]);
    assert!(trusted.contains(&fingerprint), "{trusted}");
    // What was held from the copy is merged once it is trusted, and its held copy is gone.
    assert_eq!(
        mia.json(&["search", "nieuw", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let held_copies = std::fs::read_dir(mia.store().join("pending"))
        .map(|copies| copies.count())
        .unwrap_or(0);
    assert_eq!(held_copies, 0, "no held copy is left on no list");
    // Approval did not take the copy's claim on An's node, which is on the roster: there is no
    // claim to drop, and only a manager may drop one.
    let copy_node = mia
        .json(&["members", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["fingerprint"] == fingerprint.as_str())
        .expect("the copy is enrolled")["node"]
        .as_str()
        .unwrap()
        .to_owned();
    let refused = mia.run(&["drop-claim", &copy_node, &an_node]);
    assert!(
        refused.code != 0
            && refused.stderr.contains(&format!(
                "does not name node {an_node} as one it wrote under before"
            )),
        "{}",
        refused.stderr
    );
    let refused = an.run(&["drop-claim", &copy_node, &an_node]);
    assert!(
        refused.code != 0
            && refused
                .stderr
                .contains("only a Manager of the Network can drop a claim"),
        "{}",
        refused.stderr
    );
    mia.ok(&["import", arg(&second)]);
    assert_eq!(
        mia.json(&["search", "nieuw", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn backup_and_restore_bring_back_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    an.ok(&[
        "card",
        "add",
        "person",
        "--name",
        "Blijft Bestaan",
        "--visibility",
        "private",
    ]);
    let backup = dir.path().join("an.kring-backup");
    let out = an.ok(&["backup", "--out", arg(&backup)]);
    assert!(out.contains("backed up"), "{out}");
    let digest = an.digest();
    let card = an.json(&["search", "blijft", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    an.ok(&["card", "rm", &card]);
    an.ok(&["card", "add", "person", "--name", "Later Toegevoegd"]);
    let out = an.ok(&["restore", arg(&backup)]);
    assert!(out.contains("restored"), "{out}");
    assert_eq!(an.digest(), digest);
    assert_eq!(an.json(&["search", "blijft", "--json"])[0]["id"], card);
    assert!(an.json(&["check", "--json"])["missing"]
        .as_array()
        .unwrap()
        .is_empty());
}

/// A file An handed Bert directly goes along with Bert's next export for the manager, as An
/// signed it, so the card reaches the manager even though An never sends it herself.
#[test]
fn an_export_for_the_manager_takes_along_a_colleagues_hand_over_as_its_author_signed_it() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let bert = store_in(&dir, "Bert", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    one_organisation(&mia, &[(&an, "networker"), (&bert, "networker")]);
    an.ok(&["card", "add", "person", "--name", "Alleen Doorgegeven"]);
    let hand_over = dir.path().join("van-an.kring");
    an.ok(&["export", "--plain", "--out", arg(&hand_over)]);
    bert.ok(&["import", arg(&hand_over)]);

    let outbox = dir.path().join("voor-mia");
    std::fs::create_dir(&outbox).unwrap();
    let export = outbox.join("bert.kring");
    let said = bert.ok(&["export", "--out", arg(&export)]);
    assert!(
        said.contains("also wrote a colleague's hand-over this store passes on to the managers"),
        "{said}"
    );
    let relayed: Vec<_> = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path != &export)
        .collect();
    assert_eq!(relayed.len(), 1, "{said}");
    assert!(said.contains(arg(&relayed[0])), "{said}");
    let json = bert.json(&["export", "--json", "--out", arg(&export)]);
    assert_eq!(json["relayed"].as_array().unwrap().len(), 1, "{json}");

    let mut files = vec![arg(&export)];
    files.extend(relayed.iter().map(|path| arg(path)));
    let mut args = vec!["import"];
    args.extend(files);
    args.push("--json");
    let imported = mia.json(&args);
    assert_eq!(imported["refused_total"], 0, "{imported}");
    assert_eq!(
        mia.json(&["search", "doorgegeven", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1,
        "the card reached the manager"
    );
    // A plain export is for a colleague: it takes nothing along.
    let plain = dir.path().join("plain").join("bert.kring");
    std::fs::create_dir(plain.parent().unwrap()).unwrap();
    bert.ok(&["export", "--plain", "--out", arg(&plain)]);
    assert_eq!(
        std::fs::read_dir(plain.parent().unwrap()).unwrap().count(),
        1
    );
}
