//! KPIs with numbers worked out by hand (the worked example of docs/kpis.md, extended).
//!
//! D = 2026-11-23 12:00 UTC. Networkers An and Bart; organisation Port (priority stakeholder of
//! goal Haven), person Els.
//! - An–Port: strength 4, cadence 30, met 2026-11-03 (2 outcomes) → 20 days: active, healthy.
//! - Bart–Port: strength 2, no cadence, met 2026-07-01 → 145 days > 90: not active, not cold.
//! - An–Els: strength 3, cadence 60, met 2026-08-01 → 114 days > 60: going cold.
//! - A conference on 2026-11-10 attended by Bart and Els (1 outcome), linked to Haven; a
//!   newsletter on 2026-11-15 sent to Els.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kring_core::manager::kpi::{self, KpiOptions, Scope};
use kring_core::manager::*;
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use kring_i18n::Language;

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    an: RecordId,
    bart: RecordId,
    port: RecordId,
    els: RecordId,
    goal: RecordId,
    team: RecordId,
}

fn relationship(
    networker: RecordId,
    stakeholder: RecordId,
    strength: u8,
    cadence: Option<u32>,
    given: &[&str],
    received: &[&str],
) -> Relationship {
    Relationship {
        networker,
        stakeholder,
        strength,
        trust: None,
        given: given.iter().map(|s| s.to_string()).collect(),
        received: received.iter().map(|s| s.to_string()).collect(),
        since: Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
        cadence_days: cadence,
        status: Some(RelationshipStatus::Active),
        last_contact: None,
    }
}

fn meet(store: &Store, people: &[RecordId], when: DateTime<Utc>, outcomes: &[&str]) -> RecordId {
    store
        .create(
            &Interaction {
                kind: InteractionKind::Meeting,
                at: when.fixed_offset(),
                participants: people.to_vec(),
                summary: "Overleg".into(),
                outcomes: outcomes.iter().map(|s| s.to_string()).collect(),
            },
            Some(Visibility::Shared),
            when,
        )
        .unwrap()
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s"), &OpenOptions::default()).unwrap();
    let t = at(2026, 1, 1);
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
    let an = networker("An");
    let bart = networker("Bart");
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
            None,
            t,
        )
        .unwrap();
    for r in [
        relationship(an, port, 4, Some(30), &["intro", "data"], &["visit"]),
        relationship(bart, port, 2, None, &["speaker"], &[]),
        relationship(an, els, 3, Some(60), &[], &["advice"]),
    ] {
        store
            .create_with_id(
                RecordId::for_relationship(r.networker, r.stakeholder),
                &r,
                None,
                t,
            )
            .unwrap();
    }
    meet(&store, &[an, port], at(2026, 11, 3), &["MoU", "pilot"]);
    meet(&store, &[bart, port], at(2026, 7, 1), &[]);
    meet(&store, &[an, els], at(2026, 8, 1), &[]);
    let event = store
        .create_event(
            &Event {
                name: "Havenconferentie".into(),
                kind: EventKind::Conference,
                at: at(2026, 11, 10).fixed_offset(),
                location: None,
                invited: vec![bart, els, an],
                attending: vec![bart, els],
                outcomes: vec!["new contact".into()],
                notes: None,
            },
            None,
            t,
        )
        .unwrap();
    store
        .create_event(
            &Event {
                name: "Nieuwsbrief".into(),
                kind: EventKind::Newsletter,
                at: at(2026, 11, 15).fixed_offset(),
                location: None,
                invited: vec![els],
                attending: vec![],
                outcomes: vec![],
                notes: None,
            },
            None,
            t,
        )
        .unwrap();
    let goal = store
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
    store.link_to_goal(goal, &[event], true, t).unwrap();
    let team = store
        .create_team(
            &Team {
                name: "Team Haven".into(),
                members: vec![TeamMember {
                    networker: bart,
                    role: TeamRole::Lead,
                }],
                stakeholders: vec![port],
                accountable: vec![Accountability {
                    stakeholder: port,
                    networker: bart,
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
        an,
        bart,
        port,
        els,
        goal,
        team,
    }
}

fn month<'a>(scope: &'a kpi::ScopeKpis, name: &str) -> &'a kpi::MonthKpis {
    scope
        .months
        .iter()
        .find(|m| m.month == name)
        .unwrap_or_else(|| panic!("no month {name}"))
}

#[test]
fn the_organisation_now_has_one_active_relationship_one_going_cold_and_one_single_point_of_failure()
{
    let f = fixture();
    let report = f.store.kpi_report(now(), &KpiOptions::default()).unwrap();
    let org = &report.organisation;
    assert_eq!(org.months.len(), 12);
    assert_eq!(org.months[0].month, "2025-12");
    let nov = month(org, "2026-11");
    assert_eq!(nov.active_relationships, 1, "only An–Port (20 days ≤ 30)");
    assert_eq!(nov.going_cold, 1, "An–Els: 114 days > 60");
    assert_eq!(
        nov.single_points_of_failure, 1,
        "Els is reached by An alone"
    );
    assert_eq!((nov.priority_covered, nov.priority_total), (1, 1));
    assert_eq!(nov.coverage_percent, Some(100.0));
    assert_eq!(nov.interactions, 1);
    assert_eq!(nov.events, 1);
    assert_eq!(nov.newsletters, 1);
    assert_eq!(nov.outcomes, 3, "2 on the meeting + 1 at the conference");
}

#[test]
fn past_months_are_measured_at_their_last_instant() {
    let f = fixture();
    let report = f.store.kpi_report(now(), &KpiOptions::default()).unwrap();
    let org = &report.organisation;
    // End of July: Bart–Port met on 1 July (30 days ≤ 90) is active; An–Port and An–Els have
    // no contact yet and cadences, so they are going cold.
    let jul = month(org, "2026-07");
    assert_eq!((jul.active_relationships, jul.going_cold), (1, 2));
    assert_eq!(jul.interactions, 1);
    // End of August: Bart–Port 61 days ≤ 90 and An–Els 30 days ≤ 60 are active; An–Port is cold.
    let aug = month(org, "2026-08");
    assert_eq!((aug.active_relationships, aug.going_cold), (2, 1));
    // Before anyone met Port healthily, the goal was not covered.
    assert_eq!(aug.priority_covered, 0);
    assert_eq!(aug.coverage_percent, Some(0.0));
}

#[test]
fn reciprocity_and_return_on_relationship_over_the_period() {
    let f = fixture();
    let report = f.store.kpi_report(now(), &KpiOptions::default()).unwrap();
    let org = &report.organisation;
    // given: 2 (An–Port) + 1 (Bart–Port) + 0 = 3; received: 1 + 0 + 1 = 2.
    assert_eq!(org.reciprocity.given, 3);
    assert_eq!(org.reciprocity.received, 2);
    assert_eq!(org.reciprocity.balance, 1);
    assert_eq!(
        (
            org.reciprocity.giving_more,
            org.reciprocity.receiving_more,
            org.reciprocity.balanced
        ),
        (2, 1, 0)
    );
    // 3 interactions + 1 event = 4 contacts; 3 outcomes → 75 per 100 contacts.
    assert_eq!(org.totals.interactions, 3);
    assert_eq!(org.totals.events, 1);
    assert_eq!(org.totals.outcomes, 3);
    assert_eq!(org.return_on_relationship, Some(75.0));
}

#[test]
fn a_networker_counts_only_their_own_relationships_and_interactions() {
    let f = fixture();
    let network = Network::load(&f.store, now()).unwrap();
    let contacts = kpi::Contacts::build(&network);
    let an = kpi::scope_kpis(&network, &contacts, &Scope::Networker(f.an), now(), 12).unwrap();
    let nov = month(&an, "2026-11");
    assert_eq!((nov.active_relationships, nov.going_cold), (1, 1));
    assert_eq!(an.totals.interactions, 2, "November and August");
    assert_eq!(an.totals.events, 0, "An was invited but did not attend");
    // An is the only one who knows Els; Port is also known by Bart.
    assert_eq!(nov.single_points_of_failure, 1);
    let bart = kpi::scope_kpis(&network, &contacts, &Scope::Networker(f.bart), now(), 12).unwrap();
    assert_eq!(bart.totals.events, 1);
    assert_eq!(month(&bart, "2026-11").single_points_of_failure, 0);
}

#[test]
fn a_team_counts_its_members_with_the_stakeholders_it_looks_after() {
    let f = fixture();
    let network = Network::load(&f.store, now()).unwrap();
    let contacts = kpi::Contacts::build(&network);
    let team = kpi::scope_kpis(&network, &contacts, &Scope::Team(f.team), now(), 12).unwrap();
    let nov = month(&team, "2026-11");
    // Only Bart–Port is the team's, and it is not active: Port is not covered by the team.
    assert_eq!(nov.active_relationships, 0);
    assert_eq!((nov.priority_covered, nov.priority_total), (0, 1));
    assert_eq!(nov.coverage_percent, Some(0.0));
    assert_eq!(
        nov.single_points_of_failure, 0,
        "Port is reached by An and Bart"
    );
    assert_eq!(team.totals.interactions, 1, "Bart and Port in July");
    assert_eq!(month(&team, "2026-07").interactions, 1);
}

#[test]
fn a_goal_counts_its_priority_stakeholders_and_what_is_linked_to_it() {
    let f = fixture();
    let network = Network::load(&f.store, now()).unwrap();
    let contacts = kpi::Contacts::build(&network);
    let goal = kpi::scope_kpis(&network, &contacts, &Scope::Goal(f.goal), now(), 12).unwrap();
    let nov = month(&goal, "2026-11");
    assert_eq!(nov.active_relationships, 1, "An–Port");
    assert_eq!(nov.coverage_percent, Some(100.0));
    assert_eq!(nov.interactions, 1);
    assert_eq!(nov.events, 1, "the conference is linked to the goal");
    assert_eq!(nov.outcomes, 3);
    assert_eq!(
        goal.totals.interactions, 2,
        "with Port in November and July"
    );

    let coverage = kpi::goal_coverage(&network, &contacts, f.goal, now()).unwrap();
    assert_eq!(coverage.covered.len(), 1);
    assert!(coverage.uncovered.is_empty());
    let best = coverage.covered[0].best.as_ref().unwrap();
    assert_eq!(best.networker, f.an);
    assert_eq!(best.strength, 4);
    assert_eq!(coverage.covered[0].networkers, 2);
}

#[test]
fn coverage_lists_a_priority_stakeholder_nobody_knows_as_not_covered() {
    let f = fixture();
    f.store.link_to_goal(f.goal, &[f.els], true, now()).unwrap();
    let nobody = f
        .store
        .create(
            &Organisation {
                name: "Nobody Knows Us".into(),
                ..Organisation::default()
            },
            None,
            now(),
        )
        .unwrap();
    f.store
        .link_to_goal(f.goal, &[nobody], true, now())
        .unwrap();
    let view = f.store.goal_view(f.goal, now()).unwrap();
    // Port covered; Els known by An but going cold (not active); nobody knows the third.
    assert_eq!(view.coverage.covered.len(), 1);
    assert_eq!(view.coverage.uncovered.len(), 2);
    assert_eq!(view.coverage.coverage_percent, Some(33.3));
    let unknown = view
        .coverage
        .uncovered
        .iter()
        .find(|r| r.stakeholder == nobody)
        .unwrap();
    assert!(unknown.best.is_none());
    assert_eq!(unknown.networkers, 0);
    let els = view
        .coverage
        .uncovered
        .iter()
        .find(|r| r.stakeholder == f.els)
        .unwrap();
    assert!(!els.best.as_ref().unwrap().active);
}

#[test]
fn a_networker_who_left_no_longer_counts() {
    let f = fixture();
    f.store
        .set_fields(f.an, &[("status".into(), "left".into())], now())
        .unwrap();
    let report = f.store.kpi_report(now(), &KpiOptions::default()).unwrap();
    let nov = month(&report.organisation, "2026-11");
    assert_eq!(nov.active_relationships, 0);
    assert_eq!(nov.going_cold, 0);
    assert_eq!(nov.coverage_percent, Some(0.0));
    // Port is now reached by Bart alone; Els by nobody.
    assert_eq!(nov.single_points_of_failure, 1);
}

#[test]
fn the_csv_has_one_row_per_scope_month_and_kpi() {
    let f = fixture();
    let report = f
        .store
        .kpi_report(
            now(),
            &KpiOptions {
                months: 3,
                per_networker: true,
            },
        )
        .unwrap();
    let csv = kpi::kpi_csv(&report);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "scope_kind,scope_id,scope_name,month,kpi,value");
    // Scopes: organisation, 1 goal, 1 team, 3 networkers (Mia, An, Bart) = 6;
    // each 3 months × 10 KPIs + 4 period figures = 34 rows.
    assert_eq!(lines.len(), 1 + 6 * 34);
    assert!(lines.contains(&"organisation,,Organisation,2026-11,active_relationships,1"));
    // Over September–November: 1 interaction + 1 event, 3 outcomes → 150 per 100 contacts.
    assert!(lines.contains(&"organisation,,Organisation,2026-11,return_on_relationship,150"));
}

#[test]
fn the_html_report_is_self_contained() {
    let f = fixture();
    let report = f.store.kpi_report(now(), &KpiOptions::default()).unwrap();
    let partnerships = f.store.partnership_views(now()).unwrap();
    let html = report::render_html(
        &report,
        &partnerships,
        "Stad <Antwerpen>",
        Language::English,
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"));
    assert!(html.contains("Stad &lt;Antwerpen&gt;"));
    for external in ["<script", "src=", "href=", "@import", "url("] {
        assert!(
            !html.contains(external),
            "no external assets: found {external}"
        );
    }
    let _ = (f.port, f.els);
}

/// The English words of the report a translation must not keep.
const ENGLISH_REPORT_WORDS: &[&str] = &[
    "<h2>Now</h2>",
    "Month by month",
    "Goals: priority stakeholders covered",
    "How the numbers are made",
    "Active relationships",
    "Interactions this month",
    "Single points of failure",
    "Going cold",
    "Per networker",
    "Not covered",
    "generated",
    "outcomes / 100 contacts",
    "Reciprocity balance",
    "now: ",
    "November",
    "lang=\"en",
    "no partner tagged",
    "not reviewed",
    "Red lines crossed",
    "(due)",
];

#[test]
fn the_report_is_written_in_dutch_and_in_french_with_their_dates_and_numbers() {
    let f = fixture();
    let arms = f
        .store
        .create(
            &Organisation {
                name: "Wapenhandel NV".into(),
                ..Organisation::default()
            },
            Some(Visibility::Shared),
            at(2026, 1, 1),
        )
        .unwrap();
    f.store
        .create_partnership(
            &Partnership {
                name: "Haven-Stad".into(),
                partners: vec![arms],
                red_lines: vec!["tag:wapenhandel".into()],
                review_every_days: Some(90),
                started: Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
                ..Partnership::default()
            },
            None,
            at(2026, 1, 1),
        )
        .unwrap();
    // Tagged after it became a partner: the report says which red line it crosses now.
    f.store
        .update(
            arms,
            &Organisation {
                name: "Wapenhandel NV".into(),
                tags: vec!["wapenhandel".into()],
                ..Organisation::default()
            },
            at(2026, 2, 1),
        )
        .unwrap();
    let report = f.store.kpi_report(now(), &KpiOptions::default()).unwrap();
    let partnerships = f.store.partnership_views(now()).unwrap();
    let dutch = report::render_html(
        &report,
        &partnerships,
        "Mia — netwerkmanager",
        Language::Dutch,
    );
    for word in [
        "<html lang=\"nl-BE\">",
        "Return-on-Relationship (rendement van relaties)",
        "<h2>Nu</h2>",
        "Maand per maand",
        "Actieve relaties",
        "Enkelvoudige risico&#39;s",
        "Hoe de cijfers berekend worden",
        "november 2026",
        "opgemaakt op 23 november 2026",
        "Per netwerker",
        "<th>Overschreden rode lijnen</th>",
        "Wapenhandel NV: geen partner met label “wapenhandel”",
        "1 april 2026 (te doen)",
    ] {
        assert!(
            dutch.contains(word),
            "{word} is missing from the Dutch report"
        );
    }
    let french = report::render_html(
        &report,
        &partnerships,
        "Mia — gestionnaire du réseau",
        Language::French,
    );
    for word in [
        "<html lang=\"fr-BE\">",
        "Return-on-Relationship (rendement des relations)",
        "Mois par mois",
        "Relations actives",
        "Points de défaillance uniques",
        "Comment les chiffres sont calculés",
        "novembre 2026",
        "établi le 23 novembre 2026",
        "Par membre du réseau",
        "<th>Lignes rouges franchies</th>",
        "Wapenhandel NV: aucun partenaire avec l&#39;étiquette « wapenhandel »",
        "pas évalué",
    ] {
        assert!(
            french.contains(word),
            "{word} is missing from the French report"
        );
    }
    for (language, html) in [("nl", &dutch), ("fr", &french)] {
        for english in ENGLISH_REPORT_WORDS {
            assert!(
                !html.contains(english),
                "{language}: {english:?} is English"
            );
        }
        for external in ["<script", "src=", "href=", "@import", "url("] {
            assert!(!html.contains(external), "{language}: {external}");
        }
    }
    // A figure with a decimal is written with a comma in both.
    if let Some(ror) = report.organisation.return_on_relationship {
        let dutch_ror = kring_i18n::format::decimal(Language::Dutch, ror, 1);
        assert!(dutch.contains(&format!("{dutch_ror} resultaten / 100 contacten")));
        assert!(!dutch_ror.contains('.') || ror >= 1000.0);
    }
}
