//! The people on the cards have rights (issue #15), on the command line with the real binary and
//! a real store folder: the subject access report, erasure whose bytes are gone from every file
//! of the store after `kring compact`, objection and restriction, retention rules with a dry run,
//! the processing log — and the refusals, each with one clear line that changes nothing.

mod common;

use common::Kring;
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

fn store_in(dir: &TempDir, name: &str, role: &str) -> Kring {
    Kring::at(dir.path().join(name)).set_up(name, role)
}

fn path(dir: &TempDir, name: &str) -> String {
    dir.path().join(name).to_str().unwrap().to_owned()
}

/// Every file under a folder whose raw bytes contain `needle`.
fn files_holding(folder: &Path, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle)
            {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

fn count_files(folder: &Path) -> usize {
    let mut count = 0;
    let mut pending = vec![folder.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                count += 1;
            }
        }
    }
    count
}

/// Mia (a manager) knows Jan, whose name, note and address carry a canary, at the port; she met
/// him and Marie. Returns Jan's and Marie's ids and the meeting's.
fn mia_knows_jan(mia: &Kring) -> (String, String, String) {
    let port = mia.id(&["card", "add", "org", "--name", "Port of Antwerp-Bruges"]);
    let jan = mia.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Jan CANARYJAN Peeters",
        "--email",
        "jan.canarymail@portofantwerp.be",
        "--phone",
        "+32 3 205 20 11",
        "--org",
        &port,
        "--title",
        "havenkapitein",
    ]);
    let marie = mia.id(&["card", "add", "person", "--name", "Marie Dubois"]);
    mia.ok(&["relate", &jan, "--strength", "4", "--cadence", "30"]);
    mia.ok(&["note", &jan, "CANARYNOTE fietst elke dag"]);
    let meeting = mia.id(&[
        "log",
        "--with",
        &jan,
        "--with",
        &marie,
        "--kind",
        "meeting",
        "--at",
        "yesterday",
        "--summary",
        "Overleg kaaimuren",
        "--follow-up",
        "Stuur Jan de nota",
        "--due",
        "tomorrow",
    ]);
    (jan, marie, meeting)
}

#[test]
fn a_subject_access_report_holds_every_record_about_the_person_with_its_source_in_html_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let mia = store_in(&dir, "Mia", "manager");
    let (jan, _, meeting) = mia_knows_jan(&mia);
    mia.ok(&["note", &jan, "<script>alert(1)</script>"]);

    let json_path = path(&dir, "jan.json");
    let said = mia.ok(&["subject-access", &jan, "--out", &json_path]);
    assert!(said.contains("wrote the subject access report"), "{said}");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(report["subject"], jan.as_str());
    let items = report["items"].as_array().unwrap();
    let kinds: Vec<&str> = items.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    for kind in [
        "person",
        "affiliation",
        "relationship",
        "note",
        "interaction",
        "follow_up",
    ] {
        assert!(
            kinds.contains(&kind),
            "the report holds the {kind}: {kinds:?}"
        );
    }
    assert!(items.iter().any(|i| i["id"] == meeting.as_str()));
    for item in items {
        assert_eq!(
            item["source"]["author"], "Mia",
            "each record says who wrote it: {item}"
        );
        assert!(item["source"]["created_at"].is_string(), "and when: {item}");
    }
    assert_eq!(report["purposes"][0]["article"], "Art. 6(1)(e) GDPR");
    assert!(report["rights"].to_string().contains("Art. 17"));

    let html_path = path(&dir, "jan.html");
    mia.ok(&["subject-access", &jan[..23], "--out", &html_path]);
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.contains("CANARYJAN") && html.contains("Overleg kaaimuren"));
    assert!(
        !html.contains("<script>alert(1)</script>") && html.contains("&lt;script&gt;"),
        "a note is text in the page, never markup"
    );

    let log = mia.json(&["processing-log", "--json"]);
    let access: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["activity"] == "subject_access")
        .collect();
    assert_eq!(access.len(), 2, "both reports are logged: {log}");
    assert_eq!(access[0]["what"]["code"], "person", "{log}");
    assert_eq!(access[0]["what"]["person"], jan.as_str(), "{log}");
    assert!(access[0]["text"].as_str().unwrap().contains(&jan));
}

/// A report's JSON without its sentences for people: what is left is codes, ids and values.
fn without_sentences(mut report: Value) -> Value {
    fn drop(value: &mut Value, keys: &[&str]) {
        if let Some(object) = value.as_object_mut() {
            for key in keys {
                object.remove(*key);
            }
        }
    }
    // `generated_at` is not a sentence, but each run writes its report at its own moment.
    drop(&mut report, &["recipients", "generated_at"]);
    for right in report["rights"].as_array_mut().unwrap() {
        drop(right, &["text"]);
    }
    for purpose in report["purposes"].as_array_mut().unwrap() {
        drop(
            purpose,
            &[
                "name",
                "description",
                "article",
                "recipients",
                "data_categories",
            ],
        );
    }
    for item in report["items"].as_array_mut().unwrap() {
        drop(item, &["relation"]);
        drop(&mut item["source"], &["written_by"]);
        for past in item["history"].as_array_mut().unwrap() {
            drop(past, &["written_by"]);
        }
    }
    report
}

#[test]
fn a_subject_access_report_in_json_has_the_same_keys_and_codes_in_every_language_and_a_relation_code(
) {
    let dir = tempfile::tempdir().unwrap();
    let mia = store_in(&dir, "Mia", "manager");
    let (jan, _, _) = mia_knows_jan(&mia);
    let mut reports = Vec::new();
    for language in ["en", "nl", "fr", "de"] {
        let out = path(&dir, &format!("jan-{language}.json"));
        mia.ok(&["--lang", language, "subject-access", &jan, "--out", &out]);
        let report: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        reports.push((language, report));
    }
    let (_, english) = &reports[0];
    let card = english["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == jan.as_str())
        .unwrap();
    assert_eq!(card["relation_code"], "their_card");
    assert_eq!(card["relation"], "their card");
    let codes: Vec<&str> = english["rights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|right| right["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "access",
            "rectification",
            "erasure",
            "restriction_and_objection",
            "complaint"
        ]
    );
    for (language, report) in &reports[1..] {
        assert_ne!(
            report["items"], english["items"],
            "the {language} report words the relations in {language}"
        );
        assert_eq!(
            without_sentences(report.clone()),
            without_sentences(english.clone()),
            "the {language} report differs from the English one only in its sentences"
        );
    }
    let dutch = &reports[1].1;
    assert!(dutch["rights"][4]["text"]
        .as_str()
        .unwrap()
        .contains("Gegevensbeschermingsautoriteit"));
    let french = &reports[2].1;
    assert!(french["rights"][4]["text"]
        .as_str()
        .unwrap()
        .contains("Autorité de protection des données"));
    let german = &reports[3].1;
    assert!(german["rights"][4]["text"]
        .as_str()
        .unwrap()
        .contains("Datenschutzbehörde"));
}

#[test]
fn the_processing_log_reads_in_the_language_asked_for_from_the_same_stored_codes_and_its_json_is_one(
) {
    let dir = tempfile::tempdir().unwrap();
    let mia = store_in(&dir, "Mia", "manager");
    let (jan, _, _) = mia_knows_jan(&mia);
    mia.ok(&["subject-access", &jan, "--out", &path(&dir, "jan.html")]);
    let english = mia.json(&["processing-log", "--json"]);
    let dutch = mia.json(&["--lang", "nl", "processing-log", "--json"]);
    let line = |log: &Value| {
        log.as_array()
            .unwrap()
            .iter()
            .find(|e| e["activity"] == "subject_access")
            .cloned()
            .unwrap()
    };
    let (english, dutch) = (line(&english), line(&dutch));
    // --json is one in every language (scripts compare it): the code, and its words in English.
    assert_eq!(english, dutch, "the code, its ids and the words");
    assert_eq!(english["text"], format!("person {jan}"));
    // The table for people reads the same stored code in Dutch.
    let table = mia.ok(&["--lang", "nl", "processing-log"]);
    assert!(table.contains(&format!("betrokkene {jan}")), "{table}");
}

#[test]
fn a_subject_access_report_refuses_an_unknown_format_or_person_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mia = store_in(&dir, "Mia", "manager");
    let (jan, _, _) = mia_knows_jan(&mia);
    let pdf = path(&dir, "jan.pdf");
    mia.fails(&["subject-access", &jan, "--out", &pdf], "FILE.html");
    assert!(!Path::new(&pdf).exists());
    let html = path(&dir, "nobody.html");
    mia.fails(
        &[
            "subject-access",
            "00000000-0000-7000-8000-000000000000",
            "--out",
            &html,
        ],
        "00000000-0000-7000-8000-000000000000",
    );
    assert!(!Path::new(&html).exists());
    let org = mia.id(&["card", "add", "org", "--name", "Stad Gent"]);
    mia.fails(&["subject-access", &org, "--out", &html], "person");
    assert!(!Path::new(&html).exists());
    assert!(
        !mia.ok(&["processing-log"]).contains("subject_access"),
        "a refused report is not logged as written"
    );
}

#[test]
fn after_forget_and_compact_no_file_under_the_store_folder_holds_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let mia = store_in(&dir, "Mia", "manager");
    let (jan, marie, meeting) = mia_knows_jan(&mia);
    // A backup inside the store folder holds Jan as well.
    mia.ok(&["backup"]);
    mia.ok(&[
        "card",
        "edit",
        &jan,
        "--set",
        "display_name=Jan CANARYOLDNAME Peeters",
    ]);
    mia.ok(&[
        "card",
        "edit",
        &jan,
        "--set",
        "display_name=Jan CANARYJAN Peeters",
    ]);
    assert!(!files_holding(mia.store(), b"CANARYJAN").is_empty());

    let said = mia.ok(&["forget", &jan, "--reason", "Art. 17, verzoek 2026-014"]);
    assert!(
        said.contains("forgot") && said.contains("kring compact"),
        "{said}"
    );
    assert!(!mia.ok(&["search", "canaryjan"]).contains(&jan));
    assert!(
        !files_holding(mia.store(), b"CANARYJAN").is_empty(),
        "hidden, but until compaction the bytes are still on disk (sled's log, the backup)"
    );
    assert_eq!(mia.run(&["card", "show", &jan]).code, 1, "the card is gone");
    let shown = mia.json(&["card", "show", &marie, "--json"]);
    assert!(
        shown.to_string().contains(&meeting) && !shown.to_string().contains(&jan),
        "the meeting stays with Marie and without Jan: {shown}"
    );

    let compacted = mia.ok(&["compact"]);
    assert!(compacted.contains("rewrote"), "{compacted}");
    assert!(
        count_files(mia.store()) > 3,
        "the store folder is not empty"
    );
    for canary in [
        &b"CANARYJAN"[..],
        b"CANARYNOTE",
        b"CANARYOLDNAME",
        b"canarymail",
        b"205 20 11",
    ] {
        assert_eq!(
            files_holding(mia.store(), canary),
            Vec::<String>::new(),
            "no file of the store holds {}",
            String::from_utf8_lossy(canary)
        );
    }
    // The store still works, and knows whom it erased (by id and reason, no name).
    assert!(mia.ok(&["card", "list"]).contains("Marie Dubois"));
    let erasures = mia.ok(&["erasures"]);
    assert!(
        erasures.contains(&jan) && erasures.contains("verzoek 2026-014"),
        "{erasures}"
    );
    let log = mia.ok(&["processing-log"]);
    assert!(
        log.contains("erasure") && log.contains("compaction"),
        "{log}"
    );
}

#[test]
fn forget_refuses_without_a_reason_a_non_person_and_a_networker_erasing_for_everyone() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    common::one_organisation(&mia, &[(&an, "networker")]);
    let (jan, _, _) = mia_knows_jan(&mia);
    mia.fails(&["forget", &jan, "--reason", "   "], "reason");
    let org = mia.id(&["card", "add", "org", "--name", "Stad Gent"]);
    mia.fails(&["forget", &org, "--reason", "Art. 17"], "only a person");

    let shared = an.id(&["card", "add", "person", "--name", "Els Janssens"]);
    let master = path(&dir, "an.kring");
    an.ok(&["export", "--out", &master]);
    an.fails(
        &["forget", &shared, "--reason", "Art. 17"],
        "only a Manager of the Network",
    );
    // A networker may forget a card they kept private, on their own store.
    let private = an.id(&[
        "card",
        "add",
        "person",
        "--name",
        "Piet Privé",
        "--visibility",
        "private",
    ]);
    let said = an.ok(&["forget", &private, "--reason", "asked me in person"]);
    assert!(said.contains("on this store"), "{said}");
    assert!(!an.ok(&["card", "list"]).contains("Piet Privé"));
}

#[test]
fn an_objected_person_is_marked_on_their_card_and_left_out_of_going_cold_until_the_mark_is_lifted()
{
    let dir = tempfile::tempdir().unwrap();
    let mia = store_in(&dir, "Mia", "manager");
    let els = mia.id(&["card", "add", "person", "--name", "Els Janssens"]);
    mia.ok(&["relate", &els, "--strength", "3", "--cadence", "30"]);
    mia.ok(&[
        "log",
        "--with",
        &els,
        "--kind",
        "call",
        "--at=-90",
        "--summary",
        "Kort gesprek",
    ]);
    let going_cold = |mia: &Kring| mia.json(&["today", "--json"])["going_cold"].to_string();
    assert!(going_cold(&mia).contains(&els), "Els is going cold");

    mia.fails(&["restrict", &els, "--status", "maybe"], "maybe");
    mia.ok(&[
        "restrict",
        &els,
        "--status",
        "objected",
        "--reason",
        "brief van 2026-11-02",
    ]);
    let card = mia.ok(&["card", "show", &els]);
    assert!(
        card.contains("restriction") && card.contains("objected"),
        "{card}"
    );
    assert!(mia.ok(&["card", "list"]).contains("[objected]"));
    assert!(
        !going_cold(&mia).contains(&els),
        "an objected person is never in a reminder"
    );

    mia.ok(&["restrict", &els, "--status", "lifted"]);
    assert!(
        going_cold(&mia).contains(&els),
        "back once the mark is lifted"
    );
    assert!(!mia.ok(&["card", "show", &els]).contains("objected"));
}

#[test]
fn a_retention_rule_is_shown_by_a_dry_run_that_changes_nothing_then_clears_old_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let an = store_in(&dir, "An", "networker");
    let mia = store_in(&dir, "Mia", "manager");
    common::one_organisation(&mia, &[(&an, "networker")]);
    let els = mia.id(&["card", "add", "person", "--name", "Els Janssens"]);
    let old = mia.id(&[
        "log",
        "--with",
        &els,
        "--kind",
        "meeting",
        "--at",
        "2018-03-01",
        "--summary",
        "Overleg kaaimuren",
    ]);
    let recent = mia.id(&[
        "log",
        "--with",
        &els,
        "--kind",
        "meeting",
        "--at",
        "yesterday",
        "--summary",
        "Opvolging subsidie",
    ]);
    let rule = [
        "retention",
        "add",
        "--name",
        "Samenvattingen na zes jaar",
        "--kind",
        "interaction",
        "--action",
        "clear",
        "--after",
        "6y",
        "--field",
        "summary",
        "--legal-reference",
        "Selectielijst lokale besturen 2026, reeks 3.2",
    ];
    an.fails(&rule, "Manager of the Network");
    let mut bad = rule;
    bad[9] = "0";
    mia.fails(&bad, "--after '0'");
    // (Before the rule: any command opening the store applies a rule that changed.)
    mia.fails(
        &["retention", "--confirm", &els],
        "not proposed for erasure",
    );
    mia.ok(&rule);
    assert!(mia.ok(&["retention", "rules"]).contains("Selectielijst"));

    for _ in 0..2 {
        let dry = mia.ok(&["retention", "--dry-run"]);
        assert!(
            dry.contains("would concern 1 record(s)")
                && dry.contains(&old)
                && !dry.contains(&recent)
                && dry.contains("nothing was changed"),
            "the dry run lists the old meeting, and changes nothing (twice the same): {dry}"
        );
    }
    let applied = mia.ok(&["retention"]);
    assert!(applied.contains("did concern 1 record(s)"), "{applied}");
    let card = mia.json(&["card", "show", &els, "--json"]).to_string();
    assert!(
        !card.contains("Overleg kaaimuren")
            && card.contains("removed under a retention rule")
            && card.contains("Opvolging subsidie"),
        "the old summary is cleared, the recent one stays: {card}"
    );
    assert!(mia
        .ok(&["retention", "--dry-run"])
        .contains("would concern 0 record(s)"));
    assert!(mia.ok(&["processing-log"]).contains("retention"));
}

/// Ctrl-C in the middle of `kring compact` (at a million cards it copies for minutes): the
/// compaction stops after its batch, removes its partial copy instead of leaving gigabytes in
/// `compact.new/`, says so, and ends as the shell expects of an interrupt; the store is as it was.
#[cfg(unix)]
#[test]
fn ctrl_c_during_compact_removes_the_partial_copy_and_leaves_the_store_as_it_was() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let an = Kring::initialised("An Peeters");
    // 87,000 entries: two seconds to copy in a debug build, time enough to press Ctrl-C.
    an.ok(&["demo", "--cards", "2000"]);
    let before = an.ok(&["digest"]);

    let mut compacting = Command::new(assert_cmd::cargo::cargo_bin("kring"));
    for name in ["KRING_STORE", "KRING_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        compacting.env_remove(name);
    }
    let mut child = compacting
        .arg("--store")
        .arg(an.store())
        .arg("compact")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The copy has begun once its folder is there (the handler is installed before).
    let copy = an.store().join("compact.new");
    let started = Instant::now();
    while !copy.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the compaction ended before Ctrl-C could reach it"
        );
        assert!(started.elapsed() < Duration::from_secs(120));
        std::thread::sleep(Duration::from_millis(2));
    }
    let sent = Command::new("kill")
        .args(["-s", "INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("Compacting stopped: cards and their history are as they were."),
        "{stderr}"
    );
    assert!(
        !String::from_utf8_lossy(&output.stdout).contains("rewrote"),
        "it did not finish the copy"
    );
    assert!(!copy.exists(), "the partial copy was removed");
    assert_eq!(an.ok(&["digest"]), before);
    // A later compaction goes through.
    assert!(an.ok(&["compact"]).contains("rewrote"));
    assert_eq!(an.ok(&["digest"]), before);
}
