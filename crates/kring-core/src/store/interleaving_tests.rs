//! A commit whose records another commit changed after it read them (see `Interleaving`): the
//! interleavings built one step at a time, where `tests/concurrent_writes.rs` races two threads.

use super::*;
use crate::model::{Organisation, Role};
use chrono::Duration;
use proptest::prelude::*;

use super::test_support::now;

fn store() -> (tempfile::TempDir, Store) {
    super::test_support::store_of(Role::Manager)
}

fn port(store: &Store) -> RecordId {
    let body = Organisation {
        name: "Port".into(),
        ..Organisation::default()
    };
    store.create(&body, None, now()).unwrap()
}

/// A change of `field` to `value` made from `before`, as an edit or an import makes it.
fn change_from(store: &Store, before: &RecordState, field: &str, value: &str) -> RecordChange {
    let mut after = before.clone();
    let stamp = store.next_stamp(now() + Duration::minutes(5));
    let superseded = after
        .write(field, serde_json::to_vec(value).unwrap(), stamp)
        .into_iter()
        .map(|version| (field.to_owned(), version))
        .collect();
    RecordChange {
        before: Some(before.clone()),
        after,
        superseded,
    }
}

/// A change from `before` to `after` as a writer made it (no history kept).
fn changed(before: RecordState, after: RecordState) -> RecordChange {
    RecordChange {
        before: Some(before),
        after,
        superseded: Vec::new(),
    }
}

/// Commits a local write, as an edit in the app does.
fn write_here(store: &Store, change: RecordChange) {
    store.commit(vec![change], Vec::new(), now()).unwrap();
}

/// Commits what an import merged from what it read at `read_from`; returns where the commits
/// stand after it.
fn merge_in(store: &Store, change: RecordChange, read_from: Option<CommitPoint>) -> CommitPoint {
    store
        .commit_merged(vec![change], Vec::new(), Vec::new(), now(), read_from, None)
        .unwrap()
}

/// `kring check` finds nothing: no index entry left behind or missing.
fn assert_checks_clean(store: &Store) {
    let report = store.check(false, now()).unwrap();
    assert!(report.is_clean(), "{report:?}");
}

/// The organisation holds the edit (renamed Haven) and the import (the website) alike.
fn assert_both_writes_kept(store: &Store, id: RecordId) {
    let held = organisation(store, id);
    assert_eq!(held.name, "Haven");
    assert_eq!(held.website.as_deref(), Some("https://port.be"));
}

fn organisation(store: &Store, id: RecordId) -> Organisation {
    store.get(id).unwrap().unwrap()
}

#[test]
fn an_edit_read_before_an_import_committed_keeps_what_the_import_wrote() {
    let (_dir, store) = store();
    let id = port(&store);
    let read = store.state(id).unwrap().unwrap();
    // Meanwhile the import writes the website.
    let import = change_from(&store, &read, "website", "https://port.be");
    let point = store.commit_point();
    merge_in(&store, import, Some(point));
    // The edit made from the earlier read renames the organisation.
    write_here(&store, change_from(&store, &read, "name", "Haven"));
    assert_both_writes_kept(&store, id);
    assert_checks_clean(&store);
}

#[test]
fn an_import_chunk_read_before_an_edit_committed_keeps_the_edit() {
    let (_dir, store) = store();
    let id = port(&store);
    let read_from = store.commit_point();
    let read = store.state(id).unwrap().unwrap();
    write_here(&store, change_from(&store, &read, "name", "Haven"));
    let import = change_from(&store, &read, "website", "https://port.be");
    let after = merge_in(&store, import, Some(read_from));
    assert_both_writes_kept(&store, id);
    assert_eq!(after.commits, read_from.commits + 2, "two commits since");
}

#[test]
fn two_writes_of_one_field_from_the_same_read_are_kept_as_a_conflict() {
    let (_dir, store) = store();
    let id = port(&store);
    let read = store.state(id).unwrap().unwrap();
    let theirs = change_from(&store, &read, "name", "Haven van Antwerpen");
    merge_in(&store, theirs, None);
    write_here(&store, change_from(&store, &read, "name", "Haven"));
    let state = store.state(id).unwrap().unwrap();
    let values: Vec<serde_json::Value> = state.fields["name"]
        .versions()
        .iter()
        .map(FieldVersion::json)
        .collect();
    assert_eq!(values.len(), 2, "neither write saw the other: {values:?}");
    assert!(values.contains(&"Haven".into()));
    assert!(values.contains(&"Haven van Antwerpen".into()));
}

#[test]
fn an_edit_of_a_record_removed_meanwhile_does_not_bring_it_back() {
    let (_dir, store) = store();
    let id = port(&store);
    let read = store.state(id).unwrap().unwrap();
    // A forget takes the record out between the read and the commit.
    store
        .commit_swept(Vec::new(), vec![read.clone()], Vec::new(), now())
        .unwrap();
    write_here(&store, change_from(&store, &read, "name", "Haven"));
    assert_eq!(store.state(id).unwrap(), None);
    assert_checks_clean(&store);
}

#[test]
fn a_sweep_of_a_record_changed_meanwhile_leaves_it_and_names_it() {
    let (_dir, store) = store();
    let id = port(&store);
    let read = store.state(id).unwrap().unwrap();
    write_here(
        &store,
        change_from(&store, &read, "website", "https://port.be"),
    );
    // A sweep made from the earlier read (here: one that would clear the name).
    let mut swept = read.clone();
    swept.fields.remove("name");
    let skipped = store
        .commit_swept(vec![changed(read, swept)], Vec::new(), Vec::new(), now())
        .unwrap();
    assert_eq!(skipped, vec![id]);
    let held = organisation(&store, id);
    assert_eq!(held.name, "Port", "the sweep is read again, not written");
    assert_eq!(held.website.as_deref(), Some("https://port.be"));
}

#[test]
fn an_import_that_began_before_a_restore_does_not_advance_the_coverage() {
    let (_dir, store) = store();
    let id = port(&store);
    let began = store.commit_point();
    let state = store.state(id).unwrap().unwrap();
    store.replace_all(vec![state], Vec::new(), now()).unwrap();
    let other = NodeId(0x0a0b_0c0d_0e0f_1011);
    let mut advance = VersionVector::default();
    advance.observe(Stamp {
        hlc: Hlc {
            millis: 1,
            counter: 0,
        },
        node: other,
    });
    let points = ImportPoints {
        began,
        read_from: began,
    };
    store
        .commit_advancing(
            Vec::new(),
            Vec::new(),
            Vec::new(),
            now(),
            &advance,
            points,
            None,
        )
        .unwrap();
    assert!(!store.coverage().0.contains_key(&other));
    // One that began after it does.
    let began = store.commit_point();
    let points = ImportPoints {
        began,
        read_from: began,
    };
    store
        .commit_advancing(
            Vec::new(),
            Vec::new(),
            Vec::new(),
            now(),
            &advance,
            points,
            None,
        )
        .unwrap();
    assert!(store.coverage().0.contains_key(&other));
}

#[test]
fn a_record_made_here_under_an_id_an_import_just_brought_keeps_what_the_import_wrote() {
    // Records whose id comes from what they describe (a member, a relationship, a rating) are
    // made by two stores under one id, so that they merge.
    let (_dir, store) = store();
    let id = RecordId(uuid::Uuid::from_u128(0x5eed));
    let mut theirs = RecordState::new(id.0, "organisation");
    let stamp = store.next_stamp(now());
    theirs.write("name", serde_json::to_vec("Port").unwrap(), stamp);
    theirs.write(
        "website",
        serde_json::to_vec("https://port.be").unwrap(),
        stamp,
    );
    let import = RecordChange {
        before: None,
        after: theirs,
        superseded: Vec::new(),
    };
    merge_in(&store, import, None);
    // Made here from a read that found nothing.
    let mut ours = RecordState::new(id.0, "organisation");
    let stamp = store.next_stamp(now() + Duration::minutes(1));
    ours.write("name", serde_json::to_vec("Haven").unwrap(), stamp);
    write_here(
        &store,
        RecordChange {
            before: None,
            after: ours,
            superseded: Vec::new(),
        },
    );
    assert_both_writes_kept(&store, id);
    assert_checks_clean(&store);
}

#[test]
fn what_a_stale_merge_took_away_stays_away_and_the_edit_since_stays() {
    let (_dir, store) = store();
    let id = port(&store);
    write_here(
        &store,
        change_from(
            &store,
            &store.state(id).unwrap().unwrap(),
            "website",
            "https://port.be",
        ),
    );
    let read_from = store.commit_point();
    let read = store.state(id).unwrap().unwrap();
    // The edit lands first.
    write_here(&store, change_from(&store, &read, "name", "Haven"));
    // The merge made from the earlier read drops the website whole (a narrowing keeps only
    // what the owner shares) and clears the name's old value under its stamp (a retention
    // rule).
    let mut after = read.clone();
    after.fields.remove("website");
    after
        .fields
        .get_mut("name")
        .unwrap()
        .replace_values(|_| Some(serde_json::to_vec("(gewist)").unwrap()));
    merge_in(&store, changed(read, after), Some(read_from));
    let state = store.state(id).unwrap().unwrap();
    assert!(!state.fields.contains_key("website"), "{state:?}");
    let names: Vec<serde_json::Value> = state.fields["name"]
        .versions()
        .iter()
        .map(FieldVersion::json)
        .collect();
    assert_eq!(
        names,
        vec![serde_json::Value::from("Haven")],
        "the edit supersedes the cleared value"
    );
}

#[test]
fn a_removal_read_before_an_edit_takes_out_the_record_as_stored_with_its_index_entries() {
    let (_dir, store) = store();
    let id = port(&store);
    let read_from = store.commit_point();
    let read = store.state(id).unwrap().unwrap();
    write_here(
        &store,
        change_from(&store, &read, "name", "Haven van Antwerpen"),
    );
    store
        .commit_merged(
            Vec::new(),
            vec![read],
            Vec::new(),
            now(),
            Some(read_from),
            None,
        )
        .unwrap();
    assert_eq!(store.state(id).unwrap(), None);
    assert_checks_clean(&store);
}

#[test]
fn a_sweeps_removal_of_a_record_changed_meanwhile_is_left_for_the_sweep() {
    let (_dir, store) = store();
    let id = port(&store);
    let read = store.state(id).unwrap().unwrap();
    write_here(&store, change_from(&store, &read, "name", "Haven"));
    let skipped = store
        .commit_swept(Vec::new(), vec![read], Vec::new(), now())
        .unwrap();
    assert_eq!(skipped, vec![id]);
    assert_eq!(organisation(&store, id).name, "Haven");
}

#[test]
fn the_rights_check_judges_a_local_write_as_rebased_onto_the_record_as_stored() {
    let (_dir, store) = store();
    let id = port(&store);
    // A rule that refuses writes to an organisation whose website is the harbour's (as the
    // store's rights refuse a write to a record its owner narrowed meanwhile).
    store.check_writes_with(Box::new(|_, _, changes| {
        let narrowed = changes.iter().any(|change| {
            change.before.as_ref().and_then(|b| b.current("website"))
                == Some("https://haven.be".into())
        });
        if narrowed {
            Err(StoreError::NotInitialised)
        } else {
            Ok(())
        }
    }));
    let read = store.state(id).unwrap().unwrap();
    merge_in(
        &store,
        change_from(&store, &read, "website", "https://haven.be"),
        None,
    );
    let refused = store.commit(
        vec![change_from(&store, &read, "name", "Haven")],
        Vec::new(),
        now(),
    );
    assert!(
        matches!(refused, Err(StoreError::NotInitialised)),
        "{refused:?}"
    );
    assert_eq!(organisation(&store, id).name, "Port", "nothing written");
}

#[test]
fn a_set_a_stale_sweep_emptied_keeps_the_element_added_since() {
    let (_dir, store) = store();
    let id = port(&store);
    let tag = |text: &str| serde_json::to_vec(text).unwrap();
    let read = store.state(id).unwrap().unwrap();
    let mut tagged = read.clone();
    let stamp = store.next_stamp(now());
    tagged
        .sets
        .entry("tags".into())
        .or_default()
        .add(tag("haven"), stamp);
    write_here(&store, changed(read, tagged));
    let read_from = store.commit_point();
    let read = store.state(id).unwrap().unwrap();
    // An edit adds a tag; then a merge made from the earlier read, whose sweep emptied the set
    // (and so dropped it), commits.
    let mut edited = read.clone();
    let stamp = store.next_stamp(now() + Duration::minutes(1));
    edited.sets.get_mut("tags").unwrap().add(tag("eu"), stamp);
    write_here(&store, changed(read.clone(), edited));
    let mut swept = read.clone();
    swept.sets.remove("tags");
    merge_in(&store, changed(read, swept), Some(read_from));
    assert_eq!(organisation(&store, id).tags, vec!["eu".to_owned()]);
}

/// One write of the property below: made from the `read`-th state read so far (older reads are
/// stale by the time it commits), to a field, as an edit or as an import's chunk.
#[derive(Clone, Debug)]
struct Write {
    read: prop::sample::Index,
    field: &'static str,
    value: u8,
    import: bool,
}

fn writes() -> impl Strategy<Value = Vec<Write>> {
    prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            prop::sample::select(vec!["name", "website", "tags"]),
            0u8..4,
            any::<bool>(),
        )
            .prop_map(|(read, field, value, import)| Write {
                read,
                field,
                value,
                import,
            }),
        1..24,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever stale state each write was made from, no write is lost: every version written is
    /// in the record at the end or superseded by one whose writer had seen it, and every tag
    /// added is there. Without the interleaving settled, a write made from a stale read undid
    /// the writes committed since that read.
    #[test]
    fn no_write_made_from_a_stale_read_undoes_another(writes in writes()) {
        let (_dir, store) = store();
        let id = port(&store);
        let mut reads = vec![(store.commit_point(), store.state(id).unwrap().unwrap())];
        let mut written: Vec<(&str, FieldVersion)> = Vec::new();
        let mut tags: Vec<Vec<u8>> = Vec::new();
        for (n, write) in writes.iter().enumerate() {
            let (point, read) = reads[write.read.index(reads.len())].clone();
            let mut after = read.clone();
            let stamp = store.next_stamp(now() + Duration::seconds(n as i64));
            if write.field == "tags" {
                let tag = serde_json::to_vec(&format!("t{}", write.value)).unwrap();
                after.sets.entry("tags".into()).or_default().add(tag.clone(), stamp);
                tags.push(tag);
            } else {
                let text = match write.field {
                    "website" => format!("https://port-{n}.be"),
                    _ => format!("Port {n}"),
                };
                let value = serde_json::to_vec(&text).unwrap();
                after.write(write.field, value, stamp);
                let register = &after.fields[write.field];
                let version = register.versions().iter().find(|v| v.stamp == stamp);
                written.push((write.field, version.expect("a new value is written").clone()));
            }
            if write.import {
                merge_in(&store, changed(read, after), Some(point));
            } else {
                write_here(&store, changed(read, after));
            }
            reads.push((store.commit_point(), store.state(id).unwrap().unwrap()));
        }
        let held = store.state(id).unwrap().unwrap();
        for (field, version) in &written {
            let register = &held.fields[*field];
            prop_assert!(
                register.holds(version) || register.supersedes(version.stamp),
                "{field} lost {version:?}; holds {:?}", register.versions()
            );
        }
        for tag in &tags {
            prop_assert!(held.sets["tags"].contains(tag), "tag {tag:?} lost");
        }
        let report = store.check(false, now()).unwrap();
        prop_assert!(report.is_clean(), "{report:?}");
    }
}
