//! The golden answers the UI's screen tests read (`ui/tests/golden/*.json`): the real core's
//! answers to the calls the screens make, on the demo network (fixed seed, fixed `now`), through
//! the same command table the development bridge serves (`kring_api::dispatch`).
//!
//! A file holds the answers of the untouched demo store (`base`), and for each write a screen
//! test makes, its answer and the answers of the reads that follow it (`writes[].then`), each
//! taken on a fresh demo store. The UI's replay (`ui/tests/golden.ts`) answers a call only when
//! this file holds that very call, so a screen cannot pass on answers the core never gave.
//!
//! Like `src-tauri/tests/bindings.rs`: when what the core answers differs from the checked-in
//! files, the test rewrites them and fails, so CI fails until they are reviewed and committed.
//!
//! The ids a store makes up at random (its owner's card, the owner's relationships, what a write
//! creates), its node id and its folder are written as fixed placeholders, so that the files only
//! change when an answer does.

use chrono::{DateTime, TimeZone, Utc};
use kring_api::dispatch;
use kring_api::{Clock, Quiet, Session};
use kring_core::model::RecordId;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The moment every golden answer is taken at.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

const DEMO_CARDS: u32 = 300;

/// One demo store and the calls made on it.
struct Recorder {
    _dir: tempfile::TempDir,
    session: Session,
    calls: Vec<Value>,
}

impl Recorder {
    fn new(role: &str) -> Recorder {
        let dir = tempfile::tempdir().unwrap();
        let session = Session::open(
            &dir.path().join("store"),
            Clock::Fixed(now()),
            Box::new(Quiet),
        )
        .unwrap();
        let recorder = Recorder {
            _dir: dir,
            session,
            calls: Vec::new(),
        };
        // What first run does, with the owner's card given a fixed id: a random one would order
        // the owner's relationships differently on every run.
        let role = role.parse().unwrap();
        let owner = v7_at(now(), 1);
        recorder
            .session
            .store
            .init_as(
                owner,
                "Lotte Verbruggen",
                "lotte.verbruggen@antwerpen.be",
                role,
                now(),
            )
            .unwrap();
        kring_api::commands::load_demo(&recorder.session, DEMO_CARDS).unwrap();
        recorder
    }

    /// Runs a command as the bridge would and keeps the call and its answer.
    fn call(&mut self, command: &str, args: Value) -> Value {
        let Value::Object(map) = &args else {
            panic!("arguments are an object")
        };
        let answer = dispatch::answer(dispatch::call(&self.session, command, map));
        self.calls
            .push(json!({ "command": command, "args": args, "answer": answer }));
        answer
    }

    /// The data of a call that must succeed.
    fn data(&mut self, command: &str, args: Value) -> Value {
        let answer = self.call(command, args.clone());
        assert_eq!(answer["status"], "ok", "{command}({args}): {answer}");
        answer["data"].clone()
    }

    /// The placeholder of every id this store made up at random (those a write made), and of
    /// its node and folder.
    fn placeholders(&self, made: &mut Vec<String>) -> BTreeMap<String, String> {
        let store = &self.session.store;
        let mut map = BTreeMap::new();
        map.insert(store.node_id().to_string(), "0000000000000001".into());
        map.insert(
            store.path().display().to_string(),
            "/home/lotte/.local/share/kring/store".into(),
        );
        map.insert(
            self.downloads().display().to_string(),
            "/home/lotte/Downloads".into(),
        );
        // Ids made by a write (v7 at `now`, with random bits): numbered in the order they first
        // appear. The owner's card is made at `now` too, with a fixed id.
        let owner = v7_at(now(), 1).to_string();
        let text = serde_json::to_string(&self.calls).unwrap();
        for id in uuids(&text) {
            if id == owner || map.contains_key(&id) || !made_now(&id) {
                continue;
            }
            if !made.contains(&id) {
                made.push(id.clone());
            }
            let n = made.iter().position(|m| *m == id).unwrap() as u64 + 2;
            map.insert(id, v7_at(now(), n).to_string());
        }
        map
    }
}

/// The domain of a person's one address.
fn domain_of(person: &kring_core::model::Person) -> String {
    person.emails[0].rsplit_once('@').unwrap().1.to_owned()
}

/// A v7-shaped id at `at` whose other bits are `n`: sorts like an id made at that moment.
fn v7_at(at: DateTime<Utc>, n: u64) -> RecordId {
    let text = format!("{:012x}70008000{:012x}", at.timestamp_millis(), n);
    let hyphenated = format!(
        "{}-{}-{}-{}-{}",
        &text[0..8],
        &text[8..12],
        &text[12..16],
        &text[16..20],
        &text[20..32]
    );
    hyphenated.parse().unwrap()
}

/// Whether a v7 id was made at `now` (by a write of the scenario, not by the demo generator,
/// whose records are all dated in the past).
fn made_now(id: &str) -> bool {
    let millis = u64::from_str_radix(&id.replace('-', "")[..12], 16).unwrap_or(0);
    millis >= now().timestamp_millis() as u64 && id.as_bytes().get(14) == Some(&b'7')
}

/// Every UUID written in `text`, in order.
fn uuids(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let shape = |i: usize| -> bool {
        bytes.len() >= i + 36
            && (0..36).all(|k| {
                let c = bytes[i + k];
                if matches!(k, 8 | 13 | 18 | 23) {
                    c == b'-'
                } else {
                    c.is_ascii_hexdigit() && !c.is_ascii_uppercase()
                }
            })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 36 <= bytes.len() {
        if shape(i) {
            out.push(text[i..i + 36].to_owned());
            i += 36;
        } else {
            i += 1;
        }
    }
    out
}

fn replace_all(text: &str, map: &BTreeMap<String, String>) -> String {
    // Longest first, so a path is replaced before any id inside it.
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
    let mut out = text.to_owned();
    for key in keys {
        out = out.replace(key.as_str(), &map[key]);
    }
    out
}

/// A golden file: the base store's answers and each write's branch.
struct Golden {
    role: &'static str,
    base: Recorder,
    writes: Vec<Value>,
    made: Vec<String>,
}

impl Golden {
    fn new(role: &'static str) -> Golden {
        Golden {
            role,
            base: Recorder::new(role),
            writes: Vec::new(),
            made: Vec::new(),
        }
    }

    /// A write on a fresh demo store: `act` makes the write (its first call), then the reads that
    /// follow it.
    fn write(&mut self, act: impl FnOnce(&mut Recorder)) {
        let mut branch = Recorder::new(self.role);
        act(&mut branch);
        assert!(!branch.calls.is_empty(), "a write branch makes a call");
        let map = branch.placeholders(&mut self.made);
        let calls: Vec<Value> = branch
            .calls
            .iter()
            .map(|c| serde_json::from_str(&replace_all(&c.to_string(), &map)).unwrap())
            .collect();
        let mut write = calls[0].clone();
        write["then"] = Value::Array(calls[1..].to_vec());
        self.writes.push(write);
    }

    fn finish(mut self) -> Value {
        let map = self.base.placeholders(&mut self.made);
        let base: Vec<Value> = self
            .base
            .calls
            .iter()
            .map(|c| serde_json::from_str(&replace_all(&c.to_string(), &map)).unwrap())
            .collect();
        json!({
            "about": "Answers of the real core on the demo network, written by crates/kring-api/tests/golden.rs (cargo test -p kring-api --test golden). Do not edit.",
            "now": now().to_rfc3339(),
            "base": base,
            "writes": self.writes,
        })
    }
}

/// The id of the element of `list` whose `field` is `name`.
fn id_named(list: &Value, field: &str, name: &str) -> Value {
    find(list, field, name)["id"].clone()
}

/// What the app asks again after any write (`app.changed()`): the status and the counts.
fn refreshed(r: &mut Recorder) {
    r.call("app_status", json!({}));
    r.call("today", json!({}));
    r.call("list_conflicts", json!({}));
    r.call("list_duplicates", json!({}));
}

fn manager() -> Value {
    let mut golden = Golden::new("manager");
    let base = &mut golden.base;
    refreshed(base);
    base.call("kpi_report", json!({ "months": 12 }));
    base.call("list_goals", json!({}));
    let partnerships = base.data("list_partnerships", json!({}));
    let networkers = base.data("list_networkers", json!({}));
    base.call("graph_stats", json!({}));
    base.call("key_person_risk", json!({ "networker": null }));

    // A colleague's card (the stakeholders she knows) and the card of the first of them (the
    // colleagues who know that stakeholder), as opened from the map or the list.
    let colleague = networkers
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["status"] != "left" && n["name"] != "Lotte Verbruggen")
        .max_by_key(|n| n["relationships"].as_u64())
        .expect("a colleague in the demo")["id"]
        .clone();
    let card = base.data("card_detail", json!({ "id": colleague }));
    let known = card["acquaintances"][0]["id"].clone();
    assert!(known.is_string(), "the colleague knows someone: {card}");
    base.call("card_detail", json!({ "id": known }));

    // Offboarding Pieter Rousseau, as Kring proposes and with one relationship handed by hand.
    let pieter = id_named(&networkers, "/name", "Pieter Rousseau");
    let offboard = |picks: &Value, dry_run: bool| json!({ "networker": pieter, "successors": [], "picks": picks, "dryRun": dry_run });
    let plan = base.data("offboard", offboard(&json!([]), true));
    // Insights' "Plan a handover…" for the colleague who would take the most stakeholders along:
    // whoever the demo makes that, every colleague still here has a plan recorded.
    for colleague in networkers.as_array().unwrap() {
        if colleague["status"] != "left" && colleague["id"] != pieter {
            base.call(
                "offboard",
                json!({ "networker": colleague["id"], "successors": [], "picks": [], "dryRun": true }),
            );
        }
    }
    let successor = picked_by_hand(&plan, &networkers, &pieter);
    let picks = json!([{ "stakeholder": plan["items"][0]["stakeholder"], "successor": successor }]);
    base.call("offboard", offboard(&picks, true));
    for picks in [json!([]), picks] {
        let apply = offboard(&picks, false);
        golden.write(|r| {
            r.call("offboard", apply);
            refreshed(r);
            r.call("list_networkers", json!({}));
        });
    }

    // A review of the first partnership, scored 4, 5, 4, 4, 4 today.
    let review = json!({ "review": {
        "partnership": partnerships[0]["id"],
        "date": now().date_naive().to_string(),
        "values_based_leadership": 4,
        "sharing_credit": 5,
        "outcomes_for_communities": 4,
        "communication_and_listening": 4,
        "empowering_staff": 4,
        "notes": null,
    }});
    golden.write(|r| {
        r.call("review_partnership", review);
        refreshed(r);
    });

    // The Edit dialogs (Goals, Partnerships, Events, Teams): `base` is the body as listed, the
    // other what the form saves.
    let goal = goals_named(&golden.base, "Haven en logistiek versterken");
    let edit = |command: &str, view: &Value, body: &str, edited: Value| {
        let base = view[body].clone();
        let mut saved = base.clone();
        for (field, value) in edited.as_object().unwrap() {
            saved[field] = value.clone();
        }
        (
            command.to_owned(),
            json!({ "id": view["id"], "base": base, body: saved }),
        )
    };
    let partnership = &partnerships[0];
    let events = golden.base.data("list_events", json!({}));
    let event = find(&events, "/event/name", "Havenconferentie");
    let teams = golden.base.data("list_teams", json!({}));
    let team = json!({ "id": teams[0]["id"], "team": team_body(&teams[0]) });
    let edits = [
        edit(
            "update_goal",
            &goal,
            "goal",
            json!({ "name": "Haven en logistiek versterkt", "status": "achieved" }),
        ),
        edit(
            "update_partnership",
            partnership,
            "partnership",
            json!({ "review_every_days": 30 }),
        ),
        edit(
            "update_partnership",
            partnership,
            "partnership",
            json!({ "status": "ended" }),
        ),
        edit(
            "update_event",
            &event,
            "event",
            json!({ "name": "Havenconferentie 2026", "location": "MAS, Antwerpen" }),
        ),
        edit(
            "update_team",
            &team,
            "team",
            json!({ "name": "Team Europa en Brussel" }),
        ),
    ];
    // Insights' export of the graph, to the path the user typed.
    golden.write(|r| {
        let path = "/tmp/the-network.graphml";
        r.call("export_graph", json!({ "format": "graphml", "path": path }));
        let _ = std::fs::remove_file(path);
    });
    for (command, args) in edits {
        golden.write(|r| {
            r.call(&command, args);
            refreshed(r);
        });
    }
    data_protection(&mut golden);
    golden.finish()
}

/// The query the data protection tests find their person with: the first person by name.
fn first_person() -> Value {
    json!({ "query": { "text": "", "kind": "person", "limit": 1 } })
}

/// What the Data protection screen reads on each of its tabs.
fn protection_screen(r: &mut Recorder) {
    for command in [
        "list_purposes",
        "list_retention_rules",
        "retention_review",
        "list_erasures",
        "list_access_requests",
        "processing_log",
    ] {
        r.call(command, json!({}));
    }
}

/// The Data protection screen and the card's Forget dialog: the untouched store, a retention
/// rule added through the rule form, and the first person forgotten.
fn data_protection(golden: &mut Golden) {
    protection_screen(&mut golden.base);
    let person = golden.base.data("query_cards", first_person())["rows"][0]["id"].clone();
    golden.base.call("card_detail", json!({ "id": person }));
    let rule = json!({ "rule": {
        "name": "Meeting summaries",
        "applies_to": "interaction",
        "action": "clear",
        "after_days": 600,
        "fields": ["summary", "outcomes"],
        "legal_reference": "Selectielijst lokale besturen, reeks 1.2",
        "description": null,
    }});
    golden.write(|r| {
        r.call("add_retention_rule", rule);
        refreshed(r);
        protection_screen(r);
    });
    golden.write(|r| {
        r.call(
            "forget_person",
            json!({ "person": person, "reason": "Art. 17, request 2026-014" }),
        );
        refreshed(r);
        protection_screen(r);
    });
}

/// The colleague the Offboarding screen test picks by hand for the plan's first relationship:
/// the first in the picker (the candidates, then everyone else still here) who is not the one
/// Kring proposes.
fn picked_by_hand(plan: &Value, networkers: &Value, leaver: &Value) -> Value {
    let item = &plan["items"][0];
    let proposed = &item["successor"]["name"];
    let candidates = item["candidates"].as_array().unwrap();
    let in_candidates = |id: &Value| candidates.iter().any(|c| &c["networker"] == id);
    candidates
        .iter()
        .map(|c| (c["networker"].clone(), c["name"].clone()))
        .chain(
            networkers
                .as_array()
                .unwrap()
                .iter()
                .filter(|n| n["status"] != "left" && &n["id"] != leaver && !in_candidates(&n["id"]))
                .map(|n| (n["id"].clone(), n["name"].clone())),
        )
        .find(|(_, name)| name != proposed)
        .expect("a colleague other than the proposed one")
        .0
}

/// The goal of that name, as listed.
fn goals_named(r: &Recorder, name: &str) -> Value {
    let goals = r
        .calls
        .iter()
        .find(|c| c["command"] == "list_goals")
        .expect("the goals were listed")["answer"]["data"]
        .clone();
    find(&goals, "/goal/name", name)
}

/// The element of `list` whose `field` is `name`.
fn find(list: &Value, field: &str, name: &str) -> Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|item| item.pointer(field).and_then(Value::as_str) == Some(name))
        .unwrap_or_else(|| panic!("no {name} in {list}"))
        .clone()
}

/// A team's body as the Teams screen's Edit dialog builds it from the listed view.
fn team_body(view: &Value) -> Value {
    let stakeholders = view["stakeholders"].as_array().unwrap();
    json!({
        "name": view["name"],
        "purpose": view["purpose"],
        "members": view["members"].as_array().unwrap().iter()
            .map(|m| json!({ "networker": m["networker"], "role": m["role"] }))
            .collect::<Vec<_>>(),
        "stakeholders": stakeholders.iter().map(|s| s["stakeholder"].clone()).collect::<Vec<_>>(),
        "accountable": stakeholders.iter()
            .flat_map(|s| s["accountable"].as_array().unwrap().iter()
                .map(move |a| json!({ "stakeholder": s["stakeholder"], "networker": a["id"] })))
            .collect::<Vec<_>>(),
    })
}

fn networker() -> Value {
    let mut golden = Golden::new("networker");
    let base = &mut golden.base;
    // What the window asks when it opens (`App.svelte`), then the screens.
    refreshed(base);
    base.call("graph_stats", json!({}));
    base.call("key_person_risk", json!({ "networker": null }));
    // Today's partnership reminders and the partnership a networker opens from one, to read.
    let today = base.data("today", json!({}));
    base.calls.pop();
    assert!(
        !today["reviews_due"].as_array().unwrap().is_empty(),
        "the networker's demo has a partnership due for review"
    );
    base.call("list_partnerships", json!({}));
    base.call("list_networkers", json!({}));

    // "Log from file…": an Outlook invitation with two people of the demo network and an address
    // no card has, reviewed with that address ticked to add; and a file that is no invitation.
    let invitation = base.write_invitation();
    base.call("plan_capture", json!({ "paths": [invitation] }));
    let calendar = base.write_calendar();
    base.call("plan_capture", json!({ "paths": [calendar] }));
    let photo = base.downloads().join("holiday.jpg");
    std::fs::write(&photo, b"not a meeting").unwrap();
    base.call(
        "plan_capture",
        json!({ "paths": [photo.display().to_string()] }),
    );
    golden.write(|r| {
        let invitation = r.write_invitation();
        let mut plan = kring_api::commands::capture::plan_capture(&r.session, vec![invitation])
            .expect("the invitation is planned");
        for unknown in &mut plan.items[0].unknown {
            unknown.create = true;
        }
        r.call("apply_capture", json!({ "plan": plan }));
        refreshed(r);
    });

    // The Forget dialog of a card the organisation knows: refused for a networker.
    let person = golden.base.data("query_cards", first_person())["rows"][0]["id"].clone();
    golden.base.call("card_detail", json!({ "id": person }));
    golden.write(|r| {
        r.call(
            "forget_person",
            json!({ "person": person, "reason": "Art. 17, request 2026-014" }),
        );
    });
    golden.finish()
}

impl Recorder {
    /// The folder of files the user drops or chooses (written as `/home/lotte/Downloads`).
    fn downloads(&self) -> PathBuf {
        self._dir.path().join("Downloads")
    }

    /// A calendar export (as Thunderbird writes one) of three meetings: one with the first demo
    /// person, one still to come with the second, one with nobody Kring knows.
    fn write_calendar(&self) -> String {
        let (first, second) = self.two_demo_people();
        let event = |uid: &str, start: &str, summary: &str, attendee: &str| {
            format!(
                "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\n\
                 DTSTART;TZID=Europe/Brussels:{start}\r\nDTSTAMP:20261101T080000Z\r\n\
                 ATTENDEE;CN=Someone:mailto:{attendee}\r\nEND:VEVENT\r\n"
            )
        };
        let text = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n{}{}{}END:VCALENDAR\r\n",
            event("golden-1@kring", "20261110T100000", "Werkgroep haven", &first.emails[0]),
            event("golden-2@kring", "20261201T100000", "Stuurgroep", &second.emails[0]),
            event("golden-3@kring", "20261112T100000", "Koffie", "iemand@elders.example"),
        );
        std::fs::create_dir_all(self.downloads()).unwrap();
        let path = self.downloads().join("calendar.ics");
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    /// Two demo people with one address each, at two organisations (the first by name).
    fn two_demo_people(&self) -> (kring_core::model::Person, kring_core::model::Person) {
        use kring_core::model::{Person, RecordKind};
        let store = &self.session.store;
        let mut people: Vec<Person> = store
            .all_of_kind(RecordKind::Person)
            .unwrap()
            .iter()
            .filter(|state| !state.is_deleted())
            .filter_map(|state| kring_core::store::body_of::<Person>(state).ok())
            .filter(|p| p.emails.len() == 1 && !p.emails[0].ends_with("@telenet.be"))
            .collect();
        people.sort_by(|a, b| a.display_name.cmp(&b.display_name));
        let first = people[0].clone();
        let second = people
            .iter()
            .find(|p| domain_of(p) != domain_of(&first))
            .unwrap()
            .clone();
        (first, second)
    }

    /// An invitation as Outlook sends it, from the owner to two demo people at two organisations
    /// (one address in capitals, one display name as "Surname, Given name") and to a colleague of
    /// the first whom no card has; answers its path.
    fn write_invitation(&self) -> String {
        let (first, second) = self.two_demo_people();
        let surname_first = match (&second.family_name, &second.given_name) {
            (Some(family), Some(given)) => format!("{family}, {given}"),
            _ => second.display_name.clone(),
        };
        let text = format!(
            "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nPRODID:Microsoft Exchange Server 2010\r\n\
             VERSION:2.0\r\nBEGIN:VEVENT\r\n\
             ORGANIZER;CN=\"Verbruggen, Lotte\":mailto:lotte.verbruggen@antwerpen.be\r\n\
             ATTENDEE;CN={upper}:mailto:{upper}\r\n\
             ATTENDEE;CN=\"{surname_first}\":mailto:{second_email}\r\n\
             ATTENDEE;CN=\"Claes, Koen\":mailto:koen.claes@{first_domain}\r\n\
             UID:040000008200E00074C5B7101A82E008000000001\r\n\
             SUMMARY:Overleg walstroom\r\nLOCATION:Havenhuis\r\n\
             DTSTART;TZID=Romance Standard Time:20261118T140000\r\n\
             DTEND;TZID=Romance Standard Time:20261118T150000\r\n\
             SEQUENCE:0\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            upper = first.emails[0].to_uppercase(),
            second_email = second.emails[0],
            first_domain = domain_of(&first),
        );
        std::fs::create_dir_all(self.downloads()).unwrap();
        let path = self.downloads().join("Overleg walstroom.ics");
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }
}

/// The answers with every value on a line of its own but no indentation: a changed answer still
/// shows as changed lines in a diff, and the manager's file stays under 2 MiB (indented, the
/// nesting alone made it 2.7 MB).
fn one_value_a_line(golden: &Value) -> String {
    let mut bytes = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"");
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
    serde::Serialize::serialize(golden, &mut serializer).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn golden_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/tests/golden")
}

#[test]
fn the_ui_tests_golden_answers_are_what_the_core_answers_now() {
    let folder = golden_folder();
    std::fs::create_dir_all(&folder).unwrap();
    let mut stale = Vec::new();
    for (name, golden) in [("manager", manager()), ("networker", networker())] {
        let text = one_value_a_line(&golden) + "\n";
        let path = folder.join(format!("{name}.json"));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            // Rewritten so that a developer only has to review and commit it; CI still fails.
            std::fs::write(&path, &text).unwrap();
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "the golden answers differed from what the core answers and were rewritten: review and \
         commit {stale:?} (a command's answer, the demo generator or a screen test's calls changed)"
    );
}

#[test]
fn placeholders_are_found_in_json_text() {
    let text = r#"{"id":"0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b","x":"not-an-id"}"#;
    assert_eq!(uuids(text), ["0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b"]);
    assert_eq!(
        v7_at(now(), 3).to_string(),
        "01a207a2-3280-7000-8000-000000000003"
    );
}
