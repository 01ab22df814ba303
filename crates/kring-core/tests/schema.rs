//! The table of every record kind (`kring_core::schema`) against the typed structs it describes,
//! and the field checks every incoming value goes through.
//!
//! The agreement tests are what keep the table a faithful second copy of the structs: a field a
//! struct gains and the table lacks, a set or summary flag that disagrees with `RecordKind`, a
//! type or a presence the struct reads differently, each fails one of them.

use kring_core::clock::{Hlc, NodeId, Stamp};
use kring_core::crdt::RecordState;
use kring_core::model::RecordKind;
use kring_core::schema::{
    check_body, check_element, check_element_bytes, check_field, check_field_bytes, check_record,
    kind_table, table_of, FieldType, Presence, ProblemCode, ENVELOPE, LINE_MAX_CHARS,
    LONG_TEXT_MAX_CHARS,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const N: &str = "0190f5a2-0000-7000-8000-000000000001";
const P: &str = "0190f5a2-0000-7000-8000-000000000002";
const O: &str = "0190f5a2-0000-7000-8000-000000000003";
/// The stakeholder the sample team looks after.
const TEAM_STAKEHOLDER: &str = "0190f5a2-0000-7000-8000-000000000004";
/// The partner of the sample partnership.
const PARTNER: &str = "0190f5a2-0000-7000-8000-000000000005";
const P2: &str = "0190f5a2-0000-7000-8000-000000000006";
const PARTNERSHIP: &str = "0190f5a2-0000-7000-8000-000000000007";
/// An id no sample holds, so that probing with it never trips a rule between two fields.
const FRESH: &str = "0190f5a2-0000-7000-8000-0000000000a1";

/// A realistic, valid body of each kind.
fn sample(kind: RecordKind) -> Value {
    match kind {
        RecordKind::Networker => json!({"name": "An Peeters", "email": "an.peeters@antwerpen.be",
            "unit": "Economie", "job_title": "adviseur", "status": "active"}),
        RecordKind::Person => json!({"display_name": "Jan Peeters", "given_name": "Jan",
            "family_name": "Peeters", "honorific": null, "job_title": "havenschepen",
            "emails": ["jan.peeters@antwerpen.be"], "phones": ["+32 3 338 11 11"],
            "addresses": [{"street": "Grote Markt 1", "locality": "Antwerpen",
                "postal_code": "2000", "country": "BE"}],
            "websites": ["https://www.antwerpen.be"], "social_handles": ["@jan"],
            "languages": ["nl"], "tags": ["haven"]}),
        RecordKind::Organisation => json!({"name": "Port of Antwerp-Bruges", "sector": "public",
            "level": "regional", "parent": null,
            "website": "https://www.portofantwerpbruges.com", "tags": ["haven"]}),
        RecordKind::Affiliation => json!({"person": P, "organisation": O, "title": "CEO",
            "from": null, "to": null}),
        RecordKind::Relationship => json!({"networker": N, "stakeholder": P, "strength": 4,
            "trust": 3, "given": ["advies"], "received": ["cijfers"], "since": "2024-03-01",
            "cadence_days": 30, "status": "active",
            "last_contact": "2026-10-01T10:00:00+02:00"}),
        RecordKind::Interaction => json!({"kind": "meeting", "at": "2026-10-01T10:00:00+02:00",
            "participants": [N, P], "summary": "Overleg over de haven",
            "outcomes": ["vervolgafspraak"]}),
        RecordKind::FollowUp => json!({"interaction": null, "about": [P],
            "text": "Stuur de nota", "due": "2026-11-15", "done": false}),
        RecordKind::Link => json!({"from": P, "to": O, "kind": "works_with"}),
        RecordKind::Note => json!({"about": P, "text": "Fietst elke dag naar het werk"}),
        RecordKind::SameAs => json!({"a": P, "b": P2, "same": true}),
        RecordKind::Goal => json!({"name": "Klimaathaven", "description": "CO2-neutraal",
            "vision": null, "status": "active", "until": "2030-12-31",
            "priority_stakeholders": [O], "relationships": [], "interactions": [],
            "events": []}),
        RecordKind::Team => json!({"name": "Haven", "purpose": null,
            "members": [{"networker": N, "role": "lead"}], "stakeholders": [TEAM_STAKEHOLDER],
            "accountable": [{"stakeholder": TEAM_STAKEHOLDER, "networker": N}]}),
        RecordKind::Partnership => json!({"name": "Haven & Stad", "status": "active",
            "partners": [PARTNER], "objectives": ["Minder files"],
            "accountabilities": [{"partner": PARTNER, "text": "Levert de cijfers"}],
            "red_lines": ["tag:tabak"], "benefits_and_risks": null, "exit_arrangements": null,
            "review_every_days": 365, "started": "2025-01-01", "lead": N}),
        RecordKind::PartnershipReview => json!({"partnership": PARTNERSHIP, "date": "2026-11-01",
            "values_based_leadership": 4, "sharing_credit": 3, "outcomes_for_communities": 5,
            "communication_and_listening": 2, "empowering_staff": 4, "notes": null,
            "reviewer": N}),
        RecordKind::Event => json!({"name": "Havendag", "kind": "reception",
            "at": "2026-06-01T18:00:00+02:00", "location": "Havenhuis", "invited": [P],
            "attending": [P], "outcomes": ["drie nieuwe contacten"], "notes": null}),
        RecordKind::StakeholderRating => json!({"theme": "Klimaat", "stakeholder": O,
            "networker": N, "power": 4, "interest": 5, "note": null,
            "rated_at": "2026-10-01T10:00:00+02:00"}),
        RecordKind::Member => json!({"node": "5426cf16afe4effb", "networker": N,
            "name": "An Peeters", "email": "an.peeters@antwerpen.be", "role": "networker",
            "status": "enrolled",
            "signing_key": "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "encryption_key": "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
            "earlier_nodes": ["00000000000000a1"]}),
        RecordKind::Purpose => {
            json!({"name": "Relatiebeheer", "description": "Het netwerk van de stad",
            "lawful_basis": "public_task", "legal_reference": "Decreet lokaal bestuur, art. 2",
            "recipients": ["de netwerkbeheerder"], "data_categories": ["contactgegevens"]})
        }
        RecordKind::Restriction => json!({"person": P, "status": "objected",
            "since": "2026-10-01", "reason": "brief van 1 oktober"}),
        RecordKind::Forget => json!({"subject": P, "cards": [P, P2],
            "contact_hashes": ["ab".repeat(32)], "reason": "Art. 17, verzoek 2026-014"}),
        RecordKind::AccessRequest => json!({"subject": P, "cards": [P],
            "contact_hashes": ["cd".repeat(32)], "received": "2026-10-01",
            "reference": "2026-015", "answered": "2026-10-20"}),
        RecordKind::RetentionRule => json!({"name": "Samenvattingen na zes jaar",
            "applies_to": "interaction", "action": "clear", "after_days": 2190,
            "fields": ["summary"], "legal_reference": "Selectielijst lokale besturen",
            "description": null}),
    }
}

/// Whether the typed struct reads the body and its validation passes. A failure of a rule between
/// two fields (a team accountable for a stakeholder it does not look after) counts as reading:
/// the table checks one value at a time and leaves those rules to the struct.
fn typed_accepts(kind: RecordKind, body: &Value) -> bool {
    match (table_of(kind).body.validate)(body) {
        Ok(()) => true,
        Err(error) => {
            error
                .reason
                .contains("is not one of the stakeholders the team looks after")
                || error
                    .reason
                    .contains("is not a partner of this partnership")
                || error.reason.contains("is before the request was received")
                // A retention rule's fields, kind and action are judged together.
                || [
                    "name the fields to clear",
                    "only a rule that clears names fields",
                    "that can be cleared",
                    "only people are proposed for erasure",
                    "a rule cannot",
                ]
                .iter()
                .any(|rule| error.reason.contains(rule))
        }
    }
}

fn with(kind: RecordKind, field: &str, value: Value) -> Value {
    let mut body = sample(kind);
    body[field] = value;
    body
}

fn without(kind: RecordKind, field: &str) -> Value {
    let mut body = sample(kind);
    body.as_object_mut().unwrap().remove(field);
    body
}

#[test]
fn the_table_lists_every_field_of_every_kinds_struct_and_no_other() {
    for kind in RecordKind::ALL {
        let table = table_of(*kind);
        let from_struct: BTreeSet<String> = match (table.body.default_body)() {
            Value::Object(map) => map.keys().cloned().collect(),
            other => panic!("{kind}'s default body is an object, not {other}"),
        };
        let from_table: BTreeSet<String> = table.fields.iter().map(|f| f.name.to_owned()).collect();
        assert_eq!(
            from_table, from_struct,
            "the table of {kind} must list exactly the fields of its struct"
        );
        let from_sample: BTreeSet<String> =
            sample(*kind).as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            from_sample, from_struct,
            "the sample {kind} has every field"
        );
    }
}

#[test]
fn set_and_summary_flags_agree_with_record_kind() {
    for kind in RecordKind::ALL {
        let table = table_of(*kind);
        let sets: BTreeSet<&str> = table
            .fields
            .iter()
            .filter(|f| f.set)
            .map(|f| f.name)
            .collect();
        let expected: BTreeSet<&str> = kind.set_fields().iter().copied().collect();
        assert_eq!(
            sets, expected,
            "the sets of {kind} are RecordKind::set_fields"
        );
        let summary: BTreeSet<&str> = table
            .fields
            .iter()
            .filter(|f| f.summary)
            .map(|f| f.name)
            .collect();
        let expected: BTreeSet<&str> = kind.summary_fields().iter().copied().collect();
        assert_eq!(
            summary, expected,
            "the summary fields of {kind} are RecordKind::summary_fields (and fields it has)"
        );
    }
}

#[test]
fn every_sample_body_is_valid_and_each_of_its_values_passes_its_field() {
    for kind in RecordKind::ALL {
        let body = sample(*kind);
        assert!(
            typed_accepts(*kind, &body),
            "the sample {kind} is valid: {body}"
        );
        check_body(*kind, &body).unwrap_or_else(|e| panic!("the sample {kind} passes: {e}"));
        for field in table_of(*kind).fields {
            let value = &body[field.name];
            if field.set {
                for element in value.as_array().unwrap() {
                    check_element(kind.as_str(), field.name, element)
                        .unwrap_or_else(|e| panic!("{kind}.{}: {e}", field.name));
                }
            } else {
                check_field(kind.as_str(), field.name, value)
                    .unwrap_or_else(|e| panic!("{kind}.{}: {e}", field.name));
            }
        }
    }
}

#[test]
fn required_defaulted_and_optional_agree_with_what_the_struct_accepts() {
    for kind in RecordKind::ALL {
        for field in table_of(*kind).fields {
            let absent_ok = typed_accepts(*kind, &without(*kind, field.name));
            let null_ok = typed_accepts(*kind, &with(*kind, field.name, Value::Null));
            let (absent, null) = match field.presence {
                Presence::Required => (false, false),
                Presence::Defaulted => (true, false),
                Presence::Optional => (true, true),
            };
            assert_eq!(
                (absent_ok, null_ok),
                (absent, null),
                "{kind}.{} is {:?}: the struct {} it absent and {} it null",
                field.name,
                field.presence,
                if absent_ok { "accepts" } else { "refuses" },
                if null_ok { "accepts" } else { "refuses" },
            );
        }
    }
}

/// Values every check should see: text in every format the table knows, numbers around the
/// limits, and small lists and objects built from them.
const STRINGS: &[&str] = &[
    "",
    "   ",
    "Jan",
    "42",
    "true",
    "2026-11-01",
    "2026-02-30",
    "01/11/2026",
    "2026-11-01T09:30:00+01:00",
    "2026-11-01T09:30:00Z",
    "2026-11-01 09:30",
    N,
    TEAM_STAKEHOLDER,
    PARTNER,
    FRESH,
    "0190f5a2-0000-7000-8000-00000000000g",
    "jan.peeters@antwerpen.be",
    "jan.peeters@",
    "jan.peeters.antwerpen.be",
    "+32 3 338 11 11",
    "12",
    "https://www.antwerpen.be/nl",
    "www.antwerpen.be",
    "active",
    "Active",
    "left",
    "lead",
    "member",
    "public",
    "community",
    "voluntary/community",
    "eu",
    "meeting",
    "prospective",
    "newsletter",
    "achieved",
    "private",
    "summary",
    "shared",
];

const KEYS: &[&str] = &[
    "street",
    "locality",
    "networker",
    "role",
    "stakeholder",
    "partner",
    "text",
    "extra",
];

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-2i64..8).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Quarters: exact in binary, so they print and read back as the same number.
        (-4_000i64..4_000).prop_map(|n| Value::from(n as f64 / 4.0)),
        prop::sample::select(STRINGS).prop_map(Value::from),
        "[a-z @.:/+0-9-]{0,30}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map(prop::sample::select(KEYS), inner, 0..4).prop_map(|map| {
                Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

fn kind_and_field() -> impl Strategy<Value = (RecordKind, &'static str)> {
    prop::sample::select(RecordKind::ALL).prop_flat_map(|kind| {
        let names: Vec<&'static str> = table_of(kind).fields.iter().map(|f| f.name).collect();
        (Just(kind), prop::sample::select(names))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    /// The table's verdict on one value is the typed struct's verdict on a valid body holding it,
    /// for every kind and field.
    #[test]
    fn a_field_check_accepts_exactly_what_the_typed_struct_accepts(
        (kind, name) in kind_and_field(),
        probe in value(),
    ) {
        let field = table_of(kind).field(name).unwrap();
        // serde reads a struct from a list of its fields in order; Kring never writes one, and
        // the table refuses a list where an object is expected.
        prop_assume!(!(matches!(field.ty, FieldType::Object(_)) && probe.is_array()));
        // serde also reads a word from `{"networker": null}` (a unit variant as a map); Kring
        // never writes that form, and the table refusing it is the stricter, safe side.
        prop_assume!(!(matches!(field.ty, FieldType::Word(_)) && probe.is_object()));
        let (checked, body) = if field.set {
            (check_element(kind.as_str(), name, &probe), with(kind, name, json!([probe])))
        } else {
            (check_field(kind.as_str(), name, &probe), with(kind, name, probe.clone()))
        };
        prop_assert_eq!(
            checked.is_ok(),
            typed_accepts(kind, &body),
            "{}.{} = {}: the table says {:?}", kind, name, probe, checked
        );
        if let Err(error) = checked {
            prop_assert_eq!(&error.field, name, "the error names the field");
        }
    }

    /// The byte-slice variants, fed the canonical JSON a version holds, agree with the value ones.
    #[test]
    fn checking_bytes_gives_the_same_verdict_as_checking_the_value(
        (kind, name) in kind_and_field(),
        probe in value(),
    ) {
        let bytes = serde_json::to_vec(&probe).unwrap();
        prop_assert_eq!(
            check_field_bytes(kind.as_str(), name, &bytes),
            check_field(kind.as_str(), name, &probe)
        );
        prop_assert_eq!(
            check_element_bytes(kind.as_str(), name, &bytes),
            check_element(kind.as_str(), name, &probe)
        );
    }
}

/// For every field of every kind whose type is `matches`, the value `bad` is refused with the
/// field named and the reason containing `says`. Returns how many fields were tried.
fn refused_everywhere(matches: fn(&FieldType) -> bool, bad: Value, says: &str) -> usize {
    let mut tried = 0;
    for kind in RecordKind::ALL {
        for field in table_of(*kind).fields.iter().filter(|f| matches(&f.ty)) {
            let error = if field.set {
                check_element(kind.as_str(), field.name, &bad)
            } else {
                check_field(kind.as_str(), field.name, &bad)
            }
            .expect_err(&format!("{kind}.{} refuses {bad}", field.name));
            assert_eq!(error.field, field.name, "{kind}: the error names the field");
            assert!(
                error.reason.contains(says),
                "{kind}.{} = {bad}: '{error}' says '{says}'",
                field.name
            );
            tried += 1;
        }
    }
    tried
}

#[test]
fn a_number_where_text_is_expected_is_refused_in_every_text_field() {
    let tried = refused_everywhere(
        |ty| matches!(ty, FieldType::Text(_) | FieldType::NonBlank(_)),
        json!(42),
        "a number where text is expected",
    );
    assert!(tried > 0);
    assert_eq!(
        check_field("person", "display_name", &json!(42))
            .unwrap_err()
            .to_string(),
        "display_name: a number where text is expected"
    );
}

#[test]
fn text_where_a_date_is_expected_is_refused_in_every_date_field() {
    let dates = refused_everywhere(
        |ty| matches!(ty, FieldType::Date),
        json!("next week"),
        "is not a date (use YYYY-MM-DD)",
    );
    let times = refused_everywhere(
        |ty| matches!(ty, FieldType::DateTime),
        json!("2026-11-01"),
        "is not a date and time",
    );
    assert!(dates > 0 && times > 0);
}

#[test]
fn a_score_of_nine_is_refused_in_every_score_field() {
    let tried = refused_everywhere(
        |ty| matches!(ty, FieldType::Score),
        json!(9),
        "9 is out of range 1–5",
    );
    assert!(tried > 0);
    assert_eq!(
        check_field("relationship", "strength", &json!(2.5))
            .unwrap_err()
            .to_string(),
        "strength: 2.5 is not a whole number"
    );
}

#[test]
fn an_email_without_at_and_other_bad_formats_are_refused() {
    assert!(
        refused_everywhere(
            |ty| matches!(ty, FieldType::Email),
            json!("jan.peeters.antwerpen.be"),
            "'jan.peeters.antwerpen.be' is not an email address",
        ) > 0
    );
    assert!(
        refused_everywhere(
            |ty| matches!(ty, FieldType::Phone),
            json!("call me"),
            "'call me' is not a phone number"
        ) > 0
    );
    assert!(
        refused_everywhere(
            |ty| matches!(ty, FieldType::WebAddress),
            // "www.antwerpen.be" is completed to https://, not refused (issue #20).
            json!("www antwerpen be"),
            "is not a web address"
        ) > 0
    );
    assert!(
        refused_everywhere(
            |ty| matches!(ty, FieldType::Days),
            json!(0),
            "must be at least 1 day"
        ) > 0
    );
    assert!(
        refused_everywhere(
            |ty| matches!(ty, FieldType::Bool),
            json!("yes"),
            "text where true or false is expected"
        ) > 0
    );
    assert!(
        refused_everywhere(
            |ty| matches!(ty, FieldType::Word(_)),
            json!("galactic"),
            "'galactic' is not one of"
        ) > 0
    );
    assert!(
        refused_everywhere(
            |ty| matches!(ty, FieldType::NonBlank(_)),
            json!("  "),
            "must not be empty"
        ) > 0
    );
    assert_eq!(
        check_field("organisation", "sector", &json!("galactic"))
            .unwrap_err()
            .to_string(),
        "sector: 'galactic' is not one of public, business, social, voluntary, knowledge, media, other"
    );
}

#[test]
fn an_id_of_the_wrong_form_is_refused_in_every_id_field() {
    let tried = refused_everywhere(
        |ty| matches!(ty, FieldType::Id(_)),
        json!("1234"),
        "'1234' is not a record id",
    );
    assert!(tried > 0);
    // The same UUID spelt another way reads as the same id but would make another set element.
    let upper = N.to_uppercase();
    assert!(check_field("note", "about", &json!(upper)).is_err());
    assert!(check_field("note", "about", &json!(format!("{{{N}}}"))).is_err());
    assert!(check_field("note", "about", &json!(N)).is_ok());
}

#[test]
fn a_set_written_as_one_value_and_a_value_written_as_an_element_are_refused() {
    for kind in RecordKind::ALL {
        let body = sample(*kind);
        for field in table_of(*kind).fields {
            let value = &body[field.name];
            let (error, code) = if field.set {
                let whole = check_field(kind.as_str(), field.name, value);
                (whole, ProblemCode::SetAsRegister)
            } else {
                (
                    check_element(kind.as_str(), field.name, value),
                    ProblemCode::RegisterAsSet,
                )
            };
            let error = error.expect_err(&format!("{kind}.{} in the wrong shape", field.name));
            assert_eq!(error.field, field.name);
            let expected = match code {
                ProblemCode::SetAsRegister => "written as one value, but it is a set",
                _ => "written as a set element, but it holds one value",
            };
            assert!(error.reason.contains(expected), "{kind}: {error}");
        }
    }
    assert_eq!(
        check_field("person", "emails", &json!("jan@antwerpen.be"))
            .unwrap_err()
            .to_string(),
        "emails: written as one value, but it is a set whose elements are added one by one"
    );
}

#[test]
fn null_is_accepted_where_a_field_is_optional_and_refused_elsewhere() {
    for kind in RecordKind::ALL {
        for field in table_of(*kind).fields {
            let result = if field.set {
                check_element(kind.as_str(), field.name, &Value::Null)
            } else {
                check_field(kind.as_str(), field.name, &Value::Null)
            };
            let optional = !field.set && field.presence == Presence::Optional;
            assert_eq!(
                result.is_ok(),
                optional,
                "{kind}.{}: {result:?}",
                field.name
            );
        }
    }
    assert_eq!(
        check_field("person", "display_name", &Value::Null)
            .unwrap_err()
            .to_string(),
        "display_name: null where text is expected"
    );
}

#[test]
fn fields_and_kinds_this_kring_does_not_know_pass_unchecked() {
    assert!(check_field("person", "shoe_size", &json!(44)).is_ok());
    assert!(check_element("person", "pets", &json!({"name": 3})).is_ok());
    assert!(check_field("spaceship", "warp", &json!([1, 2])).is_ok());
    assert!(check_field("spaceship", "display_name", &json!(42)).is_ok());
    assert!(check_field_bytes("spaceship", "warp", b"not json at all").is_ok());
    assert!(
        check_field("org", "name", &json!(42)).is_ok(),
        "an alias is no stored kind"
    );
    assert!(kind_table("spaceship").is_none());
}

#[test]
fn the_envelope_is_checked_on_every_record_of_every_kind() {
    for kind in RecordKind::ALL
        .iter()
        .map(|k| k.as_str())
        .chain(["spaceship"])
    {
        assert!(check_field(kind, "visibility", &json!("summary")).is_ok());
        assert_eq!(
            check_field(kind, "visibility", &json!("everyone"))
                .unwrap_err()
                .to_string(),
            "visibility: 'everyone' is not one of private, summary, shared"
        );
        assert!(check_field(kind, "deleted", &json!(true)).is_ok());
        assert!(check_field(kind, "deleted", &json!("yes")).is_err());
        assert!(check_field(kind, "created_at", &json!("2026-11-01T09:00:00.000Z")).is_ok());
        assert!(check_field(kind, "created_at", &json!(1_700_000_000)).is_err());
        assert!(check_field(kind, "author", &json!(N)).is_ok());
        assert!(check_field(kind, "author", &json!("An")).is_err());
        assert!(check_element(kind, "visibility", &json!("shared")).is_err());
    }
    assert_eq!(ENVELOPE.len(), 4);
}

#[test]
fn text_longer_than_its_limit_is_refused_and_the_message_does_not_repeat_it() {
    let name = "a".repeat(LINE_MAX_CHARS + 1);
    let error = check_field("person", "display_name", &json!(name)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "display_name: is 1,001 characters long; at most 1,000 are allowed"
    );
    assert!(check_field("person", "display_name", &json!("é".repeat(LINE_MAX_CHARS))).is_ok());
    let note = "n".repeat(LONG_TEXT_MAX_CHARS);
    assert!(check_field("note", "text", &json!(note)).is_ok());
    let too_long = "n".repeat(LONG_TEXT_MAX_CHARS + 1);
    assert!(check_field("note", "text", &json!(too_long)).is_err());
    let email = format!("{}@antwerpen.be", "x".repeat(50_000_000));
    let error = check_element("person", "emails", &json!(email)).unwrap_err();
    assert!(error.reason.len() < 100, "{error}");
}

#[test]
fn bytes_that_are_not_json_are_refused_for_a_known_field() {
    let error = check_field_bytes("person", "display_name", b"\"Jan").unwrap_err();
    assert_eq!(
        error.to_string(),
        "display_name: holds bytes that are not JSON"
    );
    assert!(check_element_bytes("person", "tags", b"\"haven\" x").is_err());
    assert!(check_field_bytes("person", "display_name", b"\"Jan \\u00e9\"").is_ok());
}

#[test]
fn an_objects_fields_are_checked_and_named() {
    assert_eq!(
        check_element("team", "members", &json!({"networker": N, "role": "boss"}))
            .unwrap_err()
            .to_string(),
        "members: role: 'boss' is not one of lead, member, advisor"
    );
    assert_eq!(
        check_element("team", "members", &json!({"role": "lead"}))
            .unwrap_err()
            .to_string(),
        "members: networker: is missing"
    );
    assert_eq!(
        check_element("person", "addresses", &json!("Grote Markt 1"))
            .unwrap_err()
            .to_string(),
        "addresses: text where a postal address is expected"
    );
    assert!(check_element("person", "addresses", &json!({})).is_ok());
}

fn stamp(millis: u64) -> Stamp {
    Stamp {
        hlc: Hlc { millis, counter: 0 },
        node: NodeId(7),
    }
}

#[test]
fn check_record_finds_every_bad_version_and_present_element_and_nothing_else() {
    let mut state = RecordState::new(uuid::Uuid::nil(), "person");
    state.write("display_name", b"\"Jan\"".to_vec(), stamp(1));
    state.write("visibility", b"\"shared\"".to_vec(), stamp(1));
    state.write("shoe_size", b"44".to_vec(), stamp(1));
    let set = state.sets.entry("emails".into()).or_default();
    set.add(b"\"jan@antwerpen.be\"".to_vec(), stamp(1));
    assert_eq!(
        check_record(&state),
        vec![],
        "a valid person has no problems"
    );

    // A concurrent version from elsewhere that holds a number.
    let mut other = state.clone();
    other.write("display_name", b"42".to_vec(), stamp(2));
    let mut concurrent = RecordState::new(uuid::Uuid::nil(), "person");
    concurrent.write("display_name", b"42".to_vec(), stamp(2));
    state.merge(&concurrent);
    let set = state.sets.entry("emails".into()).or_default();
    set.add(b"\"no at sign\"".to_vec(), stamp(3));
    set.add(b"\"removed\"".to_vec(), stamp(3));
    set.remove(b"\"removed\"", stamp(4));
    state
        .sets
        .entry("tags".into())
        .or_default()
        .add(b"7".to_vec(), stamp(3));
    let problems = check_record(&state);
    let found: Vec<(&str, ProblemCode)> = problems
        .iter()
        .map(|p| (p.field.as_str(), p.code))
        .collect();
    assert_eq!(
        found,
        vec![
            ("display_name", ProblemCode::WrongType),
            ("emails", ProblemCode::BadValue),
            ("tags", ProblemCode::WrongType),
        ],
        "{problems:?}"
    );
    assert_eq!(
        problems[0].to_string(),
        "display_name: a number where text is expected"
    );
}

#[test]
fn a_body_missing_a_required_field_or_holding_a_set_as_one_value_is_refused() {
    let error = check_body(
        RecordKind::Affiliation,
        &without(RecordKind::Affiliation, "person"),
    )
    .unwrap_err();
    assert_eq!(error.to_string(), "person: is missing");
    let error = check_body(
        RecordKind::Person,
        &with(RecordKind::Person, "emails", json!("jan@antwerpen.be")),
    )
    .unwrap_err();
    assert_eq!(error.to_string(), "emails: text where a list is expected");
    let error = check_body(
        RecordKind::Person,
        &with(RecordKind::Person, "visibility", json!("everyone")),
    )
    .unwrap_err();
    assert_eq!(error.field, "visibility");
    // A rule between fields is still the struct's.
    let mut affiliation = sample(RecordKind::Affiliation);
    affiliation["from"] = json!("2026-01-01");
    affiliation["to"] = json!("2025-01-01");
    assert_eq!(
        check_body(RecordKind::Affiliation, &affiliation)
            .unwrap_err()
            .to_string(),
        "to: ends before it starts"
    );
}

#[test]
fn card_edit_reads_typed_text_by_the_fields_type_in_the_table() {
    use chrono::TimeZone;
    use kring_core::model::{FollowUp, Person, RecordId, Relationship, Role};
    use kring_core::store::{OpenOptions, Store};
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store"), &OpenOptions::default()).unwrap();
    let me = store
        .init(
            "An Peeters",
            "an.peeters@antwerpen.be",
            Role::Networker,
            now,
        )
        .unwrap()
        .networker;
    let jan = store
        .create(
            &Person {
                display_name: "Jan Peeters".into(),
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    let relationship = RecordId::for_relationship(me, jan);
    let body = Relationship {
        networker: me,
        stakeholder: jan,
        strength: 3,
        trust: None,
        given: vec![],
        received: vec![],
        since: None,
        cadence_days: None,
        status: None,
        last_contact: None,
    };
    store
        .create_with_id(relationship, &body, None, now)
        .unwrap();
    let edit = |id: RecordId, field: &str, text: &str| {
        store.set_fields(id, &[(field.to_owned(), text.to_owned())], now)
    };
    edit(relationship, "cadence_days", "30").unwrap();
    edit(relationship, "strength", " 5 ").unwrap();
    edit(relationship, "status", "Dormant").unwrap();
    let state = store.state(relationship).unwrap().unwrap();
    assert_eq!(
        state.current("cadence_days"),
        Some(json!(30)),
        "a number, not text"
    );
    assert_eq!(state.current("strength"), Some(json!(5)));
    assert_eq!(state.current("status"), Some(json!("dormant")));
    assert_eq!(
        edit(relationship, "strength", "strong")
            .unwrap_err()
            .to_string(),
        "strength: text where a score from 1 to 5 is expected"
    );
    assert_eq!(
        edit(relationship, "cadence_days", "0")
            .unwrap_err()
            .to_string(),
        "cadence_days: must be at least 1 day"
    );

    let follow_up = store
        .create(
            &FollowUp {
                interaction: None,
                about: vec![jan],
                text: "Stuur de nota".into(),
                due: now.date_naive(),
                done: false,
            },
            None,
            now,
        )
        .unwrap();
    edit(follow_up, "done", "true").unwrap();
    let state = store.state(follow_up).unwrap().unwrap();
    assert_eq!(state.current("done"), Some(json!(true)), "a bool, not text");
    // Ids typed in capitals are written as Kring writes ids, in a set as in a register.
    edit(follow_up, "about", &jan.to_string().to_uppercase()).unwrap();
    let state = store.state(follow_up).unwrap().unwrap();
    let about: Vec<&Vec<u8>> = state.sets["about"].present().collect();
    assert_eq!(about, vec![&format!("\"{jan}\"").into_bytes()]);
}

#[test]
fn a_value_inside_an_object_that_does_not_fit_is_worded_in_each_language() {
    use kring_i18n::Language;
    let error = check_element("person", "addresses", &json!({"street": 42})).unwrap_err();
    assert_eq!(
        error.to_string(),
        "addresses: street: a number where text is expected",
        "the English stays as it was"
    );
    assert_eq!(
        error.reason_in(Language::Dutch),
        "street: een getal waar tekst wordt verwacht"
    );
    assert_eq!(
        error.reason_in(Language::German),
        "street: eine Zahl, wo Text erwartet wird"
    );
}
