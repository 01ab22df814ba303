//! The Manager of the Network on the command line: goals, teams, partnerships and reviews,
//! events, KPIs and the report, offboarding, the transparency register — and their refusals.

mod common;

use common::Kring;
use serde_json::Value;
use tempfile::TempDir;

fn store_in(dir: &TempDir, name: &str, role: &str) -> Kring {
    Kring::at(dir.path().join(name)).set_up(name, role)
}

fn path(dir: &TempDir, name: &str) -> String {
    dir.path().join(name).to_str().unwrap().to_owned()
}

/// An (networker) knows Port well and Els alone; Bart (networker) knows Port weakly; both
/// exports reach Mia, the manager.
struct Network {
    dir: TempDir,
    mia: Kring,
    an: String,
    bart: String,
    port: String,
    els: String,
}

fn network() -> Network {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let bart = store_in(&dir, "Bart", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    common::one_organisation(&mia, &[(&an, "networker"), (&bart, "networker")]);
    let port = an.id(&[
        "card",
        "add",
        "org",
        "--name",
        "Port of Antwerp",
        "--tag",
        "haven",
    ]);
    let els = an.id(&["card", "add", "person", "--name", "Els Janssens"]);
    an.ok(&["relate", &port, "--strength", "4", "--cadence", "30"]);
    an.ok(&["relate", &els, "--strength", "3", "--cadence", "60"]);
    an.ok(&[
        "log",
        "--with",
        &port,
        "--kind",
        "meeting",
        "--at",
        "yesterday",
        "--summary",
        "Overleg kaaimuren",
        "--outcome",
        "Akkoord over planning",
    ]);
    an.ok(&[
        "log",
        "--with",
        &els,
        "--kind",
        "call",
        "--at",
        "yesterday",
        "--summary",
        "CANARY-PRIVATE gesprek",
        "--visibility",
        "private",
    ]);
    // An hands Bart her export directly (so it is plain), and Bart passes it on with his own.
    let an_file = path(&dir, "an.kring");
    an.ok(&["export", "--plain", "--out", &an_file]);
    bart.ok(&["import", &an_file]);
    bart.ok(&["relate", &port, "--strength", "2"]);
    let bart_file = path(&dir, "bart.kring");
    bart.ok(&["export", "--out", &bart_file]);
    mia.ok(&["import", &an_file, &bart_file]);
    let networkers = mia.json(&["networker", "list", "--json"]);
    let id_of = |name: &str| {
        networkers
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["name"] == name)
            .unwrap_or_else(|| panic!("no networker {name}: {networkers}"))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    Network {
        an: id_of("An"),
        bart: id_of("Bart"),
        mia,
        port,
        els,
        dir,
    }
}

#[test]
fn a_manager_sets_a_goal_forms_a_team_and_reads_the_coverage() {
    let n = network();
    let goal = n.mia.id(&[
        "goal",
        "add",
        "--name",
        "Haven versterken",
        "--priority",
        &n.port,
    ]);
    n.mia.ok(&["goal", "link", &goal, &n.els]);
    let view = n.mia.json(&["goal", "show", &goal, "--json"]);
    // Port: An, strength 4, met yesterday → covered. Els: An's strength-3 relationship, but
    // the only call with her was private, so its date stayed on An's machine → not covered.
    assert_eq!(
        view["coverage"]["covered"].as_array().unwrap().len(),
        1,
        "{view}"
    );
    assert_eq!(view["coverage"]["covered"][0]["name"], "Port of Antwerp");
    assert_eq!(
        view["coverage"]["covered"][0]["best"]["networker_name"],
        "An"
    );
    let uncovered = &view["coverage"]["uncovered"];
    assert_eq!(uncovered.as_array().unwrap().len(), 1, "{view}");
    assert_eq!(uncovered[0]["name"], "Els Janssens");
    assert!(
        uncovered[0]["best"]["last_contact"].is_null(),
        "the private call's date did not travel: {view}"
    );
    assert_eq!(view["coverage"]["coverage_percent"], 50.0);
    let nobody = n
        .mia
        .id(&["card", "add", "org", "--name", "Nobody Knows Us"]);
    n.mia.ok(&["goal", "link", &goal, &nobody]);
    let view = n.mia.json(&["goal", "show", &goal, "--json"]);
    assert_eq!(view["coverage"]["coverage_percent"], 33.3);
    assert!(n.mia.ok(&["goal", "show", &goal]).contains("✗"));

    let team = n.mia.id(&[
        "team",
        "add",
        "--name",
        "Team Haven",
        "--member",
        &format!("{}:lead", n.an),
        "--stakeholder",
        &n.port,
    ]);
    n.mia.ok(&["team", "member", &team, &n.bart]);
    n.mia
        .ok(&["team", "look-after", &team, &n.port, "--accountable", &n.an]);
    let team_view = n.mia.json(&["team", "show", &team, "--json"]);
    assert_eq!(team_view["members"].as_array().unwrap().len(), 2);
    assert_eq!(team_view["members"][0]["role"], "lead");
    assert_eq!(team_view["stakeholders"][0]["accountable"][0]["name"], "An");
    assert_eq!(
        team_view["stakeholders"][0]["known_by_members"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let text = n.mia.ok(&["team", "list"]);
    assert!(
        text.contains("Team Haven  — 2 members, 1 stakeholders"),
        "{text}"
    );
    n.mia
        .ok(&["goal", "edit", &goal, "--set", "status=achieved"]);
    assert!(n.mia.ok(&["goal", "list"]).contains("achieved"));

    n.mia
        .fails(&["goal", "show", &n.port], "is a organisation, not a goal");
    n.mia.fails(
        &["goal", "link", &goal, &n.an],
        "cannot be linked to a goal",
    );
    n.mia
        .fails(&["goal", "add", "--name", " "], "name: must not be empty");
    n.mia.fails(
        &["team", "member", &team, &n.an, "--role", "boss"],
        "'boss' is not one of lead, member, advisor",
    );
    n.mia.fails(
        &[
            "team",
            "look-after",
            &team,
            &n.els,
            "--accountable",
            &n.port,
        ],
        "not a networker",
    );
}

#[test]
fn a_partnership_is_reviewed_and_its_red_lines_are_checked() {
    let n = network();
    let smoke = n
        .mia
        .id(&["card", "add", "org", "--name", "Smoke NV", "--tag", "tabak"]);
    let p = n.mia.id(&[
        "partnership",
        "add",
        "--name",
        "Haven-Stad",
        "--partner",
        &n.port,
        "--objective",
        "Minder vrachtverkeer",
        "--accountability",
        &format!("{}=Levert data", n.port),
        "--red-line",
        "tag:tabak",
        "--benefits-risks",
        "50/50",
        "--exit",
        "zes maanden opzeg",
        "--review-every",
        "90",
    ]);
    let out = n.mia.ok(&[
        "partnership",
        "review",
        &p,
        "--leadership",
        "4",
        "--credit",
        "3",
        "--outcomes",
        "5",
        "--listening",
        "2",
        "--empowering",
        "4",
        "--notes",
        "Goed begin",
    ]);
    // (4 + 3 + 5 + 2 + 4) / 5 = 3.6
    assert!(out.contains("health 3.6 (needs attention)"), "{out}");
    let view = n.mia.json(&["partnership", "show", &p, "--json"]);
    assert_eq!(view["health"], 3.6);
    assert_eq!(view["reviews"].as_array().unwrap().len(), 1);
    assert_eq!(view["review_due"], false);
    assert_eq!(
        view["partnership"]["exit_arrangements"],
        "zes maanden opzeg"
    );
    // Reviewed today, every 90 days: not in `kring today`. One started a year ago with a review
    // every 30 days and never reviewed is 335 days overdue, and is.
    let overdue = n.mia.id(&[
        "partnership",
        "add",
        "--name",
        "Klimaatpact",
        "--partner",
        &n.port,
        "--review-every",
        "30",
        "--started",
        &(chrono::Utc::now().date_naive() - chrono::Duration::days(365)).to_string(),
    ]);
    let today = n.mia.json(&["today", "--json"]);
    let reviews = today["reviews_due"].as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{today}");
    assert_eq!(reviews[0]["partnership"]["id"], overdue.as_str());
    assert_eq!(reviews[0]["days_overdue"], 335);
    let text = n.mia.ok(&["today"]);
    assert!(
        text.contains("Partnership reviews due (1)") && text.contains("335 days overdue"),
        "{text}"
    );
    // A red line added later that the port (tag "haven") crosses: saved, with a warning.
    let run = n.mia.run(&[
        "partnership",
        "edit",
        &p,
        "--set",
        "red_lines=tag:tabak,tag:haven",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "a red line is crossed by a partner, Port of Antwerp: no partner tagged “haven”"
        ),
        "{}",
        run.stderr
    );
    let shown = n.mia.ok(&["partnership", "show", &p]);
    assert!(
        shown.contains("! red line crossed by Port of Antwerp: no partner tagged “haven”"),
        "{shown}"
    );
    // People read the rule; its spelling stays beside it for `partnership edit`.
    assert!(
        shown.contains("red line: no partner tagged “tabak”  [tag:tabak]"),
        "{shown}"
    );
    // Another edit warns no more: that crossing is known.
    let again = n.mia.run(&[
        "partnership",
        "edit",
        &p,
        "--set",
        "objectives=Minder files",
    ]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(!again.stderr.contains("warning"), "{}", again.stderr);
    n.mia
        .ok(&["partnership", "edit", &p, "--set", "red_lines=tag:tabak"]);
    let check = n.mia.ok(&["partnership", "check", &p, &smoke]);
    assert!(
        check.contains("crosses: no partner tagged “tabak”  [tag:tabak]"),
        "{check}"
    );
    n.mia.fails(
        &["partnership", "partner", &p, &smoke],
        "partners: Smoke NV crosses the red line 'no partner tagged “tabak”'",
    );
    n.mia.fails(
        &[
            "partnership",
            "add",
            "--name",
            "Rook",
            "--partner",
            &smoke,
            "--red-line",
            "tag:tabak",
        ],
        "crosses the red line",
    );
    n.mia.fails(
        &[
            "partnership",
            "review",
            &p,
            "--leadership",
            "6",
            "--credit",
            "3",
            "--outcomes",
            "3",
            "--listening",
            "3",
            "--empowering",
            "3",
        ],
        "values_based_leadership: 6 is out of range 1–5",
    );
    n.mia.fails(
        &[
            "partnership",
            "edit",
            &p,
            "--set",
            &format!("partners={smoke}"),
        ],
        "partners: use `kring partnership partner",
    );
}

#[test]
fn events_count_in_the_kpis_and_the_report_and_csv_are_written() {
    let n = network();
    let event = n.mia.id(&[
        "event",
        "add",
        "--name",
        "Havenconferentie",
        "--kind",
        "conference",
        "--at",
        "yesterday",
        "--invited",
        &n.an,
        "--invited",
        &n.port,
        "--outcome",
        "Twee nieuwe contacten",
    ]);
    n.mia.ok(&["event", "attend", &event, &n.an, &n.port]);
    n.mia.ok(&[
        "event",
        "add",
        "--name",
        "Nieuwsbrief",
        "--kind",
        "newsletter",
        "--invited",
        &n.els,
    ]);
    let events = n.mia.json(&["event", "list", "--json"]);
    assert_eq!(events.as_array().unwrap().len(), 2);
    let shown = n.mia.json(&["event", "show", &event, "--json"]);
    assert_eq!(shown["attending"].as_array().unwrap().len(), 2);

    let csv = path(&n.dir, "kpi.csv");
    let kpi: Value = n
        .mia
        .json(&["kpi", "--json", "--csv", &csv, "--months", "2"]);
    let org = &kpi["organisation"];
    assert_eq!(org["months"].as_array().unwrap().len(), 2);
    // The shared meeting yesterday and the conference today: 2 contacts, 2 outcomes.
    assert_eq!(org["totals"]["interactions"], 1, "{org}");
    assert_eq!(org["totals"]["events"], 1);
    assert_eq!(org["totals"]["newsletters"], 1);
    assert_eq!(org["totals"]["outcomes"], 2);
    assert_eq!(org["return_on_relationship"], 100.0);
    let networkers = kpi["networkers"].as_array().unwrap();
    assert_eq!(networkers.len(), 3);
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.starts_with("scope_kind,scope_id,scope_name,month,kpi,value\n"));
    let text = n.mia.ok(&["kpi"]);
    assert!(
        text.contains("Return-on-Relationship    100 outcomes per 100 contacts"),
        "{text}"
    );

    let html = path(&n.dir, "report.html");
    n.mia.ok(&["report", "--out", &html]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg") && page.contains("Return-on-Relationship"));
    assert!(!page.contains("<script"));
    n.mia
        .fails(&["kpi", "--months", "0"], "--months: give 1 to 120");
}

#[test]
fn offboarding_hands_over_without_losing_a_relationship() {
    let n = network();
    let before = n.mia.json(&["networker", "list", "--json"]);
    let an_before = before
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "An")
        .unwrap()
        .clone();
    assert_eq!(an_before["relationships"], 2);
    assert_eq!(an_before["sole_contact_for"], 1, "only An knows Els");
    let digest = n.mia.digest();
    let dry = n.mia.json(&["offboard", &n.an, "--dry-run", "--json"]);
    assert_eq!(dry["applied"], false);
    assert_eq!(n.mia.digest(), digest, "a dry run changes nothing");
    let items = dry["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    let els = items
        .iter()
        .find(|i| i["stakeholder"] == n.els.as_str())
        .unwrap();
    assert_eq!(els["risk"], "high");
    assert!(
        els["successor"].is_null(),
        "nobody is proposed for Els: {els}"
    );
    let port = items
        .iter()
        .find(|i| i["stakeholder"] == n.port.as_str())
        .unwrap();
    assert_eq!(port["risk"], "medium");
    assert_eq!(port["successor"]["name"], "Bart");
    // Picked by hand: Els to Bart, though nobody is proposed for her.
    let picked = n.mia.json(&[
        "offboard",
        &n.an,
        "--choose",
        &format!("{}={}", n.els, n.bart),
        "--dry-run",
        "--json",
    ]);
    let els = picked["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["stakeholder"] == n.els.as_str())
        .unwrap();
    assert_eq!(els["successor"]["name"], "Bart", "{els}");
    assert_eq!(els["creates_relationship"], true);
    n.mia.fails(
        &["offboard", &n.an, "--choose", &n.els, "--dry-run"],
        "write it as STAKEHOLDER=SUCCESSOR",
    );
    assert_eq!(
        n.mia.digest(),
        digest,
        "dry runs and refusals change nothing"
    );

    let text = n.mia.ok(&["offboard", &n.an, "--to", &n.bart]);
    assert!(text.contains("An is marked left"), "{text}");
    let after = n.mia.json(&["networker", "list", "--json"]);
    let an_after = after
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "An")
        .unwrap();
    assert_eq!(an_after["status"], "left");
    assert_eq!(an_after["relationships"], 2, "An's relationships stay");
    let bart = after
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "Bart")
        .unwrap();
    assert_eq!(
        bart["relationships"], 2,
        "Bart knew Port and takes over Els"
    );
    n.mia.fails(
        &["offboard", &n.bart, "--to", &n.an],
        "has left the organisation",
    );
    n.mia.fails(&["offboard", &n.port], "not a networker");
}

#[test]
fn the_transparency_register_holds_shared_meetings_only() {
    let n = network();
    let csv = path(&n.dir, "register.csv");
    let out = n
        .mia
        .ok(&["transparency", "--from=-7", "--to", "today", "--out", &csv]);
    assert!(out.contains("wrote 1 contact: 1 meeting"), "{out}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("Overleg kaaimuren"));
    assert!(text.contains("Port of Antwerp"));
    assert!(!text.contains("CANARY"));
    let html = path(&n.dir, "register.html");
    n.mia
        .ok(&["transparency", "--from=-7", "--to", "today", "--out", &html]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("Overleg kaaimuren") && !page.contains("CANARY"));
    n.mia.fails(
        &["transparency", "--from", "today", "--to=-7", "--out", &csv],
        "to: ends before it starts",
    );
    n.mia.fails(
        &[
            "transparency",
            "--from=-7",
            "--to",
            "today",
            "--out",
            "register.pdf",
        ],
        "name a .csv or .html file",
    );
    // On An's own machine the private call is An's, and still not in the register.
    let an = Kring::at(n.dir.path().join("An"));
    let own = path(&n.dir, "own.csv");
    an.ok(&["transparency", "--from=-7", "--to", "today", "--out", &own]);
    assert!(!std::fs::read_to_string(&own).unwrap().contains("CANARY"));
}

#[test]
fn the_report_and_the_register_are_written_in_the_language_of_lang() {
    let n = network();
    let report = path(&n.dir, "rapport.html");
    n.mia.ok(&["--lang", "nl", "report", "--out", &report]);
    let page = std::fs::read_to_string(&report).unwrap();
    for dutch in [
        "lang=\"nl-BE\"",
        "Return-on-Relationship (rendement van relaties)",
        "Mia — netwerkmanager",
        "Maand per maand",
        "Actieve relaties",
    ] {
        assert!(page.contains(dutch), "{dutch} missing");
    }
    for english in [
        "Month by month",
        "Active relationships",
        "Manager of the Network",
    ] {
        assert!(!page.contains(english), "{english} in the Dutch report");
    }

    let register = path(&n.dir, "registre.html");
    n.mia.ok(&[
        "transparency",
        "--lang",
        "fr",
        "--from=-7",
        "--to",
        "today",
        "--out",
        &register,
    ]);
    let page = std::fs::read_to_string(&register).unwrap();
    for french in [
        "lang=\"fr-BE\"",
        "Registre de transparence",
        "1 contact : 1 réunion",
        "<td>réunion</td>",
        "Mia — gestionnaire du réseau",
    ] {
        assert!(page.contains(french), "{french} missing from {page}");
    }
    assert!(!page.contains("Transparency register") && !page.contains(">meeting<"));
    let csv = path(&n.dir, "registre.csv");
    n.mia.ok(&[
        "--lang",
        "fr",
        "transparency",
        "--from=-7",
        "--to",
        "today",
        "--out",
        &csv,
    ]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("date,membres du réseau,parties prenantes,"),
        "{text}"
    );
}

#[test]
fn a_french_demo_speaks_french() {
    let dir = tempfile::tempdir().unwrap();
    let kring = Kring::at(dir.path().join("demo"));
    kring.ok(&["--lang", "fr", "demo", "--cards", "150"]);
    let goals = kring.json(&["goal", "list", "--json"]);
    let names: Vec<&str> = goals
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["goal"]["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Renforcer le port et la logistique"),
        "{goals}"
    );
}
