//! How a record's state is laid out on disk (schema 4): the compact record encoding.
//!
//! Schema 3 wrote a [`RecordState`] as postcard of the struct itself: the id again (it is the
//! key already), the kind and every field name as text, a full stamp (17 bytes) on every field
//! version although one write stamps every field it sets alike, and values as canonical JSON
//! text (a record id 38 bytes, a time 26). A profile of a 2,000-card demo store
//! (`examples/store_profile.rs`) put a record at 509 bytes: stamps 123, values 163, field names
//! 74, set elements 64 and their tags 39, id and kind 28.
//!
//! Schema 4 writes, after a format byte ([`FORMAT`]):
//!
//! - the kind and every field name as a number from frozen tables ([`KINDS`], [`FIELD_NAMES`];
//!   append only: a stored number must keep its name), or as text for a name they lack (a kind
//!   or field from a newer Kring travels on unchanged);
//! - the record's distinct stamps once, in order; each field version, set add and removal
//!   refers to one by its place in that list;
//! - each value in a typed form when it has one that gives back exactly the same canonical JSON
//!   bytes: a record id as its 16 bytes, a time with milliseconds as milliseconds since 1970, other
//!   text without its quotes, `null`/`true`/`false` as a tag; anything else as its JSON text.
//!   Encoding checks the round trip, so no value is ever stored in a form it cannot come back
//!   from.
//!
//! The id is not stored (it is the key). What a field version's writer had seen (its `seen`
//! vector) is kept as it is: it is empty for most versions, and the merge needs it exactly.
//!
//! [`decode`] reads both layouts, told apart by the first byte (schema 3 starts with the id's
//! length, 16), so a store whose migration a crash interrupted is readable as it is, and the
//! migration (`Store::migrate_layout`) can convert it in chunks and simply run again.

use crate::clock::{Stamp, VersionVector};
use crate::crdt::{AddWinsSet, ElementTags, FieldVersion, RecordState, Register};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The first byte of a record in the compact layout.
pub(crate) const FORMAT: u8 = 4;
/// The first byte of a record in schema 3's layout: the length of the id that comes first.
const SCHEMA_3_FIRST_BYTE: u8 = 16;

/// Record kinds by number. Append only.
pub(crate) const KINDS: &[&str] = &[
    "networker",
    "person",
    "organisation",
    "affiliation",
    "relationship",
    "interaction",
    "follow_up",
    "link",
    "note",
    "same_as",
    "goal",
    "team",
    "partnership",
    "partnership_review",
    "event",
    "stakeholder_rating",
    "member",
    "purpose",
    "restriction",
    "forget",
    "access_request",
    "retention_rule",
];

/// Field names by number. Append only: a new field simply goes on the end (until it does, it
/// is stored as text, which works as well).
pub(crate) const FIELD_NAMES: &[&str] = &[
    "visibility",
    "deleted",
    "created_at",
    "author",
    "street",
    "locality",
    "region",
    "postal_code",
    "country",
    "networker",
    "role",
    "stakeholder",
    "partner",
    "text",
    "name",
    "email",
    "unit",
    "job_title",
    "status",
    "display_name",
    "given_name",
    "family_name",
    "honorific",
    "emails",
    "phones",
    "addresses",
    "websites",
    "social_handles",
    "languages",
    "tags",
    "sector",
    "level",
    "parent",
    "website",
    "person",
    "organisation",
    "title",
    "from",
    "to",
    "strength",
    "trust",
    "given",
    "received",
    "since",
    "cadence_days",
    "last_contact",
    "kind",
    "at",
    "participants",
    "summary",
    "outcomes",
    "interaction",
    "about",
    "due",
    "done",
    "a",
    "b",
    "same",
    "description",
    "vision",
    "until",
    "priority_stakeholders",
    "relationships",
    "interactions",
    "events",
    "purpose",
    "members",
    "stakeholders",
    "accountable",
    "partners",
    "objectives",
    "accountabilities",
    "red_lines",
    "benefits_and_risks",
    "exit_arrangements",
    "review_every_days",
    "started",
    "lead",
    "partnership",
    "date",
    "values_based_leadership",
    "sharing_credit",
    "outcomes_for_communities",
    "communication_and_listening",
    "empowering_staff",
    "notes",
    "reviewer",
    "location",
    "invited",
    "attending",
    "theme",
    "power",
    "interest",
    "note",
    "rated_at",
    "node",
    "signing_key",
    "encryption_key",
    "lawful_basis",
    "legal_reference",
    "recipients",
    "data_categories",
    "reason",
    "subject",
    "cards",
    "contact_hashes",
    "reference",
    "answered",
    "applies_to",
    "action",
    "after_days",
    "fields",
    "earlier_nodes",
];

/// A kind or field name: its number in a table, or its text when the table lacks it.
// Text and JSON borrow from the stored bytes when read (`Cow`), so a value is copied once, into
// the record state, and not twice.
#[derive(Serialize, Deserialize)]
enum Name<'a> {
    Known(u16),
    Other(#[serde(borrow)] Cow<'a, str>),
}

impl<'a> Name<'a> {
    fn of(name: &str, table: &[&str]) -> Name<'a> {
        match table.iter().position(|known| *known == name) {
            Some(at) => Name::Known(at as u16),
            None => Name::Other(Cow::Owned(name.to_owned())),
        }
    }

    fn text(self, table: &[&str]) -> Result<String, String> {
        match self {
            Name::Known(at) => table
                .get(at as usize)
                .map(|name| (*name).to_owned())
                .ok_or_else(|| format!("no name numbered {at}")),
            Name::Other(text) => Ok(text.into_owned()),
        }
    }
}

/// A canonical JSON value in its smallest form that gives the same bytes back.
#[derive(Serialize, Deserialize)]
enum Value<'a> {
    Json(#[serde(borrow)] Cow<'a, [u8]>),
    Text(#[serde(borrow)] Cow<'a, str>),
    Id([u8; 16]),
    Millis(i64),
    Null,
    True,
    False,
}

fn text_of_time(millis: i64) -> Option<String> {
    DateTime::<Utc>::from_timestamp_millis(millis)
        .map(|at| at.to_rfc3339_opts(SecondsFormat::Millis, true))
}

impl<'a> Value<'a> {
    fn of(json: &[u8]) -> Value<'a> {
        match json {
            b"null" => return Value::Null,
            b"true" => return Value::True,
            b"false" => return Value::False,
            _ => {}
        }
        if json.first() != Some(&b'"') {
            return Value::Json(Cow::Owned(json.to_vec()));
        }
        let Ok(text) = serde_json::from_str::<String>(std::str::from_utf8(json).unwrap_or(""))
        else {
            return Value::Json(Cow::Owned(json.to_vec()));
        };
        if serde_json::to_vec(&text).ok().as_deref() != Some(json) {
            // Not the canonical form (escapes written differently): kept byte for byte.
            return Value::Json(Cow::Owned(json.to_vec()));
        }
        if text.len() == 36 {
            if let Ok(id) = uuid::Uuid::parse_str(&text) {
                if id.hyphenated().to_string() == text {
                    return Value::Id(*id.as_bytes());
                }
            }
        }
        if text.len() == 24 && text.ends_with('Z') {
            if let Ok(at) = DateTime::parse_from_rfc3339(&text) {
                let millis = at.timestamp_millis();
                if text_of_time(millis).as_deref() == Some(text.as_str()) {
                    return Value::Millis(millis);
                }
            }
        }
        Value::Text(Cow::Owned(text))
    }

    fn json(self) -> Result<Vec<u8>, String> {
        Ok(match self {
            Value::Json(bytes) => bytes.into_owned(),
            Value::Text(text) => quoted(&text),
            Value::Id(bytes) => {
                let mut out = Vec::with_capacity(38);
                out.push(b'"');
                let mut buffer = uuid::Uuid::encode_buffer();
                out.extend_from_slice(
                    uuid::Uuid::from_bytes(bytes)
                        .hyphenated()
                        .encode_lower(&mut buffer)
                        .as_bytes(),
                );
                out.push(b'"');
                out
            }
            Value::Millis(millis) => time_json(millis).ok_or("a time out of range")?,
            Value::Null => b"null".to_vec(),
            Value::True => b"true".to_vec(),
            Value::False => b"false".to_vec(),
        })
    }
}

/// The canonical JSON of a text: between quotes as it is, unless a character needs escaping
/// (rare in names and notes), when serde_json writes it.
fn quoted(text: &str) -> Vec<u8> {
    if text.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        return serde_json::to_vec(text).expect("text always serialises");
    }
    let mut out = Vec::with_capacity(text.len() + 2);
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
    out
}

/// `"YYYY-MM-DDTHH:MM:SS.mmmZ"`, as chrono writes it with milliseconds, written by hand: this
/// runs for every time field of every record read, and chrono's formatter took most of it.
fn time_json(millis: i64) -> Option<Vec<u8>> {
    use chrono::{Datelike, Timelike};
    let at = DateTime::<Utc>::from_timestamp_millis(millis)?;
    let year = at.year();
    if !(0..=9999).contains(&year) {
        return text_of_time(millis).map(|text| format!("\"{text}\"").into_bytes());
    }
    let mut out = Vec::with_capacity(26);
    let two = |out: &mut Vec<u8>, n: u32| {
        out.push(b'0' + (n / 10) as u8);
        out.push(b'0' + (n % 10) as u8);
    };
    out.push(b'"');
    let year = year as u32;
    two(&mut out, year / 100);
    two(&mut out, year % 100);
    out.push(b'-');
    two(&mut out, at.month());
    out.push(b'-');
    two(&mut out, at.day());
    out.push(b'T');
    two(&mut out, at.hour());
    out.push(b':');
    two(&mut out, at.minute());
    out.push(b':');
    two(&mut out, at.second());
    out.push(b'.');
    let ms = at.timestamp_subsec_millis();
    out.push(b'0' + (ms / 100) as u8);
    two(&mut out, ms % 100);
    out.extend_from_slice(b"Z\"");
    Some(out)
}

#[derive(Serialize, Deserialize)]
struct Version<'a> {
    stamp: u32,
    #[serde(borrow)]
    value: Value<'a>,
    seen: VersionVector,
}

#[derive(Serialize, Deserialize)]
struct Element<'a> {
    #[serde(borrow)]
    value: Value<'a>,
    adds: Vec<u32>,
    removals: Vec<(u32, u32)>,
}

#[derive(Serialize, Deserialize)]
struct Compact<'a> {
    #[serde(borrow)]
    kind: Name<'a>,
    stamps: Vec<Stamp>,
    #[serde(borrow)]
    fields: Vec<(Name<'a>, Vec<Version<'a>>)>,
    #[serde(borrow)]
    sets: Vec<(Name<'a>, Vec<Element<'a>>)>,
}

/// Encodes a record's state in the compact layout (the key holds its id).
pub fn encode(state: &RecordState) -> Vec<u8> {
    let mut stamps: Vec<Stamp> = Vec::new();
    for register in state.fields.values() {
        stamps.extend(register.versions().iter().map(|v| v.stamp));
    }
    for set in state.sets.values() {
        for (_, tags) in set.elements() {
            stamps.extend(&tags.adds);
            stamps.extend(
                tags.removals
                    .iter()
                    .flat_map(|(add, removal)| [*add, *removal]),
            );
        }
    }
    stamps.sort_unstable();
    stamps.dedup();
    let at = |stamp: &Stamp| -> u32 {
        stamps
            .binary_search(stamp)
            .expect("every stamp of the record is listed") as u32
    };
    let compact = Compact {
        kind: Name::of(&state.kind, KINDS),
        stamps: Vec::new(),
        fields: state
            .fields
            .iter()
            .map(|(name, register)| {
                let versions = register
                    .versions()
                    .iter()
                    .map(|v| Version {
                        stamp: at(&v.stamp),
                        value: Value::of(&v.value),
                        seen: v.seen.clone(),
                    })
                    .collect();
                (Name::of(name, FIELD_NAMES), versions)
            })
            .collect(),
        sets: state
            .sets
            .iter()
            .map(|(name, set)| {
                let elements = set
                    .elements()
                    .map(|(element, tags)| Element {
                        value: Value::of(element),
                        adds: tags.adds.iter().map(at).collect(),
                        removals: tags.removals.iter().map(|(a, r)| (at(a), at(r))).collect(),
                    })
                    .collect();
                (Name::of(name, FIELD_NAMES), elements)
            })
            .collect(),
    };
    let compact = Compact { stamps, ..compact };
    let mut bytes = vec![FORMAT];
    bytes.extend(postcard::to_stdvec(&compact).expect("a record state always encodes"));
    bytes
}

/// Decodes a record stored under `id`, in either layout.
pub fn decode(id: uuid::Uuid, bytes: &[u8]) -> Result<RecordState, String> {
    match bytes.first() {
        Some(&FORMAT) => decode_compact(id, &bytes[1..]),
        Some(&SCHEMA_3_FIRST_BYTE) => postcard::from_bytes(bytes).map_err(|e| e.to_string()),
        Some(other) => Err(format!("unknown record format {other}")),
        None => Err("an empty record".into()),
    }
}

/// Whether stored bytes are in schema 3's layout (the migration converts those).
pub fn is_schema_3(bytes: &[u8]) -> bool {
    bytes.first() == Some(&SCHEMA_3_FIRST_BYTE)
}

fn decode_compact(id: uuid::Uuid, bytes: &[u8]) -> Result<RecordState, String> {
    let compact: Compact = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    let stamps = compact.stamps;
    let stamp = |at: u32| -> Result<Stamp, String> {
        stamps
            .get(at as usize)
            .copied()
            .ok_or_else(|| format!("no stamp numbered {at}"))
    };
    let mut state = RecordState::new(id, compact.kind.text(KINDS)?);
    for (name, versions) in compact.fields {
        let versions = versions
            .into_iter()
            .map(|v| {
                Ok(FieldVersion {
                    stamp: stamp(v.stamp)?,
                    value: v.value.json()?,
                    seen: v.seen,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        state
            .fields
            .insert(name.text(FIELD_NAMES)?, Register::from_stored(versions));
    }
    for (name, elements) in compact.sets {
        let mut stored = BTreeMap::new();
        for element in elements {
            let tags = ElementTags {
                adds: element
                    .adds
                    .into_iter()
                    .map(stamp)
                    .collect::<Result<_, _>>()?,
                removals: element
                    .removals
                    .into_iter()
                    .map(|(a, r)| Ok((stamp(a)?, stamp(r)?)))
                    .collect::<Result<_, String>>()?,
            };
            stored.insert(element.value.json()?, tags);
        }
        state
            .sets
            .insert(name.text(FIELD_NAMES)?, AddWinsSet::from_stored(stored));
    }
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Hlc, NodeId};
    use crate::model::RecordKind;
    use proptest::prelude::*;

    #[test]
    fn every_kind_and_field_this_kring_knows_has_a_number() {
        for kind in RecordKind::ALL {
            assert!(KINDS.contains(&kind.as_str()), "kind {kind} has no number");
            for field in crate::schema::table_of(*kind).fields {
                assert!(
                    FIELD_NAMES.contains(&field.name),
                    "field {}.{} has no number",
                    kind,
                    field.name
                );
            }
            for set in kind.set_fields() {
                assert!(FIELD_NAMES.contains(set), "set {kind}.{set} has no number");
            }
        }
        for field in crate::schema::ENVELOPE {
            assert!(FIELD_NAMES.contains(&field.name));
        }
    }

    fn stamp(millis: u64, node: u64) -> Stamp {
        Stamp {
            hlc: Hlc { millis, counter: 0 },
            node: NodeId(node),
        }
    }

    #[test]
    fn values_come_back_byte_for_byte_whatever_form_they_are_stored_in() {
        let values: &[&[u8]] = &[
            b"null",
            b"true",
            b"false",
            b"3",
            b"-2.5",
            br#""plain text""#,
            br#""with \"quotes\" and \\ and \n""#,
            br#""M\u00fcller""#, // not canonical (serde_json writes ü itself): kept as it is
            "\"Müller\"".as_bytes(),
            br#""01922bc8-8667-7ee9-86e8-cd469905b6ad""#,
            br#""01922BC8-8667-7EE9-86E8-CD469905B6AD""#,
            br#""2026-11-23T10:00:00.000Z""#,
            br#""2026-11-23T10:00:00Z""#,
            br#""2026-11-23T10:00:00.000+01:00""#,
            br#""2026-11-23""#,
            br#"{"b":1,"a":[1,2]}"#,
            br#"["x","y"]"#,
            b"",
        ];
        for json in values {
            assert_eq!(
                Value::of(json).json().unwrap(),
                json.to_vec(),
                "{}",
                String::from_utf8_lossy(json)
            );
        }
        assert!(matches!(
            Value::of(br#""01922bc8-8667-7ee9-86e8-cd469905b6ad""#),
            Value::Id(_)
        ));
        assert!(matches!(
            Value::of(br#""2026-11-23T10:00:00.000Z""#),
            Value::Millis(_)
        ));
    }

    #[test]
    fn a_schema_3_record_still_decodes() {
        let mut state = RecordState::new(uuid::Uuid::from_u128(7), "person");
        state.write("display_name", br#""Jan""#.to_vec(), stamp(5, 1));
        let old = postcard::to_stdvec(&state).unwrap();
        assert!(is_schema_3(&old));
        assert_eq!(decode(state.id, &old).unwrap(), state);
        let new = encode(&state);
        assert!(!is_schema_3(&new));
        assert!(new.len() < old.len());
    }

    proptest! {
        #[test]
        fn a_time_is_written_as_chrono_writes_it(millis in -62_000_000_000_000i64..253_000_000_000_000) {
            let chrono = format!("\"{}\"", text_of_time(millis).unwrap()).into_bytes();
            prop_assert_eq!(time_json(millis).unwrap(), chrono);
        }
    }

    fn json_value() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            "[a-zA-Zé \"\\\\\n]{0,12}".prop_map(|s| serde_json::to_vec(&s).unwrap()),
            any::<u128>().prop_map(|n| serde_json::to_vec(&uuid::Uuid::from_u128(n)).unwrap()),
            (0i64..4_000_000_000_000)
                .prop_map(|m| format!("\"{}\"", text_of_time(m).unwrap()).into_bytes()),
            any::<i32>().prop_map(|n| n.to_string().into_bytes()),
            Just(b"null".to_vec()),
            Just(b"true".to_vec()),
        ]
    }

    fn field_name() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("display_name".to_owned()),
            Just("tags".to_owned()),
            Just("visibility".to_owned()),
            "[a-z_]{1,8}",
        ]
    }

    fn record_state() -> impl Strategy<Value = RecordState> {
        let write = (field_name(), json_value(), 1u64..50, 1u64..4, any::<bool>());
        (
            prop_oneof![Just("person".to_owned()), "[a-z]{1,6}"],
            proptest::collection::vec(write, 0..12),
        )
            .prop_map(|(kind, writes)| {
                // Two replicas written apart and merged: concurrent versions, seen vectors,
                // removals.
                let mut left = RecordState::new(uuid::Uuid::from_u128(42), kind.clone());
                let mut right = RecordState::new(uuid::Uuid::from_u128(42), kind);
                for (i, (field, value, millis, node, as_set)) in writes.into_iter().enumerate() {
                    let replica = if node % 2 == 0 { &mut left } else { &mut right };
                    let at = stamp(millis * 10 + i as u64, node);
                    if as_set {
                        let set = replica.sets.entry(field).or_default();
                        if i % 3 == 2 {
                            let first = set.present().next().cloned();
                            if let Some(element) = first {
                                set.remove(&element, at);
                            }
                        } else {
                            set.add(value, at);
                        }
                    } else {
                        replica.write(&field, value, at);
                    }
                }
                left.merge(&right);
                left
            })
    }

    proptest! {
        #[test]
        fn damaged_bytes_are_an_error_never_a_panic(tail in proptest::collection::vec(any::<u8>(), 0..200), first in prop_oneof![Just(FORMAT), Just(SCHEMA_3_FIRST_BYTE), any::<u8>()]) {
            let mut bytes = vec![first];
            bytes.extend(tail);
            let _ = decode(uuid::Uuid::from_u128(1), &bytes);
        }

        #[test]
        fn every_record_state_comes_back_exactly_from_the_compact_layout(state in record_state()) {
            let bytes = encode(&state);
            prop_assert_eq!(decode(state.id, &bytes).unwrap(), state);
        }
    }
}
