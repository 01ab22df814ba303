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
