//! The Manager of the Network's commands speak the language of `--lang` (goals, teams,
//! partnerships, events, networkers, the handover, KPIs), while `--json` is the same in every
//! language: scripts read its keys and values.

mod common;

use common::Kring;
use serde_json::Value;

const LANGUAGES: [&str; 4] = ["en", "nl", "fr", "de"];

/// A demo store (its texts in the Flemish demo's Dutch, whatever the language asked later).
fn demo() -> Kring {
    let kring = Kring::in_temporary_folder();
    kring.ok(&["--lang", "en", "demo", "--cards", "150"]);
    kring
}

fn first_id(kring: &Kring, args: &[&str]) -> String {
    let list = kring.json(args);
    let first = &list.as_array().unwrap_or_else(|| panic!("{list}"))[0];
    first["id"].as_str().unwrap().to_owned()
}

fn say(kring: &Kring, language: &str, args: &[&str]) -> String {
    let mut all = vec!["--lang", language];
    all.extend_from_slice(args);
    kring.ok(&all)
}

/// The JSON without the moments read off the clock (`generated_at`, and the current month's
/// `at`, which is now), which differ between two runs a second apart in any language.
fn without_now(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("generated_at");
            if map
                .get("at")
                .and_then(Value::as_str)
                .is_some_and(|at| !at.ends_with("23:59:59Z"))
            {
                map.remove("at");
            }
            map.values_mut().for_each(without_now);
        }
        Value::Array(items) => items.iter_mut().for_each(without_now),
        _ => {}
    }
}

/// `args --json` answers the same JSON in all four languages.
fn json_is_the_same_in_every_language(kring: &Kring, args: &[&str]) {
    let answers: Vec<Value> = LANGUAGES
        .iter()
        .map(|language| {
            let mut all = vec!["--lang", language];
            all.extend_from_slice(args);
            all.push("--json");
            let mut answer = kring.json(&all);
            without_now(&mut answer);
            answer
        })
        .collect();
    for (language, answer) in LANGUAGES.iter().zip(&answers) {
        assert_eq!(answer, &answers[0], "{args:?} --json in {language}");
    }
}

/// The JSON without its sentences for people (`reason`, `reasons`), which are the only part
/// that may differ between languages when a code stands beside each.
fn without_sentences(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("reason");
            map.remove("reasons");
            map.values_mut().for_each(without_sentences);
        }
        Value::Array(items) => items.iter_mut().for_each(without_sentences),
        _ => {}
    }
}

fn has(text: &str, words: &[&str]) {
    for word in words {
        assert!(text.contains(word), "{word:?} not in:\n{text}");
    }
}

fn lacks(text: &str, words: &[&str]) {
    for word in words {
        assert!(!text.contains(word), "{word:?} in:\n{text}");
    }
}

#[test]
fn goals_speak_dutch_and_french_and_their_json_is_one() {
    let kring = demo();
    let goal = first_id(&kring, &["goal", "list", "--json"]);
    has(
        &say(&kring, "nl", &["goal", "list"]),
        &["prioritaire stakeholders gedekt", "actief"],
    );
    let french = say(&kring, "fr", &["goal", "show", &goal]);
    has(&french, &["couverture :", "liés :"]);
    lacks(&french, &["coverage:", "linked:"]);
    has(
        &say(&kring, "en", &["goal", "show", &goal]),
        &["coverage:", "linked:"],
    );
    json_is_the_same_in_every_language(&kring, &["goal", "list"]);
    json_is_the_same_in_every_language(&kring, &["goal", "show", &goal]);
}

#[test]
fn teams_speak_dutch_and_french_and_their_json_is_one() {
    let kring = demo();
    let team = first_id(&kring, &["team", "list", "--json"]);
    has(&say(&kring, "nl", &["team", "list"]), &[" leden, "]);
    let dutch = say(&kring, "nl", &["team", "show", &team]);
    has(&dutch, &["leden:", "verantwoordelijk:", "gekend door"]);
    let french = say(&kring, "fr", &["team", "show", &team]);
    has(&french, &["membres :", "responsable :", "connue de"]);
    lacks(&french, &["accountable:", "known by"]);
    json_is_the_same_in_every_language(&kring, &["team", "list"]);
    json_is_the_same_in_every_language(&kring, &["team", "show", &team]);
}

#[test]
fn partnerships_speak_dutch_and_french_and_their_json_is_one() {
    let kring = demo();
    let list = kring.json(&["partnership", "list", "--json"]);
    let partnership = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["partnership"]["red_lines"].to_string().contains("tag:"))
        .unwrap_or_else(|| panic!("no partnership with a checked red line: {list}"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    has(
        &say(&kring, "nl", &["partnership", "list"]),
        &["gezondheid", "volgende evaluatie"],
    );
    let french = say(&kring, "fr", &["partnership", "show", &partnership]);
    has(
        &french,
        &["statut :", "ligne rouge :", "prochaine évaluation :"],
    );
    // A checked red line is described in the reader's language and keeps its spelling.
    has(&french, &["aucun partenaire", "[tag:wapenhandel]"]);
    lacks(&french, &["red line:", "next review:"]);
    let german = say(&kring, "de", &["partnership", "show", &partnership]);
    has(&german, &["rote Linie:", "nächste Bewertung:"]);
    json_is_the_same_in_every_language(&kring, &["partnership", "list"]);
    json_is_the_same_in_every_language(&kring, &["partnership", "show", &partnership]);
}

#[test]
fn events_and_networkers_speak_dutch_and_french_and_their_json_is_one() {
    let kring = demo();
    let event = first_id(&kring, &["event", "list", "--json"]);
    has(
        &say(&kring, "nl", &["event", "list"]),
        &["uitgenodigd,", "aanwezig"],
    );
    let french = say(&kring, "fr", &["event", "show", &event]);
    has(&french, &["invités :", "présents :"]);
    lacks(&french, &["invited:", "attended:"]);
    let networkers = say(&kring, "nl", &["networker", "list"]);
    has(&networkers, &["enig aanspreekpunt voor", "actief"]);
    lacks(&networkers, &["sole contact for"]);
    has(
        &say(&kring, "fr", &["networker", "list"]),
        &["seul contact pour"],
    );
    json_is_the_same_in_every_language(&kring, &["event", "list"]);
    json_is_the_same_in_every_language(&kring, &["event", "show", &event]);
    json_is_the_same_in_every_language(&kring, &["networker", "list"]);
}

#[test]
fn the_kpis_speak_dutch_and_french_with_their_numbers_and_their_json_is_one() {
    let kring = demo();
    let english = say(&kring, "en", &["kpi"]);
    has(
        &english,
        &["  active relationships      ", "outcomes per 100 contacts"],
    );
    let dutch = say(&kring, "nl", &["kpi"]);
    has(
        &dutch,
        &[
            "actieve relaties",
            "wederkerigheidsbalans",
            "resultaten per 100 contacten",
        ],
    );
    lacks(&dutch, &["active relationships", "in the period"]);
    let french = say(&kring, "fr", &["kpi"]);
    has(&french, &["relations actives", "sur la période"]);
    // French writes a decimal comma and a narrow no-break space before "%".
    if english.contains('%') {
        assert!(french.contains("\u{202f}%"), "{french}");
    }
    json_is_the_same_in_every_language(&kring, &["kpi"]);
}

#[test]
fn the_handover_speaks_dutch_and_french_and_refusals_are_worded_too() {
    let kring = demo();
    let networkers = kring.json(&["networker", "list", "--json"]);
    let leaver = networkers
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["status"] == "active")
        .max_by_key(|n| n["relationships"].as_u64())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let dutch = say(&kring, "nl", &["offboard", &leaver, "--dry-run"]);
    has(
        &dutch,
        &[
            "Overdracht van",
            "(proefrun: niets gewijzigd)",
            "toegewezen",
        ],
    );
    lacks(&dutch, &["Handover of", "dry run"]);
    let french = say(&kring, "fr", &["offboard", &leaver, "--dry-run"]);
    has(&french, &["Passation de", "(simulation : rien n'a changé)"]);
    // The plan's JSON is one in every language once its sentences for people are set aside;
    // each sentence has its code beside it, the same everywhere.
    let plans: Vec<Value> = LANGUAGES
        .iter()
        .map(|language| {
            let mut plan = kring.json(&[
                "--lang",
                language,
                "offboard",
                &leaver,
                "--dry-run",
                "--json",
            ]);
            without_sentences(&mut plan);
            plan
        })
        .collect();
    for (language, plan) in LANGUAGES.iter().zip(&plans) {
        assert_eq!(plan, &plans[0], "offboard --json in {language}");
    }
    let english = kring.json(&["--lang", "en", "offboard", &leaver, "--dry-run", "--json"]);
    let items = english["items"].as_array().expect("the plan's items");
    assert!(!items.is_empty());
    for item in items {
        assert_eq!(
            item["reasons"].as_array().map(Vec::len),
            item["reason_codes"].as_array().map(Vec::len),
            "a code for each reason: {item}"
        );
        for candidate in item["candidates"].as_array().unwrap() {
            assert!(candidate["reason_code"].is_string(), "{candidate}");
        }
    }
    assert!(
        items.iter().any(|i| i["reason_codes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "nobody_else_knows" || c == "weakly_known_by_others")),
        "the demo's leaver has relationships at risk"
    );
    // A wrong kind of record and a bad --months are refused in the language asked for.
    let goal = first_id(&kring, &["goal", "list", "--json"]);
    kring.fails(
        &["--lang", "nl", "team", "show", &goal],
        "is een doelstelling, geen netwerkteam",
    );
    kring.fails(
        &["--lang", "fr", "kpi", "--months", "0"],
        "indiquez 1 à 120",
    );
}
