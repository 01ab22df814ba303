//! Offboarding with numbers worked out by hand.
//!
//! Chris leaves. Chris–Port: strength 4, trust 4; Port is a priority stakeholder of goal Haven,
//! Team Haven (Chris lead, Bart member) looks after Port with Chris accountable. Bart–Port:
//! strength 2. Chris–Els: strength 3, cadence 60, no trust; nobody else knows Els.
//! Importance Chris–Port = 4 + 4 + 5 + 3 + 2 = 18 (risk medium: Bart knows Port, weakly);
//! Chris–Els = 3 + 0 = 3 (risk high: nobody else knows Els).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kring_core::manager::offboard::{HandoverChoice, HandoverRisk};
use kring_core::manager::*;
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use kring_i18n::Language;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    chris: RecordId,
    bart: RecordId,
    dirk: RecordId,
    port: RecordId,
    els: RecordId,
    team: RecordId,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s"), &OpenOptions::default()).unwrap();
    let t = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
    store
        .init("Mia", "mia@antwerpen.be", Role::Manager, t)
        .unwrap();
    let networker = |name: &str| {
        store
            .create(
                &Networker {
                    name: name.into(),
                    status: Some(NetworkerStatus::Active),
                    ..Networker::default()
                },
                None,
                t,
            )
            .unwrap()
    };
    let chris = networker("Chris");
    let bart = networker("Bart");
    let dirk = networker("Dirk");
    let port = store
        .create(
            &Organisation {
                name: "Port".into(),
                ..Organisation::default()
            },
            None,
            t,
        )
        .unwrap();
    let els = store
        .create(
            &Person {
                display_name: "Els".into(),
                ..Person::default()
            },
            Some(Visibility::Summary),
            t,
        )
        .unwrap();
    let relate = |n: RecordId,
                  s: RecordId,
                  strength: u8,
                  trust: Option<u8>,
                  cadence: Option<u32>,
                  visibility: Visibility| {
        store
            .create_with_id(
                RecordId::for_relationship(n, s),
                &Relationship {
                    networker: n,
                    stakeholder: s,
                    strength,
                    trust,
                    given: vec![],
                    received: vec![],
                    since: Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
                    cadence_days: cadence,
                    status: Some(RelationshipStatus::Active),
                    last_contact: None,
                },
                Some(visibility),
                t,
            )
            .unwrap();
    };
    relate(chris, port, 4, Some(4), None, Visibility::Shared);
    relate(bart, port, 2, None, None, Visibility::Shared);
    relate(chris, els, 3, None, Some(60), Visibility::Summary);
    store
        .create_goal(
            &Goal {
                name: "Haven".into(),
                priority_stakeholders: vec![port],
                ..Goal::default()
            },
            None,
            t,
        )
        .unwrap();
    let team = store
        .create_team(
            &Team {
                name: "Team Haven".into(),
                members: vec![
                    TeamMember {
                        networker: chris,
                        role: TeamRole::Lead,
                    },
                    TeamMember {
                        networker: bart,
                        role: TeamRole::Member,
                    },
                ],
                stakeholders: vec![port],
                accountable: vec![Accountability {
                    stakeholder: port,
                    networker: chris,
                }],
                ..Team::default()
            },
            None,
            t,
        )
        .unwrap();
    Fixture {
        _dir: dir,
        store,
        chris,
        bart,
        dirk,
        port,
        els,
        team,
    }
}

#[test]
fn the_handover_lists_relationships_by_importance_with_risk_and_proposed_successors() {
    let f = fixture();
    let digest = f.store.digest().unwrap();
    let plan = f
        .store
        .offboard(f.chris, &[], true, Language::English, now())
        .unwrap();
    assert!(!plan.applied);
    assert_eq!(
        f.store.digest().unwrap(),
        digest,
        "a dry run changes nothing"
    );
    assert_eq!(plan.items.len(), 2);
    let port = &plan.items[0];
    assert_eq!(port.stakeholder, f.port);
    assert_eq!(port.importance, 18);
    assert_eq!(port.risk, HandoverRisk::Medium);
    assert_eq!(port.candidates[0].networker, f.bart);
    assert_eq!(port.candidates[0].strength, Some(2));
    assert_eq!(port.successor.as_ref().unwrap().id, f.bart);
    assert!(!port.creates_relationship, "Bart already knows Port");
    let els = &plan.items[1];
    assert_eq!(els.stakeholder, f.els);
    assert_eq!(els.importance, 3);
    assert_eq!(els.risk, HandoverRisk::High);
    // Nobody knows Els: the proposal is Chris's team mate.
    assert_eq!(els.candidates.len(), 1);
    assert_eq!(els.candidates[0].networker, f.bart);
    assert!(els.candidates[0].reason.contains("team mate"));
    assert!(els.creates_relationship);
    assert_eq!(
        (plan.assigned, plan.unassigned, plan.new_relationships),
        (2, 0, 1)
    );
    assert_eq!(plan.accountabilities_moved, 1);
    assert_eq!(plan.team_memberships_ended, 1);
}

#[test]
fn offboarding_keeps_every_relationship_and_marks_the_networker_left() {
    let f = fixture();
    let before = f.store.counts().unwrap()["relationship"];
    let plan = f
        .store
        .offboard(f.chris, &[], false, Language::English, now())
        .unwrap();
    assert!(plan.applied);
    // Nothing deleted: Chris's two relationships stay; Bart gets one with Els.
    assert_eq!(f.store.counts().unwrap()["relationship"], before + 1);
    for stakeholder in [f.port, f.els] {
        let kept: Relationship = f
            .store
            .get(RecordId::for_relationship(f.chris, stakeholder))
            .unwrap()
            .unwrap();
        assert_eq!(kept.networker, f.chris);
    }
    let new: Relationship = f
        .store
        .get(RecordId::for_relationship(f.bart, f.els))
        .unwrap()
        .unwrap();
    assert_eq!((new.strength, new.cadence_days), (1, Some(60)));
    // The new relationship keeps the leaver's visibility (summary).
    let state = f
        .store
        .state(RecordId::for_relationship(f.bart, f.els))
        .unwrap()
        .unwrap();
    assert_eq!(kring_core::sync::visibility_of(&state), Visibility::Summary);
    let chris: Networker = f.store.get(f.chris).unwrap().unwrap();
    assert_eq!(chris.status, Some(NetworkerStatus::Left));
    let team = f.store.team_view(f.team, now()).unwrap();
    assert_eq!(team.members.len(), 1);
    assert_eq!(team.members[0].networker, f.bart);
    assert_eq!(team.stakeholders[0].accountable[0].id, f.bart);
    let list = f.store.networker_list(now()).unwrap();
    let chris = list.iter().find(|n| n.id == f.chris).unwrap();
    assert_eq!(chris.status, NetworkerStatus::Left);
    assert_eq!(chris.relationships, 2);
    // A note on Els's card says who took over.
    let detail = f.store.card_detail(f.els, now()).unwrap();
    assert!(detail
        .notes
        .iter()
        .any(|n| n.text.contains("Handed over from Chris to Bart")));
}

#[test]
fn a_chosen_successor_takes_what_no_proposed_colleague_among_them_knows() {
    let f = fixture();
    let plan = f
        .store
        .offboard(f.chris, &[f.dirk], false, Language::English, now())
        .unwrap();
    // Dirk knows neither: both go to Dirk, who gets two new relationships and joins the team.
    assert_eq!(plan.new_relationships, 2);
    assert!(plan
        .items
        .iter()
        .all(|i| i.successor.as_ref().unwrap().id == f.dirk));
    let team = f.store.team_view(f.team, now()).unwrap();
    assert!(team.members.iter().any(|m| m.networker == f.dirk));
    assert_eq!(team.stakeholders[0].accountable[0].id, f.dirk);
}

#[test]
fn offboarding_refuses_a_successor_who_is_not_a_networker_and_changes_nothing() {
    let f = fixture();
    let digest = f.store.digest().unwrap();
    let err = f
        .store
        .offboard(f.chris, &[f.port], false, Language::English, now())
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("is not a networker"), "{err}");
    let err = f
        .store
        .offboard(f.chris, &[f.chris], false, Language::English, now())
        .unwrap_err();
    assert!(err.to_string().contains("cannot succeed themselves"));
    assert_eq!(f.store.digest().unwrap(), digest);
}

/// The manager's pick: `stakeholder` goes to `successor`.
fn pick(stakeholder: RecordId, successor: RecordId) -> [HandoverChoice; 1] {
    [HandoverChoice {
        stakeholder,
        successor,
    }]
}

#[test]
fn a_relationship_picked_by_hand_goes_to_that_colleague_and_the_rest_as_proposed() {
    let f = fixture();
    // Without a pick, Port goes to Bart (who knows Port) and Els to Bart (team mate). The manager
    // gives Port to Dirk instead.
    let pick = pick(f.port, f.dirk);
    let plan = f
        .store
        .offboard_choosing(f.chris, &[], &pick, true, Language::English, now())
        .unwrap();
    let successor_of = |stakeholder: RecordId| {
        plan.items
            .iter()
            .find(|i| i.stakeholder == stakeholder)
            .and_then(|i| i.successor.as_ref())
            .map(|s| s.id)
    };
    assert_eq!(successor_of(f.port), Some(f.dirk));
    assert_eq!(successor_of(f.els), Some(f.bart));
    let plan = f
        .store
        .offboard_choosing(f.chris, &[], &pick, false, Language::English, now())
        .unwrap();
    assert!(plan.applied);
    // Dirk now has a relationship with Port and is accountable for it in Team Haven.
    let dirk_port: Relationship = f
        .store
        .get(RecordId::for_relationship(f.dirk, f.port))
        .unwrap()
        .unwrap();
    assert_eq!(dirk_port.stakeholder, f.port);
    let team = f.store.team_view(f.team, now()).unwrap();
    assert_eq!(team.stakeholders[0].accountable[0].id, f.dirk);
    assert!(f
        .store
        .get::<Relationship>(RecordId::for_relationship(f.bart, f.els))
        .unwrap()
        .is_some());
}

#[test]
fn a_pick_for_a_stranger_or_for_the_leaver_is_refused_and_changes_nothing() {
    let f = fixture();
    let digest = f.store.digest().unwrap();
    let stranger = f
        .store
        .create(
            &Organisation {
                name: "Unknown NV".into(),
                ..Organisation::default()
            },
            None,
            now(),
        )
        .unwrap();
    let digest_after_create = f.store.digest().unwrap();
    assert_ne!(digest, digest_after_create);
    let err = f
        .store
        .offboard_choosing(
            f.chris,
            &[],
            &pick(stranger, f.bart),
            false,
            Language::English,
            now(),
        )
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(
        err.to_string()
            .contains("Chris has no relationship with Unknown NV to hand over"),
        "{err}"
    );
    let err = f
        .store
        .offboard_choosing(
            f.chris,
            &[],
            &pick(f.port, f.chris),
            false,
            Language::English,
            now(),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("cannot succeed themselves"),
        "{err}"
    );
    assert_eq!(f.store.digest().unwrap(), digest_after_create);
}

#[test]
fn a_pick_made_on_another_card_of_the_same_stakeholder_counts() {
    let f = fixture();
    // "Port NV" is the same organisation as Port (an identity group): the manager may pick
    // through either card.
    let twin = f
        .store
        .create(
            &Organisation {
                name: "Port NV".into(),
                ..Organisation::default()
            },
            None,
            now(),
        )
        .unwrap();
    f.store
        .create_with_id(
            RecordId::for_same_as(f.port, twin),
            &SameAs {
                a: f.port,
                b: twin,
                same: true,
            },
            None,
            now(),
        )
        .unwrap();
    let plan = f
        .store
        .offboard_choosing(
            f.chris,
            &[],
            &pick(twin, f.dirk),
            true,
            Language::English,
            now(),
        )
        .unwrap();
    let port = plan.items.iter().find(|i| i.stakeholder == f.port).unwrap();
    assert_eq!(port.successor.as_ref().map(|s| s.id), Some(f.dirk));
}

#[test]
fn a_colleague_who_left_is_never_proposed_however_well_they_knew_the_stakeholder() {
    let f = fixture();
    let t = now() - chrono::Duration::days(30);
    // Dirk knew Els best of all (strength 5), then left.
    f.store
        .create_with_id(
            RecordId::for_relationship(f.dirk, f.els),
            &Relationship {
                networker: f.dirk,
                stakeholder: f.els,
                strength: 5,
                trust: Some(5),
                given: vec![],
                received: vec![],
                since: Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
                cadence_days: None,
                status: Some(RelationshipStatus::Active),
                last_contact: None,
            },
            None,
            t,
        )
        .unwrap();
    f.store
        .set_fields(f.dirk, &[("status".into(), "left".into())], t)
        .unwrap();
    let plan = f
        .store
        .offboard(f.chris, &[], true, Language::English, now())
        .unwrap();
    let els = plan.items.iter().find(|i| i.stakeholder == f.els).unwrap();
    assert!(
        els.candidates.iter().all(|c| c.networker != f.dirk),
        "Dirk left: {:?}",
        els.candidates
    );
    assert_eq!(els.risk, HandoverRisk::High, "nobody still here knows Els");
    assert!(els.successor.as_ref().is_none_or(|s| s.id != f.dirk));
    let summaries = f.store.networker_list(now()).unwrap();
    let dirk = summaries.iter().find(|n| n.id == f.dirk).unwrap();
    assert_eq!(
        (dirk.current_relationships, dirk.sole_contact_for),
        (0, 0),
        "a networker who left is nobody's sole contact"
    );
}

#[test]
fn two_colleagues_of_one_name_are_told_apart_by_their_unit_in_the_plan_and_the_list() {
    let f = fixture();
    let t = now() - chrono::Duration::days(30);
    f.store
        .set_fields(f.bart, &[("unit".into(), "Haven".into())], t)
        .unwrap();
    // A second Bart, in another unit, who also knows the port.
    let other_bart = f
        .store
        .create(
            &Networker {
                name: "Bart".into(),
                unit: Some("Economie".into()),
                status: Some(NetworkerStatus::Active),
                ..Networker::default()
            },
            None,
            t,
        )
        .unwrap();
    f.store
        .create_with_id(
            RecordId::for_relationship(other_bart, f.port),
            &Relationship {
                networker: other_bart,
                stakeholder: f.port,
                strength: 3,
                trust: None,
                given: vec![],
                received: vec![],
                since: Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
                cadence_days: None,
                status: Some(RelationshipStatus::Active),
                last_contact: None,
            },
            None,
            t,
        )
        .unwrap();
    let plan = f
        .store
        .offboard(f.chris, &[], true, Language::English, now())
        .unwrap();
    let port = plan.items.iter().find(|i| i.stakeholder == f.port).unwrap();
    let names: Vec<&str> = port.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Bart (Economie)", "Bart (Haven)"],
        "strongest first: {port:?}"
    );
    let labels: Vec<String> = f
        .store
        .networker_list(now())
        .unwrap()
        .into_iter()
        .filter(|n| n.name == "Bart")
        .map(|n| n.label)
        .collect();
    assert_eq!(labels, vec!["Bart (Economie)", "Bart (Haven)"]);
    let chris = f
        .store
        .networker_list(now())
        .unwrap()
        .into_iter()
        .find(|n| n.id == f.chris)
        .unwrap();
    assert_eq!(chris.label, "Chris", "a name nobody shares stays as it is");
}

#[test]
fn the_handover_plan_and_its_note_are_written_in_dutch_and_in_french() {
    let f = fixture();
    let dutch = f
        .store
        .offboard(f.chris, &[], true, Language::Dutch, now())
        .unwrap();
    let port = &dutch.items[0];
    assert!(
        port.candidates[0].reason.starts_with("kent "),
        "{:?}",
        port.candidates[0]
    );
    assert!(port.candidates[0].reason.contains("(sterkte 2)"));
    let els = &dutch.items[1];
    assert!(
        els.reasons
            .contains(&"niemand anders kent deze stakeholder".to_owned()),
        "{:?}",
        els.reasons
    );
    assert!(els.candidates[0].reason.starts_with("teamgenoot in "));
    let english = [
        "knows",
        "strength",
        "team mate",
        "nobody else",
        "priority stakeholder",
        "looked after",
        "accountable",
    ];
    let words: Vec<&String> = dutch
        .items
        .iter()
        .flat_map(|i| {
            i.reasons
                .iter()
                .chain(i.candidates.iter().map(|c| &c.reason))
        })
        .collect();
    for word in english {
        assert!(
            words.iter().all(|w| !w.contains(word)),
            "{word} is English: {words:?}"
        );
    }

    let french = f
        .store
        .offboard(f.chris, &[], false, Language::French, now())
        .unwrap();
    assert!(french.items[1]
        .reasons
        .contains(&"personne d'autre ne connaît cette partie prenante".to_owned()));
    assert!(french.items[1].candidates[0]
        .reason
        .starts_with("coéquipier dans "));
    let detail = f.store.card_detail(f.els, now()).unwrap();
    let note = detail
        .notes
        .iter()
        .find(|n| n.text.contains("Chris"))
        .expect("a note on the card says who took over");
    assert_eq!(
        note.text,
        format!(
            "Transmis de Chris à Bart le {} (départ).",
            kring_i18n::format::date(Language::French, now().date_naive())
        )
    );
    assert!(!note.text.contains("Handed over"));
}
