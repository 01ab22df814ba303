//! `docs/app-commands.md` must say what the code does: every command the UI can call is in one of
//! its tables, every name in a table's first column is a command, and the error codes it lists
//! are exactly `ErrorCode`'s.

use std::collections::BTreeSet;
use std::path::Path;

fn doc() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/app-commands.md");
    std::fs::read_to_string(path).expect("docs/app-commands.md is readable")
}

/// The names in backticks in the first column of the tables whose header starts with `first`.
fn first_column(doc: &str, first: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut in_table = false;
    for line in doc.lines() {
        if line.starts_with(&format!("| {first} |")) {
            in_table = true;
            continue;
        }
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        if in_table && !line.starts_with("| ---") {
            let cell = line.split('|').nth(1).unwrap_or_default();
            names.extend(cell.split('`').skip(1).step_by(2).map(str::to_owned));
        }
    }
    names
}

/// The commands the generated TypeScript invokes.
fn commands() -> BTreeSet<String> {
    let bindings = kring_app::typescript_bindings().expect("bindings generate");
    bindings
        .split("__TAURI_INVOKE(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_is_documented_and_every_documented_command_exists() {
    let documented = first_column(&doc(), "command");
    let commands = commands();
    assert!(commands.len() > 60, "{} commands", commands.len());
    let missing: Vec<_> = commands.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&commands).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "docs/app-commands.md lacks {missing:?} and lists {stale:?}, which no command is"
    );
}

#[test]
fn the_documented_error_codes_are_the_ones_the_core_sends() {
    let documented = first_column(&doc(), "code");
    let codes: BTreeSet<String> = kring_api::error::ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(documented, codes);
}

#[test]
fn the_development_bridge_and_the_golden_answers_reach_every_command_the_app_has() {
    let dispatched: BTreeSet<String> = kring_api::dispatch::COMMANDS
        .iter()
        .chain(kring_api::dispatch::WORKSPACE_COMMANDS)
        .chain(kring_api::dispatch::PLAIN_COMMANDS)
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        dispatched,
        commands(),
        "kring_api::dispatch's table and src-tauri's commands"
    );
}
