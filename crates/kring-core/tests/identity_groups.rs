//! Duplicates and same-as groups on small stores built by hand: which pairs are proposed, how
//! statements join and split cards, how groups read, and how statements made in several stores
//! converge when their exports are merged.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::cards::views::{CardFilter, LogRequest, RelateRequest};
use kring_core::identity_groups::DuplicatePair;
use kring_core::model::{
    InteractionKind, Link, LinkKind, Organisation, Person, RecordId, RecordKind, Role, Visibility,
};
use kring_core::store::{OpenOptions, Store};
use std::path::PathBuf;

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).unwrap()
}

/// Networkers of one organisation exchanging full exports directly. Its manager enrols every
/// store made and hands the roster round before each exchange, so they accept each other.
struct World {
    dir: tempfile::TempDir,
    files: usize,
    manager: Store,
}

impl World {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let manager = Store::open(
            &dir.path().join("organisation-manager"),
            &OpenOptions {
                cache_bytes: 1 << 20,
            },
        )
        .expect("the store opens");
        manager
            .init("Beheer", "beheer@antwerpen.be", Role::Manager, t0())
            .expect("the manager's store is set up");
        World {
            dir,
            files: 0,
            manager,
        }
    }

    fn store(&self, name: &str) -> Store {
        let store = Store::open(
            &self.dir.path().join(name),
            &OpenOptions {
                cache_bytes: 1 << 20,
            },
        )
        .expect("the store opens");
        store
            .init(
                name,
                &format!("{}@antwerpen.be", name.to_lowercase()),
                Role::Networker,
                t0(),
            )
            .expect("the store is set up");
        common::enrol(&self.manager, &store, Role::Networker, t0());
        store
    }

    /// A full export of `from`, imported into each of `into` (after the roster).
    fn send(&mut self, from: &Store, into: &[&Store], now: DateTime<Utc>) {
        self.files += 1;
        let roster: PathBuf = self.dir.path().join(format!("roster-{}.kring", self.files));
        self.manager
            .export_bundle(&roster, true, t0())
            .expect("the roster exports");
        let path: PathBuf = self.dir.path().join(format!("{}.kring", self.files));
        from.export_bundle_with(&path, true, true, now)
            .expect("export");
        for store in into {
            store
                .import_bundles(&[roster.clone(), path.clone()], false, now)
                .expect("import");
        }
    }
}

fn person(name: &str) -> Person {
    Person {
        display_name: name.into(),
        ..Person::default()
    }
}

fn organisation(store: &Store, name: &str) -> RecordId {
    store
        .create(
            &Organisation {
                name: name.into(),
                ..Organisation::default()
            },
            None,
            t0(),
        )
        .expect("organisation")
}

fn person_at(store: &Store, body: Person, at: Option<RecordId>) -> RecordId {
    store
        .create_person(&body, at, None, None, t0())
        .expect("person")
}

fn pair_of(pairs: &[DuplicatePair], a: RecordId, b: RecordId) -> Option<&DuplicatePair> {
    pairs
        .iter()
        .find(|p| (p.id == a && p.other_id == b) || (p.id == b && p.other_id == a))
}

fn listed_ids(store: &Store) -> Vec<RecordId> {
    let mut ids: Vec<RecordId> = store
        .list_cards(&CardFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn duplicates_are_found_by_email_phone_and_name_and_not_for_different_people() {
    let world = World::new();
    let store = world.store("An");
    let port = organisation(&store, "Port of Antwerp-Bruges");
    let university = organisation(&store, "Universiteit Antwerpen");

    let jan = person_at(
        &store,
        Person {
            emails: vec!["jan.peeters@port.be".into()],
            ..person("Jan Peeters")
        },
        Some(port),
    );
    let jan_again = person_at(
        &store,
        Person {
            emails: vec!["Jan.Peeters@Port.BE".into()],
            ..person("Peeters, Jan")
        },
        None,
    );
    let sofie = person_at(
        &store,
        Person {
            phones: vec!["+32 3 229 11 11".into()],
            ..person("Sofie Maes")
        },
        Some(university),
    );
    let sofie_again = person_at(
        &store,
        Person {
            phones: vec!["03 229 11 11".into()],
            ..person("S. Maes")
        },
        None,
    );
    let broeck = person_at(&store, person("J. Van den Broeck"), Some(port));
    let broeck_again = person_at(&store, person("Jan van den Broeck"), Some(port));
    let an = person_at(&store, person("An Goossens"), None);
    let an_again = person_at(&store, person("Ann Goossens"), None);
    let an_exactly = person_at(&store, person("an goossens"), None);

    // Different people: other given names at one organisation, one name at two organisations, a
    // person and an organisation of one name.
    let koen = person_at(&store, person("Koen Willems"), Some(port));
    let karel = person_at(&store, person("Karel Willems"), Some(port));
    let lies_port = person_at(&store, person("Lies Claes"), Some(port));
    let lies_university = person_at(&store, person("Lies Claes"), Some(university));
    let maes_person = person_at(&store, person("Maes"), None);
    let maes_organisation = organisation(&store, "Maes");

    let pairs = store.duplicates(t0()).unwrap();

    let by_email = pair_of(&pairs, jan, jan_again).expect("one email in two cases is one person");
    assert_eq!(by_email.reason, "same email jan.peeters@port.be");
    assert!(
        by_email.score >= 0.9,
        "an email is strong evidence: {by_email:?}"
    );

    let by_phone =
        pair_of(&pairs, sofie, sofie_again).expect("one number in two notations is one person");
    assert!(
        by_phone.reason.starts_with("same phone +32 3 229 11 11")
            || by_phone.reason.starts_with("same phone 03 229 11 11"),
        "the number as written: {by_phone:?}"
    );

    let by_name =
        pair_of(&pairs, broeck, broeck_again).expect("an initial and a particle's case differ");
    assert_eq!(by_name.reason, "similar names at Port of Antwerp-Bruges");
    assert_eq!(by_name.kind, RecordKind::Person);

    let nowhere =
        pair_of(&pairs, an, an_exactly).expect("the same name, both without organisation");
    assert_eq!(nowhere.reason, "same name, neither at an organisation");
    assert!(
        pair_of(&pairs, an, an_again).is_none(),
        "without an organisation only exact names count: An is not Ann"
    );

    for (a, b, why) in [
        (koen, karel, "Koen and Karel are two people"),
        (lies_port, lies_university, "namesakes at two organisations"),
        (
            maes_person,
            maes_organisation,
            "a person is never an organisation",
        ),
    ] {
        assert!(
            pair_of(&pairs, a, b).is_none(),
            "{why}: {:?}",
            pair_of(&pairs, a, b)
        );
    }
    assert_eq!(pairs.len(), 4, "nothing else is proposed: {pairs:#?}");
    for pair in &pairs {
        assert!(
            pair.id < pair.other_id,
            "the first card is the would-be canonical one"
        );
        assert!(pair.score > 0.0 && pair.score <= 1.0, "{pair:?}");
    }
    assert!(
        pairs.windows(2).all(|w| w[0].score >= w[1].score),
        "most likely first: {pairs:#?}"
    );
}

#[test]
fn organisations_of_one_name_or_one_website_are_proposed() {
    let world = World::new();
    let store = world.store("An");
    let create = |name: &str, website: &str| {
        store
            .create(
                &Organisation {
                    name: name.into(),
                    website: Some(website.into()),
                    ..Organisation::default()
                },
                None,
                t0(),
            )
            .unwrap()
    };
    let katoen = create("Katoen Natie", "https://www.katoennatie.com");
    let katoen_nv = create("Katoen Natie NV", "https://katoennatie.com/en");
    let umicore = create("Umicore", "https://www.umicore.com");
    let pairs = store.duplicates(t0()).unwrap();
    let pair = pair_of(&pairs, katoen, katoen_nv).expect("a legal form does not make another org");
    assert_eq!(pair.reason, "same name; same website katoennatie.com");
    assert_eq!(pair.kind, RecordKind::Organisation);
    assert!(pair_of(&pairs, katoen, umicore).is_none());
}

#[test]
fn a_phone_shared_by_many_cards_is_a_switchboard_not_a_person() {
    let world = World::new();
    let store = world.store("An");
    let names = [
        "Anna", "Bart", "Carla", "Dirk", "Eva", "Frank", "Greet", "Hans", "Ines", "Joost",
    ];
    for given in names {
        person_at(
            &store,
            Person {
                phones: vec!["+32 3 338 11 11".into()],
                ..person(&format!("{given} Verbist{given}"))
            },
            None,
        );
    }
    assert_eq!(
        store.duplicates(t0()).unwrap(),
        vec![],
        "ten colleagues behind one switchboard are not ten duplicates"
    );
}

#[test]
fn same_as_joins_two_cards_and_not_same_undoes_it() {
    let world = World::new();
    let store = world.store("An");
    let a = person_at(&store, person("Jan Peeters"), None);
    let b = person_at(
        &store,
        Person {
            emails: vec!["jan@port.be".into()],
            ..person("J. Peeters")
        },
        None,
    );
    let other = person_at(&store, person("Sofie Maes"), None);
    let (low, high) = (a.min(b), a.max(b));
    assert_eq!(listed_ids(&store).len(), 3);

    let statement = store.declare_same_as(b, a, true, t0()).unwrap();
    assert_eq!(statement, RecordId::for_same_as(a, b));
    assert_eq!(store.identity_group(a).unwrap(), vec![low, high]);
    assert_eq!(store.identity_group(b).unwrap(), vec![low, high]);
    let mut expected = vec![low, other];
    expected.sort();
    assert_eq!(
        listed_ids(&store),
        expected,
        "the group is listed once, as its smallest id"
    );
    let hits = store.search("jan@port.be", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, low, "a hit on a member is its canonical card");
    assert_eq!(
        store.search("peeters", 10).unwrap().len(),
        1,
        "both members match, the group shows once"
    );
    assert!(
        store.duplicates(t0()).unwrap().is_empty(),
        "a group is not its own duplicate"
    );

    store
        .declare_same_as(a, b, false, t0() + Duration::minutes(1))
        .unwrap();
    assert_eq!(store.identity_group(a).unwrap(), vec![a]);
    assert_eq!(
        listed_ids(&store).len(),
        3,
        "not-same gives both cards back"
    );
    assert_eq!(
        store.same_as_statement(a, b).unwrap().map(|s| s.same),
        Some(false),
        "the statement is rewritten, not removed"
    );
    assert!(
        store.duplicates(t0()).unwrap().is_empty(),
        "a pair judged not the same is not proposed again"
    );
    assert!(
        store.conflicts().unwrap().is_empty(),
        "a local change of mind is no conflict"
    );
}

#[test]
fn statements_are_refused_for_a_card_itself_for_mixed_kinds_and_for_missing_cards() {
    let world = World::new();
    let store = world.store("An");
    let jan = person_at(&store, person("Jan Peeters"), None);
    let port = organisation(&store, "Port of Antwerp-Bruges");
    let missing = RecordId::new_v7(1);
    let networker = store.profile().unwrap().unwrap().networker;
    let message = |a, b| {
        store
            .declare_same_as(a, b, true, t0())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(message(jan, jan), "b: a card is always the same as itself");
    assert!(
        message(jan, port).contains("only two people or two organisations can be the same"),
        "{}",
        message(jan, port)
    );
    assert!(message(jan, missing).contains("no card with id"));
    assert!(
        message(jan, networker).contains("expected person or organisation"),
        "colleagues are not stakeholders"
    );
    assert_eq!(
        store.counts().unwrap().get("same_as").copied().unwrap_or(0),
        0,
        "nothing was written"
    );
}

#[test]
fn a_chain_of_statements_makes_one_group_and_deleting_the_link_splits_it() {
    let world = World::new();
    let store = world.store("An");
    let mut ids: Vec<RecordId> = (0..3)
        .map(|n| person_at(&store, person(&format!("Jan Peeters {n}")), None))
        .collect();
    ids.sort();
    store.declare_same_as(ids[2], ids[1], true, t0()).unwrap();
    store.declare_same_as(ids[1], ids[0], true, t0()).unwrap();
    assert_eq!(store.identity_group(ids[2]).unwrap(), ids);
    assert_eq!(store.identity_groups().unwrap().canonical(ids[2]), ids[0]);

    // Saying not-same about the two ends leaves them one through the middle card.
    store.declare_same_as(ids[0], ids[2], false, t0()).unwrap();
    assert_eq!(store.identity_group(ids[2]).unwrap(), ids);
    assert_eq!(
        store.same_as_path(ids[0], ids[2]).unwrap(),
        Some(ids.clone()),
        "the chain that still joins them"
    );

    store.delete(ids[1], t0() + Duration::minutes(1)).unwrap();
    assert_eq!(
        store.identity_group(ids[0]).unwrap(),
        vec![ids[0]],
        "a statement about a deleted card joins nothing"
    );
    assert_eq!(store.identity_group(ids[2]).unwrap(), vec![ids[2]]);
}

#[test]
fn card_detail_of_any_member_shows_the_union_of_the_group() {
    let world = World::new();
    let store = world.store("An");
    let now = t0();
    let port = organisation(&store, "Port of Antwerp-Bruges");
    let a = person_at(
        &store,
        Person {
            emails: vec!["jan.peeters@port.be".into()],
            phones: vec!["+32 3 229 11 11".into()],
            tags: vec!["haven".into()],
            ..person("Jan Peeters")
        },
        Some(port),
    );
    let b = person_at(
        &store,
        Person {
            emails: vec!["JAN.PEETERS@port.be".into(), "jan@peeters.be".into()],
            phones: vec!["03 229 11 11".into()],
            job_title: Some("havenkapitein".into()),
            tags: vec!["klimaat".into(), "Haven".into()],
            websites: vec!["https://peeters.be".into()],
            ..person("J. Peeters")
        },
        None,
    );
    let colleague = person_at(&store, person("Sofie Maes"), Some(port));
    store
        .add_note(b, "Voorzitter van de fanfare", None, now)
        .unwrap();
    store
        .relate(
            b,
            &RelateRequest {
                strength: Some(4),
                ..RelateRequest::default()
            },
            now,
        )
        .unwrap();
    let logged = store
        .log_interaction(
            &LogRequest {
                with: vec![b],
                kind: InteractionKind::Meeting,
                at: now.fixed_offset(),
                summary: "Overleg walstroom".into(),
                outcomes: vec![],
                follow_up: Some(("Nota sturen".into(), now.date_naive() + Duration::days(7))),
                visibility: None,
            },
            now,
        )
        .unwrap();
    store
        .create(
            &Link {
                from: b,
                to: colleague,
                kind: LinkKind("works_with".into()),
            },
            None,
            now,
        )
        .unwrap();
    store.declare_same_as(a, b, true, now).unwrap();
    let (canonical, other) = (a.min(b), a.max(b));

    for asked in [a, b] {
        let detail = store.card_detail(asked, now).unwrap();
        assert_eq!(detail.id, asked);
        assert_eq!(detail.canonical, canonical);
        assert_eq!(
            detail.same_as,
            vec![if asked == a { b } else { a }],
            "the other members"
        );
        let canonical_name = if canonical == a {
            "Jan Peeters"
        } else {
            "J. Peeters"
        };
        assert_eq!(detail.name, canonical_name, "the canonical card's name");
        let strings = |field: &str| -> Vec<String> {
            detail.fields[field]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect()
        };
        let emails = strings("emails");
        assert_eq!(
            emails.len(),
            2,
            "one address in two cases is shown once, the other is added: {emails:?}"
        );
        assert!(emails.contains(&"jan@peeters.be".to_owned()));
        assert_eq!(strings("phones").len(), 1, "one number in two notations");
        let mut tags: Vec<String> = strings("tags").iter().map(|t| t.to_lowercase()).collect();
        tags.sort();
        assert_eq!(tags, ["haven", "klimaat"]);
        assert_eq!(strings("websites"), ["https://peeters.be"]);
        assert_eq!(
            detail.fields["job_title"], "havenkapitein",
            "a field the canonical card leaves empty comes from a member"
        );
        assert_eq!(detail.affiliations.len(), 1, "a's affiliation");
        assert_eq!(detail.affiliations[0].organisation, port);
        assert_eq!(detail.notes.len(), 1, "b's note");
        assert_eq!(detail.relationships.len(), 1, "the relationship with b");
        assert_eq!(detail.interactions.len(), 1);
        assert_eq!(detail.interactions[0].id, logged.interaction);
        assert_eq!(detail.follow_ups.len(), 1);
        assert_eq!(detail.links.len(), 1);
        assert_eq!(detail.links[0].to, colleague);
    }

    let cards = store
        .list_cards(&CardFilter {
            kind: Some(RecordKind::Person),
            tag: Some("klimaat".into()),
        })
        .unwrap();
    assert_eq!(cards.len(), 1, "a member's tag finds the group");
    assert_eq!(cards[0].id, canonical);
    let all = store.list_cards(&CardFilter::default()).unwrap();
    assert!(
        all.iter().all(|c| c.id != other),
        "the other member is not listed on its own"
    );
    assert_eq!(store.search("fanfare", 5).unwrap()[0].id, canonical);
    assert!(
        store.check(false, now).unwrap().is_clean(),
        "statements keep the indexes in step"
    );
}

#[test]
fn opposite_statements_in_two_stores_converge_to_one_group_and_one_digest() {
    let mut world = World::new();
    let an = world.store("An");
    let bert = world.store("Bert");
    let now = t0();
    let a = person_at(&an, person("Jan Peeters"), None);
    let b = person_at(&an, person("J. Peeters"), None);
    world.send(&an, &[&bert], now);

    an.declare_same_as(a, b, true, now + Duration::minutes(1))
        .unwrap();
    bert.declare_same_as(b, a, true, now + Duration::minutes(2))
        .unwrap();
    world.send(&an, &[&bert], now + Duration::minutes(3));
    world.send(&bert, &[&an], now + Duration::minutes(3));

    let group = vec![a.min(b), a.max(b)];
    for store in [&an, &bert] {
        assert_eq!(store.identity_group(a).unwrap(), group);
        assert_eq!(store.list_cards(&CardFilter::default()).unwrap().len(), 1);
        assert_eq!(
            store.same_as_statement(a, b).unwrap().map(|s| s.same),
            Some(true)
        );
        assert!(
            store.conflicts().unwrap().is_empty(),
            "two people saying the same thing is no conflict: {:?}",
            store.conflicts().unwrap()
        );
    }
    assert_eq!(
        an.digest().unwrap(),
        bert.digest().unwrap(),
        "A=B here and B=A there are one statement"
    );
}

#[test]
fn a_concurrent_same_and_not_same_converge_and_show_as_a_conflict() {
    let mut world = World::new();
    let an = world.store("An");
    let bert = world.store("Bert");
    let now = t0();
    let a = person_at(&an, person("Jan Peeters"), None);
    let b = person_at(&an, person("J. Peeters"), None);
    an.declare_same_as(a, b, true, now).unwrap();
    world.send(&an, &[&bert], now);

    // An confirms while Bert, not having seen that, says they are two people.
    an.declare_same_as(a, b, false, now + Duration::minutes(1))
        .unwrap();
    an.declare_same_as(a, b, true, now + Duration::minutes(2))
        .unwrap();
    bert.declare_same_as(a, b, false, now + Duration::minutes(3))
        .unwrap();
    world.send(&an, &[&bert], now + Duration::minutes(4));
    world.send(&bert, &[&an], now + Duration::minutes(4));

    assert_eq!(an.digest().unwrap(), bert.digest().unwrap());
    for store in [&an, &bert] {
        assert_eq!(
            store.same_as_statement(a, b).unwrap().map(|s| s.same),
            Some(false),
            "the later writer wins"
        );
        assert_eq!(store.identity_group(a).unwrap(), vec![a]);
        let conflicts = store.conflicts().unwrap();
        let statement = conflicts
            .iter()
            .find(|c| c.id == RecordId::for_same_as(a, b))
            .expect("the concurrent opinions are kept as a conflict");
        assert!(
            statement.fields.iter().any(|f| f.field == "same"),
            "{conflicts:?}"
        );
    }
}

#[test]
fn a_chain_made_across_three_stores_converges_to_one_group() {
    let mut world = World::new();
    let stores = [world.store("An"), world.store("Bert"), world.store("Chloé")];
    let now = t0();
    let mut ids: Vec<RecordId> = ["Jan Peeters", "J. Peeters", "Jan P. Peeters"]
        .iter()
        .map(|name| person_at(&stores[0], person(name), None))
        .collect();
    world.send(&stores[0], &[&stores[1], &stores[2]], now);

    stores[1]
        .declare_same_as(ids[0], ids[1], true, now + Duration::minutes(1))
        .unwrap();
    stores[2]
        .declare_same_as(ids[1], ids[2], true, now + Duration::minutes(2))
        .unwrap();
    let later = now + Duration::minutes(3);
    world.send(&stores[1], &[&stores[0], &stores[2]], later);
    world.send(&stores[2], &[&stores[0], &stores[1]], later);

    ids.sort();
    let digest = stores[0].digest().unwrap();
    for store in &stores {
        for id in &ids {
            assert_eq!(
                store.identity_group(*id).unwrap(),
                ids,
                "A=B in one store and B=C in another make one group everywhere"
            );
        }
        assert_eq!(store.identity_groups().unwrap().groups().count(), 1);
        assert_eq!(store.card_detail(ids[2], later).unwrap().canonical, ids[0]);
        assert_eq!(store.digest().unwrap(), digest);
    }
}

#[test]
fn a_statement_about_a_private_card_stays_on_this_machine() {
    let mut world = World::new();
    let an = world.store("An");
    let bert = world.store("Bert");
    let shared = person_at(&an, person("Jan Peeters"), None);
    let private = an
        .create_person(
            &person("Jan Peeters (privé)"),
            None,
            None,
            Some(Visibility::Private),
            t0(),
        )
        .unwrap();
    an.declare_same_as(shared, private, true, t0()).unwrap();
    assert_eq!(an.identity_group(shared).unwrap().len(), 2);
    world.send(&an, &[&bert], t0());
    assert_eq!(
        bert.same_as_statement(shared, private).unwrap(),
        None,
        "the statement would name the private card"
    );
    assert_eq!(bert.identity_group(shared).unwrap(), vec![shared]);
}
