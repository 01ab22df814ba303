//! The `kring` command line, run as a real process on a real store in a temporary folder.

mod common;

use common::Kring;

#[test]
fn init_records_the_owner_and_refuses_a_second_init() {
    let kring = Kring::in_temporary_folder();
    let out = kring.ok(&[
        "init",
        "--name",
        "An Peeters",
        "--email",
        "an.peeters@antwerpen.be",
        "--role",
        "manager",
    ]);
    assert!(
        out.contains("An Peeters") && out.contains("manager"),
        "{out}"
    );
    kring.fails(
        &["init", "--name", "Other", "--email", "o@x.be"],
        "already set up for An Peeters",
    );
}

#[test]
fn writing_before_init_says_to_run_init() {
    let kring = Kring::in_temporary_folder();
    kring.fails(&["card", "add", "person", "--name", "Jan"], "kring init");
}

#[test]
fn a_person_added_with_an_organisation_is_found_by_accentless_prefixes() {
    let kring = Kring::initialised("An Peeters");
    let org = kring.id(&[
        "card",
        "add",
        "org",
        "--name",
        "Port of Antwerp-Bruges",
        "--sector",
        "business",
        "--level",
        "regional",
        "--tag",
        "haven",
    ]);
    let person = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Jan-Willem Müller",
        "--email",
        "jw.muller@port.be",
        "--phone",
        "+32 3 229 11 11",
        "--org",
        &org,
        "--title",
        "head of public affairs",
        "--tag",
        "haven",
    ]);
    let both = kring.json(&["search", "port antw", "--json"]);
    assert_eq!(
        both[0]["id"], org,
        "the organisation's own name ranks above its employee: {both}"
    );
    assert_eq!(
        both[1]["id"], person,
        "the employee is found through the organisation: {both}"
    );
    for query in ["muller", "MÜLL", "jan w", "jw muller port"] {
        let hits = kring.json(&["search", query, "--json"]);
        let first = &hits[0];
        assert_eq!(
            first["id"], person,
            "'{query}' should find Jan-Willem first: {hits}"
        );
        assert_eq!(first["kind"], "person");
        assert_eq!(first["name"], "Jan-Willem Müller");
        assert!(first["score"].as_f64().unwrap() > 0.0);
    }
    let detail = kring.json(&["card", "show", &person, "--json"]);
    assert_eq!(
        detail["affiliations"][0]["organisation_name"],
        "Port of Antwerp-Bruges"
    );
    assert_eq!(detail["fields"]["emails"][0], "jw.muller@port.be");
}

#[test]
fn card_list_prints_id_kind_and_name_and_filters_by_kind_and_tag() {
    let kring = Kring::initialised("An Peeters");
    kring.id(&[
        "card",
        "add",
        "org",
        "--name",
        "Universiteit Antwerpen",
        "--sector",
        "knowledge",
    ]);
    kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Sofie Peeters",
        "--tag",
        "onderwijs",
    ]);
    kring.id(&["card", "add", "person", "--name", "Koen Maes"]);
    let all = kring.json(&["card", "list", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 3);
    for card in all.as_array().unwrap() {
        assert!(
            card["id"].is_string() && card["kind"].is_string() && card["name"].is_string(),
            "{card}"
        );
    }
    let people = kring.json(&["card", "list", "--kind", "person", "--json"]);
    assert_eq!(people.as_array().unwrap().len(), 2);
    let tagged = kring.json(&["card", "list", "--tag", "Onderwijs", "--json"]);
    assert_eq!(tagged.as_array().unwrap().len(), 1);
    assert_eq!(tagged[0]["name"], "Sofie Peeters");
    let text = kring.ok(&["card", "list"]);
    assert!(
        text.contains("Koen Maes") && text.contains("Universiteit Antwerpen"),
        "{text}"
    );
}

#[test]
fn editing_a_card_changes_its_fields_and_its_search_terms() {
    let kring = Kring::initialised("An Peeters");
    let id = kring.id(&["card", "add", "person", "--name", "Sofie Willems"]);
    kring.ok(&[
        "card",
        "edit",
        &id,
        "--set",
        "display_name=Sofie Janssens",
        "--set",
        "tags=klimaat, energie",
        "--set",
        "visibility=summary",
    ]);
    let detail = kring.json(&["card", "show", &id, "--json"]);
    assert_eq!(detail["name"], "Sofie Janssens");
    assert_eq!(detail["visibility"], "summary");
    assert_eq!(
        detail["fields"]["tags"],
        serde_json::json!(["energie", "klimaat"])
    );
    assert_eq!(
        kring.json(&["search", "willems", "--json"]),
        serde_json::json!([]),
        "the old name is no longer found"
    );
    assert_eq!(kring.json(&["search", "janss", "--json"])[0]["id"], id);
    assert_eq!(kring.json(&["search", "klim", "--json"])[0]["id"], id);
}

#[test]
fn ids_can_be_typed_as_their_first_digits() {
    let kring = Kring::initialised("An Peeters");
    let id = kring.id(&["card", "add", "person", "--name", "Koen Maes"]);
    let detail = kring.json(&["card", "show", &id[..13], "--json"]);
    assert_eq!(detail["id"], id);
}

#[test]
fn removing_a_card_hides_it_from_lists_and_search() {
    let kring = Kring::initialised("An Peeters");
    let id = kring.id(&["card", "add", "person", "--name", "Koen Maes"]);
    kring.ok(&["card", "rm", &id]);
    assert_eq!(
        kring.json(&["card", "list", "--json"]),
        serde_json::json!([])
    );
    assert_eq!(
        kring.json(&["search", "koen", "--json"]),
        serde_json::json!([])
    );
    kring.fails(&["card", "show", &id], "no record with id");
}

#[test]
fn relate_log_and_follow_ups_work_together() {
    let kring = Kring::initialised("An Peeters");
    let person = kring.id(&["card", "add", "person", "--name", "Hélène Dubois"]);
    kring.ok(&[
        "relate",
        &person,
        "--strength",
        "4",
        "--trust",
        "3",
        "--cadence",
        "30",
    ]);
    let out = kring.ok(&[
        "log",
        "--with",
        &person,
        "--kind",
        "meeting",
        "--at",
        "2026-01-15 10:00",
        "--summary",
        "Overleg walstroom",
        "--follow-up",
        "Nota sturen",
        "--due",
        "2026-02-01",
    ]);
    assert!(out.contains("follow-up"), "{out}");
    let detail = kring.json(&["card", "show", &person, "--json"]);
    let relationship = &detail["relationships"][0];
    assert_eq!(relationship["strength"], 4);
    assert_eq!(relationship["trust"], 3);
    assert_eq!(relationship["cadence_days"], 30);
    assert!(
        relationship["last_contact"]
            .as_str()
            .unwrap()
            .starts_with("2026-01-15T10:00"),
        "{relationship}"
    );
    assert_eq!(detail["interactions"][0]["summary"], "Overleg walstroom");

    let due = kring.json(&["follow-ups", "--due-before", "2026-03-01", "--json"]);
    assert_eq!(due.as_array().unwrap().len(), 1);
    assert_eq!(due[0]["kind"], "follow_up");
    assert_eq!(due[0]["name"], "Nota sturen");
    assert_eq!(
        kring.json(&["follow-ups", "--due-before", "2026-01-20", "--json"]),
        serde_json::json!([])
    );
    let follow_up = due[0]["id"].as_str().unwrap().to_owned();
    kring.ok(&["done", &follow_up]);
    assert_eq!(
        kring.json(&["follow-ups", "--json"]),
        serde_json::json!([]),
        "a done follow-up is no longer open"
    );
    let today = kring.json(&["today", "--json"]);
    assert_eq!(
        today["going_cold"][0]["name"], "Hélène Dubois",
        "last contact in January with a 30-day cadence is cold: {today}"
    );
}

#[test]
fn notes_are_searchable_and_keep_their_visibility() {
    let kring = Kring::initialised("An Peeters");
    let person = kring.id(&["card", "add", "person", "--name", "Koen Maes"]);
    kring.ok(&[
        "note",
        &person,
        "Voorzitter van de fanfare in Ekeren",
        "--visibility",
        "private",
    ]);
    assert_eq!(
        kring.json(&["search", "fanfare", "--json"])[0]["id"],
        person
    );
    let detail = kring.json(&["card", "show", &person, "--json"]);
    assert_eq!(detail["notes"][0]["visibility"], "private");
}

#[test]
fn the_demo_network_gives_sensible_ranked_search_results_and_a_clean_check() {
    let kring = Kring::initialised("An Peeters");
    let out = kring.ok(&["demo", "--seed", "7", "--cards", "400"]);
    assert!(
        out.contains("organisations") && out.contains("interactions"),
        "{out}"
    );
    let hits = kring.json(&["search", "port", "--json", "--limit", "10"]);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert_eq!(
        hits[0]["name"], "Port of Antwerp-Bruges",
        "the organisation named Port ranks first: {hits:?}"
    );
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "scores are ranked: {scores:?}"
    );
    let limited = kring.json(&["search", "e", "--limit", "3", "--json"]);
    assert_eq!(limited.as_array().unwrap().len(), 3);
    let check = kring.json(&["check", "--json"]);
    assert_eq!(check["missing"], serde_json::json!([]));
    assert_eq!(check["stale"], serde_json::json!([]));
    assert!(check["records"].as_u64().unwrap() > 400);
}

#[test]
fn the_demo_is_deterministic_for_a_seed() {
    let names = |seed: &str| {
        let kring = Kring::initialised("An Peeters");
        kring.ok(&["demo", "--seed", seed, "--cards", "150"]);
        let list = kring.json(&["card", "list", "--json"]);
        list.as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(names("3"), names("3"));
    assert_ne!(names("3"), names("4"));
}

#[test]
fn a_store_in_use_by_another_process_gets_a_clear_error() {
    let kring = Kring::initialised("An Peeters");
    let _held = kring_core::store::Store::open(kring.store(), &Default::default())
        .expect("the test holds the store");
    let run = kring.run(&["card", "list"]);
    assert_ne!(run.code, 0);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("is in use by another Kring process"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_bad_input_gets_one_line_and_changes_nothing() {
    let kring = Kring::initialised("An Peeters");
    let person = kring.id(&["card", "add", "person", "--name", "Koen Maes"]);
    let missing = "0190aaaa-0000-7000-8000-000000000000";
    kring.fails(
        &["card", "add", "person", "--name", "  "],
        "display_name: must not be empty",
    );
    kring.fails(
        &["card", "add", "person", "--name", "Jan", "--email", "jan@"],
        "emails: 'jan@' is not an email address",
    );
    kring.fails(
        &[
            "card", "add", "person", "--name", "Jan", "--phone", "call me",
        ],
        "phones: 'call me' is not a phone number",
    );
    kring.fails(
        &[
            "card",
            "add",
            "person",
            "--name",
            "Jan",
            "--website",
            "not a url",
        ],
        "websites:",
    );
    kring.fails(
        &["card", "add", "person", "--name", "Jan", "--org", missing],
        "no card with id",
    );
    kring.fails(
        &["card", "add", "person", "--name", "Jan", "--org", &person],
        "expected organisation",
    );
    kring.fails(
        &["card", "add", "org", "--name", "X", "--sector", "galactic"],
        "'galactic' is not one of",
    );
    kring.fails(&["card", "add", "person"], "--name");
    kring.fails(
        &["card", "edit", &person, "--set", "emails=nope"],
        "'nope' is not an email address",
    );
    kring.fails(
        &["card", "edit", &person, "--set", "shoe_size=42"],
        "shoe_size: a person has no such field",
    );
    kring.fails(
        &["card", "edit", &person, "--set", "visibility=secret"],
        "'secret' is not one of",
    );
    kring.fails(
        &["card", "edit", &person, "--set", "novalue"],
        "FIELD=VALUE",
    );
    kring.fails(&["card", "show", missing], "no record with id");
    kring.fails(&["card", "show", "0190aaaa"], "no record id starts with");
    kring.fails(&["card", "show", "xyz"], "is not a record id");
    kring.fails(&["card", "rm", missing], "no record");
    kring.fails(
        &["relate", &person, "--strength", "6"],
        "strength: 6 is out of range 1–5",
    );
    kring.fails(
        &["relate", &person, "--strength", "3", "--trust", "0"],
        "trust: 0 is out of range 1–5",
    );
    kring.fails(
        &["relate", &person, "--strength", "3", "--cadence", "0"],
        "cadence_days",
    );
    kring.fails(
        &[
            "log",
            "--with",
            &person,
            "--kind",
            "dinner",
            "--summary",
            "x",
        ],
        "'dinner' is not one of",
    );
    kring.fails(
        &[
            "log",
            "--with",
            &person,
            "--kind",
            "call",
            "--summary",
            "x",
            "--at",
            "2026-13-45",
        ],
        "is not a date",
    );
    kring.fails(
        &["log", "--with", &person, "--kind", "call", "--summary", " "],
        "summary: must not be empty",
    );
    kring.fails(
        &[
            "log",
            "--with",
            &person,
            "--kind",
            "call",
            "--summary",
            "x",
            "--due",
            "2026-01-01",
        ],
        "--due needs --follow-up",
    );
    kring.fails(
        &[
            "log",
            "--with",
            &person,
            "--kind",
            "call",
            "--summary",
            "x",
            "--follow-up",
            "y",
            "--due",
            "someday",
        ],
        "is not a date",
    );
    kring.fails(
        &["follow-ups", "--due-before", "31/12/2026"],
        "is not a date",
    );
    kring.fails(&["search"], "QUERY");
    kring.fails(&["note", &person, " "], "text: must not be empty");
    kring.fails(&["done", &person], "is a person, not a follow_up");
}

#[test]
fn a_newer_schema_is_refused_with_a_clear_message() {
    let kring = Kring::initialised("An Peeters");
    {
        let db = sled::open(kring.store()).expect("raw sled");
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", &99u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let run = kring.run(&["card", "list"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("newer Kring (schema 99)"),
        "{}",
        run.stderr
    );
}

#[test]
fn output_cut_short_by_the_reader_ends_quietly_instead_of_panicking() {
    use std::io::{BufRead, BufReader};
    let kring = Kring::initialised("An Peeters");
    // Enough output to overflow the pipe buffer, so the writer meets the closed pipe.
    kring.ok(&["demo", "--seed", "2", "--cards", "1500"]);
    for args in [
        vec!["card", "list"],
        vec!["card", "list", "--json"],
        vec!["today"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kring"))
            .env("KRING_LANG", "en")
            .arg("--store")
            .arg(kring.store())
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader goes away after one line, as `| head -1` does.
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.contains("panicked"),
            "kring {args:?} panicked on a closed pipe: {stderr}"
        );
        assert!(
            output.status.success(),
            "kring {args:?} exits cleanly: {stderr}"
        );
    }
}

#[test]
fn check_reports_a_value_of_the_wrong_type_and_a_record_under_another_kind_and_repair_does_not_launder_it(
) {
    let kring = Kring::initialised("An Peeters");
    let jan = kring.id(&["card", "add", "person", "--name", "Jan Peeters"]);
    let koen = kring.id(&["card", "add", "person", "--name", "Koen Maes"]);
    let key = |id: &str| {
        *id.parse::<kring_core::model::RecordId>()
            .unwrap()
            .as_bytes()
    };
    {
        // Damage of two sorts: Jan's name became a number (under the same stamp), and a second
        // copy of Koen lies among the notes. Written in the store's own record layout.
        use kring_core::store::layout;
        let db = sled::open(kring.store()).expect("raw sled");
        let people = db.open_tree("records.person").unwrap();
        let id = |text: &str| text.parse::<kring_core::model::RecordId>().unwrap().0;
        let stored = people.get(key(&jan)).unwrap().unwrap();
        let mut state = layout::decode(id(&jan), &stored).unwrap();
        let name = state.fields.get_mut("display_name").unwrap();
        let stamp = name.current().unwrap().stamp;
        name.write(b"1234567890123".to_vec(), stamp);
        people.insert(key(&jan), layout::encode(&state)).unwrap();
        let stored = people.get(key(&koen)).unwrap().unwrap();
        db.open_tree("records.note")
            .unwrap()
            .insert(key(&koen), stored)
            .unwrap();
        db.flush().unwrap();
    }

    let run = kring.run(&["check"]);
    assert_ne!(run.code, 0, "a store holding them is not clean");
    assert!(
        run.stdout.contains(&format!(
            "wrong_type {jan} (person) display_name: a number where text is expected"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "wrong_kind {koen} (person) stored among the 'note' records but says it is a 'person'"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("1 stored under another kind): run `kring check --repair`"),
        "{}",
        run.stderr
    );
    let report: serde_json::Value =
        serde_json::from_str(&kring.run(&["check", "--json"]).stdout).unwrap();
    let problems: Vec<(&str, &str, Option<&str>)> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap(),
                p["id"].as_str().unwrap(),
                p["field"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        vec![
            ("wrong_type", jan.as_str(), Some("display_name")),
            ("wrong_kind", koen.as_str(), None)
        ]
    );

    let repair = kring.run(&["check", "--repair"]);
    assert!(
        repair
            .stdout
            .contains("moved 1 copy of records stored under another kind"),
        "{}",
        repair.stdout
    );
    assert_ne!(repair.code, 0, "repair does not change Jan's name");
    assert!(
        repair
            .stderr
            .contains("1 values that do not fit their field")
            && repair
                .stderr
                .contains("kring card edit ID --set FIELD=VALUE"),
        "{}",
        repair.stderr
    );
    let koen_card = kring.json(&["card", "show", &koen, "--json"]);
    assert_eq!(
        koen_card["kind"], "person",
        "Koen stays the person, and no note"
    );
    let cards: Vec<(String, String)> = kring
        .json(&["card", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().into(),
                c["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        cards,
        vec![
            (jan.clone(), "person".into()),
            (koen.clone(), "person".into())
        ]
    );

    kring.ok(&["card", "edit", &jan, "--set", "display_name=Jan Peeters"]);
    assert!(
        kring.ok(&["check"]).contains("clean"),
        "the corrected name leaves the store clean"
    );
}

/// The search term file's modification time, to tell whether a command wrote it.
fn term_file_written_at(kring: &Kring) -> std::time::SystemTime {
    std::fs::metadata(kring.store().join("search-terms"))
        .and_then(|meta| meta.modified())
        .expect("the term file is there")
}

#[test]
fn after_a_large_import_the_first_search_writes_the_term_file_again_and_the_next_ones_do_not() {
    let kring = Kring::initialised("An Peeters");
    kring.ok(&["card", "add", "person", "--name", "Jan Peeters"]);
    kring.ok(&["search", "peeters"]);
    // What an import of more than 100,000 changed records leaves: a term log that stopped
    // counting (`term_log::OVERFLOWED`), so the next load writes the file again and empties it.
    {
        let db = sled::open(kring.store()).expect("raw sled");
        db.open_tree("meta")
            .unwrap()
            .insert("term_log_size", &u64::MAX.to_le_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let before = term_file_written_at(&kring);
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(kring.ok(&["search", "peeters"]).contains("Jan Peeters"));
    let settled = term_file_written_at(&kring);
    assert!(settled > before, "the first search writes the file again");
    for _ in 0..2 {
        assert!(kring.ok(&["search", "peeters"]).contains("Jan Peeters"));
        assert_eq!(
            term_file_written_at(&kring),
            settled,
            "a later search opens the file as it is"
        );
    }
}
