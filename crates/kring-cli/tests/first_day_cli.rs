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
        "this is a demo store of fictional data: it cannot be exported",
    );
    assert!(!bundle.exists());
    let shared = folder.path().join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    kring.fails(
        &["sync", "--folder", shared.to_str().unwrap()],
        "it cannot be synced",
    );
    assert_eq!(std::fs::read_dir(&shared).unwrap().count(), 0);
    // Without --sandbox the demo only fills the store (tests and benchmarks export it).
    let filled = Kring::initialised("Bart Claes");
    filled.ok(&["demo", "--cards", "60"]);
    filled.ok(&[
        "export",
        "--out",
        folder.path().join("bart.kring").to_str().unwrap(),
    ]);
}
