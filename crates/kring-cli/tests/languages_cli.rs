//! `kring` speaks Dutch, French, German and English: `--lang`, else `KRING_LANG`, else the POSIX
//! locale, else English. What people read changes language; `--json`, what scripts read, is
//! byte for byte the same in all four.

mod common;

use common::Kring;

const LANGUAGES: [&str; 4] = ["nl", "fr", "de", "en"];

/// A store with the demo network in it (a small one: the same seed gives the same network).
fn demo() -> Kring {
    let kring = Kring::initialised("An Peeters");
    kring.ok(&["demo", "--seed", "3", "--cards", "80"]);
    kring
}

#[test]
fn kring_lang_nl_today_speaks_dutch() {
    let kring = demo();
    let today = kring.ok(&["--lang", "nl", "today"]);
    assert!(today.contains("Opvolgingen die vervallen"), "{today}");
    assert!(today.contains("Bekoelend"), "{today}");
    assert!(!today.contains("Follow-ups due"), "{today}");
    assert!(!today.contains("Going cold"), "{today}");
    assert!(
        today.contains("dagen te laat") || today.contains("vandaag"),
        "due labels in Dutch: {today}"
    );
}

#[test]
fn kring_lang_fr_card_show_of_no_such_id_fails_in_french() {
    let kring = Kring::initialised("An Peeters");
    let run = kring.run(&["--lang", "fr", "card", "show", "NO-SUCH-ID"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr
            .contains("'NO-SUCH-ID' n'est pas un identifiant d'enregistrement"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("is not a record id"), "{}", run.stderr);
    // An id that looks like one but matches nothing: the same language.
    let run = kring.run(&["--lang", "fr", "card", "show", "0123abcd"]);
    assert!(
        run.stderr
            .contains("aucun identifiant d'enregistrement ne commence par '0123abcd'"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_german_locale_makes_search_speak_german() {
    let kring = Kring::initialised("An Peeters");
    let run = kring.run_with_env(&["search", "x"], &[("LANG", "de_BE.UTF-8")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "Nichts gefunden.");
    assert!(!run.stdout.contains("Nothing found"));
    // KRING_LANG beats the locale, --lang beats both.
    let run = kring.run_with_env(
        &["search", "x"],
        &[("LANG", "de_BE.UTF-8"), ("KRING_LANG", "nl")],
    );
    assert_eq!(run.stdout.trim(), "Niets gevonden.");
    let run = kring.run_with_env(
        &["--lang", "fr", "search", "x"],
        &[("LANG", "de_BE.UTF-8"), ("KRING_LANG", "nl")],
    );
    assert_eq!(run.stdout.trim(), "Aucun résultat.");
}

#[test]
fn without_a_language_anywhere_kring_speaks_english() {
    let kring = Kring::initialised("An Peeters");
    assert_eq!(kring.ok(&["search", "x"]).trim(), "Nothing found.");
    let run = kring.run_with_env(&["search", "x"], &[("LANG", "es_ES.UTF-8")]);
    assert_eq!(run.stdout.trim(), "Nothing found.", "Spanish means English");
}

#[test]
fn a_validation_error_from_the_core_is_worded_in_the_language() {
    let kring = Kring::in_temporary_folder();
    let run = kring.run(&[
        "--lang",
        "de",
        "init",
        "--name",
        "An",
        "--email",
        "an.peeters",
    ]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("'an.peeters' ist keine E-Mail-Adresse"),
        "{}",
        run.stderr
    );
    let run = kring.run(&["--lang", "nl", "card", "add", "person", "--name", "Jan"]);
    assert!(
        run.stderr.contains("de databank is nog niet ingesteld"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("not set up yet"), "{}", run.stderr);
}

#[test]
fn the_command_lines_own_refusals_are_worded_in_the_language() {
    let kring = demo();
    let card = kring.json(&["card", "list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let run = kring.run(&[
        "--lang",
        "fr",
        "log",
        "--with",
        &card,
        "--kind",
        "call",
        "--summary",
        "x",
        "--due",
        "tomorrow",
    ]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("--due demande --follow-up"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_due_date_typed_in_words_is_read_in_the_language() {
    let kring = demo();
    let card = kring.json(&["card", "list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let log = |lang: &str, text: &str, due: &str| {
        kring.ok(&[
            "--lang",
            lang,
            "log",
            "--with",
            &card,
            "--kind",
            "call",
            "--summary",
            "x",
            "--follow-up",
            text,
            "--due",
            due,
        ])
    };
    log("nl", "overmorgen bellen", "overmorgen");
    log("fr", "demain écrire", "demain");
    log("de", "in einer Woche", "nächste Woche");
    let today = chrono::Local::now().date_naive();
    let due_of = |text: &str| {
        let open = kring.json(&["follow-ups", "--json"]);
        let found = open
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["text"] == text)
            .unwrap_or_else(|| panic!("{text} in {open}"))
            .clone();
        found["due"].as_str().unwrap().to_owned()
    };
    let days = |n: i64| (today + chrono::Duration::days(n)).to_string();
    assert_eq!(due_of("overmorgen bellen"), days(2));
    assert_eq!(due_of("demain écrire"), days(1));
    assert_eq!(due_of("in einer Woche"), days(7));
    // Another language's word is not a date here.
    let run = kring.run(&[
        "--lang",
        "nl",
        "log",
        "--with",
        &card,
        "--kind",
        "call",
        "--summary",
        "x",
        "--follow-up",
        "y",
        "--due",
        "demain",
    ]);
    assert_ne!(run.code, 0, "{}", run.stdout);
}

#[test]
fn help_describes_the_commands_in_the_language() {
    let kring = Kring::in_temporary_folder();
    let help = kring.ok(&["--lang", "nl", "--help"]);
    assert!(help.contains("Opdrachten:"), "{help}");
    assert!(
        help.contains("Stel de databank in voor haar eigenaar"),
        "{help}"
    );
    assert!(!help.contains("Set up the store for its owner"), "{help}");
    let help = kring.ok(&["--lang=de", "card", "--help"]);
    assert!(help.contains("Karten auflisten"), "{help}");
    assert!(help.contains("Hilfe anzeigen"), "{help}");
    let english = kring.ok(&["--help"]);
    assert!(
        english.contains("Set up the store for its owner"),
        "{english}"
    );
}

#[test]
fn json_output_is_byte_for_byte_the_same_in_every_language() {
    let kring = demo();
    let cards = kring.json(&["card", "list", "--json"]);
    let person = cards
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "person")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invitation = capture_fixture("outlook_invitation.ics");
    let commands: Vec<Vec<&str>> = vec![
        vec!["today", "--json"],
        vec!["search", "haven", "--json"],
        vec!["search", "nothing-matches-this", "--json"],
        vec!["card", "list", "--json"],
        vec!["card", "show", &person, "--json"],
        vec!["follow-ups", "--json"],
        vec!["duplicates", "--json"],
        vec!["conflicts", "--json"],
        vec!["kpi", "--json"],
        vec!["graph", "stats", "--json"],
        vec!["members", "--json"],
        vec!["check", "--json"],
        vec!["graph", "risk", "--json"],
        vec!["graph", "path", "me", &person, "--json"],
        vec!["purpose", "list", "--json"],
        vec!["retention", "rules", "--json"],
        vec!["retention", "--dry-run", "--json"],
        vec!["access-request", "list", "--json"],
        vec!["erasures", "--json"],
        vec!["processing-log", "--json"],
        vec!["capture", &invitation, "--dry-run", "--json"],
    ];
    for command in commands {
        let outputs: Vec<(String, String)> = LANGUAGES
            .iter()
            .map(|language| {
                let mut args = vec!["--lang", language];
                args.extend(&command);
                (language.to_string(), kring.ok(&args))
            })
            .collect();
        let (_, english) = outputs.last().unwrap();
        assert!(
            serde_json::from_str::<serde_json::Value>(english).is_ok(),
            "{command:?} prints JSON"
        );
        let english = without_the_moment_of_the_run(english);
        for (language, output) in &outputs {
            let output = without_the_moment_of_the_run(output);
            let first_difference = output.lines().zip(english.lines()).find(|(a, b)| a != b);
            assert!(
                output == english,
                "kring --lang {language} {command:?} differs from English: {first_difference:?}"
            );
        }
    }
}

/// The output with the time of the run (`generated_at`, the end of the current month in `kpi`)
/// masked: the runs in four languages are seconds apart. Nothing else is touched.
fn without_the_moment_of_the_run(output: &str) -> String {
    let today = chrono::Utc::now().format("%Y-%m-%dT").to_string();
    output
        .lines()
        .map(|line| match line.find(&format!("\"{today}")) {
            Some(start) if line.trim_end_matches(',').ends_with("Z\"") => {
                format!("{}\"<now>\"", &line[..start])
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn capture_fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../kring-interop/tests/fixtures/capture")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// The id of the demo's first card of `kind`.
fn first_card(kring: &Kring, kind: &str) -> String {
    kring
        .json(&["card", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|card| card["kind"] == kind)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_data_protection_commands_speak_the_language_with_the_gdprs_own_terms() {
    let kring = demo();
    let purposes = kring.ok(&["--lang", "nl", "purpose", "list"]);
    assert!(
        purposes.contains("een taak van algemeen belang"),
        "{purposes}"
    );
    assert!(purposes.contains("art. 6, lid 1, e), AVG"), "{purposes}");
    assert!(purposes.contains("standaard van Kring"), "{purposes}");
    assert!(!purposes.contains("GDPR"), "{purposes}");
    let purposes = kring.ok(&["--lang", "fr", "purpose", "list"]);
    assert!(purposes.contains("mission d'intérêt public"), "{purposes}");
    assert!(purposes.contains("du RGPD"), "{purposes}");
    let purposes = kring.ok(&["--lang", "de", "purpose", "list"]);
    assert!(
        purposes.contains("Art. 6 Abs. 1 Buchst. e DSGVO"),
        "{purposes}"
    );

    assert_eq!(
        kring.ok(&["--lang", "nl", "erasures"]).trim(),
        "Niemand werd gewist."
    );
    assert_eq!(
        kring.ok(&["--lang", "fr", "access-request", "list"]).trim(),
        "Aucune demande d'accès."
    );
    let rules = kring.ok(&["--lang", "de", "retention", "rules"]);
    assert!(rules.starts_with("Keine Aufbewahrungsregeln"), "{rules}");

    let person = first_card(&kring, "person");
    let marked = kring.ok(&["--lang", "de", "restrict", &person, "--status", "objected"]);
    assert!(marked.contains("Widerspruch eingelegt"), "{marked}");
    assert!(!marked.contains("left out of reminders"), "{marked}");
    let log = kring.ok(&["--lang", "nl", "processing-log"]);
    assert!(log.contains("beperking"), "the activity in Dutch: {log}");
    assert!(!log.contains("record(s)"), "{log}");

    let report = kring.store().join("inzage.html");
    let written = kring.ok(&[
        "--lang",
        "nl",
        "subject-access",
        &person,
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(written.starts_with("inzageverslag voor"), "{written}");
    let refused = kring.run(&["--lang", "fr", "subject-access", &person, "--out", "x.pdf"]);
    assert_ne!(refused.code, 0);
    assert!(
        refused.stderr.contains("indiquez FICHIER.html"),
        "{}",
        refused.stderr
    );
}

#[test]
fn graph_stats_risk_and_paths_speak_the_language_with_its_decimal_comma() {
    let kring = demo();
    let stats = kring.ok(&["--lang", "nl", "graph", "stats"]);
    for dutch in [
        "Netwerk:",
        "Bruggenbouwers",
        "Sleutelfigurenrisico",
        "gemiddelde graad",
    ] {
        assert!(stats.contains(dutch), "{dutch}: {stats}");
    }
    for english in [
        "Brokers",
        "Key-person risk",
        "betweenness",
        "relationships going cold",
    ] {
        assert!(!stats.contains(english), "{english}: {stats}");
    }
    let modularity = stats
        .lines()
        .find(|line| line.contains("modulariteit"))
        .unwrap();
    assert!(
        modularity.contains("0,") || modularity.contains("1,"),
        "a decimal comma: {modularity}"
    );
    let risk = kring.ok(&["--lang", "fr", "graph", "risk"]);
    assert!(risk.starts_with("Risque lié aux personnes clés"), "{risk}");
    let english = kring.ok(&["graph", "stats"]);
    assert!(english.contains("Key-person risk:"), "{english}");
    assert!(
        english.contains("Brokers (betweenness, exact):"),
        "{english}"
    );
}

#[test]
fn a_capture_dry_run_speaks_the_language_and_its_json_does_not() {
    let kring = Kring::initialised("An Peeters");
    let port = kring.id(&[
        "card",
        "add",
        "org",
        "--name",
        "Port of Antwerp-Bruges",
        "--website",
        "https://www.portofantwerpbruges.com",
    ]);
    kring.ok(&[
        "card",
        "add",
        "person",
        "--name",
        "Jan Janssens",
        "--email",
        "jan.janssens@portofantwerpbruges.com",
        "--org",
        &port,
    ]);
    let invitation = capture_fixture("outlook_invitation.ics");
    let dutch = kring.ok(&["--lang", "nl", "capture", &invitation, "--dry-run"]);
    assert!(dutch.contains("vergadering"), "{dutch}");
    assert!(dutch.contains("loggen: te loggen."), "{dutch}");
    assert!(
        dutch.contains("Proefdraai: er is niets veranderd."),
        "{dutch}"
    );
    assert!(!dutch.contains("Dry run"), "{dutch}");
    let german = kring.ok(&["--lang", "de", "capture", &invitation, "--dry-run"]);
    assert!(german.contains("erfassen: zu erfassen."), "{german}");
    let english = kring.ok(&["capture", &invitation, "--dry-run"]);
    assert!(english.contains("log: to log."), "{english}");
    assert!(
        english.contains("Dry run: nothing was changed. Would log 1"),
        "{english}"
    );
    // A file that is not a capture, or is not there, is refused in the language; nothing is logged.
    let notes = kring.store().join("notes.txt");
    std::fs::write(&notes, "not a meeting").unwrap();
    let refused = kring.run(&["--lang", "fr", "capture", notes.to_str().unwrap()]);
    assert_ne!(refused.code, 0);
    assert!(
        refused.stderr.contains("rien n'a été enregistré")
            && refused.stderr.contains("n'est ni un fichier iCalendar")
            && !refused.stderr.contains("is neither"),
        "{}",
        refused.stderr
    );
    let missing = kring.run(&["--lang", "nl", "capture", "weg.ics"]);
    assert!(
        missing.stderr.contains("weg.ics: bestaat niet"),
        "{}",
        missing.stderr
    );
    assert_eq!(kring.json(&["follow-ups", "--json"]), serde_json::json!([]));
}

#[test]
fn the_help_of_graph_and_the_data_protection_commands_is_in_the_language() {
    let kring = Kring::in_temporary_folder();
    let help = kring.ok(&["--lang", "fr", "graph", "--help"]);
    assert!(help.contains("Risque lié aux personnes clés"), "{help}");
    assert!(!help.contains("Key-person risk"), "{help}");
    let help = kring.ok(&["--lang", "nl", "forget", "--help"]);
    assert!(help.contains("De betrokkene"), "{help}");
    let help = kring.ok(&["--lang", "de", "help", "retention", "add"]);
    assert!(help.contains("Aufbewahrungsregel"), "{help}");
    let help = kring.ok(&["--lang", "nl", "today", "--help"]);
    assert!(help.contains("Druk JSON af voor scripts"), "{help}");
}

#[test]
fn kring_lang_nl_with_an_unknown_command_says_so_in_dutch_and_exits_2() {
    let kring = Kring::initialised("An Peeters");
    let run = kring.run(&["--lang", "nl", "nosuchcommand"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim(),
        "kring: onbekende opdracht 'nosuchcommand'; typ 'kring help' voor hulp"
    );
    assert!(!run.stderr.contains("unrecognized"), "{}", run.stderr);
    assert!(!run.stderr.contains("Usage"), "{}", run.stderr);
}

#[test]
fn clap_s_refusals_follow_the_language_and_name_the_help_of_the_command_typed() {
    let kring = Kring::initialised("An Peeters");
    // A missing required option, in French, pointing at the help of `card add`.
    let run = kring.run(&["--lang", "fr", "card", "add", "person"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("ces arguments obligatoires manquent : --name <NAME>"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("'kring help card add person'"),
        "{}",
        run.stderr
    );
    // A value not among the possible ones, in German from the locale, with clap's suggestion.
    let run = kring.run_with_env(
        &["graph", "export", "--format", "graphm", "--out", "x"],
        &[("LANG", "de_BE.UTF-8")],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("ungültiger Wert 'graphm' für '--format <FORMAT>'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("meinten Sie 'graphml'?"),
        "{}",
        run.stderr
    );
    // A value Kring's own parser refuses: the reason is in the language too.
    let run = kring.run(&[
        "--lang", "nl", "card", "add", "org", "--name", "X", "--sector", "galactic",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("ongeldige waarde 'galactic' voor '--sector <SECTOR>'"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("is not one of"), "{}", run.stderr);
    // An unknown option, and one used twice.
    let run = kring.run(&["--lang", "de", "today", "--jsn"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("unerwartetes Argument '--jsn'"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("'kring help today'"), "{}", run.stderr);
    // English keeps clap's own words.
    let run = kring.run(&["--lang", "en", "nosuchcommand"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unrecognized subcommand 'nosuchcommand'"),
        "{}",
        run.stderr
    );
}

#[test]
fn help_and_version_are_still_printed_as_they_were() {
    let kring = Kring::initialised("An Peeters");
    let run = kring.run(&["--lang", "nl", "--version"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("kring "), "{}", run.stdout);
    let run = kring.run(&["--lang", "nl", "--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Gebruik:"), "{}", run.stdout);
}

#[test]
fn kring_capture_says_a_readers_warning_in_french_and_keeps_it_english_in_json() {
    let kring = Kring::initialised("An Peeters");
    let email = capture_fixture("outlook_invitation.eml");
    let french = kring.ok(&["--lang", "fr", "capture", &email, "--dry-run"]);
    assert!(
        french.contains("l'e-mail contient une invitation à une réunion"),
        "{french}"
    );
    assert!(!french.contains("carries a meeting invitation"), "{french}");
    assert!(
        french.contains("aucune partie prenante connue"),
        "the skipped meeting's reason: {french}"
    );
    let json = kring.json(&["--lang", "fr", "capture", &email, "--dry-run", "--json"]);
    assert_eq!(
        json["files"][0]["warnings"][0],
        serde_json::json!({
            "code": "invitation_in_email",
            "message": "the e-mail carries a meeting invitation: the meeting is read, not the e-mail"
        })
    );
}

/// A store damaged in each way `kring check` words: an index entry missing, an entry with no
/// record, a record's search terms that differ, a name that became a number, and a copy of a
/// person among the notes. Written in the store's own layout, as a bug or a forged file would
/// leave it.
fn damaged_store() -> Kring {
    let kring = Kring::initialised("An Peeters");
    let jan = kring.id(&["card", "add", "person", "--name", "Jan Peeters"]);
    let koen = kring.id(&["card", "add", "person", "--name", "Koen Maes"]);
    let els = kring.id(&["card", "add", "person", "--name", "Els Wouters"]);
    let mia = kring.id(&["card", "add", "person", "--name", "Mia Claes"]);
    let id = |text: &str| text.parse::<kring_core::model::RecordId>().unwrap();
    let db = sled::open(kring.store()).expect("raw sled");
    let terms = db.open_tree("index.record_terms").unwrap();
    terms.remove(id(&jan).as_bytes()).unwrap();
    db.open_tree("index.conflicts")
        .unwrap()
        .insert([9u8; 32], &[][..])
        .unwrap();
    // An empty list of terms, as postcard writes it: not the terms Els's name calls for.
    db.open_tree("index.record_terms")
        .unwrap()
        .insert(id(&els).as_bytes(), &[0u8][..])
        .unwrap();
    let people = db.open_tree("records.person").unwrap();
    // Mia's name became a number, under the same stamp.
    let stored = people.get(id(&mia).as_bytes()).unwrap().unwrap();
    let mut state = kring_core::store::layout::decode(id(&mia).0, &stored).unwrap();
    let name = state.fields.get_mut("display_name").unwrap();
    let stamp = name.current().unwrap().stamp;
    name.write(b"42".to_vec(), stamp);
    people
        .insert(
            id(&mia).as_bytes(),
            kring_core::store::layout::encode(&state),
        )
        .unwrap();
    // A copy of Koen among the notes, still saying it is a person.
    let stored = people.get(id(&koen).as_bytes()).unwrap().unwrap();
    db.open_tree("records.note")
        .unwrap()
        .insert(id(&koen).as_bytes(), stored)
        .unwrap();
    db.flush().unwrap();
    drop(db);
    kring
}

#[test]
fn kring_check_in_dutch_words_every_problem_it_finds_in_dutch() {
    let kring = damaged_store();
    let english = kring.run(&["--lang", "en", "check"]);
    for words in [
        "index.record_terms: ",
        "index.conflicts: 0909",
        "(terms differ)",
        "stored among the 'note' records but says it is a 'person'",
        "while this store knows it as a 'person'",
        "display_name: a number where text is expected",
    ] {
        assert!(
            english.stdout.contains(words),
            "{words}: {}",
            english.stdout
        );
    }

    let dutch = kring.run(&["--lang", "nl", "check"]);
    assert_ne!(dutch.code, 0, "a damaged store is not clean");
    for words in [
        "ontbreekt index.record_terms: ",
        "index.conflicts: 0909",
        "bewaard bij de 'note'-records maar zegt dat het een 'person' is",
        "(zoektermen verschillen)",
        "terwijl deze databank het kent als een 'person'",
        "indexregels gecontroleerd",
        "display_name: een getal waar tekst wordt verwacht",
    ] {
        assert!(dutch.stdout.contains(words), "{words}: {}", dutch.stdout);
    }
    for words in [
        "missing",
        "terms differ",
        "stored",
        "while this store",
        "records but",
        "is expected",
    ] {
        assert!(!dutch.stdout.contains(words), "{words}: {}", dutch.stdout);
    }
    assert!(
        dutch.stderr.contains("kring check --repair"),
        "{}",
        dutch.stderr
    );

    // What scripts read does not change with the language.
    assert_eq!(
        kring.run(&["--lang", "nl", "check", "--json"]).stdout,
        kring.run(&["--lang", "en", "check", "--json"]).stdout
    );
}
