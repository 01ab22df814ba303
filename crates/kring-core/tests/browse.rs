//! The app's card list: filters, pages, search order, and row-by-row refresh after edits; plus the
//! export preview, backups and owner changes the app's screens rely on.

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use kring_core::browse::{CardList, CardQuery};
use kring_core::cards::views::{LogRequest, RelateRequest};
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn open(dir: &tempfile::TempDir) -> Store {
    let store = Store::open(
        &dir.path().join("store"),
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .unwrap();
    store
        .init("An Peeters", "an@antwerpen.be", Role::Networker, t0())
        .unwrap();
    store
}

fn person(store: &Store, name: &str, tags: &[&str]) -> RecordId {
    let body = Person {
        display_name: name.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..Person::default()
    };
    store.create(&body, None, t0()).unwrap()
}

fn organisation(store: &Store, name: &str, sector: Sector, level: Level) -> RecordId {
    let body = Organisation {
        name: name.into(),
        sector: Some(sector),
        level: Some(level),
        ..Organisation::default()
    };
    store.create(&body, None, t0()).unwrap()
}

fn query(text: &str) -> CardQuery {
    CardQuery {
        text: text.into(),
        limit: 100,
        ..CardQuery::default()
    }
}

fn names(store: &Store, list: &CardList, query: &CardQuery) -> Vec<String> {
    list.query(store, query)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.name)
        .collect()
}

#[test]
fn the_list_is_in_name_order_ignoring_accents_and_case_and_pages_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    for name in ["Zoë Claes", "émile Dubois", "Anja Maes", "bart Peeters"] {
        person(&store, name, &[]);
    }
    let list = CardList::build(&store, t0()).unwrap();
    assert_eq!(
        names(&store, &list, &query("")),
        ["Anja Maes", "bart Peeters", "émile Dubois", "Zoë Claes"]
    );
    let page = list
        .query(
            &store,
            &CardQuery {
                offset: 1,
                limit: 2,
                ..CardQuery::default()
            },
        )
        .unwrap();
    assert_eq!(
        page.total, 4,
        "the total counts every matching row, not the page"
    );
    assert_eq!(page.offset, 1);
    let page_names: Vec<_> = page.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(page_names, ["bart Peeters", "émile Dubois"]);
    let past_the_end = list
        .query(
            &store,
            &CardQuery {
                offset: 99,
                limit: 10,
                ..CardQuery::default()
            },
        )
        .unwrap();
    assert!(past_the_end.rows.is_empty());
    assert_eq!(past_the_end.total, 4);
}

#[test]
fn filters_on_kind_tag_sector_and_level_all_have_to_hold() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    person(&store, "Jan Janssens", &["Haven"]);
    person(&store, "Els Wouters", &["klimaat"]);
    organisation(
        &store,
        "Port of Antwerp-Bruges",
        Sector::Business,
        Level::Regional,
    );
    organisation(&store, "VITO", Sector::Knowledge, Level::Regional);
    organisation(&store, "Europese Commissie", Sector::Public, Level::Eu);
    let list = CardList::build(&store, t0()).unwrap();
    let with = |tweak: &dyn Fn(&mut CardQuery)| {
        let mut q = query("");
        tweak(&mut q);
        names(&store, &list, &q)
    };
    assert_eq!(
        with(&|q| q.kind = Some(RecordKind::Person)),
        ["Els Wouters", "Jan Janssens"]
    );
    assert_eq!(
        with(&|q| q.tag = Some("haven".into())),
        ["Jan Janssens"],
        "tags match without regard to case"
    );
    assert_eq!(
        with(&|q| q.level = Some(Level::Regional)),
        ["Port of Antwerp-Bruges", "VITO"]
    );
    assert_eq!(
        with(&|q| {
            q.level = Some(Level::Regional);
            q.sector = Some(Sector::Knowledge);
        }),
        ["VITO"]
    );
    let facets = list.facets();
    assert_eq!(facets.tags, ["Haven", "klimaat"]);
    // In the order the domain lists them (public first), not alphabetically.
    assert_eq!(
        facets.sectors,
        [Sector::Public, Sector::Business, Sector::Knowledge]
    );
    assert_eq!(facets.levels, [Level::Regional, Level::Eu]);
}

#[test]
fn a_text_query_lists_the_best_match_first_and_still_applies_the_filters() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    person(&store, "Jan Peeters", &[]);
    person(&store, "Janneke Muller", &[]);
    organisation(&store, "Jan Fabre Foundation", Sector::Social, Level::Local);
    let list = CardList::build(&store, t0()).unwrap();
    let found = names(&store, &list, &query("jan"));
    assert_eq!(found.len(), 3);
    assert_ne!(
        found[0], "Janneke Muller",
        "an exact word outranks a prefix"
    );
    let mut people_only = query("jan");
    people_only.kind = Some(RecordKind::Person);
    let found = names(&store, &list, &people_only);
    assert_eq!(found.len(), 2);
    assert!(!found.contains(&"Jan Fabre Foundation".to_string()));
    assert!(names(&store, &list, &query("nobody")).is_empty());
}

#[test]
fn strength_and_going_cold_come_from_this_networkers_relationship() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let warm = person(&store, "Warm Contact", &[]);
    let cold = person(&store, "Cold Contact", &[]);
    person(&store, "Stranger", &[]);
    let long_ago = t0() - Duration::days(200);
    for (card, strength) in [(warm, 4), (cold, 2)] {
        store
            .relate(
                card,
                &RelateRequest {
                    strength: Some(strength),
                    cadence_days: Some(30),
                    ..RelateRequest::default()
                },
                long_ago,
            )
            .unwrap();
    }
    let at: DateTime<FixedOffset> = (t0() - Duration::days(3)).fixed_offset();
    store
        .log_interaction(
            &LogRequest {
                with: vec![warm],
                kind: InteractionKind::Call,
                at,
                summary: "Catch-up".into(),
                outcomes: vec![],
                follow_up: None,
                visibility: None,
            },
            t0(),
        )
        .unwrap();
    let list = CardList::build(&store, t0()).unwrap();
    let mut strong = query("");
    strong.min_strength = Some(3);
    assert_eq!(names(&store, &list, &strong), ["Warm Contact"]);
    let mut cooling = query("");
    cooling.going_cold = true;
    assert_eq!(
        names(&store, &list, &cooling),
        ["Cold Contact"],
        "a relationship past its cadence with no recent contact is going cold"
    );
    let rows = list.query(&store, &query("")).unwrap().rows;
    let stranger = rows.iter().find(|r| r.name == "Stranger").unwrap();
    assert_eq!(stranger.strength, None);
    assert!(!stranger.going_cold);
}

#[test]
fn refreshing_after_an_edit_gives_the_same_list_as_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let jan = person(&store, "Jan Peeters", &[]);
    let els = person(&store, "Els Wouters", &[]);
    let mut list = CardList::build(&store, t0()).unwrap();
    let later = t0() + Duration::minutes(5);
    let renamed = Person {
        display_name: "Yannick Peeters".into(),
        tags: vec!["haven".into()],
        ..Person::default()
    };
    store.update(jan, &renamed, later).unwrap();
    store.delete(els, later).unwrap();
    let added = person(&store, "Bram Claes", &[]);
    list.refresh(&store, &[jan, els, added], later).unwrap();
    let rebuilt = CardList::build(&store, later).unwrap();
    assert_eq!(
        list.query(&store, &query("")).unwrap(),
        rebuilt.query(&store, &query("")).unwrap()
    );
    assert_eq!(
        names(&store, &list, &query("")),
        ["Bram Claes", "Yannick Peeters"]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Whatever the filters, a page holds exactly the rows a plain filter over the whole list
    /// gives at that offset, and the total counts them all.
    #[test]
    fn every_page_is_the_matching_slice_of_the_whole_list(
        cards in prop::collection::vec(("[a-e]{1,3}", prop::option::of(0usize..3), any::<bool>()), 1..30),
        tag_filter in prop::option::of(0usize..3),
        person_only in any::<bool>(),
        offset in 0u32..35,
        limit in 1u32..10,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = open(&dir);
        let tags = ["haven", "klimaat", "cultuur"];
        for (name, tag, is_person) in &cards {
            let tag: Vec<&str> = tag.map(|t| tags[t]).into_iter().collect();
            if *is_person {
                person(&store, name, &tag);
            } else {
                let body = Organisation { name: name.clone(), tags: tag.iter().map(|t| t.to_string()).collect(), ..Organisation::default() };
                store.create(&body, None, t0()).unwrap();
            }
        }
        let list = CardList::build(&store, t0()).unwrap();
        let all = list.query(&store, &CardQuery { limit: 1000, ..CardQuery::default() }).unwrap().rows;
        prop_assert_eq!(all.len(), cards.len());
        let expected: Vec<_> = all
            .iter()
            .filter(|r| tag_filter.is_none_or(|t| r.tags.iter().any(|x| x == tags[t])))
            .filter(|r| !person_only || r.kind == RecordKind::Person)
            .cloned()
            .collect();
        let q = CardQuery {
            tag: tag_filter.map(|t| tags[t].to_string()),
            kind: person_only.then_some(RecordKind::Person),
            offset,
            limit,
            ..CardQuery::default()
        };
        let page = list.query(&store, &q).unwrap();
        prop_assert_eq!(page.total as usize, expected.len());
        let start = (offset as usize).min(expected.len());
        let end = (start + limit as usize).min(expected.len());
        prop_assert_eq!(&page.rows[..], &expected[start..end]);
    }
}

#[test]
fn the_export_preview_counts_what_the_export_then_writes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    person(&store, "Shared Person", &[]);
    let secret = Person {
        display_name: "Private Person".into(),
        ..Person::default()
    };
    store
        .create(&secret, Some(Visibility::Private), t0())
        .unwrap();
    let files_before: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    let preview = store.export_preview(true).unwrap();
    let files_after: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(
        files_before.len(),
        files_after.len(),
        "a preview writes no file"
    );
    assert_eq!(preview.private_kept_back, 1);
    assert_eq!(preview.bytes, 0);
    let path = dir.path().join("out.kring");
    let written = store.export_bundle(&path, true, t0()).unwrap();
    assert_eq!(preview.records, written.records);
    assert_eq!(preview.private_kept_back, written.private_kept_back);
    assert_eq!(preview.summarised, written.summarised);
}

#[test]
fn a_manual_backup_is_listed_newest_first_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    assert!(store.backups().is_empty());
    let jan = person(&store, "Jan Peeters", &[]);
    let first = store.backup_now(t0()).unwrap();
    store.delete(jan, t0() + Duration::seconds(1)).unwrap();
    let second = store.backup_now(t0() + Duration::seconds(2)).unwrap();
    let listed: Vec<_> = store.backups().into_iter().map(|b| b.path).collect();
    assert_eq!(listed, [second, first.clone()]);
    assert!(store.backups().iter().all(|b| b.bytes > 0));
    store.restore(&first, t0() + Duration::seconds(3)).unwrap();
    assert!(
        store.live_state(jan).unwrap().is_some(),
        "the restored backup has the card again"
    );
}

#[test]
fn changing_the_owners_name_changes_the_profile_and_the_networker_card() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let profile = store
        .update_owner("An Peeters-Claes", "an.claes@antwerpen.be", t0())
        .unwrap();
    assert_eq!(store.profile().unwrap().unwrap(), profile);
    let card: Networker = store.get(profile.networker).unwrap().unwrap();
    assert_eq!(card.name, "An Peeters-Claes");
    assert_eq!(card.email.as_deref(), Some("an.claes@antwerpen.be"));
    let refused = store.update_owner("An", "not an email", t0());
    assert!(refused.is_err(), "an invalid email is refused");
    assert_eq!(store.profile().unwrap().unwrap().name, "An Peeters-Claes");
}

#[test]
fn two_cards_said_to_be_one_are_listed_once_and_found_by_either_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let a = person(&store, "Jan-Willem Müller", &["haven"]);
    let b = person(&store, "J.W. Muller", &["klimaat"]);
    store.declare_same_as(a, b, true, t0()).unwrap();
    let list = CardList::build(&store, t0()).unwrap();
    let all = list.query(&store, &query("")).unwrap();
    assert_eq!(all.total, 1, "a group is one row");
    let row = &all.rows[0];
    assert_eq!(row.id, a.min(b), "listed as its canonical card");
    assert!(row.tags.contains(&"haven".to_string()) && row.tags.contains(&"klimaat".to_string()));
    for name in ["willem", "j.w."] {
        let found = list.query(&store, &query(name)).unwrap();
        assert_eq!(found.total, 1, "'{name}' finds the group once");
        assert_eq!(found.rows[0].id, row.id);
    }
}

#[test]
fn every_commit_tells_the_observer_which_records_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Vec<RecordId>>::new()));
    let noted = std::sync::Arc::clone(&seen);
    store.observe_commits(Box::new(move |ids| {
        noted.lock().unwrap().push(ids.to_vec())
    }));
    let jan = person(&store, "Jan", &[]);
    let relationship = store
        .relate(
            jan,
            &RelateRequest {
                strength: Some(4),
                ..RelateRequest::default()
            },
            t0(),
        )
        .unwrap();
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        vec![vec![jan], vec![relationship]],
        "one call per commit, its ids"
    );
    // What the card list makes of them: a relationship shows in its stakeholder's row.
    assert_eq!(
        CardList::rows_written(&store, &[relationship]).unwrap(),
        Some([jan].into_iter().collect())
    );
}

#[test]
fn a_same_as_statement_asks_for_the_list_to_be_built_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let (a, b) = (person(&store, "Jan", &[]), person(&store, "Jan", &[]));
    store.declare_same_as(a, b, true, t0()).unwrap();
    let statement = RecordId::for_same_as(a, b);
    assert_eq!(CardList::rows_written(&store, &[statement]).unwrap(), None);
}
