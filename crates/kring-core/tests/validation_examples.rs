//! The core's checks of emails, phone numbers and web addresses give the verdicts of the table
//! the UI's checks are held to as well (`tests/validation-examples.json`), so a value the form
//! lets through is not refused on save, and the other way round.

use kring_core::model::{validate_email, validate_phone, validate_url, ValidationError};
use serde_json::Value;

/// A core check: the field's name and the value; `Ok` when the value is valid.
type Check = fn(&str, &str) -> Result<(), ValidationError>;

fn table() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/validation-examples.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the table is readable"))
        .expect("the table is JSON")
}

#[test]
fn the_core_gives_every_verdict_of_the_shared_table() {
    let table = table();
    let checks: [(&str, Check); 3] = [
        ("email", validate_email),
        ("phone", validate_phone),
        ("url", validate_url),
    ];
    let mut wrong = Vec::new();
    for (kind, check) in checks {
        let examples = table[kind].as_array().expect("a list per kind");
        assert!(examples.len() >= 10, "{kind}: {} examples", examples.len());
        for example in examples {
            let value = example[0].as_str().unwrap();
            let valid = example[1].as_bool().unwrap();
            if check(kind, value).is_ok() != valid {
                wrong.push(format!("{kind} {value:?}: expected valid = {valid}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the core disagrees with the table: {wrong:#?}"
    );
}
