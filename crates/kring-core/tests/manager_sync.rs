//! Goals, teams, partnerships, reviews and events sync like every record: made in two stores
//! they merge and converge to one digest, and they travel from the manager to a networker in
//! the master export. Plus partnership health and red lines, worked out by hand.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kring_core::manager::*;
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use std::path::PathBuf;

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0).unwrap()
}

struct World {
    dir: tempfile::TempDir,
    files: usize,
}

impl World {
    fn store(&self, name: &str, role: Role) -> Store {
        common::open_initialised(&self.dir.path().join(name), name, role, t0())
    }

    fn send(&mut self, from: &Store, to: &Store, now: DateTime<Utc>) {
        self.files += 1;
        let path: PathBuf = self.dir.path().join(format!("{}.kring", self.files));
        from.export_bundle(&path, true, now).unwrap();
        to.import_bundles(&[path], false, now).unwrap();
    }
}

#[test]
fn goals_teams_partnerships_and_events_made_in_two_stores_converge_and_reach_the_networker() {
    let mut world = World {
        dir: tempfile::tempdir().unwrap(),
        files: 0,
    };
    // Two Managers of the Network (goals, teams, partnerships and events are theirs to write)
    // and a networker they reach.
    let manager = world.store("Mia", Role::Manager);
    let an = world.store("An", Role::Manager);
    let lies = world.store("Lies", Role::Networker);
    common::enrol(&manager, &an, Role::Manager, t0());
    common::enrol(&manager, &lies, Role::Networker, t0());
    let mut now = t0();
    let an_id = an.require_profile().unwrap().networker;
    let mia_id = manager.require_profile().unwrap().networker;
    let port = an
        .create(
            &Organisation {
                name: "Port".into(),
                ..Organisation::default()
            },
            None,
            now,
        )
        .unwrap();
    world.send(&an, &manager, now);

    // The manager sets a goal, forms a team, records a partnership with a review and an event.
    now += Duration::minutes(1);
    let goal = manager
        .create_goal(
            &Goal {
                name: "Haven".into(),
                priority_stakeholders: vec![port],
                ..Goal::default()
            },
            None,
            now,
        )
        .unwrap();
    let team = manager
        .create_team(
            &Team {
                name: "Team Haven".into(),
                members: vec![TeamMember {
                    networker: an_id,
                    role: TeamRole::Lead,
                }],
                stakeholders: vec![port],
                accountable: vec![Accountability {
                    stakeholder: port,
                    networker: an_id,
                }],
                ..Team::default()
            },
            None,
            now,
        )
        .unwrap();
    let partnership = manager
        .create_partnership(
            &Partnership {
                name: "Haven-Stad".into(),
                partners: vec![port],
                review_every_days: Some(90),
                ..Partnership::default()
            },
            None,
            now,
        )
        .unwrap();
    manager
        .review_partnership(
            &PartnershipReview {
                partnership,
                date: now.date_naive(),
                values_based_leadership: 4,
                sharing_credit: 4,
                outcomes_for_communities: 5,
                communication_and_listening: 3,
                empowering_staff: 4,
                notes: None,
                reviewer: Some(mia_id),
            },
            None,
            now,
        )
        .unwrap();
    manager
        .create_event(
            &Event {
                name: "Havenconferentie".into(),
                kind: EventKind::Conference,
                at: now.fixed_offset(),
                location: None,
                invited: vec![an_id, port],
                attending: vec![an_id],
                outcomes: vec![],
                notes: None,
            },
            None,
            now,
        )
        .unwrap();
    // Meanwhile An sets a goal of their own.
    an.create_goal(
        &Goal {
            name: "Klimaat".into(),
            ..Goal::default()
        },
        None,
        now,
    )
    .unwrap();

    // The master export reaches An; An's export reaches the manager.
    now += Duration::minutes(1);
    world.send(&manager, &an, now);
    world.send(&an, &manager, now);
    assert_eq!(manager.digest().unwrap(), an.digest().unwrap());
    let goals: Vec<String> = an
        .goal_views(now)
        .unwrap()
        .into_iter()
        .map(|g| g.goal.name)
        .collect();
    assert_eq!(goals, vec!["Haven", "Klimaat"]);
    let team_at_an = an.team_view(team, now).unwrap();
    assert_eq!(team_at_an.members[0].name, "An");
    assert_eq!(team_at_an.stakeholders[0].name, "Port");
    assert_eq!(
        an.partnership_view(partnership, now).unwrap().health,
        Some(4.0)
    );
    assert_eq!(an.event_views().unwrap().len(), 1);

    // Concurrent edits of one team: the manager adds a member, An writes the purpose and adds
    // a stakeholder. Both survive, in both stores.
    now += Duration::minutes(1);
    manager
        .set_team_member(team, mia_id, Some(TeamRole::Advisor), now)
        .unwrap();
    an.set_fields(
        team,
        &[("purpose".into(), "Haven sterker maken".into())],
        now,
    )
    .unwrap();
    let second = an
        .create(
            &Organisation {
                name: "Alfaport".into(),
                ..Organisation::default()
            },
            None,
            now,
        )
        .unwrap();
    an.look_after(team, second, Some(an_id), false, now)
        .unwrap();
    an.link_to_goal(goal, &[second], true, now).unwrap();
    now += Duration::minutes(1);
    world.send(&manager, &an, now);
    world.send(&an, &manager, now);
    assert_eq!(manager.digest().unwrap(), an.digest().unwrap());
    for store in [&manager, &an] {
        let view = store.team_view(team, now).unwrap();
        assert_eq!(view.purpose.as_deref(), Some("Haven sterker maken"));
        assert_eq!(view.members.len(), 2);
        assert_eq!(view.stakeholders.len(), 2);
        let goal = store.goal_view(goal, now).unwrap();
        assert_eq!(goal.goal.priority_stakeholders.len(), 2);
    }
    assert!(manager.conflicts().unwrap().is_empty());
    // The master reaches the networker, who may read the goals but not write one.
    now += Duration::minutes(1);
    world.send(&lies, &manager, now);
    world.send(&manager, &lies, now);
    assert_eq!(lies.digest().unwrap(), manager.digest().unwrap());
    assert_eq!(lies.goal_views(now).unwrap().len(), 2);
    let refused = lies
        .create_goal(
            &Goal {
                name: "Eigen doel".into(),
                ..Goal::default()
            },
            None,
            now,
        )
        .unwrap_err();
    assert_eq!(refused.code(), "not_allowed", "{refused}");
}

#[test]
fn a_private_interaction_cannot_be_linked_to_a_shared_goal() {
    let world = World {
        dir: tempfile::tempdir().unwrap(),
        files: 0,
    };
    let store = world.store("An", Role::Networker);
    let port = store
        .create(
            &Organisation {
                name: "Port".into(),
                ..Organisation::default()
            },
            None,
            t0(),
        )
        .unwrap();
    let me = store.require_profile().unwrap().networker;
    let private = store
        .create(
            &Interaction {
                kind: InteractionKind::Call,
                at: t0().fixed_offset(),
                participants: vec![me, port],
                summary: "vertrouwelijk".into(),
                outcomes: vec![],
            },
            Some(Visibility::Private),
            t0(),
        )
        .unwrap();
    let goal = store
        .create_goal(
            &Goal {
                name: "Haven".into(),
                ..Goal::default()
            },
            None,
            t0(),
        )
        .unwrap();
    let err = store
        .link_to_goal(goal, &[private], true, t0())
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("private"), "{err}");
    let err = store.link_to_goal(goal, &[me], true, t0()).unwrap_err();
    assert!(err.to_string().contains("cannot be linked"), "{err}");
}

#[test]
fn partnership_health_is_the_mean_of_the_five_behaviours_and_the_next_review_follows_the_last() {
    let world = World {
        dir: tempfile::tempdir().unwrap(),
        files: 0,
    };
    let store = world.store("Mia", Role::Manager);
    let port = store
        .create(
            &Organisation {
                name: "Port".into(),
                tags: vec!["haven".into()],
                ..Organisation::default()
            },
            None,
            t0(),
        )
        .unwrap();
    let tobacco = store
        .create(
            &Organisation {
                name: "Smoke NV".into(),
                sector: Some(Sector::Business),
                tags: vec!["Tabak".into()],
                ..Organisation::default()
            },
            None,
            t0(),
        )
        .unwrap();
    let mut partnership = Partnership {
        name: "Haven-Stad".into(),
        partners: vec![port],
        red_lines: vec!["tag:tabak".into(), "geen wapenhandel".into()],
        review_every_days: Some(90),
        started: Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
        ..Partnership::default()
    };
    let id = store.create_partnership(&partnership, None, t0()).unwrap();
    let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    // Before any review: next review = start + 90 days = 2026-04-01, due by October.
    let view = store.partnership_view(id, t0()).unwrap();
    assert_eq!(view.next_review, Some(date(4, 1)));
    assert!(view.review_due);
    assert_eq!(view.health, None);
    for (day, scores) in [(date(3, 1), [3, 2, 3, 2, 2]), (date(9, 1), [4, 4, 5, 3, 4])] {
        store
            .review_partnership(
                &PartnershipReview {
                    partnership: id,
                    date: day,
                    values_based_leadership: scores[0],
                    sharing_credit: scores[1],
                    outcomes_for_communities: scores[2],
                    communication_and_listening: scores[3],
                    empowering_staff: scores[4],
                    notes: None,
                    reviewer: None,
                },
                None,
                t0(),
            )
            .unwrap();
    }
    let view = store.partnership_view(id, t0()).unwrap();
    // (3+2+3+2+2)/5 = 2.4 at risk → (4+4+5+3+4)/5 = 4.0 healthy.
    let health: Vec<f64> = view.reviews.iter().map(|r| r.health).collect();
    assert_eq!(health, vec![2.4, 4.0]);
    assert_eq!(view.reviews[0].band, HealthBand::AtRisk);
    assert_eq!(view.band, Some(HealthBand::Healthy));
    // 2026-09-01 + 90 days = 2026-11-30: not due on 2026-10-01.
    assert_eq!(view.next_review, Some(date(11, 30)));
    assert!(!view.review_due);

    // Red lines: the tobacco company crosses 'tag:tabak' (tags compare folded).
    assert_eq!(
        store.red_lines_crossed(&partnership, tobacco).unwrap(),
        vec!["tag:tabak".to_string()]
    );
    assert!(store
        .red_lines_crossed(&partnership, port)
        .unwrap()
        .is_empty());
    partnership.partners.push(tobacco);
    let err = store
        .update_partnership(id, &partnership, t0())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "partners: Smoke NV crosses the red line 'no partner tagged “tabak”'"
    );
    assert_eq!(store.partnership_view(id, t0()).unwrap().partners.len(), 1);
    // A score out of range names the behaviour.
    let err = store
        .review_partnership(
            &PartnershipReview {
                partnership: id,
                date: date(10, 1),
                values_based_leadership: 0,
                sharing_credit: 3,
                outcomes_for_communities: 3,
                communication_and_listening: 3,
                empowering_staff: 3,
                notes: None,
                reviewer: None,
            },
            None,
            t0(),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "values_based_leadership: 0 is out of range 1–5"
    );
}

#[test]
fn the_demo_adds_goals_teams_partnerships_reviews_and_events_the_same_way_for_a_seed() {
    let world = World {
        dir: tempfile::tempdir().unwrap(),
        files: 0,
    };
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
    let digests: Vec<(String, std::collections::BTreeMap<String, usize>)> = ["a", "b"]
        .iter()
        .map(|name| {
            let store = Store::open(&world.dir.path().join(name), &OpenOptions::default()).unwrap();
            kring_core::demo::generate(
                &store,
                &kring_core::demo::DemoOptions {
                    seed: 7,
                    cards: 300,
                    ..Default::default()
                },
                now,
            )
            .unwrap();
            let counts = store.counts().unwrap();
            let goals = store.goal_views(now).unwrap();
            assert_eq!(goals.len(), 3);
            assert!(goals
                .iter()
                .all(|g| !g.goal.priority_stakeholders.is_empty()));
            let partnerships = store.partnership_views(now).unwrap();
            assert_eq!(partnerships.len(), 2);
            assert!(partnerships.iter().all(|p| p.reviews.len() == 4));
            // The owner's own networker id is random; everything the seed decides is compared.
            let decided: Vec<String> = goals
                .iter()
                .map(|g| {
                    format!(
                        "{} {:?} {:?}",
                        g.goal.name, g.goal.priority_stakeholders, g.coverage.coverage_percent
                    )
                })
                .collect();
            (decided.join("\n"), counts)
        })
        .collect();
    assert_eq!(digests[0], digests[1]);
    let counts = &digests[0].1;
    assert_eq!(counts["goal"], 3);
    assert_eq!(counts["team"], 3);
    assert_eq!(counts["partnership"], 2);
    assert_eq!(counts["partnership_review"], 8);
    assert_eq!(counts["event"], 4);
}

#[test]
fn review_reminders_list_the_reviews_due_by_a_date_most_overdue_first_and_skip_ended_partnerships()
{
    let world = World {
        dir: tempfile::tempdir().unwrap(),
        files: 0,
    };
    let store = world.store("Mia", Role::Manager);
    let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let partner = store
        .create(
            &Organisation {
                name: "Havenbedrijf".into(),
                ..Organisation::default()
            },
            None,
            t0(),
        )
        .unwrap();
    let partnership = |name: &str, every: Option<u32>, started: NaiveDate| Partnership {
        name: name.into(),
        partners: vec![partner],
        review_every_days: every,
        started: Some(started),
        ..Partnership::default()
    };
    // Started 2026-06-01, every 90 days: due 2026-08-30, 32 days before 2026-10-01.
    let overdue = store
        .create_partnership(&partnership("Haven-Stad", Some(90), date(6, 1)), None, t0())
        .unwrap();
    // Started 2026-08-01, every 30 days, reviewed 2026-09-20: due 2026-10-20.
    let soon = store
        .create_partnership(
            &partnership("Klimaatpact", Some(30), date(8, 1)),
            None,
            t0(),
        )
        .unwrap();
    store
        .review_partnership(
            &PartnershipReview {
                partnership: soon,
                date: date(9, 20),
                values_based_leadership: 4,
                sharing_credit: 4,
                outcomes_for_communities: 4,
                communication_and_listening: 4,
                empowering_staff: 4,
                notes: None,
                reviewer: None,
            },
            None,
            t0(),
        )
        .unwrap();
    // Due 2026-12-30: after every horizon below.
    store
        .create_partnership(&partnership("Later", Some(365), date(1, 1)), None, t0())
        .unwrap();
    // No interval: never reminded.
    store
        .create_partnership(&partnership("Open-ended", None, date(1, 1)), None, t0())
        .unwrap();
    // Ended: never reminded, however overdue.
    let mut ended = partnership("Ended", Some(30), date(1, 1));
    ended.status = Some(PartnershipStatus::Ended);
    store.create_partnership(&ended, None, t0()).unwrap();

    let within_two_weeks = store.review_reminders(date(10, 15), t0()).unwrap();
    let names: Vec<&str> = within_two_weeks
        .iter()
        .map(|r| r.partnership.name.as_str())
        .collect();
    assert_eq!(names, vec!["Haven-Stad"]);
    assert_eq!(within_two_weeks[0].partnership.id, overdue);
    assert_eq!(within_two_weeks[0].due, date(8, 30));
    assert_eq!(within_two_weeks[0].days_overdue, 32);
    assert_eq!(within_two_weeks[0].last_review, None);
    assert_eq!(within_two_weeks[0].partners[0].name, "Havenbedrijf");

    let within_a_month = store.review_reminders(date(10, 31), t0()).unwrap();
    let names: Vec<&str> = within_a_month
        .iter()
        .map(|r| r.partnership.name.as_str())
        .collect();
    assert_eq!(names, vec!["Haven-Stad", "Klimaatpact"]);
    assert_eq!(within_a_month[1].due, date(10, 20));
    assert_eq!(within_a_month[1].days_overdue, 0);
    assert_eq!(within_a_month[1].last_review, Some(date(9, 20)));
    // The partnership view agrees on the date.
    assert_eq!(
        store.partnership_view(soon, t0()).unwrap().next_review,
        Some(date(10, 20))
    );
}
