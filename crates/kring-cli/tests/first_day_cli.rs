//! A first day without surprises, from the command line: absurd dates are refused with one
//! clear line (never a panic), and what came from data cannot drive the terminal.

mod common;

use common::Kring;

#[test]
fn absurd_dates_are_refused_on_one_line_and_never_panic() {
    let kring = Kring::initialised("An Peeters");
    let jan = kring.id(&["card", "add", "person", "--name", "Jan Peeters"]);
    let log_at = |at: &str, expected: &str| {
        kring.fails(
            &[
                "log",
                "--with",
                &jan,
                "--kind",
                "meeting",
                "--summary",
                "Haven",
                "--at",
                at,
            ],
            expected,
        )
    };
    // `--at +999999999` panicked in chrono ("overflow"), exit code 101.
    log_at("+999999999", "too far from today");
    log_at("0000-01-01", "before the years Kring keeps");
    log_at("2099-12-31", "is in the future");
    kring.fails(
        &[
            "log",
            "--with",
            &jan,
            "--kind",
            "call",
            "--summary",
            "Terugbellen",
            "--follow-up",
            "Offerte",
            "--due",
            "+999999999",
        ],
        "too far from today",
    );
    kring.fails(
        &[
            "log",
            "--with",
            &jan,
            "--kind",
            "call",
            "--summary",
            "Terugbellen",
            "--follow-up",
            "Offerte",
            "--due",
            "2020-01-01",
        ],
        "before the interaction it follows",
    );
    kring.fails(
        &["follow-ups", "--due-before=-999999999999"],
        "too far from today",
    );
    let manager = Kring::in_temporary_folder().set_up("Mia Manager", "manager");
    manager.fails(
        &["event", "add", "--name", "Receptie", "--at", "9999-01-01"],
        "after the years Kring keeps",
    );
    manager.fails(
        &["goal", "add", "--name", "Haven", "--until", "0000-12-31"],
        "before the years Kring keeps",
    );
}

#[test]
fn a_website_typed_without_https_is_completed_instead_of_refused() {
    let kring = Kring::initialised("An Peeters");
    // Refused before: "website: 'www.portofantwerpbruges.com' is not a web address".
    let port = kring.id(&[
        "card",
        "add",
        "org",
        "--name",
        "Port of Antwerp-Bruges",
        "--website",
        "www.portofantwerpbruges.com",
    ]);
    let shown = kring.json(&["card", "show", &port, "--json"]);
    assert_eq!(
        shown["fields"]["website"],
        "https://www.portofantwerpbruges.com"
    );
    kring.ok(&["card", "edit", &port, "--set", "website=port.be/en"]);
    let shown = kring.json(&["card", "show", &port, "--json"]);
    assert_eq!(shown["fields"]["website"], "https://port.be/en");
    let jan = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Jan Peeters",
        "--website",
        "jan.be",
    ]);
    let shown = kring.json(&["card", "show", &jan, "--json"]);
    assert_eq!(shown["fields"]["websites"][0], "https://jan.be");
    kring.fails(
        &["card", "edit", &port, "--set", "website=not a site"],
        "is not a web address",
    );
}

#[test]
fn a_sandbox_filled_by_the_demo_refuses_to_export_or_sync() {
    let kring = Kring::initialised("An Peeters");
    kring.ok(&["demo", "--cards", "60", "--sandbox"]);
    let folder = tempfile::tempdir().unwrap();
    let bundle = folder.path().join("an.kring");
    kring.fails(
        &["export", "--out", bundle.to_str().unwrap()],
        "it cannot be exported; open your own store",
    );
    assert!(!bundle.exists());
    let shared = folder.path().join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    kring.fails(
        &["sync", "--folder", shared.to_str().unwrap()],
        "it cannot be synced",
    );
    assert_eq!(std::fs::read_dir(&shared).unwrap().count(), 0);
    // Nor does any other file meant to leave the machine.
    let out = folder.path().join("out.file");
    for (command, refused) in [
        ("export-contacts", "cannot be exported as contacts"),
        ("export-calendar", "cannot be exported as a calendar"),
        ("report", "cannot be exported as a KPI report"),
    ] {
        kring.fails(&[command, "--out", out.to_str().unwrap()], refused);
        assert!(!out.exists(), "{command} wrote its file");
    }
    // And no real store's backup is restored into it.
    let backup = folder.path().join("real.kring-backup");
    Kring::initialised("Bart Claes").ok(&["backup", "--out", backup.to_str().unwrap()]);
    kring.fails(
        &["restore", backup.to_str().unwrap()],
        "cannot be restored from a backup",
    );
    // Without --sandbox the demo only fills the store (tests and benchmarks export it).
    let filled = Kring::initialised("Bart Claes");
    filled.ok(&["demo", "--cards", "60"]);
    filled.ok(&[
        "export",
        "--out",
        folder.path().join("bart.kring").to_str().unwrap(),
    ]);
}

/// Control characters a terminal acts on: ESC, BEL, CR, the one-byte CSI, a bidi override.
fn has_terminal_controls(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '\u{1b}' | '\u{7}' | '\r' | '\u{9b}' | '\u{202e}' | '\u{8}'
        )
    })
}

#[test]
fn escape_sequences_in_names_and_notes_never_reach_the_terminal() {
    let kring = Kring::initialised("An Peeters");
    // Clears the screen, retitles the window, rings, overwrites the line, CSI in one byte.
    let name = "Jan\u{1b}[2J\u{1b}]0;pwned\u{7} Pee\rters\u{9b}31m\u{202e}";
    let jan = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        name,
        "--tag",
        "haven\u{1b}[5m",
    ]);
    kring.ok(&["note", &jan, "Belt \u{1b}[8mhidden\u{1b}[0m terug"]);
    kring.ok(&[
        "log",
        "--with",
        &jan,
        "--kind",
        "call",
        "--summary",
        "Over \u{1b}[1Akaaimuren",
        "--follow-up",
        "Bel\u{7} terug",
    ]);
    for args in [
        vec!["card", "list"],
        vec!["card", "show", &jan],
        vec!["search", "jan"],
        vec!["today"],
        vec!["follow-ups"],
        vec!["card", "list", "--json"],
        vec!["card", "show", &jan, "--json"],
        vec!["search", "jan", "--json"],
        vec!["today", "--json"],
    ] {
        let run = kring.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(
            !has_terminal_controls(&run.stdout) && !has_terminal_controls(&run.stderr),
            "kring {args:?} printed control characters: {:?}",
            run.stdout
        );
    }
    // Text shows what is left; JSON keeps the exact name, escaped.
    let shown = kring.ok(&["card", "show", &jan]);
    assert!(shown.contains("Jan[2J]0;pwned Peeters31m"), "{shown}");
    let listed = kring.json(&["card", "list", "--json"]);
    assert_eq!(listed[0]["name"], name, "JSON readers get the name back");
    // An error that names the card does not carry its controls either.
    let run = kring.run(&["relate", &jan, "--strength", "9"]);
    assert_ne!(run.code, 0);
    assert!(!has_terminal_controls(&run.stderr), "{:?}", run.stderr);
}

#[test]
fn calendar_and_contact_exports_leave_private_records_out_unless_asked_and_say_how_many() {
    let kring = Kring::initialised("An Peeters");
    let secret = kring.id(&[
        "card",
        "add",
        "person",
        "--name",
        "CANARY Geheime Gert",
        "--visibility",
        "private",
    ]);
    let jan = kring.id(&["card", "add", "person", "--name", "Jan Peeters"]);
    // A private meeting with Gert and its follow-up; a shared call with Jan and Gert.
    kring.ok(&[
        "log",
        "--with",
        &secret,
        "--kind",
        "meeting",
        "--summary",
        "CANARY lunch",
        "--follow-up",
        "CANARY bellen",
        "--visibility",
        "private",
    ]);
    kring.ok(&[
        "log",
        "--with",
        &jan,
        &secret,
        "--kind",
        "call",
        "--summary",
        "Kaaimuren",
        "--follow-up",
        "Nota sturen",
        "--visibility",
        "shared",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    // Before, both files carried Gert and the private follow-up without a word.
    let out = kring.ok(&["export-contacts", "--out", &path("c.vcf")]);
    assert!(out.contains("wrote 1 cards"), "{out}");
    assert!(
        out.contains("1 private cards left out (--include-private writes them)"),
        "{out}"
    );
    assert!(!std::fs::read_to_string(path("c.vcf"))
        .unwrap()
        .contains("CANARY"));
    let out = kring.ok(&["export-calendar", "--out", &path("f.ics")]);
    assert!(out.contains("wrote 1 follow-ups"), "{out}");
    assert!(out.contains("1 private follow-ups left out"), "{out}");
    let calendar = std::fs::read_to_string(path("f.ics")).unwrap();
    assert!(calendar.contains("Nota sturen — Jan Peeters"), "{calendar}");
    assert!(!calendar.contains("CANARY"), "{calendar}");
    // Asked for, they are written, and nothing is said to be left out.
    let out = kring.ok(&[
        "export-contacts",
        "--include-private",
        "--out",
        &path("all.vcf"),
    ]);
    assert!(
        out.contains("wrote 2 cards") && !out.contains("left out"),
        "{out}"
    );
    assert!(std::fs::read_to_string(path("all.vcf"))
        .unwrap()
        .contains("CANARY Geheime Gert"));
    let out = kring.ok(&[
        "export-calendar",
        "--include-private",
        "--out",
        &path("all.ics"),
    ]);
    assert!(out.contains("wrote 2 follow-ups"), "{out}");
    assert!(std::fs::read_to_string(path("all.ics"))
        .unwrap()
        .contains("CANARY bellen"));
}

#[test]
fn oversized_files_and_fields_are_refused_with_the_limit_before_anything_is_read() {
    let kring = Kring::initialised("An Peeters");
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: their size is what counts, and no disk is used.
    let big = |name: &str, bytes: u64| {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .unwrap()
            .set_len(bytes)
            .unwrap();
        path.to_str().unwrap().to_owned()
    };
    kring.fails(
        &["import-contacts", &big("contacts.vcf", 65 * 1024 * 1024)],
        "65.0 MiB is larger than the 64.0 MiB Kring reads as an address book",
    );
    kring.fails(
        &[
            "restore",
            &big("old.kring-backup", 4 * 1024 * 1024 * 1024 + 1),
        ],
        "is larger than the 4.0 GiB Kring reads as a backup",
    );
    kring.fails(
        &["import", dir.path().to_str().unwrap()],
        "not a file (a folder, a device or a pipe)",
    );
    kring.fails(&["import-contacts", "/dev/zero"], "not a file");
    let long = "J".repeat(10_000);
    kring.fails(
        &["card", "add", "person", "--name", &long],
        "display_name: is 10,000 characters long; at most 1,000 are allowed",
    );
}
